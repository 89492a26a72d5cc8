//! Spellings in the skill table that are also ordinary words ("excel at", "swift delivery",
//! "spring 2021", "chef de projet"): in sentences they name the product only when printed with
//! its capital.

/// Accent-folded, lower case.
pub(crate) const ORDINARY_WORDS: &[&str] = &[
    "absorb", "access", "canvas", "chef", "ember", "excel", "express", "flask", "jade", "mercury",
    "meteor", "outlook", "puppet", "rage", "react", "ruby", "rust", "salt", "source", "spark",
    "swift", "unity", "word",
];

#[cfg(test)]
mod tests {
    #[test]
    fn table_is_sorted_and_unique() {
        crate::lexicon::assert_sorted_unique("ORDINARY_WORDS", super::ORDINARY_WORDS);
    }
}
