//! The YAML format as serde types: exactly what a report file may contain, before any
//! check. `#[serde(deny_unknown_fields)]` everywhere, so a misspelt key is an error
//! (with a suggestion added by [`super::load`]); the same types derive the JSON Schema
//! printed by `nianbao schema`. The format is documented in `docs/format.md`.

use std::borrow::Cow;
use std::fmt;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::de::{self, value::MapAccessDeserializer, value::SeqAccessDeserializer};
use serde::{Deserialize, Deserializer};

/// A whole report file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "nianbao report",
    description = "政府信息公开工作年度报告 / annual report definition"
)]
pub struct ReportFile {
    /// 机关 — the issuing agency.
    pub agency: String,
    /// 报告年度 — the year reported on.
    pub year: i32,
    /// 模板版本 — 2019 (国办公开办函〔2019〕60号) or 2021 (国办公开办函〔2021〕30号); default from the year.
    #[serde(default)]
    pub edition: Option<u16>,
    /// 标题 — default 「<机关><年>年政府信息公开工作年度报告」.
    #[serde(default)]
    pub title: Option<String>,
    /// 版式 — a layout name in layouts/ or a path; default `official`.
    #[serde(default)]
    pub layout: Option<String>,
    /// Per-report overrides of any layout value (deep-merged).
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Map<String, serde_json::Value>>")]
    pub layout_overrides: Option<serde_yaml::Value>,
    /// 前言 — text before 一、总体情况.
    #[serde(default)]
    pub preamble: Option<Body>,
    /// 联系方式.
    #[serde(default)]
    pub contact: Option<Contact>,
    /// 落款 — default the agency.
    #[serde(default)]
    pub signature: Option<String>,
    /// 成文日期, YYYY-MM-DD.
    pub date: String,
    /// The six sections' text.
    pub sections: Sections,
    /// 表二、表三、表四.
    pub tables: Tables,
    /// Options of the illustrated variant (图文版).
    #[serde(default)]
    pub illustrated: Option<Illustrated>,
}

/// Contact details (联系方式).
#[derive(Debug, Deserialize, JsonSchema, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// 联系机构.
    #[serde(default)]
    pub office: Option<String>,
    /// 地址.
    #[serde(default)]
    pub address: Option<String>,
    /// 邮编.
    #[serde(default)]
    pub postcode: Option<String>,
    /// 电话.
    #[serde(default)]
    pub phone: Option<String>,
    /// 电子邮箱.
    #[serde(default)]
    pub email: Option<String>,
}

/// The six sections.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sections {
    /// 一、总体情况.
    pub overview: Section,
    /// 二、主动公开政府信息情况 (text around 表二).
    #[serde(default)]
    pub active: Option<Section>,
    /// 三、收到和处理政府信息公开申请情况 (text around 表三).
    #[serde(default)]
    pub applications: Option<Section>,
    /// 四、政府信息公开行政复议、行政诉讼情况 (text around 表四).
    #[serde(default)]
    pub review: Option<Section>,
    /// 五、存在的主要问题及改进情况.
    pub problems: Section,
    /// 六、其他需要报告的事项.
    pub other: Section,
}

/// A section: a string, a list of blocks, or a mapping with heading/body/after.
#[derive(Debug, Default)]
pub struct Section {
    /// Replaces the official heading text (the numeral stays).
    pub heading: Option<String>,
    /// Text before the table (or the whole text).
    pub body: Option<Body>,
    /// Text after the table.
    pub after: Option<Body>,
    /// 信息处理费 in 元 (section 六, 2021 edition).
    pub processing_fee: Option<Amount>,
}

/// The mapping form of a [`Section`].
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SectionMap {
    /// Replaces the official heading text (the numeral stays).
    #[serde(default)]
    pub heading: Option<String>,
    /// Text before the table (or the whole text).
    #[serde(default)]
    pub body: Option<Body>,
    /// Text after the table.
    #[serde(default)]
    pub after: Option<Body>,
    /// 信息处理费 collected, in 元 (section 六, 2021 edition).
    #[serde(default)]
    pub processing_fee: Option<Amount>,
}

