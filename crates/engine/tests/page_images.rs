//! The detail panel's pictures of the original's pages (pdftoppm: `make test` installs it).
#![cfg(unix)]

use cvdeck_engine::extract::pdf_page_images;
use cvdeck_synth::{Layout, SyntheticResume};

#[test]
fn the_first_pages_of_a_pdf_as_pictures() {
    let r = (0..100)
        .map(SyntheticResume::generate)
        .find(|r| r.jobs.len() == 3 && r.bullets_per_job == 40)
        .expect("a three-page resume");
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("r.pdf");
    std::fs::write(&pdf, r.to_pdf(Layout::OneColumn)).unwrap();
    let pages = pdf_page_images(&pdf, 2, 300).expect("pdftoppm is installed (make test)");
    assert_eq!(pages.len(), 2, "at most the pages asked for");
    assert!(pages.iter().all(|p| p.starts_with(b"\x89PNG")));
    // Damaged input is an error, not a panic.
    std::fs::write(&pdf, b"%PDF-1.4 nonsense").unwrap();
    assert!(pdf_page_images(&pdf, 2, 300).is_err());
}
