//! Matching preference-list names to faces.
//!
//! A name matches, in this order: a PostScript name (「FandolSong-Bold」 picks exactly
//! that face), a family name in any language the font declares (「仿宋_GB2312」,
//! 「Liberation Serif」; the regular member of the family is chosen), or a full name /
//! legacy family name read from the `name` table (「FandolFang R」). Comparison ignores
//! case, spaces, hyphens and underscores. When several installed faces match (the same
//! font bundled and installed), the bundled one wins so that output does not depend on
//! the machine; remaining ties are broken by path, never by database order.

use ttf_parser::name_id;

use super::metrics::name_says_bold;
use super::{Candidate, FontBook};

/// The names of one database face, normalized once (matching compares every face's
/// names for every preference-list entry).
#[derive(Clone, Debug, Default)]
pub(super) struct FaceNames {
    /// Normalized PostScript name.
    postscript: String,
    /// Normalized family names, in the font's order.
    families: Vec<String>,
    /// Bold design by weight or name (see [`FontBook::info_is_bold`]).
    bold: bool,
}

impl FaceNames {
    /// The names of a database face.
    pub(super) fn of(info: &fontdb::FaceInfo) -> Self {
        FaceNames {
            postscript: normalize(&info.post_script_name),
            families: info.families.iter().map(|(name, _)| normalize(name)).collect(),
            bold: info.weight.0 >= 600 || name_says_bold(&info.post_script_name),
        }
    }
}

/// A name reduced for comparison: lowercase, without spaces, `-` and `_`.
pub(super) fn normalize(name: &str) -> String {
    name.chars().filter(|c| !matches!(c, ' ' | '-' | '_')).flat_map(char::to_lowercase).collect()
}

impl FontBook {
    /// The normalized names of a database face.
    fn names(&self, id: fontdb::ID) -> &FaceNames {
        static NONE: FaceNames =
            FaceNames { postscript: String::new(), families: Vec::new(), bold: false };
        self.names.get(&id).unwrap_or(&NONE)
    }

    /// Resolve a whole preference list, skipping names that are not installed and
    /// names that resolve to a face already in the chain.
    pub(super) fn resolve_list(&self, names: &[String]) -> Vec<Candidate> {
        let mut chain: Vec<Candidate> = Vec::new();
        for name in names {
            if let Some(candidate) = self.resolve_name(name) {
                if !chain.iter().any(|c| c.regular == candidate.regular) {
                    chain.push(candidate);
                }
            }
        }
        chain
    }

    /// Resolve one name to a face and its bold sibling.
    pub(super) fn resolve_name(&self, name: &str) -> Option<Candidate> {
        let key = normalize(name);
        let regular = self
            .match_postscript(&key)
            .or_else(|| self.match_family(&key))
            .or_else(|| self.match_name_table(&key))?;
        Some(self.candidate(regular))
    }

    /// A candidate for a face: the face itself plus a bold sibling if it has one.
    pub(super) fn candidate(&self, regular: fontdb::ID) -> Candidate {
        Candidate { regular, bold: self.bold_sibling(regular) }
    }

    /// Sort key that makes every choice among equal matches deterministic: bundled
    /// first, then by file path and face index.
    fn tie_key(&self, id: fontdb::ID) -> (bool, std::path::PathBuf, u32) {
        let index = self.db.face(id).map_or(0, |f| f.index);
        (!self.is_bundled(id), self.source_path(id), index)
    }

    /// Whether a database face is a bold design (weight or name; Fandol Bold says 400).
    pub(super) fn info_is_bold(&self, id: fontdb::ID) -> bool {
        self.names(id).bold
    }

    fn match_postscript(&self, key: &str) -> Option<fontdb::ID> {
        self.db
            .faces()
            .filter(|f| self.names(f.id).postscript == key)
            .map(|f| f.id)
            .min_by_key(|&id| self.tie_key(id))
    }

    fn match_family(&self, key: &str) -> Option<fontdb::ID> {
        let members: Vec<fontdb::ID> = self
            .db
            .faces()
            .filter(|f| self.names(f.id).families.iter().any(|name| name == key))
            .map(|f| f.id)
            .collect();
        self.regular_member(&members)
    }

    /// The regular (upright, non-bold, weight nearest 400) face of a family.
    fn regular_member(&self, members: &[fontdb::ID]) -> Option<fontdb::ID> {
        members.iter().copied().min_by_key(|&id| {
            let info = self.db.face(id).expect("member of this database");
            (
                info.style != fontdb::Style::Normal,
                self.info_is_bold(id),
                (i32::from(info.weight.0) - 400).abs(),
                self.tie_key(id),
            )
        })
    }

    /// Full names (ID 4) and legacy family names (ID 1), read from the `name` table of
    /// faces whose family is a prefix of the wanted name — the only faces whose full
    /// name can match, so we parse few name tables.
    fn match_name_table(&self, key: &str) -> Option<fontdb::ID> {
        let mut exact = Vec::new();
        let mut family = Vec::new();
        for info in self.db.faces() {
            if !self.names(info.id).families.iter().any(|name| key.starts_with(name.as_str())) {
                continue;
            }
            let names = self.db.with_face_data(info.id, |data, index| {
                ttf_parser::Face::parse(data, index).ok().map(|face| {
                    face.names()
                        .into_iter()
                        .filter(|n| n.name_id == name_id::FULL_NAME || n.name_id == name_id::FAMILY)
                        .filter_map(|n| Some((n.name_id, normalize(&n.to_string()?))))
                        .collect::<Vec<_>>()
                })
            });
            for (id, name) in names.flatten().unwrap_or_default() {
                if name == key {
                    if id == name_id::FULL_NAME {
                        exact.push(info.id)
                    } else {
                        family.push(info.id)
                    }
                }
            }
        }
        exact
            .into_iter()
            .min_by_key(|&id| self.tie_key(id))
            .or_else(|| self.regular_member(&family))
    }

    /// A real bold face in the same family as `regular` (none if `regular` is bold
    /// itself): same first family name, upright, bold by weight or name; from the same
    /// directory if possible.
    fn bold_sibling(&self, regular: fontdb::ID) -> Option<fontdb::ID> {
        if self.info_is_bold(regular) {
            return None;
        }
        let family = self.names(regular).families.first()?;
        let dir = self.source_path(regular).parent().map(|p| p.to_path_buf());
        self.db
            .faces()
            .filter(|f| f.id != regular && f.style == fontdb::Style::Normal)
            .filter(|f| self.names(f.id).families.contains(family))
            .filter(|f| self.info_is_bold(f.id))
            .map(|f| f.id)
            .min_by_key(|&id| {
                let same_dir = self.source_path(id).parent().map(|p| p.to_path_buf()) == dir;
                let weight = self.db.face(id).map_or(700, |f| f.weight.0);
                (!same_dir, (i32::from(weight) - 700).abs(), self.tie_key(id))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn normalize_ignores_case_and_separators() {
        assert_eq!(normalize("Liberation Serif"), normalize("LiberationSerif"));
        assert_eq!(normalize("FandolSong-Bold"), "fandolsongbold");
        assert_eq!(normalize("仿宋_GB2312"), "仿宋gb2312");
        assert_ne!(normalize("FandolSong-Bold"), normalize("FandolSong"));
    }
}
