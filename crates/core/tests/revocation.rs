//! How a center signs: whether a clerk's key was revoked, asked at key opening and at every
//! signature of a center that keeps the default (no signing without a status), against OpenSSL's
//! own OCSP responder on 127.0.0.1; the status obtained travels in the copy (PAdES B-LT's
//! Document Security Store, CAdES revocation values), and a center that allows signing without a
//! status says so on the copy. A center's timestamp authority (`openssl ts` behind a local HTTP
//! responder) vouches for the time of every signature; pyHanko validates such a copy as PAdES
//! B-LT from the file alone.
mod common;

use chrono::{TimeZone, Utc};
use common::poppler::text_of;
use common::*;
use rastau_core::audit::Action;
use rastau_core::i18n::Messages;
use rastau_core::signature_policy::{SignaturePolicy, WithoutStatus};
use rastau_core::store::{Files, DB_FILE};
use rastau_core::visit::{OpenVisit, Present};
use rastau_core::{Error, Lang};
use rastau_sign::test_ocsp::OcspServer;
use rastau_sign::test_pki::{ClerkOptions, Revocation, TestPki, PASSWORD};
use rastau_sign::test_tsa::TsaServer;
use rastau_sign::{verify_detached, verify_pdf, RevocationReason, SignError, TimeSource};
use std::net::TcpListener;
use std::process::Command;

/// A port nothing listens on yet (bound, then let go).
fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

/// The clerk's key naming the OCSP responder at `port`.
fn key_asking(port: u16) -> Vec<u8> {
    let url = format!("http://127.0.0.1:{port}");
    pki().clerk(
        &clerk_iin(),
        ClerkOptions {
            ocsp_url: Some(&url),
            ..Default::default()
        },
    )
}

/// The key's certificate (DER), for the responder's index.
fn certificate_of(p12: &[u8]) -> Vec<u8> {
    let signer = rastau_sign::Pkcs12Signer::open(p12, PASSWORD).unwrap();
    rastau_sign::Signer::certificate_der(&signer).to_vec()
}

/// The CA answering for its keys from an index that lists `cert` as `revoked` or valid.
fn responder(port: u16, cert: &[u8], revoked: Option<Revocation>) -> OcspServer {
    OcspServer::by_ca(port, &TestPki::ocsp_index(&[(cert, revoked)]), pki())
}

/// A center with the default policy, its clock on the real time (the responder's answers are
/// dated by it), the clerk signed in with a consented visit listing one document.
fn counter_refusing_without_status() -> Counter {
    let mut desk = with_clerk();
    let behind = Utc::now() - desk.clock_now();
    desk.clock.advance(behind);
    desk.as_supervisor();
    desk.app
        .set_signature_policy(&SignaturePolicy {
            without_status: WithoutStatus::Refuse,
            timestamp_url: None,
        })
        .unwrap();
    desk.app.logout().unwrap();
    desk.as_clerk();
    let visit = desk
        .app
        .open_visit(&OpenVisit {
            applicant: person_applicant(),
            representative: None,
        })
        .unwrap();
    desk.app
        .set_documents(visit.id, &[birth_certificate()], true)
        .unwrap();
    desk.app
        .confirm_consent(visit.id, Present::Applicant)
        .unwrap();
    Counter {
        desk,
        pki: pki(),
        visit_id: visit.id,
    }
}

/// One column of a table of the store, in the order rows were written.
fn column<T: rusqlite::types::FromSql>(c: &Counter, sql: &str, param: &str) -> Vec<T> {
    let conn = rusqlite::Connection::open(c.desk.dir.path().join(DB_FILE)).unwrap();
    let mut statement = conn.prepare(sql).unwrap();
    let rows = statement.query_map([param], |r| r.get(0)).unwrap();
    rows.map(Result::unwrap).collect()
}

fn key_status_of_copies(c: &Counter) -> Vec<Option<String>> {
    column(
        c,
        "SELECT key_status FROM certified_copy WHERE ?1 = ?1 ORDER BY id",
        "",
    )
}

fn audit_details(c: &Counter, action: Action) -> Vec<String> {
    let sql = "SELECT detail FROM audit_entry WHERE action = ?1 ORDER BY seq";
    column(c, sql, action.code())
}

