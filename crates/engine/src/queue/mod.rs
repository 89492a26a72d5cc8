//! The import queue: registers files, then parses them with bounded parallelism on tokio,
//! committing every status change before announcing it.

mod saver;
mod scan;
mod watch;

use crate::extract::{read_limited, Limits};
use crate::file_parser::FileParser;
use crate::pipeline::stored_extension;
use crate::store::{Card, Failure, Library, NewFile, Registered, ResumeId, Status, StoreError};
use crate::worker::WorkerCommand;
use crate::{ExtractError, ParseError};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

pub use scan::{scan_paths, Scan};
pub use watch::{FolderWatch, SETTLE};

/// How the engine runs.
#[derive(Debug, Clone)]
pub struct EngineConfig {
    /// Files parsed at once.
    pub parallelism: usize,
    /// Wall-clock limit per file.
    pub timeout: Duration,
    /// Size limits.
    pub limits: Limits,
    /// Parse in worker processes started with this command; None parses in this process
    /// (libraries and tests; a hostile file can then hang a thread or abort the process).
    pub worker: Option<WorkerCommand>,
    /// After each import, read the new resumes' match evidence in the background, so that the
    /// next ranking need not (the app; a CLI import ends at once instead, and the next `match`
    /// reads it).
    pub prepare_ranking: bool,
}

impl Default for EngineConfig {
    fn default() -> Self {
        EngineConfig {
            parallelism: std::thread::available_parallelism()
                .map(usize::from)
                .unwrap_or(2),
            timeout: Duration::from_secs(30),
            limits: Limits::default(),
            worker: None,
            prepare_ranking: false,
        }
    }
}

/// Something the engine wants the outside world to know. Sent after the change is committed.
#[derive(Debug, Clone, PartialEq)]
pub enum EngineEvent {
    /// An import registered these cards (pending, or failed before parsing).
    CardsAdded(Vec<Card>),
    /// These cards changed.
    CardsChanged(Vec<Card>),
    /// An import moved on.
    ImportProgress(ImportProgress),
    /// An import finished.
    ImportFinished(ImportSummary),
}

/// Progress of one import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportProgress {
    /// Which import.
    pub import_id: u64,
    /// Files finished.
    pub done: u64,
    /// Of those, failed.
    pub failed: u64,
    /// Files in the import.
    pub total: u64,
}

/// The end of one import: what the library now holds for its files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    /// Which import.
    pub import_id: u64,
    /// Parsed.
    pub completed: u64,
    /// Failed (including files rejected before parsing).
    pub failed: u64,
    /// Already in the library.
    pub duplicates: u64,
    /// Parsed, but the result could not be saved (disk full, library unwritable): the rows
    /// are `pending` again, for the next import.
    pub left_pending: u64,
    /// Why rows were left pending, once (the first reason seen).
    pub problem: Option<String>,
    /// The name on the one resume of a one-file import.
    pub single_name: Option<String>,
    /// A one-file import that failed: the file's name and why ("cv.pdf", "damaged PDF …").
    pub single_failure: Option<(String, String)>,
}

/// How parsing one queued row ended.
enum RowOutcome {
    /// Parsed or failed, and saved: its card.
    Saved(Box<Card>),
    /// Not pending any more, or queued by another process: someone else's to parse.
    NotOurs,
    /// The library could not take the result; the row is back to pending (if it could be).
    Unsaved(StoreError),
}

/// Receives engine events; called from worker threads, so keep it quick.
pub type EventSink = Arc<dyn Fn(EngineEvent) + Send + Sync>;

/// Engine-level failures (file-level ones end in the row, not here).
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// The library failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A background task died.
    #[error("internal task failed: {0}")]
    Task(String),
}

