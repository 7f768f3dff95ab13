//! One page's Content.xml: a layer of text and path objects.

use std::collections::BTreeMap;
use std::fmt::Write;

use er_pages::fonts::font_of;
use er_pages::layout::{GlyphRun, Item, Page};
use er_pages::subset::Subset;
use quick_xml::escape::escape;

use crate::{mm, pt_mm};

/// The page's objects as the package needs them back: each text object's
/// ID and the structure element its run belongs to.
pub struct Painted {
    pub xml: String,
    pub texts: Vec<(u32, Option<usize>)>,
}

/// Unit IDs, unique in the document (OFD's MaxUnitID is the last).
pub struct Ids(pub u32);

impl Ids {
    pub fn next(&mut self) -> u32 {
        self.0 += 1;
        self.0
    }
}

/// Paints `page`; `fonts` maps a layout's font index to its OFD font ID
/// and subset.
pub fn page(page: &Page, fonts: &BTreeMap<usize, (u32, Subset)>, ids: &mut Ids) -> Painted {
    let (w, h) = (page.setup.width_mm, page.setup.height_mm);
    let mut xml = String::from(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    xml.push('\n');
    write!(xml, r#"<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Area><ofd:PhysicalBox>0 0 {} {}</ofd:PhysicalBox></ofd:Area><ofd:Content>"#, mm(w), mm(h)).ok();
    write!(xml, r#"<ofd:Layer ID="{}" Type="Body">"#, ids.next()).ok();
    let mut texts = Vec::new();
    // Rules first, as the PDF draws them under the text.
    for item in &page.items {
        if let Item::Rule { x1, y1, x2, y2, width } = *item {
            path(&mut xml, ids.next(), [x1, y1, x2, y2], width);
        }
    }
    for item in &page.items {
        if let Item::Text(run) = item {
            let id = ids.next();
            text(&mut xml, id, run, fonts);
            texts.push((id, run.elem));
        }
    }
    xml.push_str("</ofd:Layer></ofd:Content></ofd:Page>");
    Painted { xml, texts }
}

/// A rule: a stroked path from one end to the other, its boundary the
/// rule's box widened by half its width on every side.
fn path(xml: &mut String, id: u32, [x1, y1, x2, y2]: [f64; 4], width: f64) {
    let half = width / 2.0;
    let (left, top) = (x1.min(x2) - half, y1.min(y2) - half);
    let (bw, bh) = ((x1 - x2).abs() + width, (y1 - y2).abs() + width);
    let p = |x: f64, y: f64| format!("{} {}", mm(pt_mm(x - left)), mm(pt_mm(y - top)));
    write!(
        xml,
        r#"<ofd:PathObject ID="{id}" Boundary="{} {} {} {}" LineWidth="{}"><ofd:AbbreviatedData>M {} L {}</ofd:AbbreviatedData></ofd:PathObject>"#,
        mm(pt_mm(left)),
        mm(pt_mm(top)),
        mm(pt_mm(bw)),
        mm(pt_mm(bh)),
        mm(pt_mm(width)),
        p(x1, y1),
        p(x2, y2)
    )
    .ok();
}

/// A glyph run: a text object whose boundary holds the run from a size
/// above its baseline to a quarter below, the characters placed one by one
/// (DeltaX: each advance plus the run's spacing) and mapped to the
/// subset's glyphs. A turned run (a landscape page's number) reads down
/// the page, by its CTM.
fn text(xml: &mut String, id: u32, run: &GlyphRun, fonts: &BTreeMap<usize, (u32, Subset)>) {
    let (font, bold) = font_of(run.font);
    let Some((font_id, subset)) = fonts.get(&font) else { return };
    let n = run.text.chars().count();
    let width = run.width();
    let size = run.size;
    // The box in the page's points, before any turn.
    let (left, top, bw, bh, ctm) = if run.turned {
        // Object space: the run along x from (0, size), glyph tops up;
        // turned a quarter clockwise onto the page: x → down, up → right.
        let ctm = format!(r#" CTM="0 1 -1 0 {} 0""#, mm(pt_mm(size * 1.25)));
        (run.x - size * 0.25, run.y, size * 1.25, width, ctm)
    } else {
        (run.x, run.y - size, width, size * 1.25, String::new())
    };
    let weight = if bold { format!(r#" Stroke="true" LineWidth="{}""#, mm(pt_mm(size / 30.0))) } else { String::new() };
    write!(
        xml,
        r#"<ofd:TextObject ID="{id}" Boundary="{} {} {} {}" Font="{font_id}" Size="{}"{weight}{ctm}>"#,
        mm(pt_mm(left)),
        mm(pt_mm(top)),
        mm(pt_mm(bw)),
        mm(pt_mm(bh)),
        mm(pt_mm(size))
    )
    .ok();
    let glyphs: Vec<String> = run.text.chars().map(|c| subset.codes.get(&c).copied().unwrap_or(0).to_string()).collect();
    write!(xml, r#"<ofd:CGTransform CodePosition="0" CodeCount="{n}" GlyphCount="{n}"><ofd:Glyphs>{}</ofd:Glyphs></ofd:CGTransform>"#, glyphs.join(" ")).ok();
    let deltas: Vec<String> = run.advances.iter().take(n.saturating_sub(1)).map(|a| mm(pt_mm(a + run.char_spacing))).collect();
    let delta = if deltas.is_empty() { String::new() } else { format!(r#" DeltaX="{}""#, deltas.join(" ")) };
    // The baseline, from the box's top: a size down (turned: in object space).
    write!(xml, r#"<ofd:TextCode X="0" Y="{}"{delta}>{}</ofd:TextCode></ofd:TextObject>"#, mm(pt_mm(size)), escape(run.text.as_str())).ok();
}
