//! Tags: free-text labels put on resumes by hand ("shortlist", "call back", "Berlin office"),
//! kept as typed, matched with case and accents ignored.

use super::manifest::Line;
use super::query::{Filter, Plan};
use super::{now_ms, Library, ResumeId, StoreError};
use cvdeck_parse::fold_ascii as fold;
use rusqlite::types::Value;
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
        let hashes = self.change_tag(
            ids,
            "INSERT OR IGNORE INTO resume_tags (tag_key, resume_id, tag)
             SELECT ?1, id, ?2 FROM resumes WHERE id = ?3",
            &[&fold(&tag), &tag],
        )?;
        let lines: Vec<Line<'_>> = hashes
            .iter()
            .flatten()
            .map(|hash| Line::Tag {
                hash: hash.into(),
                tag: tag.as_str().into(),
            })
            .collect();
        self.note_in_manifest(&lines);
        Ok(hashes.len())
    }

    /// Takes `tag` off these resumes; how many had it.
    pub fn remove_tag(&self, ids: &[ResumeId], tag: &str) -> Result<usize, StoreError> {
        let hashes = self.change_tag(
            ids,
            "DELETE FROM resume_tags WHERE tag_key = ?1 AND resume_id = ?2",
            &[&fold(tag.trim())],
        )?;
        let lines: Vec<Line<'_>> = hashes
            .iter()
            .flatten()
            .map(|hash| Line::Untag {
                hash: hash.into(),
                untag: tag.into(),
            })
            .collect();
        self.note_in_manifest(&lines);
        Ok(hashes.len())
    }

    /// Runs `sql` for each id in one transaction (its parameters: `texts`, then the id) and
    /// moves `updated_at` of the resumes it changed; the content hash of each one it changed
    /// (None for a row without a copy).
    fn change_tag(
        &self,
        ids: &[ResumeId],
        sql: &str,
        texts: &[&str],
    ) -> Result<Vec<Option<String>>, StoreError> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let mut changed = Vec::new();
        {
            let mut change = tx.prepare_cached(sql)?;
            let mut touch = tx.prepare_cached(
                "UPDATE resumes SET updated_at = ?2 WHERE id = ?1 RETURNING content_hash",
            )?;
            let now = now_ms();
            for id in ids {
                let bound = texts
                    .iter()
                    .map(|t| Value::Text((*t).to_owned()))
                    .chain(std::iter::once(Value::Integer(*id)));
                if change.execute(params_from_iter(bound))? > 0 {
                    changed.push(touch.query_row(params![id, now], |r| r.get(0))?);
                }
            }
        }
        tx.commit()?;
        Ok(changed)
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
        Ok(self
            .value_counts(&sql, params)?
            .into_iter()
            .map(|(tag, count)| TagCount { tag, count })
            .collect())
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
