//! What each command does, as plain functions over the engine (testable without a window).

use crate::convert;
use cvdeck_engine::extract::tools::EXTERNAL_TOOLS;
use cvdeck_engine::queue::FolderWatch;
use cvdeck_engine::store::{Cursor, FitFilter};
use cvdeck_engine::{Engine, ImportHandle};
use cvdeck_wire::{
    AboutDto, CardDto, CardPage, CommandError, ErrorCode, ExportDone, ExportFormat, FitDto,
    ImportStarted, JobDto, JobId, LanguageCountDto, QueryDto, QueryResult, RequirementsDto,
    ResumeDetail, ResumeId, SkillCountDto, SortKey, StatusCounts, TagCountDto,
};
use std::path::{Path, PathBuf};

/// Most cards one `list_resumes` call returns.
pub const MAX_PAGE: u32 = 1000;

type Result<T> = std::result::Result<T, CommandError>;

/// Checks that the user gave absolute paths that exist.
pub fn validated_paths(paths: Vec<PathBuf>) -> Result<Vec<PathBuf>> {
    if paths.is_empty() {
        return Err(CommandError::new(
            ErrorCode::InvalidInput,
            "nothing to import",
        ));
    }
    paths
        .into_iter()
        .map(|p| {
            if p.is_absolute() && p.exists() {
                Ok(p)
            } else {
                Err(CommandError::new(
                    ErrorCode::InvalidInput,
                    format!("{} is not a file or folder on this computer", p.display()),
                ))
            }
        })
        .collect()
}

/// Starts importing; the finished import is reported through events.
pub async fn import_paths(engine: &Engine, paths: Vec<String>) -> Result<ImportStarted> {
    import_opened_paths(engine, paths.into_iter().map(PathBuf::from).collect()).await
}

/// Starts importing what the app was opened with (paths as the system gave them, which need
/// not be UTF-8).
pub async fn import_opened_paths(engine: &Engine, paths: Vec<PathBuf>) -> Result<ImportStarted> {
    let paths = validated_paths(paths)?;
    let handle = engine.import(paths).await.map_err(convert::engine_error)?;
    Ok(detach(handle))
}

/// Reports the import's start and lets it run on; its end arrives as an event.
pub fn detach(handle: ImportHandle) -> ImportStarted {
    let started = convert::started(&handle);
    tauri::async_runtime::spawn(async move {
        if let Err(e) = handle.finished().await {
            tracing::error!("import task failed: {e}");
        }
    });
    started
}

/// The folders being watched, each with its live watch.
pub type Watches = std::sync::Mutex<Vec<FolderWatch>>;

/// The watched folders, as the UI shows them.
pub fn watched_folders(engine: &Engine) -> Result<Vec<String>> {
    let folders = engine
        .library()
        .watched_folders()
        .map_err(convert::store_error)?;
    Ok(folders
        .into_iter()
        .map(|f| f.to_string_lossy().into_owned())
        .collect())
}

/// Starts watching a folder unless it already is (at start-up, for remembered folders).
pub fn start_watch(engine: &Engine, watches: &Watches, folder: &Path) -> Result<()> {
    let mut watches = watches.lock().unwrap_or_else(|p| p.into_inner());
    if watches.iter().any(|w| w.folder() == folder) {
        return Ok(());
    }
    let watch = engine
        .watch(folder, |_| {})
        .map_err(convert::engine_error)?;
    watches.push(watch);
    Ok(())
}

/// Remembers a folder, imports what is in it, and from now on what arrives.
pub async fn watch_folder(
    engine: &Engine,
    watches: &Watches,
    folder: PathBuf,
) -> Result<Vec<String>> {
    if !(folder.is_absolute() && folder.is_dir()) {
        return Err(CommandError::new(
            ErrorCode::InvalidInput,
            format!("{} is not a folder on this computer", folder.display()),
        ));
    }
    engine
        .library()
        .add_watched_folder(&folder)
        .map_err(convert::store_error)?;
    start_watch(engine, watches, &folder)?;
    let handle = engine
        .import(vec![folder])
        .await
        .map_err(convert::engine_error)?;
    detach(handle);
    watched_folders(engine)
}

