//! Why a file did not become a resume: the file itself, or the process that parsed it.
//!
//! Extraction errors describe the file ("encrypted PDF: password required") and travel from
//! the worker as they are. A worker's own faults — it ran past the timeout, died, sent an
//! answer that is not one, or could not be started — say nothing about the file, so they are
//! a type of their own and never reach the user as "cannot read file".

use crate::ExtractError;

/// A file's parse that ended without a resume.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// The file could not be read as a resume.
    #[error(transparent)]
    File(#[from] ExtractError),
    /// The parser process failed on it.
    #[error(transparent)]
    Worker(#[from] WorkerFault),
}

/// What went wrong with the process that parsed a file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkerFault {
    /// Parsing took longer than the per-file limit and the worker was stopped.
    #[error("parsing took longer than {0} s and was stopped")]
    Timeout(u64),
    /// The parser process died on this file (abort, stack overflow, out of memory).
    #[error("parsing stopped: {0}")]
    Crashed(String),
    /// The parser process answered with something that is not an answer.
    #[error("parsing stopped: the parser process sent an answer that could not be read")]
    GarbledAnswer,
    /// No parser process could be started or spoken to.
    #[error("cannot start a parser process: {0}")]
    Unavailable(String),
}

impl ParseError {
    /// The stable kind the library stores and the UI reads (`encrypted`, `timeout`, …).
    pub fn kind(&self) -> &'static str {
        match self {
            ParseError::File(e) => e.kind().as_str(),
            ParseError::Worker(WorkerFault::Timeout(_)) => "timeout",
            ParseError::Worker(WorkerFault::Crashed(_) | WorkerFault::GarbledAnswer) => {
                "worker_crashed"
            }
            ParseError::Worker(WorkerFault::Unavailable(_)) => "worker_unavailable",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_garbled_worker_answer_is_not_reported_as_an_unreadable_file() {
        let e = ParseError::from(WorkerFault::GarbledAnswer);
        assert_eq!(e.kind(), "worker_crashed");
        assert!(!e.to_string().contains("cannot read file"), "{e}");
    }

    #[test]
    fn file_errors_keep_their_kind_and_sentence() {
        let e = ParseError::from(ExtractError::Encrypted);
        assert_eq!(e.kind(), "encrypted");
        assert_eq!(e.to_string(), "encrypted PDF: password required");
    }
}
