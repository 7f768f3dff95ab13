//! `diff`: what changed between two data files or two produced files, and
//! the correction notice (更正说明) for changed figures.

use std::path::Path;

use er_data::Date;
use er_i18n::t;

use crate::error_line;
use er_compare::compare::changes;
use er_compare::notice::notice;

fn ext(p: &Path) -> String {
    p.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default()
}

pub fn run(old: &Path, new: &Path, json: bool, notice: bool, docx: bool, output: Option<&Path>, date: Option<&str>) -> u8 {
    let (ea, eb) = (ext(old), ext(new));
    let data = |e: &str| e == "yaml" || e == "yml";
    if data(&ea) && data(&eb) {
        return data_diff(old, new, json, notice, docx, output, date);
    }
    if ea != eb {
        eprintln!("{}", error_line(&t!("diff-kinds", old = old.display(), old_ext = ea, new = new.display(), new_ext = eb), None));
        return 2;
    }
    if notice {
        eprintln!("{}", error_line(&t!("diff-notice-needs-data"), None));
        return 2;
    }
    // Each file read within a bound and checked on its own first, so that
    // a message names the file that is broken.
    let read = |p: &Path| -> Result<Vec<u8>, String> {
        let v = read_document(p)?;
        er_read::compare::readable(&ea, &v).map_err(|e| format!("{}: {e}", p.display()))?;
        Ok(v)
    };
    let result = read(old).and_then(|a| read(new).and_then(|b| er_read::compare::files(&ea, &a, &b)));
    match result {
        Err(e) => {
            eprintln!("{}", error_line(&e, None));
            2
        }
        Ok(diffs) => {
            if json {
                let v: Vec<serde_json::Value> = diffs
                    .iter()
                    .map(|d| {
                        let mut v = serde_json::json!({ "change": d.kind, "place": d.place, "old": d.old, "new": d.new });
                        if let Some((old, new)) = &d.raw {
                            v["old_raw"] = serde_json::json!(old);
                            v["new_raw"] = serde_json::json!(new);
                        }
                        v
                    })
                    .collect();
                println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
            } else {
                for d in &diffs {
                    println!("{d}");
                }
            }
            u8::from(!diffs.is_empty())
        }
    }
}

fn data_diff(old: &Path, new: &Path, json: bool, notice: bool, docx: bool, output: Option<&Path>, date: Option<&str>) -> u8 {
    let (a, b) = match (crate::load(old), crate::load(new)) {
        (Ok(a), Ok(b)) => (a, b),
        _ => return 2,
    };
    if notice {
        return write_notice(&a.report, &b.report, docx, output, date);
    }
    let list = changes(&a.report, &b.report);
    if json {
        // A figure is named by what it is, not only by its place in words:
        // its table, key, header path, unit and kind.
        let v: Vec<serde_json::Value> = list
            .iter()
            .map(|c| {
                // "change" says what changed, in stable English words: a
                // figure of a table, or text (a paragraph, title, note …).
                let change = if c.figure.is_some() { "figure" } else { "text" };
                let mut v = serde_json::json!({ "change": change, "place": c.place, "old": c.old, "new": c.new });
                if let Some((ti, col, _)) = c.figure {
                    let def = &b.report.template.tables[ti];
                    let column = &def.columns[col];
                    v["table"] = serde_json::json!(def.label);
                    v["key"] = serde_json::json!(column.key);
                    v["path"] = serde_json::json!(column.path);
                    v["indicator"] = serde_json::json!(column.path_text());
                    v["unit"] = serde_json::json!(column.unit.as_str());
                    v["kind"] = serde_json::json!(column.nature().code());
                }
                v
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
    } else {
        for c in &list {
            println!("{c}");
        }
    }
    u8::from(!list.is_empty())
}

/// Writes the notice of what `new` corrects in `old`: exit 0 when it was
/// written (or nothing published changed, which is said), 2 on an error.
fn write_notice(old: &er_data::Report, new: &er_data::Report, docx: bool, output: Option<&Path>, date: Option<&str>) -> u8 {
    let date = match date.map(str::parse::<Date>) {
        None => None,
        Some(Ok(d)) => Some(d),
        Some(Err(e)) => {
            eprintln!("{}", error_line(&t!("diff-date", error = e), None));
            return 2;
        }
    };
    let Some(notice) = notice(old, new, date) else {
        eprintln!("{}", t!("diff-nothing-changed"));
        return 0;
    };
    let bytes = if docx {
        match er_docx::write(&notice.document()) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{}", error_line(&e.to_string(), None));
                return 2;
            }
        }
    } else {
        notice.markdown().into_bytes()
    };
    match output {
        None if docx => {
            eprintln!("{}", error_line(&t!("diff-docx-needs-output"), None));
            2
        }
        None => {
            use std::io::Write;
            let _ = std::io::stdout().write_all(&bytes);
            0
        }
        Some(p) => match crate::output::write_file(p, bytes) {
            Ok(_) => 0,
            Err(e) => {
                eprintln!("{}", error_line(&e, None));
                2
            }
        },
    }
}

/// Largest DOCX, PDF or XLSX `diff` and `import` read: a report's, with
/// its images, is well under.
const MAX_DOCUMENT_BYTES: u64 = 64 << 20;

/// A report's DOCX, PDF, XLSX or text, read within [`MAX_DOCUMENT_BYTES`]
/// (the bound is on the bytes read: a device or a pipe never ends); the
/// error names the file.
pub(crate) fn read_document(p: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    // Only a regular file: opening a FIFO without a writer blocks for ever.
    let meta = std::fs::metadata(p).map_err(|e| t!("msg-cannot-read", file = p.display(), error = crate::os_error(&e)))?;
    if !meta.is_file() {
        return Err(t!("msg-not-regular", file = p.display()));
    }
    let f = std::fs::File::open(p).map_err(|e| t!("msg-cannot-read", file = p.display(), error = crate::os_error(&e)))?;
    let mut v = Vec::new();
    f.take(MAX_DOCUMENT_BYTES + 1).read_to_end(&mut v).map_err(|e| t!("msg-cannot-read", file = p.display(), error = crate::os_error(&e)))?;
    if v.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(t!("diff-too-large", file = p.display(), mib = MAX_DOCUMENT_BYTES >> 20));
    }
    Ok(v)
}
