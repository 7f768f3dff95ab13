//! The format-neutral document: what every writer translates, and all it
//! translates. A [`Document`] holds sections of blocks (headings,
//! paragraphs with their runs, tables as grids of cells with their line
//! breaks, notes, the signature, the 目录); [`layout`] is its style sheet,
//! the one place each length, size, face, weight and place is decided
//! (GB/T 9704-2012 and the spec); [`text`] measures characters. The
//! document is built and typeset by `er-typeset`; the writers only convert
//! units.
//!
//! ```
//! use er_document::layout::{Role, LINE_PITCH_PT};
//! assert_eq!(Role::Body.size_pt(), 16.0);
//! assert!((LINE_PITCH_PT - 28.95).abs() < 0.01);
//! ```

pub mod document;
pub mod layout;
pub mod text;

pub use document::Document;
pub use er_data::figures::{significant_digits, SPREADSHEET_DIGITS};
pub use er_data::{Date, Figure, FigureValue};

/// The program that makes the files, as their properties name it (the
/// PDF's Producer, Office's Application).
///
/// ```
/// assert!(er_document::producer().starts_with("enforcement-report "));
/// ```
pub fn producer() -> String {
    format!("enforcement-report {}", env!("CARGO_PKG_VERSION"))
}

/// The program's version as Office's app.xml writes one, XX.YYYY: the
/// major version, then minor and patch (0.1.0 is 00.0100).
///
/// ```
/// let v = er_document::office_version();
/// assert!(v.len() == 7 && v.as_bytes()[2] == b'.');
/// ```
pub fn office_version() -> String {
    let n: Vec<u32> = env!("CARGO_PKG_VERSION").split('.').map(|x| x.parse().unwrap_or(0)).collect();
    let at = |i: usize| n.get(i).copied().unwrap_or(0);
    format!("{:02}.{:02}{:02}", at(0), at(1), at(2))
}
