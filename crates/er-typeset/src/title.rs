//! Titles broken as GB/T 9704-2012 §7.3.1 asks: at word boundaries, in
//! lines of balanced length (a 梯形 or 菱形 shape), each line centred by the
//! writer. Used for the report's title, table titles, part headings and a
//! signature too long for its line.

use std::sync::OnceLock;

use jieba_rs::Jieba;

use crate::breaking::break_points;
use er_document::text::{char_em, em_width, is_wide};

/// The word segmenter, its dictionary loaded once per process and only
/// when a title needs more than one line.
fn jieba() -> &'static Jieba {
    static J: OnceLock<Jieba> = OnceLock::new();
    J.get_or_init(|| {
        // jieba-rs's own dictionary, deflated in this crate (data/README.md).
        const DICT: &[u8] = include_bytes!("../data/jieba-dict.deflate");
        let mut text = String::new();
        let read = std::io::Read::read_to_string(&mut flate2::read::DeflateDecoder::new(DICT), &mut text);
        match read.ok().and_then(|_| Jieba::with_dict(&mut text.as_bytes()).ok()) {
            Some(j) => j,
            // The dictionary is part of the program; without it words are
            // still found, one character each.
            None => Jieba::empty(),
        }
    })
}

/// The lines of `text` in a block `width` character units wide (a Chinese
/// character 1, an ASCII character ½). Line breaks the text gives are kept;
/// a line still too wide is broken at word boundaries into the fewest lines
/// that fit, as even in length as they can be.
///
/// ```
/// use er_typeset::title::lines;
/// let t = "新疆生产建设兵团第一师阿拉尔市应急管理局2024年度行政执法工作报告";
/// assert_eq!(lines(t, 20.0), ["新疆生产建设兵团第一师阿拉尔市", "应急管理局2024年度行政执法工作报告"]);
/// assert_eq!(lines("上一行\n下一行", 20.0), ["上一行", "下一行"]);
/// ```
pub fn lines(text: &str, width: f64) -> Vec<String> {
    let mut out = Vec::new();
    for given in text.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
        if em_width(given) <= width + 1e-9 {
            out.push(given.to_string());
        } else {
            out.extend(balanced(given, width));
        }
    }
    if out.is_empty() {
        out.push(String::new());
    }
    out
}

/// `lines` joined by line feeds: how the document stores a text whose
/// line breaks it has decided.
pub fn broken(text: &str, width: f64) -> String {
    lines(text, width).join("\n")
}

/// The word boundaries of `text`, in characters, by the segmenter: 0 first,
/// the text's length last.
pub fn word_boundaries(text: &str) -> Vec<usize> {
    let mut words = vec![0usize];
    words.extend(jieba().cut(text, true).iter().map(|t| t.end));
    words
}

/// The word boundaries of a table header's label, in characters, 0 first
/// and the length last: its Chinese runs read as words of two characters
/// (其他|行政|处罚, 冻结|存款|、|汇款), as the labels of statistics tables
/// mostly are; punctuation, brackets and digits or letters stand apart.
/// Labels are short and many: the segmenter's dictionary (a tenth of a
/// second to load) is kept for titles.
///
/// ```text
/// assert_eq!(label_words("其他执法检查"), [0, 2, 4, 6]);
/// assert_eq!(label_words("查询存款、账户"), [0, 2, 4, 5, 7]);
/// ```
fn label_words(text: &str) -> Vec<usize> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = vec![0usize];
    let mut run = 0;
    for (i, &c) in chars.iter().enumerate() {
        let letter = is_wide(c) && !er_document::text::no_line_start(c) && !er_document::text::no_line_end(c);
        if letter {
            if run > 0 && run % 2 == 0 {
                out.push(i);
            }
            run += 1;
        } else {
            if i > 0 && *out.last().unwrap_or(&0) != i {
                out.push(i);
            }
            run = 0;
        }
        if !letter && i + 1 < chars.len() {
            out.push(i + 1);
        }
    }
    out.push(chars.len());
    out.dedup();
    out
}

fn balanced(text: &str, width: f64) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let rules = break_points(text);
    let words = word_boundaries(text);
    // A number in Chinese numerals and its unit stay whole (二〇二四年度),
    // however the segmenter cut them.
    let in_number = |k: usize| is_numeral(chars[k - 1]) && (is_numeral(chars[k]) || "年月日号度届次".contains(chars[k]));
    let both: Vec<usize> = rules.iter().copied().filter(|&k| words.binary_search(&k).is_ok() && !in_number(k)).collect();
    // Single characters the segmenter leaves alone (师, 的) make weak places
    // to break: a break beside one costs about as much as a line one
    // character longer than the others.
    let weak = |k: usize| {
        let i = words.partition_point(|&w| w < k);
        let before = i.checked_sub(1).map(|j| k - words[j]);
        let after = words.get(i + 1).map(|&w| w - k);
        let single = [before, after].into_iter().flatten().any(|n| n == 1) && chars.get(k).is_some_and(|&c| is_wide(c));
        // A numeral and what it counts stay together: 二〇二四|年度, 第一|师.
        single || k.checked_sub(1).is_some_and(|j| is_numeral(chars[j]))
    };
    let split = best(&chars, &both, width, &weak).or_else(|| best(&chars, &rules, width, &|_| false));
    match split {
        Some(ends) => {
            let mut start = 0;
            ends.into_iter().map(|end| chars[std::mem::replace(&mut start, end)..end].iter().collect()).collect()
        }
        // A word wider than the block: broken by the rules alone.
        None => crate::breaking::wrap(text, width),
    }
}