/// Stops watching a folder and forgets it.
pub fn unwatch_folder(engine: &Engine, watches: &Watches, folder: String) -> Result<Vec<String>> {
    let folder = PathBuf::from(folder);
    engine
        .library()
        .remove_watched_folder(&folder)
        .map_err(convert::store_error)?;
    watches
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .retain(|w| w.folder() != folder);
    watched_folders(engine)
}

/// A link from a parsed resume that may be handed to the system: web pages and e-mail only
/// (never file:, javascript: or an app's own scheme, which a hostile resume could carry).
pub fn validated_link(url: &str) -> Result<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let allowed = ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme) && lower.len() > scheme.len());
    if allowed && !url.chars().any(char::is_control) {
        Ok(url.to_owned())
    } else {
        Err(CommandError::new(
            ErrorCode::InvalidInput,
            format!("not a web or e-mail link: {url}"),
        ))
    }
}

/// A keyset page of cards for a query.
pub fn list_resumes(
    engine: &Engine,
    query: QueryDto,
    after: Option<String>,
    limit: u32,
) -> Result<CardPage> {
    let (filter, sort) = convert::query(query);
    let page = engine
        .library()
        .page(
            &filter,
            sort,
            after.map(Cursor).as_ref(),
            limit.min(MAX_PAGE),
        )
        .map_err(convert::store_error)?;
    Ok(CardPage {
        cards: page.cards.into_iter().map(convert::card).collect(),
        total: page.total,
        next: page.next.map(|c| c.0),
    })
}

/// Every matching id in order, and the status chips' counts.
pub fn query_resumes(engine: &Engine, query: QueryDto) -> Result<QueryResult> {
    let (job, fit_sort, fit) = (
        query.job,
        query.sort == SortKey::Fit,
        FitFilter {
            all_required: query.all_required,
            min_score: query.min_score,
        },
    );
    let (filter, sort) = convert::query(query);
    let library = engine.library();
    let counts = library
        .counts_matching(&filter)
        .map_err(convert::store_error)?;
    let (ids, scores) = match job {
        Some(job) => {
            let reqs = library.job(job).map_err(convert::store_error)?.requirements;
            let view = library
                .ranked_view(&reqs, &filter, (!fit_sort).then_some(sort), fit)
                .map_err(convert::store_error)?;
            (view.ids, view.scores)
        }
        None => (
            library.ids(&filter, sort).map_err(convert::store_error)?,
            Vec::new(),
        ),
    };
    Ok(QueryResult {
        ids,
        counts: convert::counts(counts),
        scores,
    })
}

/// The library's setting that keeps how the window showed it.
const VIEW_SETTING: &str = "view";

/// How the window last showed this library (None: never, or a view this version cannot read).
pub fn load_view(engine: &Engine) -> Result<Option<QueryDto>> {
    let saved = engine
        .library()
        .setting(VIEW_SETTING)
        .map_err(convert::store_error)?;
    Ok(saved.and_then(|json| serde_json::from_str(&json).ok()))
}

/// Keeps how the window shows this library, for its next start.
pub fn save_view(engine: &Engine, query: QueryDto) -> Result<()> {
    let json = serde_json::to_string(&query)
        .map_err(|e| CommandError::new(ErrorCode::Internal, e.to_string()))?;
    engine
        .library()
        .set_setting(VIEW_SETTING, &json)
        .map_err(convert::store_error)
}

/// The jobs kept, newest first.
pub fn list_jobs(engine: &Engine) -> Result<Vec<JobDto>> {
    let jobs = engine.library().jobs().map_err(convert::store_error)?;
    Ok(jobs.into_iter().map(convert::job).collect())
}

