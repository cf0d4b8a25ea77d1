//! What can go wrong while rendering a page, in terms of the page (sizes, fonts,
//! images).

use super::{MAX_PIXELS, MAX_SIDE};
use crate::fonts::FontId;

/// Why a page could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The page's width or height is not a positive number.
    #[error("invalid page size {width} × {height} pt")]
    PageSize {
        /// The width given, in pt.
        width: f32,
        /// The height given, in pt.
        height: f32,
    },
    /// [`RenderOptions::scale`](super::RenderOptions) is not a positive number.
    #[error("invalid scale {0} px per pt: it must be a positive number")]
    Scale(f32),
    /// The image would exceed [`MAX_SIDE`] px a side or [`MAX_PIXELS`] px in all.
    #[error(
        "the page would be {width} × {height} px at scale {scale}, more than an image can \
         safely be ({MAX_SIDE} px a side, {} megapixels); render it at scale {max_scale} or \
         less, or split it into shorter pages",
        MAX_PIXELS >> 20
    )]
    TooLarge {
        /// Image width in px at the requested scale.
        width: u32,
        /// Image height in px at the requested scale.
        height: u32,
        /// The requested scale, px per pt.
        scale: f32,
        /// The largest scale at which the page fits (see [`max_scale`](super::max_scale)).
        max_scale: f32,
    },
    /// A font face could not be parsed.
    #[error("font #{} cannot be read: {message}", .font.0)]
    Font {
        /// The face in the [`FontBook`](crate::fonts::FontBook).
        font: FontId,
        /// The parser's message.
        message: String,
    },
    /// An embedded image could not be decoded.
    #[error(
        "cannot decode the {format} image placed at ({x}, {y}) pt (item {item} of the page): \
         {message}"
    )]
    Image {
        /// Index of the image in [`Page::items`](crate::layout::frame::Page).
        item: usize,
        /// The format the layout declared: `PNG` or `JPEG`.
        format: &'static str,
        /// Left edge of the placed image, in pt.
        x: f32,
        /// Top edge of the placed image, in pt.
        y: f32,
        /// The decoder's message.
        message: String,
    },
    /// The PNG encoder failed.
    #[error("cannot encode the PNG: {0}")]
    Encode(String),
}
