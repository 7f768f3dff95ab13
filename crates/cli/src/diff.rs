//! `diff`: what changed between two data files or two produced files, and
//! the correction notice (更正说明) for changed figures.

use std::path::Path;

use er_model::compare::{changes, notice_lines};
use er_model::document::{Block, Document, Info, Run, Section};
use er_model::layout::{Role, PORTRAIT};
use er_model::Date;

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
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
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

fn write_notice(r: &er_model::Report, list: &[er_model::compare::Change], docx: bool, output: Option<&Path>, date: Option<&str>) -> u8 {
    let lines = notice_lines(list);
    if lines.is_empty() {
        eprintln!("no figure changed: there is nothing to correct");
        return 0;
    }
    let date = match date.map(str::parse::<Date>) {
        None => String::new(),
        Some(Ok(d)) => d.chinese(),
        Some(Err(e)) => {
            eprintln!("error: --date: {e}");
            return 2;
        }
    };
    let agency = r.signature.clone().unwrap_or_else(|| r.agency.clone());
    let intro = format!("{}{}年行政执法年度报告中，下列数据有误，现更正如下：", r.agency, r.year);
    let bytes = if docx {
        let body = |t: String| Block::Paragraph(vec![Run { text: t, role: Role::Body, run_in_heading: false }]);
        let mut blocks = vec![Block::Title("更正说明".into()), body(intro)];
        blocks.extend(lines.iter().enumerate().map(|(i, l)| body(format!("{}.{l}", i + 1))));
        blocks.push(body("特此更正。".into()));
        blocks.push(Block::Signature { name: agency, date });
        let doc = Document {
            info: Info { title: format!("{}{}年行政执法年度报告更正说明", r.agency, r.year), author: r.agency.clone(), date: r.report_date },
            sections: vec![Section { page: PORTRAIT, blocks }],
        };
        match er_docx::write(&doc) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("error: {e}");
                return 2;
            }
        }
    } else {
        let mut md = format!("# 更正说明\n\n{intro}\n\n");
        for (i, l) in lines.iter().enumerate() {
            md.push_str(&format!("{}. {l}\n", i + 1));
        }
        md.push_str(&format!("\n特此更正。\n\n{agency}  \n{date}\n"));
        md.into_bytes()
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