/// Reads an ad (its text, or a file through the parser workers) and keeps it as a job.
pub async fn add_job(
    engine: &Engine,
    text: Option<String>,
    path: Option<String>,
) -> Result<JobDto> {
    let (requirements, ad_text) = match (text, path) {
        (_, Some(path)) => {
            let path = validated_paths(vec![PathBuf::from(path)])?.remove(0);
            let ad = engine
                .read_job_file(&path)
                .await
                .map_err(convert::job_ad_error)?;
            (ad.requirements, ad.ad_text)
        }
        (Some(text), None) if !text.trim().is_empty() => {
            (cvdeck_engine::matching::read_ad(&text), Some(text))
        }
        _ => {
            return Err(CommandError::new(
                ErrorCode::InvalidInput,
                "paste the job ad's text or choose its file",
            ))
        }
    };
    let engine = engine.clone();
    tauri::async_runtime::spawn_blocking(move || {
        engine.library().add_job(&requirements, ad_text.as_deref())
    })
    .await
    .map_err(|e| CommandError::new(ErrorCode::Internal, format!("job task failed: {e}")))?
    .map(convert::job)
    .map_err(convert::store_error)
}

/// Replaces a job's requirements with the window's corrections.
pub fn update_job(engine: &Engine, id: JobId, requirements: RequirementsDto) -> Result<JobDto> {
    let requirements = convert::requirements_from_wire(requirements);
    engine
        .library()
        .update_job(id, &requirements)
        .map(convert::job)
        .map_err(convert::store_error)
}

/// Removes a job.
pub fn delete_job(engine: &Engine, id: JobId) -> Result<()> {
    engine
        .library()
        .delete_job(id)
        .map_err(convert::store_error)
}

/// Writes a job as a JSON Resume job document to `path`.
pub fn export_job(engine: &Engine, id: JobId, path: &Path) -> Result<String> {
    let job = engine.library().job(id).map_err(convert::store_error)?;
    let document = cvdeck_engine::matching::job_document::JobDocument::of(&job.requirements);
    let json = serde_json::to_vec_pretty(&document)
        .map_err(|e| CommandError::new(ErrorCode::Internal, e.to_string()))?;
    cvdeck_engine::export::write_file(path, &json).map_err(convert::export_error)?;
    Ok(path.to_string_lossy().into_owned())
}

/// One resume's fit to a job, explained line by line.
pub fn explain_fit(engine: &Engine, job: JobId, id: ResumeId) -> Result<Option<FitDto>> {
    let library = engine.library();
    let reqs = library.job(job).map_err(convert::store_error)?.requirements;
    let fit = library.fit(&reqs, id).map_err(convert::store_error)?;
    Ok(fit.map(|f| convert::fit(job, f)))
}

/// The most listed skills among the matches, for the skill filter.
pub fn skill_facets(engine: &Engine, query: QueryDto) -> Result<Vec<SkillCountDto>> {
    let (filter, _) = convert::query(query);
    let skills = engine
        .library()
        .skill_counts(&filter, 40)
        .map_err(convert::store_error)?;
    Ok(skills.into_iter().map(convert::skill_count).collect())
}

/// The languages among what matches the query but its language filter.
pub fn language_facets(engine: &Engine, query: QueryDto) -> Result<Vec<LanguageCountDto>> {
    let (filter, _) = convert::query(query);
    let languages = engine
        .library()
        .language_counts(&filter)
        .map_err(convert::store_error)?;
    Ok(languages.into_iter().map(convert::language_count).collect())
}

/// The cards with these ids, for the rows scrolling into view.
pub fn get_cards(engine: &Engine, ids: Vec<ResumeId>) -> Result<Vec<CardDto>> {
    if ids.len() > MAX_PAGE as usize {
        return Err(CommandError::new(
            ErrorCode::InvalidInput,
            "too many ids in one request",
        ));
    }
    let cards = engine.library().cards(&ids).map_err(convert::store_error)?;
    Ok(cards.into_iter().map(convert::card).collect())
}

