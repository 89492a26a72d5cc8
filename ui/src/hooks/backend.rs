//! The backend's events, heard from the start, and what the library holds at start.

use crate::context::DeckDispatch;
use crate::state::{Action, ToastKind};
use crate::{actions, drops, ipc};
use cvdeck_wire::events::{
    self as names, DragDropPayload, ExportProgress, ImportFinished, ImportProgress, ResumeBatch,
};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Listens to the backend's events (cards changed, import and export progress, drag and
/// drop) for the window's lifetime. Gives whether the window hears them yet: `data-live`
/// says so to the end-to-end tests, which drop files as soon as it does.
#[hook]
pub fn use_backend_events(dispatch: DeckDispatch) -> bool {
    let live = use_state(|| false);
    let set_live = live.setter();
    // Listen first, then load (see `use_view`), so nothing that happens in between is missed.
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
                        if let Some(target) = drops::target() {
                            target.emit(drop.paths);
                            return;
                        }
                        actions::import_paths(&d, drop.paths);
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
    *live
}

/// The jobs kept and the watched folders, once at start, each asked for on its own.
#[hook]
pub fn use_library_at_start(dispatch: DeckDispatch) {
    use_effect_with((), move |_| {
        let d = dispatch.clone();
        spawn_local(async move { actions::load_jobs(&d).await });
        spawn_local(async move {
            if let Ok(folders) = ipc::watched_folders().await {
                dispatch.dispatch(Action::Watched(folders));
            }
        });
    });
}
