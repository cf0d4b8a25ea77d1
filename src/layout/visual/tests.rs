//! Tests of the graphics on real geometry: proportional bars and slices, zero data,
//! card rows, the banner, fills, automatic page height, moving to the next page; and
//! (ignored, run by hand) the huaian sample rendered to /tmp for a look.

use std::f64::consts::TAU;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use crate::compose::tree::{
    Align, Banner, Block, Chart, ChartKind, Document, Figure, Inline, KeyFigure, Paragraph, Role,
    Series, Src, Visual,
};
use crate::fonts::{FontBook, FontOptions};
use crate::layout::frame::{Item, PagedDocument, PathSegment, Point, RectItem, Rgb, TextRun};
use crate::layout::geometry::PageGeometry;
use crate::layout::{layout_document_with, LayoutOptions};
use crate::style::{Style, PT_PER_MM};

use super::shape::contrast;
use super::{set_visual, Context, SetVisual};

// ---- Fixtures ----------------------------------------------------------------------

fn illustrated() -> &'static Style {
    static S: OnceLock<Style> = OnceLock::new();
    S.get_or_init(|| Style::load("illustrated", Path::new("."), None).expect("layout"))
}

fn mobile() -> &'static Style {
    static S: OnceLock<Style> = OnceLock::new();
    S.get_or_init(|| Style::load("illustrated-mobile", Path::new("."), None).expect("layout"))
}

/// A bundled-only font book for the illustrated layouts (same role lists in both).
fn fonts() -> FontBook {
    static BOOK: OnceLock<FontBook> = OnceLock::new();
    BOOK.get_or_init(|| {
        FontBook::new(illustrated(), &FontOptions { system_fonts: false }).expect("fonts")
    })
    .clone()
}

fn lay_out(style: &Style, blocks: Vec<Block>) -> PagedDocument {
    lay_out_with(style, blocks, &mut fonts())
}

fn lay_out_with(style: &Style, blocks: Vec<Block>, book: &mut FontBook) -> PagedDocument {
    let doc = Document { blocks, ..Document::default() };
    layout_document_with(&doc, style, book, &LayoutOptions::for_style(style)).expect("layout")
}

/// One graphic block drawn on the A4 illustrated layout (not opening the document).
fn set(visual: Visual) -> SetVisual {
    set_on(illustrated(), visual)
}

fn set_on(style: &Style, visual: Visual) -> SetVisual {
    let geometry = PageGeometry::of(style);
    let palette = style.colors(None);
    let ctx = Context::new(style, &palette, &geometry);
    set_visual(&visual, &ctx, false, &mut fonts()).expect("set")
}

const C: [Rgb; 4] = [Rgb(200, 0, 0), Rgb(0, 150, 0), Rgb(0, 0, 200), Rgb(90, 90, 0)];

fn chart(kind: ChartKind, categories: &[&str], series: &[&[f64]]) -> Chart {
    Chart {
        id: "test".into(),
        kind,
        title: "依申请公开办理结果".into(),
        unit: "件".into(),
        categories: categories.iter().map(|s| s.to_string()).collect(),
        category_colors: C[..categories.len().min(4)].to_vec(),
        series: series
            .iter()
            .enumerate()
            .map(|(j, v)| Series { name: format!("系列{j}"), values: v.to_vec(), color: C[j] })
            .collect(),
        percents: Vec::new(),
        center_label: None,
        note: None,
        empty_statement: None,
    }
}

fn rects(items: &[Item], fill: Rgb) -> Vec<&RectItem> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Rect(r) if r.fill == Some(fill) => Some(r),
            _ => None,
        })
        .collect()
}

fn texts(items: &[Item]) -> Vec<&TextRun> {
    items.iter().filter_map(|i| if let Item::Text(t) = i { Some(t) } else { None }).collect()
}

fn has_text(items: &[Item], text: &str) -> bool {
    texts(items).iter().any(|t| t.text == text)
}

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() <= 0.02
}

