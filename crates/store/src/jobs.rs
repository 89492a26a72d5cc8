//! Jobs kept in the library, each with its requirements, and the ranking of resumes against
//! one. The matching itself is `cvdeck-match`'s; this module stores what it needs: the jobs,
//! and beside each parsed resume its evidence (`resume_evidence`), read at the first ranking
//! after the resume was parsed or corrected (or, in the app, just after its import) and again
//! when an older version of the rules read it.

use super::query::Filter;
use super::{now_ms, Library, ResumeId, Sort, StoreError};
use cvdeck_match::{evidence_version, Evidence, Fit, Ranked, Requirements, Source};
use cvdeck_model::resume::Resume;
use rusqlite::{params, OptionalExtension};
use std::collections::HashMap;
use std::sync::Arc;

/// Skills found by full-text search, per resume: (skill key, where, the words searched).
type PhraseHits = HashMap<ResumeId, Vec<(String, Source, String)>>;

/// One core's share of stored evidence: what was current, and the ids to read again.
type ReadPart = (Vec<(ResumeId, Evidence)>, Vec<ResumeId>);

/// A parsed row as stored: id, JSON Resume, text, months of experience.
type StoredRow = (ResumeId, Option<String>, Option<String>, Option<i64>);

/// Identifier of a job.
pub type JobId = i64;

/// A job kept in the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// Its id.
    pub id: JobId,
    /// What it asks, as read from the ad and corrected by hand.
    pub requirements: Requirements,
    /// The ad it was read from, if it came from one.
    pub ad_text: Option<String>,
    /// When it was added (ms since the epoch).
    pub created_at: i64,
    /// When its requirements last changed.
    pub updated_at: i64,
}

impl Job {
    /// What a list shows it as: its title, else "Job N".
    pub fn title(&self) -> String {
        self.requirements
            .title
            .clone()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| format!("Job {}", self.id))
    }
}

/// The resumes of a filter, ranked against a job.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ranking {
    /// Parsed resumes, best first, each with its score ([`Library::fit`] explains one).
    pub ranked: Vec<Ranked>,
    /// Resumes of the filter that are not parsed (pending, processing, failed): nothing to rank.
    pub unranked: Vec<ResumeId>,
}

/// What the grid shows for a job: the ids in order and each one's score.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RankedView {
    /// The ids, in the order asked for.
    pub ids: Vec<ResumeId>,
    /// Each id's score, in the same order (0 for a resume not parsed).
    pub scores: Vec<u8>,
}

/// Which of a ranking the grid shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FitFilter {
    /// Only resumes that show every required skill.
    pub all_required: bool,
    /// Only resumes scoring at least this.
    pub min_score: Option<u8>,
}

impl FitFilter {
    fn keeps(&self, r: &Ranked) -> bool {
        (!self.all_required || r.has_all_required()) && self.min_score.is_none_or(|m| r.score >= m)
    }

    fn is_open(&self) -> bool {
        !self.all_required && self.min_score.is_none()
    }
}

/// Every parsed resume's evidence, kept in memory between rankings while the library does
/// not change, so that editing a job's requirements re-ranks without reading the database.
#[derive(Default)]
pub(crate) struct EvidenceCache {
    key: Option<(i64, i64, i64)>,
    evidence: Arc<HashMap<ResumeId, Evidence>>,
}

impl Library {
    /// Keeps a new job; its id comes back in it.
    pub fn add_job(
        &self,
        requirements: &Requirements,
        ad_text: Option<&str>,
    ) -> Result<Job, StoreError> {
        let now = now_ms();
        let conn = self.conn();
        conn.execute(
            "INSERT INTO jobs (requirements_json, ad_text, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
            params![to_json(requirements), ad_text, now],
        )?;
        let id = conn.last_insert_rowid();
        drop(conn);
        self.job(id)
    }

