//! The one neutral form of a report file from outside, read as a reader
//! sees it: paragraphs and tables in reading order (a merged cell once),
//! each with its place in the source, and what the file's properties
//! say. The text (UTF-8 or GBK), DOCX, XLSX and PDF readers each make
//! this; nothing after them knows the format. `import` reads it.

use er_i18n::t;

pub use crate::html::from_html;

/// A paragraph, or a table with its label, title and notes.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Para(Para),
    Table(SourceTable),
}

/// A paragraph of text and where it stands (第12段, 第30行).
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub text: String,
    pub place: String,
}

/// A table's cells in reading order, row by row, a merged cell once.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SourceTable {
    /// 表一, when the source names it.
    pub label: Option<String>,
    pub title: Option<String>,
    pub cells: Vec<Cell>,
    /// Where each row starts in `cells`, when the source has rows (a DOCX,
    /// XLSX, HTML or ruled PDF table, rows a browser copies as tab-separated
    /// lines); a published text of one cell a line has only the cells.
    pub rows: Vec<usize>,
    /// The notes under the table (说明：1.…), each without its number.
    pub notes: Vec<String>,
    pub place: String,
}

impl SourceTable {
    /// Starts a row: the cells pushed next are its.
    pub fn start_row(&mut self) {
        self.rows.push(self.cells.len());
    }

    /// The cells of row `r`, in reading order, a merged cell in its first row.
    ///
    /// ```
    /// use er_read::source::{Cell, SourceTable};
    /// let mut st = SourceTable::default();
    /// for row in [["申请", "许可"], ["12", "10"]] {
    ///     st.start_row();
    ///     st.cells.extend(row.map(|t| Cell { text: t.into(), place: String::new(), columns: None }));
    /// }
    /// assert_eq!(st.row(1).iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["12", "10"]);
    /// ```
    pub fn row(&self, r: usize) -> &[Cell] {
        let start = self.rows[r].min(self.cells.len());
        let end = self.rows.get(r + 1).copied().unwrap_or(self.cells.len()).clamp(start, self.cells.len());
        &self.cells[start..end]
    }
}

/// A cell's text and where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub place: String,
    /// The grid columns the cell covers (first, how many), when the source
    /// has a grid (a DOCX, XLSX or ruled PDF table): a figure's column is
    /// found by the labels above it, not by its place in the row.
    pub columns: Option<(usize, usize)>,
}

/// The whole source, with what its file's properties say.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Source {
    pub items: Vec<Item>,
    /// The author the file's properties name (a DOCX or XLSX).
    pub author: Option<String>,
    /// The created date the properties give, YYYY-MM-DD.
    pub created: Option<String>,
    /// The year a data sheet gives (the tool's own XLSX).
    pub year: Option<u16>,
    /// What the reader left out as a web page's own (a breadcrumb, a pager,
    /// the site's footer), with its place: said to the user, never printed.
    pub left_out: Vec<(String, String)>,
}

/// Text in UTF-8 (a byte-order mark aside) or, as Chinese Windows saves it,
/// in GBK; otherwise the first byte that neither reads, counted from the
/// start of the file in the encoding that reads further.
///
/// ```
/// use er_read::source::decode_text;
/// assert_eq!(decode_text("表一".as_bytes()).unwrap(), "表一");
/// assert_eq!(decode_text(&[0xB1, 0xED, 0xD2, 0xBB]).unwrap(), "表一"); // GBK
/// assert_eq!(decode_text(&[0xB1, 0xED, 0xFF, 0xFF]), Err(2));
/// ```
pub fn decode_text(bytes: &[u8]) -> Result<String, usize> {
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
    let b = &bytes[bom..];
    let utf8_error = match std::str::from_utf8(b) {
        Ok(s) => return Ok(s.to_string()),
        Err(e) => bom + e.valid_up_to(),
    };
    let mut decoder = encoding_rs::GB18030.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(decoder.max_utf8_buffer_length_without_replacement(bytes.len()).unwrap_or(bytes.len() * 3));
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        encoding_rs::DecoderResult::InputEmpty => Ok(out),
        encoding_rs::DecoderResult::Malformed(bad, after) => Err(utf8_error.max(read - bad as usize - after as usize)),
        encoding_rs::DecoderResult::OutputFull => Err(utf8_error),
    }
}

/// A line as a paragraph's text: trimmed, a tab or other control
/// character inside it (a published page's layout) made a space.
pub fn clean(line: &str) -> String {
    let t: String = line.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    t.trim().trim_matches('\u{a0}').trim().to_string()
}

