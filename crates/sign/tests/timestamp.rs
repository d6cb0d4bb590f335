//! Trusted time against a real timestamp authority on 127.0.0.1 (`openssl ts -reply` behind a
//! small HTTP responder), checked by OpenSSL's own `cms -verify` and `ts -verify`, `pdfsig` and
//! pyHanko; and TSAs that are down, silent, talk garbage, answer for other data, replay, refuse,
//! or are not trusted, each told apart.
mod common;

use chrono::{DateTime, Duration, Utc};
use common::net::{down, ok, serve, serve_with, silent};
use common::tsa::TsaServer;
use common::validators::Validators;
use common::{meta, minimal_pdf, openssl_cms_verify, path, run, text, OPENSSL};
use rastau_coded::Coded;
use rastau_sign::test_pki::{ClerkOptions, TestPki, PASSWORD};
use rastau_sign::{
    add_unsigned_attribute, request_timestamp, sign_pdf_with, timestamp_signature, verify_detached,
    verify_pdf, Pkcs12Signer, SignError, Signer, TimeSource, TimestampOptions,
    SIGNATURE_TIME_STAMP_TOKEN,
};
use std::path::Path;
use std::sync::{Arc, LazyLock, Mutex};

static PKI: LazyLock<TestPki> = LazyLock::new(TestPki::new);
const IIN: &str = "900101300007";
const DOCUMENT: &[u8] = b"%PDF-1.7 a certified copy, as bytes";

fn options() -> TimestampOptions {
    TimestampOptions {
        timeout: std::time::Duration::from_secs(5),
        ..TimestampOptions::default()
    }
}

fn signer(opts: ClerkOptions) -> Pkcs12Signer {
    Pkcs12Signer::open(&PKI.clerk(IIN, opts), PASSWORD).unwrap()
}

fn near_now(t: DateTime<Utc>) -> bool {
    (Utc::now() - t).num_seconds().abs() < 600
}

/// The first SignerInfo's signature value, found by a DER walk of this test's own: what the
/// token must cover, read independently of the library.
fn signature_value(cms: &[u8]) -> Vec<u8> {
    fn tlv(b: &[u8]) -> (u8, &[u8], &[u8]) {
        let (head, len) = match b[1] {
            n if n < 0x80 => (2, n as usize),
            n => {
                let k = (n & 0x7F) as usize;
                (
                    2 + k,
                    b[2..2 + k].iter().fold(0, |a, &x| (a << 8) | x as usize),
                )
            }
        };
        (b[0], &b[head..head + len], &b[head + len..])
    }
    fn children(mut b: &[u8]) -> Vec<(u8, &[u8])> {
        let mut out = Vec::new();
        while !b.is_empty() {
            let (tag, content, rest) = tlv(b);
            out.push((tag, content));
            b = rest;
        }
        out
    }
    let (_, info, _) = tlv(cms);
    let explicit = children(info)[1].1;
    let signed = children(tlv(explicit).1);
    let infos = signed.iter().rev().find(|(tag, _)| *tag == 0x31).unwrap().1;
    let first = tlv(infos).1;
    let fields = children(first);
    let at = if fields[3].0 == 0xA0 { 5 } else { 4 };
    assert_eq!(fields[at].0, 0x04, "the signature value is an OCTET STRING");
    fields[at].1.to_vec()
}

