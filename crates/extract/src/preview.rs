//! Pictures of a PDF's first pages, for the window to show the original beside the parsed
//! fields (the webview has no PDF viewer of its own). Drawn by poppler's `pdftoppm`, found at
//! run time like the OCR tools, with the same deadline and clean-up.

use super::ocr::draw_pages;
use super::tools::PDFTOPPM;
use crate::ExtractError;
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
