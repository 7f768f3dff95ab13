//! The format-neutral document: what the DOCX, PDF and XLSX writers
//! consume, and all they consume. Built once from a report by [`build`].

use er_data::report::{Block as DataBlock, Report};
use er_data::{refs, Date, FigureValue};
use er_template::{Kind, NotesPlacement, Part};
pub use er_template::{Nature, Rounding};

use crate::layout::{PageSetup, Role, CELL_PADDING_PT, LANDSCAPE, MM_PER_PT, PORTRAIT};
use crate::layout::{line_em, CHARS_PER_LINE};
use crate::text::em_width;
use crate::title::{broken, unbroken};

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
#[derive(Debug, Clone, PartialEq)]
pub struct DataRow {
    pub table: String,
    pub table_title: String,
    /// The key of the data file: 某类行为次数.
    pub key: String,
    /// The template's header path: 某类行为 › 次数.
    pub indicator: String,
    pub value: Option<FigureValue>,
    /// The value as printed ("" for a blank).
    pub text: String,
    pub unit: String,
    /// 数量, 金额, 总数 (a total of its row) or 比率.
    pub nature: String,
    pub agency: String,
    pub year: u16,
}

/// The header of the long data: 表 | 表名 | 键 | 指标 | 值 | 单位 | 类型 | 机关 | 年度.
pub const DATA_HEADER: [&str; 9] = ["表", "表名", "键", "指标", "值", "单位", "类型", "机关", "年度"];

