//! The application as one object: the store, the clock and the signed-in session. Every
//! command the window offers is a method here, so tests and the CLI drive exactly what the
//! window drives.
use crate::account::TypedIin;
use crate::account::{self, Account, AccountChanges, ChosenBy, NewAccount, Role, Standing};
use crate::applicant::{self, Lookup};
use crate::audit::{Action, Event, Record};
use crate::center::{self, Center, CenterProfile};
use crate::clock::Clock;
use crate::copy::{self, CopyView, Facts, NewCopy};
use crate::demo::{self, DemoLogin};
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::refusal;
use crate::seal;
use crate::session::{Session, SessionInfo};
use crate::setting;
use crate::signed::Signed;
use crate::signing_key;
use crate::store::Store;
use crate::trust::{self, TrustedCa};
use crate::verify::{self, SealView, VerifyView};
use crate::visit::{self, ConsentGiven, Document, OpenVisit, Present, VisitView};
use chrono::{DateTime, Duration, Utc};
use rastau_capture::ScanPage;
use rastau_sign::{CertificateInfo, Pkcs12Signer, Signer};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use ts_rs::TS;

pub struct Rastau {
    pub(crate) store: Store,
    clock: Box<dyn Clock>,
    session: Option<Session>,
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

/// First start: the center and its first supervisor, created together or not at all.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FirstStart {
    pub center: CenterProfile,
    pub supervisor: NewAccount,
}

