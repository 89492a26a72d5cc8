//! Section headings in five languages, recognised by their words and their form.

use super::clean::fold;

/// What a section is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SectionKind {
    Summary,
    Work,
    Education,
    Skills,
    Languages,
    Projects,
    Certificates,
    Awards,
    Publications,
    Volunteer,
    Interests,
    References,
    Contact,
    /// Personal details: a German Lebenslauf opens with them (name, address, phone), an
    /// Indian CV ends with them (birth date, parents' names).
    Personal,
    Other,
}

/// Heading words, accent-folded and lowercase, with the kind each one names.
const KIND_WORDS: &[(&str, SectionKind)] = &[
    ("summary", SectionKind::Summary),
    ("profile", SectionKind::Summary),
    ("objective", SectionKind::Summary),
    ("about", SectionKind::Summary),
    ("profil", SectionKind::Summary),
    ("zusammenfassung", SectionKind::Summary),
    ("kurzprofil", SectionKind::Summary),
    ("perfil", SectionKind::Summary),
    ("resumen", SectionKind::Summary),
    ("resumo", SectionKind::Summary),
    ("objetivo", SectionKind::Summary),
    ("objectif", SectionKind::Summary),
    ("experience", SectionKind::Work),
    ("experiences", SectionKind::Work),
    ("employment", SectionKind::Work),
    ("work", SectionKind::Work),
    ("career", SectionKind::Work),
    ("berufserfahrung", SectionKind::Work),
    ("berufspraxis", SectionKind::Work),
    ("praxiserfahrung", SectionKind::Work),
    ("erfahrung", SectionKind::Work),
    ("werdegang", SectionKind::Work),
    ("experiencia", SectionKind::Work),
    ("experiencias", SectionKind::Work),
    ("trayectoria", SectionKind::Work),
    ("parcours", SectionKind::Work),
    ("emplois", SectionKind::Work),
    ("education", SectionKind::Education),
    ("academic", SectionKind::Education),
    ("qualifications", SectionKind::Education),
    ("studies", SectionKind::Education),
    ("ausbildung", SectionKind::Education),
    ("bildung", SectionKind::Education),
    ("bildungsweg", SectionKind::Education),
    ("studium", SectionKind::Education),
    ("schulbildung", SectionKind::Education),
    ("formation", SectionKind::Education),
    ("formations", SectionKind::Education),
    ("etudes", SectionKind::Education),
    ("educacion", SectionKind::Education),
    ("formacion", SectionKind::Education),
    ("estudios", SectionKind::Education),
    ("formacao", SectionKind::Education),
    ("educacao", SectionKind::Education),
    ("escolaridade", SectionKind::Education),
    ("educational", SectionKind::Education),
    ("skills", SectionKind::Skills),
    ("strengths", SectionKind::Skills),
    ("starken", SectionKind::Skills),
    ("forces", SectionKind::Skills),
    ("fortalezas", SectionKind::Skills),
    ("skill", SectionKind::Skills),
    ("competencies", SectionKind::Skills),
    ("technologies", SectionKind::Skills),
    ("expertise", SectionKind::Skills),
    ("kenntnisse", SectionKind::Skills),
    ("programmiersprachen", SectionKind::Skills),
    ("it-kenntnisse", SectionKind::Skills),
    ("fahigkeiten", SectionKind::Skills),
    ("kompetenzen", SectionKind::Skills),
    ("competences", SectionKind::Skills),
    ("habilidades", SectionKind::Skills),
    ("competencias", SectionKind::Skills),
    ("conocimientos", SectionKind::Skills),
    ("aptitudes", SectionKind::Skills),
    ("conhecimentos", SectionKind::Skills),
    ("toolbox", SectionKind::Skills),
    ("proficiencies", SectionKind::Skills),
    ("capabilities", SectionKind::Skills),
    ("languages", SectionKind::Languages),
    ("sprachen", SectionKind::Languages),
    ("sprachkenntnisse", SectionKind::Languages),
    ("langues", SectionKind::Languages),
    ("idiomas", SectionKind::Languages),
    ("linguas", SectionKind::Languages),
    ("projects", SectionKind::Projects),
    ("project", SectionKind::Projects),
    ("projekte", SectionKind::Projects),
    ("projets", SectionKind::Projects),
    ("proyectos", SectionKind::Projects),
    ("projetos", SectionKind::Projects),
    ("certificates", SectionKind::Certificates),
    ("certifications", SectionKind::Certificates),
    ("certification", SectionKind::Certificates),
    ("licenses", SectionKind::Certificates),
    ("licences", SectionKind::Certificates),
    ("licensure", SectionKind::Certificates),
    ("courses", SectionKind::Certificates),
    ("zertifikate", SectionKind::Certificates),
    ("weiterbildung", SectionKind::Certificates),
    ("certificats", SectionKind::Certificates),
    ("certificaciones", SectionKind::Certificates),
    ("certificacoes", SectionKind::Certificates),
    ("cursos", SectionKind::Certificates),
    ("awards", SectionKind::Awards),
    ("honors", SectionKind::Awards),
    ("honours", SectionKind::Awards),
    ("achievements", SectionKind::Awards),
    ("auszeichnungen", SectionKind::Awards),
    ("prix", SectionKind::Awards),
    ("premios", SectionKind::Awards),
    ("publications", SectionKind::Publications),
    ("publikationen", SectionKind::Publications),
    ("veroffentlichungen", SectionKind::Publications),
    ("publicaciones", SectionKind::Publications),
    ("publicacoes", SectionKind::Publications),
    ("volunteer", SectionKind::Volunteer),
    ("volunteering", SectionKind::Volunteer),
    ("ehrenamt", SectionKind::Volunteer),
    ("benevolat", SectionKind::Volunteer),
    ("voluntariado", SectionKind::Volunteer),
    ("interests", SectionKind::Interests),
    ("hobbies", SectionKind::Interests),
    ("interessen", SectionKind::Interests),
    ("hobbys", SectionKind::Interests),
    ("loisirs", SectionKind::Interests),
    ("interets", SectionKind::Interests),
    ("interet", SectionKind::Interests),
    ("intereses", SectionKind::Interests),
    ("interesses", SectionKind::Interests),
    ("activities", SectionKind::Interests),
    ("references", SectionKind::References),
    ("referenzen", SectionKind::References),
    ("referencias", SectionKind::References),
    ("contact", SectionKind::Contact),
    ("kontakt", SectionKind::Contact),
    ("contacto", SectionKind::Contact),
    ("contato", SectionKind::Contact),
    ("coordonnees", SectionKind::Contact),
    ("leadership", SectionKind::Other),
    ("extracurricular", SectionKind::Other),
    ("community", SectionKind::Other),
    ("involvement", SectionKind::Other),
    ("research", SectionKind::Other),
    ("teaching", SectionKind::Other),
    ("patents", SectionKind::Other),
    ("sonstiges", SectionKind::Other),
    ("details", SectionKind::Personal),
    ("information", SectionKind::Personal),
    ("informations", SectionKind::Personal),
    ("particulars", SectionKind::Personal),
    ("daten", SectionKind::Personal),
    ("datos", SectionKind::Personal),
    ("dados", SectionKind::Personal),
    // The signed declaration some CVs end with.
    ("declaration", SectionKind::Other),
    ("divers", SectionKind::Other),
];

