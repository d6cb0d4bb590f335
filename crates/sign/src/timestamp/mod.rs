//! Trusted time: an RFC 3161 timestamp authority (TSA) says when a signature existed, so that
//! the signer's certificate is judged at that moment, not at the moment the signer's computer
//! claimed (CAdES-T; in a PDF, PAdES B-T).
//!
//! [`request_timestamp`] asks a TSA for a token over the SHA-256 of some bytes, with a random
//! nonce and certReq set, POSTed as `application/timestamp-query` over the crate's one bounded
//! HTTP client (`http://` only, one deadline for the whole exchange, a size cap on the answer:
//! see `revocation/http.rs`). The answer is believed only when
//! - its status is granted and it holds a token: a SignedData of id-ct-TSTInfo;
//! - the token's signature holds, over a TSTInfo whose messageImprint is what was asked and
//!   whose nonce is the one sent (a replayed answer is someone else's);
//! - it is signed by a certificate with the critical extendedKeyUsage timeStamping, which the
//!   token names in its ESS signing-certificate attribute and which chains to the center's
//!   [`TrustAnchors`] at the token's genTime.
//!
//! Failures are typed, so the caller can tell a TSA that is down from one that misbehaves:
//! [`SignError::TsaUnreachable`] (nothing answered in time: the center's setting decides
//! whether signing goes on without a timestamp), [`SignError::TsaRefused`],
//! [`SignError::TsaBadAnswer`], [`SignError::TsaUntrusted`], and [`SignError::TsaAddress`] for
//! an address that is not `http://`. genTime is the TSA's to vouch for: it is not compared with
//! this computer's clock (the nonce already shows the answer is fresh).
//!
//! [`timestamp_signature`] makes a CAdES-BES signature CAdES-T: it timestamps the first
//! SignerInfo's signature value and adds the token as the unsigned attribute
//! id-aa-signatureTimeStampToken. `verify_detached` and `verify_pdf` read such a token back.
mod rfc3161;
mod token;

pub(crate) use token::{verify_token, TokenError};

use crate::error::SignError;
use crate::revocation::http;
use crate::trust::TrustAnchors;
use chrono::{DateTime, Utc};
use openssl::hash::{hash, MessageDigest};
use std::time::Duration;

/// id-aa-signatureTimeStampToken (RFC 3161 appendix A, CAdES): the unsigned attribute that
/// carries a timestamp of the signature value.
pub const SIGNATURE_TIME_STAMP_TOKEN: &str = "1.2.840.113549.1.9.16.2.14";
/// The same OID's content bytes, as signatures are read.
pub(crate) const SIGNATURE_TIME_STAMP_TOKEN_DER: &[u8] = &[
    0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x10, 0x02, 0x0E,
];

/// The bounds and choices of one timestamp request.
#[derive(Debug, Clone)]
pub struct TimestampOptions {
    /// For the whole exchange: connecting, sending the request and reading the answer.
    pub timeout: Duration,
    /// The largest answer read. A token with the TSA's certificate chain is a few kilobytes.
    pub max_bytes: usize,
    /// The TSA policy to ask for (dotted OID), when the TSA wants one named; none by default.
    pub policy: Option<String>,
}

impl Default for TimestampOptions {
    fn default() -> Self {
        TimestampOptions {
            timeout: Duration::from_secs(5),
            max_bytes: 256 * 1024,
            policy: None,
        }
    }
}

/// A token a TSA gave and that passed every check.
#[derive(Clone, PartialEq, Eq)]
pub struct Timestamp {
    /// The token: a DER ContentInfo (SignedData of TSTInfo), as the TSA signed it.
    pub token_der: Vec<u8>,
    /// When the TSA says the data existed.
    pub gen_time: DateTime<Utc>,
    /// The TSA's certificate's common name (its whole subject when it has none).
    pub tsa_name: String,
    /// The token's serial number, lower-case hex.
    pub serial: String,
}

impl std::fmt::Debug for Timestamp {
    // The token is kilobytes; its length says enough in a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Timestamp")
            .field("gen_time", &self.gen_time)
            .field("tsa_name", &self.tsa_name)
            .field("serial", &self.serial)
            .field("token_bytes", &self.token_der.len())
            .finish()
    }
}

/// A signature with its timestamp added, and that timestamp.
#[derive(Debug, Clone)]
pub struct Timestamped {
    /// The CMS signature (DER) carrying the token as id-aa-signatureTimeStampToken.
    pub cms_der: Vec<u8>,
    pub timestamp: Timestamp,
}

