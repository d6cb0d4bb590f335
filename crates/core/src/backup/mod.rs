//! Backups: the SQLite online backup of the database and every file a record names, in a new
//! folder with a manifest of hashes ([`manifest`]); and the restore that checks all of it
//! before replacing the store ([`restore`]).
mod copy;
mod manifest;
mod restore;

pub use manifest::{Manifest, DATABASE_FILE, MANIFEST_FILE};
pub use restore::{restore, RestoreReport};

use crate::audit::{Action, Event};
use crate::error::{Error, Result};
use crate::handover::{names, Disk};
use crate::Rastau;
use serde::Serialize;
use std::path::Path;
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

impl Rastau {
    /// Backs the whole store up into a new folder inside `dest`. Supervisors only. The seal's
    /// private key stays behind: its public half, in the database, is what checks seals.
    pub fn backup(&mut self, dest: &Path) -> Result<BackupReport> {
        self.backup_into(dest, false)
    }

    /// [`Rastau::backup`] carrying the seal's private key too, for moving the installation to
    /// a new machine that goes on sealing with the same key; only on a supervisor's explicit
    /// request, since whoever holds the backup can then forge the center's QR seals.
    pub fn backup_with_seal_key(&mut self, dest: &Path) -> Result<BackupReport> {
        self.backup_into(dest, true)
    }

    fn backup_into(&mut self, dest: &Path, seal_key: bool) -> Result<BackupReport> {
        let me = self.supervisor()?;
        let now = self.now();
        let name = format!("Rastau backup {}", crate::dates::file_stamp(now));
        let folder = names::create_folder(&Disk, dest, &name).map_err(|e| folder_error(dest, e))?;
        let report = match copy::write(&self.store, &folder, now, seal_key) {
            Ok(report) => report,
            Err(e) => {
                // An unfinished backup has no manifest and is never restored, but it must not
                // sit there looking like one either.
                let _ = std::fs::remove_dir_all(&folder);
                return Err(e);
            }
        };
        let with_key = if seal_key { " +seal-key" } else { "" };
        let detail = format!("{}{with_key}", folder.display());
        self.note(Event::by(&me, Action::BackedUp).detail(detail))?;
        Ok(report)
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
