//! Pages from blocks: the portrait grid of 22 lines of 28 characters for
//! Part 1, landscape pages for the tables, page numbers on every page.

use er_document::document::{Block, Contents, Document, Section, Target};
use er_document::layout::{
    signature_indents, Orientation, PageSetup, Role, CHARS_PER_LINE, INDENT_CHARS, LINES_PER_PAGE, LINE_PITCH_PT,
    PAGE_NUMBER_BELOW_MM, PAGE_NUMBER_DASH, PAGE_NUMBER_INSET_CHARS,
};

use er_typeset::breaking::{break_lines, Piece};
use er_document::text::{is_wide, is_word_char};
use er_document::text::unbroken;
use super::table::{notes_layout, table_layout, tag_from, Band, TableLayout};
use super::{mm, Bookmark, Elem, GlyphRun, Item, Layout, MissingGlyph, Page};
use crate::metrics::Metrics;

/// Where the baseline stands in an em box: CJK faces put it at 0.88 em
/// from the top of the ideographic box.
pub const BASELINE_EM: f64 = 0.88;

/// Measures `text` in `role`; `grid` scales the widths of full-width
/// characters onto the character grid. Digits and Latin letters keep their
/// own advances: a number is set as the font draws it.
pub fn measure(
    text: &str,
    role: Role,
    m: &dyn Metrics,
    grid: f64,
    place: &dyn Fn() -> String,
) -> Result<Vec<Piece>, MissingGlyph> {
    let size = role.size_pt();
    text.chars()
        .map(|c| match m.glyph(role.face(), c) {
            Some((font, em)) => {
                let advance = em * size;
                let width = if is_wide(c) { advance * grid } else { advance };
                Ok(Piece { c, font, advance, width })
            }
            None => Err(MissingGlyph { c, place: place() }),
        })
        .collect()
}

/// True when justification may widen the gap between `a` and `b`: between
/// Chinese characters and at a change of script, never inside a number or
/// a Latin word.
pub fn stretchable(a: char, b: char) -> bool {
    !(is_word_char(a) && is_word_char(b))
}

/// Where each piece of a line starts, from 0: each takes its width, and
/// with `justify` the line's spare room goes in equal shares to the gaps
/// that may stretch. A line without such a gap is not stretched.
pub fn positions(p: &[Piece], justify: Option<f64>) -> Vec<f64> {
    // Justified, the last glyph's right edge meets the block's edge.
    let laid: f64 = p.iter().map(|q| q.width).sum::<f64>() - p.last().map_or(0.0, |q| q.width - q.advance);
    let gaps = p.windows(2).filter(|w| stretchable(w[0].c, w[1].c)).count();
    let extra = match justify {
        Some(w) if gaps > 0 => (w - laid) / gaps as f64,
        _ => 0.0,
    };
    let mut xs = Vec::with_capacity(p.len());
    let mut x = 0.0;
    for (i, q) in p.iter().enumerate() {
        xs.push(x);
        x += q.width;
        if p.get(i + 1).is_some_and(|n| stretchable(q.c, n.c)) {
            x += extra;
        }
    }
    xs
}

/// Glyph runs for one line of pieces starting at `x` on baseline `y`.
/// With `justify`, the line is spread to exactly that width (see
/// [`positions`]); otherwise each character keeps its width. A run holds
/// the characters of one font that are evenly spaced.
pub fn line_runs(p: &[Piece], x: f64, y: f64, size: f64, justify: Option<f64>, out: &mut Vec<Item>) {
    if p.is_empty() {
        return;
    }
    let xs = positions(p, justify);
    // The space after piece k, to the next one's start.
    let gap = |k: usize| xs[k + 1] - xs[k] - p[k].advance;
    let mut i = 0;
    while i < p.len() {
        let font = p[i].font;
        let spacing = if i + 1 < p.len() { gap(i) } else { 0.0 };
        // A piece joins the run when the gap before it is the run's spacing
        // and the script does not change: a number is a run of its own, so
        // that extracted and tagged text keeps 45 whole, not "4" + "5人".
        let mut j = i + 1;
        while j < p.len()
            && p[j].font == font
            && (gap(j - 1) - spacing).abs() < 1e-6
            && !script_change(p[j - 1].c, p[j].c)
        {
            j += 1;
        }
        out.push(Item::Text(GlyphRun {
            x: x + xs[i],
            y,
            font,
            size,
            char_spacing: if j - i > 1 { spacing } else { 0.0 },
            text: p[i..j].iter().map(|q| q.c).collect(),
            advances: p[i..j].iter().map(|q| q.advance).collect(),
            turned: false,
            elem: None,
        }));
        i = j;
    }
}

