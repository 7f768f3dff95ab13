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
