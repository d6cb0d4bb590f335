//! Trusted time on every signature: the center's timestamp authority (RFC 3161) asked for a
//! token over the signature's value, which the signature then carries (CAdES-T, PAdES B-T).
//! Verification later judges the signer's certificate at the token's time, not at the time the
//! signer's computer claimed. A silent authority follows the center's choice for missing
//! statuses: refused by default, or signed without a token, which the copy records.
use crate::signature_policy::{SignaturePolicy, WithoutStatus};
use chrono::{DateTime, Utc};
use rastau_sign::{SignError, TimestampOptions, TrustAnchors};
use std::time::Duration;

/// Whom to ask, and what to do when they are silent.
#[derive(Clone)]
pub struct Stamper {
    url: String,
    /// The authority's certificate must chain to the CAs the center trusts.
    anchors: TrustAnchors,
    without: WithoutStatus,
}

impl std::fmt::Debug for Stamper {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stamper").field("url", &self.url).finish()
    }
}

/// A signature as it leaves the stamper: with a token, or without one where the center allows.
pub struct Stamped {
    pub cms_der: Vec<u8>,
    /// The time the authority vouched for; none when it was silent and the center allows.
    pub at: Option<DateTime<Utc>>,
}

/// Bounds of one request at the counter: a queue waits on it.
fn options() -> TimestampOptions {
    TimestampOptions {
        timeout: Duration::from_secs(3),
        ..TimestampOptions::default()
    }
}

impl Stamper {
    /// The center's stamper; none when it names no timestamp authority.
    pub fn of(policy: &SignaturePolicy, anchors: &TrustAnchors) -> Option<Stamper> {
        Some(Stamper {
            url: policy.timestamp_url.clone()?,
            anchors: anchors.clone(),
            without: policy.without_status,
        })
    }

    /// `cms_der` with a signature timestamp token. An authority that does not answer refuses
    /// the signing unless the center allows it; one that answers wrongly always refuses it.
    pub fn stamp(&self, cms_der: Vec<u8>) -> Result<Stamped, SignError> {
        match rastau_sign::timestamp_signature(&cms_der, &self.url, &self.anchors, &options()) {
            Ok(stamped) => Ok(Stamped {
                cms_der: stamped.cms_der,
                at: Some(stamped.timestamp.gen_time),
            }),
            Err(SignError::TsaUnreachable { .. }) if self.without == WithoutStatus::Allow => {
                Ok(Stamped { cms_der, at: None })
            }
            Err(e) => Err(e),
        }
    }
}

/// `cms_der` with a signature timestamp token, as [`Stamper::stamp`] gives it: none when the
/// center names no authority.
pub fn stamped(stamper: Option<&Stamper>, cms_der: Vec<u8>) -> Result<Stamped, SignError> {
    match stamper {
        Some(stamper) => stamper.stamp(cms_der),
        None => Ok(Stamped { cms_der, at: None }),
    }
}
