//! The rules a loaded report must meet before it is published: totals that
//! add up, amounts within the precision of 0.001 元, labels that exist.

use er_i18n::t;
use er_source::Diagnostic;
use er_template::Kind;

use crate::figures::{significant_digits, Figure, FigureValue, SPREADSHEET_DIGITS};
use crate::load::Loaded;
use crate::report::{exact_rate, round, sum};

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
    if l.placeholder_date {
        out.push(
            Diagnostic::error(&l.file, l.locate("report_date"), "report_date", t!("check-placeholder-date", date = r.report_date.iso()))
                .with_help(t!("help-check-placeholder-date", mark = crate::init::PLACEHOLDER)),
        );
    }
    for (ti, def) in t.tables.iter().enumerate() {
        let values = r.values(ti);
        for (i, col) in def.columns.iter().enumerate() {
            if col.total_of.is_some() {
                total_rule(l, ti, i, &values, &mut out);
            }
            if col.rate.is_some() {
                rate_rule(l, ti, i, &values, &mut out);
            }
        }
        for (i, (col, value)) in def.columns.iter().zip(&values).enumerate() {
            let path = format!("tables.{}.{}", def.label, col.key);
            // A total still to fill is computed once its parts are filled.
            let given = r.tables[ti].given[i];
            if given.is_some_and(|g| g.is_to_fill()) && ((col.total_of.is_none() && col.rate.is_none()) || value.is_to_fill()) {
                out.push(
                    Diagnostic::error(&l.file, l.locate(&path), &path, t!("check-to-fill", table = def.label, key = col.key))
                        .with_help(t!("help-check-to-fill")),
                );
            }
            let FigureValue::Amount(Figure::Value(a)) = value else { continue };
            let unit = col.unit;
            if a.0.is_sign_negative() && !a.0.is_zero() {
                out.push(
                    Diagnostic::error(&l.file, l.locate(&path), &path, t!("check-negative", key = col.key, amount = a, unit = unit))
                        .with_help(t!("help-check-negative")),
                );
            }
            let max_int = unit.max_integer_digits();
            if a.integer_digits() > max_int {
                out.push(
                    Diagnostic::error(&l.file, l.locate(&path), &path, t!("check-integer-digits", key = col.key, amount = a, unit = unit, max = max_int))
                        .with_help(unit_help(unit)),
                );
            }
            if a.decimals() > col.decimals {
                let most = match col.decimals {
                    0 => t!("check-decimals-none"),
                    d => t!("check-decimals-at-most", n = d),
                };
                out.push(
                    Diagnostic::error(
                        &l.file,
                        l.locate(&path),
                        &path,
                        t!("check-decimals", key = col.key, amount = a, decimals = a.decimals(), table = def.label, unit = unit, most = most),
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
                    Diagnostic::error(&l.file, l.locate(&path), &path, t!("check-no-label", table = def.label, key = key))
                        .with_help(t!("help-check-labels", table = def.label, keys = keys.join("；"))),
                );
            }
        }
    }
    previous_year(l, &mut out);
    references(l, &mut out);
    if !(2000..=2100).contains(&r.year) {
        out.push(
            Diagnostic::error(&l.file, l.locate("year"), "year", t!("check-year", year = r.year))
                .with_help(t!("help-check-year")),
        );
    }
    if r.agency.trim().is_empty() {
        out.push(
            Diagnostic::error(&l.file, l.locate("agency"), "agency", t!("check-agency-empty"))
                .with_help(t!("help-check-agency-empty")),
        );
    }
    if r.signature.as_deref().is_some_and(|s| s.trim().is_empty()) {
        out.push(
            Diagnostic::error(&l.file, l.locate("signature"), "signature", t!("check-signature-empty"))
                .with_help(t!("help-check-signature-empty")),
        );
    }
    xlsx_exact(l, &mut out);
    // A table's title, labels and notes go into XLSX cells, which hold at
    // most 32,767 characters (a note's cell adds its lead and number).
    for (path, text, _) in texts(r).into_iter().filter(|(p, _, _)| p.starts_with("tables.")) {
        let n = text.chars().count();
        if n + 16 > XLSX_CELL_CHARS {
            out.push(
                Diagnostic::error(&l.file, l.locate(&path), &path, t!("check-cell-chars", n = n, max = XLSX_CELL_CHARS))
                    .with_help(t!("help-check-cell-chars")),
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
                if r.report_date.year == r.year {
                    t!("check-date-inside", date = r.report_date, year = r.year)
                } else {
                    t!("check-date-before", date = r.report_date, year = r.year)
                },
            )
            .with_help(t!("help-check-date")),
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
                    Diagnostic::error(&l.file, l.locate(&path), &path, t!("check-significant", figure = text, digits = significant, max = SPREADSHEET_DIGITS))
                        .with_help(t!("help-check-significant")),
                );
            }
        }
    }
}

