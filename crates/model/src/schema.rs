//! A JSON Schema of the data file, made from the tables' definitions, so
//! that editors (through yaml-language-server) complete and validate it.

use serde_json::{json, Map, Value};

use crate::tables::{Kind, TableId};

fn figure_ref(kind: Kind) -> Value {
    match kind {
        Kind::Count => json!({ "$ref": "#/$defs/count" }),
        Kind::Amount => json!({ "$ref": "#/$defs/amount" }),
    }
}

fn table(id: TableId) -> Value {
    let def = id.def();
    let mut props = Map::new();
    let mut required = Vec::new();
    for (i, c) in def.columns.iter().enumerate() {
        let mut f = figure_ref(c.kind());
        let header = def.header.iter().find(|h| h.key == c.key).map_or(c.key, |h| h.text);
        let total = def.total.as_ref().filter(|t| t.column == i);
        let description = match total {
            Some(_) => format!("{header}: the sum of the table's counts; computed when left out"),
            None => format!("{header}: ~ when the agency has no such power"),
        };
        f["description"] = json!(description);
        props.insert(c.key.to_string(), f);
        if total.is_none() {
            required.push(c.key);
        }
    }
    let labels: Map<String, Value> = def.label_keys().map(|k| (k.to_string(), json!({ "type": "string" }))).collect();
    props.insert("标签".into(), json!({ "type": "object", "description": "header labels that replace the defaults", "properties": labels, "additionalProperties": false }));
    props.insert("标题".into(), json!({ "type": "string", "description": format!("the title; default {}", def.title) }));
    props.insert("说明".into(), json!({ "type": "array", "items": { "type": "string" }, "description": "the notes, without their numbers" }));
    json!({
        "type": "object",
        "description": format!("{} {}", def.label, def.title),
        "properties": props,
        "required": required,
        "additionalProperties": false,
    })
}

fn previous(id: TableId) -> Value {
    let def = id.def();
    let props: Map<String, Value> = def.columns.iter().map(|c| (c.key.to_string(), figure_ref(c.kind()))).collect();
    json!({ "type": "object", "properties": props, "additionalProperties": false })
}

/// The schema as pretty-printed JSON.
///
/// ```
/// let s: serde_json::Value = serde_json::from_str(&enforcement_report_model::schema::json_schema()).unwrap();
/// assert_eq!(s["properties"]["tables"]["required"][1], "表二");
/// ```
pub fn json_schema() -> String {
    let tables: Map<String, Value> = TableId::ALL.iter().map(|&id| (id.def().label.to_string(), table(id))).collect();
    let prev: Map<String, Value> = TableId::ALL.iter().map(|&id| (id.def().label.to_string(), previous(id))).collect();
    let labels: Vec<&str> = TableId::ALL.iter().map(|id| id.def().label).collect();
    let text = json!({ "type": "string" });
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "行政执法年度报告 data file (enforcement-report)",
        "type": "object",
        "additionalProperties": false,
        "required": ["agency", "year", "report_date", "part1", "part2", "tables"],
        "properties": {
            "agency": { "type": "string", "description": "the agency, as it signs the report" },
            "year": { "type": "integer", "minimum": 1900, "maximum": 9999, "description": "the year reported on" },
            "report_date": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "the signing date, YYYY-MM-DD" },
            "title": { "type": "string", "description": "an optional title line above Part 1" },
            "signature": { "type": "string", "description": "the name under which the report is signed, if not the agency" },
            "part1": {
                "type": "object",
                "additionalProperties": false,
                "required": ["heading", "blocks"],
                "properties": {
                    "heading": text,
                    "blocks": { "type": "array", "items": { "$ref": "#/$defs/block" } }
                }
            },
            "part2": { "type": "object", "additionalProperties": false, "required": ["heading"], "properties": { "heading": text } },
            "previous_year": { "type": "object", "properties": prev, "additionalProperties": false, "description": "last year's figures, any of them" },
            "tables": { "type": "object", "properties": tables, "required": labels, "additionalProperties": false }
        },
        "$defs": {
            "count": {
                "anyOf": [
                    { "type": "integer", "minimum": 0, "maximum": 4294967295u64 },
                    { "type": "null", "description": "blank: the agency has no such power" },
                    { "const": "待填", "description": "still to fill" }
                ]
            },
            "amount": {
                "description": "万元, at most 7 decimals; quote it to keep more digits than a YAML number holds",
                "anyOf": [
                    { "type": "number", "minimum": 0 },
                    { "type": "string", "pattern": "^[0-9]+(\\.[0-9]{1,7})?$" },
                    { "type": "null", "description": "blank: the agency has no such power" },
                    { "const": "待填", "description": "still to fill" }
                ]
            },
            "block": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                    "h1": { "type": "string", "description": "level-1 heading (黑体): 一、…" },
                    "h2": { "type": "string", "description": "level-2 heading (楷体): （一）…" },
                    "h3": { "type": "string", "description": "run-in level-3 heading that starts the paragraph p" },
                    "p": { "type": "string", "description": "a body paragraph; {表二.合计} cites a figure" }
                },
                "oneOf": [ { "required": ["h1"] }, { "required": ["h2"] }, { "required": ["p"] } ]
            }
        }
    });
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}
