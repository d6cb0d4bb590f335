//! A page as an image file of its own, for keeping where a file is wanted rather than a page
//! of a copy (the scan of a signed consent): a JPEG page as its own bytes, decoded pixels as a
//! lossless PNG.

use crate::error::CaptureError;
use crate::page::{PageKind, ScanPage};
use image::codecs::png::PngEncoder;
use image::{ExtendedColorType, ImageEncoder};

/// The page's image file: JPEG or PNG bytes.
pub fn image_file(page: &ScanPage) -> Result<Vec<u8>, CaptureError> {
    let (data, color) = match &page.kind {
        PageKind::Jpeg { bytes } => return Ok(bytes.clone()),
        PageKind::Pixels { data, channels: 1 } => (data, ExtendedColorType::L8),
        PageKind::Pixels { data, .. } => (data, ExtendedColorType::Rgb8),
    };
    let mut png = Vec::new();
    PngEncoder::new(&mut png)
        .write_image(data, page.width_px, page.height_px, color)
        .map_err(|e| CaptureError::Corrupt {
            file: String::new(),
            detail: e.to_string(),
        })?;
    Ok(png)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pixels_become_a_png_of_the_same_size_and_a_jpeg_stays_itself() {
        let gray =
            ScanPage::pixels((0..=255).cycle().take(40 * 30).collect(), 1, 40, 30, 300).unwrap();
        let png = image_file(&gray).unwrap();
        let back = image::load_from_memory(&png).unwrap().to_luma8();
        assert_eq!((back.width(), back.height()), (40, 30));
        assert_eq!(
            back.as_raw(),
            match &gray.kind {
                PageKind::Pixels { data, .. } => data,
                PageKind::Jpeg { .. } => unreachable!(),
            }
        );
        let rgb = ScanPage::pixels(vec![7; 5 * 4 * 3], 3, 5, 4, 300).unwrap();
        assert!(image::load_from_memory(&image_file(&rgb).unwrap())
            .unwrap()
            .as_rgb8()
            .is_some());
        let jpeg = ScanPage::jpeg(vec![0xFF, 0xD8, 1, 2, 3], 1, 1, 300);
        assert_eq!(image_file(&jpeg).unwrap(), vec![0xFF, 0xD8, 1, 2, 3]);
    }
}
