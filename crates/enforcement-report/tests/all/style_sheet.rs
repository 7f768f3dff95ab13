//! One style sheet, three formats. The rules, row heights, caption and
//! notes gaps and page-number places are read back from the PDF, from the
//! DOCX (its XML, and its pages as LibreOffice lays them out) and from the
//! XLSX (openpyxl), and compared with the values written here: those of
//! GB/T 9704-2012 (page numbers) and of the spec's tables, never the
//! code's own constants.

use crate::common;

use std::path::{Path, PathBuf};

use common::{fixture, python, render, scratch, soffice_convert};
use serde_json::Value;

/// Word's and WPS's single table line.
const RULE_PT: f64 = 0.5;
/// A header row of one line, a row of figures.
const HEADER_ROW_PT: f64 = 24.0;
const VALUE_ROW_PT: f64 = 28.0;
/// Under the title, above the grid; under the grid, above the notes.
const CAPTION_GAP_PT: f64 = 6.0;
const NOTES_GAP_PT: f64 = 4.0;
/// GB/T 9704-2012 §7.5: the page number 7 mm under the text block, one
/// 4号 (14 pt) character in from the margin on the outside of the sheet.
const PAGE_NUMBER_BELOW_PT: f64 = 7.0 / 25.4 * 72.0;
const INSET_PT: f64 = 14.0;
/// A spreadsheet row is a whole number of pixels (96 to the inch) tall.
const PIXEL_PT: f64 = 0.75;
/// A4 portrait and its text block: 37 mm top, 28 mm left, 156 × 225 mm.
const SHEET_H: f64 = 297.0 / 25.4 * 72.0;
const BLOCK_LEFT: f64 = 28.0 / 25.4 * 72.0;
const BLOCK_RIGHT: f64 = (28.0 + 156.0) / 25.4 * 72.0;
const BLOCK_BOTTOM: f64 = (37.0 + 225.0) / 25.4 * 72.0;

/// The fixture as a PDF of ours and as LibreOffice lays out its DOCX; and
/// the DOCX and XLSX themselves.
struct Made {
    pdf: PathBuf,
    docx_pdf: PathBuf,
    docx: PathBuf,
    xlsx: PathBuf,
}

fn made() -> Made {
    let dir = scratch("style-sheet");
    let f = fixture();
    for format in ["pdf", "docx", "xlsx"] {
        render(&f, format, &dir);
    }
    let docx = dir.join("aral-emergency-2024.docx");
    let lo = dir.join("lo");
    soffice_convert(&docx, "pdf", &lo, &dir);
    Made { pdf: dir.join("aral-emergency-2024.pdf"), docx_pdf: lo.join("aral-emergency-2024.pdf"), docx, xlsx: dir.join("aral-emergency-2024.xlsx") }
}

/// Per page, with pdfplumber: its size, the widths of its rules, the
/// horizontal rules' heights from the top, the tables' labels on it (表一
/// …), the title's last baseline (18 pt text), the first note's baseline
/// (12 pt text under the grid), and the dashes of the page number with
/// their box and baseline, in points from the top-left corner.
const MEASURE: &str = r#"
import json, sys, pdfplumber
out = []
for p in pdfplumber.open(sys.argv[1]).pages:
    H = p.height
    base = lambda c: H - c["matrix"][5]
    hs = sorted({round(l["top"], 2) for l in p.lines if abs(l["top"] - l["bottom"]) < 0.01})
    text = p.extract_text() or ""
    labels = [l for l in ("表一", "表二", "表三", "表四") if l in text]
    title = [base(c) for c in p.chars if abs(c["size"] - 18) < 0.5]
    notes = [base(c) for c in p.chars if abs(c["size"] - 12) < 0.5 and hs and base(c) > hs[-1]]
    dashes = [dict(x0=c["x0"], x1=c["x1"], top=c["top"], bottom=c["bottom"], base=base(c), ox=c["matrix"][4]) for c in p.chars if c["text"] == "—"]
    out.append(dict(width=p.width, height=H, rules=sorted({round(l["linewidth"], 3) for l in p.lines}), hrules=hs,
                    labels=labels, title=max(title) if title else None, note=min(notes) if notes else None, dashes=dashes))
print(json.dumps(out))
"#;

fn measure(pdf: &Path) -> Vec<Value> {
    serde_json::from_str::<Value>(&python(MEASURE, &[pdf.to_str().unwrap()])).expect("JSON").as_array().expect("pages").clone()
}

fn f(v: &Value) -> f64 {
    v.as_f64().expect("a number")
}

