//! The checks a valid report passes (report-format.md §2.5), run on the typed model:
//!
//! 1. 表三, per column: 一 + 二 = 三（七） + 四 (the table's own 勾稽 note);
//! 2. 表三, per row: 总计 = the six applicant columns;
//! 3. 表三, per column: （七）总计 = Σ（一）…（六） with their sub-items;
//! 4. 表四, per group: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
//!
//! Missing totals are computed here (so the model always carries them); a given total
//! that disagrees is an error naming table, row, column, line, expected and given value,
//! and is then replaced by the computed value so that one wrong number gives one error,
//! not a cascade through the other rules. Soft checks produce warnings.

use super::diag::Diagnostic;
use super::labels::{review as R, AppGroup, APPLICANT_COLUMNS, APPLICANT_COLUMNS_EN};
use super::spans::SourceMap;
use super::{ActiveItem, Block, Edition, Report, Value};

/// Run all checks, filling in missing totals. Returns errors and warnings.
pub fn check(report: &mut Report, map: &SourceMap) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    row_totals(report, map, &mut out);
    let given_total = results_total(report, map, &mut out);
    balance(report, given_total, map, &mut out);
    review_totals(report, map, &mut out);
    soft_checks(report, map, &mut out);
    out
}

fn sum(values: &[Option<u64>]) -> u64 {
    values.iter().map(|v| v.unwrap_or(0)).sum()
}

fn cell_pos(map: &SourceMap, path: &str) -> (u32, u32) {
    let p = map.locate(path);
    (p.line, p.col)
}

fn mismatch(
    code: &'static str,
    path: String,
    (line, col): (u32, u32),
    (zh_cell, en_cell): (String, String),
    expected: u64,
    given: u64,
    why: (&str, &str),
) -> Diagnostic {
    Diagnostic::error(
        code,
        path,
        format!("{zh_cell}：应为 {expected}，填写为 {given}（第 {line} 行；{}）", why.0),
        format!("{en_cell}: expected {expected}, found {given} (line {line}; {})", why.1),
    )
    .at(line, col)
}

/// Rule 2: 总计 = Σ applicant columns, per row (but （七）总计, which rule 3 checks
/// whole); computes missing totals and replaces wrong ones once reported.
fn row_totals(report: &mut Report, map: &SourceMap, out: &mut Vec<Diagnostic>) {
    for row in report.applications.iter_mut().filter(|r| r.def.group != AppGroup::Total) {
        let expected = sum(&row.values[..6]);
        match row.values[6] {
            None => row.values[6] = Some(expected),
            Some(given) if given != expected => {
                row.values[6] = Some(expected);
                let path = format!("tables.applications.{}[6]", row.def.key);
                out.push(mismatch(
                    "sum-row-total",
                    path.clone(),
                    cell_pos(map, &path),
                    (
                        format!("表三 {}·总计", row.def.name()),
                        format!("Table 3, {} · total", row.def.en),
                    ),
                    expected,
                    given,
                    (
                        "总计应等于自然人至其他六列之和",
                        "the total is the sum of the six applicant columns",
                    ),
                ));
            }
            Some(_) => {}
        }
    }
}

/// Rule 3: （七）总计 = Σ result rows, per column (the 总计 column only when given);
/// computes a missing 总计 row and replaces wrong values once reported.
fn results_total(report: &mut Report, map: &SourceMap, out: &mut Vec<Diagnostic>) -> [u64; 7] {
    let mut expected = [0u64; 7];
    for row in report.applications.iter().filter(|r| matches!(r.def.group, AppGroup::Result(_))) {
        for (c, v) in row.values.iter().enumerate() {
            expected[c] += v.unwrap_or(0);
        }
    }
    let Some(total) = report.applications.iter_mut().find(|r| r.def.group == AppGroup::Total)
    else {
        return expected;
    };
    if total.line == 0 {
        total.values = expected.map(Some);
        return expected;
    }
    let given_row = total.values;
    let consistent = sum(&given_row[..6]) == given_row[6].unwrap_or(0);
    let mut column_errors = false;
    for c in 0..7 {
        if c == 6 && (!total.total_given || (column_errors && consistent)) {
            // Computed, or implied by the column errors just reported.
            total.values[6] = Some(expected[6]);
            continue;
        }
        let given = total.values[c].unwrap_or(0);
        if given != expected[c] {
            column_errors = true;
            total.values[c] = Some(expected[c]);
            let path = format!("tables.applications.total[{c}]");
            out.push(mismatch(
                "sum-results",
                path.clone(),
                cell_pos(map, &path),
                (
                    format!("表三 （七）总计·{}", APPLICANT_COLUMNS[c]),
                    format!("Table 3, 3(7) total · {}", APPLICANT_COLUMNS_EN[c]),
                ),
                expected[c],
                given,
                ("（七）总计应等于（一）至（六）各项之和", "3(7) is the sum of rows 3(1) to 3(6)"),
            ));
        }
    }
    given_row.map(|v| v.unwrap_or(0))
}

