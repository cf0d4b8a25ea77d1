//! Glyphs as cached coverage masks.
//!
//! Filling a CJK outline (dozens of cubic contours) costs tiny-skia tens of
//! microseconds, and a report sets the same few hundred ideographs thousands of times.
//! So each glyph is rasterized once per size, weight and horizontal quarter-pixel phase
//! into an anti-aliased coverage [`Mask`] (by the fast rasterizer of `coverage`), which
//! the painter then blends wherever the glyph recurs. typst-render does the same.
//!
//! Placement is therefore quantized: horizontally to a quarter pixel (≤ 1/8 px off),
//! vertically to the whole pixel (≤ 1/2 px off). Snapping baselines keeps every line's
//! horizontal strokes anti-aliased alike, as font renderers do.
//!
//! Outlines are read with ttf-parser (TrueType or CFF) in font units, y up; the mask
//! transform scales them to pixels and flips y.

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use tiny_skia::{IntSize, LineJoin, Mask, Path, PathBuilder, Stroke, Transform};

use super::coverage::Coverage;
use super::RenderError;
use crate::fonts::{FontBook, FontId};

/// Horizontal positions per pixel at which glyphs are rasterized.
pub(super) const PHASES: f32 = 4.0;

/// How to rasterize one glyph.
#[derive(Clone, Copy, Debug)]
pub(super) struct Raster {
    /// Pixels per font unit (font size × scale / units per em).
    pub(super) px_per_unit: f32,
    /// Width of the emboldening stroke, in px (0 = none).
    pub(super) embolden: f32,
    /// Horizontal offset of the pen within its pixel, in quarter pixels (0..4).
    pub(super) phase: u8,
}

/// A rasterized glyph: coverage, and where its top-left pixel lies relative to the
/// pen's pixel on the baseline row.
pub(super) struct GlyphMask {
    /// Anti-aliased coverage, 0–255.
    pub(super) mask: Mask,
    /// Column of the mask's left edge, relative to the pen's pixel.
    pub(super) left: i32,
    /// Row of the mask's top edge, relative to the baseline's row.
    pub(super) top: i32,
}

/// (face, glyph, px per unit, embolden px, phase) — the floats as bits.
type MaskKey = (FontId, u16, u32, u32, u8);

/// Parsed faces and rasterized glyphs of one render, keyed by the layout's ids.
pub(super) struct GlyphCache<'a> {
    /// The faces the layout used.
    book: &'a FontBook,
    /// Faces parsed so far, with their units per em.
    faces: HashMap<FontId, (ttf_parser::Face<'a>, f32)>,
    /// Glyph masks; `None` for a glyph that draws nothing (a space).
    masks: HashMap<MaskKey, Option<GlyphMask>>,
}

impl<'a> GlyphCache<'a> {
    /// An empty cache over the faces of `book`.
    pub(super) fn new(book: &'a FontBook) -> Self {
        Self { book, faces: HashMap::new(), masks: HashMap::new() }
    }

    /// Font units per em of face `font`.
    pub(super) fn units_per_em(&mut self, font: FontId) -> Result<f32, RenderError> {
        Ok(self.face(font)?.1)
    }

    /// Glyph `id` of `font` rasterized as `raster` says; `None` when it draws nothing.
    pub(super) fn mask(
        &mut self,
        font: FontId,
        id: u16,
        raster: Raster,
    ) -> Result<Option<&GlyphMask>, RenderError> {
        let key = (font, id, raster.px_per_unit.to_bits(), raster.embolden.to_bits(), raster.phase);
        if !self.masks.contains_key(&key) {
            let outline = outline_of(&self.face(font)?.0, id);
            self.masks.insert(key, outline.and_then(|path| rasterize(&path, raster)));
        }
        Ok(self.masks[&key].as_ref())
    }

    /// Face `font`, parsed on first use.
    fn face(&mut self, font: FontId) -> Result<&(ttf_parser::Face<'a>, f32), RenderError> {
        match self.faces.entry(font) {
            Entry::Occupied(entry) => Ok(entry.into_mut()),
            Entry::Vacant(entry) => {
                let loaded = self.book.face(font);
                let face = ttf_parser::Face::parse(&loaded.data, loaded.index)
                    .map_err(|err| RenderError::Font { font, message: err.to_string() })?;
                let units_per_em = f32::from(face.units_per_em());
                Ok(entry.insert((face, units_per_em)))
            }
        }
    }
}

/// Fills `outline` (font units) into a mask just large enough for it, plus its
/// emboldening stroke (round joins, as in the PDF) when there is one.
fn rasterize(outline: &Path, raster: Raster) -> Option<GlyphMask> {
    let Raster { px_per_unit: k, embolden, phase } = raster;
    let dx = f32::from(phase) / PHASES;
    let pad = embolden / 2.0 + 1.0;
    let bounds = outline.bounds();
    // Font units have y up: the outline's largest y is the glyph's top.
    let left = (dx + k * bounds.left() - pad).floor();
    let top = (-k * bounds.bottom() - pad).floor();
    let width = (dx + k * bounds.right() + pad).ceil() - left;
    let height = (-k * bounds.top() + pad).ceil() - top;
    // A glyph larger than a whole image is a layout bug; it draws nothing.
    let area = width * height;
    if area.is_nan() || area > super::MAX_PIXELS as f32 {
        return None;
    }
    let (w, h) = (width as usize, height as usize);
    let place = Transform::from_row(k, 0.0, 0.0, -k, dx - left, -top);
    let mut coverage = Coverage::new(w, h);
    coverage.add_path(outline, place);
    let mut alpha = coverage.into_alpha();
    if embolden > 0.0 {
        let stroke =
            Stroke { width: embolden / k, line_join: LineJoin::Round, ..Stroke::default() };
        if let Some(stroked) = outline.stroke(&stroke, k) {
            let mut rim = Coverage::new(w, h);
            rim.add_path(&stroked, place);
            // Union of fill and stroke, as painting one over the other would give.
            for (a, b) in alpha.iter_mut().zip(rim.into_alpha()) {
                *a = (u32::from(*a) + u32::from(b) - (u32::from(*a) * u32::from(b) + 127) / 255)
                    as u8;
            }
        }
    }
    let mask = Mask::from_vec(alpha, IntSize::from_wh(width as u32, height as u32)?)?;
    Some(GlyphMask { mask, left: left as i32, top: top as i32 })
}

/// Reads the outline of glyph `id` (TrueType or CFF) into a path, in font units.
pub(super) fn outline_of(face: &ttf_parser::Face, id: u16) -> Option<Path> {
    let mut builder = Outline(PathBuilder::new());
    face.outline_glyph(ttf_parser::GlyphId(id), &mut builder)?;
    builder.0.finish()
}

/// Feeds ttf-parser's outline callbacks into a tiny-skia path.
struct Outline(PathBuilder);

impl ttf_parser::OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, y);
    }

    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.0.quad_to(x1, y1, x, y);
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.0.cubic_to(x1, y1, x2, y2, x, y);
    }

    fn close(&mut self) {
        self.0.close();
    }
}
