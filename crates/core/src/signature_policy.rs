//! How the center signs: the timestamp authority asked for a token over every signature, and
//! what happens when no one can say whether a key was revoked (the clerk's OCSP responder and
//! CRL unreachable, or none named in the certificate) or the timestamp authority is silent.
//! Refusing is the default; a supervisor may allow it, and the demo center does (its keys name
//! no responder). A copy signed so records what could not be had.
use crate::error::{Error, Result};
use rastau_sign::SignError;
use rusqlite::{Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The longest timestamp authority address kept.
const MAX_URL: usize = 300;

/// The center's choice for a key whose revocation status, or a signature whose timestamp,
/// cannot be had.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum WithoutStatus {
    /// Nothing is signed until they can be had.
    Refuse,
    /// Signing goes on; the copy records what could not be had.
    Allow,
}

/// The center's signature policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SignaturePolicy {
    pub without_status: WithoutStatus,
    /// The RFC 3161 timestamp authority (`http://…`; NCA RK's is `http://tsp.pki.gov.kz`);
    /// none: signatures carry no timestamp.
    pub timestamp_url: Option<String>,
}

pub fn load(conn: &Connection) -> Result<SignaturePolicy> {
    let (allow, timestamp_url): (bool, Option<String>) = conn
        .query_row(
            "SELECT sign_without_status, timestamp_url FROM center WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or(Error::NotSetUp)?;
    Ok(SignaturePolicy {
        without_status: if allow {
            WithoutStatus::Allow
        } else {
            WithoutStatus::Refuse
        },
        timestamp_url,
    })
}

/// Keeps `policy`; an address that is not a plain `http://` one (the only kind asked: the
/// token is signed, TLS adds nothing) is refused in words. A blank address means none.
pub fn set(tx: &Transaction, policy: &SignaturePolicy) -> Result<SignaturePolicy> {
    let url = policy
        .timestamp_url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty());
    if let Some(url) = url {
        let host = url.strip_prefix("http://").unwrap_or_default();
        if host.is_empty() || url.len() > MAX_URL || url.chars().any(char::is_whitespace) {
            return Err(SignError::TsaAddress { url: url.into() }.into());
        }
    }
    let allow = policy.without_status == WithoutStatus::Allow;
    tx.execute(
        "UPDATE center SET sign_without_status = ?1, timestamp_url = ?2 WHERE id = 1",
        rusqlite::params![allow, url],
    )?;
    load(tx)
}
