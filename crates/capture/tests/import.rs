//! File import with files generated on the spot: formats, byte-exact JPEG, hostile input.

use image::codecs::jpeg::{JpegEncoder, PixelDensity};
use image::{ExtendedColorType, ImageEncoder, RgbImage};
use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream};
use rastau_capture::{import_bytes, import_file, thumbnail, Limits, PageKind, Rotation, ScanPage};
use rastau_coded::{Arg, Coded};
use std::time::{Duration, Instant};

fn gradient(w: u32, h: u32) -> RgbImage {
    RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    })
}

fn jpeg(w: u32, h: u32, dpi: Option<u16>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = JpegEncoder::new_with_quality(&mut out, 85);
    if let Some(d) = dpi {
        enc.set_pixel_density(PixelDensity::dpi(d));
    }
    enc.encode_image(&gradient(w, h)).unwrap();
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut c = (data.len() as u32).to_be_bytes().to_vec();
    c.extend_from_slice(kind);
    c.extend_from_slice(data);
    let mut crc_input = kind.to_vec();
    crc_input.extend_from_slice(data);
    c.extend_from_slice(&crc32(&crc_input).to_be_bytes());
    c
}

/// A PNG from the `image` encoder with a pHYs chunk spliced in after IHDR.
fn png_with_dpi(img: &image::DynamicImage, dpi: u32) -> Vec<u8> {
    let mut plain = Vec::new();
    img.write_to(
        &mut std::io::Cursor::new(&mut plain),
        image::ImageFormat::Png,
    )
    .unwrap();
    let per_metre = (f64::from(dpi) / 0.0254).round() as u32;
    let mut phys = per_metre.to_be_bytes().to_vec();
    phys.extend_from_slice(&per_metre.to_be_bytes());
    phys.push(1);
    let ihdr_end = 8 + 25;
    let mut out = plain[..ihdr_end].to_vec();
    out.extend(chunk(b"pHYs", &phys));
    out.extend_from_slice(&plain[ihdr_end..]);
    out
}

fn one(pages: Vec<ScanPage>) -> ScanPage {
    assert_eq!(pages.len(), 1);
    pages.into_iter().next().unwrap()
}

#[test]
fn jpeg_bytes_are_kept_byte_for_byte() {
    let bytes = jpeg(640, 480, Some(200));
    let page = one(import_bytes(&bytes, "scan.jpg", &Limits::default()).unwrap());
    assert_eq!(
        page.kind,
        PageKind::Jpeg {
            bytes: bytes.clone()
        }
    );
    assert_eq!((page.width_px, page.height_px, page.dpi), (640, 480, 200));
    assert_eq!(page.channels(), 3);
    assert_eq!(page.rotation, Rotation::R0);
    // The hash is of the file bytes, so it can be checked against the original file.
    let again = one(import_bytes(&bytes, "scan.jpg", &Limits::default()).unwrap());
    assert_eq!(page.sha256, again.sha256);
}

#[test]
fn jpeg_from_disk_without_density_is_300_dpi() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("photo.jpeg");
    let bytes = jpeg(64, 48, None);
    std::fs::write(&path, &bytes).unwrap();
    let page = one(import_file(&path, &Limits::default()).unwrap());
    assert_eq!(page.kind, PageKind::Jpeg { bytes });
    // The `image` encoder writes JFIF with aspect-ratio units only, which carries no dpi.
    assert_eq!(page.dpi, 300);
}

#[test]
fn png_is_decoded_to_gray_or_rgb_with_its_dpi() {
    let gray = image::DynamicImage::ImageLuma8(image::GrayImage::from_fn(30, 20, |x, _| {
        image::Luma([x as u8 * 8])
    }));
    let page = one(import_bytes(&png_with_dpi(&gray, 600), "g.png", &Limits::default()).unwrap());
    assert_eq!((page.width_px, page.height_px, page.dpi), (30, 20, 600));
    assert_eq!(
        page.kind,
        PageKind::Pixels {
            data: gray.to_luma8().into_raw(),
            channels: 1
        }
    );

    let rgb = image::DynamicImage::ImageRgb8(gradient(50, 40));
    let page = one(import_bytes(&png_with_dpi(&rgb, 300), "c.png", &Limits::default()).unwrap());
    assert_eq!(
        page.kind,
        PageKind::Pixels {
            data: rgb.to_rgb8().into_raw(),
            channels: 3
        }
    );
}

