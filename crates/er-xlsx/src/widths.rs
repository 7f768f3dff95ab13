//! Row heights for wrapped text: spreadsheet programs do not grow a row for
//! a merged or wrapped cell by themselves, so the writer measures.

use er_document::document::Table;
use er_document::layout::{Role, CELL_VPAD_PT};
use er_typeset::breaking::wrap;

pub use er_document::layout::TABLE_LINE_FACTOR as LINE_HEIGHT_FACTOR;

/// Excel column units taken by one full-width character at `size_pt`
/// (a unit is the width of "0" in the 11 pt default font, about 7 px; a
/// Chinese character at 12 pt is 16 px: full width counts as two and more).
fn units_per_em(size_pt: f64) -> f64 {
    size_pt * 4.0 / 3.0 / 7.0
}

/// Lines that `text` takes in a cell `width_units` wide, broken by the
/// core's rules.
pub fn lines(text: &str, width_units: f64, size_pt: f64) -> usize {
    let cap = ((width_units - 1.0) / units_per_em(size_pt)).max(1.0);
    wrap(text, cap).len()
}

/// Heights in points of the header rows and the value row.
pub fn row_heights(t: &Table, widths: &[f64]) -> Vec<f64> {
    let size = Role::TableCell.size_pt();
    let line = LINE_HEIGHT_FACTOR * size;
    let need: Vec<f64> = t
        .cells
        .iter()
        .map(|c| {
            let w: f64 = widths[c.col..c.col + c.cols].iter().sum();
            // A label set smaller (a wide table) takes lines of its size.
            let (size, line) = if c.role == er_document::document::CellRole::Value { (size, line) } else { (c.size_pt, LINE_HEIGHT_FACTOR * c.size_pt) };
            c.lines.iter().map(|l| lines(l, w, size)).sum::<usize>().max(1) as f64 * line + 2.0 * CELL_VPAD_PT
        })
        .collect();
    er_document::document::row_heights(t, &need)
}
