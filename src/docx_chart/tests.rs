//! Structure tests: the chart XML is parsed back with quick-xml and checked against the
//! data (kinds, series, caches, formulas, colours), against the workbook (every formula
//! resolves to the cells holding the cached values), and against the schema sequences
//! (ISO/IEC 29500-1 dml-chart.xsd; a table of the elements this module writes).

use std::collections::BTreeMap;
use std::io::{Cursor, Read as _};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::*;
use crate::compose::tree::{Chart, ChartKind, Rgb, Series};

// ---------------------------------------------------------------------------------------
// A tiny DOM over quick-xml

#[derive(Debug, Default)]
pub(super) struct Node {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
    pub text: String,
}

impl Node {
    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    pub fn val(&self) -> &str {
        self.attr("val").unwrap_or_else(|| panic!("{} has no @val", self.name))
    }

    /// The first descendant (or self) reached by a `/`-separated path of child names.
    pub fn at(&self, path: &str) -> &Node {
        self.try_at(path).unwrap_or_else(|| panic!("no {path} under {}", self.name))
    }

    pub fn try_at(&self, path: &str) -> Option<&Node> {
        let mut node = self;
        for step in path.split('/') {
            node = node.children.iter().find(|c| c.name == step)?;
        }
        Some(node)
    }

    pub fn all(&self, name: &str) -> Vec<&Node> {
        self.children.iter().filter(|c| c.name == name).collect()
    }

    pub fn descendants<'a>(&'a self, name: &str, out: &mut Vec<&'a Node>) {
        for c in &self.children {
            if c.name == name {
                out.push(c);
            }
            c.descendants(name, out);
        }
    }

    pub fn count(&self, name: &str) -> usize {
        let mut v = Vec::new();
        self.descendants(name, &mut v);
        v.len()
    }
}

/// Parses a whole document (or a fragment with one root) into its root node.
pub(super) fn parse(xml: &str) -> Node {
    let mut reader = Reader::from_str(xml);
    let mut stack: Vec<Node> = vec![Node::default()];
    loop {
        match reader.read_event().unwrap_or_else(|e| panic!("XML error: {e}\n{xml}")) {
            Event::Start(e) => stack.push(node_of(&e)),
            Event::Empty(e) => {
                let n = node_of(&e);
                stack.last_mut().unwrap().children.push(n);
            }
            Event::End(_) => {
                let n = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(n);
            }
            Event::Text(t) => {
                let s = t.unescape().unwrap_or_else(|e| panic!("bad text: {e}"));
                stack.last_mut().unwrap().text.push_str(&s);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "unbalanced XML");
    let mut root = stack.pop().unwrap();
    assert_eq!(root.children.len(), 1, "one root element");
    root.children.pop().unwrap()
}

fn node_of(e: &quick_xml::events::BytesStart) -> Node {
    let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
    let attrs = e
        .attributes()
        .map(|a| {
            let a = a.expect("attribute");
            (
                String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                a.unescape_value().unwrap().into_owned(),
            )
        })
        .collect();
    Node { name, attrs, ..Node::default() }
}

// ---------------------------------------------------------------------------------------
// Test charts

const BLUE: Rgb = Rgb(0x1F, 0x4E, 0x9D);
const SKY: Rgb = Rgb(0x2F, 0x80, 0xC8);
const AMBER: Rgb = Rgb(0xE6, 0xA7, 0x00);
const LIGHT: Rgb = Rgb(0x7F, 0xB2, 0xE5);

fn series(name: &str, values: &[f64], color: Rgb) -> Series {
    Series { name: name.into(), values: values.to_vec(), color }
}

fn chart(kind: ChartKind, title: &str, categories: &[&str], series: Vec<Series>) -> Chart {
    Chart {
        id: kind.name().into(),
        kind,
        title: title.into(),
        unit: "件".into(),
        categories: categories.iter().map(|s| s.to_string()).collect(),
        category_colors: [BLUE, SKY, AMBER, LIGHT]
            .iter()
            .cycle()
            .take(categories.len())
            .copied()
            .collect(),
        series,
        percents: Vec::new(),
        center_label: None,
        note: None,
        empty_statement: None,
    }
}

/// The four kinds, with data shaped like the report's charts.
pub(super) fn samples() -> Vec<Chart> {
    let bar = chart(
        ChartKind::Bar,
        "规章和规范性文件",
        &["规章", "规范性文件"],
        vec![
            series("本年制发", &[2.0, 17.0], BLUE),
            series("本年废止", &[1.0, 8.0], SKY),
            series("现行有效", &[46.0, 312.0], AMBER),
        ],
    );
    let hbar = chart(
        ChartKind::HBar,
        "行政许可、行政处罚、行政强制处理决定数量",
        &["行政许可", "行政处罚", "行政强制"],
        vec![series("处理决定数量", &[1234.0, 567.0, 89.0], BLUE)],
    );
    let mut ring = chart(
        ChartKind::Ring,
        "新收政府信息公开申请的申请人构成",
        &["自然人", "商业企业", "法律服务机构", "其他"],
        vec![series("新收申请", &[3001.0, 53.0, 61.0, 4.0], BLUE)],
    );
    ring.percents = vec!["96.2%".into(), "1.7%".into(), "2.0%".into(), "0.1%".into()];
    ring.center_label = Some("共 3119 件".into());
    ring.note = Some("其余 2 类均为 0件".into());
    let stacked = chart(
        ChartKind::Stacked,
        "政府信息公开行政复议、行政诉讼情况",
        &["行政复议", "未经复议直接起诉", "复议后起诉"],
        vec![
            series("结果维持", &[12.0, 7.0, 3.0], BLUE),
            series("结果纠正", &[4.0, 0.0, 1.0], SKY),
            series("其他结果", &[2.0, 5.0, 0.0], AMBER),
            series("尚未审结", &[6.0, 2.0, 1.0], LIGHT),
        ],
    );
    vec![bar, hbar, ring, stacked]
}

fn part(c: &Chart) -> (Node, ChartPart) {
    let p = chart_part(c, 1).unwrap_or_else(|e| panic!("{}: {e}", c.id));
    (parse(&p.chart_xml), p)
}

fn plot_group(space: &Node) -> &Node {
    let area = space.at("c:chart/c:plotArea");
    area.try_at("c:barChart").or_else(|| area.try_at("c:doughnutChart")).expect("a chart group")
}

fn num_cache(ser: &Node) -> Vec<f64> {
    let cache = ser.at("c:val/c:numRef/c:numCache");
    let pts = cache.all("c:pt");
    assert_eq!(cache.at("c:ptCount").val(), pts.len().to_string());
    pts.iter()
        .enumerate()
        .map(|(i, p)| {
            assert_eq!(p.attr("idx"), Some(i.to_string().as_str()));
            p.at("c:v").text.parse().unwrap()
        })
        .collect()
}

fn str_cache(r: &Node) -> Vec<String> {
    let cache = r.at("c:strCache");
    let pts = cache.all("c:pt");
    assert_eq!(cache.at("c:ptCount").val(), pts.len().to_string());
    pts.iter().map(|p| p.at("c:v").text.clone()).collect()
}

fn fill_of(sp_pr: &Node) -> String {
    sp_pr.at("a:solidFill/a:srgbClr").val().to_string()
}

// ---------------------------------------------------------------------------------------
// The workbook read back

/// The sheet's cells, `A1` → text or number as written.
fn sheet_cells(xlsx: &[u8]) -> BTreeMap<String, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(xlsx)).expect("the workbook is a zip");
    let mut read = |name: &str| {
        let mut s = String::new();
        zip.by_name(name).unwrap_or_else(|e| panic!("{name}: {e}")).read_to_string(&mut s).unwrap();
        s
    };
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
    ] {
        parse(&read(part));
    }
    let shared: Vec<String> = parse(&read("xl/sharedStrings.xml"))
        .all("si")
        .iter()
        .map(|si| si.at("t").text.clone())
        .collect();
    let sheet = parse(&read("xl/worksheets/sheet1.xml"));
    check_order(&sheet, "");
    let mut cells = BTreeMap::new();
    for row in sheet.at("sheetData").all("row") {
        for c in row.all("c") {
            let v = c.at("v").text.clone();
            let v = if c.attr("t") == Some("s") {
                shared[v.parse::<usize>().unwrap()].clone()
            } else {
                v
            };
            cells.insert(c.attr("r").unwrap().to_string(), v);
        }
    }
    cells
}

