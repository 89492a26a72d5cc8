//! adobe-cmap-parser 0.4.1 (Jeff Muizelaar, MIT) as CV Deck vendors it: the same API and the
//! same maps from the same CMaps, with the tokens read by a hand-written lexer ([`lex`])
//! instead of a pom grammar. The grammar formatted an error string each time it backtracked,
//! which was a fifth of the time a worker spent on a typical resume PDF (every font's
//! ToUnicode CMap goes through here). What follows `parse` is the original code, unchanged.
#![allow(clippy::all)]
// The original names, kept for its callers.
#![allow(non_snake_case)]

#[doc(hidden)]
pub mod lex;

pub use lex::Error;
use std::collections::HashMap;

#[derive(Debug)]
pub enum Value {
    LiteralString(Vec<u8>),
    Name(Vec<u8>),
    Number(String),
    Integer(i64),
    Array(Vec<Value>),
    /// `{ … }`: only in Type 1 font programs (see [`lex::tokens_with_procedures`]).
    Procedure(Vec<Value>),
    Operator(String),
    Boolean(bool),
    Dictionary(HashMap<String, Value>),
}

pub fn parse(input: &[u8]) -> Result<Vec<Value>, Error> {
    lex::tokens(input)
}

fn as_code(str: &[u8]) -> u32 {
    let mut code: u32 = 0;
    for c in str {
        code = (code << 8) | (*c as u32);
    }
    code
}

/// Return a mapping from character codes to Unicode character sequences expressed in UTF-16BE encoding.
pub fn get_unicode_map(input: &[u8]) -> Result<HashMap<u32, Vec<u8>>, &'static str> {
    let lexed = parse(&input).expect("failed to parse");

    let mut i = 0;
    let mut map = HashMap::new();
    while i < lexed.len() {
        match lexed[i] {
            Value::Operator(ref o) => {
                match o.as_ref() {
                    "beginbfchar" => {
                        let count = if let &Value::Integer(ref c) = &lexed[i - 1] {
                            Ok(*c)
                        } else {
                            Err("beginbfchar exected int")
                        }?;
                        i += 1;
                        for _ in 0..count {
                            let char_code = if let &Value::LiteralString(ref s) = &lexed[i] {
                                Ok(s)
                            } else {
                                Err("beginbfchar exected hexstring")
                            }?;
                            let uni_code = if let &Value::LiteralString(ref s) = &lexed[i + 1] {
                                Ok(s)
                            } else {
                                Err("beginbfchar exected hexstring")
                            }?;
                            //let char_code =
                            map.insert(as_code(char_code), uni_code.clone());
                            i += 2;
                        }
                        i += 1;
                    }
                    "beginbfrange" => {
                        let count = if let &Value::Integer(ref c) = &lexed[i - 1] {
                            Ok(*c)
                        } else {
                            Err("beginbfrange exected int")
                        }?;
                        i += 1;
                        for _ in 0..count {
                            let lower_code = if let &Value::LiteralString(ref s) = &lexed[i] {
                                Ok(as_code(s))
                            } else {
                                Err("beginbfrange exected hexstring")
                            }?;
                            let upper_code = if let &Value::LiteralString(ref s) = &lexed[i + 1] {
                                Ok(as_code(s))
                            } else {
                                Err("beginbfrange exected hexstring")
                            }?;
                            match &lexed[i + 2] {
                                &Value::LiteralString(ref start) => match start.len() {
                                    4 => {
                                        let val = as_code(start);
                                        for c in lower_code..=upper_code {
                                            let code = val + (c - lower_code);
                                            map.insert(c, code.to_be_bytes().to_vec());
                                        }
                                    }
                                    2 => {
                                        let val: u16 = as_code(start) as u16;
                                        for c in lower_code..=upper_code {
                                            let code = val + (c - lower_code) as u16;
                                            map.insert(c, code.to_be_bytes().to_vec());
                                        }
                                    }
                                    _ => {
                                        panic!("bad length of hexstring");
                                    }
                                },
                                &Value::Array(ref codes) => {
                                    // inclusive ranges would be nice
                                    let mut i = 0;
                                    if (upper_code - lower_code + 1) as usize != codes.len() {
                                        return Err("bad length of array");
                                    }
                                    for c in lower_code..=upper_code {
                                        map.insert(
                                            c,
                                            if let &Value::LiteralString(ref s) = &codes[i] {
                                                Ok(s.clone())
                                            } else {
                                                Err("beginbfrange exected hexstring")
                                            }?,
                                        );
                                        i += 1;
                                    }
                                }
                                _ => return Err("beginbfrange exected array or literal"),
                            }
                            i += 3;
                        }
                        i += 1;
                    }
                    _ => {
                        i += 1;
                    }
                }
            }
            _ => {
                i += 1;
            }
        }
    }
    Ok(map)
}