/// A started import.
pub struct ImportHandle {
    /// Identifies the import in events.
    pub import_id: u64,
    /// Files queued for parsing.
    pub queued: u64,
    /// Files skipped as duplicates.
    pub duplicates: u64,
    /// Files that failed before parsing.
    pub rejected: u64,
    /// Places the scan could not go into (an unreadable folder, a link loop), with why.
    pub skipped: Vec<(PathBuf, String)>,
    finished: tokio::task::JoinHandle<ImportSummary>,
}

impl ImportHandle {
    /// Waits for every file of the import to end.
    pub async fn finished(self) -> Result<ImportSummary, EngineError> {
        self.finished
            .await
            .map_err(|e| EngineError::Task(e.to_string()))
    }
}

/// The engine: a library plus the queue that fills it.
#[derive(Clone)]
pub struct Engine {
    inner: Arc<Inner>,
}

struct Inner {
    library: Library,
    config: EngineConfig,
    sink: EventSink,
    /// One per parser: a file is parsed while its permit is held.
    permits: Arc<Semaphore>,
    parser: FileParser,
    saver: saver::Saver,
    next_import: AtomicU64,
}

impl Engine {
    /// Reads a job ad file (a JSON Resume job document, or an ad as PDF, DOCX, text, …)
    /// through this engine's parser workers.
    pub async fn read_job_file(
        &self,
        path: &std::path::Path,
    ) -> Result<crate::job_ads::JobAd, crate::job_ads::JobAdError> {
        crate::job_ads::read_job_file(path, &self.inner.parser).await
    }

    /// An engine over `library`, telling `sink` what happens.
    pub fn new(library: Library, config: EngineConfig, sink: EventSink) -> Engine {
        Engine {
            inner: Arc::new(Inner {
                library,
                permits: Arc::new(Semaphore::new(config.parallelism.max(1))),
                parser: FileParser::new(config.worker.clone(), config.limits, config.timeout),
                saver: saver::Saver::default(),
                config,
                sink,
                next_import: AtomicU64::new(1),
            }),
        }
    }

    /// The library.
    pub fn library(&self) -> &Library {
        &self.inner.library
    }

    /// The library back, once nothing else holds the engine (None while an import runs).
    pub fn into_library(self) -> Option<Library> {
        Arc::try_unwrap(self.inner).ok().map(|inner| inner.library)
    }

    /// Registers every file under `paths` (files and folders) and parses them in the background.
    pub async fn import(&self, paths: Vec<PathBuf>) -> Result<ImportHandle, EngineError> {
        let inner = self.inner.clone();
        let r = blocking(move || register_paths(&inner, &paths)).await??;
        let mut handle = self.start_parsing(r.new_ids, r.duplicates, r.rejected);
        handle.skipped = r.skipped;
        Ok(handle)
    }

    /// Parses the queued rows no running process owns, e.g. left by an interrupted import.
    /// None if there are none.
    pub async fn resume_interrupted(&self) -> Result<Option<ImportHandle>, EngineError> {
        let inner = self.inner.clone();
        let ids = blocking(move || inner.library.claim_orphaned()).await??;
        if ids.is_empty() {
            return Ok(None);
        }
        Ok(Some(self.start_parsing(ids, 0, Vec::new())))
    }

    /// Re-parses one resume; its card is `pending` when this returns.
    pub async fn retry(&self, id: ResumeId) -> Result<(Card, ImportHandle), EngineError> {
        let inner = self.inner.clone();
        let card = blocking(move || -> Result<Card, StoreError> {
            inner.library.requeue(id)?;
            inner.library.card(id)
        })
        .await??;
        (self.inner.sink)(EngineEvent::CardsChanged(vec![card.clone()]));
        Ok((card, self.start_parsing(vec![id], 0, Vec::new())))
    }

    /// Re-parses every failed resume. None if there were none.
    pub async fn retry_all_failed(&self) -> Result<Option<ImportHandle>, EngineError> {
        let inner = self.inner.clone();
        let ids = blocking(move || inner.library.ids_with_status(Status::Failed)).await??;
        self.retry_many(ids).await
    }

