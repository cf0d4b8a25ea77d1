//! Painting one positioned page onto a krilla surface, item by item, in painting order.
//!
//! krilla's page coordinates are those of the layout (pt, origin top-left, y down), so
//! points pass through unchanged. Each item is marked for the structure tree (used only
//! when tagging is on): text runs sharing a baseline form one paragraph, images are
//! figures, and lines, boxes and paths are layout artifacts.

use std::num::NonZeroU64;

use krilla::color::{luma, rgb};
use krilla::geom::{Path, PathBuilder, Point as KPoint, Rect, Size, Transform};
use krilla::image::Image;
use krilla::paint::{Fill, LineJoin, Paint, Stroke};
use krilla::surface::{Location, Surface};
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, Node, SpanTag, Tag, TagGroup,
};
use krilla::text::{GlyphId, KrillaGlyph};

use super::fonts::FontCache;
use super::PdfError;
use crate::layout::frame::{
    ImageItem, Item, LineItem, Page, PathItem, PathSegment, Point, RectItem, Rgb, TextRun,
};

/// Runs whose baselines differ by less than this (pt) belong to the same line.
const SAME_BASELINE: f32 = 0.5;

/// Paints `page` (zero-based index `index`) and returns its structure-tree nodes in
/// reading (= painting) order.
pub(super) fn paint(
    surface: &mut Surface,
    page: &Page,
    index: usize,
    fonts: &mut FontCache,
) -> Result<Vec<Node>, PdfError> {
    let mut nodes = Vec::new();
    // The paragraph being collected: its baseline and its runs.
    let mut paragraph: Option<(f32, TagGroup)> = None;
    let flush = |paragraph: &mut Option<(f32, TagGroup)>, nodes: &mut Vec<Node>| {
        nodes.extend(paragraph.take().map(|(_, group)| Node::from(group)));
    };

    for (item_index, item) in page.items.iter().enumerate() {
        let location = location(index, item_index);
        surface.set_location(location);
        if !matches!(item, Item::Text(_)) {
            flush(&mut paragraph, &mut nodes);
        }
        match item {
            Item::Text(run) => {
                let Some(id) = text(surface, run, index, location, fonts)? else { continue };
                match &mut paragraph {
                    Some((baseline, group)) if (*baseline - run.origin.y).abs() < SAME_BASELINE => {
                        group.push(id);
                    }
                    _ => {
                        flush(&mut paragraph, &mut nodes);
                        let group = TagGroup::with_children(Tag::P, vec![id.into()]);
                        paragraph = Some((run.origin.y, group));
                    }
                }
            }
            Item::Line(l) => artifact(surface, |s| line(s, l)),
            Item::Rect(r) => artifact(surface, |s| rect(s, r)),
            Item::Path(p) => artifact(surface, |s| path(s, p)),
            Item::Image(i) => {
                let id = image(surface, i, index)?;
                nodes.push(TagGroup::with_children(Tag::Figure(None), vec![id.into()]).into());
            }
        }
    }
    flush(&mut paragraph, &mut nodes);
    surface.reset_location();
    Ok(nodes)
}

/// The krilla location of item `item` on page `page`, carried into krilla's errors:
/// the page number (from 1) in the high 32 bits, the item index in the low ones.
pub(super) fn location(page: usize, item: usize) -> Location {
    let raw = ((page as u64 + 1) << 32) | (item as u64 & 0xffff_ffff);
    NonZeroU64::new(raw).expect("fewer than 2^32 pages")
}

/// The zero-based page index encoded in a [`location`].
pub(super) fn page_of(location: Location) -> usize {
    (location.get() >> 32) as usize - 1
}

