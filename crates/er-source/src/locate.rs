//! Where each value of a data file stands: a map from field path
//! (`tables.表二.<key>`, `part1.blocks[3].p`) to line and column, built from
//! the YAML event stream. serde gives typed values but forgets positions;
//! this index lets every later finding name its line.

use std::collections::BTreeMap;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// A position in the data file, 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Loc {
    pub line: usize,
    pub column: usize,
}

/// A scalar as written in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scalar {
    pub text: String,
    /// Unquoted: YAML resolves its type (a number, null, …) from the text.
    pub plain: bool,
}

/// One indexed node: where it starts, and its text when it is a scalar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub loc: Loc,
    pub scalar: Option<Scalar>,
}

impl Node {
    /// Where the character at offset `at` (in characters) of the scalar's
    /// text stands: exact for a text on one line (a quote counted), the
    /// text's start otherwise.
    pub fn char_loc(&self, at: usize) -> Loc {
        match &self.scalar {
            Some(s) if !s.text.trim_end_matches('\n').contains('\n') => {
                let lead = if s.plain { 0 } else { 1 };
                Loc { line: self.loc.line, column: self.loc.column + lead + at }
            }
            _ => self.loc,
        }
    }
}

/// Field path → node, for every node of the first document.
#[derive(Debug, Clone, Default)]
pub struct Index {
    nodes: BTreeMap<String, Node>,
    /// Keys given twice in one mapping: the path and where the second stands.
    pub duplicates: Vec<(String, Loc)>,
    /// Where each mapping key stands, by the path of its value.
    keys: BTreeMap<String, Loc>,
    /// Bytes of text the file's aliases stand for, once expanded, and where
    /// the alias stands that went over [`MAX_EXPANDED_BYTES`].
    pub expanded_bytes: u64,
    pub expansion_over: Option<Loc>,
    /// Tags other than YAML's standard ones (`!!binary`, `!custom`): the
    /// path, where, and the tag as written.
    pub tags: Vec<(String, Loc, String)>,
    /// Where a second document starts (`---` after the first).
    pub second_document: Option<Loc>,
    /// Where the value stands that went over [`MAX_NODES`]; nothing after
    /// it is indexed.
    pub nodes_over: Option<Loc>,
}

/// Most bytes of text that aliases may stand for: a report has none; a
/// hostile file uses them to make a small file expand to gigabytes.
pub const MAX_EXPANDED_BYTES: u64 = 1024 * 1024;

/// Characters the two YAML scanners read differently, found by comparing
/// them on mutated reports (er-data's `load` tests): libyaml (serde_yaml's)
/// refuses a tab where yaml-rust2 takes it as separation or indentation,
/// and breaks lines at U+2028, U+2029 and U+0085 (YAML 1.1) where
/// yaml-rust2 keeps them in the text; a byte-order mark is only a mark at
/// the start. A file holding one is left to serde_yaml, which says what it
/// always said of it.
const SCANNERS_DIFFER: [char; 5] = ['\t', '\u{2028}', '\u{2029}', '\u{85}', '\u{feff}'];

/// A file that holds a character of [`SCANNERS_DIFFER`], a directive
/// (`%YAML`) or a document end (`...`), where the scanners also part ways
/// (libyaml refuses a `...` that yaml-rust2 reads as an empty document).
fn scanners_may_differ(source: &str) -> bool {
    source.contains(SCANNERS_DIFFER) || source.lines().any(|l| l.starts_with("...") || l.starts_with('%'))
}

/// Most values (scalars, mappings, sequences, aliases) a file may hold: a
/// report holds a few hundred, a province's largest table a few thousand;
/// a 4 MB file of `[1,1,1,…]` holds two million, and indexing them and
/// reading them as values took half a gigabyte.
pub const MAX_NODES: usize = 100_000;

/// Deeper nodes are not indexed: a report is a few levels deep, and a
/// hostile file nested thousands deep must not cost quadratic memory.
const MAX_DEPTH: usize = 32;

impl Index {
    /// Indexes `source`; a syntax error leaves the index with what came before it.
    pub fn build(source: &str) -> Index {
        Index::scan(source).0
    }

    /// One scan of `source`: its index, the first document's values as
    /// serde_yaml would read them where they can be built exactly (see
    /// [`crate::values`]; None leaves them to serde_yaml), and the
    /// parser's syntax error, if any.
    pub fn scan(source: &str) -> (Index, Option<serde_yaml::Value>, Option<yaml_rust2::ScanError>) {
        let mut b = Builder::default();
        let mut parser = Parser::new_from_str(source);
        let error = parser.load(&mut b, true).err();
        let values = if error.is_none() && b.second_document.is_none() && b.nodes_over.is_none() && !scanners_may_differ(source) { b.values.finish() } else { None };
        let index = Index {
            nodes: b.nodes,
            duplicates: b.duplicates,
            keys: b.keys,
            expanded_bytes: b.expanded,
            expansion_over: b.expansion_over,
            tags: b.tags,
            second_document: b.second_document,
            nodes_over: b.nodes_over,
        };
        (index, values, error)
    }

