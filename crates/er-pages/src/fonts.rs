//! The fonts of a render and the order in which they are tried, character
//! by character:
//!
//! 1. the role's own faces: the user's fonts named as the official face
//!    (仿宋_GB2312, 黑体 …; a `--font-dir` folder before the system's font
//!    folders, then by the order of `family_names`), then the shipped face
//!    that stands in for it (朱雀仿宋 for 仿宋 …);
//! 2. every font of the `--font-dir` folder, whatever its family name;
//! 3. every font of the system, Simplified Chinese and regular faces first;
//! 4. the shipped fonts, Noto Serif CJK SC last: it has all of GBK and CJK
//!    Extension A.
//!
//! Fonts are found with fontdb, which reads only each file's name table.
//! A user or system font is mapped into memory when a character is first
//! looked up in it, and only its tables are read (advances from `hmtx`);
//! the shipped fonts are compiled in and shared, never copied.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock, RwLock};

// The glyph caches are asked once per character of every text (the check
// of every file of a roll-up, then the layout): a hash of a char needs
// no defence against collisions from outside, and SipHash was a tenth of
// a roll-up's time.
use rustc_hash::FxHashMap;

use er_document::layout::Face;

/// Where the PDF's fonts come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FontSource {
    /// Only the fonts shipped with the product (tests and golden files).
    Bundled,
    /// The user's fonts (an extra folder, then the system's), then the shipped ones.
    System { extra_dir: Option<PathBuf> },
}

/// A font file's bytes: compiled in, or a file mapped when first needed.
enum Data {
    Static(&'static [u8]),
    File { path: PathBuf, map: OnceLock<Option<memmap2::Mmap>> },
}

impl Data {
    fn bytes(&self) -> Option<&[u8]> {
        match self {
            Data::Static(b) => Some(b),
            Data::File { path, map } => map
                .get_or_init(|| {
                    let file = std::fs::File::open(path).ok()?;
                    // SAFETY: the file is only read; a font file that changes
                    // while a report renders is as fontdb and every font
                    // library treat it, at the user's risk.
                    unsafe { memmap2::Mmap::map(&file) }.ok()
                })
                .as_deref(),
        }
    }
}

/// A font file and one face in it.
pub struct Font {
    /// A six-letter tag: the PDF resource name and subset prefix.
    pub tag: String,
    /// Family name, for messages.
    pub family: String,
    data: Data,
    /// The face's index in a collection (.ttc); 0 in a single font file.
    pub index: u32,
    /// Advances already looked up: a batch asks for the same few thousand
    /// characters again and again.
    advances: RwLock<FxHashMap<char, Option<f64>>>,
    embeddable: OnceLock<bool>,
}

impl Font {
    fn new(tag: String, family: String, data: Data, index: u32) -> Font {
        Font { tag, family, data, index, advances: Default::default(), embeddable: OnceLock::new() }
    }

    /// Advance of `c` in em, or None when the font has no glyph for it.
    pub fn advance_em(&self, c: char) -> Option<f64> {
        if let Some(hit) = self.advances.read().ok().and_then(|m| m.get(&c).copied()) {
            return hit;
        }
        let advance = self.data.bytes().and_then(|b| {
            let face = ttf_parser::Face::parse(b, self.index).ok()?;
            let gid = face.glyph_index(c).filter(|g| g.0 != 0)?;
            Some(face.glyph_hor_advance(gid)? as f64 / face.units_per_em().max(1) as f64)
        });
        if let Ok(mut m) = self.advances.write() {
            m.insert(c, advance);
        }
        advance
    }

    /// The font file's bytes; None when a user's file cannot be read.
    pub fn bytes(&self) -> Option<&[u8]> {
        self.data.bytes()
    }