impl Document {
    /// Every figure of every table in long form, table by table, agency
    /// by agency, column by column: the data sheet of the XLSX and the CSV.
    /// In a roll-up each agency row is named by its stub cell, and the
    /// totals row comes last under 机关 [`crate::rollup::TOTAL_ROW`]: a rate's total is computed
    /// from its parts, which no sum of the agencies' rows gives.
    pub fn data_rows(&self) -> Vec<DataRow> {
        let mut out = Vec::new();
        for t in self.tables() {
            let covering = t.covering();
            let at = |r: usize, c: usize| covering[r * t.columns.len() + c].map(|i| &t.cells[i]);
            let title = crate::title::unbroken(&t.title);
            // Each column's identity once, not once a row.
            let indicators: Vec<String> = t.figures.iter().map(|f| f.as_ref().map_or_else(String::new, FigureId::path_text)).collect();
            for row in t.header_rows..t.rows {
                let agency = match t.stub_cols {
                    0 => self.info.author.clone(),
                    _ => at(row, 0).map_or_else(String::new, |c| c.text.clone()),
                };
                for col in t.stub_cols..t.columns.len() {
                    let Some(cell) = at(row, col).filter(|c| c.row == row && c.col == col) else { continue };
                    let Some(id) = t.figures.get(col).and_then(Option::as_ref) else { continue };
                    out.push(DataRow {
                        table: t.label.clone(),
                        table_title: title.clone(),
                        key: id.key.clone(),
                        indicator: indicators[col].clone(),
                        value: cell.value.filter(|v| !v.is_blank()),
                        text: cell.text.clone(),
                        unit: id.unit.clone(),
                        nature: id.nature.chinese().to_string(),
                        agency: agency.clone(),
                        year: self.info.year,
                    });
                }
            }
        }
        out
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
    /// let loaded = er_data::load_file("../../fixtures/aral-emergency-2024.yaml".as_ref()).unwrap();
    /// let doc = er_document::build(&loaded.report);
    /// let t = doc.tables().next().unwrap();
    /// let grid = t.covering();
    /// assert_eq!(grid.len(), t.rows * t.columns.len());
    /// assert!(grid.iter().all(Option::is_some));
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

/// Builds the document of a report.
///
/// ```
/// use er_document::{build, document::Block};
/// let loaded = er_data::load_file("../../fixtures/aral-emergency-2024.yaml".as_ref()).unwrap();
/// let doc = build(&loaded.report);
/// assert_eq!(doc.sections.len(), 2);
/// assert!(matches!(&doc.sections[1].blocks[1], Block::Table(t) if t.label == "表一"));
/// ```
pub fn build(report: &Report) -> Document {
    // Text cites the data through references such as {表二.<key>}.
    let text = |t: &str| refs::render(t.trim(), report);
    let template = &report.template;
    let mut sections = Vec::new();
    for part in template.parts {
        let mut blocks = Vec::new();
        match part {
            Part::Narrative => {
                blocks.push(Block::PartHeading(broken(&text(&report.narrative.heading), line_em(Role::PartHeading, &PORTRAIT))));
                for b in &report.narrative.blocks {
                    blocks.push(match b {
                        DataBlock::Heading1(t) => Block::Heading { level: 1, text: text(t) },
                        DataBlock::Heading2(t) => Block::Heading { level: 2, text: text(t) },
                        DataBlock::Paragraph { lead, text: body } => {
                            let mut runs = Vec::new();
                            if let Some(l) = lead.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
                                runs.push(Run { text: text(l), role: Role::Body, run_in_heading: true });
                            }
                            runs.push(Run { text: text(body), role: Role::Body, run_in_heading: false });
                            Block::Paragraph(runs)
                        }
                    });
                }
                // A name too long for its line wraps as a title does (GB/T 9704 §7.3.5).
                let name = broken(&text(report.signature.as_deref().unwrap_or(&report.agency)), CHARS_PER_LINE as f64);
                blocks.push(Block::Signature { name, date: report.report_date.chinese() });
                sections.push(Section { page: PORTRAIT, blocks });
            }
            Part::Statistics => {
                blocks.push(Block::PartHeading(broken(&text(&report.statistics_heading), line_em(Role::PartHeading, &LANDSCAPE))));
                let mut apart = Vec::new();
                for ti in 0..template.tables.len() {
                    let mut t = table(report, ti);
                    let placement = template.tables[ti].notes.placement;
                    if placement != NotesPlacement::Table && !t.notes.items.is_empty() {
                        let notes = Notes { lead: format!("{}{}", t.label, t.notes.lead), items: std::mem::take(&mut t.notes.items) };
                        let block = Block::Notes(TableNotes { table: ti, notes });
                        match placement {
                            // Above its table: printed just before it.
                            NotesPlacement::Before => blocks.push(block),
                            _ => apart.push(block),
                        }
                    }
                    blocks.push(Block::Table(t));
                }
                blocks.extend(apart);
                sections.push(Section { page: LANDSCAPE, blocks });
            }
        }
    }
    if template.contents {
        let mut entries = Vec::new();
        // The 目录 becomes section 0: the parts' sections move up by one.
        for (si, s) in sections.iter().enumerate() {
            for b in &s.blocks {
                match b {
                    Block::PartHeading(t) => entries.push(ContentsEntry { level: 1, text: unbroken(t), target: Target::Part(si + 1), page: None }),
                    Block::Table(t) => entries.push(ContentsEntry {
                        level: 2,
                        text: format!("{}　{}", t.label, unbroken(&t.title)),
                        target: Target::Table(t.index),
                        page: None,
                    }),
                    _ => {}
                }
            }
        }
        let contents = Block::Contents(Contents { heading: CONTENTS_HEADING.to_string(), entries });
        sections.insert(0, Section { page: PORTRAIT, blocks: vec![contents] });
    }
    // The title heads the document: over the 目录, or over the first part.
    if let Some(t) = report.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        if let Some(first) = sections.first_mut() {
            first.blocks.insert(0, Block::Title(broken(&text(t), line_em(Role::Title, &first.page))));
        }
    }

    let title = match &report.title {
        Some(t) if !t.trim().is_empty() => unbroken(&text(t)),
        _ => format!("{}{}年行政执法年度报告", report.agency.trim(), report.year),
    };
    Document { info: Info { title, author: report.agency.trim().to_string(), date: report.report_date, year: report.year }, sections }
}

