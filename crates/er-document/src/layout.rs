//! The official layout's numbers (GB/T 9704-2012, spec §1–§2), defined once
//! for every writer: page setups, the text grid, and the face and size of
//! each kind of text.

/// Orientation of a section's pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    Portrait,
    Landscape,
}

/// Paper size and margins, in millimetres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSetup {
    pub orientation: Orientation,
    pub width_mm: f64,
    pub height_mm: f64,
    pub top_mm: f64,
    pub bottom_mm: f64,
    pub left_mm: f64,
    pub right_mm: f64,
}

impl PageSetup {
    /// Width of the text block.
    pub fn text_width_mm(&self) -> f64 {
        self.width_mm - self.left_mm - self.right_mm
    }

    /// Height of the text block.
    pub fn text_height_mm(&self) -> f64 {
        self.height_mm - self.top_mm - self.bottom_mm
    }
}

/// A4 portrait with the 156 × 225 mm block of GB/T 9704: Part 1.
pub const PORTRAIT: PageSetup = PageSetup {
    orientation: Orientation::Portrait,
    width_mm: 210.0,
    height_mm: 297.0,
    top_mm: 37.0,
    bottom_mm: 35.0,
    left_mm: 28.0,
    right_mm: 26.0,
};

/// A4 landscape, the portrait block turned a quarter clockwise: Part 2's
/// tables. GB/T 9704-2012 §8 puts a landscape table's top at the sheet's
/// left edge (the binding edge of an odd page, the cut edge of an even
/// one), so the portrait top margin (37 mm) is on the right, the bottom
/// margin (35 mm, where the page number stands) on the left.
pub const LANDSCAPE: PageSetup = PageSetup {
    orientation: Orientation::Landscape,
    width_mm: 297.0,
    height_mm: 210.0,
    top_mm: 28.0,
    bottom_mm: 26.0,
    left_mm: 35.0,
    right_mm: 37.0,
};

impl PageSetup {
    /// The sheet as it is printed and bound: a landscape setup turned back
    /// to portrait (its left edge the sheet's bottom edge), a portrait one
    /// as it is.
    ///
    /// ```
    /// use er_document::layout::{LANDSCAPE, PORTRAIT};
    /// assert_eq!(LANDSCAPE.as_printed(), PORTRAIT);
    /// ```
    pub fn as_printed(&self) -> PageSetup {
        match self.orientation {
            Orientation::Portrait => *self,
            Orientation::Landscape => PageSetup {
                orientation: Orientation::Portrait,
                width_mm: self.height_mm,
                height_mm: self.width_mm,
                top_mm: self.right_mm,
                bottom_mm: self.left_mm,
                left_mm: self.top_mm,
                right_mm: self.bottom_mm,
            },
        }
    }
}

/// Lines of body text on a full portrait page.
pub const LINES_PER_PAGE: usize = 22;
/// Characters of body text on a full line.
pub const CHARS_PER_LINE: usize = 28;
/// Line pitch of the portrait grid: 225 mm / 22, rounded to whole twips as
/// Word stores it (579 twips ≈ 28.95 pt).
pub const LINE_PITCH_TWIPS: u32 = 579;
/// The same pitch in points.
pub const LINE_PITCH_PT: f64 = LINE_PITCH_TWIPS as f64 / 20.0;
/// First-line indent of body paragraphs and headings, in characters.
pub const INDENT_CHARS: usize = 2;
/// The signature's date ends this many characters from the right margin.
pub const DATE_RIGHT_INDENT_CHARS: usize = 4;
/// Page numbers stand this far below the text block.
pub const PAGE_NUMBER_BELOW_MM: f64 = 7.0;
/// Space between a page number and the margin on its side, in characters.
pub const PAGE_NUMBER_INSET_CHARS: usize = 1;
/// The dash each side of a page number: "— 1 —".
pub const PAGE_NUMBER_DASH: char = '—';
/// The lead of a table's notes; later notes hang under the first.
pub const NOTES_LEAD: &str = "说明：";

/// Millimetres per point.
pub const MM_PER_PT: f64 = 25.4 / 72.0;

