//! Backups: the SQLite online backup of the database and every file a record names, in a new
//! folder with a manifest of hashes ([`manifest`]); and the restore that checks all of it
//! before replacing the store ([`restore`]).
mod copy;
mod manifest;
mod restore;

pub use manifest::{Manifest, DATABASE_FILE, MANIFEST_FILE};
pub use restore::{restore, RestoreReport};

use crate::account::Account;
use crate::audit::{Action, Event};
use crate::error::{Error, Result};
use crate::handover::{names, Disk};
use crate::store::Store;
use crate::Rastau;
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::path::{Path, PathBuf};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupReport {
    /// The folder made inside the chosen one.
    pub folder: String,
    /// Stored files copied.
    pub files: u32,
    /// Bytes copied, database included.
    #[ts(type = "number")]
    pub bytes: u64,
}

/// A backup under way. Started with the store held (who asks, the folder made), written
/// through a connection of its own while the counter goes on ([`BackupJob::write`]), and
/// recorded with the store held again ([`Rastau::record_backup`]): a backup of years of
/// copies keeps no clerk waiting.
pub struct BackupJob {
    store: Store,
    folder: PathBuf,
    now: DateTime<Utc>,
    seal_key: bool,
    by: Account,
}

/// A backup written, waiting to be recorded.
pub struct WrittenBackup {
    report: BackupReport,
    detail: String,
    by: Account,
}

impl BackupJob {
    /// Writes the database and every file it names into the job's folder. An unfinished
    /// backup has no manifest and is never restored, but it must not sit there looking like
    /// one either: a failure removes the folder.
    pub fn write(self) -> Result<WrittenBackup> {
        match copy::write(&self.store, &self.folder, self.now, self.seal_key) {
            Ok(report) => {
                let with_key = if self.seal_key { " +seal-key" } else { "" };
                Ok(WrittenBackup {
                    report,
                    detail: format!("{}{with_key}", self.folder.display()),
                    by: self.by,
                })
            }
            Err(e) => {
                let _ = std::fs::remove_dir_all(&self.folder);
                Err(e)
            }
        }
    }
}

impl Rastau {
    /// Backs the whole store up into a new folder inside `dest`, all at once. Supervisors
    /// only. The seal's private key stays behind: its public half, in the database, is what
    /// checks seals.
    pub fn backup(&mut self, dest: &Path) -> Result<BackupReport> {
        let written = self.start_backup(dest, false)?.write()?;
        self.record_backup(written)
    }

    /// [`Rastau::backup`] carrying the seal's private key too, for moving the installation to
    /// a new machine that goes on sealing with the same key; only on a supervisor's explicit
    /// request, since whoever holds the backup can then forge the center's QR seals.
    pub fn backup_with_seal_key(&mut self, dest: &Path) -> Result<BackupReport> {
        let written = self.start_backup(dest, true)?.write()?;
        self.record_backup(written)
    }

    /// Starts a backup into a new folder inside `dest`, to be written without holding the
    /// application; `seal_key` as for [`Rastau::backup_with_seal_key`]. Supervisors only.
    pub fn start_backup(&mut self, dest: &Path, seal_key: bool) -> Result<BackupJob> {
        let by = self.supervisor()?;
        let now = self.now();
        let name = format!("Rastau backup {}", crate::dates::file_stamp(now));
        let folder = names::create_folder(&Disk, dest, &name).map_err(|e| folder_error(dest, e))?;
        Ok(BackupJob {
            store: self.store.another()?,
            folder,
            now,
            seal_key,
            by,
        })
    }

    /// Records a written backup in the audit trail.
    pub fn record_backup(&mut self, written: WrittenBackup) -> Result<BackupReport> {
        self.note(Event::by(&written.by, Action::BackedUp).detail(written.detail))?;
        Ok(written.report)
    }
}

/// A folder that cannot be made or written: a full disk says so, anything else names it.
pub(crate) fn folder_error(folder: &Path, e: std::io::Error) -> Error {
    if crate::error::is_disk_full(&e) {
        return Error::Io(e);
    }
    Error::BackupFolder {
        folder: folder.display().to_string(),
        detail: e.to_string(),
    }
}
