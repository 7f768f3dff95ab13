//! A semantic comparison of two produced files of one format: text, table
//! cells, merged ranges, page setup, fonts and document properties, in
//! reading order, rather than bytes. `enforcement-report diff` prints it,
//! and the golden-file tests print it when a file departs from its golden
//! copy.

use std::collections::BTreeSet;

use er_i18n::t;

use crate::{docx, pdf, xlsx};

/// One difference between two files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// What differs, a stable English word for programs (`diff --json`):
    /// text, table, span, page, pages, font, property, sheet, cell,
    /// formula, style, numbering, border. People read it in their
    /// language ([`Difference::kind_label`]).
    pub kind: &'static str,
    pub place: String,
    pub old: String,
    pub new: String,
    /// The values as the files store them, when the text above names them
    /// for people (twips, an attribute left out): for `diff --json`.
    pub raw: Option<(String, String)>,
}

impl Difference {
    /// The kind as people name it, in the interface's language: 正文, 表格, 页面设置 …
    pub fn kind_label(&self) -> String {
        er_i18n::message(&format!("diff-kind-{}", self.kind), &[])
    }
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", t!("diff-line", kind = self.kind_label(), place = self.place, old = show(&self.old), new = show(&self.new)))
    }
}

/// A section's page setup as people name it, one line a setting; an
/// attribute left out counts as its default (w:orient: portrait), so a
/// file re-saved without a default attribute shows no difference.
fn section(out: &mut Vec<Difference>, n: usize, a: Option<&docx::Section>, b: Option<&docx::Section>) {
    let orient = |s: Option<&docx::Section>| -> (String, String, String) {
        match s.map(|s| s.orient.as_deref()) {
            None => (String::new(), t!("diff-no-section"), String::new()),
            Some(None) => ("portrait".into(), t!("diff-orient-default"), String::new()),
            Some(Some(o)) => (o.to_string(), if o == "landscape" { t!("diff-landscape") } else { t!("diff-portrait") }, o.to_string()),
        }
    };
    let ((ea, la, ra), (eb, lb, rb)) = (orient(a), orient(b));
    if ea != eb {
        out.push(Difference { kind: "page", place: t!("diff-section-setting", section = n, setting = t!("diff-orientation")), old: la, new: lb, raw: Some((ra, rb)) });
    }
    let mm = |twips: i64| t!("diff-mm", mm = format!("{:.1}", twips as f64 * 25.4 / 1440.0));
    let fields: [(&str, fn(&docx::Section) -> i64); 6] = [
        ("diff-page-width", |s| s.width),
        ("diff-page-height", |s| s.height),
        ("diff-margin-top", |s| s.top),
        ("diff-margin-bottom", |s| s.bottom),
        ("diff-margin-left", |s| s.left),
        ("diff-margin-right", |s| s.right),
    ];
    for (name, get) in fields {
        let (va, vb) = (a.map(get), b.map(get));
        if va != vb {
            let label = |v: Option<i64>| v.map_or_else(|| t!("diff-no-section"), mm);
            let raw = |v: Option<i64>| v.map_or_else(String::new, |t| format!("{t} twips"));
            let place = t!("diff-section-setting", section = n, setting = er_i18n::message(name, &[]));
            out.push(Difference { kind: "page", place, old: label(va), new: label(vb), raw: Some((raw(va), raw(vb))) });
        }
    }
}

fn show(s: &str) -> String {
    if s.is_empty() {
        t!("diff-none")
    } else {
        s.replace('\n', "⏎")
    }
}

fn d(out: &mut Vec<Difference>, kind: &'static str, place: String, old: impl Into<String>, new: impl Into<String>) {
    let (old, new) = (old.into(), new.into());
    if old != new {
        out.push(Difference { kind, place, old, new, raw: None });
    }
}

/// Differences of two lists of lines, aligned by a line diff; `place`
/// names a line by its 1-based number (in `b`, or in `a` if deleted).
fn lines(out: &mut Vec<Difference>, kind: &'static str, place: &dyn Fn(usize) -> String, a: &[String], b: &[String]) {
    for (i, j) in er_align::changed_pairs(a, b) {
        let old = i.map_or(String::new(), |i| a[i].clone());
        let new = j.map_or(String::new(), |j| b[j].clone());
        d(out, kind, place(j.or(i).unwrap_or(0) + 1), old, new);
    }
}

