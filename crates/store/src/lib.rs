//! The library: a SQLite database of resumes plus content-addressed copies of the files.
//!
//! Every write transaction begins `IMMEDIATE` (under WAL a deferred one that upgrades fails at
//! once when another process writes); rows an import queued carry its owner's lease, so a
//! second process never takes them over while the first lives. Nothing here parses a file:
//! the engine hands in what it parsed.
#![deny(missing_docs)]

mod backup;
mod corrections;
mod derived;
pub mod export;
mod health;
mod jobs;
mod manifest;
mod migrations;
mod owner;
mod query;
mod rebuild;
mod tags;

pub use backup::{backups, check_backup, Backup, Restored, KEEP_BACKUPS};
pub use corrections::Field;
pub use health::{Health, Repair};
pub use jobs::{FitFilter, Job, JobId, RankedView, Ranking};
pub use query::{Cursor, Filter, LanguageCount, Page, SkillCount, Sort};
pub use rebuild::{rebuild, Rebuilt};
pub use tags::{normalise_tag, TagCount};

/// The database's file name inside the library folder.
const DATABASE: &str = "library.sqlite3";

use cvdeck_model::resume::Resume;
use derived::Derived;
use owner::OwnerLease;
use rusqlite::{params, Connection, OptionalExtension, Row, TransactionBehavior};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};

/// Identifier of a resume row.
pub type ResumeId = i64;

/// Where a resume is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Registered, waiting for a parser.
    Pending,
    /// Being parsed.
    Processing,
    /// Parsed.
    Completed,
    /// Could not be parsed.
    Failed,
}

impl Status {
    /// As stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Processing => "processing",
            Status::Completed => "completed",
            Status::Failed => "failed",
        }
    }

    /// Parses the names [`Status::as_str`] gives.
    pub fn from_name(s: &str) -> Option<Status> {
        Some(match s {
            "pending" => Status::Pending,
            "processing" => Status::Processing,
            "completed" => Status::Completed,
            "failed" => Status::Failed,
            _ => return None,
        })
    }

    fn parse(s: &str) -> Status {
        Status::from_name(s).unwrap_or(Status::Pending)
    }
}

/// A failure as stored: stable kind and readable message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Failure {
    /// Stable code (an `ErrorKind`'s `as_str` in cvdeck-extract).
    pub kind: String,
    /// Readable reason.
    pub message: String,
}

/// What a card shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    /// Row id.
    pub id: ResumeId,
    /// Original file name.
    pub file_name: String,
    /// Status.
    pub status: Status,
    /// Candidate's name.
    pub name: Option<String>,
    /// Headline.
    pub headline: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Location.
    pub location: Option<String>,
    /// Top skills.
    pub skills: Vec<String>,
    /// Why it failed.
    pub failure: Option<Failure>,
    /// Parse attempts so far.
    pub attempts: u32,
    /// Last change (ms since the epoch).
    pub updated_at: i64,
    /// Months of work experience (overlapping jobs counted once).
    pub experience_months: Option<i64>,
    /// Other resumes that look like the same person.
    pub same_person: Vec<ResumeId>,
    /// Labels put on it by hand, A to Z.
    pub tags: Vec<String>,
}

/// A whole row, for the detail view and for re-parsing.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The card columns.
    pub card: Card,
    /// Where it was imported from.
    pub original_path: PathBuf,
    /// The library's own copy, if it was readable at import.
    pub stored_path: Option<PathBuf>,
    /// Detected format.
    pub format: Option<String>,
    /// Parsed document.
    pub resume: Option<Resume>,
    /// Extracted text.
    pub text: Option<String>,
}

/// Counts per status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Pending.
    pub pending: u64,
    /// Processing.
    pub processing: u64,
    /// Completed.
    pub completed: u64,
    /// Failed.
    pub failed: u64,
}

impl Counts {
    fn add(&mut self, status: Status, n: u64) {
        match status {
            Status::Pending => self.pending += n,
            Status::Processing => self.processing += n,
            Status::Completed => self.completed += n,
            Status::Failed => self.failed += n,
        }
    }

    /// All statuses together.
    pub fn total(&self) -> u64 {
        self.pending + self.processing + self.completed + self.failed
    }
}

/// A file about to be registered.
#[derive(Debug, Clone)]
pub struct NewFile {
    /// Where the user's file is.
    pub original_path: PathBuf,
    /// SHA-256 of its bytes, hex.
    pub content_hash: String,
    /// The library's copy.
    pub stored_path: PathBuf,
    /// Size in bytes.
    pub size_bytes: u64,
}

/// Outcome of registering a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Registered {
    /// A new pending row.
    New(ResumeId),
    /// The library already had this content.
    Duplicate(ResumeId),
}

/// Storage failures.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite said no.
    #[error("library database error: {0}")]
    Sqlite(rusqlite::Error),
    /// The library folder could not be used.
    #[error("library folder error: {0}")]
    Io(std::io::Error),
    /// A file offered as a backup is a database, but not a library's.
    #[error("{} is not a CV Deck library backup", .0.display())]
    NotALibrary(PathBuf),
    /// The library was opened read-only and something tried to change it.
    #[error("the library is read-only here: nothing can be changed in it")]
    ReadOnly,
    /// A read-only library made by an older version, which this one cannot read as it is.
    #[error("the library was made by an older CV Deck: open it once where it can be written to, to upgrade it")]
    Outdated,
    /// No row has that id.
    #[error("no resume with id {0}")]
    NotFound(ResumeId),
    /// No job has that id.
    #[error("no job with id {0}")]
    JobNotFound(jobs::JobId),
    /// SQLite found the database damaged.
    #[error("the library database is damaged ({0}): run `cvdeck-cli doctor`")]
    Damaged(String),
    /// The row is not in a state that allows the operation.
    #[error("resume {id} is {status}: {what}")]
    Conflict {
        /// Row id.
        id: ResumeId,
        /// Its status.
        status: &'static str,
        /// What was refused.
        what: &'static str,
    },
}

