//! Paints laid-out pages with printpdf: glyph runs as text with character
//! spacing, rules as lines; fonts embedded as subsets under fixed names,
//! bookmarks, document info, and a /ID derived from the content so the same
//! document gives the same bytes.

use std::collections::BTreeMap;

use printpdf::{Color, DictItem, Greyscale, Line, LinePoint, Mm, Op, PdfDocument, PdfPage, PdfSaveOptions, Point, Pt, TextMatrix, TextRenderingMode};

use er_pages::subset::Subset;
use crate::fonts::FontSet;
use crate::layout::{Item, Layout};
use er_document::document::Document;

/// Paints `layout`, which it consumes: each page's items go once the
/// page's operators are made, so a long roll-up is not held twice.
pub fn paint(doc: &Document, mut layout: Layout, fonts: &FontSet, pdfa: bool) -> Result<Vec<u8>, crate::Error> {
    let mut pdf = PdfDocument::new(&doc.info.title);
    let subsets = er_pages::subset::for_layout(&layout, fonts).map_err(er_pages::Error::from)?;
    // The /ID is a digest of what the pages show (text and where it
    // stands), not of a clock: the same document gives the same bytes.
    let id = layout.digest(&doc.info);
    // For each page, the structure element of each marked-content id.
    let mut parent_tree: Vec<Vec<usize>> = Vec::new();
    // Not "secure": that would drop the text operators we give printpdf
    // ourselves (`Tf`, `Tj`) as unknown.
    let opts = PdfSaveOptions { secure: false, subset_fonts: false, ..Default::default() };
    let mut compressor = libdeflater::Compressor::new(libdeflater::CompressionLvl::new(DEFLATE_LEVEL).unwrap_or_default());
    // Each page's content stream, compressed as soon as printpdf has
    // written it, and the page's size: a roll-up's hundreds of pages are
    // not held as operators (a marked run's properties alone are a
    // thousand bytes as printpdf holds them).
    let mut contents: Vec<(Vec<u8>, bool)> = Vec::with_capacity(layout.pages.len());
    let mut sizes: Vec<(Mm, Mm)> = Vec::with_capacity(layout.pages.len());
    for page in layout.pages.iter_mut() {
        let mut mcids: Vec<usize> = Vec::new();
        let h = page.setup.height_mm / er_document::layout::MM_PER_PT;
        let mut ops = Vec::new();
        let black = Color::Greyscale(Greyscale { percent: 0.0, icc_profile: None });
        ops.push(Op::SetFillColor { col: black.clone() });
        ops.push(Op::SetOutlineColor { col: black });
        // The text state (font, size, spacing) and the line width last
        // beyond a text object: each is set only when it changes, which
        // keeps a roll-up's thousands of cells small.
        let mut font_now: Option<(usize, f32)> = None;
        let mut spacing_now: Option<f32> = None;
        let mut width_now: Option<f32> = None;
        let mut bold_now = false;
        // The rules first, as one artifact: collinear rules that touch
        // are drawn as one line (a grid's cells each rule their top and
        // left edge), so a long table costs a line per row, not per cell.
        let rules = merged_rules(&page.items);
        if !rules.is_empty() {
            ops.push(Op::BeginMarkedContent { tag: "Artifact".into() });
            for r in rules {
                if width_now != Some(r.width as f32) {
                    ops.push(Op::SetOutlineThickness { pt: Pt(r.width as f32) });
                    width_now = Some(r.width as f32);
                }
                let pt = |x: f64, y: f64| LinePoint { p: Point { x: Pt(x as f32), y: Pt((h - y) as f32) }, bezier: false };
                ops.push(Op::DrawLine { line: Line { points: vec![pt(r.x1, r.y1), pt(r.x2, r.y2)], is_closed: false } });
            }
            ops.push(Op::EndMarkedContent);
        }
        // One text object for the page's text: each run sets its own
        // matrix, and marked content may stand inside a text object.
        let texts = page.items.iter().filter(|i| matches!(i, Item::Text(_)));
        let any_text = texts.clone().next().is_some();
        if any_text {
            ops.push(Op::StartTextSection);
        }
        for item in texts {
            // Text of the structure is marked with its MCID; page
            // numbers are artifacts.
            match item {
                Item::Text(run) if run.elem.is_some() => {
                    let mut map = std::collections::BTreeMap::new();
                    map.insert("MCID".to_string(), DictItem::Int(mcids.len() as i64));
                    let kind = run.elem.and_then(|e| layout.structure.get(e)).map_or("Span", |e| e.kind);
                    ops.push(Op::BeginMarkedContentWithProperties { tag: kind.into(), properties: DictItem::Dict { map } });
                    mcids.extend(run.elem);
                }
                _ => ops.push(Op::BeginMarkedContent { tag: "Artifact".into() }),
            }
            match item {
                Item::Text(r) => {
                    if font_now != Some((r.font, r.size as f32)) {
                        let (font, bold) = crate::fonts::font_of(r.font);
                        // The font is ours (`embed`), so printpdf is
                        // given the operator itself.
                        ops.push(Op::Unknown {
                            key: "Tf".into(),
                            value: vec![DictItem::Name(subsets[&font].tag.clone().into_bytes()), DictItem::Real(r.size as f32)],
                        });
                        // A regular face standing in for a bold role:
                        // filled and stroked, a stroke of 1/30 em.
                        if bold != bold_now {
                            // (The page's rules are all drawn before its text.)
                            if bold {
                                ops.push(Op::SetOutlineThickness { pt: Pt((r.size / 30.0) as f32) });
                            }
                            ops.push(Op::SetTextRenderingMode { mode: if bold { TextRenderingMode::FillStroke } else { TextRenderingMode::Fill } });
                            bold_now = bold;
                        }
                        font_now = Some((r.font, r.size as f32));
                    }
                    if spacing_now != Some(r.char_spacing as f32) {
                        ops.push(Op::SetCharacterSpacing { multiplier: r.char_spacing as f32 });
                        spacing_now = Some(r.char_spacing as f32);
                    }
                    let (x, y) = (r.x as f32, (h - r.y) as f32);
                    let matrix = if r.turned {
                        // Text x-axis down the page, y-axis (the glyphs' tops) to the right.
                        TextMatrix::Raw([0.0, -1.0, 1.0, 0.0, x, y])
                    } else {
                        TextMatrix::Translate(Pt(x), Pt(y))
                    };
                    ops.push(Op::SetTextMatrix { matrix });
                    let codes = crate::embed::encode(&subsets[&crate::fonts::font_of(r.font).0], &r.text);
                    ops.push(Op::Unknown { key: "Tj".into(), value: vec![DictItem::String { data: codes, literal: false }] });
                }
                Item::Rule { .. } => {}
            }
            ops.push(Op::EndMarkedContent);
        }
        if any_text {
            ops.push(Op::EndTextSection);
        }
        parent_tree.push(mcids);
        page.items = Vec::new();
        let size = (Mm(page.setup.width_mm as f32), Mm(page.setup.height_mm as f32));
        let content = content_stream(PdfPage::new(size.0, size.1, ops), &opts).ok_or_else(no_content_stream)?;
        contents.push(match deflate(&mut compressor, &content) {
            Some(packed) => (packed, true),
            None => (content, false),
        });
        sizes.push(size);
    }
    pdf.with_pages(sizes.into_iter().map(|(w, h)| PdfPage::new(w, h, Vec::new())).collect());
    // The bookmarks, the metadata and the catalog's entries are written
    // after printpdf, with lopdf (`catalog::finish`).
    let mut warnings = Vec::new();
    let mut lo = pdf.to_lopdf_document(&opts, &mut warnings);
    drop(pdf);
    let page_ids: Vec<lopdf::ObjectId> = lo.get_pages().into_values().collect();
    if page_ids.len() != contents.len() {
        return Err(std::io::Error::other("printpdf wrote another number of pages than were painted").into());
    }
    for (page, (content, packed)) in page_ids.into_iter().zip(contents) {
        let stream = lo.get_object(page).and_then(|p| p.as_dict()).and_then(|d| d.get(b"Contents")).and_then(|c| c.as_reference());
        let stream = stream.and_then(|s| lo.get_object_mut(s)).and_then(|o| o.as_stream_mut()).map_err(|_| no_content_stream())?;
        if packed {
            stream.dict.set("Filter", "FlateDecode");
        }
        stream.set_content(content);
    }
    add_fonts(&mut lo, subsets);
    let producer = er_document::producer();
    crate::catalog::finish(&mut lo, doc, &layout, &producer, pdfa);
    let elements = crate::catalog::structure(&mut lo, &layout, &parent_tree);
    compress(&mut lo, &mut compressor);
    let id_obj = lopdf::Object::String(id.into_bytes(), lopdf::StringFormat::Hexadecimal);
    lo.trailer.set("ID", lopdf::Object::Array(vec![id_obj.clone(), id_obj]));
    Ok(crate::file::write(&mut lo, &elements)?)
}

