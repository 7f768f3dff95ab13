//! Any bytes: the loader and the checker return errors, never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(loaded) = er_data::load_bytes(data, "fuzz.yaml") {
        let _ = er_data::check(&loaded);
    }
});
