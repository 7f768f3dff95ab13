//! Comparing two versions of a report: what changed, in a clerk's words
//! ([`compare`]), and the correction notice (更正说明) made from it
//! ([`notice`]).
//!
//! ```
//! let old = er_data::load_file("../../fixtures/aral-emergency-2024.yaml".as_ref()).unwrap().report;
//! let mut new = old.clone();
//! new.agency = "另一个单位".into();
//! assert!(er_compare::compare::changes(&old, &old).is_empty());
//! assert!(!er_compare::compare::changes(&old, &new).is_empty());
//! ```

pub mod compare;
pub mod notice;