#[test]
fn transparent_png_is_flattened_onto_white() {
    let rgba = image::DynamicImage::ImageRgba8(image::RgbaImage::from_pixel(
        4,
        4,
        image::Rgba([0, 0, 0, 0]),
    ));
    let page = one(import_bytes(&png_with_dpi(&rgba, 300), "a.png", &Limits::default()).unwrap());
    assert_eq!(
        page.kind,
        PageKind::Pixels {
            data: vec![255; 4 * 4 * 3],
            channels: 3
        }
    );
}

#[test]
fn tiff_pages_are_decoded_with_resolution() {
    use tiff::encoder::{colortype, Rational, TiffEncoder};
    use tiff::tags::ResolutionUnit;
    let mut bytes = Vec::new();
    {
        let mut enc = TiffEncoder::new(std::io::Cursor::new(&mut bytes)).unwrap();
        let gray: Vec<u8> = (0..40 * 30).map(|i| (i % 251) as u8).collect();
        let mut img = enc.new_image::<colortype::Gray8>(40, 30).unwrap();
        img.resolution(ResolutionUnit::Inch, Rational { n: 400, d: 1 });
        img.write_data(&gray).unwrap();
        let rgb = gradient(20, 10).into_raw();
        let mut img = enc.new_image::<colortype::RGB8>(20, 10).unwrap();
        img.resolution(ResolutionUnit::Centimeter, Rational { n: 118, d: 1 });
        img.write_data(&rgb).unwrap();
    }
    let pages = import_bytes(&bytes, "two.tif", &Limits::default()).unwrap();
    assert_eq!(pages.len(), 2);
    assert_eq!(
        (pages[0].width_px, pages[0].height_px, pages[0].dpi),
        (40, 30, 400)
    );
    assert_eq!(pages[0].channels(), 1);
    assert_eq!(
        (pages[1].width_px, pages[1].height_px, pages[1].dpi),
        (20, 10, 300)
    );
    assert_eq!(
        pages[1].kind,
        PageKind::Pixels {
            data: gradient(20, 10).into_raw(),
            channels: 3
        }
    );
}

#[test]
fn tiff_via_image_crate_is_read_too() {
    let mut bytes = Vec::new();
    image::codecs::tiff::TiffEncoder::new(std::io::Cursor::new(&mut bytes))
        .write_image(gradient(8, 6).as_raw(), 8, 6, ExtendedColorType::Rgb8)
        .unwrap();
    let page = one(import_bytes(&bytes, "x.tiff", &Limits::default()).unwrap());
    assert_eq!((page.width_px, page.height_px, page.dpi), (8, 6, 300));
}

/// A one-page PDF drawing `jpeg` over the whole page at `dpi`, the way scanners write them.
fn pdf_with_jpeg(jpeg: &[u8], w: u32, h: u32, dpi: f32, rotate: Option<i64>) -> Vec<u8> {
    let (w_pt, h_pt) = (w as f32 * 72.0 / dpi, h as f32 * 72.0 / dpi);
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let image = Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Image",
            "Width" => w as i64,
            "Height" => h as i64,
            "ColorSpace" => "DeviceRGB",
            "BitsPerComponent" => 8,
            "Filter" => "DCTDecode",
        },
        jpeg.to_vec(),
    );
    let image_id = doc.add_object(image);
    let content = Content {
        operations: vec![
            Operation::new("q", vec![]),
            Operation::new(
                "cm",
                vec![
                    w_pt.into(),
                    0.into(),
                    0.into(),
                    h_pt.into(),
                    0.into(),
                    0.into(),
                ],
            ),
            Operation::new("Do", vec![Object::Name(b"Im0".to_vec())]),
            Operation::new("Q", vec![]),
        ],
    };
    pdf_page(doc, pages_id, content, Some(image_id), (w_pt, h_pt), rotate)
}

