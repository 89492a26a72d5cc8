//! Every document the parser writes is valid JSON Resume: the generated resumes in five
//! languages and four renderings, and the real resumes of the dev corpus (`../shared/corpus`),
//! checked against `json-resume.schema.json` (dates in ISO 8601 form, absolute URIs, e-mail
//! addresses, no misspelt keys).

use cvdeck_engine::{parse_bytes, Limits};
use cvdeck_synth::{Language, Layout, SyntheticResume};
use std::path::Path;

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("json-resume.schema.json")).expect("schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles")
}

/// The schema's complaints about the document parsed from `bytes`, or None when the input
/// could not be read (an error, not a document, so there is nothing to validate).
fn problems(validator: &jsonschema::Validator, case: &str, bytes: &[u8]) -> Option<Vec<String>> {
    let parsed = parse_bytes(bytes, &Limits::default()).ok()?;
    let json = serde_json::to_value(&parsed.resume).expect("a resume serialises");
    Some(
        validator
            .iter_errors(&json)
            .map(|e| format!("{case}: {} at {}", e, e.instance_path()))
            .collect(),
    )
}

#[test]
fn generated_resumes_are_valid_json_resume() {
    let validator = validator();
    let mut found = Vec::new();
    let mut validated = 0;
    for (i, language) in Language::ALL.into_iter().enumerate() {
        let r = SyntheticResume::generate_in(70 + i as u64, language);
        for (kind, bytes) in [
            ("pdf", r.to_pdf(Layout::OneColumn)),
            ("pdf-2col", r.to_pdf(Layout::TwoColumn)),
            ("docx", r.to_docx()),
            ("txt", r.to_text().into_bytes()),
            ("rtf", r.to_rtf()),
        ] {
            let case = format!("{}-{kind}", language.code());
            match problems(&validator, &case, &bytes) {
                Some(p) => {
                    found.extend(p);
                    validated += 1;
                }
                None => found.push(format!("{case}: could not be read")),
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
    assert_eq!(
        validated,
        5 * Language::ALL.len(),
        "every rendering was validated"
    );
}

#[test]
fn the_dev_corpus_parses_to_valid_json_resume() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/files");
    let validator = validator();
    let mut found = Vec::new();
    let (mut files, mut validated) = (0, 0);
    for entry in std::fs::read_dir(&corpus).expect("the dev corpus is beside the repository") {
        let path = entry.expect("readable folder").path();
        let bytes = std::fs::read(&path).expect("readable file");
        files += 1;
        if let Some(p) = problems(&validator, &path.display().to_string(), &bytes) {
            found.extend(p);
            validated += 1;
        }
    }
    // Every file of the corpus is a readable resume; one that stops extracting would
    // otherwise only shrink what this test checks.
    assert!(files >= 55, "only {files} corpus files");
    assert_eq!(
        validated,
        files,
        "{} corpus files could not be read",
        files - validated
    );
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_schema_catches_what_it_should() {
    let validator = validator();
    let bad = serde_json::json!({
        "basics": {"url": "github.com/jane", "email": "not an address"},
        "work": [{"startDate": "März 2020", "compnay": "Acme"}],
        "meta": {"version": "x"}
    });
    let errors: Vec<String> = validator.iter_errors(&bad).map(|e| e.to_string()).collect();
    assert_eq!(errors.len(), 5, "{errors:#?}");
}
