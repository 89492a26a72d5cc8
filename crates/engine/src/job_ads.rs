//! A job ad given as a file: a JSON Resume job document, or an ad in any format CV Deck reads
//! resumes in (PDF, DOCX, ODT, RTF, text), whose text goes through the same worker processes,
//! limits and timeout as a resume's, so a hostile ad can only take down a worker.

use crate::file_parser::FileParser;
use crate::ParseError;
use cvdeck_match::job_document::JobDocument;
use cvdeck_match::{read_ad, Requirements};
use std::path::Path;

/// The longest job document read, in bytes: a job document is a few kilobytes.
const MAX_JOB_DOCUMENT_BYTES: u64 = 4 * 1024 * 1024;

/// A job ad, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobAd {
    /// What it asks.
    pub requirements: Requirements,
    /// Its text, kept with the job to read again or show.
    pub ad_text: Option<String>,
}

/// Why a job ad file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum JobAdError {
    /// The file could not be opened or read.
    #[error("cannot read {file}: {source}")]
    Io {
        /// The file, as given.
        file: String,
        /// Why.
        source: std::io::Error,
    },
    /// A `.json` file that is not a job document.
    #[error("{file} is not a JSON Resume job document: {why}")]
    NotAJobDocument {
        /// The file, as given.
        file: String,
        /// What the JSON reader said.
        why: String,
    },
    /// The ad's text could not be extracted (encrypted, damaged, unsupported format, …), or
    /// the parser process failed on it.
    #[error("{file}: {source}")]
    Unreadable {
        /// The file, as given.
        file: String,
        /// Why, with its kind and sentence.
        source: ParseError,
    },
}

/// Reads the ad in `path` with `parser`.
pub async fn read_job_file(path: &Path, parser: &FileParser) -> Result<JobAd, JobAdError> {
    let file = path.display().to_string();
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if is_json {
        let io = |source| JobAdError::Io {
            file: file.clone(),
            source,
        };
        let size = std::fs::metadata(path).map_err(io)?.len();
        if size > MAX_JOB_DOCUMENT_BYTES {
            return Err(JobAdError::NotAJobDocument {
                file,
                why: format!("{size} bytes is too large for one"),
            });
        }
        let bytes = std::fs::read(path).map_err(io)?;
        let document: JobDocument =
            serde_json::from_slice(&bytes).map_err(|e| JobAdError::NotAJobDocument {
                file: file.clone(),
                why: e.to_string(),
            })?;
        return Ok(JobAd {
            requirements: document.requirements(),
            ad_text: document.description.clone(),
        });
    }
    let parsed = parser
        .parse(path)
        .await
        .map_err(|source| JobAdError::Unreadable { file, source })?;
    Ok(JobAd {
        requirements: read_ad(&parsed.text),
        ad_text: Some(parsed.text),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Limits;
    use std::time::Duration;

    fn parser() -> FileParser {
        FileParser::new(None, Limits::default(), Duration::from_secs(10))
    }

    #[tokio::test]
    async fn an_ad_as_text_and_as_a_job_document() {
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("ad.txt");
        std::fs::write(
            &text,
            "Site Reliability Engineer\nRequirements\n- Linux, Terraform\n",
        )
        .unwrap();
        let ad = read_job_file(&text, &parser()).await.unwrap();
        assert_eq!(
            ad.requirements.title.as_deref(),
            Some("Site Reliability Engineer")
        );
        assert_eq!(ad.requirements.required, ["Linux", "Terraform"]);

        let json = dir.path().join("job.json");
        let document = JobDocument::of(&ad.requirements);
        std::fs::write(&json, serde_json::to_vec(&document).unwrap()).unwrap();
        let back = read_job_file(&json, &parser()).await.unwrap();
        assert_eq!(back.requirements, ad.requirements);
    }

    #[tokio::test]
    async fn a_json_file_that_is_not_a_job_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let json = dir.path().join("job.json");
        std::fs::write(&json, "[1, 2]").unwrap();
        let e = read_job_file(&json, &parser()).await.unwrap_err();
        assert!(
            e.to_string().contains("is not a JSON Resume job document"),
            "{e}"
        );
    }
}
