//! The PDF's fonts, embedded by us rather than by printpdf: each font the
//! pages draw from is cut down by `subsetter` to the glyphs they use and
//! written with lopdf as a Type 0 font (ISO 32000-1 §9.7): two-byte codes
//! that are the subset's glyph ids (Identity-H), widths from the font's
//! `hmtx`, a ToUnicode CMap so that text copies out as written, and a
//! CIDSet naming the glyphs present (PDF/A-1 asks for it).
//!
//! Why not printpdf's fonts: it copies and parses the whole font program
//! (8.6 MB of 朱雀仿宋) and decodes every used glyph's outline to read its
//! width, for each PDF; here the font's bytes are only read where the
//! used glyphs are, and a batch shares the compiled-in fonts as they are.

use std::collections::{BTreeMap, BTreeSet};

use lopdf::{dictionary, Document as Lo, Object, ObjectId, Stream, StringFormat};

use crate::fonts::Font;

/// One font of the PDF, cut down to the characters the pages draw in it.
pub struct Subset {
    /// The font's resource name, as the content streams select it (`Tf`).
    pub tag: String,
    /// Each drawn character's code: its glyph id in the subset.
    codes: BTreeMap<char, u16>,
    /// The subset font program.
    program: Vec<u8>,
    /// True for CFF outlines (a bare CFF program, CIDFontType0), false
    /// for TrueType ones (CIDFontType2).
    cff: bool,
    /// The PostScript name of the face, for /BaseFont.
    ps_name: String,
    /// Advance widths of the subset's glyphs in 1/1000 em, by new glyph id.
    widths: Vec<f64>,
    /// Font-wide metrics in 1/1000 em: ascent, descent, cap height, bbox.
    ascent: f64,
    descent: f64,
    cap_height: f64,
    bbox: [f64; 4],
}

/// Why a font could not be embedded.
#[derive(Debug)]
pub struct EmbedError {
    /// The font's family name.
    pub family: String,
    /// What went wrong.
    pub reason: String,
}

