//! Pagination: set blocks flow onto pages of the fixed grid.
//!
//! Every paragraph line takes one grid line (22 per page). Blank lines before a
//! paragraph are dropped at the top of a page reached by a page break (kept at the
//! start of the document), and collapse with the blank lines after the block above
//! (the larger wins). A paragraph marked keep-with-next moves to a new page
//! unless it fits together with the first line of the next block (or a table's header
//! and first row). Tables start where the text ends, repeat their header rows on each
//! page they cross, and the text after a table resumes on the next grid line.
//!
//! A paragraph with a fill (the illustrated section bars) gets a band behind each of
//! its lines, reaching a quarter line into the blank lines around it. Graphic blocks
//! ([`SetVisual`]) are atomic: they start on a grid line, take whole grid lines and move
//! to the next page when they do not fit; their space before collapses with the space
//! after the paragraph above. The title band that opens a document is placed at the very
//! top of the paper. On a page of automatic height nothing ever breaks, and the page is
//! cut at the end to the content plus the bottom margin.

use crate::layout::frame::{Item, OutlineEntry, Page, Point, RectItem, Rgb};

use super::geometry::{baseline_in, PageGeometry};
use super::paragraph::SetParagraph;
use super::table::SetTable;
use super::visual::SetVisual;

/// Tolerance for vertical comparisons, in pt.
const EPS: f32 = 0.01;

/// A block after setting.
#[derive(Clone, Debug)]
pub(crate) enum SetBlock {
    /// A paragraph.
    Paragraph(SetParagraph),
    /// A table.
    Table(SetTable),
    /// A graphic block of the illustrated variant.
    Visual(SetVisual),
}

/// How far a paragraph's fill reaches above its first and below its last line, in
/// grid lines.
const FILL_PAD_LINES: f32 = 0.25;

/// Height (pt) that must fit below the current position for block `i` not to be
/// separated from what it keeps with; 0 if it keeps with nothing.
pub(crate) fn keep_height(blocks: &[SetBlock], i: usize, geometry: &PageGeometry) -> f32 {
    match &blocks[i] {
        SetBlock::Paragraph(p) if p.keep_with_next => {
            (p.lines.len() as f32 + p.space_after) * geometry.line_pitch
                + lead_height(blocks, i + 1, p.space_after, geometry)
        }
        _ => 0.0,
    }
}

/// Height of the first unit of block `j` (its space before, collapsed with the
/// `trailing` space of the block above, and first line; a table's header and first
/// body row; a whole graphic), following further keep-with-next chains.
fn lead_height(blocks: &[SetBlock], j: usize, trailing: f32, geometry: &PageGeometry) -> f32 {
    let before = |space: f32| (space - trailing).max(0.0) * geometry.line_pitch;
    match blocks.get(j) {
        None => 0.0,
        Some(SetBlock::Paragraph(p)) if p.keep_with_next => {
            before(p.space_before) + keep_height(blocks, j, geometry)
        }
        Some(SetBlock::Paragraph(p)) => {
            before(p.space_before) + p.lines.len().min(1) as f32 * geometry.line_pitch
        }
        Some(SetBlock::Table(t)) => {
            let first_body = t.header_rows.min(t.rows().saturating_sub(1));
            t.header_height() + t.row_heights.get(first_body).copied().unwrap_or(0.0)
        }
        Some(SetBlock::Visual(v)) => {
            before(v.space_before) + geometry.lines_for(v.height) as f32 * geometry.line_pitch
        }
    }
}

/// The pages being filled.
pub(crate) struct Flow<'a> {
    geometry: &'a PageGeometry,
    pages: Vec<Page>,
    /// Next free position on the current page (pt from the paper top).
    cursor: f32,
    /// The current page was reached by a page break and holds nothing yet.
    fresh: bool,
    /// Outline entries with their levels, in document order.
    marks: Vec<(u8, OutlineEntry)>,
    /// Blank lines after the last paragraph placed (0 after a table or graphic).
    trailing: f32,
    /// Bottom of the lowest thing placed on the current page.
    content_bottom: f32,
}

impl<'a> Flow<'a> {
    /// A flow with one empty page.
    pub(crate) fn new(geometry: &'a PageGeometry) -> Self {
        let mut flow = Flow {
            geometry,
            pages: Vec::new(),
            cursor: geometry.top,
            fresh: false,
            marks: Vec::new(),
            trailing: 0.0,
            content_bottom: 0.0,
        };
        flow.push_page();
        flow.fresh = false;
        flow
    }

    fn push_page(&mut self) {
        self.pages.push(Page {
            width: self.geometry.paper_width,
            height: self.geometry.paper_height,
            items: Vec::new(),
        });
        self.cursor = self.geometry.top;
        self.fresh = true;
        self.content_bottom = self.geometry.top;
    }

    fn items(&mut self) -> &mut Vec<Item> {
        &mut self.pages.last_mut().expect("a flow always has a page").items
    }

    /// Place a paragraph; `keep` is its [`keep_height`].
    pub(crate) fn place_paragraph(&mut self, par: &SetParagraph, keep: f32) {
        let g = self.geometry;
        let mut line = g.line_at_or_after(self.cursor);
        let before = (par.space_before - self.trailing).max(0.0);
        if !self.fresh && before > 0.0 {
            line = g.line_at_or_after(g.line_top(line) + before * g.line_pitch);
        }
        let top_of_page = line == 0;
        if keep > 0.0
            && !top_of_page
            && g.line_top(line) + keep > g.bottom() + EPS
            && keep <= g.text_height + EPS
        {
            self.push_page();
            line = 0;
        }
        for (k, set_line) in par.lines.iter().enumerate() {
            if line >= g.lines_per_page {
                self.push_page();
                line = 0;
            }
            if k == 0 {
                if let Some((level, title)) = &par.outline {
                    self.mark(*level, title.clone(), g.line_top(line));
                }
            }
            if let Some(fill) = par.fill {
                let band = self.band(line, k == 0, k + 1 == par.lines.len(), fill);
                self.items().push(band);
            }
            let baseline = baseline_in(g.line_top(line), g.line_pitch, set_line.size);
            let items = set_line.items(g.left, baseline);
            self.items().extend(items);
            self.fresh = false;
            line += 1;
        }
        if par.lines.is_empty() {
            line += 1; // an empty paragraph is a blank line
        }
        self.content_bottom = self.content_bottom.max(g.line_top(line));
        self.cursor = g.line_top(line) + par.space_after * g.line_pitch;
        self.trailing = par.space_after;
    }

