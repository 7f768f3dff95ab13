//! The web page (`--format html`): read back with Python's HTML parser and
//! in Chromium with axe-core, against the reference text and the published
//! grids; nothing fetched from outside; `import` gives the data back.

use crate::common;

use std::path::{Path, PathBuf};

use common::*;
use er_testkit::{first_difference, squash};

/// The built-in templates' examples.
fn examples() -> Vec<PathBuf> {
    ["aral-emergency-2024", "example-2025", "national-2021-example", "national-2021-detailed-example"].iter().map(|n| root().join(format!("fixtures/{n}.yaml"))).collect()
}

/// The page and the fragment of `data`, rendered into `dir`.
fn made(data: &Path, dir: &Path) -> (PathBuf, PathBuf) {
    render(data, "html", dir);
    let stem = data.file_stem().unwrap().to_string_lossy().into_owned();
    (dir.join(format!("{stem}.html")), dir.join(format!("{stem}.fragment.html")))
}

/// With Python's html.parser: the text inside <main> (or the whole
/// fragment) in document order, one entry per text node, and the header
/// of each table as a grid: (row, col, rows, cols, text) of each <thead>
/// cell, positions resolved from rowspan and colspan as a browser does.
const READ: &str = r##"
import json, sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.main = False; self.texts = []; self.tables = []; self.head = False; self.cell = None; self.row = -1; self.taken = set(); self.h1 = []; self.in_h1 = False; self.outside = []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for k in ("src", "href", "srcset", "poster", "data", "action"):
            if k in a and not a[k].startswith("#"): self.outside.append(f"{tag} {k}={a[k]}")
        if tag in ("link", "script", "iframe", "img", "object", "embed"): self.outside.append(tag)
        if "url(" in a.get("style", "") or "@import" in a.get("style", ""): self.outside.append("style url")
        if tag == "main": self.main = True
        if tag == "h1": self.in_h1 = True
        if tag == "table": self.tables.append([]); self.row = -1; self.taken = set()
        if tag == "thead": self.head = True
        if tag == "tr" and self.head: self.row += 1
        if tag in ("th", "td") and self.head:
            col = 0
            while (self.row, col) in self.taken: col += 1
            rows, cols = int(a.get("rowspan", 1)), int(a.get("colspan", 1))
            for r in range(rows):
                for c in range(cols): self.taken.add((self.row + r, col + c))
            self.cell = [self.row, col, rows, cols, ""]
    def handle_endtag(self, tag):
        if tag == "thead": self.head = False
        if tag == "h1": self.in_h1 = False
        if tag in ("th", "td") and self.cell is not None:
            self.tables[-1].append(self.cell); self.cell = None
    def handle_data(self, d):
        if self.cell is not None: self.cell[4] += d
        if self.in_h1: self.h1.append(d)
        elif self.main: self.texts.append(d)
    def handle_decl(self, d): pass
text = open(sys.argv[1], encoding="utf-8").read()
p = P(); p.main = sys.argv[2] == "fragment"; p.feed(text)
style = text[text.find("<style>"):text.find("</style>")]
if "url(" in style or "@import" in style: p.outside.append("style block url")
print(json.dumps({"texts": p.texts, "h1": "".join(p.h1), "tables": p.tables, "outside": p.outside}, ensure_ascii=False))
"##;

fn read(file: &Path, kind: &str) -> serde_json::Value {
    serde_json::from_str(&python(READ, &[file.to_str().unwrap(), kind])).expect("JSON")
}

