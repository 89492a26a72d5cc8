//! The text extraction hands to the parser. Pages are separated by form feeds (`\u{C}`), and a
//! line holding only [`COLUMN_START`] marks where a page's second column starts: the parser
//! looks there for the contacts that sidebars begin with.

/// Marks, on a line of its own, where a page's second column starts.
pub const COLUMN_START: char = '\u{1E}';

/// The column marker as it stands in extracted text.
pub const COLUMN_START_LINE: &str = "\n\u{1E}\n";

/// The extracted text as people read it: column markers become plain line breaks.
pub fn display_text(text: &str) -> String {
    text.replace(COLUMN_START_LINE, "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_text_drops_column_marks() {
        assert_eq!(display_text("a\n\u{1E}\nb"), "a\nb");
    }
}
