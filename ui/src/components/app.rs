//! The window: toolbar, grid, drop overlay, toasts; wiring between the reducer and the shell.

use super::card::CardView;
use super::toasts::Toasts;
use super::toolbar::Toolbar;
use crate::ipc;
use crate::state::{Action, Deck, ToastKind};
use cvdeck_wire::events::{
    self as names, DragDropPayload, ImportFinished, ImportProgress, ResumeBatch,
};
use cvdeck_wire::{ImportStarted, ParseStatus, PickKind, ResumeId};
use gloo_timers::callback::Interval;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// How often the polling fallback asks about cards still in flight.
const POLL_MS: u32 = 5000;
/// Most ids one poll asks about (the shell's page limit).
const POLL_BATCH: usize = 1000;
/// Cards loaded at start.
const FIRST_PAGE: u32 = 1000;

fn report_import(
    dispatch: &UseReducerDispatcher<Deck>,
    result: Result<ImportStarted, cvdeck_wire::CommandError>,
) {
    match result {
        Ok(started) => dispatch.dispatch(Action::ImportStarted(started)),
        Err(e) => dispatch.dispatch(Action::Toast(
            ToastKind::Error,
            format!("Import failed: {}", e.message),
        )),
    }
}

/// The application root.
#[function_component(App)]
pub fn app() -> Html {
    let deck = use_reducer(Deck::default);
    let dispatch = deck.dispatcher();

    // Listen first, then load, so nothing that happens in between is missed.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                let listeners = [
                    {
                        let d = dispatch.clone();
                        ipc::listen(names::RESUME_UPDATED, move |b: ResumeBatch| {
                            d.dispatch(Action::Apply(b.cards))
                        })
                        .await
                    },
                    {
                        let d = dispatch.clone();
                        ipc::listen(names::IMPORT_PROGRESS, move |p: ImportProgress| {
                            d.dispatch(Action::Progress(p))
                        })
                        .await
                    },
                    {
                        let d = dispatch.clone();
                        ipc::listen(names::IMPORT_FINISHED, move |f: ImportFinished| {
                            d.dispatch(Action::ImportFinished(f))
                        })
                        .await
                    },
                    {
                        let d = dispatch.clone();
                        ipc::listen(names::DRAG_ENTER, move |_: serde_json::Value| {
                            d.dispatch(Action::Dragging(true))
                        })
                        .await
                    },
                    {
                        let d = dispatch.clone();
                        ipc::listen(names::DRAG_LEAVE, move |_: serde_json::Value| {
                            d.dispatch(Action::Dragging(false))
                        })
                        .await
                    },
                    {
                        let d = dispatch.clone();
                        ipc::listen(names::DRAG_DROP, move |drop: DragDropPayload| {
                            d.dispatch(Action::Dragging(false));
                            let d = d.clone();
                            spawn_local(async move {
                                report_import(&d, ipc::import_paths(drop.paths).await);
                            });
                        })
                        .await
                    },
                ];
                if let Some(Err(e)) = listeners.into_iter().find(Result::is_err) {
                    dispatch.dispatch(Action::Toast(
                        ToastKind::Error,
                        format!("Live updates are off: {}", e.message),
                    ));
                }
                match ipc::list_resumes(None, 0, FIRST_PAGE).await {
                    Ok(page) => dispatch.dispatch(Action::Loaded(page.cards)),
                    Err(e) => dispatch.dispatch(Action::Toast(
                        ToastKind::Error,
                        format!("Cannot load the library: {}", e.message),
                    )),
                }
            });
        });
    }

    // Polling fallback: while cards are in flight, ask about exactly those every few seconds.
    let active = deck.active_ids();
    {
        let dispatch = dispatch.clone();
        use_effect_with(active.clone(), move |ids| {
            // One request covers at most a page; events carry the rest.
            let ids: Vec<ResumeId> = ids.iter().copied().take(POLL_BATCH).collect();
            let interval = (!ids.is_empty()).then(|| {
                Interval::new(POLL_MS, move || {
                    let (d, ids) = (dispatch.clone(), ids.clone());
                    spawn_local(async move {
                        if let Ok(cards) = ipc::resume_statuses(ids).await {
                            d.dispatch(Action::Apply(cards));
                        }
                    });
                })
            });
            move || drop(interval)
        });
    }

    let on_retry = {
        let dispatch = dispatch.clone();
        use_callback((), move |id: ResumeId, _| {
            dispatch.dispatch(Action::RetryRequested(id));
            let d = dispatch.clone();
            spawn_local(async move {
                match ipc::retry_parsing(id).await {
                    Ok(_) => d.dispatch(Action::RetryAccepted(id)),
                    Err(e) => d.dispatch(Action::RetryFailed(id, e.message)),
                }
            });
        })
    };
    let on_pick = {
        let dispatch = dispatch.clone();
        use_callback((), move |kind: PickKind, _| {
            let d = dispatch.clone();
            spawn_local(async move {
                match ipc::import_dialog(kind).await {
                    Ok(Some(started)) => d.dispatch(Action::ImportStarted(started)),
                    Ok(None) => {}
                    Err(e) => report_import(&d, Err(e)),
                }
            });
        })
    };
    let on_retry_failed = {
        let dispatch = dispatch.clone();
        use_callback((), move |_: (), _| {
            let d = dispatch.clone();
            spawn_local(async move {
                if let Err(e) = ipc::retry_all_failed().await {
                    d.dispatch(Action::Toast(
                        ToastKind::Error,
                        format!("Retry could not start: {}", e.message),
                    ));
                }
            });
        })
    };
    let on_dismiss = {
        let dispatch = dispatch.clone();
        use_callback((), move |id: u64, _| {
            dispatch.dispatch(Action::DismissToast(id))
        })
    };

    let empty = deck.loaded && deck.cards.is_empty();
    html! {
        <div class="app">
            <Toolbar
                on_pick={on_pick}
                on_retry_failed={on_retry_failed}
                progress={deck.progress()}
                total={deck.cards.len()}
                failed={deck.count(ParseStatus::Failed)}
                checking={!active.is_empty()}
            />
            if empty {
                <section class="empty">
                    <h2>{ "No resumes yet" }</h2>
                    <p>{ "Drag a folder or resume files (PDF, DOCX, ODT, text) anywhere onto this window, or use the Import folder… and Import files… buttons." }</p>
                    <p class="muted">{ "Everything is parsed on this computer; nothing is uploaded." }</p>
                </section>
            } else {
                <main class="grid" aria-label="Resumes">
                    { for deck.ordered().map(|card| html! {
                        <CardView key={card.id} card={card.clone()} on_retry={on_retry.clone()} />
                    }) }
                </main>
            }
            if deck.dragging {
                <div class="drop-overlay" aria-hidden="true"><div>{ "Drop resumes to import" }</div></div>
            }
            <Toasts toasts={deck.toasts.clone()} on_dismiss={on_dismiss} />
        </div>
    }
}
