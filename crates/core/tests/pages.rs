//! The page strip of a visit: pages kept as they arrive, turned, ordered, deleted and restored,
//! assigned to the listed documents, then certified from what was assigned.
mod common;

use common::*;
use rastau_core::scans::{PageSource, PageView};
use rastau_core::visit::Document;
use rastau_core::Error;
use rastau_sign::test_pki::{ClerkOptions, PASSWORD};

fn ids(pages: &[PageView]) -> Vec<i64> {
    pages.iter().map(|p| p.id).collect()
}

fn scanned(c: &mut Counter, shades: &[u8]) -> Vec<PageView> {
    let pages: Vec<_> = shades.iter().map(|&s| scanned_page(s)).collect();
    c.desk
        .app
        .add_pages(c.visit_id, &pages, PageSource::Feeder, None)
        .unwrap()
}

#[test]
fn pages_are_turned_ordered_assigned_and_certified_in_that_order() {
    let two_sheets = Document {
        sheets: 2,
        ..birth_certificate()
    };
    let mut c = consented_visit(&[two_sheets]);
    let pages = scanned(&mut c, &[0, 60, 120]);
    assert_eq!(pages.len(), 3);
    assert!(pages
        .iter()
        .all(|p| p.thumbnail.starts_with("data:image/png;base64,")));
    assert!(pages
        .iter()
        .all(|p| p.position.is_none() && p.rotation == 0));
    let [a, b, third] = ids(&pages)[..] else {
        unreachable!()
    };

    let app = &mut c.desk.app;
    let turned = app.rotate_page(b, 90).unwrap();
    assert_eq!(turned[1].rotation, 90);
    assert_eq!(app.rotate_page(b, -180).unwrap()[1].rotation, 270);
    assert_eq!(ids(&app.move_page(third, 0).unwrap()), vec![third, a, b]);
    assert_eq!(ids(&app.delete_page(a).unwrap()), vec![third, b]);
    assert_eq!(ids(&app.restore_page(a).unwrap()), vec![third, a, b]);
    app.delete_page(third).unwrap();
    for id in [a, b] {
        app.assign_page(id, Some(1)).unwrap();
    }
    assert!(matches!(
        app.assign_page(a, Some(2)),
        Err(Error::DocumentNotFound { position: 2 })
    ));

    let key = c.pki.clerk(&clerk_iin(), ClerkOptions::default());
    app.open_signing_key(&key, PASSWORD).unwrap();
    let copy = app.certify_document(c.visit_id, 1).unwrap();
    assert_eq!(copy.page_count, 2, "the deleted page is not certified");
    let pdf = rastau_core::store::Files::new(app.store().dir())
        .get(&copy.pdf_hash)
        .unwrap();
    let text = String::from_utf8_lossy(&pdf);
    assert!(
        text.contains("/Rotate 270"),
        "the turned page keeps its turn"
    );
}

#[test]
fn a_document_without_pages_is_not_certified() {
    let mut c = consented_visit(&[birth_certificate()]);
    scanned(&mut c, &[0]);
    let key = c.pki.clerk(&clerk_iin(), ClerkOptions::default());
    c.desk.app.open_signing_key(&key, PASSWORD).unwrap();
    assert!(matches!(
        c.desk.app.certify_document(c.visit_id, 1),
        Err(Error::NoPagesAssigned { position: 1 })
    ));
}

#[test]
fn pages_survive_a_restart_and_a_bad_file_loses_nothing_before_it() {
    let mut c = consented_visit(&[birth_certificate()]);
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.jpg");
    let bad = dir.path().join("cut.jpg");
    let jpeg = rastau_capture::test_pages::TestPage::sized(600, 800).jpeg();
    std::fs::write(&good, &jpeg).unwrap();
    std::fs::write(&bad, &jpeg[..jpeg.len() / 3]).unwrap();
    let refused = c.desk.app.import_files(
        c.visit_id,
        &[good.as_path(), bad.as_path()],
        PageSource::File,
        Some(1),
    );
    assert!(matches!(refused, Err(Error::Capture(_))), "{refused:?}");

    let Counter { desk, visit_id, .. } = c;
    let mut desk = desk.restart();
    desk.app.login(&clerk_iin(), "clerk-pass-1").unwrap();
    let kept = desk.app.pages(visit_id).unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].position, Some(1));
    assert_eq!(kept[0].source, PageSource::File);
}

