//! Named styles: one paragraph style per role, so that a clerk who edits the DOCX in
//! Word keeps the format (a new paragraph typed after a body paragraph is body text,
//! 「标题 1」 is the 一、 heading, and so on).
//!
//! | role | style id | name (Word shows it localized) |
//! |---|---|---|
//! | body | `Normal` | Normal (正文) |
//! | title | `Title` | Title (标题) |
//! | heading1–4 | `Heading1`…`Heading4` | heading 1…4 (标题 1…4) |
//! | table, table_header | `TableText`, `TableHeader` | Table Text, Table Header |
//! | signature | `Signature` | Signature (签名) |
//! | page_number | `Footer` | footer (页脚) |
//!
//! plus a character style per heading level (`Heading1Char`…) for run-in headings
//! (「（一）主动公开情况。」 in 楷体 followed by body text).
//!
//! Every style names the East-Asian font (`w:eastAsia`) and the Latin font
//! (`w:ascii`, `w:hAnsi`, `w:cs`) the [`FontPlan`] resolved for its role, its size,
//! bold, the grid character spacing, alignment, indents in characters
//! (`w:firstLineChars`, with `w:firstLine` in twips for applications that ignore
//! character units), keep-with-next and outline level. The document defaults carry the
//! East-Asian line-breaking settings every paragraph shares (see [`paragraph_defaults`]).

use std::collections::BTreeMap;

use docx_rs::{
    AlignmentType, LineSpacing, LineSpacingType, RunFonts, SpecialIndentType, Style as DocxStyle,
    StyleType, Styles,
};

use super::fonts::{FontPlan, RoleFonts};
use super::geometry::{half_points, twips, Geometry};
use super::xml::{Element, Node};
use super::Punctuation;
use crate::compose::tree::{Align, Role};
use crate::style::{Colors, Rgb, Style};

/// How one role is set: everything its named style says.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct RoleFormat {
    /// The role.
    pub role: Role,
    /// Style id.
    pub id: &'static str,
    /// Style name.
    pub name: &'static str,
    /// A Chinese alias shown next to the name (custom styles only).
    pub alias: Option<&'static str>,
    /// The style it is based on.
    pub based_on: Option<&'static str>,
    /// Font size in pt.
    pub size: f32,
    /// Fonts and bold.
    pub fonts: RoleFonts,
    /// Character spacing in twips (the grid compression; 0 for solid setting).
    pub spacing: i32,
    /// One character cell in twips (for indents given in characters).
    pub cell: f32,
    /// Alignment.
    pub align: Align,
    /// First-line indent in characters.
    pub indent_chars: f32,
    /// Right indent in characters (the signature's 右空四字).
    pub right_chars: f32,
    /// Keep with the next paragraph.
    pub keep_next: bool,
    /// Outline level (`w:outlineLvl`, 0-based), `None` for body text.
    pub outline: Option<u8>,
    /// Exact line height in twips.
    pub line: i32,
    /// Whether lines snap to the document grid.
    pub snap: bool,
    /// Text colour, when not black (the illustrated layouts' headings).
    pub color: Option<Rgb>,
    /// Paragraph shading (the illustrated layouts' section bars).
    pub fill: Option<Rgb>,
}

impl RoleFormat {
    /// First-line indent in twips for `chars` characters of this role.
    pub(crate) fn indent_twips(&self, chars: f32) -> i32 {
        (chars * self.cell).round() as i32
    }
}

/// The paragraph style id of a role.
pub(crate) fn style_id(role: Role) -> &'static str {
    match role {
        Role::Title => "Title",
        Role::Heading1 => "Heading1",
        Role::Heading2 => "Heading2",
        Role::Heading3 => "Heading3",
        Role::Heading4 => "Heading4",
        Role::Body => "Normal",
        Role::TableText => "TableText",
        Role::TableHeader => "TableHeader",
        Role::Signature => "Signature",
        Role::PageNumber => "Footer",
    }
}

/// The character style for a role used inside another role's paragraph (run-in
/// headings), if there is one.
pub(crate) fn char_style_id(role: Role) -> Option<&'static str> {
    match role {
        Role::Heading1 => Some("Heading1Char"),
        Role::Heading2 => Some("Heading2Char"),
        Role::Heading3 => Some("Heading3Char"),
        Role::Heading4 => Some("Heading4Char"),
        _ => None,
    }
}

