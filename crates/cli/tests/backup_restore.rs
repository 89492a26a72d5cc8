//! Backups: one is taken the first time a day a library is written to, `backup` takes one
//! now, `restore` lists them and puts the library back as one was, keeping what was
//! imported since and refusing while another process has the library open.

mod common;

use common::{cli, import, list_json, run};
use cvdeck_synth::SyntheticResume;
use std::path::Path;

fn write_resumes(dir: &Path, seeds: std::ops::Range<u64>) {
    for seed in seeds {
        let text = SyntheticResume::generate(seed).to_text();
        std::fs::write(dir.join(format!("r{seed}.txt")), text).unwrap();
    }
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn restore_latest_brings_back_a_deleted_resume_and_keeps_what_was_imported_since() {
    let input = tempfile::tempdir().unwrap();
    let later = tempfile::tempdir().unwrap();
    let library = tempfile::tempdir().unwrap();
    write_resumes(input.path(), 0..3);
    write_resumes(later.path(), 10..12);
    import(library.path(), &[], input.path());
    // The import took the day's backup, of the library before it.
    let listed = stdout(&run(library.path(), &["restore"]));
    let backups = listed
        .lines()
        .filter(|l| !l.starts_with("restore one with"));
    assert_eq!(backups.count(), 1, "{listed}");

    let backup = run(library.path(), &["backup"]);
    assert!(backup.status.success());
    assert!(
        stdout(&backup).starts_with("backed up to "),
        "{}",
        stdout(&backup)
    );
    let before = list_json(library.path());
    assert_eq!(before.len(), 3);
    let gone = before[0]["id"].to_string();
    assert!(run(library.path(), &["delete", &gone]).status.success());
    import(library.path(), &[], later.path());
    assert_eq!(list_json(library.path()).len(), 4);

    let restore = run(library.path(), &["restore", "latest"]);
    let said = stdout(&restore);
    assert!(
        restore.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&restore.stderr)
    );
    assert!(
        said.contains("2 resume(s) imported after that backup are kept"),
        "{said}"
    );
    let after = list_json(library.path());
    assert_eq!(after.len(), 5, "{after:?}");
    assert!(
        after.iter().all(|r| r["status"] == "completed"),
        "{after:?}"
    );
    assert!(after
        .iter()
        .any(|r| r["id"] == before[0]["id"] && r["name"] == before[0]["name"]));
    // The state before the restore is a backup of its own: the restore can be undone.
    assert!(
        said.contains("the library as it was just before is kept as"),
        "{said}"
    );
}

#[test]
fn restore_refuses_while_another_process_has_the_library_open() {
    let input = tempfile::tempdir().unwrap();
    let library = tempfile::tempdir().unwrap();
    write_resumes(input.path(), 0..2);
    import(library.path(), &[], input.path());
    let mut watch = cli()
        .arg("--library")
        .arg(library.path())
        .arg("watch")
        .arg(input.path())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The watch has the library open once it has said what it imported.
    let mut first = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(watch.stdout.take().unwrap()),
        &mut first,
    )
    .unwrap();
    let refused = run(library.path(), &["restore", "latest"]);
    let _ = watch.kill();
    let _ = watch.wait();
    assert_eq!(refused.status.code(), Some(1));
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("1 other CV Deck process(es)"), "{said}");
    assert!(said.contains("--force"), "{said}");
}

#[test]
fn a_file_that_is_not_a_backup_is_refused_and_the_library_is_unchanged() {
    let input = tempfile::tempdir().unwrap();
    let library = tempfile::tempdir().unwrap();
    write_resumes(input.path(), 0..2);
    import(library.path(), &[], input.path());
    let junk = input.path().join("junk.sqlite3");
    std::fs::write(&junk, b"SQLite format 3\0 but not really").unwrap();
    let refused = run(library.path(), &["restore", junk.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("restoring"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    assert_eq!(list_json(library.path()).len(), 2);
}
