//! Document properties (information dictionary and XMP metadata) and bookmarks.

use krilla::destination::XyzDestination;
use krilla::geom::Point;
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};

use super::PdfError;
use crate::compose::tree::Meta;
use crate::layout::frame::OutlineEntry;

/// The language tag written when [`Meta::language`] is empty.
const DEFAULT_LANGUAGE: &str = "zh-CN";

/// UTC offset of the report's date: China Standard Time.
const UTC_OFFSET_HOURS: i8 = 8;

/// The document language: [`Meta::language`], or `zh-CN` when that is empty.
pub(super) fn language(meta: &Meta) -> &str {
    if meta.language.is_empty() {
        DEFAULT_LANGUAGE
    } else {
        &meta.language
    }
}

/// krilla metadata for `meta`. The report's date (midnight, Beijing time) is both the
/// creation and the modification date; without a date none is written.
pub(super) fn metadata(meta: &Meta) -> Metadata {
    let mut metadata = Metadata::new()
        .title(meta.title.clone())
        .description(meta.subject.clone())
        .keywords(meta.keywords.clone())
        .language(language(meta).to_owned())
        .creator(format!("nianbao {}", env!("CARGO_PKG_VERSION")))
        .producer("krilla".to_owned());
    if !meta.author.is_empty() {
        metadata = metadata.authors(vec![meta.author.clone()]);
    }
    if let Some((year, month, day)) = meta.date {
        let year = year.clamp(0, 9999) as u16;
        metadata = metadata.creation_date(
            DateTime::new(year).month(month).day(day).utc_offset_hour(UTC_OFFSET_HOURS),
        );
    }
    metadata
}

/// Checks that every bookmark points at an existing page (krilla would panic).
pub(super) fn check_outline(entries: &[OutlineEntry], pages: usize) -> Result<(), PdfError> {
    for entry in entries {
        if entry.page >= pages {
            return Err(PdfError::OutlineTarget {
                title: entry.title.clone(),
                page: entry.page,
                pages,
            });
        }
        check_outline(&entry.children, pages)?;
    }
    Ok(())
}

/// The bookmark tree, every entry expanded, each pointing at the left edge of its page
/// at the entry's `y`.
pub(super) fn outline(entries: &[OutlineEntry]) -> Outline {
    let mut outline = Outline::new();
    for entry in entries {
        outline.push_child(node(entry));
    }
    outline
}

fn node(entry: &OutlineEntry) -> OutlineNode {
    let target = XyzDestination::new(entry.page, Point::from_xy(0.0, entry.y));
    let mut node = OutlineNode::new(entry.title.clone(), target).with_open(true);
    for child in &entry.children {
        node.push_child(self::node(child));
    }
    node
}
