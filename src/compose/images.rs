//! Images from the YAML (PNG, JPEG) → placed [`Figure`]s.
//!
//! * EXIF orientation is respected (a photo taken upright shows upright);
//! * a JPEG that needs neither rotation nor downsampling is embedded byte for byte,
//!   never re-encoded;
//! * an image with more pixels than 300 dpi at its placed size is downsampled to 300 dpi
//!   (Lanczos3), JPEG re-encoded at quality 90, PNG kept lossless;
//! * a missing or corrupt file is an error naming the path and the YAML line.

use std::io::Cursor;
use std::path::PathBuf;
use std::sync::Arc;

use image::codecs::jpeg::JpegEncoder;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};

use super::tree::{Figure, Src};
use crate::model::ImageRef;
use crate::style::PT_PER_MM;

/// The resolution images are kept at, at their placed size.
pub const MAX_DPI: f32 = 300.0;

/// Why an image could not be used.
#[derive(Debug, thiserror::Error)]
#[error("图片 {path}（第 {line} 行）：{zh} / image {path} (line {line}): {en}")]
pub struct ImageError {
    /// The file.
    pub path: PathBuf,
    /// YAML line of the image block.
    pub line: u32,
    /// Reason in Chinese.
    pub zh: String,
    /// Reason in English.
    pub en: String,
}

/// Load, orient and downsample an image for a box at most `max_width_pt` wide.
pub fn load_figure(img: &ImageRef, max_width_pt: f32) -> Result<Figure, ImageError> {
    let fail =
        |zh: String, en: String| ImageError { path: img.path.clone(), line: img.line, zh, en };
    let bytes = std::fs::read(&img.path)
        .map_err(|e| fail(format!("无法读取（{e}）"), format!("cannot read it ({e})")))?;
    let width = img.width_mm.map(|mm| mm * PT_PER_MM).unwrap_or(max_width_pt).min(max_width_pt);
    prepare(bytes, width, Src::at(img.line), img.caption.clone()).map_err(|(zh, en)| fail(zh, en))
}

