//! The correction notice (更正说明): everything the published report said
//! that the corrected one says otherwise. A 更正说明 that leaves out a
//! corrected figure is itself an error in the public record, so it covers
//! the tables' figures, the figures and words of the text (a reference
//! such as {表二.<key>} changes its paragraph when its figure changes), the
//! tables' titles, labels and notes, the signature and the date, each
//! with its place.

use er_data::{Date, Report};

use crate::compare::{changed_pairs, changed_runs, changes, figure_line};
use er_document::document::{Block, Document, Info, Run, Section};
use er_document::layout::{Role, PORTRAIT};
use er_document::text::unbroken;
use er_typeset::build;

/// A correction notice, ready to print.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// 更正说明
    pub title: String,
    /// The sentence that opens it.
    pub intro: String,
    /// One sentence per corrected place: a table's figures, a paragraph,
    /// a heading, a note …
    pub lines: Vec<String>,
    /// 特此更正。
    pub closing: String,
    /// The name it is signed with.
    pub signature: String,
    /// The date in Chinese, or "" for none.
    pub date: String,
    /// The document's properties.
    pub info: Info,
}

/// The notice of what `new` corrects in `old`, as published; None when
/// nothing published differs.
///
/// ```
/// use er_compare::notice::notice;
/// let src = std::fs::read_to_string("../../fixtures/aral-emergency-2024.yaml").unwrap();
/// let old = er_data::load_str(&src, "a").unwrap().report;
/// let new = er_data::load_str(&src.replace("整改率98.81%", "整改率98.82%"), "b").unwrap().report;
/// let n = notice(&old, &new, None).unwrap();
/// assert!(n.markdown().contains("“整改率98.81%”更正为“整改率98.82%”"), "{}", n.markdown());
/// assert!(notice(&old, &old, None).is_none());
/// ```
pub fn notice(old: &Report, new: &Report, date: Option<Date>) -> Option<Notice> {
    let lines = corrections(old, new);
    if lines.is_empty() {
        return None;
    }
    Some(Notice {
        title: "更正说明".into(),
        intro: format!("{}{}年行政执法年度报告中，下列内容有误，现更正如下：", new.agency, new.year),
        lines,
        closing: "特此更正。".into(),
        signature: new.signature.clone().unwrap_or_else(|| new.agency.clone()),
        date: date.map(|d| d.chinese()).unwrap_or_default(),
        info: Info {
            title: format!("{}{}年行政执法年度报告更正说明", new.agency, new.year),
            author: new.agency.clone(),
            date: new.report_date,
            year: new.year,
        },
    })
}

/// The notice's sentences in the report's order: each corrected text
/// with its place (its changed words with a little of what stands before
/// and after), and each table's corrected figures in one sentence.
pub fn corrections(old: &Report, new: &Report) -> Vec<String> {
    let (da, db) = (build(old), build(new));
    let (ta, tb) = (published(&da), published(&db));
    let figure_changes = changes(old, new);
    let same_tables = old.template.name == new.template.name && old.template.tables == new.template.tables;
    let mut out = Vec::new();
    let mut done_tables = Vec::new();
    let text = |out: &mut Vec<String>, place: &str, a: &str, b: &str| {
        if a != b {
            out.push(format!("{place}：{}。", excerpts(a, b)));
        }
    };
    let key = |t: &[Item]| t.iter().map(|i| format!("{}\u{1}{}", i.place, i.text)).collect::<Vec<_>>();
    let (ka, kb) = (key(&ta), key(&tb));
    // Aligned by place and text, so that an inserted paragraph is one
    // correction and not a shift of every later one.
    for (i, j) in changed_pairs(&ka, &kb) {
        let (a, b) = (i.map(|i| &ta[i]), j.map(|j| &tb[j]));
        let table = b.or(a).and_then(|x| x.table);
        if let Some(t) = table.filter(|t| same_tables && !done_tables.contains(t)) {
            done_tables.push(t);
            out.extend(figure_line(new, &db, t, &figure_changes));
        }
        let place = b.or(a).map_or("", |x| x.place.as_str());
        text(&mut out, place, a.map_or("", |x| x.text.as_str()), b.map_or("", |x| x.text.as_str()));
    }
    // Tables whose figures alone changed.
    if same_tables {
        for t in 0..new.template.tables.len() {
            if !done_tables.contains(&t) {
                if let Some(line) = figure_line(new, &db, t, &figure_changes) {
                    // In the tables' order among the other corrections.
                    let at = out.iter().position(|l| later_table(l, new, t)).unwrap_or(out.len());
                    out.insert(at, line);
                }
            }
        }
    }
    out
}

