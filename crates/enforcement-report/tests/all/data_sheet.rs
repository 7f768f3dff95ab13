//! The figures as the statistics desk loads them: the XLSX's long data
//! sheet (an Excel table), the printed sheets' defined names, frozen panes
//! and protected totals, and the CSV. Expectations are the fixture's
//! figures and the published labels, written out here.

use crate::common;

use common::*;
use er_read::xlsx::Value;

/// (表, 键, 指标 (the header path), 值 as printed or "" for a blank, 单位) of
/// the reference, in order; the units are the bingtuan-2024 template's (表四
/// counts every act in 次), the paths its printed header's labels.
const EXPECTED: [(&str, &str, &str, &str, &str); 39] = [
    ("表一", "申请数量", "行政许可实施数量（宗） › 申请数量", "39", "宗"),
    ("表一", "受理数量", "行政许可实施数量（宗） › 受理数量", "39", "宗"),
    ("表一", "许可数量", "行政许可实施数量（宗） › 许可数量", "39", "宗"),
    ("表一", "不予许可数量", "行政许可实施数量（宗） › 不予许可数量", "0", "宗"),
    ("表一", "撤销许可数量", "行政许可实施数量（宗） › 撤销许可数量", "0", "宗"),
    ("表二", "警告", "行政处罚实施数量（宗） › 警告", "", "宗"),
    ("表二", "罚款", "行政处罚实施数量（宗） › 罚款", "27", "宗"),
    ("表二", "没收违法所得、没收非法财物", "行政处罚实施数量（宗） › 没收违法所得、没收非法财物", "10", "宗"),
    ("表二", "暂扣许可证、执照", "行政处罚实施数量（宗） › 暂扣许可证、执照", "", "宗"),
    ("表二", "责令停产停业", "行政处罚实施数量（宗） › 责令停产停业", "", "宗"),
    ("表二", "吊销许可证、执照", "行政处罚实施数量（宗） › 吊销许可证、执照", "", "宗"),
    ("表二", "行政拘留", "行政处罚实施数量（宗） › 行政拘留", "", "宗"),
    ("表二", "其他行政处罚", "行政处罚实施数量（宗） › 其他行政处罚", "", "宗"),
    ("表二", "合计", "行政处罚实施数量（宗） › 合计（宗）", "37", "宗"),
    ("表二", "罚没金额", "行政处罚实施数量（宗） › 罚没金额（万元）", "173.7821088", "万元"),
    ("表三", "限制公民人身自由", "行政强制措施实施数量（宗） › 限制公民人身自由", "0", "宗"),
    ("表三", "查封场所、设施或者财物", "行政强制措施实施数量（宗） › 查封场所、设施或者财物", "0", "宗"),
    ("表三", "扣押财物", "行政强制措施实施数量（宗） › 扣押财物", "10", "宗"),
    ("表三", "冻结存款、汇款", "行政强制措施实施数量（宗） › 冻结存款、汇款", "0", "宗"),
    ("表三", "其他行政强制措施", "行政强制措施实施数量（宗） › 其他行政强制措施", "0", "宗"),
    ("表三", "加处罚款或者滞纳金", "行政强制执行实施数量（宗） › 行政机关强制执行 › 加处罚款或者滞纳金", "0", "宗"),
    ("表三", "划拨存款、汇款", "行政强制执行实施数量（宗） › 行政机关强制执行 › 划拨存款、汇款", "0", "宗"),
    ("表三", "拍卖或者依法处理查封、扣押的场所、设施或者财物", "行政强制执行实施数量（宗） › 行政机关强制执行 › 拍卖或者依法处理查封、扣押的场所、设施或者财物", "0", "宗"),
    ("表三", "排除妨碍、恢复原状", "行政强制执行实施数量（宗） › 行政机关强制执行 › 排除妨碍、恢复原状", "0", "宗"),
    ("表三", "代履行", "行政强制执行实施数量（宗） › 行政机关强制执行 › 代履行", "0", "宗"),
    ("表三", "其他强制执行", "行政强制执行实施数量（宗） › 行政机关强制执行 › 其他强制执行", "0", "宗"),
    ("表三", "申请法院强制执行", "行政强制执行实施数量（宗） › 申请法院强制执行", "0", "宗"),
    ("表三", "合并", "合并", "10", "宗"),
    ("表四", "行政征收次数", "行政征收 › 次数", "0", "次"),
    ("表四", "行政征收总金额", "行政征收 › 总金额（万元）", "0", "万元"),
    ("表四", "行政检查次数", "行政检查 › 次数", "426", "次"),
    ("表四", "行政裁决次数", "行政裁决 › 次数", "0", "次"),
    ("表四", "行政裁决涉及金额", "行政裁决 › 涉及金额（万元）", "0", "万元"),
    ("表四", "行政给付次数", "行政给付 › 次数", "9284", "次"),
    ("表四", "行政给付总金额", "行政给付 › 给付总金额（万元）", "393.545496", "万元"),
    ("表四", "行政确认次数", "行政确认 › 次数", "201", "次"),
    ("表四", "行政奖励次数", "行政奖励 › 次数", "2", "次"),
    ("表四", "行政奖励总金额", "行政奖励 › 奖励总金额（万元）", "3.6", "万元"),
    ("表四", "其他行政执法行为宗数", "其他行政执法行为 › 宗数", "84", "宗"),
];

