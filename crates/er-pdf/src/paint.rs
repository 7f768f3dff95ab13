//! Paints laid-out pages with printpdf: glyph runs as text with character
//! spacing, rules as lines; fonts embedded as subsets under fixed names,
//! bookmarks, document info, and a /ID derived from the content so the same
//! document gives the same bytes.

use printpdf::{
    Color, Greyscale, Line, LinePoint, Mm, Op, PdfDocument, PdfFont, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Pt, TextItem, TextMatrix,
};

use crate::fonts::FontSet;
use crate::layout::{Item, Layout};
use er_document::document::Document;

pub fn paint(doc: &Document, layout: &Layout, fonts: &FontSet) -> std::io::Result<Vec<u8>> {
    let mut pdf = PdfDocument::new(&doc.info.title);
    let used: std::collections::BTreeSet<usize> = layout
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match i {
            Item::Text(r) => Some(r.font),
            _ => None,
        })
        .collect();
    for &i in &used {
        let f = &fonts.fonts[i];
        // The layout only picks fonts that parse (`FontSet::glyph`).
        if let Some(parsed) = f.parsed() {
            pdf.resources.fonts.map.insert(printpdf::FontId(f.tag.clone()), PdfFont::new(parsed.clone()));
        }
    }
    // For each page, the structure element of each marked-content id.
    let mut parent_tree: Vec<Vec<usize>> = Vec::new();
    let pages = layout
        .pages
        .iter()
        .map(|page| {
            let mut mcids: Vec<usize> = Vec::new();
            let h = page.setup.height_mm / er_document::layout::MM_PER_PT;
            let mut ops = Vec::new();
            let black = Color::Greyscale(Greyscale { percent: 0.0, icc_profile: None });
            ops.push(Op::SetFillColor { col: black.clone() });
            ops.push(Op::SetOutlineColor { col: black });
            for item in &page.items {
                // Text of the structure is marked with its MCID; page
                // numbers and rules are artifacts.
                match item {
                    Item::Text(run) if run.elem.is_some() => {
                        let mut map = std::collections::BTreeMap::new();
                        map.insert("MCID".to_string(), printpdf::DictItem::Int(mcids.len() as i64));
                        let kind = run.elem.and_then(|e| layout.structure.get(e)).map_or("Span", |e| e.kind);
                        ops.push(Op::BeginMarkedContentWithProperties { tag: kind.into(), properties: printpdf::DictItem::Dict { map } });
                        mcids.extend(run.elem);
                    }
                    _ => ops.push(Op::BeginMarkedContent { tag: "Artifact".into() }),
                }
                match item {
                    Item::Text(r) => {
                        ops.push(Op::StartTextSection);
                        ops.push(Op::SetFont {
                            font: PdfFontHandle::External(printpdf::FontId(fonts.fonts[r.font].tag.clone())),
                            size: Pt(r.size as f32),
                        });
                        ops.push(Op::SetCharacterSpacing { multiplier: r.char_spacing as f32 });
                        let (x, y) = (r.x as f32, (h - r.y) as f32);
                        let matrix = if r.turned {
                            // Text x-axis down the page, y-axis (the glyphs' tops) to the right.
                            TextMatrix::Raw([0.0, -1.0, 1.0, 0.0, x, y])
                        } else {
                            TextMatrix::Translate(Pt(x), Pt(y))
                        };
                        ops.push(Op::SetTextMatrix { matrix });
                        ops.push(Op::ShowText { items: vec![TextItem::Text(r.text.clone())] });
                        ops.push(Op::EndTextSection);
                    }
                    Item::Rule { x1, y1, x2, y2, width } => {
                        ops.push(Op::SetOutlineThickness { pt: Pt(*width as f32) });
                        let pt = |x: f64, y: f64| LinePoint { p: Point { x: Pt(x as f32), y: Pt((h - y) as f32) }, bezier: false };
                        ops.push(Op::DrawLine { line: Line { points: vec![pt(*x1, *y1), pt(*x2, *y2)], is_closed: false } });
                    }
                }
                ops.push(Op::EndMarkedContent);
            }
            parent_tree.push(mcids);
            PdfPage::new(Mm(page.setup.width_mm as f32), Mm(page.setup.height_mm as f32), ops)
        })
        .collect();
    pdf.with_pages(pages);
    // The bookmarks, the metadata and the catalog's entries are written
    // after printpdf, with lopdf (`catalog::finish`).
    let mut warnings = Vec::new();
    let opts = PdfSaveOptions::default();
    let mut lo = pdf.to_lopdf_document(&opts, &mut warnings);
    let producer = format!("enforcement-report {}", env!("CARGO_PKG_VERSION"));
    crate::catalog::finish(&mut lo, doc, layout, &producer);
    crate::catalog::structure(&mut lo, layout, &parent_tree);
    lo.compress();
    // The /ID is a digest of what the pages show (text and where it
    // stands), not of a clock: the same document gives the same bytes.
    let mut id_source = format!("{}\u{0}{}\u{0}{}\u{0}", doc.info.title, doc.info.author, doc.info.date);
    for page in &layout.pages {
        for item in &page.items {
            if let Item::Text(r) = item {
                id_source.push_str(&format!("{:.2} {:.2} {}\n", r.x, r.y, r.text));
            }
        }
    }
    let id_source = id_source.into_bytes();
    let id = format!("{:016x}{:016x}", fnv(&id_source, 0xcbf2_9ce4_8422_2325), fnv(&id_source, 0x8422_2325_cbf2_9ce4));
    let id_obj = lopdf::Object::String(id.into_bytes(), lopdf::StringFormat::Hexadecimal);
    lo.trailer.set("ID", lopdf::Object::Array(vec![id_obj.clone(), id_obj]));
    let mut out = Vec::new();
    lo.save_to(&mut out)?;
    Ok(out)
}

/// FNV-1a: a stable digest of the content for the trailer's /ID.
fn fnv(bytes: &[u8], seed: u64) -> u64 {
    bytes.iter().fold(seed, |h, b| (h ^ *b as u64).wrapping_mul(0x100_0000_01b3))
}
