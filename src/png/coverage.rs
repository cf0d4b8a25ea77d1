//! A signed-area coverage rasterizer for glyph masks: the accumulation algorithm of
//! Raph Levien's font-rs, which typst-render also uses for its glyphs (via pixglyph).
//!
//! Every edge adds, to the cells it crosses, the signed area it sweeps to its right; a
//! running sum along the rows then gives each pixel's exact anti-aliased coverage
//! (clamped to 1, which equals the non-zero rule except where opposite windings meet
//! inside one pixel). For a small glyph this is several times faster than tiny-skia's
//! general scan converter, whose per-path set-up dominates at text sizes.
//!
//! The running sum crosses from one row into the next, which is correct only if every
//! contour is closed and lies inside the canvas horizontally: callers leave a margin of
//! at least one pixel around the path.

use tiny_skia::{Path, PathSegment, Point, Transform};

/// Largest distance, in px, between a curve and the lines that replace it.
const TOLERANCE: f32 = 0.1;

/// Coverage steps above zero. Exact coverage takes every value from 0 to 255 and
/// doubles the size of a PNG of text; 15 steps (as many as tiny-skia's 4 × 4
/// supersampling gives) look the same and compress as well.
const LEVELS: f32 = 15.0;

/// Most lines one curve is cut into.
const MAX_PIECES: f32 = 64.0;

/// Accumulated signed areas of a `width` × `height` px canvas.
pub(super) struct Coverage {
    /// Canvas width in px.
    width: usize,
    /// Canvas height in px.
    height: usize,
    /// Row-major cells, plus one spare: an edge on the right border writes one past
    /// its row.
    cells: Vec<f32>,
}

impl Coverage {
    /// An empty canvas.
    pub(super) fn new(width: usize, height: usize) -> Self {
        Self { width, height, cells: vec![0.0; width * height + 1] }
    }

    /// Adds the outline of `path` mapped by `transform`, closing open contours.
    pub(super) fn add_path(&mut self, path: &Path, transform: Transform) {
        let map = |mut p: Point| {
            transform.map_point(&mut p);
            p
        };
        let (mut start, mut last) = (Point::zero(), Point::zero());
        for segment in path.segments() {
            match segment {
                PathSegment::MoveTo(p) => {
                    self.line(last, start);
                    start = map(p);
                    last = start;
                }
                PathSegment::LineTo(p) => {
                    let p = map(p);
                    self.line(last, p);
                    last = p;
                }
                PathSegment::QuadTo(c, p) => {
                    let (c, p) = (map(c), map(p));
                    self.curve(last, p, ((c - last) - (p - c)).length(), |t| quad(last, c, p, t));
                    last = p;
                }
                PathSegment::CubicTo(c1, c2, p) => {
                    let (c1, c2, p) = (map(c1), map(c2), map(p));
                    let bend = max_len((c1 - last) - (c2 - c1), (c2 - c1) - (p - c2));
                    self.curve(last, p, bend, |t| cubic(last, c1, c2, p, t));
                    last = p;
                }
                PathSegment::Close => {
                    self.line(last, start);
                    last = start;
                }
            }
        }
        self.line(last, start);
    }

    /// Coverage per pixel, row-major, in [`LEVELS`] steps from 0 to 255.
    pub(super) fn into_alpha(self) -> Vec<u8> {
        let mut sum = 0.0f32;
        let mut alpha = Vec::with_capacity(self.width * self.height);
        for cell in &self.cells[..self.width * self.height] {
            sum += cell;
            let level = (sum.abs().min(1.0) * LEVELS + 0.5) as u8;
            alpha.push(level * (255 / LEVELS as u8));
        }
        alpha
    }

    /// Adds a curve from `from` to `to` as straight pieces, as many as its `bend` (the
    /// length of its largest second difference, in px) needs to stay within
    /// [`TOLERANCE`]; `at(t)` is the curve's point at `t`.
    fn curve(&mut self, from: Point, to: Point, bend: f32, at: impl Fn(f32) -> Point) {
        let pieces = (0.75 * bend / TOLERANCE).sqrt().ceil().clamp(1.0, MAX_PIECES);
        let mut last = from;
        for i in 1..pieces as u32 {
            let p = at(i as f32 / pieces);
            self.line(last, p);
            last = p;
        }
        self.line(last, to);
    }

