//! End to end in the real window: a job read from an ad file dropped on the new-job dialog,
//! its scores on the cards, the explanation in the detail panel, the "all required" filter,
//! a requirement corrected, the top three tagged for a shortlist, and a bulk delete that asks
//! first and can be undone; and the shortcut list.

mod window;

use fantoccini::Locator;
use serde_json::{json, Value};
use std::time::Duration;
use window::{click, drop_event, js, save_screenshot, wait_for, wait_for_js};

/// Invented people: every required skill, two of three, one, none.
const RESUMES: [(&str, &str); 4] = [
    (
        "all.txt",
        "Marta Quintela\nmarta.q@example.org\nBerlin, Germany\n\nExperience\nPlatform Engineer, Nordwind GmbH, 01/2016 - present\n- Ran Kubernetes clusters\n\nSkills\nKubernetes, Terraform, Go, Docker\n",
    ),
    (
        "two.txt",
        "Owen Farrant\nowen.f@example.org\nLeeds, UK\n\nExperience\nDeveloper, Brightwater Ltd, 03/2019 - present\n\nSkills\nDocker, Go, Python\n",
    ),
    (
        "one.txt",
        "Sadia Rahman\nsadia.r@example.org\nLyon, France\n\nExperience\nAnalyst, Marlow SA, 2021 - 2024\n\nSkills\nTerraform, Excel\n",
    ),
    (
        "none.txt",
        "Inês Valadares\nines.v@example.org\nPorto, Portugal\n\nExperience\nNurse, Hospital Central, 2019 - 2023\n\nSkills\nPatient care\n",
    ),
];

const AD: &str = "Platform Engineer (m/w/d)\nStandort: Berlin\n\nAnforderungen\n- Kubernetes, Docker und Go\n- mindestens 5 Jahre Berufserfahrung\n\nWünschenswert\n- Terraform\n";

