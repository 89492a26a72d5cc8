//! Dates and date ranges in seven languages, to ISO `YYYY-MM` / `YYYY`.

use super::clean::fold;
use crate::lexicon::dates::PRESENT;
use crate::lexicon::dates::SINCE;
use crate::lexicon::months::MONTHS;
use regex::Regex;
use std::sync::LazyLock;

/// A range found in a line: where it sits and what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DateRange {
    pub start: Option<String>,
    /// None while ongoing ("Present", "heute", …).
    pub end: Option<String>,
    /// Byte span of the range in the line.
    pub span: (usize, usize),
}

/// The marks that stand for a century left out ("’22"): typographic and straight apostrophes,
/// and the accents word processors put in their place.
const APOSTROPHES: [char; 5] = ['\'', '’', '‘', '´', '`'];

/// Seasons, quarters and halves some resumes use instead of months ("Summer 2012", "Q3 2020");
/// they keep only the year.
const SEASONS: &str = "summer|spring|fall|autumn|winter|sommer|fruhling|herbst|ete|printemps|automne|hiver|verano|invierno|primavera|otono|verao|inverno|outono|q1|q2|q3|q4|h1|h2";

/// The words for "still going on", as one regex alternation, longest first: the regex takes
/// the first alternative that matches ("presente", not "present").
fn present_words() -> String {
    let mut present: Vec<String> = PRESENT.iter().map(|p| regex::escape(p)).collect();
    present.sort_by_key(|p| std::cmp::Reverse(p.len()));
    present.join("|")
}

static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    let mut names: Vec<&str> = MONTHS.iter().map(|(n, _)| *n).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let months = names.join("|");
    let apostrophe: String = APOSTROPHES.iter().collect();
    let date = format!(
        // A month may be glued to its year ("November2021") or joined by a slash ("Jan/2020",
        // as Brazilian resumes write it); a bare year may not be glued to a word
        // ("bonatto2019@…").
        // A month may also carry a two-digit year after an apostrophe ("Jan’22", "Aug '19"),
        // as many English resumes from Word templates write it.
        // Spanish and Portuguese may join them with "de" ("enero de 2015", "Enero del 2015").
        r"(?:\b(?:{months}|{SEASONS})\.?(?:\s+del?)?\s*[/\-]?\s*(?:19|20)\d{{2}}\b|\b(?:{months})\.?\s*[{apostrophe}]{{1,2}}\s?\d{{2}}\b|(?:\b\d{{1,2}}[./]\s?)?(?:\b\d{{1,2}}\s*[/.\-\\]\s*)?\b(?:19|20)\d{{2}}\b)"
    );
    let present = present_words();
    let since = SINCE.join("|");
    Regex::new(&format!(
        r"(?i)(?:(?:{since})\s+)?(?P<a>{date})(?:\s*(?:-|–|—|to|bis|a|au|al|ate|hasta|until|and|tot)\s*(?P<b>{date}|{present}))?"
    ))
    .expect("valid regex")
});

/// "2020-01 – 2022-03" (year and month as ISO 8601 writes them, on both ends or up to the
/// present) and "2019/2021" (two years and a slash): ranges the general pattern reads as one
/// date ("2011-12" alone stays a year, as it may mean 2011–2012).
static ISO_OR_SLASHED_YEARS: LazyLock<Regex> = LazyLock::new(|| {
    let present = present_words();
    Regex::new(&format!(
        r"(?i)\b(?P<ay>(?:19|20)\d{{2}})-(?P<am>0[1-9]|1[0-2])\s*(?:-|–|—|to|bis)\s*(?:(?P<by>(?:19|20)\d{{2}})-(?P<bm>0[1-9]|1[0-2])\b|(?P<now>{present}))|\b(?P<y1>(?:19|20)\d{{2}})\s*/\s*(?P<y2>(?:19|20)\d{{2}})\b"
    ))
    .expect("valid regex")
});

/// "10/18 - 03/20", "10/18 – heute": month and two-digit year ranges (this century: the
/// years a resume abbreviates so are recent ones).
static SHORT_YEARS_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    let present = present_words();
    Regex::new(&format!(
        r"(?i)\b(?P<am>0?[1-9]|1[0-2])/(?P<ay>[0-4]\d)\s*(?:-|–|—|to|bis)\s*(?:(?P<bm>0?[1-9]|1[0-2])/(?P<by>[0-4]\d)\b|{present})"
    ))
    .expect("valid regex")
});

