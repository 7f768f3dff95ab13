//! The rules a loaded report must meet before it is published: totals that
//! add up, amounts within the precision of 0.001 元, labels that exist.

use er_source::Diagnostic;
use er_template::Kind;

use crate::figures::{significant_digits, Figure, FigureValue, SPREADSHEET_DIGITS};
use crate::load::Loaded;
use crate::report::sum;

/// Every finding about a loaded report, in table and column order.
/// Errors stop a render; warnings do not.
///
/// ```
/// use er_data::{check, load_file};
/// let loaded = load_file("../../fixtures/aral-emergency-2024.yaml".as_ref()).unwrap();
/// assert!(check(&loaded).is_empty());
/// ```
pub fn check(l: &Loaded) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let r = &l.report;
    let t = &r.template;
    for (ti, def) in t.tables.iter().enumerate() {
        let values = r.values(ti);
        for (i, col) in def.columns.iter().enumerate() {
            if col.total_of.is_some() {
                total_rule(l, ti, i, &values, &mut out);
            }
        }
        for (i, (col, value)) in def.columns.iter().zip(&values).enumerate() {
            let path = format!("tables.{}.{}", def.label, col.key);
            // A total still to fill is computed once its parts are filled.
            let given = r.tables[ti].given[i];
            if given.is_some_and(|g| g.is_to_fill()) && (col.total_of.is_none() || value.is_to_fill()) {
                out.push(
                    Diagnostic::error(&l.file, l.locate(&path), &path, format!("{} {} is still to fill (待填)", def.label, col.key))
                        .with_help("write the figure, or ~ if the agency has no such power"),
                );
            }
            let FigureValue::Amount(Figure::Value(a)) = value else { continue };
            let unit = col.unit;
            if a.0.is_sign_negative() && !a.0.is_zero() {
                out.push(
                    Diagnostic::error(&l.file, l.locate(&path), &path, format!("{} is negative ({a} {unit})", col.key))
                        .with_help("an amount is 0 or more"),
                );
            }
            let max_int = unit.max_integer_digits();
            if a.integer_digits() > max_int {
                out.push(
                    Diagnostic::error(&l.file, l.locate(&path), &path, format!("{} {a} {unit} has more than {max_int} digits before the point", col.key))
                        .with_help(unit_help(unit)),
                );
            }
            if a.decimals() > col.decimals {
                let most = match col.decimals {
                    0 => "none".to_string(),
                    d => format!("at most {d}"),
                };
                out.push(
                    Diagnostic::error(
                        &l.file,
                        l.locate(&path),
                        &path,
                        format!("{} {a} has {} decimal places; {} in {unit} has {most}", col.key, a.decimals(), def.label),
                    )
                    .with_help(unit_help(unit)),
                );
            }
        }
        let data = &r.tables[ti];
        for key in data.labels.keys() {
            if !def.label_keys().any(|k| k == key) {
                let path = format!("tables.{}.标签.{key}", def.label);
                let keys: Vec<_> = def.label_keys().collect();
                out.push(
                    Diagnostic::error(&l.file, l.locate(&path), &path, format!("{} has no label `{key}`", def.label))
                        .with_help(format!("the labels of {} are: {}", def.label, keys.join("；"))),
                );
            }
        }
    }
    previous_year(l, &mut out);
    references(l, &mut out);
    if !(2000..=2100).contains(&r.year) {
        out.push(
            Diagnostic::error(&l.file, l.locate("year"), "year", format!("the year {} is not one a report covers", r.year))
                .with_help("write the year the report covers, from 2000 to 2100, e.g. year: 2024"),
        );
    }
    if r.agency.trim().is_empty() {
        out.push(
            Diagnostic::error(&l.file, l.locate("agency"), "agency", "the agency is empty: the report would be signed by no one")
                .with_help("write the agency's full name, e.g. agency: 第一师阿拉尔市应急管理局"),
        );
    }
    if r.signature.as_deref().is_some_and(|s| s.trim().is_empty()) {
        out.push(
            Diagnostic::error(&l.file, l.locate("signature"), "signature", "the signature is empty")
                .with_help("write the name that signs the report, or leave signature out to sign with the agency"),
        );
    }
    xlsx_exact(l, &mut out);
    // A table's title, labels and notes go into XLSX cells, which hold at
    // most 32,767 characters (a note's cell adds its lead and number).
    for (path, text) in texts(r).into_iter().filter(|(p, _)| p.starts_with("tables.")) {
        let n = text.chars().count();
        if n + 16 > XLSX_CELL_CHARS {
            out.push(
                Diagnostic::error(&l.file, l.locate(&path), &path, format!("the text is {n} characters; a cell of the XLSX holds at most {XLSX_CELL_CHARS}"))
                    .with_help("shorten it: a table's title, label or note is a sentence or two"),
            );
        }
    }
    // Dated on or before the last day of the year it reports on.
    if r.report_date.year <= r.year {
        out.push(
            Diagnostic::warning(
                &l.file,
                l.locate("report_date"),
                "report_date",
                format!(
                    "the report is dated {}, {} the year {} it reports on",
                    r.report_date,
                    if r.report_date.year == r.year { "inside" } else { "before" },
                    r.year
                ),
            )
            .with_help("the report is usually signed in January of the following year"),
        );
    }
    out
}