fn table(report: &Report, ti: usize) -> Table {
    let def = &report.template.tables[ti];
    let data = &report.tables[ti];
    let text = |t: &str| refs::render(t.trim(), report);
    let label_of = |key: &str, default: &str| text(data.labels.get(key).map_or(default, String::as_str));
    let mut cells: Vec<Cell> = def
        .grid
        .iter()
        .map(|h| Cell {
            row: h.row,
            col: h.col,
            rows: h.rows,
            cols: h.cols,
            role: CellRole::Header,
            text: label_of(&h.key, &h.text),
            lines: Vec::new(),
            size_pt: Role::TableCell.size_pt(),
            value: None,
            sum_of: None,
        })
        .collect();
    let values = report.values(ti);
    for (col, value) in values.iter().enumerate() {
        cells.push(Cell {
            row: def.header_rows,
            col,
            rows: 1,
            cols: 1,
            role: if value.is_blank() { CellRole::Blank } else { CellRole::Value },
            text: figure_text(value, &def.columns[col]),
            lines: Vec::new(),
            size_pt: Role::TableCell.size_pt(),
            value: Some(*value),
            sum_of: formula(def, col, &values, 0),
        });
    }
    cells.sort_by_key(|c| (c.row, c.col));
    let notes = match &data.notes {
        Some(n) => n.iter().map(|s| text(s)).collect::<Vec<_>>(),
        // A template's notes may cite the data too ({年度}).
        None => def.notes.items.iter().map(|s| text(s)).collect(),
    };
    let columns = fit_cells(&mut cells, def.columns.len(), def.header_rows, 0, |c| def.columns[c].kind);
    let title = match &data.title {
        Some(t) => text(t),
        None => def.title_for(&report.agency, report.year),
    };
    let title = broken(&title, line_em(Role::TableTitle, &LANDSCAPE));
    Table {
        index: ti,
        label: def.label.clone(),
        title,
        header_rows: def.header_rows,
        rows: def.header_rows + 1,
        stub_cols: 0,
        total_rows: 0,
        columns,
        units: def.columns.iter().map(|c| c.unit.as_str().to_string()).collect(),
        figures: def.columns.iter().map(|c| Some(FigureId::of(c))).collect(),
        cells,
        notes: Notes {
            lead: format!("{}：", def.notes.heading),
            items: notes.iter().enumerate().map(|(i, n)| format!("{}.{n}", i + 1)).collect(),
        },
    }
}

/// A figure as its table shows it: the places its data file writes
/// (12.3400 stays 12.3400), or, in a column that fixes its decimals and for
/// a rate, the column's places (a computed 100 shows 100.00); never fewer.
///
/// ```
/// use er_data::{Figure, FigureValue};
/// use er_document::document::figure_text;
/// let t = er_template::builtin::get("national-2021-detailed").unwrap();
/// let rate = t.tables.iter().flat_map(|d| &d.columns).find(|c| c.rate.is_some()).unwrap();
/// let v = |s: &str| FigureValue::Amount(Figure::Value(s.parse().unwrap()));
/// assert_eq!(figure_text(&v("100"), rate), "100.00");
/// assert_eq!(figure_text(&v("97.67"), rate), "97.67");
/// ```
pub fn figure_text(value: &FigureValue, column: &er_template::Column) -> String {
    match (value, value.number()) {
        (FigureValue::Amount(_), Some(n)) if column.fixed_decimals || column.rate.is_some() => {
            let mut shown = n;
            if shown.scale() < column.decimals {
                shown.rescale(column.decimals);
            }
            shown.to_string()
        }
        _ => value.text(),
    }
}

/// What the figure of column `col` is computed from, for a spreadsheet's
/// formula, with `shift` stub columns before the template's: a total's
/// parts, or a rate's two columns when the value shown is the rate they
/// give (a rate written to fewer decimals stays as written).
pub(crate) fn formula(def: &er_template::TableDef, col: usize, values: &[FigureValue], shift: usize) -> Option<Sum> {
    let c = &def.columns[col];
    if let Some(of) = &c.total_of {
        return values[col].number().map(|_| Sum::Columns(of.iter().map(|k| k + shift).collect()));
    }
    let rate = c.rate?;
    let computed = er_data::report::rate_value(values[rate.part], values[rate.whole], rate, c.decimals);
    match (computed, values[col].number()) {
        (er_data::report::RateValue::Value(v), Some(shown)) if v == shown.normalize() => {
            Some(Sum::Rate { part: rate.part + shift, whole: rate.whole + shift, decimals: c.decimals, rounding: rate.rounding })
        }
        _ => None,
    }
}

