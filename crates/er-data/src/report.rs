//! The report as typed data: what a data file holds once loaded and read
//! against its template.

use std::collections::BTreeMap;
use std::sync::Arc;

use er_i18n::t;

use er_template::{Kind, Template};
use rust_decimal::Decimal;
use serde::Deserialize;

use crate::date::Date;
use crate::figures::{Amount, AmountCell, Count, Figure, FigureValue};

/// One agency's annual administrative law-enforcement report.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The template the tables follow.
    pub template: Arc<Template>,
    /// The template as the data file names it (`template:`), if it does.
    pub template_ref: Option<String>,
    /// The agency, as it signs the report: 第一师阿拉尔市应急管理局.
    pub agency: String,
    /// The year reported on.
    pub year: u16,
    /// The date the report is signed, shown under the signature.
    pub report_date: Date,
    /// An optional title line above 第一部分 (the reference has none).
    pub title: Option<String>,
    /// The name under which the report is signed, if not `agency`.
    pub signature: Option<String>,
    /// The narrative part: its heading and blocks.
    pub narrative: Narrative,
    /// The heading of the statistics part: 第二部分 行政执法数据统计情况.
    pub statistics_heading: String,
    /// The figures of the template's tables, in its order.
    pub tables: Vec<TableData>,
    /// Last year's figures, any of them, by table and key (上年度): what
    /// `{表一.<key>:同比}` compares with.
    pub previous_year: BTreeMap<String, BTreeMap<String, AmountCell>>,
}

impl Report {
    /// Each block of Part 1 with its place in the outline, as `diff` and
    /// `init` name it (第一部分 › 一、… › （一）… › 1.…, or 第N段 for a
    /// paragraph without a run-in heading), and its text.
    pub fn outline(&self) -> Vec<(String, String)> {
        let mut h1 = String::new();
        let mut h2 = String::new();
        let mut out = Vec::new();
        let part = self.narrative.heading.split_whitespace().next().unwrap_or("第一部分").to_string();
        for (i, b) in self.narrative.blocks.iter().enumerate() {
            let (place, text) = match b {
                Block::Heading1(t) => {
                    h1 = t.clone();
                    h2.clear();
                    (t!("place-heading", at = part, text = t), t.clone())
                }
                Block::Heading2(t) => {
                    h2 = t.clone();
                    (t!("place-heading", at = format!("{part} › {h1}"), text = t), t.clone())
                }
                Block::Paragraph { lead, text } => {
                    let mut p = format!("{part} › {h1}");
                    if !h2.is_empty() {
                        p.push_str(&format!(" › {h2}"));
                    }
                    match lead {
                        Some(l) => p.push_str(&format!(" › {l}")),
                        None => p.push_str(&format!(" › {}", t!("diff-paragraph", n = i + 1))),
                    }
                    (p, format!("{}{}", lead.as_deref().unwrap_or(""), text))
                }
            };
            out.push((place, text));
        }
        out
    }

    /// Last year's value of a figure, when the data gives one.
    pub fn previous_figure(&self, label: &str, key: &str) -> Option<Decimal> {
        self.previous_year.get(label)?.get(key)?.figure.value().map(|a| a.0)
    }

    /// The value row of table `t`, left to right; a total left out of the
    /// data is computed from its parts.
    ///
    /// ```
    /// let r = er_data::load_file("../../fixtures/aral-emergency-2024.yaml".as_ref()).unwrap().report;
    /// let t2 = r.template.table_index("表二").unwrap();
    /// assert_eq!(r.values(t2)[8].text(), "37");
    /// ```
    pub fn values(&self, t: usize) -> Vec<FigureValue> {
        let def = &self.template.tables[t];
        let data = &self.tables[t];
        let mut row: Vec<FigureValue> = def
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| match (data.given[i], &c.total_of) {
                (Some(v), None) => v,
                (given, Some(of)) => computed(given, &of.iter().map(|&k| data.given[k]).collect::<Vec<_>>(), c.kind),
                (None, None) => FigureValue::blank(c.kind),
            })
            .collect();
        // Rates after totals: a rate may divide a total.
        for (i, c) in def.columns.iter().enumerate() {
            let Some(rate) = c.rate else { continue };
            let given = data.given[i].filter(|g| !g.is_to_fill());
            row[i] = match given {
                Some(g) => g,
                None => match rate_value(row[rate.part], row[rate.whole], rate, c.decimals) {
                    RateValue::Value(v) => FigureValue::Amount(Figure::Value(Amount(v))),
                    RateValue::ToFill => FigureValue::Amount(Figure::ToFill),
                    RateValue::Blank | RateValue::NoWhole | RateValue::PartExceeds => FigureValue::blank(c.kind),
                },
            };
        }
        row
    }

    /// The parts' headings in report order.
    pub fn part_heading(&self, part: er_template::Part) -> &str {
        match part {
            er_template::Part::Narrative => &self.narrative.heading,
            er_template::Part::Statistics => &self.statistics_heading,
        }
    }
}


/// A rate computed from its parts, or why there is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateValue {
    /// part ÷ whole × 100, rounded to the column's decimals by its rule.
    Value(Decimal),
    /// A part is blank (no such power): so is the rate.
    Blank,
    /// A part is still to fill.
    ToFill,
    /// The whole is 0: there is nothing to divide by.
    NoWhole,
    /// The part is more than the whole: a share cannot be.
    PartExceeds,
}

/// The exact rate part ÷ whole × 100, before rounding: None when a part is
/// blank or the whole is 0.
pub fn exact_rate(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        return None;
    }
    part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole)
}

