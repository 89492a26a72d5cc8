//! How one is employed: kinds of employment, work modes, and work done for no employer.

/// Work done for no employer: such a role does not continue the one above it.
pub(crate) const ON_ONES_OWN: &[&str] = &[
    "autoentrepreneur",
    "autonoma",
    "autonomo",
    "freelance",
    "freelancer",
    "freiberufler",
    "freiberuflich",
    "independant",
    "selbststandig",
    "self-employed",
];

/// Kinds of employment, printed among a job's header pieces; never its town.
pub(crate) const EMPLOYMENT_KINDS: &[&str] = &[
    "alternance",
    "cdd",
    "cdi",
    "contract",
    "estagio",
    "freelance",
    "full time",
    "full-time",
    "internship",
    "part time",
    "part-time",
    "pasantia",
    "permanent",
    "practicas",
    "praktikum",
    "self-employed",
    "stage",
    "teilzeit",
    "temporary",
    "vollzeit",
    "werkstudent",
];

/// Where the work is done, printed beside the town ("Lahore, On-site").
pub(crate) const WORK_MODES: &[&str] = &[
    "hibrido",
    "homeoffice",
    "hybrid",
    "on-site",
    "onsite",
    "presencial",
    "presentiel",
    "remote",
    "remoto",
    "teletravail",
    "vor ort",
];

/// Words between a title and its employer on one line ("Tutor en la Universidad …",
/// "Entwicklerin bei …"); Spanish and Portuguese only with the article, since "Ingeniero en
/// Sistemas" names a field. Not English "at": "Attorney at Law" is one title, and "Data
/// Analyst at Acme" is told apart by its title and company words already.
pub(crate) const AT_EMPLOYER: &[&str] =
    &["bei", "bij", "chez", "en el", "en la", "na", "no", "presso"];

/// The same words without the article ("Programadora en Grupo Turia", "Analista em Banco
/// Horizonte S.A."): between a title and an employer only when the employer's side names a
/// company, since "Ingeniero en Sistemas" and "Mestre em Gestão" name a field.
pub(crate) const AT_NAMED_EMPLOYER: &[&str] = &["em", "en"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_unique() {
        super::super::assert_sorted_unique("ON_ONES_OWN", ON_ONES_OWN);
        super::super::assert_sorted_unique("EMPLOYMENT_KINDS", EMPLOYMENT_KINDS);
        super::super::assert_sorted_unique("WORK_MODES", WORK_MODES);
        super::super::assert_sorted_unique("AT_EMPLOYER", AT_EMPLOYER);
        super::super::assert_sorted_unique("AT_NAMED_EMPLOYER", AT_NAMED_EMPLOYER);
    }
}
