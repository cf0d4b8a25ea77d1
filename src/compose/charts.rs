//! Charts of the illustrated variant, built from the report's figures (illustrated-design.md):
//! 表二 as bars, 表三's applicants and results as rings, the reasons as horizontal bars,
//! 表四 as stacked bars, and a year-over-year comparison when last year's figures are
//! given. Each chart is placed after the text of the section whose figures it shows.
//!
//! Every presentation decision is taken here, once, for the PDF, the PNG and the DOCX:
//! zero categories are dropped and summed up in a note, an all-zero chart becomes a
//! one-line statement, a category keeps its colour in every chart, ring percentages are
//! rounded so that they add up to 100.0 %.

use std::collections::BTreeMap;

use super::tree::{Chart, ChartKind, Rgb, Series};
use crate::model::labels::{self, active as A, AppGroup};
use crate::model::schema::ChartSpec;
use crate::model::{ActiveItem, Edition, Report, Value};
use crate::style::Colors;

/// A chart and the section (1–6) after whose text it is placed.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedChart {
    /// Section number.
    pub section: u8,
    /// The chart.
    pub chart: Chart,
}

/// The ids of the built-in charts, in default order.
pub const BUILT_IN: [&str; 7] =
    ["regulations", "decisions", "applicants", "results", "reasons", "review", "year_over_year"];

/// Why a chart setting is wrong.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ChartError {
    /// A custom chart lacks data or has the wrong shape.
    #[error("自定义图表「{id}」无效：{zh} / custom chart `{id}` is invalid: {en}")]
    Invalid {
        /// Chart id or position.
        id: String,
        /// Chinese reason.
        zh: String,
        /// English reason.
        en: String,
    },
}

/// Last year's figures by metric (`new_applications`, `handled`, `reconsideration`,
/// `litigation`, `disclosures`).
pub type PreviousFigures = BTreeMap<String, f64>;

/// This year's values of the year-over-year metrics.
pub fn metrics(report: &Report) -> PreviousFigures {
    let app_total = |key: &str| report.app_row(key).and_then(|r| r.values[6]).unwrap_or(0) as f64;
    let review_total = |i: usize| report.review[i].values[4].unwrap_or(0) as f64;
    let mut m = BTreeMap::new();
    m.insert("new_applications".into(), app_total("new"));
    m.insert("handled".into(), app_total("total"));
    m.insert("reconsideration".into(), review_total(0));
    m.insert("litigation".into(), review_total(1) + review_total(2));
    if let Some(n) = super::figures::disclosures(report) {
        m.insert("disclosures".into(), n.0);
    }
    m
}

/// All charts of a report, honouring the YAML's switches, titles, order and custom charts.
pub fn charts(
    report: &Report,
    colors: &Colors,
    previous: Option<&PreviousFigures>,
) -> Result<Vec<PlacedChart>, ChartError> {
    let specs = report.illustrated.charts.clone().unwrap_or_default();
    let mut built: Vec<PlacedChart> =
        BUILT_IN.iter().filter_map(|id| built_in(id, report, colors, previous)).collect();
    // Order: charts named in the YAML first, in its order; the rest keep the default order.
    let mut out = Vec::new();
    for (i, spec) in specs.iter().enumerate() {
        match spec.id.as_deref().filter(|id| BUILT_IN.contains(id)) {
            Some(id) => {
                if let Some(pos) = built.iter().position(|c| c.chart.id == id) {
                    let mut c = built.remove(pos);
                    if spec.enabled != Some(false) {
                        if let Some(t) = &spec.title {
                            c.chart.title = t.clone();
                        }
                        if let Some(s) = spec.section {
                            c.section = s;
                        }
                        out.push(c);
                    }
                }
            }
            None if spec.enabled == Some(false) => {}
            None => out.push(custom(spec, i, colors)?),
        }
    }
    out.extend(built);
    // Stable by section so that each chart sits beside its figures.
    out.sort_by_key(|c| c.section);
    Ok(out)
}

