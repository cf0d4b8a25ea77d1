//! Setting a tree paragraph: runs → spans with fonts, sizes and colours per role, the
//! measure (indent, signature inset, grid or solid setting), then the inline engine.
//!
//! A role with a fill in the layout (`fills:`, the illustrated section bars) keeps at
//! least one blank grid line before and after its paragraphs, into which its band
//! reaches (see `flow`).

use crate::compose::tree::{Align, Paragraph, Role};
use crate::fonts::FontBook;
use crate::layout::frame::Rgb;
use crate::style::{Colors, Style};

use super::geometry::PageGeometry;
use super::inline::{set_text, Measure, SetLine, Span};
use super::LayoutError;

/// A paragraph broken into lines, with what pagination needs to know about it.
#[derive(Clone, Debug)]
pub(crate) struct SetParagraph {
    /// The lines (each takes one grid line).
    pub lines: Vec<SetLine>,
    /// Blank grid lines before.
    pub space_before: f32,
    /// Blank grid lines after.
    pub space_after: f32,
    /// Keep on the page of the next block.
    pub keep_with_next: bool,
    /// Outline level and bookmark title.
    pub outline: Option<(u8, String)>,
    /// Band colour behind the lines, if the role has a fill.
    pub fill: Option<Rgb>,
}

/// Whether a role is set on the body grid (everything but the title, whose 22 pt
/// lines are set solid and centred).
fn on_grid(role: Role) -> bool {
    role != Role::Title
}

/// The bookmark title of a heading: its run-in heading runs if it has any (「（一）主动
/// 公开情况。」 without the body text that follows), else all its text.
fn outline_title(par: &Paragraph) -> String {
    let is_heading = |role: Option<Role>| {
        matches!(role, Some(Role::Heading1 | Role::Heading2 | Role::Heading3 | Role::Heading4))
    };
    let run_in: String =
        par.inlines.iter().filter(|i| is_heading(i.role)).map(|i| i.text.as_str()).collect();
    if run_in.is_empty() {
        par.inlines.iter().map(|i| i.text.as_str()).collect()
    } else {
        run_in
    }
}

/// Set one paragraph.
pub(crate) fn set_paragraph(
    par: &Paragraph,
    style: &Style,
    palette: &Colors,
    geometry: &PageGeometry,
    fonts: &mut FontBook,
) -> Result<SetParagraph, LayoutError> {
    let spans: Vec<Span<'_>> = par
        .inlines
        .iter()
        .map(|inline| {
            let role = inline.role.unwrap_or(par.role);
            Span {
                text: &inline.text,
                role,
                size: style.size(role),
                bold: inline.bold || style.bold(role),
                line: inline.src.line,
                color: style.text_color(role, palette),
            }
        })
        .collect();
    let cell_scale = if on_grid(par.role) { geometry.grid_scale() } else { 1.0 };
    let cell = style.size(par.role) * cell_scale;
    let signature_inset = if par.role == Role::Signature && par.align == Align::Right {
        style.signature.right_inset_chars * geometry.char_pitch
    } else {
        0.0
    };
    let measure = Measure {
        width: geometry.text_width - signature_inset,
        first_indent: par.indent_chars * cell,
        align: par.align,
        balance: par.role == Role::Title,
        cell_scale,
        cell,
    };
    let lines = set_text(&spans, &measure, fonts)?;
    // The layout's space under the title is a floor, whether or not compose copied it
    // into the paragraph. (Signature spacing is compose's: only the first signature
    // paragraph carries it.)
    let space_after = if par.role == Role::Title {
        par.space_after_lines.max(style.title.space_after_lines)
    } else {
        par.space_after_lines
    };
    let outline = par.outline_level.map(|level| (level, outline_title(par)));
    let fill = style.fill(par.role, palette);
    let (space_before, space_after) = match fill {
        Some(_) => (par.space_before_lines.max(1.0), space_after.max(1.0)),
        None => (par.space_before_lines, space_after),
    };
    Ok(SetParagraph {
        lines,
        space_before,
        space_after,
        keep_with_next: par.keep_with_next,
        outline,
        fill,
    })
}