/// True when a correction sentence names a table after table `t`.
fn later_table(line: &str, r: &Report, t: usize) -> bool {
    r.template.tables.iter().skip(t + 1).any(|d| line.starts_with(&format!("{} ", d.label)))
}

/// A published text and its place, in Chinese.
struct Item {
    place: String,
    text: String,
    /// The table it belongs to, by index.
    table: Option<usize>,
}

/// Every published text of a document but the figures, in reading order.
fn published(doc: &Document) -> Vec<Item> {
    let mut out = Vec::new();
    let item = |place: String, text: String, table: Option<usize>| Item { place, text, table };
    for s in &doc.sections {
        let (mut part, mut h1, mut h2) = (String::new(), String::new(), String::new());
        let mut paragraph = 0;
        for b in &s.blocks {
            match b {
                Block::Title(t) => out.push(item("标题".into(), unbroken(t), None)),
                Block::PartHeading(t) => {
                    let t = unbroken(t);
                    part = t.split_whitespace().next().unwrap_or("").to_string();
                    (h1, h2, paragraph) = (String::new(), String::new(), 0);
                    out.push(item(format!("{part}标题"), t, None));
                }
                Block::Heading { level, text } => {
                    let at = [part.as_str(), h1.as_str()].iter().filter(|x| !x.is_empty()).copied().collect::<Vec<_>>().join(" › ");
                    if *level == 1 {
                        (h1, h2) = (text.clone(), String::new());
                    } else {
                        h2 = text.clone();
                    }
                    paragraph = 0;
                    out.push(item(format!("{at} › 标题"), text.clone(), None));
                }
                Block::Paragraph(runs) => {
                    paragraph += 1;
                    let mut at: Vec<&str> = [part.as_str(), h1.as_str(), h2.as_str()].into_iter().filter(|x| !x.is_empty()).collect();
                    // A run-in heading names its paragraph, without its full stop.
                    let lead = runs.iter().find(|r| r.run_in_heading).map(|r| r.text.trim_end_matches(['。', '.']).to_string());
                    let nth = format!("第{paragraph}段");
                    at.push(lead.as_deref().unwrap_or(&nth));
                    out.push(item(at.join(" › "), b.text(), None));
                }
                Block::Signature { name, date } => {
                    out.push(item("署名".into(), unbroken(name), None));
                    out.push(item("成文日期".into(), date.clone(), None));
                }
                Block::Table(t) => {
                    out.push(item(format!("{} 标题", t.label), unbroken(&t.title), Some(t.index)));
                    for c in t.cells.iter().filter(|c| c.role == er_document::document::CellRole::Header && c.row < t.header_rows) {
                        let n = t.figures.get(c.col).and_then(Option::as_ref).filter(|_| c.cols == 1 && c.row + c.rows == t.header_rows);
                        let name = n.map_or_else(|| format!("第{}行第{}列", c.row + 1, c.col + 1), |f| f.key.clone());
                        out.push(item(format!("{} 表头（{name}）", t.label), c.text.clone(), Some(t.index)));
                    }
                    for (k, line) in t.notes.items.iter().enumerate() {
                        out.push(item(format!("{} {}第{}条", t.label, t.notes.lead.trim_end_matches('：'), k + 1), line.clone(), Some(t.index)));
                    }
                }
                Block::Notes(n) => {
                    for (k, line) in n.notes.items.iter().enumerate() {
                        out.push(item(format!("{}第{}条", n.notes.lead.trim_end_matches('：'), k + 1), line.clone(), Some(n.table)));
                    }
                }
                Block::Contents(_) => {}
            }
        }
    }
    out
}

/// Most characters of context shown on either side of a change.
const CONTEXT: usize = 8;
/// Most characters an excerpt shows.
const EXCERPT: usize = 80;

/// What changed between two texts, as the notice says it: each changed
/// stretch with the words around it, whole numbers and their units
/// included: “整改率98.81%”更正为“整改率98.82%”.
fn excerpts(a: &str, b: &str) -> String {
    if a.is_empty() {
        return format!("增加“{}”", clip(b));
    }
    if b.is_empty() {
        return format!("删去“{}”", clip(a));
    }
    let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    // Changed stretches as (start, end) in both texts.
    let mut spans: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (oi, ol, ni, nl) in changed_runs(&ca, &cb) {
        // Neighbouring changes (a few characters apart) are one stretch.
        match spans.last_mut() {
            Some(s) if oi <= s.1 + CONTEXT && ni <= s.3 + CONTEXT => {
                s.1 = oi + ol;
                s.3 = ni + nl;
            }
            _ => spans.push((oi, oi + ol, ni, ni + nl)),
        }
    }
    let parts: Vec<String> = spans
        .iter()
        .map(|&(s0, e0, s1, e1)| {
            let (x, y) = widen(&ca, &cb, (s0, e0), (s1, e1));
            format!("“{}”更正为“{}”", clip(&x), clip(&y))
        })
        .collect();
    parts.join("；")
}

