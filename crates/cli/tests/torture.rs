//! Every file of `../shared/pdf-torture` (public PDFs that crash, hang or fool extractors)
//! ends as exactly one completed or failed row within the per-file timeout, parsed in worker
//! processes by the real CLI; no worker outlives the import.

mod common;

use std::path::Path;
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

    let started = Instant::now();
    common::import(library.path(), &["--timeout", "8", "--jobs", "2"], &torture);
    let elapsed = started.elapsed();
    let rows = common::list_json(library.path());
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
    common::assert_no_worker_left();
}
