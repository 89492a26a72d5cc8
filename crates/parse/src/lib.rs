//! From resume text to a JSON Resume document, in pure Rust: no IO, no threads, no database,
//! no PDF library. Parsing never fails: what cannot be found is left empty and said in
//! `meta.warnings`.
//!
//! The input is text as a reader sees it: pages separated by form feeds, and where a page's
//! second column starts a line holding only [`cvdeck_model::text::COLUMN_START`] (extraction
//! puts it there; plain text needs none). Link targets found in the document (PDF link
//! annotations, DOCX hyperlinks) help to fill in profiles whose text shows only a handle.
//!
//! ```
//! let text = "Jane Doe\njane@example.com\nBerlin, Germany\n\nSkills\nRust, SQLite\n";
//! let resume = cvdeck_parse::parse_text(text, &[]);
//! assert_eq!(resume.basics.name.as_deref(), Some("Jane Doe"));
//! assert_eq!(resume.basics.email.as_deref(), Some("jane@example.com"));
//! assert_eq!(resume.top_skills(5), vec!["Rust", "SQLite"]);
//! ```
#![deny(missing_docs)]

mod clean;
mod contacts;
mod dates;
mod education;
mod entries;
mod extras;
mod header;
mod language;
mod lexicon;
mod lists;
mod location;
mod sections;
mod vocabulary;

use crate::lexicon::sites::SITE_WORDS;
use cvdeck_model::resume::{Basics, Meta, Profile, Resume};
use sections::{heading, Heading, SectionKind};

/// Accent-folded, lowercase ASCII-ish form of `s` (for generated e-mail addresses and matching).
pub fn fold_ascii(s: &str) -> String {
    clean::fold(s)
}

/// `printed` ("Hauptstraße 5, 10115 Berlin", "Austin, TX") split into JSON Resume's location
/// parts, as the parser splits the place it finds.
pub fn split_place(printed: &str) -> cvdeck_model::resume::Location {
    location::split_place(printed)
}

/// The language `text` is written in, as ISO 639-1 ("en", "de", …), if it says so clearly.
pub fn detect_language(text: &str) -> Option<String> {
    language::detect(text)
}

/// The parser's name and version, recorded in every document's `meta.version`.
// The name it has always been recorded under, so that documents stored by earlier versions compare.
pub const PARSER_VERSION: &str = concat!("cvdeck-engine ", env!("CARGO_PKG_VERSION"));

struct Section<'a> {
    kind: SectionKind,
    also: Option<SectionKind>,
    lines: Vec<&'a str>,
}

/// "Job applied for: Marketing Manager" (Europass) and its kin: the headline.
static TARGET_POSITION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^(?:job applied for|position applied for|desired position|target position|poste (?:recherch[ée]|vis[ée])|wunschposition|angestrebte position|puesto (?:solicitado|deseado)|cargo pretendido)\s*[:：\t]\s*(\S.{2,})$",
    )
    .expect("valid regex")
});
static LABELLED_SKILLS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^[\s•·*\-–]*(?:key|core|technical|it|main)?\s*(?:skills?|skill set|competencies)\s*[:：]\s*(\S.{2,})$",
    )
    .expect("valid regex")
});

