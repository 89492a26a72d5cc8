//! Finding cards: full-text search, filters, sorts, keyset pages, counts and skill facets.

use super::{card_from_row, Card, Counts, Library, ResumeId, Status, StoreError, CARD_COLUMNS};
use crate::parse::clean::fold;
use rusqlite::params_from_iter;
use rusqlite::types::Value;

/// Which cards to show. Every part narrows the set; an empty filter shows everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Words to find, each as a prefix, diacritics folded ("mull" finds "Müller").
    pub search: Option<String>,
    /// Only this status.
    pub status: Option<Status>,
    /// Every one of these skills (case and accents ignored).
    pub skills: Vec<String>,
    /// At least this many months of work experience.
    pub min_experience_months: Option<i64>,
    /// At most this many months of work experience.
    pub max_experience_months: Option<i64>,
}

/// Order of the cards.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    /// Most recently added first.
    #[default]
    Newest,
    /// First added first.
    Oldest,
    /// By name, A to Z; cards without a name last.
    Name,
    /// Most experienced first; unknown last.
    Experience,
    /// Most recently changed first.
    Updated,
    /// Best search match first (the newest first without a search).
    Relevance,
}

impl Sort {
    /// Parses the names the CLI and the UI use.
    pub fn from_name(name: &str) -> Option<Sort> {
        Some(match name {
            "newest" => Sort::Newest,
            "oldest" => Sort::Oldest,
            "name" => Sort::Name,
            "experience" => Sort::Experience,
            "updated" => Sort::Updated,
            "relevance" => Sort::Relevance,
            _ => return None,
        })
    }

    /// The sort key's SQL and whether it runs high to low; None: by id alone.
    fn key(self) -> (Option<&'static str>, bool) {
        match self {
            Sort::Newest | Sort::Relevance => (None, true),
            Sort::Oldest => (None, false),
            Sort::Name => (Some("COALESCE(name_key, char(65535))"), false),
            Sort::Experience => (Some("COALESCE(experience_months, -1)"), true),
            Sort::Updated => (Some("updated_at"), true),
        }
    }
}

/// Where the next page starts: opaque, valid for the same filter and sort.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor(pub String);

/// One page of cards.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The cards, in order.
    pub cards: Vec<Card>,
    /// The next page, if there is one.
    pub next: Option<Cursor>,
    /// Cards matching the filter.
    pub total: u64,
}

/// A skill and how many resumes list it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillCount {
    /// As printed (the most common spelling).
    pub skill: String,
    /// Resumes.
    pub count: u64,
}

