//! The OPC package: a ZIP file whose bytes depend only on its parts.
//!
//! Every entry gets the same timestamp (1980-01-01 00:00, the earliest a ZIP can
//! say), no extra fields, the same permissions and compression, and the entries are
//! written in the order given (`[Content_Types].xml` first, as ISO/IEC 29500-2 §10.1.2
//! recommends for streaming readers).

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::DocxError;

/// Zip `parts` (`(name, bytes)`, in order) with deflate at `level` (0 = store).
pub(crate) fn zip(parts: Vec<(String, Vec<u8>)>, level: u8) -> Result<Vec<u8>, DocxError> {
    let size: usize = parts.iter().map(|(_, b)| b.len()).sum();
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(size / 2 + 1024)));
    let options = SimpleFileOptions::default()
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    let options = if level == 0 {
        options.compression_method(CompressionMethod::Stored)
    } else {
        options
            .compression_method(CompressionMethod::Deflated)
            .compression_level(Some(i64::from(level.min(9))))
    };
    for (name, bytes) in parts {
        zip.start_file(name, options)?;
        zip.write_all(&bytes).map_err(zip::result::ZipError::Io)?;
    }
    Ok(zip.finish()?.into_inner())
}
