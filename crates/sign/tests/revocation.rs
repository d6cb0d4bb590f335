//! Revocation status against real parts on 127.0.0.1: OpenSSL's own OCSP responder
//! (`openssl ocsp -index`, started and killed by each test), CRLs served by a tiny HTTP thread,
//! and servers that misbehave on purpose (silent, oversized, replaying, stranger-signed).
mod common;

use chrono::{DateTime, TimeZone, Utc};
use common::net::{answer_once, down, free_port, ok, serve, silent};
use common::{path, run, text};
use openssl::ocsp::OcspResponse;
use openssl::x509::{X509Crl, X509};
use rastau_coded::Coded;
use rastau_sign::test_ocsp::OcspServer;
use rastau_sign::test_pki::{ClerkOptions, Responder, Revocation, TestPki, PASSWORD};
use rastau_sign::{
    revocation_status, Failure, Pkcs12Signer, RevocationOptions, RevocationReason,
    RevocationStatus, SignError, Signer, Source,
};
use std::net::TcpListener;
use std::sync::LazyLock;
use std::time::Duration;

static PKI: LazyLock<TestPki> = LazyLock::new(TestPki::new);
const IIN: &str = "900101300007";
const INSTALL: &str = "apt-get install openssl";

fn revoked_on_pi_day() -> Revocation {
    Revocation {
        at: Utc.with_ymd_and_hms(2026, 3, 14, 10, 0, 0).unwrap(),
        reason: RevocationReason::KeyCompromise,
    }
}

fn options() -> RevocationOptions {
    RevocationOptions {
        timeout: Duration::from_secs(3),
        ..RevocationOptions::default()
    }
}

/// A clerk certificate (DER) of `pki` that names these addresses.
fn clerk(pki: &TestPki, ocsp: Option<&str>, crl: Option<&str>) -> Vec<u8> {
    let p12 = pki.clerk(
        IIN,
        ClerkOptions {
            ocsp_url: ocsp,
            crl_url: crl,
            ..ClerkOptions::default()
        },
    );
    let signer = Pkcs12Signer::open(&p12, PASSWORD).unwrap();
    signer.certificate_der().to_vec()
}

fn ca_der(pki: &TestPki) -> Vec<u8> {
    X509::from_pem(&pki.ca_pem).unwrap().to_der().unwrap()
}

fn status(cert: &[u8]) -> RevocationStatus {
    status_with(cert, &options())
}

fn status_with(cert: &[u8], options: &RevocationOptions) -> RevocationStatus {
    revocation_status(cert, &ca_der(&PKI), Utc::now(), options).unwrap()
}

fn evidence_of(status: &RevocationStatus) -> &rastau_sign::Evidence {
    match status {
        RevocationStatus::Good { evidence } | RevocationStatus::Revoked { evidence, .. } => {
            evidence
        }
        RevocationStatus::Unreachable { .. } => panic!("no evidence: {status:?}"),
    }
}

fn near_now(t: DateTime<Utc>) -> bool {
    (Utc::now() - t).num_seconds().abs() < 600
}

#[test]
fn the_ocsp_responder_says_good_for_one_key_and_revoked_with_its_day_for_another() {
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}");
    let good = clerk(&PKI, Some(&url), None);
    let revoked = clerk(&PKI, Some(&url), None);
    let stranger = clerk(&PKI, Some(&url), None); // not in the index
    let index = TestPki::ocsp_index(&[(&good, None), (&revoked, Some(revoked_on_pi_day()))]);
    let responder = OcspServer::by_ca(port, &index, &PKI);

    let s = status(&good);
    let RevocationStatus::Good { evidence } = &s else {
        panic!("{s:?}")
    };
    assert_eq!(evidence.source, Source::Ocsp);
    assert_eq!(evidence.url, responder.url);
    assert!(near_now(evidence.this_update) && near_now(evidence.produced_at.unwrap()));
    OcspResponse::from_der(&evidence.der)
        .unwrap()
        .basic()
        .unwrap();
    assert!(s.require_good().is_ok());

    let s = status(&revoked);
    let RevocationStatus::Revoked {
        revoked_at, reason, ..
    } = &s
    else {
        panic!("{s:?}")
    };
    assert_eq!(*revoked_at, revoked_on_pi_day().at);
    assert_eq!(*reason, Some(RevocationReason::KeyCompromise));
    assert_eq!(evidence_of(&s).source, Source::Ocsp);
    let e = s.require_good().unwrap_err();
    assert!(
        matches!(e, SignError::Revoked { ref on } if on == "14.03.2026"),
        "{e:?}"
    );
    assert_eq!(e.code(), "sign-revoked");

    // A key the responder does not know gets no status; it names no CRL to fall back on.
    let s = status(&stranger);
    assert!(
        matches!(
            s,
            RevocationStatus::Unreachable {
                ocsp: Failure::UnknownCertificate { .. },
                crl: Failure::NotNamed
            }
        ),
        "{s:?}"
    );
}

