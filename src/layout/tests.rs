//! Layout tests on the positioned pages: the grid, pagination, tables, page numbers,
//! outline, bold, errors.

use crate::compose::tree::{
    Align, Block, Cell, CellKind, Document, Inline, Role, Src, Table, TableKind,
};
use crate::fonts::{FontError, EM_BOX_ASCENT};
use crate::layout::frame::{Item, Page, PagedDocument, TextRun};
use crate::style::PT_PER_MM;

use super::testutil::{body, close, fonts, han, paragraph, style};
use super::{layout_document, LayoutError};

fn layout(blocks: Vec<Block>) -> PagedDocument {
    try_layout(blocks).expect("layout")
}

fn try_layout(blocks: Vec<Block>) -> Result<PagedDocument, LayoutError> {
    let doc = Document { blocks, ..Document::default() };
    layout_document(&doc, style(), &mut fonts())
}

fn runs(page: &Page) -> impl Iterator<Item = &TextRun> {
    page.items.iter().filter_map(|i| if let Item::Text(t) = i { Some(t) } else { None })
}

/// Every glyph of a page: (pen x, baseline y, text).
fn glyphs(page: &Page) -> Vec<(f32, f32, String)> {
    let mut out = Vec::new();
    for run in runs(page) {
        let mut x = run.origin.x;
        for g in &run.glyphs {
            out.push((x, run.origin.y, run.text[g.text_range.clone()].to_string()));
            x += g.advance;
        }
    }
    out
}

/// The text lines of a page in reading order: (baseline, text), page numbers excluded.
fn lines(page: &Page) -> Vec<(f32, String)> {
    let limit = style().page.margin_top_mm * PT_PER_MM + style().text_height();
    let mut out: Vec<(f32, String)> = Vec::new();
    let mut all = glyphs(page);
    all.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.total_cmp(&b.0)));
    for (_, y, text) in all.into_iter().filter(|g| g.1 < limit) {
        match out.last_mut() {
            Some((baseline, line)) if close(*baseline, y) => line.push_str(&text),
            _ => out.push((y, text)),
        }
    }
    out
}

fn left() -> f32 {
    style().page.margin_left_mm * PT_PER_MM
}

fn top() -> f32 {
    style().page.margin_top_mm * PT_PER_MM
}

/// Baseline of grid line `n` for 16 pt text.
fn grid_baseline(n: usize) -> f32 {
    let pitch = style().line_pitch();
    top() + n as f32 * pitch + (pitch - 16.0) / 2.0 + EM_BOX_ASCENT * 16.0
}

#[test]
fn han_glyphs_stand_in_grid_columns() {
    let doc = layout(vec![Block::Paragraph(body(&han(26 + 28 * 3)))]);
    let page = &doc.pages[0];
    let pitch = style().char_pitch();
    for (n, baseline) in (0..4).map(|n| (n, grid_baseline(n))) {
        let row: Vec<f32> =
            glyphs(page).iter().filter(|g| close(g.1, baseline)).map(|g| g.0).collect();
        let indent = if n == 0 { 2 } else { 0 };
        assert_eq!(row.len(), 28 - indent, "line {n}");
        for (k, x) in row.iter().enumerate() {
            assert!(close(*x, left() + (k + indent) as f32 * pitch), "line {n} glyph {k} at {x}");
        }
    }
}

#[test]
fn a_full_page_holds_22_lines_on_the_grid() {
    let doc = layout(vec![Block::Paragraph(body(&han(26 + 28 * 25)))]);
    assert_eq!(doc.pages.len(), 2);
    let first = lines(&doc.pages[0]);
    assert_eq!(first.len(), 22);
    for (n, (baseline, _)) in first.iter().enumerate() {
        assert!(close(*baseline, grid_baseline(n)), "line {n} at {baseline}");
    }
    let second = lines(&doc.pages[1]);
    assert_eq!(second.len(), 4);
    assert!(close(second[0].0, grid_baseline(0)));
}