/// A table label on its own: 表一 … 表二十.
pub fn table_label(s: &str) -> Option<String> {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let rest = s.strip_prefix('表')?;
    if !rest.is_empty() && rest.chars().count() <= 3 && rest.chars().all(|c| "一二三四五六七八九十".contains(c)) {
        return Some(s.to_string());
    }
    // 表1 or 表１ as clerks type it: the label the templates write, 表一.
    let digits: String = rest.chars().map(|c| if ('０'..='９').contains(&c) { char::from_u32(c as u32 - 0xFEE0).unwrap_or(c) } else { c }).collect();
    let n: u32 = digits.parse().ok().filter(|_| digits.len() <= 2 && digits.chars().all(|c| c.is_ascii_digit()))?;
    const NUMERALS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let name = match n {
        1..=9 => NUMERALS[n as usize].to_string(),
        10 => "十".into(),
        11..=19 => format!("十{}", NUMERALS[(n - 10) as usize]),
        20..=99 => format!("{}十{}", NUMERALS[(n / 10) as usize], NUMERALS[(n % 10) as usize]),
        _ => return None,
    };
    Some(format!("表{name}"))
}

/// A table's label and title written on one line (表一　行政许可实施情况统计表):
/// the label, and the title when one follows.
///
/// ```
/// use er_read::source::label_and_title;
/// assert_eq!(label_and_title("表一　2024年度行政许可实施情况统计表"), Some(("表一".into(), Some("2024年度行政许可实施情况统计表".into()))));
/// assert_eq!(label_and_title("表3 行政强制实施情况统计表"), Some(("表三".into(), Some("行政强制实施情况统计表".into()))));
/// assert_eq!(label_and_title("表二"), Some(("表二".into(), None)));
/// assert_eq!(label_and_title("表示感谢"), None);
/// ```
pub fn label_and_title(s: &str) -> Option<(String, Option<String>)> {
    let s = s.trim();
    if let Some(l) = table_label(s) {
        return Some((l, None));
    }
    // The label is 表 and up to three numerals or two digits, then a space
    // or the title itself (a title ends in 表).
    let head: String = s.chars().take_while(|c| !c.is_whitespace()).collect();
    let (label, title) = match table_label(&head) {
        Some(l) => (l, s[head.len()..].trim().to_string()),
        None => {
            let k = s.char_indices().skip(1).take(3).find(|(_, c)| !("一二三四五六七八九十0123456789０１２３４５６７８９".contains(*c))).map(|(i, _)| i)?;
            (table_label(&s[..k])?, s[k..].trim().to_string())
        }
    };
    (title.ends_with('表') && title.chars().count() >= 4).then_some((label, Some(title)))
}

/// The notes lead: 说明： or 填报说明：, possibly after a table label
/// (表一填报说明：); returns the label and the first note.
pub fn notes_lead(s: &str) -> Option<(Option<String>, String)> {
    let s = s.trim();
    for lead in ["填报说明：", "填报说明:", "说明：", "说明:", "注：", "注:"] {
        if let Some(i) = s.find(lead) {
            let before = &s[..i];
            let label = if before.is_empty() { None } else { Some(table_label(before)?) };
            return Some((label, s[i + lead.len()..].trim().to_string()));
        }
    }
    None
}

/// A note without its number: 1.统计范围… → 统计范围….
pub fn unnumbered(s: &str) -> String {
    let s = s.trim();
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        let rest = &s[digits..];
        for dot in ['.', '．', '、'] {
            if let Some(r) = rest.strip_prefix(dot) {
                return r.trim().to_string();
            }
        }
    }
    s.to_string()
}

/// True when a line starts a numbered note (2.…).
pub fn numbered(s: &str) -> bool {
    let s = s.trim();
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && s[digits..].starts_with(['.', '．'])
}

/// A line of a web page's own, not of the report: a breadcrumb (当前位置：
/// 首页 > …), font-size and print links, a pager (上一篇 …, 共3页), the
/// share and QR-code lines, the site's footer (ICP备…, 版权所有, 主办单位),
/// the page's visit counter. Only a short line is such; a sentence of the
/// report that names one of these in passing is not.
///
/// ```
/// use er_read::source::chrome;
/// assert!(chrome("当前位置：首页 > 政务公开 > 法治政府建设"));
/// assert!(chrome("首页 > 信息公开 > 行政执法"));
/// assert!(chrome("首页 | 政务公开 | 互动交流"));
/// assert!(chrome("【字体：大 中 小】【打印】【关闭】"));
/// assert!(chrome("上一篇：关于2023年度行政执法工作的报告"));
/// assert!(chrome("新ICP备05001234号-1 新公网安备 65900002000123号"));
/// assert!(chrome("扫一扫在手机打开当前页"));
/// assert!(chrome("发布时间：2025-01-26 来源：本站 浏览次数：128"));
/// assert!(!chrome("2024年度共办理行政许可39件。"));
/// assert!(!chrome("一、行政执法基本情况"));
/// ```
pub fn chrome(line: &str) -> bool {
    let l: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    if l.is_empty() || l.chars().count() > 120 {
        return false;
    }
    const ANYWHERE: [&str; 22] = [
        "ICP备", "ICP证", "公网安备", "版权所有", "Copyright", "©", "网站标识码", "网站地图", "联系我们", "扫一扫", "分享到", "打印本页", "关闭窗口", "【打印】", "【关闭】", "浏览次数", "阅读次数", "访问量", "访问次数", "技术支持：", "主办单位：", "承办单位：",
    ];
    const START: [&str; 14] = ["当前位置", "您的位置", "您现在的位置", "现在的位置", "上一篇", "下一篇", "上一条", "下一条", "字号：", "字体：", "【字体", "【字号", "相关链接", "发布时间："];
    let breadcrumb = l.starts_with("首页") && [">", "›", "»", "＞", "/", "|", "｜"].iter().any(|s| l[("首页".len())..].starts_with(s.trim()));
    let pager = ["首页", "上一页", "下一页", "尾页"].iter().filter(|w| l.contains(*w)).count() >= 2 || (l.starts_with('共') && l.contains('页') && l.chars().count() <= 20);
    ANYWHERE.iter().any(|w| l.contains(w)) || START.iter().any(|w| l.starts_with(w)) || breadcrumb || pager
}