#[test]
fn openssl_agrees_with_the_status_and_reads_the_kept_response() {
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}");
    let good = clerk(&PKI, Some(&url), None);
    let revoked = clerk(&PKI, Some(&url), None);
    let index = TestPki::ocsp_index(&[(&good, None), (&revoked, Some(revoked_on_pi_day()))]);
    let responder = OcspServer::by_ca(port, &index, &PKI);
    let dir = tempfile::tempdir().unwrap();
    let pem = |name: &str, der: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, X509::from_der(der).unwrap().to_pem().unwrap()).unwrap();
        p
    };
    let (good_pem, revoked_pem) = (pem("good.pem", &good), pem("revoked.pem", &revoked));
    let ca = PKI.write_ca(dir.path()).unwrap();

    // The OpenSSL client asks the same responder about the revoked key.
    let out = run(
        "openssl",
        &[
            "ocsp",
            "-issuer",
            path(&ca),
            "-cert",
            path(&revoked_pem),
            "-url",
            &responder.url,
            "-CAfile",
            path(&ca),
        ],
        INSTALL,
    );
    let said = text(&out);
    assert!(said.contains("Response verify OK"), "{said}");
    assert!(
        said.contains(": revoked") && said.contains("keyCompromise"),
        "{said}"
    );
    assert!(said.contains("Mar 14 10:00:00 2026"), "{said}");
    assert!(matches!(status(&revoked), RevocationStatus::Revoked { .. }));

    // And reads the response kept as evidence for the good one, with no network.
    let s = status(&good);
    let kept = dir.path().join("good.ocsp");
    std::fs::write(&kept, &evidence_of(&s).der).unwrap();
    let out = run(
        "openssl",
        &[
            "ocsp",
            "-respin",
            path(&kept),
            "-issuer",
            path(&ca),
            "-cert",
            path(&good_pem),
            "-CAfile",
            path(&ca),
            "-no_nonce",
        ],
        INSTALL,
    );
    let said = text(&out);
    assert!(
        said.contains("Response verify OK") && said.contains(": good"),
        "{said}"
    );
}

#[test]
fn a_delegated_responder_is_believed_only_with_the_ocsp_signing_usage() {
    for (ocsp_signing, believed) in [(true, true), (false, false)] {
        let port = free_port();
        let url = format!("http://127.0.0.1:{port}");
        let good = clerk(&PKI, Some(&url), None);
        let index = TestPki::ocsp_index(&[(&good, None)]);
        let _responder = OcspServer::start(port, &index, &PKI, &PKI.responder(ocsp_signing));
        let s = status(&good);
        if believed {
            assert!(matches!(s, RevocationStatus::Good { .. }), "{s:?}");
        } else {
            assert!(
                matches!(
                    s,
                    RevocationStatus::Unreachable {
                        ocsp: Failure::BadSignature { .. },
                        ..
                    }
                ),
                "{s:?}"
            );
        }
    }
}

#[test]
fn answers_signed_by_an_unrelated_key_are_refused() {
    // Another CA, with the very same name: only the signature tells them apart.
    let stranger = TestPki::new();
    let impostor = Responder {
        cert_pem: stranger.ca_pem.clone(),
        key_pem: stranger.ca_key_pem(),
    };
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}");
    let probe = clerk(&PKI, None, None);
    let forged_crl = serve(ok(&stranger.crl(&[])));
    let revoked = clerk(&PKI, Some(&url), Some(&forged_crl));
    let index = TestPki::ocsp_index(&[(&revoked, Some(revoked_on_pi_day())), (&probe, None)]);
    let _responder = OcspServer::start(port, &index, &PKI, &impostor);

    let s = status(&revoked);
    let RevocationStatus::Unreachable { ocsp, crl } = &s else {
        panic!("{s:?}")
    };
    assert!(matches!(ocsp, Failure::BadSignature { .. }), "{ocsp:?}");
    assert!(matches!(crl, Failure::BadSignature { .. }), "{crl:?}");
    let e = s.require_good().unwrap_err();
    assert_eq!(e.code(), "sign-revocation-unknown");
}

