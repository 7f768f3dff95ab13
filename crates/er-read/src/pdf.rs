//! A PDF read back with lopdf: each page's size and its text with positions.

use std::collections::BTreeMap;

use er_i18n::t;
use lopdf::{Document, Object};

/// A run of text where the content stream draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// From the page's bottom-left corner, in points.
    pub x: f64,
    pub y: f64,
    pub text: String,
    /// Set by a text matrix turned a quarter clockwise: the run reads down
    /// the page, the glyphs' tops to the right (a landscape page's number).
    pub turned: bool,
    /// The font's BaseFont name, subset prefix included (ERFANG+…).
    pub font: String,
    /// The marked-content id the run is drawn under (tagged PDF), if any.
    pub mcid: Option<i64>,
    /// Drawn as an artifact (page numbers): outside the structure.
    pub artifact: bool,
}

/// A straight stroked segment, from the page's bottom-left corner, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
}

/// One page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub width: f64,
    pub height: f64,
    pub runs: Vec<TextRun>,
    /// The rules drawn on the page.
    pub segments: Vec<Segment>,
}

/// A cell of a ruled table as the rules draw it: its place in the grid the
/// rules make (top row 0, left column 0) and its spans.
#[derive(Debug, Clone, PartialEq)]
pub struct RuledCell {
    pub row: usize,
    pub col: usize,
    pub rows: usize,
    pub cols: usize,
    /// Where the cell stands on the page, in points: its left and right
    /// rules' x, its top and bottom rules' y.
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    /// The text drawn inside it, line by line joined, in reading order.
    pub text: String,
}

impl Page {
    /// The ruled tables of the page, top to bottom, each as its cells: the
    /// grid the rules make, with neighbouring slots that no rule separates
    /// merged into one cell.
    pub fn ruled_tables(&self) -> Vec<Vec<RuledCell>> {
        const EPS: f64 = RULE_EPS;
        let segs = &self.segments;
        // The grouping compares every two rules: a page of more rules than
        // a roll-up's page draws is no table of ours.
        if segs.len() > MAX_RULES {
            return Vec::new();
        }
        // Group the segments that touch into tables (union-find).
        let mut parent: Vec<usize> = (0..segs.len()).collect();
        fn find(p: &mut Vec<usize>, i: usize) -> usize {
            let mut i = i;
            while p[i] != i {
                p[i] = p[p[i]];
                i = p[i];
            }
            i
        }
        let bbox = |s: &Segment| (s.x1.min(s.x2) - EPS, s.x1.max(s.x2) + EPS, s.y1.min(s.y2) - EPS, s.y1.max(s.y2) + EPS);
        for i in 0..segs.len() {
            for j in i + 1..segs.len() {
                let (a, b) = (bbox(&segs[i]), bbox(&segs[j]));
                if a.0 <= b.1 && b.0 <= a.1 && a.2 <= b.3 && b.2 <= a.3 {
                    let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                    parent[ri] = rj;
                }
            }
        }
        let mut groups: BTreeMap<usize, Vec<Segment>> = BTreeMap::new();
        for i in 0..segs.len() {
            let r = find(&mut parent, i);
            groups.entry(r).or_default().push(segs[i]);
        }
        let mut tables: Vec<(f64, Vec<RuledCell>)> = groups.into_values().filter_map(|g| grid_of(&g)).collect();
        tables.sort_by(|a, b| b.0.total_cmp(&a.0));
        // Each upright run in the cell its start stands in, read top down.
        let mut runs: Vec<&TextRun> = self.runs.iter().filter(|r| !r.turned && !r.artifact).collect();
        runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
        for (_, cells) in &mut tables {
            for r in &runs {
                if let Some(c) = cells.iter_mut().find(|c| c.left - EPS <= r.x && r.x < c.right && c.bottom <= r.y && r.y <= c.top) {
                    c.text.push_str(&r.text);
                }
            }
        }
        tables.into_iter().map(|(_, t)| t).collect()
    }
}

/// Runs in reading order joined where `at` (a line's y, a turned
/// column's x) stays within half a point: each line with where it stands.
fn joined(runs: Vec<TextRun>, at: impl Fn(&TextRun) -> f64) -> Vec<(f64, f64, String)> {
    let mut out: Vec<(f64, f64, String)> = Vec::new();
    for r in runs {
        let here = at(&r);
        match out.last_mut() {
            Some((there, _, s)) if (*there - here).abs() < 0.5 => s.push_str(&r.text),
            _ => out.push((here, r.x, r.text)),
        }
    }
    out
}

