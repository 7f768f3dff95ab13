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

/// Renders `data` into `out` with the bundled fonts and `options`, and
/// gives the path of the file with extension `ext`.
fn render_with(data: &Path, out: &Path, options: &[&str], ext: &str) -> PathBuf {
    let mut args = vec!["render", data.to_str().unwrap(), "-o", out.to_str().unwrap(), "--fonts", "bundled"];
    args.extend_from_slice(options);
    let o = run(&args);
    assert!(o.status.success(), "render {} failed: {}", options.join(" "), String::from_utf8_lossy(&o.stderr));
    out.join(format!("{}.{ext}", data.file_stem().unwrap().to_string_lossy()))
}

fn render_pdfa(data: &Path, out: &Path) -> PathBuf {
    render_with(data, out, &["--format", "pdf", "--pdfa"], "pdf")
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

/// easyofd (PyPI) reads an OFD and draws it as a PDF: `ofd` to `pdf`. As
/// on a Chinese desktop, 宋体 (easyofd's face for a font it cannot load)
/// is a TrueType font with the characters: the shipped 朱雀仿宋 stands in;
/// easyofd's scan of every system font file (minutes with the CJK
/// collections) is skipped.
fn easyofd(ofd: &Path, pdf: &Path) {
    let script = r#"
import sys, logging, warnings, base64
warnings.filterwarnings("ignore")
logging.disable(logging.CRITICAL)
from loguru import logger
logger.remove()
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
pdfmetrics.registerFont(TTFont("宋体", sys.argv[3]))
from easyofd.draw import font_tools
font_tools.FontTool.get_installed_fonts = lambda self: ["宋体"]
from easyofd.ofd import OFD
o = OFD()
o.read(base64.b64encode(open(sys.argv[1], "rb").read()).decode(), fmt="b64")
open(sys.argv[2], "wb").write(o.to_pdf())
"#;
    let font = root().join("crates/er-pages/fonts/ZhuqueFangsong-Regular-GBK.ttf");
    let o = Command::new("python3").arg("-c").arg(script).arg(ofd).arg(pdf).arg(&font).output().expect("python3 runs");
    assert!(o.status.success() && pdf.exists(), "easyofd failed (make test installs it): {}", String::from_utf8_lossy(&o.stderr));
}

/// Each page's text in the order it is drawn (pdftotext -raw), without
/// white space: a turned page number, which easyofd draws level, is then
/// where the PDF has it in the text.
fn page_texts(pdf: &Path) -> Vec<String> {
    let o = Command::new("pdftotext").args(["-raw", "-enc", "UTF-8"]).arg(pdf).arg("-").output().expect("pdftotext runs (make test installs poppler-utils)");
    assert!(o.status.success(), "pdftotext: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout)
        .split('\u{c}')
        .map(|p| p.chars().filter(|c| !c.is_whitespace()).collect::<String>())
        .filter(|p| !p.is_empty())
        .collect()
}

fn render_ofd(data: &Path, out: &Path) -> PathBuf {
    render_with(data, out, &["--format", "ofd,pdf"], "ofd")
}

/// Every built-in example's OFD, read by easyofd, has the PDF's pages
/// and, page by page, the PDF's text in order; the same bytes twice.
#[test]
fn every_example_renders_as_ofd_that_easyofd_reads_as_the_pdf() {
    for data in examples() {
        let name = data.file_stem().unwrap().to_string_lossy().into_owned();
        let dir = scratch(&format!("ofd-{name}"));
        let ofd = render_ofd(&data, &dir.join("a"));
        let pdf = dir.join("a").join(format!("{name}.pdf"));
        let drawn = dir.join("easyofd.pdf");
        easyofd(&ofd, &drawn);
        let (ours, theirs) = (page_texts(&pdf), page_texts(&drawn));
        assert_eq!(theirs.len(), ours.len(), "{name}: easyofd's pages");
        for (k, (a, b)) in ours.iter().zip(&theirs).enumerate() {
            assert_eq!(b, a, "{name}, page {}: easyofd's text differs from the PDF's", k + 1);
        }
        assert!(std::fs::read(render_ofd(&data, &dir.join("b"))).unwrap() == std::fs::read(&ofd).unwrap(), "{name}: two renders differ");
    }
}

/// The glyphs of the reference's first page stand where the PDF puts them
/// (each character's origin, within 0.5 pt), read with pdfplumber from
/// the PDF and from easyofd's drawing of the OFD (200 dpi units).
#[test]
fn the_ofd_places_glyphs_where_the_pdf_does() {
    let dir = scratch("ofd-glyphs");
    let ofd = render_ofd(&fixture(), &dir);
    let drawn = dir.join("easyofd.pdf");
    easyofd(&ofd, &drawn);
    let origins = |pdf: &Path, scale: f64| -> Vec<(String, f64, f64)> {
        let out = python(
            "import pdfplumber,sys\np=pdfplumber.open(sys.argv[1]).pages[0]\nfor c in p.chars:\n    m=c['matrix']\n    print(c['text'], m[4], float(p.height)-m[5])",
            &[pdf.to_str().unwrap()],
        );
        let mut v: Vec<(String, f64, f64)> = out
            .lines()
            .filter_map(|l| {
                let f: Vec<&str> = l.split(' ').collect();
                (f.len() == 3 && !f[0].trim().is_empty()).then(|| (f[0].to_string(), f[1].parse::<f64>().unwrap() * scale, f[2].parse::<f64>().unwrap() * scale))
            })
            .collect();
        v.sort_by(|a, b| (a.2.round() as i64, a.1).partial_cmp(&(b.2.round() as i64, b.1)).unwrap());
        v
    };
    let ours = origins(&dir.join("aral-emergency-2024.pdf"), 1.0);
    let theirs = origins(&drawn, 72.0 / 200.0);
    assert!(ours.len() > 400, "page 1 holds {} characters", ours.len());
    assert_eq!(theirs.len(), ours.len(), "easyofd's page 1 has another count of characters");
    for (a, b) in ours.iter().zip(&theirs) {
        assert_eq!(a.0, b.0, "the characters differ in order");
        assert!((a.1 - b.1).abs() <= 0.5 && (a.2 - b.2).abs() <= 0.5, "“{}” at ({:.2}, {:.2}) in the PDF, ({:.2}, {:.2}) in the OFD", a.0, a.1, a.2, b.1, b.2);
    }
}

/// The package as GB/T 33190-2016 lays it out, checked part by part
/// (Python's zipfile and ElementTree): the entry OFD.xml (version, type,
/// DocInfo with DocID, title, author, creation date = report date, and the
/// DocRoot), the document (CommonData with MaxUnitID and the A4 PageArea,
/// PublicRes, the page tree, the outline), the fonts embedded as files
/// the resources name, one Content.xml per page with each landscape
/// page's own area; every ID unique and at most MaxUnitID; every text
/// object naming a declared font, its DeltaX one fewer than its characters
/// and its CGTransform one glyph per character.
#[test]
fn the_ofd_package_holds_the_parts_the_standard_requires() {
    let dir = scratch("ofd-package");
    let ofd = render_ofd(&fixture(), &dir);
    let report = python(
        r#"
import sys, zipfile, xml.etree.ElementTree as ET
z = zipfile.ZipFile(sys.argv[1]); names = set(z.namelist())
N = "{http://www.ofdspec.org/2016}"
def x(n): return ET.fromstring(z.read(n))
o = x("OFD.xml")
assert o.tag == N + "OFD" and o.get("Version") == "1.0" and o.get("DocType") == "OFD", "OFD.xml root"
info = o.find(N + "DocBody/" + N + "DocInfo")
for k in ("DocID", "Title", "Author", "CreationDate"):
    assert (info.findtext(N + k) or "").strip(), "DocInfo " + k
print("date", info.findtext(N + "CreationDate"))
print("author", info.findtext(N + "Author"))
root = o.findtext(N + "DocBody/" + N + "DocRoot"); assert root in names, root
base = root.rsplit("/", 1)[0] + "/"
d = x(root)
cd = d.find(N + "CommonData")
maxid = int(cd.findtext(N + "MaxUnitID"))
print("area", cd.findtext(N + "PageArea/" + N + "PhysicalBox"))
res = x(base + cd.findtext(N + "PublicRes"))
fonts = {}
for f in res.iter(N + "Font"):
    path = base + res.get("BaseLoc") + "/" + f.findtext(N + "FontFile")
    assert path in names and len(z.read(path)) > 1000, path
    fonts[f.get("ID")] = f.get("FontName")
print("fonts", len(fonts))
ids = [int(e.get("ID")) for e in list(res.iter(N + "Font"))]
pages = d.findall(N + "Pages/" + N + "Page")
print("pages", len(pages))
for p in pages:
    ids.append(int(p.get("ID")))
    c = x(base + p.get("BaseLoc"))
    box = c.findtext(N + "Area/" + N + "PhysicalBox")
    print("page", box)
    for e in c.iter():
        if e.get("ID"): ids.append(int(e.get("ID")))
    for t in c.iter(N + "TextObject"):
        assert t.get("Font") in fonts, "a text object's font is not declared"
        assert len(t.get("Boundary").split()) == 4 and float(t.get("Size")) > 0
        code = t.find(N + "TextCode"); text = code.text or ""
        dx = (code.get("DeltaX") or "").split()
        assert len(dx) == len(text) - 1, ("DeltaX", text, dx)
        cg = t.find(N + "CGTransform")
        assert int(cg.get("CodeCount")) == len(text) == len(cg.findtext(N + "Glyphs").split()), ("CGTransform", text)
    for path in c.iter(N + "PathObject"):
        assert path.findtext(N + "AbbreviatedData").startswith("M ")
assert len(ids) == len(set(ids)), "IDs repeat"
assert max(ids) <= maxid, "an ID above MaxUnitID"
print("outline", len(list(d.iter(N + "OutlineElem"))))
"#,
        &[ofd.to_str().unwrap()],
    );
    let lines: Vec<&str> = report.lines().collect();
    assert!(lines.contains(&"date 2025-01-26"), "{report}");
    assert!(lines.contains(&"author 第一师阿拉尔市应急管理局"), "{report}");
    assert!(lines.contains(&"area 0 0 210 297"), "{report}");
    assert!(lines.contains(&"fonts 5"), "{report}");
    let pdf_pages = er_read::pdf::read(&std::fs::read(dir.join("aral-emergency-2024.pdf")).unwrap()).unwrap().len();
    assert!(lines.contains(&format!("pages {pdf_pages}").as_str()), "{report}");
    // Portrait pages first, the tables' pages landscape: 297 × 210.
    assert!(lines.contains(&"page 0 0 210 297") && lines.contains(&"page 0 0 297 210"), "{report}");
    let outline: usize = lines.iter().find_map(|l| l.strip_prefix("outline ")).unwrap().parse().unwrap();
    assert!(outline >= 6, "{report}");
}
