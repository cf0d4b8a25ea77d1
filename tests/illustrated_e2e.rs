//! End to end for the illustrated variant: the A4 PDF carries the key figures, chart
//! titles and the official tables' labels; the long PNG is 1080 px wide and taller than
//! an A4 page ratio would be.

use std::path::PathBuf;
use std::process::Command;

use nianbao::build::{self, BuildOptions, Variant};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn huaian_illustrated_pdf_and_png() {
    let dir = tempfile::tempdir().unwrap();
    let opts = BuildOptions {
        out_dir: Some(dir.path().to_path_buf()),
        formats: Vec::new(),
        variants: vec![Variant::Illustrated],
        system_fonts: false,
    };
    let built = build::build(&root().join("samples/huaian-2024.yaml"), &opts).unwrap();
    let names: Vec<String> =
        built.files.iter().map(|f| f.file_name().unwrap().to_string_lossy().into()).collect();
    assert_eq!(names, ["huaian-2024.illustrated.pdf", "huaian-2024.illustrated.png"]);

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

    let png = image::open(&built.files[1]).unwrap();
    assert_eq!(png.width(), 1080);
    assert!(png.height() > 1080 * 5, "one long page, got {} px", png.height());
}

#[test]
fn illustrated_docx_is_refused_cleanly() {
    let out = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["build", "--variant", "illustrated", "--format", "docx"])
        .arg(root().join("samples/minimal.yaml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("DOCX"));
}
