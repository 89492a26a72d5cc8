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

impl FailureDto {
    /// Whether parsing the same bytes again may end otherwise: after a timeout or a crash (a
    /// busy or short-of-memory machine), a parser process that would not start, a read error,
    /// or a scan (OCR may have been installed since). A damaged, encrypted, empty or
    /// unsupported file fails the same way every time, so its card offers no Retry (the
    /// detail panel still does).
    pub fn retry_can_help(&self) -> bool {
        matches!(
            self.kind.as_str(),
            "timeout"
                | "worker_crashed"
                | "worker_unavailable"
                | "panicked"
                | "io"
                | "no_text_layer"
        )
    }
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
    /// Months of work experience, overlapping jobs counted once.
    #[serde(default)]
    pub experience_months: Option<i64>,
    /// Other resumes that look like the same person (same e-mail, phone, or name and city).
    #[serde(default)]
    pub same_person: Vec<ResumeId>,
    /// Labels put on it by hand, A to Z.
    #[serde(default)]
    pub tags: Vec<String>,
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
            experience_months: None,
            same_person: Vec::new(),
            tags: Vec::new(),
        }
    }
}

/// A page of cards.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardPage {
    /// The cards, in the query's order.
    pub cards: Vec<CardDto>,
    /// How many cards match the query in all.
    pub total: u64,
    /// Pass back as `after` for the next page; none on the last page.
    pub next: Option<String>,
}

/// Order of the grid.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SortKey {
    /// Most recently added first.
    #[default]
    Newest,
    /// First added first.
    Oldest,
    /// Name, A to Z.
    Name,
    /// Most experienced first.
    Experience,
    /// Most recently changed first.
    Updated,
    /// Best search match first.
    Relevance,
    /// Best fit to the chosen job first (the order a job's ranking starts in).
    Fit,
}

impl SortKey {
    /// Every order, as the sort menu lists them.
    pub const ALL: [SortKey; 7] = [
        SortKey::Fit,
        SortKey::Newest,
        SortKey::Oldest,
        SortKey::Name,
        SortKey::Experience,
        SortKey::Updated,
        SortKey::Relevance,
    ];

    /// The serialised name.
    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::Newest => "newest",
            SortKey::Oldest => "oldest",
            SortKey::Name => "name",
            SortKey::Experience => "experience",
            SortKey::Updated => "updated",
            SortKey::Relevance => "relevance",
            SortKey::Fit => "fit",
        }
    }
}

/// What the grid shows: search, filters and sort, composed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct QueryDto {
    /// Words to find (prefixes, accents ignored).
    #[serde(default)]
    pub search: Option<String>,
    /// Only this status.
    #[serde(default)]
    pub status: Option<ParseStatus>,
    /// Every one of these skills.
    #[serde(default)]
    pub skills: Vec<String>,
    /// At least this many years of experience.
    #[serde(default)]
    pub min_years: Option<u32>,
    /// At most this many years of experience.
    #[serde(default)]
    pub max_years: Option<u32>,
    /// Written in this language (ISO 639-1, e.g. "de").
    #[serde(default)]
    pub language: Option<String>,
    /// Every one of these tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Order.
    #[serde(default)]
    pub sort: SortKey,
    /// Rank against this job: every card gets its score.
    #[serde(default)]
    pub job: Option<JobId>,
    /// With a job: only resumes that show every required skill.
    #[serde(default)]
    pub all_required: bool,
    /// With a job: only resumes scoring at least this.
    #[serde(default)]
    pub min_score: Option<u8>,
}

/// The grid's order for a query: every matching id, plus the chips' counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueryResult {
    /// Matching ids in order; the grid loads cards as they scroll into view.
    pub ids: Vec<ResumeId>,
    /// Counts per status of what matches everything but the status filter.
    pub counts: StatusCounts,
    /// With a job: each id's fit score (0–100), in the order of `ids`.
    #[serde(default)]
    pub scores: Vec<u8>,
}