/// Most characters an XLSX cell holds.
pub const XLSX_CELL_CHARS: usize = 32_767;

/// Amounts the XLSX could not store exactly: Excel keeps 15 significant
/// digits, so 99999999999.9999999 would become 100000000000 there while
/// the DOCX and PDF print every digit.
fn xlsx_exact(l: &Loaded, out: &mut Vec<Diagnostic>) {
    let r = &l.report;
    for (ti, def) in r.template.tables.iter().enumerate() {
        for (col, value) in def.columns.iter().zip(r.values(ti)) {
            let text = value.text();
            let significant = significant_digits(&text);
            if significant > SPREADSHEET_DIGITS {
                let path = format!("tables.{}.{}", def.label, col.key);
                out.push(
                    Diagnostic::error(&l.file, l.locate(&path), &path, format!("{text} has {significant} significant digits; the XLSX stores at most {SPREADSHEET_DIGITS} exactly"))
                        .with_help("check the figure; a real amount has fewer digits (round it to the precision the statistics ask for)"),
                );
            }
        }
    }
}

fn unit_help(unit: er_template::Unit) -> String {
    match unit {
        er_template::Unit::万元 => "amounts of this column are in 万元: 1737821.088 元 is written 173.7821088".into(),
        er_template::Unit::元 => "amounts of this column are in 元: 173.7821088 万元 is written 1737821.088".into(),
        u => format!("figures of this column are in {u}"),
    }
}

/// A total that is given must equal the sum of its parts; one left out is
/// computed. `values` is the table's value row.
fn total_rule(l: &Loaded, ti: usize, col: usize, values: &[FigureValue], out: &mut Vec<Diagnostic>) {
    let r = &l.report;
    let def = &r.template.tables[ti];
    let c = &def.columns[col];
    let Some(of) = &c.total_of else { return };
    let name = &c.key;
    let path = format!("tables.{}.{name}", def.label);
    let data = &r.tables[ti];
    let parts: Vec<FigureValue> = of.iter().map(|&k| values[k]).collect();
    if parts.iter().any(|p| p.is_to_fill()) {
        return; // listed as still to fill; the sum is checked once they are given
    }
    let what = match c.kind {
        Kind::Count => "counts",
        Kind::Amount => "amounts",
    };
    let Some(total) = sum(&parts) else {
        out.push(
            Diagnostic::error(&l.file, l.locate(&path), &path, format!("the {what} that {name} adds up exceed 4294967295"))
                .with_help("check the counts of this table for a typing error"),
        );
        return;
    };
    match data.given[col] {
        None => {}
        Some(g) if g.is_blank() => out.push(
            Diagnostic::error(&l.file, l.locate(&path), &path, format!("{name} is blank (~), but a total is always a number"))
                .with_help(format!("write the total, or leave {name} out to have it computed")),
        ),
        Some(g) if g.number().is_some() && g.number() != total.number() => {
            let terms: Vec<String> = of
                .iter()
                .zip(&parts)
                .filter_map(|(&k, f)| f.number().filter(|v| !v.is_zero()).map(|v| format!("{} {}", def.columns[k].key, v.normalize())))
                .collect();
            let terms = if terms.is_empty() { "all are 0 or blank".to_string() } else { terms.join(" + ") };
            out.push(
                Diagnostic::error(
                    &l.file,
                    l.locate(&path),
                    &path,
                    format!("{name} is {}, but the {} {what} of {} add up to {} ({terms})", g.text(), of.len(), def.label, total.text()),
                )
                .with_help(format!("correct {name} or the figure that is wrong, or leave {name} out to have it computed")),
            );
        }
        Some(_) => {}
    }
}

