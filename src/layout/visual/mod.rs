//! The illustrated variant's graphic blocks (图文版, see
//! `shared/reference/illustrated-design.md`): the title band ([`banner`]), the 「数说年报」
//! key-figure cards ([`cards`]), charts ([`chart`]) and images ([`figure`]).
//!
//! Each block is drawn once, at set time, into a [`SetVisual`]: vector items (rects,
//! rules, Bézier paths, text runs set by the inline engine) with x on the page and y
//! from the block's top, plus its height. The flow then places it on whole grid lines
//! and shifts the items down ([`shifted`]). Nothing here is split across pages.
//!
//! Colours come from the report's palette; text on a coloured ground keeps a WCAG
//! contrast of at least 4.5:1 (`shape::text_on`). Sizes come from the layout's
//! `illustrated:` section ([`IllustratedSpec`]), or A4 defaults when it has none.

mod banner;
mod cards;
mod chart;
mod figure;
pub(crate) mod label;
pub(crate) mod shape;

#[cfg(test)]
mod tests;

use crate::compose::tree::Visual;
use crate::fonts::FontBook;
use crate::layout::frame::{Item, PathItem, PathSegment, Point, RectItem};
use crate::layout::geometry::PageGeometry;
use crate::layout::LayoutError;
use crate::style::{Colors, IllustratedSpec, Style, PT_PER_MM};

use shape::round2;

/// A graphic block drawn and ready to be placed.
#[derive(Clone, Debug)]
pub(crate) struct SetVisual {
    /// The items, x on the page, y from the top of the block.
    pub items: Vec<Item>,
    /// Height of the drawing in pt; the block takes the whole grid lines that cover it.
    pub height: f32,
    /// Blank grid lines wanted before the block (collapsed with the space after the
    /// paragraph above, dropped at the top of a page).
    pub space_before: f32,
    /// Blank grid lines after the block (collapsed with the space before the next).
    pub space_after: f32,
    /// Opening the document, the block is placed at the very top of the paper (the
    /// title band); its `height` then counts from the paper's top edge.
    pub bleed_top: bool,
}

/// What every graphic needs: the palette, the page geometry and the sizes of the
/// graphics (from the layout).
pub(crate) struct Context<'a> {
    /// The report's colours.
    pub palette: &'a Colors,
    /// Paper, type area and grid.
    pub geometry: &'a PageGeometry,
    /// Sizes of the graphics.
    pub spec: IllustratedSpec,
}

impl<'a> Context<'a> {
    /// The context of a layout, with A4 defaults for a layout without `illustrated:`.
    pub(crate) fn new(style: &'a Style, palette: &'a Colors, geometry: &'a PageGeometry) -> Self {
        let spec = style.illustrated.clone().unwrap_or_default();
        Self { palette, geometry, spec }
    }

    /// Millimetres to pt.
    pub(crate) fn mm(&self, mm: f32) -> f32 {
        mm * PT_PER_MM
    }

    /// The largest height a block may take on a page (the type area; unbounded on a
    /// page of automatic height).
    pub(crate) fn max_height(&self) -> f32 {
        self.geometry.lines_per_page.min(100_000) as f32 * self.geometry.line_pitch
    }
}

/// Draw a graphic block; `opens_document` when it is the document's first block.
pub(crate) fn set_visual(
    visual: &Visual,
    ctx: &Context<'_>,
    opens_document: bool,
    fonts: &mut FontBook,
) -> Result<SetVisual, LayoutError> {
    match visual {
        Visual::Banner(b) => banner::set_banner(b, ctx, opens_document, fonts),
        Visual::KeyFigures(cards) => cards::set_cards(cards, ctx, fonts),
        Visual::Chart(c) => chart::set_chart(c, ctx, fonts),
        Visual::Figure(f) => figure::set_figure(f, ctx, fonts),
    }
}

/// `item` moved down by `dy`, rounded to 0.01 pt (shapes are rounded when drawn, text
/// origins here).
pub(crate) fn shifted(item: &Item, dy: f32) -> Item {
    let down = |p: Point| Point::new(p.x, round2(p.y + dy));
    match item {
        Item::Text(t) => {
            let mut t = t.clone();
            t.origin = Point::new(round2(t.origin.x), round2(t.origin.y + dy));
            Item::Text(t)
        }
        Item::Line(l) => {
            let mut l = l.clone();
            (l.from, l.to) = (down(l.from), down(l.to));
            Item::Line(l)
        }
        Item::Rect(r) => {
            let bottom = round2(r.origin.y + r.height + dy);
            let origin = down(r.origin);
            Item::Rect(RectItem { origin, height: bottom - origin.y, ..r.clone() })
        }
        Item::Path(p) => Item::Path(PathItem {
            segments: p.segments.iter().map(|s| shift_segment(*s, &down)).collect(),
            ..p.clone()
        }),
        Item::Image(i) => {
            let mut i = i.clone();
            i.origin = down(i.origin);
            Item::Image(i)
        }
    }
}

fn shift_segment(segment: PathSegment, down: &impl Fn(Point) -> Point) -> PathSegment {
    match segment {
        PathSegment::MoveTo(p) => PathSegment::MoveTo(down(p)),
        PathSegment::LineTo(p) => PathSegment::LineTo(down(p)),
        PathSegment::CubicTo(a, b, c) => PathSegment::CubicTo(down(a), down(b), down(c)),
        PathSegment::Close => PathSegment::Close,
    }
}
