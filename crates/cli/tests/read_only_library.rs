//! A library the user cannot write to (a read-only disk, a colleague's folder) can still be
//! listed, searched, shown and exported; what would change it says why it cannot. Every
//! command refused it, because opening a library created its owners folder.
#![cfg(unix)]

mod common;

use common::import;
use cvdeck_synth::SyntheticResume;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn set_mode(path: &Path, dirs: u32, files: u32) {
    for entry in walkdir::WalkDir::new(path) {
        let entry = entry.unwrap();
        let mode = if entry.file_type().is_dir() {
            dirs
        } else {
            files
        };
        std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(mode)).unwrap();
    }
}

/// Runs the CLI as a user who may read the library but not write it: as root (CI), a copy
/// of the binary as `nobody`, since root may write anything; else the library's write bits
/// are taken off.
struct Reader {
    binary: PathBuf,
    as_nobody: bool,
}

impl Reader {
    fn new(library: &Path, scratch: &Path) -> Reader {
        let as_nobody = unsafe { libc::geteuid() } == 0;
        set_mode(scratch, 0o755, 0o755);
        let binary = scratch.join("cvdeck-cli");
        std::fs::copy(env!("CARGO_BIN_EXE_cvdeck-cli"), &binary).unwrap();
        std::fs::set_permissions(&binary, std::fs::Permissions::from_mode(0o755)).unwrap();
        set_mode(library, 0o555, 0o444);
        Reader { binary, as_nobody }
    }

    fn run(&self, library: &Path, args: &[&str]) -> Output {
        let mut command = if self.as_nobody {
            let mut c = Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(&self.binary);
            c
        } else {
            Command::new(&self.binary)
        };
        command
            .arg("--library")
            .arg(library)
            .args(args)
            .output()
            .unwrap()
    }
}

#[test]
fn a_library_that_cannot_be_written_to_is_listed_searched_shown_and_exported() {
    let input = tempfile::tempdir().unwrap();
    let people: Vec<SyntheticResume> = (0..2).map(|i| SyntheticResume::generate(300 + i)).collect();
    for (i, p) in people.iter().enumerate() {
        std::fs::write(input.path().join(format!("r{i}.txt")), p.to_text()).unwrap();
    }
    let scratch = tempfile::tempdir().unwrap();
    let library = scratch.path().join("library");
    import(&library, &[], input.path());
    let out_dir = scratch.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let reader = Reader::new(&library, scratch.path());
    std::fs::set_permissions(&out_dir, std::fs::Permissions::from_mode(0o777)).unwrap();

    let said = |out: &Output| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    };
    let list = reader.run(&library, &["list", "--json"]);
    assert!(list.status.success(), "{}", said(&list));
    assert_eq!(String::from_utf8_lossy(&list.stdout).lines().count(), 2);
    let family = people[1].name.split_whitespace().last().unwrap();
    let search = reader.run(&library, &["search", family]);
    assert!(search.status.success(), "{}", said(&search));
    assert!(
        said(&search).contains(people[1].name.as_str()),
        "{}",
        said(&search)
    );
    let show = reader.run(&library, &["show", "1"]);
    assert!(show.status.success(), "{}", said(&show));
    let stats = reader.run(&library, &["stats"]);
    assert!(stats.status.success(), "{}", said(&stats));
    let csv = out_dir.join("all.csv");
    let export = reader.run(&library, &["export", "--out", csv.to_str().unwrap()]);
    assert!(export.status.success(), "{}", said(&export));
    assert_eq!(std::fs::read_to_string(&csv).unwrap().lines().count(), 3);

    let tag = reader.run(&library, &["tag", "shortlist", "1"]);
    assert_eq!(tag.status.code(), Some(1), "{}", said(&tag));
    assert!(said(&tag).contains("opening the library"), "{}", said(&tag));
    assert!(!said(&tag).contains("panicked"), "{}", said(&tag));
    set_mode(&library, 0o755, 0o644);
}
