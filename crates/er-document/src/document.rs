//! The format-neutral document: what the DOCX, PDF, XLSX and CSV writers
//! consume, and all they consume. Built once from a report by
//! `er_typeset::build`.

use er_data::{Date, FigureValue};
pub use er_template::{Nature, Rounding, TOTAL_ROW};

use crate::layout::{PageSetup, Role};
use crate::text::{em_width, unbroken};

/// A whole report, ready for a writer.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub info: Info,
    /// Part 1 in a portrait section, Part 2 in a landscape one.
    pub sections: Vec<Section>,
}

impl Document {
    /// The document's text in reading order, one entry per paragraph, table
    /// label, title, cell (row by row) and note: what a reader of any of the
    /// three formats finds, in that order.
    pub fn text_lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        for s in &self.sections {
            for b in &s.blocks {
                match b {
                    Block::Signature { name, date } => {
                        out.push(name.clone());
                        out.push(date.clone());
                    }
                    Block::Notes(n) => out.extend(n.notes.lines()),
                    Block::Contents(c) => {
                        out.push(c.heading.clone());
                        out.extend(c.entries.iter().map(|e| e.text.clone()));
                    }
                    Block::Table(t) => {
                        out.push(t.label.clone());
                        out.push(t.title.clone());
                        out.extend(t.cells.iter().filter(|c| !c.text.is_empty()).map(|c| c.text.clone()));
                        out.extend(t.notes.lines());
                    }
                    other => out.push(other.text()),
                }
            }
        }
        out
    }
}

/// Document properties.
#[derive(Debug, Clone, PartialEq)]
pub struct Info {
    pub title: String,
    /// The agency.
    pub author: String,
    /// The report date: the created and modified date of every file.
    pub date: Date,
    /// The year the report covers.
    pub year: u16,
}

/// The 目录: the parts and the tables, each with the page it starts on.
#[derive(Debug, Clone, PartialEq)]
pub struct Contents {
    /// 目　录
    pub heading: String,
    pub entries: Vec<ContentsEntry>,
}

/// One line of the 目录.
#[derive(Debug, Clone, PartialEq)]
pub struct ContentsEntry {
    /// 1 for a part, 2 for a table or a level-1 heading.
    pub level: u8,
    /// The heading's text as printed (a table: 表一 its title).
    pub text: String,
    /// The target's id: the same text in the part or table it names.
    pub target: Target,
    /// The page the target starts on, once a layout has counted it; a
    /// writer that paginates by itself fills it in.
    pub page: Option<usize>,
}

/// What a 目录 line points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The section's part heading (by section index).
    Part(usize),
    /// A table, by its index in the template.
    Table(usize),
}

/// A run of pages of one setup.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub page: PageSetup,
    pub blocks: Vec<Block>,
}

/// A block of a section, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The optional title line above Part 1, centred.
    Title(String),
    /// 第一部分 …, centred; Part 2's starts a new page.
    PartHeading(String),
    /// A heading on its own line, level 1 (一、) or 2 (（一）), indented 2 characters.
    Heading { level: u8, text: String },
    /// A body paragraph: first line indented 2 characters, justified.
    Paragraph(Vec<Run>),
    /// The signature block (GB/T 9704 §7.3.5.1).
    Signature { name: String, date: String },
    /// A statistics table with its label, title and notes.
    Table(Table),
    /// The 目录, on portrait pages of its own before the first part.
    Contents(Contents),
    /// A table's notes printed after the last table of the part (the
    /// template's placement `end`): 表一填报说明：1.…
    Notes(TableNotes),
}

/// The notes of a table, printed apart from it.
#[derive(Debug, Clone, PartialEq)]
pub struct TableNotes {
    /// The table's index in its template.
    pub table: usize,
    /// Led by the table's label: 表一填报说明：
    pub notes: Notes,
}