/// How far apart two rules may be and still meet, in points: a line's
/// width (LibreOffice draws a border from 99.25 and the border across it
/// at 99.5).
const RULE_EPS: f64 = 1.0;

/// The cells of one group of rules, with the group's top y; None for a
/// group that is not a grid (a lone rule).
fn grid_of(g: &[Segment]) -> Option<(f64, Vec<RuledCell>)> {
    const EPS: f64 = RULE_EPS;
    let horizontal: Vec<&Segment> = g.iter().filter(|s| (s.y1 - s.y2).abs() < EPS).collect();
    let vertical: Vec<&Segment> = g.iter().filter(|s| (s.x1 - s.x2).abs() < EPS).collect();
    let distinct = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v.dedup_by(|a, b| (*a - *b).abs() < EPS);
        v
    };
    let xs = distinct(vertical.iter().map(|s| s.x1).collect());
    let mut ys = distinct(horizontal.iter().map(|s| s.y1).collect());
    ys.reverse(); // top first
    if xs.len() < 2 || ys.len() < 2 {
        return None;
    }
    let (rows, cols) = (ys.len() - 1, xs.len() - 1);
    let covers_v = |x: f64, y: f64| vertical.iter().any(|s| (s.x1 - x).abs() < EPS && s.y1.min(s.y2) < y && y < s.y1.max(s.y2));
    let covers_h = |y: f64, x: f64| horizontal.iter().any(|s| (s.y1 - y).abs() < EPS && s.x1.min(s.x2) < x && x < s.x1.max(s.x2));
    let mut seen = vec![vec![false; cols]; rows];
    let mut cells = Vec::new();
    for r in 0..rows {
        for c in 0..cols {
            if seen[r][c] {
                continue;
            }
            // Grow right while no rule separates, then down.
            let ym = (ys[r] + ys[r + 1]) / 2.0;
            let mut c2 = c;
            while c2 + 1 < cols && !covers_v(xs[c2 + 1], ym) {
                c2 += 1;
            }
            let xm = (xs[c] + xs[c + 1]) / 2.0;
            let mut r2 = r;
            while r2 + 1 < rows && !covers_h(ys[r2 + 1], xm) {
                r2 += 1;
            }
            for row in seen.iter_mut().take(r2 + 1).skip(r) {
                for s in row.iter_mut().take(c2 + 1).skip(c) {
                    *s = true;
                }
            }
            cells.push(RuledCell {
                row: r,
                col: c,
                rows: r2 - r + 1,
                cols: c2 - c + 1,
                left: xs[c],
                right: xs[c2 + 1],
                top: ys[r],
                bottom: ys[r2 + 1],
                text: String::new(),
            });
        }
    }
    Some((ys[0], cells))
}

impl Page {
    /// The page's lines top to bottom, runs on one baseline joined left to right.
    ///
    /// Text turned a quarter (a landscape page's number on the sheet's
    /// edge) reads down its column, after the page's lines.
    pub fn lines(&self) -> Vec<String> {
        self.lines_at().into_iter().map(|(_, s)| s).collect()
    }

    /// The lines with the height each stands at (a turned column at the
    /// page's foot, below every line).
    pub fn lines_at(&self) -> Vec<(f64, String)> {
        self.placed_lines().into_iter().map(|l| (l.y, l.text)).collect()
    }

    /// The lines with where each stands: its height and the x it starts
    /// at, which say where a paragraph starts (an indented first line).
    pub fn placed_lines(&self) -> Vec<Line> {
        let (mut runs, mut turned): (Vec<TextRun>, Vec<TextRun>) = self.runs.iter().cloned().partition(|r| !r.turned);
        runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
        turned.sort_by(|a, b| a.x.total_cmp(&b.x).then(b.y.total_cmp(&a.y)));
        let columns = joined(turned, |r| r.x).into_iter().map(|(_, x, text)| Line { y: f64::NEG_INFINITY, x, text });
        joined(runs, |r| r.y).into_iter().map(|(y, x, text)| Line { y, x, text }).chain(columns).collect()
    }
}

