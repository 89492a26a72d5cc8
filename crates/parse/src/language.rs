//! Which language a resume is written in, for `meta.language` and the library's filter.

/// ISO 639-1 codes of the languages the parser knows headings, months and degrees for, and of
/// a few more a recruiter may meet; others are reported by their ISO 639-3 code.
const TWO_LETTER: &[(whatlang::Lang, &str)] = &[
    (whatlang::Lang::Eng, "en"),
    (whatlang::Lang::Deu, "de"),
    (whatlang::Lang::Fra, "fr"),
    (whatlang::Lang::Spa, "es"),
    (whatlang::Lang::Por, "pt"),
    (whatlang::Lang::Ita, "it"),
    (whatlang::Lang::Nld, "nl"),
    (whatlang::Lang::Pol, "pl"),
    (whatlang::Lang::Swe, "sv"),
    (whatlang::Lang::Dan, "da"),
    (whatlang::Lang::Rus, "ru"),
    (whatlang::Lang::Tur, "tr"),
];

/// Enough text to tell the language; more only costs time.
const SAMPLE_BYTES: usize = 6_000;

/// Short words each of the five languages uses all the time and the others rarely do.
/// Resumes are mostly names, tools and noun phrases, where trigram statistics go astray
/// (a German CV full of compounds reads as French to them); these words do not.
const FUNCTION_WORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "of", "with", "for", "to", "on", "at", "in", "as", "from", "by",
        ],
    ),
    (
        "de",
        &[
            "und", "der", "die", "das", "mit", "von", "für", "im", "zur", "zum", "bei", "den",
            "des", "ein", "eine", "auf", "als",
        ],
    ),
    (
        "fr",
        &[
            "et", "le", "les", "des", "du", "pour", "avec", "dans", "sur", "au", "aux", "une",
            "d'", "l'",
        ],
    ),
    (
        "es",
        &[
            "y", "el", "los", "las", "del", "con", "para", "por", "una", "al",
        ],
    ),
    (
        "pt",
        &[
            "e", "do", "dos", "das", "da", "com", "para", "em", "no", "na", "uma", "ao",
        ],
    ),
];

/// Fewer function words than this and the vote says nothing.
const MIN_VOTES: usize = 6;

/// The language of `text`, if the text says it clearly enough.
pub(crate) fn detect(text: &str) -> Option<String> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    function_word_vote(sample)
        .map(str::to_owned)
        .or_else(|| trigrams(sample))
}

fn function_word_vote(sample: &str) -> Option<&'static str> {
    let lower = sample.to_lowercase().replace('’', "'");
    let mut votes = [0usize; FUNCTION_WORDS.len()];
    // Addresses and links are not prose ("example.com" is not Portuguese).
    let prose = lower
        .split_whitespace()
        .filter(|token| !token.contains(['@', '/']) && !is_domain_like(token));
    for word in prose.flat_map(|t| t.split(|c: char| !(c.is_alphabetic() || c == '\''))) {
        // "d'expérience": the elided article is the French signal.
        let word = word.split_inclusive('\'').next().unwrap_or(word);
        for (i, (_, words)) in FUNCTION_WORDS.iter().enumerate() {
            if words.contains(&word) {
                votes[i] += 1;
            }
        }
    }
    let total: usize = votes.iter().sum();
    let (best, &count) = votes.iter().enumerate().max_by_key(|(_, v)| **v)?;
    // A clear lead: the winner has at least twice the runner-up.
    let runner_up = votes
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != best)
        .map(|(_, v)| *v)
        .max()
        .unwrap_or(0);
    // Short resumes say little, but when all they say agrees, that is enough.
    let clear = (total >= MIN_VOTES && count >= 2 * runner_up) || (count >= 2 && count == total);
    clear.then_some(FUNCTION_WORDS[best].0)
}

/// "example.com", "Scrum.org": a dot between letters.
fn is_domain_like(token: &str) -> bool {
    token
        .trim_end_matches(['.', ',', ';', ')'])
        .split_once('.')
        .is_some_and(|(a, b)| {
            a.ends_with(char::is_alphanumeric) && b.starts_with(char::is_alphabetic)
        })
}

/// Languages beyond the five, by whatlang's trigram model, when it is sure.
fn trigrams(sample: &str) -> Option<String> {
    let info = whatlang::detect(sample)?;
    // Names, tools and acronyms dilute a resume's prose: a fair lead is enough.
    if !info.is_reliable() && info.confidence() < 0.3 {
        return None;
    }
    let lang = info.lang();
    Some(
        TWO_LETTER
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or_else(|| lang.code().to_owned(), |(_, code)| (*code).to_owned()),
    )
}

#[cfg(test)]
mod tests {
    use super::detect;

    #[test]
    fn the_five_languages() {
        for (text, code) in [
            ("Senior engineer with ten years of experience building payment systems and leading small teams.", "en"),
            ("Softwareentwickler mit zehn Jahren Berufserfahrung in der Entwicklung von Zahlungssystemen und der Leitung kleiner Teams.", "de"),
            ("Ingénieur logiciel avec dix ans d'expérience dans le développement de systèmes de paiement et la direction d'équipes.", "fr"),
            ("Ingeniero de software con diez años de experiencia en el desarrollo de sistemas de pago y la dirección de equipos pequeños.", "es"),
            ("Engenheiro de software com dez anos de experiência no desenvolvimento de sistemas de pagamento e na liderança de equipes.", "pt"),
        ] {
            assert_eq!(detect(text).as_deref(), Some(code), "{text}");
        }
        assert_eq!(detect("Rust, Go, SQL"), None);
        assert_eq!(
            detect("Laureato in ingegneria informatica con cinque anni di esperienza nello sviluppo di applicazioni web e nella gestione di progetti per aziende italiane e straniere.").as_deref(),
            Some("it")
        );
    }

    #[test]
    fn a_german_cv_of_compounds_and_bullets_is_german() {
        // Trigram statistics called this French.
        let text = "Softwareingenieur\nSpinnax GmbH\n• Regelung einer BLE Verbindung mithilfe eines kaskadierten Reglers\n• Implementierung einer Deep-Learning Infrastruktur zur Klassifizierung von Skateboardtricks\n• Erstellen einer CI-Pipeline auf einem VPS\n• Systemintegration und Testentwicklung\nFraunhofer Institut für Solare Energiesysteme\n• Softwarebasierte elektrische und thermische Simulation von Photovoltaiksystemen";
        assert_eq!(detect(text).as_deref(), Some("de"));
    }
}
