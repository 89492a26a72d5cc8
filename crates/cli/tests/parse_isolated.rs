//! Alone in its binary (it checks that no worker is left): `parse`, which needs no library,
//! runs parser libraries in workers with the import's timeout and limits, like `import`.

mod common;

use std::time::{Duration, Instant};

/// `parse` ran parser libraries in its own process: the /Parent loop hung it for ever, the
/// self-drawing form aborted it with no file named, the ToUnicode range grew it to 11 GB.
#[test]
fn parse_runs_hostile_pdfs_in_workers_names_each_failure_and_writes_every_good_file() {
    let dir = tempfile::tempdir().unwrap();
    let fine = common::write_bombs_and_a_good_file(dir.path());
    let out_dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let out = common::cli()
        .arg("parse")
        .arg(dir.path())
        .args(["--timeout", "8", "--out"])
        .arg(out_dir.path())
        .output()
        .unwrap();
    let elapsed = started.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    for bad in ["self-drawing.pdf", "flate-bomb.pdf", "parent-loop.pdf"] {
        assert_eq!(
            stderr.lines().filter(|l| l.contains(bad)).count(),
            1,
            "one line for {bad}: {stderr}"
        );
    }
    assert!(
        stderr.contains("3 of 5 file(s) could not be parsed"),
        "{stderr}"
    );
    let json = |stem: &str| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(out_dir.path().join(format!("{stem}.json"))).unwrap())
            .unwrap()
    };
    assert_eq!(json("fine")["basics"]["name"], fine.name.as_str());
    assert_eq!(json("tounicode")["basics"]["name"], "Jane Doe");
    assert!(elapsed < Duration::from_secs(60), "{elapsed:?}");
    common::assert_no_worker_left();
}
