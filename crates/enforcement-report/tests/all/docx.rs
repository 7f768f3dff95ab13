//! The DOCX read back: text, sections, tables with their merges, fonts.

use crate::common;

use common::*;
use er_read::docx::Docx;
use er_testkit::{first_difference, squash};

fn produced() -> Docx {
    let out = scratch("docx");
    Docx::read(&render(&fixture(), "docx", &out)).expect("readable DOCX")
}

#[test]
fn every_character_of_the_reference_in_order() {
    let d = produced();
    let text = squash(&d.text());
    if let Some(diff) = first_difference(&squash(&reference()), &text) {
        panic!("the DOCX text differs from the reference {diff}");
    }
}

#[test]
fn two_sections_portrait_then_landscape_with_the_official_margins() {
    let d = produced();
    assert_eq!(d.sections.len(), 2);
    let (p, l) = (&d.sections[0], &d.sections[1]);
    let tw = |mm: f64| (mm * 1440.0 / 25.4).round() as i64;
    assert_eq!((p.width, p.height), (tw(210.0), tw(297.0)));
    assert_eq!((p.top, p.bottom, p.left, p.right), (tw(37.0), tw(35.0), tw(28.0), tw(26.0)));
    assert_eq!((l.width, l.height, l.orient.as_deref()), (tw(297.0), tw(210.0), Some("landscape")));
}

#[test]
fn four_tables_with_the_merged_cells_of_the_spec() {
    let d = produced();
    assert_eq!(d.tables.len(), 4);
    let merged = |t: usize| -> Vec<String> {
        d.table_grid(t).into_iter().filter(|c| c.2 > 1 || c.3 > 1).map(|c| format!("{} [{}×{}]", c.4, c.3, c.2)).collect()
    };
    assert_eq!(merged(0), ["行政许可实施数量（宗） [5×1]"]);
    assert_eq!(merged(1), ["行政处罚实施数量（宗） [10×1]"]);
    assert_eq!(
        merged(2),
        ["行政强制措施实施数量（宗） [5×2]", "行政强制执行实施数量（宗） [7×1]", "合并 [1×3]", "行政机关强制执行 [6×1]", "申请法院强制执行 [1×2]"]
    );
    assert_eq!(merged(3), ["行政征收 [2×1]", "行政裁决 [2×1]", "行政给付 [2×1]", "行政奖励 [2×1]"]);
    // Every row covers the whole grid.
    for t in 0..4 {
        let cols = d.grids[t].len();
        for row in &d.tables[t] {
            assert_eq!(row.iter().map(|c| c.grid_span).sum::<usize>(), cols, "table {t}");
        }
    }
}

#[test]
fn each_figure_in_its_cell_and_blanks_empty() {
    let d = produced();
    let values = |t: usize| -> Vec<String> { d.tables[t].last().unwrap().iter().map(|c| c.text.clone()).collect() };
    assert_eq!(values(0), ["39", "39", "39", "0", "0"]);
    assert_eq!(values(1), ["", "27", "10", "", "", "", "", "", "37", "173.7821088"]);
    assert_eq!(values(2), ["0", "0", "10", "0", "0", "0", "0", "0", "0", "0", "0", "0", "10"]);
    assert_eq!(values(3), ["0", "0", "426", "0", "0", "9284", "393.545496", "201", "2", "3.6", "84"]);
}

#[test]
fn fonts_and_sizes_of_body_and_headings() {
    let d = produced();
    let find = |t: &str| d.paragraphs.iter().find(|p| p.text.starts_with(t)).unwrap_or_else(|| panic!("{t}"));
    let body = find("2024年，第一师");
    assert_eq!((body.fonts[0].as_str(), body.sizes[0], body.first_line), ("仿宋_GB2312", 32, Some(640)));
    assert_eq!(body.align.as_deref(), Some("both"));
    assert_eq!(find("一、行政执法信息情况").fonts[0], "黑体");
    assert_eq!(find("（一）开展专项整治工作情况。").fonts[0], "楷体_GB2312");
    assert_eq!(find("第一部分").align.as_deref(), Some("center"));
    let lead = find("1.重点领域监管整治情况。");
    assert!(lead.fonts.iter().all(|f| f == "仿宋_GB2312"));
}

#[test]
fn two_renders_in_one_process_give_the_same_bytes() {
    let l = er_data::load_file(&fixture()).unwrap();
    let doc = er_typeset::build(&l.report);
    assert_eq!(er_docx::write(&doc).unwrap(), er_docx::write(&doc).unwrap());
}
