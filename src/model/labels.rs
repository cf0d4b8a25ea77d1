//! The official wording of the template tables, verbatim (full-width punctuation
//! included), per edition — 国办公开办函〔2019〕60号 and 〔2021〕30号. The checks quote
//! these labels in their messages and compose prints them in the tables; nothing else
//! spells a label.

use super::Edition;

/// The six section headings (without numerals).
pub const SECTION_HEADINGS: [&str; 6] = [
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
];

/// The YAML keys of the six sections, in order.
pub const SECTION_KEYS: [&str; 6] =
    ["overview", "active", "applications", "review", "problems", "other"];

/// Chinese numerals for level-1 headings and 表三's top rows.
pub const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/// The six applicant columns of 表三, then 总计.
pub const APPLICANT_COLUMNS: [&str; 7] =
    ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];

/// English names of [`APPLICANT_COLUMNS`].
pub const APPLICANT_COLUMNS_EN: [&str; 7] = [
    "natural persons",
    "commercial enterprises",
    "research institutions",
    "social welfare organisations",
    "legal service agencies",
    "other",
    "total",
];

/// 表三's header texts.
pub mod applications {
    /// The 勾稽 note in the top-left cell (3 × 3).
    pub const NOTE: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
    /// Spans the seven value columns.
    pub const APPLICANTS: &str = "申请人情况";
    /// Spans the five organisation columns.
    pub const ORGANISATIONS: &str = "法人或其他组织";
    /// Spans all result rows.
    pub const RESULTS: &str = "三、本年度办理结果";
}

/// Which part of 表三 a row belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppGroup {
    /// 一、本年新收.
    New,
    /// 二、上年结转.
    CarriedOver,
    /// A result row, counted in （七）总计; the group label if it has sub-items.
    Result(Option<&'static str>),
    /// （七）总计.
    Total,
    /// 四、结转下年度继续办理.
    CarriedForward,
}

/// One row of 表三.
#[derive(Clone, Copy, Debug)]
pub struct AppRowDef {
    /// YAML path under `tables.applications`, e.g. `withheld.state_secret`.
    pub key: &'static str,
    /// The row's own label as printed, e.g. 「1.属于国家秘密」.
    pub label: &'static str,
    /// The part of the table.
    pub group: AppGroup,
    /// English name for messages.
    pub en: &'static str,
}

impl AppRowDef {
    /// Name for messages: the group label and the row label, e.g. 「（三）不予公开 1.属于国家秘密」.
    pub fn name(&self) -> String {
        match self.group {
            AppGroup::Result(Some(g)) => format!("{g} {}", self.label),
            _ => self.label.to_string(),
        }
    }
}

const fn row(
    key: &'static str,
    label: &'static str,
    group: AppGroup,
    en: &'static str,
) -> AppRowDef {
    AppRowDef { key, label, group, en }
}

const WITHHELD: Option<&str> = Some("（三）不予公开");
const UNABLE: Option<&str> = Some("（四）无法提供");
const NOT_PROCESSED: Option<&str> = Some("（五）不予处理");
const OTHER: Option<&str> = Some("（六）其他处理");

const HEAD: [AppRowDef; 4] = [
    row("new", "一、本年新收政府信息公开申请数量", AppGroup::New, "1 new applications"),
    row(
        "carried_over",
        "二、上年结转政府信息公开申请数量",
        AppGroup::CarriedOver,
        "2 carried over from last year",
    ),
    row("disclosed", "（一）予以公开", AppGroup::Result(None), "3(1) disclosed"),
    row(
        "partly_disclosed",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        AppGroup::Result(None),
        "3(2) partly disclosed",
    ),
];

const MIDDLE: [AppRowDef; 16] = [
    row(
        "withheld.state_secret",
        "1.属于国家秘密",
        AppGroup::Result(WITHHELD),
        "3(3)1 state secret",
    ),
    row(
        "withheld.prohibited_by_law",
        "2.其他法律行政法规禁止公开",
        AppGroup::Result(WITHHELD),
        "3(3)2 prohibited by law",
    ),
    row(
        "withheld.security_stability",
        "3.危及“三安全一稳定”",
        AppGroup::Result(WITHHELD),
        "3(3)3 security and stability",
    ),
    row(
        "withheld.third_party_rights",
        "4.保护第三方合法权益",
        AppGroup::Result(WITHHELD),
        "3(3)4 third-party rights",
    ),
    row(
        "withheld.internal_affairs",
        "5.属于三类内部事务信息",
        AppGroup::Result(WITHHELD),
        "3(3)5 internal affairs",
    ),
    row(
        "withheld.process_info",
        "6.属于四类过程性信息",
        AppGroup::Result(WITHHELD),
        "3(3)6 process information",
    ),
    row(
        "withheld.enforcement_files",
        "7.属于行政执法案卷",
        AppGroup::Result(WITHHELD),
        "3(3)7 enforcement files",
    ),
    row(
        "withheld.query_matters",
        "8.属于行政查询事项",
        AppGroup::Result(WITHHELD),
        "3(3)8 query matters",
    ),
    row(
        "unable.not_held",
        "1.本机关不掌握相关政府信息",
        AppGroup::Result(UNABLE),
        "3(4)1 not held",
    ),
    row(
        "unable.needs_creation",
        "2.没有现成信息需要另行制作",
        AppGroup::Result(UNABLE),
        "3(4)2 needs creation",
    ),
    row(
        "unable.still_unclear",
        "3.补正后申请内容仍不明确",
        AppGroup::Result(UNABLE),
        "3(4)3 still unclear",
    ),
    row(
        "not_processed.petition",
        "1.信访举报投诉类申请",
        AppGroup::Result(NOT_PROCESSED),
        "3(5)1 petitions",
    ),
    row("not_processed.repeated", "2.重复申请", AppGroup::Result(NOT_PROCESSED), "3(5)2 repeated"),
    row(
        "not_processed.publications",
        "3.要求提供公开出版物",
        AppGroup::Result(NOT_PROCESSED),
        "3(5)3 publications",
    ),
    row(
        "not_processed.excessive",
        "4.无正当理由大量反复申请",
        AppGroup::Result(NOT_PROCESSED),
        "3(5)4 excessive",
    ),
    row(
        "not_processed.confirmation",
        "5.要求行政机关确认或重新出具已获取信息",
        AppGroup::Result(NOT_PROCESSED),
        "3(5)5 confirmation",
    ),
];

