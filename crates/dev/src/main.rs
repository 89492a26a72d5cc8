//! `cvdeck-dev`: CV Deck's developer commands — synthetic resumes and the benchmarks that
//! BENCHMARKS.md records. Not shipped: the app and `cvdeck-cli` carry no generator.

use anyhow::Result;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

mod bench_import;
mod bench_library;
mod bench_parse;
mod bench_stats;

#[derive(Parser)]
#[command(
    name = "cvdeck-dev",
    version,
    about = "CV Deck's test data and benchmarks"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write synthetic resumes (PDF one/two-column, DOCX, text) with known fields.
    Generate {
        /// How many files.
        #[arg(long, default_value_t = 100)]
        count: u64,
        /// Same seed, same files.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Folder to write into.
        #[arg(long)]
        out: PathBuf,
    },
    /// Time a whole import of N generated resumes against `pdftotext -layout` over the same
    /// PDFs with the same parallelism, with peak memory, latency and a duplicate re-import.
    BenchImport {
        /// Work folder: generated files are kept there between runs.
        #[arg(long)]
        dir: PathBuf,
        /// Resumes to import.
        #[arg(long, default_value_t = 10_000)]
        count: u64,
        /// Parallelism for both (default: the number of cores).
        #[arg(long)]
        jobs: Option<usize>,
        /// Import COUNT distinct copies of the text-layer PDFs in this folder (real resumes)
        /// instead of generated ones.
        #[arg(long)]
        from: Option<PathBuf>,
        /// Reference and import this many times in turns; the median ratio is the figure.
        #[arg(long, default_value_t = 1)]
        runs: usize,
    },
    /// Time the library's queries (open, pages, search, counts) with N resumes in it; fills
    /// DIR with parsed synthetic resumes first unless it already holds them.
    BenchLibrary {
        /// Library folder to fill and query (kept, so later runs skip the filling).
        #[arg(long)]
        dir: PathBuf,
        /// Resumes in the library.
        #[arg(long, default_value_t = 100_000)]
        count: u64,
        /// Timed runs per query (the median is kept).
        #[arg(long, default_value_t = 15)]
        runs: usize,
    },
    /// Time extraction + field parsing per file against `pdftotext -layout` on the same PDFs.
    BenchParse {
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Timed runs per file (the median is kept).
        #[arg(long, default_value_t = 5)]
        runs: usize,
    },
}

fn main() -> std::process::ExitCode {
    // `bench-library` fills a library in this process; `bench-parse` parses in it.
    cvdeck_engine::worker::run_worker_if_asked();
    std::panic::set_hook(Box::new(|_| {}));
    match run(Cli::parse().command) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("cvdeck-dev: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> Result<std::process::ExitCode> {
    match command {
        Command::Generate { count, seed, out } => {
            let started = std::time::Instant::now();
            cvdeck_synth::write_files(count, seed, &out)?;
            println!(
                "{count} resumes written to {} in {:.1?}",
                out.display(),
                started.elapsed()
            );
            Ok(std::process::ExitCode::SUCCESS)
        }
        Command::BenchParse { paths, runs } => bench_parse::bench_parse(&paths, runs.max(1)),
        Command::BenchImport {
            dir,
            count,
            jobs,
            from,
            runs,
        } => bench_import::bench_import(
            &dir,
            count,
            jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(2, usize::from)),
            from.as_deref(),
            runs.max(1),
        ),
        Command::BenchLibrary { dir, count, runs } => {
            bench_library::bench_library(&dir, count, runs.max(1))
        }
    }
}