    /// The node at `path`.
    pub fn get(&self, path: &str) -> Option<&Node> {
        self.nodes.get(path)
    }

    /// Where the key of `path` stands (`tables.表五` → the line of `表五:`),
    /// or else where its value or nearest parent does.
    pub fn locate_key(&self, path: &str) -> Option<Loc> {
        self.keys.get(path).copied().or_else(|| self.locate(path))
    }

    /// Every indexed node, in path order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Node)> {
        self.nodes.iter()
    }

    /// The location of `path`, or of its nearest indexed parent.
    pub fn locate(&self, path: &str) -> Option<Loc> {
        let mut p = path;
        loop {
            if let Some(n) = self.nodes.get(p) {
                return Some(n.loc);
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
        }
    }
}

enum Frame {
    Map { path: String, key: Option<String> },
    Seq { path: String, next: usize },
}

#[derive(Default)]
struct Builder {
    stack: Vec<Frame>,
    nodes: BTreeMap<String, Node>,
    duplicates: Vec<(String, Loc)>,
    keys: BTreeMap<String, Loc>,
    done: bool,
    /// Nodes below this depth are skipped.
    skipped_depth: usize,
    /// Bytes each anchor stands for, by anchor id.
    anchor_bytes: BTreeMap<usize, u64>,
    /// Anchored collections still open: their id and bytes so far.
    open_anchors: Vec<(usize, usize, u64)>,
    /// Collections open, anchored or not (to close anchors at their end).
    depth: usize,
    expanded: u64,
    expansion_over: Option<Loc>,
    tags: Vec<(String, Loc, String)>,
    second_document: Option<Loc>,
    values: crate::values::Values,
    /// Values seen so far, and where the one over [`MAX_NODES`] stands.
    count: usize,
    nodes_over: Option<Loc>,
}

/// True for the tags of YAML's core schema, which a report may use.
fn standard_tag(t: &yaml_rust2::parser::Tag) -> bool {
    let core = ["str", "int", "float", "bool", "null", "map", "seq"];
    (t.handle == "!!" && core.contains(&t.suffix.as_str()))
        || (t.handle == "tag:yaml.org,2002:" && core.contains(&t.suffix.as_str()))
        || (t.handle.is_empty() && t.suffix.starts_with("tag:yaml.org,2002:") && core.contains(&&t.suffix["tag:yaml.org,2002:".len()..]))
}

impl Builder {
    /// Counts what the file's text and aliases amount to, before anything
    /// is skipped: `bytes` more inside every open anchored collection.
    fn account(&mut self, bytes: u64) {
        for a in &mut self.open_anchors {
            a.2 = a.2.saturating_add(bytes);
        }
    }

    fn note_tag(&mut self, tag: &Option<yaml_rust2::parser::Tag>, loc: Loc) {
        if let Some(t) = tag.as_ref().filter(|t| !standard_tag(t)) {
            let path = self.peek_path();
            let handle = if t.handle == "tag:yaml.org,2002:" { "!!" } else { t.handle.as_str() };
            self.tags.push((path, loc, format!("{handle}{}", t.suffix)));
        }
    }

    /// The path of the node about to start, without taking it.
    fn peek_path(&self) -> String {
        match self.stack.last() {
            None => String::new(),
            Some(Frame::Seq { path, next }) => format!("{path}[{next}]"),
            Some(Frame::Map { path, key }) => match key {
                Some(k) if path.is_empty() => k.clone(),
                Some(k) => format!("{path}.{k}"),
                None => path.clone(),
            },
        }
    }
}

impl Builder {
    /// The path of the node about to start, or None when the node is a mapping key.
    fn next_path(&mut self) -> Option<String> {
        match self.stack.last_mut() {
            None => Some(String::new()),
            Some(Frame::Seq { path, next }) => {
                let p = format!("{path}[{next}]");
                *next += 1;
                Some(p)
            }
            Some(Frame::Map { path, key }) => match key.take() {
                None => None,
                Some(k) if path.is_empty() => Some(k),
                Some(k) => Some(format!("{path}.{k}")),
            },
        }
    }
}

