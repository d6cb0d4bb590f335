//! CAdES-BES with OpenSSL's CMS: a detached SignedData over the exact bytes given.
use crate::error::SignError;
use openssl::cms::{CMSOptions, CmsContentInfo};
use openssl::pkey::{PKeyRef, Private};
use openssl::stack::StackRef;
use openssl::x509::{X509Ref, X509};

/// `CMS_CADES` of OpenSSL 3: adds the ESS signing-certificate-v2 attribute that binds the
/// signature to the certificate. The Rust crate has no name for it.
const CADES: CMSOptions = CMSOptions::from_bits_retain(0x10_0000);

/// Signs `data` with `key`; `cert` and the `chain` from the key file travel inside the
/// signature so a verifier can build the path to the root without fetching anything.
pub(crate) fn sign_detached(
    cert: &X509Ref,
    key: &PKeyRef<Private>,
    chain: Option<&StackRef<X509>>,
    data: &[u8],
) -> Result<Vec<u8>, SignError> {
    // BINARY: the bytes are signed as they are, never as MIME text with CRLF line ends.
    // NOSMIMECAP: e-mail capabilities mean nothing in a document signature.
    // OpenSSL adds signing-time itself whenever signed attributes are present.
    let flags = CMSOptions::BINARY | CMSOptions::DETACHED | CMSOptions::NOSMIMECAP | CADES;
    let cms = CmsContentInfo::sign(Some(cert), Some(key), chain, Some(data), flags)?;
    Ok(cms.to_der()?)
}

#[cfg(test)]
mod tests {
    use crate::signed_data::{read_signed_data, SIGNING_CERTIFICATE_V2};
    use crate::test_pki::{ClerkOptions, TestPki, PASSWORD};
    use crate::{Pkcs12Signer, Signer};

    #[test]
    fn the_signature_is_cades_bes_and_carries_the_chain() {
        let pki = TestPki::new();
        let p12 = pki.clerk("900101300007", ClerkOptions::default());
        let signer = Pkcs12Signer::open(&p12, PASSWORD).unwrap();
        let before = chrono::Utc::now() - chrono::Duration::seconds(2);
        let signature = signer.sign_detached(b"scan of an ID card").unwrap();
        let parts = read_signed_data(&signature).unwrap();
        assert!(parts.attributes.contains(&SIGNING_CERTIFICATE_V2));
        let time = parts.signing_time.expect("signing-time attribute");
        assert!(time >= before && time <= chrono::Utc::now(), "{time}");
        // The clerk's certificate and the CA's.
        assert_eq!(parts.certificates.len(), 2);
    }
}
