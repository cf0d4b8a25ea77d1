//! Reference images of official pages: the sample PDFs are rendered with poppler at a
//! low resolution in greyscale and compared with the reviewed PNGs in `tests/ref/`,
//! with a tolerance (anti-aliasing may differ by a few levels between poppler builds).
//! The same for the top of the illustrated long PNG (our own renderer), reduced to a
//! third of its size.
//!
//! After an intended change, regenerate with `NIANBAO_UPDATE_REFS=1 cargo test --test
//! reference_pages`, look at the new PNGs, and commit them.

use std::path::{Path, PathBuf};
use std::process::Command;

use nianbao::build::{self, BuildOptions, Format, Variant};

/// Resolution of the comparison (dpi).
const DPI: &str = "40";
/// A pixel differs when its grey level differs by more than this.
const LEVEL_TOLERANCE: u8 = 48;
/// At most this fraction of pixels may differ.
const MAX_DIFFERING: f64 = 0.004;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn render(pdf: &Path, page: u32, out_prefix: &Path) -> PathBuf {
    let p = page.to_string();
    let status = Command::new("pdftoppm")
        .args(["-png", "-gray", "-r", DPI, "-f", &p, "-l", &p, "-singlefile"])
        .arg(pdf)
        .arg(out_prefix)
        .status()
        .expect("pdftoppm is needed (poppler-utils; scripts/test.sh installs it)");
    assert!(status.success());
    out_prefix.with_extension("png")
}

fn compare(sample: &str, page: u32) {
    let dir = tempfile::tempdir().unwrap();
    let opts = BuildOptions {
        out_dir: Some(dir.path().to_path_buf()),
        formats: vec![Format::Pdf],
        variants: vec![Variant::Official],
        system_fonts: false,
        docx_punctuation: Default::default(),
    };
    let built = build::build(&root().join("samples").join(sample), &opts).unwrap();
    let stem = sample.trim_end_matches(".yaml");
    let got_path = render(&built.files[0], page, &dir.path().join("page"));
    let ref_path = root().join("tests/ref").join(format!("{stem}-p{page}.png"));
    if std::env::var_os("NIANBAO_UPDATE_REFS").is_some() {
        std::fs::copy(&got_path, &ref_path).unwrap();
        return;
    }
    let got = image::open(&got_path).unwrap().to_luma8();
    check_against(&format!("{sample} page {page}"), &got, &ref_path);
}

/// Compare `got` with the reference at `ref_path`, within the tolerances; keep `got`
/// in the temporary directory when it differs.
fn check_against(what: &str, got: &image::GrayImage, ref_path: &Path) {
    let want = image::open(ref_path)
        .unwrap_or_else(|e| panic!("no reference {}: {e}", ref_path.display()))
        .to_luma8();
    assert_eq!(got.dimensions(), want.dimensions(), "{what}: size changed");
    let differing = got
        .pixels()
        .zip(want.pixels())
        .filter(|(a, b)| a.0[0].abs_diff(b.0[0]) > LEVEL_TOLERANCE)
        .count();
    let fraction = differing as f64 / (got.width() * got.height()) as f64;
    if fraction > MAX_DIFFERING {
        let name = ref_path.file_name().unwrap().to_string_lossy().into_owned();
        let keep = std::env::temp_dir().join(format!("nianbao-new-{name}"));
        got.save(&keep).unwrap();
        panic!(
            "{what}: {:.2} % of pixels differ from {} (kept the new rendering at {})",
            fraction * 100.0,
            ref_path.display(),
            keep.display()
        );
    }
}

#[test]
fn qianshan_first_page() {
    compare("qianshan-2019.yaml", 1);
}

#[test]
fn qianshan_applications_table_page() {
    compare("qianshan-2019.yaml", 6);
}

#[test]
fn huaian_applications_table_page() {
    compare("huaian-2024.yaml", 4);
}

/// The top of the illustrated long PNG (title band, key figures, the first section):
/// 1080 × 2160 px reduced to 360 × 720, in grey.
#[test]
fn qianshan_illustrated_png_top() {
    let dir = tempfile::tempdir().unwrap();
    let opts = BuildOptions {
        out_dir: Some(dir.path().to_path_buf()),
        formats: vec![Format::Png],
        variants: vec![Variant::Illustrated],
        system_fonts: false,
        docx_punctuation: Default::default(),
    };
    let built = build::build(&root().join("samples/qianshan-2019.yaml"), &opts).unwrap();
    let png = image::open(&built.files[0]).unwrap();
    assert_eq!(png.width(), 1080);
    let top = png.crop_imm(0, 0, 1080, 2160).to_luma8();
    let got = image::imageops::resize(&top, 360, 720, image::imageops::FilterType::Triangle);
    let ref_path = root().join("tests/ref/qianshan-2019-illustrated-top.png");
    if std::env::var_os("NIANBAO_UPDATE_REFS").is_some() {
        got.save(&ref_path).unwrap();
        return;
    }
    check_against("qianshan-2019 illustrated PNG top", &got, &ref_path);
}
