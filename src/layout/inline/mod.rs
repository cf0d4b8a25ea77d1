//! Inline layout: setting a paragraph's text into lines by the rules of W3C clreq for
//! mainland official documents.
//!
//! The stages, one module each:
//! [`class`] (character classes, prohibitions) → [`cluster`] (itemize, resolve
//! glyphs) → [`boundary`] (break opportunities and space kinds) → [`breaker`] (choose
//! breaks) → [`linebox`] (grid snapping, reduction, expansion) → [`emit`] (glyph runs).
//!
//! Full-width characters are set on a fixed cell: the grid pitch (15.79 pt for 16 pt
//! text on the official page, i.e. 28 characters per line), or the font size for solid
//! setting (title, tables).

mod boundary;
mod breaker;
pub(crate) mod class;
mod cluster;
mod emit;
mod linebox;
#[cfg(test)]
mod tests;

use crate::compose::tree::Align;
use crate::fonts::{FontBook, FontError};

pub(crate) use cluster::Span;
pub(crate) use emit::SetLine;

use boundary::Boundary;
use breaker::LineGeometry;
use cluster::Cluster;
use linebox::{LineBox, EPS};

/// A paragraph ready for breaking.
pub(crate) struct Prepared {
    /// The clusters.
    pub clusters: Vec<Cluster>,
    /// `bounds[i]` lies before `clusters[i]`.
    pub bounds: Vec<Boundary>,
    /// The paragraph's grid cell (one full-width character), in pt.
    pub cell: f32,
}

/// How to set a paragraph.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Measure {
    /// Available width in pt.
    pub width: f32,
    /// First-line indent in pt.
    pub first_indent: f32,
    /// Alignment.
    pub align: Align,
    /// Break into balanced lines (titles) instead of first fit.
    pub balance: bool,
    /// Cell width per pt of font size (grid pitch / body size, or 1 for solid setting).
    pub cell_scale: f32,
    /// The paragraph's own cell, in pt.
    pub cell: f32,
}

impl LineGeometry for Measure {
    fn line(&self, n: usize) -> (f32, f32) {
        if n == 0 {
            (self.first_indent, self.width - self.first_indent)
        } else {
            (0.0, self.width)
        }
    }
}

/// Set `spans` into lines.
pub(crate) fn set_text(
    spans: &[Span<'_>],
    measure: &Measure,
    fonts: &mut FontBook,
) -> Result<Vec<SetLine>, FontError> {
    let clusters = cluster::itemize(spans, measure.cell_scale, fonts)?;
    if clusters.is_empty() {
        return Ok(Vec::new());
    }
    let bounds = boundary::boundaries(&clusters);
    let par = Prepared { clusters, bounds, cell: measure.cell };
    let ranges = if measure.balance {
        breaker::balanced(&par, measure)
    } else {
        let fix_orphan = matches!(measure.align, Align::Justify | Align::Left);
        breaker::first_fit(&par, measure, fix_orphan)
    };
    let last = ranges.len() - 1;
    let lines = ranges
        .into_iter()
        .enumerate()
        .map(|(n, range)| {
            let (origin, available) = measure.line(n);
            let mut line = LineBox::natural(&par, range, origin);
            if line.width() > available + EPS {
                line.reduce_to(&par, available);
            } else if measure.align == Align::Justify && n != last {
                line.expand_to(&par, available);
            }
            let free = available - line.width();
            let shift = match measure.align {
                Align::Justify | Align::Left => 0.0,
                Align::Center => free / 2.0,
                Align::Right => free,
            };
            emit::emit(&par, &line, origin + shift)
        })
        .collect();
    Ok(lines)
}
