//! Skills and languages: short items separated by commas, bullets or columns.

use super::clean::fold;
use crate::lexicon::function_words::LIST_CONJUNCTIONS;
use crate::lexicon::function_words::LIST_JOINING_WORDS as JOINING;
use crate::lexicon::languages::{MOTHER_TONGUE_LABELS, OTHER_LANGUAGES_LABELS, SPOKEN};
use crate::lexicon::marks::{BULLETS, BULLET_GLYPHS};
use crate::lexicon::proficiency::{SKILL_LEADS, SKILL_LEVELS};
use cvdeck_model::resume::{Language, Skill};

/// "English (native), Spanish (B2)": a list whose items all name spoken languages.
fn spoken_languages(text: &str) -> Option<Vec<Language>> {
    let found = languages(&[text]);
    let spoken = |l: &Language| {
        fold(&l.language)
            .split_whitespace()
            .next()
            .is_some_and(|first| SPOKEN.contains(&first))
    };
    (!found.is_empty() && found.iter().all(spoken)).then_some(found)
}

/// Spoken languages given as a line of a skills section ("Languages: English (native), …",
/// "Sprachen: Deutsch (Muttersprache), …"): they belong in `languages`, not in the skills.
pub(crate) fn languages_among_skills(lines: &[&str]) -> Vec<Language> {
    lines
        .iter()
        .filter_map(|line| labelled(line))
        .filter_map(|(_, rest)| spoken_languages(rest))
        .flatten()
        .collect()
}

/// "PyTorch JAX Python OpenCV": tool names set apart by spaces alone. Mostly tool-shaped
/// names (inner capitals, digits, acronyms) make such a list; after one, a line of plain
/// capitalised names below it ("Docker Linux Git") continues it.
fn spaced_list(text: &str, after_one: bool) -> Option<Vec<String>> {
    if text.contains([',', ';', '•', '|', '·', '\t', '▪', '●', '◦', '/', '(', ':']) {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let techy = |w: &str| {
        w.chars()
            .skip(1)
            .any(|c| c.is_uppercase() || c.is_ascii_digit())
            || w.chars().all(|c| c.is_uppercase())
    };
    let capitalised = words
        .iter()
        .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
    let joined = words
        .iter()
        .any(|w| JOINING.contains(&w.to_lowercase().as_str()));
    let techy_count = words.iter().filter(|w| techy(w)).count();
    let shaped = words.len() >= 3 && techy_count * 2 >= words.len();
    let continued = after_one && words.len() >= 2 && words.len() <= 8;
    (capitalised && !joined && (shaped || continued))
        .then(|| words.iter().map(|w| (*w).to_owned()).collect())
}

const RATING_GLYPHS: &[char] = &[
    '●', '○', '◉', '◯', '★', '☆', '■', '□', '▪', '▫', '⬤', '◐', '◑', '✦', '✧', ' ',
];

static SLASHED_ACRONYM: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\b([A-Z]{1,4})/([A-Z]{1,4}|\d[A-Z0-9]{0,5})\b").expect("valid regex")
});

fn items(text: &str) -> Vec<String> {
    if let Some(tools) = spaced_list(text, false) {
        return tools;
    }
    // "JS (Basic)" is one skill at a level: its brackets stay (as look-alikes the splits
    // below pass over).
    let text = LEVEL_IN_BRACKETS.replace_all(text, |caps: &regex::Captures| {
        if SKILL_LEVELS.contains(&fold(&caps[1]).trim()) {
            format!("\u{2768}{}\u{2769}", caps[1].trim())
        } else {
            caps[0].to_owned()
        }
    });
    // "Python (Pandas, NumPy)" lists three skills; "Canva - WordPress" two.
    let text = text
        .replace(['(', ')'], ",")
        .replace(" - ", ",")
        .replace(" – ", ",");
    // "A/B Testing", "CI/CD", "TCP/IP", "UI/UX", "SAP S/4HANA", "R/3" are one skill each;
    // "Python/Django" two.
    let text = SLASHED_ACRONYM.replace_all(&text, "$1\u{2215}$2");
    // "… and Airflow. Fluent in English": a sentence's end ends an item too (not an
    // ordinal's full stop, "1. Teil").
    let text = SENTENCE_END.replace_all(&text, |caps: &regex::Captures| {
        let before = &caps[1];
        if before.len() <= 2 && before.bytes().all(|b| b.is_ascii_digit()) {
            caps[0].to_owned()
        } else {
            format!("{before},{}", &caps[2])
        }
    });
    text.split(|c: char| ",;|\t/".contains(c) || BULLET_GLYPHS.contains(&c))
        .map(|s| {
            without_lead(
                s.trim()
                    .trim_matches(|c: char| "-*. –".contains(c) || BULLET_GLYPHS.contains(&c))
                    // Rating dots and stars drawn as text ("Python ●●●●○").
                    .trim_matches(RATING_GLYPHS)
                    .trim(),
            )
            .replace('\u{2215}', "/")
            .replace('\u{2768}', "(")
            .replace('\u{2769}', ")")
        })
        .filter(|s| !s.is_empty() && s.split_whitespace().count() <= 5 && s.chars().count() <= 50)
        // "MS Office (sehr gut)": the level beside a skill is none of its own.
        .filter(|s| !SKILL_LEVELS.contains(&fold(s).as_str()))
        // The e-mail a text box printed under the list is a contact, not a skill.
        .filter(|s| !s.contains('@'))
        .flat_map(|s| two_names_joined(&s).unwrap_or_else(|| vec![s]))
        // "Hard-working (18/24)": a number alone is a score, not a skill.
        .filter(|s| {
            !s.chars()
                .all(|c| c.is_ascii_digit() || c == '%' || c == '.')
        })
        .collect()
}