/// The body paragraphs the text comparison leaves alone, matched in
/// order: (index in `a`, index in `b`). A paragraph whose text changed is
/// reported by the text comparison, not by its properties.
fn unchanged_pairs(a: &[String], b: &[String]) -> Vec<(usize, usize)> {
    let changed = er_align::changed_pairs(a, b);
    let gone: BTreeSet<usize> = changed.iter().filter_map(|c| c.0).collect();
    let came: BTreeSet<usize> = changed.iter().filter_map(|c| c.1).collect();
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() && j < b.len() {
        if gone.contains(&i) {
            i += 1;
        } else if came.contains(&j) {
            j += 1;
        } else {
            out.push((i, j));
            i += 1;
            j += 1;
        }
    }
    out
}

/// Differences of a property of each body paragraph (its style, its
/// numbering), over the paragraphs `matched` pairs; `texts` names them.
fn pairs(out: &mut Vec<Difference>, kind: &'static str, matched: &[(usize, usize)], texts: &[String], a: &[String], b: &[String]) {
    for &(i, j) in matched {
        if a.get(i) != b.get(j) {
            let place = format!("{}（{}）", t!("diff-paragraph", n = j + 1), clip(&texts[j]));
            d(out, kind, place, a.get(i).cloned().unwrap_or_default(), b.get(j).cloned().unwrap_or_default());
        }
    }
}

/// The first characters of a paragraph, to name it.
fn clip(s: &str) -> String {
    let c: String = s.chars().take(12).collect();
    if s.chars().count() > 12 {
        format!("{c}…")
    } else {
        c
    }
}

fn properties(out: &mut Vec<Difference>, a: &[u8], b: &[u8]) {
    let (pa, pb) = (docx::parts(a).unwrap_or_default(), docx::parts(b).unwrap_or_default());
    let empty = Vec::new();
    let (ca, cb) = (pa.get("docProps/core.xml").unwrap_or(&empty), pb.get("docProps/core.xml").unwrap_or(&empty));
    for t in ["dc:title", "dc:creator", "dcterms:created", "dcterms:modified"] {
        let tag = |xml: &[u8]| docx::element_text(xml, t).unwrap_or_default();
        d(out, "property", t.into(), tag(ca), tag(cb));
    }
}

/// Compares two DOCX files.
pub fn docx(a: &[u8], b: &[u8]) -> Result<Vec<Difference>, String> {
    let (x, y) = (docx::Docx::read(a)?, docx::Docx::read(b)?);
    let mut out = Vec::new();
    properties(&mut out, a, b);
    d(&mut out, "page", t!("diff-sections"), x.sections.len().to_string(), y.sections.len().to_string());
    for i in 0..x.sections.len().max(y.sections.len()) {
        section(&mut out, i + 1, x.sections.get(i), y.sections.get(i));
    }
    let body = |v: &docx::Docx| -> Vec<String> { v.paragraphs.iter().filter(|p| !p.in_table).map(|p| p.text.clone()).collect() };
    let (bx, by) = (body(&x), body(&y));
    lines(&mut out, "text", &|n| t!("diff-paragraph", n = n), &bx, &by);
    for t in 0..x.tables.len().max(y.tables.len()) {
        let (ga, gb) = (x.tables.get(t).map(|_| x.table_grid(t)).unwrap_or_default(), y.tables.get(t).map(|_| y.table_grid(t)).unwrap_or_default());
        let cells = |g: &[(usize, usize, usize, usize, String)]| -> std::collections::BTreeMap<(usize, usize), (usize, usize, String)> {
            g.iter().map(|c| ((c.0, c.1), (c.2, c.3, c.4.clone()))).collect()
        };
        let (ca, cb) = (cells(&ga), cells(&gb));
        let keys: BTreeSet<(usize, usize)> = ca.keys().chain(cb.keys()).copied().collect();
        for k in keys {
            let (ea, eb) = (ca.get(&k), cb.get(&k));
            if ea == eb {
                continue;
            }
            let place = t!("diff-table-cell", table = t + 1, row = k.0 + 1, column = k.1 + 1);
            d(&mut out, "table", place.clone(), ea.map_or(String::new(), |e| e.2.clone()), eb.map_or(String::new(), |e| e.2.clone()));
            let span = |e: Option<&(usize, usize, String)>| e.map_or(String::new(), |e| t!("diff-span", columns = e.1, rows = e.0));
            d(&mut out, "span", place, span(ea), span(eb));
        }
    }
    // The styles paragraphs use, their numbering and borders: what a
    // re-save may change while the text stays (headings given outline
    // numbering, a text box given an outline).
    // Word matches the built-in styles' names in any case (heading 1, Heading 1).
    let style = |v: &docx::Docx| -> Vec<String> { v.paragraphs.iter().filter(|p| !p.in_table).map(|p| p.style_name.clone().unwrap_or_default().to_lowercase()).collect() };
    let matched = unchanged_pairs(&bx, &by);
    pairs(&mut out, "style", &matched, &by, &style(&x), &style(&y));
    let numbering = |v: &docx::Docx| -> Vec<String> {
        v.paragraphs
            .iter()
            .filter(|p| !p.in_table)
            .map(|p| match p.num_id {
                Some(n) if p.numbered => t!("diff-numbered", list = n),
                _ => t!("diff-not-numbered"),
            })
            .collect()
    };
    pairs(&mut out, "numbering", &matched, &by, &numbering(&x), &numbering(&y));
    let bordered = |v: &docx::Docx| -> Vec<String> {
        v.paragraphs.iter().filter(|p| !p.in_table).map(|p| if p.border { t!("diff-bordered") } else { t!("diff-no-border") }).collect()
    };
    pairs(&mut out, "border", &matched, &by, &bordered(&x), &bordered(&y));
    for t in 0..x.table_borders.len().max(y.table_borders.len()) {
        let b = |v: &docx::Docx| v.table_borders.get(t).map_or_else(String::new, |b| b.lines.iter().cloned().collect::<Vec<_>>().join("、"));
        d(&mut out, "border", t!("diff-table-borders", table = t + 1), b(&x), b(&y));
    }
    let boxes = |v: &docx::Docx| -> std::collections::BTreeMap<String, String> {
        v.shape_outlines
            .iter()
            // Whether any is drawn with an outline: a re-save may cut one
            // box into a shape and its frame.
            .map(|(part, o)| (part.clone(), if o.iter().any(|b| *b) { t!("diff-bordered") } else { t!("diff-no-border") }))
            .collect()
    };
    let (ox, oy) = (boxes(&x), boxes(&y));
    for part in ox.keys().chain(oy.keys()).collect::<BTreeSet<_>>() {
        let get = |m: &std::collections::BTreeMap<String, String>| m.get(part).cloned().unwrap_or_default();
        d(&mut out, "border", t!("diff-text-boxes", part = part.clone()), get(&ox), get(&oy));
    }
    let fonts = |v: &docx::Docx| -> String {
        v.paragraphs.iter().flat_map(|p| p.fonts.iter().cloned()).collect::<BTreeSet<_>>().into_iter().collect::<Vec<_>>().join("、")
    };
    d(&mut out, "font", t!("diff-fonts-used"), fonts(&x), fonts(&y));
    Ok(out)
}

