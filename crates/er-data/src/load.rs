//! Reading a data file: bytes → text → YAML → the template it names →
//! [`Report`], every failure a [`Diagnostic`] with its file, line and column.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use er_i18n::t;
use er_source::{read, Diagnostic, Findings, Index, Loc};
use er_template::{Kind, Part, Template, Unresolved};
use serde::Deserialize;
use serde_yaml::Value;

use crate::date::Date;
use crate::figures::{parse_decimal, AmountCell, AmountSource, Count, Figure, FigureValue};
use crate::report::{Block, Narrative, Report, TableData};

pub use er_source::read::MAX_FILE_BYTES;

/// A loaded report with what is needed to locate its fields.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub report: Report,
    pub index: Index,
    /// The file name as given, for messages.
    pub file: String,
    /// The report date still carries `init`'s placeholder mark: it is no
    /// date anyone signed.
    pub placeholder_date: bool,
}

impl Loaded {
    /// The line and column of a field path, or of its nearest parent.
    pub fn locate(&self, path: &str) -> Option<Loc> {
        self.index.locate(path)
    }
}

/// Why a data file could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The file cannot be read or is not YAML text (exit code 2).
    Unreadable(Diagnostic),
    /// The file is YAML but not a valid report (exit code 1).
    Invalid(Vec<Diagnostic>),
}

impl LoadError {
    /// The findings, in file order.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            LoadError::Unreadable(d) => std::slice::from_ref(d),
            LoadError::Invalid(ds) => ds,
        }
    }

    /// The process exit code this error calls for.
    pub fn exit_code(&self) -> i32 {
        match self {
            LoadError::Unreadable(_) => 2,
            LoadError::Invalid(_) => 1,
        }
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, d) in self.diagnostics().iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// Reads and loads a data file; a template named by path is found
/// relative to the data file's folder.
pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    let name = path.display().to_string();
    let bytes = read::file(path, read::FileKind::Data).map_err(LoadError::Unreadable)?;
    let text = read::text(&bytes, &name).map_err(LoadError::Unreadable)?;
    load_in(text, &name, path.parent())
}

/// Loads a data file's bytes; `name` is used in messages.
///
/// ```
/// let src = std::fs::read("../../fixtures/aral-emergency-2024.yaml").unwrap();
/// let loaded = er_data::load_bytes(&src, "aral.yaml").unwrap();
/// assert_eq!(loaded.report.year, 2024);
/// assert_eq!(loaded.report.template.name, "bingtuan-2024");
/// ```
pub fn load_bytes(bytes: &[u8], name: &str) -> Result<Loaded, LoadError> {
    let text = read::text(bytes, name).map_err(LoadError::Unreadable)?;
    load_str(text, name)
}

/// Loads a data file's text; a template path is taken from the working folder.
pub fn load_str(text: &str, name: &str) -> Result<Loaded, LoadError> {
    load_in(text, name, None)
}

#[derive(Deserialize)]
#[cfg_attr(test, derive(Debug))]
#[serde(deny_unknown_fields)]
struct RawReport {
    #[serde(default)]
    template: Option<String>,
    agency: String,
    year: u16,
    report_date: Date,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    signature: Option<String>,
    part1: RawPart,
    part2: RawPart,
    tables: BTreeMap<String, BTreeMap<String, Value>>,
    #[serde(default)]
    previous_year: BTreeMap<String, BTreeMap<String, AmountCell>>,
}

#[derive(Deserialize)]
#[cfg_attr(test, derive(Debug))]
#[serde(deny_unknown_fields)]
struct RawPart {
    heading: String,
    #[serde(default)]
    blocks: Option<Vec<Block>>,
}

/// The keys of a table that are not figures.
pub(crate) const LABELS: &str = "标签";
const TITLE: &str = "标题";
const NOTES: &str = "说明";

/// Loads a data file's text, with `base` the folder a template path is relative to.
pub fn load_in(text: &str, name: &str, base: Option<&Path>) -> Result<Loaded, LoadError> {
    load_with(text, name, base, true)
}

