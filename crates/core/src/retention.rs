//! Rule 8: a certified copy is kept six months. When a copy's `keep_until` has come, its files
//! leave the store and its record stays, marked removed, with its hashes, signer and dates, so
//! the journal and the audit trail still tell what existed. The scanned pages of a visit go
//! six months after it ended too: they are the copies' raw material, with the same personal
//! data. A hand-over never extends `keep_until`.
//!
//! The marks are committed first and the files removed after: a crash in between leaves files
//! no record names, which the start-up sweep of [`doctor::remove_orphans`] takes away.
use crate::account::Account;
use crate::audit::{Action, Event, Record};
use crate::copy::KEEP_MONTHS;
use crate::doctor;
use crate::error::Result;
use crate::store::Store;
use crate::{dates, setting, Rastau};
use chrono::{DateTime, Months, Utc};
use rusqlite::{named_params, Transaction};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RetentionReport {
    /// Certified copies whose time had come.
    pub copies: u32,
    /// Scanned pages of visits ended six months ago.
    pub pages: u32,
    /// Files removed from the store.
    pub files: u32,
}

/// Removes what rule 8 no longer lets the store keep at `now`; `by` is the supervisor who
/// asked, or `None` for the daily sweep.
fn run(store: &mut Store, by: Option<&Account>, now: DateTime<Utc>) -> Result<RetentionReport> {
    let event = |action| match by {
        Some(account) => Event::by(account, action),
        None => Event::system(action),
    };
    let (mut report, hashes) = store.write(|tx| {
        let mut hashes = vec![];
        let copies = mark_copies(tx, now, &mut hashes)?;
        for &(id, ref detail) in &copies {
            event(Action::CopyRemoved)
                .on(Record::Copy(id))
                .detail(detail)
                .append(tx, now)?;
        }
        let pages = mark_pages(tx, now, &mut hashes)?;
        let report = RetentionReport {
            copies: copies.len() as u32,
            pages,
            files: 0,
        };
        event(Action::RetentionRun)
            .detail(format!("{} {}", report.copies, report.pages))
            .append(tx, now)?;
        setting::set(
            tx,
            setting::RETENTION_DAY,
            &dates::local_day(now).to_string(),
        )?;
        Ok((report, hashes))
    })?;
    // The same bytes may be named by a record still kept (a page scanned twice).
    let named = doctor::named_files(store)?;
    let files = store.files();
    for hash in hashes {
        if !named.contains_key(&hash) && files.remove(&hash)? {
            report.files += 1;
        }
    }
    Ok(report)
}

/// Marks the copies due at `now` removed; their ids with a detail for the audit.
fn mark_copies(
    tx: &Transaction,
    now: DateTime<Utc>,
    hashes: &mut Vec<String>,
) -> Result<Vec<(i64, String)>> {
    let mut stmt = tx.prepare(
        "UPDATE certified_copy SET removed_on = :now
          WHERE removed_on IS NULL AND keep_until <= :now
         RETURNING id, pdf_hash, signature_hash, certified_at",
    )?;
    let mut copies = vec![];
    let mut rows = stmt.query(named_params! { ":now": now })?;
    while let Some(row) = rows.next()? {
        let (id, pdf, signature): (i64, String, String) = (row.get(0)?, row.get(1)?, row.get(2)?);
        let certified_at: DateTime<Utc> = row.get(3)?;
        copies.push((id, format!("{} {pdf}", certified_at.date_naive())));
        hashes.extend([pdf, signature]);
    }
    Ok(copies)
}

/// Marks the pages of visits ended six months before `now` removed; how many.
fn mark_pages(tx: &Transaction, now: DateTime<Utc>, hashes: &mut Vec<String>) -> Result<u32> {
    let ended_before = now - Months::new(KEEP_MONTHS);
    let mut stmt = tx.prepare(
        "UPDATE scan_page SET removed_on = :now
          WHERE removed_on IS NULL
            AND visit_id IN (SELECT id FROM visit WHERE ended_at <= :ended_before)
         RETURNING image_hash, thumb_hash",
    )?;
    let mut count = 0;
    let mut rows = stmt.query(named_params! { ":now": now, ":ended_before": ended_before })?;
    while let Some(row) = rows.next()? {
        hashes.extend([row.get(0)?, row.get(1)?]);
        count += 1;
    }
    Ok(count)
}

impl Rastau {
    /// Runs the sweep now, on a supervisor's request.
    pub fn run_retention(&mut self) -> Result<RetentionReport> {
        let me = self.supervisor()?;
        let now = self.now();
        run(&mut self.store, Some(&me), now)
    }

    /// Runs the sweep unless it ran today already: at start, and as the day turns while the
    /// window stays open.
    pub fn retention_if_due(&mut self) -> Result<Option<RetentionReport>> {
        let now = self.now();
        let today = dates::local_day(now).to_string();
        if setting::get(self.store.read(), setting::RETENTION_DAY)?.as_deref() == Some(&today) {
            return Ok(None);
        }
        run(&mut self.store, None, now).map(Some)
    }

    /// What the app does before anyone works: a seal key that an earlier build kept in the
    /// database moved out to its file, leftovers of an interrupted write removed (both
    /// audited), then the day's retention sweep.
    pub fn start_up(&mut self) -> Result<Option<RetentionReport>> {
        let (dir, now) = (self.store.dir().to_owned(), self.now());
        self.store
            .write(|tx| crate::seal::move_legacy_key(tx, &dir, now))?;
        let removed = doctor::remove_orphans(&self.store)?;
        if removed > 0 {
            let now = self.now();
            self.store.write(|tx| {
                Event::system(Action::LeftoversRemoved)
                    .detail(removed.to_string())
                    .append(tx, now)
            })?;
        }
        self.retention_if_due()
    }
}
