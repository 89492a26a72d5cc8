//! Ranks JSON Resume documents against a job, offline and explainably.
//!
//! A job ad is read into [`Requirements`] ([`read_ad`]); a parsed resume is read into the
//! [`Evidence`] a match needs ([`Evidence::of`]: its skills as concepts, with where each was
//! found, its years, languages, titles and place); [`score`] weighs one against the other into
//! a [`Fit`]: a score from 0 to 100 and the lines that explain every point of it. Skills are
//! met as concepts of one table ([`skills::table`]): ESCO's skills in English, French and
//! Spanish, plus a curated table of technology names and German and Portuguese spellings, so
//! "k8s" meets "Kubernetes" and "Projektmanagement" meets "gestion de projet".
//!
//! ```
//! use cvdeck_match::{read_ad, score, Evidence};
//! use cvdeck_model::resume::{Resume, Skill, Work};
//!
//! let job = read_ad("Backend Engineer\nRequirements:\n- 3+ years of experience with Postgres and k8s\n");
//! assert_eq!(job.required, ["PostgreSQL", "Kubernetes"]);
//! assert_eq!(job.min_years, Some(3));
//!
//! let mut resume = Resume::default();
//! resume.skills.push(Skill { name: "PostgreSQL, Kubernetes".into(), ..Skill::default() });
//! resume.work.push(Work { position: Some("Backend Engineer".into()), ..Work::default() });
//! let fit = score(&job, &Evidence::of(&resume, "", Some(48)));
//! assert_eq!(fit.score, 100);
//! ```
//!
//! The crate does no IO: the tables are compiled in, and a library of resumes is ranked by
//! whoever holds it (`cvdeck-engine`) calling [`score`] over stored [`Evidence`].
#![deny(missing_docs)]

mod evidence;
mod fit;
pub mod job_document;
mod lexicon;
mod requirements;
pub mod skills;
mod words;

pub use evidence::{evidence_version, Evidence, LanguageSkill, SkillHit, Source};
pub use fit::{rank, score, Fit, Line, LineKind, Ranked, Weights, WEIGHTS};
pub use requirements::{read_ad, skill_key, skill_name, LanguageRequirement, Requirements};