/// [`load_in`], with the scan's values used (`one_scan`) or serde_yaml
/// reading the text always, as before them: the tests compare the two.
fn load_with(text: &str, name: &str, base: Option<&Path>, one_scan: bool) -> Result<Loaded, LoadError> {
    if let Some(d) = read::forbidden_characters(text, name) {
        return Err(LoadError::Invalid(vec![d]));
    }
    // An input method's typos first: the parser would stop a line later
    // and speak of YAML.
    let typos = read::ime_typos(text, name);
    if !typos.is_empty() {
        return Err(LoadError::Invalid(typos));
    }
    // One scan checks the syntax, indexes where each value stands and,
    // where it can type them exactly as serde_yaml would, reads the values.
    let (index, values, error) = Index::scan(text);
    if let Some(e) = error {
        return Err(LoadError::Unreadable(read::syntax_error(&e, text, name)));
    }
    if !read::has_content(text) {
        return Err(LoadError::Invalid(vec![Diagnostic::error(name, None, "", t!("load-empty"))
            .with_help(t!("help-load-empty"))]));
    }
    if let Some(d) = read::duplicates(&index, name) {
        return Err(LoadError::Invalid(vec![d]));
    }
    let structure = read::structure(&index, name);
    if !structure.is_empty() {
        return Err(LoadError::Invalid(structure));
    }
    let raw = match values.filter(|_| one_scan).and_then(|v| serde_yaml::from_value::<RawReport>(v).ok()) {
        Some(raw) => raw,
        // Values the scan left to serde_yaml, or that are no report:
        // serde_yaml reads the text, for its own typing and its located
        // message.
        None => serde_yaml::from_str(text).map_err(|e| {
            LoadError::Invalid(vec![read::serde_error(
                &e,
                name,
                &index,
                &t!("load-root-expected"),
            )])
        })?,
    };
    let template = resolve_template(raw.template.as_deref(), name, &index, base)?;
    let mut cx = Cx { found: Findings::new(name, &index) };
    let (narrative, statistics_heading) = cx.parts(&template, raw.part1, raw.part2);
    let tables = cx.tables(&template, raw.tables);
    let previous_year = raw.previous_year;
    cx.previous_floats(&previous_year);
    cx.found.list.extend(read::control_characters(&index, name, &|path| {
        // A title may give its own line breaks (GB/T 9704 §7.3.1).
        path == "title" || (path.starts_with("tables.") && path.ends_with(".标题"))
    }));
    if !cx.found.list.is_empty() {
        return Err(LoadError::Invalid(cx.found.list));
    }
    let report = Report {
        template,
        template_ref: raw.template,
        agency: raw.agency,
        year: raw.year,
        report_date: raw.report_date,
        title: raw.title,
        signature: raw.signature,
        narrative,
        statistics_heading,
        tables,
        previous_year,
    };
    // init writes the report date with a mark after it (`# 占位 …`); while
    // the mark is there the date is a placeholder.
    let placeholder_date = index
        .locate("report_date")
        .and_then(|loc| text.lines().nth(loc.line.saturating_sub(1)))
        .and_then(|line| line.split_once('#'))
        .is_some_and(|(_, comment)| comment.trim_start().starts_with(crate::init::PLACEHOLDER));
    Ok(Loaded { report, index, file: name.to_string(), placeholder_date })
}

/// The template a data file names: a built-in one by name, or a file by
/// path (with a / or a .yaml ending); the default when it names none.
fn resolve_template(named: Option<&str>, file: &str, index: &Index, base: Option<&Path>) -> Result<Arc<Template>, LoadError> {
    let Some(named) = named.map(str::trim) else {
        return Ok(er_template::builtin::default_shared().clone());
    };
    let at = |message: String, help: String| Diagnostic::error(file, index.locate("template"), "template", message).with_help(help);
    er_template::resolve(named, base).map_err(|e| {
        LoadError::Invalid(match e {
            Unresolved::NoSuchBuiltin => vec![at(
                t!("msg-no-builtin-template", name = named),
                t!("help-load-builtin-templates", names = er_template::builtin::names()),
            )],
            Unresolved::NoFile(path) => vec![at(
                t!("load-template-missing", file = path.display()),
                t!("help-load-template-missing"),
            )],
            Unresolved::Invalid(path, mut ds) => {
                ds.push(at(
                    t!("load-template-errors", file = path.display()),
                    t!("help-load-template-errors"),
                ));
                ds
            }
        })
    })
}

