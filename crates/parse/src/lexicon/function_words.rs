//! Small words that decide how printed lines join: joining words, words a line cannot end on, and
//! words a wrapped bullet ends with.

/// Small words inside names and titles ("Head of Sales", "Chef de projet").
pub(crate) const JOINING_WORDS: &[&str] = &[
    "a", "and", "at", "da", "das", "de", "del", "der", "des", "die", "do", "dos", "du", "e", "em",
    "en", "et", "for", "fur", "in", "la", "le", "of", "the", "und", "y",
];

/// Words left dangling once a date is cut out ("Kitchen employee from").
pub(crate) const DANGLING: &[&str] = &[
    "a", "ab", "and", "até", "avec", "bis", "com", "con", "da", "dal", "de", "depuis", "desde",
    "du", "e", "em", "en", "et", "from", "hasta", "im", "in", "mit", "seit", "since", "sinds",
    "to", "tot", "und", "until", "vanaf", "von", "with", "y", "à",
];

/// Words a wrapped line can end on but a sentence, a title or a company cannot.
pub(crate) const WRAPPING_WORDS: &[&str] = &[
    "a", "an", "and", "avec", "com", "con", "da", "das", "de", "der", "des", "die", "do", "du",
    "e", "el", "em", "et", "for", "in", "la", "las", "le", "les", "los", "mit", "o", "of", "on",
    "or", "para", "pour", "the", "to", "und", "von", "with", "y",
];

/// Words that join a phrase ("Project Management and Marketing"), never a list of tools.
pub(crate) const LIST_JOINING_WORDS: &[&str] = &[
    "&", "and", "de", "e", "et", "for", "of", "the", "und", "with", "y",
];

/// Words that join two items of a list ("PostgreSQL y MongoDB", "HTML & CSS"), not a
/// phrase ("Areas of Interest").
pub(crate) const LIST_CONJUNCTIONS: &[&str] = &["&", "and", "e", "en", "et", "und", "y"];

/// Words a heading never ends on, though a wrapped sentence often does.
pub(crate) const HEADING_CONNECTORS: &[&str] = &[
    "&", "and", "de", "des", "e", "et", "for", "in", "la", "of", "the", "to", "und", "y",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_unique() {
        super::super::assert_sorted_unique("JOINING_WORDS", JOINING_WORDS);
        super::super::assert_sorted_unique("DANGLING", DANGLING);
        super::super::assert_sorted_unique("WRAPPING_WORDS", WRAPPING_WORDS);
        super::super::assert_sorted_unique("LIST_JOINING_WORDS", LIST_JOINING_WORDS);
        super::super::assert_sorted_unique("HEADING_CONNECTORS", HEADING_CONNECTORS);
        super::super::assert_sorted_unique("LIST_CONJUNCTIONS", LIST_CONJUNCTIONS);
    }
}
