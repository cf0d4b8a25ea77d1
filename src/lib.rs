//! nianbao typesets 政府信息公开工作年度报告 from YAML into PDF and DOCX.
//!
//! The pipeline, one module per stage:
//!
//! 1. [`model`] — YAML → typed, validated report (with source lines);
//! 2. [`compose`] — report + [`style`] (a layout file) → neutral document tree;
//! 3. [`layout`] — document tree → positioned pages (fonts, CJK line breaking, grid);
//! 4. writers — [`pdf`] walks the positioned pages; [`docx`] reads the document tree.
#![deny(missing_docs)]

pub mod build;
pub mod compose;
pub mod docx;
pub mod docx_chart;
pub mod fonts;
pub mod layout;
pub mod model;
pub mod output;
pub mod pdf;
pub mod png;
pub mod style;
