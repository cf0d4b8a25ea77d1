//! End-to-end: a minimal DOCX built by hand around the chart parts is converted to PDF by
//! LibreOffice and validated by openxml-audit. The tools are required: without them the
//! test fails with a message saying what to install, it never skips.
//!
//! Set `NIANBAO_CHART_E2E_OUT=<dir>` to keep the DOCX and the PDF for a look.

use std::io::{Cursor, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use zip::write::SimpleFileOptions;
use zip::ZipWriter;

use super::tests::{report_charts, samples};
use super::*;

/// 15 cm wide (the text width of A4 with the official margins is 15.6 cm).
const WIDTH_EMU: i64 = 15 * 360_000;

/// A DOCX with one paragraph per chart, each holding the chart inline — the smallest
/// package Word accepts: content types, package relationships, the main document and its
/// relationships, and the chart parts as [`ChartPart::files`] lists them.
pub(super) fn minimal_docx(charts: &[Chart]) -> Vec<u8> {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut overrides = vec![(
        "/word/document.xml".to_string(),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    )];
    let mut rels = String::new();
    let mut body = String::new();
    for (i, chart) in charts.iter().enumerate() {
        let n = i + 1;
        let part = chart_part(chart, n).unwrap_or_else(|e| panic!("{}: {e}", chart.id));
        for (path, bytes) in part.files(n) {
            files.push((path, bytes.to_vec()));
        }
        overrides.push(content_type_override(n));
        let rel_id = format!("rIdChart{n}");
        rels.push_str(&format!(
            "<Relationship Id=\"{rel_id}\" Type=\"{CHART_REL_TYPE}\" Target=\"{}\"/>",
            part_names(n).document_target
        ));
        let drawing = inline_drawing_xml(
            &rel_id,
            n,
            WIDTH_EMU,
            preferred_height_emu(chart, WIDTH_EMU),
            &chart.title,
        );
        body.push_str(&format!("<w:p><w:r>{drawing}</w:r></w:p>"));
    }
    let mut types = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>",
    );
    for (ext, ty) in CONTENT_TYPES {
        types.push_str(&format!("<Default Extension=\"{ext}\" ContentType=\"{ty}\"/>"));
    }
    for (part, ty, _, _) in SUPPORT_PARTS {
        overrides.push((format!("/{part}"), ty));
    }
    for (part, ty) in overrides {
        types.push_str(&format!("<Override PartName=\"{part}\" ContentType=\"{ty}\"/>"));
    }
    types.push_str("</Types>");
    let package_rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
</Relationships>";
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>{body}\
<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>\
<w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>\
</w:sectPr></w:body></w:document>"
    );
    for (i, (part, _, rel, _)) in SUPPORT_PARTS.iter().enumerate() {
        let target = part.trim_start_matches("word/");
        rels.push_str(&format!(
            "<Relationship Id=\"rIdSupport{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{rel}\" Target=\"{target}\"/>"
        ));
    }
    let document_rels = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{rels}</Relationships>"
    );
    let mut all = vec![
        ("[Content_Types].xml".to_string(), types.into_bytes()),
        ("_rels/.rels".to_string(), package_rels.as_bytes().to_vec()),
        ("word/document.xml".to_string(), document.into_bytes()),
        ("word/_rels/document.xml.rels".to_string(), document_rels.into_bytes()),
    ];
    for (part, _, _, xml) in SUPPORT_PARTS {
        all.push((part.to_string(), xml.as_bytes().to_vec()));
    }
    all.extend(files);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in all {
        zip.start_file(name, SimpleFileOptions::default()).unwrap();
        zip.write_all(&bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The parts Word expects beside the main document (styles, settings, font table, theme),
/// minimal: (part, content type, relationship type, XML).
const SUPPORT_PARTS: [(&str, &str, &str, &str); 4] = [
    (
        "word/styles.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
        "styles",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:eastAsia=\"黑体\" w:hAnsi=\"Arial\"/></w:rPr></w:rPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>\
</w:styles>",
    ),
    (
        "word/settings.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
        "settings",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"420\"/>\
<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
</w:settings>",
    ),
    (
        "word/fontTable.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml",
        "fontTable",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:font w:name=\"Arial\"/><w:font w:name=\"黑体\"/></w:fonts>",
    ),
    ("word/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml", "theme", super::workbook::THEME),
];

fn require(tool: &str, install: &str) {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    assert!(found, "`{tool}` is required by this test and was not found: install {install} (scripts/test.sh does)");
}

/// A fontconfig file that adds the bundled fonts (LibreOffice has no other CJK face on a
/// bare machine) and maps 黑体/SimHei to FandolHei.
fn fontconfig(dir: &Path) -> PathBuf {
    let fonts = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
    let conf = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\
<include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\
<dir>{}</dir><cachedir>{}</cachedir>\
<alias binding=\"same\"><family>黑体</family><prefer><family>FandolHei</family></prefer></alias>\
<alias binding=\"same\"><family>SimHei</family><prefer><family>FandolHei</family></prefer></alias>\
</fontconfig>",
        fonts.display(),
        dir.join("fc-cache").display()
    );
    let path = dir.join("fonts.conf");
    std::fs::write(&path, conf).unwrap();
    path
}

/// Runs a command with a deadline; panics with its output on failure.
fn run(cmd: &mut Command, what: &str, limit: Duration) -> String {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{what}: cannot start: {e}"));
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("{what}: still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{what} failed ({}):\n{text}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    text
}

/// Converts `docx` to PDF with LibreOffice (its own profile, so it never meets another
/// running instance) and returns the PDF's path.
pub(super) fn to_pdf(docx: &Path, dir: &Path) -> PathBuf {
    require("soffice", "LibreOffice (apt-get install libreoffice-writer-nogui)");
    let profile = format!("file://{}", dir.join("lo-profile").display());
    run(
        Command::new("soffice")
            .env("FONTCONFIG_FILE", fontconfig(dir))
            .arg(format!("-env:UserInstallation={profile}"))
            .args(["--headless", "--norestore", "--convert-to", "pdf", "--outdir"])
            .arg(dir)
            .arg(docx),
        "soffice --convert-to pdf",
        Duration::from_secs(300),
    );
    let pdf = docx.with_extension("pdf");
    assert!(pdf.exists(), "LibreOffice wrote no PDF for {}", docx.display());
    pdf
}

fn keep(files: &[&Path]) {
    if let Some(out) = std::env::var_os("NIANBAO_CHART_E2E_OUT") {
        std::fs::create_dir_all(&out).unwrap();
        for f in files {
            std::fs::copy(f, Path::new(&out).join(f.file_name().unwrap())).unwrap();
        }
    }
}

/// Validates a package with openxml-audit (schemas, relationships, content types); fails
/// unless it reports no finding at all.
pub(super) fn audit(path: &Path) {
    require("openxml-audit", "the openxml-audit Python package (pip install openxml-audit)");
    // A non-zero exit (any error) already fails in `run`.
    let report =
        run(Command::new("openxml-audit").arg(path), "openxml-audit", Duration::from_secs(120));
    assert!(
        report.contains("Errors: 0") && report.contains("no findings"),
        "openxml-audit on {}:\n{report}",
        path.display()
    );
}

#[test]
fn libreoffice_draws_the_charts_and_the_package_validates() {
    require("pdftotext", "poppler-utils");
    let dir = tempfile::tempdir().unwrap();
    let charts = samples();
    let docx = dir.path().join("charts.docx");
    std::fs::write(&docx, minimal_docx(&charts)).unwrap();
    // The embedded workbook is a valid package on its own too.
    let xlsx = dir.path().join("data.xlsx");
    std::fs::write(&xlsx, chart_part(&charts[0], 1).unwrap().workbook).unwrap();
    audit(&docx);
    audit(&xlsx);

    let pdf = to_pdf(&docx, dir.path());
    keep(&[&docx, &pdf]);
    let text =
        run(Command::new("pdftotext").arg(&pdf).arg("-"), "pdftotext", Duration::from_secs(60));
    // pdftotext puts spaces and line breaks between runs: compare without whitespace.
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let has =
        |s: &str| text.contains(&s.chars().filter(|c| !c.is_whitespace()).collect::<String>());
    for c in &charts {
        assert!(has(&c.title), "title {:?} not drawn:\n{text}", c.title);
        for cat in &c.categories {
            assert!(has(cat), "category {cat:?} of {} not drawn:\n{text}", c.id);
        }
    }
    // Bar-end labels of the grouped and horizontal bars.
    for label in ["312", "46", "17", "1234", "567", "89"] {
        assert!(has(label), "label {label} not drawn:\n{text}");
    }
    // The ring's percentages, computed by LibreOffice from the data, are the ones the
    // compose stage rounded; and its total.
    for p in &charts[2].percents {
        assert!(has(p), "ring label {p} not drawn:\n{text}");
    }
    assert!(has("共 3119 件"), "ring total not drawn:\n{text}");
    // Legends of the multi-series charts.
    for name in ["本年制发", "现行有效", "结果维持", "尚未审结"] {
        assert!(has(name), "legend entry {name} not drawn:\n{text}");
    }
}

#[test]
fn report_charts_validate() {
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("report-charts.docx");
    std::fs::write(&docx, minimal_docx(&report_charts())).unwrap();
    keep(&[&docx]);
    audit(&docx);
}
