//! Who signs a notice of refusal: the authorised person is the clerk, unless the center's
//! settings require a supervisor, who then opens their own key at the counter for this one
//! signature.
use crate::account::{self, Account, Role};
use crate::error::{Error, Result};
use crate::setting;
use chrono::{DateTime, Utc};
use rastau_sign::{Pkcs12Signer, Signer};
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum NoticeSigner {
    Clerk,
    Supervisor,
}

pub fn get(conn: &Connection) -> Result<NoticeSigner> {
    Ok(
        match setting::get(conn, setting::NOTICE_SIGNER)?.as_deref() {
            Some("supervisor") => NoticeSigner::Supervisor,
            _ => NoticeSigner::Clerk,
        },
    )
}

pub fn set(tx: &Transaction, signer: NoticeSigner) -> Result<()> {
    let code = match signer {
        NoticeSigner::Clerk => "clerk",
        NoticeSigner::Supervisor => "supervisor",
    };
    setting::set(tx, setting::NOTICE_SIGNER, code)
}

/// A supervisor's key file brought to the counter, with its password; kept in memory only for
/// the one signature.
#[derive(Clone, Deserialize)]
pub struct KeyFile {
    pub pkcs12: Vec<u8>,
    pub password: String,
}

/// Opens a supervisor's key, refusing a key of anyone but an active supervisor of this center
/// and a key the certified copies' checks would refuse (validity, usage, owner).
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
    rastau_sign::check_signer(signer.certificate(), &supervisor.iin, now)?;
    Ok((supervisor, Arc::new(signer)))
}
