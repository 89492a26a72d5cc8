//! E-mails, phones, links and profiles.

use crate::lexicon::sites::{Network, NETWORKS};
use cvdeck_model::resume::Profile;
use regex::Regex;
use std::sync::LazyLock;

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b[a-z0-9][a-z0-9._%+\-]*@[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9\-]+)*\.[a-z]{2,}\b")
        .expect("valid regex")
});
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\(\s*\+?\d{1,4}\s*\)|\+\s?\d{1,4}|\b\d)[\d\s().\-/]{5,20}\d\b")
        .expect("valid regex")
});
static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:https?://[^\s|,;<>()]+|www\.[^\s|,;<>()]+|[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.(?:com|io|dev|me|net|org|co|de|fr|es|pt|br|eu|ai|app|info|page|site|tech|xyz|uk|ch|at|it|nl|in|se|dk|fi|pl|cz|be|ie|ca|au|mx|ar|cl|pe|design|studio|art|blog|online|cloud|digital)\b(?:/[^\s|,;<>()]*)?)")
        .expect("valid regex")
});
static YEARS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:19|20)\d{2}\s*[-–/]\s*(?:(?:19|20)\d{2}|\d{2})$|^\d{1,2}[./]\d{1,2}[./]\d{2,4}$|^\d{4}\s*[-–]\s*\d{1,2}$")
        .expect("valid regex")
});
static HANDLE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    // "LinkedIn: /in/jane-doe" names the handle after its path; "GitHub – jane" after a dash;
    // "in/jane-doe" alone is LinkedIn's short form.
    // A handle may hold accented letters ("kévin-alazet": LinkedIn keeps them).
    Regex::new(r"(?i)(?:\b(github|linkedin|gitlab|twitter|stackoverflow|kaggle|xing|behance|dribbble)\s*(?:[:|/]+|\s[–—-])\s*/?(?:in/)?|(?:^|[\s|·•,])(in)/)(@?[\p{L}\p{N}][\p{L}\p{N}_.\-]{1,60})")
        .expect("valid regex")
});

/// Every e-mail address in `text`, in order, deduplicated.
pub(crate) fn emails(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in EMAIL.find_iter(text) {
        let e = m.as_str().trim_end_matches('.').to_owned();
        if !out.iter().any(|x| x.eq_ignore_ascii_case(&e)) {
            out.push(e);
        }
    }
    out
}

/// Every phone number in `text`, as printed.
pub(crate) fn phones(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        for m in PHONE.find_iter(line) {
            let printed = m.as_str().trim();
            if is_phone(printed) && !out.iter().any(|p: &String| p == printed) {
                out.push(printed.to_owned());
            }
        }
    }
    out
}

static PHONE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:phone|mobile|cell|tel|telefon|telephone|téléphone|portable|handy|mobil|teléfono|telefone|celular|móvil|movil|whatsapp)\b")
        .expect("valid regex")
});

/// Phone numbers in the body of a resume, where numbers of every kind stand: only those a
/// label names ("Mobile: …") or that a country's numbering plan knows ("+33 6 …").
pub(crate) fn phones_in_body(text: &str) -> Vec<String> {
    text.lines()
        .flat_map(|line| {
            let labelled = PHONE_LABEL.is_match(line);
            phones(line)
                .into_iter()
                .filter(move |p| labelled || (is_international(p) && known_if_international(p)))
        })
        .collect()
}

/// Phone numbers among the lines around an e-mail printed away from the header: only a
/// number that stands on its line alone or beside a label ("Mobile: …"), as a contact block
/// prints it; "4760-721 Braga" is a postcode and its town.
pub(crate) fn phones_alone(lines: &[&str]) -> Vec<String> {
    lines
        .iter()
        .flat_map(|line| {
            let labelled = PHONE_LABEL.is_match(line);
            phones(line).into_iter().filter(move |p| {
                let rest = line.replacen(p.as_str(), "", 1);
                labelled || !rest.chars().any(char::is_alphanumeric)
            })
        })
        .collect()
}

fn is_international(s: &str) -> bool {
    let t = s.trim();
    t.starts_with('+')
        || (t.starts_with("00") && t[2..].starts_with(|c: char| ('1'..='9').contains(&c)))
}

