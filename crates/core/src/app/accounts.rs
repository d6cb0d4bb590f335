//! Signing in and out, locking and unlocking, passwords and the screen's language; the first
//! start that makes the center and its first supervisor; and the staff list a supervisor keeps.
use super::demo::{self, DemoLogin};
use super::{Rastau, Status};
use crate::account::TypedIin;
use crate::account::{self, Account, AccountChanges, ChosenBy, NewAccount, Role};
use crate::audit::{Action, Event, Record};
use crate::center::{self, CenterProfile};
use crate::error::{Coded, Error, Result};
use crate::lang::Lang;
use crate::session::Session;
use crate::setting;
use serde::Deserialize;
use ts_rs::TS;

/// First start: the center and its first supervisor, created together or not at all.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FirstStart {
    pub center: CenterProfile,
    pub supervisor: NewAccount,
}

impl Rastau {
    /// The demo accounts, offered on the login screen of a demo center only.
    pub fn demo_logins(&self) -> Result<Vec<DemoLogin>> {
        let demo = center::load(self.store.read())?.is_some_and(|c| c.demo);
        Ok(if demo { demo::logins() } else { vec![] })
    }

    pub fn first_start(&mut self, request: &FirstStart) -> Result<Status> {
        let now = self.now();
        self.store.write(|tx| {
            center::create(tx, &request.center, false, now)?;
            let supervisor = account::insert(
                tx,
                &request.supervisor,
                Role::Supervisor,
                ChosenBy::Owner,
                now,
            )?;
            Event::by(&supervisor, Action::FirstStart)
                .on(Record::Account(supervisor.id))
                .append(tx, now)
        })?;
        self.status()
    }

    /// Signs in. The IIN field is whatever someone typed before signing in: only a valid IIN
    /// reaches the store or the audit trail as it is (see [`TypedIin`]).
    pub fn login(&mut self, iin: &str, password: &str) -> Result<Status> {
        let now = self.now();
        let typed = TypedIin::new(iin);
        let (account, epoch) = self.store.write(|tx| {
            let verdict = account::authenticate(tx, &typed, password, now)?;
            match verdict {
                Ok(account) => {
                    setting::set(tx, setting::LANGUAGE, account.language.code())?;
                    Event::by(&account, Action::Login).append(tx, now)?;
                    let epoch = account::standing(tx, account.id)?.epoch;
                    Ok(Ok((account, epoch)))
                }
                Err(e) => {
                    Event::failed_login(&typed, &e).append(tx, now)?;
                    Ok(Err(e))
                }
            }
        })??;
        self.session = Some(Session::start(account, epoch, now));
        self.status()
    }

    pub fn logout(&mut self) -> Result<Status> {
        if let Some(session) = self.session.take() {
            let now = self.now();
            self.store
                .write(|tx| Event::by(session.account(), Action::Logout).append(tx, now))?;
        }
        self.status()
    }

    /// Locks at once (the "lock" button, or the UI's own idle timer).
    pub fn lock(&mut self) -> Result<Status> {
        self.session()?.lock();
        self.status()
    }

    /// Unlocks with the signed-in account's password; wrong attempts count towards lockout.
    pub fn unlock(&mut self, password: &str) -> Result<Status> {
        self.current_standing()?;
        let now = self.now();
        let me = self.session()?.account().clone();
        let verdict = self.store.write(|tx| {
            let verdict = account::verify_password(tx, me.id, password, now)?;
            let action = match &verdict {
                Ok(_) => Event::by(&me, Action::Unlock),
                Err(e) => Event::by(&me, Action::UnlockFailed).detail(e.code()),
            };
            action.append(tx, now)?;
            Ok(verdict)
        })?;
        match verdict {
            Ok(account) => self.session()?.unlock(account, now),
            Err(e) => return Err(self.leave_if_shut_out(e)),
        }
        self.status()
    }

