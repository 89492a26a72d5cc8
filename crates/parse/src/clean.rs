//! Text hygiene before any field is looked for.

use crate::lexicon::marks::NETWORK_ICONS;
use regex::Regex;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

/// NFKC (ligatures, full-width forms), invisible and icon characters removed, spaces tidied,
/// letter-spaced headings ("E X P E R I E N C E") joined, accessibility prefixes dropped.
pub(crate) fn clean_text(raw: &str) -> String {
    let without_running = strip_running_lines(raw);
    let joined = with_network_icons_named(&join_spacing_accents(&without_running));
    let normalised: String = joined
        .nfkc()
        .filter_map(|c| match c {
            '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{00AD}' => None,
            // Private-use glyphs are icon fonts (FontAwesome, academicons) in templates; an
            // icon stands between contact items, so it separates them.
            '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{FFFFD}' | '\u{100000}'..='\u{10FFFD}' => {
                Some('\t')
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

/// How many lines at the top and at the bottom of a page may be a running header or footer.
const RUNNING_LINES: usize = 3;

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s\-–—]*(?:page|seite|página|pagina|p\.)?\s*\d{1,3}(?:\s*(?:/|of|von|de|sur)\s*\d{1,3})?[\s\-–—]*$")
        .expect("valid regex")
});

/// A line as it repeats from page to page: page numbers and dates differ, the rest does not.
fn running_key(line: &str) -> String {
    let mut key = String::with_capacity(line.len());
    let mut in_digits = false;
    for c in line.trim().chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                key.push('#');
            }
            in_digits = true;
        } else {
            in_digits = false;
            if !c.is_whitespace() {
                key.extend(c.to_lowercase());
            }
        }
    }
    key
}

/// Drops running headers and footers ("February 10, 2026 · Jane Doe · Résumé 2") and bare
/// page numbers: lines at the top or bottom of two or more pages that read the same there.
/// A page's columns each have a top and a bottom (a footer under a sidebar ends the sidebar's
/// text).
fn strip_running_lines(raw: &str) -> std::borrow::Cow<'_, str> {
    let column_start = cvdeck_model::text::COLUMN_START_LINE;
    // Page → column → its lines.
    let pages: Vec<Vec<Vec<&str>>> = raw
        .split('\x0c')
        .map(|page| {
            page.split(column_start)
                .map(|c| c.lines().collect())
                .collect()
        })
        .collect();
    // The non-blank lines at the top and bottom of a column: (index, is at the top, key).
    let edges = |column: &[&str]| -> Vec<(usize, bool, String)> {
        let filled: Vec<usize> = (0..column.len())
            .filter(|&i| !column[i].trim().is_empty())
            .collect();
        let n = filled.len();
        filled
            .iter()
            .enumerate()
            .filter(|(k, _)| *k < RUNNING_LINES || *k + RUNNING_LINES >= n)
            .map(|(k, &i)| {
                (
                    i,
                    k < RUNNING_LINES && k + RUNNING_LINES < n,
                    running_key(column[i]),
                )
            })
            .collect()
    };
    let page_edges: Vec<Vec<Vec<(usize, bool, String)>>> = pages
        .iter()
        .map(|columns| columns.iter().map(|c| edges(c)).collect())
        .collect();
    // On how many pages each edge line appears, at the same edge (a job's bullets run from
    // the bottom of one page to the top of the next; a footer stays at the bottom).
    let mut seen: std::collections::HashMap<(bool, &str), usize> = std::collections::HashMap::new();
    for page in &page_edges {
        let mut keys: Vec<(bool, &str)> = page
            .iter()
            .flatten()
            .map(|(_, top, k)| (*top, k.as_str()))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    let running = |line: &str, top: bool, key: &str| {
        PAGE_NUMBER.is_match(line)
            || (pages.len() >= 2
                && key.chars().count() >= 4
                && !key.starts_with(['•', '-', '*', '▪', '◦', '●', '–'])
                && seen.get(&(top, key)).is_some_and(|n| *n >= 2))
    };
    let mut changed = false;
    let mut out_pages = Vec::with_capacity(pages.len());
    for (number, (columns, edges)) in pages.iter().zip(&page_edges).enumerate() {
        let mut out_columns = Vec::with_capacity(columns.len());
        for (column, edge) in columns.iter().zip(edges) {
            // The first page's top is the resume's own header (the name repeated above
            // every page is still the name): only its footers go.
            let drop: Vec<usize> = edge
                .iter()
                .filter(|(_, top, _)| number > 0 || !top)
                .filter(|(i, top, key)| running(column[*i], *top, key))
                .map(|(i, _, _)| *i)
                .collect();
            changed |= !drop.is_empty();
            let kept: Vec<&str> = column
                .iter()
                .enumerate()
                .filter(|(i, _)| !drop.contains(i))
                .map(|(_, l)| *l)
                .collect();
            out_columns.push(kept.join("\n"));
        }
        out_pages.push(out_columns.join(column_start));
    }
    if changed {
        std::borrow::Cow::Owned(out_pages.join("\x0c"))
    } else {
        std::borrow::Cow::Borrowed(raw)
    }
}