#[test]
fn page_numbers_alternate_sides_below_the_type_area() {
    let doc = layout(vec![Block::Paragraph(body(&han(28 * 50)))]);
    assert!(doc.pages.len() >= 3);
    let s = style();
    let right = left() + s.text_width();
    let inset = s.page_number.inset_chars * s.char_pitch();
    let baseline = top() + s.text_height() + 7.0 * PT_PER_MM + EM_BOX_ASCENT * 14.0;
    for (index, page) in doc.pages.iter().enumerate() {
        let number: Vec<(f32, f32, String)> =
            glyphs(page).into_iter().filter(|g| close(g.1, baseline)).collect();
        let text: String = number.iter().map(|g| g.2.as_str()).collect();
        assert_eq!(text, format!("— {} —", index + 1));
        let runs: Vec<&TextRun> = runs(page).filter(|r| close(r.origin.y, baseline)).collect();
        assert!(runs.iter().all(|r| r.size == 14.0));
        let start = number[0].0;
        let end = runs
            .iter()
            .map(|r| r.origin.x + r.glyphs.iter().map(|g| g.advance).sum::<f32>())
            .fold(0.0, f32::max);
        if index % 2 == 0 {
            assert!(close(end, right - inset), "odd page {} ends at {end}", index + 1);
        } else {
            assert!(close(start, left() + inset), "even page {} starts at {start}", index + 1);
        }
    }
}

#[test]
fn digits_use_the_latin_face_at_half_width() {
    let doc = layout(vec![Block::Paragraph(body("共公开信息36629条。"))]);
    let book = fonts();
    let digits = runs(&doc.pages[0]).find(|r| r.text == "36629").expect("a run of digits");
    assert!(book.faces.iter().any(|f| f.postscript_name == "LiberationSerif"));
    assert!(digits.glyphs.iter().take(4).all(|g| close(g.advance, 8.0)), "{:?}", digits.glyphs);
}

#[test]
fn a_heading_is_never_left_alone_at_the_bottom() {
    let mut heading = paragraph(Role::Heading1, "二、主动公开政府信息情况", 2.0, Align::Justify);
    heading.keep_with_next = true;
    heading.outline_level = Some(1);
    let doc = layout(vec![
        Block::Paragraph(body(&han(26 + 28 * 20))), // 21 lines
        Block::Paragraph(heading),
        Block::Paragraph(body(&han(60))),
    ]);
    let first = lines(&doc.pages[0]);
    assert_eq!(first.len(), 21, "the heading moved on");
    let second = lines(&doc.pages[1]);
    assert_eq!(second[0].1, "二、主动公开政府信息情况");
    assert_eq!(doc.outline[0].page, 1);
}

#[test]
fn outline_nests_level_two_under_level_one() {
    let mut blocks = Vec::new();
    for (level, text) in
        [(1, "一、总体情况"), (2, "（一）主动公开"), (2, "（二）依申请公开"), (1, "二、其他")]
    {
        let mut p = paragraph(Role::Heading1, text, 2.0, Align::Justify);
        p.outline_level = Some(level);
        p.keep_with_next = true;
        blocks.push(Block::Paragraph(p));
        blocks.push(Block::Paragraph(body(&han(30))));
    }
    let doc = layout(blocks);
    let titles: Vec<(&str, Vec<&str>)> = doc
        .outline
        .iter()
        .map(|e| (e.title.as_str(), e.children.iter().map(|c| c.title.as_str()).collect()))
        .collect();
    assert_eq!(
        titles,
        [("一、总体情况", vec!["（一）主动公开", "（二）依申请公开"]), ("二、其他", vec![])]
    );
    assert!(close(doc.outline[0].children[1].y, top() + 6.0 * style().line_pitch()));
}

#[test]
fn run_in_heading_switches_face_on_the_same_grid() {
    let mut p = body("");
    p.inlines = vec![
        Inline {
            text: "（一）主动公开情况。".into(),
            bold: false,
            role: Some(Role::Heading2),
            src: Src::at(4),
        },
        Inline::plain("本年度主动公开文件", Src::at(4)),
    ];
    p.outline_level = Some(2);
    let doc = layout(vec![Block::Paragraph(p)]);
    assert_eq!(doc.outline[0].title, "（一）主动公开情况。", "bookmark without the body text");
    let page = &doc.pages[0];
    let book = fonts();
    let family_of = |r: &TextRun| book.face(r.font).family.clone();
    let families: Vec<String> = runs(page).filter(|r| r.origin.y < 200.0).map(family_of).collect();
    assert_eq!(families, ["FandolKai", "FandolFang"]);
    let pitch = style().char_pitch();
    for (k, (x, _, _)) in glyphs(page).iter().filter(|g| g.1 < 200.0).enumerate() {
        assert!(close(*x, left() + (k + 2) as f32 * pitch), "glyph {k} at {x}");
    }
}

