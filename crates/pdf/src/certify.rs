//! The certified electronic copy: the scanned pages followed by a bilingual certification
//! sheet (Kazakh first, as the state language, then Russian).
//!
//! All wording comes from the caller already localised (the app keeps it in Fluent); this
//! module only lays it out.

use crate::document::Document;
use crate::flow::Flow;
use crate::geom::Orientation;
use crate::page::Page;
use crate::scan::ScanPage;
use crate::table::{Cell, Table};
use crate::text::{Align, TextStyle};
use crate::PdfError;

/// A labelled value on the certification sheet, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Field {
    /// The caption, e.g. "Өтініш беруші" / "Заявитель".
    pub label: String,
    /// The value; when the Kazakh and Russian values are equal it is printed once.
    pub value: String,
}

impl Field {
    /// A field from its label and value.
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> Self {
        Field {
            label: label.into(),
            value: value.into(),
        }
    }
}

/// Every text of the certification sheet in one language.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SheetText {
    /// Heading of the sheet.
    pub title: String,
    /// Applicant's full name or organisation.
    pub applicant: Field,
    /// Applicant's IIN or BIN.
    pub id_number: Field,
    /// Title of the certified document.
    pub document: Field,
    /// Number of the document.
    pub document_number: Field,
    /// Date of issue of the document.
    pub document_date: Field,
    /// Who issued the document.
    pub issuer: Field,
    /// Caption of the paper original's sheet count, printed beside the page count.
    pub sheets_label: String,
    /// Caption of the page count (the count itself is taken from the pages).
    pub pages_label: String,
    /// Heading of the list of page fingerprints, e.g. "Бет бейнелерінің SHA-256 хэштері".
    pub hashes_heading: String,
    /// Clerk's full name.
    pub clerk: Field,
    /// Clerk's position.
    pub position: Field,
    /// The public service center.
    pub center: Field,
    /// Date and time of certification, already formatted (no clock is read here).
    pub certified_at: Field,
    /// The sentence that the copy is certified with the clerk's EDS.
    pub statement: String,
    /// What the QR code holds, printed beside it.
    pub qr_caption: String,
}

/// Input of the certification sheet.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CertificationSheet {
    /// Kazakh texts.
    pub kk: SheetText,
    /// Russian texts.
    pub ru: SheetText,
    /// How many sheets the paper original has, as the clerk counted them when listing it.
    pub original_sheets: u32,
    /// SHA-256 (hex, see [`crate::sha256_hex`]) of each page image, in page order.
    pub page_hashes: Vec<String>,
    /// Bytes the QR code holds (e.g. a signed reference into the CSC information system).
    pub qr_payload: Vec<u8>,
}

/// Builds the certified copy: each scan at its true paper size, then the certification
/// sheet. Fails if `sheet` lists a different number of hashes than there are pages.
pub fn certified_copy(pages: &[ScanPage], sheet: &CertificationSheet) -> Result<Vec<u8>, PdfError> {
    if pages.is_empty() {
        return Err(PdfError::NoPages);
    }
    let mut doc = Document::new();
    for p in pages {
        doc.push(Page::scan(p.image.clone(), p.rotation));
    }
    for page in certification_pages(sheet, pages.len())? {
        doc.push(page);
    }
    if !sheet.kk.document.value.is_empty() {
        doc.set_title(sheet.kk.document.value.clone());
    }
    if let Ok(text) = std::str::from_utf8(&sheet.qr_payload) {
        doc.set_qr_text(text);
    }
    doc.to_pdf()
}

