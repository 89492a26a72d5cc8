//! A printed place ("Hauptstraße 5, 10115 Berlin", "Austin, TX", "Lyon, France") split into
//! JSON Resume's location parts: street `address`, `postalCode`, `city`, `region` and the
//! ISO 3166-1 `countryCode`. Parts are read from the end, where the widest one is printed.

use super::clean::fold;
use crate::lexicon::places::{ADDRESS_KINDS, REGIONS};
use crate::lexicon::towns::is_town;
use cvdeck_model::countries::COUNTRIES;
use cvdeck_model::resume::Location;
use regex::Regex;
use std::sync::LazyLock;

/// "Wien", "São Paulo": a piece that is a town's name and nothing else.
pub(crate) fn is_bare_town(piece: &str) -> bool {
    let piece = piece.trim().trim_end_matches([',', '.', ';']);
    piece.split_whitespace().count() <= 3
        && piece.starts_with(char::is_uppercase)
        && is_town(&fold(piece))
}

/// Whether a printed place names what a gazetteer knows: a town among its pieces, a region
/// or a country, or has a postal code ("SQL, Python, Excel" has the form of "Lyon, Rhône,
/// France" and none of this; a list with a tool named like a town, "Cypress", still passes).
pub(crate) fn names_a_known_place(printed: &str) -> bool {
    let parts = split_place(printed);
    parts.country_code.is_some()
        || parts.region.is_some()
        || parts.postal_code.is_some()
        // "Aix-en-Provence" is one town; "Porto - Portugal" two pieces.
        || printed
            .split([',', '|', '·', '•', '(', ')', '–'])
            .flat_map(|piece| std::iter::once(piece).chain(piece.split(" - ")))
            .any(is_bare_town)
}

fn is_region_name(part: &str) -> bool {
    REGIONS.contains(&fold(part).trim())
}

/// A postal code before the city: "10115 Berlin", "D-10115 Berlin", "1000-001 Lisboa",
/// "01310-100 São Paulo", "00-950 Warszawa", "3511 AB Utrecht" (Dutch: four digits and two
/// capitals).
static POSTAL_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Z]{1,2}-)?(\d{4} ?[A-Z]{2}\b|\d{4,5}(?:-\d{3,4})?|\d{2}-\d{3})\s+(\D+)$")
        .expect("valid regex")
});
/// A postal code after the city: "Mumbai 400001", "London SW1A 1AA".
static POSTAL_LAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\D+?)\s+(\d{4,6}(?:-\d{3,4})?|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})$")
        .expect("valid regex")
});
/// A postal code with nothing else: "201301", "10115", "1000-001", "NW1 6XE".
static POSTAL_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    // "London, NW1 6XE": a British postcode printed as a part of its own too.
    Regex::new(r"^(?:\d{4,6}(?:-\d{3,4})?|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})$")
        .expect("valid regex")
});
/// A state or province code, with the ZIP code US addresses put after it: "TX", "CA 94089",
/// "SP", "NSW".
static REGION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([A-Z]{2,3})(?:\s+(\d{5}(?:-\d{4})?))?$").expect("valid regex"));

/// The ISO code of a country name, in any of the five languages.
fn country_code(part: &str) -> Option<&'static str> {
    let folded = fold(part.trim_end_matches('.'));
    let folded = folded.trim();
    COUNTRIES
        .iter()
        .find(|(_, names)| names.iter().any(|n| n.trim_end_matches('.') == folded))
        .map(|(code, _)| *code)
}

