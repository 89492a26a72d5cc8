//! Section headings in five languages, recognised by their words and their form.

use super::clean::fold;
pub(crate) use crate::lexicon::headings::SectionKind;
use crate::lexicon::headings::{KIND_WORDS, MODIFIERS, WEAK_KIND_WORDS};

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
    let printed = line.trim().trim_end_matches([':', '：']).trim();
    let chars = printed.chars().count();
    if !(3..=45).contains(&chars) || printed.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    if printed.contains('@') || printed.contains('\t') || printed.ends_with('.') {
        return None;
    }
    let folded = fold(printed);
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '/' | '\'' | '’'))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 5 {
        return None;
    }
    // A heading does not end on a connector; a wrapped sentence often does.
    const CONNECTORS: &[&str] = &[
        "and", "&", "und", "et", "y", "e", "of", "in", "de", "des", "la", "the", "for", "to",
    ];
    if words.len() > 1 && words.last().is_some_and(|w| CONNECTORS.contains(w)) {
        return None;
    }
    let mut kind = None;
    let mut also = None;
    let mut weak = None;
    for word in &words {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '&' && c != '/');
        if bare.is_empty() {
            continue;
        }
        if let Some((_, k)) = WEAK_KIND_WORDS.iter().find(|(w, _)| *w == bare) {
            weak = weak.or(Some(*k));
        } else if let Some((_, k)) = KIND_WORDS.iter().find(|(w, _)| *w == bare) {
            match kind {
                None => kind = Some(*k),
                Some(first) if first != *k && also.is_none() => also = Some(*k),
                Some(_) => {}
            }
        } else if !MODIFIERS.contains(&bare) {
            return None;
        }
    }
    let mut kind = kind.or(weak);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multilingual_headings() {
        for (line, kind) in [
            ("Work Experience", SectionKind::Work),
            ("BERUFSERFAHRUNG", SectionKind::Work),
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
