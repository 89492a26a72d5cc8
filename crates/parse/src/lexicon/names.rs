//! What a person's name line is not: title and label words, credentials after a name, template
//! placeholders, contact labels.

/// Words that say a line is a title or a document label, not a person's name.
pub(crate) const NOT_NAME_WORDS: &[&str] = &[
    "accountant",
    "address",
    "analyst",
    "architect",
    "backend",
    "college",
    "consultant",
    "contact",
    "curriculum",
    "cv",
    "data",
    "desarrollador",
    "desenvolvedor",
    "designer",
    "developer",
    "developpeur",
    "director",
    "education",
    "email",
    "engenheiro",
    "engineer",
    "entwickler",
    "experience",
    "frontend",
    "full-stack",
    "fullstack",
    "geburtsdatum",
    "gmbh",
    "head",
    "inc",
    "ingeniero",
    "ingenieur",
    "intern",
    "junior",
    "lead",
    "lebenslauf",
    "llc",
    "ltd",
    "manager",
    "marketing",
    "nachname",
    "name",
    "nurse",
    "page",
    "phone",
    "prenom",
    "product",
    "profile",
    "recruiter",
    "resume",
    "sales",
    "school",
    "scientist",
    "senior",
    "skills",
    "software",
    "specialist",
    "street",
    "student",
    "summary",
    "teacher",
    "university",
    "vitae",
    "vorname",
    "web",
];

/// Letters printed after a name (degrees, licences, suffixes) — not those that are also
/// the codes of places ("CA", "MA", "MD" stay: "San Francisco, CA").
pub(crate) const CREDENTIALS: &[&str] = &[
    "aca", "acca", "beng", "bsc", "ceng", "cfa", "cipd", "cissp", "cpa", "csm", "dds", "dphil",
    "esq", "fca", "frcs", "ii", "iii", "iv", "jd", "jr", "lcsw", "llm", "mba", "meng", "mphil",
    "msc", "np", "pe", "phd", "pmp", "psm", "rn", "shrm-cp", "shrm-scp", "sr",
];

/// Titles printed before a name ("Dr. med.", "Dipl.-Ing.", "Mag.", "Dott.ssa", "Mr."), lower
/// case, without their dots: a title, not a part of the name.
pub(crate) const HONORIFICS: &[&str] = &[
    "arch", "dipl", "dipl-ing", "dipl-kfm", "dott", "dottssa", "dr", "dra", "drs", "ing", "ir",
    "lic", "mag", "med", "mr", "mrs", "ms", "mx", "nat", "prof", "rer",
];

/// Words a template prints where the address goes until someone fills it in.
pub(crate) const PLACEHOLDER_WORDS: &[&str] = &[
    "address", "city", "country", "county", "here", "postcode", "province", "region", "state",
    "street", "town", "your", "zip",
];

/// Words that label links and contacts rather than name a place.
pub(crate) const CONTACT_WORDS: &[&str] = &[
    "address",
    "adresse",
    "anschrift",
    "blog",
    "cel",
    "celular",
    "contact",
    "correo",
    "courriel",
    "cv",
    "direccion",
    "e-mail",
    "email",
    "endereco",
    "github",
    "gitlab",
    "handy",
    "kontakt",
    "linkedin",
    "mail",
    "mobile",
    "movil",
    "phone",
    "portfolio",
    "resume",
    "tel",
    "telefon",
    "telefone",
    "telefono",
    "telephone",
    "twitter",
    "web",
    "website",
    "whatsapp",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_unique() {
        super::super::assert_sorted_unique("NOT_NAME_WORDS", NOT_NAME_WORDS);
        super::super::assert_sorted_unique("CREDENTIALS", CREDENTIALS);
        super::super::assert_sorted_unique("HONORIFICS", HONORIFICS);
        super::super::assert_sorted_unique("PLACEHOLDER_WORDS", PLACEHOLDER_WORDS);
        super::super::assert_sorted_unique("CONTACT_WORDS", CONTACT_WORDS);
    }
}
