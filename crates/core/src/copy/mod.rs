//! Certified electronic copies (rule 7, stage 2): the scanned pages of one document become a PDF
//! with a certification sheet, signed with the clerk's EDS (PAdES inside, CAdES beside), stored
//! by hash and attached to the applicant's IIN/BIN until the end of the retention period.
mod pages;
mod records;
mod sheet;
mod whole;

pub use records::{
    for_applicant, insert, of_visit, pdf_hashes_of_visit, positions_of_visit, CertifiedDocument,
    CopyView, NewCopy,
};

use crate::dates;
use chrono::{DateTime, Days, Months, NaiveDate, Utc};

/// Rule 8: a certified copy is kept six months from certification.
pub const KEEP_MONTHS: u32 = 6;

/// When a copy certified at `certified_at` leaves the store: the end of the local day six
/// calendar months on. The receipt prints that day, and a date is a promise for the whole day,
/// not until the time of day the copy was certified.
pub fn keep_until(certified_at: DateTime<Utc>) -> DateTime<Utc> {
    let last = dates::local_day(certified_at) + Months::new(KEEP_MONTHS);
    dates::midnight(last + Days::new(1))
}

/// The last day a copy that leaves at `keep_until` is kept, as receipts and screens name it.
pub fn kept_through(keep_until: DateTime<Utc>) -> NaiveDate {
    let leaves_on = dates::local_day(keep_until);
    leaves_on.pred_opt().unwrap_or(leaves_on)
}

pub(crate) use pages::to_pdf_pages;
pub(crate) use sheet::{seal, sheet, Facts};
pub(crate) use whole::ensure_whole;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_six_calendar_months_to_the_end_of_the_day() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let at = dates::midnight(day(2026, 8, 31)) + chrono::Duration::hours(10);
        // No 31 February: the last day of the month, kept whole.
        assert_eq!(kept_through(keep_until(at)), day(2027, 2, 28));
        assert_eq!(keep_until(at), dates::midnight(day(2027, 3, 1)));
        // Certified a second before midnight or a second after it: a day apart.
        let late = dates::midnight(day(2026, 11, 24)) - chrono::Duration::seconds(1);
        assert_eq!(kept_through(keep_until(late)), day(2027, 5, 23));
        let early = dates::midnight(day(2026, 11, 24)) + chrono::Duration::seconds(1);
        assert_eq!(kept_through(keep_until(early)), day(2027, 5, 24));
    }
}