/// Every coordinate of every item is finite.
fn assert_finite(items: &[Item]) {
    let ok = |p: &Point| p.x.is_finite() && p.y.is_finite();
    for item in items {
        let fine = match item {
            Item::Text(t) => ok(&t.origin),
            Item::Line(l) => ok(&l.from) && ok(&l.to),
            Item::Rect(r) => ok(&r.origin) && r.width.is_finite() && r.height.is_finite(),
            Item::Path(p) => p.segments.iter().all(|s| match s {
                PathSegment::MoveTo(a) | PathSegment::LineTo(a) => ok(a),
                PathSegment::CubicTo(a, b, c) => ok(a) && ok(b) && ok(c),
                PathSegment::Close => true,
            }),
            Item::Image(i) => ok(&i.origin),
        };
        assert!(fine, "non-finite item {item:?}");
    }
}

// ---- Bars --------------------------------------------------------------------------

#[test]
fn bar_lengths_are_proportional_to_values() {
    let v = set(Visual::Chart(chart(ChartKind::Bar, &["甲", "乙", "丙"], &[&[10.0, 5.0, 0.0]])));
    let (full, half) = (rects(&v.items, C[0]), rects(&v.items, C[1]));
    assert_eq!((full.len(), half.len()), (1, 1));
    assert!(rects(&v.items, C[2]).is_empty(), "a zero value has no bar");
    let (a, b) = (full[0], half[0]);
    assert!(a.height > 50.0, "the largest bar takes the full length: {}", a.height);
    assert!(close(b.height, a.height / 2.0), "{} vs {}", b.height, a.height);
    assert!(close(a.origin.y + a.height, b.origin.y + b.height), "bars share the baseline");
    for label in ["10", "5", "0"] {
        assert!(has_text(&v.items, label), "value label {label}");
    }
    // The 「0」 sits just above the baseline, right of the other two.
    let zero = texts(&v.items).into_iter().find(|t| t.text == "0").unwrap();
    assert!(zero.origin.y < a.origin.y + a.height && zero.origin.y > b.origin.y);
}

#[test]
fn hbar_height_grows_with_the_categories() {
    let three =
        set(Visual::Chart(chart(ChartKind::HBar, &["甲", "乙", "丙"], &[&[3.0, 2.0, 1.0]])));
    let six = set(Visual::Chart(chart(
        ChartKind::HBar,
        &["甲", "乙", "丙", "丁", "戊", "己"],
        &[&[3.0, 2.0, 1.0, 4.0, 5.0, 6.0]],
    )));
    let size = illustrated().illustrated.as_ref().unwrap().chart_label_size;
    // Each row is at least a bar thick plus a gap.
    assert!(six.height >= three.height + 3.0 * 1.5 * size, "{} vs {}", six.height, three.height);
    // Proportional 3 : 2 : 1, all from the axis.
    let bar = |c: Rgb| *rects(&three.items, c).first().expect("a bar");
    let (a, b, c) = (bar(C[0]), bar(C[1]), bar(C[2]));
    assert!(close(b.width, a.width * 2.0 / 3.0) && close(c.width, a.width / 3.0));
    assert!(a.origin.x == b.origin.x && b.origin.x == c.origin.x);
    assert!(a.origin.y < b.origin.y && b.origin.y < c.origin.y, "rows in order");
}

#[test]
fn stacked_segments_add_up_to_the_bar() {
    let c = chart(
        ChartKind::Stacked,
        &["行政复议", "行政诉讼"],
        &[&[3.0, 1.0], &[2.0, 0.0], &[5.0, 1.0]],
    );
    let v = set(Visual::Chart(c));
    // Bar segments (legend squares are smaller than a bar is thick), by row.
    let mut all: Vec<&RectItem> =
        C[..3].iter().flat_map(|c| rects(&v.items, *c)).filter(|r| r.height > 10.0).collect();
    all.sort_by(|a, b| a.origin.y.total_cmp(&b.origin.y).then(a.origin.x.total_cmp(&b.origin.x)));
    let first_row = all[0].origin.y;
    let (top, bottom): (Vec<&RectItem>, Vec<&RectItem>) =
        all.into_iter().partition(|r| r.origin.y == first_row);
    assert_eq!((top.len(), bottom.len()), (3, 2), "a zero segment is not drawn");
    let length = |segs: &[&RectItem]| segs.iter().map(|r| r.width).sum::<f32>();
    for segs in [&top, &bottom] {
        for pair in segs.windows(2) {
            assert!(close(pair[0].origin.x + pair[0].width, pair[1].origin.x), "segments abut");
        }
    }
    let full = top.last().map(|r| r.origin.x + r.width).unwrap() - top[0].origin.x;
    assert!(close(length(&top), full));
    assert!(close(length(&bottom), full * 2.0 / 10.0), "{} vs {}", length(&bottom), full);
    assert!(close(top[0].width, full * 0.3) && close(top[2].width, full * 0.5));
    assert!(has_text(&v.items, "10") && has_text(&v.items, "2"), "totals at the bar ends");
}