/// Identifier of a job kept in the library.
pub type JobId = i64;

/// What a job asks of a candidate, as the job bar shows and edits it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequirementsDto {
    /// The job's title.
    pub title: Option<String>,
    /// Skills a candidate must have.
    pub required: Vec<String>,
    /// Skills that would be welcome.
    pub nice: Vec<String>,
    /// Years of experience asked for at least.
    pub min_years: Option<u32>,
    /// Spoken languages asked for.
    pub languages: Vec<LanguageRequirementDto>,
    /// Where the work is.
    pub location: Option<String>,
    /// Whether it can be done from anywhere.
    pub remote: bool,
}

/// A spoken language a job asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageRequirementDto {
    /// ISO 639-1 ("de").
    pub code: String,
    /// The least CEFR level as a number (A1 = 1 … C2 = 6), if stated.
    pub level: Option<u8>,
}

/// A job kept in the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobDto {
    /// Its id.
    pub id: JobId,
    /// Its title, or "Job N".
    pub title: String,
    /// What it asks.
    pub requirements: RequirementsDto,
}

/// What one line of a fit's explanation is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FitLineKind {
    /// A required skill.
    Required,
    /// A nice-to-have skill.
    Nice,
    /// The job's title.
    Title,
    /// Years of experience.
    Years,
    /// A spoken language.
    Language,
    /// The place of work.
    Place,
}

/// One line of a fit's explanation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FitLineDto {
    /// What it is about.
    pub kind: FitLineKind,
    /// What the job asks ("Kubernetes", "5+ years").
    pub asked: String,
    /// Whether the resume meets it.
    pub met: bool,
    /// What the resume shows, in its words ("skills: k8s").
    pub found: String,
    /// Points earned.
    pub points: f32,
    /// Points it could earn.
    pub max: f32,
}

/// A resume's fit to a job, explained.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FitDto {
    /// The job.
    pub job: JobId,
    /// 0–100: the lines' points summed.
    pub score: u8,
    /// Required skills shown.
    pub required_met: u32,
    /// Required skills asked.
    pub required_total: u32,
    /// The explanation.
    pub lines: Vec<FitLineDto>,
}

/// A skill and how many resumes list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkillCountDto {
    /// As printed.
    pub skill: String,
    /// Resumes listing it.
    pub count: u64,
}

/// A language and how many resumes are written in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageCountDto {
    /// ISO 639-1 code.
    pub language: String,
    /// Resumes written in it.
    pub count: u64,
}

/// A tag and how many resumes carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagCountDto {
    /// As first typed.
    pub tag: String,
    /// Resumes carrying it.
    pub count: u64,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// One CSV row per resume.
    Csv,
    /// The same rows as Excel on this computer opens them (UTF-8 with a byte-order mark; `;`
    /// and decimal commas where the locale writes them).
    ExcelCsv,
    /// A zip of JSON Resume documents, one per resume.
    JsonResume,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportDone {
    /// The file written.
    pub path: String,
    /// Resumes in it.
    pub count: u64,
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
    /// Fields corrected by hand ("name", "headline", "email", "phone", "location").
    #[serde(default)]
    pub corrected: Vec<String>,
}

/// What the About box shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AboutDto {
    /// The app's version, e.g. `0.1.0`.
    pub version: String,
    /// The parser's version, as stored with each parsed resume.
    pub parser_version: String,
    /// The library folder this window works on.
    pub library: String,
    /// The programs CV Deck uses when the machine has them.
    pub tools: Vec<ToolDto>,
    /// The software CV Deck is built from, with its licences.
    pub licences: Vec<LicenceDto>,
}

/// A program CV Deck runs but does not ship (poppler's `pdftoppm`, Tesseract).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ToolDto {
    /// Its name, e.g. "Tesseract".
    pub name: String,
    /// What CV Deck does with it.
    pub used_for: String,
    /// Where it is, or none when it is not installed.
    pub path: Option<String>,
    /// The package that brings it, e.g. `tesseract-ocr`.
    pub package: String,
}

