//! The header block: name, headline and location.

use super::clean::fold;
use super::sections::heading;
use super::vocabulary::is_title;
use crate::lexicon::names::CONTACT_WORDS;
use crate::lexicon::names::CREDENTIALS;
use crate::lexicon::names::HONORIFICS;
use crate::lexicon::names::NOT_NAME_WORDS;
use crate::lexicon::names::PLACEHOLDER_WORDS;
use crate::lexicon::places::{STREET_SUFFIXES, STREET_WORDS};
use regex::Regex;
use std::sync::LazyLock;

static NAME_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    // Europass labels both parts at once ("First name(s) / Surname(s)<tab>Paolo Ferri").
    Regex::new(r"(?i)^(name|naam|voornaam|achternaam|nom|nombre|nome|cognome|vorname|prenom|prénom|first name|given name|last name|family name|surname|nachname|familienname|apellidos?|sobrenome|(?:first name\(s\)|surname\(s\)|vorname\(n\)|nachname\(n\)|pr[ée]nom\(s\)|nom\(s\)|nombre\(s\)|apellido\(s\)|nome\(i\)|cognome\(i\)|nome\(s\)|apelido\(s\))\s*/\s*(?:first name\(s\)|surname\(s\)|vorname\(n\)|nachname\(n\)|pr[ée]nom\(s\)|nom\(s\)|nombre\(s\)|apellido\(s\)|nome\(i\)|cognome\(i\)|nome\(s\)|apelido\(s\)))\s*[:\t]\s*(.+)$")
        .expect("valid regex")
});
static CITY_DASH_STATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{L}'.]+(?: \p{L}[\p{L}'.]*){0,3} [-–] [A-Z]{2}(?:,\s*\p{Lu}\p{L}+)?$")
        .expect("valid regex")
});
static LOCATION_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:current |present )?(?:address|location|adresse|adres|anschrift|wohnort|woonplaats|ort|domicile|domicilio|direcci[oó]n|ubicaci[oó]n|endere[cç]o|morada|localiza[cç][aã]o|indirizzo|residenza|residence|city|citt[aà]|ville|ciudad|cidade|stadt)\s*:\s*(.+)$")
        .expect("valid regex")
});
static CITY_REGION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{4,5}\s+)?\p{Lu}[\p{L}'.\-]+(?:[ \-]\p{L}[\p{L}'.\-]*){0,3}(?:,\s*\p{Lu}[\p{L}'.\-]*(?:\s+\p{L}[\p{L}'.\-]*){0,3}){1,2}(?:\s+\d{4,5})?$")
        .expect("valid regex")
});
/// "London, NW1 6XE": a town and a British postcode.
static TOWN_AND_BRITISH_POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{L}'.\- ]+,\s*[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}$").expect("valid regex")
});
// Not a date's year ("03/07/1991 Nacionalidad"): the code stands at the start or after a
// space, a comma or a bracket.
static POSTAL_CITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s,(])\d{4,5}(?:-\d{3})?\s+\p{Lu}[\p{L}\-]+(?:\s+\p{Lu}[\p{L}\-]+)?\b")
        .expect("valid regex")
});

/// Separators between items on a contact line.
pub(crate) fn segments(line: &str) -> impl Iterator<Item = &str> {
    line.split(['|', '•', '·', '\t', '◆', '♦', '⋄', '∙', '▪', '‖'])
        .flat_map(|s| s.split(" - "))
        .flat_map(|s| s.split(" – "))
        .flat_map(|s| s.split(" — "))
        // Leading icons and emoji ("🏠 Lahore") are decoration, not content.
        .map(|s| {
            s.trim()
                .trim_start_matches(|c: char| !c.is_alphanumeric() && !"+(@".contains(c))
                .trim()
        })
        .filter(|s| !s.is_empty())
}

fn looks_like_name(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > 40 || heading(line).is_some() {
        return false;
    }
    if line
        .chars()
        .any(|c| c.is_ascii_digit() || "@/:|,()".contains(c))
    {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if !(1..=5).contains(&words.len()) {
        return false;
    }
    let folded = fold(line);
    if folded
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| NOT_NAME_WORDS.contains(&w))
    {
        return false;
    }
    words.iter().all(|w| {
        let first = w.chars().next().unwrap_or(' ');
        (first.is_uppercase() || w.chars().all(|c| c.is_lowercase()) && words.len() > 1)
            && w.chars().all(|c| c.is_alphabetic() || "-'.’".contains(c))
    })
}

