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

pub fn repack(raw: &[u8], doc: &Document, spliced: &[String]) -> Result<Vec<u8>, Error> {
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
    clean(&mut parts, doc, spliced);
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

/// Parts docx-rs writes that nothing uses, and what names them.
const UNUSED: [&str; 4] = ["word/comments.xml", "word/commentsExtended.xml", "word/numbering.xml", "word/footnotes.xml"];

/// The package a Word user expects: no unused parts, folder entries or
/// empty relationship parts; the styles' defaults with their language and
/// Normal as the default style; the tables ruled by their style with
/// repeating header rows; a font table that lets Word substitute the
/// official faces; app.xml saying what made the file.
fn clean(parts: &mut Vec<(String, Vec<u8>)>, doc: &Document, spliced: &[String]) {
    parts.retain(|(name, bytes)| {
        !name.ends_with('/')
            && !UNUSED.contains(&name.as_str())
            && name != "docProps/custom.xml"
            && !(name.ends_with(".rels") && name != "_rels/.rels" && !String::from_utf8_lossy(bytes).contains("<Relationship "))
    });
    let header_rows: Vec<usize> = doc.tables().map(|t| t.header_rows).collect();
    let has_contents = doc.sections.iter().flat_map(|s| &s.blocks).any(|b| matches!(b, er_document::document::Block::Contents(_)));
    for (name, bytes) in parts.iter_mut() {
        let text = String::from_utf8_lossy(bytes).into_owned();
        let new = match name.as_str() {
            "[Content_Types].xml" => {
                let mut t = text;
                for part in UNUSED.iter().chain(&["docProps/custom.xml"]) {
                    t = remove_element_with(&t, "<Override ", &format!("PartName=\"/{part}\""));
                }
                t
            }
            "_rels/.rels" => remove_element_with(&text, "<Relationship ", "custom-properties"),
            "word/_rels/document.xml.rels" => {
                let mut t = text;
                for part in UNUSED {
                    t = remove_element_with(&t, "<Relationship ", &format!("Target=\"{}\"", part.trim_start_matches("word/")));
                }
                t
            }
            "word/styles.xml" => styles_xml(&text),
            "word/document.xml" => document_xml(&text, &header_rows, spliced),
            // A 目录's page numbers are PAGEREF fields holding the pages the
            // PDF's layout counted; LibreOffice computes them as it lays the
            // file out, and Word is asked to refresh them on opening
            // (w:updateFields), so that they are its own layout's pages.
            "word/settings.xml" if has_contents => text.replacen("<w:compat>", r#"<w:updateFields w:val="true" /><w:compat>"#, 1),
            "word/fontTable.xml" => crate::fonts::font_table(),
            "docProps/app.xml" => app_xml(doc),
            _ => continue,
        };
        *bytes = new.into_bytes();
    }
}

/// `xml` without the elements that start with `open` and hold `marker`
/// (self-closing, one level: an Override or a Relationship).
fn remove_element_with(xml: &str, open: &str, marker: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(i) = rest.find(open) {
        let end = rest[i..].find("/>").map_or(rest.len(), |e| i + e + 2);
        out.push_str(&rest[..i]);
        if !rest[i..end].contains(marker) {
            out.push_str(&rest[i..end]);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// docx-rs's stock Normal style goes (ours, 正文, takes its id and is the
/// default); the defaults gain their languages.
fn styles_xml(xml: &str) -> String {
    // docx-rs's Normal comes first and is empty; ours, with the body's
    // formatting, follows.
    let open = r#"<w:style w:type="paragraph" w:styleId="Normal">"#;
    let mut xml = xml.to_string();
    if xml.matches(open).count() > 1 {
        if let Some(i) = xml.find(open) {
            let end = xml[i..].find("</w:style>").map_or(xml.len(), |e| i + e + "</w:style>".len());
            xml.replace_range(i..end, "");
        }
    }
    // The grid's 28 characters a line: 16 pt characters condensed by
    // 0.25 pt. The condensing lives in the body's style, so text typed later
    // has it too; the table styles, off the grid, undo it.
    let xml = with_run_property(&xml, "Normal", &format!(r#"<w:spacing w:val="{}" />"#, crate::build::GRID_CONDENSE_TWIPS));
    let mut xml = xml;
    for id in ["TableLabel", "TableTitle", "TableText", "TableNote", "PageNumber", "PageNumberChar"] {
        xml = with_run_property(&xml, id, r#"<w:spacing w:val="0" />"#);
    }
    // Headings without numbering, said outright (numId 0): a heading style
    // with an outline level is what Word and LibreOffice number when a
    // re-save (.doc, .odt) gives it their outline numbering.
    for id in ["ReportTitle", "PartHeading", "Heading1", "Heading2"] {
        xml = with_paragraph_property(&xml, id, r#"<w:numPr><w:ilvl w:val="0" /><w:numId w:val="0" /></w:numPr>"#);
    }
    xml.replacen(r#"<w:style w:type="paragraph" w:styleId="Normal">"#, r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal">"#, 1)
        .replacen("<w:rPrDefault><w:rPr>", r#"<w:rPrDefault><w:rPr><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA" />"#, 1)
}

/// `xml` (styles.xml) with `property` added to the paragraph properties of
/// the style `id` (the schema order is restored later by `reorder`).
fn with_paragraph_property(xml: &str, id: &str, property: &str) -> String {
    let Some(i) = xml.find(&format!(r#"w:styleId="{id}">"#)) else { return xml.to_string() };
    let end = xml[i..].find("</w:style>").map_or(xml.len(), |e| i + e);
    let style = &xml[i..end];
    let new = if let Some(k) = style.find("<w:pPr>") {
        format!("{}<w:pPr>{property}{}", &style[..k], &style[k + "<w:pPr>".len()..])
    } else {
        format!("{style}<w:pPr>{property}</w:pPr>")
    };
    format!("{}{new}{}", &xml[..i], &xml[end..])
}

/// `xml` (styles.xml) with `property` added to the run properties of the
/// style `id` (the schema order is restored later by `reorder`).
fn with_run_property(xml: &str, id: &str, property: &str) -> String {
    let Some(i) = xml.find(&format!(r#"w:styleId="{id}">"#)) else { return xml.to_string() };
    let end = xml[i..].find("</w:style>").map_or(xml.len(), |e| i + e);
    let style = &xml[i..end];
    // The style's own rPr, not the one inside its pPr.
    let ppr = match (style.find("<w:pPr>"), style.find("</w:pPr>")) {
        (Some(a), Some(b)) => a..b,
        _ => 0..0,
    };
    let own = |tag: &str| style.match_indices(tag).map(|(k, _)| k).find(|k| !ppr.contains(k));
    let new = if let Some(k) = own("<w:rPr>") {
        format!("{}<w:rPr>{property}{}", &style[..k], &style[k + "<w:rPr>".len()..])
    } else if let Some(k) = own("<w:rPr />") {
        format!("{}<w:rPr>{property}</w:rPr>{}", &style[..k], &style[k + "<w:rPr />".len()..])
    } else {
        format!("{style}<w:rPr>{property}</w:rPr>")
    };
    format!("{}{new}{}", &xml[..i], &xml[end..])
}

/// Tables take their rules, margins and alignment from their style (the
/// borders docx-rs always writes go), and their header rows repeat.
fn document_xml(xml: &str, header_rows: &[usize], spliced: &[String]) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    let mut table = 0;
    while let Some(i) = rest.find("<w:tbl>") {
        out.push_str(&rest[..i]);
        let end = rest[i..].find("</w:tbl>").map_or(rest.len(), |e| i + e + "</w:tbl>".len());
        let mut t = rest[i..end].to_string();
        // The body rows, written apart (build::table), at the table's end.
        if let Some(rows) = spliced.get(table).filter(|r| !r.is_empty()) {
            t.insert_str(t.len() - "</w:tbl>".len(), rows);
        }
        if let (Some(a), Some(b)) = (t.find("<w:tblBorders>"), t.find("</w:tblBorders>")) {
            t.replace_range(a..b + "</w:tblBorders>".len(), "");
        }
        t = t.replacen(r#"<w:jc w:val="left" />"#, "", 1);
        let headers = header_rows.get(table).copied().unwrap_or(0);
        let mut rows = String::with_capacity(t.len());
        let mut r = t.as_str();
        let mut n = 0;
        while let Some(k) = r.find("<w:trPr>") {
            rows.push_str(&r[..k + "<w:trPr>".len()]);
            if n < headers {
                rows.push_str("<w:tblHeader />");
            }
            n += 1;
            r = &r[k + "<w:trPr>".len()..];
        }
        rows.push_str(r);
        out.push_str(&rows);
        table += 1;
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// What Word shows in 属性 → 详细信息 besides the core properties: this
/// program as the application, not Word 16.0.
fn app_xml(doc: &Document) -> String {
    let company = escape(doc.info.author.as_str());
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Template>Normal.dotm</Template><Application>{}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><Company>{company}</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>{}</AppVersion></Properties>"#,
        escape(&er_document::producer()),
        er_document::office_version()
    )
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
