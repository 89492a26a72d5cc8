//! What a match needs to know of one resume, read once when it is parsed and stored beside it:
//! its skills as concepts with where each was found, its languages, titles, place and years.

use crate::requirements::{is_language_name, languages_in, level_in};
use crate::skills::{table, Reading};
use crate::words::{phrase_key, tokens};
use cvdeck_model::resume::Resume;
use serde::{Deserialize, Serialize};

/// Bumped by hand when the rules below change what [`Evidence::of`] finds.
const RULES_VERSION: u32 = 1;

/// The version stored with evidence: the rules' and a fingerprint of the tables, so that
/// evidence read by other rules or with other tables is read again.
pub fn evidence_version() -> u32 {
    static VERSION: std::sync::OnceLock<u32> = std::sync::OnceLock::new();
    *VERSION.get_or_init(|| {
        (RULES_VERSION.wrapping_mul(0x9e37_79b9) ^ crate::lexicon::tables_fingerprint()) >> 1
    })
}

/// Where in a resume a skill was found; the first is the strongest evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// Listed in the skills section.
    Skills,
    /// Named in a job's or project's description, or in the profile.
    Work,
    /// Only somewhere in the text.
    Text,
}

impl Source {
    /// The share of a skill's points this evidence earns.
    pub fn weight(self) -> f32 {
        match self {
            Source::Skills => 1.0,
            Source::Work => 0.8,
            Source::Text => 0.6,
        }
    }

    /// How the explanation names the place.
    pub fn label(self) -> &'static str {
        match self {
            Source::Skills => "skills",
            Source::Work => "experience",
            Source::Text => "text",
        }
    }
}

/// One skill a resume shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkillHit {
    /// The concept's name, or for a skill the table does not know, its folded words.
    #[serde(rename = "k")]
    pub skill: String,
    /// The strongest place it was found.
    #[serde(rename = "s")]
    pub source: Source,
    /// The resume's words that matched ("k8s").
    #[serde(rename = "p")]
    pub printed: String,
}

/// A spoken language a resume lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageSkill {
    /// ISO 639-1.
    #[serde(rename = "c")]
    pub code: String,
    /// CEFR level as a number (A1 = 1 … C2 = 6), if the resume says.
    #[serde(rename = "l", default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
}

/// Everything [`crate::score`] reads of a resume.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Evidence {
    /// [`evidence_version`] when it was read.
    #[serde(rename = "v")]
    pub version: u32,
    /// Each skill once, at its strongest source.
    #[serde(rename = "sk")]
    pub skills: Vec<SkillHit>,
    /// Spoken languages listed.
    #[serde(rename = "la", skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<LanguageSkill>,
    /// The language the resume is written in (ISO 639-1).
    #[serde(rename = "in", skip_serializing_if = "Option::is_none")]
    pub written_in: Option<String>,
    /// Job titles held and the headline.
    #[serde(rename = "ti", skip_serializing_if = "Vec::is_empty")]
    pub titles: Vec<String>,
    /// City, as printed.
    #[serde(rename = "ci", skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Country code.
    #[serde(rename = "co", skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Months of experience.
    #[serde(rename = "mo", skip_serializing_if = "Option::is_none")]
    pub months: Option<i64>,
}

impl Evidence {
    /// Reads `resume` (as the card shows it, corrections applied), its full extracted `text`
    /// and its months of experience.
    pub fn of(resume: &Resume, text: &str, months: Option<i64>) -> Evidence {
        let mut ev = Evidence {
            version: evidence_version(),
            written_in: resume.meta.language.clone(),
            city: resume.basics.location.city.clone(),
            country: resume.basics.location.country_code.clone(),
            months,
            ..Evidence::default()
        };
        for skill in &resume.skills {
            // With keywords, the name is the group's ("Tools"), not a skill.
            if skill.keywords.is_empty() {
                ev.note_list_item(&skill.name);
            }
            for item in &skill.keywords {
                ev.note_list_item(item);
            }
        }
        let work_texts = resume
            .work
            .iter()
            .flat_map(|w| w.position.iter().chain(&w.summary).chain(&w.highlights))
            .chain(resume.projects.iter().flat_map(|p| {
                std::iter::once(&p.name)
                    .chain(&p.description)
                    .chain(&p.highlights)
            }))
            .chain(&resume.basics.label)
            .chain(&resume.basics.summary);
        for text in work_texts {
            ev.note_prose(text, Source::Work);
        }
        ev.note_prose(text, Source::Text);
        for language in &resume.languages {
            let line = format!(
                "{} {}",
                language.language,
                language.fluency.as_deref().unwrap_or("")
            );
            if let Some((code, _)) = languages_in(&language.language).into_iter().next() {
                let words: Vec<String> = tokens(&line).into_iter().map(|t| t.folded).collect();
                let folded: Vec<&str> = words.iter().map(String::as_str).collect();
                ev.note_language(code, level_in(&folded));
            }
        }
        ev.titles = resume
            .work
            .iter()
            .filter_map(|w| w.position.clone())
            .chain(resume.basics.label.clone())
            .collect();
        ev
    }

