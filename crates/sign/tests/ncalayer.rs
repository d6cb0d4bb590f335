//! Signing through NCALayer, against the tests' stand-in (`rastau_sign::test_ncalayer`): a TLS
//! WebSocket server on 127.0.0.1 that answers as NCALayer does and signs with a test key. The
//! signatures are checked by the OpenSSL command line, as a receiving agency would, and go
//! through the same checks as a key file's.
mod common;

use chrono::Utc;
use common::{meta, minimal_pdf, openssl_cms_verify};
use rastau_sign::test_ncalayer::{Answer, StandIn, VERSION};
use rastau_sign::test_pki::{ClerkOptions, TestPki};
use rastau_sign::{
    check_chain, check_signer, ncalayer_state, sign_pdf, verify_detached, verify_pdf,
    NcaLayerOptions, NcaLayerSigner, NcaLayerState, NcaLayerStorage, SignError, Signer,
};
use std::net::TcpListener;
use std::time::{Duration, Instant};

const IIN: &str = "900101300007";
const OTHER_IIN: &str = "850315400124";
const DOCUMENT: &[u8] = b"\x89PNG scan of a birth certificate\r\n\x00\x01binary";

/// Options for a stand-in at `url`, with waits short enough for tests.
fn options(url: &str) -> NcaLayerOptions {
    NcaLayerOptions {
        url: url.to_string(),
        storages: vec![NcaLayerStorage::Kaztoken, NcaLayerStorage::IdCard],
        iin: Some(IIN.to_string()),
        any_ca: true,
        connect_timeout: Duration::from_secs(1),
        answer_timeout: Duration::from_secs(2),
        user_timeout: Duration::from_secs(5),
        ..NcaLayerOptions::default()
    }
}

fn clerk(pki: &TestPki, iin: &str) -> Vec<u8> {
    pki.clerk(iin, ClerkOptions::default())
}

fn open_err(answers: Vec<Answer>) -> SignError {
    let stand_in = StandIn::start(answers);
    NcaLayerSigner::open(options(stand_in.url())).unwrap_err()
}

#[test]
fn a_copy_signed_through_ncalayer_verifies_with_openssl_and_passes_the_flows_checks() {
    let pki = TestPki::new();
    let stand_in = StandIn::start(vec![Answer::SignWith(clerk(&pki, IIN))]);
    let signer = NcaLayerSigner::open(options(stand_in.url())).unwrap();
    assert_eq!(signer.version(), VERSION);
    let now = Utc::now();
    check_signer(signer.certificate(), IIN, now).unwrap();
    check_chain(&signer, &pki.trust(), now).unwrap();
    assert_eq!(
        signer.chain_der().len(),
        1,
        "the CA's certificate came along"
    );

    let signature = signer.sign_detached(DOCUMENT, now).unwrap();

    let dir = tempfile::tempdir().unwrap();
    let ca = pki.write_ca(dir.path()).unwrap();
    let (verified, said) = openssl_cms_verify(dir.path(), DOCUMENT, &signature, &ca);
    assert!(verified, "openssl cms -verify refused: {said}");
    let v = verify_detached(DOCUMENT, &signature, &pki.trust(), now).unwrap();
    assert!(v.checkable && v.intact && v.trusted);
    assert_eq!(v.signer.iin.as_deref(), Some(IIN));

    // Two requests: the key check at opening, then the document, both as the protocol has them.
    let requests = stand_in.requests();
    assert_eq!(requests.len(), 2);
    let args = &requests[1]["args"];
    assert_eq!(requests[1]["module"], "kz.gov.pki.knca.basics");
    assert_eq!(args["format"], "cms");
    assert_eq!(args["signingParams"]["encapsulate"], false);
    assert_eq!(args["signingParams"]["decode"], true);
    assert_eq!(
        args["allowedStorages"],
        serde_json::json!(["AKKaztokenStore", "AKKZIDCardStore"])
    );
    assert_eq!(args["signerParams"]["iin"], IIN);
    assert_eq!(args["locale"], "kk");
    // The document's SHA-256 crosses the socket, not the document.
    assert_eq!(args["signingParams"]["digested"], true);
    let sent = openssl::base64::decode_block(args["data"].as_str().unwrap()).unwrap();
    assert_eq!(sent, openssl::sha::sha256(DOCUMENT));
    // The key check at opening is a short text, sent as it is.
    assert_eq!(requests[0]["args"]["signingParams"]["digested"], false);
}

