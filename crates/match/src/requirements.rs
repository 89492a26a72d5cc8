//! A job ad read into requirements: title, required and nice-to-have skills, minimum years,
//! languages with level, place and remote. Reading never fails; what the ad does not say stays
//! empty, and a person corrects the rest.

use crate::lexicon::{ad_headings, ad_words, spoken};
use crate::skills::{table, Reading};
use crate::words::{fold, tokens};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// What a job asks of a candidate.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Requirements {
    /// The job's title ("Backend Engineer").
    pub title: Option<String>,
    /// Skills a candidate must have, by concept name where the skill table knows them.
    pub required: Vec<String>,
    /// Skills that would be welcome.
    pub nice: Vec<String>,
    /// Years of experience asked for at least.
    pub min_years: Option<u32>,
    /// Spoken languages asked for.
    pub languages: Vec<LanguageRequirement>,
    /// Where the work is, as printed ("Berlin").
    pub location: Option<String>,
    /// Whether the work can be done from anywhere.
    pub remote: bool,
}

/// A spoken language a job asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LanguageRequirement {
    /// ISO 639-1 ("de").
    pub code: String,
    /// The least level asked for on the CEFR scale as a number (A1 = 1 … C2 = 6), if stated.
    pub level: Option<u8>,
}

impl Requirements {
    /// Makes `skill` required (moving it from nice-to-have if it was there).
    pub fn require(&mut self, skill: &str) {
        let name = skill_name(skill);
        self.drop_skill(&name);
        self.required.push(name);
    }

    /// Makes `skill` nice to have (moving it from required if it was there).
    pub fn welcome(&mut self, skill: &str) {
        let name = skill_name(skill);
        self.drop_skill(&name);
        self.nice.push(name);
    }

    /// Takes `skill` out of both lists, however it is spelled.
    pub fn drop_skill(&mut self, skill: &str) {
        let key = skill_key(skill);
        self.required.retain(|s| skill_key(s) != key);
        self.nice.retain(|s| skill_key(s) != key);
    }
}

