//! Who signs a notice of refusal: the authorised person is the clerk, unless the center's
//! settings require a supervisor, who then opens their own key at the counter for this one
//! signature.
use crate::error::Result;
use crate::setting;
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};
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
