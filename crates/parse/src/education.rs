//! Education entries: a school, a degree and its field, dates and a grade, paired by
//! institution and degree words and by what stands beside them.

use super::clean::fold;
use super::dates::find_range;
use super::entries::{
    compact_abbreviations, europass_label, is_bullet, is_degree, last_word, parts_without_dates,
    reads_as_description, strip_bullet, trim_end_period, TRAILING_GRADE,
};
use super::header::location_in;
use super::location::is_bare_town;
use super::vocabulary::{names_a_school, words};
use crate::lexicon::degrees::{DEGREE_NAMES, DEGREE_WORDS, GRADE_WORDS};
use crate::lexicon::europass::{OTHER_ROW_LABELS, QUALIFICATION_LABELS, SCHOOL_LABELS};
use crate::lexicon::function_words::WRAPPING_WORDS;
use crate::lexicon::titles::DATE_LABELS;
use cvdeck_model::resume::Education;

/// An entry being read, with the lines its parts came from.
#[derive(Default)]
struct Draft {
    entry: Education,
    degree_line: Option<usize>,
    date_line: Option<usize>,
    /// Pieces of the degree's line that were neither degree nor school
    /// ("Master 2 Marketing - IAE Paris").
    beside_degree: Vec<String>,
    school_line: Option<usize>,
    /// Pieces of the school's line that were neither ("Northfield High School — Secondary
    /// Education").
    beside_school: Vec<String>,
}

