//! Every test of the command line, in one test binary: one link and one
//! run that keeps both cores busy, rather than 26 binaries run one after
//! another (a fresh `make test` on 2 cores). Each module is the tests of
//! one subject; `cargo test --test all golden` runs one of them.

mod common;

mod archive;
mod batch;
mod characters;
mod check;
mod data_sheet;
mod diff;
mod docx;
mod docx_styles;
mod figures;
mod golden;
mod hazards;
mod hostile;
mod html;
mod hostile_corpus;
mod import;
mod init;
mod interface;
mod output;
mod pdf;
mod pdf_catalog;
mod properties;
mod readers;
mod references;
mod rollup;
mod style_sheet;
mod templates;
mod typesetting;
mod xlsx;
