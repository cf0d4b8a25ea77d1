//! The title band: a full-width band of the primary colour, bleeding off the paper's
//! left and right edges (and its top edge when it opens the document), holding — flush
//! with the type area's left edge and centred vertically — the agency (small, white at
//! about 80 %), a short accent rule, the year as a large bold Latin figure and the
//! title in large bold white sans. No emblem, no clip art.

use crate::compose::tree::{Banner, Role};
use crate::fonts::FontBook;
use crate::fonts::EM_BOX_ASCENT;
use crate::layout::frame::{Item, Rgb};
use crate::layout::LayoutError;

use super::label::{self, Font};
use super::shape::{self, rect, soft_on, text_on};
use super::{Context, SetVisual};

/// Cap height of the Latin sans digits, per pt of size.
pub(crate) const CAP_HEIGHT: f32 = 0.72;

/// Line height of the title, per pt of its size.
const TITLE_LEADING: f32 = 1.35;

/// Length and thickness of the accent rule, in pt.
const RULE: (f32, f32) = (26.0, 2.5);

/// Draw the band. Opening the document, it starts at the paper's top edge and ends on
/// the first grid line at or below `banner_height_mm`; elsewhere it takes the whole
/// grid lines covering that height.
pub(crate) fn set_banner(
    banner: &Banner,
    ctx: &Context<'_>,
    opens_document: bool,
    fonts: &mut FontBook,
) -> Result<SetVisual, LayoutError> {
    let g = ctx.geometry;
    let wanted = ctx.mm(ctx.spec.banner_height_mm);
    let height = if opens_document {
        g.line_top(g.line_at_or_after(wanted))
    } else {
        g.lines_for(wanted) as f32 * g.line_pitch
    };
    let ground = ctx.palette.primary;
    let mut items = vec![rect(0.0, 0.0, g.paper_width, height, ground)];
    items.extend(content(banner, ctx, ground, height, fonts)?);
    Ok(SetVisual { items, height, space_before: 0.0, space_after: 0.0, bleed_top: opens_document })
}

/// The agency, rule, year and title, stacked and centred in a band of `height`.
fn content(
    banner: &Banner,
    ctx: &Context<'_>,
    ground: Rgb,
    height: f32,
    fonts: &mut FontBook,
) -> Result<Vec<Item>, LayoutError> {
    let spec = &ctx.spec;
    let (left, width) = (ctx.geometry.left, ctx.geometry.text_width);
    let white = text_on(ground, ctx.palette.text);
    let agency_font =
        Font::new(Role::Heading3, spec.banner_agency_size, soft_on(white, ground, 0.8));
    let year_font = Font::new(Role::Heading1, spec.banner_year_size, white).bold();
    let title_font = Font::new(Role::Heading1, spec.banner_title_size, white).bold();
    let agency = label::fitted(&banner.agency, agency_font, width, fonts)?;
    let year = label::fitted(&banner.year, year_font, width, fonts)?;
    let title = label::balanced(&banner.title, title_font, width, fonts)?;

    let (sa, sy, st) = (agency.size.max(1.0), year.size.max(1.0), title_font.size);
    let gaps = (0.6 * sa, 0.9 * sa, 0.5 * st);
    let title_h = title.len() as f32 * TITLE_LEADING * st;
    let stack = sa + gaps.0 + RULE.1 + gaps.1 + CAP_HEIGHT * sy + gaps.2 + title_h;
    let mut y = ((height - stack) / 2.0).max(0.0);

    let mut items = label::at_left(&agency, left, y + EM_BOX_ASCENT * sa);
    y += sa + gaps.0;
    items.push(rect(left, y, RULE.0, RULE.1, ctx.palette.accent));
    y += RULE.1 + gaps.1 + CAP_HEIGHT * sy;
    items.extend(label::at_left(&year, left, shape::round2(y)));
    y += gaps.2;
    for line in &title {
        let baseline = y + (TITLE_LEADING - 1.0) / 2.0 * st + EM_BOX_ASCENT * st;
        items.extend(label::in_measure(line, left, shape::round2(baseline)));
        y += TITLE_LEADING * st;
    }
    Ok(items)
}