/// Rule 1: 一 + 二 = 三（七） + 四, per applicant column. (The 总计 column follows: after
/// rules 2 and 3 every row's 总计 is the sum of its six columns.) When rule 3 corrected
/// （七）, the balance is reported only if it fails with the given （七） as well — the
/// rule-3 error already names the cell.
fn balance(report: &Report, given_total: [u64; 7], map: &SourceMap, out: &mut Vec<Diagnostic>) {
    let get = |g: AppGroup| report.applications.iter().find(|r| r.def.group == g);
    let (Some(new), Some(over), Some(total), Some(fwd)) = (
        get(AppGroup::New),
        get(AppGroup::CarriedOver),
        get(AppGroup::Total),
        get(AppGroup::CarriedForward),
    ) else {
        return;
    };
    for c in 0..6 {
        let v = |r: &super::AppRow| r.values[c].unwrap_or(0);
        let left = v(new) + v(over);
        let right = v(total) + v(fwd);
        if left != right && left != given_total[c] + v(fwd) {
            // Point at the row most likely to be wrong: the given carried-forward row,
            // else the given total row, else the new-applications row.
            let key = [("carried_forward", fwd), ("total", total), ("new", new)]
                .into_iter()
                .find(|(_, r)| r.line != 0)
                .map(|(k, _)| k)
                .unwrap_or("new");
            let path = format!("tables.applications.{key}[{c}]");
            let (line, col) = cell_pos(map, &path);
            out.push(
                Diagnostic::error(
                    "balance",
                    path,
                    format!(
                        "表三 {}列勾稽关系不成立：一＋二 = {} + {} = {left}，三（七）＋四 = {} + {} = {right}（第 {line} 行；第一项加第二项之和应等于第三项加第四项之和）",
                        APPLICANT_COLUMNS[c], v(new), v(over), v(total), v(fwd)
                    ),
                    format!(
                        "Table 3, column {}: 1 + 2 = {} + {} = {left} but 3(7) + 4 = {} + {} = {right} (line {line}; they must be equal)",
                        APPLICANT_COLUMNS_EN[c], v(new), v(over), v(total), v(fwd)
                    ),
                )
                .at(line, col),
            );
        }
    }
}

/// Rule 4: 表四 group totals; computes missing ones.
fn review_totals(report: &mut Report, map: &SourceMap, out: &mut Vec<Diagnostic>) {
    for (row, (_, zh, en)) in report.review.iter_mut().zip(R::GROUPS) {
        let expected = sum(&row.values[..4]);
        match row.values[4] {
            None => row.values[4] = Some(expected),
            Some(given) if given != expected => {
                let path = format!("tables.review.{}[4]", row.key);
                out.push(mismatch(
                    "sum-review",
                    path.clone(),
                    cell_pos(map, &path),
                    (format!("表四 {zh}·总计"), format!("Table 4, {en} · total")),
                    expected,
                    given,
                    (
                        "总计应等于结果维持、结果纠正、其他结果、尚未审结之和",
                        "the total is upheld + corrected + other + pending",
                    ),
                ));
            }
            Some(_) => {}
        }
    }
}

fn blocks_mention(blocks: &[Block], needle: &str) -> bool {
    blocks.iter().any(|b| match b {
        Block::Paragraph(p) => p.plain().contains(needle),
        Block::Heading(h) => {
            h.runs.iter().any(|r| r.text.contains(needle))
                || h.run_in.as_ref().is_some_and(|p| p.plain().contains(needle))
        }
        Block::Image(_) => false,
    })
}

/// Warnings: things a reviewer would query but that do not make the report wrong.
fn soft_checks(report: &Report, map: &SourceMap, out: &mut Vec<Diagnostic>) {
    let six = &report.sections[5];
    if report.edition == Edition::E2021
        && six.processing_fee.is_none()
        && !blocks_mention(&six.before, "信息处理费")
        && !blocks_mention(&six.after, "信息处理费")
    {
        let (line, col) = cell_pos(map, "sections.other");
        out.push(
            Diagnostic::warning(
                "processing-fee",
                "sections.other",
                format!("2021 版模板要求在「六、其他需要报告的事项」中报告信息处理费收取情况，本节未提及（第 {line} 行）；可写 processing_fee: 0"),
                format!("the 2021 edition asks section 六 to report the 信息处理费 (information processing fees); it does not mention them (line {line}); add processing_fee: 0"),
            )
            .at(line, col),
        );
    }
    let default = Edition::for_year(report.year);
    if report.edition != default {
        let (line, col) = cell_pos(map, "edition");
        out.push(
            Diagnostic::warning(
                "edition-year",
                "edition",
                format!(
                    "{} 年度报告通常使用 {} 版模板（{}），本报告指定 {} 版",
                    report.year,
                    default.year(),
                    default.notice(),
                    report.edition.year()
                ),
                format!(
                    "a {} report normally uses the {} edition; this one says {}",
                    report.year,
                    default.year(),
                    report.edition.year()
                ),
            )
            .at(line, col),
        );
    }
    for block in report.active.iter().filter(|b| b.item == ActiveItem::Procurement) {
        for row in &block.rows {
            if let Some(Value::Money(Some(a), unit)) = row.values.get(1) {
                if unit.is_empty() && a.value != 0.0 {
                    let path = "tables.active.procurement.purchases.amount";
                    let (line, col) = cell_pos(map, path);
                    out.push(
                        Diagnostic::warning(
                            "money-unit",
                            path,
                            format!("采购总金额 {} 没有单位（元或万元），将按原样输出（第 {line} 行）", a.text),
                            format!("procurement amount {} has no unit (元 or 万元); printed as is (line {line})", a.text),
                        )
                        .at(line, col),
                    );
                }
            }
        }
    }
}
