//! Line-breaker tests on hard cases: prohibitions, unbreakable marks, Western words,
//! references, orphans, the grid, Han–Latin spacing, balanced titles.

use crate::compose::tree::{Align, Role};
use crate::layout::frame::Rgb;
use crate::layout::testutil::{close, fonts, han, style};

use super::class::{cannot_end, cannot_start};
use super::{set_text, Measure, SetLine, Span};

/// Set `text` as body text (16 pt on the 15.79 pt grid) with an indent in characters.
fn set_body(text: &str, indent_chars: f32) -> Vec<SetLine> {
    set_with(text, Role::Body, indent_chars, Align::Justify, false)
}

fn set_with(
    text: &str,
    role: Role,
    indent_chars: f32,
    align: Align,
    balance: bool,
) -> Vec<SetLine> {
    let style = style();
    let size = style.size(role);
    let scale = if balance { 1.0 } else { style.char_pitch() / style.size(Role::Body) };
    let span = Span { text, role, size, bold: false, line: 3, color: Rgb::BLACK };
    let measure = Measure {
        width: style.text_width(),
        first_indent: indent_chars * size * scale,
        align,
        balance,
        cell_scale: scale,
        cell: size * scale,
    };
    set_text(&[span], &measure, &mut fonts()).expect("set")
}

fn texts(lines: &[SetLine]) -> Vec<String> {
    lines.iter().map(|l| l.text()).collect()
}

fn pitch() -> f32 {
    style().char_pitch()
}

/// Every line obeys the line-start and line-end prohibitions, and nothing is lost.
fn assert_well_formed(text: &str, lines: &[SetLine]) {
    assert_eq!(texts(lines).concat(), text, "text lost or reordered");
    for (n, line) in lines.iter().enumerate() {
        let first = line.text().chars().next().expect("non-empty line");
        let last = line.text().chars().last().expect("non-empty line");
        if n > 0 {
            assert!(!cannot_start(first), "line {n} starts with {first}: {:?}", texts(lines));
        }
        if n + 1 < lines.len() {
            assert!(!cannot_end(last), "line {n} ends with {last}: {:?}", texts(lines));
        }
    }
}

/// Full (non-last) lines of a justified paragraph fill the measure exactly.
fn assert_justified(lines: &[SetLine], indent_chars: f32) {
    for (n, line) in lines.iter().enumerate().take(lines.len() - 1) {
        let indent = if n == 0 { indent_chars * pitch() } else { 0.0 };
        assert!(
            close(line.x + line.width, style().text_width()) && close(line.x, indent),
            "line {n} spans {}..{}",
            line.x,
            line.x + line.width
        );
    }
}

#[test]
fn plain_han_lines_hold_28_characters_on_the_pitch() {
    let text = han(60);
    let lines = set_body(&text, 0.0);
    assert_eq!(lines.iter().map(|l| l.text().chars().count()).collect::<Vec<_>>(), [28, 28, 4]);
    for line in &lines {
        for (k, (x, _)) in line.pens().iter().enumerate() {
            assert!(close(*x, k as f32 * pitch()), "glyph {k} at {x}");
        }
    }
}

#[test]
fn first_line_indent_is_two_cells() {
    let lines = set_body(&han(40), 2.0);
    assert_eq!(lines[0].text().chars().count(), 26);
    assert!(close(lines[0].pens()[0].0, 2.0 * pitch()));
    assert!(close(lines[1].pens()[0].0, 0.0));
}

#[test]
fn closing_marks_never_start_a_line() {
    for mark in "，。、；：？！）》”’〕】".chars() {
        // The mark falls on cell 29: the 28th character comes down with it.
        let text = format!("{}{mark}{}", han(28), han(6));
        let lines = set_body(&text, 0.0);
        assert_well_formed(&text, &lines);
        assert_eq!(lines[0].text().chars().count(), 27, "mark {mark}: {:?}", texts(&lines));
        assert!(lines[1].text().starts_with(&han(28)[han(27).len()..]));
        assert_justified(&lines, 0.0);
    }
}

#[test]
fn opening_marks_never_end_a_line() {
    for mark in "（《“‘〔【".chars() {
        let text = format!("{}{mark}{}", han(27), han(6));
        let lines = set_body(&text, 0.0);
        assert_well_formed(&text, &lines);
        assert_eq!(lines[0].text().chars().count(), 27, "mark {mark}");
        assert!(lines[1].text().starts_with(mark));
        assert_justified(&lines, 0.0);
    }
}

#[test]
fn commas_inside_a_line_keep_a_full_cell() {
    let lines = set_body("政府，信息。公开、工作", 0.0);
    let pens = lines[0].pens();
    for (k, (x, _)) in pens.iter().enumerate() {
        assert!(close(*x, k as f32 * pitch()), "glyph {k} at {x}: {pens:?}");
    }
}

