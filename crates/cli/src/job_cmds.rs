//! `job` and `match`: jobs kept in the library, and resumes ranked against one.

use crate::library_cmds::{printable, QueryArgs};
use anyhow::{Context, Result};
use clap::Subcommand;
use cvdeck_engine::matching::job_document::JobDocument;
use cvdeck_engine::matching::{read_ad, Fit, LanguageRequirement, Requirements};
use cvdeck_engine::store::{Job, JobId};
use cvdeck_engine::{FileParser, Library, Limits};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// What `job` does.
#[derive(Subcommand)]
pub enum JobCommand {
    /// Read a job ad (PDF, DOCX, ODT, RTF, text, or a JSON Resume job document) and keep it;
    /// prints the job's id and the requirements read from it.
    Add {
        /// The ad's file.
        #[arg(required_unless_present = "text", conflicts_with = "text")]
        file: Option<PathBuf>,
        /// The ad's text instead of a file.
        #[arg(long)]
        text: Option<String>,
        /// The job's title, if the ad's first line is not it.
        #[arg(long)]
        title: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// The jobs kept, newest first.
    List {
        /// Print JSON lines.
        #[arg(long)]
        json: bool,
    },
    /// One job's requirements.
    Show {
        /// Job id.
        id: JobId,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Correct a job's requirements.
    Edit {
        /// Job id.
        id: JobId,
        /// Make a skill required (repeat for several).
        #[arg(long = "require")]
        require: Vec<String>,
        /// Make a skill nice to have.
        #[arg(long = "nice")]
        nice: Vec<String>,
        /// Take a skill out.
        #[arg(long = "drop")]
        drop: Vec<String>,
        /// Minimum years of experience (0: none).
        #[arg(long)]
        min_years: Option<u32>,
        /// The job's title.
        #[arg(long)]
        title: Option<String>,
        /// Where the work is ("" for nowhere in particular).
        #[arg(long)]
        location: Option<String>,
        /// Whether the work can be done from anywhere.
        #[arg(long)]
        remote: Option<bool>,
        /// A spoken language asked for, as ISO 639-1 with an optional CEFR level ("de:C1").
        #[arg(long = "language")]
        languages: Vec<String>,
        /// Take a spoken language out ("de").
        #[arg(long = "drop-language")]
        drop_languages: Vec<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Remove a job (the resumes stay).
    Delete {
        /// Job id.
        id: JobId,
    },
    /// Write a job as a JSON Resume job document.
    Export {
        /// Job id.
        id: JobId,
        /// The file to write.
        #[arg(long)]
        out: PathBuf,
    },
}

/// Runs a `job` command.
pub fn job(library_dir: &Path, command: JobCommand) -> Result<()> {
    use crate::{open, open_for_reading};
    match command {
        JobCommand::Add {
            file,
            text,
            title,
            json,
        } => {
            let (mut requirements, ad_text) = match (file, text) {
                (Some(file), _) => read_file(&file)?,
                (None, Some(text)) => (read_ad(&text), Some(text)),
                (None, None) => anyhow::bail!("give the ad as a file or with --text"),
            };
            if let Some(title) = title {
                requirements.title = Some(title);
            }
            let library = open(library_dir)?;
            let job = library.add_job(&requirements, ad_text.as_deref())?;
            print_job(&job, json)
        }
        JobCommand::List { json } => {
            let library = open_for_reading(library_dir)?;
            for job in library.jobs()? {
                if json {
                    out!("{}", serde_json::to_string(&JobJson::of(&job))?);
                } else {
                    let r = &job.requirements;
                    out!(
                        "{}\t{}\t{} required, {} nice to have",
                        job.id,
                        printable(&job.title()),
                        r.required.len(),
                        r.nice.len()
                    );
                }
            }
            Ok(())
        }
        JobCommand::Show { id, json } => print_job(&open_for_reading(library_dir)?.job(id)?, json),
        JobCommand::Edit {
            id,
            require,
            nice,
            drop,
            min_years,
            title,
            location,
            remote,
            languages,
            drop_languages,
            json,
        } => {
            let library = open(library_dir)?;
            let mut reqs = library.job(id)?.requirements;
            for skill in &drop {
                reqs.drop_skill(skill);
            }
            for skill in &require {
                reqs.require(skill);
            }
            for skill in &nice {
                reqs.welcome(skill);
            }
            if let Some(years) = min_years {
                reqs.min_years = (years > 0).then_some(years);
            }
            if let Some(title) = title {
                reqs.title = Some(title).filter(|t| !t.trim().is_empty());
            }
            if let Some(location) = location {
                reqs.location = Some(location).filter(|l| !l.trim().is_empty());
            }
            if let Some(remote) = remote {
                reqs.remote = remote;
            }
            for code in &drop_languages {
                reqs.languages
                    .retain(|l| !l.code.eq_ignore_ascii_case(code));
            }
            for language in &languages {
                let asked = language_requirement(language)?;
                reqs.languages.retain(|l| l.code != asked.code);
                reqs.languages.push(asked);
            }
            print_job(&library.update_job(id, &reqs)?, json)
        }
        JobCommand::Delete { id } => {
            open(library_dir)?.delete_job(id)?;
            out!("job {id} deleted");
            Ok(())
        }
        JobCommand::Export { id, out } => {
            let job = open_for_reading(library_dir)?.job(id)?;
            let document = JobDocument::of(&job.requirements);
            let json = serde_json::to_vec_pretty(&document)?;
            cvdeck_engine::export::write_file(&out, &json)?;
            out!("job {id} exported to {}", out.display());
            Ok(())
        }
    }
}

/// "de", "de:C1", "en:b2".
fn language_requirement(text: &str) -> Result<LanguageRequirement> {
    let (code, level) = match text.split_once(':') {
        Some((code, level)) => (code, Some(level)),
        None => (text, None),
    };
    let code = code.trim().to_ascii_lowercase();
    anyhow::ensure!(
        code.len() == 2 && code.chars().all(|c| c.is_ascii_lowercase()),
        "{text:?}: give a language as its two-letter ISO 639-1 code, e.g. de or de:C1"
    );
    let level = match level.map(|l| l.trim().to_ascii_uppercase()) {
        None => None,
        Some(l) => Some(
            ["A1", "A2", "B1", "B2", "C1", "C2"]
                .iter()
                .position(|c| *c == l)
                .map(|i| i as u8 + 1)
                .with_context(|| format!("{text:?}: the level is one of A1, A2, B1, B2, C1, C2"))?,
        ),
    };
    Ok(LanguageRequirement { code, level })
}

/// The requirements and text of an ad file, read through parser workers.
fn read_file(file: &Path) -> Result<(Requirements, Option<String>)> {
    anyhow::ensure!(file.exists(), "{} does not exist", file.display());
    let parser = FileParser::new(
        Some(cvdeck_engine::worker::WorkerCommand::current_exe()?),
        Limits::default(),
        std::time::Duration::from_secs(30),
    );
    let runtime = tokio::runtime::Runtime::new()?;
    let ad = runtime.block_on(cvdeck_engine::job_ads::read_job_file(file, &parser))?;
    Ok((ad.requirements, ad.ad_text))
}

/// A job as `--json` prints it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JobJson<'a> {
    id: JobId,
    title: String,
    requirements: &'a Requirements,
    created_at: i64,
    updated_at: i64,
}

impl<'a> JobJson<'a> {
    fn of(job: &'a Job) -> JobJson<'a> {
        JobJson {
            id: job.id,
            title: job.title(),
            requirements: &job.requirements,
            created_at: job.created_at,
            updated_at: job.updated_at,
        }
    }
}

fn print_job(job: &Job, json: bool) -> Result<()> {
    if json {
        out!("{}", serde_json::to_string(&JobJson::of(job))?);
        return Ok(());
    }
    let r = &job.requirements;
    let list = |items: &[String]| {
        if items.is_empty() {
            "—".to_owned()
        } else {
            printable(&items.join(", ")).into_owned()
        }
    };
    out!("job {}\t{}", job.id, printable(&job.title()));
    out!("  required\t{}", list(&r.required));
    out!("  nice to have\t{}", list(&r.nice));
    out!(
        "  years\t{}",
        r.min_years.map_or("—".to_owned(), |y| format!("{y}+"))
    );
    let languages: Vec<String> = r
        .languages
        .iter()
        .map(|l| match l.level {
            Some(level) => format!(
                "{} {}",
                l.code,
                ["A1", "A2", "B1", "B2", "C1", "C2"][usize::from(level.clamp(1, 6) - 1)]
            ),
            None => l.code.clone(),
        })
        .collect();
    out!("  languages\t{}", list(&languages));
    let place = match (&r.location, r.remote) {
        (_, true) => "remote".to_owned(),
        (Some(l), false) => printable(l).into_owned(),
        (None, false) => "—".to_owned(),
    };
    out!("  place\t{place}");
    Ok(())
}

/// Where `match` takes its job from.
pub enum JobSource {
    /// A job kept in the library.
    Kept(JobId),
    /// An ad file, read for this ranking only.
    File(PathBuf),
}

/// Options of `match`.
pub struct MatchArgs<'a> {
    pub job: JobSource,
    pub top: Option<usize>,
    pub json: bool,
    pub all_required: bool,
    pub min_score: Option<u8>,
    pub query: &'a QueryArgs,
}

/// One ranked resume as `match --json` prints it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MatchJson<'a> {
    id: i64,
    rank: usize,
    score: u8,
    name: Option<&'a str>,
    file: &'a str,
    required_met: usize,
    required_total: usize,
    lines: &'a [cvdeck_engine::matching::Line],
}

/// Prints the library's resumes ranked against a job, best first.
pub fn match_cmd(library: &Library, args: MatchArgs<'_>) -> Result<()> {
    let reqs = match &args.job {
        JobSource::Kept(id) => library.job(*id)?.requirements,
        JobSource::File(file) => read_file(file)?.0,
    };
    anyhow::ensure!(
        !reqs.required.is_empty() || !reqs.nice.is_empty() || reqs.min_years.is_some() || reqs.title.is_some(),
        "the job asks for nothing to rank by: add skills with `cvdeck-cli job edit ID --require SKILL`"
    );
    let (filter, _) = args.query.to_query()?;
    let ranking = library.rank(&reqs, &filter)?;
    let kept = ranking.ranked.iter().filter(|r| {
        (!args.all_required || r.has_all_required()) && args.min_score.is_none_or(|m| r.score >= m)
    });
    let top = args.top.unwrap_or(usize::MAX);
    let shown: Vec<i64> = kept.take(top).map(|r| r.id).collect();
    // Explained a page at a time, so that a long ranking starts printing at once.
    for (page_start, page) in shown.chunks(200).enumerate().map(|(i, p)| (i * 200, p)) {
        let fits = library.fits(&reqs, page)?;
        for (offset, (id, fit)) in page.iter().zip(fits).enumerate() {
            let Some(fit) = fit else { continue };
            let card = library.card(*id)?;
            if args.json {
                out!(
                    "{}",
                    serde_json::to_string(&MatchJson {
                        id: *id,
                        rank: page_start + offset + 1,
                        score: fit.score,
                        name: card.name.as_deref(),
                        file: &card.file_name,
                        required_met: fit.required_met,
                        required_total: fit.required_total,
                        lines: &fit.lines,
                    })?
                );
            } else {
                print_fit(*id, card.name.as_deref().unwrap_or(&card.file_name), &fit)?;
            }
        }
    }
    Ok(())
}

fn print_fit(id: i64, name: &str, fit: &Fit) -> Result<()> {
    use cvdeck_engine::matching::LineKind;
    let required = |met: bool| -> String {
        let skills: Vec<&str> = fit
            .lines
            .iter()
            .filter(|l| l.kind == LineKind::Required && l.met == met)
            .map(|l| l.asked.as_str())
            .collect();
        if skills.is_empty() {
            "—".to_owned()
        } else {
            printable(&skills.join(", ")).into_owned()
        }
    };
    out!(
        "{id}\t{}\t{}\thas: {}\tmissing: {}",
        fit.score,
        printable(name),
        required(true),
        required(false)
    );
    Ok(())
}
