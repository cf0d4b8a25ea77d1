//! Tables: cell text set by the same CJK rules at the table font size, row heights,
//! page fragments with repeated header rows, and drawing (shading, text, rules).
//!
//! Rows are atomic. A page break may fall inside a row-span group only where both
//! parts are tall enough for the merged cell's text; the merged cell is then drawn on
//! both pages, each time with its full label. Tables are centred in the type area;
//! columns wider than the type area are scaled down to fit. Shading may name a
//! palette role (`tint`) or a colour (`#RRGGBB`); cell text takes its role's colour.

use std::collections::BTreeSet;

use crate::compose::tree::{CellKind, Role, Table};
use crate::fonts::FontBook;
use crate::layout::frame::{Item, LineItem, Point, RectItem, Rgb};
use crate::style::{Colors, Style, PT_PER_MM};

use super::geometry::{baseline_in, PageGeometry};
use super::inline::{set_text, Measure, SetLine, Span};
use super::LayoutError;

/// A cell with its text set.
#[derive(Clone, Debug)]
pub(crate) struct SetCell {
    row: usize,
    col: usize,
    rowspan: usize,
    colspan: usize,
    kind: CellKind,
    lines: Vec<SetLine>,
    /// Font size of the cell's role.
    size: f32,
    /// Height one line of the cell takes.
    line_height: f32,
}

impl SetCell {
    /// Height of the text block.
    fn content_height(&self) -> f32 {
        self.lines.len().max(1) as f32 * self.line_height
    }
}

/// A table ready for pagination.
#[derive(Clone, Debug)]
pub(crate) struct SetTable {
    /// Left edge of the table on the page.
    left: f32,
    /// Column boundaries relative to `left` (one more than the columns).
    col_x: Vec<f32>,
    /// Height of every row.
    pub row_heights: Vec<f32>,
    /// Rows repeated on every page.
    pub header_rows: usize,
    cells: Vec<SetCell>,
    /// Cell padding on every side.
    padding: f32,
    /// Rule width.
    rule: f32,
    header_shading: Option<Rgb>,
    caption_shading: Option<Rgb>,
}

/// Set a table's cells and size its rows.
pub(crate) fn set_table(
    table: &Table,
    style: &Style,
    palette: &Colors,
    geometry: &PageGeometry,
    fonts: &mut FontBook,
) -> Result<SetTable, LayoutError> {
    validate(table)?;
    let col_x = column_edges(&table.columns, geometry.text_width);
    let width = *col_x.last().expect("validated: at least one column");
    let padding = style.tables.cell_padding_mm * PT_PER_MM;
    let mut cells = Vec::with_capacity(table.cells.len());
    for cell in &table.cells {
        let role = match cell.kind {
            CellKind::Header | CellKind::Caption => Role::TableHeader,
            CellKind::Label | CellKind::Number => Role::TableText,
        };
        let size = style.size(role);
        let span = Span {
            text: &cell.text,
            role,
            size,
            bold: style.bold(role),
            line: cell.src.line,
            color: style.text_color(role, palette),
        };
        let measure = Measure {
            width: (col_x[cell.col + cell.colspan] - col_x[cell.col] - 2.0 * padding).max(size),
            first_indent: 0.0,
            align: cell.align,
            balance: false,
            cell_scale: 1.0,
            cell: size,
        };
        cells.push(SetCell {
            row: cell.row,
            col: cell.col,
            rowspan: cell.rowspan,
            colspan: cell.colspan,
            kind: cell.kind,
            lines: set_text(std::slice::from_ref(&span), &measure, fonts)?,
            size,
            line_height: style.tables.line_height * size,
        });
    }
    let row_heights = row_heights(&cells, table.rows, padding);
    // A palette role (`tint`) or `#RRGGBB`.
    let shade = |s: &Option<String>| s.as_deref().and_then(|v| style.color(v, palette));
    Ok(SetTable {
        left: geometry.left + (geometry.text_width - width) / 2.0,
        col_x,
        row_heights,
        header_rows: table.header_rows.min(table.rows),
        cells,
        padding,
        rule: style.tables.rule_pt,
        header_shading: shade(&style.tables.header_shading),
        caption_shading: shade(&style.tables.caption_shading),
    })
}

/// Reject grids the layout cannot draw.
fn validate(table: &Table) -> Result<(), LayoutError> {
    let fail = |message: String| Err(LayoutError::Table { line: table.src.line, message });
    if table.columns.is_empty() || table.columns.iter().any(|w| !w.is_finite() || *w <= 0.0) {
        return fail("列宽为空或不为正数 / column widths must be positive".into());
    }
    for c in &table.cells {
        if c.rowspan == 0
            || c.colspan == 0
            || c.row + c.rowspan > table.rows
            || c.col + c.colspan > table.columns.len()
        {
            return fail(format!(
                "单元格（行 {}，列 {}，跨 {}×{}）超出 {} 行 {} 列的表格 / cell at row {}, column {} (span {}×{}) lies outside the {}×{} grid",
                c.row, c.col, c.rowspan, c.colspan, table.rows, table.columns.len(),
                c.row, c.col, c.rowspan, c.colspan, table.rows, table.columns.len()
            ));
        }
    }
    Ok(())
}

/// Column boundaries, scaled down if the columns are wider than the type area.
fn column_edges(columns: &[f32], text_width: f32) -> Vec<f32> {
    let total: f32 = columns.iter().sum();
    let scale = if total > text_width + 0.5 { text_width / total } else { 1.0 };
    let mut edges = vec![0.0];
    for w in columns {
        edges.push(edges.last().copied().unwrap_or(0.0) + w * scale);
    }
    edges
}

