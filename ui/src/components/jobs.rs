//! Jobs: the bar that chooses the job the grid is ranked against and edits its requirements,
//! the dialog that reads a new job from an ad (pasted, chosen or dropped), and the panel
//! section that explains one resume's fit.

use crate::context::{use_deck_dispatch, DeckDispatch};
use crate::state::{Action, ToastKind};
use crate::{drops, ipc, languages};
use cvdeck_wire::{
    FitDto, FitLineKind, JobDto, JobId, LanguageRequirementDto, QueryDto, RequirementsDto, ResumeId,
};
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

fn say(d: &DeckDispatch, kind: ToastKind, text: String) {
    d.dispatch(Action::Toast(kind, text));
}

/// Saves `requirements` as the job's and ranks again.
fn save(d: &DeckDispatch, id: JobId, requirements: RequirementsDto) {
    let d = d.clone();
    spawn_local(async move {
        match ipc::update_job(id, requirements).await {
            Ok(job) => d.dispatch(Action::JobSaved(job)),
            Err(e) => say(
                &d,
                ToastKind::Error,
                format!("Cannot save the job: {}", e.message),
            ),
        }
    });
}

/// The picker's and the bar's props.
#[derive(Properties, PartialEq)]
pub struct JobBarProps {
    /// The jobs kept.
    pub jobs: Rc<Vec<JobDto>>,
    /// The grid's query (its job and fit filters).
    pub query: QueryDto,
}

/// In the toolbar: which job ranks the grid, and New job….
#[function_component(JobPicker)]
pub fn job_picker(props: &JobBarProps) -> Html {
    let dialog = use_state(|| false);
    let d = use_deck_dispatch();
    let on_choose = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            d.dispatch(Action::ChooseJob(value.parse().ok()));
        })
    };
    let open_dialog = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| dialog.set(true))
    };
    let close_dialog = {
        let dialog = dialog.clone();
        Callback::from(move |_: ()| dialog.set(false))
    };
    let chosen = props
        .query
        .job
        .filter(|id| props.jobs.iter().any(|j| j.id == *id));
    html! {
        <span class="job-picker">
            if !props.jobs.is_empty() {
                <select class="job-select" aria-label="Rank against a job" title="Rank the resumes for a job" onchange={on_choose}>
                    <option value="" selected={chosen.is_none()}>{ "No job" }</option>
                    { for props.jobs.iter().map(|j| html! {
                        <option value={j.id.to_string()} selected={Some(j.id) == chosen}>{ &j.title }</option>
                    }) }
                </select>
            }
            <button class="new-job" title="Read a job ad and rank the resumes for it" onclick={open_dialog}>{ "New job…" }</button>
            if *dialog {
                <NewJobDialog on_close={close_dialog} />
            }
        </span>
    }
}

/// Under the toolbar while a job ranks the grid: what it asks, to correct, and the fit filters.
#[function_component(JobBar)]
pub fn job_bar(props: &JobBarProps) -> Html {
    let job = props
        .query
        .job
        .and_then(|id| props.jobs.iter().find(|j| j.id == id));
    match job {
        Some(job) => html! {
            <div class="job-bar" role="region" aria-label="Job">
                <Requirements job={job.clone()} query={props.query.clone()} />
            </div>
        },
        None => Html::default(),
    }
}

#[derive(Properties, PartialEq)]
struct RequirementsProps {
    job: JobDto,
    query: QueryDto,
}

