//! `diff` of data files and of produced files, the correction notice, and
//! the same bytes whatever the time zone, locale and clock.

use crate::common;

use common::*;

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn data_diff_reports_each_change_once_in_order() {
    let dir = scratch("diff-data");
    let new = edited_fixture(
        &dir,
        "new.yaml",
        &[
            ("首违不罚。", "首次违法不予处罚。"),
            ("  表二:\n", "  表二:\n    标签:\n      合计: 合计（件）\n"),
            ("    罚款: 27", "    罚款: 28"),
            ("    合计: 37", "    合计: 38"),
            ("      - “罚没金额”以处罚决定书确定的金额为准。", "      - “罚没金额”以行政处罚决定书确定的金额为准。"),
        ],
    );
    // The places as the data names them, in the interface's language.
    for (lang, colon, label, note) in [("C", ':', "表二 label 合计", "表二 note 4"), ("zh_CN.UTF-8", '：', "表二 表头 合计", "表二 说明 4")] {
        let o = run_in(lang, &["diff", fixture().to_str().unwrap(), new.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1));
        let lines: Vec<String> = stdout(&o).lines().map(|l| l.split(colon).next().unwrap().to_string()).collect();
        assert_eq!(
            lines,
            ["第一部分 › 二、行政执法情况综述 › （三）具体行政执法实施情况。 › 2.行政处罚实施情况。", label, "表二 罚款", "表二 合计", note],
            "{}",
            stdout(&o)
        );
        assert!(stdout(&o).contains(&format!("表二 罚款{colon} 27 → 28").replace("： ", "：")), "{}", stdout(&o));
    }
}

#[test]
fn a_file_compared_with_itself_has_no_difference() {
    let out = scratch("diff-self");
    for f in ["docx", "xlsx", "pdf"] {
        render(&fixture(), f, &out);
        let p = out.join(format!("aral-emergency-2024.{f}"));
        let o = run(&["diff", p.to_str().unwrap(), p.to_str().unwrap()]);
        assert_eq!((o.status.code(), stdout(&o)), (Some(0), String::new()), "{f}");
    }
    let o = run(&["diff", fixture().to_str().unwrap(), fixture().to_str().unwrap()]);
    assert_eq!((o.status.code(), stdout(&o)), (Some(0), String::new()));
}