/// Education entries from the lines of an education section.
pub(crate) fn education(lines: &[&str]) -> Vec<Education> {
    let rows = with_europass_rows_read(lines);
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    let rows = with_wrapped_names_joined(&rows);
    let lines: Vec<&str> = rows.iter().map(String::as_str).collect();
    let lines = &lines[..];
    let mut out: Vec<Draft> = Vec::new();
    let mut current = Draft::default();
    let mut used = vec![false; lines.len()];
    // A draft with nothing but dates is dropped, not carried on: its dates are not the next
    // entry's.
    let flush = |current: &mut Draft, out: &mut Vec<Draft>| {
        let draft = std::mem::take(current);
        if draft.entry.institution.is_some() || draft.entry.study_type.is_some() {
            out.push(draft);
        }
    };
    for (i, line) in lines.iter().enumerate() {
        // Long bulleted lines are descriptions, unless they name a school and a year
        // ("PG: PG Diploma (Labour Laws …) from Kare Law College, Margao in 2007").
        let names_school_and_year = names_a_school(line) && find_range(line).is_some();
        // "Bachelor of Engineering in …; GPA: 3.66 (9.15/10.0)  Aug 2008 – July 2012" is long
        // but it is the degree line.
        let opens_with_degree = words(&compact_abbreviations(strip_bullet(line)))
            .first()
            .is_some_and(|w| DEGREE_WORDS.contains(&w.as_str()));
        if is_bullet(line)
            && line.split_whitespace().count() > 14
            && !names_school_and_year
            && !opens_with_degree
        {
            continue;
        }
        // "Other Qualifications/Certifications:" introduces a list; it is no school.
        if line.trim_end().ends_with(':') {
            continue;
        }
        let line = strip_bullet(line);
        if let Some(courses) = COURSES.captures(line) {
            current.entry.courses.extend(
                courses[1]
                    .split([',', ';', '•', '|'])
                    .map(|c| c.trim().trim_end_matches('.').to_owned())
                    .filter(|c| !c.is_empty()),
            );
            continue;
        }
        let (line, grade) = without_grade(line);
        // "Cum. GPA: 3.83 / 4.0": what is left of a grade line is its label.
        let line = if grade.is_some() && words(&line).len() <= 2 {
            ""
        } else {
            line.as_str()
        };
        let range = find_range(line);
        let pieces = parts_without_dates(line, range.as_ref());
        let date_only = range.is_some() && pieces.is_empty();
        let parts = pieces
            .into_iter()
            // "B.Com (Commerce) from Goa University"
            .flat_map(|p| match p.split_once(" from ") {
                Some((a, b)) if names_a_school(b) || ends_with_a_town(b) => {
                    vec![a.to_owned(), b.to_owned()]
                }
                _ => vec![p],
            })
            .flat_map(|p| degree_and_school(&p));
        let mut unclaimed = Vec::new();
        for part in parts {
            let part_words = words(&part);
            let is_grade = part_words.iter().any(|w| GRADE_WORDS.contains(&w.as_str()));
            // "Desert Hills High" is a school; "High School Diploma" a degree.
            let school_name = without_trailing_place(&part);
            let high_school = matches!(
                words(&school_name)
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>()[..],
                [.., "high"] | [.., "high", "school"]
            );
            let part = if high_school { school_name } else { part };
            let institution = (names_a_school(&part) || high_school) && part_words.len() <= 14;
            let degree = is_degree(&part) && part_words.len() <= 16 && !is_grade && !high_school;
            let starts_with_degree = part_words
                .first()
                .is_some_and(|w| DEGREE_WORDS.contains(&w.as_str()));
            if institution && !(degree && starts_with_degree) {
                // A school after a finished entry (degree and dates) starts the next one;
                // but right under a dated degree that has no school yet, and without dates
                // of its own, it is that degree's ("09/2012–07/2014 Master's Degree" /
                // "Università Bocconi").
                let completes = current.entry.institution.is_none()
                    && (current.degree_line == i.checked_sub(1) || current.degree_line == Some(i))
                    && range.is_none();
                let finished = current.entry.study_type.is_some()
                    && current.date_line.is_some_and(|d| d < i)
                    && !completes;
                if current.entry.institution.is_some() || finished {
                    flush(&mut current, &mut out);
                }
                current.entry.institution = Some(part);
                current.school_line = Some(i);
                used[i] = true;
            } else if degree && current.degree_line == Some(i) {
                // "Master of Business Administration - MBA, Marketing": the same degree
                // again, abbreviated, with its field.
                if let Some(area) = area_of(&part) {
                    current.entry.area = Some(area);
                }
            } else if degree {
                if current.entry.study_type.is_some() {
                    flush(&mut current, &mut out);
                }
                current.entry.area = area_of(&part);
                current.entry.study_type = Some(part);
                current.degree_line = Some(i);
                used[i] = true;
            } else if !is_grade {
                unclaimed.push(part);
            }
        }
        if current.degree_line == Some(i) {
            current.beside_degree = unclaimed;
        } else if current.school_line == Some(i) {
            current.beside_school = unclaimed;
        }
        if grade.is_some() && current.entry.score.is_none() {
            current.entry.score = grade;
        }
        if let Some(r) = range {
            // "2004 – 2014" alone on its line under an entry that has its dates: the dates of
            // the next entry, printed above its school ("2004 – 2014" / "Colegio San José").
            let dated = current.entry.start_date.is_some() || current.entry.end_date.is_some();
            // "…, Nagpur Jul’18 –" / "Jun’22": a range broken at its dash goes on here.
            let continues_range = current.date_line.is_some_and(|d| d + 1 == i)
                && lines[i - 1].trim_end().ends_with(['-', '–', '—'])
                && current.entry.start_date.is_none();
            if dated && date_only && continues_range {
                current.entry.start_date = current.entry.end_date.take();
                current.entry.end_date = r.end.clone();
                current.date_line = Some(i);
            } else if dated && date_only {
                flush(&mut current, &mut out);
            }
            if current.entry.start_date.is_none() && current.entry.end_date.is_none() {
                current.entry.start_date = r.start.filter(|s| Some(s) != r.end.as_ref());
                current.entry.end_date = r.end;
                current.date_line = Some(i);
            }
        }
    }
    flush(&mut current, &mut out);
    // A school without a telling word ("HTWG Konstanz") is the plain line beside its degree.
    for draft in &mut out {
        let Some(d) = draft.degree_line else { continue };
        if draft.entry.institution.is_some() {
            continue;
        }
        if let Some(school) = draft.beside_degree.first() {
            draft.entry.institution = Some(without_trailing_place(school));
            continue;
        }
        let beside = [d.checked_sub(1), Some(d + 1)]
            .into_iter()
            .flatten()
            .filter(|&j| {
                j < lines.len()
                    && !used[j]
                    && !is_bullet(lines[j])
                    && !lines[j].trim_end().ends_with(':')
                    && without_grade(lines[j]).1.is_none()
            })
            .find_map(|j| {
                let range = find_range(lines[j]);
                parts_without_dates(lines[j], range.as_ref())
                    .into_iter()
                    .map(|p| without_trailing_place(&p))
                    .find(|p| location_in(p).is_none() || p.split_whitespace().count() <= 3)
                    .map(|p| (j, p))
            });
        if let Some((j, school)) = beside {
            used[j] = true;
            draft.entry.institution = Some(school);
        }
    }
    // A degree without a telling word ("Computer Science", "Estudios secundarios") is the
    // plain short line beside its school: what its own line holds besides the school, else the
    // line before it (entries that print the degree first), else the line after.
    for draft in &mut out {
        let Some(s) = draft.school_line else { continue };
        if draft.entry.study_type.is_some() {
            continue;
        }
        let own = draft
            .beside_school
            .iter()
            .find(|p| names_a_study(p))
            .cloned();
        let beside = || {
            [s.checked_sub(1), Some(s + 1)]
                .into_iter()
                .flatten()
                .filter(|&j| j < lines.len() && !used[j] && !lines[j].trim_end().ends_with(':'))
                .find_map(|j| {
                    let line = strip_bullet(lines[j]);
                    let (line, _) = without_grade(line);
                    let range = find_range(&line);
                    let parts = parts_without_dates(&line, range.as_ref());
                    match &parts[..] {
                        [only] if names_a_study(only) => Some((j, only.clone())),
                        _ => None,
                    }
                })
        };
        let study = match own {
            Some(study) => Some(study),
            None => beside().map(|(j, study)| {
                used[j] = true;
                study
            }),
        };
        if let Some(study) = study {
            draft.entry.area = area_of(&study);
            draft.entry.study_type = Some(trim_end_period(&study).to_owned());
        }
    }
    out.into_iter()
        .map(|mut d| {
            d.entry.institution = d.entry.institution.map(|i| without_at_the(&i).to_owned());
            d.entry
        })
        .collect()
}

