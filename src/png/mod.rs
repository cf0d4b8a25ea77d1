//! PNG renderer: paints one positioned [`Page`] into a raster image with
//! [tiny-skia](https://docs.rs/tiny-skia), for the illustrated (图文版) report that is read
//! as one long image on phones and in WeChat.
//!
//! Like the [PDF writer](crate::pdf), the renderer measures and breaks nothing: it walks
//! the page's items in painting order and draws each one where the layout put it. Glyph
//! outlines come from the very font bytes the layout used ([`FontBook::face`]), read with
//! ttf-parser (TrueType and CFF outlines alike), so the image and the PDF show the same
//! glyphs at the same places.
//!
//! * **Units.** The page's pt are multiplied by [`RenderOptions::scale`] (px per pt); the
//!   image is `ceil(width × scale)` × `ceil(height × scale)` px. Everything is
//!   anti-aliased; there is no hinting, as on a phone the image is zoomed anyway.
//! * **Text.** Each glyph is rasterized once per size into a coverage mask and blended
//!   wherever it recurs, so glyph positions are quantized: to a quarter pixel across and
//!   to the whole pixel (the baseline) down. A [`Renderer`] keeps the masks from page to
//!   page.
//! * **Long pages.** tiny-skia's anti-aliasing rasterizer works in fixed point and cannot
//!   address more than 8191 px at once: it splits a larger target into tiles itself and
//!   then pays for every path once per tile. The renderer instead paints a tall page in
//!   horizontal bands of at most [`BAND_HEIGHT`] px — each a view of the rows of the one
//!   final pixmap, so nothing is copied — and skips the items that miss a band.
//! * **Size limit.** An image is at most [`MAX_SIDE`] px a side and [`MAX_PIXELS`] px in
//!   all, the size common image viewers (and WeChat) can be relied on to open: at the
//!   default 3 px per pt, a 360 pt wide page may be up to 10 922 pt (3.85 m) long. A
//!   longer page is an error, [`RenderError::TooLarge`], that names the largest scale
//!   that fits ([`max_scale`]); the caller chooses between rendering smaller and splitting
//!   the page.
//!
//! ```
//! use nianbao::fonts::FontBook;
//! use nianbao::layout::frame::{Item, Page, Point, RectItem, Rgb};
//! use nianbao::png::{render_png, RenderOptions};
//!
//! let bar = RectItem {
//!     origin: Point::new(20.0, 20.0),
//!     width: 200.0,
//!     height: 12.0,
//!     fill: Some(Rgb(192, 0, 0)),
//!     stroke: None,
//! };
//! let page = Page { width: 360.0, height: 640.0, items: vec![Item::Rect(bar)] };
//! let png = render_png(&page, &FontBook::default(), &RenderOptions::default())?;
//! assert!(png.starts_with(b"\x89PNG")); // 1080 × 1920 px
//! # Ok::<(), nianbao::png::RenderError>(())
//! ```
//!
//! Modules: `glyphs` (faces and cached glyph masks), `coverage` (the glyph rasterizer),
//! `paint` (drawing the items of one band), `raster` (decoding and resampling embedded
//! images), `error`.

mod coverage;
mod error;
mod glyphs;
mod paint;
mod raster;

#[cfg(test)]
mod tests;

use tiny_skia::{Color, Pixmap, PixmapMut};

use crate::fonts::FontBook;
use crate::layout::frame::{Page, Rgb};

pub use error::RenderError;

/// The tallest band painted in one go, in px: below tiny-skia's 8191 px fixed-point
/// limit, so that it never tiles a band itself.
pub const BAND_HEIGHT: u32 = 8000;

/// Band height of [`render_png`], whose bands are painted while the previous ones are
/// compressed.
pub const STREAM_BAND_HEIGHT: u32 = 512;

/// The longest side of an image, in px.
pub const MAX_SIDE: u32 = 32767;

/// The most pixels in one image (256 MiB of RGBA while it is painted).
pub const MAX_PIXELS: u64 = 1 << 26;

/// How to render a page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RenderOptions {
    /// Pixels per pt. Default: `3.0`, which makes a 360 pt wide mobile page 1080 px wide
    /// (the width phones display at full resolution).
    pub scale: f32,
    /// The colour of the paper, painted under every item. Default: white. The image has
    /// no transparency.
    pub background: Rgb,
}

impl Default for RenderOptions {
    fn default() -> Self {
        Self { scale: 3.0, background: Rgb(255, 255, 255) }
    }
}

