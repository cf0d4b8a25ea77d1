//! One krilla [`Font`] per [`FontId`], created on first use from the face bytes the
//! layout loaded. krilla embeds each as a subset of the glyphs actually drawn.

use std::collections::BTreeMap;

use krilla::text::Font;

use super::PdfError;
use crate::fonts::{FontBook, FontId};

/// The krilla fonts of one export, keyed by the layout's font ids.
pub(super) struct FontCache<'a> {
    book: &'a FontBook,
    fonts: BTreeMap<FontId, Font>,
}

impl<'a> FontCache<'a> {
    /// An empty cache over the faces of `book`.
    pub(super) fn new(book: &'a FontBook) -> Self {
        Self { book, fonts: BTreeMap::new() }
    }

    /// The krilla font for `id`, parsed once. Cloning a [`Font`] is cheap (it shares the
    /// face bytes — the book's memory map, never a copy).
    pub(super) fn get(&mut self, id: FontId) -> Result<Font, PdfError> {
        if let Some(font) = self.fonts.get(&id) {
            return Ok(font.clone());
        }
        let face = self.book.face(id);
        let font =
            Font::new(face.data.shared().into(), face.index).ok_or_else(|| PdfError::Font {
                font: id,
                name: self.name(id),
                message: "not a font file krilla can read".to_owned(),
            })?;
        self.fonts.insert(id, font.clone());
        Ok(font)
    }

    /// The id under which `font` was created, for error messages.
    pub(super) fn id_of(&self, font: &Font) -> Option<FontId> {
        self.fonts.iter().find(|(_, f)| *f == font).map(|(id, _)| *id)
    }

    /// A readable name of face `id` for messages: its PostScript name, read from the
    /// face itself.
    pub(super) fn name(&self, id: FontId) -> String {
        let face = self.book.face(id);
        ttf_parser::Face::parse(&face.data, face.index)
            .ok()
            .and_then(|parsed| {
                parsed
                    .names()
                    .into_iter()
                    .filter(|name| name.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
                    .find_map(|name| name.to_string())
            })
            .unwrap_or_else(|| format!("font #{}", id.0))
    }
}
