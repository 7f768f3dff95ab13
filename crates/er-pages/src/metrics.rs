//! What the layout needs to know of fonts, behind a trait so that the layout
//! is tested with simple fixed metrics and no font file.

use er_document::layout::Face;

use crate::fonts::FontSet;

/// Glyph lookup and advance widths.
pub trait Metrics {
    /// The font (an index the painter understands) that draws `c` in
    /// `face`, and the advance of `c` in em; None when no font has it.
    fn glyph(&self, face: Face, c: char) -> Option<(usize, f64)>;
}

impl Metrics for FontSet {
    fn glyph(&self, face: Face, c: char) -> Option<(usize, f64)> {
        FontSet::glyph(self, face, c)
    }
}

/// Fixed metrics for tests: Chinese characters and full-width marks 1 em,
/// everything else ½ em, all in font 0; `missing` lists characters no font has.
#[derive(Debug, Clone, Default)]
pub struct FixedMetrics {
    pub missing: Vec<char>,
}

impl Metrics for FixedMetrics {
    fn glyph(&self, _face: Face, c: char) -> Option<(usize, f64)> {
        if self.missing.contains(&c) {
            return None;
        }
        Some((0, er_document::text::char_em(c)))
    }
}
