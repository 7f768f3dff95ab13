//! The PDF's metadata and bookmarks as a reader meets them: no claim of a
//! conformance the file does not meet, XMP that agrees with the document
//! information, the catalog's language and page mode, and the bookmarks as
//! a tree whose entries jump to their headings. Read back with lopdf.

mod common;

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
    let pages = er_inspect::pdf::read(&bytes).unwrap();
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
