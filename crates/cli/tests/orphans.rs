//! Alone in its binary (it looks at every process on the machine): nothing the import starts
//! outlives it, even when a worker is killed in the middle of OCR or the CLI itself is killed.

mod common;

use cvdeck_synth::scanned_pages_pdf;
use std::time::Duration;

/// Live processes of ours whose parent is init: what is left when a parent dies without
/// taking its children along.
fn orphaned_tools() -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        let (Some(open), Some(close)) = (stat.find('('), stat.rfind(')')) else {
            continue;
        };
        let name = &stat[open + 1..close];
        let mut fields = stat[close + 2..].split_whitespace();
        let (state, ppid) = (fields.next().unwrap_or(""), fields.next().unwrap_or(""));
        let ours = ["pdftoppm", "tesseract", "cvdeck-cli"].contains(&name);
        // A zombie ("Z") is dead already, only waiting for init to reap it.
        if ours && ppid == "1" && state != "Z" {
            found.push(format!(
                "{name} (pid {})",
                entry.file_name().to_string_lossy()
            ));
        }
    }
    found
}

/// Tesseract is running (ours: the test binaries run one at a time).
fn tesseract_running() -> bool {
    std::fs::read_dir("/proc").unwrap().flatten().any(|entry| {
        std::fs::read_to_string(entry.path().join("stat"))
            .is_ok_and(|stat| stat.contains("(tesseract) R") || stat.contains("(tesseract) S"))
    })
}

/// Pages of noise: OCR works on them for many seconds (about 1.5 s a page).
fn noise_scan() -> Vec<u8> {
    let (w, h) = (1700u32, 2200u32);
    let mut x = 0x9E37_79B9u32;
    let pixels: Vec<u8> = (0..w * h)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x >> 24) as u8
        })
        .collect();
    scanned_pages_pdf(&pixels, w, h, 6)
}

/// Orphans just after the import ends: a tool that was killed with its worker is gone at
/// once, one that was left behind is still running.
fn orphans_after_a_moment() -> Vec<String> {
    std::thread::sleep(Duration::from_millis(300));
    orphaned_tools()
}

/// One test, so the two scenarios cannot see each other's processes.
#[test]
fn nothing_outlives_a_killed_worker_or_a_killed_cli() {
    ocr_tools_die_with_a_worker_killed_at_the_timeout();
    workers_stop_when_the_cli_is_killed_mid_parse();
}

fn ocr_tools_die_with_a_worker_killed_at_the_timeout() {
    let input = tempfile::tempdir().unwrap();
    std::fs::write(input.path().join("noise-scan.pdf"), noise_scan()).unwrap();
    let library = tempfile::tempdir().unwrap();
    let out = common::import(library.path(), &["--timeout", "2"], input.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("0 completed, 1 failed"), "{stdout}");
    assert!(stdout.contains("took longer than 2 s"), "{stdout}");
    assert_eq!(
        orphans_after_a_moment(),
        Vec::<String>::new(),
        "after a worker was killed at the timeout"
    );
}

fn workers_stop_when_the_cli_is_killed_mid_parse() {
    let input = tempfile::tempdir().unwrap();
    for i in 0..4 {
        std::fs::write(input.path().join(format!("scan-{i}.pdf")), noise_scan()).unwrap();
    }
    let library = tempfile::tempdir().unwrap();
    let mut cli = common::cli()
        .arg("--library")
        .arg(library.path())
        .args(["import", "--timeout", "60"])
        .arg(input.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once its workers are deep in OCR.
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while !tesseract_running() {
        assert!(std::time::Instant::now() < deadline, "OCR never started");
        std::thread::sleep(Duration::from_millis(50));
    }
    cli.kill().unwrap();
    cli.wait().unwrap();
    assert_eq!(orphans_after_a_moment(), Vec::<String>::new());
}
