//! The library's copies of files are found from the library folder, wherever the command runs
//! and wherever the folder moves: `stored_path` was saved as `--library` was typed, so a
//! relative path plus a later `cd` turned a completed row failed on retry ("moved or
//! deleted"), and `delete` left the copy behind.

mod common;

use common::{cli, list_json, succeeded};
use cvdeck_synth::SyntheticResume;
use std::path::Path;

fn run_in(dir: &Path, library: &Path, args: &[&str]) -> std::process::Output {
    let out = cli()
        .current_dir(dir)
        .arg("--library")
        .arg(library)
        .args(args)
        .output()
        .unwrap();
    succeeded(out, args)
}

/// The stored copies (one folder per hash prefix; the manifest beside them is not one).
fn copies(library: &Path) -> usize {
    walkdir::WalkDir::new(library.join("files"))
        .min_depth(2)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .count()
}

#[test]
fn a_library_typed_relative_works_from_elsewhere_after_a_move_and_delete_removes_the_copy() {
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    std::fs::create_dir_all(w.join("in")).unwrap();
    let person = SyntheticResume::generate(81);
    std::fs::write(w.join("in/cv.txt"), person.to_text()).unwrap();
    run_in(w, Path::new("lib"), &["import", "in"]);
    // The original goes away; the library's copy is what a retry parses.
    std::fs::remove_dir_all(w.join("in")).unwrap();
    std::fs::rename(w.join("lib"), w.join("moved")).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let library = w.join("moved");
    run_in(elsewhere.path(), &library, &["retry", "1"]);
    let rows = list_json(&library);
    assert_eq!(rows[0]["status"], "completed", "{rows:?}");
    assert_eq!(rows[0]["name"], person.name.as_str());

    assert_eq!(copies(&library), 1);
    run_in(elsewhere.path(), &library, &["delete", "1"]);
    assert_eq!(copies(&library), 0, "the copy goes with its row");
}

#[test]
fn a_damaged_copy_is_repaired_when_the_original_is_imported_again() {
    let input = tempfile::tempdir().unwrap();
    let library = tempfile::tempdir().unwrap();
    let person = SyntheticResume::generate(82);
    std::fs::write(input.path().join("cv.txt"), person.to_text()).unwrap();
    common::import(library.path(), &[], input.path());
    let stored = std::fs::read_dir(library.path().join("files"))
        .unwrap()
        .flatten()
        .flat_map(|d| std::fs::read_dir(d.path()).unwrap().flatten())
        .map(|e| e.path())
        .next()
        .unwrap();
    std::fs::write(&stored, b"bit rot").unwrap();
    let again = common::import(library.path(), &[], input.path());
    assert!(String::from_utf8_lossy(&again.stdout).contains("1 duplicates skipped"));
    assert_eq!(
        std::fs::read(&stored).unwrap(),
        person.to_text().into_bytes()
    );
}
