//! Skills and languages: short items separated by commas, bullets or columns.

use crate::resume::{Language, Skill};

/// Words that join a phrase ("Project Management and Marketing"), never a list of tools.
const JOINING: &[&str] = &[
    "and", "&", "und", "et", "y", "e", "of", "for", "with", "the", "de",
];

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

fn items(text: &str) -> Vec<String> {
    if let Some(tools) = spaced_list(text, false) {
        return tools;
    }
    // "Python (Pandas, NumPy)" lists three skills.
    let text = text.replace(['(', ')'], ",");
    text.split([',', ';', '•', '|', '·', '\t', '▪', '●', '◦', '/'])
        .map(|s| {
            s.trim()
                .trim_matches(['-', '*', '.', ' ', '–'])
                .trim()
                .to_owned()
        })
        .filter(|s| !s.is_empty() && s.split_whitespace().count() <= 5 && s.chars().count() <= 50)
        .collect()
}

/// Skill groups from a skills section; `group` names keywords that have no label of their own.
pub(crate) fn skills(lines: &[&str], group: &str) -> Vec<Skill> {
    let mut out: Vec<Skill> = Vec::new();
    let mut loose = Vec::new();
    let mut after_spaced_list = false;
    for line in lines {
        let line = line.trim_start_matches(['•', '-', '*', '▪', '●', '◦', '–', ' ']);
        if let Some(tools) = spaced_list(line, after_spaced_list) {
            loose.extend(tools);
            after_spaced_list = true;
            continue;
        }
        after_spaced_list = false;
        if let Some((label, rest)) = line.split_once(':') {
            let label = label.trim();
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
        let has_separator = line.contains([',', ';', '•', '|', '·', '\t']);
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

/// Spoken languages, with the fluency printed beside them.
pub(crate) fn languages(lines: &[&str]) -> Vec<Language> {
    let mut out = Vec::new();
    for line in lines {
        for item in line.split([',', ';', '•', '|', '·', '\t']) {
            let item = item.trim().trim_start_matches(['-', '*', '–', ' ']);
            if item.is_empty() {
                continue;
            }
            let (language, fluency) = match item.split_once(['(', ':', '-', '–']) {
                Some((l, f)) => (
                    l.trim(),
                    Some(f.trim().trim_end_matches(')').trim().to_owned()),
                ),
                None => (item, None),
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