fn pdf_page(
    mut doc: Document,
    pages_id: lopdf::ObjectId,
    content: Content,
    image: Option<lopdf::ObjectId>,
    (w_pt, h_pt): (f32, f32),
    rotate: Option<i64>,
) -> Vec<u8> {
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
    let mut page = dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content_id,
        "MediaBox" => vec![0.into(), 0.into(), w_pt.into(), h_pt.into()],
    };
    if let Some(id) = image {
        page.set(
            "Resources",
            dictionary! { "XObject" => dictionary! { "Im0" => id } },
        );
    }
    if let Some(r) = rotate {
        page.set("Rotate", r);
    }
    let page_id = doc.add_object(page);
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page_id.into()],
            "Count" => 1,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn pdf_jpeg_page_gives_the_identical_jpeg_bytes() {
    let bytes = jpeg(850, 1100, Some(72)); // JFIF says 72; the page geometry says 100
    let pdf = pdf_with_jpeg(&bytes, 850, 1100, 100.0, Some(90));
    let page = one(import_bytes(&pdf, "scan.pdf", &Limits::default()).unwrap());
    assert_eq!(page.kind, PageKind::Jpeg { bytes });
    assert_eq!((page.width_px, page.height_px), (850, 1100));
    assert_eq!(page.dpi, 100);
    assert_eq!(page.rotation, Rotation::R90);
}

#[test]
fn pdf_vector_page_is_rendered_at_300_dpi() {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let content = Content {
        operations: vec![
            Operation::new("rg", vec![0.into(), 0.into(), 1.into()]),
            Operation::new("re", vec![100.into(), 100.into(), 200.into(), 200.into()]),
            Operation::new("f", vec![]),
        ],
    };
    let pdf = pdf_page(doc, pages_id, content, None, (595.276, 841.89), None);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("form.pdf");
    std::fs::write(&path, &pdf).unwrap();
    for pages in [
        import_file(&path, &Limits::default()),
        import_bytes(&pdf, "form.pdf", &Limits::default()),
    ] {
        let page = one(pages.expect("needs pdftoppm from the Debian package poppler-utils"));
        assert_eq!((page.width_px, page.height_px, page.dpi), (2480, 3508, 300));
        let PageKind::Pixels { data, channels: 3 } = &page.kind else {
            panic!("rendered pages are RGB pixels")
        };
        // Blue square 100 pt from the bottom-left corner: look 200 pt in, 200 pt up.
        let (x, y) = (200 * 300 / 72, 3508 - 200 * 300 / 72);
        let i = (y * 2480 + x) * 3;
        assert_eq!(&data[i..i + 3], &[0, 0, 255]);
        assert_eq!(&data[..3], &[255, 255, 255]);
    }
}

#[test]
fn truncated_jpeg_is_refused_as_truncated() {
    let bytes = jpeg(400, 300, Some(300));
    for cut in [bytes.len() * 6 / 10, bytes.len() - 2, 40] {
        let err = import_bytes(&bytes[..cut], "cut.jpg", &Limits::default()).unwrap_err();
        assert_eq!(err.code(), "capture-truncated", "cut at {cut}: {err}");
        assert_eq!(err.args(), vec![("file", Arg::from("cut.jpg"))]);
    }
}

#[test]
fn truncated_png_is_refused_as_truncated() {
    let rgb = image::DynamicImage::ImageRgb8(gradient(200, 200));
    let png = png_with_dpi(&rgb, 300);
    let err = import_bytes(&png[..png.len() / 2], "cut.png", &Limits::default()).unwrap_err();
    assert_eq!(err.code(), "capture-truncated");
}

