//! A DOCX read back from its XML parts.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use er_i18n::t;

use crate::damaged;

/// Every part of the package, by name.
pub fn parts(bytes: &[u8]) -> Result<BTreeMap<String, Vec<u8>>, String> {
    let mut out = BTreeMap::new();
    each_part(bytes, |name, v| {
        out.insert(name, v);
    })?;
    Ok(out)
}

/// Checks that every part of a package inflates within the bounds
/// ([`MAX_PART_BYTES`] a part, [`MAX_PACKAGE_BYTES`] in all) before a
/// reader that has no bound of its own (calamine) is given it; one part in
/// memory at a time.
pub fn check_package(bytes: &[u8]) -> Result<(), String> {
    each_part(bytes, |_, _| {})
}

/// Each part of the package inflated, within the bounds, handed to `f`.
fn each_part(bytes: &[u8], mut f: impl FnMut(String, Vec<u8>)) -> Result<(), String> {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    let mut total = 0u64;
    for i in 0..z.len() {
        let part = z.by_index(i).map_err(damaged)?;
        let name = part.name().map_err(damaged)?.to_string();
        // Bounded by the bytes inflated, not by the size the entry claims:
        // a small zip may inflate to gigabytes.
        let mut v = Vec::new();
        part.take(MAX_PART_BYTES + 1).read_to_end(&mut v).map_err(damaged)?;
        total += v.len() as u64;
        if v.len() as u64 > MAX_PART_BYTES || total > MAX_PACKAGE_BYTES {
            return Err(t!("read-inflates", part = name, mib = v.len().max(1) >> 20, part_max = MAX_PART_BYTES >> 20, all_max = MAX_PACKAGE_BYTES >> 20));
        }
        f(name, v);
    }
    Ok(())
}

/// Most bytes one part of a DOCX or XLSX may inflate to when read back:
/// a report's document.xml is a few hundred kilobytes.
pub const MAX_PART_BYTES: u64 = 64 << 20;
/// Most paragraphs, table rows and cells of a document read: a report
/// has a few hundred, a county's roll-up of a thousand agencies ~40,000.
pub const MAX_ELEMENTS: usize = 200_000;
/// Most bytes all the parts may inflate to together.
pub const MAX_PACKAGE_BYTES: u64 = 256 << 20;

/// The text of the first element `name` in an XML part, as written
/// (entities undecoded): dc:title in docProps/core.xml. None when absent.
///
/// ```
/// let xml = "<cp:coreProperties><dc:creator>某局</dc:creator></cp:coreProperties>".as_bytes();
/// assert_eq!(er_read::docx::element_text(xml, "dc:creator").as_deref(), Some("某局"));
/// assert_eq!(er_read::docx::element_text(xml, "dc:title"), None);
/// ```
pub fn element_text(xml: &[u8], name: &str) -> Option<String> {
    let s = String::from_utf8_lossy(xml);
    let i = s.find(&format!("<{name}"))?;
    let from = i + s[i..].find('>')? + 1;
    let k = s[from..].find(&format!("</{name}>"))?;
    Some(s[from..from + k].to_string())
}


/// A paragraph: its text and the formatting a reader checks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Paragraph {
    pub text: String,
    /// East Asian font of each run with text.
    pub fonts: Vec<String>,
    /// Size of each run with text, in half-points.
    pub sizes: Vec<u32>,
    pub align: Option<String>,
    /// First-line indent in twips.
    pub first_line: Option<i32>,
    pub in_table: bool,
    /// The paragraph style's id and name, as Word shows it.
    pub style: Option<String>,
    pub style_name: Option<String>,
    /// Outline level, 0 for Word's level 1: the paragraph's or its style's.
    pub outline: Option<u8>,
    /// Latin (w:ascii) font of each run with text.
    pub latin_fonts: Vec<String>,
    /// Whether any run with text sets its own character spacing.
    pub run_spacing: bool,
    /// Each run with text as written (direct properties only).
    pub runs: Vec<RunProps>,
}

