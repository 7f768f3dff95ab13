//! The alignment of two sequences (paragraphs, rows, characters): which
//! runs differ, found exactly (Myers) while the differences are few, and
//! in linear time past a bound, so that two files of 10⁵ different
//! paragraphs compare in a second. Used by `diff`, the correction notice
//! and the readers' comparisons.

/// Two lists aligned by a diff: for each entry that differs, its index in
/// `a` and in `b` (None where it was inserted or deleted), in order.
///
/// ```
/// use er_align::changed_pairs;
/// let (a, b) = (["x", "y", "z"], ["x", "Y", "z", "w"]);
/// assert_eq!(changed_pairs(&a, &b), [(Some(1), Some(1)), (None, Some(3))]);
/// ```
pub fn changed_pairs<T: AsRef<str>>(a: &[T], b: &[T]) -> Vec<(Option<usize>, Option<usize>)> {
    let a: Vec<&str> = a.iter().map(AsRef::as_ref).collect();
    let b: Vec<&str> = b.iter().map(AsRef::as_ref).collect();
    let mut out = Vec::new();
    for (oi, ol, ni, nl) in changed_runs(&a, &b) {
        for k in 0..ol.max(nl) {
            out.push(((k < ol).then_some(oi + k), (k < nl).then_some(ni + k)));
        }
    }
    out
}

/// The runs in which two sequences differ, in order: (start in `a`,
/// length in `a`, start in `b`, length in `b`).
///
/// ```
/// use er_align::changed_runs;
/// let (a, b): (Vec<char>, Vec<char>) = ("98.81%".chars().collect(), "98.82%".chars().collect());
/// assert_eq!(changed_runs(&a, &b), [(4, 1, 4, 1)]);
/// ```
pub fn changed_runs<T: std::hash::Hash + Eq + Ord>(a: &[T], b: &[T]) -> Vec<(usize, usize, usize, usize)> {
    // Myers takes time in proportion to the length times the number of
    // differences: two files of 10⁵ different paragraphs would take a
    // minute. Past a bound on the differences (at least the entries of one
    // side that the other lacks) a linear alignment is used instead.
    if least_differences(a, b) > MAX_EXACT_DIFFERENCES {
        return greedy_runs(a, b);
    }
    similar::capture_diff_slices(similar::Algorithm::Myers, a, b)
        .into_iter()
        .filter_map(|op| match op {
            similar::DiffOp::Equal { .. } => None,
            similar::DiffOp::Delete { old_index, old_len, new_index } => Some((old_index, old_len, new_index, 0)),
            similar::DiffOp::Insert { old_index, new_index, new_len } => Some((old_index, 0, new_index, new_len)),
            similar::DiffOp::Replace { old_index, old_len, new_index, new_len } => Some((old_index, old_len, new_index, new_len)),
        })
        .collect()
}

/// Most differences aligned exactly (Myers); beyond, [`greedy_runs`].
const MAX_EXACT_DIFFERENCES: usize = 2_000;

/// How many entries at least a diff must delete or insert: those of each
/// side that the other has fewer of.
fn least_differences<T: std::hash::Hash + Eq>(a: &[T], b: &[T]) -> usize {
    let mut count: std::collections::HashMap<&T, i64> = std::collections::HashMap::new();
    for x in a {
        *count.entry(x).or_default() += 1;
    }
    for y in b {
        *count.entry(y).or_default() -= 1;
    }
    count.values().map(|n| n.unsigned_abs() as usize).sum()
}

/// A linear alignment: equal entries pass together; an entry the other
/// side has no more of is deleted or inserted; otherwise the two are
/// paired as a change.
fn greedy_runs<T: std::hash::Hash + Eq>(a: &[T], b: &[T]) -> Vec<(usize, usize, usize, usize)> {
    let mut left: std::collections::HashMap<&T, (usize, usize)> = std::collections::HashMap::new();
    for x in a {
        left.entry(x).or_default().0 += 1;
    }
    for y in b {
        left.entry(y).or_default().1 += 1;
    }
    let mut out: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut add = |i: usize, di: usize, j: usize, dj: usize| match out.last_mut() {
        Some(r) if r.0 + r.1 == i && r.2 + r.3 == j => {
            r.1 += di;
            r.3 += dj;
        }
        _ => out.push((i, di, j, dj)),
    };
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let in_b = |x: &T, left: &std::collections::HashMap<&T, (usize, usize)>| left.get(x).is_some_and(|c| c.1 > 0);
        let in_a = |y: &T, left: &std::collections::HashMap<&T, (usize, usize)>| left.get(y).is_some_and(|c| c.0 > 0);
        if i < a.len() && j < b.len() && a[i] == b[j] {
            if let Some(c) = left.get_mut(&a[i]) {
                c.0 -= 1;
                c.1 -= 1;
            }
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || !in_b(&a[i], &left)) {
            if let Some(c) = left.get_mut(&a[i]) {
                c.0 -= 1;
            }
            add(i, 1, j, 0);
            i += 1;
        } else if j < b.len() && (i == a.len() || !in_a(&b[j], &left)) {
            if let Some(c) = left.get_mut(&b[j]) {
                c.1 -= 1;
            }
            add(i, 0, j, 1);
            j += 1;
        } else {
            // Both entries come again later: a change here.
            if let Some(c) = left.get_mut(&a[i]) {
                c.0 -= 1;
            }
            if let Some(c) = left.get_mut(&b[j]) {
                c.1 -= 1;
            }
            add(i, 1, j, 1);
            i += 1;
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod scale {
    use super::{changed_pairs, changed_runs};

    #[test]
    fn many_differences_are_aligned_in_linear_time() {
        let a: Vec<String> = (0..20_000).map(|i| format!("旧段落{i}")).collect();
        let b: Vec<String> = (0..20_000).map(|i| format!("新段落{i}")).collect();
        let pairs = changed_pairs(&a, &b);
        assert_eq!(pairs.len(), 20_000);
        assert!(pairs.iter().enumerate().all(|(k, p)| *p == (Some(k), Some(k))), "paired in order");
    }

    #[test]
    fn the_greedy_alignment_keeps_what_is_equal() {
        // Past the bound: 3,000 changed entries, and an entry inserted
        // at the top shifts all the equal ones.
        let mut a: Vec<String> = (0..3_000).map(|i| format!("甲{i}")).collect();
        a.extend((0..100).map(|i| format!("同{i}")));
        let mut b: Vec<String> = vec!["新".into()];
        b.extend((0..3_000).map(|i| format!("乙{i}")));
        b.extend((0..100).map(|i| format!("同{i}")));
        let runs = changed_runs(&a, &b);
        let last = runs.last().unwrap();
        assert_eq!((last.0 + last.1, last.2 + last.3), (3_000, 3_001), "the 100 equal entries at the end are equal: {runs:?}");
    }
}
