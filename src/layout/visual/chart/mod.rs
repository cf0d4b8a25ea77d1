//! Charts: a title naming what is counted (with a small primary marker, and 「单位：件」
//! flush right), the chart itself, and the note on left-out zero categories in muted
//! small text under it. A chart whose values are all zero is only its one-line
//! statement in muted text.
//!
//! The kinds, one module each: [`bars`] (grouped vertical bars), [`rows`] (horizontal
//! and stacked bars), [`ring`] (doughnut); [`legend`] is shared. Geometry is exactly
//! proportional — a bar's length is value / largest value × full length, a slice's
//! angle value / total × 360° — and zero or missing data never divides by zero.

mod bars;
mod legend;
mod ring;
mod rows;

use crate::compose::tree::{Align, Chart, ChartKind, Role};
use crate::fonts::{FontBook, EM_BOX_ASCENT};
use crate::layout::frame::{Item, Rgb};
use crate::layout::LayoutError;

use super::banner::CAP_HEIGHT;
use super::label::{self, Font};
use super::shape::{rect, round2};
use super::{Context, SetVisual};

/// Width of the title's marker, in pt.
const MARKER: f32 = 3.0;

/// Space between the marker and the title, in pt.
const MARKER_GAP: f32 = 5.0;

/// Space between the title and the chart, in pt.
const TITLE_GAP: f32 = 8.0;

/// Line height of titles, notes and statements, per pt of size.
const LEADING: f32 = 1.45;

/// The box a chart is drawn into: left edge, top, width.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Frame {
    pub left: f32,
    pub top: f32,
    pub width: f32,
}

/// Items drawn from a frame's top, and the height they take.
#[derive(Clone, Debug, Default)]
pub(crate) struct Drawn {
    pub items: Vec<Item>,
    pub height: f32,
}

/// The fonts of a chart's text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fonts {
    /// Category names, legend entries.
    pub label: Font,
    /// Values at bar ends and on slices (bold Latin digits).
    pub value: Font,
    /// Secondary text: notes, units, leader labels.
    pub muted: Font,
}

impl Fonts {
    fn of(ctx: &Context<'_>) -> Self {
        let size = ctx.spec.chart_label_size;
        let label = Font::new(Role::Heading3, size, ctx.palette.text);
        Self {
            label,
            value: Font::new(Role::Heading1, size, ctx.palette.text).bold(),
            muted: label.colored(ctx.palette.muted),
        }
    }
}

/// Draw a chart block: title, chart, note — or only the statement of an all-zero
/// chart.
pub(crate) fn set_chart(
    chart: &Chart,
    ctx: &Context<'_>,
    fonts: &mut FontBook,
) -> Result<SetVisual, LayoutError> {
    if let Some(statement) = &chart.empty_statement {
        return statement_block(statement, ctx, fonts);
    }
    let g = ctx.geometry;
    let mut drawn = title(chart, ctx, fonts)?;
    let frame = Frame { left: g.left, top: drawn.height + TITLE_GAP, width: g.text_width };
    let body = body(chart, &frame, ctx, fonts)?;
    drawn.items.extend(body.items);
    drawn.height = frame.top + body.height;
    if let Some(note) = &chart.note {
        let size = ctx.spec.chart_label_size;
        let top = drawn.height + 0.3 * size;
        let line = label::line(note, Fonts::of(ctx).muted, fonts)?;
        let baseline = round2(top + (LEADING - 1.0) / 2.0 * size + EM_BOX_ASCENT * size);
        drawn.items.extend(label::at_left(&line, g.left + MARKER + MARKER_GAP, baseline));
        drawn.height = top + LEADING * size;
    }
    let Drawn { items, height } = drawn;
    Ok(SetVisual { items, height, space_before: 1.0, space_after: 1.0, bleed_top: false })
}

/// The chart proper, by kind.
fn body(
    chart: &Chart,
    frame: &Frame,
    ctx: &Context<'_>,
    fonts: &mut FontBook,
) -> Result<Drawn, LayoutError> {
    match chart.kind {
        ChartKind::Bar => bars::draw(chart, frame, ctx, fonts),
        ChartKind::HBar => rows::draw_hbar(chart, frame, ctx, fonts),
        ChartKind::Stacked => rows::draw_stacked(chart, frame, ctx, fonts),
        ChartKind::Ring => ring::draw(chart, frame, ctx, fonts),
    }
}