#[test]
fn only_the_visits_clerk_touches_its_pages() {
    let mut c = consented_visit(&[birth_certificate()]);
    let page = scanned(&mut c, &[0])[0].id;
    let other = iin("91030330033");
    c.desk.app.logout().unwrap();
    c.desk.as_supervisor();
    hire(
        &mut c.desk.app,
        &person(other.clone(), "Басқа Қызметкер", "password-1"),
    );
    c.desk.app.login(&other, "password-1").unwrap();
    assert!(matches!(
        c.desk.app.delete_page(page),
        Err(Error::NotYourVisit)
    ));
    assert!(matches!(
        c.desk.app.pages(c.visit_id),
        Err(Error::NotYourVisit)
    ));
}

/// A visit with two listed documents of one sheet each, the first certified from its page;
/// returns the counter, that page and an unassigned one.
fn first_document_certified() -> (Counter, i64, i64) {
    let diploma = Document {
        title: "Диплом".into(),
        ..birth_certificate()
    };
    let mut c = consented_visit(&[birth_certificate(), diploma]);
    let [page, loose] = ids(&scanned(&mut c, &[0, 60]))[..] else {
        unreachable!()
    };
    let app = &mut c.desk.app;
    app.assign_page(page, Some(1)).unwrap();
    let key = c.pki.clerk(&clerk_iin(), ClerkOptions::default());
    app.open_signing_key(&key, PASSWORD).unwrap();
    app.certify_document(c.visit_id, 1).unwrap();
    (c, page, loose)
}

fn assert_frozen<T: std::fmt::Debug>(result: rastau_core::Result<T>) {
    match result {
        Err(e @ Error::CertifiedPagesFrozen { position: 1 }) => {
            for lang in [rastau_core::Lang::Kk, rastau_core::Lang::Ru] {
                let said = rastau_core::i18n::Messages::new(lang).error(&e);
                assert!(
                    said.starts_with("Документ 1 ") || said.starts_with("1-құжат "),
                    "{said}"
                );
                assert!(!said.contains("error-"), "{said}");
            }
        }
        other => panic!("expected the certified document's pages to be frozen: {other:?}"),
    }
}

/// The strip as it stands: (id, position, rotation) of every page shown.
fn strip(c: &mut Counter) -> Vec<(i64, Option<u32>, u16)> {
    let pages = c.desk.app.pages(c.visit_id).unwrap();
    pages
        .iter()
        .map(|p| (p.id, p.position, p.rotation))
        .collect()
}

#[test]
fn a_certified_documents_page_is_not_turned() {
    let (mut c, page, _) = first_document_certified();
    let before = strip(&mut c);
    assert_frozen(c.desk.app.rotate_page(page, 90));
    assert_eq!(strip(&mut c), before);
}

#[test]
fn a_certified_documents_page_is_not_moved() {
    let (mut c, page, loose) = first_document_certified();
    assert_frozen(c.desk.app.move_page(page, 1));
    assert_eq!(
        ids(&c.desk.app.pages(c.visit_id).unwrap()),
        vec![page, loose]
    );
    // Other pages still move around it; its own document's order stays as certified.
    assert_eq!(
        ids(&c.desk.app.move_page(loose, 0).unwrap()),
        vec![loose, page]
    );
}

#[test]
fn a_certified_documents_page_is_not_deleted() {
    let (mut c, page, _) = first_document_certified();
    let before = strip(&mut c);
    assert_frozen(c.desk.app.delete_page(page));
    assert_eq!(strip(&mut c), before);
}

