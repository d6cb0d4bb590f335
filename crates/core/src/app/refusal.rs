//! Refusing at the counter: marking documents refused, printing the signed notice (which
//! `notice.rs` signs).
use super::printing::JobId;
use super::Rastau;
use crate::audit::{Action, Event, Record};
use crate::error::Result;
use crate::refusal::records::{self, RefuseRequest};
use crate::refusal::signer::{self, NoticeSigner};
use crate::refusal::{notices, NoticeView, RefusalView, RefusalsView};
use crate::visit;

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
