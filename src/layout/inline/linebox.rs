//! One candidate line: the widths of its clusters and of the spaces between them,
//! and the clreq adjustments that make it fit its measure.
//!
//! **Natural width.** Full-width characters take whole grid cells; Western text its
//! font advances. Han–Latin spaces start at ¼ em and are then *snapped*: within the
//! ⅛–½ em range clreq allows, they are chosen so that the Han text after a Western
//! run lands back on the grid (clreq 3.2.5). A plain-Han line therefore has a natural
//! width of whole cells and needs no adjustment, and mixed lines usually too.
//!
//! **Reduction** (when the natural width overflows; clreq 3.5.3 order, restricted):
//! 1. a closing mark at the line end loses up to ½ em (GB/T 15834 5.1.10);
//! 2. Han–Latin spaces shrink down to ⅛ em;
//! 3. a pair of closing marks at the line end (「。”」「）、」) is compressed by up to
//!    ½ em (clreq 3.1.6.2) — the only place adjacent marks are compressed, and only
//!    so that the pair need not be split from its text.
//!
//! Commas, stops and brackets inside a line are never compressed to fit more text.
//!
//! **Expansion** (justified lines that are short; clreq 3.5.4 order): word spaces
//! up to ½ em, then Han–Latin spaces up to ½ em, then all remaining inter-character
//! gaps equally — never inside words or unbreakable marks, never around connectors.

use std::ops::Range;

use super::boundary::GapKind;
use super::class::CharClass;
use super::Prepared;

/// Tolerance for width comparisons, in pt.
pub(crate) const EPS: f32 = 0.01;

/// A line of clusters with the current width of every cluster and gap.
#[derive(Clone, Debug)]
pub(crate) struct LineBox {
    /// The clusters of the line (including spaces at its edges).
    pub range: Range<usize>,
    /// The clusters that are set (without leading and trailing spaces).
    pub content: Range<usize>,
    /// Advance of each cluster in `range` (edge spaces are 0).
    pub advances: Vec<f32>,
    /// Space before each cluster in `range` (`gaps[0]` is always 0).
    pub gaps: Vec<f32>,
    /// Distance of the line start from the measure's left edge (for grid snapping).
    pub origin: f32,
}

impl LineBox {
    /// The line `range` at natural width, snapped to the grid from `origin`.
    pub(crate) fn natural(par: &Prepared, range: Range<usize>, origin: f32) -> LineBox {
        let is_space = |i: usize| par.clusters[i].class == CharClass::Space;
        let mut first = range.start;
        while first < range.end && is_space(first) {
            first += 1;
        }
        let mut last = range.end;
        while last > first && is_space(last - 1) {
            last -= 1;
        }
        let len = range.len();
        let mut advances = vec![0.0; len];
        let mut gaps = vec![0.0; len];
        for i in first..last {
            advances[i - range.start] = par.clusters[i].width;
            if i > first && par.bounds[i].kind == GapKind::HanLatin {
                gaps[i - range.start] = par.cell / 4.0;
            }
        }
        let mut line = LineBox { range, content: first..last, advances, gaps, origin };
        line.snap_western_runs(par);
        line
    }

    /// Total width of the line.
    pub(crate) fn width(&self) -> f32 {
        self.advances.iter().sum::<f32>() + self.gaps.iter().sum::<f32>()
    }

    fn adv(&self, i: usize) -> f32 {
        self.advances[i - self.range.start]
    }

    fn gap(&self, i: usize) -> f32 {
        self.gaps[i - self.range.start]
    }

    fn set_gap(&mut self, i: usize, value: f32) {
        self.gaps[i - self.range.start] = value;
    }

    /// Whether a boundary inside the content is Han–Latin space.
    fn is_han_latin(&self, par: &Prepared, i: usize) -> bool {
        i > self.content.start && i < self.content.end && par.bounds[i].kind == GapKind::HanLatin
    }

