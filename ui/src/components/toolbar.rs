//! Import buttons, progress and counts.

use super::about::AboutButton;
use crate::actions;
use crate::context::use_deck_dispatch;
use cvdeck_wire::PickKind;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub progress: Option<(u64, u64)>,
    /// An export under way: (written, total).
    pub exporting: Option<(u64, u64)>,
    pub failed: u64,
    /// Resumes waiting for or in a parser.
    pub waiting: usize,
    /// Watched folders.
    pub watched: std::rc::Rc<Vec<String>>,
    /// Show the keyboard shortcuts.
    #[prop_or_default]
    pub on_shortcuts: Callback<()>,
    /// More controls, after the import and watch buttons (the job picker).
    #[prop_or_default]
    pub children: Html,
}

/// The bar at the top of the window.
#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let d = use_deck_dispatch();
    let pick = |kind| {
        let d = d.clone();
        Callback::from(move |_| actions::pick_and_import(&d, kind))
    };
    let retry_failed = {
        let d = d.clone();
        Callback::from(move |_| actions::retry_all_failed(&d))
    };
    let watch = {
        let d = d.clone();
        Callback::from(move |_| actions::watch_folder(&d))
    };
    html! {
        <div class="toolbar" role="toolbar">
            <h1>{ "CV Deck" }</h1>
            <button class="import-folder" onclick={pick(PickKind::Folder)}>{ "Import folder…" }</button>
            <button class="import-files" onclick={pick(PickKind::Files)}>{ "Import files…" }</button>
            if props.failed > 0 {
                <button class="retry-all" onclick={retry_failed}>{ format!("Retry {} failed", props.failed) }</button>
            }
            <button class="watch-folder" title="Import new resumes from a folder as they arrive" onclick={watch}>{ "Watch folder…" }</button>
            { for props.watched.iter().map(|folder| {
                let name = folder.rsplit(['/', '\\']).find(|s| !s.is_empty()).unwrap_or(folder).to_owned();
                let (d, path) = (d.clone(), folder.clone());
                html! {
                    <span class="watched" title={format!("Watching {folder}")}>
                        { format!("👁 {name}") }
                        <button class="unwatch" aria-label={format!("Stop watching {folder}")}
                            onclick={Callback::from(move |_| actions::unwatch_folder(&d, path.clone()))}>{ "×" }</button>
                    </span>
                }
            }) }
            { props.children.clone() }
            <span class="spacer"></span>
            if let Some((done, total)) = props.progress {
                <div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax={total.to_string()} aria-valuenow={done.to_string()}>
                    <progress max={total.to_string()} value={done.to_string()}></progress>
                    <span class="progress-text">{ format!("{done} / {total}") }</span>
                </div>
            }
            if let Some((done, total)) = props.exporting {
                <div class="progress exporting" role="progressbar" aria-label="Export"
                    aria-valuemin="0" aria-valuemax={total.to_string()} aria-valuenow={done.to_string()}>
                    <progress max={total.to_string()} value={done.to_string()}></progress>
                    <span class="progress-text">{ format!("Exporting {done} / {total}") }</span>
                </div>
            }
            if props.waiting > 0 {
                <span class="waiting">{ match props.waiting {
                    1 => "Waiting for 1 resume…".to_owned(),
                    n => format!("Waiting for {n} resumes…"),
                } }</span>
            }
            <button class="shortcuts-button" title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts"
                onclick={props.on_shortcuts.reform(|_| ())}>{ "⌨" }</button>
            <AboutButton />
        </div>
    }
}
