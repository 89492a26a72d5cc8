//! Things in an import folder that are not files to read — a named pipe, links to /dev/zero
//! and /dev/urandom, a broken link, a folder nested past the system's path limit — each end as
//! a failed row or a "skipped" line saying why; none is opened (a pipe would block the import
//! for ever), and the real resume beside them is parsed. (Pipes, devices and symbolic links
//! as made here are Unix things.)
#![cfg(unix)]

mod common;

use common::{cli, list_json};
use cvdeck_synth::SyntheticResume;
use std::process::Command;
use std::time::{Duration, Instant};

#[test]
fn pipes_devices_broken_links_and_too_long_paths_are_rows_or_lines_never_hangs() {
    let input = tempfile::tempdir().unwrap();
    let d = input.path();
    let fine = SyntheticResume::generate(31);
    std::fs::write(d.join("fine.txt"), fine.to_text()).unwrap();
    assert!(Command::new("mkfifo")
        .arg(d.join("pipe.pdf"))
        .status()
        .unwrap()
        .success());
    std::os::unix::fs::symlink("/dev/zero", d.join("zero.pdf")).unwrap();
    std::os::unix::fs::symlink("/dev/urandom", d.join("random.docx")).unwrap();
    std::os::unix::fs::symlink(d.join("nowhere.pdf"), d.join("dangling.pdf")).unwrap();
    // Folders nested one relative step at a time, past PATH_MAX (4,096): shells refuse to
    // `cd` that deep, perl (essential in Debian) does not.
    let deep = Command::new("perl")
        .arg("-e")
        .arg(r#"for (1..20) { mkdir "n" x 250 or die; chdir "n" x 250 or die } open(F, ">deep.txt") or die"#)
        .current_dir(d)
        .status()
        .unwrap();
    assert!(deep.success());

    let library = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let out = cli()
        .arg("--library")
        .arg(library.path())
        .arg("import")
        .arg(d)
        .output()
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(60));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("1 completed, 4 failed"), "{stdout}");
    assert!(
        stderr.contains("skipped") && stderr.contains("longer than the system allows"),
        "{stderr}"
    );
    let rows = list_json(library.path());
    let failure = |file: &str| -> String {
        let row = rows.iter().find(|r| r["file_name"] == file).unwrap();
        assert_eq!(row["status"], "failed", "{row}");
        row["failure"]["message"].as_str().unwrap().to_owned()
    };
    assert_eq!(failure("pipe.pdf"), "not a regular file: a named pipe");
    assert_eq!(failure("zero.pdf"), "not a regular file: a device");
    assert_eq!(failure("random.docx"), "not a regular file: a device");
    assert_eq!(
        failure("dangling.pdf"),
        "not a regular file: a link whose target does not exist"
    );
    assert_eq!(rows.len(), 5);
    let parsed = rows.iter().find(|r| r["file_name"] == "fine.txt").unwrap();
    assert_eq!(parsed["name"], fine.name.as_str());
}
