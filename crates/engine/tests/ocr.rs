//! Scanned resumes: a synthetic resume rendered to pixels, then read back through OCR.
//! Needs tesseract-ocr and poppler-utils (the README's test command installs them).

use cvdeck_engine::{parse_bytes, Limits};
use cvdeck_synth::{scanned_pdf, Layout, SyntheticResume};
use std::process::Command;

/// Renders `pdf` to an 8-bit grey PGM with pdftoppm and returns (pixels, width, height, png).
fn rasterise(pdf: &[u8]) -> (Vec<u8>, u32, u32, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.pdf");
    std::fs::write(&input, pdf).unwrap();
    for (flag, stem) in [("-gray", "pgm"), ("-png", "png")] {
        let status = Command::new("pdftoppm")
            .args(["-r", "150", "-singlefile", flag])
            .arg(&input)
            .arg(dir.path().join(stem))
            .status()
            .expect("pdftoppm (poppler-utils) is installed");
        assert!(status.success());
    }
    let pgm = std::fs::read(dir.path().join("pgm.pgm")).unwrap();
    // P5\n<width> <height>\n255\n<pixels>
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&pgm[start..at]).into_owned());
    }
    let (w, h): (u32, u32) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let pixels = pgm[at + 1..].to_vec();
    assert_eq!(pixels.len(), (w * h) as usize);
    (
        pixels,
        w,
        h,
        std::fs::read(dir.path().join("png.png")).unwrap(),
    )
}

#[test]
fn a_scanned_pdf_and_a_photo_of_a_resume_are_read_by_ocr() {
    let resume = SyntheticResume::generate(31);
    let (pixels, w, h, png) = rasterise(&resume.to_pdf(Layout::OneColumn));

    let scan =
        parse_bytes(&scanned_pdf(&pixels, w, h), &Limits::default()).expect("OCR reads the scan");
    assert!(scan.resume.meta.warnings.contains(&"OCR used".to_owned()));
    assert_eq!(
        scan.resume.basics.name.as_deref(),
        Some(resume.name.as_str()),
        "{}",
        scan.text
    );
    assert_eq!(
        scan.resume.basics.email.as_deref(),
        Some(resume.email.as_str()),
        "{}",
        scan.text
    );

    let photo = parse_bytes(&png, &Limits::default()).expect("OCR reads the image");
    assert_eq!(photo.format, cvdeck_engine::Format::Png);
    assert_eq!(
        photo.resume.basics.name.as_deref(),
        Some(resume.name.as_str()),
        "{}",
        photo.text
    );
}

#[test]
fn links_struck_through_by_their_rule_were_read_as_noise_in_a_scan() {
    let resume = (0..)
        .map(SyntheticResume::generate)
        .find(|r| r.links.len() == 2 && r.links[0].network == Some("GitHub"))
        .expect("some seed prints GitHub and LinkedIn");
    let (pixels, w, h, _) = rasterise(&resume.to_pdf_with_struck_links());
    let scan = parse_bytes(&scanned_pdf(&pixels, w, h), &Limits::default()).expect("OCR");
    let read: Vec<(&str, Option<&str>)> = scan
        .resume
        .basics
        .profiles
        .iter()
        .map(|p| (p.network.as_str(), p.url.as_deref()))
        .collect();
    let urls: Vec<String> = resume.links.iter().map(|l| l.url()).collect();
    assert_eq!(
        read,
        vec![
            ("GitHub", Some(urls[0].as_str())),
            ("LinkedIn", Some(urls[1].as_str()))
        ],
        "{}",
        scan.text
    );
}

#[test]
fn a_scanned_two_column_page_was_read_row_by_row_across_its_columns() {
    // A designed page (sidebar under a photo, the name and the jobs in the main column),
    // scanned: Tesseract's own order joined the sidebar's lines to the main column's, and the
    // name was lost. Its words are now laid out by position, as a PDF's glyphs are.
    let design = std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(
        "tests/fixtures/en-a-photo-above-the-sidebar-cut-the-first-job-from-its-employer.pdf",
    ))
    .unwrap();
    let (pixels, w, h, _) = rasterise(&design);
    let scan = parse_bytes(&scanned_pdf(&pixels, w, h), &Limits::default()).expect("OCR reads it");
    let resume = &scan.resume;
    assert_eq!(
        resume.basics.name.as_deref(),
        Some("JESSICA ALVAREZ"),
        "{}",
        scan.text
    );
    let jobs: Vec<(Option<&str>, Option<&str>)> = resume
        .work
        .iter()
        .map(|w| (w.name.as_deref(), w.position.as_deref()))
        .collect();
    assert_eq!(
        jobs,
        [
            (Some("Hudson River Capital"), Some("Financial Analyst")),
            (Some("Atlantic Mutual Bank"), Some("Junior Analyst"))
        ],
        "{}",
        scan.text
    );
}
