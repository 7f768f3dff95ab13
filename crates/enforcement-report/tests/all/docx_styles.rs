//! The DOCX as a Word or WPS user edits it: named styles carry the
//! formatting, headings have outline levels, Latin text is Times New Roman,
//! the font table lets Word substitute the official faces, the package is
//! clean and table headers repeat. Read back from the file with er-read.

use crate::common;

use common::*;
use er_read::docx::{parts, Docx, Styles};

fn produced() -> Vec<u8> {
    render(&fixture(), "docx", &scratch("docx-styles"))
}

#[test]
fn every_paragraph_names_a_style_and_headings_have_outline_levels() {
    let d = Docx::read(&produced()).unwrap();
    // Built-in styles keep the names Word knows (shown as 正文, 标题 1,
    // 标题 2 in Chinese Word); the others are named in Chinese.
    let allowed = ["Normal", "heading 1", "heading 2", "部分标题", "报告标题", "表号", "表标题", "表格文字", "表注", "署名", "日期", "目录"];
    for p in d.paragraphs.iter().filter(|p| !p.text.is_empty()) {
        let name = p.style_name.as_deref().unwrap_or("(none)");
        assert!(allowed.contains(&name), "“{}” has the style {name}", p.text);
    }
    let find = |t: &str| d.paragraphs.iter().find(|p| p.text.starts_with(t)).unwrap_or_else(|| panic!("{t}"));
    assert_eq!((find("第一部分").style_name.as_deref(), find("第一部分").outline), (Some("部分标题"), Some(0)));
    assert_eq!((find("第二部分").style_name.as_deref(), find("第二部分").outline), (Some("部分标题"), Some(0)));
    assert_eq!((find("一、行政执法信息情况").style_name.as_deref(), find("一、行政执法信息情况").outline), (Some("heading 1"), Some(1)));
    assert_eq!((find("（一）开展专项整治").style_name.as_deref(), find("（一）开展专项整治").outline), (Some("heading 2"), Some(2)));
    assert_eq!(find("2024年，第一师").outline, None, "body text is no heading");
    // The body's formatting is its style's: no run sets its own spacing.
    let body = find("2024年，第一师");
    assert_eq!(body.style_name.as_deref(), Some("Normal"));
    assert!(!body.run_spacing && body.runs.iter().all(|r| r.size.is_none() && r.east_asia.is_none()), "{body:?}");
    assert_eq!((body.first_line, body.align.as_deref()), (Some(640), Some("both")));
}

#[test]
fn latin_text_is_times_new_roman_and_chinese_the_role_face() {
    let d = Docx::read(&produced()).unwrap();
    for p in &d.paragraphs {
        let face = match p.style_name.as_deref() {
            Some("Normal" | "表格文字" | "表注" | "署名" | "日期") => "仿宋_GB2312",
            Some("heading 1" | "部分标题" | "表号") => "黑体",
            Some("heading 2") => "楷体_GB2312",
            Some("表标题" | "报告标题") => "方正小标宋简体",
            _ => continue,
        };
        assert!(p.fonts.iter().all(|f| f == face), "“{}”: {:?}", p.text, p.fonts);
        if face == "仿宋_GB2312" {
            assert!(p.latin_fonts.iter().all(|f| f == "Times New Roman"), "“{}”: {:?}", p.text, p.latin_fonts);
        }
    }
}