#[test]
fn one_changed_figure_is_reported_with_its_total_and_text_and_nothing_else() {
    let a = scratch("diff-a");
    let b = scratch("diff-b");
    let src = scratch("diff-src");
    let new = edited_fixture(&src, "aral-emergency-2024.yaml", &[("    罚款: 27", "    罚款: 28"), ("    合计: 37", "    合计: 38")]);
    for f in ["docx", "xlsx", "pdf"] {
        render(&fixture(), f, &a);
        render(&new, f, &b);
        let (pa, pb) = (a.join(format!("aral-emergency-2024.{f}")), b.join(format!("aral-emergency-2024.{f}")));
        let o = run(&["diff", "--json", pa.to_str().unwrap(), pb.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{f}");
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let diffs = v.as_array().unwrap();
        let olds: Vec<&str> = diffs.iter().map(|d| d["old"].as_str().unwrap()).collect();
        match f {
            "xlsx" => {
                // The printed 表二 and the long data sheet.
                assert_eq!(olds, ["27", "37", "27", "37"], "{f}: {v}");
                let places: Vec<&str> = diffs.iter().map(|d| d["place"].as_str().unwrap()).collect();
                assert_eq!(places, ["表二!B5", "表二!I5", "数据!E8", "数据!E15"]);
            }
            "docx" => {
                assert_eq!(diffs.len(), 3, "{f}: {v}");
                assert!(olds[0].contains("行政处罚总数为37件"));
                assert_eq!(olds[1..], ["27", "37"]);
            }
            _ => {
                // The paragraph's line and the table's row.
                assert_eq!(diffs.len(), 2, "{f}: {v}");
                assert!(olds[0].contains("总数为37件") && olds[1].contains("2710") && olds[1].contains("37"), "{v}");
            }
        }
    }
}

#[test]
fn the_correction_notice_word_for_word() {
    let src = scratch("notice");
    let new = edited_fixture(&src, "new.yaml", &[("    罚款: 27", "    罚款: 28"), ("    合计: 37", "    合计: 38")]);
    let o = run(&["diff", fixture().to_str().unwrap(), new.to_str().unwrap(), "--notice", "--date", "2025-02-10"]);
    assert_eq!(
        stdout(&o),
        "# 更正说明\n\n第一师阿拉尔市应急管理局2024年行政执法年度报告中，下列内容有误，现更正如下：\n\n\
         1. 第一部分 › 二、行政执法情况综述 › （三）具体行政执法实施情况。 › 2.行政处罚实施情况：“行政处罚总数为37件”更正为“行政处罚总数为38件”。\n\
         2. 表二 行政处罚实施情况统计表：罚款由27宗更正为28宗，合计由37宗更正为38宗。\n\n特此更正。\n\n\
         第一师阿拉尔市应急管理局  \n2025年2月10日\n"
    );
    assert_eq!(o.status.code(), Some(0), "a notice written is a success");
    let docx = src.join("notice.docx");
    let o = run(&["diff", fixture().to_str().unwrap(), new.to_str().unwrap(), "--notice", "--format", "docx", "-o", docx.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let d = er_read::docx::Docx::read(&std::fs::read(&docx).unwrap()).unwrap();
    assert!(d.text().contains("2.表二 行政处罚实施情况统计表：罚款由27宗更正为28宗，合计由37宗更正为38宗。"));
    assert!(d.text().contains("1.第一部分 › 二、行政执法情况综述 › （三）具体行政执法实施情况。 › 2.行政处罚实施情况：“行政处罚总数为37件”更正为“行政处罚总数为38件”。"));
    assert_eq!(d.sections.len(), 1);
}

#[test]
fn the_same_bytes_whatever_the_time_zone_locale_and_clock() {
    let render_with = |env: &[(&str, &str)], name: &str| -> Vec<Vec<u8>> {
        let out = scratch(name);
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_enforcement-report"));
        c.args(["render", fixture().to_str().unwrap(), "-o", out.to_str().unwrap(), "--fonts", "bundled"]);
        for (k, v) in env {
            c.env(k, v);
        }
        assert!(c.output().unwrap().status.success());
        ["docx", "pdf", "xlsx"].iter().map(|f| std::fs::read(out.join(format!("aral-emergency-2024.{f}"))).unwrap()).collect()
    };
    let a = render_with(&[("TZ", "UTC"), ("LANG", "C")], "tz-a");
    let b = render_with(&[("TZ", "Asia/Shanghai"), ("LANG", "zh_CN.UTF-8"), ("SOURCE_DATE_EPOCH", "1700000000")], "tz-b");
    assert!(a == b, "renders differ across TZ/LANG/SOURCE_DATE_EPOCH");
}

/// The DOCX with one part's XML edited: `old` replaced by `new`.
fn docx_edited(src: &std::path::Path, dst: &std::path::Path, part: &str, old: &str, new: &str) {
    use std::io::{Read, Write};
    let mut zin = zip::ZipArchive::new(std::fs::File::open(src).unwrap()).unwrap();
    let mut zout = zip::ZipWriter::new(std::fs::File::create(dst).unwrap());
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        if name == part {
            let text = String::from_utf8(bytes).unwrap();
            assert!(text.contains(old), "{old} not in {part}");
            bytes = text.replacen(old, new, 1).into_bytes();
        }
        zout.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        zout.write_all(&bytes).unwrap();
    }
    zout.finish().unwrap();
}

/// A report re-saved by LibreOffice as .odt and as .doc (then opened and
/// saved as DOCX again) keeps its landscape page numbers without a border
/// and its headings without numbering: `diff` of the DOCX files finds no
/// border, numbering or style that changed. And `diff` does see them: a
/// text box given an outline and a heading given a numbering are reported.
#[test]
fn a_docx_survives_a_libreoffice_resave_and_diff_sees_borders_and_numbering() {
    let dir = scratch("diff-resave");
    render(&fixture(), "docx", &dir);
    let ours = dir.join("aral-emergency-2024.docx");
    for via in ["odt", "doc"] {
        let step = dir.join(via);
        soffice_convert(&ours, via, &step, &dir);
        let back = dir.join(format!("back-{via}"));
        soffice_convert(&step.join(format!("aral-emergency-2024.{via}")), "docx:MS Word 2007 XML", &back, &dir);
        let o = run(&["diff", ours.to_str().unwrap(), back.join("aral-emergency-2024.docx").to_str().unwrap()]);
        let out = stdout(&o);
        for kind in ["borders", "numbering", "style"] {
            assert!(!out.lines().any(|l| l.starts_with(kind)), "re-saved as .{via}: {out}");
        }
    }

    // The landscape page number drawn with an outline; the first level-1
    // heading numbered from list 1.
    let boxed = dir.join("boxed.docx");
    docx_edited(&ours, &boxed, "word/footer3.xml", "<a:ln><a:noFill/></a:ln>", r#"<a:ln w="6350"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln>"#);
    let o = run(&["diff", ours.to_str().unwrap(), boxed.to_str().unwrap()]);
    assert_eq!(stdout(&o).trim(), "borders text boxes of word/footer3.xml: no border → bordered", "{}", stdout(&o));
    // LibreOffice's re-save links the headings to an outline list that
    // shows nothing (numFmt none): made to show 1、2、 on the level-1
    // headings, `diff` names each numbered heading.
    let resaved = dir.join("back-doc/aral-emergency-2024.docx");
    let numbered = dir.join("numbered.docx");
    docx_edited(
        &resaved,
        &numbered,
        "word/numbering.xml",
        r#"<w:pStyle w:val="Heading1"/><w:numFmt w:val="none"/><w:suff w:val="nothing"/><w:lvlText w:val=""/>"#,
        r#"<w:pStyle w:val="Heading1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/><w:lvlText w:val="%2、"/>"#,
    );
    let o = run_in("zh_CN.UTF-8", &["diff", resaved.to_str().unwrap(), numbered.to_str().unwrap()]);
    let lines: Vec<String> = stdout(&o).lines().map(|l| l.split('：').next().unwrap().to_string()).collect();
    assert_eq!(lines, ["编号 第2段（一、行政执法信息情况）", "编号 第4段（二、行政执法情况综述）"], "{}", stdout(&o));
}

/// A changed paragraph is printed once, its change marked in it (the
/// figure whole: 〔45 → 46〕, not 4〔5 → 6〕); `--json` names what changed
/// in stable English words, whatever the interface's language: "change"
/// is "text" or "figure" (and for files: "text", "cell" …), a figure's
/// "kind" is "count", "amount", "total" or "rate", its table and key
/// apart.
#[test]
fn a_changed_paragraph_is_marked_and_json_speaks_stable_english() {
    let src = scratch("diff-marked");
    let new = edited_fixture(&src, "new.yaml", &[("持有行政执法证件45人", "持有行政执法证件46人"), ("    罚款: 27", "    罚款: 28"), ("    合计: 37", "    合计: 38")]);
    let o = run_in("zh_CN.UTF-8", &["diff", fixture().to_str().unwrap(), new.to_str().unwrap()]);
    let out = String::from_utf8_lossy(&o.stdout);
    let line = out.lines().find(|l| l.contains("第2段")).unwrap_or_else(|| panic!("{out}"));
    assert!(line.contains("〔45 → 46〕") && line.contains("持有行政执法证件〔45 → 46〕人"), "{line}");
    assert_eq!(line.matches("委托团镇").count(), 0, "the paragraph is printed whole: {line}");
    assert!(line.chars().count() < 80, "{line}");
    assert!(out.lines().any(|l| l == "表二 罚款：27 → 28"), "{out}");
    for lang in ["zh_CN.UTF-8", "C"] {
        let o = run_in(lang, &["diff", "--json", fixture().to_str().unwrap(), new.to_str().unwrap()]);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let items = v.as_array().unwrap();
        let fine = items.iter().find(|d| d["key"] == "罚款").unwrap_or_else(|| panic!("{v}"));
        assert_eq!((fine["change"].as_str(), fine["kind"].as_str(), fine["table"].as_str(), fine["unit"].as_str()), (Some("figure"), Some("count"), Some("表二"), Some("宗")), "{lang}: {fine}");
        let total = items.iter().find(|d| d["key"] == "合计").unwrap();
        assert_eq!(total["kind"], "total", "{lang}");
        let text: Vec<&serde_json::Value> = items.iter().filter(|d| d["key"].is_null()).collect();
        assert_eq!(text.len(), 1, "{lang}: {v}");
        assert_eq!(text[0]["change"], "text", "{lang}");
        assert!(text[0]["new"].as_str().unwrap().contains("证件46人"), "{lang}");
    }
    // Two DOCX files: the changed paragraph's "change" is "text".
    let (a, b) = (scratch("diff-marked-a"), scratch("diff-marked-b"));
    render(&fixture(), "docx", &a);
    render(&new, "docx", &b);
    let o = run_in("zh_CN.UTF-8", &["diff", "--json", a.join("aral-emergency-2024.docx").to_str().unwrap(), b.join("new.docx").to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let kinds: std::collections::BTreeSet<&str> = v.as_array().unwrap().iter().map(|d| d["change"].as_str().unwrap()).collect();
    assert!(kinds.iter().all(|k| ["text", "table"].contains(k)) && kinds.contains("text"), "{v}");
}
