//! Copies of the database taken with SQLite's online backup API, kept in `backups/` inside
//! the library: one at most a day when a writer opens the library, the last
//! [`KEEP_BACKUPS`], and one before each restore so that a restore can itself be undone.

use super::{manifest, migrations, owner, Library, StoreError, DATABASE};
use rusqlite::backup::{Backup as SqliteBackup, StepResult};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The folder of backups inside a library.
const BACKUPS_DIR: &str = "backups";
/// How many backups are kept; older ones are removed when a new one is taken.
pub const KEEP_BACKUPS: usize = 5;
/// How old the newest backup may be before [`Library::backup_if_due`] takes another.
const BACKUP_EVERY: jiff::SignedDuration = jiff::SignedDuration::from_hours(24);

/// A backup that was taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    /// The backup file.
    pub path: PathBuf,
    /// Its size.
    pub bytes: u64,
    /// How long it took.
    pub took: Duration,
}

/// What [`Library::restore`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// The library as it was just before, kept as a backup.
    pub previous: Backup,
    /// Rows made for copies the backup did not know (imported after it), to be parsed again.
    pub adopted: Vec<super::ResumeId>,
}

/// The library's backups, newest first.
pub fn backups(root: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(root.join(BACKUPS_DIR)) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("library-") && n.ends_with(".sqlite3"))
        })
        .collect();
    // The names carry the time, so their order is the order they were taken in.
    found.sort_unstable_by(|a, b| b.cmp(a));
    found
}

/// The backup's file name for a moment: `library-20261201T223000.123Z.sqlite3`.
fn backup_name(at: jiff::Timestamp) -> String {
    format!("library-{}.sqlite3", at.strftime("%Y%m%dT%H%M%S%.3fZ"))
}

/// Checks that `path` is a sound CV Deck library database: SQLite's quick check passes and it
/// has resumes in it (an empty or foreign database would make an empty library).
pub fn check_backup(path: &Path) -> Result<(), StoreError> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let problems: Vec<String> = conn
        .prepare("PRAGMA quick_check")?
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<Result<_, _>>()?;
    if problems.iter().any(|p| p != "ok") {
        return Err(StoreError::Damaged(problems.join("; ")));
    }
    conn.query_row("SELECT count(*) FROM resumes", [], |r| r.get::<_, i64>(0))
        .map_err(|_| StoreError::NotALibrary(path.to_owned()))?;
    Ok(())
}

/// Copies every page of `from` into `to` in one step (one consistent snapshot of a database
/// other processes may be writing), waiting while either is busy.
fn copy_database(from: &Connection, to: &mut Connection) -> Result<(), StoreError> {
    let copy = SqliteBackup::new(from, to)?;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match copy.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            _ if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(20)),
            _ => {
                return Err(StoreError::Io(std::io::Error::other(
                    "the library stayed busy for 10 s",
                )))
            }
        }
    }
}

impl Library {
    /// Takes a backup now and keeps the last [`KEEP_BACKUPS`].
    pub fn backup(&self) -> Result<Backup, StoreError> {
        let backup = self.take_backup()?;
        self.prune_backups();
        Ok(backup)
    }

    /// Takes a backup if the newest is more than a day old (or there is none).
    pub fn backup_if_due(&self) -> Result<Option<Backup>, StoreError> {
        let due_after = backup_name(jiff::Timestamp::now() - BACKUP_EVERY);
        let newest = backups(&self.root);
        let newest_name = newest
            .first()
            .and_then(|p| p.file_name())
            .and_then(|n| n.to_str());
        if newest_name.is_some_and(|n| n > due_after.as_str()) {
            return Ok(None);
        }
        self.backup().map(Some)
    }

