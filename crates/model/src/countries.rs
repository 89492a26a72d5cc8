//! Countries by ISO 3166-1 code with the names resumes print them by: the shared vocabulary of
//! the parser (which reads printed names) and the document (which shows a code as a name).

/// Countries by ISO code with the names resumes print in English, German, French, Spanish and
/// Portuguese (accent-folded, lower case); the first name is the one shown.
pub const COUNTRIES: &[(&str, &[&str])] = &[
    (
        "US",
        &[
            "united states",
            "usa",
            "us",
            "u.s.",
            "u.s.a.",
            "united states of america",
            "estados unidos",
            "etats-unis",
            "vereinigte staaten",
        ],
    ),
    (
        "GB",
        &[
            "united kingdom",
            "uk",
            "u.k.",
            "england",
            "scotland",
            "wales",
            "great britain",
            "reino unido",
            "royaume-uni",
            "vereinigtes konigreich",
            "grossbritannien",
        ],
    ),
    (
        "DE",
        &[
            "germany",
            "deutschland",
            "allemagne",
            "alemania",
            "alemanha",
        ],
    ),
    ("FR", &["france", "frankreich", "francia", "franca"]),
    ("ES", &["spain", "espana", "spanien", "espagne", "espanha"]),
    ("PT", &["portugal"]),
    ("BR", &["brazil", "brasil", "bresil", "brasilien"]),
    ("IT", &["italy", "italia", "italien", "italie"]),
    (
        "NL",
        &[
            "netherlands",
            "the netherlands",
            "nederland",
            "niederlande",
            "pays-bas",
            "paises bajos",
            "holanda",
            "paises baixos",
        ],
    ),
    ("BE", &["belgium", "belgien", "belgique", "belgica"]),
    (
        "CH",
        &[
            "switzerland",
            "schweiz",
            "suisse",
            "suiza",
            "suica",
            "svizzera",
        ],
    ),
    ("AT", &["austria", "osterreich", "autriche"]),
    ("LU", &["luxembourg", "luxemburg", "luxemburgo"]),
    ("IE", &["ireland", "irland", "irlande", "irlanda"]),
    ("DK", &["denmark", "danemark", "dinamarca"]),
    ("SE", &["sweden", "schweden", "suede", "suecia"]),
    ("NO", &["norway", "norwegen", "norvege", "noruega"]),
    ("FI", &["finland", "finnland", "finlande", "finlandia"]),
    ("PL", &["poland", "polen", "pologne", "polonia"]),
    (
        "CZ",
        &[
            "czech republic",
            "czechia",
            "tschechien",
            "republique tcheque",
            "republica checa",
        ],
    ),
    ("GR", &["greece", "griechenland", "grece", "grecia"]),
    ("RO", &["romania", "rumanien", "roumanie"]),
    ("UA", &["ukraine", "ucrania"]),
    ("RU", &["russia", "russland", "russie", "rusia"]),
    ("TR", &["turkey", "turkiye", "turkei", "turquie", "turquia"]),
    ("IL", &["israel"]),
    (
        "AE",
        &[
            "united arab emirates",
            "uae",
            "u.a.e.",
            "emirats arabes unis",
            "emiratos arabes unidos",
        ],
    ),
    ("SA", &["saudi arabia"]),
    ("EG", &["egypt", "agypten", "egypte", "egipto", "egito"]),
    (
        "MA",
        &["morocco", "marokko", "maroc", "marruecos", "marrocos"],
    ),
    ("TN", &["tunisia", "tunisie", "tunez"]),
    ("DZ", &["algeria", "algerie", "argelia"]),
    ("NG", &["nigeria"]),
    ("KE", &["kenya", "kenia"]),
    (
        "ZA",
        &[
            "south africa",
            "sudafrika",
            "afrique du sud",
            "sudafrica",
            "africa do sul",
        ],
    ),
    ("IN", &["india", "indien", "inde"]),
    ("PK", &["pakistan"]),
    ("BD", &["bangladesh"]),
    ("LK", &["sri lanka"]),
    ("NP", &["nepal"]),
    ("CN", &["china", "chine", "prc"]),
    ("JP", &["japan", "japon", "japao"]),
    (
        "KR",
        &[
            "south korea",
            "korea",
            "republic of korea",
            "sudkorea",
            "coree du sud",
            "corea del sur",
            "coreia do sul",
        ],
    ),
    ("TW", &["taiwan"]),
    ("HK", &["hong kong"]),
    ("SG", &["singapore", "singapur", "singapour", "singapura"]),
    ("MY", &["malaysia", "malaisie", "malasia"]),
    ("ID", &["indonesia", "indonesien", "indonesie"]),
    ("PH", &["philippines", "philippinen", "filipinas"]),
    ("VN", &["vietnam", "viet nam"]),
    ("TH", &["thailand", "thailande", "tailandia"]),
    ("AU", &["australia", "australien", "australie"]),
    (
        "NZ",
        &[
            "new zealand",
            "neuseeland",
            "nouvelle-zelande",
            "nueva zelanda",
        ],
    ),
    ("CA", &["canada", "kanada"]),
    ("MX", &["mexico", "mexiko", "mexique"]),
    ("AR", &["argentina", "argentinien", "argentine"]),
    ("CL", &["chile", "chili"]),
    ("CO", &["colombia", "kolumbien", "colombie"]),
    ("PE", &["peru", "perou"]),
    ("VE", &["venezuela"]),
    ("UY", &["uruguay"]),
    ("AO", &["angola"]),
    ("MZ", &["mozambique", "mocambique"]),
];

/// The English name of a country code ("DE" → "Germany").
pub fn country_name(code: &str) -> Option<String> {
    let (_, names) = COUNTRIES.iter().find(|(c, _)| *c == code)?;
    let words: Vec<String> = names
        .first()?
        .split(' ')
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect();
    Some(words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_country_name_shows_in_english() {
        assert_eq!(country_name("DE").as_deref(), Some("Germany"));
        assert_eq!(country_name("AE").as_deref(), Some("United Arab Emirates"));
        assert_eq!(country_name("ZZ"), None);
    }

    #[test]
    fn codes_are_unique_and_every_country_has_a_name() {
        let mut codes: Vec<&str> = COUNTRIES.iter().map(|(code, _)| *code).collect();
        codes.sort_unstable();
        let before = codes.len();
        codes.dedup();
        assert_eq!(codes.len(), before, "a code is listed twice");
        assert!(COUNTRIES.iter().all(|(_, names)| !names.is_empty()));
    }
}
