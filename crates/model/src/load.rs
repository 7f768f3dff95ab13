//! Reading a data file: bytes → text → YAML → [`Report`], every failure a
//! [`Diagnostic`] with its file, line and column.

use std::path::Path;

use crate::diag::Diagnostic;
use crate::figures::{parse_decimal, AmountSource, Figure};
use crate::locate::{Index, Loc};
use crate::report::Report;
use crate::tables::{Get, TableId};

/// Largest data file read: a report is a few tens of kilobytes.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// A loaded report with what is needed to locate its fields.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub report: Report,
    pub index: Index,
    /// The file name as given, for messages.
    pub file: String,
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

/// Reads and loads a data file.
pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    let name = path.display().to_string();
    let unreadable = |msg: String, help: &str| {
        LoadError::Unreadable(Diagnostic::error(&name, None, "", msg).with_help(help.to_string()))
    };
    let meta = std::fs::metadata(path)
        .map_err(|e| unreadable(format!("cannot read the file: {e}"), "check the path and that you may read it"))?;
    if meta.is_dir() {
        return Err(unreadable("this is a folder, not a data file".into(), "name a .yaml file"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(unreadable(
            format!("the file is {} bytes; a report data file is at most {} bytes", meta.len(), MAX_FILE_BYTES),
            "check that this is the report's data file",
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| unreadable(format!("cannot read the file: {e}"), "check the path and that you may read it"))?;
    load_bytes(&bytes, &name)
}

/// Loads a data file's bytes; `name` is used in messages.
///
/// ```
/// let src = std::fs::read("../../fixtures/aral-emergency-2024.yaml").unwrap();
/// let loaded = enforcement_report_model::load_bytes(&src, "aral.yaml").unwrap();
/// assert_eq!(loaded.report.year, 2024);
/// ```
pub fn load_bytes(bytes: &[u8], name: &str) -> Result<Loaded, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::Unreadable(Diagnostic::error(
            name,
            None,
            "",
            format!("the file is {} bytes; a report data file is at most {} bytes", bytes.len(), MAX_FILE_BYTES),
        )));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        LoadError::Unreadable(
            Diagnostic::error(name, Some(loc_of_offset(bytes, at)), "", format!("byte {at} is not UTF-8 text"))
                .with_help("save the file as UTF-8 (in WPS or Word: 另存为 → 编码 UTF-8)"),
        )
    })?;
    load_str(text, name)
}

