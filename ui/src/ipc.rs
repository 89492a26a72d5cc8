//! The only module that talks to the Tauri shell. Every call returns a `Result`; nothing here
//! unwraps, so a missing or failing backend shows up as an error toast, not a dead page.

use cvdeck_wire::commands::{
    self as cmd, AddJobArgs, CorrectArgs, ExplainArgs, ExportArgs, IdArgs, IdsArgs,
    ImportDialogArgs, ImportPathsArgs, PathArgs, QueryArgs, TagArgs, UpdateJobArgs, UrlArgs,
};
use cvdeck_wire::{
    AboutDto, CardDto, CommandError, ErrorCode, ExportDone, ExportFormat, FitDto, ImportStarted,
    JobDto, JobId, LanguageCountDto, PickKind, QueryDto, QueryResult, RequirementsDto,
    ResumeDetail, ResumeId, SkillCountDto, StatusCounts, TagCountDto,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = ["window", "__TAURI__", "core"], js_name = invoke)]
    async fn tauri_invoke(cmd: &str, args: JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, js_namespace = ["window", "__TAURI__", "event"], js_name = listen)]
    async fn tauri_listen(
        event: &str,
        handler: &Closure<dyn FnMut(JsValue)>,
    ) -> Result<JsValue, JsValue>;
}

fn ipc_error(message: impl Into<String>) -> CommandError {
    CommandError::new(ErrorCode::Ipc, message)
}

/// The shell's `{code, message}` error, or an IPC error describing whatever came back instead.
fn command_error(value: JsValue) -> CommandError {
    serde_wasm_bindgen::from_value::<CommandError>(value.clone()).unwrap_or_else(|_| {
        ipc_error(
            value
                .as_string()
                .unwrap_or_else(|| "the app's backend is not reachable".to_owned()),
        )
    })
}

async fn call<A: Serialize, T: DeserializeOwned>(
    command: &str,
    args: &A,
) -> Result<T, CommandError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let args = args
        .serialize(&serializer)
        .map_err(|e| ipc_error(format!("cannot encode arguments: {e}")))?;
    let value = tauri_invoke(command, args).await.map_err(command_error)?;
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| ipc_error(format!("unexpected answer from {command}: {e}")))
}

#[derive(Serialize)]
struct NoArgs {}

/// Import files and folders by path.
pub async fn import_paths(paths: Vec<String>) -> Result<ImportStarted, CommandError> {
    call(cmd::IMPORT_PATHS, &ImportPathsArgs { paths }).await
}

/// Import through the native picker; None when cancelled.
pub async fn import_dialog(kind: PickKind) -> Result<Option<ImportStarted>, CommandError> {
    call(cmd::IMPORT_DIALOG, &ImportDialogArgs { kind }).await
}

/// Pick a folder to watch (native dialog); the watched folders, or None when cancelled.
pub async fn watch_folder() -> Result<Option<Vec<String>>, CommandError> {
    call(cmd::WATCH_FOLDER, &NoArgs {}).await
}

/// Stop watching a folder; the watched folders left.
pub async fn unwatch_folder(path: String) -> Result<Vec<String>, CommandError> {
    call(cmd::UNWATCH_FOLDER, &PathArgs { path }).await
}

/// The watched folders.
pub async fn watched_folders() -> Result<Vec<String>, CommandError> {
    call(cmd::WATCHED_FOLDERS, &NoArgs {}).await
}

/// Versions, library, tools and licences, for the About box.
pub async fn about() -> Result<AboutDto, CommandError> {
    call(cmd::ABOUT, &NoArgs {}).await
}

/// Counts per status over the whole library.
pub async fn status_counts() -> Result<StatusCounts, CommandError> {
    call(cmd::STATUS_COUNTS, &NoArgs {}).await
}

/// Every id matching a query, in order, and the chips' counts.
pub async fn query_resumes(query: QueryDto) -> Result<QueryResult, CommandError> {
    call(cmd::QUERY_RESUMES, &QueryArgs { query }).await
}

/// The most listed skills among a query's matches.
pub async fn skill_facets(query: QueryDto) -> Result<Vec<SkillCountDto>, CommandError> {
    call(cmd::SKILL_FACETS, &QueryArgs { query }).await
}

/// The languages among a query's matches (its own language filter left out).
pub async fn language_facets(query: QueryDto) -> Result<Vec<LanguageCountDto>, CommandError> {
    call(cmd::LANGUAGE_FACETS, &QueryArgs { query }).await
}

/// These cards (as they scroll into view, and the polling fallback).
pub async fn get_cards(ids: Vec<ResumeId>) -> Result<Vec<CardDto>, CommandError> {
    call(cmd::GET_CARDS, &IdsArgs { ids }).await
}

/// One resume with everything parsed, for the detail panel.
pub async fn get_resume(id: ResumeId) -> Result<ResumeDetail, CommandError> {
    call(cmd::GET_RESUME, &IdArgs { id }).await
}

/// Export through a native save dialog; None when cancelled.
pub async fn export_resumes(
    ids: Vec<ResumeId>,
    format: ExportFormat,
) -> Result<Option<ExportDone>, CommandError> {
    call(cmd::EXPORT_RESUMES, &ExportArgs { ids, format }).await
}

/// Open a web or mail link with the system's handler.
pub async fn open_link(url: String) -> Result<(), CommandError> {
    call(cmd::OPEN_LINK, &UrlArgs { url }).await
}

