//! The illustrated variant's graphics in the DOCX: the title band, the 「数说年报」
//! key-figure cards, native Word charts and images, as WordprocessingML a clerk can
//! still edit.
//!
//! | tree block | DOCX |
//! |---|---|
//! | [`Visual::Banner`] | a one-cell table shaded in the primary colour: the agency, a short accent rule (a paragraph's bottom border), the year and the title in white |
//! | [`Visual::KeyFigures`] | one centred table per row of cards, each card a cell shaded `light` with an accent top border, the number with its unit over the label; gaps are empty columns and spacer paragraphs |
//! | [`Visual::Chart`] | an inline DrawingML chart part with its embedded workbook ([`crate::docx_chart`]): editable in Word, WPS and LibreOffice; its note as a paragraph under it; a chart whose values are all zero becomes its one-line statement |
//! | [`Visual::Figure`] | an inline picture (`word/media/imageN.jpeg|png`, the bytes of the tree: JPEG never re-encoded) and its caption |
//!
//! Text is set through the same [`FontPlan`] as the rest of the document, so its
//! characters are in the embedded font subsets. Paragraphs holding graphics leave the
//! document grid and use single line spacing: an exact line height would clip them.
//!
//! The builder runs before the XML is patched ([`super::patch`] puts each visual's
//! elements where `build` left a placeholder paragraph) and returns the package parts,
//! relationships and content types the graphics need.

use super::build::Context;
use super::fonts::{FontPlan, Slot};
use super::geometry::{eighth_points, half_points, mm_twips, twips};
use super::xml::{Element, Node};
use super::DocxError;
use crate::compose::tree::{Banner, Block, Chart, Document, Figure, KeyFigure, Role, Visual};
use crate::docx_chart;
use crate::layout::visual::shape::{soft_on, text_on};
use crate::style::Rgb;

/// Relationship type of an image part.
const REL_IMAGE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";

/// EMU per twip (914 400 per inch, 1 440 twips per inch).
const EMU_PER_TWIP: i64 = 635;

/// Thickness of a card's accent rule, in pt (as the PDF's cards).
const CARD_RULE_PT: f32 = 2.0;

/// Length and thickness of the banner's accent rule, in pt (as the PDF's band).
const BANNER_RULE: (f32, f32) = (26.0, 2.5);

