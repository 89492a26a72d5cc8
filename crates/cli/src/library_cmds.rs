//! The library commands: list, search, show, retry, delete, export, stats.
//!
//! `--json` output is one JSON object per line (for `show`, the whole record); the fields are
//! documented in the README and only ever added to, never renamed.

use anyhow::{Context, Result};
use clap::Args;
use cvdeck_engine::export::{export, ExportFormat};
use cvdeck_engine::store::{Card, Cursor, Filter, ResumeId, Sort};
use cvdeck_engine::{Library, Status};
use std::path::Path;

/// Search, filters and sort shared by `list`, `search` and `export`.
#[derive(Args, Debug, Clone, Default)]
pub struct QueryArgs {
    /// Only this status: pending, processing, completed or failed.
    #[arg(long)]
    pub status: Option<String>,
    /// Words to find in names, headlines, skills, companies, titles, schools, places, text.
    #[arg(long)]
    pub search: Option<String>,
    /// Only resumes listing this skill (repeat for several: all must match).
    #[arg(long = "skill")]
    pub skills: Vec<String>,
    /// At least this many years of work experience.
    #[arg(long)]
    pub min_years: Option<u32>,
    /// At most this many years of work experience.
    #[arg(long)]
    pub max_years: Option<u32>,
    /// Only resumes written in this language (ISO 639-1: en, de, fr, es, pt, …).
    #[arg(long)]
    pub language: Option<String>,
    /// Only resumes with this tag (repeat for several: all must match).
    #[arg(long = "tag")]
    pub tags: Vec<String>,
    /// Order: newest, oldest, name, experience, updated or relevance.
    #[arg(long)]
    pub sort: Option<String>,
}

impl QueryArgs {
    pub fn to_query(&self) -> Result<(Filter, Sort)> {
        let status = match self.status.as_deref() {
            None => None,
            Some(s) => Some(Status::from_name(s).with_context(|| {
                format!("unknown status {s:?}: use pending, processing, completed or failed")
            })?),
        };
        let default_sort = if self.search.is_some() {
            Sort::Relevance
        } else {
            Sort::Newest
        };
        let sort = match self.sort.as_deref() {
            None => default_sort,
            Some(s) => Sort::from_name(s).with_context(|| {
                format!(
                    "unknown sort {s:?}: use newest, oldest, name, experience, updated or relevance"
                )
            })?,
        };
        let filter = Filter {
            search: self.search.clone(),
            status,
            skills: self.skills.clone(),
            language: self.language.as_deref().map(str::to_ascii_lowercase),
            tags: self.tags.clone(),
            ..Filter::default()
        }
        .with_years(self.min_years, self.max_years);
        Ok((filter, sort))
    }
}

pub fn list(library: &Library, query: &QueryArgs, json: bool) -> Result<()> {
    let (filter, sort) = query.to_query()?;
    let mut after: Option<Cursor> = None;
    loop {
        let page = library.page(&filter, sort, after.as_ref(), 500)?;
        for card in &page.cards {
            print_card(card, json)?;
        }
        for id in &page.unreadable {
            eprintln!(
                "cvdeck-cli: warning: resume {id} cannot be read (the library is damaged): \
                 run `cvdeck-cli doctor --repair`"
            );
        }
        match page.next {
            Some(next) => after = Some(next),
            None => return Ok(()),
        }
    }
}

fn print_card(c: &Card, json: bool) -> Result<()> {
    if json {
        out!("{}", serde_json::to_string(c)?);
        return Ok(());
    }
    let detail = match &c.failure {
        Some(f) => f.message.clone(),
        None => c.name.clone().unwrap_or_default(),
    };
    let years = c
        .experience_months
        .map(|m| format!("{:.1}y", m as f64 / 12.0))
        .unwrap_or_default();
    let same = if c.same_person.is_empty() {
        String::new()
    } else {
        let ids: Vec<String> = c.same_person.iter().map(|id| format!("#{id}")).collect();
        format!("\tsame person as {}", ids.join(", "))
    };
    let tags = if c.tags.is_empty() {
        String::new()
    } else {
        let tags: Vec<_> = c.tags.iter().map(|t| printable(t)).collect();
        format!("\ttags: {}", tags.join(", "))
    };
    out!(
        "{}\t{}\t{}\t{}\t{}{}{}",
        c.id,
        c.status.as_str(),
        printable(&c.file_name),
        printable(&detail),
        years,
        same,
        tags
    );
    Ok(())
}

/// Text for a terminal table: control characters (a tab or newline in a file name, an escape
/// sequence that would recolour the terminal) are shown escaped, so one row stays one line.
pub(crate) fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return s.into();
    }
    s.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