/// A changed stretch widened to whole numbers and words: back to the
/// clause's start (at most [`CONTEXT`] characters) and on over the rest of
/// a number and its unit.
fn widen(a: &[char], b: &[char], (s0, e0): (usize, usize), (s1, e1): (usize, usize)) -> (String, String) {
    let stop = |c: char| "，。；：、,;:！？（）()“”\n".contains(c);
    let numeric = |c: char| c.is_ascii_digit() || c == '.' || c == '%' || ('０'..='９').contains(&c);
    // The same number of characters before the change in both: the text
    // before it is common.
    let mut back = 0;
    // Back over the rest of the number, then over whole words, up to
    // CONTEXT characters and never past the clause's start.
    while s0 > back && numeric(a[s0 - back - 1]) && a[s0 - back - 1] != '%' {
        back += 1;
    }
    let digits = back;
    while back < digits + CONTEXT && s0 > back && !stop(a[s0 - back - 1]) {
        back += 1;
    }
    let text: String = a.iter().collect();
    let words = er_typeset::title::word_boundaries(&text);
    if let Some(&w) = words.iter().find(|&&w| w >= s0 - back && w <= s0 - digits) {
        back = s0 - w;
    }
    // Whole numbers: on over digits, then over a unit of a character or two.
    let mut fwd = 0;
    while e0 + fwd < a.len() && e1 + fwd < b.len() && numeric(a[e0 + fwd]) {
        fwd += 1;
    }
    let mut unit = 0;
    while unit < 2 && e0 + fwd + unit < a.len() && !stop(a[e0 + fwd + unit]) && !numeric(a[e0 + fwd + unit]) && e1 + fwd + unit < b.len() {
        unit += 1;
    }
    let fwd = fwd + unit;
    let take = |t: &[char], s: usize, e: usize| t[s.saturating_sub(back)..(e + fwd).min(t.len())].iter().collect::<String>();
    (take(a, s0, e0), take(b, s1, e1))
}

fn clip(s: &str) -> String {
    if s.chars().count() <= EXCERPT {
        s.to_string()
    } else {
        format!("{}……", s.chars().take(EXCERPT).collect::<String>())
    }
}

impl Notice {
    /// The notice as a one-section portrait document: title, body, signature.
    pub fn document(&self) -> Document {
        let body = |t: String| Block::Paragraph(vec![Run { text: t, role: Role::Body, run_in_heading: false }]);
        let mut blocks = vec![Block::Title(self.title.clone()), body(self.intro.clone())];
        blocks.extend(self.lines.iter().enumerate().map(|(i, l)| body(format!("{}.{l}", i + 1))));
        blocks.push(body(self.closing.clone()));
        blocks.push(Block::Signature { name: self.signature.clone(), date: self.date.clone() });
        Document { info: self.info.clone(), sections: vec![Section { page: PORTRAIT, blocks }] }
    }

    /// The notice as Markdown.
    pub fn markdown(&self) -> String {
        let mut md = format!("# {}\n\n{}\n\n", self.title, self.intro);
        for (i, l) in self.lines.iter().enumerate() {
            md.push_str(&format!("{}. {l}\n", i + 1));
        }
        md.push_str(&format!("\n{}\n\n{}  \n{}\n", self.closing, self.signature, self.date));
        md
    }
}

#[cfg(test)]
mod tests {
    use super::excerpts;

    #[test]
    fn a_changed_number_is_shown_whole_with_its_words() {
        assert_eq!(excerpts("全年整改率98.81%，较上年提高", "全年整改率98.82%，较上年提高"), "“全年整改率98.81%”更正为“全年整改率98.82%”");
        assert_eq!(excerpts("作出行政处罚37件。", "作出行政处罚38件。"), "“作出行政处罚37件”更正为“作出行政处罚38件”");
        assert_eq!(excerpts("共检查126次，查出隐患9个。", "共检查127次，查出隐患9个。"), "“共检查126次”更正为“共检查127次”");
        assert_eq!(excerpts("", "新增一段。"), "增加“新增一段。”");
    }

    #[test]
    fn two_changes_apart_are_two_excerpts() {
        let e = excerpts("一季度检查12次，其余各季度汇总检查共计30次。", "一季度检查13次，其余各季度汇总检查共计31次。");
        assert_eq!(e, "“一季度检查12次”更正为“一季度检查13次”；“季度汇总检查共计30次”更正为“季度汇总检查共计31次”");
    }
}
