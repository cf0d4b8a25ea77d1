//! End-to-end tests: hand-built pages, written to PDF, read back with poppler's tools
//! (`pdftotext`, `pdffonts`, `pdfinfo`, `pdftohtml`, `pdfimages`). The tools are
//! required: without them the tests fail, they never skip.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, OnceLock};

use super::{write_pdf, PdfError, PdfOptions};
use crate::compose::tree::Meta;
use crate::fonts::{FontBook, FontId, LoadedFace};
use crate::layout::frame::{
    Glyph, ImageItem, Item, LineItem, OutlineEntry, Page, PagedDocument, PathItem, PathSegment,
    Point, RectItem, Rgb, TextRun,
};

const A4: (f32, f32) = (595.28, 841.89);
const FANG: FontId = FontId(0);
const SERIF: FontId = FontId(1);

const TITLE: &str = "淮安市人民政府2024年政府信息公开工作年度报告";
const SENTENCE: &str =
    "如有疑问，请与“政务公开”专栏联系（电话：0517-83605210，邮箱：hazwgkc@163.com）。";

/// ~600 characters of report prose (淮安市 2024 report), for the size measurement.
const PROSE: &str =
    "本报告由淮安市人民政府办公室根据《中华人民共和国政府信息公开条例》（国令第711号）\
（以下简称《条例》）规定编制。报告所列统计期限自2024年1月1日至2024年12月31日。如对本报告有疑问，\
请与淮安市人民政府办公室联系（地址：淮安市翔宇南道1号，邮编：223001，电话：0517-83605210，\
电子邮箱：hazwgkc@163.com）。2024年，我市坚持以习近平新时代中国特色社会主义思想为指导，\
认真学习宣传贯彻党的二十大和二十届二中、三中全会精神，按照党中央国务院、省委省政府决策部署和\
市委工作要求，严格落实《中华人民共和国政府信息公开条例》各项规定，圆满完成了各项任务。\
（一）主动公开情况。2024年，市政府网站主动公开各类政府信息5500余条，全年新增公开市政府规章1件、\
市政府及市政府办政策性文件11件，通过文字、图片等形式制作政策解读21个，制作《淮安市人民政府公报》\
6期。紧紧围绕保障民生、深化改革、科技创新等工作主线，组织召开了“春节前后服务企业用工和促进返乡\
人员就业创业专项活动”“建设‘四最’一流营商环境高质量推进产业发展”“加快建设长三角北部重要产业\
科技创新高地的若干政策”等新闻发布会12场，努力传递政府声音、宣传政策法规、回应舆论关切。\
（二）依申请公开情况。定期对政府信息公开申请集中的领域和热点问题进行研判，探索从源头上解决实际\
问题。着力强化与申请人的直接沟通，准确了解申请人诉求，提高答复的";

// ---------------------------------------------------------------------------------------
// Building pages by hand

fn font_book() -> FontBook {
    let face = |file: &str| {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fonts").join(file);
        let data = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        LoadedFace {
            data: Arc::new(data).into(),
            index: 0,
            path,
            postscript_name: String::new(),
            family: String::new(),
        }
    };
    let mut book = FontBook::default();
    book.faces = vec![face("FandolFang-Regular.otf"), face("LiberationSerif-Regular.ttf")];
    book
}

fn fonts() -> &'static FontBook {
    static BOOK: OnceLock<FontBook> = OnceLock::new();
    BOOK.get_or_init(font_book)
}

/// Sets `text` on one baseline from `origin`: ASCII in Liberation Serif, the rest in
/// FandolFang, one run per font change; glyph ids and advances from ttf-parser.
fn shape(text: &str, size: f32, origin: Point, embolden: f32) -> Vec<Item> {
    let book = fonts();
    let faces: Vec<_> = book
        .faces
        .iter()
        .map(|f| ttf_parser::Face::parse(&f.data, f.index).expect("bundled font parses"))
        .collect();
    let mut runs: Vec<TextRun> = Vec::new();
    let mut x = origin.x;
    for ch in text.chars() {
        let font = if ch.is_ascii() { SERIF } else { FANG };
        let face = &faces[font.0 as usize];
        let id = face.glyph_index(ch).unwrap_or_else(|| panic!("no glyph for {ch:?}"));
        let advance =
            f32::from(face.glyph_hor_advance(id).unwrap()) * size / f32::from(face.units_per_em());
        if runs.last().is_none_or(|run| run.font != font) {
            runs.push(TextRun {
                font,
                size,
                origin: Point::new(x, origin.y),
                color: Rgb::BLACK,
                embolden,
                text: String::new(),
                glyphs: Vec::new(),
            });
        }
        let run = runs.last_mut().expect("pushed above");
        let start = run.text.len();
        run.text.push(ch);
        run.glyphs.push(Glyph {
            id: id.0,
            advance,
            x_offset: 0.0,
            text_range: start..run.text.len(),
        });
        x += advance;
    }
    runs.into_iter().map(Item::Text).collect()
}

