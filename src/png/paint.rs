//! Painting the items of one page onto one band of the image, in painting order.
//!
//! A band is a run of whole pixel rows of the final image; its transform maps page pt to
//! band pixels (scale, then shift up by the band's first row). Every item is first
//! checked against the band's rows, so that a long page costs little more than the sum
//! of its parts. Fills use the non-zero winding rule and
//! strokes butt caps and miter joins, as in the PDF.
//!
//! Glyphs are blended from cached masks (see `glyphs`), so text is the same whatever
//! the bands. A shape cut by a band boundary is rasterized as two clipped halves; along
//! its anti-aliased edges a pixel may then differ from an uncut rendering by up to one
//! sub-scanline (a quarter of its coverage), which is not visible.

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use tiny_skia::{
    ColorU8, FillRule, FilterQuality, Mask, Paint, Path, PathBuilder, Pattern, Pixmap, PixmapMut,
    Rect, Shader, SpreadMode, Stroke, Transform,
};

use super::glyphs::{GlyphCache, Raster, PHASES};
use super::{color, raster, RenderError};
use crate::layout::frame::{
    ImageItem, Item, LineItem, Page, PathItem, PathSegment, Point, RectItem, Rgb, TextRun,
};

/// Distance (px) from the image beyond which a glyph is certainly not visible.
const OFF_IMAGE: f32 = 1e7;

/// Extra rows (px) around a band within which items still count as touching it: anti-
/// aliasing spreads an edge into the neighbouring pixel.
const BAND_MARGIN: f32 = 2.0;

/// The state of one page's render: caches shared by all bands of the page.
pub(super) struct Painter<'a, 'g> {
    /// Rasterized glyphs (kept across pages by the caller).
    glyphs: &'g mut GlyphCache<'a>,
    /// Decoded and resampled images, by item index.
    images: HashMap<usize, Pixmap>,
    /// Pixels per pt.
    scale: f32,
}

/// The rows of the image being painted.
struct Band {
    /// Pixels per pt.
    scale: f32,
    /// First row, in image px.
    top: f32,
    /// One past the last row, in image px.
    bottom: f32,
}

impl Band {
    /// Page pt → band px.
    fn transform(&self) -> Transform {
        Transform::from_row(self.scale, 0.0, 0.0, self.scale, 0.0, -self.top)
    }

    /// Whether something spanning `top..bottom` pt vertically may paint in this band.
    /// False for NaN extents.
    fn hits(&self, top: f32, bottom: f32) -> bool {
        bottom * self.scale >= self.top - BAND_MARGIN
            && top * self.scale <= self.bottom + BAND_MARGIN
    }

    /// `rect` (pt) in band px.
    fn device_rect(&self, x: f32, y: f32, width: f32, height: f32) -> Option<Rect> {
        let s = self.scale;
        Rect::from_xywh(x * s, y * s - self.top, width * s, height * s)
    }
}

impl<'a, 'g> Painter<'a, 'g> {
    /// A painter for one page at `scale` px per pt, taking glyphs from `glyphs`.
    pub(super) fn new(glyphs: &'g mut GlyphCache<'a>, scale: f32) -> Self {
        Self { glyphs, images: HashMap::new(), scale }
    }

    /// Paints the items of `page` that touch `target`, a band of the image whose first
    /// row is row `top` of the whole image.
    pub(super) fn paint(
        &mut self,
        page: &Page,
        target: &mut PixmapMut,
        top: u32,
    ) -> Result<(), RenderError> {
        let band =
            Band { scale: self.scale, top: top as f32, bottom: (top + target.height()) as f32 };
        for (index, item) in page.items.iter().enumerate() {
            match item {
                Item::Text(run) => self.text(run, target, &band)?,
                Item::Line(line) => draw_line(line, target, &band),
                Item::Rect(rect) => draw_rect(rect, target, &band),
                Item::Path(path) => draw_path(path, target, &band),
                Item::Image(image) => self.image(index, image, target, &band)?,
            }
        }
        Ok(())
    }

