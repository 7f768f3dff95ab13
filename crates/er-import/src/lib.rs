//! `import`: a data file made from the report an agency already has — its
//! Word file, the text it published, its statistics spreadsheet. The
//! source is read as a reader sees it ([`source`]), the narrative by its
//! numbering ([`narrative`]), the tables matched to a template by their
//! labels ([`tables`]), figures and the year in the text made references
//! ([`references`]); what was guessed is said, with its place.
//!
//! ```
//! let text = std::fs::read_to_string("../../fixtures/aral-emergency-2024.reference.txt").unwrap();
//! let source = er_import::source::from_text(&text);
//! let imported = er_import::import(source, &er_import::Options::default()).unwrap();
//! let loaded = er_data::load_str(&imported.yaml, "r.yaml").unwrap();
//! assert_eq!(loaded.report.agency, "第一师阿拉尔市应急管理局");
//! // An amount the text states in 元 cites the table's 万元 figure.
//! assert!(imported.yaml.contains(":元}元"));
//! ```

pub mod narrative;
pub mod references;
pub use er_read::source;
pub mod tables;

use std::fmt::Write;
use std::sync::Arc;

use er_data::init::{key, quote};
use er_i18n::t;
use er_template::{Part, Template};
use rust_decimal::Decimal;

use source::{Item, Source, SourceTable};
use tables::Read;

/// What the user said about the source.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The template, when the user names it; else the best match of the
    /// built-in ones.
    pub template: Option<Arc<Template>>,
    /// The template as the user named it, for the data file's `template:`.
    pub template_ref: Option<String>,
    pub agency: Option<String>,
    pub year: Option<u16>,
    /// The row the user chose (`--row`) where a table has several rows of
    /// figures: the one whose label holds this.
    pub row: Option<String>,
}

/// The data file made, and what was guessed on the way.
#[derive(Debug, Clone)]
pub struct Imported {
    pub yaml: String,
    pub template: Arc<Template>,
    /// Each guess with its place in the source: a heading level, a figure
    /// left to fill, a reference made, the template chosen.
    pub guesses: Vec<(String, String)>,
    /// Every figure written, with the source cell it was read from, so a
    /// clerk can check each against the source in one pass.
    pub figures: Vec<Written>,
}

/// A figure written to the data file and where it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    /// The table's label (表二) and the column's key.
    pub table: String,
    pub key: String,
    /// As written: 27, 173.7821088, or ~ for a blank (no such power).
    pub value: String,
    /// The template's unit of the figure.
    pub unit: String,
    /// The source cell: 表格2 第3行第2列, 工作表 统计 单元格 C7.
    pub place: String,
}

/// Why no data file could be made.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// The source holds no statistics table.
    NoTable,
    /// Tables that match no template's, with the labels found in each.
    Unmatched(Vec<(String, Vec<String>)>),
    /// Something the data file needs that the source does not say.
    Missing(String),
    /// More tables than any report has: not a report (a hostile page).
    TooManyTables(usize),
    /// Tables with several rows of figures and nothing to say which is the
    /// report's: each table's label, place and why, with the rows' labels.
    Rows(Vec<(String, String, tables::RowProblem)>),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::NoTable => f.write_str(&t!("import-no-table")),
            ImportError::Unmatched(list) => {
                // A few tables and labels say enough; a hostile file's
                // 60,000 are not printed.
                let mut tables: Vec<String> = list.iter().take(5).map(|(place, labels)| {
                    let mut shown: Vec<&str> = labels.iter().take(8).map(String::as_str).collect();
                    if labels.len() > 8 {
                        shown.push("…");
                    }
                    format!("{place}: {}", shown.join("；"))
                }).collect();
                if list.len() > 5 {
                    tables.push(t!("import-more-tables", n = list.len() - 5));
                }
                f.write_str(&t!("import-unmatched", tables = tables.join(" | ")))
            }
            ImportError::Missing(what) => f.write_str(what),
            ImportError::TooManyTables(n) => f.write_str(&t!("import-too-many-tables", n = n, max = MAX_TABLES)),
            ImportError::Rows(list) => {
                let tables: Vec<String> = list
                    .iter()
                    .map(|(table, place, problem)| match problem {
                        tables::RowProblem::NotFound(rows) => t!("import-row-not-found", table = table.clone(), place = place.clone(), rows = rows.join(" | ")),
                        tables::RowProblem::Several(rows) | tables::RowProblem::OtherYear(rows) => t!("import-rows", table = table.clone(), place = place.clone(), rows = rows.join(" | ")),
                    })
                    .collect();
                f.write_str(&tables.join("；"))
            }
        }
    }
}

