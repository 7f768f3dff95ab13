//! Writes N varied, valid report data files, made from the fixture with
//! figures, agency and narrative length drawn from a seeded generator, so
//! that benchmarks and batch tests have realistic, reproducible input.
//!
//!     cargo run --release --example generate -- 1000 target/generated

#[path = "support/generator.rs"]
mod generator;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(n), Some(dir)) = (args.get(1).and_then(|n| n.parse().ok()), args.get(2)) else {
        eprintln!("usage: generate N DIR");
        std::process::exit(2);
    };
    match generator::write_reports(n, std::path::Path::new(dir)) {
        Ok(()) => println!("{n} reports in {dir}"),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    }
}
