//! Which font sets which character, said the way Word understands it.
//!
//! The PDF layout resolves every character through the [`FontBook`] (digits and Latin
//! letters to the `latin` list, the rest to the role's list, then fallbacks). The DOCX
//! must name the same faces, but a Word run does not name one font: `w:rFonts` has
//! slots, and Word picks the slot from the character's Unicode range (ISO/IEC 29500-1
//! §17.3.2.26): ASCII always uses `w:ascii`; ideographs, kana, CJK punctuation and
//! full-width forms use `w:eastAsia`; "shared" characters such as “ ” — and · use
//! `w:hAnsi` unless the run says `w:hint="eastAsia"`.
//!
//! So [`FontPlan::segments`] resolves each character through the book, decides the slot
//! that must carry the face, and splits a text into [`Segment`]s that Word will set in
//! exactly the faces the PDF used: a segment names a face only where it differs from
//! the role's style, and asks for the East-Asian hint where a shared character must be
//! set in the CJK face. Along the way it records which characters each face sets — the
//! input of font subsetting ([`super::embed`]).
//!
//! Faces are named by their Windows family name (`name` ID 1, zh-CN first, else en-US),
//! the name Word matches against installed and embedded fonts: 「FandolFang R」 for
//! FandolFang Regular, 「仿宋_GB2312」 for the official font. A bold *design* (FandolSong
//! Bold, the title's face) is the bold member of its family, so the run or style must
//! say `w:b` for Word to pick it.

use std::collections::{BTreeMap, BTreeSet};

use super::embed::{group, FamilyEntry};
use crate::compose::tree::Role;
use crate::fonts::{FontBook, FontError, FontId};

/// Which `w:rFonts` slot a character is set from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Slot {
    /// `w:ascii` / `w:hAnsi`: Western text.
    Latin,
    /// `w:eastAsia`.
    EastAsia,
}

/// How Word classifies a character for font-slot selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WordClass {
    /// U+0000–U+007F: always the `w:ascii` font.
    Ascii,
    /// Unambiguously East Asian: always the `w:eastAsia` font.
    EastAsian,
    /// Shared ranges: `w:hAnsi`, or `w:eastAsia` under `w:hint="eastAsia"`.
    Shared,
}

fn word_class(ch: char) -> WordClass {
    let c = u32::from(ch);
    if c < 0x80 {
        return WordClass::Ascii;
    }
    let east_asian = matches!(c,
        0x1100..=0x11FF      // Hangul Jamo
        | 0x2E80..=0x2FFF    // CJK radicals, Kangxi, ideographic description
        | 0x3000..=0x9FFF    // CJK symbols and punctuation … CJK unified ideographs
        | 0xA000..=0xA4CF    // Yi
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0xFE30..=0xFE4F    // CJK compatibility forms
        | 0xFF00..=0xFFEF    // half- and full-width forms
        | 0x20000..=0x3FFFF  // supplementary ideographic planes
    );
    if east_asian {
        WordClass::EastAsian
    } else {
        WordClass::Shared
    }
}

/// A face as the DOCX names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FaceName {
    /// Windows family name (`name` ID 1): what `w:rFonts` and `w:font w:name` say.
    pub family: String,
    /// The family name in the other language, for `w:altName`.
    pub alt: Option<String>,
    /// Whether the face is a bold design (the bold member of its family).
    pub bold: bool,
}

/// The fonts a role's style names, and whether its style is bold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RoleFonts {
    /// Family for `w:eastAsia`.
    pub east_asia: String,
    /// Family for `w:ascii` / `w:hAnsi` / `w:cs`.
    pub latin: String,
    /// The style says `w:b`: the role is bold in the layout, or its face is a bold
    /// design.
    pub bold: bool,
}

/// A piece of a run's text set from one slot in one face.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Segment {
    /// The characters.
    pub text: String,
    /// The slot Word will set them from.
    pub slot: Slot,
    /// The family to name in that slot when it differs from the role style's.
    pub family: Option<String>,
    /// Shared characters in the East-Asian slot: the run needs `w:hint="eastAsia"`.
    pub hint_east_asia: bool,
    /// Set bold (a bold design or emboldened).
    pub bold: bool,
}

/// One face the document uses, with the characters it sets.
#[derive(Clone, Debug)]
pub(crate) struct UsedFace {
    /// The face in the book.
    pub id: FontId,
    /// Its DOCX name.
    pub name: FaceName,
    /// The characters set in it.
    pub chars: BTreeSet<char>,
}

/// The faces of a document and the characters each sets.
pub(crate) struct FontPlan {
    /// A private copy of the book: resolving characters fills its caches.
    book: FontBook,
    /// Per role, the fonts its style names, and the faces behind them.
    roles: BTreeMap<Role, (RoleFonts, [FontId; 2])>,
    /// Faces by id, with the characters they set (ordered, for deterministic output).
    used: BTreeMap<FontId, UsedFace>,
}

impl FontPlan {
    /// Resolve the style fonts of every role.
    pub(crate) fn new(book: &FontBook) -> Result<FontPlan, FontError> {
        let mut plan =
            FontPlan { book: book.clone(), roles: BTreeMap::new(), used: BTreeMap::new() };
        for role in Role::ALL {
            let han = plan.book.glyph(role, false, '中', 0)?;
            let latin = plan.book.glyph(role, false, 'A', 0)?;
            let han_name = plan.name_of(han.font);
            let latin_name = plan.name_of(latin.font);
            let fonts = RoleFonts {
                east_asia: han_name.family,
                latin: latin_name.family,
                bold: han_name.bold,
            };
            plan.roles.insert(role, (fonts, [han.font, latin.font]));
        }
        Ok(plan)
    }