    /// The fill behind grid line `line` of a paragraph, across the type area.
    fn band(&self, line: usize, first: bool, last: bool, fill: Rgb) -> Item {
        let g = self.geometry;
        let pad = FILL_PAD_LINES * g.line_pitch;
        let top = g.line_top(line) - if first { pad } else { 0.0 };
        let bottom = g.line_top(line + 1) + if last { pad } else { 0.0 };
        Item::Rect(RectItem {
            origin: Point::new(g.left, top),
            width: g.text_width,
            height: bottom - top,
            fill: Some(fill),
            stroke: None,
        })
    }

    /// Place a graphic block on whole grid lines, on the next page if it does not fit.
    pub(crate) fn place_visual(&mut self, visual: &SetVisual) {
        let g = self.geometry;
        let at_start = self.pages.len() == 1 && self.items().is_empty();
        let (top, end) = if visual.bleed_top && at_start {
            (0.0, g.line_at_or_after(visual.height))
        } else {
            let mut line = g.line_at_or_after(self.cursor);
            let before = (visual.space_before - self.trailing).max(0.0);
            if !self.fresh && before > 0.0 {
                line = g.line_at_or_after(g.line_top(line) + before * g.line_pitch);
            }
            let lines = g.lines_for(visual.height);
            if line > 0 && line + lines > g.lines_per_page {
                self.push_page();
                line = 0;
            }
            (g.line_top(line), line + lines)
        };
        let items = visual.items.iter().map(|item| super::visual::shifted(item, top));
        self.items().extend(items);
        self.fresh = false;
        self.content_bottom = self.content_bottom.max(g.line_top(end));
        self.cursor = g.line_top(end) + visual.space_after * g.line_pitch;
        self.trailing = visual.space_after;
    }

    /// Place a table at the current position, continuing on new pages as needed.
    pub(crate) fn place_table(&mut self, table: &SetTable) {
        let g = self.geometry;
        let rows = table.rows();
        let header = table.header_height();
        let mut y = self.cursor.max(g.top);
        if y >= g.bottom() - EPS {
            self.push_page();
            y = g.top;
        }
        let mut next = table.header_rows;
        loop {
            let available = g.bottom() - y;
            let first = table.row_heights.get(next).copied().unwrap_or(0.0);
            if header + first > available + EPS && y > g.top + EPS {
                self.push_page();
                y = g.top;
                continue;
            }
            let end = fragment_end(table, next, available - header);
            let mut fragment: Vec<usize> = (0..table.header_rows).collect();
            fragment.extend(next..end);
            let mut items = Vec::new();
            table.draw(&fragment, y, &mut items);
            self.items().extend(items);
            self.fresh = false;
            y += header + table.height_of(next..end);
            self.content_bottom = self.content_bottom.max(y);
            next = end;
            if next >= rows {
                break;
            }
            self.push_page();
            y = g.top;
        }
        self.cursor = y;
        self.trailing = 0.0;
    }

    fn mark(&mut self, level: u8, title: String, y: f32) {
        let page = self.pages.len() - 1;
        self.marks.push((level, OutlineEntry { title, page, y, children: Vec::new() }));
    }

    /// The pages and the outline tree. A page of automatic height is cut to its
    /// content plus the bottom margin.
    pub(crate) fn finish(mut self) -> (Vec<Page>, Vec<OutlineEntry>) {
        if self.geometry.auto_height {
            let height = self.content_bottom + self.geometry.margin_bottom;
            for page in &mut self.pages {
                page.height = height;
            }
        }
        (self.pages, nest(self.marks))
    }
}

/// The last body row (exclusive) of a fragment that starts at row `start` with
/// `room` pt below the header: as many rows as fit, moved back to a break that does
/// not cut a merged cell too short; at least one row.
fn fragment_end(table: &SetTable, start: usize, room: f32) -> usize {
    let rows = table.rows();
    let mut end = start;
    let mut used = 0.0;
    while end < rows && used + table.row_heights[end] <= room + EPS {
        used += table.row_heights[end];
        end += 1;
    }
    if end == start {
        return (start + 1).min(rows); // a row taller than a page: set it anyway
    }
    if end < rows {
        if let Some(clean) = (start + 1..=end).rev().find(|&r| table.may_break_before(r)) {
            return clean;
        }
    }
    end
}

/// Nest level-n entries under the latest entry of a lower level.
fn nest(marks: Vec<(u8, OutlineEntry)>) -> Vec<OutlineEntry> {
    let mut roots: Vec<OutlineEntry> = Vec::new();
    // Path of (level, index) from a root to the latest entry.
    let mut path: Vec<u8> = Vec::new();
    for (level, entry) in marks {
        while path.last().is_some_and(|&l| l >= level) {
            path.pop();
        }
        let mut siblings = &mut roots;
        for _ in 0..path.len() {
            siblings = &mut siblings.last_mut().expect("path follows last entries").children;
        }
        siblings.push(entry);
        path.push(level);
    }
    roots
}
