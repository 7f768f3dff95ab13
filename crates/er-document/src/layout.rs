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
/// Line height of table cells and notes, as a multiple of their size.
pub const TABLE_LINE_FACTOR: f64 = 1.3;

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
