//! Checking a signature the way a receiving agency would: are the bytes what was signed, and does
//! the signer's certificate lead to a trusted CA at a moment someone vouches for.
//!
//! That moment is a timestamp authority's when the signature carries a signature timestamp
//! (CAdES-T, PAdES B-T) that holds: the token covers this signature's value and was signed by a
//! timestamping certificate that chains to the trusted CAs at the token's own time. Otherwise
//! it is the caller's: a signature's own signing-time attribute is only what the signer's
//! computer claimed, so judging the certificate at it would let a backdated signature of an
//! expired key pass. The store that recorded the signature knows when it was made; for a file
//! from elsewhere the caller judges at the present moment. A token that does not hold makes the
//! signature untrusted, with the reason. Revocation (CRL/OCSP) is not checked here: the
//! report (`crate::validate_pdf`, `crate::validate_detached`) judges it from what the file carries.
//!
//! A signature made with an algorithm OpenSSL cannot check here (GOST, see
//! [`crate::algorithm`]) is not an error either: the outcome names its signer and its
//! algorithm and says `checkable: false`.
use crate::algorithm;
use crate::certificate::CertificateInfo;
use crate::error::SignError;
use crate::pades;
use crate::signed_data;
use crate::timestamp::{self, SIGNATURE_TIME_STAMP_TOKEN_DER};
use crate::trust::TrustAnchors;
use chrono::{DateTime, Utc};
use openssl::cms::{CMSOptions, CmsContentInfo};
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
    /// The moment the certificate was judged at: the timestamp's genTime when the signature
    /// carries a timestamp that holds, else the moment the caller gave.
    pub checked_at: DateTime<Utc>,
    /// The signer's signature and digest algorithms, named (`rsaEncryption with SHA256`,
    /// `GOST 34.310 (Kazakhstan) 1.2.398.3.10.1.1.1.2 with …`).
    pub algorithm: String,
    /// OpenSSL can check this signature here. When false (GOST keys), `intact` and `trusted`
    /// are false because integrity could not be checked, and the copy is not to be called
    /// damaged: `signer` still says whose it is.
    pub checkable: bool,
    /// Where `checked_at` came from.
    pub time_source: TimeSource,
    /// The signature's timestamp, when it carries one that holds.
    pub timestamp: Option<TimestampInfo>,
    /// Why the signature's timestamp does not hold, when it carries one that does not (then
    /// `trusted` is false). For the log and for the message `error-sign-timestamp-invalid`'s
    /// `detail`.
    pub timestamp_problem: Option<String>,
}

/// Where the moment a certificate was judged at came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum TimeSource {
    /// The genTime of the signature's timestamp token, vouched for by a trusted TSA.
    Timestamp,
    /// The moment the caller named (its store's record, or the present).
    Caller,
}

/// A signature timestamp that holds, as the verification reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TimestampInfo {
    pub gen_time: DateTime<Utc>,
    /// The TSA's certificate's common name.
    pub tsa_name: String,
    /// The token's serial number, lower-case hex.
    pub serial: String,
}

/// Verifies a detached CMS/CAdES signature over `data`, judging the signer's certificate
/// against `anchors` at the signature's timestamp when it carries one that holds, else at `at`.
pub fn verify_detached(
    data: &[u8],
    signature_der: &[u8],
    anchors: &TrustAnchors,
    at: DateTime<Utc>,
) -> Result<Verification, SignError> {
    let parts = signed_data::read_signed_data(signature_der)?;
    let signer = parts.signer_certificate()?;
    let info = CertificateInfo::from_x509(&signer)?;
    let algorithms = algorithm::describe(&parts.signature_algorithm, &parts.digest_algorithm);
    if !algorithms.checkable {
        return Ok(Verification {
            signer: info,
            signing_time: parts.signing_time,
            intact: false,
            trusted: false,
            checked_at: at,
            time_source: TimeSource::Caller,
            timestamp: None,
            timestamp_problem: None,
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
    let token = parts
        .unsigned
        .iter()
        .find(|a| a.oid == SIGNATURE_TIME_STAMP_TOKEN_DER)
        .map(|a| a.values.first().copied().unwrap_or_default());
    let (mut checked_at, mut time_source) = (at, TimeSource::Caller);
    let (mut timestamp, mut timestamp_problem) = (None, None);
    match token.map(|t| timestamp::verify_token(t, parts.signature, anchors)) {
        None => {}
        Some(Ok(token)) => {
            checked_at = token.gen_time;
            time_source = TimeSource::Timestamp;
            timestamp = Some(TimestampInfo {
                gen_time: token.gen_time,
                tsa_name: token.tsa_name,
                serial: token.serial,
            });
        }
        Some(Err(problem)) => timestamp_problem = Some(problem.to_string()),
    }
    let trusted = intact && timestamp_problem.is_none() && {
        let store = anchors.store_at(checked_at)?;
        cms.verify(None, Some(&store), Some(data), None, flags)
            .is_ok()
    };
    Ok(Verification {
        signer: info,
        signing_time: parts.signing_time,
        intact,
        trusted,
        checked_at,
        time_source,
        timestamp,
        timestamp_problem,
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
    Ok(verify_found(pdf, &found, anchors, at)?.0)
}

/// [`verify_pdf`] of a signature already found; also answers whether the file was changed
/// after it by more than validation data (then `intact` is false though the signed bytes are).
pub(crate) fn verify_found(
    pdf: &[u8],
    found: &pades::FoundSignature,
    anchors: &TrustAnchors,
    at: DateTime<Utc>,
) -> Result<(Verification, bool), SignError> {
    let mut verification = verify_detached(&found.signed_bytes, &found.signature, anchors, at)?;
    let appended_only_validation_data = || {
        found
            .signed_end
            .is_some_and(|end| pades::only_validation_data_after(pdf, end))
    };
    let changed_after = !found.covers_whole_file && !appended_only_validation_data();
    if changed_after {
        verification.intact = false;
        verification.trusted = false;
    }
    Ok((verification, changed_after))
}
