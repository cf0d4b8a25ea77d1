//! A small XML tree for post-processing the parts docx-rs writes.
//!
//! docx-rs serializes straight to bytes, so everything it cannot express (repeating
//! header rows, `w:firstLineChars`, kinsoku settings, the font table, document
//! properties) is added here: a part is parsed into an [`Element`] tree with
//! quick-xml, changed node by node, and written back. No string replacement on XML
//! text anywhere — attributes and text are unescaped on reading and escaped on
//! writing, so a `&` in a report title stays a `&amp;`.
//!
//! Whitespace between elements is dropped (docx-rs writes none that matters, and
//! OOXML gives it no meaning); text inside `w:t` and `w:instrText` is kept verbatim.

use quick_xml::events::Event;
use quick_xml::Reader;

/// An XML part could not be parsed.
#[derive(Debug, thiserror::Error)]
#[error("XML part `{part}` is malformed: {message}")]
pub struct XmlError {
    /// The part's name in the package.
    pub part: String,
    /// What quick-xml said.
    pub message: String,
}

/// An element: qualified name, attributes in document order, children.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Element {
    /// Qualified name as written (`w:pPr`).
    pub name: String,
    /// Attributes, unescaped, in order.
    pub attrs: Vec<(String, String)>,
    /// Child nodes.
    pub children: Vec<Node>,
}

/// A child of an [`Element`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Node {
    /// A nested element.
    Element(Element),
    /// Character data, unescaped.
    Text(String),
}

impl Element {
    /// An empty element.
    pub fn new(name: impl Into<String>) -> Self {
        Element { name: name.into(), attrs: Vec::new(), children: Vec::new() }
    }

    /// Builder: add an attribute.
    pub fn attr(mut self, key: &str, value: impl Into<String>) -> Self {
        self.set_attr(key, value);
        self
    }

    /// Builder: add a child element.
    pub fn child(mut self, child: Element) -> Self {
        self.children.push(Node::Element(child));
        self
    }

    /// Builder: add a text node.
    pub fn text(mut self, text: impl Into<String>) -> Self {
        self.children.push(Node::Text(text.into()));
        self
    }

