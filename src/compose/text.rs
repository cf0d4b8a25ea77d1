//! Text blocks of the model → paragraphs of the document tree: body paragraphs with
//! a two-character indent, numbered headings, run-in headings.

use super::tree::{Align, Block, Inline, Paragraph, Role, Src};
use crate::model::{self, labels, Run, SectionText};

/// Whether any block's text contains `needle`.
pub fn mentions(blocks: &[model::Block], needle: &str) -> bool {
    blocks.iter().any(|b| match b {
        model::Block::Paragraph(p) => p.plain().contains(needle),
        model::Block::Heading(h) => {
            h.runs.iter().any(|r| r.text.contains(needle))
                || h.run_in.as_ref().is_some_and(|p| p.plain().contains(needle))
        }
        model::Block::Image(_) => false,
    })
}

fn inlines(runs: &[Run], line: u32, role: Option<Role>) -> Vec<Inline> {
    runs.iter()
        .map(|r| Inline { text: r.text.clone(), bold: r.bold, role, src: Src::at(line) })
        .collect()
}

/// A body paragraph: justified, indented two characters.
pub fn body_paragraph(inlines: Vec<Inline>) -> Block {
    Block::Paragraph(Paragraph {
        role: Role::Body,
        inlines,
        indent_chars: 2.0,
        align: Align::Justify,
        keep_with_next: false,
        outline_level: None,
        space_before_lines: 0.0,
        space_after_lines: 0.0,
    })
}

fn heading_role(level: u8) -> Role {
    match level {
        1 => Role::Heading1,
        2 => Role::Heading2,
        3 => Role::Heading3,
        _ => Role::Heading4,
    }
}

/// 「一、总体情况」.
pub fn section_heading(section: &SectionText) -> Block {
    let text = format!("{}、{}", labels::NUMERALS[section.number - 1], section.heading);
    heading(Role::Heading1, vec![Inline::plain(text, Src::at(section.line))], Some(1))
}

fn heading(role: Role, inlines: Vec<Inline>, outline_level: Option<u8>) -> Block {
    Block::Paragraph(Paragraph {
        role,
        inlines,
        indent_chars: 2.0,
        align: Align::Justify,
        keep_with_next: true,
        outline_level,
        space_before_lines: 0.0,
        space_after_lines: 0.0,
    })
}

/// Model blocks → tree blocks (official variant: images are not part of a GB/T 9704
/// filing and are left out).
pub fn blocks(list: &[model::Block]) -> Vec<Block> {
    blocks_with::<std::convert::Infallible>(list, &mut |_| Ok(None)).unwrap_or_default()
}

/// Model blocks → tree blocks, with `image` deciding what an image becomes.
pub fn blocks_with<E>(
    list: &[model::Block],
    image: &mut dyn FnMut(&model::ImageRef) -> Result<Option<Block>, E>,
) -> Result<Vec<Block>, E> {
    let mut out = Vec::new();
    for b in list {
        match b {
            model::Block::Paragraph(p) => out.push(body_paragraph(inlines(&p.runs, p.line, None))),
            model::Block::Heading(h) => {
                let role = heading_role(h.level);
                let mut head = vec![Inline::plain(h.number.clone(), Src::at(h.line))];
                head.extend(inlines(&h.runs, h.line, None));
                match &h.run_in {
                    // A run-in heading: the numeral and heading in the heading's font,
                    // the text after it in the body font, one paragraph.
                    Some(p) => {
                        for i in &mut head {
                            i.role = Some(role);
                        }
                        head.extend(inlines(&p.runs, p.line, None));
                        out.push(body_paragraph(head));
                    }
                    None => {
                        let outline = (h.level == 2).then_some(2);
                        out.push(heading(role, head, outline));
                    }
                }
            }
            model::Block::Image(img) => out.extend(image(img)?),
        }
    }
    Ok(out)
}
