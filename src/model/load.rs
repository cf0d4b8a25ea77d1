//! Reading a report: file → serde types → typed [`Report`] plus diagnostics.

use std::path::{Path, PathBuf};

use super::check;
use super::diag::Diagnostic;
use super::labels::{self, active as A, application_rows, SECTION_HEADINGS, SECTION_KEYS};
use super::schema::{self, BlockSrc, Body, OtherHandling, ReportFile};
use super::spans::SourceMap;
use super::text::{paragraphs, parse_bold, Para};
use super::*;

/// Why a report could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The file could not be read.
    #[error("无法读取 {path}：{source} / cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The report has errors (the diagnostics include warnings too).
    #[error("{} 有 {} 处错误 / {} has {} error(s)", path.display(), count_errors(diagnostics), path.display(), count_errors(diagnostics))]
    Invalid {
        /// The file.
        path: PathBuf,
        /// All diagnostics, errors and warnings, in file order.
        diagnostics: Vec<Diagnostic>,
    },
}

fn count_errors(d: &[Diagnostic]) -> usize {
    d.iter().filter(|d| d.is_error()).count()
}

/// Load and validate a report file. On success returns the report and its warnings.
pub fn load(path: &Path) -> Result<(Report, Vec<Diagnostic>), ModelError> {
    let src = std::fs::read_to_string(path)
        .map_err(|source| ModelError::Io { path: path.to_path_buf(), source })?;
    load_str(&src, path)
}

/// Load and validate a report from a string; `path` names it in messages and anchors
/// relative paths (images, layouts).
pub fn load_str(src: &str, path: &Path) -> Result<(Report, Vec<Diagnostic>), ModelError> {
    let invalid = |diagnostics| ModelError::Invalid { path: path.to_path_buf(), diagnostics };
    let file: ReportFile = match serde_yaml::from_str(src) {
        Ok(f) => f,
        Err(e) => return Err(invalid(vec![translate_serde_error(&e, src)])),
    };
    let map = SourceMap::build(src);
    let mut cx =
        Cx { map: &map, src, diags: Vec::new(), dir: path.parent().unwrap_or(Path::new(".")) };
    let mut report = cx.convert(file, path);
    let mut diags = cx.diags;
    if let Some(report) = &mut report {
        diags.extend(check::check(report, &map));
    }
    diags.sort_by_key(|d| (d.line, d.column));
    match report {
        Some(r) if !diags.iter().any(Diagnostic::is_error) => Ok((r, diags)),
        _ => Err(invalid(diags)),
    }
}

// ---- serde errors → bilingual diagnostics ----------------------------------------------

fn translate_serde_error(e: &serde_yaml::Error, src: &str) -> Diagnostic {
    let (mut line, mut col) =
        e.location().map(|l| (l.line() as u32, l.column() as u32)).unwrap_or((0, 0));
    let full = e.to_string();
    let msg = strip_location(&full);
    let (path, msg) = match msg.split_once(": ") {
        Some((p, rest)) if !p.contains(' ') && !p.is_empty() => (p.to_string(), rest.to_string()),
        _ => (String::new(), msg.to_string()),
    };
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        let (name, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let candidates = backticked(expected);
        let near = nearest(name, &candidates);
        let list = candidates.join(", ");
        let (zh, en) = match near {
            Some(n) => (
                format!("未知字段「{name}」，是否应为「{n}」？（第 {line} 行）"),
                format!(
                    "unknown key `{name}` (line {line}); did you mean `{n}`? Valid keys: {list}"
                ),
            ),
            None => (
                format!("未知字段「{name}」（第 {line} 行），可用字段：{list}"),
                format!("unknown key `{name}` (line {line}); valid keys: {list}"),
            ),
        };
        let key_path = if path.is_empty() { name.to_string() } else { format!("{path}.{name}") };
        return Diagnostic::error("unknown-key", key_path, zh, en).at(line, col);
    }
    if let Some(rest) = msg.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or(rest);
        // serde points at the mapping's first entry; the key that owns the mapping is
        // the better place (top level: line 1).
        let owner = SourceMap::build(src).locate_key(&path);
        (line, col) = if path.is_empty() { (1, 1) } else { (owner.line, owner.col) };
        let what = field_meaning(name);
        let full_path = if path.is_empty() { name.to_string() } else { format!("{path}.{name}") };
        return Diagnostic::error(
            "missing-key",
            full_path,
            format!("缺少必填字段「{name}」{what}（第 {line} 行）"),
            format!("missing required key `{name}` (line {line})"),
        )
        .at(line, col);
    }
    if msg.starts_with("invalid type") || msg.starts_with("invalid value") {
        let (zh, en) = describe_type_error(&msg, line);
        return Diagnostic::error("wrong-type", path, zh, en).at(line, col);
    }
    if path.is_empty() && line > 0 && !msg.contains('`') {
        // A syntax error: report where the construct opened when libyaml says so
        // (「while scanning a quoted scalar at line 1 column 9」).
        let opened = full.contains("while scanning a quoted scalar")
            || full.contains("while parsing a flow");
        if let Some((l, c)) = opened_at(&full).filter(|_| opened) {
            (line, col) = (l, c);
        }
        let (zh, en) = syntax_message(&msg);
        return Diagnostic::error(
            "yaml-syntax",
            "",
            format!("YAML 语法错误（第 {line} 行第 {col} 列）：{zh}"),
            format!("YAML syntax error at line {line}, column {col}: {en}"),
        )
        .at(line, col);
    }
    Diagnostic::error(
        "invalid",
        path,
        format!("内容无效（第 {line} 行）：{msg}"),
        format!("invalid content (line {line}): {msg}"),
    )
    .at(line, col)
}

