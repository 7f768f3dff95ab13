//! The layout engine on its own, without a PDF: grid, line breaks,
//! justification, table cells, missing characters.

use er_document::document::{Block, Document};
use er_document::layout::{CHARS_PER_LINE, LINES_PER_PAGE, PORTRAIT};
use er_data::report::Block as DataBlock;
use er_data::{load_file, Figure, FigureValue, Report};
use er_typeset::build;
use er_pdf::layout::{lay_out, mm, table_layout, Item};
use er_pdf::{FixedMetrics, FontSet, FontSource};

fn report() -> Report {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/aral-emergency-2024.yaml");
    load_file(path.as_ref()).unwrap().report
}

fn with_paragraphs(texts: &[&str]) -> Document {
    let mut r = report();
    r.narrative.blocks = texts.iter().map(|t| DataBlock::Paragraph { lead: None, text: t.to_string() }).collect();
    build(&r)
}

/// The lines of page `p` as (left x, right x, text), page number excluded.
fn lines(doc: &Document, p: usize) -> Vec<(f64, f64, String)> {
    let layout = lay_out(doc, &FixedMetrics::default()).unwrap();
    let mut rows: Vec<(f64, f64, f64, String)> = Vec::new();
    for item in &layout.pages[p].items {
        if let Item::Text(r) = item {
            match rows.iter_mut().find(|row| (row.0 - r.y).abs() < 0.01) {
                Some(row) => {
                    row.2 = row.2.max(r.x + r.width());
                    row.3.push_str(&r.text);
                }
                None => rows.push((r.y, r.x, r.x + r.width(), r.text.clone())),
            }
        }
    }
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    rows.pop(); // the page number
    rows.into_iter().map(|(_, l, r, t)| (l, r, t)).collect()
}

const W: f64 = 156.0;

#[test]
fn full_lines_are_justified_to_the_block_width_and_the_last_is_ragged() {
    let doc = with_paragraphs(&[&"国".repeat(60)]);
    let l = lines(&doc, 0);
    // Part heading, then 26 + 28 + 6 characters.
    assert_eq!(l[1].2.chars().count(), 26);
    assert_eq!(l[2].2.chars().count(), 28);
    assert_eq!(l[3].2.chars().count(), 6);
    let right = mm(PORTRAIT.left_mm + W);
    assert!((l[1].1 - right).abs() < 1e-6 && (l[2].1 - right).abs() < 1e-6, "{l:?}");
    assert!(l[3].1 < right - 100.0);
    assert!((l[1].0 - (mm(PORTRAIT.left_mm) + 2.0 * mm(W) / CHARS_PER_LINE as f64)).abs() < 1e-6, "indent of 2 characters");
}

#[test]
fn paragraphs_of_28_and_29_characters() {
    let doc = with_paragraphs(&[&"国".repeat(28), &"国".repeat(54), &"国".repeat(55)]);
    let counts: Vec<usize> = lines(&doc, 0)[1..].iter().map(|l| l.2.chars().count()).collect();
    assert_eq!(counts[..7], [26, 2, 26, 28, 26, 28, 1]);
}

#[test]
fn no_line_starts_with_a_comma_or_full_stop_and_numbers_stay_whole() {
    let doc = with_paragraphs(&[
        &format!("{}，后文", "国".repeat(26)),
        &format!("{}。", "国".repeat(26)),
        &format!("{}罚没总额1737821.088元", "国".repeat(20)),
        &format!("{}（含", "国".repeat(25)),
    ]);
    let l = lines(&doc, 0);
    for (_, _, t) in &l {
        assert!(!t.starts_with('，') && !t.starts_with('。'), "{t}");
        assert!(!t.ends_with('（'), "{t}");
    }
    assert!(l.iter().any(|x| x.2.starts_with("1737821.088元")), "{l:?}");
}

#[test]
fn a_full_page_holds_22_lines() {
    let doc = with_paragraphs(&[&"国".repeat(28 * 60)]);
    let l = lines(&doc, 1);
    assert_eq!(l.len(), LINES_PER_PAGE);
    assert!(l.iter().all(|x| x.2.chars().count() == CHARS_PER_LINE));
    // Spec §2: 225 mm / 22 ≈ 28.95 pt, as Word stores it (579 twips), so
    // that the PDF's lines stand where the DOCX's do; 22 of them fill the block.
    let pitch = 579.0 / 20.0;
    assert!(22.0 * pitch <= mm(225.0) && mm(225.0) - 22.0 * pitch < 1.0);
    let ys: Vec<f64> = lay_out(&doc, &FixedMetrics::default()).unwrap().pages[1]
        .items
        .iter()
        .filter_map(|i| if let Item::Text(r) = i { Some(r.y) } else { None })
        .collect();
    assert!((ys[1] - ys[0] - pitch).abs() < 1e-6);
}