/// Parse resume text (and link targets found in the document) into JSON Resume.
pub fn parse_text(raw: &str, link_targets: &[String]) -> Resume {
    let text = join_wrapped_ranges(&join_wrapped_headings(&clean::clean_text(raw)));
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !is_column_start(l))
        .collect();
    let mut header: Vec<&str> = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    let mut headings = Vec::new();
    // Sidebars often begin with contacts (place, handles) above their first heading; those
    // lines of the first second column are looked at for contacts too.
    let mut column_head: Vec<&str> = Vec::new();
    // The section the second column's head was added to.
    let mut column_head_section = None;
    let mut in_column_head = false;
    let mut seen_column = false;
    let mut previous_blank = true;
    let mut previous: Option<&str> = None;
    let mut previous_was_heading = false;
    for raw in text.lines() {
        if is_column_start(raw) {
            in_column_head = !seen_column && !sections.is_empty();
            // The second column's lines above its first heading (its name block, a profile,
            // a job cut by a photo in the sidebar) are not the sidebar's last section.
            // (Its heading is none: `headings` stays one to one with `sections`.)
            if in_column_head {
                sections.push(Section {
                    kind: SectionKind::Other,
                    also: None,
                    lines: Vec::new(),
                });
                headings.push(String::new());
            }
            column_head_section = sections.len().checked_sub(1);
            seen_column = true;
            previous_blank = true;
            continue;
        }
        let blank = raw.trim().is_empty();
        let stands_apart =
            previous_blank || previous.is_some_and(|p| p.trim_end().ends_with(['.', ':']));
        previous_blank = blank;
        if blank {
            continue;
        }
        let after_heading = std::mem::replace(&mut previous_was_heading, false);
        previous = Some(raw);
        // A heading set in a narrow cell wraps: "EXPÉRIENCE" / "PROFESSIONNELLE".
        if after_heading && !raw.chars().any(char::is_lowercase) {
            if let Some(last) = headings.last_mut() {
                let joined = format!("{last} {}", raw.trim());
                let same_kind = heading(&joined)
                    .zip(sections.last())
                    .is_some_and(|(h, s)| h.kind == s.kind);
                if same_kind {
                    *last = joined;
                    previous_was_heading = true;
                    continue;
                }
            }
        }
        let (found, line, cell) = match heading(raw) {
            Some(h) => (Some(h), raw, None),
            None => match heading_cell(raw) {
                Some((h, first, rest)) => (Some(h), first, Some(rest)),
                None => (None, raw, None),
            },
        };
        let found = found.filter(|h| h.is_certain() || stands_apart);
        // "Teléfono" alone under the referees: the candidate's own contacts follow (templates
        // set them in a box that comes out after the references).
        let found = found.or_else(|| {
            let under_references = sections
                .last()
                .is_some_and(|s| s.kind == SectionKind::References);
            (under_references && stands_apart && header::is_contact_label(line)).then(|| Heading {
                kind: SectionKind::Contact,
                also: None,
                text: line.trim().to_owned(),
                had_colon: false,
            })
        });
        // A row whose first cell was not taken for a heading stays whole.
        let line = if found.is_some() { line } else { raw };
        if let Some(h) = found {
            previous_was_heading = true;
            in_column_head = false;
            headings.push(h.text.clone());
            sections.push(Section {
                kind: h.kind,
                also: h.also,
                lines: cell.into_iter().collect(),
            });
        } else if let Some(section) = sections.last_mut() {
            if in_column_head && column_head.len() < COLUMN_HEAD_LINES {
                column_head.push(line);
                if is_contact_line(line) {
                    continue;
                }
            }
            section.lines.push(line);
        } else {
            header.push(line);
        }
    }
    // A page that opens with a heading ("PRESENTACIÓN", "PROFILE") may set the name under it.
    let opening: Vec<&str> = match sections.first() {
        Some(first) if header.is_empty() => {
            first.lines.iter().take(OPENING_LINES).copied().collect()
        }
        _ => Vec::new(),
    };
    // A sidebar first and the main column after it (LinkedIn's export): the name block
    // heads the second column, not the sidebar's last section — also when a line of the
    // sidebar reads as a name too, but only the second column's agrees with the e-mail.
    let header_name = header::name(&header);
    let head_name = header::name(&column_head);
    // The whole text is searched for an e-mail only when both columns offer a name.
    let head_by_evidence = match (&head_name, &header_name) {
        (Some((_, head)), Some((_, first))) => contacts::emails(&text).first().is_some_and(|e| {
            header::agrees_with_email(head, e) && !header::agrees_with_email(first, e)
        }),
        _ => false,
    };
    if head_name.is_some() && (header_name.is_none() || head_by_evidence) {
        if let Some(section) = column_head_section.and_then(|i| sections.get_mut(i)) {
            section
                .lines
                .retain(|l| !column_head.iter().any(|h| std::ptr::eq(*h, *l)));
        }
        if head_by_evidence {
            header.splice(0..0, column_head.iter().copied());
        } else {
            header.extend(column_head.iter().copied());
        }
    }
    let mut warnings = Vec::new();
    let of_kind = |kind: SectionKind| -> Vec<&str> {
        sections
            .iter()
            .filter(|s| s.kind == kind || s.also == Some(kind))
            .flat_map(|s| s.lines.iter().copied())
            .collect()
    };
    // The candidate's own contacts: the header, then a contact section, then anywhere
    // but the references.
    let mut contact_lines: Vec<&str> = header.iter().take(15).copied().collect();
    contact_lines.extend(of_kind(SectionKind::Contact));
    let personal = of_kind(SectionKind::Personal);
    contact_lines.extend(personal.iter().copied());
    contact_lines.extend(column_head);
    let contact_text = contact_lines.join("\n");
    let elsewhere: String = sections
        .iter()
        .filter(|s| s.kind != SectionKind::References)
        .flat_map(|s| s.lines.iter().copied())
        .collect::<Vec<_>>()
        .join("\n");

    // "Lebenslauf" / "Persönliche Daten" / "Name: …": the name may be in the details; the
    // lines under an opening heading come first (the top of the page).
    // Where the personal details start in `name_source`: a headline is not looked for past
    // them ("Lucas Ferreira" / "DADOS PESSOAIS" / "Brasileiro, solteiro, 27 anos").
    let mut personal_start = usize::MAX;
    let mut name_source: Vec<&str> = if header.is_empty() && personal.is_empty() {
        lines.clone()
    } else {
        personal_start = opening.len() + header.len();
        opening
            .iter()
            .chain(&header)
            .chain(&personal)
            .copied()
            .collect()
    };
    let email = first_of(contacts::emails(&contact_text), || {
        contacts::emails(&elsewhere)
    })
    .or_else(|| mailto(link_targets));
    let mut name = header::name(&name_source);
    // No name at the top ("Profile" / its text / "Contact" / "Omar Haddad" / the e-mail):
    // a name beside the e-mail that the e-mail's own words agree with.
    if name.is_none() {
        if let Some(email) = email.as_deref() {
            let around = header::lines_around(&lines, email);
            if let Some(found) =
                header::name(&around).filter(|(_, n)| header::agrees_with_email(n, email))
            {
                name_source = around;
                personal_start = usize::MAX;
                name = Some(found);
            }
        }
    }
    let label = name
        .as_ref()
        .and_then(|(i, n)| {
            header::inline_headline(name_source[*i], n).or_else(|| {
                let before_personal = if *i < personal_start {
                    &name_source[..personal_start.min(name_source.len())]
                } else {
                    &name_source[..]
                };
                header::headline(before_personal, *i)
            })
        })
        .or_else(|| {
            contact_lines
                .iter()
                .find_map(|l| TARGET_POSITION.captures(l))
                .map(|c| c[1].trim().to_owned())
        });
    // The contacts set apart from the header (a Word text box, a sidebar printed after the
    // main column): the lines around the e-mail, when the contact lines did not print it.
    let block = email
        .as_deref()
        .and_then(|e| contact_block(&sections, &contact_lines, e))
        .unwrap_or_default();
    let phone = first_of(contacts::phones(&contact_text), || {
        let beside_email = contacts::phones_alone(&block);
        if beside_email.is_empty() {
            contacts::phones_in_body(&elsewhere)
        } else {
            beside_email
        }
    });
    let (url, profiles) = links(&contact_text, &elsewhere, &text, link_targets);
    // Where the place may be: the contact lines but the headline, and of the name's line
    // what follows the name ("JOHN SMITH • john@x.com • Boston, MA").
    let name_line = name.as_ref().map(|(i, n)| (name_source[*i], n.as_str()));
    // "Lukas" / "Hofmann": the first line of a name set on two is no town.
    let first_line_of_name = |l: &str| {
        name_line.is_some_and(|(_, name)| !l.trim().is_empty() && name.starts_with(l.trim()))
    };
    let place_lines: Vec<&str> = contact_lines
        .iter()
        .filter_map(|l| match name_line {
            Some((line, name)) if std::ptr::eq(line, *l) => {
                l.find(name).map(|at| &l[at + name.len()..])
            }
            _ if Some(l.trim()) == label.as_deref() => None,
            _ if first_line_of_name(l) => None,
            _ => Some(*l),
        })
        .collect();
    // "Ingénieure logiciel | 5 ans d'expérience | Python, Go": on the headline's own line a
    // place must be one the gazetteer knows ("Data Engineer | Lyon, France" is).
    let on_headline_line = |l: &str| {
        label
            .as_deref()
            .is_some_and(|h| header::segments(l).next().is_some_and(|s| s.trim() == h))
    };
    let location = place_lines
        .iter()
        .enumerate()
        .find_map(|(i, l)| {
            header::location_in(l)
                .filter(|place| !on_headline_line(l) || location::names_a_known_place(place))
                .map(|place| header::with_wrapped_tail(place, place_lines.get(i + 1)))
        })
        .or_else(|| place_lines.iter().find_map(|l| header::bare_place(l)))
        .or_else(|| {
            // Whole lines only: what follows the name on its line is no line of a list.
            let lines: Vec<&str> = contact_lines
                .iter()
                .filter(|l| !name_line.is_some_and(|(line, _)| std::ptr::eq(line, **l)))
                .filter(|l| Some(l.trim()) != label.as_deref() && !first_line_of_name(l))
                .copied()
                .collect();
            header::listed_place(&lines)
        })
        .or_else(|| {
            // Away from the header, a place must name one the gazetteer knows.
            let known = |place: &String| location::names_a_known_place(place);
            block
                .iter()
                .filter_map(|l| header::location_in(l))
                .find(known)
                .or_else(|| header::listed_place(&block).filter(known))
        });

    let work = entries::work(&of_kind(SectionKind::Work));
    // No place in the contacts: where the current job is, is where a recruiter would look.
    let location = location.or_else(|| {
        let current = work
            .iter()
            .find(|w| w.start_date.is_some() && w.end_date.is_none())?
            .location
            .clone()?;
        warnings.push("location taken from the current job".to_owned());
        Some(current)
    });
    let education = education::education(&of_kind(SectionKind::Education));
    let skill_group = sections
        .iter()
        .zip(&headings)
        .find(|(s, _)| s.kind == SectionKind::Skills || s.also == Some(SectionKind::Skills))
        .map(|(_, h)| h.clone())
        .unwrap_or_else(|| "Skills".to_owned());
    let mut skills = lists::skills(&of_kind(SectionKind::Skills), &skill_group);
    if skills.is_empty() {
        // Job-portal profiles have no skills section, only a "Key Skills: a, b, c" line.
        skills = lines
            .iter()
            .find_map(|l| LABELLED_SKILLS.captures(l))
            .map(|c| lists::skills(&[c.get(1).map_or("", |m| m.as_str())], "Skills"))
            .unwrap_or_default();
    }
    let mut languages = lists::languages(&of_kind(SectionKind::Languages));
    // "Languages: English (native)" in the skills, "Languages Known: English, Hindi" in the
    // personal details.
    let mut labelled = of_kind(SectionKind::Skills);
    labelled.extend(personal.iter().copied());
    for spoken in lists::languages_among_skills(&labelled) {
        if !languages
            .iter()
            .any(|l| clean::fold(&l.language) == clean::fold(&spoken.language))
        {
            languages.push(spoken);
        }
    }
    // "Certifications & Awards": listed once, under the kind the heading names first.
    let only_kind = |kind: SectionKind| -> Vec<&str> {
        sections
            .iter()
            .filter(|s| s.kind == kind)
            .flat_map(|s| s.lines.iter().copied())
            .collect()
    };
    let projects = extras::projects(&only_kind(SectionKind::Projects));
    let certificates = extras::certificates(&only_kind(SectionKind::Certificates));
    let awards = extras::awards(&only_kind(SectionKind::Awards));
    let publications = extras::publications(&only_kind(SectionKind::Publications));
    let volunteer = extras::volunteer(entries::work(&only_kind(SectionKind::Volunteer)));
    let interests = extras::interests(lists::skills(
        &only_kind(SectionKind::Interests),
        "Interests",
    ));
    // The name and headline read under an opening heading are not the summary's.
    let opening_taken = name
        .as_ref()
        .and_then(|(i, _)| {
            opening
                .iter()
                .position(|o| std::ptr::eq(*o, name_source[*i]))
        })
        .map_or(0, |k| k + 1);
    let taken = |line: &&str| {
        opening[..opening_taken]
            .iter()
            .any(|o| std::ptr::eq(*o, *line))
            || (opening_taken > 0 && Some(line.trim()) == label.as_deref())
    };
    let summary_lines: Vec<&str> = of_kind(SectionKind::Summary)
        .into_iter()
        .filter(|l| !taken(l))
        .collect();
    let summary = Some(summary_lines.join(" "))
        .filter(|s| !s.is_empty())
        .map(|s| s.chars().take(1200).collect());

    if name.is_none() {
        warnings.push("no name found".to_owned());
    }
    if work.is_empty() {
        warnings.push("no work section found".to_owned());
    }
    if education.is_empty() {
        warnings.push("no education section found".to_owned());
    }
    Resume {
        basics: Basics {
            name: name.map(|(_, n)| n),
            label,
            email,
            phone,
            url,
            summary,
            location: location
                .as_deref()
                .map(location::split_place)
                .unwrap_or_default(),
            profiles,
        },
        work,
        education,
        skills,
        languages,
        projects,
        certificates,
        awards,
        publications,
        volunteer,
        interests,
        meta: Meta {
            version: PARSER_VERSION.to_owned(),
            language: language::detect(&text),
            sections: headings.into_iter().filter(|h| !h.is_empty()).collect(),
            warnings,
            ..Meta::default()
        },
    }
}

