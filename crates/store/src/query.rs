//! Finding cards: full-text search, filters, sorts, keyset pages, counts and skill facets.

use super::{Card, Counts, Library, ResumeId, Status, StoreError};
use cvdeck_parse::fold_ascii as fold;
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
    /// Written in this language (ISO 639-1, e.g. "de").
    pub language: Option<String>,
    /// Every one of these tags (case and accents ignored).
    pub tags: Vec<String>,
}

impl Filter {
    /// Narrows to a range of whole years of experience: "at most 5" keeps 5 years and 11
    /// months, as people mean it.
    pub fn with_years(mut self, min: Option<u32>, max: Option<u32>) -> Filter {
        self.min_experience_months = min.map(|y| i64::from(y) * 12);
        self.max_experience_months = max.map(|y| i64::from(y) * 12 + 11);
        self
    }
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
    /// Rows of this page that could not be read (a damaged database), left out.
    pub unreadable: Vec<ResumeId>,
}

/// A skill and how many resumes list it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillCount {
    /// As printed (the most common spelling).
    pub skill: String,
    /// Resumes.
    pub count: u64,
}

/// How many resumes are written in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageCount {
    /// ISO 639-1 code.
    pub language: String,
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

/// A filter as SQL: the full-text match (if any) apart from the other conditions, because
/// SQLite must run the match once and join its rows, never probe the index row by row.
pub(super) struct Plan {
    matches: Option<String>,
    conds: Vec<String>,
    params: Vec<Value>,
}

impl Plan {
    pub(super) fn new(filter: &Filter, with_status: bool) -> Plan {
        let mut plan = Plan {
            matches: filter.search.as_deref().and_then(match_expression),
            conds: Vec::new(),
            params: Vec::new(),
        };
        if let (true, Some(status)) = (with_status, filter.status) {
            plan.push("status = ?", Value::Text(status.as_str().into()));
        }
        for skill in &filter.skills {
            plan.push(
                "resumes.id IN (SELECT resume_id FROM resume_skills WHERE skill_key = ?)",
                Value::Text(fold(skill.trim())),
            );
        }
        if let Some(min) = filter.min_experience_months {
            plan.push("experience_months >= ?", Value::Integer(min));
        }
        if let Some(max) = filter.max_experience_months {
            plan.push("experience_months <= ?", Value::Integer(max));
        }
        for tag in &filter.tags {
            plan.push(
                "resumes.id IN (SELECT resume_id FROM resume_tags WHERE tag_key = ?)",
                Value::Text(fold(tag.trim())),
            );
        }
        if let Some(language) = &filter.language {
            plan.push("language = ?", Value::Text(language.clone()));
        }
        plan
    }

    fn push(&mut self, sql: &str, param: Value) {
        self.conds.push(sql.to_owned());
        self.params.push(param);
    }

    fn only_search(&self) -> bool {
        self.matches.is_some() && self.conds.is_empty()
    }

    /// `FROM …` and the parameters of `where_sql`, in order. With a search, the full-text
    /// table is the outer loop (CROSS JOIN fixes SQLite's join order): the match runs once.
    pub(super) fn from(&self) -> (&'static str, Vec<Value>) {
        let mut params = Vec::new();
        let from = match &self.matches {
            Some(expr) => {
                params.push(Value::Text(expr.clone()));
                "resumes_fts CROSS JOIN resumes ON resumes.id = resumes_fts.rowid"
            }
            None => "resumes",
        };
        params.extend(self.params.iter().cloned());
        (from, params)
    }

    pub(super) fn where_sql(&self, extra: &[String]) -> String {
        let matches = self
            .matches
            .as_ref()
            .map(|_| "resumes_fts MATCH ?".to_owned());
        let all: Vec<&str> = matches
            .iter()
            .chain(&self.conds)
            .chain(extra)
            .map(String::as_str)
            .collect();
        if all.is_empty() {
            "1".to_owned()
        } else {
            all.join(" AND ")
        }
    }
}