/// The pipeline on bytes (separate for tests).
fn prepare(
    bytes: Vec<u8>,
    width_pt: f32,
    src: Src,
    caption: Option<String>,
) -> Result<Figure, (String, String)> {
    let corrupt = |e: image::ImageError| {
        (
            format!("文件已损坏或不是 PNG/JPEG 图片（{e}）"),
            format!("corrupt or not a PNG/JPEG image ({e})"),
        )
    };
    let reader = ImageReader::new(Cursor::new(&bytes))
        .with_guessed_format()
        .map_err(|e| (format!("无法识别格式（{e}）"), format!("cannot detect the format ({e})")))?;
    let format = reader.format();
    let jpeg = match format {
        Some(ImageFormat::Jpeg) => true,
        Some(ImageFormat::Png) => false,
        _ => {
            return Err((
                "只支持 PNG 和 JPEG 图片".into(),
                "only PNG and JPEG images are supported".into(),
            ))
        }
    };
    let mut decoder = reader.into_decoder().map_err(corrupt)?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut pixels = DynamicImage::from_decoder(decoder).map_err(corrupt)?;
    let max_px = (width_pt / 72.0 * MAX_DPI).ceil() as u32;
    let upright = orientation == Orientation::NoTransforms;
    if upright && pixels.width() <= max_px {
        let size = (pixels.width(), pixels.height());
        return Ok(Figure {
            data: Arc::new(bytes),
            jpeg,
            pixels: size,
            width: width_pt,
            caption,
            src,
        });
    }
    pixels.apply_orientation(orientation);
    if pixels.width() > max_px {
        let h = (pixels.height() as f64 * max_px as f64 / pixels.width() as f64).round().max(1.0);
        pixels = pixels.resize_exact(max_px, h as u32, image::imageops::FilterType::Lanczos3);
    }
    let size = (pixels.width(), pixels.height());
    let mut out = Vec::new();
    let written = if jpeg {
        JpegEncoder::new_with_quality(&mut out, 90).encode_image(&pixels.to_rgb8())
    } else {
        pixels.write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
    };
    written.map_err(|e| (format!("无法重新编码（{e}）"), format!("cannot re-encode it ({e})")))?;
    Ok(Figure { data: Arc::new(out), jpeg, pixels: size, width: width_pt, caption, src })
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgb, RgbImage};

    fn jpeg(w: u32, h: u32) -> Vec<u8> {
        let img = RgbImage::from_fn(w, h, |x, _| Rgb([(x % 256) as u8, 80, 160]));
        let mut out = Vec::new();
        JpegEncoder::new_with_quality(&mut out, 85).encode_image(&img).unwrap();
        out
    }

    fn png(w: u32, h: u32) -> Vec<u8> {
        let img = RgbImage::from_fn(w, h, |x, y| Rgb([x as u8, y as u8, 0]));
        let mut out = Vec::new();
        img.write_to(&mut Cursor::new(&mut out), ImageFormat::Png).unwrap();
        out
    }

    /// Insert an EXIF APP1 segment with the given orientation after the SOI marker.
    fn with_orientation(jpeg: &[u8], orientation: u16) -> Vec<u8> {
        let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
        tiff.extend_from_slice(&1u16.to_be_bytes()); // one IFD entry
        tiff.extend_from_slice(&0x0112u16.to_be_bytes()); // Orientation
        tiff.extend_from_slice(&3u16.to_be_bytes()); // SHORT
        tiff.extend_from_slice(&1u32.to_be_bytes());
        tiff.extend_from_slice(&orientation.to_be_bytes());
        tiff.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
        let mut app1 = b"Exif\0\0".to_vec();
        app1.extend(tiff);
        let mut out = jpeg[..2].to_vec();
        out.extend_from_slice(&[0xFF, 0xE1]);
        out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
        out.extend(app1);
        out.extend_from_slice(&jpeg[2..]);
        out
    }

    #[test]
    fn small_jpeg_is_embedded_byte_for_byte() {
        let bytes = jpeg(400, 300);
        let fig = prepare(bytes.clone(), 200.0, Src::at(3), None).unwrap();
        assert!(fig.jpeg);
        assert_eq!(*fig.data, bytes);
        assert_eq!(fig.pixels, (400, 300));
    }

    #[test]
    fn oversized_image_is_downsampled_to_300_dpi() {
        // 100 pt wide → 300 dpi is 417 px.
        let fig = prepare(png(2000, 1000), 100.0, Src::at(1), None).unwrap();
        assert!(!fig.jpeg);
        assert_eq!(fig.pixels, (417, 209));
        let fig = prepare(jpeg(2000, 1000), 100.0, Src::at(1), None).unwrap();
        assert!(fig.jpeg && fig.pixels.0 == 417);
        assert!(image::load_from_memory(&fig.data).is_ok());
    }

    #[test]
    fn exif_orientation_is_applied() {
        // Orientation 6: rotate 90° clockwise → width and height swap.
        let fig = prepare(with_orientation(&jpeg(400, 300), 6), 400.0, Src::at(1), None).unwrap();
        assert_eq!(fig.pixels, (300, 400));
    }

    #[test]
    fn corrupt_and_unsupported_files_are_errors() {
        let (zh, en) =
            prepare(b"\xFF\xD8\xFF\xE0garbage".to_vec(), 100.0, Src::at(1), None).unwrap_err();
        assert!(zh.contains("损坏") && en.contains("corrupt"), "{zh} / {en}");
        let (zh, _) = prepare(b"GIF89a....".to_vec(), 100.0, Src::at(1), None).unwrap_err();
        assert!(zh.contains("PNG 和 JPEG"), "{zh}");
        let img =
            ImageRef { path: "/nonexistent/x.png".into(), caption: None, width_mm: None, line: 42 };
        let e = load_figure(&img, 100.0).unwrap_err().to_string();
        assert!(
            e.contains("/nonexistent/x.png") && e.contains("第 42 行") && e.contains("line 42"),
            "{e}"
        );
    }
}
