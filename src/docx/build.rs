//! The document tree → docx-rs structures: paragraphs with styled runs, tables with
//! merged cells, the page setup and the odd/even footers.
//!
//! Everything here is what docx-rs can express. What it cannot (repeating header
//! rows, character-unit indents, spacing in grid lines, the document grid's exact
//! form) is added afterwards by [`super::patch`], which walks the written XML in step
//! with the same tree.
//!
//! Formatting lives in the named styles ([`super::styles`]); a paragraph carries
//! direct formatting only where the tree says something its role's style does not
//! (the signature's space above it, a table cell's alignment). A run carries fonts only
//! where [`FontPlan::segments`] found a character that the style's fonts would not set
//! as the PDF does.

use std::collections::BTreeMap;

use docx_rs::{
    BorderType, BreakType, DocGrid, DocGridType, Docx, FieldCharType, Footer, InstrPAGE, InstrText,
    LineSpacing, PageMargin, Paragraph as DocxParagraph, Run, RunFonts, Shading, ShdType,
    SpecialIndentType, Table as DocxTable, TableBorder, TableBorderPosition, TableBorders,
    TableCell, TableCellMargins, TableLayoutType, TableRow, VAlignType, VMergeType, WidthType,
};

use super::fonts::{FontPlan, Segment, Slot};
use super::geometry::{eighth_points, mm_twips, twips, Geometry};
use super::styles::{alignment, char_style_id, docx_styles, RoleFormat};
use super::DocxError;
use crate::compose::tree::{Block, Cell, CellKind, Document, Paragraph, Role, Table};
use crate::style::{Colors, Style};

/// Everything the builder reads.
pub(crate) struct Context<'a> {
    /// The layout.
    pub style: &'a Style,
    /// Its numbers in twips.
    pub geo: &'a Geometry,
    /// The format of every role.
    pub formats: &'a BTreeMap<Role, RoleFormat>,
    /// How to say "no hanging punctuation".
    pub punctuation: super::Punctuation,
    /// The report's palette (text colours, fills and shading of the illustrated
    /// layouts; the official layout uses none).
    pub palette: &'a Colors,
}

/// Build the docx-rs document: styles, page setup, body, footers.
pub(crate) fn document(
    doc: &Document,
    cx: &Context<'_>,
    plan: &mut FontPlan,
) -> Result<Docx, DocxError> {
    let geo = cx.geo;
    let mut docx = Docx::new()
        .styles(docx_styles(cx.formats))
        .page_size(geo.page_width as u32, geo.page_height as u32)
        .page_margin(
            PageMargin::new()
                .top(geo.margin_top)
                .bottom(geo.margin_bottom)
                .left(geo.margin_left)
                .right(geo.margin_right)
                .header(mm_twips(15.0))
                .footer(geo.footer)
                .gutter(0),
        )
        .footer(footer(true, cx, plan)?)
        .even_footer(footer(false, cx, plan)?);
    docx.document.section_property =
        docx.document.section_property.clone().doc_grid(
            DocGrid::new().grid_type(DocGridType::Lines).line_pitch(geo.line_pitch as usize),
        );
    for block in &doc.blocks {
        docx = match block {
            Block::Paragraph(p) => docx.add_paragraph(paragraph(p, cx, plan)?),
            Block::Table(t) => docx.add_table(table(t, cx, plan)?),
            // A placeholder paragraph: `patch` puts the graphic's elements
            // (built by `visual`) in its place.
            Block::Visual(_) => docx.add_paragraph(DocxParagraph::new()),
        };
    }
    Ok(docx)
}

