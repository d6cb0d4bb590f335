//! JPEG import. The bytes are kept untouched (the certified copy embeds them as they are), so
//! this module only reads the headers and then decodes once, under the limits, to prove the
//! file is a whole, readable image before a clerk certifies it.

use super::pixels;
use crate::error::CaptureError;
use crate::limits::Limits;
use crate::page::ScanPage;

/// What the headers before the first scan say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct JpegHeader {
    pub width: u32,
    pub height: u32,
    pub components: u8,
    /// From the JFIF APP0 density, when it is given in dots per inch or per centimetre.
    pub dpi: Option<u32>,
    /// Offset of the first SOS marker: entropy-coded data starts after it.
    pub scan_start: usize,
}

/// Why the headers could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HeaderError {
    /// The data ends inside the headers.
    Truncated,
    /// Not a JPEG, or a malformed one.
    Invalid(&'static str),
}

/// Walks the marker segments up to the first SOS. Never reads past the slice.
pub(crate) fn parse_header(bytes: &[u8]) -> Result<JpegHeader, HeaderError> {
    if bytes.len() < 4 || bytes[0] != 0xFF || bytes[1] != 0xD8 {
        return Err(HeaderError::Invalid("no SOI marker"));
    }
    let mut pos = 2;
    let mut frame: Option<(u32, u32, u8)> = None;
    let mut dpi = None;
    loop {
        // Markers may be preceded by any number of 0xFF fill bytes.
        while bytes.get(pos) == Some(&0xFF) && bytes.get(pos + 1) == Some(&0xFF) {
            pos += 1;
        }
        let (Some(&0xFF), Some(&marker)) = (bytes.get(pos), bytes.get(pos + 1)) else {
            return Err(if pos + 1 >= bytes.len() {
                HeaderError::Truncated
            } else {
                HeaderError::Invalid("marker expected")
            });
        };
        pos += 2;
        // Standalone markers carry no length.
        if marker == 0x01 || (0xD0..=0xD7).contains(&marker) {
            continue;
        }
        if marker == 0xD9 {
            return Err(HeaderError::Invalid("image ends before any scan"));
        }
        let len = match (bytes.get(pos), bytes.get(pos + 1)) {
            (Some(&hi), Some(&lo)) => usize::from(u16::from_be_bytes([hi, lo])),
            _ => return Err(HeaderError::Truncated),
        };
        if len < 2 {
            return Err(HeaderError::Invalid("segment length"));
        }
        let body = bytes
            .get(pos + 2..pos + len)
            .ok_or(HeaderError::Truncated)?;
        match marker {
            // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
            0xC0..=0xCF if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                if body.len() < 6 {
                    return Err(HeaderError::Invalid("short frame header"));
                }
                let height = u32::from(u16::from_be_bytes([body[1], body[2]]));
                let width = u32::from(u16::from_be_bytes([body[3], body[4]]));
                frame = Some((width, height, body[5]));
            }
            0xE0 if body.len() >= 12 && body.starts_with(b"JFIF\0") => {
                let density = u32::from(u16::from_be_bytes([body[8], body[9]]));
                dpi = match body[7] {
                    1 => Some(density),
                    2 => Some((f64::from(density) * 2.54).round() as u32),
                    _ => None,
                }
                .filter(|&d| d > 0);
            }
            0xDA => {
                let (width, height, components) =
                    frame.ok_or(HeaderError::Invalid("scan before frame header"))?;
                return Ok(JpegHeader {
                    width,
                    height,
                    components,
                    dpi,
                    scan_start: pos + len,
                });
            }
            _ => {}
        }
        pos += len;
    }
}

/// True when an EOI marker follows the first scan. Inside entropy-coded data a 0xFF byte is
/// always stuffed (FF 00) or a restart marker, so FF D9 there is the real end of the image;
/// a file cut off in transfer has none.
fn has_end_marker(bytes: &[u8], scan_start: usize) -> bool {
    bytes
        .get(scan_start..)
        .is_some_and(|data| data.windows(2).any(|w| w == [0xFF, 0xD9]))
}

/// Imports one JPEG file. Gray and YCbCr JPEGs keep their bytes; CMYK ones (rare from
/// scanners, and needing inverted-Adobe handling in PDF viewers) become RGB pixels.
pub(crate) fn import(bytes: &[u8], file: &str, limits: &Limits) -> Result<ScanPage, CaptureError> {
    let header = parse_header(bytes).map_err(|e| match e {
        HeaderError::Truncated => CaptureError::Truncated {
            file: file.to_owned(),
        },
        HeaderError::Invalid(why) => CaptureError::Corrupt {
            file: file.to_owned(),
            detail: why.to_owned(),
        },
    })?;
    // Components sized as decoded RGB(A), so the allocation check holds for the real buffer.
    limits.check_dimensions(
        file,
        u64::from(header.width),
        u64::from(header.height),
        u64::from(header.components.max(3)),
    )?;
    if !has_end_marker(bytes, header.scan_start) {
        return Err(CaptureError::Truncated {
            file: file.to_owned(),
        });
    }
    let decoded = pixels::decode(bytes, image::ImageFormat::Jpeg, file, limits)?;
    let dpi = header.dpi.unwrap_or(super::DEFAULT_DPI);
    match header.components {
        1 | 3 => Ok(ScanPage::jpeg(
            bytes.to_vec(),
            header.width,
            header.height,
            dpi,
        )),
        _ => pixels::page_from_image(decoded, dpi, file),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_is_not_a_jpeg() {
        assert_eq!(
            parse_header(b"hello"),
            Err(HeaderError::Invalid("no SOI marker"))
        );
        assert_eq!(
            parse_header(&[0xFF, 0xD8, 0xFF, 0xE0, 0x00]),
            Err(HeaderError::Truncated)
        );
    }
}