impl Rastau {
    pub fn new(store: Store, clock: Box<dyn Clock>) -> Rastau {
        Rastau {
            store,
            clock,
            session: None,
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub(crate) fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    fn idle_limit(&self) -> Result<Duration> {
        let center = center::load(self.store.read())?.ok_or(Error::NotSetUp)?;
        Ok(Duration::minutes(center.profile.idle_lock_minutes.into()))
    }

    pub(crate) fn session(&mut self) -> Result<&mut Session> {
        self.session.as_mut().ok_or(Error::NotLoggedIn)
    }

    /// The signed-in, unlocked account of someone free to work; counts as activity.
    pub(crate) fn actor(&mut self) -> Result<Account> {
        let (account, standing) = self.present()?;
        if standing.must_choose_password {
            return Err(Error::PasswordChangeRequired);
        }
        Ok(account)
    }

    pub(crate) fn supervisor(&mut self) -> Result<Account> {
        let account = self.actor()?;
        if account.role != Role::Supervisor {
            return Err(Error::SupervisorOnly);
        }
        Ok(account)
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
                    typed.failed_login(&e).append(tx, now)?;
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

    pub fn update_center(&mut self, profile: &CenterProfile) -> Result<Status> {
        let me = self.supervisor()?;
        self.audited(
            |_| Event::by(&me, Action::CenterChanged),
            |tx| center::update(tx, profile),
        )?;
        self.status()
    }

    /// Checks an IIN/BIN as it is typed and fills in a returning applicant.
    pub fn lookup_applicant(&mut self, tax_id: &str) -> Result<Lookup> {
        self.actor()?;
        let today = crate::dates::local_day(self.now());
        applicant::lookup(self.store.read(), tax_id, today)
    }

    /// Accepts the documents: a new journal number, and the 30-minute clock starts.
    pub fn open_visit(&mut self, request: &OpenVisit) -> Result<VisitView> {
        let clerk = self.actor()?;
        let now = self.now();
        let id = self.audited(
            |id| {
                Event::by(&clerk, Action::VisitOpened)
                    .on(Record::Visit(*id))
                    .detail(&request.applicant.tax_id)
            },
            |tx| visit::open(tx, &clerk, request, now),
        )?;
        visit::view(self.store.read(), id)
    }

    pub fn set_documents(
        &mut self,
        visit_id: i64,
        documents: &[Document],
        copies_on_media: bool,
    ) -> Result<VisitView> {
        let actor = self.actor()?;
        self.audited(
            |_| {
                Event::by(&actor, Action::DocumentsListed)
                    .on(Record::Visit(visit_id))
                    .detail(documents.len().to_string())
            },
            |tx| visit::set_documents(tx, &actor, visit_id, documents, copies_on_media),
        )?;
        visit::view(self.store.read(), visit_id)
    }

    /// Registers the signed consent, given in person by `present` (rule 2.1).
    pub fn confirm_consent(&mut self, visit_id: i64, present: Present) -> Result<VisitView> {
        let actor = self.actor()?;
        let now = self.now();
        self.audited(
            |given: &ConsentGiven| {
                Event::by(&actor, Action::ConsentConfirmed)
                    .on(Record::Visit(visit_id))
                    .detail(format!(
                        "{} {}; registered by {} {}",
                        given.present.code(),
                        given.name,
                        actor.iin,
                        actor.full_name
                    ))
            },
            |tx| visit::confirm_consent(tx, &actor, visit_id, present, now),
        )?;
        visit::view(self.store.read(), visit_id)
    }

    /// Ends the service. Rule 6 allows two results only: every listed document must be
    /// certified or refused, and refusals must have their notice, the result the applicant
    /// leaves with.
    pub fn close_visit(&mut self, visit_id: i64) -> Result<VisitView> {
        let actor = self.actor()?;
        let now = self.now();
        self.audited(
            |_| Event::by(&actor, Action::VisitClosed).on(Record::Visit(visit_id)),
            |tx| {
                visit::ensure_changeable(tx, &actor, visit_id)?;
                visit::ensure_decided(tx, visit_id)?;
                refusal::ensure_notified(tx, visit_id)?;
                visit::close(tx, &actor, visit_id, now)
            },
        )?;
        visit::view(self.store.read(), visit_id)
    }

    /// The signed-in clerk's open visits, to resume after a restart.
    pub fn my_open_visits(&mut self) -> Result<Vec<VisitView>> {
        let clerk = self.actor()?;
        visit::open_for_clerk(self.store.read(), &clerk)
    }

    /// Opens the clerk's EDS key for this login session, refusing another person's key, an
    /// authentication-only key, one outside its validity period, or one that does not chain to
    /// a CA this center trusts.
    pub fn open_signing_key(&mut self, pkcs12: &[u8], password: &str) -> Result<CertificateInfo> {
        let clerk = self.actor()?;
        let signer = Pkcs12Signer::open(pkcs12, password)?;
        signing_key::check(self.store.read(), &signer, &clerk.iin, self.now())?;
        let info = signer.certificate().clone();
        self.note(Event::by(&clerk, Action::SigningKeyOpened).detail(&info.serial_hex))?;
        self.session()?.set_signer(Arc::new(signer));
        Ok(info)
    }

    /// Certifies document `position` of a visit from `pages`, the ones the store keeps for it
    /// ([`Rastau::certify_document`] is the way in): the PDF with its certification sheet,
    /// signed (PAdES inside, CAdES beside), stored and recorded.
    pub(crate) fn certify_pages(
        &mut self,
        visit_id: i64,
        position: u32,
        pages: &[ScanPage],
    ) -> Result<CopyView> {
        let clerk = self.actor()?;
        let signer = self.session()?.signer().ok_or(Error::NoSigningKey)?;
        let now = self.now();
        // The key may have expired since it was opened, or its CA been removed from the trusted.
        signing_key::check(self.store.read(), signer.as_ref(), &clerk.iin, now)?;
        let target = visit::to_certify(self.store.read(), &clerk, visit_id, position)?;
        refusal::ensure_not_refused(self.store.read(), target.document_id, position)?;
        copy::ensure_whole(&target.document, position, pages.len())?;
        let center = center::profile(self.store.read())?;
        let facts = Facts {
            applicant: &target.applicant,
            document: &target.document,
            clerk: &clerk,
            center: &center,
            certified_at: now,
        };
        let page_hashes: Vec<String> = pages.iter().map(ScanPage::sha256_hex).collect();
        let seal_key = self.seal_key()?;
        let seal = copy::seal(&seal_key, target.number, position, &facts, &page_hashes)?;
        let sheet = copy::sheet(&facts, page_hashes.clone(), seal.to_text().into_bytes());
        let pdf = rastau_pdf::certified_copy(&copy::to_pdf_pages(pages)?, &sheet)?;
        let keep_until = copy::keep_until(now);
        let detail = format!("{} #{position}", target.number);
        let certificate = signer.certificate();
        let name = clerk.full_name.clone();
        let (id, pdf_hash, signature_hash) = self.sign_and_record(
            &pdf,
            Signed::Copy,
            signer.as_ref(),
            &name,
            now,
            |tx, files| {
                let id = copy::insert(
                    tx,
                    &NewCopy {
                        visit_id,
                        document_id: target.document_id,
                        pdf_hash: &files.pdf_hash,
                        signature_hash: &files.signature_hash,
                        page_hashes: &page_hashes,
                        signer_name: &certificate.subject_name,
                        signer_iin: &clerk.iin,
                        signer_serial: &certificate.serial_hex,
                        certified_at: now,
                        keep_until,
                    },
                )?;
                Event::by(&clerk, Action::Certified)
                    .on(Record::Copy(id))
                    .detail(detail)
                    .append(tx, now)?;
                Ok((id, files.pdf_hash.clone(), files.signature_hash.clone()))
            },
        )?;
        Ok(CopyView {
            id,
            visit_id,
            journal_number: target.number.to_string(),
            position,
            document_title: target.document.title,
            pdf_hash,
            signature_hash,
            page_count: page_hashes.len() as u32,
            signer_name: signer.certificate().subject_name.clone(),
            certified_at: now,
            keep_until,
            kept_through: copy::kept_through(keep_until),
        })
    }

    /// Checks a signed file (anyone may: no login needed, as for a file brought back).
    pub fn verify_file(&self, file: &[u8], signature: Option<&[u8]>) -> Result<VerifyView> {
        Ok(VerifyView::from(&verify::verify(
            &self.store,
            file,
            signature,
            self.now(),
        )?))
    }

    /// Checks the text read from a QR code.
    pub fn verify_qr(&self, text: &str) -> Result<SealView> {
        Ok(SealView::from(&verify::check_seal(
            self.store.read(),
            text,
            None,
        )?))
    }

    /// Adds the CA certificates of `file` (PEM or DER) to those keys must chain to and
    /// signatures are judged against; nothing is added unless every one is a CA.
    pub fn trust_ca(&mut self, file: &[u8]) -> Result<Vec<TrustedCa>> {
        let me = self.supervisor()?;
        let added = self.audited(
            |added: &Vec<rastau_sign::CaInfo>| {
                let names: Vec<String> = added
                    .iter()
                    .map(|ca| format!("{} ({})", ca.subject, ca.fingerprint))
                    .collect();
                Event::by(&me, Action::CaTrusted).detail(names.join("; "))
            },
            |tx| trust::add(tx, file),
        )?;
        let list = trust::list(self.store.read())?;
        let added = |ca: &&TrustedCa| added.iter().any(|a| a.fingerprint == ca.id);
        Ok(list.iter().filter(added).cloned().collect())
    }

    /// The trusted CAs, for the supervisor to review.
    pub fn trusted_cas(&mut self) -> Result<Vec<TrustedCa>> {
        self.supervisor()?;
        trust::list(self.store.read())
    }

    /// Removes a trusted CA: keys it issued certify no more, signatures it vouched for are no
    /// longer trusted here.
    pub fn remove_trusted_ca(&mut self, id: &str) -> Result<Vec<TrustedCa>> {
        let me = self.supervisor()?;
        let subject = trust::list(self.store.read())?
            .into_iter()
            .find(|ca| ca.id == id)
            .and_then(|ca| ca.subject)
            .unwrap_or_default();
        self.audited(
            |_| Event::by(&me, Action::CaRemoved).detail(format!("{subject} ({id})")),
            |tx| trust::remove(tx, id),
        )?;
        trust::list(self.store.read())
    }

    /// Adds another center's seal key (its public half, hex) so its QR codes check as valid.
    pub fn trust_seal(&mut self, public_hex: &str) -> Result<String> {
        let me = self.supervisor()?;
        self.audited(
            |id: &String| Event::by(&me, Action::SealTrusted).detail(id),
            |tx| seal::trust(tx, public_hex),
        )
    }

    /// The installation's seal key, made on first use.
    pub(crate) fn seal_key(&mut self) -> Result<rastau_sign::SealKey> {
        let now = self.now();
        let dir = self.store.dir().to_owned();
        self.store.write(|tx| seal::own_key(tx, &dir, now))
    }

    /// The applicant's copies still kept, from any visit, ready to hand over again.
    pub fn copies(&mut self, tax_id: &str) -> Result<Vec<CopyView>> {
        self.actor()?;
        let now = self.now();
        copy::for_applicant(self.store.read(), tax_id.trim(), now)
    }
}
