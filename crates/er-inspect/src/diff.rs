//! Readable differences between two texts, line by line.

/// A unified diff of `old` and `new` with three lines of context, or None
/// when they are equal.
///
/// ```
/// let d = er_inspect::diff::lines("a\nb\n", "a\nc\n").unwrap();
/// assert!(d.contains("-b") && d.contains("+c"));
/// ```
pub fn lines(old: &str, new: &str) -> Option<String> {
    if old == new {
        return None;
    }
    let diff = similar::TextDiff::from_lines(old, new);
    Some(diff.unified_diff().context_radius(3).header("golden", "rendered").to_string())
}
