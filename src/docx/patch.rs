//! Post-processing docx-rs's parts into the package we ship.
//!
//! docx-rs writes the body, the styles and the footers; this module parses each into
//! an [`Element`] tree and adds what docx-rs cannot express:
//!
//! * **Body**, walked in step with the tree's blocks (each block is one `w:p` or
//!   `w:tbl`; a graphic's placeholder paragraph is replaced by the elements
//!   [`super::visual`] built for it): `w:tblHeader` on the first `Table::header_rows` rows (§17.4.49: header
//!   rows repeat on every page the table crosses, and only a contiguous run from the
//!   top counts); `w:firstLineChars` / `w:rightChars` beside direct indents; space
//!   before/after in grid lines (`w:beforeLines`, `w:afterLines`) beside the twips.
//! * **Section**: the document grid as `w:type="lines"` with the exact pitch (no
//!   `w:charSpace`: a character grid halves LibreOffice's line).
//! * **Styles**: see [`super::styles::patch`].
//! * **Everything**: schema order of every property container ([`super::schema`]).
//!
//! The settings, font table, properties, content types and relationships are
//! replaced by our own ([`super::props`], [`super::embed`]); docx-rs's comments,
//! numbering and footnote parts are dropped, since nothing refers to them.

use docx_rs::XMLDocx;

use super::build::Context;
use super::embed::{FontTable, REL_FONT};
use super::props::{self, wml_type};
use super::schema::normalize;
use super::styles::{char_units, RoleFormat};
use super::theme::{theme, CT_THEME, REL_THEME};
use super::visual::VisualParts;
use super::xml::{self, Element};
use super::DocxError;
use crate::compose::tree::{Block, Document, Paragraph, Role, Table};

/// docx-rs's parts, patched and serialized: everything but what depends on the
/// embedded fonts (built meanwhile on another thread).
pub(crate) struct XmlParts {
    /// `(name, bytes)` in package order.
    parts: Vec<(String, Vec<u8>)>,
    /// The footer part names (for the content types).
    footers: Vec<String>,
}

/// Patch and serialize docx-rs's body, styles, relationships and footers; the
/// graphics' elements go where `build` left their placeholders.
pub(crate) fn xml_parts(
    raw: XMLDocx,
    doc: &Document,
    cx: &Context<'_>,
    visuals: &mut VisualParts,
) -> Result<XmlParts, DocxError> {
    let mut document = xml::parse(&raw.document, "word/document.xml")?;
    patch_document(&mut document, doc, cx, std::mem::take(&mut visuals.bodies));
    drop_empty_run_properties(&mut document);
    normalize(&mut document);

    let mut styles = xml::parse(&raw.styles, "word/styles.xml")?;
    super::styles::patch(&mut styles, cx.formats, cx.punctuation);
    normalize(&mut styles);

    let mut doc_rels = xml::parse(&raw.document_rels, "word/_rels/document.xml.rels")?;
    keep_shipped_relationships(&mut doc_rels);
    doc_rels.children.push(xml::Node::Element(
        Element::new("Relationship")
            .attr("Id", "rIdTheme1")
            .attr("Type", REL_THEME)
            .attr("Target", "theme/theme1.xml"),
    ));
    doc_rels.children.extend(visuals.rels.drain(..).map(xml::Node::Element));
    let body = &cx.formats[&Role::Body].fonts;
    let theme = theme(&body.latin, &body.east_asia);
    let footers: Vec<(String, Element)> = footer_parts(&raw, &doc_rels)?;

    let mut parts: Vec<(String, Vec<u8>)> = vec![
        ("word/document.xml".into(), xml::write(&document)),
        ("word/_rels/document.xml.rels".into(), xml::write(&doc_rels)),
        ("word/styles.xml".into(), xml::write(&styles)),
        ("word/theme/theme1.xml".into(), xml::write(&theme)),
    ];
    let names = footers.iter().map(|(name, _)| name.clone()).collect();
    parts.extend(footers.into_iter().map(|(name, footer)| (name, xml::write(&footer))));
    Ok(XmlParts { parts, footers: names })
}

