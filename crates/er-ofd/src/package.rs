//! The OFD package: the entry file, the document, its resources, the
//! pages, the custom tags, zipped with fixed times in a fixed order so the
//! same document gives the same bytes.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;

use er_document::Document;
use er_pages::layout::Layout;
use er_pages::subset::Subset;
use er_pages::FontSet;
use quick_xml::escape::escape;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::content::{self, Ids};
use crate::{mm, pt_mm, Error};

const NS: &str = "http://www.ofdspec.org/2016";
const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

pub fn write(doc: &Document, layout: &Layout, fonts: &FontSet) -> Result<Vec<u8>, Error> {
    let mut ids = Ids(0);
    // The fonts: each one the pages draw from, cut down as for the PDF.
    let subsets: BTreeMap<usize, (u32, Subset)> =
        er_pages::subset::for_layout(layout, fonts).map_err(er_pages::Error::from)?.into_iter().map(|(i, s)| (i, (ids.next(), s))).collect();
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    // Pages.
    let page_ids: Vec<u32> = layout.pages.iter().map(|_| ids.next()).collect();
    let mut tagged: Vec<(usize, u32, Option<usize>)> = Vec::new();
    for (k, page) in layout.pages.iter().enumerate() {
        let painted = content::page(page, &subsets, &mut ids);
        tagged.extend(painted.texts.into_iter().map(|(id, elem)| (k, id, elem)));
        files.push((format!("Doc_0/Pages/Page_{k}/Content.xml"), painted.xml.into_bytes()));
    }
    // Resources: the fonts as files.
    let mut public = format!(r#"{HEAD}<ofd:Res xmlns:ofd="{NS}" BaseLoc="Res"><ofd:Fonts>"#);
    for (id, subset) in subsets.values() {
        let ext = if subset.cff { "otf" } else { "ttf" };
        let file = format!("font_{id}.{ext}");
        write!(public, r#"<ofd:Font ID="{id}" FontName="{}" FamilyName="{}"><ofd:FontFile>{file}</ofd:FontFile></ofd:Font>"#, escape(subset.ps_name.as_str()), escape(subset.family.as_str())).ok();
        files.push((format!("Doc_0/Res/{file}"), subset.sfnt.clone()));
    }
    public.push_str("</ofd:Fonts></ofd:Res>");
    files.push(("Doc_0/PublicRes.xml".into(), public.into_bytes()));
    files.push(("Doc_0/DocumentRes.xml".into(), format!(r#"{HEAD}<ofd:Res xmlns:ofd="{NS}" BaseLoc="Res"/>"#).into_bytes()));
    // The custom tags: the structure's text objects in reading order.
    files.push(("Doc_0/Tags/CustomTag.xml".into(), custom_tag(layout, &page_ids, &tagged).into_bytes()));
    files.push((
        "Doc_0/Tags/CustomTags.xml".into(),
        format!(r#"{HEAD}<ofd:CustomTags xmlns:ofd="{NS}"><ofd:CustomTag NameSpace="urn:enforcement-report:structure"><ofd:FileLoc>CustomTag.xml</ofd:FileLoc></ofd:CustomTag></ofd:CustomTags>"#).into_bytes(),
    ));
    // The document: common data, pages, outline, custom tags.
    let mut document = format!(r#"{HEAD}<ofd:Document xmlns:ofd="{NS}"><ofd:CommonData><ofd:MaxUnitID>{}</ofd:MaxUnitID>"#, ids.0);
    let a4 = layout.pages.first().map_or((210.0, 297.0), |p| (p.setup.width_mm, p.setup.height_mm));
    write!(document, "<ofd:PageArea><ofd:PhysicalBox>0 0 {} {}</ofd:PhysicalBox></ofd:PageArea>", mm(a4.0), mm(a4.1)).ok();
    document.push_str("<ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes></ofd:CommonData><ofd:Pages>");
    for (k, id) in page_ids.iter().enumerate() {
        write!(document, r#"<ofd:Page ID="{id}" BaseLoc="Pages/Page_{k}/Content.xml"/>"#).ok();
    }
    document.push_str("</ofd:Pages>");
    document.push_str(&outlines(layout, &page_ids));
    document.push_str("<ofd:CustomTags>Tags/CustomTags.xml</ofd:CustomTags></ofd:Document>");
    files.push(("Doc_0/Document.xml".into(), document.into_bytes()));
    files.push(("OFD.xml".into(), entry(doc, layout).into_bytes()));
    // OFD.xml first, then the document's parts by name.
    files.sort_by(|a, b| (a.0 != "OFD.xml", &a.0).cmp(&(b.0 != "OFD.xml", &b.0)));
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated).last_modified_time(DateTime::default());
    for (name, bytes) in files {
        zip.start_file(name, options)?;
        zip.write_all(&bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// OFD.xml: the document's information and where its root is. The DocID
/// is a digest of what the pages show, not a random id.
fn entry(doc: &Document, layout: &Layout) -> String {
    format!(
        concat!(
            "{head}<ofd:OFD xmlns:ofd=\"{ns}\" Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocInfo>",
            "<ofd:DocID>{id}</ofd:DocID><ofd:Title>{title}</ofd:Title><ofd:Author>{author}</ofd:Author>",
            "<ofd:Subject>行政执法年度报告</ofd:Subject><ofd:CreationDate>{date}</ofd:CreationDate><ofd:ModDate>{date}</ofd:ModDate>",
            "<ofd:Creator>enforcement-report</ofd:Creator><ofd:CreatorVersion>{version}</ofd:CreatorVersion>",
            "</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
        ),
        head = HEAD,
        ns = NS,
        id = layout.digest(&doc.info),
        title = escape(doc.info.title.as_str()),
        author = escape(doc.info.author.as_str()),
        date = doc.info.date.iso(),
        version = env!("CARGO_PKG_VERSION"),
    )
}

/// The outline: the PDF's bookmarks as a tree by level, each going to its
/// heading's place on its page.
fn outlines(layout: &Layout, page_ids: &[u32]) -> String {
    let marks = &layout.bookmarks;
    if marks.is_empty() {
        return String::new();
    }
    let mut out = String::from("<ofd:Outlines>");
    let mut open: Vec<u8> = Vec::new();
    for m in marks {
        while open.last().is_some_and(|&l| l >= m.level) {
            out.push_str("</ofd:OutlineElem>");
            open.pop();
        }
        let page = page_ids.get(m.page.saturating_sub(1)).copied().unwrap_or(page_ids[0]);
        let left = layout.pages.get(m.page.saturating_sub(1)).map_or(0.0, |p| p.setup.left_mm);
        write!(
            out,
            r#"<ofd:OutlineElem Title="{}"><ofd:Actions><ofd:Action Event="CLICK"><ofd:Goto><ofd:Dest Type="XYZ" PageID="{page}" Left="{}" Top="{}"/></ofd:Goto></ofd:Action></ofd:Actions>"#,
            escape(m.title.as_str()),
            mm(left),
            mm(pt_mm(m.top))
        )
        .ok();
        open.push(m.level);
    }
    for _ in open {
        out.push_str("</ofd:OutlineElem>");
    }
    out.push_str("</ofd:Outlines>");
    out
}

/// The custom tag file: the structure tree (Document, Part, H1, P, Table,
/// TR, TD …) with each element's text objects, by page and ID, in reading
/// order, so that a reader recovers the text's order and its tables.
fn custom_tag(layout: &Layout, page_ids: &[u32], tagged: &[(usize, u32, Option<usize>)]) -> String {
    let mut refs: BTreeMap<usize, Vec<(usize, u32)>> = BTreeMap::new();
    for &(k, id, elem) in tagged {
        if let Some(e) = elem {
            refs.entry(e).or_default().push((k, id));
        }
    }
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); layout.structure.len()];
    for (j, e) in layout.structure.iter().enumerate() {
        if let Some(p) = e.parent {
            children[p].push(j);
        }
    }
    let mut out = format!(r#"{HEAD}<Structure xmlns="urn:enforcement-report:structure" xmlns:ofd="{NS}">"#);
    fn element(i: usize, layout: &Layout, children: &[Vec<usize>], refs: &BTreeMap<usize, Vec<(usize, u32)>>, page_ids: &[u32], out: &mut String) {
        let e = &layout.structure[i];
        let spans = if e.rows > 1 || e.cols > 1 { format!(r#" RowSpan="{}" ColSpan="{}""#, e.rows, e.cols) } else { String::new() };
        write!(out, "<{}{spans}>", e.kind).ok();
        for (k, id) in refs.get(&i).into_iter().flatten() {
            write!(out, r#"<ofd:ObjectRef PageRef="{}">{id}</ofd:ObjectRef>"#, page_ids[*k]).ok();
        }
        for &c in &children[i] {
            element(c, layout, children, refs, page_ids, out);
        }
        write!(out, "</{}>", e.kind).ok();
    }
    for i in (0..layout.structure.len()).filter(|&i| layout.structure[i].parent.is_none()) {
        element(i, layout, &children, &refs, page_ids, &mut out);
    }
    out.push_str("</Structure>");
    out
}
