//! The archival formats (issue 34): PDF/A-1b with `render --pdfa`, checked
//! by PDFBox Preflight and qpdf, which `make test` installs
//! (scripts/test-tools.sh); and the OFD of 电子公文.

use crate::common;
use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Every built-in example: the data files of fixtures/.
fn examples() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    v.sort();
    assert!(v.len() >= 4, "the built-in examples: {v:?}");
    v
}

/// PDFBox Preflight's verdict on `pdf` (Validator_A1b), as it prints it.
fn preflight(pdf: &Path) -> String {
    let j = "/usr/share/java";
    let jars = ["preflight", "pdfbox2", "fontbox2", "xmpbox", "commons-logging", "javax.activation", "jaxb-api"];
    for jar in jars {
        assert!(Path::new(&format!("{j}/{jar}.jar")).exists(), "{j}/{jar}.jar is needed: make test installs PDFBox Preflight (scripts/test-tools.sh)");
    }
    let cp = jars.map(|jar| format!("{j}/{jar}.jar")).join(":");
    let o = Command::new("java").args(["-cp", &cp, "org.apache.pdfbox.preflight.Validator_A1b"]).arg(pdf).output().expect("java runs (make test installs it)");
    String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr)
}

/// `qpdf --check`: exit 0 and no warning.
fn qpdf_check(pdf: &Path) {
    let o = Command::new("qpdf").arg("--check").arg(pdf).output().expect("qpdf runs (make test installs it)");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success() && out.contains("No syntax or stream encoding errors") && !out.to_lowercase().contains("warning"), "qpdf --check {}: {out}{}", pdf.display(), String::from_utf8_lossy(&o.stderr));
}

fn render_pdfa(data: &Path, out: &Path) -> PathBuf {
    let o = run(&["render", data.to_str().unwrap(), "-o", out.to_str().unwrap(), "--format", "pdf", "--pdfa", "--fonts", "bundled"]);
    assert!(o.status.success(), "render --pdfa failed: {}", String::from_utf8_lossy(&o.stderr));
    out.join(format!("{}.pdf", data.file_stem().unwrap().to_string_lossy()))
}

/// Every built-in example's `--pdfa` output is PDF/A-1b to PDFBox
/// Preflight, clean to qpdf, says so in its XMP (part 1, conformance B)
/// and its header (PDF 1.4), shows the same text as the ordinary PDF, and
/// is the same bytes when made twice.
#[test]
fn every_example_renders_as_pdfa_1b_that_preflight_accepts() {
    for data in examples() {
        let name = data.file_stem().unwrap().to_string_lossy().into_owned();
        let dir = scratch(&format!("pdfa-{name}"));
        let pdf = render_pdfa(&data, &dir.join("a"));
        let verdict = preflight(&pdf);
        assert!(verdict.contains("is a valid PDF/A-1b file"), "{name}: {verdict}");
        qpdf_check(&pdf);
        let bytes = std::fs::read(&pdf).unwrap();
        assert!(bytes.starts_with(b"%PDF-1.4"), "{name}: not PDF 1.4");
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("<pdfaid:part>1</pdfaid:part>") && text.contains("<pdfaid:conformance>B</pdfaid:conformance>"), "{name}: no PDF/A identification in the XMP");
        assert!(text.contains("/GTS_PDFA1"), "{name}: no PDF/A output intent");
        // The same pages as the ordinary PDF, and the same bytes twice.
        let plain = dir.join("plain.pdf");
        std::fs::write(&plain, render(&data, "pdf", &dir.join("p"))).unwrap();
        assert_eq!(pdftotext(&pdf), pdftotext(&plain), "{name}: the PDF/A's text differs from the PDF's");
        assert!(std::fs::read(render_pdfa(&data, &dir.join("b"))).unwrap() == bytes, "{name}: two renders differ");
        // The ordinary PDF claims no conformance.
        assert!(!String::from_utf8_lossy(&std::fs::read(&plain).unwrap()).contains("pdfaid"), "{name}: the ordinary PDF claims PDF/A");
    }
}

/// --pdfa without the PDF among the formats is refused, located on the
/// command line, and nothing is written.
#[test]
fn pdfa_without_a_pdf_is_refused() {
    let dir = scratch("pdfa-refused");
    let out = dir.join("out");
    let o = run_in("zh_CN.UTF-8", &["render", fixture().to_str().unwrap(), "-o", out.to_str().unwrap(), "--format", "docx", "--pdfa"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("--pdfa") && err.contains("--format pdf"), "{err}");
    assert!(!out.exists() || std::fs::read_dir(&out).unwrap().next().is_none(), "files were written");
}
