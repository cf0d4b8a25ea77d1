//! Native Word charts for the DOCX of the illustrated variant (图文版).
//!
//! A [`Chart`] of the document tree becomes a DrawingML chart part with its data
//! (ISO/IEC 29500-1 §21.2) and an embedded workbook, so that a clerk can right-click the
//! chart in Word or WPS, choose 「编辑数据」 and change a number. The DOCX writer calls
//! this module and places the parts in its package:
//!
//! | part | from |
//! |---|---|
//! | `word/charts/chartN.xml` | [`ChartPart::chart_xml`] |
//! | `word/charts/_rels/chartN.xml.rels` | [`ChartPart::rels_xml`] |
//! | `word/embeddings/Microsoft_Excel_WorksheetN.xlsx` | [`ChartPart::workbook`] |
//! | relationship in `word/_rels/document.xml.rels` | type [`CHART_REL_TYPE`], target [`PartNames::document_target`] |
//! | `[Content_Types].xml` | the `Default`s of [`CONTENT_TYPES`] once, [`content_type_override`] per chart |
//! | the run in `word/document.xml` | `<w:r>` + [`inline_drawing_xml`] + `</w:r>` |
//!
//! [`ChartPart::files`] lists the three files with their package paths, and
//! [`preferred_height_emu`] suggests a height for a given width.
//!
//! What the chart looks like follows illustrated-design.md: flat fills in the chart's
//! colours, no 3-D, gradients or shadows; bars with their values at the bar end and no
//! value axis or gridlines; horizontal bars top-down in official order; rings (doughnuts)
//! with one-decimal percentages, those of narrow slices moved outside the ring with their
//! legend key and a leader line; stacked segments too narrow for their number unlabelled;
//! a legend only for several series (and for rings, whose slices are named by the
//! legend); chart text in 黑体 at 9 pt, the title at 10.5 pt bold
//! with a second line for the unit (「单位：件」) or, on a ring, the total (「共 10 件」).
//! A chart's `note` and `empty_statement` are not part of the chart: the DOCX writer
//! prints the note as a paragraph under it, and a chart with an `empty_statement` is
//! replaced by that sentence (calling [`chart_part`] for it is an error).

mod chart_xml;
mod ring;
mod workbook;
mod xml;

#[cfg(test)]
mod e2e;
#[cfg(test)]
mod tests;

use crate::compose::tree::{Chart, ChartKind, Rgb, Series};
use xml::Xml;

/// The relationship type from `word/document.xml` to a chart part (ISO/IEC 29500-1,
/// Chart part).
pub const CHART_REL_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";

/// The relationship type from a chart part to its embedded workbook (ISO/IEC 29500-1,
/// Embedded Package part).
pub const PACKAGE_REL_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package";

/// Content type of a chart part.
pub const CHART_CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

/// Content type of the embedded workbook.
pub const XLSX_CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The content types the charts need in `[Content_Types].xml`, as (extension, content
/// type) pairs to be written once as `<Default Extension=… ContentType=…/>`.
///
/// Chart parts end in `.xml` like every other part, so they cannot be typed by extension:
/// each chart also needs its `<Override>`, from [`content_type_override`] (the content
/// type is [`CHART_CONTENT_TYPE`]).
pub const CONTENT_TYPES: &[(&str, &str)] = &[("xlsx", XLSX_CONTENT_TYPE)];

/// The relationship id, inside `chartN.xml.rels`, of the embedded workbook.
pub const WORKBOOK_REL_ID: &str = "rId1";

/// `wp:docPr/@id` of chart `n` is `DOC_PR_ID_BASE + n`; ids must be unique among the
/// document's drawings, so the DOCX writer numbers its pictures below this.
pub const DOC_PR_ID_BASE: usize = 10_000;

/// The three files of one chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartPart {
    /// `word/charts/chartN.xml`: the `c:chartSpace`.
    pub chart_xml: String,
    /// `word/embeddings/Microsoft_Excel_WorksheetN.xlsx`: the data the chart refers to.
    pub workbook: Vec<u8>,
    /// `word/charts/_rels/chartN.xml.rels`: links the workbook (relationship type
    /// [`PACKAGE_REL_TYPE`], id [`WORKBOOK_REL_ID`]).
    pub rels_xml: String,
}

