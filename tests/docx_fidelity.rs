//! DOCX fidelity: LibreOffice renders our DOCX — on a machine without our fonts, so
//! only the embedded subsets can set it — like our PDF.
//!
//! For each sample report the test writes the PDF (layout + PDF writer) and the DOCX
//! from the same tree and fonts, converts the DOCX with `soffice --headless
//! --convert-to pdf`, and reads both PDFs back with `pdftotext -raw`:
//!
//! * (a) LibreOffice's page count equals ours;
//! * (b) at least 90 % of the line ends of our full body lines (lines of ≥ 20
//!   characters, i.e. not the last line of a paragraph, a heading or a table cell) are
//!   line ends in LibreOffice's rendering too — a line end is identified by the 8
//!   characters before it and the 4 after it, so the comparison survives pagination
//!   differences;
//! * (c) every character of the report (every non-space character of the tree) is in
//!   LibreOffice's rendering at least as often as in the report — LibreOffice drops
//!   line-end punctuation under some settings.
//!
//! The DOCX must also pass `openxml-audit` with no errors.
//!
//! `soffice`, `pdftotext`, `pdfinfo` and `python3 -m openxml_audit` are required: a
//! missing tool fails the test with a message saying what to install, it never skips.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use nianbao::compose::tree::{Block, Document};
use nianbao::docx::{write_docx, DocxOptions, Punctuation};
use nianbao::fonts::{FontBook, FontOptions};
use nianbao::layout::layout_document;
use nianbao::pdf::{write_pdf, PdfOptions};
use nianbao::style::Style;

mod common;
use common::{audit, libreoffice_pdf, page_count, pdf_text, run, POPPLER};

/// Where the test's files go (kept for inspection after a failure).
fn work_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("docx_fidelity").join(name);
    std::fs::create_dir_all(&dir).expect("create work dir");
    dir
}

/// The lines of a `pdftotext -raw` text without whitespace, page numbers dropped.
///
/// A line-end mark that our PDF compressed (「条例》，」) overlaps its neighbour, and
/// pdftotext then puts it on a line of its own: such a fragment of closing marks joins
/// the line before it.
fn lines(text: &str) -> Vec<Vec<char>> {
    let mut out: Vec<Vec<char>> = Vec::new();
    for line in text.lines() {
        let line: Vec<char> =
            line.chars().filter(|c| !c.is_whitespace() && *c != '\u{c}').collect();
        if line.is_empty() || is_page_number(&line) {
            continue;
        }
        let fragment =
            line.len() <= 2 && line.iter().all(|c| "，。、；：！？）》」』】〕”’".contains(*c));
        match out.last_mut() {
            Some(last) if fragment => last.extend(line),
            _ => out.push(line),
        }
    }
    out
}

fn is_page_number(line: &[char]) -> bool {
    let s: String = line.iter().collect();
    let inner = s.trim_matches('—');
    s.starts_with('—') && !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit())
}

/// Line ends as (8 characters before, 4 after) of a sequence of lines; with `min_len`
/// only the ends of lines at least that long.
fn line_ends(lines: &[Vec<char>], min_len: usize) -> Vec<(String, String)> {
    let stream: Vec<char> = lines.iter().flatten().copied().collect();
    let mut out = Vec::new();
    let mut pos = 0;
    for (i, line) in lines.iter().enumerate() {
        pos += line.len();
        if i + 1 == lines.len() || line.len() < min_len {
            continue;
        }
        let before: String = stream[pos.saturating_sub(8)..pos].iter().collect();
        let after: String = stream[pos..(pos + 4).min(stream.len())].iter().collect();
        out.push((before, after));
    }
    out
}

/// Every non-space character of the tree, with its count.
fn report_chars(doc: &Document) -> BTreeMap<char, usize> {
    let mut counts = BTreeMap::new();
    let mut add = |text: &str| {
        for c in text.chars().filter(|c| !c.is_whitespace()) {
            *counts.entry(c).or_insert(0) += 1;
        }
    };
    for block in &doc.blocks {
        match block {
            Block::Paragraph(p) => p.inlines.iter().for_each(|i| add(&i.text)),
            Block::Table(t) => t.cells.iter().for_each(|c| add(&c.text)),
            Block::Visual(_) => {}
        }
    }
    counts
}

/// LibreOffice set the text in the fonts embedded in the DOCX: the Fandol faces are
/// not installed here (they are not in fontconfig's list), so only the embedded
/// subsets can have put them into its PDF.
fn check_embedded_fonts_used(lo_pdf: &Path) {
    let installed = Command::new("fc-list").output().map(|o| o.stdout).unwrap_or_default();
    let installed = String::from_utf8_lossy(&installed);
    assert!(
        !installed.contains("Fandol"),
        "Fandol fonts are installed on this machine, so the test cannot show that the \
         DOCX's embedded fonts are used; uninstall them (fc-list | grep Fandol)"
    );
    let out = run("pdffonts", &[lo_pdf.to_str().unwrap()], POPPLER);
    let fonts = String::from_utf8_lossy(&out.stdout).into_owned();
    for face in ["FandolFang-Regular", "FandolHei-Regular", "FandolSong-Bold"] {
        assert!(fonts.contains(face), "LibreOffice did not use the embedded {face}:\n{fonts}");
    }
}