// ---- Rings -------------------------------------------------------------------------

/// (start, end of the outer arc, outer-arc cubic count) of a ring slice path.
fn slice_ends(items: &[Item], fill: Rgb) -> (Point, Point, usize) {
    let path = items
        .iter()
        .find_map(|i| match i {
            Item::Path(p) if p.fill == Some(fill) => Some(p),
            _ => None,
        })
        .expect("a slice");
    let PathSegment::MoveTo(start) = path.segments[0] else { panic!("starts with a move") };
    let mut end = start;
    let mut cubics = 0;
    for s in &path.segments[1..] {
        match s {
            PathSegment::CubicTo(_, _, p) => {
                end = *p;
                cubics += 1;
            }
            _ => break,
        }
    }
    (start, end, cubics)
}

#[test]
fn ring_slices_are_proportional_and_close_the_circle() {
    let v = set(Visual::Chart(chart(ChartKind::Ring, &["甲", "乙", "丙"], &[&[2.0, 3.0, 5.0]])));
    // 甲 starts at 12 o'clock, 丙 (the last half) at 6 o'clock: the centre and radius.
    let (top, _, _) = slice_ends(&v.items, C[0]);
    let (bottom, end, _) = slice_ends(&v.items, C[2]);
    assert!(close(top.x, bottom.x));
    let (cx, cy, r) =
        (top.x as f64, ((top.y + bottom.y) / 2.0) as f64, ((bottom.y - top.y) / 2.0) as f64);
    assert!(r > 30.0);
    let at = |deg: f64| {
        let a = deg / 360.0 * TAU;
        (cx + r * a.sin(), cy - r * a.cos())
    };
    let near = |p: Point, (x, y): (f64, f64)| {
        (p.x as f64 - x).abs() < 0.03 && (p.y as f64 - y).abs() < 0.03
    };
    // Cumulative angles 0 → 72° → 180° → 360°, clockwise.
    let expected = [(C[0], 0.0, 72.0, 1), (C[1], 72.0, 180.0, 2), (C[2], 180.0, 360.0, 2)];
    for (color, from, to, cubics) in expected {
        let (s, e, n) = slice_ends(&v.items, color);
        assert!(near(s, at(from)), "{color:?} starts at {from}°: {s:?} vs {:?}", at(from));
        assert!(near(e, at(to)), "{color:?} ends at {to}°: {e:?} vs {:?}", at(to));
        assert_eq!(n, cubics, "pieces of at most 90°");
    }
    assert!(near(end, at(0.0)), "the last slice closes the circle");
    assert_finite(&v.items);
}

