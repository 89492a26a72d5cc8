//! The one place engine types become wire types (and engine errors become `{code, message}`).

use cvdeck_engine::export::ExportError;
use cvdeck_engine::extract::tools::ExternalTool;
use cvdeck_engine::job_ads::JobAdError;
use cvdeck_engine::matching::{Fit, LanguageRequirement, LineKind, Requirements};
use cvdeck_engine::store::Job;
use cvdeck_engine::store::{
    Card, Counts, Field, Filter, LanguageCount, Record, SkillCount, Sort, StoreError, TagCount,
};
use cvdeck_engine::{EngineError, ImportHandle, ImportProgress, ImportSummary, Status};
use cvdeck_wire::events::{ImportFinished, ImportProgress as ProgressDto};
use cvdeck_wire::{
    CardDto, CommandError, ErrorCode, ExportFormat, FailureDto, FitDto, FitLineDto, FitLineKind,
    ImportStarted, JobDto, JobId, LanguageCountDto, LanguageRequirementDto, ParseStatus, QueryDto,
    RequirementsDto, ResumeDetail, SkillCountDto, SortKey, StatusCounts, TagCountDto, ToolDto,
};

pub fn tool(t: &ExternalTool) -> ToolDto {
    ToolDto {
        name: t.known_as.to_owned(),
        used_for: t.used_for.to_owned(),
        path: t.find().map(|p| p.display().to_string()),
        package: t.package.to_owned(),
    }
}

pub fn status(s: Status) -> ParseStatus {
    match s {
        Status::Pending => ParseStatus::Pending,
        Status::Processing => ParseStatus::Processing,
        Status::Completed => ParseStatus::Completed,
        Status::Failed => ParseStatus::Failed,
    }
}

pub fn status_from_wire(s: ParseStatus) -> Status {
    match s {
        ParseStatus::Pending => Status::Pending,
        ParseStatus::Processing => Status::Processing,
        ParseStatus::Completed => Status::Completed,
        ParseStatus::Failed => Status::Failed,
    }
}

pub fn card(c: Card) -> CardDto {
    CardDto {
        id: c.id,
        file_name: c.file_name,
        status: status(c.status),
        name: c.name,
        headline: c.headline,
        email: c.email,
        phone: c.phone,
        location: c.location,
        skills: c.skills,
        error: c.failure.map(|f| FailureDto {
            kind: f.kind,
            message: f.message,
        }),
        attempts: c.attempts,
        updated_at: c.updated_at,
        experience_months: c.experience_months,
        same_person: c.same_person,
        tags: c.tags,
    }
}

/// A query from the UI as the library's filter and sort.
pub fn query(q: QueryDto) -> (Filter, Sort) {
    let filter = Filter {
        search: q.search.filter(|s| !s.trim().is_empty()),
        status: q.status.map(status_from_wire),
        skills: q.skills,
        language: q.language.filter(|l| !l.is_empty()),
        tags: q.tags,
        ..Filter::default()
    }
    .with_years(q.min_years, q.max_years);
    let sort = match q.sort {
        SortKey::Newest => Sort::Newest,
        SortKey::Oldest => Sort::Oldest,
        SortKey::Name => Sort::Name,
        SortKey::Experience => Sort::Experience,
        SortKey::Updated => Sort::Updated,
        SortKey::Relevance => Sort::Relevance,
        // Without a job there is no fit: the default order.
        SortKey::Fit => Sort::Newest,
    };
    (filter, sort)
}

/// A skill facet.
pub fn skill_count(s: SkillCount) -> SkillCountDto {
    SkillCountDto {
        skill: s.skill,
        count: s.count,
    }
}

/// A language facet.
pub fn language_count(l: LanguageCount) -> LanguageCountDto {
    LanguageCountDto {
        language: l.language,
        count: l.count,
    }
}

/// A tag facet.
pub fn tag_count(t: TagCount) -> TagCountDto {
    TagCountDto {
        tag: t.tag,
        count: t.count,
    }
}

/// The engine's export format.
pub fn export_format(f: ExportFormat) -> cvdeck_engine::export::ExportFormat {
    match f {
        ExportFormat::Csv => cvdeck_engine::export::ExportFormat::Csv,
        ExportFormat::ExcelCsv => cvdeck_engine::excel_csv_format(),
        ExportFormat::JsonResume => cvdeck_engine::export::ExportFormat::JsonResumeZip,
    }
}

/// An export failure as the UI sees it.
pub fn export_error(e: ExportError) -> CommandError {
    match e {
        ExportError::Store(s) => store_error(s),
        other => CommandError::new(ErrorCode::Storage, other.to_string()),
    }
}

