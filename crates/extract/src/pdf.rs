//! PDF text: pdf-extract's glyph stream laid out by position, lopdf as the fallback.

use super::layout::{Glyph, Mark, PageLayout};
use super::Extracted;
use crate::ExtractError;
use pdf_extract::{ColorSpace, MediaBox, OutputDev, OutputError, Path, PathOp, Transform};
use std::panic::{catch_unwind, AssertUnwindSafe};

pub(super) fn extract(bytes: &[u8]) -> Result<Extracted, ExtractError> {
    match extract_unlocked(bytes) {
        // Some encryption handlers make the readers see a broken file rather than a locked
        // one; the trailer's /Encrypt entry tells the truth.
        Err(ExtractError::Corrupt { .. }) if super::find(bytes, b"/Encrypt").is_some() => {
            Err(ExtractError::Encrypted)
        }
        other => other,
    }
}

fn extract_unlocked(bytes: &[u8]) -> Result<Extracted, ExtractError> {
    let mut doc = match catch_unwind(|| pdf_extract::Document::load_mem(bytes)) {
        Ok(Ok(doc)) => doc,
        Ok(Err(e)) => return fallback(bytes, &format!("{e}")),
        Err(panic) => return fallback(bytes, &panic_message(&panic)),
    };
    if doc.is_encrypted() {
        // An empty user password (owner-password-only PDFs) still lets us read the text.
        if doc.decrypt("").is_err() {
            return Err(ExtractError::Encrypted);
        }
    }
    expand_width_ranges(&mut doc);
    let page_numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
    if page_numbers.is_empty() {
        return Err(ExtractError::corrupt("PDF", "the document has no pages"));
    }
    let mut pages = Vec::with_capacity(page_numbers.len());
    let mut failures = 0usize;
    let mut first_failure = String::new();
    for &n in &page_numbers {
        let mut collector = GlyphCollector::default();
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            pdf_extract::output_doc_page(&doc, &mut collector, n)
        }));
        match outcome {
            Ok(Ok(())) => pages.push(collector.finish()),
            Ok(Err(e)) => {
                failures += 1;
                if first_failure.is_empty() {
                    first_failure = e.to_string();
                }
                pages.push(String::new());
            }
            Err(panic) => {
                failures += 1;
                if first_failure.is_empty() {
                    first_failure = panic_message(&panic);
                }
                pages.push(String::new());
            }
        }
    }
    let mut warnings = Vec::new();
    let has_text = pages.iter().any(|p| !p.trim().is_empty());
    if failures > 0 || !has_text {
        let reason = if failures > 0 {
            first_failure
        } else {
            "pdf-extract found no text".to_owned()
        };
        match fallback(bytes, &reason) {
            Ok(better) if better.text.trim().len() > joined_len(&pages) => return Ok(better),
            _ if !has_text => {
                return Err(ExtractError::scanned_pdf("nothing on its pages is text"))
            }
            _ => warnings.push(format!("{failures} page(s) could not be read: {reason}")),
        }
    }
    let links = link_targets(&doc);
    let columns = pages
        .iter()
        .filter(|p| p.contains(super::layout::COLUMN_BREAK))
        .count();
    if columns > 0 {
        warnings.push("two-column layout".to_owned());
    }
    Ok(Extracted {
        text: pages
            .join("\x0c")
            .replace(super::layout::COLUMN_BREAK, super::COLUMN_START_LINE),
        pages: page_numbers.len(),
        links,
        warnings,
    })
}

fn joined_len(pages: &[String]) -> usize {
    pages.iter().map(|p| p.trim().len()).sum()
}