#[test]
fn dash_and_ellipsis_pairs_are_never_split() {
    for pair in ["——", "……"] {
        for before in 25..=28 {
            let text = format!("{}{pair}{}", han(before), han(10));
            let lines = set_body(&text, 0.0);
            assert_well_formed(&text, &lines);
            assert!(
                lines.iter().any(|l| l.text().contains(pair)),
                "{pair} split: {:?}",
                texts(&lines)
            );
        }
    }
}

#[test]
fn western_words_numbers_and_references_stay_whole() {
    let tokens = ["36629", "0551-8921091", "2.5%", "qsxzwgk@163.com", "〔2019〕60号"];
    for token in tokens {
        for before in 18..=28 {
            let text = format!("{}{token}{}", han(before), han(12));
            let lines = set_body(&text, 0.0);
            assert_well_formed(&text, &lines);
            assert!(
                lines.iter().any(|l| l.text().contains(token)),
                "{token} broken after {before}: {:?}",
                texts(&lines)
            );
            for line in &lines {
                assert!(
                    line.x + line.width <= style().text_width() + 0.02,
                    "overfull: {:?}",
                    line.text()
                );
            }
        }
    }
}

#[test]
fn one_character_last_line_pulls_a_character_down() {
    let text = format!("{}书。", han(28));
    let lines = set_body(&text, 0.0);
    assert_well_formed(&text, &lines);
    let last = &lines.last().unwrap().text();
    assert!(last.chars().filter(|c| *c != '。').count() >= 2, "orphan: {:?}", texts(&lines));
    assert_eq!(lines[0].text().chars().count(), 27);
    assert_justified(&lines, 0.0);
}

#[test]
fn closing_pair_at_line_end_is_compressed_rather_than_split() {
    let text = format!("{}。”{}", han(27), han(4));
    let lines = set_body(&text, 0.0);
    assert_well_formed(&text, &lines);
    assert!(lines[0].text().ends_with("。”"), "{:?}", texts(&lines));
    assert_eq!(lines[0].text().chars().count(), 29);
    assert!(close(lines[0].width, style().text_width()));
}

#[test]
fn han_after_a_number_returns_to_the_grid() {
    let lines = set_body("全年主动公开2019年度信息", 0.0);
    let pens = lines[0].pens();
    let x_of = |s: &str| pens.iter().find(|(_, t)| t == s).unwrap().0;
    let year = x_of("年");
    assert!(close((year / pitch()).round() * pitch(), year), "年 at {year} is off the grid");
    // The space between Han and digits is within ⅛–½ em.
    let before = x_of("2") - (x_of("开") + pitch());
    assert!(before >= pitch() / 8.0 - 0.02 && before <= pitch() / 2.0 + 0.02, "{before}");
}

#[test]
fn no_han_latin_space_at_line_start() {
    let text = format!("{}2023年{}", han(28), han(3));
    let lines = set_body(&text, 0.0);
    assert!(lines[1].text().starts_with("2023"), "{:?}", texts(&lines));
    assert!(close(lines[1].pens()[0].0, 0.0));
}

#[test]
fn long_title_breaks_after_the_agency_name() {
    let lines = set_with(
        "合肥市人民政府办公室2023年政府信息公开工作年度报告",
        Role::Title,
        0.0,
        Align::Center,
        true,
    );
    assert_eq!(texts(&lines), ["合肥市人民政府办公室", "2023年政府信息公开工作年度报告"]);
    // Centred.
    for line in &lines {
        let right_margin = style().text_width() - line.x - line.width;
        assert!(close(line.x, right_margin), "{} vs {right_margin}", line.x);
    }
}

#[test]
fn long_title_without_a_year_is_balanced() {
    let text = "中华人民共和国国家发展和改革委员会关于政府信息公开工作情况的年度报告";
    let lines = set_with(text, Role::Title, 0.0, Align::Center, true);
    assert_eq!(lines.len(), 2);
    let counts: Vec<usize> = lines.iter().map(|l| l.text().chars().count()).collect();
    assert!(counts[0].abs_diff(counts[1]) <= 1, "{:?}", texts(&lines));
}

#[test]
fn no_break_spaces_glue_and_stray_controls_are_spaces() {
    let text = format!("{}Mr.\u{a0}Smith{}", han(24), han(4));
    let lines = set_body(&text, 0.0);
    assert!(lines.iter().any(|l| l.text().contains("Mr.\u{a0}Smith")), "{:?}", texts(&lines));
    let lines = set_body("第一行\n第二行\u{200B}", 0.0);
    assert_eq!(texts(&lines), ["第一行\n第二行"]);
}
