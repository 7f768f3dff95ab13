//! The correction notice (更正说明): the figures corrected since a
//! published version, as a document for the DOCX writer or as Markdown.

use er_data::{Date, Report};

use crate::compare::{notice_lines, Change};
use crate::document::{Block, Document, Info, Run, Section};
use crate::layout::{Role, PORTRAIT};

/// A correction notice, ready to print.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// 更正说明
    pub title: String,
    /// The sentence that opens it.
    pub intro: String,
    /// One sentence per table whose figures changed.
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

/// The notice for `changes` made to `report`, or None when no figure changed.
///
/// ```
/// use er_document::{compare::changes, notice::notice};
/// let src = std::fs::read_to_string("../../fixtures/aral-emergency-2024.yaml").unwrap();
/// let old = er_data::load_str(&src, "a").unwrap().report;
/// let figure = &old.template.tables[1].columns[1].key;
/// let new = er_data::load_str(&src.replace(&format!("    {figure}: 27"), &format!("    {figure}: 28")), "b").unwrap().report;
/// let n = notice(&new, &changes(&old, &new), None).unwrap();
/// assert!(n.markdown().contains(&format!("{figure}由27宗更正为28宗")));
/// ```
pub fn notice(report: &Report, changes: &[Change], date: Option<Date>) -> Option<Notice> {
    let lines = notice_lines(report, changes);
    if lines.is_empty() {
        return None;
    }
    Some(Notice {
        title: "更正说明".into(),
        intro: format!("{}{}年行政执法年度报告中，下列数据有误，现更正如下：", report.agency, report.year),
        lines,
        closing: "特此更正。".into(),
        signature: report.signature.clone().unwrap_or_else(|| report.agency.clone()),
        date: date.map(|d| d.chinese()).unwrap_or_default(),
        info: Info {
            title: format!("{}{}年行政执法年度报告更正说明", report.agency, report.year),
            author: report.agency.clone(),
            date: report.report_date,
            year: report.year,
        },
    })
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
