//! A minimal XML writer: elements are written in the order the caller calls it, so the
//! caller controls the schema sequence; every text and attribute value is escaped.

use std::fmt::{Display, Write as _};

/// The XML declaration every part starts with.
pub(super) const DECLARATION: &str =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Builds an XML string.
pub(super) struct Xml {
    out: String,
}

impl Xml {
    /// A new document, starting with the XML declaration.
    pub(super) fn new() -> Self {
        Xml { out: String::from(DECLARATION) }
    }

    /// An empty fragment (no declaration).
    pub(super) fn fragment() -> Self {
        Xml { out: String::new() }
    }

    fn start(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        for (k, v) in attrs {
            // Writing into a String cannot fail.
            let _ = write!(self.out, " {k}=\"{}\"", escape(v));
        }
    }

    /// `<name attrs…>`.
    pub(super) fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.start(name, attrs);
        self.out.push('>');
        self
    }

    /// `</name>`.
    pub(super) fn close(&mut self, name: &str) -> &mut Self {
        let _ = write!(self.out, "</{name}>");
        self
    }

    /// `<name attrs…/>`.
    pub(super) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.start(name, attrs);
        self.out.push_str("/>");
        self
    }

    /// `<name val="v"/>`, the shape of most DrawingML chart properties.
    pub(super) fn val(&mut self, name: &str, v: impl Display) -> &mut Self {
        let v = v.to_string();
        self.empty(name, &[("val", &v)])
    }

    /// `<name>text</name>`.
    pub(super) fn text(&mut self, name: &str, text: &str) -> &mut Self {
        let _ = write!(self.out, "<{name}>{}</{name}>", escape(text));
        self
    }

    /// Raw, already well-formed XML.
    pub(super) fn raw(&mut self, xml: &str) -> &mut Self {
        self.out.push_str(xml);
        self
    }

    /// The XML written so far.
    pub(super) fn finish(self) -> String {
        self.out
    }
}

/// Escapes text for element content and attribute values (both quote kinds, so that the
/// result is safe in either), and drops characters XML 1.0 forbids (§2.2 Char: C0
/// controls other than tab, newline and carriage return; U+FFFE, U+FFFF).
pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(ch),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}
