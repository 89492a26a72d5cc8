//! The shell's commands through Tauri's mock runtime, with the real config and capabilities.

use cvdeck_engine::Library;
use cvdeck_synth::{encrypted_pdf, Layout, SyntheticResume};
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow};

struct TestApp {
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    _library: tempfile::TempDir,
}

fn app() -> TestApp {
    let library = tempfile::tempdir().unwrap();
    let app = cvdeck_lib::with_commands(mock_builder())
        .plugin(tauri_plugin_notification::init())
        .build(tauri::generate_context!())
        .expect("app builds with the real context");
    // The real app binary is the parser worker, as in production.
    let worker = cvdeck_engine::worker::WorkerCommand {
        program: env!("CARGO_BIN_EXE_cvdeck").into(),
        memory_limit: cvdeck_engine::worker::DEFAULT_MEMORY_LIMIT,
    };
    cvdeck_lib::start_engine(
        app.handle(),
        Library::open(library.path()).unwrap(),
        Some(worker),
    );
    let window = match app.get_webview_window("main") {
        Some(w) => w,
        None => tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap(),
    };
    TestApp {
        _app: app,
        window,
        _library: library,
    }
}

fn invoke(t: &TestApp, cmd: &str, args: Value) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().unwrap(),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    tauri::test::get_ipc_response(&t.window, request).map(|b| b.deserialize::<Value>().unwrap())
}

