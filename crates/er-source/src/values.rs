//! The values of a file's first YAML document as serde_yaml would read them,
//! built from the same scan that indexes where they stand, so that a data
//! file is scanned once, not once for places and again for values.
//!
//! Only what can be typed exactly as serde_yaml types it is built here: a
//! plain scalar is null, a boolean, a 64-bit integer, a float or a string by
//! serde_yaml's own rules (copied below); quoted and block scalars are
//! strings. Wherever serde_yaml could read the file otherwise — a tag, an
//! anchor or alias, an integer beyond 64 bits, a mapping key that is no
//! string (serde reads `1:` as a struct's second field from a value, as an
//! unknown field from text), a key given twice, nesting deeper than a
//! report's — the builder gives up, and the caller reads the text with
//! serde_yaml as before: a figure is never typed two ways.
//!
//! ```
//! let (_, values, _) = er_source::Index::scan("a: 1\nb: '1'\nc: 一\n");
//! let v = values.unwrap();
//! assert_eq!(v["a"], serde_yaml::Value::from(1));
//! assert_eq!(v["b"], serde_yaml::Value::from("1"));
//! assert!(er_source::Index::scan("a: &x 1\nb: *x\n").1.is_none(), "aliases are left to serde_yaml");
//! ```

use serde_yaml::{Mapping, Value};
use yaml_rust2::parser::Event;
use yaml_rust2::scanner::TScalarStyle;

/// Deeper collections are left to serde_yaml: a report is a few levels deep.
const MAX_DEPTH: usize = 32;

enum Open {
    Map(Mapping, Option<Value>),
    Seq(Vec<Value>),
}

/// Builds the first document's value from the scanner's events.
#[derive(Default)]
pub(crate) struct Values {
    stack: Vec<Open>,
    root: Option<Value>,
    gave_up: bool,
}

impl Values {
    /// Takes one event of the first document.
    pub(crate) fn on_event(&mut self, ev: &Event) {
        if self.gave_up || self.root.is_some() {
            return;
        }
        match ev {
            Event::Scalar(text, style, anchor, tag) => {
                if *anchor > 0 || tag.is_some() {
                    return self.give_up();
                }
                let value = if *style == TScalarStyle::Plain { plain(text) } else { Some(Value::String(text.clone())) };
                match value {
                    Some(v) => self.push(v),
                    None => self.give_up(),
                }
            }
            Event::MappingStart(anchor, tag) | Event::SequenceStart(anchor, tag) => {
                if *anchor > 0 || tag.is_some() || self.stack.len() >= MAX_DEPTH {
                    return self.give_up();
                }
                self.stack.push(match ev {
                    Event::MappingStart(..) => Open::Map(Mapping::new(), None),
                    _ => Open::Seq(Vec::new()),
                });
            }
            Event::MappingEnd | Event::SequenceEnd => match self.stack.pop() {
                Some(Open::Map(m, None)) => self.push(Value::Mapping(m)),
                Some(Open::Seq(s)) => self.push(Value::Sequence(s)),
                _ => self.give_up(),
            },
            Event::Alias(_) => self.give_up(),
            _ => {}
        }
    }

    /// The document's value, or None where it is left to serde_yaml.
    pub(crate) fn finish(self) -> Option<Value> {
        if self.gave_up || !self.stack.is_empty() {
            return None;
        }
        self.root
    }

    fn give_up(&mut self) {
        self.gave_up = true;
        self.stack.clear();
    }

    fn push(&mut self, v: Value) {
        match self.stack.last_mut() {
            None => self.root = Some(v),
            Some(Open::Seq(s)) => s.push(v),
            Some(Open::Map(_, key @ None)) => {
                if !v.is_string() {
                    return self.give_up();
                }
                *key = Some(v);
            }
            Some(Open::Map(m, key)) => {
                let k = key.take().unwrap_or(Value::Null);
                if m.contains_key(&k) {
                    return self.give_up();
                }
                m.insert(k, v);
            }
        }
    }
}

/// A plain scalar typed by serde_yaml 0.9's rules (its `de.rs`:
/// `visit_untagged_scalar`), or None for an integer beyond 64 bits, which
/// serde_yaml hands its visitor as 128 bits.
fn plain(text: &str) -> Option<Value> {
    // Every rule below reads ASCII only: a text with any other character
    // (every Chinese text) is a string.
    if !text.is_ascii() {
        return Some(Value::String(text.to_string()));
    }
    if matches!(text, "" | "null" | "Null" | "NULL" | "~") {
        return Some(Value::Null);
    }
    match text {
        "true" | "True" | "TRUE" => return Some(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Value::Bool(false)),
        _ => {}
    }
    if let Some(n) = parse_unsigned_int(text, u64::from_str_radix) {
        return Some(Value::from(n));
    }
    if let Some(n) = parse_negative_int(text, i64::from_str_radix) {
        return Some(Value::from(n));
    }
    if parse_unsigned_int(text, u128::from_str_radix).is_some() || parse_negative_int(text, i128::from_str_radix).is_some() {
        return None;
    }
    if !digits_but_not_number(text) {
        if let Some(f) = parse_f64(text) {
            return Some(Value::from(f));
        }
    }
    Some(Value::String(text.to_string()))
}

// The four functions below are serde_yaml 0.9.34's (MIT or Apache-2.0),
// unchanged but for names: the types must come out as serde_yaml's.

