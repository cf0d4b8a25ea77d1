//! Tests of the DOCX writer on the sample reports: the XML of the parts we write, a
//! read-back through docx-rs's reader, the embedded fonts and determinism.
//!
//! Schema conformance (`openxml-audit`) and LibreOffice's rendering are checked by
//! `tests/docx_fidelity.rs`.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use super::embed::obfuscate;
use super::schema::first_disorder;
use super::xml::{parse, Element};
use super::*;
use crate::compose::compose;
use crate::compose::tree::{Block, CellKind, Table};
use crate::fonts::{FontBook, FontOptions};

fn sample(name: &str) -> (Document, Style, FontBook) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples").join(name);
    let (report, _) = crate::model::load(&path).expect("sample loads");
    let style = Style::official();
    let doc = compose(&report, &style).expect("sample composes");
    let book = FontBook::new(&style, &FontOptions { system_fonts: false }).expect("bundled fonts");
    (doc, style, book)
}

/// The parts of a DOCX by name.
fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP");
    let mut parts = BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let mut data = Vec::new();
        file.read_to_end(&mut data).unwrap();
        parts.insert(file.name().to_string(), data);
    }
    parts
}

struct Written {
    doc: Document,
    style: Style,
    parts: BTreeMap<String, Vec<u8>>,
    bytes: Vec<u8>,
    report: Vec<EmbedReport>,
}

impl Written {
    fn xml(&self, part: &str) -> Element {
        parse(self.parts.get(part).unwrap_or_else(|| panic!("no part {part}")), part).unwrap()
    }
}

fn write(name: &str, opts: &DocxOptions) -> Written {
    let (doc, style, book) = sample(name);
    let out = write_docx_with_report(&doc, &style, &book, opts).expect("DOCX");
    Written { parts: unzip(&out.bytes), doc, style, bytes: out.bytes, report: out.fonts }
}

fn qianshan() -> Written {
    write("qianshan-2019.yaml", &DocxOptions::default())
}

/// All descendants called `name`, in document order.
fn all<'a>(root: &'a Element, name: &str) -> Vec<&'a Element> {
    let mut out = Vec::new();
    fn visit<'a>(e: &'a Element, name: &str, out: &mut Vec<&'a Element>) {
        for c in e.elements() {
            if c.name == name {
                out.push(c);
            }
            visit(c, name, out);
        }
    }
    visit(root, name, &mut out);
    out
}

fn val<'a>(e: &'a Element, child: &str) -> Option<&'a str> {
    e.find(child).and_then(|c| c.get_attr("w:val"))
}

fn tables(w: &Written) -> Vec<&Table> {
    w.doc
        .blocks
        .iter()
        .filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None })
        .collect()
}

#[test]
fn every_part_is_in_schema_order() {
    let w = qianshan();
    for (name, bytes) in &w.parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let root = parse(bytes, name).unwrap();
            assert_eq!(first_disorder(&root), None, "{name}");
        }
    }
}

#[test]
fn merged_cells_are_real_spans() {
    let w = qianshan();
    let doc = w.xml("word/document.xml");
    let tbls = all(&doc, "w:tbl");
    assert_eq!(tbls.len(), 3);
    for (tbl, table) in tbls.iter().zip(tables(&w)) {
        let rows = all(tbl, "w:tr");
        assert_eq!(rows.len(), table.rows);
        for (r, tr) in rows.iter().enumerate() {
            // Every row covers the grid exactly once with its gridSpans.
            let span: usize = all(tr, "w:tc")
                .iter()
                .map(|tc| {
                    let pr = tc.find("w:tcPr").unwrap();
                    val(pr, "w:gridSpan").map_or(1, |v| v.parse().unwrap())
                })
                .sum();
            assert_eq!(span, table.columns.len(), "row {r}");
        }
        // Every tree cell that spans rows starts a vertical merge, and the rows below
        // it hold continuation cells in the same grid column.
        for cell in table.cells.iter().filter(|c| c.rowspan > 1) {
            for (r, tr) in rows.iter().enumerate().skip(cell.row).take(cell.rowspan) {
                let tc = cell_at(tr, cell.col);
                let vmerge = tc.find("w:tcPr").unwrap().find("w:vMerge").expect("vMerge");
                let restart = vmerge.get_attr("w:val") == Some("restart");
                assert_eq!(restart, r == cell.row, "{} row {r}", cell.text);
            }
        }
    }
    // 表三's 「三、本年度办理结果」 spans 20 rows; its note spans 3 × 3.
    let apps = tables(&w)[1];
    let note = &apps.cells[0];
    let tc = cell_at(all(tbls[1], "w:tr")[0], 0);
    assert_eq!(val(tc.find("w:tcPr").unwrap(), "w:gridSpan"), Some("3"));
    assert_eq!(tc.text_content(), note.text);
}

