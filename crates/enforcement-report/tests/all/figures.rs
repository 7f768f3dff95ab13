//! Figures that know what they are (issue 27): rates computed and never
//! summed, blank totals, one identity per figure and per agency, every
//! input read or named, one template's meaning per roll-up, and a
//! correction notice that lists every corrected figure. Each output is
//! read back with the reader a user has: pdftotext, python-docx,
//! openpyxl, pandas. Expected figures are literals or computed here from
//! literal parts.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::*;
use rust_decimal::{Decimal, RoundingStrategy};

fn detailed() -> PathBuf {
    root().join("fixtures/national-2021-detailed-example.yaml")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The detailed example as another agency, with `edits` applied.
fn detailed_as(dir: &Path, name: &str, agency: &str, edits: &[(&str, &str)]) -> PathBuf {
    let mut s = std::fs::read_to_string(detailed()).unwrap().replacen("agency: 某某市生态环境局", &format!("agency: {agency}"), 1);
    for (old, new) in edits {
        assert!(s.contains(old), "{old} not in the example");
        s = s.replacen(old, new, 1);
    }
    let p = dir.join(name);
    std::fs::write(&p, s).unwrap();
    p
}

fn rollup(inputs: &[&Path], out: &Path, formats: &str) -> Output {
    let mut args: Vec<String> = vec!["rollup".into()];
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    args.extend(["-o", out.to_str().unwrap(), "--fonts", "bundled", "--format", formats].map(String::from));
    run(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

/// part ÷ whole × 100, 四舍五入 to two decimals: the published rule.
fn rate(part: i64, whole: i64) -> String {
    (Decimal::from(part * 100) / Decimal::from(whole)).round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero).normalize().to_string()
}

/// The last cell of the 合计 row of the roll-up's 表六 in each format.
fn rate_totals(out: &Path) -> [String; 4] {
    // PDF: the line of 合计 on the page of 表六's title.
    let text = pdftotext(&out.join("rollup-2024.pdf"));
    let page = text.split('\u{c}').find(|p| p.contains("持证率情况统计表")).expect("表六's page");
    let line = page.lines().find(|l| l.trim_start().starts_with("合计")).expect("合计 row on 表六's page");
    let pdf = line.split_whitespace().last().unwrap().to_string();
    // DOCX: the last table's 合计 row, as python-docx reads it.
    let docx = python(
        "import docx,sys\nt=docx.Document(sys.argv[1]).tables[-1]\nrow=[r for r in t.rows if r.cells[0].text=='合计'][0]\nprint(row.cells[-1].text)",
        &[out.join("rollup-2024.docx").to_str().unwrap()],
    );
    // XLSX: the cached value of the 合计 row's last cell, as openpyxl reads it.
    let xlsx = python(
        "import openpyxl,sys\nws=openpyxl.load_workbook(sys.argv[1],data_only=True)['表六']\nrow=[r for r in ws.iter_rows(values_only=True) if r[0]=='合计'][0]\nprint(row[3])",
        &[out.join("rollup-2024.xlsx").to_str().unwrap()],
    );
    // CSV: the 合计 row of 持证率, as pandas reads it.
    let csv = python(
        "import pandas,sys\nd=pandas.read_csv(sys.argv[1],dtype=str,keep_default_na=False)\nprint(d[(d['表']=='表六')&(d['键']=='持证率')&(d['机关']=='合计')]['值'].iloc[0])",
        &[out.join("rollup-2024.csv").to_str().unwrap()],
    );
    [pdf, docx.trim().to_string(), xlsx.trim().to_string(), csv.trim().to_string()]
}

#[test]
fn a_rollup_recomputes_the_rate_from_its_summed_parts_in_every_format() {
    let dir = scratch("rate-rollup");
    // The example three times: 84 of 86 officers each, 252 of 258 in all.
    let same: Vec<PathBuf> = ["甲市生态环境局", "乙市生态环境局", "丙市生态环境局"]
        .iter()
        .enumerate()
        .map(|(i, a)| detailed_as(&dir, &format!("s{i}.yaml"), a, &[]))
        .collect();
    let out = dir.join("same");
    let o = rollup(&same.iter().map(PathBuf::as_path).collect::<Vec<_>>(), &out, "pdf,docx,xlsx,csv");
    assert!(o.status.success(), "{}", stderr(&o));
    let expected = rate(3 * 84, 3 * 86);
    assert_eq!(expected, "97.67");
    assert_eq!(rate_totals(&out), [expected.clone(), expected.clone(), expected.clone(), expected], "not the sum 293.01");
    // The XLSX computes it again, from the totals of its parts.
    let formula = python(
        "import openpyxl,sys\nws=openpyxl.load_workbook(sys.argv[1])['表六']\nprint([r for r in ws.iter_rows(values_only=True) if r[0]=='合计'][0][3])",
        &[out.join("rollup-2024.xlsx").to_str().unwrap()],
    );
    assert!(formula.starts_with("=ROUND(C") && formula.contains("/B") && !formula.contains("SUM"), "{formula}");

    // Three different agencies: 84 of 86, 80 of 90, 82 of 82.
    let edits = |n: &str, k: &str, r: &str| {
        vec![("    执法人员数: 86", format!("    执法人员数: {n}")), ("    持证人数: 84", format!("    持证人数: {k}")), ("    持证率: '97.67'", format!("    持证率: '{r}'"))]
    };
    let mixed: Vec<PathBuf> = [("甲", "86", "84", "97.67"), ("乙", "90", "80", "88.89"), ("丙", "82", "82", "100")]
        .iter()
        .enumerate()
        .map(|(i, (a, n, k, r))| {
            let e = edits(n, k, r);
            let e: Vec<(&str, &str)> = e.iter().map(|(a, b)| (*a, b.as_str())).collect();
            detailed_as(&dir, &format!("m{i}.yaml"), &format!("{a}县生态环境局"), &e)
        })
        .collect();
    let out = dir.join("mixed");
    let o = rollup(&mixed.iter().map(PathBuf::as_path).collect::<Vec<_>>(), &out, "pdf,docx,xlsx,csv");
    assert!(o.status.success(), "{}", stderr(&o));
    let expected = rate(84 + 80 + 82, 86 + 90 + 82);
    assert_eq!(expected, "95.35");
    assert_eq!(rate_totals(&out), [expected.clone(), expected.clone(), expected.clone(), expected]);
    // The printed note says how the total is had.
    let text = pdftotext(&out.join("rollup-2024.pdf"));
    assert!(text.replace(char::is_whitespace, "").contains("持证率合计＝持证人数合计÷执法人员数合计×100"), "{text}");
}

#[test]
fn a_rollup_leaves_the_rate_blank_where_an_agency_lacks_a_part() {
    let dir = scratch("rate-lacking");
    let a = detailed_as(&dir, "a.yaml", "甲县生态环境局", &[]);
    // 乙 counts its officers but not its certificates: no county rate.
    let b = detailed_as(
        &dir,
        "b.yaml",
        "乙县生态环境局",
        &[("    持证人数: 84", "    持证人数: ~"), ("    持证率: '97.67'\n", ""), ("持证率{表六.持证率}%。", "持证情况另行统计。")],
    );
    let out = dir.join("out");
    let o = rollup(&[&a, &b], &out, "csv,pdf");
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = std::fs::read_to_string(out.join("rollup-2024.csv")).unwrap();
    let total = csv.lines().find(|l| l.starts_with("表六,") && l.contains(",持证率,") && l.contains(",合计,")).unwrap();
    assert!(total.contains(",,%,"), "blank, not a sum: {total}");
    let text = pdftotext(&out.join("rollup-2024.pdf")).replace(char::is_whitespace, "");
    assert!(text.contains("持证率的合计留空：乙县生态环境局的持证人数或执法人员数空白"), "{text}");
}

fn check(file: &Path) -> Output {
    run(&["check", file.to_str().unwrap()])
}

#[test]
fn check_refuses_a_rate_its_parts_do_not_give_and_accepts_one_within_rounding() {
    let dir = scratch("rate-check");
    let with = |name: &str, edits: &[(&str, &str)]| detailed_as(&dir, name, "某某市生态环境局", edits);
    // 84 of 86 is 97.674…: 97.67 at the column's two decimals, 四舍五入.
    for ok in ["'97.67'", "97.67", "'97.670'"] {
        let o = check(&with("ok.yaml", &[("    持证率: '97.67'", &format!("    持证率: {ok}"))]));
        assert_eq!(o.status.code(), Some(0), "{ok}: {}", stderr(&o));
    }
    for wrong in ["'89.62'", "'112.5'", "'97.68'", "'97.7'", "'98'"] {
        let o = check(&with("bad.yaml", &[("    持证率: '97.67'", &format!("    持证率: {wrong}"))]));
        assert_eq!(o.status.code(), Some(1), "{wrong}");
        let e = stderr(&o);
        assert!(e.contains("bad.yaml:72:") && e.contains("持证率") && e.contains("84") && e.contains("86") && e.contains("97.67"), "{wrong}: {e}");
    }
    // More certificates than officers.
    let o = check(&with("more.yaml", &[("    持证人数: 84", "    持证人数: 90"), ("    持证率: '97.67'\n", "")]));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("more.yaml:71:") && stderr(&o).contains("持证人数"), "{}", stderr(&o));
    // Left out, it is computed: 97.67 in the CSV.
    let computed = with("computed.yaml", &[("    持证率: '97.67'\n", "")]);
    assert_eq!(check(&computed).status.code(), Some(0), "{}", stderr(&check(&computed)));
    let out = dir.join("out");
    let csv = String::from_utf8(render(&computed, "csv", &out)).unwrap();
    assert!(csv.lines().any(|l| l.starts_with("表六,") && l.contains(",持证率,") && l.contains(",97.67,%,比率,")), "{csv}");
}

/// The 表三 of the detailed example with every figure blank: no such power.
fn no_power(dir: &Path, name: &str, agency: &str) -> PathBuf {
    let keys = [
        ("限制公民人身自由", "~"),
        ("查封场所、设施或者财物", "8"),
        ("扣押财物", "4"),
        ("冻结存款、汇款", "~"),
        ("其他行政强制措施", "0"),
        ("加处罚款或者滞纳金", "3"),
        ("划拨存款、汇款", "~"),
        ("拍卖或者依法处理查封、扣押的场所、设施或者财物", "0"),
        ("排除妨碍、恢复原状", "0"),
        ("代履行", "1"),
        ("其他强制执行", "0"),
        ("申请法院强制执行", "2"),
    ];
    let edits: Vec<(String, String)> = keys.iter().map(|(k, v)| (format!("    {k}: {v}\n"), format!("    {k}: ~\n"))).collect();
    let edits: Vec<(&str, &str)> = edits.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    detailed_as(dir, name, agency, &edits)
}

#[test]
fn a_table_of_no_power_has_a_blank_total_in_every_format() {
    let dir = scratch("no-power");
    let file = no_power(&dir, "county.yaml", "某某县生态环境局");
    let out = dir.join("out");
    for f in ["pdf", "docx", "xlsx", "csv"] {
        render(&file, f, &out);
    }
    // PDF: 表三's page has its labels and no figure at all.
    let text = pdftotext(&out.join("county.pdf"));
    let page = text.split('\u{c}').find(|p| p.contains("行政强制实施情况统计表")).expect("表三's page");
    let table = &page[page.find("行政强制实施情况统计表").unwrap()..];
    let table = &table[..table.find("填报说明").unwrap()];
    // (The page number, — 3 —, stands on the page's edge, not in the table.)
    let figures: Vec<&str> = table.lines().filter(|l| !l.trim().starts_with('—') && l.chars().any(|c| c.is_ascii_digit())).collect();
    assert!(figures.is_empty(), "a figure on 表三's page: {figures:?}");
    // DOCX: 表三's value row is empty, 合计 included.
    let cells = python(
        "import docx,sys\nt=docx.Document(sys.argv[1]).tables[2]\nprint('|'.join(c.text for c in t.rows[-1].cells))",
        &[out.join("county.docx").to_str().unwrap()],
    );
    assert_eq!(cells.trim().replace('|', ""), "", "{cells}");
    // XLSX: below the label, the title and three header rows, no formula, empty cells.
    let xlsx = python(
        "import openpyxl,sys\nws=openpyxl.load_workbook(sys.argv[1])['表三']\nprint(repr([c.value for c in ws[6]]))",
        &[out.join("county.xlsx").to_str().unwrap()],
    );
    assert_eq!(xlsx.trim(), format!("[{}]", vec!["None"; 13].join(", ")));
    // CSV: the 合计 is an empty field.
    let csv = std::fs::read_to_string(out.join("county.csv")).unwrap();
    let total = csv.lines().find(|l| l.starts_with("表三,") && l.contains(",合计,合计,")).expect("表三's 合计 in the CSV");
    assert!(total.contains(",合计,合计,,件,"), "an empty 值: {total}");

    // A roll-up of two such agencies: the county's 合计 of 表三 is blank too.
    let other = no_power(&dir, "other.yaml", "某某区生态环境局");
    let o = rollup(&[&file, &other], &dir.join("sum"), "xlsx,csv");
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = python(
        "import openpyxl,sys\nws=openpyxl.load_workbook(sys.argv[1])['表三']\nprint(repr([r[1:] for r in ws.iter_rows(values_only=True) if r[0]=='合计'][0]))",
        &[dir.join("sum/rollup-2024.xlsx").to_str().unwrap()],
    );
    assert_eq!(rows.trim(), format!("({})", vec!["None"; 13].join(", ")));

    // A 合计 of 0 written over blank parts says the power was used 0 times: refused.
    let zero = std::fs::read_to_string(&file).unwrap().replacen("    申请法院强制执行: ~\n", "    申请法院强制执行: ~\n    合计: 0\n", 1);
    std::fs::write(dir.join("zero.yaml"), zero).unwrap();
    let o = check(&dir.join("zero.yaml"));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("zero.yaml:58:") && stderr(&o).contains("合计"), "{}", stderr(&o));
}

