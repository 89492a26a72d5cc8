//! The glyphs that begin a bullet point. Templates draw them with whatever their font has;
//! these are the ones resumes were seen to use, and their kin.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_unique() {
        super::super::assert_sorted_unique("BULLET_GLYPHS", BULLET_GLYPHS);
        super::super::assert_sorted_unique("BULLETS", BULLETS);
        assert!(BULLET_GLYPHS.iter().all(|g| BULLETS.contains(g)));
    }
}