#[test]
fn a_cades_t_signature_verifies_with_openssl_and_its_token_with_openssl_ts() {
    let tsa = TsaServer::start(&PKI, &PKI.tsa(true));
    let dir = tempfile::tempdir().unwrap();
    let bes = signer(ClerkOptions::default())
        .sign_detached(DOCUMENT, Utc::now())
        .unwrap();
    let t = timestamp_signature(&bes, &tsa.url, &PKI.trust(), &options()).unwrap();
    assert!(near_now(t.timestamp.gen_time), "{:?}", t.timestamp);
    assert!(
        t.timestamp.tsa_name.contains("TEST TSA"),
        "{:?}",
        t.timestamp
    );
    assert_eq!(signature_value(&t.cms_der), signature_value(&bes));

    // The unsigned attribute leaves the signature as OpenSSL checks it.
    let (verified, said) = openssl_cms_verify(
        dir.path(),
        DOCUMENT,
        &t.cms_der,
        &PKI.write_ca(dir.path()).unwrap(),
    );
    assert!(verified, "openssl cms -verify refused CAdES-T: {said}");
    let p7s = dir.path().join("copy.bin.p7s");
    let printed = text(&run(
        "openssl",
        &[
            "cms",
            "-cmsout",
            "-print",
            "-inform",
            "DER",
            "-in",
            path(&p7s),
        ],
        OPENSSL,
    ));
    assert!(printed.contains("id-smime-aa-timeStampToken"), "{printed}");

    // The token is over the signature value, by OpenSSL's own reading.
    let (value, token) = (dir.path().join("value.bin"), dir.path().join("token.der"));
    std::fs::write(&value, signature_value(&t.cms_der)).unwrap();
    std::fs::write(&token, &t.timestamp.token_der).unwrap();
    let (ca, tsa_cert) = (dir.path().join("ca.pem"), tsa.cert());
    let ts_verify = |data: &Path| {
        let args = [
            "ts",
            "-verify",
            "-data",
            path(data),
            "-in",
            path(&token),
            "-token_in",
            "-CAfile",
            path(&ca),
            "-untrusted",
            path(&tsa_cert),
        ];
        text(&run("openssl", &args, OPENSSL))
    };
    let said = ts_verify(&value);
    assert!(said.contains("Verification: OK"), "{said}");
    let other = dir.path().join("document.bin");
    std::fs::write(&other, DOCUMENT).unwrap();
    assert!(!ts_verify(&other).contains("Verification: OK"));

    // Judged at the TSA's time, wherever the caller stands.
    let v = verify_detached(DOCUMENT, &t.cms_der, &PKI.trust(), Utc::now()).unwrap();
    assert!(v.intact && v.trusted, "{v:?}");
    assert_eq!(v.time_source, TimeSource::Timestamp);
    assert_eq!(v.checked_at, t.timestamp.gen_time);
    let info = v.timestamp.as_ref().unwrap();
    assert_eq!(
        (&info.tsa_name, &info.serial),
        (&t.timestamp.tsa_name, &t.timestamp.serial)
    );
    assert_eq!(v.timestamp_problem, None);
    // Two years on, the clerk's key (valid a year more) has expired; signed in time, it holds.
    let later = Utc::now() + Duration::days(2 * 365);
    let v = verify_detached(DOCUMENT, &t.cms_der, &PKI.trust(), later).unwrap();
    assert!(v.trusted && v.checked_at == t.timestamp.gen_time, "{v:?}");
    let without = verify_detached(DOCUMENT, &bes, &PKI.trust(), later).unwrap();
    assert!(!without.trusted && without.time_source == TimeSource::Caller);
    // And the document still has to be the one signed.
    let v = verify_detached(b"another", &t.cms_der, &PKI.trust(), Utc::now()).unwrap();
    assert!(!v.intact && !v.trusted, "{v:?}");
}

#[test]
fn a_pades_b_t_copy_validates_with_pdfsig_pyhanko_and_us() {
    let v = Validators::new();
    let tsa = TsaServer::start(&v.pki, &v.pki.tsa(true));
    let anchors = v.pki.trust();
    let stamped = Mutex::new(None);
    let stamp = |cms: Vec<u8>| {
        let t = timestamp_signature(&cms, &tsa.url, &anchors, &options())?;
        *stamped.lock().unwrap() = Some(t.timestamp);
        Ok(t.cms_der)
    };
    let original = minimal_pdf();
    let signed = sign_pdf_with(&original, &v.signer(IIN), &meta(), &stamp).unwrap();
    assert!(signed.starts_with(&original));
    let timestamp = stamped
        .lock()
        .unwrap()
        .take()
        .expect("the finishing step ran");

    let file = v.write("b-t.pdf", &signed);
    let (valid, said) = v.pdfsig(&file);
    assert!(valid, "pdfsig refused PAdES B-T:\n{said}");
    // The signature and its timestamp token each intact and trusted by the test CA alone.
    let (_, said) = v.pyhanko(&file);
    let valid = ":INTACT:TRUSTED,TIMESTAMP_TOKEN<INTACT:TRUSTED>,UNTOUCHED";
    assert!(said.contains(valid), "pyHanko refused PAdES B-T:\n{said}");
    let ours = verify_pdf(&signed, &anchors, Utc::now()).unwrap();
    assert!(ours.intact && ours.trusted, "{ours:?}");
    assert_eq!(ours.time_source, TimeSource::Timestamp);
    assert_eq!(ours.checked_at, timestamp.gen_time);

    // A refusing finishing step refuses the signing.
    let refuse = |_: Vec<u8>| {
        Err(SignError::TsaUnreachable {
            detail: "test".into(),
        })
    };
    let e = sign_pdf_with(&original, &v.signer(IIN), &meta(), &refuse).unwrap_err();
    assert_eq!(e.code(), "sign-tsa-unreachable");
}

