//! End to end for the illustrated variant: the A4 PDF carries the key figures, chart
//! titles and the official tables' labels; the long PNG is 1080 px wide and taller than
//! an A4 page ratio would be; the DOCX holds native chart parts with their workbooks, the
//! title band, the cards and the images (JPEG byte for byte), passes `openxml-audit`,
//! and LibreOffice renders its charts (their titles and labels exist only inside the
//! chart parts) and images.

use std::path::PathBuf;
use std::process::Command;

use std::io::Read;
use std::path::Path;

use nianbao::build::{self, BuildOptions, Format, Variant};
use nianbao::compose::tree::{Block, Visual};

mod common;
use common::{audit, libreoffice_pdf, pdf_text};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Build the illustrated variant of `report` into `out` (`formats` empty: all three).
fn build_illustrated(report: &Path, out: &Path, formats: &[Format]) -> build::Built {
    let opts = BuildOptions {
        out_dir: Some(out.to_path_buf()),
        formats: formats.to_vec(),
        variants: vec![Variant::Illustrated],
        system_fonts: false,
        docx_punctuation: Default::default(),
    };
    build::build(report, &opts).unwrap_or_else(|e| panic!("{}: {e}", report.display()))
}

#[test]
fn huaian_illustrated_pdf_and_png() {
    let dir = tempfile::tempdir().unwrap();
    let built = build_illustrated(&root().join("samples/huaian-2024.yaml"), dir.path(), &[]);
    let names: Vec<String> =
        built.files.iter().map(|f| f.file_name().unwrap().to_string_lossy().into()).collect();
    assert_eq!(
        names,
        [
            "huaian-2024.illustrated.pdf",
            "huaian-2024.illustrated.docx",
            "huaian-2024.illustrated.png"
        ]
    );

    let out = Command::new("pdftotext")
        .args(["-raw"])
        .arg(&built.files[0])
        .arg("-")
        .output()
        .expect("pdftotext is needed (poppler-utils; scripts/test.sh installs it)");
    let text: String =
        String::from_utf8(out.stdout).unwrap().chars().filter(|c| !c.is_whitespace()).collect();
    for needle in [
        "新收政府信息公开申请",
        "3119",
        "依申请公开办理结果",
        "新收政府信息公开申请的申请人构成",
        "政府信息公开行政复议、行政诉讼情况",
        "第二十条第（一）项",
        "收取信息处理费",
    ] {
        assert!(text.contains(needle), "{needle} missing from the illustrated PDF");
    }

    let png = image::open(&built.files[2]).unwrap();
    assert_eq!(png.width(), 1080);
    assert!(png.height() > 1080 * 5, "one long page, got {} px", png.height());
}

/// The files of a DOCX (ZIP) package by name.
fn parts(docx: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().to_string(), data)
        })
        .collect()
}

fn text(parts: &std::collections::BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(parts.get(name).unwrap_or_else(|| panic!("{name} missing")).clone()).unwrap()
}

fn build_docx(report: &Path, out: &Path) -> std::path::PathBuf {
    let built = build_illustrated(report, out, &[Format::Docx]);
    assert_eq!(built.files.len(), 1);
    built.files[0].clone()
}

