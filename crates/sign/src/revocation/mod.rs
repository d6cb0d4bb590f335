//! Whether a certificate has been revoked, asked of the one who knows: the OCSP responder its
//! Authority Information Access names, and, when that gives no usable answer, the CRL its CRL
//! Distribution Points name.
//!
//! [`revocation_status`] returns what was learnt as a [`RevocationStatus`]: good or revoked
//! with the raw DER it was read from (an `OCSPResponse` or a `CertificateList`, kept so that a
//! signature can carry it later: PAdES B-LT, CAdES revocation values), or unreachable with the
//! reason for each source. Whether an unreachable status refuses signing is the caller's
//! decision (the center's setting), not this module's; [`RevocationStatus::require_good`] is
//! the strict reading, as a [`SignError`] worded in kk/ru.
//!
//! Nothing is believed because it arrived:
//! - an OCSP response must be signed by the certificate's issuer itself, or by a responder
//!   certificate that issuer issued with the id-kp-OCSPSigning extended key usage (OpenSSL's
//!   `OCSP_basic_verify` against a store that holds the issuer alone, judged at `now`); the
//!   nonce sent with the request must come back unchanged when the responder echoes one (a
//!   responder that echoes none is believed within its validity window, as RFC 6960 allows);
//! - a CRL must name the issuer, be signed by its key, and the issuer's key usage (when stated)
//!   must allow cRLSign;
//! - thisUpdate must not lie in the future and nextUpdate (required of a CRL) not in the past,
//!   by more than [`RevocationOptions::clock_skew`]. These windows are compared with the
//!   caller's `now`, not by OpenSSL's `OCSP_check_validity`, which reads the system clock
//!   itself: the whole crate judges at the moment its caller names.
//!
//! Everything is bounded: only `http://` addresses are asked (both objects are signed, TLS adds
//! nothing, and NCA's responders are plain HTTP), each exchange has one deadline for connecting,
//! sending and reading, each answer a size cap, and at most [`MAX_URLS`] addresses of each kind
//! are tried. The worst case, every source accepting and never answering, is therefore
//! `2 × MAX_URLS × timeout`: 20 s with the defaults, which is the caller's to shorten.
//!
//! The HTTP exchange is a small client of its own on `std::net` (`http.rs` says why); the
//! timestamp client uses it too.
//!
//! Not read yet: delta CRLs (Freshest CRL) and indirect CRLs (signed by someone else than the
//! issuer); such a list is refused as not the issuer's, never misread.
pub(crate) mod crl;
pub(crate) mod http;
pub(crate) mod ocsp;

use crate::error::SignError;
use chrono::{DateTime, Utc};
use openssl::x509::{X509VerifyResult, X509};
use std::time::Duration;

/// At most this many OCSP addresses, and this many CRL addresses, are tried for one
/// certificate.
pub const MAX_URLS: usize = 2;

/// The bounds of one status lookup.
#[derive(Debug, Clone)]
pub struct RevocationOptions {
    /// For one exchange: connecting, sending the request and reading the whole answer.
    pub timeout: Duration,
    /// The largest OCSP response read (NCA's are a few kilobytes).
    pub max_ocsp_bytes: usize,
    /// The largest CRL read. A bound against a responder that never stops sending, not a
    /// measured size of NCA's lists.
    pub max_crl_bytes: usize,
    /// How far thisUpdate may lie ahead of `now`, and nextUpdate behind it: the clocks of this
    /// computer and of the responder differ a little.
    pub clock_skew: Duration,
}

impl Default for RevocationOptions {
    fn default() -> Self {
        RevocationOptions {
            timeout: Duration::from_secs(5),
            max_ocsp_bytes: 64 * 1024,
            max_crl_bytes: 32 * 1024 * 1024,
            clock_skew: Duration::from_secs(5 * 60),
        }
    }
}

/// Where a status came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Source {
    Ocsp,
    Crl,
}

/// What a status was read from, kept whole for embedding in a signature later.
#[derive(Clone, PartialEq, Eq)]
pub struct Evidence {
    pub source: Source,
    /// The address it was obtained from.
    pub url: String,
    /// OCSP: the response's producedAt. A CRL has none.
    pub produced_at: Option<DateTime<Utc>>,
    /// OCSP: the single response's thisUpdate; CRL: its thisUpdate (lastUpdate).
    pub this_update: DateTime<Utc>,
    /// When a newer status is promised; OCSP responders may leave it out.
    pub next_update: Option<DateTime<Utc>>,
    /// The DER as obtained: an `OCSPResponse` or a `CertificateList`.
    pub der: Vec<u8>,
}