/// The streams of the PDF's Document Security Store under `key` (Certs, OCSPs, CRLs).
fn store_items(pdf: &[u8], key: &[u8]) -> Vec<Vec<u8>> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let store = doc.catalog().unwrap().get_deref(b"DSS", &doc).unwrap();
    let Ok(items) = store.as_dict().unwrap().get(key) else {
        return Vec::new();
    };
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|item| doc.dereference(item).unwrap().1.as_stream().unwrap())
        .map(|stream| stream.content.clone())
        .collect()
}

/// What `openssl ocsp` reads from a response kept in a copy, for the certificate `cert`.
fn openssl_reads(response: &[u8], cert: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path.to_str().unwrap().to_owned()
    };
    let ca = write("ca.pem", &pki().ca_pem);
    let cert_pem = openssl::x509::X509::from_der(cert)
        .unwrap()
        .to_pem()
        .unwrap();
    let args = [
        "ocsp".to_owned(),
        "-respin".to_owned(),
        write("response.der", response),
        "-issuer".to_owned(),
        ca.clone(),
        "-cert".to_owned(),
        write("clerk.pem", &cert_pem),
        "-CAfile".to_owned(),
        ca,
        // The request (and its nonce) was ours, long gone: the response is read on its own.
        "-no_nonce".to_owned(),
    ];
    let out = Command::new("openssl").args(args).output().unwrap();
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn a_good_key_signs_and_its_copy_carries_the_responders_answer() {
    let mut c = counter_refusing_without_status();
    let port = free_port();
    let key = key_asking(port);
    let cert = certificate_of(&key);
    let _responder = responder(port, &cert, None);

    c.desk.app.open_signing_key(&key, PASSWORD).unwrap();
    let opened = audit_details(&c, Action::SigningKeyOpened);
    assert!(opened.last().unwrap().ends_with(" ocsp"), "{opened:?}");

    let copy = certify_with(&mut c.desk.app, c.visit_id, 1, &[scanned_page(0)]).unwrap();
    assert_eq!(key_status_of_copies(&c), [Some("ocsp".to_owned())]);

    let pdf = Files::new(c.desk.dir.path()).get(&copy.pdf_hash).unwrap();
    let verification = verify_pdf(&pdf, &pki().trust(), c.desk.clock_now()).unwrap();
    assert!(
        verification.intact && verification.trusted,
        "{verification:?}"
    );
    let certs = store_items(&pdf, b"Certs");
    assert_eq!(certs.first(), Some(&cert), "the clerk's certificate first");
    assert_eq!(certs.len(), 2, "and the CA's");
    let responses = store_items(&pdf, b"OCSPs");
    assert_eq!(responses.len(), 1);
    let said = openssl_reads(&responses[0], &cert);
    assert!(said.contains("Response verify OK"), "{said}");
    assert!(said.contains(": good"), "{said}");
    let sheet = text_of(&pdf, "revocation-good");
    assert!(!sheet.contains("получить не удалось"), "{sheet}");
}

#[test]
fn a_revoked_key_is_refused_at_opening_and_at_the_next_signature_with_its_date() {
    let mut c = counter_refusing_without_status();
    let port = free_port();
    let key = key_asking(port);
    let cert = certificate_of(&key);
    let revocation = Revocation {
        at: Utc.with_ymd_and_hms(2026, 3, 14, 9, 26, 53).unwrap(),
        reason: RevocationReason::KeyCompromise,
    };

    // Good when opened, revoked before the copy: the signature asks again.
    let good = responder(port, &cert, None);
    c.desk.app.open_signing_key(&key, PASSWORD).unwrap();
    drop(good);
    let _revoked = responder(port, &cert, Some(revocation));
    let e = certify_with(&mut c.desk.app, c.visit_id, 1, &[scanned_page(0)]).unwrap_err();
    assert!(
        matches!(e, Error::Sign(SignError::Revoked { ref on }) if on == "14.03.2026"),
        "{e:?}"
    );
    assert!(key_status_of_copies(&c).is_empty(), "no copy recorded");
    for (lang, words) in [(Lang::Ru, "отозван"), (Lang::Kk, "кері қайтарылған")]
    {
        let said = Messages::new(lang).error(&e);
        assert!(
            said.contains("14.03.2026") && said.contains(words),
            "{said}"
        );
    }
    // The pages stay: a valid key certifies them next.
    let e = c.desk.app.open_signing_key(&key, PASSWORD).unwrap_err();
    assert!(matches!(e, Error::Sign(SignError::Revoked { .. })), "{e:?}");
}

