//! Work entries: anchored on date ranges, with title, employer and place told apart by
//! title, occupation and company words. Also the line helpers education and extras share.

use super::clean::fold;
use super::dates::{find_range, DateRange};
use super::header::{location_in, segments};
use super::location::{is_bare_town, split_place};
use super::vocabulary::{has_any, is_title, names_a_company, names_a_school, words};
use crate::lexicon::degrees::DEGREE_WORDS;
use crate::lexicon::degrees::PROGRAMMES;
use crate::lexicon::employment::EMPLOYMENT_KINDS;
use crate::lexicon::employment::ON_ONES_OWN;
use crate::lexicon::employment::WORK_MODES;
use crate::lexicon::employment::{AT_EMPLOYER, AT_NAMED_EMPLOYER};
use crate::lexicon::europass::{DESCRIPTION_LABELS, OTHER_ROW_LABELS};
use crate::lexicon::function_words::DANGLING;
use crate::lexicon::function_words::JOINING_WORDS;
use crate::lexicon::function_words::WRAPPING_WORDS;
use crate::lexicon::marks::BULLETS;
use crate::lexicon::organisations::{COMPANY_LABELS, COMPANY_WORDS};
use crate::lexicon::places::PLACE_LABELS;
use crate::lexicon::titles::{DATE_LABELS, TITLE_LABELS, TITLE_WORDS};
use cvdeck_model::resume::Work;

/// A title word other than the names of programmes ("Virtual Internship" is where one works,
/// "Intern" is what one is).
fn names_a_role(s: &str) -> bool {
    words(s)
        .iter()
        .any(|w| TITLE_WORDS.contains(&w.as_str()) && !PROGRAMMES.contains(&w.as_str()))
        || (is_title(s) && !words(s).iter().any(|w| PROGRAMMES.contains(&w.as_str())))
}

/// "M. Eng." → "M.Eng.", so spaced abbreviations match the vocabulary.
pub(crate) fn compact_abbreviations(s: &str) -> String {
    static SPACED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\b(\p{L})\.\s+(\p{L}{1,4})\.").expect("valid regex")
    });
    SPACED.replace_all(s, "$1.$2.").into_owned()
}

pub(crate) fn is_degree(s: &str) -> bool {
    // "Class X", "Class 12", "10th": Indian school-leaving years.
    static SCHOOL_YEAR: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)\b(?:class|std\.?|standard)\s+(?:x|xii|10|12)(?:th)?\b|\b(?:10|12)th\b",
        )
        .expect("valid regex")
    });
    has_any(&compact_abbreviations(s), DEGREE_WORDS) || SCHOOL_YEAR.is_match(s)
}

pub(crate) fn is_bullet(line: &str) -> bool {
    let words = line.split_whitespace().count();
    if words > 14 {
        return true;
    }
    // Some templates bullet the entry headers too ("• Google<tab>Mountain View, CA"): a short
    // bulleted line with a tab stop is a header, not a highlight.
    line.starts_with(BULLETS) && !(line.contains('\t') && words <= 10)
}

/// A line of an entry's description: a bullet, a sentence, or the wrapped tail of one.
pub(crate) fn is_body(line: &str) -> bool {
    is_bullet(line)
        || line.starts_with(|c: char| c.is_lowercase())
        || word_count(line) > 10
        || is_sentence(line)
}

/// The words of `line`: dashes and ampersands between words are none ("Manager - HR & Admin").
fn word_count(line: &str) -> usize {
    line.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// "Led the checkout team.": four words or more and a full stop, unless the full stop is an
/// abbreviation's ("Acme Holdings Pty Ltd.").
fn is_sentence(line: &str) -> bool {
    line.ends_with('.') && trim_end_period(line).len() < line.len() && word_count(line) >= 4
}

/// The marks a sentence ends on: a highlight ending on one does not go on in the next line.
const SENTENCE_ENDS: [char; 5] = ['.', '!', '?', ':', ';'];

/// "Redesigned the host onboarding flow, lifting completion by 18%": an unbulleted line of
/// description — longer than a title or an employer's name and mostly in lower case
/// ("Técnico superior de apoio à gestão" is a title).
pub(crate) fn reads_as_description(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let lower = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
        .filter(|w| !JOINING_WORDS.contains(&fold(w).as_str()))
        .count();
    words.len() >= 7 && lower >= 4
}

fn without_dangling(part: &str) -> String {
    // "Nordic Retail AB": a word in capitals among words that are not is a legal form, not
    // German "ab" (in a line all in capitals, "… PLATFORM WITH" still dangles).
    let mixed_case = part.chars().any(char::is_lowercase);
    let dangling = |w: &&str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let in_capitals = mixed_case && w.len() >= 2 && w.chars().all(char::is_uppercase);
        w.is_empty() || !in_capitals && DANGLING.iter().any(|d| d.eq_ignore_ascii_case(w))
    };
    let words: Vec<&str> = part.split_whitespace().collect();
    let start = words
        .iter()
        .position(|w| !dangling(w))
        .unwrap_or(words.len());
    let end = words
        .iter()
        .rposition(|w| !dangling(w))
        .map_or(start, |i| i + 1);
    words[start..end].join(" ")
}

/// A full stop ends a sentence, except the one of "Inc." and its kin.
pub(crate) fn trim_end_period(s: &str) -> &str {
    let last = s.rsplit(' ').next().unwrap_or(s).to_lowercase();
    if s.ends_with('.') && COMPANY_WORDS.contains(&last.as_str()) {
        s
    } else {
        s.trim_end_matches(['.', ' '])
    }
}

/// "Saint John's University. Computer Science Major." → its sentences, but never splitting
/// an abbreviation ("M. Eng. Elektrotechnik" stays whole).
fn sentences(part: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for piece in part.split(". ") {
        let piece = trim_end_period(piece.trim());
        let splits_here = |left: &str| {
            left.split_whitespace().count() >= 2
                && left
                    .split_whitespace()
                    .last()
                    .is_some_and(|w| w.chars().count() > 4)
                && piece.split_whitespace().count() >= 2
        };
        match out.last_mut() {
            Some(last) if !splits_here(last) => {
                last.push_str(". ");
                last.push_str(piece);
            }
            _ => out.push(piece.to_owned()),
        }
    }
    out
}

/// A "Position: …" or "Company: …" label, in five languages.
fn labelled_role(part: &str) -> Option<(bool, String)> {
    let (label, value) = part.split_once(':')?;
    let label = fold(label.trim());
    let value = value.trim().trim_end_matches('.').to_owned();
    if TITLE_LABELS.contains(&label.as_str()) {
        Some((true, value))
    } else if COMPANY_LABELS.contains(&label.as_str()) {
        Some((false, without_street(&value)))
    } else {
        None
    }
}

/// "Studio Legale Bianchi, Corso Francia 10, Torino" (Europass's "name and address of
/// employer") → "Studio Legale Bianchi, Torino": the street between the name and the town goes.
fn without_street(employer: &str) -> String {
    let pieces: Vec<&str> = employer.split(", ").collect();
    let street = |p: &&str| p.chars().any(|c| c.is_ascii_digit());
    match pieces.as_slice() {
        [name, middle @ .., town] if !middle.is_empty() && middle.iter().all(street) => {
            format!(
                "{name}, {}",
                town.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ')
            )
        }
        _ => employer.to_owned(),
    }
}

