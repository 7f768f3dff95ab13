//! A PDF read back with lopdf: each page's size and its text with positions.

use std::collections::BTreeMap;

use lopdf::{Document, Object};

/// A run of text where the content stream draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// From the page's bottom-left corner, in points.
    pub x: f64,
    pub y: f64,
    pub text: String,
}

/// One page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub width: f64,
    pub height: f64,
    pub runs: Vec<TextRun>,
}

impl Page {
    /// The page's lines top to bottom, runs on one baseline joined left to right.
    pub fn lines(&self) -> Vec<String> {
        let mut runs = self.runs.clone();
        runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
        let mut lines: Vec<(f64, String)> = Vec::new();
        for r in runs {
            match lines.last_mut() {
                Some((y, s)) if (*y - r.y).abs() < 0.5 => s.push_str(&r.text),
                _ => lines.push((r.y, r.text)),
            }
        }
        lines.into_iter().map(|(_, s)| s).collect()
    }
}

fn num(o: &Object) -> f64 {
    match o {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => *r as f64,
        _ => 0.0,
    }
}

/// Reads every page's text runs.
pub fn read(bytes: &[u8]) -> Result<Vec<Page>, String> {
    let doc = Document::load_mem(bytes).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for (_, id) in doc.get_pages() {
        let page = doc.get_dictionary(id).map_err(|e| e.to_string())?;
        let mb = page.get(b"MediaBox").and_then(|o| o.as_array()).map_err(|e| e.to_string())?;
        let (width, height) = (num(&mb[2]) - num(&mb[0]), num(&mb[3]) - num(&mb[1]));
        let fonts = doc.get_page_fonts(id).map_err(|e| e.to_string())?;
        let mut encodings = BTreeMap::new();
        for (name, f) in &fonts {
            if let Ok(e) = f.get_font_encoding(&doc) {
                encodings.insert(name.clone(), e);
            }
        }
        let content = doc.get_and_decode_page_content(id).map_err(|e| e.to_string())?;
        let mut font: Option<Vec<u8>> = None;
        let (mut x, mut y) = (0.0, 0.0);
        let mut runs = Vec::new();
        for op in &content.operations {
            match op.operator.as_str() {
                "Tf" => font = op.operands.first().and_then(|o| o.as_name().ok()).map(|n| n.to_vec()),
                "Tm" if op.operands.len() == 6 => {
                    x = num(&op.operands[4]);
                    y = num(&op.operands[5]);
                }
                "Tj" => {
                    let (Some(f), Some(Object::String(s, _))) = (&font, op.operands.first()) else { continue };
                    let Some(enc) = encodings.get(f) else { continue };
                    let text = Document::decode_text(enc, s).map_err(|e| e.to_string())?;
                    runs.push(TextRun { x, y, text });
                }
                _ => {}
            }
        }
        out.push(Page { width, height, runs });
    }
    Ok(out)
}

/// Every page's runs as lines "page x y text", for a readable comparison.
pub fn dump(pages: &[Page]) -> String {
    let mut s = String::new();
    for (i, p) in pages.iter().enumerate() {
        s.push_str(&format!("page {} ({:.1} × {:.1} pt)\n", i + 1, p.width, p.height));
        for r in &p.runs {
            s.push_str(&format!("  {:7.2} {:7.2} {}\n", r.x, r.y, r.text));
        }
    }
    s
}
