//! DOCX and ODT: zip archives of XML, read with caps on entry count and uncompressed size.

use super::{Extracted, Format, Limits};
use crate::docx_styles::{attribute, capitalised_styles, is_on};
use crate::ExtractError;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};
use zip::ZipArchive;

type Archive<'a> = ZipArchive<Cursor<&'a [u8]>>;

pub(super) fn detect_zip(bytes: &[u8]) -> Result<Format, ExtractError> {
    let archive =
        ZipArchive::new(Cursor::new(bytes)).map_err(|e| ExtractError::corrupt("ZIP", e))?;
    let names: Vec<&str> = archive.file_names().collect();
    if names.contains(&"word/document.xml") {
        return Ok(Format::Docx);
    }
    if names.contains(&"content.xml") && names.contains(&"mimetype") {
        return Ok(Format::Odt);
    }
    if names.iter().any(|n| n.starts_with("word/")) {
        return Err(ExtractError::corrupt(
            "DOCX",
            "the archive has no word/document.xml",
        ));
    }
    if names.iter().any(|n| n.starts_with("ppt/")) {
        return Err(ExtractError::Unsupported(
            "PowerPoint presentation: save the resume as DOCX or PDF".to_owned(),
        ));
    }
    if names.iter().any(|n| n.starts_with("xl/")) {
        return Err(ExtractError::Unsupported("Excel workbook".to_owned()));
    }
    Err(ExtractError::Unsupported(
        "ZIP archive: unpack it and import the files".to_owned(),
    ))
}

fn open<'a>(bytes: &'a [u8], limits: &Limits, format: &str) -> Result<Archive<'a>, ExtractError> {
    let archive =
        ZipArchive::new(Cursor::new(bytes)).map_err(|e| ExtractError::corrupt(format, e))?;
    if archive.len() > limits.max_zip_entries {
        return Err(ExtractError::TooLarge {
            what: format!("{} entries in the {format} archive", archive.len()),
        });
    }
    Ok(archive)
}

/// Reads one entry, refusing to inflate past the limit (zip bombs lie about their sizes).
fn read_entry(
    archive: &mut Archive<'_>,
    name: &str,
    limits: &Limits,
    format: &str,
) -> Result<Option<Vec<u8>>, ExtractError> {
    let entry = match archive.by_name(name) {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(ExtractError::corrupt(format, e)),
    };
    let mut out = Vec::new();
    entry
        .take(limits.max_xml_bytes + 1)
        .read_to_end(&mut out)
        .map_err(|e| ExtractError::corrupt(format, format!("{name}: {e}")))?;
    if out.len() as u64 > limits.max_xml_bytes {
        return Err(ExtractError::TooLarge {
            what: format!(
                "{name} inflates past {} MB",
                limits.max_xml_bytes / (1024 * 1024)
            ),
        });
    }
    Ok(Some(out))
}

pub(super) fn extract_docx(bytes: &[u8], limits: &Limits) -> Result<Extracted, ExtractError> {
    let mut archive = open(bytes, limits, "DOCX")?;
    let rels = read_entry(&mut archive, "word/_rels/document.xml.rels", limits, "DOCX")?
        .map(|xml| relationships(&xml))
        .unwrap_or_default();
    let document = read_entry(&mut archive, "word/document.xml", limits, "DOCX")?
        .ok_or_else(|| ExtractError::corrupt("DOCX", "the archive has no word/document.xml"))?;
    let mut part_names: Vec<String> = archive
        .file_names()
        .filter(|n| {
            (n.starts_with("word/header") || n.starts_with("word/footer")) && n.ends_with(".xml")
        })
        .map(str::to_owned)
        .collect();
    part_names.sort();
    let capitalised = read_entry(&mut archive, "word/styles.xml", limits, "DOCX")?
        .map(|xml| capitalised_styles(&xml))
        .unwrap_or_default();
    let mut links = Vec::new();
    let (body, titles) = word_text(&document, &rels, &capitalised, &mut links)?;
    let mut headers = String::new();
    let mut footers = String::new();
    for name in part_names {
        if let Some(xml) = read_entry(&mut archive, &name, limits, "DOCX")? {
            let (text, _) = word_text(&xml, &rels, &capitalised, &mut links)?;
            let target = if name.starts_with("word/header") {
                &mut headers
            } else {
                &mut footers
            };
            if !text.trim().is_empty() && !target.contains(text.trim()) {
                target.push_str(&text);
                target.push('\n');
            }
        }
    }
    // The paragraph styled as the document's title is the résumé's name, wherever the
    // template put it (a sidebar's table cell after the experience): it opens the text.
    let titles: String = titles.iter().map(|t| format!("{t}\n")).collect();
    Ok(Extracted {
        text: format!("{titles}{headers}{body}\n{footers}"),
        pages: 1,
        links,
        warnings: Vec::new(),
    })
}

