//! Whether two templates give their figures the same meaning: a roll-up
//! adds up figures of one template only, and two files that share a
//! template's name may still differ in a column's unit.

use er_i18n::t;

use crate::Template;

/// The first way in which figures of `b` would mean something else than
/// those of `a`, in the reader's words; None when every table, column,
/// unit, decimal, total and rate is the same. Titles and notes may differ:
/// they do not change what a figure is.
///
/// ```
/// let a = er_template::builtin::get("national-2021-detailed").unwrap();
/// let mut b = a.clone();
/// assert_eq!(er_template::difference(&a, &b), None);
/// b.tables[0].columns[17].unit = er_template::Unit::万元;
/// let d = er_template::difference(&a, &b).unwrap();
/// assert!(d.contains(&b.tables[0].columns[17].key) && d.contains("万元"));
/// ```
pub fn difference(a: &Template, b: &Template) -> Option<String> {
    let labels = |t: &Template| t.tables.iter().map(|x| x.label.clone()).collect::<Vec<_>>();
    if labels(a) != labels(b) {
        return Some(t!("tpl-diff-tables", a = a.table_labels(), b = b.table_labels()));
    }
    for (ta, tb) in a.tables.iter().zip(&b.tables) {
        let keys = |t: &crate::TableDef| t.columns.iter().map(|c| c.key.clone()).collect::<Vec<_>>();
        if keys(ta) != keys(tb) {
            return Some(t!("tpl-diff-columns", table = ta.label, a = ta.figure_keys(), b = tb.figure_keys()));
        }
        for (ca, cb) in ta.columns.iter().zip(&tb.columns) {
            let what = |w: &str, x: String, y: String| Some(t!("tpl-diff-column", table = ta.label, key = ca.key, what = w, a = x, b = y));
            if ca.unit != cb.unit || ca.kind != cb.kind {
                return what(&t!("word-unit"), ca.unit.to_string(), cb.unit.to_string());
            }
            if ca.decimals != cb.decimals {
                return what(&t!("word-decimals"), ca.decimals.to_string(), cb.decimals.to_string());
            }
            let parts = |of: &Option<Vec<usize>>, t: &crate::TableDef| {
                of.as_ref().map_or_else(String::new, |v| v.iter().map(|&k| t.columns[k].key.as_str()).collect::<Vec<_>>().join("、"))
            };
            if parts(&ca.total_of, ta) != parts(&cb.total_of, tb) {
                return what(&t!("word-total-of"), parts(&ca.total_of, ta), parts(&cb.total_of, tb));
            }
            let rate = |r: &Option<crate::Rate>, t: &crate::TableDef| {
                r.map_or_else(String::new, |r| format!("{} ÷ {}（{}）", t.columns[r.part].key, t.columns[r.whole].key, r.rounding.chinese()))
            };
            if rate(&ca.rate, ta) != rate(&cb.rate, tb) {
                return what(&t!("word-rate"), rate(&ca.rate, ta), rate(&cb.rate, tb));
            }
            if ca.path != cb.path {
                return what(&t!("word-header"), ca.path_text(), cb.path_text());
            }
        }
    }
    None
}

/// A text that two templates share exactly when [`difference`] finds no
/// difference between them: what their figures mean, for grouping many
/// files by template (a roll-up counts which meaning most of them have).
///
/// ```
/// let a = er_template::builtin::get("national-2021-detailed").unwrap();
/// let mut b = a.clone();
/// b.tables[0].title = "另一个标题".into();
/// assert_eq!(er_template::meaning_key(&a), er_template::meaning_key(&b));
/// b.tables[0].columns[17].unit = er_template::Unit::万元;
/// assert!(er_template::difference(&a, &b).is_some());
/// assert_ne!(er_template::meaning_key(&a), er_template::meaning_key(&b));
/// ```
pub fn meaning_key(t: &Template) -> String {
    t.tables
        .iter()
        .flat_map(|d| {
            d.columns.iter().map(move |c| format!("{}|{}|{}|{:?}|{}|{:?}|{:?}|{:?}", d.label, c.key, c.unit, c.kind, c.decimals, c.total_of, c.rate, c.path))
        })
        .collect::<Vec<_>>()
        .join("\n")
}
