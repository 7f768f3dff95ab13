//! A DOCX read back from its XML parts.

use std::collections::{BTreeMap, BTreeSet};
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
    /// The numbering list it belongs to (w:numId, its own or its style's);
    /// 0 or None: not numbered.
    pub num_id: Option<u32>,
    /// Whether it has borders of its own or its style's (w:pBdr).
    pub border: bool,
    /// Its own list level (w:ilvl).
    pub level: Option<u32>,
    /// Whether its numbering shows a number or a mark: its list's level
    /// has a format other than none or a text (numbering.xml).
    pub numbered: bool,
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
    /// Its numbering (w:numPr/w:numId), 0 for "none" said outright.
    pub num_id: Option<u32>,
    /// Whether its paragraphs have borders (w:pBdr).
    pub border: Option<bool>,
    /// A table style's borders (w:tblBorders): each line and width, as
    /// [`border_of`] names it.
    pub table_borders: Option<BTreeSet<String>>,
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
        let mut in_borders: Option<BTreeSet<String>> = None;
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
                        b"w:numId" if in_ppr => {
                            if let Some(c) = cur.as_mut() {
                                c.num_id = attr(e, b"w:val").and_then(|v| v.parse().ok());
                            }
                        }
                        b"w:pBdr" if in_ppr => {
                            if let Some(c) = cur.as_mut() {
                                c.border = Some(true);
                            }
                        }
                        b"w:tblBorders" if !empty => in_borders = Some(BTreeSet::new()),
                        b"w:top" | b"w:left" | b"w:bottom" | b"w:right" | b"w:insideH" | b"w:insideV" | b"w:start" | b"w:end" => {
                            if let Some(b) = in_borders.as_mut() {
                                b.insert(border_of(e));
                            }
                        }
                        _ => {}
                    }
                }
                Event::End(ref e) => match e.name().as_ref() {
                    b"w:tblBorders" => {
                        if let (Some(c), Some(b)) = (cur.as_mut(), in_borders.take()) {
                            c.table_borders = Some(b);
                        }
                    }
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
    /// Each table's borders, its own, its cells' and its style's.
    pub table_borders: Vec<TableBorders>,
    /// Per part that has shapes (text boxes), whether each shape is drawn
    /// with an outline, in the order they stand.
    pub shape_outlines: Vec<(String, Vec<bool>)>,
}

/// numbering.xml read: each list (w:num) and the levels of its abstract
/// list, each with the style it is linked to and whether it shows anything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lists {
    /// numId → abstractNumId.
    pub nums: BTreeMap<u32, u32>,
    /// abstractNumId → its levels.
    pub levels: BTreeMap<u32, Vec<ListLevel>>,
}

/// A level of a list (w:lvl).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListLevel {
    /// w:ilvl.
    pub level: u32,
    /// The paragraph style linked to it (w:pStyle).
    pub style: Option<String>,
    /// Whether it shows a number or a mark: a format other than none
    /// (w:numFmt), or a text (w:lvlText).
    pub shows: bool,
}

impl Lists {
    /// Reads numbering.xml; a damaged one reads as no lists.
    pub fn read(xml: &[u8]) -> Lists {
        let mut r = Reader::from_reader(xml);
        let mut buf = Vec::new();
        let mut out = Lists::default();
        let (mut abs, mut num): (Option<u32>, Option<u32>) = (None, None);
        // The level being read, with its format and text.
        let mut lvl: Option<(ListLevel, Option<String>, Option<String>)> = None;
        let num_attr = |e: &BytesStart, n: &[u8]| attr(e, n).and_then(|v| v.parse::<u32>().ok());
        while let Ok(ev) = r.read_event_into(&mut buf) {
            match ev {
                Event::Eof => break,
                Event::Start(ref e) | Event::Empty(ref e) => match e.name().as_ref() {
                    b"w:abstractNum" => abs = num_attr(e, b"w:abstractNumId"),
                    b"w:num" => num = num_attr(e, b"w:numId"),
                    b"w:abstractNumId" => {
                        if let (Some(n), Some(a)) = (num, num_attr(e, b"w:val")) {
                            out.nums.insert(n, a);
                        }
                    }
                    b"w:lvl" => lvl = Some((ListLevel { level: num_attr(e, b"w:ilvl").unwrap_or(0), ..ListLevel::default() }, None, None)),
                    b"w:pStyle" => {
                        if let Some(l) = lvl.as_mut() {
                            l.0.style = attr(e, b"w:val");
                        }
                    }
                    b"w:numFmt" => {
                        if let Some(l) = lvl.as_mut() {
                            l.1 = attr(e, b"w:val");
                        }
                    }
                    b"w:lvlText" => {
                        if let Some(l) = lvl.as_mut() {
                            l.2 = attr(e, b"w:val");
                        }
                    }
                    _ => {}
                },
                Event::End(ref e) if e.name().as_ref() == b"w:lvl" => {
                    if let (Some(a), Some((mut level, fmt, text))) = (abs, lvl.take()) {
                        level.shows = fmt.as_deref() != Some("none") || text.as_deref().is_some_and(|t| !t.is_empty());
                        out.levels.entry(a).or_default().push(level);
                    }
                }
                _ => {}
            }
            buf.clear();
        }
        out
    }