pub(crate) fn strip_bullet(line: &str) -> &str {
    line.trim_start_matches(|c: char| c == ' ' || BULLETS.contains(&c))
}

/// The units of a job's duration, in the languages resumes come in.
const DURATION_UNITS: &str = r"(?:years?|yrs?|months?|mos?|jahre?n?|monate?n?|ans?|mois|años?|anos?|meses|mes|anni|mesi|jaar|maanden|maand)";

/// How long a job lasted, printed after its dates: "(3 years 11 months)", "· 2 yrs 5 mos",
/// "(6 mois)", "(1 Jahr)", "(2 años)".
static DURATION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    let unit = DURATION_UNITS;
    regex::Regex::new(&format!(
        r"(?i)[(·]\s*(?:less than\s+)?\d+\+?\s*{unit}\b(?:\s*,?\s*(?:and\s+)?\d+\s*{unit}\b)?\s*\)?"
    ))
    .expect("valid regex")
});

/// A duration on a line of its own: "5 years 2 months", "(2 yrs 3 mos)", "1 an 6 mois".
static DURATION_LINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    let unit = DURATION_UNITS;
    regex::Regex::new(&format!(
        r"(?i)^\(?\s*(?:less than a year|\d+\s+{unit}(?:,?\s+(?:and\s+|et\s+|y\s+|e\s+|und\s+)?\d+\s+{unit})?)\s*\)?$"
    ))
    .expect("valid regex")
});

/// A line with its date range cut out and the pieces that remain.
pub(crate) fn parts_without_dates(line: &str, range: Option<&DateRange>) -> Vec<String> {
    let text = match range {
        Some(r) => format!("{} {}", &line[..r.span.0], &line[r.span.1..]),
        None => line.to_owned(),
    };
    let text = DURATION.replace_all(&text, " ");
    let text = strip_bullet(&text);
    segments(text)
        .flat_map(|s| {
            split_at_employer(s)
                .into_iter()
                .flat_map(|x| x.split(" @ "))
                .flat_map(|x| x.split('—'))
                .flat_map(|x| x.split("; "))
                .flat_map(sentences)
                .collect::<Vec<_>>()
        })
        .map(|s| {
            let s = strip_short_label(&s);
            let s = TRAILING_GRADE.replace(s, "");
            balance_parentheses(&without_dangling(trim_end_period(
                s.trim_matches([',', ' ', '-', '–', '|', ':', ';']),
            )))
        })
        .filter(|s| s.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        // "Periodo: 2019 - 2023": the label of the dates cut out is no piece of the header.
        .filter(|s| !DATE_LABELS.contains(&fold(s).as_str()))
        .collect()
}

/// "Engineer at Google", "Développeur chez Capgemini", "Entwickler bei SAP" → the title and
/// the employer; but "University of Texas at Austin" is one name, so no cut is made after a
/// school's name.
fn split_at_employer(s: &str) -> Vec<&str> {
    static AT: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r" (?:at|chez|bei) ").expect("valid regex"));
    let mut out = Vec::new();
    let mut start = 0;
    for at in AT.find_iter(s) {
        if at.start() > start && !names_a_school(&s[start..at.start()]) {
            out.push(&s[start..at.start()]);
            start = at.end();
        }
    }
    out.push(&s[start..]);
    out
}

pub(crate) static TRAILING_GRADE: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\s+\d{1,3}(?:[.,]\d+)?\s*%$").expect("valid regex")
    });

/// "UG: B.Com" → "B.Com": a short tag before a colon is a label, not content.
fn strip_short_label(s: &str) -> &str {
    match s.split_once(':') {
        Some((label, rest)) if label.trim().len() <= 3 && !rest.trim().is_empty() => rest.trim(),
        _ => s,
    }
}

/// Drops a parenthesis left open or closed by a cut ("(KarrotPay" → "KarrotPay"), keeping
/// balanced ones ("POSTECH (Pohang University)").
fn balance_parentheses(s: &str) -> String {
    let opens = s.matches('(').count();
    let closes = s.matches(')').count();
    let mut out = s.to_owned();
    if opens > closes && out.ends_with(|c: char| c != ')') {
        out.push(')');
    }
    if closes > opens {
        out = out.trim_start_matches('(').trim_end_matches(')').to_owned();
    }
    out.trim().to_owned()
}

/// The last word of `line`, folded: what a wrapped line ends on ("… moved it to").
pub(crate) fn last_word(line: &str) -> String {
    line.trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .map(fold)
        .unwrap_or_default()
}

/// The wrapped tail of the line before, not the next entry's header: "Industries), #16"
/// under "• Delivered … (Vandelay"; "Stylus and Require" under "… Backbone, Jade,";
/// "(GAN) pour améliorer …" under "• Exploitation de … génératifs".
fn continues_previous(line: &str, before: &str) -> bool {
    let open = |s: &str| s.matches('(').count() as i64 - s.matches(')').count() as i64;
    let before = before.trim_end();
    let last_word = last_word(before);
    (open(before) > 0 && open(line) < 0)
        || (line.trim_start().starts_with('(') && is_bullet(before))
        || before.ends_with([',', ';', '-', '–', '/', '&'])
        || (is_bullet(before) && WRAPPING_WORDS.contains(&last_word.as_str()))
}

/// Europass prints a job as rows of a label and its value ("Dates<tab>2019 - 2022",
/// "Occupation or position held<tab>Accountant", "Name and address of employer<tab>…"): the
/// title and employer rows become "label: value", which [`labelled_role`] reads, and the
/// dates row loses its label.
fn with_europass_labels_read(lines: &[&str]) -> Vec<String> {
    lines
        .iter()
        .filter_map(|line| match line.split_once('\t') {
            Some((label, value)) => {
                let folded = europass_label(label);
                let value = value.trim();
                if DATE_LABELS.contains(&folded.as_str()) {
                    Some(value.to_owned())
                } else if TITLE_LABELS.contains(&folded.as_str())
                    || COMPANY_LABELS.contains(&folded.as_str())
                {
                    Some(format!("{}: {value}", strip_bullet(label.trim())))
                } else if DESCRIPTION_LABELS.contains(&folded.as_str()) {
                    // Bulleted, so that it reads as the job's highlight.
                    Some(format!("• {value}"))
                } else if OTHER_ROW_LABELS.contains(&folded.as_str()) {
                    None
                } else {
                    Some((*line).to_owned())
                }
            }
            None => Some((*line).to_owned()),
        })
        .collect()
}

/// A Europass row's label as the tables hold it: folded, without the bullet the Italian form
/// prints before it nor the "(da – a)" after the dates' ("• Date (da – a)" → "date").
pub(crate) fn europass_label(label: &str) -> String {
    let label = strip_bullet(label.trim());
    let label = match label.rsplit_once(" (") {
        Some((head, tail)) if tail.ends_with(')') && tail.len() <= 12 => head,
        _ => label,
    };
    fold(label.trim())
}