// Not `#[from]`: that would also make the error its source, and `{:#}` would print the
// reason twice ("File name too long: File name too long").
impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> Self {
        StoreError::Io(e)
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match &e {
            rusqlite::Error::SqliteFailure(f, _)
                if matches!(
                    f.code,
                    rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase
                ) =>
            {
                StoreError::Damaged(f.to_string())
            }
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ReadOnly => {
                StoreError::ReadOnly
            }
            _ => StoreError::Sqlite(e),
        }
    }
}

/// The resume library. Cheap to share behind an `Arc`; one connection guarded by a mutex.
/// Other processes may have the same library open: rows this one queues carry its owner
/// lease, and only rows whose owner has gone are taken over (see [`Library::claim_orphaned`]).
pub struct Library {
    root: PathBuf,
    conn: Mutex<Connection>,
    /// None when opened read-only: such a library queues nothing.
    owner: Option<OwnerLease>,
    /// Parsed resumes' match evidence, kept between rankings (see `jobs.rs`).
    evidence_cache: Mutex<jobs::EvidenceCache>,
}

pub(crate) fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// The card's columns; the last but one lists other rows that look like the same person
/// (same e-mail, same phone, or same name in the same city): the first 20, as a common
/// name in a big city can match hundreds of people and a card only needs to say so. Each
/// key is looked up on its own index, in id order, so no lookup reads more than 20 rows.
pub(crate) const CARD_COLUMNS: &str =
    "resumes.id, file_name, status, name, headline, email, phone, location, \
     skills_json, error_kind, error_message, attempts, updated_at, experience_months, \
     (SELECT group_concat(id) FROM (SELECT id FROM ( \
        SELECT id FROM (SELECT o.id FROM resumes AS o WHERE o.email_key = resumes.email_key \
          AND o.id != resumes.id ORDER BY o.id LIMIT 20) \
        UNION SELECT id FROM (SELECT o.id FROM resumes AS o WHERE o.phone_key = resumes.phone_key \
          AND o.id != resumes.id ORDER BY o.id LIMIT 20) \
        UNION SELECT id FROM (SELECT o.id FROM resumes AS o WHERE o.person_key = resumes.person_key \
          AND o.id != resumes.id ORDER BY o.id LIMIT 20)) ORDER BY id LIMIT 20)), \
     (SELECT group_concat(tag, char(31)) FROM \
        (SELECT tag FROM resume_tags WHERE resume_id = resumes.id ORDER BY tag_key))";

pub(crate) fn card_from_row(row: &Row<'_>) -> rusqlite::Result<Card> {
    let skills_json: String = row.get(8)?;
    let kind: Option<String> = row.get(9)?;
    let message: Option<String> = row.get(10)?;
    Ok(Card {
        id: row.get(0)?,
        file_name: row.get(1)?,
        status: Status::parse(&row.get::<_, String>(2)?),
        name: row.get(3)?,
        headline: row.get(4)?,
        email: row.get(5)?,
        phone: row.get(6)?,
        location: row.get(7)?,
        skills: serde_json::from_str(&skills_json).unwrap_or_default(),
        failure: kind.map(|kind| Failure {
            kind,
            message: message.unwrap_or_default(),
        }),
        attempts: row.get(11)?,
        updated_at: row.get(12)?,
        experience_months: row.get(13)?,
        same_person: row
            .get::<_, Option<String>>(14)?
            .map(|ids| ids.split(',').filter_map(|id| id.parse().ok()).collect())
            .unwrap_or_default(),
        tags: row
            .get::<_, Option<String>>(15)?
            .map(|tags| tags.split('\u{1f}').map(str::to_owned).collect())
            .unwrap_or_default(),
    })
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _) if matches!(
        f.code,
        rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
    ))
}

/// Runs `step` again while SQLite says the database is busy or locked (up to ten seconds).
fn retry_while_busy<T>(mut step: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        match step() {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if matches!(
                    e.code,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                ) && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            other => return other,
        }
    }
}

impl Library {
    /// Opens (creating if needed) the library in `root`.
    pub fn open(root: &Path) -> Result<Library, StoreError> {
        // Only a folder made here is made private: opening an existing library (to list it,
        // say) never changes permissions someone chose.
        let is_new = !root.exists();
        std::fs::create_dir_all(root.join("files"))?;
        if is_new {
            restrict_to_user(root);
        }
        let mut conn = Connection::open(root.join(DATABASE))?;
        // First, so that opening a library another process is creating waits, not fails.
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // Switching a new file to WAL, or reading a WAL another process is recovering, can
        // answer "locked" at once instead of waiting: try again for a while.
        retry_while_busy(|| {
            conn.pragma_update(None, "journal_mode", "WAL")?;
            conn.pragma_update(None, "synchronous", "NORMAL")?;
            conn.pragma_update(None, "foreign_keys", "ON")
        })?;
        retry_while_busy(|| migrations::migrate(&mut conn))?;
        // A deferred transaction that reads and then writes cannot wait for another process's
        // writer under WAL: SQLite answers "locked" at once, whatever the busy timeout. Taking
        // the write lock at BEGIN makes every transaction wait its turn instead.
        conn.set_transaction_behavior(TransactionBehavior::Immediate);
        Ok(Library {
            owner: Some(OwnerLease::acquire(root)?),
            // Absolute, so that a later change of working directory cannot move it.
            root: std::path::absolute(root)?,
            conn: Mutex::new(conn),
            evidence_cache: Mutex::default(),
        })
    }