/// Everything the graphics add to the package.
#[derive(Debug, Default)]
pub(crate) struct VisualParts {
    /// The body elements of each [`Block::Visual`], in document order.
    pub bodies: Vec<Vec<Element>>,
    /// Package parts: charts, their relationships and workbooks, images.
    pub parts: Vec<(String, Vec<u8>)>,
    /// Relationships from `word/document.xml` to charts and images.
    pub rels: Vec<Element>,
    /// `[Content_Types].xml` overrides (chart parts).
    pub overrides: Vec<(String, &'static str)>,
    /// `[Content_Types].xml` defaults by extension (images, workbooks).
    pub defaults: Vec<(&'static str, &'static str)>,
}

impl VisualParts {
    fn default_type(&mut self, ext: &'static str, ct: &'static str) {
        if !self.defaults.iter().any(|(e, _)| *e == ext) {
            self.defaults.push((ext, ct));
        }
    }
}

/// Build the graphics of `doc`.
pub(crate) fn visuals(
    doc: &Document,
    cx: &Context<'_>,
    plan: &mut FontPlan,
) -> Result<VisualParts, DocxError> {
    let mut out = VisualParts::default();
    let mut w = Writer { cx, plan, charts: 0, images: 0 };
    for block in &doc.blocks {
        let Block::Visual(visual) = block else { continue };
        let body = match visual {
            Visual::Banner(b) => w.banner(b)?,
            Visual::KeyFigures(cards) => w.cards(cards)?,
            Visual::Chart(c) => w.chart(c, &mut out)?,
            Visual::Figure(f) => w.figure(f, &mut out)?,
        };
        out.bodies.push(body);
    }
    Ok(out)
}

/// How a run of a graphic is set.
#[derive(Clone, Copy)]
struct Look {
    /// The role whose fonts set it.
    role: Role,
    /// Size in pt.
    size: f32,
    bold: bool,
    color: Rgb,
}

impl Look {
    fn new(role: Role, size: f32, color: Rgb) -> Self {
        Self { role, size, bold: false, color }
    }
    fn bold(self) -> Self {
        Self { bold: true, ..self }
    }
}

/// A paragraph's spacing and alignment.
#[derive(Clone, Copy)]
struct Spacing {
    /// `w:jc`.
    align: &'static str,
    /// Space before, twips.
    before: i32,
    /// Space after, twips.
    after: i32,
    /// `Some(twips)`: exact line height; `None`: single.
    exact: Option<i32>,
}

impl Spacing {
    fn centred() -> Self {
        Self { align: "center", before: 0, after: 0, exact: None }
    }
    fn left() -> Self {
        Self { align: "left", ..Self::centred() }
    }
}

struct Writer<'a, 'b> {
    cx: &'a Context<'b>,
    plan: &'a mut FontPlan,
    /// Charts written so far (chart parts are numbered from 1).
    charts: usize,
    /// Images written so far (numbered from 1).
    images: usize,
}

impl Writer<'_, '_> {
    /// The runs of `text` in `look`, each character in the face the plan resolves.
    fn runs(&mut self, text: &str, look: Look, line: u32) -> Result<Vec<Element>, DocxError> {
        let fonts = self.cx.formats[&look.role].fonts.clone();
        let mut runs = Vec::new();
        for seg in self.plan.segments(look.role, &fonts, look.bold, text, line)? {
            let (mut latin, mut east_asia) = (fonts.latin.clone(), fonts.east_asia.clone());
            match (&seg.family, seg.slot) {
                (Some(f), Slot::Latin) => latin = f.clone(),
                (Some(f), Slot::EastAsia) => east_asia = f.clone(),
                (None, _) => {}
            }
            let mut rfonts = Element::new("w:rFonts");
            if seg.hint_east_asia {
                // As in the body: every slot names the East-Asian face (see build).
                latin = east_asia.clone();
                rfonts = rfonts.attr("w:hint", "eastAsia");
            }
            rfonts = rfonts
                .attr("w:ascii", latin.as_str())
                .attr("w:hAnsi", latin.as_str())
                .attr("w:eastAsia", east_asia.as_str())
                .attr("w:cs", latin.as_str());
            let sz = half_points(look.size).to_string();
            let mut rpr = Element::new("w:rPr").child(rfonts);
            let bold = if look.bold { "1" } else { "0" };
            rpr = rpr
                .child(Element::new("w:b").attr("w:val", bold))
                .child(Element::new("w:bCs").attr("w:val", bold))
                .child(Element::new("w:color").attr("w:val", look.color.hex()))
                // Graphics are not set on the body grid: no grid compression.
                .child(Element::new("w:spacing").attr("w:val", "0"))
                .child(Element::new("w:sz").attr("w:val", sz.as_str()))
                .child(Element::new("w:szCs").attr("w:val", sz.as_str()));
            runs.push(Element::new("w:r").child(rpr).child(text_element(&seg.text)));
        }
        Ok(runs)
    }

    /// A paragraph off the grid, without indents.
    fn paragraph(&self, runs: Vec<Element>, s: Spacing, extra: Vec<Element>) -> Element {
        let (line, rule) = match s.exact {
            Some(t) => (t.max(1), "exact"),
            None => (240, "auto"),
        };
        let mut ppr = Element::new("w:pPr")
            .child(Element::new("w:keepNext").attr("w:val", "0"))
            .child(Element::new("w:snapToGrid").attr("w:val", "0"))
            .child(
                Element::new("w:spacing")
                    .attr("w:before", s.before.max(0).to_string())
                    .attr("w:beforeLines", "0")
                    .attr("w:after", s.after.max(0).to_string())
                    .attr("w:afterLines", "0")
                    .attr("w:line", line.to_string())
                    .attr("w:lineRule", rule),
            )
            .child(
                Element::new("w:ind")
                    .attr("w:left", "0")
                    .attr("w:right", "0")
                    .attr("w:firstLine", "0")
                    .attr("w:firstLineChars", "0"),
            )
            .child(Element::new("w:jc").attr("w:val", s.align));
        for e in extra {
            ppr.set_child(e);
        }
        let mut p = Element::new("w:p").child(ppr);
        p.children.extend(runs.into_iter().map(Node::Element));
        p
    }