static LEVEL_IN_BRACKETS: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"\(([^(),]{2,30})\)").expect("valid regex"));

static SENTENCE_END: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"(\S+)\.\s+(\p{Lu})").expect("valid regex"));

/// "Proficient in Python" → "Python": a clause listing skills loses the phrase opening it.
fn without_lead(item: &str) -> &str {
    let folded = fold(item);
    for lead in SKILL_LEADS {
        let rest = folded.strip_prefix(lead);
        if rest.is_some_and(|r| r.starts_with(' ')) {
            let cut = item
                .char_indices()
                .nth(lead.chars().count())
                .map_or(item.len(), |(at, _)| at);
            return item[cut..].trim_start();
        }
    }
    item
}

/// "PostgreSQL y MongoDB", "HTML and CSS": two names, one word each, joined by a word that
/// joins list items, are two skills ("Research and Development" is one phrase of words that
/// are not names: it stays).
fn two_names_joined(item: &str) -> Option<Vec<String>> {
    match item.split_whitespace().collect::<Vec<_>>()[..] {
        [a, joiner, b] if LIST_CONJUNCTIONS.contains(&joiner.to_lowercase().as_str()) => {
            let named = |w: &str| {
                w.starts_with(|c: char| c.is_uppercase())
                    && w.chars()
                        .skip(1)
                        .any(|c| c.is_uppercase() || c == '.' || c.is_ascii_digit())
            };
            (named(a) && named(b)).then(|| vec![a.to_owned(), b.to_owned()])
        }
        _ => None,
    }
}

/// "Label: items", or a label and its items in two cells ("Digital skills\tExcel, SQL";
/// "Other language(s)\tEnglish C1") — but not tools set apart by tabs ("Python\tJava").
fn labelled(line: &str) -> Option<(&str, &str)> {
    if let Some(found) = line.split_once(':') {
        return Some(found);
    }
    let (label, rest) = line.split_once('\t')?;
    let one_tab = !rest.contains('\t');
    // "Madrelingua<tab>Italiano": Europass's language rows.
    let language_label = {
        let folded = fold(label.trim());
        MOTHER_TONGUE_LABELS.contains(&folded.as_str())
            || OTHER_LANGUAGES_LABELS.contains(&folded.as_str())
    };
    (one_tab && (rest.contains(',') || label.split_whitespace().count() >= 2 || language_label))
        .then_some((label, rest))
}

/// Skill groups from a skills section; `group` names keywords that have no label of their own.
pub(crate) fn skills(lines: &[&str], group: &str) -> Vec<Skill> {
    let mut out: Vec<Skill> = Vec::new();
    let mut loose = Vec::new();
    let mut after_spaced_list = false;
    for line in lines {
        let line = line.trim_start_matches(|c: char| c == ' ' || BULLETS.contains(&c));
        // A contact block printed after the list (a text box at the page's end).
        if !super::contacts::emails(line).is_empty() || !super::contacts::phones(line).is_empty() {
            continue;
        }
        if let Some(tools) = spaced_list(line, after_spaced_list) {
            loose.extend(tools);
            after_spaced_list = true;
            continue;
        }
        after_spaced_list = false;
        if let Some((label, rest)) = labelled(line) {
            let label = label.trim();
            if spoken_languages(rest).is_some() {
                continue;
            }
            if !label.is_empty() && label.split_whitespace().count() <= 4 {
                let keywords = items(rest);
                if !keywords.is_empty() {
                    out.push(Skill {
                        name: label.to_owned(),
                        keywords,
                    });
                    continue;
                }
            }
        }
        let has_separator = line.contains([',', ';', '•', '|', '·', '\t'])
            || line.contains(" - ")
            || line.contains(" – ")
            // "Proficient in Go and Rust. Knowledge of Docker" (not the wrapped tail of a
            // paragraph, "desarrollo móvil. Me gustaría …").
            || !line.starts_with(char::is_lowercase)
                && (SENTENCE_END.is_match(line) || without_lead(line).len() < line.len());
        if has_separator || line.split_whitespace().count() <= 4 {
            loose.extend(items(line));
        }
    }
    if !loose.is_empty() {
        out.insert(
            0,
            Skill {
                name: group.to_owned(),
                keywords: loose,
            },
        );
    }
    out
}