/// "John A. Smith, PhD", "SUSAN LEE, CPA": the name without the letters after it.
fn without_credentials(seg: &str) -> &str {
    match seg.split_once(", ") {
        Some((name, letters))
            if name.split_whitespace().count() >= 2 && are_credentials(letters) =>
        {
            name
        }
        _ => seg,
    }
}

/// "Dr. med. Anna Keller" → "Anna Keller", "Dipl.-Ing. Jonas Weber" → "Jonas Weber": titles
/// before a name are not the name (dotted, but for "Dr", "Prof", "Mr", "Ms", "Mrs", "Mx").
fn without_honorifics(seg: &str) -> &str {
    let mut rest = seg.trim_start();
    while let Some((first, after)) = rest.split_once(' ') {
        let bare = fold(&first.replace('.', ""));
        let dot_optional = matches!(bare.as_str(), "dr" | "prof" | "mr" | "ms" | "mrs" | "mx");
        if !(HONORIFICS.contains(&bare.as_str()) && (first.ends_with('.') || dot_optional)) {
            break;
        }
        rest = after.trim_start();
    }
    rest
}

/// "Curriculum Vitae de Ana Lima", "Resume of John Smith", "CV – Jonas Weber": the
/// document's title before the name.
fn without_document_title(seg: &str) -> &str {
    static DOCUMENT_TITLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:curriculum\s+vitae|r[ée]sum[ée]|lebenslauf|cv)\b\s*(?:(?:of|de|du|von|di|do|da)\b|[:\-–—])?\s*")
            .expect("valid regex")
    });
    DOCUMENT_TITLE.find(seg).map_or(seg, |m| &seg[m.end()..])
}

/// "29 años", "35 Jahre", "41 years old": an age printed after the name.
static AGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\d{2}\s*(?:years?(?:\s+old)?|yrs|años|anos|ans|jahre|anni|jaar)$")
        .expect("valid regex")
});

/// "Jane Doe, Product Designer", "Lucía Pérez, 29 años": what follows a name after a comma,
/// when it is a title or an age, is not the name.
fn without_title_or_age_after_comma(seg: &str) -> &str {
    match seg.split_once(", ") {
        Some((name, rest))
            if name.split_whitespace().count() >= 2
                && (AGE.is_match(rest.trim()) || super::vocabulary::is_title(rest)) =>
        {
            name
        }
        _ => seg,
    }
}

/// "Priya Natarajan (she/her)": the pronouns after a name are not the name.
fn without_pronouns(seg: &str) -> &str {
    static PRONOUNS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\s*[(\[]?\b(?:she|he|they|ze|xe)\s*/\s*(?:her|him|them|hers|his|theirs|zir|xem)(?:\s*/\s*\w+)?\b[)\]]?\s*$")
            .expect("valid regex")
    });
    PRONOUNS.find(seg).map_or(seg, |m| &seg[..m.start()])
}

/// "PhD", "CPA, CFA": one to three of [`CREDENTIALS`] and nothing else.
fn are_credentials(letters: &str) -> bool {
    let tokens: Vec<&str> = letters
        .split([',', ' '])
        .filter(|t| !t.is_empty())
        .collect();
    let credential = |t: &&str| {
        let bare: String = t.chars().filter(|c| *c != '.').collect();
        CREDENTIALS.contains(&bare.to_lowercase().as_str())
    };
    (1..=3).contains(&tokens.len()) && tokens.iter().all(credential)
}

/// "PERSONAL INFORMATION Giulia Rossi": a Europass CV's row label set before the name.
fn without_heading_label(seg: &str) -> &str {
    let words: Vec<&str> = seg.split_whitespace().collect();
    for k in (1..=3.min(words.len().saturating_sub(2))).rev() {
        let label = words[..k].join(" ");
        if label.chars().all(|c| !c.is_lowercase()) && heading(&label).is_some() {
            let at = seg.find(words[k]).unwrap_or(0);
            return &seg[at..];
        }
    }
    seg
}

/// "Nom", "Nachname", "Surname": the label of a family name.
fn is_family_label(label: &str) -> bool {
    matches!(
        fold(label).as_str(),
        "nom"
            | "nachname"
            | "familienname"
            | "last name"
            | "family name"
            | "surname"
            | "apellido"
            | "apellidos"
            | "sobrenome"
            | "achternaam"
            | "cognome"
    )
}

