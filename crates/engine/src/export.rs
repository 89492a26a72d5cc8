//! Getting resumes out: CSV for spreadsheets, JSON Resume documents (zipped) for other systems.
//!
//! Exports are written to a temporary file beside the target and renamed into place, so a
//! failed or interrupted export never leaves half a file under the user's chosen name.

use crate::store::{Library, Record, ResumeId, StoreError};
use std::io::Write;
use std::path::Path;

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
}

/// The CSV header, in column order.
pub const CSV_HEADER: [&str; 11] = [
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
    tmp.as_file().sync_all()?;
    tmp.persist(out).map_err(|e| e.error)?;
    Ok(written)
}

fn record(library: &Library, id: ResumeId) -> Result<Option<Record>, StoreError> {
    match library.record(id) {
        Ok(r) => Ok(Some(r)),
        Err(StoreError::NotFound(_)) => Ok(None),
        Err(e) => Err(e),
    }
}

fn csv_row(r: &Record) -> [String; 11] {
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