/// The attack of `cades.rs`, with a TSA at hand: a clerk whose key expired years ago signs
/// claiming a moment inside its validity. Neither the present moment nor a timestamp of now
/// makes it pass, and a timestamp is believed over any moment the caller names.
#[test]
fn a_backdated_signature_of_an_expired_key_fails_verification() {
    let tsa = TsaServer::start(&PKI, &PKI.tsa(true));
    let expired = signer(ClerkOptions {
        expired: true,
        ..ClerkOptions::default()
    });
    // Eight years ago, inside the key's validity (ten to six years back).
    let claimed = Utc::now() - Duration::days(8 * 365);
    let signature = expired.sign_detached(DOCUMENT, claimed).unwrap();

    let v = verify_detached(DOCUMENT, &signature, &PKI.trust(), Utc::now()).unwrap();
    assert_eq!(v.signing_time.unwrap().timestamp(), claimed.timestamp());
    assert!(v.intact && !v.trusted, "{v:?}");
    assert_eq!(v.time_source, TimeSource::Caller);

    let t = timestamp_signature(&signature, &tsa.url, &PKI.trust(), &options()).unwrap();
    for at in [Utc::now(), claimed] {
        let v = verify_detached(DOCUMENT, &t.cms_der, &PKI.trust(), at).unwrap();
        assert!(v.intact && !v.trusted, "{v:?}");
        assert_eq!(v.time_source, TimeSource::Timestamp);
        assert_eq!(v.checked_at, t.timestamp.gen_time);
        assert!(near_now(v.checked_at));
    }
}

#[test]
fn a_token_over_another_signature_is_not_believed() {
    let tsa = TsaServer::start(&PKI, &PKI.tsa(true));
    let clerk = signer(ClerkOptions::default());
    let now = Utc::now();
    let first = clerk.sign_detached(DOCUMENT, now).unwrap();
    let t = timestamp_signature(&first, &tsa.url, &PKI.trust(), &options()).unwrap();
    // Someone moves a good token onto another signature.
    let second = clerk.sign_detached(b"another document", now).unwrap();
    let grafted =
        add_unsigned_attribute(&second, SIGNATURE_TIME_STAMP_TOKEN, &t.timestamp.token_der)
            .unwrap();
    let v = verify_detached(b"another document", &grafted, &PKI.trust(), now).unwrap();
    assert!(v.intact && !v.trusted, "{v:?}");
    assert_eq!(v.time_source, TimeSource::Caller);
    let problem = v.timestamp_problem.unwrap();
    assert!(problem.contains("messageImprint"), "{problem}");
    // A token that is no token at all.
    let junk = add_unsigned_attribute(&second, SIGNATURE_TIME_STAMP_TOKEN, &[0x05, 0x00]).unwrap();
    let v = verify_detached(b"another document", &junk, &PKI.trust(), now).unwrap();
    assert!(
        v.intact && !v.trusted && v.timestamp_problem.is_some(),
        "{v:?}"
    );
}

fn ask(url: &str) -> Result<rastau_sign::Timestamp, SignError> {
    request_timestamp(b"signature value", url, &PKI.trust(), &options())
}