/// 「…, while scanning a quoted scalar at line 1 column 9」 → (1, 9).
fn opened_at(full: &str) -> Option<(u32, u32)> {
    let (_, rest) = full.split_once(", while ")?;
    let (_, at) = rest.split_once(" at line ")?;
    let (l, c) = at.split_once(" column ")?;
    let c: String = c.chars().take_while(char::is_ascii_digit).collect();
    Some((l.trim().parse().ok()?, c.parse().ok()?))
}

/// Chinese and English explanations of libyaml's messages.
fn syntax_message(msg: &str) -> (String, String) {
    let known: [(&str, &str, &str); 8] = [
        ("quoted scalar", "引号未闭合", "a quoted string is not closed"),
        (
            "did not find expected key",
            "缩进不一致或缺少冒号，此处应为「键: 值」",
            "inconsistent indentation or a missing colon; a `key: value` was expected here",
        ),
        (
            "mapping values are not allowed",
            "此处不能出现「: 」（文字中含冒号和空格时请加引号）",
            "`: ` is not allowed here (quote text that contains a colon and a space)",
        ),
        (
            "cannot start any token",
            "出现了不能开始 YAML 记号的字符（如制表符，请用空格缩进）",
            "a character that cannot start a YAML token (e.g. a tab: indent with spaces)",
        ),
        ("did not find expected '-' indicator", "列表项缩进不一致", "list items are not aligned"),
        ("did not find expected node content", "缺少值", "a value is missing"),
        ("duplicate entry", "键重复出现", "a key appears twice"),
        (
            "did not find expected ',' or ']'",
            "方括号列表未闭合或缺少逗号",
            "a [ ] list is not closed or lacks a comma",
        ),
    ];
    for (needle, zh, en) in known {
        if msg.contains(needle) {
            return (zh.to_string(), en.to_string());
        }
    }
    (msg.to_string(), msg.to_string())
}

/// serde's 「invalid type: string "三", expected u64」 in plain words.
fn describe_type_error(msg: &str, line: u32) -> (String, String) {
    let found = msg.split(", expected").next().unwrap_or(msg);
    let found = found.trim_start_matches("invalid type: ").trim_start_matches("invalid value: ");
    let value = found.split('`').nth(1).map(str::to_string);
    let (zh_expected, en_expected) = expected_of(msg);
    let counting = zh_expected == "非负整数";
    if counting && found.starts_with("integer") {
        let v = value.unwrap_or_default();
        return (
            format!("数量不能为负数，填写为 {v}（第 {line} 行）"),
            format!("a count cannot be negative, found {v} (line {line})"),
        );
    }
    if counting && found.starts_with("floating point") {
        let v = value.unwrap_or_default();
        return (
            format!("数量须为整数，填写为 {v}（第 {line} 行）"),
            format!("a count must be a whole number, found {v} (line {line})"),
        );
    }
    let (zh_found, en_found) = match found {
        f if f.starts_with("string") => {
            let text = f.trim_start_matches("string ").trim_matches('"');
            (format!("文字「{text}」"), format!("text \"{text}\""))
        }
        f if f.starts_with("sequence") => ("列表".to_string(), "a list".to_string()),
        f if f.starts_with("map") => ("映射（键: 值）".to_string(), "a mapping".to_string()),
        f if f.starts_with("unit") => ("空值".to_string(), "nothing".to_string()),
        f if f.starts_with("boolean") => {
            let v = value.unwrap_or_default();
            (format!("布尔值 {v}"), format!("the boolean {v}"))
        }
        f => {
            let v = value.unwrap_or_else(|| f.to_string());
            (v.clone(), v)
        }
    };
    (
        format!("类型错误：应为{zh_expected}，填写的是{zh_found}（第 {line} 行）"),
        format!("wrong type: expected {en_expected}, found {en_found} (line {line})"),
    )
}

fn strip_location(s: &str) -> &str {
    match s.rfind(" at line ") {
        Some(i) if s[i..].contains("column") => &s[..i],
        _ => s,
    }
}

fn backticked(s: &str) -> Vec<String> {
    s.split('`').skip(1).step_by(2).map(str::to_string).collect()
}

