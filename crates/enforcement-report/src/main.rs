//! `enforcement-report`: checks a report's data file and renders it as the
//! official DOCX, PDF and XLSX.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use er_i18n::{t, Lang};
use er_data::{load_file, Diagnostic, LoadError};

mod batch;
mod diff;
mod help;
mod man;
mod import;
mod inputs;
mod output;
mod rollup;

/// Turns a YAML data file into the DOCX, PDF and XLSX of an agency's annual
/// administrative law-enforcement report (行政执法年度报告).
#[derive(Parser)]
#[command(name = "enforcement-report", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of messages and help: zh or en (by default the system's).
    #[arg(long, global = true, value_enum)]
    lang: Option<LangArg>,
}

/// `--lang`'s values.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum, Debug)]
enum LangArg {
    Zh,
    En,
}

/// The language `--lang` names on the command line, read before clap
/// parses it, since clap's own help must already speak it.
fn lang_of_args(args: &[std::ffi::OsString]) -> Option<Lang> {
    let mut it = args.iter().map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next().map(|v| v.into_owned()),
            Some(rest) if rest.starts_with('=') => Some(rest[1..].to_string()),
            _ => continue,
        };
        return match value?.trim().to_ascii_lowercase().as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        };
    }
    None
}

/// The formats `render` and `rollup` write.
#[derive(clap::Args)]
struct Formats {
    /// The formats to write, comma-separated: docx, pdf, xlsx, csv, html, ofd (any case).
    #[arg(short, long, value_delimiter = ',', default_value = "docx,pdf,xlsx", value_parser = parse_format)]
    format: Vec<Format>,
    /// The PDF as PDF/A-1b, for archives (GB/Z 23283-2009): with --format pdf.
    #[arg(long)]
    pdfa: bool,
}

impl Formats {
    /// Each format once, in a fixed order; the PDF as PDF/A with --pdfa.
    /// --pdfa without the PDF among the formats is a mistake.
    fn list(self) -> Result<Vec<Format>, String> {
        if self.pdfa && !self.format.contains(&Format::Pdf) {
            return Err(error_line(&t!("msg-pdfa-without-pdf"), Some(&t!("help-pdfa-without-pdf"))));
        }
        let pdfa = self.pdfa;
        let mut v: Vec<Format> = self.format.into_iter().map(|f| if pdfa && f == Format::Pdf { Format::PdfA } else { f }).collect();
        v.sort_by_key(|f| f.ext());
        v.dedup();
        Ok(v)
    }
}

/// A command line refused before any work: its message, exit code 2.
fn refused(message: &str) -> ExitCode {
    eprintln!("{message}");
    ExitCode::from(2)
}

/// The fonts the PDF uses, for `check`, `render` and `rollup`.
#[derive(clap::Args)]
struct Fonts {
    /// Fonts for the PDF: the user's and the system's first, then the
    /// bundled ones (`auto`), or only the bundled ones (`bundled`).
    #[arg(long, value_enum, default_value = "auto")]
    fonts: FontChoice,
    /// A folder of font files to use first for the PDF.
    #[arg(long)]
    font_dir: Option<PathBuf>,
}

