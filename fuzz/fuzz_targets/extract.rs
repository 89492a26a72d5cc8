//! Any bytes through format detection and extraction (PDF, DOCX, ODT, text), as a worker
//! receives them. OCR is off (no tools on PATH): the fuzzer exercises our code and the PDF
//! libraries, not Tesseract.
//!
//! Panics inside pdf-extract and lopdf are caught by the engine and become failed rows (and
//! the worker process contains what cannot be caught); they are expected here. A panic
//! anywhere else is a bug in our code and aborts the run.
#![no_main]

use cvdeck_engine::{extract::extract, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(
    init: {
        std::env::set_var("PATH", "");
        let abort_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let third_party = info
                .location()
                .is_some_and(|l| l.file().contains("/pdf-extract-") || l.file().contains("/lopdf-"));
            if !third_party {
                abort_hook(info);
            }
        }));
    },
    |data: &[u8]| {
        let _ = extract(data, &Limits::default());
    }
);