/// The candidate's name from the first lines of the document.
pub(crate) fn name(lines: &[&str]) -> Option<(usize, String)> {
    for (i, line) in lines.iter().enumerate() {
        if let Some(c) = NAME_LABEL.captures(line) {
            let value = c[2].trim();
            // "Prénom : Jean" and "Nom : Dupont", in either order: given name first.
            if let Some(next) = lines.get(i + 1).and_then(|l| NAME_LABEL.captures(l)) {
                let family_first = is_family_label(&c[1]) && !is_family_label(&next[1]);
                let next_value = next[2].trim();
                let full = if family_first {
                    format!("{next_value} {value}")
                } else {
                    format!("{value} {next_value}")
                };
                return Some((i + 1, full));
            }
            return Some((i, value.to_owned()));
        }
    }
    let limit = lines.len().min(12);
    for i in 0..limit {
        let line = lines[i];
        // A heading opening the page ("PRESENTACIÓN", "PROFILE") stands over the name; any
        // later one ends the header.
        if heading(line).is_some() {
            if i == 0 {
                continue;
            }
            break;
        }
        for seg in segments(line).take(1) {
            if let Some(name) = family_name_first(seg) {
                return Some((i, name));
            }
            let seg = without_honorifics(without_pronouns(without_title_or_age_after_comma(
                without_credentials(without_document_title(without_heading_label(seg))),
            )));
            if looks_like_name(seg) {
                let words = seg.split_whitespace().count();
                // A first name and a surname set on two lines.
                // "lars@…" / "Kiel" / "Lars Petersen": a town the contacts end on is no given
                // name ("Victoria" / "Beckham" at the top still is).
                let after_contacts = i > 0 && super::contacts::any_in(lines[i - 1]);
                if words == 1 && after_contacts && super::location::is_bare_town(seg) {
                    continue;
                }
                if words == 1 {
                    if let Some(next) = lines.get(i + 1).filter(|n| looks_like_name(n)) {
                        let next_words = next.split_whitespace().count();
                        // "Carmen" / "Vidal" / "Ortega": a narrow sidebar wraps each word.
                        let third = lines.get(i + 2).map(|t| t.trim()).filter(|t| {
                            next_words == 1
                                && t.split_whitespace().count() == 1
                                && looks_like_name(t)
                                && !is_title(t)
                                && location_in(t).is_none()
                                && !super::location::is_bare_town(t)
                        });
                        if let Some(third) = third {
                            return Some((i + 2, format!("{seg} {} {third}", next.trim())));
                        }
                        if next_words <= 2 {
                            return Some((i + 1, format!("{seg} {}", next.trim())));
                        }
                    }
                    continue;
                }
                // "Lucía Fernández" / "Ortega" / "Ingeniera de datos": a second family name
                // wrapped onto its own line, above the headline.
                if words == 2 {
                    let wrapped = lines.get(i + 1).map(|n| n.trim()).filter(|n| {
                        n.split_whitespace().count() == 1 && looks_like_name(n) && !is_title(n)
                    });
                    let headline_next = lines.get(i + 2).is_some_and(|h| is_title(h));
                    if let Some(rest) = wrapped.filter(|_| headline_next) {
                        return Some((i + 1, format!("{seg} {rest}")));
                    }
                    // "MARÍA JOSÉ" / "GARCÍA LÓPEZ": given names and family names set in
                    // capitals on two lines, as designer templates do.
                    if let Some(rest) = lines
                        .get(i + 1)
                        .map(|n| n.trim())
                        .filter(|n| family_names_in_capitals_under(seg, n))
                    {
                        return Some((i + 1, format!("{seg} {rest}")));
                    }
                }
                return Some((i, seg.to_owned()));
            }
            if let Some(name) = name_before_headline(seg) {
                return Some((i, name));
            }
        }
    }
    None
}

/// Whether `next`, under the two given names `given` in capitals, is the family names in
/// capitals too: two words that read as a name and are no title, town or place.
fn family_names_in_capitals_under(given: &str, next: &str) -> bool {
    let in_capitals =
        |s: &str| s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase);
    in_capitals(given)
        && in_capitals(next)
        && next.split_whitespace().count() == 2
        && looks_like_name(next)
        && !is_title(next)
        && location_in(next).is_none()
        && !super::location::is_bare_town(next)
}

