//! The rules a loaded report must meet before it is published: totals that
//! add up, amounts within the precision of 0.001 元, labels that exist.

use crate::diag::Diagnostic;
use crate::figures::{Count, Figure, AMOUNT_MAX_DECIMALS, AMOUNT_MAX_INTEGER_DIGITS};
use crate::load::Loaded;
use crate::tables::{sum_counts, FigureValue, TableId, TABLES_HELP};

/// Every finding about a loaded report, in table and column order.
/// Errors stop a render; warnings do not.
///
/// ```
/// use enforcement_report_model::{check, load_file};
/// let loaded = load_file("../../fixtures/aral-emergency-2024.yaml".as_ref()).unwrap();
/// assert!(check(&loaded).is_empty());
/// ```
pub fn check(l: &Loaded) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let r = &l.report;
    let t = &r.tables;
    total_rule(l, TableId::Penalties, "合计", t.penalties.total, &t.penalties.categories(), &mut out);
    total_rule(l, TableId::Coercion, "合并", t.coercion.total, &t.coercion.counts(), &mut out);
    for id in TableId::ALL {
        let def = id.def();
        let total = def.total.as_ref().map(|t| t.column);
        for (i, (col, value)) in def.columns.iter().zip(t.values(id)).enumerate() {
            let path = format!("tables.{}.{}", def.label, col.key);
            // A total still to fill is computed once its parts are filled.
            if Some(i) != total && value.is_to_fill() {
                out.push(
                    Diagnostic::error(&l.file, l.locate(&path), &path, format!("{} {} is still to fill (待填)", def.label, col.key))
                        .with_help("write the figure, or ~ if the agency has no such power"),
                );
            }
            let FigureValue::Amount(Figure::Value(a)) = value else { continue };
            if a.0.is_sign_negative() && !a.0.is_zero() {
                out.push(
                    Diagnostic::error(&l.file, l.locate(&path), &path, format!("{} is negative ({a} 万元)", col.key))
                        .with_help("an amount is 0 or more"),
                );
            }
            if a.0.abs().trunc().normalize().to_string().len() as u32 > AMOUNT_MAX_INTEGER_DIGITS {
                out.push(
                    Diagnostic::error(&l.file, l.locate(&path), &path, format!("{} {a} 万元 has more than {AMOUNT_MAX_INTEGER_DIGITS} digits before the point", col.key))
                        .with_help("amounts are in 万元: 1737821.088 元 is written 173.7821088"),
                );
            }
            if a.decimals() > AMOUNT_MAX_DECIMALS {
                out.push(
                    Diagnostic::error(
                        &l.file,
                        l.locate(&path),
                        &path,
                        format!("{} {a} has {} decimal places; amounts in 万元 have at most {AMOUNT_MAX_DECIMALS} (0.001 元)", col.key, a.decimals()),
                    )
                    .with_help("amounts are in 万元: 1737821.088 元 is written 173.7821088"),
                );
            }
        }
        let over = t.overrides(id);
        for key in over.labels.keys() {
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
    if r.report_date.year < r.year {
        out.push(
            Diagnostic::warning(
                &l.file,
                l.locate("report_date"),
                "report_date",
                format!("the report is dated {} , before the end of the year {} it reports on", r.report_date, r.year),
            )
            .with_help("the report is usually signed in January of the following year"),
        );
    }
    out
}

/// A total that is given must equal the sum of its parts; one left out is computed.
fn total_rule(
    l: &Loaded,
    id: TableId,
    name: &str,
    total: Option<Figure<Count>>,
    parts: &[Figure<Count>],
    out: &mut Vec<Diagnostic>,
) {
    let def = id.def();
    let path = format!("tables.{}.{name}", def.label);
    let Some(spec) = &def.total else { return };
    if parts.contains(&Figure::ToFill) {
        return; // listed as still to fill; the sum is checked once they are given
    }
    let keys = &def.columns[spec.of.clone()];
    let Some(sum) = sum_counts(parts) else {
        out.push(
            Diagnostic::error(&l.file, l.locate(&path), &path, format!("the counts that {name} adds up exceed 4294967295"))
                .with_help("check the counts of this table for a typing error"),
        );
        return;
    };
    match total {
        None => {}
        Some(Figure::NoPower) => out.push(
            Diagnostic::error(&l.file, l.locate(&path), &path, format!("{name} is blank (~), but a total is always a number"))
                .with_help(format!("write the total, or leave {name} out to have it computed")),
        ),
        Some(Figure::Value(given)) if given != sum => {
            let terms: Vec<String> = keys
                .iter()
                .zip(parts)
                .filter_map(|(c, f)| f.value().filter(|&v| v != 0).map(|v| format!("{} {v}", c.key)))
                .collect();
            let terms = if terms.is_empty() { "all are 0 or blank".to_string() } else { terms.join(" + ") };
            out.push(
                Diagnostic::error(
                    &l.file,
                    l.locate(&path),
                    &path,
                    format!("{name} is {given}, but the {} counts of {} add up to {sum} ({terms})", keys.len(), def.label),
                )
                .with_help(format!("correct {name} or the count that is wrong, or leave {name} out to have it computed")),
            );
        }
        Some(_) => {}
    }
}

/// Last year's figures name real tables and figures.
fn previous_year(l: &Loaded, out: &mut Vec<Diagnostic>) {
    for (label, figures) in &l.report.previous_year {
        let path = format!("previous_year.{label}");
        let Some(id) = TableId::from_label(label) else {
            out.push(
                Diagnostic::error(&l.file, l.locate(&path), &path, format!("there is no table {label}")).with_help(TABLES_HELP),
            );
            continue;
        };
        for key in figures.keys() {
            if id.def().column(key).is_none() {
                let p = format!("{path}.{key}");
                out.push(
                    Diagnostic::error(&l.file, l.locate(&p), &p, format!("{label} has no figure {key}"))
                        .with_help(format!("the figures of {label} are: {}", id.def().figure_keys())),
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
    v.push(("part1.heading".into(), &r.part1.heading));
    for (i, b) in r.part1.blocks.iter().enumerate() {
        match b {
            crate::report::Block::Heading1(t) => v.push((format!("part1.blocks[{i}].h1"), t)),
            crate::report::Block::Heading2(t) => v.push((format!("part1.blocks[{i}].h2"), t)),
            crate::report::Block::Paragraph { lead, text } => {
                if let Some(l) = lead {
                    v.push((format!("part1.blocks[{i}].h3"), l));
                }
                v.push((format!("part1.blocks[{i}].p"), text));
            }
        }
    }
    v
}

/// The line and column of the character `at` of the text at `path`: exact
/// for a text on one line, the text's start otherwise.
fn locate_in(l: &Loaded, path: &str, at: usize) -> Option<crate::Loc> {
    let node = l.index.get(path)?;
    let s = node.scalar.as_ref()?;
    let single_line = !s.text.contains('\n');
    let lead = if s.plain { 0 } else { 1 };
    Some(if single_line { crate::Loc { line: node.loc.line, column: node.loc.column + lead + at } } else { node.loc })
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
                        let figures = TableId::from_label(label).and_then(|id| {
                            let col = id.def().column(key)?;
                            Some((l.report.tables.values(id)[col].number()?, l.report.previous_figure(id, key)?))
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