    /// Opens a library to read it: with write access when that can be had (so that one made
    /// by an older version is upgraded first), else read-only (a read-only disk, a folder of
    /// someone else's), where listing, searching, showing and exporting work and anything
    /// that writes fails with [`StoreError::ReadOnly`].
    pub fn open_for_reading(root: &Path) -> Result<Library, StoreError> {
        match Library::open(root) {
            Ok(library) => Ok(library),
            Err(e) if root.join(DATABASE).is_file() => {
                Library::open_read_only(root).map_err(|read_only| match read_only {
                    StoreError::Outdated => read_only,
                    _ => e,
                })
            }
            Err(e) => Err(e),
        }
    }

    fn open_read_only(root: &Path) -> Result<Library, StoreError> {
        let root = std::path::absolute(root)?;
        let db = root.join(DATABASE);
        let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
            | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX
            | rusqlite::OpenFlags::SQLITE_OPEN_URI;
        let version = |conn: &Connection| -> rusqlite::Result<usize> {
            conn.query_row("PRAGMA user_version", [], |r| r.get(0))
        };
        let mut conn = Connection::open_with_flags(&db, flags)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        let version = match version(&conn) {
            Ok(v) => v,
            // A WAL library closed cleanly has no shared-memory file, and a read-only folder
            // cannot get one: nobody can be writing it then, so it is read as immutable.
            Err(_) => {
                conn = Connection::open_with_flags(immutable_uri(&db), flags)?;
                version(&conn)?
            }
        };
        if !migrations::is_current(version) {
            return Err(StoreError::Outdated);
        }
        Ok(Library {
            root,
            conn: Mutex::new(conn),
            evidence_cache: Mutex::default(),
            owner: None,
        })
    }

    /// What rows this library queues carry as their owner ("" when read-only: it queues none).
    fn owner_token(&self) -> &str {
        self.owner.as_ref().map_or("", OwnerLease::token)
    }

    /// The library folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// A path inside the library as the database keeps it: relative to the library folder,
    /// so that the library works from any working directory and after it is moved.
    fn to_stored(&self, path: &Path) -> String {
        path.strip_prefix(&self.root)
            .unwrap_or(path)
            .to_string_lossy()
            .into_owned()
    }

    /// Where a file with this hash and extension is kept.
    pub fn stored_path_for(&self, hash: &str, extension: &str) -> PathBuf {
        let prefix = hash.get(..2).unwrap_or("00");
        self.root
            .join("files")
            .join(prefix)
            .join(format!("{hash}.{extension}"))
    }