fn wait_until_settled(t: &TestApp) -> Vec<Value> {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let page = invoke(
            t,
            "list_resumes",
            json!({"query": {}, "after": null, "limit": 100}),
        )
        .unwrap();
        let cards = page["cards"].as_array().unwrap().clone();
        if cards
            .iter()
            .all(|c| c["status"] == "completed" || c["status"] == "failed")
        {
            return cards;
        }
        assert!(
            Instant::now() < deadline,
            "import did not settle: {cards:?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn import_list_retry_and_errors_cross_as_code_and_message() {
    let t = app();
    let input = tempfile::tempdir().unwrap();
    let resume = SyntheticResume::generate(11);
    std::fs::write(
        input.path().join("jane.pdf"),
        resume.to_pdf(Layout::TwoColumn),
    )
    .unwrap();
    std::fs::write(input.path().join("locked.pdf"), encrypted_pdf("x", "pw")).unwrap();

    let started = invoke(&t, "import_paths", json!({"paths": [input.path()]})).unwrap();
    assert_eq!(started["queued"], 2);
    let cards = wait_until_settled(&t);
    let by_file = |f: &str| cards.iter().find(|c| c["file_name"] == f).unwrap().clone();
    assert_eq!(by_file("jane.pdf")["name"], resume.name.as_str());
    assert_eq!(by_file("jane.pdf")["skills"].as_array().unwrap().len(), 5);
    let locked = by_file("locked.pdf");
    assert_eq!(
        locked["error"],
        json!({"kind": "encrypted", "message": "encrypted PDF: password required"})
    );

    let counts = invoke(&t, "status_counts", json!({})).unwrap();
    assert_eq!(
        counts,
        json!({"pending": 0, "processing": 0, "completed": 1, "failed": 1})
    );

    let retried = invoke(&t, "retry_parsing", json!({"id": locked["id"]})).unwrap();
    assert_eq!(retried["status"], "pending");
    let cards = wait_until_settled(&t);
    let locked = cards
        .iter()
        .find(|c| c["file_name"] == "locked.pdf")
        .unwrap();
    assert_eq!(
        (locked["status"].as_str(), locked["attempts"].as_u64()),
        (Some("failed"), Some(2))
    );

    let polled = invoke(&t, "get_cards", json!({"ids": [locked["id"]]})).unwrap();
    assert_eq!(polled[0]["status"], "failed");

    // Search, filter and sort compose; the chips count everything but the status filter.
    let family = resume
        .name
        .split_whitespace()
        .last()
        .unwrap()
        .to_lowercase();
    let found = invoke(
        &t,
        "query_resumes",
        json!({"query": {"search": family, "status": "completed", "sort": "relevance"}}),
    )
    .unwrap();
    assert_eq!(found["ids"], json!([by_file("jane.pdf")["id"]]));
    let all = invoke(&t, "query_resumes", json!({"query": {"sort": "name"}})).unwrap();
    assert_eq!(all["ids"].as_array().unwrap().len(), 2);
    assert_eq!(
        all["counts"],
        json!({"pending": 0, "processing": 0, "completed": 1, "failed": 1})
    );
    let facets = invoke(&t, "skill_facets", json!({"query": {}})).unwrap();
    assert_eq!(facets.as_array().unwrap().len(), resume.skills.len());
    let first_page = invoke(
        &t,
        "list_resumes",
        json!({"query": {"sort": "oldest"}, "after": null, "limit": 1}),
    )
    .unwrap();
    assert_eq!(first_page["total"], 2);
    let second_page = invoke(
        &t,
        "list_resumes",
        json!({"query": {"sort": "oldest"}, "after": first_page["next"], "limit": 1}),
    )
    .unwrap();
    assert_eq!(second_page["cards"][0]["file_name"], "locked.pdf");
    assert_eq!(second_page["next"], Value::Null);

    let detail = invoke(&t, "get_resume", json!({"id": by_file("jane.pdf")["id"]})).unwrap();
    assert_eq!(detail["resume"]["basics"]["email"], resume.email.as_str());
    assert_eq!(detail["format"], "pdf");

    // Errors are {code, message}: the UI matches on code, never on text.
    let missing = invoke(&t, "get_resume", json!({"id": 999})).unwrap_err();
    assert_eq!(
        missing,
        json!({"code": "not_found", "message": "no resume with id 999"})
    );
    let relative = invoke(&t, "import_paths", json!({"paths": ["relative/dir"]})).unwrap_err();
    assert_eq!(relative["code"], "invalid_input");
    let busy = invoke(
        &t,
        "retry_parsing",
        json!({"id": by_file("jane.pdf")["id"]}),
    );
    assert!(busy.is_ok(), "a completed resume may be re-parsed");

    invoke(&t, "delete_resume", json!({"id": locked["id"]})).unwrap();
    let gone = invoke(&t, "get_resume", json!({"id": locked["id"]})).unwrap_err();
    assert_eq!(gone["code"], "not_found");
}

#[test]
fn watching_a_folder_imports_it_and_what_arrives_and_unwatching_forgets_it() {
    let t = app();
    assert_eq!(invoke(&t, "watched_folders", json!({})).unwrap(), json!([]));
    let left = invoke(&t, "unwatch_folder", json!({"path": "/nowhere"})).unwrap();
    assert_eq!(left, json!([]));

    // What the dialog command does once a folder is picked: import it, then watch it.
    let folder = tempfile::tempdir().unwrap();
    let first = SyntheticResume::generate(61);
    std::fs::write(folder.path().join("first.txt"), first.to_text()).unwrap();
    let state = t._app.state::<cvdeck_lib::AppState>();
    let watched = tauri::async_runtime::block_on(cvdeck_lib::api::watch_folder(
        &state.engine,
        &state.watches,
        folder.path().to_owned(),
    ))
    .unwrap();
    assert_eq!(watched, vec![folder.path().to_string_lossy().into_owned()]);
    let second = SyntheticResume::generate(62);
    std::fs::write(folder.path().join("second.txt"), second.to_text()).unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let cards = wait_until_settled(&t);
        let names: Vec<&str> = cards.iter().filter_map(|c| c["name"].as_str()).collect();
        if names.contains(&second.name.as_str()) && names.contains(&first.name.as_str()) {
            break;
        }
        assert!(Instant::now() < deadline, "{names:?}");
        std::thread::sleep(Duration::from_millis(200));
    }
    let left = invoke(
        &t,
        "unwatch_folder",
        json!({"path": folder.path().to_string_lossy()}),
    )
    .unwrap();
    assert_eq!(left, json!([]));
}

#[test]
fn capabilities_from_src_tauri_are_granted() {
    // App commands skip permission checks; a core plugin command does not, so this proves the
    // build script found src-tauri/capabilities.
    let t = app();
    let version = invoke(&t, "plugin:app|version", json!({})).unwrap();
    assert_eq!(version, env!("CARGO_PKG_VERSION"));
}

#[test]
fn about_names_the_versions_library_tools_and_licences() {
    let t = app();
    let about = invoke(&t, "about", json!({})).unwrap();
    assert_eq!(about["version"], env!("CARGO_PKG_VERSION"));
    assert!(about["parser_version"]
        .as_str()
        .unwrap()
        .contains(env!("CARGO_PKG_VERSION")));
    let library = std::fs::canonicalize(t._library.path()).unwrap();
    assert_eq!(
        std::fs::canonicalize(about["library"].as_str().unwrap()).unwrap(),
        library
    );
    let tools = about["tools"].as_array().unwrap();
    let names: Vec<&str> = tools.iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["poppler's pdftoppm", "Tesseract"]);
    // `make test` installs both.
    assert!(tools.iter().all(|t| t["path"].is_string()), "{tools:?}");
    let licences = about["licences"].as_array().unwrap();
    let software = |name: &str| {
        licences.iter().any(|l| {
            l["software"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s.as_str().unwrap().starts_with(&format!("{name} ")))
        })
    };
    assert!(software("tauri") && software("rusqlite") && software("yew"));
    assert!(licences.iter().any(|l| l["licence"] == "Apache-2.0 OR MIT"));
}