#[test]
fn bold_uses_a_real_face_or_emboldens() {
    let mut heading3 = paragraph(Role::Heading3, "1.加强组织领导", 2.0, Align::Justify);
    heading3.inlines[0].bold = true;
    let title = paragraph(Role::Title, "年度报告", 0.0, Align::Center);
    let doc = layout(vec![Block::Paragraph(title), Block::Paragraph(heading3)]);
    let book = fonts();
    let page = &doc.pages[0];
    let title_run = runs(page).find(|r| r.text == "年度报告").unwrap();
    assert_eq!(book.face(title_run.font).postscript_name, "FandolSong-Bold");
    assert_eq!(title_run.embolden, 0.0);
    let han_run = runs(page).find(|r| r.text.contains("加强")).unwrap();
    assert_eq!(book.face(han_run.font).postscript_name, "FandolFang-Regular");
    assert!(close(han_run.embolden, 16.0 / 30.0));
    let digit_run = runs(page).find(|r| r.text.starts_with('1')).unwrap();
    assert_eq!(book.face(digit_run.font).postscript_name, "LiberationSerif-Bold");
    assert_eq!(digit_run.embolden, 0.0);
}

#[test]
fn signature_is_inset_four_characters_from_the_right() {
    let mut sig = paragraph(Role::Signature, "合肥市人民政府办公室", 0.0, Align::Right);
    sig.space_before_lines = 2.0;
    let doc = layout(vec![Block::Paragraph(body(&han(20))), Block::Paragraph(sig)]);
    let s = style();
    let all = glyphs(&doc.pages[0]);
    let last = all.iter().find(|g| g.2 == "室").unwrap();
    let right = left() + s.text_width() - 4.0 * s.char_pitch();
    assert!(close(last.0 + s.char_pitch(), right), "ends at {}", last.0 + s.char_pitch());
    assert!(close(last.1, grid_baseline(3)), "two blank lines above");
}

#[test]
fn title_is_centred_with_a_blank_line_after() {
    let title = paragraph(
        Role::Title,
        "合肥市人民政府办公室2023年政府信息公开工作年度报告",
        0.0,
        Align::Center,
    );
    let doc = layout(vec![Block::Paragraph(title), Block::Paragraph(body(&han(10)))]);
    let text = lines(&doc.pages[0]);
    assert_eq!(text[0].1, "合肥市人民政府办公室");
    assert_eq!(text[1].1, "2023年政府信息公开工作年度报告");
    assert!(close(text[2].0, grid_baseline(3)), "body after one blank line: {}", text[2].0);
}

/// A table: one header row, then `body_rows` rows of (label, number); rows
/// `merged` share one label cell in column 0.
fn table(body_rows: usize, merged: Option<(usize, usize, &str)>) -> Table {
    let mut cells =
        vec![header_cell(0, 0, "项目"), header_cell(0, 1, "说明"), header_cell(0, 2, "数量")];
    for r in 1..=body_rows {
        match merged {
            Some((start, len, label)) if r == start => cells.push(Cell {
                row: r,
                col: 0,
                rowspan: len,
                colspan: 1,
                text: label.into(),
                kind: CellKind::Label,
                align: Align::Center,
                src: Src::at(9),
            }),
            Some((start, len, _)) if r > start && r < start + len => {}
            _ => cells.push(Cell {
                row: r,
                col: 0,
                rowspan: 1,
                colspan: 1,
                text: "事项".into(),
                kind: CellKind::Label,
                align: Align::Left,
                src: Src::at(9),
            }),
        }
        cells.push(Cell {
            row: r,
            col: 1,
            rowspan: 1,
            colspan: 1,
            text: "行政许可".into(),
            kind: CellKind::Label,
            align: Align::Left,
            src: Src::at(9),
        });
        cells.push(Cell {
            row: r,
            col: 2,
            rowspan: 1,
            colspan: 1,
            text: format!("{}", r * 7),
            kind: CellKind::Number,
            align: Align::Center,
            src: Src::at(9),
        });
    }
    Table {
        kind: TableKind::Active,
        columns: vec![120.0, 150.0, 80.0],
        rows: body_rows + 1,
        header_rows: 1,
        cells,
        src: Src::at(9),
    }
}

fn header_cell(row: usize, col: usize, text: &str) -> Cell {
    Cell {
        row,
        col,
        rowspan: 1,
        colspan: 1,
        text: text.into(),
        kind: CellKind::Header,
        align: Align::Center,
        src: Src::at(8),
    }
}

fn texts_on(page: &Page) -> Vec<String> {
    runs(page).map(|r| r.text.clone()).collect()
}

