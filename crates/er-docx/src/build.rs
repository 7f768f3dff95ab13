//! Document → docx-rs tree. Every size comes from the core's layout.

use docx_rs::{
    AlignmentType, BorderType, BreakType, DocGrid, DocGridType, Docx, FieldCharType, Footer, HeightRule, InstrPAGE, InstrText,
    LineSpacing, LineSpacingType, PageMargin, PageOrientationType, PageSize, Paragraph, Run, RunFonts,
    SectionProperty, SpecialIndentType, Table as DocxTable, TableAlignmentType, TableBorder, TableBorderPosition,
    TableBorders, TableCell, TableCellMargins, TableLayoutType, TableRow, VAlignType, VMergeType, WidthType,
};
use docx_rs::{InstrPAGEREF, Tab, TabLeaderType, TabValueType};
use er_document::document::{Block, CellRole, Contents, Document, Notes, Run as DocRun, Section, Table, Target};
use er_document::layout::{
    signature_indents, Orientation, CELL_PADDING_PT, TABLE_LINE_FACTOR, PageSetup, Role, INDENT_CHARS, LINE_PITCH_TWIPS, PAGE_NUMBER_BELOW_MM,
    PAGE_NUMBER_DASH, PAGE_NUMBER_INSET_CHARS,
};

/// Twips (1/20 pt) in a millimetre.
fn mm(v: f64) -> i32 {
    (v * 1440.0 / 25.4).round() as i32
}

fn pt(v: f64) -> i32 {
    (v * 20.0).round() as i32
}

/// Character spacing of text on the portrait grid: −0.25 pt brings 28
/// characters of 16 pt into the 156 mm line in Word and LibreOffice alike.
const GRID_CHAR_SPACING_TWIPS: i32 = -5;

/// Paragraph ids: docx-rs takes them from a per-thread counter, so a second
/// document in one thread would differ; each document numbers its own.
/// `marks` is true when a 目录 points at part headings and tables, which
/// then carry bookmarks.
struct Ids(u32, bool);

impl Ids {
    fn next(&mut self) -> String {
        self.0 += 1;
        format!("{:08X}", self.0)
    }
}

fn fonts(role: Role) -> RunFonts {
    let name = role.face().official_name();
    RunFonts::new().ascii(name).hi_ansi(name).east_asia(name).cs(name)
}

/// An empty run in the face and size of `role` (docx-rs sizes are half-points).
fn styled(role: Role) -> Run {
    Run::new().fonts(fonts(role)).size((role.size_pt() * 2.0) as usize)
}

fn run(text: &str, role: Role, on_grid: bool) -> Run {
    let r = styled(role).add_text(text);
    if on_grid {
        r.character_spacing(GRID_CHAR_SPACING_TWIPS)
    } else {
        r
    }
}

/// A paragraph's text whose line breaks the document decided (a title in
/// balanced lines): the lines, a line break between each two.
fn add_lines(mut p: Paragraph, text: &str, role: Role, on_grid: bool) -> Paragraph {
    let lines: Vec<&str> = text.split('\n').collect();
    for (i, line) in lines.iter().enumerate() {
        let r = run(line, role, on_grid);
        p = p.add_run(if i + 1 < lines.len() { r.add_break(BreakType::TextWrapping) } else { r });
    }
    p
}

fn grid_spacing() -> LineSpacing {
    LineSpacing::new().before(0).after(0).line(LINE_PITCH_TWIPS as i32).line_rule(LineSpacingType::Exact)
}

fn size_setup(p: &PageSetup) -> (PageSize, PageMargin) {
    let orient = match p.orientation {
        Orientation::Portrait => PageOrientationType::Portrait,
        Orientation::Landscape => PageOrientationType::Landscape,
    };
    // docx-rs does not swap width and height for landscape: set both.
    let size = PageSize::new().width(mm(p.width_mm) as u32).height(mm(p.height_mm) as u32).orient(orient);
    // The footer's baseline stands PAGE_NUMBER_BELOW_MM under the block: its
    // bottom edge is one page-number line lower.
    let footer = mm(p.bottom_mm - PAGE_NUMBER_BELOW_MM) - pt(Role::PageNumber.size_pt() * 1.3);
    let margin = PageMargin {
        top: mm(p.top_mm),
        left: mm(p.left_mm),
        bottom: mm(p.bottom_mm),
        right: mm(p.right_mm),
        header: mm(15.0),
        footer,
        gutter: 0,
    };
    (size, margin)
}