impl Block {
    /// The block's text as a reader sees it, runs joined.
    pub fn text(&self) -> String {
        match self {
            Block::Title(t) | Block::PartHeading(t) | Block::Heading { text: t, .. } => t.clone(),
            Block::Paragraph(runs) => runs.iter().map(|r| r.text.as_str()).collect(),
            Block::Signature { name, date } => format!("{name}\n{date}"),
            Block::Table(t) => t.title.clone(),
            Block::Contents(c) => c.heading.clone(),
            Block::Notes(n) => n.notes.lead.clone(),
        }
    }
}

/// A run of text with the role that gives its face and size.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub role: Role,
    /// A run-in level-3 heading (1.重点领域监管整治情况。); bold is off by default.
    pub run_in_heading: bool,
}

/// What a cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellRole {
    /// A header label.
    Header,
    /// A figure, 0 included.
    Value,
    /// No such power: the cell is empty.
    Blank,
}

/// One cell of a table's grid; a merged cell is one `Cell` with spans.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub row: usize,
    pub col: usize,
    pub rows: usize,
    pub cols: usize,
    pub role: CellRole,
    /// The text shown: a label, a number as written, or "" for a blank.
    pub text: String,
    /// The text broken into the lines it takes in its column (labels wrap
    /// by the Chinese rules: 金额 / （万元）). Every writer breaks there.
    pub lines: Vec<String>,
    /// The size the text is set in: the cells' 小四, or for a figure wider
    /// than its column the largest of the smaller sizes that keeps it on one
    /// line. A number is never split.
    pub size_pt: f64,
    /// The figure behind a value cell.
    pub value: Option<FigureValue>,
    /// For a total, the cells it adds up: a spreadsheet writes it as a
    /// SUM formula over them.
    pub sum_of: Option<Sum>,
}

/// What a computed figure is computed from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sum {
    /// These columns of the total's own row: a table's total column.
    Columns(Vec<usize>),
    /// These rows of the total's own column: the totals row of a roll-up,
    /// one row per agency.
    Rows(Vec<usize>),
    /// A rate of two cells of its own row: `part` ÷ `whole` × 100, rounded
    /// to `decimals` by `rounding` (a spreadsheet writes ROUND(B4/A4*100,2)).
    /// Never a sum: a roll-up's rate is computed again from the summed parts.
    Rate { part: usize, whole: usize, decimals: u32, rounding: er_template::Rounding },
}

/// What a figure of a column is, whatever the data prints over its header:
/// the key of the data file, the header path of the template (某类行为 ›
/// 次数), its unit and nature. With the table's label it names the figure
/// in the data sheet, the CSV, `diff` and the roll-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureId {
    pub key: String,
    /// The template's header labels from the top down to the column's own.
    pub path: Vec<String>,
    pub unit: String,
    pub nature: er_template::Nature,
}

impl FigureId {
    /// The identity of a template's column.
    pub fn of(c: &er_template::Column) -> FigureId {
        FigureId { key: c.key.clone(), path: c.path.clone(), unit: c.unit.as_str().to_string(), nature: c.nature() }
    }

    /// The header path as one text: 某类行为 › 次数.
    pub fn path_text(&self) -> String {
        self.path.join(er_template::PATH_SEPARATOR)
    }
}

/// A statistics table as a grid of cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The table's index in its template.
    pub index: usize,
    /// 表一 … 表四
    pub label: String,
    pub title: String,
    pub header_rows: usize,
    pub rows: usize,
    /// Leading columns that name a row rather than hold figures: 1 in a
    /// roll-up (单位名称), 0 in an agency's own report.
    pub stub_cols: usize,
    /// Trailing rows of totals (a roll-up's totals row): figures of no one agency.
    pub total_rows: usize,
    /// Column widths as fractions of the text width; they sum to 1.
    pub columns: Vec<f64>,
    /// Each column's unit: 宗, 万元 …
    pub units: Vec<String>,
    /// Each column's figure identity; None for a stub column (单位名称).
    pub figures: Vec<Option<FigureId>>,
    /// Row by row, left to right.
    pub cells: Vec<Cell>,
    pub notes: Notes,
}