/// The `w:tc` of a row whose grid column starts at `col`.
fn cell_at(tr: &Element, col: usize) -> &Element {
    let mut c = 0;
    for tc in all(tr, "w:tc") {
        if c == col {
            return tc;
        }
        c += val(tc.find("w:tcPr").unwrap(), "w:gridSpan").map_or(1, |v| v.parse().unwrap());
    }
    panic!("no cell at column {col}");
}

#[test]
fn header_rows_repeat_and_rows_do_not_split() {
    let w = qianshan();
    let doc = w.xml("word/document.xml");
    for (tbl, table) in all(&doc, "w:tbl").iter().zip(tables(&w)) {
        for (r, tr) in all(tbl, "w:tr").iter().enumerate() {
            let pr = tr.find("w:trPr").expect("trPr");
            assert!(pr.find("w:cantSplit").is_some());
            assert_eq!(pr.find("w:tblHeader").is_some(), r < table.header_rows, "row {r}");
        }
    }
    assert_eq!(tables(&w).iter().map(|t| t.header_rows).collect::<Vec<_>>(), [0, 3, 3]);
}

#[test]
fn widths_are_the_pdfs_in_twips() {
    let w = qianshan();
    let doc = w.xml("word/document.xml");
    for (tbl, table) in all(&doc, "w:tbl").iter().zip(tables(&w)) {
        let grid: Vec<i32> = all(tbl, "w:gridCol")
            .iter()
            .map(|g| g.get_attr("w:w").unwrap().parse().unwrap())
            .collect();
        let expected: Vec<i32> =
            table.columns.iter().map(|&pt| (pt * 20.0).round() as i32).collect();
        assert_eq!(grid, expected);
        let pr = tbl.find("w:tblPr").unwrap();
        let tblw = pr.find("w:tblW").unwrap();
        assert_eq!(tblw.get_attr("w:type"), Some("dxa"));
        assert_eq!(tblw.get_attr("w:w").unwrap().parse::<i32>().unwrap(), grid.iter().sum::<i32>());
        assert_eq!(
            val(pr, "w:tblLayout").or(pr.find("w:tblLayout").and_then(|l| l.get_attr("w:type"))),
            Some("fixed")
        );
        // 0.5 pt single borders all round.
        let borders = pr.find("w:tblBorders").unwrap();
        for b in borders.elements() {
            assert_eq!(b.get_attr("w:val"), Some("single"), "{}", b.name);
            assert_eq!(b.get_attr("w:sz"), Some("4"), "{}", b.name);
        }
        // Cells are centred vertically; their width is the sum of their columns.
        let row = all(tbl, "w:tr")[table.header_rows.min(table.rows - 1)];
        for tc in all(row, "w:tc") {
            let pr = tc.find("w:tcPr").unwrap();
            assert_eq!(val(pr, "w:vAlign"), Some("center"));
        }
    }
}

#[test]
fn cell_alignment_and_style_follow_the_tree() {
    let w = qianshan();
    let doc = w.xml("word/document.xml");
    let apps = tables(&w)[1];
    let tbl = all(&doc, "w:tbl")[1];
    let rows = all(tbl, "w:tr");
    for cell in &apps.cells {
        let tc = cell_at(rows[cell.row], cell.col);
        let ppr = tc.find("w:p").unwrap().find("w:pPr").unwrap();
        let style = val(ppr, "w:pStyle").unwrap();
        let expected_style = match cell.kind {
            CellKind::Caption | CellKind::Header => "TableHeader",
            _ => "TableText",
        };
        assert_eq!(style, expected_style, "{}", cell.text);
        // Table styles centre; a left-aligned label says so directly.
        let jc = val(ppr, "w:jc");
        match cell.align {
            crate::compose::tree::Align::Left => assert_eq!(jc, Some("left"), "{}", cell.text),
            crate::compose::tree::Align::Center => assert_eq!(jc, None, "{}", cell.text),
            _ => {}
        }
    }
}