#[test]
fn a_tsa_that_is_down_or_silent_is_unreachable_and_does_not_hold_us() {
    let e = ask(&down()).unwrap_err();
    assert!(matches!(e, SignError::TsaUnreachable { .. }), "{e:?}");
    assert_eq!(e.code(), "sign-tsa-unreachable");

    let quick = TimestampOptions {
        timeout: std::time::Duration::from_millis(300),
        ..options()
    };
    let started = std::time::Instant::now();
    let e = request_timestamp(b"x", &silent(), &PKI.trust(), &quick).unwrap_err();
    assert!(matches!(e, SignError::TsaUnreachable { .. }), "{e:?}");
    assert!(started.elapsed() < std::time::Duration::from_secs(3));

    let busy = serve(b"HTTP/1.0 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n".to_vec());
    let e = ask(&busy).unwrap_err();
    assert!(matches!(e, SignError::TsaUnreachable { ref detail } if detail.contains("503")));

    let e = ask("https://tsp.example.kz").unwrap_err();
    assert_eq!(e.code(), "sign-tsa-address");
}

#[test]
fn garbage_oversized_and_replayed_answers_are_bad_answers() {
    let e = ask(&serve(ok(b"garbage"))).unwrap_err();
    assert!(matches!(e, SignError::TsaBadAnswer { .. }), "{e:?}");
    assert_eq!(e.code(), "sign-tsa-bad-answer");

    let huge = serve(ok(&vec![0x30; 512 * 1024]));
    let e = ask(&huge).unwrap_err();
    assert!(matches!(e, SignError::TsaBadAnswer { .. }), "{e:?}");

    // A server that plays back the first answer the real TSA gave, to every later request.
    let tsa = TsaServer::start(&PKI, &PKI.tsa(true));
    let real = tsa.url.clone();
    let recorded: Arc<Mutex<Option<Vec<u8>>>> = Arc::default();
    let replay = serve_with("/tsp", move |request| {
        let mut kept = recorded.lock().unwrap();
        if kept.is_none() {
            *kept = Some(forward(&real, request));
        }
        kept.clone().unwrap()
    });
    ask(&replay).unwrap();
    let e = ask(&replay).unwrap_err();
    assert!(
        matches!(e, SignError::TsaBadAnswer { ref detail } if detail.contains("nonce")),
        "{e:?}"
    );
}