/// A run's own properties, before styles apply.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunProps {
    pub east_asia: Option<String>,
    pub ascii: Option<String>,
    pub size: Option<u32>,
    pub style: Option<String>,
}

/// A style of styles.xml, its own properties (not inherited ones).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StyleDef {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub based_on: Option<String>,
    pub east_asia: Option<String>,
    pub ascii: Option<String>,
    pub size: Option<u32>,
    pub align: Option<String>,
    pub first_line: Option<i32>,
    pub outline: Option<u8>,
    pub default: bool,
}

/// styles.xml read: the defaults' fonts and size, and every style.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Styles {
    pub east_asia: Option<String>,
    pub ascii: Option<String>,
    pub size: Option<u32>,
    pub styles: BTreeMap<String, StyleDef>,
}

impl Styles {
    /// Reads word/styles.xml.
    pub fn read(xml: &[u8]) -> Result<Styles, String> {
        let mut r = Reader::from_reader(xml);
        let mut out = Styles::default();
        let mut cur: Option<StyleDef> = None;
        let (mut in_ppr, mut in_defaults) = (false, false);
        let mut buf = Vec::new();
        loop {
            let ev = r.read_event_into(&mut buf).map_err(damaged)?;
            match ev {
                Event::Eof => break,
                Event::Start(ref e) | Event::Empty(ref e) => {
                    let empty = matches!(ev, Event::Empty(_));
                    match e.name().as_ref() {
                        b"w:docDefaults" => in_defaults = !empty,
                        b"w:style" => {
                            cur = Some(StyleDef {
                                id: attr(e, b"w:styleId").unwrap_or_default(),
                                kind: attr(e, b"w:type").unwrap_or_default(),
                                default: attr(e, b"w:default").is_some_and(|v| v == "1" || v == "true"),
                                ..StyleDef::default()
                            })
                        }
                        b"w:pPr" | b"w:pPrDefault" => in_ppr = !empty,
                        b"w:name" => {
                            if let Some(c) = cur.as_mut() {
                                c.name = attr(e, b"w:val").unwrap_or_default();
                            }
                        }
                        b"w:basedOn" => {
                            if let Some(c) = cur.as_mut() {
                                c.based_on = attr(e, b"w:val");
                            }
                        }
                        b"w:rFonts" if !in_ppr => match cur.as_mut() {
                            Some(c) => {
                                c.east_asia = attr(e, b"w:eastAsia");
                                c.ascii = attr(e, b"w:ascii");
                            }
                            None if in_defaults => {
                                out.east_asia = attr(e, b"w:eastAsia");
                                out.ascii = attr(e, b"w:ascii");
                            }
                            None => {}
                        },
                        b"w:sz" if !in_ppr => {
                            let v = attr(e, b"w:val").and_then(|v| v.parse().ok());
                            match cur.as_mut() {
                                Some(c) => c.size = v,
                                None if in_defaults => out.size = v,
                                None => {}
                            }
                        }
                        b"w:jc" if in_ppr => {
                            if let Some(c) = cur.as_mut() {
                                c.align = attr(e, b"w:val");
                            }
                        }
                        b"w:ind" if in_ppr => {
                            if let Some(c) = cur.as_mut() {
                                c.first_line = attr(e, b"w:firstLine").and_then(|v| v.parse().ok()).or(c.first_line);
                            }
                        }
                        b"w:outlineLvl" if in_ppr => {
                            if let Some(c) = cur.as_mut() {
                                c.outline = attr(e, b"w:val").and_then(|v| v.parse().ok());
                            }
                        }
                        _ => {}
                    }
                }
                Event::End(ref e) => match e.name().as_ref() {
                    b"w:pPr" | b"w:pPrDefault" => in_ppr = false,
                    b"w:docDefaults" => in_defaults = false,
                    b"w:style" => {
                        if let Some(c) = cur.take() {
                            out.styles.insert(c.id.clone(), c);
                        }
                    }
                    _ => {}
                },
                _ => {}
            }
            buf.clear();
        }
        Ok(out)
    }

