//! Hand-written resumes of invented people, each in a style the generator does not produce
//! (a Lebenslauf opening with personal data, a LinkedIn export, an Indian CV ending with a
//! declaration, space-aligned columns, dates before each entry, French form labels, designed
//! two-column pages printed to PDF, …): the
//! exact JSON Resume each parses to, in `snapshots/handwritten/` (refreshed with
//! `UPDATE_EXPECT=1`). Each file was found wrong once and is pinned here as fixed.

use cvdeck_engine::{parse_bytes, Limits};
use std::path::Path;

#[test]
fn handwritten_resumes_parse_to_their_snapshots() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut names: Vec<String> = std::fs::read_dir(&fixtures)
        .expect("fixtures")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        // Text as typed, PDFs printed from HTML designs (`scripts/fixtures/render-designs.py`)
        // and Word files written with python-docx.
        .filter(|n| n.ends_with(".txt") || n.ends_with(".pdf") || n.ends_with(".docx"))
        .collect();
    names.sort();
    assert!(names.len() >= 14, "{names:?}");
    for name in names {
        let bytes = std::fs::read(fixtures.join(&name)).unwrap();
        let parsed =
            parse_bytes(&bytes, &Limits::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let json = serde_json::to_string_pretty(&parsed.resume).unwrap() + "\n";
        let stem = name
            .trim_end_matches(".txt")
            .trim_end_matches(".pdf")
            .trim_end_matches(".docx");
        expect_test::expect_file![format!("snapshots/handwritten/{stem}.json")].assert_eq(&json);
    }
}