    /// Every job, newest first.
    pub fn jobs(&self) -> Result<Vec<Job>, StoreError> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT id, requirements_json, ad_text, created_at, updated_at FROM jobs ORDER BY id DESC",
        )?;
        let jobs = stmt
            .query_map([], job_from_row)?
            .collect::<Result<_, _>>()?;
        Ok(jobs)
    }

    /// One job.
    pub fn job(&self, id: JobId) -> Result<Job, StoreError> {
        self.conn()
            .query_row(
                "SELECT id, requirements_json, ad_text, created_at, updated_at FROM jobs WHERE id = ?1",
                [id],
                job_from_row,
            )
            .optional()?
            .ok_or(StoreError::JobNotFound(id))
    }

    /// Replaces a job's requirements (a person corrected them).
    pub fn update_job(&self, id: JobId, requirements: &Requirements) -> Result<Job, StoreError> {
        let changed = self.conn().execute(
            "UPDATE jobs SET requirements_json = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, to_json(requirements), now_ms()],
        )?;
        if changed == 0 {
            return Err(StoreError::JobNotFound(id));
        }
        self.job(id)
    }

    /// Removes a job (the resumes stay).
    pub fn delete_job(&self, id: JobId) -> Result<(), StoreError> {
        match self
            .conn()
            .execute("DELETE FROM jobs WHERE id = ?1", [id])?
        {
            0 => Err(StoreError::JobNotFound(id)),
            _ => Ok(()),
        }
    }

    /// The resumes `filter` shows, ranked against `requirements`.
    pub fn rank(
        &self,
        requirements: &Requirements,
        filter: &Filter,
    ) -> Result<Ranking, StoreError> {
        let evidence = self.evidence()?;
        let everything = *filter == Filter::default();
        let ids = if everything {
            Vec::new()
        } else {
            self.ids(filter, Sort::Newest)?
        };
        let phrase_hits = self.phrase_hits(requirements)?;
        let mut with_hits: Vec<(ResumeId, Evidence)> = Vec::new();
        for (id, hits) in &phrase_hits {
            if let Some(ev) = evidence.get(id) {
                let mut ev = ev.clone();
                for (skill, source, printed) in hits {
                    ev.add_hit(skill, *source, printed);
                }
                with_hits.push((*id, ev));
            }
        }
        let boosted: HashMap<ResumeId, &Evidence> =
            with_hits.iter().map(|(id, ev)| (*id, ev)).collect();
        let pick = |id: ResumeId| boosted.get(&id).copied().or_else(|| evidence.get(&id));
        let (candidates, unranked): (Vec<(ResumeId, &Evidence)>, Vec<ResumeId>) = if everything {
            let candidates = evidence
                .keys()
                .filter_map(|&id| pick(id).map(|ev| (id, ev)))
                .collect();
            (candidates, self.ids_not_completed()?)
        } else {
            let mut candidates = Vec::with_capacity(ids.len());
            let mut unranked = Vec::new();
            for id in ids {
                match pick(id) {
                    Some(ev) => candidates.push((id, ev)),
                    None => unranked.push(id),
                }
            }
            (candidates, unranked)
        };
        Ok(Ranking {
            ranked: cvdeck_match::rank(requirements, candidates),
            unranked,
        })
    }

    /// The resumes `filter` and `fit` let through, best fit first (`sort` None) or in `sort`'s
    /// order, with their scores. Resumes not parsed come last in fit order, and only while
    /// `fit` filters nothing (they have no score to pass a filter with).
    pub fn ranked_view(
        &self,
        requirements: &Requirements,
        filter: &Filter,
        sort: Option<Sort>,
        fit: FitFilter,
    ) -> Result<RankedView, StoreError> {
        let ranking = self.rank(requirements, filter)?;
        let mut view = RankedView::default();
        match sort {
            None => {
                for r in ranking.ranked.iter().filter(|r| fit.keeps(r)) {
                    view.ids.push(r.id);
                    view.scores.push(r.score);
                }
                if fit.is_open() {
                    view.scores.extend(ranking.unranked.iter().map(|_| 0));
                    view.ids.extend(ranking.unranked);
                }
            }
            Some(sort) => {
                let by_id: HashMap<ResumeId, &Ranked> =
                    ranking.ranked.iter().map(|r| (r.id, r)).collect();
                for id in self.ids(filter, sort)? {
                    match by_id.get(&id) {
                        Some(r) if fit.keeps(r) => {
                            view.ids.push(id);
                            view.scores.push(r.score);
                        }
                        None if fit.is_open() => {
                            view.ids.push(id);
                            view.scores.push(0);
                        }
                        _ => {}
                    }
                }
            }
        }
        Ok(view)
    }

    /// Reads and keeps the match evidence of parsed resumes that have none yet (new,
    /// re-parsed or corrected ones), so that the next ranking does not wait for it. Nothing is
    /// held in memory: a library nobody ranks costs no memory for it.
    pub fn prepare_ranking(&self) -> Result<(), StoreError> {
        let missing: Vec<ResumeId> = {
            let conn = self.conn();
            let mut stmt = conn.prepare(
                "SELECT r.id FROM resumes AS r
                 LEFT JOIN resume_evidence AS e ON e.resume_id = r.id
                 WHERE r.status = 'completed' AND e.resume_id IS NULL",
            )?;
            let ids = stmt
                .query_map([], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            ids
        };
        self.read_evidence_again(&missing).map(|_| ())
    }

    /// One resume's fit to `requirements`, with its explanation; None if it is not parsed.
    pub fn fit(
        &self,
        requirements: &Requirements,
        id: ResumeId,
    ) -> Result<Option<Fit>, StoreError> {
        Ok(self.fits(requirements, &[id])?.pop().flatten())
    }

    /// The fits of `ids` with their explanations, in the same order (None: not parsed).
    pub fn fits(
        &self,
        requirements: &Requirements,
        ids: &[ResumeId],
    ) -> Result<Vec<Option<Fit>>, StoreError> {
        let evidence = self.evidence()?;
        let phrase_hits = self.phrase_hits(requirements)?;
        Ok(ids
            .iter()
            .map(|id| {
                let mut ev = evidence.get(id)?.clone();
                for (skill, source, printed) in phrase_hits.get(id).into_iter().flatten() {
                    ev.add_hit(skill, *source, printed);
                }
                Some(cvdeck_match::score(requirements, &ev))
            })
            .collect())
    }

    /// Rows that cannot be ranked, newest first ("IN", not "!=", so that the status index
    /// is used rather than every row read).
    fn ids_not_completed(&self) -> Result<Vec<ResumeId>, StoreError> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT id FROM resumes WHERE status IN ('pending', 'processing', 'failed')
             ORDER BY id DESC",
        )?;
        let ids = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(ids)
    }

    /// For skills the table does not know ("dbt modelling"), the resumes whose text has the
    /// phrase, found with the full-text index: in the skills section, or anywhere.
    fn phrase_hits(&self, requirements: &Requirements) -> Result<PhraseHits, StoreError> {
        let mut hits = PhraseHits::new();
        let unknown = requirements
            .required
            .iter()
            .chain(&requirements.nice)
            .filter(|s| cvdeck_match::skills::table().lookup(s).is_none());
        let conn = self.conn();
        for skill in unknown {
            let Some(phrase) = phrase_query(skill) else {
                continue;
            };
            let key = cvdeck_match::skill_key(skill);
            for (column, source) in [("skills_text", Source::Skills), ("text", Source::Text)] {
                let mut stmt = conn
                    .prepare_cached("SELECT rowid FROM resumes_fts WHERE resumes_fts MATCH ?1")?;
                let ids: Vec<ResumeId> = stmt
                    .query_map([format!("{column} : {phrase}")], |r| r.get(0))?
                    .collect::<Result<_, _>>()?;
                for id in ids {
                    hits.entry(id)
                        .or_default()
                        .push((key.clone(), source, skill.clone()));
                }
            }
        }
        Ok(hits)
    }

    /// Every parsed resume's evidence: from memory while the library is unchanged, else from
    /// the database, reading again what is missing or was read by older rules.
    fn evidence(&self) -> Result<Arc<HashMap<ResumeId, Evidence>>, StoreError> {
        // Whatever changes a parsed resume (a parse, a correction, a delete, a tag) moves one of
        // these; each is read from an index, not from every row.
        let key = self.conn().query_row(
            "SELECT count(*), COALESCE(max(updated_at), 0), COALESCE(max(id), 0) FROM resumes",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let mut cache = self
            .evidence_cache
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if cache.key == Some(key) {
            return Ok(cache.evidence.clone());
        }
        let stored: Vec<(ResumeId, Option<String>)> = {
            let conn = self.conn();
            let mut stmt = conn.prepare(
                "SELECT r.id, e.json FROM resumes AS r
                     LEFT JOIN resume_evidence AS e ON e.resume_id = r.id
                     WHERE r.status = 'completed'",
            )?;
            let rows = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            rows
        };
        let (mut evidence, stale) = read_stored_evidence(stored);
        evidence.extend(self.read_evidence_again(&stale)?);
        cache.key = Some(key);
        cache.evidence = Arc::new(evidence);
        Ok(cache.evidence.clone())
    }

    /// Reads again the evidence of `ids` (none stored, or an older version's: a library from
    /// before jobs, a corrected resume, new matching rules), and keeps it when the library can
    /// be written; a read-only library uses it all the same.
    fn read_evidence_again(
        &self,
        ids: &[ResumeId],
    ) -> Result<Vec<(ResumeId, Evidence)>, StoreError> {
        let mut fresh = Vec::with_capacity(ids.len());
        // A batch at a time: read from the database, then parsed on every core.
        for batch in ids.chunks(1024) {
            let mut rows: Vec<StoredRow> = Vec::with_capacity(batch.len());
            {
                let conn = self.conn();
                let mut stmt = conn.prepare_cached(
                    "SELECT id, resume_json, text, experience_months FROM resumes WHERE id = ?1",
                )?;
                for id in batch {
                    let row = stmt
                        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
                        .optional()?;
                    rows.extend(row);
                }
            }
            fresh.extend(evidence_of_rows(rows));
        }
        if fresh.is_empty() || self.owner.is_none() {
            return Ok(fresh);
        }
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        {
            // Not updated_at: the card has not changed, and windows need not fetch it again.
            let mut update = tx.prepare(
                "INSERT OR REPLACE INTO resume_evidence (resume_id, json) VALUES (?1, ?2)",
            )?;
            for (id, ev) in &fresh {
                update.execute(params![id, serde_json::to_string(ev).unwrap_or_default()])?;
            }
        }
        tx.commit()?;
        Ok(fresh)
    }
}