    /// The first value `get` finds on the style `id` or the styles it is
    /// based on.
    pub fn inherited<T>(&self, id: Option<&str>, get: impl Fn(&StyleDef) -> Option<T>) -> Option<T> {
        let mut id = id.map(str::to_string);
        for _ in 0..16 {
            let s = self.styles.get(id.as_deref()?)?;
            if let Some(v) = get(s) {
                return Some(v);
            }
            id = s.based_on.clone();
        }
        None
    }

    /// A run's property as a reader sees it: the run's own, else its
    /// character style's, else its paragraph style's, else the default.
    pub fn run_property<T>(&self, own: Option<T>, run_style: Option<&str>, para_style: Option<&str>, default: Option<T>, get: impl Fn(&StyleDef) -> Option<T>) -> Option<T> {
        own.or_else(|| self.inherited(run_style, &get)).or_else(|| self.inherited(para_style, &get)).or(default)
    }

    /// The default paragraph style's id.
    pub fn default_paragraph(&self) -> Option<&str> {
        self.styles.values().find(|s| s.default && s.kind == "paragraph").map(|s| s.id.as_str())
    }
}

/// A table cell as written: text, column span, vertical merge.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    pub text: String,
    pub grid_span: usize,
    /// "restart", "continue", or None.
    pub v_merge: Option<String>,
}

/// A section's page setup, in twips.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Section {
    pub width: i64,
    pub height: i64,
    pub orient: Option<String>,
    pub top: i64,
    pub bottom: i64,
    pub left: i64,
    pub right: i64,
}

/// What a reader sees of word/document.xml.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Docx {
    pub paragraphs: Vec<Paragraph>,
    /// Tables, rows, cells.
    pub tables: Vec<Vec<Vec<Cell>>>,
    /// Column widths of each table's grid.
    pub grids: Vec<Vec<i64>>,
    pub sections: Vec<Section>,
}