/// lopdf 0.47 page by page: plainer text, but it survives files pdf-extract cannot read.
fn fallback(bytes: &[u8], why: &str) -> Result<Extracted, ExtractError> {
    let outcome = catch_unwind(|| -> Result<Extracted, ExtractError> {
        let doc = lopdf::Document::load_mem(bytes).map_err(|e| classify_load_error(&e, why))?;
        if doc.is_encrypted() {
            return Err(ExtractError::Encrypted);
        }
        let pages = doc.get_pages();
        let mut text = Vec::with_capacity(pages.len());
        for &n in pages.keys() {
            text.push(doc.extract_text(&[n]).unwrap_or_default());
        }
        if text.iter().all(|t| t.trim().is_empty()) {
            return Err(ExtractError::scanned_pdf("nothing on its pages is text"));
        }
        Ok(Extracted {
            pages: text.len(),
            text: text.join("\x0c"),
            links: Vec::new(),
            warnings: vec![format!("used the fallback PDF reader ({why})")],
        })
    });
    match outcome {
        Ok(result) => result,
        Err(panic) => Err(ExtractError::corrupt(
            "PDF",
            format!("{why}; fallback: {}", panic_message(&panic)),
        )),
    }
}

fn classify_load_error(e: &lopdf::Error, why: &str) -> ExtractError {
    let text = e.to_string();
    if text.to_ascii_lowercase().contains("decrypt") || text.contains("password") {
        ExtractError::Encrypted
    } else {
        ExtractError::corrupt("PDF", format!("{why}; {text}"))
    }
}

fn link_targets(doc: &pdf_extract::Document) -> Vec<String> {
    let mut out = Vec::new();
    for (_, page_id) in doc.get_pages() {
        let Ok(annots) = doc.get_page_annotations(page_id) else {
            continue;
        };
        for annot in annots {
            let uri = annot
                .get(b"A")
                .ok()
                .and_then(|a| match a {
                    pdf_extract::Object::Reference(id) => doc.get_dictionary(*id).ok(),
                    other => other.as_dict().ok(),
                })
                .and_then(|a| a.get(b"URI").ok())
                .and_then(|u| u.as_str().ok())
                .map(|b| String::from_utf8_lossy(b).trim().to_owned());
            if let Some(uri) = uri.filter(|u| !u.is_empty() && !out.contains(u)) {
                out.push(uri);
            }
        }
    }
    out
}

/// What a caught panic said, for the message a user sees.
pub fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned())
}

/// Most glyphs one `first last width` run of a W array may give widths to.
const MAX_WIDTH_RANGE: i64 = 65_536;

/// Rewrites each CID font's `/W [first last width]` runs as `first [width …]`, the form
/// pdf-extract 0.12 reads: it skips the run form, so those glyphs (the digits of every
/// Chromium/Skia print) get the default width, often 0, and the text after them is placed
/// too far left ("F eb 2014", "São P aulo").
fn expand_width_ranges(doc: &mut pdf_extract::Document) {
    use pdf_extract::Object;
    let arrays: Vec<pdf_extract::ObjectId> = doc
        .objects
        .iter()
        .filter_map(|(id, object)| {
            let dict = object.as_dict().ok()?;
            let is_cid_font = dict
                .get(b"Subtype")
                .and_then(Object::as_name)
                .is_ok_and(|s| s.starts_with(b"CIDFontType"));
            is_cid_font.then_some(*id)
        })
        .collect();
    for id in arrays {
        let widths = match doc.objects.get(&id).and_then(|o| o.as_dict().ok()) {
            Some(dict) => match dict.get(b"W") {
                Ok(Object::Array(a)) => a.clone(),
                Ok(Object::Reference(r)) => match doc.objects.get(r) {
                    Some(Object::Array(a)) => a.clone(),
                    _ => continue,
                },
                _ => continue,
            },
            None => continue,
        };
        let number = |o: &Object| match o {
            Object::Integer(i) => Some(*i as f64),
            Object::Real(r) => Some(f64::from(*r)),
            _ => None,
        };
        let mut expanded = Vec::with_capacity(widths.len());
        let mut i = 0;
        let mut changed = false;
        while i < widths.len() {
            match (widths.get(i + 1), widths.get(i + 2)) {
                (Some(Object::Array(_)), _) => {
                    expanded.extend_from_slice(&widths[i..i + 2]);
                    i += 2;
                }
                (Some(last), Some(width)) => {
                    let (Some(first), Some(last), Some(_)) =
                        (number(&widths[i]), number(last), number(width))
                    else {
                        return;
                    };
                    let count = (last - first) as i64 + 1;
                    if !(1..=MAX_WIDTH_RANGE).contains(&count) {
                        return;
                    }
                    expanded.push(widths[i].clone());
                    expanded.push(Object::Array(vec![width.clone(); count as usize]));
                    changed = true;
                    i += 3;
                }
                _ => break,
            }
        }
        if changed {
            if let Some(Ok(dict)) = doc.objects.get_mut(&id).map(|o| o.as_dict_mut()) {
                dict.set("W", Object::Array(expanded));
            }
        }
    }
}

