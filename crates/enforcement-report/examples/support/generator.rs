//! The report generator shared by the `generate` and `bench` examples.

use std::path::Path;

const FIXTURE: &str = include_str!("../../../../fixtures/aral-emergency-2024.yaml");

/// A small deterministic generator (SplitMix64): the same N gives the same files.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The data file of report `i`.
pub fn report(i: usize) -> String {
    let mut rng = Rng(i as u64 * 7919 + 1);
    let districts = ["东城", "西城", "南湖", "北山", "新区", "高新", "滨江", "河西"];
    let bureaus = ["应急管理局", "市场监督管理局", "生态环境局", "交通运输局", "自然资源局", "卫生健康委员会"];
    let agency = format!(
        "{}区{}",
        districts[rng.below(districts.len() as u64) as usize],
        bureaus[rng.below(bureaus.len() as u64) as usize]
    );
    let mut out = String::with_capacity(FIXTURE.len() + 256);
    let mut in_tables = false;
    let mut skipping_block = false;
    for line in FIXTURE.lines() {
        if line.starts_with("tables:") {
            in_tables = true;
        }
        if line.starts_with("agency:") {
            out.push_str(&format!("agency: {agency}\n"));
            continue;
        }
        // Vary the narrative: drop some run-in paragraphs (never headings).
        if !in_tables && line.starts_with("    - h3:") {
            skipping_block = rng.below(4) == 0;
        } else if line.starts_with("    - ") {
            skipping_block = false;
        }
        if skipping_block && (line.starts_with("    - h3:") || line.starts_with("      p:")) {
            continue;
        }
        if in_tables {
            if let Some((key, value)) = line.trim_start().split_once(": ") {
                let indent = &line[..line.len() - line.trim_start().len()];
                if indent.len() == 4 && !key.starts_with('说') && !key.starts_with('标') {
                    if key == "合计" || key == "合并" {
                        continue; // computed from the drawn figures
                    }
                    let v = if value == "~" && rng.below(2) == 0 {
                        "~".to_string()
                    } else if key.ends_with("金额") {
                        format!("'{}.{:04}'", rng.below(100_000), rng.below(10_000))
                    } else {
                        let range = if rng.below(10) == 0 { 100_000 } else { 500 };
                        rng.below(range).to_string()
                    };
                    out.push_str(&format!("{indent}{key}: {v}\n"));
                    continue;
                }
            }
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Writes reports 0..n into `dir` as report-0000.yaml, …
pub fn write_reports(n: usize, dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for i in 0..n {
        std::fs::write(dir.join(format!("report-{i:04}.yaml")), report(i))?;
    }
    Ok(())
}

/// A name no other of the first `i` agencies has: 东城区应急管理局,
/// 西城区应急管理局, …, then 东城区应急管理局第一分局 and so on.
pub fn agency_name(i: usize) -> String {
    let districts = ["东城", "西城", "南湖", "北山", "新区", "高新", "滨江", "河西"];
    let bureaus = ["应急管理局", "市场监督管理局", "生态环境局", "交通运输局", "自然资源局", "卫生健康委员会"];
    let base = format!("{}区{}", districts[i % districts.len()], bureaus[(i / districts.len()) % bureaus.len()]);
    match i / (districts.len() * bureaus.len()) {
        0 => base,
        k => {
            let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
            let k = numerals.get(k - 1).map_or_else(|| k.to_string(), |n| n.to_string());
            format!("{base}第{k}分局")
        }
    }
}

/// Writes reports 0..n of as many distinct agencies into `dir`, for a
/// roll-up: agency-0000.yaml, …
pub fn write_agencies(n: usize, dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for i in 0..n {
        let text = report(i);
        let (head, rest) = text.split_once("\nagency: ").unwrap_or(("", &text));
        let rest = rest.split_once('\n').map_or("", |(_, r)| r);
        std::fs::write(dir.join(format!("agency-{i:04}.yaml")), format!("{head}\nagency: {}\n{rest}", agency_name(i)))?;
    }
    Ok(())
}
