//! `check` and `render` on good and bad data files.

use crate::common;

use common::*;

#[test]
fn the_fixture_checks_clean() {
    let o = run(&["check", fixture().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn a_changed_penalty_count_names_the_total_the_category_and_the_line() {
    let dir = scratch("check-28");
    let f = edited_fixture(&dir, "r.yaml", &[("    罚款: 27", "    罚款: 28")]);
    let o = run(&["check", f.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    let line = std::fs::read_to_string(&f).unwrap().lines().position(|l| l.contains("合计: 37")).unwrap() + 1;
    assert!(err.contains(&format!("r.yaml:{line}:")), "{err}");
    assert!(err.contains("合计 is 37") && err.contains("罚款 28"), "{err}");
}

#[test]
fn every_bad_file_gives_its_exit_code_and_located_message() {
    let dir = root().join("tests/bad-input");
    let mut n = 0;
    for c in cases(&dir) {
        let (file, code, line, message) = (c.file.as_str(), c.code, c.line.as_str(), c.message.as_str());
        let path = dir.join(file);
        let o = run(&["check", path.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!err.contains("panicked"), "{file} panicked: {err}");
        assert_eq!(o.status.code(), Some(code), "{file}: {err}");
        assert!(err.contains(message), "{file}: expected “{message}” in:\n{err}");
        if line != "0" {
            assert!(err.contains(&format!("{file}:{line}:")), "{file}: expected line {line} in:\n{err}");
        }
        // Rendering refuses it the same way and writes nothing.
        let out = scratch(&format!("bad-{file}"));
        let o = run(&["render", path.to_str().unwrap(), "-o", out.to_str().unwrap(), "--fonts", "bundled"]);
        assert_eq!(o.status.code(), Some(code), "render {file}");
        let written = std::fs::read_dir(&out).unwrap().count();
        assert_eq!(written, if code == 0 { 3 } else { 0 }, "render {file} wrote {written} files");
        n += 1;
    }
    assert!(n >= 40, "only {n} cases");
}

#[test]
fn a_50_mb_file_is_refused_before_it_is_read() {
    let dir = scratch("big");
    let f = dir.join("big.yaml");
    let line = "# ".to_string() + &"填".repeat(1000) + "\n";
    std::fs::write(&f, line.repeat(50 * 1024 * 1024 / line.len())).unwrap();
    let o = run(&["check", f.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("a report data file is at most"), "{err}");
}

#[test]
fn an_output_folder_that_cannot_be_written_is_a_clear_error() {
    let dir = scratch("unwritable");
    let blocker = dir.join("a-file");
    std::fs::write(&blocker, "x").unwrap();
    let out = blocker.join("output");
    let o = run(&["render", fixture().to_str().unwrap(), "-o", out.to_str().unwrap(), "--format", "xlsx"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("cannot create the output folder"), "{err}");
}

#[test]
fn a_missing_output_folder_is_created() {
    let out = scratch("created").join("a/b");
    render(&fixture(), "xlsx", &out);
    assert!(out.join("aral-emergency-2024.xlsx").exists());
}

#[test]
fn a_missing_file_is_exit_2() {
    let o = run(&["check", "/nonexistent/report.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot read the file"));
}

#[test]
fn help_and_version_work() {
    assert!(run(&["--help"]).status.success());
    let v = run(&["--version"]);
    assert!(String::from_utf8_lossy(&v.stdout).contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn a_failed_render_leaves_existing_files_untouched() {
    let out = scratch("keep");
    render(&fixture(), "docx", &out);
    let before = std::fs::read(out.join("aral-emergency-2024.docx")).unwrap();
    let bad = scratch("keep-src");
    let f = edited_fixture(&bad, "aral-emergency-2024.yaml", &[("    罚款: 27", "    罚款: 28")]);
    let o = run(&["render", f.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(std::fs::read(out.join("aral-emergency-2024.docx")).unwrap(), before);
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 1);
}

/// A data file of a million and a half values (a 3 MB flow list pasted
/// in) is refused where its 100,001st value stands, and nothing is
/// rendered.
#[test]
fn a_file_of_millions_of_values_is_refused_where_it_goes_over() {
    let dir = scratch("too-many-values");
    let fixture_text = std::fs::read_to_string(fixture()).unwrap();
    let lines = fixture_text.lines().count();
    let f = dir.join("big.yaml");
    std::fs::write(&f, format!("{fixture_text}junk: [{}]\n", vec!["1"; 1_500_000].join(","))).unwrap();
    let out = dir.join("out");
    let o = run(&["render", f.to_str().unwrap(), "-o", out.to_str().unwrap(), "--format", "csv"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    // The fixture holds fewer than 1,000 values: the one over 100,000 is
    // the list's, on the line after the fixture's last.
    let at = err.lines().find(|l| l.contains("more than 100000 values")).unwrap_or_else(|| panic!("{err}"));
    assert!(at.starts_with(&format!("{}:{}:", f.display(), lines + 1)), "{at}");
    assert!(err.contains("help: check that this is a report data file"), "{err}");
    assert!(!out.join("big.csv").exists(), "nothing rendered");
}