/// A line of a page: its baseline's height, the x its first run starts
/// at, and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub y: f64,
    pub x: f64,
    pub text: String,
}

fn num(o: &Object) -> f64 {
    match o {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => *r as f64,
        _ => 0.0,
    }
}

/// A page's MediaBox size: its own or, as PDF allows, inherited from a
/// parent in the page tree.
fn media_box(doc: &Document, id: lopdf::ObjectId) -> Result<(f64, f64), String> {
    let mut node = doc.get_dictionary(id).map_err(crate::damaged)?;
    for _ in 0..32 {
        if let Ok(o) = node.get(b"MediaBox") {
            let o = match o {
                Object::Reference(r) => doc.get_object(*r).map_err(crate::damaged)?,
                o => o,
            };
            let mb = o.as_array().map_err(crate::damaged)?;
            if mb.len() != 4 {
                return Err(t!("read-media-box-numbers", n = mb.len()));
            }
            return Ok((num(&mb[2]) - num(&mb[0]), num(&mb[3]) - num(&mb[1])));
        }
        let parent = node.get(b"Parent").and_then(|p| p.as_reference()).map_err(|_| t!("read-no-media-box"))?;
        node = doc.get_dictionary(parent).map_err(crate::damaged)?;
    }
    Err(t!("read-media-box-deep"))
}

/// Most bytes one stream of a PDF may inflate to (an object stream, a
/// page's content): a report's page holds a few hundred kilobytes.
pub const MAX_STREAM_BYTES: usize = 64 << 20;
/// Most bytes all pages' contents may inflate to together.
pub const MAX_CONTENT_BYTES: usize = 256 << 20;
/// Most rules of a page grouped into ruled tables: a page of a roll-up
/// draws a few hundred.
pub const MAX_RULES: usize = 10_000;
/// Most pages read: a county's roll-up of a thousand agencies has 608.
pub const MAX_PAGES: usize = 20_000;

/// Loads a PDF with every stream decoded at load time (object and
/// cross-reference streams) bounded by [`MAX_STREAM_BYTES`]: a Flate or
/// object-stream bomb is an error, not a 2 GB allocation.
pub fn load(bytes: &[u8]) -> Result<Document, String> {
    Document::load_mem_with_options(bytes, lopdf::LoadOptions::with_max_decompressed_size(MAX_STREAM_BYTES)).map_err(crate::damaged)
}

/// Moves a text line matrix by (tx, ty) in its own units (Td, T*).
fn next_line(m: &mut [f64; 6], tx: f64, ty: f64) {
    m[4] += tx * m[0] + ty * m[2];
    m[5] += tx * m[1] + ty * m[3];
}

