//! How well a skill is known, as resumes print it beside the skill ("MS Office (sehr gut)",
//! "Excel - advanced"), and the phrases that open a sentence listing skills ("Proficient in
//! Python, SQL and Tableau"), in the languages resumes reach us in, accent-folded.

/// Levels of a skill: an item that is only one of these is no skill of its own.
pub(crate) const SKILL_LEVELS: &[&str] = &[
    "advanced",
    "avancado",
    "avance",
    "avanzado",
    "base",
    "basic",
    "basico",
    "basics",
    "basis",
    "basiskenntnisse",
    "beginner",
    "buono",
    "debutant",
    "discreto",
    "elementare",
    "excellent",
    "expert",
    "experto",
    "fortgeschritten",
    "fortgeschrittene kenntnisse",
    "gevorderd",
    "goed",
    "good",
    "grundkenntnisse",
    "gut",
    "intermediaire",
    "intermediario",
    "intermediate",
    "intermedio",
    "notions",
    "ottimo",
    "proficient",
    "sehr gut",
    "sehr gute kenntnisse",
    "uitstekend",
    "very good",
];

/// Phrases that open a sentence or clause listing skills; cut off, the rest is the list.
pub(crate) const SKILL_LEADS: &[&str] = &[
    "conhecimento de",
    "conhecimento em",
    "conhecimentos de",
    "conhecimentos em",
    "connaissance de",
    "connaissances en",
    "conocimientos de",
    "conocimientos en",
    "dominio de",
    "erfahrung mit",
    "experience in",
    "experience with",
    "experienced in",
    "experienced with",
    "experiencia com",
    "experiencia en",
    "familiar with",
    "kenntnisse in",
    "knowledge of",
    "maitrise de",
    "proficient in",
    "proficient with",
    "skilled in",
    "working knowledge of",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_unique() {
        super::super::assert_sorted_unique("SKILL_LEVELS", SKILL_LEVELS);
        super::super::assert_sorted_unique("SKILL_LEADS", SKILL_LEADS);
    }
}