#[test]
fn a_page_deleted_before_certification_is_not_brought_back_onto_the_copy() {
    let two_sheets = Document {
        sheets: 2,
        ..birth_certificate()
    };
    let mut c = consented_visit(&[two_sheets]);
    let [a, b, extra] = ids(&scanned(&mut c, &[0, 60, 120]))[..] else {
        unreachable!()
    };
    let app = &mut c.desk.app;
    for id in [a, b, extra] {
        app.assign_page(id, Some(1)).unwrap();
    }
    app.delete_page(extra).unwrap();
    let key = c.pki.clerk(&clerk_iin(), ClerkOptions::default());
    app.open_signing_key(&key, PASSWORD).unwrap();
    assert_eq!(app.certify_document(c.visit_id, 1).unwrap().page_count, 2);
    // The undo the strip offered for the whole visit no longer reaches the certified document.
    assert_frozen(app.restore_page(extra));
    assert_eq!(ids(&app.pages(c.visit_id).unwrap()), vec![a, b]);
}

#[test]
fn a_certified_documents_page_is_not_reassigned_nor_another_page_given_to_it() {
    let (mut c, page, loose) = first_document_certified();
    assert_frozen(c.desk.app.assign_page(page, Some(2)));
    assert_frozen(c.desk.app.assign_page(page, None));
    assert_frozen(c.desk.app.assign_page(loose, Some(1)));
    assert_eq!(
        strip(&mut c),
        vec![(page, Some(1), 0), (loose, None, 0)],
        "nothing moved between the documents"
    );
    // The document not yet certified still takes pages.
    c.desk.app.assign_page(loose, Some(2)).unwrap();
}

#[test]
fn no_new_page_reaches_a_certified_document() {
    let (mut c, _, _) = first_document_certified();
    let before = strip(&mut c);
    let page = scanned_page(200);
    let scanned = c.desk.app.add_pages(
        c.visit_id,
        std::slice::from_ref(&page),
        PageSource::Flatbed,
        Some(1),
    );
    assert_frozen(scanned);
    assert_eq!(strip(&mut c), before);
    c.desk
        .app
        .add_pages(c.visit_id, &[page], PageSource::Flatbed, Some(2))
        .unwrap();
}

#[test]
fn a_certified_documents_page_is_not_rescanned() {
    let (mut c, page, _) = first_document_certified();
    let before = c.desk.app.pages(c.visit_id).unwrap();
    assert_frozen(c.desk.app.replace_page(page, &scanned_page(250)));
    assert_eq!(
        c.desk.app.pages(c.visit_id).unwrap(),
        before,
        "the image is the certified one"
    );
}

#[test]
fn a_file_from_the_scan_folder_goes_to_the_document_the_clerk_chose() {
    let (mut c, _, _) = first_document_certified();
    let folder = tempfile::tempdir().unwrap();
    let drop = |name: &str| {
        let path = folder.path().join(name);
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new(&mut jpeg)
            .encode_image(&image::GrayImage::from_pixel(600, 800, image::Luma([90])))
            .unwrap();
        std::fs::write(&path, jpeg).unwrap();
        path
    };
    let pages = c
        .desk
        .app
        .import_from_scan_folder(c.visit_id, &drop("scan-1.jpg"), Some(2))
        .unwrap();
    let last = pages.last().unwrap();
    assert_eq!((last.source, last.position), (PageSource::Folder, Some(2)));

    // A certified document takes no more pages; the file is not to blame and stays put.
    let late = drop("scan-2.jpg");
    assert_frozen(
        c.desk
            .app
            .import_from_scan_folder(c.visit_id, &late, Some(1)),
    );
    assert!(late.exists());
    assert!(!folder
        .path()
        .join(rastau_core::scans::REFUSED_FOLDER)
        .exists());
}

#[test]
fn a_page_opens_large_enough_to_read_upright_whatever_its_turn() {
    let mut c = consented_visit(&[birth_certificate()]);
    let page = scanned(&mut c, &[0]).remove(0);
    let app = &mut c.desk.app;
    app.rotate_page(page.id, 90).unwrap();
    let url = app.page_image(page.id).unwrap();
    let png = url
        .strip_prefix("data:image/png;base64,")
        .expect("a PNG data URL");
    use base64::Engine;
    let png = base64::engine::general_purpose::STANDARD
        .decode(png)
        .unwrap();
    let image = image::load_from_memory(&png).unwrap();
    // The scan is 1748×2480; opened large it keeps its proportions, far above the strip's 240.
    assert_eq!((image.width(), image.height()), (1269, 1800));

    app.logout().unwrap();
    assert!(matches!(app.page_image(page.id), Err(Error::NotLoggedIn)));
}
