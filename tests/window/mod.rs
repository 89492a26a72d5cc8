//! Driving the real app window: tauri-driver + WebKitWebDriver under Xvfb (the README's test
//! command provides the display and a session bus). Shared by the end-to-end tests and the
//! grid benchmark.

#![allow(dead_code)] // each user takes its own subset

use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Kills a child process on drop (tauri-driver wants SIGTERM so it stops WebKitWebDriver too).
pub struct Guard(pub Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.0.id().to_string())
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn tool(name: &str) -> PathBuf {
    let home_bin = std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo/bin").join(name));
    match home_bin.filter(|p| p.exists()) {
        Some(p) => p,
        None => PathBuf::from(name),
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

pub fn output_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/output");
    std::fs::create_dir_all(&dir).expect("test output folder");
    dir
}

pub async fn wait_for<F, Fut>(what: &str, timeout: Duration, mut check: F) -> Value
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<Value>>,
{
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(v) = check().await {
            return v;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// The script that drops `paths` on the window, as the desktop's drag and drop does.
pub fn drop_event(paths: &[&Path]) -> String {
    let paths: Vec<String> = paths
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    format!(
        "window.__TAURI__.event.emit('tauri://drag-drop', {});",
        json!({"paths": paths, "position": {"x": 10, "y": 10}})
    )
}

/// Saves a screenshot of the window as `tests/output/<name>`.
pub async fn save_screenshot(client: &Client, name: &str) {
    let png = client.screenshot().await.expect("screenshot");
    std::fs::write(output_dir().join(name), png).expect("screenshot written");
}

/// Clicks the element `css` finds.
pub async fn click(client: &Client, css: &str) {
    client
        .find(fantoccini::Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("cannot click {css}: {e}"));
}

/// Waits until `script`'s answer in the page equals `want`. On a timeout it says what the
/// page answered last and what it read, and leaves a screenshot in `tests/output/`.
pub async fn wait_for_js(
    client: &Client,
    what: &str,
    timeout: Duration,
    script: &str,
    want: Value,
) {
    let deadline = Instant::now() + timeout;
    loop {
        let got = js(client, script).await;
        if got == want {
            return;
        }
        if Instant::now() >= deadline {
            let shot = format!(
                "timeout-{}.png",
                what.replace(|c: char| !c.is_alphanumeric(), "-")
            );
            save_screenshot(client, &shot).await;
            let page = js(client, "return document.body.innerText.slice(0, 2000);").await;
            panic!("timed out waiting for {what}: the page answered {got}, not {want} (tests/output/{shot})\npage text: {page}");
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// A WebDriver session, once tauri-driver is up.
pub async fn connect(url: &str, caps: serde_json::Map<String, Value>) -> Client {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        match ClientBuilder::native()
            .capabilities(caps.clone())
            .connect(url)
            .await
        {
            Ok(client) => return client,
            Err(e) if Instant::now() > deadline => panic!("no WebDriver session: {e}"),
            Err(_) => tokio::time::sleep(Duration::from_millis(250)).await,
        }
    }
}

pub async fn js(client: &Client, script: &str) -> Value {
    client
        .execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
}

/// The app under tauri-driver with a WebDriver session on its window. Close the client at
/// the end; dropping the session stops tauri-driver (and with it the app).
pub struct Session {
    /// The WebDriver client.
    pub client: Client,
    _driver: Guard,
    /// The app's own settings folder (window size and place), unless the test gave one: one
    /// test's window must not start at the size another left.
    _config: Option<tempfile::TempDir>,
}

impl Session {
    /// Starts `app` with `env` under tauri-driver and connects.
    pub async fn start(app: &str, env: &[(&str, &OsStr)]) -> Session {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "needs a display: run under xvfb-run (see README)"
        );
        let port = free_port();
        let mut driver = Command::new(tool("tauri-driver"));
        driver
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &free_port().to_string(),
            ])
            .args(["--native-driver", "/usr/bin/WebKitWebDriver"])
            .env("TAURI_WEBVIEW_AUTOMATION", "true")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        for (k, v) in env {
            driver.env(k, v);
        }
        let config = (!env.iter().any(|(k, _)| *k == "XDG_CONFIG_HOME"))
            .then(|| tempfile::tempdir().expect("a temporary settings folder"));
        if let Some(config) = &config {
            driver.env("XDG_CONFIG_HOME", config.path());
        }
        let driver = Guard(
            driver
                .spawn()
                .expect("tauri-driver is installed (make test installs it)"),
        );
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("wry"));
        caps.insert("tauri:options".into(), json!({"application": app}));
        let client = connect(&format!("http://127.0.0.1:{port}"), caps).await;
        // Until the window listens, a dropped file is dropped on the floor.
        wait_for_js(
            &client,
            "the window to listen for events and drops",
            Duration::from_secs(60),
            "return document.querySelector('.app[data-live=true]') !== null;",
            json!(true),
        )
        .await;
        Session {
            client,
            _driver: driver,
            _config: config,
        }
    }
}
