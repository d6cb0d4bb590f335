//! A day a supervisor signed off is locked: its journal was signed as it stood, so nothing of
//! the day changes any more (a correction is a new entry, beside it). The journal signs days
//! off; a visit asks here before it changes.
use crate::dates;
use crate::error::{Error, Result};
use chrono::NaiveDate;
use rusqlite::Connection;

/// The day as the sign-off's record keys it.
pub(crate) fn day_text(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// Refuses a change to anything of a signed-off day.
pub fn ensure_day_open(conn: &Connection, day: NaiveDate) -> Result<()> {
    let signed: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM day_signoff WHERE day = ?1)",
        [day_text(day)],
        |r| r.get(0),
    )?;
    if signed {
        return Err(Error::DaySignedOff {
            day: dates::date(day),
        });
    }
    Ok(())
}
