//! Fonts: the bundled faces in `fonts/` plus the system's, resolved per role from a
//! layout's preference lists, with per-character fallback.
//!
//! * [`FontBook::new`] builds a font database (bundled directory first, then the
//!   system's unless [`FontOptions::system_fonts`] is off) and resolves every role's
//!   preference list to a chain of faces. Names match family names (including
//!   localized ones such as 「仿宋_GB2312」), full names and PostScript names.
//! * [`FontBook::glyph`] finds the face that sets one character of one role: digits
//!   and Latin letters take the `latin` list first, everything else the role's list;
//!   then any bundled CJK face, then any installed CJK face.
//! * Faces are read into memory only when a character is looked up in them; the PDF
//!   writer reads them back with [`FontBook::face`].
//!
//! Faces are mapped to files explicitly — never by a weight query — because the
//! Fandol Bold faces declare weight 400 (see `describe.rs` and `resolve.rs`).

mod describe;
mod error;
mod fallback;
mod load;
mod metrics;
mod resolve;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

pub use describe::{FontSource, RoleFont};
pub use error::FontError;
pub use fallback::ResolvedGlyph;
pub use metrics::{VerticalMetrics, EM_BOX_ASCENT, EM_BOX_DESCENT};

/// Index of a loaded face in a [`FontBook`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FontId(pub u32);

/// A loaded font face: its bytes and identity.
#[derive(Clone, Debug)]
pub struct LoadedFace {
    /// The whole font file, shared.
    pub data: Arc<Vec<u8>>,
    /// Face index inside a collection (0 for plain files).
    pub index: u32,
    /// Where it was loaded from.
    pub path: PathBuf,
    /// PostScript name.
    pub postscript_name: String,
    /// Family name as the font declares it (e.g. 「FandolFang」, 「仿宋_GB2312」).
    pub family: String,
}

/// How to build a [`FontBook`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FontOptions {
    /// Also scan the system's font directories (off in tests, for determinism: only
    /// the bundled `fonts/` directory is then used).
    pub system_fonts: bool,
}

impl Default for FontOptions {
    fn default() -> Self {
        Self { system_fonts: true }
    }
}

/// The environment variable that points at the bundled font directory.
pub const FONT_DIR_ENV: &str = "NIANBAO_FONT_DIR";

/// The bundled font directory: `$NIANBAO_FONT_DIR`, else `fonts/` in the source tree.
pub fn bundled_font_dir() -> PathBuf {
    match std::env::var_os(FONT_DIR_ENV) {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/fonts")),
    }
}

/// One preference-list entry that resolved to an installed face, with the face to use
/// for bold text when the family has one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Candidate {
    /// The face matched by the entry (may itself be a bold face, e.g. 「FandolSong-Bold」).
    regular: fontdb::ID,
    /// A real bold face of the same family, if installed.
    bold: Option<fontdb::ID>,
}

/// What we read once from a loaded face and keep beside it.
#[derive(Clone, Debug)]
struct FaceFacts {
    /// Font design units per em.
    units_per_em: u16,
    /// Whether the face is a bold design (by weight class or name — Fandol Bold
    /// declares 400, so the PostScript name is checked too).
    is_bold: bool,
    /// Vertical metrics in em (see [`VerticalMetrics`]).
    vertical: VerticalMetrics,
}

/// All faces the layout used, indexed by [`FontId`], plus the role resolution that
/// chose them.
#[derive(Clone, Debug, Default)]
pub struct FontBook {
    /// Faces, `FontId(i)` is `faces[i]`.
    pub faces: Vec<LoadedFace>,
    /// Facts parsed from `faces[i]`.
    facts: Vec<FaceFacts>,
    /// Every known face (bundled and, optionally, system).
    db: fontdb::Database,
    /// The bundled directory the book was built from.
    font_dir: PathBuf,
    /// Faces that came from the bundled directory.
    bundled: BTreeSet<fontdb::ID>,
    /// Resolved chains per role key (`body`, `title`, …, and `latin`).
    chains: BTreeMap<String, Vec<Candidate>>,
    /// Database faces already read into `faces`.
    loaded: BTreeMap<fontdb::ID, FontId>,
    /// (face, char) → (glyph id, advance in font units), `None` if the face lacks it.
    /// Only ever looked up, never iterated, so its order cannot reach the output.
    glyph_cache: HashMap<(FontId, char), Option<(u16, u16)>>,
    /// (role key, bold, char) → the resolved glyph: the whole fallback walk, memoized.
    /// Only looked up, never iterated.
    resolved: HashMap<(&'static str, bool, char), fallback::ResolvedGlyph>,
    /// Last-resort CJK faces: bundled first, then installed (computed on first need).
    cjk_fallbacks: Option<Vec<Candidate>>,
}

impl FontBook {
    /// The face behind an id.
    pub fn face(&self, id: FontId) -> &LoadedFace {
        &self.faces[id.0 as usize]
    }
}
