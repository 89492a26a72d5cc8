//! Section headings in five languages, recognised by their words and their form.

use super::clean::fold;
use crate::lexicon::function_words::HEADING_CONNECTORS;
pub(crate) use crate::lexicon::headings::SectionKind;
use crate::lexicon::headings::{
    COMPOUND_HEADS, KIND_WORDS, LANGUAGE_ADJECTIVES, MODIFIERS, WEAK_KIND_WORDS,
};

/// A recognised heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Heading {
    pub kind: SectionKind,
    /// A second subject in the same heading ("Erfahrung und Kenntnisse").
    pub also: Option<SectionKind>,
    /// As printed, without a trailing colon.
    pub text: String,
    /// The line ended with a colon.
    pub had_colon: bool,
}

impl Heading {
    /// Headings in capitals, with a colon, or of one or two words need no blank line above
    /// them; longer Title Case ones do, or they may be a wrapped sentence.
    pub fn is_certain(&self) -> bool {
        let letters: Vec<char> = self.text.chars().filter(|c| c.is_alphabetic()).collect();
        letters.iter().all(|c| c.is_uppercase())
            || self.text.split_whitespace().count() <= 2
            || self.had_colon
    }
}

/// If `line` is a section heading, what kind.
pub(crate) fn heading(line: &str) -> Option<Heading> {
    heading_as_printed(line).or_else(|| {
        // "W ORK EXPERIENCE": a large first capital set apart (OCR, small capitals) — the
        // heading it makes with the word after it.
        let trimmed = line.trim();
        let mut chars = trimmed.chars();
        let first = chars.next()?;
        let rest = chars.as_str();
        let joined = rest
            .strip_prefix(' ')
            .filter(|r| first.is_uppercase() && r.starts_with(|c: char| c.is_uppercase()))?;
        let found = heading_as_printed(&format!("{first}{joined}"))?;
        Some(found)
    })
}

fn heading_as_printed(line: &str) -> Option<Heading> {
    let printed = line.trim().trim_end_matches([':', '：']).trim();
    let chars = printed.chars().count();
    if !(3..=45).contains(&chars) || printed.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    if printed.contains('@') || printed.contains('\t') || printed.ends_with('.') {
        return None;
    }
    // "Hobby's" (Dutch plural): the apostrophe before a plural's "s" joins it to its word.
    let folded = fold(printed).replace("'s", "s").replace("’s", "s");
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '/' | '\'' | '’'))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 5 {
        return None;
    }
    // A heading does not end on a connector; a wrapped sentence often does.
    if words.len() > 1 && words.last().is_some_and(|w| HEADING_CONNECTORS.contains(w)) {
        return None;
    }
    let mut kind = None;
    let mut also = None;
    let mut weak = None;
    let mut spoken = false;
    for (at, word) in words.iter().enumerate() {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '&' && c != '/');
        if bare.is_empty() {
            continue;
        }
        if LANGUAGE_ADJECTIVES.binary_search(&bare).is_ok() {
            spoken = true;
            continue;
        }
        // "Aus- und Weiterbildung": a compound cut short shares the head of a later one.
        let completed = word
            .ends_with('-')
            .then(|| complete_compound(bare, &words[at + 1..]))
            .flatten();
        let bare = completed.as_deref().unwrap_or(bare);
        match word_kind(bare) {
            Some(WordKind::Weak(k)) => weak = weak.or(Some(k)),
            Some(WordKind::Strong(k)) => match kind {
                None => kind = Some(k),
                Some(first) if first != k && also.is_none() => also = Some(k),
                Some(_) => {}
            },
            None if MODIFIERS.binary_search(&bare).is_ok() || word.ends_with('-') => {}
            None => return None,
        }
    }
    let mut kind = kind.or(weak);
    // "Competenze linguistiche": skills of spoken languages are the languages.
    if spoken && kind.is_some() {
        kind = Some(SectionKind::Languages);
        also = None;
    }
    // "Programming languages" lists skills, not the languages a person speaks.
    let programming = words.iter().any(|w| {
        [
            "programming",
            "programmier",
            "programmation",
            "programacion",
            "programacao",
            "coding",
        ]
        .iter()
        .any(|p| w.starts_with(p))
    });
    if programming && kind == Some(SectionKind::Languages) {
        kind = Some(SectionKind::Skills);
    }
    kind.map(|kind| Heading {
        kind,
        also,
        text: printed.to_owned(),
        had_colon: line.trim_end().ends_with([':', '：']),
    })
}

enum WordKind {
    /// Names its kind whatever else the heading says.
    Strong(SectionKind),
    /// Names its kind only when no strong word is there.
    Weak(SectionKind),
}

/// What one folded heading word names: the word itself, its plural or singular
/// ("Achievement", "Objectives"), or the head of a compound ("Arbeitserfahrung").
fn word_kind(bare: &str) -> Option<WordKind> {
    // `word` followed by `suffix`, looked up without building the joined word (heading words
    // are looked up for every line); the tables are sorted (lexicon tests).
    let find = |table: &[(&str, SectionKind)], word: &str, suffix: &str| {
        table
            .binary_search_by(|(k, _)| k.bytes().cmp(word.bytes().chain(suffix.bytes())))
            .ok()
            .map(|i| table[i].1)
    };
    let lookup = |word: &str, suffix: &str| {
        find(WEAK_KIND_WORDS, word, suffix)
            .map(WordKind::Weak)
            .or_else(|| find(KIND_WORDS, word, suffix).map(WordKind::Strong))
    };
    if MODIFIERS.binary_search(&bare).is_ok() {
        return lookup(bare, "");
    }
    let singular = (bare.len() > 4).then(|| bare.strip_suffix('s')).flatten();
    lookup(bare, "")
        .or_else(|| singular.and_then(|w| lookup(w, "")))
        .or_else(|| (bare.len() > 3).then(|| lookup(bare, "s")).flatten())
        .or_else(|| compound_head(bare).map(|(_, kind)| WordKind::Strong(kind)))
}

