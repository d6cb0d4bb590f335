//! The journal: every visit of a day (or of any range of days) with what became of each
//! document, the notices and receipts issued and printed, and the totals a supervisor reviews.
//! Who reads which visits (a clerk their own, a supervisor the whole center) and the commands
//! are the application's (`app/journal.rs`).
mod csv;
mod filter;
mod pdf;
mod rows;
pub(crate) mod signoff;
mod totals;

pub use self::csv::{to_csv, CSV_COLUMNS};
pub use filter::{JournalFilter, Outcome};
pub use pdf::journal_pdf;
pub use rows::{DocumentOutcome, JournalDocument, JournalNotice, JournalRow};
pub use signoff::{CorrectionView, SignOffView};
pub use totals::{ClerkTotals, Totals};

use crate::error::Result;
use rusqlite::Connection;
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

/// The journal for `filter`, as the store has it: its rows, their totals, and the range's
/// sign-offs and corrections.
pub fn view(conn: &Connection, filter: &JournalFilter) -> Result<JournalView> {
    let rows: Vec<JournalRow> = rows::load(conn, filter)?
        .into_iter()
        .filter(|row| row.admitted_by(filter))
        .collect();
    let mut view = JournalView {
        totals: Totals::of(rows.iter()),
        per_clerk: totals::per_clerk(&rows),
        rows,
        signed_off: vec![],
        corrections: vec![],
    };
    signoff::annotate(conn, filter, &mut view)?;
    Ok(view)
}