/// The candidate closest to `name` by edit distance, if close enough to be a typo.
pub(crate) fn nearest(name: &str, candidates: &[String]) -> Option<String> {
    let limit = (name.chars().count() / 3).max(2);
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(name, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c.clone())
}

fn field_meaning(name: &str) -> String {
    let m = match name {
        "agency" => "（机关）",
        "year" => "（报告年度）",
        "date" => "（成文日期）",
        "sections" => "（正文各部分）",
        "tables" => "（表二、表三、表四）",
        "overview" => "（一、总体情况）",
        "problems" => "（五、存在的主要问题及改进情况）",
        "other" => "（六、其他需要报告的事项）",
        "active" => "（表二 主动公开政府信息情况）",
        "applications" => "（表三 收到和处理政府信息公开申请情况）",
        "review" => "（表四 行政复议、行政诉讼情况）",
        _ => "",
    };
    m.to_string()
}

fn expected_of(msg: &str) -> (&'static str, &'static str) {
    let exp = msg.split(", expected ").nth(1).unwrap_or("");
    match exp {
        e if e.starts_with("text, a list of blocks, or a mapping") => (
            "文字、块列表或映射（heading/body/after）",
            "text, a list of blocks or a mapping (heading/body/after)",
        ),
        e if e.starts_with("text or a list of blocks") => {
            ("文字或块列表", "text or a list of blocks")
        }
        e if e.starts_with("text or a block mapping") => {
            ("文字或块（p、h2、h3、h4、image）", "text or a block mapping (p, h2, h3, h4, image)")
        }
        e if e.starts_with("u64") || e.starts_with("u16") => ("非负整数", "a non-negative integer"),
        e if e.starts_with("i32") || e.starts_with("i64") => ("整数", "an integer"),
        e if e.starts_with("f32") || e.starts_with("f64") => ("数字", "a number"),
        e if e.starts_with("a string") => ("文字", "text"),
        e if e.starts_with("a sequence") => ("列表", "a list"),
        e if e.contains("map") || e.starts_with("struct") => ("映射（键: 值）", "a mapping"),
        e if e.contains("non-negative number") => ("非负数字", "a non-negative number"),
        e if e.contains("row") => ("一行数字或映射", "a row or a mapping"),
        _ => ("其他类型", "another type"),
    }
}

// ---- conversion -----------------------------------------------------------------------

struct Cx<'a> {
    map: &'a SourceMap,
    src: &'a str,
    diags: Vec<Diagnostic>,
    dir: &'a Path,
}