/// Columns weighted for ranking: name, headline, skills, companies, titles, schools,
/// location, file name, full text.
const BM25: &str = "bm25(resumes_fts, 10.0, 6.0, 5.0, 4.0, 4.0, 3.0, 2.0, 1.0, 1.0)";

fn ranked(filter: &Filter, sort: Sort) -> bool {
    sort == Sort::Relevance
        && filter
            .search
            .as_deref()
            .and_then(match_expression)
            .is_some()
}

/// Where a page in relevance order starts: its cursor is an offset ("o:N").
fn ranked_offset(after: Option<&Cursor>) -> u64 {
    after
        .and_then(|c| c.0.strip_prefix("o:"))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// An ordered id query: SQL, parameters, and whether the second column is the sort key.
fn ordered_ids(
    filter: &Filter,
    sort: Sort,
    after: Option<&Cursor>,
    limit: Option<u32>,
) -> (String, Vec<Value>) {
    let plan = Plan::new(filter, true);
    if ranked(filter, sort) {
        let offset = ranked_offset(after);
        let page = limit
            .map(|l| format!(" LIMIT {} OFFSET {offset}", i64::from(l) + 1))
            .unwrap_or_default();
        if plan.only_search() {
            let expr = plan.matches.clone().unwrap_or_default();
            return (
                format!(
                    "SELECT rowid, NULL FROM resumes_fts WHERE resumes_fts MATCH ?
                     ORDER BY {BM25}, rowid{page}"
                ),
                vec![Value::Text(expr)],
            );
        }
        let (from, params) = plan.from();
        return (
            format!(
                "SELECT resumes.id, NULL FROM {from} WHERE {} ORDER BY {BM25}, resumes.id{page}",
                plan.where_sql(&[])
            ),
            params,
        );
    }
    let (key, desc) = sort.key();
    let (cmp, dir) = if desc { ("<", "DESC") } else { (">", "ASC") };
    let (from, mut params) = plan.from();
    let mut extra = Vec::new();
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
                extra.push(format!("({key}, resumes.id) {cmp} (?, ?)"));
                params.push(value);
                params.push(Value::Integer(id));
            }
            _ => {
                extra.push(format!("resumes.id {cmp} ?"));
                params.push(Value::Integer(id));
            }
        }
    }
    let order = match key {
        Some(key) => format!("{key} {dir}, resumes.id {dir}"),
        None => format!("resumes.id {dir}"),
    };
    let page = limit
        .map(|l| format!(" LIMIT {}", i64::from(l) + 1))
        .unwrap_or_default();
    (
        format!(
            "SELECT resumes.id, {} FROM {from} WHERE {} ORDER BY {order}{page}",
            key.unwrap_or("NULL"),
            plan.where_sql(&extra)
        ),
        params,
    )
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
        let limit = limit.max(1);
        let (sql, params) = ordered_ids(filter, sort, after, Some(limit));
        let rows: Vec<(ResumeId, Value)> = {
            let conn = self.conn();
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows = stmt
                .query_map(params_from_iter(params), |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<Vec<_>, _>>()?;
            rows
        };
        let more = rows.len() > limit as usize;
        let rows = &rows[..rows.len().min(limit as usize)];
        let next = match rows.last() {
            Some(_) if more && ranked(filter, sort) => Some(Cursor(format!(
                "o:{}",
                ranked_offset(after) + u64::from(limit)
            ))),
            Some((id, key)) if more => Some(Cursor(match key {
                Value::Text(k) => format!("{id}:{k}"),
                Value::Integer(k) => format!("{id}:{k}"),
                _ => id.to_string(),
            })),
            _ => None,
        };
        let ids: Vec<ResumeId> = rows.iter().map(|(id, _)| *id).collect();
        let (cards, unreadable) = self.readable_cards(&ids)?;
        Ok(Page {
            cards,
            next,
            total,
            unreadable,
        })
    }

    /// The ids of every matching card in order: what a virtualised grid needs to place
    /// any card at any scroll position, loading the cards themselves as they come into view.
    pub fn ids(&self, filter: &Filter, sort: Sort) -> Result<Vec<ResumeId>, StoreError> {
        let (sql, params) = ordered_ids(filter, sort, None, None);
        let conn = self.conn();
        let ids = conn
            .prepare_cached(&sql)?
            .query_map(params_from_iter(params), |r| r.get(0))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(ids)
    }

    /// How many cards match.
    pub fn count(&self, filter: &Filter) -> Result<u64, StoreError> {
        let plan = Plan::new(filter, true);
        let (sql, params) = if plan.only_search() {
            (
                "SELECT COUNT(*) FROM resumes_fts WHERE resumes_fts MATCH ?".to_owned(),
                vec![Value::Text(plan.matches.clone().unwrap_or_default())],
            )
        } else {
            let (from, params) = plan.from();
            (
                format!("SELECT COUNT(*) FROM {from} WHERE {}", plan.where_sql(&[])),
                params,
            )
        };
        Ok(self
            .conn()
            .prepare_cached(&sql)?
            .query_row(params_from_iter(params), |r| r.get(0))?)
    }

    /// Counts per status of the cards matching everything in `filter` but its status:
    /// what the status chips show.
    pub fn counts_matching(&self, filter: &Filter) -> Result<Counts, StoreError> {
        let plan = Plan::new(filter, false);
        let (from, params) = plan.from();
        let sql = format!(
            "SELECT status, COUNT(*) FROM {from} WHERE {} GROUP BY status",
            plan.where_sql(&[])
        );
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(params), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, u64>(1)?))
        })?;
        let mut counts = Counts::default();
        for row in rows {
            let (status, n) = row?;
            counts.add(Status::parse(&status), n);
        }
        Ok(counts)
    }

    /// The languages of the resumes matching `filter` but its language, most common first:
    /// the choices of the language filter, with their counts.
    pub fn language_counts(&self, filter: &Filter) -> Result<Vec<LanguageCount>, StoreError> {
        let others = Filter {
            language: None,
            ..filter.clone()
        };
        let plan = Plan::new(&others, true);
        let (from, params) = plan.from();
        let sql = format!(
            "SELECT language, COUNT(*) AS n FROM {from}
             WHERE {} GROUP BY language ORDER BY n DESC, language",
            plan.where_sql(&["language IS NOT NULL".to_owned()])
        );
        Ok(self
            .value_counts(&sql, params)?
            .into_iter()
            .map(|(language, count)| LanguageCount { language, count })
            .collect())
    }

    /// Runs a facet query (`SELECT value, count …`): the filters' choices with their counts.
    pub(super) fn value_counts(
        &self,
        sql: &str,
        params: Vec<Value>,
    ) -> Result<Vec<(String, u64)>, StoreError> {
        let conn = self.conn();
        let counts = conn
            .prepare_cached(sql)?
            .query_map(params_from_iter(params), |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(counts)
    }

    /// The most listed skills among the matching cards, most common first.
    pub fn skill_counts(&self, filter: &Filter, limit: u32) -> Result<Vec<SkillCount>, StoreError> {
        let plan = Plan::new(filter, true);
        let (sql, mut params) = if plan.matches.is_none() && plan.conds.is_empty() {
            (
                "SELECT MIN(skill), COUNT(*) AS n FROM resume_skills
                 GROUP BY skill_key ORDER BY n DESC, skill_key LIMIT ?"
                    .to_owned(),
                Vec::new(),
            )
        } else {
            let (from, params) = plan.from();
            (
                format!(
                    "SELECT MIN(skill), COUNT(*) AS n FROM resume_skills
                     WHERE resume_id IN (SELECT resumes.id FROM {from} WHERE {})
                     GROUP BY skill_key ORDER BY n DESC, skill_key LIMIT ?",
                    plan.where_sql(&[])
                ),
                params,
            )
        };
        params.push(Value::Integer(i64::from(limit)));
        Ok(self
            .value_counts(&sql, params)?
            .into_iter()
            .map(|(skill, count)| SkillCount { skill, count })
            .collect())
    }
}
