//! The bundled fixture is the reference report, every character of it.

use er_data::{check, load_file, Figure, FigureValue};
use er_typeset::build;
use er_document::document::{Block, CellRole};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/aral-emergency-2024.yaml");
const REFERENCE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/aral-emergency-2024.reference.txt");

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_fixture_loads_and_checks_clean() {
    let loaded = load_file(FIXTURE.as_ref()).unwrap_or_else(|e| panic!("{e}"));
    let findings = check(&loaded);
    assert!(findings.is_empty(), "{findings:?}");
}

#[test]
fn the_document_holds_the_reference_text_character_for_character() {
    let loaded = load_file(FIXTURE.as_ref()).unwrap();
    let doc = build(&loaded.report);
    let reference = squash(&std::fs::read_to_string(REFERENCE).unwrap());
    let text = squash(&doc.text_lines().concat());
    if text != reference {
        let i = text.chars().zip(reference.chars()).position(|(a, b)| a != b).unwrap_or(text.len().min(reference.len()));
        let around = |s: &str| s.chars().skip(i.saturating_sub(15)).take(40).collect::<String>();
        panic!("differs at character {i}:\n  reference …{}…\n  document  …{}…", around(&reference), around(&text));
    }
}

#[test]
fn every_line_of_the_reference_is_in_the_document_in_order() {
    let loaded = load_file(FIXTURE.as_ref()).unwrap();
    let doc = squash(&build(&loaded.report).text_lines().concat());
    let mut from = 0;
    for line in std::fs::read_to_string(REFERENCE).unwrap().lines().map(squash).filter(|l| !l.is_empty()) {
        let at = doc[from..].find(&line).unwrap_or_else(|| panic!("not found after byte {from}: {line}"));
        from += at + line.len();
    }
}

#[test]
fn blanks_and_zeros_stay_apart() {
    let loaded = load_file(FIXTURE.as_ref()).unwrap();
    let r = &loaded.report;
    assert_eq!(r.values(1)[0], FigureValue::Count(Figure::NoPower), "表二 警告");
    assert_eq!(r.values(0)[3], FigureValue::Count(Figure::Value(0)), "表一 不予许可数量");
    let doc = build(&loaded.report);
    let Block::Table(t2) = &doc.sections[1].blocks[2] else { panic!("表二 expected") };
    let warning = t2.cell_at(2, 0).unwrap();
    assert_eq!((warning.role, warning.text.as_str()), (CellRole::Blank, ""));
    let total = t2.cell_at(2, 8).unwrap();
    assert_eq!((total.text.as_str(), total.sum_of.clone()), ("37", Some(er_document::document::Sum::Columns((0..8).collect()))));
    assert_eq!(t2.cell_at(2, 9).unwrap().text, "173.7821088");
}

#[test]
fn amounts_are_exact() {
    let loaded = load_file(FIXTURE.as_ref()).unwrap();
    let v = loaded.report.values(1);
    let FigureValue::Amount(Figure::Value(a)) = v[9] else { panic!() };
    assert_eq!(a.in_yuan().unwrap().to_string(), "1737821.088");
    let v = loaded.report.values(3);
    assert_eq!(v[6].text(), "393.545496");
    assert_eq!(v[9].text(), "3.6");
}

#[test]
fn the_default_notes_are_the_reference_notes() {
    let loaded = load_file(FIXTURE.as_ref()).unwrap();
    let r = &loaded.report;
    for (def, data) in r.template.tables.iter().zip(&r.tables) {
        assert_eq!(data.notes.as_ref().unwrap(), &def.notes.items, "{}", def.label);
    }
}

