//! What can go wrong while writing a PDF, in terms of the report (pages, fonts, text).

use std::ops::Range;

use krilla::configure::ValidationError;
use krilla::error::KrillaError;
use krilla::surface::Location;
use krilla::text::Font;

use super::fonts::FontCache;
use super::{page, PdfOptions};
use crate::fonts::FontId;

/// Why a PDF could not be written. Page numbers in messages count from 1; the `page`
/// fields are zero-based indices into [`PagedDocument::pages`](crate::layout::frame::PagedDocument).
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// A page's width or height is not a positive number.
    #[error("page {}: invalid page size {width} × {height} pt", .page + 1)]
    PageSize {
        /// Zero-based page index.
        page: usize,
        /// The width given, in pt.
        width: f32,
        /// The height given, in pt.
        height: f32,
    },
    /// A font face could not be read or embedded.
    #[error("font {name} ({font:?}) cannot be embedded: {message}")]
    Font {
        /// The face in the [`FontBook`](crate::fonts::FontBook).
        font: FontId,
        /// Its PostScript name, when readable.
        name: String,
        /// What went wrong.
        message: String,
    },
    /// A glyph's `text_range` does not select characters of its run's text.
    #[error("page {}: a glyph of 「{text}」 covers bytes {range:?}, which is not a part of that text", .page + 1)]
    TextRange {
        /// Zero-based page index.
        page: usize,
        /// The run's text.
        text: String,
        /// The glyph's byte range.
        range: Range<usize>,
    },
    /// An image could not be decoded.
    #[error("page {}: cannot read image: {message}", .page + 1)]
    Image {
        /// Zero-based page index.
        page: usize,
        /// The decoder's message.
        message: String,
    },
    /// A bookmark points at a page the document does not have.
    #[error("bookmark 「{title}」 points at page {}, but the document has {pages} pages", .page + 1)]
    OutlineTarget {
        /// The bookmark's title.
        title: String,
        /// Zero-based index of the missing page.
        page: usize,
        /// Number of pages.
        pages: usize,
    },
    /// The file would break a rule of the requested standard (see
    /// [`PdfOptions::pdf_a`]).
    #[error("the PDF would not conform to {standard}: {}", .problems.join("; "))]
    Conformance {
        /// The standard, e.g. `PDF/A-2b`.
        standard: &'static str,
        /// One readable line per broken rule.
        problems: Vec<String>,
    },
    /// Any other failure of the PDF library.
    #[error("PDF export failed: {0}")]
    Export(String),
}

/// Translates a krilla error into the report's terms.
pub(super) fn from_krilla(err: KrillaError, opts: &PdfOptions, fonts: &FontCache) -> PdfError {
    match err {
        KrillaError::Validation(errors) => PdfError::Conformance {
            standard: if opts.pdf_a { "PDF/A-2b" } else { "PDF" },
            problems: errors.iter().map(|(error, _)| describe(error, fonts)).collect(),
        },
        KrillaError::Font(font, message) => match fonts.id_of(&font) {
            Some(id) => PdfError::Font { font: id, name: fonts.name(id), message },
            None => PdfError::Export(format!("font cannot be embedded: {message}")),
        },
        KrillaError::Image(_, Some(location), message) => {
            PdfError::Image { page: page::page_of(location), message }
        }
        other => PdfError::Export(other.to_string()),
    }
}

/// One readable line for a broken rule.
fn describe(error: &ValidationError, fonts: &FontCache) -> String {
    match error {
        ValidationError::ContainsNotDefGlyph(font, location, text) => format!(
            "{}the font {} has no glyph for 「{text}」 (.notdef)",
            on_page(*location),
            font_name(font, fonts)
        ),
        ValidationError::RestrictedLicense(font) => {
            format!("the licence of font {} forbids embedding", font_name(font, fonts))
        }
        ValidationError::MissingDocumentDate => {
            "the report has no date (PDF/A requires a creation date)".to_owned()
        }
        other => format!("{other:?}"),
    }
}

fn on_page(location: Option<Location>) -> String {
    location.map(|l| format!("page {}: ", page::page_of(l) + 1)).unwrap_or_default()
}

fn font_name(font: &Font, fonts: &FontCache) -> String {
    fonts.id_of(font).map_or_else(|| "(unknown)".to_owned(), |id| fonts.name(id))
}
