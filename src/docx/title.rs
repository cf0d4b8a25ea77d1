//! Where the title breaks.
//!
//! The PDF sets a title that needs two or more lines *balanced* — lines of similar
//! length, preferring the break before the year (「潜山市人民政府办公室｜2019年…」) —
//! while Word and LibreOffice fill the first line and leave a stub on the second. The
//! writer therefore ends the title's lines itself, with line breaks (`w:br`) where
//! the PDF's balanced breaker puts them; the same rules, on the same advances:
//!
//! * widths in em of the title size: full-width characters 1, Western characters their
//!   font advance, ¼ em between an ideograph and a Latin letter or digit;
//! * a break is allowed between any two characters except inside a Western word and
//!   before a mark that cannot start a line / after one that cannot end it;
//! * as many lines as first fit needs; with two lines the break before a year wins
//!   when both lines fit and the shorter is at least half the longer; otherwise the
//!   breaks minimise the total deviation from equal lines.

use super::props::{NO_LINE_END, NO_LINE_START};

/// Whether a character belongs to a Western word.
fn is_western(ch: char) -> bool {
    ch.is_ascii_graphic()
}

fn is_ideograph(ch: char) -> bool {
    matches!(ch as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// Whether a line may break before `chars[i]`.
fn can_break(chars: &[char], i: usize) -> bool {
    let (a, b) = (chars[i - 1], chars[i]);
    let inside_word = is_western(a) && is_western(b);
    !(inside_word || NO_LINE_START.contains(b) || NO_LINE_END.contains(a))
}

/// Whether `chars[i..]` starts a year: four digits then 年, after a non-digit.
fn starts_year(chars: &[char], i: usize) -> bool {
    i > 0
        && !chars[i - 1].is_ascii_digit()
        && chars.len() >= i + 5
        && chars[i..i + 4].iter().all(char::is_ascii_digit)
        && chars[i + 4] == '年'
}

/// Natural width in em of `chars[range]`, with `advance` the em advance of Western
/// characters: as the PDF's line box measures it, each Western run between
/// ideographs takes whole cells when the ⅛–½ em Han–Latin spaces around it allow
/// (clreq 3.2.5), else its advances plus ¼ em a side.
fn width(chars: &[char], range: std::ops::Range<usize>, advance: &dyn Fn(char) -> f32) -> f32 {
    let mut w = 0.0;
    let mut i = range.start;
    while i < range.end {
        if !is_western(chars[i]) {
            w += 1.0;
            i += 1;
            continue;
        }
        let start = i;
        while i < range.end && is_western(chars[i]) {
            i += 1;
        }
        let inner: f32 = chars[start..i].iter().map(|&c| advance(c)).sum();
        let before = start > range.start
            && is_ideograph(chars[start - 1])
            && chars[start].is_ascii_alphanumeric();
        let after = i < range.end && chars[i - 1].is_ascii_alphanumeric() && is_ideograph(chars[i]);
        let n = f32::from(u8::from(before) + u8::from(after));
        if n == 0.0 {
            w += inner;
            continue;
        }
        // Measured from the line start, which is on the grid of this line's cells.
        let x = w;
        let target = ((x + inner + n / 8.0 - 1e-3).ceil()).max(x + inner);
        w = if target <= x + inner + n / 2.0 + 1e-3 { target } else { x + inner + n / 4.0 };
    }
    w
}

/// The character offsets at which the title's lines start (excluding 0), for a
/// measure of `measure` em.
pub(crate) fn breaks(chars: &[char], measure: f32, advance: &dyn Fn(char) -> f32) -> Vec<usize> {
    let n = chars.len();
    let fits = |a: usize, b: usize| width(chars, a..b, advance) <= measure + 1e-3;
    // First fit, for the number of lines.
    let mut count = 0;
    let mut start = 0;
    while start < n {
        let mut end = start + 1;
        for e in start + 1..=n {
            if fits(start, e) && (e == n || can_break(chars, e)) {
                end = e;
            }
        }
        count += 1;
        start = end;
    }
    if count < 2 {
        return Vec::new();
    }
    let points: Vec<usize> = std::iter::once(0)
        .chain((1..n).filter(|&i| can_break(chars, i)))
        .chain(std::iter::once(n))
        .collect();
    if count == 2 {
        if let Some(&cut) = points.iter().find(|&&i| starts_year(chars, i)) {
            let (a, b) = (width(chars, 0..cut, advance), width(chars, cut..n, advance));
            if fits(0, cut) && fits(cut, n) && a.min(b) >= 0.5 * a.max(b) {
                return vec![cut];
            }
        }
    }
    let target = width(chars, 0..n, advance) / count as f32;
    let m = points.len();
    let mut best = vec![vec![(f32::INFINITY, usize::MAX); m]; count + 1];
    best[0][0] = (0.0, 0);
    for k in 1..=count {
        for j in 1..m {
            for i in 0..j {
                let prev = best[k - 1][i].0;
                if !prev.is_finite() || !fits(points[i], points[j]) {
                    continue;
                }
                let cost = prev + (width(chars, points[i]..points[j], advance) - target).abs();
                if cost < best[k][j].0 {
                    best[k][j] = (cost, i);
                }
            }
        }
    }
    if !best[count][m - 1].0.is_finite() {
        return Vec::new();
    }
    let mut cuts = Vec::new();
    let mut j = m - 1;
    for k in (1..=count).rev() {
        let i = best[k][j].1;
        if i > 0 {
            cuts.push(points[i]);
        }
        j = i;
    }
    cuts.reverse();
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_before_the_year() {
        let title: Vec<char> =
            "潜山市人民政府办公室2019年政府信息公开工作年度报告".chars().collect();
        // 442.2 pt / 22 pt; digits half an em.
        let cuts = breaks(&title, 20.1, &|_| 0.5);
        assert_eq!(cuts, [10]);
    }

    #[test]
    fn snapped_year_ties_break_after_the_year() {
        // 「2024」 takes three cells; both breaks around 年 deviate equally, and the
        // earlier one wins, as in the PDF.
        let title: Vec<char> = "淮安市人民政府2024年政府信息公开工作年度报告".chars().collect();
        assert_eq!(breaks(&title, 20.1, &|_| 0.5), [12]);
    }

    #[test]
    fn short_titles_stay_on_one_line() {
        let title: Vec<char> = "某某局2020年政府信息公开工作年度报告".chars().collect();
        assert!(breaks(&title, 20.1, &|_| 0.5).is_empty());
    }
}
