//! A clerk at the counter with a consented visit, and scanned pages to certify.
use super::*;
use rastau_capture::{import_bytes, Limits, ScanPage};
use rastau_core::visit::{Document, OpenVisit};
use rastau_sign::test_pki::TestPki;

/// A scanned A5 page as a real JPEG, through the same import the counter uses.
pub fn scanned_page(shade: u8) -> ScanPage {
    let img = image::GrayImage::from_fn(1748, 2480, |x, y| {
        image::Luma([shade ^ ((x / 40 + y / 40) % 2 * 255) as u8])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 85)
        .encode_image(&img)
        .unwrap();
    import_bytes(&jpeg, "page.jpg", &Limits::default())
        .unwrap()
        .remove(0)
}

pub struct Counter {
    pub desk: Desk,
    pub pki: TestPki,
    pub visit_id: i64,
}

/// A clerk at the counter with a consented visit listing one document.
pub fn consented_visit() -> Counter {
    let mut desk = with_clerk();
    desk.app.login(&clerk_iin(), "clerk-pass-1").unwrap();
    let visit = desk
        .app
        .open_visit(&OpenVisit {
            applicant: person_applicant(),
            representative: None,
        })
        .unwrap();
    let document = Document {
        title: "Туу туралы куәлік".into(),
        number: "I-АЖ 123456".into(),
        issued_on: "12.03.1995".into(),
        issuer: "АХАТ".into(),
    };
    desk.app
        .set_documents(visit.id, &[document], false)
        .unwrap();
    desk.app.confirm_consent(visit.id).unwrap();
    Counter {
        desk,
        pki: TestPki::new(),
        visit_id: visit.id,
    }
}
