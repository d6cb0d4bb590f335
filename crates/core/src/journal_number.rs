//! Journal registration numbers: unique and gap-free per center and year; a visit's notices
//! of refusal are numbered after it.
use crate::error::Result;
use rusqlite::Transaction;
use serde::Serialize;
use ts_rs::TS;

/// Ordered by year, then number: the order of the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct JournalNumber {
    pub year: i32,
    pub seq: u32,
}

impl JournalNumber {
    pub fn new(year: i32, seq: u32) -> JournalNumber {
        JournalNumber { year, seq }
    }

    /// The number of the visit's notice of refusal `seq` (its place among the visit's notices).
    pub fn notice(self, seq: i64) -> String {
        format!("{self}-N{seq}")
    }
}

/// As printed on forms and receipts, e.g. `2026/000042`.
impl std::fmt::Display for JournalNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{:06}", self.year, self.seq)
    }
}

/// Takes the next number of `year`. Must run in the transaction that records the visit: if
/// that rolls back, so does the number.
pub fn next(tx: &Transaction, year: i32) -> Result<JournalNumber> {
    let seq: u32 = tx.query_row(
        "INSERT INTO journal_counter (year, last) VALUES (?1, 1)
         ON CONFLICT (year) DO UPDATE SET last = last + 1
         RETURNING last",
        [year],
        |r| r.get(0),
    )?;
    Ok(JournalNumber::new(year, seq))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn numbers_run_per_year_and_a_rollback_takes_none() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        assert_eq!(store.write(|tx| next(tx, 2026)).unwrap().seq, 1);
        assert_eq!(store.write(|tx| next(tx, 2026)).unwrap().seq, 2);
        let failed: Result<()> = store.write(|tx| {
            next(tx, 2026)?;
            Err(crate::Error::NotSetUp)
        });
        assert!(failed.is_err());
        assert_eq!(store.write(|tx| next(tx, 2026)).unwrap().seq, 3, "no gap");
        assert_eq!(store.write(|tx| next(tx, 2027)).unwrap().seq, 1);
        assert_eq!(JournalNumber::new(2026, 42).to_string(), "2026/000042");
    }
}
