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

use chrono::{DateTime, Months, Utc};

/// Rule 8: a certified copy is kept six months from certification.
pub const KEEP_MONTHS: u32 = 6;

pub fn keep_until(certified_at: DateTime<Utc>) -> DateTime<Utc> {
    certified_at + Months::new(KEEP_MONTHS)
}

pub(crate) use pages::to_pdf_pages;
pub(crate) use sheet::{seal, sheet, Facts};
pub(crate) use whole::ensure_whole;

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn kept_six_calendar_months() {
        let at = Utc.with_ymd_and_hms(2026, 8, 31, 10, 0, 0).unwrap();
        // No 31 February: the last day of the month.
        assert_eq!(
            keep_until(at),
            Utc.with_ymd_and_hms(2027, 2, 28, 10, 0, 0).unwrap()
        );
    }
}
