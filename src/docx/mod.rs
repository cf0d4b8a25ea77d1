//! DOCX writer: the document tree of [`crate::compose`] → an editable Word document
//! that looks like our PDF.
//!
//! DOCX is a flow format — Word, WPS and LibreOffice lay the text out again — so this
//! writer reads the same [`Document`] tree as the PDF layout, not its positioned pages,
//! and tells the word processor to set it the way the PDF engine did:
//!
//! * **Page and grid** (`geometry`): the layout's paper and margins; a lines-only
//!   document grid of `lines_per_page` lines (`w:docGrid w:type="lines"`, pitch rounded
//!   down so that 22 lines fit after Word rounds the margins); a negative character
//!   spacing on the grid roles so that `chars_per_line` full-width characters fill a
//!   line (−5 twips: 15.75 pt a character for 16 pt text; the PDF's pitch is 15.79 pt).
//!   A `linesAndChars` grid is not used: LibreOffice 7.4 gives each 16 pt character two
//!   cells of such a grid (measured: 18 characters a line, 14 pages instead of 9).
//! * **Odd/even footers** with the page number 「— N —」 (a `PAGE` field) where
//!   GB/T 9704 7.5 and the PDF put it: 14 pt, its line's top 7 mm under the type area,
//!   odd pages right and even pages left, one grid character in from the type area.
//! * **Named styles** per role (`styles`) with East-Asian and Latin fonts, sizes,
//!   indents in characters, kinsoku on, hanging punctuation off (see [`Punctuation`]),
//!   Han–Latin auto-spacing on, no widow control — so an edit keeps the format.
//! * **Fonts** (`fonts`, `embed`): every character is resolved through the same
//!   [`FontBook`] as the PDF and put in the `w:rFonts` slot Word will read for it; the
//!   faces are embedded as obfuscated TrueType subsets where their licence allows.
//! * **Tables** as real merged cells (`w:gridSpan`, `w:vMerge`), header rows repeating
//!   (`w:tblHeader`), rows that do not split, widths in twips equal to the PDF's, the
//!   PDF's row heights.
//! * **Titles** break where the PDF's balanced title breaks: the layout engine sets
//!   the title and reports its line starts ([`crate::layout`]), and the writer ends
//!   the lines there with `w:br`.
//!
//! The pipeline: `build` maps the tree to docx-rs structures; docx-rs serializes them;
//! `patch` parses its parts (`xml`) and adds what docx-rs cannot express, replaces the
//! settings, font table and document properties (`props`, `theme`), and puts every
//! property container into schema order (`schema`) — docx-rs writes some out of order,
//! which makes Word "repair" a file; `package` zips the parts with fixed timestamps and
//! order, so the same input always gives the same bytes.
//!
//! What LibreOffice does with the result is measured by `tests/docx_fidelity.rs`: the
//! same page count as our PDF, 92–95 % of the body lines ending at the same character
//! (the rest differ because the PDF trims line-end punctuation to half width, which
//! neither Word nor LibreOffice can be told to do), every character present.
//!
//! ```no_run
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use nianbao::docx::{write_docx, DocxOptions};
//! use nianbao::fonts::{FontBook, FontOptions};
//! use nianbao::style::Style;
//!
//! let (report, _) = nianbao::model::load(std::path::Path::new("samples/qianshan-2019.yaml"))?;
//! let style = Style::official();
//! let doc = nianbao::compose::compose(&report, &style)?;
//! let fonts = FontBook::new(&style, &FontOptions::default())?;
//! let bytes = write_docx(&doc, &style, &fonts, &DocxOptions::default())?;
//! std::fs::write("report.docx", bytes)?;
//! # Ok(())
//! # }
//! ```

mod build;
mod embed;
mod error;
mod fonts;
mod geometry;
mod package;
mod patch;
mod props;
mod schema;
mod styles;
mod theme;
mod visual;
mod xml;

#[cfg(test)]
mod tests;

use crate::compose::tree::Document;
use crate::fonts::FontBook;
use crate::style::{Colors, Style};

pub use embed::EmbedReport;
pub use error::DocxError;
pub use xml::XmlError;

/// WordprocessingML main namespace.
pub(crate) const NS_W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// Office document relationships namespace (`r:id`).
pub(crate) const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/// Package relationships namespace (`.rels` parts).
pub(crate) const NS_PKG_RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

