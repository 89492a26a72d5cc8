//! Rebuilds reading order from positioned glyphs: words, lines, and two columns.
//!
//! A content stream may draw glyphs in any order, with kerning gaps inside words and two
//! columns interleaved line by line. We group glyphs into fragments (runs on one baseline with
//! no large gap), fragments into lines, and look for a vertical gutter that no body fragment
//! crosses. A gutter only counts as columns when the two sides do not share baselines: a
//! one-column resume with right-aligned dates shares them, a real second column does not.

/// One glyph as drawn, in points from the top-left corner of the page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Glyph {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub size: f64,
    pub text: String,
}

/// A small filled shape on the page (a list marker drawn as a disc or a square).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Mark {
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
}

impl Mark {
    /// The mark around these points (page coordinates, y down), if they make one: between
    /// 1.5 and 8 points on a side and about as wide as high.
    pub fn around(points: &[(f64, f64)]) -> Option<Mark> {
        let (first_x, first_y) = *points.first()?;
        let mut mark = Mark {
            x0: first_x,
            x1: first_x,
            y0: first_y,
            y1: first_y,
        };
        for &(x, y) in points {
            mark.x0 = mark.x0.min(x);
            mark.x1 = mark.x1.max(x);
            mark.y0 = mark.y0.min(y);
            mark.y1 = mark.y1.max(y);
        }
        let (w, h) = (mark.x1 - mark.x0, mark.y1 - mark.y0);
        let sized = (1.5..=8.0).contains(&w) && (1.5..=8.0).contains(&h);
        (sized && w / h > 0.6 && w / h < 1.7).then_some(mark)
    }
}

/// Marks where the left column ends in a page's text (replaced by a line break later).
pub(crate) const COLUMN_BREAK: char = '\u{1E}';

#[derive(Debug, Clone)]
struct Fragment {
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
    text: String,
}

pub(crate) struct PageLayout {
    fragments: Vec<Fragment>,
}

impl PageLayout {
    pub fn new(glyphs: Vec<Glyph>) -> Self {
        PageLayout {
            fragments: fragments(glyphs),
        }
    }

    /// Puts a "•" before each line a list marker stands beside: printers of HTML draw
    /// markers as shapes, and without them a bullet reads as an entry's header.
    pub fn with_marks(mut self, marks: &[Mark]) -> Self {
        for mark in marks {
            let centre = (mark.y0 + mark.y1) / 2.0;
            let beside = self
                .fragments
                .iter_mut()
                .filter(|f| {
                    let gap = f.x0 - mark.x1;
                    centre <= f.y + 0.1 * f.size
                        && centre >= f.y - f.size
                        && gap >= 0.0
                        && gap <= 2.5 * f.size
                })
                .min_by(|a, b| a.x0.total_cmp(&b.x0));
            if let Some(f) = beside {
                if !f.text.starts_with('•') {
                    f.text.insert_str(0, "• ");
                }
            }
        }
        self
    }

    pub fn into_text(self) -> String {
        let fragments = self.fragments;
        if fragments.is_empty() {
            return String::new();
        }
        match find_gutter(&fragments) {
            Some(Gutter::Columns(gutter)) => render_columns(fragments, gutter),
            Some(Gutter::Cells(gutter)) => render_lines(&lines(fragments), Some(gutter)),
            None => match columns_under_a_band(&fragments) {
                Some((band_end, gutter)) => {
                    let (band, below): (Vec<Fragment>, Vec<Fragment>) =
                        fragments.into_iter().partition(|f| f.y <= band_end);
                    let mut out = render_lines(&lines(band), None);
                    out.push('\n');
                    out.push_str(&render_columns(below, gutter));
                    out
                }
                None => render_lines(&lines(with_label_column_raised(fragments)), None),
            },
        }
    }
}