/// Draws a text run with the layout's glyphs and advances; `None` if there is nothing to
/// draw.
fn text(
    surface: &mut Surface,
    run: &TextRun,
    page: usize,
    location: Location,
    fonts: &mut FontCache,
) -> Result<Option<Identifier>, PdfError> {
    if run.glyphs.is_empty() || run.size <= 0.0 {
        return Ok(None);
    }
    // krilla wants metrics per unit of font size.
    let per_size = |pt: f32| pt / run.size;
    let glyphs = run
        .glyphs
        .iter()
        .map(|glyph| {
            if run.text.get(glyph.text_range.clone()).is_none() {
                return Err(PdfError::TextRange {
                    page,
                    text: run.text.clone(),
                    range: glyph.text_range.clone(),
                });
            }
            Ok(KrillaGlyph::new(
                GlyphId::new(glyph.id.into()),
                per_size(glyph.advance),
                per_size(glyph.x_offset),
                0.0,
                0.0,
                glyph.text_range.clone(),
                Some(location),
            ))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let font = fonts.get(run.font)?;

    surface.set_fill(Some(fill_of(run.color)));
    // Fake bold: stroke the outlines too, with round joins so corners stay clean.
    surface.set_stroke(
        (run.embolden > 0.0)
            .then(|| Stroke { line_join: LineJoin::Round, ..stroke_of(run.color, run.embolden) }),
    );
    let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
    surface.draw_glyphs(point(run.origin), &glyphs, font, &run.text, run.size, false);
    surface.end_tagged();
    Ok(Some(id))
}

fn line(surface: &mut Surface, line: &LineItem) {
    if line.width <= 0.0 {
        return;
    }
    let mut builder = PathBuilder::new();
    builder.move_to(line.from.x, line.from.y);
    builder.line_to(line.to.x, line.to.y);
    draw(surface, builder.finish(), None, Some((line.color, line.width)));
}

fn rect(surface: &mut Surface, rect: &RectItem) {
    let Some(bounds) = Rect::from_xywh(rect.origin.x, rect.origin.y, rect.width, rect.height)
    else {
        return;
    };
    let mut builder = PathBuilder::new();
    builder.push_rect(bounds);
    draw(surface, builder.finish(), rect.fill, rect.stroke);
}

fn path(surface: &mut Surface, path: &PathItem) {
    let mut builder = PathBuilder::new();
    for segment in &path.segments {
        match *segment {
            PathSegment::MoveTo(p) => builder.move_to(p.x, p.y),
            PathSegment::LineTo(p) => builder.line_to(p.x, p.y),
            PathSegment::CubicTo(c1, c2, p) => builder.cubic_to(c1.x, c1.y, c2.x, c2.y, p.x, p.y),
            PathSegment::Close => builder.close(),
        }
    }
    draw(surface, builder.finish(), path.fill, path.stroke);
}

/// Fills and/or strokes `path`; nothing when it is empty or has neither paint (krilla
/// would fill it black).
fn draw(surface: &mut Surface, path: Option<Path>, fill: Option<Rgb>, stroke: Option<(Rgb, f32)>) {
    let stroke = stroke.filter(|&(_, width)| width > 0.0);
    let Some(path) = path.filter(|_| fill.is_some() || stroke.is_some()) else { return };
    surface.set_fill(fill.map(fill_of));
    surface.set_stroke(stroke.map(|(color, width)| stroke_of(color, width)));
    surface.draw_path(&path);
}

/// Places an image; a JPEG is embedded as is (DCT), a PNG losslessly (Flate).
fn image(surface: &mut Surface, item: &ImageItem, page: usize) -> Result<Identifier, PdfError> {
    let data = item.data.clone().into();
    // No interpolation: PDF/A forbids it.
    let image =
        if item.jpeg { Image::from_jpeg(data, false) } else { Image::from_png(data, false) }
            .map_err(|message| PdfError::Image { page, message })?;
    let id = surface.start_tagged(ContentTag::Other);
    if let Some(size) = Size::from_wh(item.width, item.height) {
        surface.push_transform(&Transform::from_translate(item.origin.x, item.origin.y));
        surface.draw_image(image, size);
        surface.pop();
    }
    surface.end_tagged();
    Ok(id)
}

/// Draws decoration that is not part of the text (rules, boxes, chart shapes).
fn artifact(surface: &mut Surface, draw: impl FnOnce(&mut Surface)) {
    surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::Layout)));
    draw(surface);
    surface.end_tagged();
}

/// Neutral colours go out as grey (black text stays pure K when printed), others as RGB.
fn paint_of(color: Rgb) -> Paint {
    match color {
        Rgb(r, g, b) if r == g && g == b => luma::Color::new(r).into(),
        Rgb(r, g, b) => rgb::Color::new(r, g, b).into(),
    }
}

fn fill_of(color: Rgb) -> Fill {
    Fill { paint: paint_of(color), ..Fill::default() }
}

fn stroke_of(color: Rgb, width: f32) -> Stroke {
    Stroke { paint: paint_of(color), width, ..Stroke::default() }
}

fn point(p: Point) -> KPoint {
    KPoint::from_xy(p.x, p.y)
}
