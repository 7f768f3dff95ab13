//! Table templates: the statistics tables of one province's version of the
//! annual report, as data. A template says the order of the report's two
//! parts, whether a 目录 comes first, and for each table its label, title,
//! header tree, columns (key, kind, unit, decimals, totals) and default
//! notes. The grid of merged header cells is computed from the tree
//! ([`grid`]); nobody writes row or column numbers.
//!
//! Built-in templates are compiled in ([`builtin`]); a user's own template
//! file is read and checked by [`load_file`] with located errors.
//!
//! ```
//! let t = er_template::builtin::get("bingtuan-2024").unwrap();
//! let t3 = t.table("表三").unwrap();
//! assert_eq!(t3.columns.len(), 13);
//! assert_eq!(t3.header_rows, 3);
//! // The last column, a leaf at the top of the tree, spans the three header
//! // rows: computed from the tree.
//! let last = t3.grid.iter().find(|c| c.col == 12).unwrap();
//! assert_eq!((last.row, last.rows, last.cols), (0, 3, 1));
//! ```

pub mod builtin;
mod compare;
pub mod grid;
pub mod load;
pub mod schema;
mod units;

pub use load::{load_file, load_str, resolve, Unresolved};
pub use units::Unit;
pub use compare::{difference, meaning_key};

/// The two parts of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// The narrative: headings and paragraphs, signed and dated at its end.
    Narrative,
    /// The statistics: the tables, on landscape pages.
    Statistics,
}

/// The label of a totals row, in a roll-up and in the tables agencies
/// bring to `import`. (The one place the code writes it: the word of
/// published summaries, not a key of any template.)
pub const TOTAL_ROW: &str = "合计";

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A whole number (宗, 次, 件, 人 …), 0 to 4294967295.
    Count,
    /// An exact decimal (万元, 元, %), with at most the column's decimals.
    Amount,
}

impl Kind {
    /// The name a template file uses: `count` or `amount`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Amount => "amount",
        }
    }
}

/// One template: everything the tables of a report need.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    /// The name a data file gives under `template:`, e.g. `bingtuan-2024`.
    pub name: String,
    /// One line on where the template comes from and what it has.
    pub description: String,
    /// The parts in report order: 第一部分 is `parts[0]`.
    pub parts: [Part; 2],
    /// A 目录 (table of contents) before the first part.
    pub contents: bool,
    /// The tables in report order.
    pub tables: Vec<TableDef>,
}

impl Template {
    /// The table with this label (表一 …).
    pub fn table(&self, label: &str) -> Option<&TableDef> {
        self.tables.iter().find(|t| t.label == label)
    }

    /// The index of the table with this label.
    pub fn table_index(&self, label: &str) -> Option<usize> {
        self.tables.iter().position(|t| t.label == label)
    }

    /// The tables' labels, for a message: 表一；表二；…
    pub fn table_labels(&self) -> String {
        self.tables.iter().map(|t| t.label.as_str()).collect::<Vec<_>>().join("；")
    }

    /// Where a part stands: 0 for 第一部分, 1 for 第二部分.
    pub fn part_index(&self, part: Part) -> usize {
        usize::from(self.parts[0] != part)
    }
}

/// One statistics table.
#[derive(Debug, Clone, PartialEq)]
pub struct TableDef {
    /// 表一 …: the key of the table in a data file, printed above its title.
    pub label: String,
    /// The title pattern; it may use {机关} and {年度}.
    pub title: String,
    /// The value columns, left to right (the leaves of the header tree).
    pub columns: Vec<Column>,
    /// The header as a tree of labels.
    pub header: Vec<HeaderNode>,
    /// The header cells computed from the tree, row by row, left to right.
    pub grid: Vec<HeaderCell>,
    /// Rows of the header: the depth of the tree.
    pub header_rows: usize,
    /// The notes printed under the table unless the data gives its own.
    pub notes: Notes,
}

