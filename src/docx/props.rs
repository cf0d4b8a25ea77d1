//! The parts we write ourselves: document settings, core and extended properties,
//! the package's content types and relationships.
//!
//! docx-rs's versions of these carry defaults we do not want (a compatibility block
//! with `balanceSingleByteDoubleByteWidth`, which changes how Word measures mixed
//! text; `characterSpacingControl` inside `w:compat`, where the schema does not allow
//! it; a creation date from the clock), so they are built here in schema order.

use super::xml::Element;
use super::NS_W;
use crate::compose::tree::Meta;

/// Characters that must not start a line: the PDF engine's set (clreq basic + GB, and
/// dashes/ellipses never start a line). Word reads it as the zh-CN kinsoku list
/// (`w:noLineBreaksBefore`, ISO/IEC 29500-1 §17.15.1.59), LibreOffice as its
/// "forbidden characters at line start".
pub(crate) const NO_LINE_START: &str =
    "、，；：。！？．｡）］｝〕〉》」』】〙〗〞〟”’—―⸺⸻…⋯‥·・‧～〜％‰℃°′″)]},.;:!?%ー々〻ゝゞヽヾ";

/// Characters that must not end a line: opening marks, the solidus, currency signs
/// (`w:noLineBreaksAfter`, §17.15.1.58).
pub(crate) const NO_LINE_END: &str = "（［｛〔〈《「『【〘〖〝“‘([{／＼￥＄£€$¥";

/// `word/settings.xml` (`CT_Settings`, §17.15.1.78; children in schema order).
///
/// * `w:embedTrueTypeFonts` + `w:saveSubsetFonts` when fonts are embedded (§17.8.3.8,
///   §17.8.3.15), so Word keeps embedding subsets when the clerk saves;
/// * `w:evenAndOddHeaders` for the odd/even page-number footers (§17.10.1);
/// * `w:characterSpacingControl` `doNotCompress`: punctuation keeps its full width
///   inside lines, as in the PDF (§17.15.1.18);
/// * the zh-CN kinsoku lists ([`NO_LINE_START`], [`NO_LINE_END`]);
/// * compatibility mode 15 (Word 2013+ layout) with `w:useFELayout`.
pub(crate) fn settings(embed_fonts: bool) -> Element {
    let w = |name: &str| Element::new(name);
    let val = |name: &str, v: &str| Element::new(name).attr("w:val", v);
    let compat_setting = |name: &str, v: &str| {
        Element::new("w:compatSetting")
            .attr("w:name", name)
            .attr("w:uri", "http://schemas.microsoft.com/office/word")
            .attr("w:val", v)
    };
    let mut s = Element::new("w:settings").attr("xmlns:w", NS_W);
    s = s.child(w("w:zoom").attr("w:percent", "100"));
    if embed_fonts {
        s = s.child(w("w:embedTrueTypeFonts")).child(w("w:saveSubsetFonts"));
    }
    s.child(val("w:defaultTabStop", "420"))
        .child(w("w:evenAndOddHeaders"))
        .child(val("w:characterSpacingControl", "doNotCompress"))
        .child(val("w:noLineBreaksAfter", NO_LINE_END).attr("w:lang", "zh-CN"))
        .child(val("w:noLineBreaksBefore", NO_LINE_START).attr("w:lang", "zh-CN"))
        .child(
            w("w:compat")
                .child(w("w:useFELayout"))
                .child(compat_setting("compatibilityMode", "15"))
                .child(compat_setting("overrideTableStyleFontSizeAndJustification", "1"))
                .child(compat_setting("enableOpenTypeFeatures", "1"))
                .child(compat_setting("doNotFlipMirrorIndents", "1")),
        )
        .child(w("w:themeFontLang").attr("w:val", "en-US").attr("w:eastAsia", "zh-CN"))
        .child(val("w:decimalSymbol", "."))
        .child(val("w:listSeparator", ","))
}

/// A W3CDTF timestamp of the report's date (midnight UTC); none without a date.
fn w3cdtf(meta: &Meta) -> Option<String> {
    let (y, m, d) = meta.date?;
    Some(format!("{y:04}-{m:02}-{d:02}T00:00:00Z"))
}

/// `docProps/core.xml` (ISO/IEC 29500-2 §11, Dublin Core): title, subject, creator
/// (the agency), keywords, language and the report's date as creation and
/// modification date — never the clock.
pub(crate) fn core(meta: &Meta) -> Element {
    let text = |name: &str, value: &str| Element::new(name).text(value);
    let mut core = Element::new("cp:coreProperties")
        .attr("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties")
        .attr("xmlns:dc", "http://purl.org/dc/elements/1.1/")
        .attr("xmlns:dcterms", "http://purl.org/dc/terms/")
        .attr("xmlns:dcmitype", "http://purl.org/dc/dcmitype/")
        .attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        .child(text("dc:title", &meta.title))
        .child(text("dc:subject", &meta.subject))
        .child(text("dc:creator", &meta.author))
        .child(text("cp:keywords", &meta.keywords.join("; ")))
        .child(text("dc:language", if meta.language.is_empty() { "zh-CN" } else { &meta.language }))
        .child(text("cp:lastModifiedBy", &meta.author))
        .child(text("cp:revision", "1"));
    if let Some(date) = w3cdtf(meta) {
        for name in ["dcterms:created", "dcterms:modified"] {
            core = core
                .child(Element::new(name).attr("xsi:type", "dcterms:W3CDTF").text(date.as_str()));
        }
    }
    core
}

/// `docProps/app.xml` (extended properties, ISO/IEC 29500-1 §22.2).
pub(crate) fn app(meta: &Meta) -> Element {
    Element::new("Properties")
        .attr("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")
        .attr("xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes")
        .child(Element::new("Application").text("nianbao"))
        .child(Element::new("Company").text(meta.author.as_str()))
}

/// `[Content_Types].xml` (ISO/IEC 29500-2 §10.1.2): defaults by extension, then an
/// override per XML part.
pub(crate) fn content_types(overrides: &[(String, &str)], defaults: &[(&str, &str)]) -> Element {
    let default = |ext: &str, ct: &str| {
        Element::new("Default").attr("Extension", ext).attr("ContentType", ct)
    };
    let mut types = Element::new("Types")
        .attr("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")
        .child(default("rels", "application/vnd.openxmlformats-package.relationships+xml"))
        .child(default("xml", "application/xml"));
    for (ext, ct) in defaults {
        types = types.child(default(ext, ct));
    }
    for (part, ct) in overrides {
        types = types.child(
            Element::new("Override").attr("PartName", format!("/{part}")).attr("ContentType", *ct),
        );
    }
    types
}

/// Content type of a WordprocessingML part.
pub(crate) fn wml_type(kind: &str) -> &'static str {
    match kind {
        "document" => {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
        }
        "styles" => "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
        "settings" => "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
        "fontTable" => {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"
        }
        "footer" => "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
        "core" => "application/vnd.openxmlformats-package.core-properties+xml",
        "app" => "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        _ => "application/xml",
    }
}

/// `_rels/.rels`: the main document and the two property parts.
pub(crate) fn package_rels() -> Element {
    let rel = |id: &str, ty: &str, target: &str| {
        Element::new("Relationship").attr("Id", id).attr("Type", ty).attr("Target", target)
    };
    Element::new("Relationships")
        .attr("xmlns", super::NS_PKG_RELS)
        .child(rel(
            "rId1",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
            "word/document.xml",
        ))
        .child(rel(
            "rId2",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml",
        ))
        .child(rel(
            "rId3",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
            "docProps/app.xml",
        ))
}
