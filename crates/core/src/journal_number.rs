//! Journal registration numbers: unique and gap-free per installation and year; a visit's
//! notices of refusal are numbered after it.
//!
//! Counters work offline, so they cannot share one counter: each installation (one store)
//! counts its own visits, and once it has an installation code (at its first join to the
//! shared store) every new number carries that code in front, which makes it unique across
//! the country: `A1B2C3D4-2026/000042`. A number is kept with its code as it was given: a
//! visit made before the code keeps printing without it.
use crate::error::Result;
use crate::setting;
use rusqlite::Transaction;
use serde::Serialize;
use ts_rs::TS;

/// Ordered by year, then number: the order of an installation's journal (its numbers without
/// a code all come before those with one).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct JournalNumber {
    pub year: i32,
    pub seq: u32,
    /// The code of the installation that gave the number, if it had one then.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub code: Option<String>,
}

impl JournalNumber {
    /// A number given without an installation code.
    pub fn new(year: i32, seq: u32) -> JournalNumber {
        JournalNumber {
            year,
            seq,
            code: None,
        }
    }

    /// A number as it was given: with the installation's code, or without one (`None`).
    pub fn coded(code: Option<String>, year: i32, seq: u32) -> JournalNumber {
        JournalNumber { year, seq, code }
    }

    /// The number of the visit's notice of refusal `seq` (its place among the visit's notices).
    pub fn notice(&self, seq: i64) -> String {
        format!("{self}-N{seq}")
    }
}

/// As printed on forms and receipts, e.g. `2026/000042`, or `A1B2C3D4-2026/000042` with the
/// installation's code.
impl std::fmt::Display for JournalNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(code) = &self.code {
            write!(f, "{code}-")?;
        }
        write!(f, "{}/{:06}", self.year, self.seq)
    }
}

/// A number's text (or a notice's) for a narrow table cell: broken after the installation's
/// code, `A1B2C3D4-` over `2026/000042`, rather than wherever the cell runs out; a number
/// without a code is left whole.
pub fn break_after_code(number: &str) -> String {
    match number.split_once('/') {
        Some((head, tail)) => match head.rsplit_once('-') {
            Some((code, year)) => format!("{code}-\n{year}/{tail}"),
            None => number.to_owned(),
        },
        None => number.to_owned(),
    }
}

/// Takes the next number of `year`, with this installation's code if it has one. Must run in
/// the transaction that records the visit: if that rolls back, so does the number. The count
/// goes on where it was when the installation gets its code: gap-free per installation and
/// year, with or without the code.
pub fn next(tx: &Transaction, year: i32) -> Result<JournalNumber> {
    let seq: u32 = tx.query_row(
        "INSERT INTO journal_counter (year, last) VALUES (?1, 1)
         ON CONFLICT (year) DO UPDATE SET last = last + 1
         RETURNING last",
        [year],
        |r| r.get(0),
    )?;
    let code = setting::get(tx, setting::INSTALLATION_CODE)?;
    Ok(JournalNumber::coded(code, year, seq))
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

    #[test]
    fn cells_break_a_number_after_its_code() {
        assert_eq!(break_after_code("2026/000042"), "2026/000042");
        assert_eq!(break_after_code("2026/000042-N1"), "2026/000042-N1");
        assert_eq!(
            break_after_code("A1B2C3D4-2026/000042"),
            "A1B2C3D4-\n2026/000042"
        );
        assert_eq!(
            break_after_code("C12-1-2026/000042-N2"),
            "C12-1-\n2026/000042-N2"
        );
    }

    #[test]
    fn once_the_installation_has_a_code_its_numbers_carry_it_and_count_on() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let before = store.write(|tx| next(tx, 2026)).unwrap();
        assert_eq!(before.to_string(), "2026/000001");
        store
            .write(|tx| setting::set(tx, setting::INSTALLATION_CODE, "A1B2C3D4"))
            .unwrap();
        let after = store.write(|tx| next(tx, 2026)).unwrap();
        assert_eq!(
            after.to_string(),
            "A1B2C3D4-2026/000002",
            "no gap, no new count"
        );
        assert_eq!(after.notice(1), "A1B2C3D4-2026/000002-N1");
        assert!(before < after, "the journal's order");
        assert_eq!(
            store.write(|tx| next(tx, 2027)).unwrap().to_string(),
            "A1B2C3D4-2027/000001"
        );
    }
}
