//! Pagination: set blocks flow onto pages of the fixed grid.
//!
//! Every paragraph line takes one grid line (22 per page). Blank lines before a
//! paragraph are dropped at the top of a page reached by a page break (kept at the
//! start of the document). A paragraph marked keep-with-next moves to a new page
//! unless it fits together with the first line of the next block (or a table's header
//! and first row). Tables start where the text ends, repeat their header rows on each
//! page they cross, and the text after a table resumes on the next grid line.

use crate::layout::frame::{Item, OutlineEntry, Page};

use super::geometry::{baseline_in, PageGeometry};
use super::paragraph::SetParagraph;
use super::table::SetTable;

/// Tolerance for vertical comparisons, in pt.
const EPS: f32 = 0.01;

/// A block after setting.
#[derive(Clone, Debug)]
pub(crate) enum SetBlock {
    /// A paragraph.
    Paragraph(SetParagraph),
    /// A table.
    Table(SetTable),
}

/// Height (pt) that must fit below the current position for block `i` not to be
/// separated from what it keeps with; 0 if it keeps with nothing.
pub(crate) fn keep_height(blocks: &[SetBlock], i: usize, geometry: &PageGeometry) -> f32 {
    match &blocks[i] {
        SetBlock::Paragraph(p) if p.keep_with_next => {
            p.lines.len() as f32 * geometry.line_pitch + lead_height(blocks, i + 1, geometry)
        }
        _ => 0.0,
    }
}

/// Height of the first unit of block `j` (its space before and first line; a table's
/// header and first body row), following further keep-with-next chains.
fn lead_height(blocks: &[SetBlock], j: usize, geometry: &PageGeometry) -> f32 {
    match blocks.get(j) {
        None => 0.0,
        Some(SetBlock::Paragraph(p)) if p.keep_with_next => {
            p.space_before * geometry.line_pitch + keep_height(blocks, j, geometry)
        }
        Some(SetBlock::Paragraph(p)) => {
            (p.space_before + p.lines.len().min(1) as f32) * geometry.line_pitch
        }
        Some(SetBlock::Table(t)) => {
            let first_body = t.header_rows.min(t.rows().saturating_sub(1));
            t.header_height() + t.row_heights.get(first_body).copied().unwrap_or(0.0)
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
    }

    fn items(&mut self) -> &mut Vec<Item> {
        &mut self.pages.last_mut().expect("a flow always has a page").items
    }

    /// Place a paragraph; `keep` is its [`keep_height`].
    pub(crate) fn place_paragraph(&mut self, par: &SetParagraph, keep: f32) {
        let g = self.geometry;
        let mut line = g.line_at_or_after(self.cursor);
        if !self.fresh && par.space_before > 0.0 {
            line = g.line_at_or_after(g.line_top(line) + par.space_before * g.line_pitch);
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
            let baseline = baseline_in(g.line_top(line), g.line_pitch, set_line.size);
            let items = set_line.items(g.left, baseline);
            self.items().extend(items);
            self.fresh = false;
            line += 1;
        }
        if par.lines.is_empty() {
            line += 1; // an empty paragraph is a blank line
        }
        self.cursor = g.line_top(line) + par.space_after * g.line_pitch;
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
            next = end;
            if next >= rows {
                break;
            }
            self.push_page();
            y = g.top;
        }
        self.cursor = y;
    }

    fn mark(&mut self, level: u8, title: String, y: f32) {
        let page = self.pages.len() - 1;
        self.marks.push((level, OutlineEntry { title, page, y, children: Vec::new() }));
    }

    /// The pages and the outline tree.
    pub(crate) fn finish(self) -> (Vec<Page>, Vec<OutlineEntry>) {
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
