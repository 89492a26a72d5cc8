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

    /// The fit with its explanation.
    fn explain(&self, ev: &Evidence) -> Fit {
        let mut lines = Vec::new();
        let (total, required_met) = self.tally(ev, &mut Tally::Explain(&mut lines));
        Fit {
            score: to_score(total),
            required_met,
            required_total: self.required.len(),
            lines,
        }
    }

    /// The fit without its explanation: the same arithmetic, no words.
    fn quick(&self, id: i64, ev: &Evidence) -> Ranked {
        let (total, required_met) = self.tally(ev, &mut Tally::Sum);
        Ranked {
            id,
            score: to_score(total),
            required_met,
            required_total: self.required.len(),
        }
    }

    /// Every line's points, summed; the lines themselves go to `out` when it explains.
    fn tally(&self, ev: &Evidence, out: &mut Tally<'_>) -> (f32, usize) {
        let mut total = 0.0;
        let mut required_met = 0;
        // A skill is met wherever it was found; the rest only at their full share.
        let mut add = |kind, share: f32, max: f32, explain: &dyn Fn() -> (String, String)| {
            let points = max * share;
            let met = match kind {
                LineKind::Required | LineKind::Nice => share > 0.0,
                _ => share >= 1.0,
            };
            total += points;
            if let Tally::Explain(lines) = out {
                let (asked, found) = explain();
                lines.push(Line {
                    kind,
                    asked,
                    met,
                    found,
                    points,
                    max,
                });
            }
        };
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
                let share = hit.map_or(0.0, |h| h.source.weight());
                add(kind, share, max, &|| {
                    let found = hit.map_or_else(
                        || "not found".to_owned(),
                        |h| format!("{}: {}", h.source.label(), h.printed),
                    );
                    ((*asked).to_owned(), found)
                });
            }
        }
        if !self.title_words.is_empty() {
            let (share, title) = self.title_share(ev);
            add(LineKind::Title, share, WEIGHTS.title * self.scale, &|| {
                let found = title
                    .or(ev.titles.first())
                    .cloned()
                    .unwrap_or_else(|| "no title found".to_owned());
                (self.reqs.title.clone().unwrap_or_default(), found)
            });
        }
        if let Some(years) = self.reqs.min_years.filter(|y| *y > 0) {
            let share = ev
                .months
                .map_or(0.0, |m| (m as f32 / 12.0 / years as f32).clamp(0.0, 1.0));
            add(LineKind::Years, share, WEIGHTS.years * self.scale, &|| {
                let found = match ev.months {
                    Some(m) => format!("{:.1} years", m as f32 / 12.0).replace(".0 ", " "),
                    None => "no dated experience".to_owned(),
                };
                (format!("{years}+ years"), found)
            });
        }
        let language_max = WEIGHTS.languages * self.scale / self.reqs.languages.len().max(1) as f32;
        for asked in &self.reqs.languages {
            let (share, found) = language_share(ev, asked);
            add(LineKind::Language, share, language_max, &|| {
                let asked_text = match asked.level {
                    Some(l) => format!("{} {}", asked.code, cefr_name(l)),
                    None => asked.code.clone(),
                };
                (asked_text, found())
            });
        }
        if let Some((city, country)) = &self.place {
            if !city.is_empty() {
                let (share, found) = place_share(ev, city, country.as_deref());
                add(LineKind::Place, share, WEIGHTS.place * self.scale, &|| {
                    (self.reqs.location.clone().unwrap_or_default(), found())
                });
            }
        }
        (total, required_met)
    }

    /// The share of the job title's words one title held has, and that title.
    fn title_share<'e>(&self, ev: &'e Evidence) -> (f32, Option<&'e String>) {
        let mut best: (f32, Option<&String>) = (0.0, None);
        for title in &ev.titles {
            let shared = self
                .title_words
                .iter()
                .filter(|w| has_word(title, w))
                .count();
            let share = shared as f32 / self.title_words.len() as f32;
            if share > best.0 {
                best = (share, Some(title));
            }
        }
        best
    }
}

