//! Signing the notice of refusal (Annex 2) over every refusal of the open visit not yet in one.
//!
//! In three steps, as a certification is, so that no one waits on the store while the key
//! signs: asking whether the key was revoked and the timestamp authority for its token go over
//! the network, and a key in NCALayer waits for its owner's PIN. [`Rastau::start_notice`] checks
//! and makes the notice under the store, [`NoticeSigning::sign`] signs and stores it holding
//! nothing, and [`Rastau::finish_notice`] records it, if the clerk, the visit and its refusals
//! are still as they were. [`Rastau::issue_notice`] takes the three in a row.
use super::signing::{sign_and_store, SignedUnrecorded};
use super::Rastau;
use crate::account::{Account, Role};
use crate::audit::{Action, Event, Record};
use crate::error::{Error, Result};
use crate::forms::{notice_pdf, NoticeFacts};
use crate::refusal::records::{self, Stored};
use crate::refusal::signer::{self, NoticeSigner};
use crate::refusal::{notices, NoticeLanguages, NoticeView, Refusal};
use crate::seal::{self, Seal, SealKind, Sealed};
use crate::signed::Signed;
use crate::signing_key::{CheckedKey, KeyFile};
use crate::store::Files;
use crate::visit::{self, VisitView};
use crate::{center, dates};
use chrono::{DateTime, Utc};
use rastau_sign::Signer;
use std::sync::Arc;

/// A notice checked and made, to be signed away from the store.
pub struct NoticeSigning {
    visit_id: i64,
    seq: i64,
    languages: NoticeLanguages,
    clerk: Account,
    authorised: Account,
    signer: Arc<dyn Signer>,
    /// Whether the key was revoked is asked when it signs, away from the store.
    key: CheckedKey,
    pdf: Vec<u8>,
    /// The refusals it covers, by their records, and their rows' hashes.
    refusal_ids: Vec<i64>,
    row_hashes: Vec<String>,
    at: DateTime<Utc>,
    location: String,
    files: Files,
}

/// A notice signed and stored, waiting for its record.
pub struct SignedNotice {
    job: NoticeSigning,
    signed: SignedUnrecorded,
}

impl Rastau {
    /// Signs the notice of Annex 2 over every refusal of the open visit not yet in one, in
    /// `languages`. The authorised person is the clerk with the key open in this session, or
    /// the supervisor whose `key` is given (required when the center's settings say so).
    pub fn issue_notice(
        &mut self,
        visit_id: i64,
        languages: NoticeLanguages,
        key: Option<&KeyFile>,
    ) -> Result<NoticeView> {
        let signed = self.start_notice(visit_id, languages, key)?.sign()?;
        self.finish_notice(signed)
    }

    /// Checks that the visit has refusals to notify and who may sign, and makes the notice.
    pub fn start_notice(
        &mut self,
        visit_id: i64,
        languages: NoticeLanguages,
        key: Option<&KeyFile>,
    ) -> Result<NoticeSigning> {
        let clerk = self.actor()?;
        visit::ensure_changeable(self.store.read(), &clerk, visit_id)?;
        let pending = self.pending_refusals(visit_id)?;
        if pending.is_empty() {
            return Err(Error::NoRefusalsToNotify);
        }
        let (authorised, signer, checked) = self.authorised_signer(&clerk, key)?;
        let visit = visit::view(self.store.read(), visit_id)?;
        let refusals: Vec<Refusal> = pending.iter().map(|s| s.refusal.clone()).collect();
        let seq = notices::next_seq(self.store.read(), visit_id)?;
        let number = visit.number.notice(seq);
        let row_hashes: Vec<String> = refusals.iter().map(Refusal::row_hash).collect();
        let at = self.now();
        let seal = self.notice_seal(&visit, &number, &row_hashes)?;
        let center = center::profile(self.store.read())?;
        let pdf = notice_pdf(
            &NoticeFacts {
                center: &center,
                applicant: &visit.applicant,
                number_text: &number,
                refusals: &refusals,
                date: dates::local_day(at),
                authorised: &authorised,
                executor: &clerk,
                qr: seal.to_text().as_bytes(),
            },
            languages,
        )?;
        Ok(NoticeSigning {
            visit_id,
            seq,
            languages,
            clerk,
            authorised,
            signer,
            key: checked,
            pdf,
            refusal_ids: pending.iter().map(|s| s.id).collect(),
            row_hashes,
            at,
            location: center.city_kk,
            files: self.store.files(),
        })
    }

