//! Tauri commands: each is one delegation to `api`, with the engine taken from state.

use crate::{api, events, AppState};
use cvdeck_wire::{
    AboutDto, CardDto, CardPage, CommandError, ErrorCode, ExportDone, ExportFormat, FitDto,
    ImportStarted, JobDto, JobId, LanguageCountDto, PickKind, QueryDto, QueryResult,
    RequirementsDto, ResumeDetail, ResumeId, SkillCountDto, StatusCounts, TagCountDto,
};
use std::path::PathBuf;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

type Result<T> = std::result::Result<T, CommandError>;

/// Runs a library query on the blocking pool: sync commands would run on the main thread,
/// where one slow query would hold up every other call and the window's event loop.
async fn blocking<T: Send + 'static>(
    state: &State<'_, AppState>,
    query: impl FnOnce(&cvdeck_engine::Engine) -> Result<T> + Send + 'static,
) -> Result<T> {
    let engine = state.engine.clone();
    tauri::async_runtime::spawn_blocking(move || query(&engine))
        .await
        .map_err(|e| CommandError::new(ErrorCode::Internal, format!("query task failed: {e}")))?
}

#[tauri::command]
pub async fn import_paths(state: State<'_, AppState>, paths: Vec<String>) -> Result<ImportStarted> {
    api::import_paths(&state.engine, paths).await
}

#[tauri::command]
pub async fn import_dialog<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    kind: PickKind,
) -> Result<Option<ImportStarted>> {
    match pick(&app, &state, kind).await {
        Some(paths) => api::import_paths(&state.engine, paths).await.map(Some),
        None => Ok(None),
    }
}

#[tauri::command]
pub async fn list_resumes(
    state: State<'_, AppState>,
    query: QueryDto,
    after: Option<String>,
    limit: u32,
) -> Result<CardPage> {
    blocking(&state, move |e| api::list_resumes(e, query, after, limit)).await
}

#[tauri::command]
pub async fn query_resumes(state: State<'_, AppState>, query: QueryDto) -> Result<QueryResult> {
    blocking(&state, move |e| api::query_resumes(e, query)).await
}

#[tauri::command]
pub async fn skill_facets(
    state: State<'_, AppState>,
    query: QueryDto,
) -> Result<Vec<SkillCountDto>> {
    blocking(&state, move |e| api::skill_facets(e, query)).await
}

#[tauri::command]
pub async fn language_facets(
    state: State<'_, AppState>,
    query: QueryDto,
) -> Result<Vec<LanguageCountDto>> {
    blocking(&state, move |e| api::language_facets(e, query)).await
}

#[tauri::command]
pub async fn get_cards(state: State<'_, AppState>, ids: Vec<ResumeId>) -> Result<Vec<CardDto>> {
    blocking(&state, move |e| api::get_cards(e, ids)).await
}

#[tauri::command]
pub async fn export_resumes<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    ids: Vec<ResumeId>,
    format: ExportFormat,
) -> Result<Option<ExportDone>> {
    match save_path(&app, format).await {
        Some(path) => {
            let progress = events::export_progress(app.clone());
            api::export_resumes(&state.engine, ids, format, path, progress)
                .await
                .map(Some)
        }
        None => Ok(None),
    }
}

#[tauri::command]
pub async fn get_resume(state: State<'_, AppState>, id: ResumeId) -> Result<ResumeDetail> {
    blocking(&state, move |e| api::get_resume(e, id)).await
}

#[tauri::command]
pub async fn retry_parsing(state: State<'_, AppState>, id: ResumeId) -> Result<CardDto> {
    api::retry_parsing(&state.engine, id).await
}

#[tauri::command]
pub async fn retry_all_failed(state: State<'_, AppState>) -> Result<u64> {
    api::retry_all_failed(&state.engine).await
}

#[tauri::command]
pub async fn delete_resume(state: State<'_, AppState>, id: ResumeId) -> Result<()> {
    blocking(&state, move |e| api::delete_resume(e, id)).await
}

#[tauri::command]
pub async fn page_previews(state: State<'_, AppState>, id: ResumeId) -> Result<Vec<String>> {
    blocking(&state, move |e| api::page_previews(e, id)).await
}

#[tauri::command]
pub async fn correct_field(
    state: State<'_, AppState>,
    id: ResumeId,
    field: String,
    value: Option<String>,
) -> Result<CardDto> {
    blocking(&state, move |e| api::correct_field(e, id, field, value)).await
}

