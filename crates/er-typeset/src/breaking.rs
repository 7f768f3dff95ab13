//! Line breaking by the rules of Chinese typesetting (spec §2): no closing
//! mark at a line start, no opening mark at a line end, numbers and Latin
//! words never split. Greedy, on measured widths.

use std::ops::Range;

use er_document::text::{char_em, is_word_char, no_line_end, no_line_start};

/// A measured character. Writers that lay text out themselves fill in
/// their fonts' advances; the core measures in character units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Piece {
    pub c: char,
    pub font: usize,
    /// Advance in points at the text's size.
    pub advance: f64,
    /// Width it takes on the line: the advance, or its share of the grid.
    pub width: f64,
}

/// Unbreakable groups: a word of digits and Latin letters, or a single
/// character, with closing marks glued to what precedes them and opening
/// marks glued to what follows.
fn atoms(p: &[Piece]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < p.len() {
        let start = i;
        if let Some(end) = short_bracket(p, i) {
            // A short bracketed unit such as （万元） or （一） stays whole.
            i = end;
        } else if is_word_char(p[i].c) {
            while i < p.len() && is_word_char(p[i].c) {
                i += 1;
            }
        } else {
            i += 1;
        }
        while i < p.len() && no_line_start(p[i].c) {
            i += 1;
        }
        out.push(start..i);
    }
    // An atom ending with an opening mark joins the next one.
    let mut merged: Vec<Range<usize>> = Vec::new();
    let mut carry: Option<usize> = None;
    for a in out {
        let start = carry.take().unwrap_or(a.start);
        if a.end > a.start && no_line_end(p[a.end - 1].c) && a.end < p.len() {
            carry = Some(start);
        } else {
            merged.push(start..a.end);
        }
    }
    if let Some(s) = carry {
        merged.push(s..p.len());
    }
    merged
}

/// The character offsets where the rules allow a line to break, 0 and the
/// end excluded.
///
/// ```
/// use er_typeset::breaking::break_points;
/// assert_eq!(break_points("共2024年。"), [1, 5]);
/// ```
pub fn break_points(text: &str) -> Vec<usize> {
    let p: Vec<Piece> = text.chars().map(|c| Piece { c, font: 0, advance: char_em(c), width: char_em(c) }).collect();
    atoms(&p).into_iter().map(|a| a.start).filter(|&k| k > 0).collect()
}

/// Width, in character units, of the widest piece of `text` that the rules
/// keep on one line: the narrowest a column may be for the text to break
/// only where it may.
///
/// ```
/// use er_typeset::breaking::widest_atom;
/// assert_eq!(widest_atom("案件总数（件）"), 3.0);
/// assert_eq!(widest_atom("共1737821.088元"), 5.5);
/// ```
pub fn widest_atom(text: &str) -> f64 {
    let p: Vec<Piece> = text.chars().map(|c| Piece { c, font: 0, advance: char_em(c), width: char_em(c) }).collect();
    atoms(&p).into_iter().map(|a| p[a].iter().map(|x| x.width).sum::<f64>()).fold(0.0, f64::max)
}

/// Longest bracketed group kept on one line, brackets included.
const SHORT_BRACKET: usize = 6;

/// The end of a short bracketed group starting at `i`, if one starts there.
fn short_bracket(p: &[Piece], i: usize) -> Option<usize> {
    let close = match p[i].c {
        '（' => '）',
        '(' => ')',
        '《' => '》',
        '〔' => '〕',
        '【' => '】',
        _ => return None,
    };
    (i + 1..p.len().min(i + SHORT_BRACKET)).find(|&k| p[k].c == close).map(|k| k + 1)
}

/// The share of a line beyond which a run of digits or letters may break,
/// when it is also longer than [`LONG_RUN_CHARS`]: an amount has at most
/// 16 characters (15 digits and its point) and never breaks.
pub const LONG_RUN: f64 = 0.3;
/// The characters a run of digits or letters has before it may break.
pub const LONG_RUN_CHARS: usize = 18;

/// Splits `p` into lines: the first `first` wide, the others `rest`.
///
/// ```
/// use er_typeset::breaking::{break_lines, Piece};
/// let p: Vec<Piece> = "一二三四，五".chars().map(|c| Piece { c, font: 0, advance: 1.0, width: 1.0 }).collect();
/// let lines: Vec<String> = break_lines(&p, 4.0, 4.0).into_iter().map(|r| p[r].iter().map(|x| x.c).collect()).collect();
/// assert_eq!(lines, ["一二三", "四，五"]);
/// ```
pub fn break_lines(p: &[Piece], first: f64, rest: f64) -> Vec<Range<usize>> {
    const EPS: f64 = 1e-6;
    let mut lines = Vec::new();
    let mut start = 0;
    let mut used = 0.0;
    let avail = |n: usize| if n == 0 { first } else { rest };
    for a in atoms(p) {
        let w: f64 = p[a.clone()].iter().map(|x| x.width).sum();
        if used + w <= avail(lines.len()) + EPS {
            used += w;
            continue;
        }
        // A run of digits or letters longer than LONG_RUN of a line and
        // LONG_RUN_CHARS (an account number, a reference) fills the line it
        // starts on and breaks at a character boundary: moved whole, it
        // would leave the line before it spread letter by letter. An
        // ordinary figure is shorter, and never breaks.
        let long = a.len() > LONG_RUN_CHARS && w > LONG_RUN * rest && p[a.clone()].iter().all(|x| is_word_char(x.c) || no_line_start(x.c));
        if a.start > start && !long {
            lines.push(start..a.start);
            start = a.start;
            used = 0.0;
        }
        if w <= avail(lines.len()) + EPS && !long {
            used = w;
            continue;
        }
        // Wider than a whole line: split it where it must be split.
        for k in a.clone() {
            if used + p[k].width > avail(lines.len()) + EPS && k > start {
                lines.push(start..k);
                start = k;
                used = 0.0;
            }
            used += p[k].width;
        }
    }
    if start < p.len() || lines.is_empty() {
        lines.push(start..p.len());
    }
    lines
}