const OTHER_2019: [AppRowDef; 1] =
    [row("other", "（六）其他处理", AppGroup::Result(None), "3(6) other handling")];

const OTHER_2021: [AppRowDef; 3] = [
    row(
        "other.no_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        AppGroup::Result(OTHER),
        "3(6)1 no correction",
    ),
    row(
        "other.unpaid_fee",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        AppGroup::Result(OTHER),
        "3(6)2 fee unpaid",
    ),
    row("other.other", "3.其他", AppGroup::Result(OTHER), "3(6)3 other"),
];

const TAIL: [AppRowDef; 2] = [
    row("total", "（七）总计", AppGroup::Total, "3(7) total"),
    row("carried_forward", "四、结转下年度继续办理", AppGroup::CarriedForward, "4 carried forward"),
];

/// The rows of 表三 in printed order for an edition (23 in 2019, 25 in 2021).
pub fn application_rows(edition: Edition) -> Vec<AppRowDef> {
    let other: &[AppRowDef] = match edition {
        Edition::E2019 => &OTHER_2019,
        Edition::E2021 => &OTHER_2021,
    };
    HEAD.iter().chain(MIDDLE.iter()).chain(other).chain(TAIL.iter()).copied().collect()
}

/// 表二's caption rows and header rows.
pub mod active {
    /// 「第二十条第（一）项」.
    pub const ITEM_1: &str = "第二十条第（一）项";
    /// 「第二十条第（五）项」.
    pub const ITEM_5: &str = "第二十条第（五）项";
    /// 「第二十条第（六）项」.
    pub const ITEM_6: &str = "第二十条第（六）项";
    /// 「第二十条第（八）项」.
    pub const ITEM_8: &str = "第二十条第（八）项";
    /// 「第二十条第（九）项」 (2019 only).
    pub const ITEM_9: &str = "第二十条第（九）项";
    /// First header cell of every block.
    pub const CONTENT: &str = "信息内容";

    /// 2019 （一） columns.
    pub const REG_2019: [&str; 3] = ["本年新制作数量", "本年新公开数量", "对外公开总数量"];
    /// 2021 （一） columns.
    pub const REG_2021: [&str; 3] = ["本年制发件数", "本年废止件数", "现行有效件数"];
    /// 2019 （五）（六） columns.
    pub const DECISION_2019: [&str; 3] = ["上一年项目数量", "本年增/减", "处理决定数量"];
    /// 2021 （五）（六） column.
    pub const DECISION_2021: &str = "本年处理决定数量";
    /// 2019 （八） columns.
    pub const FEES_2019: [&str; 2] = ["上一年项目数量", "本年增/减"];
    /// 2021 （八） column.
    pub const FEES_2021: &str = "本年收费金额（单位：万元）";
    /// 2019 （九） columns.
    pub const PROCUREMENT: [&str; 2] = ["采购项目数量", "采购总金额"];

    /// Row labels.
    pub const RULES: &str = "规章";
    /// 2019 label of the second （一） row.
    pub const NORMATIVE_2019: &str = "规范性文件";
    /// 2021 label of the second （一） row.
    pub const NORMATIVE_2021: &str = "行政规范性文件";
    /// （五） first row.
    pub const PERMITS: &str = "行政许可";
    /// （五） second row (2019 only).
    pub const OTHER_SERVICES: &str = "其他对外管理服务事项";
    /// （六） rows.
    pub const PENALTIES: &str = "行政处罚";
    /// （六） second row.
    pub const COERCION: &str = "行政强制";
    /// （八） row.
    pub const CHARGES: &str = "行政事业性收费";
    /// （九） row.
    pub const PURCHASES: &str = "政府集中采购";
}

/// 表四's header texts.
pub mod review {
    /// Spans the five 复议 columns.
    pub const RECONSIDERATION: &str = "行政复议";
    /// Spans the ten 诉讼 columns.
    pub const LITIGATION: &str = "行政诉讼";
    /// Spans five columns under 行政诉讼.
    pub const DIRECT: &str = "未经复议直接起诉";
    /// Spans five columns under 行政诉讼.
    pub const AFTER_REVIEW: &str = "复议后起诉";
    /// The five result columns of every group.
    pub const RESULTS: [&str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    /// English names of [`RESULTS`].
    pub const RESULTS_EN: [&str; 5] = ["upheld", "corrected", "other result", "pending", "total"];
    /// YAML keys, Chinese names and English names of the three groups.
    pub const GROUPS: [(&str, &str, &str); 3] = [
        ("reconsideration", "行政复议", "administrative reconsideration"),
        (
            "litigation_direct",
            "行政诉讼·未经复议直接起诉",
            "litigation without prior reconsideration",
        ),
        ("litigation_after_review", "行政诉讼·复议后起诉", "litigation after reconsideration"),
    ];
}
