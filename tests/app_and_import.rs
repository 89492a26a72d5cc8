//! The app and another process on one library: the real app (under Xvfb) imports what
//! arrives in its watched folder while this test's process imports the same files and more
//! from another folder, as `cvdeck-cli import` does, three times over. Every content ends
//! as one parsed row, nothing is left queued, and the database stays sound.

use cvdeck_engine::worker::{WorkerCommand, DEFAULT_MEMORY_LIMIT};
use cvdeck_engine::{Engine, EngineConfig, Library, Status};
use cvdeck_synth::SyntheticResume;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Stops the app when the test ends, however it ends.
struct App(Child);

impl Drop for App {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn wait_until(what: &str, limit: Duration, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn write_resumes(dir: &Path, seeds: std::ops::Range<u64>) {
    for seed in seeds {
        let text = SyntheticResume::generate(seed).to_text();
        std::fs::write(dir.join(format!("r{seed}.txt")), text).unwrap();
    }
}

/// (rows, rows not yet completed or failed), as a reader in this process sees them.
fn rows(library: &Library) -> (u64, u64) {
    let c = library.counts().unwrap();
    (c.total(), c.pending + c.processing)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_app_watching_a_folder_and_an_import_share_one_library() {
    assert!(
        std::env::var_os("DISPLAY").is_some(),
        "needs a display: run under xvfb-run (see README)"
    );
    let work = tempfile::tempdir().unwrap();
    let library_dir = work.path().join("library");
    let watched = work.path().join("watched");
    std::fs::create_dir_all(&watched).unwrap();
    Library::open(&library_dir)
        .unwrap()
        .add_watched_folder(&std::fs::canonicalize(&watched).unwrap())
        .unwrap();

    let _app = App(Command::new(env!("CARGO_BIN_EXE_cvdeck"))
        .arg("--library")
        .arg(&library_dir)
        .env("CVDECK_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap());
    // The app has the library open once it holds a lease in it.
    let owners = library_dir.join("owners");
    wait_until(
        "the app to open the library",
        Duration::from_secs(90),
        || std::fs::read_dir(&owners).is_ok_and(|d| d.count() > 0),
    );
    let config = EngineConfig {
        worker: Some(WorkerCommand {
            program: env!("CARGO_BIN_EXE_cvdeck").into(),
            memory_limit: DEFAULT_MEMORY_LIMIT,
        }),
        ..EngineConfig::default()
    };
    let engine = Engine::new(
        Library::open(&library_dir).unwrap(),
        config,
        Arc::new(|_| {}),
    );
    // The app's watch is live once a file dropped into the folder becomes a parsed row; one
    // dropped before the watch started stays a file nobody imports, so drop another.
    let deadline = Instant::now() + Duration::from_secs(90);
    for probe in 0.. {
        write_resumes(&watched, probe..probe + 1);
        std::thread::sleep(Duration::from_secs(2));
        if rows(engine.library()).0 > 0 {
            break;
        }
        assert!(Instant::now() < deadline, "the app never imported a probe");
    }
    wait_until("the probe to be parsed", Duration::from_secs(30), || {
        rows(engine.library()).1 == 0
    });

    let mut expected = rows(engine.library()).0;
    for round in 0..3u64 {
        let first = 100 + round * 100;
        let theirs = tempfile::tempdir_in(work.path()).unwrap();
        let ours = tempfile::tempdir_in(work.path()).unwrap();
        write_resumes(theirs.path(), first..first + 40);
        write_resumes(ours.path(), first..first + 60);
        // The app sees 40 files arrive; once it has queued them, this process imports the
        // same 40 and 20 more, parsing its own while the app parses its.
        for entry in std::fs::read_dir(theirs.path()).unwrap() {
            let entry = entry.unwrap();
            std::fs::rename(entry.path(), watched.join(entry.file_name())).unwrap();
        }
        wait_until(
            "the app to queue what arrived",
            Duration::from_secs(30),
            || rows(engine.library()).0 > expected,
        );
        let summary = engine
            .import(vec![ours.path().to_owned()])
            .await
            .unwrap()
            .finished()
            .await
            .unwrap();
        println!(
            "round {round}: this process parsed {} while the app parsed the {} it had queued",
            summary.completed, summary.duplicates
        );
        assert_eq!(summary.failed, 0, "round {round}: {summary:?}");
        assert_eq!(summary.left_pending, 0, "round {round}: {summary:?}");
        assert_eq!(
            summary.completed + summary.duplicates,
            60,
            "round {round}: {summary:?}"
        );
        expected += 60;
        wait_until(
            &format!("round {round} to settle at {expected} rows"),
            Duration::from_secs(60),
            || rows(engine.library()) == (expected, 0),
        );
    }
    let library = engine.library();
    assert_eq!(library.counts().unwrap().completed, expected);
    assert!(library.ids_with_status(Status::Failed).unwrap().is_empty());
    assert_eq!(library.integrity_check().unwrap(), "ok");
}
