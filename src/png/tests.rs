//! Renderer tests: hand-built pages with FandolFang glyphs (ids and advances read with
//! ttf-parser), checked pixel by pixel. Rendered pages are written to
//! `target/png-tests/` for a human look.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::Instant;

use tiny_skia::Pixmap;

use super::{
    max_scale, render_page, render_png, RenderError, RenderOptions, Renderer, BAND_HEIGHT,
    STREAM_BAND_HEIGHT,
};
use crate::fonts::{FontBook, FontId, LoadedFace};
use crate::layout::frame::{
    Glyph, ImageItem, Item, LineItem, Page, PathItem, PathSegment, Point, RectItem, Rgb, TextRun,
};

const FANG: FontId = FontId(0);
const WHITE: [u8; 3] = [255, 255, 255];

const PROSE: &str = "本报告由淮安市人民政府办公室根据《中华人民共和国政府信息公开条例》规定编制。\
报告所列统计期限自2024年1月1日至2024年12月31日。2024年，我市坚持以习近平新时代中国特色社会主义\
思想为指导，严格落实《中华人民共和国政府信息公开条例》各项规定，圆满完成了各项任务。市政府网站主动\
公开各类政府信息5500余条，全年新增公开市政府规章1件、市政府及市政府办政策性文件11件，通过文字、图片\
等形式制作政策解读21个，制作《淮安市人民政府公报》6期。紧紧围绕保障民生、深化改革、科技创新等工作\
主线，组织召开新闻发布会12场，努力传递政府声音、宣传政策法规、回应舆论关切。";

// ---------------------------------------------------------------------------------------
// Building pages by hand

/// A book with one face, FandolFang, as `FontId(0)`.
fn fonts() -> &'static FontBook {
    static BOOK: OnceLock<FontBook> = OnceLock::new();
    BOOK.get_or_init(|| {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fonts/FandolFang-Regular.otf");
        let data = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let face = LoadedFace {
            data: Arc::new(data).into(),
            index: 0,
            path,
            postscript_name: "FandolFang-Regular".to_owned(),
            family: "FandolFang".to_owned(),
        };
        let mut book = FontBook::default();
        book.faces = vec![face];
        book
    })
}

/// `text` set in FandolFang on one baseline from `origin`, advances from the font.
fn shape(text: &str, size: f32, origin: Point, embolden: f32) -> TextRun {
    let loaded = fonts().face(FANG);
    let face = ttf_parser::Face::parse(&loaded.data, loaded.index).expect("bundled font");
    let per_unit = size / f32::from(face.units_per_em());
    let glyphs = text
        .char_indices()
        .map(|(start, ch)| {
            let id = face.glyph_index(ch).unwrap_or_else(|| panic!("no glyph for {ch:?}"));
            Glyph {
                id: id.0,
                advance: f32::from(face.glyph_hor_advance(id).unwrap_or(0)) * per_unit,
                x_offset: 0.0,
                text_range: start..start + ch.len_utf8(),
            }
        })
        .collect();
    TextRun { font: FANG, size, origin, color: Rgb::BLACK, embolden, text: text.to_owned(), glyphs }
}

fn text(text: &str, size: f32, x: f32, y: f32) -> Item {
    Item::Text(shape(text, size, Point::new(x, y), 0.0))
}

fn rect(x: f32, y: f32, width: f32, height: f32, fill: Rgb) -> Item {
    Item::Rect(RectItem { origin: Point::new(x, y), width, height, fill: Some(fill), stroke: None })
}

fn line(from: (f32, f32), to: (f32, f32), width: f32) -> Item {
    Item::Line(LineItem {
        from: Point::new(from.0, from.1),
        to: Point::new(to.0, to.1),
        width,
        color: Rgb::BLACK,
    })
}

fn image(x: f32, y: f32, width: f32, height: f32, data: Vec<u8>, jpeg: bool) -> Item {
    Item::Image(ImageItem { origin: Point::new(x, y), width, height, data: Arc::new(data), jpeg })
}

/// A closed quarter-disc-like shape, filled and stroked.
fn blob(x: f32, y: f32, r: f32) -> Item {
    Item::Path(PathItem {
        segments: vec![
            PathSegment::MoveTo(Point::new(x, y)),
            PathSegment::LineTo(Point::new(x + r, y)),
            PathSegment::CubicTo(
                Point::new(x + r, y + 0.55 * r),
                Point::new(x + 0.55 * r, y + r),
                Point::new(x, y + r),
            ),
            PathSegment::Close,
        ],
        fill: Some(Rgb(31, 119, 180)),
        stroke: Some((Rgb(0, 0, 0), 1.0)),
    })
}