    /// One entry of a skills list: every skill it names ("Python, Django"), and a language with
    /// its level ("German (C1)").
    fn note_list_item(&mut self, item: &str) {
        if let Some((code, level)) = single_language(item) {
            self.note_language(code, level);
        }
        for f in table().find(item, Reading::List) {
            if !is_language_name(&f.printed) {
                self.note(f.concept, Source::Skills, &f.printed);
            }
        }
        // Skills the table does not know still count as written, one per list item.
        for part in item.split([',', ';', '|', '•', '·']) {
            let key = phrase_key(part);
            let known = table().lookup(part).is_some() || !languages_in(part).is_empty();
            if !key.is_empty() && key.split(' ').count() <= 4 && !known {
                self.note(&key, Source::Skills, part.trim());
            }
        }
    }

    fn note_prose(&mut self, text: &str, source: Source) {
        for f in table().find(text, Reading::Prose) {
            self.note(f.concept, source, &f.printed);
        }
    }

    fn note(&mut self, skill: &str, source: Source, printed: &str) {
        match self.skills.iter_mut().find(|h| h.skill == skill) {
            Some(hit) if source < hit.source => {
                hit.source = source;
                hit.printed = printed.to_owned();
            }
            Some(_) => {}
            None => self.skills.push(SkillHit {
                skill: skill.to_owned(),
                source,
                printed: printed.to_owned(),
            }),
        }
    }

    fn note_language(&mut self, code: String, level: Option<u8>) {
        match self.languages.iter_mut().find(|l| l.code == code) {
            Some(known) => known.level = known.level.max(level),
            None => self.languages.push(LanguageSkill { code, level }),
        }
    }

    /// The strongest evidence of `skill` (a concept name or a folded phrase), if any.
    pub fn skill(&self, skill: &str) -> Option<&SkillHit> {
        self.skills.iter().find(|h| h.skill == skill)
    }

    /// Records that `skill` was found by other means (a full-text search for a phrase the
    /// table does not know), unless stronger evidence is there already.
    pub fn add_hit(&mut self, skill: &str, source: Source, printed: &str) {
        self.note(skill, source, printed);
    }
}

/// A list item that is one language with its level ("Deutsch – Muttersprache").
fn single_language(item: &str) -> Option<(String, Option<u8>)> {
    let mut languages = languages_in(item);
    (languages.len() == 1).then(|| languages.remove(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use cvdeck_model::resume::{Language, Skill, Work};

    #[test]
    fn a_skill_counts_at_its_strongest_source() {
        let mut resume = Resume::default();
        resume.skills.push(Skill {
            name: "Tools".into(),
            keywords: vec!["k8s".into(), "Terraform".into(), "Ops tooling".into()],
        });
        resume.work.push(Work {
            highlights: vec!["Moved billing to Kubernetes and PostgreSQL".into()],
            ..Work::default()
        });
        let ev = Evidence::of(
            &resume,
            "k8s Terraform Kubernetes PostgreSQL Rust",
            Some(12),
        );
        let source = |s: &str| ev.skill(s).map(|h| (h.source, h.printed.as_str()));
        assert_eq!(source("Kubernetes"), Some((Source::Skills, "k8s")));
        assert_eq!(source("PostgreSQL"), Some((Source::Work, "PostgreSQL")));
        assert_eq!(source("Rust"), Some((Source::Text, "Rust")));
        assert_eq!(
            source("ops tooling"),
            Some((Source::Skills, "Ops tooling")),
            "skills the table does not know are kept as written"
        );
        assert_eq!(source("tools"), None, "a group's name is not a skill");
    }

    #[test]
    fn languages_from_the_languages_section_and_skill_lists() {
        let mut resume = Resume::default();
        resume.languages.push(Language {
            language: "Deutsch".into(),
            fluency: Some("Muttersprache".into()),
        });
        resume.skills.push(Skill {
            name: "English (B2)".into(),
            keywords: vec![],
        });
        let ev = Evidence::of(&resume, "", None);
        assert_eq!(
            ev.languages,
            [
                LanguageSkill {
                    code: "en".into(),
                    level: Some(4)
                },
                LanguageSkill {
                    code: "de".into(),
                    level: Some(6)
                },
            ]
        );
    }

    #[test]
    fn stored_evidence_reads_back_the_same() {
        let mut resume = Resume::default();
        resume.skills.push(Skill {
            name: "Python, SQL".into(),
            keywords: vec![],
        });
        let ev = Evidence::of(&resume, "Lisbon", Some(30));
        let json = serde_json::to_string(&ev).expect("serialises");
        assert_eq!(
            serde_json::from_str::<Evidence>(&json).expect("reads back"),
            ev
        );
    }
}
