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
    /// The same rows as Excel opens them by double-click: UTF-8 with a byte-order mark (else
    /// it reads the file as the system's legacy code page), and where the system writes
    /// decimal commas, `;` between fields and a comma in the years (else `,` and a point).
    ExcelCsv {
        /// Whether the system's locale writes decimal commas (see
        /// [`locale_uses_decimal_comma`]).
        decimal_comma: bool,
    },
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

/// What makes Excel read a CSV file as UTF-8.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Languages whose numbers are written with a decimal comma (BCP 47 primary subtags, from
/// CLDR's decimal symbols), and the regions where one of them writes a decimal point
/// instead. Excel then separates CSV fields with `;`.
const DECIMAL_COMMA_LANGUAGES: &[&str] = &[
    "af", "az", "be", "bg", "bs", "ca", "cs", "da", "de", "el", "es", "et", "eu", "fi", "fo", "fr",
    "gl", "hr", "hu", "hy", "id", "is", "it", "ka", "kk", "lt", "lv", "mk", "nb", "nl", "nn", "no",
    "pl", "pt", "ro", "ru", "sk", "sl", "sq", "sr", "sv", "tr", "uk", "uz", "vi",
];
/// `language-REGION` pairs of those languages that write a decimal point (419: Latin America).
const DECIMAL_POINT_REGIONS: &[&str] = &[
    "de-ch", "de-li", "es-419", "es-do", "es-gt", "es-hn", "es-mx", "es-ni", "es-pa", "es-pe",
    "es-pr", "es-sv", "es-us", "it-ch",
];

/// Whether a locale (`de-DE`, `de_CH.UTF-8`, `pt_BR`) writes decimal commas. An unknown or
/// empty locale writes points.
pub fn locale_uses_decimal_comma(locale: &str) -> bool {
    let tag = locale
        .split(['.', '@'])
        .next()
        .unwrap_or_default()
        .replace('_', "-")
        .to_ascii_lowercase();
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    // The region is the first two-letter (or three-digit) subtag after the language.
    let region =
        parts.find(|p| p.len() == 2 || (p.len() == 3 && p.chars().all(|c| c.is_ascii_digit())));
    let pair = region.map(|r| format!("{language}-{r}"));
    DECIMAL_COMMA_LANGUAGES.binary_search(&language).is_ok()
        && pair.is_none_or(|p| DECIMAL_POINT_REGIONS.binary_search(&p.as_str()).is_err())
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
        ExportFormat::Csv | ExportFormat::ExcelCsv { .. } => {
            let decimal_comma = matches!(
                format,
                ExportFormat::ExcelCsv {
                    decimal_comma: true
                }
            );
            let excel = matches!(format, ExportFormat::ExcelCsv { .. });
            let mut file = std::io::BufWriter::new(tmp.as_file());
            if excel {
                file.write_all(UTF8_BOM)?;
            }
            let mut csv = csv::WriterBuilder::new()
                .delimiter(if decimal_comma { b';' } else { b',' })
                // Excel on Windows writes and expects CRLF; other tools take either.
                .terminator(if excel {
                    csv::Terminator::CRLF
                } else {
                    csv::Terminator::Any(b'\n')
                })
                .from_writer(file);
            csv.write_record(CSV_HEADER)?;
            for (i, id) in ids.iter().enumerate() {
                if let Some(record) = record(library, *id)? {
                    csv.write_record(csv_row(&record, decimal_comma))?;
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

fn csv_row(r: &Record, decimal_comma: bool) -> [String; 12] {
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
            .map(|m| {
                let years = format!("{:.1}", m as f64 / 12.0);
                if decimal_comma {
                    years.replace('.', ",")
                } else {
                    years
                }
            })
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
    fn locale_tables_are_sorted_and_unique() {
        for table in [DECIMAL_COMMA_LANGUAGES, DECIMAL_POINT_REGIONS] {
            for pair in table.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "{:?} must come after {:?}",
                    pair[0],
                    pair[1]
                );
            }
        }
    }

    #[test]
    fn decimal_commas_by_locale() {
        for comma in [
            "de-DE",
            "de_AT.UTF-8",
            "fr_FR",
            "pt-BR",
            "es-ES",
            "nl",
            "ru_RU@euro",
        ] {
            assert!(locale_uses_decimal_comma(comma), "{comma}");
        }
        for point in [
            "en-US",
            "en_GB.UTF-8",
            "de-CH",
            "es-MX",
            "es-419",
            "ja-JP",
            "zh-Hans-CN",
            "",
            "C",
        ] {
            assert!(!locale_uses_decimal_comma(point), "{point}");
        }
        assert!(locale_uses_decimal_comma("sr-Latn-RS"));
    }

    #[test]
    fn slugs_are_safe_file_names() {
        assert_eq!(slug("Jürgen Müller"), "jürgen-müller");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("   "), "resume");
    }
}
