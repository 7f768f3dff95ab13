//! What printpdf cannot write, added with lopdf after it (as the /ID is):
//! the structure tree of a tagged PDF (the content streams carry the marked
//! content, printpdf's BDC/EMC operators);
//! a document information dictionary that claims no conformance, XMP
//! metadata that agrees with it, the catalog's language, page mode (a name)
//! and viewer preferences, PDF 1.7, and the bookmarks as a tree whose
//! entries jump to their heading's place on the page.

use lopdf::{dictionary, Dictionary, Object, ObjectId, Stream, StringFormat};

use crate::layout::{Bookmark, Layout};
use er_document::document::Document;

/// A PDF text string: UTF-16BE with its byte-order mark.
fn text(s: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        bytes.extend_from_slice(&u.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

fn escape_xml(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The sRGB profile of a PDF/A file's output intent (ICC version 2, as
/// PDF/A-1 requires; Zlib licence, icc/LICENSE-sRGB.txt).
const SRGB: &[u8] = include_bytes!("../icc/sRGB.icc");

/// Finishes the document printpdf made; `pdfa` makes it a PDF/A-1b file
/// (ISO 19005-1, adopted as GB/Z 23283): PDF 1.4, an sRGB output intent
/// for its grey text and rules, and the PDF/A identification in the XMP.
pub fn finish(lo: &mut lopdf::Document, doc: &Document, layout: &Layout, producer: &str, pdfa: bool) {
    lo.version = if pdfa { "1.4" } else { "1.7" }.into();
    let d = doc.info.date;
    let pdf_date = format!("D:{:04}{:02}{:02}000000Z", d.year, d.month, d.day);
    let iso = format!("{}T00:00:00Z", d.iso());

    // Info: what is true of the file, nothing more (printpdf adds empty
    // PDF/X keys that make readers take it for PDF/X).
    let info = dictionary! {
        "Title" => text(&doc.info.title),
        "Author" => text(&doc.info.author),
        "Creator" => text("enforcement-report"),
        "Producer" => text(producer),
        "CreationDate" => Object::string_literal(pdf_date.clone()),
        "ModDate" => Object::string_literal(pdf_date),
    };
    if let Ok(old) = lo.trailer.get(b"Info").and_then(Object::as_reference) {
        lo.objects.remove(&old);
    }
    let info_id = lo.add_object(info);
    lo.trailer.set("Info", info_id);

    let xmp = format!(
        concat!(
            "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n",
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">",
            "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">",
            "<dc:format>application/pdf</dc:format>",
            "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>",
            "<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>",
            "<dc:language><rdf:Bag><rdf:li>zh-CN</rdf:li></rdf:Bag></dc:language>",
            "<xmp:CreateDate>{iso}</xmp:CreateDate><xmp:ModifyDate>{iso}</xmp:ModifyDate><xmp:MetadataDate>{iso}</xmp:MetadataDate>",
            "<xmp:CreatorTool>enforcement-report</xmp:CreatorTool><pdf:Producer>{producer}</pdf:Producer>",
            "</rdf:Description>{pdfaid}</rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>"
        ),
        pdfaid = if pdfa {
            "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"><pdfaid:part>1</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>"
        } else {
            ""
        },
        title = escape_xml(&doc.info.title),
        author = escape_xml(&doc.info.author),
        iso = iso,
        producer = escape_xml(producer),
    );
    // Uncompressed, as XMP readers that scan files expect.
    let metadata = lo.add_object(Stream::new(dictionary! { "Type" => "Metadata", "Subtype" => "XML" }, xmp.into_bytes()).with_compression(false));

    let intent = pdfa.then(|| {
        let profile = lo.add_object(Stream::new(dictionary! { "N" => 3 }, SRGB.to_vec()));
        dictionary! {
            "Type" => "OutputIntent",
            "S" => "GTS_PDFA1",
            "OutputConditionIdentifier" => Object::string_literal("sRGB IEC61966-2.1"),
            "Info" => Object::string_literal("sRGB IEC61966-2.1"),
            "DestOutputProfile" => profile,
        }
    });
    let pages: Vec<ObjectId> = lo.get_pages().into_values().collect();
    let outlines = outline(lo, &layout.bookmarks, &pages, layout);
    let Ok(root) = lo.trailer.get(b"Root").and_then(Object::as_reference) else { return };
    if let Ok(catalog) = lo.get_object_mut(root).and_then(Object::as_dict_mut) {
        catalog.set("Lang", Object::string_literal("zh-CN"));
        catalog.set("Metadata", metadata);
        catalog.set("ViewerPreferences", dictionary! { "DisplayDocTitle" => true });
        if let Some(intent) = intent {
            catalog.set("OutputIntents", vec![Object::Dictionary(intent)]);
        }
        match outlines {
            Some(o) => {
                catalog.set("Outlines", o);
                catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
            }
            None => {
                catalog.remove(b"Outlines");
                catalog.remove(b"PageMode");
            }
        }
    }
}

/// The outline as a tree by the bookmarks' levels; each entry's
/// destination is its page at the heading's top-left corner.
fn outline(lo: &mut lopdf::Document, marks: &[Bookmark], pages: &[ObjectId], layout: &Layout) -> Option<ObjectId> {
    if marks.is_empty() {
        return None;
    }
    let root = lo.new_object_id();
    let ids: Vec<ObjectId> = marks.iter().map(|_| lo.new_object_id()).collect();
    // The parent of each entry: the nearest earlier entry of a lower level.
    let parent: Vec<Option<usize>> = (0..marks.len()).map(|i| (0..i).rev().find(|&j| marks[j].level < marks[i].level)).collect();
    let children = |p: Option<usize>| -> Vec<usize> { (0..marks.len()).filter(|&i| parent[i] == p).collect() };
    let mut dicts: Vec<Dictionary> = Vec::with_capacity(marks.len());
    for (i, m) in marks.iter().enumerate() {
        let page = pages.get(m.page.saturating_sub(1)).copied().unwrap_or(pages[0]);
        let setup = layout.pages.get(m.page.saturating_sub(1)).map(|p| p.setup);
        let (left, height) = setup.map_or((0.0, 841.89), |s| (crate::layout::mm(s.left_mm), crate::layout::mm(s.height_mm)));
        let top = (height - m.top).max(0.0);
        let mut d = dictionary! {
            "Title" => text(&m.title),
            "Parent" => parent[i].map_or(root, |p| ids[p]),
            "Dest" => vec![page.into(), "XYZ".into(), Object::Real(left as f32), Object::Real(top as f32), Object::Null],
        };
        let siblings = children(parent[i]);
        let k = siblings.iter().position(|&s| s == i).unwrap_or(0);
        if k > 0 {
            d.set("Prev", ids[siblings[k - 1]]);
        }
        if let Some(&n) = siblings.get(k + 1) {
            d.set("Next", ids[n]);
        }
        let kids = children(Some(i));
        if let (Some(&f), Some(&l)) = (kids.first(), kids.last()) {
            d.set("First", ids[f]);
            d.set("Last", ids[l]);
            // Open: every descendant counts.
            let count = (0..marks.len()).filter(|&j| {
                let mut p = parent[j];
                while let Some(q) = p {
                    if q == i {
                        return true;
                    }
                    p = parent[q];
                }
                false
            });
            d.set("Count", count.count() as i64);
        }
        dicts.push(d);
    }
    for (id, d) in ids.iter().zip(dicts) {
        lo.objects.insert(*id, Object::Dictionary(d));
    }
    let top = children(None);
    let mut r = dictionary! { "Type" => "Outlines", "Count" => marks.len() as i64 };
    if let (Some(&f), Some(&l)) = (top.first(), top.last()) {
        r.set("First", ids[f]);
        r.set("Last", ids[l]);
    }
    lo.objects.insert(root, Object::Dictionary(r));
    Some(root)
}

/// The tagged PDF's structure tree: an element per entry of
/// `layout.structure`, its kids in reading order (child elements, or the
/// marked content of its runs on their pages), the parent tree from each
/// page's marked-content ids back to their elements, MarkInfo and the
/// pages' StructParents. Table cells carry their spans (when not 1);
/// header cells their scope (Column, or Row for a roll-up's agency).
///
/// The elements' object numbers are reserved in `lo`, but the elements
/// themselves are made one at a time as the file is written
/// ([`Elements::object`], `crate::file`): as lopdf dictionaries a
/// roll-up's tens of thousands of cells were most of its memory.
pub fn structure<'a>(lo: &mut lopdf::Document, layout: &'a Layout, parent_tree: &[Vec<usize>]) -> Elements<'a> {
    let pages: Vec<ObjectId> = lo.get_pages().into_values().collect();
    let root = lo.new_object_id();
    let first = lo.max_id + 1;
    lo.max_id += layout.structure.len() as u32;
    let id = |e: usize| (first + e as u32, 0);
    let mut kids: Vec<Vec<u32>> = vec![Vec::new(); layout.structure.len()];
    for (i, e) in layout.structure.iter().enumerate() {
        if let Some(p) = e.parent {
            kids[p].push(i as u32);
        }
    }
    // Each element's marked content: (page, MCID) in reading order.
    let mut marked: Vec<Vec<(u32, u32)>> = vec![Vec::new(); layout.structure.len()];
    for (pi, mcids) in parent_tree.iter().enumerate() {
        for (mcid, &e) in mcids.iter().enumerate() {
            if let Some(m) = marked.get_mut(e) {
                m.push((pi as u32, mcid as u32));
            }
        }
    }
    let nums: Vec<Object> = parent_tree
        .iter()
        .enumerate()
        .flat_map(|(pi, mcids)| [Object::Integer(pi as i64), Object::Array(mcids.iter().map(|&e| id(e).into()).collect())])
        .collect();
    let tree = lo.add_object(dictionary! { "Nums" => nums });
    let mut r = dictionary! { "Type" => "StructTreeRoot", "ParentTree" => tree, "ParentTreeNextKey" => parent_tree.len() as i64 };
    if !layout.structure.is_empty() {
        r.set("K", id(0));
    }
    lo.objects.insert(root, Object::Dictionary(r));
    for (pi, page) in pages.iter().enumerate() {
        if let Ok(p) = lo.get_object_mut(*page).and_then(Object::as_dict_mut) {
            p.set("StructParents", pi as i64);
            p.set("Tabs", "S");
        }
    }
    if let Ok(catalog) = lo.trailer.get(b"Root").and_then(Object::as_reference).and_then(|c| lo.get_object_mut(c)).and_then(Object::as_dict_mut) {
        catalog.set("MarkInfo", dictionary! { "Marked" => true });
        catalog.set("StructTreeRoot", root);
    }
    Elements { layout, root, first, pages, kids, marked }
}

/// The structure tree's elements, kept small until each is written.
pub struct Elements<'a> {
    layout: &'a Layout,
    root: ObjectId,
    /// The object number of the first element; the others follow it.
    first: u32,
    pages: Vec<ObjectId>,
    /// Each element's child elements, in reading order.
    kids: Vec<Vec<u32>>,
    /// Each element's marked content: (page, MCID), in reading order.
    marked: Vec<Vec<(u32, u32)>>,
}

