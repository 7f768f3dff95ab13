//! The four tables of Part 2, defined once: keys, header grids with their
//! spans (spec §3), default titles and notes, and which cell is a total.
//! Every writer and the checker read these definitions; none restates them.

use crate::figures::{Amount, AmountCell, Count, Figure};
use crate::report::Tables;

/// Which of the four tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TableId {
    /// 表一 行政许可实施情况统计表
    Licensing,
    /// 表二 行政处罚实施情况统计表
    Penalties,
    /// 表三 行政强制实施情况统计表
    Coercion,
    /// 表四 其他行政执法行为实施情况统计表
    Other,
}

impl TableId {
    /// The four tables in report order.
    pub const ALL: [TableId; 4] = [TableId::Licensing, TableId::Penalties, TableId::Coercion, TableId::Other];

    /// The table's definition.
    ///
    /// ```
    /// use enforcement_report_model::TableId;
    /// assert_eq!(TableId::Coercion.def().label, "表三");
    /// assert_eq!(TableId::Coercion.def().columns.len(), 13);
    /// ```
    pub fn def(self) -> &'static TableDef {
        match self {
            TableId::Licensing => &LICENSING,
            TableId::Penalties => &PENALTIES,
            TableId::Coercion => &COERCION,
            TableId::Other => &OTHER,
        }
    }

    /// Looks a table up by its label (表一 … 表四).
    pub fn from_label(label: &str) -> Option<TableId> {
        TableId::ALL.into_iter().find(|t| t.def().label == label)
    }
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A whole number of cases (宗, 次, 人次).
    Count,
    /// An amount of money in 万元.
    Amount,
}

/// A figure of a table, as the document shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureValue {
    Count(Figure<Count>),
    Amount(Figure<Amount>),
}

impl FigureValue {
    /// The cell's text: the number, or "" for a blank.
    pub fn text(self) -> String {
        match self {
            FigureValue::Count(f) => f.to_string(),
            FigureValue::Amount(f) => f.to_string(),
        }
    }

    /// True when the agency has no such power (the cell is empty).
    pub fn is_blank(self) -> bool {
        matches!(self, FigureValue::Count(Figure::NoPower) | FigureValue::Amount(Figure::NoPower))
    }

    /// True when the figure is still to fill (待填).
    pub fn is_to_fill(self) -> bool {
        matches!(self, FigureValue::Count(Figure::ToFill) | FigureValue::Amount(Figure::ToFill))
    }

    /// The figure as an exact number (an amount in 万元), None for a blank
    /// or a figure still to fill.
    pub fn number(self) -> Option<rust_decimal::Decimal> {
        match self {
            FigureValue::Count(f) => f.value().map(rust_decimal::Decimal::from),
            FigureValue::Amount(f) => f.value().map(|a| a.0),
        }
    }
}

/// What a message says when a table label is not one of the four.
pub const TABLES_HELP: &str = "the tables are 表一, 表二, 表三 and 表四";

/// A column of values: the data key and how to read it from the tables.
pub struct ColumnDef {
    /// The key in the data file, e.g. 罚款; also the key of its header label.
    pub key: &'static str,
    /// Reads the figure; totals left out of the data come back computed.
    pub get: Get,
}

/// How a column reads its figure, which also says what the column holds.
#[derive(Clone, Copy)]
pub enum Get {
    Count(fn(&Tables) -> Figure<Count>),
    /// An amount as read, with how it was written (the loader checks floats).
    Amount(fn(&Tables) -> AmountCell),
}

impl ColumnDef {
    /// What the column holds.
    pub fn kind(&self) -> Kind {
        match self.get {
            Get::Count(_) => Kind::Count,
            Get::Amount(_) => Kind::Amount,
        }
    }

    /// The column's figure in `t`.
    pub fn value(&self, t: &Tables) -> FigureValue {
        match self.get {
            Get::Count(f) => FigureValue::Count(f(t)),
            Get::Amount(f) => FigureValue::Amount(f(t).figure),
        }
    }
}

