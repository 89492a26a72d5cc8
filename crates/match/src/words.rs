//! Words as the skill table spells them, so that an ad, a resume and the table meet.

use std::ops::Range;
use unicode_normalization::UnicodeNormalization;

/// One word of a text: where it is printed and its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// Lower case, accents removed, without `./-` at either end ("node.js", "c++", "ci/cd").
    pub folded: String,
    /// Where the word is in the text (byte offsets), for the case-sensitive spellings and for
    /// quoting the words that matched.
    pub span: Range<usize>,
}

/// Letters, digits and the marks that belong inside technology names ("C#", "C++",
/// "Node.js", "CI/CD", "scikit-learn").
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '+' | '#' | '.' | '/' | '-')
}

/// `s` without accents, in lower case (the same folding as `scripts/lexicon/build-esco-skills.py`).
pub(crate) fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of `text` in order.
pub(crate) fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (start, is_word_char(c) && i < text.len()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                push_token(&mut out, text, s..i);
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn push_token(out: &mut Vec<Token>, text: &str, span: Range<usize>) {
    let raw = &text[span.clone()];
    let trimmed_start = raw.len() - raw.trim_start_matches(['.', '/', '-']).len();
    let inner = raw.trim_matches(['.', '/', '-']);
    if inner.is_empty() {
        return;
    }
    let start = span.start + trimmed_start;
    out.push(Token {
        folded: fold(inner),
        span: start..start + inner.len(),
    });
}

/// `text`'s words joined by single spaces: the key a phrase is looked up by.
pub(crate) fn phrase_key(text: &str) -> String {
    tokens(text)
        .into_iter()
        .map(|t| t.folded)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        tokens(text).into_iter().map(|t| t.folded).collect()
    }

    #[test]
    fn technology_names_stay_one_word() {
        assert_eq!(
            folded("C#, C++ and Node.js; CI/CD (scikit-learn)."),
            ["c#", "c++", "and", "node.js", "ci/cd", "scikit-learn"]
        );
    }

    #[test]
    fn accents_and_case_fold_and_spans_point_at_the_print() {
        let text = "Gestão de Projetos - Führung";
        let words = tokens(text);
        assert_eq!(
            words.iter().map(|t| t.folded.as_str()).collect::<Vec<_>>(),
            ["gestao", "de", "projetos", "fuhrung"]
        );
        assert_eq!(&text[words[3].span.clone()], "Führung");
    }

    #[test]
    fn a_phrase_key_is_its_words() {
        assert_eq!(phrase_key("  Project   Management. "), "project management");
    }
}
