//! The report model: YAML → a typed, validated [`Report`].
//!
//! [`load`] reads a report file, deserialises it ([`schema`]), converts it into the
//! typed model below and runs the checks ([`check`]): editions, the four arithmetic
//! rules (勾稽关系) per column, soft warnings. Every diagnostic carries its YAML line
//! ([`spans`]) and a Chinese-then-English message ([`diag`]). Nothing downstream ever
//! sees YAML again.

pub mod check;
pub mod diag;
pub mod labels;
mod load;
pub mod schema;
pub mod skeleton;
pub mod spans;
pub mod text;

use std::path::PathBuf;

pub use diag::{Diagnostic, Severity};
pub use labels::AppRowDef;
pub use load::{load, load_str, ModelError};
pub use schema::{Amount, Contact, Illustrated};
pub use text::{Para, Run};

/// The template edition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Edition {
    /// 国办公开办函〔2019〕60号 — reports for 2019 and 2020.
    E2019,
    /// 国办公开办函〔2021〕30号 — reports for 2021 on.
    E2021,
}

impl Edition {
    /// The edition a report for `year` uses by default.
    pub fn for_year(year: i32) -> Edition {
        if year <= 2020 {
            Edition::E2019
        } else {
            Edition::E2021
        }
    }

    /// The edition's year, as written in YAML.
    pub fn year(self) -> u16 {
        match self {
            Edition::E2019 => 2019,
            Edition::E2021 => 2021,
        }
    }

    /// The notice that fixed the template.
    pub fn notice(self) -> &'static str {
        match self {
            Edition::E2019 => "国办公开办函〔2019〕60号",
            Edition::E2021 => "国办公开办函〔2021〕30号",
        }
    }
}

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month 1–12.
    pub month: u8,
    /// Day 1–31.
    pub day: u8,
}

impl Date {
    /// 「2020年1月31日」 — GB/T 9704 7.3.5.4: full year, no leading zeros.
    pub fn chinese(&self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }
}

/// A validated report.
#[derive(Clone, Debug)]
pub struct Report {
    /// The YAML file it came from.
    pub source: PathBuf,
    /// 机关.
    pub agency: String,
    /// 报告年度.
    pub year: i32,
    /// 模板版本.
    pub edition: Edition,
    /// The title (default filled in).
    pub title: String,
    /// Layout name or path.
    pub layout: String,
    /// Per-report layout overrides.
    pub layout_overrides: Option<serde_yaml::Value>,
    /// 前言.
    pub preamble: Vec<Block>,
    /// 联系方式.
    pub contact: Contact,
    /// 落款.
    pub signature: String,
    /// 成文日期.
    pub date: Date,
    /// The six sections in order.
    pub sections: Vec<SectionText>,
    /// 表二.
    pub active: Vec<ActiveBlock>,
    /// 表三.
    pub applications: Vec<AppRow>,
    /// 表四.
    pub review: Vec<ReviewRow>,
    /// 图文版 options.
    pub illustrated: Illustrated,
}

/// The text of one of the six sections.
#[derive(Clone, Debug)]
pub struct SectionText {
    /// 1–6.
    pub number: usize,
    /// Heading text without numeral (official or overridden).
    pub heading: String,
    /// Text before the section's table (or the whole text).
    pub before: Vec<Block>,
    /// Text after the table.
    pub after: Vec<Block>,
    /// 信息处理费 in 元 (section 六).
    pub processing_fee: Option<Amount>,
    /// YAML line of the section.
    pub line: u32,
}

/// A block of text.
#[derive(Clone, Debug)]
pub enum Block {
    /// A paragraph.
    Paragraph(Para),
    /// A numbered heading, possibly run-in.
    Heading(Heading),
    /// A figure.
    Image(ImageRef),
}

/// A numbered sub-heading （一） / 1. / （1）.
#[derive(Clone, Debug)]
pub struct Heading {
    /// 2, 3 or 4.
    pub level: u8,
    /// The numeral with its punctuation: 「（一）」, 「1.」, 「（1）」.
    pub number: String,
    /// Heading text.
    pub runs: Vec<Run>,
    /// Text that follows in the same paragraph (run-in heading).
    pub run_in: Option<Para>,
    /// YAML line.
    pub line: u32,
}

/// An image placed in the text.
#[derive(Clone, Debug)]
pub struct ImageRef {
    /// Resolved path.
    pub path: PathBuf,
    /// Caption.
    pub caption: Option<String>,
    /// Placed width in mm.
    pub width_mm: Option<f32>,
    /// YAML line.
    pub line: u32,
}

/// Which 第二十条 item a block of 表二 reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActiveItem {
    /// （一） 规章、规范性文件.
    Regulations,
    /// （五） 行政许可等.
    Licensing,
    /// （六） 行政处罚、行政强制.
    Enforcement,
    /// （八） 行政事业性收费.
    Fees,
    /// （九） 政府集中采购 (2019).
    Procurement,
}

/// One 「第二十条第（x）项」 block of 表二.
#[derive(Clone, Debug)]
pub struct ActiveBlock {
    /// Which item.
    pub item: ActiveItem,
    /// Its rows in order.
    pub rows: Vec<ActiveRow>,
}

/// A row of 表二: label and values in the edition's columns.
#[derive(Clone, Debug)]
pub struct ActiveRow {
    /// 「规章」, 「行政许可」…
    pub label: &'static str,
    /// Values in column order.
    pub values: Vec<Value>,
    /// YAML line (0 if the row was omitted).
    pub line: u32,
}

/// A value cell of 表二.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A count (None = blank).
    Count(Option<u64>),
    /// 本年增/减 (None = blank).
    Change(Option<i64>),
    /// Money with its unit (None = blank).
    Money(Option<Amount>, String),
}

impl Value {
    /// The text printed in the cell.
    pub fn display(&self) -> String {
        match self {
            Value::Count(Some(n)) => n.to_string(),
            Value::Change(Some(n)) if *n > 0 => format!("+{n}"),
            Value::Change(Some(n)) => n.to_string(),
            Value::Money(Some(a), unit) => format!("{}{unit}", a.text),
            Value::Count(None) | Value::Change(None) | Value::Money(None, _) => String::new(),
        }
    }
}

/// A row of 表三: the six applicant columns and 总计 (computed when not given).
#[derive(Clone, Debug)]
pub struct AppRow {
    /// Which row.
    pub def: AppRowDef,
    /// The seven values (None = blank).
    pub values: [Option<u64>; 7],
    /// Whether the YAML gave the 总计 (else it was computed).
    pub total_given: bool,
    /// YAML line of the row (0 if omitted).
    pub line: u32,
}

/// A group of 表四: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计.
#[derive(Clone, Debug)]
pub struct ReviewRow {
    /// YAML key (`reconsideration`, …).
    pub key: &'static str,
    /// The five values.
    pub values: [Option<u64>; 5],
    /// YAML line (0 if omitted).
    pub line: u32,
}

impl Report {
    /// A row of 表三 by YAML key (`new`, `withheld.state_secret`, `total`…).
    pub fn app_row(&self, key: &str) -> Option<&AppRow> {
        self.applications.iter().find(|r| r.def.key == key)
    }
}