fn page(width: f32, height: f32, items: Vec<Item>) -> Page {
    Page { width, height, items }
}

/// Encodes an image built by `pixel` as PNG or JPEG bytes.
fn encoded(
    width: u32,
    height: u32,
    format: image::ImageFormat,
    pixel: impl Fn(u32, u32) -> [u8; 4],
) -> Vec<u8> {
    let rgba = image::RgbaImage::from_fn(width, height, |x, y| image::Rgba(pixel(x, y)));
    let mut bytes = std::io::Cursor::new(Vec::new());
    if format == image::ImageFormat::Jpeg {
        image::DynamicImage::ImageRgba8(rgba).into_rgb8().write_to(&mut bytes, format)
    } else {
        rgba.write_to(&mut bytes, format)
    }
    .expect("encodes");
    bytes.into_inner()
}

// ---------------------------------------------------------------------------------------
// Looking at pixels

fn render(page: &Page, scale: f32) -> Pixmap {
    render_page(page, fonts(), &RenderOptions { scale, ..RenderOptions::default() })
        .expect("renders")
}

/// The (opaque) colour of pixel `(x, y)`.
fn px(pixmap: &Pixmap, x: u32, y: u32) -> [u8; 3] {
    let p = pixmap.pixel(x, y).unwrap_or_else(|| panic!("({x}, {y}) is off the image"));
    assert_eq!(p.alpha(), 255, "pixel ({x}, {y}) is not opaque");
    [p.red(), p.green(), p.blue()]
}

/// Whether pixel `(x, y)` is darker than mid-grey (ink).
fn ink(pixmap: &Pixmap, x: u32, y: u32) -> bool {
    px(pixmap, x, y).iter().map(|&c| u32::from(c)).sum::<u32>() < 3 * 128
}

/// The inked pixels of `pixmap` (anything not pure background counts when `any`).
fn painted(pixmap: &Pixmap, any: bool) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    for y in 0..pixmap.height() {
        for x in 0..pixmap.width() {
            if (any && px(pixmap, x, y) != WHITE) || (!any && ink(pixmap, x, y)) {
                out.push((x, y));
            }
        }
    }
    out
}

/// Number of pixels of `a` and `b` whose colour differs by more than `tolerance` in
/// some channel; every pixel of the larger one when their sizes differ.
fn compare(a: &Pixmap, b: &Pixmap, tolerance: u8) -> usize {
    if (a.width(), a.height()) != (b.width(), b.height()) {
        return a.pixels().len().max(b.pixels().len());
    }
    a.data()
        .chunks_exact(4)
        .zip(b.data().chunks_exact(4))
        .filter(|(p, q)| p.iter().zip(q.iter()).any(|(x, y)| x.abs_diff(*y) > tolerance))
        .count()
}

/// Writes `pixmap` to `target/png-tests/<name>.png` for inspection.
fn save(pixmap: &Pixmap, name: &str) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/png-tests");
    std::fs::create_dir_all(&dir).expect("creates target/png-tests");
    let png = super::encode_png(pixmap).expect("encodes");
    std::fs::write(dir.join(format!("{name}.png")), png).expect("writes");
}

// ---------------------------------------------------------------------------------------
// Tests

#[test]
fn image_size_is_page_size_times_scale_rounded_up() {
    let cases = [((595.28, 841.89), 3.0, (1786, 2526)), ((360.0, 640.0), 3.0, (1080, 1920))];
    for ((width, height), scale, expected) in cases {
        let pixmap = render(&page(width, height, Vec::new()), scale);
        assert_eq!((pixmap.width(), pixmap.height()), expected);
        assert_eq!(expected, ((width * scale).ceil() as u32, (height * scale).ceil() as u32));
    }
    let pixmap = render(&page(100.1, 50.5, Vec::new()), 1.5);
    assert_eq!((pixmap.width(), pixmap.height()), (151, 76));
    assert_eq!(
        RenderOptions::default(),
        RenderOptions { scale: 3.0, background: Rgb(255, 255, 255) }
    );
}

