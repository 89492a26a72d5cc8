//! Names of towns: every town of 15,000 people or more, and the other names in Latin script
//! of towns of a million or more ("wien", "vienne", "viena"), accent-folded and lower case,
//! one per line of `towns.txt`. Built by `scripts/lexicon/build-towns.py` from GeoNames
//! (CC BY 4.0, see THIRD-PARTY.md); do not edit by hand.

use std::sync::LazyLock;

static TOWNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| include_str!("towns.txt").lines().collect());

/// Whether `folded` (accent-folded and lower case, as the parser folds words) is the name of
/// a town.
pub(crate) fn is_town(folded: &str) -> bool {
    TOWNS.binary_search(&folded).is_ok()
}

/// Every name of the table, for the test that they are folded as the parser folds (in
/// `clean`, which the tables do not use).
#[cfg(test)]
pub(crate) fn all_towns() -> &'static [&'static str] {
    &TOWNS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_unique() {
        super::super::assert_sorted_unique("TOWNS", &TOWNS);
        assert!(TOWNS.len() > 30_000, "{} names", TOWNS.len());
    }

    #[test]
    fn towns_by_their_own_and_their_other_names() {
        for town in [
            "wien",
            "vienna",
            "vienne",
            "luzern",
            "montauban",
            "sao paulo",
            "koln",
        ] {
            assert!(is_town(town), "{town}");
        }
        assert!(!is_town("marketing"));
        assert!(!is_town("Wien"), "the table holds folded names only");
    }
}