    /// The signed-in person chooses their own password, giving the one they have; the only
    /// command, with signing out, open to someone whose password a supervisor set. Their other
    /// sessions (the CLI, another window) end.
    pub fn choose_password(&mut self, current: &str, new: &str) -> Result<Status> {
        let (me, _) = self.present()?;
        let now = self.now();
        let verdict =
            self.store.write(
                |tx| match account::verify_password(tx, me.id, current, now)? {
                    Ok(_) => {
                        let epoch = account::choose_password(tx, me.id, new)?;
                        Event::by(&me, Action::PasswordChosen)
                            .on(Record::Account(me.id))
                            .append(tx, now)?;
                        Ok(Ok(epoch))
                    }
                    Err(e) => {
                        Event::by(&me, Action::PasswordChoiceFailed)
                            .detail(e.code())
                            .append(tx, now)?;
                        Ok(Err(e))
                    }
                },
            )?;
        match verdict {
            Ok(epoch) => self.session()?.renew(epoch),
            Err(e) => return Err(self.leave_if_shut_out(e)),
        }
        self.status()
    }

    /// Marks activity the Rust side cannot see (typing in a form).
    pub fn touch(&mut self) -> Result<()> {
        self.actor().map(drop)
    }

    /// Switches the language; remembered for the login and lock screens, and for the
    /// signed-in user while the session is open.
    pub fn set_language(&mut self, lang: Lang) -> Result<Status> {
        // Also while a password must be chosen: that screen is read in a language too.
        let user = match self.present() {
            Ok((user, _)) => Some(user),
            // No one at work (first start, login or lock screen): only the screen's language.
            Err(Error::NotSetUp | Error::NotLoggedIn | Error::SessionLocked) => None,
            Err(e) => return Err(e),
        };
        let now = self.now();
        self.store.write(|tx| {
            setting::set(tx, setting::LANGUAGE, lang.code())?;
            let event = match &user {
                Some(user) => {
                    account::set_language(tx, user.id, lang)?;
                    Event::by(user, Action::LanguageChanged)
                }
                None => Event::system(Action::LanguageChanged),
            };
            event.detail(lang.code()).append(tx, now)
        })?;
        if let Some(user) = user {
            let fresh = account::get(self.store.read(), user.id)?;
            self.session()?.refresh(fresh);
        }
        self.status()
    }

    pub fn accounts(&mut self) -> Result<Vec<Account>> {
        self.supervisor()?;
        account::list(self.store.read())
    }

    pub fn create_clerk(&mut self, new: &NewAccount) -> Result<Account> {
        let me = self.supervisor()?;
        let now = self.now();
        self.audited(
            |clerk: &Account| {
                Event::by(&me, Action::AccountCreated)
                    .on(Record::Account(clerk.id))
                    .detail(&clerk.iin)
            },
            |tx| account::insert(tx, new, Role::Clerk, ChosenBy::Supervisor, now),
        )
    }

    pub fn update_account(&mut self, changes: &AccountChanges) -> Result<Account> {
        let me = self.supervisor()?;
        let now = self.now();
        let password = if changes.new_password.is_some() {
            "password"
        } else {
            ""
        };
        // A password a supervisor sets for someone else is theirs to replace at sign-in.
        let chosen_by = if changes.id == me.id {
            ChosenBy::Owner
        } else {
            ChosenBy::Supervisor
        };
        let (updated, epoch) = self.audited(
            |(updated, _): &(Account, i64)| {
                Event::by(&me, Action::AccountChanged)
                    .on(Record::Account(updated.id))
                    .detail(password)
            },
            |tx| {
                let updated = account::update(tx, changes, chosen_by, now)?;
                Ok((updated, account::standing(tx, changes.id)?.epoch))
            },
        )?;
        if updated.id == me.id {
            let session = self.session()?;
            session.refresh(updated.clone());
            session.renew(epoch);
        }
        Ok(updated)
    }

    pub fn set_account_active(&mut self, id: i64, active: bool) -> Result<Account> {
        let me = self.supervisor()?;
        if id == me.id && !active {
            return Err(Error::CannotDeactivateSelf);
        }
        let now = self.now();
        let action = if active {
            Action::AccountActivated
        } else {
            Action::AccountDeactivated
        };
        self.audited(
            |_| Event::by(&me, action).on(Record::Account(id)),
            |tx| account::set_active(tx, id, active, now),
        )
    }
}