    /// Re-parses these resumes as one import (those being parsed right now are left to
    /// finish). None if none could be queued.
    pub async fn retry_many(
        &self,
        ids: Vec<ResumeId>,
    ) -> Result<Option<ImportHandle>, EngineError> {
        let inner = self.inner.clone();
        let cards = blocking(move || -> Result<Vec<Card>, StoreError> {
            let mut queued = Vec::with_capacity(ids.len());
            for id in ids {
                match inner.library.requeue(id) {
                    Ok(()) => queued.push(id),
                    Err(StoreError::Conflict { .. } | StoreError::NotFound(_)) => {}
                    Err(e) => return Err(e),
                }
            }
            inner.library.cards(&queued)
        })
        .await??;
        if cards.is_empty() {
            return Ok(None);
        }
        let ids = cards.iter().map(|c| c.id).collect();
        (self.inner.sink)(EngineEvent::CardsChanged(cards));
        Ok(Some(self.start_parsing(ids, 0, Vec::new())))
    }

    fn start_parsing(
        &self,
        ids: Vec<ResumeId>,
        duplicates: u64,
        rejected: Vec<ResumeId>,
    ) -> ImportHandle {
        let import_id = self.inner.next_import.fetch_add(1, Ordering::Relaxed);
        let queued = ids.len() as u64;
        let rejected_count = rejected.len() as u64;
        let inner = self.inner.clone();
        let finished = tokio::spawn(run_import(
            inner,
            import_id,
            ids,
            duplicates,
            rejected_count,
        ));
        ImportHandle {
            import_id,
            queued,
            duplicates,
            rejected: rejected_count,
            skipped: Vec::new(),
            finished,
        }
    }
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, EngineError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| EngineError::Task(e.to_string()))
}

async fn run_import(
    inner: Arc<Inner>,
    import_id: u64,
    ids: Vec<ResumeId>,
    duplicates: u64,
    rejected: u64,
) -> ImportSummary {
    let total = ids.len() as u64 + rejected;
    let done = Arc::new(AtomicU64::new(rejected));
    let failed = Arc::new(AtomicU64::new(rejected));
    let single = ids.len() == 1 && rejected == 0;
    let mut summary = ImportSummary {
        import_id,
        completed: 0,
        failed: rejected,
        duplicates,
        left_pending: 0,
        problem: None,
        single_name: None,
        single_failure: None,
    };
    let files = {
        let inner = inner.clone();
        blocking(move || inner.library.files_to_parse(&ids)).await
    };
    let files = match files.and_then(|read| read.map_err(EngineError::from)) {
        Ok(files) => files,
        // Nothing was claimed: the rows stay pending, ours, for the next import to resume.
        Err(e) => {
            summary.left_pending = total - rejected;
            summary.problem = Some(e.to_string());
            Vec::new()
        }
    };
    let mut jobs = JoinSet::new();
    for (id, path) in files {
        let inner = inner.clone();
        let (done, failed) = (done.clone(), failed.clone());
        jobs.spawn(async move {
            let outcome = parse_one(&inner, id, path).await;
            if matches!(&outcome, RowOutcome::Saved(c) if c.status == Status::Failed) {
                failed.fetch_add(1, Ordering::Relaxed);
            }
            let done = done.fetch_add(1, Ordering::Relaxed) + 1;
            (inner.sink)(EngineEvent::ImportProgress(ImportProgress {
                import_id,
                done,
                failed: failed.load(Ordering::Relaxed),
                total,
            }));
            outcome
        });
    }
    while let Some(result) = jobs.join_next().await {
        match result {
            Ok(RowOutcome::Saved(card)) if card.status == Status::Completed => {
                summary.completed += 1;
                if single {
                    summary.single_name = card.name;
                }
            }
            Ok(RowOutcome::Saved(card)) => {
                summary.failed += 1;
                if single {
                    let why = card.failure.map(|f| f.message).unwrap_or_default();
                    summary.single_failure = Some((card.file_name, why));
                }
            }
            Ok(RowOutcome::NotOurs) => {}
            Ok(RowOutcome::Unsaved(e)) => {
                summary.left_pending += 1;
                summary.problem.get_or_insert_with(|| e.to_string());
            }
            Err(e) => {
                summary.left_pending += 1;
                summary.problem.get_or_insert_with(|| e.to_string());
            }
        }
    }
    (inner.sink)(EngineEvent::ImportFinished(summary.clone()));
    if inner.config.prepare_ranking && summary.completed > 0 {
        // Not while parsing: reading evidence then took about 3 % of an import's throughput.
        let inner = inner.clone();
        tokio::task::spawn_blocking(move || {
            if let Err(e) = inner.library.prepare_ranking() {
                tracing::warn!("cannot read the match evidence of new resumes: {e}");
            }
        });
    }
    summary
}

