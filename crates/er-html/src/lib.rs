//! The HTML writer: the report as the web page an agency publishes on its
//! website, from the same document as the DOCX, PDF and XLSX.
//!
//! [`page`] is one self-contained page (UTF-8, `lang="zh-CN"`, its CSS
//! inside it, nothing fetched from outside): the title as `<h1>`, the parts
//! and headings as `<h2>`–`<h4>` in the report's order, paragraphs, the
//! signature and date, each table as a `<table>` with its `<caption>` (label
//! and title), its header in `<thead>` with the template's merges as
//! `rowspan`/`colspan` and `<th scope>`, a blank (no such power) as an
//! empty cell labelled 无此项职权, and its notes where the template puts
//! them. [`fragment`] is the body alone with each element's style written
//! on it, for a site editor that strips `<style>`.
//!
//! ```
//! let loaded = er_data::load_file("../../fixtures/aral-emergency-2024.yaml".as_ref()).unwrap();
//! let doc = er_typeset::build(&loaded.report);
//! let page = er_html::page(&doc);
//! assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
//! assert!(page.contains("<caption id=\"table-1\" class=\"caption\"><span class=\"label\">表一</span> 行政许可实施情况统计表</caption>"));
//! assert!(!er_html::fragment(&doc).contains("<style"));
//! ```

use er_document::document::{Block, Cell, CellRole, Contents, Document, Notes, Table, Target};
use er_document::layout::{signature_indents, Face};
use er_document::text::unbroken;

mod style;

use style::Mode;

/// The accessible name of a blank cell: the agency has no such power.
pub const NO_POWER: &str = "无此项职权";

/// The report as one self-contained HTML page.
pub fn page(doc: &Document) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{}</title>\n", esc(&doc.info.title)));
    out.push_str(&format!("<meta name=\"author\" content=\"{}\">\n", esc(&doc.info.author)));
    out.push_str(&format!("<meta name=\"date\" content=\"{}\">\n", doc.info.date.iso()));
    out.push_str("<style>\n");
    out.push_str(&style::css());
    out.push_str("</style>\n</head>\n<body>\n");
    body(doc, Mode::Classes, &mut out);
    out.push_str("</body>\n</html>\n");
    out
}

/// The report's body alone, every element's style on it (`style="…"`), for
/// pasting into a website's editor.
pub fn fragment(doc: &Document) -> String {
    let mut out = String::new();
    body(doc, Mode::Inline, &mut out);
    out
}

/// Text for HTML: the five characters that must be escaped, escaped.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text that the document broke into lines: one line on a page that reflows.
fn flat(s: &str) -> String {
    esc(&unbroken(s))
}

fn body(doc: &Document, m: Mode, out: &mut String) {
    out.push_str(&format!("<main{}>\n", m.attr("main")));
    // The title: the document's own title line, else its properties' title
    // as the page's heading, in a <header> as a website's page title is
    // (it is not the report's text: `import` leaves it out).
    let has_title = doc.sections.iter().flat_map(|s| &s.blocks).any(|b| matches!(b, Block::Title(_)));
    if !has_title {
        out.push_str(&format!("<header><h1{}>{}</h1></header>\n", m.attr("h1"), esc(&doc.info.title)));
    }
    for (si, s) in doc.sections.iter().enumerate() {
        for b in &s.blocks {
            match b {
                Block::Title(t) => out.push_str(&format!("<h1{}>{}</h1>\n", m.attr("h1"), flat(t))),
                Block::PartHeading(t) => out.push_str(&format!("<h2 id=\"part-{si}\"{}>{}</h2>\n", m.attr("h2"), flat(t))),
                Block::Heading { level, text } => {
                    let (tag, class) = if *level <= 1 { ("h3", "h3") } else { ("h4", "h4") };
                    out.push_str(&format!("<{tag}{}>{}</{tag}>\n", m.attr(class), flat(text)));
                }
                Block::Paragraph(runs) => {
                    out.push_str(&format!("<p{}>", m.attr("p")));
                    for r in runs {
                        if r.run_in_heading {
                            out.push_str(&format!("<span{}>{}</span>", m.attr("lead"), esc(&r.text)));
                        } else {
                            out.push_str(&esc(&r.text));
                        }
                    }
                    out.push_str("</p>\n");
                }
                Block::Signature { name, date } => {
                    // GB/T 9704 §7.3.5.1: the date 4 characters in from the
                    // right, the name centred over it.
                    let (name_right, date_right) = signature_indents(name, date);
                    let pad = |em: f64| format!("padding-right:{em}em;");
                    // One line that the page reflows, as titles are: lines
                    // broken for print (<br>) would read back as two
                    // paragraphs, the agency cut in two.
                    out.push_str(&format!("<p{}>{}</p>\n", m.attr_with("signature", &pad(name_right)), flat(name)));
                    out.push_str(&format!("<p{}>{}</p>\n", m.attr_with("date", &pad(date_right)), esc(date)));
                }
                Block::Contents(c) => contents(c, m, out),
                Block::Table(t) => table(t, m, out),
                Block::Notes(n) => notes(&n.notes, m, out),
            }
        }
    }
    out.push_str("</main>\n");
}

