//! Page numbers of the landscape pages, as GB/T 9704-2012 §8 places them:
//! where the portrait pages have theirs on the sheet as printed. The sheet's
//! bottom edge is the landscape page's left edge, so the number is a text
//! box on that edge whose text runs down the page (VML `layout-flow:
//! vertical`, which Word, WPS and LibreOffice all draw), right of the
//! sheet's centre on odd pages and left of it on even ones. docx-rs cannot
//! write text boxes: these footers are written here as XML and added to
//! the package by `package::repack`.

use er_document::layout::{PageSetup, Role, PAGE_NUMBER_BELOW_MM, PAGE_NUMBER_DASH, PAGE_NUMBER_INSET_CHARS};
use quick_xml::escape::escape;

/// Relationship ids of the landscape footers, odd then even.
pub const FOOTER_IDS: [&str; 2] = ["rIdFooterLandscapeOdd", "rIdFooterLandscapeEven"];
/// Their part names.
pub const FOOTER_PARTS: [&str; 2] = ["word/footer3.xml", "word/footer4.xml"];

/// Points in a millimetre.
fn pt(mm: f64) -> f64 {
    mm * 72.0 / 25.4
}

/// The footer of a landscape page of `setup`: odd pages' or even pages'.
pub fn footer(setup: &PageSetup, odd: bool) -> String {
    let role = Role::PageNumber;
    let size = role.size_pt();
    let sheet = setup.as_printed();
    // On the sheet: the number's line starts 7 mm under the text block and
    // ends one character in from the right margin (odd) or starts one in
    // from the left (even). On the landscape page, the sheet's (x, y) is
    // (page width − y, x).
    let line_top = pt(sheet.top_mm + sheet.text_height_mm() + PAGE_NUMBER_BELOW_MM);
    let thick = size * 1.5;
    let long = size * 8.0;
    let inset = size * PAGE_NUMBER_INSET_CHARS as f64;
    let left = pt(setup.width_mm) - line_top - thick;
    let top = if odd { pt(sheet.width_mm - sheet.right_mm) - inset - long } else { pt(sheet.left_mm) + inset };
    let jc = if odd { "right" } else { "left" };
    let face = escape(role.face().official_name());
    let half_points = (size * 2.0).round() as u32;
    let rpr = format!(
        r#"<w:rPr><w:rFonts w:ascii="{face}" w:hAnsi="{face}" w:eastAsia="{face}" w:cs="{face}"/><w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>"#
    );
    let d = PAGE_NUMBER_DASH;
    let id = if odd { 1 } else { 2 };
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<w:ftr xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w10="urn:schemas-microsoft-com:office:word">"#,
            r#"<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr><w:r>{rpr}<w:pict>"#,
            r#"<v:rect id="PageNumber{id}" o:spid="_x0000_s10{id}" style="position:absolute;margin-left:{left:.2}pt;margin-top:{top:.2}pt;width:{thick:.2}pt;height:{long:.2}pt;z-index:251659264;mso-position-horizontal:absolute;mso-position-horizontal-relative:page;mso-position-vertical:absolute;mso-position-vertical-relative:page" filled="f" stroked="f">"#,
            r#"<v:textbox style="layout-flow:vertical" inset="0,0,0,0"><w:txbxContent>"#,
            // The page number's own style, and no indent: Normal's first-line
            // indent of two characters would move an even page's number
            // 32 pt in from where the other pages have it.
            r#"<w:p><w:pPr><w:pStyle w:val="PageNumber"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:left="0" w:right="0" w:firstLine="0"/><w:jc w:val="{jc}"/></w:pPr>"#,
            r#"<w:r>{rpr}<w:t xml:space="preserve">{d} </w:t></w:r>"#,
            r#"<w:fldSimple w:instr=" PAGE "><w:r>{rpr}<w:t>1</w:t></w:r></w:fldSimple>"#,
            r#"<w:r>{rpr}<w:t xml:space="preserve"> {d}</w:t></w:r>"#,
            r#"</w:p></w:txbxContent></v:textbox><w10:wrap anchorx="page" anchory="page"/></v:rect></w:pict></w:r></w:p></w:ftr>"#
        ),
        rpr = rpr,
        id = id,
        left = left,
        top = top,
        thick = thick,
        long = long,
        jc = jc,
        d = d,
    )
}
