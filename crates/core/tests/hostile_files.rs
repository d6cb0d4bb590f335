//! Files from outside that are built to hurt: refused with a translated error, never an abort.
mod common;

use rastau_core::i18n::Messages;
use rastau_core::Lang;
use rastau_pdf_guard::test_files::object_stream_bomb;
use rastau_sign::test_pki::{ClerkOptions, TestPki, PASSWORD};
use rastau_sign::{Pkcs12Signer, Signer};

#[test]
fn verifying_a_bomb_with_its_own_signature_is_refused_before_lopdf_inflates_it() {
    let desk = common::set_up();
    let pdf = object_stream_bomb(1 << 30);
    // A genuine signature over the bomb: the file is only read for its QR code after that.
    let pki = TestPki::new();
    let p12 = pki.clerk(&common::clerk_iin(), ClerkOptions::default());
    let signature = Pkcs12Signer::open(&p12, PASSWORD)
        .unwrap()
        .sign_detached(&pdf)
        .unwrap();
    let err = desk.app.verify_file(&pdf, Some(&signature)).unwrap_err();
    assert_eq!(err.code(), "sign-pdf-expands", "{err}");
    for lang in Lang::ALL {
        let text = Messages::new(lang).error(&err);
        assert!(text.contains("256"), "{text}");
        assert!(!text.contains("error-"), "{text}");
    }
}