#[test]
fn a_single_category_is_drawn_as_a_full_ring() {
    let mut c = chart(ChartKind::Ring, &["自然人"], &[&[7.0]]);
    c.percents = vec!["100.0%".into()];
    c.center_label = Some("共 7 件".into());
    let v = set(Visual::Chart(c));
    let path = v
        .items
        .iter()
        .find_map(
            |i| if let Item::Path(p) = i { (p.fill == Some(C[0])).then_some(p) } else { None },
        )
        .expect("the ring");
    let points: Vec<Point> = path
        .segments
        .iter()
        .filter_map(|s| match s {
            PathSegment::MoveTo(p) | PathSegment::CubicTo(_, _, p) => Some(*p),
            _ => None,
        })
        .collect();
    assert_eq!(points.len(), 10, "two circles of four quarter arcs: {points:?}");
    let (cx, cy) = (points[0].x, (points[0].y + points[2].y) / 2.0);
    let radius = |p: &Point| ((p.x - cx).powi(2) + (p.y - cy).powi(2)).sqrt();
    let (outer, inner) = (radius(&points[0]), radius(&points[5]));
    assert!(points[..5].iter().all(|p| (radius(p) - outer).abs() < 0.03));
    assert!(points[5..].iter().all(|p| (radius(p) - inner).abs() < 0.03));
    assert!(inner > 0.3 * outer && inner < 0.9 * outer);
    assert!(has_text(&v.items, "100.0%") && has_text(&v.items, "7"));
}

#[test]
fn small_slices_get_outside_labels_that_do_not_overlap() {
    let mut c = chart(
        ChartKind::Ring,
        &["自然人", "商业企业", "法律服务机构", "其他"],
        &[&[3001.0, 53.0, 61.0, 4.0]],
    );
    c.percents = ["96.2%", "1.7%", "2.0%", "0.1%"].map(String::from).to_vec();
    c.center_label = Some("共 3119 件".into());
    let v = set(Visual::Chart(c));
    let label = |text: &str| {
        texts(&v.items)
            .into_iter()
            .filter(|t| t.text == text)
            .min_by(|a, b| a.origin.x.total_cmp(&b.origin.x))
            .unwrap()
    };
    let small: Vec<&TextRun> = ["1.7%", "2.0%", "0.1%"].iter().map(|t| label(t)).collect();
    let size = small[0].size;
    for (i, a) in small.iter().enumerate() {
        for b in &small[i + 1..] {
            assert!((a.origin.y - b.origin.y).abs() >= size, "{} and {} overlap", a.text, b.text);
        }
    }
    // Each has a leader line; the big slice's label sits on the ring, in white.
    let leaders = v.items.iter().filter(|i| matches!(i, Item::Path(p) if p.fill.is_none())).count();
    assert_eq!(leaders, 3);
    assert_eq!(label("96.2%").color, Rgb::WHITE);
    assert!(has_text(&v.items, "3119") && has_text(&v.items, "共"));
}

// ---- Zero data ---------------------------------------------------------------------

#[test]
fn an_all_zero_chart_draws_only_its_statement() {
    let mut c = chart(ChartKind::Stacked, &["行政复议", "行政诉讼"], &[&[0.0, 0.0], &[0.0, 0.0]]);
    c.empty_statement = Some("本年度未发生政府信息公开行政复议、行政诉讼案件。".into());
    let v = set(Visual::Chart(c));
    assert!(v.items.iter().all(|i| matches!(i, Item::Text(_))), "no shapes");
    let text: String = texts(&v.items).iter().map(|t| t.text.as_str()).collect();
    assert_eq!(text, "本年度未发生政府信息公开行政复议、行政诉讼案件。");
    assert!(texts(&v.items).iter().all(|t| t.color == illustrated().colors(None).muted));
    // Without a statement, zero data still draws finite geometry and no bars.
    for kind in [ChartKind::Bar, ChartKind::HBar, ChartKind::Stacked, ChartKind::Ring] {
        let v = set(Visual::Chart(chart(kind, &["甲", "乙"], &[&[0.0, 0.0], &[0.0, 0.0]])));
        assert_finite(&v.items);
        let swatch = |r: &&RectItem| (r.width - r.height).abs() < 0.02 && r.width < 10.0;
        assert!(C.iter().all(|c| rects(&v.items, *c).iter().all(swatch)), "{kind:?}: no bars");
        let slice = |i: &Item| matches!(i, Item::Path(p) if C.iter().any(|c| p.fill == Some(*c)));
        assert!(!v.items.iter().any(slice), "{kind:?}: no slices");
        assert!(v.height.is_finite() && v.height > 0.0);
    }
    let empty = set(Visual::Chart(chart(ChartKind::Ring, &[], &[])));
    assert_finite(&empty.items);
}

// ---- Cards and banner --------------------------------------------------------------

