//! The report as typed data: what a data file holds once loaded.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::date::Date;
use crate::figures::{AmountCell, Count, Figure};

/// One agency's annual administrative law-enforcement report.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// The agency, as it signs the report: 第一师阿拉尔市应急管理局.
    pub agency: String,
    /// The year reported on.
    pub year: u16,
    /// The date the report is signed, shown under the signature.
    pub report_date: Date,
    /// An optional title line above Part 1 (the reference has none).
    #[serde(default)]
    pub title: Option<String>,
    /// The name under which the report is signed, if not `agency`.
    #[serde(default)]
    pub signature: Option<String>,
    /// Part 1: the narrative.
    pub part1: Part1,
    /// Part 2: the heading of the statistics part.
    pub part2: Part2,
    /// The figures of the four tables.
    pub tables: Tables,
    /// Last year's figures, any of them, by table and key (上年度): what
    /// `{表一.申请数量:同比}` compares with.
    #[serde(default)]
    pub previous_year: BTreeMap<String, BTreeMap<String, AmountCell>>,
}

impl Report {
    /// Last year's value of a figure, when the data gives one.
    pub fn previous_figure(&self, id: crate::tables::TableId, key: &str) -> Option<rust_decimal::Decimal> {
        self.previous_year.get(id.def().label)?.get(key)?.figure.value().map(|a| a.0)
    }
}

/// Part 1: the general situation, as headings and paragraphs.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part1 {
    /// 第一部分 行政执法总体情况
    pub heading: String,
    /// Headings and paragraphs in reading order.
    pub blocks: Vec<Block>,
}

/// Part 2: the statistics; its content is the four tables.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part2 {
    /// 第二部分 行政执法数据统计情况
    pub heading: String,
}

/// A block of Part 1, written in YAML as one of
/// `h1: …`, `h2: …`, `p: …` or `h3: …` together with `p: …` (a paragraph
/// that starts with a run-in level-3 heading).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(try_from = "RawBlock")]
pub enum Block {
    /// 一、行政执法信息情况 (黑体).
    Heading1(String),
    /// （一）开展专项整治工作情况。 (楷体).
    Heading2(String),
    /// A body paragraph, optionally led by a run-in level-3 heading
    /// such as 1.重点领域监管整治情况。
    Paragraph { lead: Option<String>, text: String },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBlock {
    h1: Option<String>,
    h2: Option<String>,
    h3: Option<String>,
    p: Option<String>,
}

impl TryFrom<RawBlock> for Block {
    type Error = String;
    fn try_from(r: RawBlock) -> Result<Block, String> {
        match (r.h1, r.h2, r.h3, r.p) {
            (Some(t), None, None, None) => Ok(Block::Heading1(t)),
            (None, Some(t), None, None) => Ok(Block::Heading2(t)),
            (None, None, lead, Some(text)) => Ok(Block::Paragraph { lead, text }),
            (None, None, Some(_), None) => Err("a run-in heading `h3` needs its paragraph: add `p: …` to the same item".into()),
            (None, None, None, None) => Err("an empty block: write one of `h1: …`, `h2: …`, `p: …` (with an optional `h3: …`)".into()),
            _ => Err("a block holds one of `h1`, `h2` or `p` (with an optional `h3` before `p`); split it into separate items".into()),
        }
    }
}

/// The four tables of Part 2.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tables {
    #[serde(rename = "表一")]
    pub licensing: Licensing,
    #[serde(rename = "表二")]
    pub penalties: Penalties,
    #[serde(rename = "表三")]
    pub coercion: Coercion,
    #[serde(rename = "表四")]
    pub other: OtherActs,
}

/// Wraps a present value, so that a key left out (None) differs from `~`.
fn present<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(d).map(Some)
}

/// 表一 行政许可实施情况统计表.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Licensing {
    #[serde(rename = "申请数量")]
    pub applied: Figure<Count>,
    #[serde(rename = "受理数量")]
    pub accepted: Figure<Count>,
    #[serde(rename = "许可数量")]
    pub granted: Figure<Count>,
    #[serde(rename = "不予许可数量")]
    pub refused: Figure<Count>,
    #[serde(rename = "撤销许可数量")]
    pub revoked: Figure<Count>,
    #[serde(rename = "标签", default)]
    pub labels: BTreeMap<String, String>,
    #[serde(rename = "标题", default)]
    pub title: Option<String>,
    #[serde(rename = "说明", default)]
    pub notes: Option<Vec<String>>,
}

