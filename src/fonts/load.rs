//! Building a [`FontBook`]: the font database, role resolution, and mapping a face's
//! file the first time a character is looked up in it.

use std::path::{Path, PathBuf};

use crate::compose::tree::Role;
use crate::style::Style;

use super::{FaceBytes, FaceFacts, FontBook, FontError, FontId, FontOptions, LoadedFace};

/// The key of the preference list for digits and Latin letters.
pub(super) const LATIN_KEY: &str = "latin";

/// Load the font files directly in the bundled directory, in name order. Not its
/// subdirectories: `fonts/ttf/` holds TrueType conversions of the same faces for the
/// DOCX writer, which must not compete with the originals here.
fn load_bundled_files(db: &mut fontdb::Database, dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| {
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
            matches!(ext.as_str(), "otf" | "ttf" | "otc" | "ttc")
        })
        .collect();
    files.sort();
    for file in files {
        // An unreadable file is skipped; a role that needed it reports NoFont.
        let _ = db.load_font_file(&file);
    }
}

impl FontBook {
    /// Build the database (bundled directory, plus system fonts unless
    /// `opts.system_fonts` is false) and resolve every role's preference list.
    ///
    /// Fails with [`FontError::NoFont`] when no entry of a role's list is available.
    pub fn new(style: &Style, opts: &FontOptions) -> Result<FontBook, FontError> {
        Self::with_font_dir(style, opts, &super::bundled_font_dir())
    }

    /// Like [`FontBook::new`] with an explicit bundled directory.
    pub fn with_font_dir(
        style: &Style,
        opts: &FontOptions,
        font_dir: &Path,
    ) -> Result<FontBook, FontError> {
        let mut book = FontBook { font_dir: font_dir.to_path_buf(), ..FontBook::default() };
        load_bundled_files(&mut book.db, font_dir);
        book.bundled = book.db.faces().map(|f| f.id).collect();
        if opts.system_fonts {
            book.db.load_system_fonts();
        }
        book.names = book.db.faces().map(|f| (f.id, super::resolve::FaceNames::of(f))).collect();
        for role in Role::ALL {
            book.resolve_role(role.key(), style.font_list(role))?;
        }
        book.resolve_role(LATIN_KEY, style.latin_fonts())?;
        Ok(book)
    }

    /// Resolve one preference list into the role's chain.
    fn resolve_role(&mut self, key: &str, names: &[String]) -> Result<(), FontError> {
        let chain = self.resolve_list(names);
        if chain.is_empty() {
            return Err(FontError::NoFont {
                role: key.to_string(),
                tried: names.join("、"),
                font_dir: self.font_dir.clone(),
            });
        }
        self.chains.insert(key.to_string(), chain);
        Ok(())
    }

    /// Whether a database face came from the bundled directory.
    pub(super) fn is_bundled(&self, id: fontdb::ID) -> bool {
        self.bundled.contains(&id)
    }

    /// The file a database face lives in (empty for in-memory faces).
    pub(super) fn source_path(&self, id: fontdb::ID) -> PathBuf {
        match self.db.face(id).map(|f| &f.source) {
            Some(fontdb::Source::File(path)) | Some(fontdb::Source::SharedFile(path, _)) => {
                path.clone()
            }
            _ => PathBuf::new(),
        }
    }

    /// The [`FontId`] of a database face, mapping its file on first use.
    pub(super) fn load(&mut self, id: fontdb::ID) -> Result<FontId, FontError> {
        if let Some(&font) = self.loaded.get(&id) {
            return Ok(font);
        }
        let info = self.db.face(id).expect("face ids come from this database").clone();
        let path = self.source_path(id);
        let data = match &info.source {
            fontdb::Source::Binary(bytes) | fontdb::Source::SharedFile(_, bytes) => {
                FaceBytes(bytes.clone())
            }
            fontdb::Source::File(_) => FaceBytes::map(&path)
                .map_err(|source| FontError::Io { path: path.clone(), source })?,
        };
        let face = ttf_parser::Face::parse(&data, info.index)
            .map_err(|_| FontError::Malformed { path: path.clone() })?;
        let facts = FaceFacts::of(&face, &info.post_script_name);
        let font = FontId(self.faces.len() as u32);
        self.faces.push(LoadedFace {
            data,
            index: info.index,
            path,
            postscript_name: info.post_script_name.clone(),
            family: info.families.first().map(|(name, _)| name.clone()).unwrap_or_default(),
        });
        self.facts.push(facts);
        self.loaded.insert(id, font);
        Ok(font)
    }
}
