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

/// Imports every page of a TIFF file. Every page's header is read first and its decoded size
/// claimed from the import's budget, so a file of many huge pages is refused before any page
/// is decoded; then the pages are decoded one at a time.
pub(crate) fn import(
    bytes: &[u8],
    file: &str,
    limits: &Limits,
) -> Result<Vec<ScanPage>, CaptureError> {
    let err = |e| tiff_error(e, file);
    let mut decoder = Decoder::new(Cursor::new(bytes))
        .map_err(err)?
        .with_limits(limits.tiff_limits());
    let mut budget = limits.budget(file);
    let mut count = 0;
    loop {
        count += 1;
        limits.check_pages(file, count)?;
        let layout = Layout::of(&mut decoder, file, limits)?;
        budget.claim(layout.kept_bytes())?;
        if !decoder.more_images() {
            break;
        }
        decoder.next_image().map_err(err)?;
    }
    let mut pages = Vec::with_capacity(count);
    for index in 0..count {
        decoder.seek_to_image(index).map_err(err)?;
        pages.push(page(&mut decoder, file, limits)?);
    }
    Ok(pages)
}

/// What the current page's header declares.
struct Layout {
    width: u32,
    height: u32,
    /// Samples per pixel in the file: 1 gray, 2 gray + alpha, 3 RGB, 4 RGBA.
    samples: u64,
    bits: u8,
}

impl Layout {
    /// Reads the header and refuses what this crate cannot take or the limits do not allow.
    fn of(
        decoder: &mut Decoder<Cursor<&[u8]>>,
        file: &str,
        limits: &Limits,
    ) -> Result<Layout, CaptureError> {
        let err = |e| tiff_error(e, file);
        let (width, height) = decoder.dimensions().map_err(err)?;
        let (samples, bits) = match decoder.colortype().map_err(err)? {
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
        Ok(Layout {
            width,
            height,
            samples,
            bits,
        })
    }

    /// Bytes of the page as kept: 8-bit gray or RGB, alpha flattened away.
    fn kept_bytes(&self) -> u64 {
        let channels = if self.samples >= 3 { 3 } else { 1 };
        u64::from(self.width) * u64::from(self.height) * channels
    }
}

/// The current page of the decoder.
fn page(
    decoder: &mut Decoder<Cursor<&[u8]>>,
    file: &str,
    limits: &Limits,
) -> Result<ScanPage, CaptureError> {
    let err = |e| tiff_error(e, file);
    let Layout {
        width,
        height,
        samples,
        bits,
    } = Layout::of(decoder, file, limits)?;
    let dpi = dpi(decoder).unwrap_or(super::DEFAULT_DPI);
    let (w, h) = (width as usize, height as usize);
    let mut eight_bit: Vec<u8> = match (decoder.read_image().map_err(err)?, bits) {
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
    eight_bit.truncate(expected);
    let (data, channels) = match samples {
        1 | 3 => (eight_bit, samples as u8),
        _ => (
            pixels::flatten(&eight_bit, samples as usize - 1),
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
