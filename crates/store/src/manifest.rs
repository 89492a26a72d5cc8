//! What the database holds that its copies alone cannot say, kept beside the copies
//! (`files/manifest.jsonl`) so that a library whose database is lost is rebuilt with its file
//! names and tags instead of bare hashes: the path each copy came from, and each tag put on
//! or taken off. Append-only, one JSON line per fact, written after the database committed
//! it; a line torn by a crash is skipped when read.

use cvdeck_parse::fold_ascii as fold;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

/// Where the manifest is, inside the library folder.
pub(super) const MANIFEST: &str = "files/manifest.jsonl";

/// One fact about the copy with content hash `hash`. The texts are `Cow`s: JSON spells a
/// `\\` or `"` in a path or tag with an escape, which cannot be read back as a borrowed `&str`
/// (such a line was skipped, losing a Windows path's name, or a Linux name with a quote in it).
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
pub(super) enum Line<'a> {
    /// It was imported from `original_path`.
    Copy {
        /// Content hash.
        #[serde(borrow)]
        hash: Cow<'a, str>,
        /// Where it was imported from.
        #[serde(borrow)]
        original_path: Cow<'a, str>,
    },
    /// `tag` was put on it.
    Tag {
        /// Content hash.
        #[serde(borrow)]
        hash: Cow<'a, str>,
        /// The tag as typed.
        #[serde(borrow)]
        tag: Cow<'a, str>,
    },
    /// `untag` was taken off it.
    Untag {
        /// Content hash.
        #[serde(borrow)]
        hash: Cow<'a, str>,
        /// The tag as typed.
        #[serde(borrow)]
        untag: Cow<'a, str>,
    },
}

/// What the manifest says, by content hash.
#[derive(Debug, Default, Clone)]
pub(super) struct Manifest {
    /// Original path of each copy; the first line for a hash wins (as the first import of a
    /// content names its row).
    pub names: HashMap<String, String>,
    /// The tags on each copy now, in the order they were put on.
    pub tags: HashMap<String, Vec<String>>,
}

/// Adds these lines in one `write`, in append mode, so that processes appending at once do
/// not interleave them.
pub(super) fn append(root: &Path, lines: &[Line<'_>]) -> std::io::Result<()> {
    if lines.is_empty() {
        return Ok(());
    }
    let mut text = String::new();
    for line in lines {
        text.push_str(&serde_json::to_string(line).map_err(std::io::Error::other)?);
        text.push('\n');
    }
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(root.join(MANIFEST))?
        .write_all(text.as_bytes())
}

/// Reads the manifest back; a missing one is empty.
pub(super) fn read(root: &Path) -> Manifest {
    let mut manifest = Manifest::default();
    let Ok(text) = std::fs::read(root.join(MANIFEST)) else {
        return manifest;
    };
    for line in text.split(|&b| b == b'\n') {
        match serde_json::from_slice::<Line<'_>>(line) {
            Ok(Line::Copy {
                hash,
                original_path,
            }) => {
                manifest
                    .names
                    .entry(hash.into_owned())
                    .or_insert_with(|| original_path.into_owned());
            }
            Ok(Line::Tag { hash, tag }) => {
                let tags = manifest.tags.entry(hash.into_owned()).or_default();
                if !tags.iter().any(|t| fold(t) == fold(&tag)) {
                    tags.push(tag.into_owned());
                }
            }
            Ok(Line::Untag { hash, untag }) => {
                if let Some(tags) = manifest.tags.get_mut(hash.as_ref()) {
                    tags.retain(|t| fold(t) != fold(untag.trim()));
                }
            }
            Err(_) => {}
        }
    }
    manifest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copy<'a>(hash: &'a str, original_path: &'a str) -> Line<'a> {
        Line::Copy {
            hash: hash.into(),
            original_path: original_path.into(),
        }
    }

    #[test]
    fn lines_read_back_first_name_wins_and_a_torn_line_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("files")).unwrap();
        append(
            dir.path(),
            &[copy("aa", "/in/Ana Silva.pdf"), copy("bb", "/in/b.docx")],
        )
        .unwrap();
        append(dir.path(), &[copy("aa", "/elsewhere/copy.pdf")]).unwrap();
        // A crash in the middle of a write.
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(dir.path().join(MANIFEST))
            .unwrap();
        file.write_all(b"{\"hash\":\"cc\",\"orig").unwrap();
        let names = read(dir.path()).names;
        assert_eq!(names.len(), 2);
        assert_eq!(names["aa"], "/in/Ana Silva.pdf");
        assert_eq!(names["bb"], "/in/b.docx");
    }

    /// A line whose path or tag JSON writes with an escape (`\\`, `"`) was skipped when read:
    /// every Windows path, and Linux names with a quote or backslash in them, lost their names
    /// in a rebuild.
    #[test]
    fn lines_with_escaped_characters_in_a_path_or_tag_are_read_back() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("files")).unwrap();
        let tag = Line::Tag {
            hash: "bb".into(),
            tag: "\"A\" list".into(),
        };
        append(
            dir.path(),
            &[
                copy("aa", r"C:\Users\ana\CV Ana.pdf"),
                copy("bb", "/in/Jo \"JJ\" O\\Neil.docx"),
                tag,
            ],
        )
        .unwrap();
        let manifest = read(dir.path());
        assert_eq!(manifest.names["aa"], r"C:\Users\ana\CV Ana.pdf");
        assert_eq!(manifest.names["bb"], "/in/Jo \"JJ\" O\\Neil.docx");
        assert_eq!(manifest.tags["bb"], ["\"A\" list"]);
    }

    #[test]
    fn tags_are_replayed_in_order_with_case_and_accents_ignored() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("files")).unwrap();
        let tag = |hash: &'static str, tag: &'static str| Line::Tag {
            hash: hash.into(),
            tag: tag.into(),
        };
        let untag = |hash: &'static str, untag: &'static str| Line::Untag {
            hash: hash.into(),
            untag: untag.into(),
        };
        append(
            dir.path(),
            &[
                tag("aa", "Shortlist"),
                tag("aa", "Café"),
                tag("bb", "Café"),
                untag("aa", "cafe"),
                tag("aa", "shortlist"),
            ],
        )
        .unwrap();
        let tags = read(dir.path()).tags;
        assert_eq!(tags["aa"], ["Shortlist"]);
        assert_eq!(tags["bb"], ["Café"]);
    }

    #[test]
    fn no_manifest_is_an_empty_one() {
        let dir = tempfile::tempdir().unwrap();
        let manifest = read(dir.path());
        assert!(manifest.names.is_empty() && manifest.tags.is_empty());
    }
}
