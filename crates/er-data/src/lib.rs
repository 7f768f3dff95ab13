//! A report's data file: its loading from YAML with located errors, read
//! against the template it names; the rules it must meet ([`check`]);
//! references from the text to the figures ([`refs`]); next year's file
//! ([`init`]); and the JSON Schema of data files of a template ([`schema`]).
//!
//! Data flows one way: YAML → [`Report`] → document → writer → bytes.
//!
//! ```
//! let loaded = er_data::load_file("../../fixtures/aral-emergency-2024.yaml".as_ref()).unwrap();
//! assert!(er_data::check(&loaded).is_empty());
//! ```

pub mod check;
pub mod date;
pub mod figures;
pub mod init;
pub mod load;
pub mod refs;
pub mod report;
pub mod schema;

pub use check::check;
pub use date::Date;
pub use er_source::{Diagnostic, Loc, Severity};
pub use figures::{Amount, AmountCell, Count, Figure, FigureValue};
pub use load::{load_bytes, load_file, load_in, load_str, LoadError, Loaded};
pub use report::{Block, Narrative, Report, TableData};
