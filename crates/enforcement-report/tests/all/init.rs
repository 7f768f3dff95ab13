//! Next year's report from this year's, and the example made that way.

use crate::common;

use common::*;

#[test]
fn init_then_check_lists_every_figure_to_fill() {
    let dir = scratch("init");
    let new = dir.join("next.yaml");
    let o = run(&["init", "--from", fixture().to_str().unwrap(), "--year", "2025", "-o", new.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = run(&["check", new.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    // Every figure that was not blank is to fill; totals are computed.
    for key in ["表一 申请数量", "表二 罚款", "表二 罚没金额", "表三 扣押财物", "表四 行政给付总金额", "表四 其他行政执法行为宗数"] {
        assert!(err.contains(&format!("{key} is still to fill")), "{key}: {err}");
    }
    assert!(!err.contains("表二 警告 is still to fill") && !err.contains("表二 合计 is still to fill"), "{err}");
    let text = std::fs::read_to_string(&new).unwrap();
    assert!(text.contains("year: 2025") && text.contains("previous_year:") && text.contains("申请数量: 39"));
    assert!(text.contains("{表二.罚没金额:元}"), "the narrative keeps its references");
}

#[test]
fn init_never_overwrites_a_file() {
    let dir = scratch("init-exists");
    let new = dir.join("next.yaml");
    std::fs::write(&new, "keep me").unwrap();
    let o = run(&["init", "--from", fixture().to_str().unwrap(), "--year", "2025", "-o", new.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&new).unwrap(), "keep me");
}

#[test]
fn the_example_renders_in_all_formats_with_computed_phrases() {
    let f = root().join("fixtures/example-2025.yaml");
    let o = run(&["check", f.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = scratch("example");
    let docx = er_read::docx::Docx::read(&render(&f, "docx", &out)).unwrap();
    let text = er_testkit::squash(&docx.text());
    assert!(text.contains("申请总数为45件，同比上年度增长15%"), "45 against 39");
    assert!(text.contains("兑现举报奖励3起，同比上年度增长50%"), "3 against 2");
    assert!(text.contains("行政给付9100人次，同比上年度下降1.982%"), "9100 against 9284, 3 decimals");
    let pdf = er_read::pdf::read(&render(&f, "pdf", &out)).unwrap();
    let text: String = pdf.iter().flat_map(|p| p.runs.iter().map(|r| r.text.clone())).collect();
    assert!(er_testkit::squash(&text).contains("同比上年度增长15%"));
    let sheets = er_read::xlsx::read(&render(&f, "xlsx", &out)).unwrap();
    assert_eq!(sheets[1].cells[&(4, 8)], er_read::xlsx::Value::Number(38.0), "合计 computed: 30 + 8");
}

#[test]
fn schema_prints_the_committed_schema() {
    let o = run(&["schema"]);
    assert!(o.status.success());
    let committed = std::fs::read_to_string(root().join("docs/report.schema.json")).unwrap();
    assert_eq!(String::from_utf8_lossy(&o.stdout), committed);
}

/// `init` writes its comments in the user's language, marks the report
/// date it cannot know as a placeholder that `check` refuses until the
/// clerk writes the date signed, and names last year's figures written
/// out in the text (37 where the text could say {表二.合计}).
#[test]
fn init_speaks_chinese_flags_the_placeholder_date_and_literal_figures() {
    let dir = scratch("init-zh");
    let src = edited_fixture(&dir, "src.yaml", &[("行政处罚总数为{表二.合计}件", "行政处罚总数为37件")]);
    let next = dir.join("next.yaml");
    let o = run_in("zh_CN.UTF-8", &["init", "--from", src.to_str().unwrap(), "--year", "2025", "-o", next.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.lines().any(|l| l.contains("“37”") && l.contains("{表二.合计}") && l.contains("2.行政处罚实施情况。")), "{err}");
    let text = std::fs::read_to_string(&next).unwrap();
    // Every comment line but the schema's is Chinese.
    for line in text.lines().filter(|l| l.trim_start().starts_with('#') && !l.contains("yaml-language-server")) {
        assert!(line.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "not Chinese: {line}");
        assert!(!line.contains(" the ") && !line.contains("placeholder"), "English: {line}");
    }
    let o = run_in("zh_CN.UTF-8", &["check", next.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.lines().any(|l| l.starts_with(&format!("{}:8:", next.display())) && l.contains("占位日期")), "{err}");
    // The date written and the mark taken away: no longer refused for it.
    let signed = text.lines().map(|l| if l.starts_with("report_date:") { "report_date: 2026-01-20".to_string() } else { l.to_string() }).collect::<Vec<_>>().join("\n");
    std::fs::write(&next, signed).unwrap();
    let o = run_in("zh_CN.UTF-8", &["check", next.to_str().unwrap()]);
    assert!(!String::from_utf8_lossy(&o.stderr).contains("占位日期"), "{}", String::from_utf8_lossy(&o.stderr));
}