/// The old Europass's rows ("• Qualifica conseguita<tab>Laurea in …", "• Date (da – a)<tab>
/// 2007 – 2012"): the school's, the qualification's and the dates' values stand alone on
/// their lines, and the other rows go.
fn with_europass_rows_read(lines: &[&str]) -> Vec<String> {
    lines
        .iter()
        .filter_map(|line| match line.split_once('\t') {
            Some((label, value)) => {
                let folded = europass_label(label);
                let known = |table: &[&str]| table.contains(&folded.as_str());
                if known(SCHOOL_LABELS) || known(QUALIFICATION_LABELS) || known(DATE_LABELS) {
                    Some(value.trim().to_owned())
                } else if known(OTHER_ROW_LABELS) {
                    None
                } else {
                    Some((*line).to_owned())
                }
            }
            None => Some((*line).to_owned()),
        })
        .collect()
}

/// "University of the West of" / "England": a school's or degree's name that a narrow column
/// wrapped after a word no name ends on goes on with the next line.
fn with_wrapped_names_joined(lines: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    for line in lines {
        let wraps = out.last().is_some_and(|last: &String| {
            WRAPPING_WORDS.contains(&last_word(last).as_str())
                && !is_bullet(last)
                && !is_bullet(line)
                && find_range(last).is_none()
                && (names_a_school(last) || is_degree(last))
        });
        match out.last_mut() {
            Some(last) if wraps => {
                last.push(' ');
                last.push_str(line.trim());
            }
            _ => out.push((*line).to_owned()),
        }
    }
    out
}

/// "an der Universität Innsbruck" → "Universität Innsbruck": the words for "at" a school are
/// not its name.
fn without_at_the(school: &str) -> &str {
    for at in [
        "an der ", "an dem ", "am ", "at the ", "à l’", "à l'", "à la ",
    ] {
        if let Some(name) = school.strip_prefix(at) {
            if name.starts_with(|c: char| c.is_uppercase()) {
                return name;
            }
        }
    }
    school
}

