//! Itemizing text into clusters — the units the line breaker moves — and resolving
//! each character's face and glyph.
//!
//! A cluster is one character, except that a run of the same dash or ellipsis
//! (「——」「……」) is one cluster, because clreq 3.1.5 forbids splitting it.

use crate::compose::tree::Role;
use crate::fonts::{FontBook, FontError, FontId};
use crate::layout::frame::Rgb;

use super::class::{glyph_char, is_invisible, CharClass};

/// A run of text in one style, as handed to the inline setter.
#[derive(Clone, Debug)]
pub(crate) struct Span<'a> {
    /// The text (no line breaks).
    pub text: &'a str,
    /// The role whose fonts and size set it.
    pub role: Role,
    /// Font size in pt.
    pub size: f32,
    /// Bold (real bold face if the role has one, otherwise emboldened).
    pub bold: bool,
    /// YAML line, for error messages.
    pub line: u32,
    /// Text colour (black in the official variant; a role colour or a chart label's
    /// colour in the illustrated one).
    pub color: Rgb,
}

/// One glyph of a cluster, before positioning.
#[derive(Clone, Debug)]
pub(crate) struct ClusterGlyph {
    /// The face.
    pub font: FontId,
    /// Glyph id in the face.
    pub id: u16,
    /// The glyph's own advance at the cluster's size, in pt.
    pub natural: f32,
    /// Synthesize bold for this glyph.
    pub embolden: bool,
    /// Length of the character in UTF-8 bytes.
    pub len: usize,
}

/// The smallest unit of line breaking.
#[derive(Clone, Debug)]
pub(crate) struct Cluster {
    /// The characters.
    pub text: String,
    /// Class of the characters (all characters of a cluster share it).
    pub class: CharClass,
    /// First character.
    pub first: char,
    /// Last character.
    pub last: char,
    /// One glyph per character.
    pub glyphs: Vec<ClusterGlyph>,
    /// Font size in pt.
    pub size: f32,
    /// Width of one grid cell (one full-width character) at this size, in pt.
    pub cell: f32,
    /// Natural width in pt: whole cells for full-width classes, the font's advances
    /// for Western text.
    pub width: f32,
    /// Text colour.
    pub color: Rgb,
}

impl Cluster {
    /// Number of full-width cells one character of this cluster takes.
    fn cells_of(ch: char) -> f32 {
        match ch {
            '⸺' => 2.0,
            '⸻' => 3.0,
            _ => 1.0,
        }
    }

    /// Whether this cluster counts as a character (not punctuation, not space) for
    /// the one-character-last-line rule.
    pub(crate) fn counts_as_text(&self) -> bool {
        matches!(self.class, CharClass::Ideo | CharClass::LatinAlnum | CharClass::Other)
    }
}

/// Split spans into clusters and resolve every glyph. `cell_scale` is the grid
/// pitch per pt of font size (15.79 / 16 on the official grid, 1 for solid setting).
pub(crate) fn itemize(
    spans: &[Span<'_>],
    cell_scale: f32,
    fonts: &mut FontBook,
) -> Result<Vec<Cluster>, FontError> {
    let mut clusters: Vec<Cluster> = Vec::new();
    for span in spans {
        for ch in span.text.chars().filter(|&c| !is_invisible(c)) {
            let class = CharClass::of(ch);
            let glyph = resolve(span, ch, fonts)?;
            let joins_previous = class == CharClass::DashEllipsis
                && clusters.last().is_some_and(|c| {
                    c.class == class && c.last == ch && c.size == span.size && c.color == span.color
                });
            if joins_previous {
                let cluster = clusters.last_mut().expect("checked above");
                cluster.text.push(ch);
                cluster.glyphs.push(glyph);
                cluster.width += Cluster::cells_of(ch) * cluster.cell;
                continue;
            }
            let cell = span.size * cell_scale;
            let width = match class {
                c if c.is_full_width() => Cluster::cells_of(ch) * cell,
                CharClass::Interpunct => cell / 2.0,
                _ => glyph.natural,
            };
            clusters.push(Cluster {
                text: ch.to_string(),
                class,
                first: ch,
                last: ch,
                glyphs: vec![glyph],
                size: span.size,
                cell,
                width,
                color: span.color,
            });
        }
    }
    Ok(clusters)
}

/// The face and glyph of one character of a span.
fn resolve(span: &Span<'_>, ch: char, fonts: &mut FontBook) -> Result<ClusterGlyph, FontError> {
    let found = fonts.glyph(span.role, span.bold, glyph_char(ch), span.line)?;
    Ok(ClusterGlyph {
        font: found.font,
        id: found.glyph,
        natural: found.advance_em * span.size,
        embolden: found.embolden,
        len: ch.len_utf8(),
    })
}
