//! A font cut down to the characters a document draws in it, for the
//! painters to embed: `subsetter` (Typst's subsetter) keeps only the used
//! glyphs, numbered from 1 in the order of the characters, and drops the
//! cmap, so each painter maps characters to glyphs itself (`codes`).
//! Widths come from the font's `hmtx`, never from outlines.
//!
//! ```
//! use er_pages::fonts::{FontSet, FontSource};
//! use er_pages::subset::Subset;
//! use er_document::layout::Face;
//! let fonts = FontSet::load(&FontSource::Bundled);
//! let (i, _) = fonts.glyph(Face::FangSong, '执').unwrap();
//! let subset = Subset::new(&fonts.fonts[i], &['执', '法'].into()).unwrap();
//! assert_eq!(subset.codes[&'执'], 1);
//! assert_eq!(subset.widths.len(), 3); // .notdef, 执, 法
//! assert_eq!(subset.widths[1], 1000.0);
//! ```

use std::collections::{BTreeMap, BTreeSet};

use crate::fonts::{font_of, Font, FontSet};
use crate::layout::{Item, Layout};

/// One font of a document, cut down to the characters drawn in it.
pub struct Subset {
    /// The font's resource name (six capital letters), also its subset prefix.
    pub tag: String,
    /// The font's family name.
    pub family: String,
    /// Each drawn character's glyph id in the subset.
    pub codes: BTreeMap<char, u16>,
    /// The subset font file (TrueType or OpenType with CFF outlines), without cmap.
    pub sfnt: Vec<u8>,
    /// True for CFF outlines, false for TrueType ones.
    pub cff: bool,
    /// The PostScript name of the face: printable ASCII, no delimiters.
    pub ps_name: String,
    /// Advance widths of the subset's glyphs in 1/1000 em, by glyph id.
    pub widths: Vec<f64>,
    /// Ascent, in 1/1000 em.
    pub ascent: f64,
    /// Descent (negative), in 1/1000 em.
    pub descent: f64,
    /// Height of capitals, in 1/1000 em.
    pub cap_height: f64,
    /// The font's bounding box (x min, y min, x max, y max), in 1/1000 em.
    pub bbox: [f64; 4],
}

/// Why a font could not be cut down.
#[derive(Debug)]
pub struct SubsetError {
    /// The font's family name.
    pub family: String,
    /// What went wrong.
    pub reason: String,
}

impl Subset {
    /// Cuts `font` down to `chars`. Every character must be one the font
    /// has (the layout only draws a character from a font that has it).
    pub fn new(font: &Font, chars: &BTreeSet<char>) -> Result<Subset, SubsetError> {
        let fail = |reason: String| SubsetError { family: font.family.clone(), reason };
        let bytes = font.bytes().ok_or_else(|| fail("the font file cannot be read".into()))?;
        let face = ttf_parser::Face::parse(bytes, font.index).map_err(|e| fail(e.to_string()))?;
        let mut remapper = subsetter::GlyphRemapper::new();
        let mut codes = BTreeMap::new();
        let mut old_of_new = vec![0u16];
        for &c in chars {
            let gid = face.glyph_index(c).ok_or_else(|| fail(format!("no glyph for “{c}”")))?.0;
            let new = remapper.remap(gid);
            if new as usize == old_of_new.len() {
                old_of_new.push(gid);
            }
            codes.insert(c, new);
        }
        let sfnt = subsetter::subset(bytes, font.index, &remapper).map_err(|e| fail(e.to_string()))?;
        let cff = face.tables().cff.is_some();
        let upem = face.units_per_em().max(1) as f64;
        let em = |v: f64| (v * 1000.0 / upem * 1000.0).round() / 1000.0;
        let widths = old_of_new.iter().map(|&g| em(face.glyph_hor_advance(ttf_parser::GlyphId(g)).unwrap_or(0) as f64)).collect();
        let b = face.global_bounding_box();
        let ps_name = face
            .names()
            .into_iter()
            .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .find_map(|n| n.to_string())
            .unwrap_or_else(|| font.family.clone());
        // A PDF name of printable ASCII without delimiters.
        let ps_name: String = ps_name.chars().filter(|c| c.is_ascii_graphic() && !"()<>[]{}/%#".contains(*c)).collect();
        Ok(Subset {
            tag: font.tag.clone(),
            family: font.family.clone(),
            codes,
            sfnt,
            cff,
            ps_name: if ps_name.is_empty() { "Font".into() } else { ps_name },
            widths,
            ascent: em(face.ascender() as f64),
            descent: em(face.descender() as f64),
            cap_height: em(face.capital_height().unwrap_or(face.ascender()) as f64),
            bbox: [em(b.x_min as f64), em(b.y_min as f64), em(b.x_max as f64), em(b.y_max as f64)],
        })
    }
}

/// Every font the pages of `layout` draw from, by its index in `fonts`,
/// cut down to the characters drawn in it: what a painter embeds.
pub fn for_layout(layout: &Layout, fonts: &FontSet) -> Result<BTreeMap<usize, Subset>, SubsetError> {
    let mut used: BTreeMap<usize, BTreeSet<char>> = BTreeMap::new();
    for item in layout.pages.iter().flat_map(|p| &p.items) {
        if let Item::Text(r) = item {
            used.entry(font_of(r.font).0).or_default().extend(r.text.chars());
        }
    }
    used.iter().map(|(&i, chars)| Ok((i, Subset::new(&fonts.fonts[i], chars)?))).collect()
}