/// The cells of a table row as a browser copies it: tab-separated on one
/// line. A line led by one tab and holding no other is one cell of a
/// published text instead, so it is None.
fn tab_row(line: &str) -> Option<Vec<String>> {
    let body = line.strip_prefix('\t').unwrap_or(line);
    if !body.contains('\t') {
        return None;
    }
    Some(line.split('\t').map(|c| c.trim().trim_matches('\u{a0}').trim().to_string()).collect())
}

/// Reads a report published as text, or copied from its web page: lines
/// are paragraphs; a line 表N (with its title or not) starts a table,
/// whose cells are the lines led by a tab (a line without one continues
/// the cell above: a label broken over lines) or, as a browser copies a
/// table, its rows as tab-separated lines; its notes start at 说明：. The
/// page's own lines ([`chrome`]) are left out, and listed.
pub fn from_text(text: &str) -> Source {
    let mut items = Vec::new();
    let mut left_out = Vec::new();
    let lines: Vec<&str> = text.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let place = t!("place-line", n = i + 1);
        if chrome(line) {
            left_out.push((place, clean(line)));
            i += 1;
            continue;
        }
        if let Some((label, title)) = label_and_title(line) {
            let mut table = SourceTable { label: Some(label), title, place: place.clone(), ..SourceTable::default() };
            i += 1;
            while i < lines.len() && lines[i].trim().is_empty() {
                i += 1;
            }
            if table.title.is_none() && i < lines.len() && !lines[i].starts_with('\t') && tab_row(lines[i]).is_none() {
                table.title = Some(lines[i].trim().to_string());
                i += 1;
            }
            let mut in_notes = false;
            // Rows as a browser copies them, and whether one holds a figure yet.
            let (mut by_rows, mut figures) = (false, false);
            while i < lines.len() {
                let l = lines[i];
                let trimmed = l.trim().trim_matches('\u{a0}');
                if label_and_title(l).is_some() || (!in_notes && trimmed.starts_with("第") && trimmed.contains("部分") && !l.starts_with('\t')) {
                    break;
                }
                if chrome(l) {
                    // The page's footer after the last table ends it.
                    break;
                }
                if let Some((_, first)) = notes_lead(trimmed).filter(|_| !l.starts_with('\t')) {
                    in_notes = true;
                    table.notes.push(unnumbered(&clean(&first)));
                } else if in_notes {
                    if numbered(trimmed) {
                        table.notes.push(unnumbered(&clean(trimmed)));
                    } else if !trimmed.is_empty() {
                        if let Some(last) = table.notes.last_mut() {
                            last.push_str(&clean(trimmed));
                        }
                    }
                } else if let Some(cells) = tab_row(l) {
                    by_rows = true;
                    table.start_row();
                    for (c, text) in cells.into_iter().enumerate() {
                        figures |= is_figure(&text);
                        table.cells.push(Cell { text: text.split_whitespace().collect(), place: t!("place-line-column", n = i + 1, column = c + 1), columns: Some((c, 1)) });
                    }
                } else if let Some(cell) = l.strip_prefix('\t') {
                    table.cells.push(Cell { text: cell.trim().trim_matches('\u{a0}').to_string(), place: t!("place-line", n = i + 1), columns: None });
                } else if !trimmed.is_empty() {
                    if by_rows && figures {
                        // A paragraph after a copied table's rows.
                        break;
                    }
                    if by_rows || table.cells.is_empty() {
                        // A header row of one cell (a group label over
                        // columns), as a browser copies it.
                        table.start_row();
                        table.cells.push(Cell { text: trimmed.split_whitespace().collect(), place: t!("place-line", n = i + 1), columns: None });
                    } else if let Some(last) = table.cells.last_mut() {
                        // A label broken over lines in the published page.
                        last.text.push_str(trimmed);
                    }
                }
                i += 1;
            }
            if !by_rows {
                // One cell a line: the rows are not known.
                table.rows.clear();
            } else {
                // A browser copies a merged cell once, with no mark of its
                // span: a header row narrower than the rows of figures does
                // not say which columns its labels stand over.
                let is_figure_row = |r: usize| table.row(r).iter().any(|c| is_figure(&c.text));
                let width = (0..table.rows.len()).filter(|&r| is_figure_row(r)).map(|r| table.row(r).len()).max().unwrap_or(0);
                let first = (0..table.rows.len()).find(|&r| is_figure_row(r)).unwrap_or(table.rows.len());
                for r in 0..first {
                    if table.row(r).len() != width {
                        let (start, end) = (table.rows[r], table.rows.get(r + 1).copied().unwrap_or(table.cells.len()));
                        for c in &mut table.cells[start..end] {
                            c.columns = None;
                        }
                    }
                }
            }
            items.push(Item::Table(table));
            continue;
        }
        let text = clean(line);
        if !text.is_empty() {
            items.push(Item::Para(Para { text, place }));
        }
        i += 1;
    }
    Source { items, left_out, ..Source::default() }
}