/// A text of the source as the data file writes it: its braces doubled,
/// since a data file's text reads `{…}` as a reference.
///
/// ```text
/// assert_eq!(literal("编号{SJ-2024-001}"), "编号{{SJ-2024-001}}");
/// ```
fn literal(text: &str) -> String {
    text.replace('{', "{{").replace('}', "}}")
}

/// Most tables a source may hold: a report has a few, a county's roll-up
/// of every table a few dozen.
pub const MAX_TABLES: usize = 200;

/// Makes the data file of a source.
pub fn import(source: Source, opts: &Options) -> Result<Imported, ImportError> {
    let mut guesses: Vec<(String, String)> = Vec::new();
    let tables: Vec<&SourceTable> = source.items.iter().filter_map(|i| if let Item::Table(t) = i { Some(t) } else { None }).collect();
    if tables.is_empty() {
        return Err(ImportError::NoTable);
    }
    if tables.len() > MAX_TABLES {
        return Err(ImportError::TooManyTables(tables.len()));
    }
    // The template: the one named, or the built-in one whose labels match best.
    let template = match &opts.template {
        Some(t) => t.clone(),
        None => {
            let all: Vec<Arc<Template>> = er_template::builtin::all().to_vec();
            let (t, _) = tables::choose(&tables, &all).ok_or_else(|| unmatched(&tables))?;
            guesses.push((tables[0].place.clone(), t!("import-guess-template", template = t.name)));
            t
        }
    };
    let assigned = tables::assign(&tables, &template);
    if assigned.iter().all(Option::is_none) {
        return Err(unmatched(&tables));
    }
    // A table the template has not (表五 复议/诉讼 beside the four) is left
    // out, and said; its figures go nowhere.
    for (st, _) in tables.iter().zip(&assigned).filter(|(_, a)| a.is_none()) {
        let name = [st.label.as_deref(), st.title.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" ");
        guesses.push((st.place.clone(), t!("import-guess-extra-table", table = name, template = template.name)));
    }
    let (tables, assigned): (Vec<&SourceTable>, Vec<Option<usize>>) = tables.iter().zip(assigned).filter(|(_, a)| a.is_some()).map(|(t, a)| (*t, a)).unzip();

    // The narrative first: its signature and title name the agency, and
    // its text the year, which choose the report's row of a table.
    let paras: Vec<source::Para> = source.items.iter().filter_map(|i| if let Item::Para(p) = i { Some(p.clone()) } else { None }).collect();
    let n = narrative::read(&paras, template.part_index(Part::Statistics));
    guesses.extend(n.guesses.iter().cloned());
    for (place, text) in &source.left_out {
        guesses.push((place.clone(), t!("import-guess-left-out", text = text.clone())));
    }
    let table_titles: Vec<&String> = tables.iter().filter_map(|t| t.title.as_ref()).collect();
    let agency = match opts.agency.clone().or_else(|| n.signature.clone()).filter(|a| !a.trim().is_empty()) {
        Some(a) => a,
        None => match n.title.iter().chain(table_titles.iter().copied()).find_map(|t| agency_in(t)) {
            // The agency the title names (某县应急管理局2024年度…报告), said.
            Some(a) => {
                guesses.push((String::new(), t!("import-guess-agency-title", agency = a.clone())));
                a
            }
            None => {
                // The file's author property only when the text names no one,
                // and said: it is often the name of the computer's user.
                let a = source.author.clone().filter(|a| !a.trim().is_empty()).ok_or_else(|| ImportError::Missing(t!("import-no-agency")))?;
                guesses.push((String::new(), t!("import-guess-agency-property", agency = a.clone())));
                a
            }
        },
    };
    let year = opts.year.or_else(|| year_of(&paras, table_titles.iter().copied().chain(n.title.iter()))).or(source.year);

    // Figures, column by column, from the report's row.
    let mut figures: Vec<Vec<Read>> = template.tables.iter().map(|d| vec![Read::ToFill(String::new()); d.columns.len()]).collect();
    let mut found = vec![false; template.tables.len()];
    let mut titles: Vec<Option<String>> = vec![None; template.tables.len()];
    let mut notes: Vec<Vec<String>> = vec![Vec::new(); template.tables.len()];
    let mut written: Vec<Written> = Vec::new();
    let mut undecided: Vec<(String, String, tables::RowProblem)> = Vec::new();
    // What a totals row is called: the template's totals, and the word of
    // published summaries.
    let mut totals: Vec<&str> = template.tables.iter().flat_map(|d| d.columns.iter().filter(|c| c.total_of.is_some()).map(|c| c.key.as_str())).collect();
    totals.push(er_template::TOTAL_ROW);
    let hints = tables::RowHints { year, totals, agency: Some(agency.as_str()), wanted: opts.row.as_deref() };
    for (st, ti) in tables.iter().zip(&assigned) {
        let ti = ti.unwrap_or(0);
        let def = &template.tables[ti];
        found[ti] = true;
        titles[ti] = st.title.clone();
        notes[ti] = st.notes.clone();
        let row = match tables::choose_row(st, &hints) {
            Ok(r) => r,
            Err(tables::RowProblem::OtherYear(labels)) => {
                // Only other years' rows: none of its figures is the report's.
                guesses.push((st.place.clone(), t!("import-guess-other-year", table = def.label, row = labels.join(" | "), year = year.map(|y| y.to_string()).unwrap_or_default())));
                continue;
            }
            Err(problem) => {
                undecided.push((def.label.clone(), st.place.clone(), problem));
                continue;
            }
        };
        if let Some(r) = row.filter(|&r| st.rows.len() > r + 1 || tables::first_figure_row(st).is_some_and(|f| f < r)) {
            guesses.push((st.row(r).first().map_or_else(|| st.place.clone(), |c| c.place.clone()), t!("import-guess-row", table = def.label, row = tables::row_label(st.row(r)))));
        }
        let columns = tables::columns(st, row, def);
        for (col, (c, found_at)) in def.columns.iter().zip(columns).enumerate() {
            let (cell, labels) = match found_at {
                tables::Found::Cell(cell, labels) => (cell, labels),
                tables::Found::Missing(why) => {
                    guesses.push((st.place.clone(), t!("import-guess-no-figure", table = def.label, key = c.key, why = why)));
                    continue;
                }
            };
            let mut read = tables::read(&cell.text, c.kind);
            // The unit the column's label names (某项金额（元） for a template
            // in 万元): an amount converts exactly, and is said; a unit of
            // another kind (元 over a count, 件 over an amount) leaves the
            // figure to fill.
            let source_unit = labels.iter().rev().find_map(|l| tables::unit_of(l));
            if let (Read::Value(v), Some(from)) = (&read, source_unit) {
                read = match tables::convert(v, from, c.unit) {
                    Some(converted) if from != c.unit && tables::is_money(from) => {
                        guesses.push((cell.place.clone(), t!("import-guess-unit", table = def.label, key = c.key, value = v, from = from, converted = converted.clone(), to = c.unit)));
                        Read::Value(converted)
                    }
                    Some(_) => Read::Value(v.clone()),
                    None => Read::ToFill(format!("{v}（{from}）")),
                };
            }
            // An amount the column cannot hold (more decimals or digits than
            // it keeps) is left to fill rather than rounded.
            if let (Read::Value(v), er_template::Kind::Amount) = (&read, c.kind) {
                let (int, dec) = v.split_once('.').unwrap_or((v, ""));
                let (int, dec) = (int.trim_start_matches('0').len() as u32, dec.trim_end_matches('0').len() as u32);
                if dec > c.decimals || int > c.unit.max_integer_digits() || er_data::figures::significant_digits(v) > er_data::figures::SPREADSHEET_DIGITS {
                    read = Read::ToFill(v.clone());
                }
            }
            match &read {
                Read::ToFill(what) => guesses.push((cell.place.clone(), t!("import-guess-to-fill", table = def.label, key = c.key, text = what))),
                Read::Value(v) => written.push(Written { table: def.label.clone(), key: c.key.clone(), value: v.clone(), unit: c.unit.to_string(), place: cell.place.clone() }),
                Read::Blank => written.push(Written { table: def.label.clone(), key: c.key.clone(), value: "~".into(), unit: String::new(), place: cell.place.clone() }),
            }
            figures[ti][col] = read;
        }
        // A total the source states that its parts do not add up to: the
        // source disagrees with itself, so it is left to fill, and said.
        for (col, c) in def.columns.iter().enumerate() {
            let (Some(of), Read::Value(v)) = (&c.total_of, &figures[ti][col]) else { continue };
            let parts: Option<Vec<Decimal>> = of
                .iter()
                .map(|&k| match &figures[ti][k] {
                    Read::Value(p) => p.parse().ok(),
                    Read::Blank => Some(Decimal::ZERO),
                    Read::ToFill(_) => None,
                })
                .collect();
            let (Some(parts), Ok(given)) = (parts, v.parse::<Decimal>()) else { continue };
            let sum: Decimal = parts.iter().sum();
            if sum != given {
                guesses.push((st.place.clone(), t!("import-guess-total", table = def.label, key = c.key, given = v, sum = sum.normalize())));
                written.retain(|w| !(w.table == def.label && w.key == c.key));
                figures[ti][col] = Read::ToFill(v.clone());
            }
        }
    }
    if !undecided.is_empty() {
        return Err(ImportError::Rows(undecided));
    }
    for (ti, def) in template.tables.iter().enumerate() {
        if !found[ti] {
            guesses.push((String::new(), t!("import-guess-table-missing", table = def.label)));
        }
    }

    let year = match year {
        Some(y) => y,
        None => {
            // The year before the report's date: a guess, and said.
            let y = n.date.as_deref().or(source.created.as_deref()).and_then(|d| d.get(..4)?.parse::<u16>().ok()).map(|y| y - 1);
            let y = y.ok_or_else(|| ImportError::Missing(t!("import-no-year")))?;
            guesses.push((String::new(), t!("import-guess-year", year = y)));
            y
        }
    };
    let report_date = match n.date.clone().or_else(|| {
        let created = source.created.clone()?;
        guesses.push((String::new(), t!("import-guess-created", date = created.clone())));
        Some(created)
    }) {
        Some(d) => d,
        None => {
            guesses.push((String::new(), t!("import-guess-date", date = format!("{}-01-31", year + 1))));
            format!("{}-01-31", year + 1)
        }
    };

    // Figures the text states become references.
    let values: Vec<Vec<Option<Decimal>>> = figures
        .iter()
        .map(|row| row.iter().map(|r| if let Read::Value(v) = r { v.parse().ok() } else { None }).collect())
        .collect();
    let figs = references::figures(&template, &values);

    let mut y = String::new();
    // The same source gives the same bytes, whatever the interface's language.
    let _ = writeln!(y, "# {}", er_i18n::t!("import-comment-made"));
    if let Some(r) = &opts.template_ref {
        let _ = writeln!(y, "template: {}", quote(r));
    } else {
        let _ = writeln!(y, "template: {}", quote(&template.name));
    }
    let _ = writeln!(y, "agency: {}", quote(&agency));
    let _ = writeln!(y, "year: {year}");
    let _ = writeln!(y, "report_date: {report_date}");
    if let Some(title) = &n.title {
        let _ = writeln!(y, "title: {}", quote(&literal(title)));
    }
    if let Some(s) = n.signature.as_ref().filter(|s| s.trim() != agency.trim()) {
        let _ = writeln!(y, "signature: {}", quote(&literal(s)));
    }
    let default_heading = |part: Part| match part {
        Part::Narrative => "行政执法总体情况",
        Part::Statistics => "行政执法数据统计情况",
    };
    for (i, part) in template.parts.iter().enumerate() {
        let numeral = ["一", "二"][i];
        let heading = n
            .part_headings
            .iter()
            .find(|h| h.starts_with(&format!("第{numeral}部分")))
            .cloned()
            .unwrap_or_else(|| format!("第{numeral}部分 {}", default_heading(*part)));
        let _ = writeln!(y, "\npart{}:\n  heading: {}", i + 1, quote(&literal(&heading)));
        if *part != Part::Narrative {
            continue;
        }
        if n.blocks.is_empty() {
            let _ = writeln!(y, "  blocks: []");
            continue;
        }
        let _ = writeln!(y, "  blocks:");
        for (b, place) in &n.blocks {
            match b {
                narrative::Block::H1(t) => {
                    let _ = writeln!(y, "    - h1: {}", quote(&literal(t)));
                }
                narrative::Block::H2(t) => {
                    let _ = writeln!(y, "    - h2: {}", quote(&literal(t)));
                }
                narrative::Block::P { lead, text } => {
                    // Braces the text holds are literal ({SJ-2024-001}); only
                    // the references made here are references.
                    let (text, lead) = (literal(text), lead.as_deref().map(literal));
                    let (with_refs, made) = references::figures_in(&text, lead.as_deref(), &template, &figs);
                    for m in made {
                        guesses.push((place.clone(), t!("import-guess-reference", written = m.written, reference = m.reference)));
                    }
                    let text = references::years(&with_refs, year);
                    match lead {
                        Some(l) => {
                            let _ = writeln!(y, "    - h3: {}\n      p: {}", quote(&l), quote(&text));
                        }
                        None => {
                            let _ = writeln!(y, "    - p: {}", quote(&text));
                        }
                    }
                }
            }
        }
    }
    let _ = writeln!(y, "\n# {}\ntables:", er_i18n::t!("import-comment-blank"));
    for (ti, def) in template.tables.iter().enumerate() {
        let _ = writeln!(y, "  {}:", def.label);
        for (c, read) in def.columns.iter().zip(&figures[ti]) {
            let v = match read {
                Read::Value(v) if c.kind == er_template::Kind::Amount => quote(v),
                Read::Value(v) => v.clone(),
                Read::Blank => "~".into(),
                Read::ToFill(_) => er_data::figures::TO_FILL.into(),
            };
            let _ = writeln!(y, "    {}: {v}", key(&c.key));
        }
        // A title or notes the template would not print, kept.
        if let Some(title) = titles[ti].as_ref().map(|t| t.replace('\n', "")).filter(|t| *t != def.title_for(&agency, year)) {
            let _ = writeln!(y, "    标题: {}", quote(&literal(&title)));
        }
        let default_notes: Vec<String> = def.notes.items.iter().map(|s| er_template::fill_title(s, &agency, year)).collect();
        if !notes[ti].is_empty() && notes[ti] != default_notes {
            let _ = writeln!(y, "    说明:");
            for note in &notes[ti] {
                let _ = writeln!(y, "      - {}", quote(&literal(note)));
            }
        }
    }
    Ok(Imported { yaml: y, template, guesses, figures: written })
}

