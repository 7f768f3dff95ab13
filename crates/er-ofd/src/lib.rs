//! The OFD writer (GB/T 33190-2016 电子文件存储与交换格式 版式文档, the
//! format 党政机关电子公文 are exchanged and displayed in). It paints the
//! same laid-out pages as the PDF (`er_pages`): each glyph run a
//! TextObject whose TextCode places every character where the PDF does
//! (DeltaX), with a CGTransform to the glyphs of the embedded font, which
//! is the same subset the PDF embeds; each rule a PathObject; the page
//! numbers where the PDF has them. The document carries its outline (the
//! PDF's bookmarks), its metadata, and a custom tag file that lists the
//! text objects in reading order with the structure they belong to.
//!
//! The package: `OFD.xml` (the entry, with the document's information),
//! `Doc_0/Document.xml` (common data with the A4 page area, the page tree,
//! the outline, the custom tags), `Doc_0/PublicRes.xml` (the fonts, files
//! under `Doc_0/Res/`), `Doc_0/DocumentRes.xml`, and one
//! `Doc_0/Pages/Page_N/Content.xml` per page, landscape pages with their
//! own area. Coordinates are millimetres from a page's top-left corner.
//!
//! ```
//! use er_pages::{FontSet, FontSource};
//! let loaded = er_data::load_file("../../fixtures/aral-emergency-2024.yaml".as_ref()).unwrap();
//! let doc = er_typeset::build(&loaded.report);
//! let bytes = er_ofd::write(&doc, &FontSet::load(&FontSource::Bundled)).unwrap();
//! assert_eq!(&bytes[..2], b"PK");
//! ```

mod content;
mod package;

use er_document::Document;
use er_pages::FontSet;

/// Why an OFD could not be written.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A character no font has, or a font that cannot be embedded.
    #[error(transparent)]
    Pages(#[from] er_pages::Error),
    /// The package could not be written.
    #[error("cannot write the OFD package: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("cannot write the OFD package: {0}")]
    Io(#[from] std::io::Error),
}

/// Renders the document as OFD bytes, laid out with `fonts` as the PDF is.
pub fn write(doc: &Document, fonts: &FontSet) -> Result<Vec<u8>, Error> {
    let layout = er_pages::lay_out(doc, fonts).map_err(er_pages::Error::from)?;
    package::write(doc, &layout, fonts)
}

/// Millimetres, as OFD writes them: at most three decimals, no trailing
/// zeros, never "-0".
///
/// ```
/// assert_eq!(er_ofd::mm(12.5), "12.5");
/// assert_eq!(er_ofd::mm(0.00001), "0");
/// assert_eq!(er_ofd::mm(210.0), "210");
/// ```
pub fn mm(v: f64) -> String {
    let s = format!("{v:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" || s.is_empty() {
        "0".into()
    } else {
        s.to_string()
    }
}

/// Points to millimetres.
fn pt_mm(v: f64) -> f64 {
    v * er_document::layout::MM_PER_PT
}
