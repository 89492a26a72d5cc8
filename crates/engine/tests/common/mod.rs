//! What every test of generated resumes checks: the fields that must come back as written.

use cvdeck_engine::resume::Resume;
use cvdeck_synth::SyntheticResume;

/// Every field of `truth` that `r` got wrong, each as "case: field = got, want …".
pub fn field_problems(case: &str, truth: &SyntheticResume, r: &Resume) -> Vec<String> {
    let mut problems = Vec::new();
    let mut check = |field: &str, got: Option<&str>, want: &str| {
        if got != Some(want) {
            problems.push(format!("{case}: {field} = {got:?}, want {want:?}"));
        }
    };
    check("name", r.basics.name.as_deref(), &truth.name);
    check("email", r.basics.email.as_deref(), &truth.email);
    check("phone", r.basics.phone.as_deref(), &truth.phone);
    check("label", r.basics.label.as_deref(), &truth.headline);
    let (city, _) = truth
        .location
        .split_once(", ")
        .unwrap_or((&truth.location, ""));
    check("location.city", r.basics.location.city.as_deref(), city);
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
    if r.meta.language.as_deref() != Some(truth.language.code()) {
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
    let site = truth.links.iter().find(|l| l.network.is_none());
    if r.basics.url != site.map(|l| l.url()) {
        problems.push(format!(
            "{case}: url = {:?}, want {:?}",
            r.basics.url,
            site.map(|l| l.url())
        ));
    }
    let profiles: Vec<(String, Option<String>, Option<String>)> = r
        .basics
        .profiles
        .iter()
        .map(|p| (p.network.clone(), p.username.clone(), p.url.clone()))
        .collect();
    let want: Vec<(String, Option<String>, Option<String>)> = truth
        .links
        .iter()
        .filter_map(|l| Some((l.network?.to_owned(), l.username.clone(), Some(l.url()))))
        .collect();
    if profiles != want {
        problems.push(format!("{case}: profiles {profiles:?}, want {want:?}"));
    }
    problems
}
