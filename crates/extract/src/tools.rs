//! The programs CV Deck runs but does not ship: poppler's `pdftoppm` (page pictures, and the
//! pages of a scan for OCR) and Tesseract (OCR). They are looked up on `PATH` each time they
//! are needed, so installing one helps at once; when one is missing, what needs it fails with
//! a reason that names the package to install, and everything else works.

use std::path::PathBuf;

/// A program CV Deck can use when this machine has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExternalTool {
    /// The command, as looked up on `PATH` (`.exe` is added on Windows).
    pub program: &'static str,
    /// How people know it, as said in messages.
    pub known_as: &'static str,
    /// The Debian package that brings it.
    pub package: &'static str,
    /// What CV Deck does with it.
    pub used_for: &'static str,
}

/// Draws PDF pages: the previews in the detail panel, and a scan's pages for OCR.
pub const PDFTOPPM: ExternalTool = ExternalTool {
    program: "pdftoppm",
    known_as: "poppler's pdftoppm",
    package: "poppler-utils",
    used_for: "page pictures of PDFs, and scanned PDFs",
};

/// Reads text from pictures: scanned PDFs and resumes sent as images.
pub const TESSERACT: ExternalTool = ExternalTool {
    program: "tesseract",
    known_as: "Tesseract",
    package: "tesseract-ocr",
    used_for: "scanned PDFs and resumes sent as images (OCR)",
};

/// Every program CV Deck may run, for an About box or a health check to list.
pub const EXTERNAL_TOOLS: [ExternalTool; 2] = [PDFTOPPM, TESSERACT];

impl ExternalTool {
    /// Where the program is on this machine, if it is.
    pub fn find(&self) -> Option<PathBuf> {
        which::which(self.program).ok()
    }

    /// The sentence for something that needs this program when it is missing:
    /// `"scanned PDFs need Tesseract: install tesseract-ocr"`.
    pub fn needed_by(&self, what: &str) -> String {
        format!("{what} need {}: install {}", self.known_as, self.package)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_tool_names_its_package() {
        assert_eq!(
            TESSERACT.needed_by("scanned PDFs"),
            "scanned PDFs need Tesseract: install tesseract-ocr"
        );
    }

    #[test]
    fn tools_are_found_on_path_and_only_there() {
        // `make test` installs both on Linux.
        #[cfg(unix)]
        for tool in EXTERNAL_TOOLS {
            assert!(
                tool.find().is_some(),
                "{} should be installed",
                tool.program
            );
        }
        let missing = ExternalTool {
            program: "cvdeck-no-such-program",
            ..TESSERACT
        };
        assert_eq!(missing.find(), None);
    }
}
