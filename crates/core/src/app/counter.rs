//! The visit at the counter: the applicant looked up, the documents accepted and listed, the
//! consent registered, the visit closed; and the applicant's copies kept from any visit.
use super::Rastau;
use crate::applicant::{self, Lookup};
use crate::audit::{Action, Event, Record};
use crate::copy::{self, CopyView};
use crate::error::Result;
use crate::refusal;
use crate::visit::{
    self, ConsentGiven, Document, DocumentSuggestions, OpenVisit, Present, VisitView,
};

impl Rastau {
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

    /// The visit as the counter shows it, read again after a document is certified or refused,
    /// for the clerk serving it or a supervisor.
    pub fn visit(&mut self, visit_id: i64) -> Result<VisitView> {
        let actor = self.actor()?;
        visit::view_as(self.store.read(), &actor, visit_id)
    }

    /// The applicant's copies still kept, from any visit, ready to hand over again.
    pub fn copies(&mut self, tax_id: &str) -> Result<Vec<CopyView>> {
        self.actor()?;
        let now = self.now();
        copy::for_applicant(self.store.read(), tax_id.trim(), now)
    }

    /// The titles and issuers of the documents listed at this center's recent visits, most
    /// frequent first.
    pub fn document_suggestions(&mut self) -> Result<DocumentSuggestions> {
        self.actor()?;
        visit::suggestions(self.store.read())
    }
}
