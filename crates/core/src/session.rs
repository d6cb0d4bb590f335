//! Who is at the keyboard. A session locks itself after the center's idle time; the check is
//! made here, in Rust, so a UI that forgets to lock cannot keep a session open.
use crate::account::{Account, Role};
use crate::error::{Error, Result};
use chrono::{DateTime, Duration, Utc};
use rastau_sign::Signer;
use serde::Serialize;
use std::sync::Arc;
use ts_rs::TS;

pub struct Session {
    account: Account,
    last_activity: DateTime<Utc>,
    locked: bool,
    /// The clerk's opened EDS key: asked once per login session, kept only in memory.
    signer: Option<Arc<dyn Signer>>,
}

/// The session as the UI sees it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SessionInfo {
    pub account: Account,
    pub locked: bool,
}

impl Session {
    pub fn start(account: Account, now: DateTime<Utc>) -> Session {
        Session {
            account,
            last_activity: now,
            locked: false,
            signer: None,
        }
    }

    pub fn info(&self) -> SessionInfo {
        SessionInfo {
            account: self.account.clone(),
            locked: self.locked,
        }
    }

    pub fn set_signer(&mut self, signer: Arc<dyn Signer>) {
        self.signer = Some(signer);
    }

    pub fn signer(&self) -> Option<Arc<dyn Signer>> {
        self.signer.clone()
    }

    pub fn locked(&self) -> bool {
        self.locked
    }

    pub fn account(&self) -> &Account {
        &self.account
    }

    /// The signed-in account, if the session is neither locked nor idle for longer than
    /// `idle`; counts as activity.
    pub fn active(&mut self, now: DateTime<Utc>, idle: Duration) -> Result<&Account> {
        self.lock_if_idle(now, idle);
        if self.locked {
            return Err(Error::SessionLocked);
        }
        self.last_activity = now;
        Ok(&self.account)
    }

    /// As [`Session::active`], for supervisor-only actions.
    pub fn supervisor(&mut self, now: DateTime<Utc>, idle: Duration) -> Result<&Account> {
        let account = self.active(now, idle)?;
        if account.role != Role::Supervisor {
            return Err(Error::SupervisorOnly);
        }
        Ok(account)
    }

    /// Notices an idle session without counting as activity.
    pub fn lock_if_idle(&mut self, now: DateTime<Utc>, idle: Duration) {
        if now - self.last_activity >= idle {
            self.locked = true;
        }
    }

    pub fn lock(&mut self) {
        self.locked = true;
    }

    /// Called once the password has been checked again.
    pub fn unlock(&mut self, account: Account, now: DateTime<Utc>) {
        self.account = account;
        self.locked = false;
        self.last_activity = now;
    }

    pub fn refresh(&mut self, account: Account) {
        self.account = account;
    }
}
