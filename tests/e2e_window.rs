//! End to end in the real window: tauri-driver + WebKitWebDriver drive the built app under
//! Xvfb (the README's test command provides the display and a session bus).

mod window;

use cvdeck_synth::{Language, Layout, SyntheticResume};
use fantoccini::Locator;
use serde_json::{json, Value};
use std::io::Read;
use std::process::{Command, Stdio};
use std::time::Duration;
use window::{click, drop_event, js, save_screenshot, wait_for, wait_for_js, Guard};

/// Records every status each card shows, keyed by file name, as the grid changes.
const RECORD_STATUSES: &str = r#"
window.__seen = {};
const record = () => document.querySelectorAll('.card').forEach(card => {
  const file = card.querySelector('.file').textContent;
  const seen = (window.__seen[file] ||= []);
  if (seen[seen.length - 1] !== card.dataset.status) seen.push(card.dataset.status);
});
new MutationObserver(record).observe(document.body, {subtree: true, childList: true, attributes: true, attributeFilter: ['data-status']});
record();
"#;

/// Checks at every frame the window draws that the status chips count the cards it shows
/// (a card hidden behind Undo counts as gone). Frames with a status chip chosen, or with a
/// card not loaded yet, say nothing and are skipped.
const CHECK_COUNTS_EVERY_FRAME: &str = r#"
window.__frames = 0;
window.__count_mismatches = [];
const checkCounts = () => {
  const cards = [...document.querySelectorAll('.card')];
  const chosen = document.querySelector('.status-chip.active');
  const all = document.querySelector('.status-chip.all .n');
  if (all && chosen && chosen.classList.contains('all') && cards.every(c => c.dataset.status)) {
    const chip = s => Number(document.querySelector(`.status-chip.${s} .n`).textContent);
    const of = s => cards.filter(c => c.dataset.status === s).length;
    const statuses = ['pending', 'processing', 'completed', 'failed'];
    const got = [Number(all.textContent), ...statuses.map(chip)];
    const want = [cards.length, ...statuses.map(of)];
    window.__frames++;
    if (got.join() !== want.join() && window.__count_mismatches.length < 20) {
      window.__count_mismatches.push({frame: window.__frames, chips: got, cards: want});
    }
  }
  requestAnimationFrame(checkCounts);
};
requestAnimationFrame(checkCounts);
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn import_drop_retry_and_notify_in_the_real_window() {
    assert!(
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
        "needs a session bus: run under dbus-run-session (see README)"
    );
    let library = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let dropped = tempfile::tempdir().unwrap();
    let exports = tempfile::tempdir().unwrap();
    let csv_path = exports.path().join("export.csv");

    let mut expected_names = Vec::new();
    for seed in 0..6u64 {
        // One of them in German, for the language filter.
        let r = match seed {
            5 => SyntheticResume::generate_in(100 + seed, Language::German),
            _ => SyntheticResume::generate(100 + seed),
        };
        let (name, bytes) = match seed % 3 {
            0 => (format!("resume-{seed}.pdf"), r.to_pdf(Layout::OneColumn)),
            1 => (format!("resume-{seed}.docx"), r.to_docx()),
            _ => (format!("resume-{seed}.pdf"), r.to_pdf(Layout::TwoColumn)),
        };
        std::fs::write(folder.path().join(&name), bytes).unwrap();
        expected_names.push((name, r.name));
    }
    std::fs::write(
        folder.path().join("corrupt.pdf"),
        b"%PDF-1.7\n1 0 obj << /Type /Catalog",
    )
    .unwrap();
    let dropped_resume = SyntheticResume::generate(200);
    std::fs::write(dropped.path().join("dropped.txt"), dropped_resume.to_text()).unwrap();

    // Watch the session bus for the native notification.
    let mut monitor = Command::new("dbus-monitor")
        .arg("interface='org.freedesktop.Notifications',member='Notify'")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("dbus-monitor (package dbus) is installed");
    let monitor_out = monitor.stdout.take().expect("piped stdout");
    let _monitor = Guard(monitor);
    let bus_log = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    {
        let bus_log = bus_log.clone();
        std::thread::spawn(move || {
            let mut reader = monitor_out;
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                bus_log
                    .lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
    }

    let session = window::Session::start(
        env!("CARGO_BIN_EXE_cvdeck"),
        &[
            ("CVDECK_LIBRARY", library.path().as_os_str()),
            ("CVDECK_SAVE_PATH", csv_path.as_os_str()),
            // Numbers as a German system writes them: Excel's CSV then separates with ";".
            ("LC_NUMERIC", std::ffi::OsStr::new("de_DE.UTF-8")),
        ],
    )
    .await;
    let client = session.client.clone();

    client
        .wait()
        .for_element(Locator::Css(".toolbar"))
        .await
        .expect("the toolbar renders");
    client
        .wait()
        .for_element(Locator::Css(".empty"))
        .await
        .expect("an empty library shows the empty state");
    js(&client, RECORD_STATUSES).await;
    js(&client, CHECK_COUNTS_EVERY_FRAME).await;

    // Import a folder the way a drop does.
    js(&client, &drop_event(&[folder.path()])).await;
    let seen = wait_for("every card to settle", Duration::from_secs(90), || {
        let client = client.clone();
        async move {
            let seen = js(&client, "return window.__seen;").await;
            let obj = seen.as_object()?;
            let settled = obj.len() == 7
                && obj.values().all(|v| {
                    matches!(
                        v.as_array().and_then(|a| a.last()).and_then(Value::as_str),
                        Some("completed" | "failed")
                    )
                });
            settled.then_some(seen)
        }
    })
    .await;
    for (file, _) in &expected_names {
        let statuses: Vec<&str> = seen[file]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert!(
            matches!(statuses.first(), Some(&"pending") | Some(&"processing")),
            "{file}: {statuses:?}"
        );
        assert_eq!(statuses.last(), Some(&"completed"), "{file}: {statuses:?}");
    }
    let names = js(&client, "return [...document.querySelectorAll('.card[data-status=completed] .name')].map(e => e.textContent).sort();").await;
    let mut expected: Vec<String> = expected_names.iter().map(|(_, n)| n.clone()).collect();
    expected.sort();
    assert_eq!(names, json!(expected));
    let reason = js(
        &client,
        "return document.querySelector('.card[data-status=failed] .reason').textContent;",
    )
    .await;
    assert!(
        reason.as_str().unwrap().starts_with("damaged PDF file"),
        "{reason}"
    );

    // The native notification for the finished import went over the session bus.
    wait_for("the import notification", Duration::from_secs(20), || {
        let log = bus_log.lock().unwrap().clone();
        async move {
            (log.contains("CV Deck: import finished") && log.contains("6 parsed, 1 failed"))
                .then_some(json!(true))
        }
    })
    .await;
    let toasts = js(
        &client,
        "return [...document.querySelectorAll('.toast')].map(t => t.textContent);",
    )
    .await;
    assert!(
        toasts.to_string().contains("6 parsed, 1 failed"),
        "{toasts}"
    );

    // The status chips count what the import did.
    wait_for("the chips' counts", Duration::from_secs(5), || {
        let client = client.clone();
        async move {
            let n = js(&client, "return ['all', 'pending', 'completed', 'failed'].map(c => { const e = document.querySelector(`.status-chip.${c} .n`); return e && e.textContent; });").await;
            (n == json!(["7", "0", "6", "1"])).then_some(n)
        }
    })
    .await;
    save_screenshot(&client, "grid.png").await;

    // A damaged file fails the same way every time: its card offers no Retry, its detail
    // panel does. Retried, the card flips to processing at once, then fails again.
    assert_eq!(
        js(
            &client,
            "return document.querySelectorAll('.card[data-status=failed] .retry').length;"
        )
        .await,
        json!(0)
    );
    click(&client, ".card[data-status=failed]").await;
    let retry = client
        .wait()
        .for_element(Locator::Css(".detail .reparse"))
        .await
        .expect("the panel offers Retry");
    js(&client, "window.__seen['corrupt.pdf'] = [];").await;
    retry.click().await.unwrap();
    let statuses = wait_for(
        "the retried card to fail again",
        Duration::from_secs(30),
        || {
            let client = client.clone();
            async move {
                let s = js(&client, "return window.__seen['corrupt.pdf'];").await;
                (s.as_array()?.last()?.as_str()? == "failed" && s.as_array()?.len() > 1)
                    .then_some(s)
            }
        },
    )
    .await;
    assert_eq!(statuses[0], "processing", "{statuses}");
    // The retry's toast names the file and why, not "0 parsed, 1 failed".
    wait_for("the retry's toast", Duration::from_secs(10), || {
        let client = client.clone();
        async move {
            let toasts = js(
                &client,
                "return [...document.querySelectorAll('.toast')].map(t => t.textContent).join('|');",
            )
            .await;
            toasts
                .as_str()?
                .contains("corrupt.pdf could not be parsed: damaged PDF file")
                .then_some(toasts)
        }
    })
    .await;
    click(&client, ".detail .close").await;

    // A dropped folder imports too.
    js(&client, &drop_event(&[dropped.path()])).await;
    let name = dropped_resume.name.clone();
    wait_for("the dropped resume's card", Duration::from_secs(30), || {
        let client = client.clone();
        let name = name.clone();
        async move {
            let names = js(&client, "return [...document.querySelectorAll('.card[data-status=completed] .name')].map(e => e.textContent);").await;
            names.as_array()?.iter().any(|n| n == name.as_str()).then_some(names)
        }
    })
    .await;
    let toast = format!("Resume for {} parsed successfully", dropped_resume.name);
    wait_for("the per-resume toast", Duration::from_secs(10), || {
        let client = client.clone();
        let toast = toast.clone();
        async move {
            js(&client, "return document.body.textContent;")
                .await
                .as_str()?
                .contains(&toast)
                .then_some(json!(true))
        }
    })
    .await;

    // Every import is over: no progress bar is left behind.
    wait_for_js(
        &client,
        "the progress bar to go",
        Duration::from_secs(5),
        "return document.querySelector('.progress') === null;",
        json!(true),
    )
    .await;

    // The chips agreed with the cards at every frame of both imports and the retry.
    let checked = js(
        &client,
        "return [window.__frames, window.__count_mismatches];",
    )
    .await;
    assert!(checked[0].as_u64().unwrap() > 10, "{checked}");
    assert_eq!(
        checked[1],
        json!([]),
        "frames whose counts disagreed with the cards"
    );

    // Search → filter → open the details from the keyboard → export what is shown.
    let wanted = SyntheticResume::generate(101);
    let family = wanted.name.split_whitespace().last().unwrap().to_owned();
    let prefix: String = family.chars().take(4).collect();
    client
        .find(Locator::Css("#search"))
        .await
        .unwrap()
        .send_keys(&prefix)
        .await
        .unwrap();
    let shown = wait_for(
        "the search to narrow the grid",
        Duration::from_secs(10),
        || {
            let client = client.clone();
            async move {
                let names = js(
                    &client,
                    "return [...document.querySelectorAll('.card .name')].map(e => e.textContent);",
                )
                .await;
                let names = names.as_array()?.clone();
                (!names.is_empty() && names.len() < 8).then_some(json!(names))
            }
        },
    )
    .await;
    assert!(
        shown
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n == wanted.name.as_str()),
        "{shown}"
    );
    let marks = js(
        &client,
        "return [...document.querySelectorAll('.card mark')].map(e => e.textContent);",
    )
    .await;
    assert!(
        marks
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m.as_str().unwrap().starts_with(&prefix)),
        "{marks}"
    );
    click(&client, ".status-chip.completed").await;
    wait_for("only completed cards", Duration::from_secs(10), || {
        let client = client.clone();
        async move {
            let statuses = js(
                &client,
                "return [...document.querySelectorAll('.card')].map(c => c.dataset.status);",
            )
            .await;
            let statuses = statuses.as_array()?.clone();
            (!statuses.is_empty() && statuses.iter().all(|s| s == "completed"))
                .then_some(json!(true))
        }
    })
    .await;
    let grid = client.find(Locator::Css(".grid-viewport")).await.unwrap();
    grid.click().await.unwrap();
    // Home selects the first card; Enter opens it.
    grid.send_keys("\u{E011}").await.unwrap();
    grid.send_keys("\u{E007}").await.unwrap();
    let title = wait_for("the detail panel", Duration::from_secs(10), || {
        let client = client.clone();
        async move {
            let t = js(
                &client,
                "const h = document.querySelector('.detail h2 .value'); return h && h.textContent;",
            )
            .await;
            t.as_str().map(|s| json!(s))
        }
    })
    .await;
    let detail_text = js(
        &client,
        "return document.querySelector('.detail').textContent;",
    )
    .await;
    assert!(
        shown.as_array().unwrap().contains(&title),
        "{title} opened, {shown} shown"
    );
    assert!(
        detail_text.as_str().unwrap().contains("Experience"),
        "{detail_text}"
    );
    save_screenshot(&client, "detail.png").await;
    click(&client, ".export.csv").await;
    let csv = wait_for("the CSV export", Duration::from_secs(20), || {
        let text = std::fs::read_to_string(&csv_path).ok();
        async move { text.map(|t| json!(t)) }
    })
    .await;
    let csv = csv.as_str().unwrap();
    assert!(csv.starts_with("id,name,email,"), "{csv}");
    assert!(csv.contains(wanted.email.as_str()), "{csv}");
    assert_eq!(
        csv.lines().count(),
        shown.as_array().unwrap().len() + 1,
        "{csv}"
    );
    // For Excel: a byte-order mark, and ";" where the locale writes decimal commas.
    std::fs::remove_file(&csv_path).unwrap();
    click(&client, ".export.excel").await;
    let excel = wait_for("the Excel export", Duration::from_secs(20), || {
        let text = std::fs::read_to_string(&csv_path).ok();
        async move { text.map(|t| json!(t)) }
    })
    .await;
    let excel = excel.as_str().unwrap();
    assert!(excel.starts_with("\u{FEFF}id;name;email;"), "{excel}");
    assert_eq!(excel.lines().count(), csv.lines().count(), "{excel}");
    // Escape closes the details.
    client
        .find(Locator::Css(".detail"))
        .await
        .unwrap()
        .send_keys("\u{E00C}")
        .await
        .unwrap();
    wait_for_js(
        &client,
        "the panel to close",
        Duration::from_secs(5),
        "return document.querySelector('.detail') === null;",
        json!(true),
    )
    .await;

    // Focus follows the user: after Escape the keys are the grid's again, on the card the
    // panel showed; a card clicked keeps them; "/" moves to the search box without typing.
    let selected = "const c = document.querySelector('.card.selected'); return c && c.dataset.id;";
    assert_eq!(
        js(&client, "return document.activeElement.id;").await,
        json!("grid"),
        "the grid has the focus after Escape"
    );
    let first = js(&client, selected).await;
    let press = |keys: &'static str| {
        let client = client.clone();
        async move {
            client
                .active_element()
                .await
                .unwrap()
                .send_keys(keys)
                .await
                .unwrap()
        }
    };
    press("\u{E014}").await; // ArrowRight
    let second = wait_for("ArrowRight after Escape", Duration::from_secs(5), || {
        let (client, first) = (client.clone(), first.clone());
        async move {
            let now = js(&client, selected).await;
            (now != first && now.is_string()).then_some(now)
        }
    })
    .await;
    click(&client, &format!("#card-{}", first.as_str().unwrap())).await;
    wait_for_js(
        &client,
        "the clicked card selected and open",
        Duration::from_secs(5),
        &format!(
            "const c = document.querySelector('.card.selected'); \
             return !!(c && c.dataset.id === '{}' && document.querySelector('.detail'));",
            first.as_str().unwrap()
        ),
        json!(true),
    )
    .await;
    press("\u{E014}").await;
    wait_for_js(
        &client,
        "ArrowRight after clicking a card",
        Duration::from_secs(5),
        &format!(
            "const c = document.querySelector('.card.selected'); \
             return !!c && c.dataset.id === '{}';",
            second.as_str().unwrap()
        ),
        json!(true),
    )
    .await;
    let typed_before = js(&client, "return document.getElementById('search').value;").await;
    press("/").await;
    wait_for_js(
        &client,
        "\"/\" focuses the search box and types nothing",
        Duration::from_secs(5),
        &format!(
            "return document.activeElement.id === 'search' && document.activeElement.value === {typed_before};"
        ),
        json!(true),
    )
    .await;
    click(&client, ".detail .close").await;
    wait_for_js(
        &client,
        "× closes the panel and gives the grid the keys",
        Duration::from_secs(5),
        "return document.querySelector('.detail') === null && document.activeElement.id === 'grid';",
        json!(true),
    )
    .await;

    // The language filter: only the German resume, then any language again.
    let german = SyntheticResume::generate_in(105, Language::German);
    click(&client, ".clear").await;
    let choose_language = |code: &'static str| {
        let client = client.clone();
        async move {
            js(
                &client,
                &format!(
                    "const s = document.querySelector('.language select'); if (!s) return false; \
                     s.value = '{code}'; s.dispatchEvent(new Event('change', {{bubbles: true}})); return true;"
                ),
            )
            .await
            .as_bool()
            .filter(|done| *done)
            .map(|_| json!(true))
        }
    };
    wait_for(
        "the language filter to offer German",
        Duration::from_secs(10),
        || choose_language("de"),
    )
    .await;
    let names = wait_for("only the German resume", Duration::from_secs(10), || {
        let client = client.clone();
        async move {
            let names = js(
                &client,
                "return [...document.querySelectorAll('.card .name')].map(e => e.textContent);",
            )
            .await;
            let names = names.as_array()?.clone();
            (names.len() == 1).then_some(json!(names))
        }
    })
    .await;
    assert_eq!(names, json!([german.name]));
    choose_language("").await;
    wait_for("every card back", Duration::from_secs(10), || {
        let client = client.clone();
        async move {
            let n = js(&client, "return document.querySelectorAll('.card').length;").await;
            (n.as_u64()? >= 7).then_some(n)
        }
    })
    .await;

    // Mark two cards (Ctrl-click), tag them from the bulk bar, filter by the tag, then
    // delete both and take it back. Marking moves nothing: the bulk bar appeared above the
    // grid and pushed every card down ~47 px, so the next click opened the wrong resume.
    let card_tops = "return [...document.querySelectorAll('.card')].slice(0, 8) \
        .map(c => [c.dataset.id, Math.round(c.getBoundingClientRect().top), \
                   Math.round(c.getBoundingClientRect().left)]);";
    let tops_before = js(&client, card_tops).await;
    let marked = js(
        &client,
        "const cards = [...document.querySelectorAll('.card.status-completed')].slice(0, 2); \
         cards.forEach(c => c.dispatchEvent(new MouseEvent('click', {bubbles: true, ctrlKey: true}))); \
         return cards.map(c => c.dataset.id);",
    )
    .await;
    assert_eq!(marked.as_array().map(Vec::len), Some(2), "{marked}");
    wait_for_js(
        &client,
        "the bulk bar",
        Duration::from_secs(5),
        "const b = document.querySelector('.bulk-bar .marked-count'); return b && b.textContent;",
        json!("2 selected"),
    )
    .await;
    assert_eq!(
        js(&client, card_tops).await,
        tops_before,
        "marking moved the cards"
    );
    save_screenshot(&client, "bulk.png").await;
    let tag_input = client
        .find(Locator::Css(".bulk-bar .tag-input"))
        .await
        .unwrap();
    tag_input.send_keys("Shortlist\u{E007}").await.unwrap();
    wait_for("the tag on both cards", Duration::from_secs(10), || {
        let client = client.clone();
        let marked = marked.clone();
        async move {
            let tagged = js(
                &client,
                "return [...document.querySelectorAll('.card')].filter(c => [...c.querySelectorAll('.tag')].some(t => t.textContent === 'Shortlist')).map(c => c.dataset.id);",
            )
            .await;
            (tagged == marked).then_some(tagged)
        }
    })
    .await;
    // Esc in the grid forgets the marks; the tag filter shows the two.
    client
        .find(Locator::Css(".grid-viewport"))
        .await
        .unwrap()
        .send_keys("\u{E00C}")
        .await
        .unwrap();
    wait_for_js(
        &client,
        "the bulk bar to go",
        Duration::from_secs(5),
        "return document.querySelector('.bulk-bar') === null;",
        json!(true),
    )
    .await;
    wait_for_js(
        &client,
        "the tag filter to offer the tag",
        Duration::from_secs(10),
        "const s = document.querySelector('.tag-select'); \
                 if (!s || ![...s.options].some(o => o.value === 'Shortlist')) return false; \
                 s.value = 'Shortlist'; s.dispatchEvent(new Event('change', {bubbles: true})); return true;",
        json!(true),
    )
    .await;
    wait_for("only the tagged cards", Duration::from_secs(10), || {
        let client = client.clone();
        let marked = marked.clone();
        async move {
            let ids = js(
                &client,
                "return [...document.querySelectorAll('.card')].map(c => c.dataset.id).sort();",
            )
            .await;
            let mut want: Vec<String> = marked
                .as_array()?
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect();
            want.sort();
            (ids == json!(want)).then_some(ids)
        }
    })
    .await;
    // Ctrl+A marks what the filter shows; Delete hides both; Undo brings them back.
    let grid = client.find(Locator::Css(".grid-viewport")).await.unwrap();
    grid.send_keys("\u{E009}a").await.unwrap();
    wait_for_js(
        &client,
        "both marked by Ctrl+A",
        Duration::from_secs(5),
        "return document.querySelectorAll('.card.marked').length;",
        json!(2),
    )
    .await;
    click(&client, ".bulk-delete").await;
    wait_for_js(
        &client,
        "both hidden, with an Undo",
        Duration::from_secs(5),
        "return [document.querySelectorAll('.card').length, !!document.querySelector('.toast-action')];",
        json!([0, true]),
    )
    .await;
    click(&client, ".toast-action").await;
    wait_for_js(
        &client,
        "both back after Undo",
        Duration::from_secs(5),
        "return document.querySelectorAll('.card').length;",
        json!(2),
    )
    .await;
    // Through the search, the filters, the delete behind Undo and the Undo, the chips still
    // agreed with the cards at every frame.
    let checked = js(
        &client,
        "return [window.__frames, window.__count_mismatches];",
    )
    .await;
    assert_eq!(
        checked[1],
        json!([]),
        "frames whose counts disagreed with the cards"
    );
    save_screenshot(&client, "tags.png").await;

    // A PDF's detail panel shows its first pages beside the fields.
    let pdf_card = js(
        &client,
        "const c = [...document.querySelectorAll('.card')].find(c => c.querySelector('.file').textContent.endsWith('.pdf')); \
         if (c) c.click(); return !!c;",
    )
    .await;
    assert_eq!(pdf_card, json!(true));
    wait_for("the original's pages drawn", Duration::from_secs(15), || {
        let client = client.clone();
        async move {
            let drawn = js(
                &client,
                "return [...document.querySelectorAll('.detail .original img.page')].filter(i => i.complete && i.naturalWidth > 0).length;",
            )
            .await;
            (drawn.as_u64()? >= 1).then_some(drawn)
        }
    })
    .await;
    save_screenshot(&client, "original.png").await;

    // Correct a name by hand in the detail panel; a re-parse keeps it; ↺ undoes it.
    let first = js(
        &client,
        "const c = document.querySelector('.card'); c.click(); \
         return [c.dataset.id, c.querySelector('.name').textContent];",
    )
    .await;
    let (card_id, parsed_name) = (
        first[0].as_str().unwrap().to_owned(),
        first[1].as_str().unwrap().to_owned(),
    );
    let card_name = move |client: fantoccini::Client, card_id: String| async move {
        js(
            &client,
            &format!("const c = document.querySelector('#card-{card_id} .name'); return c && c.textContent;"),
        )
        .await
    };
    client
        .wait()
        .for_element(Locator::Css(".detail .edit-field.name"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    client
        .wait()
        .for_element(Locator::Css(".detail input.edit.name"))
        .await
        .unwrap();
    // (WebDriver's clear() blurs the field, which cancels the edit: type as a person does.)
    js(
        &client,
        "const i = document.querySelector('.detail input.edit.name'); i.value = 'Corrected Name'; \
         i.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true})); return true;",
    )
    .await;
    wait_for(
        "the corrected name on the card",
        Duration::from_secs(10),
        || {
            let (client, card_id) = (client.clone(), card_id.clone());
            async move {
                let name = card_name(client, card_id).await;
                (name == json!("Corrected Name")).then_some(name)
            }
        },
    )
    .await;
    client
        .wait()
        .for_element(Locator::Css(".detail .reparse"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(
        "the re-parse to finish with the name kept",
        Duration::from_secs(20),
        || {
            let (client, card_id) = (client.clone(), card_id.clone());
            async move {
                let state = js(
                    &client,
                    &format!(
                        "const c = document.querySelector('#card-{card_id}'); \
                     return c && [c.dataset.status, c.querySelector('.name').textContent, \
                       !!document.querySelector('.detail .revert-field.name')];"
                    ),
                )
                .await;
                (state == json!(["completed", "Corrected Name", true])).then_some(state)
            }
        },
    )
    .await;
    click(&client, ".detail .revert-field.name").await;
    wait_for("the parsed name back", Duration::from_secs(10), || {
        let (client, card_id, parsed_name) = (client.clone(), card_id.clone(), parsed_name.clone());
        async move {
            let name = card_name(client, card_id).await;
            (name == json!(parsed_name)).then_some(name)
        }
    })
    .await;

    // About: versions, this library, the OCR tools found, the licences; Esc closes it and
    // leaves the detail panel open.
    click(&client, ".toolbar button.about").await;
    let about = wait_for("the About box", Duration::from_secs(10), || {
        let client = client.clone();
        async move {
            let about = js(
                &client,
                "const b = document.querySelector('.about-box');                  return b && b.querySelector('.version') && [b.querySelector('.version').textContent,                    b.querySelector('.library').textContent, b.querySelectorAll('.tool.found').length,                    b.querySelectorAll('.licences details').length, document.activeElement.className];",
            )
            .await;
            about.is_array().then_some(about)
        }
    })
    .await;
    assert_eq!(about[0], json!(env!("CARGO_PKG_VERSION")));
    assert_eq!(
        std::fs::canonicalize(about[1].as_str().unwrap()).unwrap(),
        std::fs::canonicalize(library.path()).unwrap()
    );
    assert_eq!(
        about[2],
        json!(2),
        "make test installs pdftoppm and tesseract"
    );
    assert!(about[3].as_u64().unwrap() > 5, "{about}");
    assert_eq!(about[4], json!("close"), "the close button has focus");
    save_screenshot(&client, "about.png").await;
    press("\u{E00C}").await;
    wait_for_js(
        &client,
        "the About box closed, the details still open",
        Duration::from_secs(5),
        "return !document.querySelector('.about-box') && !!document.querySelector('.detail');",
        json!(true),
    )
    .await;

    // At 800×600 the bars leave room for three rows of cards (the third begun: 176 px cards
    // cannot fit three whole rows under any bar), and the panel lies over the grid instead
    // of squeezing it. The bars took 285 of the 600 px: one and a half rows.
    press("\u{E00C}").await;
    if js(
        &client,
        "return !!document.querySelector('.filters .clear');",
    )
    .await
        == json!(true)
    {
        click(&client, ".filters .clear").await;
    }
    client.set_window_size(800, 600).await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    save_screenshot(&client, "narrow.png").await;
    wait_for("three rows of cards at 800×600", Duration::from_secs(10), || {
        let client = client.clone();
        async move {
            let rows = js(
                &client,
                "const v = document.querySelector('.grid-viewport').getBoundingClientRect(); \
                 const tops = new Set([...document.querySelectorAll('.card')] \
                   .map(c => c.getBoundingClientRect()) \
                   .filter(r => r.top >= v.top - 1 && r.top < v.bottom - 40).map(r => Math.round(r.top))); \
                 return [tops.size, Math.round(v.top), window.innerHeight];",
            )
            .await;
            (rows[0].as_u64()? >= 3).then_some(rows)
        }
    })
    .await;
    click(&client, ".card.status-completed").await;
    wait_for_js(
        &client,
        "the panel over the grid",
        Duration::from_secs(5),
        "const d = document.querySelector('.detail'); return !!d && getComputedStyle(d).position;",
        json!("absolute"),
    )
    .await;
    save_screenshot(&client, "narrow-detail.png").await;

    let _ = client.close().await;
}
