//! Pages laid out for print, shared by the painters (PDF, OFD): the fonts
//! a render draws with and the order they are tried in ([`fonts`]); the
//! layout of the document into pages of positioned glyph runs and rules
//! ([`layout`], tested with fixed [`metrics`] and no font file); and each
//! font cut down to the glyphs the pages draw ([`subset`]). Nothing here
//! writes a file format.
//!
//! ```
//! use er_pages::{lay_out, FontSet, FontSource};
//! let loaded = er_data::load_file("../../fixtures/aral-emergency-2024.yaml".as_ref()).unwrap();
//! let doc = er_typeset::build(&loaded.report);
//! let layout = lay_out(&doc, &FontSet::load(&FontSource::Bundled)).unwrap();
//! assert!(layout.pages.len() > 4);
//! ```

pub mod fonts;
pub mod layout;
pub mod metrics;
pub mod subset;

pub use fonts::{FontSet, FontSource};
pub use layout::{lay_out, Layout};
pub use metrics::{FixedMetrics, Metrics};
