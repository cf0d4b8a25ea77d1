//! Layout: the document tree → positioned pages (fonts, CJK line breaking, grid,
//! pagination, tables, the illustrated variant's graphics).
//!
//! [`layout_document`] sets every block first ([`paragraph`], [`table`], [`visual`],
//! with the clreq engine in `inline`), then flows the set blocks onto pages of the
//! GB/T 9704 grid ([`flow`]) and numbers the pages ([`page`]). Positions follow the
//! conventions of `geometry`: 28 characters per line at `style.char_pitch()`, 22 lines
//! per page at `style.line_pitch()`, em boxes centred in their line cells. Colours
//! (fills, text colours, charts) come from the palette in [`LayoutOptions`].

mod flow;
pub mod frame;
mod geometry;
mod inline;
mod page;
mod paragraph;
mod table;
pub(crate) mod visual;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod testutil;

use crate::compose::tree::{Block, Document};
use crate::fonts::{FontBook, FontError};
use crate::style::{Colors, Style};

use frame::PagedDocument;

/// Why a document could not be laid out.
#[derive(Debug, thiserror::Error)]
pub enum LayoutError {
    /// A font problem (a character no font has, a missing role font).
    #[error(transparent)]
    Font(#[from] FontError),
    /// A table whose grid cannot be drawn.
    #[error("第 {line} 行的表格无法排版：{message} / cannot lay out the table from line {line}: {message}")]
    Table {
        /// YAML line of the table.
        line: u32,
        /// What is wrong.
        message: String,
    },
}

/// What the layout needs beside the document and the layout file.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutOptions {
    /// The report's palette (`style.colors(report_palette)`): paragraph fills, text
    /// colours and the illustrated variant's graphics.
    pub palette: Colors,
}

impl LayoutOptions {
    /// Options with the layout's default palette.
    pub fn for_style(style: &Style) -> Self {
        Self { palette: style.colors(None) }
    }
}

/// Lay out a document on the pages of `style` with the layout's default palette, with
/// faces from `fonts` (which records every face used, for the PDF writer).
pub fn layout_document(
    doc: &Document,
    style: &Style,
    fonts: &mut FontBook,
) -> Result<PagedDocument, LayoutError> {
    layout_document_with(doc, style, fonts, &LayoutOptions::for_style(style))
}

/// Lay out a document on the pages of `style` in the colours of `options.palette`.
pub fn layout_document_with(
    doc: &Document,
    style: &Style,
    fonts: &mut FontBook,
    options: &LayoutOptions,
) -> Result<PagedDocument, LayoutError> {
    let geometry = geometry::PageGeometry::of(style);
    let palette = &options.palette;
    let ctx = visual::Context::new(style, palette, &geometry);
    let blocks = doc
        .blocks
        .iter()
        .enumerate()
        .map(|(i, block)| match block {
            Block::Paragraph(p) => paragraph::set_paragraph(p, style, palette, &geometry, fonts)
                .map(flow::SetBlock::Paragraph),
            Block::Table(t) => {
                table::set_table(t, style, palette, &geometry, fonts).map(flow::SetBlock::Table)
            }
            Block::Visual(v) => {
                visual::set_visual(v, &ctx, i == 0, fonts).map(flow::SetBlock::Visual)
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut flow = flow::Flow::new(&geometry);
    for (i, block) in blocks.iter().enumerate() {
        match block {
            flow::SetBlock::Paragraph(p) => {
                flow.place_paragraph(p, flow::keep_height(&blocks, i, &geometry))
            }
            flow::SetBlock::Table(t) => flow.place_table(t),
            flow::SetBlock::Visual(v) => flow.place_visual(v),
        }
    }
    let (mut pages, outline) = flow.finish();
    page::number_pages(&mut pages, style, palette, &geometry, fonts)?;
    Ok(PagedDocument { pages, outline })
}

/// Where the layout breaks `par` into lines: the character offsets at which its second
/// and later lines start. The DOCX writer ends a title's lines there, so that Word and
/// LibreOffice break it where the PDF does (balanced, not first fit).
pub(crate) fn line_starts(
    par: &crate::compose::tree::Paragraph,
    style: &Style,
    fonts: &mut FontBook,
) -> Result<Vec<usize>, LayoutError> {
    let geometry = geometry::PageGeometry::of(style);
    let set = paragraph::set_paragraph(par, style, &style.colors(None), &geometry, fonts)?;
    Ok(starts_of(&set.lines))
}

/// Like [`line_starts`] for `text` set balanced in one font into `width` pt (the
/// illustrated title band's title).
pub(crate) fn balanced_line_starts(
    text: &str,
    font: visual::label::Font,
    width: f32,
    fonts: &mut FontBook,
) -> Result<Vec<usize>, LayoutError> {
    Ok(starts_of(&visual::label::balanced(text, font, width, fonts)?))
}

/// The character offsets where the second and later of `lines` start.
fn starts_of(lines: &[inline::SetLine]) -> Vec<usize> {
    let mut at = 0;
    let mut starts = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            starts.push(at);
        }
        at += line.runs.iter().map(|r| r.text.chars().count()).sum::<usize>();
    }
    starts
}
