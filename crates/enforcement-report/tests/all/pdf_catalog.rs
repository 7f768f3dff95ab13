//! The PDF's metadata and bookmarks as a reader meets them: no claim of a
//! conformance the file does not meet, XMP that agrees with the document
//! information, the catalog's language and page mode, and the bookmarks as
//! a tree whose entries jump to their headings. Read back with lopdf.

use crate::common;

use common::*;
use lopdf::{Document, Object};

fn produced() -> (Vec<u8>, Document) {
    let bytes = render(&fixture(), "pdf", &scratch("pdf-catalog"));
    let doc = Document::load_mem(&bytes).unwrap();
    (bytes, doc)
}

fn text(o: &Object) -> String {
    match o {
        Object::String(b, _) if b.starts_with(&[0xFE, 0xFF]) => {
            String::from_utf16(&b[2..].chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect::<Vec<_>>()).unwrap()
        }
        Object::String(b, _) => String::from_utf8_lossy(b).into_owned(),
        other => panic!("not a string: {other:?}"),
    }
}

#[test]
fn the_catalog_and_the_information_say_only_what_is_true() {
    let (bytes, doc) = produced();
    assert!(bytes.starts_with(b"%PDF-1.7"));
    assert!(!bytes.windows(15).any(|w| w == b"GTS_PDFXVersion"), "no PDF/X claim");
    let catalog = doc.catalog().unwrap();
    assert_eq!(catalog.get(b"PageMode").unwrap(), &Object::Name(b"UseOutlines".to_vec()));
    assert_eq!(text(catalog.get(b"Lang").unwrap()), "zh-CN");
    let prefs = catalog.get(b"ViewerPreferences").unwrap().as_dict().unwrap();
    assert_eq!(prefs.get(b"DisplayDocTitle").unwrap(), &Object::Boolean(true));

    let info = doc.get_dictionary(doc.trailer.get(b"Info").unwrap().as_reference().unwrap()).unwrap();
    let keys: Vec<String> = info.iter().map(|(k, _)| String::from_utf8_lossy(k).into_owned()).collect();
    assert_eq!(keys, ["Title", "Author", "Creator", "Producer", "CreationDate", "ModDate"]);
    let title = text(info.get(b"Title").unwrap());
    let author = text(info.get(b"Author").unwrap());
    assert_eq!(author, "第一师阿拉尔市应急管理局");
    assert_eq!(text(info.get(b"CreationDate").unwrap()), "D:20250126000000Z", "the report date");

    // XMP: the same title, author, date and producer.
    let meta = doc.get_object(catalog.get(b"Metadata").unwrap().as_reference().unwrap()).unwrap().as_stream().unwrap();
    let xmp = String::from_utf8(meta.content.clone()).unwrap();
    assert!(xmp.contains(&format!("<rdf:li xml:lang=\"x-default\">{title}</rdf:li>")), "{xmp}");
    assert!(xmp.contains(&format!("<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li>")));
    assert!(xmp.contains("<xmp:CreateDate>2025-01-26T00:00:00Z</xmp:CreateDate>"));
    assert!(xmp.contains(&format!("<pdf:Producer>{}</pdf:Producer>", text(info.get(b"Producer").unwrap()))));
}

/// The outline: (depth, title, page, top) in order.
fn outline(doc: &Document) -> Vec<(usize, String, u32, f64)> {
    let pages: Vec<(u32, lopdf::ObjectId)> = doc.get_pages().into_iter().collect();
    let root = doc.get_dictionary(doc.catalog().unwrap().get(b"Outlines").unwrap().as_reference().unwrap()).unwrap();
    let mut out = Vec::new();
    fn walk(doc: &Document, first: Option<lopdf::ObjectId>, depth: usize, pages: &[(u32, lopdf::ObjectId)], out: &mut Vec<(usize, String, u32, f64)>) {
        let mut cur = first;
        while let Some(id) = cur {
            let d = doc.get_dictionary(id).unwrap();
            let dest = d.get(b"Dest").unwrap().as_array().unwrap();
            let page = pages.iter().find(|(_, p)| *p == dest[0].as_reference().unwrap()).unwrap().0;
            assert_eq!(dest[1], Object::Name(b"XYZ".to_vec()));
            let top = match &dest[3] {
                Object::Real(r) => *r as f64,
                Object::Integer(i) => *i as f64,
                o => panic!("{o:?}"),
            };
            out.push((depth, text(d.get(b"Title").unwrap()), page, top));
            walk(doc, d.get(b"First").and_then(Object::as_reference).ok(), depth + 1, pages, out);
            cur = d.get(b"Next").and_then(Object::as_reference).ok();
        }
    }
    walk(doc, root.get(b"First").and_then(Object::as_reference).ok(), 0, &pages, &mut out);
    out
}

