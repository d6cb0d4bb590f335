//! Writing a backup: the database through SQLite's online backup (a consistent snapshot even
//! of a database in WAL mode), then each file a record names, checked against its name as it
//! is copied, and the manifest last. Everything is synced before the manifest says it is there.
use super::manifest::{Entry, Manifest, DATABASE_FILE, FILES_DIR, FORMAT, MANIFEST_FILE};
use super::{folder_error, BackupReport};
use crate::doctor;
use crate::error::{Error, Result};
use crate::store::{content_hash, Store};
use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::backup::Backup;
use rusqlite::Connection;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::Path;
use std::time::Duration;

pub(super) fn write(store: &Store, folder: &Path, now: DateTime<Utc>) -> Result<BackupReport> {
    let database = snapshot(store, &folder.join(DATABASE_FILE))?;
    let mut report = BackupReport {
        folder: folder.display().to_string(),
        files: 0,
        bytes: database.bytes,
    };
    let mut files = vec![];
    for hash in doctor::named_files(store)?.into_keys() {
        let bytes = store.files().get(&hash)?;
        if content_hash(&bytes) != hash {
            // A damaged file is not carried into the backup as if it were sound.
            return Err(Error::StoredCopyDamaged { file: hash });
        }
        let dir = folder.join(FILES_DIR).join(&hash[..2]);
        fs::create_dir_all(&dir).map_err(|e| folder_error(&dir, e))?;
        write_synced(&dir.join(&hash), &bytes).map_err(|e| folder_error(&dir, e))?;
        report.files += 1;
        report.bytes += bytes.len() as u64;
        files.push(Entry {
            sha256: hash,
            bytes: bytes.len() as u64,
        });
    }
    let manifest = Manifest {
        format: FORMAT.into(),
        made_at: now.to_rfc3339_opts(SecondsFormat::Secs, true),
        database,
        files,
    };
    let text = serde_json::to_vec_pretty(&manifest).expect("a manifest serialises");
    write_synced(&folder.join(MANIFEST_FILE), &text).map_err(|e| folder_error(folder, e))?;
    File::open(folder)
        .and_then(|dir| dir.sync_all())
        .map_err(|e| folder_error(folder, e))?;
    Ok(report)
}

/// The database copied page by page while it stays open, then hashed.
fn snapshot(store: &Store, to: &Path) -> Result<Entry> {
    let mut copy = Connection::open(to)?;
    Backup::new(store.read(), &mut copy)?.run_to_completion(256, Duration::ZERO, None)?;
    // One file, no WAL beside it: the backup is what the manifest hashes.
    copy.pragma_update(None, "journal_mode", "DELETE")?;
    drop(copy);
    let bytes = fs::read(to)?;
    File::open(to)?.sync_all()?;
    Ok(Entry {
        sha256: content_hash(&bytes),
        bytes: bytes.len() as u64,
    })
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}
