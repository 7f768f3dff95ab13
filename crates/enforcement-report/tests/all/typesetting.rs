//! Typesetting that holds for any agency's data (GB/T 9704-2012): figures
//! never split or spread, titles broken at words into balanced lines, no
//! text outside the text block, labels stored as their text, 仿宋 body.
//! The expectations are literals from the data files and the standard.

use crate::common;

use common::*;
use std::path::Path;
use er_document::document::Block;
use er_document::layout::Orientation;
use er_pdf::layout::{lay_out, positions, Item, Piece};
use er_pdf::{FontSet, FontSource};

fn stress() -> std::path::PathBuf {
    root().join("tests/typesetting/stress.yaml")
}

fn twenty() -> std::path::PathBuf {
    root().join("tests/typesetting/twenty-columns-data.yaml")
}

fn document(path: &std::path::Path) -> er_document::Document {
    er_typeset::build(&er_data::load_file(path).expect("the data file loads").report)
}

/// Each page's text lines (runs on one baseline joined), from the PDF.
fn pdf_lines(bytes: &[u8]) -> Vec<Vec<String>> {
    er_read::pdf::read(bytes).unwrap().iter().map(|p| p.lines()).collect()
}

#[test]
fn figures_of_a_twenty_column_table_stay_on_one_line_in_every_format() {
    // From twenty-columns-data.yaml: a 7-decimal amount in 元, the largest
    // 万元 amount, and 9-digit counts.
    // 99999999999.9999999 has more digits than an XLSX stores, so `check`
    // refuses it; the layout is tested on the document all the same, with
    // the PDF and DOCX writers called directly.
    let figures = ["1234567.8901234", "99999999999.9999999", "123456792", "123456809"];
    let doc = document(&twenty());
    let pdf = er_pdf::write(&doc, &FontSource::Bundled).unwrap();
    let lines: Vec<String> = pdf_lines(&pdf).concat();
    for f in figures {
        assert!(lines.iter().any(|l| l.contains(f)), "PDF: {f} is split: {lines:?}");
    }
    let docx = er_read::docx::Docx::read(&er_docx::write(&doc).unwrap()).unwrap();
    let values: Vec<String> = docx.tables[0].last().unwrap().iter().map(|c| c.text.clone()).collect();
    for f in figures {
        assert!(values.contains(&f.to_string()), "DOCX: {f} not one cell text in {values:?}");
    }
    // Each figure's cell is wide enough at its size: the layout's measure.
    let fonts = FontSet::load(&FontSource::Bundled);
    let layout = lay_out(&doc, &fonts).unwrap();
    let texts: Vec<String> = layout.pages.iter().flat_map(|p| p.items.iter()).filter_map(|i| if let Item::Text(r) = i { Some(r.text.clone()) } else { None }).collect();
    for f in figures {
        assert!(texts.iter().any(|t| t == f), "layout: {f} is not one run");
    }
}

#[test]
fn justification_never_spreads_the_digits_of_a_number() {
    // "2024年共234件" measured as the fonts do: CJK 16 pt on a 15.8 pt grid,
    // digits their own advance.
    let p: Vec<Piece> = "2024年共234件"
        .chars()
        .map(|c| {
            let (advance, width) = if c.is_ascii_digit() { (8.0, 8.0) } else { (16.0, 15.8) };
            Piece { c, font: 0, advance, width }
        })
        .collect();
    let ragged = positions(&p, None);
    let justified = positions(&p, Some(200.0));
    assert!(justified[p.len() - 1] > ragged[p.len() - 1] + 50.0, "the line is stretched");
    for (a, b) in [(0, 1), (1, 2), (2, 3), (6, 7), (7, 8)] {
        assert_eq!(justified[b] - justified[a], ragged[b] - ragged[a], "gap between {} and {}", p[a].c, p[b].c);
    }
    // The room goes between the Chinese characters and at script changes.
    assert!(justified[5] - justified[4] > ragged[5] - ragged[4]);
}

