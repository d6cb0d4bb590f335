//! Copies signed with GOST keys elsewhere: OpenSSL here cannot check GOST, so such a signature
//! is reported for what it is (whose, which algorithm, not checkable here), not as damaged.
//!
//! No GOST key exists on this machine, so the GOST signature is made by hand: a real RSA
//! CAdES signature whose signer's signatureAlgorithm OID is rewritten in the DER to Kazakhstan's
//! GOST 34.310 (`1.2.398.3.10.1.1.1.2`). Both OIDs are nine content bytes long, so no length
//! around them changes.
use chrono::Utc;
use rastau_sign::test_pki::{ClerkOptions, TestPki, PASSWORD};
use rastau_sign::{verify_detached, Pkcs12Signer, Signer};

const IIN: &str = "900101300007";
const DOCUMENT: &[u8] = b"scan of a diploma, certified in another center";
/// OID tag, length 9, rsaEncryption (1.2.840.113549.1.1.1).
const RSA: [u8; 11] = [
    0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01,
];
/// OID tag, length 9, GOST 34.310-2004 of Kazakhstan (1.2.398.3.10.1.1.1.2).
const GOST_KZ: [u8; 11] = [
    0x06, 0x09, 0x2A, 0x83, 0x0E, 0x03, 0x0A, 0x01, 0x01, 0x01, 0x02,
];

fn rsa_signature(pki: &TestPki) -> Vec<u8> {
    let signer = Pkcs12Signer::open(&pki.clerk(IIN, ClerkOptions::default()), PASSWORD).unwrap();
    signer.sign_detached(DOCUMENT, Utc::now()).unwrap()
}

/// The signer's signatureAlgorithm comes after the certificates (whose public keys also say
/// rsaEncryption), so it is the last occurrence.
fn as_gost(mut der: Vec<u8>) -> Vec<u8> {
    let at = der.windows(RSA.len()).rposition(|w| w == RSA).unwrap();
    der[at..at + RSA.len()].copy_from_slice(&GOST_KZ);
    der
}

#[test]
fn an_rsa_copy_says_its_algorithm_and_is_checked() {
    let pki = TestPki::new();
    let v = verify_detached(DOCUMENT, &rsa_signature(&pki), &pki.trust(), Utc::now()).unwrap();
    assert!(v.checkable && v.intact && v.trusted);
    assert_eq!(v.algorithm, "rsaEncryption with SHA256");
}

#[test]
fn a_gost_copy_is_reported_with_its_signer_not_as_damaged() {
    let pki = TestPki::new();
    let gost = as_gost(rsa_signature(&pki));
    let v = verify_detached(DOCUMENT, &gost, &pki.trust(), Utc::now())
        .expect("a GOST signature is read, not refused as damaged");
    assert!(!v.checkable);
    assert!(!v.intact && !v.trusted, "nothing is proven about it here");
    assert!(
        v.algorithm
            .starts_with("GOST 34.310 (Kazakhstan) 1.2.398.3.10.1.1.1.2 with SHA256"),
        "{}",
        v.algorithm
    );
    assert_eq!(v.signer.iin.as_deref(), Some(IIN));
    assert_eq!(v.signer.subject_name, "ТЕСТОВ ТЕСТ ТЕСТҰЛЫ");
    assert!(v.signing_time.is_some());
}

#[test]
fn other_bytes_under_a_gost_signature_are_not_checkable_either() {
    // Without GOST nothing can be said about which bytes were signed: the answer is the same
    // for the right file and for another one, and it never says "intact".
    let pki = TestPki::new();
    let gost = as_gost(rsa_signature(&pki));
    let v = verify_detached(b"another file", &gost, &pki.trust(), Utc::now()).unwrap();
    assert!(!v.checkable && !v.intact);
}