/// Compares two web pages as a reader sees them: the paragraphs in order
/// (the site's own navigation, header and footer left out), and each
/// table's caption, cells with their spans and notes.
pub fn html(a: &[u8], b: &[u8]) -> Result<Vec<Difference>, String> {
    use crate::source::Item;
    let (x, y) = (crate::html::from_html(a)?, crate::html::from_html(b)?);
    let mut out = Vec::new();
    let paras = |s: &crate::source::Source| -> Vec<String> {
        s.items.iter().filter_map(|i| if let Item::Para(p) = i { Some(p.text.clone()) } else { None }).collect()
    };
    lines(&mut out, "text", &|n| t!("diff-paragraph", n = n), &paras(&x), &paras(&y));
    let tables = |s: &crate::source::Source| -> Vec<crate::source::SourceTable> {
        s.items.iter().filter_map(|i| if let Item::Table(t) = i { Some(t.clone()) } else { None }).collect()
    };
    let (ta, tb) = (tables(&x), tables(&y));
    d(&mut out, "table", t!("diff-tables"), ta.len().to_string(), tb.len().to_string());
    for (n, (p, q)) in ta.iter().zip(&tb).enumerate() {
        let caption = |t: &crate::source::SourceTable| format!("{} {}", t.label.clone().unwrap_or_default(), t.title.clone().unwrap_or_default());
        d(&mut out, "table", t!("diff-table-caption", table = n + 1), caption(p), caption(q));
        let cells = |t: &crate::source::SourceTable| -> Vec<String> {
            t.cells.iter().map(|c| format!("{}{}", c.text, c.columns.map_or(String::new(), |(col, span)| format!(" @{col}+{span}")))).collect()
        };
        lines(&mut out, "table", &|k| t!("diff-table-cell-n", table = n + 1, n = k), &cells(p), &cells(q));
        lines(&mut out, "text", &|k| t!("diff-table-note", table = n + 1, n = k), &p.notes, &q.notes);
    }
    Ok(out)
}

