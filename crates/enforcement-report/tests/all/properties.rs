//! Random valid reports render in all three formats, and each file read
//! back gives the same figures and text.

use crate::common;

use common::*;
use er_data::report::Block as DataBlock;
use er_data::{Amount, Figure, FigureValue, Report};
use er_document::document::{Block, CellRole};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn base() -> Report {
    er_data::load_file(&fixture()).unwrap().report
}

/// Characters of the reference (all GB2312) plus ASCII letters and digits.
fn alphabet() -> Vec<char> {
    let mut v: Vec<char> = reference().chars().filter(|c| !c.is_whitespace() && !"{}".contains(*c)).collect();
    v.extend("ABCxyz0123456789.%".chars());
    v.sort();
    v.dedup();
    v
}

fn text(max: usize) -> impl Strategy<Value = String> {
    let a = alphabet();
    proptest::collection::vec(0..a.len(), 1..max).prop_map(move |ix| ix.into_iter().map(|i| a[i]).collect())
}

fn count() -> impl Strategy<Value = Figure<u32>> {
    prop_oneof![Just(Figure::NoPower), Just(Figure::Value(0)), (0u32..100_000).prop_map(Figure::Value)]
}

fn amount() -> impl Strategy<Value = Figure<Amount>> {
    prop_oneof![Just(Figure::NoPower), (0i64..10_000_000_000, 0u32..=7).prop_map(|(m, s)| Figure::Value(Amount(Decimal::new(m, s))))]
}

prop_compose! {
    fn report()(
        paragraphs in proptest::collection::vec(text(200), 1..4),
        counts in proptest::collection::vec(count(), 40),
        amounts in proptest::collection::vec(amount(), 10),
        label in text(20),
    ) -> Report {
        let mut r = base();
        r.narrative.blocks = paragraphs.into_iter().map(|t| DataBlock::Paragraph { lead: None, text: t }).collect();
        let (mut c, mut a) = (counts.into_iter(), amounts.into_iter());
        let template = r.template.clone();
        for (def, data) in template.tables.iter().zip(&mut r.tables) {
            for (i, col) in def.columns.iter().enumerate() {
                data.given[i] = match (&col.total_of, col.kind) {
                    (Some(_), _) => None,
                    (None, er_template::Kind::Count) => Some(FigureValue::Count(c.next().unwrap())),
                    (None, er_template::Kind::Amount) => Some(FigureValue::Amount(a.next().unwrap())),
                };
            }
        }
        r.tables[0].labels.insert("申请数量".into(), label);
        r
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn random_reports_read_back_the_same(r in report()) {
        let doc = er_typeset::build(&r);
        let tables: Vec<&er_document::document::Table> = doc.sections[1].blocks.iter().filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None }).collect();
        let paragraphs: Vec<String> = r.narrative.blocks.iter().map(|b| match b { DataBlock::Paragraph { text, .. } => text.trim().to_string(), _ => String::new() }).collect();

        let docx = er_read::docx::Docx::read(&er_docx::write(&doc).unwrap()).unwrap();
        for (i, t) in tables.iter().enumerate() {
            let want: Vec<String> = t.cells.iter().filter(|c| c.row == t.header_rows).map(|c| c.text.clone()).collect();
            let got: Vec<String> = docx.tables[i].last().unwrap().iter().map(|c| c.text.clone()).collect();
            prop_assert_eq!(got, want);
        }
        let body = docx.text();
        for p in &paragraphs {
            prop_assert!(body.contains(p.as_str()));
        }

        let sheets = er_read::xlsx::read(&er_xlsx::write(&doc).unwrap()).unwrap();
        for (i, t) in tables.iter().enumerate() {
            for c in t.cells.iter().filter(|c| c.row == t.header_rows) {
                let got = sheets[i].cells.get(&((2 + c.row) as u32, c.col as u32)).cloned();
                match c.role {
                    CellRole::Blank => prop_assert!(got.is_none()),
                    _ => prop_assert_eq!(got, Some(er_read::xlsx::Value::Number(c.text.parse::<f64>().unwrap()))),
                }
            }
        }
        prop_assert!(sheets[0].cells.values().any(|v| v.text().replace('\n', "") == r.tables[0].labels["申请数量"]));

        let pdf = er_read::pdf::read(&er_pdf::write(&doc, &er_pdf::FontSource::Bundled).unwrap()).unwrap();
        // Each page's last run is its number, which may fall inside a paragraph.
        let text: String = er_testkit::squash(&pdf.iter().flat_map(|p| p.runs[..p.runs.len() - 1].iter().map(|r| r.text.clone())).collect::<String>());
        for p in &paragraphs {
            prop_assert!(text.contains(&er_testkit::squash(p)));
        }
        for t in &tables {
            for c in t.cells.iter().filter(|c| c.row == t.header_rows && c.role == CellRole::Value) {
                prop_assert!(text.contains(&c.text));
            }
        }
    }
}