impl Cx<'_> {
    fn err(&mut self, code: &'static str, path: &str, mut zh: String, mut en: String) {
        let pos = self.map.locate_key(path);
        if !zh.contains("行）") {
            zh.push_str(&format!("（第 {} 行）", pos.line));
            en.push_str(&format!(" (line {})", pos.line));
        }
        self.diags.push(Diagnostic::error(code, path, zh, en).at(pos.line, pos.col));
    }

    /// Whether an error was already reported at or under `path`.
    fn has_error_under(&self, path: &str) -> bool {
        self.diags.iter().any(|d| {
            d.is_error()
                && (d.path == path
                    || d.path.starts_with(&format!("{path}."))
                    || d.path.starts_with(&format!("{path}[")))
        })
    }

    fn line(&self, path: &str) -> u32 {
        self.map.line(path)
    }

    fn convert(&mut self, f: ReportFile, path: &Path) -> Option<Report> {
        let edition = self.edition(&f);
        let date = self.date(&f.date);
        if f.agency.trim().is_empty() {
            self.err("empty", "agency", "机关名称为空".into(), "`agency` is empty".into());
        }
        let title = f
            .title
            .clone()
            .unwrap_or_else(|| format!("{}{}年政府信息公开工作年度报告", f.agency, f.year));
        let preamble = match &f.preamble {
            Some(b) => self.body(b, "preamble"),
            None => Vec::new(),
        };
        let sections = self.sections(&f.sections, edition);
        let active = self.active(&f.tables.active, edition);
        let applications = self.applications(&f.tables.applications, edition);
        let review = self.review(&f.tables.review);
        let report = Report {
            source: path.to_path_buf(),
            agency: f.agency.clone(),
            year: f.year,
            edition: edition?,
            title,
            layout: f.layout.clone().unwrap_or_else(|| "official".into()),
            layout_overrides: f.layout_overrides.clone(),
            preamble,
            contact: f.contact.clone().unwrap_or_default(),
            signature: f.signature.clone().unwrap_or_else(|| f.agency.clone()),
            date: date?,
            sections,
            active,
            applications,
            review,
            illustrated: f.illustrated.clone().unwrap_or_default(),
        };
        Some(report)
    }

    fn edition(&mut self, f: &ReportFile) -> Option<Edition> {
        if !(2008..=2100).contains(&f.year) {
            self.err(
                "bad-year",
                "year",
                format!("报告年度 {} 不在 2008–2100 之间", f.year),
                format!("report year {} is outside 2008–2100", f.year),
            );
        }
        match f.edition {
            None => Some(Edition::for_year(f.year)),
            Some(2019) => Some(Edition::E2019),
            Some(2021) => Some(Edition::E2021),
            Some(other) => {
                self.err(
                    "bad-edition",
                    "edition",
                    format!("模板版本只能是 2019 或 2021，填写的是 {other}"),
                    format!("`edition` must be 2019 or 2021, found {other}"),
                );
                None
            }
        }
    }

    fn date(&mut self, s: &str) -> Option<Date> {
        let t = s.trim();
        let b = t.as_bytes();
        let shaped = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && t.chars().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shaped {
            self.err(
                "bad-date",
                "date",
                format!("日期「{s}」格式不对，应写作 YYYY-MM-DD，如 2020-01-31"),
                format!("invalid date `{s}`: write YYYY-MM-DD, e.g. 2020-01-31"),
            );
            return None;
        }
        let d = Date {
            year: t[..4].parse().ok()?,
            month: t[5..7].parse().ok()?,
            day: t[8..].parse().ok()?,
        };
        if !(1..=12).contains(&d.month) {
            self.err(
                "bad-date",
                "date",
                format!("日期「{s}」不存在：月份应为 01–12"),
                format!("date `{s}` does not exist: the month must be 01–12"),
            );
            return None;
        }
        let last = days_in(d);
        if d.day == 0 || d.day > last {
            self.err(
                "bad-date",
                "date",
                format!("日期「{s}」不存在：{}年{}月只有{last}天", d.year, d.month),
                format!("date `{s}` does not exist: {}-{:02} has {last} days", d.year, d.month),
            );
            return None;
        }
        Some(d)
    }

    fn sections(&mut self, s: &schema::Sections, edition: Option<Edition>) -> Vec<SectionText> {
        let all = [
            Some(&s.overview),
            s.active.as_ref(),
            s.applications.as_ref(),
            s.review.as_ref(),
            Some(&s.problems),
            Some(&s.other),
        ];
        let mut out = Vec::new();
        for (i, sec) in all.into_iter().enumerate() {
            let key = format!("sections.{}", SECTION_KEYS[i]);
            let empty = schema::Section::default();
            let sec = sec.unwrap_or(&empty);
            let before = match &sec.body {
                Some(b) => self.body(b, &self.body_path(&key, sec)),
                None => Vec::new(),
            };
            let after = match &sec.after {
                Some(b) => self.body(b, &format!("{key}.after")),
                None => Vec::new(),
            };
            let required = matches!(i, 0 | 4 | 5);
            if required && before.is_empty() && after.is_empty() && !self.has_error_under(&key) {
                self.err(
                    "empty-section",
                    &key,
                    format!("「{}、{}」没有内容", labels::NUMERALS[i], SECTION_HEADINGS[i]),
                    format!("section {} ({}) has no text", i + 1, SECTION_KEYS[i]),
                );
            }
            if i != 5 && sec.processing_fee.is_some() {
                self.err(
                    "misplaced-key",
                    &format!("{key}.processing_fee"),
                    "processing_fee（信息处理费）只能写在 sections.other（六、其他需要报告的事项）中".into(),
                    "`processing_fee` belongs in sections.other (section 六)".into(),
                );
            }
            if i == 5 && sec.processing_fee.is_some() && edition == Some(Edition::E2019) {
                self.err(
                    "wrong-edition",
                    &format!("{key}.processing_fee"),
                    "信息处理费自 2021 年起报告，2019 版模板（国办公开办函〔2019〕60号）没有此项"
                        .into(),
                    "`processing_fee` exists only in the 2021 edition (the fee dates from 2021)"
                        .into(),
                );
            }
            out.push(SectionText {
                number: i + 1,
                heading: sec.heading.clone().unwrap_or_else(|| SECTION_HEADINGS[i].to_string()),
                before,
                after,
                processing_fee: sec.processing_fee.clone(),
                line: self.line(&key),
            });
        }
        out
    }

    /// Path of a section's main text: the section itself (string/list form) or `.body`.
    fn body_path(&self, key: &str, sec: &schema::Section) -> String {
        let body = format!("{key}.body");
        if sec.heading.is_some() || sec.after.is_some() || self.map.key(&body).is_some() {
            body
        } else {
            key.to_string()
        }
    }

    /// The first content line of a text scalar at `path` (block scalars start one line
    /// below their `|`).
    fn text_line(&self, path: &str) -> u32 {
        let pos = self.map.locate(path);
        let line_text = self.src.lines().nth(pos.line.saturating_sub(1) as usize).unwrap_or("");
        let at: String = line_text.chars().skip(pos.col.saturating_sub(1) as usize).collect();
        if at.starts_with('|') || at.starts_with('>') {
            pos.line + 1
        } else {
            pos.line
        }
    }

    fn paras(&mut self, text: &str, path: &str) -> Vec<Para> {
        let (paras, unbalanced) = paragraphs(text, self.text_line(path));
        for line in unbalanced {
            self.diags.push(
                Diagnostic::warning(
                    "unclosed-bold",
                    path,
                    format!("「**」未成对，按原文输出（第 {line} 行）"),
                    format!("unbalanced `**` kept as text (line {line})"),
                )
                .at(line, 1),
            );
        }
        paras
    }

    fn body(&mut self, body: &Body, path: &str) -> Vec<Block> {
        match body {
            Body::Text(t) => self.paras(t, path).into_iter().map(Block::Paragraph).collect(),
            Body::Blocks(list) => {
                let mut out = Vec::new();
                let mut counters = [0usize; 5];
                for (i, b) in list.iter().enumerate() {
                    let p = format!("{path}[{i}]");
                    match b {
                        BlockSrc::Text(t) => {
                            out.extend(self.paras(t, &p).into_iter().map(Block::Paragraph))
                        }
                        BlockSrc::Map(m) => self.block_map(m, &p, &mut counters, &mut out),
                    }
                }
                out
            }
        }
    }

    fn block_map(
        &mut self,
        m: &schema::BlockMap,
        path: &str,
        counters: &mut [usize; 5],
        out: &mut Vec<Block>,
    ) {
        let kinds = [
            ("p", m.p.is_some()),
            ("h2", m.h2.is_some()),
            ("h3", m.h3.is_some()),
            ("h4", m.h4.is_some()),
            ("image", m.image.is_some()),
        ];
        let present: Vec<&str> = kinds.iter().filter(|(_, on)| *on).map(|(k, _)| *k).collect();
        if present.len() != 1 {
            self.err(
                "block-kind",
                path,
                if present.is_empty() {
                    "每个块须恰好有 p、h2、h3、h4、image 之一，这里一个也没有".to_string()
                } else {
                    format!(
                        "每个块须恰好有 p、h2、h3、h4、image 之一，这里有：{}",
                        present.join("、")
                    )
                },
                format!(
                    "a block needs exactly one of p, h2, h3, h4, image; found: {}",
                    if present.is_empty() { "none".into() } else { present.join(", ") }
                ),
            );
            return;
        }
        let kind = present[0];
        if kind != "image" && (m.caption.is_some() || m.width_mm.is_some()) {
            self.err(
                "block-kind",
                path,
                "caption 和 width_mm 只能用于 image 块".into(),
                "`caption` and `width_mm` apply only to image blocks".into(),
            );
        }
        if matches!(kind, "p" | "image") && (m.text.is_some() || m.number.is_some()) {
            self.err(
                "block-kind",
                path,
                "text 和 number 只能用于标题块（h2、h3、h4）".into(),
                "`text` and `number` apply only to headings (h2, h3, h4)".into(),
            );
        }
        match kind {
            "p" => {
                let text = m.p.as_deref().unwrap_or("");
                let paras = self.paras(text, &format!("{path}.p"));
                out.extend(paras.into_iter().map(Block::Paragraph));
            }
            "image" => {
                let rel = m.image.clone().unwrap_or_default();
                out.push(Block::Image(ImageRef {
                    path: self.dir.join(rel),
                    caption: m.caption.clone(),
                    width_mm: m.width_mm,
                    line: self.line(&format!("{path}.image")),
                }));
            }
            _ => {
                let level: u8 = kind[1..].parse().unwrap_or(2);
                let text = [&m.h2, &m.h3, &m.h4][level as usize - 2].clone().unwrap_or_default();
                counters[level as usize] += 1;
                for deeper in counters.iter_mut().skip(level as usize + 1) {
                    *deeper = 0;
                }
                let number =
                    m.number.clone().unwrap_or_else(|| numeral(level, counters[level as usize]));
                let hpath = format!("{path}.{kind}");
                let run_in = m.text.as_ref().map(|t| {
                    let tpath = format!("{path}.text");
                    let mut paras = self.paras(t, &tpath);
                    let first = if paras.is_empty() {
                        Para { runs: Vec::new(), line: self.line(&tpath) }
                    } else {
                        paras.remove(0)
                    };
                    (first, paras)
                });
                let (runs, _) = parse_bold(text.trim());
                let (first, rest) = match run_in {
                    Some((f, r)) => (Some(f), r),
                    None => (None, Vec::new()),
                };
                out.push(Block::Heading(Heading {
                    level,
                    number,
                    runs,
                    run_in: first,
                    line: self.line(&hpath),
                }));
                out.extend(rest.into_iter().map(Block::Paragraph));
            }
        }
    }

    // ---- 表二 ----

    fn active(&mut self, t: &schema::ActiveTable, ed: Option<Edition>) -> Vec<ActiveBlock> {
        let ed = ed.unwrap_or(Edition::E2021);
        let base = "tables.active";
        let mut blocks = Vec::new();
        let reg = t.regulations.as_ref();
        let normative = if ed == Edition::E2019 { A::NORMATIVE_2019 } else { A::NORMATIVE_2021 };
        let rows = [
            ("rules", A::RULES, reg.and_then(|r| r.rules.clone())),
            ("normative", normative, reg.and_then(|r| r.normative.clone())),
        ];
        let mut out_rows = Vec::new();
        for (key, label, row) in rows {
            let path = format!("{base}.regulations.{key}");
            let row = row.unwrap_or_default();
            let (old, new) = (
                [
                    ("new_made", row.new_made),
                    ("new_published", row.new_published),
                    ("total_published", row.total_published),
                ],
                [("issued", row.issued), ("repealed", row.repealed), ("in_force", row.in_force)],
            );
            let (mine, theirs) = if ed == Edition::E2019 { (old, new) } else { (new, old) };
            for (k, v) in theirs {
                if v.is_some() {
                    let column = regulation_column(k);
                    self.wrong_edition(
                        &format!("{path}.{k}"),
                        ed,
                        &format!("{}「{label}」的「{column}」", A::ITEM_1),
                    );
                }
            }
            out_rows.push(ActiveRow {
                label,
                values: mine.iter().map(|(_, v)| Value::Count(v.unwrap_or(Some(0)))).collect(),
                line: self.map.key(&path).map(|p| p.line).unwrap_or(0),
            });
        }
        blocks.push(ActiveBlock { item: ActiveItem::Regulations, rows: out_rows });

        let lic = t.licensing.as_ref();
        let mut rows = vec![("licensing.permits", A::PERMITS, lic.and_then(|l| l.permits.clone()))];
        match ed {
            Edition::E2019 => rows.push((
                "licensing.other_services",
                A::OTHER_SERVICES,
                lic.and_then(|l| l.other_services.clone()),
            )),
            Edition::E2021 => {
                if lic.is_some_and(|l| l.other_services.is_some()) {
                    self.wrong_edition(
                        &format!("{base}.licensing.other_services"),
                        ed,
                        &format!("{}的「{}」", A::ITEM_5, A::OTHER_SERVICES),
                    );
                }
            }
        }
        let r = self.decision_rows(&rows, ed);
        blocks.push(ActiveBlock { item: ActiveItem::Licensing, rows: r });

        let enf = t.enforcement.as_ref();
        let rows = vec![
            ("enforcement.penalties", A::PENALTIES, enf.and_then(|e| e.penalties.clone())),
            ("enforcement.coercion", A::COERCION, enf.and_then(|e| e.coercion.clone())),
        ];
        let r = self.decision_rows(&rows, ed);
        blocks.push(ActiveBlock { item: ActiveItem::Enforcement, rows: r });

        let charges = t.fees.as_ref().and_then(|f| f.charges.clone()).unwrap_or_default();
        let path = format!("{base}.fees.charges");
        let values = match ed {
            Edition::E2019 => {
                if charges.amount.is_some() {
                    self.wrong_edition(&format!("{path}.amount"), ed, "本年收费金额（单位：万元）");
                }
                vec![
                    Value::Count(charges.previous.unwrap_or(Some(0))),
                    Value::Change(charges.change.unwrap_or(Some(0))),
                ]
            }
            Edition::E2021 => {
                for (k, on) in
                    [("previous", charges.previous.is_some()), ("change", charges.change.is_some())]
                {
                    if on {
                        self.wrong_edition(
                            &format!("{path}.{k}"),
                            ed,
                            &format!(
                                "{}「{}」的「{}」",
                                A::ITEM_8,
                                A::CHARGES,
                                A::FEES_2019[if k == "previous" { 0 } else { 1 }]
                            ),
                        );
                    }
                }
                let zero = Amount { text: "0".into(), value: 0.0 };
                vec![Value::Money(charges.amount.clone().unwrap_or(Some(zero)), String::new())]
            }
        };
        let line = self.map.key(&path).map(|p| p.line).unwrap_or(0);
        blocks.push(ActiveBlock {
            item: ActiveItem::Fees,
            rows: vec![ActiveRow { label: A::CHARGES, values, line }],
        });

        match ed {
            Edition::E2019 => {
                let p =
                    t.procurement.as_ref().and_then(|p| p.purchases.clone()).unwrap_or_default();
                let path = format!("{base}.procurement.purchases");
                let zero = Amount { text: "0".into(), value: 0.0 };
                let values = vec![
                    Value::Count(p.count.unwrap_or(Some(0))),
                    Value::Money(
                        p.amount.clone().unwrap_or(Some(zero)),
                        p.unit.clone().unwrap_or_default(),
                    ),
                ];
                let line = self.map.key(&path).map(|p| p.line).unwrap_or(0);
                blocks.push(ActiveBlock {
                    item: ActiveItem::Procurement,
                    rows: vec![ActiveRow { label: A::PURCHASES, values, line }],
                });
            }
            Edition::E2021 => {
                if t.procurement.is_some() {
                    self.wrong_edition(&format!("{base}.procurement"), ed, A::ITEM_9);
                }
            }
        }
        blocks
    }

    fn decision_rows(
        &mut self,
        rows: &[(&str, &'static str, Option<schema::DecisionRow>)],
        ed: Edition,
    ) -> Vec<ActiveRow> {
        let mut out = Vec::new();
        for (key, label, row) in rows {
            let path = format!("tables.active.{key}");
            let row = row.clone().unwrap_or_default();
            let values = match ed {
                Edition::E2019 => vec![
                    Value::Count(row.previous.unwrap_or(Some(0))),
                    Value::Change(row.change.unwrap_or(Some(0))),
                    Value::Count(row.decisions.unwrap_or(Some(0))),
                ],
                Edition::E2021 => {
                    for (k, on) in
                        [("previous", row.previous.is_some()), ("change", row.change.is_some())]
                    {
                        if on {
                            let col = if k == "previous" {
                                "上一年项目数量"
                            } else {
                                "本年增/减"
                            };
                            self.wrong_edition(
                                &format!("{path}.{k}"),
                                ed,
                                &format!("「{label}」的「{col}」"),
                            );
                        }
                    }
                    vec![Value::Count(row.decisions.unwrap_or(Some(0)))]
                }
            };
            let line = self.map.key(&path).map(|p| p.line).unwrap_or(0);
            out.push(ActiveRow { label, values, line });
        }
        out
    }

    fn wrong_edition(&mut self, path: &str, ed: Edition, what: &str) {
        let other = match ed {
            Edition::E2019 => Edition::E2021,
            Edition::E2021 => Edition::E2019,
        };
        let key = path.rsplit('.').next().unwrap_or(path);
        self.err(
            "wrong-edition",
            path,
            format!(
                "{what}只存在于 {} 版模板（{}），本报告使用 {} 版（{}）",
                other.year(),
                other.notice(),
                ed.year(),
                ed.notice()
            ),
            format!(
                "`{key}` exists only in the {} edition; this report uses the {} edition",
                other.year(),
                ed.year()
            ),
        );
    }

    // ---- 表三 ----

    fn applications(&mut self, t: &schema::ApplicationsTable, ed: Option<Edition>) -> Vec<AppRow> {
        let ed = ed.unwrap_or(Edition::E2021);
        let base = "tables.applications";
        match (&t.other, ed) {
            (Some(OtherHandling::Split(_)), Edition::E2019) => self.err(
                "wrong-edition",
                &format!("{base}.other"),
                "2019 版模板（国办公开办函〔2019〕60号）的「（六）其他处理」只有一行，应写作 other: [自然人, …]".into(),
                "in the 2019 edition 3(6) `other` is a single row: write other: [n1, …, n6]".into(),
            ),
            (Some(OtherHandling::Row(_)), Edition::E2021) => self.err(
                "wrong-edition",
                &format!("{base}.other"),
                "2021 版模板（国办公开办函〔2021〕30号）的「（六）其他处理」分为三项，应写作 other: {no_correction, unpaid_fee, other}".into(),
                "in the 2021 edition 3(6) `other` has three rows: write other: {no_correction, unpaid_fee, other}".into(),
            ),
            _ => {}
        }
        application_rows(ed)
            .into_iter()
            .map(|def| {
                let row = app_row_src(t, def.key);
                let path = format!("{base}.{}", def.key);
                self.row7(def, row, &path)
            })
            .collect()
    }

    fn row7(&mut self, def: AppRowDef, row: Option<&schema::Row>, path: &str) -> AppRow {
        let mut values = [Some(0); 7];
        values[6] = None;
        let line = self.map.key(path).map(|p| p.line).unwrap_or(0);
        let total_given = row.is_some_and(|r| r.len() == 7);
        if let Some(row) = row {
            if row.len() == 6 || row.len() == 7 {
                values = [None; 7];
                for (i, v) in row.iter().enumerate() {
                    values[i] = *v;
                }
            } else {
                self.err(
                    "row-length",
                    path,
                    format!("表三「{}」应有 6 个数（申请人各列）或 7 个数（另加总计），填写了 {} 个（第 {line} 行）", def.name(), row.len()),
                    format!("Table 3 row `{}` needs 6 numbers (applicant columns) or 7 (with the total), found {} (line {line})", def.key, row.len()),
                );
            }
        }
        AppRow { def, values, total_given, line }
    }

    // ---- 表四 ----

    fn review(&mut self, t: &schema::ReviewTable) -> Vec<ReviewRow> {
        let rows = [&t.reconsideration, &t.litigation_direct, &t.litigation_after_review];
        labels::review::GROUPS
            .iter()
            .zip(rows)
            .map(|((key, zh, _), row)| {
                let path = format!("tables.review.{key}");
                let line = self.map.key(&path).map(|p| p.line).unwrap_or(0);
                let mut values = [Some(0), Some(0), Some(0), Some(0), None];
                if let Some(row) = row {
                    if row.len() == 4 || row.len() == 5 {
                        values = [None; 5];
                        for (i, v) in row.iter().enumerate() {
                            values[i] = *v;
                        }
                    } else {
                        self.err(
                            "row-length",
                            &path,
                            format!("表四「{zh}」应有 4 个数（结果维持、结果纠正、其他结果、尚未审结）或 5 个数（另加总计），填写了 {} 个（第 {line} 行）", row.len()),
                            format!("Table 4 group `{key}` needs 4 numbers or 5 (with the total), found {} (line {line})", row.len()),
                        );
                    }
                }
                ReviewRow { key, values, line }
            })
            .collect()
    }
}

/// The YAML row for a 表三 key such as `withheld.state_secret`.
fn app_row_src<'a>(t: &'a schema::ApplicationsTable, key: &str) -> Option<&'a schema::Row> {
    let w = t.withheld.as_ref();
    let u = t.unable.as_ref();
    let n = t.not_processed.as_ref();
    let split = match &t.other {
        Some(OtherHandling::Split(s)) => Some(s),
        _ => None,
    };
    match key {
        "new" => t.new.as_ref(),
        "carried_over" => t.carried_over.as_ref(),
        "disclosed" => t.disclosed.as_ref(),
        "partly_disclosed" => t.partly_disclosed.as_ref(),
        "withheld.state_secret" => w?.state_secret.as_ref(),
        "withheld.prohibited_by_law" => w?.prohibited_by_law.as_ref(),
        "withheld.security_stability" => w?.security_stability.as_ref(),
        "withheld.third_party_rights" => w?.third_party_rights.as_ref(),
        "withheld.internal_affairs" => w?.internal_affairs.as_ref(),
        "withheld.process_info" => w?.process_info.as_ref(),
        "withheld.enforcement_files" => w?.enforcement_files.as_ref(),
        "withheld.query_matters" => w?.query_matters.as_ref(),
        "unable.not_held" => u?.not_held.as_ref(),
        "unable.needs_creation" => u?.needs_creation.as_ref(),
        "unable.still_unclear" => u?.still_unclear.as_ref(),
        "not_processed.petition" => n?.petition.as_ref(),
        "not_processed.repeated" => n?.repeated.as_ref(),
        "not_processed.publications" => n?.publications.as_ref(),
        "not_processed.excessive" => n?.excessive.as_ref(),
        "not_processed.confirmation" => n?.confirmation.as_ref(),
        "other" => match &t.other {
            Some(OtherHandling::Row(r)) => Some(r),
            _ => None,
        },
        "other.no_correction" => split?.no_correction.as_ref(),
        "other.unpaid_fee" => split?.unpaid_fee.as_ref(),
        "other.other" => split?.other.as_ref(),
        "total" => t.total.as_ref(),
        "carried_forward" => t.carried_forward.as_ref(),
        _ => None,
    }
}

