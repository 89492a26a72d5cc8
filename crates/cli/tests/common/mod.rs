//! What the CLI tests share: running the binary against a library, and reading it back.

#![allow(dead_code)] // each test binary uses its own subset

use cvdeck_synth::{bombs, SyntheticResume};
use std::path::Path;
use std::process::{Command, Output};

/// The CLI binary under test.
pub fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_cvdeck-cli"))
}

/// `cvdeck-cli --library LIBRARY ARGS...`, whatever it answers.
pub fn run(library: &Path, args: &[&str]) -> Output {
    cli()
        .arg("--library")
        .arg(library)
        .args(args)
        .output()
        .unwrap()
}

/// The output of a command that must have succeeded (`what` names it if not).
pub fn succeeded(out: Output, what: &[&str]) -> Output {
    assert!(
        out.status.success(),
        "{what:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// `cvdeck-cli --library LIBRARY import ARGS... INPUT`, which must succeed.
pub fn import(library: &Path, args: &[&str], input: &Path) -> Output {
    let out = cli()
        .arg("--library")
        .arg(library)
        .arg("import")
        .args(args)
        .arg(input)
        .output()
        .unwrap();
    succeeded(out, args)
}

/// Every row of the library, as `list --json` prints them.
pub fn list_json(library: &Path) -> Vec<serde_json::Value> {
    let out = cli()
        .arg("--library")
        .arg(library)
        .args(["list", "--json"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Fails if a parser worker of this binary is still running.
pub fn assert_no_worker_left() {
    // Only this binary's workers: other programs on the machine may run their own.
    let pattern = format!(
        "{} {}",
        env!("CARGO_BIN_EXE_cvdeck-cli"),
        cvdeck_engine::worker::WORKER_ARG
    );
    let workers = Command::new("pgrep")
        .args(["-f", &pattern])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&workers.stdout).trim().is_empty(),
        "a worker outlived the import"
    );
}

/// The four crafted PDFs of `synth::bombs` and one good resume in `d`; the good one.
pub fn write_bombs_and_a_good_file(d: &Path) -> SyntheticResume {
    std::fs::write(d.join("self-drawing.pdf"), bombs::self_drawing_xobject()).unwrap();
    // 2 GiB inflated, twice the worker's address-space cap, from a 13 MB file.
    std::fs::write(d.join("flate-bomb.pdf"), bombs::flate_bomb(2 << 30)).unwrap();
    std::fs::write(d.join("parent-loop.pdf"), bombs::parent_loop()).unwrap();
    std::fs::write(d.join("tounicode.pdf"), bombs::tounicode_over_32_bits()).unwrap();
    let fine = SyntheticResume::generate(9);
    std::fs::write(d.join("fine.txt"), fine.to_text()).unwrap();
    fine
}