/// The 目录 as a list of links to the parts and tables (a web page has no
/// page numbers).
fn contents(c: &Contents, m: Mode, out: &mut String) {
    out.push_str(&format!("<nav aria-labelledby=\"contents\"{}>\n", m.attr("nav")));
    out.push_str(&format!("<h2 id=\"contents\"{}>{}</h2>\n<ul{}>\n", m.attr("h2"), esc(&c.heading), m.attr("ul")));
    for e in &c.entries {
        let href = match e.target {
            Target::Part(si) => format!("#part-{si}"),
            Target::Table(ti) => format!("#table-{}", ti + 1),
        };
        let class = if e.level <= 1 { "li1" } else { "li2" };
        out.push_str(&format!("<li{}><a href=\"{href}\"{}>{}</a></li>\n", m.attr(class), m.attr("a"), flat(&e.text)));
    }
    out.push_str("</ul>\n</nav>\n");
}

/// A table in a box of its own that scrolls sideways on a narrow screen.
fn table(t: &Table, m: Mode, out: &mut String) {
    let id = format!("table-{}", t.index + 1);
    out.push_str(&format!("<div role=\"region\" aria-labelledby=\"{id}\" tabindex=\"0\"{}>\n", m.attr("scroll")));
    out.push_str(&format!("<table{}>\n", m.attr("table")));
    out.push_str(&format!("<caption id=\"{id}\"{}><span{}>{}</span> {}</caption>\n", m.attr("caption"), m.attr("label"), esc(&t.label), flat(&t.title)));
    let ncols = t.columns.len();
    let covering = t.covering();
    for r in 0..t.rows {
        if r == 0 && t.header_rows > 0 {
            out.push_str("<thead>\n");
        }
        if r == t.header_rows {
            out.push_str("<tbody>\n");
        }
        out.push_str("<tr>");
        for c in 0..ncols {
            let Some(i) = covering[r * ncols + c] else { continue };
            let cell = &t.cells[i];
            if cell.row != r || cell.col != c {
                continue;
            }
            out.push_str(&cell_html(t, cell, m));
        }
        out.push_str("</tr>\n");
        if r + 1 == t.header_rows {
            out.push_str("</thead>\n");
        }
    }
    if t.rows > t.header_rows {
        out.push_str("</tbody>\n");
    }
    out.push_str("</table>\n</div>\n");
    notes(&t.notes, m, out);
}

fn cell_html(t: &Table, cell: &Cell, m: Mode) -> String {
    let mut spans = String::new();
    if cell.rows > 1 {
        spans.push_str(&format!(" rowspan=\"{}\"", cell.rows));
    }
    if cell.cols > 1 {
        spans.push_str(&format!(" colspan=\"{}\"", cell.cols));
    }
    let text = flat(&cell.text);
    if cell.row < t.header_rows {
        // A label in the document's balanced lines (行政/拘留), which the
        // browser keeps (white-space: nowrap) rather than wrap it again.
        let text = if cell.lines.len() > 1 { cell.lines.iter().map(|l| esc(l)).collect::<Vec<_>>().join("<br>") } else { text };
        let scope = if cell.cols > 1 { "colgroup" } else { "col" };
        format!("<th scope=\"{scope}\"{spans}{}>{text}</th>", m.attr("th"))
    } else if cell.col < t.stub_cols {
        // A roll-up's agency names its row.
        format!("<th scope=\"row\"{spans}{}>{text}</th>", m.attr("th-row"))
    } else if cell.role == CellRole::Blank {
        format!("<td{spans} aria-label=\"{NO_POWER}\"{}></td>", m.attr("td"))
    } else {
        format!("<td{spans}{}>{text}</td>", m.attr("td"))
    }
}

/// Notes: 说明：1.… with the later notes under the first.
fn notes(n: &Notes, m: Mode, out: &mut String) {
    if n.items.is_empty() {
        return;
    }
    out.push_str(&format!("<div{}>\n", m.attr("notes")));
    // Later notes stand under the first: a hanging indent the lead's width.
    let hang = n.hang_em();
    for (i, line) in n.lines().enumerate() {
        let (class, extra) = if i == 0 { ("note-first", format!("padding-left:{hang}em;text-indent:-{hang}em;")) } else { ("note", format!("padding-left:{hang}em;")) };
        out.push_str(&format!("<p{}>{}</p>\n", m.attr_with(class, &extra), esc(&line)));
    }
    out.push_str("</div>\n");
}

/// The font families a browser is asked for, the official face first, then
/// the names it has on Windows, macOS and Linux, then the generic family.
pub fn font_family(face: Face) -> &'static str {
    match face {
        Face::FangSong => "仿宋_GB2312, FangSong_GB2312, 仿宋, FangSong, STFangsong, \"Zhuque Fangsong\", serif",
        Face::HeiTi => "黑体, SimHei, STHeiti, \"Noto Sans CJK SC\", \"Source Han Sans SC\", sans-serif",
        Face::KaiTi => "楷体_GB2312, KaiTi_GB2312, 楷体, KaiTi, STKaiti, \"LXGW WenKai\", serif",
        Face::XiaoBiaoSong => "方正小标宋简体, FZXiaoBiaoSong-B05S, \"Noto Serif CJK SC\", \"Source Han Serif SC\", SimSun, serif",
        Face::SongTi => "宋体, SimSun, \"Noto Serif CJK SC\", serif",
    }
}