/// A header cell: its text and the grid rectangle it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderDef {
    /// The key a data file uses (under 标签) to override the text.
    pub key: &'static str,
    pub text: &'static str,
    pub row: usize,
    pub col: usize,
    pub rows: usize,
    pub cols: usize,
}

/// A total column: the sum of a range of other columns of the value row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotalDef {
    pub column: usize,
    pub of: std::ops::Range<usize>,
}

/// Everything fixed about one table.
pub struct TableDef {
    pub id: TableId,
    /// 表一 … 表四
    pub label: &'static str,
    pub title: &'static str,
    /// Header cells, row by row; together they tile the header rows exactly.
    pub header: &'static [HeaderDef],
    pub header_rows: usize,
    /// The value row, left to right.
    pub columns: &'static [ColumnDef],
    pub total: Option<TotalDef>,
    /// Default notes, without their numbers.
    pub notes: &'static [&'static str],
}

impl TableDef {
    /// The index of the column with this key.
    pub fn column(&self, key: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.key == key)
    }

    /// The figures' keys, for a message: 申请数量；受理数量；… (keys such as
    /// 暂扣许可证、执照 hold a 、, so the list is separated by ；).
    pub fn figure_keys(&self) -> String {
        self.columns.iter().map(|c| c.key).collect::<Vec<_>>().join("；")
    }

    /// Every key a data file may use under 标签.
    pub fn label_keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.header.iter().map(|h| h.key)
    }
}

const fn h(key: &'static str, text: &'static str, row: usize, col: usize, rows: usize, cols: usize) -> HeaderDef {
    HeaderDef { key, text, row, col, rows, cols }
}

/// A leaf label whose text is its key.
const fn leaf(key: &'static str, row: usize, col: usize) -> HeaderDef {
    HeaderDef { key, text: key, row, col, rows: 1, cols: 1 }
}

/// Sum of figures, blanks counting as nothing; None when it overflows a count.
pub fn sum_counts(figures: &[Figure<Count>]) -> Option<Count> {
    figures.iter().filter_map(|f| f.value()).try_fold(0u32, |acc, v| acc.checked_add(v))
}

fn computed(total: Option<Figure<Count>>, parts: &[Figure<Count>]) -> Figure<Count> {
    match total {
        _ if parts.contains(&Figure::ToFill) => Figure::ToFill,
        Some(Figure::ToFill) => computed(None, parts),
        Some(t) => t,
        // An overflowing sum is reported by `check`; a load refuses it first.
        None => Figure::Value(sum_counts(parts).unwrap_or(u32::MAX)),
    }
}

static LICENSING: TableDef = TableDef {
    id: TableId::Licensing,
    label: "表一",
    title: "行政许可实施情况统计表",
    header: &[
        h("行政许可实施数量", "行政许可实施数量（宗）", 0, 0, 1, 5),
        leaf("申请数量", 1, 0),
        leaf("受理数量", 1, 1),
        leaf("许可数量", 1, 2),
        leaf("不予许可数量", 1, 3),
        leaf("撤销许可数量", 1, 4),
    ],
    header_rows: 2,
    columns: &[
        ColumnDef { key: "申请数量", get: Get::Count(|t| t.licensing.applied) },
        ColumnDef { key: "受理数量", get: Get::Count(|t| t.licensing.accepted) },
        ColumnDef { key: "许可数量", get: Get::Count(|t| t.licensing.granted) },
        ColumnDef { key: "不予许可数量", get: Get::Count(|t| t.licensing.refused) },
        ColumnDef { key: "撤销许可数量", get: Get::Count(|t| t.licensing.revoked) },
    ],
    total: None,
    notes: &[
        "“申请数量”的统计范围为统计年度1月1日至12月31日期间许可机关收到当事人许可申请的数量。",
        "“受理数量”“许可数量”“不予许可数量”“撤销许可数量”的统计范围为统计年度1月1日至12月31日期间许可机关作出受理决定、许可决定、不予许可决定和撤销许可决定的数量。",
    ],
};