/// Reads a DOCX: its paragraphs outside tables, and its tables with the
/// label, title and notes paragraphs around them; the author and created
/// date of its properties.
pub fn from_docx(bytes: &[u8]) -> Result<Source, String> {
    let d = crate::docx::Docx::read(bytes)?;
    let mut items = Vec::new();
    let mut table = 0;
    let mut k = 0;
    let mut para_no = 0;
    while k < d.paragraphs.len() {
        let p = &d.paragraphs[k];
        if p.in_table {
            while k < d.paragraphs.len() && d.paragraphs[k].in_table {
                k += 1;
            }
            if let Some(rows) = d.tables.get(table) {
                let mut st = SourceTable { place: t!("place-table", n = table + 1), ..SourceTable::default() };
                for (r, row) in rows.iter().enumerate() {
                    st.start_row();
                    let mut col = 0;
                    for c in row {
                        if c.v_merge.as_deref() != Some("continue") {
                            let text = c.text.split_whitespace().collect::<Vec<_>>().join("");
                            st.cells.push(Cell { text, place: t!("place-table-cell", table = table + 1, row = r + 1, column = col + 1), columns: Some((col, c.grid_span.max(1))) });
                        }
                        col += c.grid_span.max(1);
                    }
                }
                items.push(Item::Table(st));
            }
            table += 1;
            continue;
        }
        para_no += 1;
        // A title's typed line breaks stay; other control characters go.
        let text: String = p.text.chars().map(|c| if c.is_control() && c != '\n' { ' ' } else { c }).collect::<String>().trim().to_string();
        if !text.is_empty() {
            items.push(Item::Para(Para { text, place: t!("place-paragraph", n = para_no) }));
        }
        k += 1;
    }
    let (author, created) = properties(bytes);
    Ok(Source { items: attach_captions(items), author, created, ..Source::default() })
}

/// The author and created date of an Office file's core properties.
fn properties(bytes: &[u8]) -> (Option<String>, Option<String>) {
    let Ok(parts) = crate::docx::parts(bytes) else { return (None, None) };
    let Some(core) = parts.get("docProps/core.xml") else { return (None, None) };
    let tag = |name: &str| crate::docx::element_text(core, name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    let unescape = |s: String| s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    (tag("dc:creator").map(unescape), tag("dcterms:created").map(|d| d.chars().take(10).collect()))
}

/// Moves the paragraphs that belong to a table into it: the label (表一)
/// and title just before it, the notes (说明：1.… and the numbered notes
/// after them) just after it, and notes printed apart (表一填报说明：…).
pub(crate) fn attach_captions(items: Vec<Item>) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::new();
    let mut iter = items.into_iter().peekable();
    while let Some(item) = iter.next() {
        match item {
            Item::Table(mut t) => {
                // Title, then label, looking back, unless the table has them.
                // 表一　行政许可实施情况统计表 on one line.
                if let (None, None, Some(Item::Para(p))) = (&t.label, &t.title, out.last()) {
                    if let Some((label, Some(title))) = label_and_title(&p.text) {
                        out.pop();
                        (t.label, t.title) = (Some(label), Some(title));
                    }
                }
                if let (None, Some(Item::Para(p))) = (&t.title, out.last()) {
                    if table_label(&p.text).is_none() && notes_lead(&p.text).is_none() {
                        let title = p.text.clone();
                        out.pop();
                        t.title = Some(title);
                    }
                }
                if let (None, Some(Item::Para(p))) = (&t.label, out.last()) {
                    if let Some(l) = table_label(&p.text) {
                        out.pop();
                        t.label = Some(l);
                    }
                }
                while let Some(Item::Para(p)) = iter.peek() {
                    match notes_lead(&p.text) {
                        Some((None, first)) if t.notes.is_empty() => t.notes.push(unnumbered(&first)),
                        None if !t.notes.is_empty() && numbered(&p.text) => t.notes.push(unnumbered(&p.text)),
                        _ => break,
                    }
                    iter.next();
                }
                out.push(Item::Table(t));
            }
            Item::Para(p) => match notes_lead(&p.text) {
                // 表一填报说明：… after the last table.
                Some((Some(label), first)) => {
                    let mut notes = vec![unnumbered(&first)];
                    while let Some(Item::Para(n)) = iter.peek() {
                        if !numbered(&n.text) || notes_lead(&n.text).is_some() {
                            break;
                        }
                        notes.push(unnumbered(&n.text));
                        iter.next();
                    }
                    if let Some(Item::Table(t)) = out.iter_mut().rev().find(|i| matches!(i, Item::Table(t) if t.label.as_deref() == Some(label.as_str()))) {
                        t.notes = notes;
                    }
                }
                _ => out.push(Item::Para(p)),
            },
        }
    }
    out
}

