//! Pictures of a PDF's first pages, for the window to show the original beside the parsed
//! fields (the webview has no PDF viewer of its own). Drawn by poppler's `pdftoppm`, found at
//! run time like the OCR tools, with the same deadline and clean-up.

use super::ocr::{find_program, run_until};
use crate::error::ExtractError;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Drawing pages stops after this long.
const BUDGET: Duration = Duration::from_secs(10);

/// PNG pictures of the first `max_pages` pages of the PDF at `pdf`, `width_px` wide.
pub fn pdf_page_images(
    pdf: &Path,
    max_pages: usize,
    width_px: u32,
) -> Result<Vec<Vec<u8>>, ExtractError> {
    let pdftoppm = find_program("pdftoppm").ok_or_else(|| {
        ExtractError::Unsupported("PDF pages: install poppler-utils to see them".to_owned())
    })?;
    let dir = tempfile::tempdir()?;
    let mut render = Command::new(pdftoppm);
    render
        .args(["-png", "-scale-to-x"])
        .arg(width_px.to_string())
        .args(["-scale-to-y", "-1", "-f", "1", "-l"])
        .arg(max_pages.max(1).to_string())
        .arg(pdf)
        .arg(dir.path().join("page"));
    if !run_until(render, Instant::now() + BUDGET, "pdftoppm")? {
        return Err(ExtractError::corrupt("PDF", "its pages could not be drawn"));
    }
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir.path())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "png"))
        .collect();
    pages.sort();
    pages
        .iter()
        .map(|p| std::fs::read(p).map_err(ExtractError::from))
        .collect()
}

#[cfg(test)]
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
