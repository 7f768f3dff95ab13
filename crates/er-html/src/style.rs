//! The page's CSS, from the document's style sheet (`er_document::layout`):
//! each role's face, size and alignment, the rules' weight, the least row
//! heights, the caption's and notes' gaps. One table of classes, written
//! as a `<style>` block for the page or on each element for the fragment.

use er_document::layout::{
    Align, PageSetup, Role, CAPTION_GAP_PT, CELL_PADDING_PT, CELL_VPAD_PT, HEADER_ROW_MIN_PT, INDENT_CHARS, LINE_PITCH_PT, NOTES_GAP_PT,
    PORTRAIT, RULE_PT, VALUE_ROW_MIN_PT,
};

use crate::font_family;

/// How an element's style is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `class="…"`, the rules in the page's `<style>`.
    Classes,
    /// `style="…"` on the element itself.
    Inline,
}

impl Mode {
    /// The attribute that gives an element of `class` its style.
    pub fn attr(self, class: &str) -> String {
        self.attr_with(class, "")
    }

    /// The same, with `extra` declarations of this element alone.
    pub fn attr_with(self, class: &str, extra: &str) -> String {
        let own = if extra.is_empty() { String::new() } else { format!(" style=\"{extra}\"") };
        match self {
            Mode::Classes => format!(" class=\"{class}\"{own}"),
            Mode::Inline => format!(" style=\"{}{extra}\"", declarations(class)),
        }
    }
}

fn text(role: Role) -> String {
    let align = match role.align() {
        Align::Left => "left",
        Align::Centre => "center",
        Align::Right => "right",
        Align::Justify => "justify",
    };
    format!("font-family:{};font-size:{}pt;text-align:{align};", font_family(role.face()).replace('"', "'"), role.size_pt())
}

/// The classes and their declarations, made once: the fragment looks one
/// up for each element it writes.
fn rules() -> &'static [(&'static str, String)] {
    static RULES: std::sync::OnceLock<Vec<(&'static str, String)>> = std::sync::OnceLock::new();
    RULES.get_or_init(make_rules)
}

fn make_rules() -> Vec<(&'static str, String)> {
    let body_line = LINE_PITCH_PT / Role::Body.size_pt();
    let indent = INDENT_CHARS;
    let cell = |role: Role, min: f64| {
        format!(
            "{}border:{RULE_PT}pt solid #000;padding:{CELL_VPAD_PT}pt {CELL_PADDING_PT}pt;height:{min}pt;vertical-align:middle;font-weight:normal;line-height:1.3;",
            text(role)
        )
    };
    vec![
        ("main", format!("display:block;max-width:50em;margin:0 auto;padding:1em;color:#000;background:#fff;{}", text(Role::Body))),
        ("h1", format!("{}font-weight:normal;line-height:1.5;margin:0.5em 0;", text(Role::Title))),
        ("h2", format!("{}font-weight:normal;line-height:{body_line:.2};margin:1em 0 0.5em;", text(Role::PartHeading))),
        ("h3", format!("{}font-weight:normal;line-height:{body_line:.2};margin:0;text-indent:{indent}em;", text(Role::Heading1))),
        ("h4", format!("{}font-weight:normal;line-height:{body_line:.2};margin:0;text-indent:{indent}em;", text(Role::Heading2))),
        ("p", format!("{}line-height:{body_line:.2};margin:0;text-indent:{indent}em;", text(Role::Body))),
        ("lead", String::new()),
        ("signature", format!("{}text-align:right;line-height:{body_line:.2};margin:{body_line:.2}em 0 0;", text(Role::Body))),
        ("date", format!("{}text-align:right;line-height:{body_line:.2};margin:0;", text(Role::Body))),
        ("nav", "display:block;margin:0 0 1em;".into()),
        ("ul", "list-style:none;padding:0;margin:0;".into()),
        ("li1", format!("{}text-align:left;line-height:{body_line:.2};", text(Role::Body))),
        ("li2", format!("{}text-align:left;line-height:{body_line:.2};padding-left:{indent}em;", text(Role::Body))),
        ("a", "color:#0645ad;".into()),
        ("scroll", "overflow-x:auto;max-width:100%;margin:1em 0;".into()),
        ("table", format!("border-collapse:collapse;margin:0 auto;{}", text(Role::TableCell))),
        ("caption", format!("{}caption-side:top;line-height:1.4;padding-bottom:{CAPTION_GAP_PT}pt;", text(Role::TableTitle))),
        ("label", format!("display:block;{}line-height:1.5;", text(Role::TableLabel))),
        ("th", format!("{}white-space:nowrap;", cell(Role::TableCell, HEADER_ROW_MIN_PT))),
        ("th-row", cell(Role::TableCell, VALUE_ROW_MIN_PT)),
        ("td", cell(Role::TableCell, VALUE_ROW_MIN_PT)),
        ("notes", format!("margin:{NOTES_GAP_PT}pt 0 1em;")),
        ("note-first", format!("{}line-height:1.3;margin:0;", text(Role::Note))),
        ("note", format!("{}line-height:1.3;margin:0;", text(Role::Note))),
    ]
}

/// The declarations of `class`.
fn declarations(class: &str) -> &'static str {
    rules().iter().find(|(c, _)| *c == class).map_or("", |(_, d)| d.as_str())
}

/// The `<style>` block's text: each class, then the print and the
/// narrow-screen rules.
pub fn css() -> String {
    let mut out = String::from("body{margin:0;background:#fff;}\n");
    for (class, decls) in rules() {
        if !decls.is_empty() {
            out.push_str(&format!(".{class}{{{decls}}}\n"));
        }
    }
    let p: PageSetup = PORTRAIT;
    // Printed on A4 with the GB/T 9704 margins; a table stays with its
    // caption on one page when it fits one, never splits a row, and a
    // heading stays with what follows it.
    out.push_str(&format!(
        "@media print{{@page{{size:A4;margin:{}mm {}mm {}mm {}mm;}}.main{{max-width:none;padding:0;}}.scroll{{overflow:visible;break-inside:avoid;}}.h2,.h3,.h4{{break-after:avoid;}}tr{{break-inside:avoid;}}thead{{display:table-header-group;}}}}\n",
        p.top_mm, p.right_mm, p.bottom_mm, p.left_mm
    ));
    // A phone: the text a little smaller, the tables in their own scrolling box.
    out.push_str(".main{box-sizing:border-box;}\n@media (max-width:600px){.main{padding:0.5em;}.p,.h3,.h4{font-size:14pt;}}\n");
    out
}
