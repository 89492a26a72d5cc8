//! The detail panel: every parsed field, warnings, the extracted text, and the actions.

use super::editable::Editable;
use super::jobs::FitSection;
use super::pages::OriginalPages;
use crate::browser;
use crate::ipc;
use crate::state::ToastKind;
use cvdeck_wire::{JobDto, ParseStatus, ResumeDetail, ResumeId};
use serde_json::Value;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// The panel's props.
#[derive(Properties, PartialEq)]
pub struct DetailProps {
    /// The resume shown.
    pub id: ResumeId,
    /// The card's last change: the panel reloads when it moves.
    pub version: i64,
    /// Close the panel.
    pub on_close: Callback<()>,
    /// Re-parse.
    pub on_retry: Callback<ResumeId>,
    /// Delete (with undo), given a label for the toast.
    pub on_delete: Callback<(ResumeId, String)>,
    /// Open another resume (a possible duplicate).
    pub on_open: Callback<ResumeId>,
    /// Say something.
    pub on_toast: Callback<(ToastKind, String)>,
    /// Its tags changed: fetch the card again.
    pub on_changed: Callback<ResumeId>,
    /// The job the grid is ranked against: the panel explains the fit to it.
    #[prop_or_default]
    pub job: Option<JobDto>,
    /// Bumped when that job's requirements change.
    #[prop_or_default]
    pub job_revision: u64,
}

fn text<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str).filter(|s| !s.is_empty())
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
}

/// "B.S. in Industrial Engineering": the degree, with its field only when the degree's
/// name does not already say it.
fn degree(e: &Value) -> String {
    match (text(e, "studyType"), text(e, "area")) {
        (Some(kind), Some(area)) if !kind.contains(area) => format!("{kind}, {area}"),
        (Some(kind), _) => kind.to_owned(),
        (None, area) => area.unwrap_or("").to_owned(),
    }
}

/// Highlights as the sentences they are: a printed line that goes on in lower case after a
/// line that did not end a sentence belongs to that line ("Led the move of billing to" + "the
/// new platform." is one point, not two). A capital starts a new point: bullets without full
/// stops are common.
fn sentences(highlights: &[Value]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in highlights.iter().filter_map(Value::as_str) {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let continues = line.chars().next().is_some_and(|c| c.is_lowercase())
            && out
                .last()
                .is_some_and(|last| !last.ends_with(['.', '!', '?', ':', ';']));
        match out.last_mut() {
            Some(last) if continues => {
                last.push(' ');
                last.push_str(line);
            }
            _ => out.push(line.to_owned()),
        }
    }
    out
}

fn dates(v: &Value) -> String {
    match (text(v, "startDate"), text(v, "endDate")) {
        (Some(s), Some(e)) => format!("{s} – {e}"),
        (Some(s), None) => format!("{s} – present"),
        (None, Some(e)) => e.to_owned(),
        (None, None) => String::new(),
    }
}

fn link(url: &str, label: &str, on_toast: &Callback<(ToastKind, String)>) -> Html {
    let (url_owned, on_toast) = (url.to_owned(), on_toast.clone());
    let onclick = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        let (url, on_toast) = (url_owned.clone(), on_toast.clone());
        spawn_local(async move {
            if let Err(e) = ipc::open_link(url).await {
                on_toast.emit((ToastKind::Error, e.message));
            }
        });
    });
    html! { <a href={url.to_owned()} onclick={onclick}>{ label }</a> }
}

/// A button's click that runs a command and says so when it fails.
fn calling<F, Fut>(on_toast: &Callback<(ToastKind, String)>, command: F) -> Callback<MouseEvent>
where
    F: Fn() -> Fut + 'static,
    Fut: std::future::Future<Output = Result<(), cvdeck_wire::CommandError>> + 'static,
{
    let on_toast = on_toast.clone();
    Callback::from(move |_| {
        let (on_toast, call) = (on_toast.clone(), command());
        spawn_local(async move {
            if let Err(e) = call.await {
                on_toast.emit((ToastKind::Error, e.message));
            }
        });
    })
}

/// The JSON Resume sections beyond work and education, each item as a name, a line of detail,
/// a date, a link and its bullet points.
const MORE_SECTIONS: &[(&str, &str)] = &[
    ("projects", "Projects"),
    ("certificates", "Certificates"),
    ("awards", "Awards"),
    ("publications", "Publications"),
    ("volunteer", "Volunteering"),
];