/// Parses one row this import queued and saves the result.
async fn parse_one(inner: &Arc<Inner>, id: ResumeId, path: PathBuf) -> RowOutcome {
    let Ok(permit) = inner.permits.clone().acquire_owned().await else {
        // The parsers were shut down before this row was claimed: it stays pending.
        return RowOutcome::NotOurs;
    };
    // The row is claimed while it is parsed, not before: the claim waits for the library's
    // connection whenever a group of results is being saved (up to a few hundred
    // milliseconds), and parsers that waited for their claims idled a tenth of an import.
    // A parse whose claim fails (another process took the row, it was deleted) is dropped.
    let claim = async {
        let claimer = inner.clone();
        let claimed = blocking(move || -> Result<Option<Card>, StoreError> {
            if !claimer.library.start_processing(id)? {
                return Ok(None);
            }
            claimer.library.card(id).map(Some)
        })
        .await;
        match claimed {
            Ok(Ok(Some(card))) => {
                (inner.sink)(EngineEvent::CardsChanged(vec![card]));
                Ok(true)
            }
            Ok(Ok(None)) => Ok(false),
            Ok(Err(e)) | Err(EngineError::Store(e)) => Err(e),
            Err(EngineError::Task(e)) => Err(StoreError::Io(std::io::Error::other(e))),
        }
    };
    let parse = async {
        let outcome = inner.parser.parse(&path).await;
        // The parser is free for the next file while this result is saved.
        drop(permit);
        outcome
    };
    let (claimed, outcome) = tokio::join!(claim, parse);
    match claimed {
        Ok(true) => {}
        Ok(false) => return RowOutcome::NotOurs,
        Err(e) => return unsaved(inner, id, e).await,
    }
    match saver::save(inner, id, outcome).await {
        Ok(card) => {
            (inner.sink)(EngineEvent::CardsChanged(vec![card.clone()]));
            RowOutcome::Saved(Box::new(card))
        }
        Err(e) => unsaved(inner, id, e).await,
    }
}

/// A row whose result the library would not take: back to pending if the library lets us,
/// so that the next import parses it (else the next start finds it `processing` and ownerless
/// once this process has gone).
async fn unsaved(inner: &Arc<Inner>, id: ResumeId, e: StoreError) -> RowOutcome {
    tracing::warn!(id, "cannot save parse result: {e}");
    let release = inner.clone();
    let released = blocking(move || release.library.release(id)).await;
    if let Ok(Ok(true)) = released {
        if let Ok(Ok(card)) = {
            let inner = inner.clone();
            blocking(move || inner.library.card(id)).await
        } {
            (inner.sink)(EngineEvent::CardsChanged(vec![card]));
        }
    }
    RowOutcome::Unsaved(e)
}

/// A file's failure as the library stores it: the stable kind and the user's message.
pub(crate) fn failure(e: impl Into<ParseError>) -> Failure {
    let e = e.into();
    Failure {
        kind: e.kind().to_owned(),
        message: e.to_string(),
    }
}