fn style<'a>(styles: &'a Element, id: &str) -> &'a Element {
    styles
        .elements()
        .find(|s| s.name == "w:style" && s.get_attr("w:styleId") == Some(id))
        .unwrap_or_else(|| panic!("no style {id}"))
}

#[test]
fn named_styles_carry_fonts_and_format() {
    let w = qianshan();
    let styles = w.xml("word/styles.xml");
    let ids = [
        "Normal",
        "Title",
        "Heading1",
        "Heading2",
        "Heading3",
        "Heading4",
        "TableText",
        "TableHeader",
        "Signature",
        "Footer",
    ];
    for id in ids {
        let s = style(&styles, id);
        let fonts = s.find("w:rPr").unwrap().find("w:rFonts").unwrap_or_else(|| panic!("{id}"));
        for slot in ["w:eastAsia", "w:ascii", "w:hAnsi"] {
            assert!(fonts.get_attr(slot).is_some_and(|f| !f.is_empty()), "{id} {slot}");
        }
    }
    assert_eq!(styles.elements().filter(|s| s.get_attr("w:styleId") == Some("Normal")).count(), 1);
    let normal = style(&styles, "Normal");
    assert_eq!(normal.get_attr("w:default"), Some("1"));
    let ppr = normal.find("w:pPr").unwrap();
    assert_eq!(ppr.find("w:ind").unwrap().get_attr("w:firstLineChars"), Some("200"));
    assert_eq!(val(ppr, "w:jc"), Some("both"));
    assert_eq!(val(ppr, "w:overflowPunct"), Some("0"));
    assert!(ppr.find("w:kinsoku").is_some() && val(ppr, "w:kinsoku").is_none());
    assert!(ppr.find("w:autoSpaceDE").is_some() && ppr.find("w:autoSpaceDN").is_some());
    let rpr = normal.find("w:rPr").unwrap();
    assert_eq!(val(rpr, "w:spacing"), Some("-5"), "28 characters of 15.75 pt");
    assert_eq!(val(rpr, "w:sz"), Some("32"));
    assert_eq!(rpr.find("w:rFonts").unwrap().get_attr("w:eastAsia"), Some("FandolFang R"));
    // The title: 22 pt, centred, bold (FandolSong Bold is the bold member of FandolSong).
    let title = style(&styles, "Title");
    assert_eq!(val(title.find("w:pPr").unwrap(), "w:jc"), Some("center"));
    assert_eq!(val(title.find("w:rPr").unwrap(), "w:sz"), Some("44"));
    assert!(title.find("w:rPr").unwrap().find("w:b").is_some());
    assert_eq!(
        title.find("w:pPr").unwrap().find("w:ind").unwrap().get_attr("w:firstLineChars"),
        Some("0")
    );
    // Headings keep with the next paragraph; levels 1–2 are outline levels 0–1.
    for (id, level) in [("Heading1", "0"), ("Heading2", "1"), ("Heading3", "9"), ("Heading4", "9")]
    {
        let ppr = style(&styles, id).find("w:pPr").unwrap();
        assert!(ppr.find("w:keepNext").is_some(), "{id}");
        assert_eq!(val(ppr, "w:outlineLvl"), Some(level), "{id}");
    }
    assert_eq!(
        style(&styles, "Heading1")
            .find("w:rPr")
            .unwrap()
            .find("w:rFonts")
            .unwrap()
            .get_attr("w:eastAsia"),
        Some("FandolHei")
    );
    // The signature keeps four characters free at the right.
    let sig = style(&styles, "Signature").find("w:pPr").unwrap();
    assert_eq!(val(sig, "w:jc"), Some("right"));
    assert_eq!(sig.find("w:ind").unwrap().get_attr("w:rightChars"), Some("400"));
    // Tables: 12 pt, exact 15 pt lines, not on the grid.
    let table = style(&styles, "TableText");
    assert_eq!(val(table.find("w:rPr").unwrap(), "w:sz"), Some("24"));
    assert_eq!(
        table.find("w:pPr").unwrap().find("w:spacing").unwrap().get_attr("w:line"),
        Some("300")
    );
    assert_eq!(val(table.find("w:pPr").unwrap(), "w:snapToGrid"), Some("0"));
    // The defaults: zh-CN for East-Asian text, the line-breaking settings.
    let defaults = styles.find("w:docDefaults").unwrap();
    let lang =
        defaults.find("w:rPrDefault").unwrap().find("w:rPr").unwrap().find("w:lang").unwrap();
    assert_eq!(lang.get_attr("w:eastAsia"), Some("zh-CN"));
}

