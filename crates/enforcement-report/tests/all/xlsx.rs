//! The XLSX read back with calamine: sheets, merges, numbers, formulas, notes.

use crate::common;

use common::*;
use er_read::xlsx::{read, Sheet, Value};

fn produced() -> Vec<Sheet> {
    let out = scratch("xlsx");
    read(&render(&fixture(), "xlsx", &out)).expect("readable XLSX")
}

/// Rows of the header start under the label and the title.
const HEADER_ROW: u32 = 2;

#[test]
fn four_sheets_named_after_the_tables_and_the_data_sheet() {
    let names: Vec<String> = produced().into_iter().map(|s| s.name).collect();
    assert_eq!(names, ["表一", "表二", "表三", "表四", "数据"]);
}

#[test]
fn merged_ranges_are_those_of_the_spec() {
    let sheets = produced();
    let header = |s: &Sheet| -> Vec<(u32, u32, u32, u32)> {
        s.merged.iter().filter(|m| m.0 >= HEADER_ROW && m.0 < HEADER_ROW + 3 && (m.2 > m.0 || m.3 > m.1) && s.cells.get(&(m.0, m.1)).is_some() && m.2 <= HEADER_ROW + 3)
            .map(|m| (m.0 - HEADER_ROW, m.1, m.2 - HEADER_ROW, m.3)).collect()
    };
    assert_eq!(header(&sheets[0]), [(0, 0, 0, 4)]);
    assert_eq!(header(&sheets[1]), [(0, 0, 0, 9)]);
    assert_eq!(header(&sheets[2]), [(0, 0, 1, 4), (0, 5, 0, 11), (0, 12, 2, 12), (1, 5, 1, 10), (1, 11, 2, 11)]);
    assert_eq!(header(&sheets[3]), [(0, 0, 0, 1), (0, 3, 0, 4), (0, 5, 0, 6), (0, 8, 0, 9)]);
    assert_eq!(sheets[2].cells[&(HEADER_ROW, 12)].text(), "合并");
}

#[test]
fn figures_are_numbers_and_blanks_are_empty() {
    let sheets = produced();
    let row = |s: &Sheet, r: u32, n: u32| -> Vec<Option<Value>> { (0..n).map(|c| s.cells.get(&(r, c)).cloned()).collect() };
    let t2 = row(&sheets[1], HEADER_ROW + 2, 10);
    assert_eq!(t2[0], None);
    assert_eq!(t2[1], Some(Value::Number(27.0)));
    assert_eq!(t2[3..8], [None, None, None, None, None]);
    assert_eq!(t2[8], Some(Value::Number(37.0)));
    assert_eq!(t2[9], Some(Value::Number(173.7821088)));
    let t4 = row(&sheets[3], HEADER_ROW + 2, 11);
    assert_eq!(t4[0], Some(Value::Number(0.0)));
    assert_eq!(t4[6], Some(Value::Number(393.545496)));
    assert_eq!(t4[9], Some(Value::Number(3.6)));
}

#[test]
fn totals_are_formulas_with_cached_values() {
    let sheets = produced();
    assert_eq!(sheets[1].formulas.get(&(HEADER_ROW + 2, 8)).map(String::as_str), Some("SUM(A5:H5)"));
    assert_eq!(sheets[2].formulas.get(&(HEADER_ROW + 3, 12)).map(String::as_str), Some("SUM(A6:L6)"));
    assert_eq!(sheets[2].cells[&(HEADER_ROW + 3, 12)], Value::Number(10.0));
}

#[test]
fn notes_under_each_table() {
    let sheets = produced();
    let texts: Vec<String> = sheets[3].cells.values().map(Value::text).collect();
    assert!(texts.iter().any(|t| t == "说明：1.统计时间范围为每年1月1日至12月31日实际发生数。"), "{texts:?}");
    assert!(texts.iter().any(|t| t.trim_start_matches('\u{3000}') == "2.检查1个检查对象，有完整、详细的检查记录，统计为检查1次"));
}

#[test]
fn the_table_text_is_the_reference_part_two() {
    let sheets = produced();
    let mut text = String::new();
    // The printed sheets; the data sheet repeats the figures in long form.
    for s in sheets.iter().filter(|s| s.name != "数据") {
        for v in s.cells.values() {
            text.push_str(&v.text());
        }
    }
    let reference = er_testkit::squash(&reference());
    let part2 = &reference[reference.find("表一").unwrap()..];
    let text = er_testkit::squash(&text).replace('\u{3000}', "");
    if let Some(d) = er_testkit::first_difference(part2, &text) {
        panic!("XLSX text differs from the reference's Part 2 {d}");
    }
}

/// The DOCX and the XLSX name this program and its version as their maker
/// (docProps/app.xml), not Word or Excel, read with Python's zipfile.
#[test]
fn the_files_name_this_program_as_their_maker() {
    let dir = scratch("maker");
    for format in ["docx", "xlsx"] {
        render(&fixture(), format, &dir);
        let file = dir.join(format!("aral-emergency-2024.{format}"));
        let got = python(
            "import re, sys, zipfile\nx = zipfile.ZipFile(sys.argv[1]).read('docProps/app.xml').decode()\nprint(re.search('<Application>(.*?)</Application>', x).group(1), re.search('<AppVersion>(.*?)</AppVersion>', x).group(1))",
            &[file.to_str().unwrap()],
        );
        assert_eq!(got.trim(), format!("enforcement-report {} 00.0100", env!("CARGO_PKG_VERSION")), "{format}");
    }
}