    /// Adds the signed area right of the edge `p0` → `p1` (downwards counts +1).
    fn line(&mut self, p0: Point, p1: Point) {
        if p0.y == p1.y || !(p0.y.is_finite() && p1.y.is_finite()) {
            return;
        }
        let (dir, top, bottom) = if p0.y < p1.y { (1.0, p0, p1) } else { (-1.0, p1, p0) };
        let dxdy = (bottom.x - top.x) / (bottom.y - top.y);
        let first = top.y.max(0.0);
        let mut x = top.x + (first - top.y) * dxdy;
        let last_row = (bottom.y.ceil().max(0.0) as usize).min(self.height);
        for row in first as usize..last_row {
            let dy = ((row + 1) as f32).min(bottom.y) - (row as f32).max(top.y);
            let next = x + dxdy * dy;
            self.strip(row, x, next, dy * dir);
            x = next;
        }
    }

    /// Adds the area `d` (a strip of one row's height `|d|`) of an edge that crosses
    /// row `row` from `xa` to `xb`, split among the cells it passes.
    fn strip(&mut self, row: usize, xa: f32, xb: f32, d: f32) {
        let (x0, x1) = if xa < xb { (xa, xb) } else { (xb, xa) };
        // The canvas margin keeps x0 ≥ 0; clamp anyway so a stray point cannot index
        // another row.
        let max = (self.width - 1) as f32;
        let (x0, x1) = (x0.clamp(0.0, max), x1.clamp(0.0, max));
        let line = row * self.width;
        let (x0_floor, x1_ceil) = (x0.floor(), x1.ceil());
        let (i0, i1) = (x0_floor as usize, x1_ceil as usize);
        if i1 <= i0 + 1 {
            // Within one cell: the part left of the edge's mid-point stays in it.
            let mid = 0.5 * (x0 + x1) - x0_floor;
            self.cells[line + i0] += d - d * mid;
            self.cells[line + i0 + 1] += d * mid;
            return;
        }
        // Across cells: the edge's coverage grows linearly between x0 and x1.
        let s = (x1 - x0).recip();
        let x0_frac = x0 - x0_floor;
        let a0 = 0.5 * s * (1.0 - x0_frac) * (1.0 - x0_frac);
        let x1_frac = x1 - x1_ceil + 1.0;
        let am = 0.5 * s * x1_frac * x1_frac;
        self.cells[line + i0] += d * a0;
        if i1 == i0 + 2 {
            self.cells[line + i0 + 1] += d * (1.0 - a0 - am);
        } else {
            let a1 = s * (1.5 - x0_frac);
            self.cells[line + i0 + 1] += d * (a1 - a0);
            for cell in &mut self.cells[line + i0 + 2..line + i1 - 1] {
                *cell += d * s;
            }
            let a2 = a1 + (i1 - i0 - 3) as f32 * s;
            self.cells[line + i1 - 1] += d * (1.0 - a2 - am);
        }
        self.cells[line + i1] += d * am;
    }
}

/// The larger length of two vectors.
fn max_len(a: Point, b: Point) -> f32 {
    a.length().max(b.length())
}

/// The point at `t` of the quadratic Bézier `p0`, `c`, `p1`.
fn quad(p0: Point, c: Point, p1: Point, t: f32) -> Point {
    let u = 1.0 - t;
    Point::from_xy(
        u * u * p0.x + 2.0 * u * t * c.x + t * t * p1.x,
        u * u * p0.y + 2.0 * u * t * c.y + t * t * p1.y,
    )
}

/// The point at `t` of the cubic Bézier `p0`, `c1`, `c2`, `p1`.
fn cubic(p0: Point, c1: Point, c2: Point, p1: Point, t: f32) -> Point {
    let u = 1.0 - t;
    let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
    Point::from_xy(
        a * p0.x + b * c1.x + c * c2.x + d * p1.x,
        a * p0.y + b * c1.y + c * c2.y + d * p1.y,
    )
}