/// The first date range (or single date) in `line`.
pub(crate) fn find_range(line: &str) -> Option<DateRange> {
    let (haystack, offsets) = fold_with_offsets(line);
    let haystack = haystack.as_str();
    if let Some(caps) = ISO_OR_SLASHED_YEARS.captures(haystack) {
        let whole = caps.get(0)?;
        let (start, end) = match (caps.name("ay"), caps.name("am"), caps.name("y1")) {
            (Some(y), Some(m), _) => (
                format!("{}-{}", y.as_str(), m.as_str()),
                caps.name("by")
                    .zip(caps.name("bm"))
                    .map(|(y, m)| format!("{}-{}", y.as_str(), m.as_str())),
            ),
            (_, _, Some(y1)) => (
                y1.as_str().to_owned(),
                caps.name("y2").map(|y| y.as_str().to_owned()),
            ),
            _ => return None,
        };
        // Only when nothing reads as a range before it on the line.
        let earlier = RANGE
            .find(haystack)
            .is_some_and(|m| m.start() < whole.start());
        if !earlier {
            return Some(DateRange {
                start: Some(start),
                end,
                span: (offsets[whole.start()], offsets[whole.end()]),
            });
        }
    }
    if !RANGE.is_match(haystack) {
        // "10/18 - 03/20": months and two-digit years on both ends, and nothing else dated.
        if let Some(caps) = SHORT_YEARS_RANGE.captures(haystack) {
            let whole = caps.get(0)?;
            let date = |m: &str, y: &str| format!("20{y}-{:02}", m.parse::<u8>().unwrap_or(1));
            let start = date(&caps["am"], &caps["ay"]);
            let end = match (caps.name("bm"), caps.name("by")) {
                (Some(m), Some(y)) => Some(date(m.as_str(), y.as_str())),
                _ => None,
            };
            return Some(DateRange {
                start: Some(start),
                end,
                span: (offsets[whole.start()], offsets[whole.end()]),
            });
        }
    }
    for caps in RANGE.captures_iter(haystack) {
        let whole = caps.get(0)?;
        let a = caps.name("a")?;
        let Some(start) = parse_date(a.as_str()) else {
            continue;
        };
        let end_text = caps.name("b").map(|m| m.as_str());
        let end = match end_text {
            Some(b) if is_present(b) => None,
            Some(b) => parse_date(b),
            None => Some(start.clone()),
        };
        let is_single = end_text.is_none();
        return Some(DateRange {
            start: Some(start),
            end: if is_single && line_says_since(haystack, whole.start()) {
                None
            } else {
                end
            },
            span: (offsets[whole.start()], offsets[whole.end()]),
        });
    }
    None
}

/// The folded line, and for each folded byte the original byte offset it came from.
fn fold_with_offsets(line: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(line.len());
    let mut offsets = Vec::with_capacity(line.len() + 1);
    let mut buf = [0u8; 4];
    for (i, c) in line.char_indices() {
        let piece = fold(c.encode_utf8(&mut buf));
        offsets.extend(std::iter::repeat_n(i, piece.len()));
        folded.push_str(&piece);
    }
    offsets.push(line.len());
    (folded, offsets)
}

fn line_says_since(haystack: &str, at: usize) -> bool {
    let before = fold(&haystack[..at]);
    let from_here = haystack[at..].to_lowercase();
    SINCE
        .iter()
        .any(|w| before.trim_end().ends_with(w) || from_here.starts_with(w))
}

fn is_present(s: &str) -> bool {
    let f = fold(s.trim());
    PRESENT.iter().any(|p| f == *p)
}