/// The chosen job's requirements as chips a person corrects, and the fit filters.
#[function_component(Requirements)]
fn requirements(props: &RequirementsProps) -> Html {
    let job = &props.job;
    let reqs = &job.requirements;
    let dispatch = use_deck_dispatch();
    let d = &dispatch;
    let change = |edit: Rc<dyn Fn(&mut RequirementsDto)>| {
        let (d, id, reqs) = (d.clone(), job.id, reqs.clone());
        move || {
            let mut next = reqs.clone();
            edit(&mut next);
            save(&d, id, next);
        }
    };
    let chip = |skill: &String, required: bool| {
        let s = skill.clone();
        let flip = change(Rc::new(move |r: &mut RequirementsDto| {
            r.required.retain(|x| *x != s);
            r.nice.retain(|x| *x != s);
            if required {
                r.nice.push(s.clone());
            } else {
                r.required.push(s.clone());
            }
        }));
        let s = skill.clone();
        let remove = change(Rc::new(move |r: &mut RequirementsDto| {
            r.required.retain(|x| *x != s);
            r.nice.retain(|x| *x != s);
        }));
        let (flip_label, flip_mark) = if required {
            (format!("Make {skill} nice to have"), "↓")
        } else {
            (format!("Make {skill} required"), "↑")
        };
        html! {
            <li class={classes!("chip", "req", if required { "required" } else { "nice" })} data-skill={skill.clone()}>
                <span>{ skill }</span>
                <button class="flip" title={flip_label.clone()} aria-label={flip_label}
                    onclick={Callback::from(move |_: MouseEvent| flip())}>{ flip_mark }</button>
                <button class="remove" title={format!("Remove {skill}")} aria-label={format!("Remove {skill}")}
                    onclick={Callback::from(move |_: MouseEvent| remove())}>{ "×" }</button>
            </li>
        }
    };
    let on_add = {
        let (d, id, reqs) = (d.clone(), job.id, reqs.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() != "Enter" {
                return;
            }
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let skill = input.value().trim().to_owned();
            input.set_value("");
            if skill.is_empty() {
                return;
            }
            let mut next = reqs.clone();
            next.required.push(skill);
            save(&d, id, next);
        })
    };
    let on_years = {
        let (d, id, reqs) = (d.clone(), job.id, reqs.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut next = reqs.clone();
            next.min_years = value.trim().parse().ok().filter(|y: &u32| *y > 0);
            if next.min_years != reqs.min_years {
                save(&d, id, next);
            }
        })
    };
    let (all_required, min_score) = (props.query.all_required, props.query.min_score);
    let on_all_required = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            d.dispatch(Action::FitFilter(on, min_score));
        })
    };
    let on_min_score = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            d.dispatch(Action::FitFilter(all_required, value.trim().parse().ok()));
        })
    };
    let on_export = {
        let (d, id) = (d.clone(), job.id);
        Callback::from(move |_: MouseEvent| {
            let d = d.clone();
            spawn_local(async move {
                match ipc::export_job(id).await {
                    Ok(Some(path)) => {
                        say(&d, ToastKind::Success, format!("Job exported to {path}"))
                    }
                    Ok(None) => {}
                    Err(e) => say(
                        &d,
                        ToastKind::Error,
                        format!("Export failed: {}", e.message),
                    ),
                }
            });
        })
    };
    let on_delete = {
        let (d, id, title) = (d.clone(), job.id, job.title.clone());
        Callback::from(move |_: MouseEvent| {
            let (d, title) = (d.clone(), title.clone());
            spawn_local(async move {
                match ipc::delete_job(id).await {
                    Ok(()) => {
                        d.dispatch(Action::JobDeleted(id));
                        say(&d, ToastKind::Info, format!("Job “{title}” deleted"));
                    }
                    Err(e) => say(
                        &d,
                        ToastKind::Error,
                        format!("Cannot delete the job: {}", e.message),
                    ),
                }
            });
        })
    };
    // A text field that saves the requirements when it changes.
    let text_field = |edit: fn(&mut RequirementsDto, Option<String>)| {
        let (d, id, reqs) = (d.clone(), job.id, reqs.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            let value = Some(value.trim().to_owned()).filter(|v| !v.is_empty());
            let mut next = reqs.clone();
            edit(&mut next, value);
            if next != reqs {
                save(&d, id, next);
            }
        })
    };
    let on_title = text_field(|r, v| r.title = v);
    let on_place = text_field(|r, v| r.location = v);
    let on_remote = {
        let (d, id, reqs) = (d.clone(), job.id, reqs.clone());
        Callback::from(move |e: Event| {
            let mut next = reqs.clone();
            next.remote = e.target_unchecked_into::<HtmlInputElement>().checked();
            save(&d, id, next);
        })
    };
    let on_add_language = {
        let (d, id, reqs) = (d.clone(), job.id, reqs.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() != "Enter" {
                return;
            }
            let input = e.target_unchecked_into::<HtmlInputElement>();
            match parse_language(&input.value()) {
                Some(asked) => {
                    input.set_value("");
                    let mut next = reqs.clone();
                    next.languages.retain(|l| l.code != asked.code);
                    next.languages.push(asked);
                    save(&d, id, next);
                }
                None => say(
                    &d,
                    ToastKind::Error,
                    "Give a language as its two-letter code and, if you like, a level: de C1"
                        .to_owned(),
                ),
            }
        })
    };
    let language_chip = |l: &LanguageRequirementDto| {
        let code = l.code.clone();
        let remove = change(Rc::new(move |r: &mut RequirementsDto| {
            r.languages.retain(|x| x.code != code)
        }));
        let label = match l.level {
            Some(level) => format!("{} {}", languages::name(&l.code), cefr(level)),
            None => languages::name(&l.code).to_owned(),
        };
        html! {
            <li class="chip req language" data-language={l.code.clone()}>
                <span>{ label.clone() }</span>
                <button class="remove" title={format!("Remove {label}")} aria-label={format!("Remove {label}")}
                    onclick={Callback::from(move |_: MouseEvent| remove())}>{ "×" }</button>
            </li>
        }
    };
    html! {
        <>
            <input class="job-title-input" aria-label="Job title" placeholder="Title"
                value={reqs.title.clone().unwrap_or_default()} onchange={on_title} />
            <ul class="requirements" aria-label="Required skills">
                <li class="label">{ "Required" }</li>
                { for reqs.required.iter().map(|s| chip(s, true)) }
                <li><input class="add-skill" placeholder="Add a skill…" aria-label="Add a required skill" onkeydown={on_add} /></li>
            </ul>
            if !reqs.nice.is_empty() {
                <ul class="requirements nice" aria-label="Nice-to-have skills">
                    <li class="label">{ "Nice to have" }</li>
                    { for reqs.nice.iter().map(|s| chip(s, false)) }
                </ul>
            }
            <label class="min-years">{ "Years ≥ " }
                <input type="number" min="0" max="40" class="min-years-input" aria-label="Minimum years of experience"
                    value={reqs.min_years.map(|y| y.to_string()).unwrap_or_default()} onchange={on_years} />
            </label>
            <ul class="requirements languages" aria-label="Languages">
                { for reqs.languages.iter().map(language_chip) }
                <li><input class="add-language" placeholder="+ language" aria-label="Add a language, e.g. de C1"
                    title="A two-letter code and a level: de C1" onkeydown={on_add_language} /></li>
            </ul>
            <input class="job-place-input" aria-label="Place of work" placeholder="Place"
                value={reqs.location.clone().unwrap_or_default()} onchange={on_place} disabled={reqs.remote} />
            <label class="remote"><input type="checkbox" class="remote-input" checked={reqs.remote} onchange={on_remote} />{ " Remote" }</label>
            <label class="all-required"><input type="checkbox" class="all-required-input" checked={all_required} onchange={on_all_required} />{ " All required" }</label>
            <label class="min-score">{ "Score ≥ " }
                <input type="number" min="0" max="100" class="min-score-input" aria-label="Least score"
                    value={min_score.map(|s| s.to_string()).unwrap_or_default()} onchange={on_min_score} />
            </label>
            <button class="export-job" onclick={on_export}>{ "Export job…" }</button>
            <button class="delete-job danger" onclick={on_delete}>{ "Delete job" }</button>
        </>
    }
}

