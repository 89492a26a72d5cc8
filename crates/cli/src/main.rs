//! `cvdeck-cli`: the CV Deck engine for scripts and terminals.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use cvdeck_engine::store::{Filter, Sort};
use cvdeck_engine::{
    default_library_dir, Engine, EngineConfig, EngineEvent, FileParser, Library, Limits, Status,
};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Writes a line to stdout; a failure ends the command with an [`OutputError`] (`main` says
/// why, or stays quiet for a reader that has gone, like `| head`).
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*).map_err($crate::OutputError)?
    }};
}

mod job_cmds;
mod library_cmds;
mod maintenance;

use library_cmds::QueryArgs;

#[derive(Parser)]
#[command(
    name = "cvdeck-cli",
    version,
    about = "Import and parse resumes without the window"
)]
struct Cli {
    /// Library folder (default: $CVDECK_LIBRARY, else the OS data directory).
    #[arg(long, global = true)]
    library: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import files and folders into the library and parse them.
    Import {
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Files parsed at once (default: the number of cores).
        #[arg(long)]
        jobs: Option<usize>,
        /// Seconds one file may take before its parser is stopped.
        #[arg(long, default_value_t = 30)]
        timeout: u64,
    },
    /// List the library's resumes (filter, search and sort as the grid does).
    List {
        #[command(flatten)]
        query: QueryArgs,
        /// Print JSON lines instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Find resumes by name, skill, company, title, school, place or any word, best first.
    Search {
        /// Words (each a prefix; accents ignored).
        #[arg(required = true)]
        words: Vec<String>,
        #[command(flatten)]
        query: QueryArgs,
        /// Print JSON lines instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show one resume's parsed fields.
    Show {
        /// Resume id (as `list` prints).
        id: i64,
        /// Print the whole record as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Parse resumes again: one by id, or every failed one.
    Retry {
        /// Resume ids.
        #[arg(required_unless_present = "failed")]
        ids: Vec<i64>,
        /// Retry every failed resume.
        #[arg(long)]
        failed: bool,
        /// Seconds one file may take before its parser is stopped.
        #[arg(long, default_value_t = 30)]
        timeout: u64,
    },
    /// Import a folder, then keep importing new and changed files until interrupted. The
    /// folder is remembered, so the app watches it too; `unwatch` forgets it.
    Watch {
        /// Folders.
        #[arg(required = true)]
        folders: Vec<PathBuf>,
    },
    /// Stop watching folders (the app stops at its next start).
    Unwatch {
        /// Folders.
        #[arg(required = true)]
        folders: Vec<PathBuf>,
    },
    /// Put a tag on resumes, or take it off with --remove ("shortlist", "call back").
    Tag {
        /// The tag.
        tag: String,
        /// Resume ids.
        #[arg(required = true)]
        ids: Vec<i64>,
        /// Take the tag off instead.
        #[arg(long)]
        remove: bool,
    },
    /// Remove resumes (and the library's copies of their files).
    Delete {
        /// Resume ids.
        #[arg(required = true)]
        ids: Vec<i64>,
    },
    /// Write the matching resumes to CSV or to a zip of JSON Resume files.
    Export {
        /// csv, excel (CSV as Excel opens it here: UTF-8 with a byte-order mark, and `;` with
        /// decimal commas where the locale writes them) or jsonresume.
        #[arg(long, default_value = "csv")]
        format: String,
        /// The file to write.
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        query: QueryArgs,
    },
    /// Check the library (database, search index, every row, every stored copy); with
    /// --repair, put right what can be: rebuild the search index, parse unreadable rows again
    /// from their copies, and rebuild a database SQLite cannot use from its newest backup
    /// plus the copies (keeping their file names).
    Doctor {
        /// Put right what can be put right.
        #[arg(long)]
        repair: bool,
    },
    /// Back the library's database up now (one is also taken each day it is written to; the
    /// last five are kept in its backups folder).
    Backup,
    /// List the backups, or put the library back as one was ("latest" or a file); resumes
    /// imported since are kept, and the present state is backed up first.
    Restore {
        /// "latest", or a backup file.
        backup: Option<String>,
        /// Restore even while another process has the library open.
        #[arg(long)]
        force: bool,
    },
    /// Jobs to rank resumes against: add one from an ad, list, show, edit, delete, export.
    Job {
        #[command(subcommand)]
        command: job_cmds::JobCommand,
    },
    /// Rank the library's resumes against a job, best first: id, score (0-100), name, the
    /// required skills each has and misses; --json prints every line of the explanation.
    Match {
        /// Job id (as `job list` prints).
        #[arg(required_unless_present = "job", conflicts_with = "job")]
        id: Option<i64>,
        /// Rank against the ad in this file instead (not kept).
        #[arg(long)]
        job: Option<PathBuf>,
        /// Only the best N.
        #[arg(long)]
        top: Option<usize>,
        /// Only resumes that show every required skill.
        #[arg(long)]
        all_required: bool,
        /// Only resumes scoring at least this.
        #[arg(long)]
        min_score: Option<u8>,
        #[command(flatten)]
        query: QueryArgs,
        /// Print JSON lines instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Counts per status and the most common skills.
    Stats {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Parse files to JSON Resume without a library.
    Parse {
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write `<stem>.json` files here instead of printing.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Print the extracted text instead of the JSON (to see what the parser saw).
        #[arg(long)]
        text: bool,
        /// Files parsed at once (default: the number of cores).
        #[arg(long)]
        jobs: Option<usize>,
        /// Seconds one file may take before its parser is stopped.
        #[arg(long, default_value_t = 30)]
        timeout: u64,
    },
}

fn main() -> std::process::ExitCode {
    cvdeck_engine::worker::run_worker_if_asked();
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_env("CVDECK_LOG"))
        .with_writer(std::io::stderr)
        .init();
    // Parser libraries panic on bad files; the engine turns those into failed rows, so the
    // default hook's backtrace noise on stderr would only confuse.
    std::panic::set_hook(Box::new(|info| tracing::debug!("caught panic: {info}")));
    match run(Cli::parse()) {
        Ok(code) => code,
        // `cvdeck-cli list | head -1`: the reader has all it wanted.
        Err(e)
            if e.downcast_ref::<OutputError>()
                .is_some_and(|OutputError(io)| io.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cvdeck-cli: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Standard output could not be written (a full disk, a closed pipe).
#[derive(Debug)]
struct OutputError(std::io::Error);

impl std::fmt::Display for OutputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot write the output: {}", self.0)
    }
}

impl std::error::Error for OutputError {}

fn run(cli: Cli) -> Result<std::process::ExitCode> {
    let library_dir = cli.library.unwrap_or_else(default_library_dir);
    let done = |r: Result<()>| r.map(|()| std::process::ExitCode::SUCCESS);
    match cli.command {
        Command::Import {
            paths,
            jobs,
            timeout,
        } => import(&library_dir, paths, jobs, timeout),
        Command::List { query, json } => done(library_cmds::list(
            &open_for_reading(&library_dir)?,
            &query,
            json,
        )),
        Command::Search { words, query, json } => {
            let query = QueryArgs {
                search: Some(words.join(" ")),
                ..query
            };
            done(library_cmds::list(
                &open_for_reading(&library_dir)?,
                &query,
                json,
            ))
        }
        Command::Show { id, json } => done(library_cmds::show(
            &open_for_reading(&library_dir)?,
            id,
            json,
        )),
        Command::Retry {
            ids,
            failed,
            timeout,
        } => done(retry(&library_dir, &ids, failed, timeout)),
        Command::Watch { folders } => done(watch(&library_dir, folders)),
        Command::Unwatch { folders } => done(unwatch(&library_dir, &folders)),
        Command::Delete { ids } => done(library_cmds::delete(&open(&library_dir)?, &ids)),
        Command::Tag { tag, ids, remove } => {
            done(library_cmds::tag(&open(&library_dir)?, &tag, &ids, remove))
        }
        Command::Export { format, out, query } => done(library_cmds::export_cmd(
            &open_for_reading(&library_dir)?,
            &query,
            &format,
            &out,
        )),
        Command::Stats { json } => {
            done(library_cmds::stats(&open_for_reading(&library_dir)?, json))
        }
        Command::Job { command } => done(job_cmds::job(&library_dir, command)),
        Command::Match {
            id,
            job,
            top,
            all_required,
            min_score,
            query,
            json,
        } => done(job_cmds::match_cmd(
            &open_for_reading(&library_dir)?,
            job_cmds::MatchArgs {
                job: match (id, job) {
                    (_, Some(file)) => job_cmds::JobSource::File(file),
                    (Some(id), None) => job_cmds::JobSource::Kept(id),
                    (None, None) => anyhow::bail!("give a job id or --job FILE"),
                },
                top,
                json,
                all_required,
                min_score,
                query: &query,
            },
        )),
        Command::Doctor { repair } => maintenance::doctor(&library_dir, repair),
        Command::Backup => maintenance::backup(&library_dir),
        Command::Restore { backup, force } => {
            maintenance::restore(&library_dir, backup.as_deref(), force)
        }
        Command::Parse {
            paths,
            out,
            text,
            jobs,
            timeout,
        } => parse(ParseArgs {
            paths: &paths,
            out: out.as_deref(),
            text,
            jobs,
            timeout,
        }),
    }
}

fn import(
    library_dir: &Path,
    paths: Vec<PathBuf>,
    jobs: Option<usize>,
    timeout: u64,
) -> Result<std::process::ExitCode> {
    for p in &paths {
        anyhow::ensure!(p.exists(), "{} does not exist", p.display());
    }
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} {msg} [{elapsed_precise}]")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let sink_bar = bar.clone();
    let sink = Arc::new(move |event: EngineEvent| {
        if let EngineEvent::ImportProgress(p) = event {
            sink_bar.set_length(p.total);
            sink_bar.set_position(p.done);
            sink_bar.set_message(format!("{} failed", p.failed));
        }
    });
    let runtime = tokio::runtime::Runtime::new()?;
    let engine = engine(library_dir, jobs, timeout, sink)?;
    let summaries = runtime.block_on(async {
        let mut out = Vec::new();
        if let Some(resumed) = engine.resume_interrupted().await? {
            eprintln!(
                "resuming {} file(s) left by an interrupted import",
                resumed.queued
            );
            out.push(resumed.finished().await?);
        }
        let handle = engine.import(paths).await?;
        for (path, why) in &handle.skipped {
            bar.suspend(|| eprintln!("skipped {}: {why}", short_path(path)));
        }
        bar.set_length(handle.queued + handle.rejected);
        out.push(handle.finished().await?);
        anyhow::Ok(out)
    })?;
    bar.finish_and_clear();
    let (completed, failed, duplicates) = summaries.iter().fold((0, 0, 0), |acc, s| {
        (acc.0 + s.completed, acc.1 + s.failed, acc.2 + s.duplicates)
    });
    out!("{completed} completed, {failed} failed, {duplicates} duplicates skipped");
    print_failures(engine.library())?;
    Ok(report_left_pending(&summaries))
}

/// Says how many files were parsed but not saved, and why; failure if any were.
fn report_left_pending(summaries: &[cvdeck_engine::ImportSummary]) -> std::process::ExitCode {
    let left: u64 = summaries.iter().map(|s| s.left_pending).sum();
    if left == 0 {
        return std::process::ExitCode::SUCCESS;
    }
    let problem = summaries
        .iter()
        .find_map(|s| s.problem.as_deref())
        .unwrap_or("the library could not save them");
    let advice = if problem.contains("disk is full") || problem.contains("No space left") {
        "free some disk space and import again"
    } else {
        "import again to parse them"
    };
    eprintln!("cvdeck-cli: {left} file(s) left pending ({problem}): {advice}");
    std::process::ExitCode::FAILURE
}

/// A path to print: one over 200 characters shows its start and its end.
pub(crate) fn short_path(path: &Path) -> String {
    let shown = path.display().to_string();
    let chars: Vec<char> = shown.chars().collect();
    if chars.len() <= 200 {
        return shown;
    }
    let head: String = chars[..60].iter().collect();
    let tail: String = chars[chars.len() - 100..].iter().collect();
    format!("{head}…{tail} ({} characters)", chars.len())
}

fn print_failures(library: &Library) -> Result<()> {
    let failed = Filter {
        status: Some(Status::Failed),
        ..Filter::default()
    };
    for card in library.page(&failed, Sort::Oldest, None, 50)?.cards {
        if let Some(f) = &card.failure {
            out!("  failed: {} — {}", card.file_name, f.message);
        }
    }
    Ok(())
}

pub(crate) fn open(library_dir: &Path) -> Result<Library> {
    Library::open(library_dir)
        .with_context(|| format!("opening the library in {}", short_path(library_dir)))
}

/// For commands that only read: a library that cannot be written to is opened read-only.
pub(crate) fn open_for_reading(library_dir: &Path) -> Result<Library> {
    Library::open_for_reading(library_dir)
        .with_context(|| format!("opening the library in {}", short_path(library_dir)))
}

/// An engine over the library whose parsers run in worker processes of this executable.
fn engine(
    library_dir: &Path,
    jobs: Option<usize>,
    timeout: u64,
    sink: cvdeck_engine::EventSink,
) -> Result<Engine> {
    let library = open(library_dir)?;
    // Nothing is written into a library SQLite finds damaged.
    library.quick_check()?;
    if let Err(e) = library.backup_if_due() {
        eprintln!("cvdeck-cli: warning: the daily backup failed: {e}");
    }
    engine_over(library, jobs, timeout, sink)
}

/// An engine over an open library, parsing in worker processes of this executable.
pub(crate) fn engine_over(
    library: Library,
    jobs: Option<usize>,
    timeout: u64,
    sink: cvdeck_engine::EventSink,
) -> Result<Engine> {
    let mut config = EngineConfig {
        worker: Some(cvdeck_engine::worker::WorkerCommand::current_exe()?),
        timeout: std::time::Duration::from_secs(timeout.max(1)),
        ..EngineConfig::default()
    };
    if let Some(j) = jobs {
        config.parallelism = j.max(1);
    }
    Ok(Engine::new(library, config, sink))
}

fn watch(library_dir: &Path, folders: Vec<PathBuf>) -> Result<()> {
    let mut absolute = Vec::new();
    for f in &folders {
        anyhow::ensure!(f.is_dir(), "{} is not a folder", f.display());
        absolute.push(std::fs::canonicalize(f)?);
    }
    let engine = engine(library_dir, None, 30, Arc::new(|_| {}))?;
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async {
        for folder in &absolute {
            engine.library().add_watched_folder(folder)?;
        }
        let first = engine.import(absolute.clone()).await?.finished().await?;
        out!(
            "{} completed, {} failed, {} duplicates skipped; watching {} (Ctrl-C to stop)",
            first.completed,
            first.failed,
            first.duplicates,
            absolute
                .iter()
                .map(|f| f.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
        let mut watches = Vec::new();
        for folder in &absolute {
            watches.push(engine.watch(folder, |s| {
                // A line per import while watching; nothing to stop if the terminal went.
                println!(
                    "{} completed, {} failed, {} duplicates skipped",
                    s.completed, s.failed, s.duplicates
                );
            })?);
        }
        tokio::signal::ctrl_c().await?;
        drop(watches);
        anyhow::Ok(())
    })
}

fn unwatch(library_dir: &Path, folders: &[PathBuf]) -> Result<()> {
    let library = open(library_dir)?;
    for f in folders {
        let folder = std::fs::canonicalize(f).unwrap_or_else(|_| f.clone());
        if library.remove_watched_folder(&folder)? {
            out!("no longer watching {}", folder.display());
        } else {
            out!("{} was not watched", folder.display());
        }
    }
    Ok(())
}

fn retry(library_dir: &Path, ids: &[i64], all_failed: bool, timeout: u64) -> Result<()> {
    let engine = engine(library_dir, None, timeout, Arc::new(|_| {}))?;
    let runtime = tokio::runtime::Runtime::new()?;
    let summaries = runtime.block_on(async {
        let mut handles = Vec::new();
        if all_failed {
            handles.extend(engine.retry_all_failed().await?);
        }
        for id in ids {
            handles.push(engine.retry(*id).await?.1);
        }
        let mut out = Vec::new();
        for h in handles {
            out.push(h.finished().await?);
        }
        anyhow::Ok(out)
    })?;
    let (completed, failed) = summaries
        .iter()
        .fold((0, 0), |acc, s| (acc.0 + s.completed, acc.1 + s.failed));
    out!("{completed} completed, {failed} failed");
    print_failures(engine.library())
}

/// What `parse` was asked to do.
struct ParseArgs<'a> {
    paths: &'a [PathBuf],
    out: Option<&'a Path>,
    text: bool,
    jobs: Option<usize>,
    timeout: u64,
}

/// Parses files in worker processes, with the import's size cap and timeout, `jobs` at a
/// time; prints (or writes) results in the order of the files, one line per failure, and
/// fails if any file failed.
fn parse(args: ParseArgs<'_>) -> Result<std::process::ExitCode> {
    let scan = cvdeck_engine::queue::scan_paths(args.paths);
    anyhow::ensure!(
        !scan.files.is_empty() || !scan.unusable.is_empty(),
        "no files found"
    );
    if let Some(dir) = args.out {
        std::fs::create_dir_all(dir)?;
    }
    let mut failures = scan.unusable.len();
    for (path, e) in &scan.unusable {
        eprintln!("{}: {e}", path.display());
    }
    for (path, why) in &scan.skipped {
        eprintln!("skipped {}: {why}", short_path(path));
    }
    let parser = Arc::new(FileParser::new(
        Some(cvdeck_engine::worker::WorkerCommand::current_exe()?),
        Limits::default(),
        std::time::Duration::from_secs(args.timeout.max(1)),
    ));
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, usize::from))
        .max(1);
    let runtime = tokio::runtime::Runtime::new()?;
    let permits = Arc::new(tokio::sync::Semaphore::new(jobs));
    let single = scan.files.len() == 1 && scan.unusable.is_empty();
    runtime.block_on(async {
        let handles: Vec<_> = scan
            .files
            .iter()
            .map(|file| {
                let (parser, permits, file) = (parser.clone(), permits.clone(), file.clone());
                tokio::spawn(async move {
                    let _permit = permits.acquire_owned().await;
                    parser.parse(&file).await
                })
            })
            .collect();
        for (file, handle) in scan.files.iter().zip(handles) {
            let result = handle.await.unwrap_or_else(|e| {
                Err(cvdeck_engine::ExtractError::Panicked(e.to_string()).into())
            });
            match result {
                Ok(parsed) => write_parsed(&args, file, &parsed, single)?,
                Err(e) => {
                    failures += 1;
                    eprintln!("{}: {e}", file.display());
                }
            }
        }
        anyhow::Ok(())
    })?;
    if failures > 0 {
        eprintln!(
            "cvdeck-cli: {failures} of {} file(s) could not be parsed",
            scan.files.len() + scan.unusable.len()
        );
        return Ok(std::process::ExitCode::FAILURE);
    }
    Ok(std::process::ExitCode::SUCCESS)
}

fn write_parsed(
    args: &ParseArgs<'_>,
    file: &Path,
    parsed: &cvdeck_engine::Parsed,
    single: bool,
) -> Result<()> {
    if args.text {
        out!("==> {} <==\n{}", file.display(), parsed.text);
        return Ok(());
    }
    match args.out {
        Some(dir) => {
            let stem = file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let json = serde_json::to_string_pretty(&parsed.resume)?;
            std::fs::write(dir.join(format!("{stem}.json")), json)?;
        }
        None if single => out!("{}", serde_json::to_string_pretty(&parsed.resume)?),
        None => out!("{}", serde_json::to_string(&parsed.resume)?),
    }
    Ok(())
}