/// Every character of the reference in order, in the page and in the
/// fragment; the page's heading is the report's title, as the site shows
/// it above the article.
#[test]
fn every_character_of_the_reference_in_order() {
    let dir = scratch("html-text");
    let (page, fragment) = made(&fixture(), &dir);
    for (file, kind) in [(&page, "page"), (&fragment, "fragment")] {
        let v = read(file, kind);
        assert_eq!(v["h1"], "第一师阿拉尔市应急管理局2024年行政执法年度报告", "{kind}");
        let text: String = v["texts"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
        if let Some(diff) = first_difference(&squash(&reference()), &squash(&text)) {
            panic!("the {kind}'s text differs from the reference {diff}");
        }
    }
}

/// The merged header of every table of every built-in template, as the
/// page's rowspan and colspan lay it out, is the published grid (written
/// here from the published tables, as the template tests write them).
#[test]
fn each_tables_header_is_the_published_grid() {
    let dir = scratch("html-grids");
    // 表三 of the reference (spec §3): four header rows.
    let (page, _) = made(&fixture(), &dir);
    let v = read(&page, "page");
    let t3: Vec<(u64, u64, u64, u64, String)> = v["tables"][2]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c[0].as_u64().unwrap(), c[1].as_u64().unwrap(), c[2].as_u64().unwrap(), c[3].as_u64().unwrap(), c[4].as_str().unwrap().to_string()))
        .collect();
    let want: Vec<(u64, u64, u64, u64, &str)> = vec![
        (0, 0, 2, 5, "行政强制措施实施数量（宗）"),
        (0, 5, 1, 7, "行政强制执行实施数量（宗）"),
        (0, 12, 3, 1, "合并"),
        (1, 5, 1, 6, "行政机关强制执行"),
        (1, 11, 2, 1, "申请法院强制执行"),
        (2, 0, 1, 1, "限制公民人身自由"),
        (2, 1, 1, 1, "查封场所、设施或者财物"),
        (2, 2, 1, 1, "扣押财物"),
        (2, 3, 1, 1, "冻结存款、汇款"),
        (2, 4, 1, 1, "其他行政强制措施"),
        (2, 5, 1, 1, "加处罚款或者滞纳金"),
        (2, 6, 1, 1, "划拨存款、汇款"),
        (2, 7, 1, 1, "拍卖或者依法处理查封、扣押的场所、设施或者财物"),
        (2, 8, 1, 1, "排除妨碍、恢复原状"),
        (2, 9, 1, 1, "代履行"),
        (2, 10, 1, 1, "其他强制执行"),
    ];
    let got: Vec<(u64, u64, u64, u64, String)> = {
        let mut g = t3.clone();
        g.sort();
        g
    };
    let mut want_sorted = want.clone();
    want_sorted.sort();
    assert_eq!(got.iter().map(|c| (c.0, c.1, c.2, c.3, squash(&c.4))).collect::<Vec<_>>(), want_sorted.iter().map(|c| (c.0, c.1, c.2, c.3, c.4.to_string())).collect::<Vec<_>>());
    // Every built-in template: the page's header grid is the published
    // one, as the template tests write it from the published tables.
    for name in ["bingtuan-2024", "national-2021", "national-2021-detailed"] {
        let data = match name {
            "bingtuan-2024" => fixture(),
            n => root().join(format!("fixtures/{n}-example.yaml")),
        };
        let (page, _) = made(&data, &dir.join(name));
        let v = read(&page, "page");
        let tables = v["tables"].as_array().unwrap();
        let want = crate::templates::oracle(name);
        assert_eq!(tables.len(), want.len(), "{name}");
        for ((label, cells), got) in want.iter().zip(tables) {
            let mut want: Vec<(u64, u64, u64, u64, String)> = cells.iter().map(|c| (c.1 as u64, c.2 as u64, c.3 as u64, c.4 as u64, squash(c.0))).collect();
            want.sort();
            let mut got: Vec<(u64, u64, u64, u64, String)> = got.as_array().unwrap().iter().map(|c| (c[0].as_u64().unwrap(), c[1].as_u64().unwrap(), c[2].as_u64().unwrap(), c[3].as_u64().unwrap(), squash(c[4].as_str().unwrap()))).collect();
            got.sort();
            assert_eq!(got, want, "{name} {label}");
        }
    }
}

/// Nothing from outside the page: no script, stylesheet link, image, font
/// or URL; links only to the page's own headings and tables.
#[test]
fn the_page_refers_to_nothing_outside_itself() {
    let dir = scratch("html-self");
    for ex in examples() {
        let (page, fragment) = made(&ex, &dir);
        for (file, kind) in [(&page, "page"), (&fragment, "fragment")] {
            let v = read(file, kind);
            assert_eq!(v["outside"], serde_json::json!([]), "{} {kind}", ex.display());
        }
        let text = std::fs::read_to_string(&page).unwrap();
        assert!(text.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">") && text.contains("<meta charset=\"utf-8\">") && text.contains("<main"), "{}", ex.display());
    }
}