fn pick(colors: &Colors, i: usize) -> Rgb {
    colors.series.get(i % colors.series.len().max(1)).copied().unwrap_or(colors.primary)
}

fn empty(id: &str, kind: ChartKind, title: &str, unit: &str) -> Chart {
    Chart {
        id: id.into(),
        kind,
        title: title.into(),
        unit: unit.into(),
        categories: Vec::new(),
        category_colors: Vec::new(),
        series: Vec::new(),
        percents: Vec::new(),
        center_label: None,
        note: None,
        empty_statement: None,
    }
}

fn count(v: &Value) -> f64 {
    match v {
        Value::Count(n) => n.unwrap_or(0) as f64,
        Value::Change(n) => n.unwrap_or(0) as f64,
        Value::Money(a, _) => a.as_ref().map(|a| a.value).unwrap_or(0.0),
    }
}

fn built_in(
    id: &str,
    report: &Report,
    colors: &Colors,
    previous: Option<&PreviousFigures>,
) -> Option<PlacedChart> {
    let (section, chart) = match id {
        "regulations" => (2, regulations(report, colors)),
        "decisions" => (2, decisions(report, colors)),
        "applicants" => (3, applicants(report, colors)),
        "results" => (3, results(report, colors)),
        "reasons" => (3, reasons(report, colors)?),
        "review" => (4, review(report, colors)),
        "year_over_year" => (1, year_over_year(report, colors, previous?)?),
        _ => return None,
    };
    Some(PlacedChart { section, chart })
}

/// 表二（一）: grouped bars, 规章 and (行政)规范性文件 × the edition's three columns.
fn regulations(report: &Report, colors: &Colors) -> Chart {
    let block = report.active.iter().find(|b| b.item == ActiveItem::Regulations);
    let names: &[&str] = match report.edition {
        Edition::E2019 => &A::REG_2019,
        Edition::E2021 => &A::REG_2021,
    };
    let mut c = empty("regulations", ChartKind::Bar, "规章和规范性文件", "件");
    if let Some(b) = block {
        c.categories = b.rows.iter().map(|r| r.label.to_string()).collect();
        c.series = names
            .iter()
            .enumerate()
            .map(|(i, n)| Series {
                name: n.to_string(),
                values: b.rows.iter().map(|r| r.values.get(i).map(count).unwrap_or(0.0)).collect(),
                color: pick(colors, i),
            })
            .collect();
    }
    finish_bars(c, "本年度未制发、公开规章和规范性文件。")
}

/// 表二（五）（六）: horizontal bars of the 处理决定数量.
fn decisions(report: &Report, colors: &Colors) -> Chart {
    let mut c =
        empty("decisions", ChartKind::HBar, "行政许可、行政处罚、行政强制处理决定数量", "件");
    let mut values = Vec::new();
    for b in report
        .active
        .iter()
        .filter(|b| matches!(b.item, ActiveItem::Licensing | ActiveItem::Enforcement))
    {
        for r in &b.rows {
            c.categories.push(r.label.to_string());
            values.push(r.values.last().map(count).unwrap_or(0.0));
        }
    }
    c.category_colors = (0..c.categories.len()).map(|_| colors.primary).collect();
    c.series = vec![Series { name: "处理决定数量".into(), values, color: colors.primary }];
    drop_zero_categories(&mut c);
    finish_bars(c, "本年度无行政许可、行政处罚、行政强制处理决定。")
}

/// 表三 一、本年新收 by applicant type: a ring.
fn applicants(report: &Report, colors: &Colors) -> Chart {
    let mut c = empty("applicants", ChartKind::Ring, "新收政府信息公开申请的申请人构成", "件");
    let row = report.app_row("new");
    c.categories = labels::APPLICANT_COLUMNS[..6].iter().map(|s| s.to_string()).collect();
    c.category_colors = (0..6).map(|i| pick(colors, i)).collect();
    let values = (0..6).map(|i| row.and_then(|r| r.values[i]).unwrap_or(0) as f64).collect();
    c.series = vec![Series { name: "新收申请".into(), values, color: colors.primary }];
    finish_ring(c, "本年度未收到政府信息公开申请。")
}