#[test]
fn spellings_of_one_agency_are_refused_as_one_agency_twice() {
    let dir = scratch("agency-twice");
    // (as one file writes it, as another does)
    let pairs = [
        ("第一师阿拉尔市Café管理局", "第一师阿拉尔市Cafe\u{301}管理局"), // NFC and NFD
        ("第一师阿拉尔市金融办", "第一师阿拉尔市\u{F90A}融办"),       // a compatibility ideograph
        ("第1师阿拉尔市应急管理局", "第１师阿拉尔市应急管理局"),     // full-width digit
        ("阿拉尔市应急管理局(第一师)", "阿拉尔市应急管理局（第一师）"), // full-width brackets
        ("第一师阿拉尔市应急管理局", "第一师 阿拉尔市应急管理局"),   // an inner space
        ("第一师阿拉尔市应急管理局", "第一师\u{3000}阿拉尔市应急管理局"), // an ideographic space
        ("第一师阿拉尔市应急管理局", ">-\n  第一师阿拉尔市\n  应急管理局"), // folded by YAML over two lines
        ("第一师阿拉尔市应急管理局", "第1师阿拉尔市应急管理局"),     // a Chinese numeral and a digit
        ("第十二师应急管理局", "第12师应急管理局"),                 // 十二 and 12
    ];
    for (i, (a, b)) in pairs.iter().enumerate() {
        let fa = edited_fixture(&dir, &format!("{i}-a.yaml"), &[("agency: 第一师阿拉尔市应急管理局", &format!("agency: {a}"))]);
        let fb = edited_fixture(&dir, &format!("{i}-b.yaml"), &[("agency: 第一师阿拉尔市应急管理局", &format!("agency: {b}"))]);
        let out = dir.join(format!("out-{i}"));
        let o = rollup(&[&fa, &fb], &out, "csv");
        assert_eq!(o.status.code(), Some(1), "{a} / {b}: {}", stderr(&o));
        let e = stderr(&o);
        // Both places: the second file's agency line, and the first's.
        assert!(e.contains(&format!("{i}-b.yaml:8:")) && e.contains(&format!("{i}-a.yaml:8:")), "{a} / {b}: {e}");
        assert!(e.contains("comes twice"), "{e}");
        assert!(e.contains("taken for one agency"), "the folding is named: {e}");
        assert!(!out.join("rollup-2024.csv").exists());
    }
}

