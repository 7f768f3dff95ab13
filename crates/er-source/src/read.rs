//! The steps from bytes to a typed value that every YAML file of the
//! product goes through, each failure a located [`Diagnostic`].

use std::path::Path;

use er_i18n::t;

use crate::diag::Diagnostic;
use crate::locate::{Index, Loc};

/// Largest file read: a report or a template is a few tens of kilobytes.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// What a file read is: the words a message uses for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A report's data file.
    Data,
    /// A table template file.
    Template,
}

impl FileKind {
    fn words(self) -> String {
        match self {
            FileKind::Data => t!("what-data-file"),
            FileKind::Template => t!("what-template-file"),
        }
    }
}

/// Reads a file's bytes, refusing folders and files over [`MAX_FILE_BYTES`].
pub fn file(path: &Path, kind: FileKind) -> Result<Vec<u8>, Diagnostic> {
    let name = path.display().to_string();
    let what = kind.words();
    let unreadable = |msg: String, help: String| Diagnostic::error(&name, None, "", msg).with_help(help).unreadable();
    let cannot = |e: std::io::Error| unreadable(t!("read-cannot", error = er_i18n::os_error(&e)), t!("help-read-cannot"));
    let meta = std::fs::metadata(path).map_err(cannot)?;
    if meta.is_dir() {
        return Err(unreadable(t!("read-folder"), t!("help-read-folder", what = what)));
    }
    // Only a regular file: opening a FIFO without a writer blocks for
    // ever, and a device never ends.
    if !meta.is_file() {
        return Err(unreadable(t!("read-special"), t!("help-read-special", what = what)));
    }
    let too_large = |n: u64| unreadable(t!("read-too-large", bytes = n, what = what, max = MAX_FILE_BYTES), t!("help-read-too-large", what = what));
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    // Bounded by the bytes read, not by the size the file claims: a
    // device or a pipe says 0 and never ends.
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(cannot)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(cannot)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The line and column of byte `at` of `bytes`.
pub fn loc_of_offset(bytes: &[u8], at: usize) -> Loc {
    let before = &bytes[..at.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    Loc { line, column }
}

/// The bytes as UTF-8 text without a byte-order mark; NUL bytes refused.
pub fn text<'a>(bytes: &'a [u8], name: &str) -> Result<&'a str, Diagnostic> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Diagnostic::error(name, None, "", t!("read-data-too-large", bytes = bytes.len(), max = MAX_FILE_BYTES)).unreadable());
    }
    if let Some(kind) = foreign_format(bytes) {
        return Err(Diagnostic::error(name, None, "", t!("read-foreign", kind = er_i18n::message(kind, &[]))).with_help(t!("help-read-foreign", file = name)).unreadable());
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        Diagnostic::error(name, Some(loc_of_offset(bytes, at)), "", t!("read-not-utf8", at = at)).with_help(t!("help-read-not-utf8")).unreadable()
    })?;
    if let Some(at) = text.find('\0') {
        return Err(Diagnostic::error(name, Some(loc_of_offset(text.as_bytes(), at)), "", t!("read-nul")).with_help(t!("help-read-nul")).unreadable());
    }
    Ok(text)
}

/// A file of another format recognised by its first bytes (its magic
/// number), such as the Word report given as data: the catalogue id of
/// its name (kind-docx …).
///
/// ```
/// use er_source::read::foreign_format;
/// assert_eq!(foreign_format(b"%PDF-1.7\n"), Some("kind-pdf"));
/// assert_eq!(foreign_format(b"agency: x\n"), None);
/// ```
pub fn foreign_format(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(4096)];
    let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    if head.starts_with(b"PK\x03\x04") {
        return Some(if has(b"word/") {
            "kind-docx"
        } else if has(b"xl/") {
            "kind-xlsx"
        } else if has(b"ppt/") {
            "kind-pptx"
        } else {
            "kind-zip"
        });
    }
    if head.starts_with(b"%PDF-") {
        return Some("kind-pdf");
    }
    if head.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Some("kind-ole");
    }
    if head.starts_with(b"{\\rtf") {
        return Some("kind-rtf");
    }
    if head.starts_with(b"\x89PNG") || head.starts_with(b"\xFF\xD8\xFF") || head.starts_with(b"GIF8") {
        return Some("kind-image");
    }
    None
}