impl ChartPart {
    /// The part's files as (path inside the package, bytes) for chart number `n` (the
    /// same `n` that was passed to [`chart_part`]).
    pub fn files(&self, n: usize) -> [(String, &[u8]); 3] {
        let names = part_names(n);
        [
            (names.chart, self.chart_xml.as_bytes()),
            (names.chart_rels, self.rels_xml.as_bytes()),
            (names.workbook, self.workbook.as_slice()),
        ]
    }
}

/// Where chart `n`'s files live in the package.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartNames {
    /// `word/charts/chartN.xml`.
    pub chart: String,
    /// `word/charts/_rels/chartN.xml.rels`.
    pub chart_rels: String,
    /// `word/embeddings/Microsoft_Excel_WorksheetN.xlsx`.
    pub workbook: String,
    /// The target of the relationship from `word/document.xml`: `charts/chartN.xml`.
    pub document_target: String,
}

/// The package paths of chart `n`.
pub fn part_names(n: usize) -> PartNames {
    PartNames {
        chart: format!("word/charts/chart{n}.xml"),
        chart_rels: format!("word/charts/_rels/chart{n}.xml.rels"),
        workbook: format!("word/embeddings/Microsoft_Excel_Worksheet{n}.xlsx"),
        document_target: format!("charts/chart{n}.xml"),
    }
}

/// The `<Override>` of chart `n` in `[Content_Types].xml`: (`/word/charts/chartN.xml`,
/// [`CHART_CONTENT_TYPE`]).
pub fn content_type_override(n: usize) -> (String, &'static str) {
    (format!("/word/charts/chart{n}.xml"), CHART_CONTENT_TYPE)
}

/// Why a chart cannot be written.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ChartPartError {
    /// The chart has an `empty_statement`: the sentence replaces it.
    #[error("图表「{id}」无数据，应以说明文字代替 / chart `{id}` is replaced by its statement: nothing to draw")]
    Replaced {
        /// Chart id.
        id: String,
    },
    /// No categories or no series.
    #[error("图表「{id}」没有类别或数据系列 / chart `{id}` has no categories or no series")]
    Empty {
        /// Chart id.
        id: String,
    },
    /// A series has not one value per category.
    #[error("图表「{id}」的数据系列「{series}」有 {values} 个值，类别有 {categories} 个 / chart `{id}`: series `{series}` has {values} values for {categories} categories")]
    Shape {
        /// Chart id.
        id: String,
        /// Series name.
        series: String,
        /// Number of values.
        values: usize,
        /// Number of categories.
        categories: usize,
    },
    /// A value is NaN or infinite, or a ring has a negative share.
    #[error("图表「{id}」含无效数值 / chart `{id}` has a value that is not a finite number (or a negative ring share)")]
    BadValue {
        /// Chart id.
        id: String,
    },
    /// Writing the embedded workbook failed.
    #[error("图表「{id}」的数据表无法生成 / chart `{id}`: cannot write its workbook: {reason}")]
    Workbook {
        /// Chart id.
        id: String,
        /// The zip writer's message.
        reason: String,
    },
}

/// The typefaces chart text names (`a:latin`, `a:ea`, `a:cs`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartFonts {
    /// East Asian typeface of all chart text (the 黑体 role of illustrated-design.md).
    pub east_asia: String,
    /// Latin typeface for digits and Latin text.
    pub latin: String,
}

impl Default for ChartFonts {
    /// 黑体 and Arial, the faces every Chinese Windows has. A DOCX that embeds its
    /// fonts names its own sans faces instead (see [`chart_part_with`]).
    fn default() -> Self {
        Self { east_asia: "黑体".into(), latin: "Arial".into() }
    }
}

/// What is drawn: the chart, the series plotted and the per-category colours, if any.
struct Plot<'a> {
    chart: &'a Chart,
    /// The typefaces of its text.
    fonts: &'a ChartFonts,
    /// Bar and Stacked: every series; HBar and Ring: the first.
    series: Vec<&'a Series>,
    /// One colour per category (`c:dPt`): rings, horizontal bars, single-series bars.
    point_colors: Option<Vec<Rgb>>,
    /// Every value is a whole number.
    integral: bool,
}

