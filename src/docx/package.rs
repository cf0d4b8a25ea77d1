//! The OPC package: a ZIP file whose bytes depend only on its parts.
//!
//! Every entry gets the same timestamp (1980-01-01 00:00, the earliest a ZIP can
//! say), the same permissions and compression, no extra fields, and the entries are
//! written in the order given (`[Content_Types].xml` first, as ISO/IEC 29500-2 §10.1.2
//! recommends for streaming readers).
//!
//! Deflating the embedded fonts is most of the work of writing a DOCX, so the parts
//! are compressed on two threads, each part into an archive of its own, and the
//! compressed entries are then copied unchanged into the package in the given order.
//! A part's compressed bytes do not depend on the thread that made them, so the
//! package is the same whatever the scheduling.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

use super::DocxError;

/// Threads that compress parts.
const WORKERS: usize = 2;

/// Zip `parts` (`(name, bytes)`, in order) with deflate at `level` (0 = store).
pub(crate) fn zip(parts: Vec<(String, Vec<u8>)>, level: u8) -> Result<Vec<u8>, DocxError> {
    let options = options(level);
    // Largest parts first, each to the worker with the least work so far.
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(parts[i].1.len()), i));
    let mut load = [0usize; WORKERS];
    let mut assigned: [Vec<usize>; WORKERS] = Default::default();
    for i in order {
        let w = (0..WORKERS).min_by_key(|&w| load[w]).unwrap_or(0);
        load[w] += parts[i].1.len();
        assigned[w].push(i);
    }
    let mut single: Vec<Option<Vec<u8>>> = vec![None; parts.len()];
    std::thread::scope(|scope| -> Result<(), DocxError> {
        let handles: Vec<_> = assigned
            .iter()
            .map(|indices| {
                let parts = &parts;
                scope.spawn(move || -> Result<Vec<(usize, Vec<u8>)>, DocxError> {
                    indices.iter().map(|&i| Ok((i, archive_of(&parts[i], options)?))).collect()
                })
            })
            .collect();
        for handle in handles {
            let done = handle.join().expect("a compression thread panicked")?;
            for (i, bytes) in done {
                single[i] = Some(bytes);
            }
        }
        Ok(())
    })?;
    let size: usize = single.iter().flatten().map(Vec::len).sum();
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(size + 4096)));
    for bytes in single.into_iter().flatten() {
        zip.merge_archive(ZipArchive::new(Cursor::new(bytes))?)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// The options of every entry.
fn options(level: u8) -> SimpleFileOptions {
    let options = SimpleFileOptions::default()
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    if level == 0 {
        options.compression_method(CompressionMethod::Stored)
    } else {
        options
            .compression_method(CompressionMethod::Deflated)
            .compression_level(Some(i64::from(level.min(9))))
    }
}

/// A ZIP archive holding just `part`.
fn archive_of(
    (name, bytes): &(String, Vec<u8>),
    options: SimpleFileOptions,
) -> Result<Vec<u8>, DocxError> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(bytes.len() / 2 + 256)));
    zip.start_file(name.as_str(), options)?;
    zip.write_all(bytes).map_err(zip::result::ZipError::Io)?;
    Ok(zip.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn parts_keep_their_order_and_content() {
        let parts: Vec<(String, Vec<u8>)> = (0..7)
            .map(|i| (format!("part{i}.xml"), vec![b'a' + i as u8; 1000 * (7 - i)]))
            .collect();
        let bytes = zip(parts.clone(), 3).unwrap();
        assert_eq!(bytes, zip(parts.clone(), 3).unwrap(), "deterministic");
        let mut archive = ZipArchive::new(Cursor::new(bytes)).unwrap();
        for (i, (name, data)) in parts.iter().enumerate() {
            let mut file = archive.by_index(i).unwrap();
            assert_eq!(file.name(), name);
            let mut got = Vec::new();
            file.read_to_end(&mut got).unwrap();
            assert_eq!(&got, data);
        }
    }
}
