//! What the CLI tests share: running the binary against a library, and reading it back.

#![allow(dead_code)] // each test binary uses its own subset

use std::path::Path;
use std::process::{Command, Output};

/// The CLI binary under test.
pub fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_cvdeck-cli"))
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
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
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
