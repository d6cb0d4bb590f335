//! Fuzzing the import: real small JPEG, PNG, TIFF and PDF files mutated, and arbitrary bytes,
//! a fixed number of cases each, through `import_bytes` and the page strip's thumbnail.
//! Whatever comes in, the answer is pages or a refusal: no panic, no abort, and no more memory
//! than the limits allow, measured by the allocator itself.

use image::codecs::jpeg::JpegEncoder;
use image::{GrayImage, RgbImage};
use proptest::prelude::*;
use rastau_capture::{import_bytes, thumbnail, Limits};
use rastau_pdf_guard::allocations::{exclusive, peak_during, Meter};
use rastau_pdf_guard::mutations::{arbitrary, config, mutated, regressions};
use rastau_pdf_guard::test_files::{pdf, stream};

#[global_allocator]
static METER: Meter = Meter;

/// Tighter than the defaults, so that a case that breaks them is cheap to find.
const LIMITS: Limits = Limits {
    max_pixels: 4_000_000,
    max_alloc_bytes: 64 << 20,
    max_file_bytes: 1 << 20,
    max_pages: 20,
    max_decoded_bytes: 32 << 20,
};

/// What an import may hold at most: the pages it keeps, a few decoder buffers, the PDF
/// loader's share of a small file, and copies of the file itself.
fn bound(input: &[u8]) -> usize {
    (LIMITS.max_decoded_bytes + 4 * LIMITS.max_alloc_bytes) as usize + 64 * input.len() + (32 << 20)
}

fn jpeg(gray: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = JpegEncoder::new_with_quality(&mut out, 80);
    if gray {
        let img = GrayImage::from_fn(48, 32, |x, y| image::Luma([(x * y) as u8]));
        encoder.encode_image(&img).unwrap();
    } else {
        let img = RgbImage::from_fn(40, 30, |x, y| image::Rgb([x as u8 * 6, y as u8 * 8, 90]));
        encoder.encode_image(&img).unwrap();
    }
    out
}

fn png() -> Vec<u8> {
    let img = image::DynamicImage::ImageRgba8(image::RgbaImage::from_fn(30, 20, |x, y| {
        image::Rgba([x as u8 * 8, y as u8 * 12, 200, (x * 8) as u8])
    }));
    let mut out = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

fn tiff() -> Vec<u8> {
    use tiff::encoder::{colortype, Compression, TiffEncoder};
    let mut out = Vec::new();
    let mut enc = TiffEncoder::new(std::io::Cursor::new(&mut out))
        .unwrap()
        .with_compression(Compression::Lzw);
    let gray: Vec<u8> = (0..24 * 16).map(|i| (i % 251) as u8).collect();
    enc.write_image::<colortype::Gray8>(24, 16, &gray).unwrap();
    let rgb: Vec<u8> = (0..12 * 10 * 3).map(|i| (i * 7 % 256) as u8).collect();
    enc.write_image::<colortype::RGB8>(12, 10, &rgb).unwrap();
    out
}

/// A scanner's PDF: one page drawing one JPEG, at 72 dpi so that a rendered page stays small.
fn pdf_of_jpeg() -> Vec<u8> {
    let jpeg = jpeg(false);
    pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 40 30] /Contents 4 0 R \
           /Resources << /XObject << /Im0 5 0 R >> >> >>"
            .to_vec(),
        stream("", b"q 40 0 0 30 0 0 cm /Im0 Do Q"),
        stream(
            "/Type /XObject /Subtype /Image /Width 40 /Height 30 /ColorSpace /DeviceRGB \
             /BitsPerComponent 8 /Filter /DCTDecode",
            &jpeg,
        ),
    ])
}

fn seeds() -> Vec<Vec<u8>> {
    vec![jpeg(true), jpeg(false), png(), tiff(), pdf_of_jpeg()]
}

fn within_limits(bytes: &[u8]) -> Result<(), TestCaseError> {
    let _one = exclusive();
    let (_, peak) = peak_during(|| {
        for page in import_bytes(bytes, "fuzz", &LIMITS).unwrap_or_default() {
            let _ = thumbnail(&page, 64);
        }
    });
    prop_assert!(peak <= bound(bytes), "{peak} bytes held");
    Ok(())
}

#[test]
fn the_seeds_import() {
    for seed in seeds() {
        assert!(!import_bytes(&seed, "seed", &LIMITS).unwrap().is_empty());
    }
}

proptest! {
    #![proptest_config(config(2000))]

    #[test]
    fn mutated_images_and_pdfs_import_or_are_refused_within_the_limits(
        bytes in mutated(seeds())
    ) {
        within_limits(&bytes)?;
    }
}

proptest! {
    #![proptest_config(config(500))]

    #[test]
    fn arbitrary_bytes_import_or_are_refused_within_the_limits(bytes in arbitrary(4096)) {
        within_limits(&bytes)?;
    }
}

#[test]
fn every_kept_regression_imports_or_is_refused_within_the_limits() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    for (name, bytes) in regressions(&dir) {
        within_limits(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}