    /// An empty paragraph `height` twips high (a vertical gap that also keeps two
    /// tables apart, which Word would otherwise join).
    fn spacer(&self, height: i32) -> Element {
        let s = Spacing { exact: Some(height.max(20)), ..Spacing::left() };
        let mark = Element::new("w:rPr")
            .child(Element::new("w:sz").attr("w:val", "2"))
            .child(Element::new("w:szCs").attr("w:val", "2"));
        let mut p = self.paragraph(Vec::new(), s, Vec::new());
        if let Some(ppr) = p.find_mut("w:pPr") {
            ppr.set_child(mark);
        }
        p
    }

    fn palette(&self) -> &crate::style::Colors {
        self.cx.palette
    }

    fn spec(&self) -> crate::style::IllustratedSpec {
        self.cx.style.illustrated.clone().unwrap_or_default()
    }

    /// The title band: one shaded cell.
    fn banner(&mut self, b: &Banner) -> Result<Vec<Element>, DocxError> {
        let spec = self.spec();
        let p = self.palette().clone();
        // The PDF band's colours: text white or dark, whichever contrasts more with the
        // ground; the agency line softer, at the lowest opacity that stays legible.
        let white = text_on(p.primary, p.text);
        let soft = soft_on(white, p.primary, 0.8);
        // The band bleeds off the paper's left and right edges, as in the PDF; its text
        // stays flush with the type area.
        let geo = self.cx.geo;
        let width = geo.page_width;
        let text_width = geo.text_width;
        let pad = mm_twips(6.0);
        let mut cell = Vec::new();
        let agency =
            self.runs(&b.agency, Look::new(Role::Heading3, spec.banner_agency_size, soft), 0)?;
        cell.push(self.paragraph(agency, Spacing::left(), Vec::new()));
        // The accent rule: the bottom border of an empty paragraph as long as the rule.
        let rule = Element::new("w:pBdr").child(
            Element::new("w:bottom")
                .attr("w:val", "single")
                .attr("w:sz", eighth_points(BANNER_RULE.1).to_string())
                .attr("w:space", "0")
                .attr("w:color", p.accent.hex()),
        );
        let mut rule_p = self.spacer(twips(6.0));
        if let Some(ppr) = rule_p.find_mut("w:pPr") {
            ppr.set_child(rule);
            if let Some(ind) = ppr.find_mut("w:ind") {
                ind.set_attr("w:right", (text_width - twips(BANNER_RULE.0)).to_string());
            }
        }
        cell.push(rule_p);
        let year =
            self.runs(&b.year, Look::new(Role::Heading1, spec.banner_year_size, white).bold(), 0)?;
        cell.push(self.paragraph(
            year,
            Spacing { before: twips(6.0), ..Spacing::left() },
            Vec::new(),
        ));
        let title_look = Look::new(Role::Heading1, spec.banner_title_size, white).bold();
        let mut title = Vec::new();
        let lines = self.balanced_lines(&b.title, title_look, text_width)?;
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                title.push(Element::new("w:r").child(Element::new("w:br")));
            }
            title.extend(self.runs(line, title_look, 0)?);
        }
        cell.push(self.paragraph(
            title,
            Spacing { before: twips(4.0), ..Spacing::left() },
            Vec::new(),
        ));

