//! The PDF's fonts, embedded by us rather than by printpdf: each font the
//! pages draw from, cut down to its used glyphs (`er_pages::subset`), is
//! written with lopdf as a Type 0 font (ISO 32000-1 §9.7): two-byte codes
//! that are the subset's glyph ids (Identity-H), widths from the font's
//! `hmtx`, a ToUnicode CMap so that text copies out as written, and a
//! CIDSet naming the glyphs present (PDF/A-1 asks for it).
//!
//! Why not printpdf's fonts: it copies and parses the whole font program
//! (8.6 MB of 朱雀仿宋) and decodes every used glyph's outline to read its
//! width, for each PDF; here the font's bytes are only read where the
//! used glyphs are, and a batch shares the compiled-in fonts as they are.

use lopdf::{dictionary, Document as Lo, Object, ObjectId, Stream, StringFormat};

use er_pages::subset::Subset;

/// The two-byte codes that draw `text` in `subset`.
pub fn encode(subset: &Subset, text: &str) -> Vec<u8> {
    text.chars().flat_map(|c| subset.codes.get(&c).copied().unwrap_or(0).to_be_bytes()).collect()
}

/// Writes the font's objects and returns its Type 0 font dictionary.
pub fn write(subset: Subset, lo: &mut Lo) -> ObjectId {
    let base = format!("{}+{}", subset.tag, subset.ps_name);
    let to_unicode = to_unicode(&subset);
    let count = subset.widths.len();
    let program = if subset.cff {
        // A CFF font goes into the PDF as its bare CFF table: PDF 1.4
        // (and so PDF/A-1) knows CIDFontType0C, not OpenType programs.
        let cff = ttf_parser::RawFace::parse(&subset.sfnt, 0)
            .ok()
            .and_then(|raw| raw.table(ttf_parser::Tag::from_bytes(b"CFF ")))
            .map(<[u8]>::to_vec)
            .unwrap_or_default();
        lo.add_object(Stream::new(dictionary! { "Subtype" => "CIDFontType0C" }, cff))
    } else {
        let length = subset.sfnt.len() as i64;
        lo.add_object(Stream::new(dictionary! { "Length1" => length }, subset.sfnt))
    };
    let cid_set = lo.add_object(Stream::new(dictionary! {}, cid_set(count)));
    let mut descriptor = dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => Object::Name(base.clone().into_bytes()),
        // Symbolic: the glyphs are addressed by id, not by a standard encoding.
        "Flags" => 4,
        "FontBBox" => subset.bbox.iter().map(|v| real(*v)).collect::<Vec<_>>(),
        "ItalicAngle" => 0,
        "Ascent" => real(subset.ascent),
        "Descent" => real(subset.descent),
        "CapHeight" => real(subset.cap_height),
        "StemV" => 80,
        "CIDSet" => cid_set,
    };
    descriptor.set(if subset.cff { "FontFile3" } else { "FontFile2" }, program);
    let descriptor = lo.add_object(descriptor);
    // Widths as one run from glyph 0: the subset's ids are consecutive.
    let widths: Vec<Object> = subset.widths.iter().map(|w| real(*w)).collect();
    let mut cid_font = dictionary! {
        "Type" => "Font",
        "Subtype" => if subset.cff { "CIDFontType0" } else { "CIDFontType2" },
        "BaseFont" => Object::Name(base.clone().into_bytes()),
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::String(b"Adobe".to_vec(), StringFormat::Literal),
            "Ordering" => Object::String(b"Identity".to_vec(), StringFormat::Literal),
            "Supplement" => 0,
        },
        "FontDescriptor" => descriptor,
        "W" => vec![Object::Integer(0), Object::Array(widths)],
    };
    if !subset.cff {
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
fn to_unicode(subset: &Subset) -> String {
    let mut by_code: Vec<(u16, char)> = subset.codes.iter().map(|(c, g)| (*g, *c)).collect();
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