    pub(crate) fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock leaves SQLite consistent (statements are atomic).
        self.conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Registers files as pending in one transaction; content already present is a duplicate.
    pub fn register(&self, files: &[NewFile]) -> Result<Vec<Registered>, StoreError> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let mut out = Vec::with_capacity(files.len());
        {
            let mut find = tx.prepare_cached("SELECT id FROM resumes WHERE content_hash = ?1")?;
            let mut insert = tx.prepare_cached(
                "INSERT INTO resumes (content_hash, original_path, file_name, stored_path, size_bytes, status, created_at, updated_at, owner)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'pending', ?6, ?6, ?7)",
            )?;
            let now = now_ms();
            for f in files {
                if let Some(id) = find.query_row([&f.content_hash], |r| r.get(0)).optional()? {
                    out.push(Registered::Duplicate(id));
                    continue;
                }
                insert.execute(params![
                    f.content_hash,
                    f.original_path.to_string_lossy(),
                    file_name(&f.original_path),
                    self.to_stored(&f.stored_path),
                    f.size_bytes as i64,
                    now,
                    self.owner_token()
                ])?;
                out.push(Registered::New(tx.last_insert_rowid()));
            }
        }
        tx.commit()?;
        let paths: Vec<_> = files
            .iter()
            .map(|f| f.original_path.to_string_lossy())
            .collect();
        let named: Vec<manifest::Line<'_>> = files
            .iter()
            .zip(&paths)
            .zip(&out)
            .filter(|(_, r)| matches!(r, Registered::New(_)))
            .map(|((f, path), _)| manifest::Line::Copy {
                hash: f.content_hash.as_str().into(),
                original_path: path.as_ref().into(),
            })
            .collect();
        self.note_in_manifest(&named);
        Ok(out)
    }

    /// Adds facts the database has committed to the manifest beside the copies. It only
    /// helps a rebuild, so a failure is a warning, never a failed import or tag.
    fn note_in_manifest(&self, lines: &[manifest::Line<'_>]) {
        if let Err(e) = manifest::append(&self.root, lines) {
            tracing::warn!("cannot add to the copies' manifest: {e}");
        }
    }

    /// Records a file that failed before it could be registered (unreadable, too large).
    pub fn register_rejected(
        &self,
        path: &Path,
        failure: &Failure,
    ) -> Result<ResumeId, StoreError> {
        let conn = self.conn();
        let now = now_ms();
        conn.execute(
            "INSERT INTO resumes (original_path, file_name, status, error_kind, error_message, attempts, created_at, updated_at)
             VALUES (?1, ?2, 'failed', ?3, ?4, 1, ?5, ?5)",
            params![path.to_string_lossy(), file_name(path), failure.kind, failure.message, now],
        )?;
        Ok(conn.last_insert_rowid())
    }

    /// Marks a row this library queued as processing and counts the attempt. False if it was
    /// not pending, or another process queued it.
    pub fn start_processing(&self, id: ResumeId) -> Result<bool, StoreError> {
        let n = self.conn().execute(
            "UPDATE resumes SET status = 'processing', attempts = attempts + 1, updated_at = ?2
             WHERE id = ?1 AND status = 'pending' AND owner = ?3",
            params![id, now_ms(), self.owner_token()],
        )?;
        Ok(n == 1)
    }

    /// Puts a row whose result could not be saved back to `pending` for anyone to parse (the
    /// next import, or another process's). True if it was processing.
    pub fn release(&self, id: ResumeId) -> Result<bool, StoreError> {
        let n = self.conn().execute(
            "UPDATE resumes SET status = 'pending', owner = NULL, updated_at = ?2
             WHERE id = ?1 AND status = 'processing'",
            params![id, now_ms()],
        )?;
        Ok(n == 1)
    }

    /// Leaves a pending row to whichever process claims it first (see
    /// [`Library::claim_orphaned`]).
    fn release_queued(&self, id: ResumeId) -> Result<(), StoreError> {
        self.conn().execute(
            "UPDATE resumes SET owner = NULL WHERE id = ?1 AND status = 'pending'",
            [id],
        )?;
        Ok(())
    }

    /// Stores a parse result with its search, sort and filter columns, in one transaction.
    pub fn complete(
        &self,
        id: ResumeId,
        format: &str,
        resume: &Resume,
        text: &str,
    ) -> Result<(), StoreError> {
        self.save_results(&[(
            id,
            Outcome::Completed {
                format,
                resume,
                text,
            },
        )])
    }

    /// Stores a failure.
    pub fn fail(
        &self,
        id: ResumeId,
        format: Option<&str>,
        failure: &Failure,
    ) -> Result<(), StoreError> {
        self.save_results(&[(id, Outcome::Failed { format, failure })])
    }

    /// Stores the outcomes of several parses in one transaction: all are saved, or none.
    /// One commit for a group is what lets an import keep up with its parsers.
    pub fn save_results(&self, results: &[(ResumeId, Outcome<'_>)]) -> Result<(), StoreError> {
        let now = now_ms();
        let month = derived::this_month();
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        for (id, outcome) in results {
            match outcome {
                Outcome::Completed {
                    format,
                    resume,
                    text,
                } => write_completed(&tx, *id, format, resume, text, now, month)?,
                Outcome::Failed { format, failure } => {
                    tx.prepare_cached(
                        "UPDATE resumes SET status = 'failed', format = COALESCE(?2, format),
                             error_kind = ?3, error_message = ?4, updated_at = ?5, owner = NULL
                         WHERE id = ?1",
                    )?
                    .execute(params![
                        id,
                        format,
                        failure.kind,
                        failure.message,
                        now
                    ])?;
                }
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Puts a failed (or completed) row back to pending for another attempt by this library.
    pub fn requeue(&self, id: ResumeId) -> Result<(), StoreError> {
        let conn = self.conn();
        // One statement, so that two processes retrying the same row queue it once.
        let n = conn.execute(
            "UPDATE resumes SET status = 'pending', owner = ?3, updated_at = ?2
             WHERE id = ?1 AND status IN ('completed', 'failed')",
            params![id, now_ms(), self.owner_token()],
        )?;
        if n == 1 {
            return Ok(());
        }
        let status: Option<String> = conn
            .query_row("SELECT status FROM resumes WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        match status {
            None => Err(StoreError::NotFound(id)),
            Some(s) => Err(StoreError::Conflict {
                id,
                status: Status::parse(&s).as_str(),
                what: "it is already queued",
            }),
        }
    }

    /// Fills in the stored copy of a row that was unreadable at import.
    pub fn attach_file(&self, id: ResumeId, file: &NewFile) -> Result<Registered, StoreError> {
        let conn = self.conn();
        let existing: Option<ResumeId> = conn
            .query_row(
                "SELECT id FROM resumes WHERE content_hash = ?1 AND id != ?2",
                params![file.content_hash, id],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(other) = existing {
            return Ok(Registered::Duplicate(other));
        }
        conn.execute(
            "UPDATE resumes SET content_hash = ?2, stored_path = ?3, size_bytes = ?4 WHERE id = ?1",
            params![
                id,
                file.content_hash,
                self.to_stored(&file.stored_path),
                file.size_bytes as i64
            ],
        )?;
        Ok(Registered::New(id))
    }

    /// Takes over the queued rows (`pending` or `processing`) whose owner has gone: a process
    /// that crashed or was killed, or none (a row released after a failed save, or queued by
    /// a version before owners). They become `pending` rows of this library; their ids, oldest
    /// first. Rows another running process queued are left to it.
    pub fn claim_orphaned(&self) -> Result<Vec<ResumeId>, StoreError> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let owners: Vec<Option<String>> = tx
            .prepare(
                "SELECT DISTINCT owner FROM resumes WHERE status IN ('pending', 'processing')",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let me = self.owner_token();
        let mut claimed = Vec::new();
        for owner in owners {
            let gone = match owner.as_deref() {
                None => true,
                Some(token) => token != me && !owner::is_alive(&self.root, token),
            };
            if !gone {
                continue;
            }
            let mut take = tx.prepare(
                "UPDATE resumes SET status = 'pending', owner = ?2, updated_at = ?3
                 WHERE status IN ('pending', 'processing') AND owner IS ?1 RETURNING id",
            )?;
            let ids = take
                .query_map(params![owner, me, now_ms()], |r| r.get(0))?
                .collect::<Result<Vec<ResumeId>, _>>()?;
            claimed.extend(ids);
        }
        tx.commit()?;
        claimed.sort_unstable();
        Ok(claimed)
    }

    /// Ids of rows with this status, oldest first.
    pub fn ids_with_status(&self, status: Status) -> Result<Vec<ResumeId>, StoreError> {
        let conn = self.conn();
        let mut stmt =
            conn.prepare_cached("SELECT id FROM resumes WHERE status = ?1 ORDER BY id")?;
        let ids = stmt
            .query_map([status.as_str()], |r| r.get(0))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(ids)
    }

    /// The cards with these ids (missing ids are left out).
    pub fn cards(&self, ids: &[ResumeId]) -> Result<Vec<Card>, StoreError> {
        let conn = self.conn();
        let mut stmt =
            conn.prepare_cached(&format!("SELECT {CARD_COLUMNS} FROM resumes WHERE id = ?1"))?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(card) = stmt.query_row([id], card_from_row).optional()? {
                out.push(card);
            }
        }
        Ok(out)
    }

    /// The cards with these ids that can be read, and the ids of those that cannot (a
    /// damaged row: text that is not UTF-8, a page SQLite finds corrupt). One bad row must
    /// not hide the others. Missing ids are left out of both.
    pub fn readable_cards(
        &self,
        ids: &[ResumeId],
    ) -> Result<(Vec<Card>, Vec<ResumeId>), StoreError> {
        let conn = self.conn();
        let mut stmt =
            conn.prepare_cached(&format!("SELECT {CARD_COLUMNS} FROM resumes WHERE id = ?1"))?;
        let mut cards = Vec::with_capacity(ids.len());
        let mut unreadable = Vec::new();
        for id in ids {
            match stmt.query_row([id], card_from_row).optional() {
                Ok(Some(card)) => cards.push(card),
                Ok(None) => {}
                Err(e) if is_busy(&e) => return Err(e.into()),
                Err(e) => {
                    tracing::warn!(id, "cannot read resume: {e}");
                    unreadable.push(*id);
                }
            }
        }
        Ok((cards, unreadable))
    }

    /// One card.
    pub fn card(&self, id: ResumeId) -> Result<Card, StoreError> {
        self.cards(&[id])?.pop().ok_or(StoreError::NotFound(id))
    }

    /// The file each of these rows is parsed from (its stored copy, else where it was
    /// imported from), in the order given; rows that are gone are left out. Read once per
    /// import, so that handing a row to a parser needs nothing from the library.
    pub fn files_to_parse(&self, ids: &[ResumeId]) -> Result<Vec<(ResumeId, PathBuf)>, StoreError> {
        let conn = self.conn();
        let mut stmt =
            conn.prepare_cached("SELECT original_path, stored_path FROM resumes WHERE id = ?1")?;
        let mut out = Vec::with_capacity(ids.len());
        for &id in ids {
            let row: Option<(String, Option<String>)> = stmt
                .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            if let Some((original, stored)) = row {
                let path = match stored {
                    Some(stored) => self.root.join(stored),
                    None => PathBuf::from(original),
                };
                out.push((id, path));
            }
        }
        Ok(out)
    }

    /// One whole row.
    pub fn record(&self, id: ResumeId) -> Result<Record, StoreError> {
        let card = self.card(id)?;
        let conn = self.conn();
        let (original, stored, format, json, text): (String, Option<String>, Option<String>, Option<String>, Option<String>) =
            conn.query_row(
                "SELECT original_path, stored_path, format, resume_json, text FROM resumes WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )?;
        Ok(Record {
            card,
            original_path: PathBuf::from(original),
            stored_path: stored.map(|p| self.root.join(p)),
            format,
            resume: json.and_then(|j| serde_json::from_str(&j).ok()),
            text,
        })
    }

    /// Counts per status.
    pub fn counts(&self) -> Result<Counts, StoreError> {
        self.counts_matching(&Filter::default())
    }

    /// Deletes a row and, when no other row uses it, its stored copy.
    pub fn delete(&self, id: ResumeId) -> Result<(), StoreError> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let stored: Option<Option<String>> = tx
            .query_row("SELECT stored_path FROM resumes WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        let stored = stored.ok_or(StoreError::NotFound(id))?;
        tx.execute("DELETE FROM resumes WHERE id = ?1", [id])?;
        let still_used = match &stored {
            Some(path) => tx
                .query_row(
                    "SELECT EXISTS (SELECT 1 FROM resumes WHERE stored_path = ?1)",
                    [path],
                    |r| r.get::<_, bool>(0),
                )
                .unwrap_or(true),
            None => true,
        };
        tx.commit()?;
        if let (Some(path), false) = (stored, still_used) {
            // The row is gone; a copy that cannot be removed now is only disk space.
            let _ = std::fs::remove_file(self.root.join(path));
        }
        Ok(())
    }

    /// For every parsed or failed row, milliseconds from registration to its last change
    /// (for a first import: queued to done).
    pub fn parse_latencies_ms(&self) -> Result<Vec<i64>, StoreError> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT updated_at - created_at FROM resumes WHERE status IN ('completed', 'failed')",
        )?;
        let latencies = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(latencies)
    }

    /// Folders whose new files are imported automatically, oldest first.
    pub fn watched_folders(&self) -> Result<Vec<PathBuf>, StoreError> {
        let conn = self.conn();
        let mut stmt = conn.prepare("SELECT path FROM watched_folders ORDER BY added_at, path")?;
        let folders = stmt
            .query_map([], |r| r.get::<_, String>(0).map(PathBuf::from))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(folders)
    }

    /// A setting kept in the library (`view`: how the window last showed it), as saved.
    pub fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn()
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Keeps a setting in the library.
    pub fn set_setting(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn().execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)",
            params![key, value],
        )?;
        Ok(())
    }

    /// Adds a watched folder (again is fine). True if it was new.
    pub fn add_watched_folder(&self, folder: &Path) -> Result<bool, StoreError> {
        let n = self.conn().execute(
            "INSERT OR IGNORE INTO watched_folders (path, added_at) VALUES (?1, ?2)",
            params![folder.to_string_lossy(), now_ms()],
        )?;
        Ok(n == 1)
    }

    /// Stops remembering a watched folder. True if it was watched.
    pub fn remove_watched_folder(&self, folder: &Path) -> Result<bool, StoreError> {
        let n = self.conn().execute(
            "DELETE FROM watched_folders WHERE path = ?1",
            [folder.to_string_lossy()],
        )?;
        Ok(n == 1)
    }

    /// Runs SQLite's own consistency check; "ok" when healthy.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        Ok(self
            .conn()
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }
}

/// A `file:` URI opening `path` as immutable (SQLite then takes no locks and needs no
/// shared-memory file).
fn immutable_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for &b in path.as_os_str().as_encoded_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                uri.push(b as char)
            }
            _ => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// One parse's outcome, as [`Library::save_results`] stores it.
