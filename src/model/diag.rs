//! Diagnostics: errors and warnings about a report, each with its YAML position and a
//! message in Chinese first, English after.

use std::fmt;
use std::path::Path;

use serde::Serialize;

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The report is invalid; nothing is built.
    Error,
    /// Worth a look; the report is still built.
    Warning,
}

/// One finding about a report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable code for programs and tests, e.g. `sum-total-row`.
    pub code: &'static str,
    /// The YAML path of the offending node, e.g. `tables.applications.total[0]`.
    pub path: String,
    /// 1-based line (0 when unknown).
    pub line: u32,
    /// 1-based column (0 when unknown).
    pub column: u32,
    /// The message in Chinese.
    pub message_zh: String,
    /// The message in English.
    pub message_en: String,
}

impl Diagnostic {
    /// An error.
    pub fn error(code: &'static str, path: impl Into<String>, zh: String, en: String) -> Self {
        Self {
            severity: Severity::Error,
            code,
            path: path.into(),
            line: 0,
            column: 0,
            message_zh: zh,
            message_en: en,
        }
    }

    /// A warning.
    pub fn warning(code: &'static str, path: impl Into<String>, zh: String, en: String) -> Self {
        Self { severity: Severity::Warning, ..Self::error(code, path, zh, en) }
    }

    /// Set the position.
    pub fn at(mut self, line: u32, column: u32) -> Self {
        self.line = line;
        self.column = column;
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Render as one line prefixed with the file name: `file:line:col: 错误/error: …`.
    pub fn render(&self, file: &Path) -> String {
        format!("{}:{}", file.display(), self)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "错误 error",
            Severity::Warning => "警告 warning",
        };
        write!(
            f,
            "{}:{}: {label}[{}]: {} / {}",
            self.line, self.column, self.code, self.message_zh, self.message_en
        )
    }
}

/// Diagnostics as a JSON document for other programs (`check --format json`).
pub fn to_json(file: &Path, diags: &[Diagnostic]) -> String {
    serde_json::to_string_pretty(&to_json_value(file, diags)).expect("diagnostics serialise")
}

/// Diagnostics of one file as a JSON value: `{file, valid, errors, warnings, diagnostics}`.
pub fn to_json_value(file: &Path, diags: &[Diagnostic]) -> serde_json::Value {
    #[derive(Serialize)]
    struct Out<'a> {
        file: String,
        valid: bool,
        errors: usize,
        warnings: usize,
        diagnostics: &'a [Diagnostic],
    }
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let out = Out {
        file: file.display().to_string(),
        valid: errors == 0,
        errors,
        warnings: diags.len() - errors,
        diagnostics: diags,
    };
    serde_json::to_value(&out).expect("diagnostics serialise")
}
