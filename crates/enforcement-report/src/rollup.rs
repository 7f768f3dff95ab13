//! `rollup`: many agencies' data files of one template and year become the
//! summary a county or city 司法局 publishes (one row per agency and a totals
//! row per table) as DOCX, PDF, XLSX and CSV.
//!
//! Every file is loaded and checked first, on all cores. The roll-up is
//! refused, with every problem listed and located, when a file fails
//! `check`, when the files name different templates or years, or when an
//! agency comes twice. Nothing is written then.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use er_data::{Diagnostic, Loaded};
use er_rollup::{rollup, Heading};
use er_pdf::{FontSet, FontSource};
use rust_decimal::Decimal;

use er_i18n::t;

use crate::{batch, error_line, output, Format};

/// What the user asked for besides the files.
pub struct Options {
    pub heading: Heading,
    /// Agencies by name (the GBK order: pinyin for the common characters),
    /// not in the order given.
    pub sort: bool,
    /// Warn when an agency's total differs from last year's by more than
    /// this factor (a zero counting as one).
    pub warn_change: Option<Decimal>,
    pub formats: Vec<Format>,
    pub quiet: bool,
}

/// What the roll-up keeps of one agency's file once it is checked: its
/// figures, and where its template, year and agency stand. The index of
/// the file and its narrative are let go as each file is read, so the
/// memory a roll-up holds per agency stays small.
struct Agency {
    report: er_data::Report,
    file: String,
    template_at: Option<er_data::Loc>,
    year_at: Option<er_data::Loc>,
    agency_at: Option<er_data::Loc>,
}

impl Agency {
    fn new(l: Loaded) -> Agency {
        let (template_at, year_at, agency_at) = (at(&l, "template"), at(&l, "year"), at(&l, "agency"));
        let mut report = l.report;
        report.narrative.blocks = Vec::new();
        report.previous_year = BTreeMap::new();
        Agency { report, file: l.file, template_at, year_at, agency_at }
    }
}

/// One checked file, or what is wrong with it.
type Outcome = Result<(Agency, Vec<Diagnostic>), Vec<Diagnostic>>;

pub fn run(inputs: &[PathBuf], out_dir: &Path, source: &FontSource, opts: &Options) -> u8 {
    let start = Instant::now();
    if let Err(e) = output::repair(out_dir) {
        eprintln!("{}", error_line(&e, None));
        return 2;
    }
    let found = crate::inputs::expand(inputs);
    if found.files.is_empty() && found.problems.is_empty() {
        eprintln!("{}", batch::no_data_files(inputs));
        return 2;
    }
    if !opts.quiet && !found.skipped.is_empty() {
        eprintln!("{}", batch::skipped_line(&found.skipped));
    }
    let files = &found.files;
    let cell = std::sync::OnceLock::new();
    let fonts = || cell.get_or_init(|| FontSet::load(source));
    let pdf = opts.formats.iter().any(|f| f.draws_glyphs());
    let outcomes: Vec<Outcome> = batch::parallel(files.len(), opts.quiet, |i| {
        let can_draw = |c: char| fonts().has(c);
        let outcome = match crate::checked(&files[i], pdf.then_some(&can_draw as &dyn Fn(char) -> bool)) {
            Ok((loaded, mut findings)) if !findings.iter().any(Diagnostic::is_error) => {
                findings.extend(warn(&loaded, opts.warn_change));
                Ok((Agency::new(loaded), findings))
            }
            Ok((_, findings)) => Err(findings),
            Err((_, findings)) => Err(findings),
        };
        (outcome, None)
    });

    // An agency left out would make every total wrong: an entry that
    // cannot be read refuses the roll-up.
    let mut problems: Vec<Diagnostic> =
        found.problems.iter().map(|(p, why)| Diagnostic::error(&p.display().to_string(), None, "", why.clone()).with_help(t!("help-input-special"))).collect();
    let mut warnings: Vec<Diagnostic> = Vec::new();
    let mut failed = 0;
    let mut loaded: Vec<Agency> = Vec::new();
    for (file, outcome) in files.iter().zip(outcomes) {
        match outcome {
            Ok((l, findings)) => {
                warnings.extend(findings);
                loaded.push(l);
            }
            Err(findings) => {
                failed += 1;
                if findings.is_empty() {
                    problems.push(Diagnostic::error(&file.display().to_string(), None, "", t!("rollup-fails-check")));
                }
                problems.extend(findings);
            }
        }
    }
    problems.extend(mixed(&loaded));
    crate::print(&warnings);
    if !problems.is_empty() {
        crate::print(&problems);
        let errors = problems.iter().filter(|d| d.is_error()).count();
        let dir = out_dir.display();
        if failed > 0 {
            eprintln!("{}", t!("rollup-refused-failing", errors = errors, failed = failed, files = files.len(), dir = dir));
        } else {
            eprintln!("{}", t!("rollup-refused", errors = errors, dir = dir));
        }
        return 1;
    }

    let mut reports: Vec<&er_data::Report> = loaded.iter().map(|l| &l.report).collect();
    if opts.sort {
        reports.sort_by_cached_key(|r| sort_key(&r.agency));
    }
    let doc = match rollup(&reports, &opts.heading) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{}", error_line(&t!("msg-total-too-large", table = e.table, column = e.column), Some(&t!("help-total-too-large"))));
            return 1;
        }
    };
    let (year, agencies) = (doc.info.year, reports.len());
    // The summary holds all it needs: the files' data goes before the
    // formats are rendered (a thousand agencies' narratives are most of
    // the memory otherwise).
    drop(reports);
    drop(loaded);
    let stem = format!("rollup-{year}");
    let out = match batch::in_formats(&doc, &stem, &opts.formats, &fonts, true) {
        Ok(out) => out,
        Err((f, e)) => {
            eprintln!("{}", error_line(&t!("msg-cannot-render-rollup", format = f.ext().to_uppercase(), error = e), None));
            return 1;
        }
    };
    match output::write_all(out_dir, &out) {
        Ok(paths) => {
            if !opts.quiet {
                for p in &paths {
                    println!("{}", p.display());
                }
                eprintln!(
                    "{}",
                    t!(
                        "rollup-done",
                        agencies = agencies,
                        year = year,
                        seconds = format!("{:.2}", start.elapsed().as_secs_f64()),
                        warnings = warnings.len(),
                        read = files.len(),
                        found = found.found()
                    )
                );
            }
            0
        }
        Err(e) => {
            eprintln!("{}", error_line(&e, None));
            2
        }
    }
}

