//! All-or-nothing output: every file is written to a temporary file in the
//! output folder, then all are renamed into place.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `files` (name, bytes) into `dir`, creating it if missing.
pub fn write_all(dir: &Path, files: &[(String, Vec<u8>)]) -> Result<Vec<PathBuf>, String> {
    fs::create_dir_all(dir).map_err(|e| format!("cannot create the output folder {}: {e}", dir.display()))?;
    let mut temps = Vec::new();
    for (name, bytes) in files {
        let final_path = dir.join(name);
        let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let written = fs::File::create(&temp).and_then(|mut f| {
            f.write_all(bytes)?;
            f.sync_all()
        });
        if let Err(e) = written {
            for (t, _) in &temps {
                let _ = fs::remove_file(t);
            }
            let _ = fs::remove_file(&temp);
            return Err(format!("cannot write into the output folder {}: {e}", dir.display()));
        }
        temps.push((temp, final_path));
    }
    let mut done = Vec::new();
    for (temp, final_path) in temps {
        fs::rename(&temp, &final_path).map_err(|e| format!("cannot write {}: {e}", final_path.display()))?;
        done.push(final_path);
    }
    Ok(done)
}

/// Writes one file at `path` the same way: a temporary file, then a rename.
pub fn write_file(path: &Path, bytes: Vec<u8>) -> Result<PathBuf, String> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let Some(name) = path.file_name() else {
        return Err(format!("{} names a folder, not a file", path.display()));
    };
    let mut written = write_all(dir, &[(name.to_string_lossy().into_owned(), bytes)])?;
    Ok(written.remove(0))
}
