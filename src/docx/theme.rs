//! A minimal document theme (`word/theme/theme1.xml`, DrawingML `a:theme`,
//! ISO/IEC 29500-1 §20.1.6).
//!
//! Word expects a main document to have a theme relationship (the Open XML SDK
//! validator reports its absence). Our styles name their fonts directly rather than
//! through theme fonts, so the theme only has to be valid: the Office colour scheme,
//! a font scheme naming the body fonts, and the three-entry format scheme lists the
//! schema requires.

use super::xml::Element;

/// DrawingML main namespace.
const NS_A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
/// Relationship type of the theme part.
pub(crate) const REL_THEME: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme";
/// Content type of the theme part.
pub(crate) const CT_THEME: &str = "application/vnd.openxmlformats-officedocument.theme+xml";

/// The theme, with `latin` and `east_asia` as both the major and the minor font.
pub(crate) fn theme(latin: &str, east_asia: &str) -> Element {
    Element::new("a:theme").attr("xmlns:a", NS_A).attr("name", "nianbao").child(
        Element::new("a:themeElements")
            .child(colors())
            .child(
                Element::new("a:fontScheme")
                    .attr("name", "nianbao")
                    .child(font_collection("a:majorFont", latin, east_asia))
                    .child(font_collection("a:minorFont", latin, east_asia)),
            )
            .child(formats()),
    )
}

/// The Office 2013 colour scheme (§20.1.6.2): dark/light 1–2, six accents, links.
fn colors() -> Element {
    let srgb = |name: &str, hex: &str| {
        Element::new(name).child(Element::new("a:srgbClr").attr("val", hex))
    };
    let sys = |name: &str, val: &str, last: &str| {
        Element::new(name).child(Element::new("a:sysClr").attr("val", val).attr("lastClr", last))
    };
    Element::new("a:clrScheme")
        .attr("name", "Office")
        .child(sys("a:dk1", "windowText", "000000"))
        .child(sys("a:lt1", "window", "FFFFFF"))
        .child(srgb("a:dk2", "44546A"))
        .child(srgb("a:lt2", "E7E6E6"))
        .child(srgb("a:accent1", "4472C4"))
        .child(srgb("a:accent2", "ED7D31"))
        .child(srgb("a:accent3", "A5A5A5"))
        .child(srgb("a:accent4", "FFC000"))
        .child(srgb("a:accent5", "5B9BD5"))
        .child(srgb("a:accent6", "70AD47"))
        .child(srgb("a:hlink", "0563C1"))
        .child(srgb("a:folHlink", "954F72"))
}

fn font_collection(name: &str, latin: &str, east_asia: &str) -> Element {
    Element::new(name)
        .child(Element::new("a:latin").attr("typeface", latin))
        .child(Element::new("a:ea").attr("typeface", east_asia))
        .child(Element::new("a:cs").attr("typeface", ""))
}

/// The format scheme (§20.1.4.1.14): each list needs at least three entries.
fn formats() -> Element {
    let solid =
        || Element::new("a:solidFill").child(Element::new("a:schemeClr").attr("val", "phClr"));
    let line = |w: &str| {
        Element::new("a:ln")
            .attr("w", w)
            .attr("cap", "flat")
            .attr("cmpd", "sng")
            .attr("algn", "ctr")
            .child(solid())
            .child(Element::new("a:prstDash").attr("val", "solid"))
            .child(Element::new("a:miter").attr("lim", "800000"))
    };
    let effect = || Element::new("a:effectStyle").child(Element::new("a:effectLst"));
    let list = |name: &str, items: [Element; 3]| {
        items.into_iter().fold(Element::new(name), Element::child)
    };
    Element::new("a:fmtScheme")
        .attr("name", "Office")
        .child(list("a:fillStyleLst", [solid(), solid(), solid()]))
        .child(list("a:lnStyleLst", [line("6350"), line("12700"), line("19050")]))
        .child(list("a:effectStyleLst", [effect(), effect(), effect()]))
        .child(list("a:bgFillStyleLst", [solid(), solid(), solid()]))
}