#[derive(Debug, Clone, Copy)]
pub enum Outcome<'a> {
    /// Parsed.
    Completed {
        /// The detected format.
        format: &'a str,
        /// The document.
        resume: &'a Resume,
        /// The extracted text.
        text: &'a str,
    },
    /// Could not be parsed.
    Failed {
        /// The detected format, if it got that far.
        format: Option<&'a str>,
        /// Why.
        failure: &'a Failure,
    },
}

/// Writes a parsed row: corrections laid over the document, then every column in one
/// `UPDATE`, so that the search index's trigger indexes the text once (two updates indexed
/// it twice and took the first copy out again in between).
fn write_completed(
    tx: &rusqlite::Transaction<'_>,
    id: ResumeId,
    format: &str,
    resume: &Resume,
    text: &str,
    now: i64,
    month: (i32, u32),
) -> Result<(), StoreError> {
    // Fields a person corrected stay corrected, whatever this parse found.
    let corrections: Option<String> = tx
        .prepare_cached("SELECT corrections_json FROM resumes WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .flatten();
    let mut corrected;
    let resume = match corrections {
        Some(json) => {
            let mut corrections = corrections::Corrections::load(Some(&json));
            corrected = resume.clone();
            corrections.apply(&mut corrected);
            tx.execute(
                "UPDATE resumes SET corrections_json = ?2 WHERE id = ?1",
                params![id, serde_json::to_string(&corrections).ok()],
            )?;
            &corrected
        }
        None => resume,
    };
    let json = serde_json::to_string(resume).unwrap_or_else(|_| "{}".to_owned());
    let skills = serde_json::to_string(&resume.top_skills(5)).unwrap_or_else(|_| "[]".to_owned());
    let d = Derived::of(resume, month);
    static UPDATE: LazyLock<String> = LazyLock::new(|| {
        format!(
            "UPDATE resumes SET status = 'completed', format = ?2, resume_json = ?3, text = ?4,
                 name = ?5, headline = ?6, email = ?7, phone = ?8, location = ?9,
                 skills_json = ?10, error_kind = NULL, error_message = NULL, parsed_at = ?11,
                 updated_at = ?11, language = ?12, owner = NULL, {}
             WHERE id = ?1",
            derived::set_columns(13)
        )
    });
    let location = resume.basics.location.one_line();
    let parsed: [&dyn rusqlite::ToSql; 12] = [
        &id,
        &format,
        &json,
        &text,
        &resume.basics.name,
        &resume.basics.label,
        &resume.basics.email,
        &resume.basics.phone,
        &location,
        &skills,
        &now,
        &resume.meta.language,
    ];
    tx.prepare_cached(&UPDATE)?
        .execute(rusqlite::params_from_iter(
            parsed.into_iter().chain(d.values()),
        ))?;
    write_skills(tx, id, &d)?;
    // Read at the next ranking (or after the import, in the app): not while parsing, where it
    // cost about 3 % of an import's throughput.
    tx.prepare_cached("DELETE FROM resume_evidence WHERE resume_id = ?1")?
        .execute([id])?;
    Ok(())
}

/// Writes the derived columns and the skill rows of one resume.
fn write_derived(conn: &Connection, id: ResumeId, d: &Derived) -> rusqlite::Result<()> {
    static UPDATE: LazyLock<String> = LazyLock::new(|| {
        format!(
            "UPDATE resumes SET {} WHERE id = ?1",
            derived::set_columns(2)
        )
    });
    let row: [&dyn rusqlite::ToSql; 1] = [&id];
    conn.prepare_cached(&UPDATE)?
        .execute(rusqlite::params_from_iter(
            row.into_iter().chain(d.values()),
        ))?;
    write_skills(conn, id, d)
}

/// Replaces the skill rows of one resume.
fn write_skills(conn: &Connection, id: ResumeId, d: &Derived) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM resume_skills WHERE resume_id = ?1")?
        .execute([id])?;
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO resume_skills (skill_key, resume_id, skill) VALUES (?1, ?2, ?3)",
    )?;
    for (skill, key) in d.skills.iter().zip(&d.skill_keys) {
        insert.execute(params![key, id, skill])?;
    }
    Ok(())
}