struct NoEvents;
impl yaml_rust2::parser::EventReceiver for NoEvents {
    fn on_event(&mut self, _ev: yaml_rust2::parser::Event) {}
}

/// A character YAML allows nowhere in a file (a C0 or C1 control other
/// than tab and line ends, U+FFFE, U+FFFF), named where it stands: the
/// parser would only say "at position N". The file is text, but no report.
pub fn forbidden_characters(text: &str, name: &str) -> Option<Diagnostic> {
    let (at, c) = text.char_indices().find(|&(_, c)| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    })?;
    Some(Diagnostic::error(name, Some(loc_of_offset(text.as_bytes(), at)), "", holds(Whose::File, c)?).with_help(t!("help-unseen")))
}

/// Whose the unseen character is, for the message.
#[derive(Clone, Copy)]
pub enum Whose {
    File,
    Text,
}

/// "the {whose} holds …" for a character `invisible` names, or None for
/// one that is drawn.
pub fn holds(whose: Whose, c: char) -> Option<String> {
    let what = invisible(c)?;
    // In Chinese, the character's Chinese name; Unicode's English one otherwise.
    let what = if er_i18n::lang() == er_i18n::Lang::En { what.to_string() } else { invisible_zh(what).to_string() };
    let code = format!("U+{:04X}", c as u32);
    let whose = match whose {
        Whose::File => t!("word-the-file"),
        Whose::Text => t!("word-the-text"),
    };
    Some(if c.is_control() { t!("unseen-control", whose = whose, code = code) } else { t!("unseen-named", whose = whose, name = what, code = code) })
}

/// The Chinese name of what [`invisible`] names.
fn invisible_zh(english: &str) -> &'static str {
    match english {
        "SOFT HYPHEN" => "软连字符",
        "COMBINING GRAPHEME JOINER" => "组合字形连接符",
        "ARABIC LETTER MARK" => "阿拉伯字母标记",
        "MONGOLIAN VOWEL SEPARATOR" => "蒙古文元音分隔符",
        "ZERO WIDTH SPACE" => "零宽空格",
        "ZERO WIDTH NON-JOINER" => "零宽不连字符",
        "ZERO WIDTH JOINER" => "零宽连字符",
        "LEFT-TO-RIGHT MARK" => "从左至右标记",
        "RIGHT-TO-LEFT MARK" => "从右至左标记",
        "LINE SEPARATOR" => "行分隔符",
        "PARAGRAPH SEPARATOR" => "段分隔符",
        "LEFT-TO-RIGHT EMBEDDING" => "从左至右嵌入符",
        "RIGHT-TO-LEFT EMBEDDING" => "从右至左嵌入符",
        "POP DIRECTIONAL FORMATTING" => "方向格式结束符",
        "LEFT-TO-RIGHT OVERRIDE" => "从左至右强制符",
        "RIGHT-TO-LEFT OVERRIDE" => "从右至左强制符",
        "WORD JOINER" => "词连接符",
        "an invisible mathematical operator" => "不可见的数学运算符",
        "LEFT-TO-RIGHT ISOLATE" => "从左至右隔离符",
        "RIGHT-TO-LEFT ISOLATE" => "从右至左隔离符",
        "FIRST STRONG ISOLATE" => "首强隔离符",
        "POP DIRECTIONAL ISOLATE" => "方向隔离结束符",
        "a deprecated format character" => "已弃用的格式字符",
        "BYTE ORDER MARK (ZERO WIDTH NO-BREAK SPACE)" => "字节顺序标记（零宽不换行空格）",
        "an interlinear annotation character" => "行间注释字符",
        "a private-use character" => "私用区字符",
        "a variation selector" => "变体选择符",
        "a tag character" => "标签字符",
        "a noncharacter" => "非字符码位",
        _ => "控制字符",
    }
}