#[test]
fn libreoffice_flavour_inverts_only_overflow_punct() {
    let opts = DocxOptions { punctuation: Punctuation::LibreOffice, ..DocxOptions::default() };
    let lo = write("qianshan-2019.yaml", &opts);
    let word = qianshan();
    let styles = lo.xml("word/styles.xml");
    assert_eq!(val(style(&styles, "Normal").find("w:pPr").unwrap(), "w:overflowPunct"), Some("1"));
    assert_eq!(lo.parts["word/document.xml"], word.parts["word/document.xml"]);
}

#[test]
fn page_setup_grid_and_footers() {
    let w = qianshan();
    let doc = w.xml("word/document.xml");
    let sect = doc.find("w:body").unwrap().find("w:sectPr").unwrap();
    let size = sect.find("w:pgSz").unwrap();
    assert_eq!((size.get_attr("w:w"), size.get_attr("w:h")), (Some("11906"), Some("16838")));
    let mar = sect.find("w:pgMar").unwrap();
    let m = |k: &str| mar.get_attr(k).unwrap().parse::<i32>().unwrap();
    assert_eq!((m("w:top"), m("w:bottom"), m("w:left"), m("w:right")), (2098, 1984, 1587, 1474));
    // The page number's top is 7 mm under the type area: 28 mm above the paper edge.
    assert_eq!(m("w:footer") + 280, 1587);
    let grid = sect.find("w:docGrid").unwrap();
    assert_eq!(grid.get_attr("w:type"), Some("lines"));
    assert_eq!(grid.get_attr("w:linePitch"), Some("579"));
    assert_eq!(grid.get_attr("w:charSpace"), None);
    // Odd pages use the default footer, even pages the even one.
    let refs: BTreeMap<&str, &str> = all(sect, "w:footerReference")
        .iter()
        .map(|r| (r.get_attr("w:type").unwrap(), r.get_attr("r:id").unwrap()))
        .collect();
    assert_eq!(refs.keys().copied().collect::<Vec<_>>(), ["default", "even"]);
    let settings = w.xml("word/settings.xml");
    assert!(settings.find("w:evenAndOddHeaders").is_some());
    assert!(settings.find("w:embedTrueTypeFonts").is_some());
    assert_eq!(val(&settings, "w:characterSpacingControl"), Some("doNotCompress"));
    let rels = w.xml("word/_rels/document.xml.rels");
    let target = |id: &str| {
        rels.elements()
            .find(|r| r.get_attr("Id") == Some(id))
            .and_then(|r| r.get_attr("Target"))
            .unwrap()
            .to_string()
    };
    for (kind, align, ind) in [("default", "right", "w:right"), ("even", "left", "w:left")] {
        let footer = w.xml(&format!("word/{}", target(refs[kind])));
        let p = footer.find("w:p").unwrap();
        let ppr = p.find("w:pPr").unwrap();
        assert_eq!(val(ppr, "w:pStyle"), Some("Footer"));
        assert_eq!(val(ppr, "w:jc"), Some(align), "{kind}");
        // One grid character (15.79 pt) of inset.
        assert_eq!(ppr.find("w:ind").unwrap().get_attr(ind), Some("316"), "{kind}");
        assert_eq!(all(p, "w:instrText")[0].text_content().trim(), "PAGE");
        assert_eq!(all(p, "w:fldChar").len(), 3);
        let text: String = all(p, "w:t").iter().map(|t| t.text_content()).collect();
        assert_eq!(text, "— 1 —");
    }
    let styles = w.xml("word/styles.xml");
    assert_eq!(val(style(&styles, "Footer").find("w:rPr").unwrap(), "w:sz"), Some("28"));
}

