//! Rewrites the package docx-rs packed: every XML part put in schema order,
//! the core properties written from the document's info, and the zip written with fixed times in a fixed order so
//! the same document gives the same bytes.

use std::io::{Cursor, Read, Write};

use er_document::layout::Orientation;
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
    landscape_footers(&mut parts, doc);
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

/// The landscape sections' own footers (see `landscape`): their sectPr
/// point at them instead of the portrait ones, and the package lists them.
fn landscape_footers(parts: &mut Vec<(String, Vec<u8>)>, doc: &Document) {
    use crate::landscape::{footer, FOOTER_IDS, FOOTER_PARTS};
    let Some(setup) = doc.sections.iter().map(|s| s.page).find(|p| p.orientation == Orientation::Landscape) else { return };
    for (name, bytes) in parts.iter_mut() {
        let text = String::from_utf8_lossy(bytes).into_owned();
        let new = match name.as_str() {
            "word/document.xml" => {
                // Each sectPr of a landscape section: its footer references.
                let mut out = String::with_capacity(text.len());
                let mut rest = text.as_str();
                while let Some(start) = rest.find("<w:sectPr") {
                    let end = rest[start..].find("</w:sectPr>").map_or(rest.len(), |e| start + e);
                    out.push_str(&rest[..start]);
                    let sect = &rest[start..end];
                    if sect.contains(r#"w:orient="landscape""#) {
                        out.push_str(&sect.replace(r#""rIdFooter1""#, &format!(r#""{}""#, FOOTER_IDS[0])).replace(r#""rIdFooter2""#, &format!(r#""{}""#, FOOTER_IDS[1])));
                    } else {
                        out.push_str(sect);
                    }
                    rest = &rest[end..];
                }
                out.push_str(rest);
                out
            }
            "word/_rels/document.xml.rels" => {
                let rels: String = FOOTER_IDS
                    .iter()
                    .zip(FOOTER_PARTS)
                    .map(|(id, part)| {
                        let target = part.trim_start_matches("word/");
                        format!(r#"<Relationship Id="{id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="{target}" />"#)
                    })
                    .collect();
                text.replace("</Relationships>", &format!("{rels}</Relationships>"))
            }
            "[Content_Types].xml" => {
                let types: String = FOOTER_PARTS
                    .iter()
                    .map(|part| format!(r#"<Override PartName="/{part}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml" />"#))
                    .collect();
                text.replace("</Types>", &format!("{types}</Types>"))
            }
            _ => continue,
        };
        *bytes = new.into_bytes();
    }
    for (odd, part) in [(true, FOOTER_PARTS[0]), (false, FOOTER_PARTS[1])] {
        parts.push((part.to_string(), footer(&setup, odd).into_bytes()));
    }
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