/// Each card's name and fit score, best first as the grid shows them.
const SCORES: &str = "return [...document.querySelectorAll('.card')] \
    .map(c => [c.getBoundingClientRect().top, c.getBoundingClientRect().left, c.querySelector('.name').textContent, \
               Number((c.querySelector('.fit-badge') || {dataset: {}}).dataset.score)]) \
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(r => [r[2], r[3]]);";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_job_from_a_dropped_ad_ranks_explains_filters_and_shortlists() {
    assert!(
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
        "needs a session bus: run under dbus-run-session (see README)"
    );
    let library = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let ads = tempfile::tempdir().unwrap();
    let exported = ads.path().join("exported-job.json");
    for (name, text) in RESUMES {
        std::fs::write(folder.path().join(name), text).unwrap();
    }
    let ad = ads.path().join("platform-engineer.txt");
    std::fs::write(&ad, AD).unwrap();

    let session = window::Session::start(
        env!("CARGO_BIN_EXE_cvdeck"),
        &[
            ("CVDECK_LIBRARY", library.path().as_os_str()),
            ("CVDECK_JOB_SAVE_PATH", exported.as_os_str()),
        ],
    )
    .await;
    let client = session.client.clone();
    client.set_window_size(1400, 900).await.unwrap();
    client
        .wait()
        .for_element(Locator::Css(".new-job"))
        .await
        .expect("the toolbar offers New job…");

    js(&client, &drop_event(&[folder.path()])).await;
    wait_for_js(
        &client,
        "four parsed cards",
        Duration::from_secs(90),
        "return document.querySelectorAll('.card[data-status=completed]').length;",
        json!(4),
    )
    .await;

    // "?" lists the keyboard shortcuts; Esc closes the list.
    client
        .find(Locator::Css(".grid-viewport"))
        .await
        .unwrap()
        .send_keys("?")
        .await
        .unwrap();
    wait_for_js(
        &client,
        "the shortcut list",
        Duration::from_secs(5),
        "return document.querySelectorAll('.modal.shortcuts dt').length > 5;",
        json!(true),
    )
    .await;
    client
        .find(Locator::Css(".modal.shortcuts .close"))
        .await
        .unwrap()
        .send_keys("\u{E00C}")
        .await
        .unwrap();
    wait_for_js(
        &client,
        "the shortcut list to close",
        Duration::from_secs(5),
        "return document.querySelector('.modal.shortcuts') === null;",
        json!(true),
    )
    .await;

    // New job…: the ad's file dropped on the dialog becomes the job, chosen at once.
    click(&client, ".new-job").await;
    client
        .wait()
        .for_element(Locator::Css(".new-job-dialog"))
        .await
        .expect("the new-job dialog opens");
    js(&client, &drop_event(&[&ad])).await;
    wait_for_js(
        &client,
        "the dialog to close on the new job",
        Duration::from_secs(30),
        "return document.querySelector('.new-job-dialog') === null \
            && document.querySelector('.job-select').selectedOptions[0].textContent;",
        json!("Platform Engineer"),
    )
    .await;
    let required = js(
        &client,
        "return [...document.querySelectorAll('.requirements:not(.nice) .chip.req')].map(c => c.dataset.skill);",
    )
    .await;
    assert_eq!(required, json!(["Kubernetes", "Docker", "Go"]));
    assert_eq!(
        js(
            &client,
            "return document.querySelector('.min-years-input').value;"
        )
        .await,
        json!("5")
    );

    // Every card carries its score, the best fit first.
    let ranked = wait_for(
        "the cards' scores, best first",
        Duration::from_secs(15),
        || {
            let client = client.clone();
            async move {
                let got = js(&client, SCORES).await;
                let rows = got.as_array()?.clone();
                let names: Vec<&str> = rows.iter().filter_map(|r| r[0].as_str()).collect();
                (rows.len() == 4
                    && rows.iter().all(|r| r[1].is_number())
                    && names
                        == [
                            "Marta Quintela",
                            "Owen Farrant",
                            "Sadia Rahman",
                            "Inês Valadares",
                        ])
                .then_some(got)
            }
        },
    )
    .await;
    let scores: Vec<u64> = ranked
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r[1].as_u64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] > w[1]), "{ranked}");
    assert!(scores[0] >= 90, "{ranked}");
    save_screenshot(&client, "job-ranked.png").await;

    // The explanation: each required skill met with the resume's words, or missing.
    js(
        &client,
        "[...document.querySelectorAll('.card')].find(c => c.querySelector('.name').textContent === 'Owen Farrant').click(); return true;",
    )
    .await;
    wait_for_js(
        &client,
        "the fit explained in the panel",
        Duration::from_secs(10),
        "return [...document.querySelectorAll('.detail .fit-line.required')] \
            .map(l => [l.querySelector('.asked').textContent, l.classList.contains('met'), l.querySelector('.found').textContent]);",
        json!([
            ["Kubernetes", false, "not found"],
            ["Docker", true, "skills: Docker"],
            ["Go", true, "skills: Go"],
        ]),
    )
    .await;
    save_screenshot(&client, "job-explained.png").await;
    click(&client, ".detail .close").await;

    // "All required": only the one who has every required skill.
    click(&client, ".all-required-input").await;
    wait_for_js(
        &client,
        "only the complete fit",
        Duration::from_secs(10),
        "return [...document.querySelectorAll('.card .name')].map(n => n.textContent);",
        json!(["Marta Quintela"]),
    )
    .await;
    click(&client, ".all-required-input").await;
    wait_for_js(
        &client,
        "every card again",
        Duration::from_secs(10),
        "return document.querySelectorAll('.card').length;",
        json!(4),
    )
    .await;

    // Corrected by hand: Kubernetes only nice to have; Owen then has every required skill.
    click(&client, ".chip.req.required[data-skill='Kubernetes'] .flip").await;
    wait_for_js(
        &client,
        "Kubernetes among the nice-to-haves",
        Duration::from_secs(10),
        "return [...document.querySelectorAll('.requirements.nice .chip.req')].map(c => c.dataset.skill).sort();",
        json!(["Kubernetes", "Terraform"]),
    )
    .await;
    click(&client, ".all-required-input").await;
    wait_for_js(
        &client,
        "two complete fits now",
        Duration::from_secs(10),
        "return [...document.querySelectorAll('.card .name')].map(n => n.textContent).sort();",
        json!(["Marta Quintela", "Owen Farrant"]),
    )
    .await;
    click(&client, ".all-required-input").await;

    // Tag the top three for the shortlist from the bulk bar.
    let top3 = wait_for("the ranking again", Duration::from_secs(10), || {
        let client = client.clone();
        async move {
            let ids = js(
                &client,
                "const cards = [...document.querySelectorAll('.card')]; if (cards.length !== 4) return null; \
                 return cards.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top \
                   || a.getBoundingClientRect().left - b.getBoundingClientRect().left).slice(0, 3).map(c => c.dataset.id);",
            )
            .await;
            ids.is_array().then_some(ids)
        }
    })
    .await;
    let script = format!(
        "{}.forEach(id => document.querySelector(`.card[data-id='${{id}}']`) \
            .dispatchEvent(new MouseEvent('click', {{bubbles: true, ctrlKey: true}}))); return true;",
        top3
    );
    js(&client, &script).await;
    wait_for_js(
        &client,
        "the bulk bar",
        Duration::from_secs(5),
        "const b = document.querySelector('.bulk-bar .marked-count'); return b && b.textContent;",
        json!("3 selected"),
    )
    .await;
    client
        .find(Locator::Css(".bulk-bar .tag-input"))
        .await
        .unwrap()
        .send_keys("Shortlist: Platform Berlin\u{E007}")
        .await
        .unwrap();
    wait_for("the tag on the top three", Duration::from_secs(10), || {
        let client = client.clone();
        let top3 = top3.clone();
        async move {
            let mut tagged: Vec<Value> = js(
                &client,
                "return [...document.querySelectorAll('.card')].filter(c => [...c.querySelectorAll('.tag')] \
                   .some(t => t.textContent === 'Shortlist: Platform Berlin')).map(c => c.dataset.id);",
            )
            .await
            .as_array()?
            .clone();
            let mut want = top3.as_array()?.clone();
            tagged.sort_by_key(|v| v.to_string());
            want.sort_by_key(|v| v.to_string());
            (tagged == want).then_some(json!(true))
        }
    })
    .await;

    // Title, languages and place are corrected in the bar too.
    client
        .find(Locator::Css(".add-language"))
        .await
        .unwrap()
        .send_keys("de B2\u{E007}")
        .await
        .unwrap();
    wait_for_js(
        &client,
        "the language chip",
        Duration::from_secs(10),
        "return [...document.querySelectorAll('.chip.language')].map(c => c.textContent);",
        json!(["German B2×"]),
    )
    .await;
    js(
        &client,
        "const t = document.querySelector('.job-title-input'); t.value = 'Platform Engineer (Berlin)'; \
         t.dispatchEvent(new Event('change', {bubbles: true})); return true;",
    )
    .await;
    wait_for_js(
        &client,
        "the new title in the job list",
        Duration::from_secs(10),
        "return document.querySelector('.job-select').selectedOptions[0].textContent;",
        json!("Platform Engineer (Berlin)"),
    )
    .await;
    click(&client, ".chip.language .remove").await;
    wait_for_js(
        &client,
        "the language gone",
        Duration::from_secs(10),
        "return document.querySelectorAll('.chip.language').length;",
        json!(0),
    )
    .await;

    // The job goes out as a JSON Resume job document.
    click(&client, ".export-job").await;
    wait_for("the exported job document", Duration::from_secs(10), || {
        let exported = exported.clone();
        async move {
            let doc: Value = serde_json::from_slice(&std::fs::read(&exported).ok()?).ok()?;
            (doc["title"] == "Platform Engineer (Berlin)").then_some(doc)
        }
    })
    .await;
    save_screenshot(&client, "job-shortlist.png").await;

    // Deleting more than three at once asks once, in the bar; the Undo toast outlasts the
    // others (10 s, not 6) and Undo brings every card back.
    click(&client, ".bulk-bar .mark-all").await;
    click(&client, ".bulk-bar .bulk-delete").await;
    wait_for_js(
        &client,
        "the question",
        Duration::from_secs(5),
        "const q = document.querySelector('.bulk-bar .confirm-delete strong'); return q && q.textContent;",
        json!("Delete 4 resumes?"),
    )
    .await;
    click(&client, ".bulk-bar .bulk-delete-cancel").await;
    assert_eq!(
        js(&client, "return document.querySelectorAll('.card').length;").await,
        json!(4),
        "Cancel deletes nothing"
    );
    click(&client, ".bulk-bar .bulk-delete").await;
    click(&client, ".bulk-bar .bulk-delete-confirm").await;
    wait_for_js(
        &client,
        "the cards behind Undo",
        Duration::from_secs(5),
        "return document.querySelectorAll('.card').length;",
        json!(0),
    )
    .await;
    tokio::time::sleep(Duration::from_secs(7)).await;
    click(&client, ".toast .toast-action").await;
    wait_for_js(
        &client,
        "the cards back",
        Duration::from_secs(10),
        "return document.querySelectorAll('.card').length;",
        json!(4),
    )
    .await;
    client.close().await.unwrap();
}
