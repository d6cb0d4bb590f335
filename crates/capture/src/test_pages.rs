//! Pages for the tests and benches of every crate (feature `test-pages`), made on the spot:
//! a document as a scanner gives it (a frame, lines of text-like ink on paper), gray or in
//! colour, of any size, as JPEG or PNG bytes or imported as a [`ScanPage`]. Pages of different
//! variants differ in every byte, so their hashes differ; the ink compresses as a real page's
//! does, so sizes and timings are realistic.
use crate::{import_bytes, Limits, ScanPage};
use image::codecs::jpeg::{JpegEncoder, PixelDensity};
use image::{DynamicImage, GrayImage, ImageFormat};

/// A page to make: its size in pixels, colour, variant and the resolution its JPEG declares.
#[derive(Debug, Clone, Copy)]
pub struct TestPage {
    width: u32,
    height: u32,
    color: bool,
    variant: u32,
    dpi: Option<u16>,
}

impl TestPage {
    /// A page of `width`×`height` pixels, gray, variant 0, no declared resolution.
    pub fn sized(width: u32, height: u32) -> TestPage {
        TestPage {
            width,
            height,
            color: false,
            variant: 0,
            dpi: None,
        }
    }

    /// An A4 sheet scanned at `dpi`, which its JPEG declares.
    pub fn a4(dpi: u16) -> TestPage {
        let pixels = |mm: f64| (mm / 25.4 * f64::from(dpi)).round() as u32;
        TestPage {
            dpi: Some(dpi),
            ..TestPage::sized(pixels(210.0), pixels(297.0))
        }
    }

    /// In colour (paper slightly blue), rather than gray.
    pub fn in_color(self) -> TestPage {
        TestPage {
            color: true,
            ..self
        }
    }

    /// Another page of the same kind: the lines move by `variant`.
    pub fn variant(self, variant: u32) -> TestPage {
        TestPage { variant, ..self }
    }

    /// The page's pixels.
    pub fn image(&self) -> DynamicImage {
        let (w, h, shift) = (self.width, self.height, self.variant);
        let ink = |x: u32, y: u32| -> u8 {
            let line = ((y + shift * 7) / 24) % 3 != 0 && ((x + shift * 5) / 9) % 7 != 0;
            let text = line && x > w / 10 && x < w * 9 / 10 && (y + shift * 7) % 24 < 12;
            let frame = x < 8 || y < 8 || x + 8 > w || y + 8 > h;
            if frame || text {
                30
            } else {
                (245 - shift % 16) as u8
            }
        };
        let gray = GrayImage::from_fn(w, h, |x, y| image::Luma([ink(x, y)]));
        match self.color {
            false => DynamicImage::ImageLuma8(gray),
            true => DynamicImage::ImageRgb8(image::RgbImage::from_fn(w, h, |x, y| {
                let s = gray.get_pixel(x, y).0[0];
                image::Rgb([s, s, (s / 2).saturating_add(100)])
            })),
        }
    }

    /// As a scanner's JPEG (quality 85).
    pub fn jpeg(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut encoder = JpegEncoder::new_with_quality(&mut out, 85);
        if let Some(dpi) = self.dpi {
            encoder.set_pixel_density(PixelDensity::dpi(dpi));
        }
        // Through the buffer of its own colour type: a `DynamicImage` would be encoded as RGB.
        let encoded = match self.image() {
            DynamicImage::ImageLuma8(gray) => encoder.encode_image(&gray),
            other => encoder.encode_image(&other.to_rgb8()),
        };
        encoded.expect("a page encodes");
        out
    }

    /// As a PNG file.
    pub fn png(&self) -> Vec<u8> {
        let mut out = Vec::new();
        self.image()
            .write_to(&mut std::io::Cursor::new(&mut out), ImageFormat::Png)
            .expect("a page encodes");
        out
    }

    /// Its JPEG imported, as the counter keeps a page.
    pub fn scan(&self) -> ScanPage {
        import_bytes(&self.jpeg(), "page.jpg", &Limits::default())
            .expect("a test page imports")
            .remove(0)
    }
}
