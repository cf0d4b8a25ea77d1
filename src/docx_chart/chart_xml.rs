//! The chart part (`word/charts/chartN.xml`): a DrawingML `c:chartSpace` (ISO/IEC 29500-1
//! §21.2). Word rejects a chart whose elements are out of the schema's sequence, so every
//! writer below emits its children in the order of the complex type named in its comment
//! (schema `dml-chart.xsd`, the same sequences the Open XML SDK validates against).

use super::ring;
use super::workbook::{cell_ref, number, range_ref};
use super::xml::Xml;
use super::{ChartFonts, Plot};
use crate::compose::tree::{ChartKind, Rgb};

/// DrawingML chart namespace.
pub(super) const NS_C: &str = "http://schemas.openxmlformats.org/drawingml/2006/chart";
/// DrawingML main namespace.
pub(super) const NS_A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
/// Office relationships namespace.
pub(super) const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Id of the category axis (any unsigned int; the bar chart and both axes cross-reference it).
pub(super) const CAT_AX_ID: u32 = 504_000_001;
/// Id of the value axis.
pub(super) const VAL_AX_ID: u32 = 504_000_002;

/// Chart text size in hundredths of a point (9 pt).
const SIZE_TEXT: u32 = 900;
/// Title size (10.5 pt, 五号).
const SIZE_TITLE: u32 = 1050;
/// Doughnut hole size in percent (§21.2.2 holeSize, 10–90).
pub(super) const HOLE_SIZE: u32 = 58;
const HOLE: f64 = HOLE_SIZE as f64 / 100.0;

const TEXT: Rgb = Rgb(0x1A, 0x1A, 0x1A);
const MUTED: Rgb = Rgb(0x6B, 0x6B, 0x6B);
const AXIS_LINE: Rgb = Rgb(0xBF, 0xBF, 0xBF);

/// Writes the whole chart part.
pub(super) fn chart_space(plot: &Plot) -> String {
    let mut x = Xml::new();
    // §21.2.2 CT_ChartSpace: date1904, lang, roundedCorners, (style, clrMapOvr,
    // pivotSource, protection), chart, spPr, txPr, externalData, (printSettings,
    // userShapes, extLst).
    x.open("c:chartSpace", &[("xmlns:c", NS_C), ("xmlns:a", NS_A), ("xmlns:r", NS_R)]);
    x.val("c:date1904", 0);
    x.val("c:lang", "zh-CN");
    x.val("c:roundedCorners", 0);
    chart(&mut x, plot);
    // Chart area: white, no border, no effects.
    x.open("c:spPr", &[]);
    solid_fill(&mut x, Rgb::WHITE);
    no_line(&mut x);
    x.close("c:spPr");
    tx_pr(&mut x, plot.fonts, SIZE_TEXT, false, TEXT, false);
    // §21.2.2 CT_ExternalData: the embedded workbook, not refreshed on open.
    x.open("c:externalData", &[("r:id", super::WORKBOOK_REL_ID)]);
    x.val("c:autoUpdate", 0);
    x.close("c:externalData");
    x.close("c:chartSpace");
    x.finish()
}

/// §21.2.2 CT_Chart: title, autoTitleDeleted, (pivotFmts, view3D, floor, sideWall,
/// backWall), plotArea, legend, plotVisOnly, dispBlanksAs.
fn chart(x: &mut Xml, plot: &Plot) {
    x.open("c:chart", &[]);
    let has_title = !plot.chart.title.trim().is_empty();
    if has_title {
        title(x, plot);
    }
    // Without a title, autoTitleDeleted keeps Word from promoting a lone series' name.
    x.val("c:autoTitleDeleted", if has_title { 0 } else { 1 });
    // §21.2.2 CT_PlotArea: layout, the chart groups, the axes, (dTable), spPr.
    x.open("c:plotArea", &[]);
    if plot.chart.kind == ChartKind::Ring {
        // A fixed plot area, so that the labels moved outside the ring land beside it.
        let (px, py, pw, ph) = ring::layout(&[], HOLE).plot;
        // §21.2.2 CT_ManualLayout: layoutTarget, xMode, yMode, (wMode, hMode), x, y, w, h.
        x.open("c:layout", &[]).open("c:manualLayout", &[]);
        x.val("c:layoutTarget", "inner");
        x.val("c:xMode", "edge");
        x.val("c:yMode", "edge");
        x.val("c:x", fraction(px))
            .val("c:y", fraction(py))
            .val("c:w", fraction(pw))
            .val("c:h", fraction(ph));
        x.close("c:manualLayout").close("c:layout");
    } else {
        x.empty("c:layout", &[]);
    }
    match plot.chart.kind {
        ChartKind::Ring => doughnut_chart(x, plot),
        _ => {
            bar_chart(x, plot);
            cat_ax(x, plot);
            val_ax(x, plot);
        }
    }
    x.open("c:spPr", &[]);
    x.empty("a:noFill", &[]);
    no_line(x);
    x.close("c:spPr");
    x.close("c:plotArea");
    if let Some(pos) = plot.legend_pos() {
        legend(x, plot.fonts, pos);
    }
    x.val("c:plotVisOnly", 1);
    x.val("c:dispBlanksAs", "gap");
    x.close("c:chart");
}