/// The title with its marker, and the unit flush right on the first line.
fn title(chart: &Chart, ctx: &Context<'_>, fonts: &mut FontBook) -> Result<Drawn, LayoutError> {
    let g = ctx.geometry;
    let size = ctx.spec.chart_title_size;
    let font = Font::new(Role::Heading2, size, ctx.palette.text).bold();
    let unit = match chart.unit.as_str() {
        "" => None,
        u => Some(label::line(&format!("单位：{u}"), Fonts::of(ctx).muted, fonts)?),
    };
    let unit_w = unit.as_ref().map_or(0.0, |u| u.width + 12.0);
    let text_left = g.left + MARKER + MARKER_GAP;
    let width = g.text_width - MARKER - MARKER_GAP - unit_w;
    let lines = label::wrapped(&chart.title, font, width, Align::Left, fonts)?;
    let mut items = Vec::new();
    let first = baseline_of_line(0, size);
    // The marker covers the first line's em box, less a little at the top.
    let marker_top = first - (EM_BOX_ASCENT - 0.04) * size;
    items.push(rect(g.left, marker_top, MARKER, 0.96 * size, ctx.palette.primary));
    for (k, line) in lines.iter().enumerate() {
        items.extend(label::in_measure(line, text_left, baseline_of_line(k, size)));
    }
    if let Some(unit) = &unit {
        items.extend(label::at_right(unit, g.right(), first));
    }
    Ok(Drawn { items, height: lines.len().max(1) as f32 * LEADING * size })
}

/// Baseline of line `k` of a text set at `size` with [`LEADING`], from its top.
fn baseline_of_line(k: usize, size: f32) -> f32 {
    round2(k as f32 * LEADING * size + (LEADING - 1.0) / 2.0 * size + EM_BOX_ASCENT * size)
}

/// An all-zero chart: its statement alone, in muted text.
fn statement_block(
    statement: &str,
    ctx: &Context<'_>,
    fonts: &mut FontBook,
) -> Result<SetVisual, LayoutError> {
    let g = ctx.geometry;
    let size = ctx.spec.chart_title_size;
    let font = Font::new(Role::Heading3, size, ctx.palette.muted);
    let lines = label::wrapped(statement, font, g.text_width, Align::Left, fonts)?;
    let items = lines
        .iter()
        .enumerate()
        .flat_map(|(k, line)| label::in_measure(line, g.left, baseline_of_line(k, size)))
        .collect();
    let height = lines.len() as f32 * LEADING * size;
    Ok(SetVisual { items, height, space_before: 1.0, space_after: 1.0, bleed_top: false })
}

/// The colour of category `i` of series `j`: the category's own colour for one series
/// (the same category keeps its colour in every chart), the series' colour otherwise.
pub(crate) fn color_of(chart: &Chart, i: usize, j: usize) -> Rgb {
    let series = chart.series.get(j).map(|s| s.color).unwrap_or(Rgb::BLACK);
    if chart.series.len() == 1 {
        chart.category_colors.get(i).copied().unwrap_or(series)
    } else {
        series
    }
}

/// A value of a series, never negative or NaN.
pub(crate) fn value(chart: &Chart, j: usize, i: usize) -> f64 {
    let v = chart.series.get(j).and_then(|s| s.values.get(i)).copied().unwrap_or(0.0);
    if v.is_finite() {
        v.max(0.0)
    } else {
        0.0
    }
}

/// `value / max × full`, 0 when `max` is 0.
pub(crate) fn proportional(value: f64, max: f64, full: f32) -> f32 {
    if max > 0.0 {
        (value / max * full as f64) as f32
    } else {
        0.0
    }
}

/// A number as printed on a chart.
pub(crate) fn number(v: f64) -> String {
    crate::compose::charts::format_number(v)
}

/// Baseline that centres digits of `size` vertically on `mid`.
pub(crate) fn digits_baseline(mid: f32, size: f32) -> f32 {
    round2(mid + CAP_HEIGHT * size / 2.0)
}

/// Baseline that centres a CJK line (its em box) of `size` vertically on `mid`.
pub(crate) fn han_baseline(mid: f32, size: f32) -> f32 {
    round2(mid - size / 2.0 + EM_BOX_ASCENT * size)
}
