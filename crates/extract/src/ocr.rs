//! OCR for scans: pages rasterised by poppler's `pdftoppm`, read by Tesseract, both found at
//! run time (see `tools`). Without them, a scan fails with a message that says what to install.

use super::ocr_layout::text_of_tsv;
use super::scan_rules::GrayPage;
use super::tools::{ExternalTool, PDFTOPPM, TESSERACT};
use crate::ExtractError;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs a tool with no output pipes (it writes files), killing it at the deadline.
pub(super) fn run_until(
    mut command: Command,
    deadline: Instant,
    what: &str,
) -> Result<bool, ExtractError> {
    die_with_this_thread(&mut command);
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| ExtractError::Io(format!("cannot run {what}: {e}")))?;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(status.success());
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Err(ExtractError::Timeout(BUDGET.as_secs()));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The tool is killed if the thread that started it ends: when the worker process is killed
/// at the per-file timeout, its OCR tools go with it instead of running on as orphans.
#[cfg(target_os = "linux")]
fn die_with_this_thread(command: &mut Command) {
    use std::os::unix::process::CommandExt;
    // SAFETY: prctl is async-signal-safe and touches only the child being started.
    unsafe {
        command.pre_exec(|| {
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) == -1 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

#[cfg(not(target_os = "linux"))]
fn die_with_this_thread(_command: &mut Command) {}

/// Languages asked of Tesseract, where their data is installed.
const LANGUAGES: &[&str] = &["eng", "deu", "fra", "spa", "por"];
/// Longest side of a rasterised page in pixels (about 220 dpi on A4): enough for 9 pt type,
/// and a bound on memory whatever size a hostile page claims.
const PAGE_PIXELS: &str = "2600";
/// OCR of one document stops after this long (inside the queue's per-file timeout).
const BUDGET: Duration = Duration::from_secs(20);
/// Scans longer than this are not worth OCR time in an import.
const MAX_PAGES: usize = 6;

fn installed_languages(tesseract: &Path) -> String {
    let listed = Command::new(tesseract)
        .arg("--list-langs")
        .stderr(Stdio::null())
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    let have: Vec<&str> = LANGUAGES
        .iter()
        .copied()
        .filter(|l| listed.lines().any(|x| x.trim() == *l))
        .collect();
    if have.is_empty() {
        "eng".to_owned()
    } else {
        have.join("+")
    }
}

/// A scan that cannot be read because `tool` is not installed.
fn scan_needs(tool: ExternalTool) -> ExtractError {
    ExtractError::scanned_pdf(&tool.needed_by("scanned PDFs"))
}

/// OCR of each image by `tesseract`, in order, its words laid out by position
/// (`ocr_layout.rs`); `nothing` is the error when no text comes back.
fn read_images(
    tesseract: &Path,
    images: &[PathBuf],
    nothing: ExtractError,
    deadline: Instant,
) -> Result<String, ExtractError> {
    let languages = installed_languages(tesseract);
    let mut text = Vec::new();
    for image in images {
        let out_base = image.with_extension("ocr");
        let mut command = Command::new(tesseract);
        // Tesseract's OpenMP threads spin against each other and against our other
        // workers: one thread is ten times faster here (1.8 s against 17 s a page).
        command
            .env("OMP_THREAD_LIMIT", "1")
            .arg(image)
            .arg(&out_base)
            .args(["-l", &languages, "--psm", "3", "tsv"]);
        if !run_until(command, deadline, "tesseract")? {
            return Err(ExtractError::corrupt(
                "image",
                "tesseract could not read it",
            ));
        }
        // The words with their boxes, laid out as a PDF's glyphs are (columns, bands).
        let tsv = std::fs::read_to_string(out_base.with_extension("ocr.tsv")).unwrap_or_default();
        text.push(text_of_tsv(&tsv).replace(crate::layout::COLUMN_BREAK, crate::COLUMN_START_LINE));
    }
    let joined = text.join("\x0c");
    if joined.trim().is_empty() {
        return Err(nothing);
    }
    Ok(read_digits_in_addresses(&joined))
}

/// Tesseract reads a zero in a web address as a capital O ("github.com/21ITRO69"), since
/// its dictionary prefers letters; in an address, a capital O beside a digit is a zero.
fn read_digits_in_addresses(text: &str) -> String {
    static ADDRESS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)\b(?:https?://|www\.)\S+").expect("a valid pattern")
    });
    ADDRESS
        .replace_all(text, |found: &regex::Captures| {
            let chars: Vec<char> = found[0].chars().collect();
            let digit_at = |i: Option<usize>| {
                i.and_then(|i| chars.get(i))
                    .is_some_and(char::is_ascii_digit)
            };
            chars
                .iter()
                .enumerate()
                .map(|(i, &c)| {
                    if c == 'O' && (digit_at(i.checked_sub(1)) || digit_at(Some(i + 1))) {
                        '0'
                    } else {
                        c
                    }
                })
                .collect::<String>()
        })
        .into_owned()
}

/// Draws the first `max_pages` pages of `pdf` as pictures in `into` with poppler's
/// `pdftoppm` (`options` say how big and which format: `-png`, or grey PGM with `-gray`),
/// stopped at the deadline; the files in page order. When
/// pdftoppm fails, the PDF is corrupt for the reason `failure` gives.
pub(super) fn draw_pages(
    pdftoppm: &Path,
    pdf: &Path,
    options: &[&str],
    max_pages: usize,
    into: &Path,
    deadline: Instant,
    failure: &str,
) -> Result<Vec<PathBuf>, ExtractError> {
    let mut render = Command::new(pdftoppm);
    render
        .args(options)
        .args(["-f", "1", "-l"])
        .arg(max_pages.max(1).to_string())
        .arg(pdf)
        .arg(into.join("page"));
    if !run_until(render, deadline, "pdftoppm")? {
        return Err(ExtractError::corrupt("PDF", failure));
    }
    let mut pages: Vec<PathBuf> = std::fs::read_dir(into)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "png" || x == "pgm"))
        .collect();
    pages.sort();
    Ok(pages)
}

