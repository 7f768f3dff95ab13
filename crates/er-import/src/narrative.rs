//! The narrative recognised the way a reader does: the part headings
//! (第一部分 …), headings by their numbering (一、 （一） 1.), the run-in
//! level-3 heading split from its paragraph, body paragraphs, and the
//! signature and date at the end.

use er_i18n::t;

use crate::source::Para;

/// A block of the narrative and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    H1(String),
    H2(String),
    /// A paragraph with its run-in heading (1.…。), if it has one.
    P { lead: Option<String>, text: String },
}

/// What the paragraphs of a report say.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Narrative {
    /// A title line above the first part.
    pub title: Option<String>,
    /// 第一部分 …, 第二部分 …: in the order found.
    pub part_headings: Vec<String>,
    pub blocks: Vec<(Block, String)>,
    /// The name over the date at the end of the narrative.
    pub signature: Option<String>,
    /// The date under it, YYYY-MM-DD.
    pub date: Option<String>,
    /// What was guessed, with its place: said to the user.
    pub guesses: Vec<(String, String)>,
}

/// A part heading: 第一部分 …, 第二部分 ….
pub fn part_heading(s: &str) -> bool {
    let s = s.trim();
    s.starts_with('第') && s.chars().nth(2) == Some('部') && s.chars().nth(3) == Some('分')
}

const NUMERALS: &str = "一二三四五六七八九十";

fn h1(s: &str) -> bool {
    let n = s.chars().take_while(|c| NUMERALS.contains(*c)).count();
    n > 0 && s.chars().nth(n) == Some('、')
}

fn h2(s: &str) -> bool {
    let mut c = s.chars();
    let open = c.next();
    let n = c.clone().take_while(|c| NUMERALS.contains(*c)).count();
    matches!(open, Some('（' | '(')) && n > 0 && matches!(c.nth(n), Some('）' | ')'))
}

/// 1.… 1．… 1、…: a run-in heading's number.
fn h3(s: &str) -> bool {
    let n = s.chars().take_while(char::is_ascii_digit).count();
    n > 0 && n <= 2 && matches!(s.chars().nth(n), Some('.' | '．' | '、')) && s.chars().nth(n + 1).is_some_and(|c| !c.is_ascii_digit())
}

/// A heading by its numbering, of any of the three levels.
fn numbered(s: &str) -> bool {
    h1(s) || h2(s) || h3(s)
}

