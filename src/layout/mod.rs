//! Layout: the document tree → positioned pages (fonts, CJK line breaking, grid,
//! pagination, tables).
//!
//! [`layout_document`] sets every block first ([`paragraph`], [`table`], with the
//! clreq engine in `inline`), then flows the set blocks onto pages of the GB/T 9704
//! grid ([`flow`]) and numbers the pages ([`page`]). Positions follow the conventions
//! of `geometry`: 28 characters per line at `style.char_pitch()`, 22 lines per page
//! at `style.line_pitch()`, em boxes centred in their line cells.

mod flow;
pub mod frame;
mod geometry;
mod inline;
mod page;
mod paragraph;
mod table;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod testutil;

use crate::compose::tree::{Block, Document};
use crate::fonts::{FontBook, FontError};
use crate::style::Style;

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

/// Lay out a document on the pages of `style`, with faces from `fonts` (which records
/// every face used, for the PDF writer).
pub fn layout_document(
    doc: &Document,
    style: &Style,
    fonts: &mut FontBook,
) -> Result<PagedDocument, LayoutError> {
    let geometry = geometry::PageGeometry::of(style);
    let blocks =
        doc.blocks
            .iter()
            // Visual blocks belong to the illustrated variant (layout in progress).
            .filter(|block| !matches!(block, Block::Visual(_)))
            .map(|block| match block {
                Block::Paragraph(p) => paragraph::set_paragraph(p, style, &geometry, fonts)
                    .map(flow::SetBlock::Paragraph),
                Block::Table(t) => {
                    table::set_table(t, style, &geometry, fonts).map(flow::SetBlock::Table)
                }
                Block::Visual(_) => unreachable!("filtered above"),
            })
            .collect::<Result<Vec<_>, _>>()?;
    let mut flow = flow::Flow::new(&geometry);
    for (i, block) in blocks.iter().enumerate() {
        match block {
            flow::SetBlock::Paragraph(p) => {
                flow.place_paragraph(p, flow::keep_height(&blocks, i, &geometry))
            }
            flow::SetBlock::Table(t) => flow.place_table(t),
        }
    }
    let (mut pages, outline) = flow.finish();
    page::number_pages(&mut pages, style, &geometry, fonts)?;
    Ok(PagedDocument { pages, outline })
}