    /// Records a notice signed by [`NoticeSigning::sign`], if the clerk is still signed in, the
    /// visit still open and its refusals still the ones the notice names; otherwise its files go
    /// and nothing is recorded.
    pub fn finish_notice(&mut self, made: SignedNotice) -> Result<NoticeView> {
        let SignedNotice { job, signed } = made;
        if self.actor()?.id != job.clerk.id {
            return Err(Error::NotYourVisit);
        }
        visit::ensure_changeable(self.store.read(), &job.clerk, job.visit_id)?;
        let pending: Vec<i64> = self
            .pending_refusals(job.visit_id)?
            .iter()
            .map(|s| s.id)
            .collect();
        if pending != job.refusal_ids
            || notices::next_seq(self.store.read(), job.visit_id)? != job.seq
        {
            return Err(Error::RefusalsChangedWhileSigning);
        }
        let certificate = job.signer.certificate();
        let id = self.record_signed(signed, |tx, files| {
            let id = notices::insert(
                tx,
                &notices::NewNotice {
                    visit_id: job.visit_id,
                    seq: job.seq,
                    languages: job.languages,
                    pdf_hash: &files.pdf_hash,
                    signature_hash: &files.signature_hash,
                    row_hashes: &job.row_hashes,
                    signer_id: job.authorised.id,
                    signer_name: &certificate.subject_name,
                    signer_iin: &job.authorised.iin,
                    signer_serial: &certificate.serial_hex,
                    issued_at: job.at,
                },
            )?;
            records::assign_notice(tx, &job.refusal_ids, id)?;
            Event::by(&job.clerk, Action::NoticeIssued)
                .on(Record::Notice(id))
                .detail(&job.authorised.iin)
                .append(tx, job.at)?;
            Ok(id)
        })?;
        notices::view(self.store.read(), id)
    }

    /// The visit's refusals not yet in a notice.
    fn pending_refusals(&mut self, visit_id: i64) -> Result<Vec<Stored>> {
        Ok(records::of_visit(self.store.read(), visit_id)?
            .into_iter()
            .filter(|s| s.notice_id.is_none())
            .collect())
    }

    /// The authorised person and their key: a supervisor's key brought to the counter, or the
    /// key open in this session when the center lets its owner sign.
    fn authorised_signer(
        &mut self,
        actor: &Account,
        key: Option<&KeyFile>,
    ) -> Result<(Account, Arc<dyn Signer>, CheckedKey)> {
        let required = signer::get(self.store.read())?;
        if key.is_none() && required == NoticeSigner::Supervisor && actor.role != Role::Supervisor {
            return Err(Error::SupervisorMustSign);
        }
        self.key_or_session(actor, key)
    }

    /// The center's seal for the notice's QR code.
    fn notice_seal(&mut self, visit: &VisitView, number: &str, rows: &[String]) -> Result<Seal> {
        let key = self.seal_key()?;
        Seal::issue(
            &key,
            &Sealed {
                kind: SealKind::Notice,
                document: number,
                tax_id: &visit.applicant.tax_id,
                date: dates::local_day(self.now()),
                digest: seal::digest_of(rows),
            },
        )
    }
}

impl NoticeSigning {
    /// Asks whether the key was revoked, signs the notice (PAdES inside, CAdES beside, each with
    /// the center's timestamp) and stores its files: the part that holds no store.
    pub fn sign(self) -> Result<SignedNotice> {
        let key = self.key.clone().in_hand(self.signer.clone(), self.at)?;
        let signed = sign_and_store(
            self.files.clone(),
            &self.pdf,
            Signed::Notice,
            &key,
            &self.authorised.full_name,
            self.location.clone(),
            self.at,
        )?;
        Ok(SignedNotice { job: self, signed })
    }
}