/// 表三 三、办理结果 by outcome （一）…（六）: a ring.
fn results(report: &Report, colors: &Colors) -> Chart {
    let mut c = empty("results", ChartKind::Ring, "依申请公开办理结果", "件");
    let outcomes: [(&str, &str); 6] = [
        ("disclosed", "予以公开"),
        ("partly_disclosed", "部分公开"),
        ("withheld", "不予公开"),
        ("unable", "无法提供"),
        ("not_processed", "不予处理"),
        ("other", "其他处理"),
    ];
    let mut values = Vec::new();
    for (key, name) in outcomes {
        let sum: u64 = report
            .applications
            .iter()
            .filter(|r| r.def.key == key || r.def.key.starts_with(&format!("{key}.")))
            .map(|r| r.values[6].unwrap_or(0))
            .sum();
        c.categories.push(name.into());
        values.push(sum as f64);
    }
    c.category_colors = (0..6).map(|i| pick(colors, i)).collect();
    c.series = vec![Series { name: "办理结果".into(), values, color: colors.primary }];
    finish_ring(c, "本年度无办结的政府信息公开申请。")
}

/// 不予公开 / 无法提供 / 不予处理 (and 2021 其他处理) reasons: horizontal bars, only
/// when any is non-zero.
fn reasons(report: &Report, colors: &Colors) -> Option<Chart> {
    let mut c = empty("reasons", ChartKind::HBar, "不予公开、无法提供、不予处理的理由", "件");
    let mut values = Vec::new();
    for r in report.applications.iter() {
        if let AppGroup::Result(Some(group)) = r.def.group {
            let short = group.trim_start_matches(|ch: char| ch != '）').trim_start_matches('）');
            let label = r.def.label.trim_start_matches(|ch: char| ch.is_ascii_digit() || ch == '.');
            c.categories.push(format!("{short}·{label}"));
            values.push(r.values[6].unwrap_or(0) as f64);
        }
    }
    if values.iter().all(|v| *v == 0.0) {
        return None;
    }
    c.category_colors = (0..c.categories.len()).map(|_| colors.secondary).collect();
    c.series = vec![Series { name: "件数".into(), values, color: colors.secondary }];
    drop_zero_categories(&mut c);
    Some(c)
}

/// 表四: stacked bars, one per group, stacked by result.
fn review(report: &Report, colors: &Colors) -> Chart {
    let mut c = empty("review", ChartKind::Stacked, "政府信息公开行政复议、行政诉讼情况", "件");
    c.categories = labels::review::GROUPS.iter().map(|(_, zh, _)| zh.to_string()).collect();
    c.category_colors = (0..3).map(|i| pick(colors, i)).collect();
    c.series = labels::review::RESULTS[..4]
        .iter()
        .enumerate()
        .map(|(i, name)| Series {
            name: name.to_string(),
            values: report.review.iter().map(|r| r.values[i].unwrap_or(0) as f64).collect(),
            color: pick(colors, i),
        })
        .collect();
    finish_bars(c, "本年度未发生政府信息公开行政复议、行政诉讼案件。")
}

/// Paired bars: last year (tint) and this year (primary) for every metric both have.
fn year_over_year(report: &Report, colors: &Colors, prev: &PreviousFigures) -> Option<Chart> {
    let names = [
        ("disclosures", "主动公开信息"),
        ("new_applications", "新收申请"),
        ("handled", "办结申请"),
        ("reconsideration", "行政复议"),
        ("litigation", "行政诉讼"),
    ];
    let now = metrics(report);
    let mut c = empty("year_over_year", ChartKind::Bar, "与上年对比", "");
    let (mut last, mut this) = (Vec::new(), Vec::new());
    for (key, name) in names {
        if let (Some(p), Some(n)) = (prev.get(key), now.get(key)) {
            c.categories.push(name.into());
            last.push(*p);
            this.push(*n);
        }
    }
    if c.categories.is_empty() {
        return None;
    }
    c.series = vec![
        Series { name: format!("{}年", report.year - 1), values: last, color: colors.tint },
        Series { name: format!("{}年", report.year), values: this, color: colors.primary },
    ];
    Some(c)
}