#[test]
fn a_forty_character_title_is_balanced_centred_and_whole_in_every_format() {
    // Two lines of at most 20 characters (2号 on the 156 mm line), no word
    // split: the break falls after 二〇二四年度, not inside 工作 or 二〇二四.
    let want = ["第一师阿拉尔市应急管理局关于二〇二四年度", "法治政府建设与行政执法工作情况的总结报告"];
    let doc = document(&stress());
    let Block::Title(t) = &doc.sections[0].blocks[0] else { panic!("a title first") };
    assert_eq!(t.split('\n').collect::<Vec<_>>(), want);
    assert_eq!(want.concat(), "第一师阿拉尔市应急管理局关于二〇二四年度法治政府建设与行政执法工作情况的总结报告");

    let out = scratch("typesetting-title");
    let pdf = render(&stress(), "pdf", &out);
    let first = &er_read::pdf::read(&pdf).unwrap()[0];
    let lines = first.lines();
    assert_eq!(lines[..2], want);
    // Centred: each line's middle is the text block's middle (28 mm + 78 mm).
    let fonts = FontSet::load(&FontSource::Bundled);
    let layout = lay_out(&doc, &fonts).unwrap();
    let middle = (28.0 + 78.0) * 72.0 / 25.4;
    let mut rows: Vec<(f64, f64, f64)> = Vec::new();
    for i in &layout.pages[0].items {
        if let Item::Text(r) = i {
            match rows.iter_mut().find(|row| (row.0 - r.y).abs() < 0.1) {
                Some(row) => row.2 = row.2.max(r.x + r.width()),
                None => rows.push((r.y, r.x, r.x + r.width())),
            }
        }
    }
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (_, l, r) in &rows[..2] {
        assert!(((l + r) / 2.0 - middle).abs() < 1.0, "a title line is off centre: {l}..{r}");
    }

    let docx = er_read::docx::Docx::read(&render(&stress(), "docx", &out)).unwrap();
    let p = &docx.paragraphs[0];
    assert_eq!(p.text, want.join("\n"));
    assert_eq!(p.align.as_deref(), Some("center"));
}

#[test]
fn table_titles_and_headings_too_long_for_a_line_wrap_centred_inside_the_block() {
    let out = scratch("typesetting-wrap");
    let doc = document(&stress());
    // The 46-character title of 表二 in two lines of at most 35 (小二 on
    // the 225 mm line), read back the same from the XLSX and the DOCX.
    let t = doc.sections[1].blocks.iter().find_map(|b| if let Block::Table(t) = b { (t.label == "表二").then_some(t) } else { None }).unwrap();
    let want = ["新疆生产建设兵团第一师阿拉尔市应急管理局二〇二四年度", "行政处罚实施情况及罚没金额统计表（全年）"];
    assert_eq!(t.title.split('\n').collect::<Vec<_>>(), want);
    let sheets = er_read::xlsx::read(&render(&stress(), "xlsx", &out)).unwrap();
    assert_eq!(sheets[1].cells[&(1, 0)].text(), want.join("\n"));
    let docx = er_read::docx::Docx::read(&render(&stress(), "docx", &out)).unwrap();
    assert!(docx.paragraphs.iter().any(|p| p.text == want.join("\n")));
}

#[test]
fn every_glyph_lies_inside_the_text_block() {
    // A 41-character agency name in the signature, a 46-character table
    // title, a 60-character part heading, 7- to 13-digit figures.
    let doc = document(&stress());
    let fonts = FontSet::load(&FontSource::Bundled);
    let layout = lay_out(&doc, &fonts).unwrap();
    let pt = |mm: f64| mm * 72.0 / 25.4;
    for page in &layout.pages {
        let s = page.setup;
        let (left, right) = (pt(s.left_mm), pt(s.width_mm - s.right_mm));
        let (top, bottom) = (pt(s.top_mm), pt(s.height_mm - s.bottom_mm));
        for item in &page.items {
            let Item::Text(r) = item else { continue };
            if r.turned || r.y > bottom + 1.0 {
                continue; // the page number, outside the block by design
            }
            assert!(r.x >= left - 0.01 && r.x + r.width() <= right + 0.01, "page {}: “{}” runs {:.1}..{:.1}, block {left:.1}..{right:.1}", page.number, r.text, r.x, r.x + r.width());
            assert!(r.y >= top, "page {}: “{}” above the block", page.number, r.text);
        }
    }
    // The signature wraps flush right: both lines end at the same place.
    let pdf = er_read::pdf::read(&render(&stress(), "pdf", &scratch("typesetting-block"))).unwrap();
    let text: String = pdf.iter().flat_map(|p| p.lines()).collect();
    assert!(text.contains("新疆生产建设兵团第一师阿拉尔市应急管理局"), "the agency's name in full");
    assert!(text.contains("危险化学品安全监督管理综合执法支队第一大队"));
}

#[test]
fn header_cells_read_back_as_the_template_labels() {
    // 表二 of bingtuan-2024, as the published table prints its labels.
    let want = [
        "行政处罚实施数量（宗）",
        "警告",
        "罚款",
        "没收违法所得、没收非法财物",
        "暂扣许可证、执照",
        "责令停产停业",
        "吊销许可证、执照",
        "行政拘留",
        "其他行政处罚",
    ];
    let out = scratch("typesetting-labels");
    let docx = er_read::docx::Docx::read(&render(&fixture(), "docx", &out)).unwrap();
    let cells: Vec<String> = docx.tables[1].iter().flatten().map(|c| c.text.clone()).collect();
    let sheets = er_read::xlsx::read(&render(&fixture(), "xlsx", &out)).unwrap();
    let texts: Vec<String> = sheets[1].cells.values().map(|v| v.text()).collect();
    // The DOCX states a label's breaks only where Word's and LibreOffice's
    // own wrap would break it badly (（万/元）, a character alone): the
    // label without them is the template's.
    let cells: Vec<String> = cells.iter().map(|c| c.replace('\n', "")).collect();
    for w in want {
        assert!(cells.iter().any(|c| c == w), "DOCX: no header cell “{w}” in {cells:?}");
        assert!(texts.iter().any(|c| c == w), "XLSX: no header cell “{w}” in {texts:?}");
    }
    for c in &texts {
        assert!(!c.contains('\n'), "a typed line break in “{c}”");
    }
}

