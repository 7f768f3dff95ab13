//! Hostile files that are not data files: devices, zip bombs and odd PDFs
//! given to `check` and `diff`, and `init` from sources written in every
//! way YAML allows. (Hostile data files are in tests/bad-input/.)

use crate::common;

use std::io::Write;

use common::*;

#[cfg(unix)]
#[test]
fn a_device_is_not_read_as_a_data_file() {
    let o = run(&["check", "/dev/zero"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("/dev/zero") && err.contains("not a regular file"), "{err}");
}

/// Runs the binary and waits at most `secs` seconds for it: a command
/// that blocks fails the test instead of hanging it.
fn run_within(secs: u64, args: &[&str]) -> std::process::Output {
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_enforcement-report"))
        .args(args)
        .env("LANG", "C")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    // The output is read as it comes (a full pipe would stop the command).
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(std::time::Duration::from_secs(secs)) {
        Ok(o) => o.unwrap(),
        Err(_) => {
            let _ = std::process::Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("{args:?} still running after {secs} s");
        }
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_as_data_file_or_template_is_refused_without_blocking() {
    let dir = scratch("fifo");
    let fifo = dir.join("pipe.yaml");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    for args in [vec!["check", fifo.to_str().unwrap()], vec!["check-template", fifo.to_str().unwrap()]] {
        let o = run_within(20, &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("pipe.yaml") && err.contains("not a regular file"), "{err}");
    }
    // Named by a data file as its template.
    let data = edited_fixture(&dir, "data.yaml", &[("agency: ", "template: pipe.yaml\nagency: ")]);
    let o = run_within(20, &["check", data.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn a_file_named_as_template_is_never_echoed() {
    let dir = scratch("template-leak");
    let secret = "secret-line:x:0:0:the whole of this line must not be printed:/root:/bin/bash";
    std::fs::write(dir.join("secret.yaml"), format!("{secret}\nsecond-line:y:1:1:nor this one\n")).unwrap();
    let data = edited_fixture(&dir, "data.yaml", &[("agency: ", "template: secret.yaml\nagency: ")]);
    let o = run(&["check", data.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains(secret) && !err.contains("nor this one"), "the file is echoed: {err}");
    assert!(err.contains("data.yaml:") && err.contains("not a template file"), "{err}");
}

#[cfg(unix)]
#[test]
fn output_into_a_closed_pipe_ends_quietly() {
    // A pipe whose reading end is closed before the command writes.
    let mut fds = [0; 2];
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    unsafe { libc::close(fds[0]) };
    let write_end = unsafe { <std::fs::File as std::os::fd::FromRawFd>::from_raw_fd(fds[1]) };
    let dir = scratch("epipe");
    let new = edited_fixture(&dir, "new.yaml", &[("    罚款: 27", "    罚款: 28"), ("    合计: 37", "    合计: 38")]);
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_enforcement-report"))
        .args(["diff", fixture().to_str().unwrap(), new.to_str().unwrap()])
        .stdout(write_end)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains("panicked") && !err.contains("Broken pipe"), "{err}");
    use std::os::unix::process::ExitStatusExt;
    assert!(o.status.signal() == Some(libc::SIGPIPE) || matches!(o.status.code(), Some(0..=2)), "{:?}", o.status);
}

/// A workbook of one sheet whose one cell is `cell`, written by hand.
fn workbook_with_one_cell(path: &std::path::Path, cell: &str, value: &str) {
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let o = zip::write::SimpleFileOptions::default();
    let parts = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
        ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表一" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string()),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_string()),
        ("xl/worksheets/sheet1.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:{cell}"/><sheetData><row r="{}"><c r="{cell}"><v>{value}</v></c></row></sheetData></worksheet>"#, cell.trim_start_matches(char::is_alphabetic))),
    ];
    for (name, text) in parts {
        z.start_file(name, o).unwrap();
        z.write_all(text.as_bytes()).unwrap();
    }
    z.finish().unwrap();
}

#[test]
fn a_cell_at_excels_last_place_is_one_cell_not_a_grid() {
    let dir = scratch("far-cell");
    let far = dir.join("far.xlsx");
    workbook_with_one_cell(&far, "XFD1048576", "7");
    let o = run_within(60, &["diff", far.to_str().unwrap(), far.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let o = run_within(60, &["import", far.to_str().unwrap(), "-o", dir.join("far.yaml").to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(matches!(o.status.code(), Some(1 | 2)) && !err.contains("panicked") && !err.contains("memory allocation"), "{:?} {err}", o.status);
    assert!(!dir.join("far.yaml").exists());
}

#[test]
fn character_references_in_a_docx_are_their_characters() {
    let dir = scratch("char-refs");
    let golden = root().join("tests/golden/aral-emergency-2024.docx");
    // The same document with 426 written as &#52;26 and 9284 as 9&#x32;84.
    let mut zin = zip::ZipArchive::new(std::fs::File::open(&golden).unwrap()).unwrap();
    let refs = dir.join("refs.docx");
    let mut zout = zip::ZipWriter::new(std::fs::File::create(&refs).unwrap());
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut bytes).unwrap();
        let name = f.name().unwrap().to_string();
        if name == "word/document.xml" {
            let xml = String::from_utf8(bytes).unwrap();
            assert!(xml.contains(">426<") && xml.contains(">9284<"), "the figures are in the golden DOCX");
            bytes = xml.replace(">426<", ">&#52;26<").replace(">9284<", ">9&#x32;84<").into_bytes();
        }
        zout.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        zout.write_all(&bytes).unwrap();
    }
    zout.finish().unwrap();
    let o = run(&["diff", golden.to_str().unwrap(), refs.to_str().unwrap()]);
    assert_eq!((o.status.code(), String::from_utf8_lossy(&o.stdout).into_owned()), (Some(0), String::new()));
}

/// A package under 1 MiB whose one part, `part`, inflates to 80 MiB.
fn zip_bomb(path: &std::path::Path, part: &str) {
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    z.start_file(part, opts).unwrap();
    let mb = vec![b' '; 1 << 20];
    for _ in 0..80 {
        z.write_all(&mb).unwrap();
    }
    z.finish().unwrap();
    assert!(std::fs::metadata(path).unwrap().len() < 1 << 20, "a small file");
}

#[test]
fn diff_refuses_a_zip_bomb_and_names_the_file() {
    let dir = scratch("zip-bomb");
    let bomb = dir.join("bomb.docx");
    zip_bomb(&bomb, "word/document.xml");
    let golden = root().join("tests/golden/aral-emergency-2024.docx");
    let o = run(&["diff", bomb.to_str().unwrap(), golden.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bomb.docx") && err.contains("inflates to more than"), "{err}");
    // And the other way round: the message names the broken file, not the good one.
    let o = run(&["diff", golden.to_str().unwrap(), bomb.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bomb.docx") && !err.contains("aral-emergency-2024.docx:"), "{err}");
}

/// The golden PDF with every page's MediaBox moved to the page tree's
/// root, or replaced by `media_box` on the pages.
fn edited_pdf(media_box: Option<Vec<lopdf::Object>>) -> Vec<u8> {
    let mut doc = lopdf::Document::load(root().join("tests/golden/aral-emergency-2024.pdf")).unwrap();
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().values().copied().collect();
    // The first page's box (portrait) moves to the root; pages of another
    // size keep their own.
    let first = doc.get_dictionary(pages[0]).unwrap().get(b"MediaBox").unwrap().clone();
    let mut moved = None;
    for id in pages {
        let page = doc.get_object_mut(id).unwrap().as_dict_mut().unwrap();
        match &media_box {
            Some(mb) => page.set("MediaBox", lopdf::Object::Array(mb.clone())),
            None if page.get(b"MediaBox").ok() == Some(&first) => moved = page.remove(b"MediaBox").or(moved),
            None => {}
        }
    }
    if let Some(mb) = moved {
        let root = doc.catalog().unwrap().get(b"Pages").unwrap().as_reference().unwrap();
        doc.get_object_mut(root).unwrap().as_dict_mut().unwrap().set("MediaBox", mb);
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn diff_reads_an_inherited_media_box_and_refuses_a_short_one_without_panicking() {
    let dir = scratch("media-box");
    let golden = root().join("tests/golden/aral-emergency-2024.pdf");
    let inherited = dir.join("inherited.pdf");
    std::fs::write(&inherited, edited_pdf(None)).unwrap();
    let o = run(&["diff", golden.to_str().unwrap(), inherited.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));

    let short = dir.join("short.pdf");
    std::fs::write(&short, edited_pdf(Some(vec![0.into(), 0.into()]))).unwrap();
    let o = run(&["diff", golden.to_str().unwrap(), short.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("short.pdf") && err.contains("MediaBox has 2 numbers"), "{err}");
}

#[test]
fn init_writes_what_it_reads_block_scalars_and_empty_notes_included() {
    let dir = scratch("init-kinds");
    let src = edited_fixture(
        &dir,
        "src.yaml",
        &[
            ("    - h1: 一、行政执法信息情况", "    - h1: |\n        一、行政执法信息情况"),
            ("  表一:\n", "  表一:\n    标题: \"行政许可\\n实施情况统计表\"\n"),
            ("      - “申请数量”的统计范围为统计年度1月1日至12月31日期间许可机关收到当事人许可申请的数量。\n      - “受理数量”“许可数量”“不予许可数量”“撤销许可数量”的统计范围为统计年度1月1日至12月31日期间许可机关作出受理决定、许可决定、不予许可决定和撤销许可决定的数量。\n", ""),
            ("    说明:\n  表二:", "    说明: []\n  表二:"),
        ],
    );
    let o = run(&["check", "--fonts", "bundled", src.to_str().unwrap()]);
    assert!(o.status.success(), "the source is good: {}", String::from_utf8_lossy(&o.stderr));
    let next = dir.join("next.yaml");
    let o = run(&["init", "--from", src.to_str().unwrap(), "--year", "2025", "-o", next.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = run(&["check", "--fonts", "bundled", next.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    let errors: Vec<&str> = err.lines().filter(|l| l.contains(": error: ")).collect();
    assert!(!errors.is_empty() && errors.iter().all(|l| l.contains("still to fill") || l.contains("placeholder init wrote")), "{err}");
    let a = er_data::load_file(&src).unwrap().report;
    let b = er_data::load_file(&next).unwrap().report;
    assert_eq!(b.tables[0].notes, Some(vec![]), "说明: [] stays empty: no notes, not the template's");
    assert_eq!(b.tables[0].title, a.tables[0].title, "a title in lines keeps its line break");
    assert_eq!(b.narrative.blocks[0], a.narrative.blocks[0], "a block scalar's text as it was");
}

#[test]
fn a_reference_in_a_template_note_is_rendered_not_printed() {
    let dir = scratch("template-note-ref");
    let o = run(&["templates", "--show", "bingtuan-2024"]);
    let template = String::from_utf8_lossy(&o.stdout).replacen("        - 统计时间范围为每年1月1日至12月31日实际发生数。", "        - 本局{年度}年统计时间范围为每年1月1日至12月31日实际发生数。", 1);
    assert!(template.contains("本局{年度}年"));
    std::fs::write(dir.join("t.yaml"), template).unwrap();
    // The data file takes the template's notes: its own 说明 of 表四 removed.
    let data = edited_fixture(
        &dir,
        "r.yaml",
        &[
            ("agency:", "template: t.yaml\nagency:"),
            ("    说明:\n      - 统计时间范围为每年1月1日至12月31日实际发生数。\n      - 检查1个检查对象，有完整、详细的检查记录，统计为检查1次\n", ""),
        ],
    );
    let o = run(&["check", "--fonts", "bundled", data.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let docx = er_read::docx::Docx::read(&render(&data, "docx", &dir.join("out"))).unwrap();
    assert!(docx.text().contains("本局2024年统计时间范围"), "the note's {{年度}} is the year");
    assert!(!docx.text().contains("{年度}"));
}

#[test]
fn an_xlsx_bomb_is_refused_and_named() {
    let dir = scratch("xlsx-bomb");
    let bomb = dir.join("bomb.xlsx");
    zip_bomb(&bomb, "xl/worksheets/sheet1.xml");
    for args in [vec!["diff", bomb.to_str().unwrap(), bomb.to_str().unwrap()], vec!["import", bomb.to_str().unwrap(), "-o", dir.join("b.yaml").to_str().unwrap()]] {
        let o = run_within(60, &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("bomb.xlsx") && err.contains("inflates to more than"), "{args:?}: {err}");
    }
}

/// The golden PDF changed by `edit` and saved into `dir/name`.
fn golden_pdf_edited(dir: &std::path::Path, name: &str, edit: impl FnOnce(&mut lopdf::Document)) -> std::path::PathBuf {
    let mut doc = lopdf::Document::load(root().join("tests/golden/aral-emergency-2024.pdf")).unwrap();
    edit(&mut doc);
    let p = dir.join(name);
    doc.save(&p).unwrap();
    p
}

/// The structure element of the first kind `kind` (Document, TR …).
fn element(doc: &lopdf::Document, kind: &[u8]) -> lopdf::ObjectId {
    doc.objects
        .iter()
        .filter(|(_, o)| o.as_dict().is_ok_and(|d| d.get(b"S").and_then(|s| s.as_name()).is_ok_and(|n| n == kind)))
        .map(|(id, _)| *id)
        .min()
        .unwrap_or_else(|| panic!("no {} element", String::from_utf8_lossy(kind)))
}

fn add_kid(doc: &mut lopdf::Document, parent: lopdf::ObjectId, kid: lopdf::ObjectId) {
    let d = doc.get_object_mut(parent).unwrap().as_dict_mut().unwrap();
    let mut kids = match d.get(b"K") {
        Ok(lopdf::Object::Array(a)) => a.clone(),
        Ok(o) => vec![o.clone()],
        Err(_) => Vec::new(),
    };
    kids.push(lopdf::Object::Reference(kid));
    d.set("K", kids);
}

#[test]
fn cycles_in_a_pdfs_structure_tree_end() {
    let dir = scratch("struct-cycles");
    let itself = golden_pdf_edited(&dir, "itself.pdf", |d| {
        let doc = element(d, b"Document");
        add_kid(d, doc, doc);
        let p = element(d, b"P");
        add_kid(d, p, p);
    });
    let tr_table = golden_pdf_edited(&dir, "tr-table.pdf", |d| {
        let (tr, table) = (element(d, b"TR"), element(d, b"Table"));
        add_kid(d, tr, table);
    });
    for pdf in [itself, tr_table] {
        let out = dir.join("out.yaml");
        let o = run_within(60, &["import", pdf.to_str().unwrap(), "-o", out.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(matches!(o.status.code(), Some(0..=2)) && !err.contains("panicked") && !err.contains("overflow"), "{}: {:?} {err}", pdf.display(), o.status);
        // The text is still read: the reference's agency is found.
        if o.status.success() {
            assert!(std::fs::read_to_string(&out).unwrap().contains("第一师阿拉尔市应急管理局"));
        }
    }
}

#[test]
fn a_flate_bomb_in_a_pdf_is_refused_and_named() {
    let dir = scratch("pdf-bomb");
    let bomb = golden_pdf_edited(&dir, "bomb.pdf", |d| {
        let page = *d.get_pages().values().next().unwrap();
        let mut s = lopdf::Stream::new(lopdf::Dictionary::new(), vec![b' '; 80 << 20]);
        s.compress().unwrap();
        let id = d.add_object(s);
        d.get_object_mut(page).unwrap().as_dict_mut().unwrap().set("Contents", lopdf::Object::Reference(id));
    });
    assert!(std::fs::metadata(&bomb).unwrap().len() < 4 << 20, "a small file");
    let out = dir.join("b.yaml");
    let cases: Vec<Vec<&str>> = vec![vec!["diff", bomb.to_str().unwrap(), bomb.to_str().unwrap()], vec!["import", bomb.to_str().unwrap(), "-o", out.to_str().unwrap()]];
    for args in &cases {
        let o = run_within(60, args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("bomb.pdf") && !err.contains("panicked"), "{args:?}: {err}");
    }
}

#[cfg(unix)]
#[test]
fn an_entry_in_the_way_of_an_output_file_is_named_and_nothing_is_written() {
    let dir = scratch("in-the-way");
    let out = dir.join("out");
    std::fs::create_dir_all(out.join("aral-emergency-2024.pdf")).unwrap();
    let o = run_within(60, &["render", fixture().to_str().unwrap(), "-o", out.to_str().unwrap(), "--fonts", "bundled"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("aral-emergency-2024.pdf") && err.contains("in the way"), "{err}");
    assert!(!out.join("aral-emergency-2024.docx").exists() && !out.join("aral-emergency-2024.xlsx").exists(), "no mixed set");
    // Moved away, the next render writes the whole set.
    std::fs::remove_dir(out.join("aral-emergency-2024.pdf")).unwrap();
    let o = run_within(60, &["render", fixture().to_str().unwrap(), "-o", out.to_str().unwrap(), "--fonts", "bundled"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // A FIFO given to diff or import as a document: refused, not waited on.
    let fifo = dir.join("report.docx");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let golden = root().join("tests/golden/aral-emergency-2024.docx");
    let yaml = dir.join("x.yaml");
    let cases: Vec<Vec<&str>> = vec![vec!["diff", fifo.to_str().unwrap(), golden.to_str().unwrap()], vec!["import", fifo.to_str().unwrap(), "-o", yaml.to_str().unwrap()]];
    for args in &cases {
        let o = run_within(20, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&o.stderr).contains("not a regular file"), "{}", String::from_utf8_lossy(&o.stderr));
    }
}

/// The fixture with `n` more paragraphs, each `word` and its number.
fn with_paragraphs(dir: &std::path::Path, name: &str, n: usize, word: &str) -> std::path::PathBuf {
    let many: String = (0..n).map(|i| format!("    - p: {word}段落第{i}段。\n")).collect();
    edited_fixture(dir, name, &[("  blocks:\n", &format!("  blocks:\n{many}"))])
}

#[test]
fn diff_of_ten_times_the_paragraphs_takes_less_than_twenty_times_as_long() {
    let dir = scratch("diff-scale");
    let mut took = Vec::new();
    for n in [1_000, 10_000] {
        let (a, b) = (with_paragraphs(&dir, &format!("a{n}.yaml"), n, "旧"), with_paragraphs(&dir, &format!("b{n}.yaml"), n, "新"));
        let (da, db) = (render(&a, "docx", &dir), render(&b, "docx", &dir));
        let (pa, pb) = (dir.join(format!("a{n}.docx")), dir.join(format!("b{n}.docx")));
        assert!(!da.is_empty() && !db.is_empty());
        let start = std::time::Instant::now();
        let o = run_within(120, &["diff", pa.to_str().unwrap(), pb.to_str().unwrap()]);
        took.push(start.elapsed().as_secs_f64());
        assert_eq!(o.status.code(), Some(1));
        // Each changed paragraph is one difference, paired in order.
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.lines().filter(|l| l.contains("旧段落") && l.contains("新段落")).count() == n, "{n}");
    }
    // A process start and the reading are most of the smaller one: the
    // ratio is measured against at least a tenth of a second.
    assert!(took[1] <= 20.0 * took[0].max(0.1), "{took:?}");
}
