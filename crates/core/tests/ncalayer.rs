//! A center whose keys are opened through NCALayer, against the tests' stand-in
//! (`rastau_sign::test_ncalayer`: a TLS WebSocket server on 127.0.0.1 answering as NCALayer
//! does, signing with a test key). The clerk's key comes back through it, passes the same
//! checks as a key file's and certifies; every refusal comes back coded and records nothing.
mod common;

use common::*;
use rastau_core::audit::{Action, AuditFilter};
use rastau_core::i18n::Messages;
use rastau_core::key_source::{KeySource, KeySourceSettings, KeyStorage, NcaLayerStatus};
use rastau_core::store::{Files, DB_FILE};
use rastau_core::{Coded, Error, Lang};
use rastau_sign::test_ncalayer::{Answer, StandIn, VERSION};
use rastau_sign::test_pki::{ClerkOptions, TestPki, PASSWORD};
use rastau_sign::{verify_detached, verify_pdf, NcaLayerOptions, Pkcs12Signer, Signer};
use std::net::TcpListener;
use std::time::Duration;

/// NCALayer's window offers these two in the tests' center.
fn token_and_card() -> KeySourceSettings {
    KeySourceSettings {
        source: KeySource::NcaLayer,
        storages: vec![KeyStorage::Kaztoken, KeyStorage::IdCard],
    }
}

/// The stand-in's address with waits short enough for tests.
fn at(url: &str) -> NcaLayerOptions {
    NcaLayerOptions {
        url: url.to_string(),
        connect_timeout: Duration::from_secs(1),
        answer_timeout: Duration::from_secs(2),
        user_timeout: Duration::from_secs(10),
        ..NcaLayerOptions::default()
    }
}

/// An address where nothing listens: NCALayer not started.
fn nothing_listening() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    format!("wss://{}", listener.local_addr().unwrap())
}

/// The clerk's own key file, as the stand-in signs with it.
fn clerks_key() -> Vec<u8> {
    pki().clerk(&clerk_iin(), ClerkOptions::default())
}

/// A center set to NCALayer by its supervisor, NCALayer at `url`, and the clerk signed in with
/// a consented visit listing one document.
fn ncalayer_counter(url: &str) -> Counter {
    let mut c = consented_visit(&[birth_certificate()]);
    c.desk.as_supervisor();
    c.desk.app.set_key_source(&token_and_card()).unwrap();
    c.desk.as_clerk();
    c.desk.app.set_ncalayer(at(url));
    c
}

