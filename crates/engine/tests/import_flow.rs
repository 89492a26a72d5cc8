//! Import → statuses → store, on generated fixtures, through the public engine API.

use cvdeck_engine::store::{Filter, Sort};
use cvdeck_engine::{Engine, EngineConfig, EngineEvent, Library, Status};
use cvdeck_synth::{encrypted_pdf, image_only_pdf, Layout, SyntheticResume};
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

fn write_fixtures(dir: &Path) -> HashMap<&'static str, String> {
    let mut names = HashMap::new();
    let one = SyntheticResume::generate(1);
    let two = SyntheticResume::generate(2);
    let three = SyntheticResume::generate(3);
    std::fs::write(dir.join("one.pdf"), one.to_pdf(Layout::OneColumn)).unwrap();
    std::fs::write(dir.join("two.docx"), two.to_docx()).unwrap();
    std::fs::write(dir.join("three.txt"), three.to_text()).unwrap();
    std::fs::write(
        dir.join("corrupt.pdf"),
        b"%PDF-1.7\n1 0 obj << /Type /Catalog",
    )
    .unwrap();
    std::fs::write(dir.join("locked.pdf"), encrypted_pdf("secret", "pw")).unwrap();
    std::fs::write(dir.join("scan.pdf"), image_only_pdf()).unwrap();
    std::fs::write(dir.join("photo.gif"), b"GIF89a\x01\x00\x01\x00").unwrap();
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    names.insert("one.pdf", one.name);
    names.insert("two.docx", two.name);
    names.insert("three.txt", three.name);
    names
}

/// What a blank scan says: OCR ran and found nothing, or OCR is not installed.
fn scan_reason() -> &'static str {
    use cvdeck_engine::extract::tools::{PDFTOPPM, TESSERACT};
    if TESSERACT.find().is_none() {
        "scanned PDFs need Tesseract: install tesseract-ocr"
    } else if PDFTOPPM.find().is_none() {
        "scanned PDFs need poppler's pdftoppm: install poppler-utils"
    } else {
        "OCR found no text"
    }
}

/// Imports `dir` and waits until every file has ended.
async fn import_to_the_end(engine: &Engine, dir: &Path) {
    engine
        .import(vec![dir.to_owned()])
        .await
        .unwrap()
        .finished()
        .await
        .unwrap();
}

type Events = Arc<Mutex<Vec<EngineEvent>>>;

