//! Font metrics in the units the layout works in (em fractions and pt).
//!
//! **Vertical convention.** Text is placed by the *ideographic em box*: a glyph of
//! size `s` occupies `EM_BOX_ASCENT · s` above the baseline and `EM_BOX_DESCENT · s`
//! below it (0.88 / 0.12, the OS/2 typo metrics of Adobe-GB1 style fonts such as Fandol
//! and Noto CJK). Font line metrics (`hhea`, e.g. Noto CJK's 1.151/−0.286, or
//! FandolSong-Regular's 0.8/−0.2 typo values) are *not* used to place lines: every
//! line sits on the document grid, and the em box is centred in its line cell. The same
//! convention must be used by every writer; [`VerticalMetrics`] is provided for
//! information (and for writers that need a font's own ascent, e.g. PDF descriptors).

use super::{FaceFacts, FontBook, FontId};

/// Height of the ideographic em box above the baseline, as a fraction of the size.
pub const EM_BOX_ASCENT: f32 = 0.88;
/// Depth of the ideographic em box below the baseline, as a fraction of the size.
pub const EM_BOX_DESCENT: f32 = 0.12;

/// A face's own vertical metrics in em: OS/2 typographic ascender/descender when the
/// face has an OS/2 table, else `hhea`. Descender is positive downwards.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct VerticalMetrics {
    /// Distance from the baseline up to the ascender line, in em.
    pub ascender: f32,
    /// Distance from the baseline down to the descender line, in em (positive).
    pub descender: f32,
    /// Recommended extra gap between lines, in em.
    pub line_gap: f32,
}

impl VerticalMetrics {
    /// Read the metrics of a parsed face.
    pub(super) fn of(face: &ttf_parser::Face) -> Self {
        let upem = f32::from(face.units_per_em().max(1));
        let (asc, desc, gap) = match (
            face.typographic_ascender(),
            face.typographic_descender(),
            face.typographic_line_gap(),
        ) {
            (Some(a), Some(d), Some(g)) => (a, d, g),
            _ => (face.ascender(), face.descender(), face.line_gap()),
        };
        Self {
            ascender: f32::from(asc) / upem,
            descender: -f32::from(desc) / upem,
            line_gap: f32::from(gap) / upem,
        }
    }
}

impl FaceFacts {
    /// Facts of a parsed face; `postscript_name` is checked for 「Bold」 because the
    /// Fandol Bold faces declare weight 400.
    pub(super) fn of(face: &ttf_parser::Face, postscript_name: &str) -> Self {
        Self {
            units_per_em: face.units_per_em().max(1),
            is_bold: face.weight().to_number() >= 600 || name_says_bold(postscript_name),
            vertical: VerticalMetrics::of(face),
        }
    }
}

/// Whether a face name marks a bold (or heavier) design.
pub(super) fn name_says_bold(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    ["bold", "heavy", "black"].iter().any(|w| lower.contains(w))
}

impl FontBook {
    /// Design units per em of a loaded face.
    pub fn units_per_em(&self, id: FontId) -> u16 {
        self.facts[id.0 as usize].units_per_em
    }

    /// A loaded face's own vertical metrics (see the module docs for why layout places
    /// text by [`EM_BOX_ASCENT`] instead).
    pub fn vertical_metrics(&self, id: FontId) -> VerticalMetrics {
        self.facts[id.0 as usize].vertical
    }

    /// Whether a loaded face is a bold design (weight ≥ 600 or 「Bold」 in its name).
    pub fn is_bold(&self, id: FontId) -> bool {
        self.facts[id.0 as usize].is_bold
    }

    /// Horizontal advance of a glyph at `size` pt, in pt (0 if the face has no such glyph).
    pub fn advance_pt(&self, id: FontId, glyph: u16, size: f32) -> f32 {
        let face = self.face(id);
        let units = ttf_parser::Face::parse(&face.data, face.index)
            .ok()
            .and_then(|f| f.glyph_hor_advance(ttf_parser::GlyphId(glyph)))
            .unwrap_or(0);
        f32::from(units) / f32::from(self.units_per_em(id)) * size
    }

    /// Ascender of a loaded face at `size`, in pt (OS/2 typo, see [`VerticalMetrics`]).
    pub fn ascender_pt(&self, id: FontId, size: f32) -> f32 {
        self.vertical_metrics(id).ascender * size
    }

    /// Descender of a loaded face at `size`, in pt, positive downwards.
    pub fn descender_pt(&self, id: FontId, size: f32) -> f32 {
        self.vertical_metrics(id).descender * size
    }
}
