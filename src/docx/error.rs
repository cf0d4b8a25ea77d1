//! What can go wrong while writing a DOCX.

use crate::fonts::FontError;

/// Why a DOCX could not be written.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    /// A character has no glyph in any font, or a font could not be read (the same
    /// errors the PDF layout reports, with the YAML line).
    #[error(transparent)]
    Font(#[from] FontError),
    /// docx-rs wrote a part we could not parse back (a bug in docx-rs or here).
    #[error("DOCX 内部错误 / internal DOCX error: {0}")]
    Xml(#[from] super::xml::XmlError),
    /// docx-rs failed to serialize a part.
    #[error("DOCX 内部错误 / internal DOCX error: docx-rs could not write `{part}`: {message}")]
    Build {
        /// The part.
        part: String,
        /// What docx-rs said.
        message: String,
    },
    /// The ZIP package could not be written.
    #[error("无法写入 DOCX 压缩包 / cannot write the DOCX package: {0}")]
    Zip(#[from] zip::result::ZipError),
}
