//! 「数说年报」 key figures: the 4–6 numbers a citizen should see first, chosen from the
//! report's data unless the YAML lists its own.

use super::charts::format_number;
use super::tree::KeyFigure;
use crate::model::{Block, Edition, Report};

/// The number of proactively disclosed items as the overview states it
/// (「全市2019年公开政府信息36629条」, 「主动公开各类政府信息5500余条」): (value, unit).
pub fn disclosures(report: &Report) -> Option<(f64, String)> {
    let overview = &report.sections[0];
    overview.before.iter().chain(&overview.after).find_map(|b| match b {
        Block::Paragraph(p) => find_disclosures(&p.plain()),
        Block::Heading(h) => h.run_in.as_ref().and_then(|p| find_disclosures(&p.plain())),
        Block::Image(_) => None,
    })
}

/// Find 「公开…信息N(余)条」 in a sentence.
fn find_disclosures(text: &str) -> Option<(f64, String)> {
    let chars: Vec<char> = text.chars().collect();
    let s: String = chars.iter().collect();
    let mut from = 0;
    while let Some(pos) = s[from..].find("信息") {
        let start = from + pos;
        let before = &s[..start];
        // The verb 公开 must come shortly before 信息 (「公开政府信息」「公开各类政府信息」).
        let window: String =
            before.chars().rev().take(8).collect::<Vec<_>>().into_iter().rev().collect();
        let after = &s[start + "信息".len()..];
        let digits: String = after.chars().take_while(|c| c.is_ascii_digit()).collect();
        if window.contains("公开") && !digits.is_empty() {
            let rest = &after[digits.len()..];
            let unit = if rest.starts_with("余条") {
                "余条"
            } else if rest.starts_with('条') {
                "条"
            } else {
                from = start + 1;
                continue;
            };
            return digits.parse().ok().map(|v| (v, unit.to_string()));
        }
        from = start + "信息".len();
    }
    None
}

/// The key figures: the YAML's, or the defaults of illustrated-design.md.
pub fn key_figures(report: &Report) -> Vec<KeyFigure> {
    if let Some(list) = &report.illustrated.key_figures {
        return list
            .iter()
            .map(|k| KeyFigure {
                value: k.value.text.clone(),
                unit: k.unit.clone().unwrap_or_default(),
                label: k.label.clone(),
            })
            .collect();
    }
    let mut out = Vec::new();
    if let Some((v, unit)) = disclosures(report) {
        out.push(fig(format_number(v), &unit, "主动公开政府信息"));
    }
    let total = |key: &str| report.app_row(key).and_then(|r| r.values[6]).unwrap_or(0);
    out.push(fig(total("new").to_string(), "件", "新收政府信息公开申请"));
    let handled = total("total");
    let due = total("new") + total("carried_over");
    if due > 0 {
        let rate = handled as f64 / due as f64 * 100.0;
        out.push(fig(format!("{rate:.1}"), "%", "申请办结率"));
    } else {
        out.push(fig(handled.to_string(), "件", "办结政府信息公开申请"));
    }
    let review = |i: usize| report.review[i].values[4].unwrap_or(0);
    out.push(fig(review(0).to_string(), "件", "政府信息公开行政复议"));
    out.push(fig((review(1) + review(2)).to_string(), "件", "政府信息公开行政诉讼"));
    if report.edition == Edition::E2021 {
        if let Some(fee) = &report.sections[5].processing_fee {
            if fee.value > 0.0 {
                out.push(fig(fee.text.clone(), "元", "收取信息处理费"));
            }
        }
    }
    out
}

fn fig(value: String, unit: &str, label: &str) -> KeyFigure {
    KeyFigure { value, unit: unit.into(), label: label.into() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model;
    use std::path::Path;

    fn load(name: &str) -> Report {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples").join(name);
        model::load(&path).unwrap().0
    }

    #[test]
    fn finds_disclosure_counts_in_text() {
        assert_eq!(
            find_disclosures("全市2019年公开政府信息36629条，其中"),
            Some((36629.0, "条".into()))
        );
        assert_eq!(
            find_disclosures("主动公开各类政府信息5500余条，"),
            Some((5500.0, "余条".into()))
        );
        assert_eq!(find_disclosures("信息员队伍人数达到91人"), None);
    }

    #[test]
    fn default_key_figures() {
        let q = key_figures(&load("qianshan-2019.yaml"));
        let pairs: Vec<(&str, &str)> =
            q.iter().map(|k| (k.label.as_str(), k.value.as_str())).collect();
        assert_eq!(pairs[0], ("主动公开政府信息", "36629"));
        assert_eq!(pairs[1], ("新收政府信息公开申请", "10"));
        assert_eq!(pairs[2], ("申请办结率", "100.0"));
        let h = key_figures(&load("huaian-2024.yaml"));
        assert_eq!(h.last().unwrap().label, "收取信息处理费");
        assert_eq!(h.last().unwrap().value, "3940");
    }
}