/// Where the lines go: summed only, or kept to explain the score.
enum Tally<'a> {
    Sum,
    Explain(&'a mut Vec<Line>),
}

fn to_score(total: f32) -> u8 {
    total.round().clamp(0.0, 100.0) as u8
}

/// A language's share, and the words that say what the resume shows.
fn language_share<'e>(
    ev: &'e Evidence,
    asked: &'e crate::LanguageRequirement,
) -> (f32, impl Fn() -> String + 'e) {
    let listed = ev.languages.iter().find(|l| l.code == asked.code);
    let written_in = ev.written_in.as_deref() == Some(asked.code.as_str());
    // A resume written in a language shows a working command of it (C1).
    let level = listed.and_then(|l| l.level).or(written_in.then_some(5));
    let share = match (listed.is_some() || written_in, level, asked.level) {
        (false, _, _) => 0.0,
        (true, Some(have), Some(want)) if have < want => 0.5,
        (true, Some(_), _) | (true, None, None) => 1.0,
        (true, None, Some(_)) => 0.75,
    };
    let found = move || {
        let said = match (listed.is_some() || written_in, level) {
            (false, _) => return "not found".to_owned(),
            (true, Some(have)) => format!("{} {}", asked.code, cefr_name(have)),
            (true, None) if asked.level.is_some() => format!("{} (level not stated)", asked.code),
            (true, None) => asked.code.clone(),
        };
        if written_in && listed.is_none() {
            format!("{said} (the resume is written in it)")
        } else {
            said
        }
    };
    (share, found)
}

/// The place's share (all in the same city, half in the same country), and its words.
fn place_share<'e>(
    ev: &'e Evidence,
    city: &'e [String],
    country: Option<&'e str>,
) -> (f32, impl Fn() -> String + 'e) {
    let same_city = ev
        .city
        .as_deref()
        .is_some_and(|have| !city.is_empty() && city.iter().all(|w| has_word(have, w)));
    let same_country = country.is_some_and(|c| {
        ev.country
            .as_deref()
            .is_some_and(|have| have.eq_ignore_ascii_case(c))
    });
    let share = if same_city {
        1.0
    } else if same_country {
        0.5
    } else {
        0.0
    };
    let found = move || {
        let printed = [ev.city.as_deref(), ev.country.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        if printed.is_empty() {
            "no place found".to_owned()
        } else if !same_city && same_country {
            format!("{printed} (same country)")
        } else {
            printed
        }
    };
    (share, found)
}

/// "A1" … "C2" for a level from 1 to 6.
pub(crate) fn cefr_name(level: u8) -> &'static str {
    ["A1", "A2", "B1", "B2", "C1", "C2"][usize::from(level.clamp(1, 6) - 1)]
}

/// Whether `text` has `word` (one of [`content_words`]'s) among its words. Ranking asks this
/// of every resume's titles and city, so an ASCII text is read in place, without folding or
/// allocating.
fn has_word(text: &str, word: &str) -> bool {
    if text.is_ascii() {
        text.split(|c: char| !(c.is_ascii_alphanumeric() || "+#./-".contains(c)))
            .any(|w| w.trim_matches(['.', '/', '-']).eq_ignore_ascii_case(word))
    } else {
        tokens(&fold(text)).iter().any(|t| t.folded == word)
    }
}

/// The words of a title or place that say something ("Senior Backend Engineer (m/w/d)" →
/// senior, backend, engineer).
fn content_words(text: &str) -> Vec<String> {
    const FILLER: &[&str] = &[
        "and", "da", "de", "del", "der", "des", "di", "do", "du", "e", "en", "et", "for", "fur",
        "in", "la", "le", "of", "the", "und", "y",
    ];
    let keep = |w: &str| w.chars().count() > 1 && !FILLER.contains(&w) && !w.contains('/');
    if text.is_ascii() {
        // Most titles and places: no accents to fold, so no Unicode normalisation.
        return text
            .split(|c: char| !(c.is_ascii_alphanumeric() || "+#./-".contains(c)))
            .map(|w| w.trim_matches(['.', '/', '-']).to_ascii_lowercase())
            .filter(|w| !w.is_empty() && keep(w))
            .collect();
    }
    tokens(&fold(text))
        .into_iter()
        .map(|t| t.folded)
        .filter(|w| keep(w))
        .collect()
}

