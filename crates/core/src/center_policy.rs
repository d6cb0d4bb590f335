//! The center's policy as one document: its profile (names and place as the forms print them,
//! and the idle lock), the CAs its keys must chain to, how it signs (its timestamp authority,
//! and whether keys sign when no revocation status can be had), where its people keep their
//! keys, and which other centers' seals it accepts. On a linked counter the shared store holds it
//! ([`rastau_shared::policy`]) and this store keeps a copy: every exchange with the shared
//! store makes the copy what it says, so what is written into the local file meanwhile gives
//! nothing for long, and a supervisor's change is made there first, from the version this
//! counter has.
use crate::audit::{Action, Event};
use crate::center::{self, CenterProfile};
use crate::error::{Error, Result};
use crate::key_source::{self, KeySourceSettings};
use crate::seal;
use crate::setting;
use crate::signature_policy::{self, SignaturePolicy};
use crate::trust;
use chrono::{DateTime, Utc};
use rastau_shared::policy::PolicyVersion;
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The document the shared store keeps, JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CenterPolicy {
    pub profile: CenterProfile,
    /// The trusted list's entries: id (the certificate's SHA-256), PEM.
    pub trusted_cas: BTreeMap<String, String>,
    pub signature: SignaturePolicy,
    pub key_source: KeySourceSettings,
    /// Other centers' seal keys whose QR codes check as valid here: id, public key (hex).
    pub trusted_seals: BTreeMap<String, String>,
}

impl CenterPolicy {
    pub fn document(&self) -> String {
        serde_json::to_string(self).expect("the policy is plain data")
    }

    fn read(document: &str) -> Result<CenterPolicy> {
        serde_json::from_str(document).map_err(|e| Error::SharedPolicyUnreadable {
            detail: e.to_string(),
        })
    }
}

/// This store's policy.
pub fn load(conn: &Connection) -> Result<CenterPolicy> {
    Ok(CenterPolicy {
        profile: center::load(conn)?.ok_or(Error::NotSetUp)?.profile,
        trusted_cas: trust::kept(conn)?,
        signature: signature_policy::load(conn)?,
        key_source: key_source::load(conn)?,
        trusted_seals: seal::trusted(conn)?,
    })
}

/// The version of the shared store's policy this store's copy is, 0 if none.
pub fn version(conn: &Connection) -> Result<i32> {
    Ok(setting::get(conn, setting::SHARED_POLICY_VERSION)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0))
}

pub fn set_version(tx: &Transaction, version: i32) -> Result<()> {
    setting::set(tx, setting::SHARED_POLICY_VERSION, &version.to_string())
}

/// Makes this store's copy the shared store's `current` (None: the center has none there
/// yet, and this store's stands); true when anything here changed, which is noted.
pub fn refresh(
    tx: &Transaction,
    current: Option<&PolicyVersion>,
    now: DateTime<Utc>,
) -> Result<bool> {
    let Some(current) = current else {
        return Ok(false);
    };
    let shared = CenterPolicy::read(&current.document)?;
    set_version(tx, current.version)?;
    if load(tx)? == shared {
        return Ok(false);
    }
    center::update(tx, &shared.profile)?;
    trust::replace(tx, &shared.trusted_cas)?;
    signature_policy::set(tx, &shared.signature)?;
    key_source::set(tx, &shared.key_source)?;
    seal::replace_trusted(tx, &shared.trusted_seals)?;
    Event::system(Action::PolicyRefreshed)
        .detail(current.version.to_string())
        .append(tx, now)?;
    Ok(true)
}