/// Writes an export to `path` off the async runtime's threads.
pub async fn export_resumes(
    engine: &Engine,
    ids: Vec<ResumeId>,
    format: ExportFormat,
    path: PathBuf,
    progress: impl FnMut(u64, u64) + Send + 'static,
) -> Result<ExportDone> {
    let engine = engine.clone();
    let out = path.clone();
    let count = tauri::async_runtime::spawn_blocking(move || {
        cvdeck_engine::export::export(
            engine.library(),
            &ids,
            convert::export_format(format),
            &out,
            progress,
        )
    })
    .await
    .map_err(|e| CommandError::new(ErrorCode::Internal, format!("export task failed: {e}")))?
    .map_err(convert::export_error)?;
    Ok(ExportDone {
        path: path.to_string_lossy().into_owned(),
        count,
    })
}

pub fn get_resume(engine: &Engine, id: ResumeId) -> Result<ResumeDetail> {
    let library = engine.library();
    let record = library.record(id).map_err(convert::store_error)?;
    let corrected = library.corrected_fields(id).map_err(convert::store_error)?;
    Ok(convert::detail(record, corrected))
}

/// Corrects one parsed field by hand (None: back to the parsed value).
pub fn correct_field(
    engine: &Engine,
    id: ResumeId,
    field: String,
    value: Option<String>,
) -> Result<CardDto> {
    let field = cvdeck_engine::store::Field::from_name(&field).ok_or_else(|| {
        CommandError::new(
            ErrorCode::InvalidInput,
            format!("{field:?} cannot be corrected: use name, headline, email, phone or location"),
        )
    })?;
    engine
        .library()
        .correct(id, field, value.as_deref())
        .map(convert::card)
        .map_err(convert::store_error)
}

pub async fn retry_parsing(engine: &Engine, id: ResumeId) -> Result<CardDto> {
    let (card, handle) = engine.retry(id).await.map_err(convert::engine_error)?;
    detach(handle);
    Ok(convert::card(card))
}

pub async fn retry_all_failed(engine: &Engine) -> Result<u64> {
    match engine
        .retry_all_failed()
        .await
        .map_err(convert::engine_error)?
    {
        Some(handle) => Ok(detach(handle).queued),
        None => Ok(0),
    }
}

pub fn delete_resume(engine: &Engine, id: ResumeId) -> Result<()> {
    engine.library().delete(id).map_err(convert::store_error)
}

/// Deletes each of these that still exists; how many were deleted.
pub fn delete_resumes(engine: &Engine, ids: Vec<ResumeId>) -> Result<u64> {
    let mut deleted = 0;
    for id in ids {
        match engine.library().delete(id) {
            Ok(()) => deleted += 1,
            Err(cvdeck_engine::store::StoreError::NotFound(_)) => {}
            Err(e) => return Err(convert::store_error(e)),
        }
    }
    Ok(deleted)
}

/// Parses these again as one import; how many were queued (ones in progress are left be).
pub async fn retry_resumes(engine: &Engine, ids: Vec<ResumeId>) -> Result<u64> {
    match engine
        .retry_many(ids)
        .await
        .map_err(convert::engine_error)?
    {
        Some(handle) => Ok(detach(handle).queued),
        None => Ok(0),
    }
}

pub fn tag_resumes(engine: &Engine, ids: Vec<ResumeId>, tag: String) -> Result<u64> {
    if cvdeck_engine::store::normalise_tag(&tag).is_none() {
        return Err(CommandError::new(
            ErrorCode::InvalidInput,
            "a tag needs a word",
        ));
    }
    let added = engine
        .library()
        .add_tag(&ids, &tag)
        .map_err(convert::store_error)?;
    Ok(added as u64)
}

pub fn untag_resumes(engine: &Engine, ids: Vec<ResumeId>, tag: String) -> Result<u64> {
    let removed = engine
        .library()
        .remove_tag(&ids, &tag)
        .map_err(convert::store_error)?;
    Ok(removed as u64)
}

/// The tags among what matches the query.
pub fn tag_facets(engine: &Engine, query: QueryDto) -> Result<Vec<TagCountDto>> {
    let (filter, _) = convert::query(query);
    let tags = engine
        .library()
        .tag_counts(&filter)
        .map_err(convert::store_error)?;
    Ok(tags.into_iter().map(convert::tag_count).collect())
}