/// The cells a formula like `Sheet1!$A$2:$A$5` or `Sheet1!$B$1` names, in order.
fn resolve(formula: &str, cells: &BTreeMap<String, String>) -> Vec<String> {
    let range =
        formula.strip_prefix("Sheet1!").unwrap_or_else(|| panic!("not on Sheet1: {formula}"));
    let split = |r: &str| {
        let r = r.replace('$', "");
        let i = r.find(|c: char| c.is_ascii_digit()).unwrap();
        (r[..i].to_string(), r[i..].parse::<usize>().unwrap())
    };
    let (from, to) = range.split_once(':').unwrap_or((range, range));
    let ((c1, r1), (c2, r2)) = (split(from), split(to));
    assert_eq!(c1, c2, "single-column ranges only: {formula}");
    (r1..=r2).map(|r| cells.get(&format!("{c1}{r}")).cloned().unwrap_or_default()).collect()
}

// ---------------------------------------------------------------------------------------
// Schema order (ISO/IEC 29500-1, dml-chart.xsd, dml-main.xsd, sml.xsd, dml-wordprocessingDrawing.xsd)

/// Children sequences: each inner slice is one position of the sequence (several names =
/// a choice); a leading `!` marks a required child. Keys are element names, or
/// `parent/child` where the type depends on the parent.
#[rustfmt::skip]
const SEQUENCES: &[(&str, &[&[&str]])] = &[
    // §21.2.2 CT_ChartSpace
    ("c:chartSpace", &[&["c:date1904"], &["c:lang"], &["c:roundedCorners"], &["mc:AlternateContent", "c:style"], &["c:clrMapOvr"], &["c:pivotSource"], &["c:protection"], &["!c:chart"], &["c:spPr"], &["c:txPr"], &["c:externalData"], &["c:printSettings"], &["c:userShapes"], &["c:extLst"]]),
    // §21.2.2 CT_Chart
    ("c:chart", &[&["c:title"], &["c:autoTitleDeleted"], &["c:pivotFmts"], &["c:view3D"], &["c:floor"], &["c:sideWall"], &["c:backWall"], &["!c:plotArea"], &["c:legend"], &["c:plotVisOnly"], &["c:dispBlanksAs"], &["c:showDLblsOverMax"], &["c:extLst"]]),
    // §21.2.2 CT_Title
    ("c:title", &[&["c:tx"], &["c:layout"], &["c:overlay"], &["c:spPr"], &["c:txPr"], &["c:extLst"]]),
    // CT_Tx (title) / CT_SerTx (series): a choice
    ("c:title/c:tx", &[&["c:strRef", "c:rich", "c:strLit"]]),
    ("c:ser/c:tx", &[&["c:strRef", "c:v"]]),
    // §21.2.2 CT_PlotArea
    ("c:plotArea", &[&["c:layout"], &["c:areaChart", "c:lineChart", "c:pieChart", "c:doughnutChart", "c:barChart", "c:scatterChart", "c:radarChart"], &["c:valAx", "c:catAx", "c:dateAx", "c:serAx"], &["c:dTable"], &["c:spPr"], &["c:extLst"]]),
    ("c:layout", &[&["c:manualLayout"], &["c:extLst"]]),
    // §21.2.2 CT_ManualLayout
    ("c:manualLayout", &[&["c:layoutTarget"], &["c:xMode"], &["c:yMode"], &["c:wMode"], &["c:hMode"], &["c:x"], &["c:y"], &["c:w"], &["c:h"], &["c:extLst"]]),
    // §21.2.2 CT_ExtensionList; the c15 data-label extension ([MS-ODRAWXML])
    ("c:extLst", &[&["c:ext"]]),
    ("c:dLbls/c:extLst", &[&["c:ext"]]),
    ("c:ext", &[&["c15:layout", "c15:dlblFieldTable", "c15:showDataLabelsRange", "c15:showLeaderLines", "c15:leaderLines"]]),
    // §21.2.2 CT_BarChart
    ("c:barChart", &[&["!c:barDir"], &["c:grouping"], &["c:varyColors"], &["c:ser"], &["c:dLbls"], &["c:gapWidth"], &["c:overlap"], &["c:serLines"], &["!c:axId"], &["c:extLst"]]),
    // §21.2.2 CT_BarSer
    ("c:barChart/c:ser", &[&["!c:idx"], &["!c:order"], &["c:tx"], &["c:spPr"], &["c:invertIfNegative"], &["c:pictureOptions"], &["c:dPt"], &["c:dLbls"], &["c:trendline"], &["c:errBars"], &["c:cat"], &["c:val"], &["c:shape"], &["c:extLst"]]),
    // §21.2.2 CT_DoughnutChart
    ("c:doughnutChart", &[&["c:varyColors"], &["c:ser"], &["c:dLbls"], &["c:firstSliceAng"], &["!c:holeSize"], &["c:extLst"]]),
    // §21.2.2 CT_PieSer
    ("c:doughnutChart/c:ser", &[&["!c:idx"], &["!c:order"], &["c:tx"], &["c:spPr"], &["c:explosion"], &["c:dPt"], &["c:dLbls"], &["c:cat"], &["c:val"], &["c:extLst"]]),
    // §21.2.2 CT_DPt
    ("c:dPt", &[&["!c:idx"], &["c:invertIfNegative"], &["c:marker"], &["c:bubble3D"], &["c:explosion"], &["c:spPr"], &["c:pictureOptions"], &["c:extLst"]]),
    // §21.2.2 CT_DLbls (Group_DLbls)
    ("c:dLbls", &[&["c:dLbl"], &["c:delete", "c:numFmt"], &["c:spPr"], &["c:txPr"], &["c:dLblPos"], &["c:showLegendKey"], &["c:showVal"], &["c:showCatName"], &["c:showSerName"], &["c:showPercent"], &["c:showBubbleSize"], &["c:separator"], &["c:showLeaderLines"], &["c:leaderLines"], &["c:extLst"]]),
    // §21.2.2 CT_DLbl (Group_DLbl)
    ("c:dLbl", &[&["!c:idx"], &["c:delete", "c:layout"], &["c:tx"], &["c:numFmt"], &["c:spPr"], &["c:txPr"], &["c:dLblPos"], &["c:showLegendKey"], &["c:showVal"], &["c:showCatName"], &["c:showSerName"], &["c:showPercent"], &["c:showBubbleSize"], &["c:separator"], &["c:extLst"]]),
    // §21.2.2 cat (CT_AxDataSource), §21.2.2 val (CT_NumDataSource)
    ("c:cat", &[&["c:multiLvlStrRef", "c:numRef", "c:numLit", "c:strRef", "c:strLit"]]),
    ("c:val", &[&["c:numRef", "c:numLit"]]),
    // §21.2.2 CT_StrRef, §21.2.2 CT_NumRef
    ("c:strRef", &[&["!c:f"], &["c:strCache"], &["c:extLst"]]),
    ("c:numRef", &[&["!c:f"], &["c:numCache"], &["c:extLst"]]),
    // §21.2.2 CT_StrData, §21.2.2 CT_NumData
    ("c:strCache", &[&["c:ptCount"], &["c:pt"], &["c:extLst"]]),
    ("c:numCache", &[&["c:formatCode"], &["c:ptCount"], &["c:pt"], &["c:extLst"]]),
    ("c:pt", &[&["!c:v"]]),
    // §21.2.2 CT_CatAx
    ("c:catAx", &[&["!c:axId"], &["!c:scaling"], &["c:delete"], &["!c:axPos"], &["c:majorGridlines"], &["c:minorGridlines"], &["c:title"], &["c:numFmt"], &["c:majorTickMark"], &["c:minorTickMark"], &["c:tickLblPos"], &["c:spPr"], &["c:txPr"], &["!c:crossAx"], &["c:crosses", "c:crossesAt"], &["c:auto"], &["c:lblAlgn"], &["c:lblOffset"], &["c:tickLblSkip"], &["c:tickMarkSkip"], &["c:noMultiLvlLbl"], &["c:extLst"]]),
    // §21.2.2 CT_ValAx
    ("c:valAx", &[&["!c:axId"], &["!c:scaling"], &["c:delete"], &["!c:axPos"], &["c:majorGridlines"], &["c:minorGridlines"], &["c:title"], &["c:numFmt"], &["c:majorTickMark"], &["c:minorTickMark"], &["c:tickLblPos"], &["c:spPr"], &["c:txPr"], &["!c:crossAx"], &["c:crosses", "c:crossesAt"], &["c:crossBetween"], &["c:majorUnit"], &["c:minorUnit"], &["c:dispUnits"], &["c:extLst"]]),
    // §21.2.2 CT_Scaling
    ("c:scaling", &[&["c:logBase"], &["c:orientation"], &["c:max"], &["c:min"], &["c:extLst"]]),
    // §21.2.2 CT_Legend
    ("c:legend", &[&["c:legendPos"], &["c:legendEntry"], &["c:layout"], &["c:overlay"], &["c:spPr"], &["c:txPr"], &["c:extLst"]]),
    // §21.2.2 CT_ExternalData
    ("c:externalData", &[&["c:autoUpdate"]]),
    // §20.1.2 CT_ShapeProperties
    ("c:spPr", &[&["a:xfrm"], &["a:custGeom", "a:prstGeom"], &["a:noFill", "a:solidFill", "a:gradFill", "a:blipFill", "a:pattFill", "a:grpFill"], &["a:ln"], &["a:effectLst", "a:effectDag"], &["a:scene3d"], &["a:sp3d"], &["a:extLst"]]),
    // §20.1.2 CT_LineProperties
    ("a:ln", &[&["a:noFill", "a:solidFill", "a:gradFill", "a:pattFill"], &["a:prstDash", "a:custDash"], &["a:round", "a:bevel", "a:miter"], &["a:headEnd"], &["a:tailEnd"], &["a:extLst"]]),
    ("a:solidFill", &[&["a:scrgbClr", "a:srgbClr", "a:hslClr", "a:sysClr", "a:schemeClr", "a:prstClr"]]),
    // §21.1.2 CT_TextBody (c:txPr, c:rich)
    ("c:txPr", &[&["!a:bodyPr"], &["a:lstStyle"], &["!a:p"]]),
    ("c:rich", &[&["!a:bodyPr"], &["a:lstStyle"], &["!a:p"]]),
    // §21.1.2 CT_TextParagraph, §21.1.2 pPr, §21.1.2 r
    ("a:p", &[&["a:pPr"], &["a:r", "a:br", "a:fld"], &["a:endParaRPr"]]),
    ("a:pPr", &[&["a:lnSpc"], &["a:spcBef"], &["a:spcAft"], &["a:buClrTx", "a:buClr"], &["a:buSzTx", "a:buSzPct", "a:buSzPts"], &["a:buFontTx", "a:buFont"], &["a:buNone", "a:buAutoNum", "a:buChar", "a:buBlip"], &["a:tabLst"], &["a:defRPr"], &["a:extLst"]]),
    ("a:r", &[&["a:rPr"], &["!a:t"]]),
    // §21.1.2 CT_TextCharacterProperties
    ("a:defRPr", TEXT_CHARACTER_PROPERTIES),
    ("a:rPr", TEXT_CHARACTER_PROPERTIES),
    // §20.4.2 CT_Inline, §20.1.2 graphic, §20.1.2 graphicData
    ("w:drawing", &[&["wp:inline", "wp:anchor"]]),
    ("wp:inline", &[&["!wp:extent"], &["wp:effectExtent"], &["!wp:docPr"], &["wp:cNvGraphicFramePr"], &["!a:graphic"]]),
    ("a:graphic", &[&["!a:graphicData"]]),
    ("a:graphicData", &[&["c:chart"]]),
    // §18.3.1 CT_Worksheet (the embedded workbook's sheet), §18.3.1 sheetData, row
    ("worksheet", &[&["sheetPr"], &["dimension"], &["sheetViews"], &["sheetFormatPr"], &["cols"], &["!sheetData"], &["sheetCalcPr"], &["sheetProtection"], &["protectedRanges"], &["scenarios"], &["autoFilter"], &["sortState"], &["dataConsolidate"], &["customSheetViews"], &["mergeCells"], &["phoneticPr"], &["conditionalFormatting"], &["dataValidations"], &["hyperlinks"], &["printOptions"], &["pageMargins"], &["pageSetup"], &["headerFooter"]]),
    ("sheetViews", &[&["sheetView"]]),
    ("cols", &[&["col"]]),
    ("sheetData", &[&["row"]]),
    ("row", &[&["c"]]),
    ("c", &[&["f"], &["v"], &["is"], &["extLst"]]),
];