/// The head noun a compound word ends with, if its first part is a word of its own.
fn compound_head(word: &str) -> Option<(&'static str, SectionKind)> {
    COMPOUND_HEADS
        .iter()
        .filter(|(head, _)| word.len() >= head.len() + 2 && word.ends_with(head))
        .max_by_key(|(head, _)| head.len())
        .copied()
}

/// "aus-" before "… und Weiterbildung" is "ausbildung": the cut word takes the head of the
/// first later compound that has one.
fn complete_compound(cut: &str, later: &[&str]) -> Option<String> {
    later.iter().find_map(|w| {
        let (head, _) = compound_head(w.trim_matches(|c: char| !c.is_alphanumeric()))?;
        Some(format!("{cut}{head}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multilingual_headings() {
        for (line, kind) in [
            ("Work Experience", SectionKind::Work),
            ("BERUFSERFAHRUNG", SectionKind::Work),
            ("Historial laboral", SectionKind::Work),
            ("Atuação profissional", SectionKind::Work),
            ("Berufliche Stationen", SectionKind::Work),
            ("Loopbaan", SectionKind::Work),
            ("Conocimientos informáticos", SectionKind::Skills),
            ("Tech stack", SectionKind::Skills),
            ("Competenze tecniche", SectionKind::Skills),
            ("Passatempi", SectionKind::Interests),
            ("Cursos complementares", SectionKind::Certificates),
            ("Expérience professionnelle", SectionKind::Work),
            ("Experiencia laboral:", SectionKind::Work),
            ("Experiência Profissional", SectionKind::Work),
            ("Education", SectionKind::Education),
            ("Formação Acadêmica", SectionKind::Education),
            ("Compétences techniques", SectionKind::Skills),
            ("Honors & Awards", SectionKind::Awards),
            ("Skills & Interests", SectionKind::Skills),
            ("Centres d’intérêt", SectionKind::Interests),
            ("Programming languages", SectionKind::Skills),
            ("Programmiersprachen", SectionKind::Skills),
            ("Langues", SectionKind::Languages),
            ("Centres d'intérêt", SectionKind::Interests),
            ("PROFESSIONAL BACKGROUND", SectionKind::Work),
            ("Educational Background", SectionKind::Education),
            ("EDUCATION & TRAINING", SectionKind::Education),
            ("Training", SectionKind::Certificates),
            ("LICENSES & CERTIFICATIONS", SectionKind::Certificates),
            ("Technical Proficiencies", SectionKind::Skills),
            ("Personal Details", SectionKind::Personal),
            ("Contact Information", SectionKind::Contact),
            ("Persönliche Daten", SectionKind::Personal),
            ("Datos personales", SectionKind::Personal),
            ("Declaration", SectionKind::Other),
            ("Top Skills", SectionKind::Skills),
            // Compounds are named by their last part; a cut compound by the next one's.
            ("ARBEITSERFAHRUNG", SectionKind::Work),
            ("PC-Kenntnisse", SectionKind::Skills),
            ("Hochschulbildung", SectionKind::Education),
            ("Aus- und Weiterbildung", SectionKind::Education),
            ("Berufliche Laufbahn", SectionKind::Work),
            ("Berufliche Tätigkeiten", SectionKind::Work),
            ("Ehrenamtliche Tätigkeiten", SectionKind::Volunteer),
            ("Angaben zur Person", SectionKind::Personal),
            ("Werkervaring", SectionKind::Work),
            // Singular and plural of the same word.
            ("Achievement", SectionKind::Awards),
            ("OBJECTIVES", SectionKind::Summary),
            ("Contactos", SectionKind::Contact),
            ("Language", SectionKind::Languages),
            // Italian and Dutch.
            ("Istruzione e Formazione", SectionKind::Education),
            ("Esperienze lavorative", SectionKind::Work),
            ("Competenze", SectionKind::Skills),
            ("Opleiding", SectionKind::Education),
            ("Vaardigheden & Interesses", SectionKind::Skills),
            ("Sobre mí", SectionKind::Summary),
            ("Tools", SectionKind::Skills),
        ] {
            assert_eq!(heading(line).map(|h| h.kind), Some(kind), "{line}");
        }
        let education = heading("Educational Background").unwrap();
        assert_eq!(education.also, None, "background names work only alone");
        let both = heading("Erfahrung und Kenntnisse").unwrap();
        assert_eq!(
            (both.kind, both.also),
            (SectionKind::Work, Some(SectionKind::Skills))
        );
    }

    #[test]
    fn an_academic_werdegang_was_taken_for_work() {
        for (line, kind) in [
            ("Akademischer Werdegang", SectionKind::Education),
            ("Schulischer Werdegang", SectionKind::Education),
            ("Beruflicher Werdegang", SectionKind::Work),
            ("Werdegang", SectionKind::Work),
            ("Berufliche Laufbahn", SectionKind::Work),
            ("Academic Background", SectionKind::Education),
        ] {
            assert_eq!(heading(line).map(|h| h.kind), Some(kind), "{line}");
        }
    }

    #[test]
    fn sentences_are_not_headings() {
        for line in [
            "Experience with distributed systems at scale.",
            "Software Engineer",
            "2019 Education",
            "Built a work queue in Rust",
        ] {
            assert_eq!(heading(line), None, "{line}");
        }
    }
}