/// Migration 2's pass: derived columns for rows parsed before they existed.
fn backfill_derived(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<()> {
    let rows: Vec<(ResumeId, String)> = tx
        .prepare("SELECT id, resume_json FROM resumes WHERE resume_json IS NOT NULL")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let today = derived::this_month();
    for (id, json) in rows {
        if let Ok(resume) = serde_json::from_str::<Resume>(&json) {
            write_derived(tx, id, &Derived::of(&resume, today))?;
        }
    }
    Ok(())
}

/// Migration 9's pass: stored copies named as `--library` was typed (absolute, or relative to
/// a working directory long gone) become paths inside the library, found from their name:
/// copies are content-addressed, `files/<first two hex digits>/<hash>.<extension>`.
fn backfill_stored_paths(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<()> {
    let rows: Vec<(ResumeId, String)> = tx
        .prepare("SELECT id, stored_path FROM resumes WHERE stored_path IS NOT NULL")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut update = tx.prepare("UPDATE resumes SET stored_path = ?2 WHERE id = ?1")?;
    for (id, stored) in rows {
        let path = Path::new(&stored);
        let (Some(name), Some(prefix)) = (
            path.file_name().and_then(|n| n.to_str()),
            path.parent()
                .and_then(|p| p.file_name())
                .and_then(|n| n.to_str()),
        ) else {
            continue;
        };
        let is_copy = path
            .parent()
            .and_then(Path::parent)
            .and_then(|p| p.file_name())
            .is_some_and(|n| n == "files");
        if is_copy {
            update.execute(params![id, format!("files/{prefix}/{name}")])?;
        }
    }
    Ok(())
}

/// Resumes parsed before languages were detected: detected now from their stored text.
fn backfill_language(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<()> {
    let rows: Vec<(ResumeId, Option<String>, Option<String>)> = tx
        .prepare("SELECT id, resume_json, text FROM resumes WHERE status = 'completed'")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let mut update = tx.prepare("UPDATE resumes SET language = ?2 WHERE id = ?1")?;
    for (id, json, text) in rows {
        let stored = json
            .and_then(|j| serde_json::from_str::<Resume>(&j).ok())
            .and_then(|r| r.meta.language);
        let language = stored.or_else(|| text.as_deref().and_then(cvdeck_parse::detect_language));
        if language.is_some() {
            update.execute(params![id, language])?;
        }
    }
    Ok(())
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string_lossy().into_owned())
}

#[cfg(unix)]
fn restrict_to_user(root: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::set_permissions(root, std::fs::Permissions::from_mode(0o700));
}

#[cfg(not(unix))]
fn restrict_to_user(_root: &Path) {}

/// For the store's tests: `bytes` kept in the library under their hash, as an import copies
/// them, and registered as imported from `/in/<name>`; the row's id (new or duplicate).
#[cfg(test)]
pub(crate) fn import_bytes(lib: &Library, name: &str, bytes: &[u8]) -> ResumeId {
    use sha2::{Digest, Sha256};
    let hash = hex::encode(Sha256::digest(bytes));
    let stored = lib.stored_path_for(&hash, "txt");
    std::fs::create_dir_all(stored.parent().unwrap()).unwrap();
    std::fs::write(&stored, bytes).unwrap();
    let file = NewFile {
        original_path: PathBuf::from("/in").join(name),
        content_hash: hash,
        stored_path: stored,
        size_bytes: bytes.len() as u64,
    };
    match lib.register(&[file]).unwrap()[0] {
        Registered::New(id) | Registered::Duplicate(id) => id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new_file(lib: &Library, name: &str, hash: &str) -> NewFile {
        NewFile {
            original_path: PathBuf::from(format!("/in/{name}")),
            content_hash: hash.to_owned(),
            stored_path: lib.stored_path_for(hash, "pdf"),
            size_bytes: 10,
        }
    }

    #[test]
    fn settings_are_kept_and_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path()).unwrap();
        assert_eq!(lib.setting("view").unwrap(), None);
        lib.set_setting("view", "{\"sort\":\"name\"}").unwrap();
        lib.set_setting("view", "{\"sort\":\"oldest\"}").unwrap();
        drop(lib);
        let lib = Library::open(dir.path()).unwrap();
        assert_eq!(
            lib.setting("view").unwrap().as_deref(),
            Some("{\"sort\":\"oldest\"}")
        );
    }

    #[test]
    fn lifecycle_and_duplicates() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path()).unwrap();
        let reg = lib
            .register(&[new_file(&lib, "a.pdf", "aa"), new_file(&lib, "b.pdf", "aa")])
            .unwrap();
        let Registered::New(id) = reg[0] else {
            panic!("{reg:?}")
        };
        assert_eq!(reg[1], Registered::Duplicate(id));
        assert!(lib.start_processing(id).unwrap());
        assert!(
            !lib.start_processing(id).unwrap(),
            "only pending rows start"
        );
        let failure = Failure {
            kind: "corrupt".into(),
            message: "damaged".into(),
        };
        lib.fail(id, Some("pdf"), &failure).unwrap();
        assert_eq!(lib.card(id).unwrap().failure, Some(failure));
        lib.requeue(id).unwrap();
        assert_eq!(lib.card(id).unwrap().status, Status::Pending);
        assert!(matches!(lib.requeue(id), Err(StoreError::Conflict { .. })));
        assert_eq!(lib.counts().unwrap().pending, 1);
    }

    #[test]
    fn rows_parsed_before_search_existed_are_found_after_the_upgrade() {
        let dir = tempfile::tempdir().unwrap();
        {
            let conn = Connection::open(dir.path().join("library.sqlite3")).unwrap();
            conn.execute_batch(migrations::first_schema()).unwrap();
            let resume =
                cvdeck_parse::parse_text("Zoë Saldaña\nzoe@example.com\n\nSkills\nRust, Go\n", &[]);
            conn.execute(
                "INSERT INTO resumes (original_path, file_name, status, created_at, updated_at, resume_json, name)
                 VALUES ('/in/z.txt', 'z.txt', 'completed', 1, 1, ?1, 'Zoë Saldaña')",
                [serde_json::to_string(&resume).unwrap()],
            )
            .unwrap();
            conn.pragma_update(None, "user_version", 1).unwrap();
        }
        let lib = Library::open(dir.path()).unwrap();
        let filter = Filter {
            search: Some("zoe saldana".into()),
            skills: vec!["go".into()],
            ..Filter::default()
        };
        assert_eq!(lib.ids(&filter, Sort::Relevance).unwrap(), vec![1]);
        assert_eq!(lib.integrity_check().unwrap(), "ok");
    }

    #[test]
    fn the_search_index_merges_eight_segments_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path()).unwrap();
        let automerge: i64 = lib
            .conn()
            .query_row(
                "SELECT v FROM resumes_fts_config WHERE k = 'automerge'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(automerge, 8);
    }

    #[test]
    fn rows_parsed_before_languages_were_detected_get_theirs_from_their_text() {
        let dir = tempfile::tempdir().unwrap();
        {
            let conn = Connection::open(dir.path().join("library.sqlite3")).unwrap();
            conn.execute_batch(migrations::first_schema()).unwrap();
            conn.execute(
                "INSERT INTO resumes (original_path, file_name, status, created_at, updated_at, resume_json, text)
                 VALUES ('/in/d.txt', 'd.txt', 'completed', 1, 1, '{\"basics\":{},\"meta\":{\"version\":\"old\"}}', ?1)",
                ["Softwareentwickler mit zehn Jahren Erfahrung in der Entwicklung von Systemen und der Leitung von Teams"],
            )
            .unwrap();
            conn.pragma_update(None, "user_version", 1).unwrap();
        }
        let lib = Library::open(dir.path()).unwrap();
        let german = Filter {
            language: Some("de".into()),
            ..Filter::default()
        };
        assert_eq!(lib.ids(&german, Sort::Newest).unwrap(), vec![1]);
    }

    #[test]
    fn copies_saved_under_the_path_typed_at_import_are_found_in_the_library_after_the_upgrade() {
        let dir = tempfile::tempdir().unwrap();
        {
            let lib = Library::open(dir.path()).unwrap();
            lib.register(&[new_file(&lib, "a.pdf", "ab12")]).unwrap();
            // As versions before 9 saved it: the library path as typed, from another directory.
            let conn = lib.conn();
            conn.execute(
                "UPDATE resumes SET stored_path = 'old/cwd/lib/files/ab/ab12.pdf'",
                [],
            )
            .unwrap();
            conn.pragma_update(None, "user_version", 8).unwrap();
            conn.execute_batch(
                "DROP INDEX resumes_stored_path; DROP TABLE jobs; DROP TABLE resume_evidence;
                 DROP TABLE settings;",
            )
            .unwrap();
        }
        let lib = Library::open(dir.path()).unwrap();
        let stored = lib.record(1).unwrap().stored_path.unwrap();
        assert_eq!(stored, lib.stored_path_for("ab12", "pdf"));
        assert!(stored.is_absolute());
    }

    #[test]
    fn a_new_library_opened_by_many_processes_at_once_is_created_once() {
        // The app and `cvdeck-cli watch` (or two CLIs) starting together on a new library.
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("library");
        let opened: Vec<Result<(), String>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..8)
                .map(|_| s.spawn(|| Library::open(&root).map(|_| ()).map_err(|e| e.to_string())))
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert!(opened.iter().all(Result::is_ok), "{opened:?}");
        let lib = Library::open(&root).unwrap();
        assert_eq!(lib.integrity_check().unwrap(), "ok");
        assert!(lib.watched_folders().unwrap().is_empty());
    }

    #[test]
    fn interrupted_rows_go_back_to_pending() {
        let dir = tempfile::tempdir().unwrap();
        {
            let lib = Library::open(dir.path()).unwrap();
            lib.register(&[new_file(&lib, "a.pdf", "aa")]).unwrap();
            assert!(lib.start_processing(1).unwrap());
        }
        let lib = Library::open(dir.path()).unwrap();
        assert_eq!(lib.claim_orphaned().unwrap(), vec![1]);
        assert_eq!(lib.ids_with_status(Status::Pending).unwrap(), vec![1]);
        assert!(lib.start_processing(1).unwrap(), "claimed rows are ours");
        assert_eq!(lib.integrity_check().unwrap(), "ok");
    }

    #[test]
    fn rows_another_open_library_queued_are_neither_claimed_nor_started() {
        let dir = tempfile::tempdir().unwrap();
        let app = Library::open(dir.path()).unwrap();
        let cli = Library::open(dir.path()).unwrap();
        app.register(&[new_file(&app, "a.pdf", "aa"), new_file(&app, "b.pdf", "bb")])
            .unwrap();
        assert!(app.start_processing(1).unwrap());
        assert!(cli.claim_orphaned().unwrap().is_empty());
        assert!(!cli.start_processing(2).unwrap());
        // A row whose result could not be saved is anyone's.
        assert!(app.release(1).unwrap());
        assert_eq!(cli.claim_orphaned().unwrap(), vec![1]);
        drop(app);
        assert_eq!(cli.claim_orphaned().unwrap(), vec![2]);
        assert!(cli.start_processing(2).unwrap());
    }
}
