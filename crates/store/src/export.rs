//! Getting resumes out: CSV for spreadsheets, JSON Resume documents (zipped) for other systems.
//!
//! Exports are written to a temporary file beside the target and renamed into place, so a
//! failed or interrupted export never leaves half a file under the user's chosen name. Only
//! regular files are written: a link is followed to the file it names (the link stays), and
//! a named pipe, a device or a folder is refused rather than replaced. A file that is
//! replaced keeps its permissions; a new one is readable by its owner only, as resumes are
//! personal data.

use crate::{Library, Record, ResumeId, StoreError};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// One row per resume: name, e-mail, phone, location, headline, years, skills, file.
    Csv,
    /// A zip holding one JSON Resume document per parsed resume.
    JsonResumeZip,
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Reading the library failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Writing the file failed.
    #[error("cannot write the export: {0}")]
    Io(#[from] std::io::Error),
    /// Writing CSV failed.
    #[error("cannot write the CSV: {0}")]
    Csv(#[from] csv::Error),
    /// Writing the zip failed.
    #[error("cannot write the zip: {0}")]
    Zip(#[from] zip::result::ZipError),
    /// The chosen path is not a regular file.
    #[error("cannot export to {path}: it is {what}, not a regular file")]
    NotAFile {
        /// The path as given.
        path: String,
        /// What is there ("a named pipe", "a device", "a folder").
        what: &'static str,
    },
}

/// The CSV header, in column order.
pub const CSV_HEADER: [&str; 12] = [
    "id",
    "name",
    "email",
    "phone",
    "location",
    "headline",
    "years_experience",
    "skills",
    "file",
    "status",
    "error",
    "tags",
];

/// Writes `ids` (missing ones skipped) to `out`; calls `progress(done, total)` as it goes.
/// Returns how many resumes were written.
pub fn export(
    library: &Library,
    ids: &[ResumeId],
    format: ExportFormat,
    out: &Path,
    mut progress: impl FnMut(u64, u64),
) -> Result<u64, ExportError> {
    let (out, keep_permissions) = export_target(out)?;
    let out = out.as_path();
    let dir = out.parent().filter(|p| !p.as_os_str().is_empty());
    let tmp = tempfile::NamedTempFile::new_in(dir.unwrap_or(Path::new(".")))?;
    let total = ids.len() as u64;
    let mut written = 0;
    match format {
        ExportFormat::Csv => {
            let mut csv = csv::Writer::from_writer(std::io::BufWriter::new(tmp.as_file()));
            csv.write_record(CSV_HEADER)?;
            for (i, id) in ids.iter().enumerate() {
                if let Some(record) = record(library, *id)? {
                    csv.write_record(csv_row(&record))?;
                    written += 1;
                }
                progress(i as u64 + 1, total);
            }
            csv.flush()?;
        }
        ExportFormat::JsonResumeZip => {
            let mut zip = zip::ZipWriter::new(std::io::BufWriter::new(tmp.as_file()));
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            for (i, id) in ids.iter().enumerate() {
                if let Some(Record {
                    resume: Some(resume),
                    card,
                    ..
                }) = record(library, *id)?
                {
                    let stem = card.name.as_deref().unwrap_or(&card.file_name);
                    zip.start_file(format!("{}-{}.json", card.id, slug(stem)), options)?;
                    let json = serde_json::to_vec_pretty(&resume).map_err(std::io::Error::from)?;
                    zip.write_all(&json)?;
                    written += 1;
                }
                progress(i as u64 + 1, total);
            }
            zip.finish()?.flush()?;
        }
    }
    if let Some(permissions) = keep_permissions {
        tmp.as_file().set_permissions(permissions)?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(out).map_err(|e| e.error)?;
    Ok(written)
}

/// Writes `bytes` to `out` the way [`export`] writes: to a regular file only (through links),
/// atomically, keeping the permissions of the file it replaces. For a job document.
pub fn write_file(out: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let (out, keep_permissions) = export_target(out)?;
    let dir = out.parent().filter(|p| !p.as_os_str().is_empty());
    let mut tmp = tempfile::NamedTempFile::new_in(dir.unwrap_or(Path::new(".")))?;
    tmp.write_all(bytes)?;
    if let Some(permissions) = keep_permissions {
        tmp.as_file().set_permissions(permissions)?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(&out).map_err(|e| e.error)?;
    Ok(())
}

/// The regular file an export to `out` writes: `out` itself, or the file a link there names
/// (followed through chains of links); with the permissions of the file it replaces, if any.
fn export_target(out: &Path) -> Result<(PathBuf, Option<std::fs::Permissions>), ExportError> {
    let mut target = out.to_owned();
    // Links are followed one at a time, so that a dangling one still names where to write.
    for _ in 0..40 {
        let meta = match std::fs::symlink_metadata(&target) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((target, None)),
            Err(e) => return Err(e.into()),
        };
        if meta.file_type().is_symlink() {
            let next = std::fs::read_link(&target)?;
            target = match target.parent() {
                Some(dir) if next.is_relative() => dir.join(next),
                _ => next,
            };
            continue;
        }
        if meta.is_file() {
            return Ok((target, Some(meta.permissions())));
        }
        let what = if meta.is_dir() {
            "a folder"
        } else {
            special_file_kind(&meta)
        };
        return Err(ExportError::NotAFile {
            path: out.display().to_string(),
            what,
        });
    }
    Err(ExportError::Io(std::io::Error::other(format!(
        "{}: too many levels of links",
        out.display()
    ))))
}

#[cfg(unix)]
fn special_file_kind(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_fifo() {
        "a named pipe"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "something else"
    }
}

#[cfg(not(unix))]
fn special_file_kind(_meta: &std::fs::Metadata) -> &'static str {
    "something else"
}

fn record(library: &Library, id: ResumeId) -> Result<Option<Record>, StoreError> {
    match library.record(id) {
        Ok(r) => Ok(Some(r)),
        Err(StoreError::NotFound(_)) => Ok(None),
        Err(e) => Err(e),
    }
}

fn csv_row(r: &Record) -> [String; 12] {
    let c = &r.card;
    let skills: Vec<String> = r
        .resume
        .as_ref()
        .map(|doc| doc.top_skills(10))
        .unwrap_or_else(|| c.skills.clone());
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    [
        c.id.to_string(),
        text(&c.name),
        text(&c.email),
        text(&c.phone),
        text(&c.location),
        text(&c.headline),
        c.experience_months
            .map(|m| format!("{:.1}", m as f64 / 12.0))
            .unwrap_or_default(),
        skills.join("; "),
        r.original_path.to_string_lossy().into_owned(),
        c.status.as_str().to_owned(),
        c.failure
            .as_ref()
            .map(|f| f.message.clone())
            .unwrap_or_default(),
        c.tags.join("; "),
    ]
}

/// A file-name-safe version of a name: letters and digits, dashes between words.
fn slug(s: &str) -> String {
    let words: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let slug = words.join("-");
    if slug.is_empty() {
        "resume".into()
    } else {
        slug.chars().take(60).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_file_names() {
        assert_eq!(slug("Jürgen Müller"), "jürgen-müller");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("   "), "resume");
    }
}