#[test]
fn a_job_ranks_the_query_and_explains_a_fit_through_the_commands() {
    let t = app();
    let input = tempfile::tempdir().unwrap();
    std::fs::write(
        input.path().join("lena.txt"),
        "Lena Hartmann\nlena.h@example.org\n\nSkills\nKubernetes, Docker\n",
    )
    .unwrap();
    std::fs::write(
        input.path().join("ravi.txt"),
        "Ravi Menon\nravi.m@example.org\n\nSkills\nDocker\n",
    )
    .unwrap();
    std::fs::write(input.path().join("locked.pdf"), encrypted_pdf("x", "pw")).unwrap();
    invoke(&t, "import_paths", json!({"paths": [input.path()]})).unwrap();
    let cards = wait_until_settled(&t);
    let id_of = |f: &str| cards.iter().find(|c| c["file_name"] == f).unwrap()["id"].clone();

    // Neither text nor file: a typed error, not an empty job.
    let refused = invoke(&t, "add_job", json!({"text": "  ", "path": null})).unwrap_err();
    assert_eq!(refused["code"], "invalid_input");

    let job = invoke(
        &t,
        "add_job",
        json!({"text": "SRE\nRequirements\n- k8s and Docker", "path": null}),
    )
    .unwrap();
    assert_eq!(
        job["requirements"]["required"],
        json!(["Kubernetes", "Docker"])
    );
    let result = invoke(
        &t,
        "query_resumes",
        json!({"query": {"job": job["id"], "sort": "fit"}}),
    )
    .unwrap();
    // Best fit first, the unparsed file last with no score.
    assert_eq!(
        result["ids"],
        json!([id_of("lena.txt"), id_of("ravi.txt"), id_of("locked.pdf")])
    );
    let scores: Vec<u64> = result["scores"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_u64().unwrap())
        .collect();
    assert!(scores[0] > scores[1] && scores[2] == 0, "{scores:?}");
    let filtered = invoke(
        &t,
        "query_resumes",
        json!({"query": {"job": job["id"], "sort": "fit", "all_required": true}}),
    )
    .unwrap();
    assert_eq!(filtered["ids"], json!([id_of("lena.txt")]));

    let fit = invoke(
        &t,
        "explain_fit",
        json!({"job": job["id"], "id": id_of("ravi.txt")}),
    )
    .unwrap();
    assert_eq!(fit["required_met"], 1);
    assert_eq!(fit["lines"][0]["asked"], "Kubernetes");
    assert_eq!(fit["lines"][0]["met"], false);

    // Corrected: Kubernetes only nice to have, written as people type it.
    let mut requirements = job["requirements"].clone();
    requirements["required"] = json!(["docker"]);
    requirements["nice"] = json!(["K8s"]);
    let edited = invoke(
        &t,
        "update_job",
        json!({"id": job["id"], "requirements": requirements}),
    )
    .unwrap();
    assert_eq!(edited["requirements"]["required"], json!(["Docker"]));
    assert_eq!(edited["requirements"]["nice"], json!(["Kubernetes"]));
    assert_eq!(
        invoke(&t, "list_jobs", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    invoke(&t, "delete_job", json!({"id": job["id"]})).unwrap();
    let gone = invoke(
        &t,
        "explain_fit",
        json!({"job": job["id"], "id": id_of("ravi.txt")}),
    )
    .unwrap_err();
    assert_eq!(gone["code"], "not_found");
}

#[test]
fn the_view_is_kept_in_the_library_for_the_next_start() {
    let t = app();
    assert_eq!(invoke(&t, "load_view", json!({})).unwrap(), Value::Null);
    let view = json!({"search": "rust", "status": "completed", "skills": ["Go"], "min_years": 2,
        "max_years": null, "language": "de", "tags": ["Shortlist"], "sort": "name",
        "job": null, "all_required": false, "min_score": null});
    invoke(&t, "save_view", json!({"query": view})).unwrap();
    assert_eq!(invoke(&t, "load_view", json!({})).unwrap(), view);
}
