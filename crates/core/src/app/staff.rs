//! A linked counter's accounts come from its center's staff in the shared store. Signing in
//! refreshes the cache first (so what was written into the local file since gives nothing)
//! and brings the shared store's token for the changes the person makes; every change of
//! staff is made there first, then kept here. Offline, signing in works from the cache, and
//! changes of staff wait for the connection.
use super::Rastau;
use crate::account::Account;
use crate::error::{Error, Result};
use crate::push::Pulled;
use crate::shared_link;
use rastau_shared::policy::{self, PolicyVersion};
use rastau_shared::{staff, StaffChange, StaffMember};
use std::time::Duration;

/// Signing in does not wait longer than this for the shared store: past it, the person signs
/// in from the cache as when offline.
const SIGN_IN_TIMEOUT: Duration = Duration::from_secs(3);

/// A connection to the shared store and the signed-in person's token there: what a change of
/// staff on a linked counter is made with.
pub(super) struct Authority {
    client: postgres::Client,
    token: String,
    center: String,
}

impl Authority {
    pub fn change(&mut self, change: &StaffChange) -> Result<StaffMember> {
        Ok(staff::change(&mut self.client, &self.token, change)?)
    }

    /// Writes the center's policy `document`, made from version `from`; the version written.
    pub fn change_policy(&mut self, from: i32, document: &str) -> Result<i32> {
        Ok(policy::change(
            &mut self.client,
            &self.token,
            from,
            document,
        )?)
    }

    /// The center's policy as the shared store has it now.
    pub fn policy(&mut self) -> Result<Option<PolicyVersion>> {
        Ok(policy::current(&mut self.client, &self.center)?)
    }

    pub fn choose_password(
        &mut self,
        current: &str,
        new: rastau_shared::NewPassword,
    ) -> Result<StaffMember> {
        Ok(staff::choose_password(
            &mut self.client,
            &self.token,
            current,
            new,
        )?)
    }
}

impl Rastau {
    /// Before a sign-in on a linked counter is judged: the cache of staff and the center's
    /// policy made what the shared store says ([`Pulled`]), and the person's token there if it
    /// knows the password as theirs. A shared store that does not answer leaves the cache as it
    /// is (None): the counter works offline. One that locked this person's sign-in (wrong
    /// passwords at any counter of the center) says so as the error.
    pub(super) fn sign_in_shared(&mut self, iin: &str, password: &str) -> Result<Option<String>> {
        let Some(link) = shared_link::read(self.store.dir())? else {
            return Ok(None);
        };
        let mut config = link.config();
        config.connect_timeout(SIGN_IN_TIMEOUT);
        let (iin, password, center) = (iin.to_owned(), password.to_owned(), link.center.clone());
        let answer = link.within(SIGN_IN_TIMEOUT, move || {
            let mut client = rastau_shared::connect_with(config)?;
            let token = staff::sign_in(&mut client, &iin, &password)?;
            Ok((Pulled::from(&mut client, &center)?, token))
        });
        let (pulled, token) = match answer {
            Ok(answer) => answer,
            Err(e) if e.locks_sign_in() => return Err(e.into()),
            Err(_) => return Ok(None),
        };
        let now = self.now();
        self.store.write(|tx| pulled.keep(tx, now).map(drop))?;
        Ok(token)
    }

    /// On a linked counter, the connection and token a change of staff is made with; None
    /// when the counter is not linked (its own file is then the authority).
    pub(super) fn staff_authority(&mut self) -> Result<Option<Authority>> {
        let Some(link) = shared_link::read(self.store.dir())? else {
            return Ok(None);
        };
        let token = self
            .session()?
            .shared_token()
            .ok_or(Error::StaffNeedsSharedSignIn)?
            .to_owned();
        let client = link.connect_at_counter()?;
        Ok(Some(Authority {
            client,
            token,
            center: link.center,
        }))
    }
}

/// A change of `account` that leaves it as it is, for the fields a change names to replace.
pub(super) fn change_of(account: &Account) -> StaffChange<'_> {
    StaffChange {
        iin: &account.iin,
        full_name: &account.full_name,
        position: &account.position,
        phone: &account.phone,
        role: account.role.code(),
        active: account.active,
        password: None,
    }
}