#[rustfmt::skip]
const TEXT_CHARACTER_PROPERTIES: &[&[&str]] = &[&["a:ln"], &["a:noFill", "a:solidFill", "a:gradFill", "a:blipFill", "a:pattFill", "a:grpFill"], &["a:effectLst", "a:effectDag"], &["a:highlight"], &["a:uLnTx", "a:uLn"], &["a:uFillTx", "a:uFill"], &["a:latin"], &["a:ea"], &["a:cs"], &["a:sym"], &["a:hlinkClick"], &["a:hlinkMouseOver"], &["a:rtl"], &["a:extLst"]];

fn sequence_of(parent: &str, name: &str) -> Option<&'static [&'static [&'static str]]> {
    let qualified = format!("{parent}/{name}");
    SEQUENCES
        .iter()
        .find(|(k, _)| *k == qualified)
        .or_else(|| SEQUENCES.iter().find(|(k, _)| *k == name))
        .map(|(_, s)| *s)
}

/// Checks every element with children (recursively) against [`SEQUENCES`]: each child is
/// allowed, children come in sequence order, required children are present.
pub(super) fn check_order(node: &Node, parent: &str) {
    if node.children.is_empty() {
        return;
    }
    let seq = sequence_of(parent, &node.name).unwrap_or_else(|| {
        panic!("no sequence for <{}> (under <{parent}>): add it to the table", node.name)
    });
    let rank =
        |child: &str| seq.iter().position(|g| g.iter().any(|n| n.trim_start_matches('!') == child));
    let mut last = 0;
    for c in &node.children {
        let r = rank(&c.name).unwrap_or_else(|| {
            panic!("<{}> is not allowed in <{}> (under <{parent}>)", c.name, node.name)
        });
        assert!(
            r >= last,
            "<{}> comes after a later element in <{}> (under <{parent}>)",
            c.name,
            node.name
        );
        last = r;
        check_order(c, &node.name);
    }
    for name in seq.iter().flat_map(|g| g.iter()).filter_map(|n| n.strip_prefix('!')) {
        assert!(
            node.children.iter().any(|c| c.name == name),
            "<{}> lacks required <{name}>",
            node.name
        );
    }
}