/// The DOCX breaks a header label where the PDF does, as LibreOffice lays
/// it out (not 罚没金额（万 / 元）), read back from LibreOffice's PDF of it.
#[test]
fn the_docx_breaks_labels_where_the_pdf_does() {
    need_soffice();
    let dir = scratch("docx-label-breaks");
    let docx = dir.join("report.docx");
    std::fs::write(&docx, render(&fixture(), "docx", &dir.join("out"))).unwrap();
    soffice_convert(&docx, "pdf", &dir, &dir.join("work"));
    let cells = header_lines(&dir.join("report.pdf"));
    for expected in [&["罚没金额", "（万元）"][..], &["行政", "拘留"], &["其他", "行政处罚"]] {
        assert!(cells.iter().any(|c| c == expected), "LibreOffice's DOCX: no header cell broken as {expected:?}: {cells:?}");
    }
}

#[test]
fn the_bundled_body_face_is_zhuque_fangsong_with_rare_names_drawn() {
    let out = scratch("typesetting-fonts");
    let pdf = render(&stress(), "pdf", &out);
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let mut names = Vec::new();
    for (_, id) in doc.get_pages() {
        for (_, f) in doc.get_page_fonts(id).unwrap() {
            names.push(String::from_utf8_lossy(f.get(b"BaseFont").unwrap().as_name().unwrap()).into_owned());
        }
    }
    assert!(names.iter().any(|n| n.ends_with("+ZhuqueFangsong-Regular")), "{names:?}");
    // 堃 喆 犇 昇 珺 are GBK, not GB2312: the 仿宋 face draws them.
    let text: String = pdf_lines(&pdf).concat().concat();
    assert!(text.contains("王堃、李喆、张犇、赵昇、刘珺"), "{text}");
    let doc = document(&stress());
    assert!(doc.sections.iter().any(|s| s.page.orientation == Orientation::Portrait));
}

/// Each page's words as pdftotext finds them (its `-bbox` output, with
/// `args` such as a page range): xMin, yMin, xMax, yMax (y runs down the
/// page) and the text.
fn bbox_words(pdf: &Path, args: &[&str]) -> Vec<Vec<(f64, f64, f64, f64, String)>> {
    let o = std::process::Command::new("pdftotext").arg("-bbox").args(args).arg(pdf).arg("-").output().expect("pdftotext");
    let html = String::from_utf8_lossy(&o.stdout).into_owned();
    html.split("<page ")
        .skip(1)
        .map(|page| {
            page.split("<word ")
                .skip(1)
                .map(|w| {
                    let attr = |n: &str| -> f64 { w.split(&format!("{n}=\"")).nth(1).unwrap().split('"').next().unwrap().parse().unwrap() };
                    let text = w.split('>').nth(1).unwrap().split('<').next().unwrap().to_string();
                    (attr("xMin"), attr("yMin"), attr("xMax"), attr("yMax"), text)
                })
                .collect()
        })
        .collect()
}

/// Each header cell's lines as the PDF draws them: the words pdftotext
/// finds inside the cell's rules, top to bottom, for the tables' header rows.
fn header_lines(pdf: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(pdf).unwrap();
    let pages = er_read::pdf::read(&bytes).unwrap();
    let mut out = Vec::new();
    for (pi, words) in bbox_words(pdf, &[]).into_iter().enumerate() {
        let height = pages[pi].height;
        for table in pages[pi].ruled_tables() {
            // The header: the rows above the last (a report's table has one row of figures).
            let last = table.iter().map(|c| c.row).max().unwrap_or(0);
            for c in table.iter().filter(|c| c.row < last) {
                let (top, bottom) = (height - c.top, height - c.bottom);
                let mut inside: Vec<&(f64, f64, f64, f64, String)> = words.iter().filter(|w| (w.0 + w.2) / 2.0 > c.left && (w.0 + w.2) / 2.0 < c.right && (w.1 + w.3) / 2.0 > top && (w.1 + w.3) / 2.0 < bottom).collect();
                inside.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.total_cmp(&b.0)));
                let mut lines: Vec<(f64, String)> = Vec::new();
                for w in inside {
                    match lines.last_mut() {
                        Some((y, s)) if (w.1 - *y).abs() < 2.0 => s.push_str(&w.4),
                        _ => lines.push((w.1, w.4.clone())),
                    }
                }
                if !lines.is_empty() {
                    out.push(lines.into_iter().map(|(_, s)| s).collect());
                }
            }
        }
    }
    out
}

