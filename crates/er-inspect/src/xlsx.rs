//! An XLSX read back with calamine, plus the raw XML for what calamine does
//! not expose (print setup, number formats).

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

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
/// assert_eq!(er_inspect::xlsx::cell_name(4, 27), "AB5");
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

/// Reads every sheet of a workbook.
pub fn read(bytes: &[u8]) -> Result<Vec<Sheet>, String> {
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).map_err(|e| e.to_string())?;
    let names = wb.sheet_names().to_vec();
    let mut out = Vec::new();
    for name in names {
        let range = wb.worksheet_range(&name).map_err(|e| e.to_string())?;
        let mut s = Sheet { name: name.clone(), ..Sheet::default() };
        let (r0, c0) = range.start().unwrap_or((0, 0));
        for (r, c, v) in range.used_cells() {
            let v = match v {
                Data::Int(i) => Value::Number(*i as f64),
                Data::Float(f) => Value::Number(*f),
                Data::String(t) => Value::Text(t.clone()),
                Data::Bool(b) => Value::Text(b.to_string()),
                Data::Empty => continue,
                other => Value::Text(other.to_string()),
            };
            s.cells.insert((r0 + r as u32, c0 + c as u32), v);
        }
        let formulas = wb.worksheet_formula(&name).map_err(|e| e.to_string())?;
        let (f0, g0) = formulas.start().unwrap_or((0, 0));
        for (r, c, f) in formulas.used_cells() {
            if !f.is_empty() {
                s.formulas.insert((f0 + r as u32, g0 + c as u32), f.clone());
            }
        }
        let m = wb.merge_cells_by_sheet_name(&name).map_err(|e| e.to_string())?;
        s.merged = m.iter().map(|d| (d.start.0, d.start.1, d.end.0, d.end.1)).collect();
        s.merged.sort();
        out.push(s);
    }
    Ok(out)
}
