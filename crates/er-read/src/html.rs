//! A web page saved from an agency's site (`.html`, `.htm`), read as a
//! browser shows it: its paragraphs in order, its tables on their grid
//! (rowspan and colspan), and the page's own parts (the `<nav>`, `<header>`
//! and `<footer>`, breadcrumbs, pagers, the site's footer lines) left out
//! and listed. html5gum tokenizes; the tree is built here, tolerant of the
//! tag soup such sites serve, within [`MAX_NODES`] elements and
//! [`MAX_DEPTH`] levels.

use er_i18n::t;
use html5gum::{DefaultEmitter, Token, Tokenizer};

use crate::source::{attach_captions, chrome, clean, label_and_title, Cell, Item, Para, Source, SourceTable};

/// Most elements and texts a page may hold: a report's page has a few thousand.
pub const MAX_NODES: usize = 200_000;
/// How deep elements nest before deeper ones are read as their parent's:
/// a report's page nests a few dozen.
pub const MAX_DEPTH: usize = 256;
/// Most grid columns a table may span (a spreadsheet's own limit): a
/// report's widest table has 26.
pub const MAX_COLUMNS: usize = 16_384;

/// An element, or a run of text with the line it starts on.
#[derive(Debug)]
enum Node {
    Element { tag: String, rowspan: usize, colspan: usize, children: Vec<usize> },
    Text { text: String, line: usize },
}

/// Elements whose text is no one's: scripts, styles, form controls.
const SILENT: [&str; 9] = ["script", "style", "noscript", "template", "head", "select", "button", "textarea", "iframe"];
/// Elements that are the page's, not the report's.
const PAGE_PARTS: [&str; 4] = ["nav", "header", "footer", "aside"];
/// Elements that end a line of text.
const BLOCKS: [&str; 26] = [
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "blockquote", "pre", "center", "dd", "dt", "dl", "form", "hr", "main", "figure", "figcaption", "address",
];
const VOID: [&str; 14] = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// The charset a page declares in its first bytes (`<meta charset="gbk">`
/// or `content="text/html; charset=gb2312"`), lower-cased.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let name: String = head[at..].trim_start_matches(['"', '\'']).chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    (!name.is_empty()).then_some(name)
}

/// Whether bytes are a web page: they open (after a byte-order mark and
/// blanks) with a doctype, `<html`, `<head>`, `<meta` or a comment.
///
/// ```
/// assert!(er_read::html::is_html(b"\n<!DOCTYPE html><html><body>x</body></html>"));
/// assert!(er_read::html::is_html(b"<HTML><BODY>x</BODY></HTML>"));
/// assert!(!er_read::html::is_html("表一\n\t某某数量".as_bytes()));
/// ```
pub fn is_html(bytes: &[u8]) -> bool {
    let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = b.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(b.len());
    let head: Vec<u8> = b[start..b.len().min(start + 16)].to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<meta", "<!--"].iter().any(|p| head.starts_with(p.as_bytes()))
}

/// Reads a saved web page: in the charset it declares (GBK and GB2312
/// read as GB18030, which holds them), else UTF-8 or, failing that, GBK.
pub fn from_html(bytes: &[u8]) -> Result<Source, String> {
    let text = match declared_charset(bytes).as_deref() {
        Some("gbk" | "gb2312" | "gb18030" | "x-gbk" | "cp936") => {
            let (s, _, bad) = encoding_rs::GB18030.decode(bytes);
            if bad {
                return Err(t!("read-html-charset", charset = "GBK"));
            }
            s.into_owned()
        }
        _ => crate::source::decode_text(bytes).map_err(|at| t!("read-html-not-text", at = at))?,
    };
    let tree = Tree::parse(&text)?;
    let mut w = Walk { tree: &tree, items: Vec::new(), left_out: Vec::new(), line: String::new(), line_at: None, links: 0, plain: false, tables: 0, error: None };
    w.block(0, false);
    w.flush(false);
    if let Some(e) = w.error {
        return Err(e);
    }
    Ok(Source { items: attach_captions(w.items), left_out: w.left_out, ..Source::default() })
}

struct Tree {
    nodes: Vec<Node>,
    /// Whether each node holds a table below it, worked out once.
    holds: Vec<bool>,
}

