//! Text of the graphics: labels set on one line at their natural width (or wrapped
//! into a given width) by the same inline engine as the body text, then placed by
//! their left edge, centre or right edge.

use crate::compose::tree::{Align, Role};
use crate::fonts::FontBook;
use crate::layout::frame::{Item, Rgb};
use crate::layout::inline::{set_text, Measure, SetLine, Span};
use crate::layout::LayoutError;

/// A measure wide enough for any one-line label.
const UNBOUNDED: f32 = 1.0e5;

/// The smallest size a label is shrunk to when it must fit a width.
pub(crate) const MIN_SIZE: f32 = 5.5;

/// How a label is set: the role whose faces it uses, size, weight and colour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Font {
    /// Role of the faces (digits always take the layout's Latin face first).
    pub role: Role,
    /// Size in pt.
    pub size: f32,
    /// Bold.
    pub bold: bool,
    /// Colour.
    pub color: Rgb,
}

impl Font {
    /// Regular text of `role` at `size` in `color`.
    pub(crate) fn new(role: Role, size: f32, color: Rgb) -> Self {
        Self { role, size, bold: false, color }
    }

    /// The same, bold.
    pub(crate) fn bold(self) -> Self {
        Self { bold: true, ..self }
    }

    /// The same at another size.
    pub(crate) fn sized(self, size: f32) -> Self {
        Self { size, ..self }
    }

    /// The same in another colour.
    pub(crate) fn colored(self, color: Rgb) -> Self {
        Self { color, ..self }
    }
}

/// `text` wrapped into lines of at most `width`, aligned within it.
pub(crate) fn wrapped(
    text: &str,
    font: Font,
    width: f32,
    align: Align,
    fonts: &mut FontBook,
) -> Result<Vec<SetLine>, LayoutError> {
    set(text, font, width, align, false, fonts)
}

/// `text` broken into lines of at most `width` and of similar lengths (titles), flush
/// left.
pub(crate) fn balanced(
    text: &str,
    font: Font,
    width: f32,
    fonts: &mut FontBook,
) -> Result<Vec<SetLine>, LayoutError> {
    set(text, font, width, Align::Left, true, fonts)
}

fn set(
    text: &str,
    font: Font,
    width: f32,
    align: Align,
    balance: bool,
    fonts: &mut FontBook,
) -> Result<Vec<SetLine>, LayoutError> {
    let span = Span {
        text,
        role: font.role,
        size: font.size,
        bold: font.bold,
        line: 0,
        color: font.color,
    };
    let measure = Measure {
        width: width.max(font.size),
        first_indent: 0.0,
        align,
        balance,
        cell_scale: 1.0,
        cell: font.size,
    };
    Ok(set_text(std::slice::from_ref(&span), &measure, fonts)?)
}

/// `text` on one line at its natural width (an empty line for empty text).
pub(crate) fn line(text: &str, font: Font, fonts: &mut FontBook) -> Result<SetLine, LayoutError> {
    let lines = wrapped(text, font, UNBOUNDED, Align::Left, fonts)?;
    Ok(lines.into_iter().next().unwrap_or(SetLine {
        x: 0.0,
        width: 0.0,
        size: 0.0,
        runs: Vec::new(),
    }))
}

/// `text` on one line, shrunk (not below [`MIN_SIZE`]) until it is at most `width`
/// wide.
pub(crate) fn fitted(
    text: &str,
    font: Font,
    width: f32,
    fonts: &mut FontBook,
) -> Result<SetLine, LayoutError> {
    let natural = line(text, font, fonts)?;
    if natural.width <= width || font.size <= MIN_SIZE {
        return Ok(natural);
    }
    let size = (font.size * width / natural.width).max(MIN_SIZE);
    line(text, font.sized((size * 10.0).floor() / 10.0), fonts)
}

/// The items of a line set by [`wrapped`] or [`balanced`] into a measure whose left
/// edge is at `left` (the line keeps its alignment within the measure).
pub(crate) fn in_measure(line: &SetLine, left: f32, baseline: f32) -> Vec<Item> {
    line.items(left, baseline)
}

/// The items of a set line whose text starts at `x`, on `baseline`.
pub(crate) fn at_left(line: &SetLine, x: f32, baseline: f32) -> Vec<Item> {
    line.items(x - line.x, baseline)
}

/// The items of a set line centred on `x`.
pub(crate) fn centred(line: &SetLine, x: f32, baseline: f32) -> Vec<Item> {
    at_left(line, x - line.width / 2.0, baseline)
}

/// The items of a set line ending at `x`.
pub(crate) fn at_right(line: &SetLine, x: f32, baseline: f32) -> Vec<Item> {
    at_left(line, x - line.width, baseline)
}