/// `printed` split into parts; whatever is not a country, region, postal code or city stays
/// in `address` in the order printed.
pub(crate) fn split_place(printed: &str) -> Location {
    // "Milano (Italy)": the country in parentheses is a part of its own.
    let mut parts: Vec<&str> = printed
        .split([',', '|', '·', '•', '\n', '(', ')'])
        .flat_map(|p| p.split(" - ").flat_map(|p| p.split(" – ")))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        // "… Milano, Italia (Abitazione)": Europass says what kind of address it is.
        .filter(|p| !ADDRESS_KINDS.contains(&fold(p).as_str()))
        .collect();
    let mut location = Location::default();
    if parts.len() > 1 || parts.first().is_some_and(|p| country_code(p).is_some()) {
        if let Some(code) = parts.last().and_then(|p| country_code(p)) {
            location.country_code = Some(code.to_owned());
            parts.pop();
        }
    }
    // "…, Uttar Pradesh - 201301": a postal code printed on its own.
    if parts.len() > 1 && parts.last().is_some_and(|p| POSTAL_ALONE.is_match(p)) {
        location.postal_code = parts.pop().map(str::to_owned);
    }
    if parts.len() > 1 {
        if let Some(c) = parts.last().and_then(|p| REGION.captures(p)) {
            location.region = Some(c[1].to_owned());
            if let Some(zip) = c.get(2) {
                location.postal_code = Some(zip.as_str().to_owned());
            }
            parts.pop();
        } else if parts.last().is_some_and(|p| is_region_name(p)) {
            location.region = parts.pop().map(str::to_owned);
        } else if parts.len() == 2
            && is_bare_town(parts[0])
            && !is_bare_town(parts[1])
            && !parts[1].chars().any(|c| c.is_ascii_digit())
        {
            // "Lagos, Lagos State", "Pune, Maharashtra": after a town the gazetteer knows, a
            // name it does not is the town's region.
            location.region = parts.pop().map(str::to_owned);
        }
    }
    // "Melbourne VIC", "Austin TX 78701": a town the gazetteer knows and its state's code
    // with no comma between.
    if location.region.is_none() {
        if let Some(last) = parts.last_mut() {
            let whole: &str = last;
            let town_then_region = whole.match_indices(' ').find_map(|(i, _)| {
                let town = &whole[..i];
                is_bare_town(town)
                    .then(|| REGION.captures(whole[i + 1..].trim()))
                    .flatten()
                    .map(|c| (town, c))
            });
            if let Some((town, c)) = town_then_region {
                location.region = Some(c[1].to_owned());
                if let Some(zip) = c.get(2) {
                    location.postal_code = Some(zip.as_str().to_owned());
                }
                *last = town;
            }
        }
    }
    if let Some(last) = parts.last() {
        let (postal, city) = if let Some(c) = POSTAL_FIRST.captures(last) {
            (Some(c[1].to_owned()), c[2].trim().to_owned())
        } else if let Some(c) = POSTAL_LAST.captures(last) {
            (Some(c[2].to_owned()), c[1].trim().to_owned())
        } else {
            (None, (*last).to_owned())
        };
        // A part with a number left in it is a street ("Hauptstraße 5"), not a city.
        if !city.is_empty() && !city.chars().any(|c| c.is_ascii_digit()) {
            location.city = Some(city);
            if postal.is_some() {
                location.postal_code = postal;
            }
            parts.pop();
        }
    }
    // "Via Mazzini 10, 20123, Milano": the postal code printed between the street and the
    // town.
    if location.city.is_some()
        && location.postal_code.is_none()
        && parts.len() > 1
        && parts.last().is_some_and(|p| POSTAL_ALONE.is_match(p))
    {
        location.postal_code = parts.pop().map(str::to_owned);
    }
    if !parts.is_empty() {
        location.address = Some(parts.join(", "));
    }
    location
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_postal_code_between_the_street_and_the_town_stayed_in_the_street() {
        let p = split_place("Via Mazzini 10, 20123, Milano, Italia");
        assert_eq!(
            (
                p.address.as_deref(),
                p.postal_code.as_deref(),
                p.city.as_deref(),
                p.country_code.as_deref()
            ),
            (
                Some("Via Mazzini 10"),
                Some("20123"),
                Some("Milano"),
                Some("IT")
            )
        );
    }

    #[test]
    fn a_state_code_after_a_town_without_a_comma_was_part_of_the_town() {
        let p = split_place("Melbourne VIC");
        assert_eq!(
            (p.city.as_deref(), p.region.as_deref()),
            (Some("Melbourne"), Some("VIC"))
        );
        let p = split_place("Austin TX 78701");
        assert_eq!(
            (
                p.city.as_deref(),
                p.region.as_deref(),
                p.postal_code.as_deref()
            ),
            (Some("Austin"), Some("TX"), Some("78701"))
        );
        // Not after a word the gazetteer does not know as a town.
        assert_eq!(split_place("Acme GmbH").region, None);
    }

    #[test]
    fn a_known_place_names_a_town_a_region_a_country_or_a_postcode() {
        for place in [
            "Graz",
            "Porto, Portugal",
            "Austin, TX",
            "4700-123 Braga",
            "Calle Mayor 3, Sevilla",
            "Aix-en-Provence",
        ] {
            assert!(names_a_known_place(place), "{place}");
        }
        let lagos = split_place("Lagos, Lagos State, Nigeria");
        assert_eq!(
            (lagos.city.as_deref(), lagos.region.as_deref()),
            (Some("Lagos"), Some("Lagos State"))
        );
        for list in ["SQL, Python, Excel", "Selenium, Postman, Jira"] {
            assert!(!names_a_known_place(list), "{list}");
        }
    }

    /// (address, postalCode, city, region, countryCode) of a printed place.
    fn parts(printed: &str) -> [Option<String>; 5] {
        let l = split_place(printed);
        [l.address, l.postal_code, l.city, l.region, l.country_code]
    }

    fn some(values: [&str; 5]) -> [Option<String>; 5] {
        values.map(|v| (!v.is_empty()).then(|| v.to_owned()))
    }

    #[test]
    fn places_as_resumes_print_them() {
        let cases = [
            ("Austin, TX", ["", "", "Austin", "TX", ""]),
            ("Sunnyvale, CA 94089", ["", "94089", "Sunnyvale", "CA", ""]),
            ("Berlin, Germany", ["", "", "Berlin", "", "DE"]),
            (
                "Hauptstraße 5, 10115 Berlin",
                ["Hauptstraße 5", "10115", "Berlin", "", ""],
            ),
            (
                "Mapo-gu, Seoul, Republic of Korea",
                ["Mapo-gu", "", "Seoul", "", "KR"],
            ),
            ("75001 Paris, France", ["", "75001", "Paris", "", "FR"]),
            ("São Paulo - SP, Brasil", ["", "", "São Paulo", "SP", "BR"]),
            (
                "01310-100 São Paulo",
                ["", "01310-100", "São Paulo", "", ""],
            ),
            ("Mumbai 400001", ["", "400001", "Mumbai", "", ""]),
            ("London, UK", ["", "", "London", "", "GB"]),
            (
                "Calle Mayor 10, 28013 Madrid, España",
                ["Calle Mayor 10", "28013", "Madrid", "", "ES"],
            ),
            ("Lyon", ["", "", "Lyon", "", ""]),
            ("Deutschland", ["", "", "", "", "DE"]),
            (
                "Bahria Town, Lahore City",
                ["Bahria Town", "", "Lahore City", "", ""],
            ),
            ("Rua Augusta 12", ["Rua Augusta 12", "", "", "", ""]),
            (
                "Via Roma 10, 20121 Milano (Italy)",
                ["Via Roma 10", "20121", "Milano", "", "IT"],
            ),
            (
                "Sector 12, Noida - 201301",
                ["Sector 12", "201301", "Noida", "", ""],
            ),
            (
                "Bengaluru, Karnataka, India",
                ["", "", "Bengaluru", "Karnataka", "IN"],
            ),
            ("Austin, Texas", ["", "", "Austin", "Texas", ""]),
            ("Sunnyvale, CA, 94089", ["", "94089", "Sunnyvale", "CA", ""]),
        ];
        for (printed, want) in cases {
            assert_eq!(parts(printed), some(want), "{printed}");
        }
    }
}
