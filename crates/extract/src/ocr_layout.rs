//! Tesseract's words with their boxes (its `tsv` output) laid out like a PDF's glyphs: the
//! same column, band and table rules of `layout.rs` then read a scanned or image-only
//! two-column page column by column. Tesseract's own reading order keeps a sidebar's lines
//! and the main column's side by side when they share a row ("Contacto Set 2023 - Presente").

use crate::layout::{Glyph, PageLayout};

/// One recognised word: its box in pixels and its text.
struct Word {
    left: f64,
    top: f64,
    width: f64,
    height: f64,
    line: (u32, u32, u32),
    text: String,
}

/// Tesseract's TSV rows (level 5 are words) → the page's text in reading order.
pub(crate) fn text_of_tsv(tsv: &str) -> String {
    let words: Vec<Word> = tsv.lines().skip(1).filter_map(word).collect();
    if words.is_empty() {
        return String::new();
    }
    // A line's words share its size (their median height) and, in each run of words without
    // a wide gap, a baseline (their lowest bottom): a "line" across a gutter is two, so the
    // columns' rows need not line up.
    let mut glyphs = Vec::with_capacity(words.len() * 2);
    let mut start = 0;
    while start < words.len() {
        let end = (start..words.len())
            .find(|&i| words[i].line != words[start].line)
            .unwrap_or(words.len());
        let line = &words[start..end];
        let mut heights: Vec<f64> = line.iter().map(|w| w.height).collect();
        heights.sort_by(f64::total_cmp);
        let size = heights[heights.len() / 2].max(1.0);
        let mut run_start = 0;
        while run_start < line.len() {
            let run_end = (run_start + 1..line.len())
                .find(|&i| line[i].left - (line[i - 1].left + line[i - 1].width) > 2.0 * size)
                .unwrap_or(line.len());
            let run = &line[run_start..run_end];
            let baseline = run
                .iter()
                .map(|w| w.top + w.height)
                .fold(f64::MIN, f64::max);
            for (i, w) in run.iter().enumerate() {
                if i > 0 {
                    glyphs.push(Glyph {
                        x: w.left - 1.0,
                        y: baseline,
                        width: 0.0,
                        size,
                        text: " ".to_owned(),
                    });
                }
                glyphs.push(Glyph {
                    x: w.left,
                    y: baseline,
                    width: w.width,
                    size,
                    text: w.text.clone(),
                });
            }
            run_start = run_end;
        }
        start = end;
    }
    PageLayout::new(glyphs).into_text()
}

/// A TSV row of level 5 with text: `level page block par line word left top width height
/// conf text`.
fn word(row: &str) -> Option<Word> {
    let cells: Vec<&str> = row.split('\t').collect();
    if cells.len() < 12 || cells[0] != "5" {
        return None;
    }
    let text = cells[11].trim();
    if text.is_empty() {
        return None;
    }
    let number = |i: usize| cells[i].trim().parse::<f64>().ok();
    let id = |i: usize| cells[i].trim().parse::<u32>().ok();
    Some(Word {
        left: number(6)?,
        top: number(7)?,
        width: number(8)?,
        height: number(9)?,
        line: (id(2)?, id(3)?, id(4)?),
        text: text.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(block: u32, line: u32, left: u32, top: u32, width: u32, text: &str) -> String {
        format!("5\t1\t{block}\t1\t{line}\t1\t{left}\t{top}\t{width}\t40\t95\t{text}")
    }

    #[test]
    fn a_sidebar_and_a_main_column_sharing_rows_come_out_column_by_column() {
        let mut tsv = vec!["level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext".to_owned()];
        for i in 0..8 {
            let top = 200 + i * 60;
            // Tesseract puts the sidebar's word and the main column's, a little lower, in one
            // line.
            tsv.push(row(1, i, 40, top, 160, &format!("side{i}")));
            tsv.push(row(1, i, 900, top + 30, 200, &format!("main{i}")));
        }
        let text = text_of_tsv(&tsv.join("\n"));
        let side = text.find("side7").expect("sidebar read");
        let main = text.find("main0").expect("main column read");
        assert!(side < main, "{text}");
    }

    #[test]
    fn words_of_a_line_keep_their_spaces() {
        let tsv = format!(
            "header\n{}\n{}",
            row(1, 1, 100, 100, 120, "Tomás"),
            row(1, 1, 240, 100, 160, "Morais")
        );
        assert_eq!(text_of_tsv(&tsv).trim(), "Tomás Morais");
    }
}
