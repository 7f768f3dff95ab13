//! The format-neutral document: every presentation decision of the three
//! formats, made once. [`build`] turns a report into a [`Document`] of
//! sections and blocks (headings, paragraphs with their runs, tables as
//! grids of cells with their line breaks, notes, the signature, the 目录);
//! the writers only translate it. Also here: the official layout's numbers
//! ([`layout`]), character widths ([`text`]) and the Chinese line-breaking
//! rules ([`breaking`]), titles in balanced lines ([`title`]), what changed between two reports ([`compare`]) and
//! the correction notice made from it ([`notice`]).
//!
//! ```
//! let loaded = er_data::load_file("../../fixtures/aral-emergency-2024.yaml".as_ref()).unwrap();
//! let doc = er_document::build(&loaded.report);
//! let title = &loaded.report.template.tables[1].title;
//! assert!(doc.text_lines().contains(title));
//! ```

pub mod breaking;
pub mod compare;
pub mod document;
pub mod layout;
pub mod notice;
pub mod rollup;
pub mod text;
pub mod title;

pub use document::{build, Document};
pub use er_data::figures::{significant_digits, SPREADSHEET_DIGITS};
pub use er_data::{Date, Figure, FigureValue};
