//! A damaged library is never used without a word: a bad row is left out of `list` with a
//! warning (it ended the listing), `doctor` says what is wrong and `doctor --repair` puts
//! right what the library's own copies allow, an import refuses a database SQLite finds
//! damaged (it added rows to one), and a database cut short is rebuilt with its file names
//! and tags (there was no way back but importing `files/` again, which lost both).

mod common;

use common::{import, list_json, run};
use cvdeck_synth::SyntheticResume;
use std::path::Path;

fn three_resumes() -> (tempfile::TempDir, tempfile::TempDir, Vec<SyntheticResume>) {
    let input = tempfile::tempdir().unwrap();
    let people: Vec<SyntheticResume> = (0..3).map(|i| SyntheticResume::generate(91 + i)).collect();
    for (i, p) in people.iter().enumerate() {
        std::fs::write(input.path().join(format!("r{i}.txt")), p.to_text()).unwrap();
    }
    let library = tempfile::tempdir().unwrap();
    import(library.path(), &[], input.path());
    (input, library, people)
}

fn db(library: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(library.join("library.sqlite3")).unwrap()
}

#[test]
fn a_row_that_is_not_text_is_left_out_with_a_warning_and_repaired_from_its_copy() {
    let (input, library, people) = three_resumes();
    db(library.path())
        .execute(
            "UPDATE resumes SET name = CAST(x'c328ff' AS TEXT) WHERE id = 2",
            [],
        )
        .unwrap();
    let out = run(library.path(), &["list"]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("resume 2 cannot be read"));

    let check = run(library.path(), &["doctor"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&check.stdout).contains("resume 2: cannot be read"));

    let repair = run(library.path(), &["doctor", "--repair"]);
    let said = String::from_utf8_lossy(&repair.stdout);
    assert!(repair.status.success(), "{said}");
    assert!(
        said.contains("1 unreadable resume(s) to be parsed again from their copies"),
        "{said}"
    );
    assert!(
        said.contains("parsed again: 1 completed, 0 failed"),
        "{said}"
    );
    assert!(said.ends_with("the library is sound\n"), "{said}");
    let _ = input;
    let rows = list_json(library.path());
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r["status"] == "completed"), "{rows:?}");
    assert!(rows.iter().any(|r| r["name"] == people[1].name.as_str()));
}

#[test]
fn a_damaged_search_index_is_found_and_rebuilt() {
    let (_input, library, people) = three_resumes();
    db(library.path())
        .execute_batch("DELETE FROM resumes_fts_data WHERE id > 10")
        .unwrap();
    let check = run(library.path(), &["doctor"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&check.stdout).contains("search index: does not match"));
    assert!(run(library.path(), &["doctor", "--repair"])
        .status
        .success());
    let family = people[0].name.split_whitespace().last().unwrap();
    let found = run(library.path(), &["search", family, "--json"]);
    assert!(String::from_utf8_lossy(&found.stdout).contains(people[0].name.as_str()));
}

/// 4 KB of noise over one page of the database, at each page in turn: every import either
/// refuses the library with a sentence naming `doctor` or (when the page was free) works.
#[test]
fn an_import_refuses_a_database_sqlite_finds_damaged() {
    let (input, library, _) = three_resumes();
    let path = library.path().join("library.sqlite3");
    // Everything in the main file, so that the noise lands on pages SQLite reads.
    db(library.path())
        .pragma_update(None, "wal_checkpoint", "TRUNCATE")
        .unwrap();
    let pristine = std::fs::read(&path).unwrap();
    let pages = pristine.len() / 4096;
    assert!(pages > 4, "{pages}");
    std::fs::write(
        input.path().join("new.txt"),
        SyntheticResume::generate(99).to_text(),
    )
    .unwrap();
    let mut refused = 0;
    for page in 1..pages {
        let mut bytes = pristine.clone();
        for (i, b) in bytes[page * 4096..(page + 1) * 4096].iter_mut().enumerate() {
            *b = (i * 7 + page * 13) as u8;
        }
        std::fs::write(&path, &bytes).unwrap();
        let _ = std::fs::remove_file(library.path().join("library.sqlite3-wal"));
        let out = run(library.path(), &["import", input.path().to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        if out.status.success() {
            continue;
        }
        assert!(
            stderr.contains("the library database is damaged")
                && stderr.contains("cvdeck-cli doctor"),
            "page {page}: {stderr}"
        );
        refused += 1;
    }
    println!("{refused} of {} damaged pages refused", pages - 1);
    assert!(
        refused + 2 >= pages,
        "{refused} of {pages} damaged pages noticed"
    );
}

/// Half of the database file gone (a copy cut short, a disk error): every command refused it,
/// and the only way back lost the file names and the tags.
#[test]
fn a_database_cut_in_half_is_rebuilt_by_doctor_with_its_file_names_and_tags() {
    let (_input, library, people) = three_resumes();
    assert!(run(library.path(), &["tag", "shortlist", "2"])
        .status
        .success());
    let path = library.path().join("library.sqlite3");
    db(library.path())
        .pragma_update(None, "wal_checkpoint", "TRUNCATE")
        .unwrap();
    let len = std::fs::metadata(&path).unwrap().len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len(len / 2)
        .unwrap();

    let check = run(library.path(), &["doctor"]);
    assert_eq!(check.status.code(), Some(1));
    let repair = run(library.path(), &["doctor", "--repair"]);
    let said = String::from_utf8_lossy(&repair.stdout);
    assert!(
        repair.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&repair.stderr)
    );
    assert!(said.contains("the damaged database was moved to"), "{said}");
    assert!(said.ends_with("the library is sound\n"), "{said}");

    let rows = list_json(library.path());
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert!(rows.iter().all(|r| r["status"] == "completed"), "{rows:?}");
    let mut files: Vec<&str> = rows
        .iter()
        .map(|r| r["file_name"].as_str().unwrap())
        .collect();
    files.sort_unstable();
    assert_eq!(files, ["r0.txt", "r1.txt", "r2.txt"]);
    for p in &people {
        assert!(
            rows.iter().any(|r| r["name"] == p.name.as_str()),
            "{rows:?}"
        );
    }
    let tagged: Vec<_> = rows
        .iter()
        .filter(|r| r["tags"].as_array().is_some_and(|t| !t.is_empty()))
        .collect();
    assert_eq!(tagged.len(), 1, "{rows:?}");
    assert_eq!(tagged[0]["file_name"], "r1.txt");
    // The damaged file is kept, not deleted.
    let kept = std::fs::read_dir(library.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .any(|e| e.file_name().to_string_lossy().starts_with("damaged-"));
    assert!(kept);
}