impl Elements<'_> {
    /// The element numbered `id` as its dictionary, or None when `id` is
    /// not an element's.
    pub fn object(&self, id: u32) -> Option<Object> {
        let i = id.checked_sub(self.first)? as usize;
        let e = self.layout.structure.get(i)?;
        let element = |k: u32| Object::Reference((self.first + k, 0));
        let page = |p: u32| self.pages.get(p as usize).map_or(Object::Null, |&id| Object::Reference(id));
        let m = &self.marked[i];
        let mut k: Vec<Object> = self.kids[i].iter().map(|&k| element(k)).collect();
        // Content on one page is named by its MCIDs under the element's
        // Pg; content across pages by a reference each. A roll-up's tens
        // of thousands of cells stay small so.
        let one_page = m.first().map(|f| f.0).filter(|p| m.iter().all(|x| x.0 == *p));
        match one_page {
            Some(_) => k.extend(m.iter().map(|&(_, mcid)| Object::Integer(mcid.into()))),
            None => k.extend(m.iter().map(|&(p, mcid)| Object::Dictionary(dictionary! { "Type" => "MCR", "Pg" => page(p), "MCID" => i64::from(mcid) }))),
        }
        // No /Type: it is optional (ISO 32000-1, Table 323). One kid
        // stands alone, not in an array (Table 323 allows either).
        let k = if k.len() == 1 { k.pop().unwrap_or(Object::Null) } else { Object::Array(k) };
        let mut d = dictionary! {
            "S" => Object::Name(e.kind.as_bytes().to_vec()),
            "P" => e.parent.map_or(Object::Reference(self.root), |p| element(p as u32)),
            "K" => k,
        };
        if let Some(p) = one_page {
            d.set("Pg", page(p));
        }
        // A cell's spans when they are not the default 1, and a header's scope.
        if e.kind == "TH" || (e.kind == "TD" && (e.rows > 1 || e.cols > 1)) {
            let mut a = dictionary! { "O" => "Table" };
            if e.rows > 1 {
                a.set("RowSpan", e.rows as i64);
            }
            if e.cols > 1 {
                a.set("ColSpan", e.cols as i64);
            }
            if e.kind == "TH" {
                a.set("Scope", if e.row_header { "Row" } else { "Column" });
            }
            d.set("A", a);
        }
        Some(Object::Dictionary(d))
    }
}
