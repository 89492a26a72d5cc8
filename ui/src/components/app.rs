//! The window: toolbar, grid, drop overlay, toasts; wiring between the reducer and the shell.

use super::bulk::BulkBar;
use super::detail::DetailPanel;
use super::filters::Filters;
use super::grid::Grid;
use super::jobs::{self, JobBar, JobPicker};
use super::shortcuts::Shortcuts;
use super::toasts::Toasts;
use super::toolbar::Toolbar;
use crate::state::{Action, Deck, MarkHow, Toast, ToastAction, ToastKind};
use crate::{browser, highlight, ipc};
use cvdeck_wire::events::{
    self as names, DragDropPayload, ExportProgress, ImportFinished, ImportProgress, ResumeBatch,
};
use cvdeck_wire::{ExportFormat, ImportStarted, ParseStatus, PickKind, ResumeId, SortKey};
use gloo_events::{EventListener, EventListenerOptions};
use gloo_timers::callback::{Interval, Timeout};
use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// How often the polling fallback asks about cards still in flight.
const POLL_MS: u32 = 5000;
/// Most ids one poll asks about (the shell's page limit).
const POLL_BATCH: usize = 1000;
/// Most cards asked for at once as they scroll into view.
const LOAD_BATCH: usize = 200;
/// While events flow, the order and the chips' counts are asked for again at most this often.
const REFRESH_MS: u32 = 1000;

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

    // Whether the window hears the backend's events and drops yet: `data-live` says so to
    // the end-to-end tests, which drop files as soon as it does.
    let live = use_state(|| false);
    // Listen first, then load, so nothing that happens in between is missed.
    {
        let dispatch = dispatch.clone();
        let set_live = live.setter();
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
                        ipc::listen(names::EXPORT_PROGRESS, move |p: ExportProgress| {
                            d.dispatch(Action::Exporting(Some((p.done, p.total))))
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
                            // The new-job dialog is open: the file is its ad.
                            if let Some(target) = jobs::drop_target() {
                                target.emit(drop.paths);
                                return;
                            }
                            let d = d.clone();
                            spawn_local(async move {
                                report_import(&d, ipc::import_paths(drop.paths).await);
                            });
                        })
                        .await
                    },
                ];
                match listeners.into_iter().find(Result::is_err) {
                    Some(Err(e)) => dispatch.dispatch(Action::Toast(
                        ToastKind::Error,
                        format!("Live updates are off: {}", e.message),
                    )),
                    _ => set_live.set(true),
                }
            });
        });
    }

    // The view kept from the last time, first: the grid's first order is the one it shows.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                dispatch.dispatch(Action::Restored(ipc::load_view().await.ok().flatten()));
            });
        });
    }
    // Each change of the view is kept for the next start (a read-only library keeps none).
    use_effect_with((deck.query.clone(), deck.restored), |(query, restored)| {
        if *restored {
            let query = query.clone();
            spawn_local(async move {
                let _ = ipc::save_view(query).await;
            });
        }
    });
    // The order for the current query: on start, when the query changes, and on refresh.
    {
        let dispatch = dispatch.clone();
        use_effect_with(
            (deck.query.clone(), deck.refresh, deck.restored),
            move |(query, _, restored)| {
                if !*restored {
                    return;
                }
                let query = query.clone();
                spawn_local(async move {
                    match ipc::query_resumes(query.clone()).await {
                        Ok(result) => dispatch.dispatch(Action::Ordered(query, result)),
                        Err(e) => dispatch.dispatch(Action::Toast(
                            ToastKind::Error,
                            format!("Cannot load the library: {}", e.message),
                        )),
                    }
                });
            },
        );
    }
    // Events changed cards: ask for the counts (default view) or the order and counts again,
    // at most once a second.
    {
        let dispatch = dispatch.clone();
        use_effect_with(
            (deck.stale, deck.is_unfiltered()),
            move |(stale, unfiltered)| {
                let action = if *unfiltered {
                    Action::RefreshCounts
                } else {
                    Action::Refresh
                };
                let timer =
                    stale.then(|| Timeout::new(REFRESH_MS, move || dispatch.dispatch(action)));
                move || drop(timer)
            },
        );
    }
    {
        let dispatch = dispatch.clone();
        use_effect_with(deck.counts_refresh, move |n| {
            if *n > 0 {
                spawn_local(async move {
                    if let Ok(counts) = ipc::status_counts().await {
                        dispatch.dispatch(Action::Counted(counts));
                    }
                });
            }
        });
    }
    // Keyboard: "/" searches, "?" lists the shortcuts, Escape closes the details. Not
    // passive: a passive listener cannot keep "/" from being typed into the search box it
    // focuses.
    let shortcuts = use_state(|| false);
    {
        let dispatch = dispatch.clone();
        let shortcuts = shortcuts.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().and_then(|w| w.document()).map(|doc| {
                let options = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&doc, "keydown", options, move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if e.default_prevented() {
                        return;
                    }
                    let in_field = e
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .is_some_and(|el| {
                            matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA")
                        });
                    match e.key().as_str() {
                        "/" if !in_field => {
                            e.prevent_default();
                            browser::focus("search");
                        }
                        "?" if !in_field => {
                            e.prevent_default();
                            shortcuts.set(true);
                        }
                        "Escape" if !in_field => {
                            dispatch.dispatch(Action::CloseDetail);
                            browser::focus("grid");
                        }
                        _ => {}
                    }
                })
            });
            move || drop(listener)
        });
    }

    // The jobs kept, once at start.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            spawn_local(async move { jobs::load_jobs(&dispatch).await });
        });
    }

    // The watched folders, once at start.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                if let Ok(folders) = ipc::watched_folders().await {
                    dispatch.dispatch(Action::Watched(folders));
                }
            });
        });
    }
    let on_watch = {
        let dispatch = dispatch.clone();
        use_callback((), move |_: (), _| {
            let d = dispatch.clone();
            spawn_local(async move {
                match ipc::watch_folder().await {
                    Ok(Some(folders)) => d.dispatch(Action::Watched(folders)),
                    Ok(None) => {}
                    Err(e) => d.dispatch(Action::Toast(
                        ToastKind::Error,
                        format!("Cannot watch the folder: {}", e.message),
                    )),
                }
            });
        })
    };
    let on_unwatch = {
        let dispatch = dispatch.clone();
        use_callback((), move |path: String, _| {
            let d = dispatch.clone();
            spawn_local(async move {
                match ipc::unwatch_folder(path).await {
                    Ok(folders) => d.dispatch(Action::Watched(folders)),
                    Err(e) => d.dispatch(Action::Toast(ToastKind::Error, e.message)),
                }
            });
        })
    };

    // Cards coming into view are loaded once, in batches.
    let in_flight = use_mut_ref(HashSet::<ResumeId>::new);
    let on_need = {
        let dispatch = dispatch.clone();
        use_callback((), move |ids: Vec<ResumeId>, _| {
            load_cards(&dispatch, &in_flight, ids);
        })
    };

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
                        if let Ok(cards) = ipc::get_cards(ids).await {
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
        use_callback((), move |toast: Toast, _| {
            dispatch.dispatch(Action::DismissToast(toast.id));
            // The undo window closed: carry the deletion out.
            if let Some(ToastAction::UndoDelete(ids)) = toast.action {
                let d = dispatch.clone();
                spawn_local(async move {
                    match ipc::delete_resumes(ids.to_vec()).await {
                        Ok(_) => d.dispatch(Action::Deleted(ids.to_vec())),
                        Err(e) => {
                            d.dispatch(Action::UndoDelete(ids));
                            d.dispatch(Action::Toast(
                                ToastKind::Error,
                                format!("Delete failed: {}", e.message),
                            ));
                        }
                    }
                });
            }
        })
    };
    let on_toast_action = {
        let dispatch = dispatch.clone();
        use_callback((), move |action: ToastAction, _| match action {
            ToastAction::UndoDelete(id) => dispatch.dispatch(Action::UndoDelete(id)),
        })
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
            spawn_local(async move { super::bulk::reload(&d, vec![id]).await });
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
    let export_ids = {
        let dispatch = dispatch.clone();
        use_callback(
            (),
            move |(ids, format): (Vec<ResumeId>, ExportFormat), _| {
                let d = dispatch.clone();
                spawn_local(async move {
                    let done = ipc::export_resumes(ids, format).await;
                    d.dispatch(Action::Exporting(None));
                    match done {
                        Ok(Some(done)) => d.dispatch(Action::Toast(
                            ToastKind::Success,
                            format!("Exported {} resumes to {}", done.count, done.path),
                        )),
                        Ok(None) => {}
                        Err(e) => d.dispatch(Action::Toast(
                            ToastKind::Error,
                            format!("Export failed: {}", e.message),
                        )),
                    }
                });
            },
        )
    };
    let on_export = {
        let export_ids = export_ids.clone();
        use_callback(visible.clone(), move |format: ExportFormat, ids| {
            export_ids.emit((ids.to_vec(), format))
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
    let filter = |make: fn(String) -> Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |v: String| dispatch.dispatch(make(v)))
    };
    let on_status = {
        let dispatch = dispatch.clone();
        Callback::from(move |s: Option<ParseStatus>| dispatch.dispatch(Action::FilterStatus(s)))
    };
    let on_years = {
        let dispatch = dispatch.clone();
        Callback::from(move |(min, max): (Option<u32>, Option<u32>)| {
            dispatch.dispatch(Action::Years(min, max))
        })
    };
    let on_sort = {
        let dispatch = dispatch.clone();
        Callback::from(move |s: SortKey| dispatch.dispatch(Action::Sort(s)))
    };
    let on_language = {
        let dispatch = dispatch.clone();
        Callback::from(move |l: Option<String>| dispatch.dispatch(Action::Language(l)))
    };
    let on_clear = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: ()| dispatch.dispatch(Action::ClearFilters))
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
        <div class={classes!("app", deck.detail.is_some().then_some("with-detail"))} data-live={live.to_string()}>
            <Toolbar
                on_pick={on_pick}
                on_retry_failed={on_retry_failed}
                progress={deck.progress()}
                exporting={deck.exporting}
                failed={counts.failed}
                waiting={((counts.pending + counts.processing) as usize).max(active.len())}
                watched={deck.watched.clone()}
                on_watch={on_watch}
                on_unwatch={on_unwatch}
                on_shortcuts={{
                    let shortcuts = shortcuts.clone();
                    Callback::from(move |()| shortcuts.set(true))
                }}
            >
                <JobPicker jobs={deck.jobs.clone()} query={deck.query.clone()} dispatch={dispatch.clone()} />
            </Toolbar>
            <JobBar jobs={deck.jobs.clone()} query={deck.query.clone()} dispatch={dispatch.clone()} />
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
                    on_search={filter(Action::Search)}
                    on_status={on_status}
                    on_add_skill={filter(Action::AddSkill)}
                    on_remove_skill={filter(Action::RemoveSkill)}
                    on_years={on_years}
                    on_language={on_language}
                    on_add_tag={filter(Action::AddTag)}
                    on_remove_tag={filter(Action::RemoveTag)}
                    facets_version={deck.edits}
                    on_sort={on_sort}
                    on_clear={on_clear}
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
                                cards={deck.cards.clone()}
                                scores={deck.query.job.is_some().then(|| deck.scores.clone())}
                                selected={deck.selected}
                                marked={deck.marked.clone()}
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
                            <BulkBar marked={deck.marked.clone()} shown={visible.len()}
                                dispatch={dispatch.clone()} on_export={export_ids} />
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
                    if jobs::drop_target().is_some() { "Drop the job ad to read it" } else { "Drop resumes to import" }
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
            <Toasts toasts={deck.toasts.clone()} on_dismiss={on_dismiss} on_action={on_toast_action} />
        </div>
    }
}

/// Asks for the cards not already asked for, in batches, and hands them to the reducer.
fn load_cards(
    dispatch: &UseReducerDispatcher<Deck>,
    in_flight: &Rc<RefCell<HashSet<ResumeId>>>,
    ids: Vec<ResumeId>,
) {
    let wanted: Vec<ResumeId> = {
        let mut flight = in_flight.borrow_mut();
        ids.into_iter().filter(|id| flight.insert(*id)).collect()
    };
    for batch in wanted.chunks(LOAD_BATCH) {
        let (d, flight, batch) = (dispatch.clone(), in_flight.clone(), batch.to_vec());
        spawn_local(async move {
            let result = ipc::get_cards(batch.clone()).await;
            {
                let mut flight = flight.borrow_mut();
                for id in &batch {
                    flight.remove(id);
                }
            }
            match result {
                Ok(cards) => d.dispatch(Action::Loaded(cards)),
                Err(e) => d.dispatch(Action::Toast(
                    ToastKind::Error,
                    format!("Cannot load cards: {}", e.message),
                )),
            }
        });
    }
}