fn names_a_site(contact_text: &str) -> bool {
    contact_text
        .lines()
        .flat_map(header::segments)
        .any(|seg| SITE_WORDS.contains(&clean::fold(seg.trim()).as_str()))
}

/// How many lines under a heading that opens the page may hold the name.
const OPENING_LINES: usize = 3;

/// Lines either side of a contact block's e-mail that may hold the place.
const CONTACT_BLOCK_LINES: usize = 4;

/// The lines around the line printing `email` in its own section (not the references), when
/// that line is not among the contact lines already read.
fn contact_block<'a>(
    sections: &[Section<'a>],
    contact_lines: &[&str],
    email: &str,
) -> Option<Vec<&'a str>> {
    sections
        .iter()
        .filter(|s| s.kind != SectionKind::References)
        .find_map(|section| {
            let lines: Vec<&'a str> = section
                .lines
                .iter()
                .copied()
                .filter(|l| !l.trim().is_empty())
                .collect();
            let at = lines.iter().position(|l| l.contains(email))?;
            if contact_lines.iter().any(|c| std::ptr::eq(*c, lines[at])) {
                return Some(Vec::new());
            }
            let from = at.saturating_sub(CONTACT_BLOCK_LINES);
            let to = (at + CONTACT_BLOCK_LINES + 1).min(lines.len());
            Some(lines[from..to].to_vec())
        })
}