fn engine(library: &Path) -> (Engine, Events) {
    let events: Events = Arc::default();
    let sink_events = events.clone();
    let sink = Arc::new(move |e| sink_events.lock().unwrap().push(e));
    let config = EngineConfig {
        parallelism: 2,
        ..EngineConfig::default()
    };
    (
        Engine::new(Library::open(library).unwrap(), config, sink),
        events,
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_file_ends_as_a_row_with_a_status_and_a_reason() {
    let input = tempfile::tempdir().unwrap();
    let library = tempfile::tempdir().unwrap();
    let names = write_fixtures(input.path());
    let (engine, events) = engine(library.path());

    let handle = engine.import(vec![input.path().to_owned()]).await.unwrap();
    assert_eq!(
        (handle.queued, handle.rejected, handle.duplicates),
        (7, 1, 0)
    );
    let summary = handle.finished().await.unwrap();
    assert_eq!((summary.completed, summary.failed), (3, 5));

    let page = engine
        .library()
        .page(&Filter::default(), Sort::Newest, None, 100)
        .unwrap();
    let (cards, total) = (page.cards, page.total);
    assert_eq!(total, 8);
    let mut outcome: Vec<(String, String, String)> = cards
        .iter()
        .map(|c| {
            let detail = match (&c.failure, &c.name) {
                (Some(f), _) => format!("{}: {}", f.kind, f.message),
                (None, Some(n)) => n.clone(),
                (None, None) => String::new(),
            };
            (c.file_name.clone(), c.status.as_str().to_owned(), detail)
        })
        .collect();
    outcome.sort();
    let expect = |file: &str, status: &str, detail: &str| {
        (file.to_owned(), status.to_owned(), detail.to_owned())
    };
    assert_eq!(
        outcome,
        vec![
            expect("corrupt.pdf", "failed", outcome[0].2.as_str()),
            expect("empty.txt", "failed", "empty: empty file: 0 bytes"),
            expect(
                "locked.pdf",
                "failed",
                "encrypted: encrypted PDF: password required"
            ),
            expect("one.pdf", "completed", &names["one.pdf"]),
            expect(
                "photo.gif",
                "failed",
                "unsupported: not a resume format: GIF image"
            ),
            expect(
                "scan.pdf",
                "failed",
                &format!(
                    "no_text_layer: scanned PDF: no text layer ({})",
                    scan_reason()
                )
            ),
            expect("three.txt", "completed", &names["three.txt"]),
            expect("two.docx", "completed", &names["two.docx"]),
        ]
    );
    assert!(
        outcome[0].2.starts_with("corrupt: damaged PDF file"),
        "{}",
        outcome[0].2
    );

    // Statuses were announced in order for each card, ending with the final one.
    let events = events.lock().unwrap();
    let mut seen: HashMap<i64, Vec<Status>> = HashMap::new();
    for e in events.iter() {
        if let EngineEvent::CardsAdded(cards) | EngineEvent::CardsChanged(cards) = e {
            for c in cards {
                seen.entry(c.id).or_default().push(c.status);
            }
        }
    }
    for card in &cards {
        let statuses = &seen[&card.id];
        assert_eq!(statuses.last(), Some(&card.status));
        if card.failure.as_ref().is_none_or(|f| f.kind != "empty") {
            assert_eq!(
                statuses[..2],
                [Status::Pending, Status::Processing],
                "{}",
                card.file_name
            );
        }
    }
    assert!(matches!(
        events.last(),
        Some(EngineEvent::ImportFinished(_))
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_files_twice_are_duplicates() {
    let input = tempfile::tempdir().unwrap();
    let library = tempfile::tempdir().unwrap();
    write_fixtures(input.path());
    let (engine, _) = engine(library.path());
    import_to_the_end(&engine, input.path()).await;
    let again = engine.import(vec![input.path().to_owned()]).await.unwrap();
    // The empty file has no content to compare, so it is rejected again rather than deduplicated.
    assert_eq!((again.queued, again.duplicates, again.rejected), (0, 7, 1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retry_requeues_a_failed_resume_and_it_fails_again_with_its_reason() {
    let input = tempfile::tempdir().unwrap();
    let library = tempfile::tempdir().unwrap();
    std::fs::write(input.path().join("locked.pdf"), encrypted_pdf("x", "pw")).unwrap();
    let (engine, _) = engine(library.path());
    import_to_the_end(&engine, input.path()).await;
    let (card, handle) = engine.retry(1).await.unwrap();
    assert_eq!(card.status, Status::Pending);
    handle.finished().await.unwrap();
    let card = engine.library().card(1).unwrap();
    assert_eq!((card.status, card.attempts), (Status::Failed, 2));
    assert_eq!(card.failure.unwrap().kind, "encrypted");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_interrupted_import_continues_after_a_restart() {
    let input = tempfile::tempdir().unwrap();
    let library = tempfile::tempdir().unwrap();
    std::fs::write(
        input.path().join("a.txt"),
        SyntheticResume::generate(5).to_text(),
    )
    .unwrap();
    {
        // Simulate a crash: the row was registered and marked processing, then the app died.
        let lib = Library::open(library.path()).unwrap();
        let file = cvdeck_engine::store::NewFile {
            original_path: input.path().join("a.txt"),
            content_hash: "h".into(),
            stored_path: input.path().join("a.txt"),
            size_bytes: 1,
        };
        lib.register(&[file]).unwrap();
        assert!(lib.start_processing(1).unwrap());
    }
    let (engine, _) = engine(library.path());
    let resumed = engine
        .resume_interrupted()
        .await
        .unwrap()
        .expect("one interrupted row");
    resumed.finished().await.unwrap();
    let card = engine.library().card(1).unwrap();
    assert_eq!(card.status, Status::Completed);
    assert_eq!(
        card.name.as_deref(),
        Some(SyntheticResume::generate(5).name.as_str())
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_imports_at_once_of_overlapping_folders_give_each_file_one_row() {
    let input = tempfile::tempdir().unwrap();
    let (a, b) = (input.path().join("a"), input.path().join("b"));
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    // 30 distinct resumes; b holds 10 of a's files again under other names, and 10 of its own.
    for i in 0..20u64 {
        let text = SyntheticResume::generate(500 + i).to_text();
        std::fs::write(a.join(format!("a-{i}.txt")), &text).unwrap();
        if i < 10 {
            std::fs::write(b.join(format!("copy-{i}.txt")), &text).unwrap();
        }
    }
    for i in 0..10u64 {
        let text = SyntheticResume::generate(600 + i).to_text();
        std::fs::write(b.join(format!("b-{i}.txt")), text).unwrap();
    }
    let library = tempfile::tempdir().unwrap();
    let (engine, _) = engine(library.path());
    let (first, second) = tokio::join!(engine.import(vec![a]), engine.import(vec![b]));
    let (first, second) = (first.unwrap(), second.unwrap());
    assert_eq!(
        first.queued + second.queued,
        30,
        "every distinct content once"
    );
    assert_eq!(first.duplicates + second.duplicates, 10);
    let (x, y) = tokio::join!(first.finished(), second.finished());
    let completed = x.unwrap().completed + y.unwrap().completed;
    assert_eq!(completed, 30);
    let counts = engine.library().counts().unwrap();
    assert_eq!((counts.total(), counts.completed), (30, 30));
    assert_eq!(engine.library().integrity_check().unwrap(), "ok");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_watched_folder_imports_new_files_and_skips_unchanged_ones() {
    let folder = tempfile::tempdir().unwrap();
    let library = tempfile::tempdir().unwrap();
    let (engine, _) = engine(library.path());
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let _watch = engine
        .watch(folder.path(), move |summary| {
            let _ = tx.send(summary);
        })
        .unwrap();
    let jane = SyntheticResume::generate(700);
    std::fs::write(folder.path().join("jane.txt"), jane.to_text()).unwrap();
    // A lock file an editor leaves beside a document is not a resume.
    std::fs::write(folder.path().join(".~lock.jane.docx#"), "x").unwrap();
    let summary = tokio::time::timeout(std::time::Duration::from_secs(20), rx.recv())
        .await
        .expect("the new file is imported")
        .unwrap();
    assert_eq!((summary.completed, summary.failed), (1, 0));
    // Touching the same content again is a duplicate, not a second row.
    std::fs::write(folder.path().join("jane.txt"), jane.to_text()).unwrap();
    let again = tokio::time::timeout(std::time::Duration::from_secs(20), rx.recv())
        .await
        .expect("the change is seen")
        .unwrap();
    assert_eq!((again.completed, again.duplicates), (0, 1));
    let counts = engine.library().counts().unwrap();
    assert_eq!((counts.total(), counts.completed), (1, 1));
    engine.library().add_watched_folder(folder.path()).unwrap();
    assert_eq!(
        engine.library().watched_folders().unwrap(),
        vec![folder.path().to_owned()]
    );
}

/// Disk full while parsing: results that cannot be saved are not failures. The rows go back
/// to pending, the summary says how many and why, and the next import parses them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn results_the_library_cannot_save_are_left_pending_not_counted_as_failed() {
    let input = tempfile::tempdir().unwrap();
    let library = tempfile::tempdir().unwrap();
    for seed in 0..4 {
        std::fs::write(
            input.path().join(format!("r{seed}.txt")),
            SyntheticResume::generate(60 + seed).to_text(),
        )
        .unwrap();
    }
    drop(Library::open(library.path()).unwrap());
    // The library refuses completed results the way a full disk refuses any write.
    let db = rusqlite::Connection::open(library.path().join("library.sqlite3")).unwrap();
    db.execute_batch(
        "CREATE TRIGGER disk_full BEFORE UPDATE OF status ON resumes
         WHEN new.status = 'completed' BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;",
    )
    .unwrap();
    let (engine, _) = engine(library.path());
    let summary = engine
        .import(vec![input.path().to_owned()])
        .await
        .unwrap()
        .finished()
        .await
        .unwrap();
    assert_eq!(
        (summary.completed, summary.failed, summary.left_pending),
        (0, 0, 4),
        "{summary:?}"
    );
    assert!(
        summary
            .problem
            .as_deref()
            .is_some_and(|p| p.contains("database or disk is full")),
        "{summary:?}"
    );
    let counts = engine.library().counts().unwrap();
    assert_eq!((counts.pending, counts.failed), (4, 0), "{counts:?}");

    // Space freed: the next import (here: the interrupted-rows pass) parses them.
    db.execute_batch("DROP TRIGGER disk_full").unwrap();
    let resumed = engine
        .resume_interrupted()
        .await
        .unwrap()
        .expect("the four rows are anyone's again")
        .finished()
        .await
        .unwrap();
    assert_eq!((resumed.completed, resumed.left_pending), (4, 0));
}
