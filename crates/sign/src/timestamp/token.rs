//! Whether a timestamp token holds: a SignedData of a TSTInfo whose signature is valid, over the
//! data given, signed by a timestamping certificate that the token names (ESS signing
//! certificate) and that chains to the trusted CAs at the token's own genTime.
//!
//! One check for both uses: the client believes a fresh token only after it, and verification
//! judges a signature's embedded token by it before it uses the token's time.
use super::rfc3161::{self, TST_INFO};
use crate::certificate::one_line;
use crate::der::{self, expect, items, OCTET_STRING, OID, SEQUENCE};
use crate::error::SignError;
use crate::signed_data::{self, SIGNING_CERTIFICATE, SIGNING_CERTIFICATE_V2};
use crate::trust::TrustAnchors;
use chrono::{DateTime, Utc};
use foreign_types::ForeignTypeRef;
use openssl::cms::{CMSOptions, CmsContentInfo};
use openssl::hash::{hash, MessageDigest};
use openssl::nid::Nid;
use openssl::stack::Stack;
use openssl::x509::{X509PurposeId, X509Ref, X509StoreContext, X509};
use std::ffi::c_int;

extern "C" {
    // libcrypto's purpose check, which openssl-sys does not declare. For timestamping it
    // demands an extendedKeyUsage of timeStamping alone, marked critical (RFC 3161, 2.3).
    fn X509_check_purpose(x: *mut openssl_sys::X509, id: c_int, ca: c_int) -> c_int;
}

/// A token that passed every check.
#[derive(Debug)]
pub(crate) struct VerifiedToken {
    pub gen_time: DateTime<Utc>,
    /// The TSA's certificate's common name (its whole subject when it has none).
    pub tsa_name: String,
    /// The token's serialNumber, lower-case hex.
    pub serial: String,
    /// The messageImprint's digest algorithm (OID content bytes).
    pub hash_algorithm: Vec<u8>,
    /// The nonce's content bytes, when the TSA echoed one.
    pub nonce: Option<Vec<u8>>,
}

/// Why a token does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TokenError {
    /// Not a token, or a token over other data.
    Bad(String),
    /// A token, but not one a trusted TSA is shown to have signed.
    Untrusted(String),
}

impl std::fmt::Display for TokenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TokenError::Bad(s) | TokenError::Untrusted(s) => f.write_str(s),
        }
    }
}

/// Checks `token` (a whole ContentInfo) as a timestamp of `data`, against `anchors`.
pub(crate) fn verify_token(
    token: &[u8],
    data: &[u8],
    anchors: &TrustAnchors,
) -> Result<VerifiedToken, TokenError> {
    let bad = |e: SignError| TokenError::Bad(format!("not a timestamp token: {e}"));
    let parts = signed_data::read_signed_data(token).map_err(bad)?;
    if parts.content_type != TST_INFO {
        return Err(TokenError::Bad(
            "not a timestamp token: its content is not a TSTInfo".into(),
        ));
    }
    let mut cms = CmsContentInfo::from_der(token)
        .map_err(|e| TokenError::Bad(format!("not a timestamp token: {e}")))?;
    // The signature over the TSTInfo first; the TSA's certificate is judged below, at genTime,
    // which is known only once the content is read.
    let mut content = Vec::new();
    let flags = CMSOptions::BINARY | CMSOptions::NOVERIFY;
    cms.verify(None, None, None, Some(&mut content), flags)
        .map_err(|e| TokenError::Untrusted(format!("the token's signature does not hold: {e}")))?;
    let info = rfc3161::read_tst_info(&content).map_err(bad)?;
    let digest = rfc3161::digest(info.hash_algorithm).ok_or_else(|| {
        TokenError::Bad("the token's digest algorithm is not one this build checks".into())
    })?;
    let ours = hash(digest, data).map_err(|e| TokenError::Bad(e.to_string()))?;
    if info.hashed != &*ours {
        return Err(TokenError::Bad(
            "the token is over other data (its messageImprint differs)".into(),
        ));
    }
    let tsa = parts.signer_certificate().map_err(|_| {
        TokenError::Untrusted("the token does not carry its TSA's certificate".into())
    })?;
    if !is_timestamping(&tsa) {
        return Err(TokenError::Untrusted(format!(
            "{} is not a timestamping certificate (critical extendedKeyUsage timeStamping)",
            name(&tsa)
        )));
    }
    names_its_signer(&parts, &tsa)?;
    chains(&tsa, &parts.certificates, anchors, info.gen_time)?;
    Ok(VerifiedToken {
        gen_time: info.gen_time,
        tsa_name: name(&tsa),
        serial: der::integer_hex(info.serial),
        hash_algorithm: info.hash_algorithm.to_vec(),
        nonce: info.nonce.map(<[u8]>::to_vec),
    })
}

