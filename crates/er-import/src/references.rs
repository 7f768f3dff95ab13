//! Figures in the text made references to the tables ({表二.<key>},
//! {表二.<key>:元}) where the text states exactly a table figure in a
//! unit of its column, and the report's year made {年度} (the year before
//! {上年度}) where it names the period; a date stays as written.

use rust_decimal::Decimal;

use er_template::{Kind, Template, Unit};

/// One figure of the tables, as the text may state it.
#[derive(Debug, Clone)]
pub struct Figure {
    pub table: usize,
    pub col: usize,
    pub value: Decimal,
}

/// A reference made, for the message that lists them.
#[derive(Debug, Clone, PartialEq)]
pub struct Made {
    /// What the text said: 37件.
    pub written: String,
    /// What it became: {表二.<key>}.
    pub reference: String,
}

/// Units a count is stated in, longest first.
const COUNT_UNITS: [&str; 10] = ["人次", "宗", "件", "起", "次", "人", "户", "个", "家", "项"];

/// Units that all count acts: a count in 宗 may be written in 件 or 次.
const ACTS: [&str; 6] = ["宗", "件", "起", "次", "人次", "人"];

/// Characters every table's keys share (行政…次数, …金额): they tell one
/// figure from another nothing.
const GENERIC: &str = "行政执法数量次金额总计合实施情况统计表的和或者、（）";

/// `text` with the year references: {年度} for `year` naming the period
/// (2024年度, 2024年，) and {上年度} for the year before; a date (2024年5月31日)
/// stays.
///
/// ```
/// use er_import::references::years;
/// assert_eq!(years("2024年度总数，2023年度未实施；2024年5月31日判决；2024年对3家", 2024), "{年度}年度总数，{上年度}年度未实施；2024年5月31日判决；{年度}年对3家");
/// ```
pub fn years(text: &str, year: u16) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let starts_number = chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit() && chars[i - 1] != '.');
        // Four digits and 年, not followed by a month (a date).
        let year_word = chars.get(i..i + 4).is_some_and(|d| d.iter().all(char::is_ascii_digit)) && chars.get(i + 4) == Some(&'年');
        let date = chars.get(i + 5).is_some_and(char::is_ascii_digit);
        if starts_number && year_word && !date {
            let y: u16 = chars[i..i + 4].iter().collect::<String>().parse().unwrap_or(0);
            let reference = if y == year { Some("{年度}") } else if y + 1 == year { Some("{上年度}") } else { None };
            if let Some(r) = reference {
                out.push_str(r);
                i += 4;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// The figures of the tables that a text may cite: every figure but 0
/// and blanks (a 0 in the text is too common to be a table's).
pub fn figures(t: &Template, values: &[Vec<Option<Decimal>>]) -> Vec<Figure> {
    let mut out = Vec::new();
    for (ti, row) in values.iter().enumerate() {
        for (col, v) in row.iter().enumerate() {
            if let Some(v) = v.filter(|v| !v.is_zero()) {
                if t.tables.get(ti).is_some_and(|d| col < d.columns.len()) {
                    out.push(Figure { table: ti, col, value: v });
                }
            }
        }
    }
    out
}

/// `text` with every figure that states a table figure made its reference;
/// `lead` is the paragraph's run-in heading, which names its subject. The
/// references made, in order.
pub fn figures_in(text: &str, lead: Option<&str>, t: &Template, figs: &[Figure]) -> (String, Vec<Made>) {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut made = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let boundary = i == 0 || !(chars[i - 1].is_ascii_alphanumeric() || chars[i - 1] == '.' || chars[i - 1] == '{' || chars[i - 1] == '}');
        if chars[i].is_ascii_digit() && boundary {
            let mut j = i;
            // Digits, a point, and thousands commas (1,240).
            let group = |k: usize| {
                chars[k] == ',' && chars.get(k + 1..k + 4).is_some_and(|g| g.iter().all(char::is_ascii_digit)) && !chars.get(k + 4).is_some_and(char::is_ascii_digit)
            };
            while j < chars.len() && (chars[j].is_ascii_digit() || (chars[j] == '.' && chars.get(j + 1).is_some_and(char::is_ascii_digit)) || group(j)) {
                j += 1;
            }
            let number: String = chars[i..j].iter().filter(|c| **c != ',').collect();
            let after: String = chars[j..(j + 2).min(chars.len())].iter().collect();
            // Not part of a longer token (a year, a date, a percentage, a code).
            let followed_ok = !chars.get(j).is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '年' | '月' | '.'));
            if followed_ok {
                if let Some(reference) = best(&chars[..i], &number, &after, lead, t, figs) {
                    let written: String = chars[i..j].iter().collect();
                    made.push(Made { written: format!("{written}{}", unit_of(&after).unwrap_or("")), reference: reference.clone() });
                    out.push_str(&reference);
                    i = j;
                    continue;
                }
            }
            out.extend(&chars[i..j]);
            i = j;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    (out, made)
}

/// The unit the text states after a number.
fn unit_of(after: &str) -> Option<&'static str> {
    ["万元", "元", "%"].into_iter().chain(COUNT_UNITS).find(|u| after.starts_with(u))
}