/// Words that name a kind only when no other kind word is there: "Professional Background"
/// is work, "Educational Background" education; "Education & Training" is education,
/// "Training" alone is courses.
const WEAK_KIND_WORDS: &[(&str, SectionKind)] = &[
    ("background", SectionKind::Work),
    ("training", SectionKind::Certificates),
    ("trainings", SectionKind::Certificates),
];

/// Words that may stand in a heading beside a kind word ("Professional Experience").
const MODIFIERS: &[&str] = &[
    "professional",
    "work",
    "technical",
    "relevant",
    "selected",
    "key",
    "top",
    "core",
    "personal",
    "other",
    "additional",
    "history",
    "background",
    "and",
    "&",
    "und",
    "et",
    "y",
    "e",
    "/",
    "my",
    "me",
    "information",
    "details",
    "data",
    "skills",
    "academic",
    "tools",
    "soft",
    "hard",
    "computer",
    "it",
    "berufliche",
    "beruflicher",
    "personliche",
    "akademische",
    "schulische",
    "fachliche",
    "technische",
    "professionnelle",
    "professionnelles",
    "professionnel",
    "academique",
    "academiques",
    "techniques",
    "personnelles",
    "profesional",
    "laboral",
    "academica",
    "tecnicas",
    "personales",
    "pessoais",
    "profissional",
    "academico",
    "tecnicos",
    "a",
    "propos",
    "de",
    "sobre",
    "mi",
    "mim",
    "uber",
    "mich",
    "languages",
    "programming",
    "certificates",
    "awards",
    "honors",
    "de",
    "des",
    "la",
    "las",
    "los",
    "das",
    "do",
    "da",
    "em",
    "en",
    "in",
    "of",
    "summary",
    "experience",
    "education",
    "projects",
    "courses",
    "interests",
    "langues",
    "idiomas",
    "competences",
    "sprachen",
    "kenntnisse",
    "leadership",
    "activities",
    "scientific",
    "research",
    "teaching",
    "volunteer",
    "experiences",
    "employment",
    "record",
    "highlights",
    "complementaire",
    "complementar",
    "complementaria",
    "extra",
    "curricular",
    "paper",
    "papers",
    // "Centres d'intérêt", "Langues parlées".
    "centres",
    "centre",
    "d",
    "l",
    "parlees",
];

/// A recognised heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Heading {
    pub kind: SectionKind,
    /// A second subject in the same heading ("Erfahrung und Kenntnisse").
    pub also: Option<SectionKind>,
    /// As printed, without a trailing colon.
    pub text: String,
    /// The line ended with a colon.
    pub had_colon: bool,
}