/// The agency's name in the order Chinese users sort names: by its GBK
/// bytes, which put the 3,755 common characters in pinyin order.
fn sort_key(name: &str) -> Vec<u8> {
    let (bytes, _, _) = encoding_rs::GBK.encode(name.trim());
    bytes.into_owned()
}

/// Where `path` stands in the file, or, for a field the file leaves out
/// (a computed total), the key of the nearest field that holds it.
fn at(l: &Loaded, path: &str) -> Option<er_data::Loc> {
    let mut p = path;
    while l.index.get(p).is_none() {
        match p.rfind('.') {
            Some(cut) => p = &p[..cut],
            None => return Some(er_data::Loc { line: 1, column: 1 }),
        }
    }
    l.index.locate_key(p)
}

/// Files of another template or year than the first file, and agencies
/// that come twice: each located in the file that differs.
fn mixed(loaded: &[Agency]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // The files are measured against the template and year most of them
    // have (the earliest such file on a tie), so that one stray file is
    // the one named, whatever its place in the list.
    let most = |key: &dyn Fn(&Agency) -> String| -> Option<&Agency> {
        let mut count: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        for (i, l) in loaded.iter().enumerate() {
            count.entry(key(l)).or_insert((0, i)).0 += 1;
        }
        count.values().max_by_key(|(n, i)| (*n, std::cmp::Reverse(*i))).map(|&(_, i)| &loaded[i])
    };
    // A template is what its figures mean, not only its name: two files
    // that share a name but not a unit are not added up.
    // Files of a built-in template share one; its key is made once, not
    // once per agency.
    let mut keys: BTreeMap<*const er_template::Template, String> = BTreeMap::new();
    for l in loaded {
        let t = &l.report.template;
        keys.entry(std::sync::Arc::as_ptr(t)).or_insert_with(|| format!("{}\n{}", t.name, er_template::meaning_key(t)));
    }
    let meaning = |l: &Agency| keys[&std::sync::Arc::as_ptr(&l.report.template)].clone();
    let Some(first) = most(&meaning) else { return out };
    let year_ref = most(&|l| l.report.year.to_string()).unwrap_or(first);
    for l in loaded {
        let (t, t0) = (&l.report.template.name, &first.report.template.name);
        let what = if t != t0 {
            Some(t!("rollup-other-template", template = t, other = first.file, expected = t0))
        } else if std::sync::Arc::ptr_eq(&first.report.template, &l.report.template) {
            None
        } else {
            er_template::difference(&first.report.template, &l.report.template)
                .map(|d| t!("rollup-other-content", template = t, other = first.file, difference = d))
        };
        if let Some(what) = what {
            out.push(Diagnostic::error(&l.file, l.template_at, "template", what).with_help(t!("help-rollup-template")));
        }
        if l.report.year != year_ref.report.year {
            let (year, other) = (year_ref.report.year, &year_ref.file);
            out.push(
                Diagnostic::error(&l.file, l.year_at, "year", t!("rollup-other-year", year = l.report.year, other = other, expected = year))
                    .with_help(t!("help-rollup-year")),
            );
        }
    }
    let mut seen: BTreeMap<String, &Agency> = BTreeMap::new();
    for l in loaded {
        let name = l.report.agency.trim();
        let identity = agency_identity(name);
        match seen.get(&identity) {
            Some(before) => {
                let place = before.agency_at.map_or_else(
                    || before.file.clone(),
                    |p| t!("diagnostic-place", file = before.file, line = p.line, column = p.column),
                );
                out.push(
                    Diagnostic::error(&l.file, l.agency_at, "agency", t!("rollup-twice", agency = name, other = place))
                        .with_help(t!("help-rollup-twice")),
                );
                let first_name = before.report.agency.trim();
                if first_name != name {
                    out.push(
                        Diagnostic::warning(
                            &l.file,
                            l.agency_at,
                            "agency",
                            t!("rollup-twice-folded", agency = name, other = first_name, folding = foldings(first_name, name)),
                        )
                        .with_help(t!("help-rollup-twice-folded")),
                    );
                }
            }
            None => {
                seen.insert(identity, l);
            }
        }
    }
    out
}