/// A table header's label in a cell `width` characters wide, broken as a
/// typesetter breaks it: in the fewest lines the breaking rules allow
/// (never inside a short bracket such as （万元）), at word boundaries where
/// [`label_words`] finds them, the lines as even as they can be, and never a
/// line of one character where the label has more.
///
/// ```
/// use er_typeset::title::label_lines;
/// assert_eq!(label_lines("执法检查", 3.0), ["执法", "检查"]);
/// assert_eq!(label_lines("执法金额（万元）", 4.0), ["执法金额", "（万元）"]);
/// assert_eq!(label_lines("其他执法检查", 4.0), ["其他", "执法检查"]);
/// ```
pub fn label_lines(text: &str, width: f64) -> Vec<String> {
    if em_width(text) <= width + 1e-9 || text.chars().count() > MAX_BALANCED_CHARS {
        return crate::breaking::wrap(text, width);
    }
    let chars: Vec<char> = text.chars().collect();
    let rules = break_points(text);
    let words = label_words(text);
    let Some(lines) = fewest_lines(&chars, &rules, width) else { return crate::breaking::wrap(text, width) };
    // A break inside a word (许可/证) costs more than lines two characters
    // apart; a line of one character, more than any imbalance.
    let inside_word = |k: usize| words.binary_search(&k).is_err();
    let cost = |a: usize, b: usize, mean: f64, w: f64| -> f64 {
        let single = if b - a == 1 && chars.len() > 1 && is_wide(chars[a]) { 100.0 } else { 0.0 };
        let split = if a > 0 && inside_word(a) { 8.0 } else { 0.0 };
        (w - mean).powi(2) + single + split
    };
    match partition(&chars, &rules, width, lines, &cost) {
        Some(ends) => {
            let mut start = 0;
            ends.into_iter().map(|end| chars[std::mem::replace(&mut start, end)..end].iter().collect()).collect()
        }
        None => crate::breaking::wrap(text, width),
    }
}

/// The least width in which `text` breaks into `lines` lines at word
/// boundaries (where the breaking rules allow them), as even as can be:
/// what a header cell wants so that its label reads by words. None when
/// the words do not make that many lines.
///
/// ```
/// use er_typeset::title::word_width;
/// assert_eq!(word_width("其他执法检查", 2), Some(4.0));
/// assert_eq!(word_width("执法检查", 2), Some(2.0));
/// // Five characters are three words (two, two, one): no fourth line.
/// assert_eq!(word_width("检查的数量", 4), None);
/// ```
pub fn word_width(text: &str, lines: usize) -> Option<f64> {
    let chars: Vec<char> = text.chars().collect();
    if lines <= 1 || chars.len() > MAX_BALANCED_CHARS {
        return Some(em_width(text));
    }
    let rules = break_points(text);
    let words = label_words(text);
    let points: Vec<usize> = rules.into_iter().filter(|k| words.binary_search(k).is_ok()).collect();
    let (pre, pos) = prefix_and_points(&chars, &points);
    // widest[l][b]: the least widest line of l lines ending at point b.
    let mut widest = vec![vec![f64::INFINITY; pos.len()]; lines + 1];
    widest[0][0] = 0.0;
    for l in 1..=lines {
        for b in 1..pos.len() {
            for a in 0..b {
                let w = (pre[pos[b]] - pre[pos[a]]).max(widest[l - 1][a]);
                if w < widest[l][b] {
                    widest[l][b] = w;
                }
            }
        }
    }
    let w = widest[lines][pos.len() - 1];
    w.is_finite().then_some(w)
}

/// The least width, in half characters, at which a label breaks with no
/// line of one character (a label of three needs 3: at 2 one is alone).
///
/// ```
/// use er_typeset::title::width_without_single;
/// assert_eq!(width_without_single("代办理"), 3.0);
/// assert_eq!(width_without_single("执法检查"), 2.0);
/// assert_eq!(width_without_single("登记财物"), 2.0);
/// ```
pub fn width_without_single(text: &str) -> f64 {
    let full = em_width(text);
    if text.chars().count() < 2 {
        return full;
    }
    let mut w = 2.0;
    while w < full {
        if label_lines(text, w).iter().all(|l| l.chars().count() > 1) {
            return w;
        }
        w += 0.5;
    }
    full
}

/// The widths of `chars` before each offset (in character units), and the
/// places a line may end: 0, the `points` inside the text, its length.
fn prefix_and_points(chars: &[char], points: &[usize]) -> (Vec<f64>, Vec<usize>) {
    let mut pre = vec![0.0];
    for &c in chars {
        pre.push(pre.last().copied().unwrap_or(0.0) + char_em(c));
    }
    let n = chars.len();
    let mut pos = vec![0];
    pos.extend(points.iter().copied().filter(|&k| k > 0 && k < n));
    pos.push(n);
    (pre, pos)
}