fn custom(spec: &ChartSpec, index: usize, colors: &Colors) -> Result<PlacedChart, ChartError> {
    let id = spec.id.clone().unwrap_or_else(|| format!("custom-{}", index + 1));
    let bad =
        |zh: &str, en: &str| ChartError::Invalid { id: id.clone(), zh: zh.into(), en: en.into() };
    let kind = match spec.kind.as_deref() {
        Some("bar") => ChartKind::Bar,
        Some("hbar") => ChartKind::HBar,
        Some("ring") => ChartKind::Ring,
        Some("stacked") => ChartKind::Stacked,
        Some(_) | None => {
            return Err(bad(
                "type 须为 bar、hbar、ring 或 stacked（内置图表的 id 为 regulations、decisions、applicants、results、reasons、review、year_over_year）",
                "type must be bar, hbar, ring or stacked (built-in ids: regulations, decisions, applicants, results, reasons, review, year_over_year)",
            ))
        }
    };
    let categories = spec.categories.clone().unwrap_or_default();
    let series = spec.series.clone().unwrap_or_default();
    if categories.is_empty() || series.is_empty() {
        return Err(bad("需要 categories 和 series", "needs categories and series"));
    }
    if let Some(s) = series.iter().find(|s| s.values.len() != categories.len()) {
        return Err(ChartError::Invalid {
            id: id.clone(),
            zh: format!(
                "数据系列「{}」有 {} 个值，类别有 {} 个",
                s.name,
                s.values.len(),
                categories.len()
            ),
            en: format!(
                "series `{}` has {} values for {} categories",
                s.name,
                s.values.len(),
                categories.len()
            ),
        });
    }
    if series.iter().flat_map(|s| &s.values).any(|v| !v.is_finite() || *v < 0.0) {
        return Err(bad("数值须为非负数", "values must be non-negative numbers"));
    }
    let mut c =
        empty(&id, kind, spec.title.as_deref().unwrap_or(""), spec.unit.as_deref().unwrap_or(""));
    c.category_colors = (0..categories.len()).map(|i| pick(colors, i)).collect();
    c.categories = categories;
    c.series = series
        .into_iter()
        .enumerate()
        .map(|(i, s)| Series { name: s.name, values: s.values, color: pick(colors, i) })
        .collect();
    let c = match kind {
        ChartKind::Ring => finish_ring(c, "（无数据）"),
        _ => finish_bars(c, "（无数据）"),
    };
    Ok(PlacedChart { section: spec.section.unwrap_or(1).clamp(1, 6), chart: c })
}

/// Remove categories whose values are zero in every series; note them under the chart.
fn drop_zero_categories(c: &mut Chart) {
    let keep: Vec<bool> = (0..c.categories.len())
        .map(|i| c.series.iter().any(|s| s.values.get(i).copied().unwrap_or(0.0) != 0.0))
        .collect();
    let dropped = keep.iter().filter(|k| !**k).count();
    if dropped == 0 || dropped == keep.len() {
        return;
    }
    c.categories = kept(&c.categories, &keep);
    c.category_colors = kept(&c.category_colors, &keep);
    for s in &mut c.series {
        s.values = kept(&s.values, &keep);
    }
    c.note = Some(format!("其余 {dropped} 类均为 0{}", c.unit));
}

fn kept<T: Clone>(items: &[T], keep: &[bool]) -> Vec<T> {
    items.iter().zip(keep).filter(|(_, k)| **k).map(|(x, _)| x.clone()).collect()
}

fn finish_bars(mut c: Chart, statement: &str) -> Chart {
    if c.series.iter().flat_map(|s| &s.values).all(|v| *v == 0.0) {
        c.empty_statement = Some(statement.into());
    }
    c
}