static PENALTIES: TableDef = TableDef {
    id: TableId::Penalties,
    label: "表二",
    title: "行政处罚实施情况统计表",
    header: &[
        h("行政处罚实施数量", "行政处罚实施数量（宗）", 0, 0, 1, 10),
        leaf("警告", 1, 0),
        leaf("罚款", 1, 1),
        leaf("没收违法所得、没收非法财物", 1, 2),
        leaf("暂扣许可证、执照", 1, 3),
        leaf("责令停产停业", 1, 4),
        leaf("吊销许可证、执照", 1, 5),
        leaf("行政拘留", 1, 6),
        leaf("其他行政处罚", 1, 7),
        h("合计", "合计（宗）", 1, 8, 1, 1),
        h("罚没金额", "罚没金额（万元）", 1, 9, 1, 1),
    ],
    header_rows: 2,
    columns: &[
        ColumnDef { key: "警告", get: Get::Count(|t| t.penalties.warning) },
        ColumnDef { key: "罚款", get: Get::Count(|t| t.penalties.fine) },
        ColumnDef { key: "没收违法所得、没收非法财物", get: Get::Count(|t| t.penalties.confiscation) },
        ColumnDef { key: "暂扣许可证、执照", get: Get::Count(|t| t.penalties.licence_suspended) },
        ColumnDef { key: "责令停产停业", get: Get::Count(|t| t.penalties.business_suspended) },
        ColumnDef { key: "吊销许可证、执照", get: Get::Count(|t| t.penalties.licence_revoked) },
        ColumnDef { key: "行政拘留", get: Get::Count(|t| t.penalties.detention) },
        ColumnDef { key: "其他行政处罚", get: Get::Count(|t| t.penalties.other) },
        ColumnDef { key: "合计", get: Get::Count(|t| computed(t.penalties.total, &t.penalties.categories())) },
        ColumnDef { key: "罚没金额", get: Get::Amount(|t| t.penalties.amount) },
    ],
    total: Some(TotalDef { column: 8, of: 0..8 }),
    notes: &[
        "行政处罚实施数量的统计范围为统计年度1月1日至12月31日期间作出行政处罚决定的数量。",
        "单处一个类别行政处罚的，计入相应的行政处罚类别；并处两种以上行政处罚的，算一宗行政处罚，计入最重的行政处罚类别。如“没收违法所得，并处罚款”，计入“没收违法所得、没收非法财物”类别；并处明确类别的行政处罚和其他行政处罚的，计入明确类别的行政处罚，如“处罚款，并处其他行政处罚”，计入“罚款”类别。",
        "“没收违法所得、没收非法财物”能确定金额的，计入“罚没金额”；不能确定金额的，不计入“罚没金额”。",
        "“罚没金额”以处罚决定书确定的金额为准。",
    ],
};

