//! The CLI as scripts use it: import into a library, list it, parse without one.

mod common;

use common::{cli, import};
use cvdeck_synth::{Layout, SyntheticResume};

#[test]
fn import_then_list_then_import_again() {
    let input = tempfile::tempdir().unwrap();
    let library = tempfile::tempdir().unwrap();
    let jane = SyntheticResume::generate(21);
    std::fs::write(
        input.path().join("jane.pdf"),
        jane.to_pdf(Layout::OneColumn),
    )
    .unwrap();
    std::fs::write(
        input.path().join("notes.bin"),
        [0u8, 159, 146, 150, 1, 2, 3],
    )
    .unwrap();

    let out = import(library.path(), &[], input.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("1 completed, 1 failed, 0 duplicates skipped\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("notes.bin — not a resume format: binary data"),
        "{stdout}"
    );

    let out = cli()
        .env("CVDECK_LIBRARY", library.path())
        .args(["list", "--json"])
        .output()
        .unwrap();
    let rows: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    let done = rows
        .iter()
        .find(|r| r["status"] == "completed")
        .expect("a completed row");
    assert_eq!(done["name"], jane.name.as_str());

    let out = import(library.path(), &[], input.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("0 completed, 0 failed, 2 duplicates skipped"),
        "{stdout}"
    );
}

#[test]
fn parse_writes_one_json_resume_per_file_and_reports_failures() {
    let input = tempfile::tempdir().unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let resume = SyntheticResume::generate(22);
    std::fs::write(input.path().join("a.docx"), resume.to_docx()).unwrap();
    std::fs::write(input.path().join("b.pdf"), b"%PDF-1.4 truncated").unwrap();
    let out = cli()
        .arg("parse")
        .arg(input.path())
        .arg("--out")
        .arg(out_dir.path())
        .output()
        .unwrap();
    // One of the two failed: the exit code says so, after the good one was written.
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("b.pdf: damaged PDF file"), "{stderr}");
    assert!(
        stderr.contains("1 of 2 file(s) could not be parsed"),
        "{stderr}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out_dir.path().join("a.json")).unwrap()).unwrap();
    assert_eq!(json["basics"]["name"], resume.name.as_str());
    assert_eq!(json["meta"]["format"], "docx");
}
