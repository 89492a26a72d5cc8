//! Language codes as people read them.

/// "en" → "English": the languages the parser knows by name, others by their code.
pub fn name(code: &str) -> &str {
    match code {
        "en" => "English",
        "de" => "German",
        "fr" => "French",
        "es" => "Spanish",
        "pt" => "Portuguese",
        "it" => "Italian",
        "nl" => "Dutch",
        "pl" => "Polish",
        "sv" => "Swedish",
        "da" => "Danish",
        "ru" => "Russian",
        "tr" => "Turkish",
        other => other,
    }
}