/// A number written with its country code ("+49 …", "0049 …") must be one that country's
/// numbering plan knows (libphonenumber's metadata): "+1 2019 2020" is a year range, not a
/// phone. A national number cannot be checked without knowing the country; the looser rule
/// of [`is_phone`] stands for it.
fn known_if_international(s: &str) -> bool {
    if !is_international(s) {
        return true;
    }
    let t = s.trim();
    let international = match t.strip_prefix("00") {
        Some(rest) => format!("+{rest}"),
        None => t.to_owned(),
    };
    phonenumber::parse(None, &international).is_ok_and(|n| phonenumber::is_valid(&n))
}

fn is_phone(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    if !(7..=15).contains(&digits) || YEARS.is_match(s) {
        return false;
    }
    // "3.66 (9.15/10.0": grades, not a number to call.
    if s.contains('/') && s.contains('.') {
        return false;
    }
    // Year ranges and dates written with spaces ("2018 - 2020", "2019 2020").
    let groups: Vec<&str> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    let all_years = groups
        .iter()
        .all(|g| g.len() == 4 && (g.starts_with("19") || g.starts_with("20")));
    if all_years {
        return false;
    }
    // A plain run of digits with no separators and no + is more likely an id than a phone.
    let has_plus = s.contains('+') || s.starts_with('(') || s.starts_with('0');
    groups.len() > 1 || has_plus || digits >= 9
}

/// Whether `line` holds an e-mail address, a phone number or a link.
pub(crate) fn any_in(line: &str) -> bool {
    !emails(line).is_empty() || !phones(line).is_empty() || !urls(line).is_empty()
}

/// URLs printed in `text` (not e-mail domains).
pub(crate) fn urls(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        for m in URL.find_iter(line) {
            let before = &line[..m.start()];
            if before.ends_with('@') || line[m.end()..].starts_with('@') {
                continue;
            }
            // Skip the domain part of an e-mail address.
            if EMAIL
                .find_iter(line)
                .any(|e| e.start() <= m.start() && m.end() <= e.end())
            {
                continue;
            }
            let mut u = m.as_str().trim_end_matches(['.', ',', ')', ':']).to_owned();
            if line[m.end()..].trim().is_empty() {
                let cut_at_a_mark = u.ends_with(['-', '/']);
                if let Some(rest) = lines.next_if(|next| {
                    let next = next.trim();
                    is_wrapped_url_end(next) && (cut_at_a_mark || next.starts_with('-'))
                }) {
                    u.push_str(rest.trim());
                }
            }
            if !out.contains(&u) {
                out.push(u);
            }
        }
    }
    out
}

/// A narrow column wraps a long address after a hyphen or slash
/// ("linkedin.com/in/priya-" / "haddad-61") or before a hyphen ("…/in/priya" / "-haddad-61"):
/// the next line goes on with it when it is one lower-case word of address characters (a
/// heading or a name has capitals or spaces).
fn is_wrapped_url_end(line: &str) -> bool {
    !line.is_empty()
        && line
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_./".contains(c))
}

/// A printed link as an absolute URL ("github.com/jane" → "https://github.com/jane"), as
/// JSON Resume's `uri` fields and the link opener want.
pub(crate) fn with_scheme(url: &str) -> String {
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:")
    {
        url.to_owned()
    } else {
        format!("https://{url}")
    }
}

/// The host of a printed URL, without scheme and "www." ("fb.co" for "http://fb.co/dd").
pub(crate) fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

/// The network a URL belongs to, if it is a profile.
pub(crate) fn profile_from_url(url: &str) -> Option<Profile> {
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.");
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let network = network_of_host(host)?;
    let username = url
        .split('/')
        .filter(|s| !s.is_empty())
        .skip_while(|s| !s.to_ascii_lowercase().contains(host))
        .skip(1)
        .find(|seg| {
            !matches!(
                seg.to_ascii_lowercase().as_str(),
                "in" | "pub" | "u" | "users" | "company"
            )
        })
        // The handle, without the "@" some pages print in "x.com/@jane".
        .map(|s| s.trim_end_matches('/').trim_start_matches('@').to_owned())
        .filter(|s| !s.is_empty());
    if path.is_empty() && username.is_none() {
        return None;
    }
    Some(Profile {
        network: network.name.to_owned(),
        username,
        url: Some(url.to_owned()),
    })
}

fn network_of_host(host: &str) -> Option<&'static Network> {
    NETWORKS.iter().find(|n| {
        host == n.host
            || host
                .strip_suffix(n.host)
                .is_some_and(|sub| sub.ends_with('.'))
    })
}

