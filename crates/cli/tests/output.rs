//! What the library commands say and how they end when their output or their arguments are
//! not the happy case: a reader that stops early, a full disk, an id that is not there, a
//! file name with control characters, an export onto a device, a folder's permissions.

mod common;

use common::{cli, import, run};
use cvdeck_synth::SyntheticResume;
use std::process::Stdio;

/// A library with one parsed resume whose file name holds a tab and an escape sequence.
fn library_with_an_odd_file_name() -> (tempfile::TempDir, tempfile::TempDir) {
    let input = tempfile::tempdir().unwrap();
    std::fs::write(
        input.path().join("odd\tname\u{1b}[31m.txt"),
        SyntheticResume::generate(71).to_text(),
    )
    .unwrap();
    let library = tempfile::tempdir().unwrap();
    import(library.path(), &[], input.path());
    (input, library)
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    let (_input, library) = library_with_an_odd_file_name();
    // `cvdeck-cli stats | head -0`: the pipe is closed before anything is written.
    let mut child = cli()
        .arg("--library")
        .arg(library.path())
        .arg("stats")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[cfg(target_os = "linux")]
#[test]
fn output_to_a_full_disk_fails_with_a_sentence() {
    let (_input, library) = library_with_an_odd_file_name();
    let out = cli()
        .arg("--library")
        .arg(library.path())
        .arg("stats")
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("cvdeck-cli: cannot write the output: No space left on device"),
        "{stderr}"
    );
}

#[test]
fn tagging_an_id_that_is_not_there_says_so_like_show_and_delete() {
    let (_input, library) = library_with_an_odd_file_name();
    for args in [
        &["tag", "shortlist", "99999"][..],
        &["show", "99999"][..],
        &["delete", "99999"][..],
    ] {
        let out = run(library.path(), args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr).trim(),
            "cvdeck-cli: no resume with id 99999",
            "{args:?}"
        );
    }
}

#[test]
fn the_list_table_shows_control_characters_escaped_one_row_per_line() {
    let (_input, library) = library_with_an_odd_file_name();
    let out = run(library.path(), &["list"]);
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 1, "{stdout:?}");
    assert!(!stdout.contains('\u{1b}'), "{stdout:?}");
    assert!(stdout.contains("odd\\tname\\u{1b}[31m.txt"), "{stdout:?}");
}

#[cfg(unix)]
#[test]
fn listing_leaves_the_library_folders_permissions_alone() {
    use std::os::unix::fs::PermissionsExt;
    let (_input, library) = library_with_an_odd_file_name();
    let shared = std::fs::Permissions::from_mode(0o750);
    std::fs::set_permissions(library.path(), shared).unwrap();
    assert!(run(library.path(), &["list"]).status.success());
    let mode = std::fs::metadata(library.path())
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o750);
}

#[cfg(unix)]
#[test]
fn an_export_onto_a_device_is_refused_and_the_device_stays() {
    use std::os::unix::fs::FileTypeExt;
    let (_input, library) = library_with_an_odd_file_name();
    let out = run(library.path(), &["export", "--out", "/dev/full"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "cvdeck-cli: cannot export to /dev/full: it is a device, not a regular file"
    );
    let full = std::fs::symlink_metadata("/dev/full").unwrap();
    assert!(full.file_type().is_char_device());
}

/// A library path past the system's limit: one sentence, the path shortened and the reason
/// said once (it came twice, after the path three times), and no folders left behind.
#[test]
fn a_library_path_too_long_says_so_once_and_leaves_no_folders() {
    let base = tempfile::tempdir().unwrap();
    let mut library = base.path().join("top");
    for _ in 0..18 {
        library.push("n".repeat(250));
    }
    let out = run(&library, &["list"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert_eq!(stderr.matches("File name too long").count(), 1, "{stderr}");
    assert!(stderr.len() < 400, "{stderr}");
    assert!(!base.path().join("top").exists());
}