/// Most bullet points kept per job: beyond this a "job" is a misread section.
const MAX_HIGHLIGHTS: usize = 40;

/// Work entries from the lines of a work section.
pub(crate) fn work(lines: &[&str]) -> Vec<Work> {
    let rows = with_europass_labels_read(lines);
    let lines: Vec<&str> = rows.iter().map(String::as_str).collect();
    let lines = &lines[..];
    let anchors: Vec<(usize, DateRange)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !is_bullet(l) || l.split_whitespace().count() <= 14)
        .filter_map(|(i, l)| find_range(l).map(|r| (i, r)))
        // "• 2020 - Atual": a timeline's dot before the dates alone is no highlight's bullet.
        .filter(|(i, r)| {
            !is_bullet(lines[*i]) || parts_without_dates(lines[*i], Some(r)).is_empty()
        })
        // "to $1.6 billion in GAAP revenue in 2015": a wrapped line of the bullet above,
        // not an entry ("seit 04/2021" opens with its dates and is one).
        .filter(|(i, r)| !(lines[*i].starts_with(|c: char| c.is_lowercase()) && r.span.0 > 0))
        .collect();
    if anchors.is_empty() {
        return undated_work(lines);
    }
    // Does the entry's header stand above its dates, or on and below them?
    let header_above = anchors[0].0 > 0 && (0..anchors[0].0).any(|j| !is_body(lines[j]));
    // The header lines above each anchor, top first (none when headers are on the dates).
    let above: Vec<HeaderAbove> = anchors
        .iter()
        .enumerate()
        .map(|(k, (i, _))| {
            let lower_bound = if k == 0 { 0 } else { anchors[k - 1].0 + 1 };
            if header_above {
                header_lines_above(lines, *i, lower_bound)
            } else {
                HeaderAbove::default()
            }
        })
        .collect();
    let mut out: Vec<Work> = Vec::new();
    let mut orders: Vec<RoleOrder> = Vec::new();
    // The widest line of the section: about the width of its column.
    let widest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    for (k, (i, range)) in anchors.iter().enumerate() {
        let mut parts = Vec::new();
        let mut header = above[k].lines.iter();
        if above[k].wrapped_title {
            if let (Some(&first), Some(&second)) = (header.next(), header.next()) {
                let joined = format!("{} {}", lines[first].trim_end(), lines[second].trim_start());
                parts.extend(parts_without_dates(&joined, None));
            }
        }
        for &j in header {
            parts.extend(parts_without_dates(lines[j], None));
        }
        let on_date_line = parts_without_dates(lines[*i], Some(range));
        parts.extend(on_date_line.iter().cloned());
        let upper = anchors.get(k + 1).map(|a| a.0).unwrap_or(lines.len());
        let mut j = i + 1;
        let mut body: Vec<String> = Vec::new();
        let mut header_lines_after = 0;
        // "Ingegnere progettista presso Officine Lombarde S.p.A." names both title and
        // employer; counted again only when a header line is added.
        // A town is neither ("Banca Emiliana S.p.A. | Bologna" / "Data Analyst": the title is
        // still to come).
        let header_pieces = |parts: &[String]| -> usize {
            parts
                .iter()
                .filter(|p| !is_bare_town(p))
                .map(|p| split_title_company(p).map_or(p.split(", ").count(), |_| 2))
                .sum()
        };
        let mut pieces = header_pieces(&parts);
        let mut labelled_place: Option<String> = None;
        let mut previous_bullet_width: Option<usize> = None;
        while j < upper {
            let line = lines[j];
            // Europass: "Città: Milano | Paese: Italia" under the employer.
            if let Some(place) = place_from_labels(line) {
                labelled_place.get_or_insert(place);
                j += 1;
                continue;
            }
            // Its header lines, and a short line just above its dates that the walk up
            // stopped short of ("Desarrollador junior - Startup" / "de comercio" / "(2023)").
            let next_is_header_of_next = above.get(k + 1).is_some_and(|a| a.lines.contains(&j))
                || header_above
                    && anchors
                        .get(k + 1)
                        .is_some_and(|a| j + 2 >= a.0 && !is_body(line));
            // "January 2021 - Present" / "Bengaluru, Karnataka, India": the place under the
            // dates (LinkedIn's export).
            let place_under_dates = header_above
                && j == i + 1
                && line.split_whitespace().count() <= 6
                && location_in(line).is_some();
            // Title, employer and place already read ("Senior Developer, Otto Group,
            // Hamburg"): the next line describes the job, whatever its case.
            // "2020-01 – 2022-03  Data Analyst, Quill Ltd" / "Built the dashboards.": with
            // both on the line of the dates, a sentence under it is the description.
            let sentence_under_a_dated_header =
                header_lines_after == 0 && pieces >= 2 && is_sentence(line.trim_end());
            let header_complete =
                sentence_under_a_dated_header || header_lines_after > 0 && pieces >= 2;
            // "Tipo di impiego: Praticante avvocato": a labelled row names the role or the
            // employer, however long its label.
            let labelled_row = !header_above && body.is_empty() && labelled_role(line).is_some();
            if place_under_dates
                || labelled_row
                || !is_bullet(line)
                    && !reads_as_description(line)
                    && !header_complete
                    && !header_above
                    && header_lines_after < 2
                    && body.is_empty()
            {
                parts.extend(parts_without_dates(line, None));
                pieces = header_pieces(&parts);
                header_lines_after += 1;
            } else if !next_is_header_of_next {
                let text = strip_bullet(line);
                // "• Aufgabe … mit vielen" / "Beteiligten.": a bullet as wide as the column
                // that ends no sentence goes on in the unbulleted line under it, whatever its
                // case (German nouns start in capitals).
                let after_full_bullet =
                    previous_bullet_width.is_some_and(|w| w * 10 >= widest * 7 && w >= 40);
                match body.last_mut() {
                    Some(last)
                        if !line.starts_with(BULLETS)
                            && (wraps_into(last, text)
                                || after_full_bullet
                                    && !last.trim_end().ends_with(SENTENCE_ENDS)) =>
                    {
                        last.push(' ');
                        last.push_str(text.trim_start());
                    }
                    _ => body.push(text.to_owned()),
                }
                previous_bullet_width = line.starts_with(BULLETS).then(|| line.chars().count());
            }
            j += 1;
        }
        let (position, mut name, mut location, order) = assign_roles(parts, &on_date_line);
        orders.push(order);
        location = location.or(labelled_place);
        // "Google, Munich" / "Senior Data Scientist 2020 – now" / bullets / "Data Scientist
        // 2017 – 2019": a role with no employer of its own, under entries that have one, in
        // no other place, is an earlier role at the same employer (LinkedIn's export too).
        if let Some(previous) = out.last() {
            let continues = header_above
                && name.is_none()
                && (location.is_none() || location == previous.location)
                && position
                    .as_deref()
                    .is_some_and(|p| is_title(p) && !has_any(p, ON_ONES_OWN));
            if continues {
                name.clone_from(&previous.name);
                location.clone_from(&previous.location);
            }
        }
        out.push(Work {
            name,
            position,
            location,
            start_date: range.start.clone(),
            end_date: range.end.clone(),
            summary: None,
            highlights: body
                .into_iter()
                .filter(|b| b.len() > 3)
                .take(MAX_HIGHLIGHTS)
                .collect(),
        });
    }
    in_the_sections_order(&mut out, &orders);
    roles_under_their_employer(out)
}

