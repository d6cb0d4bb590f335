//! What a linked counter takes back from the shared store at each sign-in and exchange.
use crate::account;
use crate::center_policy;
use crate::error::Result;
use chrono::{DateTime, Utc};
use rastau_shared::policy::{self, PolicyVersion};
use rastau_shared::{staff, SharedError, StaffMember};
use rusqlite::Transaction;

/// What a linked counter takes from the shared store at each sign-in and exchange: its
/// center's staff, the authority over its accounts, and its policy, the authority over what
/// its keys must chain to and how they sign.
pub struct Pulled {
    staff: Vec<StaffMember>,
    policy: Option<PolicyVersion>,
}

impl Pulled {
    pub fn from(
        client: &mut postgres::Client,
        center: &str,
    ) -> std::result::Result<Pulled, SharedError> {
        Ok(Pulled {
            staff: staff::current(client, center)?,
            policy: policy::current(client, center)?,
        })
    }

    /// Makes this store's cache what was pulled; the IINs of the accounts that changed.
    pub fn keep(&self, tx: &Transaction, now: DateTime<Utc>) -> Result<Vec<String>> {
        let changed = account::refresh(tx, &self.staff, now)?;
        center_policy::refresh(tx, self.policy.as_ref(), now)?;
        Ok(changed)
    }
}