/// A Chinese character next to a digit or Latin letter, either way round.
fn script_change(a: char, b: char) -> bool {
    (is_wide(a) && is_word_char(b)) || (is_word_char(a) && is_wide(b))
}

/// Width of a line as drawn by `line_runs` without justification: from
/// the first glyph's left edge to the last glyph's right edge.
fn laid_width(p: &[Piece]) -> f64 {
    p.iter().map(|q| q.width).sum::<f64>() + p.last().map_or(0.0, |q| q.advance - q.width)
}

/// Lays the whole document out. A 目录 takes the same lines whatever its
/// page numbers, so one pass counts the pages and a second prints them.
pub fn lay_out(doc: &Document, m: &dyn Metrics) -> Result<Layout, MissingGlyph> {
    let first = lay_out_once(doc, m)?;
    if !doc.sections.iter().flat_map(|s| &s.blocks).any(|b| matches!(b, Block::Contents(_))) {
        return Ok(first);
    }
    lay_out_once(&with_contents_pages(doc, &first.targets), m)
}

/// The document with its 目录's pages filled from `targets`.
pub fn with_contents_pages(doc: &Document, targets: &[(Target, usize)]) -> Document {
    let mut doc = doc.clone();
    for b in doc.sections.iter_mut().flat_map(|s| &mut s.blocks) {
        if let Block::Contents(c) = b {
            for e in &mut c.entries {
                e.page = targets.iter().find(|(t, _)| *t == e.target).map(|(_, p)| *p);
            }
        }
    }
    doc
}

fn lay_out_once(doc: &Document, m: &dyn Metrics) -> Result<Layout, MissingGlyph> {
    let mut out = Layout { pages: Vec::new(), bookmarks: Vec::new(), targets: Vec::new(), structure: vec![Elem::new("Document", None)] };
    for (si, section) in doc.sections.iter().enumerate() {
        match section.page.orientation {
            Orientation::Portrait => portrait(section, si, m, &mut out)?,
            Orientation::Landscape => landscape(section, si, m, &mut out)?,
        }
    }
    for page in &mut out.pages {
        page_number(page, m)?;
    }
    Ok(out)
}

fn new_page(pages: &mut Vec<Page>, setup: PageSetup) {
    let number = pages.len() + 1;
    pages.push(Page { setup, number, items: Vec::new() });
}

/// The portrait grid: a cursor in line slots.
struct Grid<'a> {
    pages: &'a mut Vec<Page>,
    setup: PageSetup,
    line: usize,
    pitch: f64,
}