fn section_property(s: &Section, footers: &(Footer, Footer)) -> SectionProperty {
    let (size, margin) = size_setup(&s.page);
    let grid = match s.page.orientation {
        Orientation::Portrait => DocGrid::new().grid_type(DocGridType::Lines).line_pitch(LINE_PITCH_TWIPS as usize),
        Orientation::Landscape => DocGrid::with_empty(),
    };
    SectionProperty::new()
        .page_size(size)
        .page_margin(margin)
        .doc_grid(grid)
        .footer(footers.0.clone(), &docx_rs::create_footer_rid(1))
        .even_footer(footers.1.clone(), &docx_rs::create_footer_rid(2))
}

/// "— N —" with N a PAGE field, right on odd pages and left on even ones,
/// one character in from the margin.
fn page_number_footer(odd: bool, ids: &mut Ids) -> Footer {
    let role = Role::PageNumber;
    let d = PAGE_NUMBER_DASH;
    let inset = pt(role.size_pt()) * PAGE_NUMBER_INSET_CHARS as i32;
    let p = Paragraph::new()
        .id(ids.next())
        .add_run(run(&format!("{d} "), role, false))
        .add_run(styled(role).add_field_char(FieldCharType::Begin, false))
        .add_run(styled(role).add_instr_text(InstrText::PAGE(InstrPAGE::new())))
        .add_run(styled(role).add_field_char(FieldCharType::Separate, false))
        .add_run(run("1", role, false))
        .add_run(styled(role).add_field_char(FieldCharType::End, false))
        .add_run(run(&format!(" {d}"), role, false));
    let p = if odd {
        p.align(AlignmentType::Right).indent(None, None, Some(inset), None)
    } else {
        p.align(AlignmentType::Left).indent(Some(inset), None, None, None)
    };
    Footer::new().add_paragraph(p)
}

/// Builds the docx-rs document.
pub fn docx(doc: &Document) -> Docx {
    let has_contents = doc.sections.iter().flat_map(|s| &s.blocks).any(|b| matches!(b, Block::Contents(_)));
    let mut ids = Ids(0, has_contents);
    let footers = (page_number_footer(true, &mut ids), page_number_footer(false, &mut ids));
    let date = format!("{}T00:00:00Z", doc.info.date.iso());
    let body = Role::Body;
    let mut docx = Docx::new()
        .default_fonts(fonts(body))
        .default_size((body.size_pt() * 2.0) as usize)
        .created_at(&date)
        .updated_at(&date)
        .footer(footers.0.clone())
        .even_footer(footers.1.clone());

    let last = doc.sections.len().saturating_sub(1);
    for (si, section) in doc.sections.iter().enumerate() {
        let mut paragraphs: Vec<Item> = Vec::new();
        for block in &section.blocks {
            blocks(block, si, section, &mut paragraphs, &mut ids);
        }
        if si < last {
            // A section ends with its last paragraph carrying the sectPr.
            let sect = section_property(section, &footers);
            match paragraphs.pop() {
                Some(Item::P(p)) => paragraphs.push(Item::P(p.section_property(sect))),
                other => {
                    paragraphs.extend(other);
                    paragraphs.push(Item::P(Paragraph::new().id(ids.next()).section_property(sect)));
                }
            }
        } else {
            let sect = section_property(section, &footers);
            docx.document.section_property = sect;
        }
        for item in paragraphs {
            docx = match item {
                Item::P(p) => docx.add_paragraph(p),
                Item::T(t) => docx.add_table(t),
            };
        }
    }
    docx
}

enum Item {
    P(Paragraph),
    T(DocxTable),
}

/// A paragraph with the bookmark a 目录 line points at, when there is a 目录.
fn marked(p: Paragraph, target: Target, ids: &Ids) -> Paragraph {
    if !ids.1 {
        return p;
    }
    let id = match target {
        Target::Part(si) => si,
        Target::Table(ti) => 1000 + ti,
    };
    p.add_bookmark_start(id, bookmark_name(target)).add_bookmark_end(id)
}

