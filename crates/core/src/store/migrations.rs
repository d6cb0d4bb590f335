//! Schema history. Each migration is a plain `.sql` file embedded in the binary; SQLite's
//! `user_version` records how far a store has come.
use crate::error::{Error, Result};
use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};
use std::sync::LazyLock;

const STEPS: &[&str] = &[
    include_str!("migrations/0001_accounts.sql"),
    include_str!("migrations/0002_visits.sql"),
    include_str!("migrations/0003_copies.sql"),
    include_str!("migrations/0004_scan_pages.sql"),
    include_str!("migrations/0005_handovers.sql"),
    include_str!("migrations/0006_consent_scan.sql"),
    include_str!("migrations/0007_refusals.sql"),
    include_str!("migrations/0008_journal.sql"),
    include_str!("migrations/0009_day_signoff.sql"),
    include_str!("migrations/0010_audit_retention.sql"),
    include_str!("migrations/0012_sessions.sql"),
];

static MIGRATIONS: LazyLock<Migrations<'static>> =
    LazyLock::new(|| Migrations::new(STEPS.iter().map(|sql| M::up(sql)).collect()));

fn known_version() -> usize {
    STEPS.len()
}

pub(super) fn refuse_newer(conn: &Connection) -> Result<()> {
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let found = usize::try_from(found).unwrap_or(usize::MAX);
    if found > known_version() {
        return Err(Error::SchemaTooNew {
            found,
            known: known_version(),
        });
    }
    Ok(())
}

pub(super) fn apply(conn: &mut Connection) -> Result<()> {
    MIGRATIONS.to_latest(conn)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_validate() {
        super::MIGRATIONS.validate().unwrap();
    }
}