/// Shares the text width among the columns and breaks every cell's text
/// into the lines it takes (a figure stays one line, set smaller when its
/// column is too narrow). Returns the columns' fractions of the width.
/// `stub` leading columns name their rows (a roll-up's agencies): a name
/// of up to four characters keeps one line, a longer one at least half its
/// length a line, up to [`STUB_MIN_EM`], so that a row is not five lines tall.
pub(crate) fn fit_cells(cells: &mut [Cell], n: usize, header_rows: usize, stub: usize, kind: impl Fn(usize) -> Kind) -> Vec<f64> {
    // The table's size: 小四 where its labels keep lines of two characters
    // or more, else 五号, 小五 or 六号 (a wide table such as a detailed 表一
    // of nineteen columns), never smaller; its figures at most that size.
    // What each label needs is measured once, in characters of any size.
    let needs: Vec<Option<LabelNeeds>> = cells.iter().map(|c| (c.role == CellRole::Header && c.cols == 1).then(|| LabelNeeds::of(c))).collect();
    let mut base = TABLE_SIZES_PT[0];
    let (mut columns, mut fallback) = column_fractions(cells, &needs, n, header_rows, stub, &kind, base);
    for &smaller in &TABLE_SIZES_PT[1..] {
        if !fallback {
            break;
        }
        base = smaller;
        (columns, fallback) = column_fractions(cells, &needs, n, header_rows, stub, &kind, base);
    }
    let (avail, pad) = (table_width_em(base), cell_padding_em(base));
    for c in cells.iter_mut() {
        let inner = columns[c.col..c.col + c.cols].iter().sum::<f64>() * avail - pad;
        c.size_pt = base;
        c.lines = if c.text.is_empty() {
            Vec::new()
        } else if c.role == CellRole::Value {
            c.size_pt = figure_size_at(&c.text, inner, base);
            vec![c.text.clone()]
        } else if c.role == CellRole::Header {
            crate::title::label_lines(&c.text, inner)
        } else {
            crate::breaking::wrap(&c.text, inner)
        };
    }
    // One size for a table's figures: the smallest any of them needs, so
    // that a row never holds figures of three sizes.
    let size = cells.iter().filter(|c| c.role == CellRole::Value && !c.text.is_empty()).map(|c| c.size_pt).fold(f64::INFINITY, f64::min);
    if size.is_finite() {
        for c in cells.iter_mut().filter(|c| c.role == CellRole::Value) {
            c.size_pt = size;
        }
    }
    columns
}

/// The sizes a table is set in, largest first: 小四 (the cells' own), 五号,
/// 小五, and 六号 (7.5 pt), the least a label is set in: a table of 26
/// columns. A table that cannot keep its labels' lines two characters
/// wide even in 六号 is set in 六号, its labels broken where they must be.
pub const TABLE_SIZES_PT: [f64; 4] = [12.0, 10.5, 9.0, 7.5];

/// Sizes a figure steps down through when its column is too narrow:
/// 五号, 小五, 六号, 小六, 七号.
pub const SMALLER_SIZES_PT: [f64; 5] = [10.5, 9.0, 7.5, 6.5, 5.5];

/// The size a figure is set in so that it stays on one line `inner`
/// characters (of the cells' size) wide: 小四 when it fits, else the
/// largest smaller size that fits, else as large as fits, in half points.
///
/// ```
/// use er_document::document::figure_size;
/// assert_eq!(figure_size("1234567", 5.0), 12.0);
/// assert_eq!(figure_size("1234567.8901234", 5.0), 6.5);
/// ```
pub fn figure_size(text: &str, inner: f64) -> f64 {
    figure_size_at(text, inner, Role::TableCell.size_pt())
}

/// [`figure_size`] in a table set in `cell` points, `inner` in its characters.
fn figure_size_at(text: &str, inner: f64, cell: f64) -> f64 {
    // A font's digits may be a little wider than half a character.
    let need = em_width(text) * FIGURE_EM_FACTOR;
    if need <= inner || need <= 0.0 {
        return cell;
    }
    let fits = |size: f64| need * size <= inner * cell;
    SMALLER_SIZES_PT.into_iter().filter(|&s| s < cell).find(|&s| fits(s)).unwrap_or_else(|| ((inner * cell / need) * 2.0).floor().max(1.0) / 2.0)
}

/// The least width a row's name keeps, in characters.
pub const STUB_MIN_EM: f64 = 6.0;