#[test]
fn blank_page_is_the_background_colour() {
    let opts = RenderOptions { scale: 1.0, background: Rgb(250, 240, 230) };
    let pixmap = render_page(&page(40.0, 30.0, Vec::new()), fonts(), &opts).unwrap();
    assert!(pixmap
        .pixels()
        .iter()
        .all(|p| (p.red(), p.green(), p.blue(), p.alpha()) == (250, 240, 230, 255)));
}

#[test]
fn filled_rect_has_its_colour_and_nothing_outside() {
    let red = Rgb(200, 30, 40);
    let pixmap = render(&page(100.0, 60.0, vec![rect(10.0, 20.0, 30.0, 15.0, red)]), 2.0);
    for y in 0..pixmap.height() {
        for x in 0..pixmap.width() {
            let inside = (20..80).contains(&x) && (40..70).contains(&y);
            let expected = if inside { [200, 30, 40] } else { WHITE };
            assert_eq!(px(&pixmap, x, y), expected, "pixel ({x}, {y})");
        }
    }
}

#[test]
fn stroked_rect_is_filled_then_outlined() {
    let item = Item::Rect(RectItem {
        origin: Point::new(10.0, 10.0),
        width: 40.0,
        height: 20.0,
        fill: Some(Rgb(230, 230, 230)),
        stroke: Some((Rgb(0, 0, 255), 2.0)),
    });
    let pixmap = render(&page(60.0, 40.0, vec![item]), 2.0);
    // The 2 pt stroke covers 9..11 pt around the left edge: px 18..22.
    for x in 18..22 {
        assert_eq!(px(&pixmap, x, 40), [0, 0, 255], "column {x}");
    }
    assert_eq!(px(&pixmap, 17, 40), WHITE);
    assert_eq!(px(&pixmap, 22, 40), [230, 230, 230]);
    assert_eq!(px(&pixmap, 60, 40), [230, 230, 230]);
}

#[test]
fn thin_horizontal_line_darkens_its_rows() {
    // 0.5 pt at y = 50.25 covers 50.0..50.5 pt: rows 200 and 201 at 4 px per pt.
    let rule = line((10.0, 50.25), (90.0, 50.25), 0.5);
    let pixmap = render(&page(100.0, 100.0, vec![rule.clone()]), 4.0);
    for x in [40, 200, 359] {
        assert_eq!(px(&pixmap, x, 200), [0, 0, 0], "row 200, column {x}");
        assert_eq!(px(&pixmap, x, 201), [0, 0, 0], "row 201, column {x}");
        assert_eq!(px(&pixmap, x, 199), WHITE, "row 199, column {x}");
        assert_eq!(px(&pixmap, x, 202), WHITE, "row 202, column {x}");
    }
    // Butt caps: nothing before x = 10 pt or after x = 90 pt.
    assert_eq!(px(&pixmap, 39, 200), WHITE);
    assert_eq!(px(&pixmap, 360, 200), WHITE);
    assert_eq!(painted(&pixmap, true).len(), 320 * 2);

    // At 1 px per pt the half-pixel line greys row 50 only, anti-aliased.
    let pixmap = render(&page(100.0, 100.0, vec![rule]), 1.0);
    let grey = px(&pixmap, 50, 50)[0];
    assert!((96..=160).contains(&grey), "a half-covered pixel is mid-grey, not {grey}");
    assert_eq!(px(&pixmap, 50, 49), WHITE);
    assert_eq!(px(&pixmap, 50, 51), WHITE);
}

