//! Images: placed at their width (at most the type area's), the aspect ratio of their
//! pixels kept (and shrunk to fit a page if taller), centred, with the caption under
//! them in small muted text. The encoded bytes go into the frame unchanged, so a JPEG
//! stays a JPEG.

use crate::compose::tree::{Align, Figure, Role};
use crate::fonts::{FontBook, EM_BOX_ASCENT};
use crate::layout::frame::{ImageItem, Item};
use crate::layout::LayoutError;

use super::label::{self, Font};
use super::shape::{pt, round2};
use super::{Context, SetVisual};

/// Space between the image and its caption, in pt.
const CAPTION_GAP: f32 = 5.0;

/// Line height of the caption, per pt of its size.
const CAPTION_LEADING: f32 = 1.4;

/// Draw an image with its caption.
pub(crate) fn set_figure(
    figure: &Figure,
    ctx: &Context<'_>,
    fonts: &mut FontBook,
) -> Result<SetVisual, LayoutError> {
    let g = ctx.geometry;
    let size = ctx.spec.chart_label_size;
    let font = Font::new(Role::Heading3, size, ctx.palette.muted);
    let caption = match &figure.caption {
        Some(text) => label::wrapped(text, font, g.text_width, Align::Center, fonts)?,
        None => Vec::new(),
    };
    let caption_h = if caption.is_empty() {
        0.0
    } else {
        CAPTION_GAP + caption.len() as f32 * CAPTION_LEADING * size
    };
    let (width, height) = placed_size(figure, g.text_width, ctx.max_height() - caption_h);
    let x = g.left + (g.text_width - width) / 2.0;
    let mut items = vec![Item::Image(ImageItem {
        origin: pt(x, 0.0),
        width: round2(width),
        height: round2(height),
        data: figure.data.clone(),
        jpeg: figure.jpeg,
    })];
    let mut y = height + CAPTION_GAP;
    for line in &caption {
        let baseline = y + (CAPTION_LEADING - 1.0) / 2.0 * size + EM_BOX_ASCENT * size;
        items.extend(label::in_measure(line, g.left, round2(baseline)));
        y += CAPTION_LEADING * size;
    }
    let height = height + caption_h;
    Ok(SetVisual { items, height, space_before: 1.0, space_after: 1.0, bleed_top: false })
}

/// Width and height of the image: its width (at most `max_width`), the height from
/// the pixels' aspect ratio, both shrunk if the height exceeds `max_height`.
pub(crate) fn placed_size(figure: &Figure, max_width: f32, max_height: f32) -> (f32, f32) {
    let (px_w, px_h) = (figure.pixels.0.max(1) as f64, figure.pixels.1.max(1) as f64);
    let mut width = (figure.width.min(max_width) as f64).max(1.0);
    let mut height = width * px_h / px_w;
    let max_height = (max_height as f64).max(1.0);
    if height > max_height {
        width *= max_height / height;
        height = max_height;
    }
    (width as f32, height as f32)
}
