//! The application layer: one object, [`Rastau`], holding the store, the clock and the
//! signed-in session. Every command the window offers is a method of it, written in the file of
//! its area below, so tests and the CLI drive exactly what the window drives. Here: the object
//! and its session machinery (who is at work, and may they). The domain modules under this
//! layer never name it.
mod accounts;
mod backup;
mod certification;
mod checks;
mod counter;
pub mod demo;
mod forms;
mod handover;
mod journal;
mod keys;
mod ncalayer;
mod notice;
mod pages;
pub mod printing;
mod refusal;
mod settings;
mod shared;
mod shared_copies;
mod sign_off;
mod signing;
mod staff;
pub mod sweep;

pub use accounts::FirstStart;
pub use certification::{Certification, SignedCopy};
pub use ncalayer::{NcaLayerOpened, NcaLayerOpening, NcaLayerProbe};
pub use notice::{NoticeSigning, SignedNotice};
pub use shared_copies::{Fetch, FetchStart, Fetched, Lookup};
pub use sign_off::{DaySigning, SignedDay};

use crate::account::{self, Account, Role, Standing};
use crate::audit::{Action, Event};
use crate::center::{self, Center};
use crate::clock::Clock;
use crate::error::{Coded, Error, Result};
use crate::lang::Lang;
use crate::session::{Session, SessionInfo};
use crate::setting;
use crate::store::Store;
use chrono::{DateTime, Duration, Utc};
use rusqlite::Transaction;
use serde::Serialize;
use ts_rs::TS;

pub struct Rastau {
    store: Store,
    clock: Box<dyn Clock>,
    session: Option<Session>,
    /// Where NCALayer is asked, for centers that open keys through it.
    ncalayer: rastau_sign::NcaLayerOptions,
}

/// Everything the UI needs to choose a screen.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Status {
    /// `None` until first start has been completed.
    pub center: Option<Center>,
    pub session: Option<SessionInfo>,
    pub language: Lang,
}

impl Rastau {
    pub fn new(store: Store, clock: Box<dyn Clock>) -> Rastau {
        Rastau {
            store,
            clock,
            session: None,
            ncalayer: rastau_sign::NcaLayerOptions::default(),
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    fn idle_limit(&self) -> Result<Duration> {
        let center = center::load(self.store.read())?.ok_or(Error::NotSetUp)?;
        Ok(Duration::minutes(center.profile.idle_lock_minutes.into()))
    }

    fn session(&mut self) -> Result<&mut Session> {
        self.session.as_mut().ok_or(Error::NotLoggedIn)
    }

    /// The signed-in, unlocked account of someone free to work; counts as activity.
    fn actor(&mut self) -> Result<Account> {
        self.actor_standing().map(|(account, _)| account)
    }

    fn actor_standing(&mut self) -> Result<(Account, Standing)> {
        let (account, standing) = self.present()?;
        if standing.must_choose_password {
            return Err(Error::PasswordChangeRequired);
        }
        Ok((account, standing))
    }

    /// A supervisor by both the role they signed in with and the one the store gives them
    /// now: a role raised in the file meanwhile gives nothing, one taken away (by a linked
    /// counter's refresh from the shared store) takes effect at once.
    fn supervisor(&mut self) -> Result<Account> {
        let (account, standing) = self.actor_standing()?;
        if account.role != Role::Supervisor || standing.role != Role::Supervisor {
            return Err(Error::SupervisorOnly);
        }
        Ok(account)
    }

    /// The signed-in, unlocked account of someone free to work, for what the window asks by
    /// itself on a timer: not counted as activity, so it never keeps an idle session open.
    fn onlooker(&mut self) -> Result<Account> {
        let (now, idle) = (self.now(), self.idle_limit()?);
        let standing = self.current_standing()?;
        let session = self.session()?;
        session.lock_if_idle(now, idle);
        if session.locked() {
            return Err(Error::SessionLocked);
        }
        if standing.must_choose_password {
            return Err(Error::PasswordChangeRequired);
        }
        Ok(session.account().clone())
    }

    /// The signed-in, unlocked account, even of someone who must still choose a password;
    /// counts as activity.
    fn present(&mut self) -> Result<(Account, Standing)> {
        let (now, idle) = (self.now(), self.idle_limit()?);
        let standing = self.current_standing()?;
        let account = self.session()?.active(now, idle)?.clone();
        Ok((account, standing))
    }

    /// The session's account as the store has it now (one indexed read). A session whose
    /// account has moved on (deactivated, or its password changed, by this program or another
    /// on the store) ends here, with the reason.
    fn current_standing(&mut self) -> Result<Standing> {
        let session = self.session.as_ref().ok_or(Error::NotLoggedIn)?;
        let standing = account::standing(self.store.read(), session.account().id)?;
        if let Err(ended) = session.still_current(&standing) {
            let me = session.account().clone();
            self.session = None;
            let now = self.now();
            self.store.write(|tx| {
                Event::by(&me, Action::SessionEnded)
                    .detail(ended.code())
                    .append(tx, now)
            })?;
            return Err(ended);
        }
        Ok(standing)
    }

    /// Ends the session of someone a password check shut out (locked, or deactivated).
    fn leave_if_shut_out(&mut self, e: Error) -> Error {
        if matches!(
            e,
            Error::AccountLocked { .. } | Error::LockedUntilLifted | Error::AccountInactive
        ) {
            self.session = None;
        }
        e
    }

    pub fn status(&mut self) -> Result<Status> {
        let (now, idle) = (self.now(), self.idle_limit());
        if let (Some(session), Ok(idle)) = (self.session.as_mut(), idle) {
            session.lock_if_idle(now, idle);
        }
        let conn = self.store.read();
        let must_choose_password = match &self.session {
            Some(s) => account::standing(conn, s.account().id)?.must_choose_password,
            None => false,
        };
        let language = match &self.session {
            Some(s) if !s.locked() => s.account().language,
            _ => setting::get(conn, setting::LANGUAGE)?
                .and_then(|code| Lang::from_code(&code))
                .unwrap_or_default(),
        };
        Ok(Status {
            center: center::load(conn)?,
            session: self.session.as_ref().map(|s| s.info(must_choose_password)),
            language,
        })
    }

    /// Appends `event` alone, timed now: for what changes nothing else in the store (a key
    /// opened for the session, a file written outside it).
    fn note(&mut self, event: Event) -> Result<()> {
        let now = self.now();
        self.store.write(|tx| event.append(tx, now))
    }

    /// Runs `change` and appends `event` after it, in one transaction, timed now.
    fn audited<T>(
        &mut self,
        event: impl FnOnce(&T) -> Event,
        change: impl FnOnce(&Transaction) -> Result<T>,
    ) -> Result<T> {
        let now = self.now();
        self.store.write(|tx| {
            let value = change(tx)?;
            event(&value).append(tx, now)?;
            Ok(value)
        })
    }
}
