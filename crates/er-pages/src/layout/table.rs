//! A table with its label, title and notes, laid out from (0, 0): every
//! cell ruled, merged cells drawn as one, labels wrapped inside their cells
//! by the same line-breaking rules as the text.

use er_document::document::{row_heights, CellRole, Notes, Table};
use er_document::layout::{Role, CELL_PADDING_PT, CELL_VPAD_PT, NOTES_GAP_PT, RULE_PT, TABLE_LINE_FACTOR};

use er_typeset::breaking::break_lines;
use super::flow::{line_runs, measure, BASELINE_EM};
use super::{Item, MissingGlyph};
use crate::metrics::Metrics;


/// A cell's rectangle, in points from the table block's top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct CellRect {
    pub row: usize,
    pub col: usize,
    pub rows: usize,
    pub cols: usize,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// A laid-out table block.
#[derive(Debug, Clone, PartialEq)]
pub struct TableLayout {
    pub items: Vec<Item>,
    /// What each item of `items` belongs to, for a table that must be
    /// split across pages.
    pub bands: Vec<Band>,
    pub cells: Vec<CellRect>,
    /// The top of each grid row and, last, the grid's bottom.
    pub row_y: Vec<f64>,
    /// The grid's right edge.
    pub right: f64,
    /// Total height: label, title, grid and notes.
    pub height: f64,
}

/// Where an item of a laid-out table belongs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    /// The label and the title.
    Caption,
    /// The rules and text of the cells starting in this grid row.
    Row(usize),
    /// The rules closing the grid on the right and at the bottom.
    Closing,
    /// The notes under the grid.
    Notes,
}

impl TableLayout {
    /// The rules closing a piece of the grid from `top` to `bottom`: its
    /// right edge and its bottom edge.
    pub fn closing_rules(&self, top: f64, bottom: f64) -> [Item; 2] {
        [
            Item::Rule { x1: self.right, y1: top, x2: self.right, y2: bottom, width: RULE_PT },
            Item::Rule { x1: 0.0, y1: bottom, x2: self.right, y2: bottom, width: RULE_PT },
        ]
    }
}

/// Sets the tag `tag` on the runs of `items` from `from` on. In a table
/// the tags are local, which the flow turns into structure elements
/// (`flow::retag`).
pub(super) fn tag_from(items: &mut [Item], from: usize, tag: usize) {
    for item in &mut items[from..] {
        if let Item::Text(r) = item {
            r.elem = Some(tag);
        }
    }
}

