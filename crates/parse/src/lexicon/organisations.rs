//! Words that say a name is an organisation: company forms and suffixes, and the words of schools
//! and universities.

pub(crate) const COMPANY_WORDS: &[&str] = &[
    "ag",
    "agency",
    "bank",
    "bv",
    "co.",
    "company",
    "consulting",
    "corp",
    "corp.",
    "corporation",
    "foundation",
    "gmbh",
    "gmbh.",
    "group",
    "hospital",
    "inc",
    "inc.",
    "institute",
    "labs",
    "llc",
    "ltd",
    "ltd.",
    "ltda",
    "plc",
    "pvt",
    "s.a.",
    "s.l.",
    "sa",
    "sarl",
    "sas",
    "solutions",
    "studio",
    "systems",
    "technologies",
    "universidad",
    "universidade",
    "universitat",
    "universite",
    "university",
];

pub(crate) const INSTITUTION_WORDS: &[&str] = &[
    "academy",
    "akademie",
    "berufsschule",
    "campus",
    "centrale",
    "colegio",
    "college",
    "conservatory",
    "ecole",
    "epfl",
    "escola",
    "escuela",
    "eth",
    "fachhochschule",
    "faculdade",
    "facultad",
    "faculty",
    "gymnasium",
    "hochschule",
    "iit",
    "insa",
    "institut",
    "institute",
    "instituto",
    "iut",
    "liceo",
    "lycee",
    "mit",
    "politecnico",
    "polytechnic",
    "polytechnique",
    "realschule",
    "school",
    "schule",
    "seminary",
    "tu",
    "universidad",
    "universidade",
    "universita",
    "universitat",
    "universite",
    "university",
];

/// Labels before an employer's name ("Company: …"), folded, in five languages.
pub(crate) const COMPANY_LABELS: &[&str] = &[
    "arbeitgeber",
    "company",
    "employer",
    "employeur",
    "empresa",
    "entreprise",
    "firma",
    "organisation",
    "organization",
    "unternehmen",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_unique() {
        super::super::assert_sorted_unique("COMPANY_WORDS", COMPANY_WORDS);
        super::super::assert_sorted_unique("INSTITUTION_WORDS", INSTITUTION_WORDS);
        super::super::assert_sorted_unique("COMPANY_LABELS", COMPANY_LABELS);
    }
}