/// "de", "de C1", "DE:b2" as a language asked for; None when it is not one.
fn parse_language(text: &str) -> Option<LanguageRequirementDto> {
    let mut parts = text.split([' ', ':', ',']).filter(|p| !p.is_empty());
    let code = parts.next()?.to_ascii_lowercase();
    if code.len() != 2 || !code.chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    let level = match parts.next() {
        None => None,
        Some(level) => {
            let level = level.to_ascii_uppercase();
            let at = ["A1", "A2", "B1", "B2", "C1", "C2"]
                .iter()
                .position(|c| *c == level)?;
            Some(at as u8 + 1)
        }
    };
    parts
        .next()
        .is_none()
        .then_some(LanguageRequirementDto { code, level })
}

fn cefr(level: u8) -> &'static str {
    ["A1", "A2", "B1", "B2", "C1", "C2"][usize::from(level.clamp(1, 6) - 1)]
}

#[derive(Properties, PartialEq)]
struct NewJobProps {
    on_close: Callback<()>,
}

/// Reads a new job from its ad: pasted text, a chosen file, or a file dropped on the window.
#[function_component(NewJobDialog)]
fn new_job_dialog(props: &NewJobProps) -> Html {
    let text = use_node_ref();
    let busy = use_state(|| false);
    let dispatch = use_deck_dispatch();
    let added = {
        let (d, on_close, busy) = (dispatch.clone(), props.on_close.clone(), busy.clone());
        Callback::from(
            move |result: Result<Option<JobDto>, cvdeck_wire::CommandError>| {
                busy.set(false);
                match result {
                    Ok(Some(job)) => {
                        say(
                            &d,
                            ToastKind::Success,
                            format!("Ranking for “{}”", job.title),
                        );
                        d.dispatch(Action::JobSaved(job));
                        on_close.emit(());
                    }
                    Ok(None) => {}
                    Err(e) => say(
                        &d,
                        ToastKind::Error,
                        format!("Cannot read the ad: {}", e.message),
                    ),
                }
            },
        )
    };
    // Drops go to this dialog while it is open.
    {
        let (added, busy) = (added.clone(), busy.clone());
        use_effect_with((), move |_| {
            let target = Callback::from(move |paths: Vec<String>| {
                let Some(path) = paths.into_iter().next() else {
                    return;
                };
                busy.set(true);
                let added = added.clone();
                spawn_local(
                    async move { added.emit(ipc::add_job(None, Some(path)).await.map(Some)) },
                );
            });
            drops::set_target(Some(target));
            || drops::set_target(None)
        });
    }
    let on_read = {
        let (text, added, busy) = (text.clone(), added.clone(), busy.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(area) = text.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let ad = area.value();
            if ad.trim().is_empty() {
                return;
            }
            busy.set(true);
            let added = added.clone();
            spawn_local(async move { added.emit(ipc::add_job(Some(ad), None).await.map(Some)) });
        })
    };
    let on_choose = {
        let (added, busy) = (added.clone(), busy.clone());
        Callback::from(move |_: MouseEvent| {
            busy.set(true);
            let added = added.clone();
            spawn_local(async move { added.emit(ipc::pick_job_file().await) });
        })
    };
    let on_cancel = props.on_close.reform(|_: MouseEvent| ());
    let onkeydown = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                e.stop_propagation();
                on_close.emit(());
            }
        })
    };
    html! {
        <div class="modal-backdrop" onkeydown={onkeydown}>
            <div class="modal new-job-dialog" role="dialog" aria-modal="true" aria-label="New job">
                <h2>{ "New job" }</h2>
                <p class="muted">{ "Paste the job ad, choose its file (PDF, DOCX, text or a JSON Resume job document), or drop the file here. Its requirements are read on this computer; you can correct them after." }</p>
                <textarea ref={text} class="job-text" rows="12" aria-label="Job ad" placeholder="Backend Engineer&#10;Requirements&#10;- 5+ years of experience with Go and PostgreSQL&#10;Nice to have&#10;- Kubernetes" autofocus=true></textarea>
                <div class="dialog-actions">
                    <button class="read-ad primary" onclick={on_read} disabled={*busy}>{ "Read ad" }</button>
                    <button class="choose-ad" onclick={on_choose} disabled={*busy}>{ "Choose file…" }</button>
                    <span class="spacer"></span>
                    <button class="cancel" onclick={on_cancel}>{ "Cancel" }</button>
                </div>
            </div>
        </div>
    }
}