/// Text: a string of paragraphs or a list of blocks.
#[derive(Debug, Clone)]
pub enum Body {
    /// Paragraphs separated by blank lines.
    Text(String),
    /// Headings, paragraphs and figures.
    Blocks(Vec<BlockSrc>),
}

/// One block in a list: a string (paragraphs) or a mapping.
#[derive(Debug, Clone)]
pub enum BlockSrc {
    /// Paragraphs.
    Text(String),
    /// A heading, paragraph or image.
    Map(BlockMap),
}

/// The mapping form of a block: exactly one of `p`, `h2`, `h3`, `h4`, `image`.
#[derive(Debug, Deserialize, JsonSchema, Clone, Default)]
#[serde(deny_unknown_fields)]
pub struct BlockMap {
    /// A paragraph (or several, separated by blank lines).
    #[serde(default)]
    pub p: Option<String>,
    /// Heading （一）….
    #[serde(default)]
    pub h2: Option<String>,
    /// Heading 1. ….
    #[serde(default)]
    pub h3: Option<String>,
    /// Heading （1）….
    #[serde(default)]
    pub h4: Option<String>,
    /// Text following a run-in heading in the same paragraph.
    #[serde(default)]
    pub text: Option<String>,
    /// Overrides the automatic numeral of a heading, e.g. 「（五）」.
    #[serde(default)]
    pub number: Option<String>,
    /// Path of an image (PNG or JPEG), relative to the report.
    #[serde(default)]
    pub image: Option<String>,
    /// Caption of an image.
    #[serde(default)]
    pub caption: Option<String>,
    /// Placed width of an image in mm (default: the type-area width).
    #[serde(default)]
    pub width_mm: Option<f32>,
}

/// 表二、表三、表四.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tables {
    /// 表二 主动公开政府信息情况.
    pub active: ActiveTable,
    /// 表三 收到和处理政府信息公开申请情况.
    pub applications: ApplicationsTable,
    /// 表四 政府信息公开行政复议、行政诉讼情况.
    pub review: ReviewTable,
}

/// 表二 (both editions; fields of the other edition are rejected by the checks).
#[derive(Debug, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct ActiveTable {
    /// 第二十条第（一）项.
    #[serde(default)]
    pub regulations: Option<Regulations>,
    /// 第二十条第（五）项.
    #[serde(default)]
    pub licensing: Option<Licensing>,
    /// 第二十条第（六）项.
    #[serde(default)]
    pub enforcement: Option<Enforcement>,
    /// 第二十条第（八）项.
    #[serde(default)]
    pub fees: Option<Fees>,
    /// 第二十条第（九）项 (2019 edition only).
    #[serde(default)]
    pub procurement: Option<Procurement>,
}

/// 第二十条第（一）项.
#[derive(Debug, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Regulations {
    /// 规章.
    #[serde(default)]
    pub rules: Option<RegulationRow>,
    /// 规范性文件 (2019) / 行政规范性文件 (2021).
    #[serde(default)]
    pub normative: Option<RegulationRow>,
}

/// A row of 第二十条第（一）项.
#[derive(Debug, Deserialize, JsonSchema, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct RegulationRow {
    /// 本年新制作数量 (2019).
    #[serde(default)]
    pub new_made: Option<Count>,
    /// 本年新公开数量 (2019).
    #[serde(default)]
    pub new_published: Option<Count>,
    /// 对外公开总数量 (2019).
    #[serde(default)]
    pub total_published: Option<Count>,
    /// 本年制发件数 (2021).
    #[serde(default)]
    pub issued: Option<Count>,
    /// 本年废止件数 (2021).
    #[serde(default)]
    pub repealed: Option<Count>,
    /// 现行有效件数 (2021).
    #[serde(default)]
    pub in_force: Option<Count>,
}

