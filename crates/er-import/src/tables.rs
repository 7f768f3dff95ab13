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

pub fn is_blank(t: &str) -> bool {
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

/// Whether a unit is one of money (元, 万元).
pub fn is_money(u: er_template::Unit) -> bool {
    matches!(u, er_template::Unit::元 | er_template::Unit::万元)
}

/// A figure written in `from` in the unit `to`, exactly: 元 and 万元
/// convert (× or ÷ 10,000); 件 and 宗 both count cases; a unit is itself.
/// No other pair converts: a figure in 元 under a count, or in 件 under
/// an amount, is no figure of the column.
///
/// ```
/// use er_template::Unit;
/// assert_eq!(er_import::tables::convert("1737821.088", Unit::元, Unit::万元).as_deref(), Some("173.7821088"));
/// assert_eq!(er_import::tables::convert("3.6", Unit::万元, Unit::元).as_deref(), Some("36000"));
/// assert_eq!(er_import::tables::convert("27", Unit::件, Unit::宗).as_deref(), Some("27"));
/// assert_eq!(er_import::tables::convert("12", Unit::Percent, Unit::万元), None);
/// assert_eq!(er_import::tables::convert("12", Unit::元, Unit::件), None);
/// ```
pub fn convert(value: &str, from: er_template::Unit, to: er_template::Unit) -> Option<String> {
    use er_template::Unit;
    let v = rust_decimal::Decimal::from_str_exact(value).ok()?;
    let wan = rust_decimal::Decimal::from(10_000);
    let out = match (from, to) {
        (a, b) if a == b => return Some(value.to_string()),
        (Unit::件, Unit::宗) | (Unit::宗, Unit::件) => return Some(value.to_string()),
        (Unit::元, Unit::万元) => v.checked_div(wan)?,
        (Unit::万元, Unit::元) => v.checked_mul(wan)?,
        _ => return None,
    };
    Some(out.normalize().to_string())
}

/// The first row of a table that holds a figure: the rows above it are
/// its header.
pub fn first_figure_row(st: &SourceTable) -> Option<usize> {
    (0..st.rows.len()).find(|&r| holds_figures(st.row(r)))
}

/// Whether a row holds figures: a cell that is a number, in a row that
/// is no column numbering.
fn holds_figures(cells: &[Cell]) -> bool {
    cells.iter().any(|c| plain_number(&c.text).is_some()) && !numbering(cells)
}

/// A row that numbers the columns under the header (栏次 1 2 3 …, as
/// statistics tables print it): figures 1, 2, 3 … in order, labelled 栏次,
/// 序号 or 甲/乙 or not at all. It is the header's, not a row of figures.
///
/// ```
/// use er_import::source::Cell;
/// let row = |t: &[&str]| t.iter().map(|t| Cell { text: t.to_string(), place: String::new(), columns: None }).collect::<Vec<_>>();
/// assert!(er_import::tables::numbering(&row(&["栏次", "1", "2", "3", "4"])));
/// assert!(er_import::tables::numbering(&row(&["甲", "1", "2", "3"])));
/// assert!(!er_import::tables::numbering(&row(&["2024年", "1", "2", "3"])));
/// assert!(!er_import::tables::numbering(&row(&["", "12", "10", "2"])));
/// ```
pub fn numbering(cells: &[Cell]) -> bool {
    let figures: Vec<String> = cells.iter().filter_map(|c| plain_number(&c.text)).collect();
    let label = row_label(cells);
    let labelled_so = label.split(' ').all(|l| l.is_empty() || ["栏次", "序号", "甲", "乙", "丙"].contains(&l));
    figures.len() >= 3 && figures.iter().enumerate().all(|(i, f)| *f == (i + 1).to_string()) && labelled_so
}

/// What a row says of itself: its cells that are neither figures nor
/// blank (a totals row's word, 2024年, a unit's name), joined.
pub fn row_label(cells: &[Cell]) -> String {
    cells.iter().map(|c| normalize(&c.text)).filter(|t| !is_blank(t) && plain_number(t).is_none()).collect::<Vec<_>>().join(" ")
}

/// The years a label names: 2023年, 2023年度, 2023 (four digits from 1900
/// to 2100 not part of a longer number).
fn years_in(label: &str) -> Vec<u16> {
    four_digits(label).into_iter().map(|(_, y)| y).filter(|y| (1900..=2100).contains(y)).collect()
}

/// Each run of exactly four digits in `text`: where it starts (in
/// characters) and its value. The one scanner behind the years the import
/// reads: a row's, the text's 20XX年度, the title's 某局2024年….
pub(crate) fn four_digits(text: &str) -> Vec<(usize, u16)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let n = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 4 {
            if let Ok(y) = chars[i..i + 4].iter().collect::<String>().parse::<u16>() {
                out.push((i, y));
            }
        }
        i += n.max(1);
    }
    out
}

