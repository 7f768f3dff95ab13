//! Long fuzzed texts (run with -max_len=100000): one text spliced into a
//! paragraph, the title, a table's title, a label and a note of the
//! fixture. Whatever loads and checks clean lays out into pages without
//! panicking, every glyph inside its page, and writes a DOCX and an XLSX.
#![no_main]
use libfuzzer_sys::fuzz_target;

const FIXTURE: &str = include_str!("../../fixtures/aral-emergency-2024.yaml");

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let t = s.replace('\'', "''");
    let src = FIXTURE
        .replacen("agency:", &format!("title: '{t}'\nagency:"), 1)
        .replacen("首违不罚。", &format!("首违不罚{t}"), 1)
        .replacen("  表二:\n", &format!("  表二:\n    标题: '{t}'\n    标签:\n      罚款: '{t}'\n"), 1)
        .replacen("      - “罚没金额”以处罚决定书确定的金额为准。", &format!("      - '{t}'"), 1);
    let Ok(loaded) = er_data::load_str(&src, "fuzz.yaml") else { return };
    if er_data::check(&loaded).iter().any(|d| d.is_error()) {
        return;
    }
    let doc = er_typeset::build(&loaded.report);
    let Ok(layout) = er_pdf::lay_out(&doc, &er_pdf::FixedMetrics::default()) else { return };
    for page in &layout.pages {
        let w = page.setup.width_mm * 72.0 / 25.4;
        for item in &page.items {
            if let er_pdf::layout::Item::Text(r) = item {
                assert!(r.x >= -0.01 && r.x + r.width() <= w + 0.01 || r.turned, "a run leaves the page: {r:?}");
            }
        }
    }
    assert!(er_docx::write(&doc).is_ok());
    assert!(er_xlsx::write(&doc).is_ok());
});
