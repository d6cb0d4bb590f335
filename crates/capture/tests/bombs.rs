//! Small files that declare huge contents: refused with a translated error before the memory
//! is taken, never an abort.

use flate2::write::ZlibEncoder;
use flate2::Compression;
use rastau_capture::{import_bytes, Limits};
use rastau_coded::{Arg, Coded};
use rastau_pdf_guard::test_files::{deeply_nested, object_stream_bomb, pdf, stream};
use std::io::Write;
use std::time::{Duration, Instant};

fn zlib(data: &[u8]) -> Vec<u8> {
    let mut enc = ZlibEncoder::new(Vec::new(), Compression::best());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

/// A little-endian TIFF of `pages` pages of `side` × `side` 8-bit gray, every page pointing at
/// the same Deflate strip of zeros: a few kilobytes that decode to `pages` × `side`² bytes.
fn tiff_bomb(pages: u32, side: u32) -> Vec<u8> {
    let strip = zlib(&vec![0; (side * side) as usize]);
    let mut tif = b"II*\0".to_vec();
    let first_ifd = 8 + strip.len() as u32;
    tif.extend_from_slice(&first_ifd.to_le_bytes());
    tif.extend_from_slice(&strip);
    let entries = |_page: u32| -> [(u16, u16, u32); 9] {
        [
            (256, 4, side),               // ImageWidth
            (257, 4, side),               // ImageLength
            (258, 3, 8),                  // BitsPerSample
            (259, 3, 8),                  // Compression: Deflate
            (262, 3, 1),                  // BlackIsZero
            (273, 4, 8),                  // StripOffsets: the one shared strip
            (277, 3, 1),                  // SamplesPerPixel
            (278, 4, side),               // RowsPerStrip
            (279, 4, strip.len() as u32), // StripByteCounts
        ]
    };
    for page in 0..pages {
        let ifd = entries(page);
        tif.extend_from_slice(&(ifd.len() as u16).to_le_bytes());
        for (tag, kind, value) in ifd {
            tif.extend_from_slice(&tag.to_le_bytes());
            tif.extend_from_slice(&kind.to_le_bytes());
            tif.extend_from_slice(&1u32.to_le_bytes());
            tif.extend_from_slice(&value.to_le_bytes());
        }
        let next = if page + 1 == pages {
            0
        } else {
            tif.len() as u32 + 4
        };
        tif.extend_from_slice(&next.to_le_bytes());
    }
    tif
}

#[test]
fn a_tiny_tiff_of_many_big_pages_is_refused_before_decoding() {
    // 60 pages of 25 MB, and 500 pages of 4 MB: gigabytes from a few dozen kilobytes.
    for (pages, side) in [(60, 5000), (500, 2000)] {
        let tif = tiff_bomb(pages, side);
        assert!(tif.len() < 100 * 1024, "{} bytes", tif.len());
        let started = Instant::now();
        let err = import_bytes(&tif, "bomb.tif", &Limits::default()).unwrap_err();
        assert_eq!(err.code(), "capture-expands-too-far", "{err}");
        assert!(err.args().contains(&("file", Arg::from("bomb.tif"))));
        assert!(err.args().contains(&("max_mb", Arg::Number(1024))));
        // Refused from the headers: no page was decoded.
        let took = started.elapsed();
        assert!(took < Duration::from_secs(2), "{pages} pages: {took:?}");
    }
}

#[test]
fn the_pages_of_one_import_share_one_budget() {
    let limits = Limits {
        max_decoded_bytes: 3 * 100 * 100,
        ..Limits::default()
    };
    let pages = import_bytes(&tiff_bomb(3, 100), "three.tif", &limits).unwrap();
    assert_eq!(pages.len(), 3);
    let err = import_bytes(&tiff_bomb(4, 100), "four.tif", &limits).unwrap_err();
    assert_eq!(err.code(), "capture-expands-too-far", "{err}");
}

#[test]
fn more_pages_than_the_limit_are_refused() {
    let limits = Limits {
        max_pages: 3,
        ..Limits::default()
    };
    let err = import_bytes(&tiff_bomb(4, 2000), "four.tif", &limits).unwrap_err();
    assert_eq!(err.code(), "capture-too-many-pages", "{err}");
    assert!(err.args().contains(&("pages", Arg::Number(4))));
}

#[test]
fn a_pdf_with_a_nested_compressed_object_stream_is_refused_before_lopdf() {
    let pdf = object_stream_bomb(1 << 30);
    let err = import_bytes(&pdf, "bomb.pdf", &Limits::default()).unwrap_err();
    assert_eq!(err.code(), "capture-expands-too-far", "{err}");
    assert!(err.args().contains(&("file", Arg::from("bomb.pdf"))));
    assert!(err.args().contains(&("max_mb", Arg::Number(256))));
}

#[test]
fn a_pdf_nested_past_the_parsers_stack_is_refused() {
    let err = import_bytes(&deeply_nested(100_000), "deep.pdf", &Limits::default()).unwrap_err();
    assert_eq!(err.code(), "capture-pdf-too-complex", "{err}");
    assert_eq!(err.args(), vec![("file", Arg::from("deep.pdf"))]);
}

/// A PDF of `pages` A4 pages drawing a rectangle each: every page is rendered.
fn vector_pages(pages: usize) -> Vec<u8> {
    let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", 4 + i)).collect();
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {pages} >>",
            kids.join(" ")
        )
        .into_bytes(),
        stream("", b"0 0 1 rg 100 100 200 200 re f"),
    ];
    objects.extend((0..pages).map(|_| {
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>".to_vec()
    }));
    pdf(&objects)
}

#[test]
fn the_pages_of_a_pdf_share_one_budget_before_any_is_rendered() {
    // Three A4 pages at 300 dpi are 26 MB each once rendered.
    let limits = Limits {
        max_decoded_bytes: 60 << 20,
        ..Limits::default()
    };
    let started = Instant::now();
    let err = import_bytes(&vector_pages(3), "three.pdf", &limits).unwrap_err();
    assert_eq!(err.code(), "capture-expands-too-far", "{err}");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}
