//! The window comes back at the size the user left it: resized to 1000×700, the app starts
//! again at 1000×700 (it forgot and started at 1200×800), even when it did not quit normally.

mod window;

use fantoccini::Locator;
use std::ffi::OsStr;
use std::path::Path;

async fn start(library: &Path, config: &Path) -> window::Session {
    let env: [(&str, &OsStr); 2] = [
        ("CVDECK_LIBRARY", library.as_os_str()),
        ("XDG_CONFIG_HOME", config.as_os_str()),
    ];
    let session = window::Session::start(env!("CARGO_BIN_EXE_cvdeck"), &env).await;
    session
        .client
        .wait()
        .for_element(Locator::Css(".toolbar"))
        .await
        .expect("the toolbar renders");
    session
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_window_size_is_kept_across_a_restart() {
    let config = tempfile::tempdir().unwrap();
    let library = tempfile::tempdir().unwrap();
    let first = start(library.path(), config.path()).await;
    let size = first.client.get_window_size().await.unwrap();
    assert_eq!(size, (1200, 800), "the first start has the configured size");
    first.client.set_window_size(1000, 700).await.unwrap();
    // Kept soon after the resize, so that even an app that is killed (as the end of a
    // WebDriver session does) starts again at that size.
    let saved = config.path().join("app.cvdeck.desktop/.window-state.json");
    let mut kept = String::new();
    for _ in 0..100 {
        kept = std::fs::read_to_string(&saved).unwrap_or_default();
        if kept.contains("\"width\": 1000") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        kept.contains("\"width\": 1000"),
        "{}: {kept}",
        saved.display()
    );
    let _ = first.client.clone().close().await;
    drop(first);

    // Another library: the first window may linger a moment after its session ends, and a
    // second start on its library would hand its files over to it. The size is the app's.
    let other = tempfile::tempdir().unwrap();
    let second = start(other.path(), config.path()).await;
    assert_eq!(second.client.get_window_size().await.unwrap(), (1000, 700));
    let _ = second.client.clone().close().await;
}
