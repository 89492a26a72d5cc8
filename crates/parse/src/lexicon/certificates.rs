//! Levels that end a certificate's name ("… – Associate", "… – Specialty").

/// Levels that end a certification's own name ("AWS Certified Data Analytics – Specialty").
pub(crate) const CERTIFICATE_LEVELS: &[&str] = &[
    "advanced",
    "associate",
    "expert",
    "foundation",
    "foundational",
    "fundamentals",
    "practitioner",
    "professional",
    "specialty",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_unique() {
        super::super::assert_sorted_unique("CERTIFICATE_LEVELS", CERTIFICATE_LEVELS);
    }
}
