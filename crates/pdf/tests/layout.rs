//! The form-building API checked with poppler: sizes, alignment, tables, text size budget.

mod common;

use common::*;
use rastau_pdf::{
    certification_pages, Align, Cell, Channels, Document, Flow, Orientation, Page, PageImage, Rect,
    Table, TextStyle,
};

/// Word boxes from `pdftotext -bbox`: (word, xMin, yMin, xMax, yMax).
fn words(pdf_path: &str) -> Vec<(String, f32, f32, f32, f32)> {
    let html = run("pdftotext", &["-bbox", "-enc", "UTF-8", pdf_path, "-"]);
    html.lines()
        .filter(|l| l.trim_start().starts_with("<word"))
        .map(|l| {
            let attr = |name: &str| -> f32 {
                let start = l.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                l[start..].split('"').next().unwrap().parse().unwrap()
            };
            let word = l
                .split('>')
                .nth(1)
                .unwrap()
                .split('<')
                .next()
                .unwrap()
                .to_string();
            (word, attr("xMin"), attr("yMin"), attr("xMax"), attr("yMax"))
        })
        .collect()
}

#[test]
fn landscape_form_with_alignment_table_image_and_qr() {
    let mut page = Page::a4(Orientation::Landscape);
    let w = page.width();
    page.text(
        40.0,
        40.0,
        w - 80.0,
        "ОҢҒА",
        &TextStyle::bold(14.0).align(Align::Right),
    );
    page.text(
        40.0,
        70.0,
        w - 80.0,
        "ОРТАСЫ",
        &TextStyle::regular(12.0).align(Align::Center),
    );
    page.rule(40.0, w - 40.0, 95.0, 0.8, 0.0);
    let mut table = Table::new(vec![40.0, 300.0, 200.0]);
    let s = TextStyle::regular(9.0);
    table.row(vec![
        Cell::new("№", TextStyle::bold(9.0)).shaded(0.9),
        Cell::new("Құжаттың деректемелері", TextStyle::bold(9.0)).shaded(0.9),
        Cell::new("Бас тарту негізі", TextStyle::bold(9.0)).shaded(0.9),
    ]);
    table.row(vec![
        Cell::new("1", s),
        Cell::new(
            "Жылжымайтын мүлікке құқық туралы куәлік, нөмірі 12345, 2001 жылғы 1 наурыз",
            s,
        ),
        Cell::new("Қарындашпен жазылған", s),
    ]);
    let h = page.table(40.0, 110.0, &table);
    assert!(h > 3.0 * 9.0 * 1.3, "the long cell wraps");
    let logo = PageImage::pixels(vec![128; 50 * 20], 50, 20, Channels::Gray, None).unwrap();
    page.image(logo, Rect::new(40.0, 300.0, 100.0, 40.0));
    page.qr(b"receipt 2026-000123", w - 140.0, 300.0, 100.0)
        .unwrap();
    let mut doc = Document::new();
    doc.set_title("Хабарлама").push(page);
    let pdf = doc.to_pdf().unwrap();

    let dir = temp_dir("layout");
    let path = write(&dir, "form.pdf", &pdf);
    let info = run("pdfinfo", &[&path]);
    assert!(
        info.contains("841.89 x 595.276 pts") || info.contains("842 x 595"),
        "{info}"
    );
    assert!(info.contains("Title:           Хабарлама"), "{info}");
    let words = words(&path);
    let right = words.iter().find(|w| w.0 == "ОҢҒА").unwrap();
    assert!(
        (right.3 - (w - 40.0)).abs() < 2.0,
        "right-aligned: {right:?}"
    );
    let centre = words.iter().find(|w| w.0 == "ОРТАСЫ").unwrap();
    assert!(
        ((centre.1 + centre.3) / 2.0 - w / 2.0).abs() < 2.0,
        "centred: {centre:?}"
    );
    // The wrapped cell stays inside its column (x 80..380).
    for word in words
        .iter()
        .filter(|w| w.2 > 110.0 && w.4 < 110.0 + h && w.1 > 80.0)
    {
        assert!(
            word.3 <= 380.0 || word.1 >= 380.0,
            "{word:?} crosses a column"
        );
    }
    let images = run("pdfimages", &["-list", &path]);
    assert_eq!(images.lines().count(), 3, "{images}");
}

#[test]
fn text_only_sheet_is_small_and_fonts_are_subset() {
    let mut doc = Document::new();
    let hashes: Vec<Vec<u8>> = (0..10u8).map(|i| vec![i; 10]).collect();
    let refs: Vec<&[u8]> = hashes.iter().map(|h| h.as_slice()).collect();
    for page in certification_pages(&sheet(&refs), 10).unwrap() {
        doc.push(page);
    }
    let pdf = doc.to_pdf().unwrap();
    assert!(pdf.len() < 100_000, "{} bytes", pdf.len());
    let dir = temp_dir("small");
    let path = write(&dir, "sheet.pdf", &pdf);
    let fonts = run("pdffonts", &[&path]);
    assert_eq!(
        fonts.lines().filter(|l| l.contains("+NotoSans-")).count(),
        2,
        "{fonts}"
    );
    assert!(
        fonts.lines().skip(2).all(|l| l.contains("yes yes yes")),
        "{fonts}"
    );
    let text = run("pdftotext", &["-enc", "UTF-8", &path, "-"]);
    for c in KAZAKH_LETTERS.chars() {
        assert!(text.contains(c), "{c} missing");
    }
}

#[test]
fn many_hashes_continue_on_a_second_sheet_page() {
    let data: Vec<Vec<u8>> = (0..60u8).map(|i| vec![i]).collect();
    let refs: Vec<&[u8]> = data.iter().map(|h| h.as_slice()).collect();
    let pages = certification_pages(&sheet(&refs), 60).unwrap();
    assert!(pages.len() >= 2);
    let mut doc = Document::new();
    for p in pages {
        doc.push(p);
    }
    let dir = temp_dir("many");
    let path = write(&dir, "sheet.pdf", &doc.to_pdf().unwrap());
    let text = run("pdftotext", &["-enc", "UTF-8", &path, "-"]);
    for d in &data {
        assert!(text.contains(&rastau_pdf::sha256_hex(d)));
    }
}

#[test]
fn flow_keeps_blocks_whole() {
    let mut flow = Flow::a4(Orientation::Portrait, [20.0, 20.0, 20.0, 20.0]);
    let style = TextStyle::regular(11.0);
    let para = "Өтініш берушінің келісімі бойынша құжаттардың электрондық көшірмелері \
                электрондық жеткізгіште беріледі. "
        .repeat(4);
    for _ in 0..12 {
        let h = style.height(&para, flow.width);
        let x = flow.left;
        let width = flow.width;
        let (page, y) = flow.reserve(h);
        assert!(y + h <= page.height() - rastau_pdf::mm(20.0) + 0.01);
        page.text(x, y, width, &para, &style);
        flow.skip(6.0);
    }
    assert!(flow.page_count() >= 2);
}
