//! EDS keys at the desk: the open key as the counter shows it (whose it is and until when it
//! signs), a supervisor's key brought for one signature, and the one check every key passes
//! before it signs anything.
use crate::account::{self, Account, Role};
use crate::error::{Error, Result};
use crate::trust;
use chrono::{DateTime, Utc};
use rastau_sign::{CertificateInfo, Pkcs12Signer, Signer};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SigningKeyView {
    pub owner: String,
    pub iin: Option<String>,
    pub issuer: String,
    pub valid_from: DateTime<Utc>,
    pub valid_until: DateTime<Utc>,
}

impl From<&CertificateInfo> for SigningKeyView {
    fn from(c: &CertificateInfo) -> SigningKeyView {
        SigningKeyView {
            owner: c.subject_name.clone(),
            iin: c.iin.clone(),
            issuer: c.issuer_name.clone(),
            valid_from: c.not_before,
            valid_until: c.not_after,
        }
    }
}

/// A supervisor's key file brought to the desk, with its password; kept in memory only for the
/// one signature.
#[derive(Clone, Deserialize)]
pub struct KeyFile {
    pub pkcs12: Vec<u8>,
    pub password: String,
}

/// Refuses a key that may not sign for `iin` at `now` (the application's clock, not anything
/// the certificate claims): an authentication key, another person's, one outside its validity,
/// or one that does not chain to a CA this center trusts — with no CA trusted at all, nothing
/// signs, and the message says what a supervisor adds.
pub fn check(conn: &Connection, signer: &dyn Signer, iin: &str, now: DateTime<Utc>) -> Result<()> {
    rastau_sign::check_signer(signer.certificate(), iin, now)?;
    let anchors = trust::anchors(conn)?;
    if anchors.is_empty() {
        return Err(Error::NoTrustAnchors);
    }
    rastau_sign::check_chain(signer, &anchors, now)?;
    Ok(())
}

/// Opens a supervisor's key, refusing a key of anyone but an active supervisor of this center
/// and a key the certified copies' checks would refuse (validity, usage, owner, trusted CA).
pub fn supervisor_key(
    conn: &Connection,
    key: &KeyFile,
    now: DateTime<Utc>,
) -> Result<(Account, Arc<dyn Signer>)> {
    let signer = Pkcs12Signer::open(&key.pkcs12, &key.password)?;
    let supervisor = signer
        .certificate()
        .iin
        .as_deref()
        .map(|iin| account::by_iin(conn, iin))
        .transpose()?
        .flatten()
        .filter(|a| a.role == Role::Supervisor && a.active)
        .ok_or(Error::NotASupervisorKey)?;
    check(conn, &signer, &supervisor.iin, now)?;
    Ok((supervisor, Arc::new(signer)))
}
