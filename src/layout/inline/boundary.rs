//! What lies between two clusters: may the line break there, and what space may
//! justification put there.

use super::class::{cannot_end, cannot_start, takes_han_spacing, CharClass};
use super::cluster::Cluster;

/// The kind of inter-cluster space at a boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum GapKind {
    /// No space by default; may take an equal share of justification.
    Plain,
    /// Han–Latin spacing: ¼ em by default, ⅛–½ em when adjusting (clreq 3.2.2, 3.5).
    HanLatin,
    /// Never spaced: inside Western words, around interpuncts, connectors and spaces.
    Fixed,
}

/// The boundary before a cluster.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Boundary {
    /// Space kind.
    pub kind: GapKind,
    /// Whether a line may break here.
    pub can_break: bool,
}

/// Boundaries before every cluster (`result[i]` is between `i - 1` and `i`;
/// `result[0]` is the paragraph start and never breaks).
pub(crate) fn boundaries(clusters: &[Cluster]) -> Vec<Boundary> {
    let mut result: Vec<Boundary> = Vec::with_capacity(clusters.len());
    result.push(Boundary { kind: GapKind::Fixed, can_break: false });
    for pair in clusters.windows(2) {
        result.push(Boundary {
            kind: gap_kind(&pair[0], &pair[1]),
            can_break: may_break(&pair[0], &pair[1]),
        });
    }
    for bound in bound_references(clusters) {
        for b in &mut result[bound.start + 1..bound.end] {
            b.can_break = false;
        }
    }
    result
}

fn gap_kind(before: &Cluster, after: &Cluster) -> GapKind {
    let fixed = |c: &Cluster| {
        matches!(c.class, CharClass::Interpunct | CharClass::Connector | CharClass::Space)
    };
    if (before.class.is_word_part() && after.class.is_word_part()) || fixed(before) || fixed(after)
    {
        GapKind::Fixed
    } else if (before.class == CharClass::Ideo && takes_han_spacing(after.first))
        || (takes_han_spacing(before.last) && after.class == CharClass::Ideo)
    {
        GapKind::HanLatin
    } else {
        GapKind::Plain
    }
}

fn may_break(before: &Cluster, after: &Cluster) -> bool {
    if before.class.is_word_part() && after.class.is_word_part() {
        return false; // words, numbers, e-mail addresses, 0551-8921091, 2.5%
    }
    if after.class == CharClass::Space {
        return false; // break after a space, so it ends the line and vanishes
    }
    if before.class == CharClass::Space {
        return !cannot_start(after.first);
    }
    !(cannot_start(after.first) || cannot_end(before.last))
}

/// Ranges of clusters that form a document reference such as 「〔2019〕60号」, which
/// must not break (the digits, brackets and 号 are one unit to the reader).
fn bound_references(clusters: &[Cluster]) -> Vec<std::ops::Range<usize>> {
    let is_digit = |c: &Cluster| c.first.is_ascii_digit() || ('０'..='９').contains(&c.first);
    let digits_from = |mut i: usize| {
        while i < clusters.len() && is_digit(&clusters[i]) {
            i += 1;
        }
        i
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < clusters.len() {
        if clusters[i].first == '〔' {
            let year_end = digits_from(i + 1);
            if year_end > i + 1 && clusters.get(year_end).is_some_and(|c| c.first == '〕') {
                let number_end = digits_from(year_end + 1);
                let mut end = number_end;
                if clusters.get(number_end).is_some_and(|c| c.first == '号') {
                    end += 1;
                }
                found.push(i..end);
                i = end;
                continue;
            }
        }
        i += 1;
    }
    found
}
