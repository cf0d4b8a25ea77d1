//! 「数说年报」: a grid of key-figure cards, `card_columns` to a row (an incomplete last
//! row centred). Each card is a tinted box (the palette's light background) with a thin
//! accent rule on top; the number in large bold Latin digits of the primary colour with
//! its unit small beside it on the same baseline; the one-line label under it. Both
//! lines are centred, and shrunk when a card is too narrow for them.

use crate::compose::tree::{KeyFigure, Role};
use crate::fonts::{FontBook, EM_BOX_ASCENT};
use crate::layout::frame::Item;
use crate::layout::LayoutError;

use super::banner::CAP_HEIGHT;
use super::label::{self, Font};
use super::shape::{rect, round2};
use super::{Context, SetVisual};

/// Thickness of the accent rule on top of a card, in pt.
const RULE: f32 = 2.0;

/// Space between the number and its unit, in pt.
const UNIT_GAP: f32 = 2.5;

/// Horizontal padding inside a card, in pt.
const PADDING: f32 = 6.0;

/// One card's box on the block: left, top, width, height.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct CardBox {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

/// Draw the grid of cards.
pub(crate) fn set_cards(
    cards: &[KeyFigure],
    ctx: &Context<'_>,
    fonts: &mut FontBook,
) -> Result<SetVisual, LayoutError> {
    let boxes = card_boxes(cards.len(), ctx);
    let height = boxes.iter().map(|b| b.y + b.height).fold(0.0, f32::max);
    let mut items = Vec::new();
    for (card, b) in cards.iter().zip(&boxes) {
        items.extend(card_items(card, *b, ctx, fonts)?);
    }
    let space_before = if cards.is_empty() { 0.0 } else { 1.0 };
    Ok(SetVisual { items, height, space_before, space_after: 0.0, bleed_top: false })
}

/// The boxes of `n` cards: rows of `card_columns` across the type area, the last row
/// centred when it is not full.
pub(crate) fn card_boxes(n: usize, ctx: &Context<'_>) -> Vec<CardBox> {
    let g = ctx.geometry;
    let columns = (ctx.spec.card_columns.max(1) as usize).min(n.max(1));
    let gap = ctx.mm(ctx.spec.card_gap_mm);
    let width = (g.text_width - gap * (columns - 1) as f32) / columns as f32;
    let height = ctx.mm(ctx.spec.card_height_mm);
    (0..n)
        .map(|k| {
            let (row, col) = (k / columns, k % columns);
            let in_row = (n - row * columns).min(columns);
            let offset = (columns - in_row) as f32 * (width + gap) / 2.0;
            CardBox {
                x: g.left + offset + col as f32 * (width + gap),
                y: row as f32 * (height + gap),
                width,
                height,
            }
        })
        .collect()
}

/// Background, rule, number with unit, label.
fn card_items(
    card: &KeyFigure,
    b: CardBox,
    ctx: &Context<'_>,
    fonts: &mut FontBook,
) -> Result<Vec<Item>, LayoutError> {
    let spec = &ctx.spec;
    let p = ctx.palette;
    let room = b.width - 2.0 * PADDING;
    let label_font = Font::new(Role::Heading3, spec.card_label_size, p.text);
    let label = label::fitted(&card.label, label_font, room, fonts)?;
    let unit = label::line(&card.unit, label_font, fonts)?;
    let unit_room = if card.unit.is_empty() { 0.0 } else { unit.width + UNIT_GAP };
    let value_font = Font::new(Role::Heading1, spec.card_value_size, p.primary).bold();
    let value = label::fitted(&card.value, value_font, room - unit_room, fonts)?;

    let cap = CAP_HEIGHT * value.size;
    let gap = 0.45 * spec.card_label_size + 0.15 * value.size;
    let stack = cap + gap + label.size;
    let top = b.y + RULE + ((b.height - RULE - stack) / 2.0).max(0.0);
    let baseline = round2(top + cap);
    let cx = b.x + b.width / 2.0;

    let mut items =
        vec![rect(b.x, b.y, b.width, b.height, p.light), rect(b.x, b.y, b.width, RULE, p.accent)];
    let start = cx - (value.width + unit_room) / 2.0;
    items.extend(label::at_left(&value, start, baseline));
    items.extend(label::at_left(&unit, start + value.width + UNIT_GAP, baseline));
    let label_baseline = round2(baseline + gap + EM_BOX_ASCENT * label.size);
    items.extend(label::centred(&label, cx, label_baseline));
    Ok(items)
}