/// The kinds of text, each with its official face and size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// Optional title line above Part 1: 方正小标宋简体 2号.
    Title,
    /// 第一部分 …: 黑体 3号, centred.
    PartHeading,
    /// 一、…: 黑体 3号.
    Heading1,
    /// （一）…: 楷体_GB2312 3号.
    Heading2,
    /// Body text, run-in level-3 headings, signature: 仿宋_GB2312 3号.
    Body,
    /// 表一 …: 黑体 3号.
    TableLabel,
    /// The table's title: 方正小标宋简体 小二, centred.
    TableTitle,
    /// Header and value cells: 仿宋_GB2312 小四.
    TableCell,
    /// 说明：…: 仿宋_GB2312 小四.
    Note,
    /// — 1 —: 宋体 4号.
    PageNumber,
}

/// A face, by the official name that Word and WPS know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Face {
    FangSong,
    HeiTi,
    KaiTi,
    XiaoBiaoSong,
    SongTi,
}

impl Face {
    /// All faces, in a fixed order.
    pub const ALL: [Face; 5] = [Face::FangSong, Face::HeiTi, Face::KaiTi, Face::XiaoBiaoSong, Face::SongTi];

    /// The name written into DOCX and XLSX files.
    pub fn official_name(self) -> &'static str {
        match self {
            Face::FangSong => "仿宋_GB2312",
            Face::HeiTi => "黑体",
            Face::KaiTi => "楷体_GB2312",
            Face::XiaoBiaoSong => "方正小标宋简体",
            Face::SongTi => "宋体",
        }
    }
}

impl Role {
    /// The role of a heading of `level`: 1 (一、, 黑体) or 2 (（一）, 楷体).
    ///
    /// ```
    /// use er_document::layout::Role;
    /// assert_eq!(Role::heading(1), Role::Heading1);
    /// assert_eq!(Role::heading(2), Role::Heading2);
    /// ```
    pub fn heading(level: u8) -> Role {
        if level <= 1 {
            Role::Heading1
        } else {
            Role::Heading2
        }
    }

    /// The face of this kind of text.
    pub fn face(self) -> Face {
        match self {
            Role::Title | Role::TableTitle => Face::XiaoBiaoSong,
            Role::PartHeading | Role::Heading1 | Role::TableLabel => Face::HeiTi,
            Role::Heading2 => Face::KaiTi,
            Role::Body | Role::TableCell | Role::Note => Face::FangSong,
            Role::PageNumber => Face::SongTi,
        }
    }

    /// The size in points (3号 16, 4号 14, 小四 12, 2号 22, 小二 18).
    pub fn size_pt(self) -> f64 {
        match self {
            Role::Title => 22.0,
            Role::TableTitle => 18.0,
            Role::PartHeading | Role::Heading1 | Role::Heading2 | Role::Body | Role::TableLabel => 16.0,
            Role::PageNumber => 14.0,
            Role::TableCell | Role::Note => 12.0,
        }
    }
}

/// How many characters of `role` fit on a line of `page`'s text block:
/// the width titles and headings are broken to.
///
/// ```
/// use er_document::layout::{line_em, Role, LANDSCAPE, PORTRAIT};
/// assert_eq!(line_em(Role::Title, &PORTRAIT), 20.0);
/// assert_eq!(line_em(Role::TableTitle, &LANDSCAPE), 35.0);
/// ```
pub fn line_em(role: Role, page: &PageSetup) -> f64 {
    (page.text_width_mm() / MM_PER_PT / role.size_pt()).floor()
}

/// Padding inside a table cell, left and right, in points.
pub const CELL_PADDING_PT: f64 = 4.0;
/// Padding inside a table cell, above and below its lines, in points.
pub const CELL_VPAD_PT: f64 = 3.0;
/// Line height of table cells and notes, as a multiple of their size.
pub const TABLE_LINE_FACTOR: f64 = 1.3;

/// The weight of every rule of a table's grid: ½ pt, Word's and WPS's
/// single table line. A spreadsheet has no weights, only styles: it draws
/// its thinnest solid line (Excel's Thin), the one of this class.
pub const RULE_PT: f64 = 0.5;
/// The least height of a header row (a label of one line stands in 24 pt).
pub const HEADER_ROW_MIN_PT: f64 = 24.0;
/// The least height of a row of figures: a little taller than a header
/// row, since figures are what the row is read for.
pub const VALUE_ROW_MIN_PT: f64 = 28.0;
/// Space between a table's title and the top of its grid.
pub const CAPTION_GAP_PT: f64 = 6.0;
/// Space between the bottom of a table's grid and its first note.
pub const NOTES_GAP_PT: f64 = 4.0;