fn attr(s: &BytesStart, name: &[u8]) -> Option<String> {
    s.attributes().flatten().find(|a| a.key.as_ref() == name).map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

impl Docx {
    /// Reads a DOCX.
    pub fn read(bytes: &[u8]) -> Result<Docx, String> {
        let mut elements = 0usize;
        let parts = parts(bytes)?;
        let xml = parts.get("word/document.xml").ok_or("no word/document.xml")?;
        let mut r = Reader::from_reader(xml.as_slice());
        let mut d = Docx::default();
        let mut buf = Vec::new();
        let mut para: Option<Paragraph> = None;
        let mut cell: Option<Cell> = None;
        let mut in_t = false;
        let mut run = RunProps::default();
        let mut run_spacing = false;
        let mut in_rpr = false;
        let mut depth_tbl = 0;
        let mut section: Option<Section> = None;
        loop {
            let ev = r.read_event_into(&mut buf).map_err(damaged)?;
            match ev {
                Event::Eof => break,
                Event::Start(ref s) | Event::Empty(ref s) => {
                    let empty = matches!(ev, Event::Empty(_));
                    if matches!(s.name().as_ref(), b"w:p" | b"w:tr" | b"w:tc") {
                        elements += 1;
                        if elements > MAX_ELEMENTS {
                            return Err(t!("read-too-many-elements", max = MAX_ELEMENTS));
                        }
                    }
                    match s.name().as_ref() {
                        b"w:tbl" => {
                            depth_tbl += 1;
                            d.tables.push(Vec::new());
                            d.grids.push(Vec::new());
                        }
                        b"w:gridCol" => {
                            if let Some(g) = d.grids.last_mut() {
                                g.push(attr(s, b"w:w").and_then(|v| v.parse().ok()).unwrap_or(0));
                            }
                        }
                        b"w:tr" => {
                            if let Some(t) = d.tables.last_mut() {
                                t.push(Vec::new());
                            }
                        }
                        b"w:tc" => cell = Some(Cell { grid_span: 1, ..Cell::default() }),
                        b"w:gridSpan" => {
                            if let Some(c) = cell.as_mut() {
                                c.grid_span = attr(s, b"w:val").and_then(|v| v.parse().ok()).unwrap_or(1);
                            }
                        }
                        b"w:vMerge" => {
                            if let Some(c) = cell.as_mut() {
                                c.v_merge = Some(attr(s, b"w:val").unwrap_or_else(|| "continue".into()));
                            }
                        }
                        b"w:p" => {
                            para = Some(Paragraph { in_table: depth_tbl > 0, ..Paragraph::default() });
                            if empty {
                                d.paragraphs.extend(para.take());
                            }
                        }
                        b"w:jc" => {
                            if let Some(p) = para.as_mut() {
                                p.align = attr(s, b"w:val");
                            }
                        }
                        b"w:ind" => {
                            if let Some(p) = para.as_mut() {
                                p.first_line = attr(s, b"w:firstLine").and_then(|v| v.parse().ok());
                            }
                        }
                        b"w:pStyle" => {
                            if let Some(p) = para.as_mut() {
                                p.style = attr(s, b"w:val");
                            }
                        }
                        b"w:outlineLvl" => {
                            if let Some(p) = para.as_mut() {
                                p.outline = attr(s, b"w:val").and_then(|v| v.parse().ok());
                            }
                        }
                        b"w:r" => {
                            run = RunProps::default();
                            run_spacing = false;
                        }
                        b"w:rStyle" => run.style = attr(s, b"w:val"),
                        b"w:rFonts" => {
                            run.east_asia = attr(s, b"w:eastAsia");
                            run.ascii = attr(s, b"w:ascii");
                        }
                        b"w:sz" => run.size = attr(s, b"w:val").and_then(|v| v.parse().ok()),
                        b"w:spacing" if para.is_some() && in_rpr => run_spacing = true,
                        b"w:rPr" if !empty => in_rpr = true,
                        b"w:t" if !empty => in_t = true,
                        // A typed line break reads as a line feed, as in Word's copy.
                        b"w:br" => {
                            if let Some(p) = para.as_mut() {
                                p.text.push('\n');
                            }
                            if let Some(c) = cell.as_mut() {
                                c.text.push('\n');
                            }
                        }
                        b"w:sectPr" => section = Some(Section::default()),
                        b"w:pgSz" => {
                            if let Some(sec) = section.as_mut() {
                                sec.width = attr(s, b"w:w").and_then(|v| v.parse().ok()).unwrap_or(0);
                                sec.height = attr(s, b"w:h").and_then(|v| v.parse().ok()).unwrap_or(0);
                                sec.orient = attr(s, b"w:orient");
                            }
                        }
                        b"w:pgMar" => {
                            if let Some(sec) = section.as_mut() {
                                let g = |n: &[u8]| attr(s, n).and_then(|v| v.parse().ok()).unwrap_or(0);
                                sec.top = g(b"w:top");
                                sec.bottom = g(b"w:bottom");
                                sec.left = g(b"w:left");
                                sec.right = g(b"w:right");
                            }
                        }
                        _ => {}
                    }
                    if empty && s.name().as_ref() == b"w:sectPr" {
                        d.sections.extend(section.take());
                    }
                }
                Event::Text(t) if in_t => {
                    let text = t.decode().map_err(damaged)?;
                    let text = quick_xml::escape::unescape(&text).map_err(damaged)?.into_owned();
                    if let Some(p) = para.as_mut() {
                        p.text.push_str(&text);
                        p.runs.push(run.clone());
                        p.run_spacing |= run_spacing;
                    }
                }
                Event::GeneralRef(g) if in_t => {
                    // A character reference (&#52; is 4, &#x32; is 2) is its
                    // character: dropped, 4&#x32;6 would read as 46.
                    let c = match g.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        Ok(None) => match String::from_utf8_lossy(&g).as_ref() {
                            "amp" => "&",
                            "lt" => "<",
                            "gt" => ">",
                            "quot" => "\"",
                            "apos" => "'",
                            other => return Err(t!("read-unknown-entity", name = other)),
                        }
                        .to_string(),
                        Err(e) => return Err(t!("read-bad-char-ref", error = e)),
                    };
                    if let Some(p) = para.as_mut() {
                        p.text.push_str(&c);
                    }
                }
                Event::End(e) => match e.name().as_ref() {
                    b"w:t" => in_t = false,
                    b"w:rPr" => in_rpr = false,
                    b"w:p" => {
                        if let Some(p) = para.take() {
                            if let Some(c) = cell.as_mut() {
                                if !c.text.is_empty() && !p.text.is_empty() {
                                    c.text.push('\n');
                                }
                                c.text.push_str(&p.text);
                            }
                            d.paragraphs.push(p);
                        }
                    }
                    b"w:tc" => {
                        if let (Some(c), Some(t)) = (cell.take(), d.tables.last_mut()) {
                            if let Some(row) = t.last_mut() {
                                row.push(c);
                            }
                        }
                    }
                    b"w:tbl" => depth_tbl -= 1,
                    b"w:sectPr" => d.sections.extend(section.take()),
                    _ => {}
                },
                _ => {}
            }
            buf.clear();
        }
        // Each paragraph's formatting as a reader sees it: its own, else
        // its style's (and the styles that style is based on), else the
        // document's defaults.
        let styles = parts.get("word/styles.xml").map(|x| Styles::read(x)).transpose()?.unwrap_or_default();
        let default_style = styles.default_paragraph().map(str::to_string);
        for p in &mut d.paragraphs {
            let ps = p.style.clone().or_else(|| default_style.clone());
            let ps = ps.as_deref();
            p.style_name = ps.and_then(|id| styles.styles.get(id)).map(|s| s.name.clone());
            p.align = p.align.take().or_else(|| styles.inherited(ps, |s| s.align.clone()));
            p.first_line = p.first_line.or_else(|| styles.inherited(ps, |s| s.first_line));
            p.outline = p.outline.or_else(|| styles.inherited(ps, |s| s.outline));
            for r in &p.runs {
                let rs = r.style.as_deref();
                p.fonts.extend(styles.run_property(r.east_asia.clone(), rs, ps, styles.east_asia.clone(), |s| s.east_asia.clone()));
                p.latin_fonts.extend(styles.run_property(r.ascii.clone(), rs, ps, styles.ascii.clone(), |s| s.ascii.clone()));
                p.sizes.extend(styles.run_property(r.size, rs, ps, styles.size, |s| s.size));
            }
        }
        Ok(d)
    }

    /// The text of the document's paragraphs in order, tables included.
    pub fn text(&self) -> String {
        self.paragraphs.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n")
    }

    /// A table's cells as rectangles (row, col, rows, cols, text), merges resolved.
    pub fn table_grid(&self, t: usize) -> Vec<(usize, usize, usize, usize, String)> {
        let mut out: Vec<(usize, usize, usize, usize, String)> = Vec::new();
        for (r, row) in self.tables[t].iter().enumerate() {
            let mut col = 0;
            for c in row {
                match c.v_merge.as_deref() {
                    Some("continue") => {
                        if let Some(cell) = out.iter_mut().rev().find(|x| x.1 == col && x.0 + x.2 == r) {
                            cell.2 += 1;
                        }
                    }
                    _ => out.push((r, col, 1, c.grid_span, c.text.clone())),
                }
                col += c.grid_span;
            }
        }
        out.sort();
        out
    }
}
