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

/// Why pages could not be drawn, whatever the format: a character no font
/// has, or a font that cannot be cut down for embedding.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A character that no available font has: never drawn as a blank.
    #[error("no font has the character “{c}” (U+{code:04X}) in {place}: replace it, or add a font that has it with --font-dir")]
    MissingGlyph { c: char, code: u32, place: String },
    /// A font could not be cut down for embedding.
    #[error("cannot embed the font {family}: {reason}")]
    Font { family: String, reason: String },
}

impl From<layout::MissingGlyph> for Error {
    fn from(m: layout::MissingGlyph) -> Error {
        Error::MissingGlyph { c: m.c, code: m.c as u32, place: m.place }
    }
}

impl From<subset::SubsetError> for Error {
    fn from(e: subset::SubsetError) -> Error {
        Error::Font { family: e.family, reason: e.reason }
    }
}