impl Fonts {
    fn source(self) -> er_pdf::FontSource {
        match self.fonts {
            FontChoice::Bundled => er_pdf::FontSource::Bundled,
            FontChoice::Auto => er_pdf::FontSource::System { extra_dir: self.font_dir },
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Checks a data file: totals, amounts, dates, labels. Exit 0 when clean,
    /// 1 on errors, 2 when the file cannot be read.
    Check {
        /// The data file (.yaml).
        file: PathBuf,
        /// The fonts the PDF would use, to report every character none of them has.
        #[command(flatten)]
        fonts: Fonts,
    },
    /// Renders data files into DIR/<name>.docx, .pdf and .xlsx: one file,
    /// several, or folders of them, in parallel on all cores.
    Render {
        /// Data files (.yaml) or folders holding them.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// No progress bar and no summary, only failures.
        #[arg(short, long)]
        quiet: bool,
        /// The output folder; created if missing.
        #[arg(short, long, default_value = "output")]
        output: PathBuf,
        #[command(flatten)]
        formats: Formats,
        #[command(flatten)]
        fonts: Fonts,
    },
    /// Rolls up many agencies' data files of one template and year into
    /// the summary tables (one row per agency, the totals at the bottom): DIR/
    /// rollup-<year>.docx, .pdf, .xlsx (and .csv). Refused, with every
    /// problem listed, when a file fails `check`, templates or years
    /// differ, or an agency comes twice. Exit 0 when written, 1 when
    /// refused, 2 when nothing could be read or written.
    Rollup {
        /// Data files (.yaml) or folders holding them.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The output folder; created if missing.
        #[arg(short, long, default_value = "output")]
        output: PathBuf,
        /// The summary's title, printed at its head: by default
        /// <unit><year>年度行政执法数据汇总.
        #[arg(long)]
        title: Option<String>,
        /// The unit that compiles the summary (某县司法局): the files'
        /// author and the 机关 of the tables' titles.
        #[arg(long)]
        unit: Option<String>,
        /// Agencies by name (pinyin order of GBK) instead of the order given.
        #[arg(long)]
        sort: bool,
        /// Warn about an agency whose totals differ from last year's
        /// (its previous_year figures) by more than this factor, e.g. 3.
        #[arg(long, value_name = "FACTOR")]
        warn_change: Option<rust_decimal::Decimal>,
        /// No progress bar and no summary, only problems.
        #[arg(short, long)]
        quiet: bool,
        #[command(flatten)]
        formats: Formats,
        #[command(flatten)]
        fonts: Fonts,
    },
    /// Starts next year's data file from this year's: the narrative kept,
    /// this year's figures as last year's, the new figures left 待填.
    Init {
        /// This year's data file.
        #[arg(long)]
        from: PathBuf,
        /// The year of the new report.
        #[arg(long)]
        year: u16,
        /// The new data file; it must not exist yet.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Makes a data file from a report an agency already has: its Word
    /// file, its published text, or its statistics spreadsheet.
    Import {
        /// The report: .docx, .xlsx, .pdf, a saved web page (.html), or the
        /// published text (.txt).
        file: PathBuf,
        /// The template, when the tables' labels do not say it.
        #[arg(long)]
        template: Option<String>,
        /// The agency, when the report does not sign it.
        #[arg(long)]
        agency: Option<String>,
        /// The year, when the report does not say it.
        #[arg(long)]
        year: Option<u16>,
        /// The row of figures to read where a table has several: a word of
        /// its label (a totals row's word, 2024年, a unit's name).
        #[arg(long)]
        row: Option<String>,
        /// The data file to write; it must not exist yet.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Prints the shell's completion script: `enforcement-report completions
    /// bash > ~/.local/share/bash-completion/completions/enforcement-report`.
    Completions {
        shell: Shell,
    },
    /// Prints the manual page (roff): `enforcement-report man > enforcement-report.1`.
    Man,
    /// Prints the JSON Schema of data files of a template (for editors).
    Schema {
        /// A built-in template's name or a template file; the default template when left out.
        #[arg(long)]
        template: Option<String>,
        /// Write the schema to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Lists the built-in table templates, or prints one as a start for your own.
    Templates {
        /// Print this template's YAML source.
        #[arg(long, value_name = "NAME")]
        show: Option<String>,
    },
    /// Checks a table template file: its header tree, columns, units,
    /// totals and title. Exit 0 when clean, 1 on errors, 2 when unreadable.
    CheckTemplate {
        /// The template file (.yaml).
        #[arg(required_unless_present = "schema")]
        file: Option<PathBuf>,
        /// Print the JSON Schema of template files instead.
        #[arg(long, conflicts_with = "file")]
        schema: bool,
    },
    /// Compares two data files (every changed figure, paragraph, label and
    /// note), or two produced files of one format (text, cells, merges, page
    /// setup, fonts, properties). Exit 0 when equal, 1 when different, 2 on error.
    Diff {
        old: PathBuf,
        new: PathBuf,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
        /// For two data files: write the correction notice (更正说明) instead.
        #[arg(long)]
        notice: bool,
        /// The notice's format (with --notice only).
        #[arg(long, value_enum, default_value = "md", requires = "notice")]
        format: NoticeFormat,
        /// Where to write the notice (standard output when left out; needed for docx; with --notice only).
        #[arg(short, long, requires = "notice")]
        output: Option<PathBuf>,
        /// The notice's date, YYYY-MM-DD (no date line when left out; with --notice only).
        #[arg(long, requires = "notice")]
        date: Option<String>,
    },
}

/// The shells `completions` writes for.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum, Debug)]
enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum, Debug)]
enum NoticeFormat {
    Md,
    Docx,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum, Debug)]
pub(crate) enum Format {
    Docx,
    Pdf,
    Xlsx,
    /// Every figure in long form (表, 表名, 指标, 值, 单位, 机关, 年度), UTF-8 with BOM.
    Csv,
    /// The web page to publish (NAME.html), and its body for a site's editor (NAME.fragment.html).
    Html,
    /// The OFD of 电子公文 (GB/T 33190-2016): NAME.ofd, the same pages as the PDF.
    Ofd,
    /// The PDF as PDF/A-1b for archives (`--pdfa`): NAME.pdf.
    #[value(skip)]
    PdfA,
}

/// A format as the user writes it: any case, spaces around it ("pdf, XLSX").
fn parse_format(s: &str) -> Result<Format, String> {
    <Format as ValueEnum>::from_str(s.trim(), true)
        .map_err(|_| t!("msg-format-unknown", value = s.trim()))
}

impl Format {
    pub(crate) fn ext(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Pdf => "pdf",
            Format::Xlsx => "xlsx",
            Format::Csv => "csv",
            Format::Html => "html",
            Format::PdfA => "pdf",
            Format::Ofd => "ofd",
        }
    }

    /// True for the formats drawn with fonts: every character must have one.
    pub(crate) fn draws_glyphs(self) -> bool {
        matches!(self, Format::Pdf | Format::PdfA | Format::Ofd)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum, Debug)]
enum FontChoice {
    Auto,
    Bundled,
}

/// A font folder that is not there is a mistake, not a wish for none.
fn font_dir_exists(dir: &Option<PathBuf>) -> Result<(), u8> {
    match dir {
        Some(d) if !d.is_dir() => {
            let what = if d.exists() { t!("msg-font-dir-not-folder", dir = d.display()) } else { t!("msg-font-dir-missing", dir = d.display()) };
            eprintln!("{}", error_line(&what, Some(&t!("help-font-dir"))));
            Err(2)
        }
        _ => Ok(()),
    }
}

fn main() -> ExitCode {
    // Output into a pipe that closes (`diff a b | head`) ends the process
    // quietly, as it ends diff or cat, instead of a panic in println!.
    #[cfg(unix)]
    // SAFETY: restoring the default action of one signal, before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    er_i18n::set(lang_of_args(&args).unwrap_or_else(Lang::of_system));
    // The command's texts are put in the user's language only when clap
    // has something to say (help, the version, an error): a render does
    // not need every option of every command localized to be parsed. The
    // localized command parses as the plain one does; it only adds texts
    // and the help and version options.
    let matches = match Cli::command().try_get_matches_from(&args) {
        Ok(m) => m,
        Err(_) => help::localize(Cli::command()).try_get_matches_from(&args).unwrap_or_else(|e| help::exit_with(e)),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => e.exit(),
    };
    let font_dir = match &cli.command {
        Command::Check { fonts, .. } | Command::Render { fonts, .. } | Command::Rollup { fonts, .. } => fonts.font_dir.clone(),
        _ => None,
    };
    if let Err(code) = font_dir_exists(&font_dir) {
        return ExitCode::from(code);
    }
    let code = match cli.command {
        Command::Check { file, fonts } => run_check(&file, &fonts.source()),
        Command::Render { files, quiet, output, formats, fonts } => match formats.list() {
            Ok(list) => batch::run(&files, &output, &list, &fonts.source(), quiet),
            Err(message) => return refused(&message),
        },
        Command::Rollup { files, output, title, unit, sort, warn_change, quiet, formats, fonts } => {
            if warn_change.is_some_and(|f| f < rust_decimal::Decimal::ONE) {
                return refused(&error_line(&t!("msg-warn-change-below-one"), None));
            }
            let formats = match formats.list() {
                Ok(list) => list,
                Err(message) => return refused(&message),
            };
            let opts = rollup::Options { heading: er_rollup::Heading { title, unit }, sort, warn_change, formats, quiet };
            rollup::run(&files, &output, &fonts.source(), &opts)
        }
        Command::Init { from, year, output } => run_init(&from, year, &output),
        Command::Import { file, template, agency, year, row, output } => {
            import::run(&import::Args { file: &file, template: template.as_deref(), agency, year, row, output: &output })
        }
        Command::Diff { old, new, json, notice, format, output, date } => {
            diff::run(&old, &new, json, notice, format == NoticeFormat::Docx, output.as_deref(), date.as_deref())
        }
        Command::Completions { shell } => {
            use clap::CommandFactory;
            // Descriptions in the interface's language, as the help.
            let mut cmd = help::localize(Cli::command());
            let out = &mut std::io::stdout();
            let name = "enforcement-report";
            match shell {
                Shell::Bash => clap_complete::generate(clap_complete::Shell::Bash, &mut cmd, name, out),
                Shell::Zsh => clap_complete::generate(clap_complete::Shell::Zsh, &mut cmd, name, out),
                Shell::Fish => clap_complete::generate(clap_complete::Shell::Fish, &mut cmd, name, out),
                Shell::Powershell => clap_complete::generate(clap_complete::Shell::PowerShell, &mut cmd, name, out),
            }
            0
        }
        Command::Man => {
            use clap::CommandFactory;
            print!("{}", man::page(&help::localize(Cli::command())));
            0
        }
        Command::Schema { template, output } => run_schema(template.as_deref(), output.as_deref()),
        Command::Templates { show } => run_templates(show.as_deref()),
        Command::CheckTemplate { file, schema } => match file {
            Some(f) if !schema => run_check_template(&f),
            _ => {
                print!("{}", er_template::schema::json_schema());
                0
            }
        },
    };
    ExitCode::from(code)
}

/// An operating system's error in the interface's language.
pub(crate) fn os_error(e: &std::io::Error) -> String {
    er_i18n::os_error(e)
}

/// A message of the tool itself (not of a data file), as findings are
/// printed: `error: what` and, given one, `  help: how`.
pub(crate) fn error_line(what: &str, help: Option<&str>) -> String {
    let mut s = format!("{}{what}", t!("message-head", severity = t!("label-error")));
    if let Some(h) = help {
        s.push_str(&format!("\n  {}", t!("diagnostic-help", help = h)));
    }
    s
}

/// Findings sorted by where they stand (those without a place first).
pub(crate) fn in_file_order(diags: &mut [Diagnostic]) {
    diags.sort_by_key(|d| d.loc.map(|l| (l.line, l.column)));
}

pub(crate) fn print(diags: &[Diagnostic]) {
    let mut err = std::io::stderr().lock();
    for d in diags {
        let _ = writeln!(err, "{d}");
    }
}

/// A template by built-in name or file path.
fn template(named: &str) -> Result<std::sync::Arc<er_template::Template>, u8> {
    er_template::resolve(named, None).map_err(|e| match e {
        er_template::Unresolved::NoSuchBuiltin | er_template::Unresolved::NoFile(_) => {
            eprintln!("{}", error_line(&t!("msg-no-template", name = named), Some(&t!("help-builtin-templates", names = er_template::builtin::names()))));
            2
        }
        er_template::Unresolved::Invalid(_, ds) => {
            print(&ds);
            1
        }
    })
}

fn run_schema(named: Option<&str>, output: Option<&Path>) -> u8 {
    let t = match named {
        None => er_template::builtin::default_shared().clone(),
        Some(n) => match template(n) {
            Ok(t) => t,
            Err(code) => return code,
        },
    };
    let schema = er_data::schema::json_schema(&t);
    match output {
        None => {
            print!("{schema}");
            0
        }
        Some(path) => match output::write_file(path, schema.into_bytes()) {
            Ok(_) => 0,
            Err(e) => {
                eprintln!("{}", error_line(&e, None));
                2
            }
        },
    }
}

fn run_templates(show: Option<&str>) -> u8 {
    match show {
        Some(name) => match er_template::builtin::source(name) {
            Some(src) => {
                print!("{src}");
                0
            }
            None => {
                eprintln!("{}", error_line(&t!("msg-no-builtin-template", name = name), Some(&t!("help-builtin-templates", names = er_template::builtin::names()))));
                2
            }
        },
        None => {
            for t in er_template::builtin::all() {
                let default = if t.name == er_template::builtin::DEFAULT { t!("templates-default") } else { String::new() };
                println!("{}{default}\n    {}\n    {}", t.name, t.description, t!("templates-tables", count = t.tables.len(), labels = t.table_labels()));
            }
            0
        }
    }
}

fn run_check_template(file: &Path) -> u8 {
    match er_template::load_file(file) {
        Ok(t) => {
            let columns: usize = t.tables.iter().map(|d| d.columns.len()).sum();
            eprintln!("{}", t!("check-template-ok", file = file.display(), name = t.name, tables = t.tables.len(), columns = columns));
            0
        }
        Err(ds) => {
            print(&ds);
            let unreadable = ds.iter().any(|d| d.unreadable);
            eprintln!("{}", t!("summary-errors", file = file.display(), errors = ds.len()));
            if unreadable {
                2
            } else {
                1
            }
        }
    }
}

pub(crate) fn load(file: &Path) -> Result<er_data::Loaded, u8> {
    load_file(file).map_err(|e: LoadError| {
        print(e.diagnostics());
        e.exit_code() as u8
    })
}

/// Loads and checks a data file: `check`'s findings and, given
/// `can_draw`, every character the PDF's fonts lack, in file order. The
/// characters are looked for also when the file does not load, so that
/// one run reports everything. Err: the exit code and what was found.
pub(crate) fn checked(
    file: &Path,
    can_draw: Option<&dyn Fn(char) -> bool>,
) -> Result<(er_data::Loaded, Vec<Diagnostic>), (u8, Vec<Diagnostic>)> {
    let loaded = load_file(file).map_err(|e| {
        let mut all = e.diagnostics().to_vec();
        if let (Some(f), LoadError::Invalid(_)) = (can_draw, &e) {
            all.extend(er_data::check::characters_in_file(file, f));
            in_file_order(&mut all);
        }
        (e.exit_code() as u8, all)
    })?;
    let mut findings = er_data::check(&loaded);
    if let Some(f) = can_draw {
        findings.extend(er_data::check::characters(&loaded, f));
        in_file_order(&mut findings);
    }
    Ok((loaded, findings))
}

/// The font the PDF draws `c` from in a text of `kind`, when it is not
/// the face of the text's role.
fn stand_in(fonts: &er_pdf::FontSet, kind: er_data::check::TextKind, c: char) -> Option<String> {
    use er_data::check::TextKind;
    use er_document::layout::Role;
    let role = match kind {
        TextKind::Title => Role::Title,
        TextKind::PartHeading => Role::PartHeading,
        TextKind::Heading1 => Role::Heading1,
        TextKind::Heading2 => Role::Heading2,
        TextKind::Body => Role::Body,
        TextKind::TableTitle => Role::TableTitle,
        TextKind::Label => Role::TableCell,
        TextKind::Note => Role::Note,
    };
    let (family, bold) = fonts.stand_in(role.face(), c)?;
    Some(if bold { t!("font-emboldened", family = family) } else { family })
}

fn run_check(file: &Path, fonts: &er_pdf::FontSource) -> u8 {
    // What the PDF could not draw, as `render` would find it.
    let fonts = er_pdf::FontSet::load(fonts);
    let findings = match checked(file, Some(&|c| fonts.has(c))) {
        Ok((loaded, mut findings)) => {
            // A character its role's face lacks, drawn from another.
            findings.extend(er_data::check::faces(&loaded, &|kind, c| stand_in(&fonts, kind, c)));
            in_file_order(&mut findings);
            findings
        }
        Err((code, all)) => {
            print(&all);
            if matches!(code, 1) {
                eprintln!("{}", t!("summary-errors", file = file.display(), errors = all.iter().filter(|d| d.is_error()).count()));
            }
            return code;
        }
    };
    print(&findings);
    let errors = findings.iter().filter(|d| d.is_error()).count();
    let warnings = findings.len() - errors;
    if errors > 0 {
        eprintln!("{}", t!("summary-errors-warnings", file = file.display(), errors = errors, warnings = warnings));
        1
    } else {
        if warnings > 0 {
            eprintln!("{}", t!("summary-ok-warnings", file = file.display(), warnings = warnings));
        } else {
            eprintln!("{}", t!("summary-ok", file = file.display()));
        }
        0
    }
}

fn run_init(from: &Path, year: u16, output: &Path) -> u8 {
    let loaded = match load(from) {
        Ok(l) => l,
        Err(code) => return code,
    };
    if output.exists() {
        eprintln!("{}", error_line(&t!("msg-exists", file = output.display()), None));
        return 2;
    }
    let name = from.file_name().map_or_else(|| from.display().to_string(), |n| n.to_string_lossy().into_owned());
    let mut report = loaded.report;
    // A template named by a path is relative to the data file: from another
    // folder, the new file names it by its full path.
    if let Some(t) = report.template_ref.clone().filter(|t| er_template::builtin::get(t.trim()).is_none()) {
        let folder = |p: &Path| p.parent().map(|d| if d.as_os_str().is_empty() { Path::new(".") } else { d }).and_then(|d| d.canonicalize().ok());
        let (src_dir, out_dir) = (folder(from), folder(output));
        if src_dir != out_dir {
            if let Some(full) = src_dir.map(|d| d.join(t.trim())).and_then(|p| p.canonicalize().ok()) {
                report.template_ref = Some(full.display().to_string());
            }
        }
    }
    // The schema editors complete and check the file with, written beside
    // it (named for its template), so that the line pointing at it is true.
    let schema_name = format!("{}.schema.json", report.template.name.rsplit(['/', '\\']).next().unwrap_or("report").trim_end_matches(".yaml"));
    let schema_path = output.parent().map_or_else(|| PathBuf::from(&schema_name), |d| d.join(&schema_name));
    let schema = er_data::schema::json_schema(&report.template);
    if std::fs::read_to_string(&schema_path).ok().as_deref() != Some(schema.as_str()) {
        if let Err(e) = output::write_file(&schema_path, schema.into_bytes()) {
            eprintln!("{}", error_line(&e, None));
            return 2;
        }
    }
    let text = er_data::init::next_year(&report, year, &name, Some(&schema_name));
    match output::write_file(output, text.into_bytes()) {
        Ok(_) => {
            eprintln!("{}", t!("init-done", file = output.display(), year = year));
            eprintln!("{}", t!("init-schema", file = schema_path.display()));
            // Last year's figures written out in the text would stay as
            // they are while the tables change: each is named.
            let literals = er_data::init::literal_figures(&report);
            if !literals.is_empty() {
                eprintln!("{}", t!("init-literals", n = literals.len()));
                for l in &literals {
                    eprintln!("  {}", t!("init-literal", file = output.display(), place = l.place, number = l.number, reference = l.reference));
                }
            }
            0
        }
        Err(e) => {
            eprintln!("{}", error_line(&e, None));
            2
        }
    }
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_and_option_has_its_help_in_both_languages() {
        let ids = help::ids(&Cli::command());
        assert!(ids.len() > 40, "{ids:?}");
        for id in ids {
            for lang in [Lang::Zh, Lang::En] {
                assert!(er_i18n::has(lang, &id), "{lang:?} lacks {id}");
            }
        }
    }

    #[test]
    fn lang_is_read_before_parsing() {
        let args = |v: &[&str]| v.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(lang_of_args(&args(&["x", "--lang", "zh", "render"])), Some(Lang::Zh));
        assert_eq!(lang_of_args(&args(&["x", "render", "--lang=EN"])), Some(Lang::En));
        assert_eq!(lang_of_args(&args(&["x", "render"])), None);
    }
}