/// Reads an XLSX: on every sheet (but the tool's data sheet), each table
/// from its label row (表一) or, failing one, the sheet itself: the title,
/// the header rows, the value row (the first row of figures), the notes.
pub fn from_xlsx(bytes: &[u8]) -> Result<Source, String> {
    let sheets = crate::xlsx::read(bytes)?;
    let mut items = Vec::new();
    let mut year = None;
    for s in &sheets {
        if s.name == "数据" {
            // The tool's own data sheet: its 年度 column, found by its header.
            let column = s.cells.iter().find(|((r, _), v)| *r == 0 && v.text() == "年度").map(|((_, c), _)| *c);
            year = column.and_then(|col| s.cells.iter().find(|((r, c), _)| *r > 0 && *c == col)).and_then(|(_, v)| v.text().parse().ok());
            continue;
        }
        let text = |r: u32, c: u32| s.cells.get(&(r, c)).map(|v| v.text().trim().to_string()).unwrap_or_default();
        let last_row = s.cells.keys().map(|k| k.0).max().unwrap_or(0);
        let row_cells = |r: u32| -> Vec<(u32, String)> { s.cells.range((r, 0)..(r + 1, 0)).map(|((_, c), v)| (*c, v.text().trim().to_string())).filter(|(_, t)| !t.is_empty()).collect() };
        // Where each table starts: a row whose first cell is a label, or
        // a label and its title in one cell (表一　…统计表).
        let rows: std::collections::BTreeSet<u32> = s.cells.keys().map(|k| k.0).collect();
        let mut starts: Vec<(u32, Option<String>, Option<String>)> = rows
            .iter()
            .filter_map(|&r| row_cells(r).first().and_then(|(_, t)| label_and_title(t)).map(|(l, title)| (r, Some(l), title)))
            .collect();
        if starts.is_empty() {
            starts.push((0, table_label(&s.name), None));
        }
        for (k, (start, label, title)) in starts.iter().enumerate() {
            let end = starts.get(k + 1).map_or(last_row + 1, |n| n.0);
            let mut st = SourceTable { label: label.clone(), title: title.clone(), place: t!("place-sheet", sheet = s.name.clone()), ..SourceTable::default() };
            let mut r = if label.is_some() { start + 1 } else { *start };
            // The title: the first row with one text and no figure.
            while r < end && row_cells(r).is_empty() {
                r += 1;
            }
            let cells = row_cells(r);
            if st.title.is_none() && cells.len() == 1 && !is_figure(&cells[0].1) && notes_lead(&cells[0].1).is_none() {
                st.title = Some(cells[0].1.clone());
                r += 1;
            }
            // Header rows, down to the first row holding a figure; then the
            // rows of figures (the report's, last year's, a total, one per
            // unit), down to a blank row or the notes. Every row keeps its
            // blank cells in their columns: a row label or an empty cell
            // never shifts a figure.
            let holds_figure = |cells: &[(u32, String)]| cells.iter().any(|(_, t)| is_figure(t) || t.starts_with('='));
            let header_start = r;
            while r < end {
                let cells = row_cells(r);
                if cells.iter().any(|(_, t)| notes_lead(t).is_some()) || holds_figure(&cells) {
                    break;
                }
                r += 1;
            }
            let header_end = r;
            let mut data_rows = Vec::new();
            while r < end {
                let cells = row_cells(r);
                if cells.is_empty() || cells.iter().any(|(_, t)| notes_lead(t).is_some()) || (data_rows.is_empty() && !holds_figure(&cells)) {
                    break;
                }
                data_rows.push(r);
                r += 1;
            }
            let cols: Vec<u32> = (header_start..header_end).chain(data_rows.iter().copied()).flat_map(row_cells).map(|(c, _)| c).collect();
            let (first, last) = (cols.iter().min().copied().unwrap_or(0), cols.iter().max().copied().unwrap_or(0));
            let last = s.merged.iter().filter(|m| m.0 >= header_start && m.0 < header_end).map(|m| m.3).fold(last, u32::max);
            for hr in header_start..header_end {
                st.start_row();
                for (c, t) in row_cells(hr) {
                    let span = s.merged.iter().find(|m| m.0 == hr && m.1 == c).map_or(1, |m| (m.3 - m.1 + 1) as usize);
                    st.cells.push(Cell {
                        text: t.split_whitespace().collect::<Vec<_>>().join(""),
                        place: t!("place-sheet-cell", sheet = s.name.clone(), cell = crate::xlsx::cell_name(hr, c)),
                        columns: Some((c as usize, span)),
                    });
                }
            }
            for &vr in &data_rows {
                st.start_row();
                for c in first..=last {
                    st.cells.push(Cell { text: text(vr, c), place: t!("place-sheet-cell", sheet = s.name.clone(), cell = crate::xlsx::cell_name(vr, c)), columns: Some((c as usize, 1)) });
                }
            }
            // Notes: 说明：1.… then numbered rows.
            while r < end {
                for (_, t) in row_cells(r) {
                    match notes_lead(&t) {
                        Some((_, first)) => st.notes.push(unnumbered(&first)),
                        None if !st.notes.is_empty() => st.notes.push(unnumbered(t.trim_start_matches('\u{3000}'))),
                        None => {}
                    }
                }
                r += 1;
            }
            if !st.cells.is_empty() {
                items.push(Item::Table(st));
            }
        }
    }
    let (author, created) = properties(bytes);
    Ok(Source { items, author, created, year, ..Source::default() })
}

