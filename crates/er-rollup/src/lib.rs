//! The roll-up: the summary a county or city 司法局 publishes from its
//! agencies' reports. Per table of the template, one row per agency (its
//! name in a 单位名称 column first, then the template's columns under the
//! template's header) and a totals row ([`TOTAL_ROW`]). A blank (no such
//! power) stays blank and counts as nothing in the totals; a total is blank
//! only when every agency is.
//!
//! The reports must share one template and one year: the caller checks
//! that and lists every offender (`enforcement-report rollup`).
//!
//! ```
//! use er_rollup::{rollup, Heading};
//! let a = er_data::load_file("../../fixtures/aral-emergency-2024.yaml".as_ref()).unwrap().report;
//! let mut b = a.clone();
//! b.agency = "第二个单位".into();
//! let doc = rollup(&[&a, &b], &Heading::default()).unwrap();
//! let t2 = doc.tables().nth(1).unwrap();
//! // Header rows, two agencies, the totals row.
//! assert_eq!(t2.rows, t2.header_rows + 3);
//! assert_eq!(t2.cell_at(t2.header_rows + 2, 0).unwrap().text, er_rollup::TOTAL_ROW);
//! // 表二's total column (37 in the fixture) summed over the two agencies.
//! assert_eq!(t2.cell_at(t2.header_rows + 2, 9).unwrap().text, "74");
//! ```

use er_data::figures::{Amount, Figure, FigureValue};
use er_data::report::Report;
use er_template::Kind;
use rust_decimal::Decimal;

use er_document::document::{Block, Cell, CellRole, Document, FigureId, Info, Notes, Section, Sum, Table};
use er_document::layout::{line_em, Role, LANDSCAPE};
use er_document::text::unbroken;
use er_typeset::build::{figure_text, formula};
use er_typeset::fitting::fit_cells;
use er_typeset::title::broken;

/// The stub column's label.
pub const AGENCY_COLUMN: &str = "单位名称";
pub use er_template::TOTAL_ROW;

/// What names the summary: the title printed at its head (and the files'
/// title), and the unit that compiles it (the files' author, and the
/// `{机关}` of the tables' titles).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Heading {
    /// The title; by default `{unit}{year}年度行政执法数据汇总`.
    pub title: Option<String>,
    /// The unit that compiles the summary: 某县司法局.
    pub unit: Option<String>,
}

/// A total too large for any number the formats store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotalTooLarge {
    /// 表二
    pub table: String,
    /// The column's label.
    pub column: String,
}

impl std::fmt::Display for TotalTooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the {TOTAL_ROW} of {} “{}” exceeds the largest number an amount holds", self.table, self.column)
    }
}

/// The default title of a summary.
///
/// ```
/// assert_eq!(er_rollup::default_title(Some("某县司法局"), 2024), "某县司法局2024年度行政执法数据汇总");
/// ```
pub fn default_title(unit: Option<&str>, year: u16) -> String {
    format!("{}{year}年度行政执法数据汇总", unit.unwrap_or("").trim())
}

/// The summary of `reports`, in the order given: one landscape section of
/// the title and the template's tables.
pub fn rollup(reports: &[&Report], heading: &Heading) -> Result<Document, TotalTooLarge> {
    let Some(first) = reports.first() else {
        return Ok(Document { info: info(reports, heading), sections: Vec::new() });
    };
    let info = info(reports, heading);
    let mut blocks = vec![Block::Title(broken(&info.title, line_em(Role::Title, &LANDSCAPE)))];
    for ti in 0..first.template.tables.len() {
        blocks.push(Block::Table(table(reports, ti, heading)?));
    }
    Ok(Document { info, sections: vec![Section { page: LANDSCAPE, blocks }] })
}

fn info(reports: &[&Report], heading: &Heading) -> Info {
    let year = reports.first().map_or(2000, |r| r.year);
    let unit = heading.unit.as_deref().map(str::trim).filter(|u| !u.is_empty());
    let title = heading.title.as_deref().map(str::trim).filter(|t| !t.is_empty()).map_or_else(|| default_title(unit, year), str::to_string);
    // The latest report's date: the summary cannot be older than its parts,
    // and the same files give the same bytes.
    let date = reports.iter().map(|r| r.report_date).max().unwrap_or(er_data::Date { year, month: 1, day: 1 });
    Info { title: unbroken(&title), author: unit.unwrap_or("").to_string(), date, year }
}