#[test]
fn the_header_grids_are_those_of_the_spec() {
    let loaded = load_file(FIXTURE.as_ref()).unwrap();
    let doc = build(&loaded.report);
    let grids: Vec<Vec<(usize, usize, usize, usize, String)>> = doc.sections[1]
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(
                t.cells.iter().filter(|c| c.role == CellRole::Header).map(|c| (c.row, c.col, c.rows, c.cols, c.text.clone())).collect(),
            ),
            _ => None,
        })
        .collect();
    let spans = |g: &Vec<(usize, usize, usize, usize, String)>| -> Vec<String> {
        g.iter().filter(|c| c.2 > 1 || c.3 > 1).map(|c| format!("{} [{}×{}]", c.4, c.3, c.2)).collect()
    };
    assert_eq!(spans(&grids[0]), ["行政许可实施数量（宗） [5×1]"]);
    assert_eq!(spans(&grids[1]), ["行政处罚实施数量（宗） [10×1]"]);
    assert_eq!(
        spans(&grids[2]),
        ["行政强制措施实施数量（宗） [5×2]", "行政强制执行实施数量（宗） [7×1]", "合并 [1×3]", "行政机关强制执行 [6×1]", "申请法院强制执行 [1×2]"]
    );
    assert_eq!(spans(&grids[3]), ["行政征收 [2×1]", "行政裁决 [2×1]", "行政给付 [2×1]", "行政奖励 [2×1]"]);
}

#[test]
fn a_total_left_out_is_computed() {
    let src = std::fs::read_to_string(FIXTURE).unwrap().replace("    合计: 37\n", "").replace("    合并: 10\n", "");
    let loaded = er_data::load_str(&src, "x.yaml").unwrap();
    assert!(check(&loaded).is_empty());
    let v = loaded.report.values(1);
    assert_eq!(v[8].text(), "37");
    assert_eq!(loaded.report.values(2)[12].text(), "10");
}

#[test]
fn column_widths_share_the_text_width_and_fit_the_numbers() {
    let loaded = load_file(FIXTURE.as_ref()).unwrap();
    let doc = build(&loaded.report);
    for b in &doc.sections[1].blocks {
        if let Block::Table(t) = b {
            let sum: f64 = t.columns.iter().sum();
            assert!((sum - 1.0).abs() < 1e-9, "{}", t.label);
            assert!(t.columns.iter().all(|&w| w > 0.03), "{}: {:?}", t.label, t.columns);
        }
    }
}

fn validate_with_schema(path: &str) {
    let loaded = load_file(path.as_ref()).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&er_data::schema::json_schema(&loaded.report.template)).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let data: serde_json::Value = serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let errors: Vec<String> = validator.iter_errors(&data).map(|e| format!("{} at {}", e, e.instance_path)).collect();
    assert!(errors.is_empty(), "{path}: {errors:?}");
}

#[test]
fn the_schema_validates_both_fixtures() {
    validate_with_schema(FIXTURE);
    validate_with_schema(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/example-2025.yaml"));
    validate_with_schema(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/national-2021-example.yaml"));
    validate_with_schema(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/national-2021-detailed-example.yaml"));
}

#[test]
fn the_schema_refuses_a_typo_and_a_negative_count() {
    let schema: serde_json::Value = serde_json::from_str(&er_data::schema::json_schema(er_template::builtin::default())).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let src = std::fs::read_to_string(FIXTURE).unwrap();
    for (old, new) in [("agency:", "agencyy:"), ("    罚款: 27", "    罚款: -1")] {
        let data: serde_json::Value = serde_yaml::from_str(&src.replacen(old, new, 1)).unwrap();
        assert!(!validator.is_valid(&data), "{new}");
    }
}

#[test]
fn the_committed_schema_is_the_generated_one() {
    let committed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/report.schema.json")).unwrap();
    assert_eq!(committed, er_data::schema::json_schema(er_template::builtin::default()), "run: enforcement-report schema > docs/report.schema.json");
    let committed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/template.schema.json")).unwrap();
    assert_eq!(committed, er_template::schema::json_schema(), "run: enforcement-report check-template --schema > docs/template.schema.json");
}