/// §21.2.2 CT_Title: tx, layout, overlay, spPr, txPr. The rich text holds the title
/// and, on a second, smaller line, the unit (「单位：件」) or a ring's total (「共 10 件」).
fn title(x: &mut Xml, plot: &Plot) {
    x.open("c:title", &[]).open("c:tx", &[]).open("c:rich", &[]);
    x.empty("a:bodyPr", &[("rot", "0"), ("vert", "horz")]);
    x.empty("a:lstStyle", &[]);
    paragraph(x, plot.fonts, &plot.chart.title, SIZE_TITLE, true, TEXT);
    if let Some(sub) = plot.subtitle() {
        paragraph(x, plot.fonts, &sub, SIZE_TEXT, false, MUTED);
    }
    x.close("c:rich").close("c:tx");
    x.val("c:overlay", 0);
    x.close("c:title");
}

/// One `a:p` of rich text (§21.1.2 CT_TextParagraph: pPr, runs, endParaRPr).
fn paragraph(x: &mut Xml, fonts: &ChartFonts, text: &str, size: u32, bold: bool, color: Rgb) {
    x.open("a:p", &[]).open("a:pPr", &[]);
    run_props(x, fonts, "a:defRPr", size, bold, color);
    x.close("a:pPr");
    x.open("a:r", &[]);
    run_props(x, fonts, "a:rPr", size, bold, color);
    x.text("a:t", text);
    x.close("a:r").close("a:p");
}

/// §21.1.2 CT_TextCharacterProperties (as a:defRPr or a:rPr): fill, then latin, ea,
/// cs. The East Asian face carries GB2312's charset and SimHei's PANOSE/pitch family so
/// that an application without 黑体 substitutes another Chinese sans, not a Latin face.
fn run_props(x: &mut Xml, fonts: &ChartFonts, name: &str, size: u32, bold: bool, color: Rgb) {
    let size = size.to_string();
    x.open(
        name,
        &[
            ("lang", "zh-CN"),
            ("altLang", "en-US"),
            ("sz", &size),
            ("b", if bold { "1" } else { "0" }),
        ],
    );
    solid_fill(x, color);
    x.empty("a:latin", &[("typeface", fonts.latin.as_str())]);
    x.empty(
        "a:ea",
        &[
            ("typeface", fonts.east_asia.as_str()),
            ("panose", "02010609060101010101"),
            ("pitchFamily", "49"),
            ("charset", "-122"),
        ],
    );
    x.empty("a:cs", &[("typeface", fonts.latin.as_str())]);
    x.close(name);
}

/// §21.2.2 txPr (CT_TextBody: bodyPr, lstStyle, p). `horizontal` pins the text
/// horizontal (category labels wrap instead of turning 45°).
fn tx_pr(x: &mut Xml, fonts: &ChartFonts, size: u32, bold: bool, color: Rgb, horizontal: bool) {
    x.open("c:txPr", &[]);
    if horizontal {
        x.empty("a:bodyPr", &[("rot", "0"), ("vert", "horz")]);
    } else {
        x.empty("a:bodyPr", &[]);
    }
    x.empty("a:lstStyle", &[]);
    x.open("a:p", &[]).open("a:pPr", &[]);
    run_props(x, fonts, "a:defRPr", size, bold, color);
    x.close("a:pPr");
    x.empty("a:endParaRPr", &[("lang", "zh-CN")]);
    x.close("a:p");
    x.close("c:txPr");
}

