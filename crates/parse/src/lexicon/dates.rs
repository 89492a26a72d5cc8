//! Words of dates: what says an entry is still going on ("present", "heute", "actualidad") and
//! what opens an open-ended range ("since", "seit", "depuis", "desde").

pub(crate) const PRESENT: &[&str] = &[
    "actual",
    "actualidad",
    "actuel",
    "aktuell",
    "atual",
    "atualmente",
    "aujourd hui",
    "aujourd'hui",
    "current",
    "derzeit",
    "heute",
    "hoy",
    "jetzt",
    "momento",
    "now",
    "o momento",
    "ongoing",
    "present",
    "presente",
    "till date",
    "till now",
    "to date",
    "today",
    "until now",
];

/// "since 2021", "seit 2019", "depuis janvier 2021", "desde 2020": a range still open.
pub(crate) const SINCE: &[&str] = &["depuis", "desde", "seit", "since"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_unique() {
        super::super::assert_sorted_unique("PRESENT", PRESENT);
        super::super::assert_sorted_unique("SINCE", SINCE);
    }
}
