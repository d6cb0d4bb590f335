//! Raster images as they go into the PDF: a JPEG file passed through untouched, or decoded
//! 8-bit pixels that the writer Flate-compresses (lossless).

use std::sync::Arc;

use crate::{jpeg, PdfError};

/// Scanner resolution assumed when the caller does not know it.
pub const DEFAULT_DPI: f32 = 300.0;

/// Colour channels of a decoded pixel buffer (8 bits each, no alpha: a scan has none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channels {
    /// One byte a pixel, DeviceGray.
    Gray,
    /// Three bytes a pixel, DeviceRGB.
    Rgb,
}

impl Channels {
    pub(crate) fn count(self) -> usize {
        match self {
            Channels::Gray => 1,
            Channels::Rgb => 3,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ImageData {
    /// The JPEG file, embedded byte for byte as /DCTDecode.
    Jpeg {
        bytes: Arc<[u8]>,
        components: u8,
        adobe: bool,
    },
    /// Row-major pixels, top row first.
    Pixels { data: Arc<[u8]>, channels: Channels },
}

/// One raster image: a scanned page or a picture on a form. Cloning is cheap (shared bytes).
#[derive(Debug, Clone, PartialEq)]
pub struct PageImage {
    pub(crate) data: ImageData,
    width_px: u32,
    height_px: u32,
    dpi: f32,
}

impl PageImage {
    /// A JPEG file to embed unchanged; its pixel size comes from its own frame header.
    /// `dpi` is the scanner's resolution ([`DEFAULT_DPI`] when `None`).
    pub fn jpeg(bytes: impl Into<Arc<[u8]>>, dpi: Option<f32>) -> Result<Self, PdfError> {
        let bytes = bytes.into();
        let info = jpeg::parse(&bytes)?;
        Self::checked(
            ImageData::Jpeg {
                bytes,
                components: info.components,
                adobe: info.adobe,
            },
            info.width,
            info.height,
            dpi,
        )
    }

    /// Decoded 8-bit pixels (e.g. from a PNG scan), row-major, top row first, no padding.
    pub fn pixels(
        data: impl Into<Arc<[u8]>>,
        width_px: u32,
        height_px: u32,
        channels: Channels,
        dpi: Option<f32>,
    ) -> Result<Self, PdfError> {
        let data = data.into();
        let expected = width_px as usize * height_px as usize * channels.count();
        if data.len() != expected {
            return Err(PdfError::PixelBufferSize {
                expected,
                actual: data.len(),
            });
        }
        Self::checked(
            ImageData::Pixels { data, channels },
            width_px,
            height_px,
            dpi,
        )
    }

    fn checked(data: ImageData, w: u32, h: u32, dpi: Option<f32>) -> Result<Self, PdfError> {
        let dpi = dpi.unwrap_or(DEFAULT_DPI);
        // PDF readers cap pages at 200 inches; below 10 dpi is surely a caller mistake.
        if !(10.0..=10_000.0).contains(&dpi) {
            return Err(PdfError::InvalidGeometry(format!("resolution {dpi} dpi")));
        }
        if w == 0 || h == 0 || w as f32 / dpi > 200.0 || h as f32 / dpi > 200.0 {
            return Err(PdfError::InvalidGeometry(format!(
                "{w}×{h} px at {dpi} dpi"
            )));
        }
        Ok(PageImage {
            data,
            width_px: w,
            height_px: h,
            dpi,
        })
    }

    /// Width in pixels.
    pub fn width_px(&self) -> u32 {
        self.width_px
    }

    /// Height in pixels.
    pub fn height_px(&self) -> u32 {
        self.height_px
    }

    /// Resolution the paper size is computed from.
    pub fn dpi(&self) -> f32 {
        self.dpi
    }

    /// True paper size in points (width, height): pixels ÷ dpi × 72.
    pub fn paper_size_pt(&self) -> (f32, f32) {
        let k = 72.0 / self.dpi;
        (self.width_px as f32 * k, self.height_px as f32 * k)
    }

    /// Identity of the shared bytes: clones of one image are written as one XObject.
    pub(crate) fn data_key(&self) -> usize {
        match &self.data {
            ImageData::Jpeg { bytes, .. } => bytes.as_ptr() as usize,
            ImageData::Pixels { data, .. } => data.as_ptr() as usize,
        }
    }

    /// Bytes of image data held (JPEG file, or raw pixels before compression).
    pub(crate) fn data_len(&self) -> usize {
        match &self.data {
            ImageData::Jpeg { bytes, .. } => bytes.len(),
            ImageData::Pixels { data, .. } => data.len(),
        }
    }

    /// True when the image is embedded as the original JPEG bytes.
    pub fn is_jpeg(&self) -> bool {
        matches!(self.data, ImageData::Jpeg { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a4_at_300_dpi_is_a4() {
        let img =
            PageImage::pixels(vec![255; 2480 * 3508], 2480, 3508, Channels::Gray, None).unwrap();
        let (w, h) = img.paper_size_pt();
        assert!(
            (w - 595.2).abs() < 0.5 && (h - 841.9).abs() < 0.5,
            "{w} {h}"
        );
    }

    #[test]
    fn rejects_wrong_buffer_and_dpi() {
        assert!(matches!(
            PageImage::pixels(vec![0; 5], 2, 2, Channels::Rgb, None),
            Err(PdfError::PixelBufferSize {
                expected: 12,
                actual: 5
            })
        ));
        assert!(PageImage::pixels(vec![0; 4], 2, 2, Channels::Gray, Some(0.0)).is_err());
    }
}
