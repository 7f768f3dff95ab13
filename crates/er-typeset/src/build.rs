//! From a report to its document: the blocks of each part in reading
//! order, the data's references rendered, every title, label and cell
//! typeset by the rules of this crate.

use er_data::report::{Block as DataBlock, Report};
use er_data::{refs, FigureValue};
use er_document::document::{Block, Cell, CellRole, Contents, ContentsEntry, Document, FigureId, Info, Notes, Run, Section, Sum, Table, TableNotes, Target, CONTENTS_HEADING};
use er_document::layout::{line_em, Role, CHARS_PER_LINE, LANDSCAPE, PORTRAIT};
use er_document::text::unbroken;
use er_template::{NotesPlacement, Part};

use crate::fitting::fit_cells;
use crate::title::broken;

/// Builds the document of a report.
///
/// ```
/// use er_document::document::Block;
/// use er_typeset::build;
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
/// use er_typeset::build::figure_text;
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
pub fn formula(def: &er_template::TableDef, col: usize, values: &[FigureValue], shift: usize) -> Option<Sum> {
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