#[test]
fn body_text_keeps_every_character_and_hints_quotes() {
    let w = qianshan();
    let doc = w.xml("word/document.xml");
    let body = doc.find("w:body").unwrap();
    let paragraphs: Vec<&Element> = body.elements().filter(|e| e.name == "w:p").collect();
    let tree: Vec<String> = paragraph_texts(&w.doc);
    assert_eq!(paragraphs.len(), tree.len());
    for (p, text) in paragraphs.iter().zip(&tree) {
        let got: String = all(p, "w:t").iter().map(|t| t.text_content()).collect();
        assert_eq!(&got, text);
    }
    // A run with “ ” is hinted East Asian and names the CJK face in every slot, so
    // that neither Word nor LibreOffice sets the quotes in the Latin font.
    let quoted = all(&doc, "w:r")
        .into_iter()
        .find(|r| all(r, "w:t").iter().any(|t| t.text_content().contains('“')))
        .expect("a quotation mark");
    let fonts = quoted.find("w:rPr").unwrap().find("w:rFonts").unwrap();
    assert_eq!(fonts.get_attr("w:hint"), Some("eastAsia"));
    assert_eq!(fonts.get_attr("w:ascii"), fonts.get_attr("w:eastAsia"));
    // Digits are set in the Latin font at their own width: no grid compression.
    let digits = paragraphs
        .iter()
        .filter(|p| p.find("w:pPr").and_then(|ppr| val(ppr, "w:pStyle")) == Some("Normal"))
        .flat_map(|p| all(p, "w:r"))
        .find(|r| all(r, "w:t").iter().any(|t| t.text_content() == "2019"))
        .expect("a year in body text");
    assert_eq!(val(digits.find("w:rPr").unwrap(), "w:spacing"), Some("0"));
    // The title breaks where the PDF's balanced title breaks: before the year.
    let title = paragraphs[0];
    assert_eq!(all(title, "w:br").len(), 1);
    let first_line: String = title
        .elements()
        .take_while(|r| all(r, "w:br").is_empty())
        .flat_map(|r| all(r, "w:t"))
        .map(|t| t.text_content())
        .collect();
    assert_eq!(first_line, "潜山市人民政府办公室");
}

#[test]
fn paragraph_spacing_in_grid_lines() {
    let w = qianshan();
    let doc = w.xml("word/document.xml");
    let body = doc.find("w:body").unwrap();
    let blocks = w.doc.blocks.iter().filter(|b| !matches!(b, Block::Visual(_)));
    for (p, block) in body.elements().filter(|e| e.name != "w:sectPr").zip(blocks) {
        let Block::Paragraph(par) = block else { continue };
        let spacing = p.find("w:pPr").and_then(|ppr| ppr.find("w:spacing"));
        if par.space_before_lines > 0.0 {
            let s = spacing.expect("spacing");
            let lines = (par.space_before_lines * 100.0).round() as i32;
            assert_eq!(s.get_attr("w:beforeLines"), Some(lines.to_string().as_str()));
            assert_eq!(
                s.get_attr("w:before"),
                Some(((par.space_before_lines * 579.0).round() as i32).to_string().as_str())
            );
        }
        if par.space_after_lines > 0.0 {
            let s = spacing.expect("spacing");
            assert_eq!(
                s.get_attr("w:afterLines"),
                Some(((par.space_after_lines * 100.0).round() as i32).to_string().as_str())
            );
        }
    }
    let _ = &w.style;
}

#[test]
fn properties_come_from_the_report() {
    let w = qianshan();
    let core = w.xml("docProps/core.xml");
    let text = |name: &str| core.find(name).map(|e| e.text_content()).unwrap_or_default();
    assert_eq!(text("dc:title"), w.doc.meta.title);
    assert_eq!(text("dc:creator"), w.doc.meta.author);
    assert_eq!(text("dc:language"), "zh-CN");
    let (y, m, d) = w.doc.meta.date.unwrap();
    let date = format!("{y:04}-{m:02}-{d:02}T00:00:00Z");
    assert_eq!(text("dcterms:created"), date);
    assert_eq!(text("dcterms:modified"), date);
}

#[test]
fn output_is_deterministic() {
    let a = qianshan();
    let b = qianshan();
    assert!(a.bytes == b.bytes, "two writes of the same report differ");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&a.bytes)).unwrap();
    assert_eq!(archive.by_index(0).unwrap().name(), "[Content_Types].xml");
    for i in 0..archive.len() {
        let file = archive.by_index(i).unwrap();
        let t = file.last_modified().unwrap();
        assert_eq!((t.year(), t.month(), t.day()), (1980, 1, 1), "{}", file.name());
    }
}