/// Whether a role's full-width characters are set on the body grid (as the PDF does:
/// everything but the title, the tables and the page number).
pub(crate) fn on_grid(role: Role) -> bool {
    !matches!(role, Role::Title | Role::TableText | Role::TableHeader | Role::PageNumber)
}

/// The format of every role.
pub(crate) fn formats(
    style: &Style,
    geo: &Geometry,
    plan: &FontPlan,
    palette: &Colors,
) -> BTreeMap<Role, RoleFormat> {
    Role::ALL
        .iter()
        .map(|&role| {
            let size = style.size(role);
            let grid = on_grid(role);
            let (name, alias, based_on) = match role {
                Role::Body => ("Normal", None, None),
                Role::Title => ("Title", None, Some("Normal")),
                Role::Heading1 => ("heading 1", None, Some("Normal")),
                Role::Heading2 => ("heading 2", None, Some("Normal")),
                Role::Heading3 => ("heading 3", None, Some("Normal")),
                Role::Heading4 => ("heading 4", None, Some("Normal")),
                Role::TableText => ("Table Text", Some("表格文字"), Some("Normal")),
                Role::TableHeader => ("Table Header", Some("表头"), Some("TableText")),
                Role::Signature => ("Signature", None, Some("Normal")),
                Role::PageNumber => ("footer", None, Some("Normal")),
            };
            let (align, indent_chars, keep_next) = match role {
                Role::Title => (Align::Center, 0.0, true),
                Role::Heading1 | Role::Heading2 | Role::Heading3 | Role::Heading4 => {
                    (Align::Justify, 2.0, true)
                }
                Role::Body => (Align::Justify, 2.0, false),
                Role::TableText | Role::TableHeader => (Align::Center, 0.0, false),
                Role::Signature => (Align::Right, 0.0, false),
                Role::PageNumber => (Align::Right, 0.0, false),
            };
            let line = match role {
                Role::TableText | Role::TableHeader => twips(size * style.tables.line_height),
                Role::PageNumber => geo.footer_line,
                _ => geo.line_pitch,
            };
            let outline = match role {
                Role::Heading1 => Some(0),
                Role::Heading2 => Some(1),
                _ => None,
            };
            let format = RoleFormat {
                role,
                id: style_id(role),
                name,
                alias,
                based_on,
                size,
                fonts: plan.role(role, style.bold(role)),
                spacing: if grid { geo.grid_spacing(size) } else { 0 },
                cell: geo.cell(size, grid),
                align,
                indent_chars,
                right_chars: if role == Role::Signature {
                    style.signature.right_inset_chars
                } else {
                    0.0
                },
                keep_next,
                outline,
                line,
                snap: grid || role == Role::Title,
                color: Some(style.text_color(role, palette)).filter(|&c| c != Rgb::BLACK),
                fill: style.fill(role, palette),
            };
            (role, format)
        })
        .collect()
}

/// docx-rs alignment of a tree alignment.
pub(crate) fn alignment(align: Align) -> AlignmentType {
    match align {
        Align::Justify => AlignmentType::Both,
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
    }
}

/// The fonts of a run in docx-rs form.
pub(crate) fn run_fonts(fonts: &RoleFonts) -> RunFonts {
    RunFonts::new()
        .ascii(fonts.latin.as_str())
        .hi_ansi(fonts.latin.as_str())
        .cs(fonts.latin.as_str())
        .east_asia(fonts.east_asia.as_str())
}

/// The styles part as docx-rs builds it; [`patch`] adds what docx-rs cannot say.
pub(crate) fn docx_styles(formats: &BTreeMap<Role, RoleFormat>) -> Styles {
    let body = &formats[&Role::Body];
    let mut styles =
        Styles::new().default_fonts(run_fonts(&body.fonts)).default_size(half_points(body.size));
    for format in formats.values() {
        styles = styles.add_style(paragraph_style(format));
        if let Some(id) = char_style_id(format.role) {
            styles = styles.add_style(char_style(id, format));
        }
    }
    styles
}