/// Whitespace-free text of LibreOffice's rendering of a DOCX.
fn rendered(docx: &Path, dir: &Path) -> String {
    let pdf = libreoffice_pdf(docx, dir);
    pdf_text(&pdf).chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn qianshan_illustrated_docx_has_native_charts_that_libreoffice_renders() {
    let dir = tempfile::tempdir().unwrap();
    let docx = build_docx(&root().join("samples/qianshan-2019.yaml"), dir.path());
    assert!(docx.ends_with("qianshan-2019.illustrated.docx"));
    let parts = parts(&docx);

    // One chart part, relationship file and workbook per chart of the composed tree;
    // a chart whose values are all zero is replaced by its statement.
    let path = root().join("samples/qianshan-2019.yaml");
    let (report, _) = nianbao::model::load(&path).unwrap();
    let style = nianbao::style::Style::load("illustrated", &root(), None).unwrap();
    let tree = nianbao::compose::illustrated::compose(&report, &style, None).unwrap();
    let (drawn, statements): (Vec<_>, Vec<_>) = tree
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Visual(Visual::Chart(c)) => Some(c),
            _ => None,
        })
        .partition(|c| c.empty_statement.is_none());
    // 表二's two charts and 表三's two rings; 表四 is all zero.
    assert_eq!((drawn.len(), statements.len()), (4, 1));
    let charts: Vec<&String> = parts
        .keys()
        .filter(|n| n.starts_with("word/charts/chart") && n.ends_with(".xml"))
        .collect();
    assert_eq!(charts.len(), drawn.len(), "charts: {charts:?}");
    for n in 1..=charts.len() {
        assert!(parts.contains_key(&format!("word/charts/_rels/chart{n}.xml.rels")));
        let xlsx = &parts[&format!("word/embeddings/Microsoft_Excel_Worksheet{n}.xlsx")];
        assert!(xlsx.starts_with(b"PK"), "chart {n}: the workbook is a ZIP");
    }
    let document = text(&parts, "word/document.xml");
    assert_eq!(document.matches("<c:chart ").count(), charts.len());
    let rels = text(&parts, "word/_rels/document.xml.rels");
    assert_eq!(rels.matches("relationships/chart\"").count(), charts.len());
    let types = text(&parts, "[Content_Types].xml");
    assert_eq!(types.matches("drawingml.chart+xml").count(), charts.len());
    assert!(types.contains("Extension=\"xlsx\""));
    // The chart text names the document's embedded sans face, not an uninstalled 黑体.
    let chart1 = text(&parts, "word/charts/chart1.xml");
    assert!(chart1.contains("typeface=\"FandolHei\""), "chart fonts");

    // Title band (primary blue, bleeding into the margins), cards, styled tables.
    assert!(document.contains("w:fill=\"1F4E9D\""), "banner in the primary colour");
    assert!(document.contains("<w:tblInd w:w=\"-"), "banner bleeds left");
    for figure in ["36629", "新收政府信息公开申请", "100.0"] {
        assert!(document.contains(figure), "key figure {figure}");
    }
    assert!(document.contains("w:fill=\"C6D9F1\""), "table headers in the tint");
    let styles = text(&parts, "word/styles.xml");
    assert!(styles.contains("w:fill=\"1F4E9D\""), "section bars in the heading style");

    audit(&docx);
    let seen = rendered(&docx, dir.path());
    // Chart titles, category labels and values exist only inside the chart parts.
    for needle in [
        "新收政府信息公开申请的申请人构成",
        "依申请公开办理结果",
        "行政许可、行政处罚、行政强制处理决定数量",
        "100.0%",
    ] {
        assert!(seen.contains(needle), "LibreOffice's rendering lacks {needle}");
    }
    let statement: String = statements[0]
        .empty_statement
        .as_deref()
        .unwrap()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(seen.contains(&statement), "the statement of the all-zero chart: {statement}");
    // The body text and the tables are there too.
    assert!(seen.contains("第二十条第（一）项"));
    assert!(seen.contains("潜山市人民政府办公室"));
}