impl Heading {
    /// Headings in capitals, with a colon, or of one or two words need no blank line above
    /// them; longer Title Case ones do, or they may be a wrapped sentence.
    pub fn is_certain(&self) -> bool {
        let letters: Vec<char> = self.text.chars().filter(|c| c.is_alphabetic()).collect();
        letters.iter().all(|c| c.is_uppercase())
            || self.text.split_whitespace().count() <= 2
            || self.had_colon
    }
}

/// If `line` is a section heading, what kind.
pub(crate) fn heading(line: &str) -> Option<Heading> {
    let printed = line.trim().trim_end_matches([':', '：']).trim();
    let chars = printed.chars().count();
    if !(3..=45).contains(&chars) || printed.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    if printed.contains('@') || printed.contains('\t') || printed.ends_with('.') {
        return None;
    }
    let folded = fold(printed);
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '/' | '\'' | '’'))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 5 {
        return None;
    }
    // A heading does not end on a connector; a wrapped sentence often does.
    const CONNECTORS: &[&str] = &[
        "and", "&", "und", "et", "y", "e", "of", "in", "de", "des", "la", "the", "for", "to",
    ];
    if words.len() > 1 && words.last().is_some_and(|w| CONNECTORS.contains(w)) {
        return None;
    }
    let mut kind = None;
    let mut also = None;
    let mut weak = None;
    for word in &words {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '&' && c != '/');
        if bare.is_empty() {
            continue;
        }
        if let Some((_, k)) = WEAK_KIND_WORDS.iter().find(|(w, _)| *w == bare) {
            weak = weak.or(Some(*k));
        } else if let Some((_, k)) = KIND_WORDS.iter().find(|(w, _)| *w == bare) {
            match kind {
                None => kind = Some(*k),
                Some(first) if first != *k && also.is_none() => also = Some(*k),
                Some(_) => {}
            }
        } else if !MODIFIERS.contains(&bare) {
            return None;
        }
    }
    let mut kind = kind.or(weak);
    // "Programming languages" lists skills, not the languages a person speaks.
    let programming = words.iter().any(|w| {
        [
            "programming",
            "programmier",
            "programmation",
            "programacion",
            "programacao",
            "coding",
        ]
        .iter()
        .any(|p| w.starts_with(p))
    });
    if programming && kind == Some(SectionKind::Languages) {
        kind = Some(SectionKind::Skills);
    }
    kind.map(|kind| Heading {
        kind,
        also,
        text: printed.to_owned(),
        had_colon: line.trim_end().ends_with([':', '：']),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multilingual_headings() {
        for (line, kind) in [
            ("Work Experience", SectionKind::Work),
            ("BERUFSERFAHRUNG", SectionKind::Work),
            ("Expérience professionnelle", SectionKind::Work),
            ("Experiencia laboral:", SectionKind::Work),
            ("Experiência Profissional", SectionKind::Work),
            ("Education", SectionKind::Education),
            ("Formação Acadêmica", SectionKind::Education),
            ("Compétences techniques", SectionKind::Skills),
            ("Honors & Awards", SectionKind::Awards),
            ("Skills & Interests", SectionKind::Skills),
            ("Centres d’intérêt", SectionKind::Interests),
            ("Programming languages", SectionKind::Skills),
            ("Programmiersprachen", SectionKind::Skills),
            ("Langues", SectionKind::Languages),
            ("Centres d'intérêt", SectionKind::Interests),
            ("PROFESSIONAL BACKGROUND", SectionKind::Work),
            ("Educational Background", SectionKind::Education),
            ("EDUCATION & TRAINING", SectionKind::Education),
            ("Training", SectionKind::Certificates),
            ("LICENSES & CERTIFICATIONS", SectionKind::Certificates),
            ("Technical Proficiencies", SectionKind::Skills),
            ("Personal Details", SectionKind::Personal),
            ("Contact Information", SectionKind::Contact),
            ("Persönliche Daten", SectionKind::Personal),
            ("Datos personales", SectionKind::Personal),
            ("Declaration", SectionKind::Other),
            ("Top Skills", SectionKind::Skills),
        ] {
            assert_eq!(heading(line).map(|h| h.kind), Some(kind), "{line}");
        }
        let education = heading("Educational Background").unwrap();
        assert_eq!(education.also, None, "background names work only alone");
        let both = heading("Erfahrung und Kenntnisse").unwrap();
        assert_eq!(
            (both.kind, both.also),
            (SectionKind::Work, Some(SectionKind::Skills))
        );
    }

    #[test]
    fn sentences_are_not_headings() {
        for line in [
            "Experience with distributed systems at scale.",
            "Software Engineer",
            "2019 Education",
            "Built a work queue in Rust",
        ] {
            assert_eq!(heading(line), None, "{line}");
        }
    }
}
