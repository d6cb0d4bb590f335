//! Who is at the keyboard. A session locks itself after the center's idle time; the check is
//! made here, in Rust, so a UI that forgets to lock cannot keep a session open.
use crate::account::{Account, EpochReason, Standing};
use crate::error::{Error, Result};
use chrono::{DateTime, Duration, Utc};
use rastau_sign::Signer;
use serde::Serialize;
use std::sync::Arc;
use ts_rs::TS;

pub struct Session {
    account: Account,
    /// The account's epoch at sign-in; the session ends once the store's has moved on.
    epoch: i64,
    last_activity: DateTime<Utc>,
    locked: bool,
    /// The clerk's opened EDS key: asked once per login session, kept only in memory.
    signer: Option<Arc<dyn Signer>>,
    /// The shared store's proof that this person gave their password there (a linked
    /// counter, signed in while connected): what staff changes made here are authorised by.
    shared_token: Option<String>,
}

/// The session as the UI sees it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SessionInfo {
    pub account: Account,
    pub locked: bool,
    /// A supervisor set the password: the person must choose their own before anything else.
    pub must_choose_password: bool,
}

impl Session {
    pub fn start(account: Account, epoch: i64, now: DateTime<Utc>) -> Session {
        Session {
            account,
            epoch,
            last_activity: now,
            locked: false,
            signer: None,
            shared_token: None,
        }
    }

    pub fn set_shared_token(&mut self, token: Option<String>) {
        self.shared_token = token;
    }

    pub fn shared_token(&self) -> Option<&str> {
        self.shared_token.as_deref()
    }

    pub fn info(&self, must_choose_password: bool) -> SessionInfo {
        SessionInfo {
            account: self.account.clone(),
            locked: self.locked,
            must_choose_password,
        }
    }

    /// Refuses a session whose account has moved on since it opened, saying why.
    pub fn still_current(&self, standing: &Standing) -> Result<()> {
        if standing.epoch == self.epoch {
            return Ok(());
        }
        Err(match standing.moved_because {
            Some(EpochReason::Deactivated) => Error::SessionEndedDeactivated,
            _ => Error::SessionEndedPasswordChanged,
        })
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

    /// Takes in the epoch the person's own password change moved: this session goes on, while
    /// the account's other sessions end.
    pub fn renew(&mut self, epoch: i64) {
        self.epoch = epoch;
    }
}