static COERCION: TableDef = TableDef {
    id: TableId::Coercion,
    label: "表三",
    title: "行政强制实施情况统计表",
    header: &[
        h("行政强制措施实施数量", "行政强制措施实施数量（宗）", 0, 0, 2, 5),
        h("行政强制执行实施数量", "行政强制执行实施数量（宗）", 0, 5, 1, 7),
        h("合并", "合并", 0, 12, 3, 1),
        h("行政机关强制执行", "行政机关强制执行", 1, 5, 1, 6),
        h("申请法院强制执行", "申请法院强制执行", 1, 11, 2, 1),
        leaf("限制公民人身自由", 2, 0),
        leaf("查封场所、设施或者财物", 2, 1),
        leaf("扣押财物", 2, 2),
        leaf("冻结存款、汇款", 2, 3),
        leaf("其他行政强制措施", 2, 4),
        leaf("加处罚款或者滞纳金", 2, 5),
        leaf("划拨存款、汇款", 2, 6),
        leaf("拍卖或者依法处理查封、扣押的场所、设施或者财物", 2, 7),
        leaf("排除妨碍、恢复原状", 2, 8),
        leaf("代履行", 2, 9),
        leaf("其他强制执行", 2, 10),
    ],
    header_rows: 3,
    columns: &[
        ColumnDef { key: "限制公民人身自由", get: Get::Count(|t| t.coercion.restrict_liberty) },
        ColumnDef { key: "查封场所、设施或者财物", get: Get::Count(|t| t.coercion.seal_up) },
        ColumnDef { key: "扣押财物", get: Get::Count(|t| t.coercion.seize) },
        ColumnDef { key: "冻结存款、汇款", get: Get::Count(|t| t.coercion.freeze) },
        ColumnDef { key: "其他行政强制措施", get: Get::Count(|t| t.coercion.other_measures) },
        ColumnDef { key: "加处罚款或者滞纳金", get: Get::Count(|t| t.coercion.surcharge) },
        ColumnDef { key: "划拨存款、汇款", get: Get::Count(|t| t.coercion.transfer) },
        ColumnDef { key: "拍卖或者依法处理查封、扣押的场所、设施或者财物", get: Get::Count(|t| t.coercion.auction) },
        ColumnDef { key: "排除妨碍、恢复原状", get: Get::Count(|t| t.coercion.restore) },
        ColumnDef { key: "代履行", get: Get::Count(|t| t.coercion.substitute) },
        ColumnDef { key: "其他强制执行", get: Get::Count(|t| t.coercion.other_enforcement) },
        ColumnDef { key: "申请法院强制执行", get: Get::Count(|t| t.coercion.court) },
        ColumnDef { key: "合并", get: Get::Count(|t| computed(t.coercion.total, &t.coercion.counts())) },
    ],
    total: Some(TotalDef { column: 12, of: 0..12 }),
    notes: &[
        "“行政强制措施实施数量”“行政强制执行实施数量”的统计范围为统计年度1月1日至12月31日期间作出决定的数量和执行完毕或者终结执行的数量。",
        "“申请法院强制执行”数量的统计范围为统计年度1月1日至12月31日期间向法院申请强制执行的数量，时间以申请日期为准。",
    ],
};

static OTHER: TableDef = TableDef {
    id: TableId::Other,
    label: "表四",
    title: "其他行政执法行为实施情况统计表",
    header: &[
        h("行政征收", "行政征收", 0, 0, 1, 2),
        h("行政检查", "行政检查", 0, 2, 1, 1),
        h("行政裁决", "行政裁决", 0, 3, 1, 2),
        h("行政给付", "行政给付", 0, 5, 1, 2),
        h("行政确认", "行政确认", 0, 7, 1, 1),
        h("行政奖励", "行政奖励", 0, 8, 1, 2),
        h("其他行政执法行为", "其他行政执法行为", 0, 10, 1, 1),
        h("行政征收次数", "次数", 1, 0, 1, 1),
        h("行政征收总金额", "总金额（万元）", 1, 1, 1, 1),
        h("行政检查次数", "次数", 1, 2, 1, 1),
        h("行政裁决次数", "次数", 1, 3, 1, 1),
        h("行政裁决涉及金额", "涉及金额（万元）", 1, 4, 1, 1),
        h("行政给付次数", "次数", 1, 5, 1, 1),
        h("行政给付总金额", "给付总金额（万元）", 1, 6, 1, 1),
        h("行政确认次数", "次数", 1, 7, 1, 1),
        h("行政奖励次数", "次数", 1, 8, 1, 1),
        h("行政奖励总金额", "奖励总金额（万元）", 1, 9, 1, 1),
        h("其他行政执法行为宗数", "宗数", 1, 10, 1, 1),
    ],
    header_rows: 2,
    columns: &[
        ColumnDef { key: "行政征收次数", get: Get::Count(|t| t.other.levy_count) },
        ColumnDef { key: "行政征收总金额", get: Get::Amount(|t| t.other.levy_amount) },
        ColumnDef { key: "行政检查次数", get: Get::Count(|t| t.other.inspection_count) },
        ColumnDef { key: "行政裁决次数", get: Get::Count(|t| t.other.ruling_count) },
        ColumnDef { key: "行政裁决涉及金额", get: Get::Amount(|t| t.other.ruling_amount) },
        ColumnDef { key: "行政给付次数", get: Get::Count(|t| t.other.payment_count) },
        ColumnDef { key: "行政给付总金额", get: Get::Amount(|t| t.other.payment_amount) },
        ColumnDef { key: "行政确认次数", get: Get::Count(|t| t.other.confirmation_count) },
        ColumnDef { key: "行政奖励次数", get: Get::Count(|t| t.other.reward_count) },
        ColumnDef { key: "行政奖励总金额", get: Get::Amount(|t| t.other.reward_amount) },
        ColumnDef { key: "其他行政执法行为宗数", get: Get::Count(|t| t.other.other_count) },
    ],
    total: None,
    notes: &[
        "统计时间范围为每年1月1日至12月31日实际发生数。",
        "检查1个检查对象，有完整、详细的检查记录，统计为检查1次",
    ],
};