/// What decides the report's row of a table with several rows of figures.
#[derive(Debug, Clone, Default)]
pub struct RowHints<'a> {
    /// The year the report covers: a row naming another is not its.
    pub year: Option<u16>,
    /// What a totals row is called: the template's totals and [`er_template::TOTAL_ROW`].
    pub totals: Vec<&'a str>,
    /// The agency: a row of its name is its own.
    pub agency: Option<&'a str>,
    /// The row the user named (`--row`): its label holds this.
    pub wanted: Option<&'a str>,
}

/// Why no row of a table could be taken as the report's.
#[derive(Debug, Clone, PartialEq)]
pub enum RowProblem {
    /// Several rows could be the report's: their labels.
    Several(Vec<String>),
    /// The rows of figures name other years than the report's: their labels.
    OtherYear(Vec<String>),
    /// No row's label holds what `--row` named: the labels there are.
    NotFound(Vec<String>),
}

/// The report's row of a table, by what the rows say: the only row of
/// figures; else the one the user named (`--row`); else the one of the
/// report's year (a row of another year never); else the one totals row;
/// else the agency's own row. Several that could be, and nothing decides:
/// an error listing them. None for a table without rows (a published text
/// of one cell a line), whose figures are its last cells.
///
/// ```
/// use er_import::source::{Cell, SourceTable};
/// use er_import::tables::{choose_row, RowHints, RowProblem};
/// let table = |rows: &[&[&str]]| {
///     let mut st = SourceTable::default();
///     for r in rows {
///         st.start_row();
///         st.cells.extend(r.iter().map(|t| Cell { text: t.to_string(), place: String::new(), columns: None }));
///     }
///     st
/// };
/// let two_years = table(&[&["年度", "申请", "许可"], &["2024年", "12", "10"], &["2023年", "9", "8"]]);
/// let hints = |year| RowHints { year, totals: vec![er_template::TOTAL_ROW], ..RowHints::default() };
/// assert_eq!(choose_row(&two_years, &hints(Some(2024))), Ok(Some(1)));
/// assert_eq!(choose_row(&two_years, &hints(Some(2023))), Ok(Some(2)));
/// assert_eq!(choose_row(&two_years, &hints(None)), Err(RowProblem::Several(vec!["2024年".into(), "2023年".into()])));
/// let units = table(&[&["单位", "申请", "许可"], &[er_template::TOTAL_ROW, "21", "18"], &["甲科", "12", "10"], &["乙科", "9", "8"]]);
/// assert_eq!(choose_row(&units, &hints(Some(2024))), Ok(Some(1)));
/// let wanted = RowHints { wanted: Some("乙科"), ..hints(None) };
/// assert_eq!(choose_row(&units, &wanted), Ok(Some(3)));
/// ```
pub fn choose_row(st: &SourceTable, hints: &RowHints) -> Result<Option<usize>, RowProblem> {
    if st.rows.is_empty() {
        return Ok(None);
    }
    let Some(first) = first_figure_row(st) else {
        // No figure anywhere: the last row, whose cells are blank.
        return Ok(Some(st.rows.len() - 1));
    };
    let rows: Vec<usize> = (first..st.rows.len()).filter(|&r| holds_figures(st.row(r))).collect();
    let label = |r: usize| row_label(st.row(r));
    let labels = |rs: &[usize]| rs.iter().map(|&r| label(r)).collect::<Vec<_>>();
    // Rows of other years than the report's are never its.
    let (other_years, rows): (Vec<usize>, Vec<usize>) = rows.into_iter().partition(|&r| {
        let years = years_in(&label(r));
        hints.year.is_some_and(|y| !years.is_empty() && !years.contains(&y))
    });
    match rows.as_slice() {
        [] => return Err(RowProblem::OtherYear(labels(&other_years))),
        [only] => return Ok(Some(*only)),
        _ => {}
    }
    let one = |pick: &dyn Fn(&str) -> bool| -> Option<usize> {
        let found: Vec<usize> = rows.iter().copied().filter(|&r| pick(&label(r))).collect();
        (found.len() == 1).then(|| found[0])
    };
    if let Some(w) = hints.wanted.map(normalize) {
        return one(&|l| l.contains(&w)).map(Some).ok_or_else(|| RowProblem::NotFound(labels(&rows)));
    }
    let year = hints.year.map(|y| y.to_string());
    let deciders: [&dyn Fn(&str) -> bool; 3] = [
        &|l| year.as_deref().is_some_and(|y| l.contains(y)),
        &|l| hints.totals.iter().any(|t| l.contains(&normalize(t))),
        &|l| hints.agency.is_some_and(|a| !a.is_empty() && normalize(l) == normalize(a)),
    ];
    for pick in deciders {
        if let Some(r) = one(pick) {
            return Ok(Some(r));
        }
    }
    Err(RowProblem::Several(labels(&rows)))
}

/// Where a template column's figure stands in the source: the cell, with
/// the labels above it (its header path, whose units are read), or why
/// there is none.
#[derive(Debug, Clone)]
pub enum Found<'a> {
    Cell(&'a Cell, Vec<&'a str>),
    Missing(String),
}