/// Header labels broken as a typesetter breaks them: at word boundaries,
/// balanced, never a line of one character. The reference's breaks are
/// written here as literals; every built-in example is looked through.
#[test]
fn header_labels_break_at_words_and_never_leave_one_character() {
    let dir = scratch("label-breaks");
    let pdf = dir.join("reference.pdf");
    std::fs::write(&pdf, render(&fixture(), "pdf", &dir.join("ref"))).unwrap();
    let cells = header_lines(&pdf);
    for expected in [&["行政", "拘留"][..], &["其他", "行政处罚"], &["责令", "停产停业"], &["冻结", "存款、", "汇款"], &["扣押", "财物"], &["罚没金额", "（万元）"]] {
        assert!(cells.iter().any(|c| c == expected), "no header cell broken as {expected:?}: {cells:?}");
    }
    for name in ["aral-emergency-2024", "example-2025", "national-2021-example", "national-2021-detailed-example"] {
        let pdf = dir.join(format!("{name}.pdf"));
        std::fs::write(&pdf, render(&root().join(format!("fixtures/{name}.yaml")), "pdf", &dir.join(name))).unwrap();
        for cell in header_lines(&pdf) {
            let chars: usize = cell.iter().map(|l| l.chars().count()).sum();
            assert!(chars < 2 || cell.iter().all(|l| l.chars().count() > 1), "{name}: a label line of one character: {cell:?}");
        }
    }
}

/// A paragraph with a 30-digit account number: the number fills the line
/// it starts on and breaks, so no line before it is spread letter by
/// letter. The issue's bound is half a character (8 pt); the spread line
/// the number used to leave has gaps of 7.2 pt, so the bound here is the
/// widest gap a justified line of the fixture has (3.6 pt) and a little:
/// 0.3 of a character.
#[test]
fn a_long_account_number_spreads_no_line() {
    let dir = scratch("account-number");
    let number = "622848001234567890123456789012";
    assert_eq!(number.len(), 30);
    // The paragraph's first line: two characters' indent and eighteen
    // characters leave eight for a number of fifteen.
    let first = fixture_paragraph();
    let file = edited_fixture(&dir, "account.yaml", &[(first.as_str(), &format!("本年度罚没款统一缴入国库，缴款账号为{number}，户名为某某财政局。"))]);
    let pdf = dir.join("account.pdf");
    std::fs::write(&pdf, render(&file, "pdf", &dir.join("out"))).unwrap();
    // Words with their boxes, line by line (one yMin); 3号 is 16 pt.
    let mut words: Vec<(f64, f64, f64, String)> = bbox_words(&pdf, &["-f", "1", "-l", "1"]).concat().into_iter().map(|(x0, y0, x1, _, t)| (y0, x0, x1, t)).collect();
    words.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let text: String = words.iter().map(|w| w.3.as_str()).collect();
    assert!(text.contains(&number[..10]), "the number is on page 1: {text}");
    for pair in words.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if (a.0 - b.0).abs() < 1.0 {
            assert!(b.1 - a.2 <= 4.8, "a gap of {:.1} pt between “{}” and “{}”", b.1 - a.2, a.3, b.3);
        }
    }
}

/// The text of the fixture's first narrative paragraph, as the data file writes it.
fn fixture_paragraph() -> String {
    let yaml = std::fs::read_to_string(fixture()).unwrap();
    let line = yaml.lines().find(|l| l.trim_start().starts_with("- p: '")).unwrap();
    line.trim_start().trim_start_matches("- p: '").trim_end_matches('\'').to_string()
}

