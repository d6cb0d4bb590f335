//! A supervisor's sign-off of a day: the day's journal signed with their EDS, and the day
//! locked.
//!
//! In three steps, as a certification is, so that the window does not wait on the store while
//! the key signs (its status and timestamps over the network, an NCALayer key waiting for the
//! PIN): [`Rastau::start_sign_off`] checks the day and makes its journal under the store,
//! [`DaySigning::sign`] signs and stores it holding nothing, and [`Rastau::finish_sign_off`]
//! records it, if the supervisor is still signed in, the day still open and its journal still
//! what was signed. [`Rastau::sign_off_day`] takes the three in a row.
use super::signing::{sign_and_store, SignedUnrecorded};
use super::Rastau;
use crate::account::Account;
use crate::audit::{Action, Event};
use crate::error::{Error, Result};
use crate::journal::{signoff, JournalFilter, JournalView, SignOffView};
use crate::lang::Lang;
use crate::signed::Signed;
use crate::signing_key::{CheckedKey, KeyFile};
use crate::store::Files;
use crate::{center, dates, day_lock};
use chrono::{DateTime, NaiveDate, Utc};
use rastau_sign::Signer;
use std::sync::Arc;

/// A day's journal checked and made, to be signed away from the store.
pub struct DaySigning {
    day: NaiveDate,
    /// Who signs it off, and whose key signs.
    actor: Account,
    supervisor: Account,
    signer: Arc<dyn Signer>,
    key: CheckedKey,
    /// What was signed: a visit ended or corrected meanwhile makes it another journal.
    journal: JournalView,
    pdf: Vec<u8>,
    at: DateTime<Utc>,
    location: String,
    files: Files,
}

/// A day's journal signed and stored, waiting for its record.
pub struct SignedDay {
    job: DaySigning,
    signed: SignedUnrecorded,
}

impl Rastau {
    /// Signs the day's journal (in `lang`) with the supervisor's EDS — the key open in this
    /// session, or `key` — and locks the day. Every visit of the day must have ended, and the
    /// day must have come: a day signed in advance would refuse all its visits.
    pub fn sign_off_day(
        &mut self,
        day: NaiveDate,
        lang: Lang,
        key: Option<&KeyFile>,
    ) -> Result<SignOffView> {
        let signed = self.start_sign_off(day, lang, key)?.sign()?;
        self.finish_sign_off(signed)
    }

    /// Checks that `day` may be signed off now and by whose key, and makes its journal.
    pub fn start_sign_off(
        &mut self,
        day: NaiveDate,
        lang: Lang,
        key: Option<&KeyFile>,
    ) -> Result<DaySigning> {
        let actor = self.supervisor()?;
        self.ensure_day_ready(day)?;
        let (supervisor, signer, checked) =
            self.key_or_session(&actor, key).map_err(|e| match e {
                // The key's owner is no supervisor: said of the journal, not of a notice.
                Error::NotASupervisorKey => Error::SignOffNotASupervisorKey,
                e => e,
            })?;
        let journal = self.journal(&JournalFilter::day(day))?;
        let pdf = self.journal_pdf(&JournalFilter::day(day), lang)?;
        Ok(DaySigning {
            day,
            actor,
            supervisor,
            signer,
            key: checked,
            journal,
            pdf,
            at: self.now(),
            location: center::profile(self.store.read())?.city_kk,
            files: self.store.files(),
        })
    }

    /// Records a sign-off signed by [`DaySigning::sign`] and locks the day, if the supervisor
    /// who started it is still signed in, the day still open and its journal unchanged;
    /// otherwise its files go and nothing is recorded.
    pub fn finish_sign_off(&mut self, made: SignedDay) -> Result<SignOffView> {
        let SignedDay { job, signed } = made;
        if self.supervisor()?.id != job.actor.id {
            return Err(Error::SignedInChangedWhileSigning);
        }
        self.ensure_day_ready(job.day)?;
        if self.journal(&JournalFilter::day(job.day))? != job.journal {
            return Err(Error::JournalChangedWhileSigning {
                day: dates::date(job.day),
            });
        }
        let DaySigning {
            day,
            actor,
            supervisor,
            signer,
            at,
            ..
        } = job;
        self.record_signed(signed, |tx, files| {
            signoff::insert(
                tx,
                &signoff::NewSignOff {
                    day,
                    supervisor: &supervisor,
                    files,
                    signer: signer.as_ref(),
                    at,
                },
            )?;
            Event::by(&actor, Action::DaySignedOff)
                .detail(format!("{day} {}", files.pdf_hash))
                .append(tx, at)
        })?;
        signoff::signed_off(self.store.read(), day)?.ok_or(Error::DayNotSignedOff {
            day: dates::date(day),
        })
    }

    /// Refuses a day still to come, one already signed off, and one with visits still open.
    fn ensure_day_ready(&mut self, day: NaiveDate) -> Result<()> {
        if day > dates::local_day(self.now()) {
            return Err(Error::DayInFuture {
                day: dates::date(day),
            });
        }
        day_lock::ensure_day_open(self.store.read(), day)?;
        let open = signoff::open_visits_on(self.store.read(), day)?;
        if open > 0 {
            return Err(Error::DayHasOpenVisits {
                day: dates::date(day),
                count: open,
            });
        }
        Ok(())
    }
}

impl DaySigning {
    /// Asks whether the key was revoked, signs the journal (PAdES inside, CAdES beside, each
    /// with the center's timestamp) and stores its files: the part that holds no store.
    pub fn sign(self) -> Result<SignedDay> {
        let key = self.key.clone().in_hand(self.signer.clone(), self.at)?;
        let signed = sign_and_store(
            self.files.clone(),
            &self.pdf,
            Signed::Journal,
            &key,
            &self.supervisor.full_name,
            self.location.clone(),
            self.at,
        )?;
        Ok(SignedDay { job: self, signed })
    }
}
