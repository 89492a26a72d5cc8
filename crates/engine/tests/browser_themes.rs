//! Generated resumes laid out by five résumé themes (one column, left sidebar, right column,
//! rows with right-aligned dates, a Europass table) in five languages, printed to PDF by headless Chromium — a real producer's PDFs, with
//! subset fonts, ToUnicode maps and kerned text — must parse back to the fields written.
//! Chromium comes with `scripts/setup.sh test` (Debian's `chromium`), or `$CHROMIUM`.

use cvdeck_engine::{parse_bytes, Limits};
use cvdeck_synth::{Language, SyntheticResume, Theme};
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;

fn chromium() -> PathBuf {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        return path.into();
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser", "google-chrome"].map(|n| dir.join(n)))
        .find(|p| p.is_file())
        .expect(
            "headless Chromium is needed to print the themes: scripts/setup.sh test installs it",
        )
}

fn print_to_pdf(browser: &Path, html: &Path, pdf: &Path) {
    let status = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
        ])
        .arg(format!(
            "--user-data-dir={}",
            html.with_extension("profile").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("chromium runs");
    assert!(
        status.success() && pdf.is_file(),
        "chromium did not print {html:?}"
    );
}

#[test]
fn five_themes_in_five_languages_printed_by_chromium() {
    let browser = chromium();
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(String, SyntheticResume, Theme)> = Language::ALL
        .into_iter()
        .enumerate()
        .flat_map(|(i, language)| {
            Theme::ALL.into_iter().enumerate().map(move |(t, theme)| {
                let truth =
                    SyntheticResume::generate_in(60 + (i * Theme::ALL.len() + t) as u64, language);
                (
                    format!("{}-{}", language.code(), theme.name()),
                    truth,
                    theme,
                )
            })
        })
        .collect();
    // Two printers at a time: one per core.
    let problems: Vec<String> = std::thread::scope(|s| {
        let chunks: Vec<_> = cases.chunks(cases.len().div_ceil(2)).collect();
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                let (browser, dir) = (&browser, dir.path());
                s.spawn(move || {
                    let mut problems = Vec::new();
                    for (case, truth, theme) in chunk {
                        let html = dir.join(format!("{case}.html"));
                        let pdf = dir.join(format!("{case}.pdf"));
                        std::fs::write(&html, truth.to_html(*theme)).unwrap();
                        print_to_pdf(browser, &html, &pdf);
                        let bytes = std::fs::read(&pdf).unwrap();
                        // To look at what failed: CVDECK_KEEP_PDFS=DIR keeps the prints.
                        if let Some(keep) = std::env::var_os("CVDECK_KEEP_PDFS") {
                            let _ = std::fs::write(
                                Path::new(&keep).join(format!("{case}.pdf")),
                                &bytes,
                            );
                        }
                        match parse_bytes(&bytes, &Limits::default()) {
                            Ok(parsed) => {
                                problems.extend(common::field_problems(case, truth, &parsed.resume))
                            }
                            Err(e) => problems.push(format!("{case}: {e}")),
                        }
                    }
                    problems
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
