//! The PDF read back with lopdf: text in order, figures, fonts, page setup.

mod common;

use common::*;

fn produced() -> (Vec<u8>, Vec<er_inspect::pdf::Page>) {
    let out = scratch("pdf");
    let bytes = render(&fixture(), "pdf", &out);
    let pages = er_inspect::pdf::read(&bytes).expect("readable PDF");
    (bytes, pages)
}

#[test]
fn every_character_of_the_reference_in_order() {
    let (_, pages) = produced();
    // The runs in the order the content streams draw them: cell by cell
    // in the tables, as a reader extracting the text gets them. Page
    // numbers, drawn last on each page, are not part of the reference.
    let mut text = String::new();
    for p in &pages {
        for r in &p.runs[..p.runs.len() - 1] {
            text.push_str(&r.text);
        }
    }
    if let Some(d) = er_inspect::first_difference(&er_inspect::squash(&reference()), &er_inspect::squash(&text)) {
        panic!("the PDF text differs from the reference {d}");
    }
}

#[test]
fn portrait_then_landscape_pages_numbered_throughout() {
    let (_, pages) = produced();
    let portrait = pages.iter().take_while(|p| p.width < p.height).count();
    assert!(portrait >= 3 && portrait < pages.len());
    assert!(pages[portrait..].iter().all(|p| p.width > p.height));
    for (i, p) in pages.iter().enumerate() {
        let last = p.lines().pop().unwrap();
        assert_eq!(last.replace(' ', ""), format!("—{}—", i + 1));
    }
}

#[test]
fn within_size_and_fonts_embedded_as_subsets() {
    let (bytes, _) = produced();
    assert!(bytes.len() <= 300 * 1024, "{} bytes", bytes.len());
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let mut names = Vec::new();
    for (_, obj) in doc.objects.iter() {
        if let Ok(d) = obj.as_dict() {
            if d.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"FontDescriptor") {
                let name = String::from_utf8_lossy(d.get(b"FontName").unwrap().as_name().unwrap()).into_owned();
                assert!(d.has(b"FontFile3") || d.has(b"FontFile2"), "{name} not embedded");
                names.push(name);
            }
        }
    }
    names.sort();
    assert!(names.iter().all(|n| n.len() > 7 && n.as_bytes()[6] == b'+'), "{names:?}");
    assert!(names.len() >= 3, "{names:?}");
}

#[test]
fn every_figure_of_the_tables() {
    let (_, pages) = produced();
    let text: String = pages.iter().flat_map(|p| p.lines()).collect::<Vec<_>>().join("\n");
    for f in ["173.7821088", "393.545496", "9284", "426", "3.6", "201", "84"] {
        assert!(text.contains(f), "{f} missing");
    }
}

#[test]
fn document_info_and_bookmarks() {
    let (bytes, pages) = produced();
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let info = doc.trailer.get(b"Info").and_then(|o| o.as_reference()).and_then(|r| doc.get_dictionary(r)).unwrap();
    let text = |k: &[u8]| lopdf::decode_text_string(info.get(k).unwrap()).unwrap();
    assert_eq!(text(b"Title"), "第一师阿拉尔市应急管理局2024年行政执法年度报告");
    assert_eq!(text(b"Author"), "第一师阿拉尔市应急管理局");
    assert!(text(b"CreationDate").starts_with("D:20250126"));
    let toc = doc.get_toc().unwrap();
    let titles: Vec<String> = toc.toc.iter().map(|t| t.title.clone()).collect();
    assert_eq!(titles.len(), 6, "{titles:?}");
    assert!(titles[0].starts_with("第一部分") && titles[2].starts_with("表一"));
    assert!(toc.toc.iter().all(|t| t.page >= 1 && t.page <= pages.len()));
}
