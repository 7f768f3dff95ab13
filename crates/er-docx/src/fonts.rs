//! The font table: an entry for each face the document names, with what
//! Word needs to substitute a face the machine lacks (a stock Windows has
//! 仿宋 and 楷体 but not 仿宋_GB2312 and 楷体_GB2312): the GB2312 charset (86),
//! family, pitch, panose and an alternative name.

use er_document::layout::Face;
use quick_xml::escape::escape;

/// (name, alternative name, panose, family)
fn entry(face: Face) -> (&'static str, &'static str, &'static str, &'static str) {
    let name = face.official_name();
    match face {
        Face::FangSong => (name, "仿宋", "02010609060101010101", "modern"),
        Face::HeiTi => (name, "SimHei", "02010609060101010101", "modern"),
        Face::KaiTi => (name, "楷体", "02010609060101010101", "modern"),
        Face::XiaoBiaoSong => (name, "宋体", "02000000000000000000", "auto"),
        Face::SongTi => (name, "SimSun", "02010600030101010101", "auto"),
    }
}

/// word/fontTable.xml.
pub fn font_table() -> String {
    let mut fonts = String::from(
        r#"<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304" /><w:charset w:val="00" /><w:family w:val="roman" /><w:pitch w:val="variable" /></w:font>"#,
    );
    for face in Face::ALL {
        let (name, alt, panose, family) = entry(face);
        fonts.push_str(&format!(
            r#"<w:font w:name="{}"><w:altName w:val="{}" /><w:panose1 w:val="{panose}" /><w:charset w:val="86" /><w:family w:val="{family}" /><w:pitch w:val="fixed" /></w:font>"#,
            escape(name),
            escape(alt)
        ));
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">{fonts}</w:fonts>"#
    )
}
