//! What rust_xlsxwriter cannot write, added to its package in one pass
//! that rewrites the zip in the same order with the same fixed times (the
//! same workbook gives the same bytes):
//!
//! - the page number on the outside of each printed page, as the DOCX and
//!   the PDF place it (right on odd pages, left on even ones, one character
//!   in from the margin): the even pages' own footer (`differentOddEven`,
//!   `evenFooter`) on each sheet that has one;
//! - the program that made the file, in `docProps/app.xml` (rust_xlsxwriter
//!   names Microsoft Excel 12.0).

use std::io::{Cursor, Read, Write};

use er_document::layout::{page_number_align, Align, Role, PAGE_NUMBER_DASH, PAGE_NUMBER_INSET_CHARS};
use rust_xlsxwriter::XlsxError;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// The deflate level of the package's parts, chosen by measurement (README,
/// Speed): zlib-rs's level 4 makes a roll-up's workbook of 1,000 agencies
/// within 1 % of level 6's size in 0.8 × the time; level 1 is 1.8 × larger.
pub const ZIP_LEVEL: i64 = 4;

/// The footer of page `page` (1 odd, 2 even) in Excel's codes: the face and
/// size of the page-number role, "— N —" on its side, and the inset as
/// ideographic spaces (each one character of the number's size).
///
/// ```
/// let odd = er_xlsx::package::footer(1);
/// assert!(odd.starts_with("&R") && odd.ends_with("— &P —\u{3000}"));
/// assert!(er_xlsx::package::footer(2).starts_with("&L"));
/// ```
pub fn footer(page: usize) -> String {
    let d = PAGE_NUMBER_DASH;
    let role = Role::PageNumber;
    let font = format!("&\"{},Regular\"&{}", role.face().official_name(), role.size_pt() as u32);
    let inset = "\u{3000}".repeat(PAGE_NUMBER_INSET_CHARS);
    match page_number_align(page) {
        Align::Left => format!("&L{font}{inset}{d} &P {d}"),
        _ => format!("&R{font}{d} &P {d}{inset}"),
    }
}

/// `xml` with the text of its element `tag` set to `value`.
fn replace_element(xml: &str, tag: &str, value: &str) -> String {
    let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
    match (xml.find(&open), xml.find(&close)) {
        (Some(a), Some(b)) if a < b => format!("{}{open}{value}{}", &xml[..a], &xml[b..]),
        _ => xml.to_string(),
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Adds the even pages' footer to every worksheet whose odd footer is
/// [`footer`]`(1)`, and names this program in the properties.
pub fn finish(raw: Vec<u8>) -> Result<Vec<u8>, XlsxError> {
    let odd = format!("<oddFooter>{}</oddFooter>", escape(&footer(1)));
    let both = format!("{odd}<evenFooter>{}</evenFooter>", escape(&footer(2)));
    let mut archive = ZipArchive::new(Cursor::new(raw))?;
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut f = archive.by_index(i)?;
        let name = f.name()?.to_string();
        let sheet = name.starts_with("xl/worksheets/") && name.ends_with(".xml");
        let app = name == "docProps/app.xml";
        // Every other part, and a sheet without the footer (a roll-up's
        // data sheet, most of the file), is copied as rust_xlsxwriter
        // compressed it: compressing it twice was a third of the roll-up's
        // XLSX time.
        if !sheet && !app {
            out.raw_copy_file(f)?;
            continue;
        }
        let mut text = String::new();
        f.read_to_string(&mut text)?;
        let changed = if app {
            let t = replace_element(&text, "Application", &escape(&er_document::producer()));
            replace_element(&t, "AppVersion", &er_document::office_version())
        } else if text.contains(&odd) {
            text.replacen("<headerFooter>", "<headerFooter differentOddEven=\"1\">", 1).replacen(&odd, &both, 1)
        } else {
            drop(f);
            out.raw_copy_file(archive.by_index(i)?)?;
            continue;
        };
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .compression_level(Some(ZIP_LEVEL))
            .last_modified_time(f.last_modified().unwrap_or_default());
        drop(f);
        out.start_file(name, options)?;
        out.write_all(changed.as_bytes())?;
    }
    Ok(out.finish()?.into_inner())
}
