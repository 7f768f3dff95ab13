//! `diff`: what changed between two data files or two produced files, and
//! the correction notice (更正说明) for changed figures.

use std::path::Path;

use er_data::Date;
use er_document::compare::changes;
use er_document::notice::notice;

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
        eprintln!("error: compare two files of one kind: {} is .{ea}, {} is .{eb}", old.display(), new.display());
        return 2;
    }
    if notice {
        eprintln!("error: a correction notice is made from two data files (.yaml)");
        return 2;
    }
    // Each file read within a bound and checked on its own first, so that
    // a message names the file that is broken.
    let read = |p: &Path| -> Result<Vec<u8>, String> {
        use std::io::Read;
        let f = std::fs::File::open(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
        let mut v = Vec::new();
        f.take(MAX_DIFF_BYTES + 1).read_to_end(&mut v).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
        if v.len() as u64 > MAX_DIFF_BYTES {
            return Err(format!("{} is over {} MiB: not a report's file", p.display(), MAX_DIFF_BYTES >> 20));
        }
        er_inspect::compare::files(&ea, &v, &v).map_err(|e| format!("{}: {e}", p.display()))?;
        Ok(v)
    };
    let result = read(old).and_then(|a| read(new).and_then(|b| er_inspect::compare::files(&ea, &a, &b)));
    match result {
        Err(e) => {
            eprintln!("error: {e}");
            2
        }
        Ok(diffs) => {
            if json {
                let v: Vec<serde_json::Value> = diffs
                    .iter()
                    .map(|d| serde_json::json!({ "kind": d.kind, "place": d.place, "old": d.old, "new": d.new }))
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
    let list = changes(&a.report, &b.report);
    if notice {
        return write_notice(&b.report, &list, docx, output, date);
    }
    if json {
        let v: Vec<serde_json::Value> =
            list.iter().map(|c| serde_json::json!({ "place": c.place, "old": c.old, "new": c.new })).collect();
        println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
    } else {
        for c in &list {
            println!("{c}");
        }
    }
    u8::from(!list.is_empty())
}

fn write_notice(r: &er_data::Report, list: &[er_document::compare::Change], docx: bool, output: Option<&Path>, date: Option<&str>) -> u8 {
    let date = match date.map(str::parse::<Date>) {
        None => None,
        Some(Ok(d)) => Some(d),
        Some(Err(e)) => {
            eprintln!("error: --date: {e}");
            return 2;
        }
    };
    let Some(notice) = notice(r, list, date) else {
        eprintln!("no figure changed: there is nothing to correct");
        return 0;
    };
    let bytes = if docx {
        match er_docx::write(&notice.document()) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("error: {e}");
                return 2;
            }
        }
    } else {
        notice.markdown().into_bytes()
    };
    match output {
        None if docx => {
            eprintln!("error: a DOCX notice needs a file: add -o notice.docx");
            2
        }
        None => {
            use std::io::Write;
            let _ = std::io::stdout().write_all(&bytes);
            1
        }
        Some(p) => match crate::output::write_file(p, bytes) {
            Ok(_) => 1,
            Err(e) => {
                eprintln!("error: {e}");
                2
            }
        },
    }
}

/// Largest file `diff` reads: a report's DOCX, PDF or XLSX is well under.
const MAX_DIFF_BYTES: u64 = 64 << 20;
