//! Ranking a library against a job, over generated resumes whose skills and years are known:
//! the ideal order is computable from what was generated, and the ranking the library gives
//! from what it parsed must come close to it (NDCG@10).

use cvdeck_engine::store::{Filter, NewFile, Registered};
use cvdeck_engine::{parse_bytes, Library, Limits};
use cvdeck_match::{read_ad, Requirements};
use cvdeck_synth::{Language, SyntheticResume};

const LANGUAGES: [Language; 5] = [
    Language::English,
    Language::German,
    Language::French,
    Language::Spanish,
    Language::Portuguese,
];

/// Months worked from the generated jobs (present jobs to this month), overlaps counted once.
fn truth_months(r: &SyntheticResume, today: i64) -> i64 {
    let index = |s: &str| -> i64 {
        let (y, m) = s.split_once('-').expect("YYYY-MM");
        y.parse::<i64>().unwrap() * 12 + m.parse::<i64>().unwrap() - 1
    };
    let mut spans: Vec<(i64, i64)> = r
        .jobs
        .iter()
        .map(|j| (index(&j.start), j.end.as_deref().map_or(today, index) + 1))
        .collect();
    spans.sort_unstable();
    let mut total = 0;
    let mut reach = i64::MIN;
    for (start, end) in spans {
        let start = start.max(reach);
        if end > start {
            total += end - start;
        }
        reach = reach.max(end);
    }
    total
}

/// What a resume deserves, from what was generated: the share of required skills it lists
/// (weighing most), then years against the minimum, on the formula's own weights.
fn ideal(reqs: &Requirements, r: &SyntheticResume, today: i64) -> f64 {
    let have = reqs
        .required
        .iter()
        .filter(|s| r.skills.contains(s))
        .count() as f64;
    let skills = have / reqs.required.len() as f64;
    let years = reqs.min_years.map_or(1.0, |min| {
        (truth_months(r, today) as f64 / 12.0 / f64::from(min)).min(1.0)
    });
    (50.0 * skills + 15.0 * years) / 65.0
}

/// Parses `text` and keeps it in `lib` as a parsed resume; its id.
fn add_parsed(lib: &Library, name: &str, text: &str) -> i64 {
    use sha2::Digest;
    let parsed = parse_bytes(text.as_bytes(), &Limits::default()).expect("parses");
    let hash = hex::encode(sha2::Sha256::digest(text.as_bytes()));
    let file = NewFile {
        original_path: format!("/in/{name}").into(),
        content_hash: hash.clone(),
        stored_path: lib.stored_path_for(&hash, "txt"),
        size_bytes: text.len() as u64,
    };
    let Registered::New(id) = lib.register(&[file]).unwrap()[0] else {
        panic!("{name} registered twice")
    };
    lib.complete(id, "text", &parsed.resume, &parsed.text)
        .unwrap();
    id
}

fn ndcg_at(k: usize, gains_in_order: &[f64]) -> f64 {
    let dcg = |gains: &[f64]| -> f64 {
        gains
            .iter()
            .take(k)
            .enumerate()
            .map(|(i, g)| (2f64.powf(*g * 3.0) - 1.0) / ((i + 2) as f64).log2())
            .sum()
    };
    let mut best = gains_in_order.to_vec();
    best.sort_by(|a, b| b.total_cmp(a));
    dcg(gains_in_order) / dcg(&best)
}

#[test]
fn ranking_generated_resumes_comes_close_to_the_ideal_order() {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path()).unwrap();
    let mut truth = Vec::new();
    for seed in 0..150u64 {
        let r = SyntheticResume::generate_in(seed, LANGUAGES[seed as usize % 5]);
        let text = r.to_text();
        let id = add_parsed(&lib, &format!("{seed}.txt"), &text);
        truth.push((id, r));
    }
    let now = jiff::Zoned::now();
    let today = i64::from(now.year()) * 12 + i64::from(now.month()) - 1;
    let ads = [
        "Platform Engineer\nRequirements:\n- Kubernetes, Docker and Terraform\n- 3+ years of experience",
        "Datenanalyst (m/w/d)\nIhr Profil\n- SQL, Python und Docker\n- mindestens 2 Jahre Berufserfahrung",
        "Développeur Front\nProfil recherché\n- React, TypeScript et Figma\n- 4 ans d'expérience minimum",
        "Ingeniero Backend\nRequisitos\n- Go, PostgreSQL y AWS\n- al menos 5 años de experiencia",
    ];
    for ad in ads {
        let reqs = read_ad(ad);
        assert_eq!(reqs.required.len(), 3, "{ad}: {reqs:?}");
        let ranking = lib.rank(&reqs, &Filter::default()).unwrap();
        assert_eq!(ranking.ranked.len(), truth.len());
        assert!(ranking.unranked.is_empty());
        let gains: Vec<f64> = ranking
            .ranked
            .iter()
            .map(|r| {
                let id = &r.id;
                let r = &truth.iter().find(|(t, _)| t == id).unwrap().1;
                ideal(&reqs, r, today)
            })
            .collect();
        let ndcg = ndcg_at(10, &gains);
        println!("NDCG@10 {ndcg:.3}: {}", ad.lines().next().unwrap());
        assert!(ndcg >= 0.95, "NDCG@10 {ndcg:.3} for {ad:?}");
        let top = &ranking.ranked[0];
        assert!(
            top.has_all_required(),
            "the best fit has every required skill: {top:?}"
        );
    }
}

