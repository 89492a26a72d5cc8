//! Watched folders: new or changed files in a folder are imported as they appear, with the
//! same deduplication as any import (an unchanged file is a duplicate, a changed one is new
//! content).

use super::{Engine, EngineError, ImportSummary};
use notify::{EventKind, RecursiveMode, Watcher};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;
use tokio::sync::mpsc;

/// How long a folder must be quiet before what changed is imported (a copy of many files,
/// or an editor's save in several writes, becomes one import).
pub const SETTLE: Duration = Duration::from_millis(800);

/// A folder being watched; dropping it stops the watch.
pub struct FolderWatch {
    folder: PathBuf,
    _watcher: notify::RecommendedWatcher,
    task: tokio::task::JoinHandle<()>,
}

impl FolderWatch {
    /// The folder.
    pub fn folder(&self) -> &Path {
        &self.folder
    }
}

impl Drop for FolderWatch {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Engine {
    /// Starts watching `folder` (and its subfolders); calls `on_import` with the summary of
    /// each import a change set off. Must be called inside a tokio runtime.
    pub fn watch(
        &self,
        folder: &Path,
        on_import: impl Fn(ImportSummary) + Send + 'static,
    ) -> Result<FolderWatch, EngineError> {
        let (tx, mut rx) = mpsc::unbounded_channel::<PathBuf>();
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                if let Ok(event) = event {
                    if matches!(event.kind, EventKind::Create(_) | EventKind::Modify(_)) {
                        for path in event.paths {
                            let _ = tx.send(path);
                        }
                    }
                }
            })
            .map_err(|e| EngineError::Task(format!("cannot watch {}: {e}", folder.display())))?;
        watcher
            .watch(folder, RecursiveMode::Recursive)
            .map_err(|e| EngineError::Task(format!("cannot watch {}: {e}", folder.display())))?;
        let engine = self.clone();
        let task = tokio::spawn(async move {
            while let Some(first) = rx.recv().await {
                let mut changed = BTreeSet::from([first]);
                // Collect until the folder has been quiet for SETTLE.
                while let Ok(Some(path)) = tokio::time::timeout(SETTLE, rx.recv()).await {
                    changed.insert(path);
                }
                // Half-written copies and editors' lock files are not resumes.
                let files: Vec<PathBuf> = changed
                    .into_iter()
                    .filter(|p| p.is_file() && !super::scan::is_hidden(p))
                    .filter(|p| !p.extension().is_some_and(|e| e == "partial" || e == "tmp"))
                    .collect();
                if files.is_empty() {
                    continue;
                }
                match engine.import(files).await {
                    Ok(handle) => match handle.finished().await {
                        Ok(summary) => on_import(summary),
                        Err(e) => tracing::warn!("watched import failed: {e}"),
                    },
                    Err(e) => tracing::warn!("watched import failed: {e}"),
                }
            }
        });
        Ok(FolderWatch {
            folder: folder.to_owned(),
            _watcher: watcher,
            task,
        })
    }
}
