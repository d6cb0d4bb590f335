//! The applicant's copies at any center (rule 8): looking them up in the shared store by the
//! IIN/BIN of the visit at the counter, and fetching one to hand over. Another center's rows
//! are read only through the shared store's two audited functions (`applicant_copies`,
//! `copy_files`), which record the clerk, the visit and the applicant there; each lookup and
//! fetch is an audit entry here too.
use super::Rastau;
use crate::account::Account;
use crate::audit::{Action, Event, Record};
use crate::error::{Error, Result};
use crate::fetched::{self, SharedCopyView};
use crate::kept_copy::{Kept, KEPT_COPY};
use crate::shared_link::{self, Link};
use crate::{trust, visit};
use rastau_shared::SharedError;
use rastau_sign::TrustAnchors;

impl Rastau {
    /// The center of the shared store this installation is linked to, if it is: the counter
    /// offers the copies kept at other centers only then. Read from the link file alone, with
    /// no word to the server, so asking costs nothing.
    pub fn shared_center(&mut self) -> Result<Option<String>> {
        self.actor()?;
        Ok(shared_link::read(self.store.dir())?.map(|link| link.center))
    }

    /// The copies of the applicant of `visit_id` (a visit the signed-in clerk serves) kept
    /// anywhere in the shared store, newest first: [`Rastau::start_shared_lookup`], the
    /// question, [`Rastau::finish_shared_lookup`] in one go, for callers with nothing else to do
    /// meanwhile (the window runs the question without holding the store).
    pub fn shared_copies(&mut self, visit_id: i64) -> Result<Vec<SharedCopyView>> {
        let lookup = self.start_shared_lookup(visit_id)?;
        let copies = lookup.ask()?;
        self.finish_shared_lookup(&lookup, &copies)?;
        Ok(copies)
    }

    /// Everything a lookup needs from the store, checked: the clerk, the visit, the link.
    pub fn start_shared_lookup(&mut self, visit_id: i64) -> Result<Lookup> {
        let clerk = self.actor()?;
        let visit = visit::view_as(self.store.read(), &clerk, visit_id)?;
        Ok(Lookup {
            link: self.link()?,
            fetched: fetched::of_visit(self.store.read(), visit_id)?,
            tax_id: visit.applicant.tax_id,
            number: visit.number_text,
            visit_id,
            clerk,
        })
    }

    /// Records the lookup that was asked, with how many copies it found.
    pub fn finish_shared_lookup(
        &mut self,
        lookup: &Lookup,
        copies: &[SharedCopyView],
    ) -> Result<()> {
        self.audited(
            |_| {
                Event::by(&lookup.clerk, Action::SharedCopiesLookedUp)
                    .on(Record::Visit(lookup.visit_id))
                    .detail(copies.len().to_string())
            },
            |_| Ok(()),
        )
    }

    /// Fetches the copy `copy_id` of the installation `installation` for the applicant of
    /// `visit_id` (an open visit the signed-in clerk serves), checks it — the applicant's, its
    /// bytes those the shared store recorded, its signature trusted here at the moment its
    /// certification was recorded — and keeps it to be handed over. Its id among the visit's
    /// fetched copies. In three steps as [`Rastau::shared_copies`].
    pub fn fetch_shared_copy(
        &mut self,
        visit_id: i64,
        installation: &str,
        copy_id: i64,
    ) -> Result<i64> {
        match self.start_fetch(visit_id, installation, copy_id)? {
            FetchStart::Kept(id) => Ok(id),
            FetchStart::Ask(fetch) => {
                let fetched = fetch.ask()?;
                self.finish_fetch(fetched)
            }
        }
    }

    /// The fetch checked under the store: the visit open and the clerk's, and the copy's id
    /// here when it was fetched for the visit already.
    pub fn start_fetch(
        &mut self,
        visit_id: i64,
        installation: &str,
        copy_id: i64,
    ) -> Result<FetchStart> {
        let clerk = self.actor()?;
        visit::ensure_changeable(self.store.read(), &clerk, visit_id)?;
        if let Some(id) = self.already_fetched(visit_id, installation, copy_id)? {
            return Ok(FetchStart::Kept(id));
        }
        let visit = visit::view_as(self.store.read(), &clerk, visit_id)?;
        Ok(FetchStart::Ask(Box::new(Fetch {
            link: self.link()?,
            anchors: trust::anchors(self.store.read())?,
            installation: installation.to_owned(),
            tax_id: visit.applicant.tax_id,
            number: visit.number_text,
            visit_id,
            copy_id,
            clerk,
        })))
    }