struct Cx<'a> {
    found: Findings<'a>,
}

impl Cx<'_> {
    /// part1 and part2 in the template's order: the narrative part has
    /// blocks, the statistics part only its heading.
    fn parts(&mut self, t: &Template, p1: RawPart, p2: RawPart) -> (Narrative, String) {
        let mut narrative = Narrative { heading: String::new(), blocks: Vec::new() };
        let mut statistics = String::new();
        for (i, (raw, part)) in [p1, p2].into_iter().zip(t.parts).enumerate() {
            let path = format!("part{}", i + 1);
            match (part, raw.blocks) {
                (Part::Narrative, Some(blocks)) => narrative = Narrative { heading: raw.heading, blocks },
                (Part::Narrative, None) => {
                    self.found.error(&path, t!("load-missing-blocks", part = path, template = t.name), t!("help-load-missing-blocks"));
                }
                (Part::Statistics, Some(_)) => {
                    self.found.error(
                        &format!("{path}.blocks"),
                        t!("load-blocks-in-statistics", part = path, template = t.name),
                        t!("help-load-blocks-in-statistics", part = format!("part{}", 2 - i)),
                    );
                }
                (Part::Statistics, None) => statistics = raw.heading,
            }
        }
        (narrative, statistics)
    }

    /// The tables, read against the template.
    fn tables(&mut self, t: &Template, raw: BTreeMap<String, BTreeMap<String, Value>>) -> Vec<TableData> {
        // A misspelled table label (表儿 for 表二) is said once, at the
        // label, with the table it most likely stands for.
        let mut suggested: Vec<&str> = Vec::new();
        for label in raw.keys() {
            if t.table(label).is_none() {
                let missing = t.tables.iter().map(|d| d.label.as_str()).filter(|l| !raw.contains_key(*l));
                let message = match er_source::suggest::closest(label, missing) {
                    Some(s) => {
                        suggested.push(s);
                        t!("check-no-table-suggest", template = t.name, table = label, suggestion = s)
                    }
                    None => t!("check-no-table", template = t.name, table = label),
                };
                self.found.key_error(&format!("tables.{label}"), message, t!("help-check-tables", template = t.name, tables = t.table_labels()));
            }
        }
        let mut out = Vec::new();
        for def in &t.tables {
            let mut data = TableData { given: vec![None; def.columns.len()], ..TableData::default() };
            let path = format!("tables.{}", def.label);
            let Some(cells) = raw.get(&def.label) else {
                if suggested.contains(&def.label.as_str()) {
                    out.push(data);
                    continue;
                }
                self.found.error(
                    "tables",
                    t!("load-missing-table", table = def.label, template = t.name, tables = t.table_labels()),
                    t!("help-load-missing-table", table = def.label, keys = def.figure_keys()),
                );
                out.push(data);
                continue;
            };
            // The figure keys a misspelled key was taken for.
            let mut suggested: Vec<String> = Vec::new();
            for (key, v) in cells {
                let p = format!("{path}.{key}");
                match key.as_str() {
                    LABELS => match serde_yaml::from_value::<BTreeMap<String, String>>(v.clone()) {
                        Ok(m) => data.labels = m,
                        Err(e) => {
                            let example = def.grid.first().map_or("", |h| h.key.as_str());
                            self.found.error(&p, read::serde_message(&e.to_string()), t!("help-load-labels", example = format!("标签: {{ {example}: … }}")))
                        }
                    },
                    TITLE => match serde_yaml::from_value::<String>(v.clone()) {
                        Ok(s) => data.title = Some(s),
                        Err(e) => self.found.error(&p, read::serde_message(&e.to_string()), t!("help-load-title")),
                    },
                    NOTES => match serde_yaml::from_value::<Vec<String>>(v.clone()) {
                        Ok(n) => data.notes = Some(n),
                        Err(e) => {
                            // Name the item that is wrong, not only the list.
                            let item = v.as_sequence().and_then(|s| s.iter().position(|x| !x.is_string()));
                            let p = item.map_or(p.clone(), |i| format!("{p}[{i}]"));
                            self.found.error(&p, read::serde_message(&e.to_string()), t!("help-load-notes"))
                        }
                    },
                    _ => match def.column(key) {
                        // A misspelled figure key, a character off: said once,
                        // here, with the key it most likely stands for.
                        None => match er_source::suggest::closest(key, def.columns.iter().map(|c| c.key.as_str())) {
                            Some(s) => {
                                suggested.push(s.to_string());
                                self.found.key_error(
                                    &p,
                                    t!("load-unknown-figure-suggest", key = key, table = def.label, suggestion = s),
                                    t!("help-load-unknown-figure", table = def.label, keys = def.figure_keys()),
                                )
                            }
                            None => self.found.key_error(
                                &p,
                                t!("load-unknown-figure", key = key, table = def.label),
                                t!("help-load-unknown-figure", table = def.label, keys = def.figure_keys()),
                            ),
                        },
                        Some(c) => data.given[c] = self.figure(&p, key, def.columns[c].kind, v),
                    },
                }
            }
            for (c, col) in def.columns.iter().enumerate() {
                // A figure given but wrong, or misspelled, has its own error already.
                let written = self.found.index.get(&format!("{path}.{}", col.key)).is_some() || suggested.contains(&col.key);
                if data.given[c].is_none() && col.total_of.is_none() && col.rate.is_none() && !written {
                    self.found.error(
                        &path,
                        t!("load-missing-figure", key = col.key, table = def.label),
                        t!("help-load-missing-figure"),
                    );
                }
            }
            out.push(data);
        }
        out
    }

    /// One figure, read as its column's kind.
    fn figure(&mut self, path: &str, key: &str, kind: Kind, v: &Value) -> Option<FigureValue> {
        // Digits typed with a Chinese input method in full width: ２７.
        if let Some(s) = self.found.index.get(path).and_then(|n| n.scalar.as_ref()) {
            let t = s.text.trim();
            if t.chars().any(|c| ('\u{FF10}'..='\u{FF19}').contains(&c)) {
                let ascii: String = t.chars().map(half_width).collect();
                self.found.error(
                    path,
                    t!("load-full-width", figure = t),
                    t!("help-load-full-width", key = key, figure = ascii),
                );
                return None;
            }
        }
        // What YAML would read as a number nobody meant: 0x1A is 26, and an
        // empty value would be the blank of "no such power".
        if let Some(s) = self.found.index.get(path).and_then(|n| n.scalar.as_ref()).filter(|s| s.plain) {
            let t = s.text.trim();
            if t.is_empty() {
                self.found.key_error(path, t!("load-figure-empty", key = key), t!("help-load-figure-empty"));
                return None;
            }
            let digits = t.trim_start_matches(['+', '-']);
            if digits.len() > 1 && digits.starts_with('0') && digits[1..].starts_with(['x', 'X', 'o', 'O', 'b', 'B']) {
                self.found.error(path, t!("load-base", figure = t), t!("help-load-base"));
                return None;
            }
            let number = t.parse::<f64>().is_ok_and(f64::is_finite);
            if number && t.contains(['e', 'E']) {
                let decimal = rust_decimal::Decimal::from_scientific(t).map(|d| d.normalize().to_string()).unwrap_or_else(|_| "1000".into());
                self.found.error(path, t!("load-exponent", figure = t), t!("help-load-exponent", key = key, figure = decimal));
                return None;
            }
            let whole = t.split('.').next().unwrap_or(t);
            if number && kind == Kind::Count && t.contains('.') && t[whole.len() + 1..].chars().all(|c| c == '0') {
                self.found.error(
                    path,
                    t!("load-count-point", figure = t, key = key),
                    t!("help-load-count-point", key = key, figure = whole),
                );
                return None;
            }
        }
        match kind {
            Kind::Count => match serde_yaml::from_value::<Figure<Count>>(v.clone()) {
                Ok(f) => Some(FigureValue::Count(f)),
                Err(e) => {
                    self.found.error(path, read::serde_message(&e.to_string()), t!("help-load-count"));
                    None
                }
            },
            Kind::Amount => match serde_yaml::from_value::<AmountCell>(v.clone()) {
                Ok(cell) => {
                    self.float_amount(path, key, cell);
                    Some(FigureValue::Amount(cell.figure))
                }
                Err(e) => {
                    self.found.error(path, read::serde_message(&e.to_string()), t!("help-load-amount"));
                    None
                }
            },
        }
    }

    /// An amount written as a plain YAML number reaches us as an f64;
    /// refuse it when that f64 lost a digit of what was written.
    fn float_amount(&mut self, path: &str, key: &str, cell: AmountCell) {
        let Figure::Value(read) = cell.figure else { return };
        if cell.source != AmountSource::Float {
            return;
        }
        let node = self.found.index.get(path);
        let written = node.and_then(|n| n.scalar.as_ref()).map(|s| s.text.clone()).unwrap_or_default();
        if parse_decimal(&written).is_ok_and(|d| d == read.0) {
            return;
        }
        self.found.error(
            path,
            t!("load-float", figure = written, read = read),
            t!("help-load-float", key = key, figure = written),
        );
    }

    fn previous_floats(&mut self, previous: &BTreeMap<String, BTreeMap<String, AmountCell>>) {
        for (label, figures) in previous {
            for (key, cell) in figures {
                self.float_amount(&format!("previous_year.{label}.{key}"), key, *cell);
            }
        }
    }
}

