//! The PDF read back with lopdf: text in order, figures, fonts, page setup.

use crate::common;

use common::*;

fn produced() -> (Vec<u8>, Vec<er_read::pdf::Page>) {
    let out = scratch("pdf");
    let bytes = render(&fixture(), "pdf", &out);
    let pages = er_read::pdf::read(&bytes).expect("readable PDF");
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
    if let Some(d) = er_testkit::first_difference(&er_testkit::squash(&reference()), &er_testkit::squash(&text)) {
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
        let number = p.runs.last().unwrap();
        assert_eq!(number.text.replace(' ', ""), format!("—{}—", i + 1));
        assert_eq!(number.turned, p.width > p.height, "page {}: a landscape page's number is turned", i + 1);
    }
}

/// GB/T 9704-2012 §7.5 and §8, in points from the page's bottom-left corner:
/// on the sheet as printed (portrait, 210 × 297 mm) the number's line
/// starts 7 mm under the text block (35 mm margin: 28 mm from the bottom
/// edge) and ends one 4号 character (14 pt) in from the right margin (26 mm)
/// on odd pages, or starts one in from the left margin (28 mm) on even
/// ones. A landscape table's top is at the sheet's left edge, so the
/// sheet's bottom edge is the landscape page's left edge.
#[test]
fn landscape_page_numbers_stand_where_gb_t_9704_puts_them() {
    let (_, pages) = produced();
    let mm = |v: f64| v * 72.0 / 25.4;
    let mut landscape = 0;
    for (i, p) in pages.iter().enumerate() {
        let n = p.runs.last().unwrap();
        let odd = (i + 1) % 2 == 1;
        if p.width < p.height {
            // Portrait: the baseline 28 mm − 0.88 × 14 pt from the bottom edge.
            assert!(!n.turned);
            assert!((n.y - (mm(28.0) - 0.88 * 14.0)).abs() < 0.5, "page {}: y {}", i + 1, n.y);
            if !odd {
                assert!((n.x - (mm(28.0) + 14.0)).abs() < 0.5, "page {}: x {}", i + 1, n.x);
            }
            continue;
        }
        landscape += 1;
        assert!(n.turned, "page {}", i + 1);
        // The baseline is a vertical line near the left (short) edge, the
        // glyphs' tops toward the table: 28 mm from the sheet's bottom edge.
        assert!((n.x - (mm(28.0) - 0.88 * 14.0)).abs() < 0.5, "page {}: baseline x {}", i + 1, n.x);
        // The run reads down the page from its start y (the sheet's x).
        let sheet_x = p.height - n.y;
        if odd {
            // It ends 26 mm + 14 pt from the sheet's right edge: it starts
            // below the middle of the page's height and ends above that point.
            assert!(sheet_x > p.height / 2.0 && sheet_x < mm(210.0 - 26.0) - 14.0, "page {}: starts at {sheet_x}", i + 1);
        } else {
            assert!((sheet_x - (mm(28.0) + 14.0)).abs() < 0.5, "page {}: starts at {sheet_x}", i + 1);
        }
    }
    assert!(landscape >= 2, "odd and even landscape pages");
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
    // Two parts, five headings under Part 1, four tables under Part 2.
    assert_eq!(titles.len(), 11, "{titles:?}");
    assert!(titles[0].starts_with("第一部分") && titles[6].starts_with("第二部分") && titles[7].starts_with("表一"));
    assert!(toc.toc.iter().all(|t| t.page >= 1 && t.page <= pages.len()));
}