/// Receives positioned glyphs from pdf-extract's content-stream interpreter.
#[derive(Default)]
struct GlyphCollector {
    page_height: f64,
    glyphs: Vec<Glyph>,
    marks: Vec<Mark>,
}

impl GlyphCollector {
    fn finish(self) -> String {
        PageLayout::new(self.glyphs)
            .with_marks(&self.marks)
            .into_text()
    }
}

/// Most path segments a list marker (a disc, a square) is drawn with.
const MARK_SEGMENTS: usize = 24;

impl OutputDev for GlyphCollector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.page_height = media_box.ury - media_box.lly;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let size = font_size * scale;
        let (x, y) = (trm.m31, self.page_height - trm.m32);
        if !(x.is_finite() && y.is_finite() && size.is_finite()) || size <= 0.0 {
            return Ok(());
        }
        self.glyphs.push(Glyph {
            x,
            y,
            width: width * size,
            size,
            text: char.to_owned(),
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    /// Small filled shapes are list markers HTML-to-PDF printers draw instead of a "•".
    fn fill(
        &mut self,
        ctm: &Transform,
        _colorspace: &ColorSpace,
        _color: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        if path.ops.len() > MARK_SEGMENTS {
            return Ok(());
        }
        let mut points = Vec::new();
        for op in &path.ops {
            match *op {
                PathOp::MoveTo(x, y) | PathOp::LineTo(x, y) => points.push((x, y)),
                PathOp::CurveTo(_, _, _, _, x, y) => points.push((x, y)),
                PathOp::Rect(x, y, w, h) => points.extend([(x, y), (x + w, y + h)]),
                PathOp::Close => {}
            }
        }
        let device: Vec<(f64, f64)> = points
            .iter()
            .map(|&(x, y)| {
                let device_x = x * ctm.m11 + y * ctm.m21 + ctm.m31;
                let device_y = x * ctm.m12 + y * ctm.m22 + ctm.m32;
                (device_x, self.page_height - device_y)
            })
            .collect();
        if let Some(mark) = Mark::around(&device) {
            self.marks.push(mark);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::expand_width_ranges;
    use pdf_extract::{Dictionary, Document, Object};

    #[test]
    fn digits_of_a_chromium_print_had_no_width() {
        // Skia writes the digits' widths as one run, "19 28 636.23"; pdf-extract read none.
        let mut doc = Document::with_version("1.7");
        let mut font = Dictionary::new();
        font.set("Type", Object::Name(b"Font".to_vec()));
        font.set("Subtype", Object::Name(b"CIDFontType2".to_vec()));
        font.set(
            "W",
            Object::Array(vec![
                Object::Integer(3),
                Object::Array(vec![Object::Real(317.9)]),
                Object::Integer(19),
                Object::Integer(21),
                Object::Real(636.2),
            ]),
        );
        let id = doc.add_object(Object::Dictionary(font));
        expand_width_ranges(&mut doc);
        let w = doc
            .get_object(id)
            .and_then(Object::as_dict)
            .and_then(|d| d.get(b"W"))
            .and_then(Object::as_array)
            .unwrap();
        assert_eq!(
            w,
            &vec![
                Object::Integer(3),
                Object::Array(vec![Object::Real(317.9)]),
                Object::Integer(19),
                Object::Array(vec![Object::Real(636.2); 3]),
            ]
        );
    }
}
