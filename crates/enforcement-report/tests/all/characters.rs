//! Every character a report may hold: names outside GB2312 drawn by the
//! shipped fonts, characters no font has or no reader sees reported by
//! `check` (and by `render` before it draws), all at once and located, and
//! a `--font-dir` font used whatever its family name.

use crate::common;

use common::*;

fn pdf_runs(bytes: &[u8]) -> Vec<er_read::pdf::TextRun> {
    er_read::pdf::read(bytes).unwrap().into_iter().flat_map(|p| p.runs).collect()
}

#[test]
fn names_in_gbk_and_extension_a_are_drawn_by_the_shipped_fonts() {
    let file = root().join("tests/characters/rare-names.yaml");
    let out = scratch("rare-names");
    let runs = pdf_runs(&render(&file, "pdf", &out));
    let text: String = runs.iter().map(|r| r.text.as_str()).collect();
    assert!(text.contains("王堃、李喆、张犇、赵昇、刘珺、陈镕、龚䶮"), "the body's names");
    // In the body, the 仿宋 face draws the GBK names; 䶮 (Extension A) too,
    // Zhuque Fangsong has it.
    for c in ['堃', '喆', '犇', '昇', '珺', '镕', '䶮'] {
        let drawn: Vec<&str> = runs.iter().filter(|r| r.text.contains(c)).map(|r| r.font.as_str()).collect();
        assert!(!drawn.is_empty(), "{c} not drawn");
        assert!(drawn.iter().all(|f| f.starts_with("ERFANG+") || f.starts_with("ERSERF+") || f.starts_with("ERSANS+") || f.starts_with("ERKAIT+")), "{c}: {drawn:?}");
    }
    // In the 黑体 heading, the names fall back to Noto Serif, which has
    // all of GBK and Extension A: drawn, never blank.
    let heading: Vec<&er_read::pdf::TextRun> = runs.iter().filter(|r| r.text.contains("犇")).collect();
    assert!(heading.len() >= 3, "body, 黑体 and 楷体 headings: {}", heading.len());
}