/// One tree paragraph.
fn paragraph(
    p: &Paragraph,
    cx: &Context<'_>,
    plan: &mut FontPlan,
) -> Result<DocxParagraph, DocxError> {
    let f = &cx.formats[&p.role];
    let mut para = DocxParagraph::new().style(f.id);
    if p.align != f.align {
        para = para.align(alignment(p.align));
    }
    if p.indent_chars != f.indent_chars {
        let first = SpecialIndentType::FirstLine(f.indent_twips(p.indent_chars));
        para = para.indent(Some(0), Some(first), Some(f.indent_twips(f.right_chars)), None);
    }
    if p.keep_with_next != f.keep_next {
        para.property = para.property.keep_next(p.keep_with_next);
    }
    let outline = p.outline_level.map(|l| l.saturating_sub(1));
    if outline != f.outline {
        para = para.outline_lvl(usize::from(outline.unwrap_or(9)));
    }
    if p.space_before_lines > 0.0 || p.space_after_lines > 0.0 {
        let lines = |n: f32| (n * cx.geo.line_pitch as f32).round() as u32;
        para = para.line_spacing(
            LineSpacing::new()
                .before(lines(p.space_before_lines))
                .after(lines(p.space_after_lines)),
        );
    }
    let mut cuts = if p.role == Role::Title { title_breaks(p, cx, plan)? } else { Vec::new() };
    cuts.reverse();
    let mut at = 0;
    for inline in &p.inlines {
        let role = inline.role.unwrap_or(p.role);
        // A run in another role's font (a run-in heading) takes that role's character
        // style; its size and spacing stay the paragraph's.
        let (char_style, fonts) = match (inline.role, char_style_id(role)) {
            (Some(r), Some(id)) if r != p.role => (Some(id), &cx.formats[&r].fonts),
            _ => (None, &f.fonts),
        };
        let bold = inline.bold || cx.style.bold(role);
        for seg in plan.segments(role, fonts, bold, &inline.text, inline.src.line)? {
            let mut rest = seg;
            loop {
                let len = rest.text.chars().count();
                // A title line ends inside or right before this segment.
                let cut = cuts.last().copied().filter(|&c| c < at + len);
                let (head, tail) = match cut {
                    Some(c) => {
                        cuts.pop();
                        split(rest, c - at)
                    }
                    None => (Some(rest), None),
                };
                if let Some(head) = head {
                    at += head.text.chars().count();
                    let mut run = styled_run(&head, &fonts.east_asia, fonts.bold, f.spacing);
                    if let Some(id) = char_style {
                        run = run.style(id);
                    }
                    para = para.add_run(run);
                }
                match tail {
                    Some(tail) => {
                        para = para.add_run(Run::new().add_break(BreakType::TextWrapping));
                        rest = tail;
                    }
                    None => break,
                }
            }
        }
    }
    Ok(para)
}

/// Split a segment before its `n`-th character (either side may be empty).
fn split(seg: Segment, n: usize) -> (Option<Segment>, Option<Segment>) {
    let byte = seg.text.char_indices().nth(n).map_or(seg.text.len(), |(b, _)| b);
    let head = Segment { text: seg.text[..byte].to_string(), ..seg.clone() };
    let tail = Segment { text: seg.text[byte..].to_string(), ..seg };
    (Some(head).filter(|s| !s.text.is_empty()), Some(tail))
}

/// Where the PDF's balanced title breaks fall, as character offsets: the layout
/// engine sets the paragraph and reports its line starts.
fn title_breaks(
    p: &Paragraph,
    cx: &Context<'_>,
    plan: &mut FontPlan,
) -> Result<Vec<usize>, DocxError> {
    crate::layout::line_starts(p, cx.style, plan.book_mut())
        .map_err(|e| DocxError::Build { part: "word/document.xml".into(), message: e.to_string() })
}

/// A run for one segment: the text plus what differs from the effective style.
fn styled_run(seg: &Segment, east_asia: &str, style_bold: bool, style_spacing: i32) -> Run {
    let mut run = Run::new().add_text(seg.text.as_str());
    if seg.family.is_some() || seg.hint_east_asia {
        let mut fonts = RunFonts::new();
        if let Some(family) = &seg.family {
            fonts = match seg.slot {
                Slot::Latin => {
                    fonts.ascii(family.as_str()).hi_ansi(family.as_str()).cs(family.as_str())
                }
                Slot::EastAsia => fonts.east_asia(family.as_str()),
            };
        }
        if seg.hint_east_asia {
            // Word sets shared characters (“ ” — ·) from `w:eastAsia` under the hint;
            // LibreOffice ignores the hint and gives a shared character the script of
            // its neighbour — Latin after a digit — so every slot names the face.
            let family = seg.family.as_deref().unwrap_or(east_asia);
            fonts =
                fonts.ascii(family).hi_ansi(family).cs(family).east_asia(family).hint("eastAsia");
        }
        run = run.fonts(fonts);
    }
    match (seg.bold, style_bold) {
        (true, false) => run = run.bold(),
        (false, true) => run = run.disable_bold(),
        _ => {}
    }
    // The grid compresses full-width characters only; Western text keeps its own
    // advances, as in the PDF.
    if seg.slot == Slot::Latin && style_spacing != 0 {
        run = run.character_spacing(0);
    }
    run
}

