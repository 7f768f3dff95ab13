//! The CSV writer: the document's figures in long form (表, 表名, 键, 指标,
//! 值, 单位, 类型, 机关, 年度), one line per figure, as the XLSX's data sheet holds them.
//! UTF-8 with a byte-order mark, so that Excel opens it in Chinese; CRLF
//! line ends and RFC 4180 quoting.
//!
//! ```
//! let loaded = er_data::load_file("../../fixtures/aral-emergency-2024.yaml".as_ref()).unwrap();
//! let doc = er_typeset::build(&loaded.report);
//! let csv = String::from_utf8(er_csv::write(&doc)).unwrap();
//! let mut lines = csv.lines();
//! assert_eq!(lines.next(), Some("\u{FEFF}表,表名,键,指标,值,单位,类型,机关,年度"));
//! assert!(lines.next().unwrap().starts_with("表一,行政许可实施情况统计表,"));
//! ```

use er_document::document::{Document, DATA_HEADER};

/// A field quoted when it holds a comma, a quote or a line break.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The CSV bytes of the document's figures. A blank (no such power) is an
/// empty field; a figure is written as printed, every decimal kept.
pub fn write(doc: &Document) -> Vec<u8> {
    let mut out = String::from("\u{FEFF}");
    out.push_str(&DATA_HEADER.join(","));
    out.push_str("\r\n");
    let _ = doc.each_data_row(|r| -> Result<(), std::convert::Infallible> {
        let value = if r.value.is_some() { r.text } else { "" };
        let year = r.year.to_string();
        let fields = [r.table, r.table_title, r.key, r.indicator, value, r.unit, r.nature, r.agency, &year];
        out.push_str(&fields.iter().map(|f| field(f)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
        Ok(())
    });
    out.into_bytes()
}
