//! Page geometry in pt, derived once from the layout: paper, type area (版心), and
//! the GB/T 9704 grid.
//!
//! **Baseline convention.** Line `n` of a page (0-based) is the cell
//! `[top + n·line_pitch, top + (n+1)·line_pitch)`. Text of size `s` is placed so that
//! its ideographic em box (0.88 s above the baseline, 0.12 s below, see
//! [`crate::fonts::EM_BOX_ASCENT`]) is centred in the cell:
//! `baseline = cell_top + (line_pitch − s)/2 + 0.88·s`. For 16 pt body text on the
//! official page that is 20.58 pt below the cell top. Table lines use the same rule
//! inside their own line boxes.
//!
//! **Automatic height** (`page.height_mm: 0`, the long mobile image): the type area is
//! unbounded below (`text_height` and `lines_per_page` are infinite), so everything
//! flows onto one page, whose height the flow fixes at the end (content + bottom
//! margin).

use crate::compose::tree::Role;
use crate::fonts::EM_BOX_ASCENT;
use crate::style::{Style, PT_PER_MM};

/// Paper, type area and grid of every page.
#[derive(Clone, Debug)]
pub(crate) struct PageGeometry {
    /// Paper width.
    pub paper_width: f32,
    /// Paper height.
    pub paper_height: f32,
    /// Left edge of the type area.
    pub left: f32,
    /// Top edge of the type area.
    pub top: f32,
    /// Width of the type area.
    pub text_width: f32,
    /// Height of the type area.
    pub text_height: f32,
    /// Horizontal grid pitch: one character of body text (15.79 pt).
    pub char_pitch: f32,
    /// Vertical grid pitch: one line of body text (28.99 pt).
    pub line_pitch: f32,
    /// Lines of body text per page (22).
    pub lines_per_page: usize,
    /// Body font size (16 pt); the grid pitch is defined for this size.
    pub body_size: f32,
    /// The page grows with its content (one page; its height is set by the flow).
    pub auto_height: bool,
    /// Bottom margin (the space under the content of an automatic-height page).
    pub margin_bottom: f32,
}

impl PageGeometry {
    /// The geometry of a layout.
    pub(crate) fn of(style: &Style) -> Self {
        let auto_height = style.auto_height();
        Self {
            paper_width: style.page_width(),
            paper_height: if auto_height { 0.0 } else { style.page_height() },
            left: style.page.margin_left_mm * PT_PER_MM,
            top: style.page.margin_top_mm * PT_PER_MM,
            text_width: style.text_width(),
            text_height: if auto_height { f32::INFINITY } else { style.text_height() },
            char_pitch: style.char_pitch(),
            line_pitch: style.line_pitch(),
            lines_per_page: if auto_height {
                usize::MAX
            } else {
                style.grid.lines_per_page.max(1) as usize
            },
            body_size: style.size(Role::Body),
            auto_height,
            margin_bottom: style.page.margin_bottom_mm * PT_PER_MM,
        }
    }

    /// Right edge of the type area.
    pub(crate) fn right(&self) -> f32 {
        self.left + self.text_width
    }

    /// Bottom edge of the type area.
    pub(crate) fn bottom(&self) -> f32 {
        self.top + self.text_height
    }

    /// Number of whole grid lines `height` pt take (at least one for a positive
    /// height).
    pub(crate) fn lines_for(&self, height: f32) -> usize {
        ((height / self.line_pitch) - 1e-3).ceil().max(0.0) as usize
    }

    /// Top of grid line `n`.
    pub(crate) fn line_top(&self, n: usize) -> f32 {
        self.top + n as f32 * self.line_pitch
    }

    /// The first grid line whose top is at or below `y` (rounding up; a position a
    /// hair below a line top still counts as that line).
    pub(crate) fn line_at_or_after(&self, y: f32) -> usize {
        (((y - self.top) / self.line_pitch) - 1e-3).ceil().max(0.0) as usize
    }

    /// Grid cell per pt of font size: 15.79 / 16 on the official page.
    pub(crate) fn grid_scale(&self) -> f32 {
        self.char_pitch / self.body_size
    }
}

/// Baseline of text of `size` centred (by its em box) in a box `[top, top + height)`.
pub(crate) fn baseline_in(top: f32, height: f32, size: f32) -> f32 {
    top + (height - size) / 2.0 + EM_BOX_ASCENT * size
}
