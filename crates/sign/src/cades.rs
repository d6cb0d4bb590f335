//! CAdES-BES with OpenSSL's CMS: a detached SignedData over the exact bytes given, its
//! signing-time the application's clock, not the computer's.
//!
//! `CMS_sign` stamps signing-time from the system clock itself. The signer is therefore added
//! by hand (`CMS_add1_signer` on a partial SignedData), the signing-time attribute set before
//! `CMS_final` signs (OpenSSL adds its own only when none is there). The Rust crates bind
//! neither call: they are declared below, against the libcrypto openssl-sys links.
use crate::error::SignError;
use chrono::{DateTime, Utc};
use foreign_types::{ForeignType, ForeignTypeRef};
use openssl::asn1::Asn1Time;
use openssl::cms::{CMSOptions, CmsContentInfo};
use openssl::error::ErrorStack;
use openssl::nid::Nid;
use openssl::pkey::{PKeyRef, Private};
use openssl::stack::StackRef;
use openssl::x509::{X509Ref, X509};
use openssl_sys::{CMS_ContentInfo, ASN1_STRING, BIO, EVP_MD, EVP_PKEY, X509 as RawX509};
use std::ffi::{c_int, c_uint, c_void};
use std::ptr;

/// `CMS_CADES` of OpenSSL 3: adds the ESS signing-certificate-v2 attribute that binds the
/// signature to the certificate. The Rust crate has no name for it.
const CADES: CMSOptions = CMSOptions::from_bits_retain(0x10_0000);

/// `CMS_SignerInfo`, opaque.
enum SignerInfo {}

extern "C" {
    fn CMS_add1_signer(
        cms: *mut CMS_ContentInfo,
        signer: *mut RawX509,
        key: *mut EVP_PKEY,
        md: *const EVP_MD,
        flags: c_uint,
    ) -> *mut SignerInfo;
    fn CMS_signed_add1_attr_by_NID(
        si: *mut SignerInfo,
        nid: c_int,
        kind: c_int,
        bytes: *const c_void,
        len: c_int,
    ) -> c_int;
    fn CMS_final(
        cms: *mut CMS_ContentInfo,
        data: *mut BIO,
        dcont: *mut BIO,
        flags: c_uint,
    ) -> c_int;
    #[cfg(any(test, feature = "test-pki"))]
    fn CMS_SignerInfo_sign(si: *mut SignerInfo) -> c_int;
}

/// Signs `data` with `key` at `at`; `cert` and the `chain` from the key file travel inside the
/// signature so a verifier can build the path to the root without fetching anything.
pub(crate) fn sign_detached(
    cert: &X509Ref,
    key: &PKeyRef<Private>,
    chain: Option<&StackRef<X509>>,
    data: &[u8],
    at: DateTime<Utc>,
) -> Result<Vec<u8>, SignError> {
    let len = c_int::try_from(data.len()).map_err(|_| SignError::Crypto {
        detail: format!("{} bytes are too many to sign at once", data.len()),
    })?;
    let (cms, _) = partial(cert, key, chain, at)?;
    // SAFETY: `cms` owns the SignedData, `data` outlives the BIO reading it, which is freed
    // here; the result is checked.
    unsafe {
        let bio = openssl_sys::BIO_new_mem_buf(data.as_ptr().cast(), len);
        if bio.is_null() {
            return Err(ErrorStack::get().into());
        }
        let done = CMS_final(cms.as_ptr(), bio, ptr::null_mut(), FLAGS.bits());
        openssl_sys::BIO_free_all(bio);
        if done != 1 {
            return Err(ErrorStack::get().into());
        }
    }
    Ok(cms.to_der()?)
}