fn unit_help(unit: er_template::Unit) -> String {
    match unit {
        er_template::Unit::万元 => t!("help-unit-wan"),
        er_template::Unit::元 => t!("help-unit-yuan"),
        u => t!("help-unit-other", unit = u),
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
        Kind::Count => t!("word-counts"),
        Kind::Amount => t!("word-amounts"),
    };
    let Some(total) = sum(&parts) else {
        out.push(
            Diagnostic::error(&l.file, l.locate(&path), &path, t!("check-total-overflow", what = what, name = name))
                .with_help(t!("help-check-total-overflow")),
        );
        return;
    };
    match data.given[col] {
        None => {}
        // A total is blank exactly when all its parts are.
        Some(g) if g.is_blank() && total.is_blank() => {}
        Some(g) if total.is_blank() && g.number().is_some() => out.push(
            Diagnostic::error(&l.file, l.locate(&path), &path, t!("check-total-of-blanks", name = name, given = g.text(), table = def.label))
                .with_help(t!("help-check-total-of-blanks", name = name)),
        ),
        Some(g) if g.is_blank() => out.push(
            Diagnostic::error(&l.file, l.locate(&path), &path, t!("check-total-blank", name = name))
                .with_help(t!("help-check-total-blank", name = name)),
        ),
        Some(g) if g.number().is_some() && g.number() != total.number() => {
            let terms: Vec<String> = of
                .iter()
                .zip(&parts)
                .filter_map(|(&k, f)| f.number().filter(|v| !v.is_zero()).map(|v| format!("{} {}", def.columns[k].key, v.normalize())))
                .collect();
            let terms = if terms.is_empty() { t!("check-terms-none") } else { terms.join(" + ") };
            out.push(
                Diagnostic::error(
                    &l.file,
                    l.locate(&path),
                    &path,
                    t!("check-total", name = name, given = g.text(), n = of.len(), what = what, table = def.label, sum = total.text(), terms = terms),
                )
                .with_help(t!("help-check-total", name = name)),
            );
        }
        Some(_) => {}
    }
}

