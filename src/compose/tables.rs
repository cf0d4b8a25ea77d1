//! The three official tables as cell grids with explicit spans, per edition, with the
//! verbatim labels of [`crate::model::labels`]. This is the only place a table's
//! structure is decided; the PDF layout and the DOCX writer both draw these grids.
//!
//! * 表二: a label column plus six sub-columns, so rows with three values (each spanning
//!   two), two values (spanning three) and one value (spanning six) share one grid;
//!   every 「第二十条第（x）项」 caption row spans the whole table.
//! * 表三: 3 label columns + 7 value columns; a 3-row header whose top-left 勾稽 note
//!   spans 3 × 3; 「三、本年度办理结果」 spans 20 rows (2019) or 22 (2021).
//! * 表四: 15 value columns under a 3-row header (行政复议 ×5 | 行政诉讼 ×10 split into
//!   未经复议直接起诉 ×5 and 复议后起诉 ×5; result headers spanning down).

use super::tree::{Align, Cell, CellKind, Src, Table, TableKind};
use super::ComposeError;
use crate::model::labels::{self, active as A, review as R, AppGroup};
use crate::model::{ActiveItem, Edition, Report};
use crate::style::Style;

/// Accumulates cells row by row.
struct Grid {
    cells: Vec<Cell>,
    row: usize,
}

impl Grid {
    fn new() -> Self {
        Grid { cells: Vec::new(), row: 0 }
    }

    #[allow(clippy::too_many_arguments)]
    fn put(
        &mut self,
        col: usize,
        rowspan: usize,
        colspan: usize,
        text: impl Into<String>,
        kind: CellKind,
        align: Align,
        src: Src,
    ) {
        self.cells.push(Cell {
            row: self.row,
            col,
            rowspan,
            colspan,
            text: text.into(),
            kind,
            align,
            src,
        });
    }

    fn header(&mut self, col: usize, rowspan: usize, colspan: usize, text: &str) {
        self.put(col, rowspan, colspan, text, CellKind::Header, Align::Center, Src::GENERATED);
    }

    fn label(&mut self, col: usize, rowspan: usize, colspan: usize, text: &str, align: Align) {
        self.put(col, rowspan, colspan, text, CellKind::Label, align, Src::GENERATED);
    }

    fn number(&mut self, col: usize, colspan: usize, text: String, line: u32) {
        self.put(col, 1, colspan, text, CellKind::Number, Align::Center, Src::at(line));
    }

    fn next_row(&mut self) {
        self.row += 1;
    }

    fn finish(self, kind: TableKind, columns: Vec<f32>, header_rows: usize) -> Table {
        let rows = self.row;
        Table { kind, columns, rows, header_rows, cells: self.cells, src: Src::GENERATED }
    }
}

fn columns(style: &Style, key: &'static str, expected: usize) -> Result<Vec<f32>, ComposeError> {
    let cols = style
        .table_columns_pt(key)
        .unwrap_or_else(|| vec![style.text_width() / expected as f32; expected]);
    if cols.len() != expected {
        return Err(ComposeError::Columns { table: key, given: cols.len(), expected });
    }
    let width: f32 = cols.iter().sum();
    if width > style.text_width() + 0.5 {
        return Err(ComposeError::TooWide { table: key, width, max: style.text_width() });
    }
    Ok(cols)
}

/// 表二 主动公开政府信息情况.
pub fn active(report: &Report, style: &Style) -> Result<Table, ComposeError> {
    const SUB: usize = 6;
    let mut g = Grid::new();
    for block in &report.active {
        let (caption, headers): (&str, Vec<&str>) = match (block.item, report.edition) {
            (ActiveItem::Regulations, Edition::E2019) => (A::ITEM_1, A::REG_2019.to_vec()),
            (ActiveItem::Regulations, Edition::E2021) => (A::ITEM_1, A::REG_2021.to_vec()),
            (ActiveItem::Licensing, Edition::E2019) => (A::ITEM_5, A::DECISION_2019.to_vec()),
            (ActiveItem::Licensing, Edition::E2021) => (A::ITEM_5, vec![A::DECISION_2021]),
            (ActiveItem::Enforcement, Edition::E2019) => (A::ITEM_6, A::DECISION_2019.to_vec()),
            (ActiveItem::Enforcement, Edition::E2021) => (A::ITEM_6, vec![A::DECISION_2021]),
            (ActiveItem::Fees, Edition::E2019) => (A::ITEM_8, A::FEES_2019.to_vec()),
            (ActiveItem::Fees, Edition::E2021) => (A::ITEM_8, vec![A::FEES_2021]),
            (ActiveItem::Procurement, _) => (A::ITEM_9, A::PROCUREMENT.to_vec()),
        };
        let span = SUB / headers.len();
        g.put(0, 1, 1 + SUB, caption, CellKind::Caption, Align::Center, Src::GENERATED);
        g.next_row();
        g.header(0, 1, 1, A::CONTENT);
        for (i, h) in headers.iter().enumerate() {
            g.header(1 + i * span, 1, span, h);
        }
        g.next_row();
        for row in &block.rows {
            g.label(0, 1, 1, row.label, Align::Center);
            for (i, v) in row.values.iter().enumerate() {
                g.number(1 + i * span, span, v.display(), row.line);
            }
            g.next_row();
        }
    }
    Ok(g.finish(TableKind::Active, columns(style, "active", 1 + SUB)?, 0))
}