#[test]
fn chinese_glyphs_sit_upright_in_their_advance_boxes() {
    let (size, x0, baseline, scale) = (40.0, 20.0, 70.0, 2.0);
    let run = shape("政府信息", size, Point::new(x0, baseline), 0.0);
    let advance = run.glyphs[0].advance;
    assert!((advance - size).abs() < 0.5, "ideographs are one em wide, not {advance}");
    let pixmap = render(&page(200.0, 100.0, vec![Item::Text(run)]), scale);
    save(&pixmap, "glyphs");

    let inked = painted(&pixmap, false);
    let touched = painted(&pixmap, true);
    // No paint outside the run's box: the em box from 0.9 em above the baseline to
    // 0.2 em below, one advance per glyph (plus the anti-aliased pixel).
    let (left, right) = (x0 * scale - 1.0, (x0 + 4.0 * advance) * scale + 1.0);
    let (top, bottom) = ((baseline - 0.9 * size) * scale, (baseline + 0.2 * size) * scale);
    for &(x, y) in &touched {
        let (x, y) = (x as f32, y as f32);
        assert!(x >= left && x <= right && y >= top && y <= bottom, "paint at ({x}, {y})");
    }
    // Each glyph has ink in its own advance box, and its ink centre is above the
    // baseline (a y-flipped glyph would hang below it).
    for i in 0..4 {
        let (from, to) =
            ((x0 + i as f32 * advance) * scale, (x0 + (i + 1) as f32 * advance) * scale);
        let own: Vec<_> =
            inked.iter().filter(|&&(x, _)| (x as f32) >= from && (x as f32) < to).collect();
        assert!(own.len() > 200, "glyph {i} has only {} dark pixels", own.len());
        let centre = own.iter().map(|&&(_, y)| y as f32).sum::<f32>() / own.len() as f32;
        assert!(centre < baseline * scale - 0.2 * size * scale, "glyph {i} centre at {centre}");
    }
    // Anti-aliased: many edge pixels are neither white nor black.
    let greys = touched
        .iter()
        .filter(|&&(x, y)| px(&pixmap, x, y)[0] > 40 && px(&pixmap, x, y)[0] < 215)
        .count();
    assert!(greys * 10 > touched.len(), "{greys} grey of {} painted pixels", touched.len());
}

/// Coverage of `outline` under `place` on a `side`² canvas by tiny-skia at 8 × 8 the
/// resolution, averaged down: a reference accurate to a few levels.
fn supersampled(outline: &tiny_skia::Path, place: tiny_skia::Transform, side: u32) -> Vec<u8> {
    const N: u32 = 8;
    let mut fine = tiny_skia::Mask::new(side * N, side * N).unwrap();
    let finer = place.post_concat(tiny_skia::Transform::from_scale(N as f32, N as f32));
    fine.fill_path(outline, tiny_skia::FillRule::Winding, true, finer);
    let mut out = Vec::with_capacity((side * side) as usize);
    for y in 0..side {
        for x in 0..side {
            let sum: u32 = (0..N * N)
                .map(|i| {
                    u32::from(fine.data()[((y * N + i / N) * side * N + x * N + i % N) as usize])
                })
                .sum();
            out.push(((sum + N * N / 2) / (N * N)) as u8);
        }
    }
    out
}

#[test]
fn glyph_coverage_matches_a_supersampled_reference() {
    let loaded = fonts().face(FANG);
    let face = ttf_parser::Face::parse(&loaded.data, loaded.index).unwrap();
    for ch in ['政', '府', '。', '2', '《'] {
        let id = face.glyph_index(ch).unwrap().0;
        let outline = super::glyphs::outline_of(&face, id).unwrap();
        for ppem in [11.0, 16.3, 48.0, 150.0] {
            let k = ppem / f32::from(face.units_per_em());
            let side = (ppem * 1.5) as u32;
            let place = tiny_skia::Transform::from_row(k, 0.0, 0.0, -k, 2.3, ppem * 1.1);
            let mut coverage = super::coverage::Coverage::new(side as usize, side as usize);
            coverage.add_path(&outline, place);
            let ours = coverage.into_alpha();
            let reference = supersampled(&outline, place, side);
            let ink = |alpha: &[u8]| alpha.iter().map(|&a| u64::from(a)).sum::<u64>();
            let (ours_ink, ink) = (ink(&ours), ink(&reference));
            let off: u64 =
                ours.iter().zip(&reference).map(|(a, b)| u64::from(a.abs_diff(*b))).sum();
            let worst = ours.iter().zip(&reference).map(|(a, b)| a.abs_diff(*b)).max().unwrap();
            // Coverage is quantized to 1/15 and curves are flattened to 0.1 px, so edge
            // pixels differ a little; the ink in all barely does.
            let at =
                format!("{ch} at {ppem} px: ink {ours_ink} vs {ink}, off {off}, worst {worst}");
            assert!(ours_ink.abs_diff(ink) * 12 < ink, "{at}");
            assert!(off * if ppem < 48.0 { 5 } else { 12 } < ink, "{at}");
            assert!(worst <= 40, "{at}");
        }
    }
}

#[test]
fn glyphs_are_not_mirrored_vertically() {
    // 上 has its long bar at the bottom, 下 at the top.
    let heaviest_row = |ch: &str| {
        let pixmap = render(&page(60.0, 60.0, vec![text(ch, 40.0, 10.0, 50.0)]), 2.0);
        (0..pixmap.height())
            .max_by_key(|&y| (0..pixmap.width()).filter(|&x| ink(&pixmap, x, y)).count())
            .unwrap()
    };
    let (up, down) = (heaviest_row("上"), heaviest_row("下"));
    assert!(up > down + 40, "上's bar at row {up} should be far below 下's at row {down}");
}