/// Decimals as a display format: a column that fixes its places shows
/// them all (12.34 in a column of four: 12.3400), any column shows the
/// places its data file writes (155000.00 stays 155000.00), and a
/// computed rate its column's (100.00) — in the PDF, the DOCX and the
/// XLSX, read back with pdftotext, python-docx and openpyxl.
#[test]
fn decimals_show_as_written_or_as_the_column_fixes_them() {
    let dir = scratch("decimals");
    std::fs::write(
        dir.join("t.yaml"),
        "name: 小数\ntables:\n  - label: 表一\n    title: '{机关}{年度}年度收费情况统计表'\n    columns:\n      - { key: 甲金额, unit: 万元, decimals: 4, fixed_decimals: true }\n      - { key: 乙金额, unit: 元, decimals: 2 }\n      - { key: 丙金额, unit: 元, decimals: 2 }\n    header:\n      - { column: 甲金额, label: 甲金额（万元） }\n      - { column: 乙金额, label: 乙金额（元） }\n      - { column: 丙金额, label: 丙金额（元） }\n",
    )
    .unwrap();
    let data = checked_data(&dir, "template: t.yaml\nagency: 某某局\nyear: 2024\nreport_date: 2025-01-20\npart1:\n  heading: 第一部分 总体情况\n  blocks:\n    - p: 正文。\npart2:\n  heading: 第二部分 数据统计\ntables:\n  表一:\n    甲金额: '12.34'\n    乙金额: '155000.00'\n    丙金额: '3.5'\n");
    let out = dir.join("out");
    let pdf = dir.join("d.pdf");
    std::fs::write(&pdf, render(&data, "pdf", &out)).unwrap();
    let text = pdftotext(&pdf);
    for shown in ["12.3400", "155000.00", "3.5"] {
        assert!(text.split_whitespace().any(|w| w == shown), "PDF: {shown} not shown:\n{text}");
    }
    let docx = dir.join("d.docx");
    std::fs::write(&docx, render(&data, "docx", &out)).unwrap();
    let cells = python("import docx,sys\nd=docx.Document(sys.argv[1])\nprint('|'.join(c.text for t in d.tables for r in t.rows for c in r.cells))", &[docx.to_str().unwrap()]);
    for shown in ["12.3400", "155000.00", "3.5"] {
        assert!(cells.trim().split('|').any(|c| c == shown), "DOCX: {shown} not in {cells}");
    }
    let xlsx = dir.join("d.xlsx");
    std::fs::write(&xlsx, render(&data, "xlsx", &out)).unwrap();
    let formats = python("import openpyxl,sys\nws=openpyxl.load_workbook(sys.argv[1]).worksheets[0]\nprint('|'.join(f'{c.value}={c.number_format}' for r in ws.iter_rows() for c in r if isinstance(c.value,(int,float))))", &[xlsx.to_str().unwrap()]);
    for shown in ["12.34=0.0000", "155000=0.00", "3.5=0.0"] {
        assert!(formats.trim().split('|').any(|c| c == shown), "XLSX: {shown} not in {formats}");
    }
}

/// The fixture with a last paragraph of `chars` characters after its
/// narrative, as YAML.
fn with_last_paragraph(chars: usize) -> String {
    let yaml = std::fs::read_to_string(fixture()).unwrap();
    let at = yaml.find("\npart2:").unwrap();
    let filler: String = "依法履职规范执法".chars().cycle().take(chars.saturating_sub(1)).chain(['。']).collect();
    format!("{}    - p: '{filler}'\n{}", &yaml[..at], &yaml[at..])
}

/// A narrative that ends a line or two past a page never leaves the
/// signature and date alone on the next: the last paragraph carries its
/// last lines along (GB/T 9704 §7.3.5). Every length of a last paragraph
/// that ends the body at a page's foot is tried, in the PDF; the DOCX in
/// the next test.
#[test]
fn no_page_holds_the_signature_and_date_alone() {
    let fonts = er_pdf::FontSource::Bundled;
    // The page the date stands on holds a line of body text too.
    let lonely = |pages: &[er_read::pdf::Page]| -> Option<Vec<String>> {
        let k = pages.iter().position(|p| p.lines().iter().any(|l| l.replace(' ', "") == "2025年1月26日"))?;
        let lines: Vec<String> = pages[k].lines().into_iter().map(|l| l.replace(' ', "")).filter(|l| !l.is_empty()).collect();
        let body = lines.iter().filter(|l| *l != "第一师阿拉尔市应急管理局" && *l != "2025年1月26日" && !l.starts_with('—')).count();
        (body == 0).then_some(lines)
    };
    // The fixture's narrative ends a few lines into its fourth page: a last
    // paragraph of 15 to 22 lines brings its end to the page's foot.
    for k in 15..=22 {
        let yaml = with_last_paragraph(k * 28 - 10);
        let loaded = er_data::load_str(&yaml, "r.yaml").unwrap();
        let pdf = er_pdf::write(&er_typeset::build(&loaded.report), &fonts).unwrap();
        let pages = er_read::pdf::read(&pdf).unwrap();
        assert!(lonely(&pages).is_none(), "PDF, a last paragraph of {k} lines: the signature page holds only {:?}", lonely(&pages));
    }
}

