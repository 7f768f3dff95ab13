//! `rollup`: the county summary of many agencies. Expectations are the
//! figures written into the test's data files (literals below) and sums
//! computed here from them, the template's published labels, and the
//! header grid of the printed 表二 with the 单位名称 column before it.

use crate::common;

use std::path::{Path, PathBuf};

use common::*;
use er_read::xlsx::{Sheet, Value};
use rust_decimal::Decimal;

/// Five agencies of the fixture's template with their own figures:
/// (agency, 申请数量, 警告, 罚款, 没收违法所得、没收非法财物, 罚没金额); `~` is a
/// blank (no such power).
const AGENCIES: [(&str, &str, &str, &str, &str, &str); 5] = [
    ("甲县应急管理局", "39", "~", "27", "10", "173.7821088"),
    ("乙县市场监督管理局", "1", "~", "38", "0", "0.5"),
    ("丙县生态环境局", "0", "~", "49", "5", "12.25"),
    ("丁县交通运输局", "1000000", "~", "60", "~", "0"),
    ("戊县自然资源局", "5", "~", "71", "3", "1000"),
];

/// The fixture with one agency's name and figures; 表二's 合计 left out,
/// so that the file computes it from the new parts.
fn agency_file(dir: &Path, i: usize, a: &(&str, &str, &str, &str, &str, &str)) -> PathBuf {
    let (name, apply, warning, fine, confiscate, amount) = a;
    edited_fixture(
        dir,
        &format!("agency-{i}.yaml"),
        &[
            ("agency: 第一师阿拉尔市应急管理局", &format!("agency: {name}")),
            ("    申请数量: 39\n", &format!("    申请数量: {apply}\n")),
            ("    警告: ~\n", &format!("    警告: {warning}\n")),
            ("    罚款: 27\n", &format!("    罚款: {fine}\n")),
            ("    没收违法所得、没收非法财物: 10\n", &format!("    没收违法所得、没收非法财物: {confiscate}\n")),
            ("    合计: 37\n", ""),
            ("    罚没金额: 173.7821088\n", &format!("    罚没金额: {amount}\n")),
        ],
    )
}

fn five(dir: &Path) -> Vec<PathBuf> {
    AGENCIES.iter().enumerate().map(|(i, a)| agency_file(dir, i, a)).collect()
}