/// Texts with the characters YAML quoting must survive: quotes, a
/// backslash, a colon, a hash, brackets, spaces at either end.
fn awkward_text() -> impl Strategy<Value = String> {
    let mut a = alphabet();
    a.extend("'\"\\:#[]&*!|>%@` -".chars());
    proptest::collection::vec(0..a.len(), 1..40).prop_map(move |ix| ix.into_iter().map(|i| a[i]).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// `init` writes every text as it was written, whatever the source's
    /// quoting (plain, single, double, block scalar), title lines and an
    /// empty 说明 included, and what it writes passes `check` but for the
    /// figures still to fill.
    #[test]
    fn init_output_reads_back_and_checks(p in awkward_text(), h in awkward_text(), t1 in awkward_text(), t2 in awkward_text(), block in any::<bool>()) {
        let dir = scratch("init-prop");
        let q = |s: &str| serde_json::to_string(s).unwrap();
        let para = if block { format!("|-\n        {}", p.trim()) } else { q(&p) };
        let src = std::fs::read_to_string(fixture()).unwrap()
            .replacen("agency:", &format!("title: {}\nagency:", q(&format!("{t1}\n{t2}"))), 1)
            .replacen("    - h1: 一、行政执法信息情况", &format!("    - h1: {}\n    - p: {para}", q(&h)), 1)
            .replacen("  表四:\n", "  表四:\n    说明: []\n", 1)
            .replacen("    说明:\n      - 统计时间范围为每年1月1日至12月31日实际发生数。\n      - 检查1个检查对象，有完整、详细的检查记录，统计为检查1次\n", "", 1);
        let source = dir.join("src.yaml");
        std::fs::write(&source, &src).unwrap();
        let Ok(a) = er_data::load_file(&source) else { return Ok(()) };
        if er_data::check(&a).iter().any(|d| d.is_error()) {
            return Ok(());
        }
        let next = dir.join("next.yaml");
        let o = run(&["init", "--from", source.to_str().unwrap(), "--year", "2025", "-o", next.to_str().unwrap()]);
        prop_assert!(o.status.success());
        let b = er_data::load_file(&next);
        prop_assert!(b.is_ok(), "init's output does not load: {:?}", b.err().map(|e| e.diagnostics().to_vec()));
        let b = b.unwrap();
        let errors: Vec<String> = er_data::check(&b).into_iter().filter(|d| d.is_error()).map(|d| d.to_string()).collect();
        prop_assert!(errors.iter().all(|e| e.contains("still to fill") || e.contains("placeholder init wrote")), "{errors:?}");
        prop_assert_eq!(&b.report.title, &a.report.title);
        prop_assert_eq!(&b.report.narrative.blocks, &a.report.narrative.blocks);
        prop_assert_eq!(&b.report.tables[3].notes, &Some(vec![]));
    }
}