        let mut tc = cell_element(width, Some(p.primary), None, cell);
        if let Some(tc_pr) = tc.find_mut("w:tcPr") {
            let mar = |side: &str, v: i32| {
                Element::new(side).attr("w:w", v.to_string()).attr("w:type", "dxa")
            };
            tc_pr.set_child(
                Element::new("w:tcMar")
                    .child(mar("w:top", pad))
                    .child(mar("w:left", geo.margin_left))
                    .child(mar("w:bottom", pad))
                    .child(mar("w:right", geo.margin_right)),
            );
        }
        let height = mm_twips(spec.banner_height_mm);
        let mut tbl =
            table_element(&[width], "left", (0, 0), vec![row_element(height, true, vec![tc])]);
        if let Some(tbl_pr) = tbl.find_mut("w:tblPr") {
            tbl_pr.set_child(
                Element::new("w:tblInd")
                    .attr("w:w", (-geo.margin_left).to_string())
                    .attr("w:type", "dxa"),
            );
        }
        Ok(vec![tbl, self.spacer(twips(10.0))])
    }

    /// `text` broken into lines of at most `measure` twips where the PDF's title band
    /// breaks it (balanced lines, by the layout engine).
    fn balanced_lines(
        &mut self,
        text: &str,
        look: Look,
        measure: i32,
    ) -> Result<Vec<String>, DocxError> {
        let font = crate::layout::visual::label::Font::new(look.role, look.size, look.color);
        let font = if look.bold { font.bold() } else { font };
        let starts = crate::layout::balanced_line_starts(
            text,
            font,
            measure as f32 / 20.0,
            self.plan.book_mut(),
        )
        .map_err(|e| DocxError::Build {
            part: "word/document.xml".into(),
            message: e.to_string(),
        })?;
        let chars: Vec<char> = text.chars().collect();
        let mut lines = Vec::new();
        let mut at = 0;
        for cut in starts.into_iter().chain([chars.len()]) {
            let cut = cut.min(chars.len());
            if cut > at {
                lines.push(chars[at..cut].iter().collect());
                at = cut;
            }
        }
        Ok(lines)
    }

    /// The key-figure cards: a centred table per row of cards.
    fn cards(&mut self, cards: &[KeyFigure]) -> Result<Vec<Element>, DocxError> {
        let spec = self.spec();
        let p = self.palette().clone();
        let columns = spec.card_columns.max(1) as usize;
        let gap = mm_twips(spec.card_gap_mm);
        let width = (self.cx.geo.text_width - gap * (columns as i32 - 1)) / columns as i32;
        let height = mm_twips(spec.card_height_mm);
        let mut out = Vec::new();
        for row in cards.chunks(columns) {
            let mut grid = Vec::new();
            let mut cells = Vec::new();
            for (i, card) in row.iter().enumerate() {
                if i > 0 {
                    grid.push(gap);
                    cells.push(cell_element(gap, None, None, vec![self.spacer(20)]));
                }
                grid.push(width);
                let value_look = Look::new(Role::Heading1, spec.card_value_size, p.primary).bold();
                let label_look = Look::new(Role::Heading3, spec.card_label_size, p.text);
                let mut number = self.runs(&card.value, value_look, 0)?;
                if !card.unit.is_empty() {
                    number.extend(self.runs(&card.unit, label_look, 0)?);
                }
                let label = self.runs(&card.label, label_look, 0)?;
                let paragraphs = vec![
                    self.paragraph(number, Spacing::centred(), Vec::new()),
                    self.paragraph(
                        label,
                        Spacing { before: twips(2.0), ..Spacing::centred() },
                        Vec::new(),
                    ),
                ];
                cells.push(cell_element(width, Some(p.light), Some(p.accent), paragraphs));
            }
            out.push(table_element(
                &grid,
                "center",
                (0, 0),
                vec![row_element(height, true, cells)],
            ));
            out.push(self.spacer(gap));
        }
        Ok(out)
    }

    /// A native chart (or its statement) and its note.
    fn chart(&mut self, chart: &Chart, parts: &mut VisualParts) -> Result<Vec<Element>, DocxError> {
        let spec = self.spec();
        let muted = self.palette().muted;
        if let Some(statement) = &chart.empty_statement {
            let look = Look::new(Role::Body, self.cx.style.size(Role::Body), self.palette().text);
            let runs = self.runs(statement, look, 0)?;
            return Ok(vec![self.paragraph(
                runs,
                Spacing { before: twips(6.0), after: twips(6.0), ..Spacing::centred() },
                Vec::new(),
            )]);
        }
        self.charts += 1;
        let n = self.charts;
        // The chart's text in the document's table-header sans (黑体's role), which
        // the DOCX embeds: a machine without 黑体 would otherwise show empty boxes.
        let header = &self.cx.formats[&Role::TableHeader].fonts;
        let fonts = docx_chart::ChartFonts {
            east_asia: header.east_asia.clone(),
            latin: header.latin.clone(),
        };
        let part = docx_chart::chart_part_with(chart, n, &fonts).map_err(|e| DocxError::Build {
            part: format!("word/charts/chart{n}.xml"),
            message: e.to_string(),
        })?;
        // The word processor sets the chart's text: its characters go into the
        // embedded subsets of the faces it may use — the table-header face, regular
        // and bold (titles are bold, and Word takes the family's bold face for them).
        let mut text: String = chart.title.clone();
        text.extend(chart.categories.iter().flat_map(|c| c.chars()));
        text.extend(chart.series.iter().flat_map(|s| s.name.chars()));
        text.extend(chart.percents.iter().flat_map(|s| s.chars()));
        text.push_str(chart.center_label.as_deref().unwrap_or(""));
        text.push_str(&chart.unit);
        text.push_str("单位：0123456789.%");
        for (role, bold) in
            [(Role::TableHeader, false), (Role::TableHeader, true), (Role::Heading1, true)]
        {
            self.plan.record_chars(role, bold, &text)?;
        }

        let names = docx_chart::part_names(n);
        for (name, bytes) in part.files(n) {
            parts.parts.push((name, bytes.to_vec()));
        }
        let rel_id = format!("rIdChart{n}");
        parts.rels.push(relationship(&rel_id, docx_chart::CHART_REL_TYPE, &names.document_target));
        let (path, ct) = docx_chart::content_type_override(n);
        parts.overrides.push((path.trim_start_matches('/').to_string(), ct));
        for &(ext, ct) in docx_chart::CONTENT_TYPES {
            parts.default_type(ext, ct);
        }
        let width = i64::from(self.cx.geo.text_width) * EMU_PER_TWIP;
        let height = docx_chart::preferred_height_emu(chart, width)
            .min(i64::from(mm_twips(spec.chart_height_mm * 1.6)) * EMU_PER_TWIP);
        let drawing = docx_chart::inline_drawing_xml(&rel_id, n, width, height, &chart.title);
        let drawing = super::xml::parse(drawing.as_bytes(), "word/document.xml")?;
        let run = Element::new("w:r").child(drawing);
        let mut out = vec![self.paragraph(
            vec![run],
            Spacing { before: twips(8.0), after: twips(4.0), ..Spacing::centred() },
            Vec::new(),
        )];
        if let Some(note) = &chart.note {
            let runs =
                self.runs(note, Look::new(Role::Heading3, spec.chart_label_size, muted), 0)?;
            out.push(self.paragraph(
                runs,
                Spacing { after: twips(6.0), ..Spacing::centred() },
                Vec::new(),
            ));
        }
        Ok(out)
    }

    /// An inline picture and its caption.
    fn figure(&mut self, f: &Figure, parts: &mut VisualParts) -> Result<Vec<Element>, DocxError> {
        let spec = self.spec();
        self.images += 1;
        let n = self.images;
        let (ext, ct) = if f.jpeg { ("jpeg", "image/jpeg") } else { ("png", "image/png") };
        parts.default_type(ext, ct);
        parts.parts.push((format!("word/media/image{n}.{ext}"), f.data.as_ref().clone()));
        let rel_id = format!("rIdImage{n}");
        parts.rels.push(relationship(&rel_id, REL_IMAGE, &format!("media/image{n}.{ext}")));
        let width_pt = f.width.min(self.cx.geo.text_width as f32 / 20.0);
        let cx = (f64::from(width_pt) * 12_700.0).round() as i64;
        let (pw, ph) = (f64::from(f.pixels.0.max(1)), f64::from(f.pixels.1.max(1)));
        let cy = (cx as f64 * ph / pw).round() as i64;
        let name = f.caption.clone().unwrap_or_else(|| format!("图片 {n}"));
        let run = Element::new("w:r").child(picture(&rel_id, n, cx, cy, &name));
        let mut out = vec![self.paragraph(
            vec![run],
            Spacing { before: twips(6.0), ..Spacing::centred() },
            Vec::new(),
        )];
        if let Some(caption) = &f.caption {
            let look = Look::new(Role::Heading3, spec.chart_label_size, self.palette().muted);
            let runs = self.runs(caption, look, f.src.line)?;
            out.push(self.paragraph(
                runs,
                Spacing { before: twips(5.0), after: twips(8.0), ..Spacing::centred() },
                Vec::new(),
            ));
        }
        Ok(out)
    }
}