impl std::fmt::Debug for Evidence {
    // The DER is kilobytes (a CRL megabytes): its length says enough in a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Evidence")
            .field("source", &self.source)
            .field("url", &self.url)
            .field("produced_at", &self.produced_at)
            .field("this_update", &self.this_update)
            .field("next_update", &self.next_update)
            .field("der_bytes", &self.der.len())
            .finish()
    }
}

/// Why a certificate was revoked (RFC 5280 CRLReason), when the source says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum RevocationReason {
    Unspecified,
    KeyCompromise,
    CaCompromise,
    AffiliationChanged,
    Superseded,
    CessationOfOperation,
    CertificateHold,
    RemoveFromCrl,
    PrivilegeWithdrawn,
    AaCompromise,
}

impl RevocationReason {
    /// From the CRLReason code; `None` for a code RFC 5280 does not define.
    pub fn from_code(code: i64) -> Option<RevocationReason> {
        use RevocationReason::*;
        Some(match code {
            0 => Unspecified,
            1 => KeyCompromise,
            2 => CaCompromise,
            3 => AffiliationChanged,
            4 => Superseded,
            5 => CessationOfOperation,
            6 => CertificateHold,
            8 => RemoveFromCrl,
            9 => PrivilegeWithdrawn,
            10 => AaCompromise,
            _ => return None,
        })
    }

    /// The CRLReason code.
    pub fn code(self) -> i32 {
        use RevocationReason::*;
        match self {
            Unspecified => 0,
            KeyCompromise => 1,
            CaCompromise => 2,
            AffiliationChanged => 3,
            Superseded => 4,
            CessationOfOperation => 5,
            CertificateHold => 6,
            RemoveFromCrl => 8,
            PrivilegeWithdrawn => 9,
            AaCompromise => 10,
        }
    }

    /// The name OpenSSL's CA index (`index.txt`) writes it with.
    pub fn openssl_name(self) -> &'static str {
        use RevocationReason::*;
        match self {
            Unspecified => "unspecified",
            KeyCompromise => "keyCompromise",
            CaCompromise => "CACompromise",
            AffiliationChanged => "affiliationChanged",
            Superseded => "superseded",
            CessationOfOperation => "cessationOfOperation",
            CertificateHold => "certificateHold",
            RemoveFromCrl => "removeFromCRL",
            // OpenSSL's index knows no names for these two; its closest word.
            PrivilegeWithdrawn | AaCompromise => "unspecified",
        }
    }
}

/// Why one source gave no status. `Display` is for logs.
#[derive(thiserror::Error, Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The certificate names no address of this kind.
    #[error("the certificate names none")]
    NotNamed,
    /// An address other than `http://` (https, ldap…), which is not asked.
    #[error("{url}: not an http:// address")]
    NotHttp { url: String },
    /// No connection, or no whole answer, within the timeout.
    #[error("{url}: {detail}")]
    Network { url: String, detail: String },
    /// An HTTP answer other than 200.
    #[error("{url}: HTTP status {status}")]
    HttpStatus { url: String, status: u16 },
    /// The answer grew past its cap.
    #[error("{url}: the answer is larger than {limit} bytes")]
    TooLarge { url: String, limit: usize },
    /// Not an OCSP response or a CRL, or not one about this certificate.
    #[error("{url}: {detail}")]
    Malformed { url: String, detail: String },
    /// The OCSP responder answered with an error status (tryLater, unauthorized…).
    #[error("{url}: the responder refused: {status}")]
    Refused { url: String, status: String },
    /// Not signed by the issuer or by a responder the issuer authorised.
    #[error("{url}: not signed by the issuer or its responder: {detail}")]
    BadSignature { url: String, detail: String },
    /// The response carries another nonce than the request: a replayed answer.
    #[error("{url}: the response answers another request (nonce differs)")]
    NonceMismatch { url: String },
    /// thisUpdate in the future or nextUpdate in the past.
    #[error("{url}: {detail}")]
    NotCurrent { url: String, detail: String },
    /// The OCSP responder does not know the certificate.
    #[error("{url}: the responder does not know this certificate")]
    UnknownCertificate { url: String },
}