    /// The fonts of a role's style. `layout_bold` is the layout's bold flag for it.
    pub(crate) fn role(&self, role: Role, layout_bold: bool) -> RoleFonts {
        let mut fonts = self.roles[&role].0.clone();
        fonts.bold |= layout_bold;
        fonts
    }

    /// The DOCX name of a face.
    pub(crate) fn name_of(&self, id: FontId) -> FaceName {
        let face = self.book.face(id);
        let parsed = ttf_parser::Face::parse(&face.data, face.index).ok();
        let (family, alt) = parsed.as_ref().map(windows_family).unwrap_or_default();
        let family = if family.is_empty() { face.family.clone() } else { family };
        let bold = parsed.as_ref().is_some_and(|f| f.is_bold() || f.weight().to_number() >= 600)
            || self.book.is_bold(id);
        FaceName { family, alt, bold }
    }

    /// Split `text` of `role` into segments (see the module docs) and record the
    /// characters each face sets. `style` is what the role's style names; `bold` whether
    /// the text asks for bold; `line` the YAML line for error messages.
    pub(crate) fn segments(
        &mut self,
        role: Role,
        style: &RoleFonts,
        bold: bool,
        text: &str,
        line: u32,
    ) -> Result<Vec<Segment>, FontError> {
        let mut out: Vec<Segment> = Vec::new();
        for ch in text.chars() {
            let glyph = self.book.glyph(role, bold, ch, line)?;
            let name = self.record(glyph.font, ch);
            let class = word_class(ch);
            let slot = match class {
                WordClass::Ascii => Slot::Latin,
                WordClass::EastAsian => Slot::EastAsia,
                // A shared character goes where its face is named: the role's Latin
                // face takes it in `w:hAnsi`, any other face in `w:eastAsia` (+ hint).
                WordClass::Shared if name.family == style.latin => Slot::Latin,
                WordClass::Shared => Slot::EastAsia,
            };
            let default = match slot {
                Slot::Latin => &style.latin,
                Slot::EastAsia => &style.east_asia,
            };
            let family = (name.family != *default).then(|| name.family.clone());
            let hint = slot == Slot::EastAsia && class == WordClass::Shared;
            let is_bold = name.bold || glyph.embolden;
            match out.last_mut() {
                Some(last)
                    if last.slot == slot && last.family == family && last.bold == is_bold =>
                {
                    last.text.push(ch);
                    last.hint_east_asia |= hint;
                }
                _ => out.push(Segment {
                    text: ch.to_string(),
                    slot,
                    family,
                    hint_east_asia: hint,
                    bold: is_bold,
                }),
            }
        }
        Ok(out)
    }

    /// The plan's font book (for asking the layout engine where lines break).
    pub(crate) fn book_mut(&mut self) -> &mut FontBook {
        &mut self.book
    }

    /// Note that `face` sets `ch`; returns the face's name.
    fn record(&mut self, id: FontId, ch: char) -> FaceName {
        if !self.used.contains_key(&id) {
            let name = self.name_of(id);
            self.used.insert(id, UsedFace { id, name, chars: BTreeSet::new() });
        }
        let used = self.used.get_mut(&id).expect("inserted above");
        used.chars.insert(ch);
        used.name.clone()
    }

    /// Record characters set outside the text (the page-number digits).
    pub(crate) fn record_chars(
        &mut self,
        role: Role,
        bold: bool,
        chars: &str,
    ) -> Result<(), FontError> {
        for ch in chars.chars() {
            let glyph = self.book.glyph(role, bold, ch, 0)?;
            self.record(glyph.font, ch);
        }
        Ok(())
    }

    /// Every family a style or run names (for the font table), with the faces that
    /// back it, in name order.
    pub(crate) fn families(&self) -> BTreeMap<String, FamilyEntry<'_>> {
        let named = self.roles.values().flat_map(|(_, ids)| ids.iter()).map(|&id| {
            let name = self.name_of(id);
            (name.family, id, name.alt)
        });
        group(named, self.used.values())
    }

    /// The book (for reading face data).
    pub(crate) fn book(&self) -> &FontBook {
        &self.book
    }
}

/// The Windows family name (`name` ID 1) of a face, zh-CN first, else en-US, else
/// any Unicode one; plus the other language's name as an alternative.
fn windows_family(face: &ttf_parser::Face<'_>) -> (String, Option<String>) {
    const ZH_CN: u16 = 0x0804;
    const EN_US: u16 = 0x0409;
    let mut zh = None;
    let mut en = None;
    let mut any = None;
    for name in face.names() {
        if name.name_id != ttf_parser::name_id::FAMILY || !name.is_unicode() {
            continue;
        }
        let Some(text) = name.to_string() else { continue };
        if name.platform_id == ttf_parser::PlatformId::Windows {
            match name.language_id {
                ZH_CN => zh = zh.or(Some(text.clone())),
                EN_US => en = en.or(Some(text.clone())),
                _ => {}
            }
        }
        any = any.or(Some(text));
    }
    match (zh, en) {
        (Some(zh), en) => {
            let alt = en.filter(|e| *e != zh);
            (zh, alt)
        }
        (None, Some(en)) => (en, None),
        (None, None) => (any.unwrap_or_default(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_classes() {
        assert_eq!(word_class('A'), WordClass::Ascii);
        assert_eq!(word_class('中'), WordClass::EastAsian);
        assert_eq!(word_class('，'), WordClass::EastAsian);
        assert_eq!(word_class('。'), WordClass::EastAsian);
        assert_eq!(word_class('“'), WordClass::Shared);
        assert_eq!(word_class('—'), WordClass::Shared);
        assert_eq!(word_class('·'), WordClass::Shared);
    }
}