/// The printed name of a 第二十条第（一）项 column key.
fn regulation_column(key: &str) -> &'static str {
    match key {
        "new_made" => A::REG_2019[0],
        "new_published" => A::REG_2019[1],
        "total_published" => A::REG_2019[2],
        "issued" => A::REG_2021[0],
        "repealed" => A::REG_2021[1],
        _ => A::REG_2021[2],
    }
}

/// Heading numerals: （一） for level 2, 1. for level 3, （1） for level 4.
fn numeral(level: u8, n: usize) -> String {
    match level {
        2 => format!("（{}）", chinese_number(n)),
        3 => format!("{n}."),
        _ => format!("（{n}）"),
    }
}

/// 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (up to 99).
pub(crate) fn chinese_number(n: usize) -> String {
    let d = |i: usize| labels::NUMERALS[i - 1];
    match n {
        1..=9 => d(n).to_string(),
        10 => "十".into(),
        11..=19 => format!("十{}", d(n - 10)),
        20..=99 if n.is_multiple_of(10) => format!("{}十", d(n / 10)),
        20..=99 => format!("{}十{}", d(n / 10), d(n % 10)),
        _ => n.to_string(),
    }
}

fn days_in(d: Date) -> u8 {
    match d.month {
        2 if (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        assert_eq!(chinese_number(1), "一");
        assert_eq!(chinese_number(10), "十");
        assert_eq!(chinese_number(14), "十四");
        assert_eq!(chinese_number(20), "二十");
        assert_eq!(chinese_number(23), "二十三");
        assert_eq!(numeral(2, 3), "（三）");
        assert_eq!(numeral(3, 2), "2.");
        assert_eq!(numeral(4, 1), "（1）");
    }

    #[test]
    fn nearest_key() {
        let c: Vec<String> =
            ["new", "carried_over", "total"].iter().map(|s| s.to_string()).collect();
        assert_eq!(nearest("nwe", &c).as_deref(), Some("new"));
        assert_eq!(nearest("carryed_over", &c).as_deref(), Some("carried_over"));
        assert_eq!(nearest("zzzzzz", &c), None);
    }
}
