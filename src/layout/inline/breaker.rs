//! Choosing line breaks.
//!
//! Body text uses first fit with reduction: each line takes the most clusters that
//! fit its measure after the permitted reductions ([`LineBox::reduce_to`]), ending at
//! a legal break (prohibitions, unbreakable marks, words). The last line is then
//! checked for an orphan (clreq 3.4.4): if it would hold a single character (with or
//! without punctuation), the previous line gives up characters until it holds two.
//!
//! Titles use balanced breaking: the fewest lines, broken where the lines come out
//! of similar length, preferring the break before the year (after the agency name).

use std::ops::Range;

use super::linebox::{LineBox, EPS};
use super::Prepared;

/// Where line `n` starts and how wide it may be.
pub(crate) trait LineGeometry {
    /// `(origin, available width)` of line `n` (0-based).
    fn line(&self, n: usize) -> (f32, f32);
}

/// Lines by first fit, then the orphan fix.
pub(crate) fn first_fit(
    par: &Prepared,
    geometry: &dyn LineGeometry,
    fix_orphan: bool,
) -> Vec<Range<usize>> {
    let n = par.clusters.len();
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    while start < n {
        let end = longest_fit(par, start, geometry.line(lines.len()));
        lines.push(start..end);
        start = end;
    }
    if fix_orphan {
        pull_down_orphan(par, geometry, &mut lines);
    }
    lines
}

/// The end of the longest line from `start` that fits: at a legal break if any fits,
/// else (an over-long word) at any cluster boundary, else one cluster.
fn longest_fit(par: &Prepared, start: usize, (origin, width): (f32, f32)) -> usize {
    let n = par.clusters.len();
    let mut best_legal = None;
    let mut best_any = None;
    for end in start + 1..=n {
        let line = LineBox::natural(par, start..end, origin);
        let fits = line.width() <= width + EPS || line.clone().reduce_to(par, width);
        if fits {
            best_any = Some(end);
            if end == n || par.bounds[end].can_break {
                best_legal = Some(end);
            }
        } else if line.min_width(par) > width + par.cell {
            break; // adding clusters never makes a line narrower by more than a cell
        }
    }
    best_legal.or(best_any).unwrap_or(start + 1)
}

/// Whether a line fits its measure (after reductions).
fn fits(par: &Prepared, range: Range<usize>, (origin, width): (f32, f32)) -> bool {
    let line = LineBox::natural(par, range, origin);
    line.width() <= width + EPS || line.clone().reduce_to(par, width)
}

/// Characters (not punctuation or space) in a range.
fn text_chars(par: &Prepared, range: Range<usize>) -> usize {
    par.clusters[range].iter().filter(|c| c.counts_as_text()).map(|c| c.text.chars().count()).sum()
}

/// clreq 3.4.4: a last line with one character is not allowed; move the break before
/// it back until the last line has two, if a legal break allows.
fn pull_down_orphan(par: &Prepared, geometry: &dyn LineGeometry, lines: &mut [Range<usize>]) {
    let count = lines.len();
    if count < 2 || text_chars(par, lines[count - 1].clone()) >= 2 {
        return;
    }
    let (prev, last) = (lines[count - 2].clone(), lines[count - 1].clone());
    for cut in (prev.start + 1..prev.end).rev() {
        if !par.bounds[cut].can_break || text_chars(par, prev.start..cut) == 0 {
            continue;
        }
        if text_chars(par, cut..last.end) >= 2 && fits(par, cut..last.end, geometry.line(count - 1))
        {
            lines[count - 2] = prev.start..cut;
            lines[count - 1] = cut..last.end;
            return;
        }
    }
}

/// Balanced breaking into as few lines as first fit needs (titles).
pub(crate) fn balanced(par: &Prepared, geometry: &dyn LineGeometry) -> Vec<Range<usize>> {
    let greedy = first_fit(par, geometry, false);
    let count = greedy.len();
    if count < 2 {
        return greedy;
    }
    let n = par.clusters.len();
    let breaks: Vec<usize> = (1..n).filter(|&i| par.bounds[i].can_break).collect();
    let natural =
        |r: Range<usize>, line: usize| LineBox::natural(par, r, geometry.line(line).0).width();
    let total = natural(0..n, 0);
    let target = total / count as f32;
    // Prefer the break before a year (「…办公室｜2023年…」) when it leaves lines no
    // more lopsided than 1 : 2.
    if count == 2 {
        if let Some(&cut) = breaks.iter().find(|&&i| starts_year(par, i)) {
            let (a, b) = (natural(0..cut, 0), natural(cut..n, 1));
            if fits(par, 0..cut, geometry.line(0))
                && fits(par, cut..n, geometry.line(1))
                && a.min(b) >= 0.5 * a.max(b)
            {
                return vec![0..cut, cut..n];
            }
        }
    }
    // Otherwise minimise the total deviation from equal lines (dynamic programming
    // over legal breaks; titles are short).
    let mut points = vec![0];
    points.extend(breaks);
    points.push(n);
    let m = points.len();
    // best[k][j]: least cost to set clusters ..points[j] in k lines, with back-pointer.
    let mut best = vec![vec![(f32::INFINITY, usize::MAX); m]; count + 1];
    best[0][0] = (0.0, 0);
    for k in 1..=count {
        for j in 1..m {
            for i in 0..j {
                let (prev_cost, _) = best[k - 1][i];
                if !prev_cost.is_finite() {
                    continue;
                }
                let range = points[i]..points[j];
                if !fits(par, range.clone(), geometry.line(k - 1)) {
                    continue;
                }
                let cost = prev_cost + (natural(range, k - 1) - target).abs();
                if cost < best[k][j].0 {
                    best[k][j] = (cost, i);
                }
            }
        }
    }
    if !best[count][m - 1].0.is_finite() {
        return greedy;
    }
    let mut lines = Vec::with_capacity(count);
    let mut j = m - 1;
    for k in (1..=count).rev() {
        let i = best[k][j].1;
        lines.push(points[i]..points[j]);
        j = i;
    }
    lines.reverse();
    lines
}

/// Whether cluster `i` starts a four-digit year followed by 「年」.
fn starts_year(par: &Prepared, i: usize) -> bool {
    let digits = par.clusters[i..].iter().take_while(|c| c.first.is_ascii_digit()).count();
    digits == 4 && par.clusters.get(i + 4).is_some_and(|c| c.first == '年')
}
