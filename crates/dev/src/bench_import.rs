//! `cvdeck-dev bench-import`: a whole import at scale beside the reference, in the same run.
//!
//! Writes N synthetic resumes (PDF one/two-column, DOCX, text), times `pdftotext -layout` over
//! the PDFs with `xargs -P <jobs>`, then times `cvdeck-cli import` of every file into an empty
//! library (hashing, copying, parsing in workers, SQLite writes, events) while sampling the
//! resident memory of its whole process tree, then the same import again (all duplicates).
//! With `--runs N` the reference and the import take turns N times and the median of the
//! runs' ratios is reported: on a shared machine the speed of both drifts between minutes.

use anyhow::{Context, Result};
use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Resident memory of `root` and all its descendants, in bytes (Linux /proc).
fn tree_rss(root: u32) -> u64 {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return 0;
    };
    let mut parent: HashMap<u32, u32> = HashMap::new();
    let mut rss: HashMap<u32, u64> = HashMap::new();
    for entry in entries.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // Fields after the parenthesised command name: state, ppid, … rss is field 24.
        let Some(rest) = stat.rfind(')').map(|i| &stat[i + 2..]) else {
            continue;
        };
        let fields: Vec<&str> = rest.split_whitespace().collect();
        if let (Some(ppid), Some(pages)) = (fields.get(1), fields.get(21)) {
            parent.insert(pid, ppid.parse().unwrap_or(0));
            rss.insert(pid, pages.parse::<u64>().unwrap_or(0) * 4096);
        }
    }
    rss.iter()
        .filter(|(pid, _)| {
            let mut p = **pid;
            for _ in 0..64 {
                if p == root {
                    return true;
                }
                match parent.get(&p) {
                    Some(&pp) if pp != 0 && pp != p => p = pp,
                    _ => return false,
                }
            }
            false
        })
        .map(|(_, bytes)| *bytes)
        .sum()
}

/// `cvdeck-cli --library LIBRARY import [--jobs N] FOLDER`.
fn import_command(exe: &Path, library: &Path, jobs: Option<usize>, folder: &Path) -> Command {
    let mut cmd = Command::new(exe);
    cmd.arg("--library").arg(library).arg("import");
    if let Some(jobs) = jobs {
        cmd.arg("--jobs").arg(jobs.to_string());
    }
    cmd.arg(folder);
    cmd
}

/// Runs `cmd`, sampling its tree's memory; returns (wall time, peak RSS).
fn run_sampled(mut cmd: Command) -> Result<(Duration, u64)> {
    let started = Instant::now();
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .context("starting the import")?;
    let pid = child.id();
    let mut peak = 0;
    loop {
        if let Some(status) = child.try_wait()? {
            let elapsed = started.elapsed();
            if !status.success() {
                let mut err = String::new();
                if let Some(mut e) = child.stderr.take() {
                    use std::io::Read;
                    let _ = e.read_to_string(&mut err);
                }
                anyhow::bail!("import failed: {err}");
            }
            return Ok((elapsed, peak));
        }
        peak = peak.max(tree_rss(pid));
        std::thread::sleep(Duration::from_millis(25));
    }
}

/// The value at fraction `p` of sorted latencies in ms; 0 when there are none.
fn percentile(sorted: &[i64], p: f64) -> i64 {
    crate::bench_stats::percentile(sorted, p).unwrap_or(0)
}

/// Writes `count` distinct copies of the text-layer PDFs in `from` into `out`, round robin,
/// each made distinct by a comment line after its end (PDF readers ignore it), so that the
/// import hashes, copies and parses every one instead of skipping duplicates.
fn copy_distinct_pdfs(from: &Path, count: u64, out: &Path) -> Result<()> {
    let mut sources = Vec::new();
    for entry in std::fs::read_dir(from)?.flatten() {
        let path = entry.path();
        if !path
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("pdf"))
        {
            continue;
        }
        // A scan would measure Tesseract, which pdftotext does not run.
        let text = Command::new("pdftotext")
            .arg(&path)
            .arg("-")
            .output()
            .context("running pdftotext (poppler-utils)")?;
        if text
            .stdout
            .iter()
            .filter(|b| b.is_ascii_alphabetic())
            .count()
            >= 200
        {
            sources.push(std::fs::read(&path)?);
        }
    }
    anyhow::ensure!(
        !sources.is_empty(),
        "no PDF with a text layer in {}",
        from.display()
    );
    std::fs::create_dir_all(out)?;
    for i in 0..count {
        let mut bytes = sources[i as usize % sources.len()].clone();
        bytes.extend_from_slice(format!("\n%cvdeck-bench-copy {i}\n").as_bytes());
        std::fs::write(out.join(format!("copy-{i:06}.pdf")), bytes)?;
    }
    println!(
        "{count} distinct copies of the {} text-layer PDFs in {}",
        sources.len(),
        from.display()
    );
    Ok(())
}

