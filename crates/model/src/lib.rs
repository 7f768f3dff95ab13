//! The core of enforcement-report: the report as typed data, its loading
//! from YAML with located errors, the rules it must meet, the tables'
//! definitions, the official layout's numbers, and the format-neutral
//! document that every writer consumes.
//!
//! Data flows one way: YAML → [`Report`] → [`Document`] → writer → bytes.

pub mod breaking;
pub mod check;
pub mod compare;
pub mod date;
pub mod diag;
pub mod document;
pub mod figures;
pub mod init;
pub mod layout;
pub mod load;
pub mod locate;
pub mod refs;
pub mod report;
pub mod schema;
pub mod tables;
pub mod text;

pub use check::check;
pub use date::Date;
pub use diag::{Diagnostic, Severity};
pub use document::{build, Document};
pub use figures::{Amount, AmountCell, Count, Figure};
pub use load::{load_bytes, load_file, load_str, LoadError, Loaded};
pub use locate::Loc;
pub use report::Report;
pub use tables::{FigureValue, Kind, TableId};
