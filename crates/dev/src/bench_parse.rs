//! `cvdeck-dev bench-parse`: per-file parse time beside poppler's `pdftotext -layout`, measured
//! in the same run on the same files, so the ratio holds whatever the machine.

use crate::bench_stats::median;
use anyhow::Result;
use cvdeck_engine::{parse_bytes, Limits};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The value at fraction `p` of sorted times in ms; NaN when there are none.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    crate::bench_stats::percentile(sorted, p).unwrap_or(f64::NAN)
}

fn time_ours(bytes: &[u8], runs: usize) -> Duration {
    let limits = Limits::default();
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                let _ = parse_bytes(bytes, &limits);
                t.elapsed()
            })
            .collect(),
    )
}

fn time_pdftotext(path: &Path, runs: usize) -> Option<Duration> {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        let status = Command::new("pdftotext")
            .arg("-layout")
            .arg(path)
            .arg("-")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .ok()?;
        if !status.success() {
            return None;
        }
        times.push(t.elapsed());
    }
    Some(median(times))
}

/// Prints one row per file and a summary with medians, p95s and the ratio.
pub fn bench_parse(paths: &[PathBuf], runs: usize) -> Result<std::process::ExitCode> {
    let files = cvdeck_engine::queue::scan_paths(paths).files;
    anyhow::ensure!(!files.is_empty(), "no files found");
    let have_pdftotext = Command::new("pdftotext")
        .arg("-v")
        .stderr(Stdio::null())
        .status()
        .is_ok();
    let mut ours_all = Vec::new();
    let mut ours_pdf = Vec::new();
    let mut reference = Vec::new();
    println!("{:<40} {:>10} {:>14}", "file", "cvdeck ms", "pdftotext ms");
    for file in &files {
        let bytes = std::fs::read(file)?;
        let ours = time_ours(&bytes, runs).as_secs_f64() * 1e3;
        let is_pdf = bytes.starts_with(b"%PDF");
        let theirs = if is_pdf && have_pdftotext {
            time_pdftotext(file, runs).map(|d| d.as_secs_f64() * 1e3)
        } else {
            None
        };
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let theirs_text = theirs
            .map(|t| format!("{t:.2}"))
            .unwrap_or_else(|| "-".to_owned());
        println!("{name:<40} {ours:>10.2} {theirs_text:>14}");
        ours_all.push(ours);
        if let Some(t) = theirs {
            ours_pdf.push(ours);
            reference.push(t);
        }
    }
    for v in [&mut ours_all, &mut ours_pdf, &mut reference] {
        v.sort_by(f64::total_cmp);
    }
    println!();
    println!(
        "all files ({}): cvdeck median {:.2} ms, p95 {:.2} ms",
        ours_all.len(),
        percentile(&ours_all, 0.5),
        percentile(&ours_all, 0.95)
    );
    if !reference.is_empty() {
        let (ours_med, ref_med) = (percentile(&ours_pdf, 0.5), percentile(&reference, 0.5));
        println!(
            "PDFs ({}): cvdeck median {:.2} ms (p95 {:.2}), pdftotext -layout median {:.2} ms (p95 {:.2}); ratio cvdeck/pdftotext = {:.2}",
            ours_pdf.len(),
            ours_med,
            percentile(&ours_pdf, 0.95),
            ref_med,
            percentile(&reference, 0.95),
            ours_med / ref_med
        );
    }
    Ok(std::process::ExitCode::SUCCESS)
}
