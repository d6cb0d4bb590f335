//! Decoding through the `image` crate under [`Limits`], and turning any decoded image into the
//! two sample layouts the PDF writer takes: 8-bit gray or 8-bit RGB.

use crate::error::CaptureError;
use crate::limits::Limits;
use crate::page::ScanPage;
use image::{DynamicImage, ImageFormat, ImageReader};
use std::io::Cursor;

/// Decodes a whole image with the `image` crate's own limits switched on as well, so even a
/// header this crate misread cannot make the decoder allocate past the caps.
pub(crate) fn decode(
    bytes: &[u8],
    format: ImageFormat,
    file: &str,
    limits: &Limits,
) -> Result<DynamicImage, CaptureError> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits.image_limits());
    reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => CaptureError::ImageTooLarge {
            file: file.to_owned(),
            width: 0,
            height: 0,
            max_megapixels: limits.max_pixels / 1_000_000,
        },
        other => image_error(other, file),
    })
}

/// Maps a decoder error: running out of data is "truncated", anything else "damaged".
pub(crate) fn image_error(e: image::ImageError, file: &str) -> CaptureError {
    let file = file.to_owned();
    match e {
        image::ImageError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            CaptureError::Truncated { file }
        }
        image::ImageError::Limits(_) => CaptureError::ImageTooLarge {
            file,
            width: 0,
            height: 0,
            max_megapixels: Limits::default().max_pixels / 1_000_000,
        },
        other => {
            let detail = other.to_string();
            let lower = detail.to_lowercase();
            // Decoders report a short read in their own words rather than as an io::Error.
            if [
                "eof",
                "end of",
                "truncated",
                "not enough data",
                "unexpected end",
            ]
            .iter()
            .any(|w| lower.contains(w))
            {
                CaptureError::Truncated { file }
            } else {
                CaptureError::Corrupt { file, detail }
            }
        }
    }
}

/// Takes a decoded image as a page: gray stays gray, everything else becomes RGB; 16-bit
/// samples drop to 8 bits; transparency is flattened onto white paper.
pub(crate) fn page_from_image(
    image: DynamicImage,
    dpi: u32,
    file: &str,
) -> Result<ScanPage, CaptureError> {
    let (width, height) = (image.width(), image.height());
    let (data, channels) = match image {
        DynamicImage::ImageLuma8(buf) => (buf.into_raw(), 1),
        DynamicImage::ImageRgb8(buf) => (buf.into_raw(), 3),
        DynamicImage::ImageLuma16(_) => (image.to_luma8().into_raw(), 1),
        DynamicImage::ImageLumaA8(_) | DynamicImage::ImageLumaA16(_) => {
            (flatten(&image.to_luma_alpha8().into_raw(), 1), 1)
        }
        DynamicImage::ImageRgb16(_) | DynamicImage::ImageRgb32F(_) => {
            (image.to_rgb8().into_raw(), 3)
        }
        _ => (flatten(&image.to_rgba8().into_raw(), 3), 3),
    };
    ScanPage::pixels(data, channels, width, height, dpi).map_err(|_| CaptureError::Corrupt {
        file: file.to_owned(),
        detail: "decoded buffer has the wrong size".to_owned(),
    })
}

/// Composites samples with a trailing alpha channel onto white.
pub(crate) fn flatten(with_alpha: &[u8], color_channels: usize) -> Vec<u8> {
    let stride = color_channels + 1;
    let mut out = Vec::with_capacity(with_alpha.len() / stride * color_channels);
    for px in with_alpha.chunks_exact(stride) {
        let alpha = u32::from(px[color_channels]);
        for &v in &px[..color_channels] {
            // Rounded v·a + 255·(1−a), all in 0..=255.
            out.push(((u32::from(v) * alpha + 255 * (255 - alpha) + 127) / 255) as u8);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transparent_becomes_white_opaque_stays() {
        assert_eq!(
            flatten(&[0, 0, 0, 0, 10, 20, 30, 255], 3),
            [255, 255, 255, 10, 20, 30]
        );
        assert_eq!(flatten(&[0, 128], 1), [127]);
    }
}
