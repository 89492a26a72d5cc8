//! `cargo bench --bench grid`: the card grid with N resumes (default 100,000) in the real app
//! window (tauri-driver + WebKitWebDriver; run under Xvfb, as the README's bench command does).
//!
//! Prints: first grid paint after start (the UI's `cvdeck:first-cards` User Timing mark),
//! frame times while scrolling a screen per frame, how long cards take to show after a jump to
//! the middle, and the number of card and DOM nodes whatever N is. The library is filled once
//! (parsed synthetic resumes) and kept under `target/` for later runs.

#[path = "grid_measure.rs"]
mod grid_measure;
#[path = "../tests/window/mod.rs"]
mod window;

use cvdeck_engine::Library;
use cvdeck_synth::fill_library;
use std::time::Instant;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let count = grid_measure::card_count();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join(format!("bench-grid-library-{count}"));
    {
        let library = Library::open(&dir).expect("bench library");
        let t = Instant::now();
        let added = fill_library(&library, count, |n| eprint!("\rfilling {n}/{count}"))
            .expect("filling the library");
        if added > 0 {
            eprintln!(
                "\rfilled {added} resumes in {:.0} s",
                t.elapsed().as_secs_f64()
            );
        }
    }
    let session = window::Session::start(
        env!("CARGO_BIN_EXE_cvdeck"),
        &[("CVDECK_LIBRARY", dir.as_os_str())],
    )
    .await;
    let client = session.client.clone();
    grid_measure::measure(&client, count, "WebKitGTK under Xvfb, the real backend").await;
    let _ = client.close().await;
}
