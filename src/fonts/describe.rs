//! The listing behind `nianbao fonts report.yaml`: which face each role resolved to.

use std::path::PathBuf;

use crate::compose::tree::Role;

use super::load::LATIN_KEY;
use super::FontBook;

/// Where a face comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FontSource {
    /// The bundled `fonts/` directory shipped with nianbao.
    Bundled,
    /// A font installed on the system.
    System,
}

impl FontSource {
    /// 「内置 / bundled」 or 「系统 / system」.
    pub fn label(self) -> &'static str {
        match self {
            FontSource::Bundled => "内置 / bundled",
            FontSource::System => "系统 / system",
        }
    }
}

/// The face chosen for one role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleFont {
    /// Role key as in layout files (`title`, `body`, …, `latin`).
    pub role: String,
    /// Family name of the chosen face (its PostScript name is in brackets when the
    /// family has several faces, e.g. 「FandolSong (FandolSong-Bold)」).
    pub family: String,
    /// The font file.
    pub path: PathBuf,
    /// Bundled or installed.
    pub source: FontSource,
}

impl FontBook {
    /// One entry per role (in [`Role::ALL`] order) plus `latin`: the first face of each
    /// role's chain, i.e. the face that sets the role's text when it has the glyphs.
    pub fn describe(&self) -> Vec<RoleFont> {
        let keys = Role::ALL.iter().map(|r| r.key()).chain(std::iter::once(LATIN_KEY));
        keys.filter_map(|key| {
            let candidate = self.chains.get(key)?.first()?;
            let info = self.db.face(candidate.regular)?;
            let family = info.families.first().map(|(n, _)| n.clone()).unwrap_or_default();
            let family = if info.post_script_name.is_empty() || self.family_size(&family) < 2 {
                family
            } else {
                format!("{family} ({})", info.post_script_name)
            };
            Some(RoleFont {
                role: key.to_string(),
                family,
                path: self.source_path(candidate.regular),
                source: if self.is_bundled(candidate.regular) {
                    FontSource::Bundled
                } else {
                    FontSource::System
                },
            })
        })
        .collect()
    }

    /// How many faces declare a family name.
    fn family_size(&self, family: &str) -> usize {
        self.db.faces().filter(|f| f.families.iter().any(|(n, _)| n == family)).count()
    }
}