/// A link to a person's profile page itself ("github.com/jane", "linkedin.com/in/jane"), not
/// to something on it ("github.com/jane/compiler", "medium.com/@jane/a-post"): printed in
/// the body, only the first is the candidate's own.
pub(crate) fn is_profile_page(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let mut parts = rest.split(['?', '#']).next().unwrap_or(rest).split('/');
    let host = parts.next().unwrap_or_default().to_ascii_lowercase();
    if network_of_host(host.strip_prefix("www.").unwrap_or(&host)).is_none() {
        return false;
    }
    let segments: Vec<&str> = parts
        .filter(|s| !s.is_empty())
        .filter(|s| {
            !matches!(
                s.to_ascii_lowercase().as_str(),
                "in" | "pub" | "u" | "users"
            )
        })
        .collect();
    segments.len() == 1
}

/// "GitHub: janedoe", "LinkedIn | /jane-doe/" style profiles printed as a handle.
pub(crate) fn labelled_handles(text: &str) -> Vec<Profile> {
    HANDLE_LABEL
        .captures_iter(text)
        .filter(|c| !c[3].contains('.') || !c[3].contains("com"))
        // "LinkedIn | GitHub": two link words side by side, not a handle.
        .filter(|c| {
            let handle = c[3].trim_start_matches('@');
            !NETWORKS.iter().any(|n| n.name.eq_ignore_ascii_case(handle))
        })
        .map(|c| {
            let label = match c.get(1) {
                Some(label) => label.as_str().to_ascii_lowercase(),
                None => "linkedin".to_owned(),
            };
            let network = NETWORKS
                .iter()
                .find(|n| n.host.starts_with(&label) || n.name.eq_ignore_ascii_case(&label));
            Profile {
                network: network.map_or_else(|| label.clone(), |n| n.name.to_owned()),
                username: Some(c[3].trim_end_matches('.').to_owned()),
                url: None,
            }
        })
        .collect()
}

/// The profile address of a printed handle ("GitHub: jane-doe" → "https://github.com/jane-doe"),
/// where the network has one and the handle is not a name's first word ("LinkedIn: Jane Doe").
pub(crate) fn profile_address(profile: &Profile) -> Option<String> {
    // "@jane" may be a display handle, not the address's: LinkedIn has no "@" names.
    let handle = profile
        .username
        .as_deref()
        .filter(|h| !h.starts_with('@'))?;
    let prefix = NETWORKS
        .iter()
        .find(|n| n.name == profile.network)?
        .profile_prefix?;
    let mut letters = handle.chars();
    let a_name_word = letters.next().is_some_and(char::is_uppercase)
        && letters.all(|c| c.is_alphabetic() && c.is_lowercase());
    (!a_name_word && !handle.is_empty()).then(|| format!("{prefix}{}", percent_encoded(handle)))
}

