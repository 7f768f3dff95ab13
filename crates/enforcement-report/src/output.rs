//! Output sets that are all old or all new, whatever happens.
//!
//! A render writes its files into the output folder like this:
//!
//! 1. It takes an exclusive lock on the folder (on Unix the folder
//!    itself; elsewhere a file `.enforcement-report.lock` in it): renders
//!    into one folder, from one process or several, take turns.
//! 2. It finishes what an interrupted render left (see `recover`): a
//!    journal is carried out; temporary files of ours are removed (when
//!    the command starts and after a journal; a batch does not search the
//!    folder again before each report's set).
//! 3. Each file is written to a new temporary file, `.er-XXXXXX.tmp`,
//!    created exclusively with a random name (the `tempfile` crate: a
//!    symlink planted in the folder is never followed) and synced.
//! 4. The journal `.enforcement-report.journal`, listing each temporary
//!    file and the name it takes, is written the same way and renamed into
//!    place: from this moment the set counts as written.
//! 5. Each temporary file is renamed to its name (a rename replaces a
//!    symlink; it never writes through one); the journal is removed.
//!
//! Killed before step 4, a render leaves the old set and temporary files
//! that the next render removes; killed after it, the next render finishes
//! the renames. A rename that fails leaves the journal, and the next render
//! into the folder finishes the set.

use er_i18n::t;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

#[cfg(not(unix))]
const LOCK: &str = ".enforcement-report.lock";
const JOURNAL: &str = ".enforcement-report.journal";
const TEMP_PREFIX: &str = ".er-";
const TEMP_SUFFIX: &str = ".tmp";

/// The folder's lock, held until dropped. On Unix the folder itself is
/// locked (flock on its descriptor), so nothing is added to it; elsewhere a
/// lock file `.enforcement-report.lock` in it.
struct Lock(fs::File);

impl Lock {
    #[cfg(unix)]
    fn take(dir: &Path) -> Result<Lock, String> {
        let file = fs::File::open(dir).map_err(|e| t!("out-lock", dir = dir.display(), error = er_i18n::os_error(&e)))?;
        file.lock().map_err(|e| t!("out-lock", dir = dir.display(), error = er_i18n::os_error(&e)))?;
        Ok(Lock(file))
    }

    #[cfg(not(unix))]
    fn take(dir: &Path) -> Result<Lock, String> {
        let path = dir.join(LOCK);
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| t!("out-lock", dir = format!("{} ({})", dir.display(), path.display()), error = er_i18n::os_error(&e)))?;
        file.lock().map_err(|e| t!("out-lock", dir = dir.display(), error = er_i18n::os_error(&e)))?;
        Ok(Lock(file))
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}

/// Carries out a journal left by an interrupted render and removes the
/// temporary files such renders leave. Called with the lock held, so no
/// other render is writing.
fn recover(dir: &Path) -> Result<(), String> {
    finish_journal(dir)?;
    remove_temps(dir);
    Ok(())
}

/// Carries out a journal left by an interrupted render; true when there
/// was one.
fn finish_journal(dir: &Path) -> Result<bool, String> {
    let journal = dir.join(JOURNAL);
    let Ok(text) = fs::read_to_string(&journal) else { return Ok(false) };
    for line in text.lines() {
        let Some((temp, name)) = line.split_once('\t') else { continue };
        // Only names inside the folder: a journal is ours, but a file
        // that names a path elsewhere is not carried out.
        if !is_plain_name(temp) || !is_plain_name(name) {
            continue;
        }
        let temp = dir.join(temp);
        if temp.exists() {
            let target = dir.join(name);
            fs::rename(&temp, &target).map_err(|e| t!("out-finish-interrupted-file", dir = dir.display(), file = target.display(), error = crate::os_error(&e)))?;
        }
    }
    fs::remove_file(&journal).map_err(|e| t!("out-remove", file = journal.display(), error = er_i18n::os_error(&e)))?;
    Ok(true)
}

/// Removes the temporary files of ours an interrupted render left.
fn remove_temps(dir: &Path) {
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX) {
                let _ = fs::remove_file(e.path());
            }
        }
    }
}

fn is_plain_name(s: &str) -> bool {
    !s.is_empty() && s != "." && s != ".." && !s.contains(['/', '\\'])
}

