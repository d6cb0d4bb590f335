//! What the clerk no longer types at each visit: the key file's path (remembered per clerk on
//! this installation, the password never), document titles and issuers seen before, and the
//! signed consent's file (scanned straight from the scanner).
mod common;

use common::*;
use rastau_capture::{PageKind, ScanPage};
use rastau_core::store::Files;
use rastau_core::visit::Document;
use rastau_core::Error;
use rastau_sign::test_pki::{ClerkOptions, PASSWORD};

#[test]
fn the_key_files_path_is_remembered_for_its_clerk_and_the_password_never() {
    let mut c = consented_visit(&[birth_certificate()]);
    let keys = tempfile::tempdir().unwrap();
    let path = keys.path().join("RSA256_clerk.p12");
    std::fs::write(&path, c.pki.clerk(&clerk_iin(), ClerkOptions::default())).unwrap();
    let app = &mut c.desk.app;
    assert_eq!(app.remembered_key_path().unwrap(), None);

    // A wrong password opens nothing and remembers nothing.
    assert!(matches!(
        app.open_signing_key_file(&path, "not-the-password"),
        Err(Error::Sign(_))
    ));
    assert_eq!(app.remembered_key_path().unwrap(), None);
    app.open_signing_key_file(&path, PASSWORD).unwrap();
    let remembered = Some(path.to_string_lossy().into_owned());
    assert_eq!(app.remembered_key_path().unwrap(), remembered);

    // The next session, after a restart, offers the path; the key itself is closed.
    app.logout().unwrap();
    let Counter { desk, visit_id, .. } = c;
    let mut desk = desk.restart();
    desk.as_clerk();
    assert_eq!(desk.app.remembered_key_path().unwrap(), remembered);
    assert!(matches!(
        certify_with(&mut desk.app, visit_id, 1, &[scanned_page(1)]),
        Err(Error::NoSigningKey)
    ));

    // Another account on the same installation has a path of its own, none yet.
    desk.as_supervisor();
    assert_eq!(desk.app.remembered_key_path().unwrap(), None);

    // Nothing of the password reaches the store's files.
    drop(desk.app);
    for entry in std::fs::read_dir(desk.dir.path()).unwrap() {
        let file = entry.unwrap().path();
        if file.is_file() {
            let bytes = std::fs::read(&file).unwrap();
            let found = bytes
                .windows(PASSWORD.len())
                .any(|w| w == PASSWORD.as_bytes());
            assert!(!found, "the password is in {}", file.display());
        }
    }
}

#[test]
fn titles_and_issuers_seen_before_are_offered_most_frequent_first() {
    let mut c = listed_visit(&[birth_certificate()]);
    assert_eq!(
        c.desk.app.document_suggestions().unwrap().titles,
        vec!["Туу туралы куәлік"]
    );
    let diploma = Document {
        title: "Диплом".into(),
        issuer: "ҚазҰУ".into(),
        ..birth_certificate()
    };
    let no_issuer = Document {
        issuer: String::new(),
        ..diploma.clone()
    };
    c.desk
        .app
        .set_documents(c.visit_id, &[diploma, no_issuer, birth_certificate()], true)
        .unwrap();
    let offered = c.desk.app.document_suggestions().unwrap();
    assert_eq!(offered.titles, vec!["Диплом", "Туу туралы куәлік"]);
    assert_eq!(offered.issuers, vec!["АХАТ", "ҚазҰУ"], "no empty issuer");

    c.desk.app.logout().unwrap();
    assert!(matches!(
        c.desk.app.document_suggestions(),
        Err(Error::NotLoggedIn)
    ));
}

#[test]
fn the_signed_consent_is_kept_straight_from_the_scanner() {
    let mut c = consented_visit(&[birth_certificate()]);
    // What SANE gives: decoded gray samples, kept as a lossless PNG.
    let samples: Vec<u8> = (0..1240u32 * 1754).map(|i| (i % 251) as u8).collect();
    let scanned = ScanPage::pixels(samples.clone(), 1, 1240, 1754, 150).unwrap();
    let visit = c
        .desk
        .app
        .attach_consent_page(c.visit_id, &scanned)
        .unwrap();
    let hash = visit.consent_scan_hash.expect("the scan is kept");
    let kept = Files::new(c.desk.dir.path()).get(&hash).unwrap();
    let image = image::load_from_memory(&kept).unwrap().to_luma8();
    assert_eq!((image.width(), image.height()), (1240, 1754));
    assert_eq!(image.into_raw(), samples);

    // A scanner that sends JPEG: its bytes are the scan.
    let page = scanned_page(30);
    let visit = c.desk.app.attach_consent_page(c.visit_id, &page).unwrap();
    let PageKind::Jpeg { bytes } = &page.kind else {
        unreachable!("the fixture is a JPEG")
    };
    let kept = Files::new(c.desk.dir.path())
        .get(&visit.consent_scan_hash.unwrap())
        .unwrap();
    assert_eq!(&kept, bytes);
}