impl TableDef {
    /// The index of the column with this key.
    pub fn column(&self, key: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.key == key)
    }

    /// The figures' keys, for a message, separated by ； (keys may hold a 、).
    pub fn figure_keys(&self) -> String {
        self.columns.iter().map(|c| c.key.as_str()).collect::<Vec<_>>().join("；")
    }

    /// Every key a data file may use under 标签 to replace a header label.
    pub fn label_keys(&self) -> impl Iterator<Item = &str> + '_ {
        self.grid.iter().map(|h| h.key.as_str())
    }

    /// The title with {机关} and {年度} filled in.
    ///
    /// ```
    /// let t = er_template::builtin::get("national-2021").unwrap();
    /// let title = t.tables[0].title_for("某某县应急管理局", 2024);
    /// assert!(title.starts_with("某某县应急管理局2024年度") && title.ends_with("统计表"));
    /// assert_eq!(er_template::fill_title("{机关}{年度}年度{{表}}", "某局", 2024), "某局2024年度{表}");
    /// ```
    pub fn title_for(&self, agency: &str, year: u16) -> String {
        fill_title(&self.title, agency, year)
    }
}

/// The fields a title pattern may use.
pub const TITLE_FIELDS: [&str; 2] = ["机关", "年度"];

/// A title pattern with its fields filled; `{{` and `}}` are literal braces.
pub fn fill_title(pattern: &str, agency: &str, year: u16) -> String {
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
        } else if let Some(end) = tail.find('}').filter(|_| tail.starts_with('{')) {
            match &tail[1..end] {
                "机关" => out.push_str(agency.trim()),
                "年度" => out.push_str(&year.to_string()),
                other => {
                    out.push('{');
                    out.push_str(other);
                    out.push('}');
                }
            }
            rest = &tail[end + 1..];
        } else {
            out.push_str(&tail[..1]);
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

/// A value column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The key in a data file.
    pub key: String,
    /// Its header label (the leaf's text), e.g. the key with its unit.
    pub label: String,
    pub kind: Kind,
    pub unit: Unit,
    /// Most decimal places a figure may have (0 for a count).
    pub decimals: u32,
    /// Whether every figure of the column shows `decimals` places (a
    /// published table that prints 12.3400 and 155000.00 throughout);
    /// otherwise a figure shows the places its data file writes.
    pub fixed_decimals: bool,
    /// For a total, the columns it adds up, left to right.
    pub total_of: Option<Vec<usize>>,
    /// For a rate (a percentage of officers holding a certificate), the two columns it is computed from: such a
    /// figure is never added up, only computed again from its parts.
    pub rate: Option<Rate>,
    /// The header labels from the top of the header down to this column's
    /// own (某类行为 › 次数): with the table's label, what names the figure
    /// uniquely, whatever the data prints instead.
    pub path: Vec<String>,
}

impl Column {
    /// What the figure is, for the statistics desk and the roll-up: a
    /// count, an amount, a total of other columns or a rate.
    ///
    /// ```
    /// let t = er_template::builtin::get("national-2021-detailed").unwrap();
    /// let t6 = t.table("表六").unwrap();
    /// let names: Vec<_> = t6.columns.iter().map(|c| c.nature()).collect();
    /// use er_template::Nature::*;
    /// assert_eq!(names, [Count, Count, Rate]);
    /// ```
    pub fn nature(&self) -> Nature {
        match (&self.total_of, &self.rate, self.kind) {
            (_, Some(_), _) => Nature::Rate,
            (Some(_), _, _) => Nature::Total,
            (_, _, Kind::Count) => Nature::Count,
            // A percentage that is no declared rate is still no quantity.
            (_, _, Kind::Amount) if self.unit == Unit::Percent => Nature::Rate,
            (_, _, Kind::Amount) => Nature::Amount,
        }
    }

    /// True when figures of this column add up across agencies: a count,
    /// an amount or a total, never a rate or a percentage.
    pub fn additive(&self) -> bool {
        self.nature() != Nature::Rate
    }