#[test]
fn when_the_responder_is_down_the_crl_answers() {
    let dead = down();
    // The list is made first (it names the serials), then served; the keys name its address.
    let crl_url_holder = TcpListener::bind("127.0.0.1:0").unwrap();
    let crl_url = format!("http://{}/nca.crl", crl_url_holder.local_addr().unwrap());
    let good = clerk(&PKI, Some(&dead), Some(&crl_url));
    let revoked = clerk(&PKI, Some(&dead), Some(&crl_url));
    let crl = PKI.crl(&[(&revoked, revoked_on_pi_day())]);
    let answer = ok(&crl);
    std::thread::spawn(move || {
        for stream in crl_url_holder.incoming().flatten() {
            answer_once(stream, &answer);
        }
    });

    let s = status(&good);
    let RevocationStatus::Good { evidence } = &s else {
        panic!("{s:?}")
    };
    assert_eq!(
        (evidence.source, evidence.url.as_str()),
        (Source::Crl, crl_url.as_str())
    );
    assert_eq!(evidence.der, crl);
    assert!(evidence.next_update.unwrap() > Utc::now());
    X509Crl::from_der(&evidence.der).unwrap();

    let s = status(&revoked);
    let RevocationStatus::Revoked {
        revoked_at,
        reason,
        evidence,
    } = &s
    else {
        panic!("{s:?}")
    };
    assert_eq!(evidence.source, Source::Crl);
    assert_eq!(*revoked_at, revoked_on_pi_day().at);
    assert_eq!(*reason, Some(RevocationReason::KeyCompromise));
    let e = s.require_good().unwrap_err();
    assert!(
        matches!(e, SignError::Revoked { ref on } if on == "14.03.2026"),
        "{e:?}"
    );
}

#[test]
fn both_down_is_unreachable_and_no_address_is_said_so() {
    let cert = clerk(&PKI, Some(&down()), Some(&down()));
    let s = status(&cert);
    assert!(
        matches!(
            s,
            RevocationStatus::Unreachable {
                ocsp: Failure::Network { .. },
                crl: Failure::Network { .. }
            }
        ),
        "{s:?}"
    );
    assert!(!s.no_responder_named());
    assert!(matches!(
        s.require_good(),
        Err(SignError::RevocationUnknown { .. })
    ));

    // Like the demo center's keys: nothing to ask.
    let s = status(&clerk(&PKI, None, None));
    assert!(s.no_responder_named(), "{s:?}");
    let e = s.require_good().unwrap_err();
    assert!(matches!(e, SignError::NoRevocationSource), "{e:?}");

    // Only http:// is asked.
    let s = status(&clerk(
        &PKI,
        Some("https://ocsp.example.kz"),
        Some("ldap://ldap.example.kz/cn=crl"),
    ));
    assert!(
        matches!(
            s,
            RevocationStatus::Unreachable {
                ocsp: Failure::NotHttp { .. },
                crl: Failure::NotHttp { .. }
            }
        ),
        "{s:?}"
    );
}

#[test]
fn a_responder_that_accepts_and_never_answers_does_not_hold_us() {
    let cert = clerk(&PKI, Some(&silent()), Some(&silent()));
    let quick = RevocationOptions {
        timeout: Duration::from_millis(300),
        ..RevocationOptions::default()
    };
    let s = status_with(&cert, &quick);
    assert!(
        matches!(
            s,
            RevocationStatus::Unreachable {
                ocsp: Failure::Network { .. },
                crl: Failure::Network { .. }
            }
        ),
        "{s:?}"
    );
}

#[test]
fn oversized_answers_are_refused() {
    // An OCSP "response" that declares 100 KB, and a CRL that never stops coming.
    let big = serve(ok(&vec![0x30; 100 * 1024]));
    let mut endless = b"HTTP/1.0 200 OK\r\n\r\n".to_vec();
    endless.resize(8 * 1024 * 1024, 0x30);
    let endless = serve(endless);
    let cert = clerk(&PKI, Some(&big), Some(&endless));
    let small_lists = RevocationOptions {
        max_crl_bytes: 1024 * 1024,
        ..options()
    };
    let s = status_with(&cert, &small_lists);
    assert!(
        matches!(
            s,
            RevocationStatus::Unreachable {
                ocsp: Failure::TooLarge { limit: 65536, .. },
                crl: Failure::TooLarge { limit: 1048576, .. }
            }
        ),
        "{s:?}"
    );
}

