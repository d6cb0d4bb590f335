//! The local store: one SQLite file in the data folder, schema by migrations.
//!
//! Every state change goes through [`Store::write`], one transaction each, so a crash leaves
//! either the whole change or none of it.
mod files;
mod location;
mod migrations;
pub(crate) mod swap;

pub use files::{content_hash, is_settled, Files, Pending, FILES_DIR, SETTLED};
pub use location::{default_data_dir, demo_data_dir, DATA_DIR_ENV};

use crate::error::{Error, Result};
use rusqlite::{Connection, Transaction};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// File name of the database inside the data folder.
pub const DB_FILE: &str = "rastau.sqlite3";

pub struct Store {
    conn: Connection,
    dir: PathBuf,
    /// Whether every commit and stored file waits for the disk (see [`Store::defer_syncs`]).
    synced: bool,
}

impl Store {
    /// Opens (creating on first start) the store in `dir`, and brings its schema up to date.
    /// A restore a crash interrupted is finished or undone first ([`swap`]).
    ///
    /// A store written by a newer Rastau is refused rather than used with a schema this build
    /// does not understand.
    pub fn open(dir: &Path) -> Result<Store> {
        std::fs::create_dir_all(dir)?;
        swap::settle(dir)?;
        let mut conn = Connection::open(dir.join(DB_FILE))?;
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        add_functions(&conn)?;
        migrations::refuse_newer(&conn)?;
        migrations::apply(&mut conn)?;
        Ok(Store {
            conn,
            dir: dir.to_owned(),
            synced: true,
        })
    }

    /// A second connection to this store, for long work (a backup) that must not hold this one
    /// while the counter goes on: SQLite's WAL lets it read while this one writes.
    pub(crate) fn another(&self) -> Result<Store> {
        let conn = Connection::open(self.dir.join(DB_FILE))?;
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.pragma_update(None, "foreign_keys", true)?;
        add_functions(&conn)?;
        Ok(Store {
            conn,
            dir: self.dir.clone(),
            synced: self.synced,
        })
    }

    /// Leaves commits and stored files to the OS to write, for filling a store in one go (the
    /// demo): thousands of waits for the disk made that take half a minute, and a fill a crash
    /// interrupts is made again anyway. [`Store::sync_to_disk`] puts it all on the disk at the end.
    pub(crate) fn defer_syncs(&mut self) -> Result<()> {
        self.conn.pragma_update(None, "synchronous", "OFF")?;
        self.synced = false;
        Ok(())
    }

    /// Puts everything written to the store on the disk: the database through a checkpoint of
    /// a synced connection, then the stored files.
    pub(crate) fn sync_to_disk(&self) -> Result<()> {
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        self.conn
            .query_row("PRAGMA wal_checkpoint(FULL)", [], |_| Ok(()))?;
        self.files().sync_all()
    }

    /// Opens the store already in `dir`, for a command that has nothing to do with an empty
    /// one: a folder without a database is named in the error rather than given an empty store.
    pub fn open_existing(dir: &Path) -> Result<Store> {
        if !dir.join(DB_FILE).is_file() {
            return Err(Error::NoStore {
                folder: dir.display().to_string(),
            });
        }
        Store::open(dir)
    }

    /// The folder holding the database (and, later, the files stored by hash).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file store beside the database: scans, copies, signatures by content hash.
    pub fn files(&self) -> Files {
        Files::with_syncs(&self.dir, self.synced)
    }

    /// Read-only access; writes go through [`Store::write`].
    pub fn read(&self) -> &Connection {
        &self.conn
    }

    /// Runs `change` in one immediate transaction: committed whole if it returns `Ok`,
    /// rolled back whole otherwise.
    pub fn write<T>(&mut self, change: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let value = change(&tx)?;
        tx.commit().map_err(Error::from)?;
        Ok(value)
    }
}

/// `fold(text)`: Unicode lower case, for searches that must find «Әлия» typed as «әлия»
/// (SQLite's own `lower` folds ASCII only).
fn add_functions(conn: &Connection) -> Result<()> {
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function(
        "fold",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| Ok(ctx.get::<Option<String>>(0)?.map(|s| s.to_lowercase())),
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creates_the_file_with_wal_and_foreign_keys() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("nested")).unwrap();
        assert!(dir.path().join("nested").join(DB_FILE).is_file());
        let mode: String = store
            .read()
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let fk: bool = store
            .read()
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert!(fk);
    }

    #[test]
    fn a_folder_without_a_store_is_named_and_left_empty() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("elsewhere");
        match Store::open_existing(&missing) {
            Err(Error::NoStore { folder }) => assert_eq!(folder, missing.display().to_string()),
            other => panic!("{:?}", other.map(|_| ())),
        }
        assert!(!missing.exists(), "nothing created");
        Store::open(dir.path()).unwrap();
        Store::open_existing(dir.path()).unwrap();
    }

    #[test]
    fn reopening_keeps_data() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        store
            .write(|tx| Ok(tx.execute("INSERT INTO setting(key, value) VALUES ('k', 'v')", [])?))
            .unwrap();
        drop(store);
        let store = Store::open(dir.path()).unwrap();
        let v: String = store
            .read()
            .query_row("SELECT value FROM setting WHERE key = 'k'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(v, "v");
    }

    #[test]
    fn a_failed_change_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let outcome: Result<()> = store.write(|tx| {
            tx.execute(
                "INSERT INTO setting(key, value) VALUES ('half', 'written')",
                [],
            )?;
            Err(Error::NotSetUp)
        });
        assert!(outcome.is_err());
        let n: i64 = store
            .read()
            .query_row("SELECT count(*) FROM setting WHERE key = 'half'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(n, 0);
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        drop(Store::open(dir.path()).unwrap());
        let conn = Connection::open(dir.path().join(DB_FILE)).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
        drop(conn);
        match Store::open(dir.path()) {
            Err(Error::SchemaTooNew { found: 999, known }) => assert!(known < 999),
            other => panic!("expected SchemaTooNew, got {:?}", other.err()),
        }
    }
}
