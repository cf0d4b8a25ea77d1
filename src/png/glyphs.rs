//! Glyph outlines as tiny-skia paths, read once per face and glyph.
//!
//! Outlines are kept in font units with the font's y axis (up); the painter maps them
//! onto the page with one transform per glyph (scale by size / units per em, flip y,
//! move to the pen position). Emboldening strokes are stroked once per glyph and width
//! and kept as fillable outlines too.

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use tiny_skia::{LineJoin, Path, PathBuilder, Stroke};

use super::RenderError;
use crate::fonts::{FontBook, FontId};

/// A parsed face and the one number the painter needs from it.
struct Face<'a> {
    /// The parsed tables (borrowing the book's bytes).
    face: ttf_parser::Face<'a>,
    /// Font units per em, as `f32`.
    units_per_em: f32,
}

/// Parsed faces and glyph outlines of one render, keyed by the layout's ids.
pub(super) struct GlyphCache<'a> {
    /// The faces the layout used.
    book: &'a FontBook,
    /// Faces parsed so far.
    faces: HashMap<FontId, Face<'a>>,
    /// (face, glyph) → outline in font units; `None` for a glyph without one (a space).
    outlines: HashMap<(FontId, u16), Option<Path>>,
    /// (face, glyph, stroke width in font units as bits) → the stroke's outline.
    strokes: HashMap<(FontId, u16, u32), Option<Path>>,
}

impl<'a> GlyphCache<'a> {
    /// An empty cache over the faces of `book`.
    pub(super) fn new(book: &'a FontBook) -> Self {
        Self { book, faces: HashMap::new(), outlines: HashMap::new(), strokes: HashMap::new() }
    }

    /// Font units per em of face `font`.
    pub(super) fn units_per_em(&mut self, font: FontId) -> Result<f32, RenderError> {
        Ok(self.face(font)?.units_per_em)
    }

    /// The outline of glyph `id` of `font` in font units (y up); `None` when the glyph
    /// draws nothing.
    pub(super) fn outline(&mut self, font: FontId, id: u16) -> Result<Option<&Path>, RenderError> {
        if !self.outlines.contains_key(&(font, id)) {
            let outline = outline_of(&self.face(font)?.face, id);
            self.outlines.insert((font, id), outline);
        }
        Ok(self.outlines[&(font, id)].as_ref())
    }

    /// The area covered by stroking the outline of glyph `id` with `width` font units
    /// and round joins (fake bold), as a fillable path. `precision` is the number of
    /// device pixels per font unit, which sets how finely curves are flattened.
    pub(super) fn stroke(
        &mut self,
        font: FontId,
        id: u16,
        width: f32,
        precision: f32,
    ) -> Result<Option<&Path>, RenderError> {
        let key = (font, id, width.to_bits());
        if !self.strokes.contains_key(&key) {
            let stroke = Stroke { width, line_join: LineJoin::Round, ..Stroke::default() };
            let stroked = self.outline(font, id)?.and_then(|path| path.stroke(&stroke, precision));
            self.strokes.insert(key, stroked);
        }
        Ok(self.strokes[&key].as_ref())
    }

    /// Face `font`, parsed on first use.
    fn face(&mut self, font: FontId) -> Result<&Face<'a>, RenderError> {
        match self.faces.entry(font) {
            Entry::Occupied(entry) => Ok(entry.into_mut()),
            Entry::Vacant(entry) => {
                let loaded = self.book.face(font);
                let face = ttf_parser::Face::parse(&loaded.data, loaded.index)
                    .map_err(|err| RenderError::Font { font, message: err.to_string() })?;
                let units_per_em = f32::from(face.units_per_em());
                Ok(entry.insert(Face { face, units_per_em }))
            }
        }
    }
}

/// Reads the outline of glyph `id` (TrueType or CFF) into a path, in font units.
fn outline_of(face: &ttf_parser::Face, id: u16) -> Option<Path> {
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
