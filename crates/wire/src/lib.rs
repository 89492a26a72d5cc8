//! The only types that cross CV Deck's IPC boundary.
//!
//! The Tauri shell serialises these and the Yew UI deserialises them (and the other way round
//! for command arguments). Nothing else crosses: the engine's own types stay on the native side
//! and are converted in one place (`src-tauri/convert.rs`).
//!
//! ```
//! use cvdeck_wire::{CardDto, ParseStatus};
//! let card = CardDto::pending(7, "jane-doe.pdf");
//! let json = serde_json::to_string(&card).unwrap();
//! let back: CardDto = serde_json::from_str(&json).unwrap();
//! assert_eq!(back.status, ParseStatus::Pending);
//! ```
#![deny(missing_docs)]

use serde::{Deserialize, Serialize};

/// Identifier of a resume row in the library.
pub type ResumeId = i64;

/// Where a resume is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParseStatus {
    /// Registered, waiting for a parser.
    Pending,
    /// A parser is working on it.
    Processing,
    /// Parsed; fields are available.
    Completed,
    /// Could not be parsed; `CardDto::error` says why.
    Failed,
}

impl ParseStatus {
    /// True while the resume still has work ahead of it.
    pub fn is_active(self) -> bool {
        matches!(self, ParseStatus::Pending | ParseStatus::Processing)
    }

    /// Lowercase name, as shown on badges.
    pub fn as_str(self) -> &'static str {
        match self {
            ParseStatus::Pending => "pending",
            ParseStatus::Processing => "processing",
            ParseStatus::Completed => "completed",
            ParseStatus::Failed => "failed",
        }
    }
}

/// Why a resume failed: a stable machine code plus a sentence for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailureDto {
    /// Stable code, e.g. `encrypted`, `unsupported`, `timeout`.
    pub kind: String,
    /// Readable reason, e.g. "encrypted PDF: password required".
    pub message: String,
}

/// Everything one card in the grid shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardDto {
    /// Row id.
    pub id: ResumeId,
    /// File name as the user had it.
    pub file_name: String,
    /// Current status.
    pub status: ParseStatus,
    /// Candidate's name, once parsed.
    pub name: Option<String>,
    /// Headline (JSON Resume `basics.label`).
    pub headline: Option<String>,
    /// Candidate's e-mail.
    pub email: Option<String>,
    /// Candidate's phone.
    pub phone: Option<String>,
    /// Candidate's location as one line.
    pub location: Option<String>,
    /// Up to five skills for the chips.
    pub skills: Vec<String>,
    /// Set when `status` is `Failed`.
    pub error: Option<FailureDto>,
    /// How many parse attempts were made.
    pub attempts: u32,
    /// Last change, milliseconds since the Unix epoch.
    pub updated_at: i64,
}

impl CardDto {
    /// A card that has only just been registered.
    pub fn pending(id: ResumeId, file_name: &str) -> Self {
        CardDto {
            id,
            file_name: file_name.to_owned(),
            status: ParseStatus::Pending,
            name: None,
            headline: None,
            email: None,
            phone: None,
            location: None,
            skills: Vec::new(),
            error: None,
            attempts: 0,
            updated_at: 0,
        }
    }
}

/// A page of cards.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardPage {
    /// The cards, newest first.
    pub cards: Vec<CardDto>,
    /// How many cards match the filter in all.
    pub total: u64,
}

/// Count of resumes per status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusCounts {
    /// Waiting.
    pub pending: u64,
    /// Being parsed.
    pub processing: u64,
    /// Parsed.
    pub completed: u64,
    /// Failed.
    pub failed: u64,
}

/// Everything known about one resume, for the detail view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResumeDetail {
    /// The card.
    pub card: CardDto,
    /// Where the file was imported from.
    pub original_path: String,
    /// Detected format, e.g. `pdf`.
    pub format: Option<String>,
    /// The JSON Resume document, when parsed.
    pub resume: Option<serde_json::Value>,
    /// The extracted plain text, when parsed.
    pub text: Option<String>,
}

/// What `import_paths` and the dialog imports answer at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportStarted {
    /// Identifies the import in progress events.
    pub import_id: u64,
    /// Files registered and queued.
    pub queued: u64,
    /// Files skipped because the library already has their content.
    pub duplicates: u64,
    /// Files that failed before parsing (unreadable, too large).
    pub rejected: u64,
}

/// Which native dialog to open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PickKind {
    /// Pick one folder.
    Folder,
    /// Pick one or more files.
    Files,
}

/// Error as it reaches the UI: match on `code`, show `message`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommandError {
    /// Stable code.
    pub code: ErrorCode,
    /// Readable message.
    pub message: String,
}

impl CommandError {
    /// Build an error.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        CommandError {
            code,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Error codes a command can answer with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// No resume has that id.
    NotFound,
    /// The arguments were not acceptable (e.g. a path that does not exist).
    InvalidInput,
    /// The operation does not apply in the resume's current state.
    Conflict,
    /// The library could not be read or written.
    Storage,
    /// The IPC call itself failed (UI side only).
    Ipc,
    /// Anything else.
    Internal,
}