/// 第二十条第（五）项.
#[derive(Debug, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Licensing {
    /// 行政许可.
    #[serde(default)]
    pub permits: Option<DecisionRow>,
    /// 其他对外管理服务事项 (2019 edition only).
    #[serde(default)]
    pub other_services: Option<DecisionRow>,
}

/// 第二十条第（六）项.
#[derive(Debug, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Enforcement {
    /// 行政处罚.
    #[serde(default)]
    pub penalties: Option<DecisionRow>,
    /// 行政强制.
    #[serde(default)]
    pub coercion: Option<DecisionRow>,
}

/// A row of （五）（六）: 2019 上一年项目数量/本年增/减/处理决定数量; 2021 本年处理决定数量.
#[derive(Debug, Deserialize, JsonSchema, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct DecisionRow {
    /// 上一年项目数量 (2019).
    #[serde(default)]
    pub previous: Option<Count>,
    /// 本年增/减 (2019), may be negative.
    #[serde(default)]
    pub change: Option<Option<i64>>,
    /// 处理决定数量 (2019) / 本年处理决定数量 (2021).
    #[serde(default)]
    pub decisions: Option<Count>,
}

/// 第二十条第（八）项.
#[derive(Debug, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Fees {
    /// 行政事业性收费.
    #[serde(default)]
    pub charges: Option<FeeRow>,
}

/// 行政事业性收费: 2019 上一年项目数量/本年增/减; 2021 本年收费金额（单位：万元）.
#[derive(Debug, Deserialize, JsonSchema, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct FeeRow {
    /// 上一年项目数量 (2019).
    #[serde(default)]
    pub previous: Option<Count>,
    /// 本年增/减 (2019).
    #[serde(default)]
    pub change: Option<Option<i64>>,
    /// 本年收费金额（单位：万元） (2021).
    #[serde(default)]
    pub amount: Option<Option<Amount>>,
}

/// 第二十条第（九）项 (2019 edition only).
#[derive(Debug, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Procurement {
    /// 政府集中采购.
    #[serde(default)]
    pub purchases: Option<PurchaseRow>,
}

/// 政府集中采购: 采购项目数量 / 采购总金额.
#[derive(Debug, Deserialize, JsonSchema, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct PurchaseRow {
    /// 采购项目数量.
    #[serde(default)]
    pub count: Option<Count>,
    /// 采购总金额.
    #[serde(default)]
    pub amount: Option<Option<Amount>>,
    /// Unit printed after the amount (e.g. 元, 万元).
    #[serde(default)]
    pub unit: Option<String>,
}

/// A count cell: a non-negative integer or `~` (blank).
pub type Count = Option<u64>;

/// A row of 表三: six applicant columns, optionally followed by 总计.
pub type Row = Vec<Option<u64>>;

/// 表三.
#[derive(Debug, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct ApplicationsTable {
    /// 一、本年新收政府信息公开申请数量.
    #[serde(default)]
    pub new: Option<Row>,
    /// 二、上年结转政府信息公开申请数量.
    #[serde(default)]
    pub carried_over: Option<Row>,
    /// 三（一）予以公开.
    #[serde(default)]
    pub disclosed: Option<Row>,
    /// 三（二）部分公开.
    #[serde(default)]
    pub partly_disclosed: Option<Row>,
    /// 三（三）不予公开.
    #[serde(default)]
    pub withheld: Option<Withheld>,
    /// 三（四）无法提供.
    #[serde(default)]
    pub unable: Option<Unable>,
    /// 三（五）不予处理.
    #[serde(default)]
    pub not_processed: Option<NotProcessed>,
    /// 三（六）其他处理: a row (2019) or three rows (2021).
    #[serde(default)]
    pub other: Option<OtherHandling>,
    /// 三（七）总计 (computed when absent).
    #[serde(default)]
    pub total: Option<Row>,
    /// 四、结转下年度继续办理.
    #[serde(default)]
    pub carried_forward: Option<Row>,
}

