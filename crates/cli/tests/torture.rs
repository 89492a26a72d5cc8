//! Every file of `../shared/pdf-torture` (public PDFs that crash, hang or fool extractors)
//! ends as exactly one completed or failed row within the per-file timeout, parsed in worker
//! processes by the real CLI; no worker outlives the import.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

#[test]
fn every_torture_file_ends_completed_or_failed_and_the_cli_survives() {
    let torture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/pdf-torture");
    assert!(
        torture.is_dir(),
        "the shared torture set is beside the repository: {}",
        torture.display()
    );
    let files = std::fs::read_dir(&torture).unwrap().count();
    let library = tempfile::tempdir().unwrap();
    let cli = env!("CARGO_BIN_EXE_cvdeck-cli");

    let started = Instant::now();
    let import = Command::new(cli)
        .arg("--library")
        .arg(library.path())
        .args(["import", "--timeout", "8", "--jobs", "2"])
        .arg(&torture)
        .output()
        .unwrap();
    let elapsed = started.elapsed();
    assert!(
        import.status.success(),
        "{}",
        String::from_utf8_lossy(&import.stderr)
    );

    let list = Command::new(cli)
        .arg("--library")
        .arg(library.path())
        .args(["list", "--json"])
        .output()
        .unwrap();
    let rows: Vec<serde_json::Value> = String::from_utf8_lossy(&list.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), files, "every file is exactly one row");
    let mut kinds = std::collections::BTreeMap::<String, usize>::new();
    for row in &rows {
        let kind = match row["status"].as_str() {
            Some("completed") => "completed".to_owned(),
            Some("failed") => row["failure"]["kind"]
                .as_str()
                .expect("a failed row has a reason")
                .to_owned(),
            other => panic!("{} left {other:?}", row["file_name"]),
        };
        *kinds.entry(kind).or_default() += 1;
    }
    let not_encrypted: Vec<&str> = rows
        .iter()
        .filter(|r| {
            r["file_name"]
                .as_str()
                .is_some_and(|f| f.contains("encryption") || f.contains("password"))
        })
        .filter(|r| r["failure"]["kind"] != "encrypted")
        .filter_map(|r| r["file_name"].as_str())
        .collect();
    assert!(
        not_encrypted.is_empty(),
        "password-protected files not reported as encrypted: {not_encrypted:?}"
    );
    println!("{files} files in {elapsed:.1?}: {kinds:?}");
    assert!(elapsed < Duration::from_secs(240), "took {elapsed:?}");
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