#[test]
fn cards_wrap_into_rows_of_card_columns() {
    let cards: Vec<KeyFigure> = (0..5)
        .map(|k| KeyFigure {
            value: format!("{}", 100 * (k + 1)),
            unit: "件".into(),
            label: "新收申请".into(),
        })
        .collect();
    let v = set(Visual::KeyFigures(cards));
    let style = illustrated();
    let spec = style.illustrated.as_ref().unwrap();
    assert_eq!(spec.card_columns, 3);
    let rules = rects(&v.items, style.colors(None).accent);
    assert_eq!(rules.len(), 5);
    let row0: Vec<&&RectItem> = rules.iter().filter(|r| r.origin.y == 0.0).collect();
    let row1: Vec<&&RectItem> = rules.iter().filter(|r| r.origin.y > 0.0).collect();
    assert_eq!((row0.len(), row1.len()), (3, 2));
    let (h, gap) = (spec.card_height_mm * PT_PER_MM, spec.card_gap_mm * PT_PER_MM);
    assert!(row1.iter().all(|r| close(r.origin.y, h + gap)));
    let left = style.page.margin_left_mm * PT_PER_MM;
    assert!(close(row0[0].origin.x, left));
    assert!(close(row0[2].origin.x + row0[2].width, left + style.text_width()));
    // The incomplete last row is centred.
    let mid = left + style.text_width() / 2.0;
    assert!(close((row1[0].origin.x + row1[1].origin.x + row1[1].width) / 2.0, mid));
    assert!(close(v.height, 2.0 * h + gap));
    for k in 1..=5 {
        assert!(has_text(&v.items, &format!("{}", 100 * k)));
    }
}

fn banner() -> Block {
    Block::Visual(Visual::Banner(Banner {
        agency: "淮安市人民政府".into(),
        title: "淮安市人民政府2024年政府信息公开工作年度报告".into(),
        year: "2024".into(),
    }))
}

#[test]
fn banner_spans_the_paper_width_from_the_top() {
    let style = illustrated();
    let doc = lay_out(style, vec![banner(), body("正文。")]);
    let page = &doc.pages[0];
    let primary = style.colors(None).primary;
    let band = rects(&page.items, primary)[0];
    assert_eq!((band.origin.x, band.origin.y), (0.0, 0.0));
    assert!(close(band.width, style.page_width()));
    let top = style.page.margin_top_mm * PT_PER_MM;
    let pitch = style.line_pitch();
    let wanted = style.illustrated.as_ref().unwrap().banner_height_mm * PT_PER_MM;
    let lines = (band.height - top) / pitch;
    assert!(band.height >= wanted && band.height < wanted + pitch, "{}", band.height);
    assert!((lines - lines.round()).abs() < 1e-3, "ends on a grid line");
    let on_band: Vec<&TextRun> =
        texts(&page.items).into_iter().filter(|t| t.origin.y < band.height).collect();
    assert!(on_band.iter().any(|t| t.text == "2024" && t.color == Rgb::WHITE));
    assert!(on_band.iter().all(|t| contrast(t.color, primary) >= 4.5), "text contrast");
    let body_run = texts(&page.items).into_iter().find(|t| t.text.contains("正文")).unwrap();
    assert!(body_run.origin.y > band.height, "the text follows the band");
}

// ---- Fills, colours, pages ---------------------------------------------------------

fn body(text: &str) -> Block {
    crate::compose::text::body_paragraph(vec![Inline::plain(text, Src::at(1))])
}

fn heading(text: &str) -> Block {
    Block::Paragraph(Paragraph {
        role: Role::Heading1,
        inlines: vec![Inline::plain(text, Src::at(2))],
        indent_chars: 2.0,
        align: Align::Justify,
        keep_with_next: true,
        outline_level: Some(1),
        space_before_lines: 0.0,
        space_after_lines: 0.0,
    })
}

