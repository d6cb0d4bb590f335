//! Restoring a backup over the store. Nothing is replaced until the whole backup has been
//! checked as the store it would become, in a staging folder beside the database (same file
//! system): the manifest read and every file (the database too) hashed against it; then, staged,
//! the database brought up to this build's schema and passed through SQLite's integrity check,
//! the audit trail's hash chain (as `rastau audit verify`), the files against the records (as
//! `rastau doctor`), a center profile present (a store without one would open on the first
//! start, making whoever is there its supervisor), and the person signed in to it as one of its
//! supervisors. Whoever replaces a center's store must be a supervisor of that center too.
//!
//! The restore is noted in the staged store's own audit trail; then the swap
//! ([`crate::store::swap`]) puts it in place so that a crash leaves the old store or the new
//! one, never none. The store it replaces is moved aside to `replaced <date time>`, not
//! deleted. Here are the checks and the staging; signing in and the order of the steps are the
//! application's (`app/backup.rs`).
use super::manifest::{Manifest, DATABASE_FILE, FILES_DIR, FORMAT, MANIFEST_FILE};
use crate::audit::{self, Fault};
use crate::error::{Error, Result};
use crate::seal::{self, SEAL_KEY_FILE};
use crate::store::{content_hash, Store, DB_FILE};
use crate::{center, doctor};
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

/// The seal's private key that a backup carries becomes this installation's; the key it
/// replaces goes aside with the replaced store.
pub(crate) fn install_seal_key(data_dir: &Path, backup: &Path, aside: &Path) -> Result<()> {
    let current = data_dir.join(SEAL_KEY_FILE);
    if current.exists() {
        fs::create_dir_all(aside)?;
        fs::rename(&current, aside.join(SEAL_KEY_FILE))?;
    }
    seal::install_key_file(data_dir, &fs::read(backup.join(SEAL_KEY_FILE))?)
}

pub(crate) fn read_manifest(backup: &Path) -> Result<Manifest> {
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
pub(crate) fn check(backup: &Path, manifest: &Manifest) -> Result<()> {
    let database = std::iter::once((DATABASE_FILE.to_owned(), &manifest.database));
    let files = manifest.files.iter().map(|f| (file_path(&f.sha256), f));
    let seal_key = manifest
        .seal_key
        .iter()
        .map(|k| (SEAL_KEY_FILE.to_owned(), k));
    for (name, entry) in database.chain(files).chain(seal_key) {
        let sound = fs::read(backup.join(&name)).is_ok_and(|bytes| {
            bytes.len() as u64 == entry.bytes && content_hash(&bytes) == entry.sha256
        });
        if !sound {
            return Err(Error::BackupDamaged { file: name });
        }
    }
    Ok(())
}

pub(crate) fn file_path(hash: &str) -> String {
    format!("{FILES_DIR}/{}/{hash}", hash.get(..2).unwrap_or_default())
}

pub(crate) fn has_center(data_dir: &Path) -> Result<bool> {
    if !data_dir.join(DB_FILE).is_file() {
        return Ok(false);
    }
    Ok(center::load(Store::open(data_dir)?.read())?.is_some())
}

/// Copies the backup into `staging`, the database under the store's own file name.
pub(crate) fn stage(backup: &Path, manifest: &Manifest, staging: &Path) -> Result<()> {
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

/// The staged store passes what a sound store passes: SQLite's integrity check, the audit
/// chain, the doctor, and it has a center.
pub(crate) fn sound(store: &Store) -> Result<()> {
    let verdict: String = store
        .read()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if verdict != "ok" {
        return Err(Error::BackupDamaged {
            file: DATABASE_FILE.into(),
        });
    }
    if let Some(fault) = audit::chain::verify(store.read())?.fault {
        let seq = match fault {
            Fault::Changed { seq } | Fault::Inserted { seq } => seq,
            Fault::Removed { before, .. } => before,
        };
        return Err(Error::BackupAuditBroken { seq });
    }
    let files = doctor::check_closed(store)?;
    if let Some((_, hash)) = files.missing.iter().chain(&files.damaged).next() {
        return Err(Error::BackupDamaged {
            file: file_path(hash),
        });
    }
    if let Some(hash) = files.orphans.first() {
        return Err(Error::BackupFileUnnamed {
            file: file_path(hash),
        });
    }
    if center::load(store.read())?.is_none() {
        return Err(Error::BackupWithoutCenter);
    }
    Ok(())
}
