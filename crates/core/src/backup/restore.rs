//! Restoring a backup over the store. Nothing is replaced until the whole backup has been
//! checked: the manifest read, every file (the database too) hashed against it, the database
//! opened, brought up to this build's schema and passed SQLite's integrity check, and the person
//! signed in as a supervisor. The store it replaces is moved aside, not deleted.
use super::manifest::{Manifest, DATABASE_FILE, FILES_DIR, FORMAT, MANIFEST_FILE};
use crate::audit::{Action, Event};
use crate::clock::{Clock, ManualClock};
use crate::error::{Error, Result};
use crate::store::{content_hash, Store, DB_FILE};
use crate::{center, dates, Rastau};
use serde::Serialize;
use std::fs;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RestoreReport {
    /// Stored files restored.
    pub files: u32,
    /// Where the replaced store was moved, if there was one.
    pub replaced: Option<PathBuf>,
}

/// Restores the backup in `backup` into the data folder `data_dir`, for the supervisor `iin`
/// (of the current center, or of the backup's when this machine has none yet).
pub fn restore(
    data_dir: &Path,
    backup: &Path,
    iin: &str,
    password: &str,
    clock: Box<dyn Clock>,
) -> Result<RestoreReport> {
    let manifest = read_manifest(backup)?;
    check(backup, &manifest)?;
    let now = clock.now();
    let current = has_center(data_dir)?;
    if current {
        signed_in_supervisor(Store::open(data_dir)?, iin, password, &*clock)?;
    }
    let staging = data_dir.join(format!(".restoring {}", dates::file_stamp(now)));
    let staged = stage(backup, &manifest, &staging);
    let staged = staged.and_then(|()| {
        let store = Store::open(&staging)?;
        integrity(&store)?;
        if !current {
            signed_in_supervisor(store, iin, password, &*clock)?;
        }
        Ok(())
    });
    if let Err(e) = staged {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    let replaced = move_aside(data_dir, &format!("replaced {}", dates::file_stamp(now)))?;
    move_database(&staging, data_dir)?;
    fs::rename(staging.join(FILES_DIR), data_dir.join(FILES_DIR))?;
    fs::remove_dir_all(&staging)?;

    let mut app = Rastau::new(Store::open(data_dir)?, clock);
    app.login(iin, password)?;
    let me = app.supervisor()?;
    let detail = format!("{} {}", backup.display(), manifest.made_at);
    app.note(Event::by(&me, Action::Restored).detail(detail))?;
    Ok(RestoreReport {
        files: manifest.files.len() as u32,
        replaced,
    })
}

fn read_manifest(backup: &Path) -> Result<Manifest> {
    let not_a_backup = || Error::NotABackup {
        folder: backup.display().to_string(),
    };
    let text = fs::read(backup.join(MANIFEST_FILE)).map_err(|_| not_a_backup())?;
    let manifest: Manifest = serde_json::from_slice(&text).map_err(|_| not_a_backup())?;
    if manifest.format != FORMAT {
        return Err(not_a_backup());
    }
    Ok(manifest)
}

/// Every file of the manifest present and hashing to its entry.
fn check(backup: &Path, manifest: &Manifest) -> Result<()> {
    let database = std::iter::once((DATABASE_FILE.to_owned(), &manifest.database));
    let files = manifest.files.iter().map(|f| (file_path(&f.sha256), f));
    for (name, entry) in database.chain(files) {
        let sound = fs::read(backup.join(&name)).is_ok_and(|bytes| {
            bytes.len() as u64 == entry.bytes && content_hash(&bytes) == entry.sha256
        });
        if !sound {
            return Err(Error::BackupDamaged { file: name });
        }
    }
    Ok(())
}

fn file_path(hash: &str) -> String {
    format!("{FILES_DIR}/{}/{hash}", hash.get(..2).unwrap_or_default())
}

fn has_center(data_dir: &Path) -> Result<bool> {
    if !data_dir.join(DB_FILE).is_file() {
        return Ok(false);
    }
    Ok(center::load(Store::open(data_dir)?.read())?.is_some())
}

fn signed_in_supervisor(store: Store, iin: &str, password: &str, clock: &dyn Clock) -> Result<()> {
    let mut app = Rastau::new(store, Box::new(ManualClock::at(clock.now())));
    app.login(iin, password)?;
    app.supervisor().map(drop)
}

/// Copies the backup into `staging`, the database under the store's own file name.
fn stage(backup: &Path, manifest: &Manifest, staging: &Path) -> Result<()> {
    fs::create_dir_all(staging.join(FILES_DIR))?;
    fs::copy(backup.join(DATABASE_FILE), staging.join(DB_FILE))?;
    for file in &manifest.files {
        let name = file_path(&file.sha256);
        let to = staging.join(&name);
        fs::create_dir_all(to.parent().expect("a file path has a folder"))?;
        fs::copy(backup.join(&name), &to)?;
    }
    Ok(())
}

fn integrity(store: &Store) -> Result<()> {
    let verdict: String = store
        .read()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if verdict != "ok" {
        return Err(Error::BackupDamaged {
            file: DATABASE_FILE.into(),
        });
    }
    Ok(())
}

/// Moves the current database and files into a new folder `name` of `data_dir`.
fn move_aside(data_dir: &Path, name: &str) -> Result<Option<PathBuf>> {
    if !data_dir.join(DB_FILE).exists() {
        return Ok(None);
    }
    let aside = data_dir.join(name);
    fs::create_dir(&aside)?;
    move_database(data_dir, &aside)?;
    if data_dir.join(FILES_DIR).exists() {
        fs::rename(data_dir.join(FILES_DIR), aside.join(FILES_DIR))?;
    }
    Ok(Some(aside))
}

/// The database file with its WAL and shared-memory files, if any, from `from` into `to`.
fn move_database(from: &Path, to: &Path) -> Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let name = format!("{DB_FILE}{suffix}");
        if from.join(&name).exists() {
            fs::rename(from.join(&name), to.join(&name))?;
        }
    }
    Ok(())
}
