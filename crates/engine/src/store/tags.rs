//! Tags: free-text labels put on resumes by hand ("shortlist", "call back", "Berlin office"),
//! kept as typed, matched with case and accents ignored.

use super::query::{Filter, Plan};
use super::{now_ms, Library, ResumeId, StoreError};
use crate::parse::clean::fold;
use rusqlite::{params, params_from_iter};

/// Longest tag kept, in characters.
const MAX_TAG_CHARS: usize = 40;

/// How many resumes carry one tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagCount {
    /// As first typed.
    pub tag: String,
    /// Resumes.
    pub count: u64,
}

/// The tag as kept: spaces tidied, at most [`MAX_TAG_CHARS`] characters; None when empty.
pub fn normalise_tag(tag: &str) -> Option<String> {
    let tidy: String = tag
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(MAX_TAG_CHARS)
        .collect();
    (!tidy.is_empty()).then_some(tidy)
}

impl Library {
    /// Puts `tag` on these resumes (those that have it already keep it); how many got it.
    /// Their `updated_at` moves, so windows showing them fetch them again.
    pub fn add_tag(&self, ids: &[ResumeId], tag: &str) -> Result<usize, StoreError> {
        let Some(tag) = normalise_tag(tag) else {
            return Ok(0);
        };
        let key = fold(&tag);
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let mut added = 0;
        {
            let mut insert = tx.prepare_cached(
                "INSERT OR IGNORE INTO resume_tags (tag_key, resume_id, tag)
                 SELECT ?1, id, ?2 FROM resumes WHERE id = ?3",
            )?;
            let mut touch =
                tx.prepare_cached("UPDATE resumes SET updated_at = ?2 WHERE id = ?1")?;
            let now = now_ms();
            for id in ids {
                let n = insert.execute(params![key, tag, id])?;
                if n > 0 {
                    touch.execute(params![id, now])?;
                    added += n;
                }
            }
        }
        tx.commit()?;
        Ok(added)
    }

    /// Takes `tag` off these resumes; how many had it.
    pub fn remove_tag(&self, ids: &[ResumeId], tag: &str) -> Result<usize, StoreError> {
        let key = fold(tag.trim());
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let mut removed = 0;
        {
            let mut delete =
                tx.prepare_cached("DELETE FROM resume_tags WHERE tag_key = ?1 AND resume_id = ?2")?;
            let mut touch =
                tx.prepare_cached("UPDATE resumes SET updated_at = ?2 WHERE id = ?1")?;
            let now = now_ms();
            for id in ids {
                let n = delete.execute(params![key, id])?;
                if n > 0 {
                    touch.execute(params![id, now])?;
                    removed += n;
                }
            }
        }
        tx.commit()?;
        Ok(removed)
    }

    /// The tags on the resumes matching `filter`, most used first, then A to Z.
    pub fn tag_counts(&self, filter: &Filter) -> Result<Vec<TagCount>, StoreError> {
        let plan = Plan::new(filter, true);
        let (from, params) = plan.from();
        let sql = format!(
            "SELECT MIN(tag), COUNT(*) AS n FROM resume_tags
             WHERE resume_id IN (SELECT resumes.id FROM {from} WHERE {})
             GROUP BY tag_key ORDER BY n DESC, tag_key",
            plan.where_sql(&[])
        );
        let conn = self.conn();
        let counts = conn
            .prepare_cached(&sql)?
            .query_map(params_from_iter(params), |r| {
                Ok(TagCount {
                    tag: r.get(0)?,
                    count: r.get(1)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(counts)
    }
}

#[cfg(test)]
mod tests {
    use super::normalise_tag;

    #[test]
    fn tags_are_tidied() {
        assert_eq!(normalise_tag("  call   back "), Some("call back".into()));
        assert_eq!(normalise_tag(" \t"), None);
        assert_eq!(normalise_tag(&"x".repeat(100)).map(|t| t.len()), Some(40));
    }
}
