//! Backups: the SQLite online backup of the database and every file a record names, in a new
//! folder with a manifest of hashes ([`manifest`]); and the restore that checks all of it
//! before replacing the store ([`restore`]). The commands that start, record and restore a
//! backup are the application's (`app/backup.rs`).
mod copy;
mod manifest;
pub(crate) mod restore;

pub use manifest::{Manifest, DATABASE_FILE, MANIFEST_FILE};
pub use restore::RestoreReport;

use crate::account::Account;
use crate::error::{Error, Result};
use crate::store::Store;
use chrono::{DateTime, Utc};
use rastau_capture::CancelToken;
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
/// recorded with the store held again (`app/backup.rs` starts and records it): a backup of years of
/// copies keeps no clerk waiting.
pub struct BackupJob {
    pub(crate) store: Store,
    pub(crate) folder: PathBuf,
    pub(crate) now: DateTime<Utc>,
    pub(crate) seal_key: bool,
    pub(crate) by: Account,
}

/// A backup written, waiting to be recorded.
pub struct WrittenBackup {
    pub(crate) report: BackupReport,
    pub(crate) detail: String,
    pub(crate) by: Account,
}

/// How far a backup has got: files copied of those the snapshot names.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BackupProgress {
    pub done: u32,
    pub total: u32,
}

impl BackupJob {
    /// Writes the database and every file it names into the job's folder. An unfinished
    /// backup has no manifest and is never restored, but it must not sit there looking like
    /// one either: a failure removes the folder.
    pub fn write(self) -> Result<WrittenBackup> {
        self.write_watched(|_| (), &CancelToken::new())
    }

    /// [`BackupJob::write`], telling `progress` after each file, and stopping (the folder
    /// removed, [`Error::BackupCancelled`]) once `cancel` fires: years of copies take a while,
    /// and a supervisor who chose the wrong stick should not have to wait for it to fill.
    pub fn write_watched(
        self,
        progress: impl FnMut(BackupProgress),
        cancel: &CancelToken,
    ) -> Result<WrittenBackup> {
        match copy::write(
            &self.store,
            &self.folder,
            self.now,
            self.seal_key,
            progress,
            cancel,
        ) {
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
