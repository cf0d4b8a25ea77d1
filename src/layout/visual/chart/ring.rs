//! The ring (doughnut): slices in the categories' colours from 12 o'clock clockwise,
//! each value / total × 360°; the total in the centre (「共 3119 件」 with the number
//! large); each slice's percentage inside it where it fits, else outside with a leader
//! line (outside labels spread apart so they never overlap); a legend with the names,
//! values and percentages beside the ring, or under it on a narrow page.

use std::f64::consts::TAU;

use crate::compose::tree::Chart;
use crate::fonts::FontBook;
use crate::layout::frame::{Item, Point, Rgb};
use crate::layout::inline::SetLine;
use crate::layout::LayoutError;

use super::{color_of, digits_baseline, han_baseline, number, value, Drawn, Fonts, Frame};
use crate::layout::visual::label::{self, Font};
use crate::layout::visual::shape::{
    full_ring, polar, polyline, rect, ring_slice, round2, rule, text_on,
};
use crate::layout::visual::Context;

/// Inner radius per outer radius.
const HOLE: f32 = 0.6;

/// Room around the ring for outside labels: vertical and horizontal, per pt of size.
const LABEL_ROOM: (f32, f32) = (2.2, 6.5);

/// Space between the ring's region and a legend beside it, in pt.
const LEGEND_GAP: f32 = 14.0;

/// Height of a legend row, per pt of size.
const LEGEND_ROW: f32 = 1.9;

/// Width of the white lines between slices, in pt.
const SEPARATOR: f32 = 1.0;

/// A slice: category index, start and end angle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Slice {
    pub index: usize,
    pub from: f64,
    pub to: f64,
}

/// The ring's centre and radii.
#[derive(Clone, Copy, Debug)]
struct Ring {
    cx: f32,
    cy: f32,
    outer: f32,
    inner: f32,
}

/// The slices of `values`: cumulative shares of the total, in order; none when the
/// total is zero; zero values give no slice.
pub(crate) fn slices(values: &[f64]) -> Vec<Slice> {
    let total: f64 = values.iter().sum();
    if total <= 0.0 {
        return Vec::new();
    }
    let mut sum = 0.0;
    let mut out = Vec::new();
    for (index, v) in values.iter().enumerate() {
        let from = sum / total * TAU;
        sum += v;
        let to = sum / total * TAU;
        if *v > 0.0 {
            out.push(Slice { index, from, to });
        }
    }
    out
}

/// Draw the ring chart into the frame.
pub(crate) fn draw(
    chart: &Chart,
    frame: &Frame,
    ctx: &Context<'_>,
    fonts: &mut FontBook,
) -> Result<Drawn, LayoutError> {
    let n = chart.categories.len();
    let values: Vec<f64> = (0..n).map(|i| value(chart, 0, i)).collect();
    let f = Fonts::of(ctx);
    let size = f.label.size;
    let height = ctx.mm(ctx.spec.chart_height_mm);
    let legend = Legend::new(chart, &values, &f, fonts)?;
    let beside = frame.width >= legend.width + LEGEND_GAP + 1.15 * height;
    let region = if beside { frame.width - legend.width - LEGEND_GAP } else { frame.width };
    // Beside the ring, a legend taller than the ring makes the block taller; both are
    // centred on the same line.
    let band = if beside { height.max(legend.height(size)) } else { height };
    let outer = (height / 2.0 - LABEL_ROOM.0 * size).min(region / 2.0 - LABEL_ROOM.1 * size);
    let outer = outer.max(size);
    let ring = Ring {
        cx: frame.left + region / 2.0,
        cy: frame.top + band / 2.0,
        outer,
        inner: outer * HOLE,
    };
    let slices = slices(&values);
    let mut items = slice_items(chart, &slices, &ring, ctx);
    let top = ring.cy - height / 2.0;
    items.extend(percent_labels(chart, &slices, &ring, (top, top + height), ctx, fonts)?);
    items.extend(center_label(chart, &ring, ctx, fonts)?);
    let (x, y, total_height) = if beside {
        let x = frame.left + frame.width - legend.width;
        (x, ring.cy - legend.height(size) / 2.0, band)
    } else {
        let x = frame.left + (frame.width - legend.width) / 2.0;
        (x, frame.top + height, height + legend.height(size))
    };
    items.extend(legend.items(x, y, size));
    Ok(Drawn { items, height: total_height })
}

