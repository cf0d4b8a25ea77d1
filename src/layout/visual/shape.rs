//! Vector shapes of the graphics — rectangles, rules and ring slices made of cubic
//! Béziers — with every coordinate rounded to 0.01 pt, and the colour arithmetic the
//! graphics need (WCAG contrast, blending).
//!
//! **Angles** are in radians, measured clockwise from 12 o'clock (the page's y axis
//! points down): the point at angle θ on a circle of radius r around (cx, cy) is
//! (cx + r·sin θ, cy − r·cos θ). Arcs are split into pieces of at most 90°, each a
//! cubic with control distance 4/3·tan(Δ/4)·r.

use std::f64::consts::FRAC_PI_2;

use crate::layout::frame::{Item, LineItem, PathItem, PathSegment, Point, RectItem, Rgb};

/// A light grey for axes and baselines.
pub(crate) const AXIS: Rgb = Rgb(0xC4, 0xC4, 0xC4);

/// `v` rounded to 0.01 pt.
pub(crate) fn round2(v: f32) -> f32 {
    ((v as f64 * 100.0).round() / 100.0) as f32
}

/// A point with both coordinates rounded to 0.01 pt.
pub(crate) fn pt(x: f32, y: f32) -> Point {
    Point::new(round2(x), round2(y))
}

/// A filled rectangle (corners rounded to 0.01 pt, so that abutting rectangles share
/// their edges exactly).
pub(crate) fn rect(x: f32, y: f32, width: f32, height: f32, fill: Rgb) -> Item {
    let (x0, y0) = (round2(x), round2(y));
    Item::Rect(RectItem {
        origin: Point::new(x0, y0),
        width: round2(x + width) - x0,
        height: round2(y + height) - y0,
        fill: Some(fill),
        stroke: None,
    })
}

/// A straight rule.
pub(crate) fn rule(from: (f32, f32), to: (f32, f32), width: f32, color: Rgb) -> Item {
    Item::Line(LineItem { from: pt(from.0, from.1), to: pt(to.0, to.1), width, color })
}

/// The point at angle `theta` (clockwise from 12 o'clock) on a circle.
pub(crate) fn polar(cx: f32, cy: f32, r: f32, theta: f64) -> Point {
    let (x, y) = on_circle(cx, cy, r, theta);
    point64(x, y)
}

/// The unrounded point at angle `theta` on a circle, in f64.
fn on_circle(cx: f32, cy: f32, r: f32, theta: f64) -> (f64, f64) {
    (cx as f64 + r as f64 * theta.sin(), cy as f64 - r as f64 * theta.cos())
}

/// An f64 position rounded to 0.01 pt.
fn point64(x: f64, y: f64) -> Point {
    let round = |v: f64| ((v * 100.0).round() / 100.0) as f32;
    Point::new(round(x), round(y))
}

/// Append the arc from angle `from` to `to` (either direction) of a circle, as cubics
/// of at most 90° each; the current point must be the arc's start.
pub(crate) fn arc(out: &mut Vec<PathSegment>, cx: f32, cy: f32, r: f32, from: f64, to: f64) {
    let sweep = to - from;
    let pieces = ((sweep.abs() / FRAC_PI_2) - 1e-9).ceil().max(1.0) as usize;
    let step = sweep / pieces as f64;
    // Control distance along the tangent; negative for a counter-clockwise arc.
    let k = 4.0 / 3.0 * (step / 4.0).tan() * r as f64;
    for i in 0..pieces {
        let a0 = from + step * i as f64;
        let a1 = if i + 1 == pieces { to } else { a0 + step };
        let (x0, y0) = on_circle(cx, cy, r, a0);
        let (x1, y1) = on_circle(cx, cy, r, a1);
        // The tangent of θ ↦ (sin θ, −cos θ) is (cos θ, sin θ).
        let c0 = point64(x0 + k * a0.cos(), y0 + k * a0.sin());
        let c1 = point64(x1 - k * a1.cos(), y1 - k * a1.sin());
        out.push(PathSegment::CubicTo(c0, c1, point64(x1, y1)));
    }
}

/// A ring slice (annular sector) from angle `from` to `to` (clockwise, `to > from`).
pub(crate) fn ring_slice(
    center: (f32, f32),
    outer: f32,
    inner: f32,
    from: f64,
    to: f64,
    fill: Rgb,
) -> Item {
    let (cx, cy) = center;
    let mut segments = vec![PathSegment::MoveTo(polar(cx, cy, outer, from))];
    arc(&mut segments, cx, cy, outer, from, to);
    segments.push(PathSegment::LineTo(polar(cx, cy, inner, to)));
    arc(&mut segments, cx, cy, inner, to, from);
    segments.push(PathSegment::Close);
    Item::Path(PathItem { segments, fill: Some(fill), stroke: None })
}

/// A whole ring: the outer circle clockwise and the inner one counter-clockwise, so
/// that the non-zero fill leaves the hole empty.
pub(crate) fn full_ring(center: (f32, f32), outer: f32, inner: f32, fill: Rgb) -> Item {
    let (cx, cy) = center;
    let tau = std::f64::consts::TAU;
    let mut segments = vec![PathSegment::MoveTo(polar(cx, cy, outer, 0.0))];
    arc(&mut segments, cx, cy, outer, 0.0, tau);
    segments.push(PathSegment::Close);
    segments.push(PathSegment::MoveTo(polar(cx, cy, inner, 0.0)));
    arc(&mut segments, cx, cy, inner, tau, 0.0);
    segments.push(PathSegment::Close);
    Item::Path(PathItem { segments, fill: Some(fill), stroke: None })
}

/// An open polyline (leader lines).
pub(crate) fn polyline(points: &[Point], width: f32, color: Rgb) -> Item {
    let segments = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let p = pt(p.x, p.y);
            if i == 0 {
                PathSegment::MoveTo(p)
            } else {
                PathSegment::LineTo(p)
            }
        })
        .collect();
    Item::Path(PathItem { segments, fill: None, stroke: Some((color, width)) })
}

/// WCAG relative luminance of an sRGB colour.
fn luminance(c: Rgb) -> f64 {
    let channel = |v: u8| {
        let s = v as f64 / 255.0;
        if s <= 0.04045 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
}

/// WCAG contrast ratio of two colours (1 to 21).
pub(crate) fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `top` laid over `bottom` with opacity `alpha` (0–1).
pub(crate) fn blend(top: Rgb, bottom: Rgb, alpha: f32) -> Rgb {
    let mix = |t: u8, b: u8| (t as f32 * alpha + b as f32 * (1.0 - alpha)).round() as u8;
    Rgb(mix(top.0, bottom.0), mix(top.1, bottom.1), mix(top.2, bottom.2))
}

/// White or `dark`, whichever reads better on `background`.
pub(crate) fn text_on(background: Rgb, dark: Rgb) -> Rgb {
    if contrast(Rgb::WHITE, background) >= contrast(dark, background) {
        Rgb::WHITE
    } else {
        dark
    }
}

/// `color` over `background` at the lowest opacity from `alpha` up that keeps a
/// contrast of 4.5:1 (WCAG AA), or the colour itself.
pub(crate) fn soft_on(color: Rgb, background: Rgb, alpha: f32) -> Rgb {
    let mut a = alpha;
    while a < 1.0 && contrast(blend(color, background, a), background) < 4.5 {
        a += 0.02;
    }
    blend(color, background, a.min(1.0))
}
