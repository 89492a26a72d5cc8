//! The row labels of the old Europass CV ("Formato europeo per il curriculum vitae"), folded,
//! in the languages resumes reach us in: a label's cell, then its value's. The title's,
//! the employer's and the dates' labels are in `titles` and `organisations`.

/// The row that describes the job: its value is the job's highlight.
pub(crate) const DESCRIPTION_LABELS: &[&str] = &[
    "funciones y responsabilidades principales",
    "main activities and responsibilities",
    "principais actividades e responsabilidades",
    "principais atividades e responsabilidades",
    "principales activites et responsabilites",
    "principali mansioni e responsabilita",
    "wichtigste tatigkeiten und zustandigkeiten",
];

/// Rows that name neither the role nor the employer nor a school: left out.
pub(crate) const OTHER_ROW_LABELS: &[&str] = &[
    "level in national or international classification",
    "livello nella classificazione nazionale (se pertinente)",
    "principal subjects/occupational skills covered",
    "principali materie / abilita professionali oggetto dello studio",
    "tipo de empresa o sector",
    "tipo de empresa ou sector",
    "tipo de empresa ou setor",
    "tipo di azienda o settore",
    "type of business or sector",
    "type ou secteur d'activite",
];

/// The row naming the school; its value stands alone on its line.
pub(crate) const SCHOOL_LABELS: &[&str] = &[
    "name and type of organisation providing education and training",
    "name und art der bildungs- oder ausbildungseinrichtung",
    "nom et type de l'etablissement d'enseignement ou de formation",
    "nombre y tipo de organizacion que ha impartido la educacion o la formacion",
    "nome e tipo da organizacao de ensino ou formacao",
    "nome e tipo di istituto di istruzione o formazione",
];

/// The row naming the qualification; its value stands alone on its line.
pub(crate) const QUALIFICATION_LABELS: &[&str] = &[
    "bezeichnung der erworbenen qualifikation",
    "designacao da qualificacao atribuida",
    "intitule du certificat ou diplome delivre",
    "qualifica conseguita",
    "title of qualification awarded",
    "titulo de la cualificacion obtenida",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_unique() {
        super::super::assert_sorted_unique("DESCRIPTION_LABELS", DESCRIPTION_LABELS);
        super::super::assert_sorted_unique("OTHER_ROW_LABELS", OTHER_ROW_LABELS);
        super::super::assert_sorted_unique("SCHOOL_LABELS", SCHOOL_LABELS);
        super::super::assert_sorted_unique("QUALIFICATION_LABELS", QUALIFICATION_LABELS);
    }
}