/// Paints `page` into a new pixmap of `ceil(page.width × opts.scale)` ×
/// `ceil(page.height × opts.scale)` px.
///
/// Fails when the page or the scale is not a positive size, when the image would be
/// larger than [`MAX_SIDE`] or [`MAX_PIXELS`], when a font cannot be read and when an
/// embedded image cannot be decoded. Panics, like [`FontBook::face`], when a text run
/// names a face that `fonts` does not hold. To render several pages, a [`Renderer`]
/// rasterizes each glyph once for all of them.
pub fn render_page(
    page: &Page,
    fonts: &FontBook,
    opts: &RenderOptions,
) -> Result<Pixmap, RenderError> {
    Renderer::new(fonts, *opts).render(page)
}

/// Renders `page` like [`render_page`] and encodes it as an opaque 8-bit RGB PNG.
///
/// Painting and compressing overlap: the page is painted in bands of
/// [`STREAM_BAND_HEIGHT`] px on this thread while another deflates the bands already
/// painted into the PNG stream. The image is the one [`render_page`] paints.
pub fn render_png(
    page: &Page,
    fonts: &FontBook,
    opts: &RenderOptions,
) -> Result<Vec<u8>, RenderError> {
    Renderer::new(fonts, *opts).render_png(page)
}

/// The largest scale (px per pt, rounded down to a thousandth) at which `page` fits in
/// [`MAX_SIDE`] and [`MAX_PIXELS`]; `0.0` for a page without a positive size.
pub fn max_scale(page: &Page) -> f32 {
    let (width, height) = (page.width as f64, page.height as f64);
    if !(width > 0.0 && height > 0.0 && width.is_finite() && height.is_finite()) {
        return 0.0;
    }
    let side = MAX_SIDE as f64 / width.max(height);
    let area = (MAX_PIXELS as f64 / (width * height)).sqrt();
    let mut thousandths = (side.min(area) * 1000.0).floor() as u32;
    // f32 rounding can push a side one pixel over; step down until it fits.
    while thousandths > 0 && pixel_size(page, thousandths as f32 / 1000.0).is_err() {
        thousandths -= 1;
    }
    thousandths as f32 / 1000.0
}

/// Renders pages one after another, keeping the rasterized glyphs of earlier pages
/// (a report sets the same few hundred ideographs on every page).
pub struct Renderer<'a> {
    /// Glyph masks, shared by all pages.
    glyphs: glyphs::GlyphCache<'a>,
    /// Scale and background.
    opts: RenderOptions,
}

impl<'a> Renderer<'a> {
    /// A renderer of pages set in the faces of `fonts`.
    pub fn new(fonts: &'a FontBook, opts: RenderOptions) -> Self {
        Self { glyphs: glyphs::GlyphCache::new(fonts), opts }
    }

    /// Renders `page` as [`render_page`] does.
    pub fn render(&mut self, page: &Page) -> Result<Pixmap, RenderError> {
        self.render_in_bands(page, BAND_HEIGHT)
    }

    /// Renders `page` and encodes it as [`render_png`] does.
    pub fn render_png(&mut self, page: &Page) -> Result<Vec<u8>, RenderError> {
        self.render_png_in_bands(page, STREAM_BAND_HEIGHT)
    }

    /// [`Renderer::render_png`] with bands of at most `band` px.
    fn render_png_in_bands(&mut self, page: &Page, band: u32) -> Result<Vec<u8>, RenderError> {
        let (width, height) = checked_size(page, self.opts.scale)?;
        let band = band.clamp(1, BAND_HEIGHT);
        let background = color(self.opts.background);
        let scale = self.opts.scale;
        let glyphs = &mut self.glyphs;
        // Two bands in flight at most: memory stays at a few bands, not the page.
        let (send, receive) = std::sync::mpsc::sync_channel::<Vec<u8>>(2);
        std::thread::scope(|scope| {
            let encoder = scope.spawn(move || encode_rows(width, height, receive));
            let painted = (|| -> Result<(), RenderError> {
                let mut painter = paint::Painter::new(glyphs, scale);
                let mut top = 0;
                while top < height {
                    let rows = band.min(height - top);
                    let mut pixmap =
                        Pixmap::new(width, rows).expect("a band within MAX_SIDE is a valid pixmap");
                    pixmap.fill(background);
                    painter.paint(page, &mut pixmap.as_mut(), top)?;
                    if send.send(rgb_of(&pixmap)).is_err() {
                        break; // The encoder failed; its error is reported below.
                    }
                    top += rows;
                }
                Ok(())
            })();
            drop(send);
            let encoded = encoder.join().expect("the PNG encoder thread panicked");
            painted?;
            encoded.map_err(|err| RenderError::Encode(err.to_string()))
        })
    }

