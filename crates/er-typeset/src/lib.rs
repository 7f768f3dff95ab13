//! Chinese typesetting of a report: line breaking by the Chinese rules
//! ([`breaking`]), titles and header labels in balanced lines ([`title`]),
//! the width of each column and the size of each table ([`fitting`]), and
//! the document built from a report with all of them ([`build`]).
//!
//! ```
//! let loaded = er_data::load_file("../../fixtures/aral-emergency-2024.yaml".as_ref()).unwrap();
//! let doc = er_typeset::build(&loaded.report);
//! let title = &loaded.report.template.tables[1].title;
//! assert!(doc.text_lines().contains(title));
//! ```

pub mod breaking;
pub mod build;
pub mod fitting;
pub mod title;

pub use build::build;
