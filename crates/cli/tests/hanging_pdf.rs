//! Alone in its binary: it checks that no worker process is left, which a concurrent import
//! in the same test binary would confuse.

use cvdeck_engine::synth::SyntheticResume;
use std::process::Command;

fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_cvdeck-cli"))
}

/// A file that makes the PDF library spin forever (from the shared torture set) fails with a
/// timeout, and the import finishes: the hung worker process is killed, not left running.
#[test]
fn a_hanging_pdf_times_out_in_its_worker_and_the_import_finishes() {
    let torture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/pdf-torture/qpdf__qpdf__qtest__qpdf__shared-unnamed-field.pdf");
    assert!(torture.is_file(), "{} is missing", torture.display());
    let input = tempfile::tempdir().unwrap();
    std::fs::copy(&torture, input.path().join("hangs.pdf")).unwrap();
    std::fs::write(
        input.path().join("fine.txt"),
        SyntheticResume::generate(23).to_text(),
    )
    .unwrap();
    let library = tempfile::tempdir().unwrap();
    let started = std::time::Instant::now();
    let out = cli()
        .arg("--library")
        .arg(library.path())
        .args(["import", "--timeout", "3"])
        .arg(input.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.starts_with("1 completed, 1 failed"), "{stdout}");
    assert!(
        stdout.contains("hangs.pdf — parsing took longer than 3 s and was stopped"),
        "{stdout}"
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
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