struct Fidelity {
    pages: (usize, usize),
    matched: usize,
    total: usize,
    missing: Vec<(char, usize, usize)>,
}

fn fidelity(sample: &str) -> Fidelity {
    let dir = work_dir(sample.trim_end_matches(".yaml"));
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples").join(sample);
    let (report, _) = nianbao::model::load(&path).expect("sample loads");
    let style = Style::official();
    let doc = nianbao::compose::compose(&report, &style).expect("sample composes");
    let mut fonts = FontBook::new(&style, &FontOptions { system_fonts: false }).expect("fonts");

    // The Word flavour (the default) must be as valid as the LibreOffice one.
    let word = write_docx(&doc, &style, &fonts, &DocxOptions::default()).expect("DOCX");
    let word_path = dir.join("word.docx");
    std::fs::write(&word_path, &word).unwrap();
    audit(&word_path);
    // LibreOffice reads `w:overflowPunct` inverted (see `Punctuation`).
    let opts = DocxOptions { punctuation: Punctuation::LibreOffice, ..DocxOptions::default() };
    let docx = write_docx(&doc, &style, &fonts, &opts).expect("DOCX");
    let docx_path = dir.join("report.docx");
    std::fs::write(&docx_path, &docx).unwrap();
    audit(&docx_path);

    let paged = layout_document(&doc, &style, &mut fonts).expect("layout");
    let pdf = write_pdf(&paged, &fonts, &doc.meta, &PdfOptions::default()).expect("PDF");
    let pdf_path = dir.join("ours.pdf");
    std::fs::write(&pdf_path, &pdf).unwrap();

    let lo_pdf = libreoffice_pdf(&docx_path, &dir);
    check_embedded_fonts_used(&lo_pdf);
    let ours = lines(&pdf_text(&pdf_path));
    let theirs = lines(&pdf_text(&lo_pdf));

    let their_ends: BTreeSet<(String, String)> = line_ends(&theirs, 0).into_iter().collect();
    let our_ends = line_ends(&ours, 20);
    let matched = our_ends.iter().filter(|e| their_ends.contains(e)).count();
    for end in our_ends.iter().filter(|e| !their_ends.contains(e)) {
        eprintln!("{sample}: line end not in LibreOffice's rendering: {}|{}", end.0, end.1);
    }

    let mut rendered: BTreeMap<char, usize> = BTreeMap::new();
    for c in theirs.iter().flatten() {
        *rendered.entry(*c).or_insert(0) += 1;
    }
    let missing = report_chars(&doc)
        .into_iter()
        .filter_map(|(c, n)| {
            let got = rendered.get(&c).copied().unwrap_or(0);
            (got < n).then_some((c, n, got))
        })
        .collect();
    Fidelity {
        pages: (page_count(&pdf_path), page_count(&lo_pdf)),
        matched,
        total: our_ends.len(),
        missing,
    }
}

fn check(sample: &str) {
    let f = fidelity(sample);
    let share = f.matched as f64 / f.total.max(1) as f64;
    eprintln!(
        "{sample}: pages ours {} / LibreOffice {}; line ends {}/{} = {:.1} %; missing {:?}",
        f.pages.0,
        f.pages.1,
        f.matched,
        f.total,
        share * 100.0,
        f.missing
    );
    assert!(f.total > 20, "{sample}: too few body lines to compare ({})", f.total);
    assert_eq!(f.pages.0, f.pages.1, "{sample}: page count differs (ours, LibreOffice)");
    assert!(share >= 0.9, "{sample}: only {:.1} % of line ends match", share * 100.0);
    assert!(
        f.missing.is_empty(),
        "{sample}: characters missing in LibreOffice's rendering (char, in report, rendered): {:?}",
        f.missing
    );
}

#[test]
fn qianshan_2019_renders_like_our_pdf() {
    check("qianshan-2019.yaml");
}

#[test]
fn huaian_2024_renders_like_our_pdf() {
    check("huaian-2024.yaml");
}

/// Size on the official sample: ≤ 600 KB with the embedded subsets. (Speed is
/// measured with `/usr/bin/time` on a release build, never asserted in a test.)
#[test]
fn qianshan_docx_is_small() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/qianshan-2019.yaml");
    let (report, _) = nianbao::model::load(&path).expect("sample loads");
    let style = Style::official();
    let doc = nianbao::compose::compose(&report, &style).expect("sample composes");
    let mut fonts = FontBook::new(&style, &FontOptions { system_fonts: false }).expect("fonts");
    // As in the CLI, the layout has loaded the faces before the DOCX is written.
    layout_document(&doc, &style, &mut fonts).expect("layout");
    let docx = write_docx(&doc, &style, &fonts, &DocxOptions::default()).expect("DOCX");
    eprintln!("qianshan-2019.docx: {} bytes", docx.len());
    assert!(docx.len() <= 600 * 1024, "{} bytes", docx.len());
    assert!(docx.len() >= 100 * 1024, "{} bytes: the font subsets are missing", docx.len());
}