// ---------------------------------------------------------------------------------------
// The tests

#[test]
fn kinds_map_to_chart_groups() {
    let expect = [
        (ChartKind::Bar, "c:barChart", Some(("col", "clustered")), 3),
        (ChartKind::HBar, "c:barChart", Some(("bar", "clustered")), 1),
        (ChartKind::Ring, "c:doughnutChart", None, 1),
        (ChartKind::Stacked, "c:barChart", Some(("bar", "stacked")), 4),
    ];
    for (c, (kind, group, bar, n_ser)) in samples().iter().zip(expect) {
        assert_eq!(c.kind, kind);
        let (space, _) = part(c);
        let g = plot_group(&space);
        assert_eq!(g.name, group, "{}", c.id);
        assert_eq!(g.all("c:ser").len(), n_ser, "{}", c.id);
        match bar {
            Some((dir, grouping)) => {
                assert_eq!(g.at("c:barDir").val(), dir);
                assert_eq!(g.at("c:grouping").val(), grouping);
                assert_eq!(g.at("c:varyColors").val(), "0");
                if grouping == "stacked" {
                    assert_eq!(g.at("c:overlap").val(), "100");
                }
                // Both axes exist and reference each other by id.
                let area = space.at("c:chart/c:plotArea");
                let ids: Vec<&str> = g.all("c:axId").iter().map(|a| a.val()).collect();
                let (cat, val) = (area.at("c:catAx"), area.at("c:valAx"));
                assert_eq!(ids, [cat.at("c:axId").val(), val.at("c:axId").val()]);
                assert_eq!(cat.at("c:crossAx").val(), val.at("c:axId").val());
                assert_eq!(val.at("c:crossAx").val(), cat.at("c:axId").val());
                // No value axis, no gridlines.
                assert_eq!(val.at("c:delete").val(), "1");
                assert_eq!(space.count("c:majorGridlines"), 0);
            }
            None => {
                let hole: u32 = g.at("c:holeSize").val().parse().unwrap();
                assert!((55..=60).contains(&hole));
                assert_eq!(g.at("c:varyColors").val(), "1");
                assert!(space.at("c:chart/c:plotArea").try_at("c:catAx").is_none());
            }
        }
        // No 3-D, gradients or shadows anywhere.
        for banned in ["c:view3D", "c:bar3DChart", "a:gradFill", "a:effectLst", "a:outerShdw"] {
            assert_eq!(space.count(banned), 0, "{} has {banned}", c.id);
        }
    }
}

