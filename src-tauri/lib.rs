//! CV Deck's desktop shell: Tauri glue between the engine and the Yew UI.
//!
//! Commands delegate to plain functions in [`api`]; engine types become wire types in
//! `convert.rs` only; engine events reach the window through `events.rs`.

pub mod api;
mod commands;
mod convert;
pub mod events;
pub mod launch;

use cvdeck_engine::worker::WorkerCommand;
use cvdeck_engine::{default_library_dir, Engine, EngineConfig, Library};
use launch::Launch;
use std::path::PathBuf;
use tauri::{Manager, Runtime};
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

/// What of the window comes back at the next start: size, place, maximised (not visibility:
/// a window closed while hidden must not start hidden).
const WINDOW_STATE: StateFlags = StateFlags::SIZE
    .union(StateFlags::POSITION)
    .union(StateFlags::MAXIMIZED);

/// Shared state: the engine.
pub struct AppState {
    /// The engine every command works on.
    pub engine: Engine,
    /// Live watches of the watched folders.
    pub watches: api::Watches,
    /// Where the file dialogs open: the folder last chosen in one (else the home folder).
    pub last_folder: std::sync::Mutex<Option<PathBuf>>,
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
        commands::about,
        commands::open_original,
        commands::show_in_folder,
        commands::open_link,
        commands::watch_folder,
        commands::unwatch_folder,
        commands::watched_folders,
        commands::load_view,
        commands::save_view,
        commands::list_jobs,
        commands::add_job,
        commands::pick_job_file,
        commands::update_job,
        commands::delete_job,
        commands::export_job,
        commands::explain_fit,
    ])
}

/// The library folder: `--library DIR` on the command line, else `CVDECK_LIBRARY`, else the
/// OS data directory; created if missing and made canonical, so that every spelling of one
/// folder names the same running window.
fn library_dir(launch: &Launch) -> PathBuf {
    let dir = launch.library.clone().unwrap_or_else(default_library_dir);
    // Opening it later says what is wrong if it cannot be created.
    let _ = std::fs::create_dir_all(&dir);
    std::fs::canonicalize(&dir).unwrap_or(dir)
}

/// Imports the files the app was opened with (by a desktop's "Open with", or a second start
/// on this library); their cards reach the window through the engine's events.
fn import_opened<R: Runtime>(app: &tauri::AppHandle<R>, paths: Vec<PathBuf>) {
    if paths.is_empty() {
        return;
    }
    let handle = app.clone();
    tauri::async_runtime::spawn(async move {
        let engine = &handle.state::<AppState>().engine;
        if let Err(e) = api::import_opened_paths(engine, paths).await {
            tracing::warn!("cannot import the opened files: {}", e.message);
        }
    });
}

/// A second start on this library: its files come here, and the window comes forward.
fn opened_again<R: Runtime>(app: &tauri::AppHandle<R>, argv: Vec<String>, cwd: String) {
    let launch = Launch::from_args(argv, std::path::Path::new(&cwd));
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
    import_opened(app, launch.paths);
}

/// Saves the window's size and place once it has been still for half a second.
fn keep_window_state_soon<R: Runtime>(app: &tauri::AppHandle<R>) {
    static LATEST: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let this = LATEST.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        if LATEST.load(std::sync::atomic::Ordering::SeqCst) == this {
            if let Err(e) = app.save_window_state(WINDOW_STATE) {
                tracing::warn!("cannot keep the window's size: {e}");
            }
        }
    });
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
        prepare_ranking: true,
        ..EngineConfig::default()
    };
    let engine = Engine::new(library, config, sink);
    app.manage(AppState {
        engine: engine.clone(),
        watches: api::Watches::default(),
        last_folder: std::sync::Mutex::default(),
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
    let cwd = std::env::current_dir().unwrap_or_default();
    let launch = Launch::from_args(std::env::args_os(), &cwd);
    let dir = library_dir(&launch);
    let context = tauri::generate_context!();
    let instance = launch::instance_name(&context.config().identifier, &dir);
    // Registered first, so that a second start hands over its files before it sets anything up.
    let single_instance = tauri_plugin_single_instance::Builder::new()
        .dbus_id(instance)
        .callback(opened_again)
        .build();
    let builder = tauri::Builder::default()
        .plugin(single_instance)
        .plugin(
            tauri_plugin_window_state::Builder::new()
                .with_state_flags(WINDOW_STATE)
                .build(),
        )
        // The plugin writes its file only when the app exits normally; kept half a second
        // after each resize or move as well, a size survives a crash, a kill or a power cut.
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::Resized(_) | tauri::WindowEvent::Moved(_) = event {
                keep_window_state_soon(window.app_handle());
            }
        })
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
            import_opened(app.handle(), launch.paths);
            Ok(())
        });
    if let Err(e) = with_commands(builder).run(context) {
        eprintln!("CV Deck could not start: {e}");
        std::process::exit(1);
    }
}