/// The parts of the package, in the order they are zipped: content types, package
/// relationships and properties first, then the WordprocessingML parts, the font
/// table, the fonts.
pub(crate) fn assemble(
    xml: XmlParts,
    doc: &Document,
    fonts: FontTable,
    visuals: VisualParts,
) -> Vec<(String, Vec<u8>)> {
    let mut font_table = fonts.fonts;
    normalize(&mut font_table);
    let embedded = !fonts.parts.is_empty();
    let mut defaults = visuals.defaults;
    if embedded {
        defaults.push(("odttf", super::embed::CT_ODTTF));
    }

    let mut overrides: Vec<(String, &str)> = vec![
        ("word/document.xml".into(), wml_type("document")),
        ("word/styles.xml".into(), wml_type("styles")),
        ("word/settings.xml".into(), wml_type("settings")),
        ("word/fontTable.xml".into(), wml_type("fontTable")),
        ("word/theme/theme1.xml".into(), CT_THEME),
    ];
    overrides.extend(xml.footers.iter().map(|name| (name.clone(), wml_type("footer"))));
    overrides.extend(visuals.overrides);
    overrides.push(("docProps/core.xml".into(), wml_type("core")));
    overrides.push(("docProps/app.xml".into(), wml_type("app")));

    let mut out: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), xml::write(&props::content_types(&overrides, &defaults))),
        ("_rels/.rels".into(), xml::write(&props::package_rels())),
        ("docProps/core.xml".into(), xml::write(&props::core(&doc.meta))),
        ("docProps/app.xml".into(), xml::write(&props::app(&doc.meta))),
    ];
    out.extend(xml.parts);
    out.extend(visuals.parts);
    out.push(("word/settings.xml".into(), xml::write(&props::settings(embedded))));
    out.push(("word/fontTable.xml".into(), xml::write(&font_table)));
    if embedded {
        out.push(("word/_rels/fontTable.xml.rels".into(), xml::write(&fonts.rels)));
    }
    out.extend(fonts.parts);
    out
}

/// Keep the relationships of parts we ship (styles, settings, font table, footers).
fn keep_shipped_relationships(rels: &mut Element) {
    const SHIPPED: &[&str] = &["/styles", "/settings", "/fontTable", "/footer"];
    rels.children.retain(|node| match node {
        xml::Node::Element(rel) => {
            rel.get_attr("Type").is_some_and(|ty| SHIPPED.iter().any(|s| ty.ends_with(s)))
        }
        xml::Node::Text(_) => false,
    });
    debug_assert!(rels.elements().all(|r| r.get_attr("Type") != Some(REL_FONT)));
}

/// The footer parts under the names the document's relationships give them.
fn footer_parts(raw: &XMLDocx, rels: &Element) -> Result<Vec<(String, Element)>, DocxError> {
    let mut targets: Vec<String> = rels
        .elements()
        .filter(|r| r.get_attr("Type").is_some_and(|t| t.ends_with("/footer")))
        .filter_map(|r| r.get_attr("Target").map(|t| format!("word/{t}")))
        .collect();
    targets.sort();
    // docx-rs names footer i `footer{i+1}.xml`, in the order of `raw.footers`.
    let mut out = Vec::new();
    for (i, bytes) in raw.footers.iter().enumerate() {
        let name = format!("word/footer{}.xml", i + 1);
        if !targets.contains(&name) {
            return Err(DocxError::Build {
                part: name,
                message: format!("no relationship targets it (targets: {targets:?})"),
            });
        }
        let mut footer = xml::parse(bytes, &name)?;
        drop_empty_run_properties(&mut footer);
        normalize(&mut footer);
        out.push((name, footer));
    }
    Ok(out)
}

