//! One captured page: its image data as it will go into the certified copy, plus the metadata
//! the PDF needs. Rotation is only a value here; the PDF writer applies it with `/Rotate`, so
//! turning a page never re-encodes (and never degrades) the image.

use crate::error::CaptureError;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The image data of a page.
#[derive(Clone, PartialEq, Eq)]
pub enum PageKind {
    /// A JPEG file exactly as the scanner or the imported file had it. It is embedded in the
    /// PDF as is (DCTDecode), so the certified copy holds the original bytes. Always 1
    /// (gray) or 3 (YCbCr/RGB) components: CMYK JPEGs are turned into pixels on import.
    Jpeg { bytes: Vec<u8> },
    /// Decoded 8-bit samples, row by row, no padding: `channels` is 1 (gray) or 3 (RGB).
    Pixels { data: Vec<u8>, channels: u8 },
}

impl std::fmt::Debug for PageKind {
    // Megabytes of samples in a `{:?}` would drown any log or test failure.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Jpeg { bytes } => write!(f, "Jpeg({} bytes)", bytes.len()),
            Self::Pixels { data, channels } => {
                write!(f, "Pixels({} bytes, {channels} channels)", data.len())
            }
        }
    }
}

/// Clockwise rotation applied when the page is shown or written to the PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "i64")]
pub enum Rotation {
    /// Upright, as scanned.
    #[default]
    R0,
    /// A quarter turn clockwise.
    R90,
    /// Upside down.
    R180,
    /// A quarter turn counter-clockwise.
    R270,
}

impl Rotation {
    /// Degrees clockwise: 0, 90, 180 or 270 (the PDF `/Rotate` value).
    pub fn degrees(self) -> u16 {
        match self {
            Self::R0 => 0,
            Self::R90 => 90,
            Self::R180 => 180,
            Self::R270 => 270,
        }
    }

    /// Any multiple of 90 (negative means counter-clockwise); anything else is an error.
    pub fn from_degrees(degrees: i64) -> Result<Self, CaptureError> {
        match degrees.rem_euclid(360) {
            0 => Ok(Self::R0),
            90 => Ok(Self::R90),
            180 => Ok(Self::R180),
            270 => Ok(Self::R270),
            _ => Err(CaptureError::BadRotation { degrees }),
        }
    }

    /// This rotation followed by `other`.
    pub fn then(self, other: Rotation) -> Rotation {
        let sum = i64::from(self.degrees()) + i64::from(other.degrees());
        Self::from_degrees(sum).unwrap_or_default()
    }

    /// True when width and height trade places on screen.
    pub fn is_sideways(self) -> bool {
        matches!(self, Self::R90 | Self::R270)
    }
}

impl TryFrom<i64> for Rotation {
    type Error = CaptureError;
    fn try_from(degrees: i64) -> Result<Self, Self::Error> {
        Self::from_degrees(degrees)
    }
}

impl From<Rotation> for i64 {
    fn from(r: Rotation) -> i64 {
        i64::from(r.degrees())
    }
}

/// A page ready for the certified copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanPage {
    /// The image data.
    pub kind: PageKind,
    /// Width of the stored image in pixels (before `rotation`).
    pub width_px: u32,
    /// Height of the stored image in pixels (before `rotation`).
    pub height_px: u32,
    /// Resolution, dots per inch: from the scanner, the file's metadata, or 300.
    pub dpi: u32,
    /// SHA-256 of the image data: the JPEG file bytes, or the raw samples.
    pub sha256: [u8; 32],
    /// How the page is to be turned for display and in the PDF.
    pub rotation: Rotation,
}

impl ScanPage {
    /// A page from JPEG bytes taken as they are. The caller has validated the JPEG.
    pub fn jpeg(bytes: Vec<u8>, width_px: u32, height_px: u32, dpi: u32) -> Self {
        let sha256 = Sha256::digest(&bytes).into();
        Self {
            kind: PageKind::Jpeg { bytes },
            width_px,
            height_px,
            dpi,
            sha256,
            rotation: Rotation::R0,
        }
    }

    /// A page from 8-bit gray (`channels` 1) or RGB (`channels` 3) samples.
    pub fn pixels(
        data: Vec<u8>,
        channels: u8,
        width_px: u32,
        height_px: u32,
        dpi: u32,
    ) -> Result<Self, CaptureError> {
        let expected = u64::from(width_px) * u64::from(height_px) * u64::from(channels);
        if !matches!(channels, 1 | 3) || data.len() as u64 != expected {
            return Err(CaptureError::Corrupt {
                file: String::new(),
                detail: format!("{} bytes for {width_px}x{height_px}x{channels}", data.len()),
            });
        }
        let sha256 = Sha256::digest(&data).into();
        Ok(Self {
            kind: PageKind::Pixels { data, channels },
            width_px,
            height_px,
            dpi,
            sha256,
            rotation: Rotation::R0,
        })
    }

    /// Color components: 1 for gray, 3 for color. For JPEG pages read from the frame header,
    /// which the PDF writer needs for `/ColorSpace`.
    pub fn channels(&self) -> u8 {
        match &self.kind {
            PageKind::Pixels { channels, .. } => *channels,
            PageKind::Jpeg { bytes } => crate::import::jpeg::parse_header(bytes)
                .map(|h| h.components)
                .unwrap_or(3),
        }
    }

    /// The hash as lowercase hex, for logs and the audit trail.
    pub fn sha256_hex(&self) -> String {
        self.sha256.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Size as shown (after rotation), in pixels.
    pub fn display_size_px(&self) -> (u32, u32) {
        if self.rotation.is_sideways() {
            (self.height_px, self.width_px)
        } else {
            (self.width_px, self.height_px)
        }
    }

    /// Size as shown (after rotation), in millimetres at the page's resolution.
    pub fn display_size_mm(&self) -> (f64, f64) {
        let (w, h) = self.display_size_px();
        let mm = |px: u32| f64::from(px) * 25.4 / f64::from(self.dpi.max(1));
        (mm(w), mm(h))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rastau_coded::Coded;

    #[test]
    fn rotation_arithmetic() {
        assert_eq!(Rotation::from_degrees(-90).unwrap(), Rotation::R270);
        assert_eq!(Rotation::from_degrees(450).unwrap(), Rotation::R90);
        assert_eq!(Rotation::R270.then(Rotation::R180), Rotation::R90);
        assert_eq!(
            Rotation::from_degrees(45).unwrap_err().code(),
            "capture-bad-rotation"
        );
    }

    #[test]
    fn pixel_page_checks_its_buffer() {
        assert!(ScanPage::pixels(vec![0; 12], 3, 2, 2, 300).is_ok());
        assert!(ScanPage::pixels(vec![0; 11], 3, 2, 2, 300).is_err());
        assert!(ScanPage::pixels(vec![0; 8], 2, 2, 2, 300).is_err());
    }

    #[test]
    fn rotated_page_swaps_display_size() {
        let mut page = ScanPage::pixels(vec![0; 6], 1, 2, 3, 300).unwrap();
        page.rotation = Rotation::R90;
        assert_eq!(page.display_size_px(), (3, 2));
    }
}
