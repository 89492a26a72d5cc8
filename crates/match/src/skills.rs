//! The skill table: concepts ("PostgreSQL", "project management") with every spelling an ad or a
//! resume prints for them ("postgres", "gestão de projetos", "Projektmanagement"), and the finder
//! that reads them out of text. Both sides of a match go through it, so they meet in concepts.

use crate::lexicon;
use crate::words::{phrase_key, tokens};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// A skill concept, by its name in the table ("Kubernetes", "project management").
pub type Concept = &'static str;

/// A concept found in a text, with the words that printed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The concept.
    pub concept: Concept,
    /// The words as printed ("Postgres").
    pub printed: String,
    /// Where they are (byte offsets into the text).
    pub span: Range<usize>,
}

/// How a text lists skills, which decides how much a one-word spelling is trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Sentences: a product named by an ordinary word ("Chef", "Swift", "Excel": see
    /// `lexicon/ordinary_words.rs`) counts only where it is printed with its capital.
    Prose,
    /// A list of skills (a resume's skills section, a chip typed by a person): every spelling
    /// counts.
    List,
}

/// Every concept and spelling, built once from the vendored tables.
#[derive(Debug)]
pub struct SkillTable {
    names: Vec<Concept>,
    by_spelling: HashMap<String, usize>,
    by_exact_print: HashMap<&'static str, usize>,
    /// For each first word of a spelling of several words, the most words such a spelling has.
    longest_from: HashMap<String, usize>,
}

/// The table, read from `lexicon/esco_skills.tsv` and `lexicon/curated_skills.tsv` on first use.
pub fn table() -> &'static SkillTable {
    static TABLE: OnceLock<SkillTable> = OnceLock::new();
    TABLE.get_or_init(|| SkillTable::from_rows(lexicon::skill_rows()))
}

