//! Compose: a validated [`Report`] and a [`Style`] → the neutral document [`tree`].
//!
//! This is where the report's structure is decided once for every output: the order
//! of title, preamble, the six sections, tables and signature; heading numerals; the
//! official tables' grids with their merged cells ([`tables`]). The layout engine and
//! the DOCX writer both read the result and never look at the report again.

pub mod charts;
pub mod figures;
pub mod illustrated;
pub mod images;
pub mod tables;
pub(crate) mod text;
pub mod tree;

use crate::model::{Edition, Report};
use crate::style::Style;
use tree::{Align, Block, Document, Inline, Meta, Paragraph, Role, Src};

/// Why a report could not be composed.
#[derive(Debug, thiserror::Error)]
pub enum ComposeError {
    /// A layout's column widths don't fit a table's grid.
    #[error("版式中表格「{table}」的列宽有 {given} 列，应为 {expected} 列 / layout gives {given} column widths for table `{table}`, it needs {expected}")]
    Columns {
        /// Table key in the layout (`active`, `applications`, `review`).
        table: &'static str,
        /// Number of widths given.
        given: usize,
        /// Number of grid columns.
        expected: usize,
    },
    /// An image is missing or unusable.
    #[error(transparent)]
    Image(#[from] images::ImageError),
    /// A chart setting is wrong.
    #[error(transparent)]
    Chart(#[from] charts::ChartError),
    /// A table is wider than the type area.
    #[error("版式中表格「{table}」宽 {width:.1} pt，超过版心宽度 {max:.1} pt / table `{table}` is {width:.1} pt wide, wider than the type area ({max:.1} pt)")]
    TooWide {
        /// Table key.
        table: &'static str,
        /// Sum of the widths.
        width: f32,
        /// Type-area width.
        max: f32,
    },
}

/// Build the document tree of the official variant.
pub fn compose(report: &Report, style: &Style) -> Result<Document, ComposeError> {
    let mut blocks = vec![title(report, style)];
    blocks.extend(text::blocks(&report.preamble));
    for section in &report.sections {
        blocks.push(text::section_heading(section));
        blocks.extend(text::blocks(&section.before));
        match section.number {
            2 => blocks.push(Block::Table(tables::active(report, style)?)),
            3 => blocks.push(Block::Table(tables::applications(report, style)?)),
            4 => blocks.push(Block::Table(tables::review(report, style)?)),
            _ => {}
        }
        blocks.extend(text::blocks(&section.after));
        if section.number == 6 {
            blocks.extend(processing_fee_sentence(report));
        }
    }
    blocks.extend(signature(report, style));
    Ok(Document { meta: meta(report), blocks })
}

pub(crate) fn meta(report: &Report) -> Meta {
    Meta {
        title: report.title.clone(),
        author: report.agency.clone(),
        subject: "政府信息公开工作年度报告".into(),
        keywords: vec![
            report.agency.clone(),
            format!("{}年", report.year),
            "政府信息公开".into(),
            "年度报告".into(),
        ],
        language: "zh-CN".into(),
        date: Some((report.date.year, report.date.month, report.date.day)),
    }
}

fn title(report: &Report, style: &Style) -> Block {
    Block::Paragraph(Paragraph {
        role: Role::Title,
        inlines: vec![Inline::plain(report.title.clone(), Src::GENERATED)],
        indent_chars: 0.0,
        align: Align::Center,
        keep_with_next: true,
        outline_level: None,
        space_before_lines: 0.0,
        space_after_lines: style.title.space_after_lines,
    })
}

/// 2021 edition: when section 六 gives `processing_fee` but its text doesn't mention
/// the 信息处理费, state it in one sentence.
pub(crate) fn processing_fee_sentence(report: &Report) -> Option<Block> {
    let six = &report.sections[5];
    let fee = six.processing_fee.as_ref()?;
    if report.edition != Edition::E2021
        || text::mentions(&six.before, "信息处理费")
        || text::mentions(&six.after, "信息处理费")
    {
        return None;
    }
    let sentence = if fee.value == 0.0 {
        format!("{}年，未收取政府信息公开信息处理费。", report.year)
    } else {
        format!("{}年，共收取政府信息公开信息处理费{}元。", report.year, fee.text)
    };
    Some(text::body_paragraph(vec![Inline::plain(sentence, Src::GENERATED)]))
}

pub(crate) fn signature(report: &Report, style: &Style) -> Vec<Block> {
    let line = |s: String, before: f32| {
        Block::Paragraph(Paragraph {
            role: Role::Signature,
            inlines: vec![Inline::plain(s, Src::GENERATED)],
            indent_chars: 0.0,
            align: Align::Right,
            keep_with_next: before > 0.0,
            outline_level: None,
            space_before_lines: before,
            space_after_lines: 0.0,
        })
    };
    let mut out: Vec<Block> = report
        .signature
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
        .map(|(i, l)| {
            line(l.to_string(), if i == 0 { style.signature.space_before_lines } else { 0.0 })
        })
        .collect();
    out.push(line(report.date.chinese(), 0.0));
    out
}
