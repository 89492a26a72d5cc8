//! The glyphs that begin a bullet point (templates draw them with whatever their font has;
//! these are the ones resumes were seen to use, and their kin), and the icon glyphs that
//! name a network.

/// Bullet glyphs that never stand inside a word, so that between two items on one line
/// they separate them ("Docker ▸ Git").
pub(crate) const BULLET_GLYPHS: &[char] = &[
    '·', '•', '‣', '→', '■', '▪', '▸', '►', '○', '●', '◦', '✓', '➢', '➤',
];

/// Everything a bullet point may begin with: the glyphs and the ASCII and dash stand-ins
/// ("- ", "* ", "– "), which may also stand inside a word.
pub(crate) const BULLETS: &[char] = &[
    '*', '-', '·', '–', '•', '‣', '→', '■', '▪', '▸', '►', '○', '●', '◦', '✓', '➢', '➤',
];

/// Icon-font glyphs (Font Awesome 4 to 6, private-use code points) that stand for a network
/// before a handle ("\u{f09b} jane-doe" in a LaTeX or InDesign template), with the network's
/// name as `lexicon::sites` labels it: the icon is read as that label ("GitHub: jane-doe").
pub(crate) const NETWORK_ICONS: &[(char, &str)] = &[
    ('\u{e61a}', "X"),
    ('\u{e61b}', "X"),
    ('\u{f081}', "Twitter"),
    ('\u{f08c}', "LinkedIn"),
    ('\u{f092}', "GitHub"),
    ('\u{f099}', "Twitter"),
    ('\u{f09b}', "GitHub"),
    ('\u{f0e1}', "LinkedIn"),
    ('\u{f113}', "GitHub"),
    ('\u{f168}', "XING"),
    ('\u{f169}', "XING"),
    ('\u{f16c}', "Stack Overflow"),
    ('\u{f17d}', "Dribbble"),
    ('\u{f1b4}', "Behance"),
    ('\u{f1b5}', "Behance"),
    ('\u{f23a}', "Medium"),
    ('\u{f296}', "GitLab"),
    ('\u{f3c7}', "Medium"),
    ('\u{f5fa}', "Kaggle"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_unique() {
        super::super::assert_sorted_unique("BULLET_GLYPHS", BULLET_GLYPHS);
        super::super::assert_sorted_unique("BULLETS", BULLETS);
        assert!(BULLET_GLYPHS.iter().all(|g| BULLETS.contains(g)));
        let icons: Vec<char> = NETWORK_ICONS.iter().map(|(c, _)| *c).collect();
        super::super::assert_sorted_unique("NETWORK_ICONS", &icons);
        for (_, name) in NETWORK_ICONS {
            assert!(
                super::super::sites::NETWORKS
                    .iter()
                    .any(|n| n.name == *name),
                "{name} is no network's label"
            );
        }
    }
}
