//! Puts the children of WordprocessingML elements into the order the
//! ECMA-376 schemas require. docx-rs writes, for example, `w:rPr` first in
//! `w:pPr` and `w:sz` before `w:rFonts`; Word then offers to repair the file.

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, Writer};

/// The schema sequence of each element whose children we reorder.
fn sequence(name: &[u8]) -> Option<&'static [&'static str]> {
    Some(match name {
        b"w:pPr" => &[
            "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
            "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
            "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
            "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap",
            "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
            "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
        ],
        b"w:rPr" => &[
            "w:ins", "w:del", "w:moveFrom", "w:moveTo", "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs",
            "w:caps", "w:smallCaps", "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint",
            "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern",
            "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText",
            "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath",
            "w:rPrChange",
        ],
        b"w:sectPr" => &[
            "w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr", "w:type", "w:pgSz", "w:pgMar",
            "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType", "w:cols", "w:formProt", "w:vAlign",
            "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings",
            "w:sectPrChange",
        ],
        b"w:tblPr" => &[
            "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
            "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd",
            "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange",
        ],
        b"w:tcPr" => &[
            "w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap",
            "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark", "w:headers", "w:cellIns",
            "w:cellDel", "w:cellMerge", "w:tcPrChange",
        ],
        b"w:tblBorders" | b"w:tcBorders" => &[
            "w:top", "w:start", "w:left", "w:bottom", "w:end", "w:right", "w:insideH", "w:insideV", "w:tl2br",
            "w:tr2bl",
        ],
        b"w:tblCellMar" | b"w:tcMar" => &["w:top", "w:start", "w:left", "w:bottom", "w:end", "w:right"],
        b"w:pBdr" => &["w:top", "w:left", "w:bottom", "w:right", "w:between", "w:bar"],
        b"w:tbl" => &["w:tblPr", "w:tblGrid"],
        b"w:tr" => &["w:tblPrEx", "w:trPr"],
        b"w:tc" => &["w:tcPr"],
        b"w:p" => &["w:pPr"],
        b"w:r" => &["w:rPr"],
        b"w:style" => &[
            "w:name", "w:aliases", "w:basedOn", "w:next", "w:link", "w:autoRedefine", "w:hidden", "w:uiPriority",
            "w:semiHidden", "w:unhideWhenUsed", "w:qFormat", "w:locked", "w:personal", "w:personalCompose",
            "w:personalReply", "w:rsid", "w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr",
        ],
        b"w:docDefaults" => &["w:rPrDefault", "w:pPrDefault"],
        b"w:settings" => SETTINGS,
        _ => return None,
    })
}

const SETTINGS: &[&str] = &[
    "w:writeProtection", "w:view", "w:zoom", "w:removePersonalInformation", "w:removeDateAndTime",
    "w:doNotDisplayPageBoundaries", "w:displayBackgroundShape", "w:printPostScriptOverText",
    "w:printFractionalCharacterWidth", "w:printFormsData", "w:embedTrueTypeFonts", "w:embedSystemFonts",
    "w:saveSubsetFonts", "w:saveFormsData", "w:mirrorMargins", "w:alignBordersAndEdges",
    "w:bordersDoNotSurroundHeader", "w:bordersDoNotSurroundFooter", "w:gutterAtTop", "w:hideSpellingErrors",
    "w:hideGrammaticalErrors", "w:activeWritingStyle", "w:proofState", "w:formsDesign", "w:attachedTemplate",
    "w:linkStyles", "w:stylePaneFormatFilter", "w:stylePaneSortMethod", "w:documentType", "w:mailMerge",
    "w:revisionView", "w:trackRevisions", "w:doNotTrackMoves", "w:doNotTrackFormatting", "w:documentProtection",
    "w:autoFormatOverride", "w:styleLockTheme", "w:styleLockQFSet", "w:defaultTabStop", "w:autoHyphenation",
    "w:consecutiveHyphenLimit", "w:hyphenationZone", "w:doNotHyphenateCaps", "w:showEnvelope",
    "w:summaryLength", "w:clickAndTypeStyle", "w:defaultTableStyle", "w:evenAndOddHeaders",
    "w:bookFoldRevPrinting", "w:bookFoldPrinting", "w:bookFoldPrintingSheets",
    "w:drawingGridHorizontalSpacing", "w:drawingGridVerticalSpacing", "w:displayHorizontalDrawingGridEvery",
    "w:displayVerticalDrawingGridEvery", "w:doNotUseMarginsForDrawingGridOrigin",
    "w:drawingGridHorizontalOrigin", "w:drawingGridVerticalOrigin", "w:doNotShadeFormData", "w:noPunctuationKerning",
    "w:characterSpacingControl", "w:printTwoOnOne", "w:strictFirstAndLastChars", "w:noLineBreaksAfter",
    "w:noLineBreaksBefore", "w:savePreviewPicture", "w:doNotValidateAgainstSchema", "w:saveInvalidXml",
    "w:ignoreMixedContent", "w:alwaysShowPlaceholderText", "w:doNotDemarcateInvalidXml", "w:saveXmlDataOnly",
    "w:useXSLTWhenSaving", "w:saveThroughXslt", "w:showXMLTags", "w:alwaysMergeEmptyNamespace", "w:updateFields",
    "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr",
    "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions", "w:readModeInkLockDown", "w:smartTagType",
    "sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
];

