//! Which files an import covers.

use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Every regular file under `paths` (files are taken as they are; folders are walked, following
/// links but never looping), skipping hidden files and system clutter. Sorted, deduplicated.
pub fn scan_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for root in paths {
        if root.is_file() {
            out.push(root.clone());
            continue;
        }
        let walker = WalkDir::new(root).follow_links(true).into_iter();
        for entry in walker.filter_entry(|e| e.depth() == 0 || !is_hidden(e.path())) {
            match entry {
                Ok(e) if e.file_type().is_file() => out.push(e.into_path()),
                Ok(_) => {}
                // Loops and unreadable folders: walkdir reports them; nothing to import there.
                Err(e) => tracing::warn!("skipping while scanning: {e}"),
            }
        }
    }
    out.sort();
    out.dedup();
    out
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
        let files = scan_paths(&[root.to_owned()]);
        assert_eq!(files, vec![root.join("a.pdf"), root.join("sub/b.docx")]);
    }
}
