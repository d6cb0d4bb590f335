//! Files from outside that are built to hurt: refused with a translated error, never an abort.
mod common;

use rastau_core::i18n::Messages;
use rastau_core::scans::REFUSED_FOLDER;
use rastau_core::Coded;
use rastau_core::Lang;
use rastau_pdf_guard::test_files::object_stream_bomb;
use rastau_sign::test_pki::{ClerkOptions, TestPki, PASSWORD};
use rastau_sign::{Pkcs12Signer, Signer};

#[test]
fn verifying_a_bomb_with_its_own_signature_is_refused_before_lopdf_inflates_it() {
    let desk = common::set_up();
    let pdf = object_stream_bomb(1 << 30);
    // A genuine signature over the bomb: the file is only read for its QR code after that.
    let pki = TestPki::new();
    let p12 = pki.clerk(&common::clerk_iin(), ClerkOptions::default());
    let signature = Pkcs12Signer::open(&p12, PASSWORD)
        .unwrap()
        .sign_detached(&pdf, chrono::Utc::now())
        .unwrap();
    let err = desk.app.verify_file(&pdf, Some(&signature)).unwrap_err();
    assert_eq!(err.code(), "sign-pdf-expands", "{err}");
    for lang in Lang::ALL {
        let text = Messages::new(lang).error(&err);
        assert!(text.contains("256"), "{text}");
        assert!(!text.contains("error-"), "{text}");
    }
}

/// `name` in a fresh scan folder holding `bytes`.
fn dropped(folder: &std::path::Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = folder.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn a_bomb_dropped_into_the_scan_folder_is_set_aside_with_the_reason_in_both_languages() {
    let mut c = common::consented_visit(&[common::birth_certificate()]);
    let folder = tempfile::tempdir().unwrap();
    let bomb = object_stream_bomb(1 << 30);
    let err = c
        .desk
        .app
        .import_from_scan_folder(c.visit_id, &dropped(folder.path(), "scan.pdf", &bomb), None)
        .unwrap_err();
    assert_eq!(err.code(), "capture-expands-too-far", "{err}");

    let refused = folder.path().join(REFUSED_FOLDER);
    assert!(!folder.path().join("scan.pdf").exists());
    assert_eq!(std::fs::read(refused.join("scan.pdf")).unwrap(), bomb);
    let reason = std::fs::read(refused.join("scan.pdf.txt")).unwrap();
    let reason = String::from_utf8(reason).unwrap();
    for lang in Lang::ALL {
        let said = Messages::new(lang).error(&err);
        assert!(
            reason.contains(&said.replace('\n', "\r\n")),
            "{lang:?}: {reason}"
        );
    }
    assert!(reason.contains("«scan.pdf»"), "{reason}");
    assert!(c.desk.app.pages(c.visit_id).unwrap().is_empty());

    // A second refused file of the same name keeps the first.
    let again = dropped(folder.path(), "scan.pdf", b"%PDF-1.7\nnot a document");
    let err = c
        .desk
        .app
        .import_from_scan_folder(c.visit_id, &again, None)
        .unwrap_err();
    assert_eq!(err.code(), "capture-corrupt", "{err}");
    assert_eq!(std::fs::read(refused.join("scan.pdf")).unwrap(), bomb);
    assert!(refused.join("scan (2).pdf").exists());
    assert!(refused.join("scan (2).pdf.txt").exists());
}

#[test]
fn a_good_scan_is_taken_and_a_refusal_that_is_not_the_files_fault_leaves_it_in_place() {
    let mut c = common::consented_visit(&[common::birth_certificate()]);
    let folder = tempfile::tempdir().unwrap();
    let jpeg = rastau_capture::test_pages::TestPage::sized(600, 800).jpeg();
    let scan = dropped(folder.path(), "page.jpg", &jpeg);
    let pages = c
        .desk
        .app
        .import_from_scan_folder(c.visit_id, &scan, None)
        .unwrap();
    assert_eq!(pages.len(), 1);
    assert!(scan.exists());

    // Signed out: the file is fine, the moment is not.
    c.desk.app.logout().unwrap();
    let later = dropped(folder.path(), "later.jpg", &jpeg);
    assert!(c
        .desk
        .app
        .import_from_scan_folder(c.visit_id, &later, None)
        .is_err());
    assert!(later.exists());
    assert!(!folder.path().join(REFUSED_FOLDER).exists());
}