/// The reference the number stands for, if exactly a table figure in a
/// unit of its column: among several, the one whose key and table the
/// words before it name best.
fn best(before: &[char], number: &str, after: &str, lead: Option<&str>, t: &Template, figs: &[Figure]) -> Option<String> {
    let value: Decimal = number.parse().ok()?;
    let unit = unit_of(after)?;
    // The clause the number ends: back to the last punctuation.
    let start = before.iter().rposition(|c| "，。；：、,;:（）()".contains(*c)).map_or(0, |p| p + 1);
    let clause: Vec<char> = before[start..].to_vec();
    let mut found: Vec<(f64, usize, String)> = Vec::new();
    for (order, f) in figs.iter().enumerate() {
        let def = &t.tables[f.table];
        let c = &def.columns[f.col];
        let reference = match (c.kind, c.unit, unit) {
            (Kind::Count, cu, u) if value == f.value && (cu.as_str() == u || ACTS.contains(&cu.as_str()) && ACTS.contains(&u)) => {
                format!("{{{}.{}}}", def.label, c.key)
            }
            (Kind::Amount, Unit::Percent, "%") if value == f.value => format!("{{{}.{}}}", def.label, c.key),
            (Kind::Amount, Unit::万元, "万元") if value == f.value => format!("{{{}.{}}}", def.label, c.key),
            (Kind::Amount, Unit::万元, "元") if Some(value) == f.value.checked_mul(Decimal::from(10_000)) => format!("{{{}.{}:元}}", def.label, c.key),
            (Kind::Amount, Unit::元, "元") if value == f.value => format!("{{{}.{}}}", def.label, c.key),
            (Kind::Amount, Unit::元, "万元") if value * Decimal::from(10_000) == f.value => format!("{{{}.{}:万元}}", def.label, c.key),
            _ => continue,
        };
        // The key's own characters (not those every key has) in the words
        // before the number: in its clause, nearest counting most; in the
        // paragraph so far, and in its heading, a little.
        let mut score = 0.0;
        for ch in unique(&c.key).filter(|ch| !GENERIC.contains(*ch)) {
            if let Some(p) = clause.iter().rposition(|x| *x == ch) {
                score += 1.0 / (clause.len() - p) as f64;
            } else if before.contains(&ch) || lead.is_some_and(|l| l.contains(ch)) {
                score += 0.1;
            }
        }
        // A total is what the text calls 总数 or 共计, or what it states
        // of the table's subject as a whole (作出行政处罚81件).
        if c.total_of.is_some() {
            if clause.iter().any(|x| *x == '总' || *x == '共') {
                score += 0.5;
            }
            let others: Vec<&str> = t.tables.iter().filter(|d| d.label != def.label).map(|d| d.title.as_str()).collect();
            let own = unique(&def.title).filter(|ch| !GENERIC.contains(*ch) && !others.iter().all(|o| o.contains(*ch)));
            if own.filter(|ch| clause.contains(ch)).count() >= 2 {
                score += 0.3;
            }
        }
        // Nothing before the number names this figure: a coincidence.
        if score > 0.0 {
            found.push((score, order, reference));
        }
    }
    found.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    found.into_iter().next().map(|(_, _, r)| r)
}

fn unique(s: &str) -> impl Iterator<Item = char> + '_ {
    let mut seen = std::collections::BTreeSet::new();
    s.chars().filter(move |c| !c.is_ascii() && seen.insert(*c))
}
