//! Assembling a 10-page certified copy from A4 300-dpi JPEG scans.
//!
//! The JPEGs are generated once into `<temp dir>/rastau-pdf-bench/` (the same files
//! `img2pdf-baseline.sh` converts, for a side-by-side figure).

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion};
use rastau_capture::test_pages::TestPage;
use rastau_pdf::{
    certified_copy, sha256_hex, CertificationSheet, Field, PageImage, ScanPage, SheetText,
};

const PAGES: usize = 10;

fn jpeg_dir() -> PathBuf {
    let dir = std::env::temp_dir().join("rastau-pdf-bench");
    std::fs::create_dir_all(&dir).unwrap();
    for i in 0..PAGES {
        let path = dir.join(format!("page-{i:02}.jpg"));
        if !path.exists() {
            // A4 at 300 dpi with text-like lines, so the files have realistic sizes.
            let page = TestPage::a4(300).variant(i as u32);
            std::fs::write(&path, page.jpeg()).unwrap();
        }
    }
    dir
}

fn sheet(hashes: Vec<String>) -> CertificationSheet {
    let text = |lang: &str| SheetText {
        title: format!("{lang}: Құжаттың электрондық көшірмесін куәландыру парағы"),
        applicant: Field::new("Өтініш беруші", "Ұлықбекова Әсел Ғабитқызы"),
        id_number: Field::new("ЖСН", "900215400019"),
        document: Field::new("Құжат", "Туу туралы куәлік"),
        document_number: Field::new("Нөмірі", "0123456"),
        document_date: Field::new("Күні", "15.02.1990"),
        issuer: Field::new("Берген", "АХАЖ"),
        sheets_label: "Түпнұсқа парақтары".into(),
        pages_label: "Беттер саны".into(),
        hashes_heading: "SHA-256".into(),
        clerk: Field::new("Қызметкер", "Серікбаев Нұрлан"),
        position: Field::new("Лауазымы", "Бас маман"),
        center: Field::new("ХҚКО", "№ 3 ХҚКО"),
        certified_at: Field::new("Күні", "23.11.2026 14:05"),
        statement: "Электрондық цифрлық қолтаңбамен куәландырылған.".into(),
        qr_caption: "QR".into(),
    };
    CertificationSheet {
        kk: text("kk"),
        ru: text("ru"),
        original_sheets: hashes.len() as u32,
        page_hashes: hashes,
        qr_payload: b"RASTAU:ECD:2026-000123".to_vec(),
    }
}

fn bench(c: &mut Criterion) {
    let dir = jpeg_dir();
    let files: Vec<PathBuf> = (0..PAGES)
        .map(|i| dir.join(format!("page-{i:02}.jpg")))
        .collect();
    let bytes: Vec<Vec<u8>> = files.iter().map(|p| std::fs::read(p).unwrap()).collect();
    let hashes: Vec<String> = bytes.iter().map(|b| sha256_hex(b)).collect();
    let sheet = sheet(hashes);
    let total: usize = bytes.iter().map(Vec::len).sum();
    eprintln!("{PAGES} JPEGs, {total} bytes in {}", dir.display());

    let mut group = c.benchmark_group("certified_copy_10_a4_300dpi_jpeg");
    group.sample_size(20);
    group.bench_function("in_memory", |b| {
        b.iter(|| {
            let pages: Vec<ScanPage> = bytes
                .iter()
                .map(|j| ScanPage::new(PageImage::jpeg(j.clone(), Some(300.0)).unwrap()))
                .collect();
            certified_copy(&pages, &sheet).unwrap()
        })
    });
    // The certification sheet alone (font subsetting, layout, QR): the part img2pdf lacks.
    group.bench_function("sheet_only", |b| {
        b.iter(|| {
            let mut doc = rastau_pdf::Document::new();
            for page in rastau_pdf::certification_pages(&sheet, PAGES).unwrap() {
                doc.push(page);
            }
            doc.to_pdf().unwrap()
        })
    });
    // Files in, file out, including hashing the pages: what img2pdf's CLI is timed doing.
    let out = dir.join("rastau.pdf");
    group.bench_function("files_to_file_with_hashes", |b| {
        b.iter(|| {
            let mut hashes = Vec::new();
            let pages: Vec<ScanPage> = files
                .iter()
                .map(|f| {
                    let j = std::fs::read(f).unwrap();
                    hashes.push(sha256_hex(&j));
                    ScanPage::new(PageImage::jpeg(j, Some(300.0)).unwrap())
                })
                .collect();
            let sheet = CertificationSheet {
                page_hashes: hashes,
                ..sheet.clone()
            };
            std::fs::write(&out, certified_copy(&pages, &sheet).unwrap()).unwrap();
        })
    });
    // Like for like with `img2pdf.convert(files)` + write: the files read, their pages only
    // (no certification sheet, no hashes), the PDF written to a file.
    let plain = dir.join("rastau-pages-only.pdf");
    group.bench_function("files_to_file_pages_only", |b| {
        b.iter(|| {
            let mut doc = rastau_pdf::Document::new();
            for f in &files {
                let image = PageImage::jpeg(std::fs::read(f).unwrap(), Some(300.0)).unwrap();
                doc.push(rastau_pdf::Page::scan(image, rastau_pdf::Rotation::None));
            }
            std::fs::write(&plain, doc.to_pdf().unwrap()).unwrap();
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