/// 三（三）不予公开.
#[derive(Debug, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Withheld {
    /// 1.属于国家秘密.
    #[serde(default)]
    pub state_secret: Option<Row>,
    /// 2.其他法律行政法规禁止公开.
    #[serde(default)]
    pub prohibited_by_law: Option<Row>,
    /// 3.危及“三安全一稳定”.
    #[serde(default)]
    pub security_stability: Option<Row>,
    /// 4.保护第三方合法权益.
    #[serde(default)]
    pub third_party_rights: Option<Row>,
    /// 5.属于三类内部事务信息.
    #[serde(default)]
    pub internal_affairs: Option<Row>,
    /// 6.属于四类过程性信息.
    #[serde(default)]
    pub process_info: Option<Row>,
    /// 7.属于行政执法案卷.
    #[serde(default)]
    pub enforcement_files: Option<Row>,
    /// 8.属于行政查询事项.
    #[serde(default)]
    pub query_matters: Option<Row>,
}

/// 三（四）无法提供.
#[derive(Debug, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Unable {
    /// 1.本机关不掌握相关政府信息.
    #[serde(default)]
    pub not_held: Option<Row>,
    /// 2.没有现成信息需要另行制作.
    #[serde(default)]
    pub needs_creation: Option<Row>,
    /// 3.补正后申请内容仍不明确.
    #[serde(default)]
    pub still_unclear: Option<Row>,
}

/// 三（五）不予处理.
#[derive(Debug, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct NotProcessed {
    /// 1.信访举报投诉类申请.
    #[serde(default)]
    pub petition: Option<Row>,
    /// 2.重复申请.
    #[serde(default)]
    pub repeated: Option<Row>,
    /// 3.要求提供公开出版物.
    #[serde(default)]
    pub publications: Option<Row>,
    /// 4.无正当理由大量反复申请.
    #[serde(default)]
    pub excessive: Option<Row>,
    /// 5.要求行政机关确认或重新出具已获取信息.
    #[serde(default)]
    pub confirmation: Option<Row>,
}

/// 三（六）其他处理: one row (2019 edition) or three sub-items (2021 edition).
#[derive(Debug)]
pub enum OtherHandling {
    /// 2019: a single row.
    Row(Row),
    /// 2021: three rows.
    Split(OtherSplit),
}

/// 三（六）其他处理, 2021 edition.
#[derive(Debug, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct OtherSplit {
    /// 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请.
    #[serde(default)]
    pub no_correction: Option<Row>,
    /// 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请.
    #[serde(default)]
    pub unpaid_fee: Option<Row>,
    /// 3.其他.
    #[serde(default)]
    pub other: Option<Row>,
}

/// 表四: each group [结果维持, 结果纠正, 其他结果, 尚未审结] or with 总计.
#[derive(Debug, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct ReviewTable {
    /// 行政复议.
    #[serde(default)]
    pub reconsideration: Option<Row>,
    /// 行政诉讼·未经复议直接起诉.
    #[serde(default)]
    pub litigation_direct: Option<Row>,
    /// 行政诉讼·复议后起诉.
    #[serde(default)]
    pub litigation_after_review: Option<Row>,
}

/// Options of the illustrated variant.
#[derive(Debug, Deserialize, JsonSchema, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct Illustrated {
    /// `blue` (政务蓝, default) or `red` (党政红).
    #[serde(default)]
    pub palette: Option<String>,
    /// 数说年报 cards; chosen from the data when absent.
    #[serde(default)]
    pub key_figures: Option<Vec<KeyFigure>>,
    /// Chart settings and custom charts, in the order they should appear.
    #[serde(default)]
    pub charts: Option<Vec<ChartSpec>>,
    /// Last year's figures for year-over-year comparisons: a path to last year's report
    /// YAML, or a mapping of metric → number (`new_applications`, `handled`,
    /// `reconsideration`, `litigation`, `disclosures`).
    #[serde(default)]
    pub previous_year: Option<PreviousYear>,
}

