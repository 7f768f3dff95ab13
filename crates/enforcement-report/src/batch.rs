//! `render` over one file, several, or folders: in parallel on all cores,
//! a progress bar on a terminal, one line per failure, a closing summary.
//! Fonts are loaded once for the whole batch.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use er_data::Diagnostic;
use er_typeset::build;
use er_pdf::{FontSet, FontSource};

use er_i18n::t;

use crate::{error_line, output, Format};

/// Why one file was not rendered: the exit code it calls for and its findings.
struct Failure {
    code: u8,
    diagnostics: Vec<Diagnostic>,
    message: Option<String>,
}

impl Failure {
    /// One line naming the file and the first error.
    fn line(&self, file: &Path) -> String {
        match (&self.message, self.diagnostics.iter().find(|d| d.is_error())) {
            (Some(m), _) => format!("{}: {m}", file.display()),
            (None, Some(d)) => {
                // The first error with its help line, as a single render prints it.
                let more = self.diagnostics.iter().filter(|d| d.is_error()).count() - 1;
                let mut d = d.clone();
                if more > 0 {
                    d.message = t!("batch-more-errors", message = d.message, more = more);
                }
                d.to_string()
            }
            (None, None) => t!("batch-failed", file = file.display()),
        }
    }
}

/// A file's name and bytes, rendered in memory.
pub(crate) type Named = (String, Vec<u8>);

/// The document in each format, in memory, each named `<stem>.<ext>`;
/// or the first format that failed and why. The fonts are loaded only if
/// a PDF is asked for. `spread`: the formats are written on all cores, the
/// paged ones first (they take longest) — for one document; a batch
/// already keeps every core busy with one file each.
pub(crate) fn in_formats<'f>(
    doc: &er_document::Document,
    stem: &str,
    formats: &[Format],
    fonts: &(dyn Fn() -> &'f FontSet + Sync),
    spread: bool,
) -> Result<Vec<Named>, (Format, String)> {
    let one = |f: Format| -> Result<Vec<Named>, (Format, String)> {
        let bytes = match f {
            // The page, and its body alone for a website's editor.
            Format::Html => {
                return Ok(vec![
                    (format!("{stem}.html"), er_html::page(doc).into_bytes()),
                    (format!("{stem}.fragment.html"), er_html::fragment(doc).into_bytes()),
                ])
            }
            Format::Docx => er_docx::write(doc).map_err(|e| e.to_string()),
            Format::Xlsx => er_xlsx::write(doc).map_err(|e| e.to_string()),
            Format::Pdf => er_pdf::write_with(doc, fonts()).map_err(|e| pdf_error(&e)),
            Format::PdfA => er_pdf::write_pdfa(doc, fonts()).map_err(|e| pdf_error(&e)),
            Format::Ofd => er_ofd::write(doc, fonts()).map_err(|e| match e {
                er_ofd::Error::Pages(e) => pages_error(&e),
                other => other.to_string(),
            }),
            Format::Csv => Ok(er_csv::write(doc)),
        };
        Ok(vec![(format!("{stem}.{}", f.ext()), bytes.map_err(|e| (f, e))?)])
    };
    if !spread || formats.len() < 2 {
        // One after another, up to the first that fails.
        return formats.iter().map(|&f| one(f)).collect::<Result<Vec<_>, _>>().map(|v| v.concat());
    }
    // Side by side, the paged formats first (they take longest); the files
    // and the first failure in the order asked for.
    let mut order: Vec<usize> = (0..formats.len()).collect();
    order.sort_by_key(|&i| !formats[i].draws_glyphs());
    let done = parallel(order.len(), true, |k| (one(formats[order[k]]), None));
    let mut by_format: Vec<(usize, Result<Vec<Named>, (Format, String)>)> = order.into_iter().zip(done).collect();
    by_format.sort_by_key(|(i, _)| *i);
    by_format.into_iter().map(|(_, r)| r).collect::<Result<Vec<_>, _>>().map(|v| v.concat())
}

/// A PDF writer's error in the interface's language.
fn pdf_error(e: &er_pdf::Error) -> String {
    match e {
        er_pdf::Error::Pages(e) => pages_error(e),
        er_pdf::Error::Save(e) => t!("pdf-save", reason = e),
    }
}

