//! Which Word styles set their text in capitals (`w:caps`, `w:smallCaps` in a style's run
//! properties, through its `basedOn` chain): templates type a name or a heading in lower
//! case and let the style show it in capitals, and the text must read as it is shown.

use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::{HashMap, HashSet};

/// How many `basedOn` steps are followed: a loop in a hostile file ends there.
const MAX_BASED_ON: usize = 16;

/// The ids of the styles of `styles.xml` whose text shows in capitals.
pub(crate) fn capitalised_styles(xml: &[u8]) -> HashSet<String> {
    // style id → (based on, caps of its own run properties if it says).
    let mut styles: HashMap<String, (Option<String>, Option<bool>)> = HashMap::new();
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut current: Option<String> = None;
    let mut in_run_properties = false;
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        match &event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"style" => {
                    current = attribute(e, b"styleId");
                    if let Some(id) = &current {
                        styles.entry(id.clone()).or_default();
                    }
                }
                b"rPr" if matches!(event, Event::Start(_)) => in_run_properties = true,
                b"basedOn" => {
                    if let Some(entry) = current.as_ref().and_then(|id| styles.get_mut(id)) {
                        entry.0 = attribute(e, b"val");
                    }
                }
                b"caps" | b"smallCaps" if in_run_properties => {
                    if let Some(entry) = current.as_ref().and_then(|id| styles.get_mut(id)) {
                        entry.1 = Some(is_on(e));
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"style" => current = None,
                b"rPr" => in_run_properties = false,
                _ => {}
            },
            _ => {}
        }
        buf.clear();
    }
    styles
        .keys()
        .filter(|id| {
            let mut id = id.as_str();
            for _ in 0..MAX_BASED_ON {
                match styles.get(id) {
                    Some((_, Some(caps))) => return *caps,
                    Some((Some(parent), None)) => id = parent,
                    _ => return false,
                }
            }
            false
        })
        .cloned()
        .collect()
}

/// A toggle property's value: on unless `w:val` says "0", "false" or "off".
pub(crate) fn is_on(e: &quick_xml::events::BytesStart) -> bool {
    !matches!(attribute(e, b"val").as_deref(), Some("0" | "false" | "off"))
}

/// The value of the attribute whose local name is `name`.
pub(crate) fn attribute(e: &quick_xml::events::BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.unescape_value().ok())
        .map(|v| v.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_in_capitals_and_those_based_on_them() {
        let xml = br#"<w:styles xmlns:w="w">
            <w:style w:styleId="Name"><w:rPr><w:caps/><w:b/></w:rPr></w:style>
            <w:style w:styleId="NameBig"><w:basedOn w:val="Name"/></w:style>
            <w:style w:styleId="Plain"><w:basedOn w:val="Name"/><w:rPr><w:caps w:val="0"/></w:rPr></w:style>
            <w:style w:styleId="Small"><w:rPr><w:smallCaps/></w:rPr></w:style>
            <w:style w:styleId="Loop"><w:basedOn w:val="Loop"/></w:style>
            <w:style w:styleId="Normal"/>
        </w:styles>"#;
        let mut found: Vec<String> = capitalised_styles(xml).into_iter().collect();
        found.sort();
        assert_eq!(found, ["Name", "NameBig", "Small"]);
    }
}