fn finish_ring(mut c: Chart, statement: &str) -> Chart {
    drop_zero_categories(&mut c);
    let values = c.series.first().map(|s| s.values.clone()).unwrap_or_default();
    let total: f64 = values.iter().sum();
    if total == 0.0 {
        c.empty_statement = Some(statement.into());
        return c;
    }
    c.percents = percents(&values).iter().map(|p| format!("{:.1}%", *p as f64 / 10.0)).collect();
    c.center_label = Some(format!("共 {} {}", format_number(total), c.unit).trim_end().to_string());
    c
}

/// Shares in tenths of a percent that add up to exactly 1000 (largest remainder).
pub fn percents(values: &[f64]) -> Vec<u32> {
    let total: f64 = values.iter().sum();
    if total <= 0.0 {
        return vec![0; values.len()];
    }
    let raw: Vec<f64> = values.iter().map(|v| v / total * 1000.0).collect();
    let mut out: Vec<u32> = raw.iter().map(|r| r.floor() as u32).collect();
    let mut rest = 1000 - out.iter().sum::<u32>();
    let mut order: Vec<usize> = (0..raw.len()).collect();
    order.sort_by(|&a, &b| {
        let fa = raw[a] - raw[a].floor();
        let fb = raw[b] - raw[b].floor();
        fb.partial_cmp(&fa).unwrap_or(std::cmp::Ordering::Equal).then(a.cmp(&b))
    });
    for i in order {
        if rest == 0 {
            break;
        }
        if values[i] > 0.0 {
            out[i] += 1;
            rest -= 1;
        }
    }
    out
}

/// A number as printed on a chart: integers without decimals, others with up to two.
pub fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model;
    use crate::style::Style;
    use std::path::Path;

    fn load(name: &str) -> Report {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples").join(name);
        model::load(&path).unwrap().0
    }

    fn colors() -> Colors {
        Style::official().colors(None)
    }

    #[test]
    fn percents_add_up_to_100() {
        assert_eq!(percents(&[1.0, 1.0, 1.0]), vec![334, 333, 333]);
        assert_eq!(percents(&[1362.0, 454.0, 178.0]).iter().sum::<u32>(), 1000);
        assert_eq!(percents(&[0.0, 5.0]), vec![0, 1000]);
    }

    #[test]
    fn huaian_charts() {
        let r = load("huaian-2024.yaml");
        let all = charts(&r, &colors(), None).unwrap();
        let ids: Vec<&str> = all.iter().map(|c| c.chart.id.as_str()).collect();
        assert_eq!(ids, ["regulations", "decisions", "applicants", "results", "reasons", "review"]);
        let applicants = &all[2].chart;
        // 科研机构 and 社会公益组织 are 0: dropped and noted.
        assert_eq!(applicants.categories, ["自然人", "商业企业", "法律服务机构", "其他"]);
        assert_eq!(applicants.series[0].values, [3001.0, 53.0, 61.0, 4.0]);
        assert_eq!(applicants.note.as_deref(), Some("其余 2 类均为 0件"));
        assert_eq!(applicants.center_label.as_deref(), Some("共 3119 件"));
        assert_eq!(applicants.percents, ["96.2%", "1.7%", "2.0%", "0.1%"]);
        let results = &all[3].chart;
        assert_eq!(results.series[0].values, [1362.0, 454.0, 178.0, 781.0, 88.0, 187.0]);
        assert_eq!(results.center_label.as_deref(), Some("共 3050 件"));
    }

    #[test]
    fn all_zero_review_becomes_a_statement() {
        let r = load("qianshan-2019.yaml");
        let all = charts(&r, &colors(), None).unwrap();
        let review = all.iter().find(|c| c.chart.id == "review").unwrap();
        assert_eq!(
            review.chart.empty_statement.as_deref(),
            Some("本年度未发生政府信息公开行政复议、行政诉讼案件。")
        );
        assert!(all.iter().all(|c| c.chart.id != "reasons"), "no non-zero reason: no chart");
    }
}
