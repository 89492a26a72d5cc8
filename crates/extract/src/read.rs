//! Reading a file a user gave us: only regular files, and never more than the size cap.

use crate::{ExtractError, Limits};
use std::path::Path;

/// The bytes of a regular file, at most the size cap. The cap holds on what is read, not on
/// the size the file reports: files under /proc report 0 and go on for ever.
pub fn read_limited(path: &Path, limits: &Limits) -> Result<Vec<u8>, ExtractError> {
    if let Some(e) = not_a_file(path) {
        return Err(e);
    }
    let file = std::fs::File::open(path)?;
    let reported = file.metadata()?.len();
    if reported > limits.max_file_bytes {
        return Err(too_large(reported, limits));
    }
    let mut bytes = Vec::with_capacity(reported as usize);
    std::io::Read::read_to_end(
        &mut std::io::Read::take(file, limits.max_file_bytes + 1),
        &mut bytes,
    )?;
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(too_large_unknown(limits));
    }
    Ok(bytes)
}

fn too_large(len: u64, limits: &Limits) -> ExtractError {
    ExtractError::TooLarge {
        what: format!(
            "{} MB (the limit is {} MB)",
            len / (1024 * 1024),
            limits.max_file_bytes / (1024 * 1024)
        ),
    }
}

fn too_large_unknown(limits: &Limits) -> ExtractError {
    ExtractError::TooLarge {
        what: format!(
            "more than {} MB (the limit)",
            limits.max_file_bytes / (1024 * 1024)
        ),
    }
}

/// Why `path` cannot be read as a resume file, or None if it is a regular file (or a link to
/// one). Never opens it: opening a named pipe waits for a writer, forever.
pub fn not_a_file(path: &Path) -> Option<ExtractError> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) => {
            let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
            if is_link && e.kind() == std::io::ErrorKind::NotFound {
                return Some(special_file("a link whose target does not exist"));
            }
            return Some(ExtractError::from_io_ref(&e));
        }
    };
    if meta.is_file() {
        return None;
    }
    if meta.is_dir() {
        return Some(special_file("a folder"));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return Some(special_file("a named pipe"));
        }
        if t.is_char_device() || t.is_block_device() {
            return Some(special_file("a device"));
        }
        if t.is_socket() {
            return Some(special_file("a socket"));
        }
    }
    Some(special_file("not a file"))
}

fn special_file(what: &str) -> ExtractError {
    ExtractError::NotAFile(what.to_owned())
}
