//! Kill the CLI at a random point of a 2,000-file import, run it again: every file is exactly
//! one row, none is left `processing`, and SQLite's integrity check passes.

mod common;

use cvdeck_engine::{Library, Status};
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

#[test]
fn sigkill_mid_import_loses_nothing() {
    let cli = env!("CARGO_BIN_EXE_cvdeck-cli");
    let input = tempfile::tempdir().unwrap();
    let library = tempfile::tempdir().unwrap();
    cvdeck_synth::write_files(2000, 7, input.path()).unwrap();

    // A different point every run; printed so a failure can be replayed.
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    let delay = Duration::from_millis(200 + u64::from(nanos % 1800));
    println!("killing after {delay:?}");
    let mut child = Command::new(cli)
        .arg("--library")
        .arg(library.path())
        .args(["import", "--jobs", "1"])
        .arg(input.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(delay);
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    {
        // The kill must have landed mid-import, or this test proves nothing.
        let lib = Library::open(library.path()).unwrap();
        let c = lib.counts().unwrap();
        assert!(
            c.completed + c.failed < 2000,
            "the import had finished before the kill: {c:?}"
        );
    }

    common::import(library.path(), &[], input.path());

    let lib = Library::open(library.path()).unwrap();
    let counts = lib.counts().unwrap();
    assert_eq!(counts.pending + counts.processing, 0, "{counts:?}");
    assert_eq!(
        counts.completed + counts.failed,
        2000,
        "every file exactly one row: {counts:?}"
    );
    assert_eq!(counts.failed, 0, "generated resumes all parse: {counts:?}");
    assert!(lib.ids_with_status(Status::Processing).unwrap().is_empty());
    assert_eq!(lib.integrity_check().unwrap(), "ok");
}
