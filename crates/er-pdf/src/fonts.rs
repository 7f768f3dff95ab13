//! Font files for the five faces: the user's own first (a folder they name,
//! then the system's font folders, matched by family name), then the free
//! fonts shipped inside the binary. Parsed once per process.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use er_document::layout::Face;
use printpdf::ParsedFont;

/// Where the PDF's fonts come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FontSource {
    /// Only the fonts shipped with the product (tests and golden files).
    Bundled,
    /// The user's fonts (an extra folder, then the system's), then the shipped ones.
    System { extra_dir: Option<PathBuf> },
}

/// A loaded font file.
pub struct Font {
    /// A six-letter tag: the PDF resource name and subset prefix.
    pub tag: String,
    /// Family name, for messages.
    pub family: String,
    pub parsed: ParsedFont,
    pub units_per_em: f64,
    /// Advances already looked up: the font's cmap lookup is slow, and a
    /// batch asks for the same few thousand characters again and again.
    advances: std::sync::RwLock<std::collections::HashMap<char, Option<f64>>>,
}

impl Font {
    fn new(tag: String, family: String, parsed: ParsedFont) -> Font {
        let units_per_em = parsed.font_metrics.units_per_em.max(1) as f64;
        Font { tag, family, parsed, units_per_em, advances: Default::default() }
    }

    /// Advance of `c` in em, or None when the font has no glyph for it.
    pub fn advance_em(&self, c: char) -> Option<f64> {
        if let Some(hit) = self.advances.read().ok().and_then(|m| m.get(&c).copied()) {
            return hit;
        }
        let advance = self
            .parsed
            .lookup_glyph_index(c as u32)
            .filter(|&gid| gid != 0)
            .map(|gid| self.parsed.get_horizontal_advance(gid) as f64 / self.units_per_em);
        if let Ok(mut m) = self.advances.write() {
            m.insert(c, advance);
        }
        advance
    }
}

/// The fonts of a render and, per face, the order in which they are tried.
pub struct FontSet {
    pub fonts: Vec<Arc<Font>>,
    /// For each face (in `Face::ALL` order), indices into `fonts`.
    pub candidates: [Vec<usize>; 5],
}

struct Bundled {
    family: &'static str,
    tag: &'static str,
    bytes: &'static [u8],
}

/// The shipped fonts, in the order of `bundled()`.
static BUNDLED: [Bundled; 5] = [
    Bundled { family: "Noto Serif CJK SC", tag: "ERSERF", bytes: include_bytes!("../fonts/NotoSerifSC-Regular-GB2312.otf") },
    Bundled { family: "Noto Serif CJK SC Bold", tag: "ERBOLD", bytes: include_bytes!("../fonts/NotoSerifSC-Bold-GB2312.otf") },
    Bundled { family: "Noto Sans CJK SC", tag: "ERSANS", bytes: include_bytes!("../fonts/NotoSansSC-Regular-GB2312.otf") },
    Bundled { family: "LXGW WenKai", tag: "ERKAIT", bytes: include_bytes!("../fonts/LXGWWenKai-Regular-GB2312.ttf") },
    // 朱雀仿宋: a 仿宋 design, as GB/T 9704 sets the body; GB2312 and the
    // GBK characters it has.
    Bundled { family: "Zhuque Fangsong", tag: "ERFANG", bytes: include_bytes!("../fonts/ZhuqueFangsong-Regular-GBK.ttf") },
];

/// The shipped fonts (indices into `BUNDLED`) that stand in for each
/// official face, tried in order character by character: 朱雀仿宋 lacks some
/// symbols of GB2312, which Noto Serif then draws.
fn bundled_for(face: Face) -> &'static [usize] {
    match face {
        Face::FangSong => &[4, 0],
        Face::SongTi => &[0],
        Face::XiaoBiaoSong => &[1],
        Face::HeiTi => &[2],
        Face::KaiTi => &[3],
    }
}

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

fn parse(bytes: &[u8], index: usize) -> Option<ParsedFont> {
    let mut warnings = Vec::new();
    ParsedFont::from_bytes(bytes, index, &mut warnings)
}

fn load_bundled(b: &Bundled) -> Arc<Font> {
    let parsed = parse(b.bytes, 0).unwrap_or_else(|| unreachable_font(b.family));
    Arc::new(Font::new(b.tag.to_string(), b.family.to_string(), parsed))
}

