//! End to end: the sample reports through the whole pipeline (bundled fonts only), then
//! checked with poppler as a reader would: every paragraph and every table label of the
//! YAML is in the extracted text, in order; fonts are embedded and subset; metadata; the
//! same input gives the same bytes.

use std::path::{Path, PathBuf};
use std::process::Command;

use nianbao::build::{self, BuildOptions, Format};
use nianbao::compose::{self, tree::Block};
use nianbao::fonts::{FontBook, FontOptions};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run a poppler tool; a missing tool fails the test (scripts/test.sh installs it).
fn poppler(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("`{tool}` is needed (poppler-utils; scripts/test.sh installs it): {e}")
    });
    assert!(
        out.status.success(),
        "{tool} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// Build the official PDF of a sample into a temporary directory.
fn build_pdf(name: &str, dir: &Path) -> PathBuf {
    let opts = BuildOptions {
        out_dir: Some(dir.to_path_buf()),
        formats: vec![Format::Pdf],
        variants: vec![build::Variant::Official],
        system_fonts: false,
        docx_punctuation: Default::default(),
    };
    let built = build::build(&root().join("samples").join(name), &opts).expect("build");
    built.files.into_iter().next().expect("one file")
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The extracted text without the page-number lines (「— 3 —」) that stand between the
/// lines of a paragraph crossing a page.
fn body_text(pdf: &Path) -> String {
    let raw = poppler("pdftotext", &["-raw", pdf.to_str().unwrap(), "-"]);
    let kept: Vec<&str> = raw
        .lines()
        .filter(|l| {
            let t = squash(l);
            let inner = t.trim_start_matches('—').trim_end_matches('—');
            !(t.starts_with('—') && t.ends_with('—') && inner.chars().all(|c| c.is_ascii_digit()))
        })
        .collect();
    squash(&kept.join("\n"))
}

/// Every text of the document tree (paragraphs and table cells), in order.
fn tree_texts(name: &str) -> Vec<String> {
    let (report, style, _) = build::load(&root().join("samples").join(name)).unwrap();
    let doc = compose::compose(&report, &style).unwrap();
    let mut out = Vec::new();
    for b in &doc.blocks {
        match b {
            Block::Paragraph(p) => out.push(p.inlines.iter().map(|i| i.text.as_str()).collect()),
            Block::Table(t) => out.extend(t.cells.iter().map(|c| c.text.clone())),
            Block::Visual(_) => {}
        }
    }
    out.retain(|t: &String| !t.trim().is_empty());
    out
}

fn check_text(name: &str) {
    let dir = tempfile::tempdir().unwrap();
    let pdf = build_pdf(name, dir.path());
    let text = body_text(&pdf);
    // Paragraphs must appear in order; table cells anywhere (cells of a row are read
    // in reading order but merged cells can precede their rows).
    let (report, style, _) = build::load(&root().join("samples").join(name)).unwrap();
    let doc = compose::compose(&report, &style).unwrap();
    let mut from = 0;
    let mut missing = Vec::new();
    for b in &doc.blocks {
        if let Block::Paragraph(p) = b {
            let t = squash(&p.inlines.iter().map(|i| i.text.as_str()).collect::<String>());
            match text[from..].find(&t) {
                Some(i) => from += i + t.len(),
                None => missing.push(t),
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{name}: paragraphs missing or out of order in the PDF text:\n{}",
        missing.join("\n")
    );
    let cells: Vec<String> = tree_texts(name).iter().map(|t| squash(t)).collect();
    let absent: Vec<&String> = cells.iter().filter(|c| !text.contains(c.as_str())).collect();
    assert!(absent.is_empty(), "{name}: table texts missing from the PDF: {absent:?}");
}

#[test]
fn qianshan_text_extracts_exactly() {
    check_text("qianshan-2019.yaml");
}

#[test]
fn huaian_text_extracts_exactly() {
    check_text("huaian-2024.yaml");
}

#[test]
fn minimal_text_extracts_exactly() {
    check_text("minimal.yaml");
}

#[test]
fn official_tables_labels_are_verbatim_in_the_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = build_pdf("huaian-2024.yaml", dir.path());
    let text = squash(&poppler("pdftotext", &["-raw", pdf.to_str().unwrap(), "-"]));
    for label in [
        "第二十条第（一）项",
        "本年制发件数",
        "本年收费金额（单位：万元）",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        "申请人情况",
        "法人或其他组织",
        "三、本年度办理结果",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "3.危及“三安全一稳定”",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "未经复议直接起诉",
        "复议后起诉",
    ] {
        assert!(text.contains(&squash(label)), "label {label} missing");
    }
    assert!(!text.contains("第二十条第（九）项"), "2021 edition has no item (九)");
}

#[test]
fn fonts_are_embedded_and_subset() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = build_pdf("qianshan-2019.yaml", dir.path());
    let list = poppler("pdffonts", &[pdf.to_str().unwrap()]);
    let rows: Vec<&str> = list.lines().skip(2).collect();
    assert!(rows.len() >= 3, "{list}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        // … emb sub uni objnum gen
        assert_eq!(
            &cols[n - 5..n - 2],
            ["yes", "yes", "yes"],
            "not embedded+subset+unicode: {row}"
        );
        assert!(cols[0].contains('+'), "no subset tag: {row}");
    }
}

#[test]
fn metadata_and_page_size() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = build_pdf("huaian-2024.yaml", dir.path());
    let info = poppler("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(info.contains("淮安市人民政府2024年政府信息公开工作年度报告"), "{info}");
    assert!(info.contains("Author:          淮安市人民政府"), "{info}");
    assert!(info.contains("595.276 x 841.89 pts (A4)"), "{info}");
    assert!(info.contains("2025-02-25") || info.contains("Feb 24 16:00:00 2025"), "{info}");
}

#[test]
fn outline_has_the_six_sections() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = build_pdf("qianshan-2019.yaml", dir.path());
    let xml = poppler("pdftohtml", &["-xml", "-stdout", "-i", "-q", pdf.to_str().unwrap()]);
    for h in [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ] {
        assert!(xml.contains(&format!(">{h}<")), "outline lacks {h}");
    }
}

#[test]
fn same_input_same_bytes() {
    let (report, style, _) = build::load(&root().join("samples/huaian-2024.yaml")).unwrap();
    let mut a = FontBook::new(&style, &FontOptions { system_fonts: false }).unwrap();
    let mut b = FontBook::new(&style, &FontOptions { system_fonts: false }).unwrap();
    let (x, _) = build::official_pdf(&report, &style, &mut a).unwrap();
    let (y, _) = build::official_pdf(&report, &style, &mut b).unwrap();
    assert!(x == y, "two builds differ");
    // Subset fonts: the whole FandolFang alone is 7 MB.
    assert!(x.len() < 600_000, "PDF is {} bytes: are fonts still subset?", x.len());
}
