//! The whole pipeline for one report file: load and validate → layout file → compose →
//! lay out → write, entirely in memory; only when every requested output has been
//! produced are the files written (each atomically), so a failed build never leaves a
//! half-written or stale-mixed set of outputs behind.

use std::path::{Path, PathBuf};

use crate::compose::{self, ComposeError};
use crate::docx::{self, DocxError, DocxOptions};
use crate::fonts::{FontBook, FontError, FontOptions};
use crate::layout::{self, LayoutError};
use crate::model::{self, Diagnostic, ModelError, Report};
use crate::output::write_atomically;
use crate::pdf::{self, PdfError, PdfOptions};
use crate::png::{self, RenderError, RenderOptions};
use crate::style::{Style, StyleError};

/// Which outputs to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Format {
    /// PDF.
    Pdf,
    /// DOCX.
    Docx,
    /// A long PNG for mobile publishing (illustrated variant only).
    Png,
}

impl Format {
    /// File extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Png => "png",
        }
    }
}

/// Which variant of the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Variant {
    /// The official filing on the GB/T 9704 page (`<name>.pdf`, `<name>.docx`).
    Official,
    /// The illustrated 图文版 (`<name>.illustrated.pdf`, `.docx`, `.png`).
    Illustrated,
}

impl Variant {
    /// The file name of an output of this variant.
    pub fn file_name(self, stem: &str, format: Format) -> String {
        match self {
            Variant::Official => format!("{stem}.{}", format.extension()),
            Variant::Illustrated => format!("{stem}.illustrated.{}", format.extension()),
        }
    }

    /// The formats written by default.
    pub fn default_formats(self) -> &'static [Format] {
        match self {
            Variant::Official => &[Format::Pdf, Format::Docx],
            Variant::Illustrated => &[Format::Pdf, Format::Docx, Format::Png],
        }
    }
}

/// Options of [`build`].
#[derive(Clone, Debug)]
pub struct BuildOptions {
    /// Output directory (default: the report's directory).
    pub out_dir: Option<PathBuf>,
    /// Formats to write; empty = each variant's defaults (official: PDF and DOCX;
    /// illustrated: PDF, DOCX and PNG). PNG applies to the illustrated variant only.
    pub formats: Vec<Format>,
    /// Variants to build (default: official).
    pub variants: Vec<Variant>,
    /// Use installed system fonts as well as the bundled ones (default: true).
    pub system_fonts: bool,
    /// Which reader's reading of `w:overflowPunct` the DOCX files follow (default:
    /// Word and WPS; see [`docx::Punctuation`]).
    pub docx_punctuation: docx::Punctuation,
}