/// "kévin-alazet" → "k%C3%A9vin-alazet": an address is ASCII (RFC 3986); a handle's other
/// letters go as their UTF-8 bytes, as browsers send them.
fn percent_encoded(handle: &str) -> String {
    let mut out = String::with_capacity(handle.len());
    for c in handle.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_handle_with_accents_made_an_address_that_was_no_uri() {
        let handles = labelled_handles("LinkedIn: kévin-alazet");
        assert_eq!(handles[0].username.as_deref(), Some("kévin-alazet"));
        assert_eq!(
            profile_address(&handles[0]).as_deref(),
            Some("https://www.linkedin.com/in/k%C3%A9vin-alazet")
        );
    }

    #[test]
    fn a_number_alone_or_labelled_is_a_phone_but_a_postcode_before_its_town_is_not() {
        let block = [
            "Rua das Flores 12",
            "4700-123 Braga",
            "0612 345 678",
            "Tel. 030 1234567",
        ];
        assert_eq!(phones_alone(&block), ["0612 345 678", "030 1234567"]);
    }

    #[test]
    fn linkedin_paths_short_forms_and_dashes_after_a_label() {
        let handles = labelled_handles(
            "LinkedIn: /in/omar-haddad\nGitHub – omarhaddad\nomar@x.com · in/omar-h",
        );
        let names: Vec<_> = handles
            .iter()
            .map(|p| (p.network.as_str(), p.username.as_deref().unwrap_or("")))
            .collect();
        assert_eq!(
            names,
            [
                ("LinkedIn", "omar-haddad"),
                ("GitHub", "omarhaddad"),
                ("LinkedIn", "omar-h")
            ]
        );
    }

    #[test]
    fn phones_but_not_years() {
        let text = "(+82) 10-9030-1843 | 2016 - 2019\n+49 170 1234567\n2018 – 2020\n030/1234567";
        assert_eq!(
            phones(text),
            vec!["(+82) 10-9030-1843", "+49 170 1234567", "030/1234567"]
        );
    }

    #[test]
    fn in_the_body_a_number_needs_a_label_or_a_real_country_plan() {
        // A country code no plan has, a US number too short, a grade, a bare national number.
        let body = "+999 1234 5678\n+1 212 555 01\nGPA 3.66 (9.15/10.0)\nOrder 0301234567\n+33 6 09 22 03 96\n0044 20 7946 0958\nMobile: 0170 1234567";
        assert_eq!(
            phones_in_body(body),
            vec!["+33 6 09 22 03 96", "0044 20 7946 0958", "0170 1234567"]
        );
        // A template's sample number in the contacts is still what the page says.
        assert_eq!(phones("Mobile: +1-123-456-7890"), vec!["+1-123-456-7890"]);
        assert_eq!(phones("000-00-0000"), vec!["000-00-0000"]);
    }

    #[test]
    fn an_address_wrapped_by_a_narrow_column_was_cut_at_the_break() {
        let text = "linkedin.com/in/priya-\nhaddad-61\ngithub.com/\nSkills\nsite.dev/a-\nRust, Go\nlinkedin.com/in/joao\n-silva-7b/\nsite.dev/b\n- rust";
        assert_eq!(
            urls(text),
            vec![
                "linkedin.com/in/priya-haddad-61",
                "github.com/",
                "site.dev/a-",
                "linkedin.com/in/joao-silva-7b/",
                "site.dev/b"
            ]
        );
    }

    #[test]
    fn urls_skip_email_domains() {
        let text = "jane@doe.com | www.janedoe.dev | github.com/janedoe";
        assert_eq!(urls(text), vec!["www.janedoe.dev", "github.com/janedoe"]);
        assert_eq!(emails(text), vec!["jane@doe.com"]);
    }

    #[test]
    fn profiles_from_urls_and_labels() {
        let p = profile_from_url("https://www.linkedin.com/in/jane-doe/").unwrap();
        assert_eq!(
            (p.network.as_str(), p.username.as_deref()),
            ("LinkedIn", Some("jane-doe"))
        );
        assert_eq!(profile_from_url("www.janedoe.dev"), None);
        let handles = labelled_handles("GitHub: janedoe   LinkedIn: jane-doe");
        assert_eq!(handles.len(), 2);
        assert_eq!(handles[0].username.as_deref(), Some("janedoe"));
        assert_eq!(
            profile_address(&handles[1]).as_deref(),
            Some("https://www.linkedin.com/in/jane-doe")
        );
    }

    #[test]
    fn a_handle_is_read_after_its_label_with_or_without_slashes() {
        let handles = labelled_handles("LinkedIn: /jane-doe-90/ | GitHub / JaneDoe");
        let read: Vec<_> = handles
            .iter()
            .map(|p| {
                (
                    p.network.as_str(),
                    p.username.as_deref().unwrap_or_default(),
                )
            })
            .collect();
        assert_eq!(read, [("LinkedIn", "jane-doe-90"), ("GitHub", "JaneDoe")]);
        // A link word beside another is no handle.
        assert!(labelled_handles("LinkedIn | GitHub").is_empty());
        // A name after the label is no handle to build an address from.
        let name = &labelled_handles("LinkedIn: Jane Doe")[0];
        assert_eq!(profile_address(name), None);
        let display = &labelled_handles("LinkedIn: @JaneDoeDesign")[0];
        assert_eq!(profile_address(display), None);
    }

    #[test]
    fn a_profile_page_is_the_profile_not_a_page_on_it() {
        assert!(is_profile_page("https://github.com/jane-doe"));
        assert!(is_profile_page("www.linkedin.com/in/jane-doe/"));
        assert!(is_profile_page("gitlab.com/jane_doe"));
        assert!(!is_profile_page("https://github.com/jane-doe/compiler"));
        assert!(!is_profile_page("medium.com/@jane/a-post-about-rust"));
        assert!(!is_profile_page("janedoe.dev/about"));
        assert!(!is_profile_page("github.com"));
    }

    #[test]
    fn a_domain_ends_at_a_word_end() {
        // "Bakk.techn" (an Austrian degree) is no address on the .tech domain.
        assert!(urls("Bakkalaureus (Bakk.techn), Informatik").is_empty());
        assert_eq!(urls("Portfolio: jane.tech/work"), ["jane.tech/work"]);
    }
}
