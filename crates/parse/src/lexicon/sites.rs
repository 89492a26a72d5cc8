//! Words of a website's or portal's line, which is never a name or a headline.

/// Words that stand for a personal site when printed alone on a contact line.
pub(crate) const SITE_WORDS: &[&str] = &[
    "blog",
    "home page",
    "homepage",
    "portafolio",
    "portfolio",
    "portfólio",
    "site",
    "site web",
    "sitio web",
    "webseite",
    "website",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_unique() {
        super::super::assert_sorted_unique("SITE_WORDS", SITE_WORDS);
    }
}
