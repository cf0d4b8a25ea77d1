//! Helpers shared by the integration tests that run external tools: poppler
//! (`pdftotext`, `pdfinfo`, `pdffonts`), LibreOffice (`soffice`) and `openxml-audit`.
//! A missing tool fails the test with a message saying what to install; nothing skips.

#![allow(dead_code)] // Each test binary uses a different subset.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Run a tool, failing the test with an installation hint when it is missing.
pub fn run(program: &str, args: &[&str], hint: &str) -> std::process::Output {
    let out = Command::new(program).args(args).output().unwrap_or_else(|e| {
        panic!("`{program}` is required by this test but could not be run ({e}); {hint}")
    });
    assert!(
        out.status.success(),
        "`{program} {}` failed: {}\n{}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    );
    out
}

pub const POPPLER: &str = "install poppler-utils (apt-get install poppler-utils)";
pub const SOFFICE: &str =
    "install LibreOffice (apt-get install --no-install-recommends libreoffice-writer-nogui)";
pub const AUDIT: &str = "install openxml-audit (python3 -m pip install openxml-audit)";

/// `pdftotext -raw` of a PDF.
pub fn pdf_text(pdf: &Path) -> String {
    let out = run("pdftotext", &["-raw", "-enc", "UTF-8", pdf.to_str().unwrap(), "-"], POPPLER);
    String::from_utf8(out.stdout).expect("pdftotext writes UTF-8")
}

pub fn page_count(pdf: &Path) -> usize {
    let out = run("pdfinfo", &[pdf.to_str().unwrap()], POPPLER);
    let info = String::from_utf8_lossy(&out.stdout).into_owned();
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("pdfinfo gave no page count:\n{info}"))
}

/// Convert a DOCX with LibreOffice, in a private profile so parallel runs don't clash.
pub fn libreoffice_pdf(docx: &Path, dir: &Path) -> PathBuf {
    let profile = dir.join("lo-profile");
    let profile_url = format!("-env:UserInstallation=file://{}", profile.display());
    run(
        "soffice",
        &[
            &profile_url,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            dir.to_str().unwrap(),
            docx.to_str().unwrap(),
        ],
        SOFFICE,
    );
    let pdf = docx.with_extension("pdf");
    assert!(pdf.exists(), "LibreOffice wrote no PDF for {}", docx.display());
    pdf
}

pub fn audit(docx: &Path) {
    let out = Command::new("python3")
        .args(["-m", "openxml_audit", "-m", "0", docx.to_str().unwrap()])
        .output()
        .unwrap_or_else(|e| panic!("python3 is required ({e}); {AUDIT}"));
    let text =
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(!text.contains("No module named"), "openxml-audit is missing; {AUDIT}\n{text}");
    assert!(
        out.status.success() && text.contains("Errors: 0"),
        "openxml-audit found errors in {}:\n{text}",
        docx.display()
    );
}