#[test]
fn a_filled_heading_gets_a_band_and_white_text() {
    let style = illustrated();
    let blocks = vec![body("第一段。"), heading("二、主动公开政府信息情况"), body("第二段。")];
    let page = &lay_out(style, blocks.clone()).pages[0];
    let primary = style.colors(None).primary;
    let bands = rects(&page.items, primary);
    assert_eq!(bands.len(), 1);
    let band = bands[0];
    let run = texts(&page.items).into_iter().find(|t| t.text.starts_with("二")).unwrap();
    assert_eq!(run.color, Rgb::WHITE);
    assert!(
        band.origin.y < run.origin.y - run.size * 0.88
            && run.origin.y < band.origin.y + band.height
    );
    let left = style.page.margin_left_mm * PT_PER_MM;
    assert!(close(band.origin.x, left) && close(band.width, style.text_width()));
    assert!(band.height > style.line_pitch(), "padded beyond its grid line");
    // The band does not touch the text above or below.
    let first = texts(&page.items).into_iter().find(|t| t.text.contains("第一段")).unwrap();
    let second = texts(&page.items).into_iter().find(|t| t.text.contains("第二段")).unwrap();
    assert!(first.origin.y + 0.12 * first.size < band.origin.y);
    assert!(second.origin.y - 0.88 * second.size > band.origin.y + band.height);
    assert!(texts(&page.items)
        .iter()
        .filter(|t| t.text.contains("段"))
        .all(|t| t.color == Rgb::BLACK));
    // The official layout has no fills or colours.
    let official = Style::official();
    let page = &lay_out(&official, blocks).pages[0];
    assert!(page.items.iter().all(|i| !matches!(i, Item::Rect(_))));
    assert!(texts(&page.items).iter().all(|t| t.color == Rgb::BLACK));
}

#[test]
fn an_auto_height_page_is_as_tall_as_its_content() {
    let style = mobile();
    let long = "政府信息公开".repeat(12); // 72 characters: 3 lines of 27
    let mut book = fonts();
    let doc = lay_out_with(style, vec![banner(), body(&long)], &mut book);
    assert_eq!(doc.pages.len(), 1);
    let page = &doc.pages[0];
    let pitch = style.line_pitch();
    let banner_h = style.illustrated.as_ref().unwrap().banner_height_mm * PT_PER_MM;
    let banner_lines = (banner_h / pitch).ceil();
    let content = (banner_lines + 3.0) * pitch;
    let margin = style.page.margin_bottom_mm * PT_PER_MM;
    assert!(close(page.height, content + margin), "{} vs {}", page.height, content + margin);
    assert!(close(page.width, 360.0));
    // The banner sits at the very top; the empty footer prints nothing.
    let band = rects(&page.items, style.colors(None).primary)[0];
    assert_eq!(band.origin.y, 0.0);
    let last = texts(&page.items).iter().map(|t| t.origin.y).fold(0.0, f32::max);
    assert!(last < content, "nothing printed in the bottom margin");
    // More content, a taller page; rendered 1080 px wide at 3×.
    let taller = lay_out(style, vec![banner(), body(&long), body(&long)]);
    assert!(close(taller.pages[0].height, page.height + 3.0 * pitch));
    let pixmap =
        crate::png::render_page(page, &book, &crate::png::RenderOptions::default()).unwrap();
    assert_eq!(pixmap.width(), 1080);
}

#[test]
fn a_visual_that_does_not_fit_moves_to_the_next_page() {
    let style = illustrated();
    let c = chart(ChartKind::Bar, &["甲", "乙"], &[&[4.0, 2.0]]);
    let per_line = style.grid.chars_per_line as usize;
    // 30 of 36 lines of text, then a chart of about 12 lines.
    let text = "公".repeat(per_line * 30 - 2);
    let doc = lay_out(style, vec![body(&text), Block::Visual(Visual::Chart(c.clone()))]);
    assert_eq!(doc.pages.len(), 2);
    assert!(!has_text(&doc.pages[0].items, &c.title));
    let title = texts(&doc.pages[1].items).into_iter().find(|t| t.text == c.title).unwrap();
    let top = style.page.margin_top_mm * PT_PER_MM;
    assert!(title.origin.y > top && title.origin.y < top + style.line_pitch(), "at the page top");
    // Mid-page, the block starts on the grid line after a blank line.
    let doc = lay_out(style, vec![body("公开。"), Block::Visual(Visual::Chart(c.clone()))]);
    let moved = texts(&doc.pages[0].items).into_iter().find(|t| t.text == c.title).unwrap();
    assert!(close(moved.origin.y - title.origin.y, 2.0 * style.line_pitch()));
    // Page numbers in the muted colour.
    let muted = style.colors(None).muted;
    let number = texts(&doc.pages[0].items).into_iter().find(|t| t.text == "1").unwrap();
    assert_eq!(number.color, muted);
}

