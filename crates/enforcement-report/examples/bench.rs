//! `make bench`: whole-process timings of the release binary, as a user
//! runs it. The reference report per format and in all three (median of
//! several runs), a batch of 1,000 generated reports in all three
//! formats, and the roll-up of 1,000 agencies, with peak memory (max RSS of
//! the process).
//!
//!     cargo build --release && cargo run --release --example bench

#[path = "support/generator.rs"]
mod generator;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Runs the command to its end: wall time, peak memory in KiB, success.
fn measure(cmd: &mut Command) -> (Duration, u64, bool) {
    let start = Instant::now();
    let child = cmd.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null()).spawn().expect("start the binary");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let elapsed = start.elapsed();
    std::mem::forget(child); // reaped by wait4 above
    (elapsed, usage.ru_maxrss as u64, r == pid && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let bin = root.join("target/release/enforcement-report");
    assert!(bin.exists(), "build the release binary first: cargo build --release");
    let fixture = root.join("fixtures/aral-emergency-2024.yaml");
    let work = root.join("target/bench");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).expect("bench folder");
    let runs = 11;

    println!("enforcement-report benchmarks ({} cores)", std::thread::available_parallelism().map_or(1, |n| n.get()));
    println!("{:<34} {:>12} {:>14}", "what", "median", "peak memory");
    // The PDF twice: with the bundled fonts only, and with the system's
    // fonts found (fontdb) and tried first, as a user's render does.
    for (format, fonts) in [("docx", "bundled"), ("xlsx", "bundled"), ("pdf", "bundled"), ("pdf", "auto"), ("docx,pdf,xlsx", "bundled")] {
        let mut times = Vec::new();
        let mut peak = 0;
        for _ in 0..runs {
            let (t, rss, ok) = measure(Command::new(&bin).args([
                "render",
                fixture.to_str().unwrap(),
                "-o",
                work.join("one").to_str().unwrap(),
                "--format",
                format,
                "--fonts",
                fonts,
            ]));
            assert!(ok, "render {format} failed");
            times.push(t);
            peak = peak.max(rss);
        }
        println!("{:<34} {:>9.1} ms {:>11.1} MB", format!("reference report, {format}, {fonts} fonts"), median(times).as_secs_f64() * 1e3, peak as f64 / 1024.0);
    }

    let n = 1000;
    let input: PathBuf = work.join("input");
    generator::write_reports(n, &input).expect("generate reports");
    let out = work.join("batch");
    let (t, rss, ok) = measure(Command::new(&bin).args(["render", input.to_str().unwrap(), "-o", out.to_str().unwrap(), "--fonts", "bundled", "--quiet"]));
    assert!(ok, "the batch failed");
    let written = std::fs::read_dir(&out).map(|d| d.count()).unwrap_or(0);
    assert_eq!(written, 3 * n, "every report in three formats");
    println!("{:<34} {:>9.2} s  {:>11.1} MB", format!("batch of {n} reports, all three"), t.as_secs_f64(), rss as f64 / 1024.0);
    println!("{:<34} {:>9.1} ms", "  per report", t.as_secs_f64() * 1e3 / n as f64);

    // The county roll-up: 1,000 agencies' files into one summary, all four
    // formats (the budget: under 10 s and 300 MB on 2 cores).
    let agencies = work.join("agencies");
    generator::write_agencies(n, &agencies).expect("generate agencies");
    let mut times = Vec::new();
    let mut peak = 0;
    for _ in 0..3 {
        let (t, rss, ok) = measure(Command::new(&bin).args([
            "rollup",
            agencies.to_str().unwrap(),
            "-o",
            work.join("rollup").to_str().unwrap(),
            "--fonts",
            "bundled",
            "--format",
            "docx,pdf,xlsx,csv",
            "--quiet",
        ]));
        assert!(ok, "the roll-up failed");
        times.push(t);
        peak = peak.max(rss);
    }
    println!("{:<34} {:>9.2} s  {:>11.1} MB", format!("roll-up of {n} agencies, all four"), median(times).as_secs_f64(), peak as f64 / 1024.0);

    // A batch with broken files renders the rest and reports each failure.
    std::fs::write(input.join("zz-broken-1.yaml"), "agency: [").unwrap();
    std::fs::write(input.join("zz-broken-2.yaml"), generator::report(1).replace("罚款: ", "罚款: -")).unwrap();
    let o = Command::new(&bin)
        .args(["render", input.to_str().unwrap(), "-o", work.join("mixed").to_str().unwrap(), "--fonts", "bundled", "--format", "xlsx"])
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&o.stderr);
    let failures = err.lines().filter(|l| l.contains("zz-broken")).count();
    println!("{:<34} exit {}, {failures} failure lines, {}", "batch with 2 broken files", o.status.code().unwrap_or(-1), err.lines().last().unwrap_or(""));
}