/// Last year's figures name real tables and figures.
fn previous_year(l: &Loaded, out: &mut Vec<Diagnostic>) {
    let t = &l.report.template;
    for (label, figures) in &l.report.previous_year {
        let path = format!("previous_year.{label}");
        let Some(def) = t.table(label) else {
            out.push(
                Diagnostic::error(&l.file, l.locate(&path), &path, format!("template {} has no table {label}", t.name))
                    .with_help(format!("the tables of {} are: {}", t.name, t.table_labels())),
            );
            continue;
        };
        for key in figures.keys() {
            if def.column(key).is_none() {
                let p = format!("{path}.{key}");
                out.push(
                    Diagnostic::error(&l.file, l.locate(&p), &p, format!("{label} has no figure {key}"))
                        .with_help(format!("the figures of {label} are: {}", def.figure_keys())),
                );
            }
        }
    }
}

/// Every text that may hold references, with its field path.
fn texts(r: &crate::Report) -> Vec<(String, &str)> {
    let mut v: Vec<(String, &str)> = Vec::new();
    if let Some(t) = &r.title {
        v.push(("title".into(), t));
    }
    v.push(("agency".into(), &r.agency));
    if let Some(s) = &r.signature {
        v.push(("signature".into(), s));
    }
    for (def, d) in r.template.tables.iter().zip(&r.tables) {
        for (key, text) in &d.labels {
            v.push((format!("tables.{}.{}.{key}", def.label, crate::load::LABELS), text));
        }
    }
    let np = r.template.part_index(er_template::Part::Narrative) + 1;
    let sp = 3 - np;
    v.push((format!("part{np}.heading"), &r.narrative.heading));
    v.push((format!("part{sp}.heading"), &r.statistics_heading));
    for (ti, def) in r.template.tables.iter().enumerate() {
        let d = &r.tables[ti];
        if let Some(t) = &d.title {
            v.push((format!("tables.{}.标题", def.label), t));
        }
        for (i, n) in d.notes.iter().flatten().enumerate() {
            v.push((format!("tables.{}.说明[{i}]", def.label), n));
        }
        if d.notes.is_none() {
            // The template's notes are printed, references rendered.
            for (i, n) in def.notes.items.iter().enumerate() {
                v.push((format!("tables.{}.说明[{i}] (the template's note)", def.label), n));
            }
        }
    }
    for (i, b) in r.narrative.blocks.iter().enumerate() {
        match b {
            crate::report::Block::Heading1(t) => v.push((format!("part{np}.blocks[{i}].h1"), t)),
            crate::report::Block::Heading2(t) => v.push((format!("part{np}.blocks[{i}].h2"), t)),
            crate::report::Block::Paragraph { lead, text } => {
                if let Some(l) = lead {
                    v.push((format!("part{np}.blocks[{i}].h3"), l));
                }
                v.push((format!("part{np}.blocks[{i}].p"), text));
            }
        }
    }
    v
}