#[test]
fn the_data_sheet_holds_every_figure_in_long_form() {
    let bytes = render(&fixture(), "xlsx", &scratch("data-sheet"));
    let sheets = er_read::xlsx::read(&bytes).unwrap();
    let data = sheets.iter().find(|s| s.name == "数据").expect("a sheet 数据");
    let cell = |r: u32, c: u32| data.cells.get(&(r, c)).cloned();
    let header: Vec<String> = (0..9).map(|c| cell(0, c).unwrap().text()).collect();
    assert_eq!(header, ["表", "表名", "键", "指标", "值", "单位", "类型", "机关", "年度"]);
    for (i, (table, key, indicator, value, unit)) in EXPECTED.iter().enumerate() {
        let r = i as u32 + 1;
        assert_eq!(cell(r, 0).unwrap().text(), *table, "row {r}");
        assert_eq!(cell(r, 2).unwrap().text(), *key, "row {r}");
        assert_eq!(cell(r, 3).unwrap().text(), *indicator, "row {r}");
        match cell(r, 4) {
            None => assert_eq!(*value, "", "row {r}: {indicator} should be blank"),
            Some(Value::Number(n)) => assert_eq!(n, value.parse::<f64>().unwrap(), "row {r}: {indicator}"),
            Some(other) => panic!("row {r}: {other:?}"),
        }
        assert_eq!(cell(r, 5).unwrap().text(), *unit, "row {r}");
        assert_eq!(cell(r, 7).unwrap().text(), "第一师阿拉尔市应急管理局");
        assert_eq!(cell(r, 8), Some(Value::Number(2024.0)));
    }
    assert!(cell(EXPECTED.len() as u32 + 1, 0).is_none(), "no more rows");

    let parts = er_read::docx::parts(&bytes).unwrap();
    let workbook = String::from_utf8_lossy(&parts["xl/workbook.xml"]).into_owned();
    // Defined names of the printed tables' value rows (表三's header is 3 rows deep).
    assert!(workbook.contains(r#"<definedName name="表一_数值">'表一'!$A$5:$E$5</definedName>"#), "{workbook}");
    assert!(workbook.contains(r#"<definedName name="表三_数值">'表三'!$A$6:$M$6</definedName>"#), "{workbook}");
    let tables: Vec<&String> = parts.keys().filter(|k| k.starts_with("xl/tables/")).collect();
    assert_eq!(tables.len(), 1, "the data is an Excel table");
    let t = String::from_utf8_lossy(&parts[tables[0]]).into_owned();
    assert!(t.contains(r#"ref="A1:I40""#), "{t}");
    // The printed 表三: frozen under its header, protected, the total locked.
    let s3 = String::from_utf8_lossy(&parts["xl/worksheets/sheet3.xml"]).into_owned();
    assert!(s3.contains(r#"ySplit="5""#) && s3.contains("<sheetProtection"), "{s3}");
}

#[test]
fn the_csv_holds_the_same_rows_with_a_bom() {
    let dir = scratch("csv");
    let o = run(&["render", "--format", "csv", "-o", dir.to_str().unwrap(), fixture().to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(dir.join("aral-emergency-2024.csv")).unwrap();
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 with BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], "表,表名,键,指标,值,单位,类型,机关,年度");
    assert_eq!(lines.len(), EXPECTED.len() + 1);
    for (line, (table, key, indicator, value, unit)) in lines[1..].iter().zip(EXPECTED) {
        let f: Vec<&str> = line.split(',').collect();
        // 没收违法所得、没收非法财物 holds no comma (、 is not one): 9 fields.
        assert_eq!(f.len(), 9, "{line}");
        assert_eq!((f[0], f[2], f[3], f[4], f[5], f[8]), (table, key, indicator, value, unit, "2024"), "{line}");
    }
}

/// The same data sheet loaded with pandas, as the statistics desk loads it
/// (scripts/check-data-sheet.py; `make test` installs pandas).
#[test]
fn pandas_reads_the_data_sheet() {
    let dir = scratch("pandas");
    let bytes = render(&fixture(), "xlsx", &dir);
    let xlsx = dir.join("report.xlsx");
    std::fs::write(&xlsx, bytes).unwrap();
    let tsv: String = EXPECTED.iter().map(|(t, k, i, v, _)| format!("{t}\t{k}\t{i}\t{v}\n")).collect();
    let expected = dir.join("expected.tsv");
    std::fs::write(&expected, tsv).unwrap();
    let o = std::process::Command::new("python3").arg(root().join("scripts/check-data-sheet.py")).arg(&xlsx).arg(&expected).output().unwrap();
    assert!(o.status.success(), "{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("39 figures read with pandas"));
}