impl Grid<'_> {
    fn left(&self) -> f64 {
        mm(self.setup.left_mm)
    }
    fn width(&self) -> f64 {
        mm(self.setup.text_width_mm())
    }
    /// Starts a new page unless `lines` more fit on this one.
    fn need(&mut self, lines: usize) {
        if self.line + lines > LINES_PER_PAGE && self.line > 0 {
            new_page(self.pages, self.setup);
            self.line = 0;
        }
    }
    /// The top of the current line slot, from the top of the page.
    fn top(&self) -> f64 {
        mm(self.setup.top_mm) + self.line as f64 * self.pitch
    }
    fn baseline(&self, size: f64) -> f64 {
        mm(self.setup.top_mm) + self.line as f64 * self.pitch + (self.pitch - size) / 2.0 + BASELINE_EM * size
    }
    fn items(&mut self) -> &mut Vec<Item> {
        // A page always exists once the grid has started.
        &mut self.pages.last_mut().expect("a page").items
    }
    /// Places the lines of `p`; `indent` on the first, justified but the last.
    /// `then` lines that follow must share a page with its last two lines
    /// (the signature and date after the last paragraph: GB/T 9704 §7.3.5
    /// leaves no page holding only them).
    fn paragraph(&mut self, p: &[Piece], size: f64, indent: f64, keep_with_next: bool, then: usize) {
        let w = self.width();
        let lines = break_lines(p, w - indent, w);
        self.need(if keep_with_next { lines.len() + 1 } else { 1 });
        let last = lines.len() - 1;
        let carried = if then > 0 { 2.min(lines.len()) } else { 0 };
        for (i, r) in lines.into_iter().enumerate() {
            self.need(if carried > 0 && i + carried == last + 1 { carried + then } else { 1 });
            let x = self.left() + if i == 0 { indent } else { 0.0 };
            let avail = if i == 0 { w - indent } else { w };
            let y = self.baseline(size);
            line_runs(&p[r], x, y, size, (i < last).then_some(avail), self.items());
            self.line += 1;
        }
    }
    /// One line whose right edge stands `right` points in from the margin.
    /// Wider than the room it has, it breaks by the rules, each line flush
    /// right: nothing leaves the text block.
    fn right(&mut self, p: &[Piece], size: f64, right: f64) {
        let room = (self.width() - right).max(0.0);
        self.unjustified(p, size, room, |laid| room - laid);
    }
    /// One line centred. The document broke titles to fit; should a font's
    /// advances still make a line too wide, it breaks again by the rules.
    fn centred(&mut self, p: &[Piece], size: f64) {
        let w = self.width();
        self.unjustified(p, size, w, |laid| (w - laid) / 2.0);
    }
    /// Lines of `p` no wider than `room`, each placed `offset(its width)`
    /// from the left margin.
    fn unjustified(&mut self, p: &[Piece], size: f64, room: f64, offset: impl Fn(f64) -> f64) {
        // The last glyph may be drawn a little wider than its grid cell.
        let fit = room - p.iter().map(|q| (q.advance - q.width).max(0.0)).fold(0.0, f64::max);
        for r in break_lines(p, fit, fit) {
            self.need(1);
            let x = self.left() + offset(laid_width(&p[r.clone()]));
            let y = self.baseline(size);
            line_runs(&p[r], x.max(self.left()), y, size, None, self.items());
            self.line += 1;
        }
    }
}

