//! Why a file could not be turned into a resume.

use serde::{Deserialize, Serialize};

/// A file-level failure. Every variant's message is meant for the person who gave us the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum ExtractError {
    /// The file has no bytes.
    #[error("empty file: 0 bytes")]
    Empty,
    /// Not a format we read; the message names what it is and what to do.
    #[error("not a resume format: {0}")]
    Unsupported(String),
    /// A password is needed to read the text.
    #[error("encrypted PDF: password required")]
    Encrypted,
    /// A scan (PDF pages or an image) with no text that could be read; the message says why.
    #[error("{0}")]
    NoTextLayer(String),
    /// The file says it is a format but is broken.
    #[error("damaged {format} file: {detail}")]
    Corrupt {
        /// Format name, e.g. "PDF".
        format: String,
        /// What was wrong.
        detail: String,
    },
    /// Over a configured size limit.
    #[error("file too large: {what}")]
    TooLarge {
        /// What exceeded which limit.
        what: String,
    },
    /// The file could not be read from disk.
    #[error("cannot read file: {0}")]
    Io(String),
    /// A parser library panicked on this file.
    #[error("the parser crashed on this file: {0}")]
    Panicked(String),
    /// A step of extraction (OCR of a scan) ran past its own time budget, in seconds.
    #[error("parsing took longer than {0} s and was stopped")]
    Timeout(u64),
    /// Readable, but there is no text in it.
    #[error("no text found in the file")]
    NoText,
    /// The path names something that is not a file to read: a named pipe, a device, a
    /// broken link.
    #[error("not a regular file: {0}")]
    NotAFile(String),
}

/// Stable, machine-readable kind of an [`ExtractError`] (stored in the library, sent to the UI).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// [`ExtractError::Empty`]
    Empty,
    /// [`ExtractError::Unsupported`]
    Unsupported,
    /// [`ExtractError::Encrypted`]
    Encrypted,
    /// [`ExtractError::NoTextLayer`]
    NoTextLayer,
    /// [`ExtractError::Corrupt`]
    Corrupt,
    /// [`ExtractError::TooLarge`]
    TooLarge,
    /// [`ExtractError::Io`]
    Io,
    /// [`ExtractError::Panicked`]
    Panicked,
    /// [`ExtractError::Timeout`]
    Timeout,
    /// [`ExtractError::NoText`]
    NoText,
    /// [`ExtractError::NotAFile`]
    NotAFile,
}

impl ErrorKind {
    /// The stable code.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Empty => "empty",
            ErrorKind::Unsupported => "unsupported",
            ErrorKind::Encrypted => "encrypted",
            ErrorKind::NoTextLayer => "no_text_layer",
            ErrorKind::Corrupt => "corrupt",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::Io => "io",
            ErrorKind::Panicked => "panicked",
            ErrorKind::Timeout => "timeout",
            ErrorKind::NoText => "no_text",
            ErrorKind::NotAFile => "not_a_file",
        }
    }
}

impl ExtractError {
    /// The kind, for storage and matching.
    pub fn kind(&self) -> ErrorKind {
        match self {
            ExtractError::Empty => ErrorKind::Empty,
            ExtractError::Unsupported(_) => ErrorKind::Unsupported,
            ExtractError::Encrypted => ErrorKind::Encrypted,
            ExtractError::NoTextLayer(_) => ErrorKind::NoTextLayer,
            ExtractError::Corrupt { .. } => ErrorKind::Corrupt,
            ExtractError::TooLarge { .. } => ErrorKind::TooLarge,
            ExtractError::Io(_) => ErrorKind::Io,
            ExtractError::Panicked(_) => ErrorKind::Panicked,
            ExtractError::Timeout(_) => ErrorKind::Timeout,
            ExtractError::NoText => ErrorKind::NoText,
            ExtractError::NotAFile(_) => ErrorKind::NotAFile,
        }
    }

    /// A PDF without a text layer; `detail` says whether OCR was tried.
    pub(crate) fn scanned_pdf(detail: &str) -> Self {
        ExtractError::NoTextLayer(format!("scanned PDF: no text layer ({detail})"))
    }

    pub(crate) fn corrupt(format: &str, detail: impl std::fmt::Display) -> Self {
        ExtractError::Corrupt {
            format: format.to_owned(),
            detail: detail.to_string(),
        }
    }
}

impl From<std::io::Error> for ExtractError {
    fn from(e: std::io::Error) -> Self {
        ExtractError::from_io_ref(&e)
    }
}

impl ExtractError {
    /// A read error as the person who gave us the file should hear it.
    pub fn from_io_ref(e: &std::io::Error) -> Self {
        // The ones a user can act on get a sentence of their own.
        ExtractError::Io(match e.kind() {
            std::io::ErrorKind::NotFound => "it was moved or deleted during the import".to_owned(),
            std::io::ErrorKind::PermissionDenied => "permission denied for your user".to_owned(),
            std::io::ErrorKind::InvalidFilename => {
                "its path is longer than the system allows".to_owned()
            }
            _ => e.to_string(),
        })
    }
}
