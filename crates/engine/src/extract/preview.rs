//! Pictures of a PDF's first pages, for the window to show the original beside the parsed
//! fields (the webview has no PDF viewer of its own). Drawn by poppler's `pdftoppm`, found at
//! run time like the OCR tools, with the same deadline and clean-up.

use super::ocr::draw_pages;
use super::tools::PDFTOPPM;
use crate::error::ExtractError;
use std::path::Path;
use std::time::{Duration, Instant};

/// Drawing pages stops after this long.
const BUDGET: Duration = Duration::from_secs(10);

/// PNG pictures of the first `max_pages` pages of the PDF at `pdf`, `width_px` wide.
pub fn pdf_page_images(
    pdf: &Path,
    max_pages: usize,
    width_px: u32,
) -> Result<Vec<Vec<u8>>, ExtractError> {
    let pdftoppm = PDFTOPPM
        .find()
        .ok_or_else(|| ExtractError::Unsupported(PDFTOPPM.needed_by("PDF page pictures")))?;
    let dir = tempfile::tempdir()?;
    let width = width_px.to_string();
    let pages = draw_pages(
        &pdftoppm,
        pdf,
        &["-png", "-scale-to-x", &width, "-scale-to-y", "-1"],
        max_pages,
        dir.path(),
        Instant::now() + BUDGET,
        "its pages could not be drawn",
    )?;
    pages
        .iter()
        .map(|p| std::fs::read(p).map_err(ExtractError::from))
        .collect()
}

// pdftoppm: make test installs it on Linux.
#[cfg(all(test, unix))]
mod tests {
    use super::pdf_page_images;
    use crate::synth::{Layout, SyntheticResume};

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
}