/// The name a skill is kept under: the concept's name when the table knows the spelling
/// ("k8s" → "Kubernetes"), else the words as typed.
pub fn skill_name(skill: &str) -> String {
    let trimmed = skill.trim();
    table()
        .lookup(trimmed)
        .map(str::to_owned)
        .unwrap_or_else(|| trimmed.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// What two spellings of one skill have in common, and what [`crate::Evidence::skill`] looks a
/// skill up by: the concept, else the folded words ("dbt  Modelling" → "dbt modelling").
pub fn skill_key(skill: &str) -> String {
    match table().lookup(skill) {
        Some(concept) => concept.to_owned(),
        None => crate::words::phrase_key(skill),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// Before any heading.
    Opening,
    Required,
    Nice,
    Other,
}

/// Reads `ad` (plain text, in any of the five languages) into requirements.
pub fn read_ad(ad: &str) -> Requirements {
    read(ad, Part::Opening)
}

/// Reads lines that are all requirements (a job document's qualifications), with no title.
pub(crate) fn read_requirement_lines(lines: &str) -> Requirements {
    read(lines, Part::Required)
}

fn read(ad: &str, first_part: Part) -> Requirements {
    let mut reqs = Requirements::default();
    let mut part = first_part;
    let mut opening_skills: Vec<String> = Vec::new();
    let mut other_skills: Vec<String> = Vec::new();
    let mut saw_required_part = first_part == Part::Required;
    for raw in unwrapped_lines(ad) {
        let line = raw
            .trim()
            .trim_start_matches(['-', '•', '*', '·', '–', '▪', '◦', '✓', '>'])
            .trim();
        if line.is_empty() {
            continue;
        }
        let folded = fold(line);
        if let Some(value) = labelled(line, &folded, ad_words::TITLE_LABELS) {
            reqs.title.get_or_insert_with(|| clean_title(value));
            continue;
        }
        if let Some(value) = labelled(line, &folded, ad_words::PLACE_LABELS) {
            note_remote(&mut reqs, &fold(value));
            reqs.location.get_or_insert_with(|| value.to_owned());
            continue;
        }
        let mut body = line;
        if let Some((kind, rest)) = heading(line, &folded) {
            part = kind;
            saw_required_part |= kind == Part::Required;
            body = rest;
            if body.is_empty() {
                continue;
            }
        } else if reqs.title.is_none() && part == Part::Opening && looks_like_a_title(line) {
            reqs.title = Some(clean_title(line));
            continue;
        }
        note_remote(&mut reqs, &fold(body));
        // "Fluent English (C1); German is a plus": a marker holds for its own clause.
        for clause in body.split(';').map(str::trim).filter(|c| !c.is_empty()) {
            let folded = fold(clause);
            let nice_here = part == Part::Nice || contains_phrase(&folded, ad_words::NICE_MARKERS);
            if !nice_here && part != Part::Other {
                if let Some(years) = min_years(&folded) {
                    reqs.min_years = Some(reqs.min_years.map_or(years, |y| y.max(years)));
                }
                for (code, level) in languages_with_levels(clause) {
                    if !reqs.languages.iter().any(|l| l.code == code) {
                        reqs.languages.push(LanguageRequirement { code, level });
                    }
                }
            }
            for found in table().find(clause, Reading::Prose) {
                if is_language_name(&found.printed) {
                    continue;
                }
                let name = found.concept.to_owned();
                match (part, nice_here) {
                    (_, true) => push_unique(&mut reqs.nice, name),
                    (Part::Required, false) => push_unique(&mut reqs.required, name),
                    (Part::Opening, false) => push_unique(&mut opening_skills, name),
                    (Part::Other | Part::Nice, false) => push_unique(&mut other_skills, name),
                }
            }
        }
    }
    // With no part headed as requirements, what the ad names is what it asks for.
    let (to_required, to_nice) = if saw_required_part {
        (
            Vec::new(),
            opening_skills.into_iter().chain(other_skills).collect(),
        )
    } else {
        (
            opening_skills.into_iter().chain(other_skills).collect(),
            Vec::new(),
        )
    };
    for name in to_required {
        push_unique(&mut reqs.required, name);
    }
    let required = reqs.required.clone();
    reqs.nice.retain(|s| !required.contains(s));
    for name in to_nice {
        if !reqs.required.contains(&name) {
            push_unique(&mut reqs.nice, name);
        }
    }
    reqs
}

/// The ad's lines with a sentence wrapped over several lines joined again ("at least two years
/// of" + "experience in patient care"): a line that continues in lower case belongs to the one
/// before, unless that one is a heading or a list item ends there.
fn unwrapped_lines(ad: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for raw in ad.lines() {
        let trimmed = raw.trim();
        let continues = trimmed.chars().next().is_some_and(char::is_lowercase);
        match lines.last_mut() {
            Some(last) if continues && !last.is_empty() && !last.ends_with([':', '.', ';']) => {
                last.push(' ');
                last.push_str(trimmed);
            }
            _ => lines.push(trimmed.to_owned()),
        }
    }
    lines
}

/// Each language a clause names with the level its own part gives ("Deutsch verhandlungssicher,
/// Englisch fließend", "Português nativo e inglês fluente").
fn languages_with_levels(clause: &str) -> Vec<(String, Option<u8>)> {
    let mut out: Vec<(String, Option<u8>)> = Vec::new();
    for part in clause.split([',', '/']).flat_map(split_on_conjunctions) {
        for (code, level) in languages_in(&part) {
            if !out.iter().any(|(c, _)| *c == code) {
                out.push((code, level));
            }
        }
    }
    out
}

/// `text` split at "and", "und", "et", "y", "e", "o", "or", "ou", "oder".
fn split_on_conjunctions(text: &str) -> Vec<String> {
    const JOINERS: &[&str] = &["and", "e", "et", "o", "oder", "or", "ou", "und", "y"];
    let mut parts = vec![String::new()];
    for word in text.split_whitespace() {
        if JOINERS.contains(&fold(word).as_str()) {
            parts.push(String::new());
        } else if let Some(last) = parts.last_mut() {
            last.push(' ');
            last.push_str(word);
        }
    }
    parts.retain(|p| !p.trim().is_empty());
    parts
}

fn push_unique(list: &mut Vec<String>, name: String) {
    if !list.contains(&name) {
        list.push(name);
    }
}

/// The value of a `Label: value` line whose label is one of `labels`.
fn labelled<'a>(line: &'a str, folded: &str, labels: &[&str]) -> Option<&'a str> {
    let (label, _) = folded.split_once(':')?;
    let label = label.trim();
    if !labels.contains(&label) {
        return None;
    }
    let (_, value) = line.split_once(':')?;
    let value = value.trim();
    (!value.is_empty()).then_some(value)
}

/// The part a heading line opens, and what follows the heading on the same line.
fn heading<'a>(line: &'a str, folded: &str) -> Option<(Part, &'a str)> {
    let (head, rest) = match line.split_once(':') {
        Some((head, rest)) => (fold(head), rest.trim()),
        None => (folded.to_owned(), ""),
    };
    let head = head
        .trim()
        .trim_end_matches(['.', '!', '?'])
        .trim()
        .replace('’', "'");
    if head.split_whitespace().count() > 7 {
        return None;
    }
    let kinds = [
        (Part::Nice, ad_headings::NICE),
        (Part::Required, ad_headings::REQUIRED),
        (Part::Other, ad_headings::OTHER),
    ];
    kinds.iter().find_map(|(part, table)| {
        let starts = table.iter().any(|h| {
            head == *h
                || (head.starts_with(h)
                    && head[h.len()..].starts_with([' ', '(', '-', '–', ',', '&']))
        });
        starts.then_some((*part, rest))
    })
}