fn portrait(s: &Section, si: usize, m: &dyn Metrics, out: &mut Layout) -> Result<(), MissingGlyph> {
    let Layout { pages, bookmarks, targets, structure } = out;
    new_page(pages, s.page);
    let part = structure.len();
    structure.push(Elem::new("Part", Some(0)));
    let width = mm(s.page.text_width_mm());
    let char_pitch = width / CHARS_PER_LINE as f64;
    // The grid's pitch as Word stores it (579 twips), so that a line
    // stands where the DOCX has it.
    let pitch = LINE_PITCH_PT;
    let mut g = Grid { pages, setup: s.page, line: 0, pitch };
    let place = |i: usize, what: &str| format!("section {}, block {} ({what})", si + 1, i + 1);
    for (bi, block) in s.blocks.iter().enumerate() {
        let start = mark(g.pages);
        let kind = match block {
            Block::Title(_) | Block::PartHeading(_) => "H1",
            Block::Heading { level, .. } if *level <= 1 => "H2",
            Block::Heading { .. } => "H3",
            _ => "P",
        };
        match block {
            Block::Title(t) | Block::PartHeading(t) => {
                let role = if matches!(block, Block::Title(_)) { Role::Title } else { Role::PartHeading };
                let grid = char_pitch / Role::Body.size_pt();
                let lines: Vec<Vec<Piece>> =
                    t.split('\n').map(|l| measure(l, role, m, grid, &|| place(bi, l))).collect::<Result<_, _>>()?;
                // The title's lines and the line after stay together.
                g.need(lines.len() + 1);
                if matches!(block, Block::PartHeading(_)) {
                    bookmarks.push(Bookmark { title: unbroken(t), level: 1, page: g.pages.len(), top: g.top() });
                    targets.push((Target::Part(si), g.pages.len()));
                }
                for p in &lines {
                    g.centred(p, role.size_pt());
                }
            }
            Block::Heading { level, text } => {
                let role = Role::heading(*level);
                let p = measure(text, role, m, char_pitch / role.size_pt(), &|| place(bi, text))?;
                let indent = INDENT_CHARS as f64 * char_pitch;
                // The page it lands on, as `paragraph` keeps it with the next line.
                g.need(break_lines(&p, g.width() - indent, g.width()).len() + 1);
                bookmarks.push(Bookmark { title: text.clone(), level: level.saturating_add(1).min(3), page: g.pages.len(), top: g.top() });
                g.paragraph(&p, role.size_pt(), indent, true, 0);
            }
            Block::Paragraph(runs) => {
                let mut p = Vec::new();
                for r in runs {
                    let short: String = r.text.chars().take(12).collect();
                    p.extend(measure(&r.text, r.role, m, char_pitch / r.role.size_pt(), &|| place(bi, &short))?);
                }
                // The last paragraph carries its last lines to the
                // signature's page rather than leave the signature alone.
                let then = match s.blocks.get(bi + 1) {
                    Some(Block::Signature { name, .. }) => name.split('\n').count() + 2,
                    _ => 0,
                };
                g.paragraph(&p, Role::Body.size_pt(), INDENT_CHARS as f64 * char_pitch, false, then);
            }
            Block::Signature { name, date } => {
                let role = Role::Body;
                let grid = char_pitch / role.size_pt();
                let names: Vec<Vec<Piece>> =
                    name.split('\n').map(|l| measure(l, role, m, grid, &|| place(bi, "signature"))).collect::<Result<_, _>>()?;
                let pd = measure(date, role, m, grid, &|| place(bi, "date"))?;
                let (name_right, date_right) = signature_indents(name, date);
                // One blank line above; the name and the date stay together.
                g.need(names.len() + 2);
                if g.line > 0 {
                    g.line += 1;
                }
                for p in &names {
                    g.right(p, role.size_pt(), name_right * char_pitch);
                }
                g.right(&pd, role.size_pt(), date_right * char_pitch);
            }
            Block::Contents(c) => contents(c, m, &mut g, char_pitch, &|| place(bi, "目录"))?,
            Block::Table(_) | Block::Notes(_) => {}
        }
        // The signature's name and date are two paragraphs; every other
        // block is one element.
        if let Block::Signature { date, .. } = block {
            let name = structure.len();
            structure.push(Elem::new("P", Some(part)));
            let date_elem = structure.len();
            structure.push(Elem::new("P", Some(part)));
            tag_since(g.pages, start, &mut |r: &GlyphRun| if date.contains(r.text.as_str()) && !r.text.is_empty() { date_elem } else { name });
        } else {
            let e = structure.len();
            structure.push(Elem::new(kind, Some(part)));
            tag_since(g.pages, start, &mut |_| e);
        }
    }
    Ok(())
}

/// Where the next item will go: the last page and its item count.
fn mark(pages: &[Page]) -> (usize, usize) {
    (pages.len().saturating_sub(1), pages.last().map_or(0, |p| p.items.len()))
}

/// Gives every untagged glyph run laid since `start` the element `elem`
/// says.
fn tag_since(pages: &mut [Page], start: (usize, usize), elem: &mut dyn FnMut(&GlyphRun) -> usize) {
    for (pi, page) in pages.iter_mut().enumerate().skip(start.0) {
        let from = if pi == start.0 { start.1 } else { 0 };
        for item in page.items.iter_mut().skip(from) {
            if let Item::Text(r) = item {
                if r.elem.is_none() {
                    r.elem = Some(elem(r));
                }
            }
        }
    }
}