/// 表三 收到和处理政府信息公开申请情况.
pub fn applications(report: &Report, style: &Style) -> Result<Table, ComposeError> {
    use labels::applications as L;
    let mut g = Grid::new();
    // Header: three rows.
    g.header(0, 3, 3, L::NOTE);
    g.header(3, 1, 7, L::APPLICANTS);
    g.next_row();
    g.header(3, 2, 1, labels::APPLICANT_COLUMNS[0]);
    g.header(4, 1, 5, L::ORGANISATIONS);
    g.header(9, 2, 1, labels::APPLICANT_COLUMNS[6]);
    g.next_row();
    for (i, name) in labels::APPLICANT_COLUMNS[1..6].iter().enumerate() {
        g.header(4 + i, 1, 1, name);
    }
    g.next_row();

    let results = report
        .applications
        .iter()
        .filter(|r| matches!(r.def.group, AppGroup::Result(_) | AppGroup::Total));
    let results_rows = results.count();
    let mut open_group: Option<&str> = None;
    let mut results_started = false;
    for row in &report.applications {
        match row.def.group {
            AppGroup::New | AppGroup::CarriedOver | AppGroup::CarriedForward => {
                g.label(0, 1, 3, row.def.label, Align::Left);
            }
            AppGroup::Result(_) | AppGroup::Total => {
                let group = match row.def.group {
                    AppGroup::Result(g) => g,
                    _ => None,
                };
                if !results_started {
                    g.label(0, results_rows, 1, L::RESULTS, Align::Center);
                    results_started = true;
                }
                match group {
                    None => {
                        open_group = None;
                        g.label(1, 1, 2, row.def.label, Align::Left);
                    }
                    Some(name) => {
                        if open_group != Some(name) {
                            let span = report
                                .applications
                                .iter()
                                .filter(|r| r.def.group == AppGroup::Result(Some(name)))
                                .count();
                            g.label(1, span, 1, name, Align::Center);
                            open_group = Some(name);
                        }
                        g.label(2, 1, 1, row.def.label, Align::Left);
                    }
                }
            }
        }
        for (c, v) in row.values.iter().enumerate() {
            g.number(3 + c, 1, v.map(|n| n.to_string()).unwrap_or_default(), row.line);
        }
        g.next_row();
    }
    Ok(g.finish(TableKind::Applications, columns(style, "applications", 10)?, 3))
}

/// 表四 政府信息公开行政复议、行政诉讼情况.
pub fn review(report: &Report, style: &Style) -> Result<Table, ComposeError> {
    let mut g = Grid::new();
    g.header(0, 1, 5, R::RECONSIDERATION);
    g.header(5, 1, 10, R::LITIGATION);
    g.next_row();
    for (i, h) in R::RESULTS.iter().enumerate() {
        g.header(i, 2, 1, h);
    }
    g.header(5, 1, 5, R::DIRECT);
    g.header(10, 1, 5, R::AFTER_REVIEW);
    g.next_row();
    for group in 0..2 {
        for (i, h) in R::RESULTS.iter().enumerate() {
            g.header(5 + group * 5 + i, 1, 1, h);
        }
    }
    g.next_row();
    for (gi, row) in report.review.iter().enumerate() {
        for (i, v) in row.values.iter().enumerate() {
            g.number(gi * 5 + i, 1, v.map(|n| n.to_string()).unwrap_or_default(), row.line);
        }
    }
    g.next_row();
    Ok(g.finish(TableKind::Review, columns(style, "review", 15)?, 3))
}