/// "Mar 2020" → "2020-03"; "03/2020" → "2020-03"; "2020" → "2020"; "Jan’22" → "2022-01".
pub(crate) fn parse_date(s: &str) -> Option<String> {
    let f = with_century(&fold(s.trim()));
    let year: String = f
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if year.len() != 4 || !year.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let head = f[..f.len() - 4]
        .trim()
        .trim_end_matches(['/', '.', '-', ' ', '\\']);
    if head.is_empty() {
        return Some(year);
    }
    // "15.03.2008", "01/10/2021": the day before the month tells nothing a resume needs.
    let head = match head.rsplit_once(['.', '/']) {
        Some((day, month))
            if day.trim().parse::<u8>().is_ok() && month.trim().parse::<u8>().is_ok() =>
        {
            month.trim()
        }
        _ => head,
    };
    if let Ok(m) = head.parse::<u8>() {
        // A day or a typo where the month should be still leaves a good year.
        return Some(if (1..=12).contains(&m) {
            format!("{year}-{m:02}")
        } else {
            year
        });
    }
    let word = head.trim_end_matches('.');
    let word = [" del", " de"]
        .iter()
        .find_map(|joint| word.strip_suffix(joint))
        .unwrap_or(word)
        .trim_end_matches('.');
    match MONTHS.iter().find(|(name, _)| *name == word) {
        Some((_, m)) => Some(format!("{year}-{m:02}")),
        None => Some(year),
    }
}