#[test]
fn png_bomb_is_refused_from_its_header_quickly() {
    // 100 000 × 100 000 gray declared in a file of a few dozen bytes.
    let mut ihdr = 100_000u32.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&100_000u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 0, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(chunk(b"IHDR", &ihdr));
    png.extend(chunk(
        b"IDAT",
        &[0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    ));
    png.extend(chunk(b"IEND", &[]));
    let started = Instant::now();
    let err = import_bytes(&png, "bomb.png", &Limits::default()).unwrap_err();
    assert_eq!(err.code(), "capture-image-too-large");
    assert!(err.args().contains(&("width", Arg::Number(100000))));
    assert!(started.elapsed() < Duration::from_millis(200));
}

#[test]
fn tiff_bomb_is_refused() {
    // Little-endian TIFF, one IFD declaring 100 000 × 100 000 gray with a 10-byte strip.
    let entries: [(u16, u16, u32); 8] = [
        (256, 4, 100_000), // ImageWidth
        (257, 4, 100_000), // ImageLength
        (258, 3, 8),       // BitsPerSample
        (259, 3, 1),       // Compression: none
        (262, 3, 1),       // BlackIsZero
        (273, 4, 200),     // StripOffsets
        (278, 4, 100_000), // RowsPerStrip
        (279, 4, 10),      // StripByteCounts
    ];
    let mut tif = b"II*\0".to_vec();
    tif.extend_from_slice(&8u32.to_le_bytes());
    tif.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    for (tag, kind, value) in entries {
        tif.extend_from_slice(&tag.to_le_bytes());
        tif.extend_from_slice(&kind.to_le_bytes());
        tif.extend_from_slice(&1u32.to_le_bytes());
        tif.extend_from_slice(&value.to_le_bytes());
    }
    tif.extend_from_slice(&0u32.to_le_bytes());
    tif.resize(210, 0);
    let err = import_bytes(&tif, "bomb.tif", &Limits::default()).unwrap_err();
    assert_eq!(err.code(), "capture-image-too-large", "{err}");
}

#[test]
fn pdf_page_too_large_to_render_is_refused() {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let content = Content {
        operations: vec![Operation::new("n", vec![])],
    };
    // 14 400 pt = 200 inches square: 3.6 gigapixels at 300 dpi.
    let pdf = pdf_page(doc, pages_id, content, None, (14_400.0, 14_400.0), None);
    let err = import_bytes(&pdf, "huge.pdf", &Limits::default()).unwrap_err();
    assert_eq!(err.code(), "capture-image-too-large");
}

#[test]
fn other_hostile_inputs_get_their_own_errors() {
    let limits = Limits::default();
    let code = |bytes: &[u8]| import_bytes(bytes, "x", &limits).unwrap_err().code();
    assert_eq!(code(b""), "capture-truncated");
    assert_eq!(code(b"just some text"), "capture-unsupported-format");
    assert_eq!(code(b"%PDF-1.7\ngarbage"), "capture-corrupt");
    assert_eq!(
        code(b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR"),
        "capture-truncated"
    );
    let small = Limits {
        max_file_bytes: 1024,
        ..Limits::default()
    };
    let big = jpeg(300, 300, None);
    assert_eq!(
        import_bytes(&big, "big.jpg", &small).unwrap_err().code(),
        "capture-file-too-large"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.jpg");
    std::fs::write(&path, &big).unwrap();
    assert_eq!(
        import_file(&path, &small).unwrap_err().code(),
        "capture-file-too-large"
    );
    assert_eq!(
        import_file(&dir.path().join("missing.png"), &limits)
            .unwrap_err()
            .code(),
        "capture-io"
    );
}

#[test]
fn jpeg_thumbnail_is_200_high_and_follows_rotation() {
    let bytes = jpeg(800, 400, None);
    let mut page = one(import_bytes(&bytes, "t.jpg", &Limits::default()).unwrap());
    let t = thumbnail(&page, 200).unwrap();
    assert_eq!((t.width, t.height), (400, 200));
    page.rotation = Rotation::R270;
    let t = thumbnail(&page, 200).unwrap();
    assert_eq!((t.width, t.height), (100, 200));
    // Rotation is metadata only: the JPEG itself is untouched.
    assert_eq!(page.kind, PageKind::Jpeg { bytes });
}