/// The same in the DOCX as LibreOffice lays it out: a last paragraph of
/// 15 to 24 lines after the fixture's narrative, each ending the body at
/// or past a page's foot, never leaves the signature and date alone on
/// the page (read back with pdftotext from LibreOffice's PDF).
#[test]
fn no_docx_page_holds_the_signature_and_date_alone_in_libreoffice() {
    need_soffice();
    let dir = scratch("signature-docx");
    let mut files = Vec::new();
    for k in 15..=24 {
        let loaded = er_data::load_str(&with_last_paragraph(k * 28 - 10), "r.yaml").unwrap();
        let file = dir.join(format!("k{k}.docx"));
        std::fs::write(&file, er_docx::write(&er_typeset::build(&loaded.report)).unwrap()).unwrap();
        files.push(file);
    }
    // One LibreOffice run converts them all.
    let o = std::process::Command::new("soffice")
        .args(["--headless", &format!("-env:UserInstallation=file://{}/lo-profile", dir.display()), "--convert-to", "pdf", "--outdir"])
        .arg(&dir)
        .args(&files)
        .output()
        .expect("run soffice");
    assert!(o.status.success(), "soffice: {}", String::from_utf8_lossy(&o.stderr));
    for (k, file) in (15..).zip(&files) {
        let text = pdftotext(&file.with_extension("pdf"));
        let page = text.split('\u{c}').find(|p| p.replace(' ', "").contains("2025年1月26日")).expect("the date is printed");
        let body: Vec<&str> = page
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('—'))
            .filter(|l| !["第一师阿拉尔市应急管理局", "2025年1月26日"].contains(&l.replace(' ', "").as_str()))
            .collect();
        assert!(!body.is_empty(), "DOCX through LibreOffice, a last paragraph of {k} lines: the signature page holds no body text:\n{page}");
    }
}

/// 曲阜's published 2021 行政处罚 table, 26 columns, its labels written
/// here: it renders in all three formats, set smaller in the landscape
/// block but never below 六号 (7.5 pt) for its labels, every figure whole
/// in one cell, every label whole.
#[test]
fn a_table_of_twenty_six_columns_renders_whole_in_every_format() {
    let dir = scratch("twenty-six");
    let kinds = ["警告", "通报批评", "罚款", "没收违法所得", "没收非法财物", "暂扣许可证件", "降低资质等级", "吊销许可证件", "限制开展生产经营活动", "责令停产停业", "责令关闭", "限制从业", "行政拘留", "其他行政处罚"];
    let mut columns = vec!["立案数".to_string(), "结案数".to_string()];
    columns.extend(kinds.iter().map(|k| k.to_string()));
    columns.extend(["合计", "罚没金额", "不予处罚数", "不予处罚涉及金额", "减轻处罚数", "减轻处罚涉及金额", "从轻处罚数", "被申请行政复议数", "被提起行政诉讼数", "移送司法机关数"].map(String::from));
    assert_eq!(columns.len(), 26);
    let amount = |k: &str| k.contains("金额");
    let mut t = String::from("name: 曲阜\ntables:\n  - label: 表一\n    title: '{机关}{年度}年度行政处罚实施情况统计表'\n    columns:\n");
    for c in &columns {
        let unit = if amount(c) { "万元" } else { "件" };
        t.push_str(&format!("      - {{ key: {c}, unit: {unit}{} }}\n", if c == "合计" { format!(", total_of: [{}]", kinds.join(", ")) } else { String::new() }));
    }
    t.push_str("    header:\n      - 立案数\n      - 结案数\n      - label: 行政处罚决定数（件）\n        children:\n");
    for k in kinds.iter().chain(&["合计"]) {
        t.push_str(&format!("          - {k}\n"));
    }
    t.push_str("      - { column: 罚没金额, label: 罚没金额（万元） }\n      - label: 不予处罚\n        children:\n          - { column: 不予处罚数, label: 数量（件） }\n          - { column: 不予处罚涉及金额, label: 涉及金额（万元） }\n      - label: 减轻处罚\n        children:\n          - { column: 减轻处罚数, label: 数量（件） }\n          - { column: 减轻处罚涉及金额, label: 涉及金额（万元） }\n");
    for c in ["从轻处罚数", "被申请行政复议数", "被提起行政诉讼数", "移送司法机关数"] {
        t.push_str(&format!("      - {c}\n"));
    }
    std::fs::write(dir.join("t.yaml"), &t).unwrap();
    let check = run(&["check-template", dir.join("t.yaml").to_str().unwrap()]);
    assert!(check.status.success(), "{}\n{t}", String::from_utf8_lossy(&check.stderr));
    // Figures: counts of one to four digits, amounts with decimals.
    let figures: Vec<String> = (0..26)
        .map(|i| match columns[i].as_str() {
            "合计" => (1..=14).map(|k| k * 7 % 97).sum::<usize>().to_string(),
            c if amount(c) => format!("{}.{}", 1000 + i * 37, 1 + i % 9),
            _ if (2..16).contains(&i) => ((i - 1) * 7 % 97).to_string(),
            _ => (100 + i * 13).to_string(),
        })
        .collect();
    let mut d = String::from("template: t.yaml\nagency: 曲阜市某局\nyear: 2021\nreport_date: 2022-01-20\npart1:\n  heading: 第一部分 总体情况\n  blocks:\n    - p: 正文。\npart2:\n  heading: 第二部分 数据统计\ntables:\n  表一:\n");
    for (c, f) in columns.iter().zip(&figures) {
        d.push_str(&format!("    {c}: {}\n", if amount(c) { format!("'{f}'") } else { f.clone() }));
    }
    let data = checked_data(&dir, &d);
    let out = dir.join("out");
    // PDF: every figure whole on one line; every label whole in its cell.
    let pdf = dir.join("d.pdf");
    std::fs::write(&pdf, render(&data, "pdf", &out)).unwrap();
    let text = pdftotext(&pdf);
    for f in &figures {
        assert!(text.split_whitespace().any(|w| w == f), "PDF: {f} is not whole:\n{text}");
    }
    let cells = header_lines(&pdf);
    for label in ["限制开展生产经营活动", "被申请行政复议数", "罚没金额（万元）", "行政处罚决定数（件）"] {
        assert!(cells.iter().any(|c| c.concat() == label), "PDF: no header cell “{label}”: {cells:?}");
    }
    // The labels' size: at least 六号.
    let doc = document(&data);
    let er_document::document::Block::Table(table) = doc.sections.iter().flat_map(|s| &s.blocks).find(|b| matches!(b, er_document::document::Block::Table(_))).unwrap() else { unreachable!() };
    assert!(table.cells.iter().filter(|c| c.role == er_document::document::CellRole::Header).all(|c| c.size_pt >= 7.5), "a label below 六号");
    // DOCX and XLSX: each figure one cell, as written.
    let docx = dir.join("d.docx");
    std::fs::write(&docx, render(&data, "docx", &out)).unwrap();
    let texts = python("import docx,sys\nd=docx.Document(sys.argv[1])\nprint('|'.join(c.text for t in d.tables for r in t.rows for c in r.cells))", &[docx.to_str().unwrap()]);
    for f in &figures {
        assert!(texts.trim().split('|').any(|c| c == f), "DOCX: {f} not one cell");
    }
    let xlsx = dir.join("d.xlsx");
    std::fs::write(&xlsx, render(&data, "xlsx", &out)).unwrap();
    let values = python("import openpyxl,sys\nws=openpyxl.load_workbook(sys.argv[1]).worksheets[0]\nprint('|'.join(str(c.value) for r in ws.iter_rows() for c in r if c.value is not None))", &[xlsx.to_str().unwrap()]);
    for f in figures.iter().filter(|f| *f != &figures[16]) {
        assert!(values.trim().split('|').any(|c| c == f || c == format!("{f}.0")), "XLSX: {f} not a cell value in {values}");
    }
}

