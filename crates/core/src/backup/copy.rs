//! Writing a backup: the database through SQLite's online backup (a consistent snapshot even
//! of a database in WAL mode), then each file a record names, checked against its name as it
//! is copied, and the manifest last. Everything is synced before the manifest says it is there.
use super::manifest::{Entry, Manifest, DATABASE_FILE, FILES_DIR, FORMAT, MANIFEST_FILE};
use super::{folder_error, BackupProgress, BackupReport};
use crate::doctor;
use crate::error::{Error, Result};
use crate::seal::SEAL_KEY_FILE;
use crate::store::{content_hash, Store};
use chrono::{DateTime, SecondsFormat, Utc};
use rastau_capture::CancelToken;
use rusqlite::backup::Backup;
use rusqlite::Connection;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::Path;
use std::time::Duration;

/// Writes the backup of `store` into `folder`; the seal's private key only if `seal_key`.
/// `progress` hears after each file; `cancel` stops it before the next.
pub(super) fn write(
    store: &Store,
    folder: &Path,
    now: DateTime<Utc>,
    seal_key: bool,
    mut progress: impl FnMut(BackupProgress),
    cancel: &CancelToken,
) -> Result<BackupReport> {
    ensure_room(store, folder)?;
    let database = snapshot(store, &folder.join(DATABASE_FILE))?;
    let mut report = BackupReport {
        folder: folder.display().to_string(),
        files: 0,
        bytes: database.bytes,
    };
    let mut files = vec![];
    // The files the snapshot names, not the live store: the counter may certify meanwhile, and
    // a restore refuses a file its database does not name.
    let named = doctor::named_files(&Connection::open(folder.join(DATABASE_FILE))?)?;
    let total = named.len() as u32;
    for hash in named.into_keys() {
        if cancel.is_cancelled() {
            return Err(Error::BackupCancelled);
        }
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
        progress(BackupProgress {
            done: report.files,
            total,
        });
    }
    let seal_key = match seal_key {
        true => copy_seal_key(store, folder)?,
        false => None,
    };
    let manifest = Manifest {
        format: FORMAT.into(),
        made_at: now.to_rfc3339_opts(SecondsFormat::Secs, true),
        database,
        files,
        seal_key,
    };
    let text = serde_json::to_vec_pretty(&manifest).expect("a manifest serialises");
    write_synced(&folder.join(MANIFEST_FILE), &text).map_err(|e| folder_error(folder, e))?;
    File::open(folder)
        .and_then(|dir| dir.sync_all())
        .map_err(|e| folder_error(folder, e))?;
    Ok(report)
}

/// Refuses at once a folder without room for the database and every named file: SQLite
/// reports running out of room in the middle of a snapshot as a bare I/O failure, and a
/// supervisor would rather know before anything is written.
fn ensure_room(store: &Store, folder: &Path) -> Result<()> {
    let database: i64 = store.read().query_row(
        "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
        [],
        |row| row.get(0),
    )?;
    let files = store.files();
    let mut needed = database.unsigned_abs();
    for hash in doctor::named_files(store.read())?.into_keys() {
        needed += fs::metadata(files.path(&hash)).map_or(0, |m| m.len());
    }
    if free_bytes(folder).map_err(|e| folder_error(folder, e))? < needed {
        return Err(Error::Io(std::io::ErrorKind::StorageFull.into()));
    }
    Ok(())
}

/// The bytes an unprivileged writer may still put on the file system holding `folder`.
fn free_bytes(folder: &Path) -> std::io::Result<u64> {
    let stats = rustix::fs::statvfs(folder)?;
    Ok(stats.f_bavail * stats.f_frsize)
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

/// The seal's key file, as private in the backup as in the store (owner-only); `None` before
/// the installation made one.
fn copy_seal_key(store: &Store, folder: &Path) -> Result<Option<Entry>> {
    let Ok(pem) = fs::read(store.dir().join(SEAL_KEY_FILE)) else {
        return Ok(None);
    };
    write_synced(&folder.join(SEAL_KEY_FILE), &pem).map_err(|e| folder_error(folder, e))?;
    Ok(Some(Entry {
        sha256: content_hash(&pem),
        bytes: pem.len() as u64,
    }))
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    // Owner-only, like the store itself: a backup holds every applicant's data.
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}