static ACCESSIBILITY_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:mailto|tel|callto|homepage):\s*").expect("valid regex"));
static SPACED_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([A-Za-z0-9._%+\-])\s*@\s*([A-Za-z0-9\-]+\.[A-Za-z]{2,})").expect("valid regex")
});
static GLUED_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\p{L})(www\.|https?://)").expect("valid regex"));
static DOT_LEADERS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:\s*\.){4,}\s*").expect("valid regex"));
static COLUMN_GAP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r" {3,}").expect("valid regex"));
static SPACES: LazyLock<Regex> = LazyLock::new(|| Regex::new(r" {2,}").expect("valid regex"));

fn clean_line(line: &str) -> String {
    let line = line.trim();
    // Plain-text resumes align columns with runs of spaces ("Amazon      Seattle, WA"): a
    // column gap, as the PDF layout marks it with a tab.
    let line = COLUMN_GAP.replace_all(line, "\t");
    let line = unspace_letters(&line);
    let line = join_small_caps(&line);
    let line = unspace_digits(&line);
    // "HOUSE-CHIMNEYwww.x.com": an icon's name glued to the link after it.
    let line = GLUED_LINK.replace_all(&line, "$1 $2");
    let line = DOT_LEADERS.replace_all(&line, "\t");
    // Hidden link labels that templates print before each contact ("mailto:jane@x.org").
    let line = ACCESSIBILITY_PREFIX.replace_all(&line, "");
    // OCR and some layouts put spaces around the @ of an address.
    let line = SPACED_AT.replace_all(&line, "$1@$2");
    let line = line
        .split('\t')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\t");
    SPACES.replace_all(&line, " ").trim().to_owned()
}

/// Spacing accents and the letters they may sit on (TeX draws "ü" as "¨" over "u").
const SPACING_ACCENTS: &[(char, char, &str)] = &[
    ('\u{A8}', '\u{308}', "aeiouyAEIOUY"),
    ('\u{B4}', '\u{301}', "aeiouyAEIOUYcnCN"),
    ('\u{2CB}', '\u{300}', "aeiouAEIOU"),
    ('\u{2C6}', '\u{302}', "aeiouAEIOU"),
    ('\u{2DC}', '\u{303}', "anoANO"),
    ('\u{B8}', '\u{327}', "cC"),
    ('\u{2C7}', '\u{30C}', "cszrneCSZRNE"),
    ('\u{2DA}', '\u{30A}', "auAU"),
];