/// A tree table: fixed layout, exact column widths, merged cells.
fn table(t: &Table, cx: &Context<'_>, plan: &mut FontPlan) -> Result<DocxTable, DocxError> {
    let widths: Vec<usize> = t.columns.iter().map(|&w| twips(w).max(0) as usize).collect();
    let total: usize = widths.iter().sum();
    let mut rows = Vec::with_capacity(t.rows);
    for r in 0..t.rows {
        let mut cells = Vec::new();
        let mut c = 0;
        while c < widths.len() {
            if let Some(cell) = t.cells.iter().find(|x| x.row == r && x.col == c) {
                cells.push(table_cell(cell, &widths, cx, plan)?);
                c += cell.colspan.max(1);
            } else if let Some(above) =
                t.cells.iter().find(|x| x.col == c && x.row < r && r < x.row + x.rowspan)
            {
                // Continuation of a vertical merge: an empty cell of the same width
                // (§17.4.85; a w:tc must still hold a paragraph, §17.4.66).
                let span = above.colspan.max(1);
                let width: usize = widths[c..(c + span).min(widths.len())].iter().sum();
                let mut cont = TableCell::new()
                    .add_paragraph(DocxParagraph::new().style(cell_style(above)))
                    .vertical_merge(VMergeType::Continue)
                    .vertical_align(VAlignType::Center)
                    .width(width, WidthType::Dxa);
                if span > 1 {
                    cont = cont.grid_span(span);
                }
                if let Some(fill) = shading(above, cx) {
                    cont = cont.shading(fill);
                }
                cells.push(cont);
                c += span;
            } else {
                // compose guarantees full coverage (tables::coverage_error); keep the
                // grid valid anyway.
                cells.push(
                    TableCell::new()
                        .add_paragraph(DocxParagraph::new().style("TableText"))
                        .width(widths[c], WidthType::Dxa),
                );
                c += 1;
            }
        }
        rows.push(TableRow::new(cells).cant_split());
    }
    let rule = eighth_points(cx.style.tables.rule_pt);
    let border =
        |pos| TableBorder::new(pos).border_type(BorderType::Single).size(rule).color("000000");
    let borders = TableBorders::with_empty()
        .set(border(TableBorderPosition::Top))
        .set(border(TableBorderPosition::Left))
        .set(border(TableBorderPosition::Bottom))
        .set(border(TableBorderPosition::Right))
        .set(border(TableBorderPosition::InsideH))
        .set(border(TableBorderPosition::InsideV));
    // The PDF draws each rule centred on the cell edge, inside the row heights it
    // computed; Word and LibreOffice put the cell margin inside the border, so half a
    // rule comes off every margin to keep the PDF's row heights (20.67 pt for a
    // one-line 12 pt row).
    let pad = mm_twips(cx.style.tables.cell_padding_mm) - twips(cx.style.tables.rule_pt / 2.0);
    let pad = pad.max(0) as usize;
    let margins = TableCellMargins::new().margin(pad, pad, pad, pad);
    Ok(DocxTable::new(rows)
        .set_grid(widths)
        .width(total, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .indent(0)
        .set_borders(borders)
        .margins(margins))
}

/// The paragraph style of a cell.
fn cell_style(cell: &Cell) -> &'static str {
    match cell.kind {
        CellKind::Caption | CellKind::Header => "TableHeader",
        CellKind::Label | CellKind::Number => "TableText",
    }
}

/// The role whose font a cell is set in.
fn cell_role(cell: &Cell) -> Role {
    match cell.kind {
        CellKind::Caption | CellKind::Header => Role::TableHeader,
        CellKind::Label | CellKind::Number => Role::TableText,
    }
}

