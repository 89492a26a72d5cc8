//! Whether a line's words are in a vocabulary: words folded to ASCII lower case, hyphenated
//! compounds counted whole and in parts, dotted abbreviations matched as words. A leaf: the
//! header, entry and education stages all ask it, and it asks none of them.

use super::clean::fold;
use crate::lexicon::occupations::OCCUPATION_HEADS;
use crate::lexicon::organisations::{
    COMPANY_WORDS, FIRM_TAILS, INSTITUTION_SUFFIXES, INSTITUTION_WORDS,
};
use crate::lexicon::titles::{TITLE_SUFFIXES, TITLE_WORDS};

/// The words of `s`, folded; a hyphenated compound is itself and its parts.
pub(crate) fn words(s: &str) -> Vec<String> {
    let folded = fold(s);
    let whole = folded
        // "d'ingénieur": the elided article is a word of its own.
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '/' | '\'' | '’'))
        .map(|w| w.trim_matches(|c: char| c == '.' || c == ':' || c == ';'));
    // Hyphenated compounds count as themselves and as their parts ("Diplom-Ingenieur").
    whole
        .flat_map(|w| {
            let mut out = vec![w.to_owned()];
            if w.contains('-') {
                out.extend(w.split('-').filter(|p| !p.is_empty()).map(str::to_owned));
            }
            out
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `s` names a company by its legal form or kind ("Acme GmbH", "Present SPA",
/// "Moreau & Associés"): a company word, "SPA" in capitals (the Italian S.p.A.; a "Spa
/// Therapist" works at a spa), or a firm's tail after "&".
pub(crate) fn names_a_company(s: &str) -> bool {
    has_any(s, COMPANY_WORDS)
        || s.split_whitespace()
            .any(|w| w.trim_matches(|c: char| !c.is_alphanumeric()) == "SPA")
        || s.split(" & ").skip(1).any(|after| {
            words(after)
                .first()
                .is_some_and(|w| FIRM_TAILS.contains(&w.as_str()))
        })
}

/// Whether `s` names a school: an institution word, or a German compound with a school's
/// ending ("Technikerschule", "Berufskolleg", "Meisterakademie").
pub(crate) fn names_a_school(s: &str) -> bool {
    has_any(s, INSTITUTION_WORDS)
        || words(s).iter().any(|w| {
            INSTITUTION_SUFFIXES
                .iter()
                .any(|suffix| w.len() > suffix.len() + 2 && w.ends_with(suffix))
        })
}

/// Whether `s` names a job title: a title word, an occupation's head noun, or a long word
/// with a title's ending.
pub(crate) fn is_title(s: &str) -> bool {
    has_any(s, TITLE_WORDS)
        || words(s).iter().any(|w| {
            (w.len() > 9 && TITLE_SUFFIXES.iter().any(|t| w.ends_with(t)))
                || OCCUPATION_HEADS.binary_search(&w.as_str()).is_ok()
        })
}

/// Whether any word of `s`, or any dotted abbreviation ("B.Com"), is in `vocabulary`.
pub(crate) fn has_any(s: &str, vocabulary: &[&str]) -> bool {
    let folded = fold(s);
    words(s).iter().any(|w| vocabulary.contains(&w.as_str()))
        || vocabulary
            .iter()
            .filter(|v| v.contains('.'))
            .any(|v| contains_as_words(&folded, v))
}

/// `needle` in `haystack` with no letter or digit glued to either end: "B.Com" is in
/// "B.Com (Hons)", not in "github.com".
fn contains_as_words(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}
