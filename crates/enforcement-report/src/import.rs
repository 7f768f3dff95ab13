//! `import`: a data file from the report an agency already has. The file
//! is recognised by its bytes (a DOCX, an XLSX, or text in UTF-8 or GBK),
//! read, and the data file made is checked before it is written: it passes
//! `check` but for the figures left to fill. Nothing is written on error.

use std::path::Path;
use std::sync::Arc;

use er_i18n::t;
use er_import::{source, ImportError, Options};

use crate::{error_line, output};

pub struct Args<'a> {
    pub file: &'a Path,
    pub template: Option<&'a str>,
    pub agency: Option<String>,
    pub year: Option<u16>,
    pub row: Option<String>,
    pub output: &'a Path,
}

pub fn run(a: &Args) -> u8 {
    let fail = |what: String, help: Option<String>, code: u8| {
        eprintln!("{}", error_line(&what, help.as_deref()));
        code
    };
    if a.output.exists() {
        return fail(t!("msg-exists", file = a.output.display()), None, 2);
    }
    let bytes = match crate::diff::read_document(a.file) {
        Ok(b) => b,
        Err(e) => return fail(e, None, 2),
    };
    let cannot = |e: String| fail(t!("import-cannot-read", file = a.file.display(), error = e), Some(t!("help-import-cannot-read")), 2);
    let src = match er_source::read::foreign_format(&bytes) {
        Some("kind-docx") => match source::from_docx(&bytes) {
            Ok(s) => s,
            Err(e) => return cannot(e),
        },
        Some("kind-xlsx") => match source::from_xlsx(&bytes) {
            Ok(s) => s,
            Err(e) => return cannot(e),
        },
        Some("kind-pdf") => match source::from_pdf(&bytes) {
            Ok(s) => s,
            Err(e) => return cannot(e),
        },
        Some(kind) => return cannot(er_i18n::message(kind, &[])),
        None if er_read::html::is_html(&bytes) || a.file.extension().is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm")) => match source::from_html(&bytes) {
            Ok(s) => s,
            Err(e) => return cannot(e),
        },
        None => match source::decode_text(&bytes) {
            Ok(s) => source::from_text(&s),
            Err(at) => return cannot(t!("import-not-text", at = at)),
        },
    };
    let template = match a.template {
        None => None,
        Some(named) => match er_template::resolve(named, None) {
            Ok(t) => Some(t),
            Err(_) => return fail(t!("msg-no-template", name = named), Some(t!("help-builtin-templates", names = er_template::builtin::names())), 2),
        },
    };
    let opts = Options { template: template.map(|t: Arc<er_template::Template>| t), template_ref: a.template.map(str::to_string), agency: a.agency.clone(), year: a.year, row: a.row.clone() };
    let imported = match er_import::import(src, &opts) {
        Ok(i) => i,
        Err(e) => {
            let help = match &e {
                ImportError::NoTable => t!("help-import-no-table"),
                ImportError::Unmatched(_) => t!("help-import-unmatched"),
                ImportError::Missing(m) if *m == t!("import-no-agency") => t!("help-import-no-agency"),
                ImportError::Missing(_) => t!("help-import-no-year"),
                ImportError::Rows(_) => t!("help-import-rows"),
                ImportError::TooManyTables(_) => t!("help-import-cannot-read"),
            };
            return fail(format!("{}: {e}", a.file.display()), Some(help), 1);
        }
    };
    // The data file made passes check, but for the figures left to fill.
    let name = a.output.display().to_string();
    let errors: Vec<er_data::Diagnostic> = match er_data::load_str(&imported.yaml, &name) {
        Ok(l) => er_data::check(&l).into_iter().filter(|d| d.is_error() && !d.message.contains(er_data::figures::TO_FILL)).collect(),
        Err(e) => e.diagnostics().to_vec(),
    };
    if !errors.is_empty() {
        // The data file was not written: the findings name the source and
        // the field, not a line of a file that does not exist.
        let errors: Vec<er_data::Diagnostic> =
            errors.into_iter().map(|d| er_data::Diagnostic { file: a.file.display().to_string(), loc: None, ..d }).collect();
        crate::print(&errors);
        return fail(t!("import-check-failed", n = errors.len()), None, 1);
    }
    if let Err(e) = output::write_file(a.output, imported.yaml.into_bytes()) {
        return fail(e, None, 2);
    }
    eprintln!("{}", t!("import-guessed", n = imported.guesses.len()));
    for (place, what) in &imported.guesses {
        if place.is_empty() {
            eprintln!("  {what}");
        } else {
            eprintln!("  {}", t!("import-guess-line", file = a.file.display(), place = place, what = what));
        }
    }
    eprintln!("{}", t!("import-figures", n = imported.figures.len()));
    for f in &imported.figures {
        let line = t!("import-figure-line", table = f.table.clone(), key = f.key.clone(), value = f.value.clone(), unit = f.unit.clone(), place = f.place.clone());
        eprintln!("  {}", line.trim_end());
    }
    eprintln!("{}", t!("import-done", file = a.output.display(), source = a.file.display(), template = imported.template.name));
    0
}

