//! A JSON Schema of the template file, for editors
//! (`enforcement-report check-template --schema`, docs/template.schema.json).

use serde_json::json;

use crate::Unit;

/// The schema as pretty-printed JSON.
///
/// ```
/// let s: serde_json::Value = serde_json::from_str(&er_template::schema::json_schema()).unwrap();
/// assert_eq!(s["required"][0], "name");
/// ```
pub fn json_schema() -> String {
    let units: Vec<&str> = Unit::ALL.iter().map(|u| u.as_str()).collect();
    let text = json!({ "type": "string", "minLength": 1 });
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "行政执法年度报告 table template (enforcement-report)",
        "type": "object",
        "additionalProperties": false,
        "required": ["name", "tables"],
        "properties": {
            "name": { "type": "string", "description": "the name a data file gives under template:" },
            "description": { "type": "string" },
            "parts": {
                "type": "array", "minItems": 2, "maxItems": 2, "uniqueItems": true,
                "items": { "enum": ["narrative", "statistics"] },
                "description": "the order of the parts: 第一部分 first"
            },
            "contents": { "type": "boolean", "description": "a 目录 before the first part" },
            "tables": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/table" } }
        },
        "$defs": {
            "table": {
                "type": "object",
                "additionalProperties": false,
                "required": ["label", "title", "columns", "header"],
                "properties": {
                    "label": { "type": "string", "description": "表一 …: the table's key in a data file" },
                    "title": { "type": "string", "description": "may use {机关} and {年度}" },
                    "columns": { "type": "array", "minItems": 1, "maxItems": crate::MAX_COLUMNS, "items": { "$ref": "#/$defs/column" } },
                    "header": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/node" } },
                    "notes": {
                        "type": "object",
                        "additionalProperties": false,
                        "properties": {
                            "heading": { "type": "string", "description": "说明 or 填报说明" },
                            "items": { "type": "array", "items": text },
                            "placement": { "enum": ["table", "end", "before"], "description": "under the table (default), after the last table led by its label, or above the table led by its label" }
                        }
                    }
                }
            },
            "column": {
                "type": "object",
                "additionalProperties": false,
                "required": ["key", "unit"],
                "properties": {
                    "key": text,
                    "kind": { "enum": ["count", "amount"] },
                    "unit": { "enum": units },
                    "decimals": { "type": "integer", "minimum": 0, "maximum": 10 },
                    "fixed_decimals": { "type": "boolean" },
                    "total_of": { "type": "array", "minItems": 1, "items": text },
                    "rate": {
                        "type": "object", "additionalProperties": false, "required": ["part", "whole"],
                        "description": "a percentage computed as part ÷ whole × 100 and never summed, e.g. a certificate rate = certified officers ÷ officers × 100",
                        "properties": { "part": text, "whole": text, "rounding": { "enum": ["half-up", "half-even", "down"], "description": "四舍五入 (default), 四舍六入五成双, 截尾" } }
                    }
                }
            },
            "node": {
                "anyOf": [
                    { "type": "string", "description": "a leaf: the key of a column, its label too" },
                    {
                        "type": "object", "additionalProperties": false, "required": ["column"],
                        "properties": { "column": text, "label": text }
                    },
                    {
                        "type": "object", "additionalProperties": false, "required": ["label", "children"],
                        "properties": { "label": text, "key": text, "children": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/node" } } }
                    }
                ]
            }
        }
    });
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}