/// `w:t`, keeping spaces.
fn text_element(text: &str) -> Element {
    let t = Element::new("w:t").text(text);
    if text.starts_with(' ') || text.ends_with(' ') {
        t.attr("xml:space", "preserve")
    } else {
        t
    }
}

/// A `Relationship` of `word/_rels/document.xml.rels`.
fn relationship(id: &str, ty: &str, target: &str) -> Element {
    Element::new("Relationship").attr("Id", id).attr("Type", ty).attr("Target", target)
}

/// A borderless fixed-layout table of one or more rows; `margins` are the cells'
/// (left/right, top/bottom) margins in twips.
fn table_element(grid: &[i32], jc: &str, margins: (i32, i32), rows: Vec<Element>) -> Element {
    let total: i32 = grid.iter().sum();
    let none = |side: &str| Element::new(side).attr("w:val", "nil");
    let mut borders = Element::new("w:tblBorders");
    for side in ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"] {
        borders = borders.child(none(side));
    }
    let mar =
        |side: &str, v: i32| Element::new(side).attr("w:w", v.to_string()).attr("w:type", "dxa");
    let tbl_pr = Element::new("w:tblPr")
        .child(Element::new("w:tblW").attr("w:w", total.to_string()).attr("w:type", "dxa"))
        .child(Element::new("w:jc").attr("w:val", jc))
        .child(borders)
        .child(Element::new("w:tblLayout").attr("w:type", "fixed"))
        .child(
            Element::new("w:tblCellMar")
                .child(mar("w:top", margins.1))
                .child(mar("w:left", margins.0))
                .child(mar("w:bottom", margins.1))
                .child(mar("w:right", margins.0)),
        )
        .child(
            Element::new("w:tblLook")
                .attr("w:val", "0000")
                .attr("w:firstRow", "0")
                .attr("w:lastRow", "0")
                .attr("w:firstColumn", "0")
                .attr("w:lastColumn", "0")
                .attr("w:noHBand", "1")
                .attr("w:noVBand", "1"),
        );
    let mut tbl_grid = Element::new("w:tblGrid");
    for w in grid {
        tbl_grid = tbl_grid.child(Element::new("w:gridCol").attr("w:w", w.to_string()));
    }
    let mut tbl = Element::new("w:tbl").child(tbl_pr).child(tbl_grid);
    tbl.children.extend(rows.into_iter().map(Node::Element));
    tbl
}

