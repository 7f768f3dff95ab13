//! Table templates: the built-in ones against the published tables, merged
//! grids read back from all three formats, broken templates, data read
//! against its template, and random templates.

use crate::common;

use std::path::Path;

use common::*;
use proptest::prelude::*;

/// A header cell as the published tables draw it: text, row, col, rows, cols.
pub(crate) type Rect = (&'static str, usize, usize, usize, usize);

/// The expected headers, written from the published tables (spec §3 for
/// the reference; the national templates as their tables are printed),
/// not from the template code. Leaves are listed left to right in their row.
pub(crate) fn oracle(template: &str) -> Vec<(&'static str, Vec<Rect>)> {
    fn row(r: usize, from: usize, labels: &[&'static str]) -> Vec<Rect> {
        labels.iter().enumerate().map(|(i, l)| (*l, r, from + i, 1, 1)).collect()
    }
    let mut out = Vec::new();
    match template {
        "bingtuan-2024" => {
            let mut t1 = vec![("行政许可实施数量（宗）", 0, 0, 1, 5)];
            t1.extend(row(1, 0, &["申请数量", "受理数量", "许可数量", "不予许可数量", "撤销许可数量"]));
            let mut t2 = vec![("行政处罚实施数量（宗）", 0, 0, 1, 10)];
            t2.extend(row(1, 0, &["警告", "罚款", "没收违法所得、没收非法财物", "暂扣许可证、执照", "责令停产停业", "吊销许可证、执照", "行政拘留", "其他行政处罚", "合计（宗）", "罚没金额（万元）"]));
            let mut t3 = vec![
                ("行政强制措施实施数量（宗）", 0, 0, 2, 5),
                ("行政强制执行实施数量（宗）", 0, 5, 1, 7),
                ("合并", 0, 12, 3, 1),
                ("行政机关强制执行", 1, 5, 1, 6),
                ("申请法院强制执行", 1, 11, 2, 1),
            ];
            t3.extend(row(2, 0, &["限制公民人身自由", "查封场所、设施或者财物", "扣押财物", "冻结存款、汇款", "其他行政强制措施", "加处罚款或者滞纳金", "划拨存款、汇款", "拍卖或者依法处理查封、扣押的场所、设施或者财物", "排除妨碍、恢复原状", "代履行", "其他强制执行"]));
            let mut t4 = vec![
                ("行政征收", 0, 0, 1, 2),
                ("行政检查", 0, 2, 1, 1),
                ("行政裁决", 0, 3, 1, 2),
                ("行政给付", 0, 5, 1, 2),
                ("行政确认", 0, 7, 1, 1),
                ("行政奖励", 0, 8, 1, 2),
                ("其他行政执法行为", 0, 10, 1, 1),
            ];
            t4.extend(row(1, 0, &["次数", "总金额（万元）", "次数", "次数", "涉及金额（万元）", "次数", "给付总金额（万元）", "次数", "次数", "奖励总金额（万元）", "宗数"]));
            out.extend([("表一", t1), ("表二", t2), ("表三", t3), ("表四", t4)]);
        }
        "national-2021" => {
            let mut t1 = vec![("行政处罚实施数量（宗）", 0, 0, 1, 10), ("罚没金额（万元）", 0, 10, 2, 1)];
            t1.extend(row(1, 0, &["警告、通报批评", "罚款", "没收违法所得、没收非法财物", "暂扣许可证、执照，降低资质等级", "吊销许可证、执照", "限制开展生产经营活动", "责令停产停业、责令关闭、限制从业", "行政拘留", "其他行政处罚", "合计（宗）"]));
            let mut t2 = vec![("行政许可实施数量（宗）", 0, 0, 1, 7)];
            t2.extend(row(1, 0, &["申请数量", "受理数量", "许可数量", "不予许可数量", "变更数量", "延续数量", "撤销许可数量"]));
            let mut t3 = vec![("行政强制措施（宗）", 0, 0, 1, 4), ("行政强制执行（宗）", 0, 4, 1, 2), ("合计（宗）", 0, 6, 2, 1)];
            t3.extend(row(1, 0, &["查封场所、设施或者财物", "扣押财物", "冻结存款、汇款", "其他行政强制措施", "行政机关强制执行", "申请法院强制执行"]));
            let mut t4 = vec![
                ("行政征收", 0, 0, 1, 2),
                ("行政征用", 0, 2, 1, 1),
                ("行政检查", 0, 3, 1, 1),
                ("行政确认", 0, 4, 1, 1),
                ("行政裁决", 0, 5, 1, 1),
                ("行政给付", 0, 6, 1, 2),
                ("行政奖励", 0, 8, 1, 1),
                ("其他行政执法行为", 0, 9, 1, 1),
            ];
            t4.extend(row(1, 0, &["次数", "金额（万元）", "次数", "次数", "次数", "次数", "次数", "金额（万元）", "次数", "次数"]));
            out.extend([("表一", t1), ("表二", t2), ("表三", t3), ("表四", t4)]);
        }
        "national-2021-detailed" => {
            let mut t1 = vec![
                ("行政处罚实施情况", 0, 0, 1, 18),
                ("立案数量（件）", 1, 0, 2, 1),
                ("结案数量（件）", 1, 1, 2, 1),
                ("行政处罚案件数量（件）", 1, 2, 1, 15),
                ("罚没金额（元）", 1, 17, 2, 1),
            ];
            t1.extend(row(2, 2, &["警告", "通报批评", "罚款", "没收违法所得", "没收非法财物", "暂扣许可证件", "降低资质等级", "吊销许可证件", "限制开展生产经营活动", "责令停产停业", "责令关闭", "限制从业", "行政拘留", "其他行政处罚", "合计"]));
            let mut t2 = vec![("行政许可实施数量（件）", 0, 0, 1, 5)];
            t2.extend(row(1, 0, &["申请数量", "受理数量", "许可数量", "不予许可数量", "撤销许可数量"]));
            let mut t3 = vec![
                ("行政强制措施（件）", 0, 0, 2, 5),
                ("行政强制执行（件）", 0, 5, 1, 7),
                ("合计", 0, 12, 3, 1),
                ("行政机关强制执行", 1, 5, 1, 6),
                ("申请法院强制执行", 1, 11, 2, 1),
            ];
            t3.extend(row(2, 0, &["限制公民人身自由", "查封场所、设施或者财物", "扣押财物", "冻结存款、汇款", "其他行政强制措施", "加处罚款或者滞纳金", "划拨存款、汇款", "拍卖或者依法处理查封、扣押的场所、设施或者财物", "排除妨碍、恢复原状", "代履行", "其他强制执行"]));
            let mut t4 = vec![("行政征收", 0, 0, 1, 2), ("行政征用", 0, 2, 1, 2)];
            t4.extend(row(1, 0, &["次数", "金额（元）", "次数", "补偿金额（元）"]));
            let mut t5 = vec![("行政检查（次）", 0, 0, 1, 4), ("检查结果（个）", 0, 4, 1, 2)];
            t5.extend(row(1, 0, &["日常检查", "专项检查", "双随机抽查", "合计", "发现问题", "责令整改"]));
            let t6 = row(0, 0, &["执法人员数（人）", "持证人数（人）", "持证率（%）"]);
            out.extend([("表一", t1), ("表二", t2), ("表三", t3), ("表四", t4), ("表五", t5), ("表六", t6)]);
        }
        other => panic!("no oracle for {other}"),
    }
    for (_, cells) in &mut out {
        cells.sort_by_key(|c| (c.1, c.2));
    }
    out
}

fn example(template: &str) -> std::path::PathBuf {
    match template {
        "bingtuan-2024" => fixture(),
        t => root().join(format!("fixtures/{t}-example.yaml")),
    }
}

type Grid = Vec<(usize, usize, usize, usize)>;

fn rects(cells: &[Rect]) -> Grid {
    let mut v: Grid = cells.iter().map(|c| (c.1, c.2, c.3, c.4)).collect();
    v.sort();
    v
}

/// The header grid of every table, as the three formats draw it.
fn grids_read_back(data: &Path, header_rows: &[usize]) -> [Vec<(Grid, Vec<String>)>; 3] {
    let out = scratch("grids");
    let flat = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    // DOCX: w:gridSpan and w:vMerge.
    let docx = er_read::docx::Docx::read(&render(data, "docx", &out)).unwrap();
    let from_docx: Vec<(Grid, Vec<String>)> = (0..docx.tables.len())
        .map(|t| {
            let mut g: Vec<_> = docx.table_grid(t).into_iter().filter(|c| c.0 < header_rows[t]).collect();
            g.sort();
            (g.iter().map(|c| (c.0, c.1, c.2, c.3)).collect(), g.iter().map(|c| flat(&c.4)).collect())
        })
        .collect();
    // XLSX: merged ranges, and single cells where no range covers them.
    let sheets = er_read::xlsx::read(&render(data, "xlsx", &out)).unwrap();
    let from_xlsx: Vec<(Grid, Vec<String>)> = sheets
        .iter()
        .zip(header_rows)
        .map(|(s, &h)| {
            let first = 2u32; // label and title rows above the header
            let mut g: Vec<(usize, usize, usize, usize, String)> = Vec::new();
            for (&(r, c), v) in &s.cells {
                if r < first || r >= first + h as u32 {
                    continue;
                }
                let (rows, cols) = s
                    .merged
                    .iter()
                    .find(|m| m.0 == r && m.1 == c)
                    .map_or((1, 1), |m| ((m.2 - m.0 + 1) as usize, (m.3 - m.1 + 1) as usize));
                g.push(((r - first) as usize, c as usize, rows, cols, flat(&v.text())));
            }
            g.sort();
            (g.iter().map(|c| (c.0, c.1, c.2, c.3)).collect(), g.iter().map(|c| c.4.clone()).collect())
        })
        .collect();
    // PDF: the cells the rules draw.
    let pages = er_read::pdf::read(&render(data, "pdf", &out)).unwrap();
    let tables: Vec<Vec<er_read::pdf::RuledCell>> = pages.iter().flat_map(|p| p.ruled_tables()).collect();
    let from_pdf: Vec<(Grid, Vec<String>)> = tables
        .iter()
        .zip(header_rows)
        .map(|(t, &h)| {
            let mut g: Grid = t.iter().filter(|c| c.row < h).map(|c| (c.row, c.col, c.rows, c.cols)).collect();
            g.sort();
            (g, Vec::new())
        })
        .collect();
    [from_docx, from_xlsx, from_pdf]
}

#[test]
fn templates_lists_the_three_built_in_templates() {
    let o = run(&["templates"]);
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    for name in ["bingtuan-2024", "national-2021", "national-2021-detailed"] {
        assert!(out.lines().any(|l| l.starts_with(name)), "{name} missing from:\n{out}");
    }
}

#[test]
fn each_built_in_grid_is_the_published_one() {
    for t in er_template::builtin::all() {
        let want = oracle(&t.name);
        assert_eq!(t.tables.len(), want.len(), "{}", t.name);
        for (def, (label, cells)) in t.tables.iter().zip(&want) {
            assert_eq!(&def.label, label);
            let got: Vec<Rect> = def.grid.iter().map(|c| (c.text.as_str(), c.row, c.col, c.rows, c.cols)).collect::<Vec<_>>().into_iter().map(|c| (leak(c.0), c.1, c.2, c.3, c.4)).collect();
            assert_eq!(&got, cells, "{} {label}", t.name);
        }
    }
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

#[test]
fn each_example_renders_its_grid_in_all_three_formats() {
    for name in ["bingtuan-2024", "national-2021", "national-2021-detailed"] {
        let want = oracle(name);
        let header_rows: Vec<usize> = want.iter().map(|(_, c)| c.iter().map(|x| x.1 + x.3).max().unwrap()).collect();
        let [docx, xlsx, pdf] = grids_read_back(&example(name), &header_rows);
        for (format, got) in [("DOCX", &docx), ("XLSX", &xlsx), ("PDF", &pdf)] {
            assert_eq!(got.len(), want.len(), "{name} {format}: tables");
            for ((label, cells), (grid, texts)) in want.iter().zip(got) {
                assert_eq!(grid, &rects(cells), "{name} {format} {label}: merged header cells");
                if !texts.is_empty() {
                    let labels: Vec<String> = cells.iter().map(|c| c.0.to_string()).collect();
                    assert_eq!(texts, &labels, "{name} {format} {label}: header labels");
                }
            }
        }
    }
}

#[test]
fn a_hand_written_template_of_three_levels_and_15_columns_renders_cleanly() {
    let data = root().join("tests/templates/three-levels-data.yaml");
    let o = run(&["check", data.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let t = er_template::load_file(&root().join("tests/templates/three-levels.yaml")).unwrap();
    let t1 = &t.tables[0];
    assert_eq!((t1.columns.len(), t1.header_rows), (15, 3));
    let [docx, xlsx, pdf] = grids_read_back(&data, &t.tables.iter().map(|d| d.header_rows).collect::<Vec<_>>());
    for (ti, def) in t.tables.iter().enumerate() {
        let want: Grid = def.grid.iter().map(|c| (c.row, c.col, c.rows, c.cols)).collect();
        let labels: Vec<String> = def.grid.iter().map(|c| c.text.clone()).collect();
        for (format, got) in [("DOCX", &docx), ("XLSX", &xlsx), ("PDF", &pdf)] {
            assert_eq!(got[ti].0, want, "{format} {}", def.label);
        }
        assert_eq!(docx[ti].1, labels);
        assert_eq!(xlsx[ti].1, labels);
    }
    // Every figure whole on one line of the PDF, inside the page.
    let out = scratch("three-levels");
    let pages = er_read::pdf::read(&render(&data, "pdf", &out)).unwrap();
    let text: Vec<String> = pages.iter().flat_map(|p| p.lines()).collect();
    for figure in ["1234567", "1200345", "98765432.1", "99.87"] {
        assert!(text.iter().any(|l| l.contains(figure)), "{figure} split or missing: {text:?}");
    }
    for p in &pages {
        for r in &p.runs {
            assert!(r.x >= 0.0 && r.x < p.width && r.y > 0.0 && r.y < p.height, "“{}” off the page", r.text);
        }
    }
}

#[test]
fn broken_templates_get_their_message_at_their_line() {
    let dir = root().join("tests/bad-template");
    let mut n = 0;
    for c in cases(&dir) {
        let (file, code, at, message) = (c.file.as_str(), c.code, c.line.as_str(), c.message.as_str());
        let path = dir.join(file);
        let o = run(&["check-template", path.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(code), "{file}: {err}");
        let first = err.lines().next().unwrap_or("");
        assert!(first.contains(&format!("{file}:{at}:")), "{file}: expected line {at}: {first}");
        assert!(first.contains(message), "{file}: expected “{message}”: {first}");
        n += 1;
    }
    assert!(n >= 15, "only {n} broken templates");
}

#[test]
fn data_is_read_against_its_template() {
    let dir = scratch("against-template");
    let src = std::fs::read_to_string(root().join("fixtures/national-2021-example.yaml")).unwrap();
    let cases = [
        ("template: national-2021", "template: national-2020", "there is no built-in template `national-2020`", "bingtuan-2024；national-2021；national-2021-detailed"),
        ("  表四:\n", "  表五:\n    x: 1\n  表四:\n", "template national-2021 has no table 表五", "表一；表二；表三；表四"),
        ("    行政拘留: ~\n", "    行政拘留: ~\n    暂扣许可证、执照: 1\n", "unknown field `暂扣许可证、执照`", "警告、通报批评；罚款"),
        ("    行政拘留: ~\n", "", "missing field `行政拘留`", "write ~"),
        ("    罚没金额: '312.4567'", "    罚没金额: '312.45678901'", "has 8 decimal places", "万元"),
    ];
    for (old, new, message, help) in cases {
        assert!(src.contains(old), "{old}");
        let p = dir.join("r.yaml");
        std::fs::write(&p, src.replacen(old, new, 1)).unwrap();
        let o = run(&["check", p.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{new}: {err}");
        let first = err.lines().next().unwrap_or("");
        assert!(first.starts_with(&format!("{}:", p.display())) && first.split(':').nth(1).is_some_and(|l| l.parse::<usize>().is_ok()), "{first}");
        assert!(first.contains(message), "expected “{message}”: {err}");
        assert!(err.contains(help), "expected help “{help}”: {err}");
    }
}

#[test]
fn figure_references_follow_the_units_of_the_template() {
    // 罚没金额 in 元: {…:元} is the figure as written, {…:万元} divides exactly.
    let l = er_data::load_file(&example("national-2021-detailed")).unwrap();
    let doc = er_typeset::build(&l.report);
    let text = doc.text_lines().concat();
    assert!(text.contains("罚没金额6543210.55元（合654.321055万元）"), "{text}");
    // 罚没金额 in 万元: {…:元} multiplies exactly.
    let l = er_data::load_file(&example("national-2021")).unwrap();
    let text = er_typeset::build(&l.report).text_lines().concat();
    assert!(text.contains("罚没金额312.4567万元（3124567元）"), "{text}");
}

#[test]
fn tables_first_templates_put_a_contents_page_first_with_true_page_numbers() {
    let out = scratch("contents");
    let pages = er_read::pdf::read(&render(&example("national-2021"), "pdf", &out)).unwrap();
    let first = pages[0].lines();
    assert_eq!(er_testkit::squash(&first[0]), "目录");
    // Each entry names the page its heading or table is on.
    for line in first.iter().skip(1).filter(|l| l.contains('…')) {
        let page: usize = line.trim_end_matches(|c: char| !c.is_ascii_digit()).rsplit('…').next().unwrap().trim().parse().unwrap();
        let head: String = line.split('…').next().unwrap().chars().filter(|c| !c.is_whitespace()).take(6).collect();
        let on_page = pages[page - 1].lines().iter().any(|l| er_testkit::squash(l).contains(&head));
        assert!(on_page, "“{head}” is not on page {page}");
    }
    assert!(pages[1].width > pages[1].height, "the tables come first, landscape");
    assert!(pages.last().unwrap().width < pages.last().unwrap().height, "the narrative last, portrait");
}

/// A random header tree over `leaves` columns, at most `depth` rows deep,
/// as template YAML; the choices come from `bits`.
fn random_template(leaves: usize, depth: usize, bits: &[u8]) -> String {
    let mut bit = bits.iter().cycle().copied();
    let mut next = move |n: u8| bit.next().unwrap_or(0) % n.max(1);
    let units = ["件", "次", "万元", "元", "人"];
    let unit_of: Vec<&str> = (0..leaves).map(|_| units[next(units.len() as u8) as usize]).collect();
    let mut y = String::from("name: random\ntables:\n  - label: 表一\n    title: '{机关}{年度}年度随机统计表'\n    columns:\n");
    // One total over the other columns of its unit, when there are some.
    let total = (leaves > 2).then(|| next(leaves as u8) as usize);
    for i in 0..leaves {
        y.push_str(&format!("      - {{ key: 列{i}, unit: '{}'", unit_of[i]));
        if Some(i) == total {
            let parts: Vec<String> = (0..leaves).filter(|&k| k != i && unit_of[k] == unit_of[i]).map(|k| format!("列{k}")).collect();
            if !parts.is_empty() {
                y.push_str(&format!(", total_of: [{}]", parts.join(", ")));
            }
        }
        y.push_str(" }\n");
    }
    fn nodes(from: usize, to: usize, depth: usize, indent: usize, g: &mut dyn FnMut(u8) -> u8, y: &mut String, id: &mut usize) {
        let pad = " ".repeat(indent);
        let mut i = from;
        while i < to {
            let len = 1 + g((to - i).min(6) as u8) as usize;
            if depth > 1 && len > 0 && g(3) > 0 {
                *id += 1;
                y.push_str(&format!("{pad}- label: 组{id}（件）\n{pad}  children:\n"));
                nodes(i, i + len, depth - 1, indent + 4, g, y, id);
            } else {
                for k in i..i + len {
                    y.push_str(&format!("{pad}- {{ column: 列{k}, label: 第{k}列名称 }}\n"));
                }
            }
            i += len;
        }
    }
    y.push_str("    header:\n");
    let mut id = 0;
    nodes(0, leaves, depth, 6, &mut next, &mut y, &mut id);
    y
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]

    #[test]
    fn random_templates_render_their_grid_in_all_three_formats(
        leaves in 1usize..=20,
        depth in 1usize..=4,
        bits in proptest::collection::vec(any::<u8>(), 64),
        figures in proptest::collection::vec(0u32..10_000_000, 20),
    ) {
        let dir = scratch("random-template");
        let yaml = random_template(leaves, depth, &bits);
        let template = er_template::load_str(&yaml, "random.yaml").unwrap_or_else(|e| panic!("{yaml}\n{}", e[0]));
        std::fs::write(dir.join("random.yaml"), &yaml).unwrap();
        let def = &template.tables[0];
        let mut data = String::from("template: random.yaml\nagency: 某某局\nyear: 2024\nreport_date: 2025-01-20\npart1:\n  heading: 第一部分 总体情况\n  blocks:\n    - p: 正文。\npart2:\n  heading: 第二部分 数据统计\ntables:\n  表一:\n");
        for (i, c) in def.columns.iter().enumerate() {
            if c.total_of.is_none() {
                let v = figures[i];
                let v = if c.kind == er_template::Kind::Amount { format!("'{}.{}'", v, v % 97) } else { v.to_string() };
                data.push_str(&format!("    {}: {v}\n", c.key));
            }
        }
        let file = dir.join("data.yaml");
        std::fs::write(&file, data).unwrap();
        let o = run(&["check", file.to_str().unwrap()]);
        prop_assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let want: Grid = def.grid.iter().map(|c| (c.row, c.col, c.rows, c.cols)).collect();
        let [docx, xlsx, pdf] = grids_read_back(&file, &[def.header_rows]);
        prop_assert_eq!(&docx[0].0, &want, "DOCX\n{}", yaml);
        prop_assert_eq!(&xlsx[0].0, &want, "XLSX\n{}", yaml);
        prop_assert_eq!(&pdf[0].0, &want, "PDF\n{}", yaml);
        let labels: Vec<String> = def.grid.iter().map(|c| c.text.clone()).collect();
        prop_assert_eq!(&docx[0].1, &labels);
        prop_assert_eq!(&xlsx[0].1, &labels);
    }
}

/// No code outside the built-in templates names a table's key: everything
/// follows the template.
#[test]
fn no_source_file_names_a_key_of_a_built_in_template() {
    let mut keys: Vec<String> = Vec::new();
    for t in er_template::builtin::all() {
        for d in &t.tables {
            keys.extend(d.columns.iter().map(|c| c.key.clone()));
            keys.extend(d.grid.iter().map(|h| h.key.clone()));
        }
    }
    keys.sort();
    keys.dedup();
    let mut found = Vec::new();
    let crates = root().join("crates");
    let mut stack = vec![crates];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                // Only code: a crate's src; the templates are data.
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                if name != "templates" && name != "tests" && name != "examples" && name != "fonts" {
                    stack.push(p);
                }
            } else if p.extension().is_some_and(|e| e == "rs") && p.components().any(|c| c.as_os_str() == "src") {
                let text = std::fs::read_to_string(&p).unwrap();
                // The roll-up's totals row is labelled with the word of
                // published summaries, in one constant; it names no column.
                let text: String = text.lines().filter(|l| !l.starts_with("pub const TOTAL_ROW: &str")).collect::<Vec<_>>().join("\n");
                for k in &keys {
                    if text.contains(k.as_str()) {
                        found.push(format!("{}: {k}", p.display()));
                    }
                }
            }
        }
    }
    assert!(found.is_empty(), "keys named in code:\n{}", found.join("\n"));
}

#[test]
fn init_and_schema_follow_the_template() {
    let dir = scratch("init-template");
    let new = dir.join("next.yaml");
    let from = example("national-2021");
    let o = run(&["init", "--from", from.to_str().unwrap(), "--year", "2025", "-o", new.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = std::fs::read_to_string(&new).unwrap();
    assert!(text.contains("template: 'national-2021'"), "{text}");
    let o = run(&["check", new.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    // Figures that were given are to fill; blanks stay blank; totals are computed.
    assert!(err.contains("表一 罚款 is still to fill"), "{err}");
    assert!(!err.contains("表一 行政拘留 is still to fill") && !err.contains("表一 合计 is still to fill"), "{err}");
    let l = er_data::load_file(&new).unwrap();
    assert_eq!(l.report.template.name, "national-2021");
    assert_eq!(l.report.statistics_heading, "第一部分 行政执法数据统计情况");
    assert_eq!(l.report.previous_figure("表一", "罚款").map(|d| d.to_string()), Some("156".into()));

    let o = run(&["schema", "--template", "national-2021-detailed"]);
    assert!(o.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let required: Vec<&str> = schema["properties"]["tables"]["required"].as_array().unwrap().iter().filter_map(|v| v.as_str()).collect();
    assert_eq!(required, ["表一", "表二", "表三", "表四", "表五", "表六"]);
    let o = run(&["schema", "--template", "no-such-template"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("bingtuan-2024"));
}

#[test]
fn notes_placed_at_the_end_follow_the_last_table_in_every_format() {
    let out = scratch("notes-end");
    let data = example("national-2021");
    let lead = "表一填报说明：1.行政处罚实施数量";
    // DOCX and PDF: after the last table's figures; XLSX: on 表一's sheet.
    let docx = er_read::docx::Docx::read(&render(&data, "docx", &out)).unwrap();
    let text = er_testkit::squash(&docx.text());
    let (notes_at, last_figure_at) = (text.find(lead).expect("notes in the DOCX"), text.find("4210").unwrap());
    assert!(notes_at > last_figure_at, "the notes come after 表四");
    let pages = er_read::pdf::read(&render(&data, "pdf", &out)).unwrap();
    let text: String = pages.iter().flat_map(|p| p.lines()).map(|l| er_testkit::squash(&l)).collect();
    assert!(text.find(lead).expect("notes in the PDF") > text.find("4210").unwrap());
    let sheets = er_read::xlsx::read(&render(&data, "xlsx", &out)).unwrap();
    assert!(sheets[0].cells.values().any(|v| er_testkit::squash(&v.text()).starts_with(lead)), "表一's notes on its sheet");
}

#[test]
fn init_into_another_folder_keeps_finding_a_template_file() {
    let dir = scratch("init-path");
    let (a, b) = (dir.join("a"), dir.join("b"));
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    for f in ["three-levels.yaml", "three-levels-data.yaml"] {
        std::fs::copy(root().join("tests/templates").join(f), a.join(f)).unwrap();
    }
    let new = b.join("next.yaml");
    let o = run(&["init", "--from", a.join("three-levels-data.yaml").to_str().unwrap(), "--year", "2025", "-o", new.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = run(&["check", new.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    let errors: Vec<&str> = err.lines().filter(|l| l.contains(": error: ")).collect();
    assert!(!errors.is_empty() && errors.iter().all(|l| l.contains("still to fill") || l.contains("placeholder init wrote")), "{err}");
}

#[test]
fn a_title_heads_a_tables_first_report_over_its_contents() {
    let dir = scratch("title-first");
    let src = std::fs::read_to_string(example("national-2021")).unwrap();
    let p = dir.join("r.yaml");
    std::fs::write(&p, src.replacen("agency:", "title: 某某县市场监督管理局2024年度行政执法工作报告\nagency:", 1)).unwrap();
    let pages = er_read::pdf::read(&render(&p, "pdf", &dir)).unwrap();
    let first = pages[0].lines();
    // The title may take two lines; it comes before the 目录.
    let text = er_testkit::squash(&first.concat());
    assert!(text.starts_with("某某县市场监督管理局2024年度行政执法工作报告目录"), "{first:?}");
    assert!(first.iter().any(|l| er_testkit::squash(l) == "目录"), "{first:?}");
    let docx = er_read::docx::Docx::read(&render(&p, "docx", &dir)).unwrap();
    // 26 characters of 2号 take two lines, broken between the agency and the year.
    assert_eq!(docx.paragraphs[0].text, "某某县市场监督管理局\n2024年度行政执法工作报告");
}