fn page(items: Vec<Item>) -> Page {
    Page { width: A4.0, height: A4.1, items }
}

fn meta() -> Meta {
    Meta {
        title: TITLE.to_owned(),
        author: "淮安市人民政府办公室".to_owned(),
        subject: "政府信息公开工作年度报告".to_owned(),
        keywords: vec!["政府信息公开".to_owned(), "年度报告".to_owned()],
        language: "zh-CN".to_owned(),
        date: Some((2025, 1, 20)),
    }
}

/// Two A4 pages: an emboldened title, the test sentence, a rule, a shaded box, a
/// closed curve and nested bookmarks.
fn sample() -> PagedDocument {
    let mut first = shape(TITLE, 16.0, Point::new(79.0, 120.0), 0.4);
    first.extend(shape(SENTENCE, 10.5, Point::new(79.0, 160.0), 0.0));
    first.push(Item::Line(LineItem {
        from: Point::new(79.0, 170.0),
        to: Point::new(521.0, 170.0),
        width: 0.75,
        color: Rgb::BLACK,
    }));
    first.push(Item::Rect(RectItem {
        origin: Point::new(79.0, 200.0),
        width: 200.0,
        height: 40.0,
        fill: Some(Rgb(230, 230, 230)),
        stroke: Some((Rgb(192, 0, 0), 1.0)),
    }));
    first.push(Item::Path(PathItem {
        segments: vec![
            PathSegment::MoveTo(Point::new(400.0, 200.0)),
            PathSegment::LineTo(Point::new(450.0, 200.0)),
            PathSegment::CubicTo(
                Point::new(450.0, 230.0),
                Point::new(420.0, 250.0),
                Point::new(400.0, 250.0),
            ),
            PathSegment::Close,
        ],
        fill: Some(Rgb(31, 119, 180)),
        stroke: None,
    }));
    let second = shape("（一）主动公开情况", 16.0, Point::new(79.0, 120.0), 0.0);
    PagedDocument {
        pages: vec![page(first), page(second)],
        outline: vec![OutlineEntry {
            title: "一、总体情况".to_owned(),
            page: 0,
            y: 100.0,
            children: vec![OutlineEntry {
                title: "（一）主动公开情况".to_owned(),
                page: 1,
                y: 100.0,
                children: Vec::new(),
            }],
        }],
    }
}

/// The sample written with the default options (once per test binary).
fn sample_pdf() -> &'static [u8] {
    static PDF: OnceLock<Vec<u8>> = OnceLock::new();
    PDF.get_or_init(|| write_pdf(&sample(), fonts(), &meta(), &PdfOptions::default()).unwrap())
}

/// About 600 characters of body text (16 pt, 28 per line) on one A4 page.
fn prose_page() -> PagedDocument {
    let chars: Vec<char> = PROSE.chars().collect();
    let items = chars
        .chunks(28)
        .enumerate()
        .flat_map(|(i, line)| {
            let text: String = line.iter().collect();
            shape(&text, 16.0, Point::new(79.37, 130.0 + 28.95 * i as f32), 0.0)
        })
        .collect();
    PagedDocument { pages: vec![page(items)], outline: Vec::new() }
}

// ---------------------------------------------------------------------------------------
// poppler

/// Runs poppler's `tool` with `args` and returns its standard output. Panics with a
/// clear message when the tool is not installed or fails.
fn poppler(tool: &str, args: &[&str]) -> String {
    let output = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("cannot run `{tool}` ({e}): the PDF tests need poppler-utils (apt-get install poppler-utils)")
    });
    assert!(
        output.status.success(),
        "`{tool} {}` failed: {}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("poppler prints UTF-8")
}

