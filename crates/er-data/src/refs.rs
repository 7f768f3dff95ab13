//! References from the text to the data: `{表二.<key>}`, `{表二.<key>:元}`,
//! `{表一.<key>:同比:2}`, `{年度}`, `{上年度}`, `{报告日期}`. The text
//! follows the tables: correct a figure once and every sentence that cites
//! it changes with it. `{{` and `}}` stand for literal braces.

use rust_decimal::{Decimal, RoundingStrategy};

use er_i18n::t;
use er_template::{Kind, Unit};

use crate::figures::{Figure, FigureValue};
use crate::report::Report;

/// A piece of text: literal, or a reference; `at` is the character offset
/// where it starts in the text as written.
#[derive(Debug, Clone, PartialEq)]
pub enum Segment {
    Text { text: String, at: usize },
    Ref { raw: String, at: usize },
}

/// Splits text into literals and `{…}` references.
///
/// ```
/// use er_data::refs::{segments, Segment};
/// let s = segments("总额为{表二.金额:元}元{{注}}");
/// assert_eq!(s[1], Segment::Ref { raw: "表二.金额:元".into(), at: 3 });
/// assert_eq!(s[2], Segment::Text { text: "元{注}".into(), at: 12 });
/// ```
pub fn segments(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut lit = String::new();
    let mut lit_at = 0;
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if lit.is_empty() {
            lit_at = i;
        }
        if (c == '{' || c == '}') && chars.get(i + 1) == Some(&c) {
            lit.push(c);
            i += 2;
            continue;
        }
        if c == '{' {
            if let Some(len) = chars[i + 1..].iter().position(|&d| d == '}') {
                if !lit.is_empty() {
                    out.push(Segment::Text { text: std::mem::take(&mut lit), at: lit_at });
                }
                out.push(Segment::Ref { raw: chars[i + 1..i + 1 + len].iter().collect(), at: i });
                i += len + 2;
                continue;
            }
        }
        lit.push(c);
        i += 1;
    }
    if !lit.is_empty() {
        out.push(Segment::Text { text: lit, at: lit_at });
    }
    out
}

/// Why a reference cannot be rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefError {
    pub message: String,
    pub help: String,
}

fn err(message: String, help: impl Into<String>) -> RefError {
    RefError { message, help: help.into() }
}

/// The year-on-year phrase for `current` against `previous`, with
/// `precision` decimals: 同比上年度下降22%, 同比上年度增长100%.
///
/// ```
/// use er_data::refs::year_on_year;
/// use rust_decimal::Decimal;
/// assert_eq!(year_on_year(Decimal::from(39), Decimal::from(50), 0), "同比上年度下降22%");
/// assert_eq!(year_on_year(Decimal::from(2), Decimal::from(1), 0), "同比上年度增长100%");
/// assert_eq!(year_on_year(Decimal::from(5), Decimal::from(5), 0), "与上年度持平");
/// assert_eq!(year_on_year(Decimal::from(3), Decimal::ZERO, 0), "上年度为0，无法计算同比增减幅度");
/// ```
pub fn year_on_year(current: Decimal, previous: Decimal, precision: u32) -> String {
    if previous.is_zero() {
        return if current.is_zero() { "与上年度持平".into() } else { "上年度为0，无法计算同比增减幅度".into() };
    }
    let Some(pct) = current
        .checked_sub(previous)
        .and_then(|d| d.checked_div(previous))
        .and_then(|d| d.checked_mul(Decimal::ONE_HUNDRED))
        .map(|d| d.round_dp_with_strategy(precision, RoundingStrategy::MidpointAwayFromZero))
    else {
        return "无法计算同比增减幅度".into();
    };
    if pct.is_zero() {
        "与上年度持平".into()
    } else if pct.is_sign_negative() {
        format!("同比上年度下降{}%", -pct)
    } else {
        format!("同比上年度增长{pct}%")
    }
}