fn solid_fill(x: &mut Xml, color: Rgb) {
    x.open("a:solidFill", &[]).val("a:srgbClr", color.hex()).close("a:solidFill");
}

fn no_line(x: &mut Xml) {
    x.open("a:ln", &[]).empty("a:noFill", &[]).close("a:ln");
}

/// A flat fill with an optional outline (CT_ShapeProperties: fill, then ln): no
/// gradients, no shadows, no 3-D (illustrated-design.md, Charts).
fn sp_pr(x: &mut Xml, fill: Rgb, outline: Option<Rgb>) {
    x.open("c:spPr", &[]);
    solid_fill(x, fill);
    match outline {
        // 1.5 pt white separators between ring slices.
        Some(c) => {
            x.open("a:ln", &[("w", "19050")]);
            solid_fill(x, c);
            x.close("a:ln");
        }
        None => no_line(x),
    }
    x.close("c:spPr");
}

/// §21.2.2 CT_BarChart: barDir, grouping, varyColors, ser*, (dLbls), gapWidth,
/// overlap, (serLines), axId, axId.
fn bar_chart(x: &mut Xml, plot: &Plot) {
    let stacked = plot.chart.kind == ChartKind::Stacked;
    x.open("c:barChart", &[]);
    x.val("c:barDir", if plot.chart.kind == ChartKind::Bar { "col" } else { "bar" });
    x.val("c:grouping", if stacked { "stacked" } else { "clustered" });
    // Colours are explicit (series spPr or dPt), never picked by the application.
    x.val("c:varyColors", 0);
    for (i, _) in plot.series.iter().enumerate() {
        bar_ser(x, plot, i);
    }
    x.val("c:gapWidth", if plot.series.len() > 1 && !stacked { 80 } else { 60 });
    // §21.2.2 overlap: stacked segments must overlap fully; paired bars touch.
    x.val("c:overlap", if stacked { 100 } else { 0 });
    x.val("c:axId", CAT_AX_ID);
    x.val("c:axId", VAL_AX_ID);
    x.close("c:barChart");
}

/// §21.2.2 CT_BarSer: idx, order, tx, spPr, invertIfNegative, (pictureOptions), dPt*,
/// dLbls, (trendline, errBars), cat, val.
fn bar_ser(x: &mut Xml, plot: &Plot, i: usize) {
    let series = plot.series[i];
    x.open("c:ser", &[]);
    x.val("c:idx", i);
    x.val("c:order", i);
    ser_tx(x, i, &series.name);
    sp_pr(x, series.color, None);
    x.val("c:invertIfNegative", 0);
    if let Some(colors) = &plot.point_colors {
        // §21.2.2 CT_DPt: idx, invertIfNegative, (marker), bubble3D, (explosion), spPr.
        for (p, color) in colors.iter().enumerate() {
            x.open("c:dPt", &[]);
            x.val("c:idx", p);
            x.val("c:invertIfNegative", 0);
            x.val("c:bubble3D", 0);
            sp_pr(x, *color, None);
            x.close("c:dPt");
        }
    }
    if plot.chart.kind == ChartKind::Stacked {
        // Inside the segment (outEnd is not allowed for stacked bars), in the colour that
        // contrasts with the segment; zero segments get no label.
        let format = if plot.integral { "0;-0;;" } else { "0.0#;-0.0#;;" };
        let labels =
            Labels { format, pos: Some("ctr"), color: contrast(series.color), ..Labels::VALUES };
        d_lbls(x, plot.fonts, &narrow_segments(plot, i), &labels, false);
    } else {
        // At the bar end (illustrated-design.md: data labels at the bar end).
        d_lbls(x, plot.fonts, &[], &Labels { pos: Some("outEnd"), ..Labels::VALUES }, false);
    }
    cat(x, plot);
    val(x, plot, i);
    x.close("c:ser");
}

/// The labels to drop from series `i` of a stacked chart: those of segments too narrow to
/// hold their number (a segment is a share of the longest bar; a label needs about 2.5 %
/// of it per digit, plus 2.5 %). The official table beside the chart has every number.
/// The choice is made once, from the data as written.
fn narrow_segments(plot: &Plot, i: usize) -> Vec<(usize, Option<Labels>)> {
    let n = plot.chart.categories.len();
    let total = |p: usize| plot.series.iter().map(|s| s.values[p].max(0.0)).sum::<f64>();
    let longest = (0..n).map(total).fold(0.0, f64::max);
    if longest <= 0.0 {
        return Vec::new();
    }
    plot.series[i]
        .values
        .iter()
        .enumerate()
        .filter(|(_, v)| **v > 0.0)
        .filter(|(_, v)| {
            let digits = number(**v).chars().filter(|c| c.is_ascii_digit()).count().max(1);
            **v / longest < 0.025 * (digits as f64 + 1.0)
        })
        .map(|(p, _)| (p, None))
        .collect()
}