    /// Whether list `num` shows a number or mark on a paragraph of style
    /// `style` at `level`: the level linked to the style, else `level`.
    pub fn shows(&self, num: u32, style: Option<&str>, level: u32) -> bool {
        let Some(levels) = self.nums.get(&num).and_then(|a| self.levels.get(a)) else { return false };
        let linked = levels.iter().find(|l| l.style.is_some() && l.style.as_deref() == style);
        linked.or_else(|| levels.iter().find(|l| l.level == level)).is_some_and(|l| l.shows)
    }
}

/// The borders a table is drawn with, whichever level declares them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TableBorders {
    /// Its table style (w:tblStyle).
    pub style: Option<String>,
    /// Whether the table declares borders itself (w:tblBorders), which
    /// then stand instead of its style's.
    pub own: bool,
    /// Each line and width of the table's, its cells' and (unless it has
    /// its own) its style's borders, as [`border_of`] names it.
    pub lines: BTreeSet<String>,
}

/// One border as people read it, whichever side it is on: its line and
/// width in points (w:sz is in eighths of a point): "single 0.5".
fn border_of(e: &BytesStart) -> String {
    let val = attr(e, b"w:val").unwrap_or_default();
    let sz = attr(e, b"w:sz").and_then(|v| v.parse::<f64>().ok()).map_or_else(String::new, |v| format!(" {}", v / 8.0));
    format!("{val}{sz}")
}

