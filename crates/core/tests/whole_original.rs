//! Rule 2.1: the electronic copy reproduces the whole paper original. The clerk lists each
//! document with its original's sheet count; a copy is certified only from as many scanned
//! pages, and its certification sheet prints both numbers.
mod common;

use common::poppler::{one_line, page_count, run, save};
use common::*;
use rastau_core::i18n::Messages;
use rastau_core::scans::PageSource;
use rastau_core::visit::Document;
use rastau_core::{Error, Lang};
use rastau_sign::test_pki::{ClerkOptions, PASSWORD};

fn three_sheets() -> Document {
    Document {
        title: "Еңбек кітапшасы".into(),
        number: "АТ-I 004512".into(),
        issued_on: "01.09.2001".into(),
        issuer: "ЖШС «Қарағанды Көмір»".into(),
        sheets: 3,
    }
}

fn open_clerk_key(c: &mut Counter) {
    let key = c.pki.clerk(&clerk_iin(), ClerkOptions::default());
    c.desk.app.open_signing_key(&key, PASSWORD).unwrap();
}

fn pages(count: u8) -> Vec<rastau_capture::ScanPage> {
    (0..count).map(|i| scanned_page(i * 50)).collect()
}

/// The text of the certification sheet, the copy's last page, on one line.
fn sheet_text(pdf: &[u8]) -> String {
    let name = "copy-three-sheets";
    let last = page_count(pdf, name).to_string();
    let path = save(pdf, name);
    let args = [
        "-f",
        &last,
        "-l",
        &last,
        "-enc",
        "UTF-8",
        path.to_str().unwrap(),
        "-",
    ];
    one_line(&String::from_utf8(run("pdftotext", &args, "poppler-utils")).unwrap())
}

#[test]
fn a_document_is_listed_with_the_sheet_count_of_its_original() {
    let mut c = listed_visit(&[]);
    let uncounted = Document {
        sheets: 0,
        ..birth_certificate()
    };
    let refused = c
        .desk
        .app
        .set_documents(c.visit_id, &[three_sheets(), uncounted], false)
        .unwrap_err();
    assert!(
        matches!(refused, Error::SheetsMissing { position: 2 }),
        "{refused:?}"
    );
    let ru = Messages::new(Lang::Ru).error(&refused);
    assert!(ru.contains("листов в подлиннике документа 2"), "{ru}");
    let view = c.desk.app.my_open_visits().unwrap().remove(0);
    assert!(view.documents.is_empty(), "nothing listed: {view:?}");

    let listed = c
        .desk
        .app
        .set_documents(c.visit_id, &[three_sheets(), birth_certificate()], false)
        .unwrap();
    let sheets: Vec<u32> = listed.documents.iter().map(|d| d.sheets).collect();
    assert_eq!(sheets, [3, 1]);
}

#[test]
fn a_copy_is_certified_only_from_as_many_pages_as_the_original_has_sheets() {
    let mut c = consented_visit(&[three_sheets()]);
    open_clerk_key(&mut c);
    // Two pages kept for three sheets, then two more: refused each time, naming both numbers.
    let app = &mut c.desk.app;
    let mut refusals = vec![];
    for count in [2, 4] {
        let refused = certify_with(app, c.visit_id, 1, &pages(2)).unwrap_err();
        assert!(
            matches!(
                refused,
                Error::SheetCountMismatch { position: 1, sheets: 3, pages } if pages == count
            ),
            "{refused:?}"
        );
        refusals.push(refused);
    }
    let ru = Messages::new(Lang::Ru).error(&refusals[0]);
    assert!(
        ru.contains("в подлиннике 3 листа") && ru.contains("отнесены 2 страницы"),
        "{ru}"
    );
    let kk = Messages::new(Lang::Kk).error(&refusals[0]);
    assert!(
        kk.contains("түпнұсқада 3 парақ") && kk.contains("2 бет"),
        "{kk}"
    );
    assert!(app.copies(&person_applicant().tax_id).unwrap().is_empty());

    // The page scanned twice deleted: three pages, the whole original.
    let last = app.pages(c.visit_id).unwrap().pop().unwrap();
    app.delete_page(last.id).unwrap();
    let copy = app.certify_document(c.visit_id, 1).unwrap();
    assert_eq!(copy.page_count, 3);
    let pdf = c.desk.app.store().files().get(&copy.pdf_hash).unwrap();
    let text = sheet_text(&pdf);
    for counts in [
        "Түпнұсқа парақтарының саны Количество листов подлинника 3",
        "Беттер саны Количество страниц 3",
    ] {
        assert!(text.contains(counts), "«{counts}» is missing from {text}");
    }
}

#[test]
fn a_deleted_page_does_not_make_a_complete_copy() {
    let mut c = consented_visit(&[three_sheets()]);
    open_clerk_key(&mut c);
    let strip = c
        .desk
        .app
        .add_pages(c.visit_id, &pages(3), PageSource::Flatbed, Some(1))
        .unwrap();
    c.desk.app.delete_page(strip[1].id).unwrap();
    assert!(matches!(
        c.desk.app.certify_document(c.visit_id, 1),
        Err(Error::SheetCountMismatch {
            position: 1,
            sheets: 3,
            pages: 2
        })
    ));
    c.desk.app.restore_page(strip[1].id).unwrap();
    assert_eq!(
        c.desk
            .app
            .certify_document(c.visit_id, 1)
            .unwrap()
            .page_count,
        3
    );
}
