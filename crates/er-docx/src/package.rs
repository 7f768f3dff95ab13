//! Rewrites the package docx-rs packed: every XML part put in schema order,
//! the core properties written from the document's info, and the zip written with fixed times in a fixed order so
//! the same document gives the same bytes.

use std::io::{Cursor, Read, Write};

use er_document::Document;
use quick_xml::escape::escape;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

use crate::schema_order::reorder;
use crate::Error;

pub fn repack(raw: &[u8], doc: &Document) -> Result<Vec<u8>, Error> {
    let mut archive = ZipArchive::new(Cursor::new(raw))?;
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i)?;
        let name = f.name()?.to_string();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes)?;
        parts.push((name, bytes));
    }
    // [Content_Types].xml first, as Word itself writes it; then docx-rs's order.
    parts.sort_by_key(|(n, _)| n != "[Content_Types].xml");

    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    for (name, bytes) in parts {
        let bytes = if name == "docProps/core.xml" {
            core_properties(doc).into_bytes()
        } else if name.ends_with(".xml") || name.ends_with(".rels") {
            reorder(&bytes).map_err(|message| Error::Xml { part: name.clone(), message })?
        } else {
            bytes
        };
        out.start_file(name, options)?;
        out.write_all(&bytes)?;
    }
    Ok(out.finish()?.into_inner())
}

/// Title, the agency as author, and the report date as created and modified.
fn core_properties(doc: &Document) -> String {
    let date = format!("{}T00:00:00Z", doc.info.date.iso());
    let title = escape(doc.info.title.as_str());
    let author = escape(doc.info.author.as_str());
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title><dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy><cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified></cp:coreProperties>"#
    )
}