/// Prints the figures BENCHMARKS.md records: over `count` generated resumes, or over
/// `count` distinct copies of the PDFs in `from`.
pub fn bench_import(
    work: &Path,
    count: u64,
    jobs: usize,
    from: Option<&Path>,
    runs: usize,
) -> Result<std::process::ExitCode> {
    let files = work.join("files");
    let library = work.join("library");
    let _ = std::fs::remove_dir_all(&library);
    let have = std::fs::read_dir(&files)
        .map(|d| d.count() as u64)
        .unwrap_or(0);
    // Which pile the files folder holds, so that a run over the other one makes it again.
    let marker = work.join("pile");
    let pile = from.map_or("generated".to_owned(), |f| f.display().to_string());
    if have != count || std::fs::read_to_string(&marker).ok().as_deref() != Some(pile.as_str()) {
        let _ = std::fs::remove_dir_all(&files);
        let _ = std::fs::remove_dir_all(work.join("pdfs"));
        let t = Instant::now();
        match from {
            Some(from) => copy_distinct_pdfs(from, count, &files)?,
            None => cvdeck_synth::write_files(count, 1, &files)?,
        }
        std::fs::write(&marker, &pile)?;
        println!("made {count} resumes in {:.1} s", t.elapsed().as_secs_f64());
    }
    let pdfs = std::fs::read_dir(&files)?
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "pdf"))
        .count();

    // Reference and import in turns, each pair back to back: the machine's speed drifts
    // between minutes (other tenants), so each run's ratio compares like with like and the
    // median of the ratios is the figure.
    let exe = cli_beside_this_program()?;
    let mut ratios = Vec::new();
    let mut reference_rate = 0.0;
    for run in 1..=runs {
        let reference = time_pdftotext(&files, jobs)?;
        reference_rate = pdfs as f64 / reference;
        println!(
            "run {run}: pdftotext -layout, {pdfs} PDFs, -P{jobs}: {reference:.1} s, {reference_rate:.0} files/s"
        );
        let _ = std::fs::remove_dir_all(&library);
        let (elapsed, peak) = run_sampled(import_command(&exe, &library, Some(jobs), &files))?;
        let rate = count as f64 / elapsed.as_secs_f64();
        println!(
            "run {run}: cvdeck-cli import, {count} files, --jobs {jobs}: {:.1} s, {rate:.0} files/s; peak RSS of the process tree {:.0} MB; ratio {:.2}",
            elapsed.as_secs_f64(),
            peak as f64 / 1e6,
            rate / reference_rate
        );
        ratios.push(rate / reference_rate);
    }
    let each: Vec<String> = ratios.iter().map(|r| format!("{r:.2}")).collect();
    ratios.sort_by(f64::total_cmp);
    println!(
        "throughput ratio cvdeck / pdftotext = {:.2}, the median of {runs} run(s): {} (the goal: ≥ 1.2)",
        crate::bench_stats::percentile(&ratios, 0.5).unwrap_or(0.0),
        each.join(", ")
    );
    // What follows is of the last run's library and against its reference.
    let lib = cvdeck_engine::Library::open(&library)?;
    let counts = lib.counts()?;
    let mut latencies = lib.parse_latencies_ms()?;
    latencies.sort_unstable();
    let db = crate::bench_library::db_size(&library);
    println!(
        "{} completed, {} failed; queued→done latency p50 {} ms, p95 {} ms; database {:.1} MB",
        counts.completed,
        counts.failed,
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.95),
        db as f64 / 1e6
    );
    drop(lib);

    // The same comparison on the PDFs alone (pdftotext reads nothing else).
    if from.is_some() {
        return Ok(std::process::ExitCode::SUCCESS);
    }
    let pdf_dir = work.join("pdfs");
    let pdf_library = work.join("library-pdfs");
    let _ = std::fs::remove_dir_all(&pdf_library);
    if !pdf_dir.exists() {
        std::fs::create_dir_all(&pdf_dir)?;
        for entry in std::fs::read_dir(&files)?.flatten() {
            if entry.path().extension().is_some_and(|x| x == "pdf") {
                std::fs::hard_link(entry.path(), pdf_dir.join(entry.file_name()))?;
            }
        }
    }
    let (elapsed, peak) = run_sampled(import_command(&exe, &pdf_library, Some(jobs), &pdf_dir))?;
    let pdf_rate = pdfs as f64 / elapsed.as_secs_f64();
    println!(
        "cvdeck-cli import, the {pdfs} PDFs alone: {:.1} s, {pdf_rate:.0} files/s, peak RSS {:.0} MB; ratio cvdeck / pdftotext = {:.2}",
        elapsed.as_secs_f64(),
        peak as f64 / 1e6,
        pdf_rate / reference_rate
    );

    let (elapsed, _) = run_sampled(import_command(&exe, &library, None, &files))?;
    println!(
        "re-import of the same {count} files (all duplicates): {:.2} s",
        elapsed.as_secs_f64()
    );
    Ok(std::process::ExitCode::SUCCESS)
}

/// `pdftotext -layout` over every PDF in `files`, `jobs` at a time: the reference, in seconds.
fn time_pdftotext(files: &Path, jobs: usize) -> Result<f64> {
    let t = Instant::now();
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "find '{}' -name '*.pdf' -print0 | xargs -0 -P{jobs} -I{{}} pdftotext -q -layout {{}} /dev/null",
            files.display()
        ))
        .status()
        .context("running pdftotext (poppler-utils)")?;
    anyhow::ensure!(status.success(), "pdftotext run failed");
    Ok(t.elapsed().as_secs_f64())
}

/// The `cvdeck-cli` built beside this program: the import measured is the shipped one.
fn cli_beside_this_program() -> Result<std::path::PathBuf> {
    let cli = std::env::current_exe()?
        .with_file_name(format!("cvdeck-cli{}", std::env::consts::EXE_SUFFIX));
    anyhow::ensure!(
        cli.is_file(),
        "{} is missing: build it first (cargo build --release -p cvdeck-cli)",
        cli.display()
    );
    Ok(cli)
}