/// The lines from three above the first line that prints `email` (or from the heading
/// nearest above it, "Contact") to the one under it.
pub(crate) fn lines_around<'a>(lines: &[&'a str], email: &str) -> Vec<&'a str> {
    let Some(at) = lines.iter().position(|l| l.contains(email)) else {
        return Vec::new();
    };
    let window = &lines[at.saturating_sub(3)..(at + 2).min(lines.len())];
    let after_heading = window
        .iter()
        .rposition(|l| heading(l).is_some())
        .map_or(0, |h| h + 1);
    window[after_heading..].to_vec()
}

/// Whether a word of `name` (three letters or more, accents folded) is in the e-mail
/// address's local part ("Omar Haddad" and omar.haddad@…, "Hans Müller" and hmuller@…).
pub(crate) fn agrees_with_email(name: &str, email: &str) -> bool {
    let local = fold(email.split('@').next().unwrap_or(""));
    fold(name)
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 3)
        .any(|w| local.contains(w))
}

/// "MÜLLER, Anna", "GARCÍA LÓPEZ, María" → "Anna MÜLLER": the family name in capitals, a
/// comma, then the given names, as French, German and Spanish forms print them. Not a place
/// ("BERLIN, Germany") nor a title.
fn family_name_first(segment: &str) -> Option<String> {
    let (family, given) = segment.split_once(", ")?;
    let (family, given) = (family.trim(), given.trim());
    let words = |s: &str| s.split_whitespace().count();
    let in_capitals =
        family.chars().any(char::is_alphabetic) && !family.chars().any(char::is_lowercase);
    // "BERLIN, Germany", "LYON, Rhône": a town before its country or region.
    let given_place = super::location::split_place(given);
    let named = (1..=3).contains(&words(family))
        && (1..=3).contains(&words(given))
        && in_capitals
        && given.chars().any(char::is_lowercase)
        && looks_like_name(family)
        && looks_like_name(given)
        && !is_title(family)
        && !is_title(given)
        // (Given names are often towns too: "Anna", "Florence", "Santiago".)
        && !super::location::is_bare_town(family)
        && given_place.country_code.is_none()
        && given_place.region.is_none();
    named.then(|| format!("{given} {family}"))
}

/// "ABID KHAN Frontend Developer": a name and a headline set on one line. The name is the
/// longest leading run that reads as a name while the rest reads as a title; where the name is
/// in capitals and the title is not, the change of case decides.
fn name_before_headline(segment: &str) -> Option<String> {
    let words: Vec<&str> = segment.split_whitespace().collect();
    let is_caps = |ws: &[&str]| {
        ws.iter().all(|w| {
            w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
        })
    };
    let candidates: Vec<usize> = (2..words.len().min(5))
        .filter(|&k| {
            let rest = fold(&words[k..].join(" "));
            looks_like_name(&words[..k].join(" "))
                && rest
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| NOT_NAME_WORDS.contains(&w))
        })
        .collect();
    let k = candidates
        .iter()
        .copied()
        .find(|&k| is_caps(&words[..k]) && !is_caps(&words[k..]))
        .or(candidates.last().copied())?;
    Some(words[..k].join(" "))
}

/// The headline printed after the name on the name's own line, if any.
pub(crate) fn inline_headline(line: &str, name: &str) -> Option<String> {
    let first = segments(line).next()?;
    let rest = without_pronouns(first.strip_prefix(name)?.trim());
    // "Jane Doe, Product Designer": the comma is no part of the headline.
    let rest = rest.strip_prefix(", ").unwrap_or(rest).trim();
    if AGE.is_match(rest) {
        return None;
    }
    // "John A. Smith, PhD": letters after a name are no headline.
    let credentials_only = are_credentials(rest);
    (!rest.is_empty() && !credentials_only).then(|| rest.to_owned())
}