/// What registering an import's files gave.
struct Registration {
    new_ids: Vec<ResumeId>,
    duplicates: u64,
    /// Rows that failed before parsing.
    rejected: Vec<ResumeId>,
    skipped: Vec<(PathBuf, String)>,
}

/// Walks `paths`, copies each readable file into the library and registers it; what names a
/// file but cannot be read as one becomes a failed row saying why.
fn register_paths(inner: &Inner, paths: &[PathBuf]) -> Result<Registration, StoreError> {
    let scan = scan_paths(paths);
    let mut registration = register_files(inner, scan.files)?;
    let mut unusable = Vec::with_capacity(scan.unusable.len());
    for (path, why) in &scan.unusable {
        unusable.push(
            inner
                .library
                .register_rejected(path, &failure(why.clone()))?,
        );
    }
    if !unusable.is_empty() {
        (inner.sink)(EngineEvent::CardsAdded(inner.library.cards(&unusable)?));
    }
    registration.rejected.extend(unusable);
    registration.skipped = scan.skipped;
    Ok(registration)
}

/// Copies and registers files found by a scan; one that cannot be read by now (moved,
/// deleted, unreadable) becomes a failed row saying so.
fn register_files(inner: &Inner, files: Vec<PathBuf>) -> Result<Registration, StoreError> {
    let lib = &inner.library;
    let limits = &inner.config.limits;
    let mut new_ids = Vec::new();
    let mut duplicates = 0;
    let mut rejected = Vec::new();
    let mut batch: Vec<NewFile> = Vec::new();
    let flush = |batch: &mut Vec<NewFile>,
                 new_ids: &mut Vec<ResumeId>,
                 duplicates: &mut u64|
     -> Result<(), StoreError> {
        for r in lib.register(batch)? {
            match r {
                Registered::New(id) => new_ids.push(id),
                Registered::Duplicate(_) => *duplicates += 1,
            }
        }
        batch.clear();
        Ok(())
    };
    let threads = inner.config.parallelism.max(1);
    for chunk in files.chunks(256) {
        for (path, copied) in chunk.iter().zip(copy_all(lib, chunk, limits, threads)) {
            match copied {
                Ok(file) => batch.push(file),
                Err(e) => rejected.push(lib.register_rejected(path, &failure(e))?),
            }
        }
        flush(&mut batch, &mut new_ids, &mut duplicates)?;
    }
    let mut announced = lib.cards(&new_ids)?;
    announced.extend(lib.cards(&rejected)?);
    if !announced.is_empty() {
        (inner.sink)(EngineEvent::CardsAdded(announced));
    }
    Ok(Registration {
        new_ids,
        duplicates,
        rejected,
        skipped: Vec::new(),
    })
}

/// Copies `paths` into the library on `threads` threads, results in the order of `paths`.
/// Nothing is parsed until the files are registered, so the parsers' cores are free to
/// share the reading, hashing and writing (a single thread took an eighth of a 4,400-PDF
/// import, the parsers idle).
fn copy_all(
    lib: &Library,
    paths: &[PathBuf],
    limits: &Limits,
    threads: usize,
) -> Vec<Result<NewFile, ExtractError>> {
    let per_thread = paths.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let parts: Vec<_> = paths
            .chunks(per_thread)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|p| copy_into_library(lib, p, limits))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        parts
            .into_iter()
            .zip(paths.chunks(per_thread))
            .flat_map(|(part, paths)| {
                part.join().unwrap_or_else(|_| {
                    paths
                        .iter()
                        .map(|_| Err(ExtractError::Panicked("copying the file".into())))
                        .collect()
                })
            })
            .collect()
    })
}

