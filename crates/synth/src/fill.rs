//! Large libraries of parsed synthetic resumes, for benchmarks and tests.

use crate::SyntheticResume;

/// Rows registered per transaction by [`fill_library`].
const FILL_BATCH: u64 = 1000;

/// Adds parsed synthetic resumes to `library` until it holds `count` rows (one in fifty
/// failed, as real folders have some): for benchmarks and tests of large libraries. The text
/// of each is parsed by the real parser, in parallel; rows are written from this thread.
/// Calls `progress` with the rows so far; returns how many were added.
pub fn fill_library(
    library: &cvdeck_engine::Library,
    count: u64,
    mut progress: impl FnMut(u64),
) -> Result<u64, cvdeck_engine::store::StoreError> {
    use cvdeck_engine::store::{Failure, NewFile, Registered};
    let have = library.counts()?.total();
    let limits = cvdeck_engine::Limits::default();
    let threads = std::thread::available_parallelism().map_or(2, usize::from);
    let mut next = have;
    while next < count {
        let end = (next + FILL_BATCH).min(count);
        let seeds: Vec<u64> = (next..end).collect();
        let parsed: Vec<(u64, String, cvdeck_engine::Parsed)> = std::thread::scope(|s| {
            let workers: Vec<_> = seeds
                .chunks(seeds.len().div_ceil(threads))
                .map(|chunk| {
                    let limits = &limits;
                    s.spawn(move || {
                        chunk
                            .iter()
                            .filter_map(|&seed| {
                                let text = SyntheticResume::generate(seed).to_text();
                                let parsed =
                                    cvdeck_engine::parse_bytes(text.as_bytes(), limits).ok()?;
                                Some((seed, text, parsed))
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            workers
                .into_iter()
                .flat_map(|w| w.join().unwrap_or_default())
                .collect()
        });
        let files: Vec<NewFile> = parsed
            .iter()
            .map(|(seed, _, _)| NewFile {
                original_path: std::path::PathBuf::from(format!("/synthetic/resume-{seed:06}.txt")),
                content_hash: format!("{seed:064x}"),
                stored_path: library.stored_path_for(&format!("{seed:064x}"), "txt"),
                size_bytes: 2048,
            })
            .collect();
        let registered = library.register(&files)?;
        for ((seed, text, p), reg) in parsed.iter().zip(registered) {
            if let Registered::New(id) = reg {
                if seed % 50 == 0 {
                    let failure = Failure {
                        kind: "corrupt".into(),
                        message: "damaged PDF file: synthetic failure".into(),
                    };
                    library.fail(id, Some("pdf"), &failure)?;
                } else {
                    library.complete(id, "text", &p.resume, text)?;
                }
            }
        }
        next = end;
        progress(next);
    }
    Ok(next - have)
}