fn parse_unsigned_int<T>(scalar: &str, from_str_radix: fn(&str, u32) -> Result<T, std::num::ParseIntError>) -> Option<T> {
    let unpositive = scalar.strip_prefix('+').unwrap_or(scalar);
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(rest) = unpositive.strip_prefix(prefix) {
            if rest.starts_with(['+', '-']) {
                return None;
            }
            if let Ok(int) = from_str_radix(rest, radix) {
                return Some(int);
            }
        }
    }
    if unpositive.starts_with(['+', '-']) {
        return None;
    }
    if digits_but_not_number(scalar) {
        return None;
    }
    from_str_radix(unpositive, 10).ok()
}

fn parse_negative_int<T>(scalar: &str, from_str_radix: fn(&str, u32) -> Result<T, std::num::ParseIntError>) -> Option<T> {
    for (prefix, radix) in [("-0x", 16), ("-0o", 8), ("-0b", 2)] {
        if let Some(rest) = scalar.strip_prefix(prefix) {
            if let Ok(int) = from_str_radix(&format!("-{rest}"), radix) {
                return Some(int);
            }
        }
    }
    if digits_but_not_number(scalar) {
        return None;
    }
    from_str_radix(scalar, 10).ok()
}

fn parse_f64(scalar: &str) -> Option<f64> {
    let unpositive = match scalar.strip_prefix('+') {
        Some(u) if u.starts_with(['+', '-']) => return None,
        Some(u) => u,
        None => scalar,
    };
    if let ".inf" | ".Inf" | ".INF" = unpositive {
        return Some(f64::INFINITY);
    }
    if let "-.inf" | "-.Inf" | "-.INF" = scalar {
        return Some(f64::NEG_INFINITY);
    }
    if let ".nan" | ".NaN" | ".NAN" = scalar {
        return Some(f64::NAN.copysign(1.0));
    }
    unpositive.parse::<f64>().ok().filter(|f| f.is_finite())
}

fn digits_but_not_number(scalar: &str) -> bool {
    // Leading zeros followed by digits is a string in YAML 1.2.
    let scalar = scalar.strip_prefix(['-', '+']).unwrap_or(scalar);
    scalar.len() > 1 && scalar.starts_with('0') && scalar[1..].bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// serde_yaml's own reading of `text`, when it reads it at all.
    fn theirs(text: &str) -> Option<Value> {
        serde_yaml::from_str::<Value>(text).ok()
    }

    #[test]
    fn plain_scalars_are_typed_as_serde_yaml_types_them() {
        let cases = [
            "", "~", "null", "Null", "NULL", "nULL", "true", "True", "TRUE", "tRUE", "false", "yes", "no", "on", "off", "y", "n",
            "0", "00", "007", "-0", "+0", "-007", "+12", "12", "-12", "1_000", "1,000", "0x1A", "0x", "0x-1", "-0x1A", "+0x1A",
            "0o17", "-0o17", "0b101", "-0b101", "0b2", "1.5", "1.50", "-1.5", "+1.5", "1.", ".5", "-.5", "1e3", "1E3", "1e-3",
            "1e400", "-1e400", ".inf", ".Inf", "-.inf", "+.inf", "inf", "Infinity", "nan", "NaN", ".nan", ".NaN", "-.nan",
            "18446744073709551615", "18446744073709551616", "-9223372036854775808", "-9223372036854775809",
            "99999999999999999999999999999999999999999", "2025-01-26", "20250126", "12:30", "1:30:00", "1.2.3", "0.1",
            "0.1000000000000000055511151231257827", "173.7821088", "9876543210123.45", "++1", "+-1", "--1", "abc",
            "a1", "1a", "e3", "1e", "0e0", "-0.0", "0.0", "12 34",
        ];
        for text in cases {
            let ours = plain(text);
            let expected = theirs(text);
            match ours {
                Some(v) => assert_eq!(Some(v), expected, "{text:?}"),
                // Left to serde_yaml: only integers beyond 64 bits.
                None => assert!(text.trim_start_matches(['-', '+']).bytes().all(|b| b.is_ascii_digit()), "{text:?} left to serde_yaml"),
            }
        }
        // Not ASCII: a string, whatever it looks like.
        assert_eq!(plain("１２"), Some(Value::from("１２")));
        assert_eq!(plain("～"), Some(Value::from("～")));
    }

    #[test]
    fn a_document_is_the_value_serde_yaml_reads_or_none() {
        let same = [
            "a: 1\nb: [1, '2', x]\nc: {d: ~, e: 1.50}\n",
            "agency: 某局\nyear: 2024\nnotes:\n  - |\n    第一行\n    第二行\n  - >\n    折叠\n    的行\n",
            "a: \"引号\\n里\"\nb: '单''引号'\nc: 多行\n  的文字\n",
            "- 1\n- - 2\n  - 3\n",
            "a:\nb: ''\n",
        ];
        for text in same {
            let (_, ours, error) = crate::Index::scan(text);
            assert!(error.is_none());
            assert_eq!(ours, theirs(text), "{text:?}");
            assert!(ours.is_some(), "{text:?}");
        }
        let left = [
            "a: &x 1\nb: *x\n",
            "a: !!str 1\n",
            "a: !custom x\n",
            "1: x\n",
            "true: x\n",
            "a: 1\na: 2\n",
            "? [a]\n: 1\n",
            "a: 99999999999999999999999\n",
        ];
        for text in left {
            assert!(crate::Index::scan(text).1.is_none(), "{text:?} is left to serde_yaml");
        }
    }
}
