//! Findings about a data file, each with its place and, where one helps,
//! what to do about it.

use std::fmt;

use crate::locate::Loc;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One finding: `file:line:column: error: field: message`, then a help line.
///
/// ```
/// use er_source::{Diagnostic, Loc};
/// let d = Diagnostic::error("r.yaml", Some(Loc { line: 3, column: 5 }), "tables.表二.总数", "总数 is 37")
///     .with_help("correct it");
/// assert_eq!(d.to_string(), "r.yaml:3:5: error: tables.表二.总数: 总数 is 37\n  help: correct it");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    pub loc: Option<Loc>,
    /// The field path, e.g. tables.表二.<key>; empty for the file as a whole.
    pub field: String,
    pub message: String,
    pub help: Option<String>,
    /// The file could not be read as a YAML file at all (missing, a
    /// folder, not UTF-8 text, a syntax error): exit code 2, not 1.
    pub unreadable: bool,
}

impl Diagnostic {
    pub fn error(file: &str, loc: Option<Loc>, field: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            loc,
            field: field.to_string(),
            message: message.into(),
            help: None,
            unreadable: false,
        }
    }

    /// Marks a finding that the file could not be read at all.
    pub fn unreadable(mut self) -> Self {
        self.unreadable = true;
        self
    }

    pub fn warning(file: &str, loc: Option<Loc>, field: &str, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(file, loc, field, message) }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use er_i18n::t;
        // file:line:column first in both languages, as editors read it.
        let place = match self.loc {
            Some(l) => t!("diagnostic-place", file = self.file, line = l.line, column = l.column),
            None => t!("diagnostic-place-file", file = self.file),
        };
        let severity = match self.severity {
            Severity::Error => t!("label-error"),
            Severity::Warning => t!("label-warning"),
        };
        write!(f, "{}", t!("diagnostic-head", place = place, severity = severity))?;
        if !self.field.is_empty() {
            write!(f, "{}", t!("diagnostic-field", field = self.field))?;
        }
        write!(f, "{}", self.message)?;
        if let Some(h) = &self.help {
            write!(f, "\n  {}", t!("diagnostic-help", help = h))?;
        }
        Ok(())
    }
}

/// The findings about one file, each located through the file's index by
/// its field path: what a loader collects while it reads.
///
/// ```
/// use er_source::{Findings, Index};
/// let index = Index::build("a:\n  b: 1\n");
/// let mut f = Findings::new("x.yaml", &index);
/// f.error("a.b", "b is wrong", "write it right");
/// assert_eq!(f.list[0].to_string(), "x.yaml:2:6: error: a.b: b is wrong\n  help: write it right");
/// ```
#[derive(Debug)]
pub struct Findings<'a> {
    pub file: &'a str,
    pub index: &'a crate::Index,
    pub list: Vec<Diagnostic>,
}

impl<'a> Findings<'a> {
    pub fn new(file: &'a str, index: &'a crate::Index) -> Self {
        Findings { file, index, list: Vec::new() }
    }

    /// An error at the value of `path`, or its nearest parent.
    pub fn error(&mut self, path: &str, message: impl Into<String>, help: impl Into<String>) {
        self.list.push(Diagnostic::error(self.file, self.index.locate(path), path, message).with_help(help));
    }

    /// An error about a key itself (unknown), at the key.
    pub fn key_error(&mut self, path: &str, message: impl Into<String>, help: impl Into<String>) {
        self.list.push(Diagnostic::error(self.file, self.index.locate_key(path), path, message).with_help(help));
    }
}