#[test]
fn glyph_offsets_and_advances_move_glyphs() {
    let mut run = shape("一一", 20.0, Point::new(10.0, 30.0), 0.0);
    let plain = render(&page(80.0, 40.0, vec![Item::Text(run.clone())]), 2.0);
    run.glyphs[1].x_offset = 5.0;
    let shifted = render(&page(80.0, 40.0, vec![Item::Text(run)]), 2.0);
    let rightmost = |p: &Pixmap| painted(p, false).iter().map(|&(x, _)| x).max().unwrap();
    assert_eq!(rightmost(&shifted), rightmost(&plain) + 10);
}

#[test]
fn emboldened_text_is_heavier_but_stays_in_place() {
    let item = |embolden| Item::Text(shape("政务公开", 16.0, Point::new(10.0, 30.0), embolden));
    let plain = render(&page(90.0, 40.0, vec![item(0.0)]), 3.0);
    let bold = render(&page(90.0, 40.0, vec![item(0.6)]), 3.0);
    save(&bold, "embolden");
    let (thin, thick) = (painted(&plain, false).len(), painted(&bold, false).len());
    assert!(thick as f32 > thin as f32 * 1.15, "bold {thick} vs plain {thin} dark pixels");
    // Every plain ink pixel is still inked.
    assert!(painted(&plain, false).iter().all(|&(x, y)| ink(&bold, x, y)));
}

#[test]
fn bars_have_proportional_lengths() {
    let blue = Rgb(31, 119, 180);
    let bars = (1..=3).map(|i| rect(20.0, 10.0 + 15.0 * i as f32, 30.0 * i as f32, 10.0, blue));
    let pixmap = render(&page(150.0, 70.0, bars.collect()), 2.5);
    save(&pixmap, "bars");
    let length = |i: u32| {
        let row = ((10.0 + 15.0 * i as f32 + 5.0) * 2.5) as u32;
        (0..pixmap.width()).filter(|&x| px(&pixmap, x, row) == [31, 119, 180]).count()
    };
    assert_eq!([length(1), length(2), length(3)], [75, 150, 225]);
}

#[test]
fn paths_are_filled_and_stroked() {
    let pixmap = render(&page(80.0, 80.0, vec![blob(10.0, 10.0, 50.0)]), 2.0);
    save(&pixmap, "path");
    assert_eq!(px(&pixmap, 50, 50), [31, 119, 180], "inside the shape");
    assert_eq!(px(&pixmap, 100, 20), [0, 0, 0], "on the straight top edge (stroked)");
    assert_eq!(px(&pixmap, 110, 110), WHITE, "outside the curve");
    assert_eq!(px(&pixmap, 10, 10), WHITE, "above and left of the shape");
}

#[test]
fn embedded_png_lands_in_its_rect() {
    // 8×8 px: red, green / blue, yellow quadrants.
    let quadrants = encoded(8, 8, image::ImageFormat::Png, |x, y| match (x < 4, y < 4) {
        (true, true) => [255, 0, 0, 255],
        (false, true) => [0, 255, 0, 255],
        (true, false) => [0, 0, 255, 255],
        (false, false) => [255, 255, 0, 255],
    });
    let pixmap =
        render(&page(100.0, 100.0, vec![image(30.0, 40.0, 20.0, 20.0, quadrants, false)]), 2.0);
    save(&pixmap, "image");
    // The image covers px 60..100 × 80..120.
    let near = |a: [u8; 3], b: [u8; 3]| a.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= 3);
    for ((x, y), colour) in [
        ((70, 90), [255, 0, 0]),
        ((90, 90), [0, 255, 0]),
        ((70, 110), [0, 0, 255]),
        ((90, 110), [255, 255, 0]),
    ] {
        assert!(near(px(&pixmap, x, y), colour), "({x}, {y}) is {:?}", px(&pixmap, x, y));
    }
    let outside = painted(&pixmap, true)
        .into_iter()
        .filter(|&(x, y)| !((60..100).contains(&x) && (80..120).contains(&y)))
        .count();
    assert_eq!(outside, 0, "paint outside the image's rect");
    assert!(near(px(&pixmap, 60, 80), [255, 0, 0]) && near(px(&pixmap, 99, 119), [255, 255, 0]));
}