/// How many lines at the top of a sidebar may hold contacts.
const COLUMN_HEAD_LINES: usize = 4;

/// A place, an address, a number or a link: contacts, not a section's content.
fn is_contact_line(line: &str) -> bool {
    header::location_in(line).is_some() || contacts::any_in(line)
}

/// "PERSÖNLICHE" / "DATEN": a heading in capitals that a narrow sidebar wrapped, its first
/// line no heading alone, is put back on one line (every word of a heading is a heading's
/// word, so a name in capitals above "EXPERIENCE" stays apart).
fn join_wrapped_headings(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let short_capitals = |l: &str| {
        let l = l.trim();
        !l.is_empty()
            && l.split_whitespace().count() <= 2
            && l.chars().any(char::is_alphabetic)
            && !l.chars().any(char::is_lowercase)
    };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if let Some(next) = lines
            .get(i + 1)
            .filter(|next| short_capitals(line) && short_capitals(next))
        {
            let joined = format!("{} {}", line.trim(), next.trim());
            if heading(line).is_none() && heading(&joined).is_some_and(|h| h.is_certain()) {
                out.push_str(&joined);
                out.push('\n');
                i += 2;
                continue;
            }
        }
        out.push_str(line);
        out.push('\n');
        i += 1;
    }
    out
}

/// "10/2010 –<tab>Master of Science" / "07/2016<tab>Universität zu Köln": a date range whose
/// cell wrapped after the dash gets its end back, and the line under it keeps the rest.
fn join_wrapped_ranges(text: &str) -> String {
    fn first_cell(line: &str) -> &str {
        line.split('\t').next().unwrap_or("").trim()
    }
    let lines: Vec<&str> = text.lines().collect();
    let is_date = |cell: &str| {
        !cell.is_empty()
            && dates::find_range(cell)
                .is_some_and(|r| r.span == (0, cell.len()) && r.end == r.start)
    };
    // Each line as it stays, or as it is rewritten (only where a range wrapped).
    let mut rewritten: Vec<Option<String>> = vec![None; lines.len()];
    for i in 0..lines.len().saturating_sub(1) {
        // A line the step before rewrote is read as rewritten (it allocates only then).
        let here: std::borrow::Cow<str> = match &rewritten[i] {
            Some(line) => line.clone().into(),
            None => lines[i].into(),
        };
        let head = first_cell(&here);
        let Some(start) = head.strip_suffix(['-', '–', '—']).map(str::trim_end) else {
            continue;
        };
        let tail = first_cell(lines[i + 1]);
        if !is_date(start) || !is_date(tail) {
            continue;
        }
        let dash = head[start.len()..].trim();
        let joined = match here.split_once('\t') {
            Some((_, rest)) => format!("{start} {dash} {tail}\t{rest}"),
            None => format!("{start} {dash} {tail}"),
        };
        rewritten[i] = Some(joined);
        rewritten[i + 1] = Some(
            lines[i + 1]
                .split_once('\t')
                .map(|(_, rest)| rest.to_owned())
                .unwrap_or_default(),
        );
    }
    let mut out = String::with_capacity(text.len() + 1);
    for (line, new) in lines.iter().zip(&rewritten) {
        out.push_str(new.as_deref().unwrap_or(line));
        out.push('\n');
    }
    out
}