/// Headings set in a narrow cell left of their sections (a Word table's label column, too few
/// lines for a gutter): a heading the cell's margin set lower than its section's first line
/// is moved up to just before it, so that it does not come after that entry's header
/// ("Senior Controller" / "Helvetia Finanz AG" / "ERFAHRUNG" / "• Konzernreporting …").
/// A heading is a short line in capitals at the page's left edge with the content column's
/// lines to its right; the section starts after the last wide vertical gap above it.
fn with_label_column_raised(mut fragments: Vec<Fragment>) -> Vec<Fragment> {
    let (min_x, _) = horizontal_extent(&fragments);
    let at_edge = |f: &Fragment| f.x0 <= min_x + 2.0;
    let content_left = fragments
        .iter()
        .filter(|f| !at_edge(f))
        .map(|f| f.x0)
        .fold(f64::INFINITY, f64::min);
    let is_label = |f: &Fragment| {
        at_edge(f)
            && f.x1 < content_left - f.size
            && f.text.split_whitespace().count() <= 4
            && f.text.chars().any(char::is_alphabetic)
            && !f.text.chars().any(char::is_lowercase)
    };
    let labels: Vec<usize> = (0..fragments.len())
        .filter(|&i| is_label(&fragments[i]))
        .collect();
    // The content column's baselines, top down (one per fragment until deduplicated).
    let mut rows: Vec<(f64, f64)> = fragments
        .iter()
        .filter(|f| f.x0 >= content_left - 1.0)
        .map(|f| (f.y, f.size))
        .collect();
    if labels.is_empty() || labels.len() > 8 || rows.len() < 3 * labels.len() {
        return fragments;
    }
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    rows.dedup_by(|a, b| same_baseline(a.0, b.0, a.1.max(b.1)));
    for i in labels {
        let label = &fragments[i];
        // The content line at or just above the label, then up while the lines run close.
        let Some(mut at) = rows
            .iter()
            .rposition(|r| r.0 <= label.y + 0.35 * label.size)
        else {
            continue;
        };
        while at > 0 && rows[at].0 - rows[at - 1].0 <= 1.6 * rows[at].1.max(rows[at - 1].1) {
            at -= 1;
        }
        let start = rows[at].0;
        if start < label.y - 0.35 * label.size {
            fragments[i].y = start - 0.5 * label.size;
        }
    }
    fragments
}

/// The page header above the columns, the left column, the mark, the right column.
fn render_columns(fragments: Vec<Fragment>, gutter: f64) -> String {
    let (header, left, right) = split_columns(fragments, gutter);
    let mut out = render_lines(&lines(header), None);
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(&render_lines(&lines(left), None));
    out.push(COLUMN_BREAK);
    out.push_str(&render_lines(&lines(right), None));
    out
}

/// The leftmost and rightmost x any fragment reaches.
fn horizontal_extent(fragments: &[Fragment]) -> (f64, f64) {
    let min_x = fragments.iter().map(|f| f.x0).fold(f64::INFINITY, f64::min);
    let max_x = fragments
        .iter()
        .map(|f| f.x1)
        .fold(f64::NEG_INFINITY, f64::max);
    (min_x, max_x)
}

/// Two columns under a block set across the page (a name and a summary over a sidebar and a
/// main column): the band's last baseline and the columns' gutter. The band is made of lines
/// wider than the gutter allows, in the top half of the page; the columns below must hold most
/// of the page's text and pass [`find_gutter`]'s tests on their own.
fn columns_under_a_band(fragments: &[Fragment]) -> Option<(f64, f64)> {
    let (min_x, max_x) = horizontal_extent(fragments);
    let width = max_x - min_x;
    let all: Vec<&Fragment> = fragments.iter().collect();
    let baselines = distinct_baselines(&all);
    if width <= 0.0 || baselines.len() < 12 {
        return None;
    }
    let top_half = baselines[baselines.len() / 2].0;
    let mut ends: Vec<f64> = fragments
        .iter()
        .filter(|f| f.x1 - f.x0 > 0.6 * width && f.y < top_half)
        .map(|f| f.y)
        .collect();
    ends.sort_by(f64::total_cmp);
    ends.dedup();
    // What lies under each candidate end is a tail of the fragments in reading order from the
    // top: one sorted copy serves every try (most pages are one column and try many ends).
    let mut top_down = fragments.to_vec();
    top_down.sort_by(|a, b| a.y.total_cmp(&b.y));
    // The band ends at one of its wide lines: try each, top down.
    for &end in &ends {
        let below = &top_down[top_down.partition_point(|f| f.y <= end)..];
        if below.len() * 10 < fragments.len() * 6 {
            break;
        }
        let Some(Gutter::Columns(gutter)) = find_gutter(below) else {
            continue;
        };
        let left: Vec<&Fragment> = below.iter().filter(|f| f.x1 <= gutter + 1.0).collect();
        let right: Vec<&Fragment> = below.iter().filter(|f| f.x0 >= gutter - 1.0).collect();
        let (left_lines, right_lines) = (distinct_baselines(&left), distinct_baselines(&right));
        // Both columns run down the page from under the band, as a sidebar and a main column
        // do; two columns in one stretch of a one-column page do not.
        let span =
            |ys: &[(f64, f64)]| ys.last().map_or(0.0, |l| l.0) - ys.first().map_or(0.0, |f| f.0);
        let top = below.iter().map(|f| f.y).fold(f64::INFINITY, f64::min);
        let bottom = below.iter().map(|f| f.y).fold(f64::NEG_INFINITY, f64::max);
        let run_down =
            span(&left_lines) >= 0.6 * (bottom - top) && span(&right_lines) >= 0.6 * (bottom - top);
        // A table's right cells (dates, towns beside each row) each sit on a row's baseline;
        // a sidebar's items go on where the main column pauses (in the corpus's layouts under
        // a band, 10 of 25 and 11 of 22 right lines were beside a left one; in a one-column
        // page's table, 10 of 10).
        let beside = right_lines
            .iter()
            .filter(|&&(y, size)| left_lines.iter().any(|&(ly, _)| same_baseline(ly, y, size)))
            .count();
        let cells = beside * 10 >= right_lines.len() * 9;
        if run_down && !cells {
            return Some((end, gutter));
        }
    }
    None
}

