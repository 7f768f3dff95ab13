//! Page numbers of the landscape pages, as GB/T 9704-2012 §8 places them:
//! where the portrait pages have theirs on the sheet as printed. The sheet's
//! bottom edge is the landscape page's left edge, so the number is a text
//! box on that edge whose text runs down the page (a DrawingML text box,
//! `vert="vert"`, which Word, WPS and LibreOffice all draw), right of the
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
    // The box's paragraph: the page number's own style, and no indent:
    // Normal's first-line indent of two characters would move an even
    // page's number 32 pt in from where the other pages have it.
    let paragraph = format!(
        concat!(
            r#"<w:p><w:pPr><w:pStyle w:val="PageNumber"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:left="0" w:right="0" w:firstLine="0"/><w:jc w:val="{jc}"/></w:pPr>"#,
            r#"<w:r>{rpr}<w:t xml:space="preserve">{d} </w:t></w:r>"#,
            r#"<w:fldSimple w:instr=" PAGE "><w:r>{rpr}<w:t>1</w:t></w:r></w:fldSimple>"#,
            r#"<w:r>{rpr}<w:t xml:space="preserve"> {d}</w:t></w:r></w:p>"#
        ),
        jc = jc,
        rpr = rpr,
        d = d
    );
    // EMU: 12 700 to the point.
    let emu = |pt: f64| (pt * 12700.0).round() as i64;
    // A DrawingML text box (Word 2010's wordprocessingShape), which Word,
    // WPS and LibreOffice draw and keep as they read it: no outline
    // (a:ln noFill), so a re-save as .odt or .doc gives no border, which
    // LibreOffice adds to a VML box when it turns it into a frame. Its text
    // runs down the page (vert="vert"), turned a quarter clockwise.
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<w:ftr xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">"#,
            r#"<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr><w:r>{rpr}<w:drawing>"#,
            r#"<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">"#,
            r#"<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="page"><wp:posOffset>{x}</wp:posOffset></wp:positionH><wp:positionV relativeFrom="page"><wp:posOffset>{y}</wp:posOffset></wp:positionV>"#,
            r#"<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/><wp:docPr id="{docpr}" name="PageNumber{id}"/><wp:cNvGraphicFramePr/>"#,
            r#"<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>"#,
            r#"<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>"#,
            r#"<wps:txbx><w:txbxContent>{paragraph}</w:txbxContent></wps:txbx>"#,
            r#"<wps:bodyPr rot="0" vert="vert" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor>"#,
            r#"</w:drawing></w:r></w:p></w:ftr>"#
        ),
        rpr = rpr,
        id = id,
        docpr = 1000 + id,
        x = emu(left),
        y = emu(top),
        cx = emu(thick),
        cy = emu(long),
        paragraph = paragraph,
    )
}