fn is_column_start(line: &str) -> bool {
    line.trim_matches(' ')
        .chars()
        .eq([cvdeck_model::text::COLUMN_START])
}

fn first_of(found: Vec<String>, fallback: impl FnOnce() -> Vec<String>) -> Option<String> {
    found
        .into_iter()
        .next()
        .or_else(|| fallback().into_iter().next())
}

fn mailto(link_targets: &[String]) -> Option<String> {
    link_targets
        .iter()
        .find_map(|l| l.strip_prefix("mailto:"))
        .map(|e| e.split('?').next().unwrap_or(e).to_owned())
}

/// "SKILLS<tab>Rust, Go", "COMPÉTENCES Rust, Figma": a row that is not a heading as a
/// whole, whose first cell is one (in capitals when no tab sets it apart, before text that
/// is not) and the rest its first line. "PROJECT MANAGER" is no such row. A Title Case cell
/// of three words or more ("Angaben zur Person<tab>Jana Novak", as Europass prints it) is
/// one only where it stands apart, as a heading of its own would be (the caller decides).
fn heading_cell(raw: &str) -> Option<(sections::Heading, &str, &str)> {
    if let Some((first, rest)) = raw.split_once('\t') {
        return heading(first).map(|h| (h, first, rest));
    }
    if !raw.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let words: Vec<(usize, &str)> = raw
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - raw.as_ptr() as usize, w))
        .collect();
    (1..=3.min(words.len().saturating_sub(1)))
        .rev()
        .find_map(|k| {
            let (end, last) = words[k - 1];
            let first = &raw[..end + last.len()];
            let capitals =
                first.chars().any(char::is_uppercase) && !first.chars().any(char::is_lowercase);
            let rest = raw[words[k].0..].trim();
            let rest_is_text = rest.chars().any(char::is_lowercase);
            if !(capitals && rest_is_text) {
                return None;
            }
            heading(first).map(|h| (h, first, rest))
        })
}