impl SkillTable {
    /// Builds the table from `(name, spellings)` rows; a later row's spelling wins over an
    /// earlier one (the curated table comes after ESCO), and rows with the same name are one
    /// concept.
    fn from_rows(rows: impl Iterator<Item = (Concept, Vec<&'static str>)>) -> SkillTable {
        let mut names: Vec<Concept> = Vec::new();
        let mut index: HashMap<Concept, usize> = HashMap::new();
        let mut by_spelling = HashMap::new();
        let mut by_exact_print = HashMap::new();
        let mut longest_from: HashMap<String, usize> = HashMap::new();
        for (name, spellings) in rows {
            let id = *index.entry(name).or_insert_with(|| {
                names.push(name);
                names.len() - 1
            });
            // A name the row spells only in capitals ("=Go", "=R") is not a spelling in lower case.
            if !spellings.iter().any(|s| s.strip_prefix('=') == Some(name)) {
                let key = phrase_key(name);
                note_first_word(&mut longest_from, &key);
                by_spelling.insert(key, id);
            }
            for spelling in spellings {
                if let Some(exact) = spelling.strip_prefix('=') {
                    by_exact_print.insert(exact, id);
                } else {
                    note_first_word(&mut longest_from, spelling);
                    by_spelling.insert(spelling.to_owned(), id);
                }
            }
        }
        SkillTable {
            names,
            by_spelling,
            by_exact_print,
            longest_from,
        }
    }

    /// How many concepts the table knows.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether the table is empty (never, once built from the vendored tables).
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The concept `phrase` spells, however it is written ("k8s" → "Kubernetes").
    pub fn lookup(&self, phrase: &str) -> Option<Concept> {
        let trimmed = phrase.trim();
        self.by_exact_print
            .get(trimmed)
            .or_else(|| self.by_spelling.get(&phrase_key(trimmed)))
            .map(|&id| self.names[id])
    }

    /// The concepts printed in `text`, in order, longest spelling first where they overlap.
    pub fn find(&self, text: &str, reading: Reading) -> Vec<Found> {
        let words = tokens(text);
        let mut found = Vec::new();
        let mut key = String::new();
        let mut at = 0;
        while at < words.len() {
            // Only a word that starts some spelling of several words is looked at with the
            // words after it: most words of a resume start none.
            let longest = match self.longest_from.get(words[at].folded.as_str()) {
                Some(&n) => n.min(words.len() - at),
                None => 1,
            };
            let hit = (1..=longest).rev().find_map(|n| {
                let span = words[at].span.start..words[at + n - 1].span.end;
                let printed = &text[span.clone()];
                let id = if n == 1 {
                    self.by_exact_print
                        .get(printed)
                        .copied()
                        .or_else(|| self.one_word(&words[at].folded, printed, reading))
                } else {
                    key.clear();
                    for (i, word) in words[at..at + n].iter().enumerate() {
                        if i > 0 {
                            key.push(' ');
                        }
                        key.push_str(&word.folded);
                    }
                    self.by_spelling.get(key.as_str()).copied()
                }?;
                Some((n, id, span))
            });
            match hit {
                Some((n, id, span)) => {
                    found.push(Found {
                        concept: self.names[id],
                        printed: text[span.clone()].to_owned(),
                        span,
                    });
                    at += n;
                }
                None => at += 1,
            }
        }
        found
    }

    fn one_word(&self, folded: &str, printed: &str, reading: Reading) -> Option<usize> {
        let id = *self.by_spelling.get(folded)?;
        let ordinary = lexicon::ordinary_words::ORDINARY_WORDS
            .binary_search(&folded)
            .is_ok();
        let printed_capital = printed.chars().next().is_some_and(char::is_uppercase);
        (reading == Reading::List || !ordinary || printed_capital).then_some(id)
    }
}

/// Notes that a spelling of several words starts with its first word.
fn note_first_word(longest_from: &mut HashMap<String, usize>, spelling: &str) {
    let words = spelling.split(' ').count();
    if words > 1 {
        let first = spelling.split(' ').next().unwrap_or_default().to_owned();
        let longest = longest_from.entry(first).or_insert(1);
        *longest = (*longest).max(words);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn concepts(text: &str, reading: Reading) -> Vec<Concept> {
        table()
            .find(text, reading)
            .into_iter()
            .map(|f| f.concept)
            .collect()
    }

    #[test]
    fn spellings_in_five_languages_meet_in_one_concept() {
        let t = table();
        for spelling in [
            "project management",
            "gestion de projets",
            "gestión de proyectos",
            "Projektmanagement",
            "gestão de projetos",
        ] {
            assert_eq!(t.lookup(spelling), Some("project management"), "{spelling}");
        }
        assert_eq!(t.lookup("k8s"), Some("Kubernetes"));
        assert_eq!(t.lookup("Postgres"), Some("PostgreSQL"));
        assert_eq!(t.lookup("JS"), Some("JavaScript"));
        assert_eq!(t.lookup("TS"), Some("TypeScript"));
        assert_eq!(t.lookup("ts"), None, "only in capitals");
        assert_eq!(t.lookup("C#"), Some("C#"));
        assert_eq!(t.lookup("Python"), Some("Python"));
        assert!(t.len() > 5000, "{}", t.len());
    }

    #[test]
    fn the_longest_spelling_wins_and_words_are_not_reused() {
        assert_eq!(
            concepts("Agile project management with Spring Boot", Reading::Prose),
            ["Agile project management", "Spring Framework"]
        );
    }

    #[test]
    fn an_ordinary_word_names_a_product_only_with_its_capital_in_prose() {
        assert_eq!(
            concepts("we excel at swift delivery", Reading::Prose),
            Vec::<Concept>::new()
        );
        assert_eq!(
            concepts("Swift, Excel", Reading::Prose),
            ["Swift", "Microsoft Excel"]
        );
        assert_eq!(
            concepts("swift, excel", Reading::List),
            ["Swift", "Microsoft Excel"]
        );
    }

    #[test]
    fn one_letter_languages_count_only_as_printed() {
        assert_eq!(concepts("C, R and Go", Reading::Prose), ["C", "R", "Go"]);
        assert_eq!(concepts("go to r", Reading::Prose), Vec::<Concept>::new());
    }
}
