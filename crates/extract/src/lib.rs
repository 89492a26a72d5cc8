//! From a file's bytes to plain text: format detection by content, then one reader per format
//! (PDF, DOCX/ODT, RTF, plain text, and scans and pictures by OCR), with caps on what a
//! hostile file may make us read or allocate.
//!
//! ```
//! use cvdeck_extract::{extract, Format, Limits};
//! let (format, extracted) = extract(b"Jane Doe\njane@example.com\n", &Limits::default()).unwrap();
//! assert_eq!(format, Format::Text);
//! assert!(extracted.text.starts_with("Jane Doe"));
//! ```
#![deny(missing_docs)]

mod docx;
mod docx_styles;
mod error;
pub use error::{ErrorKind, ExtractError};
mod layout;
mod ocr;
mod ocr_layout;
mod pdf;
pub use pdf::panic_message;
mod preview;
mod read;
pub use preview::pdf_page_images;
pub use read::{not_a_file, read_limited};
mod rtf;
mod scan_rules;
mod text;
pub mod tools;

use serde::{Deserialize, Serialize};

/// A document format we recognise by its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Portable Document Format.
    Pdf,
    /// Office Open XML word-processing document.
    Docx,
    /// OpenDocument text.
    Odt,
    /// Rich Text Format.
    Rtf,
    /// Plain text or Markdown.
    Text,
    /// A PNG picture (read by OCR).
    Png,
    /// A JPEG picture (read by OCR).
    Jpeg,
    /// A TIFF picture, as scanners write (read by OCR).
    Tiff,
}

impl Format {
    /// Lowercase name, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Odt => "odt",
            Format::Rtf => "rtf",
            Format::Text => "text",
            Format::Png => "png",
            Format::Jpeg => "jpeg",
            Format::Tiff => "tiff",
        }
    }

    /// File extension used for the library's copy.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Odt => "odt",
            Format::Rtf => "rtf",
            Format::Text => "txt",
            Format::Png => "png",
            Format::Jpeg => "jpg",
            Format::Tiff => "tif",
        }
    }
}

/// Limits that protect against hostile files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file accepted, in bytes.
    pub max_file_bytes: u64,
    /// Largest uncompressed XML part read from a DOCX/ODT, in bytes.
    pub max_xml_bytes: u64,
    /// Most entries a DOCX/ODT archive may have.
    pub max_zip_entries: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 50 * 1024 * 1024,
            max_xml_bytes: 64 * 1024 * 1024,
            max_zip_entries: 10_000,
        }
    }
}

/// Text pulled out of a document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Extracted {
    /// The text, pages separated by a form feed (`\x0c`); where a second column starts, a
    /// line holding only [`COLUMN_START`] (see [`display_text`]).
    pub text: String,
    /// Number of pages (1 for formats without pages).
    pub pages: usize,
    /// Link targets found in the document (hyperlinks, link annotations).
    pub links: Vec<String>,
    /// Things worth knowing about how the text was obtained.
    pub warnings: Vec<String>,
}

pub use cvdeck_model::text::{display_text, COLUMN_START, COLUMN_START_LINE};

/// Recognise the format of `bytes`, or say what the file is instead.
pub fn detect_format(bytes: &[u8]) -> Result<Format, ExtractError> {
    if bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    let head = &bytes[..bytes.len().min(1024)];
    if find(head, b"%PDF-").is_some() {
        return Ok(Format::Pdf);
    }
    if bytes.starts_with(b"{\\rtf") {
        return Ok(Format::Rtf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return docx::detect_zip(bytes);
    }
    const IMAGES: &[(&[u8], Format)] = &[
        (b"\x89PNG\r\n\x1a\n", Format::Png),
        (b"\xFF\xD8\xFF", Format::Jpeg),
        (b"II*\x00", Format::Tiff),
        (b"MM\x00*", Format::Tiff),
    ];
    if let Some((_, format)) = IMAGES.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Ok(*format);
    }
    if let Some(what) = known_binary(bytes) {
        return Err(ExtractError::Unsupported(what.to_owned()));
    }
    if text::looks_like_text(bytes) {
        return Ok(Format::Text);
    }
    Err(ExtractError::Unsupported(
        "binary data of an unknown kind: save the resume as PDF, DOCX or text".to_owned(),
    ))
}

fn known_binary(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "legacy Word .doc: save it as DOCX or PDF",
        ),
        (b"GIF8", "GIF image"),
        (b"\x1F\x8B", "gzip archive"),
        (b"Rar!", "RAR archive"),
        (b"7z\xBC\xAF", "7-Zip archive"),
        (b"\x7FELF", "program (ELF executable)"),
        (b"MZ", "Windows program"),
    ];
    MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, what)| *what)
}

pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Extract the text of a document whose format was detected from its content.
pub fn extract(bytes: &[u8], limits: &Limits) -> Result<(Format, Extracted), ExtractError> {
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(ExtractError::TooLarge {
            what: format!(
                "{} MB (the limit is {} MB)",
                bytes.len() / (1024 * 1024),
                limits.max_file_bytes / (1024 * 1024)
            ),
        });
    }
    let format = detect_format(bytes)?;
    let extracted = match format {
        Format::Pdf => match pdf::extract(bytes) {
            Err(ExtractError::NoTextLayer(_)) => Extracted {
                text: ocr::ocr_pdf(bytes)?,
                pages: 1,
                links: Vec::new(),
                warnings: vec!["OCR used".to_owned()],
            },
            other => other?,
        },
        Format::Png | Format::Jpeg | Format::Tiff => Extracted {
            text: ocr::ocr_image(bytes, format.extension())?,
            pages: 1,
            links: Vec::new(),
            warnings: vec!["OCR used".to_owned()],
        },
        Format::Docx => docx::extract_docx(bytes, limits)?,
        Format::Odt => docx::extract_odt(bytes, limits)?,
        Format::Rtf => rtf::extract(bytes)?,
        Format::Text => text::extract(bytes)?,
    };
    if extracted.text.trim().is_empty() {
        return Err(ExtractError::NoText);
    }
    Ok((format, extracted))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_by_content_not_name() {
        assert_eq!(detect_format(b"%PDF-1.4\n..."), Ok(Format::Pdf));
        assert_eq!(
            detect_format("Jane Doe\nEngineer\n".as_bytes()),
            Ok(Format::Text)
        );
        assert_eq!(detect_format(b""), Err(ExtractError::Empty));
    }

    #[test]
    fn names_what_an_unsupported_file_is() {
        let gif = b"GIF89a\x01\x00";
        assert_eq!(
            detect_format(gif).unwrap_err().to_string(),
            "not a resume format: GIF image"
        );
        let doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0";
        assert_eq!(
            detect_format(doc).unwrap_err().to_string(),
            "not a resume format: legacy Word .doc: save it as DOCX or PDF"
        );
    }

    #[test]
    fn random_bytes_are_unsupported() {
        let noise: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect();
        assert!(matches!(
            detect_format(&noise),
            Err(ExtractError::Unsupported(_))
        ));
    }

    #[test]
    fn over_the_size_limit_is_too_large() {
        let limits = Limits {
            max_file_bytes: 10,
            ..Limits::default()
        };
        let err = extract(b"0123456789ABCDEF", &limits).unwrap_err();
        assert!(matches!(err, ExtractError::TooLarge { .. }));
    }
}
