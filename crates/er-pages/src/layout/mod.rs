//! The page layout: the document becomes pages of positioned glyph runs and
//! rules, in points from the top-left corner of each page. Nothing here
//! draws; `paint` turns these pages into PDF operators.

mod flow;
mod table;

pub use er_typeset::breaking::{break_lines, Piece};
pub use flow::{lay_out, line_runs, measure, positions, stretchable, with_contents_pages};
pub use table::{table_layout, Band, TableLayout};

use er_document::layout::PageSetup;

/// A glyph run: characters of one font drawn from a baseline point, each
/// followed by its advance plus `char_spacing`.
#[derive(Debug, Clone, PartialEq)]
pub struct GlyphRun {
    pub x: f64,
    /// Baseline, from the top of the page.
    pub y: f64,
    pub font: usize,
    pub size: f64,
    pub char_spacing: f64,
    pub text: String,
    /// Advances in points (without spacing), one per character.
    pub advances: Vec<f64>,
    /// Turned a quarter clockwise: the run reads down the page from (x, y),
    /// the glyphs' tops to the right. A landscape page's number is set so,
    /// to read upright on the sheet as printed.
    pub turned: bool,
    /// The structure element (an index into `Layout::structure`) the run
    /// belongs to; None for an artifact (a page number).
    pub elem: Option<usize>,
}

impl GlyphRun {
    /// Width from the first glyph's left edge to the last glyph's right edge.
    pub fn width(&self) -> f64 {
        let n = self.advances.len() as f64;
        self.advances.iter().sum::<f64>() + self.char_spacing * (n - 1.0).max(0.0)
    }
}

/// Something painted on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text(GlyphRun),
    /// A straight rule from (x1, y1) to (x2, y2), `width` points thick.
    Rule { x1: f64, y1: f64, x2: f64, y2: f64, width: f64 },
}

/// One laid-out page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub setup: PageSetup,
    /// 1-based, continuous across sections.
    pub number: usize,
    pub items: Vec<Item>,
}

/// A bookmark: its title, level in the outline (1 for a part, 2 for a
/// level-1 heading or a table, 3 for a level-2 heading), 1-based page, and
/// the top of its heading in points from the top of the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Bookmark {
    pub title: String,
    pub level: u8,
    pub page: usize,
    pub top: f64,
}

/// An element of the tagged PDF's structure tree, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Elem {
    /// The standard structure type: Document, Part, H1–H3, P, Table,
    /// Caption, THead, TBody, TR, TH, TD, Note.
    pub kind: &'static str,
    pub parent: Option<usize>,
    /// For a table cell: its spans.
    pub rows: usize,
    pub cols: usize,
    /// A header cell that heads its row (a roll-up's agency), not its column.
    pub row_header: bool,
}

impl Elem {
    pub fn new(kind: &'static str, parent: Option<usize>) -> Elem {
        Elem { kind, parent, rows: 1, cols: 1, row_header: false }
    }
}

/// The laid-out document.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub pages: Vec<Page>,
    pub bookmarks: Vec<Bookmark>,
    /// The 1-based page each 目录 target starts on.
    pub targets: Vec<(er_document::document::Target, usize)>,
    /// The structure tree, the document first.
    pub structure: Vec<Elem>,
}

impl Layout {
    /// The text of a page, line by line (runs on one baseline joined), in
    /// reading order: what a reader extracting the PDF's text gets.
    pub fn page_text(&self, page: usize) -> Vec<String> {
        let mut runs: Vec<&GlyphRun> = self.pages[page]
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text(r) => Some(r),
                _ => None,
            })
            .collect();
        runs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
        let mut lines: Vec<(f64, String)> = Vec::new();
        for r in runs {
            match lines.last_mut() {
                Some((y, s)) if (*y - r.y).abs() < 0.5 => s.push_str(&r.text),
                _ => lines.push((r.y, r.text.clone())),
            }
        }
        lines.into_iter().map(|(_, s)| s).collect()
    }
}

impl Layout {
    /// A digest of what the pages show, each run's text and where it
    /// stands, after the document's title, author and date: 32 hex digits
    /// for a file's identifier (the PDF's /ID, the OFD's DocID), so that
    /// the same document gives the same bytes, with no clock or random id.
    pub fn digest(&self, info: &er_document::document::Info) -> String {
        // FNV-1a twice, with two seeds, over the bytes fed in order.
        let mut h = [0xcbf2_9ce4_8422_2325u64, 0x8422_2325_cbf2_9ce4];
        let mut feed = |s: &str| {
            for b in s.bytes() {
                for x in &mut h {
                    *x = (*x ^ b as u64).wrapping_mul(0x100_0000_01b3);
                }
            }
        };
        feed(&format!("{}\u{0}{}\u{0}{}\u{0}", info.title, info.author, info.date));
        for item in self.pages.iter().flat_map(|p| &p.items) {
            if let Item::Text(r) = item {
                feed(&format!("{:.2} {:.2} {}\n", r.x, r.y, r.text));
            }
        }
        format!("{:016x}{:016x}", h[0], h[1])
    }
}

/// Millimetres to points.
pub fn mm(v: f64) -> f64 {
    v / er_document::layout::MM_PER_PT
}

/// A character no font can draw, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingGlyph {
    pub c: char,
    pub place: String,
}