    /// Choose Han–Latin spaces (⅛–½ em) around each Western run so that the text after
    /// it starts on a whole grid cell, when the range allows (clreq 3.2.5).
    fn snap_western_runs(&mut self, par: &Prepared) {
        let (min, max) = (par.cell / 8.0, par.cell / 2.0);
        let mut x = self.origin;
        let mut i = self.content.start;
        while i < self.content.end {
            if !par.clusters[i].class.is_proportional() {
                x += self.gap(i) + self.adv(i);
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i;
            while end < self.content.end && par.clusters[end].class.is_proportional() {
                end += 1;
            }
            let inner: f32 = (start..end).map(|k| self.adv(k)).sum::<f32>()
                + (start + 1..end).map(|k| self.gap(k)).sum::<f32>();
            let flex: Vec<usize> =
                [start, end].into_iter().filter(|&b| self.is_han_latin(par, b)).collect();
            if !flex.is_empty() {
                let n = flex.len() as f32;
                let lowest = x + inner + n * min;
                let target = ((lowest - EPS) / par.cell).ceil() * par.cell;
                if target <= x + inner + n * max + EPS {
                    let each = (target - x - inner) / n;
                    for &b in &flex {
                        self.set_gap(b, each);
                    }
                }
            }
            x += self.gap(start) + inner;
            i = end;
        }
    }

    /// Shrink the line to `target` by the permitted reductions, in order; returns
    /// whether it now fits. Each step takes only what is still needed.
    pub(crate) fn reduce_to(&mut self, par: &Prepared, target: f32) -> bool {
        let mut excess = self.width() - target;
        if excess <= EPS {
            return true;
        }
        let last = self.content.end.saturating_sub(1);
        let trimmable = |i: usize| {
            par.clusters[i].class.is_trimmable_end() && par.clusters[i].glyphs.len() == 1
        };
        if self.content.len() >= 2 && trimmable(last) {
            excess -= self.trim(last, excess, par.clusters[last].cell / 2.0);
        }
        if excess > EPS {
            let spaces: Vec<usize> =
                self.content.clone().filter(|&i| self.is_han_latin(par, i)).collect();
            let room: f32 = spaces.iter().map(|&i| self.gap(i) - par.cell / 8.0).sum();
            if room > 0.0 {
                let share = (excess / room).min(1.0);
                for i in spaces {
                    let g = self.gap(i);
                    self.set_gap(i, g - (g - par.cell / 8.0) * share);
                }
                excess -= room * share;
            }
        }
        if excess > EPS && self.content.len() >= 3 && trimmable(last) && trimmable(last - 1) {
            excess -= self.trim(last - 1, excess, par.clusters[last - 1].cell / 2.0);
        }
        excess <= EPS
    }

    /// Take up to `limit` (and at most `wanted`) off a cluster's advance.
    fn trim(&mut self, i: usize, wanted: f32, limit: f32) -> f32 {
        let cut = wanted.min(limit);
        self.advances[i - self.range.start] -= cut;
        cut
    }

    /// The narrowest this line can be made.
    pub(crate) fn min_width(&self, par: &Prepared) -> f32 {
        let mut probe = self.clone();
        probe.reduce_to(par, 0.0);
        probe.width()
    }

    /// Widen a justified line to `target` (clreq 3.5.4 order).
    pub(crate) fn expand_to(&mut self, par: &Prepared, target: f32) {
        let mut slack = target - self.width();
        let half = par.cell / 2.0;
        // 1. word spaces, up to ½ em each
        let spaces: Vec<usize> =
            self.content.clone().filter(|&i| par.clusters[i].class == CharClass::Space).collect();
        slack -= self.grow(
            &spaces,
            slack,
            |line, i| half - line.adv(i),
            |line, i, d| line.advances[i - line.range.start] += d,
        );
        // 2. Han–Latin spaces, up to ½ em each
        let han_latin: Vec<usize> =
            self.content.clone().filter(|&i| self.is_han_latin(par, i)).collect();
        slack -= self.grow(
            &han_latin,
            slack,
            |line, i| half - line.gap(i),
            |line, i, d| {
                let g = line.gap(i);
                line.set_gap(i, g + d)
            },
        );
        // 3. every other inter-character gap, equally
        if slack > EPS {
            let gaps: Vec<usize> = (self.content.start + 1..self.content.end)
                .filter(|&i| par.bounds[i].kind != GapKind::Fixed)
                .collect();
            if !gaps.is_empty() {
                let each = slack / gaps.len() as f32;
                for i in gaps {
                    let g = self.gap(i);
                    self.set_gap(i, g + each);
                }
            }
        }
    }

    /// Give `slack` to `items`, each up to its room, in proportion to the room; returns
    /// what was used.
    fn grow(
        &mut self,
        items: &[usize],
        slack: f32,
        room: impl Fn(&LineBox, usize) -> f32,
        add: impl Fn(&mut LineBox, usize, f32),
    ) -> f32 {
        if slack <= EPS || items.is_empty() {
            return 0.0;
        }
        let rooms: Vec<f32> = items.iter().map(|&i| room(self, i).max(0.0)).collect();
        let total: f32 = rooms.iter().sum();
        if total <= 0.0 {
            return 0.0;
        }
        let share = (slack / total).min(1.0);
        for (&i, r) in items.iter().zip(rooms) {
            add(self, i, r * share);
        }
        total * share
    }
}
