//! Text hygiene before any field is looked for.

use regex::Regex;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

/// NFKC (ligatures, full-width forms), invisible and icon characters removed, spaces tidied,
/// letter-spaced headings ("E X P E R I E N C E") joined, accessibility prefixes dropped.
pub(crate) fn clean_text(raw: &str) -> String {
    let normalised: String = raw
        .nfkc()
        .filter_map(|c| match c {
            '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{00AD}' => None,
            // Private-use glyphs are icon fonts (FontAwesome, academicons) in templates.
            '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{FFFFD}' | '\u{100000}'..='\u{10FFFD}' => {
                Some(' ')
            }
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
                Some(' ')
            }
            '\u{FFFD}' => Some(' '),
            '\x0c' => Some('\n'),
            c => Some(c),
        })
        .collect();
    let mut out = String::with_capacity(normalised.len());
    for line in normalised.lines() {
        let line = clean_line(line);
        out.push_str(&line);
        out.push('\n');
    }
    out
}

static ACCESSIBILITY_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:mailto|tel|callto|homepage):\s*").expect("valid regex"));
static DOT_LEADERS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:\s*\.){4,}\s*").expect("valid regex"));
static SPACES: LazyLock<Regex> = LazyLock::new(|| Regex::new(r" {2,}").expect("valid regex"));

fn clean_line(line: &str) -> String {
    let line = line.trim();
    let line = unspace_letters(line);
    let line = DOT_LEADERS.replace_all(&line, "\t");
    // Hidden link labels that templates print before each contact ("mailto:jane@x.org").
    let line = ACCESSIBILITY_PREFIX.replace_all(&line, "");
    let line = line
        .split('\t')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\t");
    SPACES.replace_all(&line, " ").trim().to_owned()
}

/// "E X P E R I E N C E" → "EXPERIENCE"; "W O R K  E X P" → "WORK EXP".
fn unspace_letters(line: &str) -> String {
    let tokens: Vec<&str> = line.split(' ').collect();
    let singles = tokens.iter().filter(|t| t.chars().count() == 1).count();
    if tokens.len() < 4 || singles * 10 < tokens.len() * 8 {
        return line.to_owned();
    }
    // Double spaces separate words; single spaces separate letters.
    line.split("  ")
        .map(|word| word.split(' ').collect::<String>())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lowercase, accents removed: for matching words, never for output.
pub(crate) fn fold(s: &str) -> String {
    s.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hygiene() {
        assert_eq!(clean_text("ﬁnance\u{200B} team"), "finance team\n");
        assert_eq!(clean_text("\u{F0E0} mailto:jane@x.org"), "jane@x.org\n");
        assert_eq!(clean_text("E X P E R I E N C E"), "EXPERIENCE\n");
        assert_eq!(clean_text("Rust ........ expert"), "Rust\texpert\n");
        assert_eq!(fold("Expérience Über"), "experience uber");
    }
}
