//! Schema order of the WordprocessingML property containers.
//!
//! Most WordprocessingML property elements are `xsd:sequence`s: their children must
//! come in the order the schema lists them (ISO/IEC 29500-1, Annex A.1, `wml.xsd`).
//! LibreOffice reads them in any order, Word does not: a `w:jc` before `w:ind` in a
//! `w:pPr`, or a `w:rFonts` after `w:b` in a `w:rPr`, makes Word "repair" the file.
//! docx-rs 0.4 writes several properties out of order, and our own post-processing
//! appends elements, so [`normalize`] re-sorts the children of every container below
//! (stably, so repeated elements such as `w:footerReference` keep their order).
//!
//! The lists follow the Office 2007+ schema that Word and the Open XML SDK validate
//! against (`openxml-audit` uses the same); `w:rPr`'s `EG_RPrBase` is a choice in the
//! later transitional schema but a sequence there, so the sequence order is used.

use super::xml::Element;

/// `CT_PPr` (§17.3.1.26): `CT_PPrBase` then `rPr`, `sectPr`, `pPrChange`.
const P_PR: &[&str] = &[
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
];

/// `CT_RPr` / `CT_ParaRPr` (§17.3.2.28, §17.3.1.29): revision marks, `EG_RPrBase`,
/// `rPrChange`.
const R_PR: &[&str] = &[
    "w:ins",
    "w:del",
    "w:moveFrom",
    "w:moveTo",
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
    "w:rPrChange",
];

/// `CT_TblPr` (§17.4.60).
const TBL_PR: &[&str] = &[
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
];

/// `CT_TrPr` (§17.4.82); a choice in the schema, written in this order anyway.
const TR_PR: &[&str] = &[
    "w:cnfStyle",
    "w:divId",
    "w:gridBefore",
    "w:gridAfter",
    "w:wBefore",
    "w:wAfter",
    "w:cantSplit",
    "w:trHeight",
    "w:tblHeader",
    "w:tblCellSpacing",
    "w:jc",
    "w:hidden",
    "w:ins",
    "w:del",
    "w:trPrChange",
];

/// `CT_TcPr` (§17.4.70).
const TC_PR: &[&str] = &[
    "w:cnfStyle",
    "w:tcW",
    "w:gridSpan",
    "w:hMerge",
    "w:vMerge",
    "w:tcBorders",
    "w:shd",
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
    "w:headers",
    "w:cellIns",
    "w:cellDel",
    "w:cellMerge",
    "w:tcPrChange",
];

/// `CT_TblBorders`, `CT_TcBorders`, `CT_TblCellMar`, `CT_TcMar` (§17.4.38–40, 17.4.42).
const BORDERS: &[&str] = &[
    "w:top",
    "w:left",
    "w:start",
    "w:bottom",
    "w:right",
    "w:end",
    "w:insideH",
    "w:insideV",
    "w:tl2br",
    "w:tr2bl",
];

/// `CT_SectPr` (§17.6.17).
const SECT_PR: &[&str] = &[
    "w:headerReference",
    "w:footerReference",
    "w:footnotePr",
    "w:endnotePr",
    "w:type",
    "w:pgSz",
    "w:pgMar",
    "w:paperSrc",
    "w:pgBorders",
    "w:lnNumType",
    "w:pgNumType",
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
];

/// `CT_Style` (§17.7.4.17).
const STYLE: &[&str] = &[
    "w:name",
    "w:aliases",
    "w:basedOn",
    "w:next",
    "w:link",
    "w:autoRedefine",
    "w:hidden",
    "w:uiPriority",
    "w:semiHidden",
    "w:unhideWhenUsed",
    "w:qFormat",
    "w:locked",
    "w:personal",
    "w:personalCompose",
    "w:personalReply",
    "w:rsid",
    "w:pPr",
    "w:rPr",
    "w:tblPr",
    "w:trPr",
    "w:tcPr",
    "w:tblStylePr",
];

/// `CT_Styles` (§17.7.4.18).
const STYLES: &[&str] = &["w:docDefaults", "w:latentStyles", "w:style"];