#[test]
fn check_reports_every_invisible_or_undrawable_character_where_it_stands() {
    let file = root().join("tests/characters/invisible.yaml");
    let o = run(&["check", "--fonts", "bundled", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    let errors: Vec<&str> = err.lines().filter(|l| l.contains(": error: ")).collect();
    // Literal places in invisible.yaml, counted by hand: one run, all four.
    let want = [
        ("invisible.yaml:12:42: error: part1.blocks[1].p:", "“𠀀” (U+20000)"),
        ("invisible.yaml:16:16: error: part1.blocks[4].p:", "ZERO WIDTH SPACE (U+200B)"),
        ("invisible.yaml:18:16: error: part1.blocks[5].p:", "a private-use character (U+E000)"),
        ("invisible.yaml:101:34: error: tables.表四.说明[0]:", "RIGHT-TO-LEFT OVERRIDE (U+202E)"),
    ];
    assert_eq!(errors.len(), want.len(), "{err}");
    for ((place, what), line) in want.iter().zip(&errors) {
        assert!(line.contains(place) && line.contains(what), "{line}");
    }
    assert!(err.contains("--font-dir") && err.contains("--format docx,xlsx"), "the help names the ways out: {err}");

    // `render` refuses the same file before drawing anything.
    let out = scratch("invisible-render");
    let o = run(&["render", "--fonts", "bundled", "-o", out.to_str().unwrap(), file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&o.stderr).lines().filter(|l| l.contains(": error: ")).count(), 4);
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 0, "nothing written");
}

#[test]
fn a_character_no_font_has_stops_only_the_pdf() {
    let dir = scratch("ext-b");
    let file = edited_fixture(&dir, "ext-b.yaml", &[("持有行政执法证件45人", "持有行政执法证件45人（𠀀）")]);
    let out = dir.join("out");
    let o = run(&["render", "--fonts", "bundled", "-o", out.to_str().unwrap(), file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("ext-b.yaml:") && err.contains("U+20000") && err.contains("--format docx,xlsx"), "{err}");
    assert!(!out.exists() || std::fs::read_dir(&out).unwrap().count() == 0, "no file of the set");
    // As the message says: the DOCX and XLSX can still be made.
    let o = run(&["render", "--fonts", "bundled", "--format", "docx,xlsx", "-o", out.to_str().unwrap(), file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(out.join("ext-b.docx").exists() && out.join("ext-b.xlsx").exists());
}

#[test]
fn a_font_dir_font_draws_what_no_shipped_font_has_whatever_its_family() {
    // tests/fonts/er-test-rare-glyph.ttf: family "ER Test Rare Glyph", one
    // glyph for U+20000.
    let dir = scratch("font-dir");
    let file = edited_fixture(&dir, "ext-b.yaml", &[("持有行政执法证件45人", "持有行政执法证件45人（𠀀）")]);
    let fonts = root().join("tests/fonts");
    let o = run(&["check", "--font-dir", fonts.to_str().unwrap(), file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = dir.join("out");
    let o = run(&["render", "--format", "pdf", "--font-dir", fonts.to_str().unwrap(), "-o", out.to_str().unwrap(), file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let runs = pdf_runs(&std::fs::read(out.join("ext-b.pdf")).unwrap());
    let drawn: Vec<&str> = runs.iter().filter(|r| r.text.contains('𠀀')).map(|r| r.font.as_str()).collect();
    assert_eq!(drawn.len(), 1, "{drawn:?}");
    assert!(drawn[0].ends_with("+ERTestRareGlyph-Regular"), "{drawn:?}");
}

/// 開 (GBK, not GB2312) in the title and in a level-1 heading: the shipped
/// 小标宋 and 黑体 faces lack it. The PDF draws it from Noto Serif,
/// emboldened (filled and stroked, text rendering mode 2), never from the
/// 仿宋 face; body text is never emboldened; and `check --fonts bundled`
/// names the character in each, with the font that draws it.
#[test]
fn a_character_a_bold_face_lacks_is_drawn_bold_and_check_names_it() {
    let dir = scratch("bold-fallback");
    let file = edited_fixture(
        &dir,
        "kaiping.yaml",
        &[
            ("agency: 第一师阿拉尔市应急管理局\n", "agency: 第一师阿拉尔市应急管理局\ntitle: 開平市应急管理局2024年行政执法年度报告\n"),
            ("    - h1: 一、行政执法信息情况", "    - h1: 一、開平行政执法信息情况"),
        ],
    );
    let o = run(&["check", "--fonts", "bundled", file.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let named: Vec<&str> = err.lines().filter(|l| l.contains("U+958B")).collect();
    assert_eq!(named.len(), 2, "{err}");
    assert!(named[0].contains(":9:8: warning:") && named[0].contains("the title") && named[0].contains("Noto Serif CJK SC, emboldened"), "{}", named[0]);
    assert!(named[1].contains("a level-1 heading") && named[1].contains("Noto Serif CJK SC, emboldened"), "{}", named[1]);
    // The fixture itself: nothing drawn from another face.
    let o = run(&["check", "--fonts", "bundled", fixture().to_str().unwrap()]);
    assert!(!String::from_utf8_lossy(&o.stderr).contains("warning"), "{}", String::from_utf8_lossy(&o.stderr));

    // In the PDF: each run showing 開 is in Noto Serif (ERSERF) with
    // rendering mode 2; no run of the body's 仿宋 (ERFANG) is.
    let pdf = lopdf::Document::load_mem(&render(&file, "pdf", &dir)).unwrap();
    let page = *pdf.get_pages().get(&1).unwrap();
    let fonts = pdf.get_page_fonts(page).unwrap();
    let content = lopdf::content::Content::decode(&pdf.get_page_content(page)).unwrap();
    let (mut font, mut mode) = (String::new(), 0i64);
    let mut shown: Vec<(String, i64)> = Vec::new();
    for op in &content.operations {
        match op.operator.as_str() {
            "Tf" => {
                let name = op.operands[0].as_name().unwrap();
                font = String::from_utf8_lossy(fonts[name].get(b"BaseFont").unwrap().as_name().unwrap()).into_owned();
            }
            "Tr" => mode = op.operands[0].as_i64().unwrap(),
            "Tj" | "TJ" => shown.push((font.clone(), mode)),
            _ => {}
        }
    }
    assert!(shown.iter().any(|(f, m)| f.starts_with("ERSERF+") && *m == 2), "{shown:?}");
    assert!(shown.iter().filter(|(f, _)| f.starts_with("ERSERF+")).all(|(_, m)| *m == 2), "{shown:?}");
    assert!(shown.iter().filter(|(f, _)| f.starts_with("ERFANG+")).all(|(_, m)| *m == 0), "{shown:?}");
    // 開 is drawn from Noto Serif in the title and the heading, never 仿宋.
    let runs = pdf_runs(&std::fs::read(dir.join("kaiping.pdf")).unwrap());
    let drawn: Vec<&str> = runs.iter().filter(|r| r.text.contains('開')).map(|r| r.font.as_str()).collect();
    assert!(drawn.len() >= 2 && drawn.iter().all(|f| f.starts_with("ERSERF+")), "{drawn:?}");
}
