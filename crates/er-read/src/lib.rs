//! The readers of files that come from outside: last year's report as a
//! DOCX, a statistics desk's XLSX, a PDF or a web page saved from a website, and
//! the tool's own files. Each is read within stated bounds (bytes in,
//! bytes inflated, paragraphs, cells, pages, structure elements; see
//! docs/data-format.md), never trusted: `import` and `diff` use them, and
//! the tests read the produced files back with them. A comparison of two
//! files of one kind is [`compare`].

pub mod compare;
pub mod docx;
pub mod html;
pub mod pdf;
pub mod source;
pub mod xlsx;

/// A library's error about a file, in the reader's words: the file is
/// damaged or not of its kind, and what the library saw.
pub(crate) fn damaged(e: impl std::fmt::Display) -> String {
    er_i18n::t!("read-damaged", detail = e)
}
