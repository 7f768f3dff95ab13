//! Writes the PDF file: lopdf's objects and the structure tree's elements
//! in object-number order, then the cross-reference table and the trailer,
//! byte for byte as lopdf's own `Document::save_to` writes them. It exists
//! for the elements: they are made one at a time as they are written
//! ([`Elements::object`]) instead of being held as lopdf dictionaries,
//! which were most of a roll-up's memory. lopdf keeps its object writer
//! private, so the few lines that serialize an object are here, after
//! lopdf 0.44's `writer.rs` (the test below holds them to its output).

use std::io::Write;

use lopdf::{Object, StringFormat};

use crate::catalog::Elements;

/// The file of `lo` with the structure tree's `elements` in it, with a
/// cross-reference table (a stream is PDF 1.5; PDF/A-1 is 1.4).
pub fn write(lo: &mut lopdf::Document, elements: &Elements) -> std::io::Result<Vec<u8>> {
    let mut out: Vec<u8> = Vec::new();
    writeln!(out, "%PDF-{}", lo.version)?;
    out.push(b'%');
    out.extend_from_slice(&lo.binary_mark);
    out.push(b'\n');
    // Each object's offset by its number (0: not in the file).
    let mut offsets: Vec<Option<(usize, u16)>> = vec![None; lo.max_id as usize + 1];
    let mut kept = lo.objects.iter().peekable();
    for id in 1..=lo.max_id {
        let mut written = false;
        while let Some(((n, generation), object)) = kept.next_if(|((n, _), _)| *n == id) {
            indirect(&mut out, *n, *generation, object, &mut offsets)?;
            written = true;
        }
        if let Some(object) = elements.object(id).filter(|_| !written) {
            indirect(&mut out, id, 0, &object, &mut offsets)?;
        }
    }
    let xref_start = out.len();
    xref(&mut out, &offsets)?;
    lo.trailer.set("Size", i64::from(lo.max_id + 1));
    out.extend_from_slice(b"trailer\n");
    object(&mut out, &Object::Dictionary(lo.trailer.clone()))?;
    write!(out, "\nstartxref\n{xref_start}\n%%EOF")?;
    Ok(out)
}

/// `id generation obj … endobj`, with lopdf's separators.
fn indirect(out: &mut Vec<u8>, id: u32, generation: u16, object: &Object, offsets: &mut [Option<(usize, u16)>]) -> std::io::Result<()> {
    if let Some(slot) = offsets.get_mut(id as usize) {
        *slot = Some((out.len(), generation));
    }
    let after = spaced(object) || matches!(object, Object::Name(_) | Object::Stream(_));
    write!(out, "{id} {generation} obj\n{}", if spaced(object) { " " } else { "" })?;
    self::object(out, object)?;
    writeln!(out, "{}\nendobj", if after { " " } else { "" })
}

/// Whether a space must stand before `o` after a name or an array item.
fn spaced(o: &Object) -> bool {
    matches!(o, Object::Null | Object::Boolean(_) | Object::Integer(_) | Object::Real(_) | Object::Reference(_))
}

/// One object in PDF syntax, as lopdf writes it.
fn object(out: &mut Vec<u8>, o: &Object) -> std::io::Result<()> {
    match o {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Object::Integer(i) => write!(out, "{i}")?,
        Object::Real(r) => write!(out, "{r}")?,
        Object::Name(n) => name(out, n)?,
        Object::String(text, StringFormat::Literal) => literal(out, text),
        Object::String(text, StringFormat::Hexadecimal) => {
            out.push(b'<');
            for b in text {
                write!(out, "{b:02X}")?;
            }
            out.push(b'>');
        }
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 && spaced(item) {
                    out.push(b' ');
                }
                object(out, item)?;
            }
            out.push(b']');
        }
        Object::Dictionary(d) => dictionary(out, d)?,
        Object::Stream(s) => {
            dictionary(out, &s.dict)?;
            out.extend_from_slice(b"stream\n");
            out.extend_from_slice(&s.content);
            out.extend_from_slice(b"\nendstream");
        }
        Object::Reference((id, generation)) => write!(out, "{id} {generation} R")?,
    }
    Ok(())
}

fn dictionary(out: &mut Vec<u8>, d: &lopdf::Dictionary) -> std::io::Result<()> {
    out.extend_from_slice(b"<<");
    for (key, value) in d {
        name(out, key)?;
        if spaced(value) {
            out.push(b' ');
        }
        object(out, value)?;
    }
    out.extend_from_slice(b">>");
    Ok(())
}