/// printpdf broke its word: a page without a content stream.
fn no_content_stream() -> std::io::Error {
    std::io::Error::other("printpdf wrote a page without its content stream")
}

/// The content stream printpdf writes for `page`: the page alone in a
/// document of its own, so that its operators go as soon as it is written.
/// None if printpdf wrote none (a blank page must not pass for the page).
fn content_stream(page: PdfPage, opts: &PdfSaveOptions) -> Option<Vec<u8>> {
    let mut one = PdfDocument::new("");
    one.with_pages(vec![page]);
    let mut warnings = Vec::new();
    let mut lo = one.to_lopdf_document(opts, &mut warnings);
    let contents = lo.get_pages().into_values().next().and_then(|p| lo.get_object(p).ok()?.as_dict().ok()?.get(b"Contents").ok()?.as_reference().ok());
    match contents.and_then(|c| lo.objects.remove(&c)) {
        Some(lopdf::Object::Stream(s)) => Some(s.content),
        _ => None,
    }
}

/// Writes the fonts and names them in every page's resources.
fn add_fonts(lo: &mut lopdf::Document, subsets: BTreeMap<usize, Subset>) {
    if subsets.is_empty() {
        return;
    }
    let mut names = lopdf::Dictionary::new();
    for subset in subsets.into_values() {
        let tag = subset.tag.clone().into_bytes();
        let id = crate::embed::write(subset, lo);
        names.set(tag, lopdf::Object::Reference(id));
    }
    let names = lo.add_object(names);
    let pages: Vec<lopdf::ObjectId> = lo.get_pages().into_values().collect();
    for page in pages {
        let resources = match lo.get_object(page).and_then(|p| p.as_dict()).and_then(|d| d.get(b"Resources")) {
            Ok(lopdf::Object::Reference(r)) => Some(*r),
            _ => None,
        };
        let dict = match resources {
            Some(r) => lo.get_object_mut(r).and_then(|o| o.as_dict_mut()),
            None => lo.get_object_mut(page).and_then(|o| o.as_dict_mut()).and_then(|p| {
                if !p.has(b"Resources") {
                    p.set("Resources", lopdf::Dictionary::new());
                }
                p.get_mut(b"Resources").and_then(|r| r.as_dict_mut())
            }),
        };
        if let Ok(dict) = dict {
            dict.set("Font", lopdf::Object::Reference(names));
        }
    }
}

