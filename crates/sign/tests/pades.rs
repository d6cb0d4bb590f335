//! Signed PDFs checked by two independent validators, poppler's `pdfsig` (what Linux PDF
//! viewers use) and pyHanko (a full PAdES validator), and by our own verifier.
mod common;

use chrono::Utc;
use common::validators::Validators;
use common::{meta, minimal_pdf, minimal_pdf_with_xref_stream, tamper_text};
use rastau_sign::test_pki::{ClerkOptions, TestPki, PASSWORD};
use rastau_sign::{sign_pdf, verify_pdf, Pkcs12Signer, SignError, Signer};

const IIN: &str = "900101300007";
fn assert_valid_everywhere(v: &Validators, name: &str, signed: &[u8]) {
    let file = v.write(name, signed);
    let (ok, said) = v.pdfsig(&file);
    assert!(ok, "pdfsig refused {name}:\n{said}");
    let (ok, said) = v.pyhanko(&file);
    assert!(ok, "pyHanko refused {name}:\n{said}");
    let ours = verify_pdf(signed, &v.pki.trust(), Utc::now()).unwrap();
    assert!(ours.intact && ours.trusted, "{ours:?}");
}

#[test]
fn a_signed_pdf_validates_with_pdfsig_pyhanko_and_us() {
    let v = Validators::new();
    let original = minimal_pdf();
    let signed = sign_pdf(&original, &v.signer(IIN), &meta()).unwrap();
    assert!(
        signed.starts_with(&original),
        "an incremental update keeps the original bytes"
    );
    assert_valid_everywhere(&v, "signed.pdf", &signed);

    let (_, said) = v.pdfsig(&v.write("again.pdf", &signed));
    assert!(said.contains("ETSI.CAdES.detached"), "{said}");
    assert!(said.contains("ТЕСТОВ ТЕСТ ТЕСТҰЛЫ"), "{said}");
    let ours = verify_pdf(&signed, &v.pki.trust(), Utc::now()).unwrap();
    assert_eq!(ours.signer.iin.as_deref(), Some(IIN));
}

#[test]
fn a_pdf_with_a_cross_reference_stream_is_signed_in_its_own_form() {
    let v = Validators::new();
    let signed = sign_pdf(&minimal_pdf_with_xref_stream(), &v.signer(IIN), &meta()).unwrap();
    assert_valid_everywhere(&v, "xref-stream.pdf", &signed);
}

#[test]
fn a_second_signature_keeps_the_first_valid_and_is_the_one_reported() {
    let v = Validators::new();
    let once = sign_pdf(&minimal_pdf(), &v.signer(IIN), &meta()).unwrap();
    let supervisor = "850315400124";
    let twice = sign_pdf(&once, &v.signer(supervisor), &meta()).unwrap();
    assert_valid_everywhere(&v, "twice.pdf", &twice);
    let (_, said) = v.pdfsig(&v.write("twice-again.pdf", &twice));
    assert_eq!(
        said.matches("Signature Validation: Signature is Valid.")
            .count(),
        2
    );
    let ours = verify_pdf(&twice, &v.pki.trust(), Utc::now()).unwrap();
    assert_eq!(ours.signer.iin.as_deref(), Some(supervisor));
}

#[test]
fn one_changed_byte_fails_pdfsig_pyhanko_and_us() {
    let v = Validators::new();
    let signed = sign_pdf(&minimal_pdf(), &v.signer(IIN), &meta()).unwrap();
    let changed = tamper_text(&signed);
    let file = v.write("changed.pdf", &changed);
    let (ok, said) = v.pdfsig(&file);
    assert!(!ok, "pdfsig accepted a changed file:\n{said}");
    let (ok, said) = v.pyhanko(&file);
    assert!(!ok, "pyHanko accepted a changed file:\n{said}");
    let ours = verify_pdf(&changed, &v.pki.trust(), Utc::now()).unwrap();
    assert!(!ours.intact && !ours.trusted, "{ours:?}");
}

#[test]
fn bytes_appended_after_signing_are_not_covered() {
    let v = Validators::new();
    let mut signed = sign_pdf(&minimal_pdf(), &v.signer(IIN), &meta()).unwrap();
    signed.extend_from_slice(b"% appended later\n");
    let ours = verify_pdf(&signed, &v.pki.trust(), Utc::now()).unwrap();
    assert!(!ours.intact, "{ours:?}");
}

#[test]
fn an_unsigned_or_unreadable_pdf_is_told_apart() {
    let pki = TestPki::new();
    let e = verify_pdf(&minimal_pdf(), &pki.trust(), Utc::now()).unwrap_err();
    assert!(matches!(e, SignError::NoSignature), "{e:?}");
    let signer = Pkcs12Signer::open(&pki.clerk(IIN, ClerkOptions::default()), PASSWORD).unwrap();
    let e = sign_pdf(b"%PDF-1.7\nnot really", &signer, &meta()).unwrap_err();
    assert!(matches!(e, SignError::Malformed { .. }), "{e:?}");
    assert!(signer.certificate().non_repudiation);
}
