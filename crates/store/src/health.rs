//! Is the library sound, and putting right what can be put right from what it holds: SQLite's
//! own checks, the search index against the rows, the stored copies against the rows.

use super::{is_busy, Library, ResumeId, StoreError};

/// What [`Library::health`] found. Sound when every list is empty.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Health {
    /// What SQLite's integrity check reported ("ok" is left out).
    pub database: Vec<String>,
    /// Whether the search index disagrees with the rows.
    pub search_index_damaged: bool,
    /// Rows whose card cannot be read.
    pub unreadable: Vec<ResumeId>,
    /// Rows whose stored copy is missing (they cannot be parsed again).
    pub missing_copies: Vec<ResumeId>,
}

impl Health {
    /// Nothing wrong.
    pub fn is_sound(&self) -> bool {
        self.database.is_empty()
            && !self.search_index_damaged
            && self.unreadable.is_empty()
            && self.missing_copies.is_empty()
    }
}

/// What [`Library::repair`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Repair {
    /// The search index was rebuilt from the rows.
    pub search_index_rebuilt: bool,
    /// Rows that could not be read, put back to pending to be parsed again from their copy.
    pub requeued: Vec<ResumeId>,
}

impl Library {
    /// SQLite's quick check, for opening a library to write to it: a damaged database is
    /// refused with a sentence saying what to run, instead of being written into.
    pub fn quick_check(&self) -> Result<(), StoreError> {
        let problems = self.pragma_check("quick_check")?;
        if problems.is_empty() {
            return Ok(());
        }
        Err(StoreError::Damaged(problems.join("; ")))
    }

    /// What SQLite's integrity check reports ("ok" left out): the database part of
    /// [`Library::health`], without reading every row and copy.
    pub fn database_problems(&self) -> Result<Vec<String>, StoreError> {
        self.pragma_check("integrity_check")
    }

    /// Every check: SQLite's integrity check, the search index, each row, each stored copy.
    pub fn health(&self) -> Result<Health, StoreError> {
        let database = self.database_problems()?;
        let search_index_damaged = {
            let conn = self.conn();
            match conn.execute(
                "INSERT INTO resumes_fts (resumes_fts, rank) VALUES ('integrity-check', 1)",
                [],
            ) {
                Ok(_) => false,
                Err(e) if is_busy(&e) => return Err(e.into()),
                Err(_) => true,
            }
        };
        let ids = self.all_ids()?;
        let (_, unreadable) = self.readable_cards(&ids)?;
        let stored: Vec<(ResumeId, String)> = {
            let conn = self.conn();
            let mut stmt = conn.prepare(
                "SELECT id, CAST(stored_path AS BLOB) FROM resumes WHERE stored_path IS NOT NULL",
            )?;
            let rows = stmt
                .query_map([], |r| {
                    let path: Vec<u8> = r.get(1)?;
                    Ok((r.get(0)?, String::from_utf8_lossy(&path).into_owned()))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            rows
        };
        let missing_copies = stored
            .into_iter()
            .filter(|(id, path)| !unreadable.contains(id) && !self.root.join(path).is_file())
            .map(|(id, _)| id)
            .collect();
        Ok(Health {
            database,
            search_index_damaged,
            unreadable,
            missing_copies,
        })
    }

    /// Rebuilds the search index from the rows, and puts rows that cannot be read back to
    /// pending (their parsed columns cleared) so that the next import parses them again
    /// from their stored copy.
    pub fn repair(&self) -> Result<Repair, StoreError> {
        let ids = self.all_ids()?;
        let (_, unreadable) = self.readable_cards(&ids)?;
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        for id in &unreadable {
            tx.execute(
                "UPDATE resumes SET status = 'pending', owner = NULL, resume_json = NULL,
                     text = NULL, name = NULL, headline = NULL, email = NULL, phone = NULL,
                     location = NULL, skills_json = '[]', error_kind = NULL,
                     error_message = NULL
                 WHERE id = ?1",
                [id],
            )?;
            // A file name that is not UTF-8 text is replaced by what can be read of it.
            let name: Vec<u8> = tx.query_row(
                "SELECT CAST(file_name AS BLOB) FROM resumes WHERE id = ?1",
                [id],
                |r| r.get(0),
            )?;
            tx.execute(
                "UPDATE resumes SET file_name = ?2 WHERE id = ?1",
                rusqlite::params![id, String::from_utf8_lossy(&name)],
            )?;
        }
        tx.execute(
            "INSERT INTO resumes_fts (resumes_fts) VALUES ('rebuild')",
            [],
        )?;
        tx.commit()?;
        Ok(Repair {
            search_index_rebuilt: true,
            requeued: unreadable,
        })
    }

    fn pragma_check(&self, pragma: &str) -> Result<Vec<String>, StoreError> {
        let conn = self.conn();
        let mut stmt = conn.prepare(&format!("PRAGMA {pragma}"))?;
        let lines = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>();
        match lines {
            Ok(lines) => Ok(lines.into_iter().filter(|l| l != "ok").collect()),
            Err(e) if is_busy(&e) => Err(e.into()),
            // So damaged that the check itself cannot run.
            Err(e) => Ok(vec![e.to_string()]),
        }
    }

    fn all_ids(&self) -> Result<Vec<ResumeId>, StoreError> {
        let conn = self.conn();
        let mut stmt = conn.prepare("SELECT id FROM resumes ORDER BY id")?;
        let ids = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(ids)
    }
}