/// A chart entry: with `id` of a built-in chart it switches or retitles it; without, it
/// defines a custom chart from `type`, `categories` and `series`.
#[derive(Debug, Deserialize, JsonSchema, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct ChartSpec {
    /// Built-in chart id: `regulations`, `decisions`, `applicants`, `results`,
    /// `reasons`, `review`, `year_over_year`; or a name for a custom chart.
    #[serde(default)]
    pub id: Option<String>,
    /// `false` switches the chart off.
    #[serde(default)]
    pub enabled: Option<bool>,
    /// Chart title.
    #[serde(default)]
    pub title: Option<String>,
    /// Custom charts: `bar`, `hbar`, `ring` or `stacked`.
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    /// Custom charts: category labels.
    #[serde(default)]
    pub categories: Option<Vec<String>>,
    /// Custom charts: one or more series of values, one per category.
    #[serde(default)]
    pub series: Option<Vec<SeriesSpec>>,
    /// Unit printed after values (件, 条, 万元…).
    #[serde(default)]
    pub unit: Option<String>,
    /// Custom charts: the section (1–6) after whose text the chart appears (default 1).
    #[serde(default)]
    pub section: Option<u8>,
}

/// One data series of a custom chart.
#[derive(Debug, Deserialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct SeriesSpec {
    /// Series name (legend).
    pub name: String,
    /// One value per category.
    pub values: Vec<f64>,
}

/// Last year's figures: a report file or inline numbers.
#[derive(Debug, Clone)]
pub enum PreviousYear {
    /// Path to last year's report YAML (relative to this report).
    Path(String),
    /// Metric → value.
    Figures(std::collections::BTreeMap<String, f64>),
}

impl<'de> Deserialize<'de> for PreviousYear {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = PreviousYear;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a path to last year's report or a mapping of figures")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<PreviousYear, E> {
                Ok(PreviousYear::Path(v.to_string()))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<PreviousYear, A::Error> {
                let m = std::collections::BTreeMap::<String, f64>::deserialize(
                    MapAccessDeserializer::new(map),
                )?;
                Ok(PreviousYear::Figures(m))
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for PreviousYear {
    fn schema_name() -> Cow<'static, str> {
        "PreviousYear".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "anyOf": [
                { "type": "string" },
                { "type": "object", "additionalProperties": { "type": "number" } }
            ]
        })
    }
}

/// A key-figure card.
#[derive(Debug, Deserialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct KeyFigure {
    /// One-line label, e.g. 主动公开政府信息.
    pub label: String,
    /// The number, as printed.
    pub value: Amount,
    /// Unit, e.g. 条, 件, 元.
    #[serde(default)]
    pub unit: Option<String>,
}

/// A money amount keeping its exact digits (`96171.6`, `"73802895.90"`).
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    /// The digits as printed.
    pub text: String,
    /// The numeric value.
    pub value: f64,
}

