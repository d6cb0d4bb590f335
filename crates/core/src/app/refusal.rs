//! Refusing at the counter: marking documents refused, signing the notice, printing it.
use super::printing::JobId;
use super::Rastau;
use crate::account::{Account, Role};
use crate::audit::{Action, Event, Record};
use crate::error::{Error, Result};
use crate::forms::{notice_pdf, NoticeFacts};
use crate::refusal::records::{self, RefuseRequest, Stored};
use crate::refusal::signer::{self, NoticeSigner};
use crate::refusal::{notices, NoticeLanguages, NoticeView, Refusal, RefusalView, RefusalsView};
use crate::seal::{self, Seal, SealKind, Sealed};
use crate::signed::Signed;
use crate::signing_key::{KeyFile, KeyInHand};
use crate::visit::{self, VisitView};
use crate::{center, dates};

impl Rastau {
    /// The visit's refusals and notices, for the clerk serving it or a supervisor.
    pub fn refusals(&mut self, visit_id: i64) -> Result<RefusalsView> {
        let actor = self.actor()?;
        let conn = self.store.read();
        // Only the clerk serving the visit, or a supervisor, reads its refusals.
        visit::view_as(conn, &actor, visit_id)?;
        Ok(RefusalsView {
            refusals: records::of_visit(conn, visit_id)?
                .into_iter()
                .map(RefusalView::from)
                .collect(),
            notices: notices::of_visit(conn, visit_id)?,
            without_pages: records::without_pages(conn, visit_id)?,
            notice_signer: signer::get(conn)?,
        })
    }

    /// Refuses the documents of `request` on its grounds, with its justification.
    pub fn refuse(&mut self, visit_id: i64, request: &RefuseRequest) -> Result<RefusalsView> {
        let clerk = self.actor()?;
        let now = self.now();
        let positions: Vec<String> = request.positions.iter().map(u32::to_string).collect();
        self.audited(
            |_| {
                Event::by(&clerk, Action::Refused)
                    .on(Record::Visit(visit_id))
                    .detail(positions.join(","))
            },
            |tx| records::refuse(tx, &clerk, visit_id, request, now),
        )?;
        self.refusals(visit_id)
    }

    /// Takes back a refusal not yet in a signed notice (a slip of the hand is cheap to undo).
    pub fn withdraw_refusal(&mut self, visit_id: i64, position: u32) -> Result<RefusalsView> {
        let clerk = self.actor()?;
        self.audited(
            |_| {
                Event::by(&clerk, Action::RefusalWithdrawn)
                    .on(Record::Visit(visit_id))
                    .detail(position.to_string())
            },
            |tx| records::withdraw(tx, &clerk, visit_id, position),
        )?;
        self.refusals(visit_id)
    }

    /// Signs the notice of Annex 2 over every refusal of the open visit not yet in one, in
    /// `languages`. The authorised person is the clerk with the key open in this session, or
    /// the supervisor whose `key` is given (required when the center's settings say so).
    pub fn issue_notice(
        &mut self,
        visit_id: i64,
        languages: NoticeLanguages,
        key: Option<&KeyFile>,
    ) -> Result<NoticeView> {
        let clerk = self.actor()?;
        visit::ensure_changeable(self.store.read(), &clerk, visit_id)?;
        let pending: Vec<Stored> = records::of_visit(self.store.read(), visit_id)?
            .into_iter()
            .filter(|s| s.notice_id.is_none())
            .collect();
        if pending.is_empty() {
            return Err(Error::NoRefusalsToNotify);
        }
        let (authorised, key) = self.authorised_signer(&clerk, key)?;
        let visit = visit::view(self.store.read(), visit_id)?;
        let refusals: Vec<Refusal> = pending.iter().map(|s| s.refusal.clone()).collect();
        let seq = notices::next_seq(self.store.read(), visit_id)?;
        let number = visit.number.notice(seq);
        let row_hashes: Vec<String> = refusals.iter().map(Refusal::row_hash).collect();
        let now = self.now();
        let seal = self.notice_seal(&visit, &number, &row_hashes)?;
        let center = center::profile(self.store.read())?;
        let pdf = notice_pdf(
            &NoticeFacts {
                center: &center,
                applicant: &visit.applicant,
                number_text: &number,
                refusals: &refusals,
                date: dates::local_day(now),
                authorised: &authorised,
                executor: &clerk,
                qr: seal.to_text().as_bytes(),
            },
            languages,
        )?;
        let ids: Vec<i64> = pending.iter().map(|s| s.id).collect();
        let certificate = key.signer.certificate().clone();
        let name = authorised.full_name.clone();
        let id = self.sign_and_record(&pdf, Signed::Notice, &key, &name, now, |tx, files| {
            let id = notices::insert(
                tx,
                &notices::NewNotice {
                    visit_id,
                    seq,
                    languages,
                    pdf_hash: &files.pdf_hash,
                    signature_hash: &files.signature_hash,
                    row_hashes: &row_hashes,
                    signer_id: authorised.id,
                    signer_name: &certificate.subject_name,
                    signer_iin: &authorised.iin,
                    signer_serial: &certificate.serial_hex,
                    issued_at: now,
                },
            )?;
            records::assign_notice(tx, &ids, id)?;
            Event::by(&clerk, Action::NoticeIssued)
                .on(Record::Notice(id))
                .detail(&authorised.iin)
                .append(tx, now)?;
            Ok(id)
        })?;
        notices::view(self.store.read(), id)
    }

    /// The authorised person and their key: a supervisor's key brought to the counter, or the
    /// key open in this session when the center lets its owner sign.
    fn authorised_signer(
        &mut self,
        actor: &Account,
        key: Option<&KeyFile>,
    ) -> Result<(Account, KeyInHand)> {
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

    /// The notice, for the clerk serving its visit or a supervisor.
    fn notice_of_actor(&mut self, notice_id: i64) -> Result<NoticeView> {
        let actor = self.actor()?;
        let notice = notices::view(self.store.read(), notice_id)?;
        visit::view_as(self.store.read(), &actor, notice.visit_id)?;
        Ok(notice)
    }

    /// The signed notice as stored, for the clerk serving its visit or a supervisor.
    pub fn notice_file(&mut self, notice_id: i64) -> Result<Vec<u8>> {
        let notice = self.notice_of_actor(notice_id)?;
        self.store.files().get(&notice.pdf_hash)
    }

    /// Prints the signed notice on the center's printer and counts the copy handed out.
    pub fn print_notice(&mut self, notice_id: i64) -> Result<JobId> {
        let notice = self.notice_of_actor(notice_id)?;
        let pdf = self.store.files().get(&notice.pdf_hash)?;
        self.print_counted(
            &pdf,
            &format!("notice-{}", notice.number),
            Some(Record::Notice(notice_id)),
            |tx, actor, now| notices::record_print(tx, notice_id, actor.id, now),
        )
    }

    /// The applicant's notices of refusal from any visit, newest first, to print again.
    pub fn notices(&mut self, tax_id: &str) -> Result<Vec<NoticeView>> {
        self.actor()?;
        notices::for_applicant(self.store.read(), tax_id.trim())
    }

    /// Who signs notices of refusal at this center.
    pub fn notice_signer(&mut self) -> Result<NoticeSigner> {
        self.actor()?;
        signer::get(self.store.read())
    }

    pub fn set_notice_signer(&mut self, who: NoticeSigner) -> Result<()> {
        let me = self.supervisor()?;
        self.audited(
            |_| Event::by(&me, Action::NoticeSignerChosen).detail(format!("{who:?}")),
            |tx| signer::set(tx, who),
        )
    }
}