/// One figure in long form, as a statistics desk loads it: which table,
/// which figure (its key in the data file, and its header path, unique in
/// its table), the value (None: no such power, the cell blank), its unit,
/// what it is (数量, 金额, 总数, 比率: a 比率 is never added up), the
/// agency and the year.
///
/// A row borrows from the document: a roll-up has a row for every figure
/// of every agency, and two writers (the XLSX's data sheet and the CSV)
/// go through them at once.
#[derive(Debug, Clone, PartialEq)]
pub struct DataRow<'a> {
    pub table: &'a str,
    pub table_title: &'a str,
    /// The key of the data file: 某类行为次数.
    pub key: &'a str,
    /// The template's header path: 某类行为 › 次数.
    pub indicator: &'a str,
    pub value: Option<FigureValue>,
    /// The value as printed ("" for a blank).
    pub text: &'a str,
    pub unit: &'a str,
    /// 数量, 金额, 总数 (a total of its row) or 比率.
    pub nature: &'a str,
    pub agency: &'a str,
    pub year: u16,
}

/// The header of the long data: 表 | 表名 | 键 | 指标 | 值 | 单位 | 类型 | 机关 | 年度.
pub const DATA_HEADER: [&str; 9] = ["表", "表名", "键", "指标", "值", "单位", "类型", "机关", "年度"];

impl Document {
    /// Every figure of every table in long form, table by table, agency
    /// by agency, column by column: the data sheet of the XLSX and the CSV.
    /// In a roll-up each agency row is named by its stub cell, and the
    /// totals row comes last under 机关 [`er_template::TOTAL_ROW`]: a rate's total is computed
    /// from its parts, which no sum of the agencies' rows gives.
    ///
    /// `f` is given each row in turn; the first error it returns ends the
    /// walk and is returned.
    pub fn each_data_row<E>(&self, mut f: impl FnMut(&DataRow<'_>) -> Result<(), E>) -> Result<(), E> {
        for t in self.tables() {
            let covering = t.covering();
            let at = |r: usize, c: usize| covering[r * t.columns.len() + c].map(|i| &t.cells[i]);
            let title = unbroken(&t.title);
            // Each column's identity once, not once a row.
            let indicators: Vec<String> = t.figures.iter().map(|f| f.as_ref().map_or_else(String::new, FigureId::path_text)).collect();
            for row in t.header_rows..t.rows {
                let agency: &str = match t.stub_cols {
                    0 => &self.info.author,
                    _ => at(row, 0).map_or("", |c| c.text.as_str()),
                };
                for col in t.stub_cols..t.columns.len() {
                    let Some(cell) = at(row, col).filter(|c| c.row == row && c.col == col) else { continue };
                    let Some(id) = t.figures.get(col).and_then(Option::as_ref) else { continue };
                    f(&DataRow {
                        table: &t.label,
                        table_title: &title,
                        key: &id.key,
                        indicator: &indicators[col],
                        value: cell.value.filter(|v| !v.is_blank()),
                        text: &cell.text,
                        unit: &id.unit,
                        nature: id.nature.chinese(),
                        agency,
                        year: self.info.year,
                    })?;
                }
            }
        }
        Ok(())
    }

    /// How many rows [`Document::each_data_row`] gives.
    pub fn data_row_count(&self) -> usize {
        let mut n = 0;
        let _ = self.each_data_row(|_| -> Result<(), std::convert::Infallible> {
            n += 1;
            Ok(())
        });
        n
    }
}

impl Table {
    /// The label of column `col` as printed: the header cell above its
    /// value, in the last header row (a label spanning rows included).
    pub fn indicator(&self, col: usize) -> &str {
        self.cell_covering(self.header_rows.saturating_sub(1), col).map_or("", |c| c.text.as_str())
    }

    /// The cell whose top-left corner is at (row, col).
    pub fn cell_at(&self, row: usize, col: usize) -> Option<&Cell> {
        self.cells.iter().find(|c| c.row == row && c.col == col)
    }

    /// The cell covering (row, col), merged or not.
    pub fn cell_covering(&self, row: usize, col: usize) -> Option<&Cell> {
        self.cells.iter().find(|c| (c.row..c.row + c.rows).contains(&row) && (c.col..c.col + c.cols).contains(&col))
    }

