//! The text follows the data: figures cited in the narrative are rendered
//! from the tables, in every format, and bad references are located errors.

use crate::common;

use common::*;
use er_testkit::squash;

fn corrected() -> std::path::PathBuf {
    let dir = scratch("corrected-src");
    edited_fixture(
        &dir,
        "corrected.yaml",
        &[("    罚款: 27", "    罚款: 28"), ("    合计: 37", "    合计: 38"), ("罚没金额: 173.7821088", "罚没金额: 173.7821089")],
    )
}

#[test]
fn a_corrected_figure_changes_table_and_text_in_all_three_formats() {
    let f = corrected();
    let out = scratch("corrected");
    let docx = er_read::docx::Docx::read(&render(&f, "docx", &out)).unwrap();
    let text = squash(&docx.text());
    assert!(text.contains("行政处罚总数为38件") && text.contains("罚没总额1737821.089元"), "DOCX text");
    let row: Vec<String> = docx.tables[1].last().unwrap().iter().map(|c| c.text.clone()).collect();
    assert_eq!(row[1..2], ["28"]);
    assert_eq!(row[8..10], ["38", "173.7821089"]);

    let pdf = er_read::pdf::read(&render(&f, "pdf", &out)).unwrap();
    let text = squash(&pdf.iter().flat_map(|p| p.runs.iter().map(|r| r.text.clone())).collect::<String>());
    assert!(text.contains("行政处罚总数为38件") && text.contains("罚没总额1737821.089元"), "PDF text");
    assert!(text.contains("281038173.7821089"), "PDF table row");

    let sheets = er_read::xlsx::read(&render(&f, "xlsx", &out)).unwrap();
    use er_read::xlsx::Value::Number;
    assert_eq!(sheets[1].cells[&(4, 1)], Number(28.0));
    assert_eq!(sheets[1].cells[&(4, 8)], Number(38.0));
    assert_eq!(sheets[1].cells[&(4, 9)], Number(173.7821089));
}

fn check_error(edits: &[(&str, &str)], needle: &str) -> String {
    let dir = scratch("refs");
    let f = edited_fixture(&dir, "r.yaml", edits);
    let o = run(&["check", f.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(1), "{err}");
    let src = std::fs::read_to_string(&f).unwrap();
    let (line, text) = src.lines().enumerate().find(|(_, l)| l.contains(needle)).unwrap();
    let col = text.chars().count() - text.split_once(needle).unwrap().1.chars().count() - needle.chars().count() + 1;
    assert!(err.contains(&format!("r.yaml:{}:{col}:", line + 1)), "expected line {} column {col} in:\n{err}", line + 1);
    err
}

#[test]
fn an_unknown_reference_is_located() {
    let err = check_error(&[("{表二.合计}件", "{表二.总计}件")], "{表二.总计}");
    assert!(err.contains("表二 has no figure 总计"), "{err}");
}

#[test]
fn a_unit_that_does_not_fit_is_located() {
    let err = check_error(&[("{表二.合计}件", "{表二.合计:元}件")], "{表二.合计:元}");
    assert!(err.contains("is a count, not an amount"), "{err}");
}

#[test]
fn a_reference_to_a_blank_cell_is_located() {
    let err = check_error(&[("{表二.合计}件", "{表二.警告}件")], "{表二.警告}");
    assert!(err.contains("blank (the agency has no such power)"), "{err}");
}

#[test]
fn year_on_year_phrases_from_last_years_figures() {
    let dir = scratch("yoy");
    let f = edited_fixture(
        &dir,
        "r.yaml",
        &[
            ("同比上年度下降22%；予以许可", "{表一.申请数量:同比}；予以许可"),
            ("tables:\n", "previous_year:\n  表一:\n    申请数量: 50\n  表二:\n    合计: 0\n  表四:\n    行政奖励次数: 1\n    行政确认次数: 201\ntables:\n"),
            ("{表二.合计}件，同比上年度下降26%", "{表二.合计}件，{表二.合计:同比}"),
            ("兑现举报奖励{表四.行政奖励次数}起，同比上一年度增长100%", "兑现举报奖励{表四.行政奖励次数}起，{表四.行政奖励次数:同比}"),
            ("考试通过并取证{表四.行政确认次数}人，同比上一年度下降78.13%", "考试通过并取证{表四.行政确认次数}人，{表四.行政确认次数:同比:2}"),
        ],
    );
    let o = run(&["check", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let out = scratch("yoy-out");
    let docx = er_read::docx::Docx::read(&render(&f, "docx", &out)).unwrap();
    let text = squash(&docx.text());
    assert!(text.contains("申请总数为39件，同比上年度下降22%"), "fall");
    assert!(text.contains("兑现举报奖励2起，同比上年度增长100%"), "rise");
    assert!(text.contains("取证201人，与上年度持平"), "no change");
    assert!(text.contains("总数为37件，上年度为0，无法计算同比增减幅度"), "previous year of 0");
}

#[test]
fn a_hand_written_percentage_that_disagrees_is_a_warning() {
    let dir = scratch("yoy-warn");
    let f = edited_fixture(&dir, "r.yaml", &[("tables:\n", "previous_year:\n  表一:\n    申请数量: 40\ntables:\n")]);
    let o = run(&["check", f.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("warning") && err.contains("22%") && err.contains("同比上年度下降3%"), "{err}");
}