/// `pdf` in a temporary file, for the command-line tools.
fn temp_pdf(pdf: &[u8]) -> tempfile::NamedTempFile {
    let mut file = tempfile::Builder::new().suffix(".pdf").tempfile().unwrap();
    file.write_all(pdf).unwrap();
    file.flush().unwrap();
    file
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

// ---------------------------------------------------------------------------------------
// Tests

#[test]
fn output_is_a_pdf_and_byte_identical_when_written_twice() {
    let first = sample_pdf();
    assert!(first.starts_with(b"%PDF-"), "no PDF header");
    let second = write_pdf(&sample(), &font_book(), &meta(), &PdfOptions::default()).unwrap();
    assert!(first == second.as_slice(), "two writes of the same input differ");
}

#[test]
fn text_extracts_exactly() {
    let file = temp_pdf(sample_pdf());
    let text = poppler("pdftotext", &["-raw", "-f", "1", "-l", "1", path_str(file.path()), "-"]);
    let lines: Vec<&str> = text.lines().map(str::trim_end).filter(|l| !l.is_empty()).collect();
    assert_eq!(lines, [TITLE, SENTENCE]);
}

#[test]
fn every_font_is_embedded_and_subset() {
    let file = temp_pdf(sample_pdf());
    let listing = poppler("pdffonts", &[path_str(file.path())]);
    // name  type  encoding  emb sub uni  object ID  (the first two lines are the header)
    let rows: Vec<Vec<&str>> =
        listing.lines().skip(2).map(|line| line.split_whitespace().collect()).collect();
    assert_eq!(rows.len(), 2, "expected FandolFang and Liberation Serif:\n{listing}");
    for row in &rows {
        let n = row.len();
        assert_eq!(&row[n - 5..n - 2], ["yes", "yes", "yes"], "emb sub uni:\n{listing}");
        assert!(row[0].contains('+'), "subset names carry a tag: {}", row[0]);
    }
    assert!(listing.contains("FandolFang-Regular"), "{listing}");
    assert!(listing.contains("LiberationSerif"), "{listing}");
}

#[test]
fn info_has_metadata_page_size_and_pdf_a() {
    let file = temp_pdf(sample_pdf());
    let info = poppler("pdfinfo", &["-isodates", path_str(file.path())]);
    let field = |name: &str| {
        info.lines()
            .find_map(|line| line.strip_prefix(name)?.strip_prefix(':'))
            .map(str::trim)
            .unwrap_or_else(|| panic!("pdfinfo has no {name}:\n{info}"))
    };
    assert_eq!(field("Title"), TITLE);
    assert_eq!(field("Author"), "淮安市人民政府办公室");
    assert_eq!(field("Subject"), "政府信息公开工作年度报告");
    assert_eq!(field("Keywords"), "政府信息公开, 年度报告");
    assert_eq!(field("Creator"), concat!("nianbao ", env!("CARGO_PKG_VERSION")));
    assert_eq!(field("CreationDate"), "2025-01-20T00:00:00+08");
    assert_eq!(field("ModDate"), "2025-01-20T00:00:00+08");
    assert_eq!(field("Pages"), "2");
    assert!(field("Page size").starts_with("595.28 x 841.89 pts"), "{info}");

    let xmp = poppler("pdfinfo", &["-meta", path_str(file.path())]);
    assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>"), "{xmp}");
    assert!(xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"), "{xmp}");
    assert!(xmp.contains("zh-CN"), "no language in XMP:\n{xmp}");
}

#[test]
fn outline_is_nested_and_points_at_pages() {
    let file = temp_pdf(sample_pdf());
    let xml = poppler("pdftohtml", &["-xml", "-i", "-stdout", "-q", path_str(file.path())]);
    let nested = "<outline>\n<item page=\"1\">一、总体情况</item>\n<outline>\n\
                  <item page=\"2\">（一）主动公开情况</item>\n</outline>\n</outline>";
    assert!(xml.contains(nested), "expected\n{nested}\nin\n{xml}");
    // Both bookmarks jump to y = 100 pt from the top: 841.89 - 100 in PDF space.
    let target = b"/XYZ 0 741.89 0]";
    assert_eq!(sample_pdf().windows(target.len()).filter(|w| w == target).count(), 2);
}

#[test]
fn images_are_embedded_and_jpeg_is_not_reencoded() {
    let encode = |format| {
        let image =
            image::RgbImage::from_fn(8, 8, |x, y| image::Rgb([x as u8 * 30, y as u8 * 30, 90]));
        let mut bytes = std::io::Cursor::new(Vec::new());
        image.write_to(&mut bytes, format).unwrap();
        Arc::new(bytes.into_inner())
    };
    let jpeg = encode(image::ImageFormat::Jpeg);
    let png = encode(image::ImageFormat::Png);
    let placed = |data: &Arc<Vec<u8>>, is_jpeg: bool, x: f32| {
        Item::Image(ImageItem {
            origin: Point::new(x, 100.0),
            width: 80.0,
            height: 80.0,
            data: data.clone(),
            jpeg: is_jpeg,
        })
    };
    let doc = PagedDocument {
        pages: vec![page(vec![placed(&jpeg, true, 80.0), placed(&png, false, 200.0)])],
        outline: Vec::new(),
    };
    let pdf = write_pdf(&doc, fonts(), &meta(), &PdfOptions::default()).unwrap();
    assert!(pdf.windows(jpeg.len()).any(|w| w == jpeg.as_slice()), "JPEG bytes not embedded as is");
    let file = temp_pdf(&pdf);
    let list = poppler("pdfimages", &["-list", path_str(file.path())]);
    let encodings: Vec<&str> =
        list.lines().skip(2).filter_map(|l| l.split_whitespace().nth(8)).collect();
    assert_eq!(encodings, ["jpeg", "image"], "{list}");
}

#[test]
fn tagged_output_has_a_structure_tree() {
    let opts = PdfOptions { tagged: true, ..PdfOptions::default() };
    let pdf = write_pdf(&sample(), fonts(), &meta(), &opts).unwrap();
    let file = temp_pdf(&pdf);
    let info = poppler("pdfinfo", &[path_str(file.path())]);
    assert!(info.lines().any(|l| l.starts_with("Tagged:") && l.ends_with("yes")), "{info}");
    let text = poppler("pdftotext", &["-raw", "-l", "1", path_str(file.path()), "-"]);
    assert!(text.contains(SENTENCE), "{text}");
}

#[test]
fn pdf_a_needs_a_date_and_plain_pdf_does_not() {
    let undated = Meta { date: None, ..meta() };
    let err = write_pdf(&sample(), fonts(), &undated, &PdfOptions::default()).unwrap_err();
    assert!(
        matches!(&err, PdfError::Conformance { problems, .. } if problems.iter().any(|p| p.contains("no date"))),
        "{err}"
    );
    let plain = PdfOptions { pdf_a: false, ..PdfOptions::default() };
    assert!(write_pdf(&sample(), fonts(), &undated, &plain).is_ok());
}

#[test]
fn missing_glyph_is_reported_with_page_and_font() {
    let mut doc = sample();
    let Item::Text(run) = &mut doc.pages[1].items[0] else { panic!("text first") };
    run.glyphs[0].id = 0; // .notdef for 「（」
    let err = write_pdf(&doc, fonts(), &meta(), &PdfOptions::default()).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("page 2"), "{message}");
    assert!(message.contains("FandolFang-Regular"), "{message}");
    assert!(message.contains("「（」"), "{message}");
}

#[test]
fn inconsistent_input_is_an_error_not_a_panic() {
    let mut doc = sample();
    doc.outline[0].children[0].page = 7;
    let err = write_pdf(&doc, fonts(), &meta(), &PdfOptions::default()).unwrap_err();
    assert!(matches!(err, PdfError::OutlineTarget { page: 7, pages: 2, .. }), "{err}");

    let mut doc = sample();
    let Item::Text(run) = &mut doc.pages[0].items[0] else { panic!("text first") };
    run.glyphs[0].text_range = 1..2; // inside the three bytes of 「淮」
    let err = write_pdf(&doc, fonts(), &meta(), &PdfOptions::default()).unwrap_err();
    assert!(matches!(err, PdfError::TextRange { page: 0, .. }), "{err}");
}

/// Logs the size of one A4 page of ~600 characters of body text (run with
/// `--nocapture` to see it) and guards against a regression to whole-font embedding.
#[test]
fn measure_cjk_page_size() {
    let doc = prose_page();
    let chars = PROSE.chars().count();
    for opts in [PdfOptions::default(), PdfOptions { pdf_a: false, ..PdfOptions::default() }] {
        let pdf = write_pdf(&doc, fonts(), &meta(), &opts).unwrap();
        eprintln!(
            "one A4 page, {chars} characters of FandolFang 16 pt (pdf_a: {}): {} bytes ({:.1} KB)",
            opts.pdf_a,
            pdf.len(),
            pdf.len() as f64 / 1024.0
        );
        assert!(pdf.len() < 250_000, "{} bytes: are the fonts still subset?", pdf.len());
    }
}