/// Reads every page's text runs, within [`MAX_PAGES`] pages and
/// [`MAX_CONTENT_BYTES`] of content.
pub fn read(bytes: &[u8]) -> Result<Vec<Page>, String> {
    let doc = load(bytes)?;
    let mut out = Vec::new();
    let pages = doc.get_pages();
    if pages.len() > MAX_PAGES {
        return Err(t!("read-too-many-pages", n = pages.len(), max = MAX_PAGES));
    }
    let mut inflated = 0usize;
    for (_, id) in pages {
        let (width, height) = media_box(&doc, id)?;
        let fonts = doc.get_page_fonts(id).map_err(crate::damaged)?;
        let mut encodings = BTreeMap::new();
        let mut base_fonts = BTreeMap::new();
        for (name, f) in &fonts {
            if let Ok(b) = f.get(b"BaseFont").and_then(|o| o.as_name()) {
                base_fonts.insert(name.clone(), String::from_utf8_lossy(b).into_owned());
            }
            if let Ok(e) = f.get_font_encoding(&doc) {
                encodings.insert(name.clone(), e);
            }
        }
        let raw = doc.get_page_content_with_limit(id, MAX_STREAM_BYTES.min(MAX_CONTENT_BYTES.saturating_sub(inflated))).map_err(crate::damaged)?;
        inflated += raw.len();
        let content = lopdf::content::Content::decode(&raw).map_err(crate::damaged)?;
        let mut font: Option<Vec<u8>> = None;
        let (mut x, mut y) = (0.0, 0.0);
        let mut turned = false;
        let mut line = [1.0f64, 0.0, 0.0, 1.0, 0.0, 0.0];
        let mut leading = 0.0f64;
        let (mut mcid, mut artifact) = (None, false);
        let mut runs = Vec::new();
        let mut segments = Vec::new();
        let mut path: Vec<(f64, f64)> = Vec::new();
        let mut pending: Vec<Segment> = Vec::new();
        for op in &content.operations {
            let xy = || (op.operands.first().map_or(0.0, num), op.operands.get(1).map_or(0.0, num));
            match op.operator.as_str() {
                "m" => {
                    path.clear();
                    path.push(xy());
                }
                "l" => {
                    let (x2, y2) = xy();
                    if let Some(&(x1, y1)) = path.last() {
                        pending.push(Segment { x1, y1, x2, y2 });
                    }
                    path.push((x2, y2));
                }
                "re" if op.operands.len() == 4 => {
                    let (rx, ry, w, h) = (num(&op.operands[0]), num(&op.operands[1]), num(&op.operands[2]), num(&op.operands[3]));
                    let c = [(rx, ry), (rx + w, ry), (rx + w, ry + h), (rx, ry + h), (rx, ry)];
                    pending.extend(c.windows(2).map(|p| Segment { x1: p[0].0, y1: p[0].1, x2: p[1].0, y2: p[1].1 }));
                }
                "S" | "s" | "B" | "b" => {
                    segments.append(&mut pending);
                    path.clear();
                }
                "n" | "f" | "F" => {
                    pending.clear();
                    path.clear();
                }
                "BDC" => {
                    mcid = op.operands.get(1).and_then(|o| o.as_dict().ok()).and_then(|d| d.get(b"MCID").ok()).and_then(|o| o.as_i64().ok());
                    artifact = op.operands.first().and_then(|o| o.as_name().ok()) == Some(b"Artifact".as_slice());
                }
                "BMC" => artifact = op.operands.first().and_then(|o| o.as_name().ok()) == Some(b"Artifact".as_slice()),
                "EMC" => {
                    mcid = None;
                    artifact = false;
                }
                "Tf" => font = op.operands.first().and_then(|o| o.as_name().ok()).map(|n| n.to_vec()),
                // The text and line matrices: where each string is shown.
                "BT" => {
                    line = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
                    (x, y, turned) = (0.0, 0.0, false);
                }
                "Tm" if op.operands.len() == 6 => {
                    for (k, o) in op.operands.iter().enumerate() {
                        line[k] = num(o);
                    }
                    x = line[4];
                    y = line[5];
                    turned = line[0].abs() < 1e-6 && line[1] < 0.0 && line[2] > 0.0;
                }
                "Td" | "TD" if op.operands.len() == 2 => {
                    let (tx, ty) = xy();
                    if op.operator == "TD" {
                        leading = -ty;
                    }
                    next_line(&mut line, tx, ty);
                    (x, y) = (line[4], line[5]);
                }
                "TL" => leading = op.operands.first().map_or(0.0, num),
                "T*" => {
                    next_line(&mut line, 0.0, -leading);
                    (x, y) = (line[4], line[5]);
                }
                "Tj" | "TJ" | "'" | "\"" => {
                    if matches!(op.operator.as_str(), "'" | "\"") {
                        next_line(&mut line, 0.0, -leading);
                        (x, y) = (line[4], line[5]);
                    }
                    let Some(f) = &font else { continue };
                    let Some(enc) = encodings.get(f) else { continue };
                    // TJ's strings with their kerning numbers between; the
                    // others show their last operand.
                    let strings: Vec<&Vec<u8>> = match (op.operator.as_str(), op.operands.last()) {
                        ("TJ", Some(Object::Array(a))) => a.iter().filter_map(|o| if let Object::String(s, _) = o { Some(s) } else { None }).collect(),
                        (_, Some(Object::String(s, _))) => vec![s],
                        _ => continue,
                    };
                    let mut text = String::new();
                    for s in strings {
                        text.push_str(&Document::decode_text(enc, s).map_err(crate::damaged)?);
                    }
                    let font = base_fonts.get(f).cloned().unwrap_or_default();
                    runs.push(TextRun { x, y, text, turned, font, mcid, artifact });
                    // A later string of the same line without a move stands after this one.
                    x += 1e-3;
                }
                _ => {}
            }
        }
        out.push(Page { width, height, runs, segments });
    }
    Ok(out)
}

