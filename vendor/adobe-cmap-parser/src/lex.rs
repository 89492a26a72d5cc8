//! The tokens of a CMap (a small PostScript program), read in one pass.
//!
//! Reads what the pom grammar of adobe-cmap-parser 0.4.1 read, to the same [`Value`]s, with
//! three leniencies the PDF specification asks for: comments and any PDF white-space
//! (including NUL and form feed) may stand between any two tokens, and a hexadecimal string
//! with an odd number of digits ends as if followed by 0. Like the grammar, it stops at the
//! first thing it cannot read and keeps the tokens before it. The Type 1 font grammar of
//! type1-encoding-parser 0.1.1 is the same plus procedures (`{ … }`), read with
//! [`tokens_with_procedures`].

use crate::Value;
use std::collections::HashMap;

/// A CMap in which not even one token could be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// Byte offset where reading stopped.
    pub position: usize,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "no CMap token at byte {}", self.position)
    }
}

impl std::error::Error for Error {}

/// Every token of a CMap up to the first that cannot be read (a `{` is one).
pub fn tokens(input: &[u8]) -> Result<Vec<Value>, Error> {
    read(Lexer {
        input,
        pos: 0,
        procedures: false,
    })
}

/// Every token of a Type 1 font program up to the first that cannot be read; `{ … }` is a
/// [`Value::Procedure`].
pub fn tokens_with_procedures(input: &[u8]) -> Result<Vec<Value>, Error> {
    read(Lexer {
        input,
        pos: 0,
        procedures: true,
    })
}

fn read(mut lexer: Lexer<'_>) -> Result<Vec<Value>, Error> {
    let input = lexer.input;
    let mut out = Vec::new();
    loop {
        lexer.skip_blank();
        if lexer.pos >= input.len() {
            break;
        }
        let start = lexer.pos;
        match lexer.value() {
            Some(v) => out.push(v),
            None => {
                lexer.pos = start;
                break;
            }
        }
    }
    if out.is_empty() {
        return Err(Error {
            position: lexer.pos,
        });
    }
    Ok(out)
}

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\0' | b'\x0C')
}

fn is_delimiter(b: u8) -> bool {
    is_white(b) || b"()<>[]{}/%".contains(&b)
}

fn hex_value(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

struct Lexer<'a> {
    input: &'a [u8],
    pos: usize,
    procedures: bool,
}

