//! Horizontal bars, one row per category: the category name right-aligned in a column
//! on the left (wrapped when long), the bar from a light grey axis, its value at its
//! end. [`draw_hbar`] draws the first series (the largest value reaching the full
//! length); [`draw_stacked`] stacks every series in a bar per category (the largest
//! total reaching the full length), with a legend above, segment values inside the
//! segments they fit in, and the total at the bar's end. The height grows with the
//! number of categories.

use crate::compose::tree::{Align, Chart};
use crate::fonts::FontBook;
use crate::layout::frame::Item;
use crate::layout::inline::SetLine;
use crate::layout::LayoutError;

use super::{
    color_of, digits_baseline, han_baseline, legend, number, proportional, value, Drawn, Fonts,
    Frame,
};
use crate::layout::visual::label;
use crate::layout::visual::shape::{rect, round2, rule, text_on, AXIS};
use crate::layout::visual::Context;

/// Line height of category names, per pt of size.
const LEADING: f32 = 1.25;

/// Bar thickness, per pt of label size.
const THICKNESS: f32 = 1.5;

/// Space between rows, per pt of label size.
const ROW_GAP: f32 = 0.8;

/// The widest the name column may be, as a share of the frame.
const NAME_SHARE: f32 = 0.38;

/// Space between the names and the axis, and between a bar and its value, in pt.
const GAP: f32 = 6.0;

/// The rows of a horizontal bar chart.
#[derive(Clone, Debug)]
pub(crate) struct Rows {
    /// Category names, wrapped and right-aligned in the name column.
    names: Vec<Vec<SetLine>>,
    /// Vertical centre of each row's bar.
    pub mids: Vec<f32>,
    /// x of the axis, where bars start.
    pub axis: f32,
    /// Length of the largest bar.
    pub full: f32,
    /// Bar thickness.
    pub thickness: f32,
    /// Bottom of the last row.
    bottom: f32,
}

impl Rows {
    /// Lay out the rows of `chart` from `top`, leaving room for `ends` (the labels at
    /// the bar ends) after the longest bar.
    fn new(
        chart: &Chart,
        frame: &Frame,
        top: f32,
        ends: &[SetLine],
        ctx: &Context<'_>,
        fonts: &mut FontBook,
    ) -> Result<Self, LayoutError> {
        let f = Fonts::of(ctx).label;
        let size = f.size;
        let widest = chart
            .categories
            .iter()
            .map(|c| label::line(c, f, fonts).map(|l| l.width))
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .fold(0.0, f32::max);
        let name_width = widest.min(frame.width * NAME_SHARE);
        let names: Vec<Vec<SetLine>> = chart
            .categories
            .iter()
            .map(|c| label::wrapped(c, f, name_width, Align::Right, fonts))
            .collect::<Result<_, _>>()?;
        let thickness = THICKNESS * size;
        let mut y = top;
        let mut mids = Vec::new();
        for lines in &names {
            let h = (lines.len() as f32 * LEADING * size).max(thickness) + ROW_GAP * size;
            mids.push(y + h / 2.0);
            y += h;
        }
        let end_room = ends.iter().map(|l| l.width).fold(0.0, f32::max) + GAP;
        let axis = frame.left + name_width + GAP;
        let full = (frame.left + frame.width - axis - end_room).max(size);
        Ok(Rows { names, mids, axis, full, thickness, bottom: y })
    }

    /// The names, the axis, and the label at each bar's end.
    fn frame_items(
        &self,
        frame: &Frame,
        ends: &[SetLine],
        lengths: &[f32],
        size: f32,
    ) -> Vec<Item> {
        let mut items = Vec::new();
        for (i, lines) in self.names.iter().enumerate() {
            let mid = self.mids[i];
            let first = mid - (lines.len() as f32 - 1.0) * LEADING * size / 2.0;
            for (k, line) in lines.iter().enumerate() {
                let baseline = han_baseline(first + k as f32 * LEADING * size, size);
                items.extend(label::in_measure(line, frame.left, baseline));
            }
            if let (Some(end), Some(len)) = (ends.get(i), lengths.get(i)) {
                let x = self.axis + len + if *len > 0.0 { GAP / 2.0 + 1.0 } else { 3.0 };
                items.extend(label::at_left(end, x, digits_baseline(mid, size)));
            }
        }
        let (top, bottom) =
            (self.mids[0] - self.row_half(0, size), self.bottom - ROW_GAP * size / 2.0);
        items.push(rule((self.axis, top), (self.axis, bottom), 0.75, AXIS));
        items
    }

