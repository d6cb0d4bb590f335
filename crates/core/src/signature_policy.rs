//! How the center signs when no one can say whether a key was revoked: the clerk's OCSP
//! responder and CRL unreachable, or none named in the certificate. Refusing is the default; a
//! supervisor may allow it, and the demo center does (its keys name no responder). A copy signed
//! so records that no status could be had.
use crate::error::{Error, Result};
use rusqlite::{Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The center's choice for a key whose revocation status cannot be had.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum WithoutStatus {
    /// Nothing is signed until the status can be had.
    Refuse,
    /// Signing goes on; the copy records that no status could be had.
    Allow,
}

/// The center's signature policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SignaturePolicy {
    pub without_status: WithoutStatus,
}

pub fn load(conn: &Connection) -> Result<SignaturePolicy> {
    let allow: bool = conn
        .query_row(
            "SELECT sign_without_status FROM center WHERE id = 1",
            [],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(Error::NotSetUp)?;
    Ok(SignaturePolicy {
        without_status: if allow {
            WithoutStatus::Allow
        } else {
            WithoutStatus::Refuse
        },
    })
}

pub fn set(tx: &Transaction, policy: &SignaturePolicy) -> Result<()> {
    let allow = policy.without_status == WithoutStatus::Allow;
    tx.execute(
        "UPDATE center SET sign_without_status = ?1 WHERE id = 1",
        [allow],
    )?;
    Ok(())
}