/// A rate must agree with its parts: part ÷ whole × 100 rounded by its
/// rule to the decimals it is written with; its part is no more than its
/// whole. One left out is computed (`Report::values`).
fn rate_rule(l: &Loaded, ti: usize, col: usize, values: &[FigureValue], out: &mut Vec<Diagnostic>) {
    let r = &l.report;
    let def = &r.template.tables[ti];
    let c = &def.columns[col];
    let Some(rate) = c.rate else { return };
    let (pc, wc) = (&def.columns[rate.part], &def.columns[rate.whole]);
    let (part, whole) = (values[rate.part], values[rate.whole]);
    if part.is_to_fill() || whole.is_to_fill() {
        return;
    }
    let path = format!("tables.{}.{}", def.label, c.key);
    let error = |at: &str, msg: String, help: String| Diagnostic::error(&l.file, l.locate(at), at, msg).with_help(help);
    if let (Some(p), Some(w)) = (part.number(), whole.number()) {
        if p > w {
            let at = format!("tables.{}.{}", def.label, pc.key);
            out.push(error(
                &at,
                t!("check-rate-part-exceeds", part = pc.key, p = p, whole = wc.key, w = w, rate = c.key),
                t!("help-check-rate-part-exceeds", part = pc.key, whole = wc.key),
            ));
            return;
        }
    }
    let given = match r.tables[ti].given[col] {
        Some(g) if !g.is_to_fill() => g,
        _ => return, // computed
    };
    let (Some(p), Some(w)) = (part.number(), whole.number()) else {
        if let Some(g) = given.number() {
            let missing = if part.is_blank() { &pc.key } else { &wc.key };
            out.push(error(&path, t!("check-rate-no-part", rate = c.key, given = g.normalize(), part = missing), t!("help-check-rate-no-part", rate = c.key)));
        }
        return;
    };
    let Some(exact) = exact_rate(p, w) else {
        if given.number().is_some() {
            out.push(error(&path, t!("check-rate-no-whole", rate = c.key, whole = wc.key), t!("help-check-rate-no-whole", rate = c.key)));
        }
        return;
    };
    let Some(g) = given.number() else {
        out.push(error(&path, t!("check-rate-blank", rate = c.key, part = pc.key, whole = wc.key), t!("help-check-rate-computed", rate = c.key)));
        return;
    };
    // Within rounding: the exact rate rounded to the column's decimals by
    // its rule (97.67 for 252 of 258, 97.674…; 97.7 is not the published
    // figure at two decimals).
    let expected = round(exact, c.decimals, rate.rounding);
    if expected != g.normalize() {
        let shown = round(exact, 6, er_template::Rounding::Down);
        let shown = if shown == exact.normalize() { shown.to_string() } else { format!("{shown}…") };
        out.push(error(
            &path,
            t!(
                "check-rate",
                rate = c.key,
                given = g.normalize(),
                part = pc.key,
                p = p,
                whole = wc.key,
                w = w,
                exact = shown,
                rule = rate.rounding.chinese(),
                decimals = c.decimals,
                expected = expected
            ),
            t!("help-check-rate", rate = c.key, expected = expected),
        ));
    }
}

/// Last year's figures name real tables and figures.
fn previous_year(l: &Loaded, out: &mut Vec<Diagnostic>) {
    let t = &l.report.template;
    for (label, figures) in &l.report.previous_year {
        let path = format!("previous_year.{label}");
        let Some(def) = t.table(label) else {
            out.push(
                Diagnostic::error(&l.file, l.locate(&path), &path, t!("check-no-table", template = t.name, table = label))
                    .with_help(t!("help-check-tables", template = t.name, tables = t.table_labels())),
            );
            continue;
        };
        for key in figures.keys() {
            if def.column(key).is_none() {
                let p = format!("{path}.{key}");
                out.push(
                    Diagnostic::error(&l.file, l.locate(&p), &p, t!("check-no-figure", table = label, key = key))
                        .with_help(t!("help-check-figures", table = label, keys = def.figure_keys())),
                );
            }
        }
    }
}

/// What a text of the data file is printed as: the role whose face draws it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// The title line above Part 1 (方正小标宋).
    Title,
    /// 第一部分 … (黑体).
    PartHeading,
    /// 一、… (黑体).
    Heading1,
    /// （一）… (楷体).
    Heading2,
    /// Body text, run-in headings, the signature (仿宋).
    Body,
    /// A table's title (方正小标宋).
    TableTitle,
    /// A header label (仿宋).
    Label,
    /// A table's notes (仿宋).
    Note,
}

impl TextKind {
    /// The kind's name in the interface's language.
    pub fn name(self) -> String {
        t!(match self {
            TextKind::Title => "kind-title",
            TextKind::PartHeading => "kind-part-heading",
            TextKind::Heading1 => "kind-heading1",
            TextKind::Heading2 => "kind-heading2",
            TextKind::Body => "kind-body",
            TextKind::TableTitle => "kind-table-title",
            TextKind::Label => "kind-label",
            TextKind::Note => "kind-note",
        })
    }
}