fn blocks(block: &Block, si: usize, section: &Section, out: &mut Vec<Item>, ids: &mut Ids) {
    let on_grid = section.page.orientation == Orientation::Portrait;
    let indent = pt(Role::Body.size_pt()) * INDENT_CHARS as i32;
    // On the grid every page holds its 22 lines: no widow control, which
    // would move a paragraph's second-to-last line over and leave a page short.
    let line = |p: Paragraph| {
        if on_grid {
            p.line_spacing(grid_spacing()).widow_control(false)
        } else {
            p.line_spacing(LineSpacing::new().before(0).after(pt(8.0) as u32))
        }
    };
    match block {
        Block::Title(t) => out.push(Item::P(add_lines(
            line(Paragraph::new().id(ids.next()).align(AlignmentType::Center).keep_next(true)),
            t,
            Role::Title,
            on_grid,
        ))),
        Block::PartHeading(t) => {
            let p = line(Paragraph::new().id(ids.next()).align(AlignmentType::Center).keep_next(true));
            out.push(Item::P(add_lines(marked(p, Target::Part(si), ids), t, Role::PartHeading, on_grid)))
        }
        Block::Heading { level, text } => {
            let role = Role::heading(*level);
            out.push(Item::P(line(
                Paragraph::new()
                    .id(ids.next())
                    .align(AlignmentType::Both)
                    .indent(None, Some(SpecialIndentType::FirstLine(indent)), None, None)
                    .keep_next(true)
                    .outline_lvl(*level as usize)
                    .add_run(run(text, role, on_grid)),
            )))
        }
        Block::Paragraph(runs) => {
            let mut p = Paragraph::new()
                .id(ids.next())
                .align(AlignmentType::Both)
                .indent(None, Some(SpecialIndentType::FirstLine(indent)), None, None);
            for DocRun { text, role, run_in_heading: _ } in runs {
                p = p.add_run(run(text, *role, on_grid));
            }
            out.push(Item::P(line(p)));
        }
        Block::Signature { name, date } => {
            let (name_right, date_right) = signature_indents(name, date);
            let char_w = Role::Body.size_pt();
            out.push(Item::P(line(Paragraph::new().id(ids.next()).keep_next(true))));
            for (text, right) in [(name, name_right), (date, date_right)] {
                let p = Paragraph::new()
                    .id(ids.next())
                    .align(AlignmentType::Right)
                    .indent(None, None, Some(pt(right * char_w)), None)
                    .keep_next(text == name);
                out.push(Item::P(add_lines(line(p), text, Role::Body, on_grid)));
            }
        }
        Block::Table(t) => table(t, section, out, ids),
        Block::Contents(c) => contents(c, section, out, ids),
        Block::Notes(n) => notes(&n.notes, out, ids),
    }
}

/// The bookmark a 目录 line points at.
fn bookmark_name(target: Target) -> String {
    match target {
        Target::Part(si) => format!("_Toc_part{si}"),
        Target::Table(ti) => format!("_Toc_table{ti}"),
    }
}

/// The 目录: each line its text, a dotted leader to the right margin and
/// the page, a PAGEREF field to the bookmark on the heading it names (its
/// cached value the page the layout counted; Word refreshes it with F9).
fn contents(c: &Contents, section: &Section, out: &mut Vec<Item>, ids: &mut Ids) {
    let line = |p: Paragraph| p.line_spacing(grid_spacing()).widow_control(false);
    out.push(Item::P(line(Paragraph::new().id(ids.next()).align(AlignmentType::Center)).add_run(run(&c.heading, Role::PartHeading, true))));
    out.push(Item::P(line(Paragraph::new().id(ids.next()))));
    let right = mm(section.page.text_width_mm()) as usize;
    let role = Role::Body;
    for e in &c.entries {
        let indent = pt(role.size_pt()) * 2 * (i32::from(e.level) - 1);
        let page = e.page.map(|p| p.to_string()).unwrap_or_default();
        let instr = InstrText::PAGEREF(InstrPAGEREF::new(bookmark_name(e.target)).hyperlink());
        let p = Paragraph::new()
            .id(ids.next())
            .add_tab(Tab::new().val(TabValueType::Right).leader(TabLeaderType::Dot).pos(right))
            .indent(Some(indent), None, None, None)
            .add_run(run(&e.text, role, true))
            .add_run(styled(role).add_tab())
            .add_run(styled(role).add_field_char(FieldCharType::Begin, false))
            .add_run(styled(role).add_instr_text(instr))
            .add_run(styled(role).add_field_char(FieldCharType::Separate, false))
            .add_run(run(&page, role, true))
            .add_run(styled(role).add_field_char(FieldCharType::End, false));
        out.push(Item::P(line(p)));
    }
}

