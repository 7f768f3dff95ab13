//! The fixture with fuzzed text and figures spliced in: whatever loads and
//! checks clean builds a document without panicking, and its text reads
//! back in one piece.
#![no_main]
use libfuzzer_sys::fuzz_target;

const FIXTURE: &str = include_str!("../../fixtures/aral-emergency-2024.yaml");

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let mut parts = s.splitn(3, '\u{1}');
    let (text, count, amount) = (parts.next().unwrap_or(""), parts.next().unwrap_or("0"), parts.next().unwrap_or("0"));
    let src = FIXTURE
        .replacen("首违不罚。", &format!("首违不罚{}", text.replace('\n', " ").replace('\'', "''")), 1)
        .replacen("    罚款: 27", &format!("    罚款: {}", count.replace('\n', " ")), 1)
        .replacen("    合计: 37\n", "", 1)
        .replacen("罚没金额: 173.7821088", &format!("罚没金额: '{}'", amount.replace('\n', " ").replace('\'', "")), 1);
    let Ok(loaded) = er_data::load_str(&src, "fuzz.yaml") else { return };
    if er_data::check(&loaded).iter().any(|d| d.is_error()) {
        return;
    }
    let doc = er_typeset::build(&loaded.report);
    let lines = doc.text_lines();
    assert!(lines.iter().any(|l| l.contains("首违不罚")));
    for t in doc.sections.iter().flat_map(|s| &s.blocks) {
        if let er_document::document::Block::Table(t) = t {
            let sum: f64 = t.columns.iter().sum();
            assert!((sum - 1.0).abs() < 1e-6);
            for c in &t.cells {
                assert_eq!(c.lines.concat(), c.text);
            }
        }
    }
});
