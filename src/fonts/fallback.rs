//! Per-character font selection.
//!
//! The chain for a character of role `r`:
//!
//! 1. digits, Latin letters and other Western characters (ASCII, Latin-1, Latin
//!    Extended): the `latin` list first (Times New Roman / Liberation Serif), so
//!    numbers never come out in the CJK font's proportional digits;
//! 2. the role's list, in order (installed official fonts before the bundled ones);
//! 3. the `latin` list, for any remaining ASCII character;
//! 4. every bundled CJK face, then every installed CJK face (a face is "CJK" when it
//!    maps 「中」);
//!
//! and [`FontError::MissingGlyph`] when nothing has the glyph. For bold text each
//! candidate's real bold face is tried before its regular face, which is then
//! emboldened ([`ResolvedGlyph::embolden`]).

use crate::compose::tree::Role;

use super::load::LATIN_KEY;
use super::{Candidate, FontBook, FontError, FontId};

/// The character used to recognise a CJK face.
const CJK_PROBE: char = '中';

/// The face and glyph that set one character.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ResolvedGlyph {
    /// The loaded face.
    pub font: FontId,
    /// Glyph id in that face.
    pub glyph: u16,
    /// The glyph's own advance, in em.
    pub advance_em: f32,
    /// Bold was asked for but the face is not a bold design: the writer must embolden.
    pub embolden: bool,
}

/// Whether a character belongs to Western text and so takes the `latin` font first.
pub fn prefers_latin_font(ch: char) -> bool {
    ch.is_ascii_graphic()
        || ch == ' '
        // Latin-1 letters and Latin Extended-A/B, but not the Latin-1 signs that Chinese
        // text uses as full-width marks (· § ° ± × ÷ are left to the CJK face).
        || (('\u{00C0}'..='\u{024F}').contains(&ch) && ch != '×' && ch != '÷')
}

impl FontBook {
    /// Find the face and glyph for `ch` in `role`; `line` is the YAML line for the
    /// error message.
    pub fn glyph(
        &mut self,
        role: Role,
        bold: bool,
        ch: char,
        line: u32,
    ) -> Result<ResolvedGlyph, FontError> {
        if let Some(&hit) = self.resolved.get(&(role.key(), bold, ch)) {
            return Ok(hit);
        }
        let found = self.resolve_uncached(role, bold, ch, line)?;
        self.resolved.insert((role.key(), bold, ch), found);
        Ok(found)
    }

    /// The fallback walk behind [`FontBook::glyph`].
    fn resolve_uncached(
        &mut self,
        role: Role,
        bold: bool,
        ch: char,
        line: u32,
    ) -> Result<ResolvedGlyph, FontError> {
        let role_chain = self.chain(role.key());
        let latin_chain = self.chain(LATIN_KEY);
        // Latin text next to a bold-design role face (the title's 小标宋 / FandolSong
        // Bold) is set bold too, so the digits of 「2023年」 match the Han weight.
        let role_face_is_bold = role_chain.first().is_some_and(|c| self.info_is_bold(c.regular));
        let mut order: Vec<(Candidate, bool)> = Vec::new();
        if prefers_latin_font(ch) {
            order.extend(latin_chain.iter().map(|&c| (c, bold || role_face_is_bold)));
        }
        order.extend(role_chain.iter().map(|&c| (c, bold)));
        if ch.is_ascii() && !prefers_latin_font(ch) {
            order.extend(latin_chain.iter().map(|&c| (c, bold)));
        }
        for (candidate, want_bold) in order {
            if let Some(found) = self.try_candidate(candidate, want_bold, ch)? {
                return Ok(found);
            }
        }
        for candidate in self.cjk_fallbacks()? {
            if let Some(found) = self.try_candidate(candidate, bold, ch)? {
                return Ok(found);
            }
        }
        Err(FontError::MissingGlyph { ch, codepoint: u32::from(ch), line })
    }

    /// The resolved chain of a role key (empty for unknown keys).
    fn chain(&self, key: &str) -> Vec<Candidate> {
        self.chains.get(key).cloned().unwrap_or_default()
    }

    /// The first face of a role's chain, loaded (the face that sets the role's text).
    pub fn role_face(&mut self, role: Role) -> Result<FontId, FontError> {
        let first = self.chain(role.key())[0];
        self.load(first.regular)
    }

    /// Try a candidate's bold face (when bold is wanted) and then its regular face.
    fn try_candidate(
        &mut self,
        candidate: Candidate,
        want_bold: bool,
        ch: char,
    ) -> Result<Option<ResolvedGlyph>, FontError> {
        let faces = match (want_bold, candidate.bold) {
            (true, Some(bold)) => vec![bold, candidate.regular],
            _ => vec![candidate.regular],
        };
        for id in faces {
            let font = self.load(id)?;
            if let Some((glyph, advance)) = self.lookup(font, ch) {
                return Ok(Some(ResolvedGlyph {
                    font,
                    glyph,
                    advance_em: f32::from(advance) / f32::from(self.units_per_em(font)),
                    embolden: want_bold && !self.is_bold(font),
                }));
            }
        }
        Ok(None)
    }

    /// Glyph id and advance (font units) of `ch` in a loaded face, cached.
    pub(super) fn lookup(&mut self, font: FontId, ch: char) -> Option<(u16, u16)> {
        if let Some(&hit) = self.glyph_cache.get(&(font, ch)) {
            return hit;
        }
        let face = self.face(font);
        // Parsing a face is ~1 µs (table directory only), cheaper than keeping a
        // self-referential parsed face around.
        let found = ttf_parser::Face::parse(&face.data, face.index).ok().and_then(|parsed| {
            let glyph = parsed.glyph_index(ch)?;
            Some((glyph.0, parsed.glyph_hor_advance(glyph).unwrap_or(0)))
        });
        self.glyph_cache.insert((font, ch), found);
        found
    }

    /// Last-resort CJK faces: bundled ones (regular designs first, by PostScript
    /// name), then installed ones (by path). Probed through memory maps, so faces that
    /// never set a character are not read.
    fn cjk_fallbacks(&mut self) -> Result<Vec<Candidate>, FontError> {
        if let Some(list) = &self.cjk_fallbacks {
            return Ok(list.clone());
        }
        let mut ids: Vec<fontdb::ID> = self
            .db
            .faces()
            .map(|f| f.id)
            .filter(|&id| !self.info_is_bold(id) && self.maps_char(id, CJK_PROBE))
            .collect();
        ids.sort_by_key(|&id| {
            let ps = self.db.face(id).map(|f| f.post_script_name.clone()).unwrap_or_default();
            (!self.is_bundled(id), self.source_path(id), ps)
        });
        let list: Vec<Candidate> = ids.into_iter().map(|id| self.candidate(id)).collect();
        self.cjk_fallbacks = Some(list.clone());
        Ok(list)
    }

    /// Whether a database face maps `ch`, without loading it into the book.
    fn maps_char(&self, id: fontdb::ID, ch: char) -> bool {
        self.db
            .with_face_data(id, |data, index| {
                ttf_parser::Face::parse(data, index).ok().and_then(|f| f.glyph_index(ch)).is_some()
            })
            .unwrap_or(false)
    }
}