fn unmatched(tables: &[&SourceTable]) -> ImportError {
    ImportError::Unmatched(
        tables
            .iter()
            .map(|t| {
                let labels: Vec<String> = t.cells.iter().map(|c| c.text.clone()).filter(|s| !s.is_empty() && tables::plain_number(s).is_none()).collect();
                (t.label.clone().unwrap_or_else(|| t.place.clone()), labels)
            })
            .collect(),
    )
}

/// The agency a title names before its year: 某县应急管理局2024年度行政执法
/// 工作报告 → 某县应急管理局. None when what stands before the year is
/// no agency's name (it ends in none of the words agencies' names end in).
///
/// ```text
/// assert_eq!(agency_in("某县应急管理局2024年度行政执法工作年度报告").as_deref(), Some("某县应急管理局"));
/// assert_eq!(agency_in("关于2024年度行政执法工作的报告"), None);
/// ```
fn agency_in(title: &str) -> Option<String> {
    let t: String = title.chars().filter(|c| !c.is_whitespace()).collect();
    let chars: Vec<char> = t.chars().collect();
    let at = tables::four_digits(&t).into_iter().map(|(i, _)| i).find(|&i| chars.get(i + 4) == Some(&'年'))?;
    let name: String = chars[..at].iter().collect();
    let ends = ["局", "委员会", "委", "厅", "办公室", "办", "院", "所", "中心", "队", "站", "政府", "部", "署", "处", "室", "司", "馆"];
    let ok = (2..=40).contains(&name.chars().count()) && !name.contains(['。', '，', '、', '：', '关']) && ends.iter().any(|e| name.ends_with(e));
    ok.then_some(name)
}