/// Whether a plain piece beside a school can be what was studied there: a few words, no
/// sentence, no label, contact, place or school of its own.
fn names_a_study(part: &str) -> bool {
    let part = part.trim();
    let word_count = part.split_whitespace().count();
    (1..=8).contains(&word_count)
        && part.chars().any(char::is_alphabetic)
        && !part.ends_with(':')
        && crate::contacts::emails(part).is_empty()
        && crate::contacts::urls(part).is_empty()
        && !names_a_school(part)
        && location_in(part).is_none()
        && !reads_as_description(part)
}

/// "Master Informatique, Université Lyon 1" → the degree and the school, when one side of a
/// comma is a degree and only the other names a school.
fn degree_and_school(part: &str) -> Vec<String> {
    for (at, _) in part.match_indices(", ") {
        let (a, b) = (part[..at].trim(), part[at + 2..].trim());
        let school_a = names_a_school(a);
        let school_b = names_a_school(b);
        if (is_degree(a) && school_b && !school_a) || (school_a && is_degree(b) && !school_b) {
            return vec![a.to_owned(), b.to_owned()];
        }
        // "Master Marketing, IAE Lyon": a school without a telling word, named with its town.
        if is_degree(a) && !school_a && !is_degree(b) && ends_with_a_town(b) {
            return vec![a.to_owned(), b.to_owned()];
        }
    }
    vec![part.to_owned()]
}

/// "IAE Lyon", "HTWG Konstanz": a short capitalised name whose last word is a town.
fn ends_with_a_town(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        && words.last().is_some_and(|w| is_bare_town(w))
}

/// "Relevant coursework: Algorithms, Databases" and its kin in the five languages.
static COURSES: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)^\W*(?:relevant\s+|key\s+|selected\s+)?(?:course\s*work|courses|modules|kurse|lehrveranstaltungen|schwerpunkte?|cours|mati[eè]res|cursos|asignaturas|disciplinas|materias|unidades curriculares)\s*(?:\([^)]*\))?\s*[:\-–]\s*(.+)$")
        .expect("valid regex")
});

/// A grade ("GPA: 3.7/4.0", "Note 1,3", "Moyenne : 14/20", "85%", "Grade A+") and the line
/// without it.
fn without_grade(line: &str) -> (String, Option<String>) {
    static GRADE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)[,;(]?\s*\b(?:(?:cumulative|cum\.|overall|major|final|average)\s+)?(?:c?gpa|grade|note|nota|m[eé]dia|notendurchschnitt|abschlussnote|moyenne|mention|percentage|score)(?:\s+final)?\b\s*[:\-]?\s*(\d{1,3}(?:[.,]\d{1,2})?(?:\s*/\s*\d{1,3}(?:[.,]\d{1,2})?)?(?:\s*%)?(?:\s*\(\d[\d.,/ ]*\))?|[A-F](?:\+|-|\b))\)?")
            .expect("valid regex")
    });
    if let Some(c) = GRADE.captures(line) {
        let whole = c.get(0).map_or(0..0, |m| m.range());
        let grade = c[1].split_whitespace().collect::<Vec<_>>().join(" ");
        let grade = grade.replace(" / ", "/");
        // A tab keeps the pieces on either side apart, as the grade did.
        let rest = format!("{}\t{}", &line[..whole.start], &line[whole.end..]);
        return (rest, Some(grade));
    }
    // "… with 8.5 CGPA", "3.8 GPA": the number before its name.
    static GRADE_FIRST: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)[,;(]?\s*\b(?:with\s+(?:an?\s+)?)?(\d{1,2}(?:[.,]\d{1,2})?(?:\s*/\s*\d{1,2}(?:[.,]\d{1,2})?)?)\s*c?gpa\b\)?")
            .expect("valid regex")
    });
    if let Some(c) = GRADE_FIRST.captures(line) {
        let whole = c.get(0).map_or(0..0, |m| m.range());
        let grade = c[1].split_whitespace().collect::<String>();
        let rest = format!("{}\t{}", &line[..whole.start], &line[whole.end..]);
        return (rest, Some(grade));
    }
    if let Some(m) = TRAILING_GRADE.find(line) {
        let grade = m.as_str().split_whitespace().collect::<String>();
        return (line[..m.start()].to_owned(), Some(grade));
    }
    (line.to_owned(), None)
}