/// The software the app is built from, by licence (written by `scripts/licences.py`).
const LICENCES: &str = include_str!("../packaging/licences.json");

/// What the About box shows: versions, the library, the tools found, the licences.
pub fn about(engine: &Engine) -> AboutDto {
    AboutDto {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        parser_version: cvdeck_engine::parse::PARSER_VERSION.to_owned(),
        library: engine.library().root().display().to_string(),
        tools: EXTERNAL_TOOLS.iter().map(convert::tool).collect(),
        // Checked by a test; an About box never fails over its small print.
        licences: serde_json::from_str(LICENCES).unwrap_or_default(),
    }
}

pub fn status_counts(engine: &Engine) -> Result<StatusCounts> {
    engine
        .library()
        .counts()
        .map(convert::counts)
        .map_err(convert::store_error)
}

/// Pages shown beside the parsed fields: at most this many, this wide.
const PREVIEW_PAGES: usize = 3;
const PREVIEW_WIDTH_PX: u32 = 900;

/// The original's first pages as `data:` URLs, for PDFs; nothing for other formats (their
/// extracted text is shown instead).
pub fn page_previews(engine: &Engine, id: ResumeId) -> Result<Vec<String>> {
    use base64::Engine as _;
    let record = engine.library().record(id).map_err(convert::store_error)?;
    if record.format.as_deref() != Some("pdf") {
        return Ok(Vec::new());
    }
    let path = original_file(engine, id)?;
    let pages = cvdeck_engine::extract::pdf_page_images(&path, PREVIEW_PAGES, PREVIEW_WIDTH_PX)
        .map_err(|e| CommandError::new(ErrorCode::Internal, e.to_string()))?;
    Ok(pages
        .iter()
        .map(|png| {
            format!(
                "data:image/png;base64,{}",
                base64::engine::general_purpose::STANDARD.encode(png)
            )
        })
        .collect())
}

/// The file to open for "Open original": the user's file if it is still there, else our copy.
pub fn original_file(engine: &Engine, id: ResumeId) -> Result<PathBuf> {
    let record = engine.library().record(id).map_err(convert::store_error)?;
    if record.original_path.is_file() {
        return Ok(record.original_path);
    }
    record.stored_path.filter(|p| p.is_file()).ok_or_else(|| {
        CommandError::new(
            ErrorCode::NotFound,
            "the original file is gone and no copy was kept",
        )
    })
}

/// What a failed "open with the default application" says. The system's own words are a
/// launcher's exit status (`Launcher "xdg-open" … ExitStatus(unix_wait_status(768))`), which
/// tell a person nothing; they go to the log.
pub fn cannot_open(path: &Path, error: impl std::fmt::Display) -> CommandError {
    tracing::warn!("cannot open {}: {error}", path.display());
    let kind = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| format!("{} files", e.to_uppercase()))
        .unwrap_or_else(|| "this file".to_owned());
    CommandError::new(
        ErrorCode::Internal,
        format!(
            "No application opens {kind} on this computer: use Show in folder, or install a viewer"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_no_application_opens_says_so_in_words() {
        let e = cannot_open(
            Path::new("/lib/files/ab/ab12.pdf"),
            "Launcher \"xdg-open\" failed with ExitStatus(unix_wait_status(768))",
        );
        assert_eq!(
            e.message,
            "No application opens PDF files on this computer: use Show in folder, or install a viewer"
        );
    }

    #[test]
    fn only_web_and_mail_links_are_opened() {
        assert!(validated_link("https://github.com/jane").is_ok());
        assert!(validated_link("mailto:jane@example.com").is_ok());
        for bad in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "https://",
            "tauri://localhost",
            "smb://server/share",
            "https://x\n.y",
        ] {
            let e = validated_link(bad).unwrap_err();
            assert_eq!(e.code, ErrorCode::InvalidInput, "{bad}");
        }
    }
}
