//! Generated resumes in five languages and three layouts: the exact JSON Resume each parses to
//! (snapshots under `snapshots/`, refreshed with `UPDATE_EXPECT=1`), and the fields that must
//! come back as they were written.

use cvdeck_engine::synth::{Language, Layout, SyntheticResume};
use cvdeck_engine::{parse_bytes, Limits};

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

            let r = &parsed.resume;
            let mut check = |field: &str, got: Option<&str>, want: &str| {
                if got != Some(want) {
                    problems.push(format!("{case}: {field} = {got:?}, want {want:?}"));
                }
            };
            check("name", r.basics.name.as_deref(), &truth.name);
            check("email", r.basics.email.as_deref(), &truth.email);
            check("phone", r.basics.phone.as_deref(), &truth.phone);
            check("label", r.basics.label.as_deref(), &truth.headline);
            for (k, job) in truth.jobs.iter().enumerate() {
                let got = r.work.get(k);
                check(
                    "work.name",
                    got.and_then(|w| w.name.as_deref()),
                    &job.company,
                );
                check(
                    "work.position",
                    got.and_then(|w| w.position.as_deref()),
                    &job.title,
                );
                check(
                    "work.startDate",
                    got.and_then(|w| w.start_date.as_deref()),
                    &job.start,
                );
                if let Some(end) = &job.end {
                    check("work.endDate", got.and_then(|w| w.end_date.as_deref()), end);
                } else {
                    check(
                        "work.endDate (current job has none)",
                        got.map(|w| w.end_date.as_deref().unwrap_or("none")),
                        "none",
                    );
                }
            }
            let school = r.education.first();
            check(
                "education.institution",
                school.and_then(|e| e.institution.as_deref()),
                &truth.schools[0].institution,
            );
            check(
                "education.studyType",
                school.and_then(|e| e.study_type.as_deref()),
                &truth.schools[0].degree,
            );
            if r.top_skills(5) != truth.skills {
                problems.push(format!(
                    "{case}: skills {:?}, want {:?}",
                    r.top_skills(5),
                    truth.skills
                ));
            }
            if r.meta.language.as_deref() != Some(language.code()) {
                problems.push(format!("{case}: meta.language = {:?}", r.meta.language));
            }
            let certificates: Vec<(String, Option<String>, Option<String>)> = r
                .certificates
                .iter()
                .map(|c| (c.name.clone(), c.issuer.clone(), c.date.clone()))
                .collect();
            let want: Vec<(String, Option<String>, Option<String>)> = truth
                .certificates
                .iter()
                .map(|c| {
                    (
                        c.name.clone(),
                        Some(c.issuer.clone()),
                        Some(c.year.to_string()),
                    )
                })
                .collect();
            if certificates != want {
                problems.push(format!(
                    "{case}: certificates {certificates:?}, want {want:?}"
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