fn more_section(
    resume: &Value,
    key: &'static str,
    title: &'static str,
    on_toast: &Callback<(ToastKind, String)>,
) -> Html {
    let items = list(resume, key);
    if items.is_empty() {
        return Html::default();
    }
    html! {
        <section class={classes!("more", key)}><h3>{ title }</h3>
            { for items.iter().map(|item| {
                let name = text(item, "name").or(text(item, "title")).or(text(item, "organization")).unwrap_or("");
                let detail = ["position", "issuer", "awarder", "description", "summary"]
                    .iter()
                    .find_map(|k| text(item, k));
                let when = text(item, "date")
                    .or(text(item, "releaseDate"))
                    .map(str::to_owned)
                    .unwrap_or_else(|| dates(item));
                html! {
                    <div class="entry">
                        <div class="entry-title"><strong>{ name.to_owned() }</strong>
                            { detail.map(|d| format!(" — {d}")).unwrap_or_default() }</div>
                        if !when.is_empty() { <div class="muted">{ when }</div> }
                        if let Some(url) = text(item, "url") { <div>{ link(url, url, on_toast) }</div> }
                        <ul>{ for sentences(list(item, "highlights")).into_iter().map(|h| html! { <li>{ h }</li> }) }</ul>
                    </div>
                }
            }) }
        </section>
    }
}

/// The panel.
#[function_component(DetailPanel)]
pub fn detail_panel(props: &DetailProps) -> Html {
    let detail = use_state(|| None::<Result<ResumeDetail, String>>);
    {
        let detail = detail.clone();
        use_effect_with((props.id, props.version), move |(id, _)| {
            let id = *id;
            spawn_local(async move {
                detail.set(Some(ipc::get_resume(id).await.map_err(|e| e.message)));
            });
        });
    }
    let onkeydown = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                on_close.emit(());
            }
        })
    };
    let close = props.on_close.reform(|_: MouseEvent| ());
    let body = match &*detail {
        None => html! { <p class="muted">{ "Loading…" }</p> },
        Some(Err(message)) => html! { <p class="reason">{ message }</p> },
        Some(Ok(d)) => body(d, props),
    };
    html! {
        <aside class="detail" tabindex="-1" role="dialog" aria-label="Resume details" onkeydown={onkeydown}>
            <button class="close" aria-label="Close details" onclick={close}>{ "×" }</button>
            if let Some(job) = &props.job {
                <FitSection job={job.id} title={AttrValue::from(job.title.clone())}
                    revision={props.job_revision} id={props.id} version={props.version} />
            }
            { body }
        </aside>
    }
}

