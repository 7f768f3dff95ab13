//! The fixture rendered in each format equals its golden file in
//! tests/golden/. On a difference the test prints what changed in readable
//! terms: the XML of each changed part (DOCX, XLSX), or each page's text
//! with positions (PDF). `make golden` re-blesses the files on purpose.

use crate::common;

use common::*;
use er_testkit::diff_lines;

fn check(format: &str, readable: impl Fn(&[u8]) -> String) {
    let out = scratch(&format!("golden-{format}"));
    let got = render(&fixture(), format, &out);
    let golden = root().join(format!("tests/golden/aral-emergency-2024.{format}"));
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&golden, &got).expect("write golden file");
        return;
    }
    let want = std::fs::read(&golden).unwrap_or_else(|_| panic!("no golden file {}: run `make golden`", golden.display()));
    if want != got {
        // The same comparison as `enforcement-report diff`, then the parts.
        let semantic = er_read::compare::files(format, &want, &got)
            .map(|ds| ds.iter().map(|d| format!("  {d}\n")).collect::<String>())
            .unwrap_or_else(|e| format!("  (cannot compare: {e})\n"));
        let d = diff_lines(&readable(&want), &readable(&got))
            .unwrap_or_else(|| "the bytes differ but the readable forms are equal (zip or stream encoding)".into());
        let d = format!("what changed:\n{semantic}\nin detail:\n{d}");
        panic!("{} differs from its golden file:\n{d}\nIf the change is meant, run `make golden` and say why in the commit message.", golden.display());
    }
}

fn zip_parts(bytes: &[u8]) -> String {
    let parts = er_read::docx::parts(bytes).expect("a zip package");
    parts.iter().map(|(name, xml)| format!("=== {name}\n{}", er_testkit::pretty_xml(xml))).collect()
}

#[test]
fn docx_matches_its_golden_file() {
    check("docx", zip_parts);
}

#[test]
fn xlsx_matches_its_golden_file() {
    check("xlsx", zip_parts);
}

#[test]
fn pdf_matches_its_golden_file() {
    check("pdf", |b| er_testkit::dump(&er_read::pdf::read(b).expect("a PDF")));
}

#[test]
fn renders_in_separate_processes_give_the_same_bytes() {
    for format in ["docx", "xlsx", "pdf"] {
        let a = render(&fixture(), format, &scratch(&format!("same-a-{format}")));
        let b = render(&fixture(), format, &scratch(&format!("same-b-{format}")));
        assert!(a == b, "{format}: two renders differ");
    }
}

#[test]
fn renders_in_one_process_give_the_same_bytes() {
    let l = er_data::load_file(&fixture()).unwrap();
    let doc = er_typeset::build(&l.report);
    assert!(er_docx::write(&doc).unwrap() == er_docx::write(&doc).unwrap(), "docx");
    assert!(er_xlsx::write(&doc).unwrap() == er_xlsx::write(&doc).unwrap(), "xlsx");
    let pdf = || er_pdf::write(&doc, &er_pdf::FontSource::Bundled).unwrap();
    assert!(pdf() == pdf(), "pdf");
    // And what one process renders is what the golden files hold.
    let golden = std::fs::read(root().join("tests/golden/aral-emergency-2024.pdf")).unwrap();
    assert!(pdf() == golden, "pdf in process vs golden");
}