/// Characters a Chinese input method leaves where YAML wants plain ASCII,
/// and that a key may end with unseen.
/// Each with the id of its name in the interface's language.
const INVISIBLE_IN_KEYS: [(char, &str); 5] = [
    ('\u{3000}', "char-ideographic-space"),
    ('\u{00A0}', "char-no-break-space"),
    ('\u{200B}', "char-zero-width-space"),
    ('\u{FEFF}', "char-zero-width-no-break-space"),
    ('\u{2060}', "char-word-joiner"),
];

/// A Chinese input method's typos, each where it stands, with the fix: a
/// full-width colon （：） after a key among keys written with ":", a
/// full-width space (U+3000) in a line's indentation, an invisible
/// character at the end of a key. Nothing is corrected silently: the file
/// is refused until they are fixed.
///
/// ```
/// let text = "表二:\n    甲项: ~\n    乙项：27\n\u{3000}\u{3000}丙项: 37\n    丁项数\u{00A0}: 1\n";
/// let found = er_source::read::ime_typos(text, "r.yaml");
/// let at: Vec<(usize, usize)> = found.iter().map(|d| { let l = d.loc.unwrap(); (l.line, l.column) }).collect();
/// assert_eq!(at, [(3, 7), (4, 1), (5, 8)]);
/// ```
pub fn ime_typos(text: &str, name: &str) -> Vec<Diagnostic> {
    let lines: Vec<&str> = text.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    // A line "key: value" (or "key:"), its indentation in characters.
    let mapping = |l: &str| -> Option<usize> {
        let t = l.trim_start_matches(' ');
        let key = t.split_once(':').map(|(k, _)| k)?;
        let after = &t[key.len() + 1..];
        (!key.is_empty() && !key.starts_with(['-', '#', '\'', '"']) && (after.is_empty() || after.starts_with(' '))).then(|| l.len() - t.len())
    };
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let loc = |col: usize| Some(Loc { line: i + 1, column: col + 1 });
        let t = line.trim_start_matches([' ', '\u{3000}']);
        let lead: Vec<char> = line[..line.len() - t.len()].chars().collect();
        // A full-width space in the indentation of a key or a list item.
        if let Some(k) = lead.iter().position(|&c| c == '\u{3000}') {
            if mapping(t).is_some() || t.starts_with("- ") || t.contains('：') {
                out.push(Diagnostic::error(name, loc(k), "", t!("ime-fullwidth-indent")).with_help(t!("help-ime-fullwidth-indent")));
                continue;
            }
        }
        if t.starts_with('#') || t.starts_with('-') {
            continue;
        }
        // key：value among siblings written key: value.
        if let Some((key, _)) = t.split_once('：') {
            let plain = !key.is_empty() && key.chars().count() <= 24 && !key.contains([':', ' ', '，', '。', '、', '"', '\'', '“']);
            let indent = lead.len();
            let siblings = lines.iter().enumerate().filter(|(j, _)| *j != i && j.abs_diff(i) <= 6).any(|(_, l)| mapping(l) == Some(indent));
            if plain && siblings {
                let col = lead.len() + key.chars().count();
                out.push(Diagnostic::error(name, loc(col), "", t!("ime-fullwidth-colon", key = key)).with_help(t!("help-ime-fullwidth-colon", key = key)));
                continue;
            }
        }
        // An invisible character at the end of a key.
        if let Some((key, _)) = t.split_once(':') {
            if let Some((c, what)) = INVISIBLE_IN_KEYS.iter().find(|(c, _)| key.ends_with(*c)) {
                let shown = key.trim_end_matches(|x: char| INVISIBLE_IN_KEYS.iter().any(|(c, _)| *c == x));
                let col = lead.len() + shown.chars().count();
                out.push(
                    Diagnostic::error(name, loc(col), "", t!("ime-invisible-in-key", key = shown, what = er_i18n::message(what, &[]), code = format!("U+{:04X}", *c as u32)))
                        .with_help(t!("help-ime-invisible-in-key")),
                );
            }
        }
    }
    out
}