/// The slices (a whole ring for a single category, a pale ring when all are zero)
/// with white separators between them.
fn slice_items(chart: &Chart, slices: &[Slice], ring: &Ring, ctx: &Context<'_>) -> Vec<Item> {
    let center = (ring.cx, ring.cy);
    if slices.is_empty() {
        return vec![full_ring(center, ring.outer, ring.inner, ctx.palette.light)];
    }
    let mut items: Vec<Item> = slices
        .iter()
        .map(|s| {
            let color = color_of(chart, s.index, 0);
            if s.to - s.from >= TAU - 1e-9 {
                full_ring(center, ring.outer, ring.inner, color)
            } else {
                ring_slice(center, ring.outer, ring.inner, s.from, s.to, color)
            }
        })
        .collect();
    if slices.len() > 1 {
        for s in slices {
            let a = polar(ring.cx, ring.cy, ring.inner - 0.5, s.from);
            let b = polar(ring.cx, ring.cy, ring.outer + 0.5, s.from);
            items.push(rule((a.x, a.y), (b.x, b.y), SEPARATOR, Rgb::WHITE));
        }
    }
    items
}

/// A slice's percentage: the chart's rounded label, or computed.
fn percent_text(chart: &Chart, s: &Slice) -> String {
    match chart.percents.get(s.index) {
        Some(p) => p.clone(),
        None => format!("{:.1}%", (s.to - s.from) / TAU * 100.0),
    }
}

/// Percentages inside the slices they fit in, the others outside with leader lines,
/// kept between `top` and `bottom`.
fn percent_labels(
    chart: &Chart,
    slices: &[Slice],
    ring: &Ring,
    (top, bottom): (f32, f32),
    ctx: &Context<'_>,
    fonts: &mut FontBook,
) -> Result<Vec<Item>, LayoutError> {
    let f = Fonts::of(ctx);
    let size = f.value.size;
    let mid_r = (ring.outer + ring.inner) / 2.0;
    let mut items = Vec::new();
    let mut outside: Vec<(Slice, SetLine)> = Vec::new();
    for s in slices {
        let color = color_of(chart, s.index, 0);
        let font = f.value.colored(text_on(color, ctx.palette.text));
        let text = label::line(&percent_text(chart, s), font, fonts)?;
        let sweep = (s.to - s.from).min(std::f64::consts::PI);
        let chord = 2.0 * mid_r as f64 * (sweep / 2.0).sin();
        let thick = ring.outer - ring.inner;
        if chord >= (text.width + 6.0) as f64 && thick >= size + 2.0 {
            let at = polar(ring.cx, ring.cy, mid_r, (s.from + s.to) / 2.0);
            items.extend(label::centred(&text, at.x, digits_baseline(at.y, size)));
        } else {
            let text = label::line(&percent_text(chart, s), f.value, fonts)?;
            outside.push((*s, text));
        }
    }
    let limits = (top + 0.7 * size, bottom - 0.7 * size);
    for right in [true, false] {
        let side: Vec<&(Slice, SetLine)> =
            outside.iter().filter(|(s, _)| on_right(s) == right).collect();
        items.extend(leader_labels(&side, ring, right, limits, ctx));
    }
    Ok(items)
}

/// Whether a slice's middle lies in the right half.
fn on_right(s: &Slice) -> bool {
    (s.from + s.to) / 2.0 <= std::f64::consts::PI
}

/// Outside labels of one side: spread to at least a line apart within `limits`,
/// each joined to its slice by a leader line.
fn leader_labels(
    side: &[&(Slice, SetLine)],
    ring: &Ring,
    right: bool,
    limits: (f32, f32),
    ctx: &Context<'_>,
) -> Vec<Item> {
    let size = ctx.spec.chart_label_size;
    let mut order: Vec<(f32, &(Slice, SetLine))> = side
        .iter()
        .map(|e| (polar(ring.cx, ring.cy, ring.outer + 10.0, mid(&e.0)).y, *e))
        .collect();
    order.sort_by(|a, b| a.0.total_cmp(&b.0));
    let ys = spread(&order.iter().map(|o| o.0).collect::<Vec<_>>(), 1.3 * size, limits);
    let column = ring.cx + if right { 1.0 } else { -1.0 } * (ring.outer + 16.0);
    let mut items = Vec::new();
    for ((_, (slice, text)), y) in order.iter().zip(ys) {
        let a = mid(slice);
        let points = [
            polar(ring.cx, ring.cy, ring.outer + 1.5, a),
            polar(ring.cx, ring.cy, ring.outer + 8.0, a),
            Point::new(column, y),
        ];
        items.push(polyline(&points, 0.6, ctx.palette.muted));
        let baseline = digits_baseline(y, size);
        items.extend(if right {
            label::at_left(text, column + 2.5, baseline)
        } else {
            label::at_right(text, column - 2.5, baseline)
        });
    }
    items
}

fn mid(s: &Slice) -> f64 {
    (s.from + s.to) / 2.0
}