fn paragraph_style(f: &RoleFormat) -> DocxStyle {
    let mut style = DocxStyle::new(f.id, StyleType::Paragraph).name(f.name).q_format(true);
    if let Some(base) = f.based_on {
        style = style.based_on(base).next("Normal");
    }
    style = style
        .fonts(run_fonts(&f.fonts))
        .size(half_points(f.size))
        .align(alignment(f.align))
        .line_spacing(LineSpacing::new().line(f.line).line_rule(LineSpacingType::Exact))
        .indent(
            Some(0),
            Some(SpecialIndentType::FirstLine(f.indent_twips(f.indent_chars))),
            Some(f.indent_twips(f.right_chars)),
            None,
        );
    if f.fonts.bold {
        style = style.bold();
    }
    if let Some(level) = f.outline {
        style = style.outline_lvl(usize::from(level));
    }
    style.paragraph_property = style.paragraph_property.keep_next(f.keep_next);
    style.run_property = style.run_property.character_spacing(f.spacing);
    style
}

fn char_style(id: &'static str, f: &RoleFormat) -> DocxStyle {
    let mut style = DocxStyle::new(id, StyleType::Character)
        .name(format!("{} Char", f.name))
        .fonts(run_fonts(&f.fonts));
    if f.fonts.bold {
        style = style.bold();
    }
    style
}

/// The paragraph settings every paragraph shares, for `w:pPrDefault` (in schema
/// order, ISO/IEC 29500-1 §17.3.1):
///
/// * `w:widowControl` off — the PDF fills every grid line and moves no line to keep
///   two lines of a paragraph together (§17.3.1.44; LibreOffice assumes 2 otherwise);
/// * `w:kinsoku` on — the Simplified-Chinese line-start/line-end prohibitions
///   (§17.3.1.16), as the PDF engine applies clreq's basic level;
/// * `w:wordWrap` on — Latin words are not broken (§17.3.1.45);
/// * `w:overflowPunct` off — no hanging punctuation (§17.3.1.21; omitting it means on),
///   written for the reader `punct` (see [`Punctuation`]);
/// * `w:topLinePunct` off — no compression of line-start punctuation (§17.3.1.43);
/// * `w:autoSpaceDE` / `w:autoSpaceDN` on — automatic space between Han and Latin text
///   and numbers (§17.3.1.2–3), the ¼ em the PDF engine puts there;
/// * `w:adjustRightInd` off — the right indent does not move with a character grid.
pub(crate) fn paragraph_defaults(punct: Punctuation) -> Vec<Element> {
    let on = |name: &str| Element::new(name);
    let off = |name: &str| Element::new(name).attr("w:val", "0");
    let overflow = match punct {
        Punctuation::Word => off("w:overflowPunct"),
        Punctuation::LibreOffice => Element::new("w:overflowPunct").attr("w:val", "1"),
    };
    vec![
        off("w:widowControl"),
        on("w:kinsoku"),
        on("w:wordWrap"),
        overflow,
        off("w:topLinePunct"),
        on("w:autoSpaceDE"),
        on("w:autoSpaceDN"),
        off("w:adjustRightInd"),
    ]
}