/// A headline right after the name: a short line that is not a contact or a heading.
pub(crate) fn headline(lines: &[&str], name_line: usize) -> Option<String> {
    let mut contacts_between = false;
    let mut previous: &str = "";
    for line in lines.iter().skip(name_line + 1).take(3) {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        // "linkedin.com/in/ana-" / "souza-1a2b3c": the tail of a web address a narrow column
        // wrapped.
        let link_tail = previous.ends_with(['-', '/', '_'])
            && (previous.contains("://")
                || previous.contains(".com/")
                || previous.contains("www."))
            && !line.contains(char::is_whitespace);
        previous = line;
        if link_tail {
            contacts_between = true;
            continue;
        }
        // A header that sets its contacts beside the name ("Aiko Tanaka" / "+49 30 516" /
        // "Projektleiterin<tab>aiko@example.com"): the headline is the first cell of the
        // first line that is not only contacts.
        let first = segments(line).next().unwrap_or(line);
        // "E-Mail" / "tom@example.com": a contact's label on its own line is a contact too.
        if is_contact_item(first) || is_contact_label(first) {
            contacts_between = true;
            continue;
        }
        // "Indirizzo<tab>Via Verdi 3, Torino": the old Europass's address row, no headline.
        if LOCATION_LABEL.is_match(&line.replacen('\t', ": ", 1)) {
            return None;
        }
        // "Software Engineer | Boston, MA | john@x.com": the first cell.
        let line = if contacts_between || line.contains(['\t', '|', '•', '·']) {
            first
        } else {
            line
        };
        if contacts_between && line.split_whitespace().count() > 6 {
            return None;
        }
        if heading(line).is_some()
            || line.contains('@')
            || line.chars().filter(char::is_ascii_digit).count() > 3
            || line.to_ascii_lowercase().contains("www.")
            || line.to_ascii_lowercase().contains("http")
            || line.split_whitespace().count() > 12
            || location_in(line).is_some()
            || is_labelled_field(line)
            // "Curitiba - PR | (41) 9…", "Amsterdam", "Musterstraße 12": the contacts' place.
            || is_street_address(line)
            || super::location::is_bare_town(line)
        {
            return None;
        }
        return Some(line.trim_matches(['|', '-', ' ']).to_owned()).filter(|s| s.len() > 2);
    }
    None
}

/// "Adresse: Rheinallee 7," / "50667 Köln": a place ending in a comma goes on with the next
/// line when that is a postal code and town or a town.
/// A place that names no country goes on with a country alone on the next line ("London,
/// NW1 6XE" / "United Kingdom"). A street with no town goes on with the town labelled on the
/// next line ("Adres: Dorpsstraat 5" / "Woonplaats: 5611 AB Eindhoven").
pub(crate) fn with_wrapped_tail(place: String, next: Option<&&str>) -> String {
    let Some(tail) = next.map(|n| n.trim()) else {
        return place;
    };
    let place = if place.ends_with(',')
        && (POSTAL_CITY.is_match(tail) || super::location::is_bare_town(tail))
    {
        format!("{place} {tail}")
    } else if super::location::split_place(&place).country_code.is_none() && is_country_alone(tail)
    {
        format!("{place}, {tail}")
    } else {
        place
    };
    match labelled_town(tail) {
        Some(town) if super::location::split_place(&place).city.is_none() => {
            format!("{place}, {town}")
        }
        _ => place,
    }
}

/// "Woonplaats: 5611 AB Eindhoven", "Ort: Köln": the place after a label, when it names a town.
fn labelled_town(line: &str) -> Option<String> {
    let place = LOCATION_LABEL.captures(line.trim())?[1].trim().to_owned();
    super::location::split_place(&place)
        .city
        .is_some()
        .then_some(place)
}

/// "United Kingdom", "España": a line that is a country's name and nothing else.
fn is_country_alone(line: &str) -> bool {
    let parts = super::location::split_place(line);
    parts.country_code.is_some()
        && parts.city.is_none()
        && parts.address.is_none()
        && parts.region.is_none()
}

/// "Via Garibaldi 8, 40121" / "Bologna": a street and postal code whose town a narrow
/// column wrapped onto the next line get it back.
fn with_town_wrapped_under(place: &str, next: Option<&&str>) -> String {
    let parts = super::location::split_place(place);
    match next.map(|n| n.trim()) {
        Some(town)
            if parts.city.is_none()
                && parts.postal_code.is_some()
                && super::location::is_bare_town(town) =>
        {
            format!("{place} {town}")
        }
        _ => place.to_owned(),
    }
}

/// "Musterstraße 12", "Calle Mayor 5", "12 rue des Lilas": a street and a house number.
fn is_street_address(line: &str) -> bool {
    let folded = fold(line);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .filter(|w| !w.is_empty())
        .collect();
    let numbered = words
        .iter()
        .any(|w| w.len() <= 5 && w.starts_with(|c: char| c.is_ascii_digit()));
    let street = words.iter().any(|w| {
        STREET_WORDS.contains(w)
            || STREET_SUFFIXES
                .iter()
                .any(|s| w.len() > s.len() && w.ends_with(s))
    });
    numbered && street
}

/// "Teléfono", "E-mail:", "Cel.": a contact's label alone on its line.
pub(crate) fn is_contact_label(line: &str) -> bool {
    let label = fold(line.trim().trim_end_matches([':', '.', ' ']));
    CONTACT_WORDS.contains(&label.as_str())
}

