//! The interface as a new user meets it: in Chinese and in English (by
//! the locale or --lang), errors that point the right way, and the rough
//! edges issue 19 lists, each with a test that failed before.

use crate::common;

use std::path::Path;

use common::*;

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// (LANG, extra leading arguments, language expected): the locale decides,
/// and --lang overrides it both ways.
const WAYS: [(&str, &[&str], &str); 5] = [
    ("zh_CN.UTF-8", &[], "zh"),
    ("C", &[], "en"),
    ("C", &["--lang", "zh"], "zh"),
    ("zh_CN.UTF-8", &["--lang", "en"], "en"),
    ("en_US.UTF-8", &["--lang=zh"], "zh"),
];

fn run_way(lang: &str, extra: &[&str], args: &[&str]) -> std::process::Output {
    let mut all: Vec<&str> = extra.to_vec();
    all.extend(args);
    run_in(lang, &all)
}

#[test]
fn help_speaks_the_users_language() {
    for (lang, extra, want) in WAYS {
        let o = run_way(lang, extra, &["render", "--help"]);
        assert!(o.status.success(), "{lang} {extra:?}: {}", stderr(&o));
        let out = stdout(&o);
        if want == "zh" {
            for s in ["用法：", "参数：", "选项：", "输出文件夹；不存在时自动创建", "要生成的格式，用逗号分隔", "显示帮助"] {
                assert!(out.contains(s), "{lang} {extra:?}: no {s} in\n{out}");
            }
            assert!(!out.contains("Usage:") && !out.contains("Print help"), "{out}");
        } else {
            for s in ["Usage:", "Options:", "The output folder; created if missing", "Print help"] {
                assert!(out.contains(s), "{lang} {extra:?}: no {s} in\n{out}");
            }
            assert!(!out.contains("用法"), "{out}");
        }
    }
    let top = stdout(&run_in("zh_CN.UTF-8", &["--help"]));
    assert!(top.contains("命令：") && top.contains("汇总") && top.contains("行政执法年度报告"), "{top}");
}

#[test]
fn a_located_error_with_its_help_in_both_languages() {
    let dir = scratch("i18n-error");
    let file = edited_fixture(&dir, "wrong-total.yaml", &[("    合计: 37\n", "    合计: 38\n")]);
    for (lang, extra, want) in WAYS {
        let o = run_way(lang, extra, &["check", file.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1));
        let err = stderr(&o);
        let first = err.lines().next().unwrap_or("");
        // file:line:column first in both, as editors read it.
        assert!(first.starts_with(&format!("{}:70:9", file.display())), "{first}");
        if want == "zh" {
            assert!(first.contains("（第70行第9列）错误：tables.表二.合计："), "{first}");
            assert!(err.lines().any(|l| l.starts_with("  提示：")), "{err}");
            assert!(err.trim_end().lines().last().unwrap().contains("：1 处错误"), "{err}");
        } else {
            assert!(first.contains(":70:9: error: tables.表二.合计: "), "{first}");
            assert!(err.lines().any(|l| l.starts_with("  help: ")), "{err}");
            assert!(err.trim_end().lines().last().unwrap().contains(": 1 error(s)"), "{err}");
        }
    }
}