/// In what order an entry's header printed its title and its employer: read from the words
/// of one of them, guessed (two pieces neither of which the tables know: the first is taken
/// for the title), or not to be told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RoleOrder {
    TitleFirst,
    EmployerFirst,
    Guessed,
    Unknown,
}

/// "Bancolombia" / "Analista de Riesgo | 2019 - Actual" … "Rappi" / "Practicante de Datos":
/// a section prints every entry the same way, so where the tables told title from employer
/// in most entries and the employer came first, a guessed entry is read in that order too.
fn in_the_sections_order(entries: &mut [Work], orders: &[RoleOrder]) {
    let count = |o: RoleOrder| orders.iter().filter(|x| **x == o).count();
    if count(RoleOrder::EmployerFirst) <= count(RoleOrder::TitleFirst) {
        return;
    }
    for (entry, order) in entries.iter_mut().zip(orders) {
        if *order == RoleOrder::Guessed {
            std::mem::swap(&mut entry.name, &mut entry.position);
        }
    }
}

/// The header lines of the entry dated on line `dated`, above it and below `lower_bound`, top
/// first: up to two (title and employer), the place printed between them and the dates
/// ("Analista Contable" / "Estudio Ríos" / "Buenos Aires, Argentina" / "Marzo 2018 - …"), and
/// the first line of a title wrapped onto the top one.
fn header_lines_above(lines: &[&str], dated: usize, lower_bound: usize) -> HeaderAbove {
    let mut j = dated;
    let mut taken = 0;
    let mut place_taken = false;
    let mut above = Vec::new();
    while j > lower_bound && taken < 2 {
        j -= 1;
        let tail_of_previous = j
            .checked_sub(1)
            .is_some_and(|p| continues_previous(lines[j], lines[p]));
        // "Aufgaben:" / "Responsibilities:" introduces the previous job's list.
        if is_body(lines[j]) || tail_of_previous || lines[j].trim_end().ends_with(':') {
            break;
        }
        // "Lumen Health" / "5 years 2 months" / "Senior Product Manager": LinkedIn prints the
        // time at the employer between the two.
        if is_duration(lines[j]) {
            continue;
        }
        above.push(j);
        let is_place = !place_taken
            && taken == 0
            && lines[j].split_whitespace().count() <= 5
            && location_in(lines[j]).is_some()
            && !is_title(lines[j])
            && !names_a_company(lines[j]);
        if is_place {
            place_taken = true;
        } else {
            taken += 1;
        }
    }
    // An employer named by its legal form right above the dates, and a word or two above
    // it: the tail of a title wrapped from the line above ("Head of Customer Success and
    // Partner" / "Relations" / "Vistula Software sp. z o.o." / "2021 – Present").
    let mut wrapped_title = false;
    if let (Some(&top), Some(&employer)) = (above.last(), above.first()) {
        wrapped_title = taken == 2
            && !place_taken
            && top > lower_bound
            && names_a_company(lines[employer])
            && !is_body(lines[top - 1])
            && find_range(lines[top - 1]).is_none()
            && title_wraps_onto(lines[top - 1], lines[top]);
        if wrapped_title {
            above.push(top - 1);
        }
    }
    above.reverse();
    HeaderAbove {
        lines: above,
        wrapped_title,
    }
}

/// Whether `line` of a description goes on with the highlight `before`, printed over two
/// lines ("• Led a team … the billing" / "platform, cutting …"; "… moved it to" /
/// "Kubernetes; …"): the highlight ends no sentence, and the line starts in lower case or
/// the highlight ends on a word or mark a sentence cannot end on.
fn wraps_into(before: &str, line: &str) -> bool {
    let before = before.trim_end();
    let last_word = last_word(before);
    !before.ends_with(SENTENCE_ENDS)
        && (line.trim_start().starts_with(char::is_lowercase)
            || before.ends_with([',', '&', '-', '–', '/', '('])
            || WRAPPING_WORDS.contains(&last_word.as_str()))
}

/// The header lines above an entry's dates, top first; with `wrapped_title`, the first two
/// are one title printed over two lines.
#[derive(Default)]
struct HeaderAbove {
    lines: Vec<usize>,
    wrapped_title: bool,
}

/// Whether the title on `line` may end on `next`: a word or two that name no employer, no
/// place and no title of their own, after a line that does not end a sentence.
fn title_wraps_onto(line: &str, next: &str) -> bool {
    let line = line.trim_end();
    let next = next.trim();
    is_title(line)
        && !names_a_company(line)
        && !line.ends_with(['.', ':', ')', '|'])
        && next.split_whitespace().count() <= 2
        && next.starts_with(char::is_alphabetic)
        && !is_title(next)
        && !names_a_company(next)
        && location_in(next).is_none()
        && !is_bare_town(next)
}

/// "Città: Milano | Paese: Italia", "City: Lyon | Country: France" → "Milano, Italia": a line
/// made only of a town's and a country's labelled values (Europass prints it under the
/// employer).
fn place_from_labels(line: &str) -> Option<String> {
    let mut values = Vec::new();
    for piece in line
        .split(['|', '·', '•'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let (label, value) = piece.split_once(':')?;
        if !PLACE_LABELS.contains(&fold(label.trim()).as_str()) || value.trim().is_empty() {
            return None;
        }
        values.push(value.trim());
    }
    (!values.is_empty()).then(|| values.join(", "))
}

/// A work section in which nothing is dated ("FREELANCE WEB DESIGNER" / "Upwork, Fiverr" /
/// what was done): each short line that names a role starts an entry, the short line under
/// it that names none is its employer, and what follows until the next role is its
/// description. The dates stay unknown. (With no date to anchor on, the section was lost.)
fn undated_work(lines: &[&str]) -> Vec<Work> {
    let header =
        |l: &str| !is_body(l) && !reads_as_description(l) && l.split_whitespace().count() <= 8;
    let mut out: Vec<Work> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim();
        if header(line) && names_a_role(line) {
            let employer = lines
                .get(i + 1)
                .map(|l| l.trim())
                .filter(|l| header(l) && !names_a_role(l));
            out.push(Work {
                name: employer.map(str::to_owned),
                position: Some(line.to_owned()),
                location: None,
                start_date: None,
                end_date: None,
                summary: None,
                highlights: Vec::new(),
            });
            i += if employer.is_some() { 2 } else { 1 };
            continue;
        }
        if let Some(entry) = out.last_mut() {
            let text = strip_bullet(line);
            if text.len() > 3 && entry.highlights.len() < MAX_HIGHLIGHTS {
                entry.highlights.push(text.to_owned());
            }
        }
        i += 1;
    }
    out
}