/// Lays out the certification sheet (one A4 page, more only for very many page hashes).
pub fn certification_pages(
    sheet: &CertificationSheet,
    page_count: usize,
) -> Result<Vec<Page>, PdfError> {
    if sheet.page_hashes.len() != page_count {
        return Err(PdfError::HashCountMismatch {
            pages: page_count,
            hashes: sheet.page_hashes.len(),
        });
    }
    let (kk, ru) = (&sheet.kk, &sheet.ru);
    let mut flow = Flow::a4(Orientation::Portrait, [20.0, 14.0, 15.0, 14.0]);
    let (x, width) = (flow.left, flow.width);

    let title = TextStyle::bold(12.5).align(Align::Center);
    let h = title.height(&kk.title, width) + title.height(&ru.title, width) + 8.0;
    let (page, y) = flow.reserve(h);
    let used = page.text(x, y, width, &kk.title, &title);
    page.text(x, y + used, width, &ru.title, &title);
    page.rule(x, x + width, y + h - 2.0, 1.2, 0.0);
    flow.skip(8.0);

    let count = page_count.to_string();
    let pages_field = |t: &SheetText| Field::new(t.pages_label.clone(), count.clone());
    let sheets = sheet.original_sheets.to_string();
    let sheets_field = |t: &SheetText| Field::new(t.sheets_label.clone(), sheets.clone());
    let rows = [
        (&kk.applicant, &ru.applicant),
        (&kk.id_number, &ru.id_number),
        (&kk.document, &ru.document),
        (&kk.document_number, &ru.document_number),
        (&kk.document_date, &ru.document_date),
        (&kk.issuer, &ru.issuer),
        (&sheets_field(kk), &sheets_field(ru)),
        (&pages_field(kk), &pages_field(ru)),
        (&kk.clerk, &ru.clerk),
        (&kk.position, &ru.position),
        (&kk.center, &ru.center),
        (&kk.certified_at, &ru.certified_at),
    ];
    let label = TextStyle::regular(7.5).gray(0.3);
    let value = TextStyle::regular(9.5);
    let mut details = Table::new(vec![width * 0.36, width * 0.64]);
    details.padding = 3.0;
    for (k, r) in rows {
        details.row(vec![
            Cell::new(pair(&k.label, &r.label), label).shaded(0.94),
            Cell::new(pair(&k.value, &r.value), value),
        ]);
    }
    flow.table(&details, None);
    flow.skip(10.0);

    let heading = TextStyle::bold(9.5);
    let text = pair(&kk.hashes_heading, &ru.hashes_heading);
    let (page, y) = flow.reserve(heading.height(&text, width) + 2.0);
    page.text(x, y, width, &text, &heading);
    let mut hashes = Table::new(vec![34.0, width - 34.0]);
    hashes.padding = 2.5;
    let head = TextStyle::bold(8.0);
    hashes.row(vec![
        Cell::new("№", head.align(Align::Center)).shaded(0.94),
        Cell::new("SHA-256", head).shaded(0.94),
    ]);
    let hash_style = TextStyle::regular(8.5);
    for (i, h) in sheet.page_hashes.iter().enumerate() {
        hashes.row(vec![
            Cell::new((i + 1).to_string(), hash_style.align(Align::Center)),
            Cell::new(h.clone(), hash_style),
        ]);
    }
    flow.table(&hashes, Some(0));
    flow.skip(12.0);

    // The statement on the left, the QR code on the right, kept together on one page.
    let qr_size = 108.0;
    let gap = 14.0;
    let text_w = width - qr_size - gap;
    let statement = TextStyle::regular(9.0);
    let caption = TextStyle::regular(7.5).gray(0.3);
    let statement_h = statement.height(&kk.statement, text_w)
        + 6.0
        + statement.height(&ru.statement, text_w)
        + 8.0
        + caption.height(&pair(&kk.qr_caption, &ru.qr_caption), text_w);
    let (page, y) = flow.reserve(statement_h.max(qr_size));
    let mut ty = y;
    ty += page.text(x, ty, text_w, &kk.statement, &statement) + 6.0;
    ty += page.text(x, ty, text_w, &ru.statement, &statement) + 8.0;
    page.text(
        x,
        ty,
        text_w,
        &pair(&kk.qr_caption, &ru.qr_caption),
        &caption,
    );
    page.qr(&sheet.qr_payload, x + width - qr_size, y, qr_size)?;

    Ok(flow.into_numbered_pages())
}

/// "kk\nru", or the value once when both languages agree.
fn pair(kk: &str, ru: &str) -> String {
    if kk == ru || ru.is_empty() {
        kk.to_string()
    } else if kk.is_empty() {
        ru.to_string()
    } else {
        format!("{kk}\n{ru}")
    }
}