/// The personal URL and the profiles: printed ones first (the contacts', then profile pages
/// printed in the body but the references), link targets fill the gaps.
fn links(
    contact_text: &str,
    body: &str,
    whole_text: &str,
    link_targets: &[String],
) -> (Option<String>, Vec<Profile>) {
    let mut url = None;
    let mut profiles: Vec<Profile> = Vec::new();
    for u in contacts::urls(contact_text) {
        match contacts::profile_from_url(&u) {
            Some(p) => {
                if !profiles.iter().any(|q| q.network == p.network) {
                    profiles.push(p);
                }
            }
            // The first personal site is `url`; more of them ("site.com | fb.co/me") are
            // profiles named by their host, as JSON Resume has one `url`.
            None if url.is_none() => url = Some(u),
            None => profiles.push(Profile {
                network: contacts::host(&u).to_owned(),
                username: None,
                url: Some(u),
            }),
        }
    }
    let body_profiles = contacts::urls(body)
        .into_iter()
        .filter(|u| contacts::is_profile_page(u))
        .filter_map(|u| contacts::profile_from_url(&u));
    for p in contacts::labelled_handles(contact_text)
        .into_iter()
        .chain(body_profiles)
    {
        if !profiles.iter().any(|q| q.network == p.network) {
            profiles.push(p);
        }
    }
    // Link targets fill in what the page names but does not print ("GitHub" as a link word,
    // or only the handle); links to networks the page never mentions stay out.
    let mentioned = clean::fold(whole_text);
    for target in link_targets {
        if let Some(p) = contacts::profile_from_url(target) {
            match profiles.iter_mut().find(|q| q.network == p.network) {
                Some(q) if q.url.is_none() => q.url = p.url,
                Some(_) => {}
                None if mentioned.contains(&clean::fold(&p.network))
                    || p.username
                        .as_deref()
                        .is_some_and(|u| mentioned.contains(&clean::fold(u))) =>
                {
                    profiles.push(p)
                }
                None => {}
            }
        }
    }
    // "Portfolio" printed as a link word: its target is the personal site.
    if url.is_none() && names_a_site(contact_text) {
        url = link_targets
            .iter()
            .find(|t| {
                let lower = t.to_ascii_lowercase();
                (lower.starts_with("http://") || lower.starts_with("https://"))
                    && !lower.contains("mailto:")
                    && contacts::profile_from_url(t).is_none()
            })
            .cloned();
    }
    for p in &mut profiles {
        p.url = match p.url.take() {
            Some(u) => Some(contacts::with_scheme(&u)),
            None => contacts::profile_address(p),
        };
    }
    (url.map(|u| contacts::with_scheme(&u)), profiles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_text_resume() {
        let text = "Jane Doe\nSenior Backend Engineer\nBerlin, Germany | jane@doe.dev | +49 170 1234567\ngithub.com/janedoe\n\nExperience\nStaff Engineer\nAcme GmbH\tMar 2020 – Present\n• Led the parser team\n\nEducation\nTechnische Universität Berlin\t2010 – 2014\nB.Sc. in Computer Science\n\nSkills\nRust, Go, PostgreSQL\n\nReferences\nJohn Roe, john@roe.org, +49 30 999999\n";
        let r = parse_text(text, &[]);
        assert_eq!(r.basics.name.as_deref(), Some("Jane Doe"));
        assert_eq!(r.basics.label.as_deref(), Some("Senior Backend Engineer"));
        assert_eq!(r.basics.email.as_deref(), Some("jane@doe.dev"));
        assert_eq!(r.basics.phone.as_deref(), Some("+49 170 1234567"));
        assert_eq!(
            (
                r.basics.location.city.as_deref(),
                r.basics.location.country_code.as_deref()
            ),
            (Some("Berlin"), Some("DE"))
        );
        assert_eq!(
            r.basics.profiles[0].url.as_deref(),
            Some("https://github.com/janedoe")
        );
        assert_eq!(r.work[0].name.as_deref(), Some("Acme GmbH"));
        assert_eq!(r.work[0].position.as_deref(), Some("Staff Engineer"));
        assert_eq!(
            r.education[0].institution.as_deref(),
            Some("Technische Universität Berlin")
        );
        assert_eq!(r.top_skills(5), vec!["Rust", "Go", "PostgreSQL"]);
        assert_eq!(
            r.meta.sections,
            vec!["Experience", "Education", "Skills", "References"]
        );
    }

    #[test]
    fn referees_contacts_are_not_the_candidates() {
        let text = "Jane Doe\n\nExperience\nDid things 2019 - 2020\n\nReferences\nJohn Roe, john@roe.org\n";
        let r = parse_text(text, &[]);
        assert_eq!(r.basics.email, None);
    }

    #[test]
    fn job_portal_profile_key_skills_line_till_date_and_long_degree_bullets() {
        // The shape of a Naukri export: no skills section, "Till Date", "X as Title" headers
        // with spaced dashes, and long bulleted degree lines.
        let text = "Devendra Naik\nd.naik@example.in\n\n\u{2022}\tKey Skills: HR Manager,Talent Acquisition,Payroll Management\n\nWork Experience\n\u{2022}\t \nABBOTT INDIA LTD, as HR Manager\nFeb 2014 to Till Date\nMoved from Plant role to BHR role at Mumbai head office.\n\u{2022}\t \nPutzmeister Concrete Machines Pvt. Ltd. as Manager - HR & Admin\nFeb 2008 to Feb 2014\nResponsible for Manpower Planning.\n\nEducational Background\n\u{2022}\tPG: PG Diploma (Labour Laws and Labour Welfare) from Kare Law College, Margao in 2007\n\u{2022}\tOther Qualifications/Certifications/Programs:\nDiploma in Computer Application\n";
        let r = parse_text(text, &[]);
        assert_eq!(
            r.top_skills(5),
            vec!["HR Manager", "Talent Acquisition", "Payroll Management"]
        );
        assert_eq!(r.work[0].end_date, None, "Till Date is the present");
        assert_eq!(
            r.work[1].name.as_deref(),
            Some("Putzmeister Concrete Machines Pvt. Ltd.")
        );
        assert_eq!(
            r.education[0].institution.as_deref(),
            Some("Kare Law College, Margao")
        );
        assert_eq!(r.education[0].end_date.as_deref(), Some("2007"));
        assert_eq!(
            r.education[1].institution, None,
            "a list introduction is not a school"
        );
    }

    #[test]
    fn a_programme_names_the_employer_and_the_parenthesis_the_role() {
        let text = "Amna Imtiaz\namna@example.com\n\nWork History\nExcelerate Virtual Internship (Project Management Intern)\nJune 2025 - July 2025 | Remote\nWorked as project lead.\n";
        let r = parse_text(text, &[]);
        assert_eq!(
            r.work[0].name.as_deref(),
            Some("Excelerate Virtual Internship")
        );
        assert_eq!(
            r.work[0].position.as_deref(),
            Some("Project Management Intern")
        );
    }

    #[test]
    fn a_second_personal_site_in_the_header_was_dropped() {
        let text = "Dev Das\ndevdas.com| fb.co/dd\ndev@example.com\n\nExperience\nEngineer\nAcme\t2019 - 2020\n";
        let r = parse_text(text, &[]);
        assert_eq!(r.basics.url.as_deref(), Some("https://devdas.com"));
        assert_eq!(r.basics.profiles.len(), 1);
        assert_eq!(r.basics.profiles[0].network, "fb.co");
        assert_eq!(
            r.basics.profiles[0].url.as_deref(),
            Some("https://fb.co/dd")
        );
    }

    #[test]
    fn personal_details_were_read_as_skills_or_hid_the_name() {
        // A Lebenslauf opens with them: the name and address are inside.
        let text = "Lebenslauf\n\nPersönliche Daten\nName: Katharina Weber\nAnschrift: Lindenstraße 12, 50674 Köln\nGeburtsdatum: 14.03.1990\n\nBerufserfahrung\n09/2018 – heute\tSoftwareentwicklerin, SAP SE, Walldorf\n\nKenntnisse\nJava, Kotlin\n";
        let r = parse_text(text, &[]);
        assert_eq!(r.basics.name.as_deref(), Some("Katharina Weber"));
        assert_eq!(r.basics.location.city.as_deref(), Some("Köln"));
        assert_eq!(r.top_skills(5), vec!["Java", "Kotlin"]);
        // An Indian CV ends with them and a declaration: none of it is a skill.
        let text = "RAHUL SHARMA\nrahul@example.com\n\nTECHNICAL SKILLS\nJava, C++\n\nPERSONAL DETAILS\nFather's Name: Mr. Suresh Sharma\nDate of Birth: 12/05/1997\n\nDECLARATION\nI hereby declare that the above is true.\nPlace: Noida\n";
        let r = parse_text(text, &[]);
        assert_eq!(r.top_skills(5), vec!["Java", "C++"]);
        assert_eq!(r.basics.name.as_deref(), Some("RAHUL SHARMA"));
    }

    #[test]
    fn columns_aligned_with_spaces_and_a_headline_shaped_like_a_place() {
        let text = "Kevin Nguyen\nRegistered Nurse, BSN\nkevin@example.com\nSeattle, WA 98101\n\nWORK HISTORY\n\nAmazon Web Services                 Seattle, WA\nSoftware Development Engineer II    Aug 2019 - Present\n\nEDUCATION\nUniversity of Washington            Seattle, WA\nBachelor of Science, Computer Science      2015 - 2019\nGPA: 3.82\n";
        let r = parse_text(text, &[]);
        assert_eq!(r.basics.label.as_deref(), Some("Registered Nurse, BSN"));
        assert_eq!(
            r.basics.location.one_line().as_deref(),
            Some("Seattle, WA 98101")
        );
        let job = &r.work[0];
        assert_eq!(
            (job.name.as_deref(), job.location.as_deref()),
            (Some("Amazon Web Services"), Some("Seattle, WA"))
        );
        let school = &r.education[0];
        assert_eq!(
            (school.institution.as_deref(), school.score.as_deref()),
            (Some("University of Washington"), Some("3.82"))
        );
    }

    #[test]
    fn a_europass_table_read_row_by_row() {
        let text = "CONTACT Giulia Rossi\nMarketing Manager\nMilano (Italy)\n+39 02 1234567\ngiulia@example.it\nEXPÉRIENCE\nPROFESSIONNELLE\n03/2019 – Present\tMarketing Manager\nLuxottica Group S.p.A., Milano (Italy)\n• Led campaigns\nCOMPÉTENCES Rust, Figma, SQL\nLANGUES\tAnglais C1, Italien\n";
        let r = parse_text(text, &[]);
        assert_eq!(r.basics.name.as_deref(), Some("Giulia Rossi"));
        assert_eq!(r.basics.label.as_deref(), Some("Marketing Manager"));
        assert_eq!(
            r.meta.sections,
            vec![
                "CONTACT",
                "EXPÉRIENCE PROFESSIONNELLE",
                "COMPÉTENCES",
                "LANGUES"
            ]
        );
        let job = &r.work[0];
        assert_eq!(
            (job.name.as_deref(), job.location.as_deref()),
            (Some("Luxottica Group S.p.A."), Some("Milano (Italy)"))
        );
        assert_eq!(r.top_skills(5), vec!["Rust", "Figma", "SQL"]);
        assert_eq!(r.languages[0].fluency.as_deref(), Some("C1"));
    }

    #[test]
    fn a_linkedin_export_sidebar_first() {
        let text = include_str!("../../engine/tests/fixtures/linkedin-export.txt");
        let r = parse_text(text, &[]);
        assert_eq!(r.basics.name.as_deref(), Some("Priya Nair"));
        assert_eq!(
            r.basics.label.as_deref(),
            Some("Senior Product Manager at Flipkart")
        );
        assert_eq!(
            r.basics.location.one_line().as_deref(),
            Some("Bengaluru, Karnataka, India")
        );
        let jobs: Vec<_> = r
            .work
            .iter()
            .map(|w| {
                (
                    w.name.as_deref(),
                    w.position.as_deref(),
                    w.start_date.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            jobs,
            vec![
                (
                    Some("Flipkart"),
                    Some("Senior Product Manager"),
                    Some("2021-01")
                ),
                (Some("Flipkart"), Some("Product Manager"), Some("2019-04")),
                (
                    Some("Swiggy"),
                    Some("Associate Product Manager"),
                    Some("2016-06")
                ),
            ]
        );
        assert_eq!(
            r.work[0].highlights,
            vec!["Led the checkout experience team."]
        );
        let schools: Vec<_> = r
            .education
            .iter()
            .map(|e| {
                (
                    e.study_type.as_deref(),
                    e.area.as_deref(),
                    e.end_date.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            schools,
            vec![
                (
                    Some("Master of Business Administration"),
                    Some("Marketing"),
                    Some("2016")
                ),
                (
                    Some("Bachelor of Technology"),
                    Some("Computer Science"),
                    Some("2014")
                ),
            ]
        );
        assert_eq!(
            r.top_skills(3),
            vec![
                "Product Strategy",
                "Stakeholder Management",
                "Agile Methodologies"
            ]
        );
        assert_eq!(
            r.languages[1].fluency.as_deref(),
            Some("Native or Bilingual")
        );
    }

    #[test]
    fn a_place_on_the_names_line_and_letters_after_the_name() {
        let r = parse_text(
            "JOHN SMITH • john@x.com • (555) 123-4567 • Boston, MA\n\nEXPERIENCE\nEngineer, Acme Inc.\t2019 – 2021\n",
            &[],
        );
        assert_eq!(r.basics.name.as_deref(), Some("JOHN SMITH"));
        assert_eq!(r.basics.location.city.as_deref(), Some("Boston"));
        let r = parse_text(
            "John A. Smith, PhD\nSoftware Engineer | Boston, MA | john@x.com\n\nEXPERIENCE\nIngeniera, Indra\t2019 – 2021\n",
            &[],
        );
        assert_eq!(r.basics.name.as_deref(), Some("John A. Smith"));
        assert_eq!(r.basics.label.as_deref(), Some("Software Engineer"));
        assert_eq!(r.basics.location.region.as_deref(), Some("MA"));
        assert_eq!(r.work[0].name.as_deref(), Some("Indra"));
    }

    #[test]
    fn a_headline_under_contacts_set_beside_the_name() {
        let text = "Berlin, Germany\n+49 30 7503321\nAiko Tanaka\n+49 30 5161751\nProjektleiterin\taiko@example.com\n\nBERUFSERFAHRUNG\nEntwicklerin — Acme GmbH\tFeb. 2021 – heute\n";
        let r = parse_text(text, &[]);
        assert_eq!(r.basics.name.as_deref(), Some("Aiko Tanaka"));
        assert_eq!(r.basics.label.as_deref(), Some("Projektleiterin"));
    }

    #[test]
    fn profiles_found_by_url_lost_their_username() {
        let text = "Jane Doe\njane@doe.dev\ngithub.com/janedoe | https://x.com/@jane_d | linkedin.com/in/jane-doe-42/\n\nExperience\nEngineer\nAcme\t2019 - 2020\n";
        let r = parse_text(text, &[]);
        let profiles: Vec<(&str, Option<&str>, Option<&str>)> = r
            .basics
            .profiles
            .iter()
            .map(|p| (p.network.as_str(), p.username.as_deref(), p.url.as_deref()))
            .collect();
        assert_eq!(
            profiles,
            vec![
                (
                    "GitHub",
                    Some("janedoe"),
                    Some("https://github.com/janedoe")
                ),
                ("X", Some("jane_d"), Some("https://x.com/@jane_d")),
                (
                    "LinkedIn",
                    Some("jane-doe-42"),
                    Some("https://linkedin.com/in/jane-doe-42/")
                ),
            ]
        );
    }

    #[test]
    fn a_portfolio_printed_as_a_link_word_is_the_personal_site() {
        let text = "Abid Khan\nabid@example.com\nVasai\tPortfolio\nLinkedin\tGitHub\n\nExperience\nIntern\nAcme\t2024 - 2025\n";
        let targets = [
            "https://mailto:abid@example.com/".to_owned(),
            "https://www.linkedin.com/in/abid/".to_owned(),
            "https://abid-folio.example.app/".to_owned(),
            "https://github.com/abid".to_owned(),
        ];
        let r = parse_text(text, &targets);
        assert_eq!(
            r.basics.url.as_deref(),
            Some("https://abid-folio.example.app/")
        );
        assert_eq!(r.basics.profiles.len(), 2);
        // Without the word, a link target is no personal site.
        let r = parse_text(&text.replace("Portfolio", "Pune"), &targets);
        assert_eq!(r.basics.url, None);
    }

    #[test]
    fn a_sidebar_that_begins_with_the_place_gives_the_location() {
        let text = "Jeanne Martin\njeanne@example.fr\n\nExpérience professionnelle\nIngénieure\nOrange\t2020 - 2022\n\u{1e}\nLyon, France\tjmartin\n\nCompétences\nRust, Python\n";
        let r = parse_text(text, &[]);
        assert_eq!(
            r.basics.location.one_line().as_deref(),
            Some("Lyon, France")
        );
        assert_eq!(r.top_skills(3), vec!["Rust", "Python"]);
        assert!(!r.meta.sections.iter().any(|s| s.contains('\u{1e}')));
    }

    #[test]
    fn without_a_place_in_the_contacts_the_current_jobs_place_is_the_location() {
        let text = "Marissa Mayer\nmm@example.com\tAddress, Street, 00000 County\n\nExperience\nPresident & CEO\nYahoo!\nJuly 2012 – Ongoing\tSunnyvale, CA\n• Led things\n\nVice President\nGoogle\nOct 2010 – July 2012\tPalo Alto, CA\n";
        let r = parse_text(text, &[]);
        assert_eq!(
            r.basics.location.one_line().as_deref(),
            Some("Sunnyvale, CA")
        );
        assert!(r
            .meta
            .warnings
            .contains(&"location taken from the current job".to_owned()));
    }

    /// "Dr. Jane Doe, PhD" over her e-mail gave the place "PhD"; "Curriculum Vitae" over the
    /// contacts gave "Curriculum Vitae": only whole lines of a contact list are places, and
    /// not a person's or a document's words.
    #[test]
    fn credentials_and_curriculum_vitae_beside_contacts_are_no_place() {
        for text in [
            "Dr. Jane Doe, PhD\njane@example.com\n+1 555 123 4567\n\nExperience\nAcme\n",
            "Jane Doe, MBA\njane@example.com\n\nSkills\nFigma\n",
            "Curriculum Vitae\nJane Doe\njane@example.com\n\nExperience\nAcme\n",
        ] {
            let r = parse_text(text, &[]);
            assert_eq!(r.basics.location.one_line(), None, "{text}");
        }
        let listed = "MARIA LOPEZ\n• +63 917 000 1234\n• maria@example.com\n• Talisay Cebu\n";
        assert_eq!(
            parse_text(listed, &[])
                .basics
                .location
                .one_line()
                .as_deref(),
            Some("Talisay Cebu")
        );
    }
}
