//! Getting a library back when its database is lost: from the newest sound backup, plus a
//! row for every stored copy the backup does not know, named from what can still be read of
//! the damaged database or else from the copies' manifest, and parsed again.

use super::{backup, manifest, Library, NewFile, Registered, ResumeId, StoreError, DATABASE};
use rusqlite::{Connection, OpenFlags};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// What could still be read of a damaged database, by content hash.
#[derive(Debug, Default, Clone)]
pub(super) struct Salvage {
    /// Original path of each row.
    names: HashMap<String, String>,
    /// Tags of each row.
    tags: HashMap<String, Vec<String>>,
}

impl Salvage {
    /// Reads what it can; every unreadable part is left out.
    fn read(db: &Path) -> Salvage {
        let mut salvage = Salvage::default();
        let Ok(conn) = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
            return salvage;
        };
        let pairs = |sql: &str| -> Vec<(String, String)> {
            let Ok(mut stmt) = conn.prepare(sql) else {
                return Vec::new();
            };
            let Ok(rows) = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))) else {
                return Vec::new();
            };
            // A damaged page ends the scan; the rows before it are kept.
            rows.map_while(Result::ok).collect()
        };
        salvage.names =
            pairs("SELECT content_hash, original_path FROM resumes WHERE content_hash IS NOT NULL")
                .into_iter()
                .collect();
        for (hash, tag) in pairs(
            "SELECT r.content_hash, t.tag FROM resume_tags AS t JOIN resumes AS r
             ON r.id = t.resume_id WHERE r.content_hash IS NOT NULL",
        ) {
            salvage.tags.entry(hash).or_default().push(tag);
        }
        salvage
    }
}

/// What [`rebuild`] did.
pub struct Rebuilt {
    /// The library, open on its new database.
    pub library: Library,
    /// Where the damaged database was moved to.
    pub damaged_kept_at: PathBuf,
    /// The backup the new database started from; None if there was no sound one.
    pub from_backup: Option<PathBuf>,
    /// Rows made for copies the backup did not know, pending (parse them with an import).
    pub adopted: Vec<ResumeId>,
    /// Stored copies whose bytes no longer match their name, left out.
    pub damaged_copies: Vec<PathBuf>,
}

/// Replaces a database that cannot be used: moves it (and its journal files) aside, starts
/// again from `backup` (by default the newest backup that passes SQLite's check; empty if
/// there is none), and gives every stored copy the database does not know a row again,
/// keeping the file names and tags that can be read from the damaged database or the
/// manifest. Nothing is deleted.
pub fn rebuild(root: &Path, backup: Option<&Path>) -> Result<Rebuilt, StoreError> {
    if let Some(chosen) = backup {
        backup::check_backup(chosen)?;
    }
    let database = root.join(DATABASE);
    let salvage = Salvage::read(&database);
    let stamp = jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string();
    let damaged_kept_at = root.join(format!("damaged-{stamp}"));
    std::fs::create_dir_all(&damaged_kept_at)?;
    for suffix in ["", "-wal", "-shm"] {
        let file = root.join(format!("{DATABASE}{suffix}"));
        if file.exists() {
            std::fs::rename(&file, damaged_kept_at.join(format!("{DATABASE}{suffix}")))?;
        }
    }
    let from_backup = match backup {
        Some(chosen) => Some(chosen.to_owned()),
        None => backup::backups(root)
            .into_iter()
            .find(|b| backup::check_backup(b).is_ok()),
    };
    if let Some(b) = &from_backup {
        std::fs::copy(b, &database)?;
    }
    let library = Library::open(root)?;
    let manifest = manifest::read(root);
    let adopted = library.adopt_copies(&[&salvage.names, &manifest.names])?;
    // Tags put on after the backup the database started from come back on every row.
    library.put_back_tags(&library.hashes()?, &[&salvage.tags, &manifest.tags])?;
    Ok(Rebuilt {
        library,
        damaged_kept_at,
        from_backup,
        adopted: adopted.rows.into_iter().map(|(id, _)| id).collect(),
        damaged_copies: adopted.damaged,
    })
}