/// A row at least (or, `exact`, exactly) `height` twips high that never splits.
fn row_element(height: i32, exact: bool, cells: Vec<Element>) -> Element {
    let rule = if exact { "exact" } else { "atLeast" };
    let tr_pr = Element::new("w:trPr")
        .child(Element::new("w:cantSplit"))
        .child(Element::new("w:trHeight").attr("w:val", height.to_string()).attr("w:hRule", rule));
    let mut tr = Element::new("w:tr").child(tr_pr);
    tr.children.extend(cells.into_iter().map(Node::Element));
    tr
}

/// A vertically centred cell `width` twips wide, shaded `fill`, with an optional
/// accent top border.
fn cell_element(
    width: i32,
    fill: Option<Rgb>,
    top: Option<Rgb>,
    paragraphs: Vec<Element>,
) -> Element {
    let mut tc_pr = Element::new("w:tcPr")
        .child(Element::new("w:tcW").attr("w:w", width.to_string()).attr("w:type", "dxa"));
    if let Some(color) = top {
        tc_pr = tc_pr.child(
            Element::new("w:tcBorders").child(
                Element::new("w:top")
                    .attr("w:val", "single")
                    .attr("w:sz", eighth_points(CARD_RULE_PT).to_string())
                    .attr("w:space", "0")
                    .attr("w:color", color.hex()),
            ),
        );
    }
    if let Some(fill) = fill {
        tc_pr = tc_pr.child(
            Element::new("w:shd")
                .attr("w:val", "clear")
                .attr("w:color", "auto")
                .attr("w:fill", fill.hex()),
        );
    }
    tc_pr = tc_pr.child(Element::new("w:vAlign").attr("w:val", "center"));
    let mut tc = Element::new("w:tc").child(tc_pr);
    tc.children.extend(paragraphs.into_iter().map(Node::Element));
    tc
}