/// A1 … C2.
fn is_cefr_level(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() == 2 && matches!(b[0], b'A' | b'B' | b'C') && matches!(b[1], b'1' | b'2')
}

/// Spoken languages, with the fluency printed beside them.
pub(crate) fn languages(lines: &[&str]) -> Vec<Language> {
    // "Englisch –" / "verhandlungssicher": a level a narrow column wrapped after its dash.
    let mut joined: Vec<String> = Vec::with_capacity(lines.len());
    for line in lines {
        match joined.last_mut() {
            Some(last) if last.trim_end().ends_with(['-', '–', '—', ':']) => {
                last.push(' ');
                last.push_str(line.trim());
            }
            _ => joined.push((*line).to_owned()),
        }
    }
    let mut out = Vec::new();
    for line in &joined {
        // Europass: "Lingua madre: italiano", "Altre lingue: inglese B2, francese A2".
        let line = match line.split_once([':', '\t']) {
            Some((label, rest)) if MOTHER_TONGUE_LABELS.contains(&fold(label.trim()).as_str()) => {
                for native in rest
                    .split([',', ';', '/'])
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                {
                    out.push(Language {
                        language: native.to_owned(),
                        fluency: Some(label.trim().to_owned()),
                    });
                }
                continue;
            }
            Some((label, rest))
                if OTHER_LANGUAGES_LABELS.contains(&fold(label.trim()).as_str()) =>
            {
                rest
            }
            _ => line.as_str(),
        };
        for item in line.split([',', ';', '•', '|', '·', '\t']) {
            let item = item.trim().trim_start_matches(['-', '*', '–', ' ']);
            // "English<tab>●●●●○": the rating drawn beside a language is not one.
            if item.chars().all(|c| RATING_GLYPHS.contains(&c)) {
                continue;
            }
            let (language, fluency) = match item.split_once(['(', ':', '-', '–', '—']) {
                Some((l, f)) => {
                    // "(native)" loses its bracket; "fließend (C1)" keeps both.
                    let f = f.trim();
                    let f = if f.contains('(') {
                        f
                    } else {
                        f.trim_end_matches(')')
                    };
                    (l.trim(), Some(f.trim().to_owned()))
                }
                // "English C1": a level of the European framework after the name.
                None => match item.rsplit_once(' ') {
                    Some((l, level)) if is_cefr_level(level) => (l.trim(), Some(level.to_owned())),
                    _ => (item, None),
                },
            };
            if language.split_whitespace().count() <= 3 && !language.is_empty() {
                out.push(Language {
                    language: language.to_owned(),
                    fluency: fluency.filter(|f| !f.is_empty()),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_tools_joined_by_a_conjunction_are_two_skills() {
        let s = skills(
            &[
                "PostgreSQL y MongoDB, HTML & CSS",
                "Sales and Marketing, Areas of Interest",
            ],
            "Skills",
        );
        assert_eq!(
            s[0].keywords,
            [
                "PostgreSQL",
                "MongoDB",
                "HTML",
                "CSS",
                "Sales and Marketing",
                "Areas of Interest"
            ]
        );
    }

    #[test]
    fn a_level_beside_a_skill_was_a_skill_of_its_own() {
        let s = skills(
            &[
                "MS Office (sehr gut), SAP ( gut ), Python (Pandas, NumPy)",
                "Proficient in Go and Rust. Knowledge of Docker",
                "Mitglied im Chor, 1. Preis",
            ],
            "Kenntnisse",
        );
        assert_eq!(
            s[0].keywords,
            [
                "MS Office (sehr gut)",
                "SAP (gut)",
                "Python",
                "Pandas",
                "NumPy",
                "Go and Rust",
                "Docker",
                "Mitglied im Chor",
                "1. Preis"
            ]
        );
    }

    #[test]
    fn contacts_printed_under_a_list_were_skills() {
        let s = skills(
            &[
                "Figma, Sketch",
                "ana.lima@example.com",
                "+351 912 345 678",
                "@ana.designs",
            ],
            "Tools",
        );
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].keywords, vec!["Figma", "Sketch"]);
    }

    #[test]
    fn labelled_and_loose_skills() {
        let s = skills(
            &["Languages: Rust, Go, Python", "Docker • Kubernetes"],
            "Skills",
        );
        assert_eq!(s[0].name, "Skills");
        assert_eq!(s[0].keywords, vec!["Docker", "Kubernetes"]);
        assert_eq!(s[1].name, "Languages");
        assert_eq!(s[1].keywords, vec!["Rust", "Go", "Python"]);
    }

    #[test]
    fn spoken_languages_in_a_skills_section_were_skills() {
        let lines = [
            "Languages: Rust, Go, Python",
            "Languages: English (native), Spanish (professional working proficiency)",
            "Sprachen: Deutsch (Muttersprache), Englisch (verhandlungssicher)",
            "Other language(s)\tFrench B2, Italian C1",
            "Digital skills\tExcel, HubSpot",
            "Product: Roadmapping, A/B Testing, CI/CD, Python/Django",
        ];
        let s = skills(&lines, "Skills");
        let groups: Vec<(&str, Vec<&str>)> = s
            .iter()
            .map(|g| {
                (
                    g.name.as_str(),
                    g.keywords.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            groups,
            vec![
                ("Languages", vec!["Rust", "Go", "Python"]),
                ("Digital skills", vec!["Excel", "HubSpot"]),
                (
                    "Product",
                    vec!["Roadmapping", "A/B Testing", "CI/CD", "Python", "Django"]
                ),
            ]
        );
        let spoken: Vec<(String, Option<String>)> = languages_among_skills(&lines)
            .into_iter()
            .map(|l| (l.language, l.fluency))
            .collect();
        let s = |x: &str| x.to_owned();
        assert_eq!(
            spoken,
            vec![
                (s("English"), Some(s("native"))),
                (s("Spanish"), Some(s("professional working proficiency"))),
                (s("Deutsch"), Some(s("Muttersprache"))),
                (s("Englisch"), Some(s("verhandlungssicher"))),
                (s("French"), Some(s("B2"))),
                (s("Italian"), Some(s("C1"))),
            ]
        );
    }

    #[test]
    fn rating_dots_were_skills() {
        let s = skills(
            &[
                "Python ●●●●●",
                "SQL ●●●●○",
                "Scala ★★★☆☆",
                "Hard-working (18/24)",
            ],
            "Skills",
        );
        assert_eq!(
            s[0].keywords,
            vec!["Python", "SQL", "Scala", "Hard-working"]
        );
        let spoken: Vec<String> = languages(&["English\t○○○○○", "German\t○○○○ ○○"])
            .into_iter()
            .map(|l| l.language)
            .collect();
        assert_eq!(spoken, vec!["English", "German"]);
    }

    #[test]
    fn languages_with_fluency() {
        let l = languages(&["English (native), German: B2"]);
        assert_eq!(l[0].language, "English");
        assert_eq!(l[0].fluency.as_deref(), Some("native"));
        assert_eq!(l[1].fluency.as_deref(), Some("B2"));
    }

    #[test]
    fn tools_set_apart_by_spaces_or_parentheses() {
        let s = skills(
            &[
                "Outils principaux: PyTorch JAX Python OpenCV",
                "Python (Pandas, NumPy)",
            ],
            "Compétences",
        );
        assert_eq!(s[0].keywords, vec!["Python", "Pandas", "NumPy"]);
        assert_eq!(s[1].keywords, vec!["PyTorch", "JAX", "Python", "OpenCV"]);
        // A line of plain names under such a list continues it; a phrase does not.
        let s = skills(
            &[
                "PyTorch JAX Python OpenCV",
                "Docker Linux Git OpenGL WebGPU",
                "Project Management and Marketing",
            ],
            "Compétences",
        );
        assert_eq!(
            s[0].keywords,
            vec![
                "PyTorch",
                "JAX",
                "Python",
                "OpenCV",
                "Docker",
                "Linux",
                "Git",
                "OpenGL",
                "WebGPU",
                "Project Management and Marketing"
            ]
        );
        let prose = skills(&["Machine Learning Engineering"], "Skills");
        assert_eq!(prose[0].keywords, vec!["Machine Learning Engineering"]);
    }
}
