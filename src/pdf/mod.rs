//! PDF writer: walks the positioned pages of [`crate::layout`] and paints them with
//! [krilla](https://docs.rs/krilla).
//!
//! The writer measures nothing and breaks nothing: every glyph id, advance and position
//! comes from the layout. krilla embeds and subsets every font, writes the ToUnicode
//! maps (so copied text is exactly [`TextRun::text`](crate::layout::frame::TextRun)),
//! the bookmarks, the document information and XMP metadata and, by default, the
//! PDF/A-2b conformance parts (an sRGB output intent and the PDF/A identification).
//!
//! Output is deterministic: the dates come from [`Meta::date`], never from the clock,
//! and krilla derives the file identifiers from the title, author and content, so the
//! same input always gives the same bytes.
//!
//! Modules: `fonts` (one krilla font per face), `page` (painting one page), `docinfo`
//! (metadata and bookmarks), `error` (what can go wrong).

mod docinfo;
mod error;
mod fonts;
mod page;

#[cfg(test)]
mod tests;

use krilla::configure::{Archival, ConfigurationBuilder};
use krilla::page::PageSettings;
use krilla::tagging::TagTree;
use krilla::{Document, SerializeSettings};

use crate::compose::tree::Meta;
use crate::fonts::FontBook;
use crate::layout::frame::PagedDocument;

pub use error::PdfError;

/// How to write the PDF.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PdfOptions {
    /// Write PDF/A-2b (ISO 19005-2, level B): an archival PDF whose appearance is fully
    /// self-contained. Export fails with [`PdfError::Conformance`] instead of writing a
    /// file that breaks a rule, e.g. when the report has no date or a glyph is missing
    /// (`.notdef`) from its font. Default: `true`.
    pub pdf_a: bool,
    /// Add a structure tree (tagged PDF) in reading order: each line of text is a
    /// paragraph (`P`), images are figures and rules, boxes and chart shapes are layout
    /// artifacts. The layout carries no finer semantics (headings, table cells), so this
    /// helps reflow and screen readers only a little. Default: `false`.
    pub tagged: bool,
    /// Compress the page content streams (Flate). Turn off only to read them while
    /// debugging. Default: `true`.
    pub compress: bool,
}

impl Default for PdfOptions {
    fn default() -> Self {
        Self { pdf_a: true, tagged: false, compress: true }
    }
}

/// Writes `doc` as a PDF, with the faces of `fonts` embedded and `meta` as the document
/// properties.
///
/// Returns the bytes of the file; the same arguments always give the same bytes.
pub fn write_pdf(
    doc: &PagedDocument,
    fonts: &FontBook,
    meta: &Meta,
    opts: &PdfOptions,
) -> Result<Vec<u8>, PdfError> {
    docinfo::check_outline(&doc.outline, doc.pages.len())?;

    let mut document = Document::new_with(settings(opts));
    let mut font_cache = fonts::FontCache::new(fonts);
    let mut tags = TagTree::new().with_lang(Some(docinfo::language(meta).to_owned()));

    for (index, page) in doc.pages.iter().enumerate() {
        let settings = PageSettings::from_wh(page.width, page.height)
            .ok_or(PdfError::PageSize { page: index, width: page.width, height: page.height })?;
        let mut pdf_page = document.start_page_with(settings);
        let mut surface = pdf_page.surface();
        let painted = page::paint(&mut surface, page, index, &mut font_cache);
        surface.finish();
        pdf_page.finish();
        for node in painted? {
            tags.push(node);
        }
    }

    document.set_outline(docinfo::outline(&doc.outline));
    document.set_metadata(docinfo::metadata(meta));
    // Ignored by krilla unless `opts.tagged` enabled tagging in the settings.
    document.set_tag_tree(tags);

    document.finish().map_err(|err| error::from_krilla(err, opts, &font_cache))
}

/// The krilla settings for `opts`.
fn settings(opts: &PdfOptions) -> SerializeSettings {
    let mut configuration = ConfigurationBuilder::new();
    if opts.pdf_a {
        configuration = configuration.with_archival_validator(Archival::A2_B);
    }
    SerializeSettings {
        compress_content_streams: opts.compress,
        enable_tagging: opts.tagged,
        configuration: configuration
            .finish()
            .expect("PDF/A-2b alone is a valid krilla configuration"),
        ..SerializeSettings::default()
    }
}