#[test]
fn chart_space_header_and_workbook_link() {
    for c in samples() {
        let (space, p) = part(&c);
        assert_eq!(space.name, "c:chartSpace");
        assert_eq!(space.at("c:date1904").val(), "0");
        assert_eq!(space.at("c:lang").val(), "zh-CN");
        assert_eq!(space.at("c:roundedCorners").val(), "0");
        assert_eq!(space.at("c:chart/c:autoTitleDeleted").val(), "0");
        assert_eq!(space.at("c:chart/c:plotVisOnly").val(), "1");
        assert_eq!(space.at("c:chart/c:dispBlanksAs").val(), "gap");
        let ext = space.at("c:externalData");
        assert_eq!(ext.at("c:autoUpdate").val(), "0");
        // The externalData id is the workbook relationship of the chart's rels.
        let rels = parse(&p.rels_xml);
        let rel = rels.all("Relationship");
        assert_eq!(rel.len(), 1);
        assert_eq!(rel[0].attr("Id"), ext.attr("r:id"));
        assert_eq!(rel[0].attr("Type"), Some(PACKAGE_REL_TYPE));
        assert_eq!(rel[0].attr("Target"), Some("../embeddings/Microsoft_Excel_Worksheet1.xlsx"));
        // The title, then the unit or the ring's total on a second line.
        let paras = space.at("c:chart/c:title/c:tx/c:rich").all("a:p");
        let text =
            |p: &Node| p.all("a:r").iter().map(|r| r.at("a:t").text.clone()).collect::<String>();
        assert_eq!(text(paras[0]), c.title);
        let second = if c.kind == ChartKind::Ring { "共 3119 件" } else { "单位：件" };
        assert_eq!(text(paras[1]), second);
        // Chart text in 黑体.
        let font = space.at("c:txPr/a:p/a:pPr/a:defRPr");
        assert_eq!(font.at("a:ea").attr("typeface"), Some("黑体"));
        let sz: u32 = font.attr("sz").unwrap().parse().unwrap();
        assert!((900..=1000).contains(&sz));
    }
}

#[test]
fn caches_hold_the_data() {
    for c in samples() {
        let (space, _) = part(&c);
        let sers = plot_group(&space).all("c:ser");
        let plotted =
            if matches!(c.kind, ChartKind::HBar | ChartKind::Ring) { 1 } else { c.series.len() };
        assert_eq!(sers.len(), plotted);
        for (i, ser) in sers.iter().enumerate() {
            assert_eq!(ser.at("c:idx").val(), i.to_string());
            assert_eq!(ser.at("c:order").val(), i.to_string());
            assert_eq!(str_cache(ser.at("c:tx/c:strRef")), [c.series[i].name.clone()]);
            assert_eq!(str_cache(ser.at("c:cat/c:strRef")), c.categories, "{}", c.id);
            assert_eq!(num_cache(ser), c.series[i].values, "{}", c.id);
        }
    }
}

#[test]
fn formulas_point_at_the_workbook_cells() {
    for c in samples() {
        let (space, p) = part(&c);
        let cells = sheet_cells(&p.workbook);
        for (i, ser) in plot_group(&space).all("c:ser").iter().enumerate() {
            let col = ["B", "C", "D", "E"][i];
            let n = c.categories.len();
            let tx = &ser.at("c:tx/c:strRef/c:f").text;
            let cat = &ser.at("c:cat/c:strRef/c:f").text;
            let val = &ser.at("c:val/c:numRef/c:f").text;
            assert_eq!(tx, &format!("Sheet1!${col}$1"));
            assert_eq!(cat, &format!("Sheet1!$A$2:$A${}", n + 1));
            assert_eq!(val, &format!("Sheet1!${col}$2:${col}${}", n + 1));
            // …and the cells hold what the caches hold.
            assert_eq!(resolve(tx, &cells), str_cache(ser.at("c:tx/c:strRef")));
            assert_eq!(resolve(cat, &cells), c.categories);
            let sheet_values: Vec<f64> =
                resolve(val, &cells).iter().map(|v| v.parse().unwrap()).collect();
            assert_eq!(sheet_values, num_cache(ser));
        }
    }
}