/// Positions at least `gap` apart, each as close to its wish (sorted) as the order
/// and `limits` allow.
pub(crate) fn spread(wishes: &[f32], gap: f32, limits: (f32, f32)) -> Vec<f32> {
    let mut ys: Vec<f32> = wishes.iter().map(|y| y.clamp(limits.0, limits.1)).collect();
    for k in 1..ys.len() {
        ys[k] = ys[k].max(ys[k - 1] + gap);
    }
    if let Some(&last) = ys.last() {
        if last > limits.1 {
            let n = ys.len();
            ys[n - 1] = limits.1;
            for k in (0..n - 1).rev() {
                ys[k] = ys[k].min(ys[k + 1] - gap);
            }
        }
    }
    ys
}

/// The centre label: 「共 3119 件」 with the number large and bold in the primary
/// colour between the small words; any other text as it is.
fn center_label(
    chart: &Chart,
    ring: &Ring,
    ctx: &Context<'_>,
    fonts: &mut FontBook,
) -> Result<Vec<Item>, LayoutError> {
    let Some(text) = &chart.center_label else { return Ok(Vec::new()) };
    let f = Fonts::of(ctx);
    let room = 1.6 * ring.inner;
    let parts: Vec<&str> = text.split_whitespace().collect();
    let big = Font::new(f.value.role, (0.42 * ring.inner).min(22.0), ctx.palette.primary).bold();
    let small = f.label.sized(f.label.size + 0.5);
    let lines: Vec<SetLine> = match parts.as_slice() {
        [before, n, after] => vec![
            label::line(before, small, fonts)?,
            label::fitted(n, big, room * 0.6, fonts)?,
            label::line(after, small, fonts)?,
        ],
        _ => vec![label::fitted(text, small.bold(), room, fonts)?],
    };
    let gap = 0.3 * small.size;
    let width: f32 = lines.iter().map(|l| l.width).sum::<f32>() + gap * (lines.len() - 1) as f32;
    let big_size = lines.iter().map(|l| l.size).fold(0.0, f32::max);
    let baseline = digits_baseline(ring.cy, big_size);
    let mut x = ring.cx - width / 2.0;
    let mut items = Vec::new();
    for line in &lines {
        items.extend(label::at_left(line, x, baseline));
        x += line.width + gap;
    }
    Ok(items)
}

/// The legend of a ring: colour, name, value with unit, percentage per category.
struct Legend {
    rows: Vec<[SetLine; 3]>,
    colors: Vec<Rgb>,
    /// Widths of the name, value and percentage columns.
    columns: [f32; 3],
    width: f32,
}

impl Legend {
    fn new(
        chart: &Chart,
        values: &[f64],
        f: &Fonts,
        fonts: &mut FontBook,
    ) -> Result<Self, LayoutError> {
        let total: f64 = values.iter().sum();
        let rows = (0..chart.categories.len())
            .map(|i| Self::row(chart, values, total, i, f, fonts))
            .collect::<Result<Vec<_>, _>>()?;
        let mut columns = [0.0f32; 3];
        for row in &rows {
            for (c, line) in row.iter().enumerate() {
                columns[c] = columns[c].max(line.width);
            }
        }
        let size = f.label.size;
        let width =
            (0.8 + 0.5) * size + columns[0] + 1.5 * size + columns[1] + 1.2 * size + columns[2];
        let colors = (0..rows.len()).map(|i| color_of(chart, i, 0)).collect();
        Ok(Self { rows, colors, columns, width })
    }

    /// Name, value with unit, percentage of category `i`.
    fn row(
        chart: &Chart,
        values: &[f64],
        total: f64,
        i: usize,
        f: &Fonts,
        fonts: &mut FontBook,
    ) -> Result<[SetLine; 3], LayoutError> {
        let pct = match chart.percents.get(i) {
            Some(p) => p.clone(),
            None if total > 0.0 => format!("{:.1}%", values[i] / total * 100.0),
            None => String::new(),
        };
        let amount = format!("{} {}", number(values[i]), chart.unit);
        Ok([
            label::line(&chart.categories[i], f.label, fonts)?,
            label::line(amount.trim_end(), f.label, fonts)?,
            label::line(&pct, f.muted, fonts)?,
        ])
    }

    fn height(&self, size: f32) -> f32 {
        self.rows.len() as f32 * LEGEND_ROW * size
    }

    fn items(&self, x: f32, top: f32, size: f32) -> Vec<Item> {
        let mut items = Vec::new();
        for (k, (row, color)) in self.rows.iter().zip(&self.colors).enumerate() {
            let mid = top + (k as f32 + 0.5) * LEGEND_ROW * size;
            let swatch = 0.8 * size;
            items.push(rect(x, mid - swatch / 2.0, swatch, swatch, *color));
            let name_x = x + 1.3 * size;
            let value_end = name_x + self.columns[0] + 1.5 * size + self.columns[1];
            let baseline = han_baseline(mid, size);
            items.extend(label::at_left(&row[0], name_x, baseline));
            items.extend(label::at_right(&row[1], value_end, baseline));
            items.extend(label::at_right(&row[2], round2(x + self.width), baseline));
        }
        items
    }
}