/// A date on its own line: 2025年1月26日 → 2025-01-26.
///
/// ```
/// assert_eq!(er_import::narrative::date("2025年1月26日"), Some("2025-01-26".into()));
/// assert_eq!(er_import::narrative::date("2025年1月26日召开"), None);
/// ```
pub fn date(s: &str) -> Option<String> {
    let s = s.trim();
    let (y, rest) = s.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let d = rest.strip_suffix('日')?;
    let num = |x: &str, max: u32| x.trim().parse::<u32>().ok().filter(|v| (1..=max).contains(v));
    let (y, m, d) = (y.trim().parse::<u32>().ok().filter(|v| (1900..=9999).contains(v))?, num(m, 12)?, num(d, 31)?);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// A signature and its date in one paragraph, as a PDF may tag them:
/// 某某县市场监督管理局2025年1月20日 → the name and the date.
fn signed(s: &str) -> Option<(String, String)> {
    let s = s.trim();
    let chars: Vec<char> = s.chars().collect();
    // The date: the last digits-年 run to the end.
    let year_at = (0..chars.len().saturating_sub(4)).rev().find(|&i| chars[i..i + 4].iter().all(char::is_ascii_digit) && chars.get(i + 4) == Some(&'年') && (i == 0 || !chars[i - 1].is_ascii_digit()))?;
    let name: String = chars[..year_at].iter().collect();
    let when: String = chars[year_at..].iter().collect();
    let d = date(&when)?;
    (!name.trim().is_empty() && !name.contains('。') && name.chars().count() <= 60).then(|| (name.trim().to_string(), d))
}

/// Reads the report's paragraphs outside its tables; `statistics` is the
/// index of the statistics part (0 when it comes first), whose paragraphs
/// are the tables' and not the narrative's. A 目录 is passed over.
pub fn read(paras: &[Para], statistics: usize) -> Narrative {
    let mut n = Narrative::default();
    let mut seen_part = false;
    // The 目录: from its heading to the first part heading that is no entry
    // (an entry ends with its page number).
    let contents = paras.iter().position(|p| p.text.split_whitespace().collect::<String>() == "目录").map(|start| {
        let end = paras[start + 1..]
            .iter()
            .position(|p| part_heading(&p.text) && !p.text.trim_end().ends_with(|c: char| c.is_ascii_digit()))
            .map_or(paras.len(), |k| start + 1 + k);
        start..end
    });
    let in_contents = |i: usize| contents.as_ref().is_some_and(|c| c.contains(&i));
    // The signature and date: the last date line and the line over it.
    let date_at = paras.iter().rposition(|p| date(&p.text).is_some());
    // Or the two in one paragraph.
    let signed_at = if date_at.is_none() { paras.iter().rposition(|p| signed(&p.text).is_some()) } else { None };
    let sign_at = date_at.and_then(|d| d.checked_sub(1)).filter(|&s| {
        let t = &paras[s].text;
        !t.contains('。') && t.chars().count() <= 60 && !numbered(t) && !part_heading(t)
    });
    let mut pending_lead: Option<(String, String)> = None;
    for (i, p) in paras.iter().enumerate() {
        let text = p.text.trim();
        // The 目录, or all of it in one paragraph (a PDF's tagged 目录).
        let compact: String = text.split_whitespace().collect();
        if in_contents(i) || (compact.starts_with("目录") && compact.contains("……")) {
            continue;
        }
        // The statistics part's own paragraphs (its heading aside).
        if !part_heading(text) && n.part_headings.len() == statistics + 1 {
            continue;
        }
        if Some(i) == date_at {
            n.date = date(text);
            continue;
        }
        if Some(i) == signed_at {
            if let Some((name, d)) = signed(text) {
                n.signature = Some(name);
                n.date = Some(d);
            }
            continue;
        }
        if Some(i) == sign_at {
            // A long name wraps in print (a typed line break in a DOCX):
            // the name is one line of text, which the report breaks again.
            n.signature = Some(text.split('\n').map(str::trim).collect());
            continue;
        }
        if part_heading(text) {
            n.part_headings.push(text.split_whitespace().collect::<Vec<_>>().join(" "));
            seen_part = true;
            continue;
        }
        if !seen_part && n.title.is_none() && n.blocks.is_empty() && !numbered(text) {
            n.title = Some(text.to_string());
            n.guesses.push((p.place.clone(), t!("import-guess-title", text = text)));
            continue;
        }
        if let Some((lead, place)) = pending_lead.take() {
            if !numbered(text) {
                n.blocks.push((Block::P { lead: Some(lead), text: text.to_string() }, place));
                continue;
            }
            // A run-in heading with no paragraph: a paragraph of its own.
            n.blocks.push((Block::P { lead: None, text: lead }, place));
        }
        if h1(text) {
            n.guesses.push((p.place.clone(), t!("import-guess-heading", level = 1, text = text)));
            n.blocks.push((Block::H1(text.to_string()), p.place.clone()));
        } else if h2(text) {
            n.guesses.push((p.place.clone(), t!("import-guess-heading", level = 2, text = text)));
            n.blocks.push((Block::H2(text.to_string()), p.place.clone()));
        } else if h3(text) {
            // 1.重点领域监管整治情况。国务院…: the heading ends at the first 。
            match text.find('。') {
                Some(k) if k + '。'.len_utf8() < text.len() => {
                    let (lead, body) = text.split_at(k + '。'.len_utf8());
                    n.guesses.push((p.place.clone(), t!("import-guess-heading", level = 3, text = lead)));
                    n.blocks.push((Block::P { lead: Some(lead.to_string()), text: body.trim().to_string() }, p.place.clone()));
                }
                _ => {
                    n.guesses.push((p.place.clone(), t!("import-guess-heading", level = 3, text = text)));
                    pending_lead = Some((text.to_string(), p.place.clone()));
                }
            }
        } else {
            n.blocks.push((Block::P { lead: None, text: text.to_string() }, p.place.clone()));
        }
    }
    if let Some((lead, place)) = pending_lead {
        n.blocks.push((Block::P { lead: None, text: lead }, place));
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(t: &str) -> Para {
        Para { text: t.into(), place: "x".into() }
    }

    #[test]
    fn headings_by_their_numbering_and_the_run_in_heading_split() {
        let n = read(&[
            para("目　录"),
            para("第一部分 行政执法总体情况2"),
            para("第一部分 行政执法总体情况"),
            para("一、行政执法信息情况"),
            para("（一）开展专项整治工作情况。"),
            para("1.重点领域监管整治情况。国务院安委办……。"),
            para("（1）这是一段。"),
            para("第一师阿拉尔市应急管理局"),
            para("2025年1月26日"),
            para("第二部分 行政执法数据统计情况"),
            para("（表的说明，不是正文）"),
        ], 1);
        assert_eq!(n.part_headings, ["第一部分 行政执法总体情况", "第二部分 行政执法数据统计情况"]);
        let blocks: Vec<Block> = n.blocks.into_iter().map(|b| b.0).collect();
        assert_eq!(
            blocks,
            [
                Block::H1("一、行政执法信息情况".into()),
                Block::H2("（一）开展专项整治工作情况。".into()),
                Block::P { lead: Some("1.重点领域监管整治情况。".into()), text: "国务院安委办……。".into() },
                Block::P { lead: None, text: "（1）这是一段。".into() },
            ]
        );
        assert_eq!((n.signature.as_deref(), n.date.as_deref()), (Some("第一师阿拉尔市应急管理局"), Some("2025-01-26")));
    }
}