fn table(reports: &[&Report], ti: usize, heading: &Heading) -> Result<Table, TotalTooLarge> {
    let first = reports[0];
    let def = &first.template.tables[ti];
    let data = &first.tables[ti];
    let n = def.columns.len() + 1;
    let hr = def.header_rows;
    let cell = |row, col, role, text: String, value, sum_of| Cell {
        row,
        col,
        rows: 1,
        cols: 1,
        role,
        text,
        lines: Vec::new(),
        size_pt: Role::TableCell.size_pt(),
        value,
        sum_of,
    };
    // The template's header, moved right by the 单位名称 column, which spans
    // all header rows. The labels are those of the first file (a label
    // given in the data, or the template's).
    let mut cells = vec![Cell { rows: hr, ..cell(0, 0, CellRole::Header, AGENCY_COLUMN.to_string(), None, None) }];
    for h in &def.grid {
        let text = data.labels.get(&h.key).map_or(h.text.as_str(), String::as_str);
        let text = er_data::refs::render(text.trim(), first);
        cells.push(Cell { rows: h.rows, cols: h.cols, ..cell(h.row, h.col + 1, CellRole::Header, text, None, None) });
    }
    let mut columns: Vec<Vec<FigureValue>> = vec![Vec::with_capacity(reports.len()); def.columns.len()];
    for (i, r) in reports.iter().enumerate() {
        let row = hr + i;
        cells.push(cell(row, 0, CellRole::Header, r.agency.trim().to_string(), None, None));
        let values = r.values(ti);
        for (col, v) in values.iter().enumerate() {
            let role = if v.is_blank() { CellRole::Blank } else { CellRole::Value };
            cells.push(cell(row, col + 1, role, figure_text(v, &def.columns[col]), Some(*v), formula(def, col, &values, 1)));
            columns[col].push(*v);
        }
    }
    let total_row = hr + reports.len();
    cells.push(cell(total_row, 0, CellRole::Header, TOTAL_ROW.to_string(), None, None));
    let agency_rows: Vec<usize> = (hr..total_row).collect();
    // Additive figures are summed down their columns; then each rate is
    // computed again from its parts' totals, never summed.
    let mut totals: Vec<FigureValue> = Vec::with_capacity(def.columns.len());
    for (col, values) in columns.iter().enumerate() {
        let c = &def.columns[col];
        totals.push(if !c.additive() {
            FigureValue::blank(c.kind)
        } else {
            match total(values, c.kind) {
                Some(Some(v)) => v,
                // Every agency blank: so is the total.
                Some(None) => FigureValue::blank(c.kind),
                None => {
                    let column = def.grid.iter().find(|h| h.key == c.key).map_or_else(|| c.key.clone(), |h| h.text.clone());
                    return Err(TotalTooLarge { table: def.label.clone(), column });
                }
            }
        });
    }
    let mut said = Vec::new();
    for (col, c) in def.columns.iter().enumerate() {
        if c.additive() {
            continue;
        }
        let Some(rate) = c.rate else {
            said.push(format!("{}是百分比，不能相加，{TOTAL_ROW}栏留空。", c.key));
            continue;
        };
        let (pk, wk) = (&def.columns[rate.part].key, &def.columns[rate.whole].key);
        // An agency that gives one part and not the other would make the
        // two totals count different agencies.
        let lacking: Vec<&str> = reports
            .iter()
            .zip(columns[rate.part].iter().zip(&columns[rate.whole]))
            .filter(|(_, (p, w))| p.is_blank() != w.is_blank())
            .map(|(r, _)| r.agency.trim())
            .collect();
        if !lacking.is_empty() {
            said.push(format!("{}的{TOTAL_ROW}留空：{}的{pk}或{wk}空白，无法计算。", c.key, lacking.join("、")));
            continue;
        }
        match er_data::report::rate_value(totals[rate.part], totals[rate.whole], rate, c.decimals) {
            er_data::report::RateValue::Value(v) => {
                totals[col] = FigureValue::Amount(Figure::Value(Amount(v)));
                said.push(format!(
                    "{0}{TOTAL_ROW}＝{pk}{TOTAL_ROW}÷{wk}{TOTAL_ROW}×100（{1}保留{2}位小数），不是各单位{0}之和。",
                    c.key,
                    rate.rounding.chinese(),
                    c.decimals,
                ));
            }
            er_data::report::RateValue::NoWhole => said.push(format!("{}的{TOTAL_ROW}留空：{wk}{TOTAL_ROW}为0，无法计算。", c.key)),
            _ => {}
        }
    }
    for (col, v) in totals.iter().enumerate() {
        let sum = match def.columns[col].additive() {
            true => v.number().map(|_| Sum::Rows(agency_rows.clone())),
            false => formula(def, col, &totals, 1),
        };
        let role = if v.is_blank() { CellRole::Blank } else { CellRole::Value };
        cells.push(cell(total_row, col + 1, role, figure_text(v, &def.columns[col]), Some(*v), sum));
    }
    let columns = fit_cells(&mut cells, n, hr, 1, |c| if c == 0 { Kind::Count } else { def.columns[c - 1].kind });
    let unit = heading.unit.as_deref().unwrap_or("").trim();
    let title = broken(&def.title_for(unit, first.year), line_em(Role::TableTitle, &LANDSCAPE));
    let notes = Notes {
        lead: format!("{}：", def.notes.heading),
        items: std::iter::once(format!("本表汇总{}个单位的数据；空白表示该单位无此项职权，不计入{TOTAL_ROW}。", reports.len()))
            .chain(said)
            .enumerate()
            .map(|(i, n)| format!("{}.{n}", i + 1))
            .collect(),
    };
    Ok(Table {
        index: ti,
        label: def.label.clone(),
        title,
        header_rows: hr,
        rows: total_row + 1,
        stub_cols: 1,
        total_rows: 1,
        columns,
        units: std::iter::once(String::new()).chain(def.columns.iter().map(|c| c.unit.as_str().to_string())).collect(),
        figures: std::iter::once(None).chain(def.columns.iter().map(|c| Some(FigureId::of(c)))).collect(),
        cells,
        notes,
    })
}


