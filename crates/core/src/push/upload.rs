//! One batch into the shared store: the mark locked, the rows and files inserted, the mark
//! moved, all in one PostgreSQL transaction.
use super::facts::{self, Batch, Owner, Table};
use super::{diverged, PushReport};
use crate::error::Result;
use crate::shared_link::Link;
use crate::store::Store;
use postgres::{Client, Transaction};
use rastau_shared::SharedError;

/// Sends the next batch after the shared store's mark; `None` when none waits. Returns what
/// went up and the mark after it.
pub(super) fn next_batch(
    client: &mut Client,
    store: &Store,
    link: &Link,
    batch_entries: u32,
) -> Result<Option<(PushReport, i64)>> {
    let owner = Owner {
        center: &link.center,
        installation: &link.installation,
    };
    let mut tx = client.transaction().map_err(SharedError::from)?;
    let mark = lock_mark(&mut tx, link)?;
    let batch = {
        let conn = store.read();
        // One read transaction: the rows of the batch as of one moment.
        let local = conn.unchecked_transaction()?;
        check_same_history(&mut tx, &local, link, mark)?;
        let batch = facts::gather(&local, &store.files(), &owner, mark, batch_entries)?;
        local.finish()?;
        batch
    };
    if batch.last_seq == mark {
        return Ok(None);
    }
    insert(&mut tx, &batch, link)?;
    tx.execute(
        "UPDATE push_mark SET high_water = $2, moved_at = now() WHERE installation_code = $1",
        &[&link.installation, &batch.last_seq],
    )
    .map_err(SharedError::from)?;
    tx.commit().map_err(SharedError::from)?;
    Ok(Some((batch.report, batch.last_seq)))
}

/// The mark, locked until the batch commits: two pushes of one installation (the window's
/// worker and `rastau shared sync`) take turns rather than send one batch twice.
fn lock_mark(tx: &mut Transaction, link: &Link) -> Result<i64> {
    tx.execute(
        "INSERT INTO push_mark (center_code, installation_code) VALUES ($1, $2)
         ON CONFLICT DO NOTHING",
        &[&link.center, &link.installation],
    )
    .map_err(SharedError::from)?;
    let row = tx
        .query_one(
            "SELECT high_water FROM push_mark WHERE installation_code = $1 FOR UPDATE",
            &[&link.installation],
        )
        .map_err(SharedError::from)?;
    Ok(row.get(0))
}

/// The entry at the mark must be the one this store has there, or this store's history is not
/// the one that went up (restored from an older backup, or edited by hand).
fn check_same_history(
    tx: &mut Transaction,
    local: &rusqlite::Connection,
    link: &Link,
    mark: i64,
) -> Result<()> {
    if mark == 0 {
        return Ok(());
    }
    let shared: Option<String> = tx
        .query_opt(
            "SELECT hash FROM audit_entry WHERE installation_code = $1 AND seq = $2",
            &[&link.installation, &mark],
        )
        .map_err(SharedError::from)?
        .map(|r| r.get(0));
    let here: Option<String> = rusqlite::OptionalExtension::optional(local.query_row(
        "SELECT hash FROM audit_entry WHERE seq = ?1",
        [mark],
        |r| r.get(0),
    ))?;
    if shared.is_none() || shared != here {
        return Err(diverged(mark));
    }
    Ok(())
}

fn insert(tx: &mut Transaction, batch: &Batch, link: &Link) -> Result<()> {
    let file = tx
        .prepare(
            "INSERT INTO file (sha256, center_code, installation_code, bytes, size, keep_until,
                               removed_on)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (sha256) DO NOTHING",
        )
        .map_err(SharedError::from)?;
    for f in &batch.files {
        let size = f.bytes.as_ref().map_or(0, |b| b.len() as i64);
        tx.execute(
            &file,
            &[
                &f.sha256,
                &link.center,
                &link.installation,
                &f.bytes,
                &size,
                &f.keep_until,
                &f.removed_on,
            ],
        )
        .map_err(SharedError::from)?;
    }
    for (table, rows) in &batch.rows {
        let json = format!("[{}]", rows.join(","));
        tx.execute(&statement(*table), &[&json])
            .map_err(SharedError::from)?;
    }
    Ok(())
}

/// The insert of a table's rows from one JSON array. An applicant's version another visit sent
/// already is the same row; every other row is new, and a duplicate is a fault to hear of.
fn statement(table: Table) -> String {
    let name = table.name();
    let conflict = match table {
        Table::Applicant => " ON CONFLICT DO NOTHING",
        _ => "",
    };
    format!(
        "INSERT INTO {name} SELECT * FROM json_populate_recordset(NULL::{name}, $1::text::json){conflict}"
    )
}