/// The 目录 on the portrait grid: its heading centred, then a line per
/// entry, a dotted leader to the page number at the right margin.
fn contents(c: &Contents, m: &dyn Metrics, g: &mut Grid, char_pitch: f64, place: &dyn Fn() -> String) -> Result<(), MissingGlyph> {
    let role = Role::Body;
    let size = role.size_pt();
    let grid = char_pitch / size;
    let heading = measure(&c.heading, Role::PartHeading, m, grid, place)?;
    g.centred(&heading, Role::PartHeading.size_pt());
    g.line += 1;
    let dot = measure("…", role, m, grid, place)?;
    let dot_w = laid_width(&dot).max(1.0);
    for e in &c.entries {
        let indent = (e.level.saturating_sub(1)) as f64 * 2.0 * char_pitch;
        let number = measure(&e.page.map(|p| p.to_string()).unwrap_or_default(), role, m, grid, place)?;
        let text = measure(&e.text, role, m, grid, place)?;
        // Room for the leader's first dots and a number of four digits.
        let reserve = 5.0 * char_pitch;
        let lines = break_lines(&text, g.width() - indent - reserve, g.width() - indent - reserve);
        g.need(lines.len());
        let last = lines.len().saturating_sub(1);
        for (i, r) in lines.into_iter().enumerate() {
            let x = g.left() + indent;
            let y = g.baseline(size);
            let piece = &text[r];
            line_runs(piece, x, y, size, None, g.items());
            if i == last {
                let after = x + laid_width(piece) + char_pitch * 0.5;
                let nw = laid_width(&number);
                let end = g.left() + g.width() - nw;
                let count = ((end - after - char_pitch * 0.5) / dot_w).floor().max(0.0) as usize;
                let leader: Vec<Piece> = std::iter::repeat_n(dot[0].clone(), count).collect();
                line_runs(&leader, end - char_pitch * 0.5 - dot_w * count as f64, y, size, None, g.items());
                line_runs(&number, end, y, size, None, g.items());
            }
            g.line += 1;
        }
    }
    Ok(())
}