impl crate::report::Penalties {
    /// The eight categories that 合计 sums.
    pub fn categories(&self) -> [Figure<Count>; 8] {
        [
            self.warning,
            self.fine,
            self.confiscation,
            self.licence_suspended,
            self.business_suspended,
            self.licence_revoked,
            self.detention,
            self.other,
        ]
    }
}

impl crate::report::Coercion {
    /// The twelve counts that 合并 sums.
    pub fn counts(&self) -> [Figure<Count>; 12] {
        [
            self.restrict_liberty,
            self.seal_up,
            self.seize,
            self.freeze,
            self.other_measures,
            self.surcharge,
            self.transfer,
            self.auction,
            self.restore,
            self.substitute,
            self.other_enforcement,
            self.court,
        ]
    }
}

/// The printed text a data file may override, per table.
pub struct TableOverrides<'a> {
    pub labels: &'a std::collections::BTreeMap<String, String>,
    pub title: Option<&'a str>,
    pub notes: Option<&'a [String]>,
}

impl Tables {
    /// The overrides of one table's printed text.
    pub fn overrides(&self, id: TableId) -> TableOverrides<'_> {
        let (labels, title, notes) = match id {
            TableId::Licensing => (&self.licensing.labels, &self.licensing.title, &self.licensing.notes),
            TableId::Penalties => (&self.penalties.labels, &self.penalties.title, &self.penalties.notes),
            TableId::Coercion => (&self.coercion.labels, &self.coercion.title, &self.coercion.notes),
            TableId::Other => (&self.other.labels, &self.other.title, &self.other.notes),
        };
        TableOverrides { labels, title: title.as_deref(), notes: notes.as_deref() }
    }

    /// The value row of a table, left to right, totals computed where left out.
    pub fn values(&self, id: TableId) -> Vec<FigureValue> {
        id.def().columns.iter().map(|c| c.value(self)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The header cells of every table tile its header rows: each grid
    /// position is covered exactly once.
    #[test]
    fn headers_tile_their_rows() {
        for id in TableId::ALL {
            let d = id.def();
            let n = d.columns.len();
            let mut seen = vec![vec![0; n]; d.header_rows];
            for c in d.header {
                for r in c.row..c.row + c.rows {
                    for k in c.col..c.col + c.cols {
                        seen[r][k] += 1;
                    }
                }
            }
            assert!(seen.iter().flatten().all(|&x| x == 1), "{}: {seen:?}", d.label);
        }
    }

    #[test]
    fn keys_are_unique() {
        for id in TableId::ALL {
            let mut keys: Vec<_> = id.def().label_keys().collect();
            keys.sort();
            let before = keys.len();
            keys.dedup();
            assert_eq!(before, keys.len(), "{}", id.def().label);
        }
    }
}