/// Scores `ev` against `reqs`, with the lines that explain the score.
pub fn score(reqs: &Requirements, ev: &Evidence) -> Fit {
    Prepared::new(reqs).explain(ev)
}

/// One resume's place in a ranking: its score without the explanation ([`score`] gives that).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Ranked {
    /// The resume.
    pub id: i64,
    /// 0–100, as [`score`] gives it.
    pub score: u8,
    /// Required skills the resume shows.
    pub required_met: usize,
    /// Required skills asked.
    pub required_total: usize,
}

impl Ranked {
    /// Whether every required skill is shown somewhere in the resume.
    pub fn has_all_required(&self) -> bool {
        self.required_met == self.required_total
    }
}

/// Scores every resume against `reqs`, best first (then by required skills met, then by id).
pub fn rank<'a, I>(reqs: &Requirements, resumes: I) -> Vec<Ranked>
where
    I: IntoIterator<Item = (i64, &'a Evidence)>,
{
    let prepared = Prepared::new(reqs);
    let resumes: Vec<(i64, &Evidence)> = resumes.into_iter().collect();
    // Each resume is scored on its own: a large library is shared out between the cores.
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let chunk = resumes.len().div_ceil(threads).max(4096);
    let mut ranked: Vec<Ranked> = std::thread::scope(|scope| {
        let parts: Vec<_> = resumes
            .chunks(chunk)
            .map(|part| {
                let prepared = &prepared;
                scope.spawn(move || {
                    part.iter()
                        .map(|(id, ev)| prepared.quick(*id, ev))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        parts
            .into_iter()
            .flat_map(|p| p.join().unwrap_or_default())
            .collect()
    });
    ranked.sort_unstable_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then(b.required_met.cmp(&a.required_met))
            .then(a.id.cmp(&b.id))
    });
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::Source;

    #[test]
    fn a_ranking_scores_as_the_explanation_does() {
        let reqs = crate::read_ad(
            "Data Engineer\nLocation: Porto\nRequirements\n- Python, SQL, Kafka\n- 3+ years of experience\n- Fluent English",
        );
        let mut evs = Vec::new();
        for i in 0..40i64 {
            let mut ev = Evidence {
                months: (i % 3 > 0).then_some(i * 3),
                titles: vec![
                    ["Data Engineer", "Engenheira de Dados", "Nurse"][i as usize % 3].into(),
                ],
                city: Some(["Porto", "Lisboa"][i as usize % 2].into()),
                country: Some("PT".into()),
                written_in: Some(["en", "pt"][i as usize % 2].into()),
                ..Evidence::default()
            };
            for (j, skill) in ["Python", "SQL", "Apache Kafka"].iter().enumerate() {
                if (i >> j) & 1 == 1 {
                    let source = [Source::Skills, Source::Work, Source::Text][(i as usize + j) % 3];
                    ev.add_hit(skill, source, skill);
                }
            }
            evs.push((i, ev));
        }
        let ranked = rank(&reqs, evs.iter().map(|(id, ev)| (*id, ev)));
        assert_eq!(ranked.len(), 40);
        for r in &ranked {
            let ev = &evs[r.id as usize].1;
            let fit = score(&reqs, ev);
            assert_eq!(
                (r.score, r.required_met),
                (fit.score, fit.required_met),
                "{fit:?}"
            );
        }
        assert!(ranked.windows(2).all(|w| w[0].score >= w[1].score));
    }
}
