//! `job` and `match`: a job read from an ad (text, file, job document), corrected, exported,
//! and the library ranked against it, on resumes whose skills are known.

mod common;

use common::{import, succeeded};
use std::path::Path;

fn run(library: &Path, args: &[&str]) -> String {
    let out = succeeded(common::run(library, args), args);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn json_lines(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// Three invented people: one with every required skill, one with half, one with none.
const RESUMES: [(&str, &str); 3] = [
    (
        "full.txt",
        "Marta Quintela\nmarta.q@example.org\nBerlin, Germany\n\nExperience\nPlatform Engineer, Nordwind GmbH, 01/2017 - present\n- Ran Kubernetes clusters\n\nSkills\nKubernetes, Terraform, Go, Docker\n",
    ),
    (
        "half.txt",
        "Owen Farrant\nowen.f@example.org\nLeeds, UK\n\nExperience\nDeveloper, Brightwater Ltd, 03/2022 - present\n\nSkills\nDocker, Python\n",
    ),
    (
        "none.txt",
        "Inês Valadares\nines.v@example.org\nPorto, Portugal\n\nExperience\nNurse, Hospital Central, 2019 - 2023\n\nSkills\nPatient care\n",
    ),
];

#[test]
fn a_job_from_an_ad_ranks_the_library_and_travels_as_a_job_document() {
    let input = tempfile::tempdir().unwrap();
    let library = tempfile::tempdir().unwrap();
    for (name, text) in RESUMES {
        std::fs::write(input.path().join(name), text).unwrap();
    }
    import(library.path(), &[], input.path());
    let lib = library.path();

    let ad = input.path().join("ad.md.txt");
    std::fs::write(
        &ad,
        "Platform Engineer (m/w/d)\nStandort: Berlin\n\nAnforderungen\n- Kubernetes und Docker\n- mindestens 5 Jahre Berufserfahrung\n\nWünschenswert\n- Terraform\n",
    )
    .unwrap();
    let added = json_lines(&run(lib, &["job", "add", ad.to_str().unwrap(), "--json"]));
    let job = &added[0];
    assert_eq!(job["title"], "Platform Engineer");
    assert_eq!(
        job["requirements"]["required"],
        serde_json::json!(["Kubernetes", "Docker"])
    );
    assert_eq!(
        job["requirements"]["nice"],
        serde_json::json!(["Terraform"])
    );
    assert_eq!(job["requirements"]["minYears"], 5);
    let id = job["id"].to_string();

    let ranked = json_lines(&run(lib, &["match", &id, "--json"]));
    let names: Vec<&str> = ranked.iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Marta Quintela", "Owen Farrant", "Inês Valadares"]);
    assert_eq!(ranked[0]["requiredMet"], 2);
    assert!(ranked[0]["score"].as_u64().unwrap() > 90, "{}", ranked[0]);
    let docker = ranked[1]["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["asked"] == "Docker")
        .unwrap();
    assert_eq!(docker["met"], true);
    assert_eq!(docker["found"], "skills: Docker");

    // The table says who has what and what is missing.
    let table = run(lib, &["match", &id, "--top", "2"]);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 2, "{table}");
    assert!(
        lines[1].contains("has: Docker\tmissing: Kubernetes"),
        "{table}"
    );

    // Filters: every required skill; a least score (the nurse's years earn her a few points).
    assert_eq!(
        json_lines(&run(lib, &["match", &id, "--json", "--all-required"])).len(),
        1
    );
    assert_eq!(
        json_lines(&run(lib, &["match", &id, "--json", "--min-score", "30"])).len(),
        2
    );
    assert!(ranked[2]["score"].as_u64().unwrap() < 30, "{}", ranked[2]);

    // Corrected by hand: Terraform required, Docker out, no minimum.
    let edited = json_lines(&run(
        lib,
        &[
            "job",
            "edit",
            &id,
            "--require",
            "terraform",
            "--drop",
            "docker",
            "--min-years",
            "0",
            "--language",
            "de:C1",
            "--json",
        ],
    ));
    let reqs = &edited[0]["requirements"];
    assert_eq!(
        reqs["required"],
        serde_json::json!(["Kubernetes", "Terraform"])
    );
    assert_eq!(reqs["nice"], serde_json::json!([]));
    assert_eq!(reqs["minYears"], serde_json::Value::Null);
    assert_eq!(
        reqs["languages"],
        serde_json::json!([{"code": "de", "level": 5}])
    );

    // Exported as a JSON Resume job document, and read back as a new job with the same asks.
    let doc = input.path().join("platform.json");
    run(lib, &["job", "export", &id, "--out", doc.to_str().unwrap()]);
    let document: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&doc).unwrap()).unwrap();
    assert_eq!(document["title"], "Platform Engineer");
    assert_eq!(
        document["skills"][0],
        serde_json::json!({"name": "Kubernetes", "level": "required"})
    );
    let again = json_lines(&run(lib, &["job", "add", doc.to_str().unwrap(), "--json"]));
    assert_eq!(again[0]["requirements"], *reqs);

    // The same ranking from the file, without keeping it.
    let from_file = json_lines(&run(
        lib,
        &["match", "--job", doc.to_str().unwrap(), "--json"],
    ));
    assert_eq!(from_file[0]["name"], "Marta Quintela");

    let listed = run(lib, &["job", "list"]);
    assert_eq!(listed.lines().count(), 2, "{listed}");
    run(lib, &["job", "delete", &id]);
    assert_eq!(run(lib, &["job", "list"]).lines().count(), 1);
    let missing = common::run(lib, &["job", "show", &id]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains(&format!("no job with id {id}")));
}

#[test]
fn an_ad_that_cannot_be_read_says_why() {
    let library = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("job.json");
    std::fs::write(&broken, "{ not json").unwrap();
    let out = common::run(library.path(), &["job", "add", broken.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is not a JSON Resume job document"), "{err}");
    let pdf = dir.path().join("ad.pdf");
    std::fs::write(&pdf, b"%PDF-1.4\n1 0 obj\n<<").unwrap();
    let out = common::run(library.path(), &["job", "add", pdf.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("ad.pdf"));
    let empty = common::run(
        library.path(),
        &["job", "add", "--text", "We are a friendly team."],
    );
    let id = json_id(&empty);
    let out = common::run(library.path(), &["match", &id]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("asks for nothing to rank by"));
}

fn json_id(out: &std::process::Output) -> String {
    let text = String::from_utf8_lossy(&out.stdout);
    let first = text.lines().next().unwrap_or_default();
    first
        .trim_start_matches("job ")
        .split('\t')
        .next()
        .unwrap_or_default()
        .to_owned()
}
