//! Document → docx-rs tree. Every size comes from the core's layout.

use docx_rs::{
    AlignmentType, BorderType, BreakType, DocGrid, DocGridType, Docx, FieldCharType, Footer, HeightRule, InstrPAGE, InstrText,
    LineSpacing, LineSpacingType, PageMargin, PageOrientationType, PageSize, Paragraph, Run, RunFonts,
    SectionProperty, SpecialIndentType, Table as DocxTable, TableAlignmentType, TableBorder, TableBorderPosition,
    TableBorders, TableCell, TableCellMargins, TableLayoutType, TableRow, VAlignType, VMergeType, WidthType,
};
use docx_rs::{InstrPAGEREF, Style, StyleType, Styles, Tab, TabLeaderType, TabValueType};
use er_document::text::{em_width, is_wide};
use er_document::document::{Block, CellRole, Contents, Document, Notes, Run as DocRun, Section, Table, Target};
use er_document::layout::{
    signature_indents, page_number_align, row_min_pt, Align, Orientation, CELL_PADDING_PT, NOTES_GAP_PT, RULE_PT, TABLE_LINE_FACTOR, PageSetup, Role, INDENT_CHARS, LINE_PITCH_TWIPS, PAGE_NUMBER_BELOW_MM,
    PAGE_NUMBER_DASH, PAGE_NUMBER_INSET_CHARS, LINES_PER_PAGE, CHARS_PER_LINE, line_em,
};

/// Twips (1/20 pt) in a millimetre.
fn mm(v: f64) -> i32 {
    (v * 1440.0 / 25.4).round() as i32
}

fn pt(v: f64) -> i32 {
    (v * 20.0).round() as i32
}

/// How much the body's characters are condensed, in twips: 0.25 pt, so
/// that 28 characters of 16 pt fill the 156 mm line in Word and
/// LibreOffice alike (see `package`, which puts it in the body's style).
pub const GRID_CONDENSE_TWIPS: i32 = -5;

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

/// The Latin face of the 公文 convention for body text, notes and tables.
const LATIN: &str = "Times New Roman";

/// The fonts of a role: its CJK face for Chinese; for the body, cells and
/// notes Times New Roman for Latin letters and digits, as 公文 templates
/// set them; headings and titles keep their face for both.
fn fonts(role: Role) -> RunFonts {
    let cjk = role.face().official_name();
    let latin = match role {
        Role::Body | Role::TableCell | Role::Note => LATIN,
        _ => cjk,
    };
    RunFonts::new().ascii(latin).hi_ansi(latin).east_asia(cjk).cs(latin)
}

/// Half-points, as docx-rs sizes.
fn half_points(role: Role) -> usize {
    (role.size_pt() * 2.0) as usize
}

/// A run of text: its face and size come from the paragraph's style.
fn run(text: &str) -> Run {
    Run::new().add_text(text)
}

/// An empty run in the page number's style, for field characters.
fn styled(style: &str) -> Run {
    Run::new().style(style)
}

/// A paragraph's text whose line breaks the document decided (a title in
/// balanced lines): the lines, a line break between each two.
fn add_lines(mut p: Paragraph, text: &str) -> Paragraph {
    let lines: Vec<&str> = text.split('\n').collect();
    for (i, line) in lines.iter().enumerate() {
        let r = run(line);
        p = p.add_run(if i + 1 < lines.len() { r.add_break(BreakType::TextWrapping) } else { r });
    }
    p
}

fn grid_spacing() -> LineSpacing {
    LineSpacing::new().before(0).after(0).line(LINE_PITCH_TWIPS as i32).line_rule(LineSpacingType::Exact)
}