#[test]
fn images_are_placed_jpeg_byte_for_byte_and_red_palette_applies() {
    let dir = tempfile::tempdir().unwrap();
    let photo = dir.path().join("photo.jpg");
    let chart = dir.path().join("chart.png");
    let mut jpeg = Vec::new();
    image::RgbImage::from_fn(320, 200, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 90]))
        .write_to(&mut std::io::Cursor::new(&mut jpeg), image::ImageFormat::Jpeg)
        .unwrap();
    std::fs::write(&photo, &jpeg).unwrap();
    image::RgbImage::from_pixel(100, 100, image::Rgb([30, 120, 200])).save(&chart).unwrap();

    let minimal = std::fs::read_to_string(root().join("samples/minimal.yaml")).unwrap();
    let report = minimal
        .replace(
            "  other: |\n    本年度未收取信息处理费。\n",
            "  other:\n    - 本年度未收取信息处理费。\n    - image: photo.jpg\n      caption: 政府开放日现场\n      width_mm: 80\n    - image: chart.png\n      caption: 公开平台示意\n      width_mm: 40\n",
        )
        + "\nillustrated:\n  palette: red\n";
    let yaml = dir.path().join("report.yaml");
    std::fs::write(&yaml, report).unwrap();

    let docx = build_docx(&yaml, dir.path());
    let parts = parts(&docx);
    assert_eq!(parts["word/media/image1.jpeg"], jpeg, "the JPEG is embedded as it was");
    assert!(parts["word/media/image2.png"].starts_with(b"\x89PNG"));
    let document = text(&parts, "word/document.xml");
    assert_eq!(document.matches("<pic:pic ").count(), 2);
    // 80 mm wide = 2 880 000 EMU; the height follows the aspect ratio (200/320).
    assert!(document.contains("cx=\"2880000\" cy=\"1800000\""), "placed size");
    assert!(document.contains("w:fill=\"B71C1C\""), "red palette: the band");
    assert!(!document.contains("1F4E9D"), "no blue left");
    let types = text(&parts, "[Content_Types].xml");
    assert!(types.contains("Extension=\"jpeg\" ContentType=\"image/jpeg\""));
    assert!(types.contains("Extension=\"png\" ContentType=\"image/png\""));

    audit(&docx);
    let pdf = libreoffice_pdf(&docx, dir.path());
    let seen: String = pdf_text(&pdf).chars().filter(|c| !c.is_whitespace()).collect();
    assert!(seen.contains("政府开放日现场") && seen.contains("公开平台示意"), "captions");
    // LibreOffice placed both images: pdfimages lists them.
    let list = std::process::Command::new("pdfimages").arg("-list").arg(&pdf).output().unwrap();
    let list = String::from_utf8_lossy(&list.stdout);
    assert!(list.lines().filter(|l| l.contains("image")).count() >= 2, "images:\n{list}");
}

/// The `illustrated:` example of docs/illustrated.md, appended to the huaian sample,
/// builds in every format: a switched-off chart is gone, a retitled one and a custom one
/// are there, and the year-over-year chart shows the decrease against last year.
#[test]
fn documented_options_build() {
    let doc = std::fs::read_to_string(root().join("docs/illustrated.md")).unwrap();
    let start = doc.find("```yaml\nillustrated:").expect("the example") + "```yaml\n".len();
    let example = &doc[start..start + doc[start..].find("```").unwrap()];
    let dir = tempfile::tempdir().unwrap();
    let yaml = dir.path().join("report.yaml");
    let sample = std::fs::read_to_string(root().join("samples/huaian-2024.yaml")).unwrap();
    std::fs::write(&yaml, format!("{sample}\n{example}")).unwrap();
    let built = build_illustrated(&yaml, dir.path(), &[]);
    assert_eq!(built.files.len(), 3);
    let text: String = pdf_text(&built.files[0]).chars().filter(|c| !c.is_whitespace()).collect();
    for needle in ["政务热线受理量", "申请人构成", "与上年对比", "一季度"] {
        assert!(text.contains(needle), "{needle} missing from the PDF");
    }
    // A decrease against last year is labelled with a minus sign the fonts have.
    let minus = text.as_bytes().windows(2).any(|w| w[0] == b'-' && w[1].is_ascii_digit());
    assert!(minus, "no decrease label in the year-over-year chart");
    assert!(!text.contains("政府信息公开行政复议、行政诉讼情况单位"), "review chart switched off");
    let parts = parts(&built.files[1]);
    let charts = parts.keys().filter(|n| n.starts_with("word/charts/chart")).count();
    assert!(charts >= 3, "custom, retitled and year-over-year charts in the DOCX: {charts}");
}