pub fn detail(r: Record, corrected: Vec<Field>) -> ResumeDetail {
    ResumeDetail {
        card: card(r.card),
        original_path: r.original_path.to_string_lossy().into_owned(),
        format: r.format,
        resume: r.resume.and_then(|doc| serde_json::to_value(doc).ok()),
        text: r.text,
        corrected: corrected
            .into_iter()
            .map(|f| f.as_str().to_owned())
            .collect(),
    }
}

pub fn counts(c: Counts) -> StatusCounts {
    StatusCounts {
        pending: c.pending,
        processing: c.processing,
        completed: c.completed,
        failed: c.failed,
    }
}

pub fn started(h: &ImportHandle) -> ImportStarted {
    ImportStarted {
        import_id: h.import_id,
        queued: h.queued,
        duplicates: h.duplicates,
        rejected: h.rejected,
    }
}

pub fn progress(p: ImportProgress) -> ProgressDto {
    ProgressDto {
        import_id: p.import_id,
        done: p.done,
        failed: p.failed,
        total: p.total,
    }
}

pub fn finished(s: ImportSummary) -> ImportFinished {
    ImportFinished {
        import_id: s.import_id,
        completed: s.completed,
        failed: s.failed,
        duplicates: s.duplicates,
        left_pending: s.left_pending,
        problem: s.problem,
        single_name: s.single_name,
        single_failure: s.single_failure,
    }
}

pub fn store_error(e: StoreError) -> CommandError {
    let code = match &e {
        StoreError::NotFound(_) | StoreError::JobNotFound(_) => ErrorCode::NotFound,
        StoreError::Conflict { .. } => ErrorCode::Conflict,
        StoreError::Sqlite(_)
        | StoreError::Io(_)
        | StoreError::Damaged(_)
        | StoreError::NotALibrary(_)
        | StoreError::ReadOnly
        | StoreError::Outdated => ErrorCode::Storage,
    };
    CommandError::new(code, e.to_string())
}

pub fn engine_error(e: EngineError) -> CommandError {
    match e {
        EngineError::Store(s) => store_error(s),
        EngineError::Task(m) => CommandError::new(ErrorCode::Internal, m),
    }
}

/// A job's requirements for the window.
pub fn requirements(r: Requirements) -> RequirementsDto {
    RequirementsDto {
        title: r.title,
        required: r.required,
        nice: r.nice,
        min_years: r.min_years,
        languages: r
            .languages
            .into_iter()
            .map(|l| LanguageRequirementDto {
                code: l.code,
                level: l.level,
            })
            .collect(),
        location: r.location,
        remote: r.remote,
    }
}

/// Requirements as the window corrected them; skills are kept under the names the skill
/// table knows them by ("k8s" → "Kubernetes"), each once.
pub fn requirements_from_wire(r: RequirementsDto) -> Requirements {
    let mut out = Requirements {
        title: r.title.filter(|t| !t.trim().is_empty()),
        min_years: r.min_years.filter(|y| *y > 0),
        languages: r
            .languages
            .into_iter()
            .map(|l| LanguageRequirement {
                code: l.code.to_ascii_lowercase(),
                level: l.level.filter(|l| (1..=6).contains(l)),
            })
            .collect(),
        location: r.location.filter(|l| !l.trim().is_empty()),
        remote: r.remote,
        ..Requirements::default()
    };
    for skill in r.nice.iter().filter(|s| !s.trim().is_empty()) {
        out.welcome(skill);
    }
    for skill in r.required.iter().filter(|s| !s.trim().is_empty()) {
        out.require(skill);
    }
    out
}

pub fn job(j: Job) -> JobDto {
    JobDto {
        id: j.id,
        title: j.title(),
        requirements: requirements(j.requirements),
    }
}

pub fn fit(job: JobId, f: Fit) -> FitDto {
    FitDto {
        job,
        score: f.score,
        required_met: f.required_met as u32,
        required_total: f.required_total as u32,
        lines: f
            .lines
            .into_iter()
            .map(|l| FitLineDto {
                kind: match l.kind {
                    LineKind::Required => FitLineKind::Required,
                    LineKind::Nice => FitLineKind::Nice,
                    LineKind::Title => FitLineKind::Title,
                    LineKind::Years => FitLineKind::Years,
                    LineKind::Language => FitLineKind::Language,
                    LineKind::Place => FitLineKind::Place,
                },
                asked: l.asked,
                met: l.met,
                found: l.found,
                points: l.points,
                max: l.max,
            })
            .collect(),
    }
}

pub fn job_ad_error(e: JobAdError) -> CommandError {
    let code = match e {
        JobAdError::Io { .. } => ErrorCode::InvalidInput,
        JobAdError::NotAJobDocument { .. } | JobAdError::Unreadable { .. } => {
            ErrorCode::InvalidInput
        }
    };
    CommandError::new(code, e.to_string())
}
