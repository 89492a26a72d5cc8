//! The bad-input matrix, end to end through the CLI: each input becomes one row with the
//! expected kind and message, and the CLI finishes normally.

mod common;

fn import_and_list(dir: &std::path::Path) -> Vec<serde_json::Value> {
    let library = tempfile::tempdir().unwrap();
    common::import(library.path(), &[], dir);
    common::list_json(library.path())
}

#[test]
fn each_bad_input_is_one_failed_row_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("zero.pdf"), b"").unwrap();
    std::fs::write(
        d.join("noise.pdf"),
        (0..5000u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 11) as u8)
            .collect::<Vec<_>>(),
    )
    .unwrap();
    std::fs::write(
        d.join("truncated.pdf"),
        &cvdeck_synth::SyntheticResume::generate(3).to_pdf(cvdeck_synth::Layout::OneColumn)[..300],
    )
    .unwrap();
    std::fs::write(
        d.join("locked.pdf"),
        cvdeck_synth::encrypted_pdf("secret", "pw"),
    )
    .unwrap();
    // 200 MB, over the 50 MB limit; sparse, so the test writes almost nothing.
    std::fs::File::create(d.join("huge.pdf"))
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    std::fs::write(
        d.join("old.doc"),
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0",
    )
    .unwrap();
    {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(std::fs::File::create(d.join("nodoc.docx")).unwrap());
        zip.start_file("word/styles.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(b"<styles/>").unwrap();
        zip.finish().unwrap();
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"r\xe9sum\xe9-latin1.txt");
        std::fs::write(
            d.join(name),
            cvdeck_synth::SyntheticResume::generate(4).to_text(),
        )
        .unwrap();
        std::os::unix::fs::symlink(d, d.join("loop")).unwrap();
    }

    let rows = import_and_list(d);
    let by_name = |prefix: &str| -> (String, String) {
        let row = rows
            .iter()
            .find(|r| {
                r["file_name"]
                    .as_str()
                    .is_some_and(|n| n.starts_with(prefix))
            })
            .unwrap_or_else(|| panic!("no row for {prefix}: {rows:?}"));
        (
            row["failure"]["kind"]
                .as_str()
                .unwrap_or(row["status"].as_str().unwrap())
                .to_owned(),
            row["failure"]["message"].as_str().unwrap_or("").to_owned(),
        )
    };
    let expect = |prefix: &str, kind: &str, message_start: &str| {
        let (k, m) = by_name(prefix);
        assert_eq!(k, kind, "{prefix}: {m}");
        assert!(m.starts_with(message_start), "{prefix}: {m}");
    };
    expect("zero.pdf", "empty", "empty file: 0 bytes");
    expect(
        "noise.pdf",
        "unsupported",
        "not a resume format: binary data",
    );
    expect("truncated.pdf", "corrupt", "damaged PDF file");
    expect(
        "locked.pdf",
        "encrypted",
        "encrypted PDF: password required",
    );
    expect(
        "huge.pdf",
        "too_large",
        "file too large: 200 MB (the limit is 50 MB)",
    );
    expect(
        "old.doc",
        "unsupported",
        "not a resume format: legacy Word .doc: save it as DOCX or PDF",
    );
    expect(
        "nodoc.docx",
        "corrupt",
        "damaged DOCX file: the archive has no word/document.xml",
    );
    #[cfg(unix)]
    expect("r", "completed", "");
    // The symlink loop adds nothing: each real file is one row.
    assert_eq!(rows.len(), if cfg!(unix) { 8 } else { 7 }, "{rows:#?}");
}

/// Found by the `extract` fuzzer: an xref stream whose sizes make lopdf 0.42 (under
/// pdf-extract) ask for a 500 GB buffer, which aborts the process. In a worker it is one
/// failed row; the import goes on and the next file parses.
#[test]
fn fuzz_lopdf_xref_stream_allocation_abort_is_contained_in_the_worker() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz-lopdf-xref-stream-allocation.pdf");
    std::fs::copy(&fixture, dir.path().join("xref-bomb.pdf")).unwrap();
    let fine = cvdeck_synth::SyntheticResume::generate(5);
    std::fs::write(dir.path().join("fine.txt"), fine.to_text()).unwrap();
    let rows = import_and_list(dir.path());
    assert_eq!(rows.len(), 2, "{rows:?}");
    let bomb = rows
        .iter()
        .find(|r| r["file_name"] == "xref-bomb.pdf")
        .unwrap();
    assert_eq!(bomb["status"], "failed", "{bomb}");
    assert_eq!(bomb["failure"]["kind"], "worker_crashed", "{bomb}");
    let ok = rows.iter().find(|r| r["file_name"] == "fine.txt").unwrap();
    assert_eq!(ok["name"], fine.name.as_str());
}