/// 表二 行政处罚实施情况统计表.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Penalties {
    #[serde(rename = "警告")]
    pub warning: Figure<Count>,
    #[serde(rename = "罚款")]
    pub fine: Figure<Count>,
    #[serde(rename = "没收违法所得、没收非法财物")]
    pub confiscation: Figure<Count>,
    #[serde(rename = "暂扣许可证、执照")]
    pub licence_suspended: Figure<Count>,
    #[serde(rename = "责令停产停业")]
    pub business_suspended: Figure<Count>,
    #[serde(rename = "吊销许可证、执照")]
    pub licence_revoked: Figure<Count>,
    #[serde(rename = "行政拘留")]
    pub detention: Figure<Count>,
    #[serde(rename = "其他行政处罚")]
    pub other: Figure<Count>,
    /// 合计: computed from the eight categories when left out.
    #[serde(rename = "合计", default, deserialize_with = "present")]
    pub total: Option<Figure<Count>>,
    #[serde(rename = "罚没金额")]
    pub amount: AmountCell,
    #[serde(rename = "标签", default)]
    pub labels: BTreeMap<String, String>,
    #[serde(rename = "标题", default)]
    pub title: Option<String>,
    #[serde(rename = "说明", default)]
    pub notes: Option<Vec<String>>,
}

/// 表三 行政强制实施情况统计表.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coercion {
    #[serde(rename = "限制公民人身自由")]
    pub restrict_liberty: Figure<Count>,
    #[serde(rename = "查封场所、设施或者财物")]
    pub seal_up: Figure<Count>,
    #[serde(rename = "扣押财物")]
    pub seize: Figure<Count>,
    #[serde(rename = "冻结存款、汇款")]
    pub freeze: Figure<Count>,
    #[serde(rename = "其他行政强制措施")]
    pub other_measures: Figure<Count>,
    #[serde(rename = "加处罚款或者滞纳金")]
    pub surcharge: Figure<Count>,
    #[serde(rename = "划拨存款、汇款")]
    pub transfer: Figure<Count>,
    #[serde(rename = "拍卖或者依法处理查封、扣押的场所、设施或者财物")]
    pub auction: Figure<Count>,
    #[serde(rename = "排除妨碍、恢复原状")]
    pub restore: Figure<Count>,
    #[serde(rename = "代履行")]
    pub substitute: Figure<Count>,
    #[serde(rename = "其他强制执行")]
    pub other_enforcement: Figure<Count>,
    #[serde(rename = "申请法院强制执行")]
    pub court: Figure<Count>,
    /// 合并: computed from the twelve counts when left out.
    #[serde(rename = "合并", default, deserialize_with = "present")]
    pub total: Option<Figure<Count>>,
    #[serde(rename = "标签", default)]
    pub labels: BTreeMap<String, String>,
    #[serde(rename = "标题", default)]
    pub title: Option<String>,
    #[serde(rename = "说明", default)]
    pub notes: Option<Vec<String>>,
}

/// 表四 其他行政执法行为实施情况统计表.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OtherActs {
    #[serde(rename = "行政征收次数")]
    pub levy_count: Figure<Count>,
    #[serde(rename = "行政征收总金额")]
    pub levy_amount: AmountCell,
    #[serde(rename = "行政检查次数")]
    pub inspection_count: Figure<Count>,
    #[serde(rename = "行政裁决次数")]
    pub ruling_count: Figure<Count>,
    #[serde(rename = "行政裁决涉及金额")]
    pub ruling_amount: AmountCell,
    #[serde(rename = "行政给付次数")]
    pub payment_count: Figure<Count>,
    #[serde(rename = "行政给付总金额")]
    pub payment_amount: AmountCell,
    #[serde(rename = "行政确认次数")]
    pub confirmation_count: Figure<Count>,
    #[serde(rename = "行政奖励次数")]
    pub reward_count: Figure<Count>,
    #[serde(rename = "行政奖励总金额")]
    pub reward_amount: AmountCell,
    #[serde(rename = "其他行政执法行为宗数")]
    pub other_count: Figure<Count>,
    #[serde(rename = "标签", default)]
    pub labels: BTreeMap<String, String>,
    #[serde(rename = "标题", default)]
    pub title: Option<String>,
    #[serde(rename = "说明", default)]
    pub notes: Option<Vec<String>>,
}