/// "Davanni's, Coon Rapids, MN. 09/2017 – Current." / "Kitchen employee from 2017 – 2019" /
/// "Delivery driver from 2019 – current": an entry that names no role, followed by roles that
/// name no employer, is the employer of those roles, not a job of its own.
fn roles_under_their_employer(entries: Vec<Work>) -> Vec<Work> {
    let mut out: Vec<Work> = Vec::with_capacity(entries.len());
    let mut employer: Option<(Option<String>, Option<String>)> = None;
    let mut entries = entries.into_iter().peekable();
    while let Some(mut entry) = entries.next() {
        let a_role_without_employer =
            |w: &Work| w.name.is_none() && w.position.as_deref().is_some_and(is_title);
        let names_no_role = entry.name.is_none()
            && entry.highlights.is_empty()
            && entry.position.as_deref().is_some_and(|p| !is_title(p));
        if names_no_role && entries.peek().is_some_and(a_role_without_employer) {
            employer = Some((entry.position.take(), entry.location.take()));
            continue;
        }
        match &employer {
            Some((name, location)) if a_role_without_employer(&entry) => {
                entry.name.clone_from(name);
                if entry.location.is_none() {
                    entry.location.clone_from(location);
                }
            }
            _ => employer = None,
        }
        out.push(entry);
    }
    out
}

/// "Computer Science TA, Saint John's University" → the title and the employer, when one
/// side reads as a title and the other does not.
fn split_title_company(part: &str) -> Option<(String, String)> {
    // "Acme Ltd as HR Manager"
    if let Some((company, title)) = part.split_once(" as ") {
        if is_title(title) && !is_title(company) {
            return Some((
                title.trim().to_owned(),
                company.trim().trim_end_matches(',').to_owned(),
            ));
        }
    }
    // "Data Analyst at Acme Corp", "Tutor en la Universidad …": the title, then its employer.
    for at in AT_EMPLOYER {
        let Some((title, company)) = part.split_once(&format!(" {at} ")) else {
            continue;
        };
        let company = trim_end_period(company.trim().trim_end_matches([',', ' ']));
        if is_title(title)
            && company.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && !is_title(company)
        {
            return Some((title.trim().to_owned(), company.to_owned()));
        }
    }
    for at in AT_NAMED_EMPLOYER {
        let Some((title, company)) = part.rsplit_once(&format!(" {at} ")) else {
            continue;
        };
        let company = trim_end_period(company.trim().trim_end_matches([',', ' ']));
        if is_title(title)
            && company.starts_with(|c: char| c.is_uppercase())
            && names_a_company(company)
            && !is_title(company)
        {
            return Some((title.trim().to_owned(), company.to_owned()));
        }
    }
    // "Excelerate Internship (Project Management Intern)": a programme names no role.
    if let Some((outer, inner)) = part.strip_suffix(')').and_then(|p| p.rsplit_once('(')) {
        if is_title(inner) && !names_a_role(outer) {
            return Some((inner.trim().to_owned(), outer.trim().to_owned()));
        }
    }
    let (a, b) = part.split_once(", ")?;
    let (a, b) = (a.trim(), trim_end_period(b.trim()));
    // "Marketing Intern, Unilever (Summer Internship)": the programme in brackets after the
    // employer is neither's word.
    let b = match b.strip_suffix(')').and_then(|p| p.rsplit_once(" (")) {
        Some((employer, programme))
            if words(programme).iter().any(|w| {
                PROGRAMMES.contains(&w.as_str()) || EMPLOYMENT_KINDS.contains(&w.as_str())
            }) =>
        {
            employer.trim()
        }
        _ => b,
    };
    if a.is_empty() || b.is_empty() || !b.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    match (is_title(a), is_title(b)) {
        (true, false) => Some((a.to_owned(), b.to_owned())),
        (false, true) => Some((b.to_owned(), a.to_owned())),
        // "Elektriker, Becker Elektro GmbH": a role the tables do not know, before an employer
        // its legal form names.
        (false, false)
            if names_a_company(b)
                && !names_a_company(a)
                // "Metalúrgica Norte, Lda.": a legal form alone is the end of the name.
                && words(b).iter().any(|w| !COMPANY_WORDS.contains(&w.as_str()))
                && a.split_whitespace().count() <= 4
                && location_in(a).is_none()
                && !is_bare_town(a) =>
        {
            Some((a.to_owned(), b.to_owned()))
        }
        _ => None,
    }
}

/// "bei der Alpenbahn AG in Innsbruck" → the employer and its town: a header line that
/// starts with the word for "at an employer" (German, English, French) and a name.
fn after_employer_word(part: &str) -> Option<(String, Option<String>)> {
    static AT_EMPLOYER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^(?:bei(?:m|\s+der|\s+dem|\s+den)?|at(?:\s+the)?|chez|aupr[eè]s\s+de)\s+(\p{Lu}|\d)",
        )
        .expect("valid regex")
    });
    let name_at = AT_EMPLOYER.captures(part)?.get(1)?.start();
    let rest = trim_end_period(part[name_at..].trim());
    let (employer, town) = match rest.rsplit_once(" in ") {
        Some((employer, town))
            if town.starts_with(|c: char| c.is_uppercase())
                && town.split_whitespace().count() <= 3 =>
        {
            (employer, Some(town.to_owned()))
        }
        _ => (rest, None),
    };
    (!employer.is_empty() && employer.split_whitespace().count() <= 8)
        .then(|| (employer.to_owned(), town))
}

/// "5 years 2 months", "(2 yrs 3 mos)", "1 an 6 mois", "2 Jahre": how long a job lasted, as
/// LinkedIn's export prints it under the employer and beside the dates; no title, no employer.
fn is_duration(part: &str) -> bool {
    DURATION_LINE.is_match(part.trim())
}