/// The deflate level of the PDF's streams, chosen by measuring a batch of
/// 200 reports and the reference report's size (README, Speed): with
/// libdeflate, level 1 takes 0.8 × the CPU of level 6 for a file 1.4 %
/// larger, and less than zlib's level 3 did for the same size.
const DEFLATE_LEVEL: i32 = 1;

/// Compresses every stream that may be compressed and is not yet, with
/// libdeflate (whole buffers at once, faster than zlib at the same level).
fn compress(lo: &mut lopdf::Document, compressor: &mut libdeflater::Compressor) {
    for object in lo.objects.values_mut() {
        if let lopdf::Object::Stream(stream) = object {
            if !stream.allows_compression || stream.dict.has(b"Filter") {
                continue;
            }
            if let Some(data) = deflate(compressor, &stream.content) {
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(data);
            }
        }
    }
}

/// `data` in zlib's format, when that is smaller.
fn deflate(compressor: &mut libdeflater::Compressor, data: &[u8]) -> Option<Vec<u8>> {
    let mut out = vec![0; compressor.zlib_compress_bound(data.len())];
    let n = compressor.zlib_compress(data, &mut out).ok()?;
    (n < data.len()).then(|| {
        out.truncate(n);
        out
    })
}

/// A straight rule, from (x1, y1) to (x2, y2), in page points from the top.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Rule {
    x1: f64,
    y1: f64,
    x2: f64,
    y2: f64,
    width: f64,
}

