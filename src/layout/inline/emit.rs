//! Turning an adjusted [`LineBox`] into glyph runs: every glyph's advance already
//! includes the space after it, and full-width punctuation is placed in its cell the
//! mainland way (closing marks at the left, opening marks at the right, the rest
//! centred).

use crate::fonts::FontId;
use crate::layout::frame::{Glyph, Item, Point, Rgb, TextRun};

use super::class::CharClass;
use super::cluster::Cluster;
use super::linebox::LineBox;
use super::Prepared;

/// Stroke width of synthesized bold, as a fraction of the font size.
pub(crate) const EMBOLDEN_PER_SIZE: f32 = 1.0 / 30.0;

/// Glyphs sharing one face, size and weight, starting at `x`.
#[derive(Clone, Debug)]
pub(crate) struct LineRun {
    /// The face.
    pub font: FontId,
    /// Font size in pt.
    pub size: f32,
    /// Synthesize bold.
    pub embolden: bool,
    /// Text colour.
    pub color: Rgb,
    /// Pen position of the first glyph, from the measure's left edge.
    pub x: f32,
    /// The text the glyphs stand for.
    pub text: String,
    /// The glyphs.
    pub glyphs: Vec<Glyph>,
}

/// A set line, positioned horizontally within its measure.
#[derive(Clone, Debug)]
pub(crate) struct SetLine {
    /// Start of the line from the measure's left edge (indent and alignment included).
    pub x: f32,
    /// Width of the set line.
    pub width: f32,
    /// Largest font size on the line.
    pub size: f32,
    /// The runs, in order.
    pub runs: Vec<LineRun>,
}

impl SetLine {
    /// Text items for this line with its measure's left edge at `left` and its
    /// baseline at `baseline`.
    pub(crate) fn items(&self, left: f32, baseline: f32) -> Vec<Item> {
        self.runs
            .iter()
            .map(|run| {
                Item::Text(TextRun {
                    font: run.font,
                    size: run.size,
                    origin: Point::new(left + run.x, baseline),
                    color: run.color,
                    embolden: if run.embolden { run.size * EMBOLDEN_PER_SIZE } else { 0.0 },
                    text: run.text.clone(),
                    glyphs: run.glyphs.clone(),
                })
            })
            .collect()
    }

    /// The line's text (without edge spaces).
    #[cfg(test)]
    pub(crate) fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }

    /// Pen position (from the measure's left edge) and text of every glyph, in order.
    #[cfg(test)]
    pub(crate) fn pens(&self) -> Vec<(f32, String)> {
        let mut out = Vec::new();
        for run in &self.runs {
            let mut x = run.x;
            for g in &run.glyphs {
                out.push((x, run.text[g.text_range.clone()].to_string()));
                x += g.advance;
            }
        }
        out
    }
}

/// Build the runs of a line whose first glyph starts at `x` in the measure.
pub(crate) fn emit(par: &Prepared, line: &LineBox, x: f32) -> SetLine {
    let mut runs: Vec<LineRun> = Vec::new();
    let mut pen = x;
    let mut size: f32 = 0.0;
    for i in line.content.clone() {
        // The space before this cluster is already in the previous glyph's advance.
        let k = i - line.range.start;
        let cluster = &par.clusters[i];
        size = size.max(cluster.size);
        let slots = glyph_slots(cluster, line.advances[k]);
        let space_after = if i + 1 < line.content.end { line.gaps[k + 1] } else { 0.0 };
        let mut byte = 0;
        for (j, (g, (natural_slot, slot))) in cluster.glyphs.iter().zip(slots).enumerate() {
            let ch = &cluster.text[byte..byte + g.len];
            byte += g.len;
            let last_glyph = j + 1 == cluster.glyphs.len();
            let advance = slot + if last_glyph { space_after } else { 0.0 };
            let x_offset = offset_in_cell(cluster.class, natural_slot, g.natural);
            let run = match runs.last_mut() {
                Some(r)
                    if r.font == g.font
                        && r.size == cluster.size
                        && r.embolden == g.embolden
                        && r.color == cluster.color =>
                {
                    r
                }
                _ => {
                    runs.push(LineRun {
                        font: g.font,
                        size: cluster.size,
                        embolden: g.embolden,
                        color: cluster.color,
                        x: pen,
                        text: String::new(),
                        glyphs: Vec::new(),
                    });
                    runs.last_mut().expect("just pushed")
                }
            };
            let start = run.text.len();
            run.text.push_str(ch);
            run.glyphs.push(Glyph {
                id: g.id,
                advance,
                x_offset,
                text_range: start..run.text.len(),
            });
            pen += advance;
        }
    }
    SetLine { x, width: line.width(), size, runs }
}

/// `(natural slot, final slot)` of each glyph of a cluster set at `advance`: the
/// cluster's reduction (a trimmed line-end mark) comes off its last glyph.
fn glyph_slots(cluster: &Cluster, advance: f32) -> Vec<(f32, f32)> {
    let count = cluster.glyphs.len();
    let mut slots: Vec<(f32, f32)> = if cluster.class.is_proportional() {
        cluster.glyphs.iter().map(|g| (g.natural, g.natural)).collect()
    } else {
        let each = cluster.width / count as f32;
        vec![(each, each); count]
    };
    let change = advance - cluster.width;
    if let Some(last) = slots.last_mut() {
        last.1 += change;
    }
    slots
}

/// Where a glyph of its own advance `glyph` sits inside a cell of `slot`.
fn offset_in_cell(class: CharClass, slot: f32, glyph: f32) -> f32 {
    match class {
        c if c.is_proportional() => 0.0,
        CharClass::Open => slot - glyph,
        CharClass::Close | CharClass::Pause | CharClass::Stop => 0.0,
        _ => (slot - glyph) / 2.0,
    }
}