/// (title, company, location) from the header pieces of one job, of which `on_date_line`
/// were printed on the line with its dates.
fn assign_roles(
    parts: Vec<String>,
    on_date_line: &[String],
) -> (Option<String>, Option<String>, Option<String>, RoleOrder) {
    // "bei der Alpenbahn AG in Innsbruck", "chez Capgemini": the employer (and its town) on a
    // line of its own, after the word that says so.
    let mut employer_line = None;
    let parts: Vec<String> = parts
        .into_iter()
        .filter(
            |p| match (employer_line.is_none(), after_employer_word(p)) {
                (true, Some(found)) => {
                    employer_line = Some(found);
                    false
                }
                _ => true,
            },
        )
        .collect();
    // Names of employers and titles start with a capital or a digit; a lowercase start is a
    // sentence that strayed in. A duration is neither.
    let mut parts: Vec<String> = parts
        .into_iter()
        .filter(|p| !p.starts_with(|c: char| c.is_lowercase()) && !is_duration(p))
        .collect();
    // "Moxie Pest Control, Norcross, Georgia": the employer, then its place — but
    // "Bengaluru, Karnataka, India" is a place from end to end.
    let mut place = None;
    for p in &mut parts {
        let pieces: Vec<&str> = p.split(',').map(str::trim).collect();
        let whole_place = {
            let parts = split_place(p);
            parts.address.is_none() && (parts.country_code.is_some() || parts.region.is_some())
        };
        if pieces.len() >= 3 && place.is_none() && !whole_place {
            let tail = pieces[1..].join(", ");
            if location_in(&tail).is_some() {
                place = Some(tail);
                *p = pieces[0].to_owned();
            }
        }
    }
    let mut labelled_title = None;
    let mut labelled_company = None;
    if let Some((employer, town)) = employer_line {
        labelled_company = Some(employer);
        place = place.or(town);
    }
    let parts: Vec<String> = parts
        .into_iter()
        .filter(|p| match labelled_role(p) {
            Some((true, v)) => {
                labelled_title = Some(v);
                false
            }
            Some((false, v)) => {
                labelled_company = Some(v);
                false
            }
            None => true,
        })
        .collect();
    let parts: Vec<String> = parts
        .into_iter()
        .flat_map(|p| match split_title_company(&p) {
            Some((title, company)) => vec![title, company],
            None => vec![p],
        })
        .collect();
    let mut location = place;
    let mut rest = Vec::new();
    for p in parts {
        if location.is_none() && location_in(&p).is_some() && !is_title(&p) && !names_a_company(&p)
        {
            location = Some(p);
        } else if location.as_ref() != Some(&p) && !rest.contains(&p) {
            // The place above the dates and again below them (LinkedIn) is one place.
            rest.push(p);
        }
    }
    // "Stage de fin d'études – Data Scientist – Société Générale": with a role and an
    // employer beside it, a piece headed by a programme's word names neither ("Excelerate
    // Virtual Internship", a programme's own name, is where one worked).
    if rest.len() >= 3 {
        let programme = |p: &String| {
            words(p)
                .first()
                .is_some_and(|w| PROGRAMMES.contains(&w.as_str()))
                && !names_a_role(p)
        };
        if let Some(at) = rest.iter().position(programme) {
            rest.remove(at);
        }
    }
    let title_idx = rest.iter().position(|p| is_title(p) && !names_a_company(p));
    let company_idx = rest
        .iter()
        .position(|p| names_a_company(p))
        .filter(|c| Some(*c) != title_idx);
    let (t, c) = match (title_idx, company_idx) {
        (Some(t), Some(c)) => (Some(t), Some(c)),
        (Some(t), None) => (Some(t), (0..rest.len()).find(|&i| i != t)),
        (None, Some(c)) => ((0..rest.len()).find(|&i| i != c), Some(c)),
        (None, None) => (
            if rest.is_empty() { None } else { Some(0) },
            (rest.len() > 1).then_some(1),
        ),
    };
    let labelled = labelled_title.is_some() || labelled_company.is_some();
    let order = match (title_idx, company_idx, t, c) {
        _ if labelled => RoleOrder::Unknown,
        (None, None, Some(_), Some(_)) if rest.len() == 2 => RoleOrder::Guessed,
        (Some(_), _, Some(t), Some(c)) | (_, Some(_), Some(t), Some(c)) if t < c => {
            RoleOrder::TitleFirst
        }
        (Some(_), _, Some(_), Some(_)) | (_, Some(_), Some(_), Some(_)) => RoleOrder::EmployerFirst,
        _ => RoleOrder::Unknown,
    };
    let (title, company) = match (labelled_title, labelled_company) {
        (Some(title), Some(company)) => (Some(title), Some(company)),
        // With the title labelled, the unlabelled piece is the employer, and the other way round.
        (Some(title), None) => (Some(title), rest.first().cloned()),
        (None, Some(company)) => (rest.iter().find(|p| **p != company).cloned(), Some(company)),
        (None, None) => (t.map(|i| rest[i].clone()), c.map(|i| rest[i].clone())),
    };
    // "Zalando SE | Berlin | Data Analyst | 2015 – 2017": with the employer and the title
    // known, a short capitalised piece left over on the line of the dates is the town (not
    // an acronym: "SJU" is the school's).
    let location = location.or_else(|| {
        rest.iter()
            .filter(|p| Some(*p) != title.as_ref() && Some(*p) != company.as_ref())
            // Or on a line of its own, when the gazetteer knows it ("Banca Emiliana S.p.A. |
            // Bologna" / "Data Analyst").
            .filter(|p| on_date_line.contains(p) || is_bare_town(p))
            .filter(|p| !(p.len() <= 4 && p.chars().all(|c| c.is_uppercase())))
            .find(|p| {
                let folded = fold(p);
                title.is_some()
                    && company.is_some()
                    && p.split_whitespace().count() <= 3
                    && p.split_whitespace()
                        .all(|w| w.starts_with(|c: char| c.is_uppercase()))
                    && !p.chars().any(|c| c.is_ascii_digit())
                    && !is_title(p)
                    && !names_a_company(p)
                    && !EMPLOYMENT_KINDS.contains(&folded.as_str())
                    && !WORK_MODES.contains(&folded.as_str())
            })
            .cloned()
    });
    match (company, location) {
        (None, Some(place)) => {
            let (employer, town) = employer_and_town(&place);
            (title, employer, town, order)
        }
        // "Luxottica Group S.p.A., Milano (Italy)": the employer with its town; "Agence Rhône
        // Média (Lyon)": its town in brackets.
        (Some(company), None) => {
            let bracketed = company
                .strip_suffix(')')
                .and_then(|c| c.rsplit_once(" ("))
                .filter(|(_, town)| is_bare_town(town) || location_in(town).is_some());
            match company.rsplit_once(", ").or(bracketed) {
                Some((employer, town)) if is_town_of(employer, town) => (
                    title,
                    Some(employer.to_owned()),
                    Some(town.to_owned()),
                    order,
                ),
                _ => (title, Some(company), None, order),
            }
        }
        (company, location) => (title, company, location, order),
    }
}

/// After an employer's name ("… S.p.A., Milano (Italy)"), a short capitalised piece with a
/// country, or any such piece after a name with a company word, is its town.
fn is_town_of(employer: &str, town: &str) -> bool {
    let short = town.split_whitespace().count() <= 4
        && town.starts_with(|c: char| c.is_uppercase())
        && !town.chars().any(|c| c.is_ascii_digit());
    let place = split_place(town);
    short
        && place.address.is_none()
        && (place.country_code.is_some()
            || place.region.is_some()
            || names_a_company(employer)
            || is_bare_town(town))
        && !names_a_company(town)
}