fn landscape(s: &Section, si: usize, m: &dyn Metrics, out: &mut Layout) -> Result<(), MissingGlyph> {
    let Layout { pages, bookmarks, targets, structure } = out;
    new_page(pages, s.page);
    let part = structure.len();
    structure.push(Elem::new("Part", Some(0)));
    let left = mm(s.page.left_mm);
    let width = mm(s.page.text_width_mm());
    let top = mm(s.page.top_mm);
    let bottom = top + mm(s.page.text_height_mm());
    let mut y = top;
    // The share of the gaps after the last table and between the notes
    // that follow it, below 1 when they are tightened to keep the notes
    // on the last table's page (GB/T 9704 §7.3.5: adjust the spacing).
    let mut gaps = 1.0;
    for (bi, block) in s.blocks.iter().enumerate() {
        match block {
            Block::PartHeading(t) | Block::Title(t) => {
                let role = if matches!(block, Block::Title(_)) { Role::Title } else { Role::PartHeading };
                let size = role.size_pt();
                bookmarks.push(Bookmark { title: unbroken(t), level: 1, page: pages.len(), top: y });
                targets.push((Target::Part(si), pages.len()));
                let heading = structure.len();
                structure.push(Elem::new("H1", Some(part)));
                let items = &mut pages.last_mut().expect("a page").items;
                let from = items.len();
                for l in t.split('\n') {
                    let p = measure(l, role, m, 1.0, &|| format!("section {}, block {} ({l})", si + 1, bi + 1))?;
                    for r in break_lines(&p, width, width) {
                        let x = left + (width - laid_width(&p[r.clone()])).max(0.0) / 2.0;
                        line_runs(&p[r], x, y + BASELINE_EM * size, size, None, items);
                        y += size * 1.5;
                    }
                }
                tag_from(items, from, heading);
                y += size * 0.5;
            }
            Block::Table(t) => {
                let laid = table_layout(t, m, width)?;
                // A table that fits a page starts on a new one rather than
                // split; a longer one starts where it stands if its caption,
                // header and first row fit there.
                let first_break = laid.row_y.get(t.header_rows + 1).copied().unwrap_or(laid.height);
                let fits_a_page = laid.height <= bottom - top;
                // The notes printed after the last table (表四填报说明 …): when
                // they would not fit under it, the last table goes over with
                // them rather than leave a page holding a line or two of notes.
                let (mut notes_after, mut flexible) = (0.0, 0.0);
                if !s.blocks[bi + 1..].iter().any(|b| matches!(b, Block::Table(_))) {
                    for b in &s.blocks[bi + 1..] {
                        if let Block::Notes(n) = b {
                            notes_after += notes_layout(&n.notes, m, width, 0.0, &n.notes.lead, &mut Vec::new())? + Role::Note.size_pt() * 0.5;
                            flexible += Role::Note.size_pt() * 0.5;
                        }
                    }
                    flexible += if notes_after > 0.0 { Role::Body.size_pt() } else { 0.0 };
                }
                let over = y + laid.height + Role::Body.size_pt() + notes_after - bottom;
                // A few points over: the gaps give them up, and nothing moves.
                if notes_after > 0.0 && over > 0.0 && over <= flexible && y + laid.height <= bottom {
                    gaps = 1.0 - over / flexible;
                }
                let alone = gaps == 1.0 && notes_after > 0.0 && y + laid.height <= bottom && over > 0.0 && laid.height + Role::Body.size_pt() + notes_after <= bottom - top;
                if (y + laid.height > bottom && y > top && (fits_a_page || y + first_break > bottom)) || (alone && y > top) {
                    new_page(pages, s.page);
                    y = top;
                }
                bookmarks.push(Bookmark { title: format!("{} {}", t.label, unbroken(&t.title)), level: 2, page: pages.len(), top: y });
                targets.push((Target::Table(t.index), pages.len()));
                let local = table_structure(t, part, structure);
                if y + laid.height <= bottom {
                    let page = pages.last_mut().expect("a page");
                    page.items.extend(laid.items.into_iter().map(|i| retag(shift(i, left, y), &local)));
                    y += laid.height + Role::Body.size_pt() * gaps;
                } else {
                    y = split_table(t, laid, &local, Frame { left, top, bottom, setup: s.page }, y, pages) + Role::Body.size_pt();
                }
            }
            Block::Notes(n) => {
                let mut items = Vec::new();
                let end = notes_layout(&n.notes, m, width, 0.0, &n.notes.lead, &mut items)?;
                // Notes above their table stay with its caption, header and
                // first row.
                let with = match s.blocks.get(bi + 1) {
                    Some(Block::Table(t)) if t.index == n.table => {
                        let laid = table_layout(t, m, width)?;
                        laid.row_y.get(t.header_rows + 1).copied().unwrap_or(laid.height) + Role::Note.size_pt() * 0.5
                    }
                    _ => 0.0,
                };
                if y + end + with > bottom && y > top {
                    new_page(pages, s.page);
                    y = top;
                }
                // Local tags of notes_layout: 1 + k for note k.
                let mut local = vec![part];
                for _ in &n.notes.items {
                    local.push(structure.len());
                    structure.push(Elem::new("Note", Some(part)));
                }
                let page = pages.last_mut().expect("a page");
                page.items.extend(items.into_iter().map(|i| retag(shift(i, left, y), &local)));
                y += end + Role::Note.size_pt() * 0.5 * gaps;
            }
            Block::Heading { .. } | Block::Paragraph(_) | Block::Signature { .. } | Block::Contents(_) => {}
        }
    }
    Ok(())
}

