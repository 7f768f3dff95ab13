//! Reading a template file: YAML → checked [`Template`], every problem a
//! located [`Diagnostic`], all of them reported in one run.

use std::collections::BTreeSet;
use std::path::Path;

use er_i18n::t;
use er_source::{read, Diagnostic, Findings, Index};
use serde::Deserialize;
use serde_yaml::Value;

use crate::{grid, Column, HeaderNode, Kind, Notes, NotesPlacement, Part, Rate, Rounding, TableDef, Template, Unit, MAX_COLUMNS, MAX_HEADER_ROWS, PATH_SEPARATOR, TITLE_FIELDS};

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
    fixed_decimals: Option<bool>,
    #[serde(default)]
    total_of: Option<Vec<String>>,
    #[serde(default)]
    rate: Option<RawRate>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRate {
    part: String,
    whole: String,
    #[serde(default)]
    rounding: Option<String>,
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
    // A folder, a FIFO or a device is there but no file: load_file says so.
    if !path.exists() {
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
        return Err(vec![Diagnostic::error(name, None, "", t!("tpl-empty"))
            .with_help(t!("help-tpl-empty"))]);
    }
    let index = Index::build(text);
    if let Some(d) = read::duplicates(&index, name) {
        return Err(vec![d]);
    }
    let structure = read::structure(&index, name);
    if !structure.is_empty() {
        return Err(structure);
    }
    // A file that is no template at all (a data file's `template:` may
    // name any file) is said to be none, and nothing of it is quoted.
    let is_template = match serde_yaml::from_str::<Value>(text) {
        Ok(Value::Mapping(m)) => m.contains_key("tables") || m.contains_key("name"),
        _ => false,
    };
    if !is_template {
        return Err(vec![Diagnostic::error(name, None, "", t!("tpl-not-a-template")).with_help(t!("help-tpl-not-a-template"))]);
    }
    let raw: RawTemplate = serde_yaml::from_str(text)
        .map_err(|e| vec![read::serde_error(&e, name, &index, &t!("tpl-root-expected"))])?;
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
            self.found.error("name", t!("tpl-no-name"), t!("help-tpl-no-name"));
        }
        let parts = self.parts(raw.parts.as_deref());
        if raw.tables.is_empty() {
            self.found.error("tables", t!("tpl-no-table"), t!("help-tpl-no-table"));
        }
        let mut labels = BTreeSet::new();
        let mut tables = Vec::new();
        for (i, t) in raw.tables.into_iter().enumerate() {
            let path = format!("tables[{i}]");
            if t.label.trim().is_empty() {
                self.found.error(&format!("{path}.label"), t!("tpl-no-label"), t!("help-tpl-no-label"));
            } else if !labels.insert(t.label.trim().to_string()) {
                self.found.error(&format!("{path}.label"), t!("tpl-label-twice", label = t.label.trim()), t!("help-tpl-label-twice"));
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
                self.found.error(&format!("parts[{i}]"), t!("tpl-not-part", part = raw[i]), t!("help-tpl-not-part"));
            }
        }
        match parsed.as_slice() {
            [Some(a), Some(b)] if a != b => [*a, *b],
            _ => {
                if parsed.iter().all(Option::is_some) {
                    self.found.error("parts", t!("tpl-parts"), t!("help-tpl-parts"));
                }
                [Part::Narrative, Part::Statistics]
            }
        }
    }

    fn table(&mut self, path: &str, t: RawTable) -> TableDef {
        let label = t.label.trim().to_string();
        self.title_fields(&format!("{path}.title"), &t.title);
        if t.columns.is_empty() {
            self.found.error(&format!("{path}.columns"), t!("tpl-no-column", table = label), t!("help-tpl-no-column"));
        }
        if t.columns.len() > MAX_COLUMNS {
            self.found.error(
                &format!("{path}.columns"),
                t!("tpl-too-many-columns", table = label, n = t.columns.len(), max = MAX_COLUMNS),
                t!("help-tpl-too-many-columns"),
            );
            // Nothing more is checked of a table far too wide: its columns'
            // checks compare each with all others.
            if t.columns.len() > 10 * MAX_COLUMNS {
                return TableDef {
                    label,
                    title: t.title.trim().to_string(),
                    columns: Vec::new(),
                    header: Vec::new(),
                    grid: Vec::new(),
                    header_rows: 0,
                    notes: Notes { heading: default_notes_heading(), items: Vec::new(), placement: NotesPlacement::Table },
                };
            }
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
                self.found.error(&format!("{cp}.key"), t!("tpl-column-no-key"), t!("help-tpl-column-no-key"));
            } else if columns.iter().any(|o| o.key == key) {
                self.found.error(&format!("{cp}.key"), t!("tpl-key-twice", table = label, key = key), t!("help-tpl-key-twice"));
            }
            let unit = Unit::parse(&c.unit);
            if unit.is_none() {
                sound[i] = false;
                self.found.error(&format!("{cp}.unit"), t!("tpl-not-unit", unit = c.unit), t!("help-tpl-units", units = Unit::list()));
            }
            let kind = match c.kind.as_deref().map(str::trim) {
                None => unit.map_or(Kind::Count, Unit::kind),
                Some("count") => Kind::Count,
                Some("amount") => Kind::Amount,
                Some(other) => {
                    sound[i] = false;
                    self.found.error(&format!("{cp}.kind"), t!("tpl-not-kind", kind = other), t!("help-tpl-not-kind"));
                    Kind::Count
                }
            };
            if let Some(u) = unit.filter(|u| u.kind() != kind) {
                sound[i] = false;
                self.found.error(
                    &format!("{cp}.unit"),
                    t!("tpl-kind-unit", kind = kind.name(), unit = u),
                    match kind {
                        Kind::Count => t!("help-tpl-count-units"),
                        Kind::Amount => t!("help-tpl-amount-units"),
                    },
                );
            }
            let unit = unit.unwrap_or(Unit::宗);
            let decimals = match (kind, c.decimals) {
                (Kind::Count, Some(d)) if d > 0 => {
                    self.found.error(&format!("{cp}.decimals"), t!("tpl-count-decimals", key = key), t!("help-tpl-count-decimals"));
                    0
                }
                (Kind::Amount, Some(d)) if d > 10 => {
                    self.found.error(&format!("{cp}.decimals"), t!("tpl-decimals", n = d), t!("help-tpl-decimals"));
                    10
                }
                (_, Some(d)) => d,
                (_, None) => unit.default_decimals(),
            };
            let fixed_decimals = c.fixed_decimals.unwrap_or(false);
            columns.push(Column { key, label: c.key.trim().to_string(), kind, unit, decimals, fixed_decimals, total_of: None, rate: None, path: Vec::new() });
        }
        // Totals name other columns of the same kind and unit.
        for (i, c) in t.columns.iter().enumerate() {
            let Some(parts) = &c.total_of else { continue };
            let cp = format!("{path}.columns[{i}].total_of");
            let me = columns[i].key.clone();
            if parts.is_empty() {
                self.found.error(&cp, t!("tpl-total-none", total = me), t!("help-tpl-total-none"));
                continue;
            }
            let mut of = Vec::new();
            for (j, p) in parts.iter().enumerate() {
                let pp = format!("{cp}[{j}]");
                let p = p.trim();
                match columns.iter().position(|o| o.key == p) {
                    None => self.found.error(&pp, t!("tpl-total-unknown", total = me, part = p, table = label), t!("help-tpl-columns", table = label, keys = keys(&columns))),
                    Some(k) if k == i => self.found.error(&pp, t!("tpl-total-itself", total = me), t!("help-tpl-total-itself")),
                    Some(k) if of.contains(&k) => self.found.error(&pp, t!("tpl-total-twice", total = me, part = p), t!("help-tpl-total-twice")),
                    Some(k) if t.columns[k].total_of.is_some() => {
                        self.found.error(&pp, t!("tpl-total-of-total", total = me, part = p), t!("help-tpl-total-of-total"))
                    }
                    Some(k) if sound[k] && sound[i] && (columns[k].kind, columns[k].unit) != (columns[i].kind, columns[i].unit) => self.found.error(
                        &pp,
                        t!("tpl-total-units", total = me, unit = columns[i].unit, part = p, part_unit = columns[k].unit),
                        t!("help-tpl-total-units"),
                    ),
                    Some(k) => of.push(k),
                }
            }
            // A percentage is no quantity: a sum of percentages means nothing.
            if sound[i] && columns[i].unit == Unit::Percent {
                self.found.error(&cp, t!("tpl-total-percent", total = me), t!("help-tpl-total-percent"));
            }
            columns[i].total_of = Some(of);
        }
        // Rates name two other columns of one unit, neither of them a rate.
        for (i, c) in t.columns.iter().enumerate() {
            let Some(rate) = &c.rate else { continue };
            let rp = format!("{path}.columns[{i}].rate");
            let me = columns[i].key.clone();
            if c.total_of.is_some() {
                self.found.error(&rp, t!("tpl-rate-and-total", key = me), t!("help-tpl-rate-and-total"));
                continue;
            }
            if sound[i] && columns[i].unit != Unit::Percent {
                self.found.error(&format!("{path}.columns[{i}].unit"), t!("tpl-rate-unit", key = me, unit = columns[i].unit), t!("help-tpl-rate-unit"));
            }
            let rounding = match rate.rounding.as_deref() {
                None => Rounding::HalfUp,
                Some(r) => Rounding::parse(r).unwrap_or_else(|| {
                    self.found.error(&format!("{rp}.rounding"), t!("tpl-rate-rounding", value = r), t!("help-tpl-rate-rounding"));
                    Rounding::HalfUp
                }),
            };
            let mut find = |field: &str, name: &str| -> Option<usize> {
                let fp = format!("{rp}.{field}");
                let name = name.trim();
                match columns.iter().position(|o| o.key == name) {
                    None => {
                        self.found.error(&fp, t!("tpl-rate-unknown", rate = me, part = name, table = label), t!("help-tpl-columns", table = label, keys = keys(&columns)));
                        None
                    }
                    Some(k) if k == i => {
                        self.found.error(&fp, t!("tpl-rate-itself", rate = me), t!("help-tpl-rate-parts"));
                        None
                    }
                    Some(k) if t.columns[k].rate.is_some() || columns[k].unit == Unit::Percent => {
                        self.found.error(&fp, t!("tpl-rate-of-rate", rate = me, part = name), t!("help-tpl-rate-parts"));
                        None
                    }
                    Some(k) => Some(k),
                }
            };
            let (part, whole) = (find("part", &rate.part), find("whole", &rate.whole));
            if let (Some(p), Some(w)) = (part, whole) {
                if p == w {
                    self.found.error(&format!("{rp}.whole"), t!("tpl-rate-same", rate = me, part = columns[p].key.clone()), t!("help-tpl-rate-parts"));
                } else if (columns[p].kind, columns[p].unit) != (columns[w].kind, columns[w].unit) {
                    self.found.error(
                        &format!("{rp}.whole"),
                        t!("tpl-rate-units", rate = me, part = columns[p].key.clone(), part_unit = columns[p].unit, whole = columns[w].key.clone(), whole_unit = columns[w].unit),
                        t!("help-tpl-rate-parts"),
                    );
                } else {
                    columns[i].rate = Some(Rate { part: p, whole: w, rounding });
                }
            }
        }
        // The header tree: its leaves are the columns, each once.
        let mut seen = vec![0usize; columns.len()];
        let mut header = Vec::new();
        if t.header.is_empty() {
            self.found.error(&format!("{path}.header"), t!("tpl-no-header", table = label), t!("help-tpl-no-header"));
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
                    t!("tpl-column-not-in-header", key = columns[i].key, table = label),
                    t!("help-tpl-header-leaves"),
                ),
                1 => {}
                _ => self.found.error(
                    &format!("{path}.header"),
                    t!("tpl-column-in-header-times", key = columns[i].key, table = label, n = n),
                    t!("help-tpl-header-leaves"),
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
            self.found.error(&format!("{path}.header"), t!("tpl-header-deep", table = label, rows = header_rows, max = MAX_HEADER_ROWS), t!("help-tpl-header-deep"));
        }
        let mut label_keys = BTreeSet::new();
        for c in &grid {
            if !label_keys.insert(c.key.clone()) {
                self.found.error(
                    &format!("{path}.header"),
                    t!("tpl-header-key-twice", table = label, key = c.key),
                    t!("help-tpl-header-key-twice"),
                );
            }
        }
        let (mut columns, header, grid) = if ok { reorder(columns, header, &order) } else { (columns, header, grid) };
        // Each figure's header path, and no two alike: the path names the
        // figure in the data sheet, the CSV and `diff`.
        fn paths(n: &HeaderNode, above: &mut Vec<String>, columns: &mut [Column]) {
            above.push(n.label.trim().to_string());
            match n.column {
                Some(c) => {
                    if let Some(col) = columns.get_mut(c) {
                        col.path = above.clone();
                    }
                }
                None => n.children.iter().for_each(|k| paths(k, above, columns)),
            }
            above.pop();
        }
        header.iter().for_each(|n| paths(n, &mut Vec::new(), &mut columns));
        let mut seen_paths = BTreeSet::new();
        for c in &columns {
            let p = c.path.join(PATH_SEPARATOR);
            if !c.path.is_empty() && !seen_paths.insert(p.clone()) {
                self.found.error(&format!("{path}.header"), t!("tpl-path-twice", table = label, path = p), t!("help-tpl-path-twice"));
            }
        }
        let placement = match t.notes.as_ref().and_then(|n| n.placement.as_deref()).map(str::trim) {
            None | Some("table") => NotesPlacement::Table,
            Some("end") => NotesPlacement::End,
            Some("before") => NotesPlacement::Before,
            Some(other) => {
                self.found.error(&format!("{path}.notes.placement"), t!("tpl-notes-placement", value = other), t!("help-tpl-notes-placement"));
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
                    cx.found.error(path, t!("tpl-header-not-column", key = key), t!("help-tpl-columns-all", keys = keys(columns)));
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
                        self.found.error(&format!("{path}.{k}"), t!("tpl-header-unknown-field", field = k), t!("help-tpl-header-fields"));
                    }
                }
                let text = |k: &str| get(k).and_then(Value::as_str);
                match (get("column"), get("children")) {
                    (Some(_), Some(_)) => {
                        self.found.error(path, t!("tpl-header-both"), t!("help-tpl-header-both"));
                        None
                    }
                    (Some(c), None) => match c.as_str() {
                        Some(c) => {
                            if get("key").is_some() {
                                self.found.error(&format!("{path}.key"), t!("tpl-leaf-key"), t!("help-tpl-leaf-key"));
                            }
                            leaf(self, c, text("label"), columns, seen)
                        }
                        None => {
                            self.found.error(&format!("{path}.column"), t!("tpl-column-text"), t!("help-tpl-column-text"));
                            None
                        }
                    },
                    (None, Some(Value::Sequence(children))) => {
                        let Some(label) = text("label").map(str::trim).filter(|l| !l.is_empty()) else {
                            self.found.error(path, t!("tpl-group-no-label"), t!("help-tpl-group-no-label"));
                            return None;
                        };
                        if children.is_empty() {
                            self.found.error(&format!("{path}.children"), t!("tpl-group-no-children", group = label), t!("help-tpl-group-no-children"));
                        }
                        if depth >= MAX_HEADER_ROWS && !children.is_empty() {
                            self.found.error(path, t!("tpl-header-deeper", max = MAX_HEADER_ROWS), t!("help-tpl-header-deep"));
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
                        self.found.error(&format!("{path}.children"), t!("tpl-children-list"), t!("help-tpl-children-list"));
                        None
                    }
                    (None, None) => {
                        self.found.error(path, t!("tpl-header-neither"), t!("help-tpl-header-neither"));
                        None
                    }
                }
            }
            _ => {
                self.found.error(path, t!("tpl-header-form"), t!("help-tpl-header-form"));
                None
            }
        }
    }

    fn title_fields(&mut self, path: &str, title: &str) {
        if title.trim().is_empty() {
            self.found.error(path, t!("tpl-no-title"), t!("help-tpl-no-title"));
        }
        let mut rest = title;
        while let Some(i) = rest.find('{') {
            let tail = &rest[i..];
            if tail.starts_with("{{") {
                rest = &tail[2..];
                continue;
            }
            let Some(end) = tail.find('}') else {
                self.found.error(path, t!("tpl-title-open-brace"), t!("help-tpl-title-open-brace"));
                return;
            };
            let field = &tail[1..end];
            if !TITLE_FIELDS.contains(&field) {
                self.found.error(path, t!("tpl-title-field", field = format!("{{{field}}}")), t!("help-tpl-title-field"));
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
        if let Some(r) = &mut c.rate {
            r.part = new_index[r.part];
            r.whole = new_index[r.whole];
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