/// A node borrows its text from the part being reordered: nothing is
/// copied but the few attributes `fix_attributes` rewrites.
enum Node<'a> {
    Element { start: BytesStart<'a>, children: Vec<Node<'a>>, empty: bool },
    Other(Event<'a>),
}

impl Node<'_> {
    fn name(&self) -> Option<&[u8]> {
        match self {
            Node::Element { start, .. } => Some(start.name().into_inner()),
            Node::Other(_) => None,
        }
    }
}

/// How an open element's children are handled.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Kept as nodes until the element ends, then sorted (or kept because
    /// an enclosing element is being sorted).
    Buffer,
    /// Written as they come: nothing here needs sorting.
    Stream,
    /// A table: its properties (tblPr, tblGrid) are gathered and sorted,
    /// then, from its first row on, the rows are written as they come, so
    /// that a roll-up's table of thousands of rows is never held whole.
    Prefix { streaming: bool },
}

struct Open<'a> {
    start: BytesStart<'a>,
    children: Vec<Node<'a>>,
    mode: Mode,
}

impl Open<'_> {
    fn buffering(&self) -> bool {
        matches!(self.mode, Mode::Buffer | Mode::Prefix { streaming: false })
    }
}

/// Parses `xml`, reorders, and writes it back. Only the elements whose
/// children are sorted are held in memory, each until it ends; the rest
/// is written as it is read.
pub fn reorder(xml: &[u8]) -> Result<Vec<u8>, String> {
    let mut reader = Reader::from_reader(xml);
    let mut stack: Vec<Open> = Vec::new();
    let mut w = Writer::new(Vec::with_capacity(xml.len()));
    let io = |e: std::io::Error| e.to_string();
    loop {
        let ev = reader.read_event().map_err(|e| e.to_string())?;
        match ev {
            Event::Eof => break,
            Event::Start(s) => {
                let name = s.name().into_inner();
                before_child(&mut stack, &mut w, name).map_err(io)?;
                let mode = match stack.last() {
                    Some(o) if o.buffering() => Mode::Buffer,
                    _ if name == b"w:tbl" => Mode::Prefix { streaming: false },
                    _ if sequence(name).is_some() => Mode::Buffer,
                    _ => Mode::Stream,
                };
                if mode == Mode::Stream {
                    w.write_event(Event::Start(s.borrow())).map_err(io)?;
                }
                stack.push(Open { start: s, children: Vec::new(), mode });
            }
            Event::End(_) => {
                let mut open = stack.pop().ok_or("unbalanced XML")?;
                if matches!(open.mode, Mode::Stream | Mode::Prefix { streaming: true }) {
                    w.write_event(Event::End(open.start.to_end())).map_err(io)?;
                    continue;
                }
                if open.start.name().as_ref() == b"w:pPr" {
                    // An empty w:rPr is meaningless, and where pPr is a
                    // style's or a numbering level's (CT_PPrGeneral) the
                    // schema allows no rPr at all.
                    open.children.retain(|c| !matches!(c, Node::Element { start, children, .. } if start.name().as_ref() == b"w:rPr" && children.is_empty()));
                }
                if let Some(seq) = sequence(open.start.name().as_ref()) {
                    sort(&mut open.children, seq);
                }
                let node = Node::Element { start: open.start, children: open.children, empty: false };
                add(&mut stack, &mut w, node).map_err(io)?;
            }
            Event::Empty(s) => {
                let s = fix_attributes(s);
                before_child(&mut stack, &mut w, s.name().into_inner()).map_err(io)?;
                add(&mut stack, &mut w, Node::Element { start: s, children: Vec::new(), empty: true }).map_err(io)?;
            }
            other => add(&mut stack, &mut w, Node::Other(other)).map_err(io)?,
        }
    }
    if !stack.is_empty() {
        return Err("unclosed element".into());
    }
    Ok(w.into_inner())
}