/// The text block of a page: its left edge, top and bottom, in points.
struct Frame {
    left: f64,
    top: f64,
    bottom: f64,
    setup: PageSetup,
}

/// Places a table longer than the room left, from `y` on the last page:
/// the grid breaks between rows (never inside a row, nor where a cell spans
/// rows), the header rows are drawn again at the top of every following
/// page (as artifacts: the structure tree holds them once), each piece of
/// the grid is closed by its own rules, and the notes follow the last row.
/// Returns where the table ends on the last page.
fn split_table(t: &er_document::document::Table, laid: TableLayout, local: &[usize], f: Frame, y: f64, pages: &mut Vec<Page>) -> f64 {
    let ys = &laid.row_y;
    let hr = t.header_rows.min(t.rows);
    // A break is allowed before row r when no cell crosses it.
    let mut allowed = vec![true; t.rows + 1];
    for c in &t.cells {
        allowed[c.row + 1..c.row + c.rows].fill(false);
    }
    allowed[..=hr].fill(false);
    allowed[t.rows] = true;
    let header_h = ys[hr] - ys[0];
    // Each row's items (and the caption's), by index, found once: a page
    // takes its rows' items instead of scanning every item of the table,
    // which made a roll-up's long tables quadratic. A page's items keep
    // the table's order.
    let (mut caption, mut notes): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    let mut by_row: Vec<Vec<usize>> = vec![Vec::new(); t.rows];
    for (i, b) in laid.bands.iter().enumerate() {
        match *b {
            Band::Caption => caption.push(i),
            Band::Row(r) => by_row.get_mut(r).into_iter().for_each(|v| v.push(i)),
            Band::Notes => notes.push(i),
            Band::Closing => {}
        }
    }
    let band_items = |rows: std::ops::Range<usize>, with_caption: bool| -> Vec<Item> {
        let mut at: Vec<usize> = by_row[rows].iter().flatten().copied().collect();
        if with_caption {
            at.extend(&caption);
        }
        at.sort_unstable();
        at.into_iter().map(|i| laid.items[i].clone()).collect()
    };
    let put = |pages: &mut Vec<Page>, items: Vec<Item>, dy: f64, artifact: bool| {
        let page = pages.last_mut().expect("a page");
        page.items.extend(items.into_iter().map(|i| {
            let mut i = retag(shift(i, f.left, dy), local);
            if let (true, Item::Text(r)) = (artifact, &mut i) {
                r.elem = None;
            }
            i
        }));
    };
    // The rows [from, to) of this page, `dy` from the layout's y to the page's.
    let mut from = hr;
    let mut dy = y;
    let mut first = true;
    loop {
        // The last allowed break whose row ends on this page; at least one row.
        let mut to = from + 1;
        while to <= t.rows && !allowed[to] {
            to += 1;
        }
        for r in to + 1..=t.rows {
            if ys[r] + dy > f.bottom {
                break;
            }
            if allowed[r] {
                to = r;
            }
        }
        let to = to.min(t.rows);
        if first {
            // The caption, the header rows and this page's rows (the
            // first page's rows follow the header: `from` is `hr`).
            put(pages, band_items(0..to, true), dy, false);
        } else {
            put(pages, band_items(0..hr, false), f.top - ys[0], true);
            put(pages, band_items(from..to, false), dy, false);
        }
        let closing = laid.closing_rules(if first { ys[0] } else { ys[from] - header_h }, ys[to]);
        put(pages, closing.to_vec(), dy, false);
        first = false;
        if to >= t.rows {
            break;
        }
        new_page(pages, f.setup);
        from = to;
        // Row `from` goes right under the repeated header.
        dy = f.top + header_h - ys[from];
    }
    // The notes under the last row, or at the top of a page of their own.
    let notes: Vec<Item> = notes.iter().map(|&i| laid.items[i].clone()).collect();
    let notes_top = ys[t.rows];
    if laid.height + dy > f.bottom && !notes.is_empty() {
        new_page(pages, f.setup);
        dy = f.top - notes_top;
    }
    put(pages, notes, dy, false);
    laid.height + dy
}