/// §21.2.2 CT_DoughnutChart: varyColors, ser*, (dLbls), firstSliceAng, holeSize.
fn doughnut_chart(x: &mut Xml, plot: &Plot) {
    x.open("c:doughnutChart", &[]);
    x.val("c:varyColors", 1);
    // §21.2.2 CT_PieSer: idx, order, tx, spPr, (explosion), dPt*, dLbls, cat, val.
    let series = plot.series[0];
    x.open("c:ser", &[]);
    x.val("c:idx", 0);
    x.val("c:order", 0);
    ser_tx(x, 0, &series.name);
    sp_pr(x, series.color, Some(Rgb::WHITE));
    let colors = plot.point_colors.clone().unwrap_or_default();
    for (p, color) in colors.iter().enumerate() {
        x.open("c:dPt", &[]);
        x.val("c:idx", p);
        x.val("c:bubble3D", 0);
        sp_pr(x, *color, Some(Rgb::WHITE));
        x.close("c:dPt");
    }
    // Percentages with one decimal. A label on the ring is in the colour that contrasts
    // with its slice; a narrow slice's label goes outside, dark, with its legend key.
    // No dLblPos: a doughnut's labels sit on the ring and Word refuses a position.
    let percent = Labels { format: "0.0%", percent: true, ..Labels::VALUES };
    let layout = ring::layout(&series.values, HOLE);
    let per_point: Vec<(usize, Option<Labels>)> = colors
        .iter()
        .zip(&layout.offsets)
        .enumerate()
        .map(|(p, (c, offset))| match offset {
            Some(o) => (p, Some(Labels { offset: Some(*o), key: true, ..percent })),
            None => (p, Some(Labels { color: contrast(*c), ..percent })),
        })
        .collect();
    let group = Labels { color: contrast(series.color), ..percent };
    d_lbls(x, plot.fonts, &per_point, &group, true);
    cat(x, plot);
    val(x, plot, 0);
    x.close("c:ser");
    x.val("c:firstSliceAng", 0);
    x.val("c:holeSize", HOLE_SIZE);
    x.close("c:doughnutChart");
}

/// How a series' (or a point's) data labels look.
#[derive(Clone, Copy)]
struct Labels {
    /// Number format (§21.2.2 numFmt, not linked to the source).
    format: &'static str,
    /// §21.2.2 dLblPos, if the chart type takes one.
    pos: Option<&'static str>,
    /// Text colour.
    color: Rgb,
    /// Percentage instead of value.
    percent: bool,
    /// Show the legend key beside the value.
    key: bool,
    /// Moved from the default position by (dx, dy) fractions of the chart's size.
    offset: Option<(f64, f64)>,
}

impl Labels {
    /// Values in the text colour.
    const VALUES: Labels = Labels {
        format: "General",
        pos: None,
        color: TEXT,
        percent: false,
        key: false,
        offset: None,
    };
}

/// §21.2.2 CT_DLbls: dLbl*, then the group numFmt, spPr, txPr, dLblPos, showLegendKey,
/// showVal, showCatName, showSerName, showPercent, showBubbleSize, (separator,
/// showLeaderLines, leaderLines), extLst. `per_point` adds a §21.2.2 CT_DLbl for the
/// points given: idx, then `delete` (None) or layout and the same group, with that
/// point's colour and position.
/// `leaders` asks for leader lines to moved labels: for doughnuts only through the
/// Office 2013 extension (c15:showLeaderLines), the core element being for pies.
fn d_lbls(
    x: &mut Xml,
    fonts: &ChartFonts,
    per_point: &[(usize, Option<Labels>)],
    labels: &Labels,
    leaders: bool,
) {
    x.open("c:dLbls", &[]);
    for (p, point) in per_point {
        x.open("c:dLbl", &[]);
        x.val("c:idx", p);
        let Some(point) = point else {
            x.val("c:delete", 1);
            x.close("c:dLbl");
            continue;
        };
        if let Some((dx, dy)) = point.offset {
            // §21.2.2: for a data label, x and y are offsets from its default
            // position (xMode/yMode default to factor).
            x.open("c:layout", &[]).open("c:manualLayout", &[]);
            x.val("c:x", fraction(dx)).val("c:y", fraction(dy));
            x.close("c:manualLayout").close("c:layout");
        }
        label_group(x, fonts, point);
        x.close("c:dLbl");
    }
    label_group(x, fonts, labels);
    if leaders {
        x.val("c:showLeaderLines", 0);
        x.open("c:extLst", &[]);
        x.open("c:ext", &[("uri", C15_DLBLS_EXT), ("xmlns:c15", NS_C15)]);
        // One c15 element per extension (the Open XML SDK's CT_DLblsExtension is a
        // choice); the leader lines keep the application's default thin line.
        x.val("c15:showLeaderLines", 1);
        x.close("c:ext").close("c:extLst");
    }
    x.close("c:dLbls");
}