/// Style ids (stable, ASCII) and the names Chinese Word users see.
mod id {
    pub const BODY: &str = "Normal";
    pub const TITLE: &str = "ReportTitle";
    pub const PART: &str = "PartHeading";
    pub const H1: &str = "Heading1";
    pub const H2: &str = "Heading2";
    pub const H3: &str = "Heading3Char";
    pub const SIGNATURE: &str = "Signature";
    pub const DATE: &str = "SignatureDate";
    pub const TABLE_LABEL: &str = "TableLabel";
    pub const TABLE_TITLE: &str = "TableTitle";
    pub const TABLE_TEXT: &str = "TableText";
    pub const TABLE_NOTE: &str = "TableNote";
    pub const PAGE_NUMBER: &str = "PageNumber";
    pub const PAGE_NUMBER_CHAR: &str = "PageNumberChar";
    pub const CONTENTS: &str = "Contents";
    pub const TABLE: &str = "ReportTable";
}

/// Word's alignment for the style sheet's.
fn jc(a: Align) -> AlignmentType {
    match a {
        Align::Left => AlignmentType::Left,
        Align::Centre => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
        Align::Justify => AlignmentType::Both,
    }
}

/// The document's styles: they carry the formatting; paragraphs name them.
fn styles() -> Styles {
    let indent = pt(Role::Body.size_pt()) * INDENT_CHARS as i32;
    let para = |id: &str, name: &str, role: Role| {
        Style::new(id, StyleType::Paragraph).name(name).based_on(id::BODY).next(id::BODY).fonts(fonts(role)).size(half_points(role)).align(jc(role.align()))
    };
    let table_line = LineSpacing::new().before(0).after(0).line(pt(Role::TableCell.size_pt() * TABLE_LINE_FACTOR)).line_rule(LineSpacingType::AtLeast);
    // Border widths are in eighths of a point.
    let border = |pos| TableBorder::new(pos).border_type(BorderType::Single).size((RULE_PT * 8.0).round() as usize).color("000000");
    let borders = TableBorders::with_empty()
        .set(border(TableBorderPosition::Top))
        .set(border(TableBorderPosition::Left))
        .set(border(TableBorderPosition::Bottom))
        .set(border(TableBorderPosition::Right))
        .set(border(TableBorderPosition::InsideH))
        .set(border(TableBorderPosition::InsideV));
    let pad = pt(CELL_PADDING_PT) as usize;
    Styles::new()
        .default_fonts(fonts(Role::Body))
        .default_size(half_points(Role::Body))
        .add_style(
            // Built-in styles keep their built-in names, which Word and WPS
            // show as 正文, 标题 1, 标题 2 in Chinese, and by which Word,
            // LibreOffice and pandoc know them (LibreOffice sizes the
            // character grid from Normal); the others are named in Chinese.
            Style::new(id::BODY, StyleType::Paragraph)
                .name("Normal")
                .fonts(fonts(Role::Body))
                .size(half_points(Role::Body))
                .align(jc(Role::Body.align()))
                .indent(None, Some(SpecialIndentType::FirstLine(indent)), None, None)
                .line_spacing(grid_spacing()),
        )
        // 2号 is taller than the grid's line: off the grid, its lines keep
        // the exact 28.95 pt pitch (on it, each would take two grid lines).
        .add_style(
            para(id::TITLE, "报告标题", Role::Title)
                .indent(Some(0), Some(SpecialIndentType::FirstLine(0)), None, None)
                .snap_to_grid(false),
        )
        // Based on heading 1, so that readers that know only the built-in
        // headings (pandoc) take the parts for headings too.
        .add_style(
            para(id::PART, "部分标题", Role::PartHeading)
                .based_on(id::H1)
                .indent(Some(0), Some(SpecialIndentType::FirstLine(0)), None, None)
                .outline_lvl(0),
        )
        .add_style(para(id::H1, "heading 1", Role::Heading1).outline_lvl(1))
        .add_style(para(id::H2, "heading 2", Role::Heading2).outline_lvl(2))
        .add_style(Style::new(id::H3, StyleType::Character).name("标题 3").fonts(fonts(Role::Body)))
        .add_style(para(id::SIGNATURE, "署名", Role::Body).align(AlignmentType::Right).indent(Some(0), Some(SpecialIndentType::FirstLine(0)), None, None))
        .add_style(para(id::DATE, "日期", Role::Body).align(AlignmentType::Right).indent(Some(0), Some(SpecialIndentType::FirstLine(0)), None, None))
        .add_style(para(id::CONTENTS, "目录", Role::Body).indent(Some(0), Some(SpecialIndentType::FirstLine(0)), None, None))
        .add_style(
            para(id::TABLE_LABEL, "表号", Role::TableLabel)
                .indent(Some(0), Some(SpecialIndentType::FirstLine(0)), None, None)
                .line_spacing(LineSpacing::new().before(pt(6.0) as u32).after(0).line(pt(Role::TableLabel.line_pt())).line_rule(LineSpacingType::Exact)),
        )
        .add_style(
            para(id::TABLE_TITLE, "表标题", Role::TableTitle)
                .indent(Some(0), Some(SpecialIndentType::FirstLine(0)), None, None)
                .line_spacing(
                    LineSpacing::new()
                        .before(0)
                        .after(pt(Role::TableTitle.space_after_pt()) as u32)
                        .line(pt(Role::TableTitle.line_pt()))
                        .line_rule(LineSpacingType::Exact),
                ),
        )
        .add_style(
            para(id::TABLE_TEXT, "表格文字", Role::TableCell)
                .indent(Some(0), Some(SpecialIndentType::FirstLine(0)), None, None)
                .line_spacing(table_line.clone()),
        )
        .add_style(
            para(id::TABLE_NOTE, "表注", Role::Note)
                .indent(Some(0), Some(SpecialIndentType::FirstLine(0)), None, None)
                .line_spacing(table_line),
        )
        .add_style(para(id::PAGE_NUMBER, "页码", Role::PageNumber).indent(Some(0), Some(SpecialIndentType::FirstLine(0)), None, None).line_spacing(LineSpacing::new().before(0).after(0)))
        .add_style(Style::new(id::PAGE_NUMBER_CHAR, StyleType::Character).name("页码字符").fonts(fonts(Role::PageNumber)).size(half_points(Role::PageNumber)))
        .add_style(
            Style::new(id::TABLE, StyleType::Table)
                .name("报表表格")
                .set_borders(borders)
                .margins(TableCellMargins::new().margin(0, pad, 0, pad))
                .table_align(TableAlignmentType::Center),
        )
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
        // A line grid: 22 lines of 28.95 pt. Not `linesAndChars`: under a
        // character grid LibreOffice breaks lines that mix Chinese and
        // digits after a dozen characters and spreads them (tried: see the
        // README). The 28 characters a line come from the body style's
        // 0.25 pt condensing, which text typed later inherits.
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
fn page_number_footer(page: usize, ids: &mut Ids) -> Footer {
    let role = Role::PageNumber;
    let d = PAGE_NUMBER_DASH;
    let inset = pt(role.size_pt()) * PAGE_NUMBER_INSET_CHARS as i32;
    let c = id::PAGE_NUMBER_CHAR;
    let p = Paragraph::new()
        .id(ids.next())
        .style(id::PAGE_NUMBER)
        .add_run(styled(c).add_text(format!("{d} ")))
        .add_run(styled(c).add_field_char(FieldCharType::Begin, false))
        .add_run(styled(c).add_instr_text(InstrText::PAGE(InstrPAGE::new())))
        .add_run(styled(c).add_field_char(FieldCharType::Separate, false))
        .add_run(styled(c).add_text("1"))
        .add_run(styled(c).add_field_char(FieldCharType::End, false))
        .add_run(styled(c).add_text(format!(" {d}")));
    let p = match page_number_align(page) {
        Align::Left => p.align(AlignmentType::Left).indent(Some(inset), None, None, None),
        _ => p.align(AlignmentType::Right).indent(None, None, Some(inset), None),
    };
    Footer::new().add_paragraph(p)
}

/// Builds the docx-rs document.
/// Builds the docx-rs document, and for each table (in document order)
/// the XML of its body rows, written apart (see `table`).
pub fn docx(doc: &Document) -> (Docx, Vec<String>) {
    let mut spliced = Vec::new();
    let has_contents = doc.sections.iter().flat_map(|s| &s.blocks).any(|b| matches!(b, Block::Contents(_)));
    let mut ids = Ids(0, has_contents);
    let footers = (page_number_footer(1, &mut ids), page_number_footer(2, &mut ids));
    let date = format!("{}T00:00:00Z", doc.info.date.iso());
    let mut docx = Docx::new()
        .styles(styles())
        .created_at(&date)
        .updated_at(&date)
        .footer(footers.0.clone())
        .even_footer(footers.1.clone());

    let last = doc.sections.len().saturating_sub(1);
    for (si, section) in doc.sections.iter().enumerate() {
        let mut paragraphs: Vec<Item> = Vec::new();
        for (bi, block) in section.blocks.iter().enumerate() {
            blocks(block, si, section, &mut paragraphs, &mut ids, &mut spliced);
            // The body's last paragraph keeps with the signature, so the
            // signature and date never stand alone on a page (GB/T 9704
            // §7.3.5); widow control lets Word carry only its last lines.
            // LibreOffice moves a kept paragraph whole, and gives up the
            // keep (stranding the date) when paragraph and signature
            // exceed a page: so only a paragraph that fits with them keeps.
            if let (Block::Paragraph(runs), Some(Block::Signature { .. })) = (block, section.blocks.get(bi + 1)) {
                let keep = lines_estimate(runs, &section.page) + SIGNATURE_LINES <= LINES_PER_PAGE;
                if let Some(Item::P(p)) = paragraphs.pop() {
                    paragraphs.push(Item::P(p.keep_next(keep).widow_control(true)));
                }
            }
            // Notes above their table keep with its label.
            if let (Block::Notes(n), Some(Block::Table(t))) = (block, section.blocks.get(bi + 1)) {
                if n.table == t.index {
                    if let Some(Item::P(p)) = paragraphs.pop() {
                        paragraphs.push(Item::P(p.keep_next(true)));
                    }
                }
            }
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
    (docx, spliced)
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

fn blocks(block: &Block, si: usize, section: &Section, out: &mut Vec<Item>, ids: &mut Ids, spliced: &mut Vec<String>) {
    let on_grid = section.page.orientation == Orientation::Portrait;
    // On the grid every page holds its 22 lines: no widow control, which
    // would move a paragraph's second-to-last line over and leave a page
    // short. Off the grid (a landscape part heading) the lines are free.
    let para = |style: &str, ids: &mut Ids| {
        let p = Paragraph::new().id(ids.next()).style(style);
        if on_grid {
            p.widow_control(false)
        } else {
            p.line_spacing(LineSpacing::new().before(0).after(pt(8.0) as u32).line(240).line_rule(LineSpacingType::Auto))
        }
    };
    match block {
        Block::Title(t) => out.push(Item::P(add_lines(para(id::TITLE, ids).keep_next(true), t))),
        Block::PartHeading(t) => {
            let p = para(id::PART, ids).keep_next(true);
            out.push(Item::P(add_lines(marked(p, Target::Part(si), ids), t)))
        }
        Block::Heading { level, text } => {
            let style = if *level <= 1 { id::H1 } else { id::H2 };
            out.push(Item::P(para(style, ids).keep_next(true).add_run(run(text))))
        }
        Block::Paragraph(runs) => {
            let mut p = para(id::BODY, ids);
            for DocRun { text, role: _, run_in_heading } in runs {
                p = p.add_run(if *run_in_heading { run(text).style(id::H3) } else { run(text) });
            }
            out.push(Item::P(p));
        }
        Block::Signature { name, date } => {
            let (name_right, date_right) = signature_indents(name, date);
            let char_w = Role::Body.size_pt();
            out.push(Item::P(para(id::BODY, ids).keep_next(true)));
            for (text, right, style) in [(name, name_right, id::SIGNATURE), (date, date_right, id::DATE)] {
                // How far in from the right margin is the data's, not the style's.
                let p = para(style, ids).indent(Some(0), Some(SpecialIndentType::FirstLine(0)), Some(pt(right * char_w)), None).keep_next(text == name);
                out.push(Item::P(add_lines(p, text)));
            }
        }
        Block::Table(t) => spliced.push(table(t, section, out, ids)),
        Block::Contents(c) => contents(c, section, out, ids),
        Block::Notes(n) => notes(&n.notes, out, ids),
    }
}

/// Lines the signature block takes: a blank line, the name, the date.
const SIGNATURE_LINES: usize = 3;

/// How many lines a body paragraph takes, its first line indented; with
/// a quarter character wherever Chinese meets a Latin letter or digit,
/// the space Word and LibreOffice put there, so the estimate errs long.
fn lines_estimate(runs: &[DocRun], page: &PageSetup) -> usize {
    let text: String = runs.iter().map(|r| r.text.as_str()).collect();
    let joins = text.chars().zip(text.chars().skip(1)).filter(|(a, b)| is_wide(*a) != is_wide(*b)).count();
    let width = INDENT_CHARS as f64 + em_width(&text) + joins as f64 * 0.25;
    // On the portrait grid a line holds its 28 characters (GB/T 9704 §5.2.2).
    let per_line = if page.orientation == Orientation::Portrait { CHARS_PER_LINE as f64 } else { line_em(Role::Body, page) };
    (width / per_line).ceil().max(1.0) as usize
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
    let para = |style: &str, ids: &mut Ids| Paragraph::new().id(ids.next()).style(style).widow_control(false);
    out.push(Item::P(para(id::PART, ids).add_run(run(&c.heading))));
    out.push(Item::P(para(id::CONTENTS, ids)));
    let right = mm(section.page.text_width_mm()) as usize;
    for e in &c.entries {
        let indent = pt(Role::Body.size_pt()) * 2 * (i32::from(e.level) - 1);
        let page = e.page.map(|p| p.to_string()).unwrap_or_default();
        let instr = InstrText::PAGEREF(InstrPAGEREF::new(bookmark_name(e.target)).hyperlink());
        let p = para(id::CONTENTS, ids)
            .add_tab(Tab::new().val(TabValueType::Right).leader(TabLeaderType::Dot).pos(right))
            .indent(Some(indent), None, None, None)
            .add_run(run(&e.text))
            .add_run(Run::new().add_tab())
            .add_run(Run::new().add_field_char(FieldCharType::Begin, false))
            .add_run(Run::new().add_instr_text(instr))
            .add_run(Run::new().add_field_char(FieldCharType::Separate, false))
            .add_run(run(&page))
            .add_run(Run::new().add_field_char(FieldCharType::End, false));
        out.push(Item::P(p));
    }
}

/// Adds the table to `out`, and returns the XML of its body rows: each row
/// is written to XML as it is built and its docx-rs structures let go at
/// once (a paragraph alone is 2.4 KB; a roll-up has tens of thousands of
/// cells), and `package` puts the rows in the table's place. The XML is
/// what docx-rs writes for the rows inside the table.
fn table(t: &Table, section: &Section, out: &mut Vec<Item>, ids: &mut Ids) -> String {
    let keep = |p: Paragraph| p.keep_next(true).keep_lines(true);
    let label = Paragraph::new().id(ids.next()).style(id::TABLE_LABEL);
    out.push(Item::P(keep(marked(label, Target::Table(t.index), ids).add_run(run(&t.label)))));
    let title = Paragraph::new().id(ids.next()).style(id::TABLE_TITLE);
    out.push(Item::P(keep(add_lines(title, &t.title))));

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
    let cell_paragraph = |text: &str, lines: &[String], size_pt: f64, keep: bool, ids: &mut Ids| {
        let p = Paragraph::new().id(ids.next()).style(id::TABLE_TEXT).keep_next(keep);
        // A label is its text: Word and WPS wrap it to the cell, and Find
        // or a copy sees the label as the template gives it; only where
        // their wrap would differ from the document's lines (（万/元）, a
        // character alone) are the document's breaks written.
        if text.is_empty() {
            p
        } else {
            let mut r = Run::new();
            match lines {
                [_, _, ..] => {
                    for (k, l) in lines.iter().enumerate() {
                        if k > 0 {
                            r = r.add_break(BreakType::TextWrapping);
                        }
                        r = r.add_text(l);
                    }
                }
                _ => r = r.add_text(text),
            }
            // A figure too wide for its column is set smaller, never split:
            // the one size a style cannot say.
            p.add_run(if size_pt == cell_role.size_pt() { r } else { r.size((size_pt * 2.0).round() as usize) })
        }
    };
    // The width inside a cell, in characters of its size.
    let inner_em = |w: usize, size_pt: f64| (w as f64 / 20.0 - 2.0 * CELL_PADDING_PT) / size_pt;
    let mut rows = Vec::new();
    let mut spliced = String::new();
    let covering = t.covering();
    let n = t.columns.len();
    for r in 0..t.rows {
        // The header keeps with the first row under it, the last rows with
        // each other (the last agency with the totals row) and with the notes; a table longer
        // than a page breaks between the rows in between.
        let keep = r < t.header_rows || (r + 2 >= t.rows && (r + 1 < t.rows || !t.notes.items.is_empty()));
        let mut cells = Vec::new();
        let mut c = 0;
        while c < n {
            let Some(cell) = covering[r * n + c].map(|i| &t.cells[i]) else { break };
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
                let stated = cell.role == CellRole::Header && er_typeset::breaking::processor_lines(text, inner_em(w, cell.size_pt)) != cell.lines;
                tc = tc.add_paragraph(cell_paragraph(text, if stated { &cell.lines } else { &[] }, cell.size_pt, keep, ids));
            } else {
                // Covered by a cell from above: a continuation repeats the span.
                tc = tc.vertical_merge(VMergeType::Continue).add_paragraph(cell_paragraph("", &[], cell_role.size_pt(), keep, ids));
            }
            cells.push(tc);
            c = cell.col + cell.cols;
        }
        let height = pt(row_min_pt(r < t.header_rows)) as f32;
        // A row never splits across pages; the header rows repeat on each
        // page a table crosses (w:tblHeader, added by `package`, which
        // docx-rs cannot write).
        let row = TableRow::new(cells).cant_split().row_height(height).height_rule(HeightRule::AtLeast);
        if r >= t.header_rows {
            use docx_rs::BuildXML;
            spliced.push_str(&String::from_utf8_lossy(&row.build()));
        } else {
            rows.push(row);
        }
    }
    out.push(Item::T(
        DocxTable::new(rows)
            .style(id::TABLE)
            .set_grid(grid)
            .layout(TableLayoutType::Fixed)
            .width(width as usize, WidthType::Dxa)
            .clear_all_border(),
    ));
    notes(&t.notes, out, ids);
    spliced
}

/// Notes: 说明：1.… with later notes hanging under the first.
fn notes(notes: &Notes, out: &mut Vec<Item>, ids: &mut Ids) {
    let hang = pt(Role::Note.size_pt() * notes.hang_em());
    let n = notes.items.len();
    for (i, text) in notes.lines().enumerate() {
        let mut p = Paragraph::new().id(ids.next()).style(id::TABLE_NOTE);
        if i == 0 {
            p = p.line_spacing(LineSpacing::new().before(pt(NOTES_GAP_PT) as u32)).indent(Some(hang), Some(SpecialIndentType::Hanging(hang)), None, None);
        } else {
            p = p.indent(Some(hang), Some(SpecialIndentType::FirstLine(0)), None, None);
        }
        if i + 1 < n {
            p = p.keep_next(true);
        }
        out.push(Item::P(p.add_run(run(&text)).keep_lines(true)));
    }
}