/// Refuses text that is not YAML, at the place the parser stopped.
pub fn syntax(text: &str, name: &str) -> Result<(), Diagnostic> {
    match yaml_rust2::parser::Parser::new_from_str(text).load(&mut NoEvents, true) {
        Err(e) => Err(syntax_error(&e, text, name)),
        Ok(()) => Ok(()),
    }
}

/// The finding for a syntax error the YAML parser reported.
pub fn syntax_error(e: &yaml_rust2::ScanError, text: &str, name: &str) -> Diagnostic {
    {
        let m = e.marker();
        let loc = Loc { line: m.line(), column: m.col() + 1 };
        // YAML reads a key of over 1,024 characters as no key at all.
        let line = text.split(['\n', '\r']).nth(loc.line.saturating_sub(1)).unwrap_or("");
        let key_len = line.find(':').map_or(0, |k| line[..k].trim().chars().count());
        if key_len > 1024 {
            return Diagnostic::error(name, Some(Loc { line: loc.line, column: 1 }), "", t!("yaml-key-too-long", length = key_len)).with_help(t!("help-yaml-key-too-long"));
        }
        Diagnostic::error(name, Some(loc), "", t!("yaml-syntax", detail = yaml_detail(e.info()))).with_help(t!("help-yaml-syntax")).unreadable()
    }
}

/// The YAML parser's account of a syntax error (always English) in the
/// interface's language, for the common ones.
fn yaml_detail(info: &str) -> String {
    let id = match info {
        i if i.starts_with("recursion limit") => "yaml-detail-recursion",
        i if i.starts_with("tabs disallowed") => "yaml-detail-tabs",
        i if i.contains("mapping values are not allowed") || i.contains("illegal placement of ':'") => "yaml-detail-colon",
        i if i.contains("did not find expected key") => "yaml-detail-key",
        i if i.contains("did not find expected <document start>") => "yaml-detail-document",
        i if i.contains("found character that cannot start any token") => "yaml-detail-token",
        i if i.contains("while scanning a quoted scalar") || i.contains("found unexpected end of stream") => "yaml-detail-quote",
        i if i.contains("invalid indentation") || i.contains("wrongly indented") => "yaml-detail-indent",
        i if i.contains("did not find expected node content") => "yaml-detail-value",
        i if i.contains("flow sequence") => "yaml-detail-flow-sequence",
        i if i.contains("flow mapping") => "yaml-detail-flow-mapping",
        i if i.contains("block collection") || i.contains("block sequence entries") => "yaml-detail-dash",
        i if i.contains("anchor") || i.contains("alias") => "yaml-detail-anchor",
        i if i.contains("tag") || i.contains("TAG") || i.contains("directive") => "yaml-detail-tag",
        i if i.contains("escape") || i.contains("hexadecimal") => "yaml-detail-escape",
        i if i.contains("block scalar") => "yaml-detail-block-scalar",
        i if i.contains("unexpected eof") || i.contains("end of stream") => "yaml-detail-end",
        _ => "yaml-detail-other",
    };
    // In Chinese only Chinese: the parser's English stays out.
    if er_i18n::lang() == er_i18n::Lang::En {
        info.to_string()
    } else {
        er_i18n::message(id, &[])
    }
}

/// True when the text holds something besides comments and document markers.
pub fn has_content(text: &str) -> bool {
    // Lines end with LF, CRLF or a lone CR (old Mac files).
    text.split(['\n', '\r']).any(|l| {
        let t = l.trim();
        !t.is_empty() && !t.starts_with('#') && t != "---" && t != "..."
    })
}