/// A glyph in a run: the gap before it in ems (None for an explicit space) and its text.
type RunGlyph = (Option<f64>, String);

fn fragments(glyphs: Vec<Glyph>) -> Vec<Fragment> {
    // Runs: glyphs on one baseline with no large gap, each glyph with the gap before it
    // (None after an explicit space).
    let mut runs: Vec<(Fragment, Vec<RunGlyph>)> = Vec::new();
    // Where the glyph before started, when its width is unknown.
    let mut unknown_width_at: Option<f64> = None;
    for g in glyphs {
        let is_space = g.text.chars().all(char::is_whitespace);
        let width_unknown = unknown_width_at.take();
        if !is_space && g.width <= 0.0 {
            // pdf-extract finds no width for some glyphs of subset CID fonts (a "u" in a
            // Chromium print): judge the gap after it by where the next glyph starts.
            unknown_width_at = Some(g.x);
        }
        if let Some((last, items)) = runs.last_mut() {
            let size = last.size.max(g.size);
            let gap = match width_unknown {
                Some(x) if g.x - x <= 1.0 * size => 0.0,
                Some(x) => g.x - x - 0.5 * size,
                None => g.x - last.x1,
            };
            if same_baseline(last.y, g.y, size) && gap >= -0.5 * size && gap <= 1.2 * size {
                if is_space {
                    // Explicit spaces only tell us a gap exists; positions already say that.
                    items.push((None, " ".to_owned()));
                } else {
                    items.push((Some(gap / size), g.text));
                }
                last.x1 = last.x1.max(g.x + g.width);
                continue;
            }
        }
        if is_space {
            continue;
        }
        let first = Fragment {
            x0: g.x,
            x1: g.x + g.width,
            y: g.y,
            size: g.size,
            text: String::new(),
        };
        runs.push((first, vec![(Some(0.0), g.text)]));
    }
    runs.into_iter()
        .map(|(mut fragment, items)| {
            fragment.text = join_run(&items);
            fragment
        })
        .filter(|f| !f.text.is_empty())
        .collect()
}

/// Joins a run's glyphs, putting spaces where the gap is wider than the run's own letter
/// spacing: tracked-out type ("2 0 2 5" in some builders) has wide gaps everywhere.
fn join_run(items: &[RunGlyph]) -> String {
    let mut gaps: Vec<f64> = items.iter().skip(1).filter_map(|(g, _)| *g).collect();
    gaps.sort_by(f64::total_cmp);
    let typical = gaps.get(gaps.len() / 2).copied().unwrap_or(0.0).max(0.0);
    let threshold = (0.15f64).max(typical * 1.6 + 0.08);
    let mut text = String::new();
    for (i, (gap, glyph)) in items.iter().enumerate() {
        match gap {
            None => {
                if !text.ends_with(' ') {
                    text.push(' ');
                }
            }
            Some(gap) => {
                if i > 0 && *gap > threshold && !text.ends_with(' ') {
                    text.push(' ');
                }
                text.push_str(glyph);
            }
        }
    }
    text.trim().to_owned()
}

fn same_baseline(a: f64, b: f64, size: f64) -> bool {
    (a - b).abs() <= 0.35 * size.max(1.0)
}