fn copy_into_library(lib: &Library, path: &Path, limits: &Limits) -> Result<NewFile, ExtractError> {
    let bytes = read_limited(path, limits)?;
    if bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    let hash = hex::encode(Sha256::digest(&bytes));
    let stored = lib.stored_path_for(&hash, stored_extension(&bytes));
    // A copy that went missing or was damaged (a disk error, a hand edit) is put right from
    // the original when it is imported again, instead of the row pointing at bad bytes.
    let intact = std::fs::read(&stored).is_ok_and(|copy| copy == bytes);
    if !intact {
        if let Some(dir) = stored.parent() {
            std::fs::create_dir_all(dir)?;
        }
        // Write then rename, so a crash never leaves a half-written copy under the final name.
        // Each writer has its own temporary file: two imports copying the same content at
        // once must not rename each other's (the second rename just replaces equal bytes).
        let dir = stored.parent().unwrap_or(lib.root());
        let mut tmp = tempfile::Builder::new()
            .suffix(".partial")
            .tempfile_in(dir)?;
        std::io::Write::write_all(&mut tmp, &bytes)?;
        tmp.persist(&stored).map_err(|e| e.error)?;
    }
    Ok(NewFile {
        original_path: path.to_owned(),
        content_hash: hash,
        stored_path: stored,
        size_bytes: bytes.len() as u64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_vanished_after_the_scan_is_a_failed_row_saying_so() {
        let dir = tempfile::tempdir().unwrap();
        let library = Library::open(&dir.path().join("library")).unwrap();
        let engine = Engine::new(library, EngineConfig::default(), Arc::new(|_| {}));
        let present = dir.path().join("present.txt");
        std::fs::write(&present, "Jane Doe\njane@example.com\n").unwrap();
        let gone = dir.path().join("gone.pdf");
        let r = register_files(&engine.inner, vec![gone, present]).unwrap();
        assert_eq!((r.new_ids.len(), r.duplicates, r.rejected.len()), (1, 0, 1));
        let card = engine.library().card(r.rejected[0]).unwrap();
        assert_eq!(card.status, Status::Failed);
        assert_eq!(card.file_name, "gone.pdf");
        let failure = card.failure.unwrap();
        assert_eq!(failure.kind, "io");
        assert_eq!(
            failure.message,
            "cannot read file: it was moved or deleted during the import"
        );
    }

    #[tokio::test]
    async fn a_parse_whose_claim_fails_is_not_saved() {
        let dir = tempfile::tempdir().unwrap();
        let library = Library::open(&dir.path().join("library")).unwrap();
        let engine = Engine::new(library, EngineConfig::default(), Arc::new(|_| {}));
        let file = dir.path().join("cv.txt");
        std::fs::write(&file, "Jane Doe\njane@example.com\n").unwrap();
        let id = register_files(&engine.inner, vec![file]).unwrap().new_ids[0];
        let path = engine.library().files_to_parse(&[id]).unwrap()[0].1.clone();
        // Another parse of the row ended before this one could claim it.
        let theirs = crate::parse::parse_text("Ada Example\nada@example.com\n", &[]);
        engine
            .library()
            .complete(id, "text", &theirs, "Ada Example")
            .unwrap();
        let outcome = parse_one(&engine.inner, id, path).await;
        assert!(matches!(outcome, RowOutcome::NotOurs));
        let card = engine.library().card(id).unwrap();
        assert_eq!(card.status, Status::Completed);
        assert_eq!(card.name.as_deref(), Some("Ada Example"));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_file_that_reports_size_0_is_capped_on_the_bytes_read() {
        let path = Path::new("/proc/self/maps");
        assert_eq!(std::fs::metadata(path).unwrap().len(), 0);
        let limits = Limits {
            max_file_bytes: 64,
            ..Limits::default()
        };
        assert!(matches!(
            read_limited(path, &limits),
            Err(ExtractError::TooLarge { .. })
        ));
    }

    #[test]
    fn unreadable_files_say_permission_denied() {
        let e = ExtractError::from(std::io::Error::from(std::io::ErrorKind::PermissionDenied));
        assert_eq!(
            e.to_string(),
            "cannot read file: permission denied for your user"
        );
    }
}