// ---- Deserialize impls for the forms serde can't derive ------------------------------

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl de::Visitor<'_> for V {
            type Value = Amount;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a non-negative number or a string of digits such as \"73802895.90\"")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Amount, E> {
                Ok(Amount { text: v.to_string(), value: v as f64 })
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Amount, E> {
                if v < 0 {
                    return Err(E::invalid_value(de::Unexpected::Signed(v), &self));
                }
                self.visit_u64(v as u64)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Amount, E> {
                if !v.is_finite() || v < 0.0 {
                    return Err(E::invalid_value(de::Unexpected::Float(v), &self));
                }
                Ok(Amount { text: format!("{v}"), value: v })
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Amount, E> {
                let t = v.trim();
                let ok = !t.is_empty()
                    && t.chars().all(|c| c.is_ascii_digit() || c == '.')
                    && t.matches('.').count() <= 1
                    && !t.starts_with('.')
                    && !t.ends_with('.');
                match t.parse::<f64>() {
                    Ok(value) if ok => Ok(Amount { text: t.to_string(), value }),
                    _ => Err(E::invalid_value(de::Unexpected::Str(v), &self)),
                }
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for Amount {
    fn schema_name() -> Cow<'static, str> {
        "Amount".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A non-negative amount: a number, or a string keeping its digits (\"73802895.90\")",
            "anyOf": [
                { "type": "number", "minimum": 0 },
                { "type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?$" }
            ]
        })
    }
}

impl<'de> Deserialize<'de> for Section {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = Section;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("text, a list of blocks, or a mapping with heading/body/after")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Section, E> {
                Ok(Section { body: Some(Body::Text(v.to_string())), ..Section::default() })
            }
            fn visit_unit<E: de::Error>(self) -> Result<Section, E> {
                Ok(Section::default())
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Section, A::Error> {
                let blocks = Vec::<BlockSrc>::deserialize(SeqAccessDeserializer::new(seq))?;
                Ok(Section { body: Some(Body::Blocks(blocks)), ..Section::default() })
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Section, A::Error> {
                let m = SectionMap::deserialize(MapAccessDeserializer::new(map))?;
                Ok(Section {
                    heading: m.heading,
                    body: m.body,
                    after: m.after,
                    processing_fee: m.processing_fee,
                })
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for Section {
    fn schema_name() -> Cow<'static, str> {
        "Section".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let body = g.subschema_for::<Body>();
        let map = g.subschema_for::<SectionMap>();
        json_schema!({ "anyOf": [ body, map, { "type": "null" } ] })
    }
}

impl<'de> Deserialize<'de> for Body {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = Body;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("text or a list of blocks")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Body, E> {
                Ok(Body::Text(v.to_string()))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Body, A::Error> {
                Ok(Body::Blocks(Vec::<BlockSrc>::deserialize(SeqAccessDeserializer::new(seq))?))
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for Body {
    fn schema_name() -> Cow<'static, str> {
        "Body".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let block = g.subschema_for::<BlockSrc>();
        json_schema!({ "anyOf": [ { "type": "string" }, { "type": "array", "items": block } ] })
    }
}

impl<'de> Deserialize<'de> for BlockSrc {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = BlockSrc;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("text or a block mapping (p, h2, h3, h4, image)")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<BlockSrc, E> {
                Ok(BlockSrc::Text(v.to_string()))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<BlockSrc, A::Error> {
                Ok(BlockSrc::Map(BlockMap::deserialize(MapAccessDeserializer::new(map))?))
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for BlockSrc {
    fn schema_name() -> Cow<'static, str> {
        "Block".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let map = g.subschema_for::<BlockMap>();
        json_schema!({ "anyOf": [ { "type": "string" }, map ] })
    }
}

impl<'de> Deserialize<'de> for OtherHandling {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = OtherHandling;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a row (2019 edition) or a mapping of three rows (2021 edition)")
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<OtherHandling, A::Error> {
                Ok(OtherHandling::Row(Row::deserialize(SeqAccessDeserializer::new(seq))?))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<OtherHandling, A::Error> {
                Ok(OtherHandling::Split(OtherSplit::deserialize(MapAccessDeserializer::new(map))?))
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for OtherHandling {
    fn schema_name() -> Cow<'static, str> {
        "OtherHandling".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let row = g.subschema_for::<Row>();
        let split = g.subschema_for::<OtherSplit>();
        json_schema!({ "anyOf": [ row, split ] })
    }
}

/// The JSON Schema of the report format (draft 2020-12), for editors.
pub fn json_schema() -> serde_json::Value {
    let schema = schemars::schema_for!(ReportFile);
    serde_json::to_value(schema).expect("schema serialises")
}
