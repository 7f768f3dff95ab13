//! `import`: a data file from the report an agency already has. The
//! published text of the reference report gives back the fixture itself;
//! the tool's own DOCX, XLSX and PDF of each built-in template's example
//! give back their figures and text, also after a LibreOffice round trip; a
//! DOCX typed as a Word user types it is read whole; broken inputs are
//! refused with a message and no data file.

use crate::common;

use std::path::{Path, PathBuf};

use common::*;

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn import(file: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["import", file.to_str().unwrap(), "-o", out.to_str().unwrap()];
    args.extend(extra);
    run(&args)
}

fn load(p: &Path) -> er_data::Report {
    er_data::load_file(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())).report
}

/// Every figure of every table, as the data gives or computes it.
fn figures(r: &er_data::Report) -> Vec<Vec<er_data::FigureValue>> {
    (0..r.template.tables.len()).map(|t| r.values(t)).collect()
}

fn text(r: &er_data::Report) -> Vec<String> {
    er_typeset::build(r).text_lines()
}

#[test]
fn the_published_text_gives_back_the_fixture() {
    let dir = scratch("import-text");
    let out = dir.join("r.yaml");
    let o = import(&root().join("fixtures/aral-emergency-2024.reference.txt"), &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    // The guesses are said, each with its place in the source.
    let err = stderr(&o);
    assert!(err.contains("aral-emergency-2024.reference.txt: line 14: 37件 made {表二.合计}"), "{err}");
    assert!(err.contains("aral-emergency-2024.reference.txt: line 14: 1737821.088元 made {表二.罚没金额:元}"), "{err}");
    assert!(err.contains("line 7: read as a level-3 heading: 1.重点领域监管整治情况。"), "{err}");
    assert!(err.contains("the tables' labels match template bingtuan-2024 best: chosen"), "{err}");

    assert!(run(&["check", out.to_str().unwrap()]).status.success());
    let d = run(&["diff", fixture().to_str().unwrap(), out.to_str().unwrap()]);
    assert_eq!(d.status.code(), Some(0), "differences:\n{}", String::from_utf8_lossy(&d.stdout));
    let (want, got) = (load(&fixture()), load(&out));
    assert_eq!(text(&got), text(&want), "the rendered text, character for character");
    assert_eq!(figures(&got), figures(&want));
    // The same, rendered: the DOCX's text.
    let (a, b) = (render(&fixture(), "docx", &dir.join("a")), render(&out, "docx", &dir.join("b")));
    assert_eq!(er_read::docx::Docx::read(&b).unwrap().text(), er_read::docx::Docx::read(&a).unwrap().text());
}

/// The built-in templates' examples.
fn examples() -> Vec<PathBuf> {
    ["aral-emergency-2024", "example-2025", "national-2021-example", "national-2021-detailed-example"].iter().map(|n| root().join(format!("fixtures/{n}.yaml"))).collect()
}

/// Imports `file` and compares with `original`: figures always, the
/// rendered text too when the source has the narrative.
fn round_trip(original: &Path, file: &Path, with_text: bool, dir: &Path) {
    let out = dir.join(format!("{}.yaml", file.file_name().unwrap().to_string_lossy()));
    let o = import(file, &out, &[]);
    assert!(o.status.success(), "{}: {}", file.display(), stderr(&o));
    let c = run(&["check", out.to_str().unwrap()]);
    assert!(c.status.success(), "{}: {}", out.display(), stderr(&c));
    let (want, got) = (load(original), load(&out));
    assert_eq!(got.template.name, want.template.name, "{}", file.display());
    assert_eq!(figures(&got), figures(&want), "{}", file.display());
    assert_eq!((got.agency.as_str(), got.year), (want.agency.as_str(), want.year), "{}", file.display());
    if with_text {
        assert_eq!(text(&got), text(&want), "{}", file.display());
        assert_eq!(got.report_date, want.report_date, "{}", file.display());
    } else {
        // The tables' titles and notes as printed.
        let tables = |r: &er_data::Report| -> Vec<(String, Vec<String>)> {
            er_typeset::build(r).tables().map(|t| (er_document::text::unbroken(&t.title), t.notes.items.clone())).collect()
        };
        assert_eq!(tables(&got), tables(&want), "{}", file.display());
    }
}

#[test]
fn the_tools_own_files_give_back_figures_and_text() {
    let dir = scratch("import-own");
    for ex in examples() {
        let stem = ex.file_stem().unwrap().to_string_lossy().into_owned();
        let out = dir.join(&stem);
        // The PDF is read by its structure tree (a tagged PDF).
        for (format, with_text) in [("docx", true), ("xlsx", false), ("pdf", true), ("html", true)] {
            render(&ex, format, &out);
            round_trip(&ex, &out.join(format!("{stem}.{format}")), with_text, &out);
        }
        // The web page's body as pasted into a website's editor.
        round_trip(&ex, &out.join(format!("{stem}.fragment.html")), true, &out);
    }
}

#[test]
fn the_same_after_a_libreoffice_round_trip() {
    need_soffice();
    let dir = scratch("import-lo");
    for ex in [fixture(), root().join("fixtures/national-2021-example.yaml")] {
        let stem = ex.file_stem().unwrap().to_string_lossy().into_owned();
        for (format, with_text) in [("docx", true), ("xlsx", false)] {
            let out = dir.join(format!("{stem}-{format}"));
            render(&ex, format, &out);
            let resaved = out.join("resaved");
            soffice_convert(&out.join(format!("{stem}.{format}")), format, &resaved, &dir);
            round_trip(&ex, &resaved.join(format!("{stem}.{format}")), with_text, &out);
        }
    }
}

/// A DOCX packed by hand from its document.xml.
fn docx(body: &str) -> Vec<u8> {
    use std::io::Write;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default();
    let parts = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#.to_string()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.to_string()),
        ("word/document.xml", format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#)),
    ];
    for (name, text) in parts {
        z.start_file(name, o).unwrap();
        z.write_all(text.as_bytes()).unwrap();
    }
    z.finish().unwrap().into_inner()
}

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

/// A cell: its text with line breaks where `\n` stands, its span.
fn tc(text: &str, span: usize) -> String {
    let runs: Vec<String> = text.split('\n').map(|l| format!("<w:t xml:space=\"preserve\">{l}</w:t>")).collect();
    let span = if span > 1 { format!("<w:tcPr><w:gridSpan w:val=\"{span}\"/></w:tcPr>") } else { String::new() };
    format!("<w:tc>{span}<w:p><w:r>{}</w:r></w:p></w:tc>", runs.join("<w:br/>"))
}

fn tr(cells: &[String]) -> String {
    format!("<w:tr>{}</w:tr>", cells.concat())
}

/// A table of one group label over `span` columns, a row of labels and a
/// row of figures.
fn grouped_table(group: &str, span: usize, labels: String, figures: String) -> String {
    format!("<w:tbl>{}{labels}{figures}</w:tbl>", tr(&[tc(group, span)]))
}

/// A report typed in Word: no styles, headings typed with their numbers,
/// labels with line breaks, spaces and half-width brackets, a figure 1,234.
fn typed_report() -> Vec<u8> {
    let t1 = grouped_table("行政许可实施数量（宗）", 5, tr(&[tc("申请\n数量", 1), tc("受理 数量", 1), tc("许可数量", 1), tc("不予许可\n数量", 1), tc("撤销许可数量", 1)]), tr(&[tc("12", 1), tc("12", 1), tc("10", 1), tc("2", 1), tc("", 1)]));
    let leaves = ["警告", "罚款", "没收违法\n所得、没收\n非法财物", "暂扣许可证、\n执照", "责令停产停业", "吊销许可证、执照", "行政拘留", "其他行政处罚", "合计 (宗)", "罚没金额\n(万元)"];
    let values = ["", "1,234", "6", "", "", "", "", "", "1,240", "88.5"];
    let t2 = grouped_table("行政处罚实施数量（宗）", 10, tr(&leaves.iter().map(|l| tc(l, 1)).collect::<Vec<_>>()), tr(&values.iter().map(|v| tc(v, 1)).collect::<Vec<_>>()));
    docx(&[
        p("第一部分 行政执法总体情况"),
        p("一、行政执法基本情况"),
        p("（一）行政许可和行政处罚情况。"),
        p("1.行政许可。2024年度收到行政许可申请12件，全部受理，予以许可10件。"),
        p("2.行政处罚。2024年度作出行政处罚共1,240件，罚没金额88.5万元。2024年3月5日召开培训会。"),
        p("某县市场监督管理局"),
        p("2025年1月20日"),
        p("第二部分 行政执法数据统计情况"),
        p("表一"),
        p("行政许可实施情况统计表"),
        t1,
        p("表二"),
        p("行政处罚实施情况统计表"),
        t2,
    ]
    .concat())
}

#[test]
fn a_docx_typed_in_word_is_read_whole() {
    let dir = scratch("import-typed");
    let src = dir.join("report.docx");
    std::fs::write(&src, typed_report()).unwrap();
    let out = dir.join("r.yaml");
    let o = import(&src, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    // 表三 and 表四 are not in the source: left to fill, and said.
    assert!(err.contains("the source has no 表三"), "{err}");
    let c = run(&["check", out.to_str().unwrap()]);
    let cerr = stderr(&c);
    assert!(cerr.lines().filter(|l| l.contains(": error: ")).all(|l| l.contains("still to fill")), "{cerr}");
    let r = load(&out);
    assert_eq!((r.agency.as_str(), r.year, r.report_date.to_string().as_str()), ("某县市场监督管理局", 2024, "2025-01-20"));
    let t1: Vec<String> = r.values(0).iter().map(|v| v.text()).collect();
    assert_eq!(t1, ["12", "12", "10", "2", ""]);
    let t2: Vec<String> = r.values(1).iter().map(|v| v.text()).collect();
    assert_eq!(t2, ["", "1234", "6", "", "", "", "", "", "1240", "88.5"]);
    // Headings by their numbers, the run-in heading split, references made
    // where the text states a table's figure; a date stays.
    let yaml = std::fs::read_to_string(&out).unwrap();
    assert!(yaml.contains("- h1: '一、行政执法基本情况'") && yaml.contains("- h2: '（一）行政许可和行政处罚情况。'"), "{yaml}");
    assert!(yaml.contains("- h3: '1.行政许可。'\n      p: '{年度}年度收到行政许可申请{表一.申请数量}件，全部受理，予以许可{表一.许可数量}件。'"), "{yaml}");
    assert!(yaml.contains("作出行政处罚共{表二.合计}件，罚没金额{表二.罚没金额}万元。2024年3月5日召开培训会。"), "{yaml}");
    assert!(err.contains("1,240件 made {表二.合计}"), "{err}");
}

#[test]
fn broken_inputs_get_a_message_and_no_data_file() {
    let dir = scratch("import-broken");
    let no_table = docx(&[p("第一部分 行政执法总体情况"), p("一、基本情况"), p("本年度无统计数据。")].concat());
    let other_kind = docx(&format!("{}<w:tbl>{}{}</w:tbl>", p("表一"), tr(&[tc("姓名", 1), tc("年龄", 1)]), tr(&[tc("张三", 1), tc("30", 1)])));
    let mut encrypted = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    encrypted.extend([0u8; 512]);
    let mut corrupt = typed_report();
    corrupt.truncate(corrupt.len() / 2);
    for (name, bytes, code, message) in [
        ("no-table.docx", no_table, 1, "the file holds no statistics table"),
        ("other-kind.docx", other_kind, 1, "a table matches no template: 表一: 姓名；年龄；张三"),
        ("encrypted.docx", encrypted, 2, "an older Word or Excel file"),
        ("corrupt.docx", corrupt, 2, "cannot read"),
    ] {
        let f = dir.join(name);
        std::fs::write(&f, bytes).unwrap();
        let out = dir.join(format!("{name}.yaml"));
        let o = import(&f, &out, &[]);
        assert_eq!(o.status.code(), Some(code), "{name}: {}", stderr(&o));
        assert!(stderr(&o).contains(message), "{name}: {}", stderr(&o));
        assert!(stderr(&o).contains("help: "), "{name}: {}", stderr(&o));
        assert!(!out.exists(), "{name}: a data file was written");
    }
}

/// A source that disagrees with itself, or holds what a data file cannot:
/// a total its parts do not add up to, an amount with more decimals than
/// its column keeps, a tab inside a paragraph. The data file is still
/// made, passes check but for the figures left to fill, and says why.
#[test]
fn a_source_at_odds_with_itself_is_imported_and_said() {
    let dir = scratch("import-odd");
    let text = std::fs::read_to_string(root().join("fixtures/aral-emergency-2024.reference.txt")).unwrap();
    let text = text
        .replacen("\t37\n", "\t38\n", 1)
        .replacen("\t173.7821088\n", "\t173.782108812\n", 1)
        .replacen("持有行政执法证件45人", "持有行政执法证件\t45人", 1);
    let src = dir.join("odd.txt");
    std::fs::write(&src, text).unwrap();
    let out = dir.join("r.yaml");
    let o = import(&src, &out, &[]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("表二 合计 is 38 in the source, but its parts add up to 37: left to fill (待填)"), "{err}");
    assert!(err.contains("表二 罚没金额 left to fill (待填): the cell holds “173.782108812”"), "{err}");
    let c = run(&["check", out.to_str().unwrap()]);
    assert!(stderr(&c).lines().filter(|l| l.contains(": error: ")).all(|l| l.contains("still to fill")), "{}", stderr(&c));
    assert!(std::fs::read_to_string(&out).unwrap().contains("持有行政执法证件 45人"));
}

/// A report as clerks arrange it: 表1 with its title on one line, 表2 and
/// its title, a table the template has not (表五 复议/诉讼), no signature,
/// and the author property Word fills in with the computer's user.
#[test]
fn what_clerks_do_is_read_and_what_is_guessed_is_said() {
    use std::io::Write;
    let t1 = grouped_table("行政许可实施数量（宗）", 5, tr(&[tc("申请数量", 1), tc("受理数量", 1), tc("许可数量", 1), tc("不予许可数量", 1), tc("撤销许可数量", 1)]), tr(&[tc("12", 1), tc("12", 1), tc("10", 1), tc("2", 1), tc("0", 1)]));
    let t5 = format!("<w:tbl>{}{}</w:tbl>", tr(&[tc("被申请行政复议（件）", 1), tc("被提起行政诉讼（件）", 1)]), tr(&[tc("3", 1), tc("1", 1)]));
    let body = [
        p("第一部分 行政执法总体情况"),
        p("一、行政执法基本情况"),
        p("2024年度收到行政许可申请12件。"),
        p("第二部分 行政执法数据统计情况"),
        p("表1　2024年度行政许可实施情况统计表"),
        t1,
        p("表五"),
        p("行政复议和行政诉讼情况统计表"),
        t5,
    ]
    .concat();
    // The package with a core part naming its author.
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(docx(&body))).unwrap();
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut bytes).unwrap();
        w.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        w.write_all(&bytes).unwrap();
    }
    w.start_file("docProps/core.xml", zip::write::SimpleFileOptions::default()).unwrap();
    w.write_all(r#"<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Administrator</dc:creator></cp:coreProperties>"#.as_bytes()).unwrap();
    let bytes = w.finish().unwrap().into_inner();
    let dir = scratch("import-clerks");
    let src = dir.join("report.docx");
    std::fs::write(&src, bytes).unwrap();
    let out = dir.join("r.yaml");
    let o = import(&src, &out, &[]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    // 表1 with its title on one line is 表一, its figures read.
    let r = load(&out);
    let t1: Vec<String> = r.values(0).iter().map(|v| v.text()).collect();
    assert_eq!(t1, ["12", "12", "10", "2", "0"]);
    // The extra table is left out, and said; the agency from the author
    // property is said.
    assert!(err.contains("表五 行政复议和行政诉讼情况统计表 is a table template") && err.contains("left out"), "{err}");
    assert!(err.contains("the file's author property “Administrator”"), "{err}");
}

/// A one-sheet workbook of these rows, written by hand: figures as
/// numbers, everything else as inline text, empty strings left out.
fn xlsx_rows(rows: &[Vec<&str>]) -> Vec<u8> {
    use std::io::Write;
    let col = |c: usize| ((b'A' + c as u8) as char).to_string();
    let mut data = String::new();
    for (r, row) in rows.iter().enumerate() {
        data.push_str(&format!("<row r=\"{}\">", r + 1));
        for (c, v) in row.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
            let at = format!("{}{}", col(c), r + 1);
            if v.parse::<f64>().is_ok() {
                data.push_str(&format!("<c r=\"{at}\"><v>{v}</v></c>"));
            } else {
                data.push_str(&format!("<c r=\"{at}\" t=\"inlineStr\"><is><t>{v}</t></is></c>"));
            }
        }
        data.push_str("</row>");
    }
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default();
    for (name, text) in [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
        ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="统计" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string()),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_string()),
        ("xl/worksheets/sheet1.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{data}</sheetData></worksheet>"#)),
    ] {
        z.start_file(name, o).unwrap();
        z.write_all(text.as_bytes()).unwrap();
    }
    z.finish().unwrap().into_inner()
}

