//! Detached CAdES signatures checked by the OpenSSL command line, the reference a receiving
//! agency would use, and by our own verifier.
mod common;

use chrono::{Duration, Utc};
use common::{openssl_cms_verify, path, run, text, OPENSSL};
use rastau_coded::Coded;
use rastau_sign::test_ocsp::OcspServer;
use rastau_sign::test_pki::{ClerkOptions, TestPki, PASSWORD};
use rastau_sign::{
    add_validation_values, check_chain, revocation_status, verify_detached, Pkcs12Signer,
    RevocationOptions, Signer, ValidationData,
};

const IIN: &str = "900101300007";
const DOCUMENT: &[u8] = b"\x89PNG scan of a birth certificate\r\n\x00\x01binary";

fn signer(pki: &TestPki, opts: ClerkOptions) -> Pkcs12Signer {
    Pkcs12Signer::open(&pki.clerk(IIN, opts), PASSWORD).unwrap()
}

#[test]
fn a_signed_file_verifies_with_openssl_and_with_us() {
    let dir = tempfile::tempdir().unwrap();
    let pki = TestPki::new();
    let ca = pki.write_ca(dir.path()).unwrap();
    let signature = signer(&pki, ClerkOptions::default())
        .sign_detached(DOCUMENT, Utc::now())
        .unwrap();

    let (ok, said) = openssl_cms_verify(dir.path(), DOCUMENT, &signature, &ca);
    assert!(ok, "openssl cms -verify refused: {said}");
    assert!(said.contains("Verification successful"), "{said}");

    let v = verify_detached(DOCUMENT, &signature, &pki.trust(), Utc::now()).unwrap();
    assert!(v.intact && v.trusted, "{v:?}");
    assert_eq!(v.signer.iin.as_deref(), Some(IIN));
    assert!(v.signing_time.is_some());
}

#[test]
fn openssl_sees_cades_attributes() {
    let dir = tempfile::tempdir().unwrap();
    let pki = TestPki::new();
    let p7s = dir.path().join("s.p7s");
    let signature = signer(&pki, ClerkOptions::default())
        .sign_detached(DOCUMENT, Utc::now())
        .unwrap();
    std::fs::write(&p7s, signature).unwrap();
    let output = run(
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
    );
    let printed = text(&output);
    assert!(output.status.success(), "{printed}");
    assert!(printed.contains("signingTime"), "{printed}");
    assert!(printed.contains("signingCertificateV2"), "{printed}");
    // Detached: the document is not inside the signature.
    assert!(printed.contains("eContent: <ABSENT>"), "{printed}");
}

#[test]
fn one_changed_byte_fails_openssl_and_us() {
    let dir = tempfile::tempdir().unwrap();
    let pki = TestPki::new();
    let ca = pki.write_ca(dir.path()).unwrap();
    let signature = signer(&pki, ClerkOptions::default())
        .sign_detached(DOCUMENT, Utc::now())
        .unwrap();
    let mut changed = DOCUMENT.to_vec();
    changed[7] ^= 0x01;

    let (ok, said) = openssl_cms_verify(dir.path(), &changed, &signature, &ca);
    assert!(!ok, "openssl accepted a changed file: {said}");

    let v = verify_detached(&changed, &signature, &pki.trust(), Utc::now()).unwrap();
    assert!(!v.intact && !v.trusted, "{v:?}");
}

#[test]
fn a_signature_from_another_ca_is_intact_but_not_trusted() {
    let dir = tempfile::tempdir().unwrap();
    let (pki, stranger) = (TestPki::new(), TestPki::new());
    let ca = pki.write_ca(dir.path()).unwrap();
    let signature = signer(&stranger, ClerkOptions::default())
        .sign_detached(DOCUMENT, Utc::now())
        .unwrap();

    let (ok, said) = openssl_cms_verify(dir.path(), DOCUMENT, &signature, &ca);
    assert!(!ok, "openssl trusted a stranger's CA: {said}");

    let v = verify_detached(DOCUMENT, &signature, &pki.trust(), Utc::now()).unwrap();
    assert!(v.intact && !v.trusted, "{v:?}");
}

#[test]
fn a_signature_made_with_an_expired_key_is_not_trusted() {
    let pki = TestPki::new();
    let expired = ClerkOptions {
        expired: true,
        ..ClerkOptions::default()
    };
    // The key file itself opens: refusing it is check_signer's job, tested elsewhere.
    let signature = signer(&pki, expired)
        .sign_detached(DOCUMENT, Utc::now())
        .unwrap();
    let v = verify_detached(DOCUMENT, &signature, &pki.trust(), Utc::now()).unwrap();
    assert!(v.intact && !v.trusted, "{v:?}");
}

