//! Font resolution tests, bundled faces only (deterministic on every machine).

use std::sync::OnceLock;

use crate::compose::tree::Role;
use crate::style::Style;

use super::{FontBook, FontError, FontOptions, FontSource};

const BUNDLED_ONLY: FontOptions = FontOptions { system_fonts: false };

fn book() -> FontBook {
    static BOOK: OnceLock<FontBook> = OnceLock::new();
    BOOK.get_or_init(|| FontBook::new(&Style::official(), &BUNDLED_ONLY).expect("bundled fonts"))
        .clone()
}

fn postscript(book: &FontBook, id: super::FontId) -> &str {
    &book.face(id).postscript_name
}

#[test]
fn roles_resolve_to_the_bundled_faces() {
    let listing = book().describe();
    let family =
        |role: &str| listing.iter().find(|r| r.role == role).map(|r| r.family.clone()).unwrap();
    assert_eq!(family("body"), "FandolFang");
    assert_eq!(family("title"), "FandolSong (FandolSong-Bold)");
    assert_eq!(family("heading1"), "FandolHei (FandolHei-Regular)");
    assert_eq!(family("heading2"), "FandolKai");
    assert_eq!(family("page_number"), "FandolSong (FandolSong-Regular)");
    assert_eq!(family("latin"), "Liberation Serif (LiberationSerif)");
    assert_eq!(listing.len(), Role::ALL.len() + 1);
    assert!(listing.iter().all(|r| r.source == FontSource::Bundled && r.path.exists()));
}

#[test]
fn faces_are_read_only_when_used() {
    let mut book = book();
    assert!(book.faces.is_empty(), "nothing read before the first lookup");
    book.glyph(Role::Body, false, '中', 1).unwrap();
    assert_eq!(book.faces.len(), 1);
    assert_eq!(book.faces[0].postscript_name, "FandolFang-Regular");
}

#[test]
fn names_match_postscript_full_and_legacy_family_names() {
    let book = book();
    let ps = |name: &str| {
        let c = book.resolve_name(name).unwrap_or_else(|| panic!("{name} not found"));
        book.db.face(c.regular).unwrap().post_script_name.clone()
    };
    assert_eq!(ps("FandolSong-Bold"), "FandolSong-Bold");
    // Family → the regular member, although both Fandol Song faces declare weight 400.
    assert_eq!(ps("FandolSong"), "FandolSong-Regular");
    assert_eq!(ps("Liberation Serif"), "LiberationSerif");
    assert_eq!(ps("FandolFang R"), "FandolFang-Regular"); // legacy family (name ID 1)
    assert_eq!(ps("Liberation Serif Bold"), "LiberationSerif-Bold"); // full name (ID 4)
    assert!(book.resolve_name("方正小标宋简体").is_none());
}

#[test]
fn digits_take_the_latin_face_and_han_the_role_face() {
    let mut book = book();
    let digit = book.glyph(Role::Body, false, '7', 1).unwrap();
    assert_eq!(postscript(&book, digit.font), "LiberationSerif");
    assert!((digit.advance_em - 0.5).abs() < 1e-3);
    let han = book.glyph(Role::Body, false, '公', 1).unwrap();
    assert_eq!(postscript(&book, han.font), "FandolFang-Regular");
    assert_eq!(han.advance_em, 1.0);
    let comma = book.glyph(Role::Heading1, false, '，', 1).unwrap();
    assert_eq!(postscript(&book, comma.font), "FandolHei-Regular");
}

#[test]
fn bold_prefers_a_real_bold_face_and_emboldens_otherwise() {
    let mut book = book();
    let hei = book.glyph(Role::Heading1, true, '一', 1).unwrap();
    assert_eq!(postscript(&book, hei.font), "FandolHei-Bold");
    assert!(!hei.embolden);
    let fang = book.glyph(Role::Body, true, '一', 1).unwrap();
    assert_eq!(postscript(&book, fang.font), "FandolFang-Regular");
    assert!(fang.embolden);
    let latin = book.glyph(Role::Body, true, 'A', 1).unwrap();
    assert_eq!(postscript(&book, latin.font), "LiberationSerif-Bold");
    // The title face is a bold design: no extra stroke, and its digits are bold too.
    let title = book.glyph(Role::Title, false, '年', 1).unwrap();
    assert_eq!(postscript(&book, title.font), "FandolSong-Bold");
    let year = book.glyph(Role::Title, false, '2', 1).unwrap();
    assert_eq!(postscript(&book, year.font), "LiberationSerif-Bold");
}

#[test]
fn a_character_missing_from_the_role_face_falls_back_to_a_bundled_cjk_face() {
    let mut book = book();
    // U+8A01 訁 is in FandolSong but not in FandolKai.
    let found = book.glyph(Role::Heading2, false, '訁', 5).unwrap();
    assert_ne!(postscript(&book, found.font), "FandolKai-Regular");
    assert!(found.glyph != 0);
}

#[test]
fn a_character_no_face_has_is_an_error_naming_it() {
    let mut book = book();
    // U+4E02 丂 is outside GB2312 and in no bundled face.
    let err = book.glyph(Role::Body, false, '丂', 17).unwrap_err();
    assert!(matches!(err, FontError::MissingGlyph { ch: '丂', codepoint: 0x4E02, line: 17 }));
    let message = err.to_string();
    for part in ["「丂」", "U+4E02", "17", "line 17"] {
        assert!(message.contains(part), "{part} missing in {message}");
    }
}

#[test]
fn a_role_with_no_available_font_is_an_error() {
    let mut style = Style::official();
    style.fonts.insert("heading2".into(), vec!["No Such Font".into(), "楷体_GB2312".into()]);
    let err = FontBook::new(&style, &BUNDLED_ONLY).unwrap_err();
    match &err {
        FontError::NoFont { role, tried, .. } => {
            assert_eq!(role, "heading2");
            assert!(tried.contains("No Such Font"));
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn metrics_follow_the_documented_conventions() {
    let mut book = book();
    let g = book.glyph(Role::Body, false, '中', 1).unwrap();
    assert_eq!(book.units_per_em(g.font), 1000);
    assert!((book.advance_pt(g.font, g.glyph, 16.0) - 16.0).abs() < 1e-3);
    let v = book.vertical_metrics(g.font);
    assert!((v.ascender - 0.88).abs() < 1e-3 && (v.descender - 0.12).abs() < 1e-3, "{v:?}");
    assert!((book.ascender_pt(g.font, 16.0) - 14.08).abs() < 1e-3);
}
