//! A PDF handed in for signing is loaded through the guard: a bomb is refused with its own
//! error before lopdf inflates it, never an abort.
mod common;

use common::meta;
use rastau_coded::{Arg, Coded};
use rastau_pdf_guard::test_files::{deeply_nested, object_stream_bomb};
use rastau_sign::test_pki::{ClerkOptions, TestPki, PASSWORD};
use rastau_sign::{sign_pdf, Pkcs12Signer, SignError};

fn sign(pdf: &[u8]) -> Result<Vec<u8>, SignError> {
    let pki = TestPki::new();
    let p12 = pki.clerk("900101300007", ClerkOptions::default());
    let signer = Pkcs12Signer::open(&p12, PASSWORD).unwrap();
    sign_pdf(pdf, &signer, &meta())
}

#[test]
fn a_nested_compressed_object_stream_is_refused_before_signing() {
    let Err(err) = sign(&object_stream_bomb(1 << 30)) else {
        panic!("the bomb was signed")
    };
    assert!(
        matches!(err, SignError::PdfExpands { max_mb: 256 }),
        "{err:?}"
    );
    assert_eq!(err.code(), "sign-pdf-expands");
    assert_eq!(err.args(), vec![("max_mb", Arg::Number(256))]);
}

#[test]
fn a_pdf_nested_past_the_parsers_stack_is_refused_before_signing() {
    let Err(err) = sign(&deeply_nested(100_000)) else {
        panic!("the nested file was signed")
    };
    assert!(matches!(err, SignError::PdfTooComplex), "{err:?}");
}