fn table(t: &Table, section: &Section, out: &mut Vec<Item>, ids: &mut Ids) {
    let keep = |p: Paragraph| p.keep_next(true).keep_lines(true);
    let label = Paragraph::new().id(ids.next()).line_spacing(LineSpacing::new().before(pt(6.0) as u32).after(0));
    out.push(Item::P(keep(marked(label, Target::Table(t.index), ids).add_run(run(&t.label, Role::TableLabel, false)))));
    let title = Paragraph::new().id(ids.next()).align(AlignmentType::Center).line_spacing(LineSpacing::new().before(0).after(pt(6.0) as u32));
    out.push(Item::P(keep(add_lines(title, &t.title, Role::TableTitle, false))));

    let width = mm(section.page.text_width_mm());
    let mut grid: Vec<usize> = t.columns.iter().map(|f| (f * width as f64).round() as usize).collect();
    let sum: usize = grid.iter().sum();
    if let Some(last) = grid.last_mut() {
        // Rounding must not change the total width.
        *last = (*last + width as usize).saturating_sub(sum);
    }

    let cell_role = Role::TableCell;
    // Rows keep with what follows: the next row, and the notes under the
    // last; without notes the last row lets the next table go its own way.
    let cell_paragraph = |text: &str, size_pt: f64, keep: bool, ids: &mut Ids| {
        let p = Paragraph::new()
            .id(ids.next())
            .align(AlignmentType::Center)
            .keep_next(keep)
            .line_spacing(LineSpacing::new().before(0).after(0).line(pt(cell_role.size_pt() * TABLE_LINE_FACTOR)).line_rule(LineSpacingType::AtLeast));
        // A label is its text: Word and WPS wrap it to the cell, and Find
        // or a copy sees the label as the template gives it.
        if text.is_empty() {
            p
        } else {
            // A figure too wide for its column is set smaller, never split.
            p.add_run(run(text, cell_role, false).size((size_pt * 2.0).round() as usize))
        }
    };
    let mut rows = Vec::new();
    for r in 0..t.rows {
        let keep = r + 1 < t.rows || !t.notes.items.is_empty();
        let mut cells = Vec::new();
        let mut c = 0;
        while c < t.columns.len() {
            let Some(cell) = t.cell_covering(r, c) else { break };
            let w: usize = grid[cell.col..cell.col + cell.cols].iter().sum();
            let mut tc = TableCell::new().width(w, WidthType::Dxa).vertical_align(VAlignType::Center);
            if cell.cols > 1 {
                tc = tc.grid_span(cell.cols);
            }
            if cell.row == r {
                if cell.rows > 1 {
                    tc = tc.vertical_merge(VMergeType::Restart);
                }
                let text = if cell.role == CellRole::Blank { "" } else { cell.text.as_str() };
                tc = tc.add_paragraph(cell_paragraph(text, cell.size_pt, keep, ids));
            } else {
                // Covered by a cell from above: a continuation repeats the span.
                tc = tc.vertical_merge(VMergeType::Continue).add_paragraph(cell_paragraph("", cell_role.size_pt(), keep, ids));
            }
            cells.push(tc);
            c = cell.col + cell.cols;
        }
        let height = if r < t.header_rows { 480.0 } else { 560.0 };
        rows.push(TableRow::new(cells).cant_split().row_height(height).height_rule(HeightRule::AtLeast));
    }
    let border = |pos| TableBorder::new(pos).border_type(BorderType::Single).size(4).color("000000");
    let borders = TableBorders::with_empty()
        .set(border(TableBorderPosition::Top))
        .set(border(TableBorderPosition::Left))
        .set(border(TableBorderPosition::Bottom))
        .set(border(TableBorderPosition::Right))
        .set(border(TableBorderPosition::InsideH))
        .set(border(TableBorderPosition::InsideV));
    let pad = pt(CELL_PADDING_PT) as usize;
    out.push(Item::T(
        DocxTable::new(rows)
            .set_grid(grid)
            .layout(TableLayoutType::Fixed)
            .width(width as usize, WidthType::Dxa)
            .align(TableAlignmentType::Center)
            .margins(TableCellMargins::new().margin(0, pad, 0, pad))
            .set_borders(borders),
    ));

    notes(&t.notes, out, ids);
}

/// Notes: 说明：1.… with later notes hanging under the first.
fn notes(notes: &Notes, out: &mut Vec<Item>, ids: &mut Ids) {
    let note = Role::Note;
    let hang = pt(note.size_pt() * notes.hang_em());
    let n = notes.items.len();
    for (i, text) in notes.lines().enumerate() {
        let mut p = Paragraph::new()
            .id(ids.next())
            .align(AlignmentType::Both)
            .line_spacing(
                LineSpacing::new()
                    .before(if i == 0 { pt(4.0) as u32 } else { 0 })
                    .after(0)
                    .line(pt(note.size_pt() * TABLE_LINE_FACTOR))
                    .line_rule(LineSpacingType::AtLeast),
            )
            .add_run(run(&text, note, false));
        p = if i == 0 {
            p.indent(Some(hang), Some(SpecialIndentType::Hanging(hang)), None, None)
        } else {
            p.indent(Some(hang), None, None, None)
        };
        if i + 1 < n {
            p = p.keep_next(true);
        }
        out.push(Item::P(p.keep_lines(true)));
    }
}
