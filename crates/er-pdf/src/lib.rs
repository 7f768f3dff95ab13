//! The PDF writer. The layout is ours (printpdf draws; it does not lay out
//! Chinese text): `er_pages::layout` turns the document into pages of
//! positioned glyph runs and rules, each run tied to an element of the
//! structure tree; `paint` draws them with printpdf, marking each run's
//! content (BDC/EMC) and page numbers and rules as artifacts; the fonts are
//! subset and embedded by [`embed`], not by printpdf. What printpdf
//! cannot write is added with lopdf afterwards (`catalog`): the structure
//! tree, the bookmark tree, XMP metadata, the catalog's /Lang, /PageMode and
//! /MarkInfo, a document information dictionary without printpdf's empty
//! PDF/X keys, and the content-derived /ID. Each page's content stream is
//! written by printpdf and compressed as soon as the page is painted, and
//! the file itself by `file`, in lopdf's format, making the structure
//! tree's elements one at a time: a roll-up of a thousand agencies is not
//! held as operators and dictionaries.
//!
//! ```
//! use er_pdf::{write, FontSource};
//! let loaded = er_data::load_file("../../fixtures/aral-emergency-2024.yaml".as_ref()).unwrap();
//! let doc = er_typeset::build(&loaded.report);
//! let bytes = write(&doc, &FontSource::Bundled).unwrap();
//! assert!(bytes.starts_with(b"%PDF-"));
//! ```

mod catalog;
pub mod embed;
mod file;
mod paint;

// The pages and fonts are er-pages'; named here too, as the PDF's.
pub use er_pages::{fonts, layout, metrics};
pub use er_pages::{lay_out, FixedMetrics, FontSet, FontSource, Layout, Metrics};

/// Why a PDF could not be written.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A character no font has, or a font that cannot be embedded.
    #[error(transparent)]
    Pages(#[from] er_pages::Error),
    /// The PDF could not be serialized.
    #[error("cannot write the PDF: {0}")]
    Save(#[from] std::io::Error),
}

/// Renders the document as PDF bytes, with the fonts of `source`.
pub fn write(doc: &er_document::Document, source: &FontSource) -> Result<Vec<u8>, Error> {
    write_with(doc, &FontSet::load(source))
}

/// Renders the document with fonts already loaded: a batch loads them once.
pub fn write_with(doc: &er_document::Document, fonts: &FontSet) -> Result<Vec<u8>, Error> {
    let layout = lay_out(doc, fonts).map_err(er_pages::Error::from)?;
    paint::paint(doc, layout, fonts, false)
}

/// Renders the document as a PDF/A-1b file for archives (ISO 19005-1,
/// adopted as GB/Z 23283-2009): the same pages as [`write_with`], in PDF
/// 1.4, with an sRGB output intent, a CIDSet for every font and the PDF/A
/// identification in its XMP metadata.
///
/// ```
/// use er_pdf::{write_pdfa, FontSet, FontSource};
/// let loaded = er_data::load_file("../../fixtures/aral-emergency-2024.yaml".as_ref()).unwrap();
/// let doc = er_typeset::build(&loaded.report);
/// let bytes = write_pdfa(&doc, &FontSet::load(&FontSource::Bundled)).unwrap();
/// assert!(bytes.starts_with(b"%PDF-1.4"));
/// ```
pub fn write_pdfa(doc: &er_document::Document, fonts: &FontSet) -> Result<Vec<u8>, Error> {
    let layout = lay_out(doc, fonts).map_err(er_pages::Error::from)?;
    paint::paint(doc, layout, fonts, true)
}

/// The document with the pages of its 目录 filled in as this layout counts
/// them, for a writer that cannot paginate by itself (the DOCX caches them
/// in its PAGEREF fields). A document without a 目录 comes back as it was.
pub fn with_contents_pages(doc: &er_document::Document, fonts: &FontSet) -> Result<er_document::Document, Error> {
    let layout = lay_out(doc, fonts).map_err(er_pages::Error::from)?;
    Ok(layout::with_contents_pages(doc, &layout.targets))
}