#[test]
fn no_status_refuses_by_default_and_an_allowing_center_says_so_on_the_copy() {
    let mut c = counter_refusing_without_status();
    let key = key_asking(free_port()); // nothing listens there
    let e = c.desk.app.open_signing_key(&key, PASSWORD).unwrap_err();
    assert!(
        matches!(e, Error::Sign(SignError::RevocationUnknown { .. })),
        "{e:?}"
    );
    let said = Messages::new(Lang::Ru).error(&e);
    assert!(!said.contains("error-"), "worded: {said}");
    // A key that names no responder at all.
    let silent = pki().clerk(&clerk_iin(), ClerkOptions::default());
    let e = c.desk.app.open_signing_key(&silent, PASSWORD).unwrap_err();
    assert!(
        matches!(e, Error::Sign(SignError::NoRevocationSource)),
        "{e:?}"
    );

    c.desk.app.logout().unwrap();
    c.desk.as_supervisor();
    let allowing = SignaturePolicy {
        without_status: WithoutStatus::Allow,
        timestamp_url: None,
    };
    assert_eq!(
        c.desk.app.set_signature_policy(&allowing).unwrap(),
        allowing
    );
    let changes = audit_details(&c, Action::SignaturePolicyChanged);
    assert!(
        changes.ends_with(&["Refuse".into(), "Allow".into()]),
        "{changes:?}"
    );
    c.desk.app.logout().unwrap();
    c.desk.as_clerk();
    c.desk.app.open_signing_key(&key, PASSWORD).unwrap();
    let copy = certify_with(&mut c.desk.app, c.visit_id, 1, &[scanned_page(0)]).unwrap();
    assert_eq!(key_status_of_copies(&c), [Some("none".to_owned())]);
    let pdf = Files::new(c.desk.dir.path()).get(&copy.pdf_hash).unwrap();
    let sheet = text_of(&pdf, "revocation-none");
    let flat = sheet.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("получить не удалось"), "{flat}");
    assert!(flat.contains("алу мүмкін болмады"), "{flat}");
    assert!(store_items(&pdf, b"OCSPs").is_empty());
}

#[test]
fn only_a_supervisor_chooses_the_policy() {
    let mut desk = with_clerk();
    desk.as_clerk();
    let e = desk
        .app
        .set_signature_policy(&SignaturePolicy {
            without_status: WithoutStatus::Allow,
            timestamp_url: None,
        })
        .unwrap_err();
    assert!(matches!(e, Error::SupervisorOnly), "{e:?}");
}

/// The center's choice, as the supervisor makes it, with the clerk signed in again after.
fn choose(c: &mut Counter, without_status: WithoutStatus, timestamp_url: Option<String>) {
    c.desk.app.logout().unwrap();
    c.desk.as_supervisor();
    c.desk
        .app
        .set_signature_policy(&SignaturePolicy {
            without_status,
            timestamp_url,
        })
        .unwrap();
    c.desk.app.logout().unwrap();
    c.desk.as_clerk();
}

/// pyHanko's AdES validation (ETSI EN 319 102-1, revocation information required) of a copy
/// from the file alone: the test CA its only trust, revocation read from what the file carries.
fn pyhanko_ltv(pdf: &[u8]) -> (bool, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("copy.pdf");
    std::fs::write(&file, pdf).unwrap();
    let ca = pki().write_ca(dir.path()).unwrap();
    let out = Command::new("pyhanko")
        .args(["sign", "adesverify", "--trust-replace", "--trust"])
        .arg(&ca)
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("pyhanko is needed ({e}): pip install pyhanko pyhanko-cli"));
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), said)
}