/// Every text that may hold references, with its field path and what it is
/// printed as.
fn texts(r: &crate::Report) -> Vec<(String, &str, TextKind)> {
    let mut v: Vec<(String, &str, TextKind)> = Vec::new();
    if let Some(t) = &r.title {
        v.push(("title".into(), t, TextKind::Title));
    }
    v.push(("agency".into(), &r.agency, TextKind::Body));
    if let Some(s) = &r.signature {
        v.push(("signature".into(), s, TextKind::Body));
    }
    for (def, d) in r.template.tables.iter().zip(&r.tables) {
        for (key, text) in &d.labels {
            v.push((format!("tables.{}.{}.{key}", def.label, crate::load::LABELS), text, TextKind::Label));
        }
    }
    let np = r.template.part_index(er_template::Part::Narrative) + 1;
    let sp = 3 - np;
    v.push((format!("part{np}.heading"), &r.narrative.heading, TextKind::PartHeading));
    v.push((format!("part{sp}.heading"), &r.statistics_heading, TextKind::PartHeading));
    let mut agency_in_title = false;
    for (ti, def) in r.template.tables.iter().enumerate() {
        let d = &r.tables[ti];
        match &d.title {
            Some(t) => v.push((format!("tables.{}.标题", def.label), t, TextKind::TableTitle)),
            // The template's title may name the agency: its characters are
            // set in the title's face there.
            None if !agency_in_title && !r.agency.trim().is_empty() && def.title_for(&r.agency, r.year).contains(r.agency.trim()) => {
                agency_in_title = true;
                v.push(("agency".into(), &r.agency, TextKind::TableTitle));
            }
            None => {}
        }
        for (i, n) in d.notes.iter().flatten().enumerate() {
            v.push((format!("tables.{}.说明[{i}]", def.label), n, TextKind::Note));
        }
        if d.notes.is_none() {
            // The template's notes are printed, references rendered.
            for (i, n) in def.notes.items.iter().enumerate() {
                v.push((format!("tables.{}.说明[{i}] (the template's note)", def.label), n, TextKind::Note));
            }
        }
    }
    for (i, b) in r.narrative.blocks.iter().enumerate() {
        match b {
            crate::report::Block::Heading1(t) => v.push((format!("part{np}.blocks[{i}].h1"), t, TextKind::Heading1)),
            crate::report::Block::Heading2(t) => v.push((format!("part{np}.blocks[{i}].h2"), t, TextKind::Heading2)),
            crate::report::Block::Paragraph { lead, text } => {
                if let Some(l) = lead {
                    v.push((format!("part{np}.blocks[{i}].h3"), l, TextKind::Body));
                }
                v.push((format!("part{np}.blocks[{i}].p"), text, TextKind::Body));
            }
        }
    }
    v
}

/// Every character of the data file's texts that the PDF draws from
/// another face than its role's (`stand_in` names the font that does, or
/// None when the role's own face has it), each where it stands, once a
/// text: 開 in a bold title drawn from a regular serif. A warning: the
/// character is drawn, in a face that differs.
///
/// ```
/// let l = er_data::load_file("../../fixtures/aral-emergency-2024.yaml".as_ref()).unwrap();
/// use er_data::check::TextKind;
/// let found = er_data::check::faces(&l, &|k, c| (k == TextKind::Heading1 && c == '行').then(|| "某字体".to_string()));
/// assert!(!found.is_empty() && found.iter().all(|d| !d.is_error() && d.message.contains("某字体")));
/// ```
pub fn faces(l: &Loaded, stand_in: &dyn Fn(TextKind, char) -> Option<String>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (path, text, kind) in texts(&l.report) {
        let mut seen = std::collections::BTreeSet::new();
        for (at, c) in text.chars().enumerate() {
            if c.is_whitespace() || !seen.insert(c) {
                continue;
            }
            if let Some(family) = stand_in(kind, c) {
                out.push(
                    Diagnostic::warning(&l.file, locate_in(l, &path, at), &path, t!("check-stand-in-face", character = c, code = format!("U+{:04X}", c as u32), kind = kind.name(), family = family))
                        .with_help(t!("help-check-stand-in-face")),
                );
            }
        }
    }
    out
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
    for (path, text, _) in texts(&l.report) {
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
                                        t!("check-written-percentage", written = written, table = label, key = key, phrase = phrase),
                                    )
                                    .with_help(t!("help-check-written-percentage", reference = format!("{{{fig}:同比:{precision}}}"))),
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