#[test]
fn embedded_jpeg_and_transparent_png_are_drawn() {
    let jpeg = encoded(16, 16, image::ImageFormat::Jpeg, |_, _| [40, 160, 90, 255]);
    // Fully transparent red: must leave no reddish fringe when resampled.
    let clear = encoded(5, 5, image::ImageFormat::Png, |_, _| [255, 0, 0, 0]);
    let items =
        vec![image(10.0, 10.0, 20.0, 20.0, jpeg, true), image(40.0, 10.0, 13.0, 7.0, clear, false)];
    let pixmap = render(&page(60.0, 40.0, items), 2.0);
    let [r, g, b] = px(&pixmap, 40, 40);
    assert!(r.abs_diff(40) < 12 && g.abs_diff(160) < 12 && b.abs_diff(90) < 12, "{r} {g} {b}");
    assert!(painted(&pixmap, true).iter().all(|&(x, _)| x < 60), "the transparent image shows");
}

#[test]
fn undecodable_image_is_an_error_naming_the_problem() {
    let items = vec![
        rect(0.0, 0.0, 5.0, 5.0, Rgb::BLACK),
        image(12.0, 34.0, 10.0, 10.0, b"GIF89a".to_vec(), false),
    ];
    let err =
        render_page(&page(50.0, 50.0, items), fonts(), &RenderOptions::default()).unwrap_err();
    assert!(matches!(err, RenderError::Image { item: 1, format: "PNG", .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("PNG image placed at (12, 34) pt"), "{message}");
}

#[test]
fn renderer_reuses_glyphs_without_changing_pixels() {
    let opts = RenderOptions { scale: 1.5, ..RenderOptions::default() };
    let mut renderer = Renderer::new(fonts(), opts);
    let first = page(120.0, 40.0, vec![text("政府信息公开", 16.0, 5.0, 25.0)]);
    let second = page(120.0, 40.0, vec![text("信息公开政府", 16.0, 5.3, 26.1)]);
    renderer.render(&first).unwrap();
    let reused = renderer.render(&second).unwrap();
    let fresh = render_page(&second, fonts(), &opts).unwrap();
    assert_eq!(compare(&reused, &fresh, 0), 0);
}

#[test]
fn compare_detects_a_moved_rect() {
    let at = |x| render(&page(50.0, 30.0, vec![rect(x, 10.0, 20.0, 10.0, Rgb::BLACK)]), 2.0);
    assert_eq!(compare(&at(10.0), &at(10.0), 0), 0);
    // Moved by one pixel: a column of 20 px appears on the right, one vanishes on the left.
    assert_eq!(compare(&at(10.0), &at(10.5), 0), 40);
    assert_eq!(compare(&at(10.0), &at(10.5), 254), 40);
    let other_size = render(&page(50.0, 31.0, Vec::new()), 2.0);
    assert_eq!(compare(&at(10.0), &other_size, 255), 100 * 62);
}

/// A page whose curve, hairline rect, slanted line and text cross band seams.
fn seam_page() -> Page {
    let mut items = vec![blob(20.0, 25.0, 60.0), rect(5.0, 31.9, 90.0, 0.3, Rgb(200, 0, 0))];
    items.extend((0..6).map(|i| text("政府信息公开", 14.0, 8.0, 20.0 + 14.0 * i as f32)));
    items.push(line((5.0, 63.95), (95.0, 64.05), 0.4));
    page(100.0, 110.0, items)
}

#[test]
fn streamed_png_is_the_rendered_page() {
    let page = seam_page();
    let opts = RenderOptions::default();
    let whole = Renderer::new(fonts(), opts).render_in_bands(&page, BAND_HEIGHT).unwrap();
    for band in [STREAM_BAND_HEIGHT, 64, 33] {
        let png = Renderer::new(fonts(), opts).render_png_in_bands(&page, band).unwrap();
        let decoded = image::load_from_memory(&png).expect("a valid PNG").to_rgba8();
        assert_eq!((decoded.width(), decoded.height()), (whole.width(), whole.height()));
        let streamed =
            Pixmap::from_vec(decoded.into_raw(), tiny_skia::IntSize::from_wh(300, 330).unwrap())
                .unwrap();
        // As for bands painted into one pixmap: path edges cut by a seam move by less
        // than a quarter of a pixel's coverage; nothing else changes.
        assert_eq!(compare(&whole, &streamed, 64), 0, "bands of {band} px");
        let edges = compare(&whole, &streamed, 1);
        assert!(edges * 50 < painted(&whole, true).len(), "bands of {band} px: {edges} differ");
    }
    let png = render_png(&page, fonts(), &opts).unwrap();
    assert_eq!(&png[12..16], b"IHDR");
    assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), 300, "width");
    assert_eq!(u32::from_be_bytes(png[20..24].try_into().unwrap()), 330, "height");
}