impl MarkedEventReceiver for Builder {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        if self.done {
            if matches!(ev, Event::DocumentStart) && self.second_document.is_none() && self.nodes_over.is_none() {
                self.second_document = Some(Loc { line: mark.line(), column: mark.col() + 1 });
            }
            return;
        }
        let loc = Loc { line: mark.line(), column: mark.col() + 1 };
        if matches!(ev, Event::Scalar(..) | Event::Alias(_) | Event::MappingStart(..) | Event::SequenceStart(..)) {
            self.count += 1;
            if self.count > MAX_NODES {
                // The file is refused (read::structure); what it holds past
                // here costs no memory.
                self.nodes_over = Some(loc);
                self.done = true;
                return;
            }
        }
        self.values.on_event(&ev);
        // What aliases expand to, counted whatever the depth.
        match &ev {
            Event::Scalar(text, _, anchor, tag) => {
                let n = text.len() as u64;
                self.account(n);
                if *anchor > 0 {
                    self.anchor_bytes.insert(*anchor, n);
                }
                self.note_tag(tag, loc);
            }
            Event::Alias(id) => {
                let n = self.anchor_bytes.get(id).copied().unwrap_or(0).max(1);
                self.expanded = self.expanded.saturating_add(n);
                self.account(n);
                if self.expanded > MAX_EXPANDED_BYTES && self.expansion_over.is_none() {
                    self.expansion_over = Some(loc);
                }
            }
            Event::MappingStart(anchor, tag) | Event::SequenceStart(anchor, tag) => {
                self.depth += 1;
                if *anchor > 0 {
                    self.open_anchors.push((*anchor, self.depth, 0));
                }
                self.note_tag(tag, loc);
            }
            Event::MappingEnd | Event::SequenceEnd => {
                if self.open_anchors.last().is_some_and(|a| a.1 == self.depth) {
                    if let Some((id, _, n)) = self.open_anchors.pop() {
                        self.anchor_bytes.insert(id, n);
                    }
                }
                self.depth = self.depth.saturating_sub(1);
            }
            _ => {}
        }
        if self.skipped_depth > 0 {
            match ev {
                Event::MappingStart(..) | Event::SequenceStart(..) => self.skipped_depth += 1,
                Event::MappingEnd | Event::SequenceEnd => self.skipped_depth -= 1,
                _ => {}
            }
            return;
        }
        match ev {
            Event::Scalar(text, style, ..) => match self.next_path() {
                Some(path) => {
                    let plain = style == TScalarStyle::Plain;
                    self.nodes.insert(path, Node { loc, scalar: Some(Scalar { text, plain }) });
                }
                None => {
                    if let Some(Frame::Map { key, path }) = self.stack.last_mut() {
                        let full = if path.is_empty() { text.clone() } else { format!("{path}.{text}") };
                        if self.nodes.contains_key(&full) {
                            self.duplicates.push((full.clone(), loc));
                        }
                        self.keys.entry(full).or_insert(loc);
                        *key = Some(text);
                    }
                }
            },
            Event::Alias(_) => {
                let _ = self.next_path().map(|p| self.nodes.insert(p, Node { loc, scalar: None }));
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let path = match self.next_path() {
                    Some(p) => p,
                    // A complex mapping key: not part of any field path.
                    None => "?".to_string(),
                };
                if self.stack.len() >= MAX_DEPTH {
                    self.skipped_depth = 1;
                    return;
                }
                self.nodes.entry(path.clone()).or_insert(Node { loc, scalar: None });
                self.stack.push(match ev {
                    Event::MappingStart(..) => Frame::Map { path, key: None },
                    _ => Frame::Seq { path, next: 0 },
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
            }
            Event::DocumentEnd => self.done = true,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_positions() {
        let src = "a: 1\nb:\n  c: x\n  d:\n    - 2\n    - e: '3.50'\n";
        let i = Index::build(src);
        assert_eq!(i.get("a").unwrap().loc, Loc { line: 1, column: 4 });
        assert_eq!(i.get("b.c").unwrap().loc, Loc { line: 3, column: 6 });
        assert_eq!(i.get("b.d[0]").unwrap().loc, Loc { line: 5, column: 7 });
        let e = i.get("b.d[1].e").unwrap();
        assert_eq!(e.scalar.as_ref().unwrap().text, "3.50");
        assert!(!e.scalar.as_ref().unwrap().plain);
        assert_eq!(i.locate("b.d[1].zz").map(|l| l.line), Some(6));
    }

    #[test]
    fn indexing_stops_at_the_value_over_the_most_a_file_may_hold() {
        let src = format!("a: x\nb:\n{}", "  - 1\n".repeat(MAX_NODES + 5));
        let (i, values, error) = Index::scan(&src);
        assert!(error.is_none() && values.is_none());
        // The root mapping, a, x, b and the list are five values: the one
        // over is item MAX_NODES - 5 (from 0), on line 3 + MAX_NODES - 5.
        assert_eq!(i.nodes_over, Some(Loc { line: MAX_NODES - 2, column: 5 }));
        assert!(i.get(&format!("b[{}]", MAX_NODES - 6)).is_some() && i.get(&format!("b[{}]", MAX_NODES - 5)).is_none());
        assert!(Index::scan(&format!("a: x\nb:\n{}", "  - 1\n".repeat(MAX_NODES - 5))).0.nodes_over.is_none());
    }
}
