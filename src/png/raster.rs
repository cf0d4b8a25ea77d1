//! Embedded images: decoded with the `image` crate and resampled once to the pixel size
//! they cover, so that placing them is (nearly) a copy.
//!
//! Resampling happens before placing because tiny-skia filters only the four or sixteen
//! nearest pixels: a chart drawn at twice the target size and shrunk by the painter
//! alone would alias (thin lines breaking up). Catmull-Rom keeps edges sharp without
//! Lanczos' ringing, and works on premultiplied colour so that transparent pixels do
//! not bleed their (meaningless) colour into the edges.

use image::imageops::{self, FilterType};
use image::{ImageFormat, RgbaImage};
use tiny_skia::{IntSize, Pixmap};

use super::{MAX_PIXELS, MAX_SIDE};
use crate::layout::frame::ImageItem;

/// Decodes `item` and resamples it to `width` × `height` px (within the limits of
/// [`fit`]). Errors carry the decoder's message.
pub(super) fn decode(item: &ImageItem, width: u32, height: u32) -> Result<Pixmap, String> {
    let format = if item.jpeg { ImageFormat::Jpeg } else { ImageFormat::Png };
    let mut rgba = image::load_from_memory_with_format(&item.data, format)
        .map_err(|err| err.to_string())?
        .into_rgba8();
    premultiply(&mut rgba);
    let (width, height) = fit(width, height);
    if rgba.dimensions() != (width, height) {
        rgba = imageops::resize(&rgba, width, height, FilterType::CatmullRom);
        // Catmull-Rom overshoots at edges; premultiplied colour must not exceed alpha.
        clamp_to_alpha(&mut rgba);
    }
    let size = IntSize::from_wh(width, height).expect("sides are at least 1 px");
    Ok(Pixmap::from_vec(rgba.into_raw(), size).expect("an RGBA buffer of that size"))
}

/// `width` × `height` shrunk, if need be, to at most [`MAX_SIDE`] a side and
/// [`MAX_PIXELS`] in all (the painter stretches the rest), and at least 1 px a side.
fn fit(width: u32, height: u32) -> (u32, u32) {
    let (width, height) = (width.clamp(1, MAX_SIDE), height.clamp(1, MAX_SIDE));
    let area = u64::from(width) * u64::from(height);
    if area <= MAX_PIXELS {
        return (width, height);
    }
    let shrink = (MAX_PIXELS as f64 / area as f64).sqrt();
    let side = |v: u32| ((f64::from(v) * shrink) as u32).max(1);
    (side(width), side(height))
}

/// Multiplies each pixel's colour by its alpha (tiny-skia's pixel format).
fn premultiply(image: &mut RgbaImage) {
    for px in image.pixels_mut() {
        let alpha = u16::from(px[3]);
        if alpha < 255 {
            for channel in &mut px.0[..3] {
                *channel = ((u16::from(*channel) * alpha + 127) / 255) as u8;
            }
        }
    }
}

/// Caps each colour channel at the pixel's alpha.
fn clamp_to_alpha(image: &mut RgbaImage) {
    for px in image.pixels_mut() {
        let alpha = px[3];
        for channel in &mut px.0[..3] {
            *channel = (*channel).min(alpha);
        }
    }
}
