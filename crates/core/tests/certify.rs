//! Certifying a document: scanned pages → PDF with its certification sheet → PAdES and CAdES
//! signatures with the clerk's own key → files stored by hash → the copy kept six months.
mod common;

use chrono::{Duration, Timelike};
use common::*;
use rastau_core::copy::KEEP_MONTHS;
use rastau_core::i18n::Messages;
use rastau_core::store::Files;
use rastau_core::visit::{Document, OpenVisit};
use rastau_core::{Error, Lang};
use rastau_sign::test_pki::{ClerkOptions, TestPki, PASSWORD};
use rastau_sign::{verify_detached, verify_pdf, SignError};
use std::process::Command;

fn clerk_key(pki: &TestPki, opts: ClerkOptions) -> Vec<u8> {
    pki.clerk(&clerk_iin(), opts)
}

#[test]
fn a_certified_copy_is_signed_stored_and_kept_six_months() {
    let two_sheets = Document {
        sheets: 2,
        ..birth_certificate()
    };
    let mut c = consented_visit(&[two_sheets]);
    let key = clerk_key(
        c.pki,
        ClerkOptions {
            name: "Ғабитов Ұлан",
            ..Default::default()
        },
    );
    let cert = c.desk.app.open_signing_key(&key, PASSWORD).unwrap();
    assert_eq!(cert.iin.as_deref(), Some(clerk_iin().as_str()));

    let pages = [scanned_page(0), scanned_page(40)];
    let copy = certify_with(&mut c.desk.app, c.visit_id, 1, &pages).unwrap();
    assert_eq!(copy.page_count, 2);
    let certified_on = copy.certified_at.with_timezone(&chrono::Local).date_naive();
    assert_eq!(
        copy.kept_through,
        certified_on + chrono::Months::new(KEEP_MONTHS)
    );
    let leaves_on = copy.keep_until.with_timezone(&chrono::Local);
    assert_eq!(
        leaves_on.date_naive(),
        copy.kept_through.succ_opt().unwrap()
    );
    assert_eq!(
        leaves_on.time(),
        chrono::NaiveTime::MIN,
        "at local midnight"
    );

    let files = Files::new(c.desk.dir.path());
    let pdf = files.get(&copy.pdf_hash).unwrap();
    let signature = files.get(&copy.signature_hash).unwrap();
    let in_pdf = verify_pdf(&pdf, &c.pki.trust(), c.desk.clock_now()).unwrap();
    assert!(in_pdf.intact && in_pdf.trusted, "{in_pdf:?}");
    assert_eq!(in_pdf.signer.iin.as_deref(), Some(clerk_iin().as_str()));
    let beside = verify_detached(&pdf, &signature, &c.pki.trust(), c.desk.clock_now()).unwrap();
    assert!(beside.intact && beside.trusted);
    // One clock: both signatures claim the moment the record says, not the computer's.
    let certified_at = copy.certified_at.with_nanosecond(0).unwrap();
    assert_eq!(in_pdf.signing_time, Some(certified_at));
    assert_eq!(beside.signing_time, Some(certified_at));

    // The sheet says the one Law sentence and how to check its QR code, in both languages.
    let sheet = poppler::one_line(&poppler::text_of(&pdf, "certified-copy"));
    for lang in Lang::ALL {
        let m = Messages::new(lang);
        for id in ["printed-law-equivalence", "copy-qr-caption"] {
            poppler::assert_has(&sheet, &m.text(id, []), id);
        }
    }

    // The same files pass OpenSSL's own check, and fail it after a one-byte change.
    let dir = tempfile::tempdir().unwrap();
    let ca = c.pki.write_ca(dir.path()).unwrap();
    let (pdf_path, sig_path) = (dir.path().join("copy.pdf"), dir.path().join("copy.p7s"));
    std::fs::write(&sig_path, &signature).unwrap();
    let openssl_verifies = |bytes: &[u8]| {
        std::fs::write(&pdf_path, bytes).unwrap();
        Command::new("openssl")
            .args([
                "cms",
                "-verify",
                "-binary",
                "-inform",
                "DER",
                "-out",
                "/dev/null",
            ])
            .arg("-content")
            .arg(&pdf_path)
            .arg("-in")
            .arg(&sig_path)
            .arg("-CAfile")
            .arg(&ca)
            .output()
            .expect("openssl (Debian package openssl) runs")
            .status
            .success()
    };
    assert!(openssl_verifies(&pdf));
    let mut changed = pdf.clone();
    changed[pdf.len() / 2] ^= 1;
    assert!(!openssl_verifies(&changed));

    // The applicant's copies are offered again on a later visit, until the period ends.
    let listed = c.desk.app.copies(&person_applicant().tax_id).unwrap();
    assert_eq!(
        listed.iter().map(|c| c.id).collect::<Vec<_>>(),
        vec![copy.id]
    );
    assert!(matches!(
        c.desk.app.certify_document(c.visit_id, 1),
        Err(Error::AlreadyCertified)
    ));
    c.desk.clock.advance(Duration::days(31 * 6 + 1));
    c.desk.app.login(&clerk_iin(), "clerk-pass-1").unwrap();
    assert!(c
        .desk
        .app
        .copies(&person_applicant().tax_id)
        .unwrap()
        .is_empty());
}