#[test]
fn a_figure_keeps_its_aspect_ratio_and_its_jpeg() {
    let figure = Figure {
        data: Arc::new(vec![0xFF, 0xD8, 0xFF]),
        jpeg: true,
        pixels: (800, 600),
        width: 1000.0,
        caption: Some("图1 政务服务大厅".into()),
        src: Src::at(9),
    };
    let v = set(Visual::Figure(figure));
    let style = illustrated();
    let image = v
        .items
        .iter()
        .find_map(|i| if let Item::Image(img) = i { Some(img) } else { None })
        .unwrap();
    assert!(image.jpeg && image.data.len() == 3);
    assert!(close(image.width, style.text_width()), "at most the type area");
    assert!(close(image.height, image.width * 0.75), "aspect ratio");
    let caption = texts(&v.items)[0];
    assert!(caption.origin.y > image.height && caption.color == style.colors(None).muted);
    assert!(v.height > image.height);
}

/// The huaian sample in every shape — A4 (blue and red) as PDF, the mobile long page
/// as a 1080 px PNG — with last year's figures at 90 % and a demo image added so that
/// every kind of graphic appears. Run with `--ignored` and look at the files.
#[test]
#[ignore = "writes /tmp/nianbao-illustrated for a visual check"]
fn render_huaian_illustrated() {
    use crate::pdf::{write_pdf, PdfOptions};
    use crate::png::{render_png, RenderOptions};
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/huaian-2024.yaml");
    let (report, _) = crate::model::load(&path).expect("sample");
    let out = Path::new("/tmp/nianbao-illustrated");
    std::fs::create_dir_all(out).unwrap();
    let mut red = report.clone();
    red.illustrated.palette = Some("red".into());
    let variants = [
        (illustrated(), &report, "a4"),
        (mobile(), &report, "mobile"),
        (illustrated(), &red, "a4-red"),
    ];
    for (style, report, name) in variants {
        let mut previous = crate::compose::charts::metrics(report);
        previous.values_mut().for_each(|v| *v = (*v * 0.9).round());
        let mut doc =
            crate::compose::illustrated::compose(report, style, Some(&previous)).expect("compose");
        doc.blocks.insert(5, Block::Visual(Visual::Figure(sample_figure(style.text_width()))));
        let mut book = fonts();
        let opts = LayoutOptions { palette: style.colors(report.illustrated.palette.as_deref()) };
        let paged = layout_document_with(&doc, style, &mut book, &opts).expect("layout");
        if style.auto_height() {
            let png = render_png(&paged.pages[0], &book, &RenderOptions::default()).expect("png");
            std::fs::write(out.join(format!("huaian-{name}.png")), png).unwrap();
        } else {
            let pdf = write_pdf(&paged, &book, &doc.meta, &PdfOptions::default()).expect("pdf");
            std::fs::write(out.join(format!("huaian-{name}.pdf")), pdf).unwrap();
        }
    }
}

/// A 600 × 360 px PNG of soft bands, as an image block would give.
fn sample_figure(width: f32) -> Figure {
    let img = image::RgbImage::from_fn(600, 360, |x, y| {
        image::Rgb([200 - (y / 4) as u8, 215 - (x / 8) as u8, 235])
    });
    let mut data = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut data), image::ImageFormat::Png).unwrap();
    Figure {
        data: Arc::new(data),
        jpeg: false,
        pixels: (600, 360),
        width: width * 0.8,
        caption: Some("图1 市政务服务中心政务公开专区（示例图）".into()),
        src: Src::at(1),
    }
}