    /// Blends each glyph of `run` at its pen position (plus its offset) on the baseline,
    /// from the glyph cache (see `glyphs` for how positions are quantized).
    fn text(
        &mut self,
        run: &TextRun,
        target: &mut PixmapMut,
        band: &Band,
    ) -> Result<(), RenderError> {
        // Glyphs reach at most about an em above and below the baseline.
        let reach = 2.0 * run.size + run.embolden.max(0.0);
        if run.glyphs.is_empty()
            || !positive(run.size)
            || !band.hits(run.origin.y - reach, run.origin.y + reach)
        {
            return Ok(());
        }
        let s = band.scale;
        let px_per_unit = run.size * s / self.glyphs.units_per_em(run.font)?;
        let embolden = if run.embolden > 0.0 { run.embolden * s } else { 0.0 };
        // `hits` above keeps the baseline within a few ems of the band.
        let baseline = (run.origin.y * s).round() as i64 - band.top as i64;
        let color = color(run.color).to_color_u8();
        let mut pen = run.origin.x;
        for glyph in &run.glyphs {
            let x = (pen + glyph.x_offset) * s;
            pen += glyph.advance;
            // Far off any image (or NaN): skip, and keep the pixel arithmetic small.
            if x.is_nan() || x.abs() >= OFF_IMAGE {
                continue;
            }
            let quarters = (x * PHASES).round() as i64;
            let phase = quarters.rem_euclid(PHASES as i64) as u8;
            let raster = Raster { px_per_unit, embolden, phase };
            if let Some(glyph) = self.glyphs.mask(run.font, glyph.id, raster)? {
                let column = quarters.div_euclid(PHASES as i64) + i64::from(glyph.left);
                blend(target, &glyph.mask, column, baseline + i64::from(glyph.top), color);
            }
        }
        Ok(())
    }

    /// Draws an image resampled to the pixels it covers.
    fn image(
        &mut self,
        index: usize,
        item: &ImageItem,
        target: &mut PixmapMut,
        band: &Band,
    ) -> Result<(), RenderError> {
        if !band.hits(item.origin.y, item.origin.y + item.height) {
            return Ok(());
        }
        let Some(rect) = band.device_rect(item.origin.x, item.origin.y, item.width, item.height)
        else {
            return Ok(());
        };
        let pixmap = match self.images.entry(index) {
            Entry::Occupied(entry) => entry.into_mut(),
            Entry::Vacant(entry) => {
                let (width, height) = (rect.width().round() as u32, rect.height().round() as u32);
                let decoded =
                    raster::decode(item, width, height).map_err(|message| RenderError::Image {
                        item: index,
                        format: if item.jpeg { "JPEG" } else { "PNG" },
                        x: item.origin.x,
                        y: item.origin.y,
                        message,
                    })?;
                entry.insert(decoded)
            }
        };
        // Maps the resampled pixels onto the rect: a shift, and a scale within a pixel.
        let fit = Transform::from_row(
            rect.width() / pixmap.width() as f32,
            0.0,
            0.0,
            rect.height() / pixmap.height() as f32,
            rect.x(),
            rect.y(),
        );
        let shader =
            Pattern::new(pixmap.as_ref(), SpreadMode::Pad, FilterQuality::Bilinear, 1.0, fit);
        let paint = Paint { shader, ..Paint::default() };
        target.fill_rect(rect, &paint, Transform::identity(), None);
        Ok(())
    }
}

/// Strokes a straight line with butt caps. A horizontal or vertical line (a table rule)
/// is filled as the rectangle it covers, which gives exact coverage even below one
/// pixel, where tiny-skia would otherwise draw a one-pixel hairline at reduced opacity.
fn draw_line(line: &LineItem, target: &mut PixmapMut, band: &Band) {
    let (from, to, half) = (line.from, line.to, line.width / 2.0);
    if !positive(line.width) || !band.hits(from.y.min(to.y) - half, from.y.max(to.y) + half) {
        return;
    }
    let (left, right) = (from.x.min(to.x), from.x.max(to.x));
    let (top, bottom) = (from.y.min(to.y), from.y.max(to.y));
    if from.y == to.y || from.x == to.x {
        let covered = if from.y == to.y {
            band.device_rect(left, top - half, right - left, line.width)
        } else {
            band.device_rect(left - half, top, line.width, bottom - top)
        };
        if let Some(device) = covered {
            target.fill_rect(device, &solid(line.color), Transform::identity(), None);
        }
        return;
    }
    let mut builder = PathBuilder::new();
    builder.move_to(from.x, from.y);
    builder.line_to(to.x, to.y);
    if let Some(path) = builder.finish() {
        stroke(&path, line.color, line.width, target, band);
    }
}