impl<'a> Plot<'a> {
    fn new(chart: &'a Chart, fonts: &'a ChartFonts) -> Result<Self, ChartPartError> {
        let id = || chart.id.clone();
        if chart.empty_statement.is_some() {
            return Err(ChartPartError::Replaced { id: id() });
        }
        if chart.categories.is_empty() || chart.series.is_empty() {
            return Err(ChartPartError::Empty { id: id() });
        }
        let series: Vec<&Series> = match chart.kind {
            ChartKind::Bar | ChartKind::Stacked => chart.series.iter().collect(),
            ChartKind::HBar | ChartKind::Ring => chart.series.iter().take(1).collect(),
        };
        let n = chart.categories.len();
        if let Some(s) = series.iter().find(|s| s.values.len() != n) {
            return Err(ChartPartError::Shape {
                id: id(),
                series: s.name.clone(),
                values: s.values.len(),
                categories: n,
            });
        }
        let values = || series.iter().flat_map(|s| s.values.iter());
        if values().any(|v| !v.is_finite())
            || (chart.kind == ChartKind::Ring && values().any(|v| *v < 0.0))
        {
            return Err(ChartPartError::BadValue { id: id() });
        }
        let integral = values().all(|v| v.fract() == 0.0);
        let per_category = match chart.kind {
            ChartKind::Ring | ChartKind::HBar => true,
            ChartKind::Bar => series.len() == 1,
            ChartKind::Stacked => false,
        };
        // Per-category colours where the chart has one per category; otherwise (or for a
        // ring without them) the series colour, or the palette order for a ring.
        let point_colors = if per_category && chart.category_colors.len() == n {
            Some(chart.category_colors.clone())
        } else if chart.kind == ChartKind::Ring {
            Some((0..n).map(|i| FALLBACK_RING[i % FALLBACK_RING.len()]).collect())
        } else {
            None
        };
        Ok(Plot { chart, fonts, series, point_colors, integral })
    }

    /// The title's second line: a ring's total, else the unit.
    fn subtitle(&self) -> Option<String> {
        if self.chart.kind == ChartKind::Ring {
            if let Some(c) = self.chart.center_label.as_ref().filter(|c| !c.trim().is_empty()) {
                return Some(c.clone());
            }
        }
        let unit = self.chart.unit.trim();
        (!unit.is_empty()).then(|| format!("单位：{unit}"))
    }

    /// Legend position: bottom for several series, right for a ring (its legend names
    /// the slices), none for a single series.
    fn legend_pos(&self) -> Option<&'static str> {
        match self.chart.kind {
            ChartKind::Ring => Some("r"),
            _ if self.series.len() > 1 => Some("b"),
            _ => None,
        }
    }
}

/// The 政务蓝 series palette, for a ring that comes without category colours.
const FALLBACK_RING: [Rgb; 7] = [
    Rgb(0x1F, 0x4E, 0x9D),
    Rgb(0x2F, 0x80, 0xC8),
    Rgb(0xE6, 0xA7, 0x00),
    Rgb(0x7F, 0xB2, 0xE5),
    Rgb(0x0B, 0x2E, 0x63),
    Rgb(0x9D, 0xA9, 0xB8),
    Rgb(0xC9, 0x8B, 0x00),
];

/// Builds chart number `n` (1-based, unique in the document): the chart XML, its
/// relationships and the embedded workbook holding the same data the chart caches.
///
/// Errors for a chart that has an `empty_statement`, has no data, has a series whose
/// length differs from the categories', or holds a non-finite value.
pub fn chart_part(chart: &Chart, n: usize) -> Result<ChartPart, ChartPartError> {
    chart_part_with(chart, n, &ChartFonts::default())
}

/// Like [`chart_part`], with the chart text in `fonts` (e.g. the document's embedded
/// sans face, so that the chart reads the same where 黑体 is not installed).
pub fn chart_part_with(
    chart: &Chart,
    n: usize,
    fonts: &ChartFonts,
) -> Result<ChartPart, ChartPartError> {
    let plot = Plot::new(chart, fonts)?;
    let chart_xml = chart_xml::chart_space(&plot);
    let columns: Vec<(&str, &[f64])> =
        plot.series.iter().map(|s| (s.name.as_str(), s.values.as_slice())).collect();
    let workbook = workbook::xlsx(&chart.categories, &columns)
        .map_err(|e| ChartPartError::Workbook { id: chart.id.clone(), reason: e.to_string() })?;
    Ok(ChartPart { chart_xml, workbook, rels_xml: rels_xml(n) })
}

