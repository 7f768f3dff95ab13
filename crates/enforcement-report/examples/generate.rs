//! Writes N varied, valid report data files, made from the fixture with
//! figures, agency and narrative length drawn from a seeded generator, so
//! that benchmarks and batch tests have realistic, reproducible input.
//!
//!     cargo run --release --example generate -- 1000 target/generated
//!
//! With `--agencies` every file is of another agency, for a roll-up:
//!
//!     cargo run --release --example generate -- 80 target/agencies --agencies

#[path = "support/generator.rs"]
mod generator;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(n), Some(dir)) = (args.get(1).and_then(|n| n.parse().ok()), args.get(2)) else {
        eprintln!("usage: generate N DIR");
        std::process::exit(2);
    };
    let write = if args.iter().any(|a| a == "--agencies") { generator::write_agencies } else { generator::write_reports };
    match write(n, std::path::Path::new(dir)) {
        Ok(()) => println!("{n} reports in {dir}"),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    }
}
