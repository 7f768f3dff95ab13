//! The XLSX writer: one sheet per table of the template (表一 …), figures as numbers,
//! totals as SUM formulas with their values cached, the header merged as the
//! core's grid says, and an A4 landscape print setup.
//!
//! ```
//! let loaded = er_data::load_file("../../fixtures/aral-emergency-2024.yaml".as_ref()).unwrap();
//! let doc = er_typeset::build(&loaded.report);
//! let bytes = er_xlsx::write(&doc).unwrap();
//! assert_eq!(&bytes[..2], b"PK");
//! ```

use er_document::document::{Block, Cell, CellRole, Document, Notes, Sum, Table, TableNotes};
use er_document::layout::{Role, LANDSCAPE, NOTES_GAP_PT, RULE_PT};
use er_document::{significant_digits, SPREADSHEET_DIGITS};
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet, XlsxError,
};

pub mod package;
mod widths;

pub use rust_xlsxwriter::XlsxError as Error;

/// Width of a table in Excel column units (about the landscape text block at 小四).
const TABLE_WIDTH_UNITS: f64 = 118.0;
/// Rows above the header: the label, then the title.
const LABEL_ROW: u32 = 0;
const TITLE_ROW: u32 = 1;
const FIRST_HEADER_ROW: u32 = 2;

/// Renders the document's tables as an XLSX workbook.
pub fn write(doc: &Document) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    wb.set_zip_compression_level(package::ZIP_LEVEL as u8);
    let date = ExcelDateTime::from_ymd(doc.info.date.year, doc.info.date.month, doc.info.date.day)?;
    wb.set_properties(
        &DocProperties::new().set_title(&doc.info.title).set_author(&doc.info.author).set_creation_datetime(&date),
    );
    let tables = doc.tables();
    // A sheet holds one table: notes the document prints after the last
    // table go under their own table here.
    let apart: Vec<&TableNotes> = doc
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| if let Block::Notes(n) = b { Some(n) } else { None })
        .collect();
    for table in tables {
        let ws = wb.add_worksheet();
        ws.set_name(&table.label)?;
        let notes = apart.iter().find(|n| n.table == table.index).map_or(&table.notes, |n| &n.notes);
        sheet(ws, table, notes)?;
        // The figures by name: =表一_数值 in a formula or Power Query; a
        // roll-up's agency rows without their names, and its totals row.
        let excel_row = |r: usize| FIRST_HEADER_ROW + r as u32 + 1;
        let first = column_letter(table.stub_cols as u16);
        let last = column_letter(table.columns.len() as u16 - 1);
        let (top, bottom) = (excel_row(table.header_rows), excel_row(table.rows - table.total_rows - 1));
        wb.define_name(format!("{}_数值", table.label), &format!("='{}'!${first}${top}:${last}${bottom}", table.label))?;
        if table.total_rows > 0 {
            let (top, bottom) = (excel_row(table.rows - table.total_rows), excel_row(table.rows - 1));
            wb.define_name(format!("{}_{}", table.label, er_document::document::TOTAL_ROW), &format!("='{}'!${first}${top}:${last}${bottom}", table.label))?;
        }
    }
    // Rows are flushed to a temporary file as they are written: a
    // roll-up's data sheet has a row for every figure of every agency.
    data_sheet(wb.add_worksheet_with_low_memory()?, doc)?;
    package::finish(wb.save_to_buffer()?)
}