/// A first line that names the job: short, no sentence.
fn looks_like_a_title(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (1..=10).contains(&words) && !line.ends_with(['.', ':', '!', '?'])
}

/// The title without the gender marks ads add ("(m/w/d)", "(H/F)") and trailing separators.
fn clean_title(title: &str) -> String {
    static MARKS: OnceLock<Regex> = OnceLock::new();
    let marks = MARKS.get_or_init(|| {
        Regex::new(r"(?i)\(?\b[mwfdhx]\s*/\s*[mwfdhx](\s*/\s*[mwfdhx])?\b\)?|\(\s*all genders?\s*\)|\*in\b")
            .expect("a valid pattern")
    });
    let cleaned = marks.replace_all(title, "");
    cleaned
        .trim()
        .trim_end_matches(['-', '–', '|', ',', '·'])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Notes a job that can be done from anywhere: a line that says just that ("Remote",
/// "Trabalho remoto", "Location: Remote") or an unqualified "fully remote". "Télétravail
/// possible deux jours par semaine" and "hybrid" are not.
fn note_remote(reqs: &mut Requirements, folded: &str) {
    let hybrid = folded.contains("hybrid") || folded.contains("hibrido");
    let short = folded.split_whitespace().count() <= 3;
    let fully = [
        "100% remote",
        "fully remote",
        "full remote",
        "remote-first",
        "remote first",
    ]
    .iter()
    .any(|p| folded.contains(p));
    if !hybrid && (fully || (short && contains_phrase(folded, ad_words::REMOTE))) {
        reqs.remote = true;
    }
}

/// Whether one of `phrases` is in `folded` as whole words.
fn contains_phrase(folded: &str, phrases: &[&str]) -> bool {
    let words: Vec<String> = tokens(folded).into_iter().map(|t| t.folded).collect();
    let joined = format!(" {} ", words.join(" "));
    phrases.iter().any(|p| {
        let key = crate::words::phrase_key(p);
        joined.contains(&format!(" {key} ")) || (p.contains('%') && folded.contains(p))
    })
}

/// The words between the two ends of a range of years.
const RANGE_WORDS: &[&str] = &["a", "bis", "to"];

/// The least years of experience a line asks for ("5+ years", "mindestens 3 Jahre",
/// "3 ans d'expérience minimum", "al menos 2 años", "três anos de experiência").
fn min_years(folded: &str) -> Option<u32> {
    let words: Vec<String> = tokens(folded).into_iter().map(|t| t.folded).collect();
    if !words
        .iter()
        .any(|w| ad_words::EXPERIENCE.iter().any(|e| w.starts_with(e)))
    {
        return None;
    }
    let number = |w: &str| -> Option<u32> {
        let digits = w.trim_end_matches('+');
        digits.parse().ok().or_else(|| {
            ad_words::NUMBER_WORDS
                .binary_search_by(|(word, _)| word.cmp(&digits))
                .ok()
                .map(|i| ad_words::NUMBER_WORDS[i].1)
        })
    };
    let mut best: Option<u32> = None;
    for (i, word) in words.iter().enumerate() {
        // "3-5 years" reads as its lower bound, as do "3 - 5 years" and "3 to 5 years".
        let (low, high) = match word.split_once('-') {
            Some((low, high)) => (low, Some(high)),
            None => (word.as_str(), None),
        };
        let Some(n) = number(low) else { continue };
        if high.is_some_and(|h| number(h).is_none()) {
            continue;
        }
        let mut unit = i + 1;
        if words
            .get(unit)
            .is_some_and(|w| RANGE_WORDS.contains(&w.as_str()))
        {
            unit += 1;
        }
        if high.is_none() && words.get(unit).is_some_and(|w| number(w).is_some()) {
            unit += 1;
        }
        let is_years = words
            .get(unit)
            .is_some_and(|u| ad_words::YEAR_WORDS.contains(&u.as_str()));
        if is_years && (1..=30).contains(&n) {
            best = Some(best.map_or(n, |b| b.max(n)));
        }
    }
    best
}

/// Whether `printed` is the name of a spoken language ("German", "Deutsch").
pub(crate) fn is_language_name(printed: &str) -> bool {
    let key = fold(printed.trim());
    spoken::LANGUAGES
        .binary_search_by(|(name, _)| name.cmp(&key.as_str()))
        .is_ok()
}

/// The spoken languages a line names, each with the level the same line gives (CEFR "B2" or
/// words: "fluent", "verhandlungssicher", "courant").
pub(crate) fn languages_in(text: &str) -> Vec<(String, Option<u8>)> {
    let words = tokens(text);
    let folded: Vec<&str> = words.iter().map(|t| t.folded.as_str()).collect();
    let mut found: Vec<(String, Option<u8>)> = Vec::new();
    for word in &folded {
        if let Ok(i) = spoken::LANGUAGES.binary_search_by(|(name, _)| name.cmp(word)) {
            let code = spoken::LANGUAGES[i].1.to_owned();
            if !found.iter().any(|(c, _)| *c == code) {
                found.push((code, None));
            }
        }
    }
    if found.len() == 1 {
        found[0].1 = level_in(&folded);
    }
    found
}

/// The level a line states: a CEFR grade, else the highest level word.
pub(crate) fn level_in(folded: &[&str]) -> Option<u8> {
    let cefr = folded.iter().find_map(|w| match *w {
        "a1" => Some(1),
        "a2" => Some(2),
        "b1" => Some(3),
        "b2" => Some(4),
        "c1" => Some(5),
        "c2" => Some(6),
        _ => None,
    });
    cefr.or_else(|| {
        let joined = format!(" {} ", folded.join(" "));
        spoken::LEVEL_WORDS
            .iter()
            .filter(|(w, _)| joined.contains(&format!(" {w} ")))
            .map(|(_, level)| *level)
            .max()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_in_five_languages() {
        for (line, want) in [
            ("5+ years of experience with Python", Some(5)),
            ("at least three years experience", Some(3)),
            ("3-5 years of professional experience", Some(3)),
            ("mindestens 3 jahre berufserfahrung", Some(3)),
            ("3 ans d'experience minimum", Some(3)),
            ("al menos 2 anos de experiencia", Some(2)),
            ("tres anos de experiencia", Some(3)),
            ("we have been around for 20 years", None),
        ] {
            assert_eq!(min_years(&fold(line)), want, "{line}");
        }
    }

    #[test]
    fn titles_lose_their_gender_marks() {
        assert_eq!(clean_title("Backend Engineer (m/w/d)"), "Backend Engineer");
        assert_eq!(clean_title("Développeur Java H/F"), "Développeur Java");
        assert_eq!(clean_title("Data Analyst (all genders) –"), "Data Analyst");
    }

    #[test]
    fn languages_come_with_the_level_their_line_gives() {
        assert_eq!(
            languages_in("Fluent German (C1)"),
            [("de".to_owned(), Some(5))]
        );
        assert_eq!(
            languages_in("Englisch verhandlungssicher"),
            [("en".to_owned(), Some(5))]
        );
        assert_eq!(
            languages_in("English and French"),
            [("en".to_owned(), None), ("fr".to_owned(), None)]
        );
    }

    #[test]
    fn editing_moves_a_skill_between_lists_however_it_is_spelled() {
        let mut reqs = Requirements::default();
        reqs.require("k8s");
        assert_eq!(reqs.required, ["Kubernetes"]);
        reqs.welcome("kubernetes");
        assert!(reqs.required.is_empty());
        assert_eq!(reqs.nice, ["Kubernetes"]);
        reqs.require("Rust async");
        reqs.drop_skill("rust  ASYNC");
        assert!(reqs.required.is_empty());
    }
}
