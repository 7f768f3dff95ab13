//! Properties of Chinese text shared by the writers: widths in character
//! units and the line-breaking classes of GB/T 15834 and spec §2.

/// Width in full-width character units: a Chinese character or full-width
/// mark is 1, an ASCII character ½.
///
/// ```
/// use er_document::text::em_width;
/// assert_eq!(em_width("总数（宗）"), 5.0);
/// assert_eq!(em_width("173.7821088"), 5.5);
/// ```
pub fn em_width(s: &str) -> f64 {
    s.chars().map(char_em).sum()
}

/// Width of one character in full-width units.
pub fn char_em(c: char) -> f64 {
    if is_wide(c) {
        1.0
    } else {
        0.5
    }
}

/// True for characters drawn on the full square of the Chinese grid.
pub fn is_wide(c: char) -> bool {
    let u = c as u32;
    matches!(u,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
        || matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·' | '№' | '※' | '●' | '○' | '■' | '□' | '△' | '▲')
}

/// Marks that may not begin a line: closing punctuation.
pub fn no_line_start(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '、' | '；' | '：' | '？' | '！' | '）' | '》' | '」' | '』' | '】' | '〕' | '〉' | '”' | '’' | '%'
            | '％' | '…' | '·' | '—' | ',' | '.' | ';' | ':' | '?' | '!' | ')' | ']' | '}' | '〗' | '］' | '｝'
    )
}

/// Marks that may not end a line: opening punctuation.
pub fn no_line_end(c: char) -> bool {
    matches!(c, '（' | '《' | '「' | '『' | '【' | '〔' | '〈' | '“' | '‘' | '(' | '[' | '{' | '〖' | '［' | '｛')
}

/// Characters that form an unbreakable run: digits, Latin letters and the
/// marks inside numbers (1737821.088, 16.96%, 8·4 aside).
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '%' | '-' | '_' | '/' | '+' | '@' | '&')
}

/// The text without the line breaks the document decided: for 目录 lines,
/// bookmarks, document properties and messages.
pub fn unbroken(text: &str) -> String {
    text.split('\n').map(str::trim).collect()
}
