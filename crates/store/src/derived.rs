//! Columns derived from a parsed resume for searching, sorting, filtering and finding the
//! same person twice. Computed in one place so import, re-parse and migration agree.

use cvdeck_model::resume::Resume;
use cvdeck_parse::fold_ascii as fold;

/// What the library stores beside the JSON document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Derived {
    pub companies: String,
    pub titles: String,
    pub schools: String,
    pub skills_text: String,
    /// Every skill keyword once, as printed; the filter matches on `fold` of it.
    pub skills: Vec<String>,
    /// `fold` of each of `skills`, in its order.
    pub skill_keys: Vec<String>,
    pub experience_months: Option<i64>,
    pub name_key: Option<String>,
    pub email_key: Option<String>,
    pub phone_key: Option<String>,
    pub person_key: Option<String>,
}

/// The columns [`Derived::values`] fills, in its order.
const COLUMNS: [&str; 9] = [
    "companies",
    "titles",
    "schools",
    "skills_text",
    "experience_months",
    "name_key",
    "email_key",
    "phone_key",
    "person_key",
];

/// `companies = ?N, titles = ?N+1, …`: the SET list of the derived columns, numbered from
/// `first`, for an UPDATE that binds [`Derived::values`] there.
pub(crate) fn set_columns(first: usize) -> String {
    COLUMNS
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{c} = ?{}", first + i))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Derived {
    /// The values of the columns [`set_columns`] names, in its order.
    pub(crate) fn values(&self) -> [&dyn rusqlite::ToSql; 9] {
        [
            &self.companies,
            &self.titles,
            &self.schools,
            &self.skills_text,
            &self.experience_months,
            &self.name_key,
            &self.email_key,
            &self.phone_key,
            &self.person_key,
        ]
    }

    pub(crate) fn of(resume: &Resume, today: (i32, u32)) -> Derived {
        let join = |items: Vec<&str>| items.join("\n");
        let mut skills: Vec<String> = Vec::new();
        let mut skill_keys: Vec<String> = Vec::new();
        // Folded once each and looked up in a set: comparing folds pairwise was most of the
        // time an import's own process spent per resume (a hundred keywords, 5,000 folds).
        let mut seen = std::collections::HashSet::new();
        for skill in &resume.skills {
            let words: Vec<&String> = if skill.keywords.is_empty() {
                vec![&skill.name]
            } else {
                skill.keywords.iter().collect()
            };
            for w in words {
                let w = w.trim();
                if w.is_empty() {
                    continue;
                }
                let key = fold(w);
                if seen.insert(key.clone()) {
                    skills.push(w.to_owned());
                    skill_keys.push(key);
                }
            }
        }
        let name_key = resume.basics.name.as_deref().map(fold);
        let city = resume.basics.location.city.as_deref().map(fold);
        Derived {
            companies: join(
                resume
                    .work
                    .iter()
                    .filter_map(|w| w.name.as_deref())
                    .collect(),
            ),
            titles: join(
                resume
                    .work
                    .iter()
                    .filter_map(|w| w.position.as_deref())
                    .chain(resume.basics.label.as_deref())
                    .collect(),
            ),
            schools: join(
                resume
                    .education
                    .iter()
                    .filter_map(|e| e.institution.as_deref())
                    .collect(),
            ),
            skills_text: skills.join("\n"),
            skills,
            skill_keys,
            experience_months: experience_months(resume, today),
            person_key: name_key
                .as_ref()
                .zip(city)
                .map(|(name, city)| format!("{name}|{city}")),
            name_key,
            email_key: resume.basics.email.as_deref().map(str::to_lowercase),
            phone_key: resume.basics.phone.as_deref().and_then(phone_key),
        }
    }
}

/// The last nine digits: the same number written with or without a country prefix matches.
fn phone_key(phone: &str) -> Option<String> {
    let digits: Vec<char> = phone.chars().filter(char::is_ascii_digit).collect();
    (digits.len() >= 7).then(|| digits[digits.len().saturating_sub(9)..].iter().collect())
}

/// Months covered by at least one job (overlaps counted once); an open end runs to `today`.
pub(crate) fn experience_months(resume: &Resume, today: (i32, u32)) -> Option<i64> {
    let month_index = |(y, m): (i32, u32)| i64::from(y) * 12 + i64::from(m) - 1;
    let mut spans: Vec<(i64, i64)> = resume
        .work
        .iter()
        .filter_map(|w| {
            let start = month_index(year_month(w.start_date.as_deref()?, 1)?);
            let end = match w.end_date.as_deref() {
                Some(end) => month_index(year_month(end, 12)?),
                None => month_index(today),
            };
            (end >= start).then_some((start, end + 1))
        })
        .collect();
    if spans.is_empty() {
        return None;
    }
    spans.sort_unstable();
    let mut total = 0;
    let mut current = spans[0];
    for &(start, end) in &spans[1..] {
        if start <= current.1 {
            current.1 = current.1.max(end);
        } else {
            total += current.1 - current.0;
            current = (start, end);
        }
    }
    Some(total + current.1 - current.0)
}

/// `YYYY-MM` or `YYYY` (then `default_month`).
fn year_month(date: &str, default_month: u32) -> Option<(i32, u32)> {
    let mut parts = date.splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month = match parts.next() {
        Some(m) => m.parse().ok().filter(|m| (1..=12).contains(m))?,
        None => default_month,
    };
    Some((year, month))
}

/// The current year and month, UTC.
pub(crate) fn this_month() -> (i32, u32) {
    let today = jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date();
    (i32::from(today.year()), today.month() as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use cvdeck_model::resume::{Basics, Location, Skill, Work};

    fn job(start: &str, end: Option<&str>) -> Work {
        Work {
            start_date: Some(start.into()),
            end_date: end.map(Into::into),
            ..Work::default()
        }
    }

    #[test]
    fn experience_counts_overlaps_once_and_open_ends_to_today() {
        let resume = Resume {
            work: vec![
                job("2018-01", Some("2019-12")),
                job("2019-06", Some("2020-06")),
                job("2022", None),
            ],
            ..Resume::default()
        };
        // 2018-01..2020-06 = 30 months; 2022-01..2024-03 = 27 months.
        assert_eq!(experience_months(&resume, (2024, 3)), Some(57));
        assert_eq!(experience_months(&Resume::default(), (2024, 3)), None);
    }

    #[test]
    fn keys_fold_case_accents_and_phone_prefixes() {
        let resume = Resume {
            basics: Basics {
                name: Some("Jürgen Müller".into()),
                email: Some("J.Mueller@Example.COM".into()),
                phone: Some("+49 (0)30 1234 5678".into()),
                location: Location {
                    city: Some("Köln".into()),
                    ..Location::default()
                },
                ..Basics::default()
            },
            skills: vec![Skill {
                name: "Tech".into(),
                keywords: vec!["Rust".into(), "rust".into(), "SQL".into()],
            }],
            ..Resume::default()
        };
        let d = Derived::of(&resume, (2024, 1));
        assert_eq!(d.name_key.as_deref(), Some("jurgen muller"));
        assert_eq!(d.email_key.as_deref(), Some("j.mueller@example.com"));
        assert_eq!(d.phone_key.as_deref(), Some("012345678"));
        assert_eq!(d.person_key.as_deref(), Some("jurgen muller|koln"));
        assert_eq!(d.skills, vec!["Rust", "SQL"]);
        assert_eq!(d.skill_keys, vec!["rust", "sql"]);
    }
}