/// Row heights: the tallest single-row cell, then row-span cells that need more
/// share the difference equally among their rows.
fn row_heights(cells: &[SetCell], rows: usize, padding: f32) -> Vec<f32> {
    let min_line = cells.iter().map(|c| c.line_height).fold(0.0, f32::max);
    let mut heights = vec![min_line + 2.0 * padding; rows];
    for c in cells.iter().filter(|c| c.rowspan == 1) {
        heights[c.row] = heights[c.row].max(c.content_height() + 2.0 * padding);
    }
    for c in cells.iter().filter(|c| c.rowspan > 1) {
        let spanned = c.row..c.row + c.rowspan;
        let have: f32 = heights[spanned.clone()].iter().sum();
        let need = c.content_height() + 2.0 * padding;
        if need > have {
            let extra = (need - have) / c.rowspan as f32;
            heights[spanned].iter_mut().for_each(|h| *h += extra);
        }
    }
    heights
}

impl SetTable {
    /// Number of rows.
    pub(crate) fn rows(&self) -> usize {
        self.row_heights.len()
    }

    /// Height of the repeated header rows.
    pub(crate) fn header_height(&self) -> f32 {
        self.row_heights[..self.header_rows].iter().sum()
    }

    /// Height of rows `range`.
    pub(crate) fn height_of(&self, range: std::ops::Range<usize>) -> f32 {
        self.row_heights[range].iter().sum()
    }

    /// Whether a page break may fall before row `r`: every row-span group it cuts
    /// must leave both parts tall enough for the merged cell's text.
    pub(crate) fn may_break_before(&self, r: usize) -> bool {
        self.cells.iter().filter(|c| c.row < r && r < c.row + c.rowspan).all(|c| {
            let need = c.content_height() + 2.0 * self.padding;
            self.height_of(c.row..r) + 0.01 >= need
                && self.height_of(r..c.row + c.rowspan) + 0.01 >= need
        })
    }

    /// Draw a page fragment: `rows` (ascending: the header rows, then a run of body
    /// rows) stacked from `top`.
    pub(crate) fn draw(&self, rows: &[usize], top: f32, items: &mut Vec<Item>) {
        let mut row_top = vec![None; self.rows()];
        let mut y = top;
        for &r in rows {
            row_top[r] = Some(y);
            y += self.row_heights[r];
        }
        let boxes: Vec<(&SetCell, Point, f32, f32)> = self
            .cells
            .iter()
            .filter_map(|cell| {
                let visible: Vec<usize> =
                    (cell.row..cell.row + cell.rowspan).filter(|&r| row_top[r].is_some()).collect();
                let first = *visible.first()?;
                let height: f32 = visible.iter().map(|&r| self.row_heights[r]).sum();
                let x = self.left + self.col_x[cell.col];
                let width = self.col_x[cell.col + cell.colspan] - self.col_x[cell.col];
                Some((cell, Point::new(x, row_top[first].expect("visible")), width, height))
            })
            .collect();
        for &(cell, origin, width, height) in &boxes {
            if let Some(fill) = self.shading(cell.kind) {
                items.push(Item::Rect(RectItem {
                    origin,
                    width,
                    height,
                    fill: Some(fill),
                    stroke: None,
                }));
            }
        }
        for &(cell, origin, _, height) in &boxes {
            self.draw_text(cell, origin, height, items);
        }
        let mut rules = Rules::default();
        for &(_, origin, width, height) in &boxes {
            let (x0, y0, x1, y1) = (origin.x, origin.y, origin.x + width, origin.y + height);
            rules.add(x0, y0, x1, y0);
            rules.add(x0, y1, x1, y1);
            rules.add(x0, y0, x0, y1);
            rules.add(x1, y0, x1, y1);
        }
        items.extend(rules.into_items(self.rule));
    }

    fn shading(&self, kind: CellKind) -> Option<Rgb> {
        match kind {
            CellKind::Header => self.header_shading,
            CellKind::Caption => self.caption_shading.or(self.header_shading),
            _ => None,
        }
    }

    /// The cell's lines, centred vertically in its (visible) box.
    fn draw_text(&self, cell: &SetCell, origin: Point, height: f32, items: &mut Vec<Item>) {
        let block_top = origin.y + (height - cell.content_height()) / 2.0;
        for (k, line) in cell.lines.iter().enumerate() {
            let line_top = block_top + k as f32 * cell.line_height;
            let baseline = baseline_in(line_top, cell.line_height, cell.size);
            items.extend(line.items(origin.x + self.padding, baseline));
        }
    }
}

/// Table rules, each segment drawn once even where neighbouring cells share it.
#[derive(Default)]
struct Rules {
    seen: BTreeSet<(i64, i64, i64, i64)>,
    segments: Vec<(Point, Point)>,
}

impl Rules {
    fn add(&mut self, x0: f32, y0: f32, x1: f32, y1: f32) {
        let key = |v: f32| (v * 100.0).round() as i64;
        if self.seen.insert((key(x0), key(y0), key(x1), key(y1))) {
            self.segments.push((Point::new(x0, y0), Point::new(x1, y1)));
        }
    }

    fn into_items(self, width: f32) -> impl Iterator<Item = Item> {
        self.segments
            .into_iter()
            .map(move |(from, to)| Item::Line(LineItem { from, to, width, color: Rgb::BLACK }))
    }
}
