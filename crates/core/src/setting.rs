//! Small per-installation values kept in the `setting` table.
use crate::error::Result;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::collections::BTreeMap;

/// The language the login screen shows: the last one chosen on this machine.
pub const LANGUAGE: &str = "language";

/// The print queue the center's documents go to; chosen by a supervisor.
pub const PRINTER: &str = "printer";

/// Who signs notices of refusal: `supervisor` when the center requires it, else the clerk.
pub const NOTICE_SIGNER: &str = "notice-signer";

/// The local day the retention sweep last ran, `YYYY-MM-DD`: it runs once a day.
pub const RETENTION_DAY: &str = "retention-day";

/// This store's code in the shared store, made at its first join (`shared_link`).
pub const INSTALLATION_CODE: &str = "installation-code";

/// The last audit entry the shared store acknowledged, as this installation last heard it: the
/// authoritative mark lives in the shared store, this copy only answers "how much is waiting"
/// while offline.
pub const SHARED_PUSHED_SEQ: &str = "shared-pushed-seq";

/// When a push to the shared store last finished (RFC 3339, UTC).
pub const SHARED_LAST_EXCHANGE: &str = "shared-last-exchange";

/// The version of the center's policy in the shared store that this store's copy is.
pub const SHARED_POLICY_VERSION: &str = "shared-policy-version";

/// Followed by an account id: the key file that account last opened here.
pub const KEY_PATH_PREFIX: &str = "key-path:";

pub fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

pub fn set(tx: &Transaction, key: &str, value: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

/// Every setting whose key starts with `prefix`, by the rest of its key.
pub fn with_prefix(conn: &Connection, prefix: &str) -> Result<BTreeMap<String, String>> {
    let mut stmt = conn.prepare("SELECT key, value FROM setting WHERE key LIKE ?1 ORDER BY key")?;
    let rows = stmt.query_map([format!("{prefix}%")], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    rows.map(|row| {
        let (key, value) = row?;
        Ok((key[prefix.len()..].to_owned(), value))
    })
    .collect()
}

/// Makes the settings under `prefix` exactly `entries` (as [`with_prefix`] gives them).
pub fn replace_prefix(
    tx: &Transaction,
    prefix: &str,
    entries: &BTreeMap<String, String>,
) -> Result<()> {
    tx.execute(
        "DELETE FROM setting WHERE key LIKE ?1",
        [format!("{prefix}%")],
    )?;
    for (rest, value) in entries {
        set(tx, &format!("{prefix}{rest}"), value)?;
    }
    Ok(())
}
