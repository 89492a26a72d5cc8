//! Looking after a library: `doctor` (check, repair, rebuild), `backup`, `restore`.

use crate::{engine_over, short_path};
use anyhow::{Context, Result};
use cvdeck_engine::store::{self, StoreError};
use cvdeck_engine::Library;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

/// `doctor`: says what is wrong; with `repair`, puts right what the database itself can put
/// right, rebuilds it from a backup and the stored copies when it cannot, and parses again
/// every resume that needs it.
pub fn doctor(library_dir: &Path, repair: bool) -> Result<ExitCode> {
    let library = match Library::open_for_reading(library_dir) {
        Ok(library) => library,
        Err(e @ StoreError::Damaged(_)) if !repair => {
            eprintln!(
                "cvdeck-cli: {e:#}\nThe database cannot be opened at all. `cvdeck-cli doctor \
                 --repair` moves it aside and rebuilds the library from its newest backup and \
                 the copies of the files it holds."
            );
            return Ok(ExitCode::FAILURE);
        }
        Err(StoreError::Damaged(_)) => return rebuild(library_dir, None),
        Err(e) => {
            return Err(e)
                .with_context(|| format!("opening the library in {}", short_path(library_dir)))
        }
    };
    if !repair {
        let sound = report(&library)?;
        return Ok(if sound {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        });
    }
    match repair_in_place(&library) {
        Ok(done) => {
            if done.search_index_rebuilt {
                out!("search index rebuilt");
            }
            if !done.requeued.is_empty() {
                out!(
                    "{} unreadable resume(s) to be parsed again from their copies",
                    done.requeued.len()
                );
            }
        }
        Err(StoreError::Damaged(why)) => {
            out!("the database is damaged beyond repair in place ({why}): rebuilding it");
            drop(library);
            return rebuild(library_dir, None);
        }
        Err(e) => return Err(e.into()),
    }
    let library = parse_queued(library)?;
    Ok(if report(&library)? {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Rebuilds the search index and queues unreadable rows; [`StoreError::Damaged`] if the
/// database is still damaged after that.
fn repair_in_place(library: &Library) -> Result<store::Repair, StoreError> {
    let done = library.repair()?;
    // Only the database's own check decides; `report` reads every row and copy afterwards.
    let problems = library.database_problems()?;
    if !problems.is_empty() {
        return Err(StoreError::Damaged(problems.join("; ")));
    }
    Ok(done)
}

/// Prints what [`Library::health`] finds; true if the library is sound.
fn report(library: &Library) -> Result<bool> {
    let health = library.health()?;
    for problem in &health.database {
        out!("database: {problem}");
    }
    if health.search_index_damaged {
        out!("search index: does not match the resumes (doctor --repair rebuilds it)");
    }
    for id in &health.unreadable {
        out!("resume {id}: cannot be read (doctor --repair parses it again from its copy)");
    }
    for id in &health.missing_copies {
        out!("resume {id}: the library's copy of its file is missing (import the file again)");
    }
    if health.is_sound() {
        out!("the library is sound");
    }
    Ok(health.is_sound())
}

/// Rebuilds an unusable database (see [`store::rebuild`]) and parses the recovered resumes.
fn rebuild(library_dir: &Path, backup: Option<&Path>) -> Result<ExitCode> {
    let rebuilt = store::rebuild(library_dir, backup)
        .with_context(|| format!("rebuilding the library in {}", short_path(library_dir)))?;
    out!(
        "the damaged database was moved to {}",
        short_path(&rebuilt.damaged_kept_at)
    );
    match &rebuilt.from_backup {
        Some(b) => out!("started again from the backup {}", short_path(b)),
        None => out!("no sound backup: started again from an empty library"),
    }
    out!(
        "{} resume(s) recovered from the library's copies of their files",
        rebuilt.adopted.len()
    );
    for copy in &rebuilt.damaged_copies {
        out!("left out (its bytes changed): {}", short_path(copy));
    }
    let library = parse_queued(rebuilt.library)?;
    Ok(if report(&library)? {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Parses the queued rows no running process owns, in worker processes; gives the library back.
fn parse_queued(library: Library) -> Result<Library> {
    let engine = engine_over(library, None, 30, Arc::new(|_| {}))?;
    let runtime = tokio::runtime::Runtime::new()?;
    if let Some(summary) = runtime.block_on(async {
        match engine.resume_interrupted().await? {
            Some(handle) => anyhow::Ok(Some(handle.finished().await?)),
            None => Ok(None),
        }
    })? {
        out!(
            "parsed again: {} completed, {} failed",
            summary.completed,
            summary.failed
        );
    }
    engine
        .into_library()
        .context("the parsers are still using the library")
}

/// `backup`: takes one now.
pub fn backup(library_dir: &Path) -> Result<ExitCode> {
    let library = crate::open(library_dir)?;
    // A damaged database would push a sound backup out.
    library.quick_check()?;
    let b = library.backup()?;
    out!(
        "backed up to {} ({}, {:.1?}); the last {} are kept",
        short_path(&b.path),
        size(b.bytes),
        b.took,
        store::KEEP_BACKUPS
    );
    Ok(ExitCode::SUCCESS)
}

/// `restore`: lists the backups, or puts the library back as one of them was.
pub fn restore(library_dir: &Path, which: Option<&str>, force: bool) -> Result<ExitCode> {
    let backups = store::backups(library_dir);
    let Some(which) = which else {
        if backups.is_empty() {
            out!("no backups yet (one is taken each day the library is written to)");
        }
        for b in &backups {
            let bytes = std::fs::metadata(b).map(|m| m.len()).unwrap_or(0);
            out!("{}  {}", b.display(), size(bytes));
        }
        if let Some(newest) = backups.first() {
            out!(
                "restore one with `cvdeck-cli restore latest` or `cvdeck-cli restore {}`",
                newest.display()
            );
        }
        return Ok(ExitCode::SUCCESS);
    };
    let chosen = if which == "latest" {
        backups
            .first()
            .cloned()
            .context("the library has no backups")?
    } else {
        std::path::PathBuf::from(which)
    };
    anyhow::ensure!(chosen.is_file(), "{} is not a file", chosen.display());
    let library = match Library::open(library_dir) {
        Ok(library) => library,
        // Nothing can be saved of the present database: start from the backup.
        Err(StoreError::Damaged(_)) => return rebuild(library_dir, Some(&chosen)),
        Err(e) => return Err(e).context("opening the library"),
    };
    let others = library.others_open();
    if others > 0 && !force {
        anyhow::bail!(
            "{others} other CV Deck process(es) (the app, a watch, an import) have this library \
             open: close them first, or restore with --force"
        );
    }
    let restored = library
        .restore(&chosen)
        .with_context(|| format!("restoring {}", short_path(&chosen)))?;
    out!("restored {}", short_path(&chosen));
    out!(
        "the library as it was just before is kept as {}",
        short_path(&restored.previous.path)
    );
    if !restored.adopted.is_empty() {
        out!(
            "{} resume(s) imported after that backup are kept",
            restored.adopted.len()
        );
    }
    parse_queued(library)?;
    Ok(ExitCode::SUCCESS)
}

fn size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}