impl Default for BuildOptions {
    fn default() -> Self {
        Self {
            out_dir: None,
            formats: Vec::new(),
            variants: vec![Variant::Official],
            system_fonts: true,
            docx_punctuation: docx::Punctuation::Word,
        }
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
    /// DOCX writing failed.
    #[error(transparent)]
    Docx(#[from] DocxError),
    /// PNG rendering failed.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// Layout produced no page (cannot happen for a valid report).
    #[error("排版结果为空 / the layout produced no page")]
    EmptyDocument,
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
        Timer {
            start: std::time::Instant::now(),
            on: std::env::var_os("NIANBAO_TIMINGS").is_some(),
        }
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

/// Load a layout for a report by name, with the report's overrides and its agency
/// substituted into the page-number format.
fn layout_for(report: &Report, name: &str) -> Result<Style, BuildError> {
    let dir = report.source.parent().unwrap_or(Path::new("."));
    let mut style = Style::load(name, dir, report.layout_overrides.as_ref())?;
    style.page_number.format = style.page_number.format.replace("{agency}", &report.agency);
    Ok(style)
}

/// Build the requested outputs of one report.
pub fn build(path: &Path, opts: &BuildOptions) -> Result<Built, BuildError> {
    let mut t = Timer::new();
    let (report, style, warnings) = load(path)?;
    t.lap("load");
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("report").to_string();
    let dir = match &opts.out_dir {
        Some(d) => d.clone(),
        None => path.parent().map(Path::to_path_buf).unwrap_or_default(),
    };
    let font_opts = FontOptions { system_fonts: opts.system_fonts };
    let mut outputs: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let mut pages = 0;
    let mut variants = opts.variants.clone();
    variants.sort();
    variants.dedup();
    for variant in variants {
        let wanted: Vec<Format> = variant
            .default_formats()
            .iter()
            .copied()
            .filter(|f| opts.formats.is_empty() || opts.formats.contains(f))
            .collect();
        let files = match variant {
            Variant::Official => official(&report, &style, &font_opts, &wanted, opts, &mut pages)?,
            Variant::Illustrated => illustrated(&report, &font_opts, &wanted, opts)?,
        };
        for (format, bytes) in files {
            outputs.push((dir.join(variant.file_name(&stem, format)), bytes));
        }
        t.lap("variant");
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

/// The official variant's outputs, in memory. The PDF (layout and writer) and the
/// DOCX read the same tree and are independent: they run on two threads, the DOCX
/// with its own copy of the font book.
fn official(
    report: &Report,
    style: &Style,
    font_opts: &FontOptions,
    formats: &[Format],
    opts: &BuildOptions,
    pages: &mut usize,
) -> Result<Vec<(Format, Vec<u8>)>, BuildError> {
    let style = &{
        let mut s = style.clone();
        s.page_number.format = s.page_number.format.replace("{agency}", &report.agency);
        s
    };
    let mut t = Timer::new();
    let mut fonts = FontBook::new(style, font_opts)?;
    t.lap("fonts");
    let doc = compose::compose(report, style)?;
    t.lap("compose");
    let docx_fonts = fonts.clone();
    let write_docx = || -> Result<Vec<u8>, BuildError> {
        let mut t = Timer::new();
        let docx_opts = DocxOptions { punctuation: opts.docx_punctuation, ..Default::default() };
        let bytes = docx::write_docx(&doc, style, &docx_fonts, &docx_opts)?;
        t.lap("docx");
        Ok(bytes)
    };
    let write_pdf = |fonts: &mut FontBook| -> Result<(Vec<u8>, usize), BuildError> {
        let mut t = Timer::new();
        let paged = layout::layout_document(&doc, style, fonts)?;
        t.lap("layout");
        let bytes = pdf::write_pdf(&paged, fonts, &doc.meta, &PdfOptions::default())?;
        t.lap("pdf");
        Ok((bytes, paged.pages.len()))
    };
    let (pdf, docx) = std::thread::scope(|scope| {
        let docx = formats.contains(&Format::Docx).then(|| scope.spawn(write_docx));
        let pdf = formats.contains(&Format::Pdf).then(|| write_pdf(&mut fonts));
        (pdf, docx.map(|h| h.join().expect("the DOCX thread panicked")))
    });
    let mut pdf = pdf.transpose()?;
    let mut docx = docx.transpose()?;
    let mut out = Vec::new();
    for &format in formats {
        match format {
            Format::Pdf => {
                if let Some((bytes, n)) = pdf.take() {
                    *pages = n;
                    out.push((format, bytes));
                }
            }
            Format::Docx => {
                if let Some(bytes) = docx.take() {
                    out.push((format, bytes));
                }
            }
            Format::Png => {}
        }
    }
    t.lap("official");
    Ok(out)
}

/// The illustrated variant's outputs, in memory: A4 PDF and DOCX from the
/// `illustrated` layout (one composition and one font book for both), the long PNG
/// from `illustrated-mobile`. The two layouts are independent and run on two threads.
fn illustrated(
    report: &Report,
    font_opts: &FontOptions,
    formats: &[Format],
    opts: &BuildOptions,
) -> Result<Vec<(Format, Vec<u8>)>, BuildError> {
    let previous = compose::illustrated::previous_figures(report)?;
    let (a4, mobile): (Vec<Format>, Vec<Format>) = formats.iter().partition(|&&f| f != Format::Png);
    let run = |layout_name: &str, wanted: &[Format]| {
        if wanted.is_empty() {
            return Ok(Vec::new());
        }
        illustrated_layout(report, previous.as_ref(), font_opts, opts, layout_name, wanted)
    };
    let (a4, mobile) = std::thread::scope(|scope| {
        let mobile = scope.spawn(|| run("illustrated-mobile", &mobile));
        (run("illustrated", &a4), mobile.join().expect("the PNG thread panicked"))
    });
    let mut done: Vec<(Format, Vec<u8>)> = a4?.into_iter().chain(mobile?).collect();
    // In the order asked for.
    done.sort_by_key(|(f, _)| formats.iter().position(|g| g == f));
    Ok(done)
}

/// The outputs `formats` of one illustrated layout.
fn illustrated_layout(
    report: &Report,
    previous: Option<&compose::charts::PreviousFigures>,
    font_opts: &FontOptions,
    opts: &BuildOptions,
    layout_name: &str,
    formats: &[Format],
) -> Result<Vec<(Format, Vec<u8>)>, BuildError> {
    let mut t = Timer::new();
    let style = layout_for(report, layout_name)?;
    let mut fonts = FontBook::new(&style, font_opts)?;
    let doc = compose::illustrated::compose(report, &style, previous)?;
    let palette = style.colors(report.illustrated.palette.as_deref());
    t.lap(layout_name);
    let mut out = Vec::new();
    for &format in formats {
        let layout_opts = layout::LayoutOptions { palette: palette.clone() };
        let bytes = match format {
            Format::Pdf => {
                let paged = layout::layout_document_with(&doc, &style, &mut fonts, &layout_opts)?;
                pdf::write_pdf(&paged, &fonts, &doc.meta, &PdfOptions::default())?
            }
            Format::Docx => {
                let docx_opts = DocxOptions {
                    palette: Some(palette.clone()),
                    punctuation: opts.docx_punctuation,
                    ..Default::default()
                };
                docx::write_docx(&doc, &style, &fonts, &docx_opts)?
            }
            Format::Png => {
                let paged = layout::layout_document_with(&doc, &style, &mut fonts, &layout_opts)?;
                let page = paged.pages.first().ok_or(BuildError::EmptyDocument)?;
                png::render_png(page, &fonts, &RenderOptions::default())?
            }
        };
        t.lap(format.extension());
        out.push((format, bytes));
    }
    Ok(out)
}