/// The Office 2013 chart namespace.
const NS_C15: &str = "http://schemas.microsoft.com/office/drawing/2012/chart";
/// The extension URI under which Office 2013+ stores data-label properties
/// ([MS-ODRAWXML], chart extensions; c15 = drawing/2012/chart).
const C15_DLBLS_EXT: &str = "{CE6537A1-D6FC-4f65-9D91-7224C49458BB}";

/// A layout fraction with four decimals.
fn fraction(v: f64) -> String {
    let s = format!("{v:.4}");
    if s == "-0.0000" {
        "0.0000".into()
    } else {
        s
    }
}

/// The shared `Group_DLbl` / `Group_DLbls` sequence.
fn label_group(x: &mut Xml, fonts: &ChartFonts, labels: &Labels) {
    x.empty("c:numFmt", &[("formatCode", labels.format), ("sourceLinked", "0")]);
    x.open("c:spPr", &[]);
    x.empty("a:noFill", &[]);
    no_line(x);
    x.close("c:spPr");
    tx_pr(x, fonts, SIZE_TEXT, false, labels.color, false);
    if let Some(pos) = labels.pos {
        x.val("c:dLblPos", pos);
    }
    x.val("c:showLegendKey", u8::from(labels.key));
    x.val("c:showVal", if labels.percent { 0 } else { 1 });
    x.val("c:showCatName", 0);
    x.val("c:showSerName", 0);
    x.val("c:showPercent", if labels.percent { 1 } else { 0 });
    x.val("c:showBubbleSize", 0);
}

/// §21.2.2 CT_SerTx → strRef (f, strCache) to the series name in row 1.
fn ser_tx(x: &mut Xml, i: usize, name: &str) {
    x.open("c:tx", &[]).open("c:strRef", &[]);
    x.text("c:f", &cell_ref(i + 1, 1));
    str_cache(x, std::iter::once(name));
    x.close("c:strRef").close("c:tx");
}

/// §21.2.2 cat → strRef to column A, rows 2…, with the labels cached.
fn cat(x: &mut Xml, plot: &Plot) {
    let n = plot.chart.categories.len();
    x.open("c:cat", &[]).open("c:strRef", &[]);
    x.text("c:f", &range_ref(0, 2, n + 1));
    str_cache(x, plot.chart.categories.iter().map(String::as_str));
    x.close("c:strRef").close("c:cat");
}

/// §21.2.2 val → numRef to the series' column, rows 2…, with the values cached
/// (§21.2.2 CT_NumData: formatCode, ptCount, pt*) so that Word draws them without
/// opening the workbook.
fn val(x: &mut Xml, plot: &Plot, i: usize) {
    let values = &plot.series[i].values;
    x.open("c:val", &[]).open("c:numRef", &[]);
    x.text("c:f", &range_ref(i + 1, 2, values.len() + 1));
    x.open("c:numCache", &[]);
    x.text("c:formatCode", "General");
    x.val("c:ptCount", values.len());
    for (p, v) in values.iter().enumerate() {
        x.open("c:pt", &[("idx", &p.to_string())]).text("c:v", &number(*v)).close("c:pt");
    }
    x.close("c:numCache");
    x.close("c:numRef").close("c:val");
}