/// The attack: a clerk whose key expired years ago sets the computer's clock back to when the
/// key was valid and signs. The signature claims that moment; judged at it, the key looks
/// valid, so the claim must never be the moment the certificate is judged at.
#[test]
fn a_backdated_signature_of_an_expired_key_is_not_trusted() {
    let dir = tempfile::tempdir().unwrap();
    let pki = TestPki::new();
    let expired = ClerkOptions {
        expired: true,
        ..ClerkOptions::default()
    };
    let (cert, key) = pem_parts(&pki.clerk(IIN, expired));
    let (cert_file, key_file) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
    let (data, p7s) = (dir.path().join("copy.bin"), dir.path().join("copy.bin.p7s"));
    std::fs::write(&cert_file, cert).unwrap();
    std::fs::write(&key_file, key).unwrap();
    std::fs::write(&data, DOCUMENT).unwrap();
    // Eight years ago, inside the key's validity (ten to six years back).
    let then = Utc::now() - Duration::days(8 * 365);
    let clock = then.format("%Y-%m-%d %H:%M:%S").to_string();
    let output = run(
        "faketime",
        &[
            &clock,
            "openssl",
            "cms",
            "-sign",
            "-binary",
            "-cades",
            "-in",
            path(&data),
            "-signer",
            path(&cert_file),
            "-inkey",
            path(&key_file),
            "-outform",
            "DER",
            "-out",
            path(&p7s),
        ],
        "Debian package faketime (apt-get install -y faketime)",
    );
    assert!(output.status.success(), "{}", text(&output));
    let signature = std::fs::read(&p7s).unwrap();

    let now = verify_detached(DOCUMENT, &signature, &pki.trust(), Utc::now()).unwrap();
    let claimed = now.signing_time.expect("openssl writes a signing time");
    assert!((claimed - then).num_minutes().abs() < 5, "claims {claimed}");
    assert!(now.intact && !now.trusted, "{now:?}");
    assert_eq!(now.checked_at.date_naive(), Utc::now().date_naive());
    // Judged at the claimed moment, the same signature would pass: the claim is the hole.
    let at_claim = verify_detached(DOCUMENT, &signature, &pki.trust(), claimed).unwrap();
    assert!(at_claim.trusted, "{at_claim:?}");
}

/// A key file's certificate and private key as PEM, for the openssl command line.
fn pem_parts(p12: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let parsed = openssl::pkcs12::Pkcs12::from_der(p12)
        .unwrap()
        .parse2(PASSWORD)
        .unwrap();
    let cert = parsed.cert.unwrap().to_pem().unwrap();
    let key = parsed.pkey.unwrap().private_key_to_pem_pkcs8().unwrap();
    (cert, key)
}

#[test]
fn what_is_not_a_signature_is_an_error() {
    let pki = TestPki::new();
    let e = verify_detached(DOCUMENT, b"not a signature", &pki.trust(), Utc::now()).unwrap_err();
    assert_eq!(e.code(), "sign-malformed");
}

/// CAdES with its validation data: the path as certValues and a real OCSP response (from
/// `openssl ocsp`) as revocationValues; OpenSSL still verifies the signature, reads both
/// attributes, and finds in the second the very BasicOCSPResponse the responder signed.
#[test]
fn validation_values_ride_along_without_touching_the_signature() {
    let dir = tempfile::tempdir().unwrap();
    let pki = TestPki::new();
    let ca = pki.write_ca(dir.path()).unwrap();
    let port = common::net::free_port();
    let url = format!("http://127.0.0.1:{port}");
    let p12 = pki.clerk(
        IIN,
        ClerkOptions {
            ocsp_url: Some(&url),
            ..Default::default()
        },
    );
    let signer = Pkcs12Signer::open(&p12, PASSWORD).unwrap();
    let index = TestPki::ocsp_index(&[(signer.certificate_der(), None)]);
    let _responder = OcspServer::by_ca(port, &index, &pki);
    let path_to_ca = check_chain(&signer, &pki.trust(), Utc::now()).unwrap();
    let issuer = path_to_ca.issuer().unwrap();
    let status = revocation_status(
        signer.certificate_der(),
        issuer,
        Utc::now(),
        &RevocationOptions::default(),
    )
    .unwrap();
    let response = status.require_good().unwrap().der.clone();

    let signature = signer.sign_detached(DOCUMENT, Utc::now()).unwrap();
    let data = ValidationData {
        certificates: path_to_ca.certificates.clone(),
        ocsp_responses: vec![response.clone()],
        crls: vec![pki.crl(&[])],
    };
    let carried = add_validation_values(&signature, &data).unwrap();
    let (ok, said) = openssl_cms_verify(dir.path(), DOCUMENT, &carried, &ca);
    assert!(ok, "openssl cms -verify refused: {said}");
    let v = verify_detached(DOCUMENT, &carried, &pki.trust(), Utc::now()).unwrap();
    assert!(v.intact && v.trusted, "{v:?}");

    let p7s = dir.path().join("lt.p7s");
    std::fs::write(&p7s, &carried).unwrap();
    let args = [
        "cms",
        "-cmsout",
        "-print",
        "-inform",
        "DER",
        "-in",
        path(&p7s),
    ];
    let printed = text(&run("openssl", &args, OPENSSL));
    assert!(printed.contains("id-smime-aa-ets-certValues"), "{printed}");
    assert!(
        printed.contains("id-smime-aa-ets-revocationValues"),
        "{printed}"
    );
    // The BasicOCSPResponse closes the OCSPResponse, the responder's signature value last:
    // it travels byte for byte.
    let signed_tail = &response[response.len() - 256..];
    assert!(
        carried.windows(256).any(|w| w == signed_tail),
        "the responder's signed answer travels whole"
    );
    // Nothing to carry, nothing added.
    let bare = add_validation_values(&signature, &ValidationData::default()).unwrap();
    assert_eq!(bare, signature);
}
