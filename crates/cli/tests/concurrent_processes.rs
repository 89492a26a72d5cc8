//! Several processes on one library, as the README promises: two `import`s of overlapping
//! folders started 0.2 s apart while a third process lists, tags and counts. Nothing may be
//! lost, left `processing`, falsely counted as failed, or refused with "database is locked".

mod common;

use common::{cli, run};
use cvdeck_engine::Library;
use cvdeck_synth::SyntheticResume;
use std::path::Path;
use std::process::{Child, Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Runs of the whole scenario; each run starts from an empty library.
const RUNS: usize = 10;
/// Distinct resumes; folder A holds the first two thirds, folder B the last two thirds.
const FILES: u64 = 120;

fn spawn(library: &Path, args: &[&str], folder: &Path) -> Child {
    cli()
        .arg("--library")
        .arg(library)
        .args(args)
        .arg(folder)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// "N completed, M failed, …" from an import's output.
fn failed_in_summary(stdout: &str) -> Option<u64> {
    let line = stdout.lines().find(|l| l.contains(" completed, "))?;
    let failed = line.split(", ").find(|p| p.ends_with(" failed"))?;
    failed.trim_end_matches(" failed").parse().ok()
}

#[test]
fn two_imports_and_a_reader_on_one_library_lose_nothing() {
    let input = tempfile::tempdir().unwrap();
    let (a, b) = (input.path().join("a"), input.path().join("b"));
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    for i in 0..FILES {
        // Text keeps each run short; the contention is in the library, not the parser.
        let text = SyntheticResume::generate(900 + i).to_text();
        if i < FILES * 2 / 3 {
            std::fs::write(a.join(format!("r{i}.txt")), &text).unwrap();
        }
        if i >= FILES / 3 {
            std::fs::write(b.join(format!("copy-{i}.txt")), &text).unwrap();
        }
    }
    for run_no in 0..RUNS {
        let library = tempfile::tempdir().unwrap();
        let lib = library.path();
        // Created before the race, as the app would have it.
        drop(Library::open(lib).unwrap());
        let first = spawn(lib, &["import", "--jobs", "2"], &a);
        std::thread::sleep(Duration::from_millis(200));
        let second = spawn(lib, &["import", "--jobs", "2"], &b);
        let importing = AtomicBool::new(true);
        let reader_errors = std::thread::scope(|s| {
            let reader = s.spawn(|| {
                let mut errors = Vec::new();
                while importing.load(Ordering::Relaxed) {
                    for args in [
                        &["list", "--json"][..],
                        &["tag", "seen", "1", "2"][..],
                        &["stats"][..],
                    ] {
                        let out = run(lib, args);
                        let stderr = String::from_utf8_lossy(&out.stderr);
                        // A tag on a row that does not exist yet is a fair refusal.
                        if !out.status.success() && !stderr.contains("no resume with id") {
                            errors.push(format!("{args:?}: {stderr}"));
                        }
                    }
                }
                errors
            });
            let outputs: Vec<Output> = [first, second]
                .into_iter()
                .map(|c| c.wait_with_output().unwrap())
                .collect();
            importing.store(false, Ordering::Relaxed);
            (outputs, reader.join().unwrap())
        });
        let (outputs, reader_errors) = reader_errors;
        for (which, out) in outputs.iter().enumerate() {
            let stdout = String::from_utf8_lossy(&out.stdout);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                out.status.success(),
                "run {run_no}, import {which}: {stderr}"
            );
            assert!(
                !stderr.contains("locked") && !stderr.contains("busy"),
                "run {run_no}, import {which}: {stderr}"
            );
            assert!(
                !stderr.contains("interrupted import"),
                "run {run_no}, import {which} took the other's rows: {stderr}"
            );
            assert_eq!(
                failed_in_summary(&stdout),
                Some(0),
                "run {run_no}, import {which}: {stdout}"
            );
        }
        assert!(reader_errors.is_empty(), "run {run_no}: {reader_errors:?}");
        let lib = Library::open(lib).unwrap();
        let counts = lib.counts().unwrap();
        assert_eq!(counts.total(), FILES, "run {run_no}: {counts:?}");
        assert_eq!(counts.completed, FILES, "run {run_no}: {counts:?}");
        assert_eq!(lib.integrity_check().unwrap(), "ok");
    }
}

/// `cvdeck-cli watch` (as the app would) and an `import` of an overlapping folder on one
/// library: the watcher's first import and the other process's each parse what they queued.
#[test]
fn a_watcher_and_an_import_on_one_library_lose_nothing() {
    use std::io::BufRead;
    let input = tempfile::tempdir().unwrap();
    let (a, b) = (input.path().join("a"), input.path().join("b"));
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    for i in 0..FILES {
        let text = SyntheticResume::generate(1900 + i).to_text();
        if i < FILES * 2 / 3 {
            std::fs::write(a.join(format!("r{i}.txt")), &text).unwrap();
        }
        if i >= FILES / 3 {
            std::fs::write(b.join(format!("copy-{i}.txt")), &text).unwrap();
        }
    }
    for run_no in 0..3 {
        let library = tempfile::tempdir().unwrap();
        let lib = library.path();
        drop(Library::open(lib).unwrap());
        let mut watcher = spawn(lib, &["watch"], &a);
        std::thread::sleep(Duration::from_millis(200));
        let import = spawn(lib, &["import", "--jobs", "2"], &b)
            .wait_with_output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&import.stderr);
        assert!(import.status.success(), "run {run_no}: {stderr}");
        assert!(
            !stderr.contains("interrupted import"),
            "run {run_no}: {stderr}"
        );
        let stdout = String::from_utf8_lossy(&import.stdout);
        assert_eq!(
            failed_in_summary(&stdout),
            Some(0),
            "run {run_no}: {stdout}"
        );
        // The watcher says when its first import is done.
        let mut first = String::new();
        std::io::BufReader::new(watcher.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert_eq!(failed_in_summary(&first), Some(0), "run {run_no}: {first}");
        watcher.kill().unwrap();
        watcher.wait().unwrap();
        let lib = Library::open(lib).unwrap();
        let counts = lib.counts().unwrap();
        assert_eq!(
            (counts.total(), counts.completed),
            (FILES, FILES),
            "run {run_no}: {counts:?}"
        );
        assert_eq!(lib.integrity_check().unwrap(), "ok");
    }
}