impl Subset {
    /// Cuts `font` down to `chars`. Every character must be one the font
    /// has (the layout only draws a character from a font that has it).
    pub fn new(font: &Font, chars: &BTreeSet<char>) -> Result<Subset, EmbedError> {
        let fail = |reason: String| EmbedError { family: font.family.clone(), reason };
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
        let program = subsetter::subset(bytes, font.index, &remapper).map_err(|e| fail(e.to_string()))?;
        let cff = face.tables().cff.is_some();
        // A CFF font goes into the PDF as its bare CFF table: PDF 1.4
        // (and so PDF/A-1) knows CIDFontType0C, not OpenType programs.
        let program = if cff {
            let raw = ttf_parser::RawFace::parse(&program, 0).map_err(|e| fail(e.to_string()))?;
            raw.table(ttf_parser::Tag::from_bytes(b"CFF ")).ok_or_else(|| fail("the subset has no CFF table".into()))?.to_vec()
        } else {
            program
        };
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
            codes,
            program,
            cff,
            ps_name: if ps_name.is_empty() { "Font".into() } else { ps_name },
            widths,
            ascent: em(face.ascender() as f64),
            descent: em(face.descender() as f64),
            cap_height: em(face.capital_height().unwrap_or(face.ascender()) as f64),
            bbox: [em(b.x_min as f64), em(b.y_min as f64), em(b.x_max as f64), em(b.y_max as f64)],
        })
    }

    /// The two-byte codes that draw `text` in this font.
    pub fn encode(&self, text: &str) -> Vec<u8> {
        text.chars().flat_map(|c| self.codes.get(&c).copied().unwrap_or(0).to_be_bytes()).collect()
    }

    /// Writes the font's objects and returns its Type 0 font dictionary.
    pub fn write(self, lo: &mut Lo) -> ObjectId {
        let base = format!("{}+{}", self.tag, self.ps_name);
        let to_unicode = self.to_unicode();
        let program = if self.cff {
            lo.add_object(Stream::new(dictionary! { "Subtype" => "CIDFontType0C" }, self.program))
        } else {
            let length = self.program.len() as i64;
            lo.add_object(Stream::new(dictionary! { "Length1" => length }, self.program))
        };
        let cid_set = lo.add_object(Stream::new(dictionary! {}, cid_set(self.widths.len())));
        let mut descriptor = dictionary! {
            "Type" => "FontDescriptor",
            "FontName" => Object::Name(base.clone().into_bytes()),
            // Symbolic: the glyphs are addressed by id, not by a standard encoding.
            "Flags" => 4,
            "FontBBox" => self.bbox.iter().map(|v| real(*v)).collect::<Vec<_>>(),
            "ItalicAngle" => 0,
            "Ascent" => real(self.ascent),
            "Descent" => real(self.descent),
            "CapHeight" => real(self.cap_height),
            "StemV" => 80,
            "CIDSet" => cid_set,
        };
        descriptor.set(if self.cff { "FontFile3" } else { "FontFile2" }, program);
        let descriptor = lo.add_object(descriptor);
        // Widths as one run from glyph 0: the subset's ids are consecutive.
        let widths: Vec<Object> = self.widths.iter().map(|w| real(*w)).collect();
        let mut cid_font = dictionary! {
            "Type" => "Font",
            "Subtype" => if self.cff { "CIDFontType0" } else { "CIDFontType2" },
            "BaseFont" => Object::Name(base.clone().into_bytes()),
            "CIDSystemInfo" => dictionary! {
                "Registry" => Object::String(b"Adobe".to_vec(), StringFormat::Literal),
                "Ordering" => Object::String(b"Identity".to_vec(), StringFormat::Literal),
                "Supplement" => 0,
            },
            "FontDescriptor" => descriptor,
            "W" => vec![Object::Integer(0), Object::Array(widths)],
        };
        if !self.cff {
            cid_font.set("CIDToGIDMap", "Identity");
        }
        let cid_font = lo.add_object(cid_font);
        let to_unicode = lo.add_object(Stream::new(dictionary! {}, to_unicode.into_bytes()));
        lo.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type0",
            "BaseFont" => Object::Name(base.into_bytes()),
            "Encoding" => "Identity-H",
            "DescendantFonts" => vec![Object::Reference(cid_font)],
            "ToUnicode" => to_unicode,
        })
    }

    /// The ToUnicode CMap: each code to the character it draws.
    fn to_unicode(&self) -> String {
        let mut by_code: Vec<(u16, char)> = self.codes.iter().map(|(c, g)| (*g, *c)).collect();
        by_code.sort();
        let mut s = String::from(
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
        );
        for chunk in by_code.chunks(100) {
            s.push_str(&format!("{} beginbfchar\n", chunk.len()));
            for (g, c) in chunk {
                let mut units = [0u16; 2];
                let hex: String = c.encode_utf16(&mut units).iter().map(|u| format!("{u:04X}")).collect();
                s.push_str(&format!("<{g:04X}> <{hex}>\n"));
            }
            s.push_str("endbfchar\n");
        }
        s.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        s
    }
}

/// A CIDSet: one bit per CID from 0, set for each glyph of the subset
/// (which holds glyphs 0 to `count` − 1).
fn cid_set(count: usize) -> Vec<u8> {
    let mut bits = vec![0u8; count.div_ceil(8)];
    for i in 0..count {
        bits[i / 8] |= 0x80 >> (i % 8);
    }
    bits
}

/// A number as PDF writes it: an integer when it is one.
fn real(v: f64) -> Object {
    if v.fract() == 0.0 && v.abs() < 1e9 {
        Object::Integer(v as i64)
    } else {
        Object::Real(v as f32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cid_set_marks_every_glyph_of_the_subset() {
        assert_eq!(cid_set(1), [0x80]);
        assert_eq!(cid_set(9), [0xFF, 0x80]);
    }
}
