//! What only the tests need: readable forms of produced files (XML one
//! element a line, a PDF's runs a line), unified diffs of them for golden
//! copies, and the first place two texts part. Ships in no binary.

use quick_xml::events::Event;
use quick_xml::Reader;

/// Removes all whitespace: reference texts are compared character for
/// character, whitespace aside.
///
/// ```
/// assert_eq!(er_testkit::squash(" 第一部分 行政\n执法 "), "第一部分行政执法");
/// ```
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Where `actual` first departs from `expected`, with some context, or None
/// when they are equal.
///
/// ```
/// assert!(er_testkit::first_difference("甲乙丙", "甲乙丁").unwrap().starts_with("at character 2"));
/// assert_eq!(er_testkit::first_difference("甲", "甲"), None);
/// ```
pub fn first_difference(expected: &str, actual: &str) -> Option<String> {
    let e: Vec<char> = expected.chars().collect();
    let a: Vec<char> = actual.chars().collect();
    let i = e.iter().zip(&a).position(|(x, y)| x != y).unwrap_or(e.len().min(a.len()));
    if i == e.len() && i == a.len() {
        return None;
    }
    let ctx = |v: &[char]| -> String { v[i.saturating_sub(20)..(i + 30).min(v.len())].iter().collect() };
    Some(format!("at character {i}:\n  expected …{}…\n  actual   …{}…", ctx(&e), ctx(&a)))
}

/// A unified diff of `old` and `new` with three lines of context, or None
/// when they are equal.
///
/// ```
/// let d = er_testkit::diff_lines("a\nb\n", "a\nc\n").unwrap();
/// assert!(d.contains("-b") && d.contains("+c"));
/// ```
pub fn diff_lines(old: &str, new: &str) -> Option<String> {
    if old == new {
        return None;
    }
    let diff = similar::TextDiff::from_lines(old, new);
    Some(diff.unified_diff().context_radius(3).header("golden", "rendered").to_string())
}

/// XML with one element per line, indented: a form that diffs readably.
pub fn pretty_xml(xml: &[u8]) -> String {
    let mut r = Reader::from_reader(xml);
    let mut out = String::new();
    let mut depth = 0usize;
    let mut buf = Vec::new();
    loop {
        let ev = match r.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => e,
        };
        let pad = |d: usize| "  ".repeat(d);
        match ev {
            Event::Start(s) => {
                out.push_str(&format!("{}<{}>\n", pad(depth), String::from_utf8_lossy(&s)));
                depth += 1;
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                out.push_str(&format!("{}</{}>\n", pad(depth), String::from_utf8_lossy(e.name().as_ref())));
            }
            Event::Empty(s) => out.push_str(&format!("{}<{}/>\n", pad(depth), String::from_utf8_lossy(&s))),
            Event::Text(t) => {
                let t = String::from_utf8_lossy(&t).to_string();
                if !t.trim().is_empty() {
                    out.push_str(&format!("{}{}\n", pad(depth), t));
                }
            }
            Event::Decl(_) => {}
            other => out.push_str(&format!("{}{:?}\n", pad(depth), other)),
        }
        buf.clear();
    }
    out
}

/// Every page's runs as lines "page x y text", for a readable comparison.
pub fn dump(pages: &[er_read::pdf::Page]) -> String {
    let mut s = String::new();
    for (i, p) in pages.iter().enumerate() {
        s.push_str(&format!("page {} ({:.1} × {:.1} pt)\n", i + 1, p.width, p.height));
        for r in &p.runs {
            let turn = if r.turned { " (turned)" } else { "" };
            s.push_str(&format!("  {:7.2} {:7.2} {}{turn}\n", r.x, r.y, r.text));
        }
    }
    s
}