/// An e-mail address, a web address or a phone number, and nothing else.
fn is_contact_item(text: &str) -> bool {
    let text = text.trim();
    let whole = |found: Vec<String>| found.first().is_some_and(|f| f == text);
    whole(super::contacts::emails(text))
        || whole(super::contacts::phones(text))
        || whole(super::contacts::urls(text))
}

/// "Geburtsdatum: 14.03.1990", "Nationalité : française": a form field, not a headline.
fn is_labelled_field(line: &str) -> bool {
    static FIELD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[\p{L}'’ .]{2,24}\s?:\s").expect("valid regex"));
    FIELD.is_match(line)
}

/// A location found in one header line.
pub(crate) fn location_in(line: &str) -> Option<String> {
    if let Some(c) = LOCATION_LABEL.captures(line.trim()) {
        return Some(c[1].trim().to_owned()).filter(|place| !is_placeholder(place));
    }
    // "São Paulo - SP": Brazilian resumes join the state to the city with a dash.
    if let Some(place) = line
        .split(['|', '•', '·', '\t'])
        .map(str::trim)
        .find(|piece| CITY_DASH_STATE.is_match(piece))
    {
        return Some(place.to_owned());
    }
    for seg in segments(line) {
        if seg.contains('@') || seg.contains("www.") || seg.contains("://") || is_placeholder(seg) {
            continue;
        }
        // "Registered Nurse, BSN" has the form of "Austin, TX" but is a headline.
        let names_a_role = seg
            .split(',')
            .next()
            .is_some_and(super::vocabulary::is_title);
        if CITY_REGION.is_match(seg) && seg.split_whitespace().count() <= 8 && !names_a_role {
            return Some(seg.to_owned());
        }
        // "Hauptstr. 5, 10115 Berlin": keep the whole segment, it is an address.
        if POSTAL_CITY.is_match(seg) || TOWN_AND_BRITISH_POSTCODE.is_match(seg) {
            return Some(seg.to_owned());
        }
    }
    comma_separated_location(line)
}

/// "Address, Street, 00000 County": a template's sample address, not a place.
fn is_placeholder(segment: &str) -> bool {
    let folded = fold(segment);
    let mut words = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some()
        && words.all(|w| PLACEHOLDER_WORDS.contains(&w) || w.chars().all(|c| c == '0' || c == 'x'))
}

/// "Andover, MN, (763)-226-6497, a@b.com": contacts in one comma-separated line; the place is
/// the run of plain items before the first contact.
fn comma_separated_location(line: &str) -> Option<String> {
    let items: Vec<&str> = line.split(',').map(str::trim).collect();
    if items.len() < 3 {
        return None;
    }
    let is_contact = |s: &str| {
        s.contains('@')
            || s.contains("://")
            || s.contains("www.")
            || s.chars().filter(char::is_ascii_digit).count() >= 6
    };
    if !items.iter().any(|s| is_contact(s)) {
        return None;
    }
    let place: Vec<&str> = items
        .iter()
        .copied()
        .take_while(|s| !is_contact(s))
        .collect();
    let candidate = place.join(", ");
    (place.len() >= 2 && place.len() <= 4 && CITY_REGION.is_match(&candidate)).then_some(candidate)
}

/// A bare place name on a contact line ("Vasai"): capitalised, short, and not a link word.
pub(crate) fn bare_place(line: &str) -> Option<String> {
    let segs: Vec<&str> = segments(line).collect();
    let contact_like = segs
        .iter()
        .filter(|s| {
            s.contains('@')
                || s.chars().filter(char::is_ascii_digit).count() >= 6
                || CONTACT_WORDS.contains(&fold(s).as_str())
        })
        .count();
    if contact_like == 0 {
        return None;
    }
    segs.into_iter()
        .find(|s| {
            let words: Vec<&str> = s.split_whitespace().collect();
            // "Frankfurt am Main", "Rio de Janeiro": a town the gazetteer knows, whatever
            // the case of its small words.
            let known_town = words.len() <= 4 && super::location::is_bare_town(s);
            let capitalised = (1..=3).contains(&words.len())
                && words.iter().all(|w| {
                    w.starts_with(|c: char| c.is_uppercase())
                        && w.chars().all(|c| c.is_alphabetic() || c == '-')
                });
            (capitalised || known_town)
                && !CONTACT_WORDS.contains(&fold(s).as_str())
                // "Operations Manager | ethan@… | 0412 … | Melbourne VIC": the headline
                // shares the line.
                && !is_title(s)
        })
        .map(str::to_owned)
}

/// Most words of a place alone on a line of a contact list.
const LISTED_PLACE_WORDS: usize = 6;

/// A place alone on a line of a vertical contact list ("• Kabac Bantayan Cebu" between the
/// e-mail and the website): a line beside a contact that is itself no contact, made of a few
/// capitalised words and neither a heading nor a title. A line ending in a comma continues on
/// the next ("Calle Mayor 3," / "Sevilla.").
pub(crate) fn listed_place(lines: &[&str]) -> Option<String> {
    let filled: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    // Each line's contacts are looked for once: a phone number takes a parse.
    let contact: Vec<bool> = filled.iter().map(|l| super::contacts::any_in(l)).collect();
    (0..filled.len()).find_map(|i| {
        let beside_contact = (i > 0 && contact[i - 1]) || contact.get(i + 1) == Some(&true);
        if !beside_contact || contact[i] {
            return None;
        }
        let mut place = segments(filled[i]).collect::<Vec<_>>().join(" ");
        if place.ends_with(',') && contact.get(i + 1) == Some(&false) {
            let next = segments(filled[i + 1]).collect::<Vec<_>>().join(" ");
            place = format!("{place} {next}");
        } else if contact.get(i + 1) == Some(&false) {
            place = with_town_wrapped_under(&place, filled.get(i + 1));
        }
        let place = place.trim_end_matches([',', '.', ';']).to_owned();
        // Capitalised words, and house numbers among them ("Calle Mayor 5").
        let words: Vec<&str> = place
            .split_whitespace()
            .map(|w| w.trim_end_matches([',', '.']))
            .collect();
        let plain = (1..=LISTED_PLACE_WORDS).contains(&words.len())
            && words.iter().all(|w| {
                (w.starts_with(|c: char| c.is_uppercase())
                    && w.chars().all(|c| c.is_alphabetic() || c == '-'))
                    || (!w.is_empty() && w.chars().all(|c| c.is_ascii_digit()))
            })
            && words.iter().any(|w| w.starts_with(char::is_uppercase));
        // "Curriculum Vitae", "MBA": words of a document or a person, not of a place.
        let folded = fold(&place);
        let a_persons_word = folded
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .any(|w| NOT_NAME_WORDS.contains(&w) || CREDENTIALS.contains(&w));
        let named = plain
            && !a_persons_word
            && heading(&place).is_none()
            && !CONTACT_WORDS.contains(&folded.as_str())
            && (!super::vocabulary::is_title(&place)
                || super::vocabulary::has_any(&place, STREET_WORDS))
            && !is_placeholder(&place);
        named.then_some(place)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn street_addresses_in_four_languages() {
        for line in [
            "Musterstraße 12",
            "Lindenweg 5a",
            "Calle Mayor 3",
            "12 rue des Lilas",
            "Keizersgracht 100",
        ] {
            assert!(is_street_address(line), "{line}");
        }
        for line in ["Data Engineer", "Team Lead 2019", "Streetwise 2020"] {
            assert!(!is_street_address(line), "{line}");
        }
    }

    #[test]
    fn titles_and_pronouns_around_a_name_are_not_the_name() {
        for (line, name) in [
            ("Dr. med. Anna Keller", "Anna Keller"),
            ("Dipl.-Ing. Jonas Weber", "Jonas Weber"),
            ("Prof Dr Lena Vogel", "Lena Vogel"),
            ("Priya Natarajan (she/her)", "Priya Natarajan"),
            ("Sam Lee they/them", "Sam Lee"),
            ("Curriculum Vitae de Ana Lima", "Ana Lima"),
            ("Resume of John Smith", "John Smith"),
            ("Jane Doe, Product Designer", "Jane Doe"),
            ("Lucía Pérez, 29 años", "Lucía Pérez"),
        ] {
            assert_eq!(name_of(&[line]), Some(name.to_owned()), "{line}");
        }
        // A name that begins like a title keeps it when no dot says it is one, and one that
        // begins like a connector after "CV" keeps its letters.
        assert_eq!(name_of(&["Ing Li"]), Some("Ing Li".to_owned()));
        assert_eq!(
            name_of(&["CV Daniel Smith"]),
            Some("Daniel Smith".to_owned())
        );
    }

    fn name_of(lines: &[&str]) -> Option<String> {
        name(lines).map(|(_, n)| n)
    }

    #[test]
    fn names() {
        assert_eq!(
            name(&["JANE DOE", "Engineer"]).map(|n| n.1),
            Some("JANE DOE".into())
        );
        assert_eq!(
            name(&["Curriculum Vitae", "Jürgen Müller-Lüdenscheidt"]).map(|n| n.1),
            Some("Jürgen Müller-Lüdenscheidt".into())
        );
        assert_eq!(
            name(&["Prénom : Jean", "Nom : Dupont"]).map(|n| n.1),
            Some("Jean Dupont".into())
        );
        assert_eq!(
            name(&["Nom : DUPONT", "Prénom : Claire", "Adresse : 8 rue X"]),
            Some((1, "Claire DUPONT".into()))
        );
        assert_eq!(
            name(&["PERSONAL INFORMATION Giulia Rossi", "Via Roma 10"]).map(|n| n.1),
            Some("Giulia Rossi".into())
        );
        assert_eq!(
            name(&["John A. Smith, PhD", "Boston, MA"]).map(|n| n.1),
            Some("John A. Smith".into())
        );
        assert_eq!(
            name(&["Resume", "SUSAN LEE, CPA, CFA", "s@x.com"]).map(|n| n.1),
            Some("SUSAN LEE".into())
        );
        assert_eq!(
            name(&["Jane", "Doe", "jane@x.org"]).map(|n| n.1),
            Some("Jane Doe".into())
        );
        assert_eq!(name(&["Senior Software Engineer"]), None);
        assert_eq!(
            name(&["ABID KHAN Frontend Developer"]).map(|n| n.1),
            Some("ABID KHAN".into())
        );
        assert_eq!(
            name(&["Jean Paul Martin Software Engineer"]).map(|n| n.1),
            Some("Jean Paul Martin".into())
        );
        assert_eq!(
            inline_headline("ABID KHAN Frontend Developer", "ABID KHAN"),
            Some("Frontend Developer".into())
        );
    }

    #[test]
    fn a_second_family_name_wrapped_above_the_headline_is_the_names() {
        let wrapped = ["Lucía Fernández", "Ortega", "Ingeniera de datos"];
        assert_eq!(
            name(&wrapped),
            Some((1, "Lucía Fernández Ortega".to_owned()))
        );
        // Without a headline under it, a lone word may be the town or anything else.
        let town = ["Lucía Fernández", "Sevilla", "lucia@example.com"];
        assert_eq!(name(&town), Some((0, "Lucía Fernández".to_owned())));
        let title = ["Lucía Fernández", "Ingeniera", "Datos y analítica"];
        assert_eq!(name(&title), Some((0, "Lucía Fernández".to_owned())));
    }

    #[test]
    fn locations_in_contact_lines() {
        assert_eq!(
            location_in("Andover, MN, (763)-226-6497, alec@x.com, https://github.com/a"),
            Some("Andover, MN".into())
        );
        assert_eq!(
            location_in("•\tCurrent Location: Mumbai"),
            Some("Mumbai".into())
        );
        assert_eq!(bare_place("Vasai\tPortfolio"), Some("Vasai".into()));
        assert_eq!(bare_place("Linkedin\tGitHub"), None);
        assert_eq!(bare_place("Senior Engineer"), None);
    }

    #[test]
    fn locations() {
        assert_eq!(
            location_in("jane@x.org | San Francisco, CA | +1 555 123 4567"),
            Some("San Francisco, CA".into())
        );
        assert_eq!(
            location_in("Hauptstraße 5, 10115 Berlin"),
            Some("Hauptstraße 5, 10115 Berlin".into())
        );
        assert_eq!(
            location_in("Adresse : 12 rue de la Paix, Paris"),
            Some("12 rue de la Paix, Paris".into())
        );
    }

    #[test]
    fn template_sample_addresses_are_not_places() {
        assert_eq!(
            location_in("mm@x.com\t000-00-0000\tAddress, Street, 00000 County"),
            None
        );
        assert_eq!(location_in("Address: Your Street, City"), None);
        assert_eq!(
            location_in("São Paulo - SP | (11) 98765-4321 | r@x.com").as_deref(),
            Some("São Paulo - SP")
        );
        assert_eq!(
            location_in("Street 5, 00100 Helsinki"),
            Some("Street 5, 00100 Helsinki".into())
        );
        assert_eq!(
            location_in("Bahria Town, Lahore City"),
            Some("Bahria Town, Lahore City".into())
        );
    }
}
