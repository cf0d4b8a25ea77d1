//! The whole pipeline for one report file: load and validate → layout file → compose →
//! lay out → write, entirely in memory; only when every requested output has been
//! produced are the files written (each atomically), so a failed build never leaves a
//! half-written or stale-mixed set of outputs behind.

use std::path::{Path, PathBuf};

use crate::compose::{self, ComposeError};
use crate::fonts::{FontBook, FontError, FontOptions};
use crate::layout::{self, LayoutError};
use crate::model::{self, Diagnostic, ModelError, Report};
use crate::output::write_atomically;
use crate::pdf::{self, PdfError, PdfOptions};
use crate::style::{Style, StyleError};

/// Which outputs to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Format {
    /// PDF.
    Pdf,
    /// DOCX.
    Docx,
}

impl Format {
    /// File extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
        }
    }
}

/// Options of [`build`].
#[derive(Clone, Debug)]
pub struct BuildOptions {
    /// Output directory (default: the report's directory).
    pub out_dir: Option<PathBuf>,
    /// Formats to write (default: PDF and DOCX).
    pub formats: Vec<Format>,
    /// Use installed system fonts as well as the bundled ones (default: true).
    pub system_fonts: bool,
}

impl Default for BuildOptions {
    fn default() -> Self {
        Self { out_dir: None, formats: vec![Format::Pdf, Format::Docx], system_fonts: true }
    }
}

/// What a build produced.
#[derive(Clone, Debug)]
pub struct Built {
    /// The files written, in order.
    pub files: Vec<PathBuf>,
    /// Warnings about the report.
    pub warnings: Vec<Diagnostic>,
    /// Pages of the official PDF layout.
    pub pages: usize,
}

/// Why a build failed; one variant per pipeline stage.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The report is unreadable or invalid.
    #[error(transparent)]
    Model(#[from] ModelError),
    /// The layout file is missing or invalid.
    #[error(transparent)]
    Style(#[from] StyleError),
    /// The report could not be composed (e.g. column widths of a layout).
    #[error(transparent)]
    Compose(#[from] ComposeError),
    /// A font problem.
    #[error(transparent)]
    Font(#[from] FontError),
    /// Layout failed (e.g. a character no font has).
    #[error(transparent)]
    Layout(#[from] LayoutError),
    /// PDF writing failed.
    #[error(transparent)]
    Pdf(#[from] PdfError),
    /// An output file could not be written.
    #[error("无法写入 {path}：{source} / cannot write {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// Load a report and resolve its layout file (with the report's overrides).
pub fn load(path: &Path) -> Result<(Report, Style, Vec<Diagnostic>), BuildError> {
    let (report, warnings) = model::load(path)?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let style = Style::load(&report.layout, dir, report.layout_overrides.as_ref())?;
    Ok((report, style, warnings))
}

/// Stage timings on standard error when `NIANBAO_TIMINGS` is set (for profiling a
/// slow report without a profiler).
pub(crate) struct Timer {
    start: std::time::Instant,
    on: bool,
}

impl Timer {
    pub(crate) fn new() -> Self {
        Timer { start: std::time::Instant::now(), on: std::env::var_os("NIANBAO_TIMINGS").is_some() }
    }

    pub(crate) fn lap(&mut self, stage: &str) {
        if self.on {
            eprintln!("[timing] {stage:<10} {:>8.2} ms", self.start.elapsed().as_secs_f64() * 1e3);
            self.start = std::time::Instant::now();
        }
    }
}

/// The official PDF of a report, in memory; also returns the page count.
pub fn official_pdf(
    report: &Report,
    style: &Style,
    fonts: &mut FontBook,
) -> Result<(Vec<u8>, usize), BuildError> {
    let mut t = Timer::new();
    let doc = compose::compose(report, style)?;
    t.lap("compose");
    let paged = layout::layout_document(&doc, style, fonts)?;
    t.lap("layout");
    let bytes = pdf::write_pdf(&paged, fonts, &doc.meta, &PdfOptions::default())?;
    t.lap("pdf");
    Ok((bytes, paged.pages.len()))
}

/// Build the requested outputs of one report.
pub fn build(path: &Path, opts: &BuildOptions) -> Result<Built, BuildError> {
    let mut t = Timer::new();
    let (report, style, warnings) = load(path)?;
    t.lap("load");
    let mut fonts = FontBook::new(&style, &FontOptions { system_fonts: opts.system_fonts })?;
    t.lap("fonts");
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("report").to_string();
    let dir = match &opts.out_dir {
        Some(d) => d.clone(),
        None => path.parent().map(Path::to_path_buf).unwrap_or_default(),
    };
    let mut outputs: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let mut pages = 0;
    let mut formats = opts.formats.clone();
    formats.sort();
    formats.dedup();
    for format in formats {
        let bytes = match format {
            Format::Pdf => {
                let (bytes, n) = official_pdf(&report, &style, &mut fonts)?;
                pages = n;
                bytes
            }
            Format::Docx => continue,
        };
        outputs.push((dir.join(format!("{stem}.{}", format.extension())), bytes));
    }
    if !dir.as_os_str().is_empty() {
        std::fs::create_dir_all(&dir)
            .map_err(|source| BuildError::Write { path: dir.clone(), source })?;
    }
    let mut files = Vec::new();
    for (path, bytes) in outputs {
        write_atomically(&path, &bytes)
            .map_err(|source| BuildError::Write { path: path.clone(), source })?;
        files.push(path);
    }
    Ok(Built { files, warnings, pages })
}