#[test]
fn a_pades_copy_signs_through_ncalayer_like_through_a_key_file() {
    let pki = TestPki::new();
    let stand_in = StandIn::start(vec![Answer::SignWith(clerk(&pki, IIN))]);
    let signer = NcaLayerSigner::open(options(stand_in.url())).unwrap();
    let signed = sign_pdf(&minimal_pdf(), &signer, &meta()).unwrap();
    let v = verify_pdf(&signed, &pki.trust(), Utc::now()).unwrap();
    assert!(v.intact && v.trusted, "{v:?}");
}

#[test]
fn heartbeats_before_the_answer_are_waited_through() {
    let pki = TestPki::new();
    let answer = Answer::AfterNoise(Box::new(Answer::SignWith(clerk(&pki, IIN))));
    let stand_in = StandIn::start(vec![answer]);
    let signer = NcaLayerSigner::open(options(stand_in.url())).unwrap();
    assert_eq!(signer.certificate().iin.as_deref(), Some(IIN));
}

#[test]
fn the_clerks_cancel_is_told_apart() {
    let e = open_err(vec![Answer::Cancel]);
    assert!(matches!(e, SignError::NcaLayerCancelled), "{e:?}");
}

#[test]
fn an_empty_token_and_a_wrong_pin_are_told_apart() {
    let e = open_err(vec![Answer::NoKey]);
    assert!(matches!(e, SignError::NcaLayerNoKey), "{e:?}");
    let e = open_err(vec![Answer::WrongPin]);
    assert!(matches!(e, SignError::NcaLayerWrongPin), "{e:?}");
}

#[test]
fn another_failure_keeps_ncalayers_words_for_the_log() {
    let e = open_err(vec![Answer::Fail {
        code: "SIGNING_FAILURE".into(),
        message: "Token removed".into(),
    }]);
    let SignError::NcaLayerFailed { detail } = e else {
        panic!("{e:?}");
    };
    assert_eq!(detail, "SIGNING_FAILURE: Token removed");
}

