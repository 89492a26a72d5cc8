//! RTF (WordPad, TextEdit, older Word exports): the text of the body, headers and footers,
//! and the targets of HYPERLINK fields.
//!
//! A small reader of our own: the one RTF crate tried (rtf-parser 0.4) rejects the `\'e9`
//! escapes every Western-European RTF uses for accented letters.

use super::Extracted;
use crate::ExtractError;
use encoding_rs::{Encoding, WINDOWS_1252};

/// Deeper nesting than this is a hostile file, not a resume.
const MAX_DEPTH: usize = 512;

/// Destinations whose text is not the document's: tables, metadata, pictures, objects.
const SKIPPED: &[&str] = &[
    "fonttbl",
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "object",
    "listtable",
    "listoverridetable",
    "rsidtbl",
    "generator",
    "themedata",
    "colorschememapping",
    "datastore",
    "latentstyles",
    "xmlnstbl",
    "mmathPr",
    "filetbl",
    "revtbl",
    "bkmkstart",
    "bkmkend",
    "footnote",
];

#[derive(Clone, Copy)]
struct Group {
    skip: bool,
    /// Inside a field instruction (`\fldinst`): collected for link targets, not shown.
    instruction: bool,
    /// Characters that stand in for a `\u` character in readers without Unicode.
    fallback_chars: usize,
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    encoding: &'static Encoding,
    text: String,
    instruction: String,
    links: Vec<String>,
    /// Bytes of `\'hh` escapes waiting to be decoded together (multi-byte code pages).
    pending: Vec<u8>,
}

impl Reader<'_> {
    fn flush(&mut self, into_instruction: bool) {
        if self.pending.is_empty() {
            return;
        }
        let (decoded, _, _) = self.encoding.decode(&self.pending);
        if into_instruction {
            self.instruction.push_str(&decoded);
        } else {
            self.text.push_str(&decoded);
        }
        self.pending.clear();
    }

    fn push(&mut self, group: &Group, s: &str) {
        self.flush(group.instruction);
        if group.skip {
            return;
        }
        if group.instruction {
            self.instruction.push_str(s);
        } else {
            self.text.push_str(s);
        }
    }

    /// A control word and its numeric parameter, the backslash already read.
    fn control_word(&mut self) -> (String, Option<i32>) {
        let start = self.at;
        while self.at < self.bytes.len() && self.bytes[self.at].is_ascii_alphabetic() {
            self.at += 1;
        }
        let word = String::from_utf8_lossy(&self.bytes[start..self.at]).into_owned();
        let number_start = self.at;
        if self.bytes.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        while self.at < self.bytes.len() && self.bytes[self.at].is_ascii_digit() {
            self.at += 1;
        }
        let parameter = std::str::from_utf8(&self.bytes[number_start..self.at])
            .ok()
            .and_then(|n| n.parse::<i32>().ok());
        // One space after a control word belongs to it.
        if self.bytes.get(self.at) == Some(&b' ') {
            self.at += 1;
        }
        (word, parameter)
    }

    fn end_instruction(&mut self) {
        let instruction = std::mem::take(&mut self.instruction);
        let mut words = instruction.split_whitespace();
        if words
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("HYPERLINK"))
        {
            if let Some(target) = words.find(|w| !w.starts_with('\\')) {
                let target = target.trim_matches('"');
                if !target.is_empty() {
                    self.links.push(target.to_owned());
                }
            }
        }
    }
}

/// Skips `count` characters of a `\u` fallback (a `\'hh` escape is one character).
fn skip_fallback(reader: &mut Reader, count: usize) {
    for _ in 0..count {
        match reader.bytes.get(reader.at) {
            Some(b'\\') if reader.bytes.get(reader.at + 1) == Some(&b'\'') => reader.at += 4,
            Some(b'{') | Some(b'}') | None => return,
            Some(_) => reader.at += 1,
        }
    }
}

fn code_page(number: i32) -> &'static Encoding {
    let label = match number {
        65001 => "utf-8",
        932 => "shift_jis",
        936 => "gbk",
        949 => "euc-kr",
        950 => "big5",
        874 => "windows-874",
        1250..=1258 => {
            return Encoding::for_label(format!("windows-{number}").as_bytes())
                .unwrap_or(WINDOWS_1252)
        }
        _ => return WINDOWS_1252,
    };
    Encoding::for_label(label.as_bytes()).unwrap_or(WINDOWS_1252)
}