/// Add to `w:styles` (the parsed styles part) what docx-rs cannot write: the
/// paragraph defaults, language, snapping, character-unit indents, Chinese aliases.
pub(crate) fn patch(
    styles: &mut Element,
    formats: &BTreeMap<Role, RoleFormat>,
    punct: Punctuation,
) {
    if let Some(defaults) = styles.find_mut("w:docDefaults") {
        let ppr = defaults.find_or_insert("w:pPrDefault").find_or_insert("w:pPr");
        ppr.remove("w:rPr");
        for e in paragraph_defaults(punct) {
            ppr.set_child(e);
        }
        let rpr = defaults.find_or_insert("w:rPrDefault").find_or_insert("w:rPr");
        // zh-CN for East-Asian text: Word's kinsoku sets and proofing follow it.
        rpr.set_child(
            Element::new("w:lang")
                .attr("w:val", "en-US")
                .attr("w:eastAsia", "zh-CN")
                .attr("w:bidi", "ar-SA"),
        );
    }
    dedupe_styles(styles);
    for style in styles.elements_mut().filter(|e| e.name == "w:style") {
        // docx-rs writes an empty `w:rPr` into every style's `w:pPr`; a style's
        // paragraph properties (`CT_PPrGeneral`, §17.7.8.2) have no run properties.
        if let Some(ppr) = style.find_mut("w:pPr") {
            ppr.remove("w:rPr");
        }
        if style.get_attr("w:type") == Some("character") {
            style.remove("w:pPr");
        }
        style.children.retain(|n| {
            !matches!(n, Node::Element(e) if e.children.is_empty()
            && e.attrs.is_empty() && matches!(e.name.as_str(), "w:pPr" | "w:rPr"))
        });
        let Some(id) = style.get_attr("w:styleId").map(str::to_owned) else { continue };
        let Some(f) = formats.values().find(|f| f.id == id) else { continue };
        if f.role == Role::Body {
            style.set_attr("w:default", "1");
            // Also on the default style itself: LibreOffice 7.4 hangs line-end
            // punctuation (and then drops it from the rendering) unless the style
            // says `w:overflowPunct="0"`, whatever the document defaults say.
            let ppr = style.find_or_insert("w:pPr");
            for e in paragraph_defaults(punct) {
                ppr.set_child(e);
            }
        }
        if let Some(alias) = f.alias {
            style.set_child(Element::new("w:aliases").attr("w:val", alias));
        }
        if let Some(fill) = f.fill {
            let ppr = style.find_or_insert("w:pPr");
            ppr.set_child(
                Element::new("w:shd")
                    .attr("w:val", "clear")
                    .attr("w:color", "auto")
                    .attr("w:fill", fill.hex()),
            );
            // As the PDF: a shaded paragraph (a section bar) keeps at least one grid
            // line free above and below it.
            let spacing = ppr.find_or_insert("w:spacing");
            for (twips, lines) in [("w:before", "w:beforeLines"), ("w:after", "w:afterLines")] {
                spacing.set_attr(twips, f.line.to_string());
                spacing.set_attr(lines, "100");
            }
        }
        if let Some(color) = f.color {
            style
                .find_or_insert("w:rPr")
                .set_child(Element::new("w:color").attr("w:val", color.hex()));
        }
        let ppr = style.find_or_insert("w:pPr");
        if !f.snap {
            ppr.set_child(Element::new("w:snapToGrid").attr("w:val", "0"));
        }
        if let Some(ind) = ppr.find_mut("w:ind") {
            char_units(ind, f.indent_chars, f.right_chars);
        }
        if !f.keep_next {
            ppr.remove("w:keepNext");
        }
        if f.outline.is_none() && f.role != Role::Body && f.name.starts_with("heading") {
            // Word gives built-in headings an outline level; the PDF bookmarks only
            // levels 1–2, so levels 3–4 are body-text level (9) here too.
            ppr.set_child(Element::new("w:outlineLvl").attr("w:val", "9"));
        }
    }
}

/// docx-rs adds its own empty `Normal` style before ours: keep the last style of
/// each id (style ids must be unique, §17.7.4.17).
fn dedupe_styles(styles: &mut Element) {
    let mut seen = std::collections::BTreeSet::new();
    let mut keep = vec![true; styles.children.len()];
    for (i, node) in styles.children.iter().enumerate().rev() {
        if let Node::Element(e) = node {
            if e.name == "w:style" {
                let id = e.get_attr("w:styleId").unwrap_or_default().to_string();
                keep[i] = seen.insert(id);
            }
        }
    }
    let mut i = 0;
    styles.children.retain(|_| {
        i += 1;
        keep[i - 1]
    });
}

/// Give a `w:ind` its character-unit twins: `w:firstLineChars` and `w:rightChars` in
/// hundredths of a character (§17.3.1.12), which Word prefers over the twips values.
pub(crate) fn char_units(ind: &mut Element, first_chars: f32, right_chars: f32) {
    let hundredths = |c: f32| ((c * 100.0).round() as i32).to_string();
    if first_chars > 0.0 {
        ind.set_attr("w:firstLineChars", hundredths(first_chars));
    } else {
        ind.set_attr("w:firstLineChars", "0");
    }
    if right_chars > 0.0 {
        ind.set_attr("w:rightChars", hundredths(right_chars));
    }
}