/// "SAP SE, Walldorf", "BBVA, Madrid": what looked like a place, in an entry without an
/// employer, is the employer and its town — unless it reads as a whole place ("Austin, TX",
/// "Lyon, France", "Lahore, On-site").
fn employer_and_town(place: &str) -> (Option<String>, Option<String>) {
    let parts = split_place(place);
    let says_how = fold(place)
        .split([',', '|', '(', ')'])
        .any(|piece| WORK_MODES.contains(&piece.trim()));
    // "Microsoft, Redmond WA": before a town and its state, a name with no number in it is
    // the employer, not a street.
    let named_before_a_region = parts
        .address
        .as_deref()
        .is_some_and(|a| !a.chars().any(|c| c.is_ascii_digit()) && !a.contains(','));
    match (&parts.address, &parts.city) {
        (Some(employer), Some(_))
            if (parts.region.is_none() && parts.country_code.is_none()
                || named_before_a_region)
                && !says_how =>
        {
            let town = place[place
                .find(employer.as_str())
                .map_or(0, |at| at + employer.len())..]
                .trim_start_matches([',', ' '])
                .to_owned();
            (Some(employer.clone()), Some(town))
        }
        _ => (None, Some(place.to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::education::education;

    #[test]
    fn work_with_header_above_dates() {
        let lines = [
            "Senior Software Engineer",
            "Acme Corp\tJan 2020 – Present",
            "• Built the import pipeline",
            "Software Engineer",
            "Globex GmbH\t2017 - 2019",
            "• Wrote Rust",
        ];
        let jobs = work(&lines);
        assert_eq!(jobs.len(), 2);
        assert_eq!(
            jobs[0].position.as_deref(),
            Some("Senior Software Engineer")
        );
        assert_eq!(jobs[0].name.as_deref(), Some("Acme Corp"));
        assert_eq!(jobs[0].start_date.as_deref(), Some("2020-01"));
        assert_eq!(jobs[0].end_date, None);
        assert_eq!(jobs[1].name.as_deref(), Some("Globex GmbH"));
        assert_eq!(jobs[1].highlights, vec!["Wrote Rust"]);
    }

    #[test]
    fn a_legal_form_in_capitals_was_cut_as_a_dangling_word() {
        let w = work(&["Data Analyst at Nordic Retail AB", "2019 - 2021"]).remove(0);
        assert_eq!(w.name.as_deref(), Some("Nordic Retail AB"));
        // In a line all in capitals a preposition at the end still dangles.
        assert_eq!(without_dangling("VOTING PLATFORM WITH"), "VOTING PLATFORM");
        assert_eq!(
            without_dangling("Kitchen employee from"),
            "Kitchen employee"
        );
    }

    #[test]
    fn an_employer_beside_its_town_was_taken_for_a_place() {
        let job = |lines: &[&str]| {
            let w = work(lines).remove(0);
            (w.name, w.position, w.location, w.end_date)
        };
        let s = |x: &str| Some(x.to_owned());
        assert_eq!(
            job(&["09/2018 – heute\tSoftwareentwicklerin, SAP SE, Walldorf"]),
            (s("SAP SE"), s("Softwareentwicklerin"), s("Walldorf"), None)
        );
        assert_eq!(
            job(&["Depuis janvier 2021 : Développeur Full Stack – Capgemini, Lyon"]),
            (s("Capgemini"), s("Développeur Full Stack"), s("Lyon"), None)
        );
        assert_eq!(
            job(&[
                "Ingeniera de Datos Senior",
                "BBVA, Madrid",
                "Ene. 2021 - Dic. 2022"
            ]),
            (
                s("BBVA"),
                s("Ingeniera de Datos Senior"),
                s("Madrid"),
                s("2022-12")
            )
        );
        // A place with how the work was done, or a whole place, has no employer in it.
        assert_eq!(
            job(&["Intern", "April 2025 - June 2025 | Lahore, On-site"]),
            (None, s("Intern"), s("Lahore, On-site"), s("2025-06"))
        );
        assert_eq!(
            job(&["Analyst", "Jan 2019 - Feb 2020 | Austin, TX"]),
            (None, s("Analyst"), s("Austin, TX"), s("2020-02"))
        );
    }

    #[test]
    fn an_earlier_role_at_the_same_employer_had_no_employer() {
        let jobs = work(&[
            "Google, Munich, Germany",
            "Senior Data Scientist\tJan 2020 – Present",
            "• Built forecasting models",
            "Data Scientist\tJun 2017 – Dec 2019",
            "• Churn models",
            "Freelance Developer\t2015 – 2017",
            "Zalando SE | Berlin | Data Analyst | 2013 – 2015",
            "Aufgaben:",
            "Entwickler bei SAP SE\t2011 – 2013",
        ]);
        let got: Vec<_> = jobs
            .iter()
            .map(|w| {
                (
                    w.name.as_deref(),
                    w.position.as_deref(),
                    w.location.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    Some("Google"),
                    Some("Senior Data Scientist"),
                    Some("Munich, Germany")
                ),
                (
                    Some("Google"),
                    Some("Data Scientist"),
                    Some("Munich, Germany")
                ),
                (None, Some("Freelance Developer"), None),
                (Some("Zalando SE"), Some("Data Analyst"), Some("Berlin")),
                (Some("SAP SE"), Some("Entwickler"), None),
            ]
        );
    }

    #[test]
    fn a_description_under_the_employer_was_taken_for_the_header() {
        let jobs = work(&[
            "Senior UX Designer\tMar 2021 – Present",
            "Airbnb, San Francisco, CA",
            "Redesigned the host onboarding flow, lifting completion by 18%",
            "UX Designer\tJul 2018 – Feb 2021",
            "Dropbox",
        ]);
        assert_eq!(jobs[0].name.as_deref(), Some("Airbnb"));
        assert_eq!(
            jobs[0].highlights,
            vec!["Redesigned the host onboarding flow, lifting completion by 18%"]
        );
        assert_eq!(jobs[1].name.as_deref(), Some("Dropbox"));
        let schools = education(&[
            "Carnegie Mellon University\t2014 – 2018",
            "B.Des. in Communication Design",
        ]);
        assert_eq!(schools[0].area.as_deref(), Some("Communication Design"));
        // "March" is a month, not a Master of Architecture.
        let schools = education(&["MIT", "B.Sc. in Physics", "March 2015 – May 2019"]);
        assert_eq!(schools.len(), 1);
    }

    #[test]
    fn work_with_dates_first() {
        let lines = [
            "Acme Corp | San Francisco, CA | 2019 - 2021",
            "Backend Developer",
            "- Shipped things",
            "Initech Inc. | 2016 - 2019",
            "Data Analyst",
        ];
        let jobs = work(&lines);
        assert_eq!(jobs.len(), 2);
        assert_eq!(jobs[0].name.as_deref(), Some("Acme Corp"));
        assert_eq!(jobs[0].position.as_deref(), Some("Backend Developer"));
        assert_eq!(jobs[0].location.as_deref(), Some("San Francisco, CA"));
        assert_eq!(jobs[1].position.as_deref(), Some("Data Analyst"));
    }

    #[test]
    fn an_employer_after_bei_on_its_own_line_was_dropped_as_a_sentence() {
        let lines = [
            "15.03.2016 – 30.09.2021\tSoftwareentwicklerin Java und Web",
            "bei der Alpenbahn AG in Innsbruck",
            "",
            "2012 – 2016\tWerkstudentin",
            "chez Capgemini",
        ];
        let jobs: Vec<_> = work(&lines)
            .into_iter()
            .map(|w| (w.position, w.name, w.location))
            .collect();
        let job = |title: &str, company: &str, town: Option<&str>| {
            (
                Some(title.to_owned()),
                Some(company.to_owned()),
                town.map(str::to_owned),
            )
        };
        assert_eq!(
            jobs,
            [
                job(
                    "Softwareentwicklerin Java und Web",
                    "Alpenbahn AG",
                    Some("Innsbruck")
                ),
                job("Werkstudentin", "Capgemini", None),
            ]
        );
        assert_eq!(after_employer_word("bei guter Laune"), None);
        assert_eq!(after_employer_word("at least 5 people"), None);
    }

    #[test]
    fn a_web_address_was_taken_for_a_dotted_degree() {
        // "b.com" (Bachelor of Commerce) is in "github.com" but no word of it.
        assert!(!is_degree("GitHub: github.com/jane-doe"));
        assert!(is_degree("B.Com (Hons), Accounting"));
        assert!(is_degree("M.Sc. Physics"));
    }

    #[test]
    fn a_wrapped_bullet_tail_is_not_the_next_jobs_header() {
        let lines = [
            "COURSERA | SOFTWARE ENGINEERING INTERN",
            "June 2014 – Sep 2014 | Mountain View, CA",
            "• Full-stack developer - Wrote and reviewed code for JS using Backbone, Jade,",
            "Stylus and Require and Scala using Play",
            "GOOGLE | SOFTWARE ENGINEERING INTERN",
            "May 2013 – Aug 2013 | Mountain View, CA",
            "• Exploitation de représentations latentes de modèles génératifs",
            "(GAN) pour améliorer les prédictions",
            "Stagiaire ingénieur IA",
            "Visual Behavior\tsept. 2020 - févr. 2021",
        ];
        let jobs = work(&lines);
        let names: Vec<Option<&str>> = jobs.iter().map(|j| j.name.as_deref()).collect();
        assert_eq!(
            names,
            [Some("COURSERA"), Some("GOOGLE"), Some("Visual Behavior")]
        );
        assert_eq!(
            jobs[1].position.as_deref(),
            Some("SOFTWARE ENGINEERING INTERN")
        );
        assert_eq!(jobs[2].position.as_deref(), Some("Stagiaire ingénieur IA"));
    }

    #[test]
    fn a_mentor_is_a_title_not_an_employer() {
        let jobs = work(&[
            "Three Points Center, Hurricane, Utah — Youth Mentor",
            "November 2021 - May 2022",
        ]);
        assert_eq!(jobs[0].position.as_deref(), Some("Youth Mentor"));
        assert_eq!(jobs[0].name.as_deref(), Some("Three Points Center"));
    }

    #[test]
    fn a_role_the_tables_do_not_know_before_a_company_was_the_employer() {
        let jobs = work(&[
            "Elektriker, Becker Elektro GmbH\t2015 – 2020",
            "Zimmerer, Holzbau Graf AG\t2010 – 2015",
        ]);
        assert_eq!(jobs[0].position.as_deref(), Some("Elektriker"));
        assert_eq!(jobs[0].name.as_deref(), Some("Becker Elektro GmbH"));
        assert_eq!(jobs[1].position.as_deref(), Some("Zimmerer"));
        assert_eq!(jobs[1].name.as_deref(), Some("Holzbau Graf AG"));
        // A place before the employer is no role, nor the employer's name before its form.
        let jobs = work(&["Berlin, Becker Elektro GmbH\t2015 – 2020"]);
        assert_ne!(jobs[0].position.as_deref(), Some("Berlin"));
        let jobs = work(&["Técnico – Metalúrgica Norte, Lda.\t2015 – 2020"]);
        assert_eq!(jobs[0].name.as_deref(), Some("Metalúrgica Norte, Lda."));
        // A spa is where one works, not a legal form ("S.p.A." is one).
        let jobs = work(&["Spa Therapist, Hotel Seeblick\t2015 – 2020"]);
        assert_eq!(jobs[0].position.as_deref(), Some("Spa Therapist"));
        let jobs = work(&["Sistemista, Nord Reti SPA\t2015 – 2020"]);
        assert_eq!(jobs[0].name.as_deref(), Some("Nord Reti SPA"));
    }

    #[test]
    fn durations_in_six_languages_are_no_title_or_employer() {
        for d in [
            "5 years 2 months",
            "(2 yrs 3 mos)",
            "1 an 6 mois",
            "2 Jahre",
            "3 años y 2 meses",
            "less than a year",
        ] {
            assert!(is_duration(d), "{d}");
        }
        for not in [
            "5 Guys Burgers",
            "Years of Service Award",
            "Product Manager",
        ] {
            assert!(!is_duration(not), "{not}");
        }
    }

    #[test]
    fn title_and_company_on_one_line() {
        let lines = [
            "Computer Science TA, Saint John's University\tSep 2019 – May 2021",
            "Softwareingenieur at Spinnax GmbH\t2021 – heute",
        ];
        let jobs = work(&lines);
        assert_eq!(jobs[0].position.as_deref(), Some("Computer Science TA"));
        assert_eq!(jobs[0].name.as_deref(), Some("Saint John's University"));
        assert_eq!(jobs[1].position.as_deref(), Some("Softwareingenieur"));
        assert_eq!(jobs[1].name.as_deref(), Some("Spinnax GmbH"));
    }

    #[test]
    fn bulleted_headers_labels_and_leftovers() {
        let roles = |lines: &[&str]| -> Vec<(Option<String>, Option<String>)> {
            work(lines)
                .into_iter()
                .map(|j| (j.name, j.position))
                .collect()
        };
        let some = |s: &str| Some(s.to_owned());
        let google = work(&[
            "• Google\tMountain View, CA",
            "Software Engineer\tOct 2016 – Present",
            "◦ TensorFlow: worked on APIs",
        ]);
        assert_eq!(
            (google[0].name.clone(), google[0].position.clone()),
            (some("Google"), some("Software Engineer"))
        );
        assert_eq!(google[0].location, some("Mountain View, CA"));
        assert_eq!(
            roles(&[
                "Lar Supermercados - 10\\2022 até 11\\2023",
                "Cargo: Repositora de alimentos."
            ]),
            vec![(some("Lar Supermercados"), some("Repositora de alimentos"))]
        );
        assert_eq!(
            roles(&["Kitchen employee from May 2019 – Aug 2019"]),
            vec![(None, some("Kitchen employee"))]
        );
        assert_eq!(
            roles(&["ABBOTT INDIA LTD, as HR Manager\t2015 – 2018"]),
            vec![(some("ABBOTT INDIA LTD"), some("HR Manager"))]
        );
    }

    #[test]
    fn wrapped_description_lines_are_not_the_next_header() {
        let lines = [
            "• Google\tMountain View, CA",
            "Software Engineer\tOct 2016 – Present",
            "◦ Apache Beam: a unified model for defining both batch and streaming data-parallel",
            "pipelines, as well as a set of SDKs.",
            "• Coursera\tMountain View, CA",
            "Senior Software Engineer\tJan 2014 – Oct 2016",
            "Moxie Pest Control, Norcross, Georgia — Sales Representative",
            "January 2023 - August 2023",
        ];
        let jobs: Vec<(Option<String>, Option<String>)> = work(&lines)
            .into_iter()
            .map(|j| (j.name, j.position))
            .collect();
        let some = |s: &str| Some(s.to_owned());
        assert_eq!(
            jobs,
            vec![
                (some("Google"), some("Software Engineer")),
                (some("Coursera"), some("Senior Software Engineer")),
                (some("Moxie Pest Control"), some("Sales Representative")),
            ]
        );
    }
}
