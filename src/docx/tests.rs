//! Tests of the DOCX writer on the sample reports.

use std::path::Path;

use super::*;
use crate::compose::compose;
use crate::fonts::{FontBook, FontOptions};

fn sample(name: &str) -> (Document, Style, FontBook) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples").join(name);
    let (report, _) = crate::model::load(&path).expect("sample loads");
    let style = Style::official();
    let doc = compose(&report, &style).expect("sample composes");
    let book = FontBook::new(&style, &FontOptions { system_fonts: false }).expect("bundled fonts");
    (doc, style, book)
}

#[test]
fn dump_qianshan() {
    let (doc, style, book) = sample("qianshan-2019.yaml");
    let out = write_docx_with_report(&doc, &style, &book, &DocxOptions::default()).unwrap();
    std::fs::write("/tmp/qianshan.docx", &out.bytes).unwrap();
    for f in &out.fonts {
        eprintln!("{f:?}");
    }
}
