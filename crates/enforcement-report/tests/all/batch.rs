//! `render` over folders and several files: the rest renders when some
//! fail, one line per failure, a summary, exit 1.

use crate::common;

use common::*;

#[test]
fn a_folder_with_broken_files_renders_the_rest_and_names_each_failure() {
    let input = scratch("batch-in");
    for name in ["a.yaml", "b.yaml", "c.yaml"] {
        std::fs::copy(fixture(), input.join(name)).unwrap();
    }
    std::fs::write(input.join("broken-syntax.yaml"), "agency: [").unwrap();
    edited_fixture(&input, "broken-total.yaml", &[("    合计: 37", "    合计: 38")]);
    std::fs::write(input.join("notes.txt"), "not a data file").unwrap();
    let out = scratch("batch-out");
    let o = run(&["render", input.to_str().unwrap(), "-o", out.to_str().unwrap(), "--fonts", "bundled", "--format", "xlsx,docx"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.iter().filter(|l| l.contains("broken-syntax.yaml:") && l.contains("YAML syntax error")).count(), 1, "{err}");
    assert_eq!(lines.iter().filter(|l| l.contains("broken-total.yaml:") && l.contains("合计 is 38")).count(), 1, "{err}");
    assert!(lines.last().unwrap().starts_with("rendered 3, failed 2, in "), "{err}");
    let mut written: Vec<String> = std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    written.sort();
    assert_eq!(written, ["a.docx", "a.xlsx", "b.docx", "b.xlsx", "c.docx", "c.xlsx"]);
    // Each file's output is the same as rendering it alone.
    let alone = render(&input.join("b.yaml"), "xlsx", &scratch("batch-alone"));
    assert_eq!(std::fs::read(out.join("b.xlsx")).unwrap(), alone);
}

#[test]
fn quiet_prints_only_failures() {
    let input = scratch("quiet-in");
    std::fs::copy(fixture(), input.join("a.yaml")).unwrap();
    std::fs::copy(fixture(), input.join("b.yaml")).unwrap();
    let out = scratch("quiet-out");
    let o = run(&["render", input.to_str().unwrap(), "-o", out.to_str().unwrap(), "--format", "xlsx", "--quiet"]);
    assert!(o.status.success());
    assert!(o.stderr.is_empty(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn two_inputs_with_one_name_do_not_overwrite_each_other() {
    let a = scratch("same-name-a");
    let b = scratch("same-name-b");
    std::fs::copy(fixture(), a.join("r.yaml")).unwrap();
    std::fs::copy(fixture(), b.join("r.yaml")).unwrap();
    let out = scratch("same-name-out");
    let o = run(&["render", a.join("r.yaml").to_str().unwrap(), b.join("r.yaml").to_str().unwrap(), "-o", out.to_str().unwrap(), "--format", "xlsx"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("its output names are those of"));
}

/// Several inputs print the files written, in the order of the inputs, as
/// one input does; `--quiet` prints none.
#[test]
fn a_batch_prints_the_files_it_wrote_in_input_order() {
    let dir = scratch("batch-paths");
    let a = dir.join("b-second.yaml");
    let b = dir.join("a-first.yaml");
    std::fs::copy(fixture(), &a).unwrap();
    std::fs::copy(root().join("fixtures/example-2025.yaml"), &b).unwrap();
    let out = dir.join("out");
    let o = run(&["render", a.to_str().unwrap(), b.to_str().unwrap(), "-o", out.to_str().unwrap(), "--format", "docx,xlsx", "--fonts", "bundled"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let printed: Vec<String> = String::from_utf8_lossy(&o.stdout).lines().map(String::from).collect();
    let want: Vec<String> = ["b-second.docx", "b-second.xlsx", "a-first.docx", "a-first.xlsx"].iter().map(|n| out.join(n).display().to_string()).collect();
    assert_eq!(printed, want);
    assert!(want.iter().all(|p| std::path::Path::new(p).is_file()));
    let o = run(&["render", a.to_str().unwrap(), b.to_str().unwrap(), "-o", out.to_str().unwrap(), "--format", "docx", "--quiet"]);
    assert_eq!((o.status.code(), o.stdout.len()), (Some(0), 0));
}

/// A batch writes each file's formats one after another, one file per
/// core; a single render writes its formats side by side on all cores.
/// Both give every file the same bytes, in every format.
#[test]
fn a_batch_gives_the_bytes_each_file_gets_alone() {
    let input = scratch("batch-bytes-in");
    let examples = root().join("fixtures");
    let names = ["aral-emergency-2024", "national-2021-detailed-example", "example-2025"];
    for name in names {
        std::fs::copy(examples.join(format!("{name}.yaml")), input.join(format!("{name}.yaml"))).unwrap();
    }
    let out = scratch("batch-bytes-out");
    let formats = "docx,pdf,xlsx,csv,ofd";
    let o = run(&["render", input.to_str().unwrap(), "-o", out.to_str().unwrap(), "--fonts", "bundled", "--format", formats, "--quiet"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for name in names {
        let alone = scratch(&format!("batch-bytes-alone-{name}"));
        let o = run(&["render", input.join(format!("{name}.yaml")).to_str().unwrap(), "-o", alone.to_str().unwrap(), "--fonts", "bundled", "--format", formats, "--quiet"]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        for ext in ["docx", "pdf", "xlsx", "csv", "ofd"] {
            let file = format!("{name}.{ext}");
            let (a, b) = (std::fs::read(out.join(&file)).unwrap(), std::fs::read(alone.join(&file)).unwrap());
            assert!(a.len() > 100, "{file} is written");
            assert!(a == b, "{file}: the batch's bytes differ from the file's rendered alone");
        }
    }
}
