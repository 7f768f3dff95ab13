//! The grid of merged header cells, computed from the header tree.
//!
//! Every leaf (a value column) ends in the last header row. A branch sits
//! in its row and stretches down so that its tallest child ends in the last
//! row; a leaf under a shallower branch spans down to the last row. So a
//! group of leaves sits in the last row under a label that may span two
//! rows (the first group of the reference's 表三), and a lone leaf beside a
//! deeper group spans every row below its parent (its last two columns).

use crate::{HeaderCell, HeaderNode};

/// The height of a subtree: 1 for a leaf.
pub fn height(n: &HeaderNode) -> usize {
    1 + n.children.iter().map(height).max().unwrap_or(0)
}

/// The number of columns a subtree covers: its leaves.
pub fn width(n: &HeaderNode) -> usize {
    if n.children.is_empty() {
        1
    } else {
        n.children.iter().map(width).sum()
    }
}

/// The header cells of a tree, row by row and left to right, and the
/// number of header rows.
///
/// ```
/// use er_template::{grid::compute, HeaderNode};
/// let leaf = |k: &str| HeaderNode { key: k.into(), label: k.into(), column: None, children: vec![] };
/// let tree = vec![
///     HeaderNode { key: "A".into(), label: "A".into(), column: None, children: vec![leaf("a1"), leaf("a2")] },
///     leaf("T"),
/// ];
/// let (cells, rows) = compute(&tree);
/// assert_eq!(rows, 2);
/// let spans: Vec<_> = cells.iter().map(|c| (c.text.as_str(), c.row, c.col, c.rows, c.cols)).collect();
/// assert_eq!(spans, [("A", 0, 0, 1, 2), ("T", 0, 2, 2, 1), ("a1", 1, 0, 1, 1), ("a2", 1, 1, 1, 1)]);
/// ```
pub fn compute(tree: &[HeaderNode]) -> (Vec<HeaderCell>, usize) {
    let rows = tree.iter().map(height).max().unwrap_or(0);
    let mut cells = Vec::new();
    let mut col = 0;
    for n in tree {
        place(n, 0, col, rows, &mut cells);
        col += width(n);
    }
    cells.sort_by_key(|c| (c.row, c.col));
    (cells, rows)
}

fn place(n: &HeaderNode, row: usize, col: usize, rows: usize, out: &mut Vec<HeaderCell>) {
    let (span, cols) = if n.children.is_empty() {
        (rows - row, 1)
    } else {
        // The children start where their tallest one must to end in the last row.
        let below = n.children.iter().map(height).max().unwrap_or(0);
        (rows - below - row, width(n))
    };
    out.push(HeaderCell { key: n.key.clone(), text: n.label.clone(), row, col, rows: span, cols });
    let mut c = col;
    for child in &n.children {
        place(child, row + span, c, rows, out);
        c += width(child);
    }
}

#[cfg(test)]
mod tests {
    /// The header cells of every built-in table tile its header rows: each
    /// slot is covered exactly once.
    #[test]
    fn built_in_headers_tile_their_rows() {
        for t in crate::builtin::all() {
            for d in &t.tables {
                let mut seen = vec![vec![0; d.columns.len()]; d.header_rows];
                for c in &d.grid {
                    for row in seen.iter_mut().skip(c.row).take(c.rows) {
                        for s in row.iter_mut().skip(c.col).take(c.cols) {
                            *s += 1;
                        }
                    }
                }
                assert!(seen.iter().flatten().all(|&x| x == 1), "{} {}: {seen:?}", t.name, d.label);
            }
        }
    }
}