/// What makes two spellings of an agency's name one agency: Unicode NFKC
/// (composed and decomposed forms, compatibility ideographs such as U+F90A
/// for 金, full-width digits, letters and brackets: 第１师 is 第1师, （…）
/// is (…)), and no white space anywhere (a space, U+3000, a line folded by
/// YAML).
///
/// ```ignore
/// assert_eq!(agency_identity("第１师 （阿拉尔市）"), agency_identity("第1师(阿拉尔市)"));
/// ```
pub(crate) fn agency_identity(name: &str) -> String {
    numerals_as_digits(&spelled(name))
}

/// The name without spaces, its full-width and compatibility characters
/// folded (NFKC).
fn spelled(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.nfkc().filter(|c| !c.is_whitespace()).collect()
}

/// The value of a Chinese numeral character: a digit, or a unit (10, 100,
/// 1,000). 万 and 两 are left alone: no unit's number is written with
/// them, and 万州 or 两当 are place names.
fn numeral(c: char) -> Option<(u64, bool)> {
    Some(match c {
        '〇' | '零' => (0, false),
        '一' => (1, false),
        '二' => (2, false),
        '三' => (3, false),
        '四' => (4, false),
        '五' => (5, false),
        '六' => (6, false),
        '七' => (7, false),
        '八' => (8, false),
        '九' => (9, false),
        '十' => (10, true),
        '百' => (100, true),
        '千' => (1000, true),
        _ => return None,
    })
}

/// Each run of Chinese numerals as Arabic digits, so that 第一师 and 第1师,
/// 第十二师 and 第12师 name one agency: with units a number (十二 → 12,
/// 一百零五 → 105), without them digit by digit (二〇二四 → 2024).
fn numerals_as_digits(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run: Vec<(u64, bool)> = Vec::new();
    let flush = |run: &mut Vec<(u64, bool)>, out: &mut String| {
        if run.iter().any(|&(_, unit)| unit) {
            let (mut total, mut digit) = (0u64, None);
            for &(v, unit) in run.iter() {
                if unit {
                    total += digit.unwrap_or(1) * v;
                    digit = None;
                } else {
                    digit = (v > 0).then_some(v);
                }
            }
            out.push_str(&(total + digit.unwrap_or(0)).to_string());
        } else {
            out.extend(run.iter().map(|&(v, _)| char::from(b'0' + v as u8)));
        }
        run.clear();
    };
    for c in s.chars() {
        match numeral(c) {
            Some(n) => run.push(n),
            None => {
                flush(&mut run, &mut out);
                out.push(c);
            }
        }
    }
    flush(&mut run, &mut out);
    out
}

