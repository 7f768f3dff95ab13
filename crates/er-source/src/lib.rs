//! YAML sources with positions, shared by the data file and the template
//! file: a map from field path to line and column ([`Index`]), findings that
//! name their place ([`Diagnostic`]), and the reading steps both files go
//! through ([`read`]).
//!
//! ```
//! use er_source::{read, Index};
//! let text = read::text(b"a:\n  b: 1\n", "x.yaml").unwrap();
//! assert_eq!(Index::build(text).locate("a.b").unwrap().line, 2);
//! ```

pub mod diag;
pub mod locate;
pub mod read;
pub mod suggest;
pub mod values;

pub use diag::{Diagnostic, Findings, Severity};
pub use locate::{Index, Loc, Node, Scalar};
