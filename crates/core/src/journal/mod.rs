//! The journal: every visit of a day (or of any range of days) with what became of each
//! document, the notices and receipts issued and printed, and the totals a supervisor reviews.
//! A clerk sees their own visits; a supervisor the whole center.
mod commands;
mod csv;
mod filter;
mod pdf;
mod rows;
mod signoff;
mod totals;

pub use self::csv::{to_csv, CSV_COLUMNS};
pub use filter::{JournalFilter, Outcome};
pub use pdf::journal_pdf;
pub use rows::{DocumentOutcome, JournalDocument, JournalNotice, JournalRow};
pub use signoff::{ensure_day_open, CorrectionView, SignOffView};
pub use totals::{ClerkTotals, Totals};

use crate::account::Role;
use crate::error::Result;
use crate::Rastau;
use serde::Serialize;
use ts_rs::TS;

/// The visits chosen by a filter, with their totals, overall and per clerk.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct JournalView {
    pub rows: Vec<JournalRow>,
    pub totals: Totals,
    pub per_clerk: Vec<ClerkTotals>,
    /// The days of the range a supervisor signed off (and so locked).
    pub signed_off: Vec<SignOffView>,
    /// Corrections written to signed days of the range, oldest first.
    pub corrections: Vec<CorrectionView>,
}

impl Rastau {
    /// The journal for `filter`; a clerk's own visits only, whatever the filter says.
    pub fn journal(&mut self, filter: &JournalFilter) -> Result<JournalView> {
        let actor = self.actor()?;
        let mut filter = filter.clone();
        if actor.role != Role::Supervisor {
            filter.clerk_id = Some(actor.id);
        }
        let rows: Vec<JournalRow> = rows::load(self.store.read(), &filter)?
            .into_iter()
            .filter(|row| filter.admits(row))
            .collect();
        let mut view = JournalView {
            totals: Totals::of(rows.iter()),
            per_clerk: totals::per_clerk(&rows),
            rows,
            signed_off: vec![],
            corrections: vec![],
        };
        signoff::annotate(self.store.read(), &filter, &mut view)?;
        Ok(view)
    }
}