/// Check that a table's cells cover its grid exactly once (used by tests and debug
/// builds): returns the first overlap or hole as (row, col).
pub fn coverage_error(t: &Table) -> Option<(usize, usize)> {
    let cols = t.columns.len();
    let mut seen = vec![false; t.rows * cols];
    for c in &t.cells {
        for r in c.row..c.row + c.rowspan {
            for k in c.col..c.col + c.colspan {
                if r >= t.rows || k >= cols || seen[r * cols + k] {
                    return Some((r, k));
                }
                seen[r * cols + k] = true;
            }
        }
    }
    seen.iter().position(|s| !s).map(|i| (i / cols, i % cols))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model;
    use std::path::Path;

    fn load(name: &str) -> Report {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples").join(name);
        model::load(&path).unwrap().0
    }

    fn cell<'a>(t: &'a Table, text: &str) -> &'a Cell {
        t.cells.iter().find(|c| c.text == text).unwrap_or_else(|| panic!("no cell {text}"))
    }

    #[test]
    fn applications_2019_spans() {
        let r = load("qianshan-2019.yaml");
        let t = applications(&r, &Style::official()).unwrap();
        assert_eq!(coverage_error(&t), None);
        assert_eq!(t.rows, 3 + 23);
        let note = cell(&t, labels::applications::NOTE);
        assert_eq!((note.row, note.col, note.rowspan, note.colspan), (0, 0, 3, 3));
        assert_eq!(cell(&t, "三、本年度办理结果").rowspan, 20);
        assert_eq!(cell(&t, "（三）不予公开").rowspan, 8);
        assert_eq!(cell(&t, "（四）无法提供").rowspan, 3);
        assert_eq!(cell(&t, "（五）不予处理").rowspan, 5);
        assert_eq!(cell(&t, "（六）其他处理").colspan, 2);
        assert_eq!(cell(&t, "法人或其他组织").colspan, 5);
        assert_eq!(t.header_rows, 3);
    }

    #[test]
    fn applications_2021_spans() {
        let r = load("huaian-2024.yaml");
        let t = applications(&r, &Style::official()).unwrap();
        assert_eq!(coverage_error(&t), None);
        assert_eq!(t.rows, 3 + 25);
        assert_eq!(cell(&t, "三、本年度办理结果").rowspan, 22);
        let other = cell(&t, "（六）其他处理");
        assert_eq!((other.rowspan, other.colspan), (3, 1));
        // （七）总计 row: 2932 53 0 0 61 4 3050.
        let total = cell(&t, "（七）总计");
        let values: Vec<&str> = t
            .cells
            .iter()
            .filter(|c| c.row == total.row && c.kind == CellKind::Number)
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(values, ["2932", "53", "0", "0", "61", "4", "3050"]);
    }

    #[test]
    fn active_tables_per_edition() {
        let t = active(&load("qianshan-2019.yaml"), &Style::official()).unwrap();
        assert_eq!(coverage_error(&t), None);
        assert_eq!(cell(&t, "第二十条第（九）项").colspan, 7);
        assert_eq!(cell(&t, "本年新制作数量").colspan, 2);
        assert_eq!(cell(&t, "采购总金额").colspan, 3);
        assert!(t.cells.iter().any(|c| c.text == "+16"));
        assert!(t.cells.iter().any(|c| c.text == "-2"));

        let t = active(&load("huaian-2024.yaml"), &Style::official()).unwrap();
        assert_eq!(coverage_error(&t), None);
        assert!(!t.cells.iter().any(|c| c.text == "第二十条第（九）项"));
        assert_eq!(cell(&t, "本年收费金额（单位：万元）").colspan, 6);
        assert_eq!(cell(&t, "96171.6").colspan, 6);
        assert_eq!(cell(&t, "行政规范性文件").kind, CellKind::Label);
    }

    #[test]
    fn review_matrix() {
        let t = review(&load("huaian-2024.yaml"), &Style::official()).unwrap();
        assert_eq!(coverage_error(&t), None);
        assert_eq!(t.rows, 4);
        assert_eq!(cell(&t, "行政复议").colspan, 5);
        assert_eq!(cell(&t, "行政诉讼").colspan, 10);
        assert_eq!(cell(&t, "未经复议直接起诉").colspan, 5);
        let numbers: Vec<&str> =
            t.cells.iter().filter(|c| c.row == 3).map(|c| c.text.as_str()).collect();
        assert_eq!(
            numbers,
            ["72", "64", "178", "37", "351", "13", "4", "8", "1", "26", "12", "1", "1", "6", "20"]
        );
    }
}
