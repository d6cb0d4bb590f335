//! PNG import: decoded to 8-bit gray or RGB (lossless for the 8-bit files scanners write).
//! The IHDR chunk is read by hand first, so a tiny file declaring a gigapixel image is refused
//! before the decoder allocates anything.

use super::pixels;
use crate::error::CaptureError;
use crate::limits::Limits;
use crate::page::ScanPage;

const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// Width, height and decoded bytes per pixel from IHDR.
fn header(bytes: &[u8], file: &str) -> Result<(u32, u32, u64), CaptureError> {
    let corrupt = |detail: &str| CaptureError::Corrupt {
        file: file.to_owned(),
        detail: detail.to_owned(),
    };
    if !bytes.starts_with(SIGNATURE) {
        return Err(corrupt("no PNG signature"));
    }
    let ihdr = bytes.get(8..33).ok_or_else(|| CaptureError::Truncated {
        file: file.to_owned(),
    })?;
    if &ihdr[4..8] != b"IHDR" {
        return Err(corrupt("first chunk is not IHDR"));
    }
    let width = u32::from_be_bytes([ihdr[8], ihdr[9], ihdr[10], ihdr[11]]);
    let height = u32::from_be_bytes([ihdr[12], ihdr[13], ihdr[14], ihdr[15]]);
    let (depth, color) = (ihdr[16], ihdr[17]);
    let samples: u64 = match color {
        0 => 1,
        2 => 3,
        3 | 6 => 4, // palette images are expanded to RGBA
        4 => 2,
        _ => return Err(corrupt("unknown color type")),
    };
    let sample_bytes = if depth == 16 { 2 } else { 1 };
    Ok((width, height, samples * sample_bytes))
}

/// Chunks as (type, data), stopping quietly at the first one that runs past the end.
fn chunks(bytes: &[u8]) -> impl Iterator<Item = (&[u8], &[u8])> {
    let mut pos = SIGNATURE.len();
    std::iter::from_fn(move || {
        let len = bytes.get(pos..pos + 4)?;
        let len = u32::from_be_bytes([len[0], len[1], len[2], len[3]]) as usize;
        let kind = bytes.get(pos + 4..pos + 8)?;
        let data = bytes.get(pos + 8..(pos + 8).checked_add(len)?)?;
        pos = pos + 12 + len;
        Some((kind, data))
    })
}

/// Resolution from pHYs when its unit is the metre.
fn dpi(bytes: &[u8]) -> Option<u32> {
    let (_, data) = chunks(bytes).find(|(kind, _)| *kind == b"pHYs")?;
    if data.len() < 9 || data[8] != 1 {
        return None;
    }
    let per_metre = u32::from_be_bytes([data[0], data[1], data[2], data[3]]);
    let dpi = (f64::from(per_metre) * 0.0254).round() as u32;
    (dpi > 0).then_some(dpi)
}

/// Imports one PNG file.
pub(crate) fn import(bytes: &[u8], file: &str, limits: &Limits) -> Result<ScanPage, CaptureError> {
    let (width, height, bpp) = header(bytes, file)?;
    // Room for the decoded buffer plus the 8-bit copy made from it.
    limits.check_dimensions(file, u64::from(width), u64::from(height), bpp + 3)?;
    // A file cut off in transfer never reaches IEND; say so instead of "damaged".
    if !chunks(bytes).any(|(kind, _)| kind == b"IEND") {
        return Err(CaptureError::Truncated {
            file: file.to_owned(),
        });
    }
    let image = pixels::decode(bytes, image::ImageFormat::Png, file, limits)?;
    pixels::page_from_image(image, dpi(bytes).unwrap_or(super::DEFAULT_DPI), file)
}