/// `import` of each example's page and of its fragment, rendered again,
/// gives the same page: `diff` of the two pages finds nothing. For the
/// reference, `diff` of the data files finds nothing either. (An example
/// whose text cites last year's figures, {表一.申请数量:同比}, gets the
/// phrase back as the words it printed: last year's figures are not on
/// the page.)
#[test]
fn import_of_the_page_and_the_fragment_gives_no_diff() {
    let dir = scratch("html-import");
    for ex in examples() {
        let stem = ex.file_stem().unwrap().to_string_lossy().into_owned();
        let (page, fragment) = made(&ex, &dir.join(&stem));
        for (k, file) in [page.clone(), fragment].into_iter().enumerate() {
            let again = dir.join(format!("{stem}-{k}"));
            std::fs::create_dir_all(&again).unwrap();
            let data = again.join(format!("{stem}.yaml"));
            let o = run(&["import", file.to_str().unwrap(), "-o", data.to_str().unwrap()]);
            assert!(o.status.success(), "{}: {}", file.display(), String::from_utf8_lossy(&o.stderr));
            let (rendered, _) = made(&data, &again);
            let d = run(&["diff", page.to_str().unwrap(), rendered.to_str().unwrap()]);
            assert_eq!(d.status.code(), Some(0), "{}: {}", file.display(), String::from_utf8_lossy(&d.stdout));
            if ex == fixture() {
                let d = run(&["diff", ex.to_str().unwrap(), data.to_str().unwrap()]);
                assert_eq!(d.status.code(), Some(0), "{}: {}", file.display(), String::from_utf8_lossy(&d.stdout));
            }
        }
    }
    // And diff sees a changed figure and a changed merge.
    let page = dir.join("aral-emergency-2024/aral-emergency-2024.html");
    let text = std::fs::read_to_string(&page).unwrap();
    let changed = dir.join("changed.html");
    std::fs::write(&changed, text.replacen(">173.7821088<", ">173.7821089<", 1).replacen("colspan=\"2\"", "colspan=\"1\"", 1)).unwrap();
    let d = run(&["diff", page.to_str().unwrap(), changed.to_str().unwrap()]);
    let out = String::from_utf8_lossy(&d.stdout).into_owned();
    assert_eq!(d.status.code(), Some(1), "{out}");
    assert!(out.contains("173.7821088 @9+1 → 173.7821089 @9+1"), "{out}");
    assert!(out.lines().count() >= 2, "{out}");
}

/// In Chromium with axe-core (WCAG 2 A and AA and best practices, as GB/T
/// 37668-2019 follows WCAG 2.0): no violation on any example's page; and
/// a table wider than a phone scrolls inside its own box, the page not.
#[test]
fn axe_finds_no_violation_and_a_phone_scrolls_only_the_tables() {
    let dir = scratch("html-axe");
    let pages: Vec<String> = examples().iter().map(|ex| made(ex, &dir).0.display().to_string()).collect();
    let axe = root().join("target/test-tools/node_modules/axe-core/axe.min.js");
    assert!(axe.is_file(), "axe-core is needed: make test installs it (scripts/test-tools.sh)");
    let mut args = vec![axe.to_str().unwrap().to_string()];
    args.extend(pages.iter().cloned());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let v: serde_json::Value = serde_json::from_str(&python(AXE, &args)).expect("JSON");
    for page in &pages {
        assert_eq!(v["violations"][page], serde_json::json!([]), "{page}");
        // At 390 px: the page itself no wider than the screen; each table
        // that is wider scrolls in its box.
        let phone = &v["phone"][page];
        assert!(phone["page"].as_f64().unwrap() <= 390.0, "{page}: the page is {} px wide on a phone", phone["page"]);
        for b in phone["boxes"].as_array().unwrap() {
            assert!(b["box"].as_f64().unwrap() <= 390.0 && (b["table"].as_f64().unwrap() <= b["box"].as_f64().unwrap() || b["scrolls"].as_bool().unwrap()), "{page}: {b}");
        }
    }
}

/// Selenium and Debian's Chromium: axe on each page at 1280 px, then each
/// page at 390 px, its width and each table box's.
const AXE: &str = r##"
import json, sys
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
axe = open(sys.argv[1]).read()
def browser(width):
    o = Options()
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},900"]:
        o.add_argument(a)
    if width < 600:
        o.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": width, "height": 844, "pixelRatio": 1}})
    o.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
out = {"violations": {}, "phone": {}}
d = browser(1280)
try:
    for page in sys.argv[2:]:
        d.get("file://" + page)
        d.execute_script(axe)
        r = d.execute_async_script("const done = arguments[arguments.length - 1]; axe.run(document, {resultTypes: ['violations']}).then(r => done(r)).catch(e => done({violations: [{id: String(e), nodes: []}]}));")
        out["violations"][page] = [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:3]} for v in r["violations"]]
finally:
    d.quit()
d = browser(390)
try:
    for page in sys.argv[2:]:
        d.get("file://" + page)
        out["phone"][page] = d.execute_script("""return {page: document.documentElement.scrollWidth,
            boxes: [...document.querySelectorAll('table')].map(t => ({box: t.parentElement.clientWidth, table: t.scrollWidth,
            scrolls: getComputedStyle(t.parentElement).overflowX == 'auto'}))}""")
finally:
    d.quit()
print(json.dumps(out))
"##;