#[test]
fn bands_join_without_seams() {
    let page = seam_page();
    let opts = RenderOptions::default();
    let whole = Renderer::new(fonts(), opts).render_in_bands(&page, BAND_HEIGHT).unwrap();
    // Bands of 64 px cut the page at every 21.33 pt.
    let banded = Renderer::new(fonts(), opts).render_in_bands(&page, 64).unwrap();
    save(&banded, "bands");
    // Clipping a curve at a band boundary moves its edges by less than a sub-scanline:
    // at most a quarter of a pixel's coverage, on a few edge pixels.
    assert_eq!(compare(&whole, &banded, 64), 0);
    let edges = compare(&whole, &banded, 1);
    let painted = painted(&whole, true).len();
    assert!(edges * 50 < painted, "{edges} of {painted} painted pixels differ");

    // Text is blended from whole glyph masks: identical however the page is cut.
    let text_only = Page { items: page.items[2..8].to_vec(), ..page };
    let whole = Renderer::new(fonts(), opts).render_in_bands(&text_only, BAND_HEIGHT).unwrap();
    let banded = Renderer::new(fonts(), opts).render_in_bands(&text_only, 64).unwrap();
    assert_eq!(compare(&whole, &banded, 0), 0);
}

#[test]
fn long_page_is_painted_across_band_boundaries() {
    // 3000 pt at 3 px per pt: 9000 rows, two bands meeting at row 8000 (2666.67 pt).
    let items =
        vec![rect(10.0, 2660.0, 100.0, 20.0, Rgb(0, 128, 0)), text("末页", 20.0, 10.0, 2995.0)];
    let pixmap = render(&page(120.0, 3000.0, items), 3.0);
    assert_eq!(pixmap.height(), 9000);
    for y in [7980, 7999, 8000, 8039] {
        assert_eq!(px(&pixmap, 100, y), [0, 128, 0], "row {y}");
    }
    assert_eq!(px(&pixmap, 100, 8040), WHITE);
    assert!((8900..9000).any(|y| (30..150).any(|x| ink(&pixmap, x, y))), "no text at the bottom");
}

#[test]
fn oversized_page_names_the_scale_that_fits() {
    let tall = page(360.0, 20000.0, Vec::new());
    let err = render_page(&tall, fonts(), &RenderOptions::default()).unwrap_err();
    let RenderError::TooLarge { width: 1080, height: 60000, max_scale: fits, .. } = err else {
        panic!("{err:?}")
    };
    assert_eq!(fits, 1.638);
    assert_eq!(fits, max_scale(&tall));
    assert!(err.to_string().contains("render it at scale 1.638 or less"), "{err}");
    assert!(super::pixel_size(&tall, fits).is_ok());
    assert!(super::pixel_size(&tall, fits + 0.001).is_err());

    let opts = RenderOptions { scale: 0.0, ..RenderOptions::default() };
    assert!(matches!(
        render_page(&page(10.0, 10.0, Vec::new()), fonts(), &opts),
        Err(RenderError::Scale(_))
    ));
    let flat = page(10.0, f32::NAN, Vec::new());
    assert!(matches!(
        render_page(&flat, fonts(), &RenderOptions::default()),
        Err(RenderError::PageSize { .. })
    ));
    assert_eq!(max_scale(&flat), 0.0);
}

#[test]
fn png_bytes_decode_to_the_rendered_page() {
    let page = page(50.0, 20.0, vec![rect(5.0, 5.0, 10.0, 10.0, Rgb(10, 20, 30))]);
    let bytes =
        render_png(&page, fonts(), &RenderOptions { scale: 2.0, ..RenderOptions::default() })
            .unwrap();
    let decoded = image::load_from_memory_with_format(&bytes, image::ImageFormat::Png).unwrap();
    assert_eq!(decoded.color(), image::ColorType::Rgb8);
    let rgb = decoded.into_rgb8();
    assert_eq!(rgb.dimensions(), (100, 40));
    assert_eq!(rgb.get_pixel(20, 20).0, [10, 20, 30]);
    assert_eq!(rgb.get_pixel(50, 20).0, [255, 255, 255]);
}