/// Whether two labels can name one column: one holds the other, or they
/// share half the characters of the shorter (a label a clerk shortened,
/// and the template's).
fn related(a: &str, b: &str) -> bool {
    if a.contains(b) || b.contains(a) {
        return true;
    }
    let (short, long) = if a.chars().count() <= b.chars().count() { (a, b) } else { (b, a) };
    let shared = short.chars().filter(|c| long.contains(*c)).count();
    shared * 2 >= short.chars().count().max(1)
}

/// The figures of a table's row (`row`, or the last cells of a table
/// without rows) matched to `def`'s columns: by the labels above them
/// where the source has a grid (columns in another order are read right;
/// a row label or a blank shifts nothing); by position only where the
/// row holds exactly the template's number of figures and every column
/// found by label stands at its place. A column neither finds is missing,
/// with the reason.
pub fn columns<'a>(st: &'a SourceTable, row: Option<usize>, def: &TableDef) -> Vec<Found<'a>> {
    let n = def.columns.len();
    let (header, values): (Vec<&Cell>, Vec<&Cell>) = match row {
        Some(r) => {
            let h = first_figure_row(st).unwrap_or(r).min(r);
            ((0..h).filter(|&k| !numbering(st.row(k))).flat_map(|k| st.row(k)).collect(), st.row(r).iter().collect())
        }
        None => {
            let mut run = st.cells.iter().rev().take_while(|c| is_blank(&c.text) || plain_number(&c.text).is_some()).count();
            // Blank header cells (a published text's empty corner) before
            // the figures: the figures are the last cells.
            while run > def.columns.len() && is_blank(&st.cells[st.cells.len() - run].text) {
                run -= 1;
            }
            let (h, v) = st.cells.split_at(st.cells.len() - run);
            (h.iter().collect(), v.iter().collect())
        }
    };
    // The row's figures: after its last label (a totals row's word, a unit's name).
    let start = values.iter().rposition(|c| !is_blank(&c.text) && plain_number(&c.text).is_none()).map_or(0, |k| k + 1);
    let figures = &values[start..];
    let covers = |h: &Cell, col: usize| h.columns.is_some_and(|(first, span)| first <= col && col < first + span);
    // The labels above each figure, top down, as written and as compared.
    let above: Vec<Vec<&'a str>> = figures
        .iter()
        .map(|v| match v.columns {
            Some((col, _)) => header.iter().filter(|h| covers(h, col)).map(|h| h.text.as_str()).collect(),
            None => Vec::new(),
        })
        .collect();
    let meant: Vec<Vec<String>> = above.iter().map(|labels| labels.iter().map(|x| meaning(x)).collect()).collect();
    let leaf = |c: &er_template::Column| c.path.last().map(|p| meaning(p)).unwrap_or_default();
    // By label: the figure whose lowest label is the column's; groups
    // decide between several, and must be there unless the label is the
    // template table's only one of its name.
    let by_label: Vec<Option<usize>> = def
        .columns
        .iter()
        .map(|c| {
            let l = leaf(c);
            let unique = def.columns.iter().filter(|o| leaf(o) == l).count() == 1;
            let groups: Vec<String> = c.path.iter().rev().skip(1).map(|p| meaning(p)).collect();
            let fits: Vec<usize> = (0..figures.len()).filter(|&i| meant[i].last() == Some(&l)).collect();
            let grouped: Vec<usize> = fits.iter().copied().filter(|&i| groups.iter().all(|g| meant[i].contains(g))).collect();
            match (fits.as_slice(), grouped.as_slice()) {
                (_, [i]) => Some(*i),
                ([i], []) if unique => Some(*i),
                _ => None,
            }
        })
        .collect();
    // Two columns on one figure: the labels do not decide.
    let mut taken: Vec<usize> = by_label.iter().flatten().copied().collect();
    taken.sort_unstable();
    let clash = taken.windows(2).any(|w| w[0] == w[1]);
    let in_place = figures.len() == n && by_label.iter().enumerate().all(|(k, f)| f.is_none_or(|i| i == k));
    def.columns
        .iter()
        .enumerate()
        .map(|(k, c)| {
            if let (Some(i), false) = (by_label[k], clash) {
                return Found::Cell(figures[i], above[i].clone());
            }
            if !in_place || clash {
                return Found::Missing(er_i18n::t!("import-why-no-column", label = leaf(c), found = figures.len(), expected = n));
            }
            let (cell, labels) = (figures[k], above[k].clone());
            match labels.last() {
                // A figure under a label of another meaning is no one's.
                Some(l) if !related(&meaning(l), &leaf(c)) => Found::Missing(er_i18n::t!("import-why-other-label", label = leaf(c), other = l.to_string())),
                _ => {
                    // No label above it (a published text): the unit its
                    // column's label names, wherever that stands in the header.
                    let named: Vec<&'a str> = header.iter().filter(|h| meaning(&h.text) == leaf(c)).map(|h| h.text.as_str()).collect();
                    Found::Cell(cell, if labels.is_empty() && named.len() == 1 { named } else { labels })
                }
            }
        })
        .collect()
}