/// Groups fragments into lines, top to bottom, each sorted left to right.
fn lines(mut fragments: Vec<Fragment>) -> Vec<Vec<Fragment>> {
    fragments.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut out: Vec<Vec<Fragment>> = Vec::new();
    for f in fragments {
        match out.last_mut() {
            Some(line) if same_baseline(line[0].y, f.y, line[0].size.max(f.size)) => line.push(f),
            _ => out.push(vec![f]),
        }
    }
    for line in &mut out {
        line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    out
}

/// A name set in 20 pt beside contacts in 9 pt shares a baseline but not a role: such lines
/// become two, the larger type first.
fn split_by_size(lines: Vec<Vec<Fragment>>) -> Vec<Vec<Fragment>> {
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let max = line.iter().map(|f| f.size).fold(0.0, f64::max);
        let (big, small): (Vec<Fragment>, Vec<Fragment>) =
            line.into_iter().partition(|f| f.size >= max / 1.4);
        out.push(big);
        if !small.is_empty() {
            out.push(small);
        }
    }
    out
}

/// The lines as text; where `cells` is the gutter between a table's cells, crossing it is a
/// tab however narrow the gap.
fn render_lines(lines: &[Vec<Fragment>], cells: Option<f64>) -> String {
    let lines = split_by_size(lines.to_vec());
    let mut out = String::new();
    let mut last_y: Option<(f64, f64)> = None;
    for line in &lines {
        if let Some((y, size)) = last_y {
            // A blank line where the vertical gap says a new block starts.
            if line[0].y - y > 2.0 * size {
                out.push('\n');
            }
        }
        let mut text = String::new();
        let mut prev_end: Option<f64> = None;
        for f in line {
            if let Some(end) = prev_end {
                // Wide gaps (tab stops, right-aligned dates) stay visible as a tab.
                let next_cell = cells.is_some_and(|g| end <= g + 1.0 && f.x0 >= g - 1.0);
                text.push(if f.x0 - end > 2.0 * f.size || next_cell {
                    '\t'
                } else {
                    ' '
                });
            }
            text.push_str(&f.text);
            prev_end = Some(f.x1);
        }
        out.push_str(&text);
        out.push('\n');
        last_y = Some((line[0].y, line[0].size));
    }
    out
}

/// A vertical gutter no body text crosses.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Gutter {
    /// Between two independent columns, read one after the other.
    Columns(f64),
    /// Between the cells of rows (labels or dates beside their entries), read row by row.
    Cells(f64),
}

/// The page's gutter, if it has one, at its x.
fn find_gutter(fragments: &[Fragment]) -> Option<Gutter> {
    let (min_x, max_x) = horizontal_extent(fragments);
    let width = max_x - min_x;
    if width <= 0.0 || fragments.len() < 12 {
        return None;
    }
    let mut best: Option<(usize, f64)> = None;
    let steps = 120;
    for i in (steps / 5)..=(steps * 4 / 5) {
        let g = min_x + width * i as f64 / steps as f64;
        let crossing = fragments
            .iter()
            .filter(|f| f.x0 < g - 1.0 && f.x1 > g + 1.0);
        let crossing_count = crossing.count();
        if best.is_none_or(|(c, _)| crossing_count < c) {
            best = Some((crossing_count, g));
        }
    }
    let (crossing, gutter) = best?;
    // Headers may cross the gutter; more than a handful of crossing lines means one column.
    if crossing > 4 {
        return None;
    }
    let left: Vec<&Fragment> = fragments.iter().filter(|f| f.x1 <= gutter + 1.0).collect();
    let right: Vec<&Fragment> = fragments.iter().filter(|f| f.x0 >= gutter - 1.0).collect();
    let left_lines = distinct_baselines(&left);
    let right_lines = distinct_baselines(&right);
    if left_lines.len() < 5 || right_lines.len() < 5 {
        return None;
    }
    let shared = right_lines
        .iter()
        .filter(|&&(y, size)| left_lines.iter().any(|&(ly, _)| same_baseline(ly, y, size)))
        .count();
    // Independent columns line up only by chance (or by a shared rhythm, often); label/value
    // tables and right-aligned dates line up always.
    // Except when the left side is running text and the right side a column of its own:
    // CSS layouts set both columns on one line height.
    if shared * 100 > right_lines.len().min(left_lines.len()) * 85
        && !(is_running_text(&left, min_x, gutter) && left_aligned(&right) && !mostly_dates(&right))
    {
        return None;
    }
    if is_row_table(&left, &left_lines, &right_lines)
        || is_row_table(&right, &right_lines, &left_lines)
    {
        return Some(Gutter::Cells(gutter));
    }
    Some(Gutter::Columns(gutter))
}

