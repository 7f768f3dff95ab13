//! Next year's data file from this year's: the narrative kept with its
//! references, this year's figures moved to `previous_year`, the new
//! figures left 待填 for filling in.

use er_i18n::t;
use std::fmt::Write;

use er_template::Part;

use crate::figures::{Figure, FigureValue, TO_FILL};
use crate::report::{Block, Report};

/// A YAML scalar that reads back as written: in single quotes, or, for a
/// text with line breaks or other control characters (a block scalar in
/// the source, a title given in lines), in double quotes with escapes.
pub fn quote(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return format!("'{}'", s.replace('\'', "''"));
    }
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A mapping key: as written when YAML reads it back unchanged, quoted otherwise.
pub fn key(s: &str) -> String {
    let plain = !s.is_empty()
        && !s.starts_with(['-', '?', ' ', '~'])
        && !s.ends_with(' ')
        && !s.contains([':', '#', '{', '}', '[', ']', ',', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`'])
        && s.parse::<f64>().is_err();
    if plain {
        s.to_string()
    } else {
        quote(s)
    }
}

/// The mark `init` leaves after the report date it writes, a placeholder:
/// `check` refuses the date while the mark is there.
pub const PLACEHOLDER: &str = "占位";

fn figure(v: FigureValue) -> String {
    match v {
        FigureValue::Count(Figure::Value(n)) => n.to_string(),
        FigureValue::Amount(Figure::Value(a)) => quote(&a.to_string()),
        FigureValue::Count(Figure::ToFill) | FigureValue::Amount(Figure::ToFill) => TO_FILL.into(),
        _ => "~".into(),
    }
}

/// The YAML text of the data file for `year`, made from `r`; `source`
/// names the file it came from, for the header comment.
///
/// ```
/// use er_data::{init::next_year, load_file, load_str, check};
/// let this = load_file("../../fixtures/aral-emergency-2024.yaml".as_ref()).unwrap();
/// let text = next_year(&this.report, 2025, "aral-emergency-2024.yaml", Some("bingtuan-2024.schema.json"));
/// assert!(text.starts_with("# yaml-language-server: $schema=bingtuan-2024.schema.json\n"));
/// let next = load_str(&text, "next.yaml").unwrap();
/// assert_eq!(next.report.year, 2025);
/// assert!(check(&next).iter().any(|d| d.message.contains("still to fill")));
/// ```
pub fn next_year(r: &Report, year: u16, source: &str, schema: Option<&str>) -> String {
    let mut y = String::new();
    // Editors find the schema by this line: only a file that is there.
    if let Some(schema) = schema {
        let _ = writeln!(y, "# yaml-language-server: $schema={schema}");
    }
    // The comments in the interface's language: the clerk reads them.
    let _ = writeln!(y, "# {}", t!("init-comment-started", year = year, source = source));
    let _ = writeln!(y, "# {}", t!("init-comment-to-fill", to_fill = TO_FILL));
    if let Some((d, c)) = r.template.tables.first().and_then(|d| Some((d, d.columns.first()?))) {
        let _ = writeln!(y, "# {}", t!("init-comment-previous", year = r.year, example = format!("{{{}.{}:同比}}", d.label, c.key)));
    }
    let _ = writeln!(y, "# {}", t!("init-comment-narrative"));
    if let Some(t) = &r.template_ref {
        let _ = writeln!(y, "template: {}", quote(t));
    }
    let _ = writeln!(y, "agency: {}", quote(&r.agency));
    let _ = writeln!(y, "year: {year}");
    let _ = writeln!(y, "report_date: {}-01-31  # {PLACEHOLDER}{}", year as u32 + 1, t!("init-comment-date"));
    if let Some(t) = &r.title {
        let _ = writeln!(y, "title: {}", quote(t));
    }
    if let Some(s) = &r.signature {
        let _ = writeln!(y, "signature: {}", quote(s));
    }
    for (i, part) in r.template.parts.iter().enumerate() {
        let _ = writeln!(y, "\npart{}:\n  heading: {}", i + 1, quote(r.part_heading(*part)));
        if *part != Part::Narrative {
            continue;
        }
        let _ = writeln!(y, "  blocks:");
        for b in &r.narrative.blocks {
            match b {
                Block::Heading1(t) => {
                    let _ = writeln!(y, "    - h1: {}", quote(t));
                }
                Block::Heading2(t) => {
                    let _ = writeln!(y, "    - h2: {}", quote(t));
                }
                Block::Paragraph { lead: Some(l), text } => {
                    let _ = writeln!(y, "    - h3: {}\n      p: {}", quote(l), quote(text));
                }
                Block::Paragraph { lead: None, text } => {
                    let _ = writeln!(y, "    - p: {}", quote(text));
                }
            }
        }
    }
    let _ = writeln!(y, "\nprevious_year:");
    for (ti, def) in r.template.tables.iter().enumerate() {
        let _ = writeln!(y, "  {}:", def.label);
        for (c, v) in def.columns.iter().zip(r.values(ti)) {
            let _ = writeln!(y, "    {}: {}", key(&c.key), figure(v));
        }
    }
    let _ = writeln!(y, "\n# {}\ntables:", t!("init-comment-blank"));
    for (ti, def) in r.template.tables.iter().enumerate() {
        let _ = writeln!(y, "  {}:", def.label);
        for (c, v) in def.columns.iter().zip(r.values(ti)) {
            if c.total_of.is_some() || c.rate.is_some() {
                continue; // computed from the new figures
            }
            let new = if v.is_blank() { "~".to_string() } else { TO_FILL.to_string() };
            let _ = writeln!(y, "    {}: {new}", key(&c.key));
        }
        let data = &r.tables[ti];
        if !data.labels.is_empty() {
            let _ = writeln!(y, "    标签:");
            for (k, v) in &data.labels {
                let _ = writeln!(y, "      {}: {}", key(k), quote(v));
            }
        }
        if let Some(t) = &data.title {
            let _ = writeln!(y, "    标题: {}", quote(t));
        }
        match &data.notes {
            Some(notes) if notes.is_empty() => {
                let _ = writeln!(y, "    说明: []");
            }
            Some(notes) => {
                let _ = writeln!(y, "    说明:");
                for n in notes {
                    let _ = writeln!(y, "      - {}", quote(n));
                }
            }
            None => {}
        }
    }
    y
}

/// A number written out in last year's text that is one of last year's
/// figures: next year it would stay as it is while the tables change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Literal {
    /// The paragraph's place in the outline ([`Report::outline`]).
    pub place: String,
    /// The number as the text writes it.
    pub number: String,
    /// The reference that follows the figure: {表一.<key>}, or {表一.<key>:元} for 万元.
    pub reference: String,
}

/// The numbers of the narrative that equal one of the report's figures
/// (in its unit, or in 元 for a 万元 figure), not inside a reference, not
/// a date, and not below 10 (list numbers and small counts are too often
/// words of their own): the ones `init` asks the clerk to write as
/// references.
///
/// ```
/// use er_data::{init::literal_figures, load_file, Block};
/// let mut r = load_file("../../fixtures/aral-emergency-2024.yaml".as_ref()).unwrap().report;
/// // The first figure of the first table, written out in a paragraph.
/// let (label, key) = (r.template.tables[0].label.clone(), r.template.tables[0].columns[0].key.clone());
/// let n = r.values(0)[0].number().unwrap().to_string();
/// r.narrative.blocks.push(Block::Paragraph { lead: None, text: format!("全年共{n}件。") });
/// let found = literal_figures(&r);
/// assert!(found.iter().any(|l| l.number == n && l.reference == format!("{{{label}.{key}}}")), "{found:?}");
/// ```
pub fn literal_figures(r: &Report) -> Vec<Literal> {
    // Each figure's forms as text, with its reference.
    let mut forms: Vec<(String, String)> = Vec::new();
    for (ti, def) in r.template.tables.iter().enumerate() {
        for (c, v) in def.columns.iter().zip(r.values(ti)) {
            let Some(n) = v.number() else { continue };
            if n < rust_decimal::Decimal::TEN {
                continue;
            }
            forms.push((n.normalize().to_string(), format!("{{{}.{}}}", def.label, c.key)));
            if c.unit.as_str() == "万元" {
                let yuan = n * rust_decimal::Decimal::from(10_000);
                forms.push((yuan.normalize().to_string(), format!("{{{}.{}:元}}", def.label, c.key)));
            }
        }
    }
    let mut out = Vec::new();
    for (b, (place, _)) in r.narrative.blocks.iter().zip(r.outline()) {
        let Block::Paragraph { text, .. } = b else { continue };
        for number in numbers_outside_references(text) {
            if let Some((_, reference)) = forms.iter().find(|(f, _)| *f == number) {
                out.push(Literal { place: place.clone(), number, reference: reference.clone() });
            }
        }
    }
    out
}

/// The numbers of a text (digits, with a decimal point), outside {…} and
/// not followed by 年, 月 or 日.
fn numbers_outside_references(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let (mut depth, mut i) = (0usize, 0);
    while i < chars.len() {
        match chars[i] {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            c if c.is_ascii_digit() && depth == 0 && (i == 0 || !chars[i - 1].is_ascii_alphanumeric() && chars[i - 1] != '.') => {
                let start = i;
                while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit)) {
                    i += 1;
                }
                if !chars.get(i).is_some_and(|c| matches!(c, '年' | '月' | '日' | '%')) {
                    out.push(chars[start..i].iter().collect());
                }
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}
