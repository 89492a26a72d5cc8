//! The parser's knowledge as data: word tables, one module per concern, kept apart from the
//! rules that use them. Every table is sorted and has no duplicates (each module tests its
//! own), words are accent-folded and lower case unless a table says otherwise, and a rule
//! never depends on a table's order.

pub(crate) mod certificates;
pub(crate) mod dates;
pub(crate) mod degrees;
pub(crate) mod employment;
pub(crate) mod europass;
pub(crate) mod function_words;
pub(crate) mod headings;
pub(crate) mod languages;
pub(crate) mod marks;
pub(crate) mod months;
pub(crate) mod names;
pub(crate) mod occupations;
pub(crate) mod organisations;
pub(crate) mod places;
pub(crate) mod proficiency;
pub(crate) mod sites;
pub(crate) mod titles;
pub(crate) mod towns;

/// Fails with the first word out of order or repeated in `table`.
#[cfg(test)]
pub(crate) fn assert_sorted_unique<T: Ord + std::fmt::Debug>(name: &str, table: &[T]) {
    for pair in table.windows(2) {
        assert!(
            pair[0] < pair[1],
            "{name}: {:?} must come after {:?}",
            pair[0],
            pair[1]
        );
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_check_catches_disorder_and_repeats() {
        let sorted = std::panic::catch_unwind(|| super::assert_sorted_unique("t", &["a", "b"]));
        assert!(sorted.is_ok());
        for bad in [&["b", "a"][..], &["a", "a"][..]] {
            assert!(std::panic::catch_unwind(|| super::assert_sorted_unique("t", bad)).is_err());
        }
    }
}