#[cold]
fn unreachable_font(name: &str) -> ParsedFont {
    // The bundled files are compiled in and checked by the tests; a failure
    // here is a broken build, not bad input.
    panic!("the bundled font {name} cannot be parsed: rebuild it with crates/er-pdf/fonts/build-subsets.sh")
}

/// The shipped fonts, parsed once per process.
fn bundled() -> &'static [Arc<Font>; 5] {
    static FONTS: OnceLock<[Arc<Font>; 5]> = OnceLock::new();
    FONTS.get_or_init(|| BUNDLED.each_ref().map(load_bundled))
}

impl FontSet {
    /// The fonts for `source`.
    pub fn load(source: &FontSource) -> FontSet {
        // The shipped fonts come first, so `bundled_for` indexes `fonts` too.
        let mut fonts: Vec<Arc<Font>> = bundled().to_vec();
        let mut candidates: [Vec<usize>; 5] = Default::default();
        if let FontSource::System { extra_dir } = source {
            let found = system::find(extra_dir.as_deref());
            for (i, face) in Face::ALL.into_iter().enumerate() {
                if let Some((path, index, family)) = found.get(&face) {
                    if let Some(parsed) = std::fs::read(path).ok().and_then(|b| parse(&b, *index)) {
                        let tag = format!("ERUSR{}", (b'A' + i as u8) as char);
                        fonts.push(Arc::new(Font::new(tag, family.clone(), parsed)));
                        candidates[i].push(fonts.len() - 1);
                    }
                }
            }
        }
        for (i, face) in Face::ALL.into_iter().enumerate() {
            candidates[i].extend_from_slice(bundled_for(face));
        }
        FontSet { fonts, candidates }
    }

    /// The candidates of a face, in order.
    pub fn for_face(&self, face: Face) -> &[usize] {
        let i = Face::ALL.iter().position(|f| *f == face).unwrap_or(0);
        &self.candidates[i]
    }
}

mod system {
    //! Finds the user's fonts by family name, reading only each file's name
    //! table (ttf-parser), so a folder of hundreds of fonts is quick.
    use super::*;
    use std::collections::BTreeMap;

    fn folders(extra: Option<&Path>) -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = extra.into_iter().map(Path::to_path_buf).collect();
        for d in ["/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts", "/System/Library/Fonts", "C:\\Windows\\Fonts"] {
            v.push(PathBuf::from(d));
        }
        if let Some(home) = std::env::var_os("HOME") {
            let home = PathBuf::from(home);
            v.push(home.join(".fonts"));
            v.push(home.join(".local/share/fonts"));
            v.push(home.join("Library/Fonts"));
        }
        v
    }

    fn walk(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) {
        let Ok(rd) = std::fs::read_dir(dir) else { return };
        let mut entries: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
        entries.sort();
        for p in entries {
            if p.is_dir() && depth < 6 {
                walk(&p, depth + 1, out);
            } else if let Some(ext) = p.extension().and_then(|e| e.to_str()) {
                if matches!(ext.to_ascii_lowercase().as_str(), "ttf" | "otf" | "ttc" | "otc") {
                    out.push(p);
                }
            }
        }
    }

    /// For each face, the first font file (path, face index, family) whose
    /// family name is one of the face's names, best name first.
    pub fn find(extra: Option<&Path>) -> BTreeMap<Face, (PathBuf, usize, String)> {
        let mut files = Vec::new();
        for f in folders(extra) {
            walk(&f, 0, &mut files);
        }
        let mut best: BTreeMap<Face, (usize, PathBuf, usize, String)> = BTreeMap::new();
        for path in files {
            let Ok(data) = std::fs::read(&path) else { continue };
            let count = ttf_parser::fonts_in_collection(&data).unwrap_or(1);
            for index in 0..count {
                let Ok(face) = ttf_parser::Face::parse(&data, index) else { continue };
                let names: Vec<String> = face
                    .names()
                    .into_iter()
                    .filter(|n| n.name_id == ttf_parser::name_id::FAMILY || n.name_id == ttf_parser::name_id::FULL_NAME)
                    .filter_map(|n| n.to_string())
                    .collect();
                for f in Face::ALL {
                    let Some(rank) = family_names(f).iter().position(|want| names.iter().any(|n| n == want)) else {
                        continue;
                    };
                    if best.get(&f).map_or(true, |b| rank < b.0) {
                        best.insert(f, (rank, path.clone(), index as usize, family_names(f)[rank].to_string()));
                    }
                }
            }
        }
        best.into_iter().map(|(f, (_, p, i, n))| (f, (p, i, n))).collect()
    }
}