/// Page `n` of a report of body text: an emboldened title, a rule, a chart shape and 25
/// lines of 28 ideographs at 16 pt on A4 (each page starts elsewhere in the prose).
fn prose_page(n: usize) -> Page {
    let chars: Vec<char> = PROSE.chars().cycle().skip(n * 97).take(28 * 25).collect();
    let title = "淮安市人民政府2024年政府信息公开工作年度报告";
    let mut items = vec![Item::Text(shape(title, 22.0, Point::new(60.0, 80.0), 0.5))];
    items.push(line((79.37, 100.0), (515.9, 100.0), 0.75));
    items.extend(chars.chunks(28).enumerate().map(|(i, line)| {
        let line: String = line.iter().collect();
        text(&line, 16.0, 79.37, 130.0 + 28.95 * i as f32)
    }));
    items.push(blob(440.0, 760.0, 50.0));
    page(595.28, 841.89, items)
}

/// The shortest of five runs of `f` (the least disturbed by other processes).
fn fastest(mut f: impl FnMut()) -> std::time::Duration {
    (0..5)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap()
}

/// Logs render times of pages full of text (run with `--nocapture`): ten pages at
/// 1 px per pt with one [`Renderer`] and with ten, one at 3, and its PNG encoding (the
/// fastest of five runs each). The bound is loose, for debug builds.
#[test]
fn measure_full_text_pages() {
    let pages: Vec<Page> = (0..10).map(prose_page).collect();
    let glyphs: usize = pages[0]
        .items
        .iter()
        .map(|i| if let Item::Text(run) = i { run.glyphs.len() } else { 0 })
        .sum();
    let opts = |scale| RenderOptions { scale, ..RenderOptions::default() };
    let shared = fastest(|| {
        let mut renderer = Renderer::new(fonts(), opts(1.0));
        for page in &pages {
            renderer.render(page).unwrap();
        }
    });
    let separate = fastest(|| {
        for page in &pages {
            render_page(page, fonts(), &opts(1.0)).unwrap();
        }
    });
    let one_at_3 = fastest(|| drop(render(&pages[0], 3.0)));
    let big = render(&pages[0], 3.0);
    let mut png = Vec::new();
    let encode = fastest(|| png = super::encode_png(&big).unwrap());
    save(&big, "prose");
    eprintln!(
        "10 A4 pages of {glyphs} glyphs at scale 1: {shared:?} with one Renderer, \
         {separate:?} with render_page each; one page at scale 3 ({}×{} px): {one_at_3:?}, \
         PNG encoding {encode:?} ({} KB)",
        big.width(),
        big.height(),
        png.len() / 1024
    );
}

/// Logs the render and encoding time of a long mobile page: 360 × 8000 pt (1080 ×
/// 24 000 px at the default scale, three bands), 280 lines of text and a bar per line.
/// Ignored by default (it needs some 200 MB); run with `--ignored --nocapture`.
#[test]
#[ignore]
fn measure_long_mobile_page() {
    let chars: Vec<char> = PROSE.chars().filter(|c| !c.is_ascii()).collect();
    let mut items = Vec::new();
    for i in 0..280 {
        let y = 40.0 + 28.0 * i as f32;
        let line: String = chars.iter().cycle().skip(i * 20).take(20).collect();
        items.push(text(&line, 15.0, 20.0, y));
        items.push(rect(330.0, y - 10.0, 10.0 + (i % 20) as f32, 10.0, Rgb(31, 119, 180)));
    }
    let page = page(360.0, 8000.0, items);
    let start = Instant::now();
    let pixmap = render_page(&page, fonts(), &RenderOptions::default()).unwrap();
    let render = start.elapsed();
    let start = Instant::now();
    let png = super::encode_png(&pixmap).unwrap();
    let seam = tiny_skia::IntRect::from_xywh(0, 7900, 1080, 200).unwrap();
    save(&pixmap.clone_rect(seam).unwrap(), "long-page-first-band-seam");
    eprintln!(
        "{}×{} px: rendered in {render:?}, encoded in {:?} ({} KB)",
        pixmap.width(),
        pixmap.height(),
        start.elapsed(),
        png.len() / 1024
    );
}