/// A name: white space, delimiters, `#` and bytes outside ! to ~ as #XX.
fn name(out: &mut Vec<u8>, n: &[u8]) -> std::io::Result<()> {
    out.push(b'/');
    for &b in n {
        if b" \t\n\r\x0C()<>[]{}/%#".contains(&b) || !(33..=126).contains(&b) {
            write!(out, "#{b:02X}")?;
        } else {
            out.push(b);
        }
    }
    Ok(())
}

/// A literal string: backslashes, carriage returns and unbalanced
/// parentheses escaped.
fn literal(out: &mut Vec<u8>, text: &[u8]) {
    let mut escaped = vec![false; text.len()];
    let mut open: Vec<usize> = Vec::new();
    for (i, &b) in text.iter().enumerate() {
        match b {
            b'(' => open.push(i),
            b')' => {
                if open.pop().is_none() {
                    escaped[i] = true;
                }
            }
            b'\\' | b'\r' => escaped[i] = true,
            _ => {}
        }
    }
    for i in open {
        escaped[i] = true;
    }
    out.push(b'(');
    for (&b, &e) in text.iter().zip(&escaped) {
        if e {
            out.push(b'\\');
            out.push(if b == b'\r' { b'r' } else { b });
        } else {
            out.push(b);
        }
    }
    out.push(b')');
}

/// The cross-reference table: object 0, then a section for each run of
/// numbers that are in the file.
fn xref(out: &mut Vec<u8>, offsets: &[Option<(usize, u16)>]) -> std::io::Result<()> {
    writeln!(out, "xref")?;
    let mut start = 0;
    let mut entries: Vec<String> = vec![format!("{:>010} {:>05} f ", 0, 65535)];
    let flush = |out: &mut Vec<u8>, start: usize, entries: &mut Vec<String>| -> std::io::Result<()> {
        if !entries.is_empty() {
            writeln!(out, "{start} {}", entries.len())?;
            for e in entries.drain(..) {
                writeln!(out, "{e}")?;
            }
        }
        Ok(())
    };
    for (id, offset) in offsets.iter().enumerate().skip(1) {
        match offset {
            Some((offset, generation)) => {
                if entries.is_empty() {
                    start = id;
                }
                entries.push(format!("{offset:>010} {generation:>05} n "));
            }
            None => flush(out, start, &mut entries)?,
        }
    }
    flush(out, start, &mut entries)
}

#[cfg(test)]
mod tests {
    use lopdf::{dictionary, Document, Object, StringFormat};

    /// Without structure elements the file is lopdf's own, byte for byte,
    /// including a gap in the object numbers.
    #[test]
    fn the_file_is_the_one_lopdf_writes() {
        let mut lo = Document::with_version("1.7");
        lo.reference_table.cross_reference_type = lopdf::xref::XrefType::CrossReferenceTable;
        let a = lo.add_object(dictionary! { "Type" => "Catalog" });
        let _gap = lo.new_object_id();
        lo.add_object(Object::Integer(7));
        lo.add_object(Object::Name(b"N a#(b)".to_vec()));
        lo.add_object(Object::Real(0.25));
        lo.add_object(Object::Null);
        lo.add_object(vec![Object::Boolean(true), Object::Boolean(false), Object::Integer(-3), Object::Name(b"X".to_vec()), a.into(), Object::Real(1.5)]);
        lo.add_object(dictionary! { "A" => Object::string_literal("x(y\\z)) (\r"), "B" => Object::String(vec![0xFE, 0xFF, 0x4E, 0x00], StringFormat::Hexadecimal), "C" => a, "D" => dictionary! { "E" => Object::Null } });
        lo.add_object(lopdf::Stream::new(dictionary! { "Length" => 3 }, b"q Q".to_vec()));
        lo.trailer.set("Root", a);
        let mut theirs = Vec::new();
        lo.clone().save_to(&mut theirs).unwrap();
        let layout = er_pages::Layout { pages: Vec::new(), bookmarks: Vec::new(), targets: Vec::new(), structure: Vec::new() };
        let elements = crate::catalog::structure(&mut lo.clone(), &layout, &[]);
        let ours = super::write(&mut lo, &elements).unwrap();
        assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs));
    }
}
