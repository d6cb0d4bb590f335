//! The fallback: the issuer's certificate revocation list (RFC 5280), fetched over HTTP GET
//! from the certificate's CRL Distribution Points and looked up by serial.
use super::{asn1_time, check_window, http, http_failure, http_url, Asked, Evidence, Failure};
use super::{RevocationOptions, RevocationReason, RevocationStatus, Source};
use crate::error::SignError;
use chrono::{DateTime, Utc};
use openssl::x509::{CrlStatus, ReasonCode, X509Crl, X509KeyUsage, X509};
use std::cmp::Ordering;

/// The `http`-or-not URIs of the certificate's distribution points (full names only; a point
/// named relative to the issuer is not read).
pub(super) fn urls(cert: &X509) -> Vec<String> {
    let Some(points) = cert.crl_distribution_points() else {
        return Vec::new();
    };
    points
        .iter()
        .filter_map(|p| p.distpoint()?.fullname())
        .flat_map(|names| names.iter().filter_map(|n| n.uri().map(str::to_owned)))
        .collect()
}

/// Fetches the CRL at `url` and looks `cert` up in it.
pub(super) fn ask(
    url: &str,
    cert: &X509,
    issuer: &X509,
    now: DateTime<Utc>,
    options: &RevocationOptions,
) -> Asked {
    let address = http_url(url)?;
    let malformed = Failure::malformed_at(url);
    let body = http::get(&address, options.timeout, options.max_crl_bytes)
        .map_err(|e| http_failure(url, options.max_crl_bytes, e))?;
    // RFC 5280 serves DER; a PEM list is read too and kept as DER.
    let crl = X509Crl::from_der(&body)
        .or_else(|_| X509Crl::from_pem(&body))
        .map_err(|_| malformed("not a certificate revocation list".into()))?;
    let der = crl
        .to_der()
        .map_err(|e| malformed(format!("OpenSSL: {e}")))?;
    verify_issuer(&crl, issuer).map_err(|detail| Failure::BadSignature {
        url: url.into(),
        detail,
    })?;
    let time = |t| asn1_time(t).map_err(|e| malformed(e.to_string()));
    let this_update = time(crl.last_update())?;
    let next_update = crl
        .next_update()
        .ok_or_else(|| Failure::NotCurrent {
            url: url.into(),
            detail: "the list names no nextUpdate".into(),
        })
        .and_then(time)?;
    check_window(url, this_update, Some(next_update), now, options.clock_skew)?;
    let evidence = Evidence {
        source: Source::Crl,
        url: url.into(),
        produced_at: None,
        this_update,
        next_update: Some(next_update),
        der,
    };
    status(&crl, cert, evidence).map_err(|e| malformed(e.to_string()))
}

/// Reads a `CertificateList` a signature carries about `cert`, issued by `issuer`: the
/// issuer's, signed by its key, with a nextUpdate; its window is the caller's to judge.
pub(crate) fn embedded(der: &[u8], cert: &X509, issuer: &X509) -> Result<RevocationStatus, String> {
    let crl = X509Crl::from_der(der).map_err(|_| "not a certificate revocation list".to_owned())?;
    verify_issuer(&crl, issuer)?;
    let time = |t| asn1_time(t).map_err(|e| e.to_string());
    let this_update = time(crl.last_update())?;
    let next_update = crl
        .next_update()
        .ok_or("the list names no nextUpdate")
        .map_err(str::to_owned)
        .and_then(time)?;
    let evidence = Evidence {
        source: Source::Crl,
        url: String::new(),
        produced_at: None,
        this_update,
        next_update: Some(next_update),
        der: der.to_vec(),
    };
    status(&crl, cert, evidence).map_err(|e| e.to_string())
}

/// What `crl` says of `cert`.
fn status(crl: &X509Crl, cert: &X509, evidence: Evidence) -> Result<RevocationStatus, SignError> {
    Ok(match crl.get_by_cert(cert) {
        // Taken off the list after a hold: good again.
        CrlStatus::NotRevoked | CrlStatus::RemoveFromCrl(_) => RevocationStatus::Good { evidence },
        CrlStatus::Revoked(entry) => {
            let reason = entry
                .extension::<ReasonCode>()
                .ok()
                .flatten()
                .and_then(|(_, code)| code.get_i64().ok())
                .and_then(RevocationReason::from_code);
            RevocationStatus::Revoked {
                revoked_at: asn1_time(entry.revocation_date())?,
                reason,
                evidence,
            }
        }
    })
}

/// The list names `issuer` as its issuer, is signed by its key, and the issuer may sign lists
/// (cRLSign, when its key usage is stated at all).
fn verify_issuer(crl: &X509Crl, issuer: &X509) -> Result<(), String> {
    let same_name = crl
        .issuer_name()
        .try_cmp(issuer.subject_name())
        .map_err(|e| e.to_string())?;
    if same_name != Ordering::Equal {
        return Err("the list is issued by someone else".into());
    }
    if issuer
        .key_usage()
        .is_some_and(|ku| !ku.contains(X509KeyUsage::CRL_SIGN))
    {
        return Err("the issuer's key may not sign revocation lists".into());
    }
    let key = issuer.public_key().map_err(|e| e.to_string())?;
    match crl.verify(&key) {
        Ok(true) => Ok(()),
        Ok(false) => Err("the signature does not verify with the issuer's key".into()),
        Err(e) => Err(e.to_string()),
    }
}