/// The layout's shading of a cell, if any: a palette role (`tint`) or `#RRGGBB`, as
/// the PDF's tables read it.
fn shading(cell: &Cell, cx: &Context<'_>) -> Option<Shading> {
    let value = match cell.kind {
        CellKind::Caption => cx.style.tables.caption_shading.as_deref(),
        CellKind::Header => cx.style.tables.header_shading.as_deref(),
        _ => None,
    }?;
    let fill = cx.style.color(value, cx.palette)?;
    Some(Shading::new().shd_type(ShdType::Clear).color("auto").fill(fill.hex()))
}

fn table_cell(
    cell: &Cell,
    widths: &[usize],
    cx: &Context<'_>,
    plan: &mut FontPlan,
) -> Result<TableCell, DocxError> {
    let role = cell_role(cell);
    let f = &cx.formats[&role];
    let mut para = DocxParagraph::new().style(f.id);
    if cell.align != f.align {
        para = para.align(alignment(cell.align));
    }
    let bold = cx.style.bold(role);
    for seg in plan.segments(role, &f.fonts, bold, &cell.text, cell.src.line)? {
        para = para.add_run(styled_run(&seg, &f.fonts.east_asia, f.fonts.bold, f.spacing));
    }
    let span = cell.colspan.max(1);
    let end = (cell.col + span).min(widths.len());
    let width: usize = widths[cell.col.min(end)..end].iter().sum();
    let mut out = TableCell::new()
        .add_paragraph(para)
        .vertical_align(VAlignType::Center)
        .width(width, WidthType::Dxa);
    if span > 1 {
        out = out.grid_span(span);
    }
    if cell.rowspan > 1 {
        out = out.vertical_merge(VMergeType::Restart);
    }
    if let Some(fill) = shading(cell, cx) {
        out = out.shading(fill);
    }
    Ok(out)
}

/// The footer of odd (`odd`) or even pages: the page number as 「— N —」, GB/T 9704
/// 7.5 — odd pages flush right, even pages flush left, each inset by
/// `page_number.inset_chars` grid characters (as the PDF's page numbers).
fn footer(odd: bool, cx: &Context<'_>, plan: &mut FontPlan) -> Result<Footer, DocxError> {
    let f = &cx.formats[&Role::PageNumber];
    let inset = twips(cx.style.page_number.inset_chars * cx.geo.char_pitch_pt);
    let mut para = DocxParagraph::new().style(f.id);
    para = if odd {
        para.align(alignment(crate::compose::tree::Align::Right)).indent(
            Some(0),
            Some(SpecialIndentType::FirstLine(0)),
            Some(inset),
            None,
        )
    } else {
        para.align(alignment(crate::compose::tree::Align::Left)).indent(
            Some(inset),
            Some(SpecialIndentType::FirstLine(0)),
            Some(0),
            None,
        )
    };
    let format = cx.style.page_number.format.as_str();
    let (before, after) = format.split_once("{n}").unwrap_or((format, ""));
    let bold = cx.style.bold(Role::PageNumber);
    for seg in plan.segments(Role::PageNumber, &f.fonts, bold, before, 0)? {
        para = para.add_run(styled_run(&seg, &f.fonts.east_asia, f.fonts.bold, f.spacing));
    }
    // The PAGE field (§17.16.5.42) in complex-field form; its cached result is 1.
    plan.record_chars(Role::PageNumber, bold, "0123456789")?;
    para = para
        .add_run(Run::new().add_field_char(FieldCharType::Begin, false))
        .add_run(Run::new().add_instr_text(InstrText::PAGE(InstrPAGE::new())))
        .add_run(Run::new().add_field_char(FieldCharType::Separate, false))
        .add_run(Run::new().add_text("1"))
        .add_run(Run::new().add_field_char(FieldCharType::End, false));
    for seg in plan.segments(Role::PageNumber, &f.fonts, bold, after, 0)? {
        para = para.add_run(styled_run(&seg, &f.fonts.east_asia, f.fonts.bold, f.spacing));
    }
    Ok(Footer::new().add_paragraph(para))
}
