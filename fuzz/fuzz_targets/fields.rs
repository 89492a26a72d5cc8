//! Text to JSON Resume: the field parser must return a document for any text.
#![no_main]

use cvdeck_engine::parse::parse_text;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let resume = parse_text(&text, &[]);
    // Dates are ISO or absent, whatever the input.
    for job in &resume.work {
        for date in [&job.start_date, &job.end_date].into_iter().flatten() {
            assert!(
                date.len() == 4 || date.len() == 7,
                "not YYYY or YYYY-MM: {date:?}"
            );
        }
    }
});