/// "f ¨ur" → "für": a spacing accent (and the gap a layout put around it) joined to its letter.
fn join_spacing_accents(text: &str) -> String {
    if !text
        .chars()
        .any(|c| SPACING_ACCENTS.iter().any(|(a, _, _)| *a == c))
    {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let accent = SPACING_ACCENTS.iter().find(|(a, _, _)| *a == c);
        if let Some((_, combining, bases)) = accent {
            let next = if chars.get(i + 1) == Some(&' ') {
                i + 2
            } else {
                i + 1
            };
            if let Some(&base) = chars.get(next).filter(|b| bases.contains(**b)) {
                if out.ends_with(' ')
                    && out
                        .trim_end()
                        .chars()
                        .last()
                        .is_some_and(char::is_alphabetic)
                {
                    out.pop();
                }
                out.extend([base, *combining].iter().collect::<String>().nfc());
                i = next + 1;
                continue;
            }
            // An accent on nothing: an acute stands in for an apostrophe ("John´s"),
            // the others are stray marks.
            if c == '\u{B4}' {
                out.push('\'');
            }
            i += 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// "2 0 2 3" → "2023": letter-spaced numbers from some builders. Only runs of two to four
/// single digits are joined, so phone numbers written in pairs or groups are left alone.
fn unspace_digits(line: &str) -> String {
    let tokens: Vec<&str> = line.split(' ').collect();
    let single = |t: &str| t.len() == 1 && t.as_bytes()[0].is_ascii_digit();
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let mut j = i;
        while j < tokens.len() && single(tokens[j]) {
            j += 1;
        }
        // A single digit glued to a word on its right ("2 0 2 1 -May") still ends the run.
        // "November2 0 2 1": the run's first digit may be glued to the word before it.
        let glued_head = j > i
            && out.last().is_some_and(|prev: &String| {
                let mut rev = prev.chars().rev();
                rev.next().is_some_and(|c| c.is_ascii_digit())
                    && rev.next().is_some_and(|c| !c.is_ascii_digit())
            });
        let run = j - i + usize::from(glued_head);
        if (2..=4).contains(&run) {
            let digits: String = tokens[i..j].concat();
            match out.last_mut() {
                Some(prev) if glued_head => prev.push_str(&digits),
                _ => out.push(digits),
            }
            i = j;
        } else {
            // Longer runs are something else (a phone written digit by digit): keep as is.
            let end = j.max(i + 1);
            out.extend(tokens[i..end].iter().map(|t| (*t).to_owned()));
            i = end;
        }
    }
    out.join(" ")
}

/// "E X P E R I E N C E" → "EXPERIENCE"; "W O R K  E X P" → "WORK EXP".
fn unspace_letters(line: &str) -> String {
    let tokens: Vec<&str> = line.split([' ', '\t']).collect();
    let singles = tokens.iter().filter(|t| t.chars().count() == 1).count();
    if tokens.len() < 4 || singles * 10 < tokens.len() * 8 {
        return line.to_owned();
    }
    // Double spaces (or the column gap three make, "J O H N   S M I T H") separate words;
    // single spaces separate letters.
    line.replace('\t', "  ")
        .split("  ")
        .map(|word| word.split(' ').collect::<String>())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// "J UAN P ÉREZ" → "JUAN PÉREZ", "A NNE-S OPHIE" → "ANNE-SOPHIE": small capitals, whose
/// larger first letters the PDF sets apart. Only a line made wholly of such words (a capital,
/// then two capitals or more, again after a hyphen) is joined.
fn join_small_caps(line: &str) -> String {
    let tokens: Vec<&str> = line.split(' ').collect();
    let capital = |t: &str| t.chars().count() == 1 && t.chars().all(char::is_uppercase);
    let rest = |t: &str| {
        t.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && t.chars().all(|c| c.is_uppercase() || "-'’.".contains(c))
    };
    // "NNE-S": the part after the hyphen goes on in the next token.
    let hyphen_then_capital = |t: &str| {
        let mut back = t.chars().rev();
        back.next().is_some_and(char::is_uppercase) && back.next() == Some('-')
    };
    let mut words = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !capital(tokens[i]) {
            return line.to_owned();
        }
        let mut word = tokens[i].to_owned();
        i += 1;
        loop {
            match tokens.get(i) {
                Some(t) if rest(t) => {
                    word.push_str(t);
                    i += 1;
                    if !hyphen_then_capital(t) {
                        break;
                    }
                }
                _ => return line.to_owned(),
            }
        }
        words.push(word);
    }
    if words.len() < 2 {
        return line.to_owned();
    }
    words.join(" ")
}

/// "\u{f0e1} kévin-alazet" → "\tLinkedIn: kévin-alazet": a network's icon before a handle
/// is read as the network's label (other icons become column gaps later).
fn with_network_icons_named(text: &str) -> String {
    if !text.chars().any(|c| ('\u{e000}'..='\u{f8ff}').contains(&c)) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 32);
    for c in text.chars() {
        match NETWORK_ICONS.binary_search_by(|(icon, _)| icon.cmp(&c)) {
            Ok(i) => {
                out.push('\t');
                out.push_str(NETWORK_ICONS[i].1);
                out.push_str(": ");
            }
            Err(_) => out.push(c),
        }
    }
    out
}

/// Lowercase, accents removed: for matching words, never for output.
pub(crate) fn fold(s: &str) -> String {
    // ASCII decomposes to itself: most words, without the decomposition's per-char lookups.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_town_table_is_folded_as_fold_folds() {
        for name in crate::lexicon::towns::all_towns() {
            assert_eq!(fold(name), *name);
        }
    }

    #[test]
    fn a_name_in_small_capitals_was_split_after_its_first_letters() {
        assert_eq!(join_small_caps("J UAN P ÉREZ G ARCÍA"), "JUAN PÉREZ GARCÍA");
        assert_eq!(
            join_small_caps("A NNE-S OPHIE M ARTIN"),
            "ANNE-SOPHIE MARTIN"
        );
        // Not every line of capitals is small capitals.
        assert_eq!(join_small_caps("I AM A UX DESIGNER"), "I AM A UX DESIGNER");
        assert_eq!(join_small_caps("B SC IT"), "B SC IT");
    }

    #[test]
    fn running_footers_and_page_numbers_go() {
        let raw = "Jane Doe\nExperience\nAcme\nFebruary 10, 2026\tJane Doe · Résumé\t1\x0cKasa\nmore\nFebruary 10, 2026\tJane Doe · Résumé\t2\x0cSkills\nRust\n- 3 -";
        let cleaned = clean_text(raw);
        assert!(!cleaned.contains("Résumé"), "{cleaned}");
        assert!(!cleaned.contains("- 3 -"), "{cleaned}");
        assert_eq!(cleaned.lines().count(), 7, "{cleaned}");
        // One page: its lines are its own, even the repeated ones.
        assert!(clean_text("Jane Doe\nJane Doe").contains("Jane Doe"));
        // The name above every page stays on the first.
        let cleaned = clean_text(
            "Jane Doe\nEngineer\nExperience\nAcme\nBeta\nGamma\x0cJane Doe\nKasa\nMore\nEven more",
        );
        assert_eq!(cleaned.matches("Jane Doe").count(), 1, "{cleaned}");
        assert!(cleaned.starts_with("Jane Doe\n"), "{cleaned}");
        // A footer under the sidebar ends the sidebar's text, mid-page.
        let cleaned = clean_text("Jane Doe\nExperience\nAcme\nWork\n\u{1e}\nSkills\nRust\nJane Doe · CV · 1/2\x0cMore work\nEven more\nJane Doe · CV · 2/2");
        assert!(!cleaned.contains("CV ·"), "{cleaned}");
        assert!(cleaned.contains("\u{1e}"), "{cleaned}");
    }

    #[test]
    fn hygiene() {
        assert_eq!(clean_text("ﬁnance\u{200B} team"), "finance team\n");
        assert_eq!(clean_text("\u{F0E0} mailto:jane@x.org"), "jane@x.org\n");
        assert_eq!(clean_text("E X P E R I E N C E"), "EXPERIENCE\n");
        assert_eq!(
            clean_text("tom.silva31@ example.com"),
            "tom.silva31@example.com\n"
        );
        assert_eq!(
            clean_text("January 2 0 2 3 - November2 0 2 1 -May2 0 2 1"),
            "January 2023 - November2021 -May2021\n"
        );
        assert_eq!(
            clean_text("+49 1 2 3 4 5 6 7 and 07 12 34"),
            "+49 1 2 3 4 5 6 7 and 07 12 34\n"
        );
        assert_eq!(clean_text("Rust ........ expert"), "Rust\texpert\n");
        assert_eq!(fold("Expérience Über"), "experience uber");
        // The ASCII shortcut folds as the decomposition does.
        let ascii: String = (0u8..128).map(char::from).collect();
        let decomposed: String = ascii
            .nfkd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .collect();
        assert_eq!(fold(&ascii), decomposed);
        assert_eq!(
            clean_text("Institut f \u{A8}ur Solare"),
            "Institut für Solare\n"
        );
        assert_eq!(
            clean_text("Universit\u{B4}e de Lyon, John\u{B4}s"),
            "Université de Lyon, John's\n"
        );
        assert_eq!(
            clean_text("\u{F095} +1 555 0100 \u{F0E0} jane@x.org"),
            "+1 555 0100\tjane@x.org\n"
        );
    }
}
