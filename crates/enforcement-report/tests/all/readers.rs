//! er-read on files other programs made: a PDF LibreOffice exports from
//! the report's DOCX (untagged, its text shown with TJ and moved with Td)
//! reads as the DOCX's text.

use crate::common;

use common::*;

/// The reference's golden DOCX and the PDF LibreOffice exports from it,
/// report.docx and report.pdf in a new folder.
fn libreoffice_pdf(name: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let dir = scratch(name);
    let docx = dir.join("report.docx");
    std::fs::copy(root().join("tests/golden/aral-emergency-2024.docx"), &docx).unwrap();
    soffice_convert(&docx, "pdf", &dir, &dir);
    (dir, docx)
}

#[test]
fn a_pdf_libreoffice_made_from_the_docx_reads_as_the_docx() {
    let (dir, docx) = libreoffice_pdf("lo-pdf");
    let pdf = std::fs::read(dir.join("report.pdf")).unwrap();
    let raw = String::from_utf8_lossy(&pdf);
    assert!(!raw.contains("/StructTreeRoot"), "LibreOffice's PDF is untagged by default");
    let pages = er_read::pdf::read(&pdf).unwrap();
    // The text in reading order, page numbers (— 3 —) aside.
    let text: String = pages
        .iter()
        .flat_map(|p| p.lines())
        .filter(|l| !is_page_number(l))
        .collect();
    // Every character poppler's pdftotext reads, no more: in the same
    // order as far as the body goes; in a table header's cells, whose
    // labels stand at slightly different heights, the two readers may
    // order the pieces of one row otherwise.
    let poppler: String = pdftotext(&dir.join("report.pdf")).lines().filter(|l| !is_page_number(l)).collect();
    let (mine, theirs) = (er_testkit::squash(&text), er_testkit::squash(&poppler));
    let sorted = |s: &str| -> Vec<char> {
        let mut v: Vec<char> = s.chars().collect();
        v.sort_unstable();
        v
    };
    assert!(sorted(&mine) == sorted(&theirs), "er-read and pdftotext read other characters:\n{mine}\n{theirs}");
    let body_end = |s: &str| s.find("第二部分").expect("第二部分");
    if let Some(diff) = er_testkit::first_difference(&theirs[..body_end(&theirs)], &mine[..body_end(&mine)]) {
        panic!("er-read's text departs from pdftotext's {diff}");
    }
    let d = er_read::docx::Docx::read(&std::fs::read(&docx).unwrap()).unwrap();
    // Part 1, paragraph by paragraph: the DOCX's words, whitespace and
    // punctuation aside (LibreOffice drops a comma that would hang past
    // the margin: 清单》，就 is drawn 清单》 / 就).
    let words = |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).collect() };
    let body: String = d.paragraphs.iter().filter(|p| !p.in_table).map(|p| p.text.as_str()).take_while(|t| !t.starts_with("第二部分")).collect();
    let part1 = &text[..text.find("第二部分").expect("第二部分 in the PDF")];
    if let Some(diff) = er_testkit::first_difference(&words(&body), &words(part1)) {
        panic!("the PDF's text departs from the DOCX's {diff}");
    }
    // Every table cell's text is in the statistics part of the PDF, its
    // characters in order (a label that wraps in its cell shares its lines
    // with the cells beside it, so a cell need not be one piece).
    let all: Vec<char> = words(&text[text.find("第二部分").unwrap()..]).chars().collect();
    for p in d.paragraphs.iter().filter(|p| p.in_table && !p.text.trim().is_empty()) {
        let mut at = 0;
        for c in words(&p.text).chars() {
            at += all[at..].iter().position(|&x| x == c).unwrap_or_else(|| panic!("{} not in the PDF's text", p.text)) + 1;
        }
    }
}

/// A page number as GB/T 9704 prints it: — 3 —, whatever the spaces.
fn is_page_number(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    t.len() > 2 && t.starts_with('—') && t.ends_with('—') && t.trim_matches('—').chars().all(|c| c.is_ascii_digit())
}

#[test]
fn import_reads_the_tables_of_an_untagged_pdf_from_their_rules() {
    let (dir, _) = libreoffice_pdf("lo-import");
    let out = dir.join("imported.yaml");
    let o = run(&["import", dir.join("report.pdf").to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // Every figure of every table as the reference report publishes it.
    let (got, want) = (er_data::load_file(&out).unwrap().report, er_data::load_file(&fixture()).unwrap().report);
    for (t, def) in want.template.tables.iter().enumerate() {
        let (g, w): (Vec<String>, Vec<String>) = (got.values(t).iter().map(|v| v.text()).collect(), want.values(t).iter().map(|v| v.text()).collect());
        assert_eq!(g, w, "{}", def.label);
    }
    assert_eq!(got.agency, "第一师阿拉尔市应急管理局");
    // The narrative in its paragraphs, each whole though the PDF breaks it
    // into lines and pages: the same paragraphs as the reference's, but for
    // a comma LibreOffice leaves out where it falls at a line's end (the
    // PDF has 清单》 then 就执法主体).
    let narrative = |r: &er_data::Report| -> Vec<String> {
        let lines = er_typeset::build(r).text_lines();
        let end = lines.iter().position(|l| l.starts_with("第二部分")).unwrap();
        lines[..end].iter().map(|l| l.replace('，', "")).collect()
    };
    assert_eq!(narrative(&got), narrative(&want));
}
