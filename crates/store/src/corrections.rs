//! Fields corrected by hand: kept beside the parsed document and laid over every later parse,
//! so re-parsing never undoes what a person fixed.

use super::derived::{self, Derived};
use super::{now_ms, write_derived, Card, Library, ResumeId, StoreError};
use cvdeck_model::resume::{Location, Resume};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A field of `basics` a person can correct.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// `basics.name`.
    Name,
    /// `basics.label`, the headline.
    Headline,
    /// `basics.email`.
    Email,
    /// `basics.phone`.
    Phone,
    /// `basics.location`, as one line.
    Location,
}

impl Field {
    /// Every correctable field.
    pub const ALL: [Field; 5] = [
        Field::Name,
        Field::Headline,
        Field::Email,
        Field::Phone,
        Field::Location,
    ];

    /// Stable name ("name", "headline", "email", "phone", "location").
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Headline => "headline",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::Location => "location",
        }
    }

    /// The field with this name.
    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.as_str() == name)
    }

    fn get(self, resume: &Resume) -> Option<String> {
        let b = &resume.basics;
        match self {
            Field::Name => b.name.clone(),
            Field::Headline => b.label.clone(),
            Field::Email => b.email.clone(),
            Field::Phone => b.phone.clone(),
            Field::Location => b.location.one_line(),
        }
    }

    fn set(self, resume: &mut Resume, value: Option<String>) {
        let b = &mut resume.basics;
        match self {
            Field::Name => b.name = value,
            Field::Headline => b.label = value,
            Field::Email => b.email = value,
            Field::Phone => b.phone = value,
            Field::Location => {
                // Split into parts when they print back as the person wrote the place;
                // otherwise ("Berlin, Deutschland" would show as "Berlin, Germany") as typed.
                let split = value.as_deref().map(cvdeck_parse::split_place);
                b.location = match split {
                    Some(parts) if parts.one_line() == value => parts,
                    _ => Location {
                        address: value,
                        ..Location::default()
                    },
                }
            }
        }
    }
}

/// One corrected field: what the person wrote, and what the last parse found (to go back to).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Correction {
    value: Option<String>,
    parsed: Option<String>,
}

/// The corrections of one resume, by field name.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct Corrections(BTreeMap<String, Correction>);

impl Corrections {
    pub(crate) fn load(json: Option<&str>) -> Corrections {
        json.and_then(|j| serde_json::from_str(j).ok())
            .unwrap_or_default()
    }

    fn to_json(&self) -> Option<String> {
        (!self.0.is_empty()).then(|| serde_json::to_string(self).unwrap_or_default())
    }

    /// Lays the corrections over a fresh parse, remembering what the parse found.
    pub(crate) fn apply(&mut self, resume: &mut Resume) {
        for (name, correction) in &mut self.0 {
            if let Some(field) = Field::from_name(name) {
                correction.parsed = field.get(resume);
                field.set(resume, correction.value.clone());
            }
        }
        if !self.0.is_empty() {
            let fields: Vec<&str> = self.0.keys().map(String::as_str).collect();
            resume
                .meta
                .warnings
                .push(format!("corrected by hand: {}", fields.join(", ")));
        }
    }

    fn fields(&self) -> Vec<Field> {
        self.0.keys().filter_map(|k| Field::from_name(k)).collect()
    }
}

impl Library {
    /// Corrects one field of a parsed resume (`None` goes back to what the parse found). The
    /// correction survives re-parsing. Returns the card as it is now.
    pub fn correct(
        &self,
        id: ResumeId,
        field: Field,
        value: Option<&str>,
    ) -> Result<Card, StoreError> {
        {
            let mut conn = self.conn();
            let tx = conn.transaction()?;
            let row: Option<(Option<String>, Option<String>)> = tx
                .query_row(
                    "SELECT resume_json, corrections_json FROM resumes WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let (json, corrections) = row.ok_or(StoreError::NotFound(id))?;
            let mut resume: Resume =
                json.and_then(|j| serde_json::from_str(&j).ok())
                    .ok_or(StoreError::Conflict {
                        id,
                        status: "not parsed",
                        what: "only a parsed resume can be corrected",
                    })?;
            let mut corrections = Corrections::load(corrections.as_deref());
            let value = value.map(str::trim).filter(|v| !v.is_empty());
            match value {
                Some(v) => {
                    let parsed = field.get(&resume);
                    let entry =
                        corrections
                            .0
                            .entry(field.as_str().to_owned())
                            .or_insert(Correction {
                                value: None,
                                parsed,
                            });
                    entry.value = Some(v.to_owned());
                    field.set(&mut resume, Some(v.to_owned()));
                }
                None => {
                    if let Some(old) = corrections.0.remove(field.as_str()) {
                        field.set(&mut resume, old.parsed);
                    }
                }
            }
            tx.execute(
                "UPDATE resumes SET resume_json = ?2, corrections_json = ?3, name = ?4,
                     headline = ?5, email = ?6, phone = ?7, location = ?8, updated_at = ?9
                 WHERE id = ?1",
                params![
                    id,
                    serde_json::to_string(&resume).unwrap_or_else(|_| "{}".to_owned()),
                    corrections.to_json(),
                    resume.basics.name,
                    resume.basics.label,
                    resume.basics.email,
                    resume.basics.phone,
                    resume.basics.location.one_line(),
                    now_ms()
                ],
            )?;
            write_derived(&tx, id, &Derived::of(&resume, derived::this_month()))?;
            // The match evidence is read again, corrections and all, at the next ranking.
            tx.execute("DELETE FROM resume_evidence WHERE resume_id = ?1", [id])?;
            tx.commit()?;
        }
        self.card(id)
    }

    /// The fields of this resume corrected by hand.
    pub fn corrected_fields(&self, id: ResumeId) -> Result<Vec<Field>, StoreError> {
        let json: Option<Option<String>> = self
            .conn()
            .query_row(
                "SELECT corrections_json FROM resumes WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        let json = json.ok_or(StoreError::NotFound(id))?;
        Ok(Corrections::load(json.as_deref()).fields())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_corrected_place_is_split_only_when_it_shows_as_typed() {
        let mut resume = Resume::default();
        Field::Location.set(&mut resume, Some("10115 Berlin, Germany".into()));
        assert_eq!(resume.basics.location.city.as_deref(), Some("Berlin"));
        assert_eq!(resume.basics.location.country_code.as_deref(), Some("DE"));
        for typed in ["Berlin, Deutschland", "Mumbai 400001"] {
            Field::Location.set(&mut resume, Some(typed.into()));
            assert_eq!(resume.basics.location.address.as_deref(), Some(typed));
            assert_eq!(Field::Location.get(&resume).as_deref(), Some(typed));
        }
    }
}