/// Queue one resume again.
pub async fn retry_parsing(id: ResumeId) -> Result<CardDto, CommandError> {
    call(cmd::RETRY_PARSING, &IdArgs { id }).await
}

/// Queue every failed resume again.
pub async fn retry_all_failed() -> Result<u64, CommandError> {
    call(cmd::RETRY_ALL_FAILED, &NoArgs {}).await
}

/// Remove resumes from the library; how many went.
pub async fn delete_resumes(ids: Vec<ResumeId>) -> Result<u64, CommandError> {
    call(cmd::DELETE_RESUMES, &IdsArgs { ids }).await
}

/// Parses these again as one import; how many were queued.
pub async fn retry_resumes(ids: Vec<ResumeId>) -> Result<u64, CommandError> {
    call(cmd::RETRY_RESUMES, &IdsArgs { ids }).await
}

/// Corrects a parsed field by hand (None: back to the parsed value).
pub async fn correct_field(
    id: ResumeId,
    field: String,
    value: Option<String>,
) -> Result<CardDto, CommandError> {
    call(cmd::CORRECT_FIELD, &CorrectArgs { id, field, value }).await
}

/// Puts a tag on these resumes; how many got it.
pub async fn tag_resumes(ids: Vec<ResumeId>, tag: String) -> Result<u64, CommandError> {
    call(cmd::TAG_RESUMES, &TagArgs { ids, tag }).await
}

/// Takes a tag off these resumes; how many had it.
pub async fn untag_resumes(ids: Vec<ResumeId>, tag: String) -> Result<u64, CommandError> {
    call(cmd::UNTAG_RESUMES, &TagArgs { ids, tag }).await
}

/// The tags among a query's matches.
pub async fn tag_facets(query: QueryDto) -> Result<Vec<TagCountDto>, CommandError> {
    call(cmd::TAG_FACETS, &QueryArgs { query }).await
}

/// Open the original document with the system's viewer.
pub async fn open_original(id: ResumeId) -> Result<(), CommandError> {
    call(cmd::OPEN_ORIGINAL, &IdArgs { id }).await
}

/// The original's first pages as pictures (PDFs only).
pub async fn page_previews(id: ResumeId) -> Result<Vec<String>, CommandError> {
    call(cmd::PAGE_PREVIEWS, &IdArgs { id }).await
}

/// Shows the resume's file in the file manager.
pub async fn show_in_folder(id: ResumeId) -> Result<(), CommandError> {
    call(cmd::SHOW_IN_FOLDER, &IdArgs { id }).await
}

/// How the window last showed this library.
pub async fn load_view() -> Result<Option<QueryDto>, CommandError> {
    call(cmd::LOAD_VIEW, &NoArgs {}).await
}

/// Keeps how the window shows this library, for the next start.
pub async fn save_view(query: QueryDto) -> Result<(), CommandError> {
    call(cmd::SAVE_VIEW, &QueryArgs { query }).await
}

/// The jobs kept in the library, newest first.
pub async fn list_jobs() -> Result<Vec<JobDto>, CommandError> {
    call(cmd::LIST_JOBS, &NoArgs {}).await
}

/// Reads a job ad given as text or as a file's path, and keeps it.
pub async fn add_job(text: Option<String>, path: Option<String>) -> Result<JobDto, CommandError> {
    call(cmd::ADD_JOB, &AddJobArgs { text, path }).await
}

/// Reads a job ad chosen in a file dialog; None when cancelled.
pub async fn pick_job_file() -> Result<Option<JobDto>, CommandError> {
    call(cmd::PICK_JOB_FILE, &NoArgs {}).await
}

/// Saves a job's corrected requirements.
pub async fn update_job(id: JobId, requirements: RequirementsDto) -> Result<JobDto, CommandError> {
    call(cmd::UPDATE_JOB, &UpdateJobArgs { id, requirements }).await
}

/// Removes a job.
pub async fn delete_job(id: JobId) -> Result<(), CommandError> {
    call(cmd::DELETE_JOB, &IdArgs { id }).await
}

/// Writes a job as a JSON Resume job document where a save dialog says; None when cancelled.
pub async fn export_job(id: JobId) -> Result<Option<String>, CommandError> {
    call(cmd::EXPORT_JOB, &IdArgs { id }).await
}

/// A resume's fit to a job, explained; None when the resume is not parsed.
pub async fn explain_fit(job: JobId, id: ResumeId) -> Result<Option<FitDto>, CommandError> {
    call(cmd::EXPLAIN_FIT, &ExplainArgs { job, id }).await
}

/// Calls `handler` with each payload of `event` for the life of the page. Payloads that do not
/// decode are logged and skipped.
pub async fn listen<T: DeserializeOwned + 'static>(
    event: &'static str,
    handler: impl Fn(T) + 'static,
) -> Result<(), CommandError> {
    let closure = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
        let payload =
            js_sys::Reflect::get(&e, &JsValue::from_str("payload")).unwrap_or(JsValue::NULL);
        match serde_wasm_bindgen::from_value::<T>(payload) {
            Ok(p) => handler(p),
            Err(err) => web_sys::console::warn_1(&format!("bad {event} payload: {err}").into()),
        }
    });
    tauri_listen(event, &closure).await.map_err(command_error)?;
    // The page listens until it closes, so the closure must outlive this call.
    closure.forget();
    Ok(())
}
