//! TIFF import, every page of a multi-page file (scanner software often saves a whole feeder
//! run as one TIFF). Read with the `tiff` crate directly because the `image` crate only sees
//! the first page and hides the resolution tags.

use super::pixels;
use crate::error::CaptureError;
use crate::limits::Limits;
use crate::page::ScanPage;
use ::tiff::decoder::ifd::Value;
use ::tiff::decoder::{Decoder, DecodingResult};
use ::tiff::tags::Tag;
use ::tiff::ColorType;
use std::io::Cursor;

fn tiff_error(e: ::tiff::TiffError, file: &str) -> CaptureError {
    let file = file.to_owned();
    match e {
        ::tiff::TiffError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            CaptureError::Truncated { file }
        }
        ::tiff::TiffError::LimitsExceeded => CaptureError::ImageTooLarge {
            file,
            width: 0,
            height: 0,
            max_megapixels: Limits::default().max_pixels / 1_000_000,
        },
        ::tiff::TiffError::UnsupportedError(_) => CaptureError::UnsupportedFormat { file },
        other => CaptureError::Corrupt {
            file,
            detail: other.to_string(),
        },
    }
}

/// Imports every page of a TIFF file.
pub(crate) fn import(
    bytes: &[u8],
    file: &str,
    limits: &Limits,
) -> Result<Vec<ScanPage>, CaptureError> {
    let err = |e| tiff_error(e, file);
    let mut decoder = Decoder::new(Cursor::new(bytes))
        .map_err(err)?
        .with_limits(limits.tiff_limits());
    let mut pages = Vec::new();
    loop {
        limits.check_pages(file, pages.len() + 1)?;
        pages.push(page(&mut decoder, file, limits)?);
        if !decoder.more_images() {
            return Ok(pages);
        }
        decoder.next_image().map_err(err)?;
    }
}

/// The current page of the decoder.
fn page(
    decoder: &mut Decoder<Cursor<&[u8]>>,
    file: &str,
    limits: &Limits,
) -> Result<ScanPage, CaptureError> {
    let err = |e| tiff_error(e, file);
    let (width, height) = decoder.dimensions().map_err(err)?;
    let color = decoder.colortype().map_err(err)?;
    let (samples, bits) = match color {
        ColorType::Gray(b) => (1, b),
        ColorType::GrayA(b) => (2, b),
        ColorType::RGB(b) => (3, b),
        ColorType::RGBA(b) => (4, b),
        _ => {
            return Err(CaptureError::UnsupportedFormat {
                file: file.to_owned(),
            })
        }
    };
    // Decoded buffer (up to 2 bytes a sample) plus the 8-bit copy.
    limits.check_dimensions(file, u64::from(width), u64::from(height), samples * 2 + 3)?;
    let dpi = dpi(decoder).unwrap_or(super::DEFAULT_DPI);
    let (w, h) = (width as usize, height as usize);
    let eight_bit: Vec<u8> = match (decoder.read_image().map_err(err)?, bits) {
        (DecodingResult::U8(data), 8) => data,
        (DecodingResult::U8(data), 1) if samples == 1 => unpack_bilevel(&data, w, h),
        (DecodingResult::U16(data), 16) => data.iter().map(|&v| (v >> 8) as u8).collect(),
        _ => {
            return Err(CaptureError::UnsupportedFormat {
                file: file.to_owned(),
            })
        }
    };
    let expected = w * h * samples as usize;
    if eight_bit.len() < expected {
        return Err(CaptureError::Truncated {
            file: file.to_owned(),
        });
    }
    let (data, channels) = match samples {
        1 | 3 => (eight_bit[..expected].to_vec(), samples as u8),
        _ => (
            pixels::flatten(&eight_bit[..expected], samples as usize - 1),
            samples as u8 - 1,
        ),
    };
    ScanPage::pixels(data, channels, width, height, dpi).map_err(|_| CaptureError::Corrupt {
        file: file.to_owned(),
        detail: "decoded buffer has the wrong size".to_owned(),
    })
}

/// 1-bit rows (each padded to a whole byte, 1 = white after the decoder's photometric fix)
/// to 0/255 bytes.
fn unpack_bilevel(packed: &[u8], width: usize, height: usize) -> Vec<u8> {
    let row_bytes = width.div_ceil(8);
    let mut out = Vec::with_capacity(width * height);
    for row in packed.chunks(row_bytes).take(height) {
        out.extend((0..width).map(|x| {
            let bit = row.get(x / 8).is_some_and(|b| b & (0x80 >> (x % 8)) != 0);
            if bit {
                255
            } else {
                0
            }
        }));
    }
    out
}

/// XResolution in dots per inch (ResolutionUnit 2 = inch, the default; 3 = centimetre).
fn dpi(decoder: &mut Decoder<Cursor<&[u8]>>) -> Option<u32> {
    // A RATIONAL tag; the tiff crate's float getters only take DOUBLE.
    let x = match decoder.find_tag(Tag::XResolution).ok()?? {
        Value::Rational(n, d) if d != 0 => f64::from(n) / f64::from(d),
        Value::Double(v) => v,
        Value::Float(v) => f64::from(v),
        Value::Short(v) => f64::from(v),
        Value::Unsigned(v) => f64::from(v),
        _ => return None,
    };
    let unit = decoder
        .find_tag_unsigned::<u16>(Tag::ResolutionUnit)
        .ok()
        .flatten()
        .unwrap_or(2);
    let dpi = match unit {
        2 => x,
        3 => x * 2.54,
        _ => return None,
    };
    (1.0..100_000.0).contains(&dpi).then(|| dpi.round() as u32)
}
