//! Text that breaks naive writers: XML specials, spreadsheet formula
//! prefixes, very long paragraphs and labels, the largest figures.

use crate::common;

use common::*;

const NASTY: &str = r#"A<B>&"C"'D']]>"#;

fn hazardous() -> std::path::PathBuf {
    let dir = scratch("hazards-src");
    let long = "很长的段落".repeat(2000);
    let label60 = "拍卖或者依法处理查封扣押的场所设施或者财物".repeat(3);
    edited_fixture(
        &dir,
        "hazards.yaml",
        &[
            ("agency: 第一师阿拉尔市应急管理局", &format!("agency: \"第一师{}\"", NASTY.replace('"', "\\\""))),
            ("    - h1: 一、行政执法信息情况", &format!("    - h1: 一、行政执法信息情况\n    - p: \"{}\"\n    - p: {long}", NASTY.replace('"', "\\\""))),
            ("  表二:\n", "  表二:\n    标签:\n      罚款: '=SUM(A1:A9)'\n      警告: '+1'\n    标题: '@行政处罚实施情况统计表'\n"),
            ("      - 行政处罚实施数量的统计范围为统计年度1月1日至12月31日期间作出行政处罚决定的数量。", "      - '-5 开头的说明'"),
            ("  表三:\n", &format!("  表三:\n    标签:\n      拍卖或者依法处理查封、扣押的场所、设施或者财物: {}\n", &label60[..label60.len()])),
            ("    罚款: 27", "    罚款: 4294967285"),
            ("    合计: 37\n", ""),
            ("罚没金额: 173.7821088", "罚没金额: '99999999.1234567'"),
            ("    行政检查次数: 426", "    行政检查次数: 4294967295"),
        ],
    )
}

#[test]
fn hazards_render_correctly_in_every_format() {
    let f = hazardous();
    let o = run(&["check", f.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = scratch("hazards");

    let docx = er_read::docx::Docx::read(&render(&f, "docx", &out)).unwrap();
    let text = docx.text();
    assert!(text.contains(NASTY), "DOCX keeps XML specials");
    assert!(text.contains("=SUM(A1:A9)") && text.contains("4294967295") && text.contains("99999999.1234567"));
    assert!(text.contains(&"很长的段落".repeat(2000)));

    let sheets = er_read::xlsx::read(&render(&f, "xlsx", &out)).unwrap();
    let t2 = &sheets[1];
    // The label wraps in its narrow column; it stays text, never a formula.
    assert!(matches!(&t2.cells[&(3, 1)], er_read::xlsx::Value::Text(t) if t.replace('\n', "") == "=SUM(A1:A9)"));
    assert!(t2.formulas.get(&(3, 1)).is_none());
    assert_eq!(t2.cells[&(3, 0)].text(), "+1");
    assert_eq!(t2.cells[&(1, 0)].text(), "@行政处罚实施情况统计表");
    assert!(t2.cells.values().any(|v| v.text() == "说明：1.-5 开头的说明"));
    assert_eq!(t2.cells[&(4, 8)], er_read::xlsx::Value::Number(4294967295.0), "合计 computed");

    let pdf = er_read::pdf::read(&render(&f, "pdf", &out)).unwrap();
    let text: String = pdf.iter().flat_map(|p| p.runs.iter().map(|r| r.text.clone())).collect();
    assert!(text.contains(NASTY) && text.contains("=SUM(A1:"));
    assert!(pdf.len() > 12, "the long paragraph paginates: {} pages", pdf.len());
}