#[test]
fn no_key_no_consent_no_certification() {
    let mut c = consented_visit(&[birth_certificate()]);
    assert!(matches!(
        certify_with(&mut c.desk.app, c.visit_id, 1, &[scanned_page(0)]),
        Err(Error::NoSigningKey)
    ));
    let key = clerk_key(c.pki, ClerkOptions::default());
    c.desk.app.open_signing_key(&key, PASSWORD).unwrap();
    assert!(matches!(
        certify_with(&mut c.desk.app, c.visit_id, 2, &[scanned_page(0)]),
        Err(Error::DocumentNotFound { position: 2 })
    ));
    let unconsented = c
        .desk
        .app
        .open_visit(&OpenVisit {
            applicant: person_applicant(),
            representative: None,
        })
        .unwrap();
    assert!(matches!(
        certify_with(&mut c.desk.app, unconsented.id, 1, &[scanned_page(0)]),
        Err(Error::ConsentMissing)
    ));
}

#[test]
fn wrong_keys_are_refused_with_their_reason() {
    let mut c = consented_visit(&[birth_certificate()]);
    let own = clerk_key(c.pki, ClerkOptions::default());
    assert!(matches!(
        c.desk.app.open_signing_key(&own, "wrong"),
        Err(Error::Sign(SignError::WrongPassword))
    ));
    let expired = clerk_key(
        c.pki,
        ClerkOptions {
            expired: true,
            ..Default::default()
        },
    );
    assert!(matches!(
        c.desk.app.open_signing_key(&expired, PASSWORD),
        Err(Error::Sign(SignError::Expired { .. }))
    ));
    let auth_only = clerk_key(
        c.pki,
        ClerkOptions {
            auth_only: true,
            ..Default::default()
        },
    );
    assert!(matches!(
        c.desk.app.open_signing_key(&auth_only, PASSWORD),
        Err(Error::Sign(SignError::NotForSigning))
    ));
    let someone_else = c.pki.clerk(&supervisor_iin(), ClerkOptions::default());
    assert!(matches!(
        c.desk.app.open_signing_key(&someone_else, PASSWORD),
        Err(Error::Sign(SignError::WrongPerson { .. }))
    ));
    // None of them left a key open.
    assert!(matches!(
        certify_with(&mut c.desk.app, c.visit_id, 1, &[scanned_page(0)]),
        Err(Error::NoSigningKey)
    ));
}

/// The forger's way in: a self-signed certificate with the clerk's IIN and nonRepudiation (or
/// the supervisor's, see the notices' tests) passes every check on the certificate itself; so
/// does a key of a CA nobody trusts. Neither may certify.
#[test]
fn only_a_key_of_a_trusted_ca_certifies() {
    let mut c = consented_visit(&[birth_certificate()]);
    let forged = c.pki.self_signed(&clerk_iin());
    let e = c.desk.app.open_signing_key(&forged, PASSWORD).unwrap_err();
    assert!(
        matches!(e, Error::Sign(SignError::UntrustedIssuer { .. })),
        "{e:?}"
    );
    let stranger = TestPki::new().clerk(&clerk_iin(), ClerkOptions::default());
    let e = c
        .desk
        .app
        .open_signing_key(&stranger, PASSWORD)
        .unwrap_err();
    assert!(
        matches!(e, Error::Sign(SignError::UntrustedIssuer { .. })),
        "{e:?}"
    );
    assert!(matches!(
        certify_with(&mut c.desk.app, c.visit_id, 1, &[scanned_page(0)]),
        Err(Error::NoSigningKey)
    ));
}

/// With no CA trusted, nothing certifies, and the message names what a supervisor adds; a key
/// opened while its CA was trusted stops certifying once the CA is removed.
#[test]
fn without_a_trusted_ca_nothing_certifies() {
    let mut c = consented_visit(&[birth_certificate()]);
    let key = clerk_key(c.pki, ClerkOptions::default());
    c.desk.app.open_signing_key(&key, PASSWORD).unwrap();

    c.desk.as_supervisor();
    let trusted = c.desk.app.trusted_cas().unwrap();
    assert_eq!(trusted.len(), 1);
    assert!(c
        .desk
        .app
        .remove_trusted_ca(&trusted[0].id)
        .unwrap()
        .is_empty());
    c.desk.as_clerk();
    // A new login session: the key must be opened again, and is refused.
    assert!(matches!(
        c.desk.app.open_signing_key(&key, PASSWORD),
        Err(Error::NoTrustAnchors)
    ));
    let message =
        rastau_core::i18n::Messages::new(rastau_core::Lang::Ru).error(&Error::NoTrustAnchors);
    assert!(message.contains("НУЦ РК"), "{message}");
}

#[test]
fn a_key_stops_certifying_when_its_ca_is_no_longer_trusted() {
    let mut c = consented_visit(&[birth_certificate()]);
    let key = clerk_key(c.pki, ClerkOptions::default());
    c.desk.app.open_signing_key(&key, PASSWORD).unwrap();
    // Another counter's supervisor removes the CA while this clerk's key stays open.
    let mut other = rastau_core::Rastau::new(
        rastau_core::store::Store::open(c.desk.dir.path()).unwrap(),
        Box::new(c.desk.clock.clone()),
    );
    other.login(&supervisor_iin(), SUPERVISOR_PASSWORD).unwrap();
    let id = other.trusted_cas().unwrap()[0].id.clone();
    other.remove_trusted_ca(&id).unwrap();
    assert!(matches!(
        certify_with(&mut c.desk.app, c.visit_id, 1, &[scanned_page(0)]),
        Err(Error::NoTrustAnchors)
    ));
}