#[test]
fn a_replayed_response_is_refused_and_one_without_a_nonce_is_read_by_its_window() {
    let port = free_port();
    let dir = tempfile::tempdir().unwrap();
    let ca = PKI.write_ca(dir.path()).unwrap();
    // The key names a server that plays back responses the real responder gave earlier.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let replay_url = format!("http://{}/", listener.local_addr().unwrap());
    let cert = clerk(&PKI, Some(&replay_url), None);
    let cert_pem = dir.path().join("cert.pem");
    std::fs::write(&cert_pem, X509::from_der(&cert).unwrap().to_pem().unwrap()).unwrap();
    let responder = OcspServer::by_ca(port, &TestPki::ocsp_index(&[(&cert, None)]), &PKI);
    let recorded = |name: &str, nonce: &str| {
        let out = dir.path().join(name);
        let said = text(&run(
            "openssl",
            &[
                "ocsp",
                "-issuer",
                path(&ca),
                "-cert",
                path(&cert_pem),
                "-url",
                &responder.url,
                "-CAfile",
                path(&ca),
                nonce,
                "-respout",
                path(&out),
            ],
            INSTALL,
        ));
        assert!(said.contains(": good"), "{said}");
        std::fs::read(out).unwrap()
    };
    let with_nonce = recorded("with-nonce.der", "-nonce");
    let without_nonce = recorded("without-nonce.der", "-no_nonce");
    drop(responder);
    std::thread::spawn(move || {
        for (stream, body) in listener
            .incoming()
            .flatten()
            .zip([with_nonce, without_nonce])
        {
            answer_once(stream, &ok(&body));
        }
    });

    let s = status(&cert);
    assert!(
        matches!(
            s,
            RevocationStatus::Unreachable {
                ocsp: Failure::NonceMismatch { .. },
                ..
            }
        ),
        "{s:?}"
    );
    let s = status(&cert);
    assert!(matches!(s, RevocationStatus::Good { .. }), "{s:?}");
}

#[test]
fn a_stale_or_foreign_list_is_not_believed() {
    let now = Utc::now();
    let day = chrono::Duration::days(1);
    let stale = serve(ok(&PKI.crl_between(&[], now - day * 10, now - day * 3)));
    let s = status(&clerk(&PKI, None, Some(&stale)));
    assert!(
        matches!(
            s,
            RevocationStatus::Unreachable {
                crl: Failure::NotCurrent { .. },
                ..
            }
        ),
        "{s:?}"
    );
    let early = serve(ok(&PKI.crl_between(&[], now + day * 2, now + day * 9)));
    let s = status(&clerk(&PKI, None, Some(&early)));
    assert!(
        matches!(
            s,
            RevocationStatus::Unreachable {
                crl: Failure::NotCurrent { .. },
                ..
            }
        ),
        "{s:?}"
    );

    let missing = serve(b"HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n".to_vec());
    let s = status(&clerk(&PKI, None, Some(&missing)));
    assert!(
        matches!(
            s,
            RevocationStatus::Unreachable {
                crl: Failure::HttpStatus { status: 404, .. },
                ..
            }
        ),
        "{s:?}"
    );
    let junk = serve(ok(b"not a list"));
    let s = status(&clerk(&PKI, None, Some(&junk)));
    assert!(
        matches!(
            s,
            RevocationStatus::Unreachable {
                crl: Failure::Malformed { .. },
                ..
            }
        ),
        "{s:?}"
    );
}

#[test]
fn the_issuer_must_be_the_certificates_issuer() {
    let cert = clerk(&PKI, None, None);
    let other = TestPki::new();
    let e = revocation_status(&cert, &ca_der(&other), Utc::now(), &options()).unwrap_err();
    assert!(matches!(e, SignError::Malformed { .. }), "{e:?}");
    let e = revocation_status(b"junk", &ca_der(&PKI), Utc::now(), &options()).unwrap_err();
    assert!(matches!(e, SignError::Malformed { .. }), "{e:?}");
}
