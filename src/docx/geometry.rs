//! The layout's numbers in WordprocessingML units, derived once from the [`Style`].
//!
//! Lengths in `w:pgSz`, `w:pgMar`, `w:ind`, `w:spacing`, `w:tblW`, `w:tcW` and
//! `w:gridCol` are twentieths of a point ("twips", ISO/IEC 29500-1 §17.18.87
//! `ST_TwipsMeasure`); font sizes are half-points (§17.3.2.38); border widths are
//! eighths of a point (§17.18.2 `ST_EighthPointMeasure`).
//!
//! **Grid.** The PDF sets body text on a grid of 28 characters × 22 lines: every
//! full-width character of a grid role advances by the character pitch (15.79 pt for
//! 16 pt text), every line by the line pitch (28.99 pt). The DOCX uses a lines-only
//! document grid (`w:docGrid w:type="lines"`) plus a negative character spacing on the
//! grid roles, which both Word and LibreOffice honour; a `linesAndChars` grid makes
//! LibreOffice give each 16 pt character two grid cells.
//!
//! Rounding is always towards "fits": the line pitch is rounded *down* so that 22
//! lines fit the type area after Word rounds the margins to twips, and the character
//! spacing is rounded *down* (more negative) so that 28 characters fit the line.

use crate::compose::tree::Role;
use crate::style::{Style, PT_PER_MM};

/// Points → twips, rounded to the nearest.
pub(crate) fn twips(pt: f32) -> i32 {
    (pt * 20.0).round() as i32
}

/// Millimetres → twips, rounded to the nearest.
pub(crate) fn mm_twips(mm: f32) -> i32 {
    twips(mm * PT_PER_MM)
}

/// Points → half-points (`w:sz`).
pub(crate) fn half_points(pt: f32) -> usize {
    (pt * 2.0).round().max(1.0) as usize
}

/// Points → eighths of a point (`w:sz` of a border), at least 2 (the schema minimum).
pub(crate) fn eighth_points(pt: f32) -> usize {
    (pt * 8.0).round().max(2.0) as usize
}

/// Page, grid and pitch numbers in twips.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Geometry {
    /// Paper width.
    pub page_width: i32,
    /// Paper height.
    pub page_height: i32,
    /// Top margin (天头).
    pub margin_top: i32,
    /// Bottom margin.
    pub margin_bottom: i32,
    /// Left margin (订口).
    pub margin_left: i32,
    /// Right margin.
    pub margin_right: i32,
    /// Width of the type area as Word computes it from the rounded margins.
    pub text_width: i32,
    /// Distance from the bottom edge of the paper to the bottom of the footer line.
    pub footer: i32,
    /// The footer's line height (exact, = the page-number size).
    pub footer_line: i32,
    /// Line pitch of the document grid and of every grid line.
    pub line_pitch: i32,
    /// Horizontal character pitch of body text, in pt (as the PDF uses it).
    pub char_pitch_pt: f32,
    /// Body font size in pt.
    pub body_size: f32,
    /// Lines per page.
    pub lines_per_page: i32,
}

impl Geometry {
    /// Derive the numbers of `style`.
    pub(crate) fn of(style: &Style) -> Geometry {
        let page = &style.page;
        let page_height = mm_twips(page.height_mm);
        let margin_top = mm_twips(page.margin_top_mm);
        let margin_bottom = mm_twips(page.margin_bottom_mm);
        let page_width = mm_twips(page.width_mm);
        let margin_left = mm_twips(page.margin_left_mm);
        let margin_right = mm_twips(page.margin_right_mm);
        let lines = style.grid.lines_per_page.max(1) as i32;
        // Down, so that `lines` whole pitches fit the type area (22 × 580 twips would
        // be 4 twips too many for the official page, and Word would set 21 lines).
        let line_pitch = (page_height - margin_top - margin_bottom) / lines;
        // GB/T 9704 7.5: the page number's line is `below_type_area_mm` under the type
        // area; Word measures the footer distance from the paper's bottom edge to the
        // bottom of the footer's last line.
        let footer_line = twips(style.size(Role::PageNumber));
        let footer =
            mm_twips(page.margin_bottom_mm - style.page_number.below_type_area_mm) - footer_line;
        Geometry {
            page_width,
            page_height,
            margin_top,
            margin_bottom,
            margin_left,
            margin_right,
            text_width: page_width - margin_left - margin_right,
            footer: footer.max(0),
            footer_line,
            line_pitch,
            char_pitch_pt: style.char_pitch(),
            body_size: style.size(Role::Body),
            lines_per_page: lines,
        }
    }

    /// Grid cell per pt of font size: 15.79 / 16 on the official page.
    pub(crate) fn grid_scale(&self) -> f32 {
        self.char_pitch_pt / self.body_size
    }

    /// The character spacing (`w:spacing` in `w:rPr`, twips) that makes full-width
    /// characters of `size` pt advance by one grid cell: `size × (scale − 1)`,
    /// rounded down so that a full line of them still fits (−5 for 16 pt: 15.75 pt a
    /// character, 28 × 15.75 = 441 pt ≤ 442.2 pt).
    pub(crate) fn grid_spacing(&self, size: f32) -> i32 {
        (size * (self.grid_scale() - 1.0) * 20.0).floor() as i32
    }

    /// One grid cell of text of `size` pt, in twips (for indents given in characters).
    pub(crate) fn cell(&self, size: f32, on_grid: bool) -> f32 {
        if on_grid {
            size * self.grid_scale() * 20.0
        } else {
            size * 20.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_geometry() {
        let g = Geometry::of(&Style::official());
        assert_eq!((g.page_width, g.page_height), (11906, 16838));
        assert_eq!(
            (g.margin_top, g.margin_bottom, g.margin_left, g.margin_right),
            (2098, 1984, 1587, 1474)
        );
        assert!(22 * g.line_pitch <= g.page_height - g.margin_top - g.margin_bottom);
        assert_eq!(g.line_pitch, 579);
        assert_eq!(g.grid_spacing(16.0), -5);
        // 28 characters of 16 pt with the spacing fit the type area, 29 don't.
        let per_char = 16.0 * 20.0 + g.grid_spacing(16.0) as f32;
        assert!(28.0 * per_char <= g.text_width as f32);
        assert!(29.0 * per_char > g.text_width as f32);
        // Footer: 28 mm above the paper edge is the top of a 14 pt line.
        assert_eq!(g.footer + g.footer_line, mm_twips(28.0));
    }
}
