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
//! * Faces are opened only when a character is looked up in them, as read-only memory
//!   maps ([`FaceBytes`]): only the pages of the tables and glyphs actually used are
//!   read from disk. The writers get them back with [`FontBook::face`].
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
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use describe::{FontSource, RoleFont};
pub use error::FontError;
pub use fallback::ResolvedGlyph;
pub use metrics::{VerticalMetrics, EM_BOX_ASCENT, EM_BOX_DESCENT};

/// Index of a loaded face in a [`FontBook`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FontId(pub u32);

/// The bytes of a font file, shared and cheap to clone: a read-only memory map of the
/// file, or bytes already in memory. Dereferences to the whole file.
///
/// Mapping instead of reading matters: the bundled Fandol faces are 4–8 MB each and a
/// report touches a few hundred glyphs of each, so reading them whole cost more than
/// laying out and writing the report.
#[derive(Clone)]
pub struct FaceBytes(Arc<dyn AsRef<[u8]> + Send + Sync>);

impl FaceBytes {
    /// Map a font file read-only.
    pub fn map(path: &Path) -> std::io::Result<FaceBytes> {
        let file = std::fs::File::open(path)?;
        // SAFETY: the mapping is read-only. A font file truncated or rewritten while a
        // build runs could change the bytes under us (as with fontdb's own mappings);
        // every reader (ttf-parser, skrifa, the subsetters) treats font bytes as
        // untrusted input and bounds-checks them.
        let map = unsafe { memmap2::Mmap::map(&file)? };
        Ok(FaceBytes(Arc::new(map)))
    }

    /// The shared bytes, for APIs that take an `Arc` (krilla's `Data`).
    pub fn shared(&self) -> Arc<dyn AsRef<[u8]> + Send + Sync> {
        Arc::clone(&self.0)
    }
}

impl std::ops::Deref for FaceBytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        (*self.0).as_ref()
    }
}

impl AsRef<[u8]> for FaceBytes {
    fn as_ref(&self) -> &[u8] {
        self
    }
}

impl std::fmt::Debug for FaceBytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FaceBytes({} bytes)", self.len())
    }
}

impl From<Vec<u8>> for FaceBytes {
    fn from(data: Vec<u8>) -> Self {
        FaceBytes(Arc::new(data))
    }
}

impl From<Arc<Vec<u8>>> for FaceBytes {
    fn from(data: Arc<Vec<u8>>) -> Self {
        FaceBytes(data)
    }
}

/// A loaded font face: its bytes and identity.
#[derive(Clone, Debug)]
pub struct LoadedFace {
    /// The whole font file, shared (usually a memory map, see [`FaceBytes`]).
    pub data: FaceBytes,
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
    /// Normalized names of every database face (only looked up, never iterated).
    names: HashMap<fontdb::ID, resolve::FaceNames>,
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
