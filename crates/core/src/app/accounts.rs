//! Signing in and out, locking and unlocking, passwords and the screen's language; the first
//! start that makes the center and its first supervisor; and the staff list a supervisor keeps.
use super::demo::{self, DemoLogin};
use super::staff::change_of;
use super::{Rastau, Status};
use crate::account::TypedIin;
use crate::account::{self, Account, AccountChanges, ChosenBy, NewAccount, Role};
use crate::audit::{Action, Event, Record};
use crate::center::{self, CenterProfile};
use crate::error::{Coded, Error, Result};
use crate::lang::Lang;
use crate::session::Session;
use crate::setting;
use rastau_shared::{NewPassword, StaffChange};
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
        let typed = TypedIin::new(iin);
        let shared = match &typed {
            TypedIin::Valid(iin) => self.sign_in_shared(iin, password),
            TypedIin::Malformed { .. } => Ok(None),
        };
        // The shared store's lock stands whatever this counter's own file says of the person.
        let (token, locked) = match shared {
            Ok(token) => (token, None),
            Err(Error::Shared(e)) if e.locks_sign_in() => (None, Some(e.into())),
            Err(e) => return Err(e),
        };
        let now = self.now();
        let (account, epoch) = self.store.write(|tx| {
            let verdict = match locked {
                Some(e) => Err(e),
                None => account::authenticate(tx, &typed, password, now)?,
            };
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
        let mut session = Session::start(account, epoch, now);
        session.set_shared_token(token);
        self.session = Some(session);
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

    /// Checks the signed-in person's password again, before an act that asks for it; wrong
    /// attempts count towards lockout as at sign-in.
    pub(super) fn confirm_password(&mut self, me: &Account, password: &str) -> Result<()> {
        let now = self.now();
        let verdict = self
            .store
            .write(|tx| account::verify_password(tx, me.id, password, now))?;
        verdict.map(drop).map_err(|e| self.leave_if_shut_out(e))
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
        let authority = self.staff_authority()?;
        self.recheck_password(&me, current, Action::PasswordChoiceFailed)?;
        let chosen = || Event::by(&me, Action::PasswordChosen).on(Record::Account(me.id));
        let epoch = match authority {
            None => self.audited(|_| chosen(), |tx| account::choose_password(tx, me.id, new))?,
            // Linked: the shared store checks the current password too, and keeps the new one;
            // then the cache.
            Some(mut authority) => {
                account::refuse_unchanged(self.store.read(), me.id, new)?;
                let hash = account::hash_for(new)?;
                let password = NewPassword {
                    password: new,
                    hash: &hash,
                };
                let member = authority.choose_password(current, password)?;
                let now = self.now();
                self.audited(|_| chosen(), |tx| account::keep(tx, &member, now))?
                    .1
            }
        };
        self.session()?.renew(epoch);
        self.status()
    }

    /// Checks the signed-in person's password again before an act that asks for it; a wrong
    /// one is noted as `failed` and counts towards lockout as at sign-in.
    fn recheck_password(&mut self, me: &Account, password: &str, failed: Action) -> Result<()> {
        let now = self.now();
        let verdict = self.store.write(|tx| {
            let verdict = account::verify_password(tx, me.id, password, now)?;
            if let Err(e) = &verdict {
                Event::by(me, failed).detail(e.code()).append(tx, now)?;
            }
            Ok(verdict)
        })?;
        verdict.map(drop).map_err(|e| self.leave_if_shut_out(e))
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
        let created = |clerk: &Account| {
            Event::by(&me, Action::AccountCreated)
                .on(Record::Account(clerk.id))
                .detail(&clerk.iin)
        };
        let iin = account::check_new(new, now)?.number;
        if account::by_iin(self.store.read(), &iin)?.is_some() {
            return Err(Error::IinTaken);
        }
        let Some(mut authority) = self.staff_authority()? else {
            return self.audited(created, |tx| {
                account::insert(tx, new, Role::Clerk, ChosenBy::Supervisor, now)
            });
        };
        let hash = account::hash_for(&new.password)?;
        let member = authority.change(&StaffChange {
            iin: &iin,
            full_name: new.full_name.trim(),
            position: new.position.trim(),
            phone: new.phone.trim(),
            role: Role::Clerk.code(),
            active: true,
            password: Some(NewPassword {
                password: &new.password,
                hash: &hash,
            }),
        })?;
        let (clerk, _) = self.audited(
            |(clerk, _)| created(clerk),
            |tx| account::keep(tx, &member, now),
        )?;
        Ok(clerk)
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
        let changed = |(updated, _): &(Account, i64)| {
            Event::by(&me, Action::AccountChanged)
                .on(Record::Account(updated.id))
                .detail(password)
        };
        let (updated, epoch) = match self.staff_authority()? {
            None => self.audited(changed, |tx| {
                let updated = account::update(tx, changes, chosen_by, now)?;
                Ok((updated, account::standing(tx, changes.id)?.epoch))
            })?,
            Some(mut authority) => {
                account::check_changes(changes)?;
                let now_known = account::get(self.store.read(), changes.id)?;
                let new_password = changes.new_password.as_deref().filter(|p| !p.is_empty());
                let hash = new_password.map(account::hash_for).transpose()?;
                let member = authority.change(&StaffChange {
                    full_name: changes.full_name.trim(),
                    position: changes.position.trim(),
                    phone: changes.phone.trim(),
                    password: new_password
                        .zip(hash.as_deref())
                        .map(|(password, hash)| NewPassword { password, hash }),
                    ..change_of(&now_known)
                })?;
                self.audited(changed, |tx| account::keep(tx, &member, now))?
            }
        };
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
        let event = |_: &Account| Event::by(&me, action).on(Record::Account(id));
        let Some(mut authority) = self.staff_authority()? else {
            return self.audited(event, |tx| account::set_active(tx, id, active, now));
        };
        let now_known = account::get(self.store.read(), id)?;
        let member = authority.change(&StaffChange {
            active,
            ..change_of(&now_known)
        })?;
        self.audited(event, |tx| account::keep(tx, &member, now).map(|(a, _)| a))
    }
}
