//! The fixture with fuzzed text and figures spliced in: whatever loads and
//! checks clean builds a document and lays it out without panicking.
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
    let Ok(loaded) = enforcement_report_model::load_str(&src, "fuzz.yaml") else { return };
    if enforcement_report_model::check(&loaded).iter().any(|d| d.is_error()) {
        return;
    }
    let doc = enforcement_report_model::build(&loaded.report);
    let _ = enforcement_report_pdf::lay_out(&doc, &enforcement_report_pdf::FixedMetrics::default());
});
