//! Ruled lines erased from a scanned page before OCR. Underlines, strike-throughs and table
//! rules run through the letters they touch, and Tesseract then reads a struck-through
//! "https://github.com/…" as "https://gi 9". Thin, long horizontal runs of ink are erased
//! except where a letter's stroke crosses them, which keeps the letters whole.

/// An 8-bit grey picture, one byte a pixel, rows top to bottom (0 is black).
pub(super) struct GrayPage {
    width: usize,
    height: usize,
    pixels: Vec<u8>,
}

/// Darker than this is ink.
const INK: u8 = 140;

impl GrayPage {
    /// Reads a binary PGM (`P5`, 8 bits) as pdftoppm writes it; `None` for anything else.
    pub(super) fn from_pgm(bytes: &[u8]) -> Option<GrayPage> {
        let mut fields = Vec::with_capacity(4);
        let mut at = 0;
        while fields.len() < 4 {
            while bytes.get(at)?.is_ascii_whitespace() {
                at += 1;
            }
            if *bytes.get(at)? == b'#' {
                while *bytes.get(at)? != b'\n' {
                    at += 1;
                }
                continue;
            }
            let start = at;
            while !bytes.get(at)?.is_ascii_whitespace() {
                at += 1;
            }
            fields.push(std::str::from_utf8(&bytes[start..at]).ok()?);
        }
        let [magic, width, height, depth] = fields[..] else {
            return None;
        };
        if magic != "P5" || depth != "255" {
            return None;
        }
        let (width, height): (usize, usize) = (width.parse().ok()?, height.parse().ok()?);
        // One whitespace byte ends the header.
        let pixels = bytes.get(at + 1..at + 1 + width.checked_mul(height)?)?;
        Some(GrayPage {
            width,
            height,
            pixels: pixels.to_vec(),
        })
    }

    /// The picture as a binary PGM.
    pub(super) fn to_pgm(&self) -> Vec<u8> {
        let mut out = format!("P5\n{} {}\n255\n", self.width, self.height).into_bytes();
        out.extend_from_slice(&self.pixels);
        out
    }

    fn ink(&self, x: usize, y: usize) -> bool {
        self.pixels[y * self.width + x] < INK
    }

    /// Erases thin horizontal rules; returns how many pixels were whitened.
    pub(super) fn erase_rules(&mut self) -> usize {
        let longest_side = self.width.max(self.height);
        // About 6 mm on a page and 0.5 mm thick at any resolution: longer than any letter's
        // bar in body type, thinner than a heading's.
        let min_run = (longest_side / 45).max(12);
        let max_thickness = (longest_side / 520).max(2);
        let mut in_rule = vec![false; self.pixels.len()];
        for y in 0..self.height {
            let mut x = 0;
            while x < self.width {
                if !self.ink(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < self.width && self.ink(x, y) {
                    x += 1;
                }
                if x - start >= min_run {
                    in_rule[y * self.width + start..y * self.width + x].fill(true);
                }
            }
        }
        let mut erased = 0;
        for x in 0..self.width {
            let mut y = 0;
            while y < self.height {
                if !in_rule[y * self.width + x] {
                    y += 1;
                    continue;
                }
                let top = y;
                while y < self.height && in_rule[y * self.width + x] {
                    y += 1;
                }
                let thin = y - top <= max_thickness;
                // A stroke that goes on above and below the rule is a letter's.
                let crossed = top > 0 && y < self.height && self.ink(x, top - 1) && self.ink(x, y);
                if thin && !crossed {
                    for row in top..y {
                        self.pixels[row * self.width + x] = u8::MAX;
                    }
                    erased += y - top;
                }
            }
        }
        erased
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A white page with black rectangles (x, y, width, height).
    fn page(width: usize, height: usize, ink: &[(usize, usize, usize, usize)]) -> GrayPage {
        let mut pixels = vec![u8::MAX; width * height];
        for &(x0, y0, w, h) in ink {
            for y in y0..y0 + h {
                pixels[y * width + x0..y * width + x0 + w].fill(0);
            }
        }
        GrayPage {
            width,
            height,
            pixels,
        }
    }

    #[test]
    fn a_strike_through_goes_and_the_strokes_it_crossed_stay() {
        // 1000 px: rules are runs of 22 px or more, up to 2 px thick.
        let mut struck = page(
            1000,
            600,
            &[(100, 100, 4, 30), (150, 100, 4, 30), (90, 114, 200, 2)],
        );
        struck.erase_rules();
        let clean = page(1000, 600, &[(100, 100, 4, 30), (150, 100, 4, 30)]);
        assert!(struck.pixels == clean.pixels);
    }

    #[test]
    fn bold_bars_and_short_strokes_are_letters_not_rules() {
        // A heading's thick bar and a body letter's short bar.
        let mut letters = page(1000, 600, &[(100, 100, 200, 12), (400, 100, 15, 2)]);
        assert_eq!(letters.erase_rules(), 0);
    }

    #[test]
    fn a_pgm_round_trips_and_anything_else_is_refused() {
        let original = page(3, 2, &[(1, 0, 1, 2)]);
        let read = GrayPage::from_pgm(&original.to_pgm()).expect("a PGM");
        assert_eq!((read.width, read.height), (3, 2));
        assert!(read.pixels == original.pixels);
        assert!(
            GrayPage::from_pgm(b"P5\n3 2\n255\n\0").is_none(),
            "short pixels"
        );
        assert!(
            GrayPage::from_pgm(b"P6\n1 1\n255\n\0\0\0").is_none(),
            "colour"
        );
        assert!(GrayPage::from_pgm(b"P5\n99999999999 99999999999\n255\n").is_none());
        assert!(GrayPage::from_pgm(b"").is_none());
    }
}