/// The first key given twice in one mapping, as a finding.
pub fn duplicates(index: &Index, name: &str) -> Option<Diagnostic> {
    let (path, loc) = index.duplicates.first()?;
    let key = path.rsplit('.').next().unwrap_or(path);
    Some(
        Diagnostic::error(name, Some(*loc), path, t!("read-key-twice", key = key)).with_help(t!("help-serde-duplicate")),
    )
}

/// A serde_yaml error as a finding: its path, its place, a plain message.
/// `expected_root` says what the whole file should be, for the message of
/// a file that is not a mapping.
pub fn serde_error(e: &serde_yaml::Error, name: &str, index: &Index, expected_root: &str) -> Diagnostic {
    let loc = e.location().map(|l| Loc { line: l.line(), column: l.column() });
    let full = e.to_string();
    // serde_yaml writes "path: message at line L column C"; the location is
    // printed in front instead.
    let body = match full.rfind(" at line ") {
        Some(i) if loc.is_some() => &full[..i],
        _ => &full[..],
    };
    let (field, message) = match body.split_once(": ") {
        Some((p, m)) if !p.contains(' ') => (p.to_string(), m.to_string()),
        _ => (String::new(), body.to_string()),
    };
    let mut message = clip_quoted(&message).replace("expected u16", "expected a year such as 2024");
    if let Some(i) = message.find("expected struct Raw") {
        // The root (or a part) is not a mapping: say what it should be.
        message = format!("{}expected {expected_root}", &message[..i]);
    }
    let message = message.replace("expected struct ", "expected a mapping: ");
    let help = if message.starts_with("unknown field") {
        Some(t!("help-serde-unknown-field"))
    } else if message.starts_with("missing field") {
        Some(t!("help-load-missing-figure"))
    } else if message.starts_with("duplicate") {
        Some(t!("help-serde-duplicate"))
    } else if message.starts_with("invalid type") {
        Some(t!("help-serde-invalid-type"))
    } else if message.contains("recursion limit") || message.contains("repetition limit") {
        Some(t!("help-serde-limit"))
    } else {
        None
    };
    let mut d = Diagnostic::error(name, loc, &field, serde_message(&message));
    d.help = help;
    with_item_index(d, index)
}

/// Most characters of a file's text a message quotes.
const QUOTED_CHARS: usize = 24;

/// serde's message with the value it quotes (`invalid type: string "…"`)
/// cut to a short, escaped excerpt: a file that is no data file or
/// template (`template: /etc/passwd`) is never echoed whole.
///
/// ```
/// let m = er_source::read::clip_quoted("invalid type: string \"root:x:0:0:root:/root:/bin/bash daemon:x:1:1\", expected a mapping");
/// assert_eq!(m, "invalid type: string \"root:x:0:0:root:/root:/b…\", expected a mapping");
/// ```
pub fn clip_quoted(message: &str) -> String {
    for lead in ["string \"", "value \""] {
        let Some(start) = message.find(lead).map(|i| i + lead.len()) else { continue };
        let Some(end) = message.rfind("\", expected").filter(|&e| e >= start) else { continue };
        let quoted = &message[start..end];
        let mut short: String = quoted.chars().take(QUOTED_CHARS).flat_map(char::escape_debug).collect();
        if quoted.chars().count() > QUOTED_CHARS {
            short.push('…');
        }
        return format!("{}{short}{}", &message[..start], &message[end..]);
    }
    message.to_string()
}

