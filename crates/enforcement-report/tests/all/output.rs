//! Output sets are all old or all new: after a kill at any moment, with
//! two renders into one folder at once, and with symlinks planted in the
//! folder. Each set's files are told apart by the agency in their
//! document properties.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

const OLD: &str = "第一师阿拉尔市应急管理局";
const NEW: &str = "某某县市场监督管理局";

/// `n` data files named r00.yaml… in `dir`, for the agency `agency`.
fn data_files(dir: &Path, n: usize, agency: &str) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let src = std::fs::read_to_string(fixture()).unwrap().replacen(&format!("agency: {OLD}"), &format!("agency: {agency}"), 1);
    for i in 0..n {
        std::fs::write(dir.join(format!("r{i:02}.yaml")), &src).unwrap();
    }
    dir.to_path_buf()
}

fn render_cmd(input: &Path, out: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_enforcement-report"));
    c.args(["render", "--quiet", "--fonts", "bundled", "--format", "docx,xlsx", "-o"]).arg(out).arg(input);
    c.stdout(Stdio::null()).stderr(Stdio::null());
    c
}

/// Which agency wrote a DOCX or XLSX: its document properties say.
fn agency_of(path: &Path) -> &'static str {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let parts = er_read::docx::parts(&bytes).unwrap_or_else(|e| panic!("{} is not a whole package: {e}", path.display()));
    let core = String::from_utf8_lossy(&parts["docProps/core.xml"]).into_owned();
    if core.contains(NEW) {
        NEW
    } else if core.contains(OLD) {
        OLD
    } else {
        panic!("{}: neither agency", path.display())
    }
}

/// Every set in `out` is whole: both files by one agency; no temporary
/// file and no journal left.
fn assert_sets_whole(out: &Path, n: usize, context: &str) {
    for i in 0..n {
        let (d, x) = (out.join(format!("r{i:02}.docx")), out.join(format!("r{i:02}.xlsx")));
        assert_eq!(agency_of(&d), agency_of(&x), "{context}: set r{i:02} is mixed");
    }
    for e in std::fs::read_dir(out).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        assert!(!name.ends_with(".tmp") && name != ".enforcement-report.journal", "{context}: {name} left behind");
    }
}

/// A small generator of moments: the same sequence on every run.
struct Moments(u64);

impl Moments {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % below.max(1)
    }
}

#[test]
fn a_batch_killed_at_any_moment_leaves_every_set_all_old_or_all_new() {
    let n = 50;
    let dir = scratch("kill");
    let old = data_files(&dir.join("old"), n, OLD);
    let new = data_files(&dir.join("new"), n, NEW);
    let out = dir.join("out");
    assert!(render_cmd(&old, &out).status().unwrap().success());
    // How long a whole batch takes here: the kills fall inside it.
    let start = Instant::now();
    assert!(render_cmd(&new, &out).status().unwrap().success());
    let whole = start.elapsed().as_millis() as u64;
    assert_sets_whole(&out, n, "after a whole batch");
    let mut moments = Moments(13);
    for k in 0..20 {
        // Alternate the generations so that each kill interrupts a change.
        let input = if k % 2 == 0 { &old } else { &new };
        let mut child = render_cmd(input, &out).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(moments.next(whole)));
        let _ = child.kill();
        let _ = child.wait();
        // The next run into the folder finishes or clears what was left.
        let one = dir.join(format!("one-{k}"));
        data_files(&one, 1, OLD);
        let o = render_cmd(&one.join("r00.yaml"), &out).status().unwrap();
        assert!(o.success(), "the run after kill {k}");
        assert_sets_whole(&out, n, &format!("after kill {k}"));
    }
}

#[test]
fn two_renders_into_one_folder_at_once_leave_a_whole_set() {
    let dir = scratch("concurrent");
    let a = data_files(&dir.join("a"), 1, OLD).join("r00.yaml");
    let b = data_files(&dir.join("b"), 1, NEW).join("r00.yaml");
    let out = dir.join("out");
    for round in 0..50 {
        let mut x = render_cmd(&a, &out).spawn().unwrap();
        let mut y = render_cmd(&b, &out).spawn().unwrap();
        assert!(x.wait().unwrap().success() && y.wait().unwrap().success(), "round {round}");
        assert_sets_whole(&out, 1, &format!("round {round}"));
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_planted_in_the_output_folder_is_never_followed() {
    use std::os::unix::fs::symlink;
    let dir = scratch("symlink");
    let input = data_files(&dir.join("in"), 1, OLD).join("r00.yaml");
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let victim = dir.join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    // A symlink where a file of the set goes, and one where a temporary
    // file of the old naming scheme would have gone.
    symlink(&victim, out.join("r00.docx")).unwrap();
    for pid in 0..64 {
        let _ = symlink(&victim, out.join(format!(".r00.xlsx.{pid}.tmp")));
    }
    assert!(render_cmd(&input, &out).status().unwrap().success());
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    assert!(!std::fs::symlink_metadata(out.join("r00.docx")).unwrap().file_type().is_symlink());
    assert_eq!(agency_of(&out.join("r00.docx")), OLD);
}

#[cfg(unix)]
#[test]
fn written_files_are_readable_as_any_file_the_user_creates() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("permissions");
    let input = data_files(&dir.join("in"), 1, OLD).join("r00.yaml");
    let out = dir.join("out");
    assert!(render_cmd(&input, &out).status().unwrap().success());
    // A file created the ordinary way in the same folder, for the umask.
    let plain = out.join("plain.txt");
    std::fs::write(&plain, "x").unwrap();
    let want = std::fs::metadata(&plain).unwrap().permissions().mode() & 0o777;
    for f in ["r00.docx", "r00.xlsx"] {
        let mode = std::fs::metadata(out.join(f)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, want, "{f}: {mode:o}, not the private 600 of a temporary file");
    }
}
