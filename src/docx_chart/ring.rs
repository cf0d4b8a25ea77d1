//! Where a ring's labels go. A doughnut's labels sit on the ring (Word accepts no label
//! position for doughnuts), which is fine for wide slices and unreadable for narrow ones:
//! 1.7 %, 2.0 % and 0.1 % side by side print on top of each other. Labels of narrow
//! slices are therefore moved outside the ring (a per-label manual layout, §21.2.2,
//! an offset from the default position in fractions of the chart's width and height),
//! stacked so that they do not overlap, and drawn with their legend key (and, in Office
//! 2013 and later, a leader line) so that each still names its slice.
//!
//! The offsets are computed for a plot area fixed by a manual layout and a chart of
//! [`RING_ASPECT`] width : height. Other proportions shift the outside labels a little
//! sideways; [`super::preferred_height_emu`] gives the height that matches.

use std::f64::consts::PI;

/// Width : height of the chart the ring layout is computed for.
pub const RING_ASPECT: f64 = 2.0;

/// The inner plot area, in fractions of the chart's height: top and height. The ring is
/// as tall as the plot area; the two-line title sits above.
const PLOT_TOP: f64 = 0.2;
const PLOT_HEIGHT: f64 = 0.7;
/// Horizontal centre of the ring, in fractions of the chart's width (the legend is on
/// the right).
const CENTER_X: f64 = 0.36;
/// Slices narrower than this share get their label outside the ring.
pub(super) const SMALL_SHARE: f64 = 0.10;
/// Outside labels sit on a circle this much larger than the ring…
const OUTSIDE: f64 = 1.12;
/// …half a label's width (value with its legend key) beyond it, in chart heights…
const HALF_LABEL: f64 = 0.09;
/// …at least one label height apart, in chart heights.
const LINE: f64 = 0.075;

/// The ring's plot area and its labels' offsets.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct RingLayout {
    /// Inner plot area `(x, y, w, h)` in fractions of the chart's width and height.
    pub plot: (f64, f64, f64, f64),
    /// Per category: `Some((dx, dy))` moves the label outside the ring by that fraction
    /// of the chart's width and height; `None` leaves it on the ring.
    pub offsets: Vec<Option<(f64, f64)>>,
    /// Per moved label: its centre, in chart heights from the ring's centre (y down).
    pub centres: Vec<Option<(f64, f64)>>,
}

/// The ring's outer radius in chart heights.
pub(super) const RADIUS: f64 = PLOT_HEIGHT / 2.0;
/// Vertical distance between stacked outside labels, in chart heights.
#[cfg(test)]
pub(super) const LINE_HEIGHT: f64 = LINE;

/// A label to move outside: its category, the height it wants (chart heights from the
/// centre, y down) and its default position on the ring.
struct Outside {
    index: usize,
    y: f64,
    default: (f64, f64),
}

/// Lays out a ring of `values` (non-negative) whose hole is `hole` (0–1) of its radius.
/// Slices run clockwise from 12 o'clock (firstSliceAng 0).
pub(super) fn layout(values: &[f64], hole: f64) -> RingLayout {
    let w = PLOT_HEIGHT / RING_ASPECT;
    let plot = (CENTER_X - w / 2.0, PLOT_TOP, w, PLOT_HEIGHT);
    let total: f64 = values.iter().sum();
    let mut offsets = vec![None; values.len()];
    let mut centres = vec![None; values.len()];
    if total <= 0.0 {
        return RingLayout { plot, offsets, centres };
    }
    // Lengths in chart heights, origin at the ring's centre, y downwards.
    let radius = RADIUS;
    let middle = radius * (1.0 + hole) / 2.0;
    let mut outside: [Vec<Outside>; 2] = [Vec::new(), Vec::new()];
    let mut start = 0.0;
    for (i, v) in values.iter().enumerate() {
        let share = v / total;
        let angle = 2.0 * PI * (start + share / 2.0);
        start += share;
        if *v <= 0.0 || share >= SMALL_SHARE {
            continue;
        }
        let (sin, cos) = angle.sin_cos();
        let default = (middle * sin, -middle * cos);
        let side = usize::from(sin < -1e-9);
        outside[side].push(Outside { index: i, y: -radius * OUTSIDE * cos, default });
    }
    for (side, labels) in outside.iter_mut().enumerate() {
        let sign = if side == 0 { 1.0 } else { -1.0 };
        // Top-down, each at least a line below the previous, none above the ring's top.
        labels.sort_by(|a, b| a.y.total_cmp(&b.y));
        let mut floor = -radius - LINE / 2.0;
        for Outside { index: i, y, default } in labels.iter() {
            let y = y.max(floor);
            floor = y + LINE;
            let r = radius * OUTSIDE;
            let x = sign * ((r * r - y * y).max(0.0).sqrt() + HALF_LABEL);
            offsets[*i] = Some(((x - default.0) / RING_ASPECT, y - default.1));
            centres[*i] = Some((x, y));
        }
    }
    RingLayout { plot, offsets, centres }
}
