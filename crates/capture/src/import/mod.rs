//! File import: JPEG, PNG, TIFF and PDF in, [`ScanPage`]s out. The format is taken from the
//! file's first bytes, never its name (a `.jpg` saved as PNG by a phone is common). Every size
//! the file declares is checked against [`Limits`] before anything is decoded.

pub(crate) mod jpeg;
mod pdf;
mod pixels;
mod png;
mod render;
mod tiff;

use crate::error::{display_name, CaptureError};
use crate::limits::Limits;
use crate::page::ScanPage;
use std::io::Read;
use std::path::Path;

/// Resolution assumed when a file does not state one.
pub const DEFAULT_DPI: u32 = 300;

/// The formats this crate imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// JPEG (JFIF or Exif).
    Jpeg,
    /// PNG.
    Png,
    /// TIFF, little- or big-endian, one or many pages.
    Tiff,
    /// PDF.
    Pdf,
}

/// Recognises the format from the magic bytes at the start of a file.
pub fn sniff(bytes: &[u8]) -> Option<FileKind> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(FileKind::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(FileKind::Png)
    } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        Some(FileKind::Tiff)
    } else if bytes
        .get(..1024)
        .unwrap_or(bytes)
        .windows(5)
        .any(|w| w == b"%PDF-")
    {
        // PDF allows junk before the header within the first 1024 bytes.
        Some(FileKind::Pdf)
    } else {
        None
    }
}

/// Reads and imports a file. Its size is checked before it is read.
pub fn import_file(path: &Path, limits: &Limits) -> Result<Vec<ScanPage>, CaptureError> {
    let file = display_name(path);
    let io = |e: std::io::Error| CaptureError::Io {
        file: file.clone(),
        detail: e.to_string(),
    };
    let handle = std::fs::File::open(path).map_err(io)?;
    let size = handle.metadata().map_err(io)?.len();
    limits.check_file_size(&file, size)?;
    // `take` guards against a file that grows between the size check and the read.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    handle
        .take(limits.max_file_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    limits.check_file_size(&file, bytes.len() as u64)?;
    import(&bytes, Some(path), &file, limits)
}

/// Imports a file already in memory; `name` is only used in error messages.
pub fn import_bytes(
    bytes: &[u8],
    name: &str,
    limits: &Limits,
) -> Result<Vec<ScanPage>, CaptureError> {
    limits.check_file_size(name, bytes.len() as u64)?;
    import(bytes, None, name, limits)
}

fn import(
    bytes: &[u8],
    path: Option<&Path>,
    file: &str,
    limits: &Limits,
) -> Result<Vec<ScanPage>, CaptureError> {
    match sniff(bytes) {
        Some(FileKind::Jpeg) => Ok(vec![jpeg::import(bytes, file, limits)?]),
        Some(FileKind::Png) => Ok(vec![png::import(bytes, file, limits)?]),
        Some(FileKind::Tiff) => tiff::import(bytes, file, limits),
        Some(FileKind::Pdf) => pdf::import(bytes, path, file, limits),
        None if bytes.is_empty() => Err(CaptureError::Truncated {
            file: file.to_owned(),
        }),
        None => Err(CaptureError::UnsupportedFormat {
            file: file.to_owned(),
        }),
    }
}

/// Decodes scanner output (a PNG written by `scanimage`) under the limits.
pub(crate) fn scanned_png(
    bytes: &[u8],
    file: &str,
    limits: &Limits,
) -> Result<ScanPage, CaptureError> {
    png::import(bytes, file, limits)
}

/// Decodes a JPEG page for its thumbnail, under the limits.
pub(crate) fn decode_jpeg(
    bytes: &[u8],
    limits: &Limits,
) -> Result<image::DynamicImage, CaptureError> {
    pixels::decode(bytes, image::ImageFormat::Jpeg, "", limits)
}