/// A page painter's error (PDF or OFD) in the interface's language.
fn pages_error(e: &er_pages::Error) -> String {
    match e {
        er_pages::Error::MissingGlyph { c, code, place } => t!("pdf-missing-glyph", character = c, code = format!("U+{code:04X}"), place = place),
        er_pages::Error::Font { family, reason } => t!("pdf-font-embed", family = family, reason = reason),
    }
}

/// The error for inputs that hold no data file: folders without a .yaml file.
pub(crate) fn no_data_files(inputs: &[PathBuf]) -> String {
    let names = inputs.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ");
    error_line(&t!("msg-no-data-files", inputs = names), Some(&t!("help-no-data-files")))
}

fn render_one<'f>(
    file: &Path,
    out_dir: &Path,
    formats: &[Format],
    fonts: &(dyn Fn() -> &'f FontSet + Sync),
    spread: bool,
) -> Result<(Vec<PathBuf>, Vec<Diagnostic>), Failure> {
    // Every character no font has, all at once and located, before
    // anything is drawn: the same check as `check`.
    let can_draw = |c: char| fonts().has(c);
    let pdf = formats.iter().any(|f| f.draws_glyphs());
    let (loaded, findings) = crate::checked(file, pdf.then_some(&can_draw as &dyn Fn(char) -> bool))
        .map_err(|(code, diagnostics)| Failure { code, diagnostics, message: None })?;
    if findings.iter().any(|d| d.is_error()) {
        return Err(Failure { code: 1, diagnostics: findings, message: None });
    }
    let mut doc = build(&loaded.report);
    let has_contents = doc.sections.iter().flat_map(|s| &s.blocks).any(|b| matches!(b, er_document::document::Block::Contents(_)));
    if has_contents && formats.contains(&Format::Docx) {
        // The DOCX caches the 目录's page numbers as the PDF layout counts them.
        doc = er_pdf::with_contents_pages(&doc, fonts())
            .map_err(|e| Failure { code: 1, diagnostics: findings.clone(), message: Some(t!("msg-contents-pages", error = e)) })?;
    }
    let stem = file.file_stem().map_or_else(|| "report".into(), |s| s.to_string_lossy().into_owned());
    // Everything is rendered in memory first: a failure leaves the output
    // folder as it was.
    let files = match in_formats(&doc, &stem, formats, fonts, spread) {
        Ok(files) => files,
        Err((f, e)) => return Err(Failure { code: 1, diagnostics: findings, message: Some(t!("msg-cannot-render", format = f.ext().to_uppercase(), error = e)) }),
    };
    output::write_all(out_dir, &files)
        .map(|paths| (paths, findings))
        .map_err(|e| Failure { code: 2, diagnostics: Vec::new(), message: Some(e) })
}

pub fn run(inputs: &[PathBuf], out_dir: &Path, formats: &[Format], source: &FontSource, quiet: bool) -> u8 {
    // A render that was killed while writing into this folder is finished
    // first, whatever this one renders.
    if let Err(e) = output::repair(out_dir) {
        eprintln!("{}", error_line(&e, None));
        return 2;
    }
    let found = crate::inputs::expand(inputs);
    if found.files.is_empty() && found.problems.is_empty() {
        eprintln!("{}", no_data_files(inputs));
        return 2;
    }
    // An entry that cannot be read is a failure of its own, named.
    for (p, why) in &found.problems {
        eprintln!("{}", error_line(&format!("{}: {why}", p.display()), Some(&t!("help-input-special"))));
    }
    if !quiet && !found.skipped.is_empty() {
        eprintln!("{}", skipped_line(&found.skipped));
    }
    let files = found.files;
    if files.is_empty() {
        return 1;
    }
    let failed_inputs = !found.problems.is_empty();
    // Loaded at the first PDF, once for the whole batch.
    let cell = std::sync::OnceLock::new();
    let fonts_fn = || cell.get_or_init(|| FontSet::load(source));
    if files.len() == 1 && inputs.len() == 1 && !inputs[0].is_dir() && !failed_inputs {
        // One file: every finding in full, as `check` prints them.
        return match render_one(&files[0], out_dir, formats, &fonts_fn, true) {
            Ok((paths, findings)) => {
                crate::print(&findings);
                if !quiet {
                    for p in paths {
                        println!("{}", p.display());
                    }
                }
                0
            }
            Err(f) => {
                crate::print(&f.diagnostics);
                match &f.message {
                    Some(m) => eprintln!("{}", error_line(&format!("{}: {m}", files[0].display()), None)),
                    None if f.code == 1 => eprintln!("{}", t!("render-not-rendered", file = files[0].display())),
                    None => {}
                }
                f.code
            }
        };
    }
    let code = batch(&files, out_dir, formats, &fonts_fn, quiet);
    if failed_inputs { code.max(1) } else { code }
}