/// What [`Library::adopt_copies`] did.
pub(super) struct Adopted {
    /// The new rows, with their copies' content hashes.
    pub rows: Vec<(ResumeId, String)>,
    /// Copies left out: their bytes no longer match their name.
    pub damaged: Vec<PathBuf>,
}

impl Library {
    /// Every row that has a stored copy, with its copy's content hash.
    fn hashes(&self) -> Result<Vec<(ResumeId, String)>, StoreError> {
        let conn = self.conn();
        let mut stmt =
            conn.prepare("SELECT id, content_hash FROM resumes WHERE content_hash IS NOT NULL")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// Gives every stored copy that no row knows a pending row with no owner (so the next
    /// import, or the app, parses it), named from the first of `names` (original paths by
    /// content hash) that knows it, else after the copy itself.
    pub(super) fn adopt_copies(
        &self,
        names: &[&HashMap<String, String>],
    ) -> Result<Adopted, StoreError> {
        let known: HashSet<String> = self.hashes()?.into_iter().map(|(_, h)| h).collect();
        let mut files = Vec::new();
        let mut damaged = Vec::new();
        for copy in stored_copies(&self.root.join("files")) {
            let Some(hash) = copy_hash(&copy) else {
                continue;
            };
            if known.contains(hash) {
                continue;
            }
            let Ok(bytes) = std::fs::read(&copy) else {
                damaged.push(copy);
                continue;
            };
            if hex::encode(Sha256::digest(&bytes)) != hash {
                damaged.push(copy);
                continue;
            }
            let original = names
                .iter()
                .find_map(|n| n.get(hash))
                .map(PathBuf::from)
                .unwrap_or_else(|| copy.clone());
            files.push(NewFile {
                original_path: original,
                content_hash: hash.to_owned(),
                size_bytes: bytes.len() as u64,
                stored_path: copy,
            });
        }
        let registered = self.register(&files)?;
        let mut adopted = Vec::new();
        for (file, registered) in files.into_iter().zip(registered) {
            if let Registered::New(id) = registered {
                adopted.push((id, file.content_hash));
            }
        }
        // Anyone's to parse: this process may be about to end (doctor, restore).
        for (id, _) in &adopted {
            self.release_queued(*id)?;
        }
        Ok(Adopted {
            rows: adopted,
            damaged,
        })
    }

    /// Puts on `rows` (id, content hash) the tags `sources` (tags by content hash) say each
    /// had; none is taken off. Where two sources spell a tag differently, the earlier
    /// source's spelling is kept: each source is put on in its turn, one transaction per tag.
    pub(super) fn put_back_tags(
        &self,
        rows: &[(ResumeId, String)],
        sources: &[&HashMap<String, Vec<String>>],
    ) -> Result<(), StoreError> {
        for source in sources {
            let mut by_tag: Vec<(&str, Vec<ResumeId>)> = Vec::new();
            for (id, hash) in rows {
                for tag in source.get(hash).into_iter().flatten() {
                    match by_tag.iter_mut().find(|(t, _)| *t == tag.as_str()) {
                        Some((_, ids)) => ids.push(*id),
                        None => by_tag.push((tag, vec![*id])),
                    }
                }
            }
            for (tag, ids) in by_tag {
                self.add_tag(&ids, tag)?;
            }
        }
        Ok(())
    }
}

/// The content hash a stored copy's name says it has (`<64 hex digits>.<extension>`).
fn copy_hash(path: &Path) -> Option<&str> {
    let stem = path.file_stem()?.to_str()?;
    (stem.len() == 64 && stem.bytes().all(|b| b.is_ascii_hexdigit())).then_some(stem)
}

/// Every file under `files/` (one folder per two-digit prefix), in name order.
fn stored_copies(files: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(files)
        .min_depth(2)
        .max_depth(2)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{import_bytes as import, Status};

    fn file_names(lib: &Library) -> Vec<String> {
        let ids = lib.ids_with_status(Status::Pending).unwrap();
        let mut names: Vec<String> = lib
            .cards(&ids)
            .unwrap()
            .into_iter()
            .map(|c| c.file_name)
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_database_cut_in_half_is_rebuilt_from_the_copies_with_their_file_names() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("library");
        {
            let lib = Library::open(&root).unwrap();
            for i in 0..40 {
                import(
                    &lib,
                    &format!("Person {i:02}.txt"),
                    format!("Person {i}\n").as_bytes(),
                );
            }
        }
        let db = root.join(DATABASE);
        let len = std::fs::metadata(&db).unwrap().len();
        let file = std::fs::OpenOptions::new().write(true).open(&db).unwrap();
        file.set_len(len / 2).unwrap();
        drop(file);
        assert!(Library::open(&root).and_then(|l| l.quick_check()).is_err());

        let rebuilt = rebuild(&root, None).unwrap();
        assert!(rebuilt.from_backup.is_none());
        assert!(rebuilt.damaged_kept_at.join(DATABASE).exists());
        assert_eq!(rebuilt.adopted.len(), 40);
        let names = file_names(&rebuilt.library);
        assert_eq!(names.len(), 40);
        assert_eq!(names[0], "Person 00.txt");
        assert_eq!(names[39], "Person 39.txt");
        rebuilt.library.quick_check().unwrap();
    }

    #[test]
    fn a_rebuild_starts_from_the_newest_sound_backup_and_keeps_later_names_and_tags() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("library");
        let (old, new) = {
            let lib = Library::open(&root).unwrap();
            let old = import(&lib, "Ana Lima.txt", b"Ana Lima\n");
            lib.backup().unwrap();
            lib.add_tag(&[old], "interview").unwrap();
            let new = import(&lib, "Tom Berg.txt", b"Tom Berg\n");
            lib.add_tag(&[new], "call back").unwrap();
            (old, new)
        };
        // Damage the database's first page: nothing of it can be read.
        let db = root.join(DATABASE);
        let mut bytes = std::fs::read(&db).unwrap();
        bytes[..100].fill(0x77);
        std::fs::write(&db, &bytes).unwrap();
        let _ = std::fs::remove_file(root.join(format!("{DATABASE}-wal")));

        let rebuilt = rebuild(&root, None).unwrap();
        assert!(rebuilt.from_backup.is_some());
        let lib = &rebuilt.library;
        let card = lib.card(old).unwrap();
        assert_eq!(card.file_name, "Ana Lima.txt");
        assert_eq!(card.tags, ["interview"], "a tag put on after the backup");
        assert_eq!(rebuilt.adopted.len(), 1);
        let adopted = lib.card(rebuilt.adopted[0]).unwrap();
        assert_eq!(adopted.file_name, "Tom Berg.txt", "named from the manifest");
        assert_eq!(adopted.tags, ["call back"], "tagged from the manifest");
        let _ = new;
    }

