//! `make bench`: whole-process timings of the release binary, as a user
//! runs it. The reference report per format and in all three (median of
//! several runs), batches of 200 and 1,000 generated reports in all three
//! formats, and the roll-up of 100 and 1,000 agencies, with peak memory
//! (max RSS of the process); beside them, in the same run, Typst (through
//! typst-py, `scripts/bench-typst.py`) typesetting the same report cold and
//! in a batch with one reused compiler, and LibreOffice converting our DOCX
//! to PDF, with the ratios.
//!
//!     cargo build --release && cargo run --release --example bench

#[path = "support/generator.rs"]
mod generator;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Runs the command to its end: wall time, peak memory in KiB, success.
fn measure(cmd: &mut Command) -> (Duration, u64, bool) {
    let (t, rss, ok, _) = measure_cpu(cmd);
    (t, rss, ok)
}

/// As `measure`, with the CPU time (user and system) the process spent.
fn measure_cpu(cmd: &mut Command) -> (Duration, u64, bool, Duration) {
    let start = Instant::now();
    let child = cmd.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null()).spawn().expect("start the binary");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let elapsed = start.elapsed();
    std::mem::forget(child); // reaped by wait4 above
    let tv = |t: libc::timeval| Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64);
    let cpu = tv(usage.ru_utime) + tv(usage.ru_stime);
    (elapsed, usage.ru_maxrss as u64, r == pid && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0, cpu)
}

/// Runs `scripts/bench-typst.py` with `args`; its JSON line, or None when
/// Typst (typst-py) is not installed.
fn typst(root: &Path, args: &[&str]) -> Option<serde_json::Value> {
    let o = Command::new("python3").arg(root.join("scripts/bench-typst.py")).args(args).output().ok()?;
    if !o.status.success() {
        eprintln!("typst: {}", String::from_utf8_lossy(&o.stderr).lines().last().unwrap_or(""));
        return None;
    }
    serde_json::from_slice(&o.stdout).ok()
}

/// The reference report rendered `runs` times: median milliseconds and
/// peak megabytes.
fn one_report(bin: &Path, fixture: &Path, work: &Path, format: &str, runs: usize) -> (f64, f64) {
    let mut times = Vec::new();
    let mut peak = 0;
    for _ in 0..runs {
        let (t, rss, ok) = measure(Command::new(bin).args(["render", fixture.to_str().unwrap(), "-o", work.join("one").to_str().unwrap(), "--format", format, "--fonts", "bundled"]));
        assert!(ok, "render {format} failed");
        times.push(t);
        peak = peak.max(rss);
    }
    (median(times).as_secs_f64() * 1e3, peak as f64 / 1024.0)
}

