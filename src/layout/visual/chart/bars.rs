//! Grouped vertical bars: one group per category (in the official order), one bar per
//! series, the largest value reaching the full height. Values at the bar ends (a zero
//! value is a 「0」 on the baseline, with no bar), category names under the light grey
//! baseline, a legend above when there is more than one series. A year-over-year chart
//! (two series: last year, this year) labels each pair with the change (+16 / -2).

use crate::compose::tree::{Align, Chart};
use crate::fonts::{FontBook, EM_BOX_ASCENT};
use crate::layout::frame::Item;
use crate::layout::inline::SetLine;
use crate::layout::LayoutError;

use super::{color_of, legend, number, proportional, value, Drawn, Fonts, Frame};
use crate::layout::visual::label;
use crate::layout::visual::shape::{rect, round2, rule, AXIS};
use crate::layout::visual::Context;

/// Line height of category names, per pt of size.
const LEADING: f32 = 1.3;

/// Share of a group's width its bars take.
const GROUP_FILL: f32 = 0.62;

/// The widest bar, per pt of label size.
const MAX_BAR: f32 = 4.2;

/// Horizontal room a category name leaves free in its group, in pt.
const NAME_INSET: f32 = 6.0;

/// Space between the bars of a group, in pt.
const BAR_GAP: f32 = 2.0;

/// Space between a bar's end and its value, in pt.
const VALUE_GAP: f32 = 3.0;

/// The geometry of the plot: baseline, full bar length, group and bar widths.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Plot {
    /// y of the baseline (bars grow up from it).
    pub base: f32,
    /// Length of the largest value's bar.
    pub full: f32,
    /// Width of one category's group.
    pub group: f32,
    /// Width of one bar.
    pub bar: f32,
}

/// Draw grouped bars into the frame (height `chart_height_mm`).
pub(crate) fn draw(
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
    let size = f.label.size;
    let height = ctx.mm(ctx.spec.chart_height_mm);
    let mut items = Vec::new();
    let mut top = frame.top;
    if s > 1 {
        let drawn = legend::draw_series(chart, f.label, &Frame { top, ..*frame }, fonts)?;
        top += drawn.height + 0.4 * size;
        items.extend(drawn.items);
    }
    let group = frame.width / n as f32;
    let names: Vec<Vec<SetLine>> = chart
        .categories
        .iter()
        .map(|c| label::wrapped(c, f.label, group - NAME_INSET, Align::Center, fonts))
        .collect::<Result<_, _>>()?;
    let names_h = names.iter().map(Vec::len).max().unwrap_or(1) as f32 * LEADING * size;
    let value_room = if is_year_over_year(chart) { 3.0 } else { 1.5 } * size;
    let base = frame.top + height - names_h - 0.5 * size;
    let plot = Plot {
        base,
        full: (base - top - value_room).max(size),
        group,
        bar: (group * GROUP_FILL / s as f32 - BAR_GAP).clamp(2.0, MAX_BAR * size),
    };
    let max = (0..s).flat_map(|j| (0..n).map(move |i| value(chart, j, i))).fold(0.0, f64::max);
    for (i, lines) in names.iter().enumerate() {
        items.extend(group_items(chart, i, frame, &plot, max, ctx, fonts)?);
        let left = frame.left + plot.group * i as f32 + NAME_INSET / 2.0;
        items.extend(name_items(lines, left, plot.base + 0.5 * size, size));
    }
    items.push(rule((frame.left, plot.base), (frame.left + frame.width, plot.base), 0.75, AXIS));
    Ok(Drawn { items, height })
}

/// A category's name lines, wrapped in its group's measure (from `left`), from `top`.
fn name_items(lines: &[SetLine], left: f32, top: f32, size: f32) -> Vec<Item> {
    let mut items = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let baseline =
            top + k as f32 * LEADING * size + (LEADING - 1.0) / 2.0 * size + EM_BOX_ASCENT * size;
        items.extend(label::in_measure(line, left, round2(baseline)));
    }
    items
}

/// The bars and values of category `i`.
fn group_items(
    chart: &Chart,
    i: usize,
    frame: &Frame,
    plot: &Plot,
    max: f64,
    ctx: &Context<'_>,
    fonts: &mut FontBook,
) -> Result<Vec<Item>, LayoutError> {
    let f = Fonts::of(ctx);
    let s = chart.series.len();
    let inner = s as f32 * plot.bar + (s - 1) as f32 * BAR_GAP;
    let x0 = frame.left + plot.group * i as f32 + (plot.group - inner) / 2.0;
    let mut items = Vec::new();
    let mut highest = plot.base;
    for j in 0..s {
        let v = value(chart, j, i);
        let len = proportional(v, max, plot.full);
        let x = x0 + j as f32 * (plot.bar + BAR_GAP);
        if len > 0.0 {
            items.push(rect(x, plot.base - len, plot.bar, len, color_of(chart, i, j)));
        }
        let text = label::fitted(&number(v), f.value, plot.bar + BAR_GAP + 4.0, fonts)?;
        let baseline = round2(plot.base - len - VALUE_GAP);
        items.extend(label::centred(&text, x + plot.bar / 2.0, baseline));
        highest = highest.min(baseline - text.size);
    }
    if is_year_over_year(chart) {
        let delta = value(chart, 1, i) - value(chart, 0, i);
        let text = label::line(&signed(delta), f.muted, fonts)?;
        let cx = x0 + inner / 2.0;
        items.extend(label::centred(&text, cx, round2(highest - 0.5 * f.muted.size)));
    }
    Ok(items)
}

/// A year-over-year chart: last year and this year as two series.
fn is_year_over_year(chart: &Chart) -> bool {
    chart.id == "year_over_year" && chart.series.len() == 2
}

/// A change with its sign: 「+16」, 「-2」, 「0」 — an ASCII hyphen-minus, as the
/// official tables print 本年增/减 (U+2212 is in none of the bundled CJK faces).
fn signed(delta: f64) -> String {
    if delta > 0.0 {
        format!("+{}", number(delta))
    } else if delta < 0.0 {
        format!("-{}", number(-delta))
    } else {
        "0".into()
    }
}