/// Room beyond a label's widest unbreakable piece: the writers' fonts
/// measure a hair wider than whole characters.
const ATOM_SLACK_EM: f64 = 0.4;

/// How much wider than half a character a digit may be in the fonts used.
const FIGURE_EM_FACTOR: f64 = 1.15;

/// A table's width, in characters of its cells' size: the landscape text width.
fn table_width_em(size: f64) -> f64 {
    LANDSCAPE.text_width_mm() / MM_PER_PT / size
}

/// A cell's padding, left and right together, in characters.
fn cell_padding_em(size: f64) -> f64 {
    2.0 * CELL_PADDING_PT / size
}

/// Column widths from the labels and values, shared by all writers so that
/// the three formats draw the same table. A label of n characters is given
/// about √(n/1.5) lines (金额 / （万元）), every number fits on one line,
/// and the columns share the text width in proportion to what they want.
/// What a header label needs of its column, in characters of whatever size
/// the table is set in.
struct LabelNeeds {
    /// As wide as its words need in the lines a label of its length is
    /// given (其他 / 执法检查, not 其他执 / 法检查), where that is not much
    /// wider than even lines.
    words: f64,
    /// Its widest piece the breaking rules keep whole, such as （件）:
    /// narrower, a closing bracket would start a line.
    atom: f64,
    /// The least width that leaves no line of one character.
    whole: f64,
}

impl LabelNeeds {
    fn of(c: &Cell) -> LabelNeeds {
        let w = em_width(&c.text);
        let lines = ((w / 1.5).sqrt().round().max(1.0) + c.rows as f64 - 1.0).min(w.ceil()).max(1.0);
        let even = (w / lines).ceil();
        let by_words = crate::title::word_width(&c.text, lines as usize).filter(|&ww| ww <= even * 1.5).unwrap_or(even);
        LabelNeeds { words: by_words.max(even), atom: crate::breaking::widest_atom(&c.text), whole: crate::title::width_without_single(&c.text) }
    }
}