    fn row_half(&self, i: usize, size: f32) -> f32 {
        let lines = self.names[i].len() as f32 * LEADING * size;
        lines.max(self.thickness) / 2.0
    }
}

/// Horizontal bars of the first series.
pub(crate) fn draw_hbar(
    chart: &Chart,
    frame: &Frame,
    ctx: &Context<'_>,
    fonts: &mut FontBook,
) -> Result<Drawn, LayoutError> {
    let n = chart.categories.len();
    if n == 0 || chart.series.is_empty() {
        return Ok(Drawn::default());
    }
    let f = Fonts::of(ctx);
    let values: Vec<f64> = (0..n).map(|i| value(chart, 0, i)).collect();
    let ends = end_labels(&values, f.value, fonts)?;
    let rows = Rows::new(chart, frame, frame.top, &ends, ctx, fonts)?;
    let max = values.iter().copied().fold(0.0, f64::max);
    let lengths: Vec<f32> = values.iter().map(|v| proportional(*v, max, rows.full)).collect();
    let mut items = Vec::new();
    for (i, len) in lengths.iter().enumerate() {
        if *len > 0.0 {
            let top = rows.mids[i] - rows.thickness / 2.0;
            items.push(rect(rows.axis, top, *len, rows.thickness, color_of(chart, i, 0)));
        }
    }
    items.extend(rows.frame_items(frame, &ends, &lengths, f.label.size));
    Ok(Drawn { items, height: rows.bottom - frame.top })
}

/// Bars stacked by series, one per category.
pub(crate) fn draw_stacked(
    chart: &Chart,
    frame: &Frame,
    ctx: &Context<'_>,
    fonts: &mut FontBook,
) -> Result<Drawn, LayoutError> {
    let (n, s) = (chart.categories.len(), chart.series.len());
    if n == 0 || s == 0 {
        return Ok(Drawn::default());
    }
    let f = Fonts::of(ctx);
    let legend = legend::draw_series(chart, f.label, frame, fonts)?;
    let totals: Vec<f64> = (0..n).map(|i| (0..s).map(|j| value(chart, j, i)).sum()).collect();
    let ends = end_labels(&totals, f.value, fonts)?;
    let top = frame.top + legend.height + 0.5 * f.label.size;
    let rows = Rows::new(chart, frame, top, &ends, ctx, fonts)?;
    let max = totals.iter().copied().fold(0.0, f64::max);
    let mut items = legend.items;
    let mut lengths = Vec::new();
    for i in 0..n {
        let (segments, length) = stack(chart, i, &rows, max, ctx, fonts)?;
        items.extend(segments);
        lengths.push(length);
    }
    items.extend(rows.frame_items(frame, &ends, &lengths, f.label.size));
    Ok(Drawn { items, height: rows.bottom - frame.top })
}

/// The segments of category `i`'s bar, with their values where they fit, and the
/// bar's length. Segment edges are the rounded cumulative sums, so the segments add
/// up to the bar exactly.
fn stack(
    chart: &Chart,
    i: usize,
    rows: &Rows,
    max: f64,
    ctx: &Context<'_>,
    fonts: &mut FontBook,
) -> Result<(Vec<Item>, f32), LayoutError> {
    let f = Fonts::of(ctx);
    let top = rows.mids[i] - rows.thickness / 2.0;
    let mut items = Vec::new();
    let mut sum = 0.0;
    let mut x0 = round2(rows.axis);
    for j in 0..chart.series.len() {
        let v = value(chart, j, i);
        sum += v;
        let x1 = round2(rows.axis + proportional(sum, max, rows.full));
        if x1 > x0 {
            let color = color_of(chart, i, j);
            items.push(rect(x0, top, x1 - x0, rows.thickness, color));
            let text =
                label::line(&number(v), f.value.colored(text_on(color, ctx.palette.text)), fonts)?;
            if text.width + 4.0 <= x1 - x0 {
                items.extend(label::centred(
                    &text,
                    (x0 + x1) / 2.0,
                    digits_baseline(rows.mids[i], f.value.size),
                ));
            }
            x0 = x1;
        }
    }
    Ok((items, x0 - round2(rows.axis)))
}

/// The labels at the bar ends.
fn end_labels(
    values: &[f64],
    font: label::Font,
    fonts: &mut FontBook,
) -> Result<Vec<SetLine>, LayoutError> {
    values.iter().map(|v| label::line(&number(*v), font, fonts)).collect()
}
