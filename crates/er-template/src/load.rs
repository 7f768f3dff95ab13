//! Reading a template file: YAML → checked [`Template`], every problem a
//! located [`Diagnostic`], all of them reported in one run.

use std::collections::BTreeSet;
use std::path::Path;

use er_source::{read, Diagnostic, Findings, Index};
use serde::Deserialize;
use serde_yaml::Value;

use crate::{grid, Column, HeaderNode, Kind, Notes, NotesPlacement, Part, TableDef, Template, Unit, MAX_COLUMNS, MAX_HEADER_ROWS, TITLE_FIELDS};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTemplate {
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    parts: Option<Vec<String>>,
    #[serde(default)]
    contents: bool,
    tables: Vec<RawTable>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTable {
    label: String,
    title: String,
    columns: Vec<RawColumn>,
    header: Vec<Value>,
    #[serde(default)]
    notes: Option<RawNotes>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawColumn {
    key: String,
    #[serde(default)]
    kind: Option<String>,
    unit: String,
    #[serde(default)]
    decimals: Option<u32>,
    #[serde(default)]
    total_of: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNotes {
    #[serde(default = "default_notes_heading")]
    heading: String,
    #[serde(default)]
    items: Vec<String>,
    #[serde(default)]
    placement: Option<String>,
}

fn default_notes_heading() -> String {
    "说明".into()
}

/// Why a template named by a data file or a command was not found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unresolved {
    /// A name that is no built-in template and does not look like a path.
    NoSuchBuiltin,
    /// A path where there is no file.
    NoFile(std::path::PathBuf),
    /// A template file with errors.
    Invalid(std::path::PathBuf, Vec<Diagnostic>),
}

/// The template `named`: a built-in one by its name, or a template file by
/// its path (with a / or a backslash, or a .yaml or .yml ending), relative to `base`.
///
/// ```
/// use er_template::{resolve, Unresolved};
/// assert_eq!(resolve("national-2021", None).unwrap().name, "national-2021");
/// assert_eq!(resolve("national-2020", None).unwrap_err(), Unresolved::NoSuchBuiltin);
/// ```
pub fn resolve(named: &str, base: Option<&Path>) -> Result<std::sync::Arc<Template>, Unresolved> {
    let named = named.trim();
    if let Some(t) = crate::builtin::shared(named) {
        return Ok(t.clone());
    }
    if !(named.contains(['/', '\\']) || named.ends_with(".yaml") || named.ends_with(".yml")) {
        return Err(Unresolved::NoSuchBuiltin);
    }
    let path = match base {
        Some(b) if Path::new(named).is_relative() => b.join(named),
        _ => Path::new(named).to_path_buf(),
    };
    if !path.is_file() {
        return Err(Unresolved::NoFile(path));
    }
    load_file(&path).map(std::sync::Arc::new).map_err(|ds| Unresolved::Invalid(path, ds))
}

/// Reads and checks a template file.
pub fn load_file(path: &Path) -> Result<Template, Vec<Diagnostic>> {
    let bytes = read::file(path, read::FileKind::Template).map_err(|d| vec![d])?;
    let name = path.display().to_string();
    let text = read::text(&bytes, &name).map_err(|d| vec![d])?;
    load_str(text, &name)
}

/// Checks a template's text; `name` is used in messages.
///
/// ```
/// let src = "name: t\ntables:\n  - label: 表一\n    title: 统计表\n    columns:\n      - { key: 甲, unit: 宗 }\n      - { key: 总数, unit: 宗, total_of: [甲, 乙] }\n    header: [甲, 总数]\n";
/// let errors = er_template::load_str(src, "t.yaml").unwrap_err();
/// assert_eq!(errors[0].to_string().lines().next().unwrap(),
///     "t.yaml:7:43: error: tables[0].columns[1].total_of[1]: 总数 adds up `乙`, which is not a column of 表一");
/// ```
pub fn load_str(text: &str, name: &str) -> Result<Template, Vec<Diagnostic>> {
    if let Some(d) = read::forbidden_characters(text, name) {
        return Err(vec![d]);
    }
    read::syntax(text, name).map_err(|d| vec![d])?;
    if !read::has_content(text) {
        return Err(vec![Diagnostic::error(name, None, "", "the template file holds nothing")
            .with_help("start from one of `enforcement-report templates --show NAME`")]);
    }
    let index = Index::build(text);
    if let Some(d) = read::duplicates(&index, name) {
        return Err(vec![d]);
    }
    let structure = read::structure(&index, name);
    if !structure.is_empty() {
        return Err(structure);
    }
    let raw: RawTemplate = serde_yaml::from_str(text)
        .map_err(|e| vec![read::serde_error(&e, name, &index, "a mapping of the template's fields (name, description, parts, contents, tables)")])?;
    let mut cx = Cx { found: Findings::new(name, &index) };
    cx.found.list.extend(read::control_characters(&index, name, &|path| path.ends_with(".title")));
    let template = cx.template(raw);
    if cx.found.list.is_empty() {
        Ok(template)
    } else {
        Err(cx.found.list)
    }
}

struct Cx<'a> {
    found: Findings<'a>,
}

impl Cx<'_> {
    fn template(&mut self, raw: RawTemplate) -> Template {
        if raw.name.trim().is_empty() {
            self.found.error("name", "the template has no name", "give it a short name, e.g. name: my-province-2024");
        }
        let parts = self.parts(raw.parts.as_deref());
        if raw.tables.is_empty() {
            self.found.error("tables", "the template has no table", "list at least one table under tables:");
        }
        let mut labels = BTreeSet::new();
        let mut tables = Vec::new();
        for (i, t) in raw.tables.into_iter().enumerate() {
            let path = format!("tables[{i}]");
            if t.label.trim().is_empty() {
                self.found.error(&format!("{path}.label"), "the table has no label", "give it a label such as 表一");
            } else if !labels.insert(t.label.trim().to_string()) {
                self.found.error(&format!("{path}.label"), format!("two tables have the label {}", t.label.trim()), "give each table its own label");
            }
            tables.push(self.table(&path, t));
        }
        Template { name: raw.name.trim().to_string(), description: raw.description.trim().to_string(), parts, contents: raw.contents, tables }
    }

    fn parts(&mut self, raw: Option<&[String]>) -> [Part; 2] {
        let Some(raw) = raw else { return [Part::Narrative, Part::Statistics] };
        let parsed: Vec<Option<Part>> = raw
            .iter()
            .map(|p| match p.trim() {
                "narrative" => Some(Part::Narrative),
                "statistics" => Some(Part::Statistics),
                _ => None,
            })
            .collect();
        for (i, p) in parsed.iter().enumerate() {
            if p.is_none() {
                self.found.error(&format!("parts[{i}]"), format!("`{}` is not a part", raw[i]), "the parts are narrative and statistics");
            }
        }
        match parsed.as_slice() {
            [Some(a), Some(b)] if a != b => [*a, *b],
            _ => {
                if parsed.iter().all(Option::is_some) {
                    self.found.error("parts", "the parts are two, each once", "write parts: [narrative, statistics] or parts: [statistics, narrative]");
                }
                [Part::Narrative, Part::Statistics]
            }
        }
    }

    fn table(&mut self, path: &str, t: RawTable) -> TableDef {
        let label = t.label.trim().to_string();
        self.title_fields(&format!("{path}.title"), &t.title);
        if t.columns.is_empty() {
            self.found.error(&format!("{path}.columns"), format!("{label} has no column"), "list the table's columns under columns:");
        }
        if t.columns.len() > MAX_COLUMNS {
            self.found.error(
                &format!("{path}.columns"),
                format!("{label} has {} columns; a table holds at most {MAX_COLUMNS} on a landscape page", t.columns.len()),
                "split the table in two",
            );
        }
        // Columns: keys unique, units and kinds known.
        let mut columns: Vec<Column> = Vec::new();
        // A column whose unit or kind is wrong is reported once, not again
        // by every total that adds it up.
        let mut sound = vec![true; t.columns.len()];
        for (i, c) in t.columns.iter().enumerate() {
            let cp = format!("{path}.columns[{i}]");
            let key = c.key.trim().to_string();
            if key.is_empty() {
                self.found.error(&format!("{cp}.key"), "the column has no key", "give it the key a data file uses for the figure");
            } else if columns.iter().any(|o| o.key == key) {
                self.found.error(&format!("{cp}.key"), format!("two columns of {label} have the key {key}"), "give each column its own key");
            }
            let unit = Unit::parse(&c.unit);
            if unit.is_none() {
                sound[i] = false;
                self.found.error(&format!("{cp}.unit"), format!("`{}` is not a unit", c.unit), format!("the units are: {}", Unit::list()));
            }
            let kind = match c.kind.as_deref().map(str::trim) {
                None => unit.map_or(Kind::Count, Unit::kind),
                Some("count") => Kind::Count,
                Some("amount") => Kind::Amount,
                Some(other) => {
                    sound[i] = false;
                    self.found.error(&format!("{cp}.kind"), format!("`{other}` is not a kind of column"), "the kinds are count (a whole number) and amount (an exact decimal)");
                    Kind::Count
                }
            };
            if let Some(u) = unit.filter(|u| u.kind() != kind) {
                sound[i] = false;
                self.found.error(
                    &format!("{cp}.unit"),
                    format!("a {} column cannot be counted in {u}", kind.name()),
                    match kind {
                        Kind::Count => "counts are in 宗, 次, 件, 人, 人次, 个, 家, 户 or 项",
                        Kind::Amount => "amounts are in 万元, 元 or %",
                    },
                );
            }
            let unit = unit.unwrap_or(Unit::宗);
            let decimals = match (kind, c.decimals) {
                (Kind::Count, Some(d)) if d > 0 => {
                    self.found.error(&format!("{cp}.decimals"), format!("{key} is a count, which has no decimals"), "leave decimals out, or make the column an amount");
                    0
                }
                (Kind::Amount, Some(d)) if d > 10 => {
                    self.found.error(&format!("{cp}.decimals"), format!("{d} decimals are more than a figure keeps"), "write at most 10");
                    10
                }
                (_, Some(d)) => d,
                (_, None) => unit.default_decimals(),
            };
            columns.push(Column { key, label: c.key.trim().to_string(), kind, unit, decimals, total_of: None });
        }
        // Totals name other columns of the same kind and unit.
        for (i, c) in t.columns.iter().enumerate() {
            let Some(parts) = &c.total_of else { continue };
            let cp = format!("{path}.columns[{i}].total_of");
            let me = columns[i].key.clone();
            if parts.is_empty() {
                self.found.error(&cp, format!("{me} adds up no column"), "name the columns it adds up, or leave total_of out");
                continue;
            }
            let mut of = Vec::new();
            for (j, p) in parts.iter().enumerate() {
                let pp = format!("{cp}[{j}]");
                let p = p.trim();
                match columns.iter().position(|o| o.key == p) {
                    None => self.found.error(&pp, format!("{me} adds up `{p}`, which is not a column of {label}"), format!("the columns of {label} are: {}", keys(&columns))),
                    Some(k) if k == i => self.found.error(&pp, format!("{me} adds up itself"), "a total adds up the other columns"),
                    Some(k) if of.contains(&k) => self.found.error(&pp, format!("{me} adds up {p} twice"), "name each column once"),
                    Some(k) if t.columns[k].total_of.is_some() => {
                        self.found.error(&pp, format!("{me} adds up {p}, which is a total itself"), "name the columns that total adds up instead")
                    }
                    Some(k) if sound[k] && sound[i] && (columns[k].kind, columns[k].unit) != (columns[i].kind, columns[i].unit) => self.found.error(
                        &pp,
                        format!("{me} is in {} but {p} is in {}", columns[i].unit, columns[k].unit),
                        "a total adds up columns of its own unit",
                    ),
                    Some(k) => of.push(k),
                }
            }
            columns[i].total_of = Some(of);
        }
        // The header tree: its leaves are the columns, each once.
        let mut seen = vec![0usize; columns.len()];
        let mut header = Vec::new();
        if t.header.is_empty() {
            self.found.error(&format!("{path}.header"), format!("{label} has no header"), "list the header's labels under header:");
        }
        for (i, v) in t.header.iter().enumerate() {
            if let Some(n) = self.node(&format!("{path}.header[{i}]"), v, &mut columns, &mut seen, 1) {
                header.push(n);
            }
        }
        for (i, n) in seen.iter().enumerate() {
            match n {
                0 => self.found.error(
                    &format!("{path}.columns[{i}]"),
                    format!("column {} of {label} is not in the header", columns[i].key),
                    "name every column once among the header's leaves",
                ),
                1 => {}
                _ => self.found.error(
                    &format!("{path}.header"),
                    format!("column {} of {label} is in the header {n} times", columns[i].key),
                    "name every column once among the header's leaves",
                ),
            }
        }
        // Column order is the leaves' order, left to right.
        let mut order = Vec::new();
        fn leaves(n: &HeaderNode, out: &mut Vec<usize>) {
            match n.column {
                Some(c) => out.push(c),
                None => n.children.iter().for_each(|c| leaves(c, out)),
            }
        }
        header.iter().for_each(|n| leaves(n, &mut order));
        let ok = self.found.list.is_empty() && order.len() == columns.len();
        let (grid, header_rows) = grid::compute(&header);
        if header_rows > MAX_HEADER_ROWS {
            self.found.error(&format!("{path}.header"), format!("{label}'s header is {header_rows} rows deep; at most {MAX_HEADER_ROWS} fit"), "flatten a level of the tree");
        }
        let mut label_keys = BTreeSet::new();
        for c in &grid {
            if !label_keys.insert(c.key.clone()) {
                self.found.error(
                    &format!("{path}.header"),
                    format!("two header labels of {label} have the key {}", c.key),
                    "a leaf's key is its column's; give a group a key of its own: { label: <text>, key: <unique key>, children: [ … ] }",
                );
            }
        }
        let (columns, header, grid) = if ok { reorder(columns, header, &order) } else { (columns, header, grid) };
        let placement = match t.notes.as_ref().and_then(|n| n.placement.as_deref()).map(str::trim) {
            None | Some("table") => NotesPlacement::Table,
            Some("end") => NotesPlacement::End,
            Some(other) => {
                self.found.error(&format!("{path}.notes.placement"), format!("`{other}` is not a place for notes"), "write table (under the table) or end (after the last table)");
                NotesPlacement::Table
            }
        };
        let notes = t.notes.map_or(Notes { heading: default_notes_heading(), items: Vec::new(), placement }, |n| Notes {
            heading: n.heading.trim().trim_end_matches(['：', ':']).to_string(),
            items: n.items.iter().map(|s| s.trim().to_string()).collect(),
            placement,
        });
        TableDef { label, title: t.title.trim().to_string(), columns, header, grid, header_rows, notes }
    }

    /// One node of the header tree at `path`.
    fn node(&mut self, path: &str, v: &Value, columns: &mut [Column], seen: &mut [usize], depth: usize) -> Option<HeaderNode> {
        let leaf = |cx: &mut Self, key: &str, label: Option<&str>, columns: &mut [Column], seen: &mut [usize]| {
            let key = key.trim();
            match columns.iter().position(|c| c.key == key) {
                None => {
                    cx.found.error(path, format!("the header names `{key}`, which is not a column"), format!("the columns are: {}", keys(columns)));
                    None
                }
                Some(i) => {
                    seen[i] += 1;
                    if let Some(l) = label {
                        columns[i].label = l.trim().to_string();
                    }
                    Some(HeaderNode { key: key.to_string(), label: columns[i].label.clone(), column: Some(i), children: Vec::new() })
                }
            }
        };
        match v {
            Value::String(s) => leaf(self, s, None, columns, seen),
            Value::Mapping(m) => {
                let get = |k: &str| m.get(k);
                for k in m.keys() {
                    let k = k.as_str().unwrap_or("");
                    if !["column", "label", "key", "children"].contains(&k) {
                        self.found.error(&format!("{path}.{k}"), format!("unknown field `{k}` in a header label"), "a header label has column (a leaf) or children (a group), with label and key");
                    }
                }
                let text = |k: &str| get(k).and_then(Value::as_str);
                match (get("column"), get("children")) {
                    (Some(_), Some(_)) => {
                        self.found.error(path, "a header label has both column and children", "a leaf names a column; a group has children");
                        None
                    }
                    (Some(c), None) => match c.as_str() {
                        Some(c) => {
                            if get("key").is_some() {
                                self.found.error(&format!("{path}.key"), "a leaf's key is its column", "leave key out");
                            }
                            leaf(self, c, text("label"), columns, seen)
                        }
                        None => {
                            self.found.error(&format!("{path}.column"), "column is the key of a column", "write column: followed by a column's key");
                            None
                        }
                    },
                    (None, Some(Value::Sequence(children))) => {
                        let Some(label) = text("label").map(str::trim).filter(|l| !l.is_empty()) else {
                            self.found.error(path, "a group of the header has no label", "write label: followed by the group's text");
                            return None;
                        };
                        if children.is_empty() {
                            self.found.error(&format!("{path}.children"), format!("the group {label} has no children"), "list its labels, or make it a leaf with column:");
                        }
                        if depth >= MAX_HEADER_ROWS && !children.is_empty() {
                            self.found.error(path, format!("the header is deeper than {MAX_HEADER_ROWS} rows"), "flatten a level of the tree");
                            return None;
                        }
                        let kids: Vec<HeaderNode> = children
                            .iter()
                            .enumerate()
                            .filter_map(|(i, c)| self.node(&format!("{path}.children[{i}]"), c, columns, seen, depth + 1))
                            .collect();
                        let key = text("key").map(str::trim).filter(|k| !k.is_empty()).unwrap_or(label);
                        Some(HeaderNode { key: key.to_string(), label: label.to_string(), column: None, children: kids })
                    }
                    (None, Some(_)) => {
                        self.found.error(&format!("{path}.children"), "children is a list of header labels", "write children: [ … ] with the keys of columns or further groups");
                        None
                    }
                    (None, None) => {
                        self.found.error(path, "a header label has neither column nor children", "a leaf names a column (column: <key>, or just the key); a group has children");
                        None
                    }
                }
            }
            _ => {
                self.found.error(path, "a header label is a column's key or a mapping", "write a column's key, or { column: <key>, label: <text> }, or { label: <text>, children: [ … ] }");
                None
            }
        }
    }

    fn title_fields(&mut self, path: &str, title: &str) {
        if title.trim().is_empty() {
            self.found.error(path, "the table has no title", "write its title, e.g. 行政许可实施情况统计表");
        }
        let mut rest = title;
        while let Some(i) = rest.find('{') {
            let tail = &rest[i..];
            if tail.starts_with("{{") {
                rest = &tail[2..];
                continue;
            }
            let Some(end) = tail.find('}') else {
                self.found.error(path, "the title has a { with no }", "write {{ for a brace, or close the field: {年度}");
                return;
            };
            let field = &tail[1..end];
            if !TITLE_FIELDS.contains(&field) {
                self.found.error(path, format!("the title uses {{{field}}}, which is not a field"), "a title may use {机关} (the agency) and {年度} (the year)");
            }
            rest = &tail[end + 1..];
        }
    }
}

fn keys(columns: &[Column]) -> String {
    columns.iter().map(|c| c.key.as_str()).collect::<Vec<_>>().join("；")
}

/// Puts the columns in the order of the header's leaves, renumbering the
/// leaves' and totals' column indexes.
fn reorder(columns: Vec<Column>, mut header: Vec<HeaderNode>, order: &[usize]) -> (Vec<Column>, Vec<HeaderNode>, Vec<crate::HeaderCell>) {
    let mut new_index = vec![0; columns.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut cols: Vec<Column> = order.iter().map(|&i| columns[i].clone()).collect();
    for c in &mut cols {
        if let Some(of) = &mut c.total_of {
            for k in of.iter_mut() {
                *k = new_index[*k];
            }
            of.sort_unstable();
        }
    }
    fn renumber(n: &mut HeaderNode, map: &[usize]) {
        if let Some(c) = &mut n.column {
            *c = map[*c];
        }
        n.children.iter_mut().for_each(|c| renumber(c, map));
    }
    header.iter_mut().for_each(|n| renumber(n, &new_index));
    let (grid, _) = grid::compute(&header);
    (cols, header, grid)
}