/// The panel section's props.
#[derive(Properties, PartialEq)]
pub struct FitSectionProps {
    /// The job the grid is ranked against.
    pub job: JobId,
    /// Its title.
    pub title: AttrValue,
    /// Bumped when its requirements change.
    pub revision: u64,
    /// The resume.
    pub id: ResumeId,
    /// The card's last change.
    pub version: i64,
}

/// Why this resume scores what it does: one line per requirement, with the resume's words.
#[function_component(FitSection)]
pub fn fit_section(props: &FitSectionProps) -> Html {
    let fit = use_state(|| None::<Result<Option<FitDto>, String>>);
    {
        let fit = fit.clone();
        use_effect_with(
            (props.job, props.id, props.version, props.revision),
            move |(job, id, _, _)| {
                let (job, id) = (*job, *id);
                spawn_local(async move {
                    fit.set(Some(ipc::explain_fit(job, id).await.map_err(|e| e.message)));
                });
            },
        );
    }
    let body = match &*fit {
        None => html! { <p class="muted">{ "Scoring…" }</p> },
        Some(Err(message)) => html! { <p class="reason">{ message }</p> },
        Some(Ok(None)) => html! { <p class="muted">{ "Not parsed: nothing to score yet." }</p> },
        Some(Ok(Some(fit))) => html! {
            <>
                <p class="fit-summary">
                    <span class="fit-score" aria-label={format!("Fit score {} of 100", fit.score)}>{ fit.score }</span>
                    { format!(" of 100 · {} of {} required skills", fit.required_met, fit.required_total) }
                </p>
                <ul class="fit-lines">
                    { for fit.lines.iter().map(|l| html! {
                        <li class={classes!("fit-line", if l.met { "met" } else { "missed" }, kind_class(l.kind))}>
                            <span class="mark" aria-label={if l.met { "met" } else { "missing" }}>{ if l.met { "✓" } else { "✗" } }</span>
                            <span class="asked">{ format!("{}{}", kind_label(l.kind), l.asked) }</span>
                            <span class="found">{ &l.found }</span>
                            <span class="points" title={format!("{:.1} of {:.1} points", l.points, l.max)}>{ format!("{:.0}/{:.0}", l.points, l.max) }</span>
                        </li>
                    }) }
                </ul>
            </>
        },
    };
    html! {
        <section class="fit">
            <h3>{ format!("Fit to “{}”", props.title) }</h3>
            { body }
        </section>
    }
}

fn kind_class(kind: FitLineKind) -> &'static str {
    match kind {
        FitLineKind::Required => "required",
        FitLineKind::Nice => "nice",
        FitLineKind::Title => "title",
        FitLineKind::Years => "years",
        FitLineKind::Language => "language",
        FitLineKind::Place => "place",
    }
}

fn kind_label(kind: FitLineKind) -> &'static str {
    match kind {
        FitLineKind::Required => "",
        FitLineKind::Nice => "Nice to have: ",
        FitLineKind::Title => "Title: ",
        FitLineKind::Years => "Experience: ",
        FitLineKind::Language => "Language: ",
        FitLineKind::Place => "Place: ",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_is_its_code_and_maybe_a_level() {
        let asked = |code: &str, level| {
            Some(LanguageRequirementDto {
                code: code.into(),
                level,
            })
        };
        assert_eq!(parse_language("de C1"), asked("de", Some(5)));
        assert_eq!(parse_language(" PT:b2 "), asked("pt", Some(4)));
        assert_eq!(parse_language("en"), asked("en", None));
        for bad in ["", "German", "de X9", "de C1 fluent", "d3"] {
            assert_eq!(parse_language(bad), None, "{bad}");
        }
    }
}
