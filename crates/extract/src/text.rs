//! Plain text and Markdown, in whatever encoding they came.

use super::Extracted;
use crate::ExtractError;
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// True when the bytes decode to text with few control characters.
pub(super) fn looks_like_text(bytes: &[u8]) -> bool {
    if Encoding::for_bom(bytes).is_some() {
        return true;
    }
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.contains(&0) {
        return false;
    }
    let (text, _, _) = decode(sample);
    let total = text.chars().count().max(1);
    let bad = text
        .chars()
        .filter(|c| {
            (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c')) || *c == '\u{FFFD}'
        })
        .count();
    bad * 100 / total < 2
}

/// Decode with the BOM's encoding, else UTF-8, else Windows-1252 (the usual legacy encoding).
fn decode(bytes: &[u8]) -> (String, &'static Encoding, bool) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), enc, had_errors);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_owned(), UTF_8, false),
        // A sample may end inside a multi-byte character: that is still UTF-8.
        Err(e) if e.error_len().is_none() => {
            (String::from_utf8_lossy(bytes).into_owned(), UTF_8, false)
        }
        Err(_) => {
            let (text, _, had_errors) = WINDOWS_1252.decode(bytes);
            (text.into_owned(), WINDOWS_1252, had_errors)
        }
    }
}

pub(super) fn extract(bytes: &[u8]) -> Result<Extracted, ExtractError> {
    let (text, encoding, _) = decode(bytes);
    let mut warnings = Vec::new();
    if encoding != UTF_8 {
        warnings.push(format!("text decoded as {}", encoding.name()));
    }
    Ok(Extracted {
        text: text.replace("\r\n", "\n").replace('\r', "\n"),
        pages: 1,
        links: Vec::new(),
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_with_bom_decodes() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Zoë Müller".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert!(looks_like_text(&bytes));
        assert_eq!(extract(&bytes).unwrap().text, "Zoë Müller");
    }

    #[test]
    fn windows_1252_falls_back() {
        let bytes = b"Jos\xe9 Garc\xeda\r\nIngeniero";
        let out = extract(bytes).unwrap();
        assert_eq!(out.text, "José García\nIngeniero");
        assert_eq!(out.warnings, vec!["text decoded as windows-1252"]);
    }
}