fn relationships(xml: &[u8]) -> HashMap<String, String> {
    let mut reader = Reader::from_reader(xml);
    let mut out = HashMap::new();
    let mut buf = Vec::new();
    while let Ok(event) = reader.read_event_into(&mut buf) {
        match event {
            Event::Empty(e) | Event::Start(e) if e.local_name().as_ref() == b"Relationship" => {
                let mut id = None;
                let mut target = None;
                for attr in e.attributes().flatten() {
                    let value = attr.unescape_value().map(|v| v.into_owned()).ok();
                    match attr.key.local_name().as_ref() {
                        b"Id" => id = value,
                        b"Target" => target = value,
                        _ => {}
                    }
                }
                if let (Some(id), Some(target)) = (id, target) {
                    out.insert(id, target);
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    out
}

/// Paragraph style ids Word gives the document's title, folded to lower case: the built-in id
/// and the ids localized templates use.
const TITLE_STYLES: &[&str] = &["title", "titel", "titolo", "titre", "titulo", "título"];

/// WordprocessingML to text: paragraphs and table cells end lines, tabs and breaks kept. The
/// paragraphs styled as the title come apart, in order. Text shown in capitals (`w:caps`,
/// `w:smallCaps` on the run, or a paragraph or character style in `capitalised`) is put in
/// capitals.
fn word_text(
    xml: &[u8],
    rels: &HashMap<String, String>,
    capitalised: &HashSet<String>,
    links: &mut Vec<String>,
) -> Result<(String, Vec<String>), ExtractError> {
    let mut reader = Reader::from_reader(xml);
    let mut out = String::new();
    let mut titles = Vec::new();
    // Where the current paragraph starts in `out`, and whether it is styled as the title.
    let mut paragraph_start = 0;
    let mut title_paragraph = false;
    let mut buf = Vec::new();
    let mut in_text = false;
    // mc:Fallback repeats the text of the mc:Choice before it (text boxes in VML).
    let mut fallback_depth = 0usize;
    // Capitals from the paragraph's style, the run's style, and the run's own property.
    let mut paragraph_caps = false;
    let mut run_style_caps = false;
    let mut run_caps: Option<bool> = None;
    let mut in_run = false;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| ExtractError::corrupt("DOCX", e))?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                b"Fallback" => fallback_depth += 1,
                b"p" if fallback_depth == 0 => {
                    paragraph_start = out.len();
                    title_paragraph = false;
                    paragraph_caps = false;
                }
                b"r" => {
                    in_run = true;
                    run_style_caps = false;
                    run_caps = None;
                }
                b"t" => in_text = true,
                b"hyperlink" => {
                    if let Some(target) = attribute(&e, b"id").and_then(|id| rels.get(&id)) {
                        if !links.contains(target) {
                            links.push(target.clone());
                        }
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"Fallback" => fallback_depth = fallback_depth.saturating_sub(1),
                b"t" => in_text = false,
                b"r" => in_run = false,
                b"p" if fallback_depth == 0 => {
                    let title = out[paragraph_start.min(out.len())..].trim().to_owned();
                    if title_paragraph && !title.is_empty() && titles.len() < 2 {
                        out.truncate(paragraph_start);
                        titles.push(title);
                    }
                    out.push('\n');
                    title_paragraph = false;
                }
                b"tc" if fallback_depth == 0 && !out.ends_with('\n') => out.push('\t'),
                _ => {}
            },
            Event::Empty(e) if fallback_depth == 0 => match e.local_name().as_ref() {
                b"pStyle" => {
                    let style = attribute(&e, b"val");
                    title_paragraph = style
                        .as_ref()
                        .is_some_and(|v| TITLE_STYLES.contains(&v.to_lowercase().as_str()));
                    paragraph_caps = style.is_some_and(|v| capitalised.contains(&v));
                }
                b"rStyle" if in_run => {
                    run_style_caps =
                        attribute(&e, b"val").is_some_and(|v| capitalised.contains(&v));
                }
                b"caps" | b"smallCaps" if in_run => run_caps = Some(is_on(&e)),
                b"tab" => out.push('\t'),
                b"br" | b"cr" => out.push('\n'),
                _ => {}
            },
            Event::Text(t) if in_text && fallback_depth == 0 => {
                let text = t.unescape().map_err(|e| ExtractError::corrupt("DOCX", e))?;
                if run_caps.unwrap_or(run_style_caps || paragraph_caps) {
                    out.push_str(&text.to_uppercase());
                } else {
                    out.push_str(&text);
                }
            }
            Event::DocType(_) => {
                return Err(ExtractError::corrupt(
                    "DOCX",
                    "XML document type declarations are not allowed",
                ))
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok((out, titles))
}

pub(super) fn extract_odt(bytes: &[u8], limits: &Limits) -> Result<Extracted, ExtractError> {
    let mut archive = open(bytes, limits, "ODT")?;
    let content = read_entry(&mut archive, "content.xml", limits, "ODT")?
        .ok_or_else(|| ExtractError::corrupt("ODT", "the archive has no content.xml"))?;
    let mut reader = Reader::from_reader(content.as_slice());
    let mut out = String::new();
    let mut buf = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| ExtractError::corrupt("ODT", e))?;
        match event {
            Event::End(e) if matches!(e.local_name().as_ref(), b"p" | b"h") => out.push('\n'),
            Event::Empty(e) => match e.local_name().as_ref() {
                b"tab" => out.push('\t'),
                b"line-break" => out.push('\n'),
                b"s" => out.push(' '),
                _ => {}
            },
            Event::Text(t) => {
                let text = t.unescape().map_err(|e| ExtractError::corrupt("ODT", e))?;
                out.push_str(&text);
            }
            Event::DocType(_) => {
                return Err(ExtractError::corrupt(
                    "ODT",
                    "XML document type declarations are not allowed",
                ))
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(Extracted {
        text: out,
        pages: 1,
        links: Vec::new(),
        warnings: Vec::new(),
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// A minimal DOCX with the given body XML (inside `<w:body>`) and a header.
    pub(crate) fn docx_bytes(body: &str, header: Option<&str>) -> Vec<u8> {
        let mut buf = Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut buf);
            let opts = zip::write::SimpleFileOptions::default();
            let ns = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;
            zip.start_file("[Content_Types].xml", opts).unwrap();
            zip.write_all(b"<Types/>").unwrap();
            zip.start_file("word/document.xml", opts).unwrap();
            write!(
                zip,
                r#"<?xml version="1.0"?><w:document {ns}><w:body>{body}</w:body></w:document>"#
            )
            .unwrap();
            zip.start_file("word/_rels/document.xml.rels", opts)
                .unwrap();
            zip.write_all(br#"<Relationships><Relationship Id="rId9" Type="hyperlink" Target="https://github.com/janedoe" TargetMode="External"/></Relationships>"#).unwrap();
            if let Some(h) = header {
                zip.start_file("word/header1.xml", opts).unwrap();
                write!(zip, r#"<w:hdr {ns}>{h}</w:hdr>"#).unwrap();
            }
            zip.finish().unwrap();
        }
        buf.into_inner()
    }

    #[test]
    fn reads_paragraphs_tables_headers_and_links() {
        let body = r#"<w:p><w:r><w:t>Jane </w:t></w:r><w:r><w:t>Doe</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Rust</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Go</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p><w:hyperlink r:id="rId9"><w:r><w:t>GitHub</w:t></w:r></w:hyperlink></w:p>"#;
        let header = r#"<w:p><w:r><w:t>jane@example.com</w:t></w:r></w:p>"#;
        let out = extract_docx(&docx_bytes(body, Some(header)), &Limits::default()).unwrap();
        assert_eq!(
            out.text,
            "jane@example.com\n\nJane Doe\nRust\nGo\nGitHub\n\n"
        );
        assert_eq!(out.links, vec!["https://github.com/janedoe"]);
    }

    /// A template that sets the name in a sidebar cell after the experience, styled as the
    /// title: the name came after everything else and the header found none.
    #[test]
    fn name_styled_as_title_in_a_late_table_cell_opens_the_text() {
        let body = r#"<w:p><w:r><w:t>About me</w:t></w:r></w:p>
            <w:p><w:r><w:t>Builds payment systems.</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc>
              <w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Jana Novak</w:t></w:r></w:p>
              <w:p><w:r><w:t>jana@example.org</w:t></w:r></w:p>
            </w:tc></w:tr></w:tbl>"#;
        let got = extract_docx(&docx_bytes(body, None), &Limits::default()).unwrap();
        assert!(got.text.starts_with("Jana Novak\n"), "{:?}", got.text);
        assert_eq!(got.text.matches("Jana Novak").count(), 1, "{:?}", got.text);
        assert!(got.text.contains("jana@example.org"));
    }

    #[test]
    fn text_box_fallback_is_not_read_twice() {
        let body = r#"<w:p><mc:AlternateContent xmlns:mc="m"><mc:Choice><w:txbxContent><w:p><w:r><w:t>Box</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>Box</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:p>"#;
        let out = extract_docx(&docx_bytes(body, None), &Limits::default()).unwrap();
        assert_eq!(out.text.matches("Box").count(), 1);
    }

    #[test]
    fn zip_bomb_part_is_too_large() {
        let body = format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", "A".repeat(200_000));
        let limits = Limits {
            max_xml_bytes: 100_000,
            ..Limits::default()
        };
        let err = extract_docx(&docx_bytes(&body, None), &limits).unwrap_err();
        assert!(matches!(err, ExtractError::TooLarge { .. }), "{err}");
    }

    #[test]
    fn doctype_entity_expansion_is_refused() {
        let mut buf = Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut buf);
            let opts = zip::write::SimpleFileOptions::default();
            zip.start_file("word/document.xml", opts).unwrap();
            zip.write_all(br#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><w:document><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"#).unwrap();
            zip.finish().unwrap();
        }
        let err = extract_docx(&buf.into_inner(), &Limits::default()).unwrap_err();
        assert!(err.to_string().contains("document type"), "{err}");
    }
}
