//! Positioned pages: the output of layout and the only input of the PDF writer
//! (and, later, the PNG renderer).
//!
//! Coordinates are in PostScript points, origin at the top-left corner of the page,
//! y growing downwards. Everything here is already resolved: glyph ids, advances,
//! colours. A writer never measures or breaks text; it only walks these items.

use std::ops::Range;

use crate::fonts::FontId;

/// A point on the page, in pt, from the top-left corner (y down).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Point {
    /// Horizontal distance from the left paper edge.
    pub x: f32,
    /// Vertical distance from the top paper edge.
    pub y: f32,
}

impl Point {
    /// A point at `(x, y)`.
    pub fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }
}

pub use crate::style::Rgb;

/// The laid-out document: pages plus what the PDF needs beside them.
#[derive(Clone, Debug, Default)]
pub struct PagedDocument {
    /// The pages in order.
    pub pages: Vec<Page>,
    /// Bookmarks (the six sections and their sub-headings).
    pub outline: Vec<OutlineEntry>,
}

/// One page of fixed size.
#[derive(Clone, Debug, Default)]
pub struct Page {
    /// Paper width in pt.
    pub width: f32,
    /// Paper height in pt.
    pub height: f32,
    /// Items in painting order.
    pub items: Vec<Item>,
}

/// Something painted on a page.
#[derive(Clone, Debug)]
pub enum Item {
    /// A run of glyphs in one font and size on one baseline.
    Text(TextRun),
    /// A straight stroked line (table rules, separators).
    Line(LineItem),
    /// A rectangle, filled and/or stroked (cell shading, cards, bars).
    Rect(RectItem),
    /// A closed or open path (chart slices, rings).
    Path(PathItem),
    /// A raster image.
    Image(ImageItem),
}

/// A run of positioned glyphs sharing font, size and colour.
#[derive(Clone, Debug)]
pub struct TextRun {
    /// Which loaded font face the glyph ids refer to.
    pub font: FontId,
    /// Font size in pt.
    pub size: f32,
    /// Start of the baseline of the first glyph.
    pub origin: Point,
    /// Fill colour.
    pub color: Rgb,
    /// Draw a thin outline as well as the fill to embolden a face that has no bold
    /// weight (stroke width in pt; 0 = none).
    pub embolden: f32,
    /// The Unicode text the glyphs represent (for extraction / ToUnicode).
    pub text: String,
    /// The glyphs, each with its own advance.
    pub glyphs: Vec<Glyph>,
}

/// One glyph of a [`TextRun`].
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    /// Glyph id in the run's font.
    pub id: u16,
    /// Horizontal distance to the next glyph, in pt (includes justification).
    pub advance: f32,
    /// Horizontal shift of this glyph from its pen position, in pt.
    pub x_offset: f32,
    /// Byte range of `TextRun::text` this glyph stands for.
    pub text_range: Range<usize>,
}

/// A stroked straight line.
#[derive(Clone, Debug)]
pub struct LineItem {
    /// Start point.
    pub from: Point,
    /// End point.
    pub to: Point,
    /// Stroke width in pt.
    pub width: f32,
    /// Stroke colour.
    pub color: Rgb,
}

/// An axis-aligned rectangle.
#[derive(Clone, Debug)]
pub struct RectItem {
    /// Top-left corner.
    pub origin: Point,
    /// Width in pt.
    pub width: f32,
    /// Height in pt.
    pub height: f32,
    /// Fill colour, if filled.
    pub fill: Option<Rgb>,
    /// Stroke colour and width, if stroked.
    pub stroke: Option<(Rgb, f32)>,
}

/// A vector path made of segments.
#[derive(Clone, Debug)]
pub struct PathItem {
    /// The segments, starting with a `MoveTo`.
    pub segments: Vec<PathSegment>,
    /// Fill colour, if filled.
    pub fill: Option<Rgb>,
    /// Stroke colour and width, if stroked.
    pub stroke: Option<(Rgb, f32)>,
}

/// One segment of a [`PathItem`].
#[derive(Clone, Copy, Debug)]
pub enum PathSegment {
    /// Start a new sub-path.
    MoveTo(Point),
    /// Straight line.
    LineTo(Point),
    /// Cubic Bézier with two control points.
    CubicTo(Point, Point, Point),
    /// Close the sub-path.
    Close,
}

/// A placed raster image.
#[derive(Clone, Debug)]
pub struct ImageItem {
    /// Top-left corner.
    pub origin: Point,
    /// Placed width in pt.
    pub width: f32,
    /// Placed height in pt.
    pub height: f32,
    /// Encoded image bytes (PNG or JPEG), shared.
    pub data: std::sync::Arc<Vec<u8>>,
    /// Whether `data` is a JPEG (embedded as is) or a PNG.
    pub jpeg: bool,
}

/// A bookmark into the document.
#[derive(Clone, Debug)]
pub struct OutlineEntry {
    /// Bookmark title, e.g. 「一、总体情况」.
    pub title: String,
    /// Zero-based page index.
    pub page: usize,
    /// Top of the target on that page, in pt from the top.
    pub y: f32,
    /// Nested entries (sub-headings).
    pub children: Vec<OutlineEntry>,
}