/// One side is not a column but the cells of rows whose other cells are across the gutter:
/// its lines are ragged on the left (right-aligned dates at the margin, right-aligned labels
/// of a Europass-style table) and its lines sit on baselines of the other side — all but
/// capitalised labels over rows of their own ("WORK EXPERIENCE"); or, aligned or not, it is
/// dates on the other side's baselines with at most six other lines (the German
/// "tabellarischer Lebenslauf": headings and dates in the left cell, contacts set in the
/// page header's corner).
/// `lines` and `other_lines` are the two sides' baselines.
fn is_row_table(side: &[&Fragment], lines: &[(f64, f64)], other_lines: &[(f64, f64)]) -> bool {
    if side.is_empty() {
        return false;
    }
    let ragged = !left_aligned(side);
    let beside = |lines: &[(f64, f64)]| {
        lines
            .iter()
            .filter(|&&(y, size)| {
                other_lines
                    .iter()
                    .any(|&(oy, _)| same_baseline(oy, y, size))
            })
            .count()
    };
    let dates: Vec<&Fragment> = side
        .iter()
        .copied()
        .filter(|f| names_a_year(&f.text))
        .collect();
    let date_lines = distinct_baselines(&dates);
    let capitals: Vec<&Fragment> = side
        .iter()
        .copied()
        .filter(|f| !f.text.chars().any(char::is_lowercase))
        .collect();
    let label_lines = distinct_baselines(&capitals);
    let lone_labels = label_lines.len() - beside(&label_lines);
    let lines_beside = beside(lines);
    let rows_of_labels =
        ragged && lines_beside >= 2 && (lines_beside + lone_labels) * 5 >= lines.len() * 4;
    let rows_of_dates = date_lines.len() >= 2
        && beside(&date_lines) * 5 >= date_lines.len() * 4
        && lines.len().saturating_sub(date_lines.len()) <= 6;
    rows_of_labels || rows_of_dates
}

/// "Jan 2020 – Present", "2011 – 2016", "03/2019–Present": short text with a year in it.
fn names_a_year(text: &str) -> bool {
    text.chars().count() <= 40
        && text.split(|c: char| !c.is_ascii_digit()).any(|digits| {
            digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"))
        })
}

/// Text set in a column: lines that wrap close to its right edge, or sentences. Labels of
/// a label/value table and the titles beside right-aligned dates are neither.
fn is_running_text(left: &[&Fragment], min_x: f64, gutter: f64) -> bool {
    let reach = gutter - 0.2 * (gutter - min_x);
    let wrapped = left.iter().filter(|f| f.x1 >= reach).count();
    let sentences = left
        .iter()
        .filter(|f| f.text.split_whitespace().count() >= 5)
        .count();
    wrapped >= 5 || sentences >= 3
}

/// Dates and date ranges set at the right margin ("2019 – 2021" lines up both ways).
fn mostly_dates(right: &[&Fragment]) -> bool {
    let dated = right
        .iter()
        .filter(|f| f.text.chars().filter(char::is_ascii_digit).count() >= 4)
        .count();
    dated * 2 >= right.len()
}

/// A column of text starts its lines at one x; right-aligned dates end them at one x instead.
fn left_aligned(right: &[&Fragment]) -> bool {
    let start = right.iter().map(|f| f.x0).fold(f64::INFINITY, f64::min);
    let aligned = right.iter().filter(|f| f.x0 - start <= 3.0).count();
    aligned * 10 >= right.len() * 7
}

fn distinct_baselines(fragments: &[&Fragment]) -> Vec<(f64, f64)> {
    let mut ys: Vec<(f64, f64)> = fragments.iter().map(|f| (f.y, f.size)).collect();
    ys.sort_by(|a, b| a.0.total_cmp(&b.0));
    ys.dedup_by(|a, b| same_baseline(a.0, b.0, a.1.max(b.1)));
    ys
}