/// The files in the folders that are no data files, named, so that a data
/// file saved as .txt is seen to be left out.
pub(crate) fn skipped_line(skipped: &[PathBuf]) -> String {
    const SHOWN: usize = 10;
    let mut names: Vec<String> = skipped.iter().take(SHOWN).map(|p| p.display().to_string()).collect();
    if skipped.len() > SHOWN {
        names.push("…".into());
    }
    t!("inputs-skipped", n = skipped.len(), files = names.join(t!("list-separator").as_str()))
}

fn batch<'f>(files: &[PathBuf], out_dir: &Path, formats: &[Format], fonts: &(dyn Fn() -> &'f FontSet + Sync), quiet: bool) -> u8 {
    let start = Instant::now();
    // Two inputs with one stem would overwrite each other's output.
    let mut seen: std::collections::BTreeMap<std::ffi::OsString, &PathBuf> = std::collections::BTreeMap::new();
    let mut failures: Vec<(usize, String)> = Vec::new();
    let mut todo = Vec::new();
    for (i, f) in files.iter().enumerate() {
        let stem = f.file_stem().map(|s| s.to_os_string()).unwrap_or_default();
        if let Some(first) = seen.get(&stem) {
            let line = t!("batch-same-stem", file = f.display(), other = first.display());
            eprintln!("{line}");
            failures.push((i, line));
        } else {
            seen.insert(stem, f);
            todo.push(i);
        }
    }
    // Each input's files, or its failure line (printed as it happens).
    let results = parallel(todo.len(), quiet, |k| {
        let i = todo[k];
        match render_one(&files[i], out_dir, formats, fonts, false) {
            Ok((paths, _)) => ((None, paths), None),
            Err(f) => {
                let line = f.line(&files[i]);
                ((Some((i, line.clone())), Vec::new()), Some(line))
            }
        }
    });
    let mut written = Vec::new();
    for (failure, paths) in results {
        failures.extend(failure);
        written.extend(paths);
    }
    let n_failed = failures.len();
    if !quiet {
        // The files written, in the order of the inputs, as for one input.
        for p in &written {
            println!("{}", p.display());
        }
        eprintln!(
            "{}",
            t!(
                "batch-summary",
                rendered = files.len() - n_failed,
                failed = n_failed,
                seconds = format!("{:.2}", start.elapsed().as_secs_f64()),
                files = files.len(),
                dir = out_dir.display()
            )
        );
    }
    u8::from(n_failed > 0)
}

/// Runs `work` on 0..n on all cores, in the order of the items as far as
/// threads allow, with a progress bar on a terminal (unless `quiet`). A
/// line `work` returns beside its result is printed at once (above the
/// bar): a failure. Results come back in item order.
pub(crate) fn parallel<T: Send>(n: usize, quiet: bool, work: impl Fn(usize) -> (T, Option<String>) + Sync) -> Vec<T> {
    let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
        let b = indicatif::ProgressBar::new(n as u64);
        b.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed_precise} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    });
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(usize, T)>> = Mutex::new(Vec::with_capacity(n));
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(n.max(1));
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let k = next.fetch_add(1, Ordering::SeqCst);
                if k >= n {
                    break;
                }
                let (r, line) = work(k);
                if let Some(line) = line {
                    match &bar {
                        Some(b) => b.println(line),
                        None => eprintln!("{line}"),
                    }
                }
                if let Ok(mut v) = results.lock() {
                    v.push((k, r));
                }
                if let Some(b) = &bar {
                    b.inc(1);
                }
            });
        }
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let mut v = results.into_inner().unwrap_or_default();
    v.sort_by_key(|(k, _)| *k);
    v.into_iter().map(|(_, r)| r).collect()
}