/// The half-width form of a full-width character (０ → 0, ． → .), and the
/// ideographic full stop of a figure typed in Chinese (１２。５) as a point.
fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '。' => '.',
        '\u{3000}' => ' ',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pieces of YAML where its readers may part ways: indicators, quotes,
    /// tags, anchors, block scalars, numbers' spellings, directives and
    /// document markers, tabs and other breaks and spaces.
    const PIECES: &[&str] = &[
            " ", "\n", ":", "- ", "'", "\"", "#", "{", "}", "[", "]", ",", "&a ", "*a", "!!str ", "|", ">", "0", "1", "x", "0x", ".", "-", "+",
            "~", "\t", "\\", "e", "null", "true", "年", "  ", "? ", "---\n", "%YAML 1.2\n", "\r\n", "1.5", "09", "\u{2028}", "\u{2029}",
            "\u{feff}", "...\n", "|-\n  ", ">+\n  ", "|2\n   ", "\"\\u4e00\"", "\\x41", "\r", "\n\n", "'a\n b'", "[a,\n b]", "{a: 1,\n b: 2}",
            "\"a\n  b\"", "\\\n", "\u{a0}", "\u{3000}", " #", "@", "`", "%", "!", "<<: ", "=", "2e-1", "-.inf", "0o7",
    ];

    /// Loading with the scan's values gives what serde_yaml reading the
    /// text gives, report or findings, for every data file of the
    /// repository (the bad inputs among them) and the reference fixture with
    /// each of a spread of its values replaced by scalars YAML types in
    /// different ways, pieces of YAML put in, and random edits.
    #[test]
    fn one_scan_reads_every_report_as_serde_yaml_reads_its_text() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut texts: Vec<(String, String)> = Vec::new();
        for dir in ["fixtures", "tests/bad-input", "tests/characters", "tests/templates", "tests/typesetting"] {
            let mut files: Vec<_> = std::fs::read_dir(root.join(dir)).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "yaml")).collect();
            files.sort();
            for f in files {
                if let Ok(text) = std::fs::read_to_string(&f) {
                    texts.push((f.display().to_string(), text));
                }
            }
        }
        let reference = std::fs::read_to_string(root.join("fixtures/aral-emergency-2024.yaml")).unwrap();
        let lines: Vec<&str> = reference.lines().collect();
        let values: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].contains(": ") && !lines[i].trim_start().starts_with('#')).collect();
        let scalars = [
            "", "~", "null", "true", "'12'", "\"12\"", "12", "012", "0x10", "1e3", "1.50", "-3", "12.5.1", "18446744073709551616", "[1, 2]", "{a: 1}", "|\n  文字", "'{年度}年'", "待填",
        ];
        for &i in values.iter().step_by((values.len() / 24).max(1)) {
            let (key, _) = lines[i].split_once(": ").unwrap();
            for s in scalars {
                let mut edited = lines.clone();
                let line = format!("{key}: {s}");
                edited[i] = &line;
                texts.push((format!("line {} as {s:?}", i + 1), edited.join("\n") + "\n"));
            }
        }
        // Each piece at the start of a spread of lines (a `...` or `%YAML`
        // is read as such only there).
        let starts: Vec<usize> = reference.match_indices('\n').map(|(i, _)| i + 1).collect();
        for &at in starts.iter().step_by(starts.len() / 6) {
            for piece in PIECES {
                texts.push((format!("{piece:?} at byte {at}"), format!("{}{piece}{}", &reference[..at], &reference[at..])));
            }
        }
        texts.extend(mutations(&root, 300));
        let (mut loaded, mut made) = (0, 0);
        for (what, text) in &texts {
            let base = Some(root.join("fixtures"));
            let ours = format!("{:?}", load_with(text, "x.yaml", base.as_deref(), true));
            let theirs = format!("{:?}", load_with(text, "x.yaml", base.as_deref(), false));
            assert!(ours == theirs, "{what}:\n{ours}\n{theirs}");
            if theirs.starts_with("Ok") {
                loaded += 1;
                made += usize::from(Index::scan(text).1.is_some_and(|v| serde_yaml::from_value::<RawReport>(v).is_ok()));
            }
        }
        // The test would prove nothing if the scan gave up everywhere: of
        // the texts that load, most are read by the scan alone.
        assert!(made * 2 > loaded, "{made} of {loaded} read by the scan alone");
    }

    /// `count` texts made from the examples by a few random edits each
    /// (a fixed seed: the same texts every run) with [`PIECES`]. This
    /// found the tab, line-separator and `...` cases the scan leaves to
    /// serde_yaml; ER_MUTATIONS=200000 (and another ER_SEED) runs a longer
    /// search.
    fn mutations(root: &Path, count: usize) -> Vec<(String, String)> {
        let seeds: Vec<String> = ["aral-emergency-2024", "example-2025", "national-2021-example"]
            .iter()
            .map(|f| std::fs::read_to_string(root.join(format!("fixtures/{f}.yaml"))).unwrap())
            .collect();
        let count = std::env::var("ER_MUTATIONS").ok().and_then(|n| n.parse().ok()).unwrap_or(count);
        let mut state: u64 = std::env::var("ER_SEED").ok().and_then(|n| n.parse().ok()).unwrap_or(0x9E37_79B9_7F4A_7C15);
        let mut next = move |below: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % below as u64) as usize
        };
        (0..count)
            .map(|k| {
                let mut text: Vec<char> = seeds[next(seeds.len())].chars().collect();
                for _ in 0..1 + next(8) {
                    let at = next(text.len() + 1);
                    let piece = PIECES[next(PIECES.len())];
                    match next(3) {
                        0 => drop(text.splice(at..at, piece.chars())),
                        1 => drop(text.drain(at..(at + next(6)).min(text.len()))),
                        _ => drop(text.splice(at..(at + 1).min(text.len()), piece.chars())),
                    }
                }
                (format!("mutation {k}"), text.into_iter().collect())
            })
            .collect()
    }
}
