//! `cargo bench --bench grid_web`: the same card grid, built for the web, in headless Chromium
//! (chromedriver) against a mock backend that answers the shell's commands from memory with N
//! cards (default 100,000). Separates the UI's own cost from WebKitGTK's software painting
//! under Xvfb, which `cargo bench --bench grid` measures with the real backend.
//!
//! The page is `ui/dist` (build it first: `scripts/build-ui.sh`), served from a local port,
//! with `mock-backend.js` loaded before the app.

#[path = "grid_measure.rs"]
mod grid_measure;
#[path = "../tests/window/mod.rs"]
mod window;

use serde_json::json;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// `window.__TAURI__` as the UI calls it: commands answered from `count` generated cards,
/// events delivered to the listeners in the page.
fn mock_backend(count: u64) -> String {
    format!(
        r#"// Stands in for the Tauri shell: {count} cards, answered from memory.
(() => {{
  const N = {count};
  const ids = Array.from({{length: N}}, (_, i) => N - i);
  const skills = ['Rust', 'Go', 'SQL', 'AWS', 'React', 'Python', 'Kubernetes', 'Docker'];
  const card = id => ({{
    id, file_name: `resume-${{id}}.pdf`, status: 'completed', name: `Person ${{id}}`,
    headline: 'Software Engineer', email: `person${{id}}@example.com`, phone: '+49 30 1234567',
    location: 'Berlin, Germany', skills: skills.slice(id % 4, id % 4 + 5), error: null, attempts: 1,
    updated_at: id, experience_months: id % 240, same_person: [], tags: [],
  }});
  const counts = {{pending: 0, processing: 0, completed: N, failed: 0}};
  const listeners = {{}};
  window.__TAURI__ = {{
    core: {{
      invoke: async (cmd, args) => {{
        switch (cmd) {{
          case 'query_resumes': return {{ids, counts}};
          case 'get_cards': return args.ids.map(card);
          case 'status_counts': return counts;
          case 'skill_facets': case 'language_facets': case 'tag_facets':
          case 'watched_folders': return [];
          default: throw {{code: 'internal', message: `${{cmd}}: not in the mock backend`}};
        }}
      }},
    }},
    event: {{
      listen: async (name, handler) => {{ (listeners[name] ||= []).push(handler); return () => {{}}; }},
      emit: async (name, payload) => {{ (listeners[name] || []).forEach(h => h({{event: name, payload}})); }},
    }},
  }};
}})();
"#
    )
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        _ => "application/octet-stream",
    }
}

/// Serves `ui/dist` (with the mock backend loaded first) on a local port, one request at a
/// time, for the life of the benchmark.
fn serve(dist: PathBuf, count: u64) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    let port = listener.local_addr().expect("its address").port();
    let mock = mock_backend(count);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(&stream);
            let mut request = String::new();
            if reader.read_line(&mut request).is_err() {
                continue;
            }
            // Headers are read and ignored.
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let path = request.split_whitespace().nth(1).unwrap_or("/");
            let path = path.split('?').next().unwrap_or("/");
            let (body, kind): (Vec<u8>, &str) = match path {
                "/" | "/index.html" => {
                    let index =
                        std::fs::read_to_string(dist.join("index.html")).unwrap_or_default();
                    let index = index.replace(
                        r#"<script type="module" src="boot.js"></script>"#,
                        r#"<script src="mock-backend.js"></script><script type="module" src="boot.js"></script>"#,
                    );
                    (index.into_bytes(), "text/html; charset=utf-8")
                }
                "/mock-backend.js" => (mock.clone().into_bytes(), "text/javascript"),
                other => {
                    let file = dist.join(other.trim_start_matches('/'));
                    match std::fs::read(&file) {
                        Ok(bytes) if file.starts_with(&dist) => (bytes, content_type(&file)),
                        _ => {
                            let _ = (&stream).write_all(
                                b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                            );
                            continue;
                        }
                    }
                }
            };
            let header = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = (&stream).write_all(header.as_bytes());
            let _ = (&stream).write_all(&body);
        }
    });
    port
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let count = grid_measure::card_count();
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/dist");
    assert!(
        dist.join("cvdeck-ui_bg.wasm").is_file(),
        "build the UI first: scripts/build-ui.sh"
    );
    let port = serve(dist, count);
    let driver_port = window::free_port();
    let _driver = window::Guard(
        Command::new(std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into()))
            .arg(format!("--port={driver_port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver (Debian's chromium-driver; make bench installs it)"),
    );
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), json!("chrome"));
    caps.insert(
        "goog:chromeOptions".into(),
        json!({"args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,800"]}),
    );
    let client = window::connect(&format!("http://127.0.0.1:{driver_port}"), caps).await;
    client
        .goto(&format!("http://127.0.0.1:{port}/"))
        .await
        .expect("the page loads");
    grid_measure::measure(
        &client,
        count,
        "headless Chromium, software raster, the mock backend",
    )
    .await;
    let _ = client.close().await;
}
