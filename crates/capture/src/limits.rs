//! Resource caps for untrusted input. Imported files come from USB sticks and e-mail, so every
//! size a file declares is checked against these before anything is allocated for it.

use crate::error::CaptureError;

/// Caps applied to every imported file and every scanned page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest image, in pixels (width × height). A4 at 600 dpi is 35 MP.
    pub max_pixels: u64,
    /// Largest single allocation a decoder may make, in bytes.
    pub max_alloc_bytes: u64,
    /// Largest input file, in bytes; checked before the file is read.
    pub max_file_bytes: u64,
    /// Most pages taken from one PDF or multi-page TIFF.
    pub max_pages: usize,
    /// Most bytes the pages of one import may take once decoded, all pages together (pixels,
    /// or JPEG bytes kept as they are). Each page's share is claimed from its header before
    /// it is decoded: a TIFF of a few kilobytes can declare gigabytes of pages.
    pub max_decoded_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_pixels: 60_000_000,
            max_alloc_bytes: 1 << 30,
            max_file_bytes: 256 << 20,
            max_pages: 500,
            max_decoded_bytes: 1 << 30,
        }
    }
}

impl Limits {
    /// Refuses a file larger than `max_file_bytes`.
    pub fn check_file_size(&self, file: &str, size: u64) -> Result<(), CaptureError> {
        if size > self.max_file_bytes {
            return Err(CaptureError::FileTooLarge {
                file: file.to_owned(),
                size_mb: size.div_ceil(1 << 20),
                max_mb: self.max_file_bytes >> 20,
            });
        }
        Ok(())
    }

    /// Refuses declared dimensions that are empty, too many pixels, or whose decoded buffer
    /// (`bytes_per_pixel` per pixel) would exceed the allocation cap. Called on header values,
    /// before decoding, which is what stops decompression bombs.
    pub fn check_dimensions(
        &self,
        file: &str,
        width: u64,
        height: u64,
        bytes_per_pixel: u64,
    ) -> Result<(), CaptureError> {
        if width == 0 || height == 0 {
            return Err(CaptureError::Corrupt {
                file: file.to_owned(),
                detail: format!("empty image {width}x{height}"),
            });
        }
        let pixels = width.saturating_mul(height);
        if pixels > self.max_pixels || pixels.saturating_mul(bytes_per_pixel) > self.max_alloc_bytes
        {
            return Err(CaptureError::ImageTooLarge {
                file: file.to_owned(),
                width,
                height,
                max_megapixels: self.max_pixels / 1_000_000,
            });
        }
        Ok(())
    }

    /// Refuses more pages than `max_pages`.
    pub fn check_pages(&self, file: &str, pages: usize) -> Result<(), CaptureError> {
        if pages > self.max_pages {
            return Err(CaptureError::TooManyPages {
                file: file.to_owned(),
                pages,
                max: self.max_pages,
            });
        }
        Ok(())
    }

    /// The decoding budget of one import of `file`.
    pub(crate) fn budget<'a>(&self, file: &'a str) -> Budget<'a> {
        Budget {
            file,
            left: self.max_decoded_bytes,
            max: self.max_decoded_bytes,
        }
    }

    /// The same caps for the `image` crate's decoders, as a second line of defence.
    pub(crate) fn image_limits(&self) -> image::Limits {
        let side = u32::try_from(self.max_pixels.min(u64::from(u32::MAX))).unwrap_or(u32::MAX);
        let mut limits = image::Limits::default();
        limits.max_image_width = Some(side);
        limits.max_image_height = Some(side);
        limits.max_alloc = Some(self.max_alloc_bytes);
        limits
    }

    /// The same caps for the `tiff` crate's decoder.
    pub(crate) fn tiff_limits(&self) -> tiff::decoder::Limits {
        let alloc = usize::try_from(self.max_alloc_bytes).unwrap_or(usize::MAX);
        let mut limits = tiff::decoder::Limits::default();
        limits.decoding_buffer_size = alloc;
        limits.intermediate_buffer_size = alloc.min(128 << 20);
        limits
    }
}

/// What one import may still decode (see [`Limits::max_decoded_bytes`]).
#[derive(Debug)]
pub(crate) struct Budget<'a> {
    file: &'a str,
    left: u64,
    max: u64,
}

impl Budget<'_> {
    /// Takes `bytes` from the budget, or refuses the whole file when they are not there.
    pub(crate) fn claim(&mut self, bytes: u64) -> Result<(), CaptureError> {
        self.left = self
            .left
            .checked_sub(bytes)
            .ok_or_else(|| CaptureError::ExpandsTooFar {
                file: self.file.to_owned(),
                max_mb: self.max >> 20,
            })?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rastau_coded::Coded;

    #[test]
    fn bomb_dimensions_are_refused() {
        let limits = Limits::default();
        let err = limits
            .check_dimensions("x.png", 100_000, 100_000, 1)
            .unwrap_err();
        assert_eq!(err.code(), "capture-image-too-large");
        assert!(limits.check_dimensions("a4.png", 2480, 3508, 3).is_ok());
        assert_eq!(
            limits
                .check_dimensions("e.png", 0, 10, 1)
                .unwrap_err()
                .code(),
            "capture-corrupt"
        );
    }

    #[test]
    fn file_size_cap() {
        let limits = Limits {
            max_file_bytes: 1 << 20,
            ..Limits::default()
        };
        assert!(limits.check_file_size("a", 1 << 20).is_ok());
        assert_eq!(
            limits
                .check_file_size("a", (1 << 20) + 1)
                .unwrap_err()
                .code(),
            "capture-file-too-large"
        );
    }
}