    /// True when the font can be embedded: it parses, and its outlines are
    /// TrueType or CFF (the subsetter does not take CFF2 or bitmap fonts).
    pub fn embeddable(&self) -> bool {
        *self.embeddable.get_or_init(|| {
            self.data.bytes().and_then(|b| ttf_parser::Face::parse(b, self.index).ok()).is_some_and(|f| {
                let t = f.tables();
                t.glyf.is_some() || t.cff.is_some()
            })
        })
    }
}

struct Bundled {
    family: &'static str,
    tag: &'static str,
    bytes: &'static [u8],
}

/// The shipped fonts, in the order of `bundled()`.
static BUNDLED: [Bundled; 6] = [
    // Last of every fallback: all of GBK and CJK Extension A.
    Bundled { family: "Noto Serif CJK SC", tag: "ERSERF", bytes: include_bytes!("../fonts/NotoSerifSC-Regular-GBK-ExtA.otf") },
    Bundled { family: "Noto Serif CJK SC Bold", tag: "ERBOLD", bytes: include_bytes!("../fonts/NotoSerifSC-Bold-GB2312.otf") },
    Bundled { family: "Noto Sans CJK SC", tag: "ERSANS", bytes: include_bytes!("../fonts/NotoSansSC-Regular-GB2312.otf") },
    Bundled { family: "LXGW WenKai", tag: "ERKAIT", bytes: include_bytes!("../fonts/LXGWWenKai-Regular-GB2312.ttf") },
    // 朱雀仿宋: a 仿宋 design, as GB/T 9704 sets the body; GB2312 and the
    // GBK characters it has.
    Bundled { family: "Zhuque Fangsong", tag: "ERFANG", bytes: include_bytes!("../fonts/ZhuqueFangsong-Regular-GBK.ttf") },
    // 宋体 sets only the page numbers: ASCII and the marks, a few
    // kilobytes, so the page numbers' font is small in every PDF.
    Bundled { family: "Noto Serif CJK SC", tag: "ERSONG", bytes: include_bytes!("../fonts/NotoSerifSC-Regular-Marks.otf") },
];

/// The shipped font (an index into `BUNDLED`) that stands in for each face.
fn bundled_for(face: Face) -> usize {
    match face {
        Face::FangSong => 4,
        Face::SongTi => 5,
        Face::XiaoBiaoSong => 1,
        Face::HeiTi => 2,
        Face::KaiTi => 3,
    }
}

/// The shipped fonts in the order they stand in for each face, after its
/// own (`bundled_for`) and the user's: the nearest design first. A bold or
/// heading face (小标宋, 黑体) falls back to Noto Serif, the widest
/// coverage, drawn emboldened ([`EMBOLDEN`]), before any regular face of
/// another role; 楷体 to 仿宋, the nearest brush design.
fn bundled_order(face: Face) -> [usize; 6] {
    match face {
        Face::FangSong => [4, 0, 3, 5, 2, 1],
        Face::XiaoBiaoSong => [1, 0, 2, 4, 3, 5],
        Face::HeiTi => [2, 0, 1, 4, 3, 5],
        Face::KaiTi => [3, 4, 0, 2, 1, 5],
        Face::SongTi => [5, 0, 4, 3, 2, 1],
    }
}

/// Set on a font index that is drawn emboldened (filled and stroked, as
/// Word and WPS draw a bold face a font lacks): a regular font standing in
/// for a bold role's character. [`font_of`] takes it apart.
pub const EMBOLDEN: usize = 1 << 24;

/// The font of an index as the layout carries it, and whether it is drawn
/// emboldened.
///
/// ```
/// use er_pages::fonts::{font_of, EMBOLDEN};
/// assert_eq!(font_of(3), (3, false));
/// assert_eq!(font_of(3 | EMBOLDEN), (3, true));
/// ```
pub fn font_of(i: usize) -> (usize, bool) {
    (i & !EMBOLDEN, i & EMBOLDEN != 0)
}

/// A face's place in `Face::ALL`, which orders the per-face lists.
fn slot(face: Face) -> usize {
    Face::ALL.iter().position(|f| *f == face).unwrap_or(0)
}

/// Bold roles: a regular stand-in is emboldened for them.
fn is_bold(face: Face) -> bool {
    matches!(face, Face::XiaoBiaoSong | Face::HeiTi)
}

/// The shipped bold face: it stands in for a bold role as it is.
const BUNDLED_BOLD: usize = 1;

/// Family names that stand for each official face, in order of preference.
pub fn family_names(face: Face) -> &'static [&'static str] {
    match face {
        Face::FangSong => &["仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "华文仿宋", "STFangsong"],
        Face::HeiTi => &["黑体", "SimHei", "华文黑体", "STHeiti"],
        Face::KaiTi => &["楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "华文楷体", "STKaiti"],
        Face::XiaoBiaoSong => &["方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "FZXBSJW--GB1-0"],
        Face::SongTi => &["宋体", "SimSun", "华文宋体", "STSong", "NSimSun"],
    }
}

/// The shipped fonts, parsed lazily, shared by every render of a process.
fn bundled() -> &'static [Arc<Font>; 6] {
    static FONTS: OnceLock<[Arc<Font>; 6]> = OnceLock::new();
    FONTS.get_or_init(|| BUNDLED.each_ref().map(|b| Arc::new(Font::new(b.tag.into(), b.family.into(), Data::Static(b.bytes), 0))))
}

/// The fonts of a render and, per face, the order in which they are tried.
pub struct FontSet {
    pub fonts: Vec<Arc<Font>>,
    /// For each face (in `Face::ALL` order): its own faces, then `fallback`.
    candidates: [Vec<usize>; 5],
    /// For each face: its own faces (the user's named so, and the shipped
    /// one that stands for it).
    own: [Vec<usize>; 5],
    /// The font chosen for each face and character (with [`EMBOLDEN`] when
    /// it is drawn so) and the character's advance, once looked up.
    chosen: RwLock<FxHashMap<(Face, char), Option<(usize, f64)>>>,
}

impl FontSet {
    /// The fonts for `source`.
    pub fn load(source: &FontSource) -> FontSet {
        // The shipped fonts come first, so `bundled_for` indexes `fonts` too.
        let mut fonts: Vec<Arc<Font>> = bundled().to_vec();
        let mut own: [Vec<usize>; 5] = Default::default();
        let mut fallback = Vec::new();
        if let FontSource::System { extra_dir } = source {
            let found = system::find(extra_dir.as_deref());
            let mut index_of: HashMap<(PathBuf, u32), usize> = HashMap::new();
            let mut add = |fonts: &mut Vec<Arc<Font>>, f: &system::Found| {
                *index_of.entry((f.path.clone(), f.index)).or_insert_with(|| {
                    let tag = tag(fonts.len());
                    let data = Data::File { path: f.path.clone(), map: OnceLock::new() };
                    fonts.push(Arc::new(Font::new(tag, f.family.clone(), data, f.index)));
                    fonts.len() - 1
                })
            };
            for (i, face) in Face::ALL.into_iter().enumerate() {
                let mut named: Vec<&system::Found> = found.iter().filter(|f| f.rank.contains_key(&face)).collect();
                named.sort_by_key(|f| (!f.in_dir, f.rank[&face]));
                for f in named {
                    let k = add(&mut fonts, f);
                    own[i].push(k);
                }
            }
            // The folder's fonts, then the system's, each in path order.
            for f in found.iter().filter(|f| f.in_dir).chain(found.iter().filter(|f| !f.in_dir)) {
                let k = add(&mut fonts, f);
                fallback.push(k);
            }
        }
        for (i, face) in Face::ALL.into_iter().enumerate() {
            own[i].push(bundled_for(face));
        }
        let candidates = std::array::from_fn(|i| {
            let mut v = own[i].clone();
            for k in fallback.iter().chain(&bundled_order(Face::ALL[i])) {
                if !v.contains(k) {
                    v.push(*k);
                }
            }
            v
        });
        FontSet { fonts, candidates, own, chosen: RwLock::new(FxHashMap::default()) }
    }

    /// The candidates of a face, in order.
    pub fn for_face(&self, face: Face) -> &[usize] {
        &self.candidates[slot(face)]
    }

    /// The font that draws `c` in `face`, and its advance in em; the index
    /// carries [`EMBOLDEN`] when a regular font stands in for a bold role.
    /// Asked once per character of every text: the answer, emboldening
    /// included, is kept per face and character.
    pub fn glyph(&self, face: Face, c: char) -> Option<(usize, f64)> {
        if let Some(hit) = self.chosen.read().ok().and_then(|m| m.get(&(face, c)).copied()) {
            return hit;
        }
        let found = self.for_face(face).iter().find_map(|&i| {
            let f = &self.fonts[i];
            let a = f.advance_em(c)?;
            // A font that cannot be embedded is passed over.
            (i < BUNDLED.len() || f.embeddable()).then_some((i, a))
        });
        let found = found.map(|(i, a)| {
            let embolden = is_bold(face) && i != BUNDLED_BOLD && !self.own[slot(face)].contains(&i);
            (if embolden { i | EMBOLDEN } else { i }, a)
        });
        if let Ok(mut m) = self.chosen.write() {
            m.insert((face, c), found);
        }
        found
    }

    /// The font standing in for `face` to draw `c`, by family name (and
    /// whether it is emboldened), when the face's own fonts lack it; None
    /// when they have it or no font does.
    pub fn stand_in(&self, face: Face, c: char) -> Option<(String, bool)> {
        let (i, _) = self.glyph(face, c)?;
        let (font, bold) = font_of(i);
        (!self.own[slot(face)].contains(&font)).then(|| (self.fonts[font].family.clone(), bold))
    }

    /// True when some font of the set can draw `c`: every face falls back
    /// through all of them.
    pub fn has(&self, c: char) -> bool {
        self.glyph(Face::FangSong, c).is_some()
    }
}

/// A PDF resource tag for the user font at `i`: six capital letters.
fn tag(i: usize) -> String {
    let mut s = String::from("ERU");
    let mut n = i;
    for _ in 0..3 {
        s.push((b'A' + (n % 26) as u8) as char);
        n /= 26;
    }
    s
}

mod system {
    //! The user's and the system's fonts, found with fontdb (name tables
    //! only, files mapped rather than read).
    use super::*;
    use std::collections::BTreeMap;

    /// A face found on disk.
    pub struct Found {
        pub path: PathBuf,
        pub index: u32,
        pub family: String,
        /// From the `--font-dir` folder.
        pub in_dir: bool,
        /// The weight class: 400 regular, 700 bold.
        pub weight: u16,
        /// For each official face this font is named as: the rank of its name.
        pub rank: BTreeMap<Face, usize>,
    }

    /// Simplified Chinese faces before the others, Japanese, Korean and
    /// traditional forms last: a fallback character should look as it is
    /// written in the mainland.
    fn region(family: &str) -> u8 {
        let f = family.to_ascii_uppercase();
        let has = |w: &str| f.split(|c: char| !c.is_ascii_alphanumeric()).any(|x| x == w);
        if has("SC") || has("CN") || has("GB") || family.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)) {
            0
        } else if has("JP") || has("KR") || has("TC") || has("HK") || has("MONO") {
            2
        } else {
            1
        }
    }

    /// Every face of the folder and of the system: the folder's first, then
    /// Simplified Chinese ones, regular weights first, then by path.
    pub fn find(extra: Option<&Path>) -> Vec<Found> {
        let mut db = fontdb::Database::new();
        if let Some(d) = extra {
            db.load_fonts_dir(d);
        }
        let from_dir: Vec<fontdb::ID> = db.faces().map(|f| f.id).collect();
        db.load_system_fonts();
        let mut out: Vec<Found> = db
            .faces()
            .filter_map(|f| {
                let path = match &f.source {
                    fontdb::Source::File(p) | fontdb::Source::SharedFile(p, _) => p.clone(),
                    fontdb::Source::Binary(_) => return None,
                };
                let names: Vec<&str> = f.families.iter().map(|(n, _)| n.as_str()).chain([f.post_script_name.as_str()]).collect();
                let rank = Face::ALL
                    .into_iter()
                    .filter_map(|face| family_names(face).iter().position(|want| names.contains(want)).map(|r| (face, r)))
                    .collect();
                let family = f.families.first().map_or_else(|| f.post_script_name.clone(), |(n, _)| n.clone());
                Some(Found { path, index: f.index, family, in_dir: from_dir.contains(&f.id), weight: f.weight.0, rank })
            })
            .collect();
        // Regular weights first: a fallback character in body text should
        // not stand out in bold.
        let key = |f: &Found| (!f.in_dir, region(&f.family), f.weight.abs_diff(400), f.path.clone(), f.index);
        out.sort_by_key(key);
        out.dedup_by(|a, b| a.path == b.path && a.index == b.index);
        out
    }
}
