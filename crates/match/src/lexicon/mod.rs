//! The matcher's knowledge as data, apart from the rules that use it: the skill table (ESCO
//! plus a curated table) and the words job ads use, one module per concern. Word tables are
//! sorted and unique (each module tests its own) and accent-folded lower case.

pub(crate) mod ad_headings;
pub(crate) mod ad_words;
pub(crate) mod ordinary_words;
pub(crate) mod spoken;

/// Skill concepts from ESCO v1.0, built by `scripts/lexicon/build-esco-skills.py`.
const ESCO_SKILLS: &str = include_str!("esco_skills.tsv");
/// Technology names ESCO 1.0 lacks and German and Portuguese spellings, kept by hand.
const CURATED_SKILLS: &str = include_str!("curated_skills.tsv");

/// A fingerprint of the tables evidence is read with: stored evidence read with other tables
/// is read again (see [`crate::evidence_version`]), without anyone having to remember to say so.
pub(crate) fn tables_fingerprint() -> u32 {
    fnv1a(ESCO_SKILLS.as_bytes())
        ^ fnv1a(CURATED_SKILLS.as_bytes()).rotate_left(11)
        ^ fnv1a(include_str!("ordinary_words.rs").as_bytes()).rotate_left(22)
        ^ fnv1a(include_str!("spoken.rs").as_bytes()).rotate_left(5)
}

/// FNV-1a, 32 bits: a fingerprint, not a defence against anyone.
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |hash: u32, b| {
        (hash ^ u32::from(*b)).wrapping_mul(0x0100_0193)
    })
}

/// Every `(concept, spellings)` row, ESCO's first, so that a curated spelling wins.
pub(crate) fn skill_rows() -> impl Iterator<Item = (&'static str, Vec<&'static str>)> {
    ESCO_SKILLS
        .lines()
        .chain(CURATED_SKILLS.lines())
        .filter_map(|line| {
            let (name, spellings) = line.split_once('\t')?;
            Some((name, spellings.split('|').collect()))
        })
}

/// Fails with the first word out of order or repeated in `table`.
#[cfg(test)]
pub(crate) fn assert_sorted_unique(name: &str, table: &[&str]) {
    for pair in table.windows(2) {
        assert!(
            pair[0] < pair[1],
            "{name}: {:?} must come after {:?}",
            pair[0],
            pair[1]
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_tsv(file: &str, table: &str) {
        let names: Vec<&str> = table
            .lines()
            .map(|l| l.split('\t').next().unwrap_or(""))
            .collect();
        assert_sorted_unique(file, &names);
        for line in table.lines() {
            let (name, spellings) = line.split_once('\t').expect("name<TAB>spellings");
            assert!(!name.is_empty() && !name.contains('|'), "{file}: {line}");
            let spellings: Vec<&str> = spellings.split('|').collect();
            assert_sorted_unique(&format!("{file}: {name}"), &spellings);
            for s in spellings {
                let printed = s.strip_prefix('=');
                let key = crate::words::phrase_key(printed.unwrap_or(s));
                match printed {
                    Some(p) => assert!(!p.contains(' '), "{file}: {s}: one word"),
                    None => assert_eq!(
                        key, s,
                        "{file}: {name}: spell {s:?} as the tokenizer folds it"
                    ),
                }
            }
        }
    }

    #[test]
    fn the_skill_tables_are_sorted_unique_and_spelled_as_text_folds() {
        check_tsv("esco_skills.tsv", ESCO_SKILLS);
        check_tsv("curated_skills.tsv", CURATED_SKILLS);
    }
}