/// The sum of a column, blanks counting as nothing: Some(None) when every
/// figure is blank, None when the sum overflows a decimal. A count too
/// large for a count is kept as a whole amount, exactly.
fn total(values: &[FigureValue], kind: Kind) -> Option<Option<FigureValue>> {
    let mut sum = Decimal::ZERO;
    let mut any = false;
    for v in values {
        if let Some(x) = v.number() {
            sum = sum.checked_add(x)?;
            any = true;
        }
    }
    if !any {
        return Some(None);
    }
    let as_count = (kind == Kind::Count).then(|| u32::try_from(sum).ok()).flatten();
    Some(Some(match as_count {
        Some(n) => FigureValue::Count(Figure::Value(n)),
        None => FigureValue::Amount(Figure::Value(Amount(sum.normalize()))),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(n: u32) -> FigureValue {
        FigureValue::Count(Figure::Value(n))
    }

    #[test]
    fn blanks_count_as_nothing_and_all_blank_is_blank() {
        let b = FigureValue::blank(Kind::Count);
        assert_eq!(total(&[count(3), b, count(4)], Kind::Count), Some(Some(count(7))));
        assert_eq!(total(&[b, b], Kind::Count), Some(None));
        assert_eq!(total(&[b, count(0)], Kind::Count), Some(Some(count(0))), "0 is a figure, not a blank");
    }

    #[test]
    fn a_count_total_beyond_u32_stays_exact() {
        let t = total(&[count(u32::MAX), count(u32::MAX)], Kind::Count).unwrap().unwrap();
        assert_eq!(t.text(), "8589934590");
    }
}
