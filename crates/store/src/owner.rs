//! Which process owns a queued row. The app, `cvdeck-cli import` and `cvdeck-cli watch` may
//! share one library: each queues rows for itself, and only rows whose owner has gone (a crash,
//! a kill, a power cut) may be taken over by another.
//!
//! Each open library holds an exclusive lock on a file of its own under `owners/`. The kernel
//! drops the lock when the process ends however it ends, so "is the owner alive" is "is its
//! lock still held" — no heartbeat to keep, no process id that can be reused.

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The folder of lock files inside a library.
const OWNERS_DIR: &str = "owners";

/// This process's claim on the rows it queues; released when dropped.
#[derive(Debug)]
pub(super) struct OwnerLease {
    token: String,
    path: PathBuf,
    // Holds the lock for as long as the library is open.
    _file: File,
}

impl OwnerLease {
    /// Takes a new lease in the library at `root`.
    pub(super) fn acquire(root: &Path) -> io::Result<OwnerLease> {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let dir = root.join(OWNERS_DIR);
        std::fs::create_dir_all(&dir)?;
        let started = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        // Unique among processes (pid), among libraries opened by one process (counter), and
        // among processes that reuse a pid later (start time).
        let token = format!(
            "{}-{:x}-{}",
            std::process::id(),
            started,
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let path = dir.join(format!("{token}.lock"));
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)?;
        file.try_lock().map_err(|e| match e {
            TryLockError::Error(e) => e,
            TryLockError::WouldBlock => io::Error::other("lock file already locked"),
        })?;
        Ok(OwnerLease {
            token,
            path,
            _file: file,
        })
    }

    /// What rows owned by this lease carry in their `owner` column.
    pub(super) fn token(&self) -> &str {
        &self.token
    }
}

impl Drop for OwnerLease {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Whether the process that took lease `token` in the library at `root` still runs. When in
/// doubt (the lock file cannot be opened for another reason) it is taken to be alive: a row
/// waits rather than being parsed twice.
pub(super) fn is_alive(root: &Path, token: &str) -> bool {
    // A token is a file name we made; anything else cannot be a lease.
    if token.is_empty() || token.contains(['/', '\\', '.']) {
        return false;
    }
    let path = root.join(OWNERS_DIR).join(format!("{token}.lock"));
    let file = match OpenOptions::new().write(true).open(&path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return false,
        Err(_) => return true,
    };
    match file.try_lock() {
        Ok(()) => {
            // Its owner died without cleaning up: tidy its file away.
            let _ = std::fs::remove_file(&path);
            false
        }
        Err(TryLockError::WouldBlock) => true,
        Err(TryLockError::Error(_)) => true,
    }
}

/// How many leases other than `mine` are held in the library at `root`.
pub(super) fn others_alive(root: &Path, mine: &str) -> usize {
    let Ok(entries) = std::fs::read_dir(root.join(OWNERS_DIR)) else {
        return 0;
    };
    entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            name.strip_suffix(".lock").map(str::to_owned)
        })
        .filter(|token| token != mine && is_alive(root, token))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lease_is_alive_while_held_and_gone_after() {
        let dir = tempfile::tempdir().unwrap();
        let lease = OwnerLease::acquire(dir.path()).unwrap();
        let other = OwnerLease::acquire(dir.path()).unwrap();
        assert_ne!(lease.token(), other.token());
        let token = lease.token().to_owned();
        assert!(is_alive(dir.path(), &token));
        drop(lease);
        assert!(!is_alive(dir.path(), &token));
        assert!(is_alive(dir.path(), other.token()));
    }

    #[test]
    fn a_lock_file_left_by_a_dead_process_is_not_alive_and_is_tidied() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join(OWNERS_DIR)).unwrap();
        let left = dir.path().join(OWNERS_DIR).join("42-abc-0.lock");
        std::fs::write(&left, b"").unwrap();
        assert!(!is_alive(dir.path(), "42-abc-0"));
        assert!(!left.exists());
        assert!(!is_alive(dir.path(), "../library"));
    }
}
