//! Spoken languages by the names ads and resumes give them, and the words for how well.

/// Language names in English, German, French, Spanish and Portuguese (and the language's own
/// name), accent-folded, with their ISO 639-1 code.
pub(crate) const LANGUAGES: &[(&str, &str)] = &[
    ("aleman", "de"),
    ("alemao", "de"),
    ("allemand", "de"),
    ("anglais", "en"),
    ("arabe", "ar"),
    ("arabic", "ar"),
    ("arabisch", "ar"),
    ("castellano", "es"),
    ("catala", "ca"),
    ("catalan", "ca"),
    ("chines", "zh"),
    ("chinese", "zh"),
    ("chinesisch", "zh"),
    ("chino", "zh"),
    ("chinois", "zh"),
    ("deutsch", "de"),
    ("dutch", "nl"),
    ("englisch", "en"),
    ("english", "en"),
    ("espagnol", "es"),
    ("espanhol", "es"),
    ("espanol", "es"),
    ("francais", "fr"),
    ("frances", "fr"),
    ("franzosisch", "fr"),
    ("french", "fr"),
    ("german", "de"),
    ("holandes", "nl"),
    ("hollandais", "nl"),
    ("ingles", "en"),
    ("italian", "it"),
    ("italiano", "it"),
    ("italien", "it"),
    ("italienisch", "it"),
    ("japanese", "ja"),
    ("japanisch", "ja"),
    ("japonais", "ja"),
    ("japones", "ja"),
    ("nederlands", "nl"),
    ("neerlandais", "nl"),
    ("niederlandisch", "nl"),
    ("polish", "pl"),
    ("polnisch", "pl"),
    ("polonais", "pl"),
    ("portugais", "pt"),
    ("portugiesisch", "pt"),
    ("portugues", "pt"),
    ("portuguese", "pt"),
    ("ruso", "ru"),
    ("russe", "ru"),
    ("russian", "ru"),
    ("russisch", "ru"),
    ("russo", "ru"),
    ("spanisch", "es"),
    ("spanish", "es"),
    ("turc", "tr"),
    ("turco", "tr"),
    ("turkisch", "tr"),
    ("turkish", "tr"),
];

/// The English name of each language code [`LANGUAGES`] gives, for writing a job document.
pub(crate) const ENGLISH_NAMES: &[(&str, &str)] = &[
    ("ar", "Arabic"),
    ("ca", "Catalan"),
    ("de", "German"),
    ("en", "English"),
    ("es", "Spanish"),
    ("fr", "French"),
    ("it", "Italian"),
    ("ja", "Japanese"),
    ("nl", "Dutch"),
    ("pl", "Polish"),
    ("pt", "Portuguese"),
    ("ru", "Russian"),
    ("tr", "Turkish"),
    ("zh", "Chinese"),
];

/// Words for a level, on the CEFR scale as a number (A1 = 1 … C2 = 6).
pub(crate) const LEVEL_WORDS: &[(&str, u8)] = &[
    ("advanced", 5),
    ("avancado", 5),
    ("avance", 5),
    ("avanzado", 5),
    ("basic", 2),
    ("basico", 2),
    ("bilingual", 6),
    ("bilingue", 6),
    ("business", 4),
    ("conversational", 3),
    ("courant", 5),
    ("fliessend", 5),
    ("fließend", 5),
    ("fluent", 5),
    ("fluente", 5),
    ("fluently", 5),
    ("fluide", 5),
    ("fluido", 5),
    ("good", 3),
    ("grundkenntnisse", 2),
    ("gute", 3),
    ("intermediaire", 3),
    ("intermediario", 3),
    ("intermediate", 3),
    ("intermedio", 3),
    ("langue maternelle", 6),
    ("lengua materna", 6),
    ("mother tongue", 6),
    ("muttersprache", 6),
    ("muttersprachlich", 6),
    ("natif", 6),
    ("native", 6),
    ("nativo", 6),
    ("professional", 4),
    ("proficient", 5),
    ("sehr gute", 4),
    ("verhandlungssicher", 5),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::assert_sorted_unique;

    #[test]
    fn tables_are_sorted_and_unique() {
        let names: Vec<&str> = LANGUAGES.iter().map(|(w, _)| *w).collect();
        assert_sorted_unique("LANGUAGES", &names);
        let codes: Vec<&str> = ENGLISH_NAMES.iter().map(|(c, _)| *c).collect();
        assert_sorted_unique("ENGLISH_NAMES", &codes);
        for (_, code) in LANGUAGES {
            assert!(codes.contains(code), "{code} needs an English name");
        }
        let levels: Vec<&str> = LEVEL_WORDS.iter().map(|(w, _)| *w).collect();
        assert_sorted_unique("LEVEL_WORDS", &levels);
    }
}
