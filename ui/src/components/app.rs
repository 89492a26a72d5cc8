//! The window: toolbar, grid, drop overlay, toasts. It owns the reducer, gives its
//! dispatcher to everything below through the context, and runs the window's effects (see
//! [`crate::hooks`]).

use super::bulk::BulkBar;
use super::detail::DetailPanel;
use super::filters::Filters;
use super::grid::Grid;
use super::jobs::{JobBar, JobPicker};
use super::shortcuts::Shortcuts;
use super::toasts::Toasts;
use super::toolbar::Toolbar;
use crate::context::DeckDispatch;
use crate::hooks;
use crate::state::{Action, Deck, MarkHow, ToastKind};
use crate::{actions, browser, drops, highlight};
use cvdeck_wire::{ExportFormat, ResumeId};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// The application root.
#[function_component(App)]
pub fn app() -> Html {
    let deck = use_reducer(Deck::default);
    let dispatch = deck.dispatcher();

    let live = hooks::use_backend_events(dispatch.clone());
    hooks::use_view(
        dispatch.clone(),
        deck.query.clone(),
        deck.refresh,
        deck.restored,
    );
    hooks::use_refresh_timer(dispatch.clone(), deck.stale, deck.is_unfiltered());
    hooks::use_counts(dispatch.clone(), deck.counts_refresh);
    hooks::use_library_at_start(dispatch.clone());
    let shortcuts = use_state(|| false);
    hooks::use_global_keys(dispatch.clone(), {
        let shortcuts = shortcuts.clone();
        Callback::from(move |()| shortcuts.set(true))
    });
    let on_need = hooks::use_card_loader(dispatch.clone());
    let active = deck.active_ids();
    hooks::use_polling(dispatch.clone(), active.clone());

    let on_retry = {
        let dispatch = dispatch.clone();
        use_callback((), move |id: ResumeId, _| actions::retry(&dispatch, id))
    };
    let on_open = {
        let dispatch = dispatch.clone();
        use_callback((), move |id: ResumeId, _| {
            dispatch.dispatch(Action::OpenDetail(id))
        })
    };
    let on_select = {
        let dispatch = dispatch.clone();
        use_callback((), move |id: ResumeId, _| {
            dispatch.dispatch(Action::Select(Some(id)))
        })
    };
    let on_delete = {
        let dispatch = dispatch.clone();
        use_callback((), move |(id, label): (ResumeId, String), _| {
            dispatch.dispatch(Action::DeleteRequested(vec![id], label))
        })
    };
    let on_changed = {
        let dispatch = dispatch.clone();
        use_callback((), move |id: ResumeId, _| {
            let d = dispatch.clone();
            spawn_local(async move { actions::reload(&d, vec![id]).await });
        })
    };
    let on_toast = {
        let dispatch = dispatch.clone();
        use_callback((), move |(kind, text): (ToastKind, String), _| {
            dispatch.dispatch(Action::Toast(kind, text))
        })
    };
    let on_close = {
        let dispatch = dispatch.clone();
        use_callback((), move |_: (), _| {
            dispatch.dispatch(Action::CloseDetail);
            // Back to the grid, on the card the panel showed.
            browser::focus("grid");
        })
    };
    let visible = deck.visible_order();
    let on_export = {
        let dispatch = dispatch.clone();
        use_callback(visible.clone(), move |format: ExportFormat, ids| {
            actions::export(&dispatch, ids.to_vec(), format)
        })
    };
    let on_mark = {
        let dispatch = dispatch.clone();
        use_callback((), move |(id, how): (ResumeId, MarkHow), _| {
            dispatch.dispatch(Action::Mark(id, how))
        })
    };
    let on_mark_all = {
        let dispatch = dispatch.clone();
        use_callback((), move |_: (), _| dispatch.dispatch(Action::MarkAll))
    };
    let on_unmark = {
        let dispatch = dispatch.clone();
        use_callback((), move |_: (), _| dispatch.dispatch(Action::Unmark))
    };
    let highlight = use_memo(deck.query.search.clone(), |search| {
        highlight::search_words(search.as_deref())
    });
    let detail_version = deck
        .detail
        .and_then(|id| deck.cards.get(&id))
        .map(|c| c.updated_at)
        .unwrap_or_default();

    let counts = deck.shown_counts();
    let empty = deck.loaded && deck.order.is_empty() && deck.is_unfiltered();
    html! {
        <ContextProvider<DeckDispatch> context={dispatch.clone()}>
            <div class={classes!("app", deck.detail.is_some().then_some("with-detail"))} data-live={live.to_string()}>
                <Toolbar
                    progress={deck.progress()}
                    exporting={deck.exporting}
                    failed={counts.failed}
                    waiting={((counts.pending + counts.processing) as usize).max(active.len())}
                    watched={deck.watched.clone()}
                    on_shortcuts={{
                        let shortcuts = shortcuts.clone();
                        Callback::from(move |()| shortcuts.set(true))
                    }}
                >
                    <JobPicker jobs={deck.jobs.clone()} query={deck.query.clone()} />
                </Toolbar>
                <JobBar jobs={deck.jobs.clone()} query={deck.query.clone()} />
                if empty {
                    <section class="empty">
                        <h2>{ "No resumes yet" }</h2>
                        <p>{ "Drag a folder or resume files (PDF, DOCX, ODT, RTF, text, scans) anywhere onto this window, or use the Import folder… and Import files… buttons." }</p>
                        <p class="muted">{ "Everything is parsed on this computer; nothing is uploaded." }</p>
                    </section>
                } else {
                    <Filters
                        query={deck.query.clone()}
                        counts={counts}
                        shown={visible.len()}
                        facets_version={deck.edits}
                        on_export={on_export}
                    />
                    <div class="body">
                        // The bulk bar floats over the grid's foot: marking a card moves nothing
                        // under the pointer.
                        <div class="grid-area">
                            if deck.loaded && visible.is_empty() {
                                <section class="no-match"><p>{ "No resume matches." }</p></section>
                            } else {
                                <Grid
                                    order={visible.clone()}
                                    cards={deck.cards.all().clone()}
                                    scores={deck.query.job.is_some().then(|| deck.scores.clone())}
                                    selected={deck.selected}
                                    marked={deck.marked.ids().clone()}
                                    on_mark={on_mark}
                                    on_mark_all={on_mark_all}
                                    on_unmark={on_unmark}
                                    highlight={highlight.clone()}
                                    generation={deck.query_generation}
                                    on_retry={on_retry.clone()}
                                    on_open={on_open.clone()}
                                    on_select={on_select}
                                    on_need={on_need}
                                />
                            }
                            if !deck.marked.is_empty() {
                                <BulkBar marked={deck.marked.ids().clone()} shown={visible.len()} />
                            }
                        </div>
                        if let Some(id) = deck.detail {
                            <DetailPanel
                                key={id}
                                id={id}
                                version={detail_version}
                                on_close={on_close}
                                on_retry={on_retry}
                                on_delete={on_delete}
                                on_open={on_open}
                                on_toast={on_toast}
                                on_changed={on_changed}
                                job={deck.job().cloned()}
                                job_revision={deck.job_revision}
                            />
                        }
                    </div>
                }
                if deck.dragging {
                    <div class="drop-overlay" aria-hidden="true"><div>{
                        if drops::target().is_some() { "Drop the job ad to read it" } else { "Drop resumes to import" }
                    }</div></div>
                }
                if *shortcuts {
                    <Shortcuts on_close={{
                        let shortcuts = shortcuts.clone();
                        Callback::from(move |()| {
                            shortcuts.set(false);
                            browser::focus("grid");
                        })
                    }} />
                }
                <Toasts toasts={deck.toasts.shown().to_vec()} />
            </div>
        </ContextProvider<DeckDispatch>>
    }
}