    fn take_backup(&self) -> Result<Backup, StoreError> {
        let started = Instant::now();
        let dir = self.root.join(BACKUPS_DIR);
        std::fs::create_dir_all(&dir)?;
        // A connection of its own, so that the library's stays free while the pages are copied.
        let from = Connection::open_with_flags(
            self.root.join(DATABASE),
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        from.busy_timeout(Duration::from_secs(10))?;
        // Written under a temporary name: a backup cut short by a crash is never listed.
        let partial = tempfile::Builder::new()
            .prefix(".partial-")
            .tempfile_in(&dir)?;
        {
            let mut to = Connection::open(partial.path())?;
            copy_database(&from, &mut to)?;
            // The copy carries the library's WAL mode; one file is what a backup should be.
            to.pragma_update(None, "journal_mode", "DELETE")?;
        }
        partial.as_file().sync_all()?;
        let path = dir.join(backup_name(jiff::Timestamp::now()));
        partial.persist(&path).map_err(|e| e.error)?;
        Ok(Backup {
            bytes: std::fs::metadata(&path)?.len(),
            path,
            took: started.elapsed(),
        })
    }

    fn prune_backups(&self) {
        for old in backups(&self.root).into_iter().skip(KEEP_BACKUPS) {
            if let Err(e) = std::fs::remove_file(&old) {
                tracing::warn!("cannot remove old backup {}: {e}", old.display());
            }
        }
    }

    /// How many other processes (the app, a watch, an import) have this library open.
    pub fn others_open(&self) -> usize {
        owner::others_alive(&self.root, self.owner_token())
    }

    /// Puts the database back as it was in `backup`, after keeping the present one as a
    /// backup. Copies imported after the backup was taken get rows again (pending, to be
    /// parsed by the next import or `cvdeck-cli doctor --repair`), so nothing imported is lost.
    pub fn restore(&self, backup: &Path) -> Result<Restored, StoreError> {
        check_backup(backup)?;
        let previous = self.take_backup()?;
        {
            let from = Connection::open_with_flags(backup, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
            let mut conn = self.conn();
            copy_database(&from, &mut conn)?;
            // A backup taken by an older version is brought up to this one's schema.
            migrations::migrate(&mut conn)?;
        }
        // Copies imported since the backup, named and tagged as the manifest says.
        let manifest = manifest::read(&self.root);
        let adopted = self.adopt_copies(&[&manifest.names])?.rows;
        self.put_back_tags(&adopted, &[&manifest.tags])?;
        self.prune_backups();
        Ok(Restored {
            previous,
            adopted: adopted.into_iter().map(|(id, _)| id).collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import_bytes as register;

    #[test]
    fn a_backup_is_a_sound_copy_and_only_the_last_few_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(&dir.path().join("library")).unwrap();
        register(&lib, "Jane Doe.txt", b"Jane Doe\n");
        for _ in 0..KEEP_BACKUPS + 2 {
            let b = lib.backup().unwrap();
            check_backup(&b.path).unwrap();
            assert!(b.bytes > 0);
        }
        let kept = backups(lib.root());
        assert_eq!(kept.len(), KEEP_BACKUPS);
        let leftovers = std::fs::read_dir(lib.root().join(BACKUPS_DIR))
            .unwrap()
            .count();
        assert_eq!(
            leftovers, KEEP_BACKUPS,
            "no partial or journal file is left"
        );
    }

    #[test]
    fn a_backup_is_due_once_a_day() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(&dir.path().join("library")).unwrap();
        assert!(lib.backup_if_due().unwrap().is_some());
        assert!(lib.backup_if_due().unwrap().is_none());
        // A backup from two days ago is not recent enough.
        let dir = lib.root().join(BACKUPS_DIR);
        for b in backups(lib.root()) {
            std::fs::remove_file(b).unwrap();
        }
        let old = jiff::Timestamp::now() - jiff::SignedDuration::from_hours(48);
        std::fs::write(dir.join(backup_name(old)), b"").unwrap();
        assert!(lib.backup_if_due().unwrap().is_some());
    }

    #[test]
    fn restore_brings_back_a_deleted_row_and_keeps_rows_imported_after_the_backup() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(&dir.path().join("library")).unwrap();
        let before = register(&lib, "Jane Doe.txt", b"Jane Doe\n");
        lib.add_tag(&[before], "shortlist").unwrap();
        let backup = lib.backup().unwrap();
        // After the backup: a new import, and a tag taken off by mistake.
        register(&lib, "Luis Pardo.txt", b"Luis Pardo\n");
        lib.remove_tag(&[before], "shortlist").unwrap();

        let restored = lib.restore(&backup.path).unwrap();
        let mode: String = lib
            .conn()
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        check_backup(&restored.previous.path).unwrap();
        assert_eq!(lib.card(before).unwrap().tags, vec!["shortlist"]);
        assert_eq!(restored.adopted.len(), 1);
        let adopted = lib.card(restored.adopted[0]).unwrap();
        assert_eq!(adopted.file_name, "Luis Pardo.txt");
        assert_eq!(adopted.status, crate::Status::Pending);
        assert_eq!(lib.claim_orphaned().unwrap(), restored.adopted);
    }

    #[test]
    fn a_damaged_or_foreign_file_is_not_restored() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(&dir.path().join("library")).unwrap();
        register(&lib, "Jane Doe.txt", b"Jane Doe\n");
        let junk = dir.path().join("junk.sqlite3");
        std::fs::write(&junk, vec![0x5a; 8192]).unwrap();
        assert!(matches!(lib.restore(&junk), Err(StoreError::Damaged(_))));
        let foreign = dir.path().join("other.sqlite3");
        Connection::open(&foreign)
            .unwrap()
            .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
        assert!(matches!(
            lib.restore(&foreign),
            Err(StoreError::NotALibrary(_))
        ));
        assert_eq!(lib.counts().unwrap().total(), 1);
    }
}