/// `exact` rounded to `decimals` by `rule`, without trailing zeros.
///
/// ```
/// use er_data::report::round;
/// use er_template::Rounding;
/// let d = |s: &str| s.parse::<rust_decimal::Decimal>().unwrap();
/// assert_eq!(round(d("97.674418"), 2, Rounding::HalfUp), d("97.67"));
/// assert_eq!(round(d("12.345"), 2, Rounding::HalfUp), d("12.35"));
/// assert_eq!(round(d("12.345"), 2, Rounding::HalfEven), d("12.34"));
/// assert_eq!(round(d("12.349"), 2, Rounding::Down), d("12.34"));
/// ```
pub fn round(exact: Decimal, decimals: u32, rule: er_template::Rounding) -> Decimal {
    use rust_decimal::RoundingStrategy as S;
    let strategy = match rule {
        er_template::Rounding::HalfUp => S::MidpointAwayFromZero,
        er_template::Rounding::HalfEven => S::MidpointNearestEven,
        er_template::Rounding::Down => S::ToZero,
    };
    exact.round_dp_with_strategy(decimals, strategy).normalize()
}

/// The rate of `part` in `whole`, rounded as its column says.
///
/// ```
/// use er_data::report::{rate_value, RateValue};
/// use er_data::{Figure, FigureValue};
/// let count = |n| FigureValue::Count(Figure::Value(n));
/// let rate = er_template::Rate { part: 1, whole: 0, rounding: er_template::Rounding::HalfUp };
/// assert_eq!(rate_value(count(252), count(258), rate, 2), RateValue::Value("97.67".parse().unwrap()));
/// assert_eq!(rate_value(count(0), count(0), rate, 2), RateValue::NoWhole);
/// assert_eq!(rate_value(count(9), count(8), rate, 2), RateValue::PartExceeds);
/// ```
pub fn rate_value(part: FigureValue, whole: FigureValue, rate: er_template::Rate, decimals: u32) -> RateValue {
    if part.is_to_fill() || whole.is_to_fill() {
        return RateValue::ToFill;
    }
    let (Some(p), Some(w)) = (part.number(), whole.number()) else { return RateValue::Blank };
    if p > w {
        return RateValue::PartExceeds;
    }
    match exact_rate(p, w) {
        Some(e) => RateValue::Value(round(e, decimals, rate.rounding)),
        None => RateValue::NoWhole,
    }
}

/// Sum of counts, blanks counting as nothing; None when it overflows a count.
fn sum_counts(figures: &[Figure<Count>]) -> Option<Count> {
    figures.iter().filter_map(|f| f.value()).try_fold(0u32, |acc, v| acc.checked_add(v))
}

/// Sum of figures of one kind, blanks counting as nothing; None when a
/// count overflows or a part is still to fill.
/// A sum whose parts are all blank is blank: the agency has none of the
/// powers it adds up, which 0 would deny.
///
/// ```
/// use er_data::{report::sum, Figure, FigureValue};
/// let blank = FigureValue::Count(Figure::NoPower);
/// assert_eq!(sum(&[blank, blank]), Some(blank));
/// assert_eq!(sum(&[blank, FigureValue::Count(Figure::Value(0))]).unwrap().text(), "0");
/// ```
pub fn sum(parts: &[FigureValue]) -> Option<FigureValue> {
    if parts.iter().any(|p| p.is_to_fill()) {
        return None;
    }
    if let Some(first) = parts.first().filter(|_| parts.iter().all(|p| p.is_blank())) {
        return Some(*first);
    }
    match parts.first() {
        Some(FigureValue::Amount(_)) => {
            let mut s = Decimal::ZERO;
            for p in parts {
                if let Some(v) = p.number() {
                    s = s.checked_add(v)?;
                }
            }
            Some(FigureValue::Amount(Figure::Value(Amount(s.normalize()))))
        }
        _ => {
            let counts: Vec<Figure<Count>> =
                parts.iter().map(|p| if let FigureValue::Count(c) = p { *c } else { Figure::NoPower }).collect();
            sum_counts(&counts).map(|n| FigureValue::Count(Figure::Value(n)))
        }
    }
}

/// A total: as given, or computed from its parts when left out or 待填.
fn computed(total: Option<FigureValue>, parts: &[Option<FigureValue>], kind: Kind) -> FigureValue {
    let parts: Vec<FigureValue> = parts.iter().map(|p| p.unwrap_or(FigureValue::blank(kind))).collect();
    let to_fill = match kind {
        Kind::Count => FigureValue::Count(Figure::ToFill),
        Kind::Amount => FigureValue::Amount(Figure::ToFill),
    };
    match total {
        _ if parts.iter().any(|p| p.is_to_fill()) => to_fill,
        Some(t) if !t.is_to_fill() => t,
        // An overflowing sum is reported by `check`; a load refuses it first.
        _ => sum(&parts).unwrap_or(match kind {
            Kind::Count => FigureValue::Count(Figure::Value(u32::MAX)),
            Kind::Amount => to_fill,
        }),
    }
}

/// One table's data: its figures and the printed text it overrides.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TableData {
    /// Each column's figure as the data gives it; None for a total left out.
    pub given: Vec<Option<FigureValue>>,
    /// Header labels that replace the template's, by key (标签).
    pub labels: BTreeMap<String, String>,
    /// A title that replaces the template's (标题).
    pub title: Option<String>,
    /// Notes that replace the template's (说明); an empty list prints none.
    pub notes: Option<Vec<String>>,
}

/// The narrative part: headings and paragraphs.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Narrative {
    /// 第一部分 行政执法总体情况
    pub heading: String,
    /// Headings and paragraphs in reading order.
    pub blocks: Vec<Block>,
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
            (None, None, Some(_), None) => Err(er_i18n::t!("block-h3-alone")),
            (None, None, None, None) => Err(er_i18n::t!("block-empty")),
            _ => Err(er_i18n::t!("block-two-kinds")),
        }
    }
}