fn is_timestamping(cert: &X509Ref) -> bool {
    // SAFETY: a live certificate borrowed for the call; the function computes and reads its
    // cached extension flags (and caches them, which is why it takes a mutable pointer).
    unsafe { X509_check_purpose(cert.as_ptr(), openssl_sys::X509_PURPOSE_TIMESTAMP_SIGN, 0) == 1 }
}

fn name(cert: &X509Ref) -> String {
    cert.subject_name()
        .entries_by_nid(Nid::COMMONNAME)
        .next()
        .and_then(|e| e.data().to_string().ok())
        .map(|s| s.to_string())
        .unwrap_or_else(|| one_line(cert.subject_name()))
}

/// The token's ESS signing-certificate attribute (v2, or v1 by SHA-1) names `tsa` as its first
/// certificate: RFC 3161 requires one, so the signer cannot be swapped for another certificate
/// of the same key.
fn names_its_signer(parts: &signed_data::SignedParts, tsa: &X509Ref) -> Result<(), TokenError> {
    let missing =
        || TokenError::Untrusted("the token does not name its TSA's certificate (ESS)".into());
    let (value, v2) = match parts.attribute(SIGNING_CERTIFICATE_V2) {
        Some(values) => (values.first().ok_or_else(missing)?, true),
        None => match parts.attribute(SIGNING_CERTIFICATE) {
            Some(values) => (values.first().ok_or_else(missing)?, false),
            None => return Err(missing()),
        },
    };
    let read = || -> Result<(MessageDigest, Vec<u8>), SignError> {
        // SigningCertificate(V2) ::= SEQUENCE { certs SEQUENCE OF ESSCertID(v2), … }
        let (outer, _) = expect(value, SEQUENCE, "SigningCertificate")?;
        let (certs, _) = expect(outer.content, SEQUENCE, "certs")?;
        let (first, _) = expect(certs.content, SEQUENCE, "ESSCertID")?;
        let fields = items(first.content)?;
        let (digest, hashed) = match fields.first() {
            // ESSCertIDv2 with its hashAlgorithm given (the default is SHA-256).
            Some(f) if v2 && f.tag == SEQUENCE => {
                let (oid, _) = expect(f.content, OID, "hashAlgorithm")?;
                let digest = rfc3161::digest(oid.content)
                    .ok_or_else(|| SignError::malformed("ESS hash algorithm"))?;
                (digest, fields.get(1))
            }
            Some(_) if v2 => (MessageDigest::sha256(), fields.first()),
            _ => (MessageDigest::sha1(), fields.first()),
        };
        match hashed {
            Some(h) if h.tag == OCTET_STRING => Ok((digest, h.content.to_vec())),
            _ => Err(SignError::malformed("ESS certHash")),
        }
    };
    let (digest, named) = read().map_err(|_| missing())?;
    let der = tsa.to_der().map_err(|e| TokenError::Bad(e.to_string()))?;
    let actual = hash(digest, &der).map_err(|e| TokenError::Bad(e.to_string()))?;
    if named != *actual {
        return Err(TokenError::Untrusted(
            "the token names another certificate than the one that signed it (ESS)".into(),
        ));
    }
    Ok(())
}

/// `tsa` chains to `anchors` at `at`, with the token's other certificates as helpers only, every
/// certificate fit for timestamping (the leaf's critical EKU, CAs as CAs).
fn chains(
    tsa: &X509Ref,
    carried: &[&[u8]],
    anchors: &TrustAnchors,
    at: DateTime<Utc>,
) -> Result<(), TokenError> {
    let local = |e: openssl::error::ErrorStack| TokenError::Bad(e.to_string());
    let mut untrusted = Stack::new().map_err(local)?;
    for der in carried {
        if let Ok(cert) = X509::from_der(der) {
            untrusted.push(cert).map_err(local)?;
        }
    }
    let store = anchors
        .store_for(at, Some(X509PurposeId::TIMESTAMP_SIGN))
        .map_err(|e| TokenError::Bad(e.to_string()))?;
    let mut ctx = X509StoreContext::new().map_err(local)?;
    let verdict = ctx
        .init(&store, tsa, &untrusted, |ctx| {
            Ok(ctx.verify_cert()?.then_some(()).ok_or(ctx.error()))
        })
        .map_err(local)?;
    verdict.map_err(|e| {
        TokenError::Untrusted(format!(
            "the TSA's certificate {} does not chain to a trusted CA at {}: {}",
            name(tsa),
            at.format("%Y-%m-%d %H:%M:%S UTC"),
            e.error_string()
        ))
    })
}