impl Tree {
    /// Builds the tree of a page's tokens: an end tag closes the nearest
    /// open element of its name (a stray one is passed over); a new `<p>`,
    /// `<li>`, `<tr>`, `<td>` closes the one left open before it, as
    /// browsers do.
    fn parse(text: &str) -> Result<Tree, String> {
        let line_starts: Vec<usize> = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        let line_of = |offset: usize| line_starts.partition_point(|&s| s <= offset);
        let mut nodes = vec![Node::Element { tag: "#root".into(), rowspan: 1, colspan: 1, children: Vec::new() }];
        let mut open: Vec<usize> = vec![0];
        let mut silent = 0usize;
        let mut emitter = DefaultEmitter::<usize>::new_with_span();
        emitter.naively_switch_states(true);
        fn tag_of(nodes: &[Node], i: usize) -> &str {
            match &nodes[i] {
                Node::Element { tag, .. } => tag,
                Node::Text { .. } => "",
            }
        }
        for token in Tokenizer::new_with_emitter(text, emitter).flatten() {
            if nodes.len() > MAX_NODES {
                return Err(t!("read-too-many-elements", max = MAX_NODES));
            }
            match token {
                Token::StartTag(tag) => {
                    let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                    // What a new element closes: an open <p> before a block,
                    // an open cell or row of the same table before a cell or row.
                    let closes: &[&str] = match name.as_str() {
                        "td" | "th" => &["td", "th"],
                        "tr" => &["td", "th", "tr"],
                        "thead" | "tbody" | "tfoot" => &["td", "th", "tr", "thead", "tbody", "tfoot"],
                        "li" => &["li"],
                        n if BLOCKS.contains(&n) || n == "table" => &["p"],
                        _ => &[],
                    };
                    let stop: &[&str] = if matches!(name.as_str(), "li") { &["ul", "ol"] } else { &["table"] };
                    if let Some(k) = open.iter().rposition(|&i| {
                        let t = tag_of(&nodes, i);
                        closes.contains(&t) || stop.contains(&t)
                    }) {
                        if closes.contains(&tag_of(&nodes, open[k])) {
                            for &i in &open[k..] {
                                if SILENT.contains(&tag_of(&nodes, i)) {
                                    silent -= 1;
                                }
                            }
                            open.truncate(k);
                        }
                    }
                    let attr = |a: &str| tag.attributes.get(a.as_bytes()).and_then(|v| String::from_utf8_lossy(v).trim().parse::<usize>().ok()).map_or(1, |n| n.clamp(1, 1000));
                    nodes.push(Node::Element { tag: name.clone(), rowspan: attr("rowspan"), colspan: attr("colspan"), children: Vec::new() });
                    let id = nodes.len() - 1;
                    if let Some(Node::Element { children, .. }) = nodes.get_mut(*open.last().unwrap_or(&0)) {
                        children.push(id);
                    }
                    if !VOID.contains(&name.as_str()) && !tag.self_closing && open.len() < MAX_DEPTH {
                        open.push(id);
                        if SILENT.contains(&name.as_str()) {
                            silent += 1;
                        }
                    }
                }
                Token::EndTag(tag) => {
                    let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                    if let Some(k) = open.iter().rposition(|&i| tag_of(&nodes, i) == name).filter(|&k| k > 0) {
                        for &i in &open[k..] {
                            if SILENT.contains(&tag_of(&nodes, i)) {
                                silent -= 1;
                            }
                        }
                        open.truncate(k);
                    }
                }
                Token::String(s) if silent == 0 => {
                    let text = String::from_utf8_lossy(&s.value).into_owned();
                    let line = line_of(s.span.start);
                    nodes.push(Node::Text { text, line });
                    let id = nodes.len() - 1;
                    if let Some(Node::Element { children, .. }) = nodes.get_mut(*open.last().unwrap_or(&0)) {
                        children.push(id);
                    }
                }
                _ => {}
            }
        }
        // A child comes after its parent: from the last node back, each
        // knows its children's answers.
        let mut holds = vec![false; nodes.len()];
        for i in (0..nodes.len()).rev() {
            if let Node::Element { children, .. } = &nodes[i] {
                holds[i] = children.iter().any(|&k| holds[k] || tag_of(&nodes, k) == "table");
            }
        }
        Ok(Tree { nodes, holds })
    }

    fn tag(&self, i: usize) -> &str {
        match &self.nodes[i] {
            Node::Element { tag, .. } => tag,
            Node::Text { .. } => "",
        }
    }

    fn children(&self, i: usize) -> &[usize] {
        match &self.nodes[i] {
            Node::Element { children, .. } => children,
            Node::Text { .. } => &[],
        }
    }

    /// Whether element `i` holds a table below it.
    fn holds_table(&self, i: usize) -> bool {
        self.holds[i]
    }

