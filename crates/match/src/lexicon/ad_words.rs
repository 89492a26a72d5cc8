//! Words job ads use around requirements, in the five languages (accent-folded, lower case).

/// Inside a line, mark what it names as welcome, not required ("Kafka is a plus",
/// "Französisch von Vorteil", "serait un atout").
pub(crate) const NICE_MARKERS: &[&str] = &[
    "a plus",
    "atout",
    "bonus",
    "de preferencia",
    "deseable",
    "desejavel",
    "diferencial",
    "ein plus",
    "gerne",
    "idealerweise",
    "ideally",
    "is a plus",
    "nice to have",
    "nice-to-have",
    "optional",
    "preferably",
    "preferred",
    "se valora",
    "serait un plus",
    "un plus",
    "valorable",
    "von vorteil",
    "wunschenswert",
];

/// Say that a number of years is about experience.
pub(crate) const EXPERIENCE: &[&str] = &[
    "berufserfahrung",
    "erfahrung",
    "experience",
    "experiencia",
    "expertise",
];

/// The unit after the number ("5 years", "3 Jahre", "2 ans", "4 años", "3 anos").
pub(crate) const YEAR_WORDS: &[&str] = &["anos", "ans", "jahre", "jahren", "year", "years", "yrs"];

/// Numbers ads spell out.
pub(crate) const NUMBER_WORDS: &[(&str, u32)] = &[
    ("cinco", 5),
    ("cinq", 5),
    ("deux", 2),
    ("dois", 2),
    ("dos", 2),
    ("drei", 3),
    ("duas", 2),
    ("eight", 8),
    ("five", 5),
    ("four", 4),
    ("funf", 5),
    ("quatre", 4),
    ("quatro", 4),
    ("seven", 7),
    ("six", 6),
    ("ten", 10),
    ("three", 3),
    ("tres", 3),
    ("trois", 3),
    ("two", 2),
    ("vier", 4),
    ("zwei", 2),
];

/// Say that the work can be done from anywhere.
pub(crate) const REMOTE: &[&str] = &[
    "100% remote",
    "full remote",
    "fully remote",
    "home office",
    "homeoffice",
    "remote",
    "remoto",
    "teletrabajo",
    "teletravail",
    "trabalho remoto",
];

/// Label the place of work ("Location: Berlin").
pub(crate) const PLACE_LABELS: &[&str] = &[
    "arbeitsort",
    "city",
    "lieu",
    "local",
    "localizacao",
    "location",
    "ort",
    "standort",
    "ubicacion",
];

/// Label the job's title ("Position: Backend Engineer").
pub(crate) const TITLE_LABELS: &[&str] = &[
    "cargo",
    "job title",
    "position",
    "poste",
    "puesto",
    "role",
    "stelle",
    "title",
    "vaga",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::assert_sorted_unique;

    #[test]
    fn tables_are_sorted_and_unique() {
        assert_sorted_unique("NICE_MARKERS", NICE_MARKERS);
        assert_sorted_unique("EXPERIENCE", EXPERIENCE);
        assert_sorted_unique("YEAR_WORDS", YEAR_WORDS);
        let numbers: Vec<&str> = NUMBER_WORDS.iter().map(|(w, _)| *w).collect();
        assert_sorted_unique("NUMBER_WORDS", &numbers);
        assert_sorted_unique("REMOTE", REMOTE);
        assert_sorted_unique("PLACE_LABELS", PLACE_LABELS);
        assert_sorted_unique("TITLE_LABELS", TITLE_LABELS);
    }
}