pub fn show(library: &Library, id: ResumeId, json: bool) -> Result<()> {
    let record = library.record(id)?;
    if json {
        let value = serde_json::json!({
            "card": record.card,
            "original_path": record.original_path,
            "format": record.format,
            "resume": record.resume,
            "text": record.text,
        });
        out!("{}", serde_json::to_string_pretty(&value)?);
        return Ok(());
    }
    let c = &record.card;
    out!("#{} {} ({})", c.id, c.file_name, c.status.as_str());
    out!("  file: {}", record.original_path.display());
    if let Some(f) = &c.failure {
        out!("  failed: {} ({})", f.message, f.kind);
    }
    if let Some(doc) = &record.resume {
        let b = &doc.basics;
        for (label, value) in [
            ("name", &b.name),
            ("headline", &b.label),
            ("email", &b.email),
            ("phone", &b.phone),
            ("url", &b.url),
        ] {
            if let Some(v) = value {
                out!("  {label}: {v}");
            }
        }
        if let Some(place) = b.location.one_line() {
            out!("  location: {place}");
        }
        for p in &b.profiles {
            out!(
                "  {}: {}",
                p.network,
                p.url.as_deref().or(p.username.as_deref()).unwrap_or("")
            );
        }
        for w in &doc.work {
            out!(
                "  work: {} — {} ({} – {})",
                w.position.as_deref().unwrap_or("?"),
                w.name.as_deref().unwrap_or("?"),
                w.start_date.as_deref().unwrap_or("?"),
                w.end_date.as_deref().unwrap_or("present")
            );
        }
        for e in &doc.education {
            out!(
                "  education: {} {} — {}",
                e.study_type.as_deref().unwrap_or(""),
                e.area.as_deref().unwrap_or(""),
                e.institution.as_deref().unwrap_or("?")
            );
        }
        let skills = doc.top_skills(50);
        if !skills.is_empty() {
            out!("  skills: {}", skills.join(", "));
        }
        for w in &doc.meta.warnings {
            out!("  warning: {w}");
        }
    }
    if !c.same_person.is_empty() {
        let ids: Vec<String> = c.same_person.iter().map(|id| format!("#{id}")).collect();
        out!("  same person as: {}", ids.join(", "));
    }
    Ok(())
}

pub fn delete(library: &Library, ids: &[ResumeId]) -> Result<()> {
    for id in ids {
        library.delete(*id)?;
        out!("deleted #{id}");
    }
    Ok(())
}

pub fn tag(library: &Library, tag: &str, ids: &[ResumeId], remove: bool) -> Result<()> {
    // As `show` and `delete` do: an id that is not there is an error, not "tagged 0".
    for id in ids {
        library.card(*id)?;
    }
    if remove {
        let n = library.remove_tag(ids, tag)?;
        out!("took {tag:?} off {n} resume(s)");
    } else {
        anyhow::ensure!(
            cvdeck_engine::store::normalise_tag(tag).is_some(),
            "a tag needs a word"
        );
        let n = library.add_tag(ids, tag)?;
        out!("tagged {n} resume(s) {tag:?}");
    }
    Ok(())
}

pub fn stats(library: &Library, json: bool) -> Result<()> {
    let counts = library.counts()?;
    let skills = library.skill_counts(&Filter::default(), 10)?;
    let languages = library.language_counts(&Filter::default())?;
    if json {
        let value = serde_json::json!({
            "total": counts.total(),
            "pending": counts.pending,
            "processing": counts.processing,
            "completed": counts.completed,
            "failed": counts.failed,
            "top_skills": skills.iter().map(|s| serde_json::json!({"skill": s.skill, "count": s.count})).collect::<Vec<_>>(),
            "languages": languages.iter().map(|l| serde_json::json!({"language": l.language, "count": l.count})).collect::<Vec<_>>(),
        });
        out!("{}", serde_json::to_string(&value)?);
        return Ok(());
    }
    out!(
        "{} resumes: {} completed, {} failed, {} pending, {} processing",
        counts.total(),
        counts.completed,
        counts.failed,
        counts.pending,
        counts.processing
    );
    print_counts(
        "top skills",
        skills.iter().map(|s| (s.skill.as_str(), s.count)),
    )?;
    print_counts(
        "languages",
        languages.iter().map(|l| (l.language.as_str(), l.count)),
    )?;
    Ok(())
}

/// "label: a (3), b (1)", when there is anything to list.
fn print_counts<'a>(label: &str, counts: impl Iterator<Item = (&'a str, u64)>) -> Result<()> {
    let listed: Vec<String> = counts.map(|(v, n)| format!("{v} ({n})")).collect();
    if !listed.is_empty() {
        out!("{label}: {}", listed.join(", "));
    }
    Ok(())
}

pub fn export_cmd(library: &Library, query: &QueryArgs, format: &str, out: &Path) -> Result<()> {
    let format = match format {
        "csv" => ExportFormat::Csv,
        "excel" => cvdeck_engine::excel_csv_format(),
        "jsonresume" | "json-resume" => ExportFormat::JsonResumeZip,
        other => anyhow::bail!("unknown format {other:?}: use csv, excel or jsonresume"),
    };
    let (filter, sort) = query.to_query()?;
    let ids = library.ids(&filter, sort)?;
    let bar = indicatif::ProgressBar::new(ids.len() as u64);
    let written = export(library, &ids, format, out, |done, _| bar.set_position(done))?;
    bar.finish_and_clear();
    out!("{written} resumes exported to {}", out.display());
    Ok(())
}
