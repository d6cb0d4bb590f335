//! The certified copy checked with poppler: page sizes, JPEG pass-through, text, QR.

mod common;

use common::*;
use rastau_pdf::{certified_copy, Channels, PageImage, PdfError, Rotation, ScanPage};

struct Fixture {
    jpegs: Vec<Vec<u8>>,
    pixels: Vec<u8>,
    pdf: Vec<u8>,
}

/// Page 1: A4 gray JPEG at 300 dpi; page 2: A5 landscape RGB JPEG at 200 dpi, turned 90°;
/// page 3: decoded RGB pixels (a PNG scan) at 150 dpi.
fn fixture() -> Fixture {
    let jpegs = vec![jpeg(2480, 3508, true), jpeg(1654, 1165, false)];
    let (pw, ph) = (300u32, 420u32);
    let pixels: Vec<u8> = (0..pw * ph * 3).map(|i| (i % 251) as u8).collect();
    let pages = vec![
        ScanPage::new(PageImage::jpeg(jpegs[0].clone(), Some(300.0)).unwrap()),
        ScanPage::new(PageImage::jpeg(jpegs[1].clone(), Some(200.0)).unwrap())
            .rotated(Rotation::Cw90),
        ScanPage::new(
            PageImage::pixels(pixels.clone(), pw, ph, Channels::Rgb, Some(150.0)).unwrap(),
        ),
    ];
    let hashes: Vec<&[u8]> = vec![&jpegs[0], &jpegs[1], &pixels];
    let pdf = certified_copy(&pages, &sheet(&hashes)).unwrap();
    Fixture { jpegs, pixels, pdf }
}

fn page_line<'a>(info: &'a str, page: usize, what: &str) -> &'a str {
    let prefix = format!("Page {page:>4} {what}:");
    info.lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("no {prefix} in {info}"))
}

fn size_of(line: &str) -> (f32, f32) {
    let nums: Vec<f32> = line
        .split_whitespace()
        .filter_map(|t| t.parse().ok())
        .collect();
    (nums[1], nums[2])
}

#[test]
fn pages_have_true_paper_size_and_rotation() {
    let f = fixture();
    let dir = temp_dir("sizes");
    let path = write(&dir, "copy.pdf", &f.pdf);
    let info = run("pdfinfo", &["-f", "1", "-l", "4", &path]);
    assert!(info.contains("Pages:           4"), "{info}");
    let close = |(w, h): (f32, f32), (ew, eh): (f32, f32)| {
        assert!(
            (w - ew).abs() <= 1.0 && (h - eh).abs() <= 1.0,
            "{w}x{h} vs {ew}x{eh}"
        );
    };
    close(size_of(page_line(&info, 1, "size")), (595.0, 842.0)); // A4 at 300 dpi
    close(size_of(page_line(&info, 2, "size")), (595.4, 419.4)); // A5 landscape, 200 dpi
    close(size_of(page_line(&info, 3, "size")), (144.0, 201.6)); // 300×420 px at 150 dpi
    close(size_of(page_line(&info, 4, "size")), (595.0, 842.0)); // the A4 sheet
    assert!(page_line(&info, 1, "rot").ends_with(" 0"));
    assert!(page_line(&info, 2, "rot").ends_with(" 90"));
}