    #[test]
    fn a_copy_whose_bytes_changed_is_left_out_of_a_rebuild() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("library");
        {
            let lib = Library::open(&root).unwrap();
            import(&lib, "Ana Lima.txt", b"Ana Lima\n");
            let id = import(&lib, "Tom Berg.txt", b"Tom Berg\n");
            let copy = lib.record(id).unwrap().stored_path.unwrap();
            std::fs::write(copy, b"scrambled").unwrap();
        }
        std::fs::write(root.join(DATABASE), b"not a database at all").unwrap();
        let rebuilt = rebuild(&root, None).unwrap();
        assert_eq!(rebuilt.adopted.len(), 1);
        assert_eq!(rebuilt.damaged_copies.len(), 1);
    }

    #[test]
    fn salvage_reads_names_and_tags_of_a_database_that_still_opens() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("library");
        let lib = Library::open(&root).unwrap();
        let id = import(&lib, "Ana Lima.txt", b"Ana Lima\n");
        lib.add_tag(&[id], "shortlist").unwrap();
        let salvage = Salvage::read(&root.join(DATABASE));
        let hash = hex::encode(Sha256::digest(b"Ana Lima\n"));
        let original = Path::new("/in").join("Ana Lima.txt");
        assert_eq!(salvage.names[&hash], original.to_string_lossy());
        assert_eq!(salvage.tags[&hash], vec!["shortlist"]);
    }
}