pub(super) fn extract(bytes: &[u8]) -> Result<Extracted, ExtractError> {
    let mut reader = Reader {
        bytes,
        at: 0,
        encoding: WINDOWS_1252,
        text: String::new(),
        instruction: String::new(),
        links: Vec::new(),
        pending: Vec::new(),
    };
    let mut stack: Vec<Group> = Vec::new();
    let mut group = Group {
        skip: false,
        instruction: false,
        fallback_chars: 1,
    };
    // The first control word of a group names its destination.
    let mut at_group_start = false;
    while reader.at < bytes.len() {
        let byte = bytes[reader.at];
        reader.at += 1;
        match byte {
            b'{' => {
                reader.flush(group.instruction);
                if stack.len() >= MAX_DEPTH {
                    return Err(ExtractError::corrupt("RTF", "groups nested too deep"));
                }
                stack.push(group);
                at_group_start = true;
                continue;
            }
            b'}' => {
                reader.flush(group.instruction);
                let closing_instruction = group.instruction;
                group = stack.pop().unwrap_or(group);
                if closing_instruction && !group.instruction {
                    reader.end_instruction();
                }
            }
            b'\\' => match bytes.get(reader.at) {
                Some(b'\'') => {
                    // Two hex digits; a broken escape takes only what is hex (never a brace).
                    let digits = bytes[reader.at + 1..]
                        .iter()
                        .take(2)
                        .take_while(|b| b.is_ascii_hexdigit())
                        .count();
                    let hex = &bytes[reader.at + 1..reader.at + 1 + digits];
                    reader.at += 1 + digits;
                    if let Some(b) = std::str::from_utf8(hex)
                        .ok()
                        .filter(|h| h.len() == 2)
                        .and_then(|h| u8::from_str_radix(h, 16).ok())
                    {
                        if !group.skip {
                            reader.pending.push(b);
                        }
                    }
                }
                Some(b'*') => {
                    reader.at += 1;
                    // "{\*\dest …}": a destination old readers skip; so do we, except the
                    // ones that hold text.
                    let (word, _) = if bytes.get(reader.at) == Some(&b'\\') {
                        reader.at += 1;
                        reader.control_word()
                    } else {
                        (String::new(), None)
                    };
                    if word == "fldinst" {
                        group.instruction = true;
                    } else {
                        group.skip = true;
                    }
                }
                Some(&c) if c.is_ascii_alphabetic() => {
                    let (word, parameter) = reader.control_word();
                    let starts_destination = at_group_start;
                    at_group_start = false;
                    match word.as_str() {
                        w if starts_destination && SKIPPED.contains(&w) => group.skip = true,
                        "fldinst" => group.instruction = true,
                        "ansicpg" => reader.encoding = code_page(parameter.unwrap_or(1252)),
                        "par" | "line" | "row" | "sect" | "page" => reader.push(&group, "\n"),
                        "tab" | "cell" => reader.push(&group, "\t"),
                        "emdash" => reader.push(&group, "—"),
                        "endash" => reader.push(&group, "–"),
                        "bullet" => reader.push(&group, "•"),
                        "lquote" | "rquote" => reader.push(&group, "'"),
                        "ldblquote" | "rdblquote" => reader.push(&group, "\""),
                        "uc" => group.fallback_chars = parameter.unwrap_or(1).max(0) as usize,
                        "u" => {
                            let code = parameter.unwrap_or(0);
                            let code = if code < 0 { code + 65536 } else { code } as u32;
                            let c = char::from_u32(code).unwrap_or('\u{FFFD}');
                            reader.push(&group, c.encode_utf8(&mut [0; 4]));
                            skip_fallback(&mut reader, group.fallback_chars);
                        }
                        _ => {}
                    }
                    continue;
                }
                Some(&symbol) => {
                    reader.at += 1;
                    match symbol {
                        b'\\' | b'{' | b'}' => {
                            reader.push(&group, (symbol as char).encode_utf8(&mut [0; 4]))
                        }
                        b'~' => reader.push(&group, " "),
                        b'_' => reader.push(&group, "-"),
                        b'\n' | b'\r' => reader.push(&group, "\n"),
                        _ => {}
                    }
                }
                None => {}
            },
            b'\r' | b'\n' => {}
            _ => {
                let start = reader.at - 1;
                let mut end = reader.at;
                while end < bytes.len()
                    && !matches!(bytes[end], b'{' | b'}' | b'\\' | b'\r' | b'\n')
                {
                    end += 1;
                }
                reader.at = end;
                let (run, _, _) = reader.encoding.decode(&bytes[start..end]);
                let run = run.into_owned();
                reader.push(&group, &run);
            }
        }
        at_group_start = false;
    }
    reader.flush(group.instruction);
    if !bytes.starts_with(b"{\\rtf") {
        return Err(ExtractError::corrupt(
            "RTF",
            "it does not start with {\\rtf",
        ));
    }
    Ok(Extracted {
        text: reader.text,
        pages: 1,
        links: reader.links,
        warnings: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::extract;

    #[test]
    fn text_accents_unicode_and_links() {
        // "{\author Jos\'e}" pins a bug: the broken escape took the closing brace with it
        // and the rest of the document was read as metadata.
        let rtf = br#"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Helvetica;}}{\colortbl;\red0\green0\blue0;}
{\info{\title Resume}{\author Jos\'e}}{\*\generator Riched20;}
\f0\pard {\b Jos\'e9 Garc\'eda}\par
Ingeniero de software\par
jose@example.com \emdash  +34 600 123 456\par
{\field{\*\fldinst{HYPERLINK "https://github.com/jgarcia"}}{\fldrslt{github.com/jgarcia}}}\par
\par
{\b Experiencia}\par
Acme S.L.\tab 2019 - 2021\par
\u8226? L\u237?der de equipo\par
}"#;
        let out = extract(rtf).unwrap();
        assert_eq!(
            out.text,
            "José García\nIngeniero de software\njose@example.com — +34 600 123 456\ngithub.com/jgarcia\n\nExperiencia\nAcme S.L.\t2019 - 2021\n• Líder de equipo\n"
        );
        assert_eq!(out.links, ["https://github.com/jgarcia"]);
    }

    #[test]
    fn hostile_nesting_is_an_error_not_a_crash() {
        let mut rtf = b"{\\rtf1 ".to_vec();
        rtf.extend(std::iter::repeat_n(b'{', 100_000));
        assert!(extract(&rtf).is_err());
        // Unbalanced closing braces and a truncated escape read as far as they go.
        let out = extract(b"{\\rtf1 Jane}}} Doe\\'").unwrap();
        assert!(out.text.contains("Jane"));
    }
}