pub use ring::RING_ASPECT;

/// A height that suits `chart` at `width_emu` wide (EMU), for [`inline_drawing_xml`]:
/// rings at [`RING_ASPECT`] (their outside labels are placed for it); horizontal and
/// stacked bars about 0.9 cm a category plus the title (and the legend); vertical bars
/// at half the width. Never taller than the width, never lower than a third of it.
pub fn preferred_height_emu(chart: &Chart, width_emu: i64) -> i64 {
    const CM: f64 = 360_000.0;
    let width = width_emu.max(1) as f64;
    let legend =
        if chart.kind != ChartKind::Ring && chart.series.len() > 1 { 0.8 * CM } else { 0.0 };
    let height = match chart.kind {
        ChartKind::Ring => width / RING_ASPECT,
        ChartKind::HBar | ChartKind::Stacked => {
            1.6 * CM + 0.9 * CM * chart.categories.len() as f64 + legend
        }
        ChartKind::Bar => width / 2.0 + legend,
    };
    height.clamp(width / 3.0, width).round() as i64
}

/// `word/charts/_rels/chartN.xml.rels`: the chart's one relationship, to its workbook.
fn rels_xml(n: usize) -> String {
    let mut x = Xml::new();
    x.open(
        "Relationships",
        &[("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships")],
    );
    let target = format!("../embeddings/Microsoft_Excel_Worksheet{n}.xlsx");
    x.empty(
        "Relationship",
        &[("Id", WORKBOOK_REL_ID), ("Type", PACKAGE_REL_TYPE), ("Target", &target)],
    );
    x.close("Relationships");
    x.finish()
}

/// The `<w:drawing>` that shows chart `n` inline, `width_emu` × `height_emu` (914 400 EMU
/// to the inch, 360 000 to the centimetre); `rel_id` is the id of the [`CHART_REL_TYPE`]
/// relationship in `word/_rels/document.xml.rels`, `name` the object's name and alt text.
///
/// The caller wraps it in a run: `<w:r>…</w:r>`. The `wp`, `a`, `c` and `r` namespaces
/// are declared where they are used, so the fragment is well-formed inside any
/// `w:document` that declares `w`.
pub fn inline_drawing_xml(
    rel_id: &str,
    n: usize,
    width_emu: i64,
    height_emu: i64,
    name: &str,
) -> String {
    let id = (DOC_PR_ID_BASE + n).to_string();
    let (cx, cy) = (width_emu.max(1).to_string(), height_emu.max(1).to_string());
    let mut x = Xml::fragment();
    x.open("w:drawing", &[]);
    // ISO/IEC 29500-1 §20.4.2 CT_Inline: extent, effectExtent, docPr, cNvGraphicFramePr,
    // graphic.
    x.open(
        "wp:inline",
        &[
            ("xmlns:wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
            ("distT", "0"),
            ("distB", "0"),
            ("distL", "0"),
            ("distR", "0"),
        ],
    );
    x.empty("wp:extent", &[("cx", &cx), ("cy", &cy)]);
    x.empty("wp:effectExtent", &[("l", "0"), ("t", "0"), ("r", "0"), ("b", "0")]);
    x.empty("wp:docPr", &[("id", &id), ("name", name), ("descr", name)]);
    x.empty("wp:cNvGraphicFramePr", &[]);
    // §20.1.2 graphic / §20.1.2 graphicData with the chart URI (§21.2.2).
    x.open("a:graphic", &[("xmlns:a", chart_xml::NS_A)]);
    x.open("a:graphicData", &[("uri", chart_xml::NS_C)]);
    x.empty(
        "c:chart",
        &[("xmlns:c", chart_xml::NS_C), ("xmlns:r", chart_xml::NS_R), ("r:id", rel_id)],
    );
    x.close("a:graphicData").close("a:graphic");
    x.close("wp:inline");
    x.close("w:drawing");
    x.finish()
}