#[test]
fn a_sheet_whose_labels_and_titles_share_a_cell_gives_each_table() {
    let rows = vec![
        vec!["表一　2024年度行政许可实施情况统计表"],
        vec!["行政许可实施数量（宗）"],
        vec!["申请数量", "受理数量", "许可数量", "不予许可数量", "撤销许可数量"],
        vec!["39", "39", "39", "0", "0"],
        vec!["说明：1.统计范围为统计年度1月1日至12月31日。"],
        vec!["表二　2024年度行政处罚实施情况统计表"],
        vec!["行政处罚实施数量（宗）"],
        vec!["警告", "罚款", "没收违法所得、没收非法财物", "暂扣许可证、执照", "责令停产停业", "吊销许可证、执照", "行政拘留", "其他行政处罚", "合计（宗）", "罚没金额（万元）"],
        vec!["", "27", "10", "", "", "", "", "", "37", "173.7821088"],
    ];
    let dir = scratch("import-one-cell");
    let src = dir.join("统计.xlsx");
    std::fs::write(&src, xlsx_rows(&rows)).unwrap();
    let out = dir.join("r.yaml");
    let o = import(&src, &out, &["--agency", "某县应急管理局"]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    let r = load(&out);
    let text = |t: usize| r.values(t).iter().map(|v| v.text()).collect::<Vec<_>>();
    assert_eq!(text(0), ["39", "39", "39", "0", "0"]);
    assert_eq!(text(1), ["", "27", "10", "", "", "", "", "", "37", "173.7821088"]);
    // The year is the titles' 2024, not a guess from the file.
    assert_eq!(r.year, 2024);
    assert!(!err.contains("the year is not written"), "{err}");
}

#[test]
fn literal_braces_in_the_text_stay_literal() {
    let dir = scratch("import-braces");
    let text = std::fs::read_to_string(root().join("fixtures/aral-emergency-2024.reference.txt")).unwrap();
    assert!(text.contains("无被申请行政复议、提起行政诉讼的情况。"));
    let text = text.replacen("无被申请行政复议、提起行政诉讼的情况。", "无被申请行政复议、提起行政诉讼的情况（文号{SJ-2024-001}）。", 1);
    let src = dir.join("braces.txt");
    std::fs::write(&src, text).unwrap();
    let out = dir.join("r.yaml");
    let o = import(&src, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let c = run(&["check", out.to_str().unwrap()]);
    assert!(c.status.success(), "{}", stderr(&c));
    let csv_dir = dir.join("out");
    let docx = render(&out, "docx", &csv_dir);
    let d = er_read::docx::Docx::read(&docx).unwrap();
    assert!(d.text().contains("（文号{SJ-2024-001}）"), "the braces are printed as written");
}

/// A 元 column for a template in 万元, and columns in another order than
/// the template's: each figure by the labels above it, the amount
/// converted exactly, and said.
#[test]
fn figures_are_read_by_their_labels_and_units() {
    let t1 = grouped_table("行政许可实施数量（宗）", 5, tr(&[tc("许可数量", 1), tc("申请数量", 1), tc("撤销许可数量", 1), tc("受理数量", 1), tc("不予许可数量", 1)]), tr(&[tc("10", 1), tc("12", 1), tc("0", 1), tc("11", 1), tc("2", 1)]));
    let leaves = ["警告", "罚款", "没收违法所得、没收非法财物", "暂扣许可证、执照", "责令停产停业", "吊销许可证、执照", "行政拘留", "其他行政处罚", "合计（宗）", "罚没金额（元）"];
    let values = ["", "27", "10", "", "", "", "", "", "37", "1737821.088"];
    let t2 = grouped_table("行政处罚实施数量（宗）", 10, tr(&leaves.iter().map(|l| tc(l, 1)).collect::<Vec<_>>()), tr(&values.iter().map(|v| tc(v, 1)).collect::<Vec<_>>()));
    let body = [
        p("第一部分 行政执法总体情况"),
        p("一、行政执法基本情况"),
        p("2024年度依法履职。"),
        p("某县应急管理局"),
        p("2025年1月20日"),
        p("第二部分 行政执法数据统计情况"),
        p("表一"),
        p("行政许可实施情况统计表"),
        t1,
        p("表二"),
        p("行政处罚实施情况统计表"),
        t2,
    ]
    .concat();
    let dir = scratch("import-labels");
    let src = dir.join("report.docx");
    std::fs::write(&src, docx(&body)).unwrap();
    let out = dir.join("r.yaml");
    let o = import(&src, &out, &[]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    let r = load(&out);
    let text = |t: usize| r.values(t).iter().map(|v| v.text()).collect::<Vec<_>>();
    // 申请 受理 许可 不予许可 撤销许可, whatever the source's order.
    assert_eq!(text(0), ["12", "11", "10", "2", "0"]);
    // 1,737,821.088 元 is 173.7821088 万元, never 1737821.088 万元.
    assert_eq!(text(1), ["", "27", "10", "", "", "", "", "", "37", "173.7821088"]);
    assert!(err.contains("1737821.088 元 in the source is 173.7821088 万元"), "{err}");
}

/// Rows of figures beside the report's: last year's row after this year's,
/// this year's after last year's, a 合计 row first and one row per unit
/// after it, or last. Each figure is the report's row's, by what the rows
/// say; a table whose rows do not say is refused with the rows listed and
/// `--row` to choose; a table of last year's row only is left to fill.
#[test]
fn a_figure_comes_from_the_reports_row_or_is_left_to_fill() {
    let header = tr(&[tc("年度", 1), tc("申请数量", 1), tc("受理数量", 1), tc("许可数量", 1), tc("不予许可数量", 1), tc("撤销许可数量", 1)]);
    let row = |label: &str, v: [&str; 5]| tr(&std::iter::once(tc(label, 1)).chain(v.iter().map(|x| tc(x, 1))).collect::<Vec<_>>());
    let this_year = row("2024年", ["39", "39", "39", "0", "0"]);
    let last_year = row("2023年", ["50", "48", "45", "3", "1"]);
    let total = row("合计", ["39", "39", "39", "0", "0"]);
    let unit = row("某某科", ["9", "9", "9", "0", "0"]);
    let other = row("某某股", ["30", "30", "30", "0", "0"]);
    let dir = scratch("import-rows");
    let ours = ["39", "39", "39", "0", "0"];
    for (name, rows, extra, expected) in [
        ("this-then-last", vec![this_year.clone(), last_year.clone()], vec![], Some(ours)),
        ("last-then-this", vec![last_year.clone(), this_year.clone()], vec![], Some(ours)),
        ("total-first", vec![total.clone(), unit.clone(), other.clone()], vec![], Some(ours)),
        ("total-last", vec![unit.clone(), other.clone(), total.clone()], vec![], Some(ours)),
        ("units-chosen", vec![unit.clone(), other.clone()], vec!["--row", "某某科"], Some(["9", "9", "9", "0", "0"])),
        ("last-year-only", vec![last_year.clone()], vec![], None),
    ] {
        let t1 = format!("<w:tbl>{}{header}{}</w:tbl>", tr(&[tc("行政许可实施数量（宗）", 6)]), rows.concat());
        let body = [p("第一部分 行政执法总体情况"), p("一、基本情况"), p("依法履职。"), p("某县应急管理局"), p("2025年1月20日"), p("第二部分 行政执法数据统计情况"), p("表一"), p("2024年度行政许可实施情况统计表"), t1].concat();
        let src = dir.join(format!("{name}.docx"));
        std::fs::write(&src, docx(&body)).unwrap();
        let out = dir.join(format!("{name}.yaml"));
        let o = import(&src, &out, &extra);
        let err = stderr(&o);
        assert!(o.status.success(), "{name}: {err}");
        let yaml = std::fs::read_to_string(&out).unwrap();
        let t1 = &yaml[yaml.find("  表一:").unwrap()..yaml.find("  表二:").unwrap()];
        match expected {
            Some(v) => {
                for (key, value) in ["申请数量", "受理数量", "许可数量", "不予许可数量", "撤销许可数量"].iter().zip(v) {
                    assert!(t1.contains(&format!("    {key}: {value}\n")), "{name}: {key} {value}\n{t1}");
                }
            }
            None => {
                assert!(!t1.contains(": 50") && !t1.contains(": 48"), "{name}: last year's figure\n{t1}");
                assert!(t1.lines().skip(1).take(5).all(|l| l.ends_with("待填")), "{name}:\n{t1}");
                assert!(err.contains("name another year than the report's 2024"), "{name}: {err}");
            }
        }
    }
    // Two units' rows and nothing to say which: refused, the rows listed,
    // no data file.
    let t1 = format!("<w:tbl>{}{header}{}{}</w:tbl>", tr(&[tc("行政许可实施数量（宗）", 6)]), unit, other);
    let body = [p("第一部分 行政执法总体情况"), p("一、基本情况"), p("依法履职。"), p("某县应急管理局"), p("2025年1月20日"), p("第二部分 行政执法数据统计情况"), p("表一"), p("2024年度行政许可实施情况统计表"), t1].concat();
    let src = dir.join("units.docx");
    std::fs::write(&src, docx(&body)).unwrap();
    let out = dir.join("units.yaml");
    let o = import(&src, &out, &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("several rows of figures") && err.contains("某某科 | 某某股") && err.contains("--row"), "{err}");
    assert!(!out.exists());
}

/// `bytes` written as `dir`/`name` and imported with `extra` arguments,
/// which must succeed: the data file made, what import said, and the
/// data file's text.
fn imported(dir: &Path, name: &str, bytes: &[u8], extra: &[&str]) -> (er_data::Report, String, String) {
    let src = dir.join(name);
    std::fs::write(&src, bytes).unwrap();
    let out = dir.join(format!("{name}.yaml"));
    let o = import(&src, &out, extra);
    let err = stderr(&o);
    assert!(o.status.success(), "{name}: {err}");
    (load(&out), err, std::fs::read_to_string(&out).unwrap())
}

/// 表二 of the reference as a statistics desk lays it out: a unit column,
/// one row per unit and a 合计 row (first or last), 罚没金额 in 元.
fn desk_sheet(total_first: bool) -> Vec<Vec<&'static str>> {
    let leaves = vec!["单位", "警告", "罚款", "没收违法所得、没收非法财物", "暂扣许可证、执照", "责令停产停业", "吊销许可证、执照", "行政拘留", "其他行政处罚", "合计（宗）", "罚没金额（元）"];
    let total = vec!["合计", "", "27", "10", "", "", "", "", "", "37", "1737821.088"];
    let units = vec![vec!["执法一科", "", "20", "5", "", "", "", "", "", "25", "1000000"], vec!["执法二科", "", "7", "5", "", "", "", "", "", "12", "737821.088"]];
    let mut rows = vec![vec!["表二　2024年度行政处罚实施情况统计表"], vec!["", "行政处罚实施数量（宗）"], leaves];
    if total_first {
        rows.push(total);
        rows.extend(units);
    } else {
        rows.extend(units);
        rows.push(total);
    }
    rows.push(vec!["说明：1.行政处罚实施数量的统计范围为统计年度1月1日至12月31日期间作出行政处罚决定的数量。"]);
    rows
}

/// The reference's 表二 as published: 警告 blank, 罚款 27, 没收 10, 合计 37,
/// 罚没金额 173.7821088 万元.
const REFERENCE_T2: [&str; 10] = ["", "27", "10", "", "", "", "", "", "37", "173.7821088"];

/// Sources as agencies have them, each with its figures written here as
/// literals from the published tables: every figure written equals the
/// literal, or is 待填 and said, or the import is refused. Never another.
#[test]
fn a_corpus_of_sources_gives_the_published_figures_or_says_why() {
    let dir = scratch("import-corpus");
    let t2 = |r: &er_data::Report| r.values(1).iter().map(|v| v.text()).collect::<Vec<_>>();
    // A desk's sheet, 合计 last and first: the 合计 row, no figure shifted
    // by the unit column or the blank 警告, 元 made 万元.
    for total_first in [false, true] {
        let (r, err, _) = imported(&dir, &format!("desk-{total_first}.xlsx"), &xlsx_rows(&desk_sheet(total_first)), &["--agency", "某县应急管理局"]);
        assert_eq!(t2(&r), REFERENCE_T2, "{err}");
        // Each figure with its source cell.
        let row = if total_first { 4 } else { 6 };
        assert!(err.contains(&format!("表二 罚款 = 27 宗 ← sheet 统计, cell C{row}")), "{err}");
        assert!(err.contains(&format!("表二 罚没金额 = 173.7821088 万元 ← sheet 统计, cell K{row}")), "{err}");
    }
    // A 栏次 row numbering the columns under the header is the header's.
    let mut rows = desk_sheet(false);
    rows.insert(3, vec!["栏次", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    let (r, _, _) = imported(&dir, "numbered.xlsx", &xlsx_rows(&rows), &["--agency", "某县应急管理局"]);
    assert_eq!(t2(&r), REFERENCE_T2);
    // Units' rows and no total: refused, the rows named; --row chooses.
    let mut rows = desk_sheet(false);
    rows.remove(5);
    let src = dir.join("units.xlsx");
    std::fs::write(&src, xlsx_rows(&rows)).unwrap();
    let out = dir.join("units.yaml");
    let o = import(&src, &out, &["--agency", "某县应急管理局"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("执法一科 | 执法二科") && !out.exists(), "{}", stderr(&o));
    let o = import(&src, &out, &["--agency", "某县应急管理局", "--row", "执法二科"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(t2(&load(&out))[1..3], ["7", "5"]);

    // The page copied from the agency's website: breadcrumb, font-size
    // links, the date line, a pager and the site's footer around the
    // report; its tables as a browser copies them (tab-separated rows, a
    // merged header cell once), 表1 for 表一, label and title on one line.
    let page = "当前位置：首页 > 政务公开 > 法治政府建设\n【字体：大 中 小】 【打印】 【关闭】\n某县应急管理局2024年度行政执法工作报告\n发布时间：2025-01-26 来源：某县应急管理局 浏览次数：128\n第一部分 行政执法总体情况\n一、行政执法基本情况\n2024年度，我局依法履职。\n第二部分 行政执法数据统计情况\n表1　2024年度行政许可实施情况统计表\n行政许可实施数量（宗）\n申请数量\t受理数量\t许可数量\t不予许可数量\t撤销许可数量\n39\t39\t39\t0\t0\n说明：1.统计范围为统计年度1月1日至12月31日。\n表二\n2024年度行政处罚实施情况统计表\n行政处罚实施数量（宗）\t罚没金额（元）\n警告\t罚款\t没收违法所得、没收非法财物\t暂扣许可证、执照\t责令停产停业\t吊销许可证、执照\t行政拘留\t其他行政处罚\t合计（宗）\n\t27\t10\t\t\t\t\t\t37\t1737821.088\n说明：1.行政处罚实施数量的统计范围为统计年度1月1日至12月31日期间作出行政处罚决定的数量。\n上一篇：某县应急管理局2023年度行政执法工作报告\n下一篇：无\n扫一扫在手机打开当前页\n主办单位：某县人民政府办公室 网站标识码：6590000001\n新ICP备05001234号-1 新公网安备 65900002000123号\n";
    let (r, err, yaml) = imported(&dir, "pasted.txt", page.as_bytes(), &[]);
    assert_eq!(r.values(0).iter().map(|v| v.text()).collect::<Vec<_>>(), ["39", "39", "39", "0", "0"]);
    assert_eq!(t2(&r), REFERENCE_T2);
    // No signature: the agency is the title's, and said.
    assert_eq!(r.agency, "某县应急管理局");
    assert!(err.contains("the agency is the one the title names"), "{err}");
    assert!(yaml.contains("title: '某县应急管理局2024年度行政执法工作报告'"), "{yaml}");
    for chrome in ["当前位置", "字体", "浏览次数", "上一篇", "下一篇", "扫一扫", "ICP备", "网站标识码"] {
        assert!(!yaml.contains(chrome), "{chrome} in the data file:\n{yaml}");
        assert!(err.contains("left out as the web page's own") && err.contains(chrome), "{chrome} not said: {err}");
    }

    // The same page saved by the browser, in GBK as such sites serve it:
    // a layout table around the article, merged cells by rowspan and
    // colspan, columns in another order, a label broken by <br>.
    let html = r#"<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>某县人民政府</title><script>var s = "<p>表一</p>";</script></head><body>
<div class="top"><a href="/">首页</a> | <a href="/zwgk">政务公开</a></div><div class="crumb">当前位置：<a>首页</a> &gt; <a>政务公开</a></div>
<table width="1000"><tr><td><h1>某县应急管理局2024年度行政执法工作报告</h1>
<p>第一部分 行政执法总体情况</p><p>一、行政执法基本情况</p><p>&nbsp;&nbsp;2024年度，我局依法履职，
办理案件37宗。</p><p>某县应急管理局</p><p>2025年1月26日</p><p>第二部分 行政执法数据统计情况</p>
<p>表一</p><p>2024年度行政许可实施情况统计表</p>
<table border="1"><tbody><tr><td colspan="5">行政许可实施数量（宗）</td></tr><tr><td>许可数量</td><td>申请数量</td><td>受理数量</td><td>撤销许可数量</td><td>不予许可数量</td></tr><tr><td>39</td><td>40</td><td>41</td><td>0</td><td>1</td></tr></tbody></table>
<p>表二　2024年度行政处罚实施情况统计表</p>
<table border="1"><tr><td colspan="9">行政处罚实施数量（宗）</td><td rowspan="2">罚没金额<br>（元）</td></tr><tr><td>警告</td><td>罚款</td><td>没收违法所得、没收非法财物</td><td>暂扣许可证、执照</td><td>责令停产停业</td><td>吊销许可证、执照</td><td>行政拘留</td><td>其他行政处罚</td><td>合计（宗）</td></tr>
<tr><td></td><td>27</td><td>10</td><td></td><td></td><td></td><td></td><td></td><td>37</td><td>1737821.088</td></tr></table>
<p>说明：1.行政处罚实施数量的统计范围为统计年度。</p></td></tr></table>
<div class="foot"><p>版权所有：某县人民政府</p><p>新ICP备05001234号</p></div></body></html>"#;
    let (gbk, _, bad) = encoding_rs::GBK.encode(html);
    assert!(!bad);
    let (r, _, yaml) = imported(&dir, "saved.html", &gbk, &[]);
    // 申请 受理 许可 不予许可 撤销许可, as the labels say.
    assert_eq!(r.values(0).iter().map(|v| v.text()).collect::<Vec<_>>(), ["40", "41", "39", "1", "0"]);
    assert_eq!(t2(&r), REFERENCE_T2);
    assert_eq!((r.agency.as_str(), r.year), ("某县应急管理局", 2024));
    assert!(yaml.contains("我局依法履职，办理案件37宗。"), "a source line break inside a sentence is no space:\n{yaml}");
    assert!(yaml.contains("title: '某县应急管理局2024年度行政执法工作报告'"), "{yaml}");
    for chrome in ["政务公开", "当前位置", "版权所有", "ICP备", "var s"] {
        assert!(!yaml.contains(chrome), "{chrome} in the data file:\n{yaml}");
    }
}

/// Whatever the order of a desk's columns and rows and whichever unit its
/// amount is written in, the figures imported are the same.
#[test]
fn reordered_columns_and_rows_and_either_unit_import_to_the_same_figures() {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};
    let leaves = ["警告", "罚款", "没收违法所得、没收非法财物", "暂扣许可证、执照", "责令停产停业", "吊销许可证、执照", "行政拘留", "其他行政处罚", "合计（宗）"];
    // The reference's 表二, and two units whose rows add up to it.
    let total = ["", "27", "10", "", "", "", "", "", "37"];
    let units = [("执法一科", ["", "20", "5", "", "", "", "", "", "25"], "1000000"), ("执法二科", ["", "7", "5", "", "", "", "", "", "12"], "737821.088")];
    let strategy = (Just((0..10usize).collect::<Vec<_>>()).prop_shuffle(), Just(vec![0usize, 1, 2]).prop_shuffle(), any::<bool>());
    let mut runner = TestRunner::new(Config { cases: 48, failure_persistence: None, ..Config::default() });
    runner
        .run(&strategy, |(columns, rows, in_wan)| {
            // Column 9 is the amount: 元 or 万元, its figure written so.
            let amount = |yuan: &str| if in_wan { er_import::tables::convert(yuan, er_template::Unit::元, er_template::Unit::万元).unwrap() } else { yuan.to_string() };
            let amount_label = if in_wan { "罚没金额（万元）" } else { "罚没金额（元）" };
            let label = |c: usize| if c == 9 { amount_label.to_string() } else { leaves[c].to_string() };
            let mut sheet: Vec<Vec<String>> = vec![vec!["表二　2024年度行政处罚实施情况统计表".into()], std::iter::once("单位".to_string()).chain(columns.iter().map(|&c| label(c))).collect()];
            for &r in &rows {
                let (name, figures, yuan) = match r {
                    0 => ("合计", total, "1737821.088"),
                    k => (units[k - 1].0, units[k - 1].1, units[k - 1].2),
                };
                let cell = |c: usize| if c == 9 { amount(yuan) } else { figures[c].to_string() };
                sheet.push(std::iter::once(name.to_string()).chain(columns.iter().map(|&c| cell(c))).collect());
            }
            let rows: Vec<Vec<&str>> = sheet.iter().map(|r| r.iter().map(String::as_str).collect()).collect();
            let source = er_read::source::from_xlsx(&xlsx_rows(&rows)).unwrap();
            let opts = er_import::Options { agency: Some("某县应急管理局".into()), ..er_import::Options::default() };
            let imported = er_import::import(source, &opts).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let r = er_data::load_str(&imported.yaml, "r.yaml").unwrap().report;
            let t = r.template.tables.iter().position(|d| d.label == "表二").unwrap();
            prop_assert_eq!(r.values(t).iter().map(|v| v.text()).collect::<Vec<_>>(), REFERENCE_T2.to_vec());
            Ok(())
        })
        .unwrap();
}

/// An agency's name too long for one line wraps in the signature (a typed
/// line break in the DOCX): the Word file and the web page give the name
/// back whole, not cut in two, nor refused for the line break.
#[test]
fn a_long_agency_wrapped_in_the_signature_comes_back_whole() {
    let dir = scratch("import-long-agency");
    let long = "新疆生产建设兵团第十四师昆玉市应急管理局和市场监督管理综合行政执法支队";
    let data = edited_fixture(&dir, "long.yaml", &[("agency: 第一师阿拉尔市应急管理局", &format!("agency: {long}"))]);
    for format in ["docx", "html"] {
        render(&data, format, &dir);
    }
    for file in ["long.docx", "long.html", "long.fragment.html"] {
        let out = dir.join(format!("{file}.yaml"));
        let o = import(&dir.join(file), &out, &[]);
        assert!(o.status.success(), "{file}: {}", stderr(&o));
        let got = load(&out);
        assert_eq!(got.agency, long, "{file}");
        assert_eq!(got.signature, None, "{file}: the signature is the agency");
    }
}