/// Lays out `t` in a block `width` points wide. Its runs carry local tags:
/// 0 for the label and title (the caption), 1 + i for cell i, and
/// 1 + cells + k for note k.
pub fn table_layout(t: &Table, m: &dyn Metrics, width: f64) -> Result<TableLayout, MissingGlyph> {
    let mut items = Vec::new();
    let place = |what: String| move || format!("{}: {what}", t.label);

    let caption_from = items.len();
    let label = Role::TableLabel;
    let p = measure(&t.label, label, m, 1.0, &place("label".into()))?;
    line_runs(&p, 0.0, BASELINE_EM * label.size_pt(), label.size_pt(), None, &mut items);
    let mut y = label.line_pt();

    // The title's lines, centred; a line a font makes too wide breaks again.
    let title = Role::TableTitle;
    let tsize = title.size_pt();
    for l in t.title.split('\n') {
        let p = measure(l, title, m, 1.0, &place("title".into()))?;
        for r in break_lines(&p, width, width) {
            let tw: f64 = p[r.clone()].iter().map(|q| q.width).sum();
            line_runs(&p[r], ((width - tw) / 2.0).max(0.0), y + BASELINE_EM * tsize, tsize, None, &mut items);
            y += title.line_pt();
        }
    }
    y += title.space_after_pt();

    tag_from(&mut items, caption_from, 0);
    let mut bands = vec![Band::Caption; items.len()];

    // Columns and rows.
    let mut xs = vec![0.0];
    for f in &t.columns {
        xs.push(xs.last().copied().unwrap_or(0.0) + f * width);
    }
    let role = Role::TableCell;
    let size = role.size_pt();
    let line_h = size * TABLE_LINE_FACTOR;
    let mut measured = Vec::with_capacity(t.cells.len());
    for c in &t.cells {
        let what = if c.role == CellRole::Header { format!("header cell “{}”", c.text) } else { format!("cell ({}, {})", c.row + 1, c.col + 1) };
        let mut p = measure(&c.text, role, m, 1.0, &place(what))?;
        let inner = xs[c.col + c.cols] - xs[c.col] - 2.0 * CELL_PADDING_PT;
        let mut scale = c.size_pt / size;
        if c.role == CellRole::Value {
            // A figure is never split: set in the document's smaller size,
            // and smaller still should this font's digits need it.
            let w: f64 = p.iter().map(|q| q.advance).sum::<f64>() * scale;
            if w > inner && w > 0.0 {
                scale *= inner / w;
            }
        }
        for q in &mut p {
            q.advance *= scale;
            q.width *= scale;
        }
        // The core's line breaks, each line broken again should a font's
        // advances make it wider than the cell.
        let mut lines = Vec::new();
        let mut start = 0;
        for l in &c.lines {
            let n = l.chars().count();
            for r in break_lines(&p[start..start + n], inner, inner) {
                lines.push(start + r.start..start + r.end);
            }
            start += n;
        }
        measured.push((p, lines, scale));
    }
    // A label's lines are as tall as its size (a wide table is set smaller).
    let pitch = |c: &er_document::document::Cell, scale: f64| if c.role == CellRole::Value { line_h } else { line_h * scale };
    let need: Vec<f64> = t.cells.iter().zip(&measured).map(|(c, (_, lines, scale))| lines.len() as f64 * pitch(c, *scale) + 2.0 * CELL_VPAD_PT).collect();
    let heights = row_heights(t, &need);
    let mut ys = vec![y];
    for h in &heights {
        ys.push(ys.last().copied().unwrap_or(y) + h);
    }

    let mut cells = Vec::new();
    for (ci, (c, (p, lines, scale))) in t.cells.iter().zip(&measured).enumerate() {
        let (x0, x1) = (xs[c.col], xs[c.col + c.cols]);
        let (y0, y1) = (ys[c.row], ys[c.row + c.rows]);
        cells.push(CellRect { row: c.row, col: c.col, rows: c.rows, cols: c.cols, x: x0, y: y0, w: x1 - x0, h: y1 - y0 });
        // Each cell rules its top and left edge; the table's right and
        // bottom edges close the grid. Every boundary is drawn once.
        items.push(Item::Rule { x1: x0, y1: y0, x2: x1, y2: y0, width: RULE_PT });
        items.push(Item::Rule { x1: x0, y1: y0, x2: x0, y2: y1, width: RULE_PT });
        if c.role == CellRole::Blank || p.is_empty() {
            bands.resize(items.len(), Band::Row(c.row));
            continue;
        }
        let cell_from = items.len();
        let lh = pitch(c, *scale);
        let sz = if c.role == CellRole::Value { size } else { size * scale };
        let block_h = lines.len() as f64 * lh;
        let top = y0 + (y1 - y0 - block_h) / 2.0;
        for (k, r) in lines.iter().enumerate() {
            let w: f64 = p[r.clone()].iter().map(|q| q.advance).sum();
            let x = x0 + ((x1 - x0) - w) / 2.0;
            let baseline = top + k as f64 * lh + (lh - sz) / 2.0 + BASELINE_EM * sz;
            line_runs(&p[r.clone()], x, baseline, size * scale, None, &mut items);
        }
        tag_from(&mut items, cell_from, 1 + ci);
        bands.resize(items.len(), Band::Row(c.row));
    }
    let (right, bottom) = (xs[t.columns.len()], ys[t.rows]);
    items.push(Item::Rule { x1: right, y1: ys[0], x2: right, y2: bottom, width: RULE_PT });
    items.push(Item::Rule { x1: 0.0, y1: bottom, x2: right, y2: bottom, width: RULE_PT });
    bands.resize(items.len(), Band::Closing);
    y = bottom + NOTES_GAP_PT;

    let notes_from = items.len();
    y = notes_layout(&t.notes, m, width, y, &t.label, &mut items)?;
    // notes_layout tags note k as 1 + k; here notes follow the cells.
    for item in &mut items[notes_from..] {
        if let Item::Text(r) = item {
            r.elem = r.elem.map(|k| k + t.cells.len());
        }
    }
    bands.resize(items.len(), Band::Notes);
    Ok(TableLayout { items, bands, cells, row_y: ys, right, height: y })
}

/// Notes from `y` down: 说明：1.… and the later notes hanging under the
/// first. Returns where they end.
pub fn notes_layout(notes: &Notes, m: &dyn Metrics, width: f64, y: f64, table: &str, items: &mut Vec<Item>) -> Result<f64, MissingGlyph> {
    let place = |what: String| move || format!("{table}: {what}");
    let mut y = y;
    let note = Role::Note;
    let nsize = note.size_pt();
    let nline = nsize * TABLE_LINE_FACTOR;
    let lead = measure(&notes.lead, note, m, 1.0, &place("notes".into()))?;
    let hang: f64 = lead.iter().map(|q| q.advance).sum();
    for (i, item) in notes.items.iter().enumerate() {
        let mut p = if i == 0 { lead.clone() } else { Vec::new() };
        p.extend(measure(item, note, m, 1.0, &place(format!("note {}", i + 1)))?);
        let (first_x, first_w) = if i == 0 { (0.0, width) } else { (hang, width - hang) };
        let lines = break_lines(&p, first_w, width - hang);
        let last = lines.len() - 1;
        let from = items.len();
        for (k, r) in lines.into_iter().enumerate() {
            let (x, w) = if k == 0 { (first_x, first_w) } else { (hang, width - hang) };
            let baseline = y + (nline - nsize) / 2.0 + BASELINE_EM * nsize;
            line_runs(&p[r], x, baseline, nsize, (k < last).then_some(w), items);
            y += nline;
        }
        tag_from(items, from, 1 + i);
    }
    Ok(y)
}
