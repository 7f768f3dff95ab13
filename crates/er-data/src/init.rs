//! Next year's data file from this year's: the narrative kept with its
//! references, this year's figures moved to `previous_year`, the new
//! figures left 待填 for filling in.

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
    let _ = writeln!(y, "# The {year} report, started by `enforcement-report init` from {source}.");
    let _ = writeln!(y, "# Figures written {TO_FILL} are still to fill: `enforcement-report check` lists them.");
    if let Some((d, c)) = r.template.tables.first().and_then(|d| Some((d, d.columns.first()?))) {
        let _ = writeln!(y, "# previous_year holds the {} figures, for phrases such as {{{}.{}:同比}}.", r.year, d.label, c.key);
    }
    let _ = writeln!(y, "# The narrative is last year's: its references follow the new figures, its other words are yours to update.");
    if let Some(t) = &r.template_ref {
        let _ = writeln!(y, "template: {}", quote(t));
    }
    let _ = writeln!(y, "agency: {}", quote(&r.agency));
    let _ = writeln!(y, "year: {year}");
    let _ = writeln!(y, "report_date: {}-01-31  # a placeholder: the date you sign", year as u32 + 1);
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
    let _ = writeln!(y, "\n# ~ keeps a cell blank (no such power), as last year.\ntables:");
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