/// A cell that holds a figure: digits with a point or thousands commas.
fn is_figure(t: &str) -> bool {
    let t = t.trim();
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-')) && t.chars().any(|c| c.is_ascii_digit())
}

/// Reads a PDF by its structure tree (a tagged PDF, as the tool makes):
/// paragraphs and headings in reading order, tables cell by cell from
/// their TH and TD elements, the caption giving label and title. An
/// untagged PDF gives its lines joined into paragraphs, and the tables its
/// rules draw.
/// A line's width in ems, as near as its characters say: a Chinese
/// character one, a Latin letter or digit half.
fn width(line: &str) -> f64 {
    line.chars().filter(|c| !c.is_whitespace()).map(|c| if c.is_ascii() { 0.5 } else { 1.0 }).sum()
}

/// A line that starts a block whatever stands above it: a heading's
/// number (一、 （一） 1.), a note's lead, a table's label, a part heading.
fn starts_block(line: &str) -> bool {
    let l = line.trim();
    let numerals = l.chars().take_while(|c| "一二三四五六七八九十".contains(*c)).count();
    let digits = l.chars().take_while(char::is_ascii_digit).count();
    (numerals > 0 && l.chars().nth(numerals) == Some('、'))
        || (l.starts_with(['（', '(']) && l.chars().nth(1).is_some_and(|c| "一二三四五六七八九十".contains(c)))
        || (digits > 0 && digits <= 2 && l.chars().nth(digits).is_some_and(|c| matches!(c, '.' | '．' | '、')) && l.chars().nth(digits + 1).is_some_and(|c| !c.is_ascii_digit()))
        || notes_lead(l).is_some()
        || label_and_title(l).is_some()
        || (l.starts_with('第') && l.chars().nth(2) == Some('部') && l.chars().nth(3) == Some('分'))
}

/// A page number as GB/T 9704 prints it (— 3 —): the page's, not the text's.
fn page_number(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let inner = t.trim_matches(['—', '-', '－']);
    inner.len() < t.len() && !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit())
}

/// How deep a PDF's structure elements are followed: a report's are five deep.
const MAX_STRUCT_DEPTH: usize = 64;
/// Most structure elements read: a report's tagged PDF has a few thousand.
const MAX_STRUCT_ELEMENTS: usize = 200_000;

