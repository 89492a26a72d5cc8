//! Plain PDFs drawn with lopdf: text pages in the standard Helvetica fonts, encrypted, image-only
//! and scanned ones.

use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream};

/// A PDF whose only page is encrypted with a user password.
pub fn encrypted_pdf(text: &str, user_password: &str) -> Vec<u8> {
    let mut page = PageWriter::default();
    page.text(50.0, 800.0, 12.0, false, text);
    page.finish(Some(user_password))
}

/// A PDF page that draws shapes but has no text layer, like a scan.
pub fn image_only_pdf() -> Vec<u8> {
    let mut page = PageWriter::default();
    page.ops().push(Operation::new(
        "re",
        vec![50.into(), 50.into(), 400.into(), 600.into()],
    ));
    page.ops().push(Operation::new("f", vec![]));
    page.finish(None)
}

/// A PDF whose page is one 8-bit grey picture (`width` × `height` pixels), like a scanner's.
pub fn scanned_pdf(gray_pixels: &[u8], width: u32, height: u32) -> Vec<u8> {
    scanned_pages_pdf(gray_pixels, width, height, 1)
}

/// A scan of `pages` pages that all show the same picture.
pub fn scanned_pages_pdf(gray_pixels: &[u8], width: u32, height: u32, pages: usize) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let image = Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => width as i64, "Height" => height as i64,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
        },
        gray_pixels.to_vec(),
    );
    let image_id = doc.add_object(image);
    let resources = doc.add_object(dictionary! { "XObject" => dictionary! { "Im1" => image_id } });
    let draw = Content {
        operations: vec![
            Operation::new("q", vec![]),
            Operation::new(
                "cm",
                vec![
                    595.into(),
                    0.into(),
                    0.into(),
                    842.into(),
                    0.into(),
                    0.into(),
                ],
            ),
            Operation::new("Do", vec!["Im1".into()]),
            Operation::new("Q", vec![]),
        ],
    };
    add_a4_pages(&mut doc, pages_id, resources, vec![draw; pages.max(1)]);
    let mut out = Vec::new();
    let _ = doc.save_to(&mut out);
    out
}

/// Adds A4 pages (their contents, the page tree and the catalog) to `doc`.
fn add_a4_pages(
    doc: &mut Document,
    pages_id: lopdf::ObjectId,
    resources: lopdf::ObjectId,
    contents: Vec<Content>,
) {
    let count = contents.len() as i64;
    let kids: Vec<Object> = contents
        .into_iter()
        .map(|content| {
            let content_id = doc.add_object(Stream::new(
                dictionary! {},
                content.encode().unwrap_or_default(),
            ));
            doc.add_object(
                dictionary! { "Type" => "Page", "Parent" => pages_id, "Contents" => content_id },
            )
            .into()
        })
        .collect();
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count,
            "Resources" => resources, "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
}

/// Where a link's rule is drawn.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Rule {
    /// Under the baseline, as links are underlined.
    Under,
    /// Through the middle of the letters.
    Through,
}

#[derive(Default)]
pub(crate) struct PageWriter {
    /// Drawing operations of each page; the last one is being written.
    pages: Vec<Vec<Operation>>,
}

/// Lowest baseline of body text; below it a new page starts.
const BOTTOM_MARGIN: f64 = 70.0;
/// First baseline on a continuation page.
const TOP_OF_PAGE: f64 = 800.0;

impl PageWriter {
    pub(crate) fn ops(&mut self) -> &mut Vec<Operation> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Moves to a new page when `y` has reached the bottom margin; the baseline to use.
    pub(crate) fn room(&mut self, y: f64) -> f64 {
        if y < BOTTOM_MARGIN {
            self.pages.push(Vec::new());
            TOP_OF_PAGE
        } else {
            y
        }
    }

    /// A running footer, as word processors print it, on every page of a longer document.
    pub(crate) fn footers(&mut self, text: &str) {
        let total = self.pages.len();
        if total < 2 {
            return;
        }
        for number in 1..=total {
            let mut footer = PageWriter::default();
            footer.text(
                50.0,
                30.0,
                8.0,
                false,
                &format!("{text} · {number}/{total}"),
            );
            self.pages[number - 1].append(footer.ops());
        }
    }

    pub(crate) fn text(&mut self, x: f64, y: f64, size: f64, bold: bool, text: &str) {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        self.ops().extend([
            Operation::new("BT", vec![]),
            Operation::new(
                "Tf",
                vec![if bold { "F2" } else { "F1" }.into(), size.into()],
            ),
            Operation::new(
                "Tm",
                vec![1.into(), 0.into(), 0.into(), 1.into(), x.into(), y.into()],
            ),
            Operation::new(
                "Tj",
                vec![Object::String(
                    bytes.into_owned(),
                    lopdf::StringFormat::Literal,
                )],
            ),
            Operation::new("ET", vec![]),
        ]);
    }

    /// Writes a link at (`x`, `y`) with its rule; returns where the text ends.
    pub(crate) fn link(&mut self, x: f64, y: f64, size: f64, text: &str, rule: Rule) -> f64 {
        self.text(x, y, size, false, text);
        // Helvetica's lower case and punctuation average about 0.5 em.
        let end = x + 0.5 * size * text.chars().count() as f64;
        let (rule_y, thickness) = match rule {
            Rule::Under => (y - 0.15 * size, 0.06 * size),
            Rule::Through => (y + 0.25 * size, 0.1 * size),
        };
        self.ops().extend([
            Operation::new(
                "re",
                vec![x.into(), rule_y.into(), (end - x).into(), thickness.into()],
            ),
            Operation::new("f", vec![]),
        ]);
        end
    }

    pub(crate) fn finish(self, user_password: Option<&str>) -> Vec<u8> {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let font = |base: &str| dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => base.to_owned(), "Encoding" => "WinAnsiEncoding" };
        let regular = doc.add_object(font("Helvetica"));
        let bold = doc.add_object(font("Helvetica-Bold"));
        let resources =
            doc.add_object(dictionary! { "Font" => dictionary! { "F1" => regular, "F2" => bold } });
        let pages = if self.pages.is_empty() {
            vec![Vec::new()]
        } else {
            self.pages
        };
        add_a4_pages(
            &mut doc,
            pages_id,
            resources,
            pages
                .into_iter()
                .map(|operations| Content { operations })
                .collect(),
        );
        doc.trailer.set(
            "ID",
            Object::Array(vec![
                Object::String(b"cvdeck-synthetic".to_vec(), lopdf::StringFormat::Literal),
                Object::String(b"cvdeck-synthetic".to_vec(), lopdf::StringFormat::Literal),
            ]),
        );
        if let Some(password) = user_password {
            let version = lopdf::encryption::EncryptionVersion::V2 {
                document: &doc,
                owner_password: "owner",
                user_password: password,
                key_length: 128,
                permissions: lopdf::encryption::Permissions::all(),
            };
            if let Ok(state) = lopdf::encryption::EncryptionState::try_from(version) {
                let _ = doc.encrypt(&state);
            }
        }
        let mut out = Vec::new();
        let _ = doc.save_to(&mut out);
        out
    }
}
