//! The DOCX writer: builds the document with docx-rs, then puts every XML
//! part into the element order of ECMA-376 (docx-rs writes some children
//! out of order, which makes Word offer a repair) and fixes what docx-rs
//! cannot express: the document properties and fixed zip times.
//!
//! ```
//! let loaded = er_data::load_file("../../fixtures/aral-emergency-2024.yaml".as_ref()).unwrap();
//! let doc = er_typeset::build(&loaded.report);
//! let bytes = er_docx::write(&doc).unwrap();
//! assert_eq!(&bytes[..2], b"PK");
//! ```

mod build;
mod fonts;
mod landscape;
mod package;
mod schema_order;

use er_document::Document;

/// Why a DOCX could not be written.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("packing the DOCX failed: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("docx-rs could not pack the DOCX: {0}")]
    Pack(String),
    #[error("rewriting the DOCX's XML failed in {part}: {message}")]
    Xml { part: String, message: String },
    #[error("writing the DOCX failed: {0}")]
    Io(#[from] std::io::Error),
}

/// Renders the document as DOCX bytes.
pub fn write(doc: &Document) -> Result<Vec<u8>, Error> {
    let (docx, spliced) = build::docx(doc);
    let mut raw = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut raw).map_err(|e| Error::Pack(e.to_string()))?;
    package::repack(&raw.into_inner(), doc, &spliced)
}