#[test]
fn the_cells_of_table_three_cover_their_spans() {
    let doc = build(&report());
    let Block::Table(t) = &doc.sections[1].blocks[3] else { panic!("表三") };
    let width = mm(225.0);
    let laid = table_layout(t, &FixedMetrics::default(), width).unwrap();
    let edge = |c: usize| t.columns[..c].iter().sum::<f64>() * width;
    for (cell, rect) in t.cells.iter().zip(&laid.cells) {
        assert_eq!((rect.row, rect.col, rect.rows, rect.cols), (cell.row, cell.col, cell.rows, cell.cols));
        assert!((rect.x - edge(cell.col)).abs() < 1e-6);
        assert!((rect.w - (edge(cell.col + cell.cols) - edge(cell.col))).abs() < 1e-6);
    }
    let by = |r: usize, c: usize| laid.cells.iter().find(|x| x.row == r && x.col == c).unwrap();
    let merge = by(0, 12);
    let value = by(3, 12);
    assert!((merge.y + merge.h - value.y).abs() < 1e-6, "合并 spans the three header rows");
    let measures = by(0, 0);
    assert!((measures.y + measures.h - by(2, 0).y).abs() < 1e-6, "措施 spans two rows");
    assert!((by(1, 11).y + by(1, 11).h - value.y).abs() < 1e-6, "申请法院强制执行 spans two rows");
}

#[test]
fn a_character_no_font_has_is_an_error_with_its_place() {
    let doc = with_paragraphs(&["第一段", "第二段有个怪字"]);
    let err = lay_out(&doc, &FixedMetrics { missing: vec!['怪'] }).unwrap_err();
    assert_eq!(err.c, '怪');
    assert!(err.place.contains("block 3"), "{}", err.place);
}

#[test]
fn the_bundled_fonts_lack_a_rare_character_and_the_writer_says_so() {
    let doc = with_paragraphs(&["生僻字𠀀在此"]);
    let err = er_pdf::write(&doc, &FontSource::Bundled).unwrap_err().to_string();
    assert!(err.contains("𠀀") && err.contains("U+20000") && err.contains("block"), "{err}");
}

#[test]
fn the_bundled_fonts_cover_the_reference() {
    let fonts = FontSet::load(&FontSource::Bundled);
    let doc = build(&report());
    let layout = lay_out(&doc, &fonts).unwrap();
    assert!(layout.pages.len() >= 5);
    // The parts, the five headings of Part 1 and the four tables.
    assert_eq!(layout.bookmarks.len(), 11);
    let levels: Vec<u8> = layout.bookmarks.iter().map(|b| b.level).collect();
    assert_eq!(levels, [1, 2, 2, 3, 3, 3, 1, 2, 2, 2, 2]);
}

#[test]
fn the_largest_figures_and_a_60_character_label_stay_inside_their_cells() {
    let mut r = report();
    // 表二 罚款, 合计 (computed), 罚没金额; 表三's longest label; 表四 行政检查次数.
    r.tables[1].given[1] = Some(FigureValue::Count(Figure::Value(4_294_967_285)));
    r.tables[1].given[8] = None;
    r.tables[1].given[9] = Some(FigureValue::Amount(Figure::Value("999999999999.1234567".parse().unwrap())));
    r.tables[2].labels.insert("拍卖或者依法处理查封、扣押的场所、设施或者财物".into(), "拍卖或者依法处理查封扣押的场所设施或者财物".repeat(3));
    r.tables[3].given[2] = Some(FigureValue::Count(Figure::Value(u32::MAX)));
    let doc = build(&r);
    let fonts = FontSet::load(&FontSource::Bundled);
    for b in &doc.sections[1].blocks {
        let Block::Table(t) = b else { continue };
        let laid = table_layout(t, &fonts, mm(225.0)).unwrap();
        let grid_bottom = laid.cells.iter().map(|c| c.y + c.h).fold(0.0, f64::max);
        for item in &laid.items {
            let Item::Text(run) = item else { continue };
            if run.y > grid_bottom {
                continue; // the notes
            }
            let Some(cell) = laid.cells.iter().find(|c| run.y > c.y && run.y < c.y + c.h && run.x >= c.x - 1e-6 && run.x < c.x + c.w) else {
                continue; // label and title above the grid
            };
            assert!(run.x + run.width() <= cell.x + cell.w + 1e-6, "{}: “{}” overflows its cell", t.label, run.text);
            assert!(run.y - run.size * 0.88 >= cell.y - 1e-6 && run.y <= cell.y + cell.h + 1e-6, "{}: “{}” overflows vertically", t.label, run.text);
        }
    }
}