/// The FTS5 query for what a user typed: every word, as a prefix, must match.
pub(crate) fn match_expression(search: &str) -> Option<String> {
    let words: Vec<String> = search
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// A WHERE clause with its parameters.
struct Conditions {
    sql: Vec<String>,
    params: Vec<Value>,
}

impl Conditions {
    fn new(filter: &Filter, with_status: bool, with_search: bool) -> Conditions {
        let mut c = Conditions {
            sql: vec!["1".into()],
            params: Vec::new(),
        };
        if with_search {
            if let Some(expr) = filter.search.as_deref().and_then(match_expression) {
                c.push(
                    "resumes.id IN (SELECT rowid FROM resumes_fts WHERE resumes_fts MATCH ?)",
                    Value::Text(expr),
                );
            }
        }
        if let (true, Some(status)) = (with_status, filter.status) {
            c.push("status = ?", Value::Text(status.as_str().into()));
        }
        for skill in &filter.skills {
            c.push(
                "resumes.id IN (SELECT resume_id FROM resume_skills WHERE skill_key = ?)",
                Value::Text(fold(skill.trim())),
            );
        }
        if let Some(min) = filter.min_experience_months {
            c.push("experience_months >= ?", Value::Integer(min));
        }
        if let Some(max) = filter.max_experience_months {
            c.push("experience_months <= ?", Value::Integer(max));
        }
        c
    }

    fn push(&mut self, sql: &str, param: Value) {
        self.sql.push(sql.to_owned());
        self.params.push(param);
    }

    fn sql(&self) -> String {
        self.sql.join(" AND ")
    }
}

/// Columns weighted for ranking: name, headline, skills, companies, titles, schools,
/// location, file name, full text.
const BM25: &str = "bm25(resumes_fts, 10.0, 6.0, 5.0, 4.0, 4.0, 3.0, 2.0, 1.0, 1.0)";

fn ranked(filter: &Filter, sort: Sort) -> Option<String> {
    (sort == Sort::Relevance)
        .then(|| filter.search.as_deref().and_then(match_expression))
        .flatten()
}

impl Library {
    /// One page of cards in `sort` order, starting after `after`. Pages are keyset-based
    /// (no OFFSET scans), except relevance order, which ranks every match anyway.
    pub fn page(
        &self,
        filter: &Filter,
        sort: Sort,
        after: Option<&Cursor>,
        limit: u32,
    ) -> Result<Page, StoreError> {
        let total = self.count(filter)?;
        let conn = self.conn();
        let limit = limit.max(1);
        if let Some(expr) = ranked(filter, sort) {
            let offset: u64 = after
                .and_then(|c| c.0.strip_prefix("o:"))
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            let mut cond = Conditions::new(filter, true, false);
            cond.params.insert(0, Value::Text(expr));
            cond.params.push(Value::Integer(i64::from(limit) + 1));
            cond.params.push(Value::Integer(offset as i64));
            let sql = format!(
                "SELECT {CARD_COLUMNS} FROM resumes
                 JOIN (SELECT rowid AS rid, {BM25} AS score FROM resumes_fts WHERE resumes_fts MATCH ?)
                   ON rid = resumes.id
                 WHERE {} ORDER BY score, resumes.id LIMIT ? OFFSET ?",
                cond.sql()
            );
            let mut cards = conn
                .prepare_cached(&sql)?
                .query_map(params_from_iter(cond.params), card_from_row)?
                .collect::<Result<Vec<_>, _>>()?;
            let next = (cards.len() > limit as usize).then(|| {
                cards.truncate(limit as usize);
                Cursor(format!("o:{}", offset + u64::from(limit)))
            });
            return Ok(Page { cards, next, total });
        }
        let (key, desc) = sort.key();
        let mut cond = Conditions::new(filter, true, true);
        let (cmp, dir) = if desc { ("<", "DESC") } else { (">", "ASC") };
        if let Some(cursor) = after {
            let (id, key_value) = match cursor.0.split_once(':') {
                Some((id, k)) => (id, Some(k)),
                None => (cursor.0.as_str(), None),
            };
            let id: ResumeId = id.parse().unwrap_or(if desc { i64::MAX } else { 0 });
            match (key, key_value) {
                (Some(key), Some(k)) => {
                    let value = if sort == Sort::Name {
                        Value::Text(k.to_owned())
                    } else {
                        Value::Integer(k.parse().unwrap_or(0))
                    };
                    cond.sql.push(format!("({key}, resumes.id) {cmp} (?, ?)"));
                    cond.params.push(value);
                    cond.params.push(Value::Integer(id));
                }
                _ => cond.push(&format!("resumes.id {cmp} ?"), Value::Integer(id)),
            }
        }
        let order = match key {
            Some(key) => format!("{key} {dir}, resumes.id {dir}"),
            None => format!("resumes.id {dir}"),
        };
        cond.params.push(Value::Integer(i64::from(limit) + 1));
        let sql = format!(
            "SELECT {CARD_COLUMNS}, {} FROM resumes WHERE {} ORDER BY {order} LIMIT ?",
            key.unwrap_or("NULL"),
            cond.sql()
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params_from_iter(cond.params))?;
        let mut cards = Vec::new();
        let mut last_key = None;
        while let Some(row) = rows.next()? {
            if cards.len() == limit as usize {
                let last: &Card = &cards[cards.len() - 1];
                let next = match &last_key {
                    Some(Value::Text(k)) => format!("{}:{k}", last.id),
                    Some(Value::Integer(k)) => format!("{}:{k}", last.id),
                    _ => last.id.to_string(),
                };
                return Ok(Page {
                    cards,
                    next: Some(Cursor(next)),
                    total,
                });
            }
            cards.push(card_from_row(row)?);
            last_key = Some(row.get::<_, Value>(15)?);
        }
        Ok(Page {
            cards,
            next: None,
            total,
        })
    }

    /// The ids of every matching card in order: what a virtualised grid needs to place
    /// any card at any scroll position, loading the cards themselves as they come into view.
    pub fn ids(&self, filter: &Filter, sort: Sort) -> Result<Vec<ResumeId>, StoreError> {
        let conn = self.conn();
        let (sql, params) = if let Some(expr) = ranked(filter, sort) {
            let mut cond = Conditions::new(filter, true, false);
            cond.params.insert(0, Value::Text(expr));
            (
                format!(
                    "SELECT resumes.id FROM resumes
                     JOIN (SELECT rowid AS rid, {BM25} AS score FROM resumes_fts WHERE resumes_fts MATCH ?)
                       ON rid = resumes.id
                     WHERE {} ORDER BY score, resumes.id",
                    cond.sql()
                ),
                cond.params,
            )
        } else {
            let (key, desc) = sort.key();
            let dir = if desc { "DESC" } else { "ASC" };
            let cond = Conditions::new(filter, true, true);
            let order = match key {
                Some(key) => format!("{key} {dir}, resumes.id {dir}"),
                None => format!("resumes.id {dir}"),
            };
            (
                format!(
                    "SELECT resumes.id FROM resumes WHERE {} ORDER BY {order}",
                    cond.sql()
                ),
                cond.params,
            )
        };
        let ids = conn
            .prepare_cached(&sql)?
            .query_map(params_from_iter(params), |r| r.get(0))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(ids)
    }

    /// How many cards match.
    pub fn count(&self, filter: &Filter) -> Result<u64, StoreError> {
        let cond = Conditions::new(filter, true, true);
        let sql = format!("SELECT COUNT(*) FROM resumes WHERE {}", cond.sql());
        Ok(self
            .conn()
            .prepare_cached(&sql)?
            .query_row(params_from_iter(cond.params), |r| r.get(0))?)
    }

    /// Counts per status of the cards matching everything in `filter` but its status:
    /// what the status chips show.
    pub fn counts_matching(&self, filter: &Filter) -> Result<Counts, StoreError> {
        let cond = Conditions::new(filter, false, true);
        let sql = format!(
            "SELECT status, COUNT(*) FROM resumes WHERE {} GROUP BY status",
            cond.sql()
        );
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(cond.params), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, u64>(1)?))
        })?;
        let mut counts = Counts::default();
        for row in rows {
            let (status, n) = row?;
            counts.add(Status::parse(&status), n);
        }
        Ok(counts)
    }

    /// The most listed skills among the matching cards, most common first.
    pub fn skill_counts(&self, filter: &Filter, limit: u32) -> Result<Vec<SkillCount>, StoreError> {
        let mut cond = Conditions::new(filter, true, true);
        cond.params.push(Value::Integer(i64::from(limit)));
        let sql = format!(
            "SELECT MIN(skill), COUNT(*) AS n FROM resume_skills
             WHERE resume_id IN (SELECT resumes.id FROM resumes WHERE {})
             GROUP BY skill_key ORDER BY n DESC, skill_key LIMIT ?",
            cond.sql()
        );
        let conn = self.conn();
        let skills = conn
            .prepare_cached(&sql)?
            .query_map(params_from_iter(cond.params), |r| {
                Ok(SkillCount {
                    skill: r.get(0)?,
                    count: r.get(1)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(skills)
    }
}
