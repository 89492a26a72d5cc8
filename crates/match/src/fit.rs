//! The fit of one resume to one job: a score from 0 to 100 made of lines, each worth a known
//! share, so that every point is explained by one line.
//!
//! The shares ([`WEIGHTS`]) are of the parts the job states; a part it leaves empty is left
//! out and the others fill the 100. Within a part each item is worth the same: a skill earns
//! its share times the strength of its evidence ([`crate::Source::weight`]); years earn
//! `min(1, years / minimum)` (a surplus adds nothing); a language earns all of its share at or
//! above the level asked, 3/4 when the level is unknown and 1/2 below it; the title earns the
//! share of the job title's words found in one title held; the place earns all at the same
//! city, half in the same country.

use crate::evidence::Evidence;
use crate::requirements::{skill_key, Requirements};
use crate::words::{fold, tokens};
use serde::{Deserialize, Serialize};

/// The weight of each part of a job, out of 100 when the job states them all.
pub const WEIGHTS: Weights = Weights {
    required: 50.0,
    nice: 15.0,
    title: 10.0,
    years: 15.0,
    languages: 5.0,
    place: 5.0,
};

/// The weight of each part of a job.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    /// Required skills, shared between them.
    pub required: f32,
    /// Nice-to-have skills, shared between them.
    pub nice: f32,
    /// The job's title.
    pub title: f32,
    /// Minimum years of experience.
    pub years: f32,
    /// Spoken languages, shared between them.
    pub languages: f32,
    /// The place of work.
    pub place: f32,
}

/// What one line of an explanation is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum LineKind {
    /// A required skill.
    Required,
    /// A nice-to-have skill.
    Nice,
    /// The job's title.
    Title,
    /// Years of experience.
    Years,
    /// A spoken language.
    Language,
    /// The place of work.
    Place,
}

/// One line of an explanation: what was asked, what the resume shows, the points it earned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Line {
    /// What the line is about.
    pub kind: LineKind,
    /// What the job asks ("Kubernetes", "5 years", "German C1").
    pub asked: String,
    /// Whether the resume meets it fully.
    pub met: bool,
    /// What the resume shows, in its words ("skills: k8s", "4 years", "not found").
    pub found: String,
    /// The points this line earned.
    pub points: f32,
    /// The most it could earn.
    pub max: f32,
}

/// A resume's fit to a job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Fit {
    /// 0–100: the lines' points, summed and rounded.
    pub score: u8,
    /// Required skills the resume shows.
    pub required_met: usize,
    /// Required skills asked.
    pub required_total: usize,
    /// The explanation, in the order of [`LineKind`].
    pub lines: Vec<Line>,
}

impl Fit {
    /// Whether every required skill is shown somewhere in the resume.
    pub fn has_all_required(&self) -> bool {
        self.required_met == self.required_total
    }
}

