// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // The same executable parses files in child processes (see cvdeck_engine::worker).
    cvdeck_engine::worker::run_worker_if_asked();
    cvdeck_lib::run();
}