#[test]
fn ncalayer_not_running_is_said_at_once() {
    // A port nobody listens on any more.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("wss://127.0.0.1:{port}");
    let started = Instant::now();
    let e = NcaLayerSigner::open(options(&url)).unwrap_err();
    assert!(matches!(e, SignError::NcaLayerNotRunning), "{e:?}");
    assert_eq!(ncalayer_state(&url).unwrap(), NcaLayerState::NotRunning);
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn the_state_names_the_running_version() {
    let stand_in = StandIn::start(vec![Answer::Cancel]);
    let state = ncalayer_state(stand_in.url()).unwrap();
    assert_eq!(
        state,
        NcaLayerState::Running {
            version: VERSION.into()
        }
    );
    assert!(
        stand_in.requests().is_empty(),
        "asking the state signs nothing"
    );
}

#[test]
fn the_other_persons_key_opens_but_the_flows_check_refuses_it() {
    let pki = TestPki::new();
    let stand_in = StandIn::start(vec![Answer::SignWith(clerk(&pki, OTHER_IIN))]);
    let signer = NcaLayerSigner::open(options(stand_in.url())).unwrap();
    let e = check_signer(signer.certificate(), IIN, Utc::now()).unwrap_err();
    assert!(
        matches!(e, SignError::WrongPerson { ref found, .. } if found == OTHER_IIN),
        "{e:?}"
    );
}

#[test]
fn another_key_chosen_later_in_the_session_is_refused() {
    let pki = TestPki::new();
    let answers = vec![
        Answer::SignWith(clerk(&pki, IIN)),
        Answer::SignWith(clerk(&pki, IIN)),
    ];
    // Same IIN, another key: a second certificate of the same person is still another key.
    let stand_in = StandIn::start(answers);
    let signer = NcaLayerSigner::open(options(stand_in.url())).unwrap();
    let e = signer.sign_detached(DOCUMENT, Utc::now()).unwrap_err();
    assert!(matches!(e, SignError::NcaLayerKeyChanged), "{e:?}");
}

#[test]
fn a_signature_over_other_bytes_is_refused() {
    let pki = TestPki::new();
    let p12 = clerk(&pki, IIN);
    let stand_in = StandIn::start(vec![
        Answer::SignWith(p12.clone()),
        Answer::SignOtherBytes(p12),
    ]);
    let signer = NcaLayerSigner::open(options(stand_in.url())).unwrap();
    let e = signer.sign_detached(DOCUMENT, Utc::now()).unwrap_err();
    let SignError::NcaLayerFailed { detail } = e else {
        panic!("{e:?}");
    };
    assert!(
        detail.contains("does not verify over the data sent"),
        "{detail}"
    );
}

#[test]
fn an_answer_that_is_no_signature_is_refused() {
    let answer = r#"{"body":{"result":"-----BEGIN CMS-----\n-----END CMS-----\n"},"status":true}"#;
    let e = open_err(vec![Answer::Raw(answer.into())]);
    assert!(matches!(e, SignError::NcaLayerFailed { .. }), "{e:?}");
}

/// `body.result` holding this signature, as NCALayer writes it (bare base64 here).
fn answer_with(der: &[u8]) -> Answer {
    let b64 = openssl::base64::encode_block(der);
    Answer::Raw(serde_json::json!({ "body": { "result": b64 }, "status": true }).to_string())
}

#[test]
fn an_attached_signature_is_refused_where_a_detached_one_was_asked() {
    use openssl::cms::{CMSOptions, CmsContentInfo};
    use openssl::pkcs12::Pkcs12;
    let pki = TestPki::new();
    let p12 = Pkcs12::from_der(&clerk(&pki, IIN)).unwrap();
    let key = p12.parse2(rastau_sign::test_pki::PASSWORD).unwrap();
    let (cert, pkey) = (key.cert.unwrap(), key.pkey.unwrap());
    let attached = CmsContentInfo::sign(
        Some(&cert),
        Some(&pkey),
        None,
        Some(b"x"),
        CMSOptions::BINARY,
    )
    .unwrap()
    .to_der()
    .unwrap();
    let e = open_err(vec![answer_with(&attached)]);
    let SignError::NcaLayerFailed { detail } = e else {
        panic!("{e:?}");
    };
    assert!(detail.contains("attached"), "{detail}");
}

#[test]
fn a_gost_signature_from_ncalayer_is_refused_as_not_checkable_here() {
    // A real signature whose signatureAlgorithm OID is rewritten to GOST 34.310 (as in
    // tests/gost.rs): a GOST key in NCALayer would answer like this.
    const RSA: [u8; 11] = [6, 9, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 1, 1, 1];
    const GOST_KZ: [u8; 11] = [6, 9, 0x2A, 0x83, 0x0E, 3, 0x0A, 1, 1, 1, 2];
    let pki = TestPki::new();
    let key = rastau_sign::Pkcs12Signer::open(&clerk(&pki, IIN), rastau_sign::test_pki::PASSWORD);
    let mut der = key.unwrap().sign_detached(b"x", Utc::now()).unwrap();
    let at = der.windows(RSA.len()).rposition(|w| w == RSA).unwrap();
    der[at..at + RSA.len()].copy_from_slice(&GOST_KZ);
    let e = open_err(vec![answer_with(&der)]);
    let SignError::UnsupportedKey { detail } = e else {
        panic!("{e:?}");
    };
    assert!(detail.contains("GOST 34.310 (Kazakhstan)"), "{detail}");
}

#[test]
fn a_port_that_takes_the_connection_and_never_answers_is_given_up_on_in_time() {
    let stand_in = StandIn::mute();
    let started = Instant::now();
    let e = NcaLayerSigner::open(options(stand_in.url())).unwrap_err();
    assert!(
        matches!(e, SignError::NcaLayerNoAnswer { seconds: 2 }),
        "{e:?}"
    );
    let took = started.elapsed();
    assert!(took < Duration::from_secs(4), "{took:?}");
    assert_eq!(
        ncalayer_state(stand_in.url()).unwrap(),
        NcaLayerState::NotAnswering
    );
}

#[test]
fn a_window_nobody_answers_is_given_up_on_after_the_users_time() {
    let stand_in = StandIn::start(vec![Answer::Silent]);
    let started = Instant::now();
    let e = NcaLayerSigner::open(options(stand_in.url())).unwrap_err();
    assert!(
        matches!(e, SignError::NcaLayerNoAnswer { seconds: 5 }),
        "{e:?}"
    );
    let took = started.elapsed();
    assert!(
        took >= Duration::from_secs(5) && took < Duration::from_secs(8),
        "{took:?}"
    );
}

#[test]
fn only_a_loopback_address_is_asked() {
    let e = NcaLayerSigner::open(options("wss://192.0.2.1:13579")).unwrap_err();
    assert!(matches!(e, SignError::NcaLayerFailed { .. }), "{e:?}");
}
