//! Alone in its binary: it checks that no worker process is left, which a concurrent import
//! in the same test binary would confuse.

mod common;

use cvdeck_synth::SyntheticResume;

/// A file that makes the PDF library spin forever (from the shared torture set) fails with a
/// timeout, and the import finishes: the hung worker process is killed, not left running.
#[test]
fn a_hanging_pdf_times_out_in_its_worker_and_the_import_finishes() {
    let torture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/pdf-torture/qpdf__qpdf__qtest__qpdf__shared-unnamed-field.pdf");
    assert!(torture.is_file(), "{} is missing", torture.display());
    let input = tempfile::tempdir().unwrap();
    std::fs::copy(&torture, input.path().join("hangs.pdf")).unwrap();
    std::fs::write(
        input.path().join("fine.txt"),
        SyntheticResume::generate(23).to_text(),
    )
    .unwrap();
    let library = tempfile::tempdir().unwrap();
    let started = std::time::Instant::now();
    let out = common::import(library.path(), &["--timeout", "3"], input.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("1 completed, 1 failed"), "{stdout}");
    assert!(
        stdout.contains("hangs.pdf — parsing took longer than 3 s and was stopped"),
        "{stdout}"
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
    common::assert_no_worker_left();
}
