//! Hostile files that are not data files: devices, zip bombs and odd PDFs
//! given to `check` and `diff`, and `init` from sources written in every
//! way YAML allows. (Hostile data files are in tests/bad-input/.)

mod common;

use std::io::Write;

use common::*;

#[cfg(unix)]
#[test]
fn a_device_is_read_no_further_than_the_size_limit() {
    let o = run(&["check", "/dev/zero"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("/dev/zero") && err.contains("bytes or more") && err.contains("4194304"), "{err}");
}

#[test]
fn diff_refuses_a_zip_bomb_and_names_the_file() {
    let dir = scratch("zip-bomb");
    let bomb = dir.join("bomb.docx");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&bomb).unwrap());
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    z.start_file("word/document.xml", opts).unwrap();
    let mb = vec![b' '; 1 << 20];
    for _ in 0..80 {
        z.write_all(&mb).unwrap();
    }
    z.finish().unwrap();
    assert!(std::fs::metadata(&bomb).unwrap().len() < 1 << 20, "a small file");
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
    assert!(!errors.is_empty() && errors.iter().all(|l| l.contains("still to fill")), "{err}");
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
    let docx = er_inspect::docx::Docx::read(&render(&data, "docx", &dir.join("out"))).unwrap();
    assert!(docx.text().contains("本局2024年统计时间范围"), "the note's {{年度}} is the year");
    assert!(!docx.text().contains("{年度}"));
}
