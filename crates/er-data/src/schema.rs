//! A JSON Schema of the data file for one template, made from its tables'
//! definitions, so that editors (through yaml-language-server) complete and
//! validate it; its descriptions in the interface's language (`--lang`).

use er_i18n::t;
use er_template::{Column, Kind, Part, TableDef, Template};
use serde_json::{json, Map, Value};

fn figure(c: &Column) -> Value {
    match c.kind {
        Kind::Count => json!({ "$ref": "#/$defs/count" }),
        Kind::Amount => {
            let digits = if c.decimals == 0 { String::new() } else { format!("(\\.[0-9]{{1,{}}})?", c.decimals) };
            json!({
                "description": t!("schema-amount", unit = c.unit, decimals = c.decimals),
                "anyOf": [
                    { "type": "number", "minimum": 0 },
                    { "type": "string", "pattern": format!("^[0-9]+{digits}$") },
                    { "type": "null", "description": t!("schema-blank") },
                    { "const": "待填", "description": t!("schema-to-fill") }
                ]
            })
        }
    }
}

fn table(def: &TableDef) -> Value {
    let mut props = Map::new();
    let mut required = Vec::new();
    for c in &def.columns {
        let mut f = figure(c);
        let description = match (&c.total_of, &c.rate) {
            (Some(_), _) => t!("schema-total", label = c.label, unit = c.unit),
            (_, Some(r)) => t!("schema-rate", label = c.label, unit = c.unit, part = def.columns[r.part].key, whole = def.columns[r.whole].key, rounding = r.rounding.chinese()),
            (None, None) => t!("schema-figure", label = c.label, unit = c.unit),
        };
        f["description"] = json!(description);
        props.insert(c.key.to_string(), f);
        if c.total_of.is_none() && c.rate.is_none() {
            required.push(c.key.as_str());
        }
    }
    let labels: Map<String, Value> = def.label_keys().map(|k| (k.to_string(), json!({ "type": "string" }))).collect();
    props.insert("标签".into(), json!({ "type": "object", "description": t!("schema-labels"), "properties": labels, "additionalProperties": false }));
    props.insert("标题".into(), json!({ "type": "string", "description": t!("schema-table-title", title = def.title) }));
    props.insert("说明".into(), json!({ "type": "array", "items": { "type": "string" }, "description": t!("schema-notes") }));
    json!({
        "type": "object",
        "description": format!("{} {}", def.label, def.title),
        "properties": props,
        "required": required,
        "additionalProperties": false,
    })
}

fn previous(def: &TableDef) -> Value {
    let props: Map<String, Value> = def.columns.iter().map(|c| (c.key.to_string(), figure(c))).collect();
    json!({ "type": "object", "properties": props, "additionalProperties": false })
}

/// The schema of data files of template `t`, as pretty-printed JSON.
///
/// ```
/// let t = er_template::builtin::default();
/// let s: serde_json::Value = serde_json::from_str(&er_data::schema::json_schema(t)).unwrap();
/// assert_eq!(s["properties"]["tables"]["required"][1], "表二");
/// ```
pub fn json_schema(t: &Template) -> String {
    let tables: Map<String, Value> = t.tables.iter().map(|d| (d.label.clone(), table(d))).collect();
    let prev: Map<String, Value> = t.tables.iter().map(|d| (d.label.clone(), previous(d))).collect();
    let labels: Vec<&str> = t.tables.iter().map(|d| d.label.as_str()).collect();
    let text = json!({ "type": "string" });
    let narrative = json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["heading", "blocks"],
        "properties": {
            "heading": text,
            "blocks": { "type": "array", "items": { "$ref": "#/$defs/block" } }
        }
    });
    let statistics = json!({ "type": "object", "additionalProperties": false, "required": ["heading"], "properties": { "heading": text } });
    let part = |i: usize| if t.parts[i] == Part::Narrative { narrative.clone() } else { statistics.clone() };
    let template = json!({ "type": "string", "description": t!("schema-template", name = t.name) });
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": t!("schema-title", name = t.name),
        "type": "object",
        "additionalProperties": false,
        "required": ["agency", "year", "report_date", "part1", "part2", "tables"],
        "properties": {
            "template": template,
            "agency": { "type": "string", "description": t!("schema-agency") },
            "year": { "type": "integer", "minimum": 1900, "maximum": 9999, "description": t!("schema-year") },
            "report_date": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": t!("schema-report-date") },
            "title": { "type": "string", "description": t!("schema-title-line") },
            "signature": { "type": "string", "description": t!("schema-signature") },
            "part1": part(0),
            "part2": part(1),
            "previous_year": { "type": "object", "properties": prev, "additionalProperties": false, "description": t!("schema-previous") },
            "tables": { "type": "object", "properties": tables, "required": labels, "additionalProperties": false }
        },
        "$defs": {
            "count": {
                "anyOf": [
                    { "type": "integer", "minimum": 0, "maximum": 4294967295u64 },
                    { "type": "null", "description": t!("schema-blank") },
                    { "const": "待填", "description": t!("schema-to-fill") }
                ]
            },
            "block": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                    "h1": { "type": "string", "description": t!("schema-h1") },
                    "h2": { "type": "string", "description": t!("schema-h2") },
                    "h3": { "type": "string", "description": t!("schema-h3") },
                    "p": { "type": "string", "description": t!("schema-p") }
                },
                "oneOf": [ { "required": ["h1"] }, { "required": ["h2"] }, { "required": ["p"] } ]
            }
        }
    });
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}