/// How to write the DOCX.
#[derive(Clone, Debug, PartialEq)]
pub struct DocxOptions {
    /// Embed the fonts the document uses, subset to its characters, so that it looks
    /// the same where they are not installed. Only TrueType outlines are embedded
    /// (CFF faces through their conversion in `ttf/` beside them), and only faces whose
    /// licence (`OS/2.fsType`) allows editable embedding; the others are still named,
    /// so a machine that has them installed uses them. Default: `true`.
    pub embed_fonts: bool,
    /// Which reading of `w:overflowPunct` to write "no hanging punctuation" for.
    /// Default: [`Punctuation::Word`].
    pub punctuation: Punctuation,
    /// Deflate level for the ZIP entries (0–9; 0 stores). Default: `3` — on
    /// qianshan-2019, level 3 gives 340 KB in 23 ms, level 6 334 KB in 27 ms, level 1
    /// 426 KB in 17 ms (release, a loaded 2-core machine).
    pub compression_level: u8,
    /// The palette of the illustrated layouts' colours (text, fills, shading, cards,
    /// charts); `None`: the layout's default palette.
    pub palette: Option<Colors>,
}

impl Default for DocxOptions {
    fn default() -> Self {
        Self {
            embed_fonts: true,
            punctuation: Punctuation::Word,
            compression_level: 3,
            palette: None,
        }
    }
}

/// How a DOCX says that punctuation must not hang into the margin (the PDF never
/// hangs it: GB/T 15834 keeps line ends flush).
///
/// ISO/IEC 29500-1 §17.3.1.21 says `w:overflowPunct w:val="0"`, and Word and WPS read
/// it so. LibreOffice (7.4, and its DOCX import to this day) maps the element the other
/// way round — `0` becomes "hanging allowed" — and its PDF export then *drops* the
/// marks that hang (measured on qianshan-2019: 5 of 4244 characters missing and 72 %
/// of line ends as in our PDF, against none missing and 92 % with `1`). No single value
/// is right for both, so the writer asks which reader the file is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Punctuation {
    /// `w:val="0"`: no hanging in Word and WPS (the standard's reading); LibreOffice
    /// hangs and drops line-end punctuation.
    #[default]
    Word,
    /// `w:val="1"`: no hanging in LibreOffice; Word and WPS hang 、，。 into the margin
    /// where the PDF moves a character to the next line.
    LibreOffice,
}

/// A written DOCX and what happened to its fonts.
#[derive(Clone, Debug)]
pub struct DocxOutput {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// One entry per face the document sets text in: embedded (with its subset size)
    /// or skipped (with the reason).
    pub fonts: Vec<EmbedReport>,
}

/// Write `doc` as a DOCX laid out by `style`, with the fonts `fonts` resolves (the
/// same [`FontBook`] the PDF layout uses).
///
/// Returns the bytes of the file; the same arguments always give the same bytes.
pub fn write_docx(
    doc: &Document,
    style: &Style,
    fonts: &FontBook,
    opts: &DocxOptions,
) -> Result<Vec<u8>, DocxError> {
    write_docx_with_report(doc, style, fonts, opts).map(|out| out.bytes)
}

/// Like [`write_docx`], also reporting which fonts were embedded.
pub fn write_docx_with_report(
    doc: &Document,
    style: &Style,
    fonts: &FontBook,
    opts: &DocxOptions,
) -> Result<DocxOutput, DocxError> {
    let geo = geometry::Geometry::of(style);
    let palette = opts.palette.clone().unwrap_or_else(|| style.colors(None));
    let mut plan = fonts::FontPlan::new(fonts)?;
    let formats = styles::formats(style, &geo, &plan, &palette);
    let cx = build::Context {
        style,
        geo: &geo,
        formats: &formats,
        punctuation: opts.punctuation,
        palette: &palette,
    };
    let docx = build::document(doc, &cx, &mut plan)?;
    let mut visuals = visual::visuals(doc, &cx, &mut plan)?;
    // Subsetting the fonts and patching docx-rs's XML are independent: one thread each.
    let (table, xml) = std::thread::scope(|scope| {
        let fonts = scope.spawn(|| embed::font_table(&plan, opts.embed_fonts));
        let xml = patch::xml_parts(docx.build(), doc, &cx, &mut visuals);
        (fonts.join().expect("the font thread panicked"), xml)
    });
    let report = table.report.clone();
    let parts = patch::assemble(xml?, doc, table, visuals);
    let bytes = package::zip(parts, opts.compression_level)?;
    Ok(DocxOutput { bytes, fonts: report })
}
