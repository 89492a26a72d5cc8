//! The grid with thousands of cards in the real window: the DOM stays one screen of cards
//! plus overscan, the keyboard reaches the last card, search narrows it.

mod window;

use cvdeck_engine::Library;
use cvdeck_synth::fill_library;
use fantoccini::Locator;
use serde_json::json;
use std::time::Duration;
use window::{js, wait_for};

const CARDS: u64 = 3_000;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_large_library_renders_a_bounded_window_of_cards() {
    let library = tempfile::tempdir().unwrap();
    {
        let lib = Library::open(library.path()).unwrap();
        fill_library(&lib, CARDS, |_| {}).unwrap();
    }
    let session = window::Session::start(
        env!("CARGO_BIN_EXE_cvdeck"),
        &[("CVDECK_LIBRARY", library.path().as_os_str())],
    )
    .await;
    let client = session.client.clone();
    let count_cards = || {
        let client = client.clone();
        async move {
            js(
                &client,
                "return [document.querySelectorAll('.card').length, document.querySelectorAll('.card:not(.placeholder)').length];",
            )
            .await
        }
    };
    wait_for("the first cards", Duration::from_secs(30), || {
        let count = count_cards();
        async move {
            let n = count.await;
            (n[1].as_u64()? > 0).then_some(n)
        }
    })
    .await;
    let all = js(
        &client,
        "return document.querySelector('.status-chip.all .n').textContent;",
    )
    .await;
    assert_eq!(all, json!(CARDS.to_string()));
    let rendered = count_cards().await[0].as_u64().unwrap();
    assert!(
        (4..=80).contains(&rendered),
        "{rendered} cards in the DOM for {CARDS}"
    );

    // End goes to the last card (the oldest), which loads and shows; the DOM stays bounded.
    let grid = client.find(Locator::Css(".grid-viewport")).await.unwrap();
    grid.send_keys("\u{E010}").await.unwrap();
    let last = wait_for("the last card", Duration::from_secs(15), || {
        let client = client.clone();
        async move {
            let file = js(&client, "const c = document.querySelector('.card.selected .file'); return c && c.textContent;").await;
            file.as_str().map(|f| json!(f))
        }
    })
    .await;
    assert_eq!(last, json!("resume-000000.txt"));
    let rendered = count_cards().await[0].as_u64().unwrap();
    assert!(
        rendered <= 80,
        "{rendered} cards in the DOM after scrolling to the end"
    );

    // Search narrows the grid to the matches.
    let name = cvdeck_synth::SyntheticResume::generate(1234).name;
    client
        .find(Locator::Css("#search"))
        .await
        .unwrap()
        .send_keys(&name)
        .await
        .unwrap();
    wait_for("the search results", Duration::from_secs(15), || {
        let client = client.clone();
        let name = name.clone();
        async move {
            let names = js(&client, "return [...document.querySelectorAll('.card:not(.placeholder) .name')].map(e => e.textContent);").await;
            let names = names.as_array()?.clone();
            (!names.is_empty() && names.iter().all(|n| n.as_str() == Some(name.as_str())))
                .then_some(json!(names))
        }
    })
    .await;
    let _ = client.close().await;
}