/// "jan’22" → "jan 2022", "sep '98" → "sep 1998" (a two-digit year under 50 is this century:
/// work histories do not reach back to 1950, nor forward to 2050); anything else as it is.
fn with_century(date: &str) -> String {
    let Some(mark) = date.rfind(APOSTROPHES) else {
        return date.to_owned();
    };
    let mark_len = date[mark..].chars().next().map_or(1, char::len_utf8);
    let digits = date[mark + mark_len..].trim();
    if digits.len() != 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return date.to_owned();
    }
    let yy: u32 = digits.parse().unwrap_or(0);
    let century = if yy < 50 { 2000 } else { 1900 };
    let month = date[..mark].trim_end_matches(APOSTROPHES);
    format!("{} {}", month.trim_end(), century + yy)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(line: &str) -> (Option<String>, Option<String>) {
        let r = find_range(line).expect(line);
        (r.start, r.end)
    }

    #[test]
    fn quarters_two_digit_years_and_open_ends_were_misread() {
        let s = |x: &str| Some(x.to_owned());
        assert_eq!(range("Q1 2019 – Q3 2020"), (s("2019"), s("2020")));
        assert_eq!(range("10/18 - 03/20"), (s("2018-10"), s("2020-03")));
        assert_eq!(range("10/18 – heute"), (s("2018-10"), None));
        assert_eq!(range("2015 - hasta la fecha"), (s("2015"), None));
        assert_eq!(range("2015 – até hoje"), (s("2015"), None));
        assert_eq!(
            range("gennaio 2019 – maart 2020"),
            (s("2019-01"), s("2020-03"))
        );
        assert_eq!(range("dal 2019"), (s("2019"), None));
        // A grade is no range: two-digit years are read only when nothing else is dated.
        assert_eq!(range("2014 – 2018, grade 9/10"), (s("2014"), s("2018")));
    }

    #[test]
    fn ranges_in_five_languages() {
        let s = |x: &str| Some(x.to_owned());
        assert_eq!(range("Jan 2019 – Present"), (s("2019-01"), None));
        assert_eq!(range("März 2018 - heute"), (s("2018-03"), None));
        assert_eq!(
            range("septembre 2015 à juin 2017"),
            (s("2015-09"), s("2017-06"))
        );
        assert_eq!(range("Enero 2020 - actualidad"), (s("2020-01"), None));
        assert_eq!(range("03/2016 – 08/2019"), (s("2016-03"), s("2019-08")));
        assert_eq!(range("2012 - 2016"), (s("2012"), s("2016")));
        assert_eq!(range("Graduated 2014"), (s("2014"), s("2014")));
        assert_eq!(range("since 2021"), (s("2021"), None));
        assert_eq!(
            range("Sept. 2010 to May 2012"),
            (s("2010-09"), s("2012-05"))
        );
        assert_eq!(range("10\\2022 até 11\\2023"), (s("2022-10"), s("2023-11")));
        assert_eq!(range("Summer 2012 and 2013"), (s("2012"), s("2013")));
        assert_eq!(range("November2021 -May2024"), (s("2021-11"), s("2024-05")));
        assert_eq!(find_range("bonatto2019@gmail.com"), None);
        assert_eq!(range("Jan/2020 – atual"), (s("2020-01"), None));
        assert_eq!(range("Fev/2017 – Dez/2019"), (s("2017-02"), s("2019-12")));
        assert_eq!(
            range("Depuis janvier 2021 : Développeur"),
            (s("2021-01"), None)
        );
        assert_eq!(range("Desde marzo 2022"), (s("2022-03"), None));
    }

    #[test]
    fn an_open_end_in_italian_dutch_portuguese_or_with_a_curly_apostrophe_was_a_closed_one() {
        let s = |x: &str| Some(x.to_owned());
        assert_eq!(range("03/2021 - oggi"), (s("2021-03"), None));
        assert_eq!(range("2017 - heden"), (s("2017"), None));
        assert_eq!(range("jan/2020 - hoje"), (s("2020-01"), None));
        assert_eq!(range("Sept. 2019 – Aujourd’hui"), (s("2019-09"), None));
        assert_eq!(range("2019 - in corso"), (s("2019"), None));
    }

    #[test]
    fn iso_months_and_slashed_years_were_one_date() {
        let s = |x: &str| Some(x.to_owned());
        assert_eq!(
            range("2020-01 – 2022-03  Data Analyst"),
            (s("2020-01"), s("2022-03"))
        );
        assert_eq!(range("2021-04 - present"), (s("2021-04"), None));
        assert_eq!(range("2019/2021 Technicien réseau"), (s("2019"), s("2021")));
        // A short year range stays what the general pattern makes of it.
        assert_eq!(range("2011-12").0, s("2011"));
    }

    #[test]
    fn a_day_month_year_range_lost_its_end() {
        let s = |x: &str| Some(x.to_owned());
        assert_eq!(
            range("15.03.2008 – 30.09.2013"),
            (s("2008-03"), s("2013-09"))
        );
        assert_eq!(range("01. 10. 2019 - heute"), (s("2019-10"), None));
        assert_eq!(range("seit 1.4.2021"), (s("2021-04"), None));
        assert_eq!(
            range("01/10/2021 bis 31/03/2022"),
            (s("2021-10"), s("2022-03"))
        );
        assert_eq!(range("10/2019 – 12/2020"), (s("2019-10"), s("2020-12")));
        // Austrian month names.
        assert_eq!(
            range("Jänner 2021 - Feber 2022"),
            (s("2021-01"), s("2022-02"))
        );
    }

    #[test]
    fn a_month_joined_to_its_year_by_de_was_a_bare_year() {
        let s = |x: &str| Some(x.to_owned());
        assert_eq!(
            range("Enero del 2015 – Diciembre del 2020."),
            (s("2015-01"), s("2020-12"))
        );
        assert_eq!(
            range("março de 2019 a janeiro de 2022"),
            (s("2019-03"), s("2022-01"))
        );
        assert_eq!(
            range("Septiembre de 2021 - Actualidad"),
            (s("2021-09"), None)
        );
        // "de" before a year alone is no month's.
        assert_eq!(range("Licenciatura de 2014"), (s("2014"), s("2014")));
    }

    #[test]
    fn a_month_with_an_apostrophe_and_two_digits_is_a_month_and_year() {
        let s = |x: &str| Some(x.to_owned());
        assert_eq!(range("Jan’22 — Present"), (s("2022-01"), None));
        assert_eq!(range("Aug '19 - Mar '21"), (s("2019-08"), s("2021-03")));
        assert_eq!(range("Sep’98 – Jun’02"), (s("1998-09"), s("2002-06")));
        assert_eq!(
            range("Nagpur, India Jul’18 –"),
            (s("2018-07"), s("2018-07"))
        );
        // A mark typed twice, as autocorrect sometimes leaves it.
        assert_eq!(range("Dec’'22-May’’23"), (s("2022-12"), s("2023-05")));
        // Without a month, two digits after an apostrophe are not a year.
        assert_eq!(find_range("Rock ’n’ roll ’22 tour"), None);
    }

    #[test]
    fn words_that_are_not_months_do_not_become_months() {
        assert_eq!(
            range("Python 2019 - 2020"),
            (Some("2019".into()), Some("2020".into()))
        );
        let line = "Müller GmbH, März 2018 – heute";
        let r = find_range(line).unwrap();
        assert_eq!(&line[r.span.0..r.span.1], "März 2018 – heute");
    }
}
