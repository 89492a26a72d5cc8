//! The grid measurements both grid benchmarks make, once a page shows the grid: first paint
//! (the UI's `cvdeck:first-cards` mark), animation frame rate, IPC round trips, frame times
//! while scrolling, a jump to the middle, and a burst of 1,000 status changes a second.

use super::window::{js, wait_for};
use serde_json::Value;
use std::time::Duration;

const SCROLL_FRAMES: usize = 120;

/// Scrolls the grid by `step` (a JS expression) every animation frame; returns the frame
/// times and the most card and DOM elements seen at once.
pub async fn scroll_run(client: &fantoccini::Client, step: &str) -> (Vec<f64>, u64, u64) {
    let script = format!(
        r#"
const done = arguments[arguments.length - 1];
const v = document.querySelector('.grid-viewport');
const times = []; let cards = 0, nodes = 0, last = 0, frames = 0;
function step(t) {{
  if (last) times.push(t - last);
  last = t;
  v.scrollTop += {step};
  cards = Math.max(cards, document.querySelectorAll('.card').length);
  nodes = Math.max(nodes, document.getElementsByTagName('*').length);
  if (++frames < {SCROLL_FRAMES}) requestAnimationFrame(step); else done({{times, cards, nodes}});
}}
requestAnimationFrame(step);
"#
    );
    let out = client
        .execute_async(&script, vec![])
        .await
        .expect("scroll script");
    let times = out["times"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default();
    (
        times,
        out["cards"].as_u64().unwrap_or(0),
        out["nodes"].as_u64().unwrap_or(0),
    )
}

pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// How many cards to measure with: `CVDECK_BENCH_CARDS`, else 100,000.
pub fn card_count() -> u64 {
    std::env::var("CVDECK_BENCH_CARDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000)
}

/// Prints every figure for the grid on `client`'s page, showing `count` cards; `setting`
/// names the browser and backend.
pub async fn measure(client: &fantoccini::Client, count: u64, setting: &str) {
    client
        .update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
            Some(Duration::from_secs(300)),
            None,
            None,
        ))
        .await
        .expect("script timeout");
    let first = wait_for("the first cards", Duration::from_secs(60), || {
        let client = client.clone();
        async move {
            let mark = js(&client, "const m = performance.getEntriesByName('cvdeck:first-cards')[0]; return m ? m.startTime : null;").await;
            mark.as_f64().map(Value::from)
        }
    })
    .await;
    println!("grid with {count} cards (this machine; {setting})");
    println!(
        "first grid paint after start: {:.0} ms (target ≤ 1000)",
        first.as_f64().unwrap_or(f64::NAN)
    );

    let rate = client
        .execute_async(
            "const done = arguments[arguments.length - 1]; let n = 0; const t0 = performance.now();
             function f() { n++; if (performance.now() - t0 < 1000) requestAnimationFrame(f); else done(n); }
             requestAnimationFrame(f);",
            vec![],
        )
        .await;
    println!(
        "animation frames in one idle second: {}",
        rate.unwrap_or_default()
    );
    let ipc = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             (async () => {
               const ids = Array.from({length: 40}, (_, i) => 50000 + i);
               let t = performance.now();
               await window.__TAURI__.core.invoke('get_cards', {ids});
               const cards = performance.now() - t;
               t = performance.now();
               await window.__TAURI__.core.invoke('query_resumes', {query: {}});
               const order = performance.now() - t;
               done({cards, order});
             })();",
            vec![],
        )
        .await;
    if let Ok(ipc) = ipc {
        println!(
            "IPC round trips: 40 cards {} ms; the order of all {count} ids {} ms",
            ipc["cards"], ipc["order"]
        );
    }
    for (what, step) in [
        ("wheel, 100 px a frame, cards loading", "100"),
        ("wheel, 100 px a frame, same cards again", "100"),
        ("fling, a screen a frame", "v.clientHeight"),
    ] {
        js(
            client,
            "document.querySelector('.grid-viewport').scrollTop = 0;",
        )
        .await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let run = scroll_run(client, step).await;
        let mut times = run.0;
        times.sort_by(f64::total_cmp);
        println!(
            "scroll {what}, {SCROLL_FRAMES} frames: frame time p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms, {} frames over 20 ms (target p95 ≤ 16; 16.7 is every 60 Hz frame on time); at most {} cards, {} DOM elements",
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            percentile(&times, 1.0),
            times.iter().filter(|t| **t > 20.0).count(),
            run.1,
            run.2
        );
    }
    let jump = client
        .execute_async(
            r#"
const done = arguments[arguments.length - 1];
const v = document.querySelector('.grid-viewport');
const start = performance.now();
v.scrollTop = v.scrollHeight / 2;
function check() {
  const shown = document.querySelectorAll('.card:not(.placeholder)').length;
  const waiting = document.querySelectorAll('.card.placeholder').length;
  if (shown > 0 && waiting === 0) done(performance.now() - start);
  else if (performance.now() - start > 10000) done(-1);
  else requestAnimationFrame(check);
}
requestAnimationFrame(check);
"#,
            vec![],
        )
        .await
        .expect("jump script");
    println!(
        "jump to the middle: cards shown after {:.0} ms",
        jump.as_f64().unwrap_or(f64::NAN)
    );
    // A burst of status changes: 1,000 cards a second for five seconds, as the shell sends
    // them (ten coalesced batches a second), while the grid is on screen.
    let burst = client
        .execute_async(
            &format!(
                r#"
const done = arguments[arguments.length - 1];
const emit = window.__TAURI__.event.emit;
const visible = [...document.querySelectorAll('.card[data-id]')].map(c => Number(c.dataset.id));
const times = []; let last = 0, running = true;
// Long tasks, where the browser reports them (Chromium does, WebKitGTK does not).
const long = {{supported: false, count: 0, longest: 0}};
if ((PerformanceObserver.supportedEntryTypes || []).includes('longtask')) {{
  new PerformanceObserver(list => list.getEntries().forEach(e => {{
    long.count++; long.longest = Math.max(long.longest, e.duration);
  }})).observe({{entryTypes: ['longtask']}});
  long.supported = true;
}}
function frame(t) {{ if (last) times.push(t - last); last = t; if (running) requestAnimationFrame(frame); }}
requestAnimationFrame(frame);
let batch = 0;
const timer = setInterval(() => {{
  const now = Date.now();
  const cards = [];
  for (let i = 0; i < 100; i++) {{
    const id = i < visible.length ? visible[i] : 1 + Math.floor(Math.random() * {count});
    cards.push({{id, file_name: `burst-${{id}}.pdf`, status: batch % 2 ? 'completed' : 'processing',
      name: `Burst ${{id}}`, headline: null, email: null, phone: null, location: null, skills: [],
      error: null, attempts: 1, updated_at: now + batch}});
  }}
  emit('resume://updated', {{cards}});
  if (++batch === 50) {{
    clearInterval(timer);
    setTimeout(() => {{ running = false; done({{times, long}}); }}, 1500);
  }}
}}, 100);
"#
            ),
            vec![],
        )
        .await
        .expect("burst script");
    let long = &burst["long"];
    let mut burst: Vec<f64> = burst["times"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default();
    burst.sort_by(f64::total_cmp);
    if !burst.is_empty() {
        let long_tasks = if long["supported"].as_bool() == Some(true) {
            format!(
                "{} long tasks (over 50 ms), longest {:.0} ms",
                long["count"],
                long["longest"].as_f64().unwrap_or(0.0)
            )
        } else {
            "long tasks not reported by this browser".to_owned()
        };
        println!(
            "1,000 status changes a second for 5 s (10 batches a second): frame time p50 {:.1} ms, p95 {:.1} ms, longest {:.1} ms; {long_tasks} (target: no task over 50 ms)",
            percentile(&burst, 0.5),
            percentile(&burst, 0.95),
            percentile(&burst, 1.0)
        );
    }
}
