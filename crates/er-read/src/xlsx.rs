//! An XLSX read back with calamine, plus the raw XML for what calamine does
//! not expose (print setup, number formats).

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, DataRef, Reader, Xlsx};

/// A sheet as a reader sees it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sheet {
    pub name: String,
    /// Non-empty cells by (row, col), 0-based, as text; numbers in their
    /// shortest form (173.7821088).
    pub cells: BTreeMap<(u32, u32), Value>,
    /// Merged ranges: (first row, first col, last row, last col).
    pub merged: Vec<(u32, u32, u32, u32)>,
    /// Formulas by (row, col).
    pub formulas: BTreeMap<(u32, u32), String>,
}

/// A cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Number(f64),
    Text(String),
}

impl Value {
    pub fn text(&self) -> String {
        match self {
            Value::Number(n) => format!("{n}"),
            Value::Text(s) => s.clone(),
        }
    }
}

/// The A1-style name of a 0-based cell: (0, 0) → A1, (4, 27) → AB5.
///
/// ```
/// assert_eq!(er_read::xlsx::cell_name(4, 27), "AB5");
/// ```
pub fn cell_name(r: u32, c: u32) -> String {
    let mut col = String::new();
    let mut n = c + 1;
    while n > 0 {
        col.insert(0, (b'A' + ((n - 1) % 26) as u8) as char);
        n = (n - 1) / 26;
    }
    format!("{col}{}", r + 1)
}

/// Most cells a workbook's sheets hold together that are read: a report's
/// statistics hold a few thousand. A sheet whose one cell stands at
/// XFD1048576 is read as that one cell, never as a grid of that size.
pub const MAX_CELLS: usize = 1_000_000;

/// Reads every sheet of a workbook, cell by cell (never a dense grid), at
/// most [`MAX_CELLS`] cells in all.
pub fn read(bytes: &[u8]) -> Result<Vec<Sheet>, String> {
    crate::docx::check_package(bytes)?;
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).map_err(crate::damaged)?;
    let names = wb.sheet_names().to_vec();
    let mut out = Vec::new();
    let mut count = 0usize;
    for name in names {
        let mut s = Sheet { name: name.clone(), ..Sheet::default() };
        {
            let mut cells = wb.worksheet_cells_reader(&name).map_err(crate::damaged)?;
            while let Some(cell) = cells.next_cell_with_formula().map_err(crate::damaged)? {
                count += 1;
                if count > MAX_CELLS {
                    return Err(er_i18n::t!("read-too-many-cells", max = MAX_CELLS));
                }
                let (r, c) = cell.pos;
                if let Some(f) = cell.formula.filter(|f| !f.is_empty()) {
                    s.formulas.insert((r, c), f);
                }
                let v = match cell.value {
                    DataRef::Int(i) => Value::Number(i as f64),
                    DataRef::Float(f) => Value::Number(f),
                    DataRef::String(t) => Value::Text(t),
                    DataRef::SharedString(t) => Value::Text(t.to_string()),
                    DataRef::Bool(b) => Value::Text(b.to_string()),
                    DataRef::Empty => continue,
                    other => Value::Text(Data::from(other).to_string()),
                };
                s.cells.insert((r, c), v);
            }
        }
        let m = wb.merge_cells_by_sheet_name(&name).map_err(crate::damaged)?;
        s.merged = m.iter().map(|d| (d.start.0, d.start.1, d.end.0, d.end.1)).collect();
        s.merged.sort();
        out.push(s);
    }
    Ok(out)
}