/// Also whether the labels had to give up lines without a character alone.
fn column_fractions(cells: &[Cell], needs: &[Option<LabelNeeds>], n: usize, header_rows: usize, stub: usize, kind: &impl Fn(usize) -> Kind, size: f64) -> (Vec<f64>, bool) {
    let (avail, pad) = (table_width_em(size), cell_padding_em(size));
    // Two characters and a little more: a cell exactly two characters wide
    // wraps after one in Word, whose measure differs from ours by a hair.
    let mut min = vec![2.4 + pad; n];
    let mut want = vec![2.4 + pad; n];
    let mut atoms = vec![1.0 + pad; n];
    let mut stub_min = vec![0.0f64; n];
    let mut no_single = vec![0.0f64; n];
    for (c, need) in cells.iter().zip(needs).filter(|(c, _)| c.cols == 1) {
        let w = em_width(&c.text);
        if let Some(need) = need {
            want[c.col] = want[c.col].max(need.words + pad);
            min[c.col] = min[c.col].max(need.atom + ATOM_SLACK_EM + pad);
            atoms[c.col] = atoms[c.col].max(need.atom + pad);
            let whole = need.whole + ATOM_SLACK_EM + pad;
            min[c.col] = min[c.col].max(whole);
            no_single[c.col] = no_single[c.col].max(whole);
        } else {
            // A figure as wide as `figure_size` measures it.
            min[c.col] = min[c.col].max(w * FIGURE_EM_FACTOR + pad);
        }
        if c.col < stub && c.cols == 1 {
            // A short name (four characters or fewer) on one line, a longer
            // one in two lines or more.
            stub_min[c.col] = stub_min[c.col].max(w.min(4.0).max((w / 2.0).ceil()).min(STUB_MIN_EM) + pad);
            min[c.col] = min[c.col].max(stub_min[c.col]);
        }
    }
    // Room for an amount such as 1234.5678901 as the data grows, where the
    // table has it: in a table of 26 columns the labels need it more.
    let reserved: Vec<f64> = (0..n).map(|i| if kind(i) == Kind::Amount { min[i].max(5.5 + pad) } else { min[i] }).collect();
    if reserved.iter().sum::<f64>() <= avail {
        min = reserved;
    }
    for i in 0..n {
        want[i] = want[i].max(min[i]);
    }
    // A spanning label wants its text on one line across its columns.
    for c in cells.iter().filter(|c| c.cols > 1 && c.row < header_rows) {
        let have: f64 = want[c.col..c.col + c.cols].iter().sum();
        let need = em_width(&c.text) + pad;
        if have < need {
            for w in &mut want[c.col..c.col + c.cols] {
                *w *= need / have;
            }
        }
    }
    // What a figure needs on one line (a font's digits may be a little
    // wider than half a character), and what a label needs: two characters
    // (次数 on one line) and its widest unbreakable piece such as （万元）.
    let mut figure = vec![0.0f64; n];
    for c in cells.iter().filter(|c| c.cols == 1 && c.role != CellRole::Header) {
        figure[c.col] = figure[c.col].max(em_width(&c.text) * FIGURE_EM_FACTOR + pad);
    }
    // Atoms get the same hair of room as the two characters: （万元） in a
    // cell exactly four characters wide breaks in Word and LibreOffice.
    // A row's name keeps its width even here: it is what the row is read by.
    let atoms: Vec<f64> = atoms.iter().zip(&stub_min).map(|(a, s)| (a + ATOM_SLACK_EM).max(*s)).collect();
    let two_chars: Vec<f64> = atoms.iter().map(|a| a.max(2.4 + pad)).collect();
    let label_min: Vec<f64> = two_chars.iter().zip(&no_single).map(|(a, s)| a.max(*s)).collect();
    let total: f64 = want.iter().sum();
    let min_total: f64 = min.iter().sum();
    let mut fallback = false;
    let widths: Vec<f64> = if total <= avail {
        want.iter().map(|w| w * avail / total).collect()
    } else if min_total <= avail {
        // Not all wishes fit: every column keeps its minimum, the rest is shared.
        let extra: f64 = want.iter().zip(&min).map(|(w, m)| w - m).sum();
        let share = ((avail - min_total) / extra.max(1e-9)).clamp(0.0, 1.0);
        want.iter().zip(&min).map(|(w, m)| m + (w - m) * share).collect()
    } else {
        // Not even the minimums fit (many columns, large figures): figures
        // are set smaller (`figure_size`) so that labels keep two characters
        // a line, or failing that their unbreakable pieces. A figure is
        // never split; a label breaks inside a piece only when nothing else
        // can fit the table.
        let scaled = |lower: &[f64], k: f64| -> Vec<f64> { lower.iter().zip(&figure).map(|(l, f)| l.max(f * k)).collect() };
        let fits = |lower: &[f64], k: f64| scaled(lower, k).iter().sum::<f64>() <= avail;
        let smallest = SMALLER_SIZES_PT[SMALLER_SIZES_PT.len() - 1] / size;
        // Labels with no line of one character, else two characters a
        // line, else their unbreakable pieces.
        fallback = !fits(&label_min, smallest);
        let lower = [label_min, two_chars].into_iter().find(|l| fits(l, smallest)).unwrap_or(atoms);
        if fits(&lower, 0.0) {
            // The largest scale of the figures that fits, by bisection.
            let (mut lo, mut hi) = (0.0, 1.0);
            for _ in 0..40 {
                let mid = (lo + hi) / 2.0;
                if fits(&lower, mid) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let w = scaled(&lower, lo);
            // What is left over goes to the labels' wishes.
            let left = avail - w.iter().sum::<f64>();
            let extra: f64 = want.iter().zip(&w).map(|(a, b)| (a - b).max(0.0)).sum();
            let share = (left / extra.max(1e-9)).clamp(0.0, 1.0);
            w.iter().zip(&want).map(|(b, a)| b + (a - b).max(0.0) * share).collect()
        } else {
            lower
        }
    };
    let sum: f64 = widths.iter().sum();
    (widths.iter().map(|w| w / sum).collect(), fallback)
}

/// Heights of a table's rows: each row as tall as its tallest single-row
/// cell needs, and a cell spanning rows grows the last of them if the rows
/// together are too short for it. `need[i]` is the height `t.cells[i]`
/// needs; `min` is the least height of a row. Shared by the writers that
/// size rows themselves.
pub fn row_heights(t: &Table, min: f64, need: &[f64]) -> Vec<f64> {
    let mut h = vec![min; t.rows];
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
