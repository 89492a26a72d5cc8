//! The bar that appears while cards are marked: tag, retry, export or delete them all.

use crate::context::use_deck_dispatch;
use crate::state::{Action, ToastKind};
use crate::{actions, ipc};
use cvdeck_wire::{ExportFormat, ResumeId};
use std::collections::BTreeSet;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The bar's props.
#[derive(Properties, PartialEq)]
pub struct BulkBarProps {
    /// The marked cards.
    pub marked: Rc<BTreeSet<ResumeId>>,
    /// Cards the query shows.
    pub shown: usize,
}

/// Up to this many marked resumes are deleted (behind Undo) without a question.
const DELETE_WITHOUT_ASKING: usize = 3;

fn plural(n: usize) -> String {
    if n == 1 {
        "1 resume".to_owned()
    } else {
        format!("{n} resumes")
    }
}

/// The bulk bar.
#[function_component(BulkBar)]
pub fn bulk_bar(props: &BulkBarProps) -> Html {
    let ids: Vec<ResumeId> = props.marked.iter().copied().collect();
    let n = ids.len();
    let d = use_deck_dispatch();

    let on_tag_key = {
        let (ids, d) = (ids.clone(), d.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() != "Enter" {
                return;
            }
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let tag = input.value().trim().to_owned();
            if tag.is_empty() {
                return;
            }
            input.set_value("");
            let (ids, d) = (ids.clone(), d.clone());
            spawn_local(async move {
                match ipc::tag_resumes(ids.clone(), tag.clone()).await {
                    Ok(added) => {
                        d.dispatch(Action::Toast(
                            ToastKind::Success,
                            format!("Tagged {} “{tag}”", plural(added as usize)),
                        ));
                        actions::reload(&d, ids).await;
                    }
                    Err(e) => d.dispatch(Action::Toast(
                        ToastKind::Error,
                        format!("Tagging failed: {}", e.message),
                    )),
                }
            });
        })
    };
    let on_retry = {
        let (ids, d) = (ids.clone(), d.clone());
        Callback::from(move |_: MouseEvent| {
            let (ids, d) = (ids.clone(), d.clone());
            spawn_local(async move {
                match ipc::retry_resumes(ids).await {
                    Ok(queued) => d.dispatch(Action::Toast(
                        ToastKind::Info,
                        format!("Parsing {} again", plural(queued as usize)),
                    )),
                    Err(e) => d.dispatch(Action::Toast(
                        ToastKind::Error,
                        format!("Retry could not start: {}", e.message),
                    )),
                }
            });
        })
    };
    let export = |format: ExportFormat, label: &'static str, class: &'static str| {
        let (d, ids) = (d.clone(), ids.clone());
        let onclick = Callback::from(move |_: MouseEvent| actions::export(&d, ids.clone(), format));
        html! { <button class={classes!("export", class)} onclick={onclick}>{ label }</button> }
    };
    // More than a few resumes at once: asked once, in the bar, before they go behind Undo.
    let confirming = use_state(|| false);
    {
        let confirming = confirming.clone();
        use_effect_with(n, move |_| confirming.set(false));
    }
    let delete_now = {
        let (ids, d) = (ids.clone(), d.clone());
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::DeleteRequested(ids.clone(), plural(ids.len())))
        })
    };
    let on_delete = {
        let (confirming, delete_now) = (confirming.clone(), delete_now.clone());
        Callback::from(move |e: MouseEvent| {
            if n > DELETE_WITHOUT_ASKING {
                confirming.set(true);
            } else {
                delete_now.emit(e);
            }
        })
    };
    let on_cancel_delete = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let on_all = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::MarkAll))
    };
    let on_none = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Unmark))
    };
    html! {
        <div class="bulk-bar" role="toolbar" aria-label="Selected resumes">
            <strong class="marked-count">{ format!("{n} selected") }</strong>
            if n < props.shown {
                <button class="mark-all" onclick={on_all}>{ format!("Select all {}", props.shown) }</button>
            }
            <input class="tag-input" placeholder="+ tag, Enter" aria-label="Tag the selected resumes"
                onkeydown={on_tag_key} />
            <button class="bulk-retry" onclick={on_retry}>{ "Re-parse" }</button>
            // "Export" once, then one word per format: the bar stays short.
            <span class="export-label">{ "Export" }</span>
            { export(ExportFormat::Csv, "CSV", "bulk-csv") }
            { export(ExportFormat::ExcelCsv, "Excel", "bulk-excel") }
            { export(ExportFormat::JsonResume, "JSON", "bulk-json") }
            if *confirming {
                <span class="confirm-delete" role="alertdialog" aria-label={format!("Delete {}?", plural(n))}>
                    <strong>{ format!("Delete {}?", plural(n)) }</strong>
                    <button class="bulk-delete-confirm danger" onclick={delete_now}>{ "Delete" }</button>
                    <button class="bulk-delete-cancel" onclick={on_cancel_delete}>{ "Cancel" }</button>
                </span>
            } else {
                <button class="bulk-delete danger" onclick={on_delete}>{ "Delete" }</button>
            }
            <button class="unmark" onclick={on_none} title="Esc">{ "Clear selection" }</button>
        </div>
    }
}