/// The ways in which two spellings of one name differ, in words.
fn foldings(a: &str, b: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut kinds = Vec::new();
    let spaced = |s: &str| s.chars().any(char::is_whitespace);
    let composed = |s: &str| s.nfc().collect::<String>();
    let compat = |s: &str| s.nfkc().collect::<String>();
    if spaced(a) || spaced(b) {
        kinds.push(t!("fold-space"));
    }
    if composed(a) != a || composed(b) != b {
        kinds.push(t!("fold-composition"));
    }
    if compat(&composed(a)) != composed(a) || compat(&composed(b)) != composed(b) {
        kinds.push(t!("fold-width"));
    }
    if spelled(a) != spelled(b) {
        kinds.push(t!("fold-numerals"));
    }
    kinds.join(t!("list-separator").as_str())
}

/// An agency whose figures are all blank, and, given a factor, one whose
/// totals differ from last year's (its `previous_year`) by more than it.
fn warn(l: &Loaded, factor: Option<Decimal>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    {
        let r = &l.report;
        let values: Vec<Vec<er_data::FigureValue>> = (0..r.template.tables.len()).map(|t| r.values(t)).collect();
        // The figures an agency gives, totals and rates aside.
        let parts = r.template.tables.iter().zip(&values).flat_map(|(d, v)| d.columns.iter().zip(v).filter(|(c, _)| c.total_of.is_none() && c.rate.is_none()));
        if parts.into_iter().all(|(_, v)| v.is_blank()) {
            out.push(
                Diagnostic::warning(&l.file, at(l, "tables"), "tables", t!("rollup-all-blank", agency = r.agency.trim()))
                    .with_help(t!("help-rollup-all-blank")),
            );
        }
        let Some(factor) = factor else { return out };
        for (ti, def) in r.template.tables.iter().enumerate() {
            // The table's totals; a table without any compares each figure.
            let totals: Vec<usize> = (0..def.columns.len()).filter(|&c| def.columns[c].total_of.is_some()).collect();
            let cols = if totals.is_empty() { (0..def.columns.len()).collect() } else { totals };
            for c in cols {
                let key = &def.columns[c].key;
                let (Some(now), Some(before)) = (values[ti][c].number(), r.previous_figure(&def.label, key)) else { continue };
                // A zero counts as one: 0 → 2 is no alarm at a factor of 3.
                let (a, b) = (now.max(Decimal::ONE), before.max(Decimal::ONE));
                let changed = a > b * factor || b > a * factor;
                if changed {
                    let path = format!("tables.{}.{key}", def.label);
                    out.push(
                        Diagnostic::warning(
                            &l.file,
                            at(l, &path),
                            &path,
                            t!("rollup-change", agency = r.agency.trim(), now = now, before = before, factor = factor),
                        )
                        .with_help(t!("help-rollup-change")),
                    );
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::agency_identity;

    #[test]
    fn spellings_of_one_agency_are_one() {
        let plain = agency_identity("第1师阿拉尔市金融局(试点)");
        for other in [
            "第１师阿拉尔市金融局（试点）",
            "第1师阿拉尔市\u{F90A}融局(试点)",
            "第1师 阿拉尔市\u{3000}金融局 (试点)",
            "第1师阿拉尔市金融局(试点)\n",
        ] {
            assert_eq!(agency_identity(other), plain, "{other}");
        }
        assert_ne!(agency_identity("第2师阿拉尔市金融局(试点)"), plain);
        // Chinese numerals and digits.
        assert_eq!(agency_identity("第一师阿拉尔市金融局(试点)"), plain);
        assert_eq!(agency_identity("第十二师"), agency_identity("第12师"));
        assert_ne!(agency_identity("第十二师"), agency_identity("第十一师"));
        assert_ne!(agency_identity("第一师"), agency_identity("第二师"));
    }

    #[test]
    fn chinese_numerals_read_as_digits() {
        use super::numerals_as_digits as d;
        for (zh, digits) in [
            ("第一师", "第1师"),
            ("第十师", "第10师"),
            ("第十四师", "第14师"),
            ("第二十师", "第20师"),
            ("第二十一中学", "第21中学"),
            ("一百零五团", "105团"),
            ("一千零二十", "1020"),
            ("二〇二四年", "2024年"),
            ("三五", "35"),
            ("零", "0"),
            ("万州区两当县", "万州区两当县"),
            ("阿拉尔市", "阿拉尔市"),
        ] {
            assert_eq!(d(zh), digits, "{zh}");
        }
        // NFD and NFC of a name with a composed letter (é).
        assert_eq!(agency_identity("Caf\u{E9}局"), agency_identity("Cafe\u{301}局"));
    }
}