#[test]
fn a_center_with_a_timestamp_authority_signs_copies_that_hold_as_b_lt() {
    let mut c = counter_refusing_without_status();
    let tsa = TsaServer::start(pki(), &pki().tsa(true));
    choose(&mut c, WithoutStatus::Refuse, Some(tsa.url.clone()));
    let port = free_port();
    let key = key_asking(port);
    let cert = certificate_of(&key);
    let _responder = responder(port, &cert, None);
    c.desk.app.open_signing_key(&key, PASSWORD).unwrap();
    let copy = certify_with(&mut c.desk.app, c.visit_id, 1, &[scanned_page(0)]).unwrap();

    let stamped: Vec<Option<String>> = column(
        &c,
        "SELECT timestamped_at FROM certified_copy WHERE ?1 = ?1",
        "",
    );
    assert!(stamped[0].is_some(), "the copy records the vouched time");
    let files = Files::new(c.desk.dir.path());
    let pdf = files.get(&copy.pdf_hash).unwrap();
    let in_pdf = verify_pdf(&pdf, &pki().trust(), c.desk.clock_now()).unwrap();
    assert!(in_pdf.intact && in_pdf.trusted, "{in_pdf:?}");
    assert_eq!(in_pdf.time_source, TimeSource::Timestamp);
    let p7s = files.get(&copy.signature_hash).unwrap();
    let beside = verify_detached(&pdf, &p7s, &pki().trust(), c.desk.clock_now()).unwrap();
    assert!(beside.intact && beside.trusted, "{beside:?}");
    assert_eq!(beside.time_source, TimeSource::Timestamp);

    let (valid, said) = pyhanko_ltv(&pdf);
    assert!(valid, "pyHanko refused the B-LT copy:\n{said}");
    assert!(said.contains("INTACT:TRUSTED"), "{said}");
}

#[test]
fn a_silent_timestamp_authority_refuses_by_default_and_is_recorded_where_allowed() {
    let mut c = counter_refusing_without_status();
    let silent = format!("http://127.0.0.1:{}/tsp", free_port());
    choose(&mut c, WithoutStatus::Refuse, Some(silent.clone()));
    let port = free_port();
    let key = key_asking(port);
    let _responder = responder(port, &certificate_of(&key), None);
    c.desk.app.open_signing_key(&key, PASSWORD).unwrap();
    let e = certify_with(&mut c.desk.app, c.visit_id, 1, &[scanned_page(0)]).unwrap_err();
    assert!(
        matches!(e, Error::Sign(SignError::TsaUnreachable { .. })),
        "{e:?}"
    );
    for lang in [Lang::Kk, Lang::Ru] {
        let said = Messages::new(lang).error(&e);
        assert!(!said.contains("error-"), "worded: {said}");
    }
    assert!(key_status_of_copies(&c).is_empty(), "nothing recorded");

    choose(&mut c, WithoutStatus::Allow, Some(silent));
    c.desk.app.open_signing_key(&key, PASSWORD).unwrap();
    c.desk.app.certify_document(c.visit_id, 1).unwrap();
    let stamped: Vec<Option<String>> = column(
        &c,
        "SELECT timestamped_at FROM certified_copy WHERE ?1 = ?1",
        "",
    );
    assert_eq!(stamped, [None], "signed without a token, and recorded so");
    assert_eq!(key_status_of_copies(&c), [Some("ocsp".to_owned())]);
}

#[test]
fn a_timestamp_authority_is_named_by_a_plain_http_address() {
    let mut desk = with_clerk();
    desk.as_supervisor();
    for url in [
        "https://tsp.pki.gov.kz",
        "tsp.pki.gov.kz",
        "http://",
        "http://a b",
    ] {
        let e = desk
            .app
            .set_signature_policy(&SignaturePolicy {
                without_status: WithoutStatus::Refuse,
                timestamp_url: Some(url.into()),
            })
            .unwrap_err();
        assert!(
            matches!(e, Error::Sign(SignError::TsaAddress { .. })),
            "{url}: {e:?}"
        );
    }
    let kept = desk
        .app
        .set_signature_policy(&SignaturePolicy {
            without_status: WithoutStatus::Refuse,
            timestamp_url: Some(" http://tsp.pki.gov.kz ".into()),
        })
        .unwrap();
    assert_eq!(kept.timestamp_url.as_deref(), Some("http://tsp.pki.gov.kz"));
    let cleared = desk
        .app
        .set_signature_policy(&SignaturePolicy {
            without_status: WithoutStatus::Refuse,
            timestamp_url: Some("  ".into()),
        })
        .unwrap();
    assert_eq!(cleared.timestamp_url, None);
}