/// The structure of a table: Table → Caption, THead/TBody → TR → TH/TD,
/// then its notes. Returns the global element of each local tag of
/// `table_layout`: 0 the caption, 1 + i cell i, 1 + cells + k note k.
fn table_structure(t: &er_document::document::Table, part: usize, structure: &mut Vec<Elem>) -> Vec<usize> {
    use er_document::document::CellRole;
    let table = structure.len();
    structure.push(Elem::new("Table", Some(part)));
    let mut local = vec![structure.len()];
    structure.push(Elem::new("Caption", Some(table)));
    let head = structure.len();
    structure.push(Elem::new("THead", Some(table)));
    let body = structure.len();
    structure.push(Elem::new("TBody", Some(table)));
    let mut rows = Vec::new();
    for r in 0..t.rows {
        rows.push(structure.len());
        structure.push(Elem::new("TR", Some(if r < t.header_rows { head } else { body })));
    }
    let mut cells = vec![0; t.cells.len()];
    // Cells in reading order: row by row, left to right (as `t.cells`).
    for (i, c) in t.cells.iter().enumerate() {
        cells[i] = structure.len();
        let kind = if c.role == CellRole::Header { "TH" } else { "TD" };
        structure.push(Elem { kind, parent: Some(rows[c.row]), rows: c.rows, cols: c.cols, row_header: c.row >= t.header_rows });
    }
    local.extend(cells);
    for _ in &t.notes.items {
        local.push(structure.len());
        structure.push(Elem::new("Note", Some(part)));
    }
    local
}

/// A run's local tag (from `table_layout` or `notes_layout`) made global.
fn retag(i: Item, local: &[usize]) -> Item {
    match i {
        Item::Text(mut r) => {
            r.elem = r.elem.and_then(|k| local.get(k).copied());
            Item::Text(r)
        }
        other => other,
    }
}

fn shift(i: Item, dx: f64, dy: f64) -> Item {
    match i {
        Item::Text(mut r) => {
            r.x += dx;
            r.y += dy;
            Item::Text(r)
        }
        Item::Rule { x1, y1, x2, y2, width } => Item::Rule { x1: x1 + dx, y1: y1 + dy, x2: x2 + dx, y2: y2 + dy, width },
    }
}

/// "— N —" 7 mm below the block: right on odd pages, left on even ones,
/// one character in from the margin. A landscape page's number stands
/// where the portrait pages have it on the sheet as printed (GB/T 9704-2012
/// §8): on the sheet's bottom edge, which is the landscape page's left
/// edge, turned to read upright when the sheet is.
fn page_number(page: &mut Page, m: &dyn Metrics) -> Result<(), MissingGlyph> {
    let role = Role::PageNumber;
    let size = role.size_pt();
    let d = PAGE_NUMBER_DASH;
    let text = format!("{d} {} {d}", page.number);
    let p = measure(&text, role, m, 1.0, &|| format!("page number {}", page.number))?;
    let w = laid_width(&p);
    let s = page.setup.as_printed();
    let inset = PAGE_NUMBER_INSET_CHARS as f64 * size;
    let x = if page.number % 2 == 1 { mm(s.width_mm - s.right_mm) - inset - w } else { mm(s.left_mm) + inset };
    let y = mm(s.top_mm + s.text_height_mm() + PAGE_NUMBER_BELOW_MM) + BASELINE_EM * size;
    let mut items = Vec::new();
    line_runs(&p, x, y, size, None, &mut items);
    if page.setup.orientation == Orientation::Landscape {
        // From the printed sheet's coordinates to the landscape page's:
        // the sheet's (x, y) is the page's (width − y, x).
        let width = mm(page.setup.width_mm);
        for item in &mut items {
            if let Item::Text(r) = item {
                (r.x, r.y) = (width - r.y, r.x);
                r.turned = true;
            }
        }
    }
    page.items.extend(items);
    Ok(())
}