/// The `<w:drawing>` of an inline picture (ISO/IEC 29500-1 §20.4.2.8, §20.2.2.5).
fn picture(rel_id: &str, n: usize, cx: i64, cy: i64, name: &str) -> Element {
    const NS_A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
    const NS_PIC: &str = "http://schemas.openxmlformats.org/drawingml/2006/picture";
    const NS_WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    let (cx, cy) = (cx.max(1).to_string(), cy.max(1).to_string());
    let id = n.to_string();
    let pic = Element::new("pic:pic")
        .attr("xmlns:pic", NS_PIC)
        .child(
            Element::new("pic:nvPicPr")
                .child(Element::new("pic:cNvPr").attr("id", id.as_str()).attr("name", name))
                .child(Element::new("pic:cNvPicPr")),
        )
        .child(
            Element::new("pic:blipFill")
                .child(Element::new("a:blip").attr("r:embed", rel_id))
                .child(Element::new("a:stretch").child(Element::new("a:fillRect"))),
        )
        .child(
            Element::new("pic:spPr")
                .child(
                    Element::new("a:xfrm")
                        .child(Element::new("a:off").attr("x", "0").attr("y", "0"))
                        .child(
                            Element::new("a:ext").attr("cx", cx.as_str()).attr("cy", cy.as_str()),
                        ),
                )
                .child(
                    Element::new("a:prstGeom").attr("prst", "rect").child(Element::new("a:avLst")),
                ),
        );
    let inline = Element::new("wp:inline")
        .attr("xmlns:wp", NS_WP)
        .attr("distT", "0")
        .attr("distB", "0")
        .attr("distL", "0")
        .attr("distR", "0")
        .child(Element::new("wp:extent").attr("cx", cx.as_str()).attr("cy", cy.as_str()))
        .child(
            Element::new("wp:effectExtent")
                .attr("l", "0")
                .attr("t", "0")
                .attr("r", "0")
                .attr("b", "0"),
        )
        .child(
            Element::new("wp:docPr").attr("id", id.as_str()).attr("name", name).attr("descr", name),
        )
        .child(Element::new("wp:cNvGraphicFramePr").child(
            Element::new("a:graphicFrameLocks").attr("xmlns:a", NS_A).attr("noChangeAspect", "1"),
        ))
        .child(
            Element::new("a:graphic")
                .attr("xmlns:a", NS_A)
                .child(Element::new("a:graphicData").attr("uri", NS_PIC).child(pic)),
        );
    Element::new("w:drawing").child(inline)
}
