//! The DOCX reader with the fuzzer's bytes as `word/document.xml` (and again as a header),
//! so mutations reach the XML walker instead of dying on zip checksums.
#![no_main]

use cvdeck_engine::{extract::extract, Limits};
use libfuzzer_sys::fuzz_target;
use std::io::Write;

fn docx(xml: &[u8]) -> Option<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("[Content_Types].xml", options).ok()?;
    zip.write_all(b"<?xml version=\"1.0\"?><Types/>").ok()?;
    zip.start_file("word/document.xml", options).ok()?;
    zip.write_all(xml).ok()?;
    zip.start_file("word/header1.xml", options).ok()?;
    zip.write_all(xml).ok()?;
    Some(zip.finish().ok()?.into_inner())
}

fuzz_target!(|data: &[u8]| {
    if let Some(bytes) = docx(data) {
        let _ = extract(&bytes, &Limits::default());
    }
});