/// "Brigham Young University Idaho, Rexburg, Idaho" → the school without its town.
fn without_trailing_place(part: &str) -> String {
    match part.split_once(", ") {
        Some((head, tail))
            if head.split_whitespace().count() >= 2
                && tail
                    .split([',', ' '])
                    .filter(|w| !w.is_empty())
                    .all(|w| w.starts_with(|c: char| c.is_uppercase())) =>
        {
            head.to_owned()
        }
        _ => part.to_owned(),
    }
}

fn area_of(degree: &str) -> Option<String> {
    // "Master of Science Informatik", "MBA, Marketing and Strategy", "M.Sc. Mathematics",
    // "Master 2 Marketing digital", "B.Tech (Computer Science)": the field follows the
    // degree's own name.
    let lower = degree.to_lowercase();
    let named = DEGREE_NAMES
        .iter()
        .filter(|n| lower.starts_with(*n))
        .map(|n| n.len())
        .max()
        .or_else(|| {
            let (head, _) = degree.split_once(", ")?;
            is_degree(head).then_some(head.len())
        })
        .or_else(|| {
            let first = degree.split_whitespace().next()?;
            let word = words(first).into_iter().next()?;
            (word != "high" && DEGREE_WORDS.contains(&word.as_str())).then_some(first.len())
        });
    if let Some(end) = named.filter(|&end| degree.is_char_boundary(end)) {
        // "Dr. rer. nat. in Statistics", "Mestrado Integrado em Engenharia": after the joining
        // word; "Master 2 Marketing", "BSc (Hons) Nursing": past abbreviations in lower
        // case, a level number and a parenthesised class.
        let rest = &degree[end..];
        let after_joining = [" in ", " em ", " en ", " im ", " of "]
            .iter()
            .filter_map(|j| rest.find(j).map(|at| &rest[at + j.len()..]))
            .next();
        let field = after_joining
            .unwrap_or(rest)
            .split_whitespace()
            .skip_while(|w| {
                w.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit() || c == ',')
                    || (w.starts_with('(') && w.ends_with(')'))
            })
            .collect::<Vec<_>>()
            .join(" ");
        let field = field
            .strip_prefix('(')
            .and_then(|f| f.strip_suffix(')'))
            .unwrap_or(&field)
            .trim();
        let names_another_degree = field
            .split_whitespace()
            .next()
            .is_some_and(|w| is_degree(w) || fold(w) == "school");
        if !field.is_empty() && !names_another_degree {
            return Some(field.to_owned());
        }
    }
    for sep in [" in ", " of ", " en ", " em ", " de ", " im "] {
        if let Some((_, area)) = degree.split_once(sep) {
            return Some(area.trim().to_owned()).filter(|a| !a.is_empty());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_grade_before_its_name_was_part_of_the_school() {
        let (rest, grade) = without_grade("B.Tech from IIT Delhi with 8.5 CGPA (2016-2020)");
        assert_eq!(grade.as_deref(), Some("8.5"));
        assert!(!rest.contains("CGPA"), "{rest}");
        assert_eq!(
            without_grade("BSc Physics, 3.8/4.0 GPA").1.as_deref(),
            Some("3.8/4.0")
        );
    }
    use crate::entries::work;

    #[test]
    fn a_school_beside_its_degree_and_fields_after_abbreviated_degrees() {
        let schools = education(&[
            "2014 - 2016 : Master 2 Marketing digital - IAE Paris",
            "Ludwig-Maximilians-Universität München — Dr. rer. nat. in Statistics (2012 – 2015)",
            "Technische Universität München — M.Sc. Mathematics (2010 – 2012)",
            "B.Tech (Computer Science and Engineering) from Amity University, Noida in 2009 with 72%",
        ]);
        let got: Vec<_> = schools
            .iter()
            .map(|e| {
                (
                    e.institution.as_deref(),
                    e.area.as_deref(),
                    e.score.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (Some("IAE Paris"), Some("Marketing digital"), None),
                (
                    Some("Ludwig-Maximilians-Universität München"),
                    Some("Statistics"),
                    None
                ),
                (
                    Some("Technische Universität München"),
                    Some("Mathematics"),
                    None
                ),
                (
                    Some("Amity University, Noida"),
                    Some("Computer Science and Engineering"),
                    Some("72%")
                ),
            ]
        );
    }
    #[test]
    fn roles_under_an_employer_line_and_a_wrapped_bullet_with_a_year() {
        let roles = |lines: &[&str]| -> Vec<(Option<String>, Option<String>, Option<String>)> {
            work(lines)
                .into_iter()
                .map(|w| (w.name, w.position, w.start_date))
                .collect()
        };
        let s = |x: &str| Some(x.to_owned());
        assert_eq!(
            roles(&[
                "Davanni’s, Coon Rapids, MN. 09/2017 – Current.",
                "Kitchen employee from 2017 – 2019",
                "Delivery driver from 2019 – current.",
                "Duties involve ensuring orders are correct and having friendly customer interactions.",
            ]),
            vec![
                (s("Davanni’s"), s("Kitchen employee"), s("2017")),
                (s("Davanni’s"), s("Delivery driver"), s("2019")),
            ]
        );
        assert_eq!(
            roles(&[
                "President & CEO",
                "Yahoo!\tJuly 2012 – Ongoing",
                "• Built Yahoo’s mobile businesses from nothing in 2011",
                "to $1.6 billion in GAAP revenue in 2015",
            ]),
            vec![(s("Yahoo!"), s("President & CEO"), s("2012-07"))]
        );
        assert_eq!(
            education(&["PKP Matric Higher Secondary School", "CLASS X", "2017"])[0]
                .study_type
                .as_deref(),
            Some("CLASS X")
        );
    }
    #[test]
    fn grades_courses_and_a_degree_beside_its_school_were_lost() {
        let schools = education(&[
            "10/2012 – 02/2015\tMaster of Science Informatik, Universität zu Köln",
            "Note: 1,3",
            "University of Illinois at Urbana-Champaign",
            "B.S. in Industrial Engineering, 2012, GPA: 3.7/4.0",
            "Relevant Coursework: Algorithms, Operations Research; Statistics",
            "Northwestern University",
            "MBA, Marketing and Strategy, 2016",
            "Cum. GPA: 3.83 / 4.0",
        ]);
        let got: Vec<_> = schools
            .iter()
            .map(|e| {
                (
                    e.institution.as_deref(),
                    e.study_type.as_deref(),
                    e.area.as_deref(),
                    e.score.as_deref(),
                    e.courses.join("; "),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    Some("Universität zu Köln"),
                    Some("Master of Science Informatik"),
                    Some("Informatik"),
                    Some("1,3"),
                    String::new()
                ),
                (
                    Some("University of Illinois at Urbana-Champaign"),
                    Some("B.S. in Industrial Engineering"),
                    Some("Industrial Engineering"),
                    Some("3.7/4.0"),
                    "Algorithms; Operations Research; Statistics".to_owned()
                ),
                (
                    Some("Northwestern University"),
                    Some("MBA, Marketing and Strategy"),
                    Some("Marketing and Strategy"),
                    Some("3.83/4.0"),
                    String::new()
                ),
            ]
        );
        assert_eq!(schools[0].start_date.as_deref(), Some("2012-10"));
    }
    #[test]
    fn education_pairs_school_and_degree() {
        let lines = [
            "Technische Universität München\t2014 – 2018",
            "B.Sc. in Informatik",
            "Stanford University",
            "Master of Science in Computer Science",
        ];
        let schools = education(&lines);
        assert_eq!(schools.len(), 2);
        assert_eq!(
            schools[0].institution.as_deref(),
            Some("Technische Universität München")
        );
        assert_eq!(
            schools[0].study_type.as_deref(),
            Some("B.Sc. in Informatik")
        );
        assert_eq!(schools[0].area.as_deref(), Some("Informatik"));
        assert_eq!(
            schools[1].institution.as_deref(),
            Some("Stanford University")
        );
    }
    #[test]
    fn dates_above_a_school_were_kept_by_the_entry_before() {
        let lines = [
            "Universidad del Valle",
            "Ingeniería de sistemas",
            "2015 – 2020",
            "2004 - 2014",
            "Colegio Santa Rosa",
            "Bachillerato",
        ];
        let dates: Vec<_> = education(&lines)
            .into_iter()
            .map(|e| (e.institution.unwrap_or_default(), e.start_date, e.end_date))
            .collect();
        let entry = |school: &str, a: &str, b: &str| {
            (school.to_owned(), Some(a.to_owned()), Some(b.to_owned()))
        };
        assert_eq!(
            dates,
            [
                entry("Universidad del Valle", "2015", "2020"),
                entry("Colegio Santa Rosa", "2004", "2014"),
            ]
        );
    }
    #[test]
    fn a_range_broken_at_its_dash_goes_on_on_the_next_line() {
        let lines = [
            "Northfield Institute of Technology, Leeds Sep’18 –",
            "Jun’22",
            "BEng in Civil Engineering",
        ];
        let school = &education(&lines)[0];
        assert_eq!(
            (school.start_date.as_deref(), school.end_date.as_deref()),
            (Some("2018-09"), Some("2022-06"))
        );
        assert_eq!(
            school.study_type.as_deref(),
            Some("BEng in Civil Engineering")
        );
    }
    #[test]
    fn a_degree_without_a_degree_word_is_the_plain_line_beside_its_school() {
        let studies = |lines: &[&str]| -> Vec<(Option<String>, Option<String>)> {
            education(lines)
                .into_iter()
                .map(|e| (e.institution, e.study_type))
                .collect()
        };
        let some = |school: &str, study: &str| (Some(school.to_owned()), Some(study.to_owned()));
        // The degree first, with its dates and grade, then the school.
        assert_eq!(
            studies(&[
                "Software Engineering 2019-PRESENT (CGPA 3.4)",
                "Riverside University of Technology",
                "Pre-Engineering 2017-2019 (GRADE A)",
                "Hillcrest College Lahore",
            ]),
            [
                some("Riverside University of Technology", "Software Engineering"),
                some("Hillcrest College Lahore", "Pre-Engineering"),
            ]
        );
        // Dates, the school, then what was studied there, bulleted or as a sentence's end.
        assert_eq!(
            studies(&[
                "2008 - 2014",
                "COLEGIO SANTA ROSA",
                "• ESTUDIOS SECUNDARIOS.",
                "Universidad del Valle.",
                "Ingeniería de sistemas.",
                "Enero del 2015 – Diciembre del 2020.",
            ]),
            [
                some("COLEGIO SANTA ROSA", "ESTUDIOS SECUNDARIOS"),
                some("Universidad del Valle", "Ingeniería de sistemas"),
            ]
        );
        // On the school's own line.
        assert_eq!(
            studies(&["NORTHFIELD HIGH SCHOOL, 2016 — Secondary Education"]),
            [some("NORTHFIELD HIGH SCHOOL", "Secondary Education")]
        );
        // Not a sentence, a contact or a label.
        for beside in [
            "Graduated third of a class of 240 students with a thesis on bridges",
            "GitHub: github.com/jane-doe",
            "Activities:",
        ] {
            assert_eq!(
                studies(&["Northfield Community College", beside]),
                [(Some("Northfield Community College".to_owned()), None)]
            );
        }
    }
    #[test]
    fn an_unread_dated_block_gave_its_dates_to_the_next_entry() {
        let lines = [
            "10/2019 - 07/2022",
            "Bachelor of Science Informatik",
            "Hochschule Nordhafen",
            "01/2017 - 06/2019",
            "Sprachkurs C1 und Telc-Zertifikat",
            "Sprachzentrum Mitte",
            "09/2006 - 06/2014",
            "Abitur",
            "Goethe-Gymnasium Nordhafen",
        ];
        let schools = education(&lines);
        let read: Vec<_> = schools
            .iter()
            .map(|e| {
                let dates = (e.start_date.as_deref(), e.end_date.as_deref());
                (e.study_type.as_deref(), dates)
            })
            .collect();
        assert_eq!(
            read,
            [
                (
                    Some("Bachelor of Science Informatik"),
                    (Some("2019-10"), Some("2022-07"))
                ),
                (Some("Abitur"), (Some("2006-09"), Some("2014-06"))),
            ]
        );
    }

    #[test]
    fn a_school_without_a_school_word_is_the_line_beside_its_degree() {
        let lines = ["HTWG Konstanz", "M. Eng. Elektrische Systeme\t2014 – 2016"];
        let schools = education(&lines);
        assert_eq!(schools.len(), 1);
        assert_eq!(schools[0].institution.as_deref(), Some("HTWG Konstanz"));
        assert_eq!(
            schools[0].study_type.as_deref(),
            Some("M. Eng. Elektrische Systeme")
        );
    }
    #[test]
    fn a_misspelt_school_with_its_town_and_a_high_school_named_high() {
        let lines = [
            "Brigham Young Univeristy Idaho, Rexburg, Idaho —",
            "Business Analytics(BS) (In Progress)",
            "November 2021 - May 2024",
            "Desert Hills High, Saint George, Utah —High School Diploma",
            "August 2012 - May 2016",
        ];
        let schools = education(&lines);
        let got: Vec<(Option<&str>, Option<&str>)> = schools
            .iter()
            .map(|s| (s.institution.as_deref(), s.study_type.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    Some("Brigham Young Univeristy Idaho"),
                    Some("Business Analytics(BS) (In Progress)")
                ),
                (Some("Desert Hills High"), Some("High School Diploma")),
            ]
        );
    }
    #[test]
    fn a_long_degree_line_with_its_grade_was_taken_for_a_description() {
        let lines = [
            "• Birla Institute of Technology and Science\tPilani, India",
            "Bachelor of Engineering in Electrical and Electronics; GPA: 3.66 (9.15/10.0)\tAug 2008 – July 2012",
        ];
        let schools = education(&lines);
        assert_eq!(
            schools[0].study_type.as_deref(),
            Some("Bachelor of Engineering in Electrical and Electronics")
        );
        assert_eq!(schools[0].end_date.as_deref(), Some("2012-07"));
    }
    #[test]
    fn a_french_engineering_diploma_is_a_degree() {
        let schools = education(&["Université de Bordeaux", "Diplôme d'ingénieur | 2018"]);
        assert_eq!(
            schools[0].study_type.as_deref(),
            Some("Diplôme d'ingénieur")
        );
        assert_eq!(
            schools[0].institution.as_deref(),
            Some("Université de Bordeaux")
        );
    }
    #[test]
    fn degree_lines_lose_grades_labels_and_cut_parentheses() {
        let schools = education(&[
            "POSTECH(Pohang University of Science and Technology)\tMar. 2010 - Aug. 2017",
            "B.S. in Computer Science and Engineering; GPA: 3.66 (9.15/10.0)",
            "UG: B.Com (Commerce) from Goa University in 2001",
            "Major GPA: 3.9 / 4.0",
        ]);
        let got: Vec<(Option<String>, Option<String>)> = schools
            .into_iter()
            .map(|e| (e.institution, e.study_type))
            .collect();
        let some = |s: &str| Some(s.to_owned());
        assert_eq!(
            got,
            vec![
                (
                    some("POSTECH(Pohang University of Science and Technology)"),
                    some("B.S. in Computer Science and Engineering")
                ),
                (some("Goa University"), some("B.Com (Commerce)")),
            ]
        );
    }
    #[test]
    fn the_words_for_at_a_school_are_not_its_name() {
        assert_eq!(
            without_at_the("an der Universität Graz"),
            "Universität Graz"
        );
        assert_eq!(without_at_the("am Campus Wien"), "Campus Wien");
        assert_eq!(without_at_the("American University"), "American University");
    }
}