#[test]
fn every_entry_of_a_folder_is_read_or_named() {
    let dir = scratch("entries");
    let agencies = dir.join("agencies");
    std::fs::create_dir_all(agencies.join("township")).unwrap();
    let named = |file: &str, agency: &str| {
        let p = edited_fixture(&dir, "tmp.yaml", &[("agency: 第一师阿拉尔市应急管理局", &format!("agency: {agency}"))]);
        std::fs::rename(p, agencies.join(file)).unwrap();
    };
    named("a.yaml", "甲局");
    named("b.YAML", "乙局");
    named("c.Yml", "丙局");
    named("township/d.yaml", "丁局");
    let elsewhere = edited_fixture(&dir, "e.yaml", &[("agency: 第一师阿拉尔市应急管理局", "agency: 戊局")]);
    std::os::unix::fs::symlink(&elsewhere, agencies.join("link.yaml")).unwrap();
    std::fs::write(agencies.join("notes.txt"), "not data").unwrap();
    // The entries that cannot be read.
    std::os::unix::fs::symlink(dir.join("gone.yaml"), agencies.join("dangling.yaml")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", agencies.join("zero.yaml")).unwrap();
    let fifo = agencies.join("pipe.yaml");
    let status = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(status.success());

    let out = dir.join("out");
    let o = rollup(&[&agencies], &out, "csv");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let e = stderr(&o);
    for bad in ["dangling.yaml", "zero.yaml", "pipe.yaml"] {
        assert!(e.lines().any(|l| l.contains(bad) && l.contains("error")), "{bad} not named: {e}");
    }
    assert!(e.contains("notes.txt"), "a file that is no data is named: {e}");
    assert!(!out.join("rollup-2024.csv").exists(), "nothing written");

    // Without them: every data file read, whatever its ending's case, the
    // sub-folder's and the link's too.
    for bad in ["dangling.yaml", "zero.yaml", "pipe.yaml"] {
        std::fs::remove_file(agencies.join(bad)).unwrap();
    }
    let o = rollup(&[&agencies], &out, "csv");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("5 data file(s) read of 6 found"), "{}", stderr(&o));
    let csv = std::fs::read_to_string(out.join("rollup-2024.csv")).unwrap();
    for agency in ["甲局", "乙局", "丙局", "丁局", "戊局"] {
        assert!(csv.contains(&format!(",{agency},")), "{agency} not rolled up");
    }
    // render names them too.
    std::os::unix::fs::symlink(dir.join("gone.yaml"), agencies.join("dangling.yaml")).unwrap();
    let o = run(&["render", agencies.to_str().unwrap(), "-o", dir.join("rendered").to_str().unwrap(), "--format", "csv"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("dangling.yaml"), "{}", stderr(&o));
    assert!(dir.join("rendered/b.csv").exists(), "b.YAML is a data file");
}

const TEMPLATE: &str = "name: 某县罚没统计\ntables:\n  - label: 表一\n    title: \"{年度}年度罚没情况统计表\"\n    columns:\n      - { key: 罚款, unit: 件 }\n      - { key: 罚没金额, unit: UNIT }\n    header: [罚款, 罚没金额]\n";

fn data(template: &str, agency: &str, amount: &str) -> String {
    format!(
        "template: {template}\nagency: {agency}\nyear: 2024\nreport_date: 2025-01-20\npart1:\n  heading: 第一部分 行政执法总体情况\n  blocks:\n    - p: 全年依法履职。\npart2:\n  heading: 第二部分 行政执法数据统计情况\ntables:\n  表一:\n    罚款: 3\n    罚没金额: {amount}\n"
    )
}

#[test]
fn two_templates_of_one_name_and_different_units_are_not_added_up() {
    let dir = scratch("units");
    std::fs::write(dir.join("yuan.yaml"), TEMPLATE.replace("UNIT", "元")).unwrap();
    std::fs::write(dir.join("wan.yaml"), TEMPLATE.replace("UNIT", "万元")).unwrap();
    std::fs::create_dir_all(dir.join("in")).unwrap();
    std::fs::write(dir.join("in/a.yaml"), data("../yuan.yaml", "甲局", "2")).unwrap();
    std::fs::write(dir.join("in/b.yaml"), data("../wan.yaml", "乙局", "2")).unwrap();
    std::fs::write(dir.join("in/c.yaml"), data("../yuan.yaml", "丙局", "5")).unwrap();
    let out = dir.join("out");
    let o = rollup(&[&dir.join("in")], &out, "csv");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(e.contains("b.yaml:1:") && e.contains("罚没金额") && e.contains("万元") && e.contains("元"), "{e}");
    assert!(!out.join("rollup-2024.csv").exists());
    // The same content under one name is one template.
    std::fs::write(dir.join("in/b.yaml"), data("../yuan.yaml", "乙局", "2")).unwrap();
    let o = rollup(&[&dir.join("in")], &out, "csv");
    assert!(o.status.success(), "{}", stderr(&o));
}

fn notice(old: &Path, new: &Path, dir: &Path) -> (String, String) {
    let o = run(&["diff", old.to_str().unwrap(), new.to_str().unwrap(), "--notice", "--date", "2025-02-10"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let docx = dir.join("notice.docx");
    let o = run(&["diff", old.to_str().unwrap(), new.to_str().unwrap(), "--notice", "--format", "docx", "-o", docx.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = python("import docx,sys\nprint('\\n'.join(p.text for p in docx.Document(sys.argv[1]).paragraphs))", &[docx.to_str().unwrap()]);
    (stdout(&o).is_empty().then_some(()).map_or_else(String::new, |_| String::new()) + &String::from_utf8_lossy(&run(&["diff", old.to_str().unwrap(), new.to_str().unwrap(), "--notice"]).stdout), text)
}

#[test]
fn the_correction_notice_lists_every_corrected_figure_of_text_and_tables() {
    let dir = scratch("notice-all");
    let text_only = edited_fixture(&dir, "text.yaml", &[("整改率98.81%", "整改率98.82%")]);
    let table_only = edited_fixture(&dir, "table.yaml", &[("    罚款: 27", "    罚款: 28"), ("    合计: 37", "    合计: 38")]);
    let both = edited_fixture(&dir, "both.yaml", &[("整改率98.81%", "整改率98.82%"), ("    罚款: 27", "    罚款: 28"), ("    合计: 37", "    合计: 38")]);
    let text_place = "› 1.重点领域监管整治情况：";
    let text_fix = "“整改率98.81%”更正为“整改率98.82%”";
    let table_fix = "罚款由27宗更正为28宗，合计由37宗更正为38宗";
    // The paragraph that cites {表二.合计} printed 37 too.
    let cited_fix = "总数为37件”更正为“";
    for (file, expected, absent) in [
        (&text_only, vec![text_place, text_fix], vec![table_fix]),
        (&table_only, vec![table_fix, cited_fix], vec![text_fix]),
        (&both, vec![text_place, text_fix, table_fix, cited_fix], vec![]),
    ] {
        let (md, docx) = notice(&fixture(), file, &dir);
        for e in &expected {
            assert!(md.contains(e), "{}: {e} not in the Markdown:\n{md}", file.display());
            assert!(docx.contains(e), "{}: {e} not in the DOCX:\n{docx}", file.display());
        }
        for a in &absent {
            assert!(!md.contains(a), "{}: {a} in the Markdown:\n{md}", file.display());
        }
        assert!(md.starts_with("# 更正说明\n"), "{md}");
    }
    // Nothing changed: said, and no file written.
    let none = dir.join("none.docx");
    let o = run(&["diff", fixture().to_str().unwrap(), fixture().to_str().unwrap(), "--notice", "--format", "docx", "-o", none.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("nothing published changed"), "{}", stderr(&o));
    assert!(!none.exists());
}

#[test]
fn the_data_sheet_names_each_figure_once_by_its_key_and_header_path() {
    let dir = scratch("identity");
    for (fixture, template) in [
        (root().join("fixtures/aral-emergency-2024.yaml"), "bingtuan-2024"),
        (root().join("fixtures/national-2021-example.yaml"), "national-2021"),
        (detailed(), "national-2021-detailed"),
    ] {
        let out = dir.join(template);
        render(&fixture, "xlsx", &out);
        let xlsx = out.join(format!("{}.xlsx", fixture.file_stem().unwrap().to_string_lossy()));
        // pandas and PyYAML: no two rows of a table share a 指标, and the
        // 键 of each table are the data file's keys of that table (its
        // computed totals and rates included).
        let report = python(
            "import pandas,yaml,sys\n\
             d=pandas.read_excel(sys.argv[1],sheet_name='数据')\n\
             y=yaml.safe_load(open(sys.argv[2],encoding='utf-8'))\n\
             dups=d[d.duplicated(['表','指标'],keep=False)]\n\
             print('duplicates',len(dups))\n\
             for t,g in d.groupby('表',sort=False):\n\
             \x20   given=set(k for k in y['tables'][t] if k not in ('说明','标签','标题'))\n\
             \x20   keys=set(g['键'])\n\
             \x20   print(t, 'missing', sorted(given-keys), 'computed', sorted(keys-given))\n",
            &[xlsx.to_str().unwrap(), fixture.to_str().unwrap()],
        );
        assert!(report.starts_with("duplicates 0\n"), "{template}: {report}");
        for line in report.lines().skip(1) {
            assert!(line.contains("missing []"), "{template}: a key of the data file is not in the sheet: {line}");
            let computed = &line[line.find("computed").unwrap()..];
            assert!(!computed.contains("'罚款'") && !computed.contains("'警告'"), "{template}: {line}");
        }
    }
    // 表四 of the reference template: six columns called 次数 in print, now
    // told apart by their header path.
    let out = dir.join("bingtuan-2024");
    let paths = python(
        "import pandas,sys\nd=pandas.read_excel(sys.argv[1],sheet_name='数据')\nprint('\\n'.join(d[d['表']=='表四']['指标']))",
        &[out.join("aral-emergency-2024.xlsx").to_str().unwrap()],
    );
    assert!(paths.lines().filter(|l| l.ends_with("次数")).count() >= 2, "{paths}");
    assert!(paths.lines().all(|l| l.contains(" › ")), "{paths}");
}

#[test]
fn pandas_groupby_over_three_agencies_gives_the_rollups_totals() {
    let dir = scratch("groupby");
    let files = [
        detailed_as(&dir, "a.yaml", "甲县生态环境局", &[]),
        detailed_as(&dir, "b.yaml", "乙县生态环境局", &[("    罚款: 62", "    罚款: 70"), ("    执法人员数: 86", "    执法人员数: 90"), ("    持证率: '97.67'\n", "")]),
        no_power(&dir, "c.yaml", "丙县生态环境局"),
    ];
    let sheets = dir.join("sheets");
    for f in &files {
        render(f, "xlsx", &sheets);
    }
    let o = rollup(&files.iter().map(PathBuf::as_path).collect::<Vec<_>>(), &dir.join("sum"), "xlsx");
    assert!(o.status.success(), "{}", stderr(&o));
    // Additive figures: the sum over the three agencies' sheets, by table
    // and key (all blank stays blank), against the roll-up's 合计 rows.
    // A rate is not summed: the test divides the summed parts itself.
    let out = python(
        "import pandas,sys\n\
         from decimal import Decimal, ROUND_HALF_UP\n\
         a=pandas.concat([pandas.read_excel(f,sheet_name='数据') for f in sys.argv[1:4]])\n\
         s=a[a['类型']!='比率'].groupby(['表','键'],sort=False)['值'].sum(min_count=1)\n\
         r=pandas.read_excel(sys.argv[4],sheet_name='数据')\n\
         t=r[r['机关']=='合计'].set_index(['表','键'])['值']\n\
         bad=[(k,v,t[k]) for k,v in s.items() if not ((pandas.isna(v) and pandas.isna(t[k])) or v==t[k])]\n\
         print('mismatch',bad)\n\
         p=s[('表六','持证人数')]; w=s[('表六','执法人员数')]\n\
         print('rate',(Decimal(int(p))*100/Decimal(int(w))).quantize(Decimal('0.01'),ROUND_HALF_UP),Decimal(str(t[('表六','持证率')])))\n",
        &[
            sheets.join("a.xlsx").to_str().unwrap(),
            sheets.join("b.xlsx").to_str().unwrap(),
            sheets.join("c.xlsx").to_str().unwrap(),
            dir.join("sum/rollup-2024.xlsx").to_str().unwrap(),
        ],
    );
    assert!(out.starts_with("mismatch []\n"), "{out}");
    // 84 × 3 of 86 + 90 + 86 officers.
    assert_eq!(rate(3 * 84, 86 + 90 + 86), "96.18");
    assert!(out.contains("rate 96.18 96.18"), "{out}");
}

#[test]
fn import_reads_the_year_of_the_tools_own_data_sheet_by_its_header() {
    let dir = scratch("import-year");
    // A report of 2023 dated in 2025: only the data sheet's 年度 says 2023.
    let file = detailed_as(&dir, "y.yaml", "某某市生态环境局", &[("year: 2024", "year: 2023")]);
    render(&file, "xlsx", &dir);
    let back = dir.join("back.yaml");
    let o = run(&["import", dir.join("y.xlsx").to_str().unwrap(), "-o", back.to_str().unwrap(), "--agency", "某某市生态环境局"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("the year is not written"), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&back).unwrap().contains("\nyear: 2023\n"));
}