impl Lexer<'_> {
    fn peek(&self) -> Option<u8> {
        self.input.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.input.get(self.pos + ahead).copied()
    }

    fn starts_with(&self, s: &[u8]) -> bool {
        self.input[self.pos..].starts_with(s)
    }

    /// White-space and comments.
    fn skip_blank(&mut self) {
        while let Some(b) = self.peek() {
            if is_white(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(c) = self.peek() {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    fn value(&mut self) -> Option<Value> {
        // In the grammar's order: a name like "trueType" is never reached, as there.
        if self.starts_with(b"true") {
            self.pos += 4;
            return Some(Value::Boolean(true));
        }
        if self.starts_with(b"false") {
            self.pos += 5;
            return Some(Value::Boolean(false));
        }
        match self.peek()? {
            b'+' | b'-' | b'0'..=b'9' | b'.' => self.number(),
            b'/' => {
                self.pos += 1;
                Some(Value::Name(self.name()))
            }
            b'(' => {
                self.pos += 1;
                self.literal_string().map(Value::LiteralString)
            }
            b'<' if self.peek_at(1) == Some(b'<') => {
                self.pos += 2;
                self.dictionary().map(Value::Dictionary)
            }
            b'<' => {
                self.pos += 1;
                self.hex_string().map(Value::LiteralString)
            }
            b'[' => {
                self.pos += 1;
                self.values_until(b']').map(Value::Array)
            }
            b'{' if self.procedures => {
                self.pos += 1;
                self.values_until(b'}').map(Value::Procedure)
            }
            b if b.is_ascii_alphabetic() || b"*'\"".contains(&b) => {
                let start = self.pos;
                while self
                    .peek()
                    .is_some_and(|b| b.is_ascii_alphabetic() || b"*'\"".contains(&b))
                {
                    self.pos += 1;
                }
                let op = String::from_utf8_lossy(&self.input[start..self.pos]).into_owned();
                Some(Value::Operator(op))
            }
            _ => None,
        }
    }

    /// `[+-]?digits` is an integer; `[+-]?.digits` a number kept as text (the grammar read
    /// "1.5" as the integer 1 then the number ".5", and so does this).
    fn number(&mut self) -> Option<Value> {
        let start = self.pos;
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.pos += 1;
        }
        let digits = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        if self.pos > digits {
            let text = std::str::from_utf8(&self.input[start..self.pos]).ok()?;
            return text.parse().ok().map(Value::Integer);
        }
        if self.peek() != Some(b'.') {
            return None;
        }
        self.pos += 1;
        let fraction = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        if self.pos == fraction {
            return None;
        }
        let text = String::from_utf8_lossy(&self.input[start..self.pos]).into_owned();
        Some(Value::Number(text))
    }

    /// After the `/`: up to a delimiter, `#xx` decoded.
    fn name(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        while let Some(b) = self.peek() {
            if b == b'#' {
                match (
                    self.peek_at(1).and_then(hex_value),
                    self.peek_at(2).and_then(hex_value),
                ) {
                    (Some(h), Some(l)) => {
                        out.push(h << 4 | l);
                        self.pos += 3;
                        continue;
                    }
                    _ => break,
                }
            }
            if is_delimiter(b) {
                break;
            }
            out.push(b);
            self.pos += 1;
        }
        out
    }

    /// After the `(`: to its matching `)`, escapes decoded, nested parentheses kept.
    fn literal_string(&mut self) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        let mut depth = 0usize;
        loop {
            let b = self.peek()?;
            self.pos += 1;
            match b {
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' if depth == 0 => return Some(out),
                b')' => {
                    depth -= 1;
                    out.push(b);
                }
                b'\\' => self.escape(&mut out),
                _ => out.push(b),
            }
        }
    }

    fn escape(&mut self, out: &mut Vec<u8>) {
        let Some(b) = self.peek() else {
            return;
        };
        let simple = match b {
            b'\\' | b'(' | b')' => Some(b),
            b'n' => Some(b'\n'),
            b'r' => Some(b'\r'),
            b't' => Some(b'\t'),
            b'b' => Some(b'\x08'),
            b'f' => Some(b'\x0C'),
            _ => None,
        };
        if let Some(c) = simple {
            self.pos += 1;
            out.push(c);
            return;
        }
        if (b'0'..=b'7').contains(&b) {
            let mut code: u32 = 0;
            let mut n = 0;
            while n < 3 && self.peek().is_some_and(|c| (b'0'..=b'7').contains(&c)) {
                code = code * 8 + u32::from(self.input[self.pos] - b'0');
                self.pos += 1;
                n += 1;
            }
            out.push(code as u8);
            return;
        }
        // A line break after a backslash continues the string; any other character after
        // one stands for itself.
        if b == b'\r' {
            self.pos += 1;
            if self.peek() == Some(b'\n') {
                self.pos += 1;
            }
        } else if b == b'\n' {
            self.pos += 1;
        }
    }

    /// After the `<`: pairs of hex digits to bytes, white-space between them allowed.
    fn hex_string(&mut self) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        loop {
            let b = self.peek()?;
            self.pos += 1;
            if b == b'>' {
                if let Some(h) = high {
                    out.push(h << 4);
                }
                return Some(out);
            }
            if is_white(b) {
                continue;
            }
            let digit = hex_value(b)?;
            match high.take() {
                Some(h) => out.push(h << 4 | digit),
                None => high = Some(digit),
            }
        }
    }

    /// After the `<<`: `/key value` pairs up to `>>`.
    fn dictionary(&mut self) -> Option<HashMap<String, Value>> {
        let mut out = HashMap::new();
        loop {
            self.skip_blank();
            if self.starts_with(b">>") {
                self.pos += 2;
                return Some(out);
            }
            if self.peek()? != b'/' {
                return None;
            }
            self.pos += 1;
            let key = String::from_utf8_lossy(&self.name()).into_owned();
            self.skip_blank();
            let value = self.value()?;
            out.insert(key, value);
        }
    }

    /// After the `[` or `{`: values up to `end`.
    fn values_until(&mut self, end: u8) -> Option<Vec<Value>> {
        let mut out = Vec::new();
        loop {
            self.skip_blank();
            if self.peek()? == end {
                self.pos += 1;
                return Some(out);
            }
            out.push(self.value()?);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(s: &str) -> Vec<Value> {
        tokens(s.as_bytes()).unwrap()
    }

    #[test]
    fn a_to_unicode_cmap_lexes_to_its_tokens() {
        let cmap = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
            % a comment\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n\
            2 beginbfchar\n<0003> <0020>\n<0011> <002E>\nendbfchar\nendcmap\n";
        let t = lex(cmap);
        assert!(matches!(&t[0], Value::Name(n) if n == b"CIDInit"));
        assert!(matches!(&t[2], Value::Operator(o) if o == "findresource"));
        assert!(matches!(&t[4], Value::Integer(12)));
        let Value::Dictionary(d) = &t[9] else {
            panic!("{:?}", t[9]);
        };
        assert!(matches!(&d["Registry"], Value::LiteralString(s) if s == b"Adobe"));
        assert!(matches!(&d["Supplement"], Value::Integer(0)));
        assert!(matches!(&t[11], Value::Integer(1)));
        assert!(matches!(&t[13], Value::LiteralString(s) if s == &[0, 0]));
        assert!(matches!(&t[14], Value::LiteralString(s) if s == &[0xFF, 0xFF]));
        assert!(matches!(t.last(), Some(Value::Operator(o)) if o == "endcmap"));
    }

    #[test]
    fn strings_escapes_nesting_and_odd_hex() {
        let t = lex(r"(a\(b\)\n\101\
c(d)) <4 1 4> [1 /x#20y (z)] -3 .5 1.5 true");
        assert!(matches!(&t[0], Value::LiteralString(s) if s == b"a(b)\nAc(d)"));
        assert!(matches!(&t[1], Value::LiteralString(s) if s == &[0x41, 0x40]));
        let Value::Array(a) = &t[2] else {
            panic!("{:?}", t[2]);
        };
        assert!(matches!(&a[1], Value::Name(n) if n == b"x y"));
        assert!(matches!(&t[3], Value::Integer(-3)));
        assert!(matches!(&t[4], Value::Number(n) if n == ".5"));
        // As the grammar read it.
        assert!(matches!(&t[5], Value::Integer(1)));
        assert!(matches!(&t[6], Value::Number(n) if n == ".5"));
        assert!(matches!(&t[7], Value::Boolean(true)));
    }

    #[test]
    fn a_type1_encoding_reads_its_procedures() {
        let t = tokens_with_procedures(b"/Encoding 256 array 0 1 255 {1 index exch /.notdef put} for dup 65 /A put readonly def").unwrap();
        let Value::Procedure(p) = &t[6] else {
            panic!("{:?}", t[6]);
        };
        assert_eq!(p.len(), 5);
        assert!(matches!(t.last(), Some(Value::Operator(o)) if o == "def"));
    }

    #[test]
    fn reading_stops_at_what_cannot_be_read_and_keeps_what_came_before() {
        let t = lex("1 beginbfchar { junk } <0001> <0041>");
        assert_eq!(t.len(), 2);
        assert!(tokens(b"{").is_err());
        assert!(tokens(b"").is_err());
        assert!(tokens(b"(unterminated").is_err());
        assert_eq!(lex("1 (unterminated").len(), 1);
    }
}