/// serde_yaml's message (always English) in the interface's language:
/// the common ones are reworded, others are kept as serde wrote them.
pub fn serde_message(m: &str) -> String {
    if let Some(rest) = m.strip_prefix("unknown field ") {
        // serde lists what it expected as "one of `a`, `b`" or "`a`": the
        // names alone, and the one the field most likely stands for.
        let field = rest.split('`').nth(1).unwrap_or("").to_string();
        let expected = rest.split_once("expected ").map_or("", |(_, e)| e);
        let names: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let separator = if er_i18n::lang() == er_i18n::Lang::En { ", " } else { "、" };
        return match crate::suggest::closest(&field, names.iter().copied()) {
            Some(s) => t!("serde-unknown-field-suggest", field = field.clone(), suggestion = s),
            None => t!("serde-unknown-field", field = field.clone(), expected = names.join(separator)),
        };
    }
    if er_i18n::lang() == er_i18n::Lang::En {
        return m.to_string();
    }
    // serde's words for what was found and what was expected.
    let words = |s: &str| -> String {
        let mut out = s.to_string();
        for (en, id) in [
            ("a year such as 2024", "serde-word-year"),
            ("a mapping: ", "serde-word-mapping-of"),
            ("a sequence", "serde-word-sequence"),
            ("a map", "serde-word-map"),
            ("a string", "serde-word-string"),
            ("sequence", "serde-word-sequence"),
            ("map", "serde-word-map"),
            ("string", "serde-word-string"),
            ("integer", "serde-word-integer"),
            ("floating point", "serde-word-float"),
            ("boolean", "serde-word-boolean"),
        ] {
            if out.starts_with(en) {
                out = format!("{}{}", er_i18n::message(id, &[]), &out[en.len()..]);
                break;
            }
        }
        out
    };
    let quoted = |s: &str| s.split('`').nth(1).unwrap_or("").to_string();
    if let Some(rest) = m.strip_prefix("missing field ") {
        t!("serde-missing-field", field = quoted(rest))
    } else if let Some(rest) = m.strip_prefix("duplicate field ") {
        t!("serde-duplicate-field", field = quoted(rest))
    } else if let Some(rest) = m.strip_prefix("invalid type: ") {
        let (found, want) = rest.split_once(", expected ").unwrap_or((rest, ""));
        t!("serde-invalid-type", found = words(found), expected = words(want))
    } else if let Some(rest) = m.strip_prefix("invalid value: ") {
        let (found, want) = rest.split_once(", expected ").unwrap_or((rest, ""));
        t!("serde-invalid-value", found = words(found), expected = words(want))
    } else {
        m.to_string()
    }
}

/// serde_yaml's path stops at a list (`part1.blocks`); name the item the
/// error is in (`part1.blocks[3]`), the last one starting at or before it.
fn with_item_index(mut d: Diagnostic, index: &Index) -> Diagnostic {
    let Some(loc) = d.loc else { return d };
    if d.field.is_empty() || d.field.ends_with(']') {
        return d;
    }
    let prefix = format!("{}[", d.field);
    let item = index
        .iter()
        .filter(|(p, n)| p.starts_with(&prefix) && !p[prefix.len()..].contains(['.', '[']) && n.loc.line <= loc.line)
        .max_by_key(|(_, n)| n.loc)
        .map(|(p, _)| p.clone());
    if let Some(p) = item {
        d.field = p;
    }
    d
}

/// What a report never holds and a hostile file does: aliases that expand
/// past [`crate::locate::MAX_EXPANDED_BYTES`], tags other than YAML's
/// standard ones (`!!binary` would sign a report with base64), a second
/// document, and more values than [`crate::locate::MAX_NODES`]. Checked
/// before the file is deserialized.
pub fn structure(index: &Index, name: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if let Some(loc) = index.expansion_over {
        out.push(
            Diagnostic::error(name, Some(loc), "", t!("read-aliases", max = crate::locate::MAX_EXPANDED_BYTES)).with_help(t!("help-read-aliases")),
        );
    }
    for (path, loc, tag) in &index.tags {
        out.push(
            Diagnostic::error(name, Some(*loc), path, t!("read-tag", tag = tag)).with_help(t!("help-read-tag")),
        );
    }
    if let Some(loc) = index.second_document {
        out.push(
            Diagnostic::error(name, Some(loc), "", t!("read-second-document")).with_help(t!("help-read-second-document")),
        );
    }
    if let Some(loc) = index.nodes_over {
        out.push(
            Diagnostic::error(name, Some(loc), "", t!("read-too-many-values", max = crate::locate::MAX_NODES)).with_help(t!("help-read-too-many-values")),
        );
    }
    out
}