#[test]
fn the_batch_summary_in_both_languages() {
    let dir = scratch("i18n-batch");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::copy(fixture(), input.join("a.yaml")).unwrap();
    std::fs::copy(fixture(), input.join("b.yaml")).unwrap();
    for (k, (lang, extra, want)) in WAYS.iter().enumerate() {
        let out = dir.join(format!("out{k}"));
        let o = run_way(lang, extra, &["render", input.to_str().unwrap(), "-o", out.to_str().unwrap(), "--format", "xlsx"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let last = stderr(&o).lines().last().unwrap_or("").to_string();
        if *want == "zh" {
            assert!(last.starts_with("已生成 2 个，失败 0 个，用时"), "{last}");
        } else {
            assert!(last.starts_with("rendered 2, failed 0, in "), "{last}");
        }
    }
}

#[test]
fn diff_in_both_languages() {
    let dir = scratch("i18n-diff");
    let new = edited_fixture(&dir, "new.yaml", &[("    罚款: 27\n", "    罚款: 28\n"), ("    合计: 37\n", "    合计: 38\n")]);
    for (lang, extra, want) in WAYS {
        let o = run_way(lang, extra, &["diff", fixture().to_str().unwrap(), new.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1));
        let out = stdout(&o);
        if want == "zh" {
            assert!(out.contains("表二 罚款：27 → 28"), "{out}");
        } else {
            assert!(out.contains("表二 罚款: 27 → 28"), "{out}");
        }
    }
}

/// A DOCX whose section lost its w:orient="portrait" (as a LibreOffice
/// re-save leaves it) and whose first section became landscape.
fn docx_with_sections(src: &[u8], edit: impl Fn(String) -> String) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(src)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        if name == "word/document.xml" {
            bytes = edit(String::from_utf8(bytes).unwrap()).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn diff_names_page_setup_as_people_do_and_ignores_a_dropped_default() {
    let dir = scratch("diff-sections");
    let docx = render(&fixture(), "docx", &dir);
    assert!(String::from_utf8_lossy(&er_read::docx::parts(&docx).unwrap()["word/document.xml"]).contains(r#"w:orient="portrait""#));
    // Dropped: the default stays, so no difference.
    let dropped = docx_with_sections(&docx, |x| x.replace(r#" w:orient="portrait""#, ""));
    let (a, b) = (dir.join("a.docx"), dir.join("b.docx"));
    std::fs::write(&a, &docx).unwrap();
    std::fs::write(&b, &dropped).unwrap();
    let o = run(&["diff", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    // Landscape → (not set): a difference, named as people name it.
    let landscape = docx_with_sections(&docx, |x| x.replacen(r#"w:orient="portrait""#, r#"w:orient="landscape""#, 1));
    std::fs::write(&a, &landscape).unwrap();
    for (lang, want) in [("zh_CN.UTF-8", "页面设置 第1节 页面方向：横向 → （未设置，默认纵向）"), ("C", "page setup section 1, orientation: landscape → (not set: portrait by default)")] {
        let o = run_in(lang, &["diff", a.to_str().unwrap(), b.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1));
        let out = stdout(&o);
        assert!(out.lines().any(|l| l == want), "{lang}: {out}");
        assert!(!out.contains("Section {") && !out.contains("Some("), "a debug structure: {out}");
    }
    // --json keeps the stored values.
    let o = run(&["diff", "--json", a.to_str().unwrap(), b.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let d = v.as_array().unwrap().iter().find(|d| d["place"].as_str().unwrap_or("").contains("orientation")).expect("the orientation");
    assert_eq!((d["old_raw"].as_str(), d["new_raw"].as_str()), (Some("landscape"), Some("")));
}

#[test]
fn a_word_excel_or_pdf_file_given_as_data_is_named_and_import_pointed_to() {
    let dir = scratch("foreign");
    let docx = render(&fixture(), "docx", &dir.join("out"));
    let xlsx = render(&fixture(), "xlsx", &dir.join("out"));
    let pdf = render(&fixture(), "pdf", &dir.join("out"));
    for (name, bytes, en, zh) in [
        ("report.docx", docx, "this is a Word document (.docx), not a data file", "这是Word 文档（.docx），不是数据文件"),
        ("report.xlsx", xlsx, "this is an Excel workbook (.xlsx), not a data file", "这是Excel 工作簿（.xlsx），不是数据文件"),
        ("report.pdf", pdf, "this is a PDF file, not a data file", "这是PDF 文件，不是数据文件"),
    ] {
        // Named .yaml, so that only the bytes tell.
        let f = dir.join(name.replace('.', "-") + ".yaml");
        std::fs::write(&f, bytes).unwrap();
        let o = run(&["check", f.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        let err = stderr(&o);
        assert!(err.contains(en), "{err}");
        assert!(err.contains(&format!("enforcement-report import {} -o report.yaml", f.display())), "{err}");
        assert!(!err.contains("UTF-8"), "not an encoding problem: {err}");
        let o = run_in("zh_CN.UTF-8", &["check", f.to_str().unwrap()]);
        assert!(stderr(&o).contains(zh), "{}", stderr(&o));
    }
}

#[test]
fn full_width_digits_get_a_hint_to_type_ordinary_ones() {
    let dir = scratch("full-width");
    let f = edited_fixture(&dir, "wide.yaml", &[("    罚款: 27\n", "    罚款: ２７\n")]);
    let o = run(&["check", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains(&format!("{}:59:", f.display())) || err.contains("wide.yaml:"), "{err}");
    assert!(err.contains("２７ is written in full-width digits"), "{err}");
    assert!(err.contains("help: type ordinary (half-width, 半角) digits: 罚款: 27"), "{err}");
}

#[test]
fn an_input_folder_without_data_files_is_an_error() {
    let dir = scratch("empty-input");
    for cmd in ["render", "rollup"] {
        let o = run(&[cmd, dir.to_str().unwrap(), "-o", dir.join("out").to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{cmd}: {}", stderr(&o));
        assert!(stderr(&o).contains("no data files (.yaml) in"), "{}", stderr(&o));
        let o = run_in("zh_CN.UTF-8", &[cmd, dir.to_str().unwrap()]);
        assert!(stderr(&o).contains("中没有数据文件（.yaml）"), "{}", stderr(&o));
    }
}

#[test]
fn format_takes_any_case_and_spaces_after_commas() {
    let dir = scratch("format-case");
    for (format, files) in [("PDF", &["pdf"][..]), ("pdf, xlsx", &["pdf", "xlsx"][..]), ("Docx , CSV", &["csv", "docx"][..])] {
        let out = dir.join(format.replace([' ', ','], "_"));
        let o = run(&["render", fixture().to_str().unwrap(), "-o", out.to_str().unwrap(), "--format", format, "--fonts", "bundled"]);
        assert!(o.status.success(), "{format}: {}", stderr(&o));
        let mut got: Vec<String> = std::fs::read_dir(&out).unwrap().flatten().map(|e| e.path().extension().unwrap().to_string_lossy().into_owned()).collect();
        got.sort();
        assert_eq!(got, files, "{format}");
    }
    let o = run(&["render", fixture().to_str().unwrap(), "--format", "odt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("`odt` is not a format: write docx, pdf, xlsx, csv, html or ofd"), "{}", stderr(&o));
}

#[test]
fn batch_failures_print_their_help_lines() {
    let dir = scratch("batch-help");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::copy(fixture(), input.join("good.yaml")).unwrap();
    let s = std::fs::read_to_string(fixture()).unwrap().replacen("    合计: 37\n", "    合计: 38\n", 1);
    std::fs::write(input.join("bad.yaml"), s).unwrap();
    let o = run(&["render", input.to_str().unwrap(), "-o", dir.join("out").to_str().unwrap(), "--format", "xlsx"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let at = err.lines().position(|l| l.contains("bad.yaml:70:9: error:")).unwrap_or_else(|| panic!("{err}"));
    assert!(err.lines().nth(at + 1).is_some_and(|l| l.starts_with("  help: ")), "{err}");
}

#[test]
fn quiet_prints_only_failures() {
    let dir = scratch("quiet");
    let o = run(&["render", "-q", fixture().to_str().unwrap(), "-o", dir.to_str().unwrap(), "--format", "xlsx"]);
    assert!(o.status.success());
    assert_eq!((stdout(&o).as_str(), stderr(&o).as_str()), ("", ""));
    assert!(dir.join("aral-emergency-2024.xlsx").exists());
}

#[test]
fn a_missing_font_folder_is_an_error() {
    let dir = scratch("font-dir");
    let missing = dir.join("no-such-fonts");
    for cmd in [&["check", fixture().to_str().unwrap()][..], &["render", fixture().to_str().unwrap(), "-o", dir.to_str().unwrap()][..]] {
        let mut args = cmd.to_vec();
        args.extend(["--font-dir", missing.to_str().unwrap()]);
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(&format!("the font folder {} does not exist", missing.display())), "{}", stderr(&o));
    }
    assert!(std::fs::read_dir(&dir).unwrap().next().is_none(), "nothing rendered");
}

#[test]
fn completions_for_four_shells_and_a_man_page() {
    for (shell, marker) in [("bash", "complete -F"), ("zsh", "#compdef enforcement-report"), ("fish", "complete -c enforcement-report"), ("powershell", "Register-ArgumentCompleter")] {
        let o = run(&["completions", shell]);
        assert!(o.status.success(), "{shell}");
        let s = stdout(&o);
        assert!(s.contains(marker) && s.contains("rollup") && s.contains("font-dir"), "{shell}: {s}");
    }
    let o = run(&["man"]);
    assert!(o.status.success());
    let man = stdout(&o);
    assert!(man.starts_with(".TH ENFORCEMENT\\-REPORT 1"), "{man}");
    assert!(man.contains(".SS rollup") && man.contains(".SS render") && man.contains("\\fB\\-\\-pdfa\\fR"), "{man}");
    // One page: it names no other page (no enforcement-report-render(1)).
    assert!(!man.contains("(1)") && !man.contains(".SS help"), "{man}");
    // In Chinese: the page and the completions' descriptions.
    let man = stdout(&run_in("zh_CN.UTF-8", &["man"]));
    assert!(man.contains(".SH 名称") && man.contains(".SH 选项") && man.contains("检查数据文件"), "{man}");
    let zsh = stdout(&run_in("zh_CN.UTF-8", &["completions", "zsh"]));
    assert!(zsh.contains("检查数据文件") && zsh.contains("输出文件夹"), "{zsh}");
}

#[test]
fn init_writes_the_schema_it_points_to() {
    let dir = scratch("init-schema");
    let out = dir.join("report-2025.yaml");
    let o = run(&["init", "--from", fixture().to_str().unwrap(), "--year", "2025", "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    let first = text.lines().next().unwrap();
    let name = first.strip_prefix("# yaml-language-server: $schema=").expect("a schema line");
    let schema = dir.join(name);
    assert!(schema.exists(), "{first}: {} is not there", schema.display());
    let committed = std::fs::read_to_string(root().join("docs/report.schema.json")).unwrap();
    assert_eq!(std::fs::read_to_string(&schema).unwrap(), committed, "the template's schema, as `schema` prints it");
    // And `schema -o` writes it where one wants.
    let other = dir.join("elsewhere.json");
    assert!(run(&["schema", "-o", other.to_str().unwrap()]).status.success());
    assert_eq!(std::fs::read_to_string(other).unwrap(), committed);
    let _ = Path::new(name);
}

/// Every finding of the bad-input and bad-template corpora reads in
/// Chinese under a Chinese locale: its frame, and its message, which is
/// not the English one.
#[test]
fn every_finding_of_the_corpora_speaks_chinese() {
    let mut checked = 0;
    for (dir, cmd) in [("tests/bad-input", "check"), ("tests/bad-template", "check-template")] {
        let mut files: Vec<_> = std::fs::read_dir(root().join(dir)).unwrap().flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "yaml")).collect();
        files.sort();
        for f in files {
            let en = stderr(&run(&[cmd, f.to_str().unwrap()]));
            let zh = stderr(&run_in("zh_CN.UTF-8", &[cmd, f.to_str().unwrap()]));
            let findings = |s: &str, marks: [&str; 2]| -> Vec<String> { s.lines().filter(|l| marks.iter().any(|m| l.contains(m))).map(str::to_string).collect() };
            let (e, z) = (findings(&en, [": error: ", ": warning: "]), findings(&zh, ["错误：", "警告："]));
            assert_eq!(e.len(), z.len(), "{}:\n{en}\n{zh}", f.display());
            for (a, b) in e.iter().zip(&z) {
                assert_ne!(a, b, "{}: the same in both languages", f.display());
                // The message after the frame differs too, not only the frame.
                let tail = |s: &str, sep: &str| s.rsplit(sep).next().unwrap_or("").to_string();
                assert_ne!(tail(a, ": "), tail(b, "："), "{}: an English message under zh: {b}", f.display());
                checked += 1;
            }
            let helps = |s: &str, m: &str| s.lines().filter(|l| l.starts_with(m)).count();
            assert_eq!(helps(&en, "  help: "), helps(&zh, "  提示："), "{}", f.display());
        }
    }
    assert!(checked > 60, "{checked} findings");
}

#[test]
fn command_line_mistakes_are_told_in_the_users_language() {
    for (args, zh, en) in [
        (&["render", "--bogus"][..], "错误：无法识别的参数 --bogus", "unexpected argument '--bogus'"),
        (&["rendr"][..], "错误：rendr 不是命令", "unrecognized subcommand 'rendr'"),
        (&["render", "x.yaml", "--fonts", "none"][..], "错误：none 不是 --fonts <字体> 可取的值：可取的值有 auto, bundled", "invalid value 'none'"),
    ] {
        let o = run_in("zh_CN.UTF-8", args);
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).starts_with(zh) && stderr(&o).contains("提示：用 --help 查看命令和选项"), "{}", stderr(&o));
        let o = run(args);
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains(en), "{}", stderr(&o));
    }
}

/// A table of typos a clerk makes, each with the one suggestion it must
/// give, in both languages: a field, a table label, a figure key (each
/// said once, not also as a missing one), a command and an option.
#[test]
fn each_typo_gets_the_one_likely_name() {
    let dir = scratch("typos");
    let cases: [(&str, &str, &str, &str); 3] = [
        ("agency: 第一师阿拉尔市应急管理局", "agnecy: 第一师阿拉尔市应急管理局", "是不是 `agency`？", "did you mean `agency`?"),
        ("  表二:\n", "  表儿:\n", "是不是 表二？", "did you mean 表二?"),
        ("    罚款: 27", "    罚宽: 27", "是不是 `罚款`？", "did you mean `罚款`?"),
    ];
    for (i, (old, new, zh, en)) in cases.iter().enumerate() {
        let file = edited_fixture(&dir, &format!("typo{i}.yaml"), &[(old, new)]);
        for (lang, want) in [("zh_CN.UTF-8", zh), ("C", en)] {
            let o = run_in(lang, &["check", file.to_str().unwrap()]);
            let err = stderr(&o);
            assert_eq!(o.status.code(), Some(1), "{err}");
            let errors: Vec<&str> = err.lines().filter(|l| l.contains("错误：") || l.contains(": error: ")).collect();
            assert_eq!(errors.len(), 1, "{lang}: one error for one typo:\n{err}");
            assert!(errors[0].contains(want), "{lang}: {}", errors[0]);
        }
    }
    for (args, zh, en) in [
        (&["rendr"][..], "rendr 不是命令：是不是 render？", "'render'"),
        (&["render", "x.yaml", "--fromat", "pdf"][..], "无法识别的参数 --fromat：是不是 --format？", "'--format'"),
    ] {
        let o = run_in("zh_CN.UTF-8", args);
        assert!(stderr(&o).contains(zh), "{}", stderr(&o));
        let o = run(args);
        assert!(stderr(&o).contains(en), "{}", stderr(&o));
    }
}

/// What a Chinese input method leaves in a data file: a full-width colon
/// after a key, full-width spaces as indentation, an invisible character
/// at the end of a key. Each is an error at its own line and column with
/// the fix, all at once; nothing is corrected silently.
#[test]
fn input_method_typos_are_named_where_they_are() {
    let dir = scratch("ime");
    let file = edited_fixture(
        &dir,
        "ime.yaml",
        &[("    罚款: 27", "    罚款：27"), ("    警告: ~\n    罚款", "\u{3000}\u{3000}警告: ~\n    罚款"), ("    受理数量: 39", "    受理数量\u{00A0}: 39")],
    );
    let text = std::fs::read_to_string(&file).unwrap();
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let o = run_in("zh_CN.UTF-8", &["check", file.to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    let name = file.display().to_string();
    for (needle, col, message, fix) in [
        ("受理数量\u{00A0}", 9, "键“受理数量”末尾有一个看不见的字符：不换行空格（U+00A0）", "删去键末尾的这个字符"),
        ("\u{3000}\u{3000}警告", 1, "缩进里有全角空格（U+3000）", "换成半角空格"),
        ("罚款：27", 7, "“罚款”后面是全角冒号“：”", "把全角冒号“：”改为半角冒号“:”"),
    ] {
        let at = format!("{name}:{}:{col}", line_of(needle));
        let lines: Vec<&str> = err.lines().collect();
        let k = lines.iter().position(|l| l.starts_with(&at)).unwrap_or_else(|| panic!("nothing at {at}:\n{err}"));
        assert!(lines[k].contains(message) && lines[k + 1].contains(fix), "{}\n{}", lines[k], lines[k + 1]);
    }
    // Notes and paragraphs may hold full-width colons: the fixture has them.
    let o = run(&["check", fixture().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// The operating system's errors in the user's language: a file that is
/// not there, an output folder that cannot be made.
#[test]
fn os_errors_speak_the_users_language() {
    let dir = scratch("os-errors");
    let missing = dir.join("nowhere.yaml");
    let o = run_in("zh_CN.UTF-8", &["check", missing.to_str().unwrap()]);
    let err = stderr(&o);
    assert!(err.starts_with(&format!("{}：错误：无法读取文件：没有这个文件或文件夹", missing.display())), "{err}");
    let blocked = dir.join("a-file");
    std::fs::write(&blocked, "").unwrap();
    let o = run_in("zh_CN.UTF-8", &["render", fixture().to_str().unwrap(), "-o", blocked.join("out").to_str().unwrap()]);
    let err = stderr(&o);
    assert!(err.contains("无法创建输出文件夹") && err.contains("路径中有一部分不是文件夹") && !err.contains("os error"), "{err}");
    let o = run(&["check", missing.to_str().unwrap()]);
    assert!(stderr(&o).contains("cannot read the file: no such file or folder"), "{}", stderr(&o));
}

/// Help reads as Chinese does (参数：, not 参数:), lists diff's files in
/// their order, names every kind of file import reads; options of the
/// correction notice without --notice are an error, not ignored.
#[test]
fn help_and_options_a_clerk_can_follow() {
    let o = run_in("zh_CN.UTF-8", &["diff", "--help"]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0));
    assert!(out.contains("\n参数：\n  <旧文件>") && out.contains("\n选项：\n") && !out.contains("参数:") && !out.contains("选项:"), "{out}");
    assert!(out.find("<旧文件>  ").unwrap() < out.find("<新文件>  ").unwrap(), "{out}");
    let o = run_in("zh_CN.UTF-8", &["import", "--help"]);
    let about = stdout(&o).lines().next().unwrap_or_default().to_string();
    for kind in ["Word", "PDF", "网页", "文本", "统计表格"] {
        assert!(about.contains(kind), "{about}");
    }
    let f = fixture();
    let o = run_in("zh_CN.UTF-8", &["diff", f.to_str().unwrap(), f.to_str().unwrap(), "--format", "docx", "-o", "x.docx"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--notice"), "{}", stderr(&o));
}

/// Under a Chinese locale the interface speaks Chinese: every help text,
/// the manual page, the messages for each bad data file of
/// tests/bad-input, the JSON Schema's descriptions, the template list and
/// init's comments hold no English word — only the names a user types or
/// reads as names: commands, options and their values, field names,
/// template names, formats and standards (PDF, GB/T), and the user's own
/// text quoted back (in “ ” or after a tag's !).
#[test]
fn chinese_output_holds_no_english_words() {
    let allowed: std::collections::BTreeSet<&str> = [
        // the program, its commands and option values
        "enforcement", "report", "check", "render", "rollup", "init", "import", "diff", "completions", "man", "schema", "templates", "template",
        "auto", "bundled", "zh", "en", "bash", "zsh", "fish", "powershell", "md", "roff", "output",
        // formats, encodings and standards, as their names are written
        "docx", "pdf", "xlsx", "csv", "html", "ofd", "yaml", "json", "DOCX", "PDF", "XLSX", "CSV", "HTML", "OFD", "YAML", "JSON", "Schema",
        "UTF", "GBK", "GB", "ISO", "NUL", "FFFE", "FFFF", "YYYY", "MM", "DD", "Word", "WPS", "ENFORCEMENT", "REPORT",
        // field names of the data file, and the built-in templates' names
        "agency", "year", "tables", "part", "title", "signature", "heading", "blocks", "previous", "bingtuan", "national", "detailed",
    ]
    .into_iter()
    .collect();
    let zh = |args: &[&str]| -> String {
        let o = run_in("zh_CN.UTF-8", args);
        String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr)
    };
    let mut texts: Vec<(String, String)> = vec![("--help".into(), zh(&["--help"])), ("man".into(), zh(&["man"]))];
    for c in ["check", "render", "rollup", "init", "import", "diff", "completions", "man", "schema", "templates", "check-template"] {
        texts.push((format!("{c} --help"), zh(&[c, "--help"])));
    }
    texts.push(("templates".into(), zh(&["templates"])));
    let mut bad: Vec<std::path::PathBuf> = std::fs::read_dir(root().join("tests/bad-input")).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "yaml")).collect();
    bad.sort();
    for f in &bad {
        texts.push((format!("check {}", f.display()), zh(&["check", "--fonts", "bundled", f.to_str().unwrap()])));
    }
    let schema: serde_json::Value = serde_json::from_str(&zh(&["schema"])).unwrap();
    fn descriptions(v: &serde_json::Value, out: &mut String) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, x) in m {
                    match x {
                        serde_json::Value::String(s) if k == "description" || k == "title" => out.push_str(&format!("{s}\n")),
                        _ => descriptions(x, out),
                    }
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| descriptions(x, out)),
            _ => {}
        }
    }
    let mut d = String::new();
    descriptions(&schema, &mut d);
    texts.push(("schema".into(), d));
    let dir = scratch("zh-words");
    let next = dir.join("next.yaml");
    let said = zh(&["init", "--from", fixture().to_str().unwrap(), "--year", "2025", "-o", next.to_str().unwrap()]);
    let comments: String = std::fs::read_to_string(&next).unwrap().lines().filter(|l| l.contains('#') && !l.contains("yaml-language-server")).map(|l| format!("{}\n", &l[l.find('#').unwrap()..])).collect();
    texts.push(("init".into(), said + &comments));
    let mut found: Vec<String> = Vec::new();
    for (what, text) in &texts {
        // roff's escapes, back-quoted commands and the user's text quoted back.
        let mut t = text.replace("\\-", "-").replace("\\fB", " ").replace("\\fR", " ").replace("\\e", "\\");
        for (open, close) in [('`', '`'), ('“', '”'), ('\'', '\'')] {
            let mut out = String::new();
            let mut inside = false;
            for c in t.chars() {
                if (!inside && c == open) || (inside && c == close) {
                    inside = !inside;
                    out.push(' ');
                } else if !inside {
                    out.push(c);
                }
            }
            t = out;
        }
        for token in t.split(|c: char| c.is_whitespace() || "，。；：、（）《》【】,;:()[]<>\"=|…".contains(c)) {
            if token.contains(['/', '.', '_', '\\', '@', '$', '{', '~']) || token.starts_with(['-', '!', '&', '*', '%']) {
                continue;
            }
            let mut word = String::new();
            for c in token.chars().chain([' ']) {
                if c.is_ascii_alphabetic() {
                    word.push(c);
                } else {
                    if word.len() >= 2 && !allowed.contains(word.as_str()) {
                        found.push(format!("{word} ({what})"));
                    }
                    word.clear();
                }
            }
        }
    }
    found.sort();
    found.dedup();
    assert!(found.is_empty(), "English words in Chinese output: {found:#?}");
}