/// The sheet the statistics desk loads: every figure in long form
/// (表 | 表名 | 键 | 指标 | 值 | 单位 | 类型 | 机关 | 年度) as an Excel table, so pandas,
/// Power Query and WPS read it without knowing the printed layout.
fn data_sheet(ws: &mut Worksheet, doc: &Document) -> Result<(), XlsxError> {
    use er_document::document::DATA_HEADER;
    ws.set_name(DATA_SHEET)?;
    let rows = doc.data_row_count();
    let text = Format::new().set_font_name(Role::TableCell.face().official_name()).set_font_charset(134);
    // The table first, which writes the header row in the sheet's font:
    // the rows below go to the sheet's temporary file one by one, and a
    // row once left cannot be written again.
    let columns: Vec<rust_xlsxwriter::TableColumn> = DATA_HEADER.iter().map(|h| rust_xlsxwriter::TableColumn::new().set_header(*h).set_header_format(&text)).collect();
    let table = rust_xlsxwriter::Table::new().set_name("数据表").set_columns(&columns);
    ws.add_table(0, 0, rows.max(1) as u32, DATA_HEADER.len() as u16 - 1, &table)?;
    // The text columns as wide as their longest entry (a header path such
    // as 某类行为（件） › 某种情形 is read whole, not cut by the
    // figure beside it), within Excel's sensible widths.
    let mut widths = [6.0, 30.0, 24.0, 36.0, 18.0, 6.0, 6.0, 30.0, 6.0];
    let mut row = 0;
    doc.each_data_row(|r| {
        row += 1;
        ws.write_string_with_format(row, 0, r.table, &text)?;
        ws.write_string_with_format(row, 1, r.table_title, &text)?;
        ws.write_string_with_format(row, 2, r.key, &text)?;
        ws.write_string_with_format(row, 3, r.indicator, &text)?;
        match r.value {
            Some(_) => ws.write_number_with_format(row, 4, exact_number(r.text)?, &Format::new().set_num_format(number_format(r.text)))?,
            None => ws.write_blank(row, 4, &Format::new())?,
        };
        ws.write_string_with_format(row, 5, r.unit, &text)?;
        ws.write_string_with_format(row, 6, r.nature, &text)?;
        ws.write_string_with_format(row, 7, r.agency, &text)?;
        ws.write_number(row, 8, r.year as f64)?;
        for (c, t) in [(1, r.table_title), (2, r.key), (3, r.indicator), (7, r.agency)] {
            widths[c] = f64::max(widths[c], er_document::text::em_width(t) * 2.0 + 2.0);
        }
        Ok::<(), XlsxError>(())
    })?;
    let widths = widths.map(|w| w.min(MAX_TEXT_WIDTH));
    for (c, w) in widths.into_iter().enumerate() {
        ws.set_column_width(c as u16, w)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

/// Widest a text column of the data sheet is set, in Excel's units.
const MAX_TEXT_WIDTH: f64 = 100.0;

/// The name of the long data sheet.
pub const DATA_SHEET: &str = "数据";


fn font(role: Role) -> Format {
    Format::new()
        .set_font_name(role.face().official_name())
        .set_font_size(role.size_pt())
        // GB2312 character set: Excel picks the East Asian face by it.
        .set_font_charset(134)
        // Editable under the sheet's protection, which guards the totals.
        .set_unlocked()
}

/// A spreadsheet's line style for a rule of `pt`: it knows no weights,
/// only classes. Thin, its thinnest solid line, is the ½-pt class of Word's
/// and WPS's single table line (Hair is drawn dotted by some programs).
fn rule_border(pt: f64) -> FormatBorder {
    if pt <= 0.75 {
        FormatBorder::Thin
    } else if pt <= 1.5 {
        FormatBorder::Medium
    } else {
        FormatBorder::Thick
    }
}

/// A row height as a spreadsheet stores it: whole pixels (¾ pt at 96 to
/// the inch), rounded up, since every height of the style sheet is a least
/// height (28 pt is 28.5, never 27.75).
fn whole_pixels(pt: f64) -> f64 {
    (pt / 0.75 - 1e-9).ceil() * 0.75
}

fn cell_format(role: Role) -> Format {
    font(role)
        .set_border(rule_border(RULE_PT))
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap()
}

/// "0" for counts and whole amounts, "0.0000000" for as many decimals as stored.
/// The number format that shows a figure as the document does: as many
/// places as its text has (12.3400 → 0.0000).
fn number_format(shown: &str) -> String {
    match shown.split_once('.') {
        Some((_, places)) if !places.is_empty() => format!("0.{}", "0".repeat(places.len())),
        _ => "0".to_string(),
    }
}

/// Excel's letters for a 0-based column: 0 → A, 26 → AA.
fn column_letter(mut col: u16) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

fn sheet(ws: &mut Worksheet, t: &Table, notes: &Notes) -> Result<(), XlsxError> {
    let ncols = t.columns.len() as u16;
    let last_col = ncols - 1;
    let widths: Vec<f64> = t.columns.iter().map(|f| f * TABLE_WIDTH_UNITS).collect();
    for (i, w) in widths.iter().enumerate() {
        ws.set_column_width(i as u16, *w)?;
    }

    ws.write_string_with_format(LABEL_ROW, 0, &t.label, &font(Role::TableLabel))?;
    ws.set_row_height(LABEL_ROW, whole_pixels(Role::TableLabel.line_pt()))?;
    // The title in the document's balanced lines, each centred, at the top
    // of its row: the row's last points are the caption's gap.
    let title = font(Role::TableTitle).set_align(FormatAlign::Center).set_align(FormatAlign::Top).set_text_wrap();
    merge_or_write(ws, TITLE_ROW, 0, last_col, &t.title, &title)?;
    let title_lines = t.title.split('\n').count() as f64;
    ws.set_row_height(TITLE_ROW, whole_pixels(Role::TableTitle.line_pt() * title_lines + Role::TableTitle.space_after_pt()))?;

    let heights = widths::row_heights(t, &widths);
    for (r, h) in heights.iter().enumerate() {
        ws.set_row_height(FIRST_HEADER_ROW + r as u32, whole_pixels(*h))?;
    }
    for c in &t.cells {
        write_cell(ws, c)?;
    }

    // Notes: one merged, wrapped row each; later notes hang under the first.
    // The hang in ideographic spaces, each one character wide.
    let hang = "\u{3000}".repeat(notes.hang_em().round() as usize);
    // At the foot of their rows: the first row's first points are the gap
    // between the grid and the notes.
    let note_format = font(Role::Note).set_align(FormatAlign::Left).set_align(FormatAlign::Bottom).set_text_wrap();
    let total_width: f64 = widths.iter().sum();
    let mut row = FIRST_HEADER_ROW + t.rows as u32;
    for (i, line) in notes.lines().enumerate() {
        let text = if i == 0 { line } else { format!("{hang}{line}") };
        merge_or_write(ws, row, 0, last_col, &text, &note_format)?;
        let lines = widths::lines(&text, total_width, Role::Note.size_pt());
        let gap = if i == 0 { NOTES_GAP_PT } else { 0.0 };
        ws.set_row_height(row, whole_pixels(Role::Note.line_pt() * lines as f64 + gap))?;
        row += 1;
    }

    let inch = |mm: f64| mm / 25.4;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_margins(inch(LANDSCAPE.left_mm), inch(LANDSCAPE.right_mm), inch(LANDSCAPE.top_mm), inch(LANDSCAPE.bottom_mm), 0.3, inch(LANDSCAPE.bottom_mm) / 2.0);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
    ws.set_repeat_rows(FIRST_HEADER_ROW, FIRST_HEADER_ROW + t.header_rows as u32 - 1)?;
    // Odd pages' here, even pages' added by `package`.
    ws.set_footer(package::footer(1));
    // The header stays in view; the sheet is protected without a password
    // so that the SUM formulas are not overwritten by accident (every other
    // cell stays editable; 审阅 → 撤消工作表保护 lifts it).
    ws.set_freeze_panes(FIRST_HEADER_ROW + t.header_rows as u32, t.stub_cols as u16)?;
    ws.protect();
    Ok(())
}

fn write_cell(ws: &mut Worksheet, c: &Cell) -> Result<(), XlsxError> {
    let row = FIRST_HEADER_ROW + c.row as u32;
    let col = c.col as u16;
    let last_row = row + c.rows as u32 - 1;
    let last_col = col + c.cols as u16 - 1;
    // A wide table is set smaller, its labels as its figures.
    let base = cell_format(Role::TableCell).set_font_size(c.size_pt);
    match (c.role, c.value) {
        (CellRole::Header, _) | (_, None) => {
            // A label is its text; the cell's wrap breaks it, so a CSV
            // export or pandas reads the label as the template gives it.
            if c.rows > 1 || c.cols > 1 {
                ws.merge_range(row, col, last_row, last_col, &c.text, &base)?;
            } else {
                ws.write_string_with_format(row, col, &c.text, &base)?;
            }
        }
        (CellRole::Blank, Some(_)) => {
            ws.write_blank(row, col, &base)?;
        }
        (CellRole::Value, Some(_)) => {
            // A figure too wide for its column is set smaller, as in the other formats.
            let format = base.set_num_format(number_format(&c.text)).set_font_size(c.size_pt);
            // The last step that must convert: a figure the sheet cannot
            // hold exactly is refused, never rounded (`check` refuses it
            // first, with its place in the data file).
            let number = exact_number(&c.text)?;
            match &c.sum_of {
                Some(sum) => {
                    let formula = match sum {
                        Sum::Columns(cols) => format!("=SUM({})", sum_ranges(cols, |c| format!("{}{}", column_letter(c as u16), row + 1))),
                        Sum::Rows(rows) => {
                            let letter = column_letter(col);
                            format!("=SUM({})", sum_ranges(rows, |r| format!("{letter}{}", FIRST_HEADER_ROW as usize + r + 1)))
                        }
                        Sum::Rate { part, whole, decimals, rounding } => {
                            let at = |c: usize| format!("{}{}", column_letter(c as u16), row + 1);
                            let function = match rounding {
                                er_document::document::Rounding::HalfUp => "ROUND",
                                er_document::document::Rounding::Down => "ROUNDDOWN",
                                // Excel has no half-to-even rounding: the value as computed.
                                er_document::document::Rounding::HalfEven => {
                                    ws.write_number_with_format(row, col, number, &format)?;
                                    return Ok(());
                                }
                            };
                            format!("={function}({}/{}*100,{decimals})", at(*part), at(*whole))
                        }
                    };
                    // A total is the one locked cell: the sheet's protection keeps it a formula.
                    ws.write_formula_with_format(row, col, Formula::new(formula).set_result(&c.text), &format.set_locked())?;
                }
                None => {
                    ws.write_number_with_format(row, col, number, &format)?;
                }
            }
        }
    }
    Ok(())
}

/// `text` as the f64 the sheet stores, when that stores it exactly to the
/// digits written.
///
/// ```text
/// assert_eq!(exact_number("173.7821088").unwrap(), 173.7821088);
/// assert!(exact_number("99999999999.9999999").is_err());
/// ```
fn exact_number(text: &str) -> Result<f64, XlsxError> {
    let refuse = |why: &str| XlsxError::ParameterError(format!("the figure {text} {why}"));
    let significant = significant_digits(text);
    if significant > SPREADSHEET_DIGITS {
        return Err(refuse(&format!("has {significant} significant digits; a spreadsheet keeps {SPREADSHEET_DIGITS}")));
    }
    text.parse::<f64>().map_err(|_| refuse("is not a number"))
}

/// Text across columns `first..=last` of a row: merged, or in the one cell
/// when the table is one column wide (Excel has no one-cell merge).
fn merge_or_write(ws: &mut Worksheet, row: u32, first: u16, last: u16, text: &str, format: &Format) -> Result<(), XlsxError> {
    if last > first {
        ws.merge_range(row, first, row, last, text, format)?;
    } else {
        ws.write_string_with_format(row, first, text, format)?;
    }
    Ok(())
}

/// The ranges of a SUM over cells of one row or one column, `at` naming
/// each cell: runs of neighbours become one range (A4:H4), others stand
/// alone (A4:C4,E4).
fn sum_ranges(cells: &[usize], at: impl Fn(usize) -> String) -> String {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for &c in cells {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == c => *end = c,
            _ => runs.push((c, c)),
        }
    }
    runs.iter()
        .map(|&(a, b)| if a == b { at(a) } else { format!("{}:{}", at(a), at(b)) })
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sum_ranges_join_neighbours() {
        let in_row = |r: u32| move |c: usize| format!("{}{r}", column_letter(c as u16));
        assert_eq!(sum_ranges(&[0, 1, 2, 3, 4, 5, 6, 7], in_row(4)), "A4:H4");
        assert_eq!(sum_ranges(&[0, 1, 2, 4, 6, 7], in_row(5)), "A5:C5,E5,G5:H5");
        assert_eq!(sum_ranges(&[4, 5, 6], |r| format!("B{r}")), "B4:B6");
    }

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(12), "M");
        assert_eq!(column_letter(26), "AA");
    }

    #[test]
    fn number_formats_show_every_stored_decimal() {
        assert_eq!(number_format("173.7821088"), "0.0000000");
        assert_eq!(number_format("3.6"), "0.0");
        assert_eq!(number_format("12.3400"), "0.0000");
        assert_eq!(number_format("0"), "0");
        assert_eq!(number_format("37"), "0");
    }
}

#[cfg(test)]
mod exact {
    use super::exact_number;

    #[test]
    fn a_figure_the_sheet_cannot_hold_is_refused_not_rounded() {
        assert_eq!(exact_number("173.7821088").unwrap(), 173.7821088);
        assert_eq!(exact_number("999999999999.999").unwrap(), 999999999999.999);
        assert_eq!(exact_number("1.50000000000000000").unwrap(), 1.5, "trailing zeros are not stored digits");
        assert!(exact_number("99999999999.9999999").unwrap_err().to_string().contains("18 significant digits"));
        assert!(exact_number("twelve").is_err(), "never 0 for a text that is no number");
    }
}