/// Walk `w:body` in step with the tree's blocks; each graphic's placeholder paragraph
/// is replaced by its elements from `visuals` (one entry per graphic, in order).
fn patch_document(
    document: &mut Element,
    doc: &Document,
    cx: &Context<'_>,
    visuals: Vec<Vec<Element>>,
) {
    let Some(body) = document.find_mut("w:body") else { return };
    let mut blocks = doc.blocks.iter();
    let mut visuals = visuals.into_iter();
    let mut children = Vec::with_capacity(body.children.len());
    for node in std::mem::take(&mut body.children) {
        let xml::Node::Element(mut element) = node else {
            children.push(node);
            continue;
        };
        match element.name.as_str() {
            "w:p" | "w:tbl" => match blocks.next() {
                Some(Block::Paragraph(p)) => patch_paragraph(&mut element, p, &cx.formats[&p.role]),
                Some(Block::Table(t)) => patch_table(&mut element, t),
                Some(Block::Visual(_)) => {
                    let elements = visuals.next().unwrap_or_default();
                    children.extend(elements.into_iter().map(xml::Node::Element));
                    continue;
                }
                None => {}
            },
            "w:sectPr" => patch_section(&mut element, cx),
            _ => {}
        }
        children.push(xml::Node::Element(element));
    }
    body.children = children;
    debug_assert!(blocks.next().is_none(), "every block becomes one body element");
    debug_assert!(visuals.next().is_none(), "every graphic has its placeholder");
}

/// docx-rs writes an empty `w:rPr` into every run and paragraph mark; they say
/// nothing and take a tenth of the body part.
fn drop_empty_run_properties(element: &mut Element) {
    element.children.retain(|n| {
        !matches!(n, xml::Node::Element(e)
            if e.name == "w:rPr" && e.children.is_empty() && e.attrs.is_empty())
    });
    for child in element.elements_mut() {
        drop_empty_run_properties(child);
    }
}

fn patch_paragraph(p: &mut Element, para: &Paragraph, f: &RoleFormat) {
    let Some(ppr) = p.find_mut("w:pPr") else { return };
    if let Some(ind) = ppr.find_mut("w:ind") {
        char_units(ind, para.indent_chars, f.right_chars);
    }
    if let Some(spacing) = ppr.find_mut("w:spacing") {
        // Grid lines in hundredths (§17.3.1.33); Word prefers them to the twips, and
        // both say the same with our pitch.
        let hundredths = |n: f32| ((n * 100.0).round() as i32).to_string();
        if para.space_before_lines > 0.0 {
            spacing.set_attr("w:beforeLines", hundredths(para.space_before_lines));
        }
        if para.space_after_lines > 0.0 {
            spacing.set_attr("w:afterLines", hundredths(para.space_after_lines));
        }
    }
}

fn patch_table(tbl: &mut Element, table: &Table) {
    // docx-rs writes `w:type` on `w:gridCol`, which has only `w:w` (§17.4.16).
    if let Some(grid) = tbl.find_mut("w:tblGrid") {
        for col in grid.elements_mut() {
            col.remove_attr("w:type");
        }
    }
    for (i, tr) in tbl.elements_mut().filter(|e| e.name == "w:tr").enumerate() {
        let trpr = tr.find_or_insert("w:trPr");
        trpr.set_child(Element::new("w:cantSplit"));
        if i < table.header_rows {
            trpr.set_child(Element::new("w:tblHeader"));
        }
    }
    // The `w:trPr` appended to a row without one must come before its cells.
    for tr in tbl.elements_mut().filter(|e| e.name == "w:tr") {
        tr.children.sort_by_key(|n| match n {
            xml::Node::Element(e) if e.name == "w:tblPrEx" => 0,
            xml::Node::Element(e) if e.name == "w:trPr" => 1,
            _ => 2,
        });
    }
}

fn patch_section(sect: &mut Element, cx: &Context<'_>) {
    sect.set_child(
        Element::new("w:docGrid")
            .attr("w:type", "lines")
            .attr("w:linePitch", cx.geo.line_pitch.to_string()),
    );
}