#[test]
fn bookmarks_form_a_tree_and_jump_to_their_headings() {
    let (bytes, doc) = produced();
    let got = outline(&doc);
    let shape: Vec<(usize, &str, u32)> = got.iter().map(|(d, t, p, _)| (*d, t.as_str(), *p)).collect();
    assert_eq!(
        shape,
        [
            (0, "第一部分 行政执法总体情况", 1),
            (1, "一、行政执法信息情况", 1),
            (1, "二、行政执法情况综述", 1),
            (2, "（一）开展专项整治工作情况。", 1),
            (2, "（二）开展监督检查工作情况。", 2),
            (2, "（三）具体行政执法实施情况。", 2),
            (0, "第二部分 行政执法数据统计情况", 5),
            (1, "表一 行政许可实施情况统计表", 5),
            (1, "表二 行政处罚实施情况统计表", 6),
            (1, "表三 行政强制实施情况统计表", 7),
            (1, "表四 其他行政执法行为实施情况统计表", 8),
        ]
    );
    // Each destination's top is just above its heading's first line (or
    // the table's label), as the text stands in the PDF.
    let pages = er_read::pdf::read(&bytes).unwrap();
    for (_, title, page, top) in &got {
        let first = if title.starts_with('表') { title.split(' ').next().unwrap() } else { title.as_str() };
        let run = pages[*page as usize - 1]
            .runs
            .iter()
            .find(|r| first.starts_with(r.text.trim()) && !r.text.trim().is_empty())
            .unwrap_or_else(|| panic!("no run of {title} on page {page}"));
        let gap = top - run.y;
        assert!(gap > 0.0 && gap < 30.0, "{title}: destination top {top}, baseline {}", run.y);
    }
}

/// An element of the structure tree as read back: its type, its text (the
/// runs of its marked content, through the pages' MCIDs), its attributes
/// and its children.
#[derive(Debug)]
struct Node {
    kind: String,
    text: String,
    spans: Option<(i64, i64)>,
    kids: Vec<Node>,
}

fn read_tree(doc: &Document, pages: &[er_read::pdf::Page]) -> Node {
    let page_ids: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    let root = doc.get_dictionary(doc.catalog().unwrap().get(b"StructTreeRoot").unwrap().as_reference().unwrap()).unwrap();
    fn node(doc: &Document, id: lopdf::ObjectId, page_ids: &[lopdf::ObjectId], pages: &[er_read::pdf::Page]) -> Node {
        let d = doc.get_dictionary(id).unwrap();
        let kind = String::from_utf8_lossy(d.get(b"S").unwrap().as_name().unwrap()).into_owned();
        // A cell's spans are 1 unless its attributes say otherwise (ISO 32000-1 §14.8.5.7).
        let attributes = d.get(b"A").ok().and_then(|a| a.as_dict().ok());
        let span = |key: &[u8]| attributes.and_then(|a| a.get(key).ok()).map_or(1, |v| v.as_i64().unwrap());
        let spans = matches!(kind.as_str(), "TH" | "TD").then(|| (span(b"RowSpan"), span(b"ColSpan")));
        // MCIDs given as integers are on the element's page (Pg).
        let own_page = d.get(b"Pg").ok().map(|p| page_ids.iter().position(|q| *q == p.as_reference().unwrap()).unwrap());
        let mut n = Node { kind, text: String::new(), spans, kids: Vec::new() };
        // K is one kid or an array of them (ISO 32000-1 Table 323).
        let k = d.get(b"K").unwrap();
        let kids = match k {
            Object::Array(a) => a.clone(),
            one => vec![one.clone()],
        };
        for k in &kids {
            match k {
                Object::Reference(r) => n.kids.push(node(doc, *r, page_ids, pages)),
                Object::Dictionary(mcr) => {
                    let pg = mcr.get(b"Pg").unwrap().as_reference().unwrap();
                    let pi = page_ids.iter().position(|p| *p == pg).unwrap();
                    let mcid = mcr.get(b"MCID").unwrap().as_i64().unwrap();
                    for r in pages[pi].runs.iter().filter(|r| r.mcid == Some(mcid)) {
                        n.text.push_str(&r.text);
                    }
                }
                Object::Integer(mcid) => {
                    let pi = own_page.expect("an MCID as an integer needs the element's Pg");
                    for r in pages[pi].runs.iter().filter(|r| r.mcid == Some(*mcid)) {
                        n.text.push_str(&r.text);
                    }
                }
                other => panic!("unexpected kid {other:?}"),
            }
        }
        n
    }
    node(doc, root.get(b"K").unwrap().as_reference().unwrap(), &page_ids, pages)
}