#[tauri::command]
pub async fn delete_resumes(state: State<'_, AppState>, ids: Vec<ResumeId>) -> Result<u64> {
    blocking(&state, move |e| api::delete_resumes(e, ids)).await
}

#[tauri::command]
pub async fn retry_resumes(state: State<'_, AppState>, ids: Vec<ResumeId>) -> Result<u64> {
    api::retry_resumes(&state.engine, ids).await
}

#[tauri::command]
pub async fn tag_resumes(
    state: State<'_, AppState>,
    ids: Vec<ResumeId>,
    tag: String,
) -> Result<u64> {
    blocking(&state, move |e| api::tag_resumes(e, ids, tag)).await
}

#[tauri::command]
pub async fn untag_resumes(
    state: State<'_, AppState>,
    ids: Vec<ResumeId>,
    tag: String,
) -> Result<u64> {
    blocking(&state, move |e| api::untag_resumes(e, ids, tag)).await
}

#[tauri::command]
pub async fn tag_facets(state: State<'_, AppState>, query: QueryDto) -> Result<Vec<TagCountDto>> {
    blocking(&state, move |e| api::tag_facets(e, query)).await
}

#[tauri::command]
pub async fn about(state: State<'_, AppState>) -> Result<AboutDto> {
    blocking(&state, |engine| Ok(api::about(engine))).await
}

#[tauri::command]
pub async fn status_counts(state: State<'_, AppState>) -> Result<StatusCounts> {
    blocking(&state, api::status_counts).await
}

#[tauri::command]
pub fn open_original<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: ResumeId,
) -> Result<()> {
    let path = api::original_file(&state.engine, id)?;
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|e| api::cannot_open(&path, e))
}

#[tauri::command]
pub fn show_in_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: ResumeId,
) -> Result<()> {
    let path = api::original_file(&state.engine, id)?;
    app.opener()
        .reveal_item_in_dir(&path)
        .map_err(|e| CommandError::new(ErrorCode::Internal, format!("cannot show the file: {e}")))
}

/// Shows the native picker; None when the user cancels.
#[tauri::command]
pub async fn watch_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<Vec<String>>> {
    match pick(&app, &state, PickKind::Folder)
        .await
        .and_then(|p| p.into_iter().next())
    {
        Some(folder) => api::watch_folder(&state.engine, &state.watches, folder.into())
            .await
            .map(Some),
        None => Ok(None),
    }
}

#[tauri::command]
pub fn unwatch_folder(state: State<'_, AppState>, path: String) -> Result<Vec<String>> {
    api::unwatch_folder(&state.engine, &state.watches, path)
}

#[tauri::command]
pub fn watched_folders(state: State<'_, AppState>) -> Result<Vec<String>> {
    api::watched_folders(&state.engine)
}

#[tauri::command]
pub fn open_link<R: Runtime>(app: AppHandle<R>, url: String) -> Result<()> {
    let url = api::validated_link(&url)?;
    app.opener()
        .open_url(url, None::<&str>)
        .map_err(|e| CommandError::new(ErrorCode::Internal, format!("cannot open the link: {e}")))
}

#[tauri::command]
pub async fn load_view(state: State<'_, AppState>) -> Result<Option<QueryDto>> {
    blocking(&state, api::load_view).await
}

#[tauri::command]
pub async fn save_view(state: State<'_, AppState>, query: QueryDto) -> Result<()> {
    blocking(&state, move |e| api::save_view(e, query)).await
}

#[tauri::command]
pub async fn list_jobs(state: State<'_, AppState>) -> Result<Vec<JobDto>> {
    blocking(&state, api::list_jobs).await
}

#[tauri::command]
pub async fn add_job(
    state: State<'_, AppState>,
    text: Option<String>,
    path: Option<String>,
) -> Result<JobDto> {
    api::add_job(&state.engine, text, path).await
}

#[tauri::command]
pub async fn pick_job_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<JobDto>> {
    match pick_job(&app, &state).await {
        Some(path) => api::add_job(&state.engine, None, Some(path))
            .await
            .map(Some),
        None => Ok(None),
    }
}

#[tauri::command]
pub async fn update_job(
    state: State<'_, AppState>,
    id: JobId,
    requirements: RequirementsDto,
) -> Result<JobDto> {
    blocking(&state, move |e| api::update_job(e, id, requirements)).await
}

#[tauri::command]
pub async fn delete_job(state: State<'_, AppState>, id: JobId) -> Result<()> {
    blocking(&state, move |e| api::delete_job(e, id)).await
}