pub fn from_pdf(bytes: &[u8]) -> Result<Source, String> {
    use lopdf::{Dictionary, Document, Object, ObjectId};
    let pages = crate::pdf::read(bytes)?;
    let doc = crate::pdf::load(bytes)?;
    let page_ids: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let root = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"StructTreeRoot").ok())
        .and_then(|r| r.as_reference().ok())
        .and_then(|r| doc.get_dictionary(r).ok())
        .and_then(|d| d.get(b"K").ok())
        .and_then(|k| k.as_reference().ok());
    let Some(root) = root else {
        // Untagged: its lines joined into paragraphs, and the tables its
        // rules draw, each where it stands on its page.
        enum Entry {
            Line(crate::pdf::Line),
            Table(SourceTable),
        }
        let mut tables = 0;
        let mut pages_entries: Vec<Vec<(f64, Entry)>> = Vec::new();
        for (pi, p) in pages.iter().enumerate() {
            let ruled = p.ruled_tables();
            let inside = |y: f64| ruled.iter().any(|t| t.iter().any(|c| c.bottom <= y && y <= c.top));
            let mut placed: Vec<(f64, Entry)> = p.placed_lines().into_iter().filter(|l| !inside(l.y) && !l.text.trim().is_empty() && !page_number(&l.text)).map(|l| (l.y, Entry::Line(l))).collect();
            for mut cells in ruled.into_iter().filter(|t| t.len() > 1) {
                tables += 1;
                cells.sort_by_key(|c| (c.row, c.col));
                let top = cells.iter().map(|c| c.top).fold(f64::NEG_INFINITY, f64::max);
                let mut st = SourceTable { place: t!("place-table", n = tables), ..SourceTable::default() };
                let mut row = None;
                for c in &cells {
                    if row != Some(c.row) {
                        row = Some(c.row);
                        st.start_row();
                    }
                    st.cells.push(Cell { text: c.text.split_whitespace().collect(), place: t!("place-page-table-cell", page = pi + 1, table = tables, row = c.row + 1, column = c.col + 1), columns: Some((c.col, c.cols)) });
                }
                placed.push((top, Entry::Table(st)));
            }
            placed.sort_by(|a, b| b.0.total_cmp(&a.0));
            pages_entries.push(placed);
        }
        // A paragraph starts where a line starts with a heading's or a
        // note's number or a table's label, follows a line that stops short
        // of the text's width, or stands indented where the paragraph's
        // lines do not (GB/T 9704's first-line indent, a centred title, a
        // signature to the right); else a line continues the paragraph
        // above it, across a page too.
        // The margin and the text's width, of the pages of one size (a
        // landscape table page's lines are wider).
        let size = |pi: usize| (pages[pi].width.round() as i64, pages[pi].height.round() as i64);
        let lines = |sz: (i64, i64)| pages_entries.iter().enumerate().filter(move |(pi, _)| size(*pi) == sz).flat_map(|(_, e)| e).filter_map(|(_, e)| if let Entry::Line(l) = e { Some(l) } else { None });
        let left = |sz| lines(sz).map(|l| l.x).fold(f64::INFINITY, f64::min);
        let full = |sz| lines(sz).map(|l| width(&l.text)).fold(0.0, f64::max);
        let measures: Vec<(f64, f64)> = (0..pages.len()).map(|pi| (left(size(pi)), full(size(pi)))).collect();
        let mut items = Vec::new();
        // The paragraph being read: its item, its last line's width, its
        // first line's x and whether that line is numbered, and the x its
        // lines after the first start at.
        struct Open {
            item: usize,
            last: f64,
            first_x: f64,
            numbered: bool,
            next_x: Option<f64>,
        }
        let mut open: Option<Open> = None;
        for (pi, entries) in pages_entries.into_iter().enumerate() {
            let (left, full) = measures[pi];
            for (_, e) in entries {
                match e {
                    Entry::Table(st) => {
                        items.push(Item::Table(st));
                        open = None;
                    }
                    Entry::Line(l) => {
                        let text = clean(&l.text);
                        let numbered = starts_block(&text);
                        let continues = open.as_ref().is_some_and(|o| {
                            !numbered
                                && o.last >= full * 0.85
                                && match o.next_x {
                                    // A paragraph's lines after its first start alike.
                                    Some(nx) => l.x < nx + 6.0,
                                    // Its second line: out from an indented first
                                    // line, in under a hanging one (a note's number),
                                    // or at a first line that is not indented.
                                    None => (l.x - o.first_x).abs() >= 6.0 || o.first_x <= left + 6.0 || o.numbered,
                                }
                        });
                        match open.as_mut() {
                            Some(o) if continues => {
                                if let Some(Item::Para(p)) = items.get_mut(o.item) {
                                    p.text.push_str(&text);
                                }
                                o.last = width(&text);
                                o.next_x.get_or_insert(l.x);
                            }
                            _ => {
                                open = Some(Open { item: items.len(), last: width(&text), first_x: l.x, numbered, next_x: None });
                                items.push(Item::Para(Para { text, place: t!("place-page", n = pi + 1) }));
                            }
                        }
                    }
                }
            }
        }
        return Ok(Source { items: attach_captions(items), ..Source::default() });
    };
    let page_of = |d: &Dictionary| d.get(b"Pg").ok().and_then(|p| p.as_reference().ok()).and_then(|r| page_ids.iter().position(|q| *q == r));
    let runs = |pi: usize, mcid: i64| -> String { pages[pi].runs.iter().filter(|r| r.mcid == Some(mcid) && !r.artifact).map(|r| r.text.as_str()).collect() };
    // An element's text, its descendants' included, and its first page.
    // Each element is read once and no deeper than MAX_STRUCT_DEPTH: an
    // element that contains itself, or a chain of 10⁵, ends.
    struct Walk<'a> {
        seen: std::collections::BTreeSet<ObjectId>,
        depth: usize,
        page_of: &'a dyn Fn(&Dictionary) -> Option<usize>,
        runs: &'a dyn Fn(usize, i64) -> String,
    }
    fn text(doc: &Document, id: ObjectId, w: &mut Walk, first: &mut Option<usize>) -> String {
        if w.depth >= MAX_STRUCT_DEPTH || !w.seen.insert(id) {
            return String::new();
        }
        let (page_of, runs) = (w.page_of, w.runs);
        let Ok(d) = doc.get_dictionary(id) else { return String::new() };
        let own = page_of(d);
        let mut out = String::new();
        let kids: Vec<Object> = match d.get(b"K") {
            Ok(Object::Array(a)) => a.clone(),
            Ok(o) => vec![o.clone()],
            Err(_) => Vec::new(),
        };
        for k in kids {
            match k {
                Object::Integer(mcid) => {
                    if let Some(pi) = own {
                        first.get_or_insert(pi);
                        out.push_str(&runs(pi, mcid));
                    }
                }
                Object::Dictionary(mcr) => {
                    if let (Some(pi), Ok(mcid)) = (page_of(&mcr), mcr.get(b"MCID").and_then(|m| m.as_i64())) {
                        first.get_or_insert(pi);
                        out.push_str(&runs(pi, mcid));
                    }
                }
                Object::Reference(r) => {
                    w.depth += 1;
                    out.push_str(&text(doc, r, w, first));
                    w.depth -= 1;
                }
                _ => {}
            }
        }
        out
    }
    let kind = |id: ObjectId| -> String { doc.get_dictionary(id).ok().and_then(|d| d.get(b"S").ok()).and_then(|s| s.as_name().ok()).map(|n| String::from_utf8_lossy(n).into_owned()).unwrap_or_default() };
    let children = |id: ObjectId| -> Vec<ObjectId> {
        match doc.get_dictionary(id).ok().and_then(|d| d.get(b"K").ok()) {
            Some(Object::Array(a)) => a.iter().filter_map(|o| o.as_reference().ok()).collect(),
            Some(Object::Reference(r)) => vec![*r],
            _ => Vec::new(),
        }
    };
    let mut items = Vec::new();
    let mut stack = vec![root];
    let mut order = Vec::new();
    // Depth first, in reading order; each element once (a Part that
    // contains itself ends), and no more of them than a report has.
    let mut seen = std::collections::BTreeSet::new();
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        if seen.len() > MAX_STRUCT_ELEMENTS {
            return Err(t!("read-too-many-struct", max = MAX_STRUCT_ELEMENTS));
        }
        let k = kind(id);
        if matches!(k.as_str(), "Document" | "Part" | "Sect" | "Div" | "Art") {
            let mut c = children(id);
            c.reverse();
            stack.extend(c);
        } else {
            order.push(id);
        }
    }
    let mut tables = 0;
    for id in order {
        let k = kind(id);
        let mut first = None;
        if k == "Table" {
            tables += 1;
            let mut st = SourceTable { place: t!("place-table", n = tables), ..SourceTable::default() };
            let mut rows: Vec<Vec<(String, Option<usize>)>> = Vec::new();
            let mut walk = vec![id];
            let mut in_table = std::collections::BTreeSet::new();
            while let Some(e) = walk.pop() {
                // A TR → Table cycle ends: each element of the table once.
                if !in_table.insert(e) || in_table.len() > MAX_STRUCT_ELEMENTS {
                    continue;
                }
                for c in children(e).into_iter().rev() {
                    walk.push(c);
                }
                match kind(e).as_str() {
                    "Caption" => {
                        let mut f = None;
                        let caption = text(&doc, e, &mut Walk { seen: Default::default(), depth: 0, page_of: &page_of, runs: &runs }, &mut f);
                        let label_len = caption.chars().take_while(|c| *c == '表' || "一二三四五六七八九十".contains(*c)).count();
                        let (label, title) = caption.split_at(caption.char_indices().nth(label_len).map_or(caption.len(), |(i, _)| i));
                        st.label = table_label(label);
                        st.title = Some(title.trim().to_string()).filter(|t| !t.is_empty());
                    }
                    "TR" => rows.push(Vec::new()),
                    "TH" | "TD" => {
                        let mut f = None;
                        let t = text(&doc, e, &mut Walk { seen: Default::default(), depth: 0, page_of: &page_of, runs: &runs }, &mut f);
                        if let Some(r) = rows.last_mut() {
                            r.push((t, f));
                        }
                    }
                    _ => {}
                }
            }
            // The walk visits rows in order and cells after their row.
            for (ri, row) in rows.iter().enumerate() {
                st.start_row();
                for (ci, (t, page)) in row.iter().enumerate() {
                    let place = match page {
                        Some(pi) => t!("place-page-table-cell", page = pi + 1, table = tables, row = ri + 1, column = ci + 1),
                        None => t!("place-table-cell", table = tables, row = ri + 1, column = ci + 1),
                    };
                    st.cells.push(Cell { text: t.split_whitespace().collect(), place, columns: None });
                }
            }
            items.push(Item::Table(st));
            continue;
        }
        let t = text(&doc, id, &mut Walk { seen: Default::default(), depth: 0, page_of: &page_of, runs: &runs }, &mut first);
        let t = t.trim();
        if !t.is_empty() {
            items.push(Item::Para(Para { text: t.to_string(), place: t!("place-page", n = first.map_or(1, |p| p + 1)) }));
        }
    }
    Ok(Source { items: attach_captions(items), ..Source::default() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_notes() {
        assert_eq!(table_label("表二"), Some("表二".into()));
        assert_eq!(table_label("表二行政处罚"), None);
        assert_eq!(notes_lead("说明：1.甲"), Some((None, "1.甲".into())));
        assert_eq!(notes_lead("表一填报说明：1.甲"), Some((Some("表一".into()), "1.甲".into())));
        assert_eq!(unnumbered("2.乙"), "乙");
    }

    #[test]
    fn a_published_table_reads_its_broken_labels_and_blank_cells() {
        let s = from_text("表二\n标题\n\t数量（宗）\n\n\t第一种\n情形\n\t第二种\n\n\t\n\t27\n\n说明：1.甲。\n2.乙。\n");
        let Item::Table(t) = &s.items[0] else { panic!() };
        let texts: Vec<&str> = t.cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["数量（宗）", "第一种情形", "第二种", "", "27"]);
        assert_eq!(t.notes, ["甲。", "乙。"]);
    }
}
