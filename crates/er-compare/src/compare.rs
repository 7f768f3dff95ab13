//! What changed between two versions of a report's data, in a clerk's
//! words: each figure by table and column, each paragraph by its place in
//! the outline, labels, titles and notes. Also the correction notice
//! (更正说明) that lists the corrected figures.

use er_data::figures::TO_FILL;
use er_data::report::{Block as DataBlock, Report};
use er_data::FigureValue;

use er_document::document::CellRole;
use er_typeset::build;

/// One difference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Where: a table's label and a figure's key, 第一部分 › 二、… › 2.…, a table's label and 说明 2 …
    pub place: String,
    pub old: String,
    pub new: String,
    /// The figure changed, for the correction notice: table and column
    /// indexes in the template, and the figure's unit.
    pub figure: Option<(usize, usize, &'static str)>,
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let show = |s: &str| match s {
            "" => er_i18n::t!("diff-none"),
            BLANK => er_i18n::t!("diff-blank"),
            s => s.to_string(),
        };
        write!(f, "{}", er_i18n::t!("diff-change", place = self.place, old = show(&self.old), new = show(&self.new)))
    }
}

/// A blank figure (no such power) as a change holds it; the correction
/// notice, an official Chinese text, prints it so.
const BLANK: &str = "空（无此职权）";

fn figure_text(v: FigureValue) -> String {
    if v.is_blank() {
        BLANK.into()
    } else if v.is_to_fill() {
        TO_FILL.into()
    } else {
        v.text()
    }
}

pub use er_align::{changed_pairs, changed_runs};

fn push(out: &mut Vec<Change>, place: String, old: &str, new: &str) {
    if old != new {
        out.push(Change { place, old: old.to_string(), new: new.to_string(), figure: None });
    }
}

/// Outline places of Part 1's blocks: 第一部分 › 一、… › （一）… › 1.…
fn outline(r: &Report) -> Vec<(String, String)> {
    let mut h1 = String::new();
    let mut h2 = String::new();
    let mut out = Vec::new();
    let part = r.narrative.heading.split_whitespace().next().unwrap_or("第一部分").to_string();
    for (i, b) in r.narrative.blocks.iter().enumerate() {
        let (place, text) = match b {
            DataBlock::Heading1(t) => {
                h1 = t.clone();
                h2.clear();
                (er_i18n::t!("place-heading", at = part, text = t), t.clone())
            }
            DataBlock::Heading2(t) => {
                h2 = t.clone();
                (er_i18n::t!("place-heading", at = format!("{part} › {h1}"), text = t), t.clone())
            }
            DataBlock::Paragraph { lead, text } => {
                let mut p = format!("{part} › {h1}");
                if !h2.is_empty() {
                    p.push_str(&format!(" › {h2}"));
                }
                match lead {
                    Some(l) => p.push_str(&format!(" › {l}")),
                    None => p.push_str(&format!(" › {}", er_i18n::t!("diff-paragraph", n = i + 1))),
                }
                (p, format!("{}{}", lead.as_deref().unwrap_or(""), text))
            }
        };
        out.push((place, text));
    }
    out
}

