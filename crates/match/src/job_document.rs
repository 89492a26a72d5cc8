//! Requirements as a JSON Resume *job* document (the `job-schema.json` of `@jsonresume/schema`),
//! so a job travels between libraries and tools. Only the schema's own fields are written:
//! skills carry their level ("required" or "nice to have"), the minimum years go to
//! `experience`, languages to `qualifications`, and reading one back goes through the same
//! reader as an ad for whatever it states in words.

use crate::requirements::{read_ad, read_requirement_lines, LanguageRequirement, Requirements};
use cvdeck_model::resume::Location;
use serde::{Deserialize, Serialize};

/// The job document, as far as CV Deck reads and writes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobDocument {
    /// "Web Developer".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// The ad's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where the work is (the job schema's `location` has the resume schema's fields).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// "Full", "Hybrid" or "None".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote: Option<String>,
    /// "3+ years".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experience: Option<String>,
    /// What the job involves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsibilities: Vec<String>,
    /// What a candidate brings, in words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub qualifications: Vec<String>,
    /// Skills with their level.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<JobSkill>,
}

/// `skills[]` of a job document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct JobSkill {
    /// The skill.
    pub name: String,
    /// "required", "nice to have", or any level the author wrote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// Further skills under this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
}

const REQUIRED_LEVEL: &str = "required";
const NICE_LEVEL: &str = "nice to have";

impl JobDocument {
    /// The document that states `reqs`.
    pub fn of(reqs: &Requirements) -> JobDocument {
        let skill = |name: &String, level: &str| JobSkill {
            name: name.clone(),
            level: Some(level.to_owned()),
            keywords: Vec::new(),
        };
        JobDocument {
            title: reqs.title.clone(),
            location: reqs.location.as_deref().map(cvdeck_parse::split_place),
            remote: reqs.remote.then(|| "Full".to_owned()),
            experience: reqs.min_years.map(|y| format!("{y}+ years of experience")),
            qualifications: reqs.languages.iter().map(language_line).collect(),
            skills: reqs
                .required
                .iter()
                .map(|s| skill(s, REQUIRED_LEVEL))
                .chain(reqs.nice.iter().map(|s| skill(s, NICE_LEVEL)))
                .collect(),
            ..JobDocument::default()
        }
    }

    /// The requirements this document states: its skills by level (a skill without a level
    /// is required), and what its title, description, experience and qualifications say.
    pub fn requirements(&self) -> Requirements {
        let mut reqs = read_ad(self.description.as_deref().unwrap_or(""));
        let stated: Vec<&str> = self
            .experience
            .iter()
            .chain(&self.qualifications)
            .map(String::as_str)
            .collect();
        let more = read_requirement_lines(&stated.join("\n"));
        reqs.min_years = reqs.min_years.max(more.min_years);
        for language in more.languages {
            if !reqs.languages.iter().any(|l| l.code == language.code) {
                reqs.languages.push(language);
            }
        }
        for skill in &more.required {
            reqs.require(skill);
        }
        for skill in &more.nice {
            reqs.welcome(skill);
        }
        reqs.title = self.title.clone().or(reqs.title);
        if let Some(place) = self.location.as_ref().and_then(Location::one_line) {
            reqs.location = Some(place);
        }
        if let Some(remote) = &self.remote {
            reqs.remote = remote.eq_ignore_ascii_case("full");
        }
        for skill in &self.skills {
            let nice = skill.level.as_deref().is_some_and(|l| {
                let l = crate::words::fold(l);
                l.contains("nice")
                    || l.contains("plus")
                    || l.contains("optional")
                    || l.contains("prefer")
            });
            for name in std::iter::once(&skill.name).chain(&skill.keywords) {
                if nice {
                    reqs.welcome(name);
                } else {
                    reqs.require(name);
                }
            }
        }
        reqs
    }
}

fn language_line(l: &LanguageRequirement) -> String {
    let name = crate::lexicon::spoken::ENGLISH_NAMES
        .iter()
        .find(|(code, _)| *code == l.code)
        .map_or(l.code.as_str(), |(_, name)| *name);
    match l.level {
        Some(level) => format!("{name} {}", crate::fit::cefr_name(level)),
        None => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requirements_survive_a_round_trip_through_a_job_document() {
        let reqs = Requirements {
            title: Some("Data Engineer".into()),
            required: vec![
                "Python".into(),
                "Apache Kafka".into(),
                "dbt modelling".into(),
            ],
            nice: vec!["Kubernetes".into()],
            min_years: Some(4),
            languages: vec![LanguageRequirement {
                code: "de".into(),
                level: Some(5),
            }],
            location: Some("Hamburg".into()),
            remote: false,
        };
        let json = serde_json::to_string(&JobDocument::of(&reqs)).expect("serialises");
        let back: JobDocument = serde_json::from_str(&json).expect("reads");
        assert_eq!(back.requirements(), reqs);
    }

    #[test]
    fn a_document_from_another_tool_reads_by_its_words() {
        let doc: JobDocument = serde_json::from_str(
            r#"{"title": "Web Developer", "remote": "Hybrid",
                "qualifications": ["3+ years of experience in web development", "Fluent English"],
                "skills": [{"name": "Web Development", "level": "Expert", "keywords": ["HTML", "CSS", "JavaScript"]}]}"#,
        )
        .expect("reads");
        let reqs = doc.requirements();
        assert_eq!(reqs.min_years, Some(3));
        assert_eq!(
            reqs.languages,
            [LanguageRequirement {
                code: "en".into(),
                level: Some(5)
            }]
        );
        assert!(
            reqs.required.contains(&"JavaScript".to_owned()),
            "{:?}",
            reqs.required
        );
        assert!(!reqs.remote);
    }
}
