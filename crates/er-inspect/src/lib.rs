//! Reads the files the writers produce, the way a user's tools would: the
//! text, the table grids with their merges, the page setup and fonts. The
//! product's tests assert on what these readers see, and golden-file
//! comparisons print their differences in these terms.

pub mod compare;
pub mod diff;
pub mod docx;
pub mod pdf;
pub mod xlsx;

/// Removes all whitespace: reference texts are compared character for
/// character, whitespace aside.
///
/// ```
/// assert_eq!(er_inspect::squash(" 第一部分 行政\n执法 "), "第一部分行政执法");
/// ```
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Where `actual` first departs from `expected`, with some context, or None
/// when they are equal.
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
