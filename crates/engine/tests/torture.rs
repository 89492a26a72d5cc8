//! Every PDF of `../shared/pdf-torture` (public files that crash, hang or fool extractors)
//! ends as a completed or failed row within the per-file timeout, through the real queue.
//! Hangs are cut off by the timeout here; isolating them in a worker process is future work.

use cvdeck_engine::{Engine, EngineConfig, Library, Status};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_torture_pdf_ends_completed_or_failed_within_the_timeout() {
    let torture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/pdf-torture");
    assert!(
        torture.is_dir(),
        "the shared torture set is beside the repository: {}",
        torture.display()
    );
    let paths: Vec<_> = std::fs::read_dir(&torture)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let pdfs = paths
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .count();
    assert!(pdfs >= 60, "expected the 63 torture PDFs, found {pdfs}");
    // The folder's README and manifest are imported too, and fail as "not a resume".
    let files = paths.len();

    let library = tempfile::tempdir().unwrap();
    let config = EngineConfig {
        parallelism: 2,
        timeout: Duration::from_secs(8),
        ..EngineConfig::default()
    };
    let engine = Engine::new(
        Library::open(library.path()).unwrap(),
        config,
        Arc::new(|_| {}),
    );
    let started = Instant::now();
    let summary = engine
        .import(vec![torture.clone()])
        .await
        .unwrap()
        .finished()
        .await
        .unwrap();
    let elapsed = started.elapsed();

    let (cards, total) = engine.library().list(None, 0, 1000).unwrap();
    assert_eq!(total as usize, files, "every file is exactly one row");
    assert_eq!((summary.completed + summary.failed) as usize, files);
    let mut kinds = std::collections::BTreeMap::<String, usize>::new();
    for card in &cards {
        match card.status {
            Status::Completed => *kinds.entry("completed".into()).or_default() += 1,
            Status::Failed => {
                let f = card.failure.as_ref().expect("a failed row has a reason");
                assert!(!f.message.is_empty());
                *kinds.entry(f.kind.clone()).or_default() += 1;
            }
            other => panic!("{} left {other:?}", card.file_name),
        }
    }
    let encrypted = cards
        .iter()
        .filter(|c| c.file_name.contains("encryption") || c.file_name.contains("password"))
        .filter(|c| c.failure.as_ref().is_none_or(|f| f.kind != "encrypted"))
        .map(|c| c.file_name.clone())
        .collect::<Vec<_>>();
    assert!(
        encrypted.is_empty(),
        "password-protected files not reported as encrypted: {encrypted:?}"
    );
    println!("{files} files ({pdfs} PDFs) in {elapsed:.1?}: {kinds:?}");
    assert_eq!(engine.library().integrity_check().unwrap(), "ok");
}