/// Renders one reference against the report.
pub fn resolve(raw: &str, r: &Report) -> Result<String, RefError> {
    let parts: Vec<&str> = raw.split(':').map(str::trim).collect();
    match parts[0] {
        "年度" if parts.len() == 1 => return Ok(r.year.to_string()),
        "上年度" if parts.len() == 1 => return Ok(r.year.saturating_sub(1).to_string()),
        "报告日期" if parts.len() == 1 => return Ok(r.report_date.chinese()),
        _ => {}
    }
    let known = examples(&r.template);
    let known = known.as_str();
    // The reference as written, braces included.
    let reference = format!("{{{raw}}}");
    let written = |label: &str, key: &str| format!("{{{label}.{key}}}");
    let Some((label, key)) = parts[0].split_once('.') else {
        return Err(err(t!("ref-unknown", reference = reference), known));
    };
    let t = &r.template;
    let Some(ti) = t.table_index(label) else {
        return Err(err(t!("ref-unknown-table", table = label, reference = reference), t!("help-check-tables", template = t.name, tables = t.table_labels())));
    };
    let def = &t.tables[ti];
    let Some(col) = def.column(key) else {
        return Err(err(t!("ref-no-figure", table = label, key = key, reference = reference), t!("help-check-figures", table = label, keys = def.figure_keys())));
    };
    let column = &def.columns[col];
    let (kind, unit) = (column.kind, column.unit);
    let value = r.values(ti)[col];
    if value.is_to_fill() {
        return Err(err(t!("ref-to-fill", reference = reference, table = label, key = key), t!("help-ref-to-fill")));
    }
    let blank = || {
        err(
            t!("ref-blank", reference = reference, table = label, key = key),
            t!("help-ref-blank"),
        )
    };
    let money = |target: Unit| -> Result<String, RefError> {
        let FigureValue::Amount(f) = value else {
            return Err(err(
                t!("ref-count-no-unit", table = label, key = key, unit = target, reference = reference),
                t!("help-ref-write", reference = written(label, key)),
            ));
        };
        let a = match f {
            Figure::Value(a) => a,
            Figure::NoPower | Figure::ToFill => return Err(blank()),
        };
        match (unit, target) {
            (u, t) if u == t => Ok(a.to_string()),
            (Unit::万元, Unit::元) => a.in_yuan().map(|y| y.to_string()).ok_or_else(|| err(t!("ref-too-large-yuan", table = label, key = key), t!("help-ref-check-amount"))),
            (Unit::元, Unit::万元) => Ok(a.in_wan_yuan().to_string()),
            _ => Err(err(t!("ref-unit-mismatch", table = label, key = key, unit = unit, target = target, reference = reference), t!("help-ref-write", reference = written(label, key)))),
        }
    };
    match parts.get(1).copied() {
        None if parts.len() == 1 => {
            if value.is_blank() {
                return Err(blank());
            }
            Ok(value.text())
        }
        Some("万元") if parts.len() == 2 => {
            if kind != Kind::Amount {
                return Err(err(t!("ref-count-not-wan", table = label, key = key, reference = reference), t!("help-ref-write", reference = written(label, key))));
            }
            money(Unit::万元)
        }
        Some("元") if parts.len() == 2 => money(Unit::元),
        Some("同比") if parts.len() <= 3 => {
            let precision = match parts.get(2) {
                None => 0,
                Some(p) => p.parse::<u32>().ok().filter(|p| *p <= 6).ok_or_else(|| {
                    err(t!("ref-bad-precision", value = p, reference = reference), t!("help-ref-precision", example = format!("{{{label}.{key}:同比:2}}")))
                })?,
            };
            let current = value.number().ok_or_else(blank)?;
            let previous = r.previous_figure(label, key).ok_or_else(|| {
                err(
                    t!("ref-needs-previous", reference = reference, table = label, key = key),
                    t!("help-ref-needs-previous", table = label, key = key),
                )
            })?;
            Ok(year_on_year(current, previous, precision))
        }
        Some(u) => Err(err(
            t!("ref-bad-suffix", suffix = u, table = label, key = key, reference = reference),
            match kind {
                Kind::Count => t!("help-ref-count-suffix"),
                Kind::Amount => t!("help-ref-amount-suffix", unit = unit),
            },
        )),
        None => Err(err(t!("ref-unknown", reference = reference), known)),
    }
}

/// The references a message proposes, made from the template's own keys.
fn examples(t: &er_template::Template) -> String {
    let mut v = Vec::new();
    if let Some(d) = t.tables.first() {
        if let Some(c) = d.columns.first() {
            v.push(format!("{{{}.{}}}", d.label, c.key));
            v.push(format!("{{{}.{}:同比}}", d.label, c.key));
        }
    }
    let money = t.tables.iter().find_map(|d| d.columns.iter().find(|c| matches!(c.unit, Unit::万元 | Unit::元)).map(|c| (d, c)));
    if let Some((d, c)) = money {
        v.push(format!("{{{}.{}:元}}", d.label, c.key));
    }
    v.extend(["{年度}", "{上年度}", "{报告日期}"].map(String::from));
    t!("help-ref-known", examples = v.join(", "))
}

/// The text with every reference rendered; a reference that cannot be
/// rendered stays as written (`check` reports it before any render).
pub fn render(text: &str, r: &Report) -> String {
    segments(text)
        .into_iter()
        .map(|s| match s {
            Segment::Text { text, .. } => text,
            Segment::Ref { raw, .. } => resolve(&raw, r).unwrap_or_else(|_| format!("{{{raw}}}")),
        })
        .collect()
}