/// Whether each shape of a part (a DrawingML text box, a VML rectangle or
/// shape) is drawn with an outline: a DrawingML shape unless its outline
/// is `a:noFill` (or it has none); a VML one unless `stroked` is off or
/// a `v:stroke` turns it off.
pub fn shape_outlines(xml: &[u8]) -> Vec<bool> {
    let mut r = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    // (DrawingML?, outlined) of the shape being read.
    let mut cur: Option<(bool, bool)> = None;
    let mut in_ln = false;
    // A shape in mc:Fallback is the same shape again, for older readers.
    let mut fallback = 0usize;
    // A damaged part ends the reading: what was read stands.
    while let Ok(ev) = r.read_event_into(&mut buf) {
        match ev {
            Event::Eof => break,
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(ev, Event::Empty(_));
                if e.name().as_ref() == b"mc:Fallback" && !empty {
                    fallback += 1;
                }
                if fallback > 0 {
                    buf.clear();
                    continue;
                }
                match e.name().as_ref() {
                    b"wps:wsp" => cur = Some((true, false)),
                    b"v:rect" | b"v:shape" | b"v:roundrect" => {
                        let stroked = attr(e, b"stroked").is_none_or(|v| !matches!(v.as_str(), "f" | "false" | "0"));
                        cur = Some((false, stroked));
                        if empty {
                            out.extend(cur.take().map(|c| c.1));
                        }
                    }
                    b"v:stroke" => {
                        if let Some(c) = cur.as_mut().filter(|c| !c.0) {
                            if attr(e, b"on").is_some_and(|v| matches!(v.as_str(), "f" | "false" | "0")) {
                                c.1 = false;
                            }
                        }
                    }
                    b"a:ln" => {
                        if let Some(c) = cur.as_mut().filter(|c| c.0) {
                            c.1 = true;
                            in_ln = !empty;
                        }
                    }
                    b"a:noFill" if in_ln => {
                        if let Some(c) = cur.as_mut() {
                            c.1 = false;
                        }
                    }
                    _ => {}
                }
            }
            Event::End(ref e) => match e.name().as_ref() {
                b"mc:Fallback" => fallback = fallback.saturating_sub(1),
                _ if fallback > 0 => {}
                b"a:ln" => in_ln = false,
                b"wps:wsp" | b"v:rect" | b"v:shape" | b"v:roundrect" => out.extend(cur.take().map(|c| c.1)),
                _ => {}
            },
            _ => {}
        }
        buf.clear();
    }
    out
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
        let mut table_borders: Option<BTreeSet<String>> = None;
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
                            d.table_borders.push(TableBorders::default());
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
                        b"w:numId" => {
                            if let Some(p) = para.as_mut() {
                                p.num_id = attr(s, b"w:val").and_then(|v| v.parse().ok());
                            }
                        }
                        b"w:ilvl" => {
                            if let Some(p) = para.as_mut() {
                                p.level = attr(s, b"w:val").and_then(|v| v.parse().ok());
                            }
                        }
                        b"w:pBdr" => {
                            if let Some(p) = para.as_mut() {
                                p.border = true;
                            }
                        }
                        b"w:tblStyle" => {
                            if let Some(t) = d.table_borders.last_mut() {
                                t.style = attr(s, b"w:val");
                            }
                        }
                        b"w:tblBorders" | b"w:tcBorders" if !empty => table_borders = Some(BTreeSet::new()),
                        b"w:top" | b"w:left" | b"w:bottom" | b"w:right" | b"w:insideH" | b"w:insideV" | b"w:start" | b"w:end" if table_borders.is_some() => {
                            if let Some(b) = table_borders.as_mut() {
                                b.insert(border_of(s));
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
                    b"w:tblBorders" | b"w:tcBorders" => {
                        if let (Some(t), Some(b)) = (d.table_borders.last_mut(), table_borders.take()) {
                            t.own |= e.name().as_ref() == b"w:tblBorders";
                            t.lines.extend(b);
                        }
                    }
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
        let lists = parts.get("word/numbering.xml").map(|x| Lists::read(x)).unwrap_or_default();
        for p in &mut d.paragraphs {
            let ps = p.style.clone().or_else(|| default_style.clone());
            let ps = ps.as_deref();
            p.style_name = ps.and_then(|id| styles.styles.get(id)).map(|s| s.name.clone());
            p.align = p.align.take().or_else(|| styles.inherited(ps, |s| s.align.clone()));
            p.first_line = p.first_line.or_else(|| styles.inherited(ps, |s| s.first_line));
            p.outline = p.outline.or_else(|| styles.inherited(ps, |s| s.outline));
            p.num_id = p.num_id.or_else(|| styles.inherited(ps, |s| s.num_id));
            p.border |= styles.inherited(ps, |s| s.border).unwrap_or(false);
            p.numbered = p.num_id.filter(|n| *n > 0).is_some_and(|n| lists.shows(n, ps, p.level.unwrap_or(0)));
            for r in &p.runs {
                let rs = r.style.as_deref();
                p.fonts.extend(styles.run_property(r.east_asia.clone(), rs, ps, styles.east_asia.clone(), |s| s.east_asia.clone()));
                p.latin_fonts.extend(styles.run_property(r.ascii.clone(), rs, ps, styles.ascii.clone(), |s| s.ascii.clone()));
                p.sizes.extend(styles.run_property(r.size, rs, ps, styles.size, |s| s.size));
            }
        }
        // A table without borders of its own is drawn with its style's.
        for t in d.table_borders.iter_mut().filter(|t| !t.own) {
            t.lines.extend(styles.inherited(t.style.as_deref(), |s| s.table_borders.clone()).unwrap_or_default());
        }
        d.shape_outlines = parts
            .iter()
            .filter(|(n, _)| n.starts_with("word/") && n.ends_with(".xml") && (n.contains("document") || n.contains("header") || n.contains("footer")))
            .map(|(n, x)| (n.clone(), shape_outlines(x)))
            .filter(|(_, v)| !v.is_empty())
            .collect();
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
