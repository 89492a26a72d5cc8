//! Words of dates: what says an entry is still going on ("present", "heute", "actualidad") and
//! what opens an open-ended range ("since", "seit", "depuis", "desde").

pub(crate) const PRESENT: &[&str] = &[
    "a ce jour",
    "a la fecha",
    "actual",
    "actualidad",
    "actuel",
    "aktuell",
    "ate hoje",
    "ate o momento",
    "attuale",
    "atual",
    "atualmente",
    "aujourd hui",
    "aujourd'hui",
    "aujourd’hui",
    "bis dato",
    "bis heute",
    "current",
    "dato",
    "derzeit",
    "en cours",
    "en curso",
    "hasta el momento",
    "hasta hoy",
    "hasta la fecha",
    "heden",
    "heute",
    "hoje",
    "hoy",
    "in corso",
    "jetzt",
    "jusqu'a aujourd'hui",
    "jusqu'a present",
    "la fecha",
    "laufend",
    "momento",
    "now",
    "nu",
    "o momento",
    "oggi",
    "ongoing",
    "present",
    "presente",
    "till date",
    "till now",
    "to date",
    "today",
    "until now",
    "à ce jour",
];

/// "since 2021", "seit 2019", "depuis janvier 2021", "desde 2020", "dal 2019", "sinds 2020": a
/// range still open.
pub(crate) const SINCE: &[&str] = &["dal", "depuis", "desde", "seit", "since", "sinds", "vanaf"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_unique() {
        super::super::assert_sorted_unique("PRESENT", PRESENT);
        super::super::assert_sorted_unique("SINCE", SINCE);
    }
}
