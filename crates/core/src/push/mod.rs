//! Pushing this installation's committed history to the shared store, in commit order and
//! exactly once.
//!
//! The audit trail is the order: every change commits together with its audit entry, so
//! "entries up to N" names everything committed up to a moment. The shared store keeps how far
//! this installation has got (`push_mark.high_water`, an entry's `seq`), and every batch moves
//! that mark in the same PostgreSQL transaction as the rows it carries. A push cut off at any
//! point — the network gone, the server restarted, the process killed — leaves the mark and
//! the rows together, and the next push starts from the mark: nothing twice, nothing lost. The
//! mark lives in the shared store, not here, because a local copy of it could be behind the
//! truth after a crash between the two commits.
//!
//! What a batch carries for each entry is decided in [`facts`]; writing it is [`upload`].
mod facts;
mod pulled;
mod upload;

pub use pulled::Pulled;

use crate::error::{Error, Result};
use crate::setting;
use crate::shared_link::{self, Link};
use crate::store::Store;
use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;
use std::path::Path;
use ts_rs::TS;

/// What a push carried up.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PushReport {
    /// Audit entries, which is to say changes.
    #[ts(type = "number")]
    pub entries: u64,
    #[ts(type = "number")]
    pub visits: u64,
    #[ts(type = "number")]
    pub copies: u64,
    #[ts(type = "number")]
    pub notices: u64,
    #[ts(type = "number")]
    pub handovers: u64,
    #[ts(type = "number")]
    pub signoffs: u64,
    /// Files sent (the shared store keeps each once: one another counter sent is not stored
    /// again).
    #[ts(type = "number")]
    pub files: u64,
    #[ts(type = "number")]
    pub bytes: u64,
    /// Pulled back: this counter's accounts that the center's staff in the shared store
    /// changed (added, edited, deactivated).
    #[ts(type = "number")]
    pub staff: u64,
}

impl PushReport {
    fn add(&mut self, other: &PushReport) {
        self.entries += other.entries;
        self.visits += other.visits;
        self.copies += other.copies;
        self.notices += other.notices;
        self.handovers += other.handovers;
        self.signoffs += other.signoffs;
        self.files += other.files;
        self.bytes += other.bytes;
        self.staff += other.staff;
    }
}

/// Audit entries per batch unless told otherwise: a few hundred changes, a day's files at most.
pub const BATCH_ENTRIES: u32 = 500;

/// Pushes every change committed in `store` that the shared store `link` leads to does not hold
/// yet, in batches of at most `batch_entries` entries, and returns what went up. `store`
/// should be a connection of its own: the push reads while the counter goes on writing.
pub fn push(
    store: &mut Store,
    link: &Link,
    batch_entries: u32,
    now: DateTime<Utc>,
) -> Result<PushReport> {
    let mut client = rastau_shared::connect_with(link.config())?;
    let mut report = PushReport::default();
    let batch_entries = batch_entries.max(1);
    while let Some((carried, mark)) = upload::next_batch(&mut client, store, link, batch_entries)? {
        report.add(&carried);
        remember(store, mark, now)?;
    }
    // Caught up: the mark is what the shared store holds even when nothing moved.
    let mark = rastau_shared::pushed_mark(&mut client, &link.installation)?;
    remember(store, mark, now)?;
    // And what the counter needs back: its center's staff and policy.
    let pulled = Pulled::from(&mut client, &link.center)?;
    let changed = store.write(|tx| pulled.keep(tx, now))?;
    report.staff = changed.len() as u64;
    Ok(report)
}

/// One round of the window's worker: pushes what waits in the store in `dir` if it is linked
/// (`None` if not), on a connection of its own, so the counter's commands never wait for the
/// network. Offline is no fault of the counter's: the error is for the status, not the clerk.
pub fn push_if_linked(dir: &Path, now: DateTime<Utc>) -> Result<Option<PushReport>> {
    if shared_link::read(dir)?.is_none() {
        return Ok(None);
    }
    let mut store = Store::open_existing(dir)?;
    push_linked(&mut store, BATCH_ENTRIES, now).map(Some)
}

/// Pushes what waits in the store in `store`'s folder to the shared store it is linked to.
pub fn push_linked(
    store: &mut Store,
    batch_entries: u32,
    now: DateTime<Utc>,
) -> Result<PushReport> {
    let link = shared_link::read(store.dir())?.ok_or(Error::SharedNotLinked)?;
    push(store, &link, batch_entries, now)
}

/// Notes the mark the shared store acknowledged, for the count of changes waiting while
/// offline. Not an audit entry: it changes nothing but this installation's view of the link.
fn remember(store: &mut Store, mark: i64, now: DateTime<Utc>) -> Result<()> {
    store.write(|tx| {
        setting::set(tx, setting::SHARED_PUSHED_SEQ, &mark.to_string())?;
        setting::set(
            tx,
            setting::SHARED_LAST_EXCHANGE,
            &now.to_rfc3339_opts(SecondsFormat::Secs, true),
        )
    })
}

/// The local trail and the shared store's copy of it parted: the entry at the mark is not the
/// one this store has there (a store restored from an older backup, or a hand-edited file).
fn diverged(seq: i64) -> Error {
    Error::SharedHistoryDiverged { seq }
}