#[test]
fn workbook_layout() {
    let c = &samples()[0];
    let cells = sheet_cells(&chart_part(c, 3).unwrap().workbook);
    let expect: BTreeMap<String, String> = [
        ("B1", "本年制发"),
        ("C1", "本年废止"),
        ("D1", "现行有效"),
        ("A2", "规章"),
        ("B2", "2"),
        ("C2", "1"),
        ("D2", "46"),
        ("A3", "规范性文件"),
        ("B3", "17"),
        ("C3", "8"),
        ("D3", "312"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    assert_eq!(cells, expect);
    // The sheet XML itself holds the numbers.
    let mut zip = zip::ZipArchive::new(Cursor::new(chart_part(c, 3).unwrap().workbook)).unwrap();
    let mut sheet = String::new();
    zip.by_name("xl/worksheets/sheet1.xml").unwrap().read_to_string(&mut sheet).unwrap();
    assert!(sheet.contains("<c r=\"D3\"><v>312</v></c>"), "{sheet}");
}

#[test]
fn output_is_reproducible() {
    for c in samples() {
        assert_eq!(chart_part(&c, 2).unwrap(), chart_part(&c, 2).unwrap());
    }
}

#[test]
fn colours_per_category_and_per_series() {
    let all = samples();
    // Ring: one dPt per category, in the category colours, and percentages with one decimal.
    let ring = &all[2];
    let (space, _) = part(ring);
    let ser = plot_group(&space).at("c:ser");
    let fills: Vec<String> = ser.all("c:dPt").iter().map(|d| fill_of(d.at("c:spPr"))).collect();
    let expect: Vec<String> = ring.category_colors.iter().map(|c| c.hex()).collect();
    assert_eq!(fills, expect);
    let labels = ser.at("c:dLbls");
    assert_eq!(labels.at("c:numFmt").attr("formatCode"), Some("0.0%"));
    assert_eq!(labels.at("c:showPercent").val(), "1");
    assert_eq!(labels.at("c:showVal").val(), "0");
    assert_eq!(space.count("c:dLblPos"), 0, "doughnut labels take no position");
    assert_eq!(space.at("c:chart/c:legend/c:legendPos").val(), "r");
    // Labels contrast with their slice (WCAG ratio): white on the dark blue, dark on
    // the mid blue (4.1:1 against 4.0:1 for white), the amber and the light blue.
    let label_colors: Vec<String> =
        labels.all("c:dLbl").iter().map(|l| fill_of(l.at("c:txPr/a:p/a:pPr/a:defRPr"))).collect();
    assert_eq!(label_colors, ["FFFFFF", "1A1A1A", "1A1A1A", "1A1A1A"]);

    // Horizontal bars: one colour per category, first series only, top-down order.
    let mut hbar = all[1].clone();
    hbar.series.push(series("ignored", &[1.0, 2.0, 3.0], AMBER));
    let (space, p) = part(&hbar);
    let g = plot_group(&space);
    assert_eq!(g.all("c:ser").len(), 1);
    let fills: Vec<String> =
        g.at("c:ser").all("c:dPt").iter().map(|d| fill_of(d.at("c:spPr"))).collect();
    assert_eq!(fills, hbar.category_colors.iter().map(|c| c.hex()).collect::<Vec<_>>());
    assert_eq!(space.at("c:chart/c:plotArea/c:catAx/c:scaling/c:orientation").val(), "maxMin");
    assert_eq!(g.at("c:ser/c:dLbls/c:dLblPos").val(), "outEnd");
    assert!(space.at("c:chart").try_at("c:legend").is_none(), "one series: no legend");
    assert!(!sheet_cells(&p.workbook).values().any(|v| v == "ignored"));

    // Grouped and stacked bars: one colour per series, a legend, no dPt.
    for c in [&all[0], &all[3]] {
        let (space, _) = part(c);
        let g = plot_group(&space);
        let fills: Vec<String> = g.all("c:ser").iter().map(|s| fill_of(s.at("c:spPr"))).collect();
        assert_eq!(fills, c.series.iter().map(|s| s.color.hex()).collect::<Vec<_>>());
        assert_eq!(space.count("c:dPt"), 0);
        assert_eq!(space.at("c:chart/c:legend/c:legendPos").val(), "b");
    }
    // Stacked labels sit in the segment and hide zeros.
    let (space, _) = part(&all[3]);
    let l = plot_group(&space).at("c:ser/c:dLbls");
    assert_eq!(l.at("c:dLblPos").val(), "ctr");
    assert_eq!(l.at("c:numFmt").attr("formatCode"), Some("0;-0;;"));

    // A single-series vertical bar chart takes the category colours.
    let mut one = all[0].clone();
    one.series.truncate(1);
    let (space, _) = part(&one);
    assert_eq!(space.count("c:dPt"), 2);
    assert!(space.at("c:chart").try_at("c:legend").is_none());
}

#[test]
fn schema_order_of_everything_written() {
    let mut charts = samples();
    // Also a chart without title or unit, and the report's own charts.
    let mut bare = charts[0].clone();
    bare.title.clear();
    bare.unit.clear();
    charts.push(bare);
    charts.extend(report_charts());
    for c in &charts {
        let (space, _) = part(c);
        check_order(&space, "");
    }
    let drawing = inline_drawing_xml("rId9", 1, 5_400_000, 3_240_000, "图表 1");
    let wrapped = format!(
        "<w:r xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">{drawing}</w:r>"
    );
    check_order(parse(&wrapped).at("w:drawing"), "w:r");
}

#[test]
fn the_table_catches_misordering() {
    let bad = "<c:barChart><c:grouping val=\"clustered\"/><c:barDir val=\"col\"/><c:axId val=\"1\"/></c:barChart>";
    let err = std::panic::catch_unwind(|| check_order(&parse(bad), "c:plotArea"));
    assert!(err.is_err(), "grouping before barDir must be refused");
    let missing = "<c:valAx><c:axId val=\"1\"/><c:scaling/><c:axPos val=\"l\"/></c:valAx>";
    assert!(std::panic::catch_unwind(|| check_order(&parse(missing), "c:plotArea")).is_err());
}

#[test]
fn title_less_chart_deletes_the_auto_title() {
    let mut c = samples()[1].clone();
    c.title = "  ".into();
    let (space, _) = part(&c);
    assert!(space.at("c:chart").try_at("c:title").is_none());
    assert_eq!(space.at("c:chart/c:autoTitleDeleted").val(), "1");
}

#[test]
fn labels_are_escaped() {
    let mut c = samples()[1].clone();
    c.title = "A&B <图> \"x\" 'y'".into();
    c.categories = vec!["<行政>".into(), "R&D".into(), "a\u{1}b\"".into()];
    c.series[0].name = "件数 & \"量\"".into();
    let (space, p) = part(&c);
    let ser = plot_group(&space).at("c:ser");
    assert_eq!(str_cache(ser.at("c:cat/c:strRef")), ["<行政>", "R&D", "ab\""]);
    assert_eq!(str_cache(ser.at("c:tx/c:strRef")), ["件数 & \"量\""]);
    let title = space.at("c:chart/c:title/c:tx/c:rich/a:p/a:r/a:t");
    assert_eq!(title.text, "A&B <图> \"x\" 'y'");
    let cells = sheet_cells(&p.workbook);
    assert_eq!(cells["A2"], "<行政>");
    assert_eq!(cells["B1"], "件数 & \"量\"");
    let drawing = inline_drawing_xml("r\"1", 2, 10, 10, "a<b>&");
    let node = parse(&drawing);
    assert_eq!(node.at("wp:inline/wp:docPr").attr("name"), Some("a<b>&"));
    assert_eq!(node.at("wp:inline/a:graphic/a:graphicData/c:chart").attr("r:id"), Some("r\"1"));
}

#[test]
fn inline_drawing_shape() {
    let d = parse(&inline_drawing_xml("rId7", 4, 5_400_000, 3_000_000, "依申请公开办理结果"));
    assert_eq!(d.name, "w:drawing");
    let inline = d.at("wp:inline");
    let extent = inline.at("wp:extent");
    assert_eq!((extent.attr("cx"), extent.attr("cy")), (Some("5400000"), Some("3000000")));
    assert_eq!(inline.at("wp:docPr").attr("id"), Some((DOC_PR_ID_BASE + 4).to_string().as_str()));
    let data = inline.at("a:graphic/a:graphicData");
    assert_eq!(data.attr("uri"), Some("http://schemas.openxmlformats.org/drawingml/2006/chart"));
    assert_eq!(data.at("c:chart").attr("r:id"), Some("rId7"));
}

#[test]
fn part_names_and_content_types() {
    let names = part_names(2);
    assert_eq!(names.chart, "word/charts/chart2.xml");
    assert_eq!(names.chart_rels, "word/charts/_rels/chart2.xml.rels");
    assert_eq!(names.workbook, "word/embeddings/Microsoft_Excel_Worksheet2.xlsx");
    assert_eq!(names.document_target, "charts/chart2.xml");
    assert_eq!(content_type_override(2), ("/word/charts/chart2.xml".into(), CHART_CONTENT_TYPE));
    assert_eq!(
        CHART_CONTENT_TYPE,
        "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
    );
    assert!(CONTENT_TYPES.contains(&("xlsx", XLSX_CONTENT_TYPE)));
    assert!(CHART_REL_TYPE.ends_with("/relationships/chart"));
    let p = chart_part(&samples()[0], 2).unwrap();
    let files = p.files(2);
    assert_eq!(files[0].0, names.chart);
    assert!(p.rels_xml.contains("../embeddings/Microsoft_Excel_Worksheet2.xlsx"));
}

#[test]
fn bad_charts_are_errors() {
    let mut c = samples()[0].clone();
    c.empty_statement = Some("本年度未制发规章。".into());
    assert!(matches!(chart_part(&c, 1), Err(ChartPartError::Replaced { .. })));
    let mut c = samples()[0].clone();
    c.series[1].values.pop();
    let err = chart_part(&c, 1).unwrap_err();
    assert!(matches!(err, ChartPartError::Shape { values: 1, categories: 2, .. }), "{err}");
    assert!(err.to_string().contains("本年废止"));
    let mut c = samples()[0].clone();
    c.series[0].values[0] = f64::NAN;
    assert!(matches!(chart_part(&c, 1), Err(ChartPartError::BadValue { .. })));
    let mut c = samples()[2].clone();
    c.series[0].values[0] = -1.0;
    assert!(matches!(chart_part(&c, 1), Err(ChartPartError::BadValue { .. })));
    let mut c = samples()[0].clone();
    c.categories.clear();
    assert!(matches!(chart_part(&c, 1), Err(ChartPartError::Empty { .. })));
}

#[test]
fn numbers_and_columns() {
    use super::workbook::{column_letters, number};
    assert_eq!(
        [0, 1, 25, 26, 27, 51, 52, 701, 702].map(column_letters),
        ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]
    );
    assert_eq!(number(3001.0), "3001");
    assert_eq!(number(-0.0), "0");
    assert_eq!(number(12.5), "12.5");
    assert_eq!(number(0.1 + 0.2), "0.30000000000000004");
    assert_eq!(number(1e16), "10000000000000000");
    // Non-integral stacked values keep their decimals in the labels.
    let mut c = samples()[3].clone();
    c.series[0].values[0] = 2.5;
    let (space, _) = part(&c);
    assert_eq!(
        plot_group(&space).at("c:ser/c:dLbls/c:numFmt").attr("formatCode"),
        Some("0.0#;-0.0#;;")
    );
}

/// The charts the compose stage builds from the 淮安 2024 sample, without the ones
/// replaced by a statement.
pub(super) fn report_charts() -> Vec<Chart> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/huaian-2024.yaml");
    let report = crate::model::load(&path).expect("sample loads").0;
    let colors = crate::style::Style::official().colors(None);
    crate::compose::charts::charts(&report, &colors, None)
        .expect("charts")
        .into_iter()
        .map(|p| p.chart)
        .filter(|c| c.empty_statement.is_none())
        .collect()
}