/// Compares two XLSX files.
pub fn xlsx(a: &[u8], b: &[u8]) -> Result<Vec<Difference>, String> {
    let (x, y) = (xlsx::read(a)?, xlsx::read(b)?);
    let mut out = Vec::new();
    properties(&mut out, a, b);
    let names = |v: &[xlsx::Sheet]| v.iter().map(|s| s.name.clone()).collect::<Vec<_>>().join("、");
    d(&mut out, "sheet", t!("diff-sheet-names"), names(&x), names(&y));
    // The words once, not once a cell: a sheet may hold 10⁵ cells.
    let (cell_kind, formula_kind) = ("cell", "formula");
    for (sa, sb) in x.iter().zip(&y) {
        let keys: BTreeSet<(u32, u32)> = sa.cells.keys().chain(sb.cells.keys()).copied().collect();
        for k in keys {
            let place = || format!("{}!{}", sa.name, xlsx::cell_name(k.0, k.1));
            let (va, vb) = (sa.cells.get(&k), sb.cells.get(&k));
            if va != vb {
                let v = |c: Option<&xlsx::Value>| c.map_or(String::new(), |v| v.text());
                d(&mut out, cell_kind, place(), v(va), v(vb));
            }
            let (fa, fb) = (sa.formulas.get(&k), sb.formulas.get(&k));
            if fa != fb {
                d(&mut out, formula_kind, place(), fa.cloned().unwrap_or_default(), fb.cloned().unwrap_or_default());
            }
        }
        let m = |s: &xlsx::Sheet| s.merged.iter().map(|m| format!("{}:{}", xlsx::cell_name(m.0, m.1), xlsx::cell_name(m.2, m.3))).collect::<Vec<_>>().join(" ");
        d(&mut out, "span", sa.name.clone(), m(sa), m(sb));
    }
    Ok(out)
}

/// Compares two PDF files.
pub fn pdf(a: &[u8], b: &[u8]) -> Result<Vec<Difference>, String> {
    let (x, y) = (pdf::read(a)?, pdf::read(b)?);
    let mut out = Vec::new();
    d(&mut out, "pages", t!("diff-whole"), x.len().to_string(), y.len().to_string());
    for (i, (pa, pb)) in x.iter().zip(&y).enumerate() {
        d(&mut out, "page", t!("diff-page", page = i + 1), format!("{:.1}×{:.1}pt", pa.width, pa.height), format!("{:.1}×{:.1}pt", pb.width, pb.height));
        lines(&mut out, "text", &|n| t!("diff-page-line", page = i + 1, line = n), &pa.lines(), &pb.lines());
    }
    let info = |bytes: &[u8]| -> (String, String, String) {
        let Ok(doc) = crate::pdf::load(bytes) else { return Default::default() };
        let get = |k: &[u8]| -> String {
            doc.trailer
                .get(b"Info")
                .and_then(|o| o.as_reference())
                .and_then(|r| doc.get_dictionary(r))
                .and_then(|dict| dict.get(k))
                .ok()
                .and_then(|o| lopdf::decode_text_string(o).ok())
                .unwrap_or_default()
        };
        let mut fonts = BTreeSet::new();
        for (_, o) in doc.objects.iter() {
            if let Ok(dict) = o.as_dict() {
                if dict.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"FontDescriptor") {
                    if let Ok(n) = dict.get(b"FontName").and_then(|n| n.as_name()) {
                        let n = String::from_utf8_lossy(n);
                        fonts.insert(n.split_once('+').map_or(n.to_string(), |(_, f)| f.to_string()));
                    }
                }
            }
        }
        (get(b"Title"), get(b"Author"), fonts.into_iter().collect::<Vec<_>>().join("、"))
    };
    let (ia, ib) = (info(a), info(b));
    d(&mut out, "property", "Title".into(), ia.0, ib.0);
    d(&mut out, "property", "Author".into(), ia.1, ib.1);
    d(&mut out, "font", t!("diff-fonts-embedded"), ia.2, ib.2);
    Ok(out)
}

/// Compares two files of the format named by `ext` (docx, xlsx or pdf).
/// Reads one file of kind `ext` as `files` would, to name the file that
/// is broken before two are compared.
pub fn readable(ext: &str, bytes: &[u8]) -> Result<(), String> {
    match ext {
        "docx" => docx::Docx::read(bytes).map(drop),
        "xlsx" => xlsx::read(bytes).map(drop),
        "pdf" => pdf::read(bytes).map(drop),
        "html" | "htm" => crate::html::from_html(bytes).map(drop),
        other => Err(er_i18n::t!("diff-cannot-compare", ext = other)),
    }
}

pub fn files(ext: &str, a: &[u8], b: &[u8]) -> Result<Vec<Difference>, String> {
    match ext {
        "docx" => docx(a, b),
        "xlsx" => xlsx(a, b),
        "pdf" => pdf(a, b),
        "html" | "htm" => html(a, b),
        other => Err(er_i18n::t!("diff-cannot-compare", ext = other)),
    }
}
