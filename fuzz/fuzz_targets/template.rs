//! Any bytes as a template file: the template loader returns located
//! errors, never panics; a template it accepts has a header grid that
//! covers every header slot exactly once.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(t) = er_template::load_str(text, "fuzz.yaml") else { return };
    for def in &t.tables {
        let mut seen = vec![vec![0u8; def.columns.len()]; def.header_rows];
        for c in &def.grid {
            for row in seen.iter_mut().skip(c.row).take(c.rows) {
                for s in row.iter_mut().skip(c.col).take(c.cols) {
                    *s += 1;
                }
            }
        }
        assert!(seen.iter().flatten().all(|&n| n == 1), "{}: {seen:?}", def.label);
    }
});