#[test]
fn report_charts_are_written() {
    let charts = report_charts();
    assert!(charts.len() >= 4, "{}", charts.len());
    for (i, c) in charts.iter().enumerate() {
        let (space, p) = part(c);
        let cells = sheet_cells(&p.workbook);
        for ser in plot_group(&space).all("c:ser") {
            let val = &ser.at("c:val/c:numRef/c:f").text;
            let sheet: Vec<f64> = resolve(val, &cells).iter().map(|v| v.parse().unwrap()).collect();
            assert_eq!(sheet, num_cache(ser), "chart {i} {}", c.id);
        }
    }
}

#[test]
fn narrow_ring_slices_get_outside_labels() {
    let ring = &samples()[2];
    let (space, _) = part(ring);
    // The plot area is fixed, so that the moved labels land beside the ring.
    let manual = space.at("c:chart/c:plotArea/c:layout/c:manualLayout");
    assert_eq!(manual.at("c:layoutTarget").val(), "inner");
    let labels = plot_group(&space).at("c:ser/c:dLbls");
    let points = labels.all("c:dLbl");
    assert_eq!(points.len(), 4);
    // 96.2 % stays on the ring; 1.7 %, 2.0 % and 0.1 % move out, dark, with their key.
    assert!(points[0].try_at("c:layout").is_none());
    assert_eq!(points[0].at("c:showLegendKey").val(), "0");
    for p in &points[1..] {
        let m = p.at("c:layout/c:manualLayout");
        let dx: f64 = m.at("c:x").val().parse().unwrap();
        assert!(dx < 0.0, "slices just left of 12 o'clock: labels move out to the left");
        assert_eq!(p.at("c:showLegendKey").val(), "1");
        assert_eq!(fill_of(p.at("c:txPr/a:p/a:pPr/a:defRPr")), "1A1A1A");
    }
    // Leader lines through the Office 2013 extension.
    let ext = labels.at("c:extLst/c:ext");
    assert_eq!(ext.attr("uri"), Some("{CE6537A1-D6FC-4f65-9D91-7224C49458BB}"));
    assert_eq!(ext.at("c15:showLeaderLines").val(), "1");
}

