//! Shared test fixtures: the official style and a bundled-only font book, built once.

use std::sync::OnceLock;

use crate::compose::tree::{Align, Inline, Paragraph, Role, Src};
use crate::fonts::{FontBook, FontOptions};
use crate::style::Style;

/// The official layout.
pub(crate) fn style() -> &'static Style {
    static STYLE: OnceLock<Style> = OnceLock::new();
    STYLE.get_or_init(Style::official)
}

/// A bundled-only font book (cloned from one built once, with the faces of every
/// role already read).
pub(crate) fn fonts() -> FontBook {
    static BOOK: OnceLock<FontBook> = OnceLock::new();
    BOOK.get_or_init(|| {
        let mut book =
            FontBook::new(style(), &FontOptions { system_fonts: false }).expect("bundled fonts");
        for role in Role::ALL {
            for ch in ['中', '1'] {
                book.glyph(role, false, ch, 0).expect("bundled glyph");
                book.glyph(role, true, ch, 0).expect("bundled glyph");
            }
        }
        book
    })
    .clone()
}

/// A body paragraph: 2-character indent, justified.
pub(crate) fn body(text: &str) -> Paragraph {
    paragraph(Role::Body, text, 2.0, Align::Justify)
}

/// A paragraph of one run.
pub(crate) fn paragraph(role: Role, text: &str, indent_chars: f32, align: Align) -> Paragraph {
    Paragraph {
        role,
        inlines: vec![Inline::plain(text, Src::at(1))],
        indent_chars,
        align,
        keep_with_next: false,
        outline_level: None,
        space_before_lines: 0.0,
        space_after_lines: 0.0,
    }
}

/// `n` distinct-looking Han characters (cycling through a short list).
pub(crate) fn han(n: usize) -> String {
    "政府信息公开工作年度报告主动依申请办理情况".chars().cycle().take(n).collect()
}

/// Approximate equality for pt values.
pub(crate) fn close(a: f32, b: f32) -> bool {
    (a - b).abs() < 0.02
}