/// Every character of the data file's texts that `can_draw` refuses (no
/// font available to the PDF has it), each where it stands, all in one run.
///
/// ```
/// let l = er_data::load_file("../../fixtures/aral-emergency-2024.yaml".as_ref()).unwrap();
/// let found = er_data::check::characters(&l, &|c| c != '罚');
/// assert!(found.len() > 3 && found.iter().all(|d| d.message.contains("U+7F5A")));
/// ```
pub fn characters(l: &Loaded, can_draw: &dyn Fn(char) -> bool) -> Vec<Diagnostic> {
    er_source::read::undrawable(&l.index, &l.file, can_draw)
}

/// The same for a data file that did not load (its other errors aside):
/// so that one run reports everything. Empty when the file cannot be read.
pub fn characters_in_file(path: &std::path::Path, can_draw: &dyn Fn(char) -> bool) -> Vec<Diagnostic> {
    let name = path.display().to_string();
    let Ok(bytes) = er_source::read::file(path, er_source::read::FileKind::Data) else { return Vec::new() };
    let Ok(text) = er_source::read::text(&bytes, &name) else { return Vec::new() };
    er_source::read::undrawable(&er_source::Index::build(text), &name, can_draw)
}

/// The line and column of the character `at` of the text at `path`: exact
/// for a text on one line, the text's start otherwise.
fn locate_in(l: &Loaded, path: &str, at: usize) -> Option<er_source::Loc> {
    Some(l.index.get(path)?.char_loc(at))
}

/// Every reference renders; a hand-written year-on-year percentage agrees
/// with last year's figure where the data gives it.
fn references(l: &Loaded, out: &mut Vec<Diagnostic>) {
    use crate::refs::{resolve, segments, year_on_year, Segment};
    for (path, text) in texts(&l.report) {
        let mut last_figure: Option<String> = None;
        for seg in segments(text) {
            match seg {
                Segment::Ref { raw, at } => {
                    if let Err(e) = resolve(&raw, &l.report) {
                        out.push(Diagnostic::error(&l.file, locate_in(l, &path, at), &path, e.message).with_help(e.help));
                    }
                    last_figure = (raw.contains('.') && !raw.contains("同比")).then(|| raw.split(':').next().unwrap_or("").to_string());
                }
                Segment::Text { text: t, at: offset } => {
                    let Some(fig) = last_figure.take() else { continue };
                    if let Some((direction, written, at)) = written_percentage(&t) {
                        let (label, key) = fig.split_once('.').unwrap_or(("", ""));
                        let t = &l.report.template;
                        let figures = t.table_index(label).and_then(|ti| {
                            let col = t.tables[ti].column(key)?;
                            Some((l.report.values(ti)[col].number()?, l.report.previous_figure(label, key)?))
                        });
                        if let Some((current, previous)) = figures {
                            let precision = written.split_once('.').map_or(0, |(_, d)| d.trim_end_matches('%').len() as u32);
                            let phrase = year_on_year(current, previous, precision);
                            let computed = written_percentage(&phrase).map(|(d, w, _)| (d, w));
                            if computed != Some((direction, written.clone())) {
                                out.push(
                                    Diagnostic::warning(
                                        &l.file,
                                        locate_in(l, &path, offset + at),
                                        &path,
                                        format!("the text says {written} for {label} {key}, but this year and last year's figures give “{phrase}”"),
                                    )
                                    .with_help(format!("write {{{fig}:同比:{precision}}} to have the phrase computed")),
                                );
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A hand-written "同比上年度下降22%" in `t`: the direction (降 or 长), the
/// percentage as written (22%), and the character offset of the phrase.
fn written_percentage(t: &str) -> Option<(char, String, usize)> {
    let start = t.find("同比")?;
    let at = t[..start].chars().count();
    let rest: Vec<char> = t[start..].chars().take(16).collect();
    let pos = rest.iter().position(|c| *c == '降' || *c == '长')?;
    let num: String = rest[pos + 1..].iter().take_while(|c| c.is_ascii_digit() || **c == '.').collect();
    let after = rest.get(pos + 1 + num.chars().count())?;
    (!num.is_empty() && *after == '%').then(|| (rest[pos], format!("{num}%"), at))
}