    /// The text of element `i` as one line: its runs of blanks one space,
    /// a `<br>` nothing (a label broken over lines in a cell), and its
    /// first line.
    fn text(&self, i: usize) -> (String, Option<usize>) {
        let (mut out, mut first) = (String::new(), None);
        let mut stack = vec![i];
        while let Some(k) = stack.pop() {
            match &self.nodes[k] {
                Node::Text { text, line } => {
                    first.get_or_insert(*line);
                    out.push_str(text);
                }
                Node::Element { tag, children, .. } if !SILENT.contains(&tag.as_str()) => stack.extend(children.iter().rev()),
                Node::Element { .. } => {}
            }
        }
        (out.split_whitespace().collect::<Vec<_>>().join(" "), first)
    }
}

/// The walk over the tree that makes the items: paragraphs of the lines
/// the blocks end, and tables.
struct Walk<'a> {
    tree: &'a Tree,
    items: Vec<Item>,
    left_out: Vec<(String, String)>,
    /// The line of text being gathered, and the source line it started on.
    line: String,
    line_at: Option<usize>,
    /// The links in the line, and whether it holds text outside them.
    links: usize,
    plain: bool,
    tables: usize,
    /// Why the page cannot be read (a table wider than [`MAX_COLUMNS`]).
    error: Option<String>,
}

/// Blanks of a text as a browser shows them: a run of spaces, tabs and
/// line breaks is one space (a no-break space stays), marked when it held
/// a line break, which [`joined`] drops between two Chinese characters.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run: Option<bool> = None;
    for c in text.chars() {
        if c.is_ascii_whitespace() {
            run = Some(run.unwrap_or(false) || c == '\n' || c == '\r');
            continue;
        }
        if let Some(newline) = run.take() {
            out.push(if newline { '\u{1}' } else { ' ' });
        }
        out.push(c);
    }
    if let Some(newline) = run {
        out.push(if newline { '\u{1}' } else { ' ' });
    }
    out
}

/// A line with its marked line breaks resolved: none between two Chinese
/// characters (a source line broken inside a sentence), a space elsewhere.
fn joined(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let wide = |c: Option<&char>| c.is_some_and(|c| !c.is_ascii());
    let mut out = String::with_capacity(line.len());
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\u{1}' if wide(chars[..i].iter().rev().find(|c| **c != '\u{1}' && **c != ' ')) && wide(chars[i + 1..].iter().find(|c| **c != '\u{1}' && **c != ' ')) => {}
            '\u{1}' => out.push(' '),
            c => out.push(c),
        }
    }
    // Runs that met at an element's edge: one space.
    let mut single = String::with_capacity(out.len());
    for c in out.chars() {
        if !(c == ' ' && single.ends_with(' ')) {
            single.push(c);
        }
    }
    single
}

