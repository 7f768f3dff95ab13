//! `enforcement-report`: checks a report's data file and renders it as the
//! official DOCX, PDF and XLSX.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use er_model::{check, load_file, Diagnostic, Document, LoadError};

mod diff;
mod output;

/// Turns a YAML data file into the DOCX, PDF and XLSX of an agency's annual
/// administrative law-enforcement report (行政执法年度报告).
#[derive(Parser)]
#[command(name = "enforcement-report", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Checks a data file: totals, amounts, dates, labels. Exit 0 when clean,
    /// 1 on errors, 2 when the file cannot be read.
    Check {
        /// The data file (.yaml).
        file: PathBuf,
    },
    /// Renders a data file into DIR/<name>.docx, .pdf and .xlsx.
    Render {
        /// The data file (.yaml).
        file: PathBuf,
        /// The output folder; created if missing.
        #[arg(short, long, default_value = "output")]
        output: PathBuf,
        /// The formats to write, comma-separated.
        #[arg(short, long, value_delimiter = ',', default_value = "docx,pdf,xlsx")]
        format: Vec<Format>,
        /// Fonts for the PDF: the user's and the system's first, then the
        /// bundled ones (`auto`), or only the bundled ones (`bundled`).
        #[arg(long, value_enum, default_value = "auto")]
        fonts: FontChoice,
        /// A folder of font files to use first for the PDF.
        #[arg(long)]
        font_dir: Option<PathBuf>,
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
    /// Prints the JSON Schema of the data file (for editors).
    Schema,
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
        /// The notice's format.
        #[arg(long, value_enum, default_value = "md")]
        format: NoticeFormat,
        /// Where to write the notice (standard output when left out; needed for docx).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// The notice's date, YYYY-MM-DD (no date line when left out).
        #[arg(long)]
        date: Option<String>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum, Debug)]
enum NoticeFormat {
    Md,
    Docx,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum, Debug)]
enum Format {
    Docx,
    Pdf,
    Xlsx,
}

impl Format {
    fn ext(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Pdf => "pdf",
            Format::Xlsx => "xlsx",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum, Debug)]
enum FontChoice {
    Auto,
    Bundled,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check { file } => run_check(&file),
        Command::Render { file, output, format, fonts, font_dir } => {
            run_render(&file, &output, &format, fonts, font_dir.as_deref())
        }
        Command::Init { from, year, output } => run_init(&from, year, &output),
        Command::Diff { old, new, json, notice, format, output, date } => {
            diff::run(&old, &new, json, notice, format == NoticeFormat::Docx, output.as_deref(), date.as_deref())
        }
        Command::Schema => {
            print!("{}", er_model::schema::json_schema());
            0
        }
    };
    ExitCode::from(code)
}

pub(crate) fn print(diags: &[Diagnostic]) {
    let mut err = std::io::stderr().lock();
    for d in diags {
        let _ = writeln!(err, "{d}");
    }
}

pub(crate) fn load(file: &Path) -> Result<er_model::Loaded, u8> {
    load_file(file).map_err(|e: LoadError| {
        print(e.diagnostics());
        e.exit_code() as u8
    })
}

fn run_check(file: &Path) -> u8 {
    let loaded = match load(file) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let findings = check(&loaded);
    print(&findings);
    let errors = findings.iter().filter(|d| d.is_error()).count();
    let warnings = findings.len() - errors;
    if errors > 0 {
        eprintln!("{}: {errors} error(s), {warnings} warning(s)", file.display());
        1
    } else {
        eprintln!("{}: ok{}", file.display(), if warnings > 0 { format!(", {warnings} warning(s)") } else { String::new() });
        0
    }
}

fn run_init(from: &Path, year: u16, output: &Path) -> u8 {
    let loaded = match load(from) {
        Ok(l) => l,
        Err(code) => return code,
    };
    if output.exists() {
        eprintln!("error: {} exists already: name a new file, so that no data is overwritten", output.display());
        return 2;
    }
    let name = from.file_name().map_or_else(|| from.display().to_string(), |n| n.to_string_lossy().into_owned());
    let text = er_model::init::next_year(&loaded.report, year, &name);
    let dir = output.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let file = output.file_name().map_or_else(|| "report.yaml".into(), |n| n.to_string_lossy().into_owned());
    match output::write_all(dir, &[(file, text.into_bytes())]) {
        Ok(_) => {
            eprintln!("{}: the {year} report; run `enforcement-report check {}` to list the figures to fill", output.display(), output.display());
            0
        }
        Err(e) => {
            eprintln!("error: {e}");
            2
        }
    }
}

fn run_render(file: &Path, out_dir: &Path, formats: &[Format], fonts: FontChoice, font_dir: Option<&Path>) -> u8 {
    let loaded = match load(file) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let findings = check(&loaded);
    print(&findings);
    if findings.iter().any(|d| d.is_error()) {
        eprintln!("{}: not rendered: correct the errors above first", file.display());
        return 1;
    }
    let doc = er_model::build(&loaded.report);
    let stem = file.file_stem().map_or_else(|| "report".into(), |s| s.to_string_lossy().into_owned());
    let mut formats = formats.to_vec();
    formats.sort_by_key(|f| f.ext());
    formats.dedup();
    // Everything is rendered in memory first: a failure leaves the output
    // folder as it was.
    let mut files = Vec::new();
    for f in formats {
        match render(&doc, f, fonts, font_dir) {
            Ok(bytes) => files.push((format!("{stem}.{}", f.ext()), bytes)),
            Err(e) => {
                eprintln!("error: {}: cannot render the {}: {e}", file.display(), f.ext().to_uppercase());
                return 1;
            }
        }
    }
    match output::write_all(out_dir, &files) {
        Ok(paths) => {
            for p in paths {
                println!("{}", p.display());
            }
            0
        }
        Err(e) => {
            eprintln!("error: {e}");
            2
        }
    }
}

fn render(doc: &Document, format: Format, fonts: FontChoice, font_dir: Option<&Path>) -> Result<Vec<u8>, String> {
    match format {
        Format::Docx => er_docx::write(doc).map_err(|e| e.to_string()),
        Format::Xlsx => er_xlsx::write(doc).map_err(|e| e.to_string()),
        Format::Pdf => {
            let source = match fonts {
                FontChoice::Bundled => er_pdf::FontSource::Bundled,
                FontChoice::Auto => er_pdf::FontSource::System { extra_dir: font_dir.map(Path::to_path_buf) },
            };
            er_pdf::write(doc, &source).map_err(|e| e.to_string())
        }
    }
}
