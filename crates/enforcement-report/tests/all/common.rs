//! Shared by the CLI's integration tests: paths and running the binary.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repository root")
}

pub fn fixture() -> PathBuf {
    root().join("fixtures/aral-emergency-2024.yaml")
}

pub fn reference() -> String {
    std::fs::read_to_string(root().join("fixtures/aral-emergency-2024.reference.txt")).expect("reference text")
}

/// Runs the binary in the C locale (English), whatever this machine's is.
pub fn run(args: &[&str]) -> Output {
    run_in("C", args)
}

/// Runs the binary with LANG=`lang` and no other locale variable.
pub fn run_in(lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_enforcement-report"))
        .args(args)
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run enforcement-report")
}

/// A new, empty scratch folder under the target directory; tests run in
/// parallel, so each call gets its own.
pub fn scratch(name: &str) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let n = N.fetch_add(1, Ordering::SeqCst);
    let d = run_folder().join(format!("{name}-{n}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("scratch folder");
    d
}

/// This run's folder of scratch folders, `run-<process id>` under the
/// target directory. The first call removes what earlier runs left (a run
/// writes a few hundred megabytes: rendered files, the hostile corpus), so
/// a machine that runs the tests again and again keeps only the last run's
/// files, to look at after a failure, and never fills its disk. A folder
/// whose process still runs (another test process at the same time) stays.
fn run_folder() -> &'static Path {
    static FOLDER: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    FOLDER.get_or_init(|| {
        let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
        let me = std::process::id().to_string();
        for entry in std::fs::read_dir(tmp).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let running = name.strip_prefix("run-").is_some_and(|pid| pid == me || Path::new("/proc").join(pid).exists());
            if !running {
                let _ = std::fs::remove_dir_all(entry.path()).or_else(|_| std::fs::remove_file(entry.path()));
            }
        }
        tmp.join(format!("run-{me}"))
    })
}

/// The fixture with `old` replaced by `new`, written into `dir`.
pub fn edited_fixture(dir: &Path, name: &str, edits: &[(&str, &str)]) -> PathBuf {
    let mut s = std::fs::read_to_string(fixture()).expect("fixture");
    for (old, new) in edits {
        assert!(s.contains(old), "{old} not in the fixture");
        s = s.replacen(old, new, 1);
    }
    let p = dir.join(name);
    std::fs::write(&p, s).expect("write edited fixture");
    p
}

/// Renders the fixture (or `file`) in one format with the bundled fonts.
pub fn render(file: &Path, format: &str, out: &Path) -> Vec<u8> {
    let o = run(&["render", file.to_str().unwrap(), "-o", out.to_str().unwrap(), "--format", format, "--fonts", "bundled"]);
    assert!(o.status.success(), "render failed: {}", String::from_utf8_lossy(&o.stderr));
    let stem = file.file_stem().unwrap().to_string_lossy();
    std::fs::read(out.join(format!("{stem}.{format}"))).expect("rendered file")
}

/// One row of a corpus's `cases.tsv`: the file, the exit code, the line of
/// the message ("0" for none) and what the message must contain.
pub struct Case {
    pub file: String,
    pub code: i32,
    pub line: String,
    pub message: String,
}

/// The rows of `dir/cases.tsv`, comments and blank lines left out.
pub fn cases(dir: &Path) -> Vec<Case> {
    let text = std::fs::read_to_string(dir.join("cases.tsv")).expect("cases.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|row| {
            let c: Vec<&str> = row.split('\t').collect();
            Case { file: c[0].into(), code: c[1].parse().expect("an exit code"), line: c[2].into(), message: c[3].into() }
        })
        .collect()
}

/// Fails the test unless LibreOffice (`soffice`) runs on this machine:
/// `make test` installs it (scripts/test-tools.sh); a test never passes
/// by skipping.
pub fn need_soffice() {
    let ok = Command::new("soffice").arg("--version").output().is_ok_and(|o| o.status.success());
    assert!(ok, "LibreOffice (soffice) is needed: make test installs it (scripts/test-tools.sh)");
}

/// Converts `file` with LibreOffice headless to `filter` (docx, xlsx, pdf,
/// or a CSV filter) into `out_dir`, with a profile of its own under `work`,
/// and asserts it succeeded.
pub fn soffice_convert(file: &Path, filter: &str, out_dir: &Path, work: &Path) {
    need_soffice();
    let o = Command::new("soffice")
        .args(["--headless", &format!("-env:UserInstallation=file://{}/lo-profile", work.display()), "--convert-to", filter, "--outdir"])
        .arg(out_dir)
        .arg(file)
        .output()
        .expect("run soffice");
    assert!(o.status.success(), "soffice: {}", String::from_utf8_lossy(&o.stderr));
}

/// Runs a Python script with `args` and returns what it printed. The
/// readers a user has (pandas, openpyxl, python-docx, PyYAML) and
/// pdftotext must be installed (`make test` installs them:
/// scripts/test-tools.sh); a missing one fails the test, never skips it.
pub fn python(script: &str, args: &[&str]) -> String {
    let o = Command::new("python3").arg("-c").arg(script).args(args).output().expect("python3 runs (make test installs it)");
    assert!(o.status.success(), "python failed (make test installs pandas, openpyxl, python-docx, PyYAML): {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).expect("UTF-8 from python")
}

/// The text of a PDF as poppler's pdftotext lays it out (-layout).
pub fn pdftotext(pdf: &Path) -> String {
    let o = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (make test installs poppler-utils)");
    assert!(o.status.success(), "pdftotext: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).expect("UTF-8 from pdftotext")
}