    /// The value of an attribute.
    pub fn get_attr(&self, key: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    /// Set (or replace) an attribute, keeping its position if it exists.
    pub fn set_attr(&mut self, key: &str, value: impl Into<String>) {
        let value = value.into();
        match self.attrs.iter_mut().find(|(k, _)| k == key) {
            Some(slot) => slot.1 = value,
            None => self.attrs.push((key.to_string(), value)),
        }
    }

    /// Remove an attribute.
    pub fn remove_attr(&mut self, key: &str) {
        self.attrs.retain(|(k, _)| k != key);
    }

    /// The child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The child elements, mutably.
    pub fn elements_mut(&mut self) -> impl Iterator<Item = &mut Element> {
        self.children.iter_mut().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element called `name`.
    #[cfg(test)]
    pub fn find(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// The first child element called `name`, mutably.
    pub fn find_mut(&mut self, name: &str) -> Option<&mut Element> {
        self.elements_mut().find(|e| e.name == name)
    }

    /// The first child called `name`, created (appended) if missing. The caller
    /// restores schema order afterwards ([`super::schema::normalize`]).
    pub fn find_or_insert(&mut self, name: &str) -> &mut Element {
        let pos =
            self.children.iter().position(|n| matches!(n, Node::Element(e) if e.name == name));
        let pos = pos.unwrap_or_else(|| {
            self.children.push(Node::Element(Element::new(name)));
            self.children.len() - 1
        });
        match &mut self.children[pos] {
            Node::Element(e) => e,
            Node::Text(_) => unreachable!("position points at an element"),
        }
    }

    /// Replace the first child with the same name as `child`, or append it.
    pub fn set_child(&mut self, child: Element) {
        match self.find_mut(&child.name) {
            Some(slot) => *slot = child,
            None => self.children.push(Node::Element(child)),
        }
    }

    /// Remove every child element called `name`.
    pub fn remove(&mut self, name: &str) {
        self.children.retain(|n| !matches!(n, Node::Element(e) if e.name == name));
    }

    /// The concatenated text of this element and its descendants.
    #[cfg(test)]
    pub fn text_content(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    #[cfg(test)]
    fn collect_text(&self, out: &mut String) {
        for child in &self.children {
            match child {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => e.collect_text(out),
            }
        }
    }
}

/// Whether whitespace-only text inside an element with this name is content.
fn keeps_whitespace(name: &str) -> bool {
    matches!(name, "w:t" | "w:instrText" | "w:delText")
}

/// Parse a part into its root element. `part` names it in errors.
pub(crate) fn parse(bytes: &[u8], part: &str) -> Result<Element, XmlError> {
    let err = |message: String| XmlError { part: part.to_string(), message };
    let mut reader = Reader::from_reader(bytes);
    let mut stack: Vec<Element> = vec![Element::new("#document")];
    loop {
        let event = reader.read_event().map_err(|e| err(e.to_string()))?;
        match event {
            Event::Start(start) => stack.push(start_element(&start).map_err(err)?),
            Event::Empty(start) => {
                let element = start_element(&start).map_err(err)?;
                let parent = stack.last_mut().expect("document node stays on the stack");
                parent.children.push(Node::Element(element));
            }
            Event::End(_) => {
                let element = stack.pop().expect("quick-xml checks end tags");
                let parent = stack.last_mut().ok_or_else(|| err("unbalanced end tag".into()))?;
                parent.children.push(Node::Element(element));
            }
            Event::Text(text) => {
                let text = text.unescape().map_err(|e| err(e.to_string()))?;
                let parent = stack.last_mut().expect("document node stays on the stack");
                if keeps_whitespace(&parent.name) || !text.trim().is_empty() {
                    parent.children.push(Node::Text(text.into_owned()));
                }
            }
            Event::CData(data) => {
                let text = String::from_utf8_lossy(&data.into_inner()).into_owned();
                let parent = stack.last_mut().expect("document node stays on the stack");
                parent.children.push(Node::Text(text));
            }
            Event::Eof => break,
            // Declaration, comments, processing instructions: rewritten on output.
            _ => {}
        }
    }
    let document =
        stack.pop().filter(|_| stack.is_empty()).ok_or_else(|| err("unclosed element".into()))?;
    document
        .children
        .into_iter()
        .find_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
        .ok_or_else(|| err("no root element".into()))
}

fn start_element(start: &quick_xml::events::BytesStart<'_>) -> Result<Element, String> {
    let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
    let mut element = Element::new(name);
    for attr in start.attributes() {
        let attr = attr.map_err(|e| e.to_string())?;
        let key = String::from_utf8_lossy(attr.key.as_ref()).into_owned();
        let value = attr.unescape_value().map_err(|e| e.to_string())?.into_owned();
        element.attrs.push((key, value));
    }
    Ok(element)
}

/// Serialize a root element as a standalone UTF-8 part.
pub(crate) fn write(root: &Element) -> Vec<u8> {
    let mut out = Vec::with_capacity(4096);
    out.extend_from_slice(b"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n");
    write_element(root, &mut out);
    out
}

fn write_element(e: &Element, out: &mut Vec<u8>) {
    out.push(b'<');
    out.extend_from_slice(e.name.as_bytes());
    for (k, v) in &e.attrs {
        out.push(b' ');
        out.extend_from_slice(k.as_bytes());
        out.extend_from_slice(b"=\"");
        out.extend_from_slice(quick_xml::escape::escape(v.as_str()).as_bytes());
        out.push(b'"');
    }
    if e.children.is_empty() {
        out.extend_from_slice(b"/>");
        return;
    }
    out.push(b'>');
    for child in &e.children {
        match child {
            Node::Element(c) => write_element(c, out),
            Node::Text(t) => {
                out.extend_from_slice(quick_xml::escape::escape(t.as_str()).as_bytes())
            }
        }
    }
    out.extend_from_slice(b"</");
    out.extend_from_slice(e.name.as_bytes());
    out.push(b'>');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_escapes_and_keeps_run_text() {
        let src =
            br#"<?xml version="1.0"?><w:document a="x &amp; y"><w:t xml:space="preserve"> </w:t>
            <w:t>A&lt;B</w:t><w:b/></w:document>"#;
        let root = parse(src, "test").unwrap();
        assert_eq!(root.get_attr("a"), Some("x & y"));
        assert_eq!(root.children.len(), 3, "whitespace between elements is dropped");
        assert_eq!(root.text_content(), " A<B");
        let out = String::from_utf8(write(&root)).unwrap();
        assert!(out.ends_with(
            r#"<w:document a="x &amp; y"><w:t xml:space="preserve"> </w:t><w:t>A&lt;B</w:t><w:b/></w:document>"#
        ));
    }

    #[test]
    fn malformed_part_is_an_error() {
        assert!(parse(b"<a><b></a>", "bad").is_err());
    }
}