#[test]
fn fonts_are_embedded_as_obfuscated_truetype_subsets() {
    let w = qianshan();
    let table = w.xml("word/fontTable.xml");
    let rels = w.xml("word/_rels/fontTable.xml.rels");
    let mut embedded = 0;
    for font in table.elements() {
        for slot in ["w:embedRegular", "w:embedBold"] {
            let Some(embed) = font.find(slot) else { continue };
            embedded += 1;
            let id = embed.get_attr("r:id").unwrap();
            let key = embed.get_attr("w:fontKey").unwrap();
            let target = rels
                .elements()
                .find(|r| r.get_attr("Id") == Some(id))
                .and_then(|r| r.get_attr("Target"))
                .unwrap();
            let mut data = w.parts[&format!("word/{target}")].clone();
            assert!(ttf_parser::Face::parse(&data, 0).is_err(), "obfuscated");
            obfuscate(&mut data, key);
            let face = ttf_parser::Face::parse(&data, 0).expect("a font after de-obfuscation");
            assert!(face.tables().glyf.is_some(), "TrueType outlines");
            assert!(face.number_of_glyphs() < 2000, "a subset");
            let family = font.get_attr("w:name").unwrap();
            if family.starts_with("Fandol") {
                let mapped =
                    "一二三四五六年（）、，。—".chars().filter(|&c| face.glyph_index(c).is_some());
                assert!(mapped.count() > 0, "{family}: a cmap that maps the text");
            }
            if slot == "w:embedBold" {
                assert!(face.is_bold() && face.weight().to_number() >= 700, "{family} bold");
            }
        }
    }
    for r in &w.report {
        eprintln!(
            "{} {}: {} characters → {} bytes",
            r.family,
            if r.bold { "bold" } else { "regular" },
            r.chars,
            r.bytes
        );
    }
    assert!(embedded >= 5, "{embedded} faces embedded");
    assert!(w.report.iter().all(|r| r.skipped.is_none()), "{:?}", w.report);
    let types = w.xml("[Content_Types].xml");
    assert!(types.elements().any(|d| d.get_attr("Extension") == Some("odttf")));
    assert!(w.bytes.len() < 600 * 1024, "{} bytes", w.bytes.len());
}

#[test]
fn fonts_can_be_left_out() {
    let opts = DocxOptions { embed_fonts: false, ..DocxOptions::default() };
    let w = write("qianshan-2019.yaml", &opts);
    assert!(!w.parts.keys().any(|k| k.ends_with(".odttf")));
    assert!(w.xml("word/settings.xml").find("w:embedTrueTypeFonts").is_none());
    // Still named, with their signatures.
    let table = w.xml("word/fontTable.xml");
    assert!(table
        .elements()
        .any(|f| f.get_attr("w:name") == Some("FandolFang R") && f.find("w:sig").is_some()));
    assert!(w.bytes.len() < 100 * 1024);
}

#[test]
fn docx_rs_reads_it_back() {
    let w = write("huaian-2024.yaml", &DocxOptions::default());
    let read = docx_rs::read_docx(&w.bytes).expect("docx-rs reads our DOCX");
    let tables = read
        .document
        .children
        .iter()
        .filter(|c| matches!(c, docx_rs::DocumentChild::Table(_)))
        .count();
    assert_eq!(tables, 3);
    let paragraphs: Vec<String> = read
        .document
        .children
        .iter()
        .filter_map(|c| match c {
            // The title's line break reads back as a newline.
            docx_rs::DocumentChild::Paragraph(p) => Some(p.raw_text().replace('\n', "")),
            _ => None,
        })
        .collect();
    let expected: Vec<String> = paragraph_texts(&w.doc);
    assert_eq!(paragraphs, expected);
    assert_eq!(read.document.section_property.get_footers().len(), 2);
}

#[test]
fn every_sample_writes_in_schema_order() {
    for name in ["minimal.yaml", "huaian-2024.yaml", "qianshan-2019.yaml"] {
        let w = write(name, &DocxOptions::default());
        let doc = w.xml("word/document.xml");
        assert_eq!(first_disorder(&doc), None, "{name}");
        let body = doc.find("w:body").unwrap();
        let expected = w.doc.blocks.iter().filter(|b| !matches!(b, Block::Visual(_))).count();
        assert_eq!(body.elements().filter(|e| e.name != "w:sectPr").count(), expected, "{name}");
    }
}

/// The text of each paragraph block of the tree, in order.
fn paragraph_texts(doc: &Document) -> Vec<String> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.inlines.iter().map(|i| i.text.as_str()).collect()),
            Block::Table(_) | Block::Visual(_) => None,
        })
        .collect()
}