impl Failure {
    /// [`Failure::Malformed`] for what came from `url`, given the detail.
    fn malformed_at(url: &str) -> impl Fn(String) -> Failure + '_ {
        move |detail| Failure::Malformed {
            url: url.into(),
            detail,
        }
    }
}

/// What is known of a certificate's revocation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RevocationStatus {
    /// Not revoked, by the evidence.
    Good { evidence: Evidence },
    /// Revoked at `revoked_at`.
    Revoked {
        revoked_at: DateTime<Utc>,
        reason: Option<RevocationReason>,
        evidence: Evidence,
    },
    /// Neither source gave a status; each says why.
    Unreachable { ocsp: Failure, crl: Failure },
}

impl RevocationStatus {
    /// The certificate names no OCSP responder and no CRL (the demo center's keys).
    pub fn no_responder_named(&self) -> bool {
        matches!(
            self,
            RevocationStatus::Unreachable {
                ocsp: Failure::NotNamed,
                crl: Failure::NotNamed
            }
        )
    }

    /// The strict reading: good, or an error that says why not ([`SignError::Revoked`] with
    /// the date, [`SignError::NoRevocationSource`], [`SignError::RevocationUnknown`]).
    pub fn require_good(&self) -> Result<&Evidence, SignError> {
        match self {
            RevocationStatus::Good { evidence } => Ok(evidence),
            RevocationStatus::Revoked { revoked_at, .. } => Err(SignError::Revoked {
                on: crate::checks::day(*revoked_at),
            }),
            s if s.no_responder_named() => Err(SignError::NoRevocationSource),
            RevocationStatus::Unreachable { ocsp, crl } => Err(SignError::RevocationUnknown {
                detail: format!("OCSP: {ocsp}; CRL: {crl}"),
            }),
        }
    }
}

/// A status from one source, or why none.
type Asked = Result<RevocationStatus, Failure>;

/// Asks for the revocation status of `cert_der`, issued by `issuer_der`, as of `now` (the
/// application's clock): OCSP first, then the CRL. Errors only when the two certificates cannot
/// be read or the second did not issue the first; everything the network does is in the status.
pub fn revocation_status(
    cert_der: &[u8],
    issuer_der: &[u8],
    now: DateTime<Utc>,
    options: &RevocationOptions,
) -> Result<RevocationStatus, SignError> {
    let read = |der: &[u8]| {
        X509::from_der(der).map_err(|e| SignError::malformed(format!("certificate: {e}")))
    };
    let (cert, issuer) = (read(cert_der)?, read(issuer_der)?);
    let issuer_key = issuer.public_key()?;
    if issuer.issued(&cert) != X509VerifyResult::OK || !cert.verify(&issuer_key)? {
        return Err(SignError::malformed(
            "the certificate was not issued by the issuer given",
        ));
    }
    let ocsp_urls = cert
        .ocsp_responders()
        .map(|s| s.iter().map(|u| u.to_string()).collect())
        .unwrap_or_default();
    let ocsp = first_answer(ocsp_urls, |url| {
        ocsp::ask(url, &cert, &issuer, now, options)
    });
    let ocsp = match ocsp {
        Ok(status) => return Ok(status),
        Err(failure) => failure,
    };
    let crl = first_answer(crl::urls(&cert), |url| {
        crl::ask(url, &cert, &issuer, now, options)
    });
    Ok(match crl {
        Ok(status) => status,
        Err(crl) => RevocationStatus::Unreachable { ocsp, crl },
    })
}

/// The first of `urls` that answers; else the last one's failure.
fn first_answer(urls: Vec<String>, ask: impl Fn(&str) -> Asked) -> Asked {
    let mut failure = Failure::NotNamed;
    for url in urls.iter().take(MAX_URLS) {
        match ask(url) {
            Ok(status) => return Ok(status),
            Err(f) => failure = f,
        }
    }
    Err(failure)
}

/// The plain-HTTP address of `url`, or why it is not asked.
fn http_url(url: &str) -> Result<http::Url, Failure> {
    http::Url::parse(url).ok_or_else(|| Failure::NotHttp { url: url.into() })
}

/// An HTTP failure as the source's failure.
fn http_failure(url: &str, limit: usize, e: http::HttpError) -> Failure {
    let url = url.to_owned();
    match e {
        http::HttpError::Network(detail) => Failure::Network { url, detail },
        http::HttpError::TooLarge => Failure::TooLarge { url, limit },
        http::HttpError::Status(status) => Failure::HttpStatus { url, status },
        http::HttpError::Malformed(detail) => Failure::Malformed { url, detail },
    }
}

