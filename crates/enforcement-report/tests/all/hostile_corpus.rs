//! The hostile corpus (tests/hostile/make-corpus.py: bombs, far cells,
//! deep and cyclic structure trees, entity expansion, 10⁵ rows …): every
//! file through `import` and `diff`, each under a 2 GiB address-space cap
//! and a time limit, must end with exit 0, 1 or 2, no panic, and a message
//! that names the file when it is refused. The worst time and peak memory
//! are printed (`cargo test --test all hostile_corpus -- --nocapture`).

use crate::common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::*;

const CAP_BYTES: u64 = 2 << 30;
const LIMIT: Duration = Duration::from_secs(120);

struct Ran {
    /// The exit code, or None when a signal ended the process.
    code: Option<i32>,
    stderr: String,
    seconds: f64,
    peak_mib: f64,
}

/// Runs the binary capped, its output into files, and reads its peak
/// memory from wait4's rusage.
#[cfg(unix)]
fn capped(args: &[&str], dir: &Path) -> Ran {
    use std::os::unix::process::CommandExt;
    let err_path = dir.join(format!("stderr-{}", std::process::id()));
    let err = std::fs::File::create(&err_path).unwrap();
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_enforcement-report"));
    c.args(args).env("LANG", "C").stdout(std::process::Stdio::null()).stderr(err);
    // SAFETY: setrlimit only, between fork and exec.
    unsafe {
        c.pre_exec(|| {
            let lim = libc::rlimit { rlim_cur: CAP_BYTES as libc::rlim_t, rlim_max: CAP_BYTES as libc::rlim_t };
            if libc::setrlimit(libc::RLIMIT_AS, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let start = Instant::now();
    // Waited for with wait4 below, which also gives the peak memory.
    #[allow(clippy::zombie_processes)]
    let child = c.spawn().unwrap();
    let pid = child.id() as libc::pid_t;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut status = 0;
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: waits for our own child and fills the two out-values.
        unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        let _ = tx.send((status, usage.ru_maxrss));
    });
    let (status, maxrss_kib) = match rx.recv_timeout(LIMIT) {
        Ok(r) => r,
        Err(_) => {
            unsafe { libc::kill(pid, libc::SIGKILL) };
            panic!("{args:?} still running after {} s", LIMIT.as_secs());
        }
    };
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    let stderr = std::fs::read_to_string(&err_path).unwrap_or_default();
    Ran { code, stderr, seconds: start.elapsed().as_secs_f64(), peak_mib: maxrss_kib as f64 / 1024.0 }
}

#[cfg(unix)]
#[test]
fn every_hostile_file_ends_with_a_clear_message_within_bounds() {
    let dir = scratch("hostile-corpus");
    let corpus = dir.join("corpus");
    let o = std::process::Command::new("python3").arg(root().join("tests/hostile/make-corpus.py")).arg(&corpus).output().expect("python3");
    assert!(o.status.success(), "make-corpus.py: {}", String::from_utf8_lossy(&o.stderr));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&corpus).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(files.len() >= 25, "{} files", files.len());
    // Two at a time: this machine's two cores.
    let jobs: Vec<(PathBuf, &str)> = files.iter().flat_map(|f| [(f.clone(), "import"), (f.clone(), "diff")]).collect();
    let results = std::sync::Mutex::new(Vec::new());
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|s| {
        for w in 0..2 {
            let (jobs, results, next, dir) = (&jobs, &results, &next, &dir);
            s.spawn(move || loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let Some((file, command)) = jobs.get(i) else { break };
                let work = dir.join(format!("w{w}"));
                std::fs::create_dir_all(&work).unwrap();
                let f = file.to_str().unwrap();
                let yaml = work.join("out.yaml");
                let args: Vec<&str> = match *command {
                    "import" => vec!["import", f, "-o", yaml.to_str().unwrap()],
                    _ => vec!["diff", f, f],
                };
                let ran = capped(&args, &work);
                results.lock().unwrap().push((file.clone(), command.to_string(), ran));
            });
        }
    });
    let results = results.into_inner().unwrap();
    let mut worst = (0.0f64, String::new());
    let mut peak = (0.0f64, String::new());
    for (file, command, ran) in &results {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let what = format!("{command} {name}");
        assert!(matches!(ran.code, Some(0..=2)), "{what}: ended by a signal or with {:?}: {}", ran.code, ran.stderr);
        assert!(!ran.stderr.contains("panicked") && !ran.stderr.contains("memory allocation"), "{what}: {}", ran.stderr);
        if ran.code != Some(0) && !(command == "diff" && ran.code == Some(1)) {
            assert!(ran.stderr.contains(&name), "{what}: the message does not name the file: {}", ran.stderr);
        }
        if name == "text-bad-gbk-at-520.txt" && command == "import" {
            assert!(ran.stderr.contains("byte 520"), "the first byte that is no text is named: {}", ran.stderr);
        }
        if ran.seconds > worst.0 {
            worst = (ran.seconds, what.clone());
        }
        if ran.peak_mib > peak.0 {
            peak = (ran.peak_mib, what);
        }
    }
    println!("{} runs; worst time {:.2} s ({}); peak memory {:.0} MiB ({})", results.len(), worst.0, worst.1, peak.0, peak.1);
    // The corpus is made again by every run: a passed run needs none of
    // its 120 MB kept (a failed one stops above and keeps it to look at).
    let _ = std::fs::remove_dir_all(&dir);
}
