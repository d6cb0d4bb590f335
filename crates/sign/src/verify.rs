//! Checking a signature the way a receiving agency would: are the bytes what was signed, does
//! the signer's certificate lead to a trusted CA, and was it valid when the signature was made.
//!
//! Revocation (CRL/OCSP) is not checked: the app works offline.
use crate::certificate::CertificateInfo;
use crate::error::SignError;
use crate::pades;
use crate::signed_data::{self, SignedParts, SignerId};
use chrono::{DateTime, Utc};
use openssl::bn::BigNum;
use openssl::cms::{CMSOptions, CmsContentInfo};
use openssl::x509::store::{X509Store, X509StoreBuilder};
use openssl::x509::verify::X509VerifyParam;
use openssl::x509::X509;
use serde::Serialize;

/// The outcome of checking one signature. A signature that does not hold is reported here
/// (`intact: false`), not as an error: errors are for input that cannot be read at all.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Verification {
    /// The certificate that made the signature.
    pub signer: CertificateInfo,
    /// The signing-time attribute: claimed by the signer's computer, not by a timestamp
    /// authority.
    pub signing_time: Option<DateTime<Utc>>,
    /// The signature matches the bytes (for a PDF: and covers the whole file but itself).
    pub intact: bool,
    /// Intact, and the signer's certificate chains to one of the trusted CAs, checked at the
    /// signing time (at the moment of checking when the signature names none).
    pub trusted: bool,
    /// The signing time lies within the certificate's validity period.
    pub valid_at_signing: bool,
}

/// Verifies a detached CMS/CAdES signature over `data`. `trusted_ca_pem` holds PEM files,
/// each with one or more CA certificates.
pub fn verify_detached(
    data: &[u8],
    signature_der: &[u8],
    trusted_ca_pem: &[Vec<u8>],
) -> Result<Verification, SignError> {
    // A bad CA file is reported before anything else, whatever the signature holds.
    let cas = load_cas(trusted_ca_pem)?;
    let parts = signed_data::read_signed_data(signature_der)?;
    let signer = signer_certificate(&parts)?;
    let info = CertificateInfo::from_x509(&signer)?;
    let mut cms = CmsContentInfo::from_der(signature_der)
        .map_err(|e| SignError::malformed(format!("signature: {e}")))?;
    // NOVERIFY checks the digest and the signature value only; the chain is the next step,
    // so that "changed" and "untrusted" stay apart.
    let flags = CMSOptions::BINARY;
    let intact = cms
        .verify(None, None, Some(data), None, flags | CMSOptions::NOVERIFY)
        .is_ok();
    let trusted = intact && {
        let store = trust_store(&cas, parts.signing_time)?;
        cms.verify(None, Some(&store), Some(data), None, flags)
            .is_ok()
    };
    let valid_at_signing = parts
        .signing_time
        .is_some_and(|t| info.not_before <= t && t <= info.not_after);
    Ok(Verification {
        signer: info,
        signing_time: parts.signing_time,
        intact,
        trusted,
        valid_at_signing,
    })
}

/// Verifies the last signature of a PDF (the one whose byte range reaches furthest).
/// `intact` is false when the signed bytes changed, or when the byte range does not cover the
/// whole file except the signature itself (something was appended or slipped in).
pub fn verify_pdf(pdf: &[u8], trusted_ca_pem: &[Vec<u8>]) -> Result<Verification, SignError> {
    let found = pades::find_last_signature(pdf)?;
    let mut verification = verify_detached(&found.signed_bytes, &found.signature, trusted_ca_pem)?;
    if !found.covers_whole_file {
        verification.intact = false;
        verification.trusted = false;
    }
    Ok(verification)
}

fn signer_certificate(parts: &SignedParts) -> Result<X509, SignError> {
    for der in &parts.certificates {
        let Ok(cert) = X509::from_der(der) else {
            continue;
        };
        let matches = match parts.signer {
            SignerId::IssuerSerial { issuer, serial } => {
                cert.issuer_name().to_der()? == issuer
                    && cert.serial_number().to_bn()? == BigNum::from_slice(serial)?
            }
            SignerId::KeyId(id) => cert.subject_key_id().is_some_and(|k| k.as_slice() == id),
        };
        if matches {
            return Ok(cert);
        }
    }
    Err(SignError::malformed(
        "the signature does not include the signer's certificate",
    ))
}

fn load_cas(trusted_ca_pem: &[Vec<u8>]) -> Result<Vec<X509>, SignError> {
    let mut cas = Vec::new();
    for pem in trusted_ca_pem {
        let certs = X509::stack_from_pem(pem)
            .map_err(|e| SignError::malformed(format!("trusted CA certificate: {e}")))?;
        if certs.is_empty() {
            return Err(SignError::malformed("trusted CA file holds no certificate"));
        }
        cas.extend(certs);
    }
    Ok(cas)
}

fn trust_store(cas: &[X509], at: Option<DateTime<Utc>>) -> Result<X509Store, SignError> {
    let mut builder = X509StoreBuilder::new()?;
    for cert in cas {
        builder.add_cert(cert.clone())?;
    }
    if let Some(at) = at {
        let mut param = X509VerifyParam::new()?;
        param.set_time(at.timestamp() as _);
        builder.set_param(&param)?;
    }
    Ok(builder.build())
}
