//! Small PNG previews for the page strip in the UI. They show the page as it will be
//! certified, rotation included, and are computed on demand (never stored with the page).

use crate::error::CaptureError;
use crate::limits::Limits;
use crate::page::{PageKind, Rotation, ScanPage};
use image::{imageops, DynamicImage, ImageBuffer};

/// Default thumbnail height in pixels.
pub const THUMBNAIL_HEIGHT: u32 = 200;

/// A PNG preview.
#[derive(Clone, PartialEq, Eq)]
pub struct Thumbnail {
    /// The PNG file bytes.
    pub png: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

impl std::fmt::Debug for Thumbnail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Thumbnail({}x{}, {} bytes)",
            self.width,
            self.height,
            self.png.len()
        )
    }
}

/// A preview `height` pixels high (after rotation), width in proportion.
pub fn thumbnail(page: &ScanPage, height: u32) -> Result<Thumbnail, CaptureError> {
    let (_, shown_h) = page.display_size_px();
    let scale = f64::from(height.max(1)) / f64::from(shown_h.max(1));
    // Target size in the stored (unrotated) orientation; rotate the small image afterwards.
    let tw = ((f64::from(page.width_px) * scale).round() as u32).max(1);
    let th = ((f64::from(page.height_px) * scale).round() as u32).max(1);
    let small = match &page.kind {
        PageKind::Pixels { data, channels: 1 } => {
            let view: ImageBuffer<image::Luma<u8>, &[u8]> =
                ImageBuffer::from_raw(page.width_px, page.height_px, data.as_slice())
                    .ok_or_else(|| bad_buffer(page))?;
            DynamicImage::ImageLuma8(imageops::thumbnail(&view, tw, th))
        }
        PageKind::Pixels { data, .. } => {
            let view: ImageBuffer<image::Rgb<u8>, &[u8]> =
                ImageBuffer::from_raw(page.width_px, page.height_px, data.as_slice())
                    .ok_or_else(|| bad_buffer(page))?;
            DynamicImage::ImageRgb8(imageops::thumbnail(&view, tw, th))
        }
        PageKind::Jpeg { bytes } => {
            let full = crate::import::decode_jpeg(bytes, &Limits::default())?;
            match full {
                DynamicImage::ImageLuma8(g) => {
                    DynamicImage::ImageLuma8(imageops::thumbnail(&g, tw, th))
                }
                other => DynamicImage::ImageRgb8(imageops::thumbnail(&other.to_rgb8(), tw, th)),
            }
        }
    };
    let turned = match page.rotation {
        Rotation::R0 => small,
        Rotation::R90 => small.rotate90(),
        Rotation::R180 => small.rotate180(),
        Rotation::R270 => small.rotate270(),
    };
    encode_png(&turned)
}

fn bad_buffer(page: &ScanPage) -> CaptureError {
    CaptureError::Corrupt {
        file: String::new(),
        detail: format!(
            "pixel buffer does not match {}x{}",
            page.width_px, page.height_px
        ),
    }
}

fn encode_png(image: &DynamicImage) -> Result<Thumbnail, CaptureError> {
    let mut png = Vec::new();
    image
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .map_err(|e| CaptureError::Corrupt {
            file: String::new(),
            detail: e.to_string(),
        })?;
    Ok(Thumbnail {
        png,
        width: image.width(),
        height: image.height(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sideways_thumbnail_is_200_high() {
        let mut page = ScanPage::pixels(vec![128; 300 * 100 * 3], 3, 300, 100, 300).unwrap();
        page.rotation = Rotation::R90;
        let t = thumbnail(&page, 200).unwrap();
        assert_eq!((t.width, t.height), (67, 200));
        assert!(t.png.starts_with(b"\x89PNG"));
        let back = image::load_from_memory(&t.png).unwrap();
        assert_eq!((back.width(), back.height()), (67, 200));
    }
}