/// As [`sign_detached`] over bytes whose SHA-256 is `digest`, given instead of the bytes: what
/// NCALayer makes of a `digested` request, for the tests' stand-in of it. The messageDigest
/// and contentType attributes `CMS_final` would add are added by hand, then the attributes
/// are signed.
#[cfg(any(test, feature = "test-pki"))]
pub(crate) fn sign_digest(
    cert: &X509Ref,
    key: &PKeyRef<Private>,
    chain: Option<&StackRef<X509>>,
    digest: &[u8; 32],
    at: DateTime<Utc>,
) -> Result<Vec<u8>, SignError> {
    let (cms, si) = partial(cert, key, chain, at)?;
    let data = openssl::asn1::Asn1Object::from_str("1.2.840.113549.1.7.1")?;
    // SAFETY: `si` belongs to `cms`, alive here; the attribute values are copied by OpenSSL
    // from `digest` and `data`, live for the calls; each result is checked.
    unsafe {
        let digest_added = CMS_signed_add1_attr_by_NID(
            si,
            Nid::PKCS9_MESSAGEDIGEST.as_raw(),
            openssl_sys::V_ASN1_OCTET_STRING,
            digest.as_ptr().cast(),
            digest.len() as c_int,
        );
        let type_added = CMS_signed_add1_attr_by_NID(
            si,
            Nid::PKCS9_CONTENTTYPE.as_raw(),
            openssl_sys::V_ASN1_OBJECT,
            data.as_ptr().cast(),
            -1,
        );
        if digest_added != 1 || type_added != 1 || CMS_SignerInfo_sign(si) != 1 {
            return Err(ErrorStack::get().into());
        }
    }
    Ok(cms.to_der()?)
}

// BINARY: the bytes are signed as they are, never as MIME text with CRLF line ends.
// NOSMIMECAP: e-mail capabilities mean nothing in a document signature.
const FLAGS: CMSOptions = CMSOptions::BINARY
    .union(CMSOptions::DETACHED)
    .union(CMSOptions::NOSMIMECAP)
    .union(CADES);

/// A SignedData with one signer, `cert`, whose signing-time is `at`, not yet signed: the
/// SignedData and its signer.
fn partial(
    cert: &X509Ref,
    key: &PKeyRef<Private>,
    chain: Option<&StackRef<X509>>,
    at: DateTime<Utc>,
) -> Result<(CmsContentInfo, *mut SignerInfo), SignError> {
    let time = Asn1Time::from_unix(at.timestamp())?;
    let partial = CMSOptions::PARTIAL | FLAGS;
    // SAFETY: every pointer passed is live for the call (owned by the arguments, `time` or the
    // `cms` that `CmsContentInfo` takes ownership of right away); each result is checked.
    unsafe {
        let chain = chain.map_or(ptr::null_mut(), |c| c.as_ptr());
        let raw = openssl_sys::CMS_sign(
            ptr::null_mut(),
            ptr::null_mut(),
            chain,
            ptr::null_mut(),
            partial.bits(),
        );
        if raw.is_null() {
            return Err(ErrorStack::get().into());
        }
        let cms = CmsContentInfo::from_ptr(raw);
        let si = CMS_add1_signer(
            raw,
            cert.as_ptr(),
            key.as_ptr(),
            ptr::null(),
            partial.bits(),
        );
        if si.is_null() {
            return Err(ErrorStack::get().into());
        }
        let asn1 = time.as_ptr() as *const ASN1_STRING;
        let kind = openssl_sys::ASN1_STRING_type(asn1);
        let nid = Nid::PKCS9_SIGNINGTIME.as_raw();
        if CMS_signed_add1_attr_by_NID(si, nid, kind, asn1.cast(), -1) != 1 {
            return Err(ErrorStack::get().into());
        }
        Ok((cms, si))
    }
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
        // The application's clock, not the computer's: a moment the computer is not at.
        let at = chrono::DateTime::parse_from_rfc3339("2026-03-02T09:15:30Z")
            .unwrap()
            .to_utc();
        let signature = signer.sign_detached(b"scan of an ID card", at).unwrap();
        let parts = read_signed_data(&signature).unwrap();
        assert!(parts.attribute(SIGNING_CERTIFICATE_V2).is_some());
        assert_eq!(parts.signing_time, Some(at));
        // The clerk's certificate and the CA's.
        assert_eq!(parts.certificates.len(), 2);
    }

    #[test]
    fn a_signature_made_from_the_digest_alone_holds_over_the_bytes() {
        let pki = TestPki::new();
        let p12 = pki.clerk("900101300007", ClerkOptions::default());
        let signer = Pkcs12Signer::open(&p12, PASSWORD).unwrap();
        let data = b"the byte ranges of a PDF";
        let at = chrono::Utc::now();
        let signature = signer.sign_digest(&openssl::sha::sha256(data), at).unwrap();
        let parts = read_signed_data(&signature).unwrap();
        assert!(parts.attribute(SIGNING_CERTIFICATE_V2).is_some());
        assert!(!parts.content_present);
        let verified = crate::verify_detached(data, &signature, &pki.trust(), at).unwrap();
        assert!(verified.intact && verified.trusted, "{verified:?}");
        let other = crate::verify_detached(b"other bytes", &signature, &pki.trust(), at).unwrap();
        assert!(!other.intact);
    }
}
