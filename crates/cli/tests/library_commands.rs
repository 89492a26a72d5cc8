//! The library commands scripts use: search, list with filters, show, stats, export, retry,
//! delete, all on the same library the app uses.

mod common;

use common::{cli, import, list_json, succeeded};
use cvdeck_synth::{Language, Layout, SyntheticResume};
use std::path::Path;

fn run(library: &Path, args: &[&str]) -> String {
    let out = succeeded(common::run(library, args), args);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn search_filter_show_export_retry_delete_and_stats() {
    let input = tempfile::tempdir().unwrap();
    let library = tempfile::tempdir().unwrap();
    // Three in English, one in German (for the language filter).
    let people: Vec<SyntheticResume> = (40..44)
        .map(|seed| match seed {
            43 => SyntheticResume::generate_in(seed, Language::German),
            _ => SyntheticResume::generate(seed),
        })
        .collect();
    for (i, p) in people.iter().enumerate() {
        std::fs::write(
            input.path().join(format!("r{i}.pdf")),
            p.to_pdf(Layout::OneColumn),
        )
        .unwrap();
    }
    std::fs::write(input.path().join("broken.pdf"), b"%PDF-1.4\n1 0 obj\n<<").unwrap();
    import(library.path(), &[], input.path());

    // Search by a family name, folded and as a prefix.
    let target = &people[2];
    let family = target.name.split_whitespace().last().unwrap();
    let prefix: String = family.chars().take(4).collect();
    let found: Vec<serde_json::Value> = run(library.path(), &["search", &prefix, "--json"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(
        found.iter().any(|c| c["name"] == target.name.as_str()),
        "{found:?}"
    );
    let id = found
        .iter()
        .find(|c| c["name"] == target.name.as_str())
        .unwrap()["id"]
        .to_string();

    // Filters and sorts.
    let failed = run(library.path(), &["list", "--status", "failed"]);
    assert_eq!(failed.lines().count(), 1, "{failed}");
    assert!(failed.contains("broken.pdf"));
    let skill = &target.skills[0];
    let with_skill = run(library.path(), &["list", "--skill", skill, "--json"]);
    assert!(with_skill.contains(&target.name), "{with_skill}");
    let by_name: Vec<String> = run(
        library.path(),
        &["list", "--status", "completed", "--sort", "name", "--json"],
    )
    .lines()
    .map(|l| {
        serde_json::from_str::<serde_json::Value>(l).unwrap()["name"]
            .as_str()
            .unwrap()
            .to_owned()
    })
    .collect();
    let mut sorted = by_name.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(by_name, sorted);
    let german: Vec<serde_json::Value> =
        run(library.path(), &["list", "--language", "DE", "--json"])
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
    assert_eq!(german.len(), 1, "{german:?}");
    assert_eq!(german[0]["name"], people[3].name.as_str());

    // Tags: put on two, filter, take off.
    let completed: Vec<String> = run(library.path(), &["list", "--status", "completed", "--json"])
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
        .collect();
    let tagged = run(
        library.path(),
        &["tag", "Call back", &completed[0], &completed[1]],
    );
    assert!(tagged.contains("tagged 2 resume(s)"), "{tagged}");
    let with_tag: Vec<serde_json::Value> =
        run(library.path(), &["list", "--tag", "call BACK", "--json"])
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
    assert_eq!(with_tag.len(), 2, "{with_tag:?}");
    assert_eq!(with_tag[0]["tags"], serde_json::json!(["Call back"]));
    run(
        library.path(),
        &["tag", "call back", "--remove", &completed[0]],
    );
    assert_eq!(
        run(library.path(), &["list", "--tag", "Call back"])
            .lines()
            .count(),
        1
    );
    let bad_sort = cli()
        .arg("--library")
        .arg(library.path())
        .args(["list", "--sort", "size"])
        .output()
        .unwrap();
    assert!(!bad_sort.status.success());
    assert!(String::from_utf8_lossy(&bad_sort.stderr).contains("unknown sort \"size\""));

    // Show, as text and JSON.
    let shown = run(library.path(), &["show", &id]);
    assert!(
        shown.contains(&format!("email: {}", target.email)),
        "{shown}"
    );
    let shown: serde_json::Value =
        serde_json::from_str(&run(library.path(), &["show", &id, "--json"])).unwrap();
    assert_eq!(shown["resume"]["basics"]["name"], target.name.as_str());

    // Stats.
    let stats: serde_json::Value =
        serde_json::from_str(&run(library.path(), &["stats", "--json"])).unwrap();
    assert_eq!(
        (
            stats["total"].as_u64(),
            stats["completed"].as_u64(),
            stats["failed"].as_u64()
        ),
        (Some(5), Some(4), Some(1))
    );
    assert_eq!(
        stats["languages"],
        serde_json::json!([{"language": "en", "count": 3}, {"language": "de", "count": 1}])
    );

    // Export the completed ones to CSV.
    let csv_path = library.path().join("out.csv");
    run(
        library.path(),
        &[
            "export",
            "--format",
            "csv",
            "--status",
            "completed",
            "--sort",
            "name",
            "--out",
            csv_path.to_str().unwrap(),
        ],
    );
    let csv = std::fs::read_to_string(&csv_path).unwrap();
    assert_eq!(csv.lines().count(), 5, "{csv}");
    assert!(csv.starts_with(
        "id,name,email,phone,location,headline,years_experience,skills,file,status,error,tags\n"
    ));
    assert!(csv.contains(target.email.as_str()));
    // For Excel on a system that writes decimal commas.
    let excel_path = library.path().join("excel.csv");
    let excel = cli()
        .env("CVDECK_LIBRARY", library.path())
        .env("LC_ALL", "fr_FR.UTF-8")
        .args([
            "export",
            "--format",
            "excel",
            "--status",
            "completed",
            "--out",
        ])
        .arg(&excel_path)
        .output()
        .unwrap();
    assert!(excel.status.success(), "{excel:?}");
    let excel = std::fs::read_to_string(&excel_path).unwrap();
    assert!(excel.starts_with("\u{FEFF}id;name;email;"), "{excel}");
    assert_eq!(excel.lines().count(), 5, "{excel}");

    // Retry the failed one, then delete it.
    let retried = run(library.path(), &["retry", "--failed"]);
    assert!(retried.starts_with("0 completed, 1 failed"), "{retried}");
    let broken = list_json(library.path())
        .into_iter()
        .find(|c| c["file_name"] == "broken.pdf")
        .unwrap();
    assert_eq!(broken["attempts"], 2);
    run(library.path(), &["delete", &broken["id"].to_string()]);
    assert_eq!(list_json(library.path()).len(), 4);
}

#[test]
fn watch_imports_what_is_there_then_what_arrives_and_is_remembered() {
    let folder = tempfile::tempdir().unwrap();
    let library = tempfile::tempdir().unwrap();
    let first = SyntheticResume::generate(800);
    std::fs::write(folder.path().join("first.txt"), first.to_text()).unwrap();
    let mut watcher = cli()
        .arg("--library")
        .arg(library.path())
        .arg("watch")
        .arg(folder.path())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let wait_for_rows = |n: usize| {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        loop {
            let rows = common::list_json(library.path());
            if rows.iter().filter(|r| r["status"] == "completed").count() == n {
                return rows;
            }
            assert!(std::time::Instant::now() < deadline, "{rows:?}");
            std::thread::sleep(std::time::Duration::from_millis(200));
        }
    };
    wait_for_rows(1);
    let second = SyntheticResume::generate(801);
    std::fs::write(folder.path().join("second.txt"), second.to_text()).unwrap();
    let rows = wait_for_rows(2);
    assert!(
        rows.iter().any(|r| r["name"] == second.name.as_str()),
        "{rows:?}"
    );
    watcher.kill().unwrap();
    watcher.wait().unwrap();
    let forgotten = run(
        library.path(),
        &["unwatch", folder.path().to_str().unwrap()],
    );
    assert!(forgotten.starts_with("no longer watching"), "{forgotten}");
}