#[test]
fn the_grid_and_the_defaults_are_the_documents_not_the_runs() {
    let bytes = produced();
    let parts = parts(&bytes).unwrap();
    let doc = String::from_utf8_lossy(&parts["word/document.xml"]).into_owned();
    assert!(doc.contains(r#"<w:docGrid w:type="lines" w:linePitch="579" />"#), "the portrait line grid");
    let styles = String::from_utf8_lossy(&parts["word/styles.xml"]).into_owned();
    assert!(styles.contains(r#"w:eastAsia="zh-CN""#), "the defaults' language");
    let s = Styles::read(&parts["word/styles.xml"]).unwrap();
    assert_eq!(s.default_paragraph(), Some("Normal"));
    let normal = &s.styles["Normal"];
    assert_eq!((normal.size, normal.east_asia.as_deref(), normal.ascii.as_deref()), (Some(32), Some("仿宋_GB2312"), Some("Times New Roman")));
    // The 0.25 pt condensing that gives 28 characters a line is the body
    // style's, so text typed later keeps the line.
    let i = styles.find(r#"w:styleId="Normal""#).unwrap();
    let normal_xml = &styles[i..i + styles[i..].find("</w:style>").unwrap()];
    assert!(normal_xml.contains(r#"<w:spacing w:val="-5" />"#), "{normal_xml}");
}

#[test]
fn the_font_table_names_each_face_with_its_substitute() {
    let bytes = produced();
    let parts = parts(&bytes).unwrap();
    let fonts = String::from_utf8_lossy(&parts["word/fontTable.xml"]).into_owned();
    for (face, alt) in [("仿宋_GB2312", "仿宋"), ("楷体_GB2312", "楷体"), ("黑体", "SimHei"), ("方正小标宋简体", "宋体"), ("宋体", "SimSun")] {
        let i = fonts.find(&format!(r#"<w:font w:name="{face}">"#)).unwrap_or_else(|| panic!("no entry for {face}"));
        let entry = &fonts[i..i + fonts[i..].find("</w:font>").unwrap()];
        assert!(entry.contains(&format!(r#"<w:altName w:val="{alt}" />"#)) && entry.contains(r#"<w:charset w:val="86" />"#), "{entry}");
    }
    assert!(fonts.contains(r#"<w:font w:name="Times New Roman">"#));
}

#[test]
fn the_package_holds_only_referenced_parts_each_with_its_content_type() {
    let bytes = produced();
    let parts = parts(&bytes).unwrap();
    assert!(parts.keys().all(|n| !n.ends_with('/')), "no folder entries: {:?}", parts.keys());
    let types = String::from_utf8_lossy(&parts["[Content_Types].xml"]).into_owned();
    let mut referenced: Vec<String> = Vec::new();
    for (rels, base) in [("_rels/.rels", ""), ("word/_rels/document.xml.rels", "word/")] {
        let x = String::from_utf8_lossy(&parts[rels]).into_owned();
        for t in x.split("Target=\"").skip(1) {
            referenced.push(format!("{base}{}", &t[..t.find('"').unwrap()]));
        }
    }
    for name in parts.keys().filter(|n| !n.ends_with(".rels") && n.as_str() != "[Content_Types].xml") {
        assert!(referenced.contains(name), "{name} is not referenced: {referenced:?}");
        assert!(types.contains(&format!("PartName=\"/{name}\"")), "{name} has no content type");
    }
    for r in &referenced {
        assert!(parts.contains_key(r), "{r} is referenced but missing");
    }
    let app = String::from_utf8_lossy(&parts["docProps/app.xml"]).into_owned();
    assert!(app.contains("<Application>enforcement-report") && app.contains("<DocSecurity>0</DocSecurity>") && app.contains("<Company>第一师阿拉尔市应急管理局</Company>"), "{app}");
}

#[test]
fn header_rows_repeat_and_rows_never_split() {
    let bytes = produced();
    let doc = String::from_utf8_lossy(&parts(&bytes).unwrap()["word/document.xml"]).into_owned();
    // Header rows of the published tables (spec §3): 表一 2, 表二 2, 表三 3, 表四 2.
    let tables: Vec<&str> = doc.split("<w:tbl>").skip(1).collect();
    let headers: Vec<usize> = tables.iter().map(|t| t.matches("<w:tblHeader").count()).collect();
    assert_eq!(headers, [2, 2, 3, 2]);
    for t in &tables {
        let rows = t.matches("<w:tr>").count() + t.matches("<w:tr ").count();
        assert_eq!(t.matches("<w:cantSplit").count(), rows);
        // The header rows are the first ones.
        let first_rows: Vec<&str> = t.split("<w:tr>").skip(1).collect();
        let n = t.matches("<w:tblHeader").count();
        assert!(first_rows[..n].iter().all(|r| r.contains("<w:tblHeader")));
    }
}