fn near(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

#[test]
fn rules_row_heights_gaps_and_page_numbers_agree_across_the_formats() {
    let m = made();
    let ours = measure(&m.pdf);
    let docx = measure(&m.docx_pdf);
    assert_eq!(ours.len(), docx.len(), "the PDF and the DOCX as LibreOffice lays it out have the same pages");

    for (name, pages) in [("PDF", &ours), ("DOCX through LibreOffice", &docx)] {
        let mut seen_tables = 0;
        for (i, p) in pages.iter().enumerate() {
            let page = i + 1;
            // Rules: every one ½ pt.
            for w in p["rules"].as_array().unwrap() {
                assert!(near(f(w), RULE_PT, 0.01), "{name} page {page}: a rule of {w} pt, not {RULE_PT}");
            }
            let hs: Vec<f64> = p["hrules"].as_array().unwrap().iter().map(f).collect();
            if !hs.is_empty() {
                seen_tables += 1;
                let rows: Vec<f64> = hs.windows(2).map(|w| w[1] - w[0]).collect();
                // Every row at least a header row's least height, the last
                // (the figures) at least a row of figures'.
                assert!(rows.iter().all(|h| *h >= HEADER_ROW_PT - 0.6), "{name} page {page}: rows {rows:?}");
                assert!(*rows.last().unwrap() >= VALUE_ROW_PT - 0.6, "{name} page {page}: rows {rows:?}");
                // 表一 (spec §3): two header rows of one line, one row of figures.
                if p["labels"].as_array().unwrap().iter().any(|l| l == "表一") {
                    let want = [HEADER_ROW_PT, HEADER_ROW_PT, VALUE_ROW_PT];
                    assert!(rows.len() == 3 && rows.iter().zip(want).all(|(a, b)| near(*a, b, 0.6)), "{name} 表一's rows: {rows:?}, not {want:?}");
                }
                // The caption's gap: the title's baseline stands above the
                // grid by the gap and at most a title line more.
                let gap = hs[0] - f(&p["title"]);
                assert!((CAPTION_GAP_PT..=CAPTION_GAP_PT + 18.0 * 1.4).contains(&gap), "{name} page {page}: title baseline {gap} pt above the grid");
                let notes = f(&p["note"]) - hs[hs.len() - 1];
                assert!((NOTES_GAP_PT..=NOTES_GAP_PT + 12.0 * 1.6).contains(&notes), "{name} page {page}: first note {notes} pt under the grid");
            }
        }
        assert_eq!(seen_tables, 4, "{name}: the four tables, each on a landscape page");
    }

    for (i, (a, b)) in ours.iter().zip(&docx).enumerate() {
        let page = i + 1;
        // The same grid and the same caption and notes, within what the
        // fonts' own line heights make of them.
        let (ha, hb): (Vec<f64>, Vec<f64>) = (a["hrules"].as_array().unwrap().iter().map(f).collect(), b["hrules"].as_array().unwrap().iter().map(f).collect());
        assert_eq!(ha.len(), hb.len(), "page {page}: the same rows in the PDF and the DOCX");
        if !ha.is_empty() {
            assert!(near(ha[0], hb[0], 6.0), "page {page}: the grid starts at {} in the PDF and {} in the DOCX", ha[0], hb[0]);
            assert!(near(ha[0] - f(&a["title"]), hb[0] - f(&b["title"]), 5.0), "page {page}: caption gaps differ");
            assert!(near(f(&a["note"]) - ha[ha.len() - 1], f(&b["note"]) - hb[hb.len() - 1], 3.0), "page {page}: notes gaps differ");
        }
        // Page numbers: outside, one character in, 7 mm under the block,
        // on the sheet as printed (a landscape page's turned on its left edge).
        for (name, p) in [("PDF", a), ("DOCX through LibreOffice", b)] {
            let d = p["dashes"].as_array().unwrap();
            assert_eq!(d.len(), 2, "{name} page {page}: — N —");
            let portrait = f(&p["width"]) < f(&p["height"]);
            // Along the sheet's bottom edge: x on a portrait page, y on a
            // landscape one (the sheet's left is the page's top).
            let (start, end) = if portrait { (f(&d[0]["x0"]), f(&d[1]["x1"])) } else { (f(&d[0]["top"]), f(&d[1]["bottom"])) };
            if page % 2 == 1 {
                assert!(near(end, BLOCK_RIGHT - INSET_PT, 2.0), "{name} page {page}: the number ends at {end}, not one character in from the right margin");
            } else {
                assert!(near(start, BLOCK_LEFT + INSET_PT, 2.0), "{name} page {page}: the number starts at {start}, not one character in from the left margin");
            }
            // The baseline's distance from the sheet's bottom edge: on a
            // landscape page, from its left edge (the text turned).
            let from_edge = if portrait { f(&p["height"]) - f(&d[0]["base"]) } else { f(&d[0]["ox"]) };
            let below = (SHEET_H - BLOCK_BOTTOM) - from_edge;
            assert!(
                (PAGE_NUMBER_BELOW_PT..=PAGE_NUMBER_BELOW_PT + INSET_PT + 1.0).contains(&below),
                "{name} page {page}: the number's baseline {below} pt under the text block, not its line 7 mm under"
            );
        }
        let edge = |p: &Value| if f(&p["width"]) < f(&p["height"]) { f(&p["height"]) - f(&p["dashes"][0]["base"]) } else { f(&p["dashes"][0]["ox"]) };
        assert!(near(edge(a), edge(b), 2.0), "page {page}: the page number at {} pt from the sheet's edge in the PDF, {} in the DOCX", edge(a), edge(b));
    }
}

/// What the DOCX and the XLSX declare, as Word and Excel read it: the
/// DOCX's table borders (eighths of a point), row heights (twips, at least),
/// the caption's and notes' spacing (twips) and its footers' alignment; the
/// XLSX's borders, row heights (points), footers and print setup.
const DECLARED: &str = r#"
import json, re, sys, zipfile, openpyxl
z = zipfile.ZipFile(sys.argv[1])
doc = z.read("word/document.xml").decode()
styles = z.read("word/styles.xml").decode()
def style(sid):
    return re.search(r'<w:style [^>]*w:styleId="%s".*?</w:style>' % sid, styles, re.S).group(0)
def attr(xml, tag, name):
    m = re.search(r'<w:%s [^>]*w:%s="([^"]*)"' % (tag, name), xml)
    return m and m.group(1)
table_style = style("ReportTable")
borders = re.findall(r'<w:(top|left|bottom|right|insideH|insideV) [^>]*w:sz="(\d+)"', re.search(r"<w:tblBorders>.*?</w:tblBorders>", table_style, re.S).group(0))
tables = []
for t in re.findall(r"<w:tbl>.*?</w:tbl>", doc, re.S):
    rows = re.findall(r"<w:tr[ >].*?</w:tr>", t, re.S)
    tables.append([(attr(r, "trHeight", "val"), attr(r, "trHeight", "hRule"), "<w:tblHeader" in r) for r in rows])
title, label, note = style("TableTitle"), style("TableLabel"), style("TableNote")
first_notes = [p for p in re.findall(r"<w:p[ >].*?</w:p>", doc, re.S) if 'w:val="TableNote"' in p and "说明：" in p]
footers = {}
for name in z.namelist():
    if name.startswith("word/footer"):
        x = z.read(name).decode()
        footers[name] = dict(jc=attr(x, "jc", "val"), left=attr(x, "ind", "left"), right=attr(x, "ind", "right"))
wb = openpyxl.load_workbook(sys.argv[2])
sheets = {}
for ws in wb.worksheets[:4]:
    grid = [c for row in ws.iter_rows(min_row=3) for c in row if c.border.left.style or c.border.top.style]
    sheets[ws.title] = dict(
        styles=sorted({s for c in grid for s in (c.border.left.style, c.border.right.style, c.border.top.style, c.border.bottom.style) if s}),
        heights={str(r): ws.row_dimensions[r].height for r in range(1, ws.max_row + 1)},
        odd_right=ws.oddFooter.right.text, even_left=ws.evenFooter.left.text, odd_centre=ws.oddFooter.center.text,
        different=ws.HeaderFooter.differentOddEven)
print(json.dumps(dict(borders=borders, tables=tables,
    title=dict(after=attr(title, "spacing", "after"), line=attr(title, "spacing", "line"), rule=attr(title, "spacing", "lineRule")),
    label=dict(line=attr(label, "spacing", "line"), rule=attr(label, "spacing", "lineRule")),
    first_notes=[attr(p, "spacing", "before") for p in first_notes], footers=footers, sheets=sheets)))
"#;

#[test]
fn the_docx_and_the_xlsx_declare_the_same_rules_rows_gaps_and_page_numbers() {
    let m = made();
    let v: Value = serde_json::from_str(&python(DECLARED, &[m.docx.to_str().unwrap(), m.xlsx.to_str().unwrap()])).expect("JSON");
    let twips = |pt: f64| ((pt * 20.0).round() as i64).to_string();

    // DOCX: ½-pt borders on every side and inside (eighths of a point).
    let borders = v["borders"].as_array().unwrap();
    assert_eq!(borders.len(), 6, "{borders:?}");
    assert!(borders.iter().all(|b| b[1] == ((RULE_PT * 8.0) as i64).to_string().as_str()), "{borders:?}");
    // Rows: header rows (repeated on each page) at least 24 pt, figures 28 pt.
    let tables = v["tables"].as_array().unwrap();
    assert_eq!(tables.len(), 4);
    for rows in tables {
        for r in rows.as_array().unwrap() {
            let (h, rule, header) = (r[0].as_str().unwrap(), r[1].as_str().unwrap(), r[2].as_bool().unwrap());
            assert_eq!(rule, "atLeast");
            assert_eq!(h, twips(if header { HEADER_ROW_PT } else { VALUE_ROW_PT }), "{rows:?}");
        }
    }
    // The caption: the title's lines 1.4 × 小二 (25.2 pt) exactly, the gap
    // under it; the label's line 1.5 × 3号. The notes' gap over the first.
    assert_eq!(v["title"]["after"], twips(CAPTION_GAP_PT).as_str());
    assert_eq!(v["title"]["line"], twips(18.0 * 1.4).as_str());
    assert_eq!(v["title"]["rule"], "exact");
    assert_eq!(v["label"]["line"], twips(16.0 * 1.5).as_str());
    let first_notes = v["first_notes"].as_array().unwrap();
    assert_eq!(first_notes.len(), 4);
    assert!(first_notes.iter().all(|b| b == twips(NOTES_GAP_PT).as_str()), "{first_notes:?}");
    // Footers: odd pages right, even pages left, one 4号 character in.
    let footers = v["footers"].as_object().unwrap();
    let sides: Vec<(String, Option<String>)> = footers
        .values()
        .filter_map(|f| match f["jc"].as_str() {
            Some("right") => Some(("right".into(), f["right"].as_str().map(String::from))),
            Some("left") => Some(("left".into(), f["left"].as_str().map(String::from))),
            _ => None,
        })
        .collect();
    assert!(sides.contains(&("right".into(), Some(twips(INSET_PT)))) && sides.contains(&("left".into(), Some(twips(INSET_PT)))), "{footers:?}");

    // XLSX: each table's sheet ruled Thin (Excel's thinnest solid line,
    // its ½-pt class), the same row heights, the page number outside.
    let sheets = v["sheets"].as_object().unwrap();
    // Heights in whole pixels, never under the least height.
    let at_least = |h: f64, least: f64| h >= least - 1e-9 && h < least + PIXEL_PT;
    let mut names: Vec<&str> = sheets.keys().map(String::as_str).collect();
    names.sort_by_key(|n| ["表一", "表二", "表三", "表四"].iter().position(|l| l == n));
    assert_eq!(names, ["表一", "表二", "表三", "表四"]);
    for (name, s) in sheets {
        assert_eq!(s["styles"], serde_json::json!(["thin"]), "{name}");
        assert_eq!(s["different"], true, "{name}: odd and even pages' footers differ");
        let odd = s["odd_right"].as_str().unwrap_or_default();
        let even = s["even_left"].as_str().unwrap_or_default();
        assert!(odd.contains("— &P —") && even.contains("— &P —"), "{name}: {odd:?} {even:?}");
        assert!(s["odd_centre"].is_null(), "{name}: no centred number");
        // Label row 24 pt, the title's row its line and the gap (a
        // spreadsheet stores heights in whole pixels: ¾ pt).
        let h = |r: usize| f(&s["heights"][r.to_string()]);
        assert!(at_least(h(1), 24.0), "{name}: label row {}", h(1));
        assert!(at_least(h(2), 18.0 * 1.4 + CAPTION_GAP_PT), "{name}: title row {}", h(2));
    }
    // 表一's rows: two header rows of one line, the row of figures; then
    // the first note's row: its lines of 小四 (15.6 pt each) and the gap.
    let t1 = &sheets["表一"]["heights"];
    let rows = [f(&t1["3"]), f(&t1["4"]), f(&t1["5"])];
    assert!(rows.iter().zip([HEADER_ROW_PT, HEADER_ROW_PT, VALUE_ROW_PT]).all(|(h, l)| at_least(*h, l)), "表一's rows {rows:?}");
    let lines = ((f(&t1["6"]) - NOTES_GAP_PT) / 15.6).round();
    assert!(lines >= 1.0 && at_least(f(&t1["6"]), lines * 15.6 + NOTES_GAP_PT), "表一's first note row {}", f(&t1["6"]));
}