/// Asks the TSA at `tsa_url` for a timestamp of `data` and checks it (see the module's doc).
pub fn request_timestamp(
    data: &[u8],
    tsa_url: &str,
    anchors: &TrustAnchors,
    options: &TimestampOptions,
) -> Result<Timestamp, SignError> {
    let url = http::Url::parse(tsa_url).ok_or_else(|| SignError::TsaAddress {
        url: tsa_url.chars().take(200).collect(),
    })?;
    let policy = match &options.policy {
        Some(p) => Some(
            crate::der::oid(p)
                .ok_or_else(|| SignError::malformed(format!("TSA policy {p:.60}")))?,
        ),
        None => None,
    };
    let digest = hash(MessageDigest::sha256(), data)?;
    let nonce = nonce()?;
    let request = rfc3161::request(&digest, &nonce, policy.as_deref());
    let body = http::post(
        &url,
        "application/timestamp-query",
        &request,
        options.timeout,
        options.max_bytes,
    )
    .map_err(|e| match e {
        http::HttpError::Network(detail) => SignError::TsaUnreachable { detail },
        http::HttpError::Status(status) => SignError::TsaUnreachable {
            detail: format!("HTTP status {status}"),
        },
        http::HttpError::TooLarge => SignError::TsaBadAnswer {
            detail: format!("the answer is larger than {} bytes", options.max_bytes),
        },
        http::HttpError::Malformed(detail) => SignError::TsaBadAnswer { detail },
    })?;
    let bad = |detail: String| SignError::TsaBadAnswer { detail };
    let token = match rfc3161::read_reply(&body) {
        Ok(rfc3161::Reply::Granted { token }) => token,
        Ok(rfc3161::Reply::Refused { status }) => return Err(SignError::TsaRefused { status }),
        Err(e) => return Err(bad(format!("not a timestamp reply: {e}"))),
    };
    let verified = verify_token(token, data, anchors).map_err(|e| match e {
        TokenError::Bad(detail) => SignError::TsaBadAnswer { detail },
        TokenError::Untrusted(detail) => SignError::TsaUntrusted { detail },
    })?;
    if verified.hash_algorithm != rfc3161::SHA256 {
        return Err(bad("the token is over another digest than was asked".into()));
    }
    if verified.nonce.as_deref() != Some(&nonce[..]) {
        return Err(bad(
            "the token answers another request (its nonce differs or is missing)".into(),
        ));
    }
    Ok(Timestamp {
        token_der: token.to_vec(),
        gen_time: verified.gen_time,
        tsa_name: verified.tsa_name,
        serial: verified.serial,
    })
}

/// CAdES-T: asks the TSA for a timestamp of the first SignerInfo's signature value in
/// `cms_der` and returns the signature with the token added as its unsigned attribute
/// id-aa-signatureTimeStampToken. Every signed byte stays as it was.
///
/// For PAdES B-T, the same step runs inside [`crate::sign_pdf_with`]:
///
/// ```no_run
/// # use rastau_sign::*;
/// # fn demo(pdf: &[u8], signer: &dyn Signer, meta: &PdfSignatureMeta, anchors: &TrustAnchors)
/// # -> Result<Vec<u8>, SignError> {
/// let options = TimestampOptions::default();
/// let stamp = |cms: Vec<u8>| {
///     timestamp_signature(&cms, "http://tsp.pki.gov.kz", anchors, &options).map(|t| t.cms_der)
/// };
/// sign_pdf_with(pdf, signer, meta, &stamp)
/// # }
/// ```
pub fn timestamp_signature(
    cms_der: &[u8],
    tsa_url: &str,
    anchors: &TrustAnchors,
    options: &TimestampOptions,
) -> Result<Timestamped, SignError> {
    let parts = crate::signed_data::read_signed_data(cms_der)?;
    let timestamp = request_timestamp(parts.signature, tsa_url, anchors, options)?;
    let cms_der =
        crate::add_unsigned_attribute(cms_der, SIGNATURE_TIME_STAMP_TOKEN, &timestamp.token_der)?;
    Ok(Timestamped { cms_der, timestamp })
}

/// 64 random bits as a positive DER INTEGER's content (no leading zero byte, high bit clear).
fn nonce() -> Result<[u8; 8], SignError> {
    let mut nonce = [0u8; 8];
    openssl::rand::rand_bytes(&mut nonce)?;
    nonce[0] = (nonce[0] & 0x7F).max(1);
    Ok(nonce)
}