    /// Keeps a fetched and checked copy for its visit, unless the visit closed meanwhile.
    pub fn finish_fetch(&mut self, fetched: Fetched) -> Result<i64> {
        let Fetched {
            fetch,
            copy,
            pdf,
            p7s,
        } = fetched;
        visit::ensure_changeable(self.store.read(), &fetch.clerk, fetch.visit_id)?;
        if let Some(id) =
            self.already_fetched(fetch.visit_id, &fetch.installation, fetch.copy_id)?
        {
            return Ok(id);
        }
        let mut pending = self.store.files().pending();
        pending.put(&pdf)?;
        pending.put(&p7s)?;
        let now = self.now();
        let origin = copy.origin();
        let detail = format!(
            "{} {} {}",
            copy.installation_code, copy.copy_id, copy.pdf_sha256
        );
        let id = self.audited(
            |_| {
                Event::by(&fetch.clerk, Action::SharedCopyFetched)
                    .on(Record::Visit(fetch.visit_id))
                    .detail(&detail)
            },
            |tx| fetched::insert(tx, fetch.visit_id, &origin, fetch.clerk.id, now),
        )?;
        pending.keep();
        Ok(id)
    }

    fn already_fetched(
        &self,
        visit_id: i64,
        installation: &str,
        copy_id: i64,
    ) -> Result<Option<i64>> {
        Ok(fetched::of_visit(self.store.read(), visit_id)?
            .into_iter()
            .find(|((i, c), _)| i == installation && *c == copy_id)
            .map(|(_, id)| id))
    }

    fn link(&self) -> Result<Link> {
        shared_link::read(self.store.dir())?.ok_or(Error::SharedNotLinked)
    }
}

/// A lookup ready to be asked, off the store.
pub struct Lookup {
    visit_id: i64,
    clerk: Account,
    tax_id: String,
    number: String,
    link: Link,
    fetched: Vec<((String, i64), i64)>,
}

impl Lookup {
    /// Asks the shared store, which logs the question (clerk, visit, applicant) first.
    pub fn ask(&self) -> Result<Vec<SharedCopyView>> {
        let mut client = self.link.connect_at_counter()?;
        let rows = client
            .query(
                &format!("SELECT {KEPT_COPY} FROM applicant_copies($1, $2, $3)"),
                &[&self.tax_id, &self.clerk.iin, &self.number],
            )
            .map_err(SharedError::from)?;
        rows.iter()
            .map(|row| {
                let copy = Kept::read(row)?;
                let key = (copy.installation_code.clone(), copy.copy_id);
                let fetched = self
                    .fetched
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, id)| *id);
                Ok(copy.view(&self.link, fetched))
            })
            .collect()
    }
}

/// What a fetch starts with: the copy kept for the visit already, or the question to ask.
pub enum FetchStart {
    Kept(i64),
    Ask(Box<Fetch>),
}

/// A fetch ready to be asked, off the store.
pub struct Fetch {
    visit_id: i64,
    clerk: Account,
    installation: String,
    copy_id: i64,
    tax_id: String,
    number: String,
    link: Link,
    anchors: TrustAnchors,
}

/// A copy fetched and checked, to be kept.
pub struct Fetched {
    fetch: Fetch,
    copy: Kept,
    pdf: Vec<u8>,
    p7s: Vec<u8>,
}

impl Fetch {
    /// Asks the shared store for the copy's files (logged there) and checks them.
    pub fn ask(self: Box<Self>) -> Result<Fetched> {
        let mut client = self.link.connect_at_counter()?;
        let row = client
            .query_opt(
                "SELECT (f.copy).*, f.pdf, f.p7s FROM copy_files($1, $2, $3, $4) f",
                &[
                    &self.installation,
                    &self.copy_id,
                    &self.clerk.iin,
                    &self.number,
                ],
            )
            .map_err(SharedError::from)?;
        let number = format!("{} {}", self.installation, self.copy_id);
        let row = row.ok_or(Error::SharedCopyGone { number })?;
        let copy = Kept::read(&row)?;
        let (pdf, p7s): (Vec<u8>, Vec<u8>) = (row.get("pdf"), row.get("p7s"));
        if copy.applicant_tax_id != self.tax_id {
            return Err(Error::NotThisApplicantsCopy);
        }
        copy.check(&pdf, &p7s, &self.anchors)?;
        Ok(Fetched {
            fetch: *self,
            copy,
            pdf,
            p7s,
        })
    }
}