/// The least height of a table row: [`HEADER_ROW_MIN_PT`] or
/// [`VALUE_ROW_MIN_PT`].
///
/// ```
/// use er_document::layout::row_min_pt;
/// assert_eq!(row_min_pt(true), 24.0);
/// assert_eq!(row_min_pt(false), 28.0);
/// ```
pub fn row_min_pt(header: bool) -> f64 {
    if header {
        HEADER_ROW_MIN_PT
    } else {
        VALUE_ROW_MIN_PT
    }
}

/// Where a line of a role stands across its measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Flush left (a table's label, the 目录).
    Left,
    /// Centred (titles, part headings, cells).
    Centre,
    /// Flush right (the signature and its date, indented from the right).
    Right,
    /// Justified to both edges (body text, notes).
    Justify,
}

impl Role {
    /// The height of one line of this role, in points: the portrait grid's
    /// pitch for the text of the portrait pages (GB/T 9704: 22 lines in
    /// 225 mm), and a fixed multiple of the size for a table's caption,
    /// cells and notes and for the page number.
    ///
    /// ```
    /// use er_document::layout::{Role, LINE_PITCH_PT};
    /// assert_eq!(Role::Body.line_pt(), LINE_PITCH_PT);
    /// assert_eq!(Role::TableLabel.line_pt(), 24.0);
    /// assert!((Role::TableTitle.line_pt() - 25.2).abs() < 1e-9);
    /// ```
    pub fn line_pt(self) -> f64 {
        match self {
            Role::Title | Role::PartHeading | Role::Heading1 | Role::Heading2 | Role::Body => LINE_PITCH_PT,
            Role::TableLabel => self.size_pt() * 1.5,
            Role::TableTitle => self.size_pt() * 1.4,
            Role::TableCell | Role::Note | Role::PageNumber => self.size_pt() * TABLE_LINE_FACTOR,
        }
    }

    /// Space after a paragraph of this role, in points: the caption's gap
    /// under a table's title; none elsewhere (the grid spaces the rest).
    ///
    /// ```
    /// use er_document::layout::Role;
    /// assert_eq!(Role::TableTitle.space_after_pt(), 6.0);
    /// assert_eq!(Role::Body.space_after_pt(), 0.0);
    /// ```
    pub fn space_after_pt(self) -> f64 {
        match self {
            Role::TableTitle => CAPTION_GAP_PT,
            _ => 0.0,
        }
    }

    /// How the role's lines stand across the measure.
    ///
    /// ```
    /// use er_document::layout::{Align, Role};
    /// assert_eq!(Role::TableTitle.align(), Align::Centre);
    /// assert_eq!(Role::Note.align(), Align::Justify);
    /// ```
    pub fn align(self) -> Align {
        match self {
            Role::Title | Role::PartHeading | Role::TableTitle | Role::TableCell => Align::Centre,
            Role::TableLabel => Align::Left,
            Role::Heading1 | Role::Heading2 | Role::Body | Role::Note => Align::Justify,
            // On an odd page; an even page's stands left: [`page_number_align`].
            Role::PageNumber => Align::Right,
        }
    }
}

/// The page number stands on the outside of the sheet: right on odd
/// pages, left on even ones (GB/T 9704-2012 §7.5), one character in from
/// the margin.
///
/// ```
/// use er_document::layout::{page_number_align, Align};
/// assert_eq!(page_number_align(1), Align::Right);
/// assert_eq!(page_number_align(2), Align::Left);
/// ```
pub fn page_number_align(page: usize) -> Align {
    if page % 2 == 1 {
        Align::Right
    } else {
        Align::Left
    }
}

/// Right indents, in characters, of the signature's name and date
/// (GB/T 9704 §7.3.5.1): the date ends 4 characters from the right margin
/// and the name is centred over the date.
///
/// ```
/// use er_document::layout::signature_indents;
/// let (name, date) = signature_indents("第一师阿拉尔市应急管理局", "2025年1月26日");
/// assert_eq!(date, 4.0);
/// assert_eq!(name, 4.0 + (6.5 - 12.0) / 2.0);
/// ```
pub fn signature_indents(name: &str, date: &str) -> (f64, f64) {
    use crate::text::em_width;
    let date_right = DATE_RIGHT_INDENT_CHARS as f64;
    // A name in several lines: the longest line is centred over the date,
    // and the others stand flush right with it.
    let name_w = name.split('\n').map(em_width).fold(0.0, f64::max);
    let name_right = (date_right + (em_width(date) - name_w) / 2.0).max(0.0);
    (name_right, date_right)
}