#[test]
fn jpeg_pages_come_back_byte_identical() {
    let f = fixture();
    let dir = temp_dir("jpeg");
    let path = write(&dir, "copy.pdf", &f.pdf);
    let list = run("pdfimages", &["-list", &path]);
    let rows: Vec<Vec<&str>> = list
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(rows.len(), 3, "{list}");
    // columns: page num type width height color comp bpc enc ...
    assert_eq!(
        (rows[0][0], rows[0][3], rows[0][4], rows[0][8]),
        ("1", "2480", "3508", "jpeg")
    );
    assert_eq!(rows[0][5], "gray");
    assert_eq!((rows[1][0], rows[1][3], rows[1][8]), ("2", "1654", "jpeg"));
    assert_eq!((rows[2][0], rows[2][5], rows[2][8]), ("3", "rgb", "image"));

    let prefix = dir.join("img");
    run("pdfimages", &["-j", &path, prefix.to_str().unwrap()]);
    for (i, original) in f.jpegs.iter().enumerate() {
        let got = std::fs::read(dir.join(format!("img-{i:03}.jpg"))).unwrap();
        assert!(got == *original, "page {} JPEG differs", i + 1);
    }
    // The Flate page is lossless too: pdfimages writes it back as a PPM with our pixels.
    let ppm = std::fs::read(dir.join("img-002.ppm")).unwrap();
    assert!(ppm.ends_with(&f.pixels));
}

#[test]
fn certification_page_text_is_extractable() {
    let f = fixture();
    let dir = temp_dir("text");
    let path = write(&dir, "copy.pdf", &f.pdf);
    let text = run(
        "pdftotext",
        &["-f", "4", "-l", "4", "-enc", "UTF-8", &path, "-"],
    );
    let flat = squash(&text);
    for c in KAZAKH_LETTERS.chars() {
        assert!(text.contains(c), "{c} missing from:\n{text}");
    }
    let sheet = sheet(&[&f.jpegs[0], &f.jpegs[1], &f.pixels]);
    for h in &sheet.page_hashes {
        assert!(text.contains(h.as_str()), "hash {h} missing");
    }
    for t in [&sheet.kk, &sheet.ru] {
        for s in [
            &t.title,
            &t.statement,
            &t.clerk.value,
            &t.center.value,
            &t.certified_at.value,
        ] {
            assert!(flat.contains(&squash(s)), "{s:?} missing from:\n{text}");
        }
    }
    // Rule 2.1: the original's sheets beside the pages scanned, so a missing page shows.
    let counts = "Түпнұсқа парақтарының саны Количество листов подлинника 3 \
                  Беттер саны Количество страниц 3";
    assert!(flat.contains(counts), "{text}");
}

#[test]
fn qr_decodes_to_the_payload() {
    let f = fixture();
    let dir = temp_dir("qr");
    let path = write(&dir, "copy.pdf", &f.pdf);
    let out = dir.join("sheet");
    run(
        "pdftoppm",
        &[
            "-f",
            "4",
            "-l",
            "4",
            "-r",
            "150",
            "-png",
            "-singlefile",
            &path,
            out.to_str().unwrap(),
        ],
    );
    let img = image::open(dir.join("sheet.png")).unwrap().to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(img);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1);
    let (_, content) = grids[0].decode().unwrap();
    assert_eq!(content.as_bytes(), b"RASTAU:ECD:2026-000123:900215400019");
}

#[test]
fn output_is_deterministic_classic_pdf() {
    let a = fixture().pdf;
    let b = fixture().pdf;
    assert!(a == b, "two runs differ");
    let tail = String::from_utf8_lossy(&a[a.len() - 400..]).to_string();
    assert!(tail.contains("\nxref\n") || String::from_utf8_lossy(&a).contains("\nxref\n"));
    assert!(
        tail.contains("trailer") && tail.contains("/ID") && tail.ends_with("%%EOF\n"),
        "{tail}"
    );
    let all = String::from_utf8_lossy(&a);
    assert!(!all.contains("/ObjStm") && !all.contains("/XRef"));
    assert!(!all.contains("/CreationDate"));
}

#[test]
fn sheet_must_list_one_hash_per_page() {
    let img = PageImage::jpeg(jpeg(100, 100, true), None).unwrap();
    let pages = [ScanPage::new(img)];
    let err = certified_copy(&pages, &sheet(&[])).unwrap_err();
    assert_eq!(
        err,
        PdfError::HashCountMismatch {
            pages: 1,
            hashes: 0
        }
    );
    assert_eq!(
        certified_copy(&[], &sheet(&[])).unwrap_err(),
        PdfError::NoPages
    );
}