impl Walk<'_> {
    /// Ends the line gathered: a paragraph, or, in the page's own parts or
    /// when it is a page's line ([`chrome`]), a line left out.
    fn flush(&mut self, page_part: bool) {
        let text = clean(&joined(&std::mem::take(&mut self.line)));
        let place = t!("place-line", n = self.line_at.take().unwrap_or(1));
        // A line of links only, two or more: the site's navigation.
        let navigation = self.links >= 2 && !self.plain;
        (self.links, self.plain) = (0, false);
        if text.is_empty() {
            return;
        }
        if page_part || navigation || chrome(&text) {
            self.left_out.push((place, text));
        } else {
            self.items.push(Item::Para(Para { text, place }));
        }
    }

    fn block(&mut self, i: usize, page_part: bool) {
        self.inline(i, page_part, false);
    }

    /// The children of element `i`; `in_link` when inside an `<a>`.
    fn inline(&mut self, i: usize, page_part: bool, in_link: bool) {
        let tree = self.tree;
        for &k in tree.children(i) {
            match &tree.nodes[k] {
                Node::Text { text, line } => {
                    self.line_at.get_or_insert(*line);
                    self.line.push_str(&collapse(text));
                    if !in_link && !text.trim().is_empty() {
                        self.plain = true;
                    }
                }
                Node::Element { tag, .. } => {
                    let tag = tag.as_str();
                    if SILENT.contains(&tag) {
                        continue;
                    }
                    let part = page_part || PAGE_PARTS.contains(&tag);
                    if tag == "table" && !tree.holds_table(k) {
                        self.flush(page_part);
                        self.table(k, part);
                    } else if tag == "table" || tag == "tr" || tag == "td" || tag == "th" || tag == "caption" || BLOCKS.contains(&tag) || part != page_part {
                        // A layout table's cells are blocks of the page.
                        self.flush(page_part);
                        self.inline(k, part, in_link);
                        self.flush(part);
                    } else {
                        if tag == "a" {
                            self.links += 1;
                        }
                        self.inline(k, part, in_link || tag == "a");
                    }
                }
            }
        }
    }

    /// A table of data: its cells on the grid rowspan and colspan make, a
    /// merged cell once; its caption its label and title.
    fn table(&mut self, k: usize, page_part: bool) {
        let tree = self.tree;
        self.tables += 1;
        let n = self.tables;
        let mut st = SourceTable { place: t!("place-table", n = n), ..SourceTable::default() };
        // Rows in order, wherever they stand (thead, tbody, tfoot, or the table).
        let mut rows = Vec::new();
        let mut stack: Vec<usize> = tree.children(k).iter().rev().copied().collect();
        while let Some(e) = stack.pop() {
            match tree.tag(e) {
                "tr" => rows.push(e),
                "caption" => {
                    let (text, _) = tree.text(e);
                    match label_and_title(&text) {
                        Some((label, title)) => (st.label, st.title) = (Some(label), title),
                        None => st.title = Some(text).filter(|t| !t.is_empty()),
                    }
                }
                "thead" | "tbody" | "tfoot" => stack.extend(tree.children(e).iter().rev()),
                _ => {}
            }
        }
        // Which grid columns of each row a cell above still covers.
        let mut covered: Vec<usize> = Vec::new();
        let mut first_line = None;
        for (r, &row) in rows.iter().enumerate() {
            st.start_row();
            let mut col = 0;
            for &c in tree.children(row) {
                let Node::Element { tag, rowspan, colspan, .. } = &tree.nodes[c] else { continue };
                if tag != "td" && tag != "th" {
                    continue;
                }
                while covered.get(col).is_some_and(|&until| until > r) {
                    col += 1;
                }
                if col + colspan > MAX_COLUMNS {
                    self.error.get_or_insert_with(|| t!("read-html-too-wide", max = MAX_COLUMNS));
                    return;
                }
                let (text, line) = tree.text(c);
                first_line = first_line.or(line);
                st.cells.push(Cell { text: text.split_whitespace().collect(), place: t!("place-table-cell", table = n, row = r + 1, column = col + 1), columns: Some((col, *colspan)) });
                if covered.len() < col + colspan {
                    covered.resize(col + colspan, 0);
                }
                for slot in &mut covered[col..col + colspan] {
                    *slot = r + rowspan;
                }
                col += colspan;
            }
        }
        if page_part {
            let text: Vec<String> = st.cells.iter().map(|c| c.text.clone()).collect();
            self.left_out.push((t!("place-line", n = first_line.unwrap_or(1)), text.join(" ")));
            return;
        }
        self.items.push(Item::Table(st));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_gives_its_paragraphs_and_its_table_on_the_grid() {
        let page = "<!DOCTYPE html><html><head><title>站点</title><style>p{}</style></head><body>\
            <div class=nav>当前位置：首页 &gt; 政务公开</div>\
            <h1>某县应急管理局2024年度行政执法工作报告</h1><p>一、基本情况<p>依法履职。\
            <p>表二</p><p>某某情况统计表</p>\
            <table><tr><td colspan=2>某某数量（宗）</td><td rowspan=2>某项金额（万元）</td></tr>\
            <tr><td>甲项</td><td>乙项</td></tr><tr><td></td><td>27</td><td>1.5</td></tr></table>\
            <p>说明：1.统计范围。</p><footer><p>版权所有 某县</p></footer><script>var a='<p>x</p>';</script></body></html>";
        let s = from_html(page.as_bytes()).unwrap();
        let paras: Vec<&str> = s.items.iter().filter_map(|i| if let Item::Para(p) = i { Some(p.text.as_str()) } else { None }).collect();
        assert_eq!(paras, ["某县应急管理局2024年度行政执法工作报告", "一、基本情况", "依法履职。"]);
        let Some(Item::Table(t)) = s.items.iter().find(|i| matches!(i, Item::Table(_))) else { panic!() };
        assert_eq!((t.label.as_deref(), t.title.as_deref()), (Some("表二"), Some("某某情况统计表")));
        let cells: Vec<(&str, Option<(usize, usize)>)> = t.cells.iter().map(|c| (c.text.as_str(), c.columns)).collect();
        assert_eq!(cells, [("某某数量（宗）", Some((0, 2))), ("某项金额（万元）", Some((2, 1))), ("甲项", Some((0, 1))), ("乙项", Some((1, 1))), ("", Some((0, 1))), ("27", Some((1, 1))), ("1.5", Some((2, 1)))]);
        assert_eq!(t.notes, ["统计范围。"]);
        let left: Vec<&str> = s.left_out.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(left, ["当前位置：首页 > 政务公开", "版权所有 某县"]);
    }
}