/// Every difference between two reports, in document order.
///
/// ```
/// use er_compare::compare::changes;
/// use er_data::load_str;
/// let src = std::fs::read_to_string("../../fixtures/aral-emergency-2024.yaml").unwrap();
/// let old = load_str(&src, "old.yaml").unwrap().report;
/// // The second figure of the second table, 27, becomes 28; its total follows.
/// let t = &old.template.tables[1];
/// let (figure, total) = (&t.columns[1].key, &t.columns[8].key);
/// let edited = src.replace(&format!("    {figure}: 27"), &format!("    {figure}: 28")).replace(&format!("    {total}: 37"), &format!("    {total}: 38"));
/// let new = load_str(&edited, "new.yaml").unwrap().report;
/// let c: Vec<String> = changes(&old, &new).iter().map(|c| c.to_string()).collect();
/// assert_eq!(c, [format!("{} {figure}: 27 → 28", t.label), format!("{} {total}: 37 → 38", t.label)]);
/// ```
pub fn changes(old: &Report, new: &Report) -> Vec<Change> {
    let mut out = Vec::new();
    use er_i18n::t;
    push(&mut out, t!("place-agency"), &old.agency, &new.agency);
    push(&mut out, t!("place-year"), &old.year.to_string(), &new.year.to_string());
    push(&mut out, t!("place-date"), &old.report_date.chinese(), &new.report_date.chinese());
    push(&mut out, t!("place-title"), old.title.as_deref().unwrap_or(""), new.title.as_deref().unwrap_or(""));
    push(&mut out, t!("place-signature"), old.signature.as_deref().unwrap_or(""), new.signature.as_deref().unwrap_or(""));
    push(&mut out, t!("place-template"), &old.template.name, &new.template.name);
    let np = |r: &Report| r.narrative.heading.split_whitespace().next().unwrap_or("第一部分").to_string();
    let sp = |r: &Report| r.statistics_heading.split_whitespace().next().unwrap_or("第二部分").to_string();
    push(&mut out, t!("place-part-heading", part = np(new)), &old.narrative.heading, &new.narrative.heading);
    let (a, b) = (outline(old), outline(new));
    let texts_a: Vec<&str> = a.iter().map(|x| x.1.as_str()).collect();
    let texts_b: Vec<&str> = b.iter().map(|x| x.1.as_str()).collect();
    for (i, j) in changed_pairs(&texts_a, &texts_b) {
        let (pa, ta) = i.map_or((None, ""), |i| (Some(&a[i].0), a[i].1.as_str()));
        let (pb, tb) = j.map_or((None, ""), |j| (Some(&b[j].0), b[j].1.as_str()));
        push(&mut out, pb.or(pa).cloned().unwrap_or_default(), ta, tb);
    }
    push(&mut out, t!("place-part-heading", part = sp(new)), &old.statistics_heading, &new.statistics_heading);
    if old.template.name != new.template.name {
        // Tables of two templates do not compare column by column.
        return out;
    }
    let (da, db) = (build(old), build(new));
    for (ta, tb) in da.tables().zip(db.tables()) {
        let ti = ta.index;
        let def = &new.template.tables[ti];
        push(&mut out, t!("place-table-title", table = def.label), &ta.title, &tb.title);
        for (ca, cb) in ta.cells.iter().zip(&tb.cells).filter(|(c, _)| c.role == CellRole::Header) {
            let key = def.grid.iter().find(|h| h.row == ca.row && h.col == ca.col).map_or("", |h| h.key.as_str());
            push(&mut out, t!("place-table-label", table = def.label, key = key), &ca.text, &cb.text);
        }
        let (va, vb) = (old.values(ti), new.values(ti));
        for (col, c) in def.columns.iter().enumerate() {
            let (x, y) = (figure_text(va[col]), figure_text(vb[col]));
            if x != y {
                out.push(Change { place: format!("{} {}", def.label, c.key), old: x, new: y, figure: Some((ti, col, c.unit.as_str())) });
            }
        }
        for k in 0..ta.notes.items.len().max(tb.notes.items.len()) {
            let (x, y) = (ta.notes.items.get(k).map_or("", String::as_str), tb.notes.items.get(k).map_or("", String::as_str));
            push(&mut out, t!("place-table-note", table = def.label, n = k + 1), x, y);
        }
    }
    for def in &new.template.tables {
        for c in &def.columns {
            let show = |r: &Report| r.previous_figure(&def.label, &c.key).map_or(String::new(), |d| d.normalize().to_string());
            push(&mut out, t!("place-previous", table = def.label, key = c.key), &show(old), &show(new));
        }
    }
    out
}

/// The sentences of a correction notice for the tables' figures, one per
/// table whose figures changed: the table's label and title, then each
/// figure "由27宗更正为28宗".
///
/// ```
/// use er_compare::compare::{changes, notice_lines};
/// use er_data::load_str;
/// let src = std::fs::read_to_string("../../fixtures/aral-emergency-2024.yaml").unwrap();
/// let old = load_str(&src, "a").unwrap().report;
/// let t = &old.template.tables[1];
/// let (figure, total) = (&t.columns[1].key, &t.columns[8].key);
/// let edited = src.replace(&format!("    {figure}: 27"), &format!("    {figure}: 28")).replace(&format!("    {total}: 37"), &format!("    {total}: 38"));
/// let new = load_str(&edited, "b").unwrap().report;
/// let lines = notice_lines(&new, &changes(&old, &new));
/// assert_eq!(lines, [format!("{} {}：{figure}由27宗更正为28宗，{total}由37宗更正为38宗。", t.label, t.title)]);
/// ```
pub fn notice_lines(report: &Report, changes: &[Change]) -> Vec<String> {
    let doc = build(report);
    (0..report.template.tables.len()).filter_map(|ti| figure_line(report, &doc, ti, changes)).collect()
}

/// The sentence of a correction notice for table `ti`'s changed figures,
/// None when none changed; `doc` is the report's document, whose table
/// titles the sentence quotes.
pub fn figure_line(report: &Report, doc: &er_document::Document, ti: usize, changes: &[Change]) -> Option<String> {
    let def = &report.template.tables[ti];
    let items: Vec<String> = changes
        .iter()
        .filter_map(|c| c.figure.filter(|(t, _, _)| *t == ti).map(|(_, col, unit)| (c, col, unit)))
        .map(|(c, col, u)| {
            let v = |s: &str| if s.starts_with('空') || s == TO_FILL { s.to_string() } else { format!("{s}{u}") };
            format!("{}由{}更正为{}", def.columns[col].key, v(&c.old), v(&c.new))
        })
        .collect();
    if items.is_empty() {
        return None;
    }
    let title = er_document::text::unbroken(&doc.tables().find(|t| t.index == ti).map_or_else(|| def.title.clone(), |t| t.title.clone()));
    Some(format!("{} {}：{}。", def.label, title, items.join("，")))
}