/// Breaks `text` into lines of at most `width` character units (Chinese
/// characters 1, ASCII ½), by the same rules.
///
/// ```
/// use er_typeset::breaking::wrap;
/// assert_eq!(wrap("执法金额（万元）", 5.0), ["执法金额", "（万元）"]);
/// ```
pub fn wrap(text: &str, width: f64) -> Vec<String> {
    let p: Vec<Piece> = text
        .chars()
        .map(|c| {
            let w = er_document::text::char_em(c);
            Piece { c, font: 0, advance: w, width: w }
        })
        .collect();
    break_lines(&p, width, width).into_iter().map(|r| p[r].iter().map(|x| x.c).collect()).collect()
}

/// The lines a word processor (Word, WPS, LibreOffice) makes of `text`
/// in a cell `width` characters wide: filled character by character, a
/// run of digits or letters kept whole, a closing mark taking the
/// character before it along, and no more. Where these differ from the
/// document's lines (a bracket broken: （万/元）, a line of one character),
/// a writer states the document's breaks.
///
/// ```
/// use er_typeset::breaking::processor_lines;
/// assert_eq!(processor_lines("执法金额（万元）", 6.0), ["执法金额（万", "元）"]);
/// assert_eq!(processor_lines("执法检查", 3.0), ["执法检", "查"]);
/// assert_eq!(processor_lines("一二三，四", 3.0), ["一二", "三，四"]);
/// ```
pub fn processor_lines(text: &str, width: f64) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut lines: Vec<String> = Vec::new();
    let mut line: Vec<char> = Vec::new();
    let mut used = 0.0;
    let mut i = 0;
    while i < chars.len() {
        // A run of digits or letters, or one character.
        let end = if is_word_char(chars[i]) { i + chars[i..].iter().take_while(|c| is_word_char(**c)).count() } else { i + 1 };
        let w: f64 = chars[i..end].iter().map(|&c| char_em(c)).sum();
        if used + w > width + 1e-6 && !line.is_empty() {
            // A closing mark may not start the line: the character before it comes along.
            let mut carry = Vec::new();
            if no_line_start(chars[i]) && line.len() > 1 {
                carry.push(line.pop().unwrap_or(' '));
            }
            lines.push(line.iter().collect());
            used = carry.iter().map(|&c| char_em(c)).sum();
            line = carry;
        }
        line.extend(&chars[i..end]);
        used += w;
        i = end;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line.iter().collect());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `s` broken into lines of `n` Chinese characters.
    fn lines(s: &str, n: usize) -> Vec<String> {
        wrap(s, n as f64)
    }

    #[test]
    fn no_comma_or_full_stop_starts_a_line() {
        assert_eq!(lines("一二三四，五六", 4), ["一二三", "四，五六"]);
        assert_eq!(lines("一二三四。", 4), ["一二三", "四。"]);
    }

    #[test]
    fn opening_bracket_never_ends_a_line() {
        assert_eq!(lines("一二三（四）", 4), ["一二三", "（四）"]);
    }

    #[test]
    fn a_short_unit_in_brackets_stays_whole() {
        assert_eq!(lines("执法金额（万元）", 6), ["执法金额", "（万元）"]);
    }

    #[test]
    fn numbers_are_never_split() {
        assert_eq!(lines("金额总计1737821.088元", 8), ["金额总计", "1737821.088元"]);
        assert_eq!(lines("下降16.96%，", 4), ["下降", "16.96%，"]);
    }

    #[test]
    fn exact_fit_and_one_over() {
        let s28 = "一".repeat(28);
        assert_eq!(lines(&s28, 28).len(), 1);
        let s29 = "一".repeat(29);
        assert_eq!(lines(&s29, 28), ["一".repeat(28), "一".to_string()]);
    }

    #[test]
    fn a_long_account_number_fills_its_line_and_breaks() {
        let n = "6".repeat(30);
        let got = lines(&format!("缴款账号为{n}。"), 20);
        assert!(got[0].starts_with("缴款账号为6") && er_document::text::em_width(&got[0]) >= 19.5, "{got:?}");
        assert_eq!(got.concat(), format!("缴款账号为{n}。"));
        // An ordinary figure still moves whole.
        assert_eq!(lines("金额总计1737821.088元", 8), ["金额总计", "1737821.088元"]);
    }

    #[test]
    fn a_word_wider_than_the_line_is_split() {
        assert_eq!(lines("12345678", 2), ["1234", "5678"]);
    }
}