    /// For every position of the grid, row by row, the index in `cells` of
    /// the cell covering it: a lookup in constant time for writers that walk
    /// a roll-up's thousands of cells.
    ///
    /// ```
    /// use er_document::document::{Cell, CellRole, Notes, Table};
    /// let cell = |row, col, cols| Cell {
    ///     row, col, rows: 1, cols, role: CellRole::Header, text: "甲".into(),
    ///     lines: vec!["甲".into()], size_pt: 12.0, value: None, sum_of: None,
    /// };
    /// // A label over two columns, then a row of two cells.
    /// let t = Table {
    ///     index: 0, label: "表一".into(), title: "某表".into(), header_rows: 1, rows: 2,
    ///     stub_cols: 0, total_rows: 0, columns: vec![0.5, 0.5], units: vec![],
    ///     figures: vec![None, None], cells: vec![cell(0, 0, 2), cell(1, 0, 1), cell(1, 1, 1)],
    ///     notes: Notes { lead: "说明：".into(), items: vec![] },
    /// };
    /// assert_eq!(t.covering(), [Some(0), Some(0), Some(1), Some(2)]);
    /// ```
    pub fn covering(&self) -> Vec<Option<usize>> {
        let n = self.columns.len();
        let mut grid = vec![None; self.rows * n];
        for (i, c) in self.cells.iter().enumerate() {
            for r in c.row..(c.row + c.rows).min(self.rows) {
                for k in c.col..(c.col + c.cols).min(n) {
                    grid[r * n + k] = Some(i);
                }
            }
        }
        grid
    }
}

impl Document {
    /// The statistics tables, in order.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.sections.iter().flat_map(|s| &s.blocks).filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None })
    }
}

/// The notes under a table: 说明：1.… then the later notes under the first.
#[derive(Debug, Clone, PartialEq)]
pub struct Notes {
    /// 说明： or 填报说明：
    pub lead: String,
    /// Each note with its number: 1.统计范围…
    pub items: Vec<String>,
}

impl Notes {
    /// The notes as printed, one entry each: the lead before the first.
    ///
    /// ```
    /// use er_document::document::Notes;
    /// let n = Notes { lead: "说明：".into(), items: vec!["1.甲。".into(), "2.乙。".into()] };
    /// assert_eq!(n.lines().collect::<Vec<_>>(), ["说明：1.甲。", "2.乙。"]);
    /// ```
    pub fn lines(&self) -> impl Iterator<Item = String> + '_ {
        self.items.iter().enumerate().map(|(i, item)| if i == 0 { format!("{}{item}", self.lead) } else { item.clone() })
    }

    /// How far the later notes hang, in characters of the notes' size:
    /// the width of the lead, so that they align under the first note.
    pub fn hang_em(&self) -> f64 {
        em_width(&self.lead)
    }
}

/// The heading of the 目录.
pub const CONTENTS_HEADING: &str = "目　录";

/// Heights of a table's rows: each row as tall as its tallest single-row
/// cell needs, and a cell spanning rows grows the last of them if the rows
/// together are too short for it. `need[i]` is the height `t.cells[i]`
/// needs; a row is never lower than the style sheet's least height of a
/// header row or a row of figures ([`crate::layout::row_min_pt`]). Shared
/// by the writers that size rows themselves.
pub fn row_heights(t: &Table, need: &[f64]) -> Vec<f64> {
    let mut h: Vec<f64> = (0..t.rows).map(|r| crate::layout::row_min_pt(r < t.header_rows)).collect();
    for (c, n) in t.cells.iter().zip(need).filter(|(c, _)| c.rows == 1) {
        h[c.row] = h[c.row].max(*n);
    }
    for (c, n) in t.cells.iter().zip(need).filter(|(c, _)| c.rows > 1) {
        let have: f64 = h[c.row..c.row + c.rows].iter().sum();
        if *n > have {
            h[c.row + c.rows - 1] += n - have;
        }
    }
    h
}