/// POSTs `body` to `url` and returns the whole HTTP answer, as a proxy would pass it on.
fn forward(url: &str, body: &[u8]) -> Vec<u8> {
    use std::io::{Read, Write};
    let address = url.trim_start_matches("http://").split('/').next().unwrap();
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    let head = format!(
        "POST /tsp HTTP/1.0\r\nContent-Type: application/timestamp-query\r\n\
         Content-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(body).unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    answer
}

/// The request's SHA-256 imprint, found by its DER prefix (OCTET STRING of 32 bytes after the
/// AlgorithmIdentifier), with one byte flipped.
fn other_imprint(request: &[u8]) -> Vec<u8> {
    let mut request = request.to_vec();
    let at = request
        .windows(2)
        .position(|w| w == [0x04, 0x20])
        .expect("a SHA-256 imprint");
    request[at + 2] ^= 0xFF;
    request
}

/// The request's digest algorithm changed to SHA-1, which the test TSA does not accept.
fn sha1_asked(request: &[u8]) -> Vec<u8> {
    let sha256 = [
        0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01,
    ];
    let at = request.windows(11).position(|w| w == sha256).unwrap();
    // SEQUENCE { OID sha1, NULL } and a 20-byte digest: rebuilt whole.
    let mut imprint = vec![
        0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2B, 0x0E, 0x03, 0x02, 0x1A,
    ];
    imprint.extend_from_slice(&[0x05, 0x00, 0x04, 0x14]);
    imprint.extend_from_slice(&[0xAB; 20]);
    // The imprint SEQUENCE starts 4 bytes before the OID (30 31 30 0d).
    let (start, end) = (at - 4, at - 4 + 2 + 0x31);
    let mut rewritten = request[..start].to_vec();
    rewritten.extend_from_slice(&imprint);
    rewritten.extend_from_slice(&request[end..]);
    let body_len = rewritten.len() - 2;
    assert!(body_len < 0x80, "a short request");
    rewritten[1] = body_len as u8;
    rewritten
}

#[test]
fn a_token_over_other_data_is_a_bad_answer_and_a_refusal_says_why() {
    let tsa = TsaServer::start_with(&PKI, &PKI.tsa(true), other_imprint);
    let e = ask(&tsa.url).unwrap_err();
    assert!(
        matches!(e, SignError::TsaBadAnswer { ref detail } if detail.contains("messageImprint")),
        "{e:?}"
    );

    let tsa = TsaServer::start_with(&PKI, &PKI.tsa(true), sha1_asked);
    let e = ask(&tsa.url).unwrap_err();
    assert!(
        matches!(e, SignError::TsaRefused { ref status } if status.starts_with("rejection")),
        "{e:?}"
    );
    assert_eq!(e.code(), "sign-tsa-refused");
}

#[test]
fn a_tsa_the_center_does_not_trust_is_untrusted() {
    // Another CA's TSA: a good token, from nobody the center trusts.
    let stranger = TestPki::new();
    let tsa = TsaServer::start(&stranger, &stranger.tsa(true));
    let e = ask(&tsa.url).unwrap_err();
    assert!(
        matches!(e, SignError::TsaUntrusted { ref detail } if detail.contains("does not chain")),
        "{e:?}"
    );
    assert_eq!(e.code(), "sign-tsa-untrusted");
    request_timestamp(b"x", &tsa.url, &stranger.trust(), &options()).unwrap();

    // The trusted CA's certificate without the critical timestamping usage. `openssl ts`
    // refuses to sign with one, so the real TSA's token is signed again with it.
    let tsa = TsaServer::start(&PKI, &PKI.tsa(true));
    let dir = tempfile::tempdir().unwrap();
    let weak = PKI.tsa(false);
    let (cert, key) = (dir.path().join("weak.pem"), dir.path().join("weak.key.pem"));
    std::fs::write(&cert, &weak.cert_pem).unwrap();
    std::fs::write(&key, &weak.key_pem).unwrap();
    let real = tsa.url.clone();
    let folder = dir.path().to_owned();
    let resigning = serve_with("/tsp", move |request| {
        let answer = forward(&real, request);
        let body = &answer[answer.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4..];
        ok(&resigned(&folder, token_of(body), &cert, &key))
    });
    let e = ask(&resigning).unwrap_err();
    assert!(
        matches!(e, SignError::TsaUntrusted { ref detail } if detail.contains("timeStamping")),
        "{e:?}"
    );
}

/// The token (a whole ContentInfo) of a TimeStampResp.
fn token_of(reply: &[u8]) -> &[u8] {
    let content_start = if reply[1] & 0x80 == 0 {
        2
    } else {
        2 + (reply[1] & 0x7F) as usize
    };
    let status = &reply[content_start..];
    let status_len = 2 + status[1] as usize;
    &status[status_len..]
}

/// A TimeStampResp granting a token over the same TSTInfo as `token`, signed again by `cert`
/// and `key` (with the ESS signing-certificate v2 attribute, as a TSA's).
fn resigned(dir: &Path, token: &[u8], cert: &Path, key: &Path) -> Vec<u8> {
    let (token_file, tst, new) = (
        dir.join("token.der"),
        dir.join("tstinfo.der"),
        dir.join("new.der"),
    );
    std::fs::write(&token_file, token).unwrap();
    let out = run(
        "openssl",
        &[
            "cms",
            "-verify",
            "-noverify",
            "-inform",
            "DER",
            "-in",
            path(&token_file),
            "-out",
            path(&tst),
        ],
        OPENSSL,
    );
    assert!(out.status.success(), "{}", text(&out));
    let ca = dir.join("ca.pem");
    std::fs::write(&ca, &PKI.ca_pem).unwrap();
    let args = [
        "cms",
        "-sign",
        "-binary",
        "-nodetach",
        "-cades",
        "-nosmimecap",
        "-md",
        "sha256",
        "-econtent_type",
        "1.2.840.113549.1.9.16.1.4",
        "-in",
        path(&tst),
        "-signer",
        path(cert),
        "-inkey",
        path(key),
        "-certfile",
        path(&ca),
        "-outform",
        "DER",
        "-out",
        path(&new),
    ];
    let out = run("openssl", &args, OPENSSL);
    assert!(out.status.success(), "{}", text(&out));
    let token = std::fs::read(&new).unwrap();
    // TimeStampResp ::= SEQUENCE { PKIStatusInfo { granted }, token }
    let mut content = vec![0x30, 0x03, 0x02, 0x01, 0x00];
    content.extend_from_slice(&token);
    let mut reply = vec![0x30, 0x82];
    reply.extend_from_slice(&(content.len() as u16).to_be_bytes());
    reply.extend_from_slice(&content);
    reply
}
