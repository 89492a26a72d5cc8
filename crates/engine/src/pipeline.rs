//! One file, start to finish: bytes → text → JSON Resume.

use crate::extract::{self, Format, Limits};
use crate::parse::parse_text;
use crate::resume::Resume;
use crate::ExtractError;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// A parsed document.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Parsed {
    /// Detected format.
    pub format: Format,
    /// The JSON Resume document (with `meta` diagnostics).
    pub resume: Resume,
    /// The extracted text.
    pub text: String,
}

/// Extracts and parses one document. Panics inside parser libraries become
/// [`ExtractError::Panicked`]; only unreadable input is an error.
pub fn parse_bytes(bytes: &[u8], limits: &Limits) -> Result<Parsed, ExtractError> {
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let (format, extracted) = extract::extract(bytes, limits)?;
        let mut resume = parse_text(&extracted.text, &extracted.links);
        resume.meta.format = Some(format.as_str().to_owned());
        resume.meta.pages = Some(extracted.pages);
        let mut warnings = extracted.warnings;
        warnings.append(&mut resume.meta.warnings);
        resume.meta.warnings = warnings;
        Ok(Parsed {
            format,
            resume,
            text: extract::display_text(&extracted.text),
        })
    }));
    match outcome {
        Ok(result) => result,
        Err(panic) => Err(ExtractError::Panicked(crate::extract::panic_message(
            &panic,
        ))),
    }
}

/// The format a file would be stored as, without parsing it.
pub fn stored_extension(bytes: &[u8]) -> &'static str {
    extract::detect_format(bytes)
        .map(Format::extension)
        .unwrap_or("bin")
}