    /// [`Renderer::render`] with bands of at most `band` px (smaller in tests, to
    /// exercise the seams).
    fn render_in_bands(&mut self, page: &Page, band: u32) -> Result<Pixmap, RenderError> {
        let (width, height) = checked_size(page, self.opts.scale)?;
        let mut pixmap = Pixmap::new(width, height)
            .expect("sizes within MAX_SIDE and MAX_PIXELS make a valid pixmap");
        pixmap.fill(color(self.opts.background));

        let mut painter = paint::Painter::new(&mut self.glyphs, self.opts.scale);
        let row_bytes = width as usize * 4;
        for (index, rows) in pixmap.data_mut().chunks_mut(row_bytes * band as usize).enumerate() {
            let rows_in_band = (rows.len() / row_bytes) as u32;
            let mut target = PixmapMut::from_bytes(rows, width, rows_in_band)
                .expect("a band is a whole number of non-empty rows");
            painter.paint(page, &mut target, index as u32 * band)?;
        }
        Ok(pixmap)
    }
}

/// The image size of `page` at `scale`, or why it cannot be rendered.
fn checked_size(page: &Page, scale: f32) -> Result<(u32, u32), RenderError> {
    let positive = |v: f32| v > 0.0 && v.is_finite();
    if !positive(page.width) || !positive(page.height) {
        return Err(RenderError::PageSize { width: page.width, height: page.height });
    }
    if !positive(scale) {
        return Err(RenderError::Scale(scale));
    }
    pixel_size(page, scale).map_err(|(width, height)| RenderError::TooLarge {
        width,
        height,
        scale,
        max_scale: max_scale(page),
    })
}

/// `ceil(size × scale)` per side, or that size when it exceeds the limits.
fn pixel_size(page: &Page, scale: f32) -> Result<(u32, u32), (u32, u32)> {
    // Float noise such as 1080.0001 must not add a row of background.
    let side = |pt: f32| ((pt as f64 * scale as f64) - 1e-4).ceil().clamp(1.0, u32::MAX as f64);
    let (width, height) = (side(page.width) as u32, side(page.height) as u32);
    let fits = width <= MAX_SIDE
        && height <= MAX_SIDE
        && u64::from(width) * u64::from(height) <= MAX_PIXELS;
    if fits {
        Ok((width, height))
    } else {
        Err((width, height))
    }
}

/// The RGB bytes of an opaque pixmap (its alpha is always 255: the background is
/// opaque and everything is painted over it, so premultiplied and straight colour are
/// the same).
fn rgb_of(pixmap: &Pixmap) -> Vec<u8> {
    let data = pixmap.data();
    let mut rgb = Vec::with_capacity(data.len() / 4 * 3);
    for px in data.chunks_exact(4) {
        rgb.extend_from_slice(&px[..3]);
    }
    rgb
}

/// Encodes a whole pixmap as [`render_png`] does (tests).
#[cfg(test)]
fn encode_png(pixmap: &Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    let (send, receive) = std::sync::mpsc::sync_channel(1);
    send.send(rgb_of(pixmap)).expect("the receiver is alive");
    drop(send);
    encode_rows(pixmap.width(), pixmap.height(), receive)
}

/// Encodes the RGB rows arriving on `bands` as one `width` × `height` PNG.
///
/// Deflate level 2 with unfiltered rows. Measured on qianshan's long PNG (1080 × 14 649
/// px, release build, a loaded 2-core machine): level 2 unfiltered 1.67 MB in 70 ms;
/// level 6 unfiltered 1.38 MB in 270 ms; level 1 2.5 MB in 86 ms; the `Sub` and `Up`
/// filters are 10–20 % larger than no filter on flat colour and text at every level.
fn encode_rows(
    width: u32,
    height: u32,
    bands: std::sync::mpsc::Receiver<Vec<u8>>,
) -> Result<Vec<u8>, png::EncodingError> {
    use std::io::Write;
    let mut out = Vec::with_capacity(width as usize * height as usize / 8);
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_deflate_compression(png::DeflateCompression::Level(2));
    encoder.set_filter(png::Filter::NoFilter);
    let mut writer = encoder.write_header()?;
    let mut stream = writer.stream_writer_with_size(1 << 18)?;
    for rows in bands {
        stream.write_all(&rows)?;
    }
    stream.finish()?;
    writer.finish()?;
    Ok(out)
}

/// The opaque tiny-skia colour of `rgb`.
fn color(rgb: Rgb) -> Color {
    Color::from_rgba8(rgb.0, rgb.1, rgb.2, 255)
}