#[test]
fn ring_layout_keeps_outside_labels_apart() {
    use super::ring::{layout, LINE_HEIGHT, RADIUS, SMALL_SHARE};
    // Many narrow slices on both sides.
    let values = [50.0, 3.0, 2.0, 1.0, 20.0, 4.0, 1.0, 1.0, 18.0];
    let l = layout(&values, 0.58);
    let total: f64 = values.iter().sum();
    for (v, o) in values.iter().zip(&l.offsets) {
        assert_eq!(o.is_some(), v / total < SMALL_SHARE, "{v}");
    }
    // Moved labels lie outside the ring and, on each side, a line apart.
    let centres: Vec<(f64, f64)> = l.centres.iter().flatten().copied().collect();
    assert_eq!(centres.len(), 6);
    for (i, a) in centres.iter().enumerate() {
        assert!(a.0.hypot(a.1) > RADIUS, "{a:?} inside the ring");
        for b in &centres[i + 1..] {
            if a.0.signum() == b.0.signum() {
                assert!((a.1 - b.1).abs() >= LINE_HEIGHT - 1e-9, "{a:?} and {b:?} overlap");
            }
        }
    }
    assert!(layout(&[0.0, 0.0], 0.58).offsets.iter().all(Option::is_none));
    assert!(layout(&[1.0], 0.58).offsets[0].is_none());
    let (x, y, w, h) = l.plot;
    assert!(x > 0.0 && y > 0.0 && x + w < 1.0 && y + h <= 0.9 + 1e-9);
}

#[test]
fn narrow_stacked_segments_drop_their_labels() {
    let mut c = samples()[3].clone();
    // Longest bar: 24. 1 of 24 (4 %) is too narrow for a label, 3 of 24 is not.
    c.series[1].values = vec![4.0, 0.0, 1.0];
    let (space, _) = part(&c);
    let sers = plot_group(&space).all("c:ser");
    let deleted = |s: &Node| -> Vec<String> {
        s.at("c:dLbls")
            .all("c:dLbl")
            .iter()
            .filter(|d| d.at("c:delete").val() == "1")
            .map(|d| d.at("c:idx").val().to_string())
            .collect()
    };
    assert_eq!(deleted(sers[1]), ["2"]);
    assert!(deleted(sers[0]).is_empty());
}

#[test]
fn preferred_heights() {
    let width = 15 * 360_000;
    let all = samples();
    assert_eq!(preferred_height_emu(&all[2], width), width / 2);
    // Three bars want 4.3 cm; a third of the width is the least.
    assert_eq!(preferred_height_emu(&all[1], width), width / 3);
    let mut six = all[1].clone();
    six.categories = (0..6).map(|i| i.to_string()).collect();
    assert_eq!(preferred_height_emu(&six, width), ((1.6 + 0.9 * 6.0) * 360_000.0) as i64);
    let mut long = all[1].clone();
    long.categories = (0..40).map(|i| i.to_string()).collect();
    assert_eq!(preferred_height_emu(&long, width), width);
    assert!(preferred_height_emu(&all[0], width) > width / 2, "legend adds height");
}
