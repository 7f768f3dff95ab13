//! PDF writer (in progress).
use std::path::PathBuf;
pub enum FontSource { Bundled, System { extra_dir: Option<PathBuf> } }
#[derive(Debug, thiserror::Error)]
pub enum Error { #[error("the PDF writer is not available yet")] NotAvailable }
pub fn write(_doc: &er_model::Document, _fonts: &FontSource) -> Result<Vec<u8>, Error> { Err(Error::NotAvailable) }
