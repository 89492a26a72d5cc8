//! What each command does, as plain functions over the engine (testable without a window).

use crate::convert;
use cvdeck_engine::{Engine, ImportHandle};
use cvdeck_wire::{
    CardDto, CardPage, CommandError, ErrorCode, ImportStarted, ParseStatus, ResumeDetail, ResumeId,
    StatusCounts,
};
use std::path::PathBuf;

/// Most cards one `list_resumes` call returns.
pub const MAX_PAGE: u32 = 1000;

type Result<T> = std::result::Result<T, CommandError>;

/// Checks that the user gave paths that exist, and turns them into `PathBuf`s.
pub fn validated_paths(paths: Vec<String>) -> Result<Vec<PathBuf>> {
    if paths.is_empty() {
        return Err(CommandError::new(
            ErrorCode::InvalidInput,
            "nothing to import",
        ));
    }
    paths
        .into_iter()
        .map(PathBuf::from)
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

pub fn list_resumes(
    engine: &Engine,
    status: Option<ParseStatus>,
    offset: u32,
    limit: u32,
) -> Result<CardPage> {
    let (cards, total) = engine
        .library()
        .list(
            status.map(convert::status_from_wire),
            offset,
            limit.min(MAX_PAGE),
        )
        .map_err(convert::store_error)?;
    Ok(CardPage {
        cards: cards.into_iter().map(convert::card).collect(),
        total,
    })
}

pub fn resume_statuses(engine: &Engine, ids: Vec<ResumeId>) -> Result<Vec<CardDto>> {
    if ids.len() > MAX_PAGE as usize {
        return Err(CommandError::new(
            ErrorCode::InvalidInput,
            "too many ids in one request",
        ));
    }
    let cards = engine.library().cards(&ids).map_err(convert::store_error)?;
    Ok(cards.into_iter().map(convert::card).collect())
}

pub fn get_resume(engine: &Engine, id: ResumeId) -> Result<ResumeDetail> {
    engine
        .library()
        .record(id)
        .map(convert::detail)
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

pub fn status_counts(engine: &Engine) -> Result<StatusCounts> {
    engine
        .library()
        .counts()
        .map(convert::counts)
        .map_err(convert::store_error)
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