fn loc_of_offset(bytes: &[u8], at: usize) -> Loc {
    let before = &bytes[..at.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    Loc { line, column }
}

/// Loads a data file's text.
pub fn load_str(text: &str, name: &str) -> Result<Loaded, LoadError> {
    if let Some(at) = text.find('\0') {
        return Err(LoadError::Unreadable(
            Diagnostic::error(name, Some(loc_of_offset(text.as_bytes(), at)), "", "the file holds a NUL byte")
                .with_help("this is not a text file, or it was damaged: save the data again as UTF-8 text"),
        ));
    }
    if let Err(e) = yaml_rust2::parser::Parser::new_from_str(text).load(&mut NoEvents, true) {
        let m = e.marker();
        return Err(LoadError::Unreadable(
            Diagnostic::error(name, Some(Loc { line: m.line(), column: m.col() + 1 }), "", format!("YAML syntax error: {}", e.info()))
                .with_help("check the indentation and the `key: value` form of this line and the one above; indent with spaces, not tabs; a text that starts with { (a reference) must be in quotes: p: '{年度}年…'"),
        ));
    }
    let meaningful = text.lines().any(|l| {
        let t = l.trim();
        !t.is_empty() && !t.starts_with('#') && t != "---" && t != "..."
    });
    if !meaningful {
        return Err(LoadError::Invalid(vec![Diagnostic::error(name, None, "", "the file holds no data")
            .with_help("start from fixtures/aral-emergency-2024.yaml or run `enforcement-report init`")]));
    }
    let index = Index::build(text);
    if let Some((path, loc)) = index.duplicates.first() {
        let key = path.rsplit('.').next().unwrap_or(path);
        return Err(LoadError::Invalid(vec![Diagnostic::error(name, Some(*loc), path, format!("`{key}` is given twice"))
            .with_help("a key may appear once in a mapping: remove or rename the second one")]));
    }
    let report: Report =
        serde_yaml::from_str(text).map_err(|e| LoadError::Invalid(vec![with_item_index(serde_diagnostic(&e, name), &index)]))?;
    let loaded = Loaded { report, index, file: name.to_string() };
    let mut problems = float_amounts(&loaded);
    problems.extend(control_characters(&loaded));
    if problems.is_empty() {
        Ok(loaded)
    } else {
        Err(LoadError::Invalid(problems))
    }
}

struct NoEvents;
impl yaml_rust2::parser::EventReceiver for NoEvents {
    fn on_event(&mut self, _ev: yaml_rust2::parser::Event) {}
}

fn serde_diagnostic(e: &serde_yaml::Error, name: &str) -> Diagnostic {
    let loc = e.location().map(|l| Loc { line: l.line(), column: l.column() });
    let full = e.to_string();
    // serde_yaml writes "path: message at line L column C"; the location is
    // printed in front instead.
    let body = match full.rfind(" at line ") {
        Some(i) if loc.is_some() => &full[..i],
        _ => &full[..],
    };
    let (field, message) = match body.split_once(": ") {
        Some((p, m)) if !p.contains(' ') => (p.to_string(), m.to_string()),
        _ => (String::new(), body.to_string()),
    };
    let message = message
        .replace("expected u16", "expected a year such as 2024")
        .replace("expected struct Report", "expected a mapping of the report's fields (agency, year, report_date, part1, part2, tables)")
        .replace("expected struct ", "expected a mapping: ");
    let help = if message.starts_with("unknown field") {
        Some("check the spelling: the keys allowed here are listed above")
    } else if message.starts_with("missing field") {
        Some("add it; for a figure the agency has no power over, write ~ (the cell stays blank)")
    } else if message.starts_with("duplicate") {
        Some("a key may appear once in a mapping: remove or rename the second one")
    } else if message.starts_with("invalid type") {
        Some("see docs/data-format.md for what this field holds")
    } else if message.contains("recursion limit") || message.contains("repetition limit") {
        Some("a report is a few levels deep and uses no large anchors or aliases: check the file's origin")
    } else {
        None
    };
    let mut d = Diagnostic::error(name, loc, &field, message);
    d.help = help.map(str::to_string);
    d
}

/// serde_yaml's path stops at a list (`part1.blocks`); name the item the
/// error is in (`part1.blocks[3]`), the last one starting at or before it.
fn with_item_index(mut d: Diagnostic, index: &Index) -> Diagnostic {
    let Some(loc) = d.loc else { return d };
    if d.field.is_empty() || d.field.ends_with(']') {
        return d;
    }
    let prefix = format!("{}[", d.field);
    let item = index
        .iter()
        .filter(|(p, n)| p.starts_with(&prefix) && !p[prefix.len()..].contains(['.', '[']) && n.loc.line <= loc.line)
        .max_by_key(|(_, n)| n.loc)
        .map(|(p, _)| p.clone());
    if let Some(p) = item {
        d.field = p;
    }
    d
}

/// An amount written as a plain YAML number reaches us as an f64; refuse it
/// when that f64 lost a digit of what was written.
fn float_amount(l: &Loaded, path: &str, key: &str, cell: crate::figures::AmountCell) -> Option<Diagnostic> {
    let Figure::Value(read) = cell.figure else { return None };
    if cell.source != AmountSource::Float {
        return None;
    }
    let node = l.index.get(path);
    let written = node.and_then(|n| n.scalar.as_ref()).map(|s| s.text.clone()).unwrap_or_default();
    if parse_decimal(&written).is_ok_and(|d| d == read.0) {
        return None;
    }
    Some(
        Diagnostic::error(&l.file, node.map(|n| n.loc), path, format!("amount {written} cannot be read exactly as a YAML number (it would become {read})"))
            .with_help(format!("write it in quotes to keep every digit: {key}: '{written}'")),
    )
}

/// Every amount of the tables and of last year's figures, checked so.
fn float_amounts(l: &Loaded) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for id in TableId::ALL {
        let def = id.def();
        for col in def.columns {
            if let Get::Amount(cell) = col.get {
                out.extend(float_amount(l, &format!("tables.{}.{}", def.label, col.key), col.key, cell(&l.report.tables)));
            }
        }
    }
    for (label, figures) in &l.report.previous_year {
        for (key, cell) in figures {
            out.extend(float_amount(l, &format!("previous_year.{label}.{key}"), key, *cell));
        }
    }
    out
}

/// Control characters would vanish or corrupt the XML of a DOCX or XLSX.
fn control_characters(l: &Loaded) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (path, node) in l.index.iter() {
        let Some(s) = &node.scalar else { continue };
        let body = s.text.trim_end_matches('\n');
        if let Some(c) = body.chars().find(|c| c.is_control()) {
            out.push(
                Diagnostic::error(&l.file, Some(node.loc), path, format!("the text holds the control character U+{:04X}", c as u32))
                    .with_help("remove it: tabs, line breaks and other control characters have no place in a report's text"),
            );
        }
    }
    out
}
