//! Marking the searched words in a card's text, the way the library matches them: by word
//! prefix, ignoring case and accents ("mull" marks "Müller").

use unicode_normalization::UnicodeNormalization;
use yew::prelude::*;

/// Lowercase without accents.
pub fn fold(s: &str) -> String {
    s.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The folded words of a search, as the highlighter wants them.
pub fn search_words(search: Option<&str>) -> Vec<String> {
    search
        .unwrap_or_default()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect()
}

/// Pieces of `text`: (piece, matched).
pub fn split_marks(text: &str, words: &[String]) -> Vec<(String, bool)> {
    if words.is_empty() {
        return vec![(text.to_owned(), false)];
    }
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut push = |piece: &str, matched: bool| match out.last_mut() {
        Some((last, m)) if *m == matched => last.push_str(piece),
        _ => out.push((piece.to_owned(), matched)),
    };
    let mut word_start: Option<usize> = None;
    let flush = |start: usize, end: usize, push: &mut dyn FnMut(&str, bool)| {
        let word = &text[start..end];
        let folded = fold(word);
        push(word, words.iter().any(|w| folded.starts_with(w.as_str())));
    };
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            word_start.get_or_insert(i);
        } else {
            if let Some(start) = word_start.take() {
                flush(start, i, &mut push);
            }
            push(&text[i..i + c.len_utf8()], false);
        }
    }
    if let Some(start) = word_start {
        flush(start, text.len(), &mut push);
    }
    out
}

/// `text` with the searched words in `<mark>`.
pub fn marked(text: &str, words: &[String]) -> Html {
    html! {
        for split_marks(text, words).into_iter().map(|(piece, matched)| {
            if matched { html! { <mark>{ piece }</mark> } } else { html! { { piece } } }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_word_prefixes_ignoring_case_and_accents() {
        let words = search_words(Some("mull ru"));
        assert_eq!(
            split_marks("Jürgen Müller, Rust & Ruby; Trust", &words),
            vec![
                ("Jürgen ".to_owned(), false),
                ("Müller".to_owned(), true),
                (", ".to_owned(), false),
                ("Rust".to_owned(), true),
                (" & ".to_owned(), false),
                ("Ruby".to_owned(), true),
                ("; Trust".to_owned(), false),
            ]
        );
        assert_eq!(split_marks("x", &[]), vec![("x".to_owned(), false)]);
    }
}
