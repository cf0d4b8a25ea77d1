//! Page numbers (GB/T 9704 7.5): 「— n —」 in the page-number role (4号宋体, 14 pt)
//! with half-width Arabic digits from the Latin font, the top of the number's em box
//! `below_type_area_mm` under the type area; odd pages at the right with
//! `inset_chars` characters of inset from the type area's right edge, even pages at
//! the left with the same inset.
//!
//! The number takes the role's colour (`text_colors:`, muted in the illustrated
//! layouts, which also size it by their `footer_size`); an empty format prints nothing.
//! On a page of automatic height the number sits under the content, in the bottom
//! margin.

use crate::compose::tree::{Align, Role};
use crate::fonts::{FontBook, EM_BOX_ASCENT};
use crate::layout::frame::Page;
use crate::style::{Colors, Style, PT_PER_MM};

use super::geometry::PageGeometry;
use super::inline::{set_text, Measure, Span};
use super::LayoutError;

/// Add a page number to every page.
pub(crate) fn number_pages(
    pages: &mut [Page],
    style: &Style,
    palette: &Colors,
    geometry: &PageGeometry,
    fonts: &mut FontBook,
) -> Result<(), LayoutError> {
    let spec = &style.page_number;
    // The illustrated layouts size their footer with the graphics.
    let size = style.illustrated.as_ref().map_or(style.size(Role::PageNumber), |s| s.footer_size);
    let inset = spec.inset_chars * geometry.char_pitch;
    for (index, page) in pages.iter_mut().enumerate() {
        let bottom = if geometry.auto_height {
            page.height - geometry.margin_bottom
        } else {
            geometry.bottom()
        };
        let baseline = bottom + spec.below_type_area_mm * PT_PER_MM + EM_BOX_ASCENT * size;
        let number = index + 1;
        let text = spec.format.replace("{n}", &number.to_string());
        let span = Span {
            text: &text,
            role: Role::PageNumber,
            size,
            bold: style.bold(Role::PageNumber),
            line: 0,
            color: style.text_color(Role::PageNumber, palette),
        };
        let measure = Measure {
            width: geometry.text_width,
            first_indent: 0.0,
            align: Align::Left,
            balance: false,
            cell_scale: 1.0,
            cell: size,
        };
        let lines = set_text(std::slice::from_ref(&span), &measure, fonts)?;
        let Some(line) = lines.first() else { continue };
        let left = if number % 2 == 1 {
            geometry.right() - inset - line.width
        } else {
            geometry.left + inset
        } - line.x;
        page.items.extend(line.items(left, baseline));
    }
    Ok(())
}
