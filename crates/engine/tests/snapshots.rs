//! Generated resumes in five languages and three layouts: the exact JSON Resume each parses to
//! (snapshots under `snapshots/`, refreshed with `UPDATE_EXPECT=1`), and the fields that must
//! come back as they were written.

use cvdeck_engine::{parse_bytes, Limits};
use cvdeck_synth::{Language, Layout, SyntheticResume};

mod common;

fn renderings(r: &SyntheticResume) -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("pdf", r.to_pdf(Layout::OneColumn)),
        ("pdf-2col", r.to_pdf(Layout::TwoColumn)),
        ("docx", r.to_docx()),
        ("txt", r.to_text().into_bytes()),
        ("rtf", r.to_rtf()),
    ]
}

#[test]
fn five_languages_three_layouts() {
    let mut problems = Vec::new();
    for (i, language) in Language::ALL.into_iter().enumerate() {
        let truth = SyntheticResume::generate_in(40 + i as u64, language);
        for (kind, bytes) in renderings(&truth) {
            let case = format!("{}-{kind}", language.code());
            let parsed =
                parse_bytes(&bytes, &Limits::default()).unwrap_or_else(|e| panic!("{case}: {e}"));
            let json = serde_json::to_string_pretty(&parsed.resume).unwrap() + "\n";
            expect_test::expect_file![format!("snapshots/{case}.json")].assert_eq(&json);

            problems.extend(common::field_problems(&case, &truth, &parsed.resume));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