/// The evidence of stored rows, read on every core.
fn evidence_of_rows(rows: Vec<StoredRow>) -> Vec<(ResumeId, Evidence)> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let chunk = rows.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = rows
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|(id, json, text, months)| {
                            let resume: Resume = json
                                .as_deref()
                                .and_then(|j| serde_json::from_str(j).ok())
                                .unwrap_or_default();
                            (
                                *id,
                                Evidence::of(&resume, text.as_deref().unwrap_or(""), *months),
                            )
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    })
}

/// The stored evidence that is current, and the ids of rows whose evidence is missing, of
/// another version, or unreadable. Parsed on every core: a large library has a lot of it.
fn read_stored_evidence(
    stored: Vec<(ResumeId, Option<String>)>,
) -> (HashMap<ResumeId, Evidence>, Vec<ResumeId>) {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let chunk = stored.len().div_ceil(threads).max(4096);
    let current = evidence_version();
    let parts: Vec<ReadPart> = std::thread::scope(|scope| {
        let workers: Vec<_> = stored
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    let mut good = Vec::with_capacity(part.len());
                    let mut stale = Vec::new();
                    for (id, json) in part {
                        let ev = json
                            .as_deref()
                            .and_then(|j| serde_json::from_str::<Evidence>(j).ok())
                            .filter(|ev| ev.version == current);
                        match ev {
                            Some(ev) => good.push((*id, ev)),
                            None => stale.push(*id),
                        }
                    }
                    (good, stale)
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_default())
            .collect()
    });
    let mut evidence = HashMap::with_capacity(stored.len());
    let mut stale = Vec::new();
    for (good, bad) in parts {
        evidence.extend(good);
        stale.extend(bad);
    }
    (evidence, stale)
}

/// An FTS5 phrase for `skill`'s words (nothing of FTS5's syntax survives: only the words).
fn phrase_query(skill: &str) -> Option<String> {
    let words: Vec<&str> = skill
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    (!words.is_empty()).then(|| format!("\"{}\"", words.join(" ")))
}

fn to_json(requirements: &Requirements) -> String {
    serde_json::to_string(requirements).unwrap_or_else(|_| "{}".to_owned())
}

fn job_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Job> {
    let json: String = row.get(1)?;
    Ok(Job {
        id: row.get(0)?,
        requirements: serde_json::from_str(&json).unwrap_or_default(),
        ad_text: row.get(2)?,
        created_at: row.get(3)?,
        updated_at: row.get(4)?,
    })
}
