//! What the person's requests do: the shell command, then the reducer actions its answer
//! calls for (a toast saying why, when it fails). Components call these with the dispatcher
//! from the context; none of them waits.

use crate::context::DeckDispatch;
use crate::ipc;
use crate::state::{Action, Toast, ToastAction, ToastKind};
use cvdeck_wire::{ExportFormat, ImportStarted, PickKind, ResumeId};
use wasm_bindgen_futures::spawn_local;

fn report_import(d: &DeckDispatch, result: Result<ImportStarted, cvdeck_wire::CommandError>) {
    match result {
        Ok(started) => d.dispatch(Action::ImportStarted(started)),
        Err(e) => d.dispatch(Action::Toast(
            ToastKind::Error,
            format!("Import failed: {}", e.message),
        )),
    }
}

/// Imports files and folders dropped on the window.
pub fn import_paths(d: &DeckDispatch, paths: Vec<String>) {
    let d = d.clone();
    spawn_local(async move { report_import(&d, ipc::import_paths(paths).await) });
}

/// Imports what the person picks in the system dialog.
pub fn pick_and_import(d: &DeckDispatch, kind: PickKind) {
    let d = d.clone();
    spawn_local(async move {
        match ipc::import_dialog(kind).await {
            Ok(Some(started)) => d.dispatch(Action::ImportStarted(started)),
            Ok(None) => {}
            Err(e) => report_import(&d, Err(e)),
        }
    });
}

/// Parses one failed resume again; the card shows `processing` at once.
pub fn retry(d: &DeckDispatch, id: ResumeId) {
    d.dispatch(Action::RetryRequested(id));
    let d = d.clone();
    spawn_local(async move {
        match ipc::retry_parsing(id).await {
            Ok(_) => d.dispatch(Action::RetryAccepted(id)),
            Err(e) => d.dispatch(Action::RetryFailed(id, e.message)),
        }
    });
}

/// Parses every failed resume again.
pub fn retry_all_failed(d: &DeckDispatch) {
    let d = d.clone();
    spawn_local(async move {
        if let Err(e) = ipc::retry_all_failed().await {
            d.dispatch(Action::Toast(
                ToastKind::Error,
                format!("Retry could not start: {}", e.message),
            ));
        }
    });
}

/// Watches a folder the person picks.
pub fn watch_folder(d: &DeckDispatch) {
    let d = d.clone();
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
}

/// Stops watching `path`.
pub fn unwatch_folder(d: &DeckDispatch, path: String) {
    let d = d.clone();
    spawn_local(async move {
        match ipc::unwatch_folder(path).await {
            Ok(folders) => d.dispatch(Action::Watched(folders)),
            Err(e) => d.dispatch(Action::Toast(ToastKind::Error, e.message)),
        }
    });
}

/// A toast went away: what it offered is no longer on offer, so a deletion it could undo is
/// carried out (and put back, saying why, if the library refuses).
pub fn dismiss_toast(d: &DeckDispatch, toast: Toast) {
    d.dispatch(Action::DismissToast(toast.id));
    if let Some(ToastAction::UndoDelete(ids)) = toast.action {
        let d = d.clone();
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
}

/// Exports `ids` in `format` to a file the person picks.
pub fn export(d: &DeckDispatch, ids: Vec<ResumeId>, format: ExportFormat) {
    let d = d.clone();
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
}

/// Loads the jobs kept in the library.
pub async fn load_jobs(d: &DeckDispatch) {
    match ipc::list_jobs().await {
        Ok(jobs) => d.dispatch(Action::Jobs(jobs)),
        Err(e) => d.dispatch(Action::Toast(
            ToastKind::Error,
            format!("Cannot load the jobs: {}", e.message),
        )),
    }
}

/// Fetches edited cards again, then the order and the filters' choices: tags move filters.
pub async fn reload(d: &DeckDispatch, ids: Vec<ResumeId>) {
    if let Ok(cards) = ipc::get_cards(ids).await {
        d.dispatch(Action::Apply(cards));
    }
    d.dispatch(Action::Edited);
}
