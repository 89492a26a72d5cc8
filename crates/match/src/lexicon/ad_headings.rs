//! The headings job ads put over their parts, in English, German, French, Spanish and
//! Portuguese (accent-folded, lower case). A heading is matched whole or as the start of a
//! short line ("Must have:", "Ihr Profil – das bringen Sie mit").

/// Over what a candidate must bring.
pub(crate) const REQUIRED: &[&str] = &[
    "anforderungen",
    "basic qualifications",
    "competences requises",
    "das bringen sie mit",
    "das bringst du mit",
    "dein profil",
    "exigences",
    "experiencia requerida",
    "ihr profil",
    "imprescindible",
    "lo que buscamos",
    "minimum qualifications",
    "must have",
    "must haves",
    "must-have",
    "must-haves",
    "o que procuramos",
    "o que voce precisa ter",
    "perfil",
    "perfil buscado",
    "perfil del candidato",
    "perfil deseado",
    "perfil requerido",
    "prerequis",
    "profil",
    "profil recherche",
    "qualificacoes",
    "qualifications",
    "qualifikationen",
    "required",
    "required qualifications",
    "required skills",
    "requirements",
    "requis",
    "requisitos",
    "requisitos obligatorios",
    "requisitos obrigatorios",
    "skills",
    "voraussetzungen",
    "votre profil",
    "was du mitbringst",
    "was sie mitbringen",
    "what we are looking for",
    "what we're looking for",
    "what you bring",
    "what you need",
    "what you'll bring",
    "who you are",
    "you have",
    "your profile",
];

/// Over what would be welcome but is not required.
pub(crate) const NICE: &[&str] = &[
    "atouts",
    "bonus",
    "bonus points",
    "deseable",
    "desejavel",
    "diferenciais",
    "ein plus",
    "idealerweise",
    "nice to have",
    "nice to haves",
    "nice-to-have",
    "nice-to-haves",
    "plus",
    "pluspunkte",
    "preferred",
    "preferred qualifications",
    "se valorara",
    "serait un plus",
    "un plus",
    "valorable",
    "von vorteil",
    "wunschenswert",
];

/// Over anything else (the tasks, the company, the offer): skills named there are not asked of
/// the candidate, so they are read as nice to have at most.
pub(crate) const OTHER: &[&str] = &[
    "a propos",
    "about the role",
    "about us",
    "aufgaben",
    "beneficios",
    "benefits",
    "deine aufgaben",
    "descripcion",
    "description",
    "funciones",
    "ihre aufgaben",
    "missions",
    "nous offrons",
    "o que oferecemos",
    "ofrecemos",
    "responsabilidades",
    "responsibilities",
    "sobre nos",
    "sobre nosotros",
    "tasks",
    "uber uns",
    "vos missions",
    "was wir bieten",
    "we offer",
    "what you will do",
    "what you'll do",
    "wir bieten",
    "your tasks",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::assert_sorted_unique;

    #[test]
    fn tables_are_sorted_and_unique() {
        assert_sorted_unique("REQUIRED", REQUIRED);
        assert_sorted_unique("NICE", NICE);
        assert_sorted_unique("OTHER", OTHER);
    }
}