/// The least, the median and the greatest of `v` (not empty).
fn min_median_max(mut v: Vec<f64>) -> (f64, f64, f64) {
    v.sort_by(f64::total_cmp);
    (v[0], v[v.len() / 2], v[v.len() - 1])
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

    // The same report by Typst and by LibreOffice, beside ours.
    let all_three = one_report(&bin, &fixture, &work, "docx,pdf,xlsx", runs);
    let ours_pdf = std::fs::read(work.join("one/aral-emergency-2024.pdf")).map_or(0, |b| b.len());
    let fonts_dir = root.join("crates/er-pages/fonts");
    let typ = work.join("reference.typ");
    let html_ok = Command::new(&bin)
        .args(["render", fixture.to_str().unwrap(), "-o", work.join("html").to_str().unwrap(), "--format", "html"])
        .status()
        .is_ok_and(|s| s.success());
    // The Typst source is made from our web fragment: the same text and tables.
    let made = html_ok
        && Command::new("python3")
            .arg(root.join("scripts/bench-typst.py"))
            .args(["source", work.join("html/aral-emergency-2024.fragment.html").to_str().unwrap(), typ.to_str().unwrap()])
            .status()
            .is_ok_and(|s| s.success());
    // Three rounds, each ours (all three formats, and the PDF alone) then
    // Typst's compile call and Typst as a whole process (Python, typst-py's
    // import, the fonts, the compile and the PDF), so that a slow moment of
    // the machine weighs on both sides of a round's ratios.
    let cold_of = || typst(&root, &["cold", typ.to_str().unwrap(), fonts_dir.to_str().unwrap()]);
    if !made || cold_of().is_none() {
        println!("Typst: not measured (pip install typst)");
    } else {
        let mut rows: Vec<[f64; 4]> = Vec::new();
        let (mut typst_mb, mut typst_pdf) = (0.0_f64, 0.0);
        for _ in 0..3 {
            let ours = one_report(&bin, &fixture, &work, "docx,pdf,xlsx", 7).0;
            let pdf = one_report(&bin, &fixture, &work, "pdf", 7).0;
            let cold: Vec<serde_json::Value> = (0..5).filter_map(|_| cold_of()).collect();
            let mut ms: Vec<f64> = cold.iter().filter_map(|v| v["ms"].as_f64()).collect();
            ms.sort_by(f64::total_cmp);
            typst_pdf = cold.first().and_then(|v| v["pdf_bytes"].as_f64()).unwrap_or(typst_pdf);
            typst_mb = cold.iter().filter_map(|v| v["peak_mb"].as_f64()).fold(typst_mb, f64::max);
            let whole: Vec<Duration> = (0..5)
                .map(|_| measure(Command::new("python3").arg(root.join("scripts/bench-typst.py")).args(["cold", typ.to_str().unwrap(), fonts_dir.to_str().unwrap()])).0)
                .collect();
            rows.push([ours, pdf, ms[ms.len() / 2], median(whole).as_secs_f64() * 1e3]);
        }
        let spread = |f: &dyn Fn(&[f64; 4]) -> f64| min_median_max(rows.iter().map(f).collect());
        let show = |what: &str, f: &dyn Fn(&[f64; 4]) -> f64| {
            let (a, b, c) = spread(f);
            println!("  {what:<44} min {a:.2}, median {b:.2}, max {c:.2}");
        };
        println!("{:<46} {:>9.1} ms {:>11.1} MB", "Typst, the same report, cold compile (PDF)", spread(&|r| r[2]).1, typst_mb);
        println!("{:<46} {:>9.1} ms", "  the same as a whole process (python3)", spread(&|r| r[3]).1);
        println!("{:<46} {:>9.1} ms", "ours, all three, in the same rounds", spread(&|r| r[0]).1);
        show("ratio, all three formats / Typst's compile", &|r| r[0] / r[2]);
        show("ratio, all three formats / Typst's process", &|r| r[0] / r[3]);
        show("ratio, PDF only / Typst's compile", &|r| r[1] / r[2]);
        println!("  PDF size: ours {} KB, Typst's {} KB, ratio {:.2}", ours_pdf / 1024, typst_pdf as usize / 1024, ours_pdf as f64 / typst_pdf);
    }
    // LibreOffice converting our DOCX to PDF, where it is installed.
    let docx = work.join("one/aral-emergency-2024.docx");
    let profile = format!("-env:UserInstallation=file://{}/lo-profile", work.display());
    let lo: Vec<Duration> = (0..3)
        .filter_map(|_| {
            let (t, _, ok) = measure(Command::new("soffice").args(["--headless", &profile, "--convert-to", "pdf", "--outdir", work.join("lo").to_str().unwrap(), docx.to_str().unwrap()]));
            ok.then_some(t)
        })
        .collect();
    if lo.len() == 3 {
        let lo_ms = median(lo).as_secs_f64() * 1e3;
        println!("{:<46} {:>9.1} ms", "LibreOffice, our DOCX to PDF", lo_ms);
        println!("  ratio, all three formats / LibreOffice      {:>6.3}", all_three.0 / lo_ms);
    } else {
        println!("LibreOffice: not measured (soffice not installed)");
    }

    // A batch of 200, CPU per report, against Typst reusing one compiler:
    // three rounds, ours then Typst's in each, so that a slow moment of
    // the machine weighs on both sides of a round's ratio.
    let batch_in = work.join("input-200");
    generator::write_reports(200, &batch_in).expect("generate reports");
    let mut rounds: Vec<(f64, f64, f64)> = Vec::new();
    let mut batch_mb = (0.0, 0.0);
    for round in 0..3 {
        let out = work.join(format!("batch-200-{round}"));
        let (_, rss, ok, cpu) = measure_cpu(Command::new(&bin).args(["render", batch_in.to_str().unwrap(), "-o", out.to_str().unwrap(), "--fonts", "bundled", "--quiet"]));
        assert!(ok, "the batch of 200 failed");
        let ours = cpu.as_secs_f64() * 1e3 / 200.0;
        batch_mb.0 = f64::max(batch_mb.0, rss as f64 / 1024.0);
        let theirs = if made { typst(&root, &["batch", typ.to_str().unwrap(), fonts_dir.to_str().unwrap(), "200"]) } else { None };
        match theirs {
            Some(v) => {
                let t = v["cpu_ms"].as_f64().unwrap_or(f64::NAN);
                batch_mb.1 = f64::max(batch_mb.1, v["peak_mb"].as_f64().unwrap_or(0.0));
                rounds.push((ours, t, ours / t));
            }
            None => rounds.push((ours, f64::NAN, f64::NAN)),
        }
    }
    let ours = min_median_max(rounds.iter().map(|r| r.0).collect());
    println!("{:<46} {:>9.1} ms {:>11.1} MB  (rounds {:.1}–{:.1})", "batch of 200, all three, CPU per report", ours.1, batch_mb.0, ours.0, ours.2);
    if rounds.iter().all(|r| r.1.is_finite()) {
        let theirs = min_median_max(rounds.iter().map(|r| r.1).collect());
        let ratio = min_median_max(rounds.iter().map(|r| r.2).collect());
        println!("{:<46} {:>9.1} ms {:>11.1} MB  (rounds {:.1}–{:.1})", "Typst, 200 with one Compiler, CPU per report", theirs.1, batch_mb.1, theirs.0, theirs.2);
        println!("  ratio, ours / Typst, by round: min {:.2}, median {:.2}, max {:.2}", ratio.0, ratio.1, ratio.2);
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

    // The county roll-up: 100, 500 and 1,000 agencies' files into one
    // summary, all four formats (issue 32: at most 150 MB, and memory per
    // agency flat: each step's added memory over its added agencies).
    let mut before: Option<(usize, f64)> = None;
    for count in [100, 500, n] {
        let agencies = work.join(format!("agencies-{count}"));
        generator::write_agencies(count, &agencies).expect("generate agencies");
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
        let t = median(times).as_secs_f64();
        let mb = peak as f64 / 1024.0;
        println!("{:<46} {:>9.2} s  {:>11.1} MB", format!("roll-up of {count} agencies, all four"), t, mb);
        match before {
            Some((k, m)) => println!("  {:.3} MB per agency from {k} to {count}; {:.1} × one report's time", (mb - m) / (count - k) as f64, t * 1e3 / all_three.0),
            None => println!("  {:.3} MB per agency; {:.1} × one report's time", mb / count as f64, t * 1e3 / all_three.0),
        }
        before = Some((count, mb));
    }

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
