//! Rule 8: a certified copy is kept six months. When a copy's `keep_until` has come, its files
//! leave the store and its record stays, marked removed, with its hashes, signer and dates, so
//! the journal and the audit trail still tell what existed. The scanned pages of a visit go
//! six months after it ended too: they are the copies' raw material, with the same personal
//! data. A hand-over never extends `keep_until`.
//!
//! The marks are committed first and the files removed after: a crash in between leaves files
//! no record names, which the start-up sweep (`app/sweep.rs`) takes away. The supervisor's
//! command and the daily run are the application's too.
use crate::account::Account;
use crate::audit::{Action, Event, Record};
use crate::copy::KEEP_MONTHS;
use crate::doctor;
use crate::error::Result;
use crate::store::Store;
use crate::{dates, setting};
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

/// Copies, or pages, marked in one transaction: a backlog of a million copies goes in steps
/// that each hold the store for a moment, so a clerk's command never waits behind it.
const CHUNK: u32 = 100;

/// One run of the sweep at `now`, for the supervisor who asked (`by`) or the daily sweep
/// (`None`), taken a chunk at a time.
pub(crate) struct Retention {
    by: Option<Account>,
    now: DateTime<Utc>,
    report: RetentionReport,
}

impl Retention {
    pub(crate) fn new(by: Option<Account>, now: DateTime<Utc>) -> Retention {
        Retention {
            by,
            now,
            report: RetentionReport::default(),
        }
    }

    /// Removes what rule 8 no longer lets the store keep, to the end.
    pub(crate) fn run(mut self, store: &mut Store) -> Result<RetentionReport> {
        while self.step(store)? {}
        Ok(self.finished())
    }

    /// What the run removed.
    pub(crate) fn finished(self) -> RetentionReport {
        self.report
    }

    /// Marks one chunk removed, with its audit entries, then takes its files away; `true`
    /// while more is due. The last step records the run and the day it ran.
    pub(crate) fn step(&mut self, store: &mut Store) -> Result<bool> {
        let (by, now) = (self.by.as_ref(), self.now);
        let event = |action| match by {
            Some(account) => Event::by(account, action),
            None => Event::system(action),
        };
        let report = &mut self.report;
        let (more, hashes) = store.write(|tx| {
            let mut hashes = vec![];
            let copies = mark_copies(tx, now, &mut hashes)?;
            for &(id, ref detail) in &copies {
                event(Action::CopyRemoved)
                    .on(Record::Copy(id))
                    .detail(detail)
                    .append(tx, now)?;
            }
            // A full chunk of copies is this step's share; pages wait for the next.
            let full = copies.len() == CHUNK as usize;
            let pages = if full {
                0
            } else {
                mark_fetched(tx, now, &mut hashes)?;
                mark_pages(tx, now, &mut hashes)?
            };
            let more = full || pages == CHUNK;
            report.copies += copies.len() as u32;
            report.pages += pages;
            if !more {
                event(Action::RetentionRun)
                    .detail(format!("{} {}", report.copies, report.pages))
                    .append(tx, now)?;
                setting::set(
                    tx,
                    setting::RETENTION_DAY,
                    &dates::local_day(now).to_string(),
                )?;
            }
            Ok((more, hashes))
        })?;
        // The same bytes may be named by a record still kept (a page scanned twice).
        let files = store.files();
        for hash in hashes {
            if !doctor::is_named(store.read(), &hash)? && files.remove(&hash)? {
                self.report.files += 1;
            }
        }
        Ok(more)
    }
}

/// Marks a chunk of the copies due at `now` removed; their ids with a detail for the audit.
fn mark_copies(
    tx: &Transaction,
    now: DateTime<Utc>,
    hashes: &mut Vec<String>,
) -> Result<Vec<(i64, String)>> {
    let mut stmt = tx.prepare(
        "UPDATE certified_copy SET removed_on = :now
          WHERE id IN (SELECT id FROM certified_copy
                        WHERE removed_on IS NULL AND keep_until <= :now LIMIT :chunk)
         RETURNING id, pdf_hash, signature_hash, certified_at",
    )?;
    let mut copies = vec![];
    let mut rows = stmt.query(named_params! { ":now": now, ":chunk": CHUNK })?;
    while let Some(row) = rows.next()? {
        let (id, pdf, signature): (i64, String, String) = (row.get(0)?, row.get(1)?, row.get(2)?);
        let certified_at: DateTime<Utc> = row.get(3)?;
        copies.push((id, format!("{} {pdf}", certified_at.date_naive())));
        hashes.extend([pdf, signature]);
    }
    Ok(copies)
}

/// Marks the copies fetched from the shared store and due at `now` removed: the record of
/// their certification is the other counter's, so the run's own entry covers them here.
fn mark_fetched(tx: &Transaction, now: DateTime<Utc>, hashes: &mut Vec<String>) -> Result<()> {
    let mut stmt = tx.prepare(
        "UPDATE fetched_copy SET removed_on = :now
          WHERE removed_on IS NULL AND keep_until <= :now
         RETURNING pdf_hash, signature_hash",
    )?;
    let mut rows = stmt.query(named_params! { ":now": now })?;
    while let Some(row) = rows.next()? {
        hashes.extend([row.get(0)?, row.get(1)?]);
    }
    Ok(())
}

/// Marks a chunk of the pages of visits ended six months before `now` removed; how many.
/// Found from the pages still kept (an index of them alone), not from every visit ever made.
fn mark_pages(tx: &Transaction, now: DateTime<Utc>, hashes: &mut Vec<String>) -> Result<u32> {
    let ended_before = now - Months::new(KEEP_MONTHS);
    let mut stmt = tx.prepare(
        "UPDATE scan_page SET removed_on = :now
          WHERE id IN (SELECT page.id FROM scan_page page JOIN visit ON visit.id = page.visit_id
                        WHERE page.removed_on IS NULL AND visit.ended_at <= :ended_before
                        LIMIT :chunk)
         RETURNING image_hash, thumb_hash",
    )?;
    let mut count = 0;
    let mut rows =
        stmt.query(named_params! { ":now": now, ":ended_before": ended_before, ":chunk": CHUNK })?;
    while let Some(row) = rows.next()? {
        hashes.extend([row.get(0)?, row.get(1)?]);
        count += 1;
    }
    Ok(count)
}