#[tauri::command]
pub async fn export_job<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: JobId,
) -> Result<Option<String>> {
    match job_save_path(&app).await {
        Some(path) => blocking(&state, move |e| api::export_job(e, id, &path))
            .await
            .map(Some),
        None => Ok(None),
    }
}

#[tauri::command]
pub async fn explain_fit(
    state: State<'_, AppState>,
    job: JobId,
    id: ResumeId,
) -> Result<Option<FitDto>> {
    blocking(&state, move |e| api::explain_fit(e, job, id)).await
}

async fn job_save_path<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    // The end-to-end tests export without a dialog they cannot click.
    if let Some(path) = std::env::var_os("CVDECK_JOB_SAVE_PATH").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .set_title("Export job")
        .set_file_name("job.json")
        .add_filter("JSON Resume job document", &["json"])
        .save_file(move |p| {
            let _ = tx.send(p);
        });
    rx.await.ok().flatten()?.into_path().ok()
}

async fn pick_job<R: Runtime>(app: &AppHandle<R>, state: &AppState) -> Option<String> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    let mut dialog = app.dialog().file();
    if let Some(start) = start_folder(app, state) {
        dialog = dialog.set_directory(start);
    }
    dialog
        .set_title("Read a job ad")
        .add_filter(
            "Job ads",
            &["pdf", "docx", "odt", "rtf", "txt", "md", "json"],
        )
        .pick_file(move |p| {
            let _ = tx.send(p);
        });
    let picked = rx.await.ok().flatten()?.into_path().ok()?;
    note_folder(state, &picked);
    Some(picked.to_string_lossy().into_owned())
}

async fn save_path<R: Runtime>(app: &AppHandle<R>, format: ExportFormat) -> Option<PathBuf> {
    // Scripts and the end-to-end tests export without a dialog they cannot click.
    if let Some(path) = std::env::var_os("CVDECK_SAVE_PATH").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let (tx, rx) = tokio::sync::oneshot::channel();
    let (name, filter, extension) = match format {
        ExportFormat::Csv => ("resumes.csv", "CSV", "csv"),
        ExportFormat::ExcelCsv => ("resumes-excel.csv", "CSV for Excel", "csv"),
        ExportFormat::JsonResume => ("resumes-json.zip", "Zip of JSON Resume files", "zip"),
    };
    app.dialog()
        .file()
        .set_title("Export resumes")
        .set_file_name(name)
        .add_filter(filter, &[extension])
        .save_file(move |p| {
            let _ = tx.send(p);
        });
    rx.await.ok().flatten()?.into_path().ok()
}

/// Where a file dialog opens: the folder last chosen in one, else the home folder (GTK's own
/// choice, "Recent", has Open greyed out for folders).
fn start_folder<R: Runtime>(app: &AppHandle<R>, state: &AppState) -> Option<PathBuf> {
    let last = state.last_folder.lock().ok().and_then(|l| l.clone());
    last.filter(|p| p.is_dir())
        .or_else(|| tauri::Manager::path(app).home_dir().ok())
}

/// Remembers where the choice was made, for the next dialog: the folder holding the chosen
/// file or folder (after importing `cvs/batch-1` the next pick starts in `cvs`).
fn note_folder(state: &AppState, chosen: &std::path::Path) {
    let folder = chosen.parent().unwrap_or(chosen);
    if let Ok(mut last) = state.last_folder.lock() {
        *last = Some(folder.to_owned());
    }
}

async fn pick<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    kind: PickKind,
) -> Option<Vec<String>> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    let mut dialog = app.dialog().file().set_title("Import resumes");
    if let Some(start) = start_folder(app, state) {
        dialog = dialog.set_directory(start);
    }
    match kind {
        PickKind::Folder => dialog.pick_folder(move |p| {
            let _ = tx.send(p.map(|p| vec![p]));
        }),
        PickKind::Files => dialog
            .add_filter("Resumes", &["pdf", "docx", "odt", "rtf", "txt", "md"])
            .pick_files(move |p| {
                let _ = tx.send(p);
            }),
    }
    let picked: Vec<PathBuf> = rx
        .await
        .ok()
        .flatten()?
        .into_iter()
        .filter_map(|p| p.into_path().ok())
        .collect();
    if let Some(first) = picked.first() {
        note_folder(state, first);
    }
    Some(
        picked
            .into_iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect(),
    )
}
