//! CV Deck's desktop shell: Tauri glue between the engine and the Yew UI.
//!
//! Commands delegate to plain functions in [`api`]; engine types become wire types in
//! `convert.rs` only; engine events reach the window through `events.rs`.

pub mod api;
mod commands;
mod convert;
pub mod events;

use cvdeck_engine::worker::WorkerCommand;
use cvdeck_engine::{default_library_dir, Engine, EngineConfig, Library};
use std::path::PathBuf;
use tauri::{Manager, Runtime};

/// Shared state: the engine.
pub struct AppState {
    /// The engine every command works on.
    pub engine: Engine,
    /// Live watches of the watched folders.
    pub watches: api::Watches,
}

/// Registers the app's commands on a builder (also used by the tests' mock runtime).
pub fn with_commands<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(tauri::generate_handler![
        commands::import_paths,
        commands::import_dialog,
        commands::list_resumes,
        commands::query_resumes,
        commands::skill_facets,
        commands::language_facets,
        commands::tag_facets,
        commands::tag_resumes,
        commands::untag_resumes,
        commands::retry_resumes,
        commands::delete_resumes,
        commands::correct_field,
        commands::page_previews,
        commands::get_cards,
        commands::export_resumes,
        commands::get_resume,
        commands::retry_parsing,
        commands::retry_all_failed,
        commands::delete_resume,
        commands::status_counts,
        commands::open_original,
        commands::show_in_folder,
        commands::open_link,
        commands::watch_folder,
        commands::unwatch_folder,
        commands::watched_folders,
    ])
}

/// The library folder: `--library DIR` on the command line, else `CVDECK_LIBRARY`, else the
/// OS data directory.
fn library_dir() -> PathBuf {
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--library" {
            if let Some(dir) = args.next() {
                return dir.into();
            }
        } else if let Some(dir) = arg.to_str().and_then(|a| a.strip_prefix("--library=")) {
            return dir.into();
        }
    }
    default_library_dir()
}

/// Takes the day's backup of the library, if it is due, without holding up the window (a
/// damaged library is not backed up: it would push out a sound backup).
fn backup_in_background<R: Runtime>(app: &tauri::AppHandle<R>) {
    let handle = app.clone();
    tauri::async_runtime::spawn_blocking(move || {
        match handle.state::<AppState>().engine.library().backup_if_due() {
            Ok(Some(b)) => tracing::info!(
                "backed up the library to {} ({} bytes, {:?})",
                b.path.display(),
                b.bytes,
                b.took
            ),
            Ok(None) => {}
            Err(e) => tracing::warn!("the daily backup failed: {e}"),
        }
    });
}

/// Starts the engine inside a running app: state, event bridge, interrupted imports.
/// Files are parsed in child processes started with `worker` (normally this executable).
pub fn start_engine<R: Runtime>(
    app: &tauri::AppHandle<R>,
    library: Library,
    worker: Option<WorkerCommand>,
) {
    let (sink, rx) = events::channel();
    let config = EngineConfig {
        worker,
        ..EngineConfig::default()
    };
    let engine = Engine::new(library, config, sink);
    app.manage(AppState {
        engine: engine.clone(),
        watches: api::Watches::default(),
    });
    let handle = app.clone();
    tauri::async_runtime::spawn(async move {
        let state = handle.state::<AppState>();
        let folders = state.engine.library().watched_folders().unwrap_or_default();
        for folder in folders {
            if let Err(e) = api::start_watch(&state.engine, &state.watches, &folder) {
                tracing::warn!("cannot watch {}: {}", folder.display(), e.message);
            }
        }
    });
    tauri::async_runtime::spawn(events::bridge(app.clone(), rx));
    tauri::async_runtime::spawn(async move {
        match engine.resume_interrupted().await {
            Ok(Some(handle)) => {
                tracing::info!("resuming {} interrupted file(s)", handle.queued);
                api::detach(handle);
            }
            Ok(None) => {}
            Err(e) => tracing::error!("cannot resume interrupted imports: {e}"),
        }
    });
}

/// Runs the desktop app.
pub fn run() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("CVDECK_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    // Parser panics are caught and become failed cards; keep them out of the terminal.
    std::panic::set_hook(Box::new(|info| tracing::debug!("caught panic: {info}")));
    let dir = library_dir();
    let builder = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_notification::init())
        .setup(move |app| {
            let library = Library::open(&dir)
                .map_err(|e| format!("cannot open the library in {}: {e}", dir.display()))?;
            tracing::info!("library: {}", dir.display());
            let check = library.quick_check();
            if let Err(e) = &check {
                // Used as it is (most of it reads), but never without a word.
                tracing::error!("{e}");
                events::notify_problem(app.handle(), &e.to_string());
            }
            let healthy = check.is_ok();
            start_engine(app.handle(), library, WorkerCommand::current_exe().ok());
            if healthy {
                backup_in_background(app.handle());
            }
            Ok(())
        });
    if let Err(e) = with_commands(builder).run(tauri::generate_context!()) {
        eprintln!("CV Deck could not start: {e}");
        std::process::exit(1);
    }
}