fn body(d: &ResumeDetail, props: &DetailProps) -> Html {
    let card = &d.card;
    let id = card.id;
    let empty = Value::Null;
    let resume = d.resume.as_ref().unwrap_or(&empty);
    let basics = resume.get("basics").unwrap_or(&empty);
    let title = card.name.clone().unwrap_or_else(|| card.file_name.clone());
    let on_toast = &props.on_toast;

    let open_original = calling(on_toast, move || ipc::open_original(id));
    let show_in_folder = calling(on_toast, move || ipc::show_in_folder(id));
    let retry = props.on_retry.reform(move |_: MouseEvent| id);
    let delete = {
        let label = title.clone();
        props
            .on_delete
            .reform(move |_: MouseEvent| (id, label.clone()))
    };
    let copy_email = card.email.clone().map(|email| {
        let on_toast = on_toast.clone();
        Callback::from(move |_: MouseEvent| {
            let (email, on_toast) = (email.clone(), on_toast.clone());
            spawn_local(async move {
                match browser::copy_text(&email).await {
                    Ok(()) => on_toast.emit((ToastKind::Success, format!("Copied {email}"))),
                    Err(e) => on_toast.emit((ToastKind::Error, format!("Cannot copy: {e}"))),
                }
            });
        })
    });

    let tag_call = |remove: bool| {
        let (on_toast, on_changed) = (on_toast.clone(), props.on_changed.clone());
        Callback::from(move |tag: String| {
            let (on_toast, on_changed) = (on_toast.clone(), on_changed.clone());
            spawn_local(async move {
                let done = if remove {
                    ipc::untag_resumes(vec![id], tag).await
                } else {
                    ipc::tag_resumes(vec![id], tag).await
                };
                match done {
                    Ok(_) => on_changed.emit(id),
                    Err(e) => on_toast.emit((ToastKind::Error, e.message)),
                }
            });
        })
    };
    let (add_tag, remove_tag) = (tag_call(false), tag_call(true));
    let on_tag_key = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            let tag = input.value().trim().to_owned();
            input.set_value("");
            if !tag.is_empty() {
                add_tag.emit(tag);
            }
        }
    });
    // A parsed field with its pencil (and its undo, once corrected by hand).
    let editable = |field: &'static str, value: Option<&str>, shown: Html| -> Html {
        html! {
            <Editable id={id} field={field} value={value.map(|v| AttrValue::from(v.to_owned()))}
                corrected={d.corrected.iter().any(|c| c == field)}
                on_changed={props.on_changed.clone()} on_toast={on_toast.clone()}>
                { shown }
            </Editable>
        }
    };
    let missing = || html! { <span class="muted">{ "—" }</span> };
    let contact =
        |label: &'static str, value: Html| html! { <><dt>{ label }</dt><dd>{ value }</dd></> };
    let mut contacts: Vec<Html> = Vec::new();
    let email = text(basics, "email");
    contacts.push(contact(
        "E-mail",
        editable(
            "email",
            email,
            email.map_or_else(missing, |e| link(&format!("mailto:{e}"), e, on_toast)),
        ),
    ));
    let phone = text(basics, "phone");
    contacts.push(contact(
        "Phone",
        editable("phone", phone, phone.map_or_else(missing, |p| html! { p })),
    ));
    if let Some(url) = text(basics, "url") {
        contacts.push(contact("Web", link(url, url, on_toast)));
    }
    let place = card.location.as_deref();
    contacts.push(contact(
        "Location",
        editable(
            "location",
            place,
            place.map_or_else(missing, |p| html! { p }),
        ),
    ));
    for p in list(basics, "profiles") {
        let network = text(p, "network").unwrap_or("Profile");
        let shown = text(p, "username").or(text(p, "url")).unwrap_or("");
        let value = match text(p, "url") {
            Some(url) => link(url, shown, on_toast),
            None => html! { shown },
        };
        contacts.push(html! { <><dt>{ network.to_owned() }</dt><dd>{ value }</dd></> });
    }

    let work = list(resume, "work");
    let education = list(resume, "education");
    let skills = list(resume, "skills");
    let languages = list(resume, "languages");
    let meta = resume.get("meta").unwrap_or(&empty);
    let warnings = list(meta, "warnings");
    let interests: Vec<&str> = list(resume, "interests")
        .iter()
        .filter_map(|i| text(i, "name"))
        .collect();
    let about_file = [
        Some(card.file_name.clone()),
        Some(d.format.clone().unwrap_or_else(|| "unknown format".into())),
        meta.get("pages")
            .and_then(Value::as_u64)
            .filter(|p| *p > 1)
            .map(|p| format!("{p} pages")),
        text(meta, "language").map(|l| crate::languages::name(l).to_owned()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    html! {
        <>
            <header>
                <h2>{ editable("name", card.name.as_deref(), html! { title.clone() }) }</h2>
                <p class="headline">{ editable("headline", card.headline.as_deref(),
                    card.headline.as_deref().map_or_else(missing, |h| html! { h })) }</p>
                <p class="muted">{ about_file }</p>
            </header>
            <div class="actions">
                <button class="open-original" onclick={open_original}>{ "Open original" }</button>
                <button class="show-in-folder" onclick={show_in_folder}>{ "Show in folder" }</button>
                if !card.status.is_active() {
                    <button class="reparse" onclick={retry}>{ if card.status == ParseStatus::Failed { "Retry parsing" } else { "Re-parse" } }</button>
                }
                if let Some(copy) = copy_email { <button class="copy-email" onclick={copy}>{ "Copy e-mail" }</button> }
                <button class="delete danger" onclick={delete}>{ "Delete" }</button>
            </div>
            if let Some(error) = &card.error {
                if card.status == ParseStatus::Failed {
                    <p class="reason">{ &error.message }</p>
                }
            }
            if !card.same_person.is_empty() {
                <p class="same-person-links">{ "Possibly the same person as " }
                    { for card.same_person.iter().map(|other| {
                        let other = *other;
                        let open = props.on_open.reform(move |_: MouseEvent| other);
                        html! { <button class="link" onclick={open}>{ format!("#{other}") }</button> }
                    }) }
                </p>
            }
            <div class="detail-tags" aria-label="Tags">
                { for card.tags.iter().map(|t| {
                    let (remove, tag) = (remove_tag.clone(), t.clone());
                    html! {
                        <button class="chip tag-chip" aria-label={format!("Remove tag {t}")}
                            onclick={Callback::from(move |_| remove.emit(tag.clone()))}>{ "#" }{ t }{ " ×" }</button>
                    }
                }) }
                <input class="tag-input" placeholder="+ tag" aria-label="Add a tag" onkeydown={on_tag_key} />
            </div>
            if !contacts.is_empty() { <dl class="contacts">{ for contacts }</dl> }
            if let Some(summary) = text(basics, "summary") { <section><h3>{ "Summary" }</h3><p>{ summary.to_owned() }</p></section> }
            if !work.is_empty() {
                <section class="work"><h3>{ "Experience" }
                    if let Some(m) = card.experience_months { <span class="muted">{ format!(" · {}", super::card::years(m)) }</span> }
                </h3>
                    { for work.iter().map(|w| html! {
                        <div class="entry">
                            <div class="entry-title"><strong>{ text(w, "position").unwrap_or("").to_owned() }</strong>
                                { text(w, "name").map(|n| format!(" — {n}")).unwrap_or_default() }</div>
                            <div class="muted">{ dates(w) }{ text(w, "location").map(|l| format!(" · {l}")).unwrap_or_default() }</div>
                            if let Some(s) = text(w, "summary") { <p>{ s.to_owned() }</p> }
                            <ul>{ for sentences(list(w, "highlights")).into_iter().map(|h| html! { <li>{ h }</li> }) }</ul>
                        </div>
                    }) }
                </section>
            }
            if !education.is_empty() {
                <section class="education"><h3>{ "Education" }</h3>
                    { for education.iter().map(|e| html! {
                        <div class="entry">
                            <div class="entry-title"><strong>{ degree(e) }</strong></div>
                            <div>{ text(e, "institution").unwrap_or("").to_owned() }</div>
                            <div class="muted">{ dates(e) }{ text(e, "score").map(|g| format!(" · grade {g}")).unwrap_or_default() }</div>
                            if !list(e, "courses").is_empty() {
                                <div class="muted">{ "Courses: " }{ list(e, "courses").iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", ") }</div>
                            }
                        </div>
                    }) }
                </section>
            }
            if !skills.is_empty() {
                <section class="skills-detail"><h3>{ "Skills" }</h3>
                    { for skills.iter().map(|g| {
                        let keywords: Vec<&str> = list(g, "keywords").iter().filter_map(Value::as_str).collect();
                        html! {
                            <div class="skill-group">
                                if keywords.is_empty() {
                                    <span class="chip">{ text(g, "name").unwrap_or("").to_owned() }</span>
                                } else {
                                    <span class="group-name">{ text(g, "name").unwrap_or("").to_owned() }</span>
                                    { for keywords.iter().map(|k| html! { <span class="chip">{ k.to_string() }</span> }) }
                                }
                            </div>
                        }
                    }) }
                </section>
            }
            { for MORE_SECTIONS.iter().map(|(key, title)| more_section(resume, key, title, on_toast)) }
            if !interests.is_empty() {
                <section class="interests"><h3>{ "Interests" }</h3>
                    { for interests.iter().map(|i| html! { <span class="chip">{ i.to_string() }</span> }) }
                </section>
            }
            if !languages.is_empty() {
                <section><h3>{ "Languages" }</h3>
                    <ul>{ for languages.iter().map(|l| html! {
                        <li>{ text(l, "language").unwrap_or("").to_owned() }{ text(l, "fluency").map(|f| format!(" — {f}")).unwrap_or_default() }</li>
                    }) }</ul>
                </section>
            }
            // The parsed fields first; the original's pages after them.
            if d.format.as_deref() == Some("pdf") {
                <OriginalPages id={id} />
            }
            if !warnings.is_empty() {
                <section class="warnings"><h3>{ "Parser notes" }</h3>
                    <ul>{ for warnings.iter().filter_map(Value::as_str).map(|w| html! { <li>{ w.to_owned() }</li> }) }</ul>
                </section>
            }
            if let Some(extracted) = &d.text {
                <details class="extracted"><summary>{ "Extracted text" }</summary><pre>{ extracted }</pre></details>
            }
            <p class="muted path">{ &d.original_path }</p>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::{degree, sentences};
    use serde_json::json;

    #[test]
    fn a_sentence_printed_over_two_lines_is_one_highlight() {
        let lines = json!([
            "Led the move of billing to",
            "the new Kubernetes platform and cut costs by a third.",
            "Mentored two engineers",
            "hired in 2022",
            "Ran the on-call rota.",
            "which nobody liked",
        ]);
        assert_eq!(
            sentences(lines.as_array().unwrap()),
            [
                "Led the move of billing to the new Kubernetes platform and cut costs by a third.",
                "Mentored two engineers hired in 2022",
                "Ran the on-call rota.",
                "which nobody liked",
            ]
        );
    }

    #[test]
    fn a_degree_repeated_its_field() {
        let e = json!({"studyType": "B.S. in Industrial Engineering", "area": "Industrial Engineering"});
        assert_eq!(degree(&e), "B.S. in Industrial Engineering");
        let e = json!({"studyType": "MBA", "area": "Marketing"});
        assert_eq!(degree(&e), "MBA, Marketing");
        assert_eq!(degree(&json!({"area": "Physics"})), "Physics");
    }
}