/// Fills, then strokes, a rectangle. The stroke (miter joins) is the ring between the
/// rectangle grown and shrunk by half the stroke width, filled even-odd: exact
/// coverage, however thin.
fn draw_rect(rect: &RectItem, target: &mut PixmapMut, band: &Band) {
    let half = rect.stroke.map_or(0.0, |(_, width)| width / 2.0);
    if !band.hits(rect.origin.y - half, rect.origin.y + rect.height + half) {
        return;
    }
    let Point { x, y } = rect.origin;
    if let Some(fill) = rect.fill {
        // In band px with no transform, tiny-skia takes its exact rectangle path.
        if let Some(device) = band.device_rect(x, y, rect.width, rect.height) {
            target.fill_rect(device, &solid(fill), Transform::identity(), None);
        }
    }
    let Some((color, width)) = rect.stroke.filter(|&(_, width)| width > 0.0) else { return };
    let (Some(outer), inner) = (
        Rect::from_xywh(x - half, y - half, rect.width + width, rect.height + width),
        Rect::from_xywh(x + half, y + half, rect.width - width, rect.height - width),
    ) else {
        return;
    };
    let mut builder = PathBuilder::new();
    builder.push_rect(outer);
    if let Some(inner) = inner.filter(|inner| !inner.is_empty()) {
        builder.push_rect(inner);
    }
    if let Some(ring) = builder.finish() {
        target.fill_path(&ring, &solid(color), FillRule::EvenOdd, band.transform(), None);
    }
}

/// Fills, then strokes, a vector path.
fn draw_path(item: &PathItem, target: &mut PixmapMut, band: &Band) {
    let Some(path) = build_path(&item.segments) else { return };
    let half = item.stroke.map_or(0.0, |(_, width)| width / 2.0);
    // Miter joins can reach further than half the width; 4× covers the default limit.
    let reach = half * 4.0;
    if !band.hits(path.bounds().top() - reach, path.bounds().bottom() + reach) {
        return;
    }
    if let Some(fill) = item.fill {
        target.fill_path(&path, &solid(fill), FillRule::Winding, band.transform(), None);
    }
    if let Some((color, width)) = item.stroke.filter(|&(_, width)| width > 0.0) {
        stroke(&path, color, width, target, band);
    }
}

/// The tiny-skia path of the layout's segments; `None` when it has no extent.
fn build_path(segments: &[PathSegment]) -> Option<Path> {
    let mut builder = PathBuilder::new();
    for segment in segments {
        match *segment {
            PathSegment::MoveTo(p) => builder.move_to(p.x, p.y),
            PathSegment::LineTo(p) => builder.line_to(p.x, p.y),
            PathSegment::CubicTo(c1, c2, p) => builder.cubic_to(c1.x, c1.y, c2.x, c2.y, p.x, p.y),
            PathSegment::Close => builder.close(),
        }
    }
    builder.finish()
}

/// Strokes `path` (in pt) with `width` pt, butt caps and miter joins.
fn stroke(path: &Path, color: Rgb, width: f32, target: &mut PixmapMut, band: &Band) {
    let stroke = Stroke { width, ..Stroke::default() };
    target.stroke_path(path, &solid(color), &stroke, band.transform(), None);
}

/// An anti-aliased solid paint.
fn solid(rgb: Rgb) -> Paint<'static> {
    Paint { shader: Shader::SolidColor(color(rgb)), anti_alias: true, ..Paint::default() }
}

/// Paints `color` through `mask` with its top-left pixel at (`x`, `y`) of `target`
/// (source-over, clipped to the target).
fn blend(target: &mut PixmapMut, mask: &Mask, x: i64, y: i64, color: ColorU8) {
    let (width, height) = (i64::from(target.width()), i64::from(target.height()));
    let (mask_width, mask_height) = (i64::from(mask.width()), i64::from(mask.height()));
    let (columns, rows) =
        (x.max(0)..(x + mask_width).min(width), y.max(0)..(y + mask_height).min(height));
    if columns.is_empty() || rows.is_empty() {
        return;
    }
    let source = [color.red(), color.green(), color.blue(), color.alpha()];
    let pixels = target.data_mut();
    for row in rows {
        let coverage = &mask.data()[((row - y) * mask_width) as usize..][..mask_width as usize];
        let line = &mut pixels[(row * width * 4) as usize..][..(width * 4) as usize];
        for column in columns.clone() {
            let alpha = u32::from(coverage[(column - x) as usize]);
            if alpha == 0 {
                continue;
            }
            let pixel = &mut line[(column * 4) as usize..][..4];
            for (channel, &src) in pixel.iter_mut().zip(&source) {
                *channel = ((u32::from(src) * alpha + u32::from(*channel) * (255 - alpha) + 127)
                    / 255) as u8;
            }
        }
    }
}

/// Whether `value` is greater than zero (false for NaN).
fn positive(value: f32) -> bool {
    value > 0.0
}
