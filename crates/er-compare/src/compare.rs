//! What changed between two versions of a report's data, in a clerk's
//! words: each figure by table and column, each paragraph by its place in
//! the outline, labels, titles and notes. Also the correction notice
//! (更正说明) that lists the corrected figures.

use er_data::figures::TO_FILL;
use er_data::report::Report;
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
        // A paragraph is not printed twice: its changed spans are marked
        // in it, each with a little of the text around.
        let long = |s: &str| s.chars().count() > MARK_FROM;
        if self.figure.is_none() && long(&self.old) && long(&self.new) {
            return write!(f, "{}", er_i18n::t!("diff-change-marked", place = self.place, text = marked(&self.old, &self.new)));
        }
        write!(f, "{}", er_i18n::t!("diff-change", place = self.place, old = show(&self.old), new = show(&self.new)))
    }
}

/// Texts longer than this many characters are shown with their changes
/// marked rather than whole, old and new.
const MARK_FROM: usize = 24;

/// The change from `old` to `new` as the changed spans marked in the old
/// text, each 〔old → new〕 with up to ten characters on either side; the
/// text between two changes closer than twenty characters is part of one
/// span, and a span never starts or ends inside a number or a Latin word.
/// Elided text is shown as ….
///
/// ```
/// use er_compare::compare::marked;
/// let old = "2024年，本局持有行政执法证件45人（含街道办事处9人），委托8个基层单位实施部分行政执法权。";
/// let new = "2024年，本局持有行政执法证件46人（含街道办事处9人），委托8个基层单位实施部分行政执法权。";
/// assert_eq!(marked(old, new), "…本局持有行政执法证件〔45 → 46〕人（含街道办事处9人…");
/// assert_eq!(marked("罚没总额155000元，同比上年度下降11.85%，无被申请行政复议的情况。", "罚没总额165000元，同比上年度下降11.85%，无被申请行政复议的情况。"), "罚没总额〔155000 → 165000〕元，同比上年度下降11.85…");
/// ```
pub fn marked(old: &str, new: &str) -> String {
    const CONTEXT: usize = 10;
    let a: Vec<char> = old.chars().collect();
    let b: Vec<char> = new.chars().collect();
    // Runs of change, (old start, old length, new start, new length);
    // near ones joined with the text between them.
    let mut groups: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (oi, ol, ni, nl) in er_align::changed_runs(&a, &b) {
        match groups.last_mut() {
            Some(g) if oi <= g.0 + g.1 + 2 * CONTEXT => {
                g.1 = oi + ol - g.0;
                g.3 = ni + nl - g.2;
            }
            _ => groups.push((oi, ol, ni, nl)),
        }
    }
    // A span never cuts a number or a Latin word: 45 → 46, not 4〔5 → 6〕.
    let word = |c: char| c.is_ascii_alphanumeric() || c == '.';
    for g in &mut groups {
        let edge = |v: &[char], i: usize| v.get(i).copied().is_some_and(word);
        while g.0 > 0 && g.2 > 0 && a[g.0 - 1] == b[g.2 - 1] && word(a[g.0 - 1]) && (edge(&a, g.0) || edge(&b, g.2)) {
            (g.0, g.1, g.2, g.3) = (g.0 - 1, g.1 + 1, g.2 - 1, g.3 + 1);
        }
        while g.0 + g.1 < a.len() && g.2 + g.3 < b.len() && a[g.0 + g.1] == b[g.2 + g.3] && word(a[g.0 + g.1]) && (g.1 > 0 && edge(&a, g.0 + g.1 - 1) || g.3 > 0 && edge(&b, g.2 + g.3 - 1)) {
            (g.1, g.3) = (g.1 + 1, g.3 + 1);
        }
    }
    // Widened spans that now come near each other are joined.
    let mut joined: Vec<(usize, usize, usize, usize)> = Vec::new();
    for g in groups {
        match joined.last_mut() {
            Some(j) if g.0 <= j.0 + j.1 + 2 * CONTEXT => {
                j.1 = (g.0 + g.1).max(j.0 + j.1) - j.0;
                j.3 = (g.2 + g.3).max(j.2 + j.3) - j.2;
            }
            _ => joined.push(g),
        }
    }
    let text = |v: &[char]| -> String { if v.is_empty() { er_i18n::t!("diff-none") } else { v.iter().collect() } };
    let mut out = String::new();
    let mut shown = 0;
    let starts: Vec<usize> = joined.iter().map(|g| g.0).skip(1).chain([a.len()]).collect();
    for ((oi, ol, ni, nl), next) in joined.into_iter().zip(starts) {
        let mut from = oi.saturating_sub(CONTEXT).max(shown).min(oi);
        // Nor does the context start or end inside one.
        while from > shown && word(a[from]) && word(a[from - 1]) {
            from -= 1;
        }
        if from > shown || (shown == 0 && from > 0) {
            out.push('…');
        }
        out.extend(&a[from..oi]);
        out.push_str(&format!("〔{} → {}〕", text(&a[oi..oi + ol]), text(&b[ni..ni + nl])));
        let start = oi + ol;
        shown = (start + CONTEXT).min(next);
        while shown < next && shown > start && word(a[shown]) && word(a[shown - 1]) {
            shown += 1;
        }
        out.extend(&a[start..shown]);
    }
    if shown < a.len() {
        out.push('…');
    }
    out
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
    let (a, b) = (old.outline(), new.outline());
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


#[cfg(test)]
mod marked_tests {
    use super::marked;

    #[test]
    fn changes_at_the_ends_and_close_together_are_marked_without_losing_text() {
        er_i18n::set(er_i18n::Lang::Zh);
        let base = "第一师阿拉尔市应急管理局持有行政执法证件45人，委托8个基层单位实施部分行政执法权。";
        // An insertion at the start, a deletion at the end.
        assert_eq!(marked(base, &format!("新{base}")), "〔（无） → 新〕第一师阿拉尔市应急管…");
        let cut = base.trim_end_matches('。');
        assert!(marked(base, cut).ends_with("〔。 → （无）〕"), "{}", marked(base, cut));
        // Two figures close together: one span holding both.
        let two = base.replace("45", "46").replace("8个", "9个");
        assert_eq!(marked(base, &two), "…理局持有行政执法证件〔45人，委托8 → 46人，委托9〕个基层单位实施部分行…");
        // Far apart: two spans.
        let far = format!("{base}{base}");
        let far2 = format!("{}{}", base.replace("45", "46"), base.replace("8个", "9个"));
        assert_eq!(marked(&far, &far2).matches('〔').count(), 2, "{}", marked(&far, &far2));
    }
}
