//! Tables matched to a template by their labels, and their figures read:
//! a blank cell is "no such power", a figure that cannot be read is left
//! to fill, an amount keeps every digit written.

use std::sync::Arc;

use er_template::{Kind, TableDef, Template};

use crate::source::{Cell, SourceTable};

/// A label as compared: no spaces or line breaks, brackets and colons in
/// their full-width form.
///
/// ```
/// assert_eq!(er_import::tables::normalize("第一种\n情形 (万元)"), "第一种情形（万元）");
/// ```
pub fn normalize(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{3000}')
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            ':' => '：',
            ',' => '，',
            c => c,
        })
        .collect()
}

/// How well a source table's labels cover a template table's: the share
/// of the template's header labels found among the cells.
pub fn score(st: &SourceTable, def: &TableDef) -> f64 {
    let found: std::collections::BTreeSet<String> = st.cells.iter().map(|c| normalize(&c.text)).filter(|t| !t.is_empty()).collect();
    let labels: Vec<String> = def.grid.iter().map(|h| normalize(&h.text)).collect();
    if labels.is_empty() {
        return 0.0;
    }
    let hits = labels.iter().filter(|l| found.contains(*l)).count() as f64;
    let mut s = hits / labels.len() as f64;
    if st.label.as_deref() == Some(def.label.as_str()) {
        s += 0.01; // a tie goes to the table of the same label
    }
    s
}

/// The least share of labels that makes a match.
pub const MATCH: f64 = 0.5;

/// Each source table's template table (by index), or None; a template
/// table is given at most once, best scores first.
pub fn assign(tables: &[&SourceTable], t: &Template) -> Vec<Option<usize>> {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (si, st) in tables.iter().enumerate() {
        for (ti, def) in t.tables.iter().enumerate() {
            let s = score(st, def);
            if s >= MATCH {
                pairs.push((s, si, ti));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut out = vec![None; tables.len()];
    let mut taken = vec![false; t.tables.len()];
    for (_, si, ti) in pairs {
        if out[si].is_none() && !taken[ti] {
            out[si] = Some(ti);
            taken[ti] = true;
        }
    }
    out
}

/// The template whose tables the source's match best: the one given, or
/// the best of the candidates, with its total score.
pub fn choose(tables: &[&SourceTable], candidates: &[Arc<Template>]) -> Option<(Arc<Template>, f64)> {
    candidates
        .iter()
        .map(|t| {
            let a = assign(tables, t);
            let total: f64 = a.iter().enumerate().filter_map(|(si, ti)| ti.map(|ti| score(tables[si], &t.tables[ti]))).sum();
            (t.clone(), total)
        })
        .filter(|(_, s)| *s > 0.0)
        .max_by(|a, b| a.1.total_cmp(&b.1))
}

/// A figure as read from a cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Read {
    /// The figure as written, in plain digits: 27, 173.7821088.
    Value(String),
    /// An empty cell: no such power.
    Blank,
    /// Not a figure: left 待填, with what the cell held.
    ToFill(String),
}

/// The value cells of a source table for `def`: its last row, or, for a
/// published text, the last cells that are figures or empty.
pub fn value_cells<'a>(st: &'a SourceTable, def: &TableDef) -> Vec<&'a Cell> {
    let n = def.columns.len();
    let cells: Vec<&Cell> = match st.last_row {
        Some(k) => st.cells[k..].iter().collect(),
        None => {
            let run = st.cells.iter().rev().take_while(|c| is_blank(&c.text) || plain_number(&c.text).is_some()).count();
            st.cells[st.cells.len() - run..].iter().collect()
        }
    };
    let skip = cells.len().saturating_sub(n);
    cells[skip..].to_vec()
}

fn is_blank(t: &str) -> bool {
    matches!(t.trim(), "" | "—" | "－" | "-" | "/" | "／" | "——")
}