/// Makes sure the folder's entries (renames) reach the disk.
fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// A new temporary file of ours in `dir` holding `bytes`, kept on disk.
fn temp_with(dir: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        // The permissions of a file the user creates (0666 less the umask),
        // not tempfile's private 0600: the report is published and shared.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut t = builder.tempfile_in(dir)?;
    t.write_all(bytes)?;
    t.as_file().sync_all()?;
    t.into_temp_path().keep().map_err(|e| e.error)
}

/// Finishes an interrupted render into `dir`, if one was: what the next
/// render would do first. Nothing happens when the folder does not exist.
pub fn repair(dir: &Path) -> Result<(), String> {
    if !dir.is_dir() {
        return Ok(());
    }
    let _lock = Lock::take(dir)?;
    recover(dir)
}

/// Writes `files` (name, bytes) into `dir`, creating it if missing: all of
/// them or, on failure, none (see the module's description).
pub fn write_all(dir: &Path, files: &[(String, Vec<u8>)]) -> Result<Vec<PathBuf>, String> {
    if let Some((name, _)) = files.iter().find(|(n, _)| !is_plain_name(n) || n.contains(['\t', '\n', '\r'])) {
        return Err(t!("out-bad-name", name = format!("{name:?}")));
    }
    fs::create_dir_all(dir).map_err(|e| t!("out-create", dir = dir.display(), error = er_i18n::os_error(&e)))?;
    let _lock = Lock::take(dir)?;
    // A journal is carried out before every set. The folder is searched
    // for stray temporary files when a command starts (`repair`) and after
    // a journal, not before every set: a batch into one folder would read
    // the whole folder once per report, a thousand times over thousands
    // of files (a tenth of a batch's time).
    if finish_journal(dir)? {
        remove_temps(dir);
    }
    // An entry in the way of a name (a folder called report.pdf, a socket)
    // is named before anything is written: a rename onto it would fail
    // half-way through the set and block every later render.
    for (name, _) in files {
        let target = dir.join(name);
        if let Ok(m) = fs::symlink_metadata(&target) {
            if !m.is_file() && !m.file_type().is_symlink() {
                return Err(t!("out-in-the-way", file = target.display()));
            }
        }
    }
    let failed = |e: std::io::Error| t!("out-write", dir = dir.display(), error = er_i18n::os_error(&e));
    let mut temps: Vec<(PathBuf, &str)> = Vec::new();
    let remove = |temps: &[(PathBuf, &str)]| {
        for (t, _) in temps {
            let _ = fs::remove_file(t);
        }
    };
    for (name, bytes) in files {
        match temp_with(dir, bytes) {
            Ok(t) => temps.push((t, name)),
            Err(e) => {
                remove(&temps);
                return Err(failed(e));
            }
        }
    }
    let journal: String = temps
        .iter()
        .map(|(t, name)| format!("{}\t{name}\n", t.file_name().map(|n| n.to_string_lossy()).unwrap_or_default()))
        .collect();
    let committed = temp_with(dir, journal.as_bytes()).and_then(|j| fs::rename(&j, dir.join(JOURNAL)).inspect_err(|_| {
        let _ = fs::remove_file(&j);
    }));
    if let Err(e) = committed {
        remove(&temps);
        return Err(failed(e));
    }
    sync_dir(dir);
    let mut done = Vec::new();
    for (temp, name) in &temps {
        let final_path = dir.join(name);
        fs::rename(temp, &final_path).map_err(|e| {
            t!("out-rename", file = final_path.display(), error = er_i18n::os_error(&e), dir = dir.display())
        })?;
        done.push(final_path);
    }
    sync_dir(dir);
    fs::remove_file(dir.join(JOURNAL)).map_err(|e| t!("out-remove-journal", dir = dir.display(), error = er_i18n::os_error(&e)))?;
    Ok(done)
}

/// Writes one file at `path` the same way.
pub fn write_file(path: &Path, bytes: Vec<u8>) -> Result<PathBuf, String> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let Some(name) = path.file_name() else {
        return Err(t!("out-folder-not-file", file = path.display()));
    };
    // One file, once: the folder is searched for stray temporary files
    // first, as a render's start does.
    repair(dir)?;
    let mut written = write_all(dir, &[(name.to_string_lossy().into_owned(), bytes)])?;
    Ok(written.remove(0))
}
