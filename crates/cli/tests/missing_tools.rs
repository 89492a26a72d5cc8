//! On a machine without the OCR programs (the portable build on a bare system), a scan fails
//! with a reason that says what to install, and every other file is read as usual.

mod common;

use common::{cli, list_json, succeeded};
use cvdeck_synth::{scanned_pdf, SyntheticResume};

#[test]
fn without_tesseract_a_scan_says_what_to_install_and_the_other_files_are_read() {
    let input = tempfile::tempdir().unwrap();
    let library = tempfile::tempdir().unwrap();
    // A PATH on which no program is found.
    let bare_path = tempfile::tempdir().unwrap();
    let (w, h) = (120, 160);
    std::fs::write(
        input.path().join("scan.pdf"),
        scanned_pdf(&vec![255u8; w * h], w as u32, h as u32),
    )
    .unwrap();
    let person = SyntheticResume::generate(41);
    std::fs::write(input.path().join("typed.txt"), person.to_text()).unwrap();

    let out = cli()
        .env("PATH", bare_path.path())
        .arg("--library")
        .arg(library.path())
        .arg("import")
        .arg(input.path())
        .output()
        .unwrap();
    let out = succeeded(out, &["import"]);
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(
        summary.contains("scanned PDFs need Tesseract: install tesseract-ocr"),
        "{summary}"
    );
    let rows = list_json(library.path());
    let row = |name: &str| {
        rows.iter()
            .find(|r| r["file_name"] == name)
            .unwrap_or_else(|| panic!("no row for {name}: {rows:?}"))
    };
    assert_eq!(row("typed.txt")["status"], "completed");
    assert_eq!(row("typed.txt")["name"], person.name.as_str());
    assert_eq!(row("scan.pdf")["status"], "failed");
    assert_eq!(
        row("scan.pdf")["failure"]["message"],
        "scanned PDF: no text layer (scanned PDFs need Tesseract: install tesseract-ocr)"
    );
}
