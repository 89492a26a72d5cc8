//! type1-encoding-parser 0.1.1 (Jeff Muizelaar, MIT) as CV Deck vendors it: the same API and
//! the same encoding maps, with the tokens read by the lexer of CV Deck's adobe-cmap-parser
//! copy instead of a pom grammar that formatted an error string each time it backtracked.
//! `get_encoding_map` is the original code, unchanged.
#![allow(clippy::all)]
// The original code, as it was.
#![allow(unused_variables)]

pub use adobe_cmap_parser::{Error, Value};
use std::collections::HashMap;

pub fn parse(input: &[u8]) -> Result<Vec<Value>, Error> {
    adobe_cmap_parser::lex::tokens_with_procedures(input)
}

pub fn get_encoding_map(input: &[u8]) -> Result<HashMap<u32, Vec<u8>>, &'static str> {
    let lexed = parse(&input).expect("failed to parse");

    let mut i = 0;
    let mut map = HashMap::new();
    while i < lexed.len() {
        match lexed[i] {
            Value::Operator(ref o) => match o.as_ref() {
                "array" => {
                    let count = if let &Value::Integer(ref c) = &lexed[i - 1] {
                        Ok(*c)
                    } else {
                        Err("array expected int")
                    }?;
                    let name = if let &Value::Name(ref n) = &lexed[i - 2] {
                        Ok(n)
                    } else {
                        Err("expected name")
                    }?;
                    i += 1;
                    if name == b"Encoding" {
                        while i < lexed.len() {
                            match lexed[i] {
                                Value::Operator(ref o) => match o.as_ref() {
                                    "put" => {
                                        let name = if let &Value::Name(ref n) = &lexed[i - 1] {
                                            Ok(n)
                                        } else {
                                            Err("expected name")
                                        }?;
                                        let id = if let &Value::Integer(ref c) = &lexed[i - 2] {
                                            Ok(*c)
                                        } else {
                                            Err("array expected int")
                                        }?;
                                        map.insert(id as u32, name.clone());
                                    }
                                    "def" => {
                                        break;
                                    }
                                    _ => {}
                                },
                                _ => {}
                            }
                            i += 1;
                        }
                    }
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
    Ok(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_encoding_array_of_a_type1_header_maps_codes_to_glyph_names() {
        let font = b"%!PS-AdobeFont-1.0: Invented\n/FontName /Invented def\n\
            /Encoding 256 array\n0 1 255 {1 index exch /.notdef put} for\n\
            dup 65 /A put\ndup 97 /a put\nreadonly def\ncurrentfile eexec\n\x80\x01\xff";
        let map = get_encoding_map(font).unwrap();
        assert_eq!(map[&65], b"A".to_vec());
        assert_eq!(map[&97], b"a".to_vec());
        assert_eq!(map.len(), 2);
    }
}