/// Header (lines crossing the gutter above the columns), left column, right column.
fn split_columns(
    fragments: Vec<Fragment>,
    gutter: f64,
) -> (Vec<Fragment>, Vec<Fragment>, Vec<Fragment>) {
    let crosses = |f: &Fragment| f.x0 < gutter - 1.0 && f.x1 > gutter + 1.0;
    // Whatever stands above the start of the left column is the page header (name, contacts).
    let first_left_y = fragments
        .iter()
        .filter(|f| f.x1 <= gutter + 1.0)
        .map(|f| f.y)
        .fold(f64::INFINITY, f64::min);
    let last_header_y = fragments
        .iter()
        .filter(|f| {
            f.y < first_left_y - 0.35 * f.size || (crosses(f) && f.y <= first_left_y + f.size)
        })
        .map(|f| f.y)
        .fold(f64::NEG_INFINITY, f64::max);
    let (mut header, mut left, mut right) = (Vec::new(), Vec::new(), Vec::new());
    for f in fragments {
        if f.y <= last_header_y + 0.35 * f.size {
            header.push(f);
        } else if f.x0 < gutter {
            left.push(f);
        } else {
            right.push(f);
        }
    }
    // A sidebar whose text starts under a photo: the lines above it all stand in the main
    // column ("JESSICA" / "ALVAREZ" / "WORK HISTORY" / the first job's title). They are that
    // column's top, not a page header, or the first job is cut from its employer and dates.
    // They start where that column's lines start, not merely right of the gutter (a name
    // centred over the page is a header).
    let column_start = right.iter().map(|f| f.x0).fold(f64::INFINITY, f64::min);
    if !header.is_empty()
        && header
            .iter()
            .all(|f| f.x0 >= gutter - 1.0 && f.x0 >= column_start - f.size)
    {
        header.append(&mut right);
        right = std::mem::take(&mut header);
    }
    (header, left, right)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(x: f64, y: f64, text: &str) -> Vec<Glyph> {
        let size = 10.0;
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                x: x + i as f64 * 5.0,
                y,
                width: 5.0,
                size,
                text: c.to_string(),
            })
            .collect()
    }

    #[test]
    fn a_drawn_list_marker_becomes_a_bullet() {
        let mut glyphs = word(60.0, 100.0, "Led");
        glyphs.extend(word(60.0, 114.0, "Shipped"));
        glyphs.extend(word(40.0, 86.0, "Engineer"));
        let disc = Mark::around(&[(50.0, 95.0), (53.0, 95.0), (53.0, 98.0), (50.0, 98.0)])
            .expect("a 3 pt disc is a mark");
        let text = PageLayout::new(glyphs).with_marks(&[disc]).into_text();
        assert_eq!(text, "Engineer\n• Led\nShipped\n");
        // A rule under a heading is no mark.
        assert_eq!(Mark::around(&[(40.0, 90.0), (300.0, 91.0)]), None);
    }

    #[test]
    fn a_glyph_without_a_width_does_not_split_its_word() {
        // "Lukas" from a Chromium print: pdf-extract gave the "u" no width.
        let mut glyphs = Vec::new();
        for (x, w, c) in [
            (90.1, 15.5, "L"),
            (105.6, 0.0, "u"),
            (121.6, 15.2, "k"),
            (136.8, 14.3, "a"),
            (151.1, 12.4, "s"),
            (163.4, 7.7, " "),
            (171.1, 20.8, "H"),
            (191.9, 14.3, "a"),
        ] {
            glyphs.push(Glyph {
                x,
                y: 100.0,
                width: w,
                size: 22.0,
                text: c.to_owned(),
            });
        }
        assert_eq!(PageLayout::new(glyphs).into_text().trim(), "Lukas Ha");
    }

    #[test]
    fn kerning_gaps_do_not_split_words() {
        let mut glyphs = word(10.0, 10.0, "Exa");
        glyphs.extend(word(10.0 + 15.0 + 1.0, 10.0, "mple"));
        assert_eq!(PageLayout::new(glyphs).into_text(), "Example\n");
    }

    #[test]
    fn two_columns_come_out_column_by_column() {
        let mut glyphs = word(200.0, 10.0, "Jane Doe");
        for i in 0..8 {
            let y = 40.0 + i as f64 * 14.0;
            glyphs.extend(word(10.0, y, &format!("left{i}")));
            // The right column's baselines sit between the left column's.
            glyphs.extend(word(300.0, y + 7.0, &format!("right{i}")));
        }
        let text = PageLayout::new(glyphs).into_text();
        let expected: String = std::iter::once("Jane Doe\n\n".to_owned())
            .chain((0..8).map(|i| format!("left{i}\n")))
            .chain(std::iter::once(COLUMN_BREAK.to_string()))
            .chain((0..8).map(|i| format!("right{i}\n")))
            .collect();
        assert_eq!(text, expected);
    }

    #[test]
    fn a_photo_above_the_sidebar_cut_the_main_columns_top_into_a_header() {
        // The sidebar's text starts under a photo; the main column's name, heading and first
        // job title stand above it, at the main column's own margin.
        let mut glyphs = word(300.0, 10.0, "JESSICA");
        glyphs.extend(word(300.0, 24.0, "WORK"));
        glyphs.extend(word(300.0, 38.0, "Analyst"));
        for i in 0..8 {
            let y = 80.0 + i as f64 * 14.0;
            glyphs.extend(word(10.0, y, &format!("side{i}")));
            glyphs.extend(word(300.0, y + 7.0, &format!("main{i}")));
        }
        let text = PageLayout::new(glyphs).into_text();
        let expected: String = (0..8)
            .map(|i| format!("side{i}\n"))
            .chain(std::iter::once(COLUMN_BREAK.to_string()))
            .chain(["JESSICA\n", "WORK\n", "Analyst\n", "\n"].map(str::to_owned))
            .chain((0..8).map(|i| format!("main{i}\n")))
            .collect();
        assert_eq!(text, expected);
    }

    #[test]
    fn a_heading_set_lower_in_its_left_cell_came_after_its_first_entry() {
        let mut glyphs = word(40.0, 20.0, "Daniel Weber");
        glyphs.extend(word(40.0, 34.0, "daniel@example.ch"));
        // The cell's heading stands beside the section's second line.
        glyphs.extend(word(40.0, 80.0, "ERFAHRUNG"));
        for (y, text) in [
            (66.0, "Senior Controller"),
            (80.0, "Helvetia Finanz AG"),
            (94.0, "Reporting"),
            (122.0, "Controller"),
            (136.0, "Alpen Logistik GmbH"),
        ] {
            glyphs.extend(word(180.0, y, text));
        }
        let text = PageLayout::new(glyphs).into_text();
        let heading = text.find("ERFAHRUNG").expect("heading read");
        let first = text.find("Senior Controller").expect("entry read");
        assert!(heading < first, "{text}");
    }

    #[test]
    fn right_aligned_dates_stay_on_their_line() {
        let mut glyphs = Vec::new();
        for i in 0..8 {
            let y = 40.0 + i as f64 * 14.0;
            glyphs.extend(word(10.0, y, &format!("Engineer{i}")));
            glyphs.extend(word(400.0, y, "2020"));
        }
        let text = PageLayout::new(glyphs).into_text();
        assert!(
            text.starts_with("Engineer0\t2020\nEngineer1\t2020\n"),
            "{text}"
        );
    }

    /// A word set right-aligned so that it ends at `right`.
    fn right_aligned(right: f64, y: f64, text: &str) -> Vec<Glyph> {
        word(right - 6.0 * text.chars().count() as f64, y, text)
    }

    #[test]
    fn dates_at_the_margin_under_contacts_in_the_corner_were_a_column() {
        let mut glyphs = Vec::new();
        for (i, contact) in ["Dubai, UAE", "+971 50 123 4567", "ahmed@example.com"]
            .iter()
            .enumerate()
        {
            glyphs.extend(right_aligned(500.0, 20.0 + i as f64 * 12.0, contact));
        }
        glyphs.extend(word(10.0, 30.0, "Ahmed"));
        for i in 0..6 {
            let y = 80.0 + i as f64 * 40.0;
            glyphs.extend(word(10.0, y, &format!("Engineer{i}")));
            glyphs.extend(right_aligned(500.0, y, &format!("Jan 201{i} – Present")));
            glyphs.extend(word(20.0, y + 14.0, &format!("Did{i} things")));
        }
        let text = PageLayout::new(glyphs).into_text();
        assert!(!text.contains(COLUMN_BREAK), "{text}");
        assert!(text.contains("Engineer0\tJan 2010 – Present\n"), "{text}");
    }

    #[test]
    fn left_aligned_dates_beside_their_entries_were_read_as_a_column() {
        // A "tabellarischer Lebenslauf": headings and dates in a left-aligned cell, each
        // entry beside its dates over two or three lines.
        let mut glyphs = Vec::new();
        let mut y = 20.0;
        for (heading, rows) in [("Ausbildung", 2), ("Berufserfahrung", 2)] {
            glyphs.extend(word(10.0, y, heading));
            y += 16.0;
            for r in 0..rows {
                glyphs.extend(word(10.0, y, &format!("201{r} – 201{}", r + 4)));
                glyphs.extend(word(160.0, y, &format!("Titel{r}")));
                glyphs.extend(word(160.0, y + 12.0, &format!("bei Firma{r}")));
                glyphs.extend(word(160.0, y + 24.0, "in Innsbruck"));
                y += 44.0;
            }
        }
        let text = PageLayout::new(glyphs).into_text();
        assert!(!text.contains(COLUMN_BREAK), "{text}");
        assert!(text.contains("2010 – 2014\tTitel0\nbei Firma0\n"), "{text}");
    }

    /// A name and a summary set across the page, then `rows` lines of a left and a right side.
    fn band_over(rows: usize, right_y: impl Fn(usize) -> f64) -> Vec<Glyph> {
        let mut glyphs = word(10.0, 10.0, "Jane Doe");
        for i in 0..5 {
            let line =
                format!("Summary line {i} runs across the whole page from margin to margin.");
            glyphs.extend(word(10.0, 30.0 + i as f64 * 12.0, &line));
        }
        for i in 0..rows {
            let y = 110.0 + i as f64 * 14.0;
            glyphs.extend(word(10.0, y, &format!("Skill{i}")));
            glyphs.extend(word(200.0, right_y(i), &format!("Main column line {i}")));
        }
        glyphs
    }

    #[test]
    fn columns_under_a_summary_across_the_page_were_read_row_by_row() {
        // The main column's baselines sit between the sidebar's and run on below it.
        let glyphs = band_over(8, |i| 117.0 + i as f64 * 14.0);
        let mut glyphs = glyphs;
        for i in 8..12 {
            glyphs.extend(word(
                200.0,
                117.0 + i as f64 * 14.0,
                &format!("Main column line {i}"),
            ));
        }
        let text = PageLayout::new(glyphs).into_text();
        let (above, columns) = text.split_once(COLUMN_BREAK).expect("two columns");
        assert!(above.starts_with("Jane Doe\n"), "{text}");
        assert!(above.contains("Summary line 4"), "{text}");
        assert!(above.ends_with("Skill7\n"), "{text}");
        assert!(!above.contains("Main column"), "{text}");
        assert!(columns.starts_with("Main column line 0\n"), "{text}");
        assert!(columns.ends_with("Main column line 11\n"), "{text}");
    }

    #[test]
    fn a_table_under_a_summary_stays_in_rows() {
        // Each right cell on its row's baseline: dates or towns beside entries.
        let glyphs = band_over(10, |i| 110.0 + i as f64 * 14.0);
        let text = PageLayout::new(glyphs).into_text();
        assert!(!text.contains(COLUMN_BREAK), "{text}");
        assert!(text.contains("Skill3\tMain column line 3\n"), "{text}");
    }

    #[test]
    fn a_europass_table_was_read_as_two_columns() {
        let mut glyphs = Vec::new();
        let mut y = 20.0;
        for (label, rows) in [("EXPERIENCE", 2), ("EDUCATION", 1)] {
            glyphs.extend(right_aligned(150.0, y, label));
            y += 14.0;
            for r in 0..rows {
                glyphs.extend(right_aligned(150.0, y, &format!("0{r}/2019 – 0{r}/2021")));
                glyphs.extend(word(160.0, y, &format!("Title{r}")));
                glyphs.extend(word(160.0, y + 12.0, &format!("Company{r}")));
                glyphs.extend(word(160.0, y + 24.0, "Built things"));
                y += 40.0;
            }
        }
        let text = PageLayout::new(glyphs).into_text();
        assert!(!text.contains(COLUMN_BREAK), "{text}");
        assert!(
            text.contains("00/2019 – 00/2021\tTitle0\nCompany0\n"),
            "{text}"
        );
    }

    #[test]
    fn a_large_name_beside_small_contacts_becomes_its_own_line() {
        let mut glyphs: Vec<Glyph> = word(10.0, 20.0, "Jane")
            .into_iter()
            .map(|g| Glyph {
                size: 20.0,
                x: g.x * 2.0,
                width: 10.0,
                ..g
            })
            .collect();
        glyphs.extend(word(300.0, 19.0, "Berlin"));
        assert_eq!(PageLayout::new(glyphs).into_text(), "Jane\nBerlin\n");
    }

    #[test]
    fn tracked_out_digits_stay_together() {
        // Every glyph 0.3 em apart; the word gap is wider still.
        let glyphs: Vec<Glyph> = "2025 June"
            .chars()
            .enumerate()
            .filter(|(_, c)| *c != ' ')
            .map(|(i, c)| Glyph {
                x: 10.0 + i as f64 * 8.0 + if i > 4 { 3.0 } else { 0.0 },
                y: 10.0,
                width: 5.0,
                size: 10.0,
                text: c.to_string(),
            })
            .collect();
        assert_eq!(PageLayout::new(glyphs).into_text(), "2025 June\n");
    }
}