fn flatten<'a>(n: &'a Node, out: &mut Vec<&'a Node>) {
    out.push(n);
    for k in &n.kids {
        flatten(k, out);
    }
}

#[test]
fn the_pdf_is_tagged_in_the_documents_reading_order() {
    let (bytes, doc) = produced();
    let catalog = doc.catalog().unwrap();
    assert_eq!(catalog.get(b"MarkInfo").unwrap().as_dict().unwrap().get(b"Marked").unwrap(), &Object::Boolean(true));
    let pages = er_read::pdf::read(&bytes).unwrap();
    let tree = read_tree(&doc, &pages);
    assert_eq!(tree.kind, "Document");
    assert_eq!(tree.kids.iter().map(|k| k.kind.as_str()).collect::<Vec<_>>(), ["Part", "Part"]);
    let mut all = Vec::new();
    flatten(&tree, &mut all);
    let squash = |s: &str| s.split_whitespace().collect::<String>();
    // The headings in the document's order, with their levels.
    let headings: Vec<(String, String)> =
        all.iter().filter(|n| n.kind.starts_with('H') && n.kind.len() == 2).map(|n| (n.kind.clone(), squash(&n.text))).collect();
    assert_eq!(
        headings,
        [
            ("H1", "第一部分行政执法总体情况"),
            ("H2", "一、行政执法信息情况"),
            ("H2", "二、行政执法情况综述"),
            ("H3", "（一）开展专项整治工作情况。"),
            ("H3", "（二）开展监督检查工作情况。"),
            ("H3", "（三）具体行政执法实施情况。"),
            ("H1", "第二部分行政执法数据统计情况"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    // Every character of the narrative, in order, through the tree.
    let text: String = all.iter().map(|n| n.text.as_str()).collect();
    let reference = er_testkit::squash(&reference());
    let narrative_end = reference.find("第二部分").unwrap();
    assert!(squash(&text).starts_with(&reference[..narrative_end]), "the narrative reads in order through the tags");

    // 表三: three header rows whose TH cells carry the spans of the
    // published grid (spec §3), as (RowSpan, ColSpan).
    let tables: Vec<&&Node> = all.iter().filter(|n| n.kind == "Table").collect();
    assert_eq!(tables.len(), 4);
    let t3 = tables[2];
    assert_eq!(squash(&t3.kids[0].text), "表三行政强制实施情况统计表");
    let head = t3.kids.iter().find(|k| k.kind == "THead").unwrap();
    let spans: Vec<Vec<(i64, i64)>> = head.kids.iter().map(|tr| tr.kids.iter().map(|th| th.spans.unwrap()).collect()).collect();
    assert_eq!(spans, vec![vec![(2, 5), (1, 7), (3, 1)], vec![(1, 6), (2, 1)], vec![(1, 1); 11]]);
    assert!(head.kids.iter().flat_map(|tr| &tr.kids).all(|th| th.kind == "TH"));
    assert_eq!(squash(&head.kids[0].kids[0].text), "行政强制措施实施数量（宗）");
    let body = t3.kids.iter().find(|k| k.kind == "TBody").unwrap();
    assert_eq!(body.kids[0].kids.iter().map(|td| td.text.as_str()).collect::<Vec<_>>(), ["0", "0", "10", "0", "0", "0", "0", "0", "0", "0", "0", "0", "10"]);

    // Page numbers are artifacts: outside the structure.
    for (i, p) in pages.iter().enumerate() {
        let n = p.runs.last().unwrap();
        assert!(n.artifact && n.mcid.is_none(), "page {}: the number is an artifact", i + 1);
    }
    assert!(pages.iter().flat_map(|p| &p.runs).filter(|r| !r.artifact).all(|r| r.mcid.is_some()), "every other run is tagged");
}