/// The fewest lines no wider than `width` breaking only at `points`.
fn fewest_lines(chars: &[char], points: &[usize], width: f64) -> Option<usize> {
    let (pre, pos) = prefix_and_points(chars, points);
    let mut fewest = vec![usize::MAX; pos.len()];
    fewest[0] = 0;
    for b in 1..pos.len() {
        for a in 0..b {
            if fewest[a] != usize::MAX && pre[pos[b]] - pre[pos[a]] <= width + 1e-9 {
                fewest[b] = fewest[b].min(fewest[a] + 1);
            }
        }
    }
    Some(*fewest.last()?).filter(|&l| l != usize::MAX)
}

/// The ends of exactly `lines` lines no wider than `width`, breaking only
/// at `points`, of least total `cost(start, end, mean width, width)`.
fn partition(chars: &[char], points: &[usize], width: f64, lines: usize, cost: &dyn Fn(usize, usize, f64, f64) -> f64) -> Option<Vec<usize>> {
    let n = chars.len();
    let (pre, pos) = prefix_and_points(chars, points);
    let mean = pre[n] / lines as f64;
    let mut best = vec![vec![(f64::INFINITY, 0usize); pos.len()]; lines + 1];
    best[0][0] = (0.0, 0);
    for l in 1..=lines {
        for b in 1..pos.len() {
            for a in 0..b {
                let (before, _) = best[l - 1][a];
                let w = pre[pos[b]] - pre[pos[a]];
                if before.is_infinite() || w > width + 1e-9 {
                    continue;
                }
                let c = before + cost(pos[a], pos[b], mean, w);
                if c < best[l][b].0 {
                    best[l][b] = (c, a);
                }
            }
        }
    }
    if best[lines][pos.len() - 1].0.is_infinite() {
        return None;
    }
    let mut ends = Vec::with_capacity(lines);
    let mut b = pos.len() - 1;
    for l in (1..=lines).rev() {
        ends.push(pos[b]);
        b = best[l][b].1;
    }
    ends.reverse();
    Some(ends)
}

/// The cost of a weak break, as squared characters of imbalance.
const WEAK_BREAK: f64 = 2.0;

/// Digits and the Chinese numerals.
fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "〇零一二三四五六七八九十百千万亿两".contains(c)
}

/// Longest text balanced line by line; longer ones are wrapped greedily.
const MAX_BALANCED_CHARS: usize = 400;

/// The ends of the lines: the fewest lines no wider than `width` that break
/// only at `points`, with the least squared difference from the mean line
/// length (plus the cost of weak breaks). None when no such lines exist.
fn best(chars: &[char], points: &[usize], width: f64, weak: &dyn Fn(usize) -> bool) -> Option<Vec<usize>> {
    if chars.len() > MAX_BALANCED_CHARS {
        return None;
    }
    let lines = fewest_lines(chars, points, width)?;
    partition(chars, points, width, lines, &|a, _, mean, w| (w - mean).powi(2) + if a > 0 && weak(a) { WEAK_BREAK } else { 0.0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_that_fits_stays_one_line() {
        assert_eq!(lines("第一师阿拉尔市应急管理局2024年度行政执法工作报告", 28.0).len(), 1);
    }

    #[test]
    fn lines_are_balanced_and_words_whole() {
        // 40 characters in lines of at most 20: two lines of 20 would break
        // 工作 apart, so the break moves to a word boundary.
        let t = "某某自治区某某市市场监督管理局关于二〇二四年度法治政府建设和行政执法工作情况的报告";
        let got = lines(t, 20.0);
        assert_eq!(got.concat(), t);
        assert_eq!(got.len(), 3);
        for l in &got {
            assert!(em_width(l) <= 20.0, "{l}");
        }
        let longest = got.iter().map(|l| em_width(l)).fold(0.0, f64::max);
        let shortest = got.iter().map(|l| em_width(l)).fold(f64::MAX, f64::min);
        assert!(longest - shortest <= 4.0, "{got:?}");
    }

    #[test]
    fn numbers_stay_whole() {
        let got = lines("第一二三四五六七八九十一二三四五六七八2024年度报告", 20.0);
        assert!(got.iter().any(|l| l.contains("2024")), "{got:?}");
    }

    #[test]
    fn a_word_wider_than_the_block_is_still_broken() {
        assert_eq!(lines("12345678", 2.0), ["1234", "5678"]);
    }
}

#[cfg(test)]
mod label_tests {
    use super::*;

    #[test]
    fn a_label_reads_as_words_of_two() {
        assert_eq!(label_words("其他执法检查"), [0, 2, 4, 6]);
        assert_eq!(label_words("查询存款、账户"), [0, 2, 4, 5, 7]);
        assert_eq!(label_words("执法金额（万元）"), [0, 2, 4, 5, 7, 8]);
    }
}