/// `text` written as `dir`/d.yaml, which `check` passes.
fn checked_data(dir: &Path, text: &str) -> std::path::PathBuf {
    let data = dir.join("d.yaml");
    std::fs::write(&data, text).unwrap();
    let check = run(&["check", data.to_str().unwrap()]);
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    data
}

/// Notes a template places before its table (as 黄石's 2023 report prints
/// its 说明) come above the table in the PDF and the DOCX, led by the
/// table's label, and with the table's sheet in the XLSX.
#[test]
fn notes_placed_before_a_table_print_above_it() {
    let dir = scratch("notes-before");
    std::fs::write(
        dir.join("t.yaml"),
        "name: 前置说明\ntables:\n  - label: 表一\n    title: '{机关}{年度}年度行政检查情况统计表'\n    columns:\n      - { key: 检查次数, unit: 次 }\n      - { key: 发现问题数, unit: 件 }\n    header:\n      - 检查次数\n      - 发现问题数\n    notes:\n      placement: before\n      items:\n        - 检查次数以检查记录为准。\n",
    )
    .unwrap();
    let data = checked_data(&dir, "template: t.yaml\nagency: 黄石市某局\nyear: 2023\nreport_date: 2024-01-20\npart1:\n  heading: 第一部分 总体情况\n  blocks:\n    - p: 正文。\npart2:\n  heading: 第二部分 数据统计\ntables:\n  表一:\n    检查次数: 426\n    发现问题数: 37\n");
    let out = dir.join("out");
    let pdf = dir.join("d.pdf");
    std::fs::write(&pdf, render(&data, "pdf", &out)).unwrap();
    let text: String = pdftotext(&pdf).split_whitespace().collect();
    let (note, title, header) = (text.find("表一说明：1.检查次数以检查记录为准。"), text.find("行政检查情况统计表"), text.find("发现问题数"));
    assert!(note.is_some() && title.is_some() && header.is_some() && note < title && title < header, "PDF order: {text}");
    let docx = dir.join("d.docx");
    std::fs::write(&docx, render(&data, "docx", &out)).unwrap();
    let order = python(
        "import docx,sys\nd=docx.Document(sys.argv[1])\nfor el in d.element.body.iterchildren():\n    tag=el.tag.split('}')[1]\n    print('TABLE' if tag=='tbl' else ''.join(t.text or '' for t in el.iter() if t.tag.endswith('}t')))",
        &[docx.to_str().unwrap()],
    );
    let lines: Vec<&str> = order.lines().collect();
    let at = |s: &str| lines.iter().position(|l| l.contains(s));
    assert!(at("表一说明：") < at("TABLE") && at("表一说明：").is_some(), "DOCX order: {lines:?}");
    let xlsx = dir.join("d.xlsx");
    std::fs::write(&xlsx, render(&data, "xlsx", &out)).unwrap();
    let cells = python("import openpyxl,sys\nws=openpyxl.load_workbook(sys.argv[1])['表一']\nprint('|'.join(str(c.value) for r in ws.iter_rows() for c in r if c.value is not None))", &[xlsx.to_str().unwrap()]);
    assert!(cells.contains("检查次数以检查记录为准"), "XLSX: {cells}");
}

