//! A certification in three steps, as the window runs it so that the store is free while the
//! copy is made and signed: whatever changes in between (a page, the session, another
//! certification of the same document) is caught when the copy is recorded, and then nothing
//! is recorded and none of its files stay.
mod common;

use common::*;
use rastau_core::scans::PageSource;
use rastau_core::visit::Document;
use rastau_core::{Coded, Rastau, SignedCopy};
use rastau_sign::test_pki::{ClerkOptions, PASSWORD};

fn two_sheets() -> Document {
    Document {
        sheets: 2,
        ..birth_certificate()
    }
}

/// A consented visit with one two-sheet document, its pages kept under it and the key open.
fn ready() -> Counter {
    let mut c = consented_visit(&[two_sheets()]);
    let pages = [scanned_page(10), scanned_page(90)];
    c.desk
        .app
        .add_pages(c.visit_id, &pages, PageSource::Flatbed, Some(1))
        .unwrap();
    let key = c.pki.clerk(&clerk_iin(), ClerkOptions::default());
    c.desk.app.open_signing_key(&key, PASSWORD).unwrap();
    c
}

/// Document 1 checked, made and signed, not yet recorded.
fn signed_copy(c: &mut Counter) -> SignedCopy {
    let job = c.desk.app.start_certification(c.visit_id, 1).unwrap();
    job.sign().unwrap()
}

fn copies_kept(c: &mut Counter) -> usize {
    let tax_id = person_applicant().tax_id;
    c.desk.app.copies(&tax_id).unwrap().len()
}

fn stored_files(app: &Rastau) -> usize {
    walk(&app.store().dir().join(rastau_core::store::FILES_DIR))
}

fn walk(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().path())
                .map(|p| if p.is_dir() { walk(&p) } else { 1 })
                .sum()
        })
        .unwrap_or(0)
}

#[test]
fn the_store_answers_while_the_copy_is_signed_and_the_copy_is_recorded_after() {
    let mut c = ready();
    let job = c.desk.app.start_certification(c.visit_id, 1).unwrap();
    // The copy is made with no hold on the application: other commands run meanwhile.
    let signed = std::thread::spawn(move || job.sign().unwrap());
    assert_eq!(c.desk.app.pages(c.visit_id).unwrap().len(), 2);
    let copy = c
        .desk
        .app
        .finish_certification(signed.join().unwrap())
        .unwrap();
    assert_eq!(copy.page_count, 2);
    assert_eq!(copies_kept(&mut c), 1);
}

#[test]
fn a_page_turned_meanwhile_leaves_no_copy_and_no_files() {
    let mut c = ready();
    let before = stored_files(&c.desk.app);
    let signed = signed_copy(&mut c);
    let page = c.desk.app.pages(c.visit_id).unwrap()[1].id;
    c.desk.app.delete_page(page).unwrap();
    c.desk.app.restore_page(page).unwrap();
    let turned = c.desk.app.pages(c.visit_id).unwrap()[0].id;
    c.desk.app.rotate_page(turned, 90).unwrap();
    let err = c.desk.app.finish_certification(signed).unwrap_err();
    assert_eq!(err.code(), "pages-changed-while-certifying");
    assert!(c
        .desk
        .app
        .copies(&person_applicant().tax_id)
        .unwrap()
        .is_empty());
    assert_eq!(
        stored_files(&c.desk.app),
        before,
        "the signed files went with it"
    );
    // Certified again from the pages as they are now, it goes through.
    c.desk.app.certify_document(c.visit_id, 1).unwrap();
}

#[test]
fn a_session_ended_meanwhile_or_a_second_copy_of_the_same_document_is_refused() {
    let mut c = ready();
    let (first, second) = (signed_copy(&mut c), signed_copy(&mut c));
    c.desk.app.finish_certification(first).unwrap();
    let err = c.desk.app.finish_certification(second).unwrap_err();
    assert_eq!(err.code(), "already-certified");
    assert_eq!(copies_kept(&mut c), 1);

    let mut c = ready();
    let signed = signed_copy(&mut c);
    c.desk.app.logout().unwrap();
    let err = c.desk.app.finish_certification(signed).unwrap_err();
    assert_eq!(err.code(), "not-logged-in");
}