#[test]
fn jobs_are_kept_edited_and_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path()).unwrap();
    let ad = "Backend Engineer\nRequirements:\n- Rust and PostgreSQL";
    let job = lib.add_job(&read_ad(ad), Some(ad)).unwrap();
    assert_eq!(job.title(), "Backend Engineer");
    assert_eq!(job.ad_text.as_deref(), Some(ad));
    let mut reqs = job.requirements.clone();
    reqs.welcome("postgres");
    reqs.min_years = Some(2);
    let edited = lib.update_job(job.id, &reqs).unwrap();
    assert_eq!(edited.requirements.required, ["Rust"]);
    assert_eq!(edited.requirements.nice, ["PostgreSQL"]);
    assert_eq!(lib.jobs().unwrap().len(), 1);
    lib.delete_job(job.id).unwrap();
    assert!(lib.jobs().unwrap().is_empty());
    assert!(lib.job(job.id).is_err());
    assert!(lib.update_job(job.id, &reqs).is_err());
}

#[test]
fn resumes_parsed_before_jobs_existed_are_ranked_once_their_evidence_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Ana Lima\nana@example.com\n\nSkills\nKubernetes, Terraform\n";
    let id = {
        let lib = Library::open(dir.path()).unwrap();
        add_parsed(&lib, "ana.txt", text)
    };
    // Saving a parse reads no evidence (that would slow imports down); a library from before
    // this version has none either.
    let conn = rusqlite::Connection::open(dir.path().join("library.sqlite3")).unwrap();
    let rows: i64 = conn
        .query_row("SELECT count(*) FROM resume_evidence", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 0);
    conn.execute("DELETE FROM resume_evidence", []).unwrap();
    drop(conn);
    let lib = Library::open(dir.path()).unwrap();
    let reqs = read_ad("Requirements: k8s");
    let ranking = lib.rank(&reqs, &Filter::default()).unwrap();
    assert_eq!(ranking.ranked.len(), 1);
    assert_eq!((ranking.ranked[0].id, ranking.ranked[0].score), (id, 100));
    let fit = lib.fit(&reqs, id).unwrap().unwrap();
    assert_eq!(fit.lines[0].found, "skills: Kubernetes");
}

#[test]
fn a_skill_the_table_does_not_know_is_found_in_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path()).unwrap();
    for (n, text) in [
        "Ana Lima\n\nExperience\nData Engineer, Acme, 2020 - 2024\nBuilt dbt modelling pipelines\n",
        "Rui Costa\n\nSkills\nDbt Modelling, SQL\n",
        "Eva Mota\n\nSkills\nSQL\n",
    ]
    .iter()
    .enumerate()
    {
        add_parsed(&lib, &format!("{n}.txt"), text);
    }
    let mut reqs = Requirements::default();
    reqs.require("dbt modelling");
    let ranking = lib.rank(&reqs, &Filter::default()).unwrap();
    let ids: Vec<i64> = ranking.ranked.iter().map(|r| r.id).collect();
    let found: Vec<(u8, String)> = lib
        .fits(&reqs, &ids)
        .unwrap()
        .into_iter()
        .map(|f| f.unwrap())
        .map(|f| (f.score, f.lines[0].found.clone()))
        .collect();
    assert_eq!(
        found,
        [
            (100, "skills: Dbt Modelling".to_owned()),
            (60, "text: dbt modelling".to_owned()),
            (0, "not found".to_owned()),
        ]
    );
}

#[test]
fn a_corrected_place_moves_the_fit() {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path()).unwrap();
    let text = "Noor Haddad\nnoor.h@example.org\nPorto, Portugal\n\nSkills\nPython\n";
    let id = add_parsed(&lib, "noor.txt", text);
    let reqs = read_ad("Data Engineer\nLocation: Berlin, Germany\nRequirements: Python");
    let place = |lib: &Library| {
        let fit = lib.fit(&reqs, id).unwrap().unwrap();
        let line = fit
            .lines
            .iter()
            .find(|l| l.kind == cvdeck_match::LineKind::Place)
            .unwrap()
            .clone();
        (line.met, line.found)
    };
    assert_eq!(place(&lib), (false, "Porto, PT".to_owned()));
    // The card now says Berlin: the next ranking reads the corrected resume.
    lib.correct(
        id,
        cvdeck_engine::store::Field::Location,
        Some("Berlin, Germany"),
    )
    .unwrap();
    assert_eq!(place(&lib), (true, "Berlin, DE".to_owned()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_app_reads_new_resumes_evidence_after_their_import() {
    let input = tempfile::tempdir().unwrap();
    let library = tempfile::tempdir().unwrap();
    for (i, skills) in ["Kubernetes, Go", "Excel"].iter().enumerate() {
        std::fs::write(
            input.path().join(format!("{i}.txt")),
            format!("Person {i}\np{i}@example.org\n\nSkills\n{skills}\n"),
        )
        .unwrap();
    }
    let evidence_rows = || -> i64 {
        let conn = rusqlite::Connection::open(library.path().join("library.sqlite3")).unwrap();
        conn.query_row("SELECT count(*) FROM resume_evidence", [], |r| r.get(0))
            .unwrap()
    };
    let config = cvdeck_engine::EngineConfig {
        parallelism: 2,
        prepare_ranking: true,
        ..cvdeck_engine::EngineConfig::default()
    };
    let engine = cvdeck_engine::Engine::new(
        Library::open(library.path()).unwrap(),
        config,
        std::sync::Arc::new(|_| {}),
    );
    let summary = engine
        .import(vec![input.path().to_owned()])
        .await
        .unwrap()
        .finished()
        .await
        .unwrap();
    assert_eq!(summary.completed, 2);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while evidence_rows() < 2 {
        assert!(
            std::time::Instant::now() < deadline,
            "no evidence read after the import"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let reqs = read_ad("Requirements: Kubernetes");
    let ranking = engine.library().rank(&reqs, &Filter::default()).unwrap();
    assert_eq!(ranking.ranked[0].score, 100);
}