/// Notes printed after the last table never stand alone on a page: the
/// national-2021 example's "表四填报说明" used to fill a landscape page by
/// itself; now 表四 goes over with its notes.
#[test]
fn no_page_holds_notes_alone() {
    let dir = scratch("notes-alone");
    let pdf = render(&root().join("fixtures/national-2021-example.yaml"), "pdf", &dir);
    for (k, page) in er_read::pdf::read(&pdf).unwrap().iter().enumerate() {
        let lines: Vec<String> = page.lines().into_iter().map(|l| l.replace(' ', "")).filter(|l| !l.is_empty() && !l.starts_with('—')).collect();
        let notes = lines.iter().filter(|l| l.contains("填报说明") || l.chars().next().is_some_and(|c| c.is_ascii_digit())).count();
        assert!(notes == 0 || notes < lines.len() || !page.ruled_tables().is_empty(), "page {} holds notes alone: {lines:?}", k + 1);
    }
}

/// The 目录's entries as printed on its page, each with its page number:
/// a line that ends in a leader and a number closes an entry (a long
/// entry may take two lines), spaces taken out.
fn contents_entries(first_page: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut pending = String::new();
    for line in first_page.lines() {
        let squashed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        let number: String = squashed.chars().rev().take_while(|c| c.is_ascii_digit()).collect::<Vec<_>>().into_iter().rev().collect();
        let text = squashed[..squashed.len() - number.len()].trim_end_matches(['.', '·', '…']);
        if !number.is_empty() && text.len() + number.len() < squashed.len() {
            out.push((format!("{pending}{text}"), number.parse().unwrap()));
            pending.clear();
        } else if !squashed.is_empty() && squashed != "目录" {
            pending.push_str(&squashed);
        }
    }
    out
}

/// The 目录 of the national template's example names, for each part and
/// table, the page it stands on: in the PDF as the product lays it out,
/// and in the DOCX as LibreOffice lays it out (PAGEREF fields, which Word
/// is asked to refresh on opening: w:updateFields).
#[test]
fn the_contents_page_numbers_are_the_pages_each_format_lays_out() {
    let dir = scratch("contents-pages");
    let file = root().join("fixtures/national-2021-example.yaml");
    render(&file, "pdf", &dir);
    let docx = render(&file, "docx", &dir);
    let settings = String::from_utf8(zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap().by_name("word/settings.xml").map(|mut f| {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut s).unwrap();
        s
    }).unwrap()).unwrap();
    assert!(settings.contains(r#"<w:updateFields w:val="true""#), "{settings}");
    let lo = dir.join("lo");
    soffice_convert(&dir.join("national-2021-example.docx"), "pdf", &lo, &dir);
    let mut seen = Vec::new();
    for (name, pdf) in [("PDF", dir.join("national-2021-example.pdf")), ("DOCX through LibreOffice", lo.join("national-2021-example.pdf"))] {
        let pages: Vec<String> = pdftotext(&pdf).split('\u{c}').map(|p| p.chars().filter(|c| !c.is_whitespace()).collect()).collect();
        let entries = contents_entries(&pdftotext(&pdf).split('\u{c}').next().unwrap().to_string());
        // Two parts and four tables (表一 … 表四).
        assert_eq!(entries.len(), 6, "{name}: {entries:?}");
        for (text, page) in &entries {
            // A table's entry is its label and title; its page shows the title.
            let title = text.trim_start_matches(|c: char| "表一二三四五六七八九十".contains(c));
            assert!(pages.get(page - 1).is_some_and(|p| p.contains(title)), "{name}: 目录 says {text} is on page {page}");
            assert!(!pages[1..page - 1].iter().any(|p| p.contains(title)), "{name}: {text} stands before page {page}");
        }
        seen.push(entries.into_iter().map(|(_, page)| page).collect::<Vec<_>>());
    }
    // And the two lay the tables out alike: the notes printed after the
    // last table keep to its page by tightening the gaps a few points,
    // rather than send the last table to a page of its own.
    assert_eq!(seen[0], seen[1], "the PDF's pages and LibreOffice's");
}