/// Characters no reader can see or that turn text around: control
/// characters vanish or corrupt the XML of a DOCX or XLSX; zero-width,
/// byte-order, bidi and private-use characters show as nothing, or as
/// something else on another machine. Each occurrence is reported where it
/// stands.
///
/// `breaks_allowed` names the texts (titles) where a line break is the
/// writer's own choice of where a line ends; there it is kept.
pub fn control_characters(index: &Index, name: &str, breaks_allowed: &dyn Fn(&str) -> bool) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (path, node) in index.iter() {
        let Some(s) = &node.scalar else { continue };
        let body = s.text.trim_end_matches('\n');
        let allowed = |c: char| c == '\n' && breaks_allowed(path);
        for (at, c) in body.chars().enumerate() {
            if allowed(c) {
                continue;
            }
            if let Some(message) = holds(Whose::Text, c) {
                out.push(Diagnostic::error(name, Some(node.char_loc(at)), path, message).with_help(t!("help-unseen")));
            }
        }
    }
    out
}

/// Every character of the file's texts that `can_draw` refuses (no font
/// the PDF may use has it), each where it stands, all in one run.
/// Whitespace and the invisible characters `control_characters` reports
/// are passed over.
pub fn undrawable(index: &Index, name: &str, can_draw: &dyn Fn(char) -> bool) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (path, node) in index.iter() {
        let Some(s) = &node.scalar else { continue };
        for (at, c) in s.text.chars().enumerate() {
            if c.is_whitespace() || invisible(c).is_some() || can_draw(c) {
                continue;
            }
            out.push(
                Diagnostic::error(name, Some(node.char_loc(at)), path, t!("read-no-glyph", character = c, code = format!("U+{:04X}", c as u32)))
                    .with_help(t!("help-read-no-glyph")),
            );
        }
    }
    out
}

/// What an invisible or text-turning character is, by its Unicode name,
/// or None for a character that is drawn.
///
/// ```
/// use er_source::read::invisible;
/// assert_eq!(invisible('\u{200B}'), Some("ZERO WIDTH SPACE"));
/// assert_eq!(invisible('\u{E000}'), Some("a private-use character"));
/// assert_eq!(invisible('堃'), None);
/// ```
pub fn invisible(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{00AD}' => "SOFT HYPHEN",
        '\u{034F}' => "COMBINING GRAPHEME JOINER",
        '\u{061C}' => "ARABIC LETTER MARK",
        '\u{180E}' => "MONGOLIAN VOWEL SEPARATOR",
        '\u{200B}' => "ZERO WIDTH SPACE",
        '\u{200C}' => "ZERO WIDTH NON-JOINER",
        '\u{200D}' => "ZERO WIDTH JOINER",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{2028}' => "LINE SEPARATOR",
        '\u{2029}' => "PARAGRAPH SEPARATOR",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2060}' => "WORD JOINER",
        '\u{2061}'..='\u{2064}' => "an invisible mathematical operator",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{206A}'..='\u{206F}' => "a deprecated format character",
        '\u{FEFF}' => "BYTE ORDER MARK (ZERO WIDTH NO-BREAK SPACE)",
        '\u{FFF9}'..='\u{FFFB}' => "an interlinear annotation character",
        '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{FFFFD}' | '\u{100000}'..='\u{10FFFD}' => "a private-use character",
        '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}' => "a variation selector",
        '\u{E0000}'..='\u{E007F}' => "a tag character",
        '\u{FDD0}'..='\u{FDEF}' => "a noncharacter",
        c if (c as u32) & 0xFFFE == 0xFFFE => "a noncharacter",
        c if c.is_control() => "a control character",
        _ => return None,
    })
}