fn rollup(files: &[PathBuf], out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["rollup".to_string()];
    args.extend(files.iter().map(|f| f.display().to_string()));
    args.extend(["-o".into(), out.display().to_string(), "--fonts".into(), "bundled".into()]);
    args.extend(extra.iter().map(|s| s.to_string()));
    run(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

/// The sum of figures as written, blanks counting as nothing: None when all are blank.
fn sum(figures: impl Iterator<Item = &'static str>) -> Option<Decimal> {
    let mut total = None;
    for f in figures.filter(|f| *f != "~") {
        total = Some(total.unwrap_or(Decimal::ZERO) + f.parse::<Decimal>().unwrap());
    }
    total
}

fn number(v: Option<&Value>) -> Option<Decimal> {
    match v {
        Some(Value::Number(n)) => Some(Decimal::from_str_exact(&n.to_string()).unwrap().normalize()),
        Some(Value::Text(t)) if t.is_empty() => None,
        None => None,
        Some(other) => panic!("not a number: {other:?}"),
    }
}

fn written(sheet: &Sheet, row: u32, col: u32) -> Option<Decimal> {
    number(sheet.cells.get(&(row, col)))
}

/// Rows of a printed sheet: the label, the title, then the header.
const HEADER_ROW: u32 = 2;

#[test]
fn five_agencies_sum_to_the_totals_computed_here() {
    let dir = scratch("rollup-five");
    let out = dir.join("out");
    let o = rollup(&five(&dir), &out, &["--format", "xlsx,csv", "--unit", "某县司法局"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let sheets = er_read::xlsx::read(&std::fs::read(out.join("rollup-2024.xlsx")).unwrap()).unwrap();
    let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["表一", "表二", "表三", "表四", "数据"]);
    let t2 = &sheets[1];

    // The printed 表二's header (one spanning label over ten columns) with
    // 单位名称 before it, spanning both header rows; the title and the
    // notes merged across all eleven columns.
    let mut merged = t2.merged.clone();
    merged.sort();
    let first_body = HEADER_ROW + 2;
    let total_row = first_body + 5;
    assert_eq!(merged, vec![(1, 0, 1, 10), (2, 0, 3, 0), (2, 1, 2, 10), (total_row + 1, 0, total_row + 1, 10)]);
    assert_eq!(t2.cells[&(2, 0)].text(), "单位名称");
    assert_eq!(t2.cells[&(2, 1)].text(), "行政处罚实施数量（宗）");
    let labels: Vec<String> = (1..=10).map(|c| t2.cells[&(3, c)].text()).collect();
    assert_eq!(
        labels,
        ["警告", "罚款", "没收违法所得、没收非法财物", "暂扣许可证、执照", "责令停产停业", "吊销许可证、执照", "行政拘留", "其他行政处罚", "合计（宗）", "罚没金额（万元）"]
    );

    // Each agency's row is its data file, in the order given.
    let figure = |s: &str| (s != "~").then(|| s.parse::<Decimal>().unwrap());
    for (i, (name, _, warning, fine, confiscate, amount)) in AGENCIES.iter().enumerate() {
        let row = first_body + i as u32;
        assert_eq!(t2.cells[&(row, 0)].text(), *name);
        assert_eq!(written(t2, row, 1), figure(warning), "{name} 警告");
        assert_eq!(written(t2, row, 2), figure(fine), "{name} 罚款");
        assert_eq!(written(t2, row, 3), figure(confiscate), "{name} 没收");
        assert_eq!(written(t2, row, 10), figure(amount), "{name} 罚没金额");
        // The agency's own 合计 is a formula over its row.
        assert_eq!(t2.formulas.get(&(row, 9)).map(String::as_str), Some(format!("SUM(B{0}:I{0})", row + 1).as_str()));
    }

    // 合计: formulas down each column, their cached values the sums
    // computed here; all-blank 警告 stays blank.
    assert_eq!(t2.cells[&(total_row, 0)].text(), "合计");
    let fines = sum(AGENCIES.iter().map(|a| a.3));
    let confiscations = sum(AGENCIES.iter().map(|a| a.4));
    let amounts = sum(AGENCIES.iter().map(|a| a.5));
    assert_eq!(fines, Some(Decimal::from(245)));
    assert_eq!(amounts, Some("1186.5321088".parse().unwrap()));
    assert_eq!(confiscations, Some(Decimal::from(18)), "丁县's blank counts as nothing");
    assert_eq!(written(t2, total_row, 1), None, "every agency blank: 合计 blank");
    assert_eq!(t2.formulas.get(&(total_row, 1)), None);
    assert_eq!(written(t2, total_row, 2), fines);
    assert_eq!(written(t2, total_row, 3), confiscations);
    assert_eq!(written(t2, total_row, 9), Some(fines.unwrap() + confiscations.unwrap()));
    assert_eq!(written(t2, total_row, 10), amounts);
    assert_eq!(t2.formulas.get(&(total_row, 2)).map(String::as_str), Some(format!("SUM(C{}:C{})", first_body + 1, total_row).as_str()));
    let t1 = &sheets[0];
    assert_eq!(written(t1, first_body + 5, 1), sum(AGENCIES.iter().map(|a| a.1)));

    // The data sheet: every agency's figures in long form, then the 合计 row's.
    let data = &sheets[4];
    let rows: Vec<u32> = data.cells.keys().map(|k| k.0).filter(|r| *r > 0).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    assert_eq!(rows.len(), 6 * 39, "39 figures an agency, and the 合计 row's");
    // Columns: 表 表名 键 指标 值 单位 类型 机关 年度.
    for (i, (name, ..)) in AGENCIES.iter().enumerate() {
        let fine = rows
            .iter()
            .find(|&&r| data.cells[&(r, 7)].text() == *name && data.cells[&(r, 2)].text() == "罚款")
            .map(|&r| written(data, r, 4));
        assert_eq!(fine, Some(figure(AGENCIES[i].3)), "{name} 罚款 in the data sheet");
    }
    let total_fine = rows.iter().find(|&&r| data.cells[&(r, 7)].text() == "合计" && data.cells[&(r, 2)].text() == "罚款").map(|&r| written(data, r, 4));
    assert_eq!(total_fine, Some(fines), "the 合计 row's 罚款");

    // The CSV: the same long form.
    let csv = String::from_utf8(std::fs::read(out.join("rollup-2024.csv")).unwrap()).unwrap();
    assert!(csv.starts_with("\u{FEFF}表,表名,键,指标,值,单位,类型,机关,年度\r\n"));
    assert_eq!(csv.lines().count(), 1 + 6 * 39);
    assert!(
        csv.contains("表二,行政处罚实施情况统计表,罚没金额,行政处罚实施数量（宗） › 罚没金额（万元）,12.25,万元,金额,丙县生态环境局,2024\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains("表二,行政处罚实施情况统计表,没收违法所得、没收非法财物,行政处罚实施数量（宗） › 没收违法所得、没收非法财物,,宗,数量,丁县交通运输局,2024\r\n"),
        "a blank is an empty field"
    );
}

/// With LibreOffice installed: the workbook's formulas, their cached
/// values taken out, recalculate to the sums computed here. Without it the
/// test says so and passes; `scripts/recalc-rollup.sh` does the same by hand.
#[test]
fn the_totals_recalculate_in_libreoffice() {
    need_soffice();
    let dir = scratch("rollup-recalc");
    let out = dir.join("out");
    let o = rollup(&five(&dir), &out, &["--format", "xlsx"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let csv = recalculated(&out.join("rollup-2024.xlsx"), 2, &dir);
    let total = csv.lines().find(|l| l.starts_with("合计,")).expect("a 合计 row");
    let fields: Vec<&str> = total.split(',').collect();
    let value = |i: usize| (!fields[i].is_empty()).then(|| fields[i].parse::<Decimal>().unwrap());
    assert_eq!(value(1), None);
    assert_eq!(value(2), sum(AGENCIES.iter().map(|a| a.3)));
    assert_eq!(value(3), sum(AGENCIES.iter().map(|a| a.4)));
    assert_eq!(value(10), sum(AGENCIES.iter().map(|a| a.5)));
}

/// Sheet `sheet` (1-based) of the workbook as LibreOffice computes it, the
/// cached values of the formulas removed first.
fn recalculated(xlsx: &Path, sheet: usize, dir: &Path) -> String {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(std::fs::File::open(xlsx).unwrap()).unwrap();
    let stripped = dir.join("stripped.xlsx");
    let mut w = zip::ZipWriter::new(std::fs::File::create(&stripped).unwrap());
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        if name.starts_with("xl/worksheets/") {
            let xml = String::from_utf8(bytes).unwrap();
            let mut out = String::new();
            let mut rest = xml.as_str();
            // <f>…</f><v>…</v>: the value goes, the formula stays.
            while let Some(i) = rest.find("</f><v>") {
                out.push_str(&rest[..i + 4]);
                let after = &rest[i + 4..];
                rest = &after[after.find("</v>").unwrap() + 4..];
            }
            out.push_str(rest);
            bytes = out.into_bytes();
        }
        w.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        w.write_all(&bytes).unwrap();
    }
    w.finish().unwrap();
    let filter = format!("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,{sheet}");
    soffice_convert(&stripped, &filter, dir, dir);
    let csv = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).find(|p| p.extension().is_some_and(|e| e == "csv")).expect("the CSV");
    std::fs::read_to_string(csv).unwrap()
}

/// 80 agencies, short names that keep one line: 单位01 …
fn eighty(dir: &Path) -> Vec<PathBuf> {
    (1..=80)
        .map(|k| {
            let fine = format!("    罚款: {k}\n");
            let permits = format!("    申请数量: {}\n", k * 3);
            edited_fixture(
                dir,
                &format!("a{k:02}.yaml"),
                &[
                    ("agency: 第一师阿拉尔市应急管理局", &format!("agency: 单位{k:02}")),
                    ("    罚款: 27\n", &fine),
                    ("    合计: 37\n", ""),
                    ("    申请数量: 39\n", &permits),
                ],
            )
        })
        .collect()
}

#[test]
fn eighty_agencies_paginate_with_the_header_on_every_page() {
    let dir = scratch("rollup-eighty");
    let out = dir.join("out");
    let o = rollup(&eighty(&dir), &out, &["--format", "docx,pdf"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    // The same files give the same bytes.
    let again = dir.join("again");
    assert!(rollup(&eighty(&dir), &again, &["--format", "docx,pdf"]).status.success());
    for f in ["rollup-2024.docx", "rollup-2024.pdf"] {
        assert!(std::fs::read(out.join(f)).unwrap() == std::fs::read(again.join(f)).unwrap(), "{f} differs between two runs");
    }

    // DOCX: each table's header rows repeat (w:tblHeader), and only they.
    let parts = er_read::docx::parts(&std::fs::read(out.join("rollup-2024.docx")).unwrap()).unwrap();
    let xml = String::from_utf8(parts["word/document.xml"].clone()).unwrap();
    let tables: Vec<&str> = xml.split("<w:tbl>").skip(1).collect();
    assert_eq!(tables.len(), 4);
    for (t, header_rows) in tables.iter().zip([2, 2, 3, 2]) {
        let rows: Vec<&str> = t.split("<w:tr>").skip(1).collect();
        assert_eq!(rows.len(), header_rows + 80 + 1, "header, 80 agencies, 合计");
        let repeated: Vec<bool> = rows.iter().map(|r| r.contains("<w:tblHeader")).collect();
        assert!(repeated[..header_rows].iter().all(|&h| h) && !repeated[header_rows..].iter().any(|&h| h));
        assert!(rows.iter().all(|r| r.contains("<w:cantSplit")), "a row never splits across pages");
    }

    // PDF: every page that holds an agency's row has the table's header
    // drawn above it; each agency comes once in each of the four tables.
    let pages = er_read::pdf::read(&std::fs::read(out.join("rollup-2024.pdf")).unwrap()).unwrap();
    assert!(pages.len() >= 8, "80 rows cannot fit 4 tables on {} pages", pages.len());
    let tops = ["行政许可实施数量（宗）", "行政处罚实施数量（宗）", "行政强制措施实施数量（宗）", "行政征收"];
    let mut seen = std::collections::BTreeMap::<String, usize>::new();
    let mut totals = 0;
    for (i, p) in pages.iter().enumerate() {
        let lines = p.lines();
        let names: Vec<String> = lines.iter().flat_map(|l| agency_names(l)).collect();
        if names.is_empty() {
            continue;
        }
        let text = lines.join("\n");
        assert!(text.contains("单位名称"), "page {} has rows but no header:\n{text}\n{:?}", i + 1, p.lines());
        assert!(tops.iter().any(|t| text.contains(t)), "page {} lacks the header's top row:\n{text}", i + 1);
        totals += lines.iter().filter(|l| l.starts_with("合计")).count();
        for n in names {
            *seen.entry(n).or_default() += 1;
        }
    }
    assert_eq!(seen.len(), 80);
    assert!(seen.values().all(|&n| n == 4), "{seen:?}");
    assert_eq!(totals, 4, "one 合计 row a table");

    // Tagged: each agency's name and each 合计 heads its row (Scope Row),
    // once, although the header is drawn on every page.
    let pdf = lopdf::Document::load_mem(&std::fs::read(out.join("rollup-2024.pdf")).unwrap()).unwrap();
    let scope = |want: &[u8]| {
        pdf.objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter(|d| d.get(b"S").ok().and_then(|s| s.as_name().ok()) == Some(b"TH".as_slice()))
            .filter(|d| d.get(b"A").ok().and_then(|a| a.as_dict().ok()).and_then(|a| a.get(b"Scope").ok()).and_then(|s| s.as_name().ok()) == Some(want))
            .count()
    };
    assert_eq!(scope(b"Row"), 4 * 81, "80 agencies and 合计 in each of 4 tables");
    // The header cells of the four tables, tagged once each: 单位名称 and
    // the published grids' labels (表一 6, 表二 11, 表三 16, 表四 18; spec §3).
    assert_eq!(scope(b"Column"), (1 + 6) + (1 + 11) + (1 + 16) + (1 + 18));
}

/// The agency names 单位01 … on a line of extracted text.
fn agency_names(line: &str) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    for i in 0..chars.len().saturating_sub(3) {
        if chars[i] == '单' && chars[i + 1] == '位' && chars[i + 2].is_ascii_digit() && chars[i + 3].is_ascii_digit() {
            out.push(chars[i..i + 4].iter().collect());
        }
    }
    out
}

/// Every refusal at once, each located; nothing written.
#[test]
fn mixed_years_templates_duplicates_and_failing_files_are_refused() {
    let dir = scratch("rollup-refused");
    let mut files = five(&dir);
    files.push(edited_fixture(&dir, "other-year.yaml", &[("agency: 第一师阿拉尔市应急管理局", "agency: 己县林业局"), ("year: 2024", "year: 2023")]));
    files.push(edited_fixture(&dir, "twice.yaml", &[("agency: 第一师阿拉尔市应急管理局", "agency: 甲县应急管理局")]));
    files.push(edited_fixture(&dir, "broken.yaml", &[("agency: 第一师阿拉尔市应急管理局", "agency: 庚县水利局"), ("    合计: 37\n", "    合计: 38\n")]));
    files.push(root().join("fixtures/national-2021-example.yaml"));
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("rollup-2024.xlsx"), b"the old summary").unwrap();
    let o = rollup(&files, &out, &[]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    let has = |file: &str, line: usize, what: &str| {
        err.lines().any(|l| l.contains(&format!("{file}:{line}:")) && l.contains(what))
    };
    assert!(has("other-year.yaml", 9, "the year is 2023"), "{err}");
    assert!(has("twice.yaml", 8, "甲县应急管理局 comes twice: also in"), "{err}");
    assert!(has("broken.yaml", 70, "合计"), "{err}");
    assert!(has("national-2021-example.yaml", 3, "template `national-2021`"), "{err}");
    assert!(err.contains("rollup refused"), "{err}");
    // The old summary is as it was, nothing new beside it.
    assert_eq!(std::fs::read(out.join("rollup-2024.xlsx")).unwrap(), b"the old summary");
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 1);

    // Each alone is enough.
    for extra in &files[5..] {
        let mut v = five(&dir);
        v.push(extra.clone());
        let o = rollup(&v, &out, &[]);
        assert_eq!(o.status.code(), Some(1), "{}: {}", extra.display(), String::from_utf8_lossy(&o.stderr));
    }
}

#[test]
fn an_all_blank_agency_and_a_large_change_are_warned_about() {
    let dir = scratch("rollup-warn");
    let example = root().join("fixtures/example-2025.yaml");
    let text = std::fs::read_to_string(&example).unwrap();
    let a = dir.join("a.yaml");
    std::fs::write(&a, &text).unwrap();
    // 表二's 罚款 270: its 合计 278 against last year's 37, a change of
    // more than 3 times.
    let b = dir.join("b.yaml");
    let changed = text.replacen("agency: '第一师阿拉尔市应急管理局'", "agency: '另一个单位'", 1);
    let line = changed.lines().position(|l| l.starts_with("tables:")).unwrap();
    let mut lines: Vec<String> = changed.lines().map(str::to_string).collect();
    let fine = lines.iter().skip(line).position(|l| l.starts_with("    罚款:")).unwrap() + line;
    lines[fine] = "    罚款: 270".into();
    std::fs::write(&b, lines.join("\n") + "\n").unwrap();
    let out = dir.join("out");
    let o = rollup(&[a.clone(), b.clone()], &out, &["--warn-change", "3", "--format", "csv"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    // 合计 is not written in the file: the warning stands at its table.
    let table = lines.iter().skip(line).position(|l| l.starts_with("  表二:")).unwrap() + line;
    assert!(err.lines().any(|l| l.contains(&format!("b.yaml:{}:3:", table + 1)) && l.contains("warning") && l.contains("278") && l.contains("last year 37")), "{err}");
    assert!(!err.lines().any(|l| l.contains("a.yaml") && l.contains("more than 3 times")), "0 → 1 is no alarm: {err}");
    // Below 1 no total could pass: refused before any work, nothing written.
    let none = dir.join("none");
    let o = rollup(&[a, b], &none, &["--warn-change", "0.5", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(2), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--warn-change must be 1 or more"), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!none.exists(), "a refused command line writes nothing");

    // An agency with no power at all: every figure ~.
    let blank = dir.join("blank.yaml");
    let mut text = std::fs::read_to_string(fixture()).unwrap().replacen("agency: 第一师阿拉尔市应急管理局", "agency: 无职权单位", 1);
    let start = text.find("\ntables:").unwrap();
    let (head, tables) = text.split_at(start);
    let tables: String = tables
        .lines()
        .map(|l| match l.split_once(": ") {
            // Totals are computed (0 over blank parts): left out.
            Some((k, _)) if k == "    合计" || k == "    合并" => String::new(),
            Some((k, v)) if l.starts_with("    ") && !l.starts_with("     ") && !k.trim().starts_with('说') && !v.is_empty() => format!("{k}: ~\n"),
            _ => format!("{l}\n"),
        })
        .collect();
    text = format!("{head}{tables}");
    // Its narrative cites no figure: the references go.
    let mut cited = String::new();
    let mut rest = text.as_str();
    while let Some(i) = rest.find("{表") {
        cited.push_str(&rest[..i]);
        rest = &rest[i + rest[i..].find('}').unwrap() + 1..];
    }
    cited.push_str(rest);
    let text = cited;
    std::fs::write(&blank, text).unwrap();
    let o = rollup(&[fixture(), blank], &out, &["--format", "csv"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(err.lines().any(|l| l.contains("blank.yaml:") && l.contains("warning") && l.contains("every figure of 无职权单位 is blank")), "{err}");
}

#[test]
fn sort_puts_agencies_in_pinyin_order() {
    let dir = scratch("rollup-sort");
    let files = five(&dir);
    let out = dir.join("out");
    let o = rollup(&files, &out, &["--sort", "--format", "xlsx"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let sheets = er_read::xlsx::read(&std::fs::read(out.join("rollup-2024.xlsx")).unwrap()).unwrap();
    let names: Vec<String> = (0..5).map(|i| sheets[0].cells[&(HEADER_ROW + 2 + i, 0)].text()).collect();
    // bing, ding, jia, wu, yi.
    assert_eq!(names, ["丙县生态环境局", "丁县交通运输局", "甲县应急管理局", "戊县自然资源局", "乙县市场监督管理局"]);
}

#[test]
fn an_empty_folder_is_an_error() {
    let dir = scratch("rollup-empty");
    let o = run(&["rollup", dir.to_str().unwrap(), "-o", dir.join("out").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no data files"));
}
