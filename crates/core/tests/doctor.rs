//! `doctor` on a real store: healthy after a certification; then a changed file, a missing
//! file and a stray file are each named; a file written a moment ago is not (yet) a stray.
mod common;

use common::*;
use rastau_core::doctor;
use std::fs;

#[test]
fn a_changed_a_missing_and_a_stray_file_are_named() {
    let mut c = consented_visit(&[birth_certificate()]);
    let copy = c.certify_all(1).remove(0);
    let store = c.desk.app.store();
    let healthy = doctor::check(store).unwrap();
    assert!(healthy.healthy(), "{healthy:?}");
    // The copy, its signature and the page image with its thumbnail.
    assert!(healthy.checked >= 2, "{healthy:?}");

    let files = store.files();
    let pdf = files.path(&copy.pdf_hash);
    let mut bytes = fs::read(&pdf).unwrap();
    bytes[100] ^= 1;
    fs::write(&pdf, bytes).unwrap();
    fs::remove_file(files.path(&copy.signature_hash)).unwrap();
    let stray = pdf.with_file_name(".tmpAbC123");
    left_long_ago(&stray, b"half a file");
    // Another process's write, its record on the way, is no stray yet.
    files.put(b"a record is on its way").unwrap();

    let report = doctor::check(store).unwrap();
    assert!(!report.healthy());
    assert_eq!(report.damaged, [("copy".to_owned(), copy.pdf_hash.clone())]);
    assert_eq!(
        report.missing,
        [("copy-signature".to_owned(), copy.signature_hash.clone())]
    );
    assert_eq!(report.orphans, [".tmpAbC123"]);
}