/// The page's rules with collinear ones that touch or overlap joined:
/// horizontal rules by row, then vertical ones by column, in a fixed
/// order; a slanted rule stays as it is.
fn merged_rules(items: &[Item]) -> Vec<Rule> {
    const EPS: f64 = 0.01;
    let mut horizontal = Vec::new();
    let mut vertical = Vec::new();
    let mut other = Vec::new();
    for i in items {
        if let Item::Rule { x1, y1, x2, y2, width } = *i {
            if (y1 - y2).abs() < EPS {
                horizontal.push(Rule { x1: x1.min(x2), y1, x2: x1.max(x2), y2: y1, width });
            } else if (x1 - x2).abs() < EPS {
                vertical.push(Rule { x1, y1: y1.min(y2), x2: x1, y2: y1.max(y2), width });
            } else {
                other.push(Rule { x1, y1, x2, y2, width });
            }
        }
    }
    // Rules on one line are those whose position agrees to a hundredth of a
    // point: sorted by that, then along the line, so that only neighbours
    // along one line are ever joined.
    let line = |v: f64| (v * 100.0).round() as i64;
    horizontal.sort_by(|a, b| line(a.y1).cmp(&line(b.y1)).then(a.width.total_cmp(&b.width)).then(a.x1.total_cmp(&b.x1)));
    vertical.sort_by(|a, b| line(a.x1).cmp(&line(b.x1)).then(a.width.total_cmp(&b.width)).then(a.y1.total_cmp(&b.y1)));
    let mut out: Vec<Rule> = Vec::new();
    for r in horizontal {
        match out.last_mut() {
            Some(l) if line(l.y1) == line(r.y1) && l.width == r.width && r.x1 <= l.x2 + EPS => l.x2 = l.x2.max(r.x2),
            _ => out.push(r),
        }
    }
    let split = out.len();
    for r in vertical {
        let joinable = out.len() > split;
        match out.last_mut() {
            Some(l) if joinable && line(l.x1) == line(r.x1) && l.width == r.width && r.y1 <= l.y2 + EPS => l.y2 = l.y2.max(r.y2),
            _ => out.push(r),
        }
    }
    out.extend(other);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collinear_rules_that_touch_are_joined() {
        let rule = |x1, y1, x2, y2| Item::Rule { x1, y1, x2, y2, width: 0.75 };
        // Two cells side by side, each ruling its top and left edge, and
        // the closing right edge; a separate rule lower down.
        let items = [rule(0.0, 0.0, 10.0, 0.0), rule(0.0, 0.0, 0.0, 5.0), rule(10.0, 0.0, 20.0, 0.0), rule(10.0, 0.0, 10.0, 5.0), rule(20.0, 0.0, 20.0, 5.0), rule(0.0, 9.0, 5.0, 9.0)];
        let got: Vec<(f64, f64, f64, f64)> = merged_rules(&items).iter().map(|r| (r.x1, r.y1, r.x2, r.y2)).collect();
        assert_eq!(got, [(0.0, 0.0, 20.0, 0.0), (0.0, 9.0, 5.0, 9.0), (0.0, 0.0, 0.0, 5.0), (10.0, 0.0, 10.0, 5.0), (20.0, 0.0, 20.0, 5.0)]);
    }

    #[test]
    fn rules_a_hair_apart_in_position_are_not_joined_across_a_gap() {
        // Two tables' right edges, one over the other, whose x differ in
        // the last bits: each keeps its own length.
        let items = [Item::Rule { x1: 737.0079, y1: 330.0, x2: 737.0079, y2: 385.0, width: 0.75 }, Item::Rule {
            x1: 737.007_899_999_9,
            y1: 100.0,
            x2: 737.007_899_999_9,
            y2: 235.0,
            width: 0.75,
        }];
        let got: Vec<(f64, f64)> = merged_rules(&items).iter().map(|r| (r.y1, r.y2)).collect();
        assert_eq!(got, [(100.0, 235.0), (330.0, 385.0)]);
    }
}
