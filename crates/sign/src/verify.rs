//! Checking a signature the way a receiving agency would: are the bytes what was signed, and does
//! the signer's certificate lead to a trusted CA at the moment the caller names.
//!
//! The moment is the caller's: a signature's own signing-time attribute is only what the
//! signer's computer claimed, so judging the certificate at it would let a backdated signature
//! of an expired key pass. The store that recorded the signature knows when it was made; for a
//! file from elsewhere the caller judges at the present moment. Revocation (CRL/OCSP) is not
//! checked: the app works offline.
//!
//! A signature made with an algorithm OpenSSL cannot check here (GOST, see
//! [`crate::algorithm`]) is not an error either: the outcome names its signer and its
//! algorithm and says `checkable: false`.
use crate::algorithm;
use crate::certificate::CertificateInfo;
use crate::error::SignError;
use crate::pades;
use crate::signed_data::{self, SignedParts, SignerId};
use crate::trust::TrustAnchors;
use chrono::{DateTime, Utc};
use openssl::bn::BigNum;
use openssl::cms::{CMSOptions, CmsContentInfo};
use openssl::x509::X509;
use serde::Serialize;

/// The outcome of checking one signature. A signature that does not hold is reported here
/// (`intact: false`), not as an error: errors are for input that cannot be read at all. Nor is
/// one this build cannot check (`checkable: false`): then `intact` and `trusted` are false
/// because nothing was proven, not because something was disproven.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Verification {
    /// The certificate that made the signature.
    pub signer: CertificateInfo,
    /// The signing-time attribute: claimed by the signer's computer, not by a timestamp
    /// authority, and never used to judge the certificate.
    pub signing_time: Option<DateTime<Utc>>,
    /// The signature matches the bytes (for a PDF: and covers the whole file but itself).
    pub intact: bool,
    /// Intact, and the signer's certificate chains to one of the trusted CAs, every certificate
    /// of the path valid at `checked_at`.
    pub trusted: bool,
    /// The moment the certificate was judged at, as the caller gave it.
    pub checked_at: DateTime<Utc>,
    /// The signer's signature and digest algorithms, named (`rsaEncryption with SHA256`,
    /// `GOST 34.310 (Kazakhstan) 1.2.398.3.10.1.1.1.2 with …`).
    pub algorithm: String,
    /// OpenSSL can check this signature here. When false (GOST keys), `intact` and `trusted`
    /// are false because integrity could not be checked, and the copy is not to be called
    /// damaged: `signer` still says whose it is.
    pub checkable: bool,
}

/// Verifies a detached CMS/CAdES signature over `data`, judging the signer's certificate
/// against `anchors` at `at`.
pub fn verify_detached(
    data: &[u8],
    signature_der: &[u8],
    anchors: &TrustAnchors,
    at: DateTime<Utc>,
) -> Result<Verification, SignError> {
    let parts = signed_data::read_signed_data(signature_der)?;
    let signer = signer_certificate(&parts)?;
    let info = CertificateInfo::from_x509(&signer)?;
    let algorithms = algorithm::describe(&parts.signature_algorithm, &parts.digest_algorithm);
    if !algorithms.checkable {
        return Ok(Verification {
            signer: info,
            signing_time: parts.signing_time,
            intact: false,
            trusted: false,
            checked_at: at,
            algorithm: algorithms.name,
            checkable: false,
        });
    }
    let mut cms = CmsContentInfo::from_der(signature_der)
        .map_err(|e| SignError::malformed(format!("signature: {e}")))?;
    // NOVERIFY checks the digest and the signature value only; the chain is the next step,
    // so that "changed" and "untrusted" stay apart.
    let flags = CMSOptions::BINARY;
    let intact = cms
        .verify(None, None, Some(data), None, flags | CMSOptions::NOVERIFY)
        .is_ok();
    let trusted = intact && {
        let store = anchors.store_at(at)?;
        cms.verify(None, Some(&store), Some(data), None, flags)
            .is_ok()
    };
    Ok(Verification {
        signer: info,
        signing_time: parts.signing_time,
        intact,
        trusted,
        checked_at: at,
        algorithm: algorithms.name,
        checkable: true,
    })
}

/// Verifies the last signature of a PDF (the one whose byte range reaches furthest).
/// `intact` is false when the signed bytes changed, or when the byte range does not cover the
/// whole file except the signature itself (something was appended or slipped in) — but for
/// updates after it that add validation data only (PAdES B-LT's Document Security Store).
pub fn verify_pdf(
    pdf: &[u8],
    anchors: &TrustAnchors,
    at: DateTime<Utc>,
) -> Result<Verification, SignError> {
    let found = pades::find_last_signature(pdf)?;
    let mut verification = verify_detached(&found.signed_bytes, &found.signature, anchors, at)?;
    let appended_only_validation_data = || {
        found
            .signed_end
            .is_some_and(|end| pades::only_validation_data_after(pdf, end))
    };
    if !found.covers_whole_file && !appended_only_validation_data() {
        verification.intact = false;
        verification.trusted = false;
    }
    Ok(verification)
}

pub(crate) fn signer_certificate(parts: &SignedParts) -> Result<X509, SignError> {
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