/// One licence and the software under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LicenceDto {
    /// The licence (an SPDX expression, e.g. `MIT OR Apache-2.0`).
    pub licence: String,
    /// What is under it, e.g. `tauri 2.12.5`.
    pub software: Vec<String>,
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

    /// `about() -> AboutDto`: versions, library, tools and licences.
    pub const ABOUT: &str = "about";

    /// `list_resumes(query, after, limit) -> CardPage`: keyset pages.
    pub const LIST_RESUMES: &str = "list_resumes";
    /// Arguments of [`LIST_RESUMES`].
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ListResumesArgs {
        /// Search, filters and sort.
        pub query: QueryDto,
        /// The previous page's `next`.
        pub after: Option<String>,
        /// Rows to return (capped by the shell).
        pub limit: u32,
    }

    /// `query_resumes(query) -> QueryResult`
    pub const QUERY_RESUMES: &str = "query_resumes";
    /// `skill_facets(query) -> Vec<SkillCountDto>`: the skills among the matches.
    pub const SKILL_FACETS: &str = "skill_facets";
    /// `language_facets(query) -> Vec<LanguageCountDto>`: the languages among what matches
    /// everything but the language filter.
    pub const LANGUAGE_FACETS: &str = "language_facets";
    /// Arguments of [`QUERY_RESUMES`], [`SKILL_FACETS`], [`LANGUAGE_FACETS`] and [`SAVE_VIEW`].
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct QueryArgs {
        /// Search, filters and sort.
        pub query: QueryDto,
    }

    /// `export_resumes(ids, format) -> Option<ExportDone>`: asks where with a save dialog;
    /// none when the user cancels.
    pub const EXPORT_RESUMES: &str = "export_resumes";
    /// Arguments of [`EXPORT_RESUMES`].
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ExportArgs {
        /// What to export, in order.
        pub ids: Vec<ResumeId>,
        /// How.
        pub format: ExportFormat,
    }

    /// `watch_folder() -> Option<Vec<String>>`: picks a folder with the native dialog, imports
    /// it and keeps importing what arrives; the watched folders, or none when cancelled.
    pub const WATCH_FOLDER: &str = "watch_folder";
    /// `unwatch_folder(path) -> Vec<String>`: the watched folders left.
    pub const UNWATCH_FOLDER: &str = "unwatch_folder";
    /// Arguments of [`UNWATCH_FOLDER`].
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct PathArgs {
        /// A folder.
        pub path: String,
    }
    /// `watched_folders() -> Vec<String>`
    pub const WATCHED_FOLDERS: &str = "watched_folders";

    /// `open_link(url) -> ()`: http, https and mailto links only.
    pub const OPEN_LINK: &str = "open_link";
    /// Arguments of [`OPEN_LINK`].
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct UrlArgs {
        /// The link.
        pub url: String,
    }

    /// `get_cards(ids) -> Vec<CardDto>`: cards coming into view, and the polling fallback.
    pub const GET_CARDS: &str = "get_cards";
    /// Arguments of [`GET_CARDS`].
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct IdsArgs {
        /// Resume ids.
        pub ids: Vec<ResumeId>,
    }

    /// `tag_facets(query) -> Vec<TagCountDto>`: the tags among the matches.
    pub const TAG_FACETS: &str = "tag_facets";
    /// `tag_resumes(ids, tag) -> u64`: puts a tag on resumes; how many got it.
    pub const TAG_RESUMES: &str = "tag_resumes";
    /// `untag_resumes(ids, tag) -> u64`: takes a tag off resumes; how many had it.
    pub const UNTAG_RESUMES: &str = "untag_resumes";
    /// Arguments of [`TAG_RESUMES`] and [`UNTAG_RESUMES`].
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct TagArgs {
        /// Resume ids.
        pub ids: Vec<ResumeId>,
        /// The tag.
        pub tag: String,
    }
    /// `correct_field(id, field, value) -> CardDto`: corrects a parsed field by hand (kept
    /// when re-parsed); no value goes back to what the parse found.
    pub const CORRECT_FIELD: &str = "correct_field";
    /// Arguments of [`CORRECT_FIELD`].
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct CorrectArgs {
        /// The resume.
        pub id: ResumeId,
        /// "name", "headline", "email", "phone" or "location".
        pub field: String,
        /// The correct value; none to undo the correction.
        pub value: Option<String>,
    }
    /// `retry_resumes(ids) -> u64`: parses these again as one import; how many were queued.
    pub const RETRY_RESUMES: &str = "retry_resumes";
    /// `delete_resumes(ids) -> u64`: removes these; how many were removed.
    pub const DELETE_RESUMES: &str = "delete_resumes";

    /// `get_resume(id) -> ResumeDetail`
    pub const GET_RESUME: &str = "get_resume";
    /// `retry_parsing(id) -> CardDto`
    pub const RETRY_PARSING: &str = "retry_parsing";
    /// `delete_resume(id) -> ()`
    pub const DELETE_RESUME: &str = "delete_resume";
    /// `open_original(id) -> ()`
    pub const OPEN_ORIGINAL: &str = "open_original";
    /// `page_previews(id) -> Vec<String>`: the original's first pages as `data:image/png`
    /// URLs (PDFs; empty for other formats).
    pub const PAGE_PREVIEWS: &str = "page_previews";
    /// `show_in_folder(id) -> ()`: the file manager, with the original (or the library's
    /// copy, when the original is gone) selected.
    pub const SHOW_IN_FOLDER: &str = "show_in_folder";
    /// Arguments of the commands that take one id.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    pub struct IdArgs {
        /// Resume id (or, for the job commands, job id).
        pub id: ResumeId,
    }

    /// `retry_all_failed() -> u64` (how many were queued).
    pub const RETRY_ALL_FAILED: &str = "retry_all_failed";
    /// `status_counts() -> StatusCounts`
    pub const STATUS_COUNTS: &str = "status_counts";

    /// `load_view() -> Option<QueryDto>`: how the window last showed this library.
    pub const LOAD_VIEW: &str = "load_view";
    /// `save_view(query)`: keeps how the window shows this library, for the next start.
    pub const SAVE_VIEW: &str = "save_view";

    /// `list_jobs() -> Vec<JobDto>`: newest first.
    pub const LIST_JOBS: &str = "list_jobs";
    /// `add_job(text, path) -> JobDto`: reads an ad given as text or as a file (PDF, DOCX,
    /// text, or a JSON Resume job document) and keeps it.
    pub const ADD_JOB: &str = "add_job";
    /// Arguments of [`ADD_JOB`]: one of the two.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct AddJobArgs {
        /// The ad's text.
        pub text: Option<String>,
        /// The ad's file.
        pub path: Option<String>,
    }
    /// `pick_job_file() -> Option<JobDto>`: an ad chosen in a file dialog, read and kept.
    pub const PICK_JOB_FILE: &str = "pick_job_file";
    /// `update_job(id, requirements) -> JobDto`
    pub const UPDATE_JOB: &str = "update_job";
    /// Arguments of [`UPDATE_JOB`].
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct UpdateJobArgs {
        /// The job.
        pub id: JobId,
        /// Its requirements, as corrected.
        pub requirements: RequirementsDto,
    }
    /// `delete_job(id)`
    pub const DELETE_JOB: &str = "delete_job";
    /// `export_job(id) -> Option<String>`: writes a JSON Resume job document where a save
    /// dialog says; the path, or none when cancelled.
    pub const EXPORT_JOB: &str = "export_job";
    /// `explain_fit(job, id) -> Option<FitDto>`: none for a resume not parsed.
    pub const EXPLAIN_FIT: &str = "explain_fit";
    /// Arguments of [`EXPLAIN_FIT`].
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ExplainArgs {
        /// The job.
        pub job: JobId,
        /// The resume.
        pub id: ResumeId,
    }
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
    /// Payload: [`ExportProgress`]; at most ten per second, and the last one.
    pub const EXPORT_PROGRESS: &str = "export://progress";
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

    /// How far an export has got.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ExportProgress {
        /// Resumes written.
        pub done: u64,
        /// Resumes to write.
        pub total: u64,
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
        /// Parsed but not saved (disk full, library unwritable): pending again.
        #[serde(default)]
        pub left_pending: u64,
        /// Why files were left pending.
        #[serde(default)]
        pub problem: Option<String>,
        /// Name of the one parsed resume, for a per-resume toast on a one-file import.
        pub single_name: Option<String>,
        /// A one-file import (a retry, one dropped file) that failed: the file and why.
        #[serde(default)]
        pub single_failure: Option<(String, String)>,
    }

    impl ImportFinished {
        /// What the toast and the notification say, decided from the summary alone (so the
        /// order in which events arrive cannot change it).
        pub fn sentence(&self) -> String {
            if let (Some(name), 1, 0, 0) = (
                &self.single_name,
                self.completed,
                self.failed,
                self.left_pending,
            ) {
                return format!("Resume for {name} parsed successfully");
            }
            if let (Some((file, why)), 0, 1) = (&self.single_failure, self.completed, self.failed) {
                return if why.is_empty() {
                    format!("{file} could not be parsed")
                } else {
                    format!("{file} could not be parsed: {why}")
                };
            }
            let mut text = format!("{} parsed, {} failed", self.completed, self.failed);
            if self.duplicates > 0 {
                text.push_str(&format!(", {} duplicates skipped", self.duplicates));
            }
            if self.left_pending > 0 {
                text.push_str(&format!(
                    "; {} left pending ({}): import again",
                    self.left_pending,
                    self.problem
                        .as_deref()
                        .unwrap_or("the library could not save them")
                ));
            }
            text
        }

        /// Whether anything needs the person's attention.
        pub fn has_trouble(&self) -> bool {
            self.failed > 0 || self.left_pending > 0
        }
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
    use super::events::ImportFinished;
    use super::*;

    #[test]
    fn retry_is_offered_only_where_it_can_end_otherwise() {
        let failure = |kind: &str| FailureDto {
            kind: kind.into(),
            message: String::new(),
        };
        for kind in [
            "timeout",
            "worker_crashed",
            "worker_unavailable",
            "no_text_layer",
        ] {
            assert!(failure(kind).retry_can_help(), "{kind}");
        }
        for kind in ["corrupt", "encrypted", "unsupported", "empty", "too_large"] {
            assert!(!failure(kind).retry_can_help(), "{kind}");
        }
    }

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

    #[test]
    fn import_summary_sentences() {
        let mut f = ImportFinished {
            import_id: 1,
            completed: 1,
            failed: 0,
            duplicates: 0,
            left_pending: 0,
            problem: None,
            single_name: Some("Jane Doe".into()),
            single_failure: None,
        };
        assert_eq!(f.sentence(), "Resume for Jane Doe parsed successfully");
        let failed = ImportFinished {
            completed: 0,
            failed: 1,
            single_name: None,
            single_failure: Some(("old.doc".into(), "legacy Word .doc: save it as DOCX".into())),
            ..f.clone()
        };
        assert_eq!(
            failed.sentence(),
            "old.doc could not be parsed: legacy Word .doc: save it as DOCX"
        );
        f.completed = 298;
        f.failed = 2;
        f.duplicates = 3;
        assert_eq!(f.sentence(), "298 parsed, 2 failed, 3 duplicates skipped");
        f.left_pending = 345;
        f.problem = Some("library database error: database or disk is full".into());
        assert_eq!(
            f.sentence(),
            "298 parsed, 2 failed, 3 duplicates skipped; 345 left pending \
             (library database error: database or disk is full): import again"
        );
    }
}
