//! Rule 8 in the shared store: a certified copy is kept six months, then its files leave and
//! its record stays, marked removed. This is the one deletion the shared store knows, and only
//! its owner role makes it: the history tables' append-only trigger and grants refuse every
//! installation's role.
//!
//! A copy is due when its `keep_until` (the counters' UTC text, `2027-05-23 19:00:00+00:00`)
//! has passed by the database's own clock. A file's bytes go when no record still needs them:
//! a copy not yet removed, a notice of refusal, a day's sign-off or a consent's scan (the last
//! three have no six months here, so their files stay).

use crate::{SharedError, OWNER_ROLE};
use postgres::Client;

/// What one run removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RetentionReport {
    /// Certified copies marked removed now.
    pub copies: u64,
    /// Files whose bytes were dropped now (their rows stay, marked removed).
    pub files: u64,
    /// The bytes those files held.
    pub bytes: u64,
}

impl RetentionReport {
    /// Whether the run found nothing due.
    pub fn changed_nothing(&self) -> bool {
        *self == RetentionReport::default()
    }
}

/// The moment of the run, as the counters write their times.
const NOW: &str = "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || '+00:00'";

/// Marks every copy due as removed and drops the bytes of the files no record needs any more,
/// in one transaction acting as the owner role. The connection's user must be allowed to act
/// as it (the database's administrator is). Run again, it changes nothing.
pub fn run_retention(client: &mut Client) -> Result<RetentionReport, SharedError> {
    let mut tx = client.transaction()?;
    tx.batch_execute(&format!("SET LOCAL ROLE {OWNER_ROLE}"))?;
    let copies = tx.execute(
        &format!(
            "UPDATE certified_copy SET removed_on = {NOW}
              WHERE removed_on IS NULL AND keep_until::timestamptz <= now()"
        ),
        &[],
    )?;
    // Every file of a removed copy (this run's or an earlier one's) whose bytes are still
    // here, unless a record that is kept names it.
    let freed = tx.query(
        &format!(
            "WITH due AS (
                 SELECT pdf_sha256 AS sha256 FROM certified_copy WHERE removed_on IS NOT NULL
                 UNION
                 SELECT p7s_sha256 FROM certified_copy WHERE removed_on IS NOT NULL
             ),
             needed AS (
                 SELECT pdf_sha256 AS sha256 FROM certified_copy WHERE removed_on IS NULL
                 UNION SELECT p7s_sha256 FROM certified_copy WHERE removed_on IS NULL
                 UNION SELECT pdf_sha256 FROM notice
                 UNION SELECT p7s_sha256 FROM notice
                 UNION SELECT pdf_sha256 FROM signoff
                 UNION SELECT p7s_sha256 FROM signoff
                 UNION SELECT scan_sha256 FROM consent WHERE scan_sha256 IS NOT NULL
             ),
             gone AS (
                 SELECT f.sha256, coalesce(octet_length(f.bytes), 0)::BIGINT AS freed
                   FROM file f JOIN due USING (sha256)
                  WHERE f.removed_on IS NULL
                    AND NOT EXISTS (SELECT 1 FROM needed n WHERE n.sha256 = f.sha256)
                    FOR UPDATE OF f
             )
             UPDATE file SET bytes = NULL, removed_on = {NOW}
               FROM gone WHERE file.sha256 = gone.sha256
             RETURNING gone.freed"
        ),
        &[],
    )?;
    tx.commit()?;
    Ok(RetentionReport {
        copies,
        files: freed.len() as u64,
        bytes: freed.iter().map(|row| row.get::<_, i64>(0) as u64).sum(),
    })
}