/// Rasterises the PDF's first pages and reads them.
pub(crate) fn ocr_pdf(bytes: &[u8]) -> Result<String, ExtractError> {
    let tesseract = TESSERACT.find().ok_or_else(|| scan_needs(TESSERACT))?;
    let pdftoppm = PDFTOPPM.find().ok_or_else(|| scan_needs(PDFTOPPM))?;
    let dir = tempfile::tempdir()?;
    let input = dir.path().join("in.pdf");
    std::fs::write(&input, bytes)?;
    let deadline = Instant::now() + BUDGET;
    let images = draw_pages(
        &pdftoppm,
        &input,
        &["-scale-to", PAGE_PIXELS, "-gray"],
        MAX_PAGES,
        dir.path(),
        deadline,
        "its pages could not be rendered for OCR",
    )?;
    for image in &images {
        erase_rules(image)?;
    }
    read_images(
        &tesseract,
        &images,
        ExtractError::scanned_pdf("OCR found no text"),
        deadline,
    )
}

/// Erases the ruled lines of a page drawn as grey PGM, in place.
fn erase_rules(image: &Path) -> Result<(), ExtractError> {
    if let Some(mut page) = GrayPage::from_pgm(&std::fs::read(image)?) {
        if page.erase_rules() > 0 {
            std::fs::write(image, page.to_pgm())?;
        }
    }
    Ok(())
}

/// Reads a PNG/JPEG/TIFF resume.
pub(crate) fn ocr_image(bytes: &[u8], extension: &str) -> Result<String, ExtractError> {
    let tesseract = TESSERACT.find().ok_or_else(|| {
        ExtractError::Unsupported(format!(
            "{} image: {}",
            extension.to_uppercase(),
            TESSERACT.needed_by("resumes sent as images")
        ))
    })?;
    let dir = tempfile::tempdir()?;
    let input = dir.path().join(format!("in.{extension}"));
    std::fs::write(&input, bytes)?;
    let nothing = ExtractError::NoTextLayer(format!(
        "{} image without readable text (OCR found none)",
        extension.to_uppercase()
    ));
    read_images(&tesseract, &[input], nothing, Instant::now() + BUDGET)
}

#[cfg(test)]
mod tests {
    use super::read_digits_in_addresses;

    #[test]
    fn a_capital_o_beside_a_digit_in_a_web_address_is_a_zero() {
        assert_eq!(
            read_digits_in_addresses("GitHub https://github.com/21ITRO69 and www.O7studio.com"),
            "GitHub https://github.com/21ITR069 and www.07studio.com"
        );
        // Outside addresses, and without a digit beside it, an O stays an O.
        assert_eq!(
            read_digits_in_addresses("ISO 9001, O2 Telefónica, https://github.com/OttO"),
            "ISO 9001, O2 Telefónica, https://github.com/OttO"
        );
    }
}