/// Refuses a status whose thisUpdate lies ahead of `now`, or whose nextUpdate lies behind it,
/// by more than the allowed skew.
fn check_window(
    url: &str,
    this_update: DateTime<Utc>,
    next_update: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    skew: Duration,
) -> Result<(), Failure> {
    let skew = chrono::Duration::from_std(skew).unwrap_or(chrono::Duration::MAX);
    let not_current = |detail: String| Failure::NotCurrent {
        url: url.into(),
        detail,
    };
    if this_update > now + skew {
        return Err(not_current(format!(
            "thisUpdate {this_update} is in the future"
        )));
    }
    match next_update {
        Some(next) if next < now - skew => {
            Err(not_current(format!("stale: nextUpdate {next} has passed")))
        }
        _ => Ok(()),
    }
}

/// An ASN.1 time of either kind as chrono's.
fn asn1_time(t: &openssl::asn1::Asn1TimeRef) -> Result<DateTime<Utc>, SignError> {
    crate::certificate::to_chrono(t)
}

/// A GeneralizedTime (what OCSP uses) as chrono's.
fn generalized_time(t: &openssl::asn1::Asn1GeneralizedTimeRef) -> Result<DateTime<Utc>, SignError> {
    use foreign_types::ForeignTypeRef;
    // SAFETY: ASN1_GENERALIZEDTIME and ASN1_TIME are the same C type (asn1_string_st), and
    // ASN1_TIME_diff, which to_chrono calls, reads a GeneralizedTime as such. The reference
    // borrows `t` for the call only.
    let t = unsafe { openssl::asn1::Asn1TimeRef::from_ptr(t.as_ptr().cast()) };
    asn1_time(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn evidence() -> Evidence {
        Evidence {
            source: Source::Ocsp,
            url: "http://127.0.0.1:1".into(),
            produced_at: None,
            this_update: Utc::now(),
            next_update: None,
            der: vec![0; 4000],
        }
    }

    #[test]
    fn the_strict_reading_names_the_day_of_revocation() {
        let revoked = RevocationStatus::Revoked {
            revoked_at: Utc.with_ymd_and_hms(2026, 3, 14, 23, 30, 0).unwrap(),
            reason: Some(RevocationReason::KeyCompromise),
            evidence: evidence(),
        };
        let e = revoked.require_good().unwrap_err();
        assert!(
            matches!(e, SignError::Revoked { ref on } if on == "14.03.2026"),
            "{e:?}"
        );
        let good = RevocationStatus::Good {
            evidence: evidence(),
        };
        assert_eq!(good.require_good().unwrap().der.len(), 4000);
        assert!(format!("{:?}", good).contains("der_bytes: 4000"));
    }

    #[test]
    fn no_address_at_all_is_its_own_reason() {
        let none = RevocationStatus::Unreachable {
            ocsp: Failure::NotNamed,
            crl: Failure::NotNamed,
        };
        assert!(none.no_responder_named());
        assert!(matches!(
            none.require_good(),
            Err(SignError::NoRevocationSource)
        ));
        let down = RevocationStatus::Unreachable {
            ocsp: Failure::NotNamed,
            crl: Failure::HttpStatus {
                url: "http://x/crl".into(),
                status: 503,
            },
        };
        assert!(!down.no_responder_named());
        let e = down.require_good().unwrap_err();
        assert!(
            matches!(e, SignError::RevocationUnknown { ref detail } if detail.contains("503")),
            "{e:?}"
        );
    }

    #[test]
    fn the_window_allows_the_skew_and_no_more() {
        let now = Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap();
        let skew = Duration::from_secs(300);
        let min = |m: i64| now + chrono::Duration::minutes(m);
        check_window("u", min(4), None, now, skew).unwrap();
        check_window("u", min(-60), Some(min(-4)), now, skew).unwrap();
        assert!(check_window("u", min(6), None, now, skew).is_err());
        assert!(check_window("u", min(-60), Some(min(-6)), now, skew).is_err());
    }

    #[test]
    fn reasons_keep_their_codes() {
        for code in 0..=10 {
            if let Some(reason) = RevocationReason::from_code(code) {
                assert_eq!(i64::from(reason.code()), code);
            }
        }
        assert_eq!(RevocationReason::from_code(7), None);
    }
}
