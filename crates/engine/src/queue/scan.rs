//! Which files an import covers, and what it passed over and why.

use crate::extract::not_a_file;
use crate::ExtractError;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// What a scan found.
#[derive(Debug, Default, PartialEq)]
pub struct Scan {
    /// Regular files, sorted, without duplicates.
    pub files: Vec<PathBuf>,
    /// Entries that name a file but cannot be imported as one (a named pipe, a device, a
    /// broken link, a path the system cannot open): each becomes a failed row saying why.
    pub unusable: Vec<(PathBuf, ExtractError)>,
    /// Places the scan could not go into (a folder it may not read, a link loop), with why.
    pub skipped: Vec<(PathBuf, String)>,
}

/// Every regular file under `paths` (files are taken as they are; folders are walked, following
/// links but never looping), skipping hidden files and system clutter.
pub fn scan_paths(paths: &[PathBuf]) -> Scan {
    let mut scan = Scan::default();
    for root in paths {
        if !root.is_dir() {
            match not_a_file(root) {
                None => scan.files.push(root.clone()),
                Some(e) => scan.unusable.push((root.clone(), e)),
            }
            continue;
        }
        let walker = WalkDir::new(root).follow_links(true).into_iter();
        for entry in walker.filter_entry(|e| e.depth() == 0 || !is_hidden(e.path())) {
            match entry {
                Ok(e) if e.file_type().is_file() => scan.files.push(e.into_path()),
                Ok(e) if e.file_type().is_dir() => {}
                Ok(e) => {
                    let path = e.into_path();
                    let why = not_a_file(&path)
                        .unwrap_or_else(|| ExtractError::NotAFile("not a file".into()));
                    scan.unusable.push((path, why));
                }
                Err(e) => {
                    let Some(path) = e.path().map(Path::to_owned) else {
                        tracing::warn!("skipping while scanning: {e}");
                        continue;
                    };
                    // A path too long to look at may be a folder or a file: say so once,
                    // without a row.
                    let too_long = e
                        .io_error()
                        .is_some_and(|io| io.kind() == std::io::ErrorKind::InvalidFilename);
                    let is_folder = too_long
                        || std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir())
                        || e.loop_ancestor().is_some();
                    if is_folder {
                        let why = if e.loop_ancestor().is_some() {
                            "a link back into a folder already scanned".to_owned()
                        } else {
                            match e.io_error().map(ExtractError::from_io_ref) {
                                Some(ExtractError::Io(why)) => why,
                                _ => e.to_string(),
                            }
                        };
                        scan.skipped.push((path, why));
                    } else {
                        let why = not_a_file(&path).unwrap_or_else(|| {
                            e.io_error()
                                .map(ExtractError::from_io_ref)
                                .unwrap_or_else(|| ExtractError::Io(e.to_string()))
                        });
                        scan.unusable.push((path, why));
                    }
                }
            }
        }
    }
    scan.files.sort();
    scan.files.dedup();
    scan.unusable.sort_by(|a, b| a.0.cmp(&b.0));
    scan.unusable.dedup_by(|a, b| a.0 == b.0);
    scan
}

pub(crate) fn is_hidden(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
        n.starts_with('.') || n == "Thumbs.db" || n == "desktop.ini" || n == "__MACOSX"
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_folders_skips_hidden_and_survives_link_loops() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("sub")).unwrap();
        std::fs::write(root.join("a.pdf"), b"x").unwrap();
        std::fs::write(root.join("sub/b.docx"), b"x").unwrap();
        std::fs::write(root.join(".DS_Store"), b"x").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(root, root.join("sub/loop")).unwrap();
        let scan = scan_paths(&[root.to_owned()]);
        assert_eq!(
            scan.files,
            vec![root.join("a.pdf"), root.join("sub/b.docx")]
        );
        assert!(scan.unusable.is_empty(), "{scan:?}");
    }

    #[cfg(unix)]
    #[test]
    fn pipes_devices_and_broken_links_are_named_with_why_and_never_opened() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("ok.txt"), b"x").unwrap();
        let fifo = root.join("pipe.pdf");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        std::os::unix::fs::symlink("/dev/zero", root.join("zero.pdf")).unwrap();
        std::os::unix::fs::symlink(root.join("gone.pdf"), root.join("dangling.pdf")).unwrap();
        let scan = scan_paths(&[root.to_owned(), fifo.clone()]);
        assert_eq!(scan.files, vec![root.join("ok.txt")]);
        let said: Vec<(String, String)> = scan
            .unusable
            .iter()
            .map(|(p, e)| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, e.to_string())
            })
            .collect();
        let expected = [
            (
                "dangling.pdf",
                "not a regular file: a link whose target does not exist",
            ),
            ("pipe.pdf", "not a regular file: a named pipe"),
            ("zero.pdf", "not a regular file: a device"),
        ];
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect();
        assert_eq!(said, expected);
    }
}