fn count(c: &Counter, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(c.desk.dir.path().join(DB_FILE)).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn keys_opened(c: &Counter) -> Vec<String> {
    let conn = rusqlite::Connection::open(c.desk.dir.path().join(DB_FILE)).unwrap();
    let mut statement = conn
        .prepare("SELECT detail FROM audit_entry WHERE action = ?1 ORDER BY seq")
        .unwrap();
    let rows = statement
        .query_map([Action::SigningKeyOpened.code()], |r| r.get(0))
        .unwrap();
    rows.map(Result::unwrap).collect()
}

#[test]
fn the_clerk_opens_through_ncalayer_and_certifies_a_copy_that_verifies() {
    let key = clerks_key();
    let serial = Pkcs12Signer::open(&key, PASSWORD)
        .unwrap()
        .certificate()
        .serial_hex
        .clone();
    let stand_in = StandIn::start(vec![Answer::SignWith(key)]);
    let mut c = ncalayer_counter(stand_in.url());

    let info = c.desk.app.open_signing_key_ncalayer(None).unwrap();
    assert_eq!(info.iin.as_deref(), Some(clerk_iin().as_str()));
    assert_eq!(keys_opened(&c), [format!("{serial} none ncalayer")]);

    // NCALayer was asked for the center's storages and the clerk's own keys, in their language.
    let asked = &stand_in.requests()[0]["args"];
    assert_eq!(
        asked["allowedStorages"],
        serde_json::json!(["AKKaztokenStore", "AKKZIDCardStore"])
    );
    assert_eq!(asked["signerParams"]["iin"], clerk_iin());
    assert_eq!(asked["locale"], "kk");

    let page = scanned_page(40);
    let copy = certify_with(&mut c.desk.app, c.visit_id, 1, &[page]).unwrap();

    let files = Files::new(c.desk.dir.path());
    let pdf = files.get(&copy.pdf_hash).unwrap();
    let now = c.desk.clock_now();
    let v = verify_pdf(&pdf, &pki().trust(), now).unwrap();
    assert!(v.intact && v.trusted, "{v:?}");
    assert_eq!(v.signer.iin.as_deref(), Some(clerk_iin().as_str()));
    let p7s = files.get(&copy.signature_hash).unwrap();
    let v = verify_detached(&pdf, &p7s, &pki().trust(), now).unwrap();
    assert!(v.intact && v.trusted, "{v:?}");

    // The copy records the key NCALayer held.
    let recorded = count(
        &c,
        &format!("SELECT count(*) FROM certified_copy WHERE signer_serial = '{serial}'"),
    );
    assert_eq!(recorded, 1);
    // The key check at opening, then the PDF's signature and the detached one: for these two
    // only a SHA-256 crossed the socket, the last one the stored file's.
    let requests = stand_in.requests();
    assert_eq!(requests.len(), 3);
    let sent = |i: usize| {
        let args = &requests[i]["args"];
        assert_eq!(args["signingParams"]["digested"], true);
        openssl::base64::decode_block(args["data"].as_str().unwrap()).unwrap()
    };
    assert_eq!(sent(1).len(), 32, "the byte ranges' digest");
    assert_eq!(sent(2), openssl::sha::sha256(&pdf));
}

#[test]
fn the_clerk_may_narrow_ncalayer_to_one_of_the_centers_storages() {
    let stand_in = StandIn::start(vec![Answer::SignWith(clerks_key())]);
    let mut c = ncalayer_counter(stand_in.url());
    c.desk
        .app
        .open_signing_key_ncalayer(Some(KeyStorage::IdCard))
        .unwrap();
    let asked = &stand_in.requests()[0]["args"];
    assert_eq!(
        asked["allowedStorages"],
        serde_json::json!(["AKKZIDCardStore"])
    );

    let e = c
        .desk
        .app
        .open_signing_key_ncalayer(Some(KeyStorage::File))
        .unwrap_err();
    assert!(matches!(e, Error::KeyStorageNotOffered), "{e:?}");
    assert_eq!(stand_in.requests().len(), 1, "NCALayer was not asked");
}

/// Opens through a stand-in answering `answer`, expecting the refusal `code`; then checks that
/// nothing was recorded and no key is open.
fn refused(answer: Option<Answer>, code: &str) {
    let stand_in = answer.map(|a| StandIn::start(vec![a]));
    let url = stand_in
        .as_ref()
        .map(|s| s.url().to_string())
        .unwrap_or_else(nothing_listening);
    let mut c = ncalayer_counter(&url);
    let entries = count(&c, "SELECT count(*) FROM audit_entry");

    let e = c.desk.app.open_signing_key_ncalayer(None).unwrap_err();
    assert_eq!(e.code(), code, "{e:?}");
    for lang in Lang::ALL {
        let words = Messages::new(lang).error(&e);
        assert!(!words.starts_with("error-"), "{lang:?}: {words}");
    }

    assert_eq!(count(&c, "SELECT count(*) FROM audit_entry"), entries);
    assert!(keys_opened(&c).is_empty());
    let page = scanned_page(40);
    let e = certify_with(&mut c.desk.app, c.visit_id, 1, &[page]).unwrap_err();
    assert!(matches!(e, Error::NoSigningKey), "{e:?}");
    assert_eq!(count(&c, "SELECT count(*) FROM certified_copy"), 0);
}

#[test]
fn the_clerks_cancel_is_refused_coded_and_records_nothing() {
    refused(Some(Answer::Cancel), "sign-ncalayer-cancelled");
}

#[test]
fn no_key_on_the_token_is_refused_coded_and_records_nothing() {
    refused(Some(Answer::NoKey), "sign-ncalayer-no-key");
}

#[test]
fn a_wrong_pin_is_refused_coded_and_records_nothing() {
    refused(Some(Answer::WrongPin), "sign-ncalayer-wrong-pin");
}

#[test]
fn ncalayer_not_running_is_refused_coded_and_records_nothing() {
    refused(None, "sign-ncalayer-not-running");
}

#[test]
fn another_persons_key_is_refused_by_the_iin_check_and_records_nothing() {
    let someone_else = pki().clerk(&supervisor_iin(), ClerkOptions::default());
    refused(Some(Answer::SignWith(someone_else)), "sign-wrong-person");
}

#[test]
fn a_key_of_a_ca_the_center_does_not_trust_is_refused() {
    let elsewhere = TestPki::new().clerk(&clerk_iin(), ClerkOptions::default());
    refused(Some(Answer::SignWith(elsewhere)), "sign-untrusted-issuer");
}

#[test]
fn the_key_is_not_kept_for_someone_who_signed_in_while_ncalayer_waited() {
    let stand_in = StandIn::start(vec![Answer::SignWith(clerks_key())]);
    let mut c = ncalayer_counter(stand_in.url());
    let opening = c.desk.app.start_ncalayer_key(None).unwrap();
    // The clerk's PIN wait: nothing of the store is held, so the window's commands go on.
    let opened = opening.open().unwrap();
    c.desk.as_supervisor();
    let e = c.desk.app.finish_ncalayer_key(opened).unwrap_err();
    assert!(matches!(e, Error::SignedInChangedWhileOpeningKey), "{e:?}");
    assert!(keys_opened(&c).is_empty());
}

#[test]
fn each_way_of_opening_is_refused_where_the_center_chose_the_other() {
    let stand_in = StandIn::start(vec![Answer::SignWith(clerks_key())]);
    let mut c = ncalayer_counter(stand_in.url());
    let e = c
        .desk
        .app
        .open_signing_key(&clerks_key(), PASSWORD)
        .unwrap_err();
    assert!(matches!(e, Error::KeySourceIsNcaLayer), "{e:?}");

    c.desk.as_supervisor();
    let back = KeySourceSettings {
        source: KeySource::Pkcs12,
        ..token_and_card()
    };
    c.desk.app.set_key_source(&back).unwrap();
    c.desk.as_clerk();
    let e = c.desk.app.open_signing_key_ncalayer(None).unwrap_err();
    assert!(matches!(e, Error::KeySourceIsPkcs12), "{e:?}");
    assert!(stand_in.requests().is_empty(), "NCALayer was not asked");
    c.desk
        .app
        .open_signing_key(&clerks_key(), PASSWORD)
        .unwrap();
}

#[test]
fn the_key_source_is_a_supervisors_choice_audited_and_read_by_clerks() {
    let mut c = consented_visit(&[birth_certificate()]);
    assert_eq!(
        c.desk.app.key_source().unwrap(),
        KeySourceSettings {
            source: KeySource::Pkcs12,
            storages: KeyStorage::ALL.to_vec(),
        },
        "key files by default; NCALayer would offer every storage"
    );
    let e = c.desk.app.set_key_source(&token_and_card()).unwrap_err();
    assert!(matches!(e, Error::SupervisorOnly), "{e:?}");

    c.desk.as_supervisor();
    let none = KeySourceSettings {
        source: KeySource::NcaLayer,
        storages: vec![],
    };
    let e = c.desk.app.set_key_source(&none).unwrap_err();
    assert!(matches!(e, Error::NoKeyStorage), "{e:?}");
    assert_eq!(
        c.desk.app.set_key_source(&token_and_card()).unwrap(),
        token_and_card()
    );
    let page = c
        .desk
        .app
        .audit(&AuditFilter {
            action: Some(Action::KeySourceChanged),
            ..AuditFilter::default()
        })
        .unwrap();
    assert_eq!(page.entries.len(), 1, "the refused choice left no entry");
    assert_eq!(page.entries[0].detail, "ncalayer kaztoken,id-card");
    let shown = &page.entries[0].shown;
    assert_eq!(shown.message, "audit-detail-key-source");
    let args = shown.args.iter().map(|(k, v)| (k.as_str(), v.clone()));
    let words = Messages::new(Lang::Ru).text(&shown.message, args);
    assert!(words.contains("через NCALayer"), "{words}");
    assert!(words.contains("Казтокен — да"), "{words}");
    assert!(words.contains("файл — нет"), "{words}");

    c.desk.as_clerk();
    assert_eq!(c.desk.app.key_source().unwrap(), token_and_card());
}

#[test]
fn the_key_dialog_learns_whether_ncalayer_runs() {
    let stand_in = StandIn::start(vec![Answer::Cancel]);
    let mut c = ncalayer_counter(stand_in.url());
    assert_eq!(
        c.desk.app.ncalayer_status().unwrap(),
        NcaLayerStatus::Running {
            version: VERSION.into()
        }
    );
    c.desk.app.set_ncalayer(at(&nothing_listening()));
    assert_eq!(
        c.desk.app.ncalayer_status().unwrap(),
        NcaLayerStatus::NotRunning
    );
    let mute = StandIn::mute();
    c.desk.app.set_ncalayer(at(mute.url()));
    assert_eq!(
        c.desk.app.ncalayer_status().unwrap(),
        NcaLayerStatus::NotAnswering
    );
    assert!(stand_in.requests().is_empty(), "asking signs nothing");
}
