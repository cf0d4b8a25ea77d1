//! A legend: coloured squares with their names, in rows centred across the frame
//! (wrapping when one row is too narrow).

use crate::compose::tree::Chart;
use crate::fonts::FontBook;
use crate::layout::frame::Rgb;
use crate::layout::inline::SetLine;
use crate::layout::LayoutError;

use super::{han_baseline, Drawn, Frame};
use crate::layout::visual::label::{self, Font};
use crate::layout::visual::shape::rect;

/// Side of a colour square, per pt of size.
const SWATCH: f32 = 0.8;

/// Space between a square and its name, per pt of size.
const SWATCH_GAP: f32 = 0.45;

/// Space between entries, per pt of size.
const ENTRY_GAP: f32 = 1.6;

/// Height of a legend row, per pt of size.
const ROW: f32 = 1.6;

/// Draw the legend of a chart's series (name, series colour) from the frame's top.
pub(crate) fn draw_series(
    chart: &Chart,
    font: Font,
    frame: &Frame,
    fonts: &mut FontBook,
) -> Result<Drawn, LayoutError> {
    let entries: Vec<(&str, Rgb)> =
        chart.series.iter().map(|s| (s.name.as_str(), s.color)).collect();
    draw(&entries, font, frame, fonts)
}

/// Draw the legend of `entries` (name, colour) from the frame's top.
pub(crate) fn draw(
    entries: &[(&str, Rgb)],
    font: Font,
    frame: &Frame,
    fonts: &mut FontBook,
) -> Result<Drawn, LayoutError> {
    let size = font.size;
    let names: Vec<SetLine> =
        entries.iter().map(|(n, _)| label::line(n, font, fonts)).collect::<Result<_, _>>()?;
    let widths: Vec<f32> = names.iter().map(|n| (SWATCH + SWATCH_GAP) * size + n.width).collect();
    let mut drawn = Drawn::default();
    let mut start = 0;
    while start < entries.len() {
        let end = row_end(&widths, start, frame.width, size);
        let row_w: f32 =
            widths[start..end].iter().sum::<f32>() + ENTRY_GAP * size * (end - start - 1) as f32;
        let mut x = frame.left + (frame.width - row_w).max(0.0) / 2.0;
        let mid = frame.top + drawn.height + ROW * size / 2.0;
        for k in start..end {
            let swatch = SWATCH * size;
            drawn.items.push(rect(x, mid - swatch / 2.0, swatch, swatch, entries[k].1));
            let text_x = x + (SWATCH + SWATCH_GAP) * size;
            drawn.items.extend(label::at_left(&names[k], text_x, han_baseline(mid, size)));
            x += widths[k] + ENTRY_GAP * size;
        }
        drawn.height += ROW * size;
        start = end;
    }
    Ok(drawn)
}

/// The end (exclusive) of the row of entries that starts at `start`: as many as fit
/// in `width`, at least one.
fn row_end(widths: &[f32], start: usize, width: f32, size: f32) -> usize {
    let mut used = widths[start];
    let mut end = start + 1;
    while end < widths.len() && used + ENTRY_GAP * size + widths[end] <= width {
        used += ENTRY_GAP * size + widths[end];
        end += 1;
    }
    end
}