    /// The header path joined for a reader: 某类行为 › 次数.
    pub fn path_text(&self) -> String {
        self.path.join(PATH_SEPARATOR)
    }
}

/// Between the labels of a header path.
pub const PATH_SEPARATOR: &str = " › ";

/// What a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Nature {
    /// A number of cases, acts or people (宗, 件, 人 …).
    Count,
    /// An exact amount of money (万元, 元).
    Amount,
    /// The sum of other columns of its row.
    Total,
    /// A rate or percentage: never summed.
    Rate,
}

impl Nature {
    /// A stable English word for programs (`diff --json`'s `kind`).
    ///
    /// ```
    /// assert_eq!(er_template::Nature::Rate.code(), "rate");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Nature::Count => "count",
            Nature::Amount => "amount",
            Nature::Total => "total",
            Nature::Rate => "rate",
        }
    }

    /// The word a statistics desk reads in the data sheet's 类型 column.
    pub fn chinese(self) -> &'static str {
        match self {
            Nature::Count => "数量",
            Nature::Amount => "金额",
            Nature::Total => "总数",
            Nature::Rate => "比率",
        }
    }
}

/// A rate: `part` ÷ `whole` × 100, rounded to the column's decimals by
/// `rounding`. The part is a share of the whole (certified officers of all officers),
/// so it can never exceed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rate {
    /// The column of the numerator (the part).
    pub part: usize,
    /// The column of the denominator (the whole).
    pub whole: usize,
    pub rounding: Rounding,
}

/// How a computed figure is rounded to its decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Rounding {
    /// 四舍五入: half away from zero (Excel's ROUND).
    #[default]
    HalfUp,
    /// 四舍六入五成双: half to even.
    HalfEven,
    /// 截尾: toward zero (Excel's ROUNDDOWN).
    Down,
}

impl Rounding {
    /// The name a template file uses.
    pub fn name(self) -> &'static str {
        match self {
            Rounding::HalfUp => "half-up",
            Rounding::HalfEven => "half-even",
            Rounding::Down => "down",
        }
    }

    /// The rule in Chinese, for a message.
    pub fn chinese(self) -> &'static str {
        match self {
            Rounding::HalfUp => "四舍五入",
            Rounding::HalfEven => "四舍六入五成双",
            Rounding::Down => "截尾",
        }
    }

    /// The rounding a template file names.
    pub fn parse(s: &str) -> Option<Rounding> {
        [Rounding::HalfUp, Rounding::HalfEven, Rounding::Down].into_iter().find(|r| r.name() == s.trim())
    }
}

/// A node of the header tree: a label over its children, or a leaf that
/// names a column.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderNode {
    /// The key a data file uses under 标签 to replace the label.
    pub key: String,
    pub label: String,
    /// For a leaf, its column.
    pub column: Option<usize>,
    pub children: Vec<HeaderNode>,
}

/// A header cell and the grid rectangle it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderCell {
    /// The key a data file uses under 标签 to replace the text.
    pub key: String,
    pub text: String,
    pub row: usize,
    pub col: usize,
    pub rows: usize,
    pub cols: usize,
}

/// The notes of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Notes {
    /// 说明 or 填报说明, printed with a full-width colon.
    pub heading: String,
    /// The notes, without their numbers.
    pub items: Vec<String>,
    /// Where they are printed.
    pub placement: NotesPlacement,
}

/// Where a table's notes are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NotesPlacement {
    /// Right under the table: 说明：1.…
    #[default]
    Table,
    /// Above the table, led by its label (表一说明：1.…), as some published
    /// layouts print them.
    Before,
    /// After the last table of the part, led by the table's label:
    /// 表一填报说明：1.…
    End,
}

/// Most value columns a table may have: what the landscape text block
/// holds in 六号 (7.5 pt), two characters a column (曲阜's published 2021
/// 行政处罚 table has 26).
pub const MAX_COLUMNS: usize = 30;
/// Most header rows a table may have.
pub const MAX_HEADER_ROWS: usize = 4;