#[test]
fn a_continued_table_repeats_its_header() {
    let doc = layout(vec![Block::Table(table(60, None))]);
    assert!(doc.pages.len() >= 2);
    for page in &doc.pages {
        let first = runs(page).next().expect("text");
        assert_eq!(first.text, "项目", "header first on every page");
        assert!(texts_on(page).contains(&"数量".to_string()));
    }
    // Every row is drawn exactly once (rows are atomic).
    let all: Vec<String> = doc.pages.iter().flat_map(texts_on).collect();
    for r in 1..=60 {
        assert_eq!(all.iter().filter(|t| **t == (r * 7).to_string()).count(), 1, "row {r}");
    }
    // The table is centred in the type area and its rules are 0.5 pt.
    let lines: Vec<_> = doc.pages[0]
        .items
        .iter()
        .filter_map(|i| if let Item::Line(l) = i { Some(l) } else { None })
        .collect();
    let min_x = lines.iter().map(|l| l.from.x.min(l.to.x)).fold(f32::MAX, f32::min);
    assert!(close(min_x, left() + (style().text_width() - 350.0) / 2.0));
    assert!(lines.iter().all(|l| l.width == 0.5));
}

#[test]
fn a_merged_label_cut_by_a_page_break_is_repeated() {
    let doc = layout(vec![
        Block::Paragraph(body(&han(26 + 28 * 15))), // 16 lines of text first
        Block::Table(table(30, Some((3, 20, "合计")))),
    ]);
    let with_label: Vec<usize> = (0..doc.pages.len())
        .filter(|&p| texts_on(&doc.pages[p]).contains(&"合计".to_string()))
        .collect();
    assert_eq!(with_label, [0, 1], "label on both pages");
    // The group (rows 3..23) really is cut: some of its rows are on each page, and
    // every row is on exactly one page.
    let group_rows_on = |p: usize| {
        let texts = texts_on(&doc.pages[p]);
        (3..23).filter(|r| texts.contains(&(r * 7).to_string())).count()
    };
    assert!(group_rows_on(0) >= 1 && group_rows_on(1) >= 1);
    assert_eq!(group_rows_on(0) + group_rows_on(1), 20);
}

#[test]
fn text_after_a_table_resumes_on_the_grid() {
    let doc = layout(vec![Block::Table(table(3, None)), Block::Paragraph(body("表后正文"))]);
    let page = &doc.pages[0];
    let after = glyphs(page).into_iter().find(|g| g.2 == "表").expect("body after table");
    let pitch = style().line_pitch();
    let n = ((after.1 - grid_baseline(0)) / pitch).round() as usize;
    assert!(n > 0 && close(after.1, grid_baseline(n)), "baseline {}", after.1);
}

#[test]
fn a_character_no_font_has_is_reported_with_its_line() {
    let mut p = body("正文\u{E000}");
    p.inlines[0].src = Src::at(42);
    let err = try_layout(vec![Block::Paragraph(p)]).unwrap_err();
    match &err {
        LayoutError::Font(FontError::MissingGlyph { ch, codepoint, line }) => {
            assert_eq!((*ch, *codepoint, *line), ('\u{E000}', 0xE000, 42));
        }
        other => panic!("unexpected {other:?}"),
    }
    let message = err.to_string();
    assert!(
        message.contains("U+E000") && message.contains("42") && message.contains("字形"),
        "{message}"
    );
}

#[test]
fn header_shading_is_painted_under_header_cells_only() {
    let mut shaded = style().clone();
    shaded.tables.header_shading = Some("#C6D9F1".into());
    let doc = Document { blocks: vec![Block::Table(table(2, None))], ..Document::default() };
    let paged = layout_document(&doc, &shaded, &mut fonts()).unwrap();
    let fills: Vec<_> = paged.pages[0]
        .items
        .iter()
        .filter_map(|i| if let Item::Rect(r) = i { r.fill.map(|f| (f, r.origin.y)) } else { None })
        .collect();
    assert_eq!(fills.len(), 3, "one per header cell");
    assert!(fills
        .iter()
        .all(|(f, y)| *f == crate::layout::frame::Rgb(0xC6, 0xD9, 0xF1) && close(*y, top())));
    // Painted before the text and rules on top of it.
    let first_text = paged.pages[0].items.iter().position(|i| matches!(i, Item::Text(_))).unwrap();
    let last_rect = paged.pages[0].items.iter().rposition(|i| matches!(i, Item::Rect(_))).unwrap();
    assert!(last_rect < first_text);
}
