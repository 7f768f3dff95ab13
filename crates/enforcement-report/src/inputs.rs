//! The files a command is given: data files named one by one, and folders
//! searched (with their sub-folders) for `.yaml`/`.yml` files, the ending
//! in any case. Every entry found is read, or counted as no data file, or
//! named in an error: a dangling link, a FIFO, a device or a folder that
//! cannot be read is never passed over in silence, since a county's total
//! without one of its agencies is a wrong figure.

use std::path::{Path, PathBuf};

use er_i18n::t;

/// Folders inside folders are searched this deep, no deeper.
const MAX_DEPTH: usize = 16;

/// What the inputs hold.
#[derive(Debug, Default)]
pub(crate) struct Inputs {
    /// The data files, in the order given, each folder's in name order.
    pub files: Vec<PathBuf>,
    /// Entries that cannot be read as data files, each with what is wrong.
    pub problems: Vec<(PathBuf, String)>,
    /// Regular files in the folders that are no data files (notes, Word files).
    pub skipped: Vec<PathBuf>,
}

impl Inputs {
    /// Every entry found: the files read, the files passed over as no
    /// data, and the entries in error.
    pub fn found(&self) -> usize {
        self.files.len() + self.skipped.len() + self.problems.len()
    }
}

/// True for a data file's name: .yaml or .yml, in any case.
///
/// ```ignore
/// assert!(is_data_file(Path::new("a.YAML")));
/// ```
pub(crate) fn is_data_file(p: &Path) -> bool {
    p.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// The inputs expanded: files as given (a missing one is left to the
/// loader, whose message names it), folders searched.
pub(crate) fn expand(inputs: &[PathBuf]) -> Inputs {
    let mut out = Inputs::default();
    let mut visited = Vec::new();
    for p in inputs {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => folder(p, 0, &mut visited, &mut out),
            Ok(m) if !m.is_file() => out.problems.push((p.clone(), t!("input-special", kind = kind(&m)))),
            Err(_) if std::fs::symlink_metadata(p).is_ok() => out.problems.push((p.clone(), dangling(p))),
            _ => out.files.push(p.clone()),
        }
    }
    out
}

fn dangling(p: &Path) -> String {
    let target = std::fs::read_link(p).map(|t| t.display().to_string()).unwrap_or_default();
    t!("input-dangling", target = target)
}

/// What a special file is, in words.
fn kind(m: &std::fs::Metadata) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let ft = m.file_type();
        if ft.is_fifo() {
            return t!("word-fifo");
        }
        if ft.is_char_device() || ft.is_block_device() {
            return t!("word-device");
        }
        if ft.is_socket() {
            return t!("word-socket");
        }
    }
    let _ = m;
    t!("word-special")
}

fn folder(dir: &Path, depth: usize, visited: &mut Vec<PathBuf>, out: &mut Inputs) {
    // A link back up the tree would be searched for ever.
    if let Ok(real) = std::fs::canonicalize(dir) {
        if visited.contains(&real) {
            return;
        }
        visited.push(real);
    }
    if depth > MAX_DEPTH {
        out.problems.push((dir.to_path_buf(), t!("input-too-deep", max = MAX_DEPTH)));
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            out.problems.push((dir.to_path_buf(), t!("input-folder", error = crate::os_error(&e))));
            return;
        }
    };
    let mut paths = Vec::new();
    for e in entries {
        match e {
            Ok(e) => paths.push(e.path()),
            Err(e) => out.problems.push((dir.to_path_buf(), t!("input-folder", error = crate::os_error(&e)))),
        }
    }
    paths.sort();
    for p in paths {
        match std::fs::metadata(&p) {
            Ok(m) if m.is_dir() => folder(&p, depth + 1, visited, out),
            Ok(m) if m.is_file() => {
                if is_data_file(&p) {
                    out.files.push(p);
                } else {
                    out.skipped.push(p);
                }
            }
            Ok(m) => out.problems.push((p.clone(), t!("input-special", kind = kind(&m)))),
            Err(_) if std::fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_symlink()) => {
                let why = dangling(&p);
                out.problems.push((p, why));
            }
            Err(e) => out.problems.push((p, t!("input-unreadable", error = crate::os_error(&e)))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endings_in_any_case() {
        assert!(is_data_file(Path::new("a.YAML")));
        assert!(is_data_file(Path::new("b.Yml")));
        assert!(!is_data_file(Path::new("c.yaml.txt")));
        assert!(!is_data_file(Path::new("yaml")));
    }
}
