//! CV Deck's headless engine: turns resume files into JSON Resume documents and keeps them in
//! a SQLite library, with an import queue that never loses a file.
//!
//! It knows nothing of windows or IPC: the desktop shell and the CLI are both thin layers over
//! it. Parsing never fails as a whole; only unreadable input is an error, and every file a
//! user gives us ends as a row with a status and, if it failed, a reason.
//!
//! ```
//! use cvdeck_engine::{parse_bytes, Limits};
//! let text = "Jane Doe\njane@example.com\n\nSkills\nRust, SQLite\n";
//! let parsed = parse_bytes(text.as_bytes(), &Limits::default()).unwrap();
//! assert_eq!(parsed.resume.basics.name.as_deref(), Some("Jane Doe"));
//! assert_eq!(parsed.resume.top_skills(5), vec!["Rust", "SQLite"]);
//! ```
#![deny(missing_docs)]

mod file_parser;
pub mod job_ads;
mod parse_error;
mod pipeline;
pub mod queue;
pub mod worker;

pub use cvdeck_extract as extract;
pub use cvdeck_match as matching;
pub use cvdeck_model::resume;
pub use cvdeck_parse as parse;
pub use cvdeck_store as store;
pub use cvdeck_store::export;

pub use cvdeck_extract::{ErrorKind, ExtractError, Format, Limits};
pub use file_parser::FileParser;
pub use parse_error::{ParseError, WorkerFault};
pub use pipeline::{parse_bytes, Parsed};
pub use queue::{
    Engine, EngineConfig, EngineError, EngineEvent, EventSink, ImportHandle, ImportProgress,
    ImportSummary,
};
pub use store::{Card, Library, Status};

/// CSV as Excel opens it on this computer: the locale's decimal mark decides the field
/// separator (`LC_ALL`, then `LC_NUMERIC`, then the system's locale).
pub fn excel_csv_format() -> export::ExportFormat {
    let locale = ["LC_ALL", "LC_NUMERIC"]
        .iter()
        .find_map(|var| std::env::var(var).ok().filter(|v| !v.is_empty()))
        .or_else(sys_locale::get_locale)
        .unwrap_or_default();
    export::ExportFormat::ExcelCsv {
        decimal_comma: export::locale_uses_decimal_comma(&locale),
    }
}

/// The library folder: `CVDECK_LIBRARY` if set, else the OS data directory.
pub fn default_library_dir() -> std::path::PathBuf {
    if let Some(dir) = std::env::var_os("CVDECK_LIBRARY").filter(|d| !d.is_empty()) {
        return dir.into();
    }
    directories::ProjectDirs::from("app", "cvdeck", "CV Deck")
        .map(|d| d.data_dir().to_owned())
        .unwrap_or_else(|| std::path::PathBuf::from("cvdeck-library"))
}