fn as_code_range(start_chars: &Vec<u8>, end_chars: &Vec<u8>) -> CodeRange {
    let mut start = 0;
    let mut end = 0;
    assert!(start_chars.len() == end_chars.len());
    for i in 0..start_chars.len() {
        start = (start << 8) | (start_chars[i] as u32);
        end = (end << 8) | (end_chars[i] as u32);
    }
    // CV Deck: the width is the code's length in bytes ("<0000>" is two). The original
    // halved it, as if it counted hex digits, so a two-byte embedded encoding was read a
    // byte at a time and its text came out as stray characters.
    let width = start_chars.len() as u32;
    CodeRange { start, end, width }
}

#[derive(Debug)]
pub struct CodeRange {
    pub width: u32,
    pub start: u32,
    pub end: u32,
}

#[derive(Debug)]
pub struct CIDRange {
    pub src_code_lo: u32,
    pub src_code_hi: u32,
    #[allow(non_snake_case)]
    pub dst_CID_lo: u32,
}

#[derive(Debug)]
pub struct ByteMapping {
    pub codespace: Vec<CodeRange>,
    pub cid: Vec<CIDRange>,
}

pub fn get_byte_mapping(input: &[u8]) -> Result<ByteMapping, &'static str> {
    let lexed = parse(&input).expect("failed to parse");

    let mut i = 0;
    let mut result = ByteMapping {
        codespace: Vec::new(),
        cid: Vec::new(),
    };
    while i < lexed.len() {
        match lexed[i] {
            Value::Operator(ref o) => match o.as_ref() {
                "begincodespacerange" => {
                    let count = if let &Value::Integer(ref c) = &lexed[i - 1] {
                        Ok(*c)
                    } else {
                        Err("begincodespacerange exected int")
                    }?;
                    i += 1;
                    for _ in 0..count {
                        let start = if let &Value::LiteralString(ref s) = &lexed[i] {
                            Ok(s)
                        } else {
                            Err("begincodespacerange exected hexstring")
                        }?;
                        let end = if let &Value::LiteralString(ref s) = &lexed[i + 1] {
                            Ok(s)
                        } else {
                            Err("begincodespacerange exected hexstring")
                        }?;
                        result.codespace.push(as_code_range(start, end));
                        i += 2;
                    }
                    i += 1;
                }
                "begincidrange" => {
                    let count = if let &Value::Integer(ref c) = &lexed[i - 1] {
                        Ok(*c)
                    } else {
                        Err("begincidrange exected int")
                    }?;
                    i += 1;
                    for _ in 0..count {
                        let start = if let &Value::LiteralString(ref s) = &lexed[i] {
                            Ok(s)
                        } else {
                            Err("begincidrange exected hexstring")
                        }?;
                        let end = if let &Value::LiteralString(ref s) = &lexed[i + 1] {
                            Ok(s)
                        } else {
                            Err("begincidrange exected hexstring")
                        }?;
                        let offset = if let &Value::Integer(ref s) = &lexed[i + 2] {
                            Ok(s)
                        } else {
                            Err("begincidrange exected int")
                        }?;
                        result.cid.push(CIDRange {
                            src_code_lo: as_code(start),
                            src_code_hi: as_code(end),
                            dst_CID_lo: *offset as u32,
                        });
                        i += 2;
                    }
                    i += 1;
                }
                // CV Deck: single codes and their CIDs ("<0024> 36"), which WeasyPrint and
                // other Cairo-based writers put in a Type 0 font's embedded encoding. Without
                // them every code of such a font mapped to nothing and its text was lost.
                // pdf-extract adds `dst_CID_lo` to the code and looks the sum up in the
                // font's ToUnicode map, which is keyed by code, so a single code is given
                // as a range of one whose offset is 0: its text then decodes right (only
                // the width lookup, keyed by CID, can miss when code and CID differ).
                "begincidchar" => {
                    let count = if let &Value::Integer(ref c) = &lexed[i - 1] {
                        Ok(*c)
                    } else {
                        Err("begincidchar exected int")
                    }?;
                    i += 1;
                    for _ in 0..count {
                        let code = if let Some(Value::LiteralString(s)) = lexed.get(i) {
                            Ok(s)
                        } else {
                            Err("begincidchar exected hexstring")
                        }?;
                        if !matches!(lexed.get(i + 1), Some(Value::Integer(_))) {
                            return Err("begincidchar exected int");
                        }
                        let code = as_code(code);
                        result.cid.push(CIDRange {
                            src_code_lo: code,
                            src_code_hi: code,
                            dst_CID_lo: 0,
                        });
                        i += 2;
                    }
                    i += 1;
                }
                _ => {
                    i += 1;
                }
            },
            _ => {
                i += 1;
            }
        }
    }
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cidchar_encoding_maps_its_codes() {
        let cmap = b"1 begincodespacerange <0000> <ffff> endcodespacerange\n\
            2 begincidchar\n<0024> 36\n<186d> 0\nendcidchar\n";
        let m = get_byte_mapping(cmap).unwrap();
        let codes: Vec<(u32, u32, u32)> = m
            .cid
            .iter()
            .map(|r| (r.src_code_lo, r.src_code_hi, r.dst_CID_lo))
            .collect();
        assert_eq!(codes, [(0x24, 0x24, 0), (0x186d, 0x186d, 0)]);
        assert_eq!(m.codespace[0].width, 2);
    }

    #[test]
    fn bfchar_and_bfrange_make_the_unicode_map() {
        let cmap = b"2 beginbfchar\n<03> <0041>\n<04> <D835DC00>\nendbfchar\n\
            1 beginbfrange\n<10> <12> <0061>\nendbfrange\n\
            1 beginbfrange\n<20> <21> [<0062> <0063>]\nendbfrange\n";
        let map = get_unicode_map(cmap).unwrap();
        assert_eq!(map[&3], vec![0, 0x41]);
        assert_eq!(map[&4], vec![0xD8, 0x35, 0xDC, 0x00]);
        assert_eq!(map[&0x11], vec![0, 0x62]);
        assert_eq!(map[&0x12], vec![0, 0x63]);
        assert_eq!(map[&0x21], vec![0, 0x63]);
        assert_eq!(map.len(), 7);
    }

    #[test]
    fn codespace_and_cid_ranges_make_the_byte_mapping() {
        let cmap = b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
            1 begincidrange <0000> <00FF> 10 endcidrange";
        let m = get_byte_mapping(cmap).unwrap();
        assert_eq!(
            (
                m.codespace[0].start,
                m.codespace[0].end,
                m.codespace[0].width
            ),
            (0, 0xFFFF, 2)
        );
        assert_eq!(
            (
                m.cid[0].src_code_lo,
                m.cid[0].src_code_hi,
                m.cid[0].dst_CID_lo
            ),
            (0, 0xFF, 10)
        );
    }
}
