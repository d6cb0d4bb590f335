//! The audit trail: one entry per state change, appended in the change's own transaction so
//! that a change and its entry are kept or lost together. Entries are chained by hash
//! ([`chain`]); supervisors browse them ([`view`]) and [`chain::verify`] walks the chain;
//! [`shared::verify`] walks every installation's chain in the shared store.
mod action;
pub mod chain;
mod detail;
pub mod shared;
mod view;

pub use action::Action;
pub use chain::{ChainReport, Fault};
pub use detail::Detail;
pub use view::{page, AuditEntry, AuditFilter, AuditPage, PAGE};

use crate::account::{Account, TypedIin};
use crate::error::{Coded, Error, Result};
use chain::Fields;
use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{named_params, Transaction};

/// What a record is, in an entry: the table's row it is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    Account(i64),
    Visit(i64),
    Page(i64),
    Copy(i64),
    Notice(i64),
    Handover(i64),
}

impl Record {
    fn parts(self) -> (&'static str, i64) {
        match self {
            Record::Account(id) => ("account", id),
            Record::Visit(id) => ("visit", id),
            Record::Page(id) => ("page", id),
            Record::Copy(id) => ("copy", id),
            Record::Notice(id) => ("notice", id),
            Record::Handover(id) => ("handover", id),
        }
    }
}

/// One entry about to be appended.
#[derive(Debug, Clone)]
pub struct Event {
    actor: Option<(String, String)>,
    action: Action,
    record: Option<Record>,
    detail: String,
}

impl Event {
    /// A change made by a signed-in person.
    pub fn by(actor: &Account, action: Action) -> Event {
        Event::as_iin(&actor.iin, &actor.full_name, action)
    }

    /// A change made by someone known by IIN and name only (a failed login's IIN).
    pub fn as_iin(iin: &str, name: &str, action: Action) -> Event {
        Event {
            actor: Some((iin.to_owned(), name.to_owned())),
            action,
            record: None,
            detail: String::new(),
        }
    }

    /// The audit entry of a failed sign-in with `typed` in the IIN field.
    pub fn failed_login(typed: &TypedIin, error: &Error) -> Event {
        match typed {
            TypedIin::Valid(iin) => {
                Event::as_iin(iin, "", Action::LoginFailed).detail(error.code())
            }
            TypedIin::Malformed { chars } => Event::as_iin("", "", Action::LoginFailed)
                .detail(format!("{} malformed-iin {chars}", error.code())),
        }
    }

    /// A change Rastau makes by itself: the retention sweep, start-up repairs, the CLI.
    pub fn system(action: Action) -> Event {
        Event {
            actor: None,
            action,
            record: None,
            detail: String::new(),
        }
    }

    pub fn on(mut self, record: Record) -> Event {
        self.record = Some(record);
        self
    }

    /// Values that tell the change apart (a journal number, a file name, a count); not prose,
    /// so the entry reads the same in both languages.
    pub fn detail(mut self, detail: impl Into<String>) -> Event {
        self.detail = detail.into();
        self
    }

    /// Appends the entry, linked to the last one, inside `tx`.
    pub fn append(self, tx: &Transaction, at: DateTime<Utc>) -> Result<()> {
        let (actor_iin, actor_name) = self.actor.unzip();
        let (record_kind, record_id) = self.record.map(Record::parts).unzip();
        let fields = Fields {
            at: at.to_rfc3339_opts(SecondsFormat::Micros, true),
            actor_iin,
            actor_name,
            action: self.action.code().to_owned(),
            record_kind: record_kind.map(str::to_owned),
            record_id,
            detail: self.detail,
        };
        let prev_hash = chain::head(tx)?;
        let hash = fields.hash(&prev_hash);
        tx.execute(
            "INSERT INTO audit_entry (at, actor_iin, actor_name, action, record_kind, record_id,
                                      detail, prev_hash, hash)
             VALUES (:at, :iin, :name, :action, :kind, :id, :detail, :prev, :hash)",
            named_params! {
                ":at": fields.at,
                ":iin": fields.actor_iin,
                ":name": fields.actor_name,
                ":action": fields.action,
                ":kind": fields.record_kind,
                ":id": fields.record_id,
                ":detail": fields.detail,
                ":prev": prev_hash,
                ":hash": hash,
            },
        )?;
        Ok(())
    }
}