/// Before an element child named `name` joins the innermost open element:
/// a table still gathering its properties starts writing at its first
/// child that is not one (a row), its properties sorted first.
fn before_child(stack: &mut [Open<'_>], w: &mut Writer<Vec<u8>>, name: &[u8]) -> std::io::Result<()> {
    let Some(open) = stack.last_mut() else { return Ok(()) };
    if open.mode != (Mode::Prefix { streaming: false }) {
        return Ok(());
    }
    let seq = sequence(open.start.name().as_ref()).unwrap_or(&[]);
    if seq.iter().any(|s| s.as_bytes() == name) {
        return Ok(());
    }
    sort(&mut open.children, seq);
    w.write_event(Event::Start(open.start.borrow()))?;
    for c in std::mem::take(&mut open.children) {
        write(w, &c)?;
    }
    open.mode = Mode::Prefix { streaming: true };
    Ok(())
}

/// A finished node: kept by an enclosing element that is gathering its
/// children, else written.
fn add<'a>(stack: &mut [Open<'a>], w: &mut Writer<Vec<u8>>, node: Node<'a>) -> std::io::Result<()> {
    match stack.last_mut() {
        Some(open) if open.buffering() => {
            open.children.push(node);
            Ok(())
        }
        _ => write(w, &node),
    }
}

/// docx-rs writes `w:type` on `w:gridCol`, which has only `w:w`.
fn fix_attributes(s: BytesStart<'_>) -> BytesStart<'_> {
    if s.name().as_ref() != b"w:gridCol" {
        return s;
    }
    let mut fixed = BytesStart::new("w:gridCol");
    for a in s.attributes().flatten() {
        if a.key.as_ref() != b"w:type" {
            fixed.push_attribute(a);
        }
    }
    fixed
}

/// Stable sort by schema position; elements the sequence does not name keep
/// their place after the named ones (content such as runs and cells).
fn sort(children: &mut [Node<'_>], seq: &[&str]) {
    let rank = |n: &Node| n.name().and_then(|name| seq.iter().position(|s| s.as_bytes() == name)).unwrap_or(seq.len());
    // Most elements come in order already (a paragraph's properties before
    // its runs): nothing to move.
    if children.windows(2).all(|pair| rank(&pair[0]) <= rank(&pair[1])) {
        return;
    }
    // Whitespace and other non-element nodes are not expected between
    // property elements; keep them with the element that follows.
    let mut keyed: Vec<(usize, usize)> = children.iter().enumerate().map(|(i, n)| (rank(n), i)).collect();
    keyed.sort_by_key(|&(r, i)| (r, i));
    let order: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
    apply_permutation(children, &order);
}

fn apply_permutation(v: &mut [Node<'_>], order: &[usize]) {
    let mut taken: Vec<Option<Node>> = Vec::with_capacity(v.len());
    for slot in v.iter_mut() {
        taken.push(Some(std::mem::replace(slot, Node::Other(Event::Eof))));
    }
    for (dst, &src) in order.iter().enumerate() {
        if let Some(n) = taken[src].take() {
            v[dst] = n;
        }
    }
}

fn write(w: &mut Writer<Vec<u8>>, n: &Node<'_>) -> std::io::Result<()> {
    match n {
        Node::Element { start, children, empty: true } if children.is_empty() => {
            w.write_event(Event::Empty(start.borrow()))?;
        }
        Node::Element { start, children, .. } => {
            w.write_event(Event::Start(start.borrow()))?;
            for c in children {
                write(w, c)?;
            }
            w.write_event(Event::End(start.to_end()))?;
        }
        Node::Other(e) => w.write_event(e.borrow())?,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ppr_and_rpr_children_follow_the_schema() {
        let xml = br#"<w:p><w:pPr><w:rPr/><w:jc w:val="both"/><w:spacing/><w:ind/></w:pPr><w:r><w:rPr><w:sz w:val="32"/><w:rFonts/></w:rPr><w:t>x &amp; y</w:t></w:r></w:p>"#;
        let out = String::from_utf8(reorder(xml).unwrap()).unwrap();
        assert_eq!(
            out,
            r#"<w:p><w:pPr><w:spacing/><w:ind/><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:rFonts/><w:sz w:val="32"/></w:rPr><w:t>x &amp; y</w:t></w:r></w:p>"#
        );
    }

    #[test]
    fn a_part_in_order_comes_back_byte_for_byte() {
        let xml = r#"<w:body><w:p><w:pPr><w:spacing w:line="560"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">第一 二</w:t></w:r></w:p></w:body>"#;
        assert_eq!(String::from_utf8(reorder(xml.as_bytes()).unwrap()).unwrap(), xml);
    }

    #[test]
    fn a_table_has_its_properties_first_and_its_grid_columns_only_a_width() {
        let xml = br#"<w:tbl><w:tblGrid><w:gridCol w:w="100" w:type="dxa"/></w:tblGrid><w:tblPr><w:tblW w:w="0"/><w:tblStyle/></w:tblPr><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>"#;
        let out = String::from_utf8(reorder(xml).unwrap()).unwrap();
        assert_eq!(out, r#"<w:tbl><w:tblPr><w:tblStyle/><w:tblW w:w="0"/></w:tblPr><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>"#);
    }
}
