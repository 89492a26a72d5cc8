//! What the app was started with: `cvdeck [--library DIR] [FILE|FOLDER...]`.
//!
//! A desktop's "Open with CV Deck" starts `cvdeck FILE...` (the desktop entry's `%F`). When a
//! window on the same library is already open, the new process hands its arguments to that
//! window (tauri-plugin-single-instance) and exits, so the same reading serves both: the
//! arguments of this process at start, and those a second start forwards with its working
//! directory.

use std::ffi::OsString;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

/// The library to open and the files to import into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Launch {
    /// `--library DIR`, made absolute; `None` means the default library.
    pub library: Option<PathBuf>,
    /// Files and folders to import, made absolute against the caller's working directory.
    pub paths: Vec<PathBuf>,
}

impl Launch {
    /// Reads a command line (the program name first) given in the working directory `cwd`.
    /// Options it does not know are skipped, as are `file://` addresses that are not local.
    pub fn from_args<I, S>(args: I, cwd: &Path) -> Launch
    where
        I: IntoIterator<Item = S>,
        S: Into<OsString>,
    {
        let mut library = None;
        let mut paths = Vec::new();
        let mut args = args.into_iter().map(Into::into).skip(1);
        while let Some(arg) = args.next() {
            let text = arg.to_string_lossy();
            if text == "--" {
                paths.extend(args.by_ref().map(|a| absolute(cwd, PathBuf::from(a))));
            } else if text == "--library" {
                library = args.next().map(|dir| absolute(cwd, PathBuf::from(dir)));
            } else if let Some(dir) = text.strip_prefix("--library=") {
                library = Some(absolute(cwd, PathBuf::from(dir)));
            } else if text.starts_with('-') {
                // A toolkit or launcher option (GTK's --display, say): not a file.
            } else if text.starts_with("file:") {
                // `to_file_path` refuses another host's file (`file://server/…`).
                let url = url::Url::parse(&text).ok();
                paths.extend(url.and_then(|u| u.to_file_path().ok()));
            } else {
                paths.push(absolute(cwd, PathBuf::from(arg)));
            }
        }
        Launch { library, paths }
    }
}

/// The name the running window answers to on the session bus: one per library, so that a
/// second start on the same library reaches that window and one on another library opens
/// its own.
pub fn instance_name(identifier: &str, library: &Path) -> String {
    // The same binary computes it on both sides, so std's fixed-key SipHash is stable enough.
    let mut hasher = std::hash::DefaultHasher::new();
    library.hash(&mut hasher);
    format!("{identifier}.L{:016x}", hasher.finish())
}

/// `path` made absolute against `cwd`, without touching the disk (it may not exist yet).
fn absolute(cwd: &Path, path: PathBuf) -> PathBuf {
    if path.is_absolute() {
        path
    } else {
        cwd.join(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn launch(args: &[&str]) -> Launch {
        Launch::from_args(args.iter().copied(), Path::new("/home/ana/Downloads"))
    }

    #[test]
    fn files_are_made_absolute_against_the_callers_folder() {
        let got = launch(&["cvdeck", "cv.pdf", "/tmp/other.docx", "../Inbox"]);
        assert_eq!(got.library, None);
        assert_eq!(
            got.paths,
            [
                PathBuf::from("/home/ana/Downloads/cv.pdf"),
                PathBuf::from("/tmp/other.docx"),
                PathBuf::from("/home/ana/Downloads/../Inbox"),
            ]
        );
    }

    #[test]
    fn the_library_option_is_read_in_both_spellings_and_is_not_a_file() {
        let spaced = launch(&["cvdeck", "--library", "lib", "a.pdf"]);
        assert_eq!(
            spaced.library,
            Some(PathBuf::from("/home/ana/Downloads/lib"))
        );
        assert_eq!(spaced.paths, [PathBuf::from("/home/ana/Downloads/a.pdf")]);
        let joined = launch(&["cvdeck", "--library=/srv/cv", "a.pdf"]);
        assert_eq!(joined.library, Some(PathBuf::from("/srv/cv")));
        assert_eq!(joined.paths.len(), 1);
    }

    #[test]
    fn unknown_options_are_skipped_and_a_double_dash_ends_options() {
        let got = launch(&["cvdeck", "--display=:1", "--", "-odd-name.pdf"]);
        assert_eq!(
            got.paths,
            [PathBuf::from("/home/ana/Downloads/-odd-name.pdf")]
        );
    }

    #[test]
    fn local_file_addresses_are_decoded_and_remote_ones_dropped() {
        let got = launch(&[
            "cvdeck",
            "file:///home/ana/CV%20Jos%C3%A9.pdf",
            "file://localhost/tmp/b.pdf",
            "file://fileserver/share/c.pdf",
        ]);
        assert_eq!(
            got.paths,
            [
                PathBuf::from("/home/ana/CV José.pdf"),
                PathBuf::from("/tmp/b.pdf")
            ]
        );
    }

    #[test]
    fn each_library_has_its_own_instance_name() {
        let a = instance_name("app.cvdeck.desktop", Path::new("/srv/a"));
        let b = instance_name("app.cvdeck.desktop", Path::new("/srv/b"));
        assert_ne!(a, b);
        assert_eq!(a, instance_name("app.cvdeck.desktop", Path::new("/srv/a")));
        // A D-Bus name element may not start with a digit.
        assert!(a.rsplit('.').next().unwrap().starts_with('L'));
    }
}