/// `CT_Font` (§17.8.3.1).
const FONT: &[&str] = &[
    "w:altName",
    "w:panose1",
    "w:charset",
    "w:family",
    "w:notTrueType",
    "w:pitch",
    "w:sig",
    "w:embedRegular",
    "w:embedBold",
    "w:embedItalic",
    "w:embedBoldItalic",
];

/// The order of `name`'s children, if `name` is a container whose order matters.
fn order_of(parent: &str, name: &str) -> Option<&'static [&'static str]> {
    Some(match name {
        "w:pPr" => P_PR,
        "w:rPr" => R_PR,
        "w:tblPr" => TBL_PR,
        "w:trPr" => TR_PR,
        "w:tcPr" => TC_PR,
        "w:tblBorders" | "w:tcBorders" | "w:tblCellMar" | "w:tcMar" => BORDERS,
        "w:sectPr" => SECT_PR,
        "w:style" if parent == "w:styles" => STYLE,
        "w:styles" => STYLES,
        "w:font" if parent == "w:fonts" => FONT,
        _ => return None,
    })
}

/// Sort the children of every property container under `root` into schema order.
///
/// Children the list does not know keep their relative order after the known ones;
/// in debug builds they are a bug in this writer and assert.
pub(crate) fn normalize(root: &mut Element) {
    normalize_in(root, "");
}

fn normalize_in(element: &mut Element, parent: &str) {
    if let Some(order) = order_of(parent, &element.name) {
        let rank = |name: &str| order.iter().position(|n| *n == name);
        debug_assert!(
            element.elements().all(|c| rank(&c.name).is_some()),
            "unknown child in {}: {:?}",
            element.name,
            element.elements().map(|c| c.name.as_str()).collect::<Vec<_>>()
        );
        element.children.sort_by_key(|node| match node {
            super::xml::Node::Element(c) => rank(&c.name).unwrap_or(order.len()),
            super::xml::Node::Text(_) => order.len(),
        });
    }
    let name = element.name.clone();
    for child in element.elements_mut() {
        normalize_in(child, &name);
    }
}

/// The first child of `element` that breaks schema order, as (child, the one before
/// it); `None` when the container is in order or has no order. Used by tests.
#[cfg(test)]
pub(crate) fn first_disorder(root: &Element) -> Option<(String, String, String)> {
    let mut found = None;
    fn visit(e: &Element, parent: &str, found: &mut Option<(String, String, String)>) {
        if found.is_some() {
            return;
        }
        if let Some(order) = order_of(parent, &e.name) {
            let ranks: Vec<usize> = e
                .elements()
                .map(|c| order.iter().position(|n| *n == c.name).unwrap_or(usize::MAX))
                .collect();
            let names: Vec<&str> = e.elements().map(|c| c.name.as_str()).collect();
            for i in 1..ranks.len() {
                if ranks[i] < ranks[i - 1] || ranks[i] == usize::MAX {
                    *found = Some((e.name.clone(), names[i].to_string(), names[i - 1].to_string()));
                    return;
                }
            }
        }
        for c in e.elements() {
            visit(c, &e.name, found);
        }
    }
    visit(root, "", &mut found);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docx::xml::parse;

    #[test]
    fn sorts_ppr_and_rpr() {
        let mut root = parse(
            br#"<w:p><w:pPr><w:jc w:val="both"/><w:ind w:left="0"/><w:pStyle w:val="A"/>
                <w:rPr><w:sz w:val="32"/><w:b/><w:rFonts w:ascii="X"/></w:rPr></w:pPr></w:p>"#,
            "t",
        )
        .unwrap();
        assert!(first_disorder(&root).is_some());
        normalize(&mut root);
        assert_eq!(first_disorder(&root), None);
        let ppr = root.find("w:pPr").unwrap();
        let names: Vec<&str> = ppr.elements().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["w:pStyle", "w:ind", "w:jc", "w:rPr"]);
        let rpr: Vec<&str> =
            ppr.find("w:rPr").unwrap().elements().map(|e| e.name.as_str()).collect();
        assert_eq!(rpr, ["w:rFonts", "w:b", "w:sz"]);
    }
}