/// Command names and their argument objects (Tauri passes arguments as named fields).
pub mod commands {
    use super::*;

    /// `import_paths(paths) -> ImportStarted`
    pub const IMPORT_PATHS: &str = "import_paths";
    /// Arguments of [`IMPORT_PATHS`].
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ImportPathsArgs {
        /// Files and folders to import.
        pub paths: Vec<String>,
    }

    /// `import_dialog(kind) -> Option<ImportStarted>` (None when the user cancelled).
    pub const IMPORT_DIALOG: &str = "import_dialog";
    /// Arguments of [`IMPORT_DIALOG`].
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ImportDialogArgs {
        /// Folder or files.
        pub kind: PickKind,
    }

    /// `list_resumes(status, offset, limit) -> CardPage`
    pub const LIST_RESUMES: &str = "list_resumes";
    /// Arguments of [`LIST_RESUMES`].
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ListResumesArgs {
        /// Only this status, or all.
        pub status: Option<ParseStatus>,
        /// Rows to skip.
        pub offset: u32,
        /// Rows to return (capped by the shell).
        pub limit: u32,
    }

    /// `resume_statuses(ids) -> Vec<CardDto>`: the polling fallback.
    pub const RESUME_STATUSES: &str = "resume_statuses";
    /// Arguments of [`RESUME_STATUSES`].
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct IdsArgs {
        /// Resume ids.
        pub ids: Vec<ResumeId>,
    }

    /// `get_resume(id) -> ResumeDetail`
    pub const GET_RESUME: &str = "get_resume";
    /// `retry_parsing(id) -> CardDto`
    pub const RETRY_PARSING: &str = "retry_parsing";
    /// `delete_resume(id) -> ()`
    pub const DELETE_RESUME: &str = "delete_resume";
    /// `open_original(id) -> ()`
    pub const OPEN_ORIGINAL: &str = "open_original";
    /// Arguments of the commands that take one id.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    pub struct IdArgs {
        /// Resume id.
        pub id: ResumeId,
    }

    /// `retry_all_failed() -> u64` (how many were queued).
    pub const RETRY_ALL_FAILED: &str = "retry_all_failed";
    /// `status_counts() -> StatusCounts`
    pub const STATUS_COUNTS: &str = "status_counts";
}

/// Event names and payloads the shell emits.
pub mod events {
    use super::*;

    /// Payload: [`ResumeBatch`]; at most ten per second.
    pub const RESUME_UPDATED: &str = "resume://updated";
    /// Payload: [`ImportProgress`].
    pub const IMPORT_PROGRESS: &str = "import://progress";
    /// Payload: [`ImportFinished`].
    pub const IMPORT_FINISHED: &str = "import://finished";
    /// Tauri's own window drag-and-drop events (payload has `paths`).
    pub const DRAG_DROP: &str = "tauri://drag-drop";
    /// A drag entered the window.
    pub const DRAG_ENTER: &str = "tauri://drag-enter";
    /// The drag left the window.
    pub const DRAG_LEAVE: &str = "tauri://drag-leave";

    /// Cards that changed since the last batch, each at its latest state.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ResumeBatch {
        /// Changed cards.
        pub cards: Vec<CardDto>,
    }

    /// How far the running imports have got.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ImportProgress {
        /// Which import.
        pub import_id: u64,
        /// Files finished (completed or failed).
        pub done: u64,
        /// Of those, failed.
        pub failed: u64,
        /// Files in the import.
        pub total: u64,
    }

    /// An import has finished.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ImportFinished {
        /// Which import.
        pub import_id: u64,
        /// Parsed.
        pub completed: u64,
        /// Failed.
        pub failed: u64,
        /// Skipped as already in the library.
        pub duplicates: u64,
        /// Name of the one parsed resume, for a per-resume toast on a one-file import.
        pub single_name: Option<String>,
    }

    /// Payload of Tauri's drag-and-drop event.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct DragDropPayload {
        /// Dropped paths.
        #[serde(default)]
        pub paths: Vec<String>,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_serialises_lowercase() {
        assert_eq!(
            serde_json::to_string(&ParseStatus::Processing).unwrap(),
            "\"processing\""
        );
    }

    #[test]
    fn command_error_has_code_and_message() {
        let e = CommandError::new(ErrorCode::NotFound, "no resume #4");
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            serde_json::json!({"code": "not_found", "message": "no resume #4"})
        );
    }

    #[test]
    fn drag_drop_payload_ignores_position() {
        let p: events::DragDropPayload =
            serde_json::from_str(r#"{"paths":["/a","/b"],"position":{"x":1,"y":2}}"#).unwrap();
        assert_eq!(p.paths, vec!["/a", "/b"]);
    }
}
