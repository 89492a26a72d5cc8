//! Alone in its binary (it checks that no worker is left): the four crafted PDFs that abort
//! or hang PDF libraries in-process — a Form XObject that draws itself, a flate bomb past the
//! worker's memory cap, a /Parent loop, a ToUnicode range over the 32-bit space — each end as
//! one row, completed or failed with its reason, well within the timeout, and the import goes
//! on to parse the good file.

mod common;

use serde_json::json;
use std::time::{Duration, Instant};

#[test]
fn crafted_pdf_bombs_end_as_rows_and_the_import_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let fine = common::write_bombs_and_a_good_file(d);
    let library = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let out = common::import(library.path(), &["--timeout", "8"], d);
    let elapsed = started.elapsed();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let rows = common::list_json(library.path());
    assert_eq!(rows.len(), 5, "{stdout}");
    let row = |file: &str| {
        rows.iter()
            .find(|r| r["file_name"] == file)
            .unwrap()
            .clone()
    };
    assert_eq!(row("fine.txt")["name"], fine.name.as_str());
    // Recursion without end and an allocation past the cap kill the worker, not the import.
    let crashed = json!({"kind": "worker_crashed", "message": "parsing stopped: the parser ran out of memory or aborted"});
    assert_eq!(row("self-drawing.pdf")["failure"], crashed);
    assert_eq!(row("flate-bomb.pdf")["failure"], crashed);
    // The looping page tree yields no page to read: no text layer, and OCR finds none.
    let parent_loop = row("parent-loop.pdf");
    assert_eq!(
        parent_loop["failure"]["kind"], "no_text_layer",
        "{parent_loop}"
    );
    // The four-billion-entry CMap is read lazily: the text comes out.
    let tounicode = row("tounicode.pdf");
    assert_eq!(
        (tounicode["status"].as_str(), tounicode["name"].as_str()),
        (Some("completed"), Some("Jane Doe"))
    );
    assert!(elapsed < Duration::from_secs(60), "{elapsed:?}");
    common::assert_no_worker_left();
}
