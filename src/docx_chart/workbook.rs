//! The embedded workbook that holds a chart's data (ISO 29500-1 §21.2.2 externalData,
//! §12 SpreadsheetML): the clerk edits it through Word's 「编辑数据」, and Word refreshes the
//! chart's caches from it.
//!
//! One sheet, `Sheet1`: categories in column A from row 2, series names in row 1 from
//! column B, each series' values in its column below its name. Strings are shared strings
//! (§18.4), numbers are plain `<v>` cells. The package holds the minimal set of parts
//! Excel, WPS and LibreOffice open without repair: workbook, worksheet, styles, shared
//! strings, theme and their relationships.

use std::io::{Cursor, Write as _};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::xml::{escape, Xml};

/// The sheet name used in every formula of the chart (`Sheet1!$A$2:$A$5`).
pub const SHEET_NAME: &str = "Sheet1";

const NS_MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const NS_CT: &str = "http://schemas.openxmlformats.org/package/2006/content-types";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

/// The column letters of a 0-based column index (0 → `A`, 25 → `Z`, 26 → `AA`).
pub fn column_letters(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// The absolute reference of a cell on the data sheet (`Sheet1!$B$1`); `row` is 1-based.
pub fn cell_ref(column: usize, row: usize) -> String {
    format!("{SHEET_NAME}!${}${row}", column_letters(column))
}

/// The absolute reference of a vertical range on the data sheet (`Sheet1!$A$2:$A$5`).
pub fn range_ref(column: usize, first_row: usize, last_row: usize) -> String {
    let c = column_letters(column);
    format!("{SHEET_NAME}!${c}${first_row}:${c}${last_row}")
}

/// A number as written in a cell or a chart cache: the shortest decimal that reads back
/// as the same `f64` (xsd:double lexical form, no exponent for the magnitudes reports
/// hold). The caller has checked that it is finite.
pub fn number(v: f64) -> String {
    if v == 0.0 {
        // Also turns −0 into 0.
        return "0".into();
    }
    format!("{v}")
}

/// Builds the `.xlsx` bytes: `categories` in A2…, each `(name, values)` in its column.
pub fn xlsx(categories: &[String], series: &[(&str, &[f64])]) -> zip::result::ZipResult<Vec<u8>> {
    let mut strings = SharedStrings::default();
    let sheet = worksheet(categories, series, &mut strings);
    let parts: [(&str, String); 8] = [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", package_rels()),
        ("xl/workbook.xml", workbook()),
        ("xl/_rels/workbook.xml.rels", workbook_rels()),
        ("xl/worksheets/sheet1.xml", sheet),
        ("xl/styles.xml", styles()),
        ("xl/sharedStrings.xml", strings.xml()),
        ("xl/theme/theme1.xml", THEME.to_string()),
    ];
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    // A fixed timestamp keeps the output byte-for-byte reproducible.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    for (name, xml) in parts {
        zip.start_file(name, options)?;
        zip.write_all(xml.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

/// Shared strings in order of first use (§18.4 sst).
#[derive(Default)]
struct SharedStrings {
    items: Vec<String>,
    uses: usize,
}

impl SharedStrings {
    fn index(&mut self, s: &str) -> usize {
        self.uses += 1;
        match self.items.iter().position(|x| x == s) {
            Some(i) => i,
            None => {
                self.items.push(s.to_string());
                self.items.len() - 1
            }
        }
    }

    fn xml(&self) -> String {
        let mut x = Xml::new();
        let (count, unique) = (self.uses.to_string(), self.items.len().to_string());
        x.open("sst", &[("xmlns", NS_MAIN), ("count", &count), ("uniqueCount", &unique)]);
        for s in &self.items {
            // xml:space="preserve" keeps leading/trailing blanks a label may carry.
            x.open("si", &[]).raw(&format!("<t xml:space=\"preserve\">{}</t>", escape(s)));
            x.close("si");
        }
        x.close("sst");
        x.finish()
    }
}

/// §18.3.1 worksheet, children in CT_Worksheet order: dimension, sheetViews,
/// sheetFormatPr, cols, sheetData, pageMargins.
fn worksheet(
    categories: &[String],
    series: &[(&str, &[f64])],
    strings: &mut SharedStrings,
) -> String {
    let last_col = column_letters(series.len());
    let last_row = categories.len() + 1;
    let mut x = Xml::new();
    x.open("worksheet", &[("xmlns", NS_MAIN), ("xmlns:r", NS_R)]);
    x.empty("dimension", &[("ref", &format!("A1:{last_col}{last_row}"))]);
    x.open("sheetViews", &[]);
    x.empty("sheetView", &[("tabSelected", "1"), ("workbookViewId", "0")]);
    x.close("sheetViews");
    x.empty("sheetFormatPr", &[("defaultRowHeight", "15")]);
    // Column A is wide enough for the longest category (CJK characters count double).
    let widest = categories.iter().map(|c| display_width(c)).max().unwrap_or(8);
    let a_width = (widest as f64 + 2.0).clamp(10.0, 60.0).to_string();
    let names_width = series.iter().map(|(n, _)| display_width(n)).max().unwrap_or(8);
    let b_width = (names_width as f64 + 2.0).clamp(10.0, 30.0).to_string();
    x.open("cols", &[]);
    x.empty("col", &[("min", "1"), ("max", "1"), ("width", &a_width), ("customWidth", "1")]);
    if !series.is_empty() {
        let max = series.len().to_string();
        x.empty("col", &[("min", "2"), ("max", &max), ("width", &b_width), ("customWidth", "1")]);
    }
    x.close("cols");
    x.open("sheetData", &[]);
    // Row 1: the series names from column B.
    x.open("row", &[("r", "1")]);
    for (j, (name, _)) in series.iter().enumerate() {
        let i = strings.index(name).to_string();
        let r = format!("{}1", column_letters(j + 1));
        x.open("c", &[("r", &r), ("t", "s")]).text("v", &i).close("c");
    }
    x.close("row");
    // Rows 2…: the category in A, then one value per series.
    for (i, cat) in categories.iter().enumerate() {
        let row = (i + 2).to_string();
        x.open("row", &[("r", &row)]);
        let s = strings.index(cat).to_string();
        x.open("c", &[("r", &format!("A{row}")), ("t", "s")]).text("v", &s).close("c");
        for (j, (_, values)) in series.iter().enumerate() {
            if let Some(v) = values.get(i) {
                let r = format!("{}{row}", column_letters(j + 1));
                x.open("c", &[("r", &r)]).text("v", &number(*v)).close("c");
            }
        }
        x.close("row");
    }
    x.close("sheetData");
    x.empty(
        "pageMargins",
        &[
            ("left", "0.7"),
            ("right", "0.7"),
            ("top", "0.75"),
            ("bottom", "0.75"),
            ("header", "0.3"),
            ("footer", "0.3"),
        ],
    );
    x.close("worksheet");
    x.finish()
}

/// Column width units of a label: CJK and other wide characters count two.
fn display_width(s: &str) -> usize {
    s.chars().map(|c| if (c as u32) >= 0x1100 { 2 } else { 1 }).sum()
}

fn content_types() -> String {
    let mut x = Xml::new();
    x.open("Types", &[("xmlns", NS_CT)]);
    x.empty(
        "Default",
        &[
            ("Extension", "rels"),
            ("ContentType", "application/vnd.openxmlformats-package.relationships+xml"),
        ],
    );
    x.empty("Default", &[("Extension", "xml"), ("ContentType", "application/xml")]);
    let sml = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
    for (part, ty) in [
        ("/xl/workbook.xml", "sheet.main+xml"),
        ("/xl/worksheets/sheet1.xml", "worksheet+xml"),
        ("/xl/styles.xml", "styles+xml"),
        ("/xl/sharedStrings.xml", "sharedStrings+xml"),
    ] {
        x.empty("Override", &[("PartName", part), ("ContentType", &format!("{sml}{ty}"))]);
    }
    x.empty(
        "Override",
        &[
            ("PartName", "/xl/theme/theme1.xml"),
            ("ContentType", "application/vnd.openxmlformats-officedocument.theme+xml"),
        ],
    );
    x.close("Types");
    x.finish()
}

fn package_rels() -> String {
    let mut x = Xml::new();
    x.open("Relationships", &[("xmlns", NS_PKG_RELS)]);
    x.empty(
        "Relationship",
        &[("Id", "rId1"), ("Type", &format!("{REL}officeDocument")), ("Target", "xl/workbook.xml")],
    );
    x.close("Relationships");
    x.finish()
}

/// §18.2 workbook: bookViews, sheets (CT_Workbook order).
fn workbook() -> String {
    let mut x = Xml::new();
    x.open("workbook", &[("xmlns", NS_MAIN), ("xmlns:r", NS_R)]);
    x.open("bookViews", &[]).empty("workbookView", &[]).close("bookViews");
    x.open("sheets", &[]);
    x.empty("sheet", &[("name", SHEET_NAME), ("sheetId", "1"), ("r:id", "rId1")]);
    x.close("sheets");
    x.close("workbook");
    x.finish()
}

fn workbook_rels() -> String {
    let mut x = Xml::new();
    x.open("Relationships", &[("xmlns", NS_PKG_RELS)]);
    for (id, ty, target) in [
        ("rId1", "worksheet", "worksheets/sheet1.xml"),
        ("rId2", "styles", "styles.xml"),
        ("rId3", "sharedStrings", "sharedStrings.xml"),
        ("rId4", "theme", "theme/theme1.xml"),
    ] {
        x.empty("Relationship", &[("Id", id), ("Type", &format!("{REL}{ty}")), ("Target", target)]);
    }
    x.close("Relationships");
    x.finish()
}

/// A minimal theme (ISO/IEC 29500-1 §20.1.6): the 政务蓝 colours, Arial/黑体, three of
/// each format style (the minimum the schema allows), flat.
pub(super) const THEME: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"nianbao\"><a:themeElements>\
<a:clrScheme name=\"nianbao\">\
<a:dk1><a:srgbClr val=\"000000\"/></a:dk1><a:lt1><a:srgbClr val=\"FFFFFF\"/></a:lt1>\
<a:dk2><a:srgbClr val=\"1A1A1A\"/></a:dk2><a:lt2><a:srgbClr val=\"EEF3FA\"/></a:lt2>\
<a:accent1><a:srgbClr val=\"1F4E9D\"/></a:accent1><a:accent2><a:srgbClr val=\"2F80C8\"/></a:accent2>\
<a:accent3><a:srgbClr val=\"E6A700\"/></a:accent3><a:accent4><a:srgbClr val=\"7FB2E5\"/></a:accent4>\
<a:accent5><a:srgbClr val=\"0B2E63\"/></a:accent5><a:accent6><a:srgbClr val=\"9DA9B8\"/></a:accent6>\
<a:hlink><a:srgbClr val=\"1F4E9D\"/></a:hlink><a:folHlink><a:srgbClr val=\"6B6B6B\"/></a:folHlink>\
</a:clrScheme>\
<a:fontScheme name=\"nianbao\">\
<a:majorFont><a:latin typeface=\"Arial\"/><a:ea typeface=\"黑体\"/><a:cs typeface=\"Arial\"/></a:majorFont>\
<a:minorFont><a:latin typeface=\"Arial\"/><a:ea typeface=\"黑体\"/><a:cs typeface=\"Arial\"/></a:minorFont>\
</a:fontScheme>\
<a:fmtScheme name=\"nianbao\">\
<a:fillStyleLst><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:fillStyleLst>\
<a:lnStyleLst><a:ln w=\"9525\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln><a:ln w=\"12700\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln><a:ln w=\"19050\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln></a:lnStyleLst>\
<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>\
<a:bgFillStyleLst><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:bgFillStyleLst>\
</a:fmtScheme></a:themeElements></a:theme>";

/// §18.8 styleSheet with the one cell format every cell uses (CT_Stylesheet order:
/// fonts, fills, borders, cellStyleXfs, cellXfs, cellStyles). The two fills are the ones
/// Excel reserves (none, gray125).
fn styles() -> String {
    format!(
        "{decl}<styleSheet xmlns=\"{NS_MAIN}\">\
<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"等线\"/><family val=\"2\"/><charset val=\"134\"/></font></fonts>\
<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>\
<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>\
<cellXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/></cellXfs>\
<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>\
</styleSheet>",
        decl = super::xml::DECLARATION
    )
}
