//! `cvdeck-dev bench-library`: the library's queries at scale. Fills a library with N parsed
//! synthetic resumes (their text parsed by the real parser), then times what the window and
//! the CLI ask of it: open + first page, full-text searches, status counts, the grid's order,
//! a window of cards, skill facets.

use anyhow::{Context, Result};
use cvdeck_engine::store::{Filter, Sort};
use cvdeck_engine::{Library, Status};
use cvdeck_synth::{fill_library, SyntheticResume};
use std::path::Path;
use std::time::{Duration, Instant};

fn median_ms(xs: Vec<Duration>) -> f64 {
    crate::bench_stats::median(xs).as_secs_f64() * 1e3
}

fn time<T>(runs: usize, mut f: impl FnMut() -> Result<T>) -> Result<(f64, T)> {
    let mut last = None;
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        last = Some(f()?);
        times.push(t.elapsed());
    }
    Ok((median_ms(times), last.context("no runs")?))
}

/// Fills `dir` with `count` parsed resumes unless it already holds them.
fn fill(dir: &Path, count: u64) -> Result<()> {
    let library = Library::open(dir)?;
    let started = Instant::now();
    let added = fill_library(&library, count, |done| eprint!("\rfilled {done}/{count}"))?;
    if added > 0 {
        eprintln!(
            "\rfilled {count} resumes in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

/// Bytes of the library's database, write-ahead log included.
pub(crate) fn db_size(dir: &Path) -> u64 {
    ["library.sqlite3", "library.sqlite3-wal"]
        .iter()
        .filter_map(|f| std::fs::metadata(dir.join(f)).ok())
        .map(|m| m.len())
        .sum()
}

/// Prints one line per query: median time over `runs`, and the target from issue 5.
pub fn bench_library(dir: &Path, count: u64, runs: usize) -> Result<std::process::ExitCode> {
    fill(dir, count)?;
    println!(
        "library: {} resumes, database {:.0} MB ({})",
        count,
        db_size(dir) as f64 / 1e6,
        dir.display()
    );
    println!(
        "{:<48} {:>10} {:>9} {:>8}",
        "query", "median ms", "target", "rows"
    );
    let row = |what: &str, ms: f64, target: Option<f64>, rows: usize| {
        let target = target.map_or("-".to_owned(), |t| format!("≤ {t:.0}"));
        println!("{what:<48} {ms:>10.2} {target:>9} {rows:>8}");
    };

    let (ms, page) = time(runs, || {
        let library = Library::open(dir)?;
        Ok(library.page(&Filter::default(), Sort::Newest, None, 100)?)
    })?;
    row(
        "open library + first page (100, newest)",
        ms,
        Some(100.0),
        page.cards.len(),
    );

    let library = Library::open(dir)?;
    for sort in [Sort::Name, Sort::Experience, Sort::Updated] {
        let (ms, page) = time(runs, || {
            Ok(library.page(&Filter::default(), sort, None, 100)?)
        })?;
        row(
            &format!("first page sorted by {sort:?}"),
            ms,
            Some(100.0),
            page.cards.len(),
        );
    }
    let (ms, page) = time(runs, || {
        let first = library.page(&Filter::default(), Sort::Name, None, 100)?;
        Ok(library.page(&Filter::default(), Sort::Name, first.next.as_ref(), 100)?)
    })?;
    row("two keyset pages by name", ms, None, page.cards.len());

    let some = SyntheticResume::generate(count / 2);
    let family = some
        .name
        .split_whitespace()
        .last()
        .unwrap_or("smith")
        .to_owned();
    let company = some
        .jobs
        .first()
        .map(|j| j.company.clone())
        .unwrap_or_default();
    let searches = [
        ("name", family.clone()),
        ("name prefix", family.chars().take(3).collect::<String>()),
        ("skill", some.skills.first().cloned().unwrap_or_default()),
        ("company", company),
        (
            "two words",
            format!(
                "{} {}",
                some.skills.first().cloned().unwrap_or_default(),
                family
            ),
        ),
    ];
    for (what, words) in &searches {
        let filter = Filter {
            search: Some(words.clone()),
            ..Filter::default()
        };
        let (ms, page) = time(runs, || {
            Ok(library.page(&filter, Sort::Relevance, None, 100)?)
        })?;
        row(
            &format!("search {what} {words:?} (of {} matches)", page.total),
            ms,
            Some(50.0),
            page.cards.len(),
        );
    }
    let (ms, counts) = time(runs, || Ok(library.counts()?))?;
    row("status counts", ms, Some(20.0), counts.total() as usize);
    let (ms, ids) = time(runs, || Ok(library.ids(&Filter::default(), Sort::Newest)?))?;
    row("grid order: every id, newest first", ms, None, ids.len());
    let failed = Filter {
        status: Some(Status::Failed),
        ..Filter::default()
    };
    let (ms, ids_failed) = time(runs, || Ok(library.ids(&failed, Sort::Name)?))?;
    row("grid order: failed, by name", ms, None, ids_failed.len());
    let window: Vec<i64> = ids.iter().copied().skip(ids.len() / 2).take(40).collect();
    let (ms, cards) = time(runs, || Ok(library.cards(&window)?))?;
    row("a screen of cards (40) by id", ms, None, cards.len());
    let skill = Filter {
        skills: vec![some.skills.first().cloned().unwrap_or_default()],
        min_experience_months: Some(60),
        ..Filter::default()
    };
    let (ms, page) = time(runs, || {
        Ok(library.page(&skill, Sort::Experience, None, 100)?)
    })?;
    row(
        &format!("skill + 5 years filter (of {})", page.total),
        ms,
        None,
        page.cards.len(),
    );
    let (ms, facets) = time(runs, || Ok(library.skill_counts(&Filter::default(), 40)?))?;
    row("skill facets (top 40)", ms, None, facets.len());

    rank_rows(dir, &library, runs, &row)?;

    // Looking after the library: once each, they read every page.
    let once = |what: &str, f: &mut dyn FnMut() -> Result<String>| -> Result<()> {
        let started = std::time::Instant::now();
        let said = f()?;
        println!(
            "{what:<48} {:>10.0} ms   {said}",
            started.elapsed().as_secs_f64() * 1e3
        );
        Ok(())
    };
    once("quick check (import, watch and app start)", &mut || {
        library.quick_check()?;
        Ok("ok".to_owned())
    })?;
    once("doctor: every check", &mut || {
        let health = library.health()?;
        Ok(format!("sound: {}", health.is_sound()))
    })?;
    once("backup", &mut || {
        let b = library.backup()?;
        let bytes = b.bytes;
        std::fs::remove_file(&b.path)?;
        Ok(format!("{:.0} MB", bytes as f64 / 1e6))
    })?;
    Ok(std::process::ExitCode::SUCCESS)
}

/// Prints one benchmark line: what, median ms, target, rows.
type PrintRow<'a> = dyn Fn(&str, f64, Option<f64>, usize) + 'a;

/// An ad asking for ten skills, five years and a language, as a recruiter would paste it.
const TEN_SKILL_AD: &str = "Senior Software Engineer (m/f/d)\nLocation: Berlin\n\n\
Requirements\n- 5+ years of experience\n- Rust, Python, Go and TypeScript\n\
- SQL and PostgreSQL\n- Docker and Kubernetes on AWS\n- React\n- Fluent English (C1)\n\n\
Nice to have\n- Terraform, Figma\n";

/// Ranking the library against a job: reading the ad, the first ranking after opening the
/// library (evidence read from the database), a re-ranking after the requirements change
/// (evidence in memory), and a ranking of a search's matches.
fn rank_rows(dir: &Path, library: &Library, runs: usize, row: &PrintRow<'_>) -> Result<()> {
    use cvdeck_engine::matching::read_ad;
    let (ms, reqs) = time(runs, || Ok(read_ad(TEN_SKILL_AD)))?;
    row(
        "read a job ad (10 required skills)",
        ms,
        Some(50.0),
        reqs.required.len(),
    );
    anyhow::ensure!(
        reqs.required.len() == 10,
        "the ad reads as {:?}",
        reqs.required
    );
    // In a library filled before jobs existed this reads every resume's evidence once.
    let (ms, ranking) = time(1, || Ok(library.rank(&reqs, &Filter::default())?))?;
    row(
        "first ranking of this library (once)",
        ms,
        None,
        ranking.ranked.len(),
    );
    let (ms, ranking) = time(runs, || {
        let fresh = Library::open(dir)?;
        Ok(fresh.rank(&reqs, &Filter::default())?)
    })?;
    row(
        "rank every resume: open + first ranking (cold)",
        ms,
        Some(1000.0),
        ranking.ranked.len(),
    );
    let mut edited = reqs.clone();
    let mut flip = false;
    let (ms, ranking) = time(runs, || {
        // A person moves a skill between required and nice to have, as in the window.
        flip = !flip;
        if flip {
            edited.welcome("Go");
        } else {
            edited.require("Go");
        }
        Ok(library.rank(&edited, &Filter::default())?)
    })?;
    row(
        "re-rank after editing requirements (warm)",
        ms,
        Some(200.0),
        ranking.ranked.len(),
    );
    let search = Filter {
        search: Some("kubernetes".to_owned()),
        ..Filter::default()
    };
    let (ms, ranking) = time(runs, || Ok(library.rank(&reqs, &search)?))?;
    row(
        "rank a search's matches (warm)",
        ms,
        None,
        ranking.ranked.len(),
    );
    Ok(())
}
