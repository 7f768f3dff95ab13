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
}

/// The data file made, and what was guessed on the way.
#[derive(Debug, Clone)]
pub struct Imported {
    pub yaml: String,
    pub template: Arc<Template>,
    /// Each guess with its place in the source: a heading level, a figure
    /// left to fill, a reference made, the template chosen.
    pub guesses: Vec<(String, String)>,
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
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::NoTable => f.write_str(&t!("import-no-table")),
            ImportError::Unmatched(list) => {
                let tables: Vec<String> = list.iter().map(|(place, labels)| format!("{place}: {}", labels.join("；"))).collect();
                f.write_str(&t!("import-unmatched", tables = tables.join(" | ")))
            }
            ImportError::Missing(what) => f.write_str(what),
        }
    }
}

/// A text of the source as the data file writes it: its braces doubled,
/// since a data file's text reads `{…}` as a reference.
///
/// ```ignore
/// assert_eq!(literal("编号{SJ-2024-001}"), "编号{{SJ-2024-001}}");
/// ```
fn literal(text: &str) -> String {
    text.replace('{', "{{").replace('}', "}}")
}

/// Makes the data file of a source.
pub fn import(source: Source, opts: &Options) -> Result<Imported, ImportError> {
    let mut guesses: Vec<(String, String)> = Vec::new();
    let tables: Vec<&SourceTable> = source.items.iter().filter_map(|i| if let Item::Table(t) = i { Some(t) } else { None }).collect();
    if tables.is_empty() {
        return Err(ImportError::NoTable);
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

    // Figures, column by column.
    let mut figures: Vec<Vec<Read>> = template.tables.iter().map(|d| vec![Read::ToFill(String::new()); d.columns.len()]).collect();
    let mut found = vec![false; template.tables.len()];
    let mut titles: Vec<Option<String>> = vec![None; template.tables.len()];
    let mut notes: Vec<Vec<String>> = vec![Vec::new(); template.tables.len()];
    // What the template calls its totals: a row so labelled is the report's.
    let totals: Vec<&str> = template.tables.iter().flat_map(|d| d.columns.iter().filter(|c| c.total_of.is_some()).map(|c| c.key.as_str())).collect();
    for (st, ti) in tables.iter().zip(&assigned) {
        let ti = ti.unwrap_or(0);
        let def = &template.tables[ti];
        found[ti] = true;
        // Columns by the labels above them where the source has a grid and
        // the labels decide; by position otherwise.
        let by_label = tables::by_label(st, def);
        let cells: Vec<(&source::Cell, Vec<&str>)> = match &by_label {
            Some(c) => c.clone(),
            None => tables::value_cells(st, def).into_iter().map(|c| (c, Vec::new())).collect(),
        };
        // The row: the last, when it is the report's own (the year or a
        // total says so, or no other row holds figures); else none.
        let year = opts.year.or_else(|| year_of(&[], st.title.iter()));
        let row_unsure = tables::last_row_is_the_reports(st, year, &totals).err();
        if let Some(labels) = &row_unsure {
            guesses.push((st.place.clone(), t!("import-guess-several-rows", table = def.label, row = labels.join(" "))));
        }
        for (col, c) in def.columns.iter().enumerate() {
            let cell = cells.get(col).map(|(c, _)| *c);
            let mut read = match (&row_unsure, cell) {
                (Some(_), _) => Read::ToFill(String::new()),
                (None, Some(cell)) => tables::read(&cell.text, c.kind),
                (None, None) => Read::ToFill(String::new()),
            };
            // An amount whose column's label names another unit (某项金额（元）
            // for a template in 万元) is converted exactly, and said; a unit
            // that does not convert leaves the figure to fill.
            let source_unit = cells.get(col).and_then(|(_, labels)| labels.iter().rev().find_map(|l| tables::unit_of(l)));
            if let (Read::Value(v), Some(from)) = (&read, source_unit) {
                if c.kind == er_template::Kind::Amount && from != c.unit {
                    let place = cell.map_or_else(|| st.place.clone(), |cell| cell.place.clone());
                    read = match tables::convert(v, from, c.unit) {
                        Some(converted) => {
                            guesses.push((place, t!("import-guess-unit", table = def.label, key = c.key, value = v, from = from, converted = converted.clone(), to = c.unit)));
                            Read::Value(converted)
                        }
                        None => Read::ToFill(format!("{v} {from}")),
                    };
                }
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
            if let Read::ToFill(what) = &read {
                let place = cell.map_or_else(|| st.place.clone(), |c| c.place.clone());
                guesses.push((place, t!("import-guess-to-fill", table = def.label, key = c.key, text = what)));
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
                let place = cells.get(col).map_or_else(|| st.place.clone(), |(cell, _)| cell.place.clone());
                guesses.push((place, t!("import-guess-total", table = def.label, key = c.key, given = v, sum = sum.normalize())));
                figures[ti][col] = Read::ToFill(v.clone());
            }
        }
        titles[ti] = st.title.clone();
        notes[ti] = st.notes.clone();
    }
    for (ti, def) in template.tables.iter().enumerate() {
        if !found[ti] {
            guesses.push((String::new(), t!("import-guess-table-missing", table = def.label)));
        }
    }

    // The narrative: the paragraphs outside the tables and their captions.
    let paras: Vec<source::Para> = source.items.iter().filter_map(|i| if let Item::Para(p) = i { Some(p.clone()) } else { None }).collect();
    let n = narrative::read(&paras, template.part_index(Part::Statistics));
    guesses.extend(n.guesses.iter().cloned());

    let agency = match opts.agency.clone().or_else(|| n.signature.clone()).filter(|a| !a.trim().is_empty()) {
        Some(a) => a,
        None => {
            // The file's author property only when the text names no one,
            // and said: it is often the name of the computer's user.
            let a = source.author.clone().filter(|a| !a.trim().is_empty()).ok_or_else(|| ImportError::Missing(t!("import-no-agency")))?;
            guesses.push((String::new(), t!("import-guess-agency-property", agency = a.clone())));
            a
        }
    };
    let year = match opts.year.or_else(|| year_of(&paras, titles.iter().flatten())).or(source.year) {
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
    let _ = writeln!(y, "# Made by `enforcement-report import`: check it, then run `enforcement-report check` on it.");
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
    let _ = writeln!(y, "\n# ~ keeps a cell blank (no such power); 待填 is a figure still to fill.\ntables:");
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
    Ok(Imported { yaml: y, template, guesses })
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

/// The year the report covers, by the text: the year most often named
/// as 20XX年度 in the paragraphs and table titles.
fn year_of<'a>(paras: &'a [source::Para], titles: impl Iterator<Item = &'a String>) -> Option<u16> {
    let mut count: std::collections::BTreeMap<u16, usize> = std::collections::BTreeMap::new();
    let texts = paras.iter().map(|p| p.text.as_str()).chain(titles.map(String::as_str));
    for text in texts {
        let chars: Vec<char> = text.chars().collect();
        for i in 0..chars.len().saturating_sub(5) {
            if chars[i..i + 4].iter().all(char::is_ascii_digit) && chars[i + 4] == '年' && chars[i + 5] == '度' && (i == 0 || !chars[i - 1].is_ascii_digit()) {
                if let Ok(y) = chars[i..i + 4].iter().collect::<String>().parse::<u16>() {
                    *count.entry(y).or_default() += 1;
                }
            }
        }
    }
    count.into_iter().max_by_key(|(y, n)| (*n, *y)).map(|(y, _)| y)
}