/// The year the report covers, by the text: the year most often named
/// as 20XX年度 in the paragraphs and table titles.
fn year_of<'a>(paras: &'a [source::Para], titles: impl Iterator<Item = &'a String>) -> Option<u16> {
    let mut count: std::collections::BTreeMap<u16, usize> = std::collections::BTreeMap::new();
    let texts = paras.iter().map(|p| p.text.as_str()).chain(titles.map(String::as_str));
    for text in texts {
        let chars: Vec<char> = text.chars().collect();
        for (i, y) in tables::four_digits(text) {
            if chars.get(i + 4) == Some(&'年') && chars.get(i + 5) == Some(&'度') {
                *count.entry(y).or_default() += 1;
            }
        }
    }
    count.into_iter().max_by_key(|(y, n)| (*n, *y)).map(|(y, _)| y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_keeps_its_braces_as_text() {
        assert_eq!(literal("编号{SJ-2024-001}"), "编号{{SJ-2024-001}}");
        assert_eq!(literal("无括号"), "无括号");
    }

    #[test]
    fn the_agency_is_what_a_title_names_before_its_year() {
        assert_eq!(agency_in("某县应急管理局2024年度行政执法工作年度报告").as_deref(), Some("某县应急管理局"));
        assert_eq!(agency_in("某 市 市场监督管理局 2023年度行政执法工作报告").as_deref(), Some("某市市场监督管理局"));
        assert_eq!(agency_in("关于2024年度行政执法工作的报告"), None);
        assert_eq!(agency_in("行政执法工作报告"), None, "no year, no agency");
    }
}