/// §21.2.2 CT_StrData: ptCount, pt* (each idx + v).
fn str_cache<'a>(x: &mut Xml, items: impl ExactSizeIterator<Item = &'a str>) {
    x.open("c:strCache", &[]);
    x.val("c:ptCount", items.len());
    for (p, s) in items.enumerate() {
        x.open("c:pt", &[("idx", &p.to_string())]).text("c:v", s).close("c:pt");
    }
    x.close("c:strCache");
}

/// §21.2.2 CT_CatAx: axId, scaling, delete, axPos, (majorGridlines, minorGridlines,
/// title), numFmt, majorTickMark, minorTickMark, tickLblPos, spPr, txPr, crossAx, crosses,
/// auto, lblAlgn, lblOffset, noMultiLvlLbl.
fn cat_ax(x: &mut Xml, plot: &Plot) {
    let vertical_bars = plot.chart.kind == ChartKind::Bar;
    x.open("c:catAx", &[]);
    x.val("c:axId", CAT_AX_ID);
    // §21.2.2 CT_Scaling: horizontal bars list the categories top-down in official
    // order, so their axis runs maxMin.
    x.open("c:scaling", &[]);
    x.val("c:orientation", if vertical_bars { "minMax" } else { "maxMin" });
    x.close("c:scaling");
    x.val("c:delete", 0);
    x.val("c:axPos", if vertical_bars { "b" } else { "l" });
    x.empty("c:numFmt", &[("formatCode", "General"), ("sourceLinked", "1")]);
    x.val("c:majorTickMark", "none");
    x.val("c:minorTickMark", "none");
    x.val("c:tickLblPos", "nextTo");
    // A light grey axis line, no gridlines.
    x.open("c:spPr", &[]).empty("a:noFill", &[]);
    x.open("a:ln", &[("w", "9525")]);
    solid_fill(x, AXIS_LINE);
    x.close("a:ln").close("c:spPr");
    tx_pr(x, plot.fonts, SIZE_TEXT, false, TEXT, true);
    x.val("c:crossAx", VAL_AX_ID);
    x.val("c:crosses", "autoZero");
    x.val("c:auto", 1);
    x.val("c:lblAlgn", "ctr");
    x.val("c:lblOffset", 100);
    x.val("c:noMultiLvlLbl", 0);
    x.close("c:catAx");
}

/// §21.2.2 CT_ValAx: axId, scaling, delete, axPos, (gridlines, title), numFmt,
/// majorTickMark, minorTickMark, tickLblPos, (spPr, txPr), crossAx, crosses, crossBetween.
/// The value axis is deleted (the data labels carry the numbers) and has no gridlines;
/// it still scales the bars.
fn val_ax(x: &mut Xml, plot: &Plot) {
    let vertical_bars = plot.chart.kind == ChartKind::Bar;
    x.open("c:valAx", &[]);
    x.val("c:axId", VAL_AX_ID);
    x.open("c:scaling", &[]).val("c:orientation", "minMax").close("c:scaling");
    x.val("c:delete", 1);
    x.val("c:axPos", if vertical_bars { "l" } else { "b" });
    x.empty("c:numFmt", &[("formatCode", "General"), ("sourceLinked", "1")]);
    x.val("c:majorTickMark", "none");
    x.val("c:minorTickMark", "none");
    x.val("c:tickLblPos", "nextTo");
    x.val("c:crossAx", CAT_AX_ID);
    x.val("c:crosses", "autoZero");
    x.val("c:crossBetween", "between");
    x.close("c:valAx");
}

/// §21.2.2 CT_Legend: legendPos, (legendEntry, layout), overlay, (spPr), txPr.
fn legend(x: &mut Xml, fonts: &ChartFonts, pos: &str) {
    x.open("c:legend", &[]);
    x.val("c:legendPos", pos);
    x.val("c:overlay", 0);
    tx_pr(x, fonts, SIZE_TEXT, false, TEXT, false);
    x.close("c:legend");
}

/// The label colour with the higher WCAG contrast ratio against `fill`: white or the
/// text colour.
pub(super) fn contrast(fill: Rgb) -> Rgb {
    fn channel(c: u8) -> f64 {
        let c = c as f64 / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }
    fn luminance(c: Rgb) -> f64 {
        0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }
    let l = luminance(fill);
    let against_white = 1.05 / (l + 0.05);
    let against_text = (l + 0.05) / (luminance(TEXT) + 0.05);
    if against_white >= against_text {
        Rgb::WHITE
    } else {
        TEXT
    }
}