/// The job's requirements prepared once for scoring many resumes.
struct Prepared<'a> {
    reqs: &'a Requirements,
    required: Vec<(String, &'a str)>,
    nice: Vec<(String, &'a str)>,
    title_words: Vec<String>,
    place: Option<(Vec<String>, Option<String>)>,
    scale: f32,
}

impl<'a> Prepared<'a> {
    fn new(reqs: &'a Requirements) -> Prepared<'a> {
        let keyed = |list: &'a [String]| -> Vec<(String, &'a str)> {
            list.iter().map(|s| (skill_key(s), s.as_str())).collect()
        };
        let title_words = reqs.title.as_deref().map(content_words).unwrap_or_default();
        let place = match (&reqs.location, reqs.remote) {
            (Some(location), false) => {
                let split = cvdeck_parse::split_place(location);
                let city = split.city.as_deref().unwrap_or(location);
                Some((content_words(city), split.country_code))
            }
            _ => None,
        };
        let parts = [
            (!reqs.required.is_empty(), WEIGHTS.required),
            (!reqs.nice.is_empty(), WEIGHTS.nice),
            (!title_words.is_empty(), WEIGHTS.title),
            (reqs.min_years.is_some_and(|y| y > 0), WEIGHTS.years),
            (!reqs.languages.is_empty(), WEIGHTS.languages),
            (
                place.as_ref().is_some_and(|(city, _)| !city.is_empty()),
                WEIGHTS.place,
            ),
        ];
        let stated: f32 = parts.iter().filter(|(on, _)| *on).map(|(_, w)| w).sum();
        Prepared {
            reqs,
            required: keyed(&reqs.required),
            nice: keyed(&reqs.nice),
            title_words,
            place,
            scale: if stated > 0.0 { 100.0 / stated } else { 0.0 },
        }
    }

    fn score(&self, ev: &Evidence) -> Fit {
        let mut lines = Vec::new();
        let mut required_met = 0;
        for (kind, list, weight) in [
            (LineKind::Required, &self.required, WEIGHTS.required),
            (LineKind::Nice, &self.nice, WEIGHTS.nice),
        ] {
            let max = weight * self.scale / list.len().max(1) as f32;
            for (key, asked) in list {
                let hit = ev.skill(key);
                if kind == LineKind::Required && hit.is_some() {
                    required_met += 1;
                }
                lines.push(Line {
                    kind,
                    asked: (*asked).to_owned(),
                    met: hit.is_some(),
                    found: hit.map_or_else(
                        || "not found".to_owned(),
                        |h| format!("{}: {}", h.source.label(), h.printed),
                    ),
                    points: hit.map_or(0.0, |h| max * h.source.weight()),
                    max,
                });
            }
        }
        if !self.title_words.is_empty() {
            lines.push(self.title_line(ev));
        }
        if let Some(years) = self.reqs.min_years.filter(|y| *y > 0) {
            lines.push(self.years_line(ev, years));
        }
        let language_max = WEIGHTS.languages * self.scale / self.reqs.languages.len().max(1) as f32;
        for asked in &self.reqs.languages {
            lines.push(language_line(ev, asked, language_max));
        }
        if let Some((city, country)) = &self.place {
            if !city.is_empty() {
                lines.push(self.place_line(ev, city, country.as_deref()));
            }
        }
        let total: f32 = lines.iter().map(|l| l.points).sum();
        Fit {
            score: total.round().clamp(0.0, 100.0) as u8,
            required_met,
            required_total: self.required.len(),
            lines,
        }
    }

    fn title_line(&self, ev: &Evidence) -> Line {
        let max = WEIGHTS.title * self.scale;
        let best = ev
            .titles
            .iter()
            .map(|t| {
                let words = content_words(t);
                let shared = self
                    .title_words
                    .iter()
                    .filter(|w| words.contains(w))
                    .count();
                (shared as f32 / self.title_words.len() as f32, t)
            })
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let asked = self.reqs.title.clone().unwrap_or_default();
        match best {
            Some((share, title)) if share > 0.0 => Line {
                kind: LineKind::Title,
                asked,
                met: share >= 1.0,
                found: title.clone(),
                points: max * share,
                max,
            },
            _ => Line {
                kind: LineKind::Title,
                asked,
                met: false,
                found: ev
                    .titles
                    .first()
                    .cloned()
                    .unwrap_or_else(|| "no title found".to_owned()),
                points: 0.0,
                max,
            },
        }
    }

    fn years_line(&self, ev: &Evidence, years: u32) -> Line {
        let max = WEIGHTS.years * self.scale;
        let asked = format!("{years}+ years");
        match ev.months {
            Some(months) => {
                let share = (months as f32 / 12.0 / years as f32).clamp(0.0, 1.0);
                Line {
                    kind: LineKind::Years,
                    asked,
                    met: share >= 1.0,
                    found: format!("{:.1} years", months as f32 / 12.0).replace(".0 ", " "),
                    points: max * share,
                    max,
                }
            }
            None => Line {
                kind: LineKind::Years,
                asked,
                met: false,
                found: "no dated experience".to_owned(),
                points: 0.0,
                max,
            },
        }
    }

    fn place_line(&self, ev: &Evidence, city: &[String], country: Option<&str>) -> Line {
        let max = WEIGHTS.place * self.scale;
        let asked = self.reqs.location.clone().unwrap_or_default();
        let same_city = ev
            .city
            .as_deref()
            .map(content_words)
            .is_some_and(|words| !words.is_empty() && city.iter().all(|w| words.contains(w)));
        let same_country = country.is_some()
            && ev.country.as_deref().map(str::to_ascii_uppercase)
                == country.map(str::to_ascii_uppercase);
        let printed = [ev.city.as_deref(), ev.country.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        let (share, found) = if same_city {
            (1.0, printed)
        } else if same_country {
            (0.5, format!("{printed} (same country)"))
        } else if printed.is_empty() {
            (0.0, "no place found".to_owned())
        } else {
            (0.0, printed)
        };
        Line {
            kind: LineKind::Place,
            asked,
            met: share >= 1.0,
            found,
            points: max * share,
            max,
        }
    }
}

fn language_line(ev: &Evidence, asked: &crate::LanguageRequirement, max: f32) -> Line {
    let level_name = cefr_name;
    let asked_text = match asked.level {
        Some(l) => format!("{} {}", asked.code, level_name(l)),
        None => asked.code.clone(),
    };
    let listed = ev.languages.iter().find(|l| l.code == asked.code);
    let written_in = ev.written_in.as_deref() == Some(asked.code.as_str());
    // A resume written in a language shows a working command of it (C1).
    let level = listed.and_then(|l| l.level).or(written_in.then_some(5));
    let (share, found) = match (listed.is_some() || written_in, level, asked.level) {
        (false, _, _) => (0.0, "not found".to_owned()),
        (true, Some(have), Some(want)) if have < want => {
            (0.5, format!("{} {}", asked.code, level_name(have)))
        }
        (true, Some(have), _) => (1.0, format!("{} {}", asked.code, level_name(have))),
        (true, None, Some(_)) => (0.75, format!("{} (level not stated)", asked.code)),
        (true, None, None) => (1.0, asked.code.clone()),
    };
    let found = if written_in && listed.is_none() {
        format!("{found} (the resume is written in it)")
    } else {
        found
    };
    Line {
        kind: LineKind::Language,
        asked: asked_text,
        met: share >= 1.0,
        found,
        points: max * share,
        max,
    }
}

/// "A1" … "C2" for a level from 1 to 6.
pub(crate) fn cefr_name(level: u8) -> &'static str {
    ["A1", "A2", "B1", "B2", "C1", "C2"][usize::from(level.clamp(1, 6) - 1)]
}

/// The words of a title or place that say something ("Senior Backend Engineer (m/w/d)" →
/// senior, backend, engineer).
fn content_words(text: &str) -> Vec<String> {
    const FILLER: &[&str] = &[
        "and", "da", "de", "del", "der", "des", "di", "do", "du", "e", "en", "et", "for", "fur",
        "in", "la", "le", "of", "the", "und", "y",
    ];
    tokens(&fold(text))
        .into_iter()
        .map(|t| t.folded)
        .filter(|w| w.chars().count() > 1 && !FILLER.contains(&w.as_str()) && !w.contains('/'))
        .collect()
}

/// Scores `ev` against `reqs`.
pub fn score(reqs: &Requirements, ev: &Evidence) -> Fit {
    Prepared::new(reqs).score(ev)
}

/// Scores every resume against `reqs`, best first (then by required skills met, then by id).
pub fn rank<'a, I>(reqs: &Requirements, resumes: I) -> Vec<(i64, Fit)>
where
    I: IntoIterator<Item = (i64, &'a Evidence)>,
{
    let prepared = Prepared::new(reqs);
    let mut ranked: Vec<(i64, Fit)> = resumes
        .into_iter()
        .map(|(id, ev)| (id, prepared.score(ev)))
        .collect();
    ranked.sort_by(|(a_id, a), (b_id, b)| {
        b.score
            .cmp(&a.score)
            .then(b.required_met.cmp(&a.required_met))
            .then(a_id.cmp(b_id))
    });
    ranked
}
