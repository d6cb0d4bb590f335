//! Signed PDFs checked by two independent validators, poppler's `pdfsig` (what Linux PDF
//! viewers use) and pyHanko (a full PAdES validator), and by our own verifier.
mod common;

use chrono::Utc;
use common::validators::Validators;
use common::{meta, minimal_pdf, minimal_pdf_with_xref_stream, tamper_text};
use rastau_sign::test_pki::{ClerkOptions, TestPki, PASSWORD};
use rastau_sign::{
    add_validation_data, check_chain, sign_pdf, verify_pdf, Pkcs12Signer, SignError, Signer,
    ValidationData,
};

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

/// PAdES B-LT: the path and a revocation list written into the Document Security Store after
/// the signature; a later update that changes anything else is still caught.
#[test]
fn validation_data_added_after_signing_keeps_the_signature_whole() {
    let v = Validators::new();
    let signer = v.signer(IIN);
    let signed = sign_pdf(&minimal_pdf(), &signer, &meta()).unwrap();
    let path = check_chain(&signer, &v.pki.trust(), Utc::now()).unwrap();
    let data = ValidationData {
        certificates: path.certificates.clone(),
        ocsp_responses: Vec::new(),
        crls: vec![v.pki.crl(&[])],
    };
    let extended = add_validation_data(&signed, &data).unwrap();
    assert!(extended.starts_with(&signed));
    assert_valid_everywhere(&v, "with-dss.pdf", &extended);
    let (_, said) = v.pyhanko(&v.write("with-dss-again.pdf", &extended));
    assert!(said.contains("EXTENDED_WITH_LTA_UPDATES"), "{said}");

    let doc = lopdf::Document::load_mem(&extended).unwrap();
    let catalog = doc.catalog().unwrap();
    let store = catalog.get_deref(b"DSS", &doc).unwrap().as_dict().unwrap();
    let certs = store.get(b"Certs").unwrap().as_array().unwrap();
    assert_eq!(certs.len(), 2);
    let first = doc.dereference(&certs[0]).unwrap().1.as_stream().unwrap();
    assert_eq!(first.content, path.certificates[0]);
    assert_eq!(store.get(b"CRLs").unwrap().as_array().unwrap().len(), 1);

    // Added again: what the store holds is not written twice.
    let again = add_validation_data(&extended, &data).unwrap();
    let doc = lopdf::Document::load_mem(&again).unwrap();
    let store = doc.catalog().unwrap().get_deref(b"DSS", &doc).unwrap();
    let certs = store.as_dict().unwrap().get(b"Certs").unwrap();
    assert_eq!(certs.as_array().unwrap().len(), 2);
    assert!(
        verify_pdf(&again, &v.pki.trust(), Utc::now())
            .unwrap()
            .intact
    );

    // An update that changes what the page shows is not validation data.
    let changed = changed_text_update(&extended);
    assert!(lopdf::Document::load_mem(&changed).is_ok());
    let ours = verify_pdf(&changed, &v.pki.trust(), Utc::now()).unwrap();
    assert!(!ours.intact, "{ours:?}");
}

/// `pdf` with an update that gives its page text object (4) other words: what a store update
/// must not do.
fn changed_text_update(pdf: &[u8]) -> Vec<u8> {
    let tail = String::from_utf8_lossy(&pdf[pdf.len() - 40..]).into_owned();
    let prev: usize = tail
        .split("startxref")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let size = lopdf::Document::load_mem(pdf).unwrap().max_id + 1;
    let text = "BT /F1 24 Tf 72 760 Td (Forged electronic copy) Tj ET";
    let mut out = pdf.to_vec();
    let at = out.len();
    out.extend_from_slice(
        format!(
            "4 0 obj\n<< /Length {} >>\nstream\n{text}\nendstream\nendobj\n",
            text.len()
        )
        .as_bytes(),
    );
    let xref = out.len();
    out.extend_from_slice(
        format!(
            "xref\n4 1\n{at:010} 00000 n\r\ntrailer\n<< /Size {size} /Root 1 0 R /Prev {prev} >>\nstartxref\n{xref}\n%%EOF\n"
        )
        .as_bytes(),
    );
    out
}