/// A figure written with thousands commas or full-width digits, in plain
/// digits: "1,234" → "1234", "２７" → "27"; None for text that is no number.
pub fn plain_number(t: &str) -> Option<String> {
    let s: String = t
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | ' '))
        .map(|c| match c {
            '\u{FF10}'..='\u{FF19}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '．' => '.',
            c => c,
        })
        .collect();
    let ok = !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || c == '.') && s.chars().filter(|c| *c == '.').count() <= 1 && s.chars().next().is_some_and(|c| c.is_ascii_digit());
    ok.then_some(s)
}

/// Reads one cell as a figure of `kind`.
pub fn read(text: &str, kind: Kind) -> Read {
    if is_blank(text) {
        return Read::Blank;
    }
    match (plain_number(text), kind) {
        (Some(n), Kind::Amount) => Read::Value(n),
        (Some(n), Kind::Count) => {
            // 27.0 from a spreadsheet is 27; 27.5 is no count.
            let whole = n.split('.').next().unwrap_or("").to_string();
            let fraction_zero = n.split('.').nth(1).is_none_or(|f| f.chars().all(|c| c == '0'));
            if fraction_zero && whole.parse::<u32>().is_ok() {
                Read::Value(whole)
            } else {
                Read::ToFill(text.to_string())
            }
        }
        (None, _) => Read::ToFill(text.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_as_people_write_them() {
        assert_eq!(read("1,234", Kind::Count), Read::Value("1234".into()));
        assert_eq!(read("２７", Kind::Count), Read::Value("27".into()));
        assert_eq!(read("", Kind::Count), Read::Blank);
        assert_eq!(read("—", Kind::Amount), Read::Blank);
        assert_eq!(read("173.7821088", Kind::Amount), Read::Value("173.7821088".into()));
        assert_eq!(read("27.0", Kind::Count), Read::Value("27".into()));
        assert_eq!(read("约30", Kind::Count), Read::ToFill("约30".into()));
        assert_eq!(read("2.5", Kind::Count), Read::ToFill("2.5".into()));
    }
}

/// A label as compared for its meaning: [`normalize`]d, its unit in
/// brackets left out: 某项金额（元） and 某项金额 (万元) are both 某项金额.
fn meaning(s: &str) -> String {
    let n = normalize(s);
    match (n.find('（'), n.ends_with('）')) {
        (Some(i), true) => n[..i].to_string(),
        _ => n,
    }
}

/// The unit a label names in its brackets: 某项金额（元） → 元.
///
/// ```
/// assert_eq!(er_import::tables::unit_of("某项金额\n(元)"), Some(er_template::Unit::元));
/// assert_eq!(er_import::tables::unit_of("给付总金额（万元）"), Some(er_template::Unit::万元));
/// assert_eq!(er_import::tables::unit_of("某项数量"), None);
/// ```
pub fn unit_of(label: &str) -> Option<er_template::Unit> {
    let n = normalize(label);
    let open = n.rfind('（')?;
    let inner = n[open + '（'.len_utf8()..].trim_end_matches('）');
    er_template::Unit::parse(&inner.replace('％', "%"))
}

/// The value cells of a source table matched to `def`'s columns by the
/// labels above them (their header path), when the source has a grid and
/// every column is found once: columns in another order than the
/// template's are read right. Each cell comes with the labels above it.
/// None when the labels do not decide, and the cells stand by position.
pub fn by_label<'a>(st: &'a SourceTable, def: &TableDef) -> Option<Vec<(&'a Cell, Vec<&'a str>)>> {
    let k = st.last_row?;
    let (header, values) = st.cells.split_at(k);
    let covers = |c: &Cell, col: usize| c.columns.is_some_and(|(first, n)| first <= col && col < first + n);
    let mut above: Vec<(&Cell, Vec<&str>)> = Vec::new();
    for v in values {
        let (col, _) = v.columns?;
        above.push((v, header.iter().filter(|h| covers(h, col)).map(|h| h.text.as_str()).collect()));
    }
    let mut out = Vec::with_capacity(def.columns.len());
    let mut used = vec![false; above.len()];
    for c in &def.columns {
        let path: Vec<String> = c.path.iter().map(|p| meaning(p)).collect();
        let fits: Vec<usize> = above
            .iter()
            .enumerate()
            .filter(|(_, (_, labels))| {
                let labels: Vec<String> = labels.iter().map(|l| meaning(l)).collect();
                // The column's own label, and every group label above it.
                path.last().is_some_and(|leaf| labels.last() == Some(leaf)) && path.iter().all(|p| labels.contains(p))
            })
            .map(|(i, _)| i)
            .collect();
        match fits.as_slice() {
            [i] if !used[*i] => {
                used[*i] = true;
                out.push(above[*i].clone());
            }
            _ => return None,
        }
    }
    Some(out)
}

/// An amount written in `from` in the unit `to`, exactly: 元 and 万元
/// convert (× or ÷ 10,000); no other pair does.
///
/// ```
/// use er_template::Unit;
/// assert_eq!(er_import::tables::convert("1737821.088", Unit::元, Unit::万元).as_deref(), Some("173.7821088"));
/// assert_eq!(er_import::tables::convert("3.6", Unit::万元, Unit::元).as_deref(), Some("36000"));
/// assert_eq!(er_import::tables::convert("12", Unit::Percent, Unit::万元), None);
/// ```
pub fn convert(value: &str, from: er_template::Unit, to: er_template::Unit) -> Option<String> {
    use er_template::Unit;
    let v = rust_decimal::Decimal::from_str_exact(value).ok()?;
    let wan = rust_decimal::Decimal::from(10_000);
    let out = match (from, to) {
        (a, b) if a == b => v,
        (Unit::元, Unit::万元) => v.checked_div(wan)?,
        (Unit::万元, Unit::元) => v.checked_mul(wan)?,
        _ => return None,
    };
    Some(out.normalize().to_string())
}

/// Whether the last row of a source table is the report's own. Its figures
/// are read from it; when rows of figures stand above it too (last year's
/// row, one row per unit), the last row must say it is the report's: a
/// cell that is no figure naming the year or what the template calls a
/// total (`totals`). Otherwise the labels the last row has, so that its
/// figures are left to fill rather than taken from another row.
///
/// ```
/// use er_import::source::{Cell, SourceTable};
/// let cell = |t: &str| Cell { text: t.into(), place: String::new(), columns: None };
/// let table = |rows: &[&[&str]]| {
///     let mut st = SourceTable::default();
///     for (i, r) in rows.iter().enumerate() {
///         if i + 1 == rows.len() {
///             st.last_row = Some(st.cells.len());
///         }
///         st.cells.extend(r.iter().map(|t| cell(t)));
///     }
///     st
/// };
/// let two_years = table(&[&["年度", "申请", "许可"], &["2024年", "12", "10"], &["2023年", "9", "8"]]);
/// assert_eq!(er_import::tables::last_row_is_the_reports(&two_years, Some(2024), &[]), Err(vec!["2023年".to_string()]));
/// assert_eq!(er_import::tables::last_row_is_the_reports(&two_years, Some(2023), &[]), Ok(()));
/// let one_row = table(&[&["申请", "许可"], &["12", "10"]]);
/// assert_eq!(er_import::tables::last_row_is_the_reports(&one_row, None, &[]), Ok(()));
/// ```
pub fn last_row_is_the_reports(st: &SourceTable, year: Option<u16>, totals: &[&str]) -> Result<(), Vec<String>> {
    let Some(k) = st.last_row else { return Ok(()) };
    let (above, row) = st.cells.split_at(k.min(st.cells.len()));
    if above.iter().filter(|c| plain_number(&c.text).is_some()).count() < 2 {
        return Ok(());
    }
    let labels: Vec<String> = row.iter().map(|c| normalize(&c.text)).filter(|t| !is_blank(t) && plain_number(t).is_none()).collect();
    let year = year.map(|y| y.to_string());
    let says = labels.iter().any(|l| totals.iter().any(|t| l.contains(t)) || year.as_deref().is_some_and(|y| l.contains(y)));
    if says {
        Ok(())
    } else {
        Err(labels)
    }
}
